//! The others on a live board, drawn over the canvas: each person's pointer with their
//! name and the cards they selected, in their colour; and, while following someone, a
//! border in their colour with a bar that says whom and how to stop. Clicking a name
//! follows that person. Only draws and returns actions.

use egui::{Color32, FontId, Id, Pos2, Rect, Sense, Shape, Stroke, StrokeKind, Ui, WidgetInfo, pos2, vec2};

use super::camera::Camera;
use super::view::board_rect_of;
use super::{Action, style};
use crate::live::presence::Person;
use crate::model::{Board, ItemId};
use crate::tr;

/// Draws `people` over the canvas; `following` is the id of the person followed.
pub fn presence_ui(
    ui: &mut Ui,
    camera: &Camera,
    board: &Board,
    people: &[Person],
    following: Option<&str>,
    actions: &mut Vec<Action>,
) {
    let canvas = camera.canvas_rect;
    let painter = ui.painter_at(canvas);
    for person in people {
        let colour = style::person(person.colour);
        // Their selection: an outline round each card, outside our own selection's.
        for id in &person.presence.selection {
            let Some(item) = ItemId::parse(id).ok().and_then(|id| board.item(&id)) else { continue };
            let on_screen = camera.screen_from_board.mul_rect(board_rect_of(item)).expand(4.0);
            if on_screen.intersects(canvas) {
                painter.rect_stroke(
                    on_screen,
                    style::CARD_ROUNDING + 2.0,
                    Stroke::new(2.5, colour),
                    StrokeKind::Outside,
                );
            }
        }
        let Some([x, y]) = person.presence.pointer else { continue };
        let at = camera.screen_from_board * pos2(x, y);
        if !canvas.contains(at) {
            continue;
        }
        paint_pointer(&painter, at, colour);
        let tag = paint_name(&painter, at + vec2(12.0, 18.0), &person.name, person.colour);
        let response = ui.interact(tag, Id::unique(("presence-pointer", person.who.as_str())), Sense::click());
        response.widget_info(|| {
            WidgetInfo::labeled(egui::Role::Button, true, tr!("live-pointer", name = person.name.as_str()))
        });
        let response = response.on_hover_text(tr!("live-follow-help", name = person.name.as_str()));
        if response.clicked() {
            actions.push(Action::Follow(person.who.clone()));
        }
        if response.hovered() {
            ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
        }
    }
    if let Some(who) = following
        && let Some(person) = people.iter().find(|p| p.who == who)
    {
        following_ui(ui, canvas, person, actions);
    }
}

/// An arrow pointing up and left at `at`, in the person's colour with a white edge.
fn paint_pointer(painter: &egui::Painter, at: Pos2, colour: Color32) {
    let points = vec![at, at + vec2(0.0, 17.0), at + vec2(4.5, 13.0), at + vec2(11.5, 12.5)];
    painter.add(Shape::convex_polygon(points, colour, Stroke::new(1.5, Color32::WHITE)));
}

/// The person's name on their colour, its top left at `min`; returns where it went.
fn paint_name(painter: &egui::Painter, min: Pos2, name: &str, colour: usize) -> Rect {
    let galley = painter.layout_no_wrap(name.to_owned(), FontId::proportional(12.0), style::on_person(colour));
    let rect = Rect::from_min_size(min, galley.size() + vec2(12.0, 6.0));
    painter.rect_filled(rect, 5.0, style::person(colour));
    painter.galley(rect.min + vec2(6.0, 3.0), galley, style::on_person(colour));
    rect
}

/// While following: a border round the canvas in their colour and a bar at its top
/// (on the canvas, under any window).
fn following_ui(ui: &mut Ui, canvas: Rect, person: &Person, actions: &mut Vec<Action>) {
    let colour = style::person(person.colour);
    ui.painter_at(canvas).rect_stroke(canvas.shrink(1.5), 0.0, Stroke::new(3.0, colour), StrokeKind::Inside);
    let text = tr!("live-following", name = person.name.as_str());
    let stop = tr!("live-stop-following");
    // The bar's width, known before it is drawn, to put it in the middle.
    let (body, spacing) = (egui::TextStyle::Body.resolve(ui.style()), ui.spacing().clone());
    let width = |s: &str| ui.fonts_mut(|f| f.layout_no_wrap(s.to_owned(), body.clone(), Color32::WHITE).size().x);
    let inner = width(&text) + spacing.item_spacing.x + width(&stop) + 2.0 * spacing.button_padding.x;
    let margin = vec2(10.0, 5.0);
    let size = vec2(inner + 2.0 * margin.x + 4.0, 40.0);
    let bar = Rect::from_min_size(canvas.center_top() + vec2(-size.x / 2.0, 8.0), size);
    ui.scope_builder(egui::UiBuilder::new().max_rect(bar), |ui| {
        egui::Frame::new().fill(colour).corner_radius(6.0).inner_margin(margin).show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(egui::RichText::new(text).color(style::on_person(person.colour)).strong());
                if ui.button(stop).clicked() {
                    actions.push(Action::StopFollowing);
                }
            });
        });
    });
}
