//! PNG: the whole board, or one theme, as a picture, drawn in software (no window or
//! GPU needed), so the command line can make it too.

use ab_glyph::{Font as _, FontRef, PxScale, PxScaleFont, ScaleFont as _, point};

type Scaled<'a> = PxScaleFont<&'a FontRef<'static>>;
use image::{Rgba, RgbaImage, imageops};

use crate::model::kinds::{Align, Card, CardPainter, Fit, Ink, Paint, TextStyle};
use crate::model::{AssetName, Board, BoardRect, Crop, Item, Message, Pos, Rgb};
use crate::storage::AssetStore;

/// Longest side of the picture, in pixels; larger boards are drawn scaled down.
pub const MAX_SIDE: f32 = 4096.0;
const MARGIN: f32 = 48.0;
const PAD: f32 = 28.0;

const BACKGROUND: Rgba<u8> = Rgba([0xF4, 0xF1, 0xEC, 0xFF]);
const NOTE: Rgba<u8> = Rgba([0xFF, 0xF1, 0xA8, 0xFF]);
const QUOTE: Rgba<u8> = Rgba([0xFA, 0xF7, 0xF2, 0xFF]);
const LINK: Rgba<u8> = Rgba([0xE6, 0xEE, 0xF7, 0xFF]);
const PROMPT: Rgba<u8> = Rgba([0x2E, 0x3A, 0x59, 0xFF]);
pub(super) const PLACEHOLDER: Rgba<u8> = Rgba([0x3A, 0x3D, 0x42, 0xFF]);
pub(super) const INK: Rgba<u8> = Rgba([0x26, 0x26, 0x26, 0xFF]);
pub(super) const LIGHT_INK: Rgba<u8> = Rgba([0xF0, 0xF0, 0xF0, 0xFF]);

#[derive(Debug, thiserror::Error)]
pub enum PngError {
    Empty,
    Encode(String),
}

impl crate::i18n::Said for PngError {
    fn message(&self) -> crate::i18n::Message {
        match self {
            PngError::Empty => crate::i18n::Message::new("png-empty"),
            PngError::Encode(detail) => crate::i18n::Message::new("png-not-encoded").with("detail", detail),
        }
    }
}

crate::said_as_printed!(PngError);

/// Draws the board's title and goals above its items and theme regions and returns the
/// PNG file's bytes.
pub fn render_png(board: &Board, store: &AssetStore) -> Result<Vec<u8>, PngError> {
    let img = draw(board, store, MAX_SIDE, true)?;
    let mut png = Vec::new();
    img.write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .map_err(|e| PngError::Encode(e.to_string()))?;
    Ok(png)
}

/// Draws the board's items and theme regions, its longest side at most `max_side`
/// pixels (the library's small pictures of boards, which show the title beside them).
pub fn render_picture(board: &Board, store: &AssetStore, max_side: f32) -> Result<RgbaImage, PngError> {
    draw(board, store, max_side, false)
}

const TITLE_SIZE: f32 = 40.0;
const GOAL_SIZE: f32 = 22.0;

/// The height of the title and goals above the board, in board units.
fn heading_height(board: &Board) -> f32 {
    let goals = board.goals.iter().filter(|g| !g.trim().is_empty()).count();
    if board.title.trim().is_empty() && goals == 0 {
        return 0.0;
    }
    TITLE_SIZE * 1.5 + goals as f32 * GOAL_SIZE * 1.5 + PAD
}

