//! Images of the open board as GPU textures, decoded in the background.
//!
//! The canvas asks for an asset's texture every frame, at the level of detail its card
//! needs on screen; the first ask queues a decode and returns `Pending` until the
//! texture is ready. Finished decodes are uploaded in `poll`, called once per frame from
//! the app's `logic()`, which also keeps memory bounded: textures not asked for lately
//! are released (the large detail level soon, the others when the budget is reached), and
//! decodes no longer wanted are dropped before they start.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};

use egui::{ColorImage, Context, TextureHandle, TextureOptions};

use super::WorkerPool;
use super::card_picture::{DECODE_CRASHED, DETAIL_SIDE, SMALL_SIDE, TEXTURE_MAX_SIDE, decode_for_card, resize_to_fit};
use super::thumbs::ThumbCache;
use crate::model::AssetName;
use crate::storage::AssetStore;

/// The key of a photo's EXIF preview among its levels: shown while the first real level
/// decodes from the original, and let go as soon as that is ready.
const PREVIEW: u32 = 0;
/// GPU memory the textures may take before those not on screen are released, in bytes.
pub const DEFAULT_BUDGET: usize = 512 * 1024 * 1024;
/// Frames a detail texture is kept after its card last asked for it.
const DETAIL_KEPT_FRAMES: u64 = 120;
/// Frames a decode waits for its card to ask again before it is dropped unstarted.
const PENDING_KEPT_FRAMES: u64 = 30;
/// Seconds a picture takes to fade in over its placeholder.
pub const FADE_SECONDS: f64 = 0.2;
/// How long a decoded picture may wait for the frame that shows it, so that pictures
/// arriving together are drawn once.
const ARRIVAL_BATCH: std::time::Duration = std::time::Duration::from_millis(30);
/// The frame interval while a picture in view fades in.
const FADE_FRAME: std::time::Duration = std::time::Duration::from_millis(16);

/// Where one image stands.
#[derive(Clone)]
pub enum TextureState {
    Pending,
    /// `opacity` is below 1 while the picture fades in.
    Ready {
        texture: TextureHandle,
        opacity: f32,
    },
    Failed(String),
}

/// The level of detail for a card `px` physical pixels wide or high on screen. The
/// 1024 level serves up to a quarter beyond its size before the detail level is worth
/// its decode.
pub fn level_for(px: f32) -> u32 {
    if px <= SMALL_SIDE as f32 {
        SMALL_SIDE
    } else if px <= TEXTURE_MAX_SIDE as f32 * 1.25 {
        TEXTURE_MAX_SIDE
    } else {
        DETAIL_SIDE
    }
}

type DecodeFn = fn(&AssetStore, &ThumbCache, &AssetName, u32) -> Result<ColorImage, String>;

impl Drop for ImageCache {
    /// The board is closed: its decodes that have not started never will.
    fn drop(&mut self) {
        self.clear();
    }
}

struct Decoded {
    asset: AssetName,
    side: u32,
    result: Result<ColorImage, String>,
}

enum Slot {
    /// Decoding; the flag is cleared when nobody wants it any more.
    Pending(Arc<AtomicBool>),
    Ready {
        texture: TextureHandle,
        bytes: usize,
        shown_at: Option<f64>,
    },
    Failed(String),
}

struct Entry {
    slot: Slot,
    /// The frame it was last asked for in.
    last_used: u64,
}

/// The open board's images, each at the levels of detail asked for.
pub struct ImageCache {
    store: AssetStore,
    thumbs: Arc<ThumbCache>,
    entries: HashMap<(AssetName, u32), Entry>,
    /// Counts `poll` calls: one per frame.
    frame: u64,
    budget: usize,
    /// Bytes held by ready textures.
    held: usize,
    /// Each image's dominant colours (see `palette.rs`).
    palettes: super::palette::Palettes,
    pool: Arc<WorkerPool>,
    /// Turns an asset into a card picture; tests put a failing one in its place.
    decode: DecodeFn,
    tx: Sender<Decoded>,
    rx: Receiver<Decoded>,
    ctx: Context,
    /// Moving pictures (GIF, WebP): their frames, shown in place of the still picture.
    pub animations: super::animation::Animations,
    /// Sketches drawn at the size their cards are shown.
    pub sketches: super::sketch::SketchTextures,
    /// Pictures' pixels for the colour picker.
    samples: super::samples::Samples,
}

