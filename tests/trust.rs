//! A received board, pack or canvas cannot be turned against its owner. Each test
//! reproduces one thing an attack on an earlier build found (a stranger's board
//! deleting ours, a stranger rewriting our items, FIFOs hanging the app, locks another
//! user could break, duplicate ids that changed on every load, packs that are two
//! things at once, read-only boards rewritten, half-written exports, litter in synced
//! folders, `show | head` failing) and shows it can no longer happen.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use moodboard::model::{Board, Item, ItemId, ItemKind, Pos, Timestamp, Tombstone};
use moodboard::storage;

mod common;
use common::Env;

/// 9999-12-31: the date a hostile file writes so that it wins every comparison.
fn end_of_time() -> Timestamp {
    Timestamp::MAX
}

/// `ours` with nine notes and a link, as the command line makes it.
fn our_board(env: &Env) -> PathBuf {
    env.ok(&["new", "ours", "--goal", "A calmer cafe"]);
    for i in 1..=9 {
        env.ok(&["add", "ours", "--note", &format!("Idea {i}"), "--as", "Ann"]);
    }
    env.ok(&["add", "ours", "--link", "https://example.com/tiles", "--title", "Tiles", "--as", "Joost", "--offline"]);
    env.path("ours.moodboard.ron")
}

/// `board` with `tombstones` in its list of deletions, as a stranger's file could hold
/// them (the app itself only ever makes a tombstone by deleting something).
fn with_tombstones(board: &Board, tombstones: Vec<Tombstone>) -> Board {
    let text = ron::to_string(board).unwrap();
    let listed: Vec<String> = tombstones.iter().map(|t| ron::to_string(t).unwrap()).collect();
    let text = text.replacen("deleted:[]", &format!("deleted:[{}]", listed.join(",")), 1);
    ron::from_str(&text).unwrap()
}

fn load(path: &Path) -> Board {
    storage::load(path).unwrap().board
}

#[test]
fn a_strangers_board_cannot_delete_ours() {
    let env = Env::new();
    let ours_path = our_board(&env);
    let ours = load(&ours_path);
    // Another board, no items, and tombstones from the end of time for all our ids.
    let tombstones =
        ours.items.iter().map(|item| Tombstone::new(item.id.as_str(), end_of_time(), "Mallory", end_of_time()));
    let theirs = with_tombstones(&Board::new("Nothing to see", Timestamp::now()), tombstones.collect());
    assert_eq!(theirs.deleted().len(), ours.items.len());
    storage::create(&env.path("theirs.moodboard.ron"), &theirs).unwrap();
    let out = env.ok(&["merge", "ours", "theirs.moodboard.ron"]);
    assert!(out.lines().next().unwrap().ends_with(": nothing new"), "{out}");
    assert_eq!(out.matches("not applied: their deletion of").count(), 10, "{out}");
    let after = load(&ours_path);
    assert_eq!(after.items, ours.items, "every idea is still there, unchanged");
    assert!(after.deleted().is_empty(), "their tombstones do not travel with our board");

    // The same tombstones in a copy that claims to be ours are held back too: they are
    // dated beyond what this computer's clock can vouch for.
    let mut emptied = ours.clone();
    emptied.items.clear();
    let tombstones =
        ours.items.iter().map(|item| Tombstone::new(item.id.as_str(), end_of_time(), "Mallory", end_of_time()));
    let forged = with_tombstones(&emptied, tombstones.collect());
    storage::create(&env.path("forged.moodboard.ron"), &forged).unwrap();
    // By default a copy's deletions wait for the person merging to accept them.
    let out = env.ok(&["merge", "ours", "forged.moodboard.ron"]);
    assert!(out.contains("nothing new"), "{out}");
    assert_eq!(out.matches("not taken without your say-so").count(), 10, "{out}");
    assert_eq!(load(&ours_path).items, ours.items);
    // Accepted, they are still held back: dated beyond what this computer's clock vouches for.
    let out = env.ok(&["merge", "ours", "forged.moodboard.ron", "--accept-deletions"]);
    assert!(out.contains("nothing new"), "{out}");
    assert_eq!(out.matches("dated 9999-12-31").count(), 10, "{out}");
    assert_eq!(load(&ours_path).items, ours.items);
}

