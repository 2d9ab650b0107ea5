//! Packs: a board and its images in one zip file (`NAME.moodpack`) to email.
//!
//! Inside: `NAME.moodboard.ron` at the top and `NAME.assets/HASH.EXT` for each image,
//! nothing else. Unpacking refuses — with the entry's name and what was wrong, and
//! before writing anything — any entry that is not exactly that shape: absolute paths,
//! `..`, backslashes, links, oversized entries and zip bombs. Names are refused, never
//! repaired. Each image is checked against its content hash as it is written.

use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

use crate::i18n::{Message, Said};

use super::{AssetStore, MAX_ASSET_BYTES, format, paths};
use crate::model::{AssetName, Board};

/// The extension of pack files.
pub const PACK_EXTENSION: &str = "moodpack";
/// The most entries a pack may hold.
pub const MAX_ENTRIES: usize = 20_000;
/// The most a whole pack may unpack to.
pub const MAX_UNPACKED_BYTES: u64 = 4 * 1024 * 1024 * 1024;
/// Entries that expand more than this many times are refused as zip bombs (photos
/// barely compress; a board's text compresses about ten times).
pub const MAX_RATIO: u64 = 100;

/// Why a pack could not be made or unpacked.
#[derive(Debug, thiserror::Error)]
pub enum PackError {
    Io {
        path: PathBuf,
        reason: Message,
    },
    /// `detail`: what the zip reader said.
    NotAZip {
        path: PathBuf,
        detail: String,
    },
    Refused {
        path: PathBuf,
        entry: String,
        reason: Message,
    },
    Invalid {
        path: PathBuf,
        reason: Message,
    },
}

impl Said for PackError {
    fn message(&self) -> Message {
        match self {
            PackError::Io { path, reason } => {
                Message::new("error-with-path").with("path", path).with("reason", reason.clone())
            }
            PackError::NotAZip { path, detail } => {
                Message::new("pack-not-a-zip").with("path", path).with("detail", detail)
            }
            PackError::Refused { path, entry, reason } => Message::new("pack-entry-refused")
                .with("path", path)
                .with("entry", format!("{entry:?}"))
                .with("reason", reason.clone()),
            PackError::Invalid { path, reason } => {
                Message::new("pack-invalid").with("path", path).with("reason", reason.clone())
            }
        }
    }
}

crate::said_as_printed!(PackError);

/// Writes `board` (stored at `board_path`, for its name and images) and its images
/// into a pack at `out` (replaced atomically). Returns how many images went in and the
/// names of any that were missing.
pub fn pack(board_path: &Path, board: &Board, out: &Path) -> Result<(usize, Vec<String>), PackError> {
    let io = |reason: Message| PackError::Io { path: out.to_owned(), reason };
    let name = paths::board_name(board_path);
    let text =
        format::to_text(board).map_err(|e| io(Message::new("pack-not-written").with("detail", e.to_string())))?;
    let store = AssetStore::for_board(board_path);
    let assets = board.image_assets();
    let mut missing = Vec::new();
    let mut count = 0;
    super::replace_file(out, None, |file| {
        let mut zip = zip::ZipWriter::new(file);
        let text_options =
            zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        // Photos are already compressed; storing them is as small and much faster.
        let image_options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
        zip.start_file(format!("{name}{}", paths::BOARD_SUFFIX), text_options).map_err(std::io::Error::other)?;
        zip.write_all(text.as_bytes())?;
        for asset in &assets {
            match store.read_verified(asset) {
                Ok(bytes) => {
                    zip.start_file(format!("{name}.assets/{}", asset.as_str()), image_options)
                        .map_err(std::io::Error::other)?;
                    zip.write_all(&bytes)?;
                    count += 1;
                }
                Err(_) => missing.push(asset.as_str().to_owned()),
            }
        }
        zip.finish().map_err(std::io::Error::other)?;
        Ok(())
    })
    .map_err(|e| io(e.message()))?;
    Ok((count, missing))
}

/// One entry of a pack that passed the checks.
struct Entry {
    index: usize,
    size: u64,
    /// `None` for the board file.
    asset: Option<AssetName>,
}

