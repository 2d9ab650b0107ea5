//! Drawing items as cards that read well at any zoom.

use crate::tr;
use egui::text::{LayoutJob, TextFormat};
use egui::{Align2, Color32, FontId, Painter, Rect, Stroke, StrokeKind, pos2, vec2};

use super::style;
use crate::media::TextureState;
use crate::model::{Item, ItemKind, links, metrics};

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

/// Paints `item` into `rect` (screen space) at `zoom`. `image` is the texture state for
/// image items.
pub fn paint_card(painter: &Painter, item: &Item, rect: Rect, zoom: f32, image: Option<&TextureState>, look: Look) {
    let round = style::CARD_ROUNDING * zoom;
    painter.rect_filled(rect.translate(vec2(0.0, 2.0 * zoom.min(2.0))), round, style::SHADOW);
    let painter = painter.with_clip_rect(painter.clip_rect().intersect(rect));
    // While its text is edited on the card, the editor draws the text, once.
    let text_painter = if look.editing { painter.with_clip_rect(Rect::NOTHING) } else { painter.clone() };
    let pad = style::CARD_PADDING * zoom;
    let inner = rect.shrink(pad);
    if look.face_down {
        paint_back(&painter, rect, zoom);
        return;
    }
    match &item.kind {
        ItemKind::Note { text } if crate::model::is_prompt(item) => {
            painter.rect_filled(rect, round, style::PROMPT_BG);
            let small = style::SMALL_FONT * zoom;
            let header = Rect::from_min_max(inner.min, pos2(inner.max.x, inner.min.y + small * 1.6));
            single_line(&text_painter, &tr!("card-prompt"), header, small, style::SEARCH_HIT, Align2::LEFT_TOP);
            let body = Rect::from_min_max(pos2(inner.min.x, header.max.y + 4.0 * zoom), inner.max);
            text_block(&text_painter, text, body, style::NOTE_FONT * zoom, style::PROMPT_TEXT, false);
        }
        ItemKind::Note { text } => {
            painter.rect_filled(rect, round, style::NOTE_BG);
            text_block(&text_painter, text, inner, style::NOTE_FONT * zoom, style::NOTE_TEXT, false);
        }
        ItemKind::Quote { text, by, citation } => {
            painter.rect_filled(rect, round, style::QUOTE_BG);
            let mark_size = style::QUOTE_FONT * 2.6 * zoom;
            if mark_size >= style::MIN_READABLE_FONT {
                painter.text(
                    inner.min - vec2(0.0, pad * 0.5),
                    Align2::LEFT_TOP,
                    "“",
                    FontId::proportional(mark_size),
                    style::QUOTE_MARK,
                );
            }
            let attribution = match (by.trim(), citation.trim()) {
                ("", "") => String::new(),
                (b, "") => format!("— {b}"),
                ("", c) => format!("— {c}"),
                (b, c) => format!("— {b}, {c}"),
            };
            let small = style::SMALL_FONT * zoom;
            let attribution_h = if attribution.is_empty() { 0.0 } else { small * 1.6 };
            let body =
                Rect::from_min_max(inner.min + vec2(0.0, mark_size * 0.45), inner.max - vec2(0.0, attribution_h));
            text_block(&text_painter, text, body, style::QUOTE_FONT * zoom, style::QUOTE_TEXT, true);
            if !attribution.is_empty() {
                let line = Rect::from_min_max(pos2(inner.min.x, inner.max.y - small * 1.3), inner.max);
                single_line(&text_painter, &attribution, line, small, style::ATTRIBUTION, Align2::RIGHT_BOTTOM);
            }
        }
        ItemKind::Link { url, title, note, description, site, .. } => {
            painter.rect_filled(rect, round, style::LINK_BG);
            let layout = link_layout(&item.kind, rect, zoom);
            if let Some(band) = layout.picture {
                paint_cover(&painter, band, round, image);
            }
            let title_size = style::TITLE_FONT * zoom;
            let small = style::SMALL_FONT * zoom;
            let shown_title = if title.trim().is_empty() { url.as_str() } else { title.as_str() };
            text_block(&text_painter, shown_title, layout.title, title_size, style::LINK_TITLE, false);
            let mut below = layout.title.max.y + 4.0 * zoom;
            let bottom = inner.max.y - small * 1.8;
            for (text, lines) in [(description, 3.0), (note, 4.0)] {
                if text.trim().is_empty() || below >= bottom {
                    continue;
                }
                let block = Rect::from_min_max(
                    pos2(inner.min.x, below),
                    pos2(inner.max.x, (below + small * metrics::LINE * lines).min(bottom)),
                );
                text_block(&text_painter, text, block, small, style::ATTRIBUTION, false);
                below = block.max.y + 4.0 * zoom;
            }
            let (footer, colour) = if links::is_openable(url) {
                let domain = links::domain(url).unwrap_or_default();
                let site = site.trim();
                let from = if site.is_empty() || site.eq_ignore_ascii_case(&domain) {
                    domain
                } else {
                    format!("{site} · {domain}")
                };
                (format!("↗ {from}"), style::LINK_DOMAIN)
            } else {
                (tr!("card-unsafe-link"), style::LINK_UNSAFE)
            };
            let line = Rect::from_min_max(pos2(inner.min.x, inner.max.y - small * 1.3), inner.max);
            single_line(&text_painter, &footer, line, small, colour, Align2::LEFT_BOTTOM);
        }
        ItemKind::Colour { hex, name } => {
            painter.rect_filled(rect, round, style::hex_colour(hex));
            let small = style::SMALL_FONT * zoom;
            let label = if crate::model::Rgb::parse_hex(hex).is_none() {
                tr!("card-invalid-colour", hex = hex)
            } else if name.trim().is_empty() {
                hex.clone()
            } else {
                format!("{name}\n{hex}")
            };
            let block = Rect::from_min_max(pos2(inner.min.x, inner.max.y - small * 3.0), inner.max);
            text_block(&text_painter, &label, block, small, style::text_on(hex), false);
        }
        ItemKind::Image { file_name, caption, crop, .. } => {
            paint_image(&painter, &text_painter, rect, zoom, (file_name, caption), *crop, image)
        }
    }
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

/// A card's dots and reactions along its bottom edge, and a "?" mark in its top right
/// corner while nobody has answered it, both kept readable when zoomed out.
pub fn paint_judgment(painter: &Painter, card: Rect, zoom: f32, judgment: &crate::ui::session::CardJudgment) {
    // Both marks sit outside the card's text: the "not answered yet" mark on its top
    // right corner, the dots and reactions in a tag hanging under its bottom edge. Both
    // keep a readable size however far the board is zoomed out.
    if judgment.unanswered && card.width() >= 16.0 {
        let r = (9.0 * zoom).clamp(7.0, 11.0);
        let centre = card.right_top() + vec2(-r * 0.4, r * 0.4);
        painter.circle(centre, r, style::WARN_TEXT, Stroke::new(1.5, Color32::from_black_alpha(160)));
        painter.text(centre, Align2::CENTER_CENTER, "?", FontId::proportional(r * 1.5), Color32::BLACK);
    }
    if judgment.tag.is_empty() || card.width() < 16.0 {
        return;
    }
    let size = (12.0 * zoom).clamp(11.0, 15.0);
    let galley = painter.layout_no_wrap(judgment.tag.clone(), FontId::proportional(size), style::JUDGMENT_TEXT);
    let tag = Rect::from_min_size(pos2(card.min.x + 4.0, card.max.y - 2.0), galley.size() + vec2(10.0, 4.0));
    // Fill and edge as one shape: one path to tessellate.
    painter.rect(tag, 4.0, style::JUDGMENT_BG, Stroke::new(1.0, Color32::from_black_alpha(60)), StrokeKind::Inside);
    painter.galley(tag.min + vec2(5.0, 2.0), galley, style::JUDGMENT_TEXT);
}

/// A small label above a card's top left corner, at a fixed size: "new from Ann's copy".
pub fn paint_badge(painter: &Painter, card: Rect, text: &str) {
    let galley = painter.layout_no_wrap(text.to_owned(), FontId::proportional(11.0), Color32::BLACK);
    let size = galley.size() + vec2(10.0, 4.0);
    let rect = Rect::from_min_size(card.left_top() - vec2(0.0, size.y + 3.0), size);
    painter.rect_filled(rect, 4.0, style::NEW_FROM_MERGE);
    painter.galley(rect.min + vec2(5.0, 2.0), galley, Color32::BLACK);
}

fn paint_image(
    painter: &Painter,
    text_painter: &Painter,
    rect: Rect,
    zoom: f32,
    (file_name, caption): (&str, &str),
    crop: Option<crate::model::Crop>,
    image: Option<&TextureState>,
) {
    let small = style::SMALL_FONT * zoom;
    match image {
        Some(TextureState::Ready { texture, opacity }) => {
            // The part of the picture the crop keeps; contained in the card in its shape.
            let uv = crop.map_or(Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0)), |c| {
                Rect::from_min_size(pos2(c.x, c.y), vec2(c.w, c.h))
            });
            let [w, h] = texture.size().map(|v| v as f32);
            let (w, h) = (w * uv.width(), h * uv.height());
            let scale = (rect.width() / w).min(rect.height() / h);
            let shown = Rect::from_center_size(rect.center(), vec2(w, h) * scale);
            if *opacity < 1.0 || shown.width() < rect.width() - 1.0 || shown.height() < rect.height() - 1.0 {
                // The placeholder shows round the picture, and through it while it fades in.
                painter.rect_filled(rect, style::CARD_ROUNDING * zoom, style::PLACEHOLDER_BG);
            }
            let tint = Color32::WHITE.gamma_multiply(*opacity);
            painter.image(texture.id(), shown, uv, tint);
        }
        other => {
            painter.rect_filled(rect, style::CARD_ROUNDING * zoom, style::PLACEHOLDER_BG);
            let text = match other {
                Some(TextureState::Failed(reason)) => format!("⚠ {file_name}\n{reason}"),
                _ => tr!("card-loading", file = file_name),
            };
            text_block(painter, &text, rect.shrink(style::CARD_PADDING * zoom), small, style::PLACEHOLDER_TEXT, false);
        }
    }
    if !caption.trim().is_empty() && small >= style::MIN_READABLE_FONT {
        let strip = caption_strip(text_painter, rect, zoom, caption);
        text_painter.rect_filled(strip, 0.0, style::CAPTION_BG);
        let galley = text_painter.layout(
            caption.to_owned(),
            FontId::proportional(small),
            Color32::WHITE,
            rect.width() - 16.0 * zoom,
        );
        text_painter.galley(strip.min + vec2(8.0 * zoom, 5.0 * zoom), galley, Color32::WHITE);
    }
}

