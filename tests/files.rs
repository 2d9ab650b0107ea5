//! Board files: round-trips, and boards a stranger might send. Loading never panics,
//! never hangs, never reads outside the board's folder, and says where the problem is.

use std::path::Path;

use moodboard::model::{
    Answer, Board, Edit, Item, ItemChange, ItemKind, Phase, Pos, Reaction, Response, ResponseId, Size, Timer,
    Timestamp, Vote, VoteId,
};
use moodboard::storage::{self, LoadError};

fn write(dir: &Path, name: &str, text: &[u8]) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// A valid board with one note, as the app writes it.
fn valid_text() -> String {
    let mut board = Board::new("Valid", Timestamp::from_unix_millis(1_700_000_000_000));
    let item = Item::new(ItemKind::note("hello"), Pos::new(1.0, 2.0), "Ann", "own team", board.created());
    board.items.push(item);
    storage::format::to_text(&board).unwrap()
}

/// A board in the middle of a session: a running timer, a dot, a reaction and a reply.
fn session_board() -> Board {
    let now = Timestamp::from_unix_millis(1_700_000_000_000);
    let mut board = Board::new("Session", now);
    let item = Item::new(ItemKind::note("hello"), Pos::new(1.0, 2.0), "Ann", "own team", now);
    let id = item.id.clone();
    board.items.push(item);
    board.session.phase = Phase::Vote;
    board.session.timer = Timer::set(300).start(now);
    board.session.hide_contributors = true;
    board.session.dots_per_person = 5;
    board.session.own_prompts.push("What would a child add?".into());
    board.session.modified = now;
    board.votes.push(Vote { id: VoteId::new_random(), item: id.clone(), by: "Bo".into(), at: now });
    let mut responses = vec![
        Response {
            id: ResponseId::new_random(),
            item: id.clone(),
            by: "Bo".into(),
            answer: Answer::Reaction(Reaction::Surprise),
            at: now,
        },
        Response {
            id: ResponseId::new_random(),
            item: id,
            by: "Cy".into(),
            answer: Answer::Reply("Yes, and…".into()),
            at: now,
        },
    ];
    responses.sort_by(|a, b| a.id.cmp(&b.id));
    board.responses = responses.into();
    board
}

#[test]
fn a_session_survives_save_and_load() {
    let dir = tempfile::tempdir().unwrap();
    let board = session_board();
    let path = dir.path().join("s.moodboard.ron");
    storage::save(&path, &board).unwrap();
    let loaded = storage::load(&path).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.board, board);
}

#[test]
fn a_version_1_board_still_loads() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.moodboard.ron");
    std::fs::copy(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/version-1.moodboard.ron"), &path).unwrap();
    let loaded = storage::load(&path).unwrap();
    assert_eq!(loaded.board.title, "Space notebook");
    assert!(!loaded.board.items.is_empty());
    assert_eq!(loaded.board.session, moodboard::model::Session::default());
    assert!(loaded.board.votes.is_empty() && loaded.board.responses.is_empty());
    // Saved again it is a version 2 file that loads to the same board.
    storage::save(&path, &loaded.board).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(&format!("version: {},", moodboard::model::FORMAT_VERSION)), "{text}");
    assert_eq!(storage::load(&path).unwrap().board, loaded.board);
}

#[test]
fn a_version_2_board_still_loads_and_its_deletions_saw_up_to_their_time() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v2.moodboard.ron");
    std::fs::copy(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/version-2.moodboard.ron"), &path).unwrap();
    let loaded = storage::load(&path).unwrap();
    assert_eq!(loaded.board.title, "Kitchen ideas");
    assert_eq!(loaded.board.session.phase, Phase::React);
    assert_eq!(loaded.board.deleted().len(), 1);
    let t = &loaded.board.deleted()[0];
    assert_eq!(t.saw, t.at, "a version 2 deletion covered everything up to its time");
    storage::save(&path, &loaded.board).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains(&format!("version: {},", moodboard::model::FORMAT_VERSION))
            && text.contains("saw: ")
            && text.contains("frame: "),
        "{text}"
    );
    assert_eq!(storage::load(&path).unwrap().board, loaded.board);
}

#[test]
fn a_board_needs_its_session_fields() {
    let dir = tempfile::tempdir().unwrap();
    let text = valid_text();
    let start = text.find("    session:").unwrap();
    let end = start + text[start..].find("    votes:").unwrap();
    let cut = format!("{}{}", &text[..start], &text[end..]);
    let message = load_err(dir.path(), "cut.moodboard.ron", cut.as_bytes());
    assert!(message.contains("session"), "{message}");
}

fn load_err(dir: &Path, name: &str, text: &[u8]) -> String {
    let path = write(dir, name, text);
    match storage::load(&path) {
        Ok(loaded) => panic!("{name} should be refused, loaded {:?}", loaded.board.title),
        Err(e) => {
            let message = e.to_string();
            assert!(message.contains(name), "the error names the file: {message}");
            message
        }
    }
}

