//! The app in a headless window (egui_kittest) for tests: a harness on a board, running
//! frames until its background work is done, and the keys and pointer as a user uses them.

use std::path::Path;
use std::time::{Duration, Instant};

use egui::{Key, Modifiers, Pos2, Vec2};
use egui_kittest::Harness;
use moodboard::app::{MoodboardApp, Startup};
use moodboard::i18n::Lang;
use moodboard::prefs::Prefs;

/// The app on `board`, offline, in `language`, with its own thumbnail cache in `boards_dir`.
pub fn harness(board: &Path, boards_dir: &Path, language: Lang) -> Harness<'static, MoodboardApp> {
    harness_in(board, boards_dir, 0.25, true, Some(language))
}

/// The app on `board` with frames `step_dt` seconds apart (a double-click needs its two
/// clicks closer than the default quarter second), online (`offline: false`) or not, in
/// `language` (`None`: the system's).
pub fn harness_in(
    board: &Path,
    boards_dir: &Path,
    step_dt: f32,
    offline: bool,
    language: Option<Lang>,
) -> Harness<'static, MoodboardApp> {
    let startup = Startup {
        board: Some(board.to_owned()),
        screenshot: None,
        boards_dir: boards_dir.to_owned(),
        // Offline: no test reaches out to the web unless it starts its own server.
        prefs: Prefs { name: "Tess".into(), offline, language, ..Prefs::default() },
        save_prefs: false,
        file_dialogs: moodboard::app::DialogKind::InWindow,
        ask_name: false,
        // Keep the user's own thumbnail cache out of the tests (and the tests out of it).
        thumbs_dir: Some(boards_dir.join("thumbnail-cache")),
        // Live keys in the test's folder, never the user's.
        live_dir: Some(boards_dir.join("live-keys")),
        // The library's catalog and index too.
        // (where `moodboard` finds it with MOODBOARD_CACHE_DIR=BOARDS/cache, to share it).
        library_dir: Some(boards_dir.join("cache").join("library")),
        templates_dir: Some(boards_dir.join("templates")),
    };
    let mut harness = Harness::builder()
        .with_size(Vec2::new(1400.0, 900.0))
        .with_step_dt(step_dt)
        .build_eframe(move |cc| MoodboardApp::new(&cc.egui_ctx, startup));
    settle(&mut harness);
    harness
}

/// Runs frames until background work (imports, saves, decodes) is done.
pub fn settle(harness: &mut Harness<'_, MoodboardApp>) {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        harness.run_steps(3);
        if !harness.state().is_busy() || Instant::now() > deadline {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    harness.run_steps(2);
}

/// Presses `key` with `modifiers` and lets the app answer.
#[allow(dead_code)] // not every test file presses keys
pub fn press(harness: &mut Harness<'_, MoodboardApp>, modifiers: Modifiers, key: Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run_steps(3);
}

/// Drags with the primary button from `from` to `to` in eight steps, as a hand does.
#[allow(dead_code)] // not every test file drags
pub fn drag(harness: &mut Harness<'_, MoodboardApp>, from: Pos2, to: Pos2) {
    harness.event(egui::Event::PointerMoved(from));
    harness.run_steps(1);
    harness.drag_at(from);
    harness.run_steps(1);
    for step in 1..=8 {
        harness.event(egui::Event::PointerMoved(from + (to - from) * (step as f32 / 8.0)));
        harness.run_steps(1);
    }
    harness.drop_at(to);
    harness.run_steps(3);
}

/// A click at `at` with `modifiers` held, where there may be no widget to click (the
/// canvas's background, a line on it).
#[allow(dead_code)] // not every test file clicks by place
pub fn click_at(harness: &mut Harness<'_, MoodboardApp>, at: Pos2, modifiers: Modifiers) {
    let button =
        |pressed| egui::Event::PointerButton { pos: at, button: egui::PointerButton::Primary, pressed, modifiers };
    harness.event(egui::Event::PointerMoved(at));
    harness.event(button(true));
    harness.step();
    harness.event(button(false));
    harness.run_steps(3);
}
