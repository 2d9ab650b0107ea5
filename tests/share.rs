//! Sharing boards: merge from the command line, conflict copies of every sync tool,
//! many processes writing one board while a watcher merges, packs (and every entry a
//! pack must refuse), and exports.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

use moodboard::document::Document;
use moodboard::model::{Board, Edit, Item, ItemKind, Pos, Timestamp};
use moodboard::storage::watch::{BoardWatcher, WatchEvent};
use moodboard::storage::{self, Saver};

mod common;
use common::Env;

fn photo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/welcome/coffee.png")
}

fn notes(board: &Board) -> Vec<String> {
    let mut v: Vec<String> = board
        .items
        .iter()
        .filter_map(|i| match &i.kind {
            ItemKind::Note(moodboard::model::kinds::Note { text }) => Some(text.clone()),
            _ => None,
        })
        .collect();
    v.sort();
    v
}

#[test]
fn merge_brings_in_the_other_copy_and_keeps_who_brought_what() {
    let env = Env::new();
    env.ok(&["new", "ours", "--goal", "A calmer cafe"]);
    env.ok(&["add", "ours.moodboard.ron", "--note", "Shared start", "--as", "Ann"]);
    std::fs::copy(env.path("ours.moodboard.ron"), env.path("theirs.moodboard.ron")).unwrap();
    env.ok(&["add", "ours.moodboard.ron", "--note", "Ann's idea", "--as", "Ann"]);
    env.ok(&["add", "theirs.moodboard.ron", "--note", "Kim's idea", "--as", "Kim", "--source", "customer"]);
    env.ok(&["add", "theirs.moodboard.ron", "--image", photo().to_str().unwrap(), "--as", "Kim"]);
    // Kim deletes the shared note; an old copy of ours must not bring it back.
    let old_ours = env.path("old.moodboard.ron");
    std::fs::copy(env.path("ours.moodboard.ron"), &old_ours).unwrap();
    env.ok(&["remove", "theirs.moodboard.ron", "--matching", "Shared start"]);

    // A copy of our board sent back as a file: by default only its new ideas come in,
    // and its deletion is listed, not applied.
    let out = env.ok(&["merge", "ours.moodboard.ron", "theirs.moodboard.ron", "--dry-run"]);
    assert!(out.contains("2 new") && !out.contains("removed"), "{out}");
    assert!(out.contains("not applied: their deletion of note “Shared start”: not taken without your say-so"), "{out}");
    assert!(out.contains("--accept-deletions"), "says how to take the rest: {out}");
    // Kim is a colleague: take all of it.
    let out = env.ok(&["merge", "ours.moodboard.ron", "theirs.moodboard.ron", "--accept-deletions"]);
    assert!(out.contains("2 new") && out.contains("1 removed"), "{out}");
    assert!(out.contains("new from theirs, added by Kim, customer"), "{out}");
    let merged = storage::load(&env.path("ours.moodboard.ron")).unwrap();
    assert!(merged.problems.is_empty(), "the image was copied in: {:?}", merged.problems);
    assert_eq!(notes(&merged.board), ["Ann's idea", "Kim's idea"]);
    let kims = merged.board.items.iter().find(|i| i.kind == ItemKind::note("Kim's idea")).unwrap();
    assert_eq!((kims.contributor.as_str(), kims.source.as_str()), ("Kim", "customer"));

    env.ok(&["merge", "ours.moodboard.ron", old_ours.to_str().unwrap(), "--accept-deletions"]);
    let again = storage::load(&env.path("ours.moodboard.ron")).unwrap().board;
    assert_eq!(notes(&again), ["Ann's idea", "Kim's idea"], "the deletion is remembered");

    // -o writes a new board and leaves both inputs alone.
    let before = std::fs::read(env.path("theirs.moodboard.ron")).unwrap();
    env.ok(&["merge", "theirs.moodboard.ron", "ours.moodboard.ron", "-o", "both", "--accept-deletions"]);
    assert_eq!(std::fs::read(env.path("theirs.moodboard.ron")).unwrap(), before);
    assert_eq!(notes(&storage::load(&env.path("both.moodboard.ron")).unwrap().board), ["Ann's idea", "Kim's idea"]);
}

