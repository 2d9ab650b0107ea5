//! Windows that ask or tell something: the keyboard shortcuts, the problems found in a
//! board that was opened, and the question before closing with unsaved changes.

use crate::tr;
use egui::{Grid, Modal, RichText, ScrollArea, Window};

use super::Command;
use super::commands::Menu;
use crate::storage::Problem;

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

/// What Moodboard is, which version this is, and where its boards and file format are
/// described.
pub fn about_ui(ctx: &egui::Context, boards: &std::path::Path, open: &mut bool) {
    Window::new(Command::ShowAbout.text().trim_end_matches('…'))
        .id(egui::Id::unique("about-window"))
        .open(open)
        .resizable(false)
        .collapsible(false)
        .show(ctx, |ui| {
            ui.set_max_width(380.0);
            ui.label(RichText::new("Moodboard").heading().strong());
            ui.label(tr!("about-version", version = env!("CARGO_PKG_VERSION")));
            ui.add_space(6.0);
            ui.label(tr!("about-what"));
            ui.add_space(6.0);
            ui.label(tr!("about-files", version = crate::model::FORMAT_VERSION));
            ui.label(tr!("about-boards", folder = boards));
            ui.label(RichText::new(tr!("about-licence", licence = env!("CARGO_PKG_LICENSE"))).weak());
        });
}

/// The list of every command and its keys.
pub fn shortcuts_ui(ctx: &egui::Context, open: &mut bool) {
    Window::new(Command::ShowShortcuts.text())
        .id(egui::Id::unique("shortcuts-window"))
        .open(open)
        .resizable(false)
        .collapsible(false)
        .show(ctx, |ui| {
            ScrollArea::vertical().max_height(520.0).show(ui, |ui| {
                for menu in <Menu as strum::IntoEnumIterator>::iter() {
                    ui.label(RichText::new(menu.title()).strong());
                    Grid::new(("shortcuts", menu.title())).num_columns(2).striped(true).show(ui, |ui| {
                        for command in Command::all().filter(|c| c.menu() == menu) {
                            let keys: Vec<String> = command
                                .shortcut()
                                .iter()
                                .chain(command.alternative_shortcuts())
                                .map(|s| shortcut_text(ctx, s))
                                .collect();
                            ui.label(command.text().trim_end_matches('…'));
                            ui.label(RichText::new(keys.join(&format!("  {}  ", tr!("shortcuts-or")))).monospace());
                            ui.end_row();
                        }
                    });
                    ui.add_space(6.0);
                }
                word_rows(
                    ui,
                    tr!("shortcuts-canvas"),
                    [
                        (tr!("shortcuts-pan"), tr!("shortcuts-pan-keys")),
                        (tr!("shortcuts-zoom"), tr!("shortcuts-zoom-keys")),
                        (tr!("shortcuts-select-more"), tr!("shortcuts-select-more-keys")),
                        (tr!("shortcuts-select-area"), tr!("shortcuts-select-area-keys")),
                        (tr!("shortcuts-edit-in-place"), tr!("shortcuts-edit-in-place-keys")),
                        (tr!("shortcuts-finish-editing"), tr!("shortcuts-finish-editing-keys")),
                    ],
                );
                ui.add_space(6.0);
                word_rows(
                    ui,
                    tr!("shortcuts-keyboard"),
                    [
                        (tr!("shortcuts-enter-cards"), tr!("shortcuts-enter-cards-keys")),
                        (tr!("shortcuts-walk"), tr!("shortcuts-walk-keys")),
                        (tr!("shortcuts-walk-column"), tr!("shortcuts-walk-column-keys")),
                        (tr!("shortcuts-choose"), tr!("shortcuts-choose-keys")),
                        (tr!("shortcuts-edit-card"), tr!("shortcuts-edit-card-keys")),
                        (tr!("shortcuts-nudge"), tr!("shortcuts-nudge-keys")),
                    ],
                );
            });
        });
}

/// A heading and its rows of what to do and how, in the shortcuts window. The "how" is
/// words ("Middle-drag or scroll"), so it is set as text, not in monospace.
fn word_rows<const N: usize>(ui: &mut egui::Ui, heading: String, rows: [(String, String); N]) {
    ui.label(RichText::new(&heading).strong());
    Grid::new(("shortcuts-words", heading)).num_columns(2).striped(true).show(ui, |ui| {
        for (what, how) in rows {
            ui.label(what);
            ui.label(how);
            ui.end_row();
        }
    });
}

/// The problems found (and repaired in memory) when the board was opened.
pub fn problems_ui(ctx: &egui::Context, board_name: &str, problems: &[Problem], open: &mut bool) {
    Window::new(tr!("problems-title", board = board_name))
        .id(egui::Id::unique("problems-window"))
        .open(open)
        .default_width(520.0)
        .show(ctx, |ui| {
            ui.label(tr!("problems-text"));
            ui.separator();
            ScrollArea::vertical().max_height(360.0).show(ui, |ui| {
                for problem in problems {
                    ui.label(crate::i18n::said(problem));
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
        ui.heading(tr!("unsaved-title"));
        ui.label(tr!("unsaved-text", board = board_name));
        if let Some(failure) = failure {
            ui.colored_label(super::style::error_text(ui.visuals()), tr!("unsaved-last-failed", reason = failure));
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button(Command::Save.text()).clicked() {
                choice = Some(CloseChoice::Save);
            }
            if ui.button(tr!("unsaved-dont-save")).clicked() {
                choice = Some(CloseChoice::Discard);
            }
            if ui.button(tr!("button-cancel")).clicked() {
                choice = Some(CloseChoice::Cancel);
            }
        });
    });
    if modal.should_close() && choice.is_none() {
        choice = Some(CloseChoice::Cancel);
    }
    choice
}

/// The question a new user gets: "what's your name?" on first use. It can be put off
/// with "Later".
pub fn ask_name_ui(ctx: &egui::Context, ask_name: &mut Option<String>, actions: &mut Vec<super::Action>) {
    if let Some(name) = ask_name {
        let mut done = false;
        Window::new(tr!("welcome-title"))
            .id(egui::Id::unique("welcome-window"))
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_TOP, [0.0, 120.0])
            .show(ctx, |ui| {
                ui.label(tr!("welcome-text"));
                let field =
                    super::widgets::labelled_field(ui, tr!("welcome-name"), name, false, tr!("welcome-name-hint"));
                let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                    done = true;
                }
                ui.horizontal(|ui| {
                    if (ui.button(tr!("welcome-save-name")).clicked() || entered) && !name.trim().is_empty() {
                        actions.push(super::Action::SetName(name.trim().to_owned()));
                        done = true;
                    }
                    if ui.button(tr!("button-later")).on_hover_text(tr!("welcome-later-help")).clicked() {
                        done = true;
                    }
                });
            });
        if done {
            *ask_name = None;
        }
    }
}

