//! The app's windows over the canvas, drawn in one loop over the registry
//! ([`crate::ui::windows::Window`]): each is shown while it is open and closes itself.

use strum::IntoEnumIterator as _;

use super::MoodboardApp;
use crate::ui::windows::Window;
use crate::ui::{self, Action};

impl MoodboardApp {
    /// Shows every open window, in the registry's order (later ones on top).
    pub(super) fn windows_ui(&mut self, ctx: &egui::Context, who: &str, actions: &mut Vec<Action>) {
        for window in Window::iter() {
            if self.view.windows.is_open(window) && !self.window_ui(window, ctx, who, actions) {
                self.view.windows.close(window);
            }
        }
    }

    /// Shows one open window; `false` when it was closed.
    fn window_ui(&mut self, window: Window, ctx: &egui::Context, who: &str, actions: &mut Vec<Action>) -> bool {
        let mut open = true;
        let board = self.open.doc.board();
        match window {
            Window::Library => self.library_window(ctx, &mut open, actions),
            Window::SendCards => self.send_cards_window(ctx),
            Window::Lenses => ui::lens::lenses_ui(
                ctx,
                &mut open,
                (board, self.view.derived(who)),
                &self.prefs.sources,
                &mut self.open.images,
                actions,
            ),
            Window::Spotlight => {
                if let Some(spotlight) = &mut self.view.windows.spotlight {
                    open = ui::spotlight::spotlight_ui(ctx, board, spotlight, &mut self.open.images, actions);
                }
            }
            Window::AskName => ui::dialogs::ask_name_ui(ctx, &mut self.view.windows.ask_name, actions),
            // The name is asked first; the goal waits for it.
            Window::AskGoal if self.view.windows.ask_name.is_none() => {
                ui::dialogs::ask_goal_ui(ctx, &mut self.view.windows.ask_goal, board, actions)
            }
            Window::AskGoal => {}
            Window::NewBoard => {
                ui::dialogs::new_board_ui(ctx, &mut self.view.windows.new_board, &self.library.templates, actions)
            }
            Window::Capture => {
                ui::capture::capture_ui(ctx, &mut self.view.windows.capture, self.prefs.offline, actions)
            }
            Window::Invitation => match self.invite_status() {
                Some(status) => ui::invite::invite_ui(ctx, &status, &mut open, actions),
                None => open = false,
            },
            Window::ShareLive => match self.live_status() {
                Some(status) => {
                    ui::live::share_live_ui(ctx, &status, &mut self.view.windows.share_live, &mut open, actions)
                }
                None => open = false,
            },
            Window::JoinLive => {
                ui::live::join_live_ui(ctx, &mut self.view.windows.join_live, self.prefs.live_lan_only, actions)
            }
            Window::Shortcuts => ui::dialogs::shortcuts_ui(ctx, &mut open),
            Window::About => ui::dialogs::about_ui(ctx, &self.boards_dir, &mut open),
            Window::Problems if self.open.doc.problems.is_empty() => {}
            Window::Problems => {
                let name = crate::model::one_line(&board.title, 60);
                ui::dialogs::problems_ui(ctx, &name, &self.open.doc.problems, &mut open);
            }
            Window::Messages => ui::toasts::messages_ui(ctx, &mut self.toasts, &mut open),
        }
        open && self.view.windows.is_open(window)
    }
}
