//! Errors from reading and writing boards. Each says which file and what went wrong, as
//! data: its words are messages (`error-…` in `assets/i18n/*.ftl`), said in the app's
//! language by the app and in English by the command line (see [`crate::i18n::Said`]).

use std::path::PathBuf;

use super::FileKind;
use crate::i18n::{Message, Said};

/// Why a board could not be opened. The file on disk is never changed by a failed load.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    Io { path: PathBuf, source: std::io::Error },
    NotAFile { path: PathBuf, what: FileKind },
    Empty { path: PathBuf },
    TooLarge { path: PathBuf, size: u64, limit: u64 },
    Binary { path: PathBuf, offset: usize, byte: u8 },
    NotUtf8 { path: PathBuf, line: usize, column: usize },
    Syntax { path: PathBuf, line: usize, column: usize, message: String },
    NewerVersion { path: PathBuf, found: u32, supported: u32 },
    UnknownVersion { path: PathBuf, found: u32 },
}

/// Why a board could not be saved. When this is returned the file on disk still holds
/// its previous content and the board in memory is untouched.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    NoFolder {
        path: PathBuf,
        folder: PathBuf,
    },
    /// `action`: the message id of what was being done.
    Io {
        path: PathBuf,
        action: &'static str,
        source: std::io::Error,
    },
    ReadOnly {
        path: PathBuf,
    },
    /// A new board's file would replace one that is there.
    Exists {
        path: PathBuf,
    },
    NotAFile {
        path: PathBuf,
        what: FileKind,
    },
    Serialize {
        path: PathBuf,
        message: String,
    },
    /// The board would be larger than a load accepts, so it would never open again.
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    Lock {
        path: PathBuf,
        source: LockError,
    },
}

/// Why the per-board lock could not be taken.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    Busy(u64),
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// `reason`: the message id of why.
    Unsafe {
        path: PathBuf,
        reason: &'static str,
    },
}

/// Why an image could not be stored in or read from a board's assets folder.
#[derive(Debug, thiserror::Error)]
pub enum AssetError {
    /// `action`: the message id of what was being done ("read the image").
    Io {
        path: PathBuf,
        action: &'static str,
        source: std::io::Error,
    },
    /// `reason`: the message id of why.
    Refused {
        path: PathBuf,
        reason: &'static str,
    },
    NotAFile {
        path: PathBuf,
        what: FileKind,
    },
    Missing {
        path: PathBuf,
    },
    HashMismatch {
        path: PathBuf,
    },
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    Write(#[from] SaveError),
}

impl Said for LoadError {
    fn message(&self) -> Message {
        match self {
            LoadError::Io { path, source } => {
                Message::new("error-load-io").with("path", path).with("reason", crate::i18n::Said::message(source))
            }
            LoadError::NotAFile { path, what } => {
                Message::new("error-load-not-a-file").with("path", path).with("what", what.message())
            }
            LoadError::Empty { path } => Message::new("error-load-empty").with("path", path),
            LoadError::TooLarge { path, size, limit } => {
                Message::new("error-load-too-large").with("path", path).with("size", *size).with("limit", *limit)
            }
            LoadError::Binary { path, offset, byte } => Message::new("error-load-binary")
                .with("path", path)
                .with("offset", *offset)
                .with("byte", format!("{byte:#04x}")),
            LoadError::NotUtf8 { path, line, column } => {
                Message::new("error-load-not-utf8").with("path", path).with("line", *line).with("column", *column)
            }
            LoadError::Syntax { path, line, column, message } => Message::new("error-load-syntax")
                .with("path", path)
                .with("line", *line)
                .with("column", *column)
                .with("message", message),
            LoadError::NewerVersion { path, found, supported } => {
                Message::new("error-load-newer").with("path", path).with("found", *found).with("supported", *supported)
            }
            LoadError::UnknownVersion { path, found } => {
                Message::new("error-load-unknown-version").with("path", path).with("found", *found)
            }
        }
    }
}

impl Said for SaveError {
    fn message(&self) -> Message {
        match self {
            SaveError::NoFolder { path, folder } => {
                Message::new("error-save-no-folder").with("path", path).with("folder", folder)
            }
            SaveError::Io { path, action, source } => Message::new("error-save-io")
                .with("path", path)
                .with("action", Message::new(action))
                .with("reason", crate::i18n::Said::message(source)),
            SaveError::ReadOnly { path } => Message::new("error-save-read-only").with("path", path),
            SaveError::Exists { path } => Message::new("error-save-exists").with("path", path),
            SaveError::NotAFile { path, what } => {
                Message::new("error-save-not-a-file").with("path", path).with("what", what.message())
            }
            SaveError::Serialize { path, message } => {
                Message::new("error-save-serialize").with("path", path).with("message", message)
            }
            SaveError::TooLarge { path, size, limit } => {
                Message::new("error-save-too-large").with("path", path).with("size", *size).with("limit", *limit)
            }
            SaveError::Lock { path, source } => {
                Message::new("error-with-path").with("path", path).with("reason", source.message())
            }
        }
    }
}

impl Said for LockError {
    fn message(&self) -> Message {
        match self {
            LockError::Busy(seconds) => Message::new("error-lock-busy").with("seconds", *seconds),
            LockError::Io { path, source } => {
                Message::new("error-lock-io").with("path", path).with("reason", crate::i18n::Said::message(source))
            }
            LockError::Unsafe { path, reason } => {
                Message::new("error-lock-unsafe").with("path", path).with("reason", Message::new(reason))
            }
        }
    }
}

impl Said for AssetError {
    fn message(&self) -> Message {
        match self {
            AssetError::Io { path, action, source } => Message::new("error-asset-io")
                .with("path", path)
                .with("action", Message::new(action))
                .with("reason", crate::i18n::Said::message(source)),
            AssetError::Refused { path, reason } => {
                Message::new("error-asset-refused").with("path", path).with("reason", Message::new(reason))
            }
            AssetError::NotAFile { path, what } => {
                Message::new("error-asset-not-a-file").with("path", path).with("what", what.message())
            }
            AssetError::Missing { path } => Message::new("error-asset-missing").with("path", path),
            AssetError::HashMismatch { path } => Message::new("error-asset-hash").with("path", path),
            AssetError::TooLarge { path, size, limit } => {
                Message::new("error-asset-too-large").with("path", path).with("size", *size).with("limit", *limit)
            }
            AssetError::Write(e) => e.message(),
        }
    }
}

crate::said_as_printed!(LoadError, SaveError, LockError, AssetError);
