//! A sketch's strokes as pixels: each stroke's outline (see
//! [`crate::model::kinds::Sketch`]) filled with tiny-skia, anti-aliased. The canvas keeps
//! the result as a texture at the size the card is drawn (so strokes are sharp at every
//! zoom and a board of many sketches costs a picture each per frame, not their
//! outlines); the PNG export draws the same.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use egui::{ColorImage, Context, TextureHandle, TextureOptions};
use resvg::tiny_skia;

use crate::model::kinds::Sketch;

/// The longest side a sketch is drawn at, in pixels; closer than that it is scaled up.
pub const MAX_SIDE: u32 = 2_048;

/// The sketch's strokes on a transparent picture `w` × `h` pixels wide (its drawing
/// area scaled to fill it), premultiplied RGBA. `None` when the size is zero.
pub fn rasterize(sketch: &Sketch, w: u32, h: u32) -> Option<tiny_skia::Pixmap> {
    let mut pixmap = tiny_skia::Pixmap::new(w.max(1), h.max(1))?;
    let (sx, sy) = (w as f32 / sketch.area.w.max(1.0), h as f32 / sketch.area.h.max(1.0));
    let transform = tiny_skia::Transform::from_scale(sx, sy);
    for stroke in &sketch.strokes {
        let outline = stroke.outline();
        let Some((first, rest)) = outline.split_first() else { continue };
        let mut path = tiny_skia::PathBuilder::new();
        path.move_to(first.x, first.y);
        for p in rest {
            path.line_to(p.x, p.y);
        }
        path.close();
        let Some(path) = path.finish() else { continue };
        let ink = stroke.ink();
        let mut paint = tiny_skia::Paint::default();
        paint.set_color_rgba8(ink.0, ink.1, ink.2, 255);
        paint.anti_alias = true;
        pixmap.fill_path(&path, &paint, tiny_skia::FillRule::Winding, transform, None);
    }
    Some(pixmap)
}

/// The pixel size a sketch is drawn at for a card `w` × `h` pixels on screen: rounded up
/// to a step of a quarter octave, so zooming a little reuses the picture, and at most
/// [`MAX_SIDE`] on the longest side.
pub fn drawn_size(w: f32, h: f32) -> (u32, u32) {
    let long = w.max(h).max(1.0);
    let step = 2f32.powf((long.log2() * 4.0).ceil() / 4.0).min(MAX_SIDE as f32);
    let scale = step / long;
    ((w * scale).ceil().max(1.0) as u32, (h * scale).ceil().max(1.0) as u32)
}

/// Sketches drawn as textures, kept by [`crate::model::kinds::Card::key`] (the idea and
/// its last change) and the size they were drawn at; what was not drawn in a while goes.
pub struct SketchTextures {
    ctx: Context,
    drawn: HashMap<u64, Drawn>,
    frame: u64,
    /// Time spent drawing sketches this frame: past [`BUDGET`] the rest waits for the
    /// next frame (a board of many sketches appears over a few frames instead of
    /// stalling one).
    spent: Duration,
}

struct Drawn {
    size: (u32, u32),
    texture: TextureHandle,
    used: u64,
}

/// Time one frame may spend drawing sketches: a busy sketch or two, or dozens of
/// simple ones.
const BUDGET: Duration = Duration::from_millis(6);
/// Frames a texture nobody drew is kept.
const KEEP_FRAMES: u64 = 120;

impl SketchTextures {
    pub fn new(ctx: Context) -> Self {
        Self { ctx, drawn: HashMap::new(), frame: 0, spent: Duration::ZERO }
    }

    /// The texture of `sketch` for a card `w` × `h` pixels on screen, drawn now if it was
    /// not at this size (or an earlier size while this frame's budget is spent).
    pub fn get(&mut self, key: u64, sketch: &Sketch, w: f32, h: f32) -> Option<TextureHandle> {
        let size = drawn_size(w, h);
        let frame = self.frame;
        if let Some(drawn) = self.drawn.get_mut(&key) {
            drawn.used = frame;
            if drawn.size == size || self.spent >= BUDGET {
                return Some(drawn.texture.clone());
            }
        } else if self.spent >= BUDGET {
            self.ctx.request_repaint();
            return None;
        }
        let started = Instant::now();
        let pixmap = rasterize(sketch, size.0, size.1);
        self.spent += started.elapsed();
        let pixmap = pixmap?;
        let image = ColorImage::from_rgba_premultiplied([size.0 as usize, size.1 as usize], pixmap.data());
        let texture = self.ctx.load_texture(format!("sketch-{key:x}"), image, TextureOptions::LINEAR);
        self.drawn.insert(key, Drawn { size, texture: texture.clone(), used: frame });
        Some(texture)
    }

    /// A new frame: forgets what was not drawn for a while, and the budget starts again.
    pub fn next_frame(&mut self) {
        self.frame += 1;
        if self.spent >= BUDGET {
            self.ctx.request_repaint();
        }
        self.spent = Duration::ZERO;
        let frame = self.frame;
        self.drawn.retain(|_, d| frame - d.used <= KEEP_FRAMES);
    }

    /// Bytes the kept textures take.
    pub fn memory(&self) -> usize {
        self.drawn.values().map(|d| d.size.0 as usize * d.size.1 as usize * 4).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::kinds::Stroke;

    #[test]
    fn strokes_are_drawn_where_they_are_in_their_colour() {
        let sketch = Sketch {
            strokes: vec![Stroke {
                colour: "#D1495B".into(),
                width: 16.0,
                pressure: false,
                points: vec![[40.0, 180.0, 0.5], [240.0, 180.0, 0.5], [440.0, 180.0, 0.5]],
            }],
            ..Sketch::default()
        };
        let pixmap = rasterize(&sketch, 240, 180).unwrap();
        let at = |x: u32, y: u32| pixmap.pixel(x, y).unwrap();
        let middle = at(120, 90);
        assert_eq!((middle.red(), middle.green(), middle.blue(), middle.alpha()), (0xD1, 0x49, 0x5B, 255));
        assert_eq!(at(120, 20).alpha(), 0, "nothing drawn above the stroke");
    }

    #[test]
    fn drawn_sizes_come_in_steps_and_stop_at_the_largest() {
        assert_eq!(drawn_size(100.0, 50.0), drawn_size(101.0, 50.5));
        let (w, h) = drawn_size(300.0, 150.0);
        assert!(w >= 300 && h >= 150 && w < 380, "{w}×{h}");
        assert_eq!(drawn_size(100_000.0, 50_000.0), (MAX_SIDE, MAX_SIDE / 2));
    }
}
