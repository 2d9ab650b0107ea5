//! Connectors on the canvas: drawn between their ends wherever those are (during a drag
//! too), chosen with a click on the line or its label, drawn from the handles on a
//! selected card's edges, and set in the inspector (label, heads, dashed, reverse,
//! delete). The rules are the model's (`model/connector.rs`).

use std::sync::Arc;

use egui::{
    Color32, CursorIcon, FontId, Id, Pos2, Rect, Role, Sense, Shape, Stroke, StrokeKind, Ui, Vec2, WidgetInfo, pos2,
    vec2,
};

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
/// The most dashes drawn on one dashed line.
const MAX_DASHES: usize = 12;
/// Below this size (screen points) a label is not written.
const SMALLEST_LABEL: f32 = 7.0;

/// Where a connector is on screen: its place in the board's list and its line.
#[derive(Clone, Copy, Debug)]
pub struct Drawn {
    pub index: usize,
    pub from: Pos2,
    pub to: Pos2,
}

/// What the canvas drew of the connectors this frame, for picking and for a screen
/// reader: the lines, and the plates of the labels written.
#[derive(Clone, Debug, Default)]
pub struct Painted {
    pub lines: Arc<Vec<Drawn>>,
    /// (index in the board's list, the label's plate).
    pub labels: Vec<(usize, Rect)>,
}

/// What decides the connectors' mesh: the board's version, the zoom, which connector is
/// chosen and the look. While none of it changes (a frame for a hover, a moving picture,
/// a colleague's pointer, a pan that stays within the part of the board the mesh was
/// made for), the mesh of an earlier frame is drawn again, moved with the view.
#[derive(Clone, Debug, PartialEq)]
struct Key {
    version: super::derived::BoardVersion,
    scaling: f32,
    selected: Option<ConnectorId>,
    dark: bool,
}

/// The connectors' mesh and lines, kept in egui's memory between frames.
#[derive(Clone)]
struct Cached {
    key: Key,
    /// The part of the board (units) the mesh holds every connector of.
    covers: Rect,
    /// The camera's translation it was made at.
    at: Vec2,
    mesh: Arc<egui::Mesh>,
    lines: Arc<Vec<Drawn>>,
    /// (index, start, end, chosen) of the connectors with a label.
    labelled: Arc<Vec<(usize, Pos2, Pos2, bool)>>,
}

/// The ink of connectors on the canvas.
fn ink(dark: bool) -> Color32 {
    if dark { Color32::from_gray(200) } else { Color32::from_rgb(70, 74, 82) }
}

/// Draws every connector whose line crosses `visible` (board units), its ends where
/// `rect_of` says they are now (a card being dragged is where it is being dragged).
/// Returns what was drawn, for picking. `still`: nothing moves the cards or frames this
/// frame (no drag or resize), so last frame's mesh may be drawn again.
pub fn paint_connectors(
    painter: &egui::Painter,
    board: &Board,
    view: &ViewState,
    visible: Rect,
    still: bool,
    rect_of: &dyn Fn(&End) -> Option<Rect>,
) -> Painted {
    let dark = painter.ctx().theme() == egui::Theme::Dark;
    let zoom = view.camera.zoom();
    let t = view.camera.screen_from_board;
    let key = Key { version: view.board_version, scaling: t.scaling, selected: view.canvas.connector.clone(), dark };
    let memory = Id::unique("moodboard-connectors-mesh");
    let kept = painter.ctx().data(|d| d.get_temp::<Cached>(memory));
    let kept = kept.filter(|c| still && c.key == key && c.covers.contains_rect(visible));
    let (cached, moved) = match kept {
        Some(cached) => {
            let moved = t.translation - cached.at;
            (cached, moved)
        }
        None => {
            // Made for the view and half a view round it, so that a pan reuses it.
            let covers = visible.expand2(visible.size() * 0.5);
            let cached = build(board, view, covers, rect_of, key, dark);
            if still {
                painter.ctx().data_mut(|d| d.insert_temp(memory, cached.clone()));
            }
            (cached, Vec2::ZERO)
        }
    };
    if moved == Vec2::ZERO {
        painter.add(Shape::mesh(cached.mesh.clone()));
    } else {
        let mut mesh = (*cached.mesh).clone();
        mesh.translate(moved);
        painter.add(Shape::mesh(mesh));
    }
    let lines = if moved == Vec2::ZERO {
        cached.lines.clone()
    } else {
        Arc::new(cached.lines.iter().map(|d| Drawn { from: d.from + moved, to: d.to + moved, ..*d }).collect())
    };
    let mut labels = Vec::new();
    for &(index, s, e, selected) in cached.labelled.iter() {
        let (s, e) = (s + moved, e + moved);
        let Some(connector) = board.connectors.as_slice().get(index) else { continue };
        if let Some(plate) = label_rect(painter, connector, s, e, zoom, dark, selected) {
            labels.push((index, plate));
        }
    }
    Painted { lines, labels }
}

