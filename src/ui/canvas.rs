//! The infinite board: pan, zoom, theme frames, cards, selection, moving, resizing,
//! rubber-band selection and dropping cards into themes (a frame, the open canvas, or a
//! theme in the sidebar).

use std::collections::BTreeSet;

use egui::{
    Align2, Color32, CursorIcon, FontId, Id, Key, PointerButton, Pos2, Rect, Response, Role, Sense, Stroke, StrokeKind,
    TextEdit, Ui, Vec2, WidgetInfo, pos2, vec2,
};

use super::cards::item_label;
use super::cards::{Look, paint_card};
use super::view::{Gesture, ViewState, board_rect_of};
use super::{Action, Command, style};
use crate::media::ImageCache;
use crate::model::frames::{self, Drop};
use crate::model::{
    Board, BoardRect, Edit, Item, ItemChange, ItemId, ItemKind, Size, ThemeId, Timestamp, links, rules,
};
use crate::tr;

pub(super) fn id_for(item: &ItemId) -> Id {
    Id::unique(("canvas-item", item.as_str()))
}

/// Draws the canvas and handles its input.
/// `you` is the user's name, for their own dots.
pub fn canvas_ui(
    ui: &mut Ui,
    board: &Board,
    view: &mut ViewState,
    images: &mut ImageCache,
    you: &str,
    actions: &mut Vec<Action>,
) {
    let (rect, background) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
    background.widget_info(|| WidgetInfo::labeled(Role::Unknown, true, tr!("canvas-label")));
    if view.camera.canvas_rect.min != rect.min {
        // A panel opened or closed: keep the board still on screen.
        view.camera.pan(rect.min - view.camera.canvas_rect.min);
    }
    view.camera.canvas_rect = rect;
    if let Some(target) = view.camera.fit_request.take() {
        view.camera.fit(super::view::to_rect(target));
    }
    camera_input(ui, view, rect, &background);

    let painter = ui.painter_at(rect);
    paint_background(&painter, view, rect);

    let space_held = ui.input(|i| i.key_down(Key::Space));
    let moving: BTreeSet<ItemId> = match &view.canvas.gesture {
        Gesture::Move { ids, .. } => ids.iter().cloned().collect(),
        _ => BTreeSet::new(),
    };
    let moving_frame = match &view.canvas.gesture {
        Gesture::MoveFrame { theme, delta_in_board } => Some((theme.clone(), *delta_in_board)),
        _ => None,
    };
    let preview = |item: &Item, view: &ViewState| -> Rect {
        let mut r = board_rect_of(item);
        match &view.canvas.gesture {
            Gesture::Move { delta_in_board, .. } if moving.contains(&item.id) => r = r.translate(*delta_in_board),
            Gesture::Resize { id, size } if *id == item.id => r = Rect::from_min_size(r.min, vec2(size.w, size.h)),
            _ => {}
        }
        if let Some((theme, delta)) = &moving_frame
            && item.theme.as_ref() == Some(theme)
            && !board.fixed(item)
        {
            r = r.translate(*delta);
        }
        r
    };

    // Frames, under the cards; the one a dragged card would drop into lights up.
    let visible_in_board = view.camera.visible_board_rect().expand(64.0 / view.camera.zoom());
    let pointer = ui.input(|i| i.pointer.hover_pos()).filter(|p| rect.contains(*p));
    let drop_target = match (&view.canvas.gesture, pointer) {
        (Gesture::Move { .. }, Some(p)) => super::frames::target_at(board, view, p),
        _ => None,
    };
    let counts = view.derived(you).theme_counts(board);
    for theme in &board.themes {
        if super::frames::preview(theme, view).intersects(visible_in_board) {
            let count = counts.of(Some(&theme.id));
            super::frames::paint_frame(&painter, view, theme, count, drop_target.as_ref() == Some(&theme.id));
        }
    }
    for theme in &board.themes {
        if super::frames::preview(theme, view).intersects(visible_in_board) {
            super::frames::frame_input(ui, board, view, theme, actions);
        }
    }

    // Connectors, over the frames and under the cards, between their ends as they are
    // shown now (a card being dragged pulls its connectors along).
    let rect_of = |end: &crate::model::End| -> Option<Rect> {
        match end {
            crate::model::End::Card(id) => board.item(id).map(|i| preview(i, view)),
            crate::model::End::Frame(id) => {
                board.theme(id).filter(|t| t.frame.is_valid()).map(|t| super::frames::preview(t, view))
            }
        }
    };
    let still = matches!(view.canvas.gesture, Gesture::None | Gesture::Connect { .. } | Gesture::RubberBand { .. });
    let drawn = super::connectors::paint_connectors(&painter, board, view, visible_in_board, still, &rect_of);

    // Cards, bottom to top, the ones being dragged on top of all; only those on screen
    // are laid out and painted.
    let zoom = view.camera.zoom();
    let mut hovered_item = None;
    let order = board
        .items
        .iter()
        .filter(|i| !moving.contains(&i.id))
        .chain(board.items.iter().filter(|i| moving.contains(&i.id)));
    let judgments = view.derived(you).judgments(board);
    // While a screen reader listens, every card is a node, on screen or not.
    let listening = ui.ctx().accesskit_node_builder(background.id, |_| ()).is_some();
    for item in order {
        let in_board = preview(item, view);
        let seen = in_board.intersects(visible_in_board);
        // A card being dragged is never culled, even over a panel: its drag would end
        // unseen (dropping on a sidebar theme needs it); nor is the one with the keyboard.
        let keyboard = view.canvas.focus.as_ref() == Some(&item.id);
        if !seen && !moving.contains(&item.id) && !keyboard && !listening {
            continue;
        }
        let on_screen = view.camera.screen_from_board.mul_rect(in_board);
        let response = ui.interact(on_screen, id_for(&item.id), Sense::click_and_drag());
        let selected = view.canvas.selection.contains(&item.id);
        let highlighted = view.canvas.highlight.contains(&item.id);
        let judgment = judgments.get(&item.id).filter(|j| !j.is_empty());
        // The label is built only when something reads it (accessibility, tests).
        let face_down = board.face_down(item);
        // What marks a card that came in: where from, or, for changes a colleague saved
        // to the board's file, who brought it ("new from Bob").
        let badge = highlighted.then(|| new_badge(board, item, &view.canvas.highlight_label));
        if response.gained_focus() {
            super::keyboard::gained_keyboard(ui, board, view, &item.id);
        }
        let has_keyboard = super::keyboard::has_keyboard(ui, view, &item.id);
        let announce = view.canvas.announce.as_ref().filter(|_| has_keyboard);
        response.widget_info(|| {
            let mut label = if face_down { tr!("canvas-face-down") } else { item_label(item) };
            if let Some(frame) = announce {
                label = format!("{frame}: {label}");
            }
            if let Some(badge) = &badge {
                label = format!("{label}, {badge}");
            }
            if let Some(j) = &judgment {
                label = format!("{label}, {}", j.describe());
            }
            WidgetInfo::selected(Role::Button, true, selected, &label)
        });
        let editing = view.canvas.inline_edit.as_ref().is_some_and(|(id, _)| *id == item.id);
        let shown = view.shows(board, item);
        let look = Look { selected, dimmed: !shown, highlighted, editing, found: shown && view.searching(), face_down };
        if !seen && !moving.contains(&item.id) {
            // Off screen: a node for the screen reader, nothing to draw.
            item_input(ui, board, view, item, &response, space_held, actions);
            continue;
        }
        paint_card(&painter, item, on_screen, zoom, images, look);
        if has_keyboard {
            super::keyboard::paint_focus_ring(&painter, on_screen);
        }
        // Its marks, in a row of their own where the card has no words.
        let mut marks = Vec::new();
        if judgment.is_some_and(|j| j.unanswered) {
            marks.push(super::marks::Mark::Unanswered);
        }
        if let Some(j) = judgment.filter(|j| !j.tag.is_empty()) {
            marks.push(super::marks::Mark::Judgment(j.tag.clone()));
        }
        if let Some(badge) = &badge {
            marks.push(super::marks::Mark::Badge(badge.clone()));
        }
        if !marks.is_empty() {
            let width = |text: &str, size: f32| {
                painter.layout_no_wrap(text.to_owned(), FontId::proportional(size), Color32::BLACK).size().x
            };
            super::marks::paint(&painter, &super::marks::layout(on_screen, zoom, &marks, &width));
        }
        if response.hovered() {
            hovered_item = Some(item.id.clone());
        }
        item_input(ui, board, view, item, &response, space_held, actions);
        if let Some(url) = item.kind.behaviour().address() {
            link_button(ui, item, url, on_screen, zoom, actions);
        }
        if let Some(asset) = item.kind.picture()
            && images.animations.moves(asset) == Some(true)
        {
            pause_button(ui, item, asset, on_screen, zoom, &mut images.animations);
        }
    }

    super::keyboard::keyboard_ui(ui, board, view, actions);

    // Resize handles on top of the cards.
    let selected_items: Vec<&Item> =
        board.items.iter().filter(|i| view.canvas.selection.contains(&i.id) && !board.fixed(i)).collect();
    for item in selected_items {
        let on_screen = view.camera.screen_from_board.mul_rect(preview(item, view));
        if on_screen.intersects(rect) {
            resize_handle(ui, view, item, on_screen, actions);
        }
    }

    // The handles a connector is drawn from, on the one card chosen.
    let tool_out = view.canvas.pen.is_some() || view.canvas.picking || view.canvas.crop.is_some();
    if let [id] = view.canvas.selection.iter().collect::<Vec<_>>().as_slice()
        && let Some(item) = board.item(id)
        && !tool_out
        && view.canvas.inline_edit.is_none()
        && matches!(view.canvas.gesture, Gesture::None | Gesture::Connect { .. })
    {
        let on_screen = view.camera.screen_from_board.mul_rect(board_rect_of(item));
        if on_screen.intersects(rect) {
            super::connectors::handles_ui(ui, view, item, on_screen);
        }
    }
    super::connectors::drawing_ui(ui, board, view, you, actions);
    // Their nodes for a screen reader (and the tests), only when one is listening: two
    // thousand widgets a frame are not free.
    if listening {
        super::connectors::connector_nodes(ui, board, &drawn);
    }

    if let Some((id, _)) = &view.canvas.inline_edit
        && let Some(item) = board.item(id)
    {
        let on_screen = view.camera.screen_from_board.mul_rect(board_rect_of(item));
        inline_editor(ui, view, item, on_screen, actions);
    }
    if let Some(mut edit) = view.canvas.crop.take()
        && let Some(item) = board.item(&edit.id)
        && let ItemKind::Image(crate::model::kinds::Image { asset, .. }) = &item.kind
    {
        let on_screen = view.camera.screen_from_board.mul_rect(board_rect_of(item));
        let texture = images.get(asset, on_screen.width().max(on_screen.height()) * 2.0 * ui.ctx().pixels_per_point());
        if super::crop::crop_ui(ui, &mut edit, item, on_screen, Some(&texture), actions) {
            view.canvas.crop = Some(edit);
        }
    }

    if let Some(mut pen) = view.canvas.pen.take() {
        let (item, in_board) = match &pen.target {
            super::pen::Target::Item(id) => match board.item(id).filter(|i| !board.fixed(i)) {
                Some(item) => (Some(item), board_rect_of(item)),
                // Gone (its first stroke undone, deleted by someone else) or locked.
                None => (None, Rect::NOTHING),
            },
            super::pen::Target::New { pos, size } => {
                (None, Rect::from_min_size(pos2(pos.x, pos.y), vec2(size.w, size.h)))
            }
        };
        let on_screen = view.camera.screen_from_board.mul_rect(in_board);
        let here = in_board != Rect::NOTHING;
        if here && super::pen::pen_ui(ui, &mut pen, item, on_screen, actions) {
            view.canvas.pen = Some(pen);
        }
    }

    if view.canvas.picking && !super::picker::picker_ui(ui, board, view, images, rect, actions) {
        view.canvas.picking = false;
    }

    background_input(ui, board, view, &background, space_held, &drawn, actions);
    if let Gesture::RubberBand { start, now, .. } = view.canvas.gesture {
        let band = Rect::from_two_pos(start, now);
        painter.rect_filled(band, 0.0, style::SELECTION.gamma_multiply(0.12));
        painter.rect_stroke(band, 0.0, Stroke::new(1.0, style::SELECTION), StrokeKind::Inside);
    }

    if board.items.is_empty() {
        empty_board_hint(&painter, rect);
    }
    let hovering_files = ui.input(|i| !i.raw.hovered_files.is_empty());
    if hovering_files {
        painter.rect_filled(rect, 0.0, style::SELECTION.gamma_multiply(0.10));
        painter.rect_stroke(rect.shrink(6.0), 8.0, Stroke::new(3.0, style::SELECTION), StrokeKind::Inside);
        painter.text(
            rect.center(),
            Align2::CENTER_CENTER,
            tr!("canvas-drop-here"),
            FontId::proportional(24.0),
            style::canvas_text(painter.ctx().theme() == egui::Theme::Dark),
        );
    }
    if hovered_item.is_some() && !matches!(view.canvas.gesture, Gesture::Move { .. }) {
        ui.ctx().set_cursor_icon(CursorIcon::PointingHand);
    }
}