#[test]
fn a_strangers_board_cannot_rewrite_ours() {
    let env = Env::new();
    let ours_path = our_board(&env);
    let ours = load(&ours_path);
    let link = ours.items.iter().find(|i| matches!(i.kind, ItemKind::Link(_))).unwrap().clone();
    let mut theirs = Board::new("Helpful links", Timestamp::now());
    let mut hijacked = link.clone();
    hijacked.kind = ItemKind::link("https://evil.example/", "Tiles", "");
    hijacked.modified = end_of_time();
    theirs.items.push(hijacked);
    let gift = Item::new(ItemKind::note("A real idea"), Pos::new(0.0, 0.0), "Kim", "customer", Timestamp::now());
    theirs.items.push(gift.clone());
    storage::create(&env.path("theirs.moodboard.ron"), &theirs).unwrap();

    let out = env.ok(&["merge", "ours", "theirs.moodboard.ron", "--dry-run"]);
    assert!(out.contains("would merge") && out.contains("dry run: nothing was written"), "{out}");
    assert_eq!(load(&ours_path), ours, "a dry run writes nothing");

    let out = env.ok(&["merge", "ours", "theirs.moodboard.ron"]);
    assert!(out.contains("1 new") && !out.contains("1 changed"), "{out}");
    assert!(out.contains("+ note: A real idea (new from theirs, added by Kim, customer)"), "{out}");
    assert!(out.contains("not applied: their version of link “Tiles <https://evil.example/>”"), "{out}");
    let after = load(&ours_path);
    assert_eq!(after.item(&link.id), Some(&link), "our link, with its contributor, is untouched");
    assert!(after.item(&gift.id).is_some(), "another board may add");
}

/// A stranger's board cannot set the prompt every phone shows (issue 26, finding 10):
/// its prompt card comes in as an idea, and a prompt dated 9999 is never the pinned one.
#[test]
fn a_strangers_prompt_is_never_pinned() {
    use moodboard::model::{PROMPT_TAG, pinned_prompt};
    let env = Env::new();
    let ours_path = our_board(&env);
    let mut ours = load(&ours_path);
    let mut own =
        Item::new(ItemKind::note("What would make you stay?"), Pos::new(0.0, 0.0), "Fac", "own team", Timestamp::now());
    own.tags.push(PROMPT_TAG.into());
    ours.items.push(own.clone());
    storage::save(&ours_path, &ours).unwrap();
    let mut theirs = Board::new("Hijack", Timestamp::now());
    let mut prompt =
        Item::new(ItemKind::note("Visit evil.example"), Pos::new(0.0, 0.0), "Eve", "own team", end_of_time());
    prompt.tags.push(PROMPT_TAG.into());
    theirs.items.push(prompt.clone());
    let mut recent =
        Item::new(ItemKind::note("Scan this code"), Pos::new(0.0, 0.0), "Eve", "own team", Timestamp::now());
    recent.tags.push(PROMPT_TAG.into());
    theirs.items.push(recent.clone());
    storage::create(&env.path("theirs.moodboard.ron"), &theirs).unwrap();
    env.ok(&["merge", "ours", "theirs.moodboard.ron"]);
    let after = load(&ours_path);
    let came = after.item(&recent.id).expect("their prompt comes in as an idea");
    assert!(!came.tags.iter().any(|t| t == PROMPT_TAG), "{:?}", came.tags);
    assert_eq!(pinned_prompt(&after, Timestamp::now()).map(|i| &i.id), Some(&own.id));
    // However a card dated 9999 got there, it is not the one pinned.
    let mut forced = after.clone();
    forced.items.push(prompt);
    assert_eq!(pinned_prompt(&forced, Timestamp::now()).map(|i| &i.id), Some(&own.id));
}

/// Runs `moodboard` with `args`, failing the test if it has not finished in 20 s.
fn run_bounded(env: &Env, args: &[&str]) -> Output {
    let mut child = env.command(args).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("moodboard {args:?} hung");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success());
}

