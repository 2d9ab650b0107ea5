//! The library's catalog and index against boards in a temporary folder.

use std::path::{Path, PathBuf};

use super::*;
use crate::model::{Board, Item, ItemKind, KindTag, Pos, Timestamp};

struct Folder {
    _tmp: tempfile::TempDir,
    boards: PathBuf,
    cache: PathBuf,
}

fn folder() -> Folder {
    let tmp = tempfile::tempdir().unwrap();
    let boards = tmp.path().join("boards");
    std::fs::create_dir_all(&boards).unwrap();
    let cache = tmp.path().join("cache");
    Folder { _tmp: tmp, boards, cache }
}

fn idea(board: &mut Board, kind: ItemKind, who: &str, tags: &[&str]) {
    let mut item = Item::new(kind, Pos::new(0.0, 0.0), who, "own team", Timestamp::from_unix_millis(1_000));
    item.tags = tags.iter().map(|t| (*t).to_owned()).collect();
    board.items.push(item);
}

fn save(dir: &Path, name: &str, board: &Board) -> PathBuf {
    let path = dir.join(format!("{name}.moodboard.ron"));
    crate::storage::save(&path, board).unwrap();
    path
}

/// Three boards: a café in English, a garden in Dutch, a trip with pictures' captions.
fn three(dir: &Path) -> Vec<PathBuf> {
    let mut cafe = Board::new("Café", Timestamp::from_unix_millis(0));
    cafe.goals = vec!["A warmer counter".into()];
    idea(&mut cafe, ItemKind::note("Warm light over the gardens"), "Ann", &["Light"]);
    idea(&mut cafe, ItemKind::quote("Good coffee takes time", "Bea", ""), "Bob", &[]);
    let mut tuin = Board::new("Tuin", Timestamp::from_unix_millis(0));
    idea(&mut tuin, ItemKind::quote("De kinderen spelen in de tuinen", "Oma", ""), "Cas", &["light"]);
    idea(&mut tuin, ItemKind::note("Bloemen bij de ingang"), "Cas", &[]);
    let mut trip = Board::new("Trip", Timestamp::from_unix_millis(0));
    idea(&mut trip, ItemKind::note("CAFÉ on the corner"), "Dee", &[]);
    vec![save(dir, "cafe", &cafe), save(dir, "tuin", &tuin), save(dir, "trip", &trip)]
}

fn refreshed(library: &Library, dir: &Path) -> Refreshed {
    library.refresh(&[dir.to_owned()], &mut |_| {}).unwrap()
}

fn found(library: &Library, text: &str, filters: &Filters) -> Vec<String> {
    let mut hits: Vec<String> = library.search(text, filters, 50).unwrap().into_iter().map(|h| h.summary).collect();
    hits.sort();
    hits
}

#[test]
fn words_are_found_in_their_other_forms_without_case_or_accents() {
    let f = folder();
    three(&f.boards);
    let library = Library::open(&f.cache).unwrap();
    let report = refreshed(&library, &f.boards);
    assert_eq!(report.read.len(), 3);
    let none = Filters::default();
    // Dutch: "tuin" finds "tuinen", "bloem" finds "Bloemen".
    assert_eq!(found(&library, "tuin", &none), ["“De kinderen spelen in de tuinen” — Oma"]);
    assert_eq!(found(&library, "bloem", &none), ["Bloemen bij de ingang"]);
    // English: "garden" finds "gardens"; case and accents do not matter.
    assert_eq!(found(&library, "GARDEN", &none), ["Warm light over the gardens"]);
    assert_eq!(found(&library, "cafe", &none), ["CAFÉ on the corner"]);
    // Every word must be there; the last one may be unfinished.
    assert_eq!(found(&library, "warm lig", &none), ["Warm light over the gardens"]);
    assert!(found(&library, "warm tuin", &none).is_empty());
    // Authors and contributors are found too.
    assert_eq!(found(&library, "oma", &none).len(), 1);
    assert_eq!(found(&library, "bob", &none), ["“Good coffee takes time” — Bea"]);
    // A hit says where it is.
    let hit = library.search("coffee", &none, 5).unwrap().remove(0);
    assert_eq!((hit.board_title.as_str(), hit.kind.as_str(), hit.contributor.as_str()), ("Café", "quote", "Bob"));
    assert!(hit.board.ends_with("cafe.moodboard.ron"));
}

