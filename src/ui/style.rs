//! Colours, sizes and spacing of the app, in one place.

use egui::Color32;

use crate::model::Rgb;

pub const CANVAS_BG: Color32 = Color32::from_rgb(0x1E, 0x1F, 0x22);
pub const GRID_DOT: Color32 = Color32::from_rgb(0x33, 0x35, 0x3A);
pub const CANVAS_BG_LIGHT: Color32 = Color32::from_rgb(0xF3, 0xF1, 0xEC);
pub const GRID_DOT_LIGHT: Color32 = Color32::from_rgb(0xD6, 0xD2, 0xC8);
pub const CANVAS_TEXT: Color32 = Color32::from_rgb(0xB4, 0xB8, 0xBF);
pub const CANVAS_TEXT_LIGHT: Color32 = Color32::from_rgb(0x55, 0x52, 0x4B);
pub const SELECTION: Color32 = Color32::from_rgb(0x4D, 0xA3, 0xFF);
pub const SEARCH_HIT: Color32 = Color32::from_rgb(0xFF, 0xC8, 0x57);
pub const NEW_FROM_MERGE: Color32 = Color32::from_rgb(0x7C, 0xE0, 0x9B);
pub const SHADOW: Color32 = Color32::from_black_alpha(70);

pub const NOTE_BG: Color32 = Color32::from_rgb(0xFF, 0xF1, 0xA8);
pub const NOTE_TEXT: Color32 = Color32::from_rgb(0x3A, 0x33, 0x20);
pub const QUOTE_BG: Color32 = Color32::from_rgb(0xFA, 0xF7, 0xF2);
pub const QUOTE_TEXT: Color32 = Color32::from_rgb(0x26, 0x26, 0x26);
pub const QUOTE_MARK: Color32 = Color32::from_rgb(0xC9, 0xB7, 0x9C);
pub const ATTRIBUTION: Color32 = Color32::from_rgb(0x6B, 0x63, 0x58);
pub const LINK_BG: Color32 = Color32::from_rgb(0xE6, 0xEE, 0xF7);
pub const LINK_TITLE: Color32 = Color32::from_rgb(0x1D, 0x35, 0x57);
pub const LINK_DOMAIN: Color32 = Color32::from_rgb(0x4A, 0x6A, 0x8A);
pub const LINK_UNSAFE: Color32 = Color32::from_rgb(0xB0, 0x3A, 0x2E);
pub const PLACEHOLDER_BG: Color32 = Color32::from_rgb(0x3A, 0x3D, 0x42);
/// The back of a face-down card (private collect).
pub const CARD_BACK: Color32 = Color32::from_rgb(0x2E, 0x4A, 0x62);
pub const CARD_BACK_LINE: Color32 = Color32::from_rgb(0x3B, 0x5C, 0x78);
pub const CARD_BACK_TEXT: Color32 = Color32::from_rgb(0xE8, 0xEE, 0xF4);
pub const PLACEHOLDER_TEXT: Color32 = Color32::from_rgb(0xC8, 0xCC, 0xD2);
pub const CAPTION_BG: Color32 = Color32::from_black_alpha(150);
/// The paper a sketch is drawn on, in light and dark looks alike (its inks are dark).
pub const SKETCH_BG: Color32 = Color32::from_rgb(0xFC, 0xFB, 0xF8);
pub const INVALID_COLOUR: Color32 = Color32::from_rgb(0x80, 0x80, 0x80);

pub const OK_TEXT: Color32 = Color32::from_rgb(0x8F, 0xD1, 0x9E);
pub const WARN_TEXT: Color32 = Color32::from_rgb(0xF2, 0xC1, 0x4E);
pub const ERROR_TEXT: Color32 = Color32::from_rgb(0xFF, 0x7B, 0x72);
/// The timer's end signal: noticeable, not alarming.
pub const CALM_SIGNAL: Color32 = Color32::from_rgb(0x8E, 0xC5, 0xE8);
pub const OK_TEXT_LIGHT: Color32 = Color32::from_rgb(0x1E, 0x6B, 0x32);
pub const WARN_TEXT_LIGHT: Color32 = Color32::from_rgb(0x80, 0x52, 0x00);
pub const ERROR_TEXT_LIGHT: Color32 = Color32::from_rgb(0xB0, 0x20, 0x18);
pub const CALM_SIGNAL_LIGHT: Color32 = Color32::from_rgb(0x1C, 0x55, 0x80);
/// A dot placed in a vote.
pub const DOT: Color32 = Color32::from_rgb(0xE0, 0x5A, 0x47);
/// Prompt cards drawn from the deck.
pub const PROMPT_BG: Color32 = Color32::from_rgb(0x2E, 0x3A, 0x59);
pub const PROMPT_TEXT: Color32 = Color32::from_rgb(0xF4, 0xF1, 0xE8);
/// The strip along a card's bottom with its dots and reactions.
pub const JUDGMENT_BG: Color32 = Color32::from_rgba_premultiplied(0xFF, 0xFF, 0xFF, 0xE0);
pub const JUDGMENT_TEXT: Color32 = Color32::from_rgb(0x30, 0x30, 0x30);

