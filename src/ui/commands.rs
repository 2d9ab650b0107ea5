//! Every command of the app, with its text, shortcut and menu, in one table. Menus,
//! shortcuts and the shortcuts window all read from here.

use crate::model::KindTag;
use egui::{Key, KeyboardShortcut, Modifiers};

/// Every command, in menu order. Menus, shortcuts and the shortcuts window go through
/// [`Command::all`], so a new command (or kind of idea) cannot be missing from any of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, strum::EnumIter, strum::IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
pub enum Command {
    NewBoard,
    Open,
    /// Every board, with search across them.
    Library,
    /// The library with its search field ready.
    SearchLibrary,
    JoinLive,
    Save,
    SaveAs,
    /// Keeps the board as a starting point for new boards.
    SaveAsTemplate,
    Quit,
    MergeBoard,
    ShareLive,
    SavePack,
    ExportHtml,
    ExportMarkdown,
    ExportPng,
    /// The recap as a PDF: a summary page, then a page per frame.
    ExportPdf,
    ExportCanvas,
    ImportCanvas,
    Undo,
    Redo,
    Cut,
    Copy,
    Paste,
    Duplicate,
    Delete,
    SelectAll,
    ClearSelection,
    BringToFront,
    SendToBack,
    ToggleLock,
    /// The selected cards to another board (or the inbox), gone from this one.
    MoveToBoard,
    /// Copies of the selected cards on another board (or the inbox).
    CopyToBoard,
    /// Opens the add form of a kind of idea: one command per kind (see [`Command::all`]).
    Add(KindTag),
    AddTheme,
    /// A connector between the two selected cards.
    Connect,
    /// The eyedropper over the pictures: a click makes a swatch of the colour under it.
    PickColour,
    WorkOffline,
    ArrangeByTheme,
    AlignLeft,
    AlignRight,
    AlignTop,
    AlignBottom,
    AlignCentres,
    AlignMiddles,
    DistributeAcross,
    DistributeDown,
    /// The selected pictures a quarter turn clockwise (the file is never changed).
    RotateRight,
    RotateLeft,
    /// The selected pictures mirrored left to right.
    FlipAcross,
    /// The selected pictures mirrored top to bottom.
    FlipDown,
    SnapToGrid,
    ToggleSession,
    DrawPrompt,
    GiveDot,
    TakeDot,
    Shuffle,
    Spotlight,
    ShowLenses,
    ZoomIn,
    ZoomOut,
    ZoomReset,
    ZoomFit,
    ZoomSelection,
    ToggleSidebar,
    ToggleInspector,
    /// Animated pictures play, or show their first frame (a preference).
    MovingPictures,
    Find,
    LookSystem,
    LookLight,
    LookDark,
    LanguageSystem,
    LanguageEnglish,
    LanguageDutch,
    ShowShortcuts,
    /// The welcome board again: how Moodboard works.
    ShowWelcome,
    ShowAbout,
}

/// The menu a command appears in, in menu-bar order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::EnumIter)]
pub enum Menu {
    File,
    Share,
    Edit,
    Add,
    Arrange,
    Session,
    View,
    Help,
}

impl Menu {
    pub fn title(self) -> String {
        crate::i18n::tr(match self {
            Menu::File => "menu-file",
            Menu::Share => "menu-share",
            Menu::Edit => "menu-edit",
            Menu::Add => "menu-add",
            Menu::Arrange => "menu-arrange",
            Menu::Session => "menu-session",
            Menu::View => "menu-view",
            Menu::Help => "menu-help",
        })
    }
}

const fn cmd(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

const fn cmd_shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers { shift: true, ..Modifiers::COMMAND }, key)
}

const fn alt(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::ALT, key)
}

const fn alt_shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers { shift: true, ..Modifiers::ALT }, key)
}

const fn plain(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::NONE, key)
}

impl Command {
    /// The text on the menu entry, which is also its accessible label.
    pub fn text(self) -> String {
        crate::i18n::tr(&self.message_id())
    }