/// The question a new board gets: "what is this board for?". It can be put off with
/// "Later".
pub fn ask_goal_ui(
    ctx: &egui::Context,
    ask_goal: &mut Option<String>,
    board: &crate::model::Board,
    actions: &mut Vec<super::Action>,
) {
    if let Some(goal) = ask_goal {
        let mut done = false;
        Window::new(tr!("goal-ask-title"))
            .id(egui::Id::unique("goal-ask-window"))
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_TOP, [0.0, 120.0])
            .show(ctx, |ui| {
                ui.label(tr!("goal-ask-text"));
                let field =
                    super::widgets::labelled_field(ui, tr!("goal-ask-field"), goal, false, tr!("goal-ask-hint"));
                let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                    done = true;
                }
                ui.horizontal(|ui| {
                    if (ui.button(tr!("goal-ask-set")).clicked() || entered) && !goal.trim().is_empty() {
                        let meta = crate::model::BoardMeta { goals: vec![goal.trim().to_owned()], ..board.meta() };
                        let edit = crate::model::Edit::SetMeta { meta, at: crate::model::Timestamp::now() };
                        actions.push(super::Action::edit(edit, tr!("step-set-goal")));
                        done = true;
                    }
                    if ui.button(tr!("button-later")).on_hover_text(tr!("goal-ask-later-help")).clicked() {
                        done = true;
                    }
                });
            });
        if done {
            *ask_goal = None;
        }
    }
}

/// The New board form: the title first (the file is named after it), and the goal.
/// Enter in a field creates it, Esc or Cancel closes the form.
pub fn new_board_ui(
    ctx: &egui::Context,
    new_board: &mut Option<super::windows::NewBoardForm>,
    saved: &[(std::path::PathBuf, String)],
    actions: &mut Vec<super::Action>,
) {
    let Some(form) = new_board else { return };
    let mut close = false;
    let modal = egui::Modal::new(egui::Id::unique("new-board")).show(ctx, |ui| {
        ui.set_width(420.0);
        // Esc closes the form even from inside a field (which would keep it otherwise).
        if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            close = true;
        }
        ui.heading(Command::NewBoard.text());
        ui.label(tr!("new-board-text"));
        ui.add_space(4.0);
        let title = super::widgets::labelled_field(
            ui,
            tr!("new-board-title"),
            &mut form.title,
            false,
            tr!("new-board-title-hint"),
        );
        if form.take_first_focus() {
            title.request_focus();
        }
        let goal = super::widgets::labelled_field(
            ui,
            tr!("new-board-goal"),
            &mut form.goal,
            false,
            tr!("new-board-goal-hint"),
        );
        let entered = (title.lost_focus() || goal.lost_focus()) && ui.input(|i| i.key_pressed(egui::Key::Enter));
        ui.add_space(4.0);
        templates_ui(ui, &mut form.template, saved);
        if let Some(e) = &form.error {
            ui.colored_label(super::style::error_text(ui.visuals()), e);
        }
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            if ui.button(tr!("new-board-create")).clicked() || entered {
                if form.title.trim().is_empty() {
                    form.error = Some(tr!("new-board-no-title"));
                    title.request_focus();
                } else {
                    actions.push(super::Action::NewBoard {
                        title: form.title.clone(),
                        goal: form.goal.clone(),
                        template: form.template.clone(),
                    });
                    close = true;
                }
            }
            if ui.button(tr!("button-cancel")).on_hover_text(tr!("button-esc")).clicked() {
                close = true;
            }
            ui.label(egui::RichText::new(tr!("new-board-enter")).weak());
        });
    });
    if close || modal.should_close() {
        *new_board = None;
    }
}

/// The starting points for a new board: the built-in ones, then the user's own.
fn templates_ui(ui: &mut egui::Ui, chosen: &mut crate::library::Template, saved: &[(std::path::PathBuf, String)]) {
    use crate::library::{Builtin, Template};
    ui.label(RichText::new(tr!("new-board-start-from")).strong());
    for builtin in <Builtin as strum::IntoEnumIterator>::iter() {
        let this = Template::Builtin(builtin);
        let on = *chosen == this;
        ui.radio_value(chosen, this, builtin.name()).on_hover_text(builtin.about());
        if on {
            ui.indent("about", |ui| ui.label(RichText::new(builtin.about()).weak()));
        }
    }
    for (path, title) in saved {
        let this = Template::Saved(path.clone());
        ui.radio_value(chosen, this, tr!("new-board-saved-template", title = title.as_str()));
    }
}
