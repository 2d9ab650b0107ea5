//! Drawing items as cards that read well at any zoom: each kind says what its card
//! shows ([`crate::model::kinds::Behaviour::paint`]); this paints it with egui, with the
//! marks every card has (lock, selection, search hit, judgment, badges).

use crate::tr;
use egui::text::{LayoutJob, TextFormat};
use egui::{Align2, Color32, CornerRadius, FontId, Painter, Rect, Stroke, StrokeKind, pos2, vec2};

use super::style;
use crate::media::TextureState;
use crate::model::kinds::Sketch;
use crate::model::kinds::paint::{self, Card, CardPainter, Fit, Ink, Paint, TextStyle};
use crate::model::{AssetName, BoardRect, Crop, Item, Message, Pos, Rgb, Turn};

/// The label a card has for screen readers and tests: "Note: Try paper textures".
pub fn item_label(item: &Item) -> String {
    format!("{}: {}", super::words::kind_title(item.kind.tag()), item.kind.summary())
}

/// How a card should look beyond its content.
#[derive(Clone, Copy, Debug, Default)]
pub struct Look {
    pub selected: bool,
    /// Filtered out by search or theme: drawn faded.
    pub dimmed: bool,
    /// Brought in by a merge.
    pub highlighted: bool,
    /// Its text is being edited on the card: the editor draws the text, the card not.
    pub editing: bool,
    /// Found by the search: outlined.
    pub found: bool,
    /// A participant's idea during private collect: its back is shown, not its words.
    pub face_down: bool,
}

/// Where a card gets its pictures (the canvas and Spotlight ask their image cache).
pub trait Pictures {
    /// The texture of an asset for a card drawn this many pixels on its longest side.
    fn picture(&mut self, asset: &AssetName, px: f32) -> TextureState;
    /// A sketch drawn `w` × `h` pixels large, kept under `key` (see [`Card::key`]).
    fn sketch(&mut self, key: u64, sketch: &Sketch, w: f32, h: f32) -> Option<egui::TextureHandle>;
}

impl Pictures for crate::media::ImageCache {
    fn picture(&mut self, asset: &AssetName, px: f32) -> TextureState {
        self.get(asset, px)
    }

    fn sketch(&mut self, key: u64, sketch: &Sketch, w: f32, h: f32) -> Option<egui::TextureHandle> {
        self.sketches.get(key, sketch, w, h)
    }
}

/// What is drawn of `item` now: its id and last change, for keeping costly drawings.
fn card_key(item: &Item) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::hash::DefaultHasher::new();
    item.id.as_str().hash(&mut hasher);
    item.modified.hash(&mut hasher);
    hasher.finish().max(1)
}

/// Paints `item` into `rect` (screen space) at `zoom`: what its kind draws (see
/// [`Behaviour::paint`]), then the marks every card has.
pub fn paint_card(painter: &Painter, item: &Item, rect: Rect, zoom: f32, pictures: &mut dyn Pictures, look: Look) {
    let round = style::CARD_ROUNDING * zoom;
    if !item.kind.behaviour().bare() {
        painter.rect_filled(rect.translate(vec2(0.0, 2.0 * zoom.min(2.0))), round, style::SHADOW);
    }
    let painter = painter.with_clip_rect(painter.clip_rect().intersect(rect));
    if look.face_down {
        paint_back(&painter, rect, zoom);
        return;
    }
    // While its text is edited on the card, the editor draws the text, once.
    let text_painter = if look.editing { painter.with_clip_rect(Rect::NOTHING) } else { painter.clone() };
    let card = Card { size: item.size, prompt: crate::model::is_prompt(item), key: card_key(item) };
    let ppp = painter.ctx().pixels_per_point();
    item.kind.behaviour().paint(
        &card,
        &mut EguiCard { painter: &painter, text_painter: &text_painter, rect, zoom, ppp, key: card.key, pictures },
    );
    if item.locked {
        let size = style::SMALL_FONT * zoom.max(0.6);
        painter.text(
            rect.right_top() + vec2(-6.0, 4.0),
            Align2::RIGHT_TOP,
            "🔒",
            FontId::proportional(size),
            Color32::from_gray(90),
        );
    }
    let outline = if look.selected {
        Some(Stroke::new(2.5, style::SELECTION))
    } else if look.highlighted {
        Some(Stroke::new(2.5, style::NEW_FROM_MERGE))
    } else if look.found {
        Some(Stroke::new(3.0, style::SEARCH_HIT))
    } else {
        None
    };
    if let Some(stroke) = outline {
        painter.rect_stroke(rect, round, stroke, StrokeKind::Outside);
    }
    if look.dimmed {
        painter.rect_filled(rect, round, Color32::from_black_alpha(170));
    }
}

