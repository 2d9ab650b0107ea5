//! Boards on disk: reading (with repair), atomic saving, the assets folder and the
//! per-board lock.

mod assets;
mod atomic;
pub mod clip;
pub mod conflicts;
pub(crate) mod error;
pub mod format;
mod lock;
mod older;
pub mod pack;
pub mod paths;
mod regular;
mod repair;
mod saver;
pub mod watch;

use std::io::Write as _;
use std::path::Path;

pub use assets::{AssetStore, MAX_ASSET_BYTES, content_hash, copy_pictures, read_capped};
pub use atomic::{remove_stale_temp_files, replace_file};
pub use conflicts::import_assets;
pub use error::{AssetError, LoadError, LockError, SaveError};
pub use lock::{BoardLock, LOCK_TIMEOUT, lock_path};
pub use regular::{FileKind, OpenError, file_kind, open_regular};
pub use repair::{Problem, repair};
pub use saver::{Saved, Saver, SaverError, Waker};

use crate::model::Board;

/// A board read from disk, with the problems that were repaired or need attention.
#[derive(Debug)]
pub struct Loaded {
    pub board: Board,
    pub problems: Vec<Problem>,
    /// [`content_hash`] of the file as read, to tell later whether it changed.
    pub hash: String,
}

/// Reads a board. Never panics and never changes the file, whatever it contains.
/// Problems that can be repaired (a NaN position, a missing image) are repaired in
/// memory and listed; anything else is an error naming the place in the file.
pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    let text = format::read_text(path)?;
    let (board, mut problems) = format::parse(path, &text)?.repaired();
    problems.extend(check_assets(path, &board, false));
    Ok(Loaded { board, problems, hash: content_hash(text.as_bytes()) })
}

/// Saves a board atomically, keeping the previous version as `NAME.moodboard.ron.bak`.
/// On error, the file on disk is unchanged.
pub fn save(path: &Path, board: &Board) -> Result<(), SaveError> {
    save_hashed(path, board).map(drop)
}

/// [`save`], returning the [`content_hash`] of what was written.
pub fn save_hashed(path: &Path, board: &Board) -> Result<String, SaveError> {
    let text = board_text(path, board)?;
    let path = &atomic::written_path(path)?;
    replace_file(path, Some(&paths::backup_path(path)), |f| f.write_all(text.as_bytes()))?;
    atomic::remove_stale_temp_files(path);
    Ok(content_hash(text.as_bytes()))
}

/// [`save`] without the `.bak` copy, for files whose history is kept elsewhere (git's
/// merge driver writes into git's own temporary file).
pub fn save_without_backup(path: &Path, board: &Board) -> Result<(), SaveError> {
    let text = board_text(path, board)?;
    let path = &atomic::written_path(path)?;
    replace_file(path, None, |f| f.write_all(text.as_bytes()))?;
    atomic::remove_stale_temp_files(path);
    Ok(())
}

/// The board as the text of its file, refused when a load would refuse it for its size.
fn board_text(path: &Path, board: &Board) -> Result<String, SaveError> {
    let text =
        format::to_text(board).map_err(|e| SaveError::Serialize { path: path.to_owned(), message: e.to_string() })?;
    let size = text.len() as u64;
    if size > format::MAX_BOARD_BYTES {
        return Err(SaveError::TooLarge { path: path.to_owned(), size, limit: format::MAX_BOARD_BYTES });
    }
    Ok(text)
}

/// Creates a new board file, refusing to overwrite one that exists.
pub fn create(path: &Path, board: &Board) -> Result<(), SaveError> {
    if path.exists() {
        return Err(SaveError::Exists { path: path.to_owned() });
    }
    save(path, board)
}

/// Why a locked read-change-write of a board failed. Nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum UpdateError<E> {
    Load(#[from] LoadError),
    Save(#[from] SaveError),
    Lock { path: std::path::PathBuf, source: LockError },
    Change(E),
}

/// Reads the board at `path`, lets `change` modify it, and saves it, all while
/// holding the board's lock so that concurrent writers take turns. If `change` fails,
/// nothing is written. Returns what `change` returned and the load problems.
pub fn update<T, E>(
    path: &Path,
    change: impl FnOnce(&mut Board) -> Result<T, E>,
) -> Result<(T, Vec<Problem>), UpdateError<E>> {
    let _lock = BoardLock::acquire(path).map_err(|source| UpdateError::Lock { path: path.to_owned(), source })?;
    let Loaded { mut board, problems, .. } = load(path)?;
    let result = change(&mut board).map_err(UpdateError::Change)?;
    save(path, &board)?;
    Ok((result, problems))
}

impl<E: crate::i18n::Said> crate::i18n::Said for UpdateError<E> {
    fn message(&self) -> crate::i18n::Message {
        use crate::i18n::Message;
        match self {
            UpdateError::Load(e) => e.message(),
            UpdateError::Save(e) => e.message(),
            UpdateError::Lock { path, source } => {
                Message::new("error-with-path").with("path", path).with("reason", source.message())
            }
            UpdateError::Change(e) => e.message(),
        }
    }
}

impl<E: crate::i18n::Said> std::fmt::Display for UpdateError<E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::i18n::say_in(crate::i18n::Lang::En, &crate::i18n::Said::message(self)))
    }
}

/// Problems with the images of a board: missing files, refused links, and with
/// `verify` also files whose content does not match their name.
pub fn check_assets(board_path: &Path, board: &Board, verify: bool) -> Vec<Problem> {
    let store = AssetStore::for_board(board_path);
    let images: Vec<_> = board
        .items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| item.kind.picture().map(|asset| (i, item, asset)))
        .collect();
    if images.is_empty() {
        return Vec::new();
    }
    if !store.dir().exists() && std::fs::symlink_metadata(store.dir()).is_err() {
        return vec![Problem {
            subject: crate::i18n::Message::new("problem-board"),
            field: "assets",
            message: crate::i18n::Message::new("problem-assets-missing")
                .with("folder", store.dir())
                .with("count", images.len()),
        }];
    }
    images
        .into_iter()
        .filter_map(|(i, item, asset)| {
            let result = if verify { store.read_verified(asset).map(drop) } else { store.resolve(asset).map(drop) };
            result.err().map(|e| Problem {
                subject: repair::item_subject(i, &item.id, item.kind.tag()),
                field: "asset",
                message: crate::i18n::Message::new("problem-asset").with("reason", crate::i18n::Said::message(&e)),
            })
        })
        .collect()
}
