//! Drawing a sketch on the canvas: the pen over a sketch card (double-click one, or
//! Add → Sketch for a new one, which appears with its first stroke). Each stroke, and
//! each sweep of the eraser, is one edit and so one undo step; Ctrl+Z takes back the
//! last while the pen is still out. Esc, Enter or Done puts the pen away.

use crate::tr;
use egui::{
    Align2, Color32, CursorIcon, Event, FontId, Id, Key, Pos2, Rect, Role, Sense, Stroke, StrokeKind, Ui, WidgetInfo,
    pos2, vec2,
};

use super::{Action, style};
use crate::model::kinds::{INKS, MAX_POINTS_PER_STROKE, Sketch, Stroke as InkStroke, WIDTHS};
use crate::model::{Edit, Item, ItemChange, ItemId, ItemKind, Pos, Rgb, Size, Timestamp};

/// What the pen draws with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tool {
    Pen,
    /// Takes away every stroke it passes over.
    Eraser,
}

/// Which sketch the pen draws on.
#[derive(Clone, Debug, PartialEq)]
pub enum Target {
    /// A sketch on the board.
    Item(ItemId),
    /// A sketch not on the board yet: its first stroke adds it here, this size.
    New { pos: Pos, size: Size },
}

/// The pen, out over a sketch.
#[derive(Clone, Debug, PartialEq)]
pub struct PenEdit {
    pub target: Target,
    pub tool: Tool,
    /// Which of [`INKS`] and [`WIDTHS`].
    pub ink: usize,
    pub width: usize,
    /// The stroke under way, in the sketch's units.
    stroke: Vec<[f32; 3]>,
    /// Whether the stroke under way carries a pen's pressure.
    pressure: bool,
    /// Where the eraser went in this sweep, in the sketch's units.
    erased: Vec<Pos>,
}

impl PenEdit {
    pub fn new(target: Target) -> Self {
        Self { target, tool: Tool::Pen, ink: 0, width: 1, stroke: Vec::new(), pressure: false, erased: Vec::new() }
    }

    /// The pen over `item`, if it is a sketch.
    pub fn over(item: &Item) -> Option<Self> {
        matches!(item.kind, ItemKind::Sketch(_)).then(|| Self::new(Target::Item(item.id.clone())))
    }
}

/// Makes `paper` (on the board) large enough on screen to draw on, and in view: the
/// camera fits it with room around when it is small or beyond the edge of the view.
pub fn bring_into_view(camera: &mut super::camera::Camera, paper: crate::model::BoardRect) {
    let in_board = super::view::to_rect(paper);
    let on_screen = camera.screen_from_board.mul_rect(in_board);
    if on_screen.width() < 360.0 || !camera.canvas_rect.contains_rect(on_screen) {
        let room = in_board.expand2(vec2(in_board.width(), in_board.height()) * 0.25);
        camera.fit_request = Some(super::view::from_rect(room));
    }
}

/// The edit that puts `stroke` on top of `item`'s sketch.
pub fn stroke_edit(item: &Item, sketch: &Sketch, stroke: InkStroke) -> Edit {
    let kind = ItemKind::Sketch(sketch.with_stroke(stroke));
    Edit::ChangeItem { id: item.id.clone(), change: ItemChange::Kind(kind), at: Timestamp::now() }
}

