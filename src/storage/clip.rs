//! Cards on the clipboard: what Copy and Cut put there and Paste reads, in the board's
//! own format (see "Cards on the clipboard" in docs/FORMAT.md). The text is plain RON,
//! so a clip pasted into a chat or a text editor still reads as what it is, and pictures
//! travel inside it (base64), so cards can be pasted into another board, on another
//! computer, with their pictures.
//!
//! A clip is received data like any file: it is size-checked before parsing, its cards
//! are repaired like a board's, and its pictures are checked and stored under the hash
//! of their bytes, never under the name the clip gives.

use base64::Engine as _;
use serde::{Deserialize, Serialize};

use super::Problem;
use crate::model::{AssetName, Board, FORMAT_VERSION, Item, ThemeId, Timestamp};

/// The first line of every clip; what tells a clip from any other text.
pub const CLIP_HEADER: &str = "// Moodboard cards: paste them onto a board.\n";

/// Largest clip text read (pictures included).
pub const MAX_CLIP_BYTES: usize = 48 * 1024 * 1024;

/// Largest total of picture bytes a copy carries; cards beyond it are copied without
/// their pictures, and the user is told.
pub const MAX_CLIP_IMAGE_BYTES: usize = 32 * 1024 * 1024;

/// The clip as written.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Clip {
    /// The board format version the cards follow.
    pub version: u32,
    /// The themes the cards are in (name and colour, so another board can match them).
    pub themes: Vec<ClipTheme>,
    pub items: Vec<Item>,
    pub images: Vec<ClipImage>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClipTheme {
    pub id: ThemeId,
    pub name: String,
    pub colour: String,
}

/// A picture's bytes, base64, under the asset name the copying board gave it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClipImage {
    pub asset: AssetName,
    pub bytes: String,
}

/// Why a clip could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ClipError {
    TooLarge { size: usize, limit: usize },
    NewerVersion { found: u32, supported: u32 },
    Syntax { line: usize, column: usize, message: String },
}

impl crate::i18n::Said for ClipError {
    fn message(&self) -> crate::i18n::Message {
        use crate::i18n::Message;
        match self {
            ClipError::TooLarge { size, limit } => {
                Message::new("clip-too-large").with("size", *size).with("limit", *limit)
            }
            ClipError::NewerVersion { found, supported } => {
                Message::new("clip-newer").with("found", *found).with("supported", *supported)
            }
            ClipError::Syntax { line, column, message } => {
                Message::new("clip-damaged").with("line", *line).with("column", *column).with("message", message)
            }
        }
    }
}

crate::said_as_printed!(ClipError);

/// Whether `text` is a clip (and not text to paste as a note).
pub fn is_clip(text: &str) -> bool {
    text.trim_start().starts_with(CLIP_HEADER.trim_end())
}

/// The clip for `items` of `board`, with the pictures `read` gives for their assets (at
/// most [`MAX_CLIP_IMAGE_BYTES`] in all). Returns the text and how many pictures did not
/// come along (too large, or unreadable).
pub fn to_text(
    board: &Board,
    items: &[Item],
    mut read: impl FnMut(&AssetName) -> Option<Vec<u8>>,
) -> Result<(String, usize), ron::Error> {
    let mut themes: Vec<ClipTheme> = Vec::new();
    let mut images: Vec<ClipImage> = Vec::new();
    let (mut total, mut left_out) = (0usize, 0usize);
    for item in items {
        if let Some(theme) = item.theme.as_ref().and_then(|t| board.theme(t))
            && !themes.iter().any(|t| t.id == theme.id)
        {
            themes.push(ClipTheme { id: theme.id.clone(), name: theme.name.clone(), colour: theme.colour.clone() });
        }
        if let Some(asset) = item.kind.picture()
            && !images.iter().any(|i| i.asset == *asset)
        {
            match read(asset) {
                Some(bytes) if total + bytes.len() <= MAX_CLIP_IMAGE_BYTES => {
                    total += bytes.len();
                    let bytes = base64::engine::general_purpose::STANDARD.encode(bytes);
                    images.push(ClipImage { asset: asset.clone(), bytes });
                }
                _ => left_out += 1,
            }
        }
    }
    let clip = Clip { version: FORMAT_VERSION, themes, items: items.to_vec(), images };
    let config = ron::ser::PrettyConfig::new().new_line("\n").indentor("    ").struct_names(false);
    Ok((format!("{CLIP_HEADER}{}\n", ron::ser::to_string_pretty(&clip, config)?), left_out))
}

/// Reads a clip: size and version checked, then parsed. Its cards still need
/// [`received_cards`] before they go on a board.
pub fn parse(text: &str) -> Result<Clip, ClipError> {
    if text.len() > MAX_CLIP_BYTES {
        return Err(ClipError::TooLarge { size: text.len(), limit: MAX_CLIP_BYTES });
    }
    let options = ron::Options::default().with_recursion_limit(64);
    #[derive(Deserialize)]
    struct Probe {
        version: u32,
    }
    let syntax = |e: ron::error::SpannedError| ClipError::Syntax {
        line: e.span.start.line,
        column: e.span.start.col,
        message: e.code.to_string(),
    };
    // The version first, alone: a newer clip is refused as newer, not as damaged.
    if let Ok(Probe { version }) = options.from_str::<Probe>(text)
        && version > FORMAT_VERSION
    {
        return Err(ClipError::NewerVersion { found: version, supported: FORMAT_VERSION });
    }
    options.from_str(text).map_err(syntax)
}