/// [`render_picture`], with the title and goals above the board when `heading`.
fn draw(board: &Board, store: &AssetStore, max_side: f32, heading: bool) -> Result<RgbaImage, PngError> {
    let bounds = board.bounds().ok_or(PngError::Empty)?;
    let header = if heading { heading_height(board) } else { 0.0 };
    let (bw, bh) = (
        bounds.max.x - bounds.min.x + 2.0 * (MARGIN + PAD),
        bounds.max.y - bounds.min.y + 2.0 * (MARGIN + PAD) + header,
    );
    let scale = (max_side / bw.max(bh)).min(1.0);
    let (w, h) = ((bw * scale).ceil().max(1.0) as u32, (bh * scale).ceil().max(1.0) as u32);
    let mut canvas = Canvas {
        img: RgbaImage::from_pixel(w, h, BACKGROUND),
        scale,
        origin: (bounds.min.x - MARGIN - PAD, bounds.min.y - MARGIN - PAD - header),
        font: FontRef::try_from_slice(epaint_default_fonts::UBUNTU_LIGHT).expect("egui's bundled font loads"),
    };
    if header > 0.0 {
        // The title, then each goal, above the board: a picture sent round says what the
        // board is for.
        let (x, width) = (bounds.min.x - PAD, bw - 2.0 * MARGIN);
        let mut y = canvas.origin.1 + MARGIN;
        canvas.text(&board.title, (x, y, width, TITLE_SIZE * 1.4), TITLE_SIZE, INK);
        y += TITLE_SIZE * 1.5;
        for goal in board.goals.iter().filter(|g| !g.trim().is_empty()) {
            let line = format!("• {}", crate::model::one_line(goal, 200));
            canvas.text(&line, (x, y, width, GOAL_SIZE * 1.4), GOAL_SIZE, INK);
            y += GOAL_SIZE * 1.5;
        }
    }
    // Each theme's frame, as on the canvas, its name in the band at its top.
    for theme in &board.themes {
        let frame = Some(theme.frame).filter(|f| f.is_valid() && f.width() >= 1.0 && f.height() >= 1.0);
        let Some(r) = frame else { continue };
        let Rgb(cr, cg, cb) = Rgb::parse_hex(&theme.colour).unwrap_or(Rgb(0x99, 0x99, 0x99));
        let region = (r.min.x, r.min.y, r.width(), r.height());
        canvas.fill(region, Rgba([cr, cg, cb, 50]));
        let band = crate::model::frames::FRAME_HEADER;
        canvas.text(
            &theme.name,
            (region.0 + 16.0, region.1 + band * 0.25, region.2 - 32.0, band * 0.7),
            22.0,
            Rgba([cr / 2, cg / 2, cb / 2, 255]),
        );
    }
    // Connectors under the cards, as on the canvas.
    for connector in board.shown_connectors() {
        canvas.connector(board, connector);
    }
    for item in &board.items {
        canvas.card(item, store);
    }
    Ok(canvas.img)
}

pub(super) const CONNECTOR_INK: Rgba<u8> = Rgba([0x46, 0x4A, 0x52, 0xFF]);

