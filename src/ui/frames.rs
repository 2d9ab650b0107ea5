//! Theme frames on the canvas: drawn under the cards, moved by their name band (taking
//! their cards along), resized by their corner (their cards reflow if they no longer
//! fit), lit up while a card is dragged over them. What they return are edits; the
//! frame rules ([`crate::model::frames`]) are kept by the document after each one.

use crate::tr;
use egui::{
    Align2, CursorIcon, FontId, Id, PointerButton, Rect, Role, Sense, Stroke, StrokeKind, Ui, Vec2, WidgetInfo, vec2,
};

use super::view::{Gesture, ViewState, to_pos, to_rect};
use super::{Action, style};
use crate::model::frames::{self, EMPTY_FRAME, FRAME_HEADER};
use crate::model::{Board, BoardRect, Edit, Size, Theme, ThemeId, Timestamp};

fn frame_id(theme: &ThemeId) -> Id {
    Id::unique(("canvas-frame", theme.as_str()))
}

/// A frame as the gesture under way shows it (moved or resized), in board space.
pub fn preview(theme: &Theme, view: &ViewState) -> Rect {
    let r = to_rect(theme.frame);
    match &view.canvas.gesture {
        Gesture::MoveFrame { theme: t, delta_in_board } if *t == theme.id => r.translate(*delta_in_board),
        Gesture::ResizeFrame { theme: t, size } if *t == theme.id => Rect::from_min_size(r.min, vec2(size.w, size.h)),
        _ => r,
    }
}

/// Paints a frame: its tint, border, and name band. `target`: a card is being dragged
/// over it.
pub fn paint_frame(painter: &egui::Painter, view: &ViewState, theme: &Theme, count: usize, target: bool) {
    let zoom = view.camera.zoom();
    let on_screen = view.camera.screen_from_board.mul_rect(preview(theme, view));
    let colour = style::hex_colour(&theme.colour);
    let dark = painter.ctx().theme() == egui::Theme::Dark;
    let round = 14.0 * zoom;
    let tint = if target {
        0.26
    } else if dark {
        0.10
    } else {
        0.16
    };
    painter.rect_filled(on_screen, round, colour.gamma_multiply(tint));
    let border = if target { Stroke::new(3.0, colour) } else { Stroke::new(1.5, colour.gamma_multiply(0.7)) };
    painter.rect_stroke(on_screen, round, border, StrokeKind::Inside);
    // The name band: readable at any zoom where the frame is wide enough to hold it.
    let band = Rect::from_min_size(on_screen.min, vec2(on_screen.width(), FRAME_HEADER * zoom));
    let size = (style::FRAME_LABEL_FONT * zoom).max(13.0).min(band.height().max(13.0));
    if on_screen.width() > 60.0 {
        let painter = painter.with_clip_rect(painter.clip_rect().intersect(on_screen));
        let mut text = if count == 0 {
            tr!("frame-empty", theme = theme.name.as_str())
        } else {
            format!("{}  ·  {count}", theme.name)
        };
        if theme.locked {
            text.insert_str(0, "🔒 ");
        }
        let name_colour = style::frame_label(colour, dark);
        painter.text(
            band.left_center() + vec2(16.0 * zoom.clamp(0.4, 1.0), 0.0),
            Align2::LEFT_CENTER,
            text,
            FontId::proportional(size),
            name_colour,
        );
    }
}

