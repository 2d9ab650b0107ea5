//! The `moodboard` command line as scripts and people use it, run as a real process.

use std::path::{Path, PathBuf};
use std::process::Command;

mod common;
use common::Env;

fn image(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/welcome").join(name)
}

#[test]
fn new_add_show_remove() {
    let env = Env::new();
    let out = env.ok(&["new", "kitchen", "--title", "Kitchen ideas", "--goal", "A warmer kitchen"]);
    assert!(out.contains("kitchen.moodboard.ron"), "{out}");
    let board = "kitchen.moodboard.ron";
    env.ok(&[
        "add",
        board,
        "--note",
        "Open shelves",
        "--theme",
        "Storage",
        "--as",
        "Ann",
        "--source",
        "customer",
        "--tag",
        "cheap",
    ]);
    env.ok(&["add", board, "--quote", "Less, but better", "--by", "Dieter Rams"]);
    env.ok(&[
        "add",
        board,
        "--link",
        "https://example.com/tiles",
        "--title",
        "Tiles",
        "--theme",
        "Surfaces",
        "--offline",
    ]);
    env.ok(&["add", board, "--color", "#e4b363", "--theme", "Surfaces"]);
    let image_out =
        env.ok(&["add", "kitchen", "--image", image("coffee.png").to_str().unwrap(), "--theme", "Surfaces"]);
    assert!(image_out.contains("added image"), "{image_out}");

    let shown = env.ok(&["show", board]);
    let goals = shown.find("A warmer kitchen").expect("goals shown");
    let storage = shown.find("Storage (1 item)").expect("theme with count");
    let surfaces = shown.find("Surfaces (3 items)").expect("second theme");
    let unsorted = shown.find("Unsorted (1 item)").expect("unsorted last");
    assert!(goals < storage && storage < surfaces && surfaces < unsorted, "{shown}");
    assert!(shown.contains("Open shelves") && shown.contains("Ann · customer · #cheap"), "{shown}");
    assert!(shown.contains("#E4B363"), "{shown}");

    let with_ids = env.ok(&["show", board, "--ids"]);
    let line = with_ids.lines().find(|l| l.contains("Less, but better")).unwrap();
    let id = line.split_whitespace().next().unwrap();
    let removed = env.ok(&["remove", board, id]);
    assert!(removed.contains("removed") && removed.contains("Less, but better"), "{removed}");
    let removed = env.ok(&["remove", board, "--matching", "shelves"]);
    assert!(removed.contains("Open shelves"), "{removed}");
    let shown = env.ok(&["show", board]);
    assert!(!shown.contains("Less, but better") && !shown.contains("Open shelves"), "{shown}");
    env.ok(&["check", board]);
}

#[test]
fn the_same_image_is_stored_once() {
    let env = Env::new();
    env.ok(&["new", "b"]);
    let cat = image("chelsea.png");
    env.ok(&["add", "b", "--image", cat.to_str().unwrap()]);
    env.ok(&["add", "b", "--image", cat.to_str().unwrap()]);
    let files: Vec<_> = std::fs::read_dir(env.path("b.assets")).unwrap().collect();
    assert_eq!(files.len(), 1);
    assert_eq!(env.ok(&["show", "b"]).matches("image").count(), 2);
}

#[test]
fn mistakes_get_specific_errors_and_change_nothing() {
    let env = Env::new();
    env.ok(&["new", "b"]);
    let before = std::fs::read(env.path("b.moodboard.ron")).unwrap();
    let err = env.fails(&["add", "nope", "--note", "x"]);
    assert!(err.contains("nope") && err.contains("no such board"), "{err}");
    let err = env.fails(&["add", "b", "--color", "reddish"]);
    assert!(err.contains("reddish"), "{err}");
    std::fs::write(env.path("fake.png"), "not a picture").unwrap();
    let err = env.fails(&["add", "b", "--image", "fake.png"]);
    assert!(err.contains("fake.png"), "{err}");
    let err = env.fails(&["add", "b", "--note", "   "]);
    assert!(err.contains("empty"), "{err}");
    let err = env.fails(&["remove", "b", "0123456789abcdef"]);
    assert!(err.contains("0123456789abcdef"), "{err}");
    let err = env.fails(&["add", "b", "--note", "x", "--quote", "y"]);
    assert!(err.starts_with("error:"), "{err}");
    let err = env.fails(&["new", "b"]);
    assert!(err.contains("there is a board with this name already"), "{err}");
    assert_eq!(std::fs::read(env.path("b.moodboard.ron")).unwrap(), before, "the board is untouched");
}

