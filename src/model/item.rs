//! The things on a board: images, quotes, links, notes and colour swatches.

use serde::{Deserialize, Serialize};

use super::{AssetName, Crop, ItemId, Pos, Size, ThemeId, Timestamp};

/// One idea on the board. Everything except `kind` is shared by all kinds.
///
/// Invariants after a board is loaded: `pos` is finite and within the board,
/// `size` is within `MIN_SIZE..=MAX_SIZE`, `theme` names a theme of the board (or is
/// `None` for unsorted), and ids are unique within the board.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Item {
    pub id: ItemId,
    pub kind: ItemKind,
    pub pos: Pos,
    pub size: Size,
    /// Stacking order: higher is drawn on top. Ties are broken by id.
    pub z: i64,
    /// The theme this item is sorted into, or `None` while unsorted.
    pub theme: Option<ThemeId>,
    pub tags: Vec<String>,
    /// Who added it.
    pub contributor: String,
    /// Where it came from: the perspective it brings ("own team", "customer", …).
    pub source: String,
    /// A locked item cannot be moved, resized or deleted until unlocked.
    pub locked: bool,
    pub created: Timestamp,
    /// Time of the last change to any field; merge keeps the newest version.
    pub modified: Timestamp,
}

/// What an item is, with the fields only that kind has.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ItemKind {
    /// A picture stored in the board's assets folder.
    Image {
        /// File name inside `NAME.assets/`: the content hash plus extension.
        asset: AssetName,
        /// Name of the file it was imported from, for people.
        file_name: String,
        /// Width and height in pixels, after EXIF orientation.
        pixel_size: PixelSize,
        caption: String,
        /// The part of the picture the card shows; `None` is all of it (since version 4).
        crop: Option<Crop>,
    },
    /// Something someone said or wrote.
    Quote {
        text: String,
        /// Who said it.
        by: String,
        /// Where it was said or written (a book, a talk, an interview).
        citation: String,
    },
    /// A web page or other address, with what its page said of itself when it was added
    /// (since version 5; all empty for links added offline or from older files).
    Link {
        url: String,
        title: String,
        note: String,
        /// The page's own description (`og:description` or `<meta name="description">`).
        description: String,
        /// The site's name (`og:site_name`).
        site: String,
        /// The page's preview picture (`og:image`), stored in the assets folder.
        picture: Option<AssetName>,
    },
    /// A brainwave in free text.
    Note { text: String },
    /// A colour swatch.
    Colour {
        /// `#RRGGBB`; a file may hold anything here, which shows as an invalid colour.
        hex: String,
        name: String,
    },
}

/// The type scale cards are drawn with, in board units: what a card's default size is
/// made for, and what the canvas draws. At the zoom that fits a board of a dozen cards
/// in a window, body text stays readable (a note's 22 units are 11 points at 50 %).
pub mod metrics {
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
}

/// Pixel dimensions of an image.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PixelSize {
    pub w: u32,
    pub h: u32,
}

/// The kind of an item without its data: for menus, filters and messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum KindTag {
    Image,
    Quote,
    Link,
    Note,
    Colour,
}

impl KindTag {
    pub const ALL: [Self; 5] = [Self::Image, Self::Quote, Self::Link, Self::Note, Self::Colour];

    pub fn name(self) -> &'static str {
        match self {
            Self::Image => "image",
            Self::Quote => "quote",
            Self::Link => "link",
            Self::Note => "note",
            Self::Colour => "colour",
        }
    }

    /// The name with a capital, for headings and labels: "Note".
    pub fn title(self) -> &'static str {
        match self {
            Self::Image => "Image",
            Self::Quote => "Quote",
            Self::Link => "Link",
            Self::Note => "Note",
            Self::Colour => "Colour",
        }
    }
}

impl ItemKind {
    /// A link with no preview: what is typed, pasted offline, or read from older files.
    pub fn link(url: impl Into<String>, title: impl Into<String>, note: impl Into<String>) -> Self {
        Self::Link {
            url: url.into(),
            title: title.into(),
            note: note.into(),
            description: String::new(),
            site: String::new(),
            picture: None,
        }
    }

    /// The picture the item shows from the assets folder: an image's, or a link's preview.
    pub fn picture(&self) -> Option<&AssetName> {
        match self {
            Self::Image { asset, .. } => Some(asset),
            Self::Link { picture, .. } => picture.as_ref(),
            _ => None,
        }
    }

    pub fn tag(&self) -> KindTag {
        match self {
            Self::Image { .. } => KindTag::Image,
            Self::Quote { .. } => KindTag::Quote,
            Self::Link { .. } => KindTag::Link,
            Self::Note { .. } => KindTag::Note,
            Self::Colour { .. } => KindTag::Colour,
        }
    }

