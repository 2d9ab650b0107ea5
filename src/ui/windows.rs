//! The windows over the canvas, in one registry: which are open, which one Esc closes
//! first, which block the window under them and which take the keyboard for themselves
//! (egui's demo app keeps its windows this way). The app shows them in one loop
//! (`MoodboardApp::windows_ui`); nothing else keeps a list of them.

use strum::IntoEnumIterator as _;

use super::capture::Draft;
use super::spotlight::Spotlight;

/// Every window, in the order they are drawn (later ones on top). Esc closes the first
/// open one that [closes on Esc](Window::closes_on_esc), in this order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::EnumIter)]
pub enum Window {
    /// Every board, and search across them.
    Library,
    /// Which board the selected cards go to (Move to board…, Copy to board…).
    SendCards,
    Lenses,
    /// The items one at a time, full screen.
    Spotlight,
    /// "What is your name?" on first use.
    AskName,
    /// "What is this board for?" for a new board (after the name, if both are asked).
    AskGoal,
    NewBoard,
    /// The add form of a kind of idea.
    Capture,
    Invitation,
    /// The live board's ticket, who is here, what happened.
    ShareLive,
    /// Paste a ticket to join a live board.
    JoinLive,
    Shortcuts,
    About,
    Problems,
    Messages,
}

impl Window {
    /// Esc closes it before anything on the canvas.
    pub fn closes_on_esc(self) -> bool {
        matches!(
            self,
            Window::NewBoard
                | Window::Capture
                | Window::JoinLive
                | Window::Shortcuts
                | Window::About
                | Window::Library
                | Window::SendCards
        )
    }

    /// It takes the keyboard for itself (arrows, Esc): the app's shortcuts wait.
    pub fn takes_keyboard(self) -> bool {
        matches!(self, Window::Spotlight)
    }

    /// It blocks the window under it until it is answered.
    pub fn modal(self) -> bool {
        matches!(self, Window::NewBoard | Window::Capture | Window::JoinLive | Window::SendCards)
    }
}

/// What the New board form holds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NewBoardForm {
    pub title: String,
    pub goal: String,
    /// Where it starts from.
    pub template: crate::library::Template,
    /// Said when Create was pressed with no title.
    pub error: Option<String>,
    focused: bool,
}

impl NewBoardForm {
    /// True the first time it is asked: the title field then takes the keyboard.
    pub fn take_first_focus(&mut self) -> bool {
        !std::mem::replace(&mut self.focused, true)
    }
}

/// The open windows, with what each holds while it is open.
#[derive(Clone, Debug, Default)]
pub struct Windows {
    /// The name typed so far.
    pub ask_name: Option<String>,
    /// The goal typed so far.
    pub ask_goal: Option<String>,
    pub new_board: Option<NewBoardForm>,
    pub capture: Option<Draft>,
    pub spotlight: Option<Spotlight>,
    pub library: Option<super::library::LibraryForm>,
    pub send_cards: Option<super::library::SendForm>,
    pub lenses: bool,
    pub invitation: bool,
    /// The Share live window is open.
    pub live: bool,
    pub share_live: crate::ui::live::ShareLiveForm,
    pub join_live: Option<crate::ui::live::JoinLiveForm>,
    pub problems: bool,
    pub messages: bool,
    pub shortcuts: bool,
    pub about: bool,
}

impl Windows {
    pub fn is_open(&self, window: Window) -> bool {
        match window {
            Window::AskName => self.ask_name.is_some(),
            Window::AskGoal => self.ask_goal.is_some(),
            Window::Library => self.library.is_some(),
            Window::SendCards => self.send_cards.is_some(),
            Window::Lenses => self.lenses,
            Window::Invitation => self.invitation,
            Window::ShareLive => self.live,
            Window::JoinLive => self.join_live.is_some(),
            Window::Problems => self.problems,
            Window::Messages => self.messages,
            Window::Shortcuts => self.shortcuts,
            Window::About => self.about,
            Window::Spotlight => self.spotlight.is_some(),
            Window::NewBoard => self.new_board.is_some(),
            Window::Capture => self.capture.is_some(),
        }
    }

