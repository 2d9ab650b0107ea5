//! `moodboard boards` and `moodboard search`: the library from a terminal. Both bring
//! the library up to date first (reading only the boards that changed), so that what a
//! script just added is found.

use std::io::Write;

use anyhow::{Context as _, anyhow};
use serde_json::json;

use crate::library::{self, Filters, Library};
use crate::model::KindTag;
use crate::prefs::Prefs;
use crate::tr;

/// The library, up to date; progress on `err` when many boards are read.
fn library(err: &mut dyn Write) -> anyhow::Result<Library> {
    let dir = library::cache_dir().ok_or_else(|| anyhow!(tr!("cli-no-cache-folder")))?;
    let library = Library::open(&dir)?;
    let (prefs, _) = Prefs::load();
    let folders = library::folders(&crate::app::default_boards_dir(), &prefs.library_folders);
    let mut told = false;
    library.refresh(&folders, &mut |p| {
        if p.total >= 50 && (p.done % 50 == 0 || p.done == p.total) {
            let _ = write!(err, "\r{}", tr!("cli-reading-boards", done = p.done, total = p.total));
            told = true;
        }
    })?;
    if told {
        writeln!(err)?;
    }
    Ok(library)
}

pub(super) fn boards(json: bool, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<()> {
    let mut boards = library(err)?.boards();
    // Last changed first, as the library shows them; unreadable ones last.
    boards.sort_by_key(|b| std::cmp::Reverse(b.summary.as_ref().map(|s| s.modified_ms)));
    for board in boards {
        let path = board.path.display().to_string();
        match (&board.summary, board.problem_in(crate::i18n::language())) {
            (Some(s), _) if json => {
                let changed = crate::model::Timestamp::from_unix_millis(s.modified_ms).to_rfc3339();
                let line = json!({"path": path, "title": s.title, "goals": s.goals, "ideas": s.ideas,
                    "themes": s.themes, "contributors": s.contributors, "changed": changed, "tags": s.tags});
                writeln!(out, "{line}")?;
            }
            (Some(s), _) => {
                let changed = crate::model::Timestamp::from_unix_millis(s.modified_ms).to_short_string();
                let ideas = tr!("cli-ideas", count = s.ideas);
                writeln!(out, "{}\t{ideas}\t{changed}\t{path}", board.title())?;
            }
            (None, problem) if json => {
                writeln!(out, "{}", json!({"path": path, "unreadable": problem.unwrap_or_default()}))?;
            }
            (None, problem) => {
                let problem = tr!("cli-cannot-be-read", problem = problem.unwrap_or_default());
                writeln!(out, "{}\t{problem}\t\t{path}", board.title())?
            }
        }
    }
    Ok(())
}

/// What narrows a search, as typed.
pub(super) struct Narrow {
    pub kind: Option<String>,
    pub tag: Option<String>,
    pub contributor: Option<String>,
    pub since: Option<String>,
}

pub(super) fn search(
    query: &str,
    narrow: Narrow,
    limit: usize,
    json: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<()> {
    let kind = match narrow.kind.as_deref() {
        None => None,
        Some(name) => Some(KindTag::named(name).with_context(|| {
            let names: Vec<&str> = KindTag::ALL.iter().map(|k| k.spec().name).collect();
            tr!("cli-no-such-kind", name = name, kinds = names.join(", "))
        })?),
    };
    let since_ms = match narrow.since.as_deref() {
        None => None,
        Some(day) => {
            let format = time::macros::format_description!("[year]-[month]-[day]");
            let date = time::Date::parse(day.trim(), &format).with_context(|| tr!("cli-not-a-day", day = day))?;
            Some((date.midnight().assume_utc().unix_timestamp_nanos() / 1_000_000) as i64)
        }
    };
    let filters = Filters { kind, tag: narrow.tag, contributor: narrow.contributor, since_ms, until_ms: None };
    if query.trim().is_empty() && filters == Filters::default() {
        anyhow::bail!(tr!("cli-nothing-to-search"));
    }
    let hits = library(err)?.search(query, &filters, limit)?;
    for hit in &hits {
        let path = hit.board.display().to_string();
        if json {
            let line = json!({"board": path, "board_title": hit.board_title, "id": hit.id, "kind": hit.kind,
                "text": hit.summary, "theme": hit.theme, "contributor": hit.contributor, "tags": hit.tags});
            writeln!(out, "{line}")?;
        } else {
            writeln!(out, "{}\t{}\t{}\t{}\t{path}", hit.board_title, hit.id, hit.kind, hit.summary)?;
        }
    }
    if hits.is_empty() && !json {
        writeln!(err, "{}", tr!("cli-nothing-found"))?;
    }
    Ok(())
}