fn camera_input(ui: &Ui, view: &mut ViewState, rect: Rect, background: &Response) {
    if !ui.rect_contains_pointer(rect) {
        return;
    }
    let (zoom, scroll, pointer) = ui.input(|i| (i.zoom_delta(), i.smooth_scroll_delta(), i.pointer.hover_pos()));
    let anchor = pointer.unwrap_or(rect.center());
    if (zoom - 1.0).abs() > f32::EPSILON {
        view.camera.zoom_around(anchor, zoom);
    } else if scroll != Vec2::ZERO {
        view.camera.pan(scroll);
    }
    if background.dragged_by(PointerButton::Middle) {
        view.camera.pan(background.drag_delta());
    }
}

fn paint_background(painter: &egui::Painter, view: &ViewState, rect: Rect) {
    let dark = painter.ctx().theme() == egui::Theme::Dark;
    painter.rect_filled(rect, 0.0, style::canvas_bg(dark));
    let origin = view.camera.screen_from_board * Pos2::ZERO;
    super::grid::paint_grid(painter, rect, origin, style::GRID_SPACING * view.camera.zoom(), style::grid_dot(dark));
}

fn empty_board_hint(painter: &egui::Painter, rect: Rect) {
    let text = tr!("canvas-empty");
    let dark = painter.ctx().theme() == egui::Theme::Dark;
    painter.text(rect.center(), Align2::CENTER_CENTER, text, FontId::proportional(18.0), style::canvas_text(dark));
}