#[test]
fn sync_merges_each_tools_conflict_copies_and_moves_them_aside() {
    let env = Env::new();
    env.ok(&["new", "Cafe refresh"]);
    let board = env.path("Cafe refresh.moodboard.ron");
    env.ok(&["add", board.to_str().unwrap(), "--note", "Original"]);
    let names = [
        "Cafe refresh (Ann's conflicted copy 2026-11-23).moodboard.ron",
        "Cafe refresh (conflicted copy 2026-11-23 140312).moodboard.ron",
        "Cafe refresh.moodboard.sync-conflict-20261123-140312-ABCDEFG.ron",
        "Cafe refresh-LAPTOP-ANN.moodboard.ron",
        "Cafe refresh_conflict-20261123-140312.moodboard.ron",
    ];
    for (i, name) in names.iter().enumerate() {
        let copy = env.path(name);
        std::fs::copy(&board, &copy).unwrap();
        env.ok(&["add", copy.to_str().unwrap(), "--note", &format!("From copy {i}")]);
    }
    // A different board that happens to look like a copy is left alone.
    env.ok(&["new", "Cafe refresh-OTHER"]);
    // So is a person's own copy of the board under a name of their own: no sync tool
    // names a copy like that, so it is not merged (its deletions would be applied).
    let own = env.path("Cafe refresh-experiment.moodboard.ron");
    std::fs::copy(&board, &own).unwrap();
    env.ok(&["remove", own.to_str().unwrap(), "--matching", "Original"]);

    let out = env.ok(&["sync", board.to_str().unwrap()]);
    assert_eq!(out.lines().filter(|l| l.starts_with("merged ")).count(), names.len(), "{out}");
    let merged = storage::load(&board).unwrap().board;
    assert_eq!(notes(&merged).len(), 1 + names.len(), "{:?}", notes(&merged));
    let backup = env.path("Cafe refresh.merged-copies");
    for name in names {
        assert!(!env.path(name).exists(), "{name} was moved");
        assert!(backup.join(name).exists(), "{name} is kept in the backup folder");
    }
    assert!(env.path("Cafe refresh-OTHER.moodboard.ron").exists());
    assert!(own.exists(), "the experiment stays where its owner put it");
    assert!(notes(&merged).contains(&"Original".to_owned()), "its deletion was not applied");
    assert!(env.ok(&["sync", board.to_str().unwrap()]).contains("no conflict copies"));
}

/// Several processes add to one board while a watcher merges into an open document
/// that is also being edited and saved: every item ends up there exactly once.
#[test]
fn concurrent_adders_and_a_watching_editor_lose_nothing() {
    let env = Env::new();
    env.ok(&["new", "busy"]);
    let path = env.path("busy.moodboard.ron");
    let mut doc = Document::open(&path).unwrap();
    let watcher = BoardWatcher::start(path.clone(), doc.disk_hash.clone(), Arc::new(|| {}));
    let saver = Saver::new(Arc::new(|| {}));

    let adders: Vec<_> = (0..4)
        .map(|p| {
            let path = path.clone();
            let config = env.path("config");
            std::thread::spawn(move || {
                for n in 0..5 {
                    let out = Command::new(env!("CARGO_BIN_EXE_moodboard"))
                        .args(["add", path.to_str().unwrap(), "--note", &format!("process {p} idea {n}")])
                        .env("MOODBOARD_CONFIG_DIR", &config)
                        .output()
                        .unwrap();
                    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
                }
            })
        })
        .collect();

    let mut local = 0;
    let mut saving = false;
    let deadline = Instant::now() + Duration::from_secs(60);
    while adders.iter().any(|a| !a.is_finished()) || local < 10 {
        assert!(Instant::now() < deadline, "timed out");
        for event in watcher.poll() {
            if let WatchEvent::Changed { board, hash } = event
                && doc.disk_hash.as_ref() != Some(&hash)
            {
                doc.merge_from_disk(&board, Some(hash)).unwrap();
            }
        }
        for saved in saver.finished() {
            doc.finish_save(saved.generation, saved.result.map_err(|e| panic!("save failed: {e}")));
            if let Some(written) = saved.merged {
                doc.merge_from_disk(&written, None).unwrap();
            }
            saving = false;
        }
        if local < 10 {
            let item = Item::new(
                ItemKind::note(format!("editor idea {local}")),
                Pos::new(0.0, 0.0),
                "Ed",
                "own team",
                Timestamp::now(),
            );
            doc.apply(Edit::InsertItem(Box::new(item)), "Add note", "editor").unwrap();
            local += 1;
        }
        if !saving && doc.is_dirty() {
            let generation = doc.begin_save();
            saver.save(1, doc.path.clone(), doc.board().clone(), generation, doc.disk_hash.clone());
            saving = true;
        }
        std::thread::sleep(Duration::from_millis(30));
    }
    for a in adders {
        a.join().unwrap();
    }
    // A final save, as the app does when closing.
    let generation = doc.begin_save();
    saver.save(1, doc.path.clone(), doc.board().clone(), generation, doc.disk_hash.clone());
    drop(saver.wait_idle());
    let _ = generation;

    let on_disk = storage::load(&path).unwrap().board;
    let texts = notes(&on_disk);
    let mut expected: Vec<String> = (0..4).flat_map(|p| (0..5).map(move |n| format!("process {p} idea {n}"))).collect();
    expected.extend((0..10).map(|n| format!("editor idea {n}")));
    expected.sort();
    assert_eq!(texts, expected, "every item exactly once");
}