/// Draws the pen over `card` (screen space): the paper, the tools, the stroke under way;
/// takes the pointer there. `item` is the sketch (`None` while [`Target::New`]). Returns
/// whether the pen is still out.
pub fn pen_ui(ui: &mut Ui, edit: &mut PenEdit, item: Option<&Item>, card: Rect, actions: &mut Vec<Action>) -> bool {
    let empty = Sketch::default();
    let sketch = match item.map(|i| &i.kind) {
        Some(ItemKind::Sketch(s)) => s,
        Some(_) => return false,
        None => &empty,
    };
    let painter = ui.painter().clone();
    if item.is_none() {
        painter.rect_filled(card, style::CARD_ROUNDING, style::SKETCH_BG);
    }
    painter.rect_stroke(card, style::CARD_ROUNDING, Stroke::new(2.0, style::SELECTION), StrokeKind::Outside);
    // Screen pixels per unit of the sketch.
    let scale = card.width() / sketch.area.w.max(1.0);
    let to_sketch = |p: Pos2| {
        let d = (p - card.min) / scale;
        [d.x.clamp(0.0, sketch.area.w), d.y.clamp(0.0, sketch.area.h)]
    };

    let id = Id::unique("pen");
    let paper = ui.interact(card, id.with("paper"), Sense::drag());
    paper.widget_info(|| WidgetInfo::labeled(Role::Canvas, true, tr!("pen-area")));
    if paper.hovered() || paper.dragged() {
        ui.ctx().set_cursor_icon(if edit.tool == Tool::Pen { CursorIcon::Crosshair } else { CursorIcon::Cell });
    }
    let force = ui.input(|i| {
        i.events.iter().rev().find_map(|e| match e {
            Event::Touch { force, .. } => *force,
            _ => None,
        })
    });
    if paper.drag_started() {
        edit.stroke.clear();
        edit.erased.clear();
        edit.pressure = force.is_some();
    }
    if let Some(at) = paper.interact_pointer_pos().filter(|_| paper.dragged() || paper.drag_started()) {
        let [x, y] = to_sketch(at);
        match edit.tool {
            Tool::Pen => {
                // A point at least a pixel and a half from the last: no more than the eye sees.
                let far = edit.stroke.last().is_none_or(|l| (l[0] - x).hypot(l[1] - y) * scale >= 1.5);
                if far && edit.stroke.len() < MAX_POINTS_PER_STROKE {
                    let p = force.map_or(0.5, |f| f.clamp(0.0, 1.0));
                    edit.stroke.push([(x * 10.0).round() / 10.0, (y * 10.0).round() / 10.0, p]);
                }
            }
            Tool::Eraser => edit.erased.push(Pos::new(x, y)),
        }
    }
    // The stroke under way, as a line of its width (it is smoothed once it is done).
    let ink = Rgb::parse_hex(INKS[edit.ink]).map_or(Color32::BLACK, |c| Color32::from_rgb(c.0, c.1, c.2));
    if edit.tool == Tool::Pen && !edit.stroke.is_empty() {
        let points: Vec<Pos2> = edit.stroke.iter().map(|p| card.min + vec2(p[0], p[1]) * scale).collect();
        let width = WIDTHS[edit.width] * scale;
        if let [only] = points.as_slice() {
            painter.circle_filled(*only, width / 2.0, ink);
        } else {
            painter.add(egui::Shape::line(points, Stroke::new(width, ink)));
        }
    }
    let reach = 8.0 / scale;
    if edit.tool == Tool::Eraser
        && let Some(at) = paper.hover_pos().or(paper.interact_pointer_pos())
    {
        painter.circle_stroke(at, reach * scale, Stroke::new(1.5, style::SELECTION));
    }
    if paper.drag_stopped() {
        match edit.tool {
            Tool::Pen if !edit.stroke.is_empty() => finish_stroke(edit, item, sketch, actions),
            Tool::Eraser if !edit.erased.is_empty() => {
                let kept: Vec<InkStroke> = sketch
                    .strokes
                    .iter()
                    .filter(|s| !edit.erased.iter().any(|at| s.touches(*at, reach)))
                    .cloned()
                    .collect();
                let gone = sketch.strokes.len() - kept.len();
                if let Some(item) = item
                    && gone > 0
                {
                    let kind = ItemKind::Sketch(Sketch { strokes: kept, ..sketch.clone() });
                    let change =
                        Edit::ChangeItem { id: item.id.clone(), change: ItemChange::Kind(kind), at: Timestamp::now() };
                    actions.push(Action::edit(change, tr!("step-erase-strokes", count = gone)));
                }
            }
            _ => {}
        }
        edit.stroke.clear();
        edit.erased.clear();
    }
    if item.is_none() && edit.stroke.is_empty() {
        painter.text(
            card.center(),
            Align2::CENTER_CENTER,
            tr!("pen-start"),
            FontId::proportional(16.0),
            style::ATTRIBUTION,
        );
    }
    tools_ui(ui, edit, card)
}

/// Puts the stroke under way on the sketch (or adds the sketch with it).
fn finish_stroke(edit: &mut PenEdit, item: Option<&Item>, sketch: &Sketch, actions: &mut Vec<Action>) {
    let stroke = InkStroke {
        colour: INKS[edit.ink].to_owned(),
        width: WIDTHS[edit.width],
        pressure: edit.pressure,
        points: std::mem::take(&mut edit.stroke),
    };
    if !sketch.has_room_for(stroke.points.len()) {
        actions.push(Action::Error(tr!("pen-full")));
        return;
    }
    match (&edit.target, item) {
        (Target::Item(_), Some(item)) => {
            actions.push(Action::edit(stroke_edit(item, sketch, stroke), tr!("step-draw-stroke")))
        }
        (Target::New { pos, size }, _) => {
            actions.push(Action::AddAt { kind: ItemKind::sketch(vec![stroke]), pos: *pos, size: *size })
        }
        _ => {}
    }
}