fn item_input(
    ui: &Ui,
    board: &Board,
    view: &mut ViewState,
    item: &Item,
    response: &Response,
    space_held: bool,
    actions: &mut Vec<Action>,
) {
    let modifiers = ui.input(|i| i.modifiers);
    let additive = modifiers.shift || modifiers.command;
    if response.dragged_by(PointerButton::Middle) || (space_held && response.dragged_by(PointerButton::Primary)) {
        view.camera.pan(response.drag_delta());
        return;
    }
    // Space and Enter on the card with the keyboard are its keys (see `keyboard`), not a
    // click that chooses it alone.
    let from_keys = response.has_focus() && ui.input(|i| i.key_pressed(Key::Space) || i.key_pressed(Key::Enter));
    if response.clicked() && !from_keys {
        commit_inline_edit(board, view, actions);
        view.canvas.highlight.clear();
        view.canvas.connector = None;
        if additive {
            if !view.canvas.selection.remove(&item.id) {
                view.canvas.selection.insert(item.id.clone());
            }
        } else {
            view.canvas.selection = BTreeSet::from([item.id.clone()]);
        }
    }
    if response.double_clicked() {
        start_editing(board, view, item);
    }
    if response.drag_started_by(PointerButton::Primary) {
        view.canvas.connector = None;
        if !view.canvas.selection.contains(&item.id) {
            if !additive {
                view.canvas.selection.clear();
            }
            view.canvas.selection.insert(item.id.clone());
        }
        let ids = movable_selection(board, view);
        if !ids.is_empty() {
            view.canvas.gesture = Gesture::Move { ids, delta_in_board: Vec2::ZERO };
        }
    }
    if response.dragged_by(PointerButton::Primary)
        && let Gesture::Move { delta_in_board, .. } = &mut view.canvas.gesture
    {
        *delta_in_board += response.drag_delta() / view.camera.screen_from_board.scaling;
    }
    if response.drag_stopped_by(PointerButton::Primary)
        && let Gesture::Move { ids, delta_in_board } = std::mem::replace(&mut view.canvas.gesture, Gesture::None)
    {
        let pointer = ui.input(|i| i.pointer.interact_pos()).or(response.interact_pointer_pos());
        let drop = match (view.canvas.sidebar_drop.take(), pointer) {
            (Some(theme), _) => Drop::Sidebar(theme),
            (None, Some(p)) if view.camera.canvas_rect.contains(p) => {
                super::frames::target_at(board, view, p).map_or(Drop::OpenCanvas, Drop::Frame)
            }
            _ => Drop::Nowhere,
        };
        if let Some(edit) = move_edit(board, &ids, delta_in_board, drop) {
            actions.push(edit.snapped_if(view.canvas.snap));
        }
    }
    response.context_menu(|ui| {
        if !view.canvas.selection.contains(&item.id) {
            view.canvas.selection = BTreeSet::from([item.id.clone()]);
        }
        item_menu(ui, board, view, item, actions);
    });
    // No card's tooltip over the picker's magnifier or the pen's paper.
    let tool_out = view.canvas.picking || view.canvas.pen.is_some();
    if !matches!(view.canvas.gesture, Gesture::Move { .. }) && !tool_out {
        let about = hover_text(board, item);
        response.clone().on_hover_text(about);
    }
}

