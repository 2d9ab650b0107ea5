//! The editor driven headlessly with egui_kittest, finding widgets by their accessible
//! labels as a screen reader would.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use egui::accesskit::Role;
use egui::{Key, Modifiers, Pos2, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use moodboard::app::MoodboardApp;
use moodboard::i18n::Lang;
use moodboard::model::{Board, Item, ItemKind, KindTag, Pos, Timestamp};
use moodboard::storage;

mod server;
mod window;
use server::{Answer, Server};
use window::{drag, harness_in, press, settle};

struct Fixture {
    _dir: tempfile::TempDir,
    board: PathBuf,
    boards_dir: PathBuf,
}

/// A board with two themes ("Light" left, "Sound" right) and notes in them.
fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let board_path = dir.path().join("Test.moodboard.ron");
    let now = Timestamp::now();
    let mut board = Board::new("Test board", now);
    board.goals = vec!["Find a new look".into()];
    let light = board.new_theme("Light", now);
    let light_id = light.id.clone();
    board.themes.push(light);
    let sound = board.new_theme("Sound", now);
    let sound_id = sound.id.clone();
    board.themes.push(sound);
    for (i, (text, x, theme)) in
        [("Morning fog", 0.0, &light_id), ("Candle glow", 260.0, &light_id), ("Rain on tin", 900.0, &sound_id)]
            .into_iter()
            .enumerate()
    {
        let mut item = Item::new(ItemKind::note(text), Pos::new(x, 0.0), "Ann", "own team", now);
        item.theme = Some(theme.clone());
        item.z = i as i64;
        board.items.push(item);
    }
    // As every change leaves a board: cards in their frames, frames apart.
    moodboard::model::frames::tidy_in_place(&mut board);
    storage::create(&board_path, &board).unwrap();
    let boards_dir = dir.path().join("boards");
    Fixture { board: board_path, boards_dir, _dir: dir }
}

fn harness(board: &Path, boards_dir: &Path) -> Harness<'static, MoodboardApp> {
    window::harness(board, boards_dir, Lang::En)
}

/// [`harness`] whose frames are `step_dt` seconds apart (a double-click needs its two
/// clicks closer than the default quarter second).
fn harness_stepping(board: &Path, boards_dir: &Path, step_dt: f32) -> Harness<'static, MoodboardApp> {
    harness_with(board, boards_dir, step_dt, true)
}

/// [`harness_stepping`], online (`offline: false`) or not.
fn harness_with(board: &Path, boards_dir: &Path, step_dt: f32, offline: bool) -> Harness<'static, MoodboardApp> {
    // English unless a test asks otherwise: labels below are the English ones.
    harness_in(board, boards_dir, step_dt, offline, Some(Lang::En))
}

fn board(harness: &Harness<'_, MoodboardApp>) -> Board {
    harness.state().doc().board().clone()
}

fn count(harness: &Harness<'_, MoodboardApp>, kind: KindTag) -> usize {
    harness.state().doc().board().items.iter().filter(|i| i.kind.tag() == kind).count()
}

fn undo(harness: &mut Harness<'_, MoodboardApp>) {
    press(harness, Modifiers::COMMAND, Key::Z);
}

