//! Cropping a picture on its card, without touching the file: double-click an image,
//! drag the corners (or the middle) of the bright rectangle, then Enter or Apply. The
//! crop is stored on the item as a part of the picture; Reset shows all of it again.

use crate::tr;
use egui::{Color32, CursorIcon, Id, Key, Rect, Role, Sense, Stroke, StrokeKind, Ui, Vec2, WidgetInfo, pos2, vec2};

use super::{Action, style};
use crate::media::TextureState;
use crate::model::{Crop, Edit, Item, ItemChange, ItemKind, Size, Timestamp};

/// A crop being made.
#[derive(Clone, Debug, PartialEq)]
pub struct CropEdit {
    pub id: crate::model::ItemId,
    /// The part kept so far, as fractions of the picture.
    pub crop: Crop,
}

impl CropEdit {
    pub fn new(item: &Item) -> Option<Self> {
        let ItemKind::Image(crate::model::kinds::Image { crop, .. }) = &item.kind else { return None };
        Some(Self { id: item.id.clone(), crop: crop.unwrap_or(Crop { x: 0.0, y: 0.0, w: 1.0, h: 1.0 }) })
    }
}

/// The edit that gives `item` the crop `crop`: the card keeps its width and takes the
/// shape of the part kept. `None` when nothing changes.
pub fn crop_edit(item: &Item, crop: Crop) -> Option<Edit> {
    let ItemKind::Image(image) = &item.kind else {
        return None;
    };
    let (pixel_size, turn) = (&image.pixel_size, &image.turn);
    let new = (!crop.is_whole()).then_some(crop).filter(|c| c.is_valid());
    if new == image.crop {
        return None;
    }
    let kind = ItemKind::Image(crate::model::kinds::Image { crop: new, ..image.clone() });
    let c = new.unwrap_or(Crop { x: 0.0, y: 0.0, w: 1.0, h: 1.0 });
    let aspect = (pixel_size.h.max(1) as f32 * c.h) / (pixel_size.w.max(1) as f32 * c.w);
    // A picture on its side shows the crop's height across.
    let aspect = if turn.sideways() { 1.0 / aspect } else { aspect };
    let size = Size::new(item.size.w, item.size.w * aspect).clamped();
    let now = Timestamp::now();
    Some(Edit::Batch(vec![
        Edit::ChangeItem { id: item.id.clone(), change: ItemChange::Kind(kind), at: now },
        Edit::ChangeItem { id: item.id.clone(), change: ItemChange::Size(size), at: now },
    ]))
}

/// Draws the crop editor over `card` (screen space) and handles its input. Returns
/// whether the edit is still open.
pub fn crop_ui(
    ui: &mut Ui,
    edit: &mut CropEdit,
    item: &Item,
    card: Rect,
    texture: Option<&TextureState>,
    actions: &mut Vec<Action>,
) -> bool {
    let Some(TextureState::Ready { texture, .. }) = texture else {
        ui.painter().text(
            card.center(),
            egui::Align2::CENTER_CENTER,
            tr!("crop-loading"),
            egui::FontId::proportional(14.0),
            Color32::WHITE,
        );
        return !ui.input(|i| i.key_pressed(Key::Escape));
    };
    // The whole picture, contained in a box as big as the card (or the card's height
    // for a tall crop), centred on the card.
    let [tw, th] = texture.size().map(|v| v as f32);
    let room = card.expand(card.width().max(card.height()) * 0.25);
    let scale = (room.width() / tw).min(room.height() / th);
    let whole = Rect::from_center_size(card.center(), vec2(tw, th) * scale);
    let painter = ui.painter();
    painter.rect_filled(whole.expand(6.0), 6.0, Color32::from_black_alpha(200));
    painter.image(texture.id(), whole, Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0)), Color32::from_gray(90));
    let to_screen = |c: Crop| {
        Rect::from_min_size(
            whole.min + vec2(c.x * whole.width(), c.y * whole.height()),
            vec2(c.w * whole.width(), c.h * whole.height()),
        )
    };
    let kept = to_screen(edit.crop);
    painter.image(
        texture.id(),
        kept,
        Rect::from_min_size(pos2(edit.crop.x, edit.crop.y), vec2(edit.crop.w, edit.crop.h)),
        Color32::WHITE,
    );
    painter.rect_stroke(kept, 0.0, Stroke::new(2.0, style::SELECTION), StrokeKind::Outside);

    let id = Id::unique(("crop", item.id.as_str()));
    let to_fraction = |d: Vec2| vec2(d.x / whole.width(), d.y / whole.height());
    // The middle moves the crop, each corner resizes it.
    let middle = ui.interact(kept.shrink(10.0), id.with("move"), Sense::drag());
    middle.widget_info(|| WidgetInfo::labeled(Role::Unknown, true, tr!("crop-move")));
    if middle.hovered() || middle.dragged() {
        ui.ctx().set_cursor_icon(CursorIcon::Move);
    }
    if middle.dragged() {
        let d = to_fraction(middle.drag_delta());
        let c = &mut edit.crop;
        c.x = (c.x + d.x).clamp(0.0, 1.0 - c.w);
        c.y = (c.y + d.y).clamp(0.0, 1.0 - c.h);
    }
    for (n, corner) in
        [kept.left_top(), kept.right_top(), kept.left_bottom(), kept.right_bottom()].into_iter().enumerate()
    {
        let handle = Rect::from_center_size(corner, Vec2::splat(14.0));
        let response = ui.interact(handle, id.with(("corner", n)), Sense::drag());
        let label = tr!("crop-corner", n = n + 1);
        response.widget_info(|| WidgetInfo::labeled(Role::Unknown, true, &label));
        painter.rect_filled(handle.shrink(2.0), 2.0, style::SELECTION);
        if response.hovered() || response.dragged() {
            ui.ctx().set_cursor_icon(CursorIcon::Crosshair);
        }
        if response.dragged() {
            let d = to_fraction(response.drag_delta());
            drag_corner(&mut edit.crop, n, d);
        }
    }
    // The buttons, under the picture.
    let mut open = true;
    let bar = Rect::from_min_size(pos2(whole.min.x, whole.max.y + 10.0), vec2(whole.width().max(260.0), 28.0));
    ui.scope_builder(egui::UiBuilder::new().max_rect(bar), |ui| {
        ui.horizontal(|ui| {
            let apply = ui.button(tr!("crop-apply")).on_hover_text(tr!("capture-enter"));
            if apply.clicked() || ui.input(|i| i.key_pressed(Key::Enter)) {
                if let Some(e) = crop_edit(item, edit.crop) {
                    actions.push(Action::edit(e, tr!("step-crop")));
                }
                open = false;
            }
            if ui.button(tr!("crop-reset")).on_hover_text(tr!("crop-reset-help")).clicked() {
                edit.crop = Crop { x: 0.0, y: 0.0, w: 1.0, h: 1.0 };
            }
            if ui.button(tr!("button-cancel")).on_hover_text(tr!("button-esc")).clicked()
                || ui.input(|i| i.key_pressed(Key::Escape))
            {
                open = false;
            }
        });
    });
    open
}

