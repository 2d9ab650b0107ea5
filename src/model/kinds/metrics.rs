//! The type scale cards are drawn with, in board units: what a card's default size is
//! made for, and what the canvas draws. At the zoom that fits a board of a dozen cards
//! in a window, body text stays readable (a note's 22 units are 11 points at 50 %).

pub const NOTE_FONT: f32 = 22.0;
pub const QUOTE_FONT: f32 = 24.0;
pub const TITLE_FONT: f32 = 21.0;
pub const SMALL_FONT: f32 = 16.0;
pub const CARD_PADDING: f32 = 14.0;
/// Line height as a multiple of the font size.
pub const LINE: f32 = 1.32;
/// A typical glyph's width as a multiple of the font size, for estimating wraps.
pub const GLYPH: f32 = 0.5;
pub const NOTE_WIDTH: f32 = 260.0;
pub const QUOTE_WIDTH: f32 = 300.0;
/// Pictures' longest side.
pub const IMAGE_SIDE: f32 = 300.0;
/// The height of a link card's preview picture, across the card's top.
pub const LINK_PICTURE_H: f32 = 158.0;

/// Lines `text` wraps to at `font` in `width`: greedy word wrap on estimated widths.
pub fn lines(text: &str, font: f32, width: f32) -> usize {
    let per_line = ((width / (font * GLYPH)).floor() as usize).max(1);
    text.split('\n')
        .map(|paragraph| {
            let mut lines = 1;
            let mut used = 0;
            for word in paragraph.split_whitespace() {
                let len = word.chars().count();
                if used == 0 {
                    used = len;
                } else if used + 1 + len <= per_line {
                    used += 1 + len;
                } else {
                    lines += 1;
                    used = len;
                }
                lines += used.saturating_sub(1) / per_line;
                used = if used > per_line { used % per_line } else { used };
            }
            lines
        })
        .sum::<usize>()
        .max(1)
}

/// The height a card of `width` needs for `text` at `font`, with `extra` for what
/// else it shows (a quote's mark and attribution).
pub fn text_height(text: &str, font: f32, width: f32, extra: f32) -> f32 {
    let inner = width - 2.0 * CARD_PADDING;
    lines(text, font, inner) as f32 * font * LINE + 2.0 * CARD_PADDING + extra
}
