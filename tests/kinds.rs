//! Kinds of idea in the window: what every kind gets from the one place it is described
//! (src/model/kinds/), seen as a user sees it.

use egui::Key;
use egui_kittest::kittest::Queryable as _;
use moodboard::i18n::Lang;
use moodboard::model::{Board, Item, ItemKind, Pos, Timestamp, frames};
use moodboard::storage::{self, AssetStore};

mod window;

/// A picture `w` × `h` pixels, as PNG bytes.
fn png(w: u32, h: u32) -> Vec<u8> {
    let picture = image::RgbImage::from_fn(w, h, |x, y| image::Rgb([(x % 256) as u8, (y % 256) as u8, 128]));
    let mut bytes = Vec::new();
    picture.write_to(&mut std::io::Cursor::new(&mut bytes), image::ImageFormat::Png).unwrap();
    bytes
}

/// Spotlight draws a card as the canvas does: a link shows its page's preview picture
/// there too (it used to show a picture only for images). Seen in what the window
/// uploads: the picture at the size Spotlight shows it, which the canvas never asks for.
#[test]
fn spotlight_shows_a_links_preview_picture() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Links.moodboard.ron");
    let picture = AssetStore::for_board(&path).store(&png(1600, 900), "png").unwrap();
    let now = Timestamp::now();
    let mut board = Board::new("Links", now);
    let mut link = ItemKind::link("https://example.com/tiles", "Tiles from Porto", "");
    link.take_preview(moodboard::model::kinds::Preview { picture: Some(picture), ..Default::default() });
    board.items.push(Item::new(link, Pos::new(0.0, 0.0), "Ann", "own team", now));
    // Far apart, so that the canvas fits the board zoomed out and shows the card small.
    board.items.push(Item::new(ItemKind::note("Far away"), Pos::new(6000.0, 4000.0), "Ann", "own team", now));
    frames::tidy_in_place(&mut board);
    storage::create(&path, &board).unwrap();

    let mut h = window::harness(&path, &dir.path().join("boards"), Lang::En);
    let large = |h: &egui_kittest::Harness<'_, moodboard::app::MoodboardApp>| {
        h.ctx.tex_manager().read().allocated().any(|(_, meta)| meta.size == [1024, 576])
    };
    assert!(!large(&h), "the canvas shows the card small");
    h.key_press(Key::F5);
    window::settle(&mut h);
    // The spotlight's order is random: step to the link.
    let is_link = |h: &egui_kittest::Harness<'_, moodboard::app::MoodboardApp>| {
        let spotlight = h.state().view.windows.spotlight.clone().expect("the spotlight is open");
        let id = spotlight.current().unwrap().clone();
        matches!(h.state().doc().board().item(&id).unwrap().kind, ItemKind::Link(_))
    };
    if !is_link(&h) {
        h.key_press(Key::ArrowRight);
        window::settle(&mut h);
    }
    assert!(is_link(&h));
    assert!(large(&h), "the spotlight shows the link's picture at its size");
}

/// A picture turned and mirrored on its card from the Arrange menu's keys: the card takes
/// the shape of the picture on its side, the file is untouched, and each is one undo step.
#[test]
fn a_picture_is_turned_and_mirrored_without_touching_its_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Turns.moodboard.ron");
    let bytes = png(400, 200);
    let asset = AssetStore::for_board(&path).store(&bytes, "png").unwrap();
    let now = Timestamp::now();
    let mut board = Board::new("Turns", now);
    let image = moodboard::model::kinds::Image {
        asset: asset.clone(),
        file_name: "wide.png".into(),
        pixel_size: moodboard::model::PixelSize { w: 400, h: 200 },
        caption: String::new(),
        crop: None,
        turn: Default::default(),
        url: String::new(),
    };
    let kind = ItemKind::Image(image);
    let mut item = Item::new(kind.clone(), Pos::new(0.0, 0.0), "Ann", "own team", now);
    item.size = kind.default_size();
    let id = item.id.clone();
    board.items.push(item);
    storage::create(&path, &board).unwrap();
    let mut h = window::harness(&path, &dir.path().join("boards"), Lang::En);
    let shown = |h: &egui_kittest::Harness<'_, moodboard::app::MoodboardApp>| {
        let item = h.state().doc().board().item(&id).unwrap().clone();
        let ItemKind::Image(image) = &item.kind else { panic!("still a picture") };
        (image.turn, item.size)
    };
    let (_, wide) = shown(&h);
    assert!(wide.w > wide.h);

    // Nothing selected: said, nothing changes.
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::R);
    h.run_steps(3);
    assert_eq!(shown(&h).0, Default::default());

    h.get_by_label("Image: wide.png").click();
    h.run_steps(2);
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::R);
    h.run_steps(3);
    let (turn, size) = shown(&h);
    assert_eq!(turn, moodboard::model::Turn { quarters: 1, mirrored: false });
    assert_eq!((size.w, size.h), (wide.h, wide.w), "on its side, the card is tall");
    h.key_press_modifiers(egui::Modifiers::ALT, Key::F);
    h.run_steps(3);
    assert_eq!(shown(&h).0, moodboard::model::Turn { quarters: 3, mirrored: true });
    h.key_press_modifiers(egui::Modifiers::ALT | egui::Modifiers::SHIFT, Key::F);
    h.run_steps(3);
    assert_eq!(
        shown(&h).0,
        moodboard::model::Turn { quarters: 3, mirrored: false },
        "across and down: a half turn more"
    );
    let card = h.get_by_label("Image: wide.png").rect();
    assert!(card.height() > card.width(), "the card on the canvas stands: {card:?}");
    assert_eq!(
        std::fs::read(AssetStore::for_board(&path).resolve(&asset).unwrap()).unwrap(),
        bytes,
        "the file is untouched"
    );

    for _ in 0..3 {
        h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
        h.run_steps(3);
    }
    assert_eq!(shown(&h), (Default::default(), wide), "three undos, as it was");
}

