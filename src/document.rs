//! The board that is open in the app: the board itself, where it lives, its undo
//! history and whether it is saved. No egui here.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::model::operations::{self, Contributor, NewIdea};
use crate::model::{
    Board, Edit, EditError, History, ItemId, MergeSummary, Merged, Refusal, Stamper, Theme, Timestamp, Trust,
    merge_now, summarise,
};
pub use crate::storage::paths::unused_board_path;
use crate::storage::{self, LoadError, Problem, SaveError, paths};

/// How long after the last change the board is saved automatically.
pub const AUTOSAVE_DELAY: Duration = Duration::from_millis(1500);

/// Why a change to the open board was not made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocError {
    ReadOnly,
    Edit(#[from] EditError),
}

impl crate::i18n::Said for DocError {
    fn message(&self) -> crate::i18n::Message {
        match self {
            DocError::ReadOnly => crate::i18n::Message::new("error-doc-read-only"),
            DocError::Edit(e) => crate::i18n::Said::message(e),
        }
    }
}

crate::said_as_printed!(DocError);

/// Where saving stands, for the indicator in the window.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveStatus {
    /// The file is write-protected: the board is shown, never changed or saved.
    ReadOnly,
    Saved,
    /// Changes not yet saved; autosave will save them shortly.
    Unsaved,
    Saving,
    Failed(String),
}

/// An open board.
#[derive(Debug)]
pub struct Document {
    pub path: PathBuf,
    /// Changed only through [`Document::apply`], undo, redo and the merges below.
    board: Board,
    pub history: History,
    /// Problems found when the board was opened, for the user to see.
    pub problems: Vec<Problem>,
    /// The file is write-protected: nothing may change the board (but what changes on
    /// disk), and it is never saved.
    pub read_only: bool,
    /// Bumped on every change; a save records the generation it wrote.
    generation: u64,
    saved_generation: u64,
    /// Generation of the save in flight, if any.
    saving: Option<u64>,
    last_change: Instant,
    last_error: Option<String>,
    /// Hash of the file as this document last read or wrote it, to tell our own saves
    /// from changes made by others.
    pub disk_hash: Option<String>,
}

impl Document {
    /// A document for a board that is already on disk at `path` as it is.
    pub fn from_saved(path: PathBuf, board: Board, problems: Vec<Problem>, disk_hash: Option<String>) -> Self {
        Self {
            path,
            board,
            history: History::default(),
            problems,
            read_only: false,
            generation: 0,
            saved_generation: 0,
            saving: None,
            last_change: Instant::now(),
            last_error: None,
            disk_hash,
        }
    }

    pub fn open(path: &Path) -> Result<Self, LoadError> {
        let loaded = storage::load(path)?;
        // Repairs stay in memory until the user changes something: opening never writes.
        let mut doc = Self::from_saved(path.to_owned(), loaded.board, loaded.problems, Some(loaded.hash));
        doc.read_only = std::fs::metadata(path).is_ok_and(|m| m.permissions().readonly());
        Ok(doc)
    }

    /// Creates and saves a new empty board in `folder`, named after `title` (with a
    /// number added if that name is taken).
    pub fn create_in(folder: &Path, title: &str) -> Result<Self, SaveError> {
        Self::create_with_goals(folder, title, Vec::new())
    }

    /// [`Document::create_in`] with the board's goals set from the start.
    pub fn create_with_goals(folder: &Path, title: &str, goals: Vec<String>) -> Result<Self, SaveError> {
        let mut board = Board::new(title, Timestamp::now());
        board.goals = goals;
        Self::create_board(folder, board)
    }

    /// `board` as a new file in `folder`, named after its title (a board from a template).
    pub fn create_board(folder: &Path, board: Board) -> Result<Self, SaveError> {
        let path = unused_board_path(folder, &board.title);
        storage::create(&path, &board)?;
        let hash = std::fs::read(&path).ok().map(|b| storage::content_hash(&b));
        Ok(Self::from_saved(path, board, Vec::new(), hash))
    }

    /// The board as it is now.
    pub fn board(&self) -> &Board {
        &self.board
    }

    pub fn name(&self) -> String {
        paths::board_name(&self.path)
    }

