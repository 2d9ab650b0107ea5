//! The marks on a card: where it came from ("new from Team offsite (Ann)", "from a
//! phone"), its dots and reactions, and "not answered yet". They have a place of their
//! own: one row just under the card, in the gap every arrangement leaves between cards
//! (`frames::CARD_GAP`), from its right edge leftwards, scaled with the board like the
//! card's own words. Laid out side by side, so no two cover each other, and never wider
//! than their card; a mark too long for the room left is cut with "…", and when the board
//! is drawn too small for words every mark is a coloured dot in the same row. The card's
//! name for a screen reader and its tooltip say them in full.

use egui::{Align2, Color32, FontId, Painter, Rect, Stroke, StrokeKind, pos2, vec2};

use super::style;
use crate::model::frames::CARD_GAP;

/// What a mark says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mark {
    /// Nobody has answered the idea yet (the React step).
    Unanswered,
    /// Dots and reactions: "🔴 3 dots  ♥2".
    Judgment(String),
    /// Where it came from: "new from …", "from a phone".
    Badge(String),
}

/// A mark placed on screen: its rect and what is drawn in it (`None`: a dot, no words).
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    pub rect: Rect,
    pub mark: Mark,
    pub words: Option<String>,
    pub font: f32,
}

/// Smaller than this (pixels) words would not be read: marks are dots.
const WORDS_FROM: f32 = 7.0;

/// The row the marks of a card drawn at `card` (screen) have: most of the gap under it
/// (a little below its edge), at most 18 pixels high.
pub fn row(card: Rect, zoom: f32) -> Rect {
    let gap = CARD_GAP * zoom;
    let height = (gap * 0.82).min(18.0);
    let top = card.max.y + (gap * 0.1).min(3.0);
    Rect::from_min_max(pos2(card.min.x + 2.0, top), pos2(card.max.x - 2.0, top + height))
}

/// Places `marks` (in this order from the right) in the row of a card at `card`.
/// `width` measures words at a font size.
pub fn layout(card: Rect, zoom: f32, marks: &[Mark], width: &dyn Fn(&str, f32) -> f32) -> Vec<Placed> {
    let row = row(card, zoom);
    if row.height() < 3.0 || row.width() < 6.0 {
        return Vec::new(); // a card this small shows no marks at all
    }
    let left = row.min.x;
    let h = row.height();
    let font = h * 0.8;
    let words = font >= WORDS_FROM;
    let mut right = row.max.x;
    let mut placed = Vec::new();
    for mark in marks {
        let text = match mark {
            Mark::Unanswered => None,
            Mark::Judgment(t) | Mark::Badge(t) => Some(t.as_str()),
        };
        let (w, shown) = match text {
            Some(t) if words => {
                let pad = h * 0.6;
                let full = width(t, font) + pad;
                if right - full >= left {
                    (full, Some(t.to_owned()))
                } else {
                    match cut(t, right - left - pad, font, width) {
                        Some(c) => (width(&c, font) + pad, Some(c)),
                        None => (h.min(9.0), None),
                    }
                }
            }
            _ => (if words { h } else { h.min(9.0) }, None),
        };
        if right - w < left {
            break; // no room left in the row: the card's name still says it
        }
        // Words are never shown without `words`: a dot is as tall as it is wide.
        let tall = if words { h } else { w };
        let rect = Rect::from_min_max(pos2(right - w, row.min.y), pos2(right, row.min.y + tall));
        placed.push(Placed { rect, mark: mark.clone(), words: shown, font });
        right -= w + 3.0;
    }
    placed
}

/// `text` cut to fit `room` with "…", at least a letter of it; `None` when not even that.
fn cut(text: &str, room: f32, font: f32, width: &dyn Fn(&str, f32) -> f32) -> Option<String> {
    let mut kept = String::new();
    let mut best = None;
    for ch in text.chars() {
        kept.push(ch);
        let candidate = format!("{}…", kept.trim_end());
        if width(&candidate, font) > room {
            break;
        }
        best = Some(candidate);
    }
    best
}