/// Works out the connectors' mesh: every line and head in one mesh (two thousand
/// connectors as shapes of their own cost egui a tessellation each).
fn build(
    board: &Board,
    view: &ViewState,
    visible: Rect,
    rect_of: &dyn Fn(&End) -> Option<Rect>,
    key: Key,
    dark: bool,
) -> Cached {
    let zoom = view.camera.zoom();
    let to_screen = view.camera.screen_from_board;
    let width = (2.0 * zoom).clamp(1.5, 4.0);
    let readable = style::SMALL_FONT * zoom >= SMALLEST_LABEL;
    let mut lines = Vec::new();
    let mut labelled = Vec::new();
    let mut mesh = egui::Mesh::default();
    // Every connector whose ends are shown (a connector to itself has no route): the same
    // as `Board::shown_connectors`, without looking its ends up twice.
    for (index, connector) in board.connectors.iter().enumerate() {
        let (Some(a), Some(b)) = (rect_of(&connector.from), rect_of(&connector.to)) else { continue };
        let Some((start, end)) = crate::model::connector::route(super::view::from_rect(a), super::view::from_rect(b))
        else {
            continue;
        };
        let (start, end) = (pos2(start.x, start.y), pos2(end.x, end.y));
        if !Rect::from_two_pos(start, end).expand(40.0).intersects(visible) {
            continue;
        }
        let selected = key.selected.as_ref() == Some(&connector.id);
        let colour = if selected { style::SELECTION } else { ink(dark) };
        let line_width = if selected { width + 1.0 } else { width };
        let (s, e) = (to_screen * start, to_screen * end);
        let head = (10.0 * zoom).clamp(5.0, 16.0);
        // The line stops where a head starts, so its end does not poke through the tip.
        let dir = (e - s).normalized();
        let line_end = if connector.heads == Heads::None { e } else { e - dir * head * 0.8 };
        let line_start = if connector.heads == Heads::Both { s + dir * head * 0.8 } else { s };
        if connector.dashed {
            // At most so many dashes a line: zoomed out, a long dashed line would be
            // hundreds of pieces, and reads as dashed with fewer, longer ones.
            let length = (line_end - line_start).length();
            let dash = (8.0 * zoom).clamp(3.0, 12.0).max(length / (MAX_DASHES as f32 * 1.75));
            let mut at = 0.0;
            while at < length {
                let to = (at + dash).min(length);
                dash_quad(&mut mesh, line_start + dir * at, line_start + dir * to, line_width, colour);
                at += dash * 1.75;
            }
        } else {
            line_quad(&mut mesh, line_start, line_end, line_width, colour);
        }
        match connector.heads {
            Heads::None => {}
            Heads::End => arrow_head(&mut mesh, s, e, head, colour),
            Heads::Both => {
                arrow_head(&mut mesh, s, e, head, colour);
                arrow_head(&mut mesh, e, s, head, colour);
            }
        }
        if readable && !connector.label.is_empty() {
            labelled.push((index, s, e, selected));
        }
        lines.push(Drawn { index, from: s, to: e });
    }
    Cached {
        key,
        covers: visible,
        at: to_screen.translation,
        mesh: Arc::new(mesh),
        lines: Arc::new(lines),
        labelled: Arc::new(labelled),
    }
}

/// A line from `a` to `b`, `width` wide, with a feathered edge (as egui draws lines).
fn line_quad(mesh: &mut egui::Mesh, a: Pos2, b: Pos2, width: f32, colour: Color32) {
    let d = b - a;
    let length = d.length();
    if !length.is_finite() || length < 0.01 {
        return;
    }
    let n = vec2(-d.y, d.x) / length;
    let (inner, outer) = (n * (width * 0.5 - 0.5).max(0.0), n * (width * 0.5 + 0.5));
    let clear = Color32::TRANSPARENT;
    let base = mesh.vertices.len() as u32;
    for p in [a, b] {
        mesh.colored_vertex(p - outer, clear);
        mesh.colored_vertex(p - inner, colour);
        mesh.colored_vertex(p + inner, colour);
        mesh.colored_vertex(p + outer, clear);
    }
    for k in 0..3 {
        let (i, j) = (base + k, base + 4 + k);
        mesh.add_triangle(i, i + 1, j);
        mesh.add_triangle(i + 1, j + 1, j);
    }
}

