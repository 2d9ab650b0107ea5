//! An image: a picture stored in the board's assets folder, imported from a file, a web
//! address, the clipboard or a phone (never typed), with a caption and a crop.

use serde::{Deserialize, Serialize};

use super::metrics::IMAGE_SIDE;
use super::paint::{Card, CardPainter, Fit, caption_band};
use super::{Behaviour, Detail, Field, Flag, Hint, Kind, KindSpec, KindTag, Paste, PhoneCard, Recap, Remark, Repair};
use crate::model::{AssetName, Crop, MIN_SIZE, Message, Size, Turn};

/// A picture stored in the board's assets folder.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Image {
    /// File name inside `NAME.assets/`: the content hash plus extension.
    pub asset: AssetName,
    /// Name of the file it was imported from, for people.
    pub file_name: String,
    /// Width and height in pixels, after EXIF orientation.
    pub pixel_size: PixelSize,
    pub caption: String,
    /// The part of the picture the card shows; `None` is all of it (since version 4).
    pub crop: Option<Crop>,
    /// How the part shown is turned and mirrored on the card (since version 8; a file
    /// that leaves it out means no turn).
    #[serde(default)]
    pub turn: Turn,
    /// The web address the picture was downloaded from (pasted, dropped, or given to
    /// `moodboard add`), so that where it came from is never lost; empty for a picture
    /// from a file or the clipboard (since version 10).
    #[serde(default)]
    pub url: String,
}

/// Pixel dimensions of an image.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PixelSize {
    pub w: u32,
    pub h: u32,
}

/// Only ever made by an import, which sets every field; this is what fields are typed
/// into (an image has none that make it).
impl Default for Image {
    fn default() -> Self {
        Self {
            asset: AssetName::from_hash("00000000000000000000000000000000", "png").expect("a valid asset name"),
            file_name: String::new(),
            pixel_size: PixelSize { w: 1, h: 1 },
            caption: String::new(),
            crop: None,
            turn: Turn::default(),
            url: String::new(),
        }
    }
}

impl Image {
    /// A caption from the name of the file a picture came from: `espresso-bar_porto.jpg`
    /// → "espresso bar porto". Empty for a name that says nothing to people: a camera's,
    /// phone's or screenshot's numbering (`IMG_2041`, `DSC01234`, `PXL_20240101_…`,
    /// `Screenshot 2024-…`, `image.png`), or one that is only digits.
    pub fn caption_from(file_name: &str) -> String {
        let stem = file_name.rsplit(['/', '\\']).next().unwrap_or("");
        let stem = stem.rsplit_once('.').map_or(stem, |(s, _)| s);
        let words: Vec<&str> = stem.split(|c: char| c == '_' || c == '-' || c.is_whitespace()).filter(|w| !w.is_empty()).collect();
        let lower = stem.to_lowercase();
        // A screenshot's name is its date; a camera's, a number after its prefix (an
        // edited iPhone photo adds an E).
        let screenshot = ["screenshot", "screen shot", "schermafbeelding", "schermafdruk"].iter().any(|p| lower.starts_with(p));
        const NUMBERED: [&str; 10] = ["img", "dsc", "dscn", "dscf", "pxl", "mvimg", "image", "photo", "pasted", "clipboard"];
        let numbered = NUMBERED.iter().any(|p| {
            let rest = lower.strip_prefix(p).map(|r| r.split('.').next().unwrap_or(""));
            rest.is_some_and(|rest| rest.chars().filter(|c| c.is_alphabetic()).count() <= 1)
        });
        let only_numbers = words.iter().all(|w| w.chars().all(|c| !c.is_alphabetic()));
        if screenshot || numbered || only_numbers || words.is_empty() {
            return String::new();
        }
        crate::model::one_line(&words.join(" "), 120)
    }
}

const FIELDS: [Field; 1] = [Field::text("caption", "inspector-caption")
    .long()
    .hint(Hint::Said("inspector-caption-hint"))
    .step("step-change-caption")
    .not_in_form()];

