//! The library: from the command line (`moodboard boards`, `moodboard search`, real
//! processes with their own boards and cache folders) and in the app's window (kittest).

use std::time::{Duration, Instant};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use moodboard::app::MoodboardApp;
use moodboard::i18n::Lang;

mod common;
#[allow(dead_code)] // not every helper is used here
mod window;
use common::Env;

fn boards_folder(env: &Env) -> std::path::PathBuf {
    let dir = env.path("boards");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Three boards in the boards folder, made with the CLI.
fn three(env: &Env) {
    let dir = boards_folder(env);
    let b = |name: &str| dir.join(name).to_string_lossy().into_owned();
    env.ok(&["new", &b("cafe"), "--title", "Café", "--goal", "A warmer counter"]);
    env.ok(&["add", &b("cafe"), "--note", "Warm light over the gardens", "--as", "Ann", "--tag", "light"]);
    env.ok(&["add", &b("cafe"), "--quote", "Good coffee takes time", "--by", "Bea", "--as", "Bob"]);
    env.ok(&["new", &b("tuin"), "--title", "Tuin"]);
    env.ok(&[
        "add",
        &b("tuin"),
        "--quote",
        "De kinderen spelen in de tuinen",
        "--by",
        "Oma",
        "--as",
        "Cas",
        "--tag",
        "Light",
    ]);
    env.ok(&["new", &b("trip"), "--title", "Trip"]);
}

#[test]
fn boards_lists_every_board_and_why_one_cannot_be_read() {
    let env = Env::new();
    three(&env);
    std::fs::write(boards_folder(&env).join("broken.moodboard.ron"), "(version: 7, title: ").unwrap();
    // A FIFO would hang a reader that opens it; a huge file would fill the memory.
    let fifo = boards_folder(&env).join("pipe.moodboard.ron");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let huge = std::fs::File::create(boards_folder(&env).join("huge.moodboard.ron")).unwrap();
    huge.set_len(65 * 1024 * 1024).unwrap();
    let start = Instant::now();
    let out = env.ok(&["boards"]);
    assert!(start.elapsed() < Duration::from_secs(10), "nothing hangs");
    assert!(out.contains("pipe\tcannot be read: ") && out.contains("a named pipe"), "{out}");
    assert!(out.contains("huge\tcannot be read: ") && out.contains("larger than"), "{out}");
    let lines: Vec<&str> = out.lines().filter(|l| !l.starts_with("pipe\t") && !l.starts_with("huge\t")).collect();
    assert_eq!(lines.len(), 4, "{out}");
    assert!(lines.iter().any(|l| l.starts_with("Café\t2 ideas\t")), "{out}");
    assert!(lines.iter().any(|l| l.starts_with("Trip\t0 ideas\t")), "{out}");
    // Unreadable last, with its reason (file, line, column).
    assert!(lines[3].starts_with("broken\tcannot be read: ") && lines[3].contains("broken.moodboard.ron:1:"), "{out}");
    let json = env.ok(&["boards", "--json"]);
    let cafe: serde_json::Value = json
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .find(|v: &serde_json::Value| v["title"] == "Café")
        .unwrap();
    assert_eq!(cafe["ideas"], 2);
    assert_eq!(cafe["goals"][0], "A warmer counter");
    assert_eq!(cafe["contributors"], serde_json::json!(["Ann", "Bob"]));
    assert_eq!(cafe["tags"]["light"], 1);
}

#[test]
fn search_finds_ideas_across_boards_in_any_form_of_their_words() {
    let env = Env::new();
    three(&env);
    // Dutch "tuin" finds "tuinen"; English "garden" finds "gardens".
    let out = env.ok(&["search", "tuin"]);
    assert_eq!(out.lines().count(), 1, "{out}");
    let fields: Vec<&str> = out.trim_end().split('\t').collect();
    assert_eq!(fields[0], "Tuin");
    assert_eq!(fields[2], "quote");
    assert!(fields[3].contains("De kinderen spelen in de tuinen"), "{out}");
    assert!(fields[4].ends_with("tuin.moodboard.ron"), "{out}");
    // The id is the one `show --ids` prints.
    let shown = env.ok(&["show", fields[4], "--ids"]);
    assert!(shown.lines().any(|l| l.contains(fields[1]) && l.contains("tuinen")), "{shown}");
    assert!(env.ok(&["search", "GARDEN"]).contains("Warm light over the gardens"));
    // A tag across two boards, whatever its case; kind and contributor narrow.
    assert_eq!(env.ok(&["search", "--tag", "LIGHT"]).lines().count(), 2);
    assert_eq!(env.ok(&["search", "--tag", "light", "--kind", "quote"]).lines().count(), 1);
    assert_eq!(env.ok(&["search", "--by", "bob"]).lines().count(), 1);
    let json = env.ok(&["search", "coffee", "--json"]);
    let hit: serde_json::Value = serde_json::from_str(json.trim()).unwrap();
    assert_eq!((hit["board_title"].as_str(), hit["contributor"].as_str()), (Some("Café"), Some("Bob")));
    // Mistakes are named.
    let err = env.fails(&["search", "x", "--kind", "sketchy"]);
    assert!(err.contains("there is no kind “sketchy”") && err.contains("note"), "{err}");
    // Everything here was added today: since yesterday finds it, since tomorrow nothing.
    let day = |offset: i64| {
        let ms = moodboard::model::Timestamp::now().unix_millis() + offset * 24 * 3600 * 1000;
        moodboard::model::Timestamp::from_unix_millis(ms).to_rfc3339()[..10].to_owned()
    };
    assert_eq!(env.ok(&["search", "--by", "bob", "--since", &day(-1)]).lines().count(), 1);
    assert!(env.ok(&["search", "--by", "bob", "--since", &day(1)]).is_empty());
    let err = env.fails(&["search", "x", "--since", "last week"]);
    assert!(err.contains("is not a day: give it as YYYY-MM-DD"), "{err}");
    let err = env.fails(&["search"]);
    assert!(err.contains("nothing to search for"), "{err}");
    // Nothing found is said on stderr, with nothing on stdout.
    let out = env.run(&["search", "zebra"]);
    assert!(out.status.success() && out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("Nothing found"));
}

#[test]
fn a_board_changed_by_add_is_found_at_once_and_a_deleted_index_is_made_again() {
    let env = Env::new();
    three(&env);
    assert!(env.ok(&["search", "lighthouse"]).is_empty());
    let trip = boards_folder(&env).join("trip.moodboard.ron");
    env.ok(&["add", trip.to_str().unwrap(), "--note", "A lighthouse by the sea"]);
    let start = Instant::now();
    let out = env.ok(&["search", "lighthouse"]);
    assert!(out.contains("A lighthouse by the sea") && start.elapsed() < Duration::from_secs(2), "{out}");
    std::fs::remove_dir_all(env.path("cache/library")).unwrap();
    assert!(env.ok(&["search", "lighthouse"]).contains("A lighthouse by the sea"));
}

/// Runs frames until `done` holds (the library works in threads of its own), or fails.
fn until(h: &mut Harness<'_, MoodboardApp>, what: &str, done: impl Fn(&Harness<'_, MoodboardApp>) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while !done(h) {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        h.run_steps(2);
        std::thread::sleep(Duration::from_millis(20));
    }
    h.run_steps(2);
}

