//! What the library does to whole boards: a duplicate (another board, its pictures
//! copied), a new title (under the board's lock, as any writer; the file keeps its name,
//! which is what git, sync tools and teammates' live copies know it by), and a board put
//! in the system's trash with its pictures and backup, and brought back from there.

use std::path::{Path, PathBuf};

use crate::i18n::{Message, Said};
use crate::model::{Board, BoardMeta, Edit, Stamper, Timestamp, operations};
use crate::storage::{self, paths};

/// Why a board could not be duplicated, renamed, trashed or brought back.
#[derive(Debug, thiserror::Error)]
pub enum ManageError {
    Load(#[from] storage::LoadError),
    Save(#[from] storage::SaveError),
    Asset(#[from] storage::AssetError),
    Update(#[from] storage::UpdateError<crate::model::EditError>),
    /// The system's trash refused (or this system has none).
    Trash {
        path: PathBuf,
        reason: String,
    },
    /// Nothing of the board was found in the trash (emptied since).
    NotInTrash {
        path: PathBuf,
    },
}

impl Said for ManageError {
    fn message(&self) -> Message {
        match self {
            ManageError::Load(e) => e.message(),
            ManageError::Save(e) => e.message(),
            ManageError::Asset(e) => e.message(),
            ManageError::Update(e) => e.message(),
            ManageError::Trash { path, reason } => {
                Message::new("library-trash-failed").with("path", path).with("reason", reason.as_str())
            }
            ManageError::NotInTrash { path } => Message::new("library-not-in-trash").with("path", path),
        }
    }
}

crate::said_as_printed!(ManageError);

/// Makes another board from the one at `path`, titled `title`, beside it (named after its
/// title), with copies of its pictures. Returns the new board's path.
pub fn duplicate(path: &Path, title: &str) -> Result<PathBuf, ManageError> {
    duplicate_of(path, &storage::load(path)?.board, title)
}

/// [`duplicate`] of `board` as it is in memory (the open board, with what is not saved
/// yet), its pictures taken from beside `path`.
pub fn duplicate_of(path: &Path, board: &Board, title: &str) -> Result<PathBuf, ManageError> {
    duplicate_into(path, board, title, &paths::board_folder(path))
}

/// [`duplicate_of`], into `folder` (a template into the templates folder, a board from a
/// template into the boards folder).
pub fn duplicate_into(path: &Path, board: &Board, title: &str, folder: &Path) -> Result<PathBuf, ManageError> {
    let copy = board.as_new_board(title, Timestamp::now());
    let to = paths::unused_board_path(folder, title);
    storage::copy_pictures(path, board, &to, || {})?;
    storage::create(&to, &copy)?;
    Ok(to)
}

/// Gives the board at `path` the title `title`, as `who`, under its lock.
pub fn retitle(path: &Path, title: &str, who: &str) -> Result<(), ManageError> {
    storage::update(path, |board: &mut Board| {
        let meta = BoardMeta { title: title.trim().to_owned(), ..board.meta() };
        let mut clock = Stamper::now(board, who);
        operations::commit(board, Edit::SetMeta { meta, at: Timestamp::now() }, &mut clock).map(drop)
    })?;
    Ok(())
}

/// A board put in the trash: its files as they were, to bring back.
#[derive(Clone, Debug, PartialEq)]
pub struct Trashed {
    pub board: PathBuf,
    /// The board file, its pictures' folder and its backup, those there were.
    pub files: Vec<PathBuf>,
}

/// Puts the board at `path` in the system's trash with its pictures and backup.
pub fn trash(path: &Path) -> Result<Trashed, ManageError> {
    let files: Vec<PathBuf> = [path.to_owned(), paths::assets_dir(path), paths::backup_path(path)]
        .into_iter()
        .filter(|p| std::fs::symlink_metadata(p).is_ok())
        .collect();
    trash::delete_all(&files).map_err(|e| ManageError::Trash { path: path.to_owned(), reason: e.to_string() })?;
    Ok(Trashed { board: path.to_owned(), files })
}

/// Brings a trashed board back where it was (the newest of each file in the trash).
#[cfg(any(target_os = "linux", target_os = "windows", target_os = "freebsd"))]
pub fn untrash(trashed: &Trashed) -> Result<(), ManageError> {
    use trash::os_limited;
    let fail = |e: trash::Error| ManageError::Trash { path: trashed.board.clone(), reason: e.to_string() };
    let mut items = os_limited::list().map_err(fail)?;
    items.sort_by_key(|i| std::cmp::Reverse(i.time_deleted));
    let mut back = Vec::new();
    for file in &trashed.files {
        if let Some(i) = items.iter().position(|i| i.original_path() == *file) {
            back.push(items.remove(i));
        }
    }
    if !back.iter().any(|i| i.original_path() == trashed.board) {
        return Err(ManageError::NotInTrash { path: trashed.board.clone() });
    }
    os_limited::restore_all(back).map_err(fail)
}

/// Brings a trashed board back: this system's trash cannot be read by programs.
#[cfg(not(any(target_os = "linux", target_os = "windows", target_os = "freebsd")))]
pub fn untrash(trashed: &Trashed) -> Result<(), ManageError> {
    Err(ManageError::Trash {
        path: trashed.board.clone(),
        reason: "this system's trash cannot be undone from here: take it out of the trash".into(),
    })
}