impl Kind for Image {
    const SPEC: KindSpec = KindSpec {
        tag: KindTag::Image,
        name: "image",
        icon: "🖼",
        key: Some("I"),
        fields: &FIELDS,
        typed: false,
        drawn: false,
        flag: Some(Flag { long: "image", alias: None, value_name: "FILE_OR_URL", help: "cli-add-image" }),
        // Phones send photos through their own route (docs/JOIN.md).
        phones: false,
        paste: Paste::Never,
    };
}

impl Behaviour for Image {
    fn field(&self, key: &str) -> Option<&str> {
        (key == "caption").then_some(self.caption.as_str())
    }

    fn field_mut(&mut self, key: &str) -> Option<&mut String> {
        (key == "caption").then_some(&mut self.caption)
    }

    /// In the picture's shape (the part the crop keeps), its longest side [`IMAGE_SIDE`].
    fn default_size(&self) -> Size {
        let crop = self.crop.unwrap_or(Crop { x: 0.0, y: 0.0, w: 1.0, h: 1.0 });
        let (w, h) = (self.pixel_size.w.max(1) as f32 * crop.w, self.pixel_size.h.max(1) as f32 * crop.h);
        let (w, h) = if self.turn.sideways() { (h, w) } else { (w, h) };
        let scale = IMAGE_SIDE / w.max(h);
        Size::new((w * scale).max(MIN_SIZE), (h * scale).max(MIN_SIZE))
    }

    fn texts(&self) -> Vec<&str> {
        vec![&self.file_name, &self.caption, &self.url]
    }

    /// People know a picture by its caption; without one, by its file's name.
    fn summary(&self) -> String {
        if self.caption.trim().is_empty() { self.file_name.clone() } else { self.caption.clone() }
    }

    fn picture(&self) -> Option<&AssetName> {
        Some(&self.asset)
    }

    fn set_picture(&mut self, picture: Option<AssetName>, pixels: Option<PixelSize>) {
        if let Some(asset) = picture {
            self.asset = asset;
        }
        if let Some(pixels) = pixels {
            self.pixel_size = pixels;
        }
    }

    fn stands_without_picture(&self) -> bool {
        false
    }

    fn keeps_shape(&self) -> bool {
        true
    }

    fn paint(&self, card: &Card, p: &mut dyn CardPainter) {
        p.picture(card.rect(), &self.asset, self.crop, self.turn, Fit::Contain, &self.file_name);
        caption_band(card, &self.caption, p);
    }

    fn recap(&self, recap: &mut dyn Recap) {
        recap.picture(&self.asset, self.turn, &self.file_name);
        recap.remark(Remark::Caption, &self.caption);
        recap.remark(Remark::Source, &self.url);
    }

    fn details(&self) -> Vec<Detail> {
        let mut details = vec![Detail::Info(
            Message::new("inspector-image-size")
                .with("file", &self.file_name)
                .with("w", self.pixel_size.w)
                .with("h", self.pixel_size.h),
        )];
        if !self.url.trim().is_empty() {
            let from = crate::model::one_line(&self.url, 80);
            details.push(Detail::Info(Message::new("inspector-image-from").with("url", from)));
            // Only an address that opens a web page gets a button; a board from a stranger
            // may hold anything here.
            if crate::model::links::is_openable(&self.url) {
                details.push(Detail::Open(self.url.clone()));
            }
        }
        details
    }

