//! Windows that ask or tell something: the keyboard shortcuts, the problems found in a
//! board that was opened, and the question before closing with unsaved changes.

use egui::{Grid, Modal, RichText, ScrollArea, Window};

use super::Command;
use super::commands::Menu;
use crate::storage::Problem;
use strum::IntoEnumIterator as _;

/// A shortcut as people read it on this platform: "Ctrl+Shift+Z", "Ctrl+]", "Ctrl+=",
/// not key names ("Ctrl+CloseBracket"); symbols on macOS ("⌘]").
pub fn shortcut_text(ctx: &egui::Context, shortcut: &egui::KeyboardShortcut) -> String {
    shortcut_words(shortcut, ctx.os().is_mac())
}

/// [`shortcut_text`] for a given platform.
pub fn shortcut_words(shortcut: &egui::KeyboardShortcut, is_mac: bool) -> String {
    let names = if is_mac { egui::ModifierNames::SYMBOLS } else { egui::ModifierNames::NAMES };
    let mut text = names.format(&shortcut.modifiers, is_mac);
    if !text.is_empty() {
        text += names.concat;
    }
    text += match shortcut.logical_key {
        egui::Key::Minus => "-",
        egui::Key::Quote => "'",
        key => key.symbol_or_name(),
    };
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::{Key, KeyboardShortcut, Modifiers};

    #[test]
    fn shortcuts_read_as_people_write_them() {
        let words = |m, k| shortcut_words(&KeyboardShortcut::new(m, k), false);
        assert_eq!(words(Modifiers::COMMAND, Key::CloseBracket), "Ctrl+]");
        assert_eq!(words(Modifiers::COMMAND, Key::Equals), "Ctrl+=");
        assert_eq!(words(Modifiers::COMMAND, Key::Minus), "Ctrl+-");
        assert_eq!(words(Modifiers::COMMAND, Key::Quote), "Ctrl+'");
        assert_eq!(words(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z), "Ctrl+Shift+Z");
        assert_eq!(words(Modifiers::NONE, Key::F6), "F6");
        assert_eq!(words(Modifiers::NONE, Key::Delete), "Delete");
        assert_eq!(shortcut_words(&KeyboardShortcut::new(Modifiers::COMMAND, Key::S), true), "⌘S");
    }
}

/// The list of every command and its keys.
pub fn shortcuts_ui(ctx: &egui::Context, open: &mut bool) {
    Window::new("Keyboard shortcuts").open(open).resizable(false).collapsible(false).show(ctx, |ui| {
        ScrollArea::vertical().max_height(520.0).show(ui, |ui| {
            for menu in Menu::iter() {
                ui.label(RichText::new(menu.title()).strong());
                Grid::new(("shortcuts", menu.title())).num_columns(2).striped(true).show(ui, |ui| {
                    for command in Command::iter().filter(|c| c.menu() == menu) {
                        let keys: Vec<String> = command
                            .shortcut()
                            .iter()
                            .chain(command.alternative_shortcuts())
                            .map(|s| shortcut_text(ctx, s))
                            .collect();
                        ui.label(command.text().trim_end_matches('…'));
                        ui.label(RichText::new(keys.join("  or  ")).monospace());
                        ui.end_row();
                    }
                });
                ui.add_space(6.0);
            }
            ui.label(RichText::new("On the canvas").strong());
            Grid::new("shortcuts-canvas").num_columns(2).striped(true).show(ui, |ui| {
                for (what, keys) in [
                    ("Pan", "Middle-drag, Space+drag or scroll"),
                    ("Zoom around the pointer", "Ctrl+scroll or pinch"),
                    ("Select more", "Shift+click or Ctrl+click"),
                    ("Select an area", "Drag on empty space"),
                    ("Edit text in place", "Double-click a card"),
                    ("Finish editing text", "Ctrl+Enter or click elsewhere"),
                ] {
                    ui.label(what);
                    ui.label(RichText::new(keys).monospace());
                    ui.end_row();
                }
            });
        });
    });
}

/// The problems found (and repaired in memory) when the board was opened.
pub fn problems_ui(ctx: &egui::Context, board_name: &str, problems: &[Problem], open: &mut bool) {
    Window::new(format!("Problems in “{board_name}”")).open(open).default_width(520.0).show(ctx, |ui| {
        ui.label("The board opened, but these parts needed attention. Nothing was changed on disk; the board is saved with the repairs only once you change something.");
        ui.separator();
        ScrollArea::vertical().max_height(360.0).show(ui, |ui| {
            for problem in problems {
                ui.label(problem.to_string());
            }
        });
    });
}

/// What the user chose when asked about unsaved changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CloseChoice {
    /// Save, then continue closing (or opening another board).
    Save,
    /// Continue without saving.
    Discard,
    Cancel,
}

