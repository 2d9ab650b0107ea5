//! The bars around the canvas: the menu bar (built from the command table), the toolbar
//! with the add buttons and search, the goals strip, and the status bar with the save
//! indicator, zoom and import progress.

use std::path::PathBuf;

use egui::{Button, Key, RichText, TextEdit, Ui};

use super::commands::Menu;
use super::view::ViewState;
use super::{Action, Command, style};
use crate::document::SaveStatus;
use crate::model::RECOMMENDED_MAX_GOALS;
use crate::storage::paths;
use crate::tr;

/// What the bars show about the app, gathered by the app each frame.
pub struct Status<'a> {
    pub board_name: &'a str,
    pub save: SaveStatus,
    pub undo: Option<&'a str>,
    pub redo: Option<&'a str>,
    pub recent: &'a [PathBuf],
    pub selected: usize,
    pub items: usize,
    /// Images imported so far and in all, while an import runs.
    pub import: Option<(usize, usize)>,
    /// Problems found when the board was opened.
    pub problems: usize,
    /// The session's step (`Phase::Off` outside a session).
    pub phase: crate::model::Phase,
    /// What runs in the background, with its progress if it counts.
    pub jobs: Vec<(String, Option<(usize, usize)>)>,
    /// Warnings and errors in the message log not yet looked at.
    pub unread: usize,
    /// Light, dark or as the system.
    pub appearance: crate::prefs::Appearance,
    /// Snap to grid is on.
    pub snap: bool,
    /// "Live · 3 here" while the board is live with teammates' copies.
    pub live: Option<String>,
    /// Nothing is fetched from the web.
    pub offline: bool,
    /// Animated pictures play.
    pub moving_pictures: bool,
    /// The chosen language (`None`: the system's).
    pub language: Option<crate::i18n::Lang>,
}

fn is_enabled(command: Command, status: &Status<'_>) -> bool {
    match command {
        Command::Undo => status.undo.is_some(),
        Command::Redo => status.redo.is_some(),
        Command::Delete
        | Command::Duplicate
        | Command::BringToFront
        | Command::SendToBack
        | Command::ToggleLock
        | Command::Copy
        | Command::Cut
        | Command::ZoomSelection => status.selected > 0,
        Command::AlignLeft
        | Command::AlignRight
        | Command::AlignTop
        | Command::AlignBottom
        | Command::AlignCentres
        | Command::AlignMiddles => status.selected >= 2,
        Command::DistributeAcross | Command::DistributeDown => status.selected >= 3,
        Command::GiveDot | Command::TakeDot => status.selected > 0 && status.phase == crate::model::Phase::Vote,
        _ => true,
    }
}

fn menu_text(command: Command, status: &Status<'_>) -> String {
    match (command, status.undo, status.redo) {
        (Command::Undo, Some(label), _) => tr!("menu-undo-step", step = label),
        (Command::Redo, _, Some(label)) => tr!("menu-redo-step", step = label),
        (Command::ToggleSession, _, _) if status.phase == crate::model::Phase::Off => tr!("menu-start-session"),
        (Command::ToggleSession, _, _) => tr!("menu-end-session"),
        _ => {
            use crate::prefs::Appearance;
            let on = match command {
                Command::LookSystem => status.appearance == Appearance::System,
                Command::LookLight => status.appearance == Appearance::Light,
                Command::LookDark => status.appearance == Appearance::Dark,
                Command::SnapToGrid => status.snap,
                Command::WorkOffline => status.offline,
                Command::MovingPictures => status.moving_pictures,
                Command::LanguageSystem => status.language.is_none(),
                Command::LanguageEnglish => status.language == Some(crate::i18n::Lang::En),
                Command::LanguageDutch => status.language == Some(crate::i18n::Lang::Nl),
                _ => return command.text(),
            };
            format!("{} {}", if on { "✔" } else { "  " }, command.text())
        }
    }
}

/// The menu bar: every [`Menu`] with its commands.
pub fn menu_bar_ui(ui: &mut Ui, status: &Status<'_>, actions: &mut Vec<Action>) {
    egui::MenuBar::new().ui(ui, |ui| {
        for menu in <Menu as strum::IntoEnumIterator>::iter() {
            ui.menu_button(menu.title(), |ui| {
                for command in Command::all().filter(|c| c.menu() == menu) {
                    let mut button = Button::new(menu_text(command, status));
                    if let Some(shortcut) = command.shortcut() {
                        button = button.shortcut_text(super::dialogs::shortcut_text(ui.ctx(), &shortcut));
                    }
                    let response = ui.add_enabled(is_enabled(command, status), button).on_hover_text(command.help());
                    if response.clicked() {
                        actions.push(Action::Command(command));
                        ui.close();
                    }
                    if command == Command::Open {
                        recent_menu(ui, status.recent, actions);
                    }
                }
            });
        }
    });
}

