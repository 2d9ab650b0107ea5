//! Kinds of idea in the window: what every kind gets from the one place it is described
//! (src/model/kinds/), seen as a user sees it.

use egui::Key;
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
