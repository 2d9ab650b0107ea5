//! Connectors on the canvas: drawn between their ends wherever those are (during a drag
//! too), chosen with a click on the line or its label, drawn from the handles on a
//! selected card's edges, and set in the inspector (label, heads, dashed, reverse,
//! delete). The rules are the model's (`model/connector.rs`).

use egui::{
    Color32, CursorIcon, FontId, Id, Pos2, Rect, Role, Sense, Shape, Stroke, StrokeKind, Ui, Vec2, WidgetInfo, pos2,
    vec2,
};

use super::cards::item_label;
use super::view::{Gesture, ViewState, board_rect_of, to_rect};
use super::widgets::committed_text;
use super::{Action, style};
use crate::model::connector::{Connector, End, Heads, clean_label, distance_to_segment};
use crate::model::{Board, ConnectorId, Edit, Item, Pos, Timestamp};
use crate::tr;

/// How close to a line (in screen points) a click chooses it.
const PICK_DISTANCE: f32 = 6.0;
/// The handles' radius, in screen points.
const HANDLE_RADIUS: f32 = 6.0;
/// Below this size (screen points) a label is not written.
const SMALLEST_LABEL: f32 = 7.0;

/// Where a connector is on screen this frame: its line and its label's box.
#[derive(Clone, Debug)]
pub struct Drawn {
    pub id: ConnectorId,
    pub from: Pos2,
    pub to: Pos2,
    pub label: Option<Rect>,
}

/// The ink of connectors on the canvas.
fn ink(dark: bool) -> Color32 {
    if dark { Color32::from_gray(200) } else { Color32::from_rgb(70, 74, 82) }
}

/// Draws every connector whose line crosses `visible` (board units), its ends where
/// `rect_of` says they are now (a card being dragged is where it is being dragged).
/// Returns what was drawn, for picking.
pub fn paint_connectors(
    painter: &egui::Painter,
    board: &Board,
    view: &ViewState,
    visible: Rect,
    rect_of: &dyn Fn(&End) -> Option<Rect>,
) -> Vec<Drawn> {
    let dark = painter.ctx().theme() == egui::Theme::Dark;
    let zoom = view.camera.zoom();
    let to_screen = view.camera.screen_from_board;
    let width = (2.0 * zoom).clamp(1.5, 4.0);
    let mut drawn = Vec::new();
    for connector in board.shown_connectors() {
        let (Some(a), Some(b)) = (rect_of(&connector.from), rect_of(&connector.to)) else { continue };
        let Some((start, end)) = crate::model::connector::route(super::view::from_rect(a), super::view::from_rect(b))
        else {
            continue;
        };
        let (start, end) = (pos2(start.x, start.y), pos2(end.x, end.y));
        if !Rect::from_two_pos(start, end).expand(40.0).intersects(visible) {
            continue;
        }
        let selected = view.canvas.connector.as_ref() == Some(&connector.id);
        let colour = if selected { style::SELECTION } else { ink(dark) };
        let stroke = Stroke::new(if selected { width + 1.0 } else { width }, colour);
        let (s, e) = (to_screen * start, to_screen * end);
        let head = (10.0 * zoom).clamp(5.0, 16.0);
        // The line stops where a head starts, so its end does not poke through the tip.
        let dir = (e - s).normalized();
        let line_end = if connector.heads == Heads::None { e } else { e - dir * head * 0.8 };
        let line_start = if connector.heads == Heads::Both { s + dir * head * 0.8 } else { s };
        if connector.dashed {
            let dash = (8.0 * zoom).clamp(3.0, 12.0);
            painter.extend(Shape::dashed_line(&[line_start, line_end], stroke, dash, dash * 0.75));
        } else {
            painter.line_segment([line_start, line_end], stroke);
        }
        match connector.heads {
            Heads::None => {}
            Heads::End => arrow_head(painter, s, e, head, colour),
            Heads::Both => {
                arrow_head(painter, s, e, head, colour);
                arrow_head(painter, e, s, head, colour);
            }
        }
        let label = label_rect(painter, connector, s, e, zoom, dark, selected);
        drawn.push(Drawn { id: connector.id.clone(), from: s, to: e, label });
    }
    drawn
}