    /// A sentence for tooltips.
    pub fn help(self) -> String {
        crate::i18n::tr(&format!("{}-help", self.message_id()))
    }

    /// The Fluent message of the command's text: `cmd-new-board` for `NewBoard`.
    pub fn message_id(self) -> String {
        if let Command::Add(kind) = self {
            return format!("cmd-add-{}", kind.name());
        }
        let name: &'static str = self.into();
        format!("cmd-{name}")
    }

    /// Every command in menu order, with one [`Command::Add`] per kind of idea.
    pub fn all() -> impl Iterator<Item = Command> {
        <Command as strum::IntoEnumIterator>::iter().flat_map(|c| match c {
            Command::Add(_) => KindTag::ALL.iter().map(|k| Command::Add(*k)).collect::<Vec<_>>(),
            other => vec![other],
        })
    }

    pub fn menu(self) -> Menu {
        match self {
            Command::NewBoard
            | Command::Open
            | Command::Library
            | Command::SearchLibrary
            | Command::JoinLive
            | Command::Save
            | Command::SaveAs
            | Command::SaveAsTemplate
            | Command::Quit => Menu::File,
            Command::MergeBoard
            | Command::ShareLive
            | Command::SavePack
            | Command::ExportHtml
            | Command::ExportMarkdown
            | Command::ExportPng
            | Command::ExportPdf
            | Command::ExportCanvas
            | Command::ImportCanvas => Menu::Share,
            Command::Undo
            | Command::Redo
            | Command::Cut
            | Command::Copy
            | Command::Paste
            | Command::Delete
            | Command::Duplicate
            | Command::SelectAll
            | Command::ClearSelection
            | Command::BringToFront
            | Command::SendToBack
            | Command::ToggleLock
            | Command::MoveToBoard
            | Command::CopyToBoard => Menu::Edit,
            Command::Add(_) | Command::AddTheme | Command::Connect | Command::PickColour | Command::WorkOffline => {
                Menu::Add
            }
            Command::ArrangeByTheme
            | Command::AlignLeft
            | Command::AlignRight
            | Command::AlignTop
            | Command::AlignBottom
            | Command::AlignCentres
            | Command::AlignMiddles
            | Command::DistributeAcross
            | Command::DistributeDown
            | Command::RotateRight
            | Command::RotateLeft
            | Command::FlipAcross
            | Command::FlipDown
            | Command::SnapToGrid => Menu::Arrange,
            Command::ZoomIn
            | Command::ZoomOut
            | Command::ZoomReset
            | Command::ZoomFit
            | Command::ZoomSelection
            | Command::ToggleSidebar
            | Command::ToggleInspector
            | Command::MovingPictures
            | Command::Find
            | Command::LookSystem
            | Command::LookLight
            | Command::LookDark
            | Command::LanguageSystem
            | Command::LanguageEnglish
            | Command::LanguageDutch => Menu::View,
            Command::ShowShortcuts | Command::ShowWelcome | Command::ShowAbout => Menu::Help,
            Command::ToggleSession
            | Command::DrawPrompt
            | Command::GiveDot
            | Command::TakeDot
            | Command::Shuffle
            | Command::Spotlight
            | Command::ShowLenses => Menu::Session,
        }
    }

