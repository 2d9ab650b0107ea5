//! Connectors in the window, as a user draws them: from a handle on a card's edge to
//! another card, following the card when it moves, chosen, labelled and restyled in the
//! inspector, and gone with a deleted card in one undo step.

use egui::accesskit::Role;
use egui::{Key, Modifiers, Pos2, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use moodboard::app::MoodboardApp;
use moodboard::i18n::Lang;
use moodboard::model::{Board, End, Heads, Item, ItemKind, Pos, Timestamp};
use moodboard::storage;

mod window;
use window::{click_at, drag, press};

fn board(h: &Harness<'_, MoodboardApp>) -> Board {
    h.state().doc().board().clone()
}

fn click_on(h: &mut Harness<'_, MoodboardApp>, label: &str, modifiers: Modifiers) {
    let at = centre(h, label);
    click_at(h, at, modifiers);
}

fn centre(h: &Harness<'_, MoodboardApp>, label: &str) -> Pos2 {
    h.get_by_label(label).rect().center()
}

/// Three notes: Alpha, Beta to its right, Gamma below Alpha.
fn three_notes(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("Arrows.moodboard.ron");
    let now = Timestamp::now();
    let mut board = Board::new("Arrows", now);
    for (text, x, y) in [("Alpha", 0.0, 0.0), ("Beta", 700.0, 0.0), ("Gamma", 0.0, 500.0)] {
        board.items.push(Item::new(ItemKind::note(text), Pos::new(x, y), "Ann", "own team", now));
    }
    storage::create(&path, &board).unwrap();
    path
}

/// Drawn from the right handle of Alpha to Beta, the connector joins them; when Alpha
/// moves, the line follows (its start stays just outside Alpha's edge); chosen with a
/// click on the line, it takes a label, both heads and a dash, one undo step each.
#[test]
fn a_connector_drawn_from_a_handle_follows_its_card_and_is_restyled() {
    let dir = tempfile::tempdir().unwrap();
    let path = three_notes(dir.path());
    let mut h = window::harness(&path, &dir.path().join("boards"), Lang::En);
    let alpha = board(&h).items.iter().find(|i| i.kind.summary() == "Alpha").unwrap().id.clone();
    let beta = board(&h).items.iter().find(|i| i.kind.summary() == "Beta").unwrap().id.clone();

    // No handles until a card is chosen.
    assert!(h.query_by_label("Draw a connector from the right edge").is_none());
    click_on(&mut h, "Note: Alpha", Modifiers::NONE);
    let right = centre(&h, "Draw a connector from the right edge");
    let alpha_card = h.get_by_label("Note: Alpha").rect();
    assert!(right.x > alpha_card.right() && alpha_card.y_range().contains(right.y), "on Alpha's right edge");
    let beta_at = centre(&h, "Note: Beta");
    drag(&mut h, right, beta_at);
    let b = board(&h);
    assert_eq!(b.connectors.len(), 1, "one connector drawn");
    let connector = b.connectors[0].clone();
    assert_eq!((connector.from.clone(), connector.to.clone()), (End::Card(alpha.clone()), End::Card(beta.clone())));
    assert_eq!(connector.heads, Heads::End);
    let line = "Connector from “Alpha” to “Beta”";
    let before = centre(&h, line);

    // Alpha moves down: the connector follows.
    let from = centre(&h, "Note: Alpha");
    drag(&mut h, from, from + Vec2::new(0.0, 200.0));
    let b = board(&h);
    let moved = b.item(&alpha).unwrap();
    assert!(moved.pos.y > 100.0, "Alpha moved: {:?}", moved.pos);
    let (start, _) = b.route_of(&b.connectors[0]).expect("still drawn");
    let edge_x = moved.pos.x + moved.size.w;
    assert!(start.y > moved.pos.y && start.y < moved.pos.y + moved.size.h, "{start:?} on Alpha's side");
    assert!(start.x > edge_x && start.x < edge_x + 10.0, "{start:?} just outside Alpha's edge");
    let after = centre(&h, line);
    assert!(after.y > before.y + 20.0, "the drawn line moved with Alpha: {before:?} → {after:?}");

    // Chosen with a click on the line; the inspector labels and restyles it.
    click_at(&mut h, after, Modifiers::NONE);
    assert_eq!(h.state().view.canvas.connector.as_ref(), Some(&connector.id));
    assert!(h.state().view.canvas.selection.is_empty(), "a connector is chosen alone");
    let field = h.get_by_role_and_label(Role::TextInput, "Label");
    field.focus();
    field.type_text("leads to");
    h.run_steps(1);
    h.key_press(Key::Enter);
    h.run_steps(3);
    h.get_by_label("At both ends").click();
    h.run_steps(2);
    h.get_by_label("Dashed").click();
    h.run_steps(2);
    let c = board(&h).connectors[0].clone();
    assert_eq!((c.label.as_str(), c.heads, c.dashed), ("leads to", Heads::Both, true));
    assert!(h.query_by_label("Connector from “Alpha” to “Beta”: leads to").is_some(), "the label is read out");
    // Three undo steps take the three changes back, one each.
    for _ in 0..3 {
        press(&mut h, Modifiers::COMMAND, Key::Z);
    }
    let c = board(&h).connectors[0].clone();
    assert_eq!((c.label.as_str(), c.heads, c.dashed), ("", Heads::End, false));

    // Delete with the connector chosen takes it away.
    click_on(&mut h, line, Modifiers::NONE);
    assert!(h.state().view.canvas.connector.is_some());
    press(&mut h, Modifiers::NONE, Key::Delete);
    assert!(board(&h).connectors.is_empty());
    assert!(board(&h).items.len() == 3, "no card went with it");
}

/// A card deleted with a connector: both go in one step, and one undo brings both back.
/// The keyboard's Alt+C joins two chosen cards.
#[test]
fn deleting_a_card_takes_its_connector_and_one_undo_brings_both_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = three_notes(dir.path());
    let mut h = window::harness(&path, &dir.path().join("boards"), Lang::En);
    // Alpha and Gamma chosen, then Alt+C: an arrow from Alpha (read first) to Gamma.
    click_on(&mut h, "Note: Alpha", Modifiers::NONE);
    h.get_by_label("Note: Gamma").click_modifiers(Modifiers::SHIFT);
    h.run_steps(3);
    assert_eq!(h.state().view.canvas.selection.len(), 2);
    press(&mut h, Modifiers::ALT, Key::C);
    let b = board(&h);
    assert_eq!(b.connectors.len(), 1);
    let gamma = b.items.iter().find(|i| i.kind.summary() == "Gamma").unwrap().id.clone();
    assert_eq!(b.connectors[0].to, End::Card(gamma.clone()));
    let with_connector = board(&h);

    click_on(&mut h, "Note: Gamma", Modifiers::NONE);
    press(&mut h, Modifiers::NONE, Key::Delete);
    let b = board(&h);
    assert!(b.item(&gamma).is_none(), "the card is gone");
    assert!(b.connectors.is_empty(), "its connector went with it");
    assert!(h.query_by_label("Connector from “Alpha” to “Gamma”").is_none(), "and is no longer drawn");

    press(&mut h, Modifiers::COMMAND, Key::Z);
    let b = board(&h);
    assert!(b.item(&gamma).is_some(), "one undo brings the card back");
    let ends =
        |b: &Board| b.connectors.iter().map(|c| (c.id.clone(), c.from.clone(), c.to.clone())).collect::<Vec<_>>();
    assert_eq!(ends(&b), ends(&with_connector), "and its connector");
    assert!(h.query_by_label("Connector from “Alpha” to “Gamma”").is_some());

    // Alt+C with one card chosen says what it needs.
    click_on(&mut h, "Note: Beta", Modifiers::NONE);
    press(&mut h, Modifiers::ALT, Key::C);
    assert_eq!(board(&h).connectors.len(), 1, "nothing joined");
}

