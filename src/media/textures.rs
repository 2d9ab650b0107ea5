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
    let image = super::decode(&bytes).map_err(|e| e.to_string())?;
    let image = if image.width().max(image.height()) > TEXTURE_MAX_SIDE {
        image.resize(TEXTURE_MAX_SIDE, TEXTURE_MAX_SIDE, image::imageops::FilterType::Triangle)
    } else {
        image
    };
    let rgba = image.to_rgba8();
    Ok(ColorImage::from_rgba_unmultiplied([rgba.width() as usize, rgba.height() as usize], rgba.as_raw()))
}