    /// The main shortcut, shown in menus.
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        Some(match self {
            Command::NewBoard => cmd(Key::N),
            Command::Open => cmd(Key::O),
            Command::Library => cmd_shift(Key::O),
            Command::SearchLibrary => cmd_shift(Key::F),
            Command::Save => cmd(Key::S),
            Command::SaveAs => cmd_shift(Key::S),
            Command::MergeBoard => cmd_shift(Key::M),
            Command::ExportHtml => cmd_shift(Key::E),
            // Where other apps print: the PDF is what this app prints.
            Command::ExportPdf => cmd(Key::P),
            Command::SavePack
            | Command::ShareLive
            | Command::JoinLive
            | Command::ExportMarkdown
            | Command::ExportPng
            | Command::ExportCanvas
            | Command::ImportCanvas
            | Command::LookSystem
            | Command::LookLight
            | Command::LookDark
            | Command::LanguageSystem
            | Command::LanguageEnglish
            | Command::LanguageDutch
            | Command::WorkOffline
            | Command::ShowWelcome
            | Command::MoveToBoard
            | Command::CopyToBoard
            | Command::SaveAsTemplate
            | Command::MovingPictures
            | Command::ShowAbout => return None,
            Command::Quit => cmd(Key::Q),
            Command::Undo => cmd(Key::Z),
            Command::Redo => cmd_shift(Key::Z),
            Command::Cut => cmd(Key::X),
            Command::Copy => cmd(Key::C),
            Command::Paste => cmd(Key::V),
            Command::Delete => plain(Key::Delete),
            Command::Duplicate => cmd(Key::D),
            Command::SelectAll => cmd(Key::A),
            Command::ClearSelection => plain(Key::Escape),
            Command::BringToFront => cmd(Key::CloseBracket),
            Command::SendToBack => cmd(Key::OpenBracket),
            Command::ToggleLock => cmd(Key::L),
            Command::Add(kind) => return kind.spec().key.and_then(Key::from_name).map(plain),
            Command::AddTheme => plain(Key::T),
            Command::PickColour => KeyboardShortcut::new(Modifiers::SHIFT, Key::C),
            Command::Connect => alt(Key::C),
            Command::ArrangeByTheme => cmd_shift(Key::A),
            Command::AlignLeft => alt(Key::A),
            Command::AlignRight => alt(Key::D),
            Command::AlignTop => alt(Key::W),
            Command::AlignBottom => alt(Key::S),
            Command::AlignCentres => alt(Key::H),
            Command::AlignMiddles => alt(Key::V),
            Command::DistributeAcross => alt_shift(Key::H),
            Command::DistributeDown => alt_shift(Key::V),
            Command::RotateRight => cmd(Key::R),
            Command::RotateLeft => cmd_shift(Key::R),
            Command::FlipAcross => alt(Key::F),
            Command::FlipDown => alt_shift(Key::F),
            Command::SnapToGrid => cmd(Key::Quote),
            Command::ZoomIn => cmd(Key::Equals),
            Command::ZoomOut => cmd(Key::Minus),
            Command::ZoomReset => cmd(Key::Num0),
            Command::ZoomFit => cmd(Key::Num1),
            Command::ZoomSelection => cmd(Key::Num2),
            Command::ToggleSidebar => cmd(Key::B),
            Command::ToggleInspector => cmd(Key::I),
            Command::Find => cmd(Key::F),
            Command::ShowShortcuts => plain(Key::F1),
            Command::ToggleSession => plain(Key::F6),
            Command::DrawPrompt => plain(Key::P),
            Command::GiveDot => plain(Key::D),
            Command::TakeDot => KeyboardShortcut::new(Modifiers::SHIFT, Key::D),
            Command::Shuffle => cmd_shift(Key::H),
            Command::Spotlight => plain(Key::F5),
            Command::ShowLenses => cmd_shift(Key::L),
        })
    }

    /// Other keys that do the same.
    pub fn alternative_shortcuts(self) -> &'static [KeyboardShortcut] {
        const REDO: [KeyboardShortcut; 1] = [cmd(Key::Y)];
        const DELETE: [KeyboardShortcut; 1] = [plain(Key::Backspace)];
        const ZOOM_IN: [KeyboardShortcut; 1] = [cmd(Key::Plus)];
        match self {
            Command::Redo => &REDO,
            Command::Delete => &DELETE,
            Command::ZoomIn => &ZOOM_IN,
            _ => &[],
        }
    }

    /// Whether the shortcut also works while typing in a text field. Plain keys and
    /// editing keys must not: they belong to the text.
    pub fn works_while_typing(self) -> bool {
        matches!(
            self,
            Command::NewBoard
                | Command::Open
                | Command::Library
                | Command::SearchLibrary
                | Command::Save
                | Command::SaveAs
                | Command::Quit
                | Command::Find
                | Command::MergeBoard
                | Command::ExportHtml
                | Command::ExportPdf
        )
    }

    /// Commands whose shortcut egui handles itself (Ctrl+V, Ctrl+C and Ctrl+X arrive as
    /// paste, copy and cut events).
    pub fn has_own_input(self) -> bool {
        matches!(self, Command::Paste | Command::Copy | Command::Cut)
    }

    /// Reads this frame's key presses and returns the commands they trigger. While a
    /// menu or popup is open, Escape is left to it (it closes), not taken as a command.
    pub fn from_shortcuts(ctx: &egui::Context) -> Vec<Command> {
        Self::from_shortcuts_among(ctx, |_| true)
    }

    /// [`Command::from_shortcuts`] for the commands `wanted` lets through only: the keys
    /// of the others are left for whatever has the keyboard (the pen takes Esc).
    pub fn from_shortcuts_among(ctx: &egui::Context, wanted: impl Fn(Command) -> bool) -> Vec<Command> {
        // Typing is a text field with the keyboard; a card or a button with it still
        // takes the board's keys (N, T, D, F6 … work on the card walked to).
        let typing = ctx.text_edit_focused();
        let menu_open = egui::Popup::is_any_open(ctx);
        let mut fired = Vec::new();
        ctx.input_mut(|input| {
            // Longer shortcuts first, so Ctrl+Shift+Z is not taken by Ctrl+Z.
            let mut table: Vec<(Command, KeyboardShortcut)> = Command::all()
                .filter(|c| wanted(*c) && !c.has_own_input() && (!typing || c.works_while_typing()))
                .flat_map(|c| {
                    c.shortcut().into_iter().chain(c.alternative_shortcuts().iter().copied()).map(move |s| (c, s))
                })
                .filter(|(_, s)| !(menu_open && s.logical_key == Key::Escape))
                .collect();
            table.sort_by_key(|(_, s)| std::cmp::Reverse(modifier_count(s.modifiers)));
            for (command, shortcut) in table {
                if input.consume_shortcut(&shortcut) && !fired.contains(&command) {
                    fired.push(command);
                }
            }
        });
        fired
    }
}