/// The web page and Markdown list each idea's connections, labels escaped; a connector
/// whose end is gone is not listed.
#[test]
fn recaps_list_each_ideas_connections() {
    use moodboard::model::{Connector, ItemId};
    let now = Timestamp::now();
    let mut b = Board::new("Recap", now);
    let mut theme = b.new_theme("Light", now);
    theme.frame =
        moodboard::model::BoardRect::from_pos_size(Pos::new(-50.0, 1500.0), moodboard::model::Size::new(600.0, 400.0));
    let light = theme.id.clone();
    b.themes.push(theme);
    let mut ids = Vec::new();
    for (text, x) in [("Alpha", 0.0), ("Beta", 700.0), ("Gamma", 1400.0)] {
        let item = Item::new(ItemKind::note(text), Pos::new(x, 0.0), "Ann", "own team", now);
        ids.push(item.id.clone());
        b.items.push(item);
    }
    let card = |i: usize| End::Card(ids[i].clone());
    let mut leads = Connector::new(card(0), card(1), "Ann", now);
    leads.label = "<b>leads</b> to".into();
    let mut both = Connector::new(card(1), card(2), "Ann", now);
    both.heads = Heads::Both;
    let mut plain = Connector::new(card(0), End::Frame(light), "Ann", now);
    plain.heads = Heads::None;
    let gone = Connector::new(card(2), End::Card(ItemId::new_random()), "Ann", now);
    b.connectors = vec![leads, both, plain, gone].into();
    b.connectors.sort_by(|x, y| x.id.cmp(&y.id));

    let md = moodboard::export::to_markdown(&b);
    assert!(md.contains("  - → Beta “&lt;b&gt;leads&lt;/b&gt; to”"), "{md}");
    assert!(md.contains("  - ← Alpha “"), "{md}");
    assert!(md.contains("  - ↔ Gamma") && md.contains("  - ↔ Beta"), "{md}");
    assert!(md.contains("  - — the frame “Light”"), "{md}");
    assert_eq!(md.matches("  - ").count(), 5, "the connector to nothing is not listed: {md}");

    let dir = tempfile::tempdir().unwrap();
    let store = storage::AssetStore::for_board(&dir.path().join("Recap.moodboard.ron"));
    let html = moodboard::export::to_html(&b, &store);
    assert!(html.contains("<ul class=\"connections\"><li>"), "{html}");
    assert!(html.contains("<li>→ Beta “&lt;b&gt;leads&lt;/b&gt; to”</li>"), "{html}");
    assert!(!html.contains("<b>leads"), "the label is escaped");
}