#[test]
fn every_item_kind_round_trips_and_a_missing_assets_folder_is_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let now = Timestamp::from_unix_millis(1_700_000_000_000);
    let mut board = Board::new("All kinds", now);
    let theme = board.new_theme("Light", now);
    let theme_id = theme.id.clone();
    board.themes.push(theme);
    let kinds = [
        ItemKind::Image(moodboard::model::kinds::Image {
            asset: moodboard::model::AssetName::parse(&format!("{}.png", "ab".repeat(16))).unwrap(),
            file_name: "a \"quoted\" name.png".into(),
            pixel_size: moodboard::model::PixelSize { w: 640, h: 480 },
            caption: "line one\nline two".into(),
            crop: Some(moodboard::model::Crop { x: 0.1, y: 0.2, w: 0.5, h: 0.4 }),
            turn: moodboard::model::Turn { quarters: 3, mirrored: true },
            url: String::new(),
        }),
        ItemKind::quote("Less, but better", "Dieter Rams", "a talk"),
        ItemKind::link("https://example.com/?a=1&b=2", "Ex", "why"),
        ItemKind::note("ünïcödé 🐄 and ) ] } , characters"),
        ItemKind::colour("#E4B363", "Sunflower"),
    ];
    for (z, kind) in kinds.into_iter().enumerate() {
        let mut item = Item::new(kind, Pos::new(z as f32 * 10.5, -3.25), "Ann", "customer", now);
        item.z = z as i64;
        item.tags = vec!["a tag".into()];
        item.theme = Some(theme_id.clone());
        board.items.push(item);
    }
    // As every change leaves a board: cards inside their theme's frame.
    moodboard::model::frames::tidy_in_place(&mut board);
    let path = dir.path().join("kinds.moodboard.ron");
    storage::save(&path, &board).unwrap();
    let loaded = storage::load(&path).unwrap();
    assert_eq!(loaded.board, board);
    // The image's folder was never created: the board still opens, with one warning.
    assert_eq!(loaded.problems.len(), 1, "{:?}", loaded.problems);
    assert!(loaded.problems[0].to_string().contains("assets folder"), "{}", loaded.problems[0]);
}

#[test]
fn a_board_round_trips_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let text = valid_text();
    let path = write(dir.path(), "r.moodboard.ron", text.as_bytes());
    let loaded = storage::load(&path).unwrap();
    assert!(loaded.problems.is_empty());
    storage::save(&path, &loaded.board).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text, "saving again writes the same text");
    assert_eq!(storage::load(&path).unwrap().board, loaded.board);
}

#[test]
fn broken_files_are_refused_with_place_and_reason() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert!(load_err(d, "empty.moodboard.ron", b"").contains("empty"));
    assert!(load_err(d, "binary.moodboard.ron", &[0x89, b'P', b'N', b'G', 0, 0, 1]).contains("binary"));
    let valid = valid_text();
    let truncated = &valid[..valid.len() / 2];
    let message = load_err(d, "cut.moodboard.ron", truncated.as_bytes());
    assert!(message.contains("cut.moodboard.ron:"), "{message}");
    let nested = format!("(version: 1, unknown_field: {}{})", "[".repeat(10_000), "]".repeat(10_000));
    assert!(load_err(d, "deep.moodboard.ron", nested.as_bytes()).contains("nested"));
    let wrong = valid.replace("title: \"Valid\"", "title: 42");
    let message = load_err(d, "types.moodboard.ron", wrong.as_bytes());
    assert!(message.contains("types.moodboard.ron:5:"), "line of the title: {message}");
    let unknown = valid.replace("Note(", "Hologram(");
    let message = load_err(d, "kind.moodboard.ron", unknown.as_bytes());
    assert!(message.contains("Hologram"), "{message}");
    let message = load_err(d, "latin1.moodboard.ron", b"(version: 1, title: \"caf\xe9\")");
    assert!(message.contains("UTF-8"), "{message}");
    assert!(load_err(d, "nover.moodboard.ron", b"(title: \"x\")").contains("version"));
}

#[test]
fn gigantic_files_are_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.moodboard.ron");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(storage::format::MAX_BOARD_BYTES + 1).unwrap();
    let err = storage::load(&path).unwrap_err();
    assert!(matches!(err, LoadError::TooLarge { .. }), "{err}");
}

#[test]
fn repairable_problems_load_with_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let mut board: Board = ron::from_str(valid_text().split_once('\n').unwrap().1).unwrap();
    let mut twin = board.items[0].clone();
    twin.pos = Pos::new(5.0, 5.0);
    board.items.push(twin);
    let text = storage::format::to_text(&board).unwrap();
    let text = text.replacen("x: 1.0", "x: NaN", 1).replacen("w: 260.0", "w: -5.0", 1);
    let path = write(dir.path(), "fixable.moodboard.ron", text.as_bytes());
    let loaded = storage::load(&path).unwrap();
    let problems: Vec<String> = loaded.problems.iter().map(ToString::to_string).collect();
    assert!(problems.iter().any(|p| p.contains("`pos`")), "{problems:?}");
    assert!(problems.iter().any(|p| p.contains("`size`")), "{problems:?}");
    assert!(problems.iter().any(|p| p.contains("`id`")), "duplicate id reported: {problems:?}");
    assert_eq!(loaded.board.items.len(), 2, "nothing dropped");
    assert_ne!(loaded.board.items[0].id, loaded.board.items[1].id);
    for item in &loaded.board.items {
        assert!(item.pos.is_valid() && item.size.is_valid());
    }
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text, "opening never writes");
}