    /// Applies an edit by `who` as one undoable step, stamped as a change made now.
    pub fn apply(&mut self, edit: Edit, label: impl Into<String>, who: &str) -> Result<(), DocError> {
        self.writable()?;
        let mut clock = Stamper::now(&self.board, who);
        self.history.apply(&mut self.board, edit, &mut clock, label)?;
        self.changed();
        Ok(())
    }

    fn writable(&self) -> Result<(), DocError> {
        if self.read_only { Err(DocError::ReadOnly) } else { Ok(()) }
    }

    /// Undoes the last step; returns its label, or `None` with nothing to undo.
    pub fn undo(&mut self, who: &str) -> Option<Result<String, DocError>> {
        if self.read_only {
            return Some(Err(DocError::ReadOnly));
        }
        let mut clock = Stamper::now(&self.board, who);
        let result = self.history.undo(&mut self.board, &mut clock).map(|r| r.map_err(DocError::from));
        if matches!(result, Some(Ok(_))) {
            self.changed();
        }
        result
    }

    pub fn redo(&mut self, who: &str) -> Option<Result<String, DocError>> {
        if self.read_only {
            return Some(Err(DocError::ReadOnly));
        }
        let mut clock = Stamper::now(&self.board, who);
        let result = self.history.redo(&mut self.board, &mut clock).map(|r| r.map_err(DocError::from));
        if matches!(result, Some(Ok(_))) {
            self.changed();
        }
        result
    }

    /// Adds new ideas by `by` as one undoable step ([`operations::add`]); returns their ids.
    pub fn add(
        &mut self,
        ideas: Vec<NewIdea>,
        label: impl Into<String>,
        by: Contributor<'_>,
    ) -> Result<Vec<ItemId>, DocError> {
        self.add_with_themes(Vec::new(), ideas, Vec::new(), label, by)
    }

    /// [`Document::add`] with new themes the ideas may be in and connectors between them,
    /// in the same step.
    pub fn add_with_themes(
        &mut self,
        themes: Vec<Theme>,
        ideas: Vec<NewIdea>,
        connectors: Vec<operations::NewConnector>,
        label: impl Into<String>,
        by: Contributor<'_>,
    ) -> Result<Vec<ItemId>, DocError> {
        self.writable()?;
        if ideas.is_empty() && themes.is_empty() {
            return Ok(Vec::new());
        }
        let mut clock = Stamper::now(&self.board, by.name);
        let added = operations::add_with_themes(&mut self.board, themes, ideas, connectors, by, &mut clock)?;
        self.history.push(added.reverse, label.into());
        self.changed();
        Ok(added.ids)
    }

    /// Merges another board in (a copy of this one, trusted as far as `trust` says, or
    /// another team's board) as one undoable step ([`operations::merge_in`]). Returns
    /// what it brought in and what it refused.
    pub fn merge_step(
        &mut self,
        other: &Board,
        label: impl Into<String>,
        trust: Trust,
    ) -> Result<(MergeSummary, Vec<Refusal>), DocError> {
        self.writable()?;
        let merged = operations::merge_in(&mut self.board, other, trust)?;
        if !merged.reverse.is_empty() {
            self.history.push(merged.reverse, label.into());
            self.changed();
        }
        Ok((merged.summary, merged.refused))
    }

    /// Merges the version of this board that is on disk now (`disk`, whose file hash is
    /// `hash`), keeping local changes ([`operations::merge_in`]). Not an undo step: undo
    /// stays for one's own edits. If the result is exactly what is on disk and nothing was
    /// unsaved, the document stays saved, so that a change on disk never causes a save
    /// back. A read-only board takes what is on disk as it is.
    pub fn merge_from_disk(
        &mut self,
        disk: &Board,
        hash: Option<String>,
    ) -> Result<(MergeSummary, Vec<Refusal>), EditError> {
        let was_dirty = self.is_dirty();
        let (summary, refused) = if self.read_only {
            let Merged { board: merged, refused } = merge_now(&self.board, disk, Trust::Colleague);
            let summary = summarise(&self.board, &merged);
            if merged != self.board {
                self.board = merged;
                self.changed();
            }
            (summary, refused)
        } else {
            // The board's own file, changed by the team's sync, git or the join server.
            let merged = operations::merge_in(&mut self.board, disk, Trust::Colleague)?;
            if !merged.reverse.is_empty() {
                self.changed();
            }
            (merged.summary, merged.refused)
        };
        if hash.is_some() {
            self.disk_hash = hash;
        }
        if (!was_dirty && self.saving.is_none() && &self.board == disk) || self.read_only {
            // A read-only board only ever shows what is on disk: nothing to save.
            self.saved_generation = self.generation;
        }
        Ok((summary, refused))
    }