/// Draws the placed marks.
pub fn paint(painter: &Painter, placed: &[Placed]) {
    for p in placed {
        let (fill, ink) = match p.mark {
            Mark::Unanswered => (style::WARN_TEXT, Color32::BLACK),
            Mark::Judgment(_) => (style::JUDGMENT_BG, style::JUDGMENT_TEXT),
            Mark::Badge(_) => (style::NEW_FROM_MERGE, Color32::BLACK),
        };
        let edge = Stroke::new(1.0, Color32::from_black_alpha(70));
        match (&p.mark, &p.words) {
            (Mark::Unanswered, _) if p.font >= WORDS_FROM => {
                painter.circle(p.rect.center(), p.rect.height() / 2.0, fill, edge);
                painter.text(p.rect.center(), Align2::CENTER_CENTER, "?", FontId::proportional(p.font), ink);
            }
            (_, Some(words)) => {
                painter.rect(p.rect, p.rect.height() / 2.0, fill, edge, StrokeKind::Inside);
                // Never past its pill, whatever the font's real widths.
                painter.with_clip_rect(p.rect.intersect(painter.clip_rect())).text(
                    p.rect.left_center() + vec2(p.rect.height() * 0.3, 0.0),
                    Align2::LEFT_CENTER,
                    words,
                    FontId::proportional(p.font),
                    ink,
                );
            }
            _ => {
                painter.circle(p.rect.center(), p.rect.width().min(p.rect.height()) / 2.0, fill, edge);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::kinds::{Align, Card, CardPainter, Fit, Paint, Sketch, TextStyle};
    use crate::model::{AssetName, BoardRect, Crop, Message, Pos, Turn};

    /// Where a card's kind sets words, in the card's units.
    #[derive(Default)]
    struct Words(Vec<BoardRect>);

    impl CardPainter for Words {
        fn fill(&mut self, _: BoardRect, _: Paint) {}
        fn text(&mut self, area: BoardRect, text: &str, style: TextStyle) {
            let lines = crate::model::kinds::metrics::lines(text, style.size, area.width()) as f32;
            let h = (lines * style.size * crate::model::kinds::metrics::LINE).min(area.height());
            self.0.push(BoardRect { min: area.min, max: Pos::new(area.max.x, area.min.y + h) });
        }
        fn line(&mut self, area: BoardRect, _: &str, style: TextStyle, align: Align) {
            let h = style.size * crate::model::kinds::metrics::LINE;
            let top = if align == Align::LeftTop { area.min.y } else { area.max.y - h };
            self.0.push(BoardRect { min: Pos::new(area.min.x, top), max: Pos::new(area.max.x, top + h) });
        }
        fn mark(&mut self, at: Pos, text: &str, style: TextStyle) {
            let w = style.size * 0.6 * text.chars().count() as f32;
            self.0.push(BoardRect { min: at, max: Pos::new(at.x + w, at.y + style.size * 1.2) });
        }
        fn picture(&mut self, _: BoardRect, _: &AssetName, _: Option<Crop>, _: Turn, _: Fit, _: &str) {}
        fn drawing(&mut self, _: BoardRect, _: &Sketch) {}
        fn text_height(&self, text: &str, style: TextStyle, width: f32) -> f32 {
            crate::model::kinds::metrics::lines(text, style.size, width) as f32 * style.size * 1.32
        }
        fn readable(&self, _: f32) -> bool {
            true
        }
        fn say(&self, message: &Message) -> String {
            crate::i18n::say_in(crate::i18n::Lang::En, message)
        }
    }

    /// Widths as egui's own fonts set them.
    fn egui_widths() -> impl Fn(&str, f32) -> f32 {
        let ctx = egui::Context::default();
        let mut out = ctx.run_pass(egui::RawInput::default(), |_| {});
        out.textures_delta.clear();
        move |text: &str, size: f32| {
            ctx.fonts_mut(|f| f.layout_no_wrap(text.to_owned(), FontId::proportional(size), Color32::BLACK).size().x)
        }
    }

    /// The café board with every mark on every card, at zooms from far out to close up:
    /// no mark covers another, any card or any card's words, and each stays under its card.
    #[test]
    fn on_a_busy_board_no_mark_covers_another_or_any_words_at_any_zoom() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/cafe-refresh.moodboard.ron");
        let board = crate::storage::load(&path).unwrap().board;
        let width = egui_widths();
        let marks = [
            Mark::Unanswered,
            Mark::Judgment("🔴🔴  12 dots  ♥3  ✨1  💬2".to_owned()),
            Mark::Badge("new from changes from the board file of Team offsite (Annemarie)".to_owned()),
        ];
        let mut drawn_words = 0;
        for zoom in [0.15, 0.3, 0.5, 0.58, 0.75, 1.0, 1.5, 2.5, 4.0] {
            let mut all: Vec<Rect> = Vec::new();
            let mut covered: Vec<Rect> = Vec::new();
            let screen = |r: BoardRect| {
                Rect::from_min_max(pos2(r.min.x * zoom, r.min.y * zoom), pos2(r.max.x * zoom, r.max.y * zoom))
            };
            for item in &board.items {
                let card = screen(BoardRect::from_pos_size(item.pos, item.size));
                covered.push(card);
                let mut on_card = Words::default();
                let c = Card { size: item.size, prompt: crate::model::is_prompt(item), key: 0 };
                item.kind.behaviour().paint(&c, &mut on_card);
                covered.extend(on_card.0.iter().map(|r| {
                    let min = Pos::new(item.pos.x + r.min.x, item.pos.y + r.min.y);
                    screen(BoardRect { min, max: Pos::new(item.pos.x + r.max.x, item.pos.y + r.max.y) })
                }));
                let placed = layout(card, zoom, &marks, &width);
                for p in &placed {
                    let under = p.rect.min.y > card.max.y && p.rect.max.y < card.max.y + CARD_GAP * zoom;
                    assert!(
                        under && p.rect.min.x >= card.min.x && p.rect.max.x <= card.max.x,
                        "off its place at {zoom}: {p:?}"
                    );
                    drawn_words += usize::from(p.words.is_some());
                }
                all.extend(placed.iter().map(|p| p.rect));
            }
            for (i, a) in all.iter().enumerate() {
                for b in &all[i + 1..] {
                    assert!(!a.intersects(*b), "two marks overlap at zoom {zoom}: {a:?} {b:?}");
                }
                for w in &covered {
                    assert!(!a.intersects(*w), "a mark covers a card or words at zoom {zoom}: {a:?} over {w:?}");
                }
            }
        }
        assert!(drawn_words > 20, "marks with words were drawn: {drawn_words}");
    }

    #[test]
    fn a_mark_too_long_is_cut_and_marks_become_dots_when_the_card_is_small() {
        let width = |t: &str, size: f32| t.chars().count() as f32 * size * 0.5;
        let card = Rect::from_min_size(pos2(0.0, 0.0), vec2(200.0, 120.0));
        let marks = [Mark::Badge("new from a very long name indeed, longer than the card".to_owned())];
        let placed = layout(card, 1.5, &marks, &width);
        let words = placed[0].words.clone().unwrap();
        assert!(words.ends_with('…') && words.len() < 50, "{words}");
        let small = layout(card, 0.3, &[Mark::Unanswered, Mark::Badge("x".into())], &width);
        assert_eq!(small.len(), 2);
        assert!(small.iter().all(|p| p.words.is_none()), "{small:?}");
        assert!(layout(Rect::from_min_size(pos2(0.0, 0.0), vec2(4.0, 4.0)), 0.1, &marks, &width).is_empty());
    }
}
