//! The recipe for a new kind of idea (docs/ARCHITECTURE.md) holds: a copy of the source
//! with only what the recipe names added (the kind's file `tests/kind_recipe/sticker.rs`,
//! one line in `kinds!`, its messages in both `.ftl` files and a note in
//! docs/FORMAT.md) builds, and there the new kind's own tests pass (the command line, the
//! app's command and form in a window, the join page, the exports, the file format), as
//! do the laws every kind keeps (`src/model/kinds/tests.rs`).
//!
//! It builds the copy with cargo, in a target folder of its own under cargo's folder for
//! tests' files (kept between runs, so only the first run builds everything).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

const RECIPE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/kind_recipe");

/// Every file under `dir`, as paths relative to it.
fn files(dir: &Path) -> BTreeSet<PathBuf> {
    let mut found = BTreeSet::new();
    let mut todo = vec![dir.to_owned()];
    while let Some(at) = todo.pop() {
        for entry in std::fs::read_dir(&at).unwrap().map(Result::unwrap) {
            let path = entry.path();
            if entry.file_type().unwrap().is_dir() {
                todo.push(path);
            } else {
                found.insert(path.strip_prefix(dir).unwrap().to_owned());
            }
        }
    }
    found
}

fn copy_tree(from: &Path, to: &Path) {
    for file in files(from) {
        let target = to.join(&file);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(from.join(&file), target).unwrap();
    }
}

fn append(path: &Path, text: &str) {
    let mut all = std::fs::read_to_string(path).unwrap();
    all.push_str(text);
    std::fs::write(path, all).unwrap();
}

#[test]
fn a_new_kind_needs_only_what_the_recipe_names() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let work = tempfile::tempdir().unwrap();
    let copy = work.path().join("moodboard");
    // What building the library and its tests reads.
    for dir in ["src", "assets", "benches", "docs"] {
        copy_tree(&root.join(dir), &copy.join(dir));
    }
    for file in ["Cargo.toml", "Cargo.lock", "README.md", "rustfmt.toml"] {
        std::fs::copy(root.join(file), copy.join(file)).unwrap();
    }
    let before: Vec<(PathBuf, Vec<u8>)> =
        files(&copy).into_iter().map(|f| (f.clone(), std::fs::read(copy.join(&f)).unwrap())).collect();

    // The recipe: the kind's file, one line that registers it, its messages, a format note.
    let recipe = Path::new(RECIPE);
    std::fs::copy(recipe.join("sticker.rs"), copy.join("src/model/kinds/sticker.rs")).unwrap();
    let registry = copy.join("src/model/kinds/mod.rs");
    let text = std::fs::read_to_string(&registry).unwrap();
    let list = text.find("\nkinds! {\n").expect("the registry of kinds") + "\nkinds! {\n".len();
    let end = list + text[list..].find("\n}\n").expect("the end of the registry") + 1;
    std::fs::write(&registry, format!("{}    sticker::Sticker,\n{}", &text[..end], &text[end..])).unwrap();
    append(&copy.join("assets/i18n/en.ftl"), &std::fs::read_to_string(recipe.join("en.ftl")).unwrap());
    append(&copy.join("assets/i18n/nl.ftl"), &std::fs::read_to_string(recipe.join("nl.ftl")).unwrap());
    append(&copy.join("docs/FORMAT.md"), &std::fs::read_to_string(recipe.join("FORMAT.md")).unwrap());

    // Nothing else was touched, and the registry by one line.
    let changed: BTreeSet<PathBuf> = files(&copy)
        .into_iter()
        .filter(|f| {
            before.iter().find(|(p, _)| p == f).is_none_or(|(_, bytes)| *bytes != std::fs::read(copy.join(f)).unwrap())
        })
        .collect();
    let expected: BTreeSet<PathBuf> = [
        "src/model/kinds/sticker.rs",
        "src/model/kinds/mod.rs",
        "assets/i18n/en.ftl",
        "assets/i18n/nl.ftl",
        "docs/FORMAT.md",
    ]
    .into_iter()
    .map(PathBuf::from)
    .collect();
    assert_eq!(changed, expected);
    let old_registry = &before.iter().find(|(p, _)| p == Path::new("src/model/kinds/mod.rs")).unwrap().1;
    let added = std::fs::read_to_string(&registry).unwrap().lines().count()
        - String::from_utf8_lossy(old_registry).lines().count();
    assert_eq!(added, 1, "one line registers the kind");

    // It builds, and its tests and every kind's laws pass.
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).join("kind-recipe-target");
    let run = Command::new(env!("CARGO"))
        .args(["test", "--locked", "--offline", "--lib", "model::kinds", "--", "--test-threads=2"])
        .current_dir(&copy)
        .env("CARGO_TARGET_DIR", &target)
        // Smaller and quicker to build: no line tables for the copy.
        .env("CARGO_PROFILE_DEV_DEBUG", "false")
        .env_remove("RUSTFLAGS")
        .output()
        .expect("cargo runs");
    let (out, err) = (String::from_utf8_lossy(&run.stdout), String::from_utf8_lossy(&run.stderr));
    assert!(run.status.success(), "the copy with a sticker kind does not pass its tests:\n{out}\n{err}");
    for test in [
        "sticker::tests::the_command_line_adds_it",
        "sticker::tests::the_app_offers_it_in_both_languages",
        "sticker::tests::phones_can_add_it",
        "sticker::tests::exports_files_and_the_canvas_take_it",
        "sticker::tests::the_window_adds_one_from_its_form",
        "kinds::tests::every_word_of_every_kind_is_in_both_languages",
        "kinds::tests::every_kind_draws_writes_and_shows_itself",
    ] {
        assert!(out.contains(&format!("{test} ... ok")), "{test} did not run and pass:\n{out}");
    }
}
