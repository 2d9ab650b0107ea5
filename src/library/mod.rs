//! Every board the user keeps, found again: the boards in the boards folder (and any
//! other folders the user adds), each with what the library shows of it (`catalog.rs`),
//! and a full-text index of every idea on them (`index.rs`, tantivy), both kept in the
//! cache folder and brought up to date by [`Library::refresh`], which reads only the
//! boards whose files changed since. Deleting the cache is always safe: it is rebuilt.
//!
//! Knows nothing of egui: the app runs it in the background, the CLI in front.

mod catalog;
mod index;
mod manage;
mod picture;
mod query;
mod templates;
mod transfer;

use std::path::{Path, PathBuf};

pub use catalog::{BoardEntry, FileStamp, Summary, board_files};
pub use index::{Library, LibraryError, Progress, Refreshed};
pub use manage::{ManageError, Trashed, duplicate, duplicate_of, retitle, trash, untrash};
pub use picture::{PICTURE_SIDE, picture, prune};
pub use query::{Filters, Hit};
pub use templates::{Builtin, Template, create_from, save_as_template, saved_templates, templates_dir};
pub use transfer::{INBOX_FILE, add_ideas, copy_cards, inbox};

/// Environment variable naming the cache folder (the thumbnails' and the library's).
pub use crate::media::thumbs::CACHE_DIR_ENV;

/// The folder the library keeps its catalog and index in: `library/` in the cache
/// folder (`MOODBOARD_CACHE_DIR/library` when that is set).
pub fn cache_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(CACHE_DIR_ENV) {
        return Some(PathBuf::from(dir).join("library"));
    }
    directories::ProjectDirs::from("", "", "Moodboard").map(|d| d.cache_dir().join("library"))
}

/// The folders the library looks in: the boards folder first, then the others, each once.
pub fn folders(boards_dir: &Path, more: &[PathBuf]) -> Vec<PathBuf> {
    let mut all = vec![boards_dir.to_owned()];
    for folder in more {
        if !all.contains(folder) {
            all.push(folder.clone());
        }
    }
    all
}

#[cfg(test)]
mod tests;
