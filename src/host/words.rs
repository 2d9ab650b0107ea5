//! The participant page's words, in the participant's language: Dutch or English, from
//! `?lang=` (the page's switch) or else the browser's `Accept-Language`. They come from
//! the same Fluent files as the app's (`page-…` and the session's own messages): the
//! page's markup is filled in on the server, and what its script writes comes along as
//! JSON, a message with a count as its `one` and `other` forms (both languages have just
//! those), for the script to choose with `Intl.PluralRules`.

use serde_json::{Map, Value, json};

use crate::i18n::Lang;

/// Words in the page's markup: `{{id}}` in page.html.
pub const MARKUP: [&str; 22] = [
    "page-title",
    "page-goals",
    "page-join-heading",
    "page-name",
    "page-name-hint",
    "page-join",
    "page-your-idea",
    "page-kind",
    "page-theme",
    "page-no-theme",
    "page-anonymous",
    "page-add",
    "page-photo",
    "page-photo-label",
    "page-ideas",
    "page-language",
    "page-connecting",
    "page-sketch",
    "page-sketch-paper",
    "page-sketch-inks",
    "page-sketch-undo",
    "page-sketch-send",
];

/// Words the page's script writes, without a count.
const SCRIPT: [&str; 34] = [
    "page-your-ideas",
    "page-private-note",
    "page-give-dot",
    "page-give-dot-to",
    "page-take-dot",
    "page-take-dot-from",
    "page-no-dots-left",
    "page-not-now",
    "page-reply",
    "page-reply-to",
    "page-reply-send",
    "page-reply-hint",
    "page-said-by",
    "page-from",
    "page-yours",
    "page-added",
    "page-photo-added",
    "page-sketch-sent",
    "page-sketch-empty",
    "page-sketch-full",
    "page-offline",
    "page-ended",
    "page-step",
    "page-time-left",
    "page-no-theme",
    "page-picture",
    "page-colour",
    "page-locked",
    "page-theme-locked",
    "reaction-build-on",
    "reaction-like",
    "reaction-surprise",
    "reaction-question",
    "page-full",
];

/// Words with a count: `{count}` stands for it.
const COUNTED: [&str; 2] = ["page-dots-left", "page-dots"];

/// The language for a page asked for with `lang` (the switch) and `accept` (the
/// browser's `Accept-Language`): the first of ours the browser prefers, else English.
pub fn language(lang: Option<&str>, accept: Option<&str>) -> Lang {
    if let Some(chosen) = lang.and_then(Lang::from_locale) {
        return chosen;
    }
    let mut offered: Vec<(f32, usize, Lang)> = accept
        .unwrap_or("")
        .split(',')
        .enumerate()
        .filter_map(|(order, part)| {
            let mut pieces = part.split(';');
            let lang = Lang::from_locale(pieces.next()?)?;
            let q = pieces
                .find_map(|p| p.trim().strip_prefix("q=").and_then(|q| q.trim().parse::<f32>().ok()))
                .unwrap_or(1.0);
            (q > 0.0 && q.is_finite()).then_some((q, order, lang))
        })
        .collect();
    offered.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    offered.first().map_or(Lang::En, |(_, _, lang)| *lang)
}

/// One message in `lang`, its `{name}` arguments left as `{name}` for the script.
fn said(lang: Lang, id: &str) -> String {
    let mut args = fluent_bundle::FluentArgs::new();
    for arg in ["name", "step", "time", "by", "who", "theme"] {
        args.set(arg, format!("{{{arg}}}"));
    }
    crate::i18n::lookup(lang, id, Some(&args)).unwrap_or_else(|| id.to_owned())
}

/// The words the script writes, as JSON: `{id: text}`, and `{id: {one, other}}` for
/// counted ones.
pub fn for_script(lang: Lang) -> Value {
    let mut words = Map::new();
    for id in SCRIPT {
        words.insert(id.to_owned(), Value::String(said(lang, id)));
    }
    for id in COUNTED {
        // 777 is "other" in both languages, and has no thousands to separate; the
        // number itself becomes `{count}`.
        let form = |n: i64| {
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("count", n);
            crate::i18n::lookup(lang, id, Some(&args)).unwrap_or_default().replace("777", "{count}")
        };
        words.insert(id.to_owned(), json!({ "one": form(1), "other": form(777) }));
    }
    for phase in crate::model::Phase::STEPS.into_iter().chain([crate::model::Phase::Off]) {
        let name = super::state::phase_name(phase);
        let id = format!("phase-{name}");
        words.insert(id.clone(), Value::String(crate::i18n::lookup(lang, &id, None).unwrap_or_default()));
        let hint = format!("phase-{name}-hint");
        let text = crate::i18n::lookup(lang, &hint, None).unwrap_or_default();
        words.insert(hint, Value::String(text));
    }
    Value::Object(words)
}

/// The page's markup with its words in `lang`.
pub fn fill(page: &str, lang: Lang) -> String {
    MARKUP.iter().fold(page.to_owned(), |page, id| {
        page.replace(&format!("{{{{{id}}}}}"), &crate::export::html::esc(&said(lang, id)))
    })
}

/// The switch between the languages: a link to the page in each other one.
pub fn switch(lang: Lang) -> String {
    Lang::ALL
        .iter()
        .map(|other| {
            if *other == lang {
                format!("<strong lang=\"{}\">{}</strong>", other.tag(), other.name())
            } else {
                format!("<a href=\"?lang={0}\" lang=\"{0}\" hreflang=\"{0}\">{1}</a>", other.tag(), other.name())
            }
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_browsers_preference_picks_the_language_and_the_switch_wins() {
        assert_eq!(language(None, Some("nl-NL,nl;q=0.9,en;q=0.8")), Lang::Nl);
        assert_eq!(language(None, Some("de-DE,de;q=0.9,en;q=0.5,nl;q=0.4")), Lang::En);
        assert_eq!(language(None, Some("en;q=0.2, nl-BE;q=0.7")), Lang::Nl);
        assert_eq!(language(None, Some("fr, nl;q=0")), Lang::En, "q=0 means not wanted");
        assert_eq!(language(None, None), Lang::En);
        assert_eq!(language(Some("nl"), Some("en")), Lang::Nl);
        assert_eq!(language(Some("xx"), Some("nl")), Lang::Nl);
    }

    #[test]
    fn every_word_exists_in_both_languages_and_counts_have_both_forms() {
        for lang in Lang::ALL {
            for id in MARKUP.iter().chain(&SCRIPT).chain(&COUNTED) {
                assert!(crate::i18n::lookup(lang, id, None).is_some(), "{id} in {lang:?}");
            }
            let words = for_script(lang);
            assert!(words["page-dots-left"]["other"].as_str().unwrap().contains("{count}"));
        }
        let nl = for_script(Lang::Nl);
        assert_eq!(nl["page-dots"]["one"], "1 stip");
        assert_eq!(nl["page-dots"]["other"], "{count} stippen");
        let en = for_script(Lang::En);
        assert_eq!(en["page-dots"]["one"], "1 dot");
        assert_eq!(en["page-dots"]["other"], "{count} dots");
    }
}
