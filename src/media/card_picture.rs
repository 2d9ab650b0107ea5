//! The picture a card shows, at its levels of detail: how it is made from an image
//! file (decoded at the scale it needs, scaled to fit, cached in the thumbnail cache) and
//! turned into a texture image. The image cache ([`super::textures`]) and the colour
//! palettes ([`super::palette`]) both take their pictures from here.

use egui::ColorImage;

use super::pixels::{fit_within, to_color_image};
use super::thumbs::ThumbCache;
use crate::i18n::said;
use crate::model::AssetName;
use crate::storage::AssetStore;

/// Longest side of the textures shown on cards.
pub const TEXTURE_MAX_SIDE: u32 = 1024;
/// Longest side of the small textures used while a card is this small on screen or
/// smaller (a board at fit zoom): a sixteenth of the pixels to decode and hold.
pub const SMALL_SIDE: u32 = 256;
/// Longest side of the detail level, decoded from the original when a card is zoomed in
/// past [`TEXTURE_MAX_SIDE`] (never beyond the GPU's own texture limit).
pub const DETAIL_SIDE: u32 = 4096;
/// What a card says when its decode died (a bug in a decoder, caught by the pool).
pub const DECODE_CRASHED: &str = "the picture could not be decoded (the decoder stopped unexpectedly)";

/// The card picture of an asset at `side`: from the thumbnail cache, or made from the
/// cached large level, or read, verified and decoded from the original at the scale
/// `side` needs, and then cached. Sides beyond the large level (the detail level) are decoded from the
/// original every time and not cached: they are big and rarely needed.
pub(super) fn decode_for_card(
    store: &AssetStore,
    thumbs: &ThumbCache,
    asset: &AssetName,
    side: u32,
) -> Result<ColorImage, String> {
    if side > TEXTURE_MAX_SIDE {
        let bytes = store.read_verified(asset).map_err(|e| said(&e))?;
        let image = super::decode::decode_at_least(&bytes, side).map_err(|e| said(&e))?;
        return resize_to_fit(image, side);
    }
    if let Some(cached) = thumbs.get(asset, side) {
        return Ok(cached);
    }
    if side == TEXTURE_MAX_SIDE {
        let bytes = store.read_verified(asset).map_err(|e| said(&e))?;
        let large = card_image(&bytes)?;
        thumbs.put(asset, TEXTURE_MAX_SIDE, &large);
        return Ok(large);
    }
    // A smaller level: from the large one if it is cached, else straight from the
    // original at the size this level needs (a 12-MP JPEG at 1/8 scale), without making
    // the large level nobody has asked for yet.
    let small = match thumbs.get(asset, TEXTURE_MAX_SIDE) {
        Some(large) => shrink(&large, side)?,
        None => {
            let bytes = store.read_verified(asset).map_err(|e| said(&e))?;
            let image = super::decode::decode_at_least(&bytes, side).map_err(|e| said(&e))?;
            resize_to_fit(image, side)?
        }
    };
    thumbs.put(asset, side, &small);
    Ok(small)
}

/// A picture scaled down to fit `side`.
fn shrink(picture: &ColorImage, side: u32) -> Result<ColorImage, String> {
    let [w, h] = picture.size;
    let rgba: Vec<u8> = picture.pixels.iter().flat_map(|p| p.to_srgba_unmultiplied()).collect();
    let image = image::RgbaImage::from_raw(w as u32, h as u32, rgba).ok_or("bad picture size")?;
    resize_to_fit(image::DynamicImage::ImageRgba8(image), side)
}

/// Decodes an image file's bytes into the picture shown on a card: upright, scaled to
/// fit [`TEXTURE_MAX_SIDE`] (JPEGs are decoded at reduced size first).
pub fn card_image(bytes: &[u8]) -> Result<ColorImage, String> {
    let image = super::decode::decode_at_least(bytes, TEXTURE_MAX_SIDE).map_err(|e| said(&e))?;
    resize_to_fit(image, TEXTURE_MAX_SIDE)
}

/// The picture scaled down (never up) to fit `side`, as a texture image.
pub(super) fn resize_to_fit(image: image::DynamicImage, side: u32) -> Result<ColorImage, String> {
    fit_within(image, side).map(to_color_image)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn card_pictures_fit_the_texture_limit_and_keep_their_shape() {
        let png = |w: u32, h: u32| {
            let mut bytes = Vec::new();
            image::RgbaImage::from_pixel(w, h, image::Rgba([200, 10, 10, 128]))
                .write_to(&mut std::io::Cursor::new(&mut bytes), image::ImageFormat::Png)
                .unwrap();
            bytes
        };
        let big = card_image(&png(3000, 1500)).unwrap();
        assert_eq!(big.size, [TEXTURE_MAX_SIDE as usize, TEXTURE_MAX_SIDE as usize / 2]);
        let centre = big.pixels[big.size[0] * big.size[1] / 2 + big.size[0] / 2];
        let got = centre.to_srgba_unmultiplied();
        let close = got.iter().zip([200u8, 10, 10, 128]).all(|(a, b)| a.abs_diff(b) <= 2);
        assert!(close, "colour and alpha survive the resize: {got:?}");
        let small = card_image(&png(300, 200)).unwrap();
        assert_eq!(small.size, [300, 200], "small pictures are not enlarged");
    }
}
