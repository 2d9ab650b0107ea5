//! Errors from reading and writing boards. Each says which file and what went wrong.

use std::path::PathBuf;

/// Why a board could not be opened. The file on disk is never changed by a failed load.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{}: cannot read: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{}: this is {what}, not a board file", path.display())]
    NotAFile { path: PathBuf, what: &'static str },
    #[error("{}: the file is empty; a board starts with `(` followed by `version: 1`", path.display())]
    Empty { path: PathBuf },
    #[error("{}: the file is {size} bytes; boards larger than {limit} bytes are refused", path.display())]
    TooLarge { path: PathBuf, size: u64, limit: u64 },
    #[error("{}: this is a binary file, not a Moodboard board (byte {offset} is {byte:#04x})", path.display())]
    Binary { path: PathBuf, offset: usize, byte: u8 },
    #[error("{}:{line}:{column}: the file is not valid UTF-8 text", path.display())]
    NotUtf8 { path: PathBuf, line: usize, column: usize },
    #[error("{}:{line}:{column}: {message}", path.display())]
    Syntax { path: PathBuf, line: usize, column: usize, message: String },
    #[error(
        "{}: this board was written by a newer Moodboard (format version {found}); this version reads up \
         to format version {supported}. Update Moodboard to open it.",
        path.display()
    )]
    NewerVersion { path: PathBuf, found: u32, supported: u32 },
    #[error("{}: format version {found} does not exist; versions start at 1", path.display())]
    UnknownVersion { path: PathBuf, found: u32 },
}

/// Why a board could not be saved. When this is returned the file on disk still holds
/// its previous content and the board in memory is untouched.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("{}: cannot save: the folder {} does not exist", path.display(), folder.display())]
    NoFolder { path: PathBuf, folder: PathBuf },
    #[error("{}: cannot save, the file is unchanged: {action}: {source}", path.display())]
    Io { path: PathBuf, action: &'static str, source: std::io::Error },
    #[error(
        "{}: the file is read-only (write-protected), so it was not changed; make it writable, or save a \
         copy under another name",
        path.display()
    )]
    ReadOnly { path: PathBuf },
    #[error("{}: this is {what}, not a file, so it was not replaced", path.display())]
    NotAFile { path: PathBuf, what: &'static str },
    #[error("{}: cannot save: the board could not be written as RON: {message}", path.display())]
    Serialize { path: PathBuf, message: String },
    #[error("{}: {source}", path.display())]
    Lock { path: PathBuf, source: LockError },
}

/// Why the per-board lock could not be taken.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error("another Moodboard process kept this board busy for {0} seconds; try again")]
    Busy(u64),
    #[error("cannot create the lock file {}: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
    #[error("refused to use the lock {}: {reason}; remove it and try again", path.display())]
    Unsafe { path: PathBuf, reason: &'static str },
}

/// Why an image could not be stored in or read from a board's assets folder.
#[derive(Debug, thiserror::Error)]
pub enum AssetError {
    #[error("{}: cannot {action}: {source}", path.display())]
    Io { path: PathBuf, action: &'static str, source: std::io::Error },
    #[error("{}: refused: {reason}", path.display())]
    Refused { path: PathBuf, reason: &'static str },
    #[error("{}: this is {what}, not a file; only plain files are read", path.display())]
    NotAFile { path: PathBuf, what: &'static str },
    #[error("{}: the image file is missing", path.display())]
    Missing { path: PathBuf },
    #[error("{}: the file's content does not match its name (damaged or truncated)", path.display())]
    HashMismatch { path: PathBuf },
    #[error("{}: {size} bytes is larger than the {limit}-byte limit for images", path.display())]
    TooLarge { path: PathBuf, size: u64, limit: u64 },
    #[error(transparent)]
    Write(#[from] SaveError),
}