fn arrow_head(painter: &egui::Painter, from: Pos2, tip: Pos2, size: f32, colour: Color32) {
    let dir = (tip - from).normalized();
    if !dir.x.is_finite() {
        return;
    }
    let side = vec2(-dir.y, dir.x) * size * 0.45;
    let back = tip - dir * size;
    painter.add(Shape::convex_polygon(vec![tip, back + side, back - side], colour, Stroke::NONE));
}

/// Writes the label in the middle of the line on a small plate; returns the plate.
fn label_rect(
    painter: &egui::Painter,
    connector: &Connector,
    s: Pos2,
    e: Pos2,
    zoom: f32,
    dark: bool,
    selected: bool,
) -> Option<Rect> {
    let size = style::SMALL_FONT * zoom;
    if connector.label.is_empty() || size < SMALLEST_LABEL {
        return None;
    }
    let text_colour = if dark { Color32::from_gray(230) } else { Color32::from_gray(30) };
    let galley = painter.layout(connector.label.clone(), FontId::proportional(size), text_colour, 220.0 * zoom);
    let middle = s + (e - s) / 2.0;
    let plate = Rect::from_center_size(middle, galley.size() + vec2(8.0, 4.0) * zoom.min(1.5));
    let fill = if dark { Color32::from_gray(40) } else { Color32::from_gray(250) };
    painter.rect_filled(plate, 4.0 * zoom.min(1.0), fill);
    if selected {
        painter.rect_stroke(plate, 4.0 * zoom.min(1.0), Stroke::new(1.0, style::SELECTION), StrokeKind::Outside);
    }
    painter.galley(plate.center() - galley.size() / 2.0, galley, text_colour);
    Some(plate)
}

/// The connector under the screen point `p`, if any: its label first, then the line
/// nearest within [`PICK_DISTANCE`].
pub fn connector_at(drawn: &[Drawn], p: Pos2) -> Option<ConnectorId> {
    if let Some(d) = drawn.iter().rev().find(|d| d.label.is_some_and(|r| r.contains(p))) {
        return Some(d.id.clone());
    }
    let to = |q: Pos2| Pos::new(q.x, q.y);
    drawn
        .iter()
        .map(|d| (distance_to_segment(to(p), to(d.from), to(d.to)), d))
        .filter(|(distance, _)| *distance <= PICK_DISTANCE)
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, d)| d.id.clone())
}

/// Accessible nodes for the connectors drawn (so a screen reader and the tests find them),
/// clickable as the line is.
pub fn connector_nodes(ui: &Ui, board: &Board, drawn: &[Drawn]) {
    for d in drawn {
        let Some(connector) = board.connector(&d.id) else { continue };
        let middle = d.from + (d.to - d.from) / 2.0;
        let area = d.label.unwrap_or(Rect::from_center_size(middle, Vec2::splat(2.0 * PICK_DISTANCE)));
        let response = ui.interact(area, Id::unique(("connector", d.id.as_str())), Sense::hover());
        let label = describe(board, connector);
        response.widget_info(|| WidgetInfo::labeled(Role::Unknown, true, &label));
    }
}

/// "Connector from “Open shelves?” to “Light”: leads to", for people.
pub fn describe(board: &Board, connector: &Connector) -> String {
    let from = end_name(board, &connector.from);
    let to = end_name(board, &connector.to);
    if connector.label.is_empty() {
        tr!("connector-describe", from = from, to = to)
    } else {
        tr!("connector-describe-labelled", from = from, to = to, label = connector.label.as_str())
    }
}

/// A card's short text or a frame's theme name.
pub fn end_name(board: &Board, end: &End) -> String {
    match end {
        End::Card(id) => {
            board.item(id).map_or_else(|| id.to_string(), |i| crate::model::one_line(&i.kind.summary(), 40))
        }
        End::Frame(id) => board.theme(id).map_or_else(|| id.to_string(), |t| t.name.clone()),
    }
}

