//! "Suggest themes": groups of unsorted ideas that share a tag or a telling word, for the
//! cluster step of a session. Suggestions only; nothing moves until someone accepts one.

use std::collections::{BTreeMap, BTreeSet};

use super::{Board, ItemId, is_prompt};

/// At most this many suggestions at a time.
pub const MAX_SUGGESTIONS: usize = 6;
/// Words shorter than this say too little to group by.
const MIN_WORD_LEN: usize = 4;

/// Common English and Dutch words that group nothing.
const STOP_WORDS: &[&str] = &[
    "about", "after", "also", "been", "before", "being", "could", "does", "each", "even", "from", "have", "here",
    "into", "just", "like", "make", "more", "most", "much", "only", "other", "over", "should", "some", "such", "than",
    "that", "their", "them", "then", "there", "these", "they", "this", "those", "very", "want", "what", "when",
    "where", "which", "while", "with", "would", "your", "maar", "heeft", "hebben", "zijn", "worden", "wordt", "door",
    "voor", "naar", "over", "onder", "deze", "ook", "niet", "veel", "meer", "moet", "kunnen", "kan", "zoals", "waar",
    "wanneer", "omdat", "alle", "elke", "onze", "jouw", "jullie", "https", "http", "www", "com", "jpg", "jpeg", "png",
];

/// A theme the app proposes: a name and the unsorted ideas it would hold.
#[derive(Clone, Debug, PartialEq)]
pub struct ThemeSuggestion {
    pub name: String,
    pub items: Vec<ItemId>,
    /// Why: "tag #coffee" or "the word “coffee”".
    pub reason: crate::i18n::Message,
}

fn words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| w.chars().count() >= MIN_WORD_LEN && !w.chars().all(|c| c.is_ascii_digit()))
        .filter(|w| !STOP_WORDS.contains(&w.as_str()))
        .collect()
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// Groups of two or more unsorted ideas, biggest first; tags before words, and each
/// idea in one suggestion at most.
pub fn suggest_themes(board: &Board) -> Vec<ThemeSuggestion> {
    // key → (is a word, shown name, items); BTreeMap keeps the outcome deterministic.
    let mut groups: BTreeMap<(bool, String), (String, BTreeSet<&ItemId>)> = BTreeMap::new();
    for item in board.items.iter().filter(|i| board.theme_of(i).is_none() && !is_prompt(i)) {
        for tag in item.tags.iter().filter(|t| !super::is_internal_tag(t)) {
            let key = (false, tag.trim().to_lowercase());
            groups.entry(key).or_insert_with(|| (tag.trim().to_owned(), BTreeSet::new())).1.insert(&item.id);
        }
        let text = item.kind.texts().join(" ");
        for word in words(&text) {
            groups
                .entry((true, word.clone()))
                .or_insert_with(|| (capitalised(&word), BTreeSet::new()))
                .1
                .insert(&item.id);
        }
    }
    let mut taken: BTreeSet<&ItemId> = BTreeSet::new();
    let mut out = Vec::new();
    while out.len() < MAX_SUGGESTIONS {
        let best = groups
            .iter()
            .map(|(key, (name, ids))| (key, name, ids.iter().filter(|id| !taken.contains(*id)).count()))
            .filter(|(_, _, n)| *n >= 2)
            .max_by(|a, b| a.2.cmp(&b.2).then_with(|| b.0.cmp(a.0)));
        let Some((key, name, _)) = best else { break };
        let key = key.clone();
        let name = name.clone();
        let items: Vec<ItemId> =
            groups[&key].1.iter().filter(|id| !taken.contains(*id)).map(|id| (*id).clone()).collect();
        taken.extend(groups[&key].1.iter().copied());
        let reason = if key.0 {
            crate::i18n::Message::new("suggest-reason-word").with("word", key.1.as_str())
        } else {
            crate::i18n::Message::new("suggest-reason-tag").with("tag", name.as_str())
        };
        out.push(ThemeSuggestion { name, items, reason });
        groups.remove(&key);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Item, ItemKind, Pos, Timestamp};

    fn note(board: &mut Board, text: &str, tags: &[&str]) -> ItemId {
        let now = Timestamp::from_unix_millis(0);
        let mut item = Item::new(ItemKind::note(text), Pos::new(0.0, 0.0), "Ann", "own team", now);
        item.tags = tags.iter().map(|t| (*t).to_owned()).collect();
        let id = item.id.clone();
        board.items.push(item);
        id
    }

    #[test]
    fn shared_tags_and_words_make_suggestions() {
        let mut b = Board::new("t", Timestamp::from_unix_millis(0));
        let a = note(&mut b, "Warm light over the counter", &["light"]);
        let c = note(&mut b, "Candles on each table", &["Light"]);
        let d = note(&mut b, "A reading corner with books", &[]);
        let e = note(&mut b, "Swap books with the neighbours", &[]);
        let lone = note(&mut b, "Music from the street", &[]);
        let s = suggest_themes(&b);
        assert_eq!(s.len(), 2, "{s:?}");
        assert_eq!((s[0].name.as_str(), s[0].items.len()), ("light", 2));
        assert!(s[0].items.contains(&a) && s[0].items.contains(&c));
        assert_eq!(s[1].name, "Books");
        assert!(s[1].items.contains(&d) && s[1].items.contains(&e));
        assert!(!s.iter().any(|g| g.items.contains(&lone)));
    }

    #[test]
    fn the_apps_own_tags_are_never_offered_as_themes() {
        use crate::model::{Item, ItemKind, JOINED_TAG, Pos, Timestamp};
        let now = Timestamp::from_unix_millis(0);
        let mut board = Board::new("t", now);
        for text in ["Quiet corner", "Bright window", "Soft music"] {
            let mut item = Item::new(ItemKind::note(text), Pos::default(), "Ann", "own team", now);
            item.tags.push(JOINED_TAG.into());
            board.items.push(item);
        }
        let names: Vec<String> = suggest_themes(&board).into_iter().map(|s| s.name).collect();
        assert!(!names.iter().any(|n| n.eq_ignore_ascii_case(JOINED_TAG)), "{names:?}");
    }
}