#[test]
fn decompression_bombs_are_refused_once_with_a_reason() {
    let env = Env::new();
    env.ok(&["new", "b"]);
    // A 60 000 × 60 000 GIF in 32 bytes.
    let mut gif = b"GIF89a".to_vec();
    let side = 60_000u16.to_le_bytes();
    gif.extend([side[0], side[1], side[0], side[1], 0, 0, 0, 0x2c, 0, 0, 0, 0, side[0], side[1], side[0], side[1], 0]);
    gif.extend([2, 2, 0x44, 1, 0, 0x3b]);
    std::fs::write(env.path("bomb.gif"), gif).unwrap();
    let err = env.fails(&["add", "b", "--image", "bomb.gif"]);
    assert!(err.contains("bomb.gif") && err.contains("too large"), "{err}");
    assert_eq!(err.matches("too large").count(), 1, "said once: {err}");
    assert!(!err.contains("0 × 0"), "{err}");
    assert!(!env.path("b.assets").exists() || std::fs::read_dir(env.path("b.assets")).unwrap().next().is_none());
}

#[test]
fn a_board_from_a_newer_version_is_refused_with_a_reason() {
    let env = Env::new();
    env.ok(&["new", "b"]);
    let path = env.path("b.moodboard.ron");
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace(&format!("version: {},", moodboard::model::FORMAT_VERSION), "version: 99,");
    std::fs::write(&path, text).unwrap();
    let err = env.fails(&["show", "b"]);
    assert!(err.contains("newer Moodboard") && err.contains("99"), "{err}");
}