#[test]
fn a_pack_round_trips_with_its_images() {
    let env = Env::new();
    env.ok(&["new", "trip", "--goal", "Pack it"]);
    env.ok(&["add", "trip.moodboard.ron", "--image", photo().to_str().unwrap()]);
    env.ok(&["add", "trip.moodboard.ron", "--quote", "Go light", "--by", "Someone"]);
    let out = env.ok(&["pack", "trip.moodboard.ron", "-o", "trip.moodpack"]);
    assert!(out.contains("with 1 image into"), "{out}");
    let out = env.ok(&["unpack", "trip.moodpack", "-o", "elsewhere"]);
    assert!(out.contains("elsewhere/trip.moodboard.ron"), "{out}");
    let original = storage::load(&env.path("trip.moodboard.ron")).unwrap();
    let unpacked = storage::load(&env.path("elsewhere/trip.moodboard.ron")).unwrap();
    assert_eq!(unpacked.board, original.board);
    assert!(storage::check_assets(&env.path("elsewhere/trip.moodboard.ron"), &unpacked.board, true).is_empty());
    // Unpacking again never overwrites: it takes the next free name.
    let out = env.ok(&["unpack", "trip.moodpack", "-o", "elsewhere"]);
    assert!(out.contains("trip 2.moodboard.ron"), "{out}");
}

/// A zip with the given entries: (name, content, compressed?, unix symlink?).
fn zip_with(path: &Path, entries: &[(&str, &[u8], bool, bool)]) {
    let file = std::fs::File::create(path).unwrap();
    let mut zip = zip::ZipWriter::new(file);
    for (name, content, deflate, link) in entries {
        let method = if *deflate { zip::CompressionMethod::Deflated } else { zip::CompressionMethod::Stored };
        let options = zip::write::SimpleFileOptions::default().compression_method(method);
        if *link {
            zip.add_symlink(*name, "/etc/passwd", options).unwrap();
        } else {
            zip.start_file(*name, options).unwrap();
            zip.write_all(content).unwrap();
        }
    }
    zip.finish().unwrap();
}

