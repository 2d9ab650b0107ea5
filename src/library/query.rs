//! Searching the library: what a person typed, read as words (never as a query
//! language, so no text can fail to parse), each word found as it is written, by its
//! English or Dutch stem, and the last one also as the start of a word while it is being
//! typed; narrowed by kind, tag, contributor and date.

use std::ops::Bound;
use std::path::PathBuf;

use tantivy::collector::TopDocs;
use tantivy::query::{AllQuery, BooleanQuery, FuzzyTermQuery, Occur, Query, RangeQuery, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::tokenizer::TokenStream as _;
use tantivy::{TantivyDocument, Term};

use super::index::{DUTCH, ENGLISH, Fields, Library, LibraryError, Open, PLAIN};
use crate::model::KindTag;

/// Most words taken from what was typed; the rest are left out.
const MAX_WORDS: usize = 16;

/// What narrows a search.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filters {
    pub kind: Option<KindTag>,
    /// A tag, in any case.
    pub tag: Option<String>,
    /// Who brought it, in any case.
    pub contributor: Option<String>,
    /// Added at or after, in ms since 1970.
    pub since_ms: Option<i64>,
    /// Added before, in ms since 1970.
    pub until_ms: Option<i64>,
}

impl Filters {
    fn is_empty(&self) -> bool {
        *self == Filters::default()
    }
}

/// An idea found: where it is and what it says.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub board: PathBuf,
    pub board_title: String,
    pub id: String,
    /// The kind's name (`note`).
    pub kind: String,
    pub summary: String,
    /// The theme it is in ("" while unsorted).
    pub theme: String,
    pub contributor: String,
    pub tags: Vec<String>,
    pub created_ms: i64,
}

impl Library {
    /// The ideas that hold every word of `text` (in any form) and pass `filters`, best
    /// first, at most `limit`. Empty text with filters lists everything they let through.
    pub fn search(&self, text: &str, filters: &Filters, limit: usize) -> Result<Vec<Hit>, LibraryError> {
        let open = self.current();
        let Some(query) = build(&open, text, filters) else { return Ok(Vec::new()) };
        let fail = |source| LibraryError::Index { path: self.dir().join("index"), source };
        let searcher = open.reader.searcher();
        let top = searcher.search(&query, &TopDocs::with_limit(limit.max(1)).order_by_score()).map_err(fail)?;
        let mut hits = Vec::with_capacity(top.len());
        for (_, address) in top {
            let doc: TantivyDocument = searcher.doc(address).map_err(fail)?;
            hits.push(hit(&open.fields, &doc));
        }
        Ok(hits)
    }
}

/// The query for `text` and `filters`; `None` when there is nothing to look for.
fn build(open: &Open, text: &str, filters: &Filters) -> Option<Box<dyn Query>> {
    let f = open.fields;
    let words = tokens(open, PLAIN, text);
    if words.is_empty() && filters.is_empty() {
        return None;
    }
    let mut must: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    let last = words.len().saturating_sub(1);
    for (i, word) in words.iter().take(MAX_WORDS).enumerate() {
        let mut any: Vec<(Occur, Box<dyn Query>)> = vec![term(f.plain, word)];
        for (field, analyzer) in [(f.english, ENGLISH), (f.dutch, DUTCH)] {
            if let Some(stem) = tokens(open, analyzer, word).into_iter().next() {
                any.push(term(field, &stem));
            }
        }
        // The word being typed: also the start of a longer one.
        if i == last && word.chars().count() >= 2 {
            let prefix = FuzzyTermQuery::new_prefix(Term::from_field_text(f.plain, word), 0, false);
            any.push((Occur::Should, Box::new(prefix)));
        }
        must.push((Occur::Must, Box::new(BooleanQuery::new(any))));
    }
    if let Some(kind) = filters.kind {
        must.push((Occur::Must, term(f.kind, kind.spec().name).1));
    }
    if let Some(tag) = filters.tag.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        must.push((Occur::Must, term(f.tag, &tag.to_lowercase()).1));
    }
    if let Some(who) = filters.contributor.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        must.push((Occur::Must, term(f.who, &who.to_lowercase()).1));
    }
    if filters.since_ms.is_some() || filters.until_ms.is_some() {
        let at = |ms: i64| Term::from_field_i64(f.created, ms);
        let lower = filters.since_ms.map_or(Bound::Unbounded, |ms| Bound::Included(at(ms)));
        let upper = filters.until_ms.map_or(Bound::Unbounded, |ms| Bound::Excluded(at(ms)));
        must.push((Occur::Must, Box::new(RangeQuery::new(lower, upper))));
    }
    if words.is_empty() {
        must.push((Occur::Must, Box::new(AllQuery)));
    }
    Some(Box::new(BooleanQuery::new(must)))
}

fn term(field: tantivy::schema::Field, text: &str) -> (Occur, Box<dyn Query>) {
    (Occur::Should, Box::new(TermQuery::new(Term::from_field_text(field, text), IndexRecordOption::WithFreqs)))
}

/// `text` as the index's analyzer `name` cuts it into words.
fn tokens(open: &Open, name: &str, text: &str) -> Vec<String> {
    let Some(mut analyzer) = open.index.tokenizers().get(name) else { return Vec::new() };
    let mut stream = analyzer.token_stream(text);
    let mut words = Vec::new();
    while stream.advance() {
        words.push(stream.token().text.clone());
    }
    words
}

fn hit(f: &Fields, doc: &TantivyDocument) -> Hit {
    let text = |field| doc.get_first(field).and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
    Hit {
        board: PathBuf::from(text(f.board)),
        board_title: text(f.board_title),
        id: text(f.id),
        kind: text(f.kind),
        summary: text(f.summary),
        theme: text(f.theme),
        contributor: text(f.who_shown),
        tags: doc.get_all(f.tag_shown).filter_map(|v| v.as_str().map(str::to_owned)).collect(),
        created_ms: doc.get_first(f.created).and_then(|v| v.as_i64()).unwrap_or_default(),
    }
}
