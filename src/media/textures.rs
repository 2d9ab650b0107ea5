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
use crate::model::AssetName;
use crate::storage::AssetStore;

/// Longest side of the textures shown on cards.
pub const TEXTURE_MAX_SIDE: u32 = 1024;

/// Where one image stands.
#[derive(Clone)]
pub enum TextureState {
    Pending,
    Ready(TextureHandle),
    Failed(String),
}

struct Decoded {
    /// Which board's store the decode was for, so results for a closed board are dropped.
    store_generation: u64,
    asset: AssetName,
    result: Result<ColorImage, String>,
}

/// The open board's images.
pub struct ImageCache {
    store: AssetStore,
    store_generation: u64,
    entries: HashMap<AssetName, TextureState>,
    pool: Arc<WorkerPool>,
    tx: Sender<Decoded>,
    rx: Receiver<Decoded>,
    ctx: Context,
}

impl ImageCache {
    pub fn new(ctx: Context, pool: Arc<WorkerPool>, store: AssetStore) -> Self {
        let (tx, rx) = channel();
        Self { store, store_generation: 0, entries: HashMap::new(), pool, tx, rx, ctx }
    }

    /// Switches to another board's assets, forgetting every texture.
    pub fn set_store(&mut self, store: AssetStore) {
        if store != self.store {
            self.store = store;
            self.store_generation += 1;
            self.entries.clear();
        }
    }

    /// The texture for `asset`, queueing its decode on first ask.
    pub fn get(&mut self, asset: &AssetName) -> TextureState {
        if let Some(state) = self.entries.get(asset) {
            return state.clone();
        }
        self.entries.insert(asset.clone(), TextureState::Pending);
        let (store, tx, ctx, asset, generation) =
            (self.store.clone(), self.tx.clone(), self.ctx.clone(), asset.clone(), self.store_generation);
        self.pool.spawn_urgent(move || {
            let result = decode_for_card(&store, &asset);
            let _ = tx.send(Decoded { store_generation: generation, asset, result });
            ctx.request_repaint();
        });
        TextureState::Pending
    }

    /// Forgets an asset so that it is decoded again on next ask (after a re-import).
    pub fn forget(&mut self, asset: &AssetName) {
        self.entries.remove(asset);
    }

    /// Uploads finished decodes. Returns how many arrived.
    pub fn poll(&mut self) -> usize {
        let mut arrived = 0;
        while let Ok(done) = self.rx.try_recv() {
            if done.store_generation != self.store_generation {
                continue;
            }
            arrived += 1;
            let state = match done.result {
                Ok(image) => {
                    let options =
                        TextureOptions { mipmap_mode: Some(egui::TextureFilter::Linear), ..TextureOptions::LINEAR };
                    TextureState::Ready(self.ctx.load_texture(done.asset.as_str(), image, options))
                }
                Err(e) => TextureState::Failed(e),
            };
            self.entries.insert(done.asset, state);
        }
        arrived
    }

    /// How many asked-for images are still decoding.
    pub fn pending(&self) -> usize {
        self.entries.values().filter(|s| matches!(s, TextureState::Pending)).count()
    }

    pub fn is_pending(&self, asset: &AssetName) -> bool {
        matches!(self.entries.get(asset), Some(TextureState::Pending))
    }
}

/// Reads, verifies and decodes an asset, scaled to fit [`TEXTURE_MAX_SIDE`].
fn decode_for_card(store: &AssetStore, asset: &AssetName) -> Result<ColorImage, String> {
    let bytes = store.read_verified(asset).map_err(|e| e.to_string())?;
    card_image(&bytes)
}

/// Decodes an image file's bytes into the picture shown on a card: upright, scaled to
/// fit [`TEXTURE_MAX_SIDE`].
pub fn card_image(bytes: &[u8]) -> Result<ColorImage, String> {
    let image = super::decode(bytes).map_err(|e| e.to_string())?;
    // 8-bit RGB (every JPEG) is resized as it is; anything else as 8-bit RGBA.
    let image = match image {
        image::DynamicImage::ImageRgb8(_) | image::DynamicImage::ImageRgba8(_) => image,
        other => image::DynamicImage::ImageRgba8(other.to_rgba8()),
    };
    let (w, h) = (image.width(), image.height());
    let scale = (TEXTURE_MAX_SIDE as f32 / w.max(h) as f32).min(1.0);
    let (tw, th) = (((w as f32 * scale).round() as u32).max(1), ((h as f32 * scale).round() as u32).max(1));
    let small = if (tw, th) == (w, h) {
        image
    } else {
        // fast_image_resize: SIMD, 10–17× faster than `image`'s resize for the same filter.
        use fast_image_resize::{IntoImageView as _, Resizer, images::Image};
        let pixel_type = image.pixel_type().ok_or("unsupported pixel layout")?;
        let mut dst = Image::new(tw, th, pixel_type);
        Resizer::new().resize(&image, &mut dst, None).map_err(|e| e.to_string())?;
        let buffer = dst.into_vec();
        match image {
            image::DynamicImage::ImageRgb8(_) => {
                image::RgbImage::from_raw(tw, th, buffer).map(image::DynamicImage::from)
            }
            _ => image::RgbaImage::from_raw(tw, th, buffer).map(image::DynamicImage::from),
        }
        .ok_or("resize produced the wrong size")?
    };
    let size = [small.width() as usize, small.height() as usize];
    Ok(match small {
        image::DynamicImage::ImageRgb8(rgb) => ColorImage::from_rgb(size, rgb.as_raw()),
        other => ColorImage::from_rgba_unmultiplied(size, other.to_rgba8().as_raw()),
    })
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
