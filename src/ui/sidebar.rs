//! The themes sidebar: every theme with its colour and item count. Clicking one shows
//! only its items; each can be renamed, recoloured, moved up or down and deleted
//! (deleting a theme never deletes its items: they become unsorted).

use crate::tr;
use egui::{Color32, Key, RichText, Sense, TextEdit, Ui, vec2};

use super::view::{Gesture, ThemeFilter, ViewState};
use super::{Action, Command, style};
use crate::model::{Board, Edit, THEME_PALETTE, Theme, Timestamp, rules};

/// Draws the sidebar.
pub fn sidebar_ui(ui: &mut Ui, board: &Board, view: &mut ViewState, who: &str, actions: &mut Vec<Action>) {
    view.canvas.sidebar_drop = None;
    ui.add_space(6.0);
    ui.heading(tr!("sidebar-themes"));
    ui.add_space(4.0);
    let all = board.items.len();
    let counts = view.derived(who).theme_counts(board);
    if ui.selectable_label(view.find.filter == ThemeFilter::All, tr!("sidebar-all", count = all)).clicked() {
        view.find.filter = ThemeFilter::All;
    }
    ui.separator();
    egui::ScrollArea::vertical().auto_shrink([false, true]).max_height(ui.available_height() - 80.0).show(ui, |ui| {
        for (index, theme) in board.themes.iter().enumerate() {
            let count = counts.of(Some(&theme.id));
            theme_row(ui, board, view, (index, count), theme, who, actions);
        }
        if board.themes.is_empty() {
            ui.label(RichText::new(tr!("sidebar-none")).weak());
        }
    });
    ui.separator();
    let unsorted = counts.of(None);
    if ui
        .selectable_label(view.find.filter == ThemeFilter::Unsorted, format!("{} ({unsorted})", tr!("theme-unsorted")))
        .clicked()
    {
        view.find.filter =
            if view.find.filter == ThemeFilter::Unsorted { ThemeFilter::All } else { ThemeFilter::Unsorted };
    }
    ui.add_space(6.0);
    if ui.button(format!("➕ {}", tr!("sidebar-add-theme"))).on_hover_text(Command::AddTheme.help()).clicked() {
        actions.push(Action::Command(Command::AddTheme));
    }
}

fn theme_row(
    ui: &mut Ui,
    board: &Board,
    view: &mut ViewState,
    (index, count): (usize, usize),
    theme: &Theme,
    who: &str,
    actions: &mut Vec<Action>,
) {
    let row = ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(vec2(14.0, 14.0), Sense::hover());
        ui.painter().rect_filled(rect, 3.0, style::hex_colour(&theme.colour));
        let renaming = view.panels.renaming_theme.as_ref().is_some_and(|(id, _)| *id == theme.id);
        if renaming {
            rename_field(ui, board, view, theme, actions);
        } else {
            let filtered = view.find.filter == ThemeFilter::Theme(theme.id.clone());
            let mark = if theme.locked { "🔒 " } else { "" };
            let label = ui.selectable_label(filtered, format!("{mark}{} ({count})", theme.name));
            let label = if theme.description.is_empty() { label } else { label.on_hover_text(&theme.description) };
            let label = if theme.locked { label.on_hover_text(tr!("frame-locked-hint")) } else { label };
            if label.clicked() {
                view.find.filter = if filtered { ThemeFilter::All } else { ThemeFilter::Theme(theme.id.clone()) };
            }
            if label.double_clicked() && !theme.locked {
                view.panels.renaming_theme = Some((theme.id.clone(), theme.name.clone()));
            }
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let menu = egui::containers::menu::MenuButton::new("…");
            let (response, _) = menu.ui(ui, |ui| theme_menu(ui, board, view, (index, count), theme, who, actions));
            response.widget_info(|| {
                egui::WidgetInfo::labeled(
                    egui::Role::Button,
                    true,
                    tr!("sidebar-theme-options", theme = theme.name.as_str()),
                )
            });
        });
    });
    // Cards dragged from the canvas over this row go into this theme when let go.
    let over = ui.input(|i| i.pointer.latest_pos()).is_some_and(|p| row.response.rect.contains(p));
    if matches!(view.canvas.gesture, Gesture::Move { .. }) && over {
        view.canvas.sidebar_drop = Some(theme.id.clone());
        let colour = style::hex_colour(&theme.colour);
        ui.painter().rect_stroke(
            row.response.rect.expand(2.0),
            4.0,
            egui::Stroke::new(2.0, colour),
            egui::StrokeKind::Outside,
        );
    }
}