/// The four handles on the edges of the one selected card; dragging one draws a
/// connector to the card or frame where it is let go.
pub fn handles_ui(ui: &Ui, view: &mut ViewState, item: &Item, card: Rect) {
    if card.width() < 24.0 || card.height() < 24.0 {
        return;
    }
    let offset = HANDLE_RADIUS + 4.0;
    let spots = [
        card.center_top() - vec2(0.0, offset),
        card.right_center() + vec2(offset, 0.0),
        card.center_bottom() + vec2(0.0, offset),
        card.left_center() - vec2(offset, 0.0),
    ];
    let painter = ui.painter_at(view.camera.canvas_rect);
    let label = tr!("connector-handle-label", item = item_label(item));
    for (n, spot) in spots.into_iter().enumerate() {
        let area = Rect::from_center_size(spot, Vec2::splat(HANDLE_RADIUS * 2.0 + 4.0));
        let response = ui.interact(area, Id::unique(("connect-handle", item.id.as_str(), n)), Sense::drag());
        response.widget_info(|| WidgetInfo::labeled(Role::Button, true, &label));
        let hot = response.hovered() || response.dragged();
        painter.circle(
            spot,
            if hot { HANDLE_RADIUS + 1.5 } else { HANDLE_RADIUS },
            if hot { style::SELECTION } else { Color32::WHITE },
            Stroke::new(1.5, style::SELECTION),
        );
        if hot {
            ui.ctx().set_cursor_icon(CursorIcon::Crosshair);
            response.clone().on_hover_text(tr!("connector-handle-help"));
        }
        if response.drag_started() {
            view.canvas.gesture = Gesture::Connect { from: End::Card(item.id.clone()), to: spot };
        }
        if response.dragged()
            && let Gesture::Connect { to, .. } = &mut view.canvas.gesture
            && let Some(p) = response.interact_pointer_pos()
        {
            *to = p;
        }
    }
}

/// The card (topmost) or else the frame under the screen point `p`.
pub fn end_at(board: &Board, view: &ViewState, p: Pos2) -> Option<End> {
    let in_board = view.camera.board_from_screen() * p;
    let card = board.items.iter().rev().find(|i| board_rect_of(i).contains(in_board) && view.shows(board, i));
    match card {
        Some(item) => Some(End::Card(item.id.clone())),
        None => board.themes.iter().find(|t| to_rect(t.frame).contains(in_board)).map(|t| End::Frame(t.id.clone())),
    }
}

/// While a connector is being drawn: its line to the pointer, and the card or frame it
/// would join lit; when let go over one, the new connector as an undo step.
pub fn drawing_ui(ui: &Ui, board: &Board, view: &mut ViewState, who: &str, actions: &mut Vec<Action>) {
    let Gesture::Connect { from, to } = &view.canvas.gesture else { return };
    let (from, to) = (from.clone(), *to);
    let painter = ui.painter_at(view.camera.canvas_rect);
    let target = end_at(board, view, to).filter(|t| t.id() != from.id());
    if let Some(rect) = board.end_rect(&from) {
        let start = view.camera.screen_from_board.mul_rect(to_rect(rect)).center();
        painter.line_segment([start, to], Stroke::new(2.0, style::SELECTION));
        arrow_head(&painter, start, to, 12.0, style::SELECTION);
    }
    if let Some(rect) = target.as_ref().and_then(|t| board.end_rect(t)) {
        let on_screen = view.camera.screen_from_board.mul_rect(to_rect(rect));
        painter.rect_stroke(on_screen.expand(3.0), 6.0, Stroke::new(2.5, style::SELECTION), StrokeKind::Outside);
    }
    let released = ui.input(|i| i.pointer.any_released() || !i.pointer.any_down());
    if released {
        view.canvas.gesture = Gesture::None;
        if let Some(target) = target {
            actions.extend(connect(board, from, target, who));
        }
    }
}

