//! The canvas's dot grid, drawn as one rectangle: a tile of one dot, repeated by the
//! GPU. Before, every dot was a shape of its own (about 5,000 at fit zoom on a large
//! screen), painted and tessellated every frame; now a frame's grid costs the same
//! whatever the window's size or the zoom.

use egui::{Color32, ColorImage, Id, Mesh, Painter, Pos2, Rect, Shape, TextureHandle, TextureOptions, pos2};

/// Radius of a grid dot, in points.
const DOT_RADIUS: f32 = 1.2;
/// Closer than this on screen, in points, the grid is left out (it would be a haze).
pub const MIN_SPACING: f32 = 10.0;

/// The tile made last: its side in pixels, its colour, and the texture.
#[derive(Clone)]
struct Tile {
    side: usize,
    colour: Color32,
    texture: TextureHandle,
}

/// Paints the grid over `rect`: dots `spacing` points apart, one of them at `origin`.
pub fn paint_grid(painter: &Painter, rect: Rect, origin: Pos2, spacing: f32, colour: Color32) {
    if spacing < MIN_SPACING || !rect.is_positive() {
        return;
    }
    let ctx = painter.ctx();
    let pixels = spacing * ctx.pixels_per_point();
    let texture = tile(ctx, pixels, colour);
    // The tile's centre (its dot) falls on `origin` and every `spacing` from it; a tile
    // of whole pixels is stretched by at most half a pixel to the exact spacing.
    let uv = |p: Pos2| pos2((p.x - origin.x) / spacing + 0.5, (p.y - origin.y) / spacing + 0.5);
    let mut mesh = Mesh::with_texture(texture.id());
    mesh.add_rect_with_uv(rect, Rect::from_min_max(uv(rect.min), uv(rect.max)), Color32::WHITE);
    painter.add(Shape::mesh(mesh));
}

/// The tile for dots `pixels` apart, made again only when the spacing in whole pixels or
/// the colour changed (while zooming: a texture of a few kilobytes).
fn tile(ctx: &egui::Context, pixels: f32, colour: Color32) -> TextureHandle {
    let side = (pixels.round() as usize).clamp(2, 1024);
    let id = Id::unique("canvas-grid-tile");
    if let Some(tile) = ctx.data(|d| d.get_temp::<Tile>(id))
        && tile.side == side
        && tile.colour == colour
    {
        return tile.texture;
    }
    // The tile is drawn `pixels / side` as large as it is made: the dot is made that much
    // smaller so that it shows at its radius.
    let image = dot_tile(side, DOT_RADIUS * ctx.pixels_per_point() * side as f32 / pixels, colour);
    let options = TextureOptions { wrap_mode: egui::TextureWrapMode::Repeat, ..TextureOptions::LINEAR };
    let texture = ctx.load_texture("canvas-grid", image, options);
    ctx.data_mut(|d| d.insert_temp(id, Tile { side, colour, texture: texture.clone() }));
    texture
}

/// A `side`-pixel square, clear but for a round dot of `radius` pixels at its centre,
/// its edge smoothed over a pixel.
fn dot_tile(side: usize, radius: f32, colour: Color32) -> ColorImage {
    let centre = side as f32 / 2.0;
    let pixels = (0..side * side)
        .map(|i| {
            let (x, y) = ((i % side) as f32 + 0.5, (i / side) as f32 + 0.5);
            let distance = ((x - centre).powi(2) + (y - centre).powi(2)).sqrt();
            colour.gamma_multiply((radius + 0.5 - distance).clamp(0.0, 1.0))
        })
        .collect();
    ColorImage::new([side, side], pixels)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tile_holds_one_round_dot_at_its_centre() {
        let tile = dot_tile(16, 1.2, Color32::WHITE);
        let at = |x: usize, y: usize| tile.pixels[y * 16 + x];
        assert!(at(8, 8).a() > 250 && at(7, 7).a() > 250, "the dot, round the centre");
        assert_eq!(at(0, 0).a(), 0, "clear around it");
        assert_eq!(at(8, 0).a(), 0);
        assert!(at(9, 8).a() > 0 && at(9, 8).a() < 255, "a smoothed edge");
        let ink: u32 = tile.pixels.iter().map(|p| u32::from(p.a())).sum();
        // About π r² of a dot's ink, not a line or a block.
        assert!((3 * 255..7 * 255).contains(&ink), "{ink}");
    }

    #[test]
    fn the_grid_is_one_shape_whatever_the_screen_and_its_dots_fall_on_the_board_grid() {
        let ctx = egui::Context::default();
        let count_shapes = |size: f32| {
            let mut out = ctx.run_ui(egui::RawInput::default(), |ui| {
                let rect = Rect::from_min_size(Pos2::ZERO, egui::vec2(size, size));
                paint_grid(&ui.painter_at(rect), rect, pos2(5.0, 7.0), 16.0, Color32::GRAY);
            });
            out.textures_delta.clear(); // no GPU here
            let meshes: Vec<_> = out
                .shapes
                .iter()
                .filter_map(|s| match &s.shape {
                    Shape::Mesh(mesh) => Some(mesh.clone()),
                    _ => None,
                })
                .collect();
            (out.shapes.len(), meshes)
        };
        let (small, _) = count_shapes(100.0);
        let (large, meshes) = count_shapes(4000.0);
        assert_eq!(small, large, "the same work for a larger screen");
        let mesh = &meshes[0];
        // The dot at the tile's centre (uv 0.5) is at the origin; one spacing on, the next.
        let uv_at = |x: f32| {
            let [a, b] = [mesh.vertices[0], mesh.vertices[1]];
            a.uv.x + (x - a.pos.x) / (b.pos.x - a.pos.x) * (b.uv.x - a.uv.x)
        };
        assert!((uv_at(5.0) - 0.5).abs() < 1e-4 && (uv_at(21.0) - 1.5).abs() < 1e-4);
        // Too close together: no grid at all.
        let mut out = ctx.run_ui(egui::RawInput::default(), |ui| {
            let rect = Rect::from_min_size(Pos2::ZERO, egui::vec2(100.0, 100.0));
            paint_grid(&ui.painter_at(rect), rect, Pos2::ZERO, MIN_SPACING - 1.0, Color32::GRAY);
        });
        out.textures_delta.clear();
        assert!(out.shapes.iter().all(|s| !matches!(s.shape, Shape::Mesh(_))));
    }
}
