//! The small picture of each board the library shows: drawn in software like the PNG
//! export (pictures decoded at the size drawn), kept as a PNG in the library's cache
//! folder under a name made of the board's path and its file's stamp, so that a changed
//! board gets a new one and an unchanged board is never drawn twice. Pictures of boards
//! that changed or went are removed by [`prune`].

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use image::RgbaImage;

use super::catalog::{self, BoardEntry, FileStamp};
use crate::storage::AssetStore;

/// Longest side of a board's picture, in pixels.
pub const PICTURE_SIDE: f32 = 360.0;
/// Largest picture file read back (a damaged cache cannot make us read more).
const MAX_PICTURE_BYTES: u64 = 4 * 1024 * 1024;

fn folder(cache: &Path) -> PathBuf {
    cache.join("pictures")
}

/// Where the picture of `board` as it was at `stamp` is kept.
fn file(cache: &Path, board: &Path, stamp: FileStamp) -> PathBuf {
    let key = format!("{}\n{}\n{}", board.to_string_lossy(), stamp.len, stamp.modified_ns);
    folder(cache).join(format!("{}.png", &blake3::hash(key.as_bytes()).to_hex()[..32]))
}

/// The picture of `entry`'s board: the one kept, or drawn now (and kept). `None` for a
/// board that cannot be read or has nothing on it.
pub fn picture(cache: &Path, entry: &BoardEntry) -> Option<RgbaImage> {
    let stamp = entry.stamp?;
    entry.summary.as_ref()?;
    let kept = file(cache, &entry.path, stamp);
    if let Some(image) = read(&kept) {
        return Some(image);
    }
    let board = catalog::read(&entry.path).ok()?;
    let image = crate::export::render_picture(&board, &AssetStore::for_board(&entry.path), PICTURE_SIDE).ok()?;
    let _ = std::fs::create_dir_all(folder(cache));
    let mut png = Vec::new();
    if image.write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png).is_ok() {
        // A picture not kept is drawn again next time: nothing is lost.
        let _ = crate::storage::replace_file(&kept, None, |f| std::io::Write::write_all(f, &png));
    }
    Some(image)
}

fn read(path: &Path) -> Option<RgbaImage> {
    let file = crate::storage::open_regular(path).ok()?;
    if file.metadata().ok()?.len() > MAX_PICTURE_BYTES {
        return None;
    }
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut std::io::Read::take(file, MAX_PICTURE_BYTES), &mut bytes).ok()?;
    let image = image::load_from_memory_with_format(&bytes, image::ImageFormat::Png).ok()?;
    (image.width() <= PICTURE_SIDE as u32 && image.height() <= PICTURE_SIDE as u32).then(|| image.to_rgba8())
}

/// Removes the pictures of boards that are no longer as `boards` say.
pub fn prune(cache: &Path, boards: &[BoardEntry]) {
    let keep: HashSet<PathBuf> =
        boards.iter().filter_map(|b| b.stamp.map(|stamp| file(cache, &b.path, stamp))).collect();
    let Ok(entries) = std::fs::read_dir(folder(cache)) else { return };
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "png") && !keep.contains(&path) {
            let _ = std::fs::remove_file(path);
        }
    }
}
