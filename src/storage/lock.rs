//! A lock per board file, so that processes changing the same board (two `moodboard
//! add`s, or `add` while the app saves) take turns at read-change-write and never lose
//! each other's items.
//!
//! The board file itself cannot be locked, because saving replaces it by rename. The
//! lock file lives in the system's temporary folder, named by a hash of the board's full
//! path, so that nothing extra appears in folders that are shared or synced.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::LockError;

/// How long to wait for another process before giving up.
pub const LOCK_TIMEOUT: Duration = Duration::from_secs(10);

/// Held while a process reads, changes and writes a board. Unlocks when dropped.
#[derive(Debug)]
pub struct BoardLock {
    _file: File,
}

/// The lock file that guards `board_path`.
pub fn lock_path(board_path: &Path) -> PathBuf {
    let folder = super::paths::board_folder(board_path);
    let folder = folder.canonicalize().unwrap_or(folder);
    let full = folder.join(board_path.file_name().unwrap_or_default());
    let hash = blake3::hash(full.to_string_lossy().as_bytes()).to_hex();
    std::env::temp_dir().join("moodboard-locks").join(format!("{}.lock", &hash[..32]))
}

impl BoardLock {
    /// Waits up to [`LOCK_TIMEOUT`] for the lock on `board_path`.
    pub fn acquire(board_path: &Path) -> Result<Self, LockError> {
        let path = lock_path(board_path);
        let io = |source| LockError::Io { path: path.clone(), source };
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(io)?;
        }
        let file = OpenOptions::new().create(true).truncate(false).write(true).open(&path).map_err(io)?;
        let start = Instant::now();
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(Self { _file: file }),
                Err(TryLockError::WouldBlock) if start.elapsed() < LOCK_TIMEOUT => {
                    std::thread::sleep(Duration::from_millis(15));
                }
                Err(TryLockError::WouldBlock) => return Err(LockError::Busy(LOCK_TIMEOUT.as_secs())),
                Err(TryLockError::Error(e)) => return Err(io(e)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_board_locks_once_and_relative_paths_agree() {
        let dir = tempfile::tempdir().unwrap();
        let board = dir.path().join("b.moodboard.ron");
        let a = BoardLock::acquire(&board).unwrap();
        let other = OpenOptions::new().write(true).open(lock_path(&board)).unwrap();
        assert!(matches!(other.try_lock(), Err(TryLockError::WouldBlock)));
        drop(a);
        assert!(other.try_lock().is_ok());
        assert_ne!(lock_path(&board), lock_path(&dir.path().join("c.moodboard.ron")));
    }
}