#[test]
fn filters_narrow_by_kind_tag_contributor_and_date() {
    let f = folder();
    three(&f.boards);
    let library = Library::open(&f.cache).unwrap();
    refreshed(&library, &f.boards);
    let tag = Filters { tag: Some("LIGHT".into()), ..Filters::default() };
    // A tag alone lists its cards across boards, whatever their case.
    assert_eq!(found(&library, "", &tag).len(), 2);
    let quotes = Filters { kind: Some(KindTag::named("quote").unwrap()), ..Filters::default() };
    assert_eq!(found(&library, "", &quotes).len(), 2);
    assert_eq!(
        found(&library, "tuin", &Filters { kind: Some(KindTag::named("note").unwrap()), ..Filters::default() }).len(),
        0
    );
    let cas = Filters { contributor: Some("cas".into()), ..Filters::default() };
    assert_eq!(found(&library, "", &cas).len(), 2);
    assert_eq!(found(&library, "", &Filters { since_ms: Some(2_000), ..Filters::default() }).len(), 0);
    assert_eq!(found(&library, "", &Filters { until_ms: Some(2_000), ..Filters::default() }).len(), 5);
    // Nothing typed and no filter: nothing asked for.
    assert!(found(&library, "  ", &Filters::default()).is_empty());
}

#[test]
fn what_anyone_types_is_words_never_a_query_language() {
    let f = folder();
    three(&f.boards);
    let library = Library::open(&f.cache).unwrap();
    refreshed(&library, &f.boards);
    for text in ["\"", "title:x", "(((", "-warm", "warm AND", "*", "a\0b", &"x".repeat(100_000), "[1 TO 2]"] {
        let _ = library.search(text, &Filters::default(), 10).unwrap();
    }
    assert_eq!(found(&library, "-warm!", &Filters::default()), ["Warm light over the gardens"]);
}

#[test]
fn a_refresh_reads_only_the_boards_that_changed_and_drops_those_gone() {
    let f = folder();
    let paths = three(&f.boards);
    let library = Library::open(&f.cache).unwrap();
    refreshed(&library, &f.boards);
    let again = refreshed(&library, &f.boards);
    assert_eq!((again.read.len(), again.unchanged), (0, 3));
    let (mut board, _) = (crate::storage::load(&paths[2]).unwrap().board, ());
    idea(&mut board, ItemKind::note("A lighthouse by the sea"), "Dee", &[]);
    crate::storage::save(&paths[2], &board).unwrap();
    let after = refreshed(&library, &f.boards);
    assert_eq!(after.read, vec![paths[2].clone()]);
    assert_eq!(after.unchanged, 2);
    assert_eq!(found(&library, "lighthouse", &Filters::default()), ["A lighthouse by the sea"]);
    // The catalog says what the library shows.
    let boards = library.boards();
    let trip = boards.iter().find(|b| b.path == paths[2]).unwrap();
    let summary = trip.summary.as_ref().unwrap();
    assert_eq!((summary.title.as_str(), summary.ideas), ("Trip", 2));
    assert_eq!(summary.contributors, ["Dee"]);
    let cafe = &boards.iter().find(|b| b.path == paths[0]).unwrap().summary.clone().unwrap();
    assert_eq!(cafe.goals, ["A warmer counter"]);
    assert_eq!(cafe.tags.get("Light"), Some(&1));
    // A board gone takes its ideas with it.
    std::fs::remove_file(&paths[0]).unwrap();
    let gone = refreshed(&library, &f.boards);
    assert_eq!(gone.removed, vec![paths[0].clone()]);
    assert!(found(&library, "coffee", &Filters::default()).is_empty());
    assert_eq!(library.boards().len(), 2);
}