#[test]
fn image_references_cannot_leave_the_assets_folder() {
    let dir = tempfile::tempdir().unwrap();
    let secret = dir.path().join("secret.png");
    std::fs::write(&secret, b"private").unwrap();
    let valid = valid_text();
    for bad in ["../secret.png", "/etc/passwd", "..\\\\secret.png", "a/../../secret.png"] {
        let image = format!("Image(asset: \"{bad}\", file_name: \"x.png\", pixel_size: (w: 10, h: 10), caption: \"\")");
        let text = with_kind(&valid, &image);
        assert_ne!(text, valid);
        let path = write(dir.path(), "escape.moodboard.ron", text.as_bytes());
        let err = storage::load(&path).unwrap_err().to_string();
        assert!(err.contains("escape.moodboard.ron:"), "{bad}: {err}");
    }
    // A symlink inside the assets folder that points outside is refused, not followed.
    let board_path = dir.path().join("link.moodboard.ron");
    let hash = "0".repeat(64);
    let assets = dir.path().join("link.assets");
    std::fs::create_dir(&assets).unwrap();
    std::os::unix::fs::symlink(&secret, assets.join(format!("{hash}.png"))).unwrap();
    let image =
        format!("Image(asset: \"{hash}.png\", file_name: \"x.png\", pixel_size: (w: 10, h: 10), caption: \"\")");
    std::fs::write(&board_path, with_kind(&valid, &image)).unwrap();
    let loaded = storage::load(&board_path).unwrap();
    assert!(loaded.problems.iter().any(|p| p.to_string().contains("symbolic link")), "{:?}", loaded.problems);
}

/// The board text with the note's `kind: Note(…)` replaced by `kind`.
fn with_kind(text: &str, kind: &str) -> String {
    let start = text.find("kind: Note(").unwrap();
    let end = start + text[start..].find("),").unwrap() + 1;
    format!("{}kind: {kind}{}", &text[..start], &text[end..])
}

#[test]
fn every_edit_is_undone_by_its_inverse() {
    let now = Timestamp::now();
    let mut board = Board::new("t", now);
    let theme = board.new_theme("A", now);
    let theme_id = theme.id.clone();
    let item = Item::new(ItemKind::note("x"), Pos::new(0.0, 0.0), "me", "own team", now);
    let id = item.id.clone();
    let edits = vec![
        Edit::InsertTheme(theme.clone()),
        Edit::InsertItem(Box::new(item)),
        Edit::ChangeItem { id: id.clone(), change: ItemChange::Pos(Pos::new(5.0, 6.0)), at: now },
        Edit::ChangeItem { id: id.clone(), change: ItemChange::Size(Size::new(300.0, 90.0)), at: now },
        Edit::ChangeItem { id: id.clone(), change: ItemChange::Kind(ItemKind::note("y")), at: now },
        Edit::ChangeItem { id: id.clone(), change: ItemChange::Theme(Some(theme_id.clone())), at: now },
        Edit::ChangeItem { id: id.clone(), change: ItemChange::Tags(vec!["t".into()]), at: now },
        Edit::ChangeItem { id: id.clone(), change: ItemChange::Source("customer".into()), at: now },
        Edit::ChangeItem { id: id.clone(), change: ItemChange::Locked(true), at: now },
        Edit::ChangeItem { id: id.clone(), change: ItemChange::Z(9), at: now },
        Edit::ReplaceTheme(moodboard::model::Theme { name: "B".into(), ..theme }),
        Edit::delete_theme(&board_with(&theme_id, &id, now), &theme_id, now, "me"),
        Edit::SetSession(Box::new(session_board().session)),
        Edit::AddVote(Vote { id: VoteId::parse("v1").unwrap(), item: id.clone(), by: "me".into(), at: now }),
        Edit::RemoveVote {
            id: VoteId::parse("v1").unwrap(),
            tombstone: Some(moodboard::model::Tombstone { id: "v1".into(), at: now, by: "me".into(), saw: now }),
        },
        Edit::AddResponse(Response {
            id: ResponseId::parse("r1").unwrap(),
            item: id.clone(),
            by: "me".into(),
            answer: Answer::Reply("why?".into()),
            at: now,
        }),
        Edit::RemoveResponse { id: ResponseId::parse("r1").unwrap(), tombstone: None },
        Edit::delete_items(&board, [&id], now, "me"),
    ];
    for edit in edits {
        let before = board.clone();
        let inverse = edit.clone().apply(&mut board).unwrap_or_else(|e| panic!("{edit:?}: {e}"));
        assert_ne!(board, before, "{edit:?} changed nothing");
        let mut undone = board.clone();
        inverse.apply(&mut undone).unwrap();
        assert_eq!(undone, before, "the inverse of {edit:?} restores the board");
    }
}

/// The board state right before `delete_theme` runs in the sequence above, for building it.
fn board_with(theme: &moodboard::model::ThemeId, item: &moodboard::model::ItemId, now: Timestamp) -> Board {
    let mut board = Board::new("t", now);
    let mut t = board.new_theme("B", now);
    t.id = theme.clone();
    board.themes.push(t);
    let mut i = Item::new(ItemKind::note("y"), Pos::new(5.0, 6.0), "me", "own team", now);
    i.id = item.clone();
    i.theme = Some(theme.clone());
    board.items.push(i);
    board
}

#[test]
fn the_full_example_in_format_md_loads() {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/FORMAT.md")).unwrap();
    let example = doc.split("## A full example").nth(1).unwrap();
    let start = example.find("```ron\n").unwrap() + "```ron\n".len();
    let text = &example[start..start + example[start..].find("```").unwrap()];
    let current = format!("version: {},", moodboard::model::FORMAT_VERSION);
    assert!(text.contains(&current), "the full example is of the current version");
    assert!(doc.contains(&format!("This is **version {}**.", moodboard::model::FORMAT_VERSION)));
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "demo.moodboard.ron", text.as_bytes());
    let loaded = storage::load(&path).unwrap();
    // Only the images are missing: the example comes without its assets folder.
    assert!(
        loaded.problems.iter().all(|p| p.to_string().contains("assets") || p.to_string().contains("image")),
        "{:?}",
        loaded.problems
    );
    assert_eq!(loaded.board.version(), moodboard::model::FORMAT_VERSION);
    assert_eq!(loaded.board.session.phase, Phase::React);
    assert_eq!(loaded.board.votes.len(), 1);
    assert_eq!(loaded.board.responses.len(), 1);
    assert_eq!(loaded.board.connectors.len(), 1, "the connector's ends are on the board");
}

