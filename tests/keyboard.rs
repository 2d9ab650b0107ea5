//! The board without a mouse, and read by a screen reader (issue 31): every card a node
//! in the accessibility tree, the keys walking the cards in reading order frame by frame,
//! Space choosing, Enter editing, Shift+arrows moving, and the add-note, theme, session
//! and search flows done with the keyboard alone. Found by role and label, as a screen
//! reader finds them.

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use moodboard::app::MoodboardApp;
use moodboard::i18n::Lang;
use moodboard::model::{Board, BoardRect, Item, ItemKind, Pos, Size, Timestamp};
use moodboard::storage;

mod window;
use window::{press, settle};

fn chosen(h: &Harness<'_, MoodboardApp>) -> Vec<moodboard::model::ItemId> {
    h.state().view_selection().into_iter().collect()
}

fn board(h: &Harness<'_, MoodboardApp>) -> Board {
    h.state().doc().board().clone()
}

/// The name of the node with the keyboard.
fn focused(h: &Harness<'_, MoodboardApp>) -> String {
    h.query_by(|n| n.is_focused()).and_then(|n| n.accesskit_node().label()).unwrap_or_default()
}

fn note(board: &mut Board, text: &str, x: f32, y: f32, theme: Option<&moodboard::model::ThemeId>) {
    let mut item = Item::new(ItemKind::note(text), Pos::new(x, y), "Ann", "own team", Timestamp::now());
    item.size = Size::new(160.0, 90.0);
    item.theme = theme.cloned();
    board.items.push(item);
}

/// Two frames side by side (Left's cards added out of order) and a card in none.
fn two_frames(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("Keys.moodboard.ron");
    let now = Timestamp::now();
    let mut board = Board::new("Keys", now);
    let mut left = board.new_theme("Left", now);
    left.frame = BoardRect { min: Pos::new(0.0, 0.0), max: Pos::new(420.0, 320.0) };
    let mut right = board.new_theme("Right", now);
    right.frame = BoardRect { min: Pos::new(500.0, 0.0), max: Pos::new(920.0, 320.0) };
    let (l, r) = (left.id.clone(), right.id.clone());
    board.themes.push(left);
    board.themes.push(right);
    note(&mut board, "L3", 20.0, 180.0, Some(&l));
    note(&mut board, "R1", 520.0, 60.0, Some(&r));
    note(&mut board, "L2", 220.0, 60.0, Some(&l));
    note(&mut board, "L1", 20.0, 60.0, Some(&l));
    note(&mut board, "Loose", 0.0, 500.0, None);
    storage::create(&path, &board).unwrap();
    path
}

#[test]
fn the_keys_walk_the_cards_in_reading_order_and_say_each_frame_they_enter() {
    let dir = tempfile::tempdir().unwrap();
    let path = two_frames(dir.path());
    let mut h = window::harness(&path, &dir.path().join("boards"), Lang::En);

    // An arrow takes the keyboard to the first card read, saying its frame.
    press(&mut h, Modifiers::NONE, Key::ArrowRight);
    assert_eq!(focused(&h), "In the frame “Left”: Note: L1");
    let mut walked = vec![focused(&h)];
    for _ in 0..4 {
        press(&mut h, Modifiers::NONE, Key::Tab);
        walked.push(focused(&h));
    }
    assert_eq!(
        walked,
        [
            "In the frame “Left”: Note: L1",
            "Note: L2",
            "Note: L3",
            "In the frame “Right”: Note: R1",
            "Outside the frames: Note: Loose",
        ]
    );
    // Tab at the end goes round; Shift+Tab and ← go back.
    press(&mut h, Modifiers::NONE, Key::Tab);
    assert!(focused(&h).ends_with("Note: L1"), "{}", focused(&h));
    press(&mut h, Modifiers::SHIFT, Key::Tab);
    assert!(focused(&h).ends_with("Note: Loose"), "{}", focused(&h));
    press(&mut h, Modifiers::NONE, Key::ArrowLeft);
    assert!(focused(&h).ends_with("Note: R1"), "{}", focused(&h));
    // ↑ and ↓ keep the column: down from L1 is L3, not L2 beside it.
    for _ in 0..3 {
        press(&mut h, Modifiers::NONE, Key::ArrowLeft);
    }
    assert!(focused(&h).ends_with("Note: L1"), "{}", focused(&h));
    press(&mut h, Modifiers::NONE, Key::ArrowDown);
    assert!(focused(&h).ends_with("Note: L3"), "{}", focused(&h));
    // The ring is the one card with the keyboard; nothing chosen by walking.
    assert!(chosen(&h).is_empty());
}