#[test]
fn a_deleted_or_damaged_index_is_made_again_from_the_boards() {
    let f = folder();
    three(&f.boards);
    let library = Library::open(&f.cache).unwrap();
    refreshed(&library, &f.boards);
    std::fs::remove_dir_all(f.cache.join("index")).unwrap();
    let report = refreshed(&library, &f.boards);
    assert!(report.rebuilt, "{report:?}");
    assert_eq!(report.read.len(), 3);
    assert_eq!(found(&library, "coffee", &Filters::default()).len(), 1);
    // Rubbish where the index was: a new one, the same answers.
    std::fs::remove_dir_all(f.cache.join("index")).unwrap();
    std::fs::create_dir_all(f.cache.join("index")).unwrap();
    std::fs::write(f.cache.join("index/meta.json"), "not json").unwrap();
    let library = Library::open(&f.cache).unwrap();
    let report = refreshed(&library, &f.boards);
    assert!(report.rebuilt, "{report:?}");
    assert_eq!(found(&library, "coffee", &Filters::default()).len(), 1);
    // A catalog lost: everything read again, nothing twice.
    std::fs::remove_file(f.cache.join("catalog.json")).unwrap();
    refreshed(&library, &f.boards);
    assert_eq!(found(&library, "coffee", &Filters::default()).len(), 1);
}

#[test]
fn boards_that_cannot_be_read_are_listed_with_the_reason_and_stop_nothing() {
    let f = folder();
    three(&f.boards);
    std::fs::write(f.boards.join("broken.moodboard.ron"), "(version: 7, title: ").unwrap();
    let huge = std::fs::File::create(f.boards.join("huge.moodboard.ron")).unwrap();
    huge.set_len(crate::storage::format::MAX_BOARD_BYTES + 1).unwrap();
    #[cfg(unix)]
    {
        let fifo = f.boards.join("pipe.moodboard.ron");
        let c = std::ffi::CString::new(fifo.to_string_lossy().as_bytes()).unwrap();
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
    }
    std::fs::write(f.boards.join("notes.txt"), "not a board").unwrap();
    let library = Library::open(&f.cache).unwrap();
    refreshed(&library, &f.boards);
    let boards = library.boards();
    let problem = |name: &str| {
        let entry = boards.iter().find(|b| b.path.file_name().unwrap() == name).unwrap_or_else(|| panic!("{name}"));
        assert!(entry.summary.is_none());
        entry.problem_in(crate::i18n::Lang::En).unwrap().to_owned()
    };
    assert!(
        problem("broken.moodboard.ron").contains("broken.moodboard.ron:1:20"),
        "{}",
        problem("broken.moodboard.ron")
    );
    assert!(problem("huge.moodboard.ron").contains("are refused"), "{}", problem("huge.moodboard.ron"));
    #[cfg(unix)]
    assert!(problem("pipe.moodboard.ron").contains("pipe"), "{}", problem("pipe.moodboard.ron"));
    assert_eq!(boards.iter().filter(|b| b.summary.is_some()).count(), 3);
    assert!(!boards.iter().any(|b| b.path.ends_with("notes.txt")));
    // Said in Dutch too.
    let broken = boards.iter().find(|b| b.path.ends_with("huge.moodboard.ron")).unwrap();
    assert_ne!(broken.problem_in(crate::i18n::Lang::Nl), broken.problem_in(crate::i18n::Lang::En));
    assert_eq!(found(&library, "coffee", &Filters::default()).len(), 1);
}

