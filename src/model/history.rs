//! Undo and redo on top of [`Edit`] inverses.

use super::{Board, Edit, EditError, Stamper};

/// How many steps undo remembers.
pub const DEFAULT_DEPTH: usize = 500;

/// Undo and redo stacks. Each entry is the edit that reverses one user gesture.
#[derive(Debug)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    depth: usize,
}

#[derive(Debug)]
struct Step {
    label: String,
    reverse: Edit,
}

impl Default for History {
    fn default() -> Self {
        Self { undo: Vec::new(), redo: Vec::new(), depth: DEFAULT_DEPTH }
    }
}

impl History {
    /// Applies `edit` to `board` as one undoable step called `label`: a change made now,
    /// stamped by `clock`, with the frame rules kept in the same step
    /// ([`super::operations::commit`]).
    pub fn apply(
        &mut self,
        board: &mut Board,
        edit: Edit,
        clock: &mut Stamper,
        label: impl Into<String>,
    ) -> Result<(), EditError> {
        if edit.is_empty() {
            return Ok(());
        }
        let reverse = super::operations::commit(board, edit, clock)?;
        self.push(reverse, label.into());
        Ok(())
    }

    /// Records a step whose edit was already applied (for example by a merge), given
    /// the edit that reverses it.
    pub fn push(&mut self, reverse: Edit, label: String) {
        self.undo.push(Step { label, reverse });
        if self.undo.len() > self.depth {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// Undoes the last step as a new change stamped by `clock`, so that merging with a
    /// copy that saw the original change keeps the undo. Returns its label, `None` if
    /// there is nothing to undo, or the error if the board has changed so that it no
    /// longer applies (the step is then dropped).
    pub fn undo(&mut self, board: &mut Board, clock: &mut Stamper) -> Option<Result<String, EditError>> {
        let step = self.undo.pop()?;
        Some(step.reverse.apply_stamped(board, clock).map(|forward| {
            self.redo.push(Step { label: step.label.clone(), reverse: forward });
            step.label
        }))
    }

    /// Redoes the last undone step, like [`History::undo`].
    pub fn redo(&mut self, board: &mut Board, clock: &mut Stamper) -> Option<Result<String, EditError>> {
        let step = self.redo.pop()?;
        Some(step.reverse.apply_stamped(board, clock).map(|back| {
            self.undo.push(Step { label: step.label.clone(), reverse: back });
            step.label
        }))
    }

    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|s| s.label.as_str())
    }

    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|s| s.label.as_str())
    }

    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }
}