/// Asks what to do with unsaved changes; `None` while the user has not chosen.
pub fn unsaved_ui(ctx: &egui::Context, board_name: &str, failure: Option<&str>) -> Option<CloseChoice> {
    let mut choice = None;
    let modal = Modal::new(egui::Id::unique("unsaved-changes")).show(ctx, |ui| {
        ui.set_width(440.0);
        ui.heading("Unsaved changes");
        ui.label(format!("“{board_name}” has changes that are not saved yet."));
        if let Some(failure) = failure {
            ui.colored_label(super::style::error_text(ui.visuals()), format!("The last save failed: {failure}"));
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Save").clicked() {
                choice = Some(CloseChoice::Save);
            }
            if ui.button("Don't save").clicked() {
                choice = Some(CloseChoice::Discard);
            }
            if ui.button("Cancel").clicked() {
                choice = Some(CloseChoice::Cancel);
            }
        });
    });
    if modal.should_close() && choice.is_none() {
        choice = Some(CloseChoice::Cancel);
    }
    choice
}

/// The questions a new user and a new board get: "what's your name?" on first use, and
/// "what is this board for?" for a new board. Both can be put off with "Later".
pub fn first_questions_ui(
    ctx: &egui::Context,
    view: &mut super::view::ViewState,
    board: &crate::model::Board,
    actions: &mut Vec<super::Action>,
) {
    if let Some(name) = &mut view.ask_name {
        let mut done = false;
        Window::new("Welcome to Moodboard").collapsible(false).resizable(false).anchor(egui::Align2::CENTER_TOP, [0.0, 120.0]).show(ctx, |ui| {
            ui.label("Everything you add, every dot and every reaction carries your name, so the team knows who brought what.");
            let field = super::widgets::labelled_field(ui, "Name on your ideas", name, false, "e.g. Ann");
            let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                done = true;
            }
            ui.horizontal(|ui| {
                if (ui.button("Save name").clicked() || entered) && !name.trim().is_empty() {
                    actions.push(super::Action::SetName(name.trim().to_owned()));
                    done = true;
                }
                if ui.button("Later").on_hover_text("You can set it in the inspector with nothing selected").clicked() {
                    done = true;
                }
            });
        });
        if done {
            view.ask_name = None;
        }
        return;
    }
    if let Some(goal) = &mut view.ask_goal {
        let mut done = false;
        Window::new("What is this board for?")
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_TOP, [0.0, 120.0])
            .show(ctx, |ui| {
                ui.label("One clear goal keeps the collecting focused. It stays in view above the board.");
                let field = super::widgets::labelled_field(
                    ui,
                    "Goal for this board",
                    goal,
                    false,
                    "e.g. A warmer welcome for new customers",
                );
                let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                    done = true;
                }
                ui.horizontal(|ui| {
                    if (ui.button("Set goal").clicked() || entered) && !goal.trim().is_empty() {
                        let meta = crate::model::BoardMeta { goals: vec![goal.trim().to_owned()], ..board.meta() };
                        let edit = crate::model::Edit::SetMeta { meta, at: crate::model::Timestamp::now() };
                        actions.push(super::Action::edit(edit, "Set goal"));
                        done = true;
                    }
                    if ui.button("Later").on_hover_text("Add goals in the inspector with nothing selected").clicked() {
                        done = true;
                    }
                });
            });
        if done {
            view.ask_goal = None;
        }
    }
}

/// The New board form: the title first (the file is named after it), and the goal.
/// Enter in a field creates it, Esc or Cancel closes the form.
pub fn new_board_ui(ctx: &egui::Context, view: &mut super::view::ViewState, actions: &mut Vec<super::Action>) {
    let Some(form) = &mut view.new_board else { return };
    let mut close = false;
    let modal = egui::Modal::new(egui::Id::unique("new-board")).show(ctx, |ui| {
        ui.set_width(420.0);
        // Esc closes the form even from inside a field (which would keep it otherwise).
        if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            close = true;
        }
        ui.heading("New board");
        ui.label("Its title names the file too; you can change it later in the inspector.");
        ui.add_space(4.0);
        let title =
            super::widgets::labelled_field(ui, "Title of the new board", &mut form.title, false, "e.g. Kitchen ideas");
        if form.take_first_focus() {
            title.request_focus();
        }
        let goal = super::widgets::labelled_field(
            ui,
            "Goal (optional)",
            &mut form.goal,
            false,
            "What is this board for? It stays in view while you collect",
        );
        let entered = (title.lost_focus() || goal.lost_focus()) && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if let Some(e) = &form.error {
            ui.colored_label(super::style::error_text(ui.visuals()), e);
        }
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            if ui.button("Create board").clicked() || entered {
                if form.title.trim().is_empty() {
                    form.error = Some("Give the board a title first.".to_owned());
                    title.request_focus();
                } else {
                    actions.push(super::Action::NewBoard { title: form.title.clone(), goal: form.goal.clone() });
                    close = true;
                }
            }
            if ui.button("Cancel").on_hover_text("Esc").clicked() {
                close = true;
            }
            ui.label(egui::RichText::new("Enter to create").weak());
        });
    });
    if close || modal.should_close() {
        view.new_board = None;
    }
}
