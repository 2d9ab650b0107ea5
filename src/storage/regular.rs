//! Opening files that came from someone else (boards, packs, canvases, images) so that
//! what is not a plain file can never hang us: the file is opened without blocking and
//! its type is checked before a single byte is read. A FIFO would otherwise wait forever
//! in `open()` for a writer; a device could be read forever.

use std::fs::File;
use std::io;
use std::path::Path;

use crate::i18n::{Message, Said};

/// Why a path could not be opened as a plain file.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    Io(#[from] io::Error),
    /// It exists but is a FIFO, a device, a socket or a folder.
    NotAFile(FileKind),
}

/// What a path is when it is not a plain file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Folder,
    /// A named pipe, which would wait forever for a writer.
    Fifo,
    Socket,
    Device,
    Other,
}

impl Said for FileKind {
    fn message(&self) -> Message {
        Message::new(match self {
            FileKind::Folder => "file-kind-folder",
            FileKind::Fifo => "file-kind-fifo",
            FileKind::Socket => "file-kind-socket",
            FileKind::Device => "file-kind-device",
            FileKind::Other => "file-kind-other",
        })
    }
}

impl Said for OpenError {
    fn message(&self) -> Message {
        match self {
            OpenError::Io(e) => Message::new("error-open-io").with("reason", crate::i18n::Said::message(e)),
            OpenError::NotAFile(what) => Message::new("error-open-not-a-file").with("what", what.message()),
        }
    }
}

crate::said_as_printed!(OpenError, FileKind);

/// Opens `path` (following links) for reading if it is a regular file.
pub fn open_regular(path: &Path) -> Result<File, OpenError> {
    let file = open_nonblocking(path)?;
    let kind = file_kind(&file.metadata()?);
    match kind {
        None => Ok(file),
        Some(kind) => Err(OpenError::NotAFile(kind)),
    }
}

/// What a non-regular file is; `None` for a regular file.
pub fn file_kind(meta: &std::fs::Metadata) -> Option<FileKind> {
    let t = meta.file_type();
    if t.is_file() {
        return None;
    }
    if t.is_dir() {
        return Some(FileKind::Folder);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return Some(FileKind::Fifo);
        }
        if t.is_socket() {
            return Some(FileKind::Socket);
        }
        if t.is_char_device() || t.is_block_device() {
            return Some(FileKind::Device);
        }
    }
    Some(FileKind::Other)
}

#[cfg(unix)]
fn open_nonblocking(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    // O_NONBLOCK makes opening a FIFO return at once instead of waiting for a writer;
    // on a regular file it changes nothing.
    std::fs::OpenOptions::new().read(true).custom_flags(libc::O_NONBLOCK | libc::O_CLOEXEC).open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> io::Result<File> {
    File::open(path)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn fifos_and_folders_are_refused_without_waiting() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        assert!(matches!(open_regular(&fifo), Err(OpenError::NotAFile(FileKind::Fifo))));
        assert!(matches!(open_regular(dir.path()), Err(OpenError::NotAFile(FileKind::Folder))));
        assert!(matches!(open_regular(Path::new("/dev/zero")), Err(OpenError::NotAFile(FileKind::Device))));
        let file = dir.path().join("f");
        std::fs::write(&file, b"x").unwrap();
        assert!(open_regular(&file).is_ok());
    }
}
