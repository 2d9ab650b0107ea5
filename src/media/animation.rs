//! Moving pictures: animated GIF and WebP play on their cards. Frames are decoded in the
//! background at the size the card needs, within a memory bound per animation (the
//! frames shrink, and at the smallest size the animation is cut short, rather than
//! exceed it) and in total (the animations not shown for longest are let go). A frame
//! is chosen by the time since the board opened, so every card showing one picture
//! shows the same frame; the next repaint is asked for only while the window has the
//! focus, moving pictures are on (a preference) and the picture is not paused. Anything
//! that cannot move (exports, phones, a paused card) shows the first frame: the still
//! picture the rest of the app already draws.

use std::collections::{HashMap, HashSet};
use std::io::Cursor;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

use egui::{ColorImage, Context, TextureHandle, TextureOptions};
use image::{AnimationDecoder, DynamicImage, ImageDecoder, ImageFormat};

use super::WorkerPool;
use crate::model::AssetName;
use crate::storage::AssetStore;

/// Bytes of frames one animation may hold.
pub const PER_ANIMATION: usize = 8 * 1024 * 1024;
/// Bytes of frames all animations together may hold.
pub const TOTAL: usize = 160 * 1024 * 1024;
/// Most frames kept of one animation.
const MAX_FRAMES: usize = 500;
/// Largest canvas (in pixels) played: a larger animation shows its first frame.
const MAX_CANVAS_PIXELS: u64 = 16_000_000;
/// Most pixels decoded for one animation, over all its frames: a long animation of large
/// frames is cut short there rather than keep a worker busy for minutes.
const MAX_DECODED_PIXELS: u64 = 400_000_000;
/// The smallest side frames shrink to before an animation is cut short instead.
const MIN_SIDE: u32 = 64;
/// The largest side frames are decoded at, however large the card.
const MAX_SIDE: u32 = 512;
/// A frame shown for less than this is shown this long (as browsers do).
const MIN_DELAY_MS: u32 = 20;
/// How long a frame asking for no time at all is shown (as browsers do).
const ZERO_DELAY_MS: u32 = 100;
/// Frames an animation waits, unshown, before it may be let go to make room.
const KEPT_FRAMES: u64 = 60;

/// The frames of an animation, each with how long it shows, in milliseconds.
pub type Frames = Vec<(ColorImage, u32)>;

/// Whether `asset` is of a kind that can move (GIF or WebP).
pub fn may_move(asset: &AssetName) -> bool {
    matches!(asset.extension(), "gif" | "webp")
}

/// The frames of the animation in `bytes`, each at most `side` pixels on its longest
/// side (smaller when they would not fit `budget` bytes); `None` for a still picture.
/// Hostile files get the same limits as any image (checked sizes, a memory limit on the
/// decoder), at most [`MAX_FRAMES`] frames and [`MAX_DECODED_PIXELS`] pixels decoded, and
/// a canvas over [`MAX_CANVAS_PIXELS`] does not play.
pub fn decode_frames(bytes: &[u8], side: u32, budget: usize) -> Result<Option<Frames>, String> {
    decode_within(bytes, side, budget, (MAX_CANVAS_PIXELS, MAX_DECODED_PIXELS))
}

