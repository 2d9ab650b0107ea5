//! Sketches in the window: the pen draws with the pointer, each stroke one undo step, the
//! eraser takes strokes away, and the card shows what was drawn.

use egui::accesskit::Role;
use egui::{Key, Modifiers, Pos2, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use moodboard::app::MoodboardApp;
use moodboard::i18n::Lang;
use moodboard::model::kinds::Sketch;
use moodboard::model::{Board, Item, ItemKind, Pos, Timestamp};
use moodboard::storage;

mod window;
use window::press;

fn sketches(h: &Harness<'_, MoodboardApp>) -> Vec<(moodboard::model::ItemId, Sketch)> {
    h.state()
        .doc()
        .board()
        .items
        .iter()
        .filter_map(|i| match &i.kind {
            ItemKind::Sketch(s) => Some((i.id.clone(), s.clone())),
            _ => None,
        })
        .collect()
}

/// A stroke with the pointer from `from` to `to`, through a bend, as a hand moves.
fn stroke(h: &mut Harness<'_, MoodboardApp>, from: Pos2, to: Pos2) {
    h.event(egui::Event::PointerMoved(from));
    h.run_steps(1);
    h.drag_at(from);
    h.run_steps(1);
    for step in 1..=12 {
        let t = step as f32 / 12.0;
        let bend = Vec2::new(0.0, (t * std::f32::consts::PI).sin() * 30.0);
        h.event(egui::Event::PointerMoved(from + (to - from) * t + bend));
        h.run_steps(1);
    }
    h.drop_at(to);
    h.run_steps(3);
}

#[test]
fn a_sketch_is_drawn_with_the_pointer_one_stroke_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Drawn.moodboard.ron");
    let now = Timestamp::now();
    let mut board = Board::new("Drawn", now);
    board.items.push(Item::new(ItemKind::note("Before the sketch"), Pos::new(0.0, 0.0), "Ann", "own team", now));
    storage::create(&path, &board).unwrap();
    // Frames a twentieth of a second apart: a double-click is two clicks close together.
    let mut h = window::harness_in(&path, &dir.path().join("boards"), 0.05, true, Some(Lang::En));

    // The toolbar's New sketch takes out the pen over free room; nothing is added yet.
    h.get_by_role_and_label(Role::Button, "New sketch").click();
    h.run_steps(3);
    let paper = h.get_by_label("Drawing paper").rect();
    assert!(sketches(&h).is_empty(), "an empty sketch is not an idea yet");

    // The first stroke adds the sketch, where the paper was.
    stroke(&mut h, paper.left_center() + Vec2::new(20.0, 0.0), paper.right_center() - Vec2::new(20.0, 0.0));
    let drawn = sketches(&h);
    assert_eq!(drawn.len(), 1, "the first stroke adds the sketch");
    let (id, sketch) = &drawn[0];
    assert_eq!(sketch.strokes.len(), 1);
    let points = &sketch.strokes[0].points;
    assert!(points.len() >= 8, "the stroke keeps where the pointer went: {points:?}");
    let xs = points.iter().map(|p| p[0]);
    let (min_x, max_x) = xs.fold((f32::MAX, f32::MIN), |(a, b), x| (a.min(x), b.max(x)));
    assert!(max_x - min_x > sketch.area.w * 0.7, "{min_x}..{max_x} across {}", sketch.area.w);
    assert!(points.iter().any(|p| p[1] > sketch.area.h / 2.0 + 5.0), "the bend is drawn");
    assert_eq!(sketch.strokes[0].colour, moodboard::model::kinds::INKS[0]);

    // A second stroke, in another ink, goes on the same sketch.
    h.get_by_label("Ink 2: #D1495B").click();
    h.run_steps(2);
    let paper = h.get_by_label("Drawing paper").rect();
    stroke(&mut h, paper.center_top() + Vec2::new(0.0, 20.0), paper.center_bottom() - Vec2::new(0.0, 20.0));
    let drawn = sketches(&h);
    assert_eq!(drawn.len(), 1);
    assert_eq!(&drawn[0].0, id);
    assert_eq!(drawn[0].1.strokes.len(), 2);
    assert_eq!(drawn[0].1.strokes[1].colour, "#D1495B");

    // Ctrl+Z takes back the last stroke with the pen still out.
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(sketches(&h)[0].1.strokes.len(), 1);
    assert!(h.query_by_label("Drawing paper").is_some(), "the pen is still out");
    press(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    assert_eq!(sketches(&h)[0].1.strokes.len(), 2, "redo brings it back");

    // The eraser takes away the strokes it passes over, as one step.
    h.get_by_label("Eraser").click();
    h.run_steps(2);
    let paper = h.get_by_label("Drawing paper").rect();
    let across = paper.center_top() + Vec2::new(-30.0, paper.height() * 0.2);
    stroke(&mut h, across, across + Vec2::new(60.0, 0.0));
    assert_eq!(sketches(&h)[0].1.strokes.len(), 1, "the upright stroke is erased");
    assert_eq!(sketches(&h)[0].1.strokes[0].colour, moodboard::model::kinds::INKS[0], "the other stays");

    // Esc puts the pen away; the card shows the sketch, labelled as one.
    press(&mut h, Modifiers::NONE, Key::Escape);
    assert!(h.query_by_label("Drawing paper").is_none());
    // A double-click on the card takes the pen out over it again.
    h.get_by_label("Sketch: ✏ × 1").click();
    h.step();
    h.get_by_label("Sketch: ✏ × 1").click();
    h.run_steps(3);
    assert!(h.query_by_label("Drawing paper").is_some(), "double-click draws on the sketch");
    press(&mut h, Modifiers::NONE, Key::Escape);

    // Undo goes back through the eraser and the strokes to before the sketch.
    for _ in 0..3 {
        press(&mut h, Modifiers::COMMAND, Key::Z);
    }
    assert!(sketches(&h).is_empty(), "undoing the first stroke takes the sketch away");
    assert_eq!(h.state().doc().board().items.len(), 1);
}

/// A sketch on a board is drawn from its strokes at the size its card is shown: the
/// canvas keeps a picture of it, redrawn larger when zoomed in (sharp at every zoom).
#[test]
fn a_sketch_card_is_drawn_at_the_size_it_is_shown() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Shown.moodboard.ron");
    let now = Timestamp::now();
    let mut board = Board::new("Shown", now);
    let stroke = moodboard::model::kinds::Stroke {
        colour: "#00798C".into(),
        width: 7.0,
        pressure: false,
        points: (0..40).map(|i| [40.0 + i as f32 * 10.0, 180.0 + (i as f32 / 4.0).sin() * 60.0, 0.5]).collect(),
    };
    board.items.push(Item::new(ItemKind::sketch(vec![stroke]), Pos::new(0.0, 0.0), "Ann", "own team", now));
    storage::create(&path, &board).unwrap();
    let mut h = window::harness(&path, &dir.path().join("boards"), Lang::En);
    let sketch_sizes = |h: &Harness<'_, MoodboardApp>| -> Vec<[usize; 2]> {
        h.ctx
            .tex_manager()
            .read()
            .allocated()
            .filter(|(_, m)| m.name.starts_with("sketch-"))
            .map(|(_, m)| m.size)
            .collect()
    };
    let card = h.get_by_label("Sketch: ✏ × 1").rect();
    let first = sketch_sizes(&h);
    assert!(!first.is_empty(), "the sketch is drawn");
    let widest = |sizes: &[[usize; 2]]| sizes.iter().map(|s| s[0]).max().unwrap_or(0);
    assert!(widest(&first) as f32 >= card.width() * 0.99, "{first:?} for a card {} wide", card.width());
    // Zoomed in, it is drawn again, larger.
    press(&mut h, Modifiers::COMMAND, Key::Equals);
    press(&mut h, Modifiers::COMMAND, Key::Equals);
    h.run_steps(3);
    let zoomed = h.get_by_label("Sketch: ✏ × 1").rect();
    assert!(zoomed.width() > card.width() * 1.3, "{card:?} → {zoomed:?}");
    assert!(widest(&sketch_sizes(&h)) as f32 >= zoomed.width() * 0.99, "{:?} for {}", sketch_sizes(&h), zoomed.width());
}

