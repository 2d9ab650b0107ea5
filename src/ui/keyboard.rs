//! The board without a mouse. Once a card has the keyboard (an arrow key, or Tab through
//! the panels; a mouse click gives none), Tab and Shift+Tab, ← and → walk the cards in
//! reading order (see [`crate::model::reading`]: frame by frame, row by row), ↑ and ↓ go
//! to the nearest card above or below, Space adds the card to the selection or takes it
//! out, Enter edits it as a double-click does, and Shift with an arrow moves the selected
//! cards. The card with the keyboard has a ring round it, the camera follows it, and its
//! name for a screen reader starts with the frame's when the keyboard has just entered
//! that frame.

use egui::{EventFilter, Key, Modifiers, Ui, Vec2};

use super::view::ViewState;
use super::{Action, style};
use crate::model::frames::Drop;
use crate::model::reading::{Read, reading_order, vertical_neighbour};
use crate::model::{Board, ItemId};
use crate::tr;

/// How far Shift with an arrow moves the selected cards, in board units.
pub const NUDGE: f32 = 10.0;

/// What the keys held for the cards did this frame.
#[derive(Clone, Copy, Debug, Default)]
struct Keys {
    next: bool,
    previous: bool,
    up: bool,
    down: bool,
    /// Shift with an arrow: which way to move.
    nudge: Vec2,
    select: bool,
    edit: bool,
}

/// Whether `item` has the keyboard this frame (its card widget is focused).
pub fn has_keyboard(ui: &Ui, view: &ViewState, item: &ItemId) -> bool {
    view.canvas.focus.as_ref() == Some(item) && ui.memory(|m| m.has_focus(super::canvas::id_for(item)))
}

/// The ring round the card that has the keyboard.
pub fn paint_focus_ring(painter: &egui::Painter, card_on_screen: egui::Rect) {
    let ring = egui::Stroke::new(2.5, style::SELECTION);
    painter.rect_stroke(card_on_screen.expand(5.0), 8.0, ring, egui::StrokeKind::Outside);
}

/// Takes the keys for the card with the keyboard and does what they ask; called after
/// the cards are laid out, so a card given the keyboard is there to receive it.
pub fn keyboard_ui(ui: &Ui, board: &Board, view: &mut ViewState, actions: &mut Vec<Action>) {
    let Some(focus) = view.canvas.focus.clone() else {
        enter_with_arrows(ui, board, view);
        return;
    };
    let id = super::canvas::id_for(&focus);
    // Editing the card's text from the keyboard: the editor has the keys until it
    // closes, then the card has them again.
    if view.canvas.inline_edit.as_ref().is_some_and(|(edited, _)| *edited == focus) {
        view.canvas.editing_from_keys = true;
        return;
    }
    if std::mem::take(&mut view.canvas.editing_from_keys) && board.item(&focus).is_some() {
        ui.memory_mut(|m| m.request_focus(id));
        return;
    }
    if !ui.memory(|m| m.has_focus(id)) || board.item(&focus).is_none() {
        // The keyboard went elsewhere (a field, the background, a menu) or the card went.
        view.canvas.focus = None;
        view.canvas.announce = None;
        return;
    }
    // Tab and the arrows are ours while a card has the keyboard, not egui's own walk.
    let filter = EventFilter { tab: true, horizontal_arrows: true, vertical_arrows: true, escape: false };
    ui.memory_mut(|m| m.set_focus_lock_filter(id, filter));
    let keys = ui.input_mut(|i| {
        // With Shift first: a plain key's match takes Shift+key too.
        let mut keys = Keys { previous: i.consume_key(Modifiers::SHIFT, Key::Tab), ..Keys::default() };
        for (key, way) in [
            (Key::ArrowLeft, Vec2::new(-1.0, 0.0)),
            (Key::ArrowRight, Vec2::new(1.0, 0.0)),
            (Key::ArrowUp, Vec2::new(0.0, -1.0)),
            (Key::ArrowDown, Vec2::new(0.0, 1.0)),
        ] {
            if i.consume_key(Modifiers::SHIFT, key) {
                keys.nudge += way * NUDGE;
            }
        }
        keys.next = i.consume_key(Modifiers::NONE, Key::Tab) || i.consume_key(Modifiers::NONE, Key::ArrowRight);
        keys.previous |= i.consume_key(Modifiers::NONE, Key::ArrowLeft);
        keys.up = i.consume_key(Modifiers::NONE, Key::ArrowUp);
        keys.down = i.consume_key(Modifiers::NONE, Key::ArrowDown);
        keys.select = i.key_pressed(Key::Space) && i.modifiers.is_none();
        keys.edit = i.consume_key(Modifiers::NONE, Key::Enter);
        keys
    });
    let Some(item) = board.item(&focus) else { return };
    // The order is worked out only when a key walks.
    if keys.next || keys.previous || keys.up || keys.down {
        let order = reading_order(board);
        let Some(at) = order.iter().position(|r| r.item.id == focus) else { return };
        let to = if keys.next {
            Some((at + 1) % order.len())
        } else if keys.previous {
            Some((at + order.len() - 1) % order.len())
        } else {
            vertical_neighbour(&order, at, keys.down)
        };
        if let Some(to) = to {
            give_keyboard(ui, board, view, &order, Some(at), to);
        }
    }
    if keys.select && !view.canvas.selection.remove(&item.id) {
        view.canvas.selection.insert(item.id.clone());
        view.canvas.connector = None;
    }
    if keys.edit {
        super::canvas::start_editing(board, view, item);
    }
    if keys.nudge != Vec2::ZERO {
        if view.canvas.selection.is_empty() {
            view.canvas.selection.insert(item.id.clone());
        }
        let ids = super::canvas::movable_selection(board, view);
        if let Some(edit) = super::canvas::move_edit(board, &ids, keys.nudge, Drop::Nowhere) {
            actions.push(edit.snapped_if(view.canvas.snap));
        }
    }
}

