//! The assets folder beside a board (`NAME.assets/`): image files named by their
//! content hash, so the same image added twice is stored once and a damaged file is
//! recognised by its name.
//!
//! Nothing here follows a symbolic link or accepts a name that is not an
//! [`AssetName`], so a received board can never make us read or write outside it.

use std::fs;
use std::io::Read as _;
use std::path::{Path, PathBuf};

use super::AssetError;
use super::atomic::replace_file;
use crate::model::AssetName;

/// Largest image file accepted into a board.
pub const MAX_ASSET_BYTES: u64 = 256 * 1024 * 1024;

/// Hex digits of the content hash used in asset names (128 bits of BLAKE3).
const HASH_HEX_LEN: usize = 32;

/// The content hash an asset with these bytes is named by.
pub fn content_hash(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex()[..HASH_HEX_LEN].to_owned()
}

/// A board's assets folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AssetStore {
    dir: PathBuf,
}

impl AssetStore {
    pub fn for_board(board_path: &Path) -> Self {
        Self { dir: super::paths::assets_dir(board_path) }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Refuses an assets folder that is a symbolic link (it could point anywhere).
    fn check_dir(&self) -> Result<bool, AssetError> {
        match fs::symlink_metadata(&self.dir) {
            Ok(m) if m.file_type().is_symlink() => {
                Err(AssetError::Refused { path: self.dir.clone(), reason: "reason-assets-symlink" })
            }
            Ok(m) if m.is_dir() => Ok(true),
            Ok(_) => Err(AssetError::Refused { path: self.dir.clone(), reason: "reason-assets-is-a-file" }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
            Err(source) => Err(AssetError::Io { path: self.dir.clone(), action: "action-read-assets-folder", source }),
        }
    }

    /// Where an asset's file is, after checking that it is a plain file inside the
    /// assets folder (not a link, not a folder).
    pub fn resolve(&self, name: &AssetName) -> Result<PathBuf, AssetError> {
        let path = self.dir.join(name.as_str());
        if !self.check_dir()? {
            return Err(AssetError::Missing { path });
        }
        match fs::symlink_metadata(&path) {
            Ok(m) if m.file_type().is_symlink() => Err(AssetError::Refused { path, reason: "reason-image-symlink" }),
            Ok(m) if m.is_file() => Ok(path),
            Ok(_) => Err(AssetError::Refused { path, reason: "reason-image-not-a-file" }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(AssetError::Missing { path }),
            Err(source) => Err(AssetError::Io { path, action: "action-read-image", source }),
        }
    }

    /// Reads an asset and checks that its content matches its name, which catches
    /// truncated and damaged files that would otherwise decode as grey.
    pub fn read_verified(&self, name: &AssetName) -> Result<Vec<u8>, AssetError> {
        let path = self.resolve(name)?;
        let bytes = read_capped(&path)?;
        if content_hash(&bytes) != name.hash_hex() {
            return Err(AssetError::HashMismatch { path });
        }
        Ok(bytes)
    }

    /// Stores image bytes under their content hash with extension `ext` (one of
    /// [`crate::model::ASSET_EXTENSIONS`]) and returns the name. If an intact copy is
    /// already there, nothing is written.
    pub fn store(&self, bytes: &[u8], ext: &str) -> Result<AssetName, AssetError> {
        let name = AssetName::from_hash(&content_hash(bytes), ext)
            .map_err(|_| AssetError::Refused { path: self.dir.clone(), reason: "reason-not-an-image-extension" })?;
        if !self.check_dir()? {
            fs::create_dir(&self.dir)
                .or_else(|e| if e.kind() == std::io::ErrorKind::AlreadyExists { Ok(()) } else { Err(e) })
                .map_err(|source| AssetError::Io {
                    path: self.dir.clone(),
                    action: "action-create-assets-folder",
                    source,
                })?;
            self.check_dir()?;
        }
        match self.read_verified(&name) {
            Ok(_) => return Ok(name),
            Err(AssetError::Missing { .. } | AssetError::HashMismatch { .. }) => {}
            Err(e) => return Err(e),
        }
        let path = self.dir.join(name.as_str());
        replace_file(&path, None, |f| std::io::Write::write_all(f, bytes))?;
        Ok(name)
    }
}

/// Copies the pictures `board` (the board at `from`) uses into the assets folder of the
/// board at `to`, calling `step` after each; a picture missing at `from` stays missing
/// (a placeholder in both). For a copy of a whole board: Save as, a duplicate.
pub fn copy_pictures(
    from: &Path,
    board: &crate::model::Board,
    to: &Path,
    mut step: impl FnMut(),
) -> Result<(), AssetError> {
    let (source, target) = (AssetStore::for_board(from), AssetStore::for_board(to));
    for asset in board.image_assets() {
        if let Ok(bytes) = source.read_verified(asset) {
            target.store(&bytes, asset.extension())?;
        }
        step();
    }
    Ok(())
}

/// Reads a file of at most [`MAX_ASSET_BYTES`].
pub fn read_capped(path: &Path) -> Result<Vec<u8>, AssetError> {
    let io = |action| move |source| AssetError::Io { path: path.to_owned(), action, source };
    let file = super::open_regular(path).map_err(|e| match e {
        super::OpenError::Io(source) => AssetError::Io { path: path.to_owned(), action: "action-open", source },
        super::OpenError::NotAFile(what) => AssetError::NotAFile { path: path.to_owned(), what },
    })?;
    let size = file.metadata().map_err(io("action-read"))?.len();
    if size > MAX_ASSET_BYTES {
        return Err(AssetError::TooLarge { path: path.to_owned(), size, limit: MAX_ASSET_BYTES });
    }
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(MAX_ASSET_BYTES + 1).read_to_end(&mut bytes).map_err(io("action-read"))?;
    if bytes.len() as u64 > MAX_ASSET_BYTES {
        return Err(AssetError::TooLarge { path: path.to_owned(), size: bytes.len() as u64, limit: MAX_ASSET_BYTES });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_bytes_are_stored_once() {
        let dir = tempfile::tempdir().unwrap();
        let store = AssetStore::for_board(&dir.path().join("b.moodboard.ron"));
        let a = store.store(b"pixels", "png").unwrap();
        let b = store.store(b"pixels", "png").unwrap();
        assert_eq!(a, b);
        assert_eq!(fs::read_dir(store.dir()).unwrap().count(), 1);
        assert_eq!(store.read_verified(&a).unwrap(), b"pixels");
    }

    #[test]
    fn damaged_files_are_recognised_and_repaired_by_storing_again() {
        let dir = tempfile::tempdir().unwrap();
        let store = AssetStore::for_board(&dir.path().join("b.moodboard.ron"));
        let name = store.store(b"full image", "jpg").unwrap();
        fs::write(store.dir().join(name.as_str()), b"full im").unwrap();
        assert!(matches!(store.read_verified(&name), Err(AssetError::HashMismatch { .. })));
        store.store(b"full image", "jpg").unwrap();
        assert_eq!(store.read_verified(&name).unwrap(), b"full image");
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_are_never_followed() {
        let dir = tempfile::tempdir().unwrap();
        let outside = dir.path().join("secret.txt");
        fs::write(&outside, b"secret").unwrap();
        let store = AssetStore::for_board(&dir.path().join("b.moodboard.ron"));
        fs::create_dir(store.dir()).unwrap();
        let name = AssetName::from_hash(&content_hash(b"secret"), "png").unwrap();
        std::os::unix::fs::symlink(&outside, store.dir().join(name.as_str())).unwrap();
        assert!(matches!(store.read_verified(&name), Err(AssetError::Refused { .. })));

        let dir2 = tempfile::tempdir().unwrap();
        let store2 = AssetStore::for_board(&dir2.path().join("c.moodboard.ron"));
        std::os::unix::fs::symlink(dir.path(), store2.dir()).unwrap();
        assert!(matches!(store2.store(b"x", "png"), Err(AssetError::Refused { .. })));
        assert!(!dir.path().join(content_hash(b"x") + ".png").exists());
    }
}
