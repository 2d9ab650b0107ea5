//! How a card is drawn, in words every painter understands: fills, text, pictures. A
//! kind describes its card with these, in the card's own board units (its top-left
//! corner at 0, 0); the canvas and Spotlight paint them with egui, the PNG export with
//! its own rasteriser. Colours are roles ([`Paint`], [`Ink`]) each painter gives its
//! palette.

use crate::model::{AssetName, BoardRect, Crop, Message, Pos, Rgb, Size, Turn};

/// What is known of a card beyond its kind, for drawing it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Card {
    /// Its size on the board.
    pub size: Size,
    /// A prompt drawn from the deck (a note tagged as one): drawn as a prompt card.
    pub prompt: bool,
    /// Which idea, as it is now (its id and last change): painters keep what is costly
    /// to draw again (a sketch's picture) under it. 0: nothing is kept.
    pub key: u64,
}

impl Card {
    /// A card of `size`, not a prompt, nothing kept.
    pub const fn of_size(size: Size) -> Self {
        Self { size, prompt: false, key: 0 }
    }

    /// The whole card, in its own units.
    pub fn rect(&self) -> BoardRect {
        BoardRect::from_pos_size(Pos::new(0.0, 0.0), self.size)
    }

    /// The card inside its padding.
    pub fn inner(&self) -> BoardRect {
        inset(self.rect(), super::metrics::CARD_PADDING)
    }
}

/// `r` made smaller by `by` on every side.
pub fn inset(r: BoardRect, by: f32) -> BoardRect {
    BoardRect { min: Pos::new(r.min.x + by, r.min.y + by), max: Pos::new(r.max.x - by, r.max.y - by) }
}

/// The rectangle from `(x0, y0)` to `(x1, y1)`.
pub fn rect(x0: f32, y0: f32, x1: f32, y1: f32) -> BoardRect {
    BoardRect { min: Pos::new(x0, y0), max: Pos::new(x1, y1) }
}

/// A picture's or sketch's caption in a dark band along the card's bottom, as tall as
/// its words (at most half the card); nothing when there is none or it cannot be read.
pub fn caption_band(card: &Card, caption: &str, p: &mut dyn CardPainter) {
    let size = super::metrics::SMALL_FONT;
    if caption.trim().is_empty() || !p.readable(size) {
        return;
    }
    let style = TextStyle::new(size, Ink::Caption);
    let (w, h) = (card.size.w, card.size.h);
    let text_h = p.text_height(caption, style, w - 16.0);
    let top = h - (text_h + 10.0).min(h * 0.5).max(size * 1.6);
    p.fill(rect(0.0, top, w, h), Paint::Caption);
    p.text(rect(8.0, top + 5.0, w - 8.0, h), caption, style);
}

/// What an area is filled with.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Paint {
    Note,
    Prompt,
    Quote,
    Link,
    /// Where a picture will be, or could not be.
    Placeholder,
    /// The band behind a picture's caption.
    Caption,
    /// A colour of the board's own (a swatch).
    Colour(Rgb),
    /// A colour that is not one (a swatch whose hex does not parse).
    InvalidColour,
    /// The paper a sketch is drawn on.
    Sketch,
}

/// What text is written in.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Ink {
    Note,
    Prompt,
    /// The label on a prompt card.
    PromptLabel,
    Quote,
    QuoteMark,
    /// Who said it, where from, and other small print.
    Attribution,
    LinkTitle,
    LinkDomain,
    /// An address that is not opened (not a web or mail address).
    LinkUnsafe,
    /// Readable on a swatch of this colour (`None`: an invalid colour).
    OnColour(Option<Rgb>),
    Caption,
    /// A heading's words, straight on the canvas (readable on it in every look).
    Heading,
}

/// How text is set: its size in board units, ink and slant.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TextStyle {
    pub size: f32,
    pub ink: Ink,
    pub italics: bool,
}

impl TextStyle {
    pub const fn new(size: f32, ink: Ink) -> Self {
        Self { size, ink, italics: false }
    }

    pub const fn italics(self) -> Self {
        Self { italics: true, ..self }
    }
}

/// Where a single line sits in its area.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    LeftTop,
    LeftBottom,
    RightBottom,
}

/// How a picture fills its area.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fit {
    /// All of it, in its shape, in the middle (an image card).
    Contain,
    /// The area filled, cut to its shape (a link's preview band).
    Cover,
}

/// What draws a card: the canvas and Spotlight (egui), the PNG export. Areas are in the
/// card's own board units.
pub trait CardPainter {
    /// Fills `area`, rounded where it meets the card's corners.
    fn fill(&mut self, area: BoardRect, paint: Paint);
    /// Text wrapped into `area`, as many lines as fit.
    fn text(&mut self, area: BoardRect, text: &str, style: TextStyle);
    /// One line of text in `area`, cut where it ends.
    fn line(&mut self, area: BoardRect, text: &str, style: TextStyle, align: Align);
    /// A decoration (a quote mark) with its top-left corner at `at`.
    fn mark(&mut self, at: Pos, text: &str, style: TextStyle);
    /// The picture `asset` (the part `crop` keeps, turned by `turn`) in `area`; `name`
    /// says which while it loads or when it cannot be shown.
    fn picture(&mut self, area: BoardRect, asset: &AssetName, crop: Option<Crop>, turn: Turn, fit: Fit, name: &str);
    /// The strokes of `sketch`, its drawing area scaled into `area` (see
    /// [`super::Sketch`]); kept under [`Card::key`] where drawing them again is costly.
    fn drawing(&mut self, area: BoardRect, sketch: &super::Sketch);
    /// How tall `text` is when wrapped into `width` at `style`.
    fn text_height(&self, text: &str, style: TextStyle, width: f32) -> f32;
    /// Whether text of `size` board units can be read as drawn (else it shows as bars).
    fn readable(&self, size: f32) -> bool;
    /// A message in the painter's language.
    fn say(&self, message: &Message) -> String;
}