/// Input on a frame: dragging its name band moves it, its corner resizes it,
/// double-clicking the band renames the theme, its menu locks it. A locked frame only
/// offers to be unlocked.
pub fn frame_input(ui: &Ui, board: &Board, view: &mut ViewState, theme: &Theme, actions: &mut Vec<Action>) {
    let zoom = view.camera.zoom();
    let on_screen = view.camera.screen_from_board.mul_rect(preview(theme, view));
    let band = Rect::from_min_size(on_screen.min, vec2(on_screen.width(), (FRAME_HEADER * zoom).max(14.0)));
    let sense = if theme.locked { Sense::click() } else { Sense::click_and_drag() };
    let response = ui.interact(band, frame_id(&theme.id), sense);
    let label = tr!("frame-label", theme = theme.name.as_str());
    response.widget_info(|| WidgetInfo::labeled(Role::Group, true, &label));
    let response = if theme.locked { response.on_hover_text(tr!("frame-locked-hint")) } else { response };
    response.context_menu(|ui| {
        let (text, toggle) = lock_toggle(theme);
        if ui.button(text).clicked() {
            actions.push(toggle);
            ui.close();
        }
        if theme.locked {
            return;
        }
        if ui.button(tr!("frame-rename")).clicked() {
            view.panels.renaming_theme = Some((theme.id.clone(), theme.name.clone()));
            view.panels.sidebar = true;
            ui.close();
        }
        if ui.button(tr!("frame-tidy")).clicked() {
            actions.push(reflow(board, theme, theme.frame));
            ui.close();
        }
        if ui.button(tr!("frame-delete")).clicked() {
            let edit = Edit::delete_theme(board, &theme.id, Timestamp::now(), "");
            actions.push(Action::edit(edit, tr!("step-delete-theme", theme = theme.name.as_str())));
            ui.close();
        }
    });
    if theme.locked {
        return;
    }
    if response.hovered() {
        ui.ctx().set_cursor_icon(CursorIcon::Grab);
    }
    if response.double_clicked() {
        view.panels.renaming_theme = Some((theme.id.clone(), theme.name.clone()));
        view.panels.sidebar = true;
    }
    if response.drag_started_by(PointerButton::Primary) {
        view.canvas.gesture = Gesture::MoveFrame { theme: theme.id.clone(), delta_in_board: Vec2::ZERO };
    }
    if response.dragged_by(PointerButton::Primary)
        && let Gesture::MoveFrame { theme: t, delta_in_board } = &mut view.canvas.gesture
        && *t == theme.id
    {
        *delta_in_board += response.drag_delta() / zoom;
        ui.ctx().set_cursor_icon(CursorIcon::Grabbing);
    }
    if response.drag_stopped_by(PointerButton::Primary)
        && let Gesture::MoveFrame { theme: t, delta_in_board } =
            std::mem::replace(&mut view.canvas.gesture, Gesture::None)
        && t == theme.id
        && delta_in_board.length() > 0.5
    {
        actions.push(move_frame(board, theme, delta_in_board));
    }

    // The corner resizes.
    let corner = egui::Rect::from_center_size(
        on_screen.right_bottom() - vec2(4.0, 4.0),
        Vec2::splat(style::RESIZE_HANDLE + 4.0),
    );
    let handle = ui.interact(corner, frame_id(&theme.id).with("resize"), Sense::drag());
    let label = tr!("frame-resize-label", theme = theme.name.as_str());
    handle.widget_info(|| WidgetInfo::labeled(Role::Unknown, true, &label));
    if handle.hovered() || handle.dragged() {
        ui.ctx().set_cursor_icon(CursorIcon::ResizeNwSe);
        let painter = ui.painter_at(view.camera.canvas_rect);
        painter.rect_filled(corner.shrink(3.0), 2.0, style::hex_colour(&theme.colour));
    }
    if handle.drag_started() {
        let f = theme.frame;
        view.canvas.gesture = Gesture::ResizeFrame { theme: theme.id.clone(), size: Size::new(f.width(), f.height()) };
    }
    if handle.dragged()
        && let Gesture::ResizeFrame { theme: t, size } = &mut view.canvas.gesture
        && *t == theme.id
    {
        let d = handle.drag_delta() / zoom;
        *size = Size::new((size.w + d.x).max(EMPTY_FRAME.w / 2.0), (size.h + d.y).max(FRAME_HEADER + 80.0));
    }
    if handle.drag_stopped()
        && let Gesture::ResizeFrame { theme: t, size } = std::mem::replace(&mut view.canvas.gesture, Gesture::None)
        && t == theme.id
    {
        let frame = BoardRect::from_pos_size(theme.frame.min, size);
        if frame != theme.frame {
            actions.push(reflow(board, theme, frame));
        }
    }
}

/// The menu entry that locks the theme's frame, or unlocks it, and that step: one edit,
/// stamped when it is made (the frame's menu and the sidebar's offer it alike).
pub fn lock_toggle(theme: &Theme) -> (String, Action) {
    let name = theme.name.as_str();
    let (text, step) = if theme.locked {
        (tr!("frame-unlock"), tr!("step-unlock-frame", theme = name))
    } else {
        (tr!("frame-lock"), tr!("step-lock-frame", theme = name))
    };
    let edit = Edit::ReplaceTheme(Theme { locked: !theme.locked, modified: Timestamp::now(), ..theme.clone() });
    (text, Action::edit(edit, step))
}

/// Moving a frame moves its cards with it: one edit.
pub fn move_frame(board: &Board, theme: &Theme, delta: Vec2) -> Action {
    let edit = frames::move_frame(board, theme, delta.x, delta.y, Timestamp::now());
    Action::edit(edit, tr!("step-move-frame", theme = theme.name.as_str()))
}

/// The frame set to `frame`, its cards reflowed if they no longer fit.
pub fn reflow(board: &Board, theme: &Theme, frame: BoardRect) -> Action {
    let edit = frames::resize_frame(board, theme, frame, Timestamp::now());
    let label = if frame == theme.frame {
        tr!("step-tidy", theme = theme.name.as_str())
    } else {
        tr!("step-resize-frame", theme = theme.name.as_str())
    };
    Action::edit(edit, label)
}

/// The theme whose frame is under `point_on_screen`, if any.
pub fn target_at(board: &Board, view: &ViewState, point_on_screen: egui::Pos2) -> Option<ThemeId> {
    let p = to_pos(view.camera.board_from_screen() * point_on_screen);
    crate::model::frames::frame_at(board, p).map(|t| t.id.clone())
}