fn recent_menu(ui: &mut Ui, recent: &[PathBuf], actions: &mut Vec<Action>) {
    ui.add_enabled_ui(!recent.is_empty(), |ui| {
        ui.menu_button(tr!("menu-open-recent"), |ui| {
            for path in recent {
                let name = paths::board_name(path);
                if ui.button(&name).on_hover_text(path.display().to_string()).clicked() {
                    actions.push(Action::OpenBoard(path.clone()));
                    ui.close();
                }
            }
        });
    });
}

/// The toolbar: one button per kind of idea, undo/redo, and the search box.
pub fn toolbar_ui(
    ui: &mut Ui,
    board: &crate::model::Board,
    view: &mut ViewState,
    status: &Status<'_>,
    actions: &mut Vec<Action>,
) {
    ui.horizontal(|ui| {
        ui.label(RichText::new(tr!("toolbar-add")).strong());
        for &kind in crate::model::KindTag::ALL {
            let command = Command::Add(kind);
            let tip = match command.shortcut() {
                Some(s) => format!("{} ({})", command.help(), super::dialogs::shortcut_text(ui.ctx(), &s)),
                None => command.help(),
            };
            let text = format!("{} {}", kind.spec().icon, command.text().trim_end_matches('…'));
            let response = ui.button(text).on_hover_text(tip);
            let label = super::words::new_kind(kind);
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
            if response.clicked() {
                actions.push(Action::Command(command));
            }
        }
        ui.separator();
        for (command, icon) in [(Command::Undo, "⟲"), (Command::Redo, "⟳")] {
            let enabled = is_enabled(command, status);
            let response = ui.add_enabled(enabled, Button::new(icon)).on_hover_text(menu_text(command, status));
            let label = command.text();
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, enabled, &label));
            if response.clicked() {
                actions.push(Action::Command(command));
            }
        }
        ui.separator();
        let in_session = status.phase != crate::model::Phase::Off;
        let text = if in_session { tr!("toolbar-end-session") } else { tr!("toolbar-session") };
        let response = ui.selectable_label(in_session, text).on_hover_text(Command::ToggleSession.help());
        response.widget_info(|| {
            egui::WidgetInfo::selected(egui::Role::Button, true, in_session, tr!("toolbar-session-switch"))
        });
        if response.clicked() {
            actions.push(Action::Command(Command::ToggleSession));
        }
        let lenses = ui.button(format!("🔍 {}", Command::ShowLenses.text())).on_hover_text(Command::ShowLenses.help());
        lenses.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, Command::ShowLenses.text()));
        if lenses.clicked() {
            actions.push(Action::Command(Command::ShowLenses));
        }
        ui.separator();
        search_ui(ui, board, view);
    });
}

/// The search box: how many cards match, Enter (Shift+Enter) to go to the next
/// (previous) one, Esc to clear it.
fn search_ui(ui: &mut Ui, board: &crate::model::Board, view: &mut ViewState) {
    let before = view.find.search.clone();
    let search = ui.add(TextEdit::singleline(&mut view.find.search).hint_text(tr!("search-hint")).desired_width(260.0));
    search.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, tr!("search-label")));
    if view.find.search != before {
        view.find.search_at = None;
    }
    if view.find.focus {
        search.request_focus();
        view.find.focus = false;
    }
    if search.has_focus() && ui.input(|i| i.key_pressed(Key::Escape)) {
        view.find.search.clear();
        view.find.search_at = None;
        search.surrender_focus();
    }
    if !view.searching() {
        return;
    }
    let matches = view.search_matches(board);
    let entered = search.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
    if entered && !matches.is_empty() {
        let back = ui.input(|i| i.modifiers.shift);
        let n = matches.len();
        let next = match (view.find.search_at, back) {
            (None, false) => 0,
            (None, true) => n - 1,
            (Some(at), false) => (at + 1) % n,
            (Some(at), true) => (at + n - 1) % n,
        };
        view.find.search_at = Some(next);
        if let Some(item) = board.item(&matches[next]) {
            view.canvas.selection = std::collections::BTreeSet::from([item.id.clone()]);
            view.camera.centre_on(super::view::to_rect(crate::model::BoardRect::from_pos_size(item.pos, item.size)));
        }
        // Keep typing or pressing Enter.
        search.request_focus();
    }
    let (text, colour) = match (matches.len(), view.find.search_at) {
        (0, _) => (tr!("search-none"), style::warn_text(ui.visuals())),
        (n, Some(at)) if at < n => (tr!("search-at", at = at + 1, count = n), ui.visuals().text_color()),
        (n, _) => (tr!("search-count", count = n), ui.visuals().text_color()),
    };
    let count = ui.label(RichText::new(text).color(colour));
    count
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, count_label(&matches, view.find.search_at)));
    if ui.small_button("✖").on_hover_text(tr!("search-clear")).clicked() {
        view.find.search.clear();
        view.find.search_at = None;
    }
}

fn count_label(matches: &[crate::model::ItemId], at: Option<usize>) -> String {
    match (matches.len(), at) {
        (0, _) => tr!("search-label-none"),
        (n, Some(at)) if at < n => tr!("search-label-at", at = at + 1, count = n),
        (n, _) => tr!("search-label-count", count = n),
    }
}