    /// A good size for a new item of this kind: pictures in their shape, notes and
    /// quotes as tall as their text needs (see [`metrics`]).
    pub fn default_size(&self) -> Size {
        use metrics::*;
        match self {
            Self::Image { pixel_size, crop, .. } => {
                let crop = crop.unwrap_or(Crop { x: 0.0, y: 0.0, w: 1.0, h: 1.0 });
                let (w, h) = (pixel_size.w.max(1) as f32 * crop.w, pixel_size.h.max(1) as f32 * crop.h);
                let scale = IMAGE_SIDE / w.max(h);
                Size::new((w * scale).max(super::geometry::MIN_SIZE), (h * scale).max(super::geometry::MIN_SIZE))
            }
            Self::Quote { text, by, citation } => {
                let attribution = if by.is_empty() && citation.is_empty() { 0.0 } else { SMALL_FONT * 1.8 };
                let h = text_height(text, QUOTE_FONT, QUOTE_WIDTH, QUOTE_FONT * 1.1 + attribution);
                Size::new(QUOTE_WIDTH, h.clamp(140.0, 900.0))
            }
            Self::Link { note, description, picture, .. } => {
                let note_h = if note.trim().is_empty() { 0.0 } else { SMALL_FONT * LINE * 2.0 };
                let description_h = if description.trim().is_empty() { 0.0 } else { SMALL_FONT * LINE * 3.0 };
                let picture_h = if picture.is_some() { LINK_PICTURE_H } else { 0.0 };
                Size::new(300.0, 120.0 + note_h + description_h + picture_h)
            }
            Self::Note { text } => {
                Size::new(NOTE_WIDTH, text_height(text, NOTE_FONT, NOTE_WIDTH, 0.0).clamp(110.0, 900.0))
            }
            Self::Colour { .. } => Size::new(160.0, 160.0),
        }
    }

    /// Every piece of free text in the item, for search and `remove --matching`.
    pub fn texts(&self) -> Vec<&str> {
        match self {
            Self::Image { file_name, caption, .. } => vec![file_name, caption],
            Self::Quote { text, by, citation } => vec![text, by, citation],
            Self::Link { url, title, note, description, site, .. } => vec![url, title, note, description, site],
            Self::Note { text } => vec![text],
            Self::Colour { hex, name } => vec![hex, name],
        }
    }

    /// One line describing the item, for lists, messages and the command line.
    pub fn summary(&self) -> String {
        let s = match self {
            // People know a picture by its caption; without one, by its file's name.
            Self::Image { file_name, caption, .. } if caption.trim().is_empty() => file_name.clone(),
            Self::Image { caption, .. } => caption.clone(),
            Self::Quote { text, by, .. } => {
                if by.is_empty() {
                    format!("“{text}”")
                } else {
                    format!("“{text}” — {by}")
                }
            }
            Self::Link { url, title, .. } => {
                if title.is_empty() {
                    url.clone()
                } else {
                    format!("{title} <{url}>")
                }
            }
            Self::Note { text } => text.clone(),
            Self::Colour { hex, name } => {
                if name.is_empty() {
                    hex.clone()
                } else {
                    format!("{hex} {name}")
                }
            }
        };
        one_line(&s, 120)
    }
}

/// Folds whitespace to single spaces and shortens to `max` characters with an ellipsis.
pub fn one_line(s: &str, max: usize) -> String {
    let folded = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if folded.chars().count() <= max {
        folded
    } else {
        let mut t: String = folded.chars().take(max.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

impl Item {
    /// A new item at `pos` with the kind's default size, stamped with `now`.
    pub fn new(kind: ItemKind, pos: Pos, contributor: &str, source: &str, now: Timestamp) -> Self {
        let size = kind.default_size();
        Self {
            id: ItemId::new_random(),
            kind,
            pos,
            size,
            z: 0,
            theme: None,
            tags: Vec::new(),
            contributor: contributor.to_owned(),
            source: source.to_owned(),
            locked: false,
            created: now,
            modified: now,
        }
    }

    /// Does the item mention `needle` (case-insensitive) in its text, tags, contributor
    /// or source?
    pub fn matches(&self, needle: &str) -> bool {
        let needle = needle.to_lowercase();
        let hit = |s: &str| s.to_lowercase().contains(&needle);
        self.kind.texts().into_iter().any(hit)
            || self.tags.iter().any(|t| hit(t))
            || hit(&self.contributor)
            || hit(&self.source)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_picture_is_named_by_its_caption_else_its_file() {
        let kind = |caption: &str| ItemKind::Image {
            asset: AssetName::from_hash("0123456789abcdef0123456789abcdef", "png").unwrap(),
            file_name: "IMG_2041.png".into(),
            pixel_size: PixelSize { w: 4032, h: 3024 },
            caption: caption.into(),
            crop: None,
        };
        assert_eq!(kind("Tiles in Porto").summary(), "Tiles in Porto");
        assert_eq!(kind("  ").summary(), "IMG_2041.png", "no pixel sizes in what people read");
    }

    #[test]
    fn one_line_folds_and_shortens() {
        assert_eq!(one_line("a\n  b\tc", 10), "a b c");
        assert_eq!(one_line("abcdefghij", 5), "abcd…");
    }

    #[test]
    fn notes_are_as_tall_as_their_text() {
        let short = ItemKind::Note { text: "Open shelves?".into() }.default_size();
        let long = ItemKind::Note { text: "What if the counter moved to the window, and the morning light came in low over the bread, so that people stop on the pavement to look?".into() }.default_size();
        assert_eq!(short.h, 110.0, "one line: the smallest note");
        assert!(long.h > short.h + 3.0 * metrics::NOTE_FONT, "{long:?}");
        assert_eq!(metrics::lines("a b c", 22.0, 10_000.0), 1);
        assert_eq!(metrics::lines("one\ntwo\nthree", 22.0, 10_000.0), 3);
    }

    #[test]
    fn image_default_size_keeps_aspect() {
        let kind = ItemKind::Image {
            asset: AssetName::parse("0123456789abcdef0123456789abcdef.png").unwrap(),
            file_name: "x.png".into(),
            pixel_size: PixelSize { w: 4000, h: 1000 },
            caption: String::new(),
            crop: None,
        };
        let s = kind.default_size();
        assert!((s.w / s.h - 4.0).abs() < 0.01, "{s:?}");
    }
}