/// Exports carry a sketch for people without the app: vectors in the web page, an SVG
/// file beside a JSON Canvas, its ink in the PNG, and how much was drawn in Markdown.
#[test]
fn exports_show_the_sketch() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Export.moodboard.ron");
    let now = Timestamp::now();
    let mut board = Board::new("Export", now);
    let stroke = moodboard::model::kinds::Stroke {
        colour: "#D1495B".into(),
        width: 16.0,
        pressure: false,
        points: vec![[40.0, 180.0, 0.5], [240.0, 180.0, 0.5], [440.0, 180.0, 0.5]],
    };
    board.items.push(Item::new(ItemKind::sketch(vec![stroke]), Pos::new(0.0, 0.0), "Ann", "own team", now));
    storage::create(&path, &board).unwrap();
    let store = storage::AssetStore::for_board(&path);

    let html = moodboard::export::to_html(&board, &store);
    let svg = &html[html.find("<svg").expect("the page draws the sketch")..];
    assert!(svg.contains("<path fill=\"#D1495B\" d=\"M"), "{svg:.300}");

    let out = dir.path().join("Export.canvas");
    let canvas = moodboard::export::canvas::export(&board, &store, &out).unwrap();
    let json: serde_json::Value = serde_json::from_str(&canvas).unwrap();
    let file = json["nodes"].as_array().unwrap().iter().find_map(|n| n["file"].as_str()).expect("a file node");
    assert!(file.ends_with(".svg") && file.contains("sketch-"), "{file}");
    let written = std::fs::read_to_string(dir.path().join(file)).unwrap();
    assert!(written.starts_with("<svg") && written.contains("#D1495B"), "{written:.200}");

    let png = moodboard::export::render_png(&board, &store).unwrap();
    let picture = image::load_from_memory(&png).unwrap().to_rgba8();
    let inked = picture.pixels().filter(|p| p.0[0] > 0xC0 && p.0[1] < 0x60 && p.0[2] < 0x70).count();
    assert!(inked > 2_000, "the red stroke is drawn in the PNG: {inked} pixels");

    let markdown = moodboard::export::to_markdown(&board);
    assert!(markdown.contains("Sketch (1 stroke)"), "{markdown}");
}