/// Unpacks `pack_path` into the folder `into` (created if needed), under the board's
/// own name, or with a number added if that name is taken there. Returns the path of
/// the unpacked board. Nothing is written outside `into`, and nothing at all if any
/// entry is refused.
pub fn unpack(pack_path: &Path, into: &Path) -> Result<PathBuf, PackError> {
    let io = |reason: Message| PackError::Io { path: pack_path.to_owned(), reason };
    let file = super::open_regular(pack_path).map_err(|e| io(e.message()))?;
    let mut zip = zip::ZipArchive::new(file)
        .map_err(|e| PackError::NotAZip { path: pack_path.to_owned(), detail: e.to_string() })?;
    let (name, board_entry, entries) = check_entries(pack_path, &mut zip)?;

    // The board first, in memory: a pack whose board does not load is refused whole.
    let text = read_entry(pack_path, &mut zip, &board_entry, format::MAX_BOARD_BYTES)?;
    let text = String::from_utf8(text)
        .map_err(|_| PackError::Invalid { path: pack_path.to_owned(), reason: Message::new("pack-board-not-utf8") })?;
    let inner = PathBuf::from(format!("{name}{}", paths::BOARD_SUFFIX));
    let (board, _) = format::parse(&inner, &text)
        .map_err(|e| PackError::Invalid { path: pack_path.to_owned(), reason: e.message() })?
        .repaired();

    std::fs::create_dir_all(into).map_err(|e| {
        io(Message::new("pack-cannot-create").with("path", into).with("reason", crate::i18n::Said::message(&e)))
    })?;
    let target = paths::unused_board_path(into, &name);
    let store = AssetStore::for_board(&target);
    let created_assets = !store.dir().exists();
    let result = (|| {
        for entry in &entries {
            let Some(asset) = &entry.asset else { continue };
            let bytes = read_entry(pack_path, &mut zip, entry, MAX_ASSET_BYTES)?;
            let stored = store.store(&bytes, asset.extension()).map_err(|e| io(e.message()))?;
            if &stored != asset {
                let _ = std::fs::remove_file(store.dir().join(stored.as_str()));
                return Err(PackError::Refused {
                    path: pack_path.to_owned(),
                    entry: format!("{name}.assets/{}", asset.as_str()),
                    reason: Message::new("pack-entry-altered"),
                });
            }
        }
        super::create(&target, &board).map_err(|e| io(e.message()))
    })();
    if let Err(e) = result {
        if created_assets {
            let _ = std::fs::remove_dir_all(store.dir());
        }
        return Err(e);
    }
    Ok(target)
}

/// Checks every entry's name, type and size before anything is written.
fn check_entries<R: Read + Seek>(
    pack_path: &Path,
    zip: &mut zip::ZipArchive<R>,
) -> Result<(String, Entry, Vec<Entry>), PackError> {
    let refuse = |entry: &str, reason: Message| PackError::Refused {
        path: pack_path.to_owned(),
        entry: entry.to_owned(),
        reason,
    };
    if zip.has_duplicate_names() {
        // Readers disagree on which of two same-named entries counts (we would read the
        // last, other tools unpack the first): a pack must not be two things at once.
        return Err(PackError::Invalid { path: pack_path.to_owned(), reason: Message::new("pack-duplicate-names") });
    }
    if zip.len() > MAX_ENTRIES {
        return Err(PackError::Invalid {
            path: pack_path.to_owned(),
            reason: Message::new("pack-too-many-entries").with("count", zip.len()).with("max", MAX_ENTRIES),
        });
    }
    let mut board: Option<(String, Entry)> = None;
    let mut assets = Vec::new();
    let mut total: u64 = 0;
    for index in 0..zip.len() {
        let file = zip
            .by_index_raw(index)
            .map_err(|e| PackError::NotAZip { path: pack_path.to_owned(), detail: e.to_string() })?;
        let raw = String::from_utf8_lossy(file.name_raw()).into_owned();
        let Ok(entry_name) = std::str::from_utf8(file.name_raw()) else {
            return Err(refuse(&raw, Message::new("pack-name-not-utf8")));
        };
        if let Some(reason) = unsafe_name(entry_name) {
            return Err(refuse(entry_name, Message::new(reason)));
        }
        if file.is_symlink() {
            return Err(refuse(entry_name, Message::new("pack-entry-link")));
        }
        let (size, packed) = (file.size(), file.compressed_size());
        if size > packed.saturating_mul(MAX_RATIO).max(1024 * 1024) {
            let bomb = Message::new("pack-entry-bomb").with("size", size).with("packed", packed);
            return Err(refuse(entry_name, bomb));
        }
        total = total.saturating_add(size);
        if total > MAX_UNPACKED_BYTES {
            return Err(refuse(entry_name, Message::new("pack-too-big")));
        }
        if file.is_dir() {
            if entry_name.ends_with(".assets/") && !entry_name[..entry_name.len() - 1].contains('/') {
                continue;
            }
            return Err(refuse(entry_name, Message::new("pack-entry-folder")));
        }
        if let Some(name) = entry_name.strip_suffix(paths::BOARD_SUFFIX)
            && !name.contains('/')
        {
            if size > format::MAX_BOARD_BYTES {
                return Err(refuse(entry_name, Message::new("pack-board-too-large")));
            }
            if board.is_some() {
                return Err(refuse(entry_name, Message::new("pack-two-boards")));
            }
            board = Some((name.to_owned(), Entry { index, size, asset: None }));
            continue;
        }
        let Some((folder, file_name)) = entry_name.split_once('/') else {
            return Err(refuse(entry_name, Message::new("pack-entry-stray")));
        };
        let Some(asset) = folder.strip_suffix(".assets").and_then(|_| AssetName::parse(file_name).ok()) else {
            return Err(refuse(entry_name, Message::new("pack-entry-stray")));
        };
        if size > MAX_ASSET_BYTES {
            return Err(refuse(entry_name, Message::new("pack-image-too-large")));
        }
        assets.push((folder.to_owned(), Entry { index, size, asset: Some(asset) }));
    }
    let Some((name, board_entry)) = board else {
        return Err(PackError::Invalid {
            path: pack_path.to_owned(),
            reason: Message::new("pack-no-board").with("suffix", paths::BOARD_SUFFIX),
        });
    };
    if name.is_empty() || name.starts_with('.') {
        return Err(refuse(&format!("{name}{}", paths::BOARD_SUFFIX), Message::new("pack-board-no-name")));
    }
    let expected = format!("{name}.assets");
    if let Some((folder, _)) = assets.iter().find(|(f, _)| *f != expected) {
        return Err(refuse(folder, Message::new("pack-images-elsewhere").with("folder", expected.as_str())));
    }
    Ok((name, board_entry, assets.into_iter().map(|(_, e)| e).collect()))
}