/// The app on the Trip board with three boards in its boards folder.
fn app_with_three(env: &Env) -> Harness<'static, MoodboardApp> {
    three(env);
    let dir = boards_folder(env);
    window::harness(&dir.join("trip.moodboard.ron"), &dir, Lang::En)
}

#[test]
fn the_library_lists_the_boards_filters_them_by_typing_and_opens_one() {
    let env = Env::new();
    let mut h = app_with_three(&env);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::O);
    until(&mut h, "three boards listed", |h| h.query_by_label_contains("3 boards").is_some());
    for title in ["Café", "Tuin", "Trip"] {
        assert!(h.query_by_label(&format!("Open {title}")).is_some(), "{title}");
    }
    // Each with a small picture of its canvas (drawn in the background); none for the
    // empty board.
    until(&mut h, "pictures", |h| {
        h.query_by_label("What Café looks like").is_some() && h.query_by_label("What Tuin looks like").is_some()
    });
    assert!(h.query_by_label("What Trip looks like").is_none());
    let kept = env.path("boards/cache/library/pictures");
    assert_eq!(std::fs::read_dir(&kept).unwrap().count(), 2, "kept in the cache");
    // What each shows: goals, ideas and themes, who.
    assert!(h.query_by_label_contains("A warmer counter").is_some());
    assert!(h.query_by_label_contains("2 ideas · 0 themes").is_some());
    assert!(h.query_by_label_contains("by Ann, Bob").is_some());
    // Typing filters the boards (by title, goals, people) …
    h.get_by_label("Search the library").type_text("warmer");
    until(&mut h, "one board left", |h| h.query_by_label_contains("1 board").is_some());
    assert!(h.query_by_label("Open Tuin").is_none() && h.query_by_label("Open Café").is_some());
    // … and a click opens one.
    h.get_by_label("Open Café").click();
    until(&mut h, "Café open", |h| h.state().doc().board().title == "Café");
    assert!(h.query_by_label("Search the library").is_none(), "the library closed on opening");
}