#[cfg(unix)]
#[test]
fn fifos_get_a_clear_error_and_never_hang() {
    let env = Env::new();
    our_board(&env);
    mkfifo(&env.path("pipe.moodboard.ron"));
    mkfifo(&env.path("pipe.canvas"));
    for args in [
        vec!["check", "pipe.moodboard.ron"],
        vec!["show", "pipe.moodboard.ron"],
        vec!["add", "pipe.moodboard.ron", "--note", "x"],
        vec!["merge", "ours", "pipe.moodboard.ron"],
        vec!["import", "ours", "pipe.canvas"],
        vec!["add", "ours", "--image", "pipe.canvas"],
        vec!["unpack", "pipe.canvas"],
    ] {
        let out = run_bounded(&env, &args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{args:?} should fail");
        assert!(err.contains("named pipe (FIFO)"), "{args:?} says what is wrong: {err}");
    }
    // The app opens boards the same way.
    assert!(moodboard::document::Document::open(&env.path("pipe.moodboard.ron")).is_err());

    // A canvas whose file node names a FIFO: read before the board is locked, so the
    // board stays free for others while it is refused.
    std::fs::create_dir(env.path("canvas")).unwrap();
    mkfifo(&env.path("canvas/photo.png"));
    std::fs::write(
        env.path("canvas/notes.canvas"),
        r#"{"nodes":[{"id":"a","type":"file","file":"photo.png","x":0,"y":0,"width":100,"height":100},
                     {"id":"b","type":"text","text":"Hello","x":200,"y":0,"width":100,"height":100}]}"#,
    )
    .unwrap();
    let out = run_bounded(&env, &["import", "ours", "canvas/notes.canvas"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("photo.png") && err.contains("named pipe (FIFO)"), "{err}");
    env.ok(&["add", "ours", "--note", "the board is not locked"]);
}