#[test]
fn a_hostile_session_is_brought_into_range_with_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let mut board = session_board();
    board.session.dots_per_person = 9999;
    board.session.timer = Timer::Running { ends: Timestamp::from_unix_millis(200_000_000_000_000), secs: 60 };
    let item = board.items[0].id.clone();
    // A dot that takes an item's id, and a reply far too long.
    board.votes.push(Vote {
        id: VoteId::parse(item.as_str()).unwrap(),
        item: item.clone(),
        by: "Eve".into(),
        at: board.created(),
    });
    board.responses[0].answer = Answer::Reply("x".repeat(100_000));
    let text = storage::format::to_text(&board).unwrap();
    let path = write(dir.path(), "hostile.moodboard.ron", text.as_bytes());
    let loaded = storage::load(&path).unwrap();
    let problems: Vec<String> = loaded.problems.iter().map(ToString::to_string).collect();
    for field in ["`dots_per_person`", "`timer`", "`id`", "`answer`"] {
        assert!(problems.iter().any(|p| p.contains(field)), "{field} not reported: {problems:?}");
    }
    let b = loaded.board;
    assert_eq!(b.session.dots_per_person, moodboard::model::MAX_DOTS);
    assert_eq!(b.session.timer, Timer::set(60));
    assert_eq!(b.votes.len(), 2, "nothing dropped");
    assert!(b.votes.iter().all(|v| v.id.as_str() != item.as_str()));
    assert!(b.responses.iter().all(|r| match &r.answer {
        Answer::Reply(t) => t.chars().count() <= moodboard::model::MAX_REPLY_CHARS,
        Answer::Reaction(_) => true,
    }));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text, "opening never writes");
}

#[test]
fn hostile_crops_and_frames_are_repaired_with_warnings() {
    let now = Timestamp::from_unix_millis(1_700_000_000_000);
    let mut board = Board::new("Hostile", now);
    let crop = |x, y, w, h| Some(moodboard::model::Crop { x, y, w, h });
    for (n, c) in
        [crop(0.5, 0.5, 0.9, 0.9), crop(f32::NAN, 0.0, 0.5, 0.5), crop(0.1, 0.1, 0.5, 0.5)].into_iter().enumerate()
    {
        let kind = ItemKind::Image(moodboard::model::kinds::Image {
            asset: moodboard::model::AssetName::parse("0123456789abcdef0123456789abcdef.png").unwrap(),
            file_name: format!("photo {n}.png"),
            pixel_size: moodboard::model::PixelSize { w: 600, h: 400 },
            caption: String::new(),
            crop: c,
            turn: Default::default(),
            url: String::new(),
        });
        board.items.push(Item::new(kind, Pos::new(n as f32 * 400.0, 0.0), "Ann", "own team", now));
    }
    let mut theme = board.new_theme("Upside down", now);
    theme.frame = moodboard::model::BoardRect { min: Pos::new(100.0, 100.0), max: Pos::new(-100.0, f32::INFINITY) };
    board.themes.push(theme);
    let text = storage::format::to_text(&board).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "hostile.moodboard.ron", text.as_bytes());
    let loaded = storage::load(&path).unwrap();
    let warnings: Vec<String> = loaded.problems.iter().map(|p| p.to_string()).collect();
    let mut crops: Vec<_> = loaded
        .board
        .items
        .iter()
        .map(|i| match &i.kind {
            ItemKind::Image(moodboard::model::kinds::Image { crop, file_name, .. }) => (file_name.clone(), *crop),
            _ => unreachable!(),
        })
        .collect();
    crops.sort_by(|a, b| a.0.cmp(&b.0));
    let crops: Vec<_> = crops.into_iter().map(|(_, c)| c).collect();
    assert_eq!(crops, vec![None, None, crop(0.1, 0.1, 0.5, 0.5)], "only the valid crop stays");
    assert_eq!(
        warnings.iter().filter(|w| w.contains("crop") && w.contains("not a part of the picture")).count(),
        2,
        "{warnings:#?}"
    );
    assert!(warnings.iter().any(|w| w.contains("Upside down") && w.contains("frame")), "{warnings:#?}");
    let frame = loaded.board.themes[0].frame;
    assert!(frame.is_valid(), "{frame:?}");
    moodboard::model::frames::check(&loaded.board).unwrap();
}

#[test]
fn a_version_4_board_still_loads_and_its_links_have_no_preview() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v4.moodboard.ron");
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/version-4.moodboard.ron");
    std::fs::copy(fixture, &path).unwrap();
    let text = std::fs::read_to_string(fixture).unwrap();
    assert!(text.contains("version: 4,") && text.contains("Link("), "the fixture is a version 4 board with links");
    let loaded = storage::load(&path).unwrap();
    assert_eq!(loaded.board.title, "Space notebook");
    let links: Vec<_> = loaded.board.items.iter().filter(|i| matches!(i.kind, ItemKind::Link(_))).collect();
    assert!(!links.is_empty());
    for link in &links {
        let ItemKind::Link(moodboard::model::kinds::Link { url, description, site, picture, .. }) = &link.kind else {
            unreachable!()
        };
        assert!(text.contains(url.as_str()), "{url}");
        assert!(description.is_empty() && site.is_empty() && picture.is_none());
    }
    // Frames and crops come through as they were: version 5 changed links only.
    assert!(loaded.board.themes.iter().all(|t| text.contains(&format!("name: \"{}\"", t.name))));
    storage::save(&path, &loaded.board).unwrap();
    let saved = std::fs::read_to_string(&path).unwrap();
    let frames = |t: &str| -> Vec<String> {
        t.split("frame: (").skip(1).map(|rest| rest[..rest.find("),").unwrap()].to_owned()).collect()
    };
    assert!(!frames(&text).is_empty());
    assert_eq!(frames(&saved), frames(&text), "frames written as they were read");
    let crops = |t: &str| t.matches("crop: Some(").count();
    assert_eq!(crops(&saved), crops(&text));
    let current = format!("version: {},", moodboard::model::FORMAT_VERSION);
    assert!(saved.contains(&current) && saved.contains("description: \"\"") && saved.contains("picture: None"));
    assert_eq!(storage::load(&path).unwrap().board, loaded.board);
}