/// The eyedropper: over a picture of two halves, the magnifier reads the half under the
/// pointer, and a click puts that colour on the board as a swatch.
#[test]
fn the_colour_picker_makes_a_swatch_of_the_pixel_under_the_pointer() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Pick.moodboard.ron");
    let halves =
        image::RgbImage::from_fn(
            400,
            200,
            |x, _| if x < 200 { image::Rgb([200, 40, 40]) } else { image::Rgb([30, 90, 200]) },
        );
    let mut bytes = Vec::new();
    halves.write_to(&mut std::io::Cursor::new(&mut bytes), image::ImageFormat::Png).unwrap();
    let asset = AssetStore::for_board(&path).store(&bytes, "png").unwrap();
    let now = Timestamp::now();
    let mut board = Board::new("Pick", now);
    let kind = ItemKind::Image(moodboard::model::kinds::Image {
        asset,
        file_name: "halves.png".into(),
        pixel_size: moodboard::model::PixelSize { w: 400, h: 200 },
        caption: String::new(),
        crop: None,
        // Mirrored: the right of the card shows the left (red) half.
        turn: moodboard::model::Turn { quarters: 0, mirrored: true },
        url: String::new(),
    });
    let mut item = Item::new(kind.clone(), Pos::new(0.0, 0.0), "Ann", "own team", now);
    item.size = kind.default_size();
    board.items.push(item);
    storage::create(&path, &board).unwrap();
    let mut h = window::harness(&path, &dir.path().join("boards"), Lang::En);
    let swatches = |h: &egui_kittest::Harness<'_, moodboard::app::MoodboardApp>| -> Vec<String> {
        h.state()
            .doc()
            .board()
            .items
            .iter()
            .filter_map(|i| match &i.kind {
                ItemKind::Colour(c) => Some(c.hex.clone()),
                _ => None,
            })
            .collect()
    };

    h.key_press_modifiers(egui::Modifiers::SHIFT, Key::C);
    h.run_steps(3);
    assert!(h.query_by_label("Colour picker").is_some(), "the picker is out");
    let card = h.get_by_label("Image: halves.png").rect();
    let right = card.right_center() - egui::vec2(card.width() * 0.2, 0.0);
    h.event(egui::Event::PointerMoved(right));
    window::settle(&mut h);
    h.event(egui::Event::PointerMoved(right));
    h.run_steps(2);
    assert!(h.query_by_label_contains("#C82828").is_none(), "the hex is painted, not a widget");
    window::click_at(&mut h, right, egui::Modifiers::NONE);
    h.run_steps(3);
    assert_eq!(swatches(&h), ["#C82828"], "the mirrored card shows red on its right");
    let left = card.left_center() + egui::vec2(card.width() * 0.2, 0.0);
    h.event(egui::Event::PointerMoved(left));
    h.run_steps(2);
    window::click_at(&mut h, left, egui::Modifiers::NONE);
    h.run_steps(3);
    assert_eq!(swatches(&h), ["#C82828", "#1E5AC8"], "and blue on its left; the picker stays out");

    h.key_press(Key::Escape);
    h.run_steps(2);
    assert!(h.query_by_label("Colour picker").is_none(), "Esc puts it away");
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    h.run_steps(3);
    assert_eq!(swatches(&h), ["#C82828"], "each pick is one undo step");
}

/// A heading from its form (H): words on the canvas; the inspector makes it smaller and
/// its box follows the words, one undo step.
#[test]
fn a_heading_labels_the_board_and_its_box_follows_its_size() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Headings.moodboard.ron");
    let now = Timestamp::now();
    let mut board = Board::new("Headings", now);
    board.items.push(Item::new(ItemKind::note("Something"), Pos::new(0.0, 0.0), "Ann", "own team", now));
    storage::create(&path, &board).unwrap();
    let mut h = window::harness(&path, &dir.path().join("boards"), Lang::En);
    h.key_press(Key::H);
    h.run_steps(3);
    let field = h.get_by_label("Heading");
    field.focus();
    field.type_text("Wild ideas");
    h.run_steps(1);
    h.get_by_label("Add heading").click();
    h.run_steps(3);
    let heading = |h: &egui_kittest::Harness<'_, moodboard::app::MoodboardApp>| {
        h.state().doc().board().items.iter().find(|i| matches!(i.kind, ItemKind::Heading(_))).cloned()
    };
    let large = heading(&h).expect("the heading is on the board");
    assert_eq!(large.kind, ItemKind::heading("Wild ideas", moodboard::model::kinds::HeadingSize::Large));
    assert_eq!(large.size, large.kind.default_size());
    assert!(h.query_by_label("Heading: Wild ideas").is_some(), "on the canvas");
    // Selected as it was added: the inspector offers the other sizes.
    h.get_by_label("Small").click();
    h.run_steps(3);
    let small = heading(&h).unwrap();
    assert!(matches!(&small.kind, ItemKind::Heading(k) if k.size == moodboard::model::kinds::HeadingSize::Small));
    assert!(
        small.size.w < large.size.w * 0.6 && small.size.h < large.size.h * 0.6,
        "{:?} → {:?}",
        large.size,
        small.size
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    h.run_steps(3);
    assert_eq!(heading(&h).unwrap().size, large.size, "one undo brings back the size and the box");
}