/// Moves corner `n` (0 top-left, 1 top-right, 2 bottom-left, 3 bottom-right) by `d`,
/// keeping the crop inside the picture and at least [`Crop::MIN`] on each side.
fn drag_corner(c: &mut Crop, n: usize, d: Vec2) {
    let (mut left, mut top, mut right, mut bottom) = (c.x, c.y, c.x + c.w, c.y + c.h);
    // Only one edge of each pair moves; the other holds, so the ranges are never empty.
    if n == 0 || n == 2 {
        left = (left + d.x).clamp(0.0, (right - Crop::MIN).max(0.0));
    } else {
        right = (right + d.x).clamp((left + Crop::MIN).min(1.0), 1.0);
    }
    if n < 2 {
        top = (top + d.y).clamp(0.0, (bottom - Crop::MIN).max(0.0));
    } else {
        bottom = (bottom + d.y).clamp((top + Crop::MIN).min(1.0), 1.0);
    }
    *c = Crop { x: left, y: top, w: right - left, h: bottom - top };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AssetName, PixelSize, Pos};

    fn picture() -> Item {
        let kind = ItemKind::Image(crate::model::kinds::Image {
            asset: AssetName::parse(&format!("{}.png", "ab".repeat(16))).unwrap(),
            file_name: "p.png".into(),
            pixel_size: PixelSize { w: 400, h: 200 },
            caption: String::new(),
            crop: None,
            turn: Default::default(),
            url: String::new(),
        });
        let mut item = Item::new(kind, Pos::new(0.0, 0.0), "me", "own team", Timestamp::now());
        item.size = Size::new(300.0, 150.0);
        item
    }

    #[test]
    fn a_crop_keeps_the_width_takes_the_shape_and_undoes() {
        let item = picture();
        let mut board = crate::model::Board::new("b", Timestamp::now());
        board.items.push(item.clone());
        let before = board.clone();
        // The left half: 200 × 200 pixels, square.
        let edit = crop_edit(&item, Crop { x: 0.0, y: 0.0, w: 0.5, h: 1.0 }).unwrap();
        let undo = edit.apply(&mut board).unwrap();
        let cropped = board.item(&item.id).unwrap();
        assert_eq!(cropped.size, Size::new(300.0, 300.0));
        assert!(
            matches!(&cropped.kind, ItemKind::Image(crate::model::kinds::Image { crop: Some(c), .. }) if c.w == 0.5)
        );
        assert!(crop_edit(cropped, Crop { x: 0.0, y: 0.0, w: 0.5, h: 1.0 }).is_none(), "no change, no edit");
        undo.apply(&mut board).unwrap();
        assert_eq!(board, before);
        assert!(crop_edit(&item, Crop { x: 0.0, y: 0.0, w: 1.0, h: 1.0 }).is_none(), "the whole picture is no crop");
    }

    #[test]
    fn corners_keep_the_crop_inside_the_picture() {
        let mut c = Crop { x: 0.1, y: 0.1, w: 0.5, h: 0.5 };
        drag_corner(&mut c, 0, vec2(-1.0, -1.0));
        assert_eq!((c.x, c.y), (0.0, 0.0));
        drag_corner(&mut c, 3, vec2(5.0, 5.0));
        assert!(c.is_valid() && c.is_whole(), "{c:?}");
        drag_corner(&mut c, 3, vec2(-2.0, -2.0));
        assert!(c.is_valid() && c.w >= Crop::MIN && c.h >= Crop::MIN, "{c:?}");
    }
}
