//! A lock per board file, so that processes changing the same board (two `moodboard
//! add`s, or `add` while the app saves) take turns at read-change-write and never lose
//! each other's items.
//!
//! The board file itself cannot be locked, because saving replaces it by rename. The
//! lock file lives in a folder of the user's own (`~/.cache/moodboard/locks`, mode
//! 0700, checked to belong to the user and not to be a link), named by a hash of the
//! board's full path, so that nothing extra appears in folders that are shared or
//! synced and no other user can block, break or redirect it. The lock is the
//! operating system's file lock ([`File::try_lock`]): it goes with the process, so a
//! lock held by a process that died never blocks anyone.

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

/// This user's folder for lock files (not created here).
pub fn lock_dir() -> PathBuf {
    match directories::BaseDirs::new() {
        Some(dirs) => dirs.cache_dir().join("moodboard").join("locks"),
        None => std::env::temp_dir().join(format!("moodboard-locks-{}", user_id())),
    }
}

/// The lock file that guards `board_path`.
pub fn lock_path(board_path: &Path) -> PathBuf {
    // A link and the file it leads to are one board, with one lock.
    let board_path = &super::paths::resolved(board_path);
    let folder = super::paths::board_folder(board_path);
    let folder = folder.canonicalize().unwrap_or(folder);
    let full = folder.join(board_path.file_name().unwrap_or_default());
    let hash = blake3::hash(full.to_string_lossy().as_bytes()).to_hex();
    lock_dir().join(format!("{}.lock", &hash[..32]))
}

impl BoardLock {
    /// Waits up to [`LOCK_TIMEOUT`] for the lock on `board_path`.
    pub fn acquire(board_path: &Path) -> Result<Self, LockError> {
        Self::acquire_within(board_path, LOCK_TIMEOUT)
    }

    /// Waits up to `timeout` for the lock on `board_path`.
    pub fn acquire_within(board_path: &Path, timeout: Duration) -> Result<Self, LockError> {
        let path = lock_path(board_path);
        let io = |source| LockError::Io { path: path.clone(), source };
        if let Some(dir) = path.parent() {
            own_folder(dir)?;
        }
        let file = open_lock_file(&path).map_err(io)?;
        check_owned(&path, &file.metadata().map_err(io)?, false)?;
        let start = Instant::now();
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(Self { _file: file }),
                Err(TryLockError::WouldBlock) if start.elapsed() < timeout => {
                    std::thread::sleep(Duration::from_millis(15));
                }
                Err(TryLockError::WouldBlock) => return Err(LockError::Busy(timeout.as_secs())),
                Err(TryLockError::Error(e)) => return Err(io(e)),
            }
        }
    }
}

/// Creates the lock folder (private to the user) if needed and checks that it is a real
/// folder of this user's that nobody else can write to.
fn own_folder(dir: &Path) -> Result<(), LockError> {
    let io = |source| LockError::Io { path: dir.to_owned(), source };
    if let Some(parent) = dir.parent() {
        std::fs::create_dir_all(parent).map_err(io)?;
    }
    let mut builder = std::fs::DirBuilder::new();
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    match builder.create(dir) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
        Err(e) => return Err(io(e)),
    }
    let meta = std::fs::symlink_metadata(dir).map_err(io)?;
    check_owned(dir, &meta, true)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if meta.permissions().mode() & 0o077 != 0 {
            // Ours, but others may write in it: make it private.
            std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700)).map_err(io)?;
        }
    }
    Ok(())
}

/// Refuses a lock file or folder that is a link, of the wrong type, or another user's.
fn check_owned(path: &Path, meta: &std::fs::Metadata, folder: bool) -> Result<(), LockError> {
    let unsafe_lock = |reason: &'static str| LockError::Unsafe { path: path.to_owned(), reason };
    if meta.file_type().is_symlink() {
        return Err(unsafe_lock("reason-lock-symlink"));
    }
    if folder && !meta.is_dir() {
        return Err(unsafe_lock("reason-lock-not-a-folder"));
    }
    if !folder && !meta.is_file() {
        return Err(unsafe_lock("reason-lock-not-a-file"));
    }
    #[cfg(unix)]
    if std::os::unix::fs::MetadataExt::uid(meta) != user_id() {
        return Err(unsafe_lock("reason-lock-other-user"));
    }
    Ok(())
}

/// Opens (creating) a lock file without following a link planted in its place.
fn open_lock_file(path: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.create(true).truncate(false).read(true).write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_CLOEXEC | libc::O_NONBLOCK).mode(0o600);
    }
    options.open(path)
}

#[cfg(unix)]
fn user_id() -> u32 {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() }
}

#[cfg(not(unix))]
fn user_id() -> u32 {
    0
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

    #[cfg(unix)]
    #[test]
    fn the_lock_folder_is_private_and_links_are_never_followed() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let board = dir.path().join("planted.moodboard.ron");
        drop(BoardLock::acquire(&board).unwrap());
        let folder = lock_dir();
        assert_eq!(std::fs::metadata(&folder).unwrap().permissions().mode() & 0o777, 0o700);
        // A link planted where the lock file goes would make us create a file anywhere.
        let lock = lock_path(&board);
        std::fs::remove_file(&lock).unwrap();
        let target = dir.path().join("victim");
        std::os::unix::fs::symlink(&target, &lock).unwrap();
        let err = BoardLock::acquire(&board).unwrap_err();
        assert!(err.to_string().contains(&lock.display().to_string()), "{err}");
        assert!(!target.exists(), "the link was followed");
        std::fs::remove_file(&lock).unwrap();
    }
}