impl ImageCache {
    /// The dominant colours of `asset`, worked out in the background on first ask.
    pub fn palette(&mut self, asset: &AssetName) -> super::palette::PaletteState {
        let from =
            super::palette::Sources { store: &self.store, thumbs: &self.thumbs, pool: &self.pool, ctx: &self.ctx };
        self.palettes.get(asset, from)
    }

    /// The pixels of `asset` for the colour picker, decoded in the background on first ask.
    pub fn samples(&mut self, asset: &AssetName) -> super::samples::SampleState {
        let from =
            super::palette::Sources { store: &self.store, thumbs: &self.thumbs, pool: &self.pool, ctx: &self.ctx };
        self.samples.get(asset, from)
    }
}

impl ImageCache {
    pub fn new(ctx: Context, pool: Arc<WorkerPool>, store: AssetStore, thumbs: Arc<ThumbCache>) -> Self {
        let (tx, rx) = channel();
        let palettes = super::palette::Palettes::default();
        let animations = super::animation::Animations::new(ctx.clone(), pool.clone(), store.clone());
        Self {
            animations,
            sketches: super::sketch::SketchTextures::new(ctx.clone()),
            samples: super::samples::Samples::default(),
            store,
            thumbs,
            entries: HashMap::new(),
            frame: 0,
            budget: DEFAULT_BUDGET,
            held: 0,
            palettes,
            pool,
            decode: decode_for_card,
            tx,
            rx,
            ctx,
        }
    }

    /// Sets the memory budget, in bytes of texture.
    pub fn set_budget(&mut self, bytes: usize) {
        self.budget = bytes;
    }

    /// Bytes of texture held now.
    pub fn memory(&self) -> usize {
        self.held
    }

    /// Forgets every texture and stops the decodes not yet started.
    fn clear(&mut self) {
        for entry in self.entries.values() {
            if let Slot::Pending(wanted) = &entry.slot {
                wanted.store(false, Ordering::Relaxed);
            }
        }
        self.entries.clear();
        self.held = 0;
    }

    /// The texture for `asset` shown `px` physical pixels large, queueing its decode on
    /// first ask. While the right level is decoding, the most detailed other level that
    /// is ready is shown instead.
    pub fn get(&mut self, asset: &AssetName, px: f32) -> TextureState {
        // A moving picture shows its frame of the moment (the still picture while its
        // frames decode, or when it may not move).
        if let Some(texture) = self.animations.frame(asset, px) {
            return TextureState::Ready { texture, opacity: 1.0 };
        }
        let side = level_for(px).min(self.max_texture_side());
        if side > TEXTURE_MAX_SIDE && self.large_is_whole(asset) {
            // The 1024 level already holds every pixel there is.
            return self.level(asset, TEXTURE_MAX_SIDE);
        }
        let state = self.level(asset, side);
        if !matches!(state, TextureState::Pending) {
            return state;
        }
        let others = [DETAIL_SIDE, TEXTURE_MAX_SIDE, SMALL_SIDE];
        for other in others.into_iter().filter(|&o| o != side) {
            if let Some(entry) = self.entries.get_mut(&(asset.clone(), other))
                && let Slot::Ready { texture, .. } = &entry.slot
            {
                entry.last_used = self.frame;
                return TextureState::Ready { texture: texture.clone(), opacity: 1.0 };
            }
        }
        // Nothing sharper yet: the photo's own preview, fading in, while it decodes.
        match self.entries.get_mut(&(asset.clone(), PREVIEW)) {
            Some(entry) => entry.last_used = self.frame,
            None => return state,
        }
        match self.level(asset, PREVIEW) {
            ready @ TextureState::Ready { .. } => ready,
            _ => state,
        }
    }

    fn max_texture_side(&self) -> u32 {
        let gpu = self.ctx.input(|i| i.max_texture_side);
        u32::try_from(gpu).unwrap_or(u32::MAX).max(TEXTURE_MAX_SIDE)
    }

    /// Whether the ready 1024 level of `asset` is the whole image (it was smaller).
    fn large_is_whole(&self, asset: &AssetName) -> bool {
        match self.entries.get(&(asset.clone(), TEXTURE_MAX_SIDE)).map(|e| &e.slot) {
            Some(Slot::Ready { texture, .. }) => {
                texture.size().into_iter().max().unwrap_or(0) < TEXTURE_MAX_SIDE as usize
            }
            _ => false,
        }
    }

