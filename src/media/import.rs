//! Bringing an image file into a board: check it is a real, sane image, then copy it
//! into the board's assets folder under its content hash. The check is the decode of its
//! card picture, which goes into the thumbnail cache, so the first look at the new card
//! costs no second decode.

use std::path::Path;

use super::decode::decode_probed;
use super::thumbs::ThumbCache;
use super::{ImageError, TEXTURE_MAX_SIDE};
use crate::model::{AssetName, PixelSize};
use crate::storage::{AssetError, AssetStore, read_capped};

/// An image now stored in a board's assets folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Imported {
    pub asset: AssetName,
    pub pixel_size: PixelSize,
    /// The name of the file it came from, for people.
    pub file_name: String,
    /// The web address it was downloaded from; empty for a file.
    pub url: String,
}

impl Imported {
    /// The image card it becomes: the whole picture, captioned with its file's name when
    /// that name says something (see [`crate::model::kinds::Image::caption_from`]).
    pub fn into_kind(self) -> crate::model::ItemKind {
        crate::model::ItemKind::Image(crate::model::kinds::Image {
            asset: self.asset,
            caption: crate::model::kinds::Image::caption_from(&self.file_name),
            file_name: self.file_name,
            pixel_size: self.pixel_size,
            crop: None,
            turn: Default::default(),
            url: self.url,
        })
    }
}

/// Why an image could not be added.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    Read(#[from] AssetError),
    // Not `source`: the message already says it, and error chains would repeat it.
    Image { path: std::path::PathBuf, reason: ImageError },
}

impl crate::i18n::Said for ImportError {
    fn message(&self) -> crate::i18n::Message {
        use crate::i18n::Message;
        match self {
            ImportError::Read(e) => e.message(),
            ImportError::Image { path, reason } => {
                Message::new("error-with-path").with("path", path).with("reason", reason.message())
            }
        }
    }
}

crate::said_as_printed!(ImportError);

/// Checks that `bytes` decode as an image, stores them in `store` and their card picture
/// in `thumbs`. `file_name` is kept for people; `origin` names the source in errors.
pub fn import_bytes(
    store: &AssetStore,
    thumbs: &ThumbCache,
    bytes: &[u8],
    file_name: &str,
    origin: &Path,
) -> Result<Imported, ImportError> {
    let image_error = |reason| ImportError::Image { path: origin.to_owned(), reason };
    // Decoding all of the image's data once is what tells a damaged file from a good
    // one; a JPEG's is decoded at reduced size, which still reads all of it.
    let (probe, card) = decode_probed(bytes, TEXTURE_MAX_SIDE).map_err(image_error)?;
    let asset = store.store(bytes, probe.format.ext)?;
    if let Ok(card) = super::fit_within(card, TEXTURE_MAX_SIDE) {
        thumbs.put(&asset, TEXTURE_MAX_SIDE, &super::to_color_image(card));
    }
    Ok(Imported { asset, pixel_size: probe.pixel_size, file_name: file_name.to_owned(), url: String::new() })
}

/// Reads an image file and stores it in `store` (and its card picture in `thumbs`).
pub fn import_file(store: &AssetStore, thumbs: &ThumbCache, path: &Path) -> Result<Imported, ImportError> {
    let bytes = read_capped(path)?;
    let file_name = path.file_name().map_or_else(|| "image".to_owned(), |n| n.to_string_lossy().into_owned());
    import_bytes(store, thumbs, &bytes, &file_name, path)
}
