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