    /// The texture for one level, queueing its decode on first ask.
    fn level(&mut self, asset: &AssetName, side: u32) -> TextureState {
        let key = (asset.clone(), side);
        if let Some(entry) = self.entries.get_mut(&key) {
            entry.last_used = self.frame;
            return match &entry.slot {
                Slot::Pending(_) => TextureState::Pending,
                Slot::Failed(reason) => TextureState::Failed(reason.clone()),
                Slot::Ready { texture, shown_at, .. } => {
                    let opacity = match shown_at {
                        Some(at) => {
                            let now = self.ctx.input(|i| i.time);
                            let t = ((now - at) / FADE_SECONDS).clamp(0.0, 1.0) as f32;
                            if t < 1.0 {
                                // A fade in view: about 60 frames a second, no more.
                                self.ctx.request_repaint_after(FADE_FRAME);
                            }
                            t
                        }
                        None => 1.0,
                    };
                    TextureState::Ready { texture: texture.clone(), opacity }
                }
            };
        }
        // Set when the preview's look-up found this level cached and served it.
        let served = Arc::new(AtomicBool::new(false));
        // Only JPEGs (stored as .jpg, whatever the file was called) carry camera previews.
        let may_have_preview = asset.extension() == "jpg" && side <= TEXTURE_MAX_SIDE;
        if may_have_preview && !self.any_ready(asset) && !self.entries.contains_key(&(asset.clone(), PREVIEW)) {
            self.queue_preview(asset, side, served.clone());
        }
        let wanted = Arc::new(AtomicBool::new(true));
        self.entries.insert(key, Entry { slot: Slot::Pending(wanted.clone()), last_used: self.frame });
        let (store, thumbs, asset) = (self.store.clone(), self.thumbs.clone(), asset.clone());
        let reply = self.reply(Decoded { asset: asset.clone(), side, result: Err(DECODE_CRASHED.to_owned()) });
        let decode = self.decode;
        self.pool.spawn_urgent(move || {
            if !wanted.load(Ordering::Relaxed) || served.load(Ordering::Acquire) {
                reply.cancel();
                return;
            }
            let result = decode(&store, &thumbs, &asset, side);
            reply.send(Decoded { asset, side, result });
        });
        TextureState::Pending
    }

    /// The reply a decode job owes, sending `lost` if the job ends without one. Pictures
    /// arriving together are shown in one frame, not one frame each.
    fn reply(&self, lost: Decoded) -> super::Reply<Decoded> {
        let ctx = self.ctx.clone();
        let wake: crate::storage::Waker = Arc::new(move || ctx.request_repaint_after(ARRIVAL_BATCH));
        super::Reply::new(self.tx.clone(), lost, Some(wake))
    }

    /// Whether some level of `asset` (or its preview) is a texture.
    fn any_ready(&self, asset: &AssetName) -> bool {
        [PREVIEW, SMALL_SIDE, TEXTURE_MAX_SIDE, DETAIL_SIDE]
            .into_iter()
            .any(|side| self.entries.get(&(asset.clone(), side)).is_some_and(|e| matches!(e.slot, Slot::Ready { .. })))
    }

    /// Looks for the photo's EXIF preview, ahead of every decode (it takes a millisecond).
    /// When the level asked for is in the thumbnail cache, there is no need: the look-up
    /// serves the cached picture itself (about as quick) and sets `served`, so that the
    /// decode queued for it does nothing. No preview leaves the entry failed, which is
    /// never shown; a preview is never shown instead of a cached picture.
    fn queue_preview(&mut self, asset: &AssetName, side: u32, served: Arc<AtomicBool>) {
        let wanted = Arc::new(AtomicBool::new(true));
        let key = (asset.clone(), PREVIEW);
        self.entries.insert(key, Entry { slot: Slot::Pending(wanted.clone()), last_used: self.frame });
        let (store, thumbs, asset) = (self.store.clone(), self.thumbs.clone(), asset.clone());
        let none = || Err(String::new());
        let reply = self.reply(Decoded { asset: asset.clone(), side: PREVIEW, result: none() });
        self.pool.spawn_quick(move || {
            if !wanted.load(Ordering::Relaxed) {
                return reply.send(Decoded { asset, side: PREVIEW, result: none() });
            }
            if let Some(picture) = thumbs.get(&asset, side) {
                // All the decode waiting behind this would do: read the cache.
                served.store(true, Ordering::Release);
                return reply.send(Decoded { asset, side, result: Ok(picture) });
            }
            if side < TEXTURE_MAX_SIDE && thumbs.has(&asset, TEXTURE_MAX_SIDE) {
                // Made from the cached large level, about as fast as a preview.
                return reply.send(Decoded { asset, side: PREVIEW, result: none() });
            }
            let preview = store
                .resolve(&asset)
                .ok()
                .and_then(|path| super::preview::read_head(&path))
                .and_then(|head| super::preview::exif_preview(&head))
                .and_then(|picture| resize_to_fit(picture, side).ok());
            reply.send(Decoded { asset, side: PREVIEW, result: preview.ok_or_else(String::new) });
        });
    }