fn redo(harness: &mut Harness<'_, MoodboardApp>) {
    press(harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
}

fn card_center(harness: &Harness<'_, MoodboardApp>, label: &str) -> Pos2 {
    harness.get_by_label(label).rect().center()
}

/// Clicks a button in the toolbar, fills the capture form and submits it.
fn add_with_form(harness: &mut Harness<'_, MoodboardApp>, toolbar: &str, fields: &[(&str, &str)], submit: &str) {
    harness.get_by_role_and_label(Role::Button, toolbar).click();
    harness.run_steps(3);
    for (label, text) in fields {
        let field = harness.get_by_label(label);
        field.focus();
        field.type_text(text);
        harness.run_steps(1);
    }
    harness.get_by_role_and_label(Role::Button, submit).click();
    settle(harness);
}

#[test]
fn every_kind_can_be_added_from_the_ui_and_undone() {
    let f = fixture();
    let mut h = harness(&f.board, &f.boards_dir);
    let before = board(&h);

    add_with_form(&mut h, "New note", &[("Note", "Paper textures")], "Add note");
    add_with_form(&mut h, "New quote", &[("Quote", "Less, but better"), ("Said by", "Dieter Rams")], "Add quote");
    add_with_form(&mut h, "New link", &[("Address", "www.example.com")], "Add link");
    add_with_form(&mut h, "New colour", &[], "Add colour");
    let image = egui::ColorImage::new([4, 3], vec![egui::Color32::RED; 12]);
    h.event(egui::Event::PasteImage(Arc::new(image)));
    settle(&mut h);
    h.event(egui::Event::Paste("https://rust-lang.org".into()));
    settle(&mut h);

    let b = board(&h);
    assert_eq!(count(&h, KindTag::Note), 4);
    assert!(b.items.iter().any(|i| i.kind == ItemKind::quote("Less, but better", "Dieter Rams", String::new())));
    assert!(b.items.iter().any(|i| matches!(&i.kind, ItemKind::Link(moodboard::model::kinds::Link { url, .. }) if url == "https://www.example.com")));
    assert!(b.items.iter().any(|i| matches!(&i.kind, ItemKind::Link(moodboard::model::kinds::Link { url, .. }) if url == "https://rust-lang.org")));
    assert_eq!(count(&h, KindTag::Colour), 1);
    let image = b.items.iter().find(|i| i.kind.tag() == KindTag::Image).expect("the pasted image was added");
    assert_eq!(image.contributor, "Tess");
    assert!(h.query_by_label_contains("Image: ").is_some(), "the image card is on the canvas");

    for _ in 0..6 {
        undo(&mut h);
    }
    assert_eq!(board(&h).items, before.items, "six undos remove the six additions");
    redo(&mut h);
    assert_eq!(count(&h, KindTag::Note), 4, "redo brings the note back");
}

/// A Dutch facilitator's first minutes: the window speaks Dutch from the menus to the
/// status bar, a note is added through the Dutch form, and the View menu switches the
/// whole window to English on the spot (and back), kept in preferences.
#[test]
fn the_window_speaks_dutch_and_switches_language_live() {
    let f = fixture();
    let mut h = harness_in(&f.board, &f.boards_dir, 0.25, true, Some(Lang::Nl));
    for menu in ["Bestand", "Delen", "Bewerken", "Toevoegen", "Schikken", "Sessie", "Beeld", "Help"] {
        // "Toevoegen" is also the toolbar's heading.
        assert!(h.query_all_by_label(menu).next().is_some(), "the menu bar has {menu}");
    }
    assert!(h.query_by_label("File").is_none() && h.query_by_label("Edit").is_none(), "no English menus");
    assert!(h.query_by_label_contains("Thema's").is_some(), "the sidebar heading");
    assert!(h.query_by_label("Opslagstatus: ✔ Opgeslagen").is_some(), "the save status");
    assert!(h.query_by_label("3 ideeën").is_some(), "the count, in Dutch plural");

    add_with_form(&mut h, "Nieuwe notitie", &[("Notitie", "Papieren texturen")], "Notitie toevoegen");
    assert!(board(&h).items.iter().any(|i| i.kind == ItemKind::note("Papieren texturen")));
    assert!(h.query_all_by_label_contains("Notitie: Papieren texturen").next().is_some(), "the card, in Dutch");
    assert!(h.query_by_label("4 ideeën, 1 geselecteerd").is_some(), "the status bar counts the new note");
    assert_eq!(h.state().prefs.interface_language(), Lang::Nl);

    h.get_by_label("Beeld").click();
    h.run_steps(2);
    h.get_by_label_contains("Taal: English").click();
    h.run_steps(3);
    assert!(h.query_by_label("File").is_some() && h.query_by_label("View").is_some(), "English menus at once");
    assert!(h.query_by_label("Bestand").is_none(), "no Dutch left in the menu bar");
    assert!(h.query_by_label("4 items, 1 selected").is_some(), "the status bar switched too");
    assert_eq!(h.state().prefs.language, Some(Lang::En), "the choice is kept in preferences");

    h.get_by_label("View").click();
    h.run_steps(2);
    h.get_by_label_contains("Language: Nederlands").click();
    h.run_steps(3);
    assert!(h.query_by_label("Bestand").is_some(), "and back to Dutch");
    assert_eq!(h.state().prefs.language, Some(Lang::Nl));
}

#[test]
fn the_keyboard_alone_captures_a_note() {
    let f = fixture();
    let mut h = harness(&f.board, &f.boards_dir);
    press(&mut h, Modifiers::NONE, Key::N);
    h.get_by_label("Note").type_text("Sound of rain");
    h.run_steps(2);
    press(&mut h, Modifiers::COMMAND, Key::Enter);
    settle(&mut h);
    assert!(board(&h).items.iter().any(|i| i.kind == ItemKind::note("Sound of rain")), "Ctrl+Enter adds it");
    assert_eq!(h.query_all_by_label("New note").count(), 1, "the form closed; only the toolbar button is left");
}

#[test]
fn your_name_is_written_on_what_you_add() {
    let f = fixture();
    let mut h = harness(&f.board, &f.boards_dir);
    let field = h.get_by_label("Your name");
    field.focus();
    field.type_text(" Verhoeven");
    h.run_steps(1);
    h.key_press(Key::Enter);
    h.run_steps(3);
    assert_eq!(h.state().prefs.name, "Tess Verhoeven");
    add_with_form(&mut h, "New note", &[("Note", "Mine")], "Add note");
    let item = board(&h).items.into_iter().find(|i| i.kind == ItemKind::note("Mine")).unwrap();
    assert_eq!(item.contributor, "Tess Verhoeven");
}

#[test]
fn moving_and_resizing_are_one_undo_step_each() {
    let f = fixture();
    let mut h = harness(&f.board, &f.boards_dir);
    let id = board(&h).items.iter().find(|i| i.kind.summary().contains("Morning fog")).unwrap().id.clone();
    let start = board(&h).item(&id).unwrap().pos;

    let from = card_center(&h, "Note: Morning fog");
    drag(&mut h, from, from + Vec2::new(0.0, 160.0));
    let moved = board(&h).item(&id).unwrap().pos;
    assert!(moved.y > start.y + 50.0, "{start:?} → {moved:?}");
    assert_eq!(board(&h).item(&id).unwrap().theme, board(&h).themes.first().map(|t| t.id.clone()), "same theme");

    // Selected by the drag, so its resize handle shows.
    let size = board(&h).item(&id).unwrap().size;
    let handle = h.get_by_label("Resize Note: Morning fog").rect().center();
    drag(&mut h, handle, handle + Vec2::new(60.0, 40.0));
    let resized = board(&h).item(&id).unwrap().size;
    assert!(resized.w > size.w + 20.0 && resized.h > size.h + 10.0, "{size:?} → {resized:?}");

    undo(&mut h);
    assert_eq!(board(&h).item(&id).unwrap().size, size);
    assert_eq!(board(&h).item(&id).unwrap().pos, moved);
    undo(&mut h);
    assert_eq!(board(&h).item(&id).unwrap().pos, start);
}

#[test]
fn dropping_a_card_into_another_theme_region_assigns_it() {
    let f = fixture();
    let mut h = harness(&f.board, &f.boards_dir);
    let sound = board(&h).theme_by_name("Sound").unwrap().id.clone();
    let id = board(&h).items.iter().find(|i| i.kind.summary().contains("Candle glow")).unwrap().id.clone();
    let from = card_center(&h, "Note: Candle glow");
    let target = card_center(&h, "Note: Rain on tin") + Vec2::new(0.0, 40.0);
    drag(&mut h, from, target);
    assert_eq!(board(&h).item(&id).unwrap().theme, Some(sound));
    undo(&mut h);
    assert_ne!(board(&h).item(&id).unwrap().theme, board(&h).theme_by_name("Sound").map(|t| t.id.clone()));
}

/// A frame's whole rectangle on screen: its name band (the labelled part) is as wide
/// as the frame, and the frame keeps its shape.
fn frame_on_screen(harness: &Harness<'_, MoodboardApp>, name: &str) -> egui::Rect {
    let band = harness.get_by_label(&format!("Frame {name}")).rect();
    let frame = board(harness).theme_by_name(name).unwrap().frame;
    let height = band.width() * frame.height() / frame.width();
    egui::Rect::from_min_size(band.min, Vec2::new(band.width(), height))
}

#[test]
fn dropping_a_card_on_the_open_canvas_unsorts_it_and_it_leaves_the_frame() {
    let f = fixture();
    let mut h = harness(&f.board, &f.boards_dir);
    let id = board(&h).items.iter().find(|i| i.kind.summary().contains("Candle glow")).unwrap().id.clone();
    let (light, sound) = (frame_on_screen(&h, "Light"), frame_on_screen(&h, "Sound"));
    assert!(light.right() < sound.left(), "{light:?} {sound:?}");
    // Between the two frames: open canvas.
    let gap = Pos2::new((light.right() + sound.left()) / 2.0, light.center().y);
    let from = card_center(&h, "Note: Candle glow");
    drag(&mut h, from, gap);
    let after = board(&h);
    assert_eq!(after.item(&id).unwrap().theme, None);
    moodboard::model::frames::check(&after).unwrap();
    assert_eq!(h.state().doc().history.undo_label(), Some("Move 1 item out of its theme"));
    undo(&mut h);
    let light_id = board(&h).theme_by_name("Light").unwrap().id.clone();
    assert_eq!(board(&h).item(&id).unwrap().theme, Some(light_id));
}

#[test]
fn dropping_a_card_on_a_theme_in_the_sidebar_puts_it_in_that_frame() {
    let f = fixture();
    let mut h = harness(&f.board, &f.boards_dir);
    let id = board(&h).items.iter().find(|i| i.kind.summary().contains("Morning fog")).unwrap().id.clone();
    let row = h.get_by_label("Sound (1)").rect().center();
    let from = card_center(&h, "Note: Morning fog");
    drag(&mut h, from, row);
    let after = board(&h);
    let sound = after.theme_by_name("Sound").unwrap();
    let item = after.item(&id).unwrap();
    assert_eq!(item.theme.as_ref(), Some(&sound.id));
    let card = moodboard::model::BoardRect::from_pos_size(item.pos, item.size);
    assert!(sound.frame.contains(card.min) && sound.frame.contains(card.max), "{card:?} in {:?}", sound.frame);
    moodboard::model::frames::check(&after).unwrap();
    assert!(h.query_by_label("Sound (2)").is_some(), "the sidebar counts it");
}

/// A locked frame (issue 27) stays as the facilitator set it: its band does not move it,
/// its cards stay, a card dropped on it goes back with the reason, and one undo unlocks it.
#[test]
fn a_locked_frame_and_its_cards_stay_until_unlocked() {
    let f = fixture();
    let mut h = harness(&f.board, &f.boards_dir);
    h.get_by_label("Frame Sound").click_secondary();
    h.run_steps(2);
    h.get_by_label("🔒 Lock frame").click();
    h.run_steps(3);
    let locked = board(&h);
    let sound = locked.theme_by_name("Sound").unwrap().clone();
    assert!(sound.locked);
    assert_eq!(h.state().doc().history.undo_label(), Some("Lock frame “Sound”"));
    assert!(h.query_by_label("🔒 Sound (1)").is_some(), "the sidebar shows the lock");

    // Its band does not move it; its card does not move.
    let band = h.get_by_label("Frame Sound").rect().center();
    drag(&mut h, band, band + Vec2::new(0.0, 200.0));
    let rain = card_center(&h, "Note: Rain on tin");
    drag(&mut h, rain, rain + Vec2::new(-120.0, 160.0));
    // A card dropped into it goes back, and the user is told why.
    let id = board(&h).items.iter().find(|i| i.kind.summary().contains("Candle glow")).unwrap().id.clone();
    let from = card_center(&h, "Note: Candle glow");
    let into = card_center(&h, "Note: Rain on tin") + Vec2::new(0.0, 40.0);
    drag(&mut h, from, into);
    let after = board(&h);
    assert_eq!(after.theme_by_name("Sound").unwrap().frame, sound.frame, "the frame stayed");
    for item in &after.items {
        assert_eq!(Some(item), locked.item(&item.id), "every card stayed");
    }
    assert_ne!(after.item(&id).unwrap().theme.as_ref(), Some(&sound.id));
    assert!(
        h.query_by_label_contains("The frame “Sound” is locked").is_some(),
        "the refusal is shown: {:?}",
        h.state().doc().history.undo_label()
    );

    // One undo unlocks it; then the frame moves again.
    undo(&mut h);
    assert!(!board(&h).theme_by_name("Sound").unwrap().locked);
    let band = h.get_by_label("Frame Sound").rect().center();
    drag(&mut h, band, band + Vec2::new(0.0, 200.0));
    assert_ne!(board(&h).theme_by_name("Sound").unwrap().frame, sound.frame);
}

#[test]
fn the_inspector_assigns_a_theme() {
    let f = fixture();
    let mut h = harness(&f.board, &f.boards_dir);
    let id = board(&h).items.iter().find(|i| i.kind.summary().contains("Morning fog")).unwrap().id.clone();
    h.get_by_label("Note: Morning fog").click();
    h.run_steps(3);
    h.get_by_label("Theme").click();
    h.run_steps(3);
    h.get_by_label("Sound").click();
    h.run_steps(3);
    let sound = board(&h).theme_by_name("Sound").unwrap().id.clone();
    assert_eq!(board(&h).item(&id).unwrap().theme, Some(sound));
    undo(&mut h);
    let light = board(&h).theme_by_name("Light").unwrap().id.clone();
    assert_eq!(board(&h).item(&id).unwrap().theme, Some(light));
}

#[test]
fn shift_click_selects_more_and_delete_removes_them_all() {
    let f = fixture();
    let mut h = harness(&f.board, &f.boards_dir);
    h.get_by_label("Note: Morning fog").click();
    h.run_steps(2);
    h.get_by_label("Note: Candle glow").click_modifiers(Modifiers::SHIFT);
    h.run_steps(2);
    assert_eq!(h.state().view.canvas.selection.len(), 2);
    press(&mut h, Modifiers::NONE, Key::Delete);
    assert_eq!(board(&h).items.len(), 1);
    assert_eq!(board(&h).deleted().len(), 2, "deletions leave tombstones for merges");
    undo(&mut h);
    assert_eq!(board(&h).items.len(), 3);
    redo(&mut h);
    assert_eq!(board(&h).items.len(), 1);
}

#[test]
fn saving_then_reopening_gives_the_same_board() {
    let f = fixture();
    let mut h = harness(&f.board, &f.boards_dir);
    add_with_form(&mut h, "New quote", &[("Quote", "Stay curious")], "Add quote");
    let image = egui::ColorImage::new([2, 2], vec![egui::Color32::BLUE; 4]);
    h.event(egui::Event::PasteImage(Arc::new(image)));
    settle(&mut h);
    h.state_mut().flush();
    assert_eq!(h.state().doc().status(), moodboard::document::SaveStatus::Saved);
    let in_memory = board(&h);
    drop(h);
    let reopened = storage::load(&f.board).unwrap();
    assert!(reopened.problems.is_empty(), "{:?}", reopened.problems);
    assert_eq!(reopened.board, in_memory);
    let h = harness(&f.board, &f.boards_dir);
    assert_eq!(board(&h), in_memory);
}

#[test]
fn a_bad_board_shows_an_error_toast_and_keeps_the_app_running() {
    let f = fixture();
    let bad = f.board.with_file_name("Broken.moodboard.ron");
    std::fs::write(&bad, "(\n    version: 1,\n    title: [oops\n").unwrap();
    let h = harness(&bad, &f.boards_dir);
    let toast = h.get_by_label_contains("Could not open the board");
    // The message names the file and the line and column of the mistake.
    assert!(h.query_by_label_contains("Broken.moodboard.ron:3:").is_some(), "{toast:?}");
    // The app fell back to the welcome board rather than stopping.
    assert_eq!(h.state().doc().board().title, "Welcome to Moodboard");
    assert!(bad.exists(), "the broken file is left alone");
}

#[test]
fn themes_are_added_renamed_and_deleted_without_losing_items() {
    let f = fixture();
    let mut h = harness(&f.board, &f.boards_dir);
    h.get_by_label("➕ Add theme").click();
    h.run_steps(3);
    // The default name comes selected: typing replaces it (issue 31), it is not kept in
    // front ("New themeActivities").
    let rename = h.get_by_label("Rename theme New theme");
    rename.type_text("Activities");
    h.run_steps(1);
    h.key_press(Key::Enter);
    h.run_steps(3);
    assert!(board(&h).theme_by_name("Activities").is_some(), "{:?}", board(&h).themes);
    // So does a name being changed; the end key keeps it and adds to it.
    h.get_by_label("Theme options for Activities").click();
    h.run_steps(3);
    h.get_by_label("Rename").click();
    h.run_steps(3);
    h.key_press(Key::End);
    h.run_steps(1);
    h.get_by_label("Rename theme Activities").type_text(" for kids");
    h.run_steps(1);
    h.key_press(Key::Enter);
    h.run_steps(3);
    assert!(board(&h).theme_by_name("Activities for kids").is_some(), "{:?}", board(&h).themes);

    h.get_by_label("Theme options for Light").click();
    h.run_steps(3);
    h.get_by_label("Delete theme").click();
    h.run_steps(3);
    let b = board(&h);
    assert!(b.theme_by_name("Light").is_none());
    assert_eq!(b.items.len(), 3, "deleting a theme keeps its items");
    assert_eq!(b.items_in_theme(None).count(), 2, "they become unsorted");
    undo(&mut h);
    assert!(board(&h).theme_by_name("Light").is_some());
}

/// Escape closes an open menu (issue 31), and is not taken as "select none" meanwhile.
#[test]
fn escape_closes_an_open_menu() {
    let f = fixture();
    let mut h = harness(&f.board, &f.boards_dir);
    let card = board(&h).items[0].id.clone();
    h.get_by_label("Note: Morning fog").click();
    h.run_steps(2);
    let selected = |h: &Harness<'_, MoodboardApp>| h.state().view.canvas.selection.iter().cloned().collect::<Vec<_>>();
    assert_eq!(selected(&h), vec![card.clone()]);
    h.get_by_label("File").click();
    h.run_steps(2);
    assert!(h.query_by_label_contains("Quit").is_some(), "the File menu is open");
    h.key_press(Key::Escape);
    h.run_steps(3);
    assert!(h.query_by_label_contains("Quit").is_none(), "Escape closed it");
    assert_eq!(selected(&h), vec![card], "and left the selection alone");
    h.key_press(Key::Escape);
    h.run_steps(2);
    assert!(selected(&h).is_empty(), "with no menu open, Escape selects none");
}

/// Help has more than the shortcuts (issue 31): how Moodboard works opens the welcome
/// board, and About says which version this is.
#[test]
fn help_opens_the_welcome_board_and_says_which_version_this_is() {
    let f = fixture();
    let mut h = harness(&f.board, &f.boards_dir);
    h.get_by_label("Help").click();
    h.run_steps(2);
    h.get_by_label("About Moodboard").click();
    h.run_steps(3);
    let version = format!("Version {}", env!("CARGO_PKG_VERSION"));
    assert!(h.query_by_label(&version).is_some(), "the About window says {version}");
    let folder = format!("New boards go in {}.", f.boards_dir.display());
    assert!(h.query_by_label(&folder).is_some(), "and where new boards go");
    h.key_press(Key::Escape);
    h.run_steps(2);
    assert!(h.query_by_label(&version).is_none(), "Esc closes it");

    h.get_by_label("Help").click();
    h.run_steps(2);
    h.get_by_label("How Moodboard works").click();
    wait_for(&mut h, "the welcome board", |app| app.doc().path.ends_with("Welcome.moodboard.ron"));
    assert!(f.boards_dir.join("Welcome.moodboard.ron").exists());
    assert_eq!(board(&h).title, "Welcome to Moodboard");
}

/// The colour form goes Hex → Name with Tab (issue 31): the swatch beside the hex code
/// is for the mouse and takes no focus, so the name typed after Tab is kept.
#[test]
fn the_colour_form_tabs_from_hex_to_name() {
    let f = fixture();
    let mut h = harness(&f.board, &f.boards_dir);
    h.get_by_role_and_label(Role::Button, "New colour").click();
    h.run_steps(3);
    let hex = h.get_by_label("Hex");
    hex.focus();
    h.run_steps(1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Hex").type_text("#3366AA");
    h.run_steps(1);
    h.key_press(Key::Tab);
    h.run_steps(1);
    h.event(egui::Event::Text("Ocean".into()));
    h.run_steps(1);
    h.key_press(Key::Enter);
    settle(&mut h);
    let b = board(&h);
    assert!(
        b.items.iter().any(|i| i.kind == ItemKind::colour("#3366AA", "Ocean")),
        "{:?}",
        b.items.last().map(|i| &i.kind)
    );
    assert!(h.query_by_label("Pick the colour").is_none(), "the form closed");
}

/// A file dropped on the window, as the platform hands it over.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// Dropping two pictures says it is importing them, then that they were added: the
/// message at the start does not hang there (issue 31).
#[test]
fn an_import_of_several_files_says_when_it_is_done() {
    let f = fixture();
    let mut h = harness(&f.board, &f.boards_dir);
    let before = board(&h).items.len();
    let mut paths = Vec::new();
    for (n, colour) in [[200u8, 80, 40], [40, 120, 200]].into_iter().enumerate() {
        let path = f.boards_dir.parent().unwrap().join(format!("drop-{n}.png"));
        image::RgbImage::from_pixel(64, 48, image::Rgb(colour)).save(&path).unwrap();
        paths.push(path);
    }
    h.input_mut()
        .dropped_files
        .extend(paths.iter().map(|p| -> egui::DroppedFileHandle { Arc::new(Dropped(p.clone())) }));
    h.run_steps(2);
    assert!(h.state().toasts.iter().any(|t| t.text == "Importing 2 files…"));
    wait_for(&mut h, "the import", |app| app.doc().board().items.len() == before + 2);
    h.run_steps(2);
    let said: Vec<&str> = h.state().toasts.iter().map(|t| t.text.as_str()).collect();
    assert!(said.contains(&"2 files added"), "{said:?}");
}

/// Runs frames until `done` holds (background threads are involved), or fails.
fn wait_for(harness: &mut Harness<'_, MoodboardApp>, what: &str, done: impl Fn(&MoodboardApp) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(15);
    while !done(harness.state()) {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        harness.run_steps(2);
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn an_add_from_the_terminal_reaches_the_open_board_and_survives_its_saves() {
    let f = fixture();
    let mut harness = harness(&f.board, &f.boards_dir);
    // A local change the app has not saved yet.
    add_with_form(&mut harness, "New note", &[("Note", "Local idea")], "Add note");
    // Meanwhile `moodboard add` writes to the file.
    storage::update(&f.board, |b: &mut Board| {
        let item =
            Item::new(ItemKind::note("From the terminal"), Pos::new(0.0, 400.0), "Kim", "customer", Timestamp::now());
        b.items.push(item);
        b.sort_items();
        Ok::<_, std::convert::Infallible>(())
    })
    .unwrap();
    wait_for(&mut harness, "the terminal's note", |app| {
        app.doc().board().items.iter().any(|i| i.kind.texts().contains(&"From the terminal"))
    });
    harness.run_steps(2);
    // Marked as new, with who brought it, not "new from changes from the board file"
    // (issue 31).
    assert!(
        harness.query_by_label_contains("From the terminal, new from Kim").is_some(),
        "the merged item is marked as new from whoever brought it"
    );
    harness.state_mut().flush();
    let on_disk = storage::load(&f.board).unwrap().board;
    let texts: Vec<String> = on_disk.items.iter().flat_map(|i| i.kind.texts()).map(str::to_owned).collect();
    assert!(texts.contains(&"Local idea".to_owned()) && texts.contains(&"From the terminal".to_owned()), "{texts:?}");
    assert_eq!(on_disk.items.len(), 5);

    // Our own saves do not come back as changes: no reload or save loop.
    let written = std::fs::read(&f.board).unwrap();
    let until = Instant::now() + storage::watch::POLL_INTERVAL * 2;
    while Instant::now() < until {
        harness.run_steps(2);
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(std::fs::read(&f.board).unwrap(), written, "the file was not written again");
    assert!(!harness.state().doc().is_dirty());
}

#[test]
fn merging_a_board_in_the_app_marks_what_came_in_and_is_one_undo_step() {
    let f = fixture();
    let other = f.board.with_file_name("Kim's copy.moodboard.ron");
    std::fs::copy(&f.board, &other).unwrap();
    storage::update(&other, |b: &mut Board| {
        for text in ["Kim's first", "Kim's second"] {
            let mut item = Item::new(ItemKind::note(text), Pos::new(0.0, 500.0), "Kim", "customer", Timestamp::now());
            item.z = b.top_z();
            b.items.push(item);
        }
        Ok::<_, std::convert::Infallible>(())
    })
    .unwrap();
    let mut h = harness(&f.board, &f.boards_dir);
    // First a preview of what would come in; Cancel leaves the board as it was.
    h.state_mut().picked(moodboard::app::Picked::Merge(other.clone()));
    settle(&mut h);
    assert!(h.query_by_label("Merge “Kim's copy” into this board?").is_some(), "the preview is shown");
    assert!(h.query_by_label("Comes in (2)").is_some());
    assert!(h.query_by_label_contains("+ note: Kim's first (new from Kim's copy, added by Kim, customer)").is_some());
    assert_eq!(count(&h, KindTag::Note), 3, "nothing merged before the answer");
    h.get_by_label("Cancel").click();
    settle(&mut h);
    assert_eq!(count(&h, KindTag::Note), 3, "cancelled");
    assert!(h.query_by_label("Comes in (2)").is_none(), "the preview is gone");

    h.state_mut().picked(moodboard::app::Picked::Merge(other));
    settle(&mut h);
    h.get_by_label("Merge").click();
    settle(&mut h);
    assert_eq!(count(&h, KindTag::Note), 5);
    assert!(
        h.query_by_label_contains("Kim's first, new from Kim's copy").is_some(),
        "marked as new from the other board"
    );
    let kims = board(&h).items.into_iter().find(|i| i.kind.texts().contains(&"Kim's second")).unwrap();
    assert_eq!((kims.contributor.as_str(), kims.source.as_str()), ("Kim", "customer"));
    // The message offers to show what came in: both new cards, selected.
    node_with(&h, "Show: Merged Kim's copy").click();
    h.run_steps(3);
    let selected = h.state().view_selection();
    assert_eq!(selected.len(), 2);
    assert!(selected.iter().all(|id| board(&h).item(id).unwrap().contributor == "Kim"));
    undo(&mut h);
    assert_eq!(count(&h, KindTag::Note), 3, "one undo takes the whole merge back");

    // Exports from the Share menu's commands write their files in the background.
    let out = f.boards_dir.with_file_name("recap.html");
    h.state_mut().picked(moodboard::app::Picked::Export(moodboard::export::ExportFormat::Html, out.clone()));
    settle(&mut h);
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.contains("Morning fog") && html.contains("Find a new look"), "items and goals are in the recap");
}

/// A copy of this board sent back as a pack is known by the pack's name, not by the
/// title it shares with this board ("new from Test board" said nothing; issue 31).
#[test]
fn a_copy_sent_back_as_a_pack_is_named_after_the_pack() {
    let f = fixture();
    let copy = f.board.with_file_name("scratch/Test.moodboard.ron");
    std::fs::create_dir_all(copy.parent().unwrap()).unwrap();
    std::fs::copy(&f.board, &copy).unwrap();
    let mut board_copy = storage::load(&copy).unwrap().board;
    let mut item = Item::new(ItemKind::note("Kim's idea"), Pos::new(0.0, 500.0), "Kim", "customer", Timestamp::now());
    item.z = board_copy.top_z();
    board_copy.items.push(item);
    storage::save(&copy, &board_copy).unwrap();
    let pack = f.board.with_file_name("Kim's answers.moodpack");
    storage::pack::pack(&copy, &board_copy, &pack).unwrap();
    let mut h = harness(&f.board, &f.boards_dir);
    h.state_mut().picked(moodboard::app::Picked::Merge(pack));
    settle(&mut h);
    assert!(h.query_by_label("Merge “Kim's answers” into this board?").is_some(), "named after the pack");
    assert!(h.query_by_label_contains("(new from Kim's answers, added by Kim, customer)").is_some());
}

#[test]
fn a_copy_sent_back_that_removes_ideas_asks_before_it_takes_more_than_its_new_ones() {
    let f = fixture();
    let other = f.board.with_file_name("Sent back.moodboard.ron");
    std::fs::copy(&f.board, &other).unwrap();
    // Whoever had the copy deleted a note and added one.
    storage::update(&other, |b: &mut Board| {
        let mut clock = moodboard::model::Stamper::now(b, "Kim");
        let fog = b.items.iter().find(|i| i.kind.texts().contains(&"Morning fog")).unwrap().id.clone();
        let delete = moodboard::model::Edit::delete_items(b, [&fog], Timestamp::now(), "Kim");
        moodboard::model::operations::commit(b, delete, &mut clock).unwrap();
        let idea = moodboard::model::operations::NewIdea::new(ItemKind::note("Kim's idea"));
        moodboard::model::operations::add(
            b,
            vec![idea],
            moodboard::model::operations::Contributor::own_team("Kim"),
            &mut clock,
        )
        .unwrap();
        Ok::<_, std::convert::Infallible>(())
    })
    .unwrap();
    let mut h = harness(&f.board, &f.boards_dir);
    h.state_mut().picked(moodboard::app::Picked::Merge(other.clone()));
    settle(&mut h);
    assert!(h.query_by_label_contains("This is a copy of this board").is_some(), "the preview says what it is");
    assert!(h.query_by_label("Goes (1)").is_some(), "and lists what it would remove");
    h.get_by_label("Only new ideas").click();
    settle(&mut h);
    assert_eq!(count(&h, KindTag::Note), 4, "Kim's idea came in, and Morning fog stayed");
    // Asked again, the person merging trusts the copy: its deletion comes in too.
    h.state_mut().picked(moodboard::app::Picked::Merge(other));
    settle(&mut h);
    h.get_by_label("Merge everything").click();
    settle(&mut h);
    let texts: Vec<String> = board(&h).items.iter().flat_map(|i| i.kind.texts()).map(str::to_owned).collect();
    assert!(texts.contains(&"Kim's idea".to_owned()) && !texts.contains(&"Morning fog".to_owned()), "{texts:?}");
}

#[test]
fn opening_a_pack_unpacks_it_into_the_boards_folder() {
    let f = fixture();
    let pack = f.board.with_file_name("Sent.moodpack");
    let loaded = storage::load(&f.board).unwrap();
    storage::pack::pack(&f.board, &loaded.board, &pack).unwrap();
    let h = harness(&pack, &f.boards_dir);
    let app = h.state();
    assert!(app.doc().path.starts_with(&f.boards_dir), "{}", app.doc().path.display());
    assert_eq!(app.doc().board(), &loaded.board);
}

/// The node whose accessible name contains `label`; for a card, the card itself (its
/// text also shows in the inspector).
fn node_with<'a>(harness: &'a Harness<'_, MoodboardApp>, label: &'a str) -> egui_kittest::Node<'a> {
    use egui_kittest::kittest::NodeT as _;
    let mut nodes: Vec<_> = harness.query_all_by_label_contains(label).collect();
    if nodes.len() > 1 {
        nodes.retain(|n| n.accesskit_node().role() == Role::Button);
    }
    assert_eq!(nodes.len(), 1, "one node named like {label:?}");
    nodes.remove(0)
}

fn labels_of(harness: &Harness<'_, MoodboardApp>, label: &str) -> String {
    use egui_kittest::kittest::NodeT as _;
    // Labels carry their text as the accessible value, other widgets as the label.
    let node = node_with(harness, label).accesskit_node();
    node.label().or(node.value()).unwrap_or_default().to_string()
}

fn select_card(harness: &mut Harness<'_, MoodboardApp>, text: &str) {
    node_with(harness, &format!("Note: {text}")).click();
    harness.run_steps(3);
}

/// A facilitator's whole session: goal, collect with the timer running (judgment hidden),
/// cluster, vote with a dot limit, reveal, react until every idea is answered, recap;
/// then the session survives save, pack, merge and reopening.
#[test]
fn a_full_session_from_goal_to_recap() {
    use moodboard::model::{Answer, Phase, Reaction, Response, ResponseId};
    let f = fixture();
    let mut h = harness(&f.board, &f.boards_dir);

    // A new board takes its title, then, with no goal given, asks what it is for.
    press(&mut h, Modifiers::COMMAND, Key::N);
    h.get_by_label("Title of the new board").type_text("Welcome session");
    h.run_steps(1);
    h.get_by_label("Create board").click();
    settle(&mut h);
    let goal = h.get_by_label("Goal for this board");
    goal.focus();
    goal.type_text("A warmer welcome");
    h.run_steps(1);
    h.get_by_role_and_label(Role::Button, "Set goal").click();
    settle(&mut h);
    assert_eq!(board(&h).goals, vec!["A warmer welcome".to_owned()]);
    assert!(h.query_by_label("Goal for this board").is_none(), "the question goes once answered");

    // Collect, with the timer running.
    h.get_by_label("Session switch").click();
    h.run_steps(3);
    assert_eq!(board(&h).session.phase, Phase::Collect);
    h.get_by_role_and_label(Role::Button, "▶ Start timer").click();
    h.run_steps(3);
    assert!(board(&h).session.timer.is_running());
    assert!(labels_of(&h, "Timer ").ends_with("running"));
    for text in ["Warm light over the counter", "Soft light at the window", "Music from the street"] {
        press(&mut h, Modifiers::NONE, Key::Escape);
        add_with_form(&mut h, "New note", &[("Note", text)], "Add note");
    }
    assert_eq!(count(&h, KindTag::Note), 3);
    // A colleague's reply arrives while collecting: it stays hidden.
    let music = board(&h).items.iter().find(|i| i.kind.summary().contains("Music")).unwrap().id.clone();
    let reply = Response {
        id: ResponseId::new_random(),
        item: music.clone(),
        by: "Kim".into(),
        answer: Answer::Reply("Live or recorded?".into()),
        at: Timestamp::now(),
    };
    h.state_mut().act(moodboard::ui::Action::edit(moodboard::model::Edit::AddResponse(reply), "Reply"));
    h.get_by_label("Hide who added what").click();
    h.run_steps(3);
    assert!(board(&h).session.hide_contributors);
    select_card(&mut h, "Music from the street");
    assert!(!labels_of(&h, "Note: Music").contains("repl"), "no comments shown while collecting");
    assert!(h.query_by_label("Reply").is_none() && h.query_by_label("React Like").is_none());
    assert!(h.query_by_label_contains("hidden while collecting").is_some());
    assert!(h.query_by_label_contains("Who added it is hidden").is_some());

    // Cluster: accept the suggested theme.
    h.get_by_label("Phase Cluster").click();
    h.run_steps(3);
    h.get_by_label("Suggested theme Light").click();
    settle(&mut h);
    let b = board(&h);
    let light = b.theme_by_name("Light").expect("the suggested theme is made");
    let in_light: Vec<String> = b.items_in_theme(Some(&light.id)).map(|i| i.kind.summary()).collect();
    assert!(in_light.contains(&"Warm light over the counter".to_owned()), "{in_light:?}");
    assert!(in_light.contains(&"Soft light at the window".to_owned()), "{in_light:?}");

    // Vote with two dots each.
    h.get_by_label("Phase Vote").click();
    h.run_steps(3);
    h.get_by_label("Dots per person").click();
    h.run_steps(2);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Dots per person").type_text("2");
    h.run_steps(1);
    h.key_press(Key::Enter);
    h.run_steps(3);
    assert_eq!(board(&h).session.dots_per_person, 2);
    select_card(&mut h, "Warm light over the counter");
    press(&mut h, Modifiers::NONE, Key::D);
    press(&mut h, Modifiers::NONE, Key::D);
    select_card(&mut h, "Music from the street");
    press(&mut h, Modifiers::NONE, Key::D);
    assert_eq!(board(&h).votes.len(), 2, "the dot limit holds");
    assert!(h.query_by_label_contains("placed all 2 of your dots").is_some(), "the limit is explained");
    let warm = labels_of(&h, "Note: Warm light");
    assert!(warm.contains("your dots 2") && !warm.contains("in all"), "totals hidden: {warm}");
    h.get_by_role_and_label(Role::Button, "Reveal votes").click();
    h.run_steps(3);
    assert!(labels_of(&h, "Note: Warm light").contains("2 dots in all"));

    // React until no idea is left unanswered.
    h.get_by_label("Phase React").click();
    h.run_steps(3);
    assert_eq!(labels_of(&h, "Unanswered ideas"), "Unanswered ideas: 2 ideas without a reaction yet");
    assert!(labels_of(&h, "Note: Soft light").contains("no reaction yet"));
    assert!(labels_of(&h, "Note: Music").contains("1 reply"), "replies show once collecting is over");
    select_card(&mut h, "Warm light over the counter");
    // Each reaction button says what it is, not only its mark (issue 31).
    let button = h.get_by_label("React Build on it").rect();
    assert_eq!(texts_in(&h, button, "Build on it"), 1, "the button shows its name");
    h.get_by_label("React Build on it").click();
    h.run_steps(3);
    let button = h.get_by_label("React Build on it").rect();
    assert_eq!(texts_in(&h, button, "Build on it · 1"), 1, "and how many gave it");
    select_card(&mut h, "Soft light at the window");
    let field = h.get_by_label("Reply");
    field.focus();
    field.type_text("Yes, and candles in winter");
    h.run_steps(1);
    h.key_press(Key::Enter);
    settle(&mut h);
    assert_eq!(labels_of(&h, "Unanswered ideas"), "Unanswered ideas: ✔ Every idea has an answer");
    assert!(board(&h).unanswered().is_empty());
    let reaction = &board(&h).responses.iter().find(|r| r.answer == Answer::Reaction(Reaction::BuildOn)).cloned();
    assert_eq!(reaction.as_ref().map(|r| r.by.as_str()), Some("Tess"), "reactions carry your name");

    // The recap.
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("recap.md");
    h.state_mut().export_to(moodboard::export::ExportFormat::Markdown, md.clone());
    settle(&mut h);
    let recap = std::fs::read_to_string(&md).unwrap();
    for expected in [
        "A warmer welcome",
        "## Light",
        "2 dots",
        "Build on it 1",
        "Tess: Yes, and candles in winter",
        "Kim: Live or recorded?",
        "3 of 3 ideas answered",
        "Contributors: Tess (3)",
    ] {
        assert!(recap.contains(expected), "{expected:?} missing from the recap:\n{recap}");
    }

    // The session survives save, pack, merge and reopening.
    h.state_mut().flush();
    let path = h.state().doc().path.clone();
    let session_board = board(&h);
    let loaded = storage::load(&path).unwrap().board;
    assert_eq!(loaded, session_board, "saved and loaded");
    let pack = dir.path().join("session.moodpack");
    storage::pack::pack(&path, &session_board, &pack).unwrap();
    let unpacked = storage::pack::unpack(&pack, &dir.path().join("unpacked")).unwrap();
    assert_eq!(storage::load(&unpacked).unwrap().board, session_board, "packed and unpacked");
    let mut older = session_board.clone();
    older.votes.clear();
    older.responses.clear();
    older.session = moodboard::model::Session::default();
    assert_eq!(
        moodboard::model::merge_now(&older, &session_board, moodboard::model::Trust::Colleague).board,
        session_board,
        "merged with an older copy"
    );
    assert_eq!(
        moodboard::model::merge_now(&session_board, &older, moodboard::model::Trust::Colleague).board,
        session_board
    );
    drop(h);
    let reopened = harness(&path, &f.boards_dir);
    assert_eq!(board(&reopened), session_board);
    assert!(reopened.query_by_label("Phase React").is_some(), "the session bar is back");
}

#[test]
fn the_lens_panel_shows_the_mix_of_a_known_board() {
    let f = fixture();
    let mut h = harness(&f.board, &f.boards_dir);
    h.get_by_label("Lenses").click();
    h.run_steps(3);
    assert_eq!(labels_of(&h, "Lens summary"), "Lens summary: 3 ideas · 0% from outside the own team");
    assert_eq!(labels_of(&h, "By source, own team"), "By source, own team: 100% (3)");
    assert_eq!(labels_of(&h, "By contributor, Ann"), "By contributor, Ann: 100% (3)");
    assert_eq!(labels_of(&h, "By theme, Light"), "By theme, Light: 67% (2)");
    assert_eq!(labels_of(&h, "By theme, Sound"), "By theme, Sound: 33% (1)");
    assert!(labels_of(&h, "Lens warning: 100% of ideas come from own team").contains("one lens dominates"));
    assert!(h.query_by_label_contains("Nothing from customer yet.").is_some());
    // A customer's idea changes the figures.
    add_with_form(&mut h, "New note", &[("Note", "Louder music")], "Add note");
    h.get_by_role_and_label(Role::Button, "customer").click();
    settle(&mut h);
    assert_eq!(labels_of(&h, "By source, customer"), "By source, customer: 25% (1)");
    assert_eq!(labels_of(&h, "Lens summary"), "Lens summary: 4 ideas · 25% from outside the own team");
}

#[test]
fn spotlight_steps_through_every_item_and_an_answer_becomes_a_note() {
    let f = fixture();
    let mut h = harness(&f.board, &f.boards_dir);
    press(&mut h, Modifiers::NONE, Key::F5);
    assert!(h.query_by_label("Spotlight").is_some());
    let mut seen = std::collections::BTreeSet::new();
    for step in 0..3 {
        let order = h.state().view.windows.spotlight.clone().expect("the spotlight is open");
        assert_eq!(order.index, step);
        let id = order.current().unwrap().clone();
        let item = board(&h).item(&id).unwrap().clone();
        let label = moodboard::ui::cards::item_label(&item);
        assert!(h.query_by_role_and_label(Role::Image, &label).is_some(), "{label} is in the spotlight");
        seen.insert(id);
        if step < 2 {
            h.get_by_role_and_label(Role::Button, "Next ▶").click();
            h.run_steps(3);
        }
    }
    assert_eq!(seen.len(), 3, "every item once");
    let field = h.get_by_label("It could also be");
    field.focus();
    field.type_text("A lighthouse at dusk");
    h.run_steps(1);
    h.key_press(Key::Enter);
    settle(&mut h);
    let after = board(&h);
    let answer = after.items.iter().find(|i| i.kind.summary() == "A lighthouse at dusk").expect("the answer is a note");
    let rect = |i: &Item| moodboard::model::BoardRect::from_pos_size(i.pos, i.size);
    let answered =
        after.item(&h.state().view.windows.spotlight.clone().unwrap().current().unwrap().clone()).unwrap().clone();
    assert_eq!(answer.theme, answered.theme, "in the theme of the card it answers");
    for other in after.items.iter().filter(|i| i.id != answer.id) {
        let (a, b) = (rect(answer), rect(other));
        let apart = a.max.x <= b.min.x || b.max.x <= a.min.x || a.max.y <= b.min.y || b.max.y <= a.min.y;
        assert!(apart, "the answer covers {:?}", other.kind.summary());
    }
    press(&mut h, Modifiers::NONE, Key::Escape);
    assert!(h.state().view.windows.spotlight.is_none());
    assert!(h.query_by_label("Spotlight").is_none());
}

#[test]
fn a_drawn_prompt_is_a_prompt_card_and_shuffle_is_one_undo_step() {
    let f = fixture();
    let mut h = harness(&f.board, &f.boards_dir);
    press(&mut h, Modifiers::NONE, Key::P);
    settle(&mut h);
    let prompt = board(&h).items.iter().find(|i| moodboard::model::is_prompt(i)).cloned().expect("a prompt card");
    let ItemKind::Note(moodboard::model::kinds::Note { text }) = &prompt.kind else { panic!("a prompt is a note") };
    assert!(moodboard::prompts::deck(moodboard::prompts::Lang::En).contains(&text.as_str()), "{text}");
    assert_eq!(prompt.source, "prompt deck");
    let before = board(&h);
    press(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::H);
    let after = board(&h);
    let moved = before.items.iter().filter(|i| after.item(&i.id).unwrap().pos != i.pos).count();
    assert!(moved >= 3, "only {moved} moved");
    undo(&mut h);
    // Undo is a new change (it gets a new time), so compare where things are.
    let places = |b: &Board| b.items.iter().map(|i| (i.id.clone(), i.pos)).collect::<Vec<_>>();
    assert_eq!(places(&board(&h)), places(&before), "one undo puts everything back");
}

#[test]
fn a_read_only_board_opens_read_only_and_says_so() {
    let f = fixture();
    let before = std::fs::read(&f.board).unwrap();
    let mut perms = std::fs::metadata(&f.board).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&f.board, perms).unwrap();
    let mut h = harness(&f.board, &f.boards_dir);
    assert!(h.query_by_label_contains("Read-only file").is_some(), "the status bar says so");
    let notes = count(&h, KindTag::Note);
    h.state_mut().add_item(ItemKind::note("not allowed"), None, None);
    settle(&mut h);
    assert_eq!(count(&h, KindTag::Note), notes, "nothing changes");
    assert!(h.state().toasts.iter().any(|t| t.text.contains("Save As… to keep an editable copy")), "and it says why");
    h.state_mut().flush();
    assert_eq!(std::fs::read(&f.board).unwrap(), before, "the file is never written");
}

#[test]
fn long_or_many_goals_never_hide_the_canvas() {
    let f = fixture();
    storage::update(&f.board, |b: &mut Board| {
        b.goals = vec!["A very long goal that goes on and on. ".repeat(8_000)];
        b.goals.extend((0..300).map(|i| format!("Goal number {i}")));
        Ok::<_, std::convert::Infallible>(())
    })
    .unwrap();
    let h = harness(&f.board, &f.boards_dir);
    let canvas = h.state().view.camera.canvas_rect;
    assert!(canvas.height() > 900.0 * 0.6, "the canvas keeps most of the window: {canvas:?}");
    assert!(h.query_by_label_contains("… and 289 more").is_some(), "the rest are counted");
}

#[test]
fn a_result_for_a_board_no_longer_open_is_not_applied_to_the_new_one() {
    let f = fixture();
    let second = f.board.with_file_name("Second.moodboard.ron");
    storage::create(&second, &Board::new("Second board", Timestamp::now())).unwrap();
    let canvas = f.board.with_file_name("notes.canvas");
    std::fs::write(
        &canvas,
        r#"{"nodes":[{"id":"a","type":"text","text":"From the canvas","x":0,"y":0,"width":200,"height":100}]}"#,
    )
    .unwrap();
    let mut h = harness(&f.board, &f.boards_dir);
    // Open the second board, and let it be read before the canvas job starts…
    h.state_mut().picked(moodboard::app::Picked::Open(second.clone()));
    std::thread::sleep(Duration::from_millis(800));
    // …then start a canvas import for the board still shown. Both finish before the
    // next frame: the board switches, and the canvas was read for the first board.
    h.state_mut().picked(moodboard::app::Picked::Canvas(canvas));
    std::thread::sleep(Duration::from_millis(800));
    settle(&mut h);
    let now_open = board(&h);
    assert_eq!(now_open.title, "Second board");
    assert!(
        now_open.items.is_empty(),
        "neither the canvas nor the first board came into the second: {:?}",
        now_open.items
    );
    assert!(h.state().toasts.iter().any(|t| t.text.contains("Another board was opened meanwhile")));
}

#[test]
fn twenty_bad_files_make_one_message_with_twenty_reasons() {
    let f = fixture();
    let mut h = harness(&f.board, &f.boards_dir);
    let files: Vec<std::path::PathBuf> = (0..20)
        .map(|i| {
            let p = f.boards_dir.with_file_name(format!("broken {i}.png"));
            std::fs::write(&p, b"not a picture").unwrap();
            p
        })
        .collect();
    h.state_mut().picked(moodboard::app::Picked::Images(files));
    settle(&mut h);
    let reports: Vec<_> = h.state().toasts.iter().filter(|t| t.text.contains("not added")).collect();
    assert_eq!(reports.len(), 1, "one message for the batch");
    assert_eq!(reports[0].text, "20 files were not added");
    assert_eq!(reports[0].details.len(), 20, "every reason is kept");
    assert!(reports[0].details.iter().all(|d| d.contains("broken")), "{:?}", reports[0].details);
    // The log is there to reopen from the status bar.
    let button = h.get_by_label("Messages").rect();
    h.get_by_label("Messages").click();
    h.run_steps(2);
    // It opens above its button at the right of the status bar, not far from it (issue 31).
    let reasons = h.get_by_label("20 reasons").rect();
    assert!(reasons.right() > button.left() - 600.0 && reasons.top() < button.top(), "{reasons:?} far from {button:?}");
}

#[test]
fn without_a_system_file_chooser_open_and_add_images_use_the_dialog_in_the_window() {
    let f = fixture();
    let second = f.board.with_file_name("Second.moodboard.ron");
    storage::create(&second, &Board::new("Second board", Timestamp::now())).unwrap();
    let photo = f.board.with_file_name("coffee.png");
    std::fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/welcome/coffee.png"), &photo).unwrap();
    let mut h = harness(&f.board, &f.boards_dir);

    // Add images (I, then Choose files…): the dialog lists the board's folder, filtered
    // to images.
    press(&mut h, Modifiers::NONE, Key::I);
    h.get_by_role_and_label(Role::Button, "Choose files…").click();
    h.run_steps(3);
    h.run_steps(2);
    assert!(h.query_by_label("🗋 coffee.png").is_some(), "the dialog is shown, listing the board's folder");
    assert!(h.query_by_label("🗋 Second.moodboard.ron").is_none(), "boards are not images");
    h.get_by_label("🗋 coffee.png").click();
    h.run_steps(1);
    h.get_by_label("Open").click();
    settle(&mut h);
    assert_eq!(count(&h, KindTag::Image), 1, "the picked image is on the board");

    // Open (Ctrl+O): the other board (once this one is saved, so nothing asks first).
    h.state_mut().flush();
    settle(&mut h);
    press(&mut h, Modifiers::COMMAND, Key::O);
    h.run_steps(2);
    assert!(h.query_by_label("🗋 Second.moodboard.ron").is_some(), "the open dialog lists boards");
    h.get_by_label("🗋 Second.moodboard.ron").click();
    h.run_steps(1);
    h.get_by_label("Open").click();
    settle(&mut h);
    assert_eq!(board(&h).title, "Second board");

    // Save as (Ctrl+Shift+S): into a folder of copies, under the board's own name.
    std::fs::create_dir(f.board.with_file_name("copies")).unwrap();
    press(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    h.run_steps(2);
    h.get_by_label("🗀 copies").click();
    h.run_steps(2);
    h.get_by_label("Open").click();
    h.run_steps(2);
    h.get_by_label("Save").click();
    settle(&mut h);
    let copy = f.board.with_file_name("copies").join("Second.moodboard.ron");
    assert_eq!(h.state().doc().path, copy, "the copy is open");
    assert_eq!(storage::load(&copy).unwrap().board.title, "Second board");
}

/// Runs frames until the app puts text on the clipboard; returns it.
fn copied_text(harness: &mut Harness<'_, MoodboardApp>) -> String {
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        harness.step();
        for command in &harness.output().platform_output.commands {
            if let egui::OutputCommand::CopyText(text) = command {
                return text.clone();
            }
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    panic!("nothing was copied");
}

fn notes_saying(harness: &Harness<'_, MoodboardApp>, text: &str) -> usize {
    board(harness).items.iter().filter(|i| i.kind == ItemKind::note(text)).count()
}

#[test]
fn copy_and_paste_cards_within_a_board_is_one_undo_step() {
    let f = fixture();
    let mut h = harness(&f.board, &f.boards_dir);
    select_card(&mut h, "Morning fog");
    h.event(egui::Event::Copy);
    let text = copied_text(&mut h);
    assert!(moodboard::storage::clip::is_clip(&text), "{text}");
    h.event(egui::Event::Paste(text.clone()));
    settle(&mut h);
    assert_eq!(notes_saying(&h, "Morning fog"), 2);
    let after = board(&h);
    moodboard::model::frames::check(&after).unwrap();
    let light = after.theme_by_name("Light").unwrap().id.clone();
    assert!(after.items.iter().filter(|i| i.kind.summary() == "Morning fog").all(|i| i.theme == Some(light.clone())));
    assert!(moodboard::model::frames::cards_overlap(&after).is_none(), "the copy lands on no card");
    assert_eq!(h.state().doc().history.undo_label(), Some("Paste 1 item"));
    undo(&mut h);
    assert_eq!(notes_saying(&h, "Morning fog"), 1);
    // Cut takes it away and a paste brings it back.
    select_card(&mut h, "Rain on tin");
    h.event(egui::Event::Cut);
    let cut = copied_text(&mut h);
    settle(&mut h);
    assert_eq!(notes_saying(&h, "Rain on tin"), 0);
    h.event(egui::Event::Paste(cut));
    settle(&mut h);
    assert_eq!(notes_saying(&h, "Rain on tin"), 1);
    let sound = board(&h).theme_by_name("Sound").unwrap().id.clone();
    let back = board(&h).items.iter().find(|i| i.kind.summary() == "Rain on tin").unwrap().clone();
    assert_eq!(back.theme, Some(sound), "back in its theme");
    assert_eq!(back.contributor, "Ann", "still credited to who brought it");
}

#[test]
fn cards_pasted_into_another_board_bring_their_pictures() {
    let f = fixture();
    // The first board gets a photo.
    let photo = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/welcome/coffee.png");
    let store = moodboard::storage::AssetStore::for_board(&f.board);
    let thumbs = moodboard::media::thumbs::ThumbCache::new(None, 1 << 20);
    let imported = moodboard::media::import_file(&store, &thumbs, &photo).unwrap();
    let mut first = storage::load(&f.board).unwrap().board;
    let kind = ItemKind::Image(moodboard::model::kinds::Image {
        asset: imported.asset.clone(),
        file_name: "coffee.png".into(),
        pixel_size: imported.pixel_size,
        caption: "Espresso".into(),
        crop: Some(moodboard::model::Crop { x: 0.1, y: 0.1, w: 0.5, h: 0.5 }),
        turn: Default::default(),
        url: String::new(),
    });
    let mut item = Item::new(kind, Pos::new(0.0, 900.0), "Mia", "customer", Timestamp::now());
    item.size = moodboard::model::Size::new(300.0, 300.0);
    first.items.push(item);
    moodboard::model::frames::tidy_in_place(&mut first);
    storage::save(&f.board, &first).unwrap();
    let mut h = harness(&f.board, &f.boards_dir);
    node_with(&h, "Image: Espresso").click();
    h.run_steps(3);
    h.event(egui::Event::Copy);
    let text = copied_text(&mut h);
    drop(h);

    // A second board, elsewhere, with no pictures of its own.
    let other_dir = tempfile::tempdir().unwrap();
    let other = other_dir.path().join("Other.moodboard.ron");
    storage::create(&other, &Board::new("Other", Timestamp::now())).unwrap();
    let mut h = harness(&other, &f.boards_dir);
    h.event(egui::Event::Paste(text));
    settle(&mut h);
    let pasted = board(&h);
    assert_eq!(pasted.items.len(), 1);
    let ItemKind::Image(moodboard::model::kinds::Image { asset, crop, caption, .. }) = &pasted.items[0].kind else {
        panic!("an image")
    };
    assert_eq!(caption, "Espresso");
    assert!(crop.is_some(), "the crop comes along");
    assert_eq!(pasted.items[0].contributor, "Mia");
    let copy = moodboard::storage::AssetStore::for_board(&other).read_verified(asset).unwrap();
    assert_eq!(copy, std::fs::read(&photo).unwrap(), "the picture is in the other board's folder");
    undo(&mut h);
    assert!(board(&h).items.is_empty());
}

#[test]
fn search_counts_outlines_steps_through_matches_and_esc_clears_it() {
    let f = fixture();
    let mut h = harness(&f.board, &f.boards_dir);
    let search = h.get_by_label("Search");
    search.focus();
    search.type_text("o");
    h.run_steps(3);
    // "Morning fog", "Candle glow" and "Rain on tin" all have an o.
    assert!(h.query_by_label("Search: 3 matches").is_some(), "{}", labels_of(&h, "Search"));
    press(&mut h, Modifiers::NONE, Key::Enter);
    assert!(h.query_by_label("Search: match 1 of 3").is_some(), "{}", labels_of(&h, "Search"));
    let first = h.state().view_selection();
    press(&mut h, Modifiers::NONE, Key::Enter);
    assert!(h.query_by_label("Search: match 2 of 3").is_some(), "{}", labels_of(&h, "Search"));
    assert_ne!(h.state().view_selection(), first, "Enter goes to the next match and selects it");
    press(&mut h, Modifiers::SHIFT, Key::Enter);
    assert!(h.query_by_label("Search: match 1 of 3").is_some(), "Shift+Enter goes back");
    h.get_by_label("Search").type_text("zzz");
    h.run_steps(3);
    assert!(h.query_by_label("Search: no matches").is_some(), "{}", labels_of(&h, "Search"));
    // Esc in the box clears it.
    press(&mut h, Modifiers::NONE, Key::Escape);
    assert!(h.query_by_label_contains("Search: ").is_none(), "{}", labels_of(&h, "Search"));
}

#[test]
fn esc_closes_the_shortcuts_window_before_anything_else() {
    let f = fixture();
    let mut h = harness(&f.board, &f.boards_dir);
    select_card(&mut h, "Morning fog");
    press(&mut h, Modifiers::NONE, Key::F1);
    assert!(h.state().shortcuts_shown());
    press(&mut h, Modifiers::NONE, Key::Escape);
    assert!(!h.state().shortcuts_shown(), "Esc closes F1");
    assert_eq!(h.state().view_selection().len(), 1, "and leaves the selection");
    press(&mut h, Modifiers::NONE, Key::Escape);
    assert!(h.state().view_selection().is_empty(), "then Esc clears the selection");
}

#[test]
fn the_view_menu_switches_between_light_and_dark() {
    let f = fixture();
    let mut h = harness(&f.board, &f.boards_dir);
    for (entry, want) in [("Look: light", egui::Theme::Light), ("Look: dark", egui::Theme::Dark)] {
        h.get_by_label("View").click();
        h.run_steps(3);
        node_with(&h, entry).click();
        h.run_steps(3);
        assert_eq!(h.ctx.theme(), want, "{entry}");
    }
    h.get_by_label("View").click();
    h.run_steps(3);
    assert!(h.query_by_label("✔ Look: dark").is_some(), "the menu marks the look in use");
}

#[test]
fn a_new_board_takes_its_title_first_and_its_file_is_named_after_it() {
    let f = fixture();
    let mut h = harness(&f.board, &f.boards_dir);
    press(&mut h, Modifiers::COMMAND, Key::N);
    assert!(h.query_by_label("New board").is_some(), "the form asks for a title");
    // No title: it says so and makes nothing.
    h.get_by_label("Create board").click();
    h.run_steps(3);
    assert!(h.query_by_label_contains("Give the board a title first").is_some());
    h.get_by_label("Title of the new board").type_text("Kitchen ideas");
    let goal = h.get_by_label("Goal (optional)");
    goal.focus();
    goal.type_text("A warmer kitchen");
    h.run_steps(1);
    press(&mut h, Modifiers::NONE, Key::Enter);
    settle(&mut h);
    let doc = h.state().doc();
    assert_eq!(doc.board().title, "Kitchen ideas");
    assert_eq!(doc.board().goals, vec!["A warmer kitchen".to_owned()]);
    assert_eq!(doc.path, f.boards_dir.join("Kitchen ideas.moodboard.ron"));
    assert!(doc.path.exists());
    // Esc closes the form and changes nothing.
    press(&mut h, Modifiers::COMMAND, Key::N);
    press(&mut h, Modifiers::NONE, Key::Escape);
    assert!(h.query_by_label("Create board").is_none());
    assert_eq!(h.state().doc().board().title, "Kitchen ideas");
}

/// Visible text shapes saying `text` drawn inside `area` in the last frame.
fn texts_in(harness: &Harness<'_, MoodboardApp>, area: egui::Rect, text: &str) -> usize {
    fn walk(shape: &egui::Shape, clip: egui::Rect, area: egui::Rect, text: &str, n: &mut usize) {
        match shape {
            egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| walk(s, clip, area, text, n)),
            egui::Shape::Text(t) => {
                let rect = t.visual_bounding_rect();
                if t.galley.text().contains(text) && clip.intersects(rect) && area.intersects(rect) {
                    *n += 1;
                }
            }
            _ => {}
        }
    }
    let mut n = 0;
    for clipped in &harness.output().shapes {
        if clipped.clip_rect.is_positive() {
            walk(&clipped.shape, clipped.clip_rect, area, text, &mut n);
        }
    }
    n
}

#[test]
fn editing_in_place_draws_the_text_once() {
    let f = fixture();
    let mut h = harness_stepping(&f.board, &f.boards_dir, 0.05);
    let card = h.get_by_label("Note: Morning fog").rect();
    assert_eq!(texts_in(&h, card, "Morning fog"), 1, "the card shows its text");
    h.get_by_label("Note: Morning fog").click();
    h.step();
    h.get_by_label("Note: Morning fog").click();
    h.run_steps(3);
    assert!(h.state().is_editing_in_place(), "double-click opens the editor on the card");
    assert_eq!(texts_in(&h, card, "Morning fog"), 1, "the editor's text, not the card's as well");
    h.get_by_label("Edit text on the board").type_text(" at dawn");
    h.run_steps(2);
    press(&mut h, Modifiers::COMMAND, Key::Enter);
    assert_eq!(notes_saying(&h, "Morning fog at dawn"), 1);
    assert_eq!(texts_in(&h, card, "Morning fog at dawn"), 1);
    undo(&mut h);
    assert_eq!(notes_saying(&h, "Morning fog"), 1);
}

fn png(w: u32, h: u32) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    image::RgbImage::from_pixel(w, h, image::Rgb([30, 90, 200])).write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

const TILE_PAGE: &str = r#"<html><head><title>fallback</title>
<meta property="og:title" content="Azulejos of Porto">
<meta property="og:description" content="Blue and white tiles, street by street.">
<meta property="og:site_name" content="Tile Notes">
<meta property="og:image" content="/pictures/tiles.png"></head></html>"#;

#[test]
fn pasted_addresses_become_pictures_and_link_previews() {
    let server = Server::start(vec![
        ("/tiles.png", Answer::Later(1500, Box::new(Answer::ok("image/png", png(80, 40))))),
        ("/article", Answer::ok("text/html", TILE_PAGE)),
        ("/pictures/tiles.png", Answer::ok("image/png", png(120, 60))),
    ]);
    let f = fixture();
    let mut h = harness_with(&f.board, &f.boards_dir, 0.25, false);
    let before = board(&h).items.len();

    // Pasted twice: two placeholders stand where the cards will be, side by side; the
    // board is as it was until the pictures are in.
    for _ in 0..2 {
        h.event(egui::Event::Paste(server.url("/tiles.png")));
        h.run_steps(2);
    }
    let waiting: Vec<egui::Rect> =
        h.query_all_by_label_contains(&format!("Downloading {}", server.url("/tiles.png"))).map(|n| n.rect()).collect();
    assert_eq!(waiting.len(), 2);
    assert!(!waiting[0].intersects(waiting[1]), "placeholders never overlap: {waiting:?}");
    assert_eq!(board(&h).items.len(), before);
    settle(&mut h);
    assert!(h.query_by_label_contains("Downloading").is_none(), "the placeholders made way for the cards");
    let b = board(&h);
    let images: Vec<&Item> = b.items.iter().filter(|i| i.kind.tag() == KindTag::Image).collect();
    assert_eq!(images.len(), 2);
    let rect = |i: &Item| moodboard::model::BoardRect::from_pos_size(i.pos, i.size);
    assert!(!rect(images[0]).intersects(rect(images[1])), "nor do the cards they became");
    let image = images[0];
    assert!(matches!(&image.kind, ItemKind::Image(moodboard::model::kinds::Image { file_name, pixel_size, .. })
        if file_name == "tiles.png" && (pixel_size.w, pixel_size.h) == (80, 40)));
    // Captioned from its file's name, and named by it.
    assert!(h.query_all_by_label_contains("Image: tiles").next().is_some(), "its card is on the canvas");
    // Where it came from is kept, and the inspector says it and opens it (issue 31).
    assert!(matches!(&image.kind, ItemKind::Image(picture) if picture.url == server.url("/tiles.png")));
    h.query_all_by_label_contains("Image: tiles").next().unwrap().click();
    h.run_steps(3);
    node_with(&h, &format!("From {}", server.url("/tiles.png")));
    node_with(&h, "Open link");

    h.event(egui::Event::Paste(server.url("/article")));
    settle(&mut h);
    let b = board(&h);
    let link = b.items.iter().find(|i| i.kind.tag() == KindTag::Link).expect("the page became a link");
    let ItemKind::Link(moodboard::model::kinds::Link { url, title, description, site, picture, .. }) = &link.kind
    else {
        unreachable!()
    };
    assert_eq!(url, &server.url("/article"));
    assert_eq!((title.as_str(), site.as_str()), ("Azulejos of Porto", "Tile Notes"));
    assert_eq!(description, "Blue and white tiles, street by street.");
    assert!(picture.is_some(), "with the page's picture");
    assert!(h.query_all_by_label_contains("Azulejos of Porto").next().is_some());
    assert_eq!(b.items.len(), before + 3);

    undo(&mut h);
    assert_eq!(board(&h).items.len(), before + 2, "each arrival is one undo step");

    // Working offline, a pasted address is a plain link and nothing is asked of the web.
    let asked = server.connections();
    {
        use egui_kittest::kittest::NodeT as _;
        let menu = h.query_all_by_label("Add").find(|n| n.accesskit_node().role() != Role::Label);
        menu.expect("the Add menu").click();
    }
    h.run_steps(3);
    node_with(&h, "Work offline").click();
    h.run_steps(3);
    h.event(egui::Event::Paste(server.url("/tiles.png")));
    settle(&mut h);
    let b = board(&h);
    assert!(
        b.items
            .iter()
            .any(|i| matches!(&i.kind, ItemKind::Link(moodboard::model::kinds::Link { url, title, picture: None, .. })
        if *url == server.url("/tiles.png") && title.is_empty()))
    );
    assert_eq!(server.connections(), asked);
}

#[test]
fn the_image_form_downloads_an_address_and_a_failure_offers_retry() {
    let server = Server::start(vec![(
        "/flaky.png",
        Answer::Sequence(vec![Answer::ok("image/jpeg", TILE_PAGE), Answer::ok("image/png", png(50, 50))]),
    )]);
    let f = fixture();
    let mut h = harness_with(&f.board, &f.boards_dir, 0.25, false);
    let before = board(&h);

    press(&mut h, Modifiers::NONE, Key::I);
    assert!(h.query_by_label("Picture address").is_some(), "I opens the Image form");
    assert!(h.query_by_role_and_label(Role::Button, "Choose files…").is_some());
    h.get_by_label("Picture address").type_text(&server.url("/flaky.png"));
    h.run_steps(1);
    h.get_by_role_and_label(Role::Button, "Add image").click();
    settle(&mut h);
    // The first answer is a page dressed as a JPEG: refused, the board unchanged.
    assert_eq!(board(&h).items, before.items);
    assert!(
        h.query_by_label_contains("Download failed").is_some()
            && h.query_by_label_contains("a web page (served as image/jpeg), not an image").is_some(),
        "the placeholder says why"
    );
    h.get_by_role_and_label(Role::Button, "Retry").click();
    settle(&mut h);
    assert_eq!(count(&h, KindTag::Image), 1, "the second try brings the picture");
    assert!(h.query_by_label_contains("Download failed").is_none(), "and the placeholder is gone");

    // A second failure is dismissed: nothing stays behind.
    press(&mut h, Modifiers::NONE, Key::I);
    h.get_by_label("Picture address").type_text(&server.url("/missing.png"));
    h.run_steps(1);
    h.get_by_role_and_label(Role::Button, "Add image").click();
    settle(&mut h);
    assert!(h.query_by_label_contains("404 Not Found").is_some());
    h.get_by_role_and_label(Role::Button, "Dismiss").click();
    h.run_steps(3);
    assert!(h.query_by_label_contains("Download failed").is_none());
    assert_eq!(count(&h, KindTag::Image), 1);
}

fn post_json(url: &str, body: serde_json::Value) -> (u16, serde_json::Value) {
    let agent = ureq::Agent::config_builder().http_status_as_error(false).proxy(None).build().new_agent();
    let mut r = agent.post(url).header("Content-Type", "application/json").send(body.to_string()).unwrap();
    let status = r.status().as_u16();
    (status, serde_json::from_str(&r.body_mut().read_to_string().unwrap_or_default()).unwrap_or_default())
}

#[test]
fn inviting_shows_a_qr_code_and_private_ideas_arrive_face_down() {
    let f = fixture();
    let mut h = harness(&f.board, &f.boards_dir);
    press(&mut h, Modifiers::NONE, Key::F6);
    assert_eq!(board(&h).session.phase, moodboard::model::Phase::Collect);
    h.get_by_label("Private collect").click();
    h.run_steps(3);
    assert!(board(&h).session.private_collect);
    h.get_by_role_and_label(Role::Button, "Invite…").click();
    settle(&mut h);
    assert!(h.query_by_label("QR code of the join address").is_some(), "the invitation shows its QR code");
    assert!(h.query_by_label_contains("Nobody has joined yet").is_some());
    let address = h.state().join_url().expect("inviting");
    assert!(h.query_by_label(&format!("Join address {address}")).is_some(), "the address is shown to type");
    // From this machine: the same port and token on loopback.
    let url = format!("http://127.0.0.1:{}", address.split_once("://").unwrap().1.split_once(':').unwrap().1);
    let (status, joined) = post_json(&format!("{url}/api/join"), serde_json::json!({ "name": "Pia" }));
    assert_eq!(status, 200);
    let p = joined["participant"].as_str().unwrap().to_owned();
    let (status, _) = post_json(
        &format!("{url}/api/items"),
        serde_json::json!({ "participant": p, "kind": "note", "text": "Secret idea from a phone" }),
    );
    assert_eq!(status, 201);

    let deadline = Instant::now() + Duration::from_secs(15);
    while !board(&h)
        .items
        .iter()
        .any(|i| matches!(&i.kind, ItemKind::Note(moodboard::model::kinds::Note { text }) if text == "Secret idea from a phone"))
    {
        assert!(Instant::now() < deadline, "the phone's idea reaches the canvas");
        h.run_steps(2);
        std::thread::sleep(Duration::from_millis(50));
    }
    h.run_steps(3);
    assert!(h.query_by_label_contains("1 person joined").is_some());
    assert!(h.query_by_label_contains("Face-down idea from the live session").is_some(), "it lies face down");
    assert!(h.query_by_label_contains("Secret idea from a phone").is_none(), "its words are nowhere on screen");
    assert!(h.query_by_label_contains("1 idea in, from 1 person, face down until Cluster").is_some());
    // Show new ideas brings them into view, wherever they landed.
    h.get_by_role_and_label(Role::Button, "Show new ideas").click();
    h.run_steps(3);
    let card = h.get_by_label_contains("Face-down idea from the live session").rect();
    assert!(h.ctx.content_rect().contains_rect(card), "in view: {card:?}");

    // Cluster: all turn over at once.
    h.get_by_label("Phase Cluster").click();
    h.run_steps(3);
    assert_eq!(board(&h).session.phase, moodboard::model::Phase::Cluster);
    assert!(h.query_by_label_contains("Face-down idea").is_none());
    assert!(h.query_all_by_label_contains("Secret idea from a phone").next().is_some());

    // A phone keeps its page open (the event stream) …
    let mut page = std::net::TcpStream::connect(url.split_once("://").unwrap().1.split_once('/').unwrap().0).unwrap();
    let path = format!("/{}", url.split_once("://").unwrap().1.split_once('/').unwrap().1);
    std::io::Write::write_all(
        &mut page,
        format!("GET {path}/api/events?participant={p} HTTP/1.1\r\nHost: x\r\n\r\n").as_bytes(),
    )
    .unwrap();
    page.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    assert!(std::io::Read::read(&mut page, &mut [0u8; 64]).unwrap() > 0, "the stream is open");
    // … and Stop inviting returns at once: the next frame is drawn while the server is
    // still closing that stream, which it does by itself.
    h.query_all_by_role_and_label(Role::Button, "Stop inviting").next().expect("Stop inviting").click();
    h.run_steps(1);
    assert!(h.state().join_server_stopping(), "the frame did not wait for the server");
    let mut rest = Vec::new();
    let _ = std::io::Read::read_to_end(&mut page, &mut rest);
    settle(&mut h);
    assert!(!h.state().join_server_stopping());
    assert!(h.query_by_label_contains("every idea from the phones is saved").is_some(), "the end is reported");
    let refused =
        ureq::Agent::config_builder().proxy(None).build().new_agent().post(&format!("{url}/api/join")).send("{}");
    assert!(refused.is_err(), "nobody can join once inviting stopped");
    assert!(h.query_by_label("QR code of the join address").is_none());
}

/// Runs frames of `h` until `done` holds, and of `other` meanwhile (the other app
/// saves and takes in what comes as it would on its own computer).
fn until(
    h: &mut Harness<'_, MoodboardApp>,
    mut other: Option<&mut Harness<'_, MoodboardApp>>,
    what: &str,
    mut done: impl FnMut(&Harness<'_, MoodboardApp>) -> bool,
) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while !done(h) {
        assert!(Instant::now() < deadline, "{what}: not within a minute");
        h.run_steps(2);
        if let Some(other) = other.as_deref_mut() {
            other.run_steps(2);
        }
        std::thread::sleep(Duration::from_millis(30));
    }
}

fn note_by_keyboard(h: &mut Harness<'_, MoodboardApp>, text: &str) {
    // Nothing selected: the inspector shows no note field beside the new card's.
    h.state_mut().view.canvas.selection.clear();
    h.run_steps(1);
    press(h, Modifiers::NONE, Key::N);
    h.get_by_label("Note").type_text(text);
    h.run_steps(2);
    press(h, Modifiers::COMMAND, Key::Enter);
    settle(h);
}

fn has_note(h: &Harness<'_, MoodboardApp>, text: &str) -> bool {
    board(h).items.iter().any(|i| i.kind.summary() == text)
}

/// Ann shares her board live (LAN only, set in the form) and Bob joins it from his own
/// app with the editor's ticket: both apps, Bob's copy open, and the ticket.
fn ann_shares_and_bob_joins(
    f: &Fixture,
    bob_dir: &Path,
) -> (Harness<'static, MoodboardApp>, Harness<'static, MoodboardApp>, String) {
    let bob_home = bob_dir.join("Bob.moodboard.ron");
    storage::create(&bob_home, &Board::new("Bob's own board", Timestamp::now())).unwrap();
    let mut ann = window::harness_in(&f.board, &f.boards_dir, 0.25, false, Some(Lang::En));
    let mut bob = window::harness_in(&bob_home, bob_dir, 0.25, false, Some(Lang::En));
    ann.state_mut().prefs.name = "Ann".into();
    bob.state_mut().prefs.name = "Bob".into();
    // Both on the local network only (the preference), set where people set it: the form.
    for h in [&mut ann, &mut bob] {
        h.get_by_label("File").click();
        h.run_steps(2);
        h.get_by_label("Join live…").click();
        h.run_steps(4);
        h.get_by_label("LAN only: no relay").click();
        h.run_steps(2);
        h.get_by_label("Cancel").click();
        h.run_steps(2);
        assert!(h.query_by_label("Live ticket").is_none(), "the form is closed");
    }

    // Ann: Share → Share live… shows a ticket and “Live · only you”.
    ann.get_by_label("Share").click();
    ann.run_steps(2);
    ann.get_by_label("Share live…").click();
    settle(&mut ann);
    until(&mut ann, None, "the ticket is shown", |h| h.query_by_label_contains("moodboard-live:").is_some());
    assert!(ann.query_by_label("Live board: Live · only you").is_some(), "the status bar says it is live");
    let ticket = ticket_shown(&ann);
    assert!(moodboard::live::Ticket::parse(&ticket).is_ok());

    // Bob: File → Join live…, paste, Join: the copy opens in his boards folder.
    bob.get_by_label("File").click();
    bob.run_steps(2);
    bob.get_by_label("Join live…").click();
    bob.run_steps(4);
    bob.get_by_label("Live ticket").click();
    bob.run_steps(1);
    bob.get_by_label("Live ticket").type_text(&ticket);
    bob.run_steps(1);
    bob.get_by_label("Join").click();
    until(&mut bob, Some(&mut ann), "Bob's copy opens", |h| board(h).title == "Test board");
    until(&mut ann, Some(&mut bob), "Ann sees Bob here", |h| h.query_by_label_contains("Live · 1 here").is_some());
    // And his presence: the window's list has him (its buttons stay where they are now).
    until(&mut ann, Some(&mut bob), "Ann's window lists Bob", |h| h.query_by_label("Follow Bob").is_some());
    (ann, bob, ticket)
}

/// The ticket the Share live window shows.
fn ticket_shown(h: &Harness<'_, MoodboardApp>) -> String {
    use egui_kittest::kittest::NodeT as _;
    let node = h.get_by_label_contains("moodboard-live:").accesskit_node();
    // Labels carry their text as the accessible value.
    let label = node.label().or(node.value()).unwrap_or_default().to_string();
    label[label.find("moodboard-live:").unwrap()..].to_owned()
}

#[test]
fn a_board_shared_live_from_the_app_is_joined_from_another_app_and_edits_go_both_ways() {
    let f = fixture();
    let bob_dir = tempfile::tempdir().unwrap();
    let (mut ann, mut bob, ticket) = ann_shares_and_bob_joins(&f, bob_dir.path());
    assert!(bob.state().doc().path.starts_with(bob_dir.path()), "in Bob's boards folder");
    assert!(has_note(&bob, "Morning fog"), "with Ann's ideas");
    // The guest's ticket is one click away.
    ann.get_by_label("a guest").click();
    ann.run_steps(2);
    let guest = ticket_shown(&ann);
    assert!(moodboard::live::Ticket::parse(&guest).is_ok());
    assert_ne!(guest, ticket);
    ann.get_by_label("an editor").click();
    ann.run_steps(2);

    // Edits both ways, as they are made.
    note_by_keyboard(&mut bob, "From Bob's laptop");
    until(&mut ann, Some(&mut bob), "Bob's idea reaches Ann", |h| has_note(h, "From Bob's laptop"));
    note_by_keyboard(&mut ann, "From Ann's laptop");
    until(&mut bob, Some(&mut ann), "Ann's idea reaches Bob", |h| has_note(h, "From Ann's laptop"));

    // Undo undoes your own edits only: Bob's later idea stays when Ann takes hers back.
    note_by_keyboard(&mut bob, "Bob again");
    until(&mut ann, Some(&mut bob), "Bob's second idea reaches Ann", |h| has_note(h, "Bob again"));
    undo(&mut ann);
    settle(&mut ann);
    assert!(!has_note(&ann, "From Ann's laptop"), "Ann's own idea is undone");
    assert!(has_note(&ann, "Bob again") && has_note(&ann, "From Bob's laptop"), "Bob's ideas stay");
    until(&mut bob, Some(&mut ann), "Ann's undo reaches Bob", |h| !has_note(h, "From Ann's laptop"));
    assert!(has_note(&bob, "Bob again"));

    // Stop sharing: Bob is told Ann left; both boards keep everything. (Under load a
    // connection may drop and come back; Ann's status says Bob is here once it has.)
    until(&mut ann, Some(&mut bob), "Ann sees Bob here", |h| h.query_by_label("Live board: Live · 1 here").is_some());
    ann.get_by_label("Live board: Live · 1 here").click();
    ann.run_steps(2);
    ann.get_by_label("Stop sharing").click();
    settle(&mut ann);
    assert!(ann.query_by_label_contains("Live board:").is_none(), "no longer live");
    // Bob's copy says it cannot reach Ann, and keeps trying.
    until(&mut bob, None, "Bob's status bar says he is offline", |h| {
        h.query_by_label("Live board: Live · offline, trying again").is_some()
    });
    assert!(has_note(&ann, "From Bob's laptop") && has_note(&ann, "Bob again") && has_note(&bob, "Bob again"));
}

/// The middle of the part of the board a canvas shows.
fn seen_centre(h: &Harness<'_, MoodboardApp>) -> Pos2 {
    h.state().view.camera.visible_board_rect().center()
}

#[test]
fn on_a_live_board_each_sees_where_the_others_point_and_can_follow_them() {
    let f = fixture();
    let bob_dir = tempfile::tempdir().unwrap();
    let (mut ann, mut bob, _) = ann_shares_and_bob_joins(&f, bob_dir.path());
    // Ann closes the Share live window to see the board.
    ann.state_mut().view.windows.live = false;
    ann.run_steps(2);

    // Bob points at the board and selects a card: Ann sees his pointer and name where he
    // points, and which card he has selected.
    let fog = board(&bob).items.iter().find(|i| i.kind.summary() == "Morning fog").unwrap().id.clone();
    bob.state_mut().view.canvas.selection = [fog.clone()].into();
    let canvas = bob.state().view.camera.canvas_rect;
    let at_on_bobs_screen = canvas.center() + Vec2::new(-120.0, 60.0);
    bob.event(egui::Event::PointerMoved(at_on_bobs_screen));
    let at_in_board = bob.state().view.camera.board_from_screen() * at_on_bobs_screen;
    until(&mut ann, Some(&mut bob), "Ann sees where Bob points and what he selected", |h| {
        h.state().people_here().first().is_some_and(|p| p.presence.selection == [fog.as_str()])
    });
    let people = ann.state().people_here();
    assert_eq!(people.len(), 1);
    assert_eq!(people[0].name, "Bob");
    let tag = ann.get_by_label("Bob's pointer").rect();
    let pointer_on_anns_screen = ann.state().view.camera.screen_from_board * at_in_board;
    let offset = tag.min - pointer_on_anns_screen;
    assert!(
        (0.0..40.0).contains(&offset.x) && (0.0..40.0).contains(&offset.y),
        "the name is beside the pointer: {offset:?}"
    );
    // Never saved: the board files say nothing of pointers or selections.
    let saved = std::fs::read_to_string(&f.board).unwrap();
    assert!(!saved.contains("Bob's pointer") && !saved.contains("pointer"));

    // Ann clicks Bob's name: she follows him, and sees what he sees as he moves.
    ann.get_by_label("Bob's pointer").click();
    until(&mut ann, Some(&mut bob), "Ann follows Bob", |h| h.query_by_label_contains("Following Bob").is_some());
    bob.state_mut().view.camera.pan(Vec2::new(-2500.0, -1200.0));
    bob.run_steps(2);
    let bobs = seen_centre(&bob);
    until(&mut ann, Some(&mut bob), "Ann's canvas goes where Bob's went", |h| (seen_centre(h) - bobs).length() < 1.0);
    assert_eq!(seen_centre(&bob), bobs, "Bob's canvas stayed put");
    // Moving the board herself ends it.
    let middle = ann.state().view.camera.canvas_rect.center();
    ann.event(egui::Event::PointerMoved(middle));
    ann.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: Vec2::new(0.0, -200.0),
        modifiers: Modifiers::NONE,
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
    });
    ann.run_steps(3);
    assert!(ann.query_by_label_contains("Following Bob").is_none(), "Ann moved the board: no longer following");
    bob.state_mut().view.camera.pan(Vec2::new(900.0, 0.0));
    for _ in 0..10 {
        bob.run_steps(2);
        ann.run_steps(2);
        std::thread::sleep(Duration::from_millis(30));
    }
    assert!((seen_centre(&ann) - seen_centre(&bob)).length() > 100.0, "Ann stays where she went");

    // Ann brings everyone to her: Bob follows her until he moves the board himself.
    ann.get_by_label("Live board: Live · 1 here").click();
    ann.run_steps(4);
    ann.get_by_label("Bring everyone to me").click();
    ann.run_steps(2);
    until(&mut bob, Some(&mut ann), "Bob follows Ann", |h| h.query_by_label_contains("Following Ann").is_some());
    let anns = seen_centre(&ann);
    until(&mut bob, Some(&mut ann), "Bob sees what Ann sees", |h| (seen_centre(h) - anns).length() < 1.0);
    assert_eq!(seen_centre(&ann), anns, "Ann's canvas stayed put");
    // Esc ends it.
    press(&mut bob, Modifiers::NONE, Key::Escape);
    assert!(bob.query_by_label_contains("Following Ann").is_none(), "Esc stops following");

    // Follow from the Share live window's list (Bring everyone closed it), and Stop
    // following on the bar.
    ann.get_by_label("Live board: Live · 1 here").click();
    ann.run_steps(4);
    ann.get_by_label("Follow Bob").click();
    ann.run_steps(2);
    until(&mut ann, Some(&mut bob), "Ann follows Bob again", |h| h.query_by_label_contains("Following Bob").is_some());
    ann.get_by_label("Stop following").click();
    ann.run_steps(2);
    assert!(ann.query_by_label_contains("Following Bob").is_none());
}