/// A card drawn with egui: its kind's areas (in card units) scaled by `zoom` from `rect`'s
/// corner.
struct EguiCard<'a, 'p> {
    painter: &'a Painter,
    /// Draws the card's text; draws nothing while the text is edited on the card.
    text_painter: &'a Painter,
    rect: Rect,
    zoom: f32,
    ppp: f32,
    key: u64,
    pictures: &'p mut dyn Pictures,
}

impl EguiCard<'_, '_> {
    /// The colour of `ink` here: a heading's follows the look of the canvas it is on.
    fn ink(&self, ink: Ink) -> Color32 {
        match ink {
            Ink::Heading => style::heading_text(self.painter.ctx().theme() == egui::Theme::Dark),
            other => ink_colour(other),
        }
    }

    fn on_screen(&self, area: BoardRect) -> Rect {
        let at = |x: f32, y: f32| self.rect.min + vec2(x, y) * self.zoom;
        Rect::from_min_max(at(area.min.x, area.min.y), at(area.max.x, area.max.y))
    }

    /// The card's rounding on the corners of `area` that are the card's own corners.
    fn corners(&self, area: Rect) -> CornerRadius {
        let round = (style::CARD_ROUNDING * self.zoom).min(255.0) as u8;
        let near = |a: f32, b: f32| (a - b).abs() < 0.5;
        let r = self.rect;
        let corner = |x: f32, y: f32, cx: f32, cy: f32| if near(x, cx) && near(y, cy) { round } else { 0 };
        CornerRadius {
            nw: corner(area.min.x, area.min.y, r.min.x, r.min.y),
            ne: corner(area.max.x, area.min.y, r.max.x, r.min.y),
            sw: corner(area.min.x, area.max.y, r.min.x, r.max.y),
            se: corner(area.max.x, area.max.y, r.max.x, r.max.y),
        }
    }
}

fn paint_colour(paint: Paint) -> Color32 {
    match paint {
        Paint::Note => style::NOTE_BG,
        Paint::Prompt => style::PROMPT_BG,
        Paint::Quote => style::QUOTE_BG,
        Paint::Link => style::LINK_BG,
        Paint::Placeholder => style::PLACEHOLDER_BG,
        Paint::Caption => style::CAPTION_BG,
        Paint::Colour(Rgb(r, g, b)) => Color32::from_rgb(r, g, b),
        Paint::InvalidColour => style::INVALID_COLOUR,
        Paint::Sketch => style::SKETCH_BG,
    }
}

fn ink_colour(ink: Ink) -> Color32 {
    match ink {
        Ink::Note => style::NOTE_TEXT,
        Ink::Prompt => style::PROMPT_TEXT,
        Ink::PromptLabel => style::SEARCH_HIT,
        Ink::Quote => style::QUOTE_TEXT,
        Ink::QuoteMark => style::QUOTE_MARK,
        Ink::Attribution => style::ATTRIBUTION,
        Ink::LinkTitle => style::LINK_TITLE,
        Ink::LinkDomain => style::LINK_DOMAIN,
        Ink::LinkUnsafe => style::LINK_UNSAFE,
        Ink::OnColour(colour) => style::text_on(&colour.map(Rgb::to_hex).unwrap_or_default()),
        Ink::Caption => Color32::WHITE,
        Ink::Heading => style::heading_text(true),
    }
}

impl CardPainter for EguiCard<'_, '_> {
    fn fill(&mut self, area: BoardRect, paint: Paint) {
        let area = self.on_screen(area);
        self.painter.rect_filled(area, self.corners(area), paint_colour(paint));
    }

    fn text(&mut self, area: BoardRect, text: &str, style: TextStyle) {
        let area = self.on_screen(area);
        text_block(self.text_painter, text, area, style.size * self.zoom, self.ink(style.ink), style.italics);
    }

    fn line(&mut self, area: BoardRect, text: &str, style: TextStyle, align: paint::Align) {
        let align = match align {
            paint::Align::LeftTop => Align2::LEFT_TOP,
            paint::Align::LeftBottom => Align2::LEFT_BOTTOM,
            paint::Align::RightBottom => Align2::RIGHT_BOTTOM,
        };
        let area = self.on_screen(area);
        single_line(self.text_painter, text, area, style.size * self.zoom, self.ink(style.ink), align);
    }

