//! Images of the open board as GPU textures, decoded in the background.
//!
//! The canvas asks for an asset's texture every frame; the first ask queues a decode
//! and returns `Pending` until the texture is ready. Finished decodes are uploaded in
//! `poll`, called from the app's `logic()`.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

use egui::{ColorImage, Context, TextureHandle, TextureOptions};

use super::WorkerPool;
use super::thumbs::ThumbCache;
use crate::model::AssetName;
use crate::storage::AssetStore;

/// Longest side of the textures shown on cards.
pub const TEXTURE_MAX_SIDE: u32 = 1024;
/// Longest side of the small textures used while a card is this small on screen or
/// smaller (a board at fit zoom): a sixteenth of the pixels to decode and hold.
pub const SMALL_SIDE: u32 = 256;

/// Where one image stands.
#[derive(Clone)]
pub enum TextureState {
    Pending,
    Ready(TextureHandle),
    Failed(String),
}

/// The level of detail for a card `px` physical pixels wide or high on screen.
pub fn level_for(px: f32) -> u32 {
    if px <= SMALL_SIDE as f32 { SMALL_SIDE } else { TEXTURE_MAX_SIDE }
}

struct Decoded {
    /// Which board's store the decode was for, so results for a closed board are dropped.
    store_generation: u64,
    asset: AssetName,
    side: u32,
    result: Result<ColorImage, String>,
}

/// The open board's images, each at the levels of detail asked for.
pub struct ImageCache {
    pub(super) store: AssetStore,
    pub(super) thumbs: Arc<ThumbCache>,
    pub(super) store_generation: u64,
    entries: HashMap<(AssetName, u32), TextureState>,
    /// Each image's dominant colours (see `palette.rs`).
    pub(super) palettes: super::palette::Palettes,
    pub(super) pool: Arc<WorkerPool>,
    tx: Sender<Decoded>,
    rx: Receiver<Decoded>,
    pub(super) ctx: Context,
}

impl ImageCache {
    pub fn new(ctx: Context, pool: Arc<WorkerPool>, store: AssetStore, thumbs: Arc<ThumbCache>) -> Self {
        let (tx, rx) = channel();
        let palettes = super::palette::Palettes::default();
        Self { store, thumbs, store_generation: 0, entries: HashMap::new(), palettes, pool, tx, rx, ctx }
    }

    /// Switches to another board's assets, forgetting every texture.
    pub fn set_store(&mut self, store: AssetStore) {
        if store != self.store {
            self.store = store;
            self.store_generation += 1;
            self.entries.clear();
            self.palettes = super::palette::Palettes::default();
        }
    }

    /// The texture for `asset` shown `px` physical pixels large, queueing its decode on
    /// first ask. While the right level is decoding, another level that is ready is
    /// shown instead.
    pub fn get(&mut self, asset: &AssetName, px: f32) -> TextureState {
        let side = level_for(px);
        let state = self.level(asset, side);
        if matches!(state, TextureState::Pending) {
            let other = if side == SMALL_SIDE { TEXTURE_MAX_SIDE } else { SMALL_SIDE };
            if let Some(ready @ TextureState::Ready(_)) = self.entries.get(&(asset.clone(), other)) {
                return ready.clone();
            }
        }
        state
    }

    /// The texture for one level, queueing its decode on first ask.
    fn level(&mut self, asset: &AssetName, side: u32) -> TextureState {
        if let Some(state) = self.entries.get(&(asset.clone(), side)) {
            return state.clone();
        }
        self.entries.insert((asset.clone(), side), TextureState::Pending);
        let (store, thumbs, tx, ctx, asset, generation) = (
            self.store.clone(),
            self.thumbs.clone(),
            self.tx.clone(),
            self.ctx.clone(),
            asset.clone(),
            self.store_generation,
        );
        self.pool.spawn_urgent(move || {
            let result = decode_for_card(&store, &thumbs, &asset, side);
            let _ = tx.send(Decoded { store_generation: generation, asset, side, result });
            ctx.request_repaint();
        });
        TextureState::Pending
    }

    /// Forgets an asset so that it is decoded again on next ask (after a re-import).
    pub fn forget(&mut self, asset: &AssetName) {
        self.entries.retain(|(a, _), _| a != asset);
    }

    /// Uploads finished decodes. Returns how many arrived.
    pub fn poll(&mut self) -> usize {
        let mut arrived = self.poll_palettes();
        while let Ok(done) = self.rx.try_recv() {
            if done.store_generation != self.store_generation {
                continue;
            }
            arrived += 1;
            let state = match done.result {
                Ok(image) => {
                    let options =
                        TextureOptions { mipmap_mode: Some(egui::TextureFilter::Linear), ..TextureOptions::LINEAR };
                    let name = format!("{}@{}", done.asset.as_str(), done.side);
                    TextureState::Ready(self.ctx.load_texture(name, image, options))
                }
                Err(e) => TextureState::Failed(e),
            };
            self.entries.insert((done.asset, done.side), state);
        }
        arrived
    }