#[test]
fn a_search_finds_a_dutch_quote_by_another_form_and_opens_its_board_at_the_card() {
    let env = Env::new();
    let mut h = app_with_three(&env);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::F);
    until(&mut h, "boards listed", |h| h.query_by_label_contains("3 boards").is_some());
    // "tuin" is another form of "tuinen".
    h.get_by_label("Search the library").type_text("tuin");
    until(&mut h, "the quote found", |h| h.query_by_label_contains("1 idea: Enter opens it").is_some());
    assert!(h.query_by_label_contains("Open Tuin at ““De kinderen spelen in de tuinen”").is_some());
    h.key_press(Key::Enter);
    until(&mut h, "Tuin open", |h| h.state().doc().board().title == "Tuin");
    h.run_steps(4);
    let board = h.state().doc().board().clone();
    let quote = board.items.iter().find(|i| i.kind.summary().contains("tuinen")).unwrap();
    assert_eq!(h.state().view_selection(), std::collections::BTreeSet::from([quote.id.clone()]));
    // Zoomed to it: the card is in the middle of the canvas and big enough to read.
    let camera = &h.state().view.camera;
    let on_screen =
        camera.screen_from_board * egui::pos2(quote.pos.x + quote.size.w / 2.0, quote.pos.y + quote.size.h / 2.0);
    let middle = camera.canvas_rect.center();
    assert!((on_screen - middle).length() < 5.0, "{on_screen:?} vs {middle:?}");
    assert!(camera.zoom() >= 0.75, "{}", camera.zoom());
}

#[test]
fn a_tag_shows_its_cards_from_every_board() {
    let env = Env::new();
    let mut h = app_with_three(&env);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::O);
    until(&mut h, "boards listed", |h| h.query_by_label_contains("3 boards").is_some());
    // Written "light" on one board and "Light" on the other: one tag, two cards.
    h.get_by_label_contains("#light 2").click();
    until(&mut h, "two cards", |h| h.query_by_label_contains("2 ideas: Enter opens the first").is_some());
    assert!(h.query_by_label_contains("Open Café at “Warm light over the gardens”").is_some());
    assert!(h.query_by_label_contains("Open Tuin at ““De kinderen spelen").is_some());
    // A kind narrows them.
    h.get_by_label("Kind").click();
    h.run_steps(2);
    h.get_by_label("Quote").click();
    until(&mut h, "one quote", |h| h.query_by_label_contains("1 idea: Enter opens it").is_some());
}