    fn mark(&mut self, at: Pos, text: &str, style: TextStyle) {
        let at = self.rect.min + vec2(at.x, at.y) * self.zoom;
        let font = FontId::proportional(style.size * self.zoom);
        self.painter.text(at, Align2::LEFT_TOP, text, font, ink_colour(style.ink));
    }

    fn picture(&mut self, area: BoardRect, asset: &AssetName, crop: Option<Crop>, turn: Turn, fit: Fit, name: &str) {
        let area = self.on_screen(area);
        let state = self.pictures.picture(asset, area.width().max(area.height()) * self.ppp);
        match fit {
            Fit::Contain => paint_image(self.painter, area, self.zoom, name, crop, turn, &state),
            Fit::Cover => paint_cover(self.painter, area, self.corners(area), &state),
        }
    }

    fn drawing(&mut self, area: BoardRect, sketch: &Sketch) {
        let area = self.on_screen(area);
        if sketch.strokes.is_empty() {
            return;
        }
        let (w, h) = (area.width() * self.ppp, area.height() * self.ppp);
        if let Some(texture) = self.pictures.sketch(self.key, sketch, w, h) {
            let uv = Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0));
            self.painter.image(texture.id(), area, uv, Color32::WHITE);
        }
    }

    fn text_height(&self, text: &str, style: TextStyle, width: f32) -> f32 {
        let font = FontId::proportional((style.size * self.zoom).max(0.1));
        let galley = self.painter.layout(text.to_owned(), font, Color32::WHITE, (width * self.zoom).max(1.0));
        galley.size().y / self.zoom.max(f32::EPSILON)
    }

    fn readable(&self, size: f32) -> bool {
        size * self.zoom >= style::MIN_READABLE_FONT
    }

    fn say(&self, message: &Message) -> String {
        crate::i18n::say(message)
    }
}

/// A picture contained in `rect` in its shape (the part `crop` keeps), on a placeholder
/// that says what it is while it loads or why it cannot be shown.
fn paint_image(
    painter: &Painter,
    rect: Rect,
    zoom: f32,
    name: &str,
    crop: Option<Crop>,
    turn: Turn,
    image: &TextureState,
) {
    match image {
        TextureState::Ready { texture, opacity } => {
            let uv = crop.map_or(Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0)), |c| {
                Rect::from_min_size(pos2(c.x, c.y), vec2(c.w, c.h))
            });
            let [w, h] = texture.size().map(|v| v as f32);
            let (w, h) = (w * uv.width(), h * uv.height());
            let (w, h) = if turn.sideways() { (h, w) } else { (w, h) };
            let scale = (rect.width() / w).min(rect.height() / h);
            let shown = Rect::from_center_size(rect.center(), vec2(w, h) * scale);
            if *opacity < 1.0 || shown.width() < rect.width() - 1.0 || shown.height() < rect.height() - 1.0 {
                // The placeholder shows round the picture, and through it while it fades in.
                painter.rect_filled(rect, style::CARD_ROUNDING * zoom, style::PLACEHOLDER_BG);
            }
            let tint = Color32::WHITE.gamma_multiply(*opacity);
            if turn == Turn::default() {
                painter.image(texture.id(), shown, uv, tint);
            } else {
                // Each corner of the card shows the corner of the picture the turn brings there.
                let source = [uv.left_top(), uv.right_top(), uv.right_bottom(), uv.left_bottom()];
                let corners = [shown.left_top(), shown.right_top(), shown.right_bottom(), shown.left_bottom()];
                let mut mesh = egui::Mesh::with_texture(texture.id());
                for (n, at) in corners.into_iter().enumerate() {
                    mesh.vertices.push(egui::epaint::Vertex {
                        pos: at,
                        uv: source[turn.source_corner(n)],
                        color: tint,
                    });
                }
                mesh.indices.extend([0, 1, 2, 0, 2, 3]);
                painter.add(mesh);
            }
        }
        other => {
            painter.rect_filled(rect, style::CARD_ROUNDING * zoom, style::PLACEHOLDER_BG);
            let text = match other {
                TextureState::Failed(reason) => format!("⚠ {name}\n{reason}"),
                _ => tr!("card-loading", file = name),
            };
            let small = style::SMALL_FONT * zoom;
            text_block(painter, &text, rect.shrink(style::CARD_PADDING * zoom), small, style::PLACEHOLDER_TEXT, false);
        }
    }
}

