//! PNG: the whole board, or one theme, as a picture, drawn in software (no window or
//! GPU needed), so the command line can make it too.

use ab_glyph::{Font as _, FontRef, PxScale, PxScaleFont, ScaleFont as _, point};

type Scaled<'a> = PxScaleFont<&'a FontRef<'static>>;
use image::{Rgba, RgbaImage, imageops};

use crate::media::decode;
use crate::model::{Board, BoardRect, Item, ItemKind, Rgb, links};
use crate::storage::AssetStore;

/// Longest side of the picture, in pixels; larger boards are drawn scaled down.
pub const MAX_SIDE: f32 = 4096.0;
const MARGIN: f32 = 48.0;
const PAD: f32 = 28.0;

const BACKGROUND: Rgba<u8> = Rgba([0xF4, 0xF1, 0xEC, 0xFF]);
const NOTE: Rgba<u8> = Rgba([0xFF, 0xF1, 0xA8, 0xFF]);
const QUOTE: Rgba<u8> = Rgba([0xFA, 0xF7, 0xF2, 0xFF]);
const LINK: Rgba<u8> = Rgba([0xE6, 0xEE, 0xF7, 0xFF]);
const PLACEHOLDER: Rgba<u8> = Rgba([0x3A, 0x3D, 0x42, 0xFF]);
const INK: Rgba<u8> = Rgba([0x26, 0x26, 0x26, 0xFF]);
const LIGHT_INK: Rgba<u8> = Rgba([0xF0, 0xF0, 0xF0, 0xFF]);

#[derive(Debug, thiserror::Error)]
pub enum PngError {
    #[error("the board has nothing to draw")]
    Empty,
    #[error("cannot encode the picture: {0}")]
    Encode(String),
}

/// Draws the board's items and theme regions and returns the PNG file's bytes.
pub fn render_png(board: &Board, store: &AssetStore) -> Result<Vec<u8>, PngError> {
    let bounds = board.bounds().ok_or(PngError::Empty)?;
    let (bw, bh) =
        (bounds.max.x - bounds.min.x + 2.0 * (MARGIN + PAD), bounds.max.y - bounds.min.y + 2.0 * (MARGIN + PAD));
    let scale = (MAX_SIDE / bw.max(bh)).min(1.0);
    let (w, h) = ((bw * scale).ceil().max(1.0) as u32, (bh * scale).ceil().max(1.0) as u32);
    let mut canvas = Canvas {
        img: RgbaImage::from_pixel(w, h, BACKGROUND),
        scale,
        origin: (bounds.min.x - MARGIN - PAD, bounds.min.y - MARGIN - PAD),
        font: FontRef::try_from_slice(epaint_default_fonts::UBUNTU_LIGHT).expect("egui's bundled font loads"),
    };
    let groups = board.items_by_theme();
    for theme in &board.themes {
        let Some(r) = groups
            .get(&Some(&theme.id))
            .into_iter()
            .flatten()
            .map(|i| BoardRect::from_pos_size(i.pos, i.size))
            .reduce(BoardRect::union)
        else {
            continue;
        };
        let Rgb(cr, cg, cb) = Rgb::parse_hex(&theme.colour).unwrap_or(Rgb(0x99, 0x99, 0x99));
        let region = (r.min.x - PAD, r.min.y - PAD, r.max.x - r.min.x + 2.0 * PAD, r.max.y - r.min.y + 2.0 * PAD);
        canvas.fill(region, Rgba([cr, cg, cb, 50]));
        canvas.text(
            &theme.name,
            (region.0 + 8.0, region.1 - 2.0, region.2, 24.0),
            18.0,
            Rgba([cr / 2, cg / 2, cb / 2, 255]),
        );
    }
    for item in &board.items {
        canvas.card(item, store);
    }
    let mut png = Vec::new();
    canvas
        .img
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .map_err(|e| PngError::Encode(e.to_string()))?;
    Ok(png)
}

struct Canvas {
    img: RgbaImage,
    scale: f32,
    origin: (f32, f32),
    font: FontRef<'static>,
}