/// The characters of `s` the font has glyphs for: a sign it lacks (`↗`) is left out
/// rather than drawn as an empty box.
fn drawn<'s>(scaled: &'s Scaled<'_>, s: &'s str) -> impl Iterator<Item = char> + 's {
    s.chars().filter(|&ch| ch.is_whitespace() || scaled.glyph_id(ch).0 != 0)
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

    /// A board point in pixels.
    fn point_px(&self, p: Pos) -> (f32, f32) {
        ((p.x - self.origin.0) * self.scale, (p.y - self.origin.1) * self.scale)
    }

    /// A connector: its line (dashed if it is), its heads and its label on a plate.
    fn connector(&mut self, board: &Board, connector: &crate::model::Connector) {
        use crate::model::Heads;
        let Some((start, end)) = board.route_of(connector) else { return };
        let (a, b) = (self.point_px(start), self.point_px(end));
        let width = (2.0 * self.scale).max(1.5);
        let head = (12.0 * self.scale).max(5.0);
        let dash = connector.dashed.then_some((8.0 * self.scale).max(3.0));
        self.segment(a, b, width, dash, CONNECTOR_INK);
        if connector.heads != Heads::None {
            self.head(a, b, head, CONNECTOR_INK);
        }
        if connector.heads == Heads::Both {
            self.head(b, a, head, CONNECTOR_INK);
        }
        if !connector.label.is_empty() {
            let middle = ((start.x + end.x) / 2.0, (start.y + end.y) / 2.0);
            let size = 14.0;
            let w = self.line_width(&connector.label, size) / self.scale.max(1e-6) + 12.0;
            let r = (middle.0 - w / 2.0, middle.1 - size * 0.8, w, size * 1.6);
            self.fill(r, Rgba([0xFF, 0xFF, 0xFF, 0xE6]));
            self.text(&connector.label, (r.0 + 6.0, r.1 + 1.0, r.2, r.3), size, INK);
        }
    }

    /// A line `width` pixels wide from `a` to `b` (pixels), dashes of `dash` pixels.
    fn segment(&mut self, a: (f32, f32), b: (f32, f32), width: f32, dash: Option<f32>, c: Rgba<u8>) {
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let length = (dx * dx + dy * dy).sqrt();
        if !length.is_finite() || length < 0.5 {
            return;
        }
        let steps = (length * 2.0).ceil() as usize;
        let r = width / 2.0;
        for i in 0..=steps {
            let t = i as f32 / steps as f32;
            if let Some(dash) = dash
                && (t * length / dash) as i64 % 2 == 1
            {
                continue;
            }
            let (x, y) = (a.0 + dx * t, a.1 + dy * t);
            for py in (y - r).floor() as i64..=(y + r).ceil() as i64 {
                for px in (x - r).floor() as i64..=(x + r).ceil() as i64 {
                    let d = ((px as f32 + 0.5 - x).powi(2) + (py as f32 + 0.5 - y).powi(2)).sqrt();
                    if d <= r + 0.5 {
                        self.blend(px, py, c, 1.0);
                    }
                }
            }
        }
    }

    /// An arrow head at `tip` (pixels), pointing away from `from`.
    fn head(&mut self, from: (f32, f32), tip: (f32, f32), size: f32, c: Rgba<u8>) {
        let at = |(x, y): (f32, f32)| Pos::new(x, y);
        let Some(corners) = crate::model::connector::arrow_head(at(from), at(tip), size) else { return };
        let corners = corners.map(|p| (p.x, p.y));
        let cross = |p: (f32, f32), q: (f32, f32), r: (f32, f32)| (q.0 - p.0) * (r.1 - p.1) - (q.1 - p.1) * (r.0 - p.0);
        let (x0, x1) = corners.iter().fold((f32::MAX, f32::MIN), |(lo, hi), p| (lo.min(p.0), hi.max(p.0)));
        let (y0, y1) = corners.iter().fold((f32::MAX, f32::MIN), |(lo, hi), p| (lo.min(p.1), hi.max(p.1)));
        for py in y0.floor() as i64..=y1.ceil() as i64 {
            for px in x0.floor() as i64..=x1.ceil() as i64 {
                let p = (px as f32 + 0.5, py as f32 + 0.5);
                let (d1, d2, d3) = (
                    cross(corners[0], corners[1], p),
                    cross(corners[1], corners[2], p),
                    cross(corners[2], corners[0], p),
                );
                let inside = (d1 >= 0.0 && d2 >= 0.0 && d3 >= 0.0) || (d1 <= 0.0 && d2 <= 0.0 && d3 <= 0.0);
                if inside {
                    self.blend(px, py, c, 1.0);
                }
            }
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
        drawn(scaled, s).map(|ch| scaled.h_advance(scaled.glyph_id(ch))).sum()
    }

    fn draw_line(&mut self, scaled: &Scaled<'_>, s: &str, mut x: f32, baseline: f32, clip: (i64, i64), c: Rgba<u8>) {
        if baseline - scaled.ascent() > clip.1 as f32 {
            return;
        }
        for ch in drawn(scaled, s) {
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

    /// One card: its shadow, then what its kind draws (see [`CardPainter`]).
    fn card(&mut self, item: &Item, store: &AssetStore) {
        let r = (item.pos.x, item.pos.y, item.size.w, item.size.h);
        if !item.kind.behaviour().bare() {
            self.fill((r.0, r.1 + 3.0, r.2, r.3), Rgba([0, 0, 0, 40]));
        }
        let card = Card { size: item.size, prompt: crate::model::is_prompt(item), key: 0 };
        let mut painter = CardPaint { canvas: self, origin: item.pos, store };
        item.kind.behaviour().paint(&card, &mut painter);
    }

    /// Width of one line of `text` at `size` board units, in pixels.
    fn line_width(&self, text: &str, size: f32) -> f32 {
        let scaled = self.font.as_scaled(PxScale::from(size * self.scale));
        self.width(&scaled, text)
    }
}

/// A card being drawn: its kind's areas are in the card's units, from `origin`.
struct CardPaint<'a> {
    canvas: &'a mut Canvas,
    origin: Pos,
    store: &'a AssetStore,
}

impl CardPaint<'_> {
    fn on_board(&self, area: BoardRect) -> R {
        (self.origin.x + area.min.x, self.origin.y + area.min.y, area.width(), area.height())
    }
}