/// The PNG export draws the connectors people see, in their ink, under the cards.
#[test]
fn the_png_export_draws_connectors() {
    use moodboard::model::Connector;
    let now = Timestamp::now();
    let mut b = Board::new("Picture", now);
    for (text, x) in [("Alpha", 0.0), ("Beta", 900.0)] {
        b.items.push(Item::new(ItemKind::note(text), Pos::new(x, 0.0), "Ann", "own team", now));
    }
    let dir = tempfile::tempdir().unwrap();
    let store = storage::AssetStore::for_board(&dir.path().join("Picture.moodboard.ron"));
    let ink = |b: &Board| {
        let picture = moodboard::export::render_picture(b, &store, 4096.0).unwrap();
        picture.pixels().filter(|p| p.0[..3] == [0x46, 0x4A, 0x52]).count()
    };
    assert_eq!(ink(&b), 0, "no connector, no connector ink");
    let (alpha, beta) = (b.items[0].id.clone(), b.items[1].id.clone());
    let mut dashed = Connector::new(End::Card(alpha), End::Card(beta), "Ann", now);
    dashed.heads = Heads::Both;
    b.connectors.push(dashed.clone());
    let solid_both = ink(&b);
    // A line of some 600 px, two wide, and two heads.
    assert!(solid_both > 1000, "{solid_both} pixels of connector ink");
    b.connectors[0].dashed = true;
    let dashes = ink(&b);
    assert!(dashes < solid_both * 3 / 4 && dashes > solid_both / 4, "dashed: {dashes} of {solid_both}");
}

/// A double-click on a connector puts the keyboard in its label: type, Enter, labelled.
#[test]
fn a_double_click_on_a_connector_writes_its_label() {
    use moodboard::model::Connector;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Label.moodboard.ron");
    let now = Timestamp::now();
    let mut b = Board::new("Label", now);
    for (text, x) in [("Alpha", 0.0), ("Beta", 700.0)] {
        b.items.push(Item::new(ItemKind::note(text), Pos::new(x, 0.0), "Ann", "own team", now));
    }
    let c = Connector::new(End::Card(b.items[0].id.clone()), End::Card(b.items[1].id.clone()), "Ann", now);
    b.connectors.push(c);
    storage::create(&path, &b).unwrap();
    // Frames a twentieth of a second apart: a double-click is two clicks close together.
    let mut h = window::harness_in(&path, &dir.path().join("boards"), 0.05, true, Some(Lang::En));
    let line = centre(&h, "Connector from “Alpha” to “Beta”");
    click_at(&mut h, line, Modifiers::NONE);
    click_at(&mut h, line, Modifiers::NONE);
    h.run_steps(2);
    let field = h.get_by_role_and_label(Role::TextInput, "Label");
    assert!(field.is_focused(), "the label takes the keys");
    h.event(egui::Event::Text("goes with".into()));
    h.run_steps(1);
    h.key_press(Key::Enter);
    h.run_steps(3);
    assert_eq!(board(&h).connectors[0].label, "goes with");
}