    /// How many asked-for images are still decoding.
    pub fn pending(&self) -> usize {
        self.entries.values().filter(|s| matches!(s, TextureState::Pending)).count() + self.palettes_pending()
    }
}

/// The card picture of an asset at `side`: from the thumbnail cache, or made from the
/// large level (itself cached, or read, verified and decoded from the original), and
/// then cached.
pub(super) fn decode_for_card(
    store: &AssetStore,
    thumbs: &ThumbCache,
    asset: &AssetName,
    side: u32,
) -> Result<ColorImage, String> {
    if let Some(cached) = thumbs.get(asset, side) {
        return Ok(cached);
    }
    let large = match (side != TEXTURE_MAX_SIDE).then(|| thumbs.get(asset, TEXTURE_MAX_SIDE)).flatten() {
        Some(large) => large,
        None => {
            let bytes = store.read_verified(asset).map_err(|e| e.to_string())?;
            let large = card_image(&bytes)?;
            thumbs.put(asset, TEXTURE_MAX_SIDE, &large);
            large
        }
    };
    if side == TEXTURE_MAX_SIDE {
        return Ok(large);
    }
    let small = shrink(&large, side)?;
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
    let image = super::decode::decode_at_least(bytes, TEXTURE_MAX_SIDE).map_err(|e| e.to_string())?;
    resize_to_fit(image, TEXTURE_MAX_SIDE)
}

/// The picture scaled down (never up) to fit `side`, as a texture image.
fn resize_to_fit(image: image::DynamicImage, side: u32) -> Result<ColorImage, String> {
    fit_within(image, side).map(to_color_image)
}

/// The picture scaled down (never up) to fit `side`, as 8-bit RGB (every JPEG stays
/// RGB) or else 8-bit RGBA.
pub fn fit_within(image: image::DynamicImage, side: u32) -> Result<image::DynamicImage, String> {
    let image = match image {
        image::DynamicImage::ImageRgb8(_) | image::DynamicImage::ImageRgba8(_) => image,
        other => image::DynamicImage::ImageRgba8(other.to_rgba8()),
    };
    let (w, h) = (image.width(), image.height());
    let scale = (side as f32 / w.max(h) as f32).min(1.0);
    let (tw, th) = (((w as f32 * scale).round() as u32).max(1), ((h as f32 * scale).round() as u32).max(1));
    if (tw, th) == (w, h) {
        return Ok(image);
    }
    // fast_image_resize: SIMD, 10–17× faster than `image`'s resize for the same filter.
    use fast_image_resize::{IntoImageView as _, Resizer, images::Image};
    let pixel_type = image.pixel_type().ok_or("unsupported pixel layout")?;
    let mut dst = Image::new(tw, th, pixel_type);
    Resizer::new().resize(&image, &mut dst, None).map_err(|e| e.to_string())?;
    let buffer = dst.into_vec();
    match image {
        image::DynamicImage::ImageRgb8(_) => image::RgbImage::from_raw(tw, th, buffer).map(image::DynamicImage::from),
        _ => image::RgbaImage::from_raw(tw, th, buffer).map(image::DynamicImage::from),
    }
    .ok_or_else(|| "resize produced the wrong size".to_owned())
}

/// A decoded picture as a texture image.
pub fn to_color_image(image: image::DynamicImage) -> ColorImage {
    let size = [image.width() as usize, image.height() as usize];
    match image {
        image::DynamicImage::ImageRgb8(rgb) => ColorImage::from_rgb(size, rgb.as_raw()),
        other => ColorImage::from_rgba_unmultiplied(size, other.to_rgba8().as_raw()),
    }
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

    #[test]
    fn the_small_level_comes_from_the_cached_large_one_without_the_original() {
        let dir = tempfile::tempdir().unwrap();
        let store = AssetStore::for_board(&dir.path().join("B.moodboard.ron"));
        let thumbs = ThumbCache::new(Some(dir.path().join("thumbs")), u64::MAX);
        let asset = AssetName::from_hash(&"cd".repeat(16), "png").unwrap();
        assert!(decode_for_card(&store, &thumbs, &asset, SMALL_SIDE).is_err(), "no original, no cache: an error");
        let large = ColorImage::new([1024, 512], vec![egui::Color32::from_rgb(10, 120, 200); 1024 * 512]);
        thumbs.put(&asset, TEXTURE_MAX_SIDE, &large);
        let small = decode_for_card(&store, &thumbs, &asset, SMALL_SIDE).unwrap();
        assert_eq!(small.size, [256, 128]);
        assert!(thumbs.get(&asset, SMALL_SIDE).is_some(), "and it is cached in turn");
        assert_eq!((level_for(100.0), level_for(256.0), level_for(257.0)), (SMALL_SIDE, SMALL_SIDE, TEXTURE_MAX_SIDE));
    }
}