#[test]
fn locks_are_private_and_a_dead_holder_never_blocks() {
    let dir = tempfile::tempdir().unwrap();
    let board = dir.path().join("b.moodboard.ron");
    let lock = storage::lock_path(&board);
    drop(storage::BoardLock::acquire(&board).unwrap());
    // Not in a folder every user shares: in this user's own.
    assert!(!lock.starts_with(std::env::temp_dir()) || lock.to_string_lossy().contains("moodboard-locks-"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let folder = lock.parent().unwrap();
        assert_eq!(std::fs::metadata(folder).unwrap().permissions().mode() & 0o077, 0, "only the user may enter");
        // Another process takes the lock, then dies without letting go.
        // `-o`: the lock stays with flock itself, not with the sleep it runs.
        let mut holder = Command::new("flock").arg("-o").arg(&lock).args(["sleep", "60"]).spawn().unwrap();
        let start = Instant::now();
        while storage::BoardLock::acquire_within(&board, Duration::ZERO).is_ok() {
            assert!(start.elapsed() < Duration::from_secs(10), "flock never took the lock");
            std::thread::sleep(Duration::from_millis(20));
        }
        holder.kill().unwrap();
        holder.wait().unwrap();
        assert!(storage::BoardLock::acquire_within(&board, Duration::from_secs(2)).is_ok(), "the dead holder blocks");
    }
}

#[test]
fn duplicate_ids_are_repaired_the_same_way_every_time() {
    let env = Env::new();
    let path = our_board(&env);
    let mut board = load(&path);
    // Two people's copies gave two different notes one id; and one note is in twice.
    let mut twin = board.items[0].clone();
    twin.kind = ItemKind::note("Another idea, same id");
    let exact = board.items[1].clone();
    board.items.push(twin);
    board.items.push(exact);
    let text = moodboard::storage::format::to_text(&board).unwrap();
    std::fs::write(&path, &text).unwrap();
    let (a, b) = (storage::load(&path).unwrap(), storage::load(&path).unwrap());
    assert_eq!(a.board, b.board, "the same repair on every load");
    assert_eq!(a.board.items.len(), 11, "the exact copy is kept once, the other renamed");
    assert!(a.problems.iter().any(|p| p.message.to_string().contains("used twice")), "{:?}", a.problems);
    assert!(a.problems.iter().any(|p| p.message.to_string().contains("the same both times")), "{:?}", a.problems);
    let renamed = a.board.items.iter().find(|i| i.kind.texts().contains(&"Another idea, same id")).unwrap();
    // The id `show --ids` prints is the id `remove` takes.
    let shown = env.ok(&["show", "ours", "--ids"]);
    assert!(shown.contains(renamed.id.as_str()), "{shown}");
    let out = env.ok(&["remove", "ours", renamed.id.as_str()]);
    assert!(out.contains("Another idea, same id"), "{out}");
    assert!(load(&path).item(&renamed.id).is_none());
    // Two machines repairing the same copy and merging do not double the item.
    let theirs_path = env.path("theirs.moodboard.ron");
    std::fs::write(&theirs_path, &text).unwrap();
    env.ok(&["merge", "ours", "theirs.moodboard.ron"]);
    let merged = load(&path);
    let twins = merged.items.iter().filter(|i| i.kind.texts().contains(&"Another idea, same id")).count();
    assert_eq!(twins, 0, "removed here, and their copy of it is the same item, so it stays removed");
}

#[test]
fn a_pack_with_two_entries_of_one_name_is_refused() {
    let env = Env::new();
    let path = our_board(&env);
    let text = std::fs::read_to_string(&path).unwrap();
    let pack = env.path("twice.moodpack");
    {
        let file = std::fs::File::create(&pack).unwrap();
        let mut zip = zip::ZipWriter::new(file);
        let options = zip::write::SimpleFileOptions::default();
        // The zip crate refuses to write a duplicate name, so write the second under
        // another name of the same length and patch it in the bytes afterwards.
        zip.start_file("ours.moodboard.ron", options).unwrap();
        std::io::Write::write_all(&mut zip, text.as_bytes()).unwrap();
        zip.start_file("ours.moodboard.rox", options).unwrap();
        std::io::Write::write_all(&mut zip, b"(version: 3)").unwrap();
        zip.finish().unwrap();
    }
    let bytes = std::fs::read(&pack).unwrap();
    let patched = replace_all(&bytes, b"ours.moodboard.rox", b"ours.moodboard.ron");
    std::fs::write(&pack, patched).unwrap();
    let err = env.fails(&["unpack", "twice.moodpack", "-o", "out"]);
    assert!(err.contains("two of its entries have the same name"), "{err}");
    assert!(!env.path("out").join("ours.moodboard.ron").exists(), "nothing unpacked");
}

fn replace_all(haystack: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(haystack.len());
    let mut i = 0;
    while i < haystack.len() {
        if haystack[i..].starts_with(from) {
            out.extend_from_slice(to);
            i += from.len();
        } else {
            out.push(haystack[i]);
            i += 1;
        }
    }
    out
}

#[test]
fn a_read_only_board_is_refused_for_writing_and_left_alone() {
    let env = Env::new();
    let path = our_board(&env);
    let before = std::fs::read(&path).unwrap();
    let mut perms = std::fs::metadata(&path).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&path, perms).unwrap();
    let err = env.fails(&["add", "ours", "--note", "one more"]);
    assert!(err.contains("read-only") && err.contains("ours.moodboard.ron"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    let doc = moodboard::document::Document::open(&path).unwrap();
    assert!(doc.read_only);
    assert_eq!(doc.status(), moodboard::document::SaveStatus::ReadOnly);
}

#[cfg(unix)]
#[test]
fn an_export_that_runs_out_of_room_leaves_no_half_written_image() {
    let env = Env::new();
    env.ok(&["new", "b"]);
    let photo = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/welcome/coffee.png");
    env.ok(&["add", "b", "--image", photo.to_str().unwrap()]);
    // Files may grow to only 8 KiB for this process: the image cannot be written.
    let script = format!(
        "trap '' XFSZ; ulimit -f 16; exec '{}' export b --format canvas -o out.canvas",
        env!("CARGO_BIN_EXE_moodboard")
    );
    let out = Command::new("sh")
        .args(["-c", &script])
        .current_dir(env.dir.path())
        .env("MOODBOARD_CONFIG_DIR", env.path("config"))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "the export should fail: {err}");
    assert!(!env.path("out.canvas").exists(), "no canvas without its images");
    let images = env.path("out-images");
    let written: Vec<_> = std::fs::read_dir(&images).map(|d| d.filter_map(Result::ok).collect()).unwrap_or_default();
    assert!(written.is_empty(), "no half-written image or temp file: {written:?}");
}

#[cfg(target_os = "linux")]
#[test]
fn a_save_removes_the_temp_copies_killed_writers_left_behind() {
    let env = Env::new();
    let path = our_board(&env);
    // What a `moodboard add` killed mid-save leaves: a hidden copy of the whole board,
    // named after a process that no longer runs.
    let host: String = std::fs::read_to_string("/proc/sys/kernel/hostname")
        .unwrap()
        .trim()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '-' })
        .collect();
    let mut dead = Command::new("true").spawn().unwrap();
    let pid = dead.id();
    dead.wait().unwrap();
    let litter = env.path(&format!(".ours.moodboard.ron.{pid}@{host}.x1y2z3.tmp"));
    std::fs::copy(&path, &litter).unwrap();
    env.ok(&["add", "ours", "--note", "after the crash"]);
    assert!(!litter.exists(), "the next save removed the dead writer's copy");
    let hidden: Vec<_> = std::fs::read_dir(env.dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(hidden.is_empty(), "{hidden:?}");
}

