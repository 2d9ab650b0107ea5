//! The colour lens: each image's dominant colours (k-means on a small copy, off the UI
//! thread, cached per asset; assets are named by their content, so a palette never goes
//! stale), a board palette from all of them, and a flag when the images are all alike.

use std::collections::HashMap;
use std::sync::mpsc::{Receiver, Sender, channel};

use std::sync::Arc;

use super::WorkerPool;
use super::card_picture::{DECODE_CRASHED, SMALL_SIDE, decode_for_card};
use super::thumbs::ThumbCache;
use crate::model::{AssetName, Rgb};
use crate::storage::AssetStore;

/// Colours found per image.
pub const COLOURS_PER_IMAGE: usize = 5;
/// Colours in the board palette.
pub const BOARD_COLOURS: usize = 8;
/// At most this many pixels are clustered per image; more says nothing new.
const SAMPLE_PIXELS: usize = 4096;
const ROUNDS: usize = 12;
/// Images whose main colours all lie within this distance (0–441 in RGB) of their
/// average look alike.
pub const ALIKE_DISTANCE: f32 = 48.0;

/// One colour of a palette and the share of pixels near it (0–1).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Swatch {
    pub rgb: [u8; 3],
    pub share: f32,
}

impl Swatch {
    pub fn hex(&self) -> String {
        Rgb(self.rgb[0], self.rgb[1], self.rgb[2]).to_hex()
    }
}

/// A palette being worked out, found, or not to be had.
#[derive(Clone, Debug, PartialEq)]
pub enum PaletteState {
    Pending,
    Ready(Vec<Swatch>),
    Failed(String),
}

struct Found {
    asset: AssetName,
    result: Result<Vec<Swatch>, String>,
}

/// The palettes of the open board's images.
pub struct Palettes {
    entries: HashMap<AssetName, PaletteState>,
    tx: Sender<Found>,
    rx: Receiver<Found>,
}

impl Default for Palettes {
    fn default() -> Self {
        let (tx, rx) = channel();
        Self { entries: HashMap::new(), tx, rx }
    }
}

/// What a palette is worked out from: the board's images and the threads to work on.
pub(super) struct Sources<'a> {
    pub store: &'a AssetStore,
    pub thumbs: &'a Arc<ThumbCache>,
    pub pool: &'a WorkerPool,
    pub ctx: &'a egui::Context,
}

impl Palettes {
    /// The dominant colours of `asset`, worked out in the background on first ask.
    pub(super) fn get(&mut self, asset: &AssetName, from: Sources<'_>) -> PaletteState {
        if let Some(state) = self.entries.get(asset) {
            return state.clone();
        }
        self.entries.insert(asset.clone(), PaletteState::Pending);
        let (store, thumbs, tx, ctx) = (from.store.clone(), from.thumbs.clone(), self.tx.clone(), from.ctx.clone());
        let asset = asset.clone();
        let lost = Found { asset: asset.clone(), result: Err(DECODE_CRASHED.to_owned()) };
        let wake: crate::storage::Waker = Arc::new(move || ctx.request_repaint());
        let reply = super::Reply::new(tx, lost, Some(wake));
        from.pool.spawn(move || {
            let result = decode_for_card(&store, &thumbs, &asset, SMALL_SIDE).map(|picture| {
                let pixels: Vec<[u8; 3]> = picture.pixels.iter().map(|c| [c.r(), c.g(), c.b()]).collect();
                dominant_colours(&pixels, COLOURS_PER_IMAGE)
            });
            reply.send(Found { asset, result });
        });
        PaletteState::Pending
    }

    /// Takes in the palettes worked out since the last poll; says how many arrived.
    pub(super) fn poll(&mut self) -> usize {
        let mut arrived = 0;
        while let Ok(found) = self.rx.try_recv() {
            arrived += 1;
            let state = match found.result {
                Ok(swatches) => PaletteState::Ready(swatches),
                Err(e) => PaletteState::Failed(e),
            };
            self.entries.insert(found.asset, state);
        }
        arrived
    }

    /// Palettes still being worked out.
    pub(super) fn pending(&self) -> usize {
        self.entries.values().filter(|s| matches!(s, PaletteState::Pending)).count()
    }
}

fn distance(a: [f32; 3], b: [f32; 3]) -> f32 {
    ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2) + (a[2] - b[2]).powi(2)).sqrt()
}

fn to_f32(c: [u8; 3]) -> [f32; 3] {
    c.map(f32::from)
}

fn to_u8(c: [f32; 3]) -> [u8; 3] {
    c.map(|v| v.round().clamp(0.0, 255.0) as u8)
}

