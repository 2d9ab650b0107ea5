use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

use super::*;

/// Every message of a translation, with the arguments it uses.
fn messages(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
    let resource = fluent_syntax::parser::parse(lang.source())
        .unwrap_or_else(|(_, errors)| panic!("{lang:?}: the .ftl file has mistakes: {errors:?}"));
    let mut found = BTreeMap::new();
    for entry in resource.body {
        match entry {
            Entry::Message(message) => {
                let mut args = BTreeSet::new();
                let value = message.value.unwrap_or_else(|| panic!("{lang:?}: {} has no text", message.id.name));
                pattern_args(&value, &mut args);
                assert!(
                    found.insert(message.id.name.to_owned(), args).is_none(),
                    "{lang:?}: {} twice",
                    message.id.name
                );
            }
            Entry::Junk { content } => panic!("{lang:?}: unreadable: {content}"),
            _ => {}
        }
    }
    found
}

fn pattern_args(pattern: &Pattern<&str>, args: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_args(expression, args);
        }
    }
}

fn expression_args(expression: &Expression<&str>, args: &mut BTreeSet<String>) {
    match expression {
        Expression::Inline(inline) => inline_args(inline, args),
        Expression::Select { selector, variants } => {
            inline_args(selector, args);
            for variant in variants {
                pattern_args(&variant.value, args);
            }
        }
    }
}

fn inline_args(inline: &InlineExpression<&str>, args: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            args.insert(id.name.to_owned());
        }
        InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_args(argument, args);
            }
        }
        InlineExpression::Placeable { expression } => expression_args(expression, args),
        _ => {}
    }
}

#[test]
fn both_languages_have_every_message_with_the_same_arguments() {
    let english = messages(Lang::En);
    let dutch = messages(Lang::Nl);
    let only_english: Vec<_> = english.keys().filter(|k| !dutch.contains_key(*k)).collect();
    let only_dutch: Vec<_> = dutch.keys().filter(|k| !english.contains_key(*k)).collect();
    assert!(only_english.is_empty(), "missing in nl.ftl: {only_english:?}");
    assert!(only_dutch.is_empty(), "missing in en.ftl: {only_dutch:?}");
    for (id, args) in &english {
        assert_eq!(args, &dutch[id], "{id} takes other arguments in Dutch than in English");
    }
    assert!(english.len() > 300, "only {} messages", english.len());
}

/// Every `tr!("…")` in the source names a message that exists.
#[test]
fn every_text_the_code_asks_for_exists() {
    let english = messages(Lang::En);
    let mut asked = 0;
    let mut missing = Vec::new();
    for path in rust_files(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src"))) {
        let text = std::fs::read_to_string(&path).unwrap();
        for (at, _) in text.match_indices("tr!(\"") {
            // Not the end of another macro's name (`include_str!("…")`).
            if text[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let rest = &text[at + 5..];
            let id = &rest[..rest.find('"').unwrap()];
            asked += 1;
            if !english.contains_key(id) {
                missing.push(format!("{}: {id}", path.display()));
            }
        }
    }
    assert!(missing.is_empty(), "no such message: {missing:#?}");
    assert!(asked > 300, "only {asked} texts found in the source");
}

fn rust_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("i18n/tests.rs") {
            files.push(path);
        }
    }
    files
}

#[test]
fn a_missing_message_falls_back_to_english_then_to_its_id() {
    assert_eq!(lookup(Lang::Nl, "no-such-message", None), None);
    assert_eq!(format(Lang::Nl, "no-such-message", None), "no-such-message");
    assert_eq!(format(Lang::Nl, "menu-file", None), "Bestand");
    assert_eq!(format(Lang::En, "menu-file", None), "File");
}

#[test]
fn plurals_and_numbers_follow_the_language() {
    let things = |lang, count: usize| {
        let mut args = FluentArgs::new();
        args.set("count", count);
        format(lang, "status-items", Some(&args))
    };
    assert_eq!(things(Lang::En, 1), "1 item");
    assert_eq!(things(Lang::En, 3), "3 items");
    assert_eq!(things(Lang::Nl, 1), "1 idee");
    assert_eq!(things(Lang::Nl, 3), "3 ideeën");
    // Dutch separates thousands with a point and decimals with a comma.
    assert_eq!(things(Lang::Nl, 12500), "12.500 ideeën");
    assert_eq!(things(Lang::Nl, 1_234_567), "1.234.567 ideeën");
    assert_eq!(things(Lang::Nl, 999), "999 ideeën");
    assert_eq!(things(Lang::En, 12500), "12500 items");
    let size = |lang, w: f64, megapixels: f64| {
        let mut args = FluentArgs::new();
        args.set("w", w);
        args.set("h", 3000);
        args.set("side", 16384);
        args.set("megapixels", megapixels);
        format(lang, "error-image-too-large", Some(&args))
    };
    assert!(size(Lang::Nl, 20000.0, 2.5).starts_with("20.000 × 3.000 "), "{}", size(Lang::Nl, 20000.0, 2.5));
    assert!(size(Lang::Nl, 20000.0, 2.5).contains("16.384") && size(Lang::Nl, 1.0, 2.5).contains("2,5"));
    assert!(size(Lang::En, 20000.0, 2.5).starts_with("20000 × 3000 ") && size(Lang::En, 1.0, 2.5).contains("2.5"));
    assert_eq!(dutch_digits("-12345.25"), "-12.345,25");
    assert_eq!(dutch_digits("100"), "100");
    assert_eq!(dutch_digits("1000"), "1.000");
}