#[test]
fn a_duplicate_copies_the_pictures_and_a_trashed_board_comes_back() {
    let env = Env::new();
    let dir = boards_folder(&env);
    let board = dir.join("trip.moodboard.ron");
    env.ok(&["new", board.to_str().unwrap(), "--title", "Trip"]);
    let image = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/welcome/coffee.png");
    env.ok(&["add", board.to_str().unwrap(), "--image", image.to_str().unwrap()]);
    let copy = moodboard::library::duplicate(&board, "Trip (copy)").unwrap();
    assert!(env.run(&["check", copy.to_str().unwrap()]).status.success());
    let pictures = |p: &std::path::Path| std::fs::read_dir(moodboard::storage::paths::assets_dir(p)).unwrap().count();
    assert_eq!(pictures(&copy), pictures(&board));
    // Into the trash with its pictures and backup, and back.
    let trashed = moodboard::library::trash(&copy).unwrap();
    assert!(!copy.exists() && !moodboard::storage::paths::assets_dir(&copy).exists());
    assert!(trashed.files.len() >= 2, "{trashed:?}");
    moodboard::library::untrash(&trashed).unwrap();
    assert!(copy.exists() && pictures(&copy) == pictures(&board));
    assert!(env.run(&["check", copy.to_str().unwrap()]).status.success());
}

#[test]
fn in_the_library_a_board_goes_to_the_trash_and_undo_brings_it_back() {
    let env = Env::new();
    let mut h = app_with_three(&env);
    let cafe = boards_folder(&env).join("cafe.moodboard.ron");
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::O);
    until(&mut h, "boards listed", |h| h.query_by_label_contains("3 boards").is_some());
    h.get_by_label("More for Café").click();
    h.run_steps(2);
    h.get_by_label("Move to the trash").click();
    until(&mut h, "two boards", |h| h.query_by_label_contains("2 boards").is_some());
    assert!(!cafe.exists() && h.query_by_label("Open Café").is_none());
    assert!(h.query_by_label_contains("“Café” is in the trash.").is_some());
    // The open board is not offered for the trash.
    h.get_by_label("More for Trip").click();
    h.run_steps(2);
    {
        use egui_kittest::kittest::NodeT as _;
        assert!(h.get_by_label("Move to the trash").accesskit_node().is_disabled());
    }
    h.key_press(Key::Escape);
    h.run_steps(2);
    // Undo (Ctrl+Z in the library) brings it back with its ideas.
    if h.query_by_label("Search the library").is_none() {
        h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::O);
        h.run_steps(4);
    }
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    until(&mut h, "three boards again", |h| h.query_by_label_contains("3 boards").is_some());
    assert!(cafe.exists());
    assert!(env.ok(&["show", cafe.to_str().unwrap()]).contains("Good coffee takes time"));
}

#[test]
fn in_the_library_a_board_is_renamed_and_duplicated() {
    let env = Env::new();
    let mut h = app_with_three(&env);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::O);
    until(&mut h, "boards listed", |h| h.query_by_label_contains("3 boards").is_some());
    h.get_by_label("More for Tuin").click();
    h.run_steps(2);
    h.get_by_label("Rename…").click();
    h.run_steps(3);
    h.get_by_label("New title").type_text(" van oma");
    h.run_steps(1);
    h.key_press(Key::Enter);
    until(&mut h, "renamed", |h| h.query_by_label("Open Tuin van oma").is_some());
    // The file keeps its name (git, sync and live copies know it by it).
    let tuin = boards_folder(&env).join("tuin.moodboard.ron");
    assert!(env.ok(&["show", tuin.to_str().unwrap()]).starts_with("Tuin van oma"));
    h.get_by_label("More for Tuin van oma").click();
    h.run_steps(2);
    h.get_by_label("Duplicate").click();
    until(&mut h, "a duplicate", |h| h.query_by_label("Open Tuin van oma (copy)").is_some());
    assert!(boards_folder(&env).join("Tuin van oma (copy).moodboard.ron").exists());
}