/// The clip's cards as a board would hold them: repaired as a received board is
/// (impossible places and sizes, bad crops, unknown themes), with what was repaired.
/// Ids, places and themes are decided by whoever pastes.
pub fn received_cards(clip: &Clip, now: Timestamp) -> (Vec<Item>, Vec<Problem>) {
    // Repaired without their themes (a board's frame rules would move them); each card
    // gets its theme back after, if the clip names it.
    let themes: std::collections::HashMap<crate::model::ItemId, ThemeId> = clip
        .items
        .iter()
        .filter_map(|i| i.theme.clone().filter(|t| clip.themes.iter().any(|c| c.id == *t)).map(|t| (i.id.clone(), t)))
        .collect();
    let mut scratch = Board::new("clipboard", now);
    scratch.items.extend(clip.items.iter().cloned().map(|i| Item { theme: None, ..i }));
    let problems = super::repair(&mut scratch);
    let mut items = scratch.items.to_vec();
    for item in &mut items {
        item.theme = themes.get(&item.id).cloned();
    }
    (items, problems)
}

/// A picture's bytes from the clip, if it carries them and they are base64.
pub fn image_bytes(clip: &Clip, asset: &AssetName) -> Option<Vec<u8>> {
    let image = clip.images.iter().find(|i| i.asset == *asset)?;
    base64::engine::general_purpose::STANDARD.decode(image.bytes.as_bytes()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ItemKind, Pos};

    fn note(text: &str) -> Item {
        Item::new(ItemKind::note(text), Pos::new(10.0, 20.0), "Ann", "customer", Timestamp::now())
    }

    #[test]
    fn a_clip_reads_back_as_it_was_written() {
        let mut board = Board::new("b", Timestamp::now());
        let theme = board.new_theme("Light", Timestamp::now());
        let mut item = note("Morning fog");
        item.theme = Some(theme.id.clone());
        board.themes.push(theme);
        let (text, left_out) = to_text(&board, std::slice::from_ref(&item), |_| None).unwrap();
        assert_eq!(left_out, 0);
        assert!(is_clip(&text) && !is_clip("Morning fog"));
        let clip = parse(&text).unwrap();
        assert_eq!(clip.items, vec![item]);
        assert_eq!(clip.themes[0].name, "Light");
    }

    #[test]
    fn hostile_clips_are_refused_or_repaired() {
        let too_big = format!("{CLIP_HEADER}{}", " ".repeat(MAX_CLIP_BYTES));
        assert!(matches!(parse(&too_big), Err(ClipError::TooLarge { .. })));
        let newer = format!("{CLIP_HEADER}(version: 99, themes: [], items: [], images: [])");
        assert!(matches!(parse(&newer), Err(ClipError::NewerVersion { found: 99, .. })));
        let damaged = format!("{CLIP_HEADER}(version: 4, themes: [], items: [(id: \"x\"]");
        let message = parse(&damaged).unwrap_err().to_string();
        assert!(message.contains("line 2"), "{message}");
        // An impossible size comes out repaired, with a warning.
        let mut item = note("huge");
        item.size = crate::model::Size::new(f32::NAN, 1e12);
        let board = Board::new("b", Timestamp::now());
        let (text, _) = to_text(&board, &[item], |_| None).unwrap();
        let (cards, problems) = received_cards(&parse(&text).unwrap(), Timestamp::now());
        assert!(cards[0].size.is_valid(), "{:?}", cards[0].size);
        assert!(problems.iter().any(|p| p.to_string().contains("size")), "{problems:?}");
    }

    #[test]
    fn pictures_travel_inside_up_to_the_limit() {
        let board = Board::new("b", Timestamp::now());
        let image = |n: u8| {
            let asset = AssetName::from_hash(&format!("{n:032x}"), "png").unwrap();
            let kind = ItemKind::Image(crate::model::kinds::Image {
                asset,
                file_name: "p.png".into(),
                pixel_size: crate::model::PixelSize { w: 1, h: 1 },
                caption: String::new(),
                crop: None,
                turn: Default::default(),
                url: String::new(),
            });
            Item::new(kind, Pos::new(0.0, 0.0), "Ann", "own team", Timestamp::now())
        };
        let items = [image(1), image(2)];
        let big = vec![7u8; MAX_CLIP_IMAGE_BYTES / 2 + 1];
        let (text, left_out) = to_text(&board, &items, |_| Some(big.clone())).unwrap();
        assert_eq!(left_out, 1, "the second picture would pass the limit");
        let clip = parse(&text).unwrap();
        let ItemKind::Image(crate::model::kinds::Image { asset, .. }) = &items[0].kind else { unreachable!() };
        assert_eq!(image_bytes(&clip, asset), Some(big));
    }
}