/// [`decode_frames`] within `(largest canvas, most pixels decoded)`.
fn decode_within(
    bytes: &[u8],
    side: u32,
    budget: usize,
    (canvas, decoded): (u64, u64),
) -> Result<Option<Frames>, String> {
    let (format, checked) = super::raster::checked_decoder(bytes).map_err(|e| crate::i18n::said(&e))?;
    let (w, h) = checked.dimensions();
    if u64::from(w) * u64::from(h) > canvas {
        return Ok(None);
    }
    let per_frame = u64::from(w) * u64::from(h);
    let damaged = |e: image::ImageError| e.to_string();
    let frames: Box<dyn Iterator<Item = image::ImageResult<image::Frame>>> = match format.format {
        Some(ImageFormat::Gif) => {
            let mut decoder = image::codecs::gif::GifDecoder::new(Cursor::new(bytes)).map_err(damaged)?;
            decoder.set_limits(super::raster::limits()).map_err(damaged)?;
            Box::new(decoder.into_frames())
        }
        Some(ImageFormat::WebP) => {
            let mut decoder = image::codecs::webp::WebPDecoder::new(Cursor::new(bytes)).map_err(damaged)?;
            if !decoder.has_animation() {
                return Ok(None);
            }
            decoder.set_limits(super::raster::limits()).map_err(damaged)?;
            Box::new(decoder.into_frames())
        }
        _ => return Ok(None),
    };
    let mut side = side.clamp(MIN_SIDE, MAX_SIDE);
    let mut kept: Vec<(image::RgbaImage, u32)> = Vec::new();
    let mut held = 0usize;
    let most = usize::try_from(decoded / per_frame.max(1)).unwrap_or(MAX_FRAMES).min(MAX_FRAMES);
    for frame in frames.take(most) {
        let frame = frame.map_err(damaged)?;
        let (numer, denom) = frame.delay().numer_denom_ms();
        let ms = numer.checked_div(denom).unwrap_or(0);
        let ms = if ms == 0 { ZERO_DELAY_MS } else { ms.max(MIN_DELAY_MS) };
        let picture = fit(frame.into_buffer(), side);
        held += picture.as_raw().len();
        kept.push((picture, ms));
        // Over the bound: every frame smaller, down to the smallest size; past that, the
        // animation ends here.
        while held > budget && side > MIN_SIDE {
            side = (side * 7 / 10).max(MIN_SIDE);
            for (picture, _) in &mut kept {
                *picture = fit(std::mem::take(picture), side);
            }
            held = kept.iter().map(|(p, _)| p.as_raw().len()).sum();
        }
        if held > budget {
            kept.pop();
            break;
        }
    }
    if kept.len() < 2 {
        return Ok(None);
    }
    let frames = kept
        .into_iter()
        .map(|(p, ms)| {
            let size = [p.width() as usize, p.height() as usize];
            (ColorImage::from_rgba_unmultiplied(size, p.as_raw()), ms)
        })
        .collect();
    Ok(Some(frames))
}

/// `picture` made to fit `side` pixels on its longest side (never larger than it is).
fn fit(picture: image::RgbaImage, side: u32) -> image::RgbaImage {
    let (w, h) = picture.dimensions();
    if w.max(h) <= side || w == 0 || h == 0 {
        return picture;
    }
    let scale = side as f32 / w.max(h) as f32;
    let (nw, nh) = (((w as f32 * scale).round() as u32).max(1), ((h as f32 * scale).round() as u32).max(1));
    DynamicImage::ImageRgba8(picture).resize_exact(nw, nh, image::imageops::FilterType::Triangle).to_rgba8()
}

/// Which of `frames` (each with the time it ends at within one loop) shows at `now`
/// seconds, and the time within the loop, in milliseconds.
fn shown_at(frames: &[(TextureHandle, u64)], now: f64) -> (usize, u64) {
    let total = frames.last().map_or(1, |(_, end)| *end).max(1);
    let t = ((now * 1000.0) as u64) % total;
    (frames.partition_point(|(_, end)| *end <= t).min(frames.len().saturating_sub(1)), t)
}

enum Slot {
    /// Being decoded.
    Decoding,
    /// Not an animation (or it could not be read: the still picture says why).
    Still,
    /// Frames as textures, each with the time it ends at within one loop.
    Ready { side: u32, frames: Vec<(TextureHandle, u64)>, bytes: usize, last_shown: u64 },
}

struct Decoded {
    asset: AssetName,
    side: u32,
    frames: Option<Frames>,
}

/// The open board's moving pictures.
pub struct Animations {
    ctx: Context,
    pool: Arc<WorkerPool>,
    store: AssetStore,
    slots: HashMap<AssetName, Slot>,
    tx: Sender<Decoded>,
    rx: Receiver<Decoded>,
    /// Pictures that stay on their first frame.
    paused: HashSet<AssetName>,
    /// The preference: moving pictures play.
    enabled: bool,
    held: usize,
    frame: u64,
}

impl Animations {
    pub fn new(ctx: Context, pool: Arc<WorkerPool>, store: AssetStore) -> Self {
        let (tx, rx) = channel();
        Self {
            ctx,
            pool,
            store,
            slots: HashMap::new(),
            tx,
            rx,
            paused: HashSet::new(),
            enabled: true,
            held: 0,
            frame: 0,
        }
    }

    /// Moving pictures play (the preference); off, every picture shows its first frame.
    pub fn set_enabled(&mut self, enabled: bool) {
        self.enabled = enabled;
    }

    pub fn is_paused(&self, asset: &AssetName) -> bool {
        self.paused.contains(asset)
    }

    /// Pauses `asset` on its first frame, or lets it play again.
    pub fn set_paused(&mut self, asset: &AssetName, paused: bool) {
        if paused {
            self.paused.insert(asset.clone());
        } else {
            self.paused.remove(asset);
        }
        self.ctx.request_repaint();
    }