/// The chosen cards that can move (not locked, not in a locked frame), in board order.
pub(super) fn movable_selection(board: &Board, view: &ViewState) -> Vec<ItemId> {
    board
        .items
        .iter()
        .filter(|i| view.canvas.selection.contains(&i.id) && !board.fixed(i))
        .map(|i| i.id.clone())
        .collect()
}

/// Edits `item` on its card, as a double-click (or Enter on the card with the keyboard)
/// asks: its text in place, the pen over a sketch, the crop over a picture.
pub(super) fn start_editing(board: &Board, view: &mut ViewState, item: &Item) {
    if board.fixed(item) || board.face_down(item) {
        return;
    }
    match item.kind.behaviour().edited_on_card() {
        Some(key) => {
            let text = item.kind.behaviour().field(key).unwrap_or_default().to_owned();
            view.canvas.inline_edit = Some((item.id.clone(), text));
        }
        // A sketch is drawn on; a picture has no text on its card: it is cropped
        // there (their captions are edited in the inspector).
        None => match super::pen::PenEdit::over(item) {
            Some(pen) => {
                super::pen::bring_into_view(&mut view.camera, BoardRect::from_pos_size(item.pos, item.size));
                view.canvas.pen = Some(pen);
            }
            None => view.canvas.crop = super::crop::CropEdit::new(item),
        },
    }
}