/// Where a card's editable text is drawn, and how: the rectangle, font size, colour and
/// whether it is in italics. The editor on the card uses the same, so what one types
/// looks like the card. `None` for a kind with no text edited on the card.
pub fn text_area(item: &Item, rect: Rect, zoom: f32) -> Option<(Rect, f32, Color32, bool)> {
    let card = Card { size: item.size, prompt: crate::model::is_prompt(item), key: card_key(item) };
    let (area, style) = item.kind.behaviour().text_area(&card)?;
    let at = |x: f32, y: f32| rect.min + vec2(x, y) * zoom;
    let area = Rect::from_min_max(at(area.min.x, area.min.y), at(area.max.x, area.max.y));
    Some((area, style.size * zoom, ink_colour(style.ink), style.italics))
}

/// The back of a face-down card: the same for every idea, so nothing about it shows.
fn paint_back(painter: &Painter, rect: Rect, zoom: f32) {
    let round = style::CARD_ROUNDING * zoom;
    painter.rect_filled(rect, round, style::CARD_BACK);
    let step = (18.0 * zoom).max(6.0);
    let stroke = Stroke::new((1.5 * zoom).max(1.0), style::CARD_BACK_LINE);
    let mut x = rect.min.x - rect.height();
    while x < rect.max.x {
        let a = pos2(x, rect.max.y);
        let b = pos2(x + rect.height(), rect.min.y);
        painter.line_segment([a, b], stroke);
        x += step;
    }
    let size = style::SMALL_FONT * zoom;
    if size >= style::MIN_READABLE_FONT {
        let label = Rect::from_center_size(rect.center(), vec2(rect.width() * 0.8, size * 3.2));
        painter.rect_filled(label, 4.0 * zoom, style::CARD_BACK);
        painter.text(
            rect.center(),
            Align2::CENTER_CENTER,
            tr!("card-face-down"),
            FontId::proportional(size),
            style::CARD_BACK_TEXT,
        );
    }
}

/// A picture filling `band` (cropped to its shape, as a page's preview is), or a quiet
/// placeholder while it loads.
fn paint_cover(painter: &Painter, band: Rect, corners: CornerRadius, image: &TextureState) {
    painter.rect_filled(band, corners, style::PLACEHOLDER_BG);
    let TextureState::Ready { texture, opacity } = image else { return };
    let [w, h] = texture.size().map(|v| v.max(1) as f32);
    let (band_aspect, aspect) = (band.width() / band.height().max(1.0), w / h);
    let uv = if aspect > band_aspect {
        let keep = band_aspect / aspect;
        Rect::from_min_max(pos2(0.5 - keep / 2.0, 0.0), pos2(0.5 + keep / 2.0, 1.0))
    } else {
        let keep = aspect / band_aspect;
        Rect::from_min_max(pos2(0.0, 0.5 - keep / 2.0), pos2(1.0, 0.5 + keep / 2.0))
    };
    painter.image(texture.id(), band, uv, Color32::WHITE.gamma_multiply(*opacity));
}

/// Wrapped text in `area`, or grey bars when it would be too small to read.
fn text_block(painter: &Painter, text: &str, area: Rect, size: f32, colour: Color32, italics: bool) {
    if area.width() <= 1.0 || area.height() <= 1.0 {
        return;
    }
    if size < style::MIN_READABLE_FONT {
        let lines = ((area.height() / (size * 1.6).max(1.0)) as usize).clamp(1, 6);
        let stroke = Stroke::new(size * 0.7, colour.gamma_multiply(0.35));
        // One call for all the bars: each call to the painter takes egui's lock.
        painter.extend((0..lines).map(|i| {
            let y = area.min.y + (i as f32 + 0.5) * size * 1.6;
            let width = if i + 1 == lines { area.width() * 0.6 } else { area.width() };
            egui::Shape::line_segment([pos2(area.min.x, y), pos2(area.min.x + width, y)], stroke)
        }));
        return;
    }
    let mut job = LayoutJob::single_section(
        text.to_owned(),
        TextFormat { font_id: FontId::proportional(size), color: colour, italics, ..Default::default() },
    );
    job.wrap.max_width = area.width();
    job.wrap.max_rows = ((area.height() / (size * 1.25)).floor() as usize).max(1);
    let galley = painter.layout_job(job);
    painter.galley(area.min, galley, colour);
}

fn single_line(painter: &Painter, text: &str, area: Rect, size: f32, colour: Color32, align: Align2) {
    if size < style::MIN_READABLE_FONT {
        return;
    }
    let mut job = LayoutJob::single_section(text.to_owned(), TextFormat::simple(FontId::proportional(size), colour));
    job.wrap.max_width = area.width();
    job.wrap.max_rows = 1;
    let galley = painter.layout_job(job);
    let pos = align.align_size_within_rect(galley.size(), area).min;
    painter.galley(pos, galley, colour);
}
