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
use super::thumbs::ThumbCache;
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

/// What a card says when its decode died (a bug in a decoder, caught by the pool).
pub const DECODE_CRASHED: &str = "the picture could not be decoded (the decoder stopped unexpectedly)";

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
    pub(super) store: AssetStore,
    pub(super) thumbs: Arc<ThumbCache>,
    entries: HashMap<(AssetName, u32), Entry>,
    /// Counts `poll` calls: one per frame.
    frame: u64,
    budget: usize,
    /// Bytes held by ready textures.
    held: usize,
    /// Each image's dominant colours (see `palette.rs`).
    pub(super) palettes: super::palette::Palettes,
    pub(super) pool: Arc<WorkerPool>,
    /// Turns an asset into a card picture; tests put a failing one in its place.
    decode: DecodeFn,
    tx: Sender<Decoded>,
    rx: Receiver<Decoded>,
    pub(super) ctx: Context,
}

impl ImageCache {
    pub fn new(ctx: Context, pool: Arc<WorkerPool>, store: AssetStore, thumbs: Arc<ThumbCache>) -> Self {
        let (tx, rx) = channel();
        let palettes = super::palette::Palettes::default();
        Self {
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
        let mut arrived = self.poll_palettes();
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
        self.entries.values().filter(|e| matches!(e.slot, Slot::Pending(_))).count() + self.palettes_pending()
    }
}

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
        let bytes = store.read_verified(asset).map_err(|e| e.to_string())?;
        let image = super::decode::decode_at_least(&bytes, side).map_err(|e| e.to_string())?;
        return resize_to_fit(image, side);
    }
    if let Some(cached) = thumbs.get(asset, side) {
        return Ok(cached);
    }
    if side == TEXTURE_MAX_SIDE {
        let bytes = store.read_verified(asset).map_err(|e| e.to_string())?;
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
            let bytes = store.read_verified(asset).map_err(|e| e.to_string())?;
            let image = super::decode::decode_at_least(&bytes, side).map_err(|e| e.to_string())?;
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

    /// A board store with its thumbnail cache, and an image cache on a fresh context.
    struct Rig {
        _dir: tempfile::TempDir,
        store: AssetStore,
        thumbs: Arc<ThumbCache>,
        ctx: Context,
        images: ImageCache,
        time: f64,
    }

    impl Rig {
        fn new(pool: Arc<WorkerPool>) -> Self {
            let dir = tempfile::tempdir().unwrap();
            let store = AssetStore::for_board(&dir.path().join("B.moodboard.ron"));
            let thumbs = Arc::new(ThumbCache::new(Some(dir.path().join("thumbs")), u64::MAX));
            let ctx = Context::default();
            let images = ImageCache::new(ctx.clone(), pool, store.clone(), thumbs.clone());
            Self { _dir: dir, store, thumbs, ctx, images, time: 0.0 }
        }

        /// An asset with only a cached small picture of `w` × `h`.
        fn cached(&self, n: u8, w: usize, h: usize) -> AssetName {
            let asset = AssetName::from_hash(&format!("{n:02x}").repeat(16), "jpg").unwrap();
            self.thumbs.put(&asset, SMALL_SIDE, &ColorImage::new([w, h], vec![egui::Color32::from_gray(n); w * h]));
            asset
        }

        /// One frame `dt` seconds after the last, asking for `asks` at `px` pixels.
        fn frame(&mut self, dt: f64, asks: &[&AssetName], px: f32) -> Vec<TextureState> {
            self.time += dt;
            let input = egui::RawInput { time: Some(self.time), ..Default::default() };
            let mut states = Vec::new();
            let images = &mut self.images;
            let mut output = self.ctx.run_pass(input, |_| {
                images.poll();
                states = asks.iter().map(|a| images.get(a, px)).collect();
            });
            output.textures_delta.clear(); // no GPU here to upload to
            states
        }

        /// Frames until every ask is ready (or failed) at the level asked for.
        fn until_ready(&mut self, asks: &[&AssetName], px: f32) -> Vec<TextureState> {
            for _ in 0..2000 {
                let states = self.frame(0.0, asks, px);
                if self.images.pending() == 0 && states.iter().all(|s| !matches!(s, TextureState::Pending)) {
                    return states;
                }
                std::thread::sleep(std::time::Duration::from_millis(2));
            }
            panic!("pictures did not arrive");
        }
    }

    fn size_of(state: &TextureState) -> [usize; 2] {
        match state {
            TextureState::Ready { texture, .. } => texture.size(),
            _ => panic!("not ready"),
        }
    }

    #[test]
    fn a_decode_that_panics_shows_as_failed_with_the_reason() {
        let mut rig = Rig::new(Arc::new(WorkerPool::new("test", 1)));
        rig.images.decode = |_, _, _, _| panic!("a decoder bug");
        // Not cached, so that the decode runs (a cached JPEG level is served without it).
        let asset = AssetName::from_hash(&"09".repeat(16), "png").unwrap();
        let states = rig.until_ready(&[&asset], 100.0);
        assert!(matches!(&states[0], TextureState::Failed(why) if why == DECODE_CRASHED));
        assert_eq!(rig.images.pending(), 0, "nothing waits for ever");
    }

    #[test]
    fn over_the_budget_the_textures_off_screen_longest_go_first_but_never_those_on_screen() {
        let mut rig = Rig::new(Arc::new(WorkerPool::new("test", 2)));
        let assets: Vec<AssetName> = (1..=5).map(|n| rig.cached(n, 256, 128)).collect();
        let each = 256 * 128 * 4;
        rig.images.set_budget(3 * each);
        let [a, b, c, d, e] = [&assets[0], &assets[1], &assets[2], &assets[3], &assets[4]];
        rig.until_ready(&[a, b, c], 100.0);
        rig.frame(0.0, &[b, c], 100.0); // `a` leaves the screen first, then `b`
        rig.frame(0.0, &[c], 100.0);
        assert_eq!(rig.images.memory(), 3 * each);
        rig.until_ready(&[d, e], 100.0);
        rig.frame(0.0, &[d, e], 100.0);
        assert!(rig.images.memory() <= 3 * each, "held {}", rig.images.memory());
        assert!(rig.images.entries.contains_key(&(c.clone(), SMALL_SIDE)), "the most recently seen one stays");
        assert!(!rig.images.entries.contains_key(&(a.clone(), SMALL_SIDE)), "the one off screen longest went");

        // Even a budget of nothing keeps what is on screen.
        rig.images.set_budget(0);
        rig.frame(0.0, &[e], 100.0);
        rig.frame(0.0, &[e], 100.0);
        assert_eq!(rig.images.memory(), each, "only the picture on screen is held");
        assert!(matches!(rig.frame(0.0, &[e], 100.0)[0], TextureState::Ready { .. }));
    }

    #[test]
    fn a_zoomed_in_card_gets_the_detail_level_within_the_gpu_limit_and_lets_it_go_later() {
        let mut rig = Rig::new(Arc::new(WorkerPool::new("test", 2)));
        let mut png = Vec::new();
        image::RgbImage::from_pixel(3000, 1500, image::Rgb([30, 160, 90]))
            .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
            .unwrap();
        let asset = rig.store.store(&png, "png").unwrap();
        let small = size_of(&rig.until_ready(&[&asset], 100.0)[0]);
        assert_eq!(small, [256, 128]);
        let gpu_limit = rig.ctx.input(|i| i.max_texture_side).max(1024);
        let detail = size_of(&rig.until_ready(&[&asset], 2500.0)[0]);
        assert_eq!(detail[0], 3000.min(gpu_limit).min(DETAIL_SIDE as usize), "never wider than the GPU allows");
        assert!(detail[0] > TEXTURE_MAX_SIDE as usize, "more than the card level");
        let with_detail = rig.images.memory();
        for _ in 0..=DETAIL_KEPT_FRAMES + 1 {
            rig.frame(0.0, &[&asset], 100.0);
        }
        assert_eq!(rig.images.memory(), with_detail - detail[0] * detail[1] * 4, "the detail level was released");
        assert_eq!(size_of(&rig.frame(0.0, &[&asset], 100.0)[0]), small);
    }

    #[test]
    fn a_picture_fades_in_once_and_a_sharper_level_replaces_it_without_a_fade() {
        let mut rig = Rig::new(Arc::new(WorkerPool::new("test", 2)));
        let asset = rig.cached(7, 200, 100);
        let opacity = |state: &TextureState| match state {
            TextureState::Ready { opacity, .. } => *opacity,
            _ => panic!("not ready"),
        };
        assert!(opacity(&rig.until_ready(&[&asset], 100.0)[0]) < 0.01, "it starts see-through");
        let half = opacity(&rig.frame(FADE_SECONDS / 2.0, &[&asset], 100.0)[0]);
        assert!((half - 0.5).abs() < 0.01, "half way: {half}");
        assert_eq!(rig.images.fading(), 1);
        assert_eq!(opacity(&rig.frame(FADE_SECONDS, &[&asset], 100.0)[0]), 1.0);
        assert_eq!(rig.images.fading(), 0);
        // Zoomed in, the 1024 level arrives where the small one was: no second fade.
        rig.thumbs.put(&asset, TEXTURE_MAX_SIDE, &ColorImage::new([400, 200], vec![egui::Color32::RED; 80_000]));
        let state = rig.until_ready(&[&asset], 600.0);
        assert_eq!(size_of(&state[0]), [400, 200]);
        assert_eq!(opacity(&state[0]), 1.0, "no second fade");
    }

    #[test]
    fn decodes_nobody_asks_for_any_more_are_dropped_before_they_start() {
        let pool = Arc::new(WorkerPool::new("test", 1));
        let (release, blocked) = std::sync::mpsc::channel::<()>();
        let (started, has_started) = std::sync::mpsc::channel::<()>();
        pool.spawn_urgent(move || {
            let _ = started.send(());
            let _ = blocked.recv();
        });
        has_started.recv().unwrap(); // the only worker is busy from here on
        let mut rig = Rig::new(pool.clone());
        let asset = rig.cached(9, 64, 64);
        assert!(matches!(rig.frame(0.0, &[&asset], 100.0)[0], TextureState::Pending));
        for _ in 0..=PENDING_KEPT_FRAMES + 1 {
            rig.frame(0.0, &[], 100.0);
        }
        assert_eq!(rig.images.pending(), 0, "the card scrolled away: nothing is waiting for it");
        release.send(()).unwrap();
        while pool.queued() > 0 {
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
        rig.frame(0.0, &[], 100.0);
        assert_eq!(rig.images.memory(), 0, "and its decode never became a texture");
        assert!(rig.images.entries.is_empty());
    }

    /// Holds back [`slow_decode`] until set.
    static LET_DECODE: AtomicBool = AtomicBool::new(false);

    fn slow_decode(
        store: &AssetStore,
        thumbs: &ThumbCache,
        asset: &AssetName,
        side: u32,
    ) -> Result<ColorImage, String> {
        while !LET_DECODE.load(Ordering::Relaxed) {
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        decode_for_card(store, thumbs, asset, side)
    }

    #[test]
    fn a_photos_exif_preview_shows_upright_while_it_decodes_and_the_photo_replaces_it_without_a_second_fade() {
        use super::super::preview::tests::{halves, jpeg_of, with_exif};
        let mut rig = Rig::new(Arc::new(WorkerPool::new("test", 1)));
        rig.images.decode = slow_decode;
        // A photo taken with the camera turned: stored 600×300, shown 300×600.
        let photo = with_exif(&jpeg_of(&halves(600, 300)), 6, Some(&jpeg_of(&halves(60, 30))));
        let asset = rig.store.store(&photo, "jpg").unwrap();
        let mut preview = None;
        for _ in 0..2000 {
            if let TextureState::Ready { texture, opacity } = &rig.frame(0.0, &[&asset], 100.0)[0] {
                preview = Some((texture.size(), *opacity));
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        let (size, opacity) = preview.expect("the preview shows while the decode is held back");
        assert_eq!(size, [30, 60], "upright, at the preview's own size");
        assert!(opacity < 1.0, "and fades in");
        assert!(matches!(rig.images.entries[&(asset.clone(), SMALL_SIDE)].slot, Slot::Pending(_)));

        LET_DECODE.store(true, Ordering::Relaxed);
        let states = rig.until_ready(&[&asset], 100.0);
        let TextureState::Ready { texture, opacity } = &states[0] else { panic!("the photo shows") };
        // 3/8 of 600 (the scaled decode stops within 7/8 of the level, unresized).
        assert_eq!(texture.size(), [113, 225], "the photo itself, upright");
        assert_eq!(*opacity, 1.0, "no second fade over the preview");
        assert!(!rig.images.entries.contains_key(&(asset, PREVIEW)), "the preview is let go");
        assert_eq!(rig.images.memory(), 113 * 225 * 4);
    }

    #[test]
    fn a_cached_picture_is_served_by_the_look_up_once_and_never_its_preview() {
        static DECODES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        // One worker: the look-up runs first, then the decode queued behind it.
        let mut rig = Rig::new(Arc::new(WorkerPool::new("test", 1)));
        use super::super::preview::tests::{halves, jpeg_of, with_exif};
        let photo = with_exif(&jpeg_of(&halves(600, 300)), 1, Some(&jpeg_of(&halves(60, 30))));
        let asset = rig.store.store(&photo, "jpg").unwrap();
        rig.thumbs.put(&asset, SMALL_SIDE, &ColorImage::new([8, 4], vec![egui::Color32::WHITE; 32]));
        rig.images.decode = |store, thumbs, asset, side| {
            DECODES.fetch_add(1, Ordering::Relaxed);
            decode_for_card(store, thumbs, asset, side)
        };
        let states = rig.until_ready(&[&asset], 100.0);
        assert_eq!(size_of(&states[0]), [8, 4], "the cached picture, never the preview");
        assert!(!rig.images.entries.contains_key(&(asset, PREVIEW)));
        std::thread::sleep(std::time::Duration::from_millis(50));
        assert_eq!(DECODES.load(Ordering::Relaxed), 0, "read by the look-up; the decode behind it did nothing");
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

    #[test]
    fn a_cold_small_level_is_decoded_for_its_size_without_making_the_large_one() {
        let dir = tempfile::tempdir().unwrap();
        let store = AssetStore::for_board(&dir.path().join("B.moodboard.ron"));
        let thumbs = ThumbCache::new(Some(dir.path().join("thumbs")), u64::MAX);
        let photo = image::RgbImage::from_fn(2400, 1600, |x, y| image::Rgb([(x % 256) as u8, (y % 256) as u8, 90]));
        let mut jpeg = Vec::new();
        image::DynamicImage::ImageRgb8(photo)
            .write_to(&mut std::io::Cursor::new(&mut jpeg), image::ImageFormat::Jpeg)
            .unwrap();
        let asset = store.store(&jpeg, "jpg").unwrap();
        let small = decode_for_card(&store, &thumbs, &asset, SMALL_SIDE).unwrap();
        assert_eq!(small.size, [256, 171]);
        assert!(thumbs.get(&asset, SMALL_SIDE).is_some(), "the small level is cached");
        assert!(thumbs.get(&asset, TEXTURE_MAX_SIDE).is_none(), "the large level is made only when asked for");
        let large = decode_for_card(&store, &thumbs, &asset, TEXTURE_MAX_SIDE).unwrap();
        // 3/8 of 2400: the scaled decode stops within 7/8 of the level, unresized.
        assert_eq!(large.size, [900, 600]);
    }
}