#[test]
fn space_chooses_enter_edits_and_shift_arrows_move_the_chosen_cards() {
    let dir = tempfile::tempdir().unwrap();
    let path = two_frames(dir.path());
    let mut h = window::harness(&path, &dir.path().join("boards"), Lang::En);
    let id_of = |b: &Board, text: &str| b.items.iter().find(|i| i.kind.summary() == text).unwrap().id.clone();
    let (l1, l2) = (id_of(&board(&h), "L1"), id_of(&board(&h), "L2"));

    press(&mut h, Modifiers::NONE, Key::ArrowRight);
    press(&mut h, Modifiers::NONE, Key::Space);
    assert_eq!(chosen(&h), vec![l1.clone()], "Space chooses the card");
    press(&mut h, Modifiers::NONE, Key::Tab);
    press(&mut h, Modifiers::NONE, Key::Space);
    let mut both = vec![l1.clone(), l2.clone()];
    both.sort();
    assert_eq!(chosen(&h), both, "Space adds to the choice, it does not replace it");
    press(&mut h, Modifiers::NONE, Key::Space);
    assert_eq!(chosen(&h), vec![l1.clone()], "and takes a chosen card out");

    // Shift+→ twice and Shift+↓ once move the chosen card, one undo step each.
    let before = board(&h).item(&l1).unwrap().pos;
    press(&mut h, Modifiers::SHIFT, Key::ArrowRight);
    press(&mut h, Modifiers::SHIFT, Key::ArrowRight);
    press(&mut h, Modifiers::SHIFT, Key::ArrowDown);
    let after = board(&h).item(&l1).unwrap().pos;
    assert_eq!((after.x - before.x, after.y - before.y), (20.0, 10.0));
    assert_eq!(board(&h).item(&l2).unwrap().pos, Pos::new(220.0, 60.0), "the card not chosen stays");
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(board(&h).item(&l1).unwrap().pos.y, before.y);

    // Enter edits the card with the keyboard (here L2) in place; Ctrl+Enter keeps it
    // and the keyboard is back on the card.
    press(&mut h, Modifiers::NONE, Key::Enter);
    let editor = h.get_by_role_and_label(Role::TextInput, "Edit text on the board");
    editor.type_text(" and more");
    h.run_steps(2);
    press(&mut h, Modifiers::COMMAND, Key::Enter);
    assert_eq!(board(&h).item(&l2).unwrap().kind.summary(), "L2 and more");
    assert!(focused(&h).ends_with("Note: L2 and more"), "the keyboard is back on the card: {}", focused(&h));
}

#[test]
fn every_card_of_a_200_card_board_is_in_the_accessibility_tree_on_screen_or_not() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Many.moodboard.ron");
    let mut b = Board::new("Many", Timestamp::now());
    for i in 0..200 {
        // A wide grid: most of it far off screen at the zoom the board opens at.
        note(&mut b, &format!("idea {i}"), (i % 20) as f32 * 900.0, (i / 20) as f32 * 700.0, None);
    }
    storage::create(&path, &b).unwrap();
    let mut h = window::harness(&path, &dir.path().join("boards"), Lang::En);
    // At 100 %, most of the board is off screen.
    press(&mut h, Modifiers::COMMAND, Key::Num0);
    let window = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1400.0, 900.0));
    let mut off_screen = 0;
    for i in 0..200 {
        let label = format!("Note: idea {i}");
        let node = h.query_by_role_and_label(Role::Button, &label);
        let node = node.unwrap_or_else(|| panic!("{label} is not in the tree"));
        off_screen += usize::from(!window.intersects(node.rect()));
    }
    assert!(off_screen > 100, "the board is too small to test cards off screen: {off_screen} are");
}

#[test]
fn add_a_note_make_a_theme_run_a_session_and_search_with_the_keyboard_alone() {
    let dir = tempfile::tempdir().unwrap();
    let boards = dir.path().join("boards");
    let path = moodboard::welcome::ensure(&boards).unwrap();
    let mut h = window::harness(&path, &boards, Lang::En);

    // Every card of the welcome board can be found by its text.
    for item in &board(&h).items {
        let text = item.kind.summary();
        assert!(h.query_by_label_contains(&text).is_some(), "the card “{text}” is not in the tree");
    }

    // Add a note: N, type, Ctrl+Enter.
    let before = board(&h).items.len();
    press(&mut h, Modifiers::NONE, Key::N);
    settle(&mut h);
    h.event(egui::Event::Text("Hammocks in the garden".into()));
    h.run_steps(2);
    press(&mut h, Modifiers::COMMAND, Key::Enter);
    settle(&mut h);
    assert_eq!(board(&h).items.len(), before + 1);
    let new = board(&h).items.iter().find(|i| i.kind.summary() == "Hammocks in the garden").unwrap().id.clone();

    // A theme from it: the new note is chosen; T makes a theme of it and asks its name.
    assert_eq!(chosen(&h), vec![new.clone()], "the new note is chosen");
    press(&mut h, Modifiers::NONE, Key::T);
    h.event(egui::Event::Text("Outdoors".into()));
    h.run_steps(2);
    press(&mut h, Modifiers::NONE, Key::Enter);
    settle(&mut h);
    let b = board(&h);
    let theme = b.theme_by_name("Outdoors").expect("a theme named from the keyboard");
    assert_eq!(b.item(&new).unwrap().theme.as_ref(), Some(&theme.id));

    // The keyboard walks to it, saying its frame; Space chooses it.
    press(&mut h, Modifiers::NONE, Key::Escape);
    press(&mut h, Modifiers::NONE, Key::Escape);
    press(&mut h, Modifiers::NONE, Key::ArrowRight);
    let mut seen = Vec::new();
    for _ in 0..b.items.len() {
        if focused(&h).contains("Hammocks in the garden") {
            break;
        }
        seen.push(focused(&h));
        press(&mut h, Modifiers::NONE, Key::Tab);
    }
    assert_eq!(focused(&h), "In the frame “Outdoors”: Note: Hammocks in the garden", "walked {seen:?}");

    // A session: F6 starts it, and a dot goes on the card with D.
    press(&mut h, Modifiers::NONE, Key::Space);
    press(&mut h, Modifiers::NONE, Key::F6);
    assert_eq!(board(&h).session.phase, moodboard::model::Phase::Collect);
    press(&mut h, Modifiers::NONE, Key::F6);
    assert_ne!(board(&h).session.phase, moodboard::model::Phase::Collect, "F6 again ends or moves the session");

    // Search: Ctrl+F, type, Enter goes to the match and chooses it.
    press(&mut h, Modifiers::COMMAND, Key::F);
    h.event(egui::Event::Text("Hammocks".into()));
    h.run_steps(3);
    press(&mut h, Modifiers::NONE, Key::Enter);
    assert!(h.query_by_label("Search: match 1 of 1").is_some());
    assert_eq!(chosen(&h), vec![new]);
}