/// The mark of a card that came in: `label` (where it came from), or, without one, who
/// brought it, unless the facilitator hides who added what.
fn new_badge(board: &Board, item: &Item, label: &str) -> String {
    if !label.is_empty() {
        return label.to_owned();
    }
    let who = item.contributor.trim();
    if who.is_empty() || board.session.hides_contributors() {
        tr!("canvas-new")
    } else {
        tr!("app-new-from", from = who)
    }
}

/// One undo step for a finished move (see [`frames::move_cards`]); dropped into a locked
/// frame, the cards go back and the user is told why.
pub fn move_edit(board: &Board, ids: &[ItemId], delta: Vec2, drop: Drop) -> Option<Action> {
    if let Some(Some(t)) = drop.theme()
        && let Some(theme) = board.theme(t).filter(|t| t.locked)
    {
        return Some(Action::Error(crate::i18n::said(&rules::RuleError::FrameLocked(theme.name.clone()))));
    }
    let (edit, retheme) = frames::move_cards(board, ids, delta.x, delta.y, &drop, Timestamp::now())?;
    let count = ids.len();
    let label = match (drop.theme(), retheme) {
        (Some(Some(t)), n) if n > 0 => {
            tr!("step-move-into", things = things(count), theme = super::words::theme_name(board, Some(t)))
        }
        (Some(None), n) if n > 0 => tr!("step-move-out", things = things(count)),
        _ => tr!("step-move", things = things(count)),
    };
    Some(Action::edit(edit, label))
}

/// One undo step that puts the items `ids` into `theme` (`None`: unsorted), or `None`
/// when they are all there already (see [`rules::move_to_theme`]).
pub fn move_to_theme<'a>(
    board: &Board,
    ids: impl IntoIterator<Item = &'a ItemId>,
    theme: Option<ThemeId>,
) -> Option<Action> {
    let ids: Vec<&ItemId> = ids.into_iter().collect();
    let label =
        tr!("step-move-to", things = things(ids.len()), theme = super::words::theme_name(board, theme.as_ref()));
    match rules::move_to_theme(board, ids, theme.as_ref()) {
        Err(rules::RuleError::NothingToMove) => None,
        decided => Some(Action::rule(decided, label)),
    }
}

pub use super::words::things;

fn hover_text(board: &Board, item: &Item) -> String {
    let hidden = board.session.hides_contributors();
    let who = if hidden { tr!("card-someone-hidden") } else { nonempty(&item.contributor, tr!("card-someone")) };
    let source = nonempty(&item.source, tr!("card-no-source"));
    let mut lines = vec![tr!("card-added-by", who = who, source = source)];
    lines.push(tr!("card-times", created = item.created.to_short_string(), changed = item.modified.to_short_string()));
    if !item.tags.is_empty() {
        lines.push(item.tags.iter().map(|t| format!("#{t}")).collect::<Vec<_>>().join(" "));
    }
    if let Some(url) = item.kind.behaviour().address() {
        lines.push(url.to_owned());
    }
    lines.join("\n")
}

fn nonempty(s: &str, otherwise: String) -> String {
    if s.trim().is_empty() { otherwise } else { s.to_owned() }
}

