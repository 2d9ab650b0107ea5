//! Recognising and decoding image files: the front door every image goes through. An SVG
//! drawing goes to `svg.rs`, anything else to `raster.rs`; both hold to the same limits.

use image::{DynamicImage, ImageDecoder};

pub use super::raster::{Format, ImageError, Probe};
use super::{raster, svg};

/// Recognises the format from the file's first bytes, not its name.
pub fn sniff(bytes: &[u8]) -> Result<Format, ImageError> {
    if svg::is_svg(bytes) {
        return Ok(Format { format: None, ext: "svg", name: "SVG" });
    }
    raster::format(bytes)
}

/// A checked decoder for a raster image (see [`raster::checked_decoder`]); an SVG has none.
pub fn decoder_for(bytes: &[u8]) -> Result<(Format, impl ImageDecoder + '_), ImageError> {
    if svg::is_svg(bytes) {
        return Err(ImageError::Unsupported("SVG"));
    }
    raster::checked_decoder(bytes)
}

/// Format and shown size from the header only; cheap.
pub fn probe(bytes: &[u8]) -> Result<Probe, ImageError> {
    if svg::is_svg(bytes) {
        let pixel_size = svg::pixel_size(&svg::parse(bytes)?)?;
        return Ok(Probe { format: sniff(bytes)?, pixel_size });
    }
    raster::probe(bytes)
}

/// Decodes the whole image (the first frame of an animation), turned upright according
/// to its EXIF orientation.
pub fn decode(bytes: &[u8]) -> Result<DynamicImage, ImageError> {
    if svg::is_svg(bytes) {
        // A drawing at its own size (within what a drawing is ever drawn at).
        let tree = svg::parse(bytes)?;
        let size = svg::pixel_size(&tree)?;
        return svg::render(&tree, size.w.max(size.h));
    }
    raster::decode(bytes)
}

/// Decodes the image at about `side` pixels on its longest side, or larger (the whole
/// image when it is smaller), turned upright. JPEGs are decoded at reduced size by DCT
/// scaling, in eighths of their size, which skips much of the work of a full decode; the
/// eighth chosen may fall short of `side` by up to an eighth (a 4000-pixel photo gives
/// 1000 pixels for 1024) so that no resize is needed after it. Other formats, and JPEGs
/// in CMYK, are decoded whole.
pub fn decode_at_least(bytes: &[u8], side: u32) -> Result<DynamicImage, ImageError> {
    decode_probed(bytes, side).map(|(_, image)| image)
}

/// [`decode_at_least`], with what [`probe`] would say of the file, from the same read of
/// its header.
pub fn decode_probed(bytes: &[u8], side: u32) -> Result<(Probe, DynamicImage), ImageError> {
    if svg::is_svg(bytes) {
        let tree = svg::parse(bytes)?;
        let probe = Probe { format: sniff(bytes)?, pixel_size: svg::pixel_size(&tree)? };
        return Ok((probe, svg::render(&tree, side)?));
    }
    raster::decode_probed(bytes, side)
}