#[test]
fn a_version_5_board_still_loads_and_collects_in_the_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v5.moodboard.ron");
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/version-5.moodboard.ron");
    std::fs::copy(fixture, &path).unwrap();
    let text = std::fs::read_to_string(fixture).unwrap();
    assert!(text.contains("version: 5,") && !text.contains("private_collect"), "a version 5 file");
    let loaded = storage::load(&path).unwrap();
    let s = &loaded.board.session;
    assert_eq!((s.phase, s.hide_contributors, s.dots_per_person), (Phase::Vote, true, 5), "its session as it was");
    assert!(!s.private_collect, "version 5 always collected in the open");
    assert_eq!(loaded.board.items.len(), 2);
    storage::save(&path, &loaded.board).unwrap();
    let saved = std::fs::read_to_string(&path).unwrap();
    let current = format!("version: {},", moodboard::model::FORMAT_VERSION);
    assert!(saved.contains(&current) && saved.contains("private_collect: false"));
    assert_eq!(storage::load(&path).unwrap().board, loaded.board);
    // Without the field, a version 6 file is refused with the place: it is required.
    let broken = saved.replace("        private_collect: false,\n", "");
    let err = moodboard::storage::format::parse(&path, &broken).unwrap_err().to_string();
    assert!(err.contains("private_collect"), "{err}");
}

#[test]
fn a_version_6_board_still_loads_and_no_frame_is_locked() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v6.moodboard.ron");
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/version-6.moodboard.ron");
    std::fs::copy(fixture, &path).unwrap();
    let text = std::fs::read_to_string(fixture).unwrap();
    assert!(text.contains("version: 6,") && text.contains("private_collect: true") && !text.contains("locked: true"));
    let loaded = storage::load(&path).unwrap();
    assert!(loaded.board.session.private_collect, "version 6's private collect comes through");
    assert_eq!(loaded.board.themes.len(), 1);
    assert!(loaded.board.themes.iter().all(|t| !t.locked), "no frame was locked before version 7");
    assert_eq!(loaded.board.items.len(), 2);
    storage::save(&path, &loaded.board).unwrap();
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(saved.contains(&format!("version: {},", moodboard::model::FORMAT_VERSION)), "{saved}");
    assert_eq!(storage::load(&path).unwrap().board, loaded.board);
    // A locked frame is written and read back.
    let mut board = loaded.board.clone();
    board.themes.iter_mut().for_each(|t| t.locked = true);
    storage::save(&path, &board).unwrap();
    assert_eq!(storage::load(&path).unwrap().board, board);
    // Without the field, a theme of today's version is refused with the place: it is required.
    let broken = saved.replacen("            locked: false,\n            modified", "            modified", 1);
    assert_ne!(broken, saved);
    let err = moodboard::storage::format::parse(&path, &broken).unwrap_err().to_string();
    assert!(err.contains("locked"), "{err}");
}

#[test]
fn a_version_7_board_still_loads_with_its_locked_frame_and_saves_sketches_as_the_current_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v7.moodboard.ron");
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/version-7.moodboard.ron");
    std::fs::copy(fixture, &path).unwrap();
    let text = std::fs::read_to_string(fixture).unwrap();
    assert!(text.contains("version: 7,") && text.contains("locked: true") && !text.contains("Sketch"));
    let loaded = storage::load(&path).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert!(loaded.board.themes[0].locked, "version 7's lock comes through");
    assert_eq!(loaded.board.items.len(), 2);
    // A sketch is written as version 8 and read back as drawn.
    let mut board = loaded.board.clone();
    let stroke = moodboard::model::kinds::Stroke {
        colour: "#D1495B".into(),
        width: 7.0,
        pressure: true,
        points: vec![[10.0, 20.0, 0.25], [60.5, 80.25, 0.75]],
    };
    let sketch = moodboard::model::Item::new(
        moodboard::model::ItemKind::sketch(vec![stroke]),
        moodboard::model::Pos::new(0.0, 600.0),
        "Ann",
        "own team",
        moodboard::model::Timestamp::now(),
    );
    let drawn = sketch.kind.clone();
    board.items.push(sketch);
    storage::save(&path, &board).unwrap();
    let saved = std::fs::read_to_string(&path).unwrap();
    let current = format!("version: {},", moodboard::model::FORMAT_VERSION);
    assert!(saved.contains(&current) && saved.contains("Sketch("), "{saved}");
    let reread = storage::load(&path).unwrap();
    assert!(reread.problems.is_empty(), "{:?}", reread.problems);
    assert!(reread.board.items.iter().any(|i| i.kind == drawn), "the sketch reads back as drawn");
    assert_eq!(reread.board.items.len(), 3);
    // A version 7 file knew no sketches: one that claims to hold one is refused, named.
    let claimed = saved.replacen(&current, "version: 7,", 1);
    let err = moodboard::storage::format::parse(&path, &claimed).unwrap_err().to_string();
    assert!(err.contains("Sketch"), "{err}");
}

