//! Names of image files inside a board's assets folder.
//!
//! A received board can never make us read or write outside its own folder, so an
//! asset reference is not a path: it is a content hash plus an image extension, and
//! nothing else parses. `..`, `/`, `\`, drive letters and absolute paths cannot occur.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Image file extensions an asset may have, in the spelling we write.
/// (`svg` since version 5.)
pub const ASSET_EXTENSIONS: [&str; 7] = ["jpg", "png", "gif", "webp", "bmp", "tiff", "svg"];

/// `<hex content hash>.<ext>`: 32 to 64 lowercase hex digits, a dot, and one of
/// [`ASSET_EXTENSIONS`].
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct AssetName(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{0:?} is not an asset name: asset references must be a content hash and an image extension \
     inside the board's assets folder (like \"3f2a…9c.jpg\"), never a path"
)]
pub struct AssetNameError(pub String);

impl AssetName {
    pub fn parse(s: &str) -> Result<Self, AssetNameError> {
        let bad = || AssetNameError(s.chars().take(200).collect());
        let (hash, ext) = s.split_once('.').ok_or_else(bad)?;
        let hash_ok =
            (32..=64).contains(&hash.len()) && hash.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        if hash_ok && ASSET_EXTENSIONS.contains(&ext) { Ok(Self(s.to_owned())) } else { Err(bad()) }
    }

    /// Builds the name for content with this hex hash and extension.
    pub fn from_hash(hash_hex: &str, ext: &str) -> Result<Self, AssetNameError> {
        Self::parse(&format!("{hash_hex}.{ext}"))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The hex hash part, which the file's content must hash to.
    pub fn hash_hex(&self) -> &str {
        self.0.split_once('.').map_or("", |(h, _)| h)
    }

    /// The extension, one of [`ASSET_EXTENSIONS`]: `jpg`.
    pub fn extension(&self) -> &str {
        self.0.split_once('.').map_or("", |(_, e)| e)
    }
}

impl TryFrom<String> for AssetName {
    type Error = AssetNameError;
    fn try_from(s: String) -> Result<Self, AssetNameError> {
        Self::parse(&s)
    }
}

impl From<AssetName> for String {
    fn from(a: AssetName) -> String {
        a.0
    }
}

impl fmt::Display for AssetName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for AssetName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "AssetName({:?})", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_hash_names() {
        let a = AssetName::parse("0123456789abcdef0123456789abcdef.jpg").unwrap();
        assert_eq!(a.hash_hex(), "0123456789abcdef0123456789abcdef");
    }

    #[test]
    fn refuses_every_path_escape() {
        let h = "0123456789abcdef0123456789abcdef";
        for bad in [
            "../../etc/passwd".to_owned(),
            "/etc/passwd".to_owned(),
            format!("../{h}.jpg"),
            format!("sub/{h}.jpg"),
            format!("{h}.jpg/.."),
            format!("C:\\{h}.jpg"),
            format!("{h}\\..\\x.jpg"),
            format!("{h}.exe"),
            format!("{h}.jpg.png"),
            format!("{}.jpg", h.to_uppercase()),
            "abc.jpg".to_owned(),
            String::new(),
            format!("{h}.jpg\0"),
        ] {
            assert!(AssetName::parse(&bad).is_err(), "accepted {bad:?}");
        }
    }
}