#[test]
fn add_with_no_board_goes_to_the_inbox_which_the_library_lists() {
    let env = Env::new();
    let out = env.ok(&["add", "--note", "Ask the baker about sourdough", "--tag", "bread"]);
    assert!(out.contains("Inbox"), "{out}");
    let inbox = env.path("boards/Inbox.moodboard.ron");
    assert!(env.ok(&["show", inbox.to_str().unwrap()]).contains("Ask the baker about sourdough"));
    env.ok(&["add", "--quote", "Bread is life", "--by", "Oma"]);
    assert!(env.ok(&["boards"]).starts_with("Inbox\t2 ideas\t"));
    assert!(env.ok(&["search", "--tag", "bread"]).contains("sourdough"));
}

#[test]
fn move_to_board_takes_a_picture_card_with_its_image_in_one_undo_step() {
    let env = Env::new();
    three(&env);
    let dir = boards_folder(&env);
    let trip = dir.join("trip.moodboard.ron");
    let image = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/welcome/coffee.png");
    env.ok(&["add", trip.to_str().unwrap(), "--image", image.to_str().unwrap(), "--as", "Dee", "--source", "customer"]);
    let mut h = window::harness(&trip, &dir, Lang::En);
    let card = h.state().doc().board().items.iter().next().unwrap().id.clone();
    h.state_mut().view.canvas.selection = std::collections::BTreeSet::from([card]);
    h.run_steps(2);
    h.get_by_label("Edit").click();
    h.run_steps(2);
    h.get_by_label("Move to board…").click();
    until(&mut h, "the boards to choose from", |h| h.query_by_label("Café").is_some());
    h.get_by_label("Café").click();
    until(&mut h, "moved", |h| h.state().doc().board().items.is_empty());
    let cafe = dir.join("cafe.moodboard.ron");
    let shown = env.ok(&["show", cafe.to_str().unwrap()]);
    assert!(shown.contains("coffee") && shown.contains("Dee · customer"), "{shown}");
    // Its picture came along, and the board checks clean (every picture there).
    assert!(env.run(&["check", cafe.to_str().unwrap()]).status.success());
    assert_eq!(std::fs::read_dir(moodboard::storage::paths::assets_dir(&cafe)).unwrap().count(), 1);
    // One undo step brings it back here (the copy on Café stays: that board is not open).
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert_eq!(h.state().doc().board().items.len(), 1);
}

#[test]
fn new_board_offers_templates_in_the_interface_language_and_a_board_saved_as_one() {
    let env = Env::new();
    three(&env);
    let dir = boards_folder(&env);
    let mut h = window::harness(&dir.join("cafe.moodboard.ron"), &dir, Lang::Nl);
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run_steps(3);
    h.get_by_label("Titel van het nieuwe bord").type_text("Terugblik mei");
    h.get_by_label("Retrospectieve").click();
    h.run_steps(2);
    h.get_by_label("Bord maken").click();
    until(&mut h, "the new board", |h| h.state().doc().board().title == "Terugblik mei");
    let board = h.state().doc().board().clone();
    let frames: Vec<&str> = board.themes.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(frames, ["Ging goed", "Kan beter", "Ideeën om te proberen", "Bedankt"]);
    assert_eq!(board.session.phase, moodboard::model::Phase::Collect);
    // Kept as a template (File → Bewaren als sjabloon) …
    h.get_by_label("Bestand").click();
    h.run_steps(2);
    h.get_by_label("Bewaren als sjabloon").click();
    let templates = dir.join("templates");
    until(&mut h, "the template kept", |_| templates.join("Terugblik mei.moodboard.ron").exists());
    // … it is offered for the next new board, which is another board with its frames.
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    until(&mut h, "the template offered", |h| h.query_by_label("Terugblik mei (je eigen sjabloon)").is_some());
    h.get_by_label("Titel van het nieuwe bord").type_text("Terugblik juni");
    h.get_by_label("Terugblik mei (je eigen sjabloon)").click();
    h.run_steps(2);
    h.get_by_label("Bord maken").click();
    until(&mut h, "made from it", |h| h.state().doc().board().title == "Terugblik juni");
    let june = h.state().doc().board().clone();
    assert_ne!(june.id(), board.id());
    assert_eq!(june.themes.len(), 4);
    assert_eq!(june.session.phase, moodboard::model::Phase::Off, "a template keeps no running session");
}

