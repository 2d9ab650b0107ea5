//! Images: recognising, decoding, importing into a board's assets folder, and
//! turning them into textures in the background.

pub mod batch;
pub mod decode;
mod import;
pub mod palette;
mod pool;
pub mod preview;
mod reply;
pub mod svg;
mod textures;
pub mod thumbs;

pub use decode::{ImageError, Probe, decode, decode_at_least, probe, sniff};
pub use import::{ImportError, Imported, import_bytes, import_file};
pub use pool::WorkerPool;
pub use reply::Reply;
pub use textures::{
    DETAIL_SIDE, ImageCache, SMALL_SIDE, TEXTURE_MAX_SIDE, TextureState, card_image, fit_within, level_for,
    to_color_image,
};