    fn repair(&mut self) -> Vec<Repair> {
        let mut repairs = Vec::new();
        if self.turn.quarters > 3 {
            repairs.push(Repair {
                field: "turn",
                what: Message::new("problem-not-a-turn").with("quarters", u32::from(self.turn.quarters)),
            });
            self.turn.quarters %= 4;
        }
        let PixelSize { w, h } = self.pixel_size;
        if w == 0 || h == 0 {
            repairs.push(Repair {
                field: "pixel_size",
                what: Message::new("problem-not-an-image-size").with("w", w).with("h", h),
            });
        }
        if let Some(c) = self.crop
            && (!c.is_valid() || c.is_whole())
        {
            self.crop = None;
            if !c.is_valid() {
                let shown = |v: f32| if v.is_finite() { format!("{v}") } else { format!("{v:?}") };
                repairs.push(Repair {
                    field: "crop",
                    what: Message::new("problem-not-a-crop")
                        .with("x", shown(c.x))
                        .with("y", shown(c.y))
                        .with("w", shown(c.w))
                        .with("h", shown(c.h)),
                });
            }
        }
        repairs
    }

    fn on_phone(&self) -> PhoneCard {
        PhoneCard { text: self.summary(), ..PhoneCard::default() }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_caption_comes_from_a_file_name_that_says_something() {
        let caption = super::Image::caption_from;
        assert_eq!(caption("espresso-bar_porto.jpg"), "espresso bar porto");
        assert_eq!(caption("/home/ann/Pictures/Old brick wall.JPEG"), "Old brick wall");
        assert_eq!(caption("cat"), "cat");
        for nothing in [
            "IMG_2041.jpg",
            "IMG_E2041.HEIC.jpg",
            "DSC01234.JPG",
            "PXL_20240101_101010123.jpg",
            "Screenshot from 2024-01-01 10-00-00.png",
            "Schermafbeelding 2024-01-01 om 10.00.00.png",
            "image.png",
            "20240101_101010.jpg",
            ".png",
            "",
        ] {
            assert_eq!(caption(nothing), "", "{nothing}");
        }
    }

    use super::*;

    fn image(caption: &str, w: u32, h: u32) -> Image {
        Image {
            asset: AssetName::from_hash("0123456789abcdef0123456789abcdef", "png").unwrap(),
            file_name: "IMG_2041.png".into(),
            pixel_size: PixelSize { w, h },
            caption: caption.into(),
            crop: None,
            turn: Default::default(),
            url: String::new(),
        }
    }

    #[test]
    fn a_picture_is_named_by_its_caption_else_its_file() {
        assert_eq!(image("Tiles in Porto", 4032, 3024).summary(), "Tiles in Porto");
        assert_eq!(image("  ", 4032, 3024).summary(), "IMG_2041.png", "no pixel sizes in what people read");
    }

    /// A picture's address from a stranger's board is only ever opened when it is a web
    /// page's; anything else is said (cut to one line) but offers no button.
    #[test]
    fn only_a_web_address_a_picture_came_from_can_be_opened() {
        let opens = |url: &str| {
            let picture = Image { url: url.to_owned(), ..image("", 10, 10) };
            let details = picture.details();
            let said = details.iter().any(|d| matches!(d, Detail::Info(m) if m.id == "inspector-image-from"));
            (said, details.iter().any(|d| matches!(d, Detail::Open(_))))
        };
        assert_eq!(opens("https://example.com/tiles.png"), (true, true));
        assert_eq!(opens("javascript:alert(1)"), (true, false));
        assert_eq!(opens("file:///etc/passwd"), (true, false));
        assert_eq!(opens(&format!("https://example.com/{}\nline two", "a".repeat(5000))), (true, false));
        assert_eq!(opens("   "), (false, false), "no address, nothing said");
    }

    #[test]
    fn image_default_size_keeps_aspect() {
        let s = image("", 4000, 1000).default_size();
        assert!((s.w / s.h - 4.0).abs() < 0.01, "{s:?}");
    }

    #[test]
    fn impossible_sizes_and_crops_are_repaired_or_named() {
        let mut bad = image("", 0, 10);
        bad.crop = Some(Crop { x: 0.9, y: 0.0, w: 0.5, h: f32::NAN });
        let repairs = bad.repair();
        assert_eq!(repairs.iter().map(|r| r.field).collect::<Vec<_>>(), ["pixel_size", "crop"]);
        assert_eq!(bad.crop, None, "an impossible crop shows the whole picture");
    }
}

impl Image {
    /// Which point of the picture shows at `at` on a card of `size` (both in the card's
    /// units), as fractions of the whole picture, with its crop and turn: what the colour
    /// picker reads. `None` outside the picture (the margins of a card of another shape).
    pub fn picture_point(&self, size: Size, at: crate::model::Pos) -> Option<(f32, f32)> {
        let crop = self.crop.filter(|c| c.is_valid()).unwrap_or(Crop { x: 0.0, y: 0.0, w: 1.0, h: 1.0 });
        let (w, h) = (self.pixel_size.w.max(1) as f32 * crop.w, self.pixel_size.h.max(1) as f32 * crop.h);
        let (w, h) = if self.turn.sideways() { (h, w) } else { (w, h) };
        let scale = (size.w / w).min(size.h / h);
        let (left, top) = ((size.w - w * scale) / 2.0, (size.h - h * scale) / 2.0);
        let (sx, sy) = ((at.x - left) / (w * scale), (at.y - top) / (h * scale));
        if !(0.0..=1.0).contains(&sx) || !(0.0..=1.0).contains(&sy) {
            return None;
        }
        // The card's corners show these corners of the part kept; the point between them.
        let corner = |n: usize| match self.turn.source_corner(n) {
            0 => (0.0, 0.0),
            1 => (1.0, 0.0),
            2 => (1.0, 1.0),
            _ => (0.0, 1.0),
        };
        let (o, right, down) = (corner(0), corner(1), corner(3));
        let px = o.0 + (right.0 - o.0) * sx + (down.0 - o.0) * sy;
        let py = o.1 + (right.1 - o.1) * sx + (down.1 - o.1) * sy;
        Some((crop.x + px * crop.w, crop.y + py * crop.h))
    }
}

/// A command that turns pictures on their cards.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TurnBy {
    /// A quarter turn clockwise.
    Right,
    /// A quarter turn anticlockwise.
    Left,
    /// Mirrored left to right.
    Across,
    /// Mirrored top to bottom.
    Down,
}

