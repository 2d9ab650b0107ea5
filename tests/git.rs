//! Boards kept in git: two branches that each changed a board merge with the
//! `moodboard merge-driver` configured, and the result holds both sides' ideas;
//! `moodboard show` as a textconv makes diffs readable.

use std::path::Path;
use std::process::Command;

mod common;
use common::Env;

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "init.defaultBranch=main"])
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr)
}

#[test]
fn two_branches_that_changed_a_board_merge_with_both_sides_ideas() {
    let env = Env::new();
    let dir = env.dir.path();
    let exe = env!("CARGO_BIN_EXE_moodboard");
    git(dir, &["init", "-q"]);
    // The two lines of setup README gives (with this build's binary).
    git(dir, &["config", "merge.moodboard.driver", &format!("{exe} merge-driver %O %A %B")]);
    git(dir, &["config", "diff.moodboard.textconv", &format!("{exe} show")]);
    std::fs::write(env.path(".gitattributes"), "*.moodboard.ron merge=moodboard diff=moodboard\n").unwrap();
    // The app's own backup of the previous save is not history to keep.
    std::fs::write(dir.join(".gitignore"), "*.moodboard.ron.bak\n").unwrap();
    env.ok(&["new", "kitchen", "--title", "Kitchen ideas"]);
    env.ok(&["add", "kitchen", "--note", "Open shelves", "--theme", "Storage"]);
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-qm", "a board"]);

    git(dir, &["checkout", "-qb", "ann"]);
    env.ok(&["add", "kitchen", "--note", "Ann: a window seat", "--as", "Ann"]);
    env.ok(&["remove", "kitchen", "--matching", "Open shelves"]);
    git(dir, &["commit", "-qam", "Ann's ideas"]);

    git(dir, &["checkout", "-q", "main"]);
    env.ok(&["add", "kitchen", "--note", "Bob: copper pans on the wall", "--as", "Bob", "--theme", "Storage"]);
    git(dir, &["commit", "-qam", "Bob's ideas"]);

    // As text the two would conflict; with the driver they merge.
    let merged = git(dir, &["merge", "--no-edit", "ann"]);
    assert!(merged.contains("moodboard: merged"), "{merged}");
    let shown = env.ok(&["show", "kitchen"]);
    assert!(shown.contains("Ann: a window seat") && shown.contains("Bob: copper pans on the wall"), "{shown}");
    assert!(!shown.contains("Open shelves"), "Ann's deletion is kept: {shown}");
    env.ok(&["check", "kitchen"]);
    assert!(git(dir, &["status", "--porcelain"]).trim().is_empty(), "nothing left unmerged");

    // Diffs read as the board, not as RON.
    let diff = git(dir, &["show", "HEAD~1", "--", "kitchen.moodboard.ron"]);
    assert!(diff.contains("+  note    Bob: copper pans on the wall"), "{diff}");
}