fn rename_field(ui: &mut Ui, board: &Board, view: &mut ViewState, theme: &Theme, actions: &mut Vec<Action>) {
    let Some((_, text)) = &mut view.panels.renaming_theme else { return };
    let output = TextEdit::singleline(text).desired_width(140.0).hint_text(tr!("sidebar-theme-name")).show(ui);
    let response = output.response;
    let label = tr!("sidebar-rename-label", theme = theme.name.as_str());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, &label));
    if !response.has_focus() && !response.lost_focus() {
        response.request_focus();
        // The name comes selected: what is typed replaces it ("New theme" is not kept
        // in front of the name the user meant), as in a file manager's rename.
        let mut state = output.state;
        state.cursor.set_char_range(Some(egui::text::CCursorRange::select_all_str(text)));
        state.store(ui.ctx(), response.id);
    }
    if ui.input(|i| i.key_pressed(Key::Escape)) {
        view.panels.renaming_theme = None;
    } else if response.lost_focus()
        && let Some((id, name)) = view.panels.renaming_theme.take()
    {
        let name = name.trim().to_owned();
        if !name.is_empty() && name != theme.name && board.theme(&id).is_some_and(|t| !t.locked) {
            let renamed = Theme { name: name.clone(), modified: Timestamp::now(), ..theme.clone() };
            actions.push(Action::edit(Edit::ReplaceTheme(renamed), tr!("step-rename-theme", theme = name.as_str())));
        }
    }
}

fn theme_menu(
    ui: &mut Ui,
    board: &Board,
    view: &mut ViewState,
    (index, count): (usize, usize),
    theme: &Theme,
    who: &str,
    actions: &mut Vec<Action>,
) {
    let (text, toggle) = super::frames::lock_toggle(theme);
    if ui.button(text).on_hover_text(tr!("frame-locked-hint")).clicked() {
        actions.push(toggle);
        ui.close();
    }
    let free = !theme.locked;
    if ui.add_enabled(free, egui::Button::new(tr!("sidebar-rename"))).clicked() {
        view.panels.renaming_theme = Some((theme.id.clone(), theme.name.clone()));
        ui.close();
    }
    ui.label(tr!("sidebar-colour"));
    ui.add_enabled_ui(free, |ui| {
        ui.horizontal_wrapped(|ui| {
            for hex in THEME_PALETTE {
                let colour = style::hex_colour(hex);
                let selected = theme.colour.eq_ignore_ascii_case(hex);
                let button = egui::Button::new(RichText::new(if selected { "✔" } else { " " }).color(Color32::BLACK))
                    .fill(colour)
                    .min_size(vec2(22.0, 22.0));
                let response = ui.add(button);
                response.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::Button, true, tr!("sidebar-colour-label", hex = hex))
                });
                if response.clicked() && !selected {
                    let recoloured = Theme { colour: hex.to_owned(), modified: Timestamp::now(), ..theme.clone() };
                    actions.push(Action::edit(
                        Edit::ReplaceTheme(recoloured),
                        tr!("step-recolour-theme", theme = theme.name.as_str()),
                    ));
                    ui.close();
                }
            }
        })
    });
    ui.separator();
    if ui.add_enabled(index > 0, egui::Button::new(tr!("sidebar-move-up"))).clicked() {
        let label = tr!("step-theme-up", theme = theme.name.as_str());
        actions.push(Action::rule(rules::move_theme(board, &theme.id, index - 1), label));
        ui.close();
    }
    if ui.add_enabled(index + 1 < board.themes.len(), egui::Button::new(tr!("sidebar-move-down"))).clicked() {
        let label = tr!("step-theme-down", theme = theme.name.as_str());
        actions.push(Action::rule(rules::move_theme(board, &theme.id, index + 1), label));
        ui.close();
    }
    ui.separator();
    let delete = ui.add_enabled(free, egui::Button::new(tr!("sidebar-delete-theme"))).on_hover_text(if count == 0 {
        tr!("sidebar-delete-help-empty")
    } else {
        tr!("sidebar-delete-help", things = super::canvas::things(count))
    });
    if delete.clicked() {
        let edit = Edit::delete_theme(board, &theme.id, Timestamp::now(), who);
        actions.push(Action::edit(edit, tr!("step-delete-theme", theme = theme.name.as_str())));
        ui.close();
    }
}