#[test]
fn two_programs_update_one_index_in_turn() {
    let f = folder();
    three(&f.boards);
    let a = Library::open(&f.cache).unwrap();
    let b = Library::open(&f.cache).unwrap();
    let folders = [f.boards.clone()];
    std::thread::scope(|s| {
        let one = s.spawn(|| a.refresh(&folders, &mut |_| {}).unwrap());
        let two = s.spawn(|| b.refresh(&folders, &mut |_| {}).unwrap());
        let (one, two) = (one.join().unwrap(), two.join().unwrap());
        // One read the boards; the other waited and found nothing left to do (or both
        // read them, one after the other, never at once).
        assert!(one.read.len() + two.read.len() >= 3);
    });
    assert_eq!(found(&a, "coffee", &Filters::default()).len(), 1);
    b.refresh(&folders, &mut |_| {}).unwrap();
    assert_eq!(found(&b, "coffee", &Filters::default()).len(), 1);
}

#[test]
fn a_duplicate_is_another_board_and_a_retitle_keeps_the_file() {
    let f = folder();
    let paths = three(&f.boards);
    let board = crate::storage::load(&paths[0]).unwrap().board;
    let copy = duplicate(&paths[0], "Café (copy)").unwrap();
    assert!(copy.ends_with("Café (copy).moodboard.ron"), "{copy:?}");
    let made = crate::storage::load(&copy).unwrap().board;
    assert_ne!(made.id(), board.id(), "another board, never merged as a copy");
    assert_eq!((made.title.as_str(), made.items.len()), ("Café (copy)", board.items.len()));
    retitle(&paths[1], "Onze tuin", "Ann").unwrap();
    assert_eq!(crate::storage::load(&paths[1]).unwrap().board.title, "Onze tuin");
    let library = Library::open(&f.cache).unwrap();
    refreshed(&library, &f.boards);
    let titles: Vec<String> = library.boards().iter().map(BoardEntry::title).collect();
    assert!(titles.contains(&"Onze tuin".to_owned()) && titles.contains(&"Café (copy)".to_owned()), "{titles:?}");
}

#[test]
fn cards_copied_to_another_board_keep_who_brought_them_and_find_their_theme_by_name() {
    let f = folder();
    let now = Timestamp::from_unix_millis(5_000);
    let mut from = Board::new("From", now);
    let light = from.new_theme("Light", now);
    let light_id = light.id.clone();
    from.themes.push(light);
    idea(&mut from, ItemKind::note("Candles"), "Ann", &["warm"]);
    idea(&mut from, ItemKind::quote("Less, but better", "Rams", ""), "Bob", &[]);
    let ids: std::collections::BTreeSet<_> = from.items.iter().map(|i| i.id.clone()).collect();
    let candles = from.items.iter().find(|i| i.kind.summary() == "Candles").unwrap().id.clone();
    from.item_mut(&candles).unwrap().theme = Some(light_id);
    let from_path = save(&f.boards, "from", &from);
    let mut to = Board::new("To", now);
    let theirs = to.new_theme("light", now);
    let theirs_id = theirs.id.clone();
    to.themes.push(theirs);
    let to_path = save(&f.boards, "to", &to);
    assert_eq!(copy_cards(&from_path, &from, &ids, &to_path).unwrap(), 2);
    let to = crate::storage::load(&to_path).unwrap().board;
    let came: Vec<_> = to.items.iter().collect();
    assert_eq!(came.len(), 2);
    let candles = came.iter().find(|i| i.kind.summary() == "Candles").unwrap();
    assert_eq!((candles.contributor.as_str(), candles.tags.as_slice()), ("Ann", &["warm".to_owned()][..]));
    assert_eq!(candles.theme, Some(theirs_id), "the theme of the same name, whatever its case");
    assert!(came.iter().any(|i| i.contributor == "Bob" && i.theme.is_none()));
    // Nothing changed where they came from; copying onto itself does nothing.
    assert_eq!(crate::storage::load(&from_path).unwrap().board.items.len(), 2);
    assert_eq!(copy_cards(&from_path, &from, &ids, &from_path).unwrap(), 0);
}