fn item_menu(ui: &mut Ui, board: &Board, view: &ViewState, item: &Item, actions: &mut Vec<Action>) {
    let command = |ui: &mut Ui, actions: &mut Vec<Action>, c: Command| {
        if ui.button(c.text()).clicked() {
            actions.push(Action::Command(c));
            ui.close();
        }
    };
    if let Some(url) = item.kind.behaviour().address()
        && links::is_openable(url)
        && ui.button(tr!("card-open-link")).clicked()
    {
        actions.push(Action::OpenUrl(url.to_owned()));
        ui.close();
    }
    ui.menu_button(tr!("card-move-to-theme"), |ui| {
        let targets = board.themes.iter().map(|t| (Some(t.id.clone()), t.name.clone()));
        for (theme, name) in targets.chain(std::iter::once((None, tr!("theme-unsorted")))) {
            if ui.button(&name).clicked() {
                actions.extend(move_to_theme(board, &view.canvas.selection, theme));
                ui.close();
            }
        }
    });
    ui.separator();
    for c in [Command::Duplicate, Command::BringToFront, Command::SendToBack, Command::ToggleLock, Command::Delete] {
        command(ui, actions, c);
    }
}

/// The "↗ domain" line of a link card opens the link, if it is safe to open.
fn link_button(ui: &Ui, item: &Item, url: &str, card: Rect, zoom: f32, actions: &mut Vec<Action>) {
    if !links::is_openable(url) || zoom < 0.3 {
        return;
    }
    let pad = style::CARD_PADDING * zoom;
    let h = style::SMALL_FONT * zoom * 1.6;
    let area = Rect::from_min_max(
        pos2(card.min.x + pad, card.max.y - pad - h),
        pos2(card.max.x - pad, card.max.y - pad * 0.5),
    );
    let response = ui.interact(area, id_for(&item.id).with("open"), Sense::click());
    let label = tr!("card-open-link-label", url = url);
    response.widget_info(|| WidgetInfo::labeled(Role::Link, true, &label));
    if response.hovered() {
        ui.ctx().set_cursor_icon(CursorIcon::PointingHand);
    }
    if response.clicked() {
        actions.push(Action::OpenUrl(url.to_owned()));
    }
}

/// ⏸ in the top left corner of a moving picture (▶ once paused): it stays on its first
/// frame until played again. Shown while the pointer is over the card, or paused.
fn pause_button(
    ui: &Ui,
    item: &Item,
    asset: &crate::model::AssetName,
    card: Rect,
    zoom: f32,
    animations: &mut crate::media::animation::Animations,
) {
    if zoom < 0.2 || card.width() < 40.0 {
        return;
    }
    let paused = animations.is_paused(asset);
    let side = (22.0 * zoom).clamp(18.0, 28.0);
    let area = Rect::from_min_size(card.min + vec2(6.0, 6.0), Vec2::splat(side));
    let response = ui.interact(area, id_for(&item.id).with("pause"), Sense::click());
    let label = if paused { tr!("card-play-label") } else { tr!("card-pause-label") };
    response.widget_info(|| WidgetInfo::labeled(Role::Button, true, &label));
    let over_card = ui.input(|i| i.pointer.hover_pos()).is_some_and(|p| card.contains(p));
    if over_card || paused {
        let painter = ui.painter();
        painter.circle_filled(area.center(), side / 2.0, Color32::from_black_alpha(150));
        let icon = if paused { "▶" } else { "⏸" };
        painter.text(
            area.center(),
            egui::Align2::CENTER_CENTER,
            icon,
            egui::FontId::proportional(side * 0.55),
            Color32::WHITE,
        );
    }
    if response.hovered() {
        ui.ctx().set_cursor_icon(CursorIcon::PointingHand);
    }
    if response.clicked() {
        animations.set_paused(asset, !paused);
    }
}