    /// Forgets an asset so that it is decoded again on next ask (after a re-import).
    pub fn forget(&mut self, asset: &AssetName) {
        let gone: Vec<_> = self.entries.keys().filter(|(a, _)| a == asset).cloned().collect();
        for key in gone {
            self.remove(&key);
        }
    }

    fn remove(&mut self, key: &(AssetName, u32)) {
        match self.entries.remove(key).map(|e| e.slot) {
            Some(Slot::Pending(wanted)) => wanted.store(false, Ordering::Relaxed),
            Some(Slot::Ready { bytes, .. }) => self.held -= bytes,
            _ => {}
        }
    }

    /// Starts a new frame: uploads finished decodes and releases what is no longer
    /// needed. Returns how many decodes arrived.
    pub fn poll(&mut self) -> usize {
        self.frame += 1;
        self.animations.poll();
        self.sketches.next_frame();
        self.samples.poll();
        let mut arrived = self.palettes.poll();
        let now = self.ctx.input(|i| i.time);
        while let Ok(done) = self.rx.try_recv() {
            let key = (done.asset, done.side);
            let still_wanted = self.entries.get(&key).is_some_and(|e| matches!(e.slot, Slot::Pending(_)));
            if !still_wanted {
                continue;
            }
            arrived += 1;
            // Fade in only where nothing was shown before.
            let first_look = !self.any_ready(&key.0);
            if key.1 != PREVIEW {
                // The real picture (or why there is none): the preview has done its work.
                self.remove(&(key.0.clone(), PREVIEW));
            }
            let slot = match done.result {
                Ok(image) => {
                    let bytes = image.pixels.len() * 4;
                    let options =
                        TextureOptions { mipmap_mode: Some(egui::TextureFilter::Linear), ..TextureOptions::LINEAR };
                    let name = format!("{}@{}", key.0.as_str(), key.1);
                    self.held += bytes;
                    let texture = self.ctx.load_texture(name, image, options);
                    Slot::Ready { texture, bytes, shown_at: first_look.then_some(now) }
                }
                Err(e) => Slot::Failed(e),
            };
            if let Some(entry) = self.entries.get_mut(&key) {
                entry.slot = slot;
            }
        }
        self.release();
        arrived
    }

    /// Drops decodes nobody asked for lately, detail textures off screen for a while,
    /// and, while over the budget, the textures off screen longest.
    fn release(&mut self) {
        let frame = self.frame;
        let stale: Vec<_> = self
            .entries
            .iter()
            .filter(|((_, side), e)| match e.slot {
                Slot::Pending(_) => frame - e.last_used > PENDING_KEPT_FRAMES,
                Slot::Ready { .. } => *side > TEXTURE_MAX_SIDE && frame - e.last_used > DETAIL_KEPT_FRAMES,
                Slot::Failed(_) => false,
            })
            .map(|(k, _)| k.clone())
            .collect();
        for key in stale {
            self.remove(&key);
        }
        if self.held <= self.budget {
            return;
        }
        // Off screen: not asked for in the frame before this one.
        let mut off_screen: Vec<_> = self
            .entries
            .iter()
            .filter(|(_, e)| matches!(e.slot, Slot::Ready { .. }) && e.last_used + 1 < frame)
            .map(|(k, e)| (e.last_used, k.clone()))
            .collect();
        off_screen.sort_by_key(|(last_used, _)| *last_used);
        for (_, key) in off_screen {
            if self.held <= self.budget {
                break;
            }
            self.remove(&key);
        }
    }

    /// How many pictures are still fading in (a screenshot waits for them).
    pub fn fading(&self) -> usize {
        let now = self.ctx.input(|i| i.time);
        let fading = |e: &&Entry| matches!(e.slot, Slot::Ready { shown_at: Some(at), .. } if now - at < FADE_SECONDS);
        self.entries.values().filter(fading).count()
    }

    /// How many asked-for images are still decoding.
    pub fn pending(&self) -> usize {
        self.entries.values().filter(|e| matches!(e.slot, Slot::Pending(_))).count()
            + self.palettes.pending()
            + self.samples.pending()
    }
}

#[cfg(test)]
mod tests;