#[test]
fn concurrent_adds_all_land() {
    let env = Env::new();
    env.ok(&["new", "b"]);
    let children: Vec<_> = (0..8)
        .map(|i| {
            Command::new(env!("CARGO_BIN_EXE_moodboard"))
                .args(["add", "b", "--note", &format!("idea number {i}")])
                .current_dir(env.dir.path())
                .env("MOODBOARD_CONFIG_DIR", env.path("config"))
                .stdout(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut child in children {
        assert!(child.wait().unwrap().success());
    }
    let shown = env.ok(&["show", "b"]);
    for i in 0..8 {
        assert!(shown.contains(&format!("idea number {i}")), "lost idea {i}: {shown}");
    }
}

#[test]
fn a_failed_save_leaves_the_board_on_disk_intact() {
    let env = Env::new();
    env.ok(&["new", "b"]);
    for i in 0..30 {
        env.ok(&["add", "b", "--note", &format!("a long enough note to make the file grow, number {i}")]);
    }
    let path = env.path("b.moodboard.ron");
    let before = std::fs::read(&path).unwrap();
    assert!(before.len() > 8 * 1024);
    // Files may grow to only a few KiB for this process, so the save cannot be written.
    let script =
        format!("trap '' XFSZ; ulimit -f 8; exec '{}' add b --note 'one more'", env!("CARGO_BIN_EXE_moodboard"));
    let out = Command::new("sh")
        .args(["-c", &script])
        .current_dir(env.dir.path())
        .env("MOODBOARD_CONFIG_DIR", env.path("config"))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "the save should fail: {err}");
    assert!(err.contains("b.moodboard.ron"), "names the file: {err}");
    assert_eq!(std::fs::read(&path).unwrap(), before, "the board on disk is unchanged");
    let leftovers: Vec<_> = std::fs::read_dir(env.dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "no temp files left: {leftovers:?}");
}

#[test]
fn lens_prints_the_mix_and_warns_when_one_lens_dominates() {
    let env = Env::new();
    env.ok(&["new", "b"]);
    for (note, who, source) in [
        ("Open shelves", "Ann", "own team"),
        ("Warm light", "Ann", "own team"),
        ("Louder music", "Bo", "own team"),
        ("Quieter corner", "Kim", "customer"),
    ] {
        env.ok(&["add", "b", "--note", note, "--as", who, "--source", source]);
    }
    let out = env.ok(&["lens", "b", "--perspective", "customer", "--perspective", "competitor"]);
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines.contains(&"4 ideas"), "{out}");
    assert!(lines.contains(&"source own team: 75% (3)"), "{out}");
    assert!(lines.contains(&"source customer: 25% (1)"), "{out}");
    assert!(lines.contains(&"contributor Ann: 50% (2)"), "{out}");
    assert!(lines.contains(&"contributor Bo: 25% (1)") && lines.contains(&"contributor Kim: 25% (1)"), "{out}");
    assert!(lines.contains(&"outside-in: 25%"), "{out}");
    assert!(lines.contains(&"warning: 75% of ideas come from own team: one lens dominates."), "{out}");
    assert!(lines.contains(&"look next: Nothing from competitor yet."), "{out}");
    assert!(!out.contains("Nothing from customer"), "{out}");
}

#[test]
fn prompt_prints_one_from_the_deck_in_either_language() {
    let env = Env::new();
    let en = env.ok(&["prompt"]);
    assert_eq!(en.lines().count(), 1, "{en}");
    assert!(moodboard::prompts::deck(moodboard::prompts::Lang::En).contains(&en.trim()), "{en}");
    let nl = env.ok(&["prompt", "--lang", "nl"]);
    assert!(moodboard::prompts::deck(moodboard::prompts::Lang::Nl).contains(&nl.trim()), "{nl}");
    let err = env.fails(&["prompt", "--lang", "fr"]);
    assert!(err.contains("fr") && err.contains("en") && err.contains("nl"), "{err}");
}

#[test]
fn show_prints_dots_reactions_replies_and_the_session_outcome() {
    use moodboard::model::{
        Answer, Board, Item, ItemKind, Pos, Reaction, Response, ResponseId, Timestamp, Vote, VoteId,
    };
    let env = Env::new();
    let now = Timestamp::now();
    let mut board = Board::new("Session", now);
    let item = Item::new(ItemKind::note("Window seats"), Pos::new(0.0, 0.0), "Ann", "own team", now);
    let id = item.id.clone();
    board.items.push(item);
    board.votes.push(Vote { id: VoteId::new_random(), item: id.clone(), by: "Bo".into(), at: now });
    let reply = |answer| Response { id: ResponseId::new_random(), item: id.clone(), by: "Kim".into(), answer, at: now };
    board.responses = vec![reply(Answer::Reaction(Reaction::Like)), reply(Answer::Reply("Cushions too".into()))].into();
    board.responses.sort_by(|a, b| a.id.cmp(&b.id));
    moodboard::storage::create(&env.path("s.moodboard.ron"), &board).unwrap();
    let out = env.ok(&["show", "s"]);
    assert!(out.contains("      1 dot · ♥ Like 1\n"), "{out}");
    assert!(out.contains("      Kim: Cushions too\n"), "{out}");
    assert!(out.contains("Most dots: Window seats (1 dot)"), "{out}");
    assert!(out.contains("1 of 1 idea answered"), "{out}");
}

#[test]
fn arrange_packs_the_frames_into_a_window_shaped_board() {
    let env = Env::new();
    env.ok(&["new", "wide"]);
    let b = "wide.moodboard.ron";
    // Six themes added from the terminal, each frame placed where there was room.
    for theme in ["Light", "Sound", "Touch", "Smell", "Taste", "Time"] {
        for n in 0..3 {
            env.ok(&["add", b, "--note", &format!("{theme} idea {n}"), "--theme", theme]);
        }
    }
    env.ok(&["add", b, "--note", "Loose idea"]);
    let before = moodboard::storage::load(&env.path(b)).unwrap().board;
    let out = env.ok(&["arrange", b]);
    assert!(out.starts_with("arranged 6 frames and moved "), "{out}");
    let after = moodboard::storage::load(&env.path(b)).unwrap().board;
    moodboard::model::frames::check(&after).unwrap();
    assert_eq!(after.items.len(), before.items.len());
    let bounds = after.bounds().unwrap();
    let aspect = bounds.width() / bounds.height();
    assert!((1.0..=2.6).contains(&aspect), "about 16:10, not a strip: {aspect} ({bounds:?})");
    assert!(moodboard::model::frames::cards_overlap(&after).is_none());
    // Arranged again, nothing moves.
    let again = env.ok(&["arrange", b]);
    assert!(again.contains("moved 0 cards"), "{again}");
    let missing = env.fails(&["arrange", "nowhere"]);
    assert!(missing.contains("no such board"), "{missing}");
}

/// `add --image A B C …` imports the files on all cores in one go: the cards keep the
/// order given, and a file that cannot be read is refused on its own, named, while the
/// others are added under one lock of the board.
#[test]
fn many_images_in_one_add_keep_their_order_and_refuse_only_the_bad_one() {
    let env = Env::new();
    env.ok(&["new", "b"]);
    let mut args: Vec<String> = vec!["add".into(), "b".into(), "--image".into()];
    let mut expected = Vec::new();
    for (n, name) in ["coffee.png", "chelsea.png", "rocket.jpg"].iter().cycle().take(9).enumerate() {
        // Each a different file (one byte appended after the image data), so each is its own asset.
        let mut bytes = std::fs::read(image(name)).unwrap();
        bytes.extend_from_slice(&[n as u8]);
        let file = env.path(&format!("{n}-{name}"));
        std::fs::write(&file, bytes).unwrap();
        args.push(file.to_str().unwrap().to_owned());
        expected.push(format!("{n}-{name}"));
        if n == 4 {
            std::fs::write(env.path("broken.jpg"), b"\xFF\xD8\xFF not really").unwrap();
            args.push(env.path("broken.jpg").to_str().unwrap().to_owned());
        }
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let err = env.fails(&args);
    assert!(err.contains("broken.jpg"), "the refused file is named: {err}");
    assert!(err.contains("1 of 10 images not added"), "{err}");
    let board = moodboard::storage::load(&env.path("b.moodboard.ron")).unwrap().board;
    let mut added: Vec<(i64, String)> = board
        .items
        .iter()
        .filter_map(|i| match &i.kind {
            moodboard::model::ItemKind::Image(moodboard::model::kinds::Image { file_name, .. }) => {
                Some((i.z, file_name.clone()))
            }
            _ => None,
        })
        .collect();
    added.sort();
    let names: Vec<String> = added.into_iter().map(|(_, n)| n).collect();
    assert_eq!(names, expected, "every good file, in the order given");
}

/// A mistyped command is named as one, with the nearest command, and opens no window on
/// a board that is not there (issue 31); a board's name still opens it.
#[test]
fn a_mistyped_command_is_named_and_opens_no_window() {
    let env = Env::new();
    let run = |args: &[&str]| {
        // No display: had the app been started, it would fail on its own, not with this.
        let out = env.command(args).env_remove("DISPLAY").env_remove("WAYLAND_DISPLAY").output().unwrap();
        assert!(!out.status.success(), "{args:?}");
        String::from_utf8(out.stderr).unwrap()
    };
    let err = run(&["frobnicate"]);
    assert!(err.starts_with("error: `frobnicate` is not a command, and there is no board"), "{err}");
    assert!(err.contains("moodboard new frobnicate") && err.lines().count() == 1, "{err}");
    let err = run(&["nwe"]);
    assert!(err.contains("did you mean `moodboard new`?"), "{err}");
    let err = run(&["Exprot"]);
    assert!(err.contains("did you mean `moodboard export`?"), "{err}");
    // A board of that name is a board, not a mistake: the app is asked to open it (and,
    // with no display here, says it cannot).
    env.ok(&["new", "kitchen"]);
    let err = run(&["kitchen"]);
    assert!(!err.contains("is not a command"), "{err}");
}

/// `new` on a board that is there says so once, plainly, and leaves it; a link's
/// address must be a web address, and a bare host becomes one (issue 31).
#[test]
fn new_refuses_a_name_taken_and_add_refuses_a_link_that_is_no_address() {
    let env = Env::new();
    env.ok(&["new", "kit", "--goal", "Keep this"]);
    let before = std::fs::read(env.path("kit.moodboard.ron")).unwrap();
    let err = env.fails(&["new", "kit"]);
    assert_eq!(
        err.trim(),
        "error: kit.moodboard.ron: there is a board with this name already, and it was left as it is; open it, or choose another name"
    );
    assert_eq!(std::fs::read(env.path("kit.moodboard.ron")).unwrap(), before);
    let err = env.fails(&["add", "kit", "--link", "not a url"]);
    assert!(err.contains("“not a url” is not a web address"), "{err}");
    assert_eq!(std::fs::read(env.path("kit.moodboard.ron")).unwrap(), before, "nothing added");
    env.ok(&["add", "kit", "--link", "example.com/menu", "--offline"]);
    let text = std::fs::read_to_string(env.path("kit.moodboard.ron")).unwrap();
    assert!(text.contains("url: \"https://example.com/menu\""), "{text}");
}

/// Issue 31: the command line speaks Dutch when the environment asks for it (LANG and its
/// kin, as gettext reads them), else the language chosen in the app, else English: its
/// reports, its warnings, its errors (the board's own and the library's, said through
/// the same Fluent files as the window), and the exports' own words.
#[test]
fn the_command_line_speaks_the_language_of_its_environment() {
    let env = Env::new();
    let dutch = |args: &[&str]| env.command(args).env("LANG", "nl_NL.UTF-8").output().unwrap();
    let said = |out: &std::process::Output| {
        format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
    };
    let mut all = String::new();
    for args in [
        &["new", "keuken", "--goal", "Een warmere keuken", "--goal", "b", "--goal", "c"][..],
        &["add", "keuken", "--note", "Open planken", "--theme", "Warmte"],
        &["add", "keuken", "--note", "Koperen pannen", "--theme", "Warmte"],
        &["add", "keuken", "--link", "not a url"],
        &["show", "keuken"],
        &["lens", "keuken"],
        &["check", "keuken"],
        &["session", "keuken", "--phase", "vote"],
        &["export", "keuken", "--format", "md"],
        &["remove", "keuken", "--matching", "Koper"],
        &["remove", "keuken", "--matching", "niets hiervan"],
        &["show", "bestaat-niet"],
        &["new", "keuken"],
        &["shwo"],
    ] {
        let out = dutch(args);
        all.push_str(&said(&out));
    }
    for expected in [
        "keuken.moodboard.ron “keuken” gemaakt met 3 doelen",
        "let op: 3 doelen gegeven",
        "in nieuw thema “Warmte”",
        "notitie",
        "toegevoegd aan keuken.moodboard.ron in thema “Warmte”",
        "fout: ",
        "is geen webadres",
        "Doelen\n  1. Een warmere keuken",
        "Warmte (2 ideeën)",
        "2 ideeën\n",
        "in orde: keuken.moodboard.ron",
        "stap: vote · privé verzamelen: off",
        "keuken.moodboard.ron geëxporteerd als Markdown naar ./keuken.md",
        "notitie",
        "verwijderd: Koperen pannen",
        "geen idee op keuken.moodboard.ron bevat “niets hiervan”; niets verwijderd",
        "bestaat-niet: dit bord bestaat niet",
        "er is al een bord met deze naam",
        "`shwo` is geen opdracht (bedoel je `moodboard show`?)",
    ] {
        assert!(all.contains(expected), "missing {expected:?} in:\n{all}");
    }
    for english in
        ["error:", "warning:", "note:", "added", "removed", "created", "Goals", "items", "Unsorted", " ideas"]
    {
        assert!(!all.contains(english), "{english:?} is English in:\n{all}");
    }
    let md = std::fs::read_to_string(env.path("keuken.md")).unwrap();
    assert!(md.contains("**Doelen**") && md.contains("*Inbrengers: "), "the export speaks Dutch too: {md}");
    assert!(!md.contains("Goals") && !md.contains("Contributors"), "{md}");

    // `C` asks for no translation: English; so does no language at all, unless the app's
    // preferences chose one.
    let out = env.command(&["show", "bestaat-niet"]).env("LANG", "C").output().unwrap();
    assert!(said(&out).starts_with("error: bestaat-niet: no such board"), "{}", said(&out));
    let out = env.command(&["show", "keuken"]).env_remove("LANG").output().unwrap();
    assert!(said(&out).contains("Goals\n"), "{}", said(&out));
    std::fs::create_dir_all(env.path("config")).unwrap();
    std::fs::write(env.path("config/prefs.ron"), "(language: Some(Nl))").unwrap();
    let out = env.command(&["show", "keuken"]).env_remove("LANG").output().unwrap();
    assert!(said(&out).contains("Doelen\n"), "the app's choice, when the environment says nothing: {}", said(&out));
    let out = env.command(&["show", "keuken"]).env("LANG", "en_GB.UTF-8").output().unwrap();
    assert!(said(&out).contains("Goals\n"), "the environment first: {}", said(&out));
}
