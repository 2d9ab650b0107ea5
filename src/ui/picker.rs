//! The colour picker: Add → Pick a colour (Shift+C) turns the pointer into an eyedropper
//! over the pictures on the canvas, with a magnified view of the pixels under it and
//! their hex; a click puts that colour on the board as a swatch beside the picture. It
//! stays out for more picks until Esc, Enter or a right-click.

use crate::tr;
use egui::{
    Align2, Color32, CursorIcon, FontId, Id, Key, PointerButton, Rect, Role, Sense, Stroke, StrokeKind, Ui, WidgetInfo,
    pos2, vec2,
};

use super::Action;
use super::view::{ViewState, board_rect_of};
use crate::media::ImageCache;
use crate::media::samples::{SampleState, pixel};
use crate::model::{Board, Item, ItemKind, Pos, Rgb};

/// Pixels the magnifier shows on each side of the one picked.
const REACH: i64 = 5;
/// Screen points a magnified pixel takes.
const CELL: f32 = 12.0;

/// Draws the picker over the canvas `rect` and takes its pointer. Returns whether it is
/// still out.
pub fn picker_ui(
    ui: &mut Ui,
    board: &Board,
    view: &ViewState,
    images: &mut ImageCache,
    rect: Rect,
    actions: &mut Vec<Action>,
) -> bool {
    let over = ui.interact(rect, Id::unique("colour-picker"), Sense::click());
    over.widget_info(|| WidgetInfo::labeled(Role::Canvas, true, tr!("picker-label")));
    let painter = ui.painter_at(rect);
    let hint = tr!("picker-hint");
    let band = Rect::from_center_size(rect.center_top() + vec2(0.0, 22.0), vec2(hint.len() as f32 * 7.5 + 40.0, 28.0));
    painter.rect_filled(band, 6.0, Color32::from_black_alpha(190));
    painter.text(band.center(), Align2::CENTER_CENTER, &hint, FontId::proportional(14.0), Color32::WHITE);

    let mut open = !ui.input(|i| i.key_pressed(Key::Escape)) && !over.clicked_by(PointerButton::Secondary);
    let Some(at) = over.hover_pos() else { return open };
    ui.ctx().set_cursor_icon(CursorIcon::Crosshair);
    let Some((item, u, v)) = picture_under(board, view, at) else { return open };
    let ItemKind::Image(image) = &item.kind else { return open };
    let samples = images.samples(&image.asset);
    // The magnifier, beside the pointer, kept inside the canvas.
    let side = CELL * (2 * REACH + 1) as f32;
    let mut glass = Rect::from_min_size(at + vec2(24.0, 24.0), vec2(side, side + 26.0));
    if glass.max.x > rect.max.x {
        glass = glass.translate(vec2(-(side + 48.0), 0.0));
    }
    if glass.max.y > rect.max.y {
        glass = glass.translate(vec2(0.0, -(side + 74.0)));
    }
    painter.rect_filled(glass.expand(4.0), 6.0, Color32::from_black_alpha(220));
    match &samples {
        SampleState::Ready(picture) => {
            for dy in -REACH..=REACH {
                for dx in -REACH..=REACH {
                    let cell = Rect::from_min_size(
                        glass.min + vec2((dx + REACH) as f32 * CELL, (dy + REACH) as f32 * CELL),
                        vec2(CELL, CELL),
                    );
                    let colour = pixel(picture, u, v, dx, dy)
                        .map_or(Color32::from_gray(40), |c| Color32::from_rgb(c.0, c.1, c.2));
                    painter.rect_filled(cell, 0.0, colour);
                }
            }
            let middle =
                Rect::from_min_size(glass.min + vec2(REACH as f32 * CELL, REACH as f32 * CELL), vec2(CELL, CELL));
            painter.rect_stroke(middle, 0.0, Stroke::new(2.0, Color32::WHITE), StrokeKind::Outside);
        }
        SampleState::Pending => {
            painter.text(
                glass.center(),
                Align2::CENTER_CENTER,
                tr!("picker-reading"),
                FontId::proportional(13.0),
                Color32::WHITE,
            );
        }
        SampleState::Failed(reason) => {
            painter.text(glass.center(), Align2::CENTER_CENTER, reason, FontId::proportional(12.0), Color32::WHITE);
        }
    }
    let colour = samples.colour_at(u, v);
    if let Some(c) = colour {
        let label = Rect::from_min_size(pos2(glass.min.x, glass.max.y - 22.0), vec2(side, 22.0));
        painter.rect_filled(
            label.shrink2(vec2(0.0, 2.0)).with_max_x(label.min.x + 18.0),
            3.0,
            Color32::from_rgb(c.0, c.1, c.2),
        );
        painter.text(
            label.left_center() + vec2(24.0, 0.0),
            Align2::LEFT_CENTER,
            c.to_hex(),
            FontId::monospace(14.0),
            Color32::WHITE,
        );
    }
    if over.clicked()
        && let Some(c) = colour
    {
        actions.push(picked(item, c));
    }
    open &= !ui.input(|i| i.key_pressed(Key::Enter));
    open
}

/// The topmost picture under `at` (screen), with the point of the picture there.
fn picture_under<'b>(board: &'b Board, view: &ViewState, at: egui::Pos2) -> Option<(&'b Item, f32, f32)> {
    let zoom = view.camera.zoom();
    board.items.iter().rev().find_map(|item| {
        let ItemKind::Image(image) = &item.kind else { return None };
        let on_screen = view.camera.screen_from_board.mul_rect(board_rect_of(item));
        if !on_screen.contains(at) || board.face_down(item) {
            return None;
        }
        let in_card = (at - on_screen.min) / zoom;
        let (u, v) = image.picture_point(item.size, Pos::new(in_card.x, in_card.y))?;
        Some((item, u, v))
    })
}

/// A swatch of `colour` beside `item`, in its theme.
fn picked(item: &Item, colour: Rgb) -> Action {
    let beside = Pos::new(item.pos.x + item.size.w + 100.0, item.pos.y + 80.0);
    Action::Add {
        kind: ItemKind::colour(colour.to_hex(), String::new()),
        centre_in_board: Some(beside),
        theme: item.theme.clone(),
    }
}
