//! The window's contents. Functions here draw and return [`Action`]s; the app applies
//! them after the frame. Nothing here changes the board directly.

pub mod camera;
pub mod canvas;
pub mod capture;
pub mod cards;
pub mod commands;
pub mod connectors;
pub mod crop;
pub mod derived;
pub mod dialogs;
pub mod downloads;
pub mod frames;
pub mod grid;
pub mod inspector;
pub mod invite;
pub mod judgment;
pub mod keyboard;
pub mod lens;
pub mod library;
pub mod live;
pub mod marks;
pub mod merge_preview;
pub mod pen;
pub mod picker;
pub mod presence;
pub mod session;
pub mod sidebar;
pub mod spotlight;
pub mod style;
pub mod toasts;
pub mod topbar;
pub mod view;
mod widgets;
pub mod windows;
pub mod words;

use std::path::PathBuf;
use std::sync::Arc;

use crate::model::{Edit, ItemKind, Pos, ThemeId};
pub use commands::Command;

/// Something the user asked for, to be carried out by the app.
pub enum Action {
    /// Change the board, as one undo step with this label.
    Edit {
        edit: Edit,
        label: String,
    },
    Command(Command),
    /// Add a new item of this kind, centred as near this board point as there is free
    /// room (`None`: where the user is looking).
    Add {
        kind: ItemKind,
        centre_in_board: Option<Pos>,
        theme: Option<ThemeId>,
    },
    /// Add a new item of this kind with its top-left corner exactly here, this size (a
    /// sketch, added by its first stroke where the pen was).
    AddAt {
        kind: ItemKind,
        pos: Pos,
        size: crate::model::Size,
    },
    /// Import these files (images become images, text files notes).
    ImportFiles {
        paths: Vec<PathBuf>,
        centre_in_board: Option<Pos>,
    },
    PasteImage {
        image: Arc<egui::ColorImage>,
        centre_in_board: Option<Pos>,
    },
    PasteText {
        text: String,
        centre_in_board: Option<Pos>,
    },
    OpenBoard(PathBuf),
    /// Open this board (if it is not the open one) zoomed to this idea, selected.
    OpenIdea {
        board: PathBuf,
        id: String,
    },
    /// Make a new board with this title (its file is named after it) and goal, from
    /// this starting point.
    NewBoard {
        title: String,
        goal: String,
        template: crate::library::Template,
    },
    OpenUrl(String),
    /// Stop the image import that is under way.
    CancelImport,
    /// Set the name written as contributor on what this user adds.
    SetName(String),
    /// Set the list of perspectives offered as an item's source.
    SetSources(Vec<String>),
    /// Draw prompts in this language.
    SetPromptLang(crate::prompts::Lang),
    /// Tell the user something went wrong (shown as a toast).
    Error(String),
    /// Download the picture at this http(s) address into a new image card (the Image
    /// form).
    AddImageFromAddress {
        address: String,
        centre_in_board: Option<Pos>,
    },
    /// Open the file picker for images (the Image form's Choose files…).
    ChooseImageFiles,
    /// Try a failed download again.
    RetryDownload(u64),
    /// Forget a failed download.
    DismissDownload(u64),
    /// Start the live session's join server and show the invitation.
    StartInviting,
    /// Show the invitation again.
    ShowInvitation,
    /// Stop the join server.
    StopInviting,
    /// Zoom to the ideas that came from phones.
    ShowArrivals,
    /// Join a live board with this ticket (File → Join live…).
    JoinLive(String),
    /// Make new secrets for the live board: earlier tickets stop working.
    NewLiveTicket,
    /// Stop sharing the board live.
    StopLive,
    /// Show the Share live window again.
    ShowLive,
    /// Tell the user something (a toast that goes by itself).
    Info(String),
    /// Live boards use no relay (the preference).
    SetLiveLanOnly(bool),
    /// Show what this person on the live board sees, as they move (by their presence id).
    Follow(String),
    /// Stop following.
    StopFollowing,
    /// Everyone on the live board follows us (the facilitator's *Bring everyone to me*).
    BringEveryone,
}

impl Action {
    pub fn edit(edit: Edit, label: impl Into<String>) -> Self {
        Action::Edit { edit, label: label.into() }
    }

    /// The same action with the card places and sizes it sets on the grid when `snap`
    /// (snap to grid is on).
    pub fn snapped_if(self, snap: bool) -> Self {
        match self {
            Action::Edit { edit, label } if snap => Action::Edit { edit: crate::model::align::snapped(edit), label },
            other => other,
        }
    }

    /// What a rule of the model decided: its edit as one undo step, or why not.
    pub fn rule(decided: Result<Edit, crate::model::rules::RuleError>, label: impl Into<String>) -> Self {
        match decided {
            Ok(edit) => Self::edit(edit, label),
            Err(why) => Action::Error(crate::i18n::said(&why)),
        }
    }
}