/// A GIF of `n` frames of 100 ms, each its own colour.
fn animated_gif(n: usize) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut encoder = image::codecs::gif::GifEncoder::new(&mut out);
        encoder.set_repeat(image::codecs::gif::Repeat::Infinite).unwrap();
        let frames = (0..n).map(|i| {
            let colour = image::Rgba([(i * 60 % 256) as u8, 120, (255 - i * 30 % 256) as u8, 255]);
            let buffer = image::RgbaImage::from_pixel(120, 90, colour);
            image::Frame::from_parts(buffer, 0, 0, image::Delay::from_numer_denom_ms(100, 1))
        });
        encoder.encode_frames(frames).unwrap();
    }
    out
}

#[test]
fn an_animated_gif_plays_on_its_card_pauses_and_stops_without_focus_or_when_turned_off() {
    let f = fixture();
    let asset = with_moving_picture(&f, &animated_gif(7), "dance.gif");
    let mut h = harness(&f.board, &f.boards_dir);
    // The frame shown moves on as time passes (frames of 100 ms, a step of 250 ms).
    let seen = frames_shown(&mut h, &asset);
    assert!(seen.len() >= 3, "{seen:?}");
    // While it plays, the next frame is asked for; without the focus, nothing is.
    h.run_steps(1);
    assert!(h.ctx.has_requested_repaint(), "the next frame is asked for");
    h.input_mut().focused = false;
    h.run_steps(3);
    assert!(!h.ctx.has_requested_repaint(), "the app idles without the focus");
    h.input_mut().focused = true;
    h.run_steps(2);
    // ⏸ on the card stops it on its first frame; ▶ plays it again.
    h.get_by_label("Pause the moving picture").click();
    h.run_steps(2);
    assert!(h.state().open.images.animations.is_paused(&asset));
    assert!(h.query_by_label("Play the moving picture").is_some());
    h.get_by_label("Play the moving picture").click();
    h.run_steps(2);
    assert!(!h.state().open.images.animations.is_paused(&asset));
    // View → Play moving pictures off: the first frame everywhere, kept in the preferences.
    h.get_by_label("View").click();
    h.run_steps(2);
    h.get_by_label_contains("Play moving pictures").click();
    h.run_steps(3);
    assert!(!h.state().prefs.moving_pictures);
    assert!(!h.ctx.has_requested_repaint(), "nothing moves, nothing repaints");
}