/// The edit that turns every picture among `ids` that may change (not locked, not in a
/// locked frame) by `by`, as one step: its turn, and for a quarter turn its card's width
/// and height swapped about its middle. `None` when there is no such picture.
pub fn turn_pictures(
    board: &crate::model::Board,
    ids: &[crate::model::ItemId],
    by: TurnBy,
    now: crate::model::Timestamp,
) -> Option<crate::model::Edit> {
    use crate::model::{Edit, ItemChange, ItemKind, Pos};
    let mut edits = Vec::new();
    for item in board.items.iter().filter(|i| ids.contains(&i.id) && !board.fixed(i)) {
        let ItemKind::Image(image) = &item.kind else { continue };
        let turn = match by {
            TurnBy::Right => image.turn.turned(1),
            TurnBy::Left => image.turn.turned(-1),
            TurnBy::Across => image.turn.mirrored_across(),
            TurnBy::Down => image.turn.mirrored_down(),
        };
        let kind = ItemKind::Image(Image { turn, ..image.clone() });
        edits.push(Edit::ChangeItem { id: item.id.clone(), change: ItemChange::Kind(kind), at: now });
        if matches!(by, TurnBy::Right | TurnBy::Left) {
            let size = Size::new(item.size.h, item.size.w);
            let (cx, cy) = (item.pos.x + item.size.w / 2.0, item.pos.y + item.size.h / 2.0);
            let pos = Pos::new(cx - size.w / 2.0, cy - size.h / 2.0).clamped();
            edits.push(Edit::ChangeItem { id: item.id.clone(), change: ItemChange::Size(size), at: now });
            edits.push(Edit::ChangeItem { id: item.id.clone(), change: ItemChange::Pos(pos), at: now });
        }
    }
    (!edits.is_empty()).then_some(Edit::Batch(edits))
}