pub(super) fn paint_colour(paint: Paint) -> Rgba<u8> {
    match paint {
        Paint::Note => NOTE,
        Paint::Prompt => PROMPT,
        Paint::Quote => QUOTE,
        Paint::Link => LINK,
        Paint::Placeholder => PLACEHOLDER,
        Paint::Caption => Rgba([0, 0, 0, 150]),
        Paint::Colour(Rgb(r, g, b)) => Rgba([r, g, b, 255]),
        Paint::InvalidColour => Rgba([0x80, 0x80, 0x80, 255]),
        Paint::Sketch => Rgba([0xFC, 0xFB, 0xF8, 255]),
    }
}

pub(super) fn ink_colour(ink: Ink) -> Rgba<u8> {
    match ink {
        Ink::Note | Ink::Quote | Ink::Heading => INK,
        Ink::Prompt | Ink::Caption => LIGHT_INK,
        Ink::PromptLabel => Rgba([0xFF, 0xC8, 0x57, 0xFF]),
        Ink::QuoteMark => Rgba([0xC9, 0xB7, 0x9C, 0xFF]),
        Ink::Attribution => Rgba([0x6B, 0x63, 0x58, 0xFF]),
        Ink::LinkTitle => Rgba([0x1D, 0x35, 0x57, 0xFF]),
        Ink::LinkDomain => Rgba([0x4A, 0x6A, 0x8A, 0xFF]),
        Ink::LinkUnsafe => Rgba([0xB0, 0x3A, 0x2E, 0xFF]),
        Ink::OnColour(Some(c)) if c.luminance() <= 0.5 => LIGHT_INK,
        Ink::OnColour(_) => INK,
    }
}