#[test]
fn every_unsafe_pack_entry_is_refused_and_nothing_is_written() {
    let env = Env::new();
    env.ok(&["new", "good"]);
    let board = std::fs::read(env.path("good.moodboard.ron")).unwrap();
    let png = std::fs::read(photo()).unwrap();
    let hash = storage::content_hash(&png);
    let good_asset = format!("good.assets/{hash}.png");
    let zeros = vec![0u8; 8 * 1024 * 1024];
    type Entry = (String, Vec<u8>, bool, bool);
    let cases: Vec<(&str, Vec<Entry>, &str)> = vec![
        ("absolute", vec![("/etc/passwd".into(), b"x".to_vec(), false, false)], "absolute path"),
        ("dotdot", vec![("good.assets/../x".into(), b"x".to_vec(), false, false)], "'..'"),
        ("parent", vec![("../evil.moodboard.ron".into(), board.clone(), false, false)], "'..'"),
        ("backslash", vec![("..\\evil.txt".into(), b"x".to_vec(), false, false)], "backslash"),
        ("drive", vec![("C:/evil.txt".into(), b"x".to_vec(), false, false)], "colon"),
        (
            "link",
            vec![
                ("good.moodboard.ron".into(), board.clone(), false, false),
                ("good.assets/a.png".into(), vec![], false, true),
            ],
            "link",
        ),
        (
            "bomb",
            vec![
                ("good.moodboard.ron".into(), board.clone(), false, false),
                (format!("good.assets/{hash}.png"), zeros, true, false),
            ],
            "zip bomb",
        ),
        (
            "stray",
            vec![
                ("good.moodboard.ron".into(), board.clone(), false, false),
                ("run.sh".into(), b"rm -rf /".to_vec(), false, false),
            ],
            "not a board file",
        ),
        (
            "two boards",
            vec![
                ("good.moodboard.ron".into(), board.clone(), false, false),
                ("b.moodboard.ron".into(), board.clone(), false, false),
            ],
            "one board",
        ),
        ("no board", vec![(good_asset.clone(), png.clone(), false, false)], "holds no"),
        (
            "wrong folder",
            vec![
                ("good.moodboard.ron".into(), board.clone(), false, false),
                (format!("bad.assets/{hash}.png"), png.clone(), false, false),
            ],
            "belong in good.assets",
        ),
        (
            "altered",
            vec![
                ("good.moodboard.ron".into(), board.clone(), false, false),
                (format!("good.assets/{}.png", "0".repeat(32)), png.clone(), false, false),
            ],
            "does not match",
        ),
        (
            "bad board",
            vec![("good.moodboard.ron".into(), b"(version: 1, id: ".to_vec(), false, false)],
            "good.moodboard.ron:1",
        ),
    ];
    for (label, entries, expected) in cases {
        let pack = env.path(&format!("{label}.moodpack"));
        let borrowed: Vec<(&str, &[u8], bool, bool)> =
            entries.iter().map(|(n, c, d, l)| (n.as_str(), c.as_slice(), *d, *l)).collect();
        zip_with(&pack, &borrowed);
        let into = env.path(&format!("out-{label}"));
        let err = env.fails(&["unpack", pack.to_str().unwrap(), "-o", into.to_str().unwrap()]);
        assert!(err.contains(expected), "{label}: {err}");
        let written: Vec<_> = std::fs::read_dir(&into).map(|d| d.filter_map(Result::ok).collect()).unwrap_or_default();
        assert!(written.is_empty(), "{label}: nothing unpacked, found {written:?}");
    }
    assert!(!env.path("evil.txt").exists() && !env.path("evil.moodboard.ron").exists());
    std::fs::write(env.path("junk.moodpack"), b"not a zip").unwrap();
    assert!(env.fails(&["unpack", "junk.moodpack"]).contains("not a pack"));
}