fn modifier_count(m: Modifiers) -> u8 {
    u8::from(m.alt) + u8::from(m.shift) + u8::from(m.command || m.ctrl || m.mac_cmd)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_has_words_a_menu_and_its_own_keys() {
        let mut seen = std::collections::HashMap::new();
        for command in Command::all() {
            for lang in crate::i18n::Lang::ALL {
                let id = command.message_id();
                for id in [id.clone(), format!("{id}-help")] {
                    let text = crate::i18n::lookup(lang, &id, None);
                    assert!(text.is_some_and(|t| !t.is_empty()), "{lang:?} has no text for {id} ({command:?})");
                }
            }
            for shortcut in command.shortcut().iter().chain(command.alternative_shortcuts()) {
                if let Some(other) = seen.insert(*shortcut, command) {
                    panic!("{command:?} and {other:?} share {shortcut:?}");
                }
            }
        }
        // README's table lists every shortcut as the menus write it.
        let readme = include_str!("../../README.md");
        let table = &readme[readme.find("### Keyboard shortcuts").expect("README has a shortcuts table")..];
        for command in Command::all() {
            for shortcut in command.shortcut().iter().chain(command.alternative_shortcuts()) {
                let words = crate::ui::dialogs::shortcut_words(shortcut, false);
                let key = words.rsplit('+').next().unwrap_or(&words);
                let written = match shortcut.logical_key {
                    // Single letters and keys stand in cells as they are ("N / Q / L").
                    _ if shortcut.modifiers.is_none() => {
                        table.contains(&format!(" {key} ")) || table.contains(&format!(" {key} |"))
                    }
                    _ => table.contains(&words),
                };
                assert!(written, "README's shortcut table does not list {words} ({command:?})");
            }
        }
        // Every menu has something in it.
        for menu in <Menu as strum::IntoEnumIterator>::iter() {
            assert!(Command::all().any(|c| c.menu() == menu), "{menu:?} is empty");
            assert!(!menu.title().starts_with("menu-"), "{menu:?} has no title");
        }
    }
}