#[test]
fn each_thread_keeps_its_own_language() {
    // On threads of its own: tests share the process, and others read English.
    std::thread::spawn(|| {
        set_language(Lang::Nl);
        assert_eq!(tr("menu-edit"), "Bewerken");
        std::thread::spawn(|| {
            set_language(Lang::En);
            assert_eq!(tr("menu-edit"), "Edit");
        })
        .join()
        .unwrap();
        assert_eq!(tr("menu-edit"), "Bewerken", "another thread's switch does not change this one's");
        assert_eq!(tr!("status-items", count = 2usize), "2 ideeën");
    })
    .join()
    .unwrap();
}

#[test]
fn the_system_language_is_read_as_gettext_reads_it() {
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |name: &str| pairs.iter().find(|(n, _)| *n == name).map(|(_, v)| (*v).to_owned())
    };
    assert_eq!(language_from_env(env(&[])), None, "nothing set: ask the OS");
    assert_eq!(language_from_env(env(&[("LANG", "nl_NL.UTF-8")])), Some(Lang::Nl));
    assert_eq!(language_from_env(env(&[("LANG", "nl_BE.UTF-8"), ("LC_MESSAGES", "en_GB.UTF-8")])), Some(Lang::En));
    assert_eq!(language_from_env(env(&[("LC_ALL", "nl_NL@euro"), ("LANG", "en_US.UTF-8")])), Some(Lang::Nl));
    assert_eq!(language_from_env(env(&[("LANGUAGE", "fy:nl:en"), ("LANG", "en_US.UTF-8")])), Some(Lang::Nl));
    assert_eq!(language_from_env(env(&[("LANGUAGE", "nl"), ("LANG", "C")])), Some(Lang::En), "C turns LANGUAGE off");
    assert_eq!(language_from_env(env(&[("LANG", "de_DE.UTF-8")])), Some(Lang::En));
    assert_eq!(language_from_env(env(&[("LANG", ""), ("LC_ALL", " ")])), None);
    assert_eq!(Lang::from_locale("nl-NL"), Some(Lang::Nl));
    assert_eq!(Lang::from_locale("NL"), Some(Lang::Nl));
    assert_eq!(Lang::from_locale("POSIX"), None);
}

/// Issue 31: what the command line prints and the words an export adds come from the
/// Fluent files, never from English in the code. Every string literal the command line
/// and the HTML, Markdown and PNG exports write, format or fail with (outside their
/// tests) may hold markup, placeholders and signs, but no word; the few fixed words
/// scripts read (`join:`, `ticket:`, `board:`) are named here.
#[test]
fn the_command_line_and_the_exports_write_no_english_of_their_own() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = rust_files(&root.join("src/cli"));
    files.push(root.join("src/cli.rs"));
    files.push(root.join("src/main.rs"));
    for export in ["html", "markdown", "png", "mod"] {
        files.push(root.join(format!("src/export/{export}.rs")));
    }
    const READ_BY_SCRIPTS: [&str; 3] = ["join: {url}", "ticket: {}", "board: {}"];
    const WRITERS: [&str; 7] = ["writeln!(", "write!(", "bail!(", "anyhow!(", "format!(", "push_str(", "with_context("];
    let ids = messages(Lang::En);
    let mut english = Vec::new();
    let mut looked = 0;
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap();
        for (n, line) in code.lines().enumerate() {
            // An escaped quote inside a literal is part of it (`<a href=\"…\">`).
            let line = line.trim().replace("\\\"", "'");
            if line.starts_with("//") || line.starts_with("///") || line.starts_with("#[") {
                continue;
            }
            // JSON's keys are the fields of a documented output, not words for people.
            if line.contains("json!(") {
                continue;
            }
            let Some(at) = WRITERS.iter().filter_map(|w| line.find(w)).min() else { continue };
            let line = line.as_str();
            for literal in line[at..].split('"').skip(1).step_by(2) {
                looked += 1;
                if READ_BY_SCRIPTS.contains(&literal) || ids.contains_key(literal) {
                    continue;
                }
                let bare = strip_between(&strip_between(&strip_between(literal, '<', '>'), '{', '}'), '&', ';');
                let word = bare.split(|c: char| !c.is_ascii_alphabetic()).any(|w| w.len() >= 3);
                if word {
                    english.push(format!("{}:{}: {literal:?}", path.display(), n + 1));
                }
            }
        }
    }
    assert!(english.is_empty(), "words written in the code, not the Fluent files: {english:#?}");
    assert!(looked > 100, "only {looked} literals looked at");
}

/// `text` without what stands between `open` and `close` (tags, placeholders, entities).
fn strip_between(text: &str, open: char, close: char) -> String {
    let mut kept = String::new();
    let mut inside = false;
    for c in text.chars() {
        match c {
            c if c == open => inside = true,
            c if c == close && inside => inside = false,
            c if !inside => kept.push(c),
            _ => {}
        }
    }
    kept
}
