//! sRGB colours written as `#RRGGBB` hex text.

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// Parses `#RGB`, `#RRGGBB`, `RGB` or `RRGGBB` (any case, surrounding spaces ignored).
    pub fn parse_hex(s: &str) -> Option<Self> {
        let s = s.trim();
        let hex = s.strip_prefix('#').unwrap_or(s);
        if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        let digit = |i: usize| u8::from_str_radix(&hex[i..=i], 16).ok();
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        match hex.len() {
            3 => Some(Self(digit(0)? * 17, digit(1)? * 17, digit(2)? * 17)),
            6 => Some(Self(byte(0)?, byte(2)?, byte(4)?)),
            _ => None,
        }
    }

    /// `#RRGGBB`, upper case: the one spelling written to files.
    pub fn to_hex(self) -> String {
        format!("#{:02X}{:02X}{:02X}", self.0, self.1, self.2)
    }

    /// Relative luminance (0 = black, 1 = white), to pick readable text on a swatch.
    pub fn luminance(self) -> f32 {
        let lin = |c: u8| {
            let c = f32::from(c) / 255.0;
            if c <= 0.04045 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
        };
        0.2126 * lin(self.0) + 0.7152 * lin(self.1) + 0.0722 * lin(self.2)
    }
}

/// Normalises user input to `#RRGGBB`, or explains what is wrong with it.
pub fn normalise_hex(s: &str) -> Result<String, String> {
    Rgb::parse_hex(s).map(Rgb::to_hex).ok_or_else(|| format!("{s:?} is not a colour; use hex like #E4B363 or #EB3"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_usual_spellings() {
        assert_eq!(Rgb::parse_hex("#E4B363"), Some(Rgb(0xE4, 0xB3, 0x63)));
        assert_eq!(Rgb::parse_hex("e4b363"), Some(Rgb(0xE4, 0xB3, 0x63)));
        assert_eq!(Rgb::parse_hex(" #fff "), Some(Rgb(255, 255, 255)));
        assert_eq!(normalise_hex("abc").unwrap(), "#AABBCC");
    }

    #[test]
    fn refuses_everything_else() {
        for bad in ["", "#", "#12345", "#1234567", "red", "#ggg", "#é12"] {
            assert_eq!(Rgb::parse_hex(bad), None, "{bad}");
        }
    }
}