/// The band along a picture's bottom where its caption is written.
fn caption_strip(painter: &Painter, rect: Rect, zoom: f32, caption: &str) -> Rect {
    let small = style::SMALL_FONT * zoom;
    let galley =
        painter.layout(caption.to_owned(), FontId::proportional(small), Color32::WHITE, rect.width() - 16.0 * zoom);
    let strip_h = (galley.size().y + 10.0 * zoom).min(rect.height() * 0.5).max(small * 1.6);
    Rect::from_min_max(pos2(rect.min.x, rect.max.y - strip_h), rect.max)
}

/// Where a card's editable text is drawn, and how: the rectangle, font size, colour and
/// whether it is in italics. The editor on the card uses the same, so what one types
/// looks like the card.
pub fn text_area(item: &Item, rect: Rect, zoom: f32) -> (Rect, f32, Color32, bool) {
    let pad = style::CARD_PADDING * zoom;
    let inner = rect.shrink(pad);
    match &item.kind {
        ItemKind::Note { .. } if crate::model::is_prompt(item) => {
            let small = style::SMALL_FONT * zoom;
            let body = Rect::from_min_max(pos2(inner.min.x, inner.min.y + small * 1.6 + 4.0 * zoom), inner.max);
            (body, style::NOTE_FONT * zoom, style::PROMPT_TEXT, false)
        }
        ItemKind::Note { .. } => (inner, style::NOTE_FONT * zoom, style::NOTE_TEXT, false),
        ItemKind::Quote { by, citation, .. } => {
            let mark_size = style::QUOTE_FONT * 2.6 * zoom;
            let small = style::SMALL_FONT * zoom;
            let attribution_h = if by.trim().is_empty() && citation.trim().is_empty() { 0.0 } else { small * 1.6 };
            let body =
                Rect::from_min_max(inner.min + vec2(0.0, mark_size * 0.45), inner.max - vec2(0.0, attribution_h));
            (body, style::QUOTE_FONT * zoom, style::QUOTE_TEXT, true)
        }
        ItemKind::Link { .. } => {
            (link_layout(&item.kind, rect, zoom).title, style::TITLE_FONT * zoom, style::LINK_TITLE, false)
        }
        ItemKind::Colour { hex, .. } => {
            let small = style::SMALL_FONT * zoom;
            (
                Rect::from_min_max(pos2(inner.min.x, inner.max.y - small * 3.0), inner.max),
                small,
                style::text_on(hex),
                false,
            )
        }
        ItemKind::Image { .. } => {
            let small = style::SMALL_FONT * zoom;
            let strip = Rect::from_min_max(pos2(rect.min.x, rect.max.y - small * 3.4), rect.max);
            (strip.shrink2(vec2(8.0 * zoom, 5.0 * zoom)), small, Color32::WHITE, false)
        }
    }
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

/// Where a link card shows its preview picture (a band across its top, when it has one)
/// and its title.
struct LinkLayout {
    picture: Option<Rect>,
    title: Rect,
}

fn link_layout(kind: &ItemKind, rect: Rect, zoom: f32) -> LinkLayout {
    let inner = rect.shrink(style::CARD_PADDING * zoom);
    let title_h = style::TITLE_FONT * zoom * 2.6;
    let picture = kind.picture().map(|_| {
        let h = (metrics::LINK_PICTURE_H * zoom).min(rect.height() * 0.55);
        Rect::from_min_max(rect.min, pos2(rect.max.x, rect.min.y + h))
    });
    let top = picture.map_or(inner.min.y, |p| p.max.y + style::CARD_PADDING * zoom * 0.6);
    LinkLayout { picture, title: Rect::from_min_max(pos2(inner.min.x, top), pos2(inner.max.x, top + title_h)) }
}

/// A picture filling `band` (cropped to its shape, as a page's preview is), or a quiet
/// placeholder while it loads.
fn paint_cover(painter: &Painter, band: Rect, round: f32, image: Option<&TextureState>) {
    let corners = egui::CornerRadius { nw: round as u8, ne: round as u8, sw: 0, se: 0 };
    painter.rect_filled(band, corners, style::PLACEHOLDER_BG);
    let Some(TextureState::Ready { texture, opacity }) = image else { return };
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