#[cfg(unix)]
#[test]
fn show_into_a_closed_pipe_stops_quietly() {
    let env = Env::new();
    let now = Timestamp::now();
    // Far more than a pipe holds, so `show` is still writing when `head` goes.
    let mut board = Board::new("Long", now);
    for i in 0..5_000 {
        board.items.push(Item::new(
            ItemKind::note(format!("note {i} {}", "words ".repeat(20))),
            Pos::new(0.0, 0.0),
            "Ann",
            "own team",
            now,
        ));
    }
    storage::create(&env.path("long.moodboard.ron"), &board).unwrap();
    for redirect in ["", "2>&1"] {
        let script = format!(
            "set -o pipefail; '{}' show long {redirect} | head -c 1 >/dev/null; echo \"status $?\"",
            env!("CARGO_BIN_EXE_moodboard")
        );
        let out = Command::new("bash")
            .args(["-c", &script])
            .current_dir(env.dir.path())
            .env("MOODBOARD_CONFIG_DIR", env.path("config"))
            .output()
            .unwrap();
        let (text, err) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
        assert!(text.contains("status 0"), "show {redirect} exits 0 into a closed pipe: {text} {err}");
        assert!(err.is_empty(), "and says nothing: {err}");
    }
}

#[test]
fn ten_thousand_themes_and_items_are_grouped_right() {
    let now = Timestamp::now();
    let mut board = Board::new("Big", now);
    for t in 0..10_000 {
        let theme = moodboard::model::Theme {
            id: moodboard::model::ThemeId::parse(&format!("theme-{t}")).unwrap(),
            name: format!("Theme {t}"),
            colour: "#E4B363".into(),
            description: String::new(),
            rank: t,
            frame: moodboard::model::BoardRect::from_pos_size(
                moodboard::model::Pos::new(0.0, 0.0),
                moodboard::model::Size::new(600.0, 400.0),
            ),
            locked: false,
            modified: now,
        };
        let mut item = Item::new(ItemKind::note(format!("idea {t}")), Pos::new(0.0, 0.0), "Ann", "own team", now);
        item.id = ItemId::parse(&format!("item-{t}")).unwrap();
        item.theme = Some(theme.id.clone());
        item.z = t;
        board.themes.push(theme);
        board.items.push(item);
    }
    let text = moodboard::cli::render_board(&board, false);
    assert_eq!(text.matches("(1 item)").count(), 10_000);
    assert!(text.contains("Theme 9999 (1 item)\n  note    idea 9999"));
    let md = moodboard::export::to_markdown(&board);
    assert!(md.contains("idea 9999"));
}