#[test]
fn a_link_preview_picture_cannot_leave_the_assets_folder() {
    let dir = tempfile::tempdir().unwrap();
    let valid = valid_text();
    let link = |picture: &str| {
        format!(
            "Link(url: \"https://example.com\", title: \"t\", note: \"\", description: \"d\", site: \"s\", picture: {picture})"
        )
    };
    for bad in ["../secret.png", "/etc/passwd", "a/../../x.png", "0123456789abcdef0123456789abcdef.exe"] {
        let text = with_kind(&valid, &link(&format!("Some(\"{bad}\")")));
        assert_ne!(text, valid);
        let path = write(dir.path(), "preview.moodboard.ron", text.as_bytes());
        let err = storage::load(&path).unwrap_err().to_string();
        assert!(err.contains("preview.moodboard.ron:") && err.contains("is not an asset name"), "{bad}: {err}");
    }
    // A well-named picture that is a symbolic link out of the folder is refused, not read.
    let secret = dir.path().join("secret.png");
    std::fs::write(&secret, b"private").unwrap();
    let hash = "0".repeat(32);
    let assets = dir.path().join("linked.assets");
    std::fs::create_dir(&assets).unwrap();
    std::os::unix::fs::symlink(&secret, assets.join(format!("{hash}.png"))).unwrap();
    let path = write(
        dir.path(),
        "linked.moodboard.ron",
        with_kind(&valid, &link(&format!("Some(\"{hash}.png\")"))).as_bytes(),
    );
    let problems = storage::check_assets(&path, &storage::load(&path).unwrap().board, true);
    assert!(
        problems.iter().any(|p| p.to_string().contains("symbolic link") && p.to_string().contains("link")),
        "{problems:?}"
    );
}

/// A save that would make a board larger than a load accepts is refused before anything
/// is written, so a board never grows into one that cannot be opened (issue 26, finding 6).
#[test]
fn a_board_too_large_to_open_again_is_not_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.moodboard.ron");
    let mut board = Board::new("Big", Timestamp::now());
    storage::save(&path, &board).unwrap();
    let before = std::fs::read(&path).unwrap();
    let note = "n".repeat(1_000_000);
    for i in 0..70 {
        board.items.push(Item::new(
            ItemKind::note(&note),
            Pos::new(0.0, i as f32 * 10.0),
            "Ann",
            "own team",
            board.created(),
        ));
    }
    let err = storage::save(&path, &board).unwrap_err();
    let said = err.to_string();
    assert!(matches!(err, storage::SaveError::TooLarge { .. }), "{said}");
    assert!(said.contains("big.moodboard.ron") && said.contains("cannot be opened"), "{said}");
    assert_eq!(std::fs::read(&path).unwrap(), before, "the file is unchanged");
    assert!(matches!(storage::save_without_backup(&path, &board), Err(storage::SaveError::TooLarge { .. })));
    // Within the limit it saves, and opens again.
    board.items.truncate(60);
    storage::save(&path, &board).unwrap();
    assert_eq!(storage::load(&path).unwrap().board.items.len(), 60);
}

/// A board opened through a symbolic link (kept in a synced folder, say) is saved into
/// the file the link leads to, its images beside that file, and the link stays a link.
#[test]
fn saving_through_a_symbolic_link_writes_the_file_it_leads_to() {
    let dir = tempfile::tempdir().unwrap();
    let synced = dir.path().join("synced");
    std::fs::create_dir(&synced).unwrap();
    let original = synced.join("kitchen.moodboard.ron");
    let board = Board::new("Kitchen", Timestamp::now());
    storage::save(&original, &board).unwrap();
    let link = dir.path().join("kitchen.moodboard.ron");
    std::os::unix::fs::symlink(&original, &link).unwrap();

    storage::update(&link, |b| {
        b.items.push(Item::new(
            ItemKind::note("through the link"),
            Pos::new(0.0, 0.0),
            "Ann",
            "own team",
            Timestamp::now(),
        ));
        Ok::<_, std::convert::Infallible>(())
    })
    .unwrap();
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink(), "the link is still a link");
    assert!(std::fs::read_to_string(&original).unwrap().contains("through the link"), "the original has the change");
    assert!(synced.join("kitchen.moodboard.ron.bak").exists(), "its backup is beside it");
    assert_eq!(
        storage::AssetStore::for_board(&link).dir(),
        synced.join("kitchen.assets"),
        "images beside the original"
    );
    // A link that leads nowhere is refused, naming the link.
    std::fs::remove_file(&original).unwrap();
    let err = storage::save(&link, &board).unwrap_err().to_string();
    assert!(err.contains("kitchen.moodboard.ron") && err.contains("link leads to"), "{err}");
    assert!(!original.exists());
}