/// Board-space sizes (scaled with zoom).
pub use crate::model::metrics::{CARD_PADDING, NOTE_FONT, QUOTE_FONT, SMALL_FONT, TITLE_FONT};
pub const CARD_ROUNDING: f32 = 6.0;
/// A frame's name, in its header band.
pub const FRAME_LABEL_FONT: f32 = 26.0;
/// Text smaller than this many screen points is drawn as grey bars instead.
pub const MIN_READABLE_FONT: f32 = 4.0;

/// The colours people on a live board are told apart by (pointer, name, selection):
/// one for each of [`crate::live::presence::COLOURS`], the same on every screen.
pub const PEOPLE: [Color32; crate::live::presence::COLOURS] = [
    Color32::from_rgb(0xE8, 0x59, 0x0C),
    Color32::from_rgb(0x70, 0x48, 0xE8),
    Color32::from_rgb(0x0C, 0xA6, 0x78),
    Color32::from_rgb(0xD6, 0x33, 0x6C),
    Color32::from_rgb(0x1C, 0x7E, 0xD6),
    Color32::from_rgb(0xF5, 0x9F, 0x00),
    Color32::from_rgb(0x37, 0xB2, 0x4D),
    Color32::from_rgb(0xAE, 0x3E, 0xC9),
];

/// A person's colour on a live board.
pub fn person(colour: usize) -> Color32 {
    PEOPLE[colour % PEOPLE.len()]
}

/// Text on a person's colour: black or white, whichever reads better.
pub fn on_person(colour: usize) -> Color32 {
    let bg = person(colour);
    if contrast(Color32::WHITE, bg) >= contrast(Color32::BLACK, bg) { Color32::WHITE } else { Color32::BLACK }
}

/// Screen-space sizes (not scaled).
pub const RESIZE_HANDLE: f32 = 12.0;
pub const GRID_SPACING: f32 = crate::model::align::GRID;

/// Zoom limits.
pub const MIN_ZOOM: f32 = 0.02;
pub const MAX_ZOOM: f32 = 8.0;

/// The colour of a `#RRGGBB` string, or grey for an invalid one.
pub fn hex_colour(hex: &str) -> Color32 {
    Rgb::parse_hex(hex).map_or(INVALID_COLOUR, |Rgb(r, g, b)| Color32::from_rgb(r, g, b))
}