#[test]
fn the_library_looks_in_folders_the_user_adds_and_stops_when_asked() {
    let env = Env::new();
    let mut h = app_with_three(&env);
    let elsewhere = env.path("elsewhere");
    std::fs::create_dir_all(&elsewhere).unwrap();
    env.ok(&["new", elsewhere.join("studio").to_str().unwrap(), "--title", "Studio"]);
    env.ok(&["add", elsewhere.join("studio").to_str().unwrap(), "--note", "North light through the roof"]);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::O);
    until(&mut h, "three boards", |h| h.query_by_label_contains("3 boards").is_some());
    h.state_mut().add_library_folder(elsewhere.clone());
    until(&mut h, "four boards", |h| h.query_by_label_contains("4 boards").is_some());
    assert!(h.query_by_label("Open Studio").is_some());
    assert_eq!(h.state().prefs.library_folders, vec![elsewhere.clone()], "kept in the preferences");
    // Its ideas are found too, and a board added there later appears by itself.
    h.get_by_label("Search the library").type_text("north");
    until(&mut h, "found", |h| h.query_by_label("Open Studio at “North light through the roof”").is_some());
    env.ok(&["new", elsewhere.join("loft").to_str().unwrap(), "--title", "Loft"]);
    until(&mut h, "the new board listed", |h| h.state().library.boards.iter().any(|b| b.title() == "Loft"));
    h.get_by_label(&format!("Stop looking in {}", elsewhere.display())).click();
    until(&mut h, "three again", |h| h.state().library.boards.len() == 3);
    assert!(h.state().prefs.library_folders.is_empty());
    assert!(elsewhere.join("studio.moodboard.ron").exists(), "its boards stay where they are");
}

/// Runs `moodboard` for the app's boards folder, sharing the app's library (its cache).
fn cli_beside_app(env: &Env, args: &[&str]) -> std::process::Output {
    let mut command = env.command(args);
    command.env("MOODBOARD_CACHE_DIR", env.path("boards/cache"));
    command.output().unwrap()
}

#[test]
fn while_the_app_runs_an_add_is_found_by_search_and_a_deleted_index_is_made_again() {
    let env = Env::new();
    let mut h = app_with_three(&env);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::O);
    until(&mut h, "boards listed", |h| h.query_by_label_contains("3 boards").is_some());
    let trip = boards_folder(&env).join("trip.moodboard.ron");
    let out = cli_beside_app(&env, &["add", trip.to_str().unwrap(), "--note", "A lighthouse by the sea"]);
    assert!(out.status.success());
    // The app's own refresh starts on the change too: both take their turn at the index.
    let start = Instant::now();
    let out = cli_beside_app(&env, &["search", "lighthouse"]);
    let found = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(found.contains("A lighthouse by the sea"), "{found} {}", String::from_utf8_lossy(&out.stderr));
    assert!(start.elapsed() < Duration::from_secs(2), "{:?}", start.elapsed());
    h.get_by_label("Search the library").type_text("lighthou");
    until(&mut h, "found in the app", |h| h.query_by_label("Open Trip at “A lighthouse by the sea”").is_some());
    // The index deleted under the running app: the next change makes it again.
    std::fs::remove_dir_all(env.path("boards/cache/library/index")).unwrap();
    let cafe = boards_folder(&env).join("cafe.moodboard.ron");
    assert!(
        cli_beside_app(&env, &["add", cafe.to_str().unwrap(), "--note", "Lighthouse lamps over the bar"])
            .status
            .success()
    );
    until(&mut h, "the index made again", |h| h.state().library.last_refresh.as_ref().is_some_and(|r| r.rebuilt));
    until(&mut h, "both found", |h| h.query_by_label_contains("2 ideas: Enter opens the first").is_some());
}