fn resize_handle(ui: &Ui, view: &mut ViewState, item: &Item, card: Rect, actions: &mut Vec<Action>) {
    let handle = Rect::from_center_size(card.right_bottom(), Vec2::splat(style::RESIZE_HANDLE));
    let response = ui.interact(handle, id_for(&item.id).with("resize"), Sense::drag());
    let label = tr!("card-resize-label", item = item_label(item));
    response.widget_info(|| WidgetInfo::labeled(Role::Unknown, true, &label));
    let painter = ui.painter_at(view.camera.canvas_rect);
    painter.rect_filled(handle.shrink(1.0), 2.0, style::SELECTION);
    painter.rect_stroke(handle.shrink(1.0), 2.0, Stroke::new(1.0, Color32::WHITE), StrokeKind::Inside);
    if response.hovered() || response.dragged() {
        ui.ctx().set_cursor_icon(CursorIcon::ResizeNwSe);
    }
    if response.drag_started() {
        view.canvas.gesture = Gesture::Resize { id: item.id.clone(), size: item.size };
    }
    if response.dragged()
        && let Gesture::Resize { id, size } = &mut view.canvas.gesture
        && *id == item.id
    {
        let delta = response.drag_delta() / view.camera.screen_from_board.scaling;
        let w = (size.w + delta.x).max(40.0);
        *size = if item.kind.behaviour().keeps_shape() {
            Size::new(w, w * item.size.h / item.size.w)
        } else {
            Size::new(w, (size.h + delta.y).max(40.0))
        }
        .clamped();
    }
    if response.drag_stopped()
        && let Gesture::Resize { id, size } = std::mem::replace(&mut view.canvas.gesture, Gesture::None)
        && id == item.id
        && size != item.size
    {
        let edit = Edit::ChangeItem { id, change: ItemChange::Size(size), at: Timestamp::now() };
        actions.push(Action::edit(edit, tr!("step-resize")).snapped_if(view.canvas.snap));
    }
}

fn inline_editor(ui: &mut Ui, view: &mut ViewState, item: &Item, card: Rect, actions: &mut Vec<Action>) {
    let zoom = view.camera.zoom();
    let Some((_, text)) = &mut view.canvas.inline_edit else { return };
    // Exactly where, and as, the card draws this text (the card leaves it out meanwhile).
    let Some((area, size, colour, italics)) = super::cards::text_area(item, card, zoom) else {
        view.canvas.inline_edit = None;
        return;
    };
    let editor_id = id_for(&item.id).with("inline-edit");
    let font = FontId::proportional(size.max(1.0));
    // Laid out as the card lays it out: same font, colour, slant and wrap.
    let mut layouter = |ui: &Ui, text: &dyn egui::TextBuffer, wrap_width: f32| {
        let format = egui::TextFormat { font_id: font.clone(), color: colour, italics, ..Default::default() };
        let mut job = egui::text::LayoutJob::single_section(text.as_str().to_owned(), format);
        job.wrap.max_width = wrap_width;
        ui.fonts_mut(|f| f.layout_job(job))
    };
    let response = ui.put(
        area,
        TextEdit::multiline(text)
            .id(editor_id)
            .desired_width(area.width())
            .margin(egui::Margin::ZERO)
            .frame(egui::Frame::new())
            .layouter(&mut layouter),
    );
    let label = tr!("card-edit-inline-label");
    response.widget_info(|| WidgetInfo::labeled(Role::TextInput, true, &label));
    if !response.has_focus() && !response.lost_focus() {
        response.request_focus();
    }
    let (escape, commit_keys) =
        ui.input(|i| (i.key_pressed(Key::Escape), i.key_pressed(Key::Enter) && i.modifiers.command));
    if escape {
        view.canvas.inline_edit = None;
    } else if (commit_keys || response.lost_focus())
        && let Some((_, text)) = view.canvas.inline_edit.take()
    {
        push_text_change(item, text, actions);
    }
}

/// Ends inline editing, keeping what was typed.
pub fn commit_inline_edit(board: &Board, view: &mut ViewState, actions: &mut Vec<Action>) {
    if let Some((id, text)) = view.canvas.inline_edit.take()
        && let Some(item) = board.item(&id)
    {
        push_text_change(item, text, actions);
    }
}

/// What was typed on the card, as one undo step changing the field its kind edits there.
fn push_text_change(item: &Item, text: String, actions: &mut Vec<Action>) {
    let Some(key) = item.kind.behaviour().edited_on_card() else { return };
    match item.kind.edited(key, &text) {
        Ok(kind) if kind != item.kind => {
            actions.push(Action::edit(Edit::change_kind(item, kind, Timestamp::now()), tr!("step-edit-text")));
        }
        Ok(_) => {}
        Err(e) => actions.push(Action::Error(crate::i18n::said(&e))),
    }
}

