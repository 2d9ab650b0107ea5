//! Spotlight: the board's items one at a time, full screen, in random order, each with
//! the question "what else could this be?" — the blurry photo without the line round the
//! cow. An answer becomes a new note beside the item.

use crate::tr;
use egui::{Align2, Color32, FontId, Key, Rect, RichText, Sense, vec2};

use super::cards::{Look, paint_card};
use super::{Action, style};
use crate::media::ImageCache;
use crate::model::{Board, ItemId, ItemKind, Pos, is_prompt};

/// Where the spotlight is: the random order and the item shown.
#[derive(Clone, Debug, PartialEq)]
pub struct Spotlight {
    pub order: Vec<ItemId>,
    pub index: usize,
}

impl Spotlight {
    /// Drops items deleted meanwhile (undo, a merge) and keeps the index in range.
    pub fn forget_missing(&mut self, board: &Board) {
        self.order.retain(|id| board.item(id).is_some());
        self.index = self.index.min(self.order.len().saturating_sub(1));
    }

    pub fn current(&self) -> Option<&ItemId> {
        self.order.get(self.index)
    }
}

/// Draws the spotlight over the whole window. Returns `false` when it was closed.
pub fn spotlight_ui(
    ctx: &egui::Context,
    board: &Board,
    spotlight: &mut Spotlight,
    images: &mut ImageCache,
    actions: &mut Vec<Action>,
) -> bool {
    let Some(item) = spotlight.current().and_then(|id| board.item(id)) else { return false };
    let screen = ctx.content_rect();
    let mut open = true;
    let (next, previous, close) = ctx.input(|i| {
        (
            i.key_pressed(Key::ArrowRight) || i.key_pressed(Key::PageDown),
            i.key_pressed(Key::ArrowLeft) || i.key_pressed(Key::PageUp),
            i.key_pressed(Key::Escape),
        )
    });
    let typing = ctx.egui_wants_keyboard_input();
    egui::Area::new(egui::Id::unique("spotlight")).order(egui::Order::Foreground).fixed_pos(screen.min).show(
        ctx,
        |ui| {
            ui.set_min_size(screen.size());
            let backdrop = ui.allocate_rect(screen, Sense::click());
            backdrop
                .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Unknown, true, super::Command::Spotlight.text()));
            let painter = ui.painter();
            painter.rect_filled(screen, 0.0, Color32::from_black_alpha(235));
            let header = tr!("spotlight-header", at = spotlight.index + 1, count = spotlight.order.len());
            painter.text(
                screen.center_top() + vec2(0.0, 36.0),
                Align2::CENTER_TOP,
                header,
                FontId::proportional(26.0),
                style::PROMPT_TEXT,
            );

            // The card as large as fits, keeping its shape.
            let room = Rect::from_min_max(screen.min + vec2(80.0, 100.0), screen.max - vec2(80.0, 170.0));
            let scale = (room.width() / item.size.w).min(room.height() / item.size.h).clamp(0.05, 8.0);
            let card = Rect::from_center_size(room.center(), vec2(item.size.w, item.size.h) * scale);
            // Every picture the card shows (an image's, a link's preview) at the size shown.
            paint_card(painter, item, card, scale, images, Look::default());
            let label = super::cards::item_label(item);
            let card_response = ui.allocate_rect(card, Sense::hover());
            card_response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &label));

            let controls = Rect::from_min_max(
                egui::pos2(screen.min.x + 80.0, screen.max.y - 150.0),
                screen.max - vec2(80.0, 20.0),
            );
            ui.scope_builder(egui::UiBuilder::new().max_rect(controls), |ui| {
                ui.vertical_centered(|ui| {
                    if !is_prompt(item) {
                        ui.label(RichText::new(tr!("spotlight-also")).color(style::PROMPT_TEXT));
                        let id = egui::Id::unique(("spotlight-answer", item.id.as_str()));
                        let mut text = ui.data(|d| d.get_temp::<String>(id)).unwrap_or_default();
                        let field = ui.add(
                            egui::TextEdit::singleline(&mut text)
                                .hint_text(tr!("spotlight-also-hint"))
                                .desired_width(controls.width().min(640.0)),
                        );
                        field.widget_info(|| {
                            egui::WidgetInfo::labeled(egui::Role::TextInput, true, tr!("spotlight-also-label"))
                        });
                        let submitted = field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
                        if submitted && !text.trim().is_empty() {
                            // Just right of the card it answers, level with it.
                            let kind = ItemKind::note(text.trim().to_owned());
                            let size = kind.default_size();
                            let centre = Pos::new(
                                item.pos.x + item.size.w + crate::model::frames::CARD_GAP + size.w / 2.0,
                                item.pos.y + size.h / 2.0,
                            );
                            actions.push(Action::Add {
                                kind,
                                centre_in_board: Some(centre),
                                theme: board.theme_of(item).cloned(),
                            });
                            text.clear();
                        }
                        ui.data_mut(|d| d.insert_temp(id, text));
                    }
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        let width = 3.0 * 120.0 + 2.0 * ui.spacing().item_spacing.x;
                        ui.add_space(((ui.available_width() - width) / 2.0).max(0.0));
                        let previous_button =
                            ui.add_enabled(spotlight.index > 0, egui::Button::new(tr!("spotlight-previous")));
                        if previous_button.clicked() || (previous && !typing && spotlight.index > 0) {
                            spotlight.index -= 1;
                        }
                        if ui.button(tr!("spotlight-close")).clicked() || close {
                            open = false;
                        }
                        let last = spotlight.index + 1 >= spotlight.order.len();
                        let next_button = ui.add_enabled(!last, egui::Button::new(tr!("spotlight-next")));
                        if next_button.clicked() || (next && !typing && !last) {
                            spotlight.index += 1;
                        }
                    });
                });
            });
        },
    );
    open
}
