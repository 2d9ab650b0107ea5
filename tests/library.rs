//! The library from the command line: `moodboard boards` and `moodboard search` over the
//! boards folder, run as real processes with their own boards and cache folders.

use std::time::{Duration, Instant};

mod common;
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
    let out = env.ok(&["boards"]);
    let lines: Vec<&str> = out.lines().collect();
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
    assert!(err.contains("there is no kind \"sketchy\"") && err.contains("note"), "{err}");
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