fn background_input(
    ui: &Ui,
    board: &Board,
    view: &mut ViewState,
    background: &Response,
    space_held: bool,
    drawn: &super::connectors::Painted,
    actions: &mut Vec<Action>,
) {
    // Which connector a click or double-click lands on, looked for only then.
    let on_connector = (background.clicked() || background.double_clicked())
        .then(|| background.interact_pointer_pos().and_then(|p| super::connectors::connector_at(board, drawn, p)))
        .flatten();
    if background.clicked() {
        commit_inline_edit(board, view, actions);
        if on_connector.is_some() || !ui.input(|i| i.modifiers.shift || i.modifiers.command) {
            view.canvas.selection.clear();
        }
        view.canvas.connector = on_connector.clone();
        view.canvas.highlight.clear();
    }
    // A double-click on a connector writes its label: the inspector's field takes the keys.
    if background.double_clicked()
        && let Some(id) = on_connector
    {
        view.canvas.selection.clear();
        view.canvas.connector = Some(id);
        view.panels.inspector = true;
        super::connectors::ask_for_label(ui.ctx());
    }
    if space_held && background.dragged_by(PointerButton::Primary) {
        view.camera.pan(background.drag_delta());
        return;
    }
    if background.drag_started_by(PointerButton::Primary)
        && let Some(start) = background.interact_pointer_pos()
    {
        let additive = ui.input(|i| i.modifiers.shift || i.modifiers.command);
        view.canvas.gesture = Gesture::RubberBand { start, now: start, additive };
    }
    if background.dragged_by(PointerButton::Primary)
        && let (Gesture::RubberBand { now, .. }, Some(p)) =
            (&mut view.canvas.gesture, background.interact_pointer_pos())
    {
        *now = p;
    }
    if background.drag_stopped_by(PointerButton::Primary)
        && let Gesture::RubberBand { start, now, additive } = std::mem::replace(&mut view.canvas.gesture, Gesture::None)
    {
        let band = view.camera.board_from_screen().mul_rect(Rect::from_two_pos(start, now));
        if !additive {
            view.canvas.selection.clear();
        }
        for item in &board.items {
            if board_rect_of(item).intersects(band) && view.shows(board, item) {
                view.canvas.selection.insert(item.id.clone());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Pos, Theme};

    fn board_with_two_themes() -> (Board, ThemeId, ThemeId, ItemId) {
        let now = Timestamp::now();
        let mut board = Board::new("t", now);
        let a = board.new_theme("A", now);
        let (ta, tb) = (a.id.clone(), ThemeId::new_random());
        board.themes.push(a);
        let b = Theme { id: tb.clone(), name: "B".into(), rank: 5, ..board.new_theme("B", now) };
        board.themes.push(b);
        let mut in_a = Item::new(ItemKind::note("a"), Pos::new(0.0, 0.0), "me", "own team", now);
        in_a.theme = Some(ta.clone());
        let mut in_b = Item::new(ItemKind::note("b"), Pos::new(1000.0, 0.0), "me", "own team", now);
        in_b.theme = Some(tb.clone());
        let id = in_a.id.clone();
        board.items.extend([in_a, in_b]);
        (board, ta, tb, id)
    }

    fn applied(board: &Board, action: Option<Action>) -> (Board, String) {
        let Some(Action::Edit { edit, label }) = action else { panic!("a move gives an edit") };
        let mut after = board.clone();
        edit.apply(&mut after).unwrap();
        (after, label)
    }

    #[test]
    fn dropping_into_another_frame_assigns_its_theme() {
        let (board, _, tb, id) = board_with_two_themes();
        let (after, label) =
            applied(&board, move_edit(&board, std::slice::from_ref(&id), vec2(1000.0, 0.0), Drop::Frame(tb.clone())));
        assert_eq!(label, "Move 1 item into “B”");
        assert_eq!(after.item(&id).unwrap().theme, Some(tb));
        assert_eq!(after.item(&id).unwrap().pos, Pos::new(1000.0, 0.0));
    }

    #[test]
    fn dropping_on_the_open_canvas_unsorts() {
        let (board, _, _, id) = board_with_two_themes();
        let (after, label) =
            applied(&board, move_edit(&board, std::slice::from_ref(&id), vec2(0.0, 3000.0), Drop::OpenCanvas));
        assert_eq!(label, "Move 1 item out of its theme");
        assert_eq!(after.item(&id).unwrap().theme, None);
        assert_eq!(after.item(&id).unwrap().pos, Pos::new(0.0, 3000.0));
    }

    #[test]
    fn dropping_on_a_sidebar_theme_assigns_it_and_leaves_the_place_to_the_frame() {
        let (board, _, tb, id) = board_with_two_themes();
        let (after, _) =
            applied(&board, move_edit(&board, std::slice::from_ref(&id), vec2(40.0, 900.0), Drop::Sidebar(tb.clone())));
        assert_eq!(after.item(&id).unwrap().theme, Some(tb));
        assert_eq!(after.item(&id).unwrap().pos, Pos::new(0.0, 0.0), "the frame rules move it in");
    }
}
