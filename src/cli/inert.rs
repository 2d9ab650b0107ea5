//! Text from others made inert for a terminal. Every byte the command line writes goes
//! through [`Inert`] (main.rs wraps standard output and standard error in it), so no
//! command can forget: a control character (ESC, BEL, a carriage return …) or a
//! direction override from a received board is shown as its escape, `\u{1b}`, and never
//! acts on the terminal — no retitled window, cleared screen, hidden or reversed text.
//! Line breaks and tabs stay what they are.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::{self, Write};

/// Whether `c` would act on a terminal or reorder the text around it.
pub fn is_active(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c,
            // Arabic letter mark, left-to-right and right-to-left marks.
            '\u{061c}' | '\u{200e}' | '\u{200f}'
            // Embeddings, overrides and isolates.
            | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
            // Line and paragraph separators (a line break the terminal does not show).
            | '\u{2028}' | '\u{2029}')
}

/// `text` with every active character written as its escape.
pub fn inert(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_active) {
        return Cow::Borrowed(text);
    }
    let mut shown = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_active(c) {
            let _ = write!(shown, "\\u{{{:x}}}", u32::from(c));
        } else {
            shown.push(c);
        }
    }
    Cow::Owned(shown)
}

/// A writer that passes text on inert. Bytes that are not UTF-8 are shown as `\x..`; a
/// character split between two writes is put together first.
pub struct Inert<W: Write> {
    inner: W,
    /// The start of a character whose remaining bytes have not arrived yet.
    pending: Vec<u8>,
}

impl<W: Write> Inert<W> {
    pub fn new(inner: W) -> Self {
        Self { inner, pending: Vec::new() }
    }
}

impl<W: Write> Write for Inert<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(buf);
        let mut bytes: &[u8] = &std::mem::take(&mut self.pending);
        let mut shown = String::new();
        loop {
            match std::str::from_utf8(bytes) {
                Ok(text) => {
                    shown.push_str(&inert(text));
                    break;
                }
                Err(e) => {
                    let (good, rest) = bytes.split_at(e.valid_up_to());
                    // Checked just above.
                    shown.push_str(&inert(std::str::from_utf8(good).unwrap_or_default()));
                    match e.error_len() {
                        Some(bad) => {
                            for b in &rest[..bad] {
                                let _ = write!(shown, "\\x{b:02x}");
                            }
                            bytes = &rest[bad..];
                        }
                        // Incomplete at the end: wait for the rest.
                        None => {
                            self.pending = rest.to_vec();
                            break;
                        }
                    }
                }
            }
        }
        self.inner.write_all(shown.as_bytes())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.pending.is_empty() {
            let left: String = self.pending.drain(..).map(|b| format!("\\x{b:02x}")).collect();
            self.inner.write_all(left.as_bytes())?;
        }
        self.inner.flush()
    }
}

impl<W: Write> Drop for Inert<W> {
    fn drop(&mut self) {
        let _ = self.flush();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn through(parts: &[&[u8]]) -> String {
        let mut out = Vec::new();
        {
            let mut w = Inert::new(&mut out);
            for p in parts {
                w.write_all(p).unwrap();
            }
        }
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn control_and_direction_characters_are_shown_not_obeyed() {
        assert_eq!(inert("plain café\n\ttab"), "plain café\n\ttab");
        assert_eq!(inert("\u{1b}]0;owned\u{7}"), "\\u{1b}]0;owned\\u{7}");
        assert_eq!(inert("a\rb\u{7f}\u{9b}"), "a\\u{d}b\\u{7f}\\u{9b}");
        assert_eq!(inert("photo\u{202e}gnp.exe"), "photo\\u{202e}gnp.exe");
        assert_eq!(inert("\u{2066}x\u{2069}\u{200f}"), "\\u{2066}x\\u{2069}\\u{200f}");
    }

    #[test]
    fn the_writer_puts_split_characters_together_and_shows_bad_bytes() {
        let e = "é".as_bytes();
        assert_eq!(through(&[b"caf", &e[..1], &e[1..], b"\x1b[2J"]), "café\\u{1b}[2J");
        let rlo = "\u{202e}".as_bytes();
        assert_eq!(through(&[&rlo[..2], &rlo[2..]]), "\\u{202e}");
        assert_eq!(through(&[b"a\xffb"]), "a\\xffb");
        assert_eq!(through(&[b"end\xe2\x80"]), "end\\xe2\\x80");
    }
}