/// A rectangle in board units: x, y, width, height.
type R = (f32, f32, f32, f32);

impl Canvas {
    fn to_px(&self, (x, y, w, h): R) -> (i64, i64, i64, i64) {
        let s = self.scale;
        let x0 = ((x - self.origin.0) * s).round() as i64;
        let y0 = ((y - self.origin.1) * s).round() as i64;
        (x0, y0, ((x + w - self.origin.0) * s).round() as i64, ((y + h - self.origin.1) * s).round() as i64)
    }

    fn blend(&mut self, x: i64, y: i64, c: Rgba<u8>, coverage: f32) {
        if x < 0 || y < 0 || x >= i64::from(self.img.width()) || y >= i64::from(self.img.height()) {
            return;
        }
        let a = f32::from(c.0[3]) / 255.0 * coverage.clamp(0.0, 1.0);
        let p = self.img.get_pixel_mut(x as u32, y as u32);
        for i in 0..3 {
            p.0[i] = (f32::from(p.0[i]) * (1.0 - a) + f32::from(c.0[i]) * a).round() as u8;
        }
    }

    fn fill(&mut self, r: R, c: Rgba<u8>) {
        let (x0, y0, x1, y1) = self.to_px(r);
        for y in y0.max(0)..y1.min(i64::from(self.img.height())) {
            for x in x0.max(0)..x1.min(i64::from(self.img.width())) {
                self.blend(x, y, c, 1.0);
            }
        }
    }

    /// Word-wrapped text in `r` at `size` board units, clipped to `r`.
    fn text(&mut self, text: &str, r: R, size: f32, c: Rgba<u8>) {
        let px = size * self.scale;
        if px < 4.0 {
            return; // too small to read: leave it out rather than draw grey noise
        }
        let font = self.font.clone();
        let scaled = font.as_scaled(PxScale::from(px));
        let (x0, y0, x1, y1) = self.to_px(r);
        let line_height = scaled.height() + scaled.line_gap();
        let mut y = y0 as f32 + scaled.ascent();
        for paragraph in text.lines() {
            let mut line = String::new();
            for word in paragraph.split_whitespace() {
                let candidate = if line.is_empty() { word.to_owned() } else { format!("{line} {word}") };
                if self.width(&scaled, &candidate) > (x1 - x0) as f32 && !line.is_empty() {
                    self.draw_line(&scaled, &line, x0 as f32, y, (x1, y1), c);
                    y += line_height;
                    line = word.to_owned();
                } else {
                    line = candidate;
                }
            }
            self.draw_line(&scaled, &line, x0 as f32, y, (x1, y1), c);
            y += line_height;
            if y - scaled.descent() > y1 as f32 + line_height {
                break;
            }
        }
    }

    fn width(&self, scaled: &Scaled<'_>, s: &str) -> f32 {
        s.chars().map(|ch| scaled.h_advance(scaled.glyph_id(ch))).sum()
    }

    fn draw_line(&mut self, scaled: &Scaled<'_>, s: &str, mut x: f32, baseline: f32, clip: (i64, i64), c: Rgba<u8>) {
        if baseline - scaled.ascent() > clip.1 as f32 {
            return;
        }
        for ch in s.chars() {
            let glyph = scaled.scaled_glyph(ch);
            let advance = scaled.h_advance(glyph.id);
            let glyph = ab_glyph::Glyph { position: point(x, baseline), ..glyph };
            if let Some(outlined) = scaled.outline_glyph(glyph) {
                let b = outlined.px_bounds();
                let mut coverage = Vec::new();
                outlined.draw(|gx, gy, v| {
                    coverage.push((b.min.x as i64 + i64::from(gx), b.min.y as i64 + i64::from(gy), v))
                });
                for (px, py, v) in coverage {
                    if px < clip.0 && py < clip.1 {
                        self.blend(px, py, c, v);
                    }
                }
            }
            x += advance;
        }
    }