/// Version 8's new fields from a careless or hostile writer: a sketch with points that
/// are no numbers, far outside its area, a stroke too long and a colour that is none, a
/// picture turned nine quarters: the board loads mended, each repair a warning naming
/// its item; a heading of a size that does not exist is refused with its place.
#[test]
fn hostile_sketches_and_turns_are_mended_with_warnings() {
    let now = Timestamp::from_unix_millis(1_700_000_000_000);
    let mut board = Board::new("Hostile v8", now);
    let stroke = moodboard::model::kinds::Stroke {
        colour: "url(javascript:alert(1))".into(),
        width: 1e30,
        pressure: true,
        points: vec![[f32::NAN, 1.0, 0.5], [1e9, -1e9, 9.0], [10.0, 10.0, 0.5]],
    };
    let long = moodboard::model::kinds::Stroke {
        colour: "#00798C".into(),
        width: 7.0,
        pressure: false,
        points: vec![[5.0, 5.0, 0.5]; 2_500],
    };
    board.items.push(Item::new(ItemKind::sketch(vec![stroke, long]), Pos::new(0.0, 0.0), "Ann", "own team", now));
    let turned = ItemKind::Image(moodboard::model::kinds::Image {
        asset: moodboard::model::AssetName::parse("0123456789abcdef0123456789abcdef.png").unwrap(),
        file_name: "turned.png".into(),
        pixel_size: moodboard::model::PixelSize { w: 600, h: 400 },
        caption: String::new(),
        crop: None,
        turn: moodboard::model::Turn { quarters: 9, mirrored: true },
        url: String::new(),
    });
    board.items.push(Item::new(turned, Pos::new(900.0, 0.0), "Ann", "own team", now));
    let text = storage::format::to_text(&board).unwrap();
    assert!(text.contains("NaN") && text.contains("quarters: 9"), "the file holds what a writer put there");
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "hostile.moodboard.ron", text.as_bytes());
    let loaded = storage::load(&path).unwrap();
    let warnings: Vec<String> = loaded.problems.iter().map(|p| p.to_string()).collect();
    for said in ["not a number was dropped", "2,000 points was cut", "out of range were mended", "9 quarter turns"] {
        assert!(warnings.iter().any(|w| w.contains(said)), "{said:?} in {warnings:#?}");
    }
    let sketch = loaded.board.items.iter().find_map(|i| match &i.kind {
        ItemKind::Sketch(s) => Some(s.clone()),
        _ => None,
    });
    let sketch = sketch.expect("the sketch stays, mended");
    assert!(sketch.check().is_ok(), "{:?}", sketch.check());
    assert!(loaded.board.items.iter().any(|i| matches!(&i.kind, ItemKind::Image(p) if p.turn.quarters == 1)));

    // A heading of a size no app writes: refused, with the place.
    let heading = text.replace(
        "items: [",
        "items: [(id: \"aaaaaaaaaaaaaaaa\", kind: Heading(text: \"Big\", size: Enormous), pos: (x: 0.0, y: 900.0), size: (w: 200.0, h: 80.0), z: 5, theme: None, tags: [], contributor: \"Ann\", source: \"own team\", locked: false, created: \"2023-11-14T22:13:20Z\", modified: \"2023-11-14T22:13:20Z\"),",
    );
    let err = moodboard::storage::format::parse(&path, &heading).unwrap_err().to_string();
    assert!(err.contains("Enormous") && err.contains("hostile.moodboard.ron:"), "{err}");
}

#[test]
fn a_version_8_board_still_loads_with_its_sketch_heading_and_turned_picture_and_saves_connectors() {
    use moodboard::model::{Connector, End, Heads};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v8.moodboard.ron");
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/version-8.moodboard.ron");
    std::fs::copy(fixture, &path).unwrap();
    let text = std::fs::read_to_string(fixture).unwrap();
    assert!(text.contains("version: 8,") && text.contains("Sketch(") && !text.contains("connectors"));
    let loaded = storage::load(&path).unwrap();
    // Only the pictures are missing: the fixture comes without its assets folder.
    assert!(loaded.problems.iter().all(|p| p.to_string().contains("assets")), "{:?}", loaded.problems);
    let board = &loaded.board;
    assert_eq!(board.version(), moodboard::model::FORMAT_VERSION);
    let kinds: Vec<&str> = board.items.iter().map(|i| i.kind.tag().name()).collect();
    assert!(kinds.contains(&"sketch") && kinds.contains(&"heading"), "{kinds:?}");
    let turned = board.items.iter().find_map(|i| match &i.kind {
        ItemKind::Image(image) => Some(image.turn),
        _ => None,
    });
    assert_eq!(turned.map(|t| t.quarters), Some(1));
    assert!(board.connectors.is_empty());
    // A connector is written in today's version and read back as drawn.
    let mut board = loaded.board.clone();
    let (a, b) = (board.items[0].id.clone(), board.items[1].id.clone());
    let mut connector = Connector::new(End::Card(a), End::Card(b), "Mia", Timestamp::now());
    connector.label = "goes with".into();
    connector.heads = Heads::Both;
    connector.dashed = true;
    board.connectors.push(connector.clone());
    storage::save(&path, &board).unwrap();
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(saved.contains("version: 10,") && saved.contains("connectors: ["), "{saved}");
    let reread = storage::load(&path).unwrap();
    assert_eq!(reread.board.connectors.iter().collect::<Vec<_>>(), vec![&connector]);
    // A version 8 file knew no connectors: the field is not read from one.
    let claimed = saved.replacen("version: 10,", "version: 8,", 1);
    let parsed = moodboard::storage::format::parse(&path, &claimed).unwrap();
    assert!(parsed.board.connectors.is_empty());
}

