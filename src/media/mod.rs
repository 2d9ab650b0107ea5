//! Images: recognising, decoding, importing into a board's assets folder, and
//! turning them into textures in the background.

pub mod animation;
pub mod batch;
mod card_picture;
pub mod decode;
mod import;
pub mod palette;
mod pixels;
mod pool;
pub mod preview;
pub mod raster;
mod reply;
pub mod samples;
pub mod sketch;
pub mod strip;
pub mod svg;
mod textures;
pub mod thumbs;

pub use card_picture::{DETAIL_SIDE, SMALL_SIDE, TEXTURE_MAX_SIDE, card_image};
pub use decode::{ImageError, Probe, decode, decode_at_least, probe, sniff};
pub use import::{ImportError, Imported, import_bytes, import_file};
pub use pixels::{fit_within, small_jpeg, small_jpeg_turned, to_color_image, turned};
pub use pool::WorkerPool;
pub use reply::Reply;
pub use textures::{ImageCache, TextureState, level_for};