/// An animated WebP plays like a GIF (its fixture: four frames of 100 ms, each its own
/// colour, made with ImageMagick's `convert -delay 10 -loop 0 … animated.webp`).
#[test]
fn an_animated_webp_plays_on_its_card() {
    let f = fixture();
    let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/animated.webp")).unwrap();
    let asset = with_moving_picture(&f, &bytes, "wave.webp");
    assert!(asset.as_str().ends_with(".webp"), "{asset}");
    let mut h = harness(&f.board, &f.boards_dir);
    let seen = frames_shown(&mut h, &asset);
    assert!(seen.len() >= 3, "its frames advance: {seen:?}");
}

/// Puts the moving picture `bytes` (a file called `name`) on the fixture's board.
fn with_moving_picture(f: &Fixture, bytes: &[u8], name: &str) -> moodboard::model::AssetName {
    let store = moodboard::storage::AssetStore::for_board(&f.board);
    let thumbs = moodboard::media::thumbs::ThumbCache::new(None, 1 << 20);
    let imported = moodboard::media::import_bytes(&store, &thumbs, bytes, name, Path::new(name)).unwrap();
    let asset = imported.asset.clone();
    let mut board = storage::load(&f.board).unwrap().board;
    board.items.push(Item::new(imported.into_kind(), Pos::new(0.0, 900.0), "Mia", "own team", Timestamp::now()));
    moodboard::model::frames::tidy_in_place(&mut board);
    storage::save(&f.board, &board).unwrap();
    asset
}

/// Once `asset`'s frames are decoded, the frames it shows over eight frames of the app.
fn frames_shown(
    h: &mut Harness<'_, MoodboardApp>,
    asset: &moodboard::model::AssetName,
) -> std::collections::BTreeSet<usize> {
    wait_for(h, "its frames", |app| app.open.images.animations.moves(asset) == Some(true));
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..8 {
        h.run_steps(1);
        seen.insert(h.state().open.images.animations.frame_index(asset).unwrap());
    }
    seen
}