/// WCAG contrast ratio of two colours (1 to 21).
pub fn contrast(a: Color32, b: Color32) -> f32 {
    let lum = |c: Color32| {
        let f = |v: u8| {
            let v = f32::from(v) / 255.0;
            if v <= 0.03928 { v / 12.92 } else { ((v + 0.055) / 1.055).powf(2.4) }
        };
        0.2126 * f(c.r()) + 0.7152 * f(c.g()) + 0.0722 * f(c.b())
    };
    let (la, lb) = (lum(a), lum(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// A frame's name in its theme's colour, darkened (on light) or lightened (on dark)
/// until it reads at 4.5:1 on the canvas.
pub fn frame_label(colour: Color32, dark: bool) -> Color32 {
    let bg = canvas_bg(dark);
    let towards = if dark { Color32::WHITE } else { Color32::BLACK };
    (0..=20)
        .map(|step| colour.lerp_to_gamma(towards, step as f32 / 20.0))
        .find(|c| contrast(*c, bg) >= 4.5)
        .unwrap_or(towards)
}

/// The canvas's background in the dark or the light look.
pub fn canvas_bg(dark: bool) -> Color32 {
    if dark { CANVAS_BG } else { CANVAS_BG_LIGHT }
}

/// Words written on the open canvas (hints), in the dark or the light look.
/// A heading's words on the canvas, in the dark or the light look: as strong as the
/// canvas allows.
pub fn heading_text(dark: bool) -> Color32 {
    if dark { Color32::from_rgb(0xEE, 0xEC, 0xE8) } else { Color32::from_rgb(0x1D, 0x1F, 0x22) }
}

pub fn canvas_text(dark: bool) -> Color32 {
    if dark { CANVAS_TEXT } else { CANVAS_TEXT_LIGHT }
}

/// The grid's dots in the dark or the light look.
pub fn grid_dot(dark: bool) -> Color32 {
    if dark { GRID_DOT } else { GRID_DOT_LIGHT }
}

/// Black or white, whichever reads better on `hex`.
pub fn text_on(hex: &str) -> Color32 {
    let bg = hex_colour(hex);
    let dark = Color32::from_rgb(0x1A, 0x1A, 0x1A);
    if contrast(dark, bg) >= contrast(Color32::WHITE, bg) { dark } else { Color32::WHITE }
}

/// The egui look of the app, light or dark as `appearance` says.
pub fn apply(ctx: &egui::Context, appearance: crate::prefs::Appearance) {
    ctx.set_visuals_of(egui::Theme::Dark, egui::Visuals::dark());
    ctx.set_visuals_of(egui::Theme::Light, egui::Visuals::light());
    set_appearance(ctx, appearance);
    ctx.all_styles_mut(|style| {
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
        style.spacing.button_padding = egui::vec2(8.0, 4.0);
    });
    // Ctrl +/- zoom the board, not the whole interface.
    ctx.options_mut(|o| o.zoom_with_keyboard = false);
}

/// Switches between light, dark and following the system.
pub fn set_appearance(ctx: &egui::Context, appearance: crate::prefs::Appearance) {
    use crate::prefs::Appearance;
    ctx.set_theme(match appearance {
        Appearance::System => egui::ThemePreference::System,
        Appearance::Light => egui::ThemePreference::Light,
        Appearance::Dark => egui::ThemePreference::Dark,
    });
}

/// Text that says all is well, in the panels' look.
pub fn ok_text(visuals: &egui::Visuals) -> Color32 {
    if visuals.dark_mode { OK_TEXT } else { OK_TEXT_LIGHT }
}

/// Text that warns, in the panels' look.
pub fn warn_text(visuals: &egui::Visuals) -> Color32 {
    if visuals.dark_mode { WARN_TEXT } else { WARN_TEXT_LIGHT }
}

/// Text that says something failed, in the panels' look.
pub fn error_text(visuals: &egui::Visuals) -> Color32 {
    if visuals.dark_mode { ERROR_TEXT } else { ERROR_TEXT_LIGHT }
}

/// The calm "time is up" signal, in the panels' look.
pub fn calm_signal(visuals: &egui::Visuals) -> Color32 {
    if visuals.dark_mode { CALM_SIGNAL } else { CALM_SIGNAL_LIGHT }
}

/// The "Goals" label above the canvas, in the panels' look.
pub fn goals_label(visuals: &egui::Visuals) -> Color32 {
    if visuals.dark_mode { SEARCH_HIT } else { WARN_TEXT_LIGHT }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every text colour on the background it is drawn on reads at 4.5:1 (WCAG AA), in
    /// both looks.
    #[test]
    fn text_meets_four_and_a_half_to_one() {
        // Alpha colours over what they cover at worst: the caption band over a white
        // photo, the judgment tag over the darkest canvas.
        let over = |top: Color32, below: Color32| {
            let a = f32::from(top.a()) / 255.0;
            let mix = |t: u8, b: u8| (f32::from(t) + f32::from(b) * (1.0 - a)).round().min(255.0) as u8;
            Color32::from_rgb(mix(top.r(), below.r()), mix(top.g(), below.g()), mix(top.b(), below.b()))
        };
        let dark = egui::Visuals::dark();
        let light = egui::Visuals::light();
        let mut pairs: Vec<(&str, Color32, Color32)> = vec![
            ("note", NOTE_TEXT, NOTE_BG),
            ("quote", QUOTE_TEXT, QUOTE_BG),
            ("quote attribution", ATTRIBUTION, QUOTE_BG),
            ("link title", LINK_TITLE, LINK_BG),
            ("link domain", LINK_DOMAIN, LINK_BG),
            ("unsafe link", LINK_UNSAFE, LINK_BG),
            ("missing picture", PLACEHOLDER_TEXT, PLACEHOLDER_BG),
            ("prompt card", PROMPT_TEXT, PROMPT_BG),
            ("caption on a white photo", Color32::WHITE, over(CAPTION_BG, Color32::WHITE)),
            ("dots and reactions", JUDGMENT_TEXT, over(JUDGMENT_BG, CANVAS_BG)),
            ("canvas hint, dark", CANVAS_TEXT, CANVAS_BG),
            ("canvas hint, light", CANVAS_TEXT_LIGHT, CANVAS_BG_LIGHT),
        ];
        for (name, visuals) in [("dark", &dark), ("light", &light)] {
            for (what, colour) in [
                ("ok", ok_text(visuals)),
                ("warning", warn_text(visuals)),
                ("error", error_text(visuals)),
                ("time is up", calm_signal(visuals)),
                ("goals", goals_label(visuals)),
            ] {
                pairs.push((Box::leak(format!("{what} text, {name}").into_boxed_str()), colour, visuals.panel_fill));
            }
        }
        for hex in crate::model::THEME_PALETTE {
            for dark in [true, false] {
                pairs.push(("frame name", frame_label(hex_colour(hex), dark), canvas_bg(dark)));
            }
            pairs.push(("text on a swatch", text_on(hex), hex_colour(hex)));
        }
        let failing: Vec<String> = pairs
            .iter()
            .filter(|(_, fg, bg)| contrast(*fg, *bg) < 4.5)
            .map(|(what, fg, bg)| format!("{what}: {fg:?} on {bg:?} is {:.2}:1", contrast(*fg, *bg)))
            .collect();
        assert!(failing.is_empty(), "{failing:#?}");
    }

    #[test]
    fn contrast_is_the_wcag_ratio() {
        assert!((contrast(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 0.01);
        assert!((contrast(Color32::WHITE, Color32::WHITE) - 1.0).abs() < 0.01);
    }
}