    /// Records that the board changed other than through [`Document::apply`] (a merge).
    pub fn changed(&mut self) {
        self.generation += 1;
        self.last_change = Instant::now();
    }

    pub fn generation(&self) -> u64 {
        self.generation
    }

    pub fn is_dirty(&self) -> bool {
        self.generation != self.saved_generation
    }

    pub fn status(&self) -> SaveStatus {
        if self.read_only {
            return SaveStatus::ReadOnly;
        }
        match (&self.last_error, self.saving, self.is_dirty()) {
            (Some(e), None, true) => SaveStatus::Failed(e.clone()),
            (_, Some(_), _) => SaveStatus::Saving,
            (_, None, true) => SaveStatus::Unsaved,
            (_, None, false) => SaveStatus::Saved,
        }
    }

    /// Whether autosave should start a save now: there are changes, none is being
    /// saved, and the user paused for [`AUTOSAVE_DELAY`] (or `now` is forced).
    pub fn wants_autosave(&self, now: Instant) -> bool {
        !self.read_only
            && self.is_dirty()
            && self.saving.is_none()
            && self.last_error.is_none()
            && now.duration_since(self.last_change) >= AUTOSAVE_DELAY
    }

    /// Marks a save of the current generation as started and returns that generation.
    pub fn begin_save(&mut self) -> u64 {
        self.saving = Some(self.generation);
        self.generation
    }

    /// Records the outcome of a save that wrote `generation`; on success, the hash of
    /// the file written.
    pub fn finish_save(&mut self, generation: u64, result: Result<String, String>) {
        if self.saving == Some(generation) {
            self.saving = None;
        }
        match result {
            Ok(hash) => {
                self.disk_hash = Some(hash);
                self.saved_generation = self.saved_generation.max(generation);
                self.last_error = None;
            }
            Err(e) => self.last_error = Some(e),
        }
    }

    /// Forgets a failed save so that autosave tries again (after the user acted on it).
    pub fn retry_save(&mut self) {
        self.last_error = None;
    }

    /// Time until autosave is due, to schedule a repaint.
    pub fn autosave_due_in(&self, now: Instant) -> Option<Duration> {
        (!self.read_only && self.is_dirty() && self.saving.is_none() && self.last_error.is_none())
            .then(|| AUTOSAVE_DELAY.saturating_sub(now.duration_since(self.last_change)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Item, ItemKind, Pos};

    #[test]
    fn dirty_until_the_save_of_that_generation_finishes() {
        let dir = tempfile::tempdir().unwrap();
        let mut doc = Document::create_in(dir.path(), "Ideas").unwrap();
        assert_eq!(doc.status(), SaveStatus::Saved);
        let item = Item::new(ItemKind::note("x"), Pos::default(), "me", "own team", Timestamp::now());
        doc.apply(Edit::InsertItem(Box::new(item)), "Add note", "me").unwrap();
        assert_eq!(doc.status(), SaveStatus::Unsaved);
        let generation = doc.begin_save();
        assert_eq!(doc.status(), SaveStatus::Saving);
        doc.finish_save(generation, Err("disk full".into()));
        assert_eq!(doc.status(), SaveStatus::Failed("disk full".into()));
        assert!(!doc.wants_autosave(Instant::now() + AUTOSAVE_DELAY * 2), "no retry loop after a failure");
        doc.retry_save();
        let generation = doc.begin_save();
        doc.finish_save(generation, Ok("hash".into()));
        assert_eq!(doc.status(), SaveStatus::Saved);
    }

    #[test]
    fn new_boards_never_take_an_existing_name() {
        let dir = tempfile::tempdir().unwrap();
        let a = Document::create_in(dir.path(), "Ideas").unwrap();
        let b = Document::create_in(dir.path(), "Ideas").unwrap();
        assert_ne!(a.path, b.path);
        assert!(b.path.ends_with("Ideas 2.moodboard.ron"));
        let c = Document::create_in(dir.path(), "../../etc/x").unwrap();
        assert_eq!(c.path.parent(), Some(dir.path()));
    }
}