/// One undo step adding a connector from `from` to `to`, or the reason it cannot be.
pub fn connect(board: &Board, from: End, to: End, who: &str) -> Option<Action> {
    let connector = Connector::new(from, to, who, Timestamp::now());
    match connector.check(board) {
        Ok(()) => Some(Action::edit(Edit::InsertConnector(connector), tr!("step-connect"))),
        Err(e) => Some(Action::Error(crate::i18n::said(&e))),
    }
}

/// The connector between two selected cards, from the one read first (left to right,
/// then top to bottom) to the other: Connect's keyboard way.
pub fn connect_selected(board: &Board, view: &ViewState, who: &str) -> Option<Action> {
    let mut cards: Vec<&Item> = board.items.iter().filter(|i| view.canvas.selection.contains(&i.id)).collect();
    if cards.len() != 2 {
        return Some(Action::Error(tr!("connect-need-two")));
    }
    cards.sort_by(|a, b| a.pos.x.total_cmp(&b.pos.x).then(a.pos.y.total_cmp(&b.pos.y)));
    connect(board, End::Card(cards[0].id.clone()), End::Card(cards[1].id.clone()), who)
}

/// The inspector of the selected connector.
pub fn inspector_ui(ui: &mut Ui, board: &Board, connector: &Connector, actions: &mut Vec<Action>) {
    ui.heading(tr!("inspector-connector"));
    ui.label(tr!(
        "inspector-connector-ends",
        from = end_name(board, &connector.from),
        to = end_name(board, &connector.to)
    ));
    ui.add_space(6.0);
    let replace = |c: Connector, label: String| Action::edit(Edit::ReplaceConnector(c), label);
    if let Some(text) = committed_text(
        ui,
        ("connector-label", connector.id.as_str()),
        tr!("inspector-connector-label"),
        &connector.label,
        false,
        tr!("inspector-connector-label-hint"),
    ) {
        let label = clean_label(&text);
        if label != connector.label {
            actions.push(replace(Connector { label, ..connector.clone() }, tr!("step-connector-label")));
        }
    }
    ui.add_space(6.0);
    ui.label(tr!("inspector-connector-heads"));
    ui.horizontal_wrapped(|ui| {
        for heads in Heads::ALL {
            let response = ui.selectable_label(connector.heads == heads, heads_text(heads));
            if response.clicked() && connector.heads != heads {
                actions.push(replace(Connector { heads, ..connector.clone() }, tr!("step-connector-style")));
            }
        }
    });
    let mut dashed = connector.dashed;
    if ui.checkbox(&mut dashed, tr!("inspector-connector-dashed")).changed() {
        actions.push(replace(Connector { dashed, ..connector.clone() }, tr!("step-connector-style")));
    }
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        if ui.button(tr!("inspector-connector-reverse")).clicked() {
            let reversed = Connector { from: connector.to.clone(), to: connector.from.clone(), ..connector.clone() };
            actions.push(replace(reversed, tr!("step-connector-reverse")));
        }
        if ui.button(tr!("inspector-connector-delete")).clicked() {
            actions.push(delete(connector));
        }
    });
    if !connector.by.trim().is_empty() && !board.session.hides_contributors() {
        ui.add_space(6.0);
        ui.label(egui::RichText::new(tr!("inspector-connector-by", who = connector.by.as_str())).weak());
    }
}

/// The words for where a connector has heads.
pub fn heads_text(heads: Heads) -> String {
    match heads {
        Heads::End => tr!("connector-heads-end"),
        Heads::Both => tr!("connector-heads-both"),
        Heads::None => tr!("connector-heads-none"),
    }
}

/// One undo step taking the connector away.
pub fn delete(connector: &Connector) -> Action {
    let edit = Edit::RemoveConnector { id: connector.id.clone(), tombstone: None };
    Action::edit(edit, tr!("step-connector-delete"))
}
