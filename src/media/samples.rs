//! Pictures' pixels for the colour picker: a copy of a picture at card size (1024 px on
//! its longest side, from the thumbnail cache where it is there), decoded off the UI
//! thread on first ask and kept for the last few pictures asked for.

use std::collections::VecDeque;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

use egui::ColorImage;

use super::card_picture::{DECODE_CRASHED, TEXTURE_MAX_SIDE, decode_for_card};
use super::palette::Sources;
use crate::model::{AssetName, Rgb};

/// Pictures whose pixels are kept.
const KEPT: usize = 4;

/// A picture's pixels being decoded, decoded, or not to be had.
#[derive(Clone, Debug)]
pub enum SampleState {
    Pending,
    Ready(Arc<ColorImage>),
    Failed(String),
}

impl SampleState {
    /// The colour at `(u, v)`, fractions of the whole picture, once it is decoded.
    pub fn colour_at(&self, u: f32, v: f32) -> Option<Rgb> {
        let SampleState::Ready(picture) = self else { return None };
        pixel(picture, u, v, 0, 0)
    }
}

/// The pixel `(dx, dy)` pixels away from the one at `(u, v)` (fractions of the
/// picture), if it is inside the picture.
pub fn pixel(picture: &ColorImage, u: f32, v: f32, dx: i64, dy: i64) -> Option<Rgb> {
    let [w, h] = picture.size;
    if w == 0 || h == 0 || !(0.0..=1.0).contains(&u) || !(0.0..=1.0).contains(&v) {
        return None;
    }
    let x = ((u * w as f32) as i64).min(w as i64 - 1) + dx;
    let y = ((v * h as f32) as i64).min(h as i64 - 1) + dy;
    if x < 0 || y < 0 || x >= w as i64 || y >= h as i64 {
        return None;
    }
    let c = picture.pixels[y as usize * w + x as usize];
    Some(Rgb(c.r(), c.g(), c.b()))
}

struct Decoded {
    asset: AssetName,
    result: Result<ColorImage, String>,
}

/// The pixels of the last pictures the picker was over.
pub struct Samples {
    kept: VecDeque<(AssetName, SampleState)>,
    tx: Sender<Decoded>,
    rx: Receiver<Decoded>,
}

impl Default for Samples {
    fn default() -> Self {
        let (tx, rx) = channel();
        Self { kept: VecDeque::new(), tx, rx }
    }
}

impl Samples {
    pub(super) fn get(&mut self, asset: &AssetName, from: Sources<'_>) -> SampleState {
        if let Some((_, state)) = self.kept.iter().find(|(a, _)| a == asset) {
            return state.clone();
        }
        if self.kept.len() >= KEPT {
            self.kept.pop_front();
        }
        self.kept.push_back((asset.clone(), SampleState::Pending));
        let (store, thumbs, ctx) = (from.store.clone(), from.thumbs.clone(), from.ctx.clone());
        let asset = asset.clone();
        let lost = Decoded { asset: asset.clone(), result: Err(DECODE_CRASHED.to_owned()) };
        let wake: crate::storage::Waker = Arc::new(move || ctx.request_repaint());
        let reply = super::Reply::new(self.tx.clone(), lost, Some(wake));
        from.pool.spawn(move || {
            let result = decode_for_card(&store, &thumbs, &asset, TEXTURE_MAX_SIDE);
            reply.send(Decoded { asset, result });
        });
        SampleState::Pending
    }

    pub(super) fn poll(&mut self) {
        while let Ok(done) = self.rx.try_recv() {
            let state = match done.result {
                Ok(picture) => SampleState::Ready(Arc::new(picture)),
                Err(e) => SampleState::Failed(e),
            };
            if let Some(slot) = self.kept.iter_mut().find(|(a, _)| *a == done.asset) {
                slot.1 = state;
            }
        }
    }

    pub(super) fn pending(&self) -> usize {
        self.kept.iter().filter(|(_, s)| matches!(s, SampleState::Pending)).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pixels_are_found_by_their_place_and_stay_inside() {
        let mut picture = ColorImage::filled([4, 2], egui::Color32::RED);
        picture.pixels[3] = egui::Color32::BLUE; // top right
        assert_eq!(pixel(&picture, 0.99, 0.1, 0, 0), Some(Rgb(0, 0, 255)));
        assert_eq!(pixel(&picture, 1.0, 0.0, 0, 0), Some(Rgb(0, 0, 255)), "the far edge is the last pixel");
        assert_eq!(pixel(&picture, 0.1, 0.9, 0, 0), Some(Rgb(255, 0, 0)));
        assert_eq!(pixel(&picture, 0.99, 0.1, 1, 0), None, "beside the picture");
        assert_eq!(pixel(&picture, f32::NAN, 0.1, 0, 0), None);
        assert!(SampleState::Pending.colour_at(0.5, 0.5).is_none());
    }
}