/// A dash: a plain quad (its ends are its own edges; no feather, a quarter the
/// vertices of a feathered line).
fn dash_quad(mesh: &mut egui::Mesh, a: Pos2, b: Pos2, width: f32, colour: Color32) {
    let d = b - a;
    let length = d.length();
    if !length.is_finite() || length < 0.01 {
        return;
    }
    let n = vec2(-d.y, d.x) / length * (width * 0.5);
    let base = mesh.vertices.len() as u32;
    for p in [a - n, a + n, b + n, b - n] {
        mesh.colored_vertex(p, colour);
    }
    mesh.add_triangle(base, base + 1, base + 2);
    mesh.add_triangle(base, base + 2, base + 3);
}

/// An arrow head at `tip`, pointing away from `from`, into the connectors' mesh.
fn arrow_head(mesh: &mut egui::Mesh, from: Pos2, tip: Pos2, size: f32, colour: Color32) {
    let dir = (tip - from).normalized();
    if !dir.x.is_finite() {
        return;
    }
    let side = vec2(-dir.y, dir.x) * size * 0.45;
    let back = tip - dir * size;
    let base = mesh.vertices.len() as u32;
    for p in [tip, back + side, back - side] {
        mesh.colored_vertex(p, colour);
    }
    mesh.add_triangle(base, base + 1, base + 2);
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
pub fn connector_at(board: &Board, painted: &Painted, p: Pos2) -> Option<ConnectorId> {
    let id = |index: usize| board.connectors.as_slice().get(index).map(|c| c.id.clone());
    if let Some((index, _)) = painted.labels.iter().rev().find(|(_, plate)| plate.contains(p)) {
        return id(*index);
    }
    let to = |q: Pos2| Pos::new(q.x, q.y);
    painted
        .lines
        .iter()
        .map(|d| (distance_to_segment(to(p), to(d.from), to(d.to)), d))
        .filter(|(distance, _)| *distance <= PICK_DISTANCE)
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .and_then(|(_, d)| id(d.index))
}

/// Accessible nodes for the connectors drawn (so a screen reader and the tests find them),
/// at their label or the middle of their line.
pub fn connector_nodes(ui: &Ui, board: &Board, painted: &Painted) {
    for d in painted.lines.iter() {
        let Some(connector) = board.connectors.as_slice().get(d.index) else { continue };
        let middle = d.from + (d.to - d.from) / 2.0;
        let plate = painted.labels.iter().find(|(index, _)| *index == d.index).map(|(_, plate)| *plate);
        let area = plate.unwrap_or(Rect::from_center_size(middle, Vec2::splat(2.0 * PICK_DISTANCE)));
        let response = ui.interact(area, Id::unique(("connector", connector.id.as_str())), Sense::hover());
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
    // Named by their edge, not by the card (whose name is the card's own node's).
    let labels = ["connector-handle-top", "connector-handle-right", "connector-handle-bottom", "connector-handle-left"];
    for (n, spot) in spots.into_iter().enumerate() {
        let label = crate::i18n::tr(labels[n]);
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
        let mut head = egui::Mesh::default();
        arrow_head(&mut head, start, to, 12.0, style::SELECTION);
        painter.add(Shape::mesh(head));
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
    let salt = ("connector-label", connector.id.as_str());
    if ui.ctx().data_mut(|d| d.remove_temp::<bool>(label_wanted())).unwrap_or(false) {
        // The field `committed_text` makes under this salt.
        let field = ui.make_persistent_id(salt).with("field");
        ui.memory_mut(|m| m.request_focus(field));
    }
    if let Some(text) = committed_text(
        ui,
        salt,
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

/// Where the canvas leaves word that the chosen connector's label is to be written.
fn label_wanted() -> Id {
    Id::unique("moodboard-connector-label-wanted")
}

/// Asks the inspector to put the keyboard in the chosen connector's label (a double-click
/// on the connector).
pub fn ask_for_label(ctx: &egui::Context) {
    ctx.data_mut(|d| d.insert_temp(label_wanted(), true));
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