    /// Whether `asset` moves: `Some(true)` once its frames are in, `Some(false)` for a
    /// still picture, `None` while that is not known yet.
    pub fn moves(&self, asset: &AssetName) -> Option<bool> {
        if !may_move(asset) {
            return Some(false);
        }
        match self.slots.get(asset)? {
            Slot::Ready { .. } => Some(true),
            Slot::Still => Some(false),
            Slot::Decoding => None,
        }
    }

    /// Bytes of frames held now.
    pub fn memory(&self) -> usize {
        self.held
    }

    /// The frame of `asset` to show now, drawn `px` physical pixels large; `None` when
    /// the still picture is to be shown (it does not move, is paused, moving pictures
    /// are off, or its frames are not in yet). Asks for the repaint that shows the next
    /// frame while the window has the focus.
    pub fn frame(&mut self, asset: &AssetName, px: f32) -> Option<TextureHandle> {
        if !self.enabled || !may_move(asset) || self.paused.contains(asset) {
            return None;
        }
        let wanted = if px <= 256.0 { 256 } else { MAX_SIDE };
        let frame_nr = self.frame;
        let decode = match self.slots.get_mut(asset) {
            None => true,
            Some(Slot::Ready { side, last_shown, .. }) => {
                *last_shown = frame_nr;
                // Sharper frames for a card grown larger; these show meanwhile.
                *side < wanted
            }
            Some(Slot::Decoding | Slot::Still) => false,
        };
        if decode {
            self.decode(asset, wanted);
        }
        let Some(Slot::Ready { frames, .. }) = self.slots.get(asset) else { return None };
        let (now, focused) = self.ctx.input(|i| (i.time, i.focused));
        let (i, t) = shown_at(frames, now);
        if focused {
            let next = frames[i].1.saturating_sub(t).max(1);
            self.ctx.request_repaint_after(std::time::Duration::from_millis(next));
        }
        Some(frames[i].0.clone())
    }

    /// Which frame of `asset` shows now (for tests and tools).
    pub fn frame_index(&self, asset: &AssetName) -> Option<usize> {
        let Some(Slot::Ready { frames, .. }) = self.slots.get(asset) else { return None };
        Some(shown_at(frames, self.ctx.input(|i| i.time)).0)
    }

    fn decode(&mut self, asset: &AssetName, side: u32) {
        let keep_showing = matches!(self.slots.get(asset), Some(Slot::Ready { .. }));
        if !keep_showing {
            self.slots.insert(asset.clone(), Slot::Decoding);
        }
        let (store, tx, ctx, wanted) = (self.store.clone(), self.tx.clone(), self.ctx.clone(), asset.clone());
        self.pool.spawn(move || {
            let frames = store
                .read_verified(&wanted)
                .ok()
                .and_then(|bytes| std::panic::catch_unwind(|| decode_frames(&bytes, side, PER_ANIMATION)).ok())
                .and_then(Result::ok)
                .flatten();
            let _ = tx.send(Decoded { asset: wanted, side, frames });
            ctx.request_repaint();
        });
        if keep_showing && let Some(Slot::Ready { side: kept, .. }) = self.slots.get_mut(asset) {
            // Asked once: the sharper frames replace these when they come.
            *kept = side;
        }
    }

    /// Starts a new frame: uploads the frames decoded since, and lets go of animations
    /// not shown for a while when over [`TOTAL`].
    pub fn poll(&mut self) {
        self.frame += 1;
        while let Ok(done) = self.rx.try_recv() {
            let Some(frames) = done.frames else {
                if !matches!(self.slots.get(&done.asset), Some(Slot::Ready { .. })) {
                    self.slots.insert(done.asset, Slot::Still);
                }
                continue;
            };
            let bytes: usize = frames.iter().map(|(f, _)| f.pixels.len() * 4).sum();
            self.make_room(bytes);
            if let Some(Slot::Ready { bytes: old, .. }) = self.slots.get(&done.asset) {
                self.held -= *old;
            }
            if self.held + bytes > TOTAL {
                // No room while every other one is on screen: the still picture, for now.
                self.slots.remove(&done.asset);
                continue;
            }
            let mut end = 0u64;
            let textures = frames
                .into_iter()
                .enumerate()
                .map(|(n, (image, ms))| {
                    end += u64::from(ms);
                    let name = format!("{}#frame{n}@{}", done.asset.as_str(), done.side);
                    (self.ctx.load_texture(name, image, TextureOptions::LINEAR), end)
                })
                .collect();
            self.held += bytes;
            self.slots
                .insert(done.asset, Slot::Ready { side: done.side, frames: textures, bytes, last_shown: self.frame });
        }
    }

