//! Every error reaches the user in the interface's language: a kittest in Dutch meets a
//! load problem, a merge refusal and an edit error, and finds each said in Dutch (the
//! model's errors are data; their words are Fluent messages, `i18n::Said`).

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use moodboard::i18n::Lang;
use moodboard::model::{Board, Edit, Item, ItemKind, Pos, Timestamp, Tombstone, frames};
use moodboard::storage;

mod window;

#[test]
fn a_load_problem_a_merge_refusal_and_an_edit_error_are_said_in_dutch() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Koffie.moodboard.ron");
    let now = Timestamp::now();
    let mut board = Board::new("Koffie", now);
    board.items.push(Item::new(ItemKind::note("Bank bij het raam"), Pos::new(0.0, 0.0), "Ann", "own team", now));
    board.items.push(Item::new(ItemKind::colour("#6F4E37", "Koffie"), Pos::new(400.0, 0.0), "Ann", "own team", now));
    frames::tidy_in_place(&mut board);
    storage::create(&path, &board).unwrap();
    // A load problem: the swatch's colour is not one (kept as written, reported).
    let text = std::fs::read_to_string(&path).unwrap().replace("\"#6F4E37\"", "\"koffiebruin\"");
    std::fs::write(&path, text).unwrap();

    let boards = dir.path().join("boards");
    let mut h = window::harness(&path, &boards, Lang::Nl);
    assert!(
        h.query_by_label_contains("is geen #RRGGBB-kleur; getoond als plaatshouder").is_some(),
        "the problems window says what is wrong with the file, in Dutch"
    );

    // A merge refusal: another board (another id) carrying its own version of our note.
    let other_path = dir.path().join("Ander bord.moodboard.ron");
    let ours = storage::load(&path).unwrap().board;
    let mut other = moodboard::model::Board::restored(
        moodboard::model::BoardId::new_random(),
        ours.created(),
        ours.modified(),
        Vec::new(),
    );
    other.items = ours.items.clone();
    other.title = "Ander bord".into();
    let note = other.items.iter_mut().find(|i| matches!(i.kind, ItemKind::Note(_))).unwrap();
    note.kind = ItemKind::note("Bank bij de deur");
    note.modified = Timestamp::now();
    storage::create(&other_path, &other).unwrap();
    h.state_mut().picked(moodboard::app::Picked::Merge(other_path));
    window::settle(&mut h);
    assert!(
        h.query_by_label_contains("een ander bord mag ideeën toevoegen, niet de onze wijzigen").is_some(),
        "the merge preview says in Dutch what it does not take"
    );
    h.key_press(Key::Escape);
    window::settle(&mut h);

    // An edit error: a note added here is deleted in the file by someone else; undoing
    // its adding can no longer be done.
    h.key_press(Key::N);
    h.run_steps(3);
    let field = h.get_by_label("Notitie");
    field.focus();
    field.type_text("Nieuw idee");
    h.run_steps(1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    window::settle(&mut h);
    let added = h.state().doc().board().items.iter().find(|i| i.kind.texts().contains(&"Nieuw idee")).unwrap().clone();
    let mut disk = h.state().doc().board().clone();
    let tomb = Tombstone::new(added.id.as_str(), Timestamp::now(), "Kim", added.modified);
    Edit::RemoveItem { id: added.id.clone(), tombstone: Some(tomb) }.apply(&mut disk).unwrap();
    h.state_mut().open.doc.merge_from_disk(&disk, None).unwrap();
    assert!(h.state().doc().board().item(&added.id).is_none(), "Kim's deletion came in");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    window::settle(&mut h);
    let said: Vec<&str> = h.state().toasts.iter().map(|t| t.text.as_str()).collect();
    assert!(
        said.iter()
            .any(|t| t.starts_with("Ongedaan maken lukte niet: de kaart") && t.contains("staat niet meer op het bord")),
        "the undo that cannot be made says why, in Dutch: {said:?}"
    );
}

/// The in-window file dialog (where the system has none) speaks Dutch too (issue 31: it
/// said "File:", "New Folder", "Show Hidden", "Open" and "Cancel").
#[test]
fn the_in_window_file_dialog_speaks_dutch() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Koffie.moodboard.ron");
    storage::create(&path, &Board::new("Koffie", Timestamp::now())).unwrap();
    let mut h = window::harness(&path, &dir.path().join("boards"), Lang::Nl);
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    window::settle(&mut h);
    for words in ["Openen", "Annuleren", "Nieuwe map", "Verborgen bestanden tonen", "Bestand:"] {
        assert!(h.query_by_label(words).is_some(), "{words:?} is not in the dialog");
    }
    for english in ["Open", "Cancel", "New Folder", "Show Hidden", "File:"] {
        assert!(h.query_by_label(english).is_none(), "{english:?} is still in English");
    }
}

/// The Dutch session bar stays one row while inviting (issue 31: its longer words
/// wrapped it onto a second row, pushing the canvas down), as the English one does.
#[test]
fn the_session_bar_stays_one_row_while_inviting_in_dutch_and_english() {
    for (lang, collect, invite, stop) in [
        (Lang::Nl, "Stap Verzamelen", "Uitnodigen…", "Stop uitnodigen"),
        (Lang::En, "Phase Collect", "Invite…", "Stop inviting"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("Koffie.moodboard.ron");
        storage::create(&path, &Board::new("Koffie", Timestamp::now())).unwrap();
        let mut h = window::harness(&path, &dir.path().join("boards"), lang);
        h.key_press(Key::F6);
        window::settle(&mut h);
        h.get_by_label(invite).click();
        window::settle(&mut h);
        let row = h.get_by_label(collect).rect().center().y;
        // The bar's button (the invitation's window has one too, further down).
        let last = h.get_all_by_label(stop).map(|n| n.rect().center().y).fold(f32::MAX, f32::min);
        assert!((row - last).abs() < 4.0, "{lang:?}: the bar wrapped ({row} and {last})");
    }
}