/// The goals, always in view while collecting.
pub fn goals_ui(ui: &mut Ui, goals: &[String]) {
    // A board's goals come from its file, which anyone may have written: however many
    // and however long, they take a few lines at most and never hide the canvas.
    let max_height = (ui.ctx().content_rect().height() * 0.15).clamp(24.0, 96.0);
    egui::ScrollArea::vertical().id_salt("goals").max_height(max_height).auto_shrink([false, true]).show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(tr!("goals-title")).strong().color(style::goals_label(ui.visuals())));
            if goals.is_empty() {
                ui.label(RichText::new(tr!("goals-none")).weak());
            }
            for (index, goal) in goals.iter().take(MAX_GOALS_SHOWN).enumerate() {
                if index > 0 {
                    ui.label(RichText::new("·").weak());
                }
                let short = crate::model::one_line(goal, MAX_GOAL_CHARS);
                let label = ui.label(RichText::new(&short).size(15.0));
                if short != *goal {
                    label.on_hover_text(crate::model::one_line(goal, 2000));
                }
            }
            if goals.len() > MAX_GOALS_SHOWN {
                ui.label(RichText::new(tr!("goals-more", count = goals.len() - MAX_GOALS_SHOWN)).weak());
            }
            if goals.len() > RECOMMENDED_MAX_GOALS {
                ui.colored_label(style::warn_text(ui.visuals()), tr!("goals-too-many"));
            }
        });
    });
}

/// Goals shown above the canvas; the rest are counted.
const MAX_GOALS_SHOWN: usize = 12;
/// A goal longer than this is shortened in the strip (the whole text is on hover).
const MAX_GOAL_CHARS: usize = 160;

/// The status bar: save state, selection, zoom, and import progress with Cancel.
pub fn status_bar_ui(ui: &mut Ui, view: &mut ViewState, status: &Status<'_>, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        let (text, colour) = match &status.save {
            SaveStatus::ReadOnly => (tr!("save-read-only"), style::warn_text(ui.visuals())),
            SaveStatus::Saved => (tr!("save-saved"), style::ok_text(ui.visuals())),
            SaveStatus::Unsaved => (tr!("save-unsaved"), style::warn_text(ui.visuals())),
            SaveStatus::Saving => (tr!("save-saving"), style::warn_text(ui.visuals())),
            SaveStatus::Failed(e) => (tr!("save-failed", reason = e.clone()), style::error_text(ui.visuals())),
        };
        let response = ui.colored_label(colour, &text);
        response.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Label, true, tr!("save-status-label", status = text))
        });
        if matches!(status.save, SaveStatus::Failed(_)) && ui.button(tr!("save-retry")).clicked() {
            actions.push(Action::Command(Command::Save));
        }
        ui.separator();
        ui.label(crate::model::one_line(status.board_name, 60));
        if let Some(live) = &status.live {
            let button = ui
                .button(RichText::new(live).color(style::ok_text(ui.visuals())))
                .on_hover_text(tr!("live-status-help"));
            button.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::Button, true, tr!("live-status-label", status = live.as_str()))
            });
            if button.clicked() {
                actions.push(Action::ShowLive);
            }
        }
        if status.problems > 0 && ui.link(tr!("status-problems", count = status.problems)).clicked() {
            view.windows.problems = true;
        }
        ui.separator();
        let count = super::canvas::things(status.items);
        if status.selected > 0 {
            ui.label(tr!("status-selected", things = count, count = status.selected));
        } else {
            ui.label(count);
        }
        if let Some((done, total)) = status.import {
            ui.separator();
            ui.add(egui::ProgressBar::new(done as f32 / total.max(1) as f32).desired_width(120.0));
            ui.label(tr!("status-importing", done = done, total = total));
            if ui.button(tr!("status-cancel-import")).clicked() {
                actions.push(Action::CancelImport);
            }
        }
        for (label, progress) in &status.jobs {
            ui.separator();
            ui.spinner();
            let text = match progress {
                Some((done, total)) => {
                    ui.add(egui::ProgressBar::new(*done as f32 / (*total).max(1) as f32).desired_width(100.0));
                    tr!("status-job-progress", job = label, done = *done, total = *total)
                }
                None => tr!("status-job", job = label),
            };
            let response = ui.label(&text);
            response.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::Label, true, tr!("status-working-label", job = text))
            });
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let text = if status.unread > 0 {
                tr!("status-messages-unread", count = status.unread)
            } else {
                tr!("status-messages")
            };
            let messages = ui.button(text).on_hover_text(tr!("status-messages-help"));
            messages.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, tr!("status-messages-label")));
            if messages.clicked() {
                view.windows.messages = !view.windows.messages;
            }
            let zoom = ui.button(format!("{:.0} %", view.camera.zoom() * 100.0)).on_hover_text(Command::ZoomFit.text());
            zoom.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, tr!("status-zoom-label")));
            if zoom.clicked() {
                actions.push(Action::Command(Command::ZoomFit));
            }
        });
    });
}