    /// Lets go of animations not shown for [`KEPT_FRAMES`], longest unshown first, until
    /// `bytes` more fit within [`TOTAL`].
    fn make_room(&mut self, bytes: usize) {
        if self.held + bytes <= TOTAL {
            return;
        }
        let mut unshown: Vec<(u64, AssetName, usize)> = self
            .slots
            .iter()
            .filter_map(|(asset, slot)| match slot {
                Slot::Ready { last_shown, bytes, .. } if last_shown + KEPT_FRAMES < self.frame => {
                    Some((*last_shown, asset.clone(), *bytes))
                }
                _ => None,
            })
            .collect();
        unshown.sort();
        for (_, asset, size) in unshown {
            if self.held + bytes <= TOTAL {
                break;
            }
            self.slots.remove(&asset);
            self.held -= size;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A GIF of `n` frames, each one colour, `w` × `h`, 50 ms apart.
    pub fn gif(n: usize, w: u16, h: u16) -> Vec<u8> {
        let mut out = Vec::new();
        {
            let mut encoder = image::codecs::gif::GifEncoder::new(&mut out);
            encoder.set_repeat(image::codecs::gif::Repeat::Infinite).unwrap();
            let frames = (0..n).map(|i| {
                let colour = image::Rgba([(i * 40 % 256) as u8, 80, 200 - (i * 20 % 200) as u8, 255]);
                let buffer = image::RgbaImage::from_pixel(u32::from(w), u32::from(h), colour);
                image::Frame::from_parts(buffer, 0, 0, image::Delay::from_numer_denom_ms(50, 1))
            });
            encoder.encode_frames(frames).unwrap();
        }
        out
    }

    #[test]
    fn an_animated_gif_gives_its_frames_with_their_delays_and_a_still_one_none() {
        let frames = decode_frames(&gif(5, 40, 30), 256, PER_ANIMATION).unwrap().unwrap();
        assert_eq!(frames.len(), 5);
        assert!(frames.iter().all(|(f, ms)| f.size == [40, 30] && *ms == 50));
        assert_ne!(frames[0].0.pixels[0], frames[1].0.pixels[0], "each frame its own");
        assert!(decode_frames(&gif(1, 40, 30), 256, PER_ANIMATION).unwrap().is_none());
        // Not a moving kind at all.
        let png = {
            let mut out = Vec::new();
            image::RgbaImage::new(4, 4).write_to(&mut Cursor::new(&mut out), ImageFormat::Png).unwrap();
            out
        };
        assert!(decode_frames(&png, 256, PER_ANIMATION).unwrap().is_none());
        assert!(decode_frames(b"GIF89a nonsense", 256, PER_ANIMATION).is_err());
    }

    #[test]
    fn a_huge_or_endless_animation_is_bounded() {
        // (Small files and small bounds: the same rule as 16 MP and 400 M pixels.)
        let bytes = gif(12, 300, 200);
        // A canvas too large to play: its first frame, as a still picture.
        assert!(decode_within(&bytes, 256, PER_ANIMATION, (59_999, u64::MAX)).unwrap().is_none());
        // Many frames: cut short at the pixels a worker may decode.
        let frames = decode_within(&bytes, 256, PER_ANIMATION, (60_000, 5 * 60_000)).unwrap().unwrap();
        assert_eq!(frames.len(), 5);
    }

    #[test]
    fn frames_shrink_to_fit_the_bound_and_then_the_animation_is_cut_short() {
        // 40 frames of 400 × 400: 25.6 MB at full size.
        let bytes = gif(40, 400, 400);
        let budget = 2 * 1024 * 1024;
        let frames = decode_frames(&bytes, 512, budget).unwrap().unwrap();
        let held: usize = frames.iter().map(|(f, _)| f.pixels.len() * 4).sum();
        assert!(held <= budget, "{held}");
        assert_eq!(frames.len(), 40, "smaller frames, all of them");
        assert!(frames[0].0.size[0] < 400);
        // A bound too small even at the smallest size: fewer frames, never more bytes.
        let tiny = 64 * 64 * 4 * 10;
        let frames = decode_frames(&bytes, 512, tiny).unwrap().unwrap();
        assert!(frames.len() <= 10 && frames.len() >= 2, "{}", frames.len());
    }
}