/// An arrow key while nothing has the keyboard takes it to the cards: to the first
/// card chosen, else the first in reading order (← and ↑: the last).
fn enter_with_arrows(ui: &Ui, board: &Board, view: &mut ViewState) {
    let elsewhere = view.windows.spotlight.is_some()
        || view.canvas.pen.is_some()
        || view.canvas.picking
        || view.canvas.crop.is_some()
        || egui::Popup::is_any_open(ui.ctx());
    if elsewhere || ui.memory(|m| m.focused().is_some()) || board.items.is_empty() {
        return;
    }
    let (forward, back) = ui.input_mut(|i| {
        let forward = i.consume_key(Modifiers::NONE, Key::ArrowRight) || i.consume_key(Modifiers::NONE, Key::ArrowDown);
        let back = i.consume_key(Modifiers::NONE, Key::ArrowLeft) || i.consume_key(Modifiers::NONE, Key::ArrowUp);
        (forward, back)
    });
    if !forward && !back {
        return;
    }
    let order = reading_order(board);
    let chosen = order.iter().position(|r| view.canvas.selection.contains(&r.item.id));
    let to = chosen.unwrap_or(if forward { 0 } else { order.len() - 1 });
    give_keyboard(ui, board, view, &order, None, to);
}

/// Gives the keyboard to the card at `to` in `order`, coming from `from`: focus, the
/// camera on it if it is not in view, and the frame's name said when it is a new frame.
fn give_keyboard(ui: &Ui, board: &Board, view: &mut ViewState, order: &[Read<'_>], from: Option<usize>, to: usize) {
    let Some(read) = order.get(to) else { return };
    let came_from = from.and_then(|f| order.get(f)).map(|r| r.frame);
    view.canvas.announce = (came_from != Some(read.frame)).then(|| match read.frame.and_then(|t| board.theme(t)) {
        Some(theme) => tr!("keyboard-enter-frame", frame = theme.name.as_str()),
        None => tr!("keyboard-no-frame"),
    });
    view.canvas.focus = Some(read.item.id.clone());
    ui.memory_mut(|m| {
        m.request_focus(super::canvas::id_for(&read.item.id));
        // The key that brought it here is spent: egui must not walk on from it.
        m.move_focus(egui::FocusDirection::None);
    });
    let card = super::view::to_rect(crate::model::BoardRect::from_pos_size(read.item.pos, read.item.size));
    let on_screen = view.camera.screen_from_board.mul_rect(card);
    if !view.camera.canvas_rect.contains_rect(on_screen) {
        view.camera.centre_on(card);
    }
}

/// A card got the keyboard from egui's own walk (Tab from the panels) or a screen
/// reader: it becomes the card the keys start from, its frame said.
pub fn gained_keyboard(ui: &Ui, board: &Board, view: &mut ViewState, item: &ItemId) {
    if view.canvas.focus.as_ref() == Some(item) {
        return;
    }
    let order = reading_order(board);
    if let Some(to) = order.iter().position(|r| &r.item.id == item) {
        give_keyboard(ui, board, view, &order, None, to);
    }
}