    fn card(&mut self, item: &Item, store: &AssetStore) {
        let r = (item.pos.x, item.pos.y, item.size.w, item.size.h);
        self.fill((r.0, r.1 + 3.0, r.2, r.3), Rgba([0, 0, 0, 40]));
        let inner = (r.0 + 12.0, r.1 + 12.0, r.2 - 24.0, r.3 - 24.0);
        match &item.kind {
            ItemKind::Note { text } => {
                self.fill(r, NOTE);
                self.text(text, inner, 16.0, INK);
            }
            ItemKind::Quote { text, by, .. } => {
                self.fill(r, QUOTE);
                let t = if by.is_empty() { format!("“{text}”") } else { format!("“{text}”\n— {by}") };
                self.text(&t, inner, 18.0, INK);
            }
            ItemKind::Link { url, title, .. } => {
                self.fill(r, LINK);
                let domain = links::domain(url).unwrap_or_default();
                let t = if title.is_empty() { url.clone() } else { format!("{title}\n{domain}") };
                self.text(&t, inner, 16.0, Rgba([0x1D, 0x35, 0x57, 0xFF]));
            }
            ItemKind::Colour { hex, name } => {
                let Rgb(cr, cg, cb) = Rgb::parse_hex(hex).unwrap_or(Rgb(0x80, 0x80, 0x80));
                self.fill(r, Rgba([cr, cg, cb, 255]));
                let ink = if Rgb(cr, cg, cb).luminance() > 0.5 { INK } else { LIGHT_INK };
                self.text(&format!("{hex}\n{name}"), inner, 14.0, ink);
            }
            ItemKind::Image { asset, file_name, .. } => {
                let (x0, y0, x1, y1) = self.to_px(r);
                let (pw, ph) = ((x1 - x0).max(1) as u32, (y1 - y0).max(1) as u32);
                let picture = store.read_verified(asset).ok().and_then(|b| decode::decode(&b).ok());
                match picture {
                    Some(picture) => {
                        let fitted = picture.resize_to_fill(pw, ph, imageops::FilterType::Triangle).to_rgba8();
                        imageops::overlay(&mut self.img, &fitted, x0, y0);
                    }
                    None => {
                        self.fill(r, PLACEHOLDER);
                        self.text(&format!("Missing image: {file_name}"), inner, 14.0, LIGHT_INK);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Item, Pos, Size, Timestamp};

    #[test]
    fn a_board_draws_its_cards_and_text() {
        let dir = tempfile::tempdir().unwrap();
        let store = AssetStore::for_board(&dir.path().join("B.moodboard.ron"));
        let now = Timestamp::now();
        let mut board = Board::new("B", now);
        let mut note = Item::new(ItemKind::Note { text: "Hello there".into() }, Pos::new(0.0, 0.0), "A", "x", now);
        note.size = Size::new(200.0, 100.0);
        board.items.push(note);
        let mut red = Item::new(
            ItemKind::Colour { hex: "#FF0000".into(), name: String::new() },
            Pos::new(300.0, 0.0),
            "A",
            "x",
            now,
        );
        red.size = Size::new(100.0, 100.0);
        board.items.push(red);
        let png = render_png(&board, &store).unwrap();
        let img = image::load_from_memory(&png).unwrap().to_rgba8();
        let at = |x: f32, y: f32| *img.get_pixel((x - (-MARGIN - PAD)) as u32, (y - (-MARGIN - PAD)) as u32);
        assert_eq!(at(350.0, 90.0), Rgba([255, 0, 0, 255]), "the swatch is red");
        assert_eq!(at(190.0, 90.0), NOTE, "the note's empty corner is note yellow");
        let inked = (12..120)
            .flat_map(|x| (12..40).map(move |y| (x, y)))
            .filter(|&(x, y)| at(x as f32, y as f32) != NOTE)
            .count();
        assert!(inked > 50, "the note's text is drawn ({inked} pixels)");
        assert!(matches!(render_png(&Board::new("Empty", now), &store), Err(PngError::Empty)));
    }
}
