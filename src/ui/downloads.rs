//! Placeholder cards for what is being downloaded: where the card will be, how far the
//! download has come, and, when it failed, why, with Retry and Dismiss.

use crate::tr;
use egui::{FontId, Rect, Sense, Stroke, StrokeKind, Ui, pos2, vec2};

use super::view::ViewState;
use super::{Action, style};
use crate::model::{BoardRect, links};

/// One download as the canvas shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct PendingCard {
    pub key: u64,
    pub rect: BoardRect,
    pub address: String,
    /// Bytes received so far.
    pub received: u64,
    /// How far along, when the server said how much it sends.
    pub fraction: Option<f32>,
    /// Why it failed, once it has.
    pub failed: Option<String>,
}

/// Draws the placeholders over the canvas and returns what their buttons ask for.
pub fn pending_ui(ui: &mut Ui, view: &ViewState, cards: &[PendingCard], actions: &mut Vec<Action>) {
    let zoom = view.camera.zoom();
    let painter = ui.painter_at(view.camera.canvas_rect);
    for card in cards {
        let rect = view.camera.screen_from_board.mul_rect(super::view::to_rect(card.rect));
        if !rect.intersects(view.camera.canvas_rect) {
            continue;
        }
        let round = style::CARD_ROUNDING * zoom;
        painter.rect_filled(rect, round, style::PLACEHOLDER_BG);
        let where_from = links::domain(&card.address).unwrap_or_else(|| card.address.clone());
        let small = (style::SMALL_FONT * zoom).max(11.0);
        let inner = rect.shrink(style::CARD_PADDING * zoom);
        let (text, colour) = match &card.failed {
            None => {
                let amount = match card.fraction {
                    Some(f) => format!("{:.0} %", f * 100.0),
                    None if card.received > 0 => format!("{} KB", card.received / 1000),
                    None => tr!("download-connecting"),
                };
                (tr!("download-from", site = where_from, amount = amount), style::PLACEHOLDER_TEXT)
            }
            Some(reason) => (tr!("download-not-added", reason = reason), style::ERROR_TEXT),
        };
        let galley = painter.layout(text, FontId::proportional(small), colour, inner.width());
        painter.galley(inner.min, galley, colour);
        // The placeholder is a card for people who cannot see it too.
        let label = match &card.failed {
            None => tr!("download-label", address = card.address.as_str()),
            Some(reason) => tr!("download-failed-label", address = card.address.as_str(), reason = reason),
        };
        let response = ui.interact(rect, egui::Id::unique(("download", card.key)), Sense::hover());
        response.widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Label, true, &label));
        match card.failed {
            None => {
                // A bar along the bottom: how far, or a sweep while the size is unknown.
                let bar = Rect::from_min_max(pos2(inner.min.x, inner.max.y - 6.0), pos2(inner.max.x, inner.max.y));
                painter.rect_filled(bar, 3.0, style::PLACEHOLDER_TEXT.gamma_multiply(0.25));
                let done = match card.fraction {
                    Some(f) => Rect::from_min_size(bar.min, vec2(bar.width() * f, bar.height())),
                    None => {
                        let t = (ui.input(|i| i.time) * 0.8).fract() as f32;
                        let w = bar.width() * 0.25;
                        Rect::from_min_size(pos2(bar.min.x + (bar.width() - w) * t, bar.min.y), vec2(w, bar.height()))
                    }
                };
                painter.rect_filled(done, 3.0, style::SELECTION);
                ui.ctx().request_repaint_after(std::time::Duration::from_millis(100));
            }
            Some(_) => {
                painter.rect_stroke(rect, round, Stroke::new(2.0, style::ERROR_TEXT), StrokeKind::Inside);
                let h = 28.0;
                let row = Rect::from_min_max(pos2(inner.min.x, inner.max.y - h), inner.max);
                let retry = Rect::from_min_size(row.min, vec2(80.0, h));
                let dismiss = Rect::from_min_size(pos2(retry.max.x + 8.0, row.min.y), vec2(80.0, h));
                let retry_button = ui.put(retry, egui::Button::new(tr!("download-retry")));
                if retry_button.on_hover_text(tr!("download-retry-help", address = card.address.as_str())).clicked() {
                    actions.push(Action::RetryDownload(card.key));
                }
                if ui
                    .put(dismiss, egui::Button::new(tr!("toasts-dismiss")))
                    .on_hover_text(tr!("download-dismiss-help"))
                    .clicked()
                {
                    actions.push(Action::DismissDownload(card.key));
                }
            }
        }
    }
}