#[cfg(test)]
mod turn_tests {
    use super::*;
    use crate::model::{Board, Item, ItemKind, Pos, Timestamp};

    #[test]
    fn the_picker_reads_the_point_of_the_picture_a_card_shows_there() {
        let image = Image { pixel_size: PixelSize { w: 400, h: 200 }, ..Image::default() };
        let card = Size::new(400.0, 200.0);
        let at = |image: &Image, x: f32, y: f32| image.picture_point(card, Pos::new(x, y));
        assert_eq!(at(&image, 100.0, 50.0), Some((0.25, 0.25)));
        // A card taller than the picture: margins above and below show nothing.
        assert_eq!(image.picture_point(Size::new(400.0, 400.0), Pos::new(200.0, 20.0)), None);
        // Mirrored: the left of the card shows the right of the picture.
        let mirrored = Image { turn: crate::model::Turn { quarters: 0, mirrored: true }, ..image.clone() };
        assert_eq!(at(&mirrored, 100.0, 50.0), Some((0.75, 0.25)));
        // A quarter turn right on a card of the turned shape: its top-left shows the
        // picture's bottom-left.
        let turned = Image { turn: crate::model::Turn { quarters: 1, mirrored: false }, ..image.clone() };
        let (u, v) = turned.picture_point(Size::new(200.0, 400.0), Pos::new(0.0, 0.0)).unwrap();
        assert_eq!((u, v), (0.0, 1.0));
        // With a crop, fractions of the whole picture.
        let cropped = Image { crop: Some(Crop { x: 0.5, y: 0.0, w: 0.5, h: 1.0 }), ..image };
        let (u, _) = cropped.picture_point(Size::new(200.0, 200.0), Pos::new(0.0, 100.0)).unwrap();
        assert_eq!(u, 0.5);
    }

    #[test]
    fn a_quarter_turn_swaps_the_card_about_its_middle_and_four_bring_it_back() {
        let now = Timestamp::now();
        let mut board = Board::new("b", now);
        let image = Image { pixel_size: PixelSize { w: 400, h: 200 }, ..Image::default() };
        let mut item = Item::new(ItemKind::Image(image.clone()), Pos::new(100.0, 100.0), "Ann", "own team", now);
        item.size = Size::new(300.0, 150.0);
        let note = Item::new(ItemKind::note("not a picture"), Pos::new(900.0, 0.0), "Ann", "own team", now);
        board.items.push(item.clone());
        board.items.push(note.clone());
        let before = board.clone();
        let ids = [item.id.clone(), note.id.clone()];
        let undo = turn_pictures(&board, &ids, TurnBy::Right, now).unwrap().apply(&mut board).unwrap();
        let turned = board.item(&item.id).unwrap();
        assert_eq!(turned.size, Size::new(150.0, 300.0));
        assert_eq!(turned.pos, Pos::new(175.0, 25.0), "about its middle");
        assert!(matches!(&turned.kind, ItemKind::Image(i) if i.turn.quarters == 1));
        assert_eq!(board.item(&note.id), Some(&note), "a note is not turned");
        undo.apply(&mut board).unwrap();
        assert_eq!(board, before);
        for by in [TurnBy::Right, TurnBy::Right, TurnBy::Left, TurnBy::Across, TurnBy::Down, TurnBy::Left, TurnBy::Right] {
            turn_pictures(&board.clone(), &ids, by, now).unwrap().apply(&mut board).unwrap();
        }
        // Right, right, left: one right; across then down: a half turn; left, right: none.
        let ItemKind::Image(i) = &board.item(&item.id).unwrap().kind else { panic!() };
        assert_eq!(i.turn, crate::model::Turn { quarters: 3, mirrored: false });
        assert!(i.default_size().w < i.default_size().h, "a 400 × 200 picture on its side is tall");
        assert!(turn_pictures(&board, std::slice::from_ref(&note.id), TurnBy::Right, now).is_none());
    }
}