#[test]
fn html_export_escapes_every_text_and_only_links_the_web() {
    let env = Env::new();
    env.ok(&["new", "evil", "--title", "<script>alert('title')</script>", "--goal", "\"><img src=x onerror=alert(1)>"]);
    let b = "evil.moodboard.ron";
    env.ok(&["add", b, "--note", "</div><script>alert(2)</script>", "--theme", "<b>bold</b>", "--as", "<i>Eve</i>"]);
    // The command line refuses a javascript: address; a board from someone else may
    // still hold one, as this one does once its file is changed by hand.
    assert!(
        env.fails(&["add", b, "--link", "javascript:alert(3)", "--title", "click me"]).contains("not a web address")
    );
    env.ok(&["add", b, "--link", "https://evil.example/placeholder", "--title", "click me", "--offline"]);
    let text = std::fs::read_to_string(env.path(b)).unwrap();
    std::fs::write(env.path(b), text.replace("https://evil.example/placeholder", "javascript:alert(3)")).unwrap();
    env.ok(&["add", b, "--link", "https://example.com/?a=1&b=2", "--title", "fine", "--offline"]);
    env.ok(&["add", b, "--image", photo().to_str().unwrap()]);
    env.ok(&["export", b, "--format", "html", "-o", "evil.html"]);
    let html = std::fs::read_to_string(env.path("evil.html")).unwrap();
    assert!(!html.contains("<script"), "no script tag gets through");
    assert!(!html.contains("<img src=x") && !html.contains("<b>bold") && !html.contains("<i>Eve"));
    assert!(html.contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;"));
    assert!(!html.contains("href=\"javascript"), "javascript: links are not links");
    assert!(html.contains("href=\"https://example.com/?a=1&amp;b=2\""));
    assert!(html.contains("data:image/jpeg;base64,"), "the image is embedded");

    env.ok(&["export", b, "--format", "md", "-o", "evil.md"]);
    let md = std::fs::read_to_string(env.path("evil.md")).unwrap();
    assert!(!md.contains("<script") && md.contains("[fine](<https://example.com/?a=1&b=2>)"), "{md}");

    env.ok(&["export", b, "--format", "png", "-o", "evil.png"]);
    let png = image::open(env.path("evil.png")).unwrap();
    assert!(png.width() > 100 && png.height() > 100);
    env.ok(&["export", b, "--format", "png", "--theme", "<b>bold</b>", "-o", "theme.png"]);
    assert!(env.fails(&["export", b, "--format", "png", "--theme", "nope"]).contains("no theme called \"nope\""));
}

#[test]
fn json_canvas_exports_and_imports_and_refuses_files_outside_its_folder() {
    let env = Env::new();
    env.ok(&["new", "src"]);
    let b = "src.moodboard.ron";
    env.ok(&["add", b, "--note", "Warm light", "--theme", "Light"]);
    env.ok(&["add", b, "--link", "https://example.com", "--theme", "Light", "--offline"]);
    env.ok(&["add", b, "--image", photo().to_str().unwrap()]);
    env.ok(&["export", b, "--format", "canvas", "-o", "out.canvas"]);
    let canvas: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(env.path("out.canvas")).unwrap()).unwrap();
    let types: Vec<&str> = canvas["nodes"].as_array().unwrap().iter().map(|n| n["type"].as_str().unwrap()).collect();
    assert_eq!(types.iter().filter(|t| **t == "group").count(), 1, "{types:?}");
    assert!(types.contains(&"file") && types.contains(&"link") && types.contains(&"text"), "{types:?}");
    // The group is exactly the theme's frame.
    let src = storage::load(&env.path(b)).unwrap().board;
    let frame = src.theme_by_name("Light").unwrap().frame;
    let group = canvas["nodes"].as_array().unwrap().iter().find(|n| n["type"] == "group").unwrap();
    let rect: Vec<f64> = ["x", "y", "width", "height"].iter().map(|k| group[k].as_f64().unwrap()).collect();
    let want = [frame.min.x, frame.min.y, frame.width(), frame.height()].map(f64::from);
    assert!(rect.iter().zip(want).all(|(a, b)| (a - b).abs() < 1.0), "group {rect:?}, frame {want:?}");

    env.ok(&["new", "dst"]);
    let out = env.ok(&["import", "dst.moodboard.ron", "out.canvas", "--as", "Obsidian user"]);
    assert!(out.contains(": 3 ideas, 1 new theme"), "{out}");
    let dst = storage::load(&env.path("dst.moodboard.ron")).unwrap();
    assert!(dst.problems.is_empty(), "{:?}", dst.problems);
    let light = dst.board.theme_by_name("Light").unwrap().id.clone();
    let note = dst.board.items.iter().find(|i| i.kind == ItemKind::note("Warm light")).unwrap();
    assert_eq!(note.theme, Some(light), "a node inside a group lands in its theme");

    std::fs::create_dir(env.path("vault")).unwrap();
    std::fs::write(env.path("secret.png"), std::fs::read(photo()).unwrap()).unwrap();
    std::fs::write(
        env.path("vault/evil.canvas"),
        r#"{"nodes":[{"id":"a","type":"file","file":"../secret.png","x":0,"y":0,"width":100,"height":100},
                    {"id":"b","type":"file","file":"/etc/passwd","x":0,"y":0,"width":100,"height":100}]}"#,
    )
    .unwrap();
    let out = env.run(&["import", "dst.moodboard.ron", "vault/evil.canvas"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success());
    assert_eq!(err.matches("only files inside the canvas's folder").count(), 2, "{err}");
    std::fs::write(env.path("broken.canvas"), "{\"nodes\": [").unwrap();
    assert!(env.fails(&["import", "dst.moodboard.ron", "broken.canvas"]).contains("broken.canvas:1:"));
}