    /// Opens a window that holds nothing but whether it is open (or a fresh one).
    pub fn open(&mut self, window: Window) {
        match window {
            Window::AskName => self.ask_name = Some(String::new()),
            Window::AskGoal => self.ask_goal = Some(String::new()),
            Window::Library => {
                self.library.get_or_insert_with(super::library::LibraryForm::focused);
            }
            // It needs to know whether the cards move or are copied: opened with that.
            Window::SendCards => {}
            Window::Lenses => self.lenses = true,
            Window::Invitation => self.invitation = true,
            Window::ShareLive => self.live = true,
            Window::JoinLive => {
                self.join_live.get_or_insert_with(Default::default);
            }
            Window::Problems => self.problems = true,
            Window::Messages => self.messages = true,
            Window::Shortcuts => self.shortcuts = true,
            Window::About => self.about = true,
            // A spotlight needs its order of items: it is opened with one.
            Window::Spotlight => {}
            Window::NewBoard => {
                self.new_board.get_or_insert_with(NewBoardForm::default);
            }
            // A form needs its kind: it is opened with one.
            Window::Capture => {}
        }
    }

    pub fn close(&mut self, window: Window) {
        match window {
            Window::AskName => self.ask_name = None,
            Window::AskGoal => self.ask_goal = None,
            Window::Library => self.library = None,
            Window::SendCards => self.send_cards = None,
            Window::Lenses => self.lenses = false,
            Window::Invitation => self.invitation = false,
            Window::ShareLive => self.live = false,
            Window::JoinLive => self.join_live = None,
            Window::Problems => self.problems = false,
            Window::Messages => self.messages = false,
            Window::Shortcuts => self.shortcuts = false,
            Window::About => self.about = false,
            Window::Spotlight => self.spotlight = None,
            Window::NewBoard => self.new_board = None,
            Window::Capture => self.capture = None,
        }
    }

    /// Opens `window` if it is closed, closes it if it is open.
    pub fn toggle(&mut self, window: Window) {
        if self.is_open(window) { self.close(window) } else { self.open(window) }
    }

    /// Closes the window Esc closes first, if one is open; `false` if none was.
    pub fn close_on_esc(&mut self) -> bool {
        let top = Window::iter().find(|w| w.closes_on_esc() && self.is_open(*w));
        top.inspect(|w| self.close(*w)).is_some()
    }

    /// Whether an open window takes the keyboard for itself.
    pub fn takes_keyboard(&self) -> bool {
        Window::iter().any(|w| w.takes_keyboard() && self.is_open(w))
    }

    /// Whether an open window blocks the one under it.
    pub fn modal_open(&self) -> bool {
        Window::iter().any(|w| w.modal() && self.is_open(w))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_window_opens_and_closes_and_esc_closes_the_top_one_first() {
        let mut windows = Windows::default();
        for window in Window::iter().filter(|w| !matches!(w, Window::Spotlight | Window::Capture | Window::SendCards)) {
            windows.open(window);
            assert!(windows.is_open(window), "{window:?}");
            windows.close(window);
            assert!(!windows.is_open(window), "{window:?}");
        }
        windows.open(Window::Shortcuts);
        windows.open(Window::NewBoard);
        windows.open(Window::Messages);
        assert!(windows.close_on_esc() && !windows.is_open(Window::NewBoard), "the form first");
        assert!(windows.close_on_esc() && !windows.is_open(Window::Shortcuts));
        assert!(!windows.close_on_esc(), "the messages stay: Esc there is for the canvas");
        assert!(windows.is_open(Window::Messages));
        windows.spotlight = Some(Spotlight { order: Vec::new(), index: 0 });
        assert!(windows.takes_keyboard());
    }
}