/// Weighted k-means: `k` colours that best summarise `points`, biggest share first.
/// Deterministic: starts from points spread by brightness, so the same picture always
/// gives the same palette.
fn kmeans(points: &[([f32; 3], f32)], k: usize) -> Vec<Swatch> {
    let total: f32 = points.iter().map(|p| p.1).sum();
    if points.is_empty() || k == 0 || total <= 0.0 {
        return Vec::new();
    }
    let mut by_light: Vec<&([f32; 3], f32)> = points.iter().collect();
    by_light.sort_by(|a, b| (a.0[0] + a.0[1] + a.0[2]).total_cmp(&(b.0[0] + b.0[1] + b.0[2])));
    let k = k.min(points.len());
    let mut centres: Vec<[f32; 3]> = (0..k).map(|i| by_light[(2 * i + 1) * by_light.len() / (2 * k)].0).collect();
    let mut weights = vec![0.0_f32; k];
    for _ in 0..ROUNDS {
        let mut sums = vec![[0.0_f32; 3]; k];
        weights.iter_mut().for_each(|w| *w = 0.0);
        for (colour, weight) in points {
            let nearest =
                (0..k).min_by(|&a, &b| distance(*colour, centres[a]).total_cmp(&distance(*colour, centres[b])));
            let Some(n) = nearest else { continue };
            weights[n] += weight;
            for c in 0..3 {
                sums[n][c] += colour[c] * weight;
            }
        }
        for n in 0..k {
            if weights[n] > 0.0 {
                centres[n] = sums[n].map(|s| s / weights[n]);
            }
        }
    }
    let mut swatches: Vec<Swatch> = centres
        .into_iter()
        .zip(weights)
        .filter(|(_, w)| *w > 0.0)
        .map(|(c, w)| Swatch { rgb: to_u8(c), share: w / total })
        .collect();
    swatches.sort_by(|a, b| b.share.total_cmp(&a.share));
    swatches
}

/// The `k` dominant colours of a picture's pixels.
pub fn dominant_colours(pixels: &[[u8; 3]], k: usize) -> Vec<Swatch> {
    let step = (pixels.len() / SAMPLE_PIXELS).max(1);
    let points: Vec<([f32; 3], f32)> = pixels.iter().step_by(step).map(|p| (to_f32(*p), 1.0)).collect();
    kmeans(&points, k)
}

/// The board's palette from its images' palettes, each image counting the same.
pub fn board_palette(images: &[Vec<Swatch>]) -> Vec<Swatch> {
    let points: Vec<([f32; 3], f32)> =
        images.iter().flat_map(|swatches| swatches.iter().map(|s| (to_f32(s.rgb), s.share))).collect();
    kmeans(&points, BOARD_COLOURS)
}

/// When three or more images all have nearly the same main colour, that colour.
pub fn all_alike(images: &[Vec<Swatch>]) -> Option<[u8; 3]> {
    let main: Vec<[f32; 3]> = images.iter().filter_map(|s| s.first()).map(|s| to_f32(s.rgb)).collect();
    if main.len() < 3 {
        return None;
    }
    let n = main.len() as f32;
    let mean = [0, 1, 2].map(|c| main.iter().map(|m| m[c]).sum::<f32>() / n);
    main.iter().all(|m| distance(*m, mean) <= ALIKE_DISTANCE).then(|| to_u8(mean))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_colour_picture_gives_both_colours_with_their_shares() {
        let mut pixels = vec![[200, 30, 30]; 750];
        pixels.extend(vec![[20, 40, 220]; 250]);
        let swatches = dominant_colours(&pixels, 3);
        assert_eq!(swatches[0].rgb, [200, 30, 30]);
        assert!((swatches[0].share - 0.75).abs() < 0.01, "{swatches:?}");
        assert!(swatches.iter().any(|s| s.rgb == [20, 40, 220]), "{swatches:?}");
        assert_eq!(dominant_colours(&[], 3), vec![]);
    }

    #[test]
    fn alike_images_are_flagged_and_varied_ones_are_not() {
        let image = |rgb: [u8; 3]| vec![Swatch { rgb, share: 0.8 }, Swatch { rgb: [255, 255, 255], share: 0.2 }];
        let alike = [image([120, 90, 60]), image([130, 95, 70]), image([110, 85, 55])];
        assert!(all_alike(&alike).is_some());
        let varied = [image([120, 90, 60]), image([30, 90, 200]), image([110, 85, 55])];
        assert_eq!(all_alike(&varied), None);
        assert_eq!(all_alike(&alike[..2]), None, "two images are too few to judge");
        let palette = board_palette(&varied);
        assert!(palette.len() >= 3 && palette.len() <= BOARD_COLOURS, "{palette:?}");
    }
}
