//! The boards in the library's folders and what the library shows of each: title,
//! goals, number of ideas, who contributed, last change, tags; or why it cannot be read.
//! Kept in `catalog.json` beside the index, with each file's size and time, so that a
//! refresh reads only the boards whose files changed.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::i18n::{Lang, Said, say_in};
use crate::model::Board;
use crate::storage::{self, paths};

/// A board file as last seen: changed when either differs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct FileStamp {
    pub len: u64,
    /// Last modification, in nanoseconds since 1970.
    pub modified_ns: i128,
}

/// What the library shows of a board it could read.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub title: String,
    pub goals: Vec<String>,
    pub ideas: usize,
    pub themes: usize,
    /// Everyone who brought an idea, most ideas first.
    pub contributors: Vec<String>,
    /// The board's last change (its own clock, not the file's), in ms since 1970.
    pub modified_ms: i64,
    /// Every tag on its ideas and how many carry it.
    pub tags: BTreeMap<String, usize>,
}

/// One board file in the library: what it holds, or why it cannot be read (in both
/// languages, so that the app says it in its own).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BoardEntry {
    pub path: PathBuf,
    pub stamp: Option<FileStamp>,
    pub summary: Option<Summary>,
    /// Why it cannot be read: English, Dutch.
    pub problem: Option<(String, String)>,
}

impl BoardEntry {
    /// The title, or the file's name for a board that could not be read.
    pub fn title(&self) -> String {
        match &self.summary {
            Some(s) if !s.title.trim().is_empty() => s.title.clone(),
            _ => paths::board_name(&self.path),
        }
    }

    /// Why it cannot be read, in `lang`.
    pub fn problem_in(&self, lang: Lang) -> Option<&str> {
        self.problem.as_ref().map(|(en, nl)| if lang == Lang::Nl { nl.as_str() } else { en.as_str() })
    }

    pub(super) fn unreadable(path: PathBuf, stamp: Option<FileStamp>, why: &dyn Said) -> Self {
        let message = why.message();
        let problem = Some((say_in(Lang::En, &message), say_in(Lang::Nl, &message)));
        Self { path, stamp, summary: None, problem }
    }
}

/// Every board file directly in `folders` (not in their subfolders), sorted by path, with
/// its stamp, or why it cannot be looked at. Backups, hidden and temporary files are
/// left out; anything that is not a plain file is listed, as unreadable.
pub fn board_files(folders: &[PathBuf]) -> Vec<(PathBuf, Result<FileStamp, storage::OpenError>)> {
    let mut found = Vec::new();
    for folder in folders {
        let Ok(entries) = std::fs::read_dir(folder) else { continue };
        for entry in entries.filter_map(Result::ok) {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') || !name.ends_with(paths::BOARD_SUFFIX) {
                continue;
            }
            let path = entry.path();
            found.push((path.clone(), stamp_of(&path)));
        }
    }
    found.sort_by(|a, b| a.0.cmp(&b.0));
    found.dedup_by(|a, b| a.0 == b.0);
    found
}

/// The file's stamp, following links; what it is when it is not a plain file.
fn stamp_of(path: &Path) -> Result<FileStamp, storage::OpenError> {
    let meta = std::fs::metadata(path)?;
    if let Some(kind) = storage::file_kind(&meta) {
        return Err(storage::OpenError::NotAFile(kind));
    }
    let modified_ns = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos() as i128);
    Ok(FileStamp { len: meta.len(), modified_ns })
}

/// Reads a board for the library: never panics, never hangs on what is not a plain file,
/// never changes the file.
pub(super) fn read(path: &Path) -> Result<Board, storage::LoadError> {
    let text = storage::format::read_text(path)?;
    Ok(storage::format::parse(path, &text)?.repaired().0)
}

/// What the library shows of `board`.
pub(super) fn summarise(board: &Board) -> Summary {
    let mut by_person: BTreeMap<&str, usize> = BTreeMap::new();
    let mut tags = BTreeMap::new();
    for item in board.items.iter() {
        if !item.contributor.trim().is_empty() {
            *by_person.entry(item.contributor.as_str()).or_default() += 1;
        }
        for tag in &item.tags {
            *tags.entry(tag.clone()).or_default() += 1;
        }
    }
    let mut people: Vec<(&str, usize)> = by_person.into_iter().collect();
    people.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    Summary {
        title: board.title.clone(),
        goals: board.goals.clone(),
        ideas: board.items.len(),
        themes: board.themes.len(),
        contributors: people.into_iter().map(|(p, _)| p.to_owned()).collect(),
        modified_ms: last_change(board).unix_millis(),
        tags,
    }
}

/// The board's last change: to its title and goals, a theme, an idea or a deletion.
fn last_change(board: &Board) -> crate::model::Timestamp {
    let items = board.items.iter().map(|i| i.modified);
    let themes = board.themes.iter().map(|t| t.modified);
    let deleted = board.deleted().iter().map(|t| t.at);
    items.chain(themes).chain(deleted).fold(board.modified(), Ord::max)
}

/// The catalog as kept on disk.
#[derive(Debug, Default, Serialize, Deserialize)]
pub(super) struct Stored {
    /// [`super::index::SCHEMA`] it was written with; another one is rebuilt.
    pub schema: u32,
    pub boards: Vec<BoardEntry>,
}

impl Stored {
    /// The catalog in `dir`, or an empty one when it is missing, unreadable or of
    /// another schema (everything is then read again).
    pub fn load(file: &Path, schema: u32) -> Self {
        let read = storage::read_capped(file).ok().and_then(|bytes| serde_json::from_slice::<Stored>(&bytes).ok());
        match read {
            Some(stored) if stored.schema == schema => stored,
            _ => Stored { schema, boards: Vec::new() },
        }
    }

    pub fn save(&self, file: &Path) -> Result<(), storage::SaveError> {
        let bytes = serde_json::to_vec(self).unwrap_or_default();
        storage::replace_file(file, None, |f| std::io::Write::write_all(f, &bytes))
    }
}