/// The watcher an open board has merges a conflict copy as soon as it appears.
#[test]
fn the_watcher_merges_a_conflict_copy_that_appears() {
    let env = Env::new();
    env.ok(&["new", "live"]);
    let path = env.path("live.moodboard.ron");
    let doc = Document::open(&path).unwrap();
    let watcher = BoardWatcher::start(path.clone(), doc.disk_hash.clone(), Arc::new(|| {}));
    let copy = env.path("live.moodboard.sync-conflict-20261123-101010-ABCDEFG.ron");
    std::fs::copy(&path, &copy).unwrap();
    env.ok(&["add", copy.to_str().unwrap(), "--note", "From the other laptop"]);
    let deadline = Instant::now() + Duration::from_secs(15);
    let mut synced = false;
    let mut changed = None;
    while (!synced || changed.is_none()) && Instant::now() < deadline {
        for event in watcher.poll() {
            match event {
                WatchEvent::Synced(outcomes) => synced = outcomes.iter().all(|o| o.result.is_ok()),
                WatchEvent::Changed { board, .. } => changed = Some(board),
                WatchEvent::Unreadable(e) => panic!("{e}"),
            }
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(synced, "the copy was merged");
    assert_eq!(notes(&changed.expect("the merged board was reported")), ["From the other laptop"]);
    assert!(!copy.exists() && env.path("live.merged-copies").join(copy.file_name().unwrap()).exists());
}

/// Real canvases with edges — Obsidian's own sample and another published one — come in
/// with their edges as connectors, and go out again as edges.
#[test]
fn real_json_canvases_bring_their_edges_as_connectors_and_take_them_back_out() {
    use moodboard::model::{End, Heads};
    let env = Env::new();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/canvas");
    for name in ["obsidian-sample.canvas", "public-sample.canvas"] {
        std::fs::copy(fixtures.join(name), env.path(name)).unwrap();
    }
    env.ok(&["new", "obsidian"]);
    let out = env.ok(&["import", "obsidian.moodboard.ron", "obsidian-sample.canvas"]);
    assert!(out.contains(": 4 ideas, 1 new theme, 1 connector"), "{out}");
    let board = storage::load(&env.path("obsidian.moodboard.ron")).unwrap().board;
    assert_eq!(board.connectors.len(), 1);
    let c = &board.connectors[0];
    let text_of = |end: &End| match end {
        End::Card(id) => board.item(id).unwrap().kind.summary(),
        End::Frame(id) => board.theme(id).unwrap().name.clone(),
    };
    assert!(text_of(&c.from).contains("_site/logo.svg"), "from the logo: {}", text_of(&c.from));
    assert!(text_of(&c.to).starts_with("Learn more"), "to the text: {}", text_of(&c.to));
    assert_eq!(c.heads, Heads::End, "JSON Canvas's default: an arrow at the end");
    assert!(board.shows_connector(c));

    env.ok(&["new", "public"]);
    let out = env.ok(&["import", "public.moodboard.ron", "public-sample.canvas"]);
    assert!(out.contains(": 3 ideas, no new themes, 3 connectors"), "{out}");
    let board = storage::load(&env.path("public.moodboard.ron")).unwrap().board;
    let mut labels: Vec<&str> = board.connectors.iter().map(|c| c.label.as_str()).collect();
    labels.sort();
    assert_eq!(labels, ["Connection 1", "Connection 2", "Connection 3"]);

    // Out again: every connector an edge between the exported nodes, with its label.
    env.ok(&["export", "public.moodboard.ron", "--format", "canvas", "-o", "again.canvas"]);
    let canvas: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(env.path("again.canvas")).unwrap()).unwrap();
    let nodes: std::collections::HashSet<&str> =
        canvas["nodes"].as_array().unwrap().iter().map(|n| n["id"].as_str().unwrap()).collect();
    let edges = canvas["edges"].as_array().unwrap();
    assert_eq!(edges.len(), 3);
    for edge in edges {
        assert!(nodes.contains(edge["fromNode"].as_str().unwrap()) && nodes.contains(edge["toNode"].as_str().unwrap()));
        assert!(edge["label"].as_str().unwrap().starts_with("Connection"));
        assert!(edge.get("toEnd").is_none(), "an arrow at the end is the format's default");
        assert!(["left", "right", "top", "bottom"].contains(&edge["fromSide"].as_str().unwrap()));
    }
}

/// Edges a stranger's canvas may hold: to nodes it does not have, from a node to itself,
/// to a group, arrows only at the start, at both ends or none, labels of many lines and
/// far too long, and a label that is not text at all.
#[test]
fn hostile_canvas_edges_are_left_out_named_or_mended() {
    use moodboard::model::{End, Heads};
    let env = Env::new();
    env.ok(&["new", "dst"]);
    let long = "y".repeat(500);
    let canvas = format!(
        r#"{{"nodes":[
            {{"id":"g","type":"group","x":-50,"y":-50,"width":900,"height":400,"label":"Cluster"}},
            {{"id":"a","type":"text","text":"Alpha","x":0,"y":0,"width":200,"height":100}},
            {{"id":"b","type":"text","text":"Beta","x":400,"y":0,"width":200,"height":100}},
            {{"id":"c","type":"text","text":"Gamma","x":0,"y":900,"width":200,"height":100}}],
          "edges":[
            {{"id":"missing","fromNode":"a","toNode":"nowhere"}},
            {{"id":"no-ends"}},
            {{"id":"self","fromNode":"a","toNode":"a"}},
            {{"id":"to-group","fromNode":"c","toNode":"g","label":"belongs\nthere"}},
            {{"id":"backwards","fromNode":"a","toNode":"b","fromEnd":"arrow","toEnd":"none"}},
            {{"id":"both","fromNode":"b","toNode":"c","fromEnd":"arrow","label":"{long}"}},
            {{"id":"plain","fromNode":"c","toNode":"a","toEnd":"none"}}]}}"#
    );
    std::fs::write(env.path("edges.canvas"), canvas).unwrap();
    let out = env.run(&["import", "dst.moodboard.ron", "edges.canvas"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("edge missing: it joins \"nowhere\", which is not a node of this canvas; left out"), "{err}");
    assert!(err.contains("edge no-ends: it joins \"\""), "{err}");
    assert!(err.contains("edge self: it goes from \"a\" to itself; left out"), "{err}");
    let board = storage::load(&env.path("dst.moodboard.ron")).unwrap().board;
    let name = |end: &End| match end {
        End::Card(id) => board.item(id).unwrap().kind.summary(),
        End::Frame(id) => format!("frame {}", board.theme(id).unwrap().name),
    };
    let mut seen: Vec<(String, String, Heads, usize)> =
        board.connectors.iter().map(|c| (name(&c.from), name(&c.to), c.heads, c.label.chars().count())).collect();
    seen.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
    assert_eq!(
        seen,
        vec![
            ("Beta".into(), "Alpha".into(), Heads::End, 0),
            ("Beta".into(), "Gamma".into(), Heads::Both, 200),
            ("Gamma".into(), "Alpha".into(), Heads::None, 0),
            ("Gamma".into(), "frame Cluster".into(), Heads::End, "belongs there".len()),
        ]
    );
    assert!(board.connectors.iter().all(|c| !c.label.contains('\n')));
    std::fs::write(
        env.path("numbers.canvas"),
        r#"{"nodes":[],"edges":[{"id":"e","fromNode":"a","toNode":"b","label":7}]}"#,
    )
    .unwrap();
    let said = env.fails(&["import", "dst.moodboard.ron", "numbers.canvas"]);
    assert!(said.contains("numbers.canvas:1:"), "{said}");
}