/// Why an entry name is unsafe (a message id), if it is: names are refused, never repaired.
fn unsafe_name(name: &str) -> Option<&'static str> {
    if name.is_empty() {
        return Some("pack-name-empty");
    }
    if name.starts_with('/') || name.starts_with('\\') {
        return Some("pack-name-absolute");
    }
    if name.contains('\\') {
        return Some("pack-name-backslash");
    }
    if name.contains(':') {
        return Some("pack-name-colon");
    }
    if name.chars().any(char::is_control) {
        return Some("pack-name-control");
    }
    let trimmed = name.strip_suffix('/').unwrap_or(name);
    if trimmed.split('/').any(|c| c.is_empty() || c == "." || c == "..") {
        return Some("pack-name-dots");
    }
    None
}

/// Reads one entry, stopping past `limit` or its declared size, whatever the header says.
fn read_entry<R: Read + Seek>(
    pack_path: &Path,
    zip: &mut zip::ZipArchive<R>,
    entry: &Entry,
    limit: u64,
) -> Result<Vec<u8>, PackError> {
    let file = zip
        .by_index(entry.index)
        .map_err(|e| PackError::NotAZip { path: pack_path.to_owned(), detail: e.to_string() })?;
    let name = String::from_utf8_lossy(file.name_raw()).into_owned();
    let cap = entry.size.min(limit);
    let mut bytes = Vec::with_capacity(usize::try_from(cap.min(64 * 1024 * 1024)).unwrap_or(0));
    file.take(cap + 1).read_to_end(&mut bytes).map_err(|e| PackError::Refused {
        path: pack_path.to_owned(),
        entry: name.clone(),
        reason: Message::new("pack-entry-unreadable").with("reason", crate::i18n::Said::message(&e)),
    })?;
    if bytes.len() as u64 > cap {
        return Err(PackError::Refused {
            path: pack_path.to_owned(),
            entry: name,
            reason: Message::new("pack-entry-longer"),
        });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::unsafe_name;

    #[test]
    fn unsafe_names_are_refused_not_repaired() {
        for bad in ["/etc/passwd", "a/../x", "../x", "C:/x", "a\\b", "./a", "a//b", "x\u{0}y", ""] {
            assert!(unsafe_name(bad).is_some(), "{bad:?}");
        }
        for good in ["Cafe.moodboard.ron", "Cafe.assets/", "Cafe.assets/0123.jpg"] {
            assert!(unsafe_name(good).is_none(), "{good:?}");
        }
    }
}