/// The pen's tools, under the paper: inks, widths, pen or eraser, Done. Returns whether
/// the pen stays out.
fn tools_ui(ui: &mut Ui, edit: &mut PenEdit, card: Rect) -> bool {
    let mut open = true;
    let bar = Rect::from_min_size(pos2(card.min.x, card.max.y + 10.0), vec2(card.width().max(460.0), 30.0));
    let frame = egui::Frame::popup(ui.style());
    ui.scope_builder(egui::UiBuilder::new().max_rect(bar), |ui| {
        frame.show(ui, |ui| {
            ui.horizontal(|ui| {
                for (n, hex) in INKS.iter().enumerate() {
                    let colour = Rgb::parse_hex(hex).map_or(Color32::BLACK, |c| Color32::from_rgb(c.0, c.1, c.2));
                    let (rect, response) = ui.allocate_exact_size(vec2(20.0, 20.0), Sense::click());
                    let chosen = edit.ink == n && edit.tool == Tool::Pen;
                    ui.painter().circle_filled(rect.center(), 8.0, colour);
                    // A rim, so the darkest ink shows on a dark bar too.
                    ui.painter().circle_stroke(rect.center(), 8.0, Stroke::new(1.0, Color32::from_gray(150)));
                    if chosen {
                        ui.painter().circle_stroke(rect.center(), 10.0, Stroke::new(2.0, style::SELECTION));
                    }
                    let label = tr!("pen-ink", n = n + 1, hex = *hex);
                    response.widget_info(|| WidgetInfo::selected(Role::RadioButton, true, chosen, &label));
                    if response.on_hover_text(hex.to_string()).clicked() {
                        edit.ink = n;
                        edit.tool = Tool::Pen;
                    }
                }
                ui.separator();
                for (n, id) in ["pen-thin", "pen-medium", "pen-thick"].into_iter().enumerate() {
                    let (rect, response) = ui.allocate_exact_size(vec2(22.0, 20.0), Sense::click());
                    let chosen = edit.width == n;
                    ui.painter().circle_filled(rect.center(), 2.0 + n as f32 * 2.5, ui.visuals().text_color());
                    if chosen {
                        ui.painter().rect_stroke(rect, 4.0, Stroke::new(1.5, style::SELECTION), StrokeKind::Inside);
                    }
                    let label = tr!(id);
                    response.widget_info(|| WidgetInfo::selected(Role::RadioButton, true, chosen, &label));
                    if response.on_hover_text(tr!(id)).clicked() {
                        edit.width = n;
                    }
                }
                ui.separator();
                if ui.selectable_label(edit.tool == Tool::Pen, tr!("pen-pen")).clicked() {
                    edit.tool = Tool::Pen;
                }
                if ui.selectable_label(edit.tool == Tool::Eraser, tr!("pen-eraser")).clicked() {
                    edit.tool = Tool::Eraser;
                }
                ui.separator();
                if ui.button(tr!("pen-done")).on_hover_text(tr!("pen-done-help")).clicked()
                    || ui.input(|i| i.key_pressed(Key::Escape) || i.key_pressed(Key::Enter))
                {
                    open = false;
                }
            });
        });
    });
    open
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stroke_is_one_edit_that_undoes() {
        let sketch = Sketch::default();
        let item = Item::new(ItemKind::Sketch(sketch.clone()), Pos::new(0.0, 0.0), "Ann", "own team", Timestamp::now());
        let mut board = crate::model::Board::new("b", Timestamp::now());
        board.items.push(item.clone());
        let before = board.clone();
        let stroke = InkStroke { colour: INKS[2].into(), width: 3.0, pressure: false, points: vec![[1.0, 2.0, 0.5]] };
        let undo = stroke_edit(&item, &sketch, stroke.clone()).apply(&mut board).unwrap();
        let ItemKind::Sketch(drawn) = &board.items[0].kind else { panic!() };
        assert_eq!(drawn.strokes, vec![stroke]);
        undo.apply(&mut board).unwrap();
        assert_eq!(board, before);
    }
}