#[derive(Debug)]
struct Dropped(std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn what_is_captured_while_the_library_is_open_goes_to_the_inbox() {
    let env = Env::new();
    let mut h = app_with_three(&env);
    let before = h.state().doc().board().items.len();
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::O);
    until(&mut h, "boards listed", |h| h.query_by_label_contains("3 boards").is_some());
    // Not typing in the search field: a paste is an idea.
    h.ctx.memory_mut(|m| {
        if let Some(id) = m.focused() {
            m.surrender_focus(id);
        }
    });
    h.run_steps(2);
    assert!(!h.ctx.egui_wants_keyboard_input(), "the search field let go of the keyboard");
    h.event(egui::Event::Paste("Ask the baker about sourdough".into()));
    let picture = env.path("drop.png");
    image::RgbImage::from_pixel(64, 48, image::Rgb([200, 80, 40])).save(&picture).unwrap();
    h.input_mut().dropped_files.push(std::sync::Arc::new(Dropped(picture)));
    let inbox = boards_folder(&env).join("Inbox.moodboard.ron");
    until(&mut h, "both in the inbox", |_| moodboard::storage::load(&inbox).is_ok_and(|l| l.board.items.len() == 2));
    let board = moodboard::storage::load(&inbox).unwrap().board;
    assert_eq!(board.title, "Inbox");
    assert!(board.items.iter().any(|i| i.kind.summary() == "Ask the baker about sourdough" && i.contributor == "Tess"));
    assert!(board.items.iter().any(|i| i.kind.picture().is_some()));
    assert!(env.run(&["check", inbox.to_str().unwrap()]).status.success(), "its picture is there");
    assert_eq!(h.state().doc().board().items.len(), before, "the open board is left as it was");
    until(&mut h, "the inbox listed", |h| h.query_by_label("Open Inbox").is_some());
}

#[test]
fn the_library_narrows_ideas_by_person_and_by_when_they_were_added() {
    let env = Env::new();
    let mut h = app_with_three(&env);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::F);
    until(&mut h, "boards listed", |h| h.query_by_label_contains("3 boards").is_some());
    h.get_by_label("Person").click();
    h.run_steps(2);
    h.get_by_label("Cas").click();
    until(&mut h, "Cas's quote", |h| h.query_by_label_contains("1 idea: Enter opens it").is_some());
    assert!(h.query_by_label_contains("Open Tuin at").is_some());
    // Everything was added just now: the last week has it, nothing is older.
    h.get_by_label("Added").click();
    h.run_steps(2);
    h.get_by_label("In the last 7 days").click();
    h.run_steps(2);
    until(&mut h, "still there", |h| h.query_by_label_contains("1 idea: Enter opens it").is_some());
    let (_, filters) = h.state().view.windows.library.as_ref().unwrap().query();
    let since = filters.since_ms.unwrap();
    let now = moodboard::model::Timestamp::now().unix_millis();
    assert!((now - 7 * 24 * 3600 * 1000 - since).abs() < 60_000, "a week back from now");
}

#[test]
fn with_no_board_asked_for_and_none_last_time_the_app_starts_in_the_library() {
    let env = Env::new();
    three(&env);
    let dir = boards_folder(&env);
    let startup = moodboard::app::Startup {
        board: None,
        screenshot: None,
        boards_dir: dir.clone(),
        prefs: moodboard::prefs::Prefs {
            name: "Tess".into(),
            offline: true,
            language: Some(Lang::En),
            ..Default::default()
        },
        save_prefs: false,
        file_dialogs: moodboard::app::DialogKind::InWindow,
        ask_name: false,
        thumbs_dir: Some(dir.join("thumbnail-cache")),
        live_dir: Some(dir.join("live-keys")),
        library_dir: Some(dir.join("cache/library")),
        templates_dir: Some(dir.join("templates")),
    };
    let mut h = Harness::builder()
        .with_size(egui::Vec2::new(1400.0, 900.0))
        .build_eframe(move |cc| MoodboardApp::new(&cc.egui_ctx, startup));
    // The welcome board under it, listed with the others.
    until(&mut h, "the library", |h| h.query_by_label_contains("4 boards").is_some());
    assert!(h.query_by_label("Open Café").is_some());
}