/// Issue 31: version 10 keeps the web address a picture came from. A version 9 board
/// (connectors, no addresses) still loads, its connector as drawn and its pictures with
/// no address; saved again, it is version 10 with the address written.
#[test]
fn a_version_9_board_still_loads_with_its_connector_and_saves_a_pictures_address_as_version_10() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v9.moodboard.ron");
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/version-9.moodboard.ron");
    std::fs::copy(fixture, &path).unwrap();
    let text = std::fs::read_to_string(fixture).unwrap();
    assert!(text.contains("version: 9,") && text.contains("connectors: [") && !text.contains("url: \"\""));
    let loaded = storage::load(&path).unwrap();
    assert!(loaded.problems.iter().all(|p| p.to_string().contains("assets")), "{:?}", loaded.problems);
    let mut board = loaded.board.clone();
    assert_eq!(board.version(), 10);
    assert_eq!(board.connectors.len(), 1);
    let connector = board.connectors.iter().next().unwrap();
    assert_eq!((connector.label.as_str(), connector.by.as_str()), ("sets the tone", "Mia"));
    assert_eq!(
        connector.to,
        moodboard::model::End::Frame(moodboard::model::ThemeId::parse("9dd0f1e35b739368").unwrap())
    );
    let picture = board.items.iter_mut().find_map(|i| match &mut i.kind {
        ItemKind::Image(image) => Some(image),
        _ => None,
    });
    let picture = picture.expect("the fixture has pictures");
    assert_eq!(picture.url, "", "an older picture knows no address");
    picture.url = "https://example.com/coffee.png".into();
    storage::save(&path, &board).unwrap();
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(saved.contains("version: 10,") && saved.contains("url: \"https://example.com/coffee.png\","), "{saved}");
    let reread = storage::load(&path).unwrap().board;
    assert!(
        reread.items.iter().any(|i| matches!(&i.kind, ItemKind::Image(p) if p.url == "https://example.com/coffee.png"))
    );
    // A version 9 file knew no addresses: one in it is not read from it.
    let claimed = saved.replacen("version: 10,", "version: 9,", 1);
    let parsed = moodboard::storage::format::parse(&path, &claimed).unwrap().board;
    assert!(parsed.items.iter().all(|i| !matches!(&i.kind, ItemKind::Image(p) if !p.url.is_empty())));
    assert_eq!(parsed.connectors.len(), 1);
}

#[test]
fn hostile_connectors_are_dropped_or_mended_with_a_note_each() {
    use moodboard::model::{Connector, ConnectorId, End, ThemeId};
    let dir = tempfile::tempdir().unwrap();
    let now = Timestamp::from_unix_millis(1_700_000_000_000);
    let mut board = Board::new("Hostile", now);
    let a = Item::new(ItemKind::note("a"), Pos::new(0.0, 0.0), "Ann", "own team", now);
    let b = Item::new(ItemKind::note("b"), Pos::new(600.0, 0.0), "Ann", "own team", now);
    let (ia, ib) = (a.id.clone(), b.id.clone());
    board.items.extend([a, b]);
    let good = Connector::new(End::Card(ia.clone()), End::Card(ib.clone()), "Ann", now);
    let to_missing = Connector::new(End::Card(ia.clone()), End::Card(moodboard::model::ItemId::new_random()), "x", now);
    let to_missing_frame = Connector::new(End::Frame(ThemeId::new_random()), End::Card(ib.clone()), "x", now);
    let to_itself = Connector::new(End::Card(ib.clone()), End::Card(ib.clone()), "x", now);
    // A card's id used as a frame's: no such frame.
    let wrong_kind = Connector::new(End::Frame(ThemeId::parse(ia.as_str()).unwrap()), End::Card(ib.clone()), "x", now);
    let mut long = Connector::new(End::Card(ib.clone()), End::Card(ia.clone()), "x", now);
    long.label = format!("line one\nline two {}", "y".repeat(500));
    // An id taken by a card.
    let mut clash = Connector::new(End::Card(ib.clone()), End::Card(ia.clone()), "x", now);
    clash.id = ConnectorId::parse(ia.as_str()).unwrap();
    let loop_back = Connector::new(End::Card(ib.clone()), End::Card(ia.clone()), "x", now);
    board.connectors =
        vec![good.clone(), to_missing, to_missing_frame, to_itself, wrong_kind, long, clash, loop_back.clone()].into();
    let text = storage::format::to_text(&board).unwrap();
    let path = write(dir.path(), "hostile.moodboard.ron", text.as_bytes());
    let loaded = storage::load(&path).unwrap();
    let said: Vec<String> = loaded.problems.iter().map(ToString::to_string).collect();
    let dropped = said.iter().filter(|p| p.contains("left out")).count();
    assert_eq!(dropped, 4, "{said:#?}");
    assert!(said.iter().any(|p| p.contains("to itself")), "{said:#?}");
    assert!(said.iter().any(|p| p.contains("is not on the board")), "{said:#?}");
    assert!(said.iter().any(|p| p.contains("`label`")), "{said:#?}");
    assert!(said.iter().any(|p| p.contains("`id`")), "{said:#?}");
    let kept = &loaded.board.connectors;
    assert_eq!(kept.len(), 4, "good, the long label, the clash with a new id, and a loop between two cards");
    assert!(kept.contains(good.id.as_str()) && kept.contains(loop_back.id.as_str()));
    assert!(kept.iter().all(|c| c.label.chars().count() <= 200 && !c.label.contains('\n')));
    assert!(kept.iter().all(|c| c.id.as_str() != ia.as_str()), "no connector keeps a card's id");
    // NaN where a number belongs in a connector is a syntax error with its place.
    let nan = text.replacen("dashed: false", "dashed: NaN", 1);
    assert_ne!(nan, text);
    let path = write(dir.path(), "nan.moodboard.ron", nan.as_bytes());
    let err = storage::load(&path).unwrap_err().to_string();
    assert!(err.contains("nan.moodboard.ron:") && err.contains("boolean"), "{err}");
}