impl CardPainter for CardPaint<'_> {
    fn fill(&mut self, area: BoardRect, paint: Paint) {
        let r = self.on_board(area);
        self.canvas.fill(r, paint_colour(paint));
    }

    fn text(&mut self, area: BoardRect, text: &str, style: TextStyle) {
        let r = self.on_board(area);
        self.canvas.text(text, r, style.size, ink_colour(style.ink));
    }

    fn line(&mut self, area: BoardRect, text: &str, style: TextStyle, align: Align) {
        let (x, y, w, h) = self.on_board(area);
        let width = self.canvas.line_width(text, style.size) / self.canvas.scale;
        let line_h = style.size * 1.25;
        let (x, y) = match align {
            Align::LeftTop => (x, y),
            Align::LeftBottom => (x, y + h - line_h),
            Align::RightBottom => (x + (w - width).max(0.0), y + h - line_h),
        };
        self.canvas.text(text, (x, y, w, line_h), style.size, ink_colour(style.ink));
    }

    fn mark(&mut self, at: Pos, text: &str, style: TextStyle) {
        let (x, y) = (self.origin.x + at.x, self.origin.y + at.y);
        self.canvas.text(text, (x, y, style.size * 2.0, style.size * 1.5), style.size, ink_colour(style.ink));
    }

    /// The strokes drawn at the size the card is drawn (the same outlines as on screen).
    fn drawing(&mut self, area: BoardRect, sketch: &crate::model::kinds::Sketch) {
        let (x0, y0, x1, y1) = self.canvas.to_px(self.on_board(area));
        let (w, h) = ((x1 - x0).max(1) as u32, (y1 - y0).max(1) as u32);
        let Some(pixmap) = crate::media::sketch::rasterize(sketch, w, h) else { return };
        for (i, px) in pixmap.pixels().iter().enumerate() {
            if px.alpha() == 0 {
                continue;
            }
            let c = px.demultiply();
            let (x, y) = (i as i64 % i64::from(w), i as i64 / i64::from(w));
            self.canvas.blend(x0 + x, y0 + y, Rgba([c.red(), c.green(), c.blue(), 255]), f32::from(c.alpha()) / 255.0);
        }
    }

    fn picture(
        &mut self,
        area: BoardRect,
        asset: &AssetName,
        crop: Option<Crop>,
        turn: crate::model::Turn,
        fit: Fit,
        name: &str,
    ) {
        let r = self.on_board(area);
        let (x0, y0, x1, y1) = self.canvas.to_px(r);
        let (pw, ph) = ((x1 - x0).max(1) as u32, (y1 - y0).max(1) as u32);
        // Decoded no larger than drawn.
        let Some(picture) = super::picture_for(self.store, asset, crop, turn, pw.max(ph)) else {
            self.canvas.fill(r, PLACEHOLDER);
            if fit == Fit::Contain {
                let inner = (r.0 + 12.0, r.1 + 12.0, r.2 - 24.0, r.3 - 24.0);
                let said = self.say(&Message::new("export-missing-picture").with("name", name));
                self.canvas.text(&said, inner, 14.0, LIGHT_INK);
            }
            return;
        };
        match fit {
            Fit::Cover => {
                let fitted = picture.resize_to_fill(pw, ph, imageops::FilterType::Triangle).to_rgba8();
                imageops::overlay(&mut self.canvas.img, &fitted, x0, y0);
            }
            Fit::Contain => {
                let fitted = picture.resize(pw, ph, imageops::FilterType::Triangle).to_rgba8();
                if fitted.width() < pw || fitted.height() < ph {
                    self.canvas.fill(r, PLACEHOLDER);
                }
                let x = x0 + i64::from((pw - fitted.width()) / 2);
                let y = y0 + i64::from((ph - fitted.height()) / 2);
                imageops::overlay(&mut self.canvas.img, &fitted, x, y);
            }
        }
    }

    fn text_height(&self, text: &str, style: TextStyle, width: f32) -> f32 {
        let lines = crate::model::metrics::lines(text, style.size, width);
        lines as f32 * style.size * crate::model::metrics::LINE
    }

    fn readable(&self, size: f32) -> bool {
        size * self.canvas.scale >= 4.0
    }

    /// In the language the export was asked in ([`super::export`] sets it).
    fn say(&self, message: &Message) -> String {
        crate::i18n::say(message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ItemKind, Pos, Size, Timestamp};

    #[test]
    fn a_board_draws_its_cards_and_text() {
        let dir = tempfile::tempdir().unwrap();
        let store = AssetStore::for_board(&dir.path().join("B.moodboard.ron"));
        let now = Timestamp::now();
        let mut board = Board::new("B", now);
        let mut note = Item::new(ItemKind::note("Hello there"), Pos::new(0.0, 0.0), "A", "x", now);
        note.size = Size::new(200.0, 100.0);
        board.items.push(note);
        let mut red = Item::new(ItemKind::colour("#FF0000", String::new()), Pos::new(300.0, 0.0), "A", "x", now);
        red.size = Size::new(100.0, 100.0);
        board.items.push(red);
        let png = render_png(&board, &store).unwrap();
        let img = image::load_from_memory(&png).unwrap().to_rgba8();
        // Below the title.
        let header = heading_height(&board);
        let at = |x: f32, y: f32| *img.get_pixel((x - (-MARGIN - PAD)) as u32, (y - (-MARGIN - PAD - header)) as u32);
        assert_eq!(at(350.0, 90.0), Rgba([255, 0, 0, 255]), "the swatch is red");
        assert_eq!(at(190.0, 90.0), NOTE, "the note's empty corner is note yellow");
        let inked = (12..120)
            .flat_map(|x| (12..40).map(move |y| (x, y)))
            .filter(|&(x, y)| at(x as f32, y as f32) != NOTE)
            .count();
        assert!(inked > 50, "the note's text is drawn ({inked} pixels)");
        assert!(matches!(render_png(&Board::new("Empty", now), &store), Err(PngError::Empty)));
    }

    /// Issue 31: the PNG says what the board is (its title and goals, above the board),
    /// and a frame's name sits inside its region, not on its edge.
    #[test]
    fn the_png_has_the_title_and_goals_and_frame_names_inside_their_regions() {
        let dir = tempfile::tempdir().unwrap();
        let store = AssetStore::for_board(&dir.path().join("B.moodboard.ron"));
        let now = Timestamp::now();
        let mut board = Board::new("Kitchen ideas", now);
        let theme = board.new_theme("Warmth", now);
        let theme_id = theme.id.clone();
        board.themes.push(theme);
        let mut note = Item::new(ItemKind::note("Open shelves"), Pos::new(0.0, 0.0), "A", "x", now);
        note.size = Size::new(200.0, 100.0);
        note.theme = Some(theme_id);
        board.items.push(note);
        crate::model::frames::tidy_in_place(&mut board);
        let plain = render_picture(&board, &store, MAX_SIDE).unwrap();
        let titled = image::load_from_memory(&render_png(&board, &store).unwrap()).unwrap().to_rgba8();
        board.goals = vec!["A warmer kitchen".into(), "Under 5,000 euro".into()];
        let with_goals = image::load_from_memory(&render_png(&board, &store).unwrap()).unwrap().to_rgba8();
        assert_eq!(titled.height(), plain.height() + (TITLE_SIZE * 1.5 + PAD) as u32, "room for the title");
        assert_eq!(with_goals.height(), titled.height() + (2.0 * GOAL_SIZE * 1.5) as u32, "and a line a goal");
        let ink_rows = |img: &RgbaImage, rows: std::ops::Range<u32>| {
            rows.filter(|&y| (0..img.width()).any(|x| img.get_pixel(x, y).0[..3] == INK.0[..3])).count()
        };
        assert!(ink_rows(&with_goals, 0..(MARGIN + TITLE_SIZE * 1.5) as u32) > 15, "the title is written");
        let goals = (MARGIN + TITLE_SIZE * 1.5) as u32..(MARGIN + TITLE_SIZE * 1.5 + 2.0 * GOAL_SIZE * 1.5) as u32;
        assert!(ink_rows(&with_goals, goals) > 15, "the goals are written");
        // The frame's name: in the theme's darker ink, never above the region's tint.
        let Rgb(r, g, b) = Rgb::parse_hex(&board.themes[0].colour).unwrap();
        let label = [r / 2, g / 2, b / 2];
        let tint = |c: u8, bg: u8| (f32::from(bg) * (1.0 - 50.0 / 255.0) + f32::from(c) * 50.0 / 255.0).round() as u8;
        let region = [tint(r, BACKGROUND.0[0]), tint(g, BACKGROUND.0[1]), tint(b, BACKGROUND.0[2])];
        let top_of = |colour: [u8; 3]| {
            (0..plain.height()).find(|&y| (0..plain.width()).any(|x| plain.get_pixel(x, y).0[..3] == colour))
        };
        let (region_top, label_top) = (top_of(region).unwrap(), top_of(label).expect("the name is drawn"));
        assert!(label_top > region_top, "the name ({label_top}) is inside the region ({region_top})");
    }
}
