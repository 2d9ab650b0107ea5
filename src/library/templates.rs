//! Starting points for a new board: a few built in (an empty board, a moodboard with
//! frames for colour, texture, light and shape, a brainstorm with its session set up, a
//! retrospective), named in the interface's language, and the user's own: boards saved
//! as templates, kept with their pictures in `templates/` in the configuration folder.
//! A board made from a template is a new board (its own identity), never a copy of it.

use std::path::{Path, PathBuf};

use super::manage::{ManageError, duplicate_into};
use crate::model::{Board, Phase, Timestamp};
use crate::storage::{self, paths};
use crate::tr;

/// A starting point built into the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::EnumIter)]
pub enum Builtin {
    Empty,
    Moodboard,
    Brainstorm,
    Retrospective,
}

/// Where a new board starts from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Template {
    Builtin(Builtin),
    /// A board saved as a template (its file).
    Saved(PathBuf),
}

impl Default for Template {
    fn default() -> Self {
        Template::Builtin(Builtin::Empty)
    }
}

impl Builtin {
    pub fn name(self) -> String {
        tr!(match self {
            Builtin::Empty => "template-empty",
            Builtin::Moodboard => "template-moodboard",
            Builtin::Brainstorm => "template-brainstorm",
            Builtin::Retrospective => "template-retrospective",
        })
    }

    /// What it holds, in a sentence.
    pub fn about(self) -> String {
        tr!(match self {
            Builtin::Empty => "template-empty-about",
            Builtin::Moodboard => "template-moodboard-about",
            Builtin::Brainstorm => "template-brainstorm-about",
            Builtin::Retrospective => "template-retrospective-about",
        })
    }

    /// The board it makes, titled `title`, its frames named in the interface's language.
    pub fn board(self, title: &str, goals: Vec<String>, now: Timestamp) -> Board {
        let mut board = Board::new(title, now);
        board.goals = goals;
        let frames: &[&str] = match self {
            Builtin::Empty => &[],
            Builtin::Moodboard => {
                &["template-frame-colour", "template-frame-texture", "template-frame-light", "template-frame-shape"]
            }
            Builtin::Brainstorm => &["template-frame-collect", "template-frame-cluster"],
            Builtin::Retrospective => {
                &["template-frame-went-well", "template-frame-better", "template-frame-try", "template-frame-thanks"]
            }
        };
        for id in frames {
            let theme = board.new_theme(&crate::i18n::tr(id), now);
            board.themes.push(theme);
        }
        if matches!(self, Builtin::Brainstorm | Builtin::Retrospective) {
            // Collecting from the start, each on their own first (no anchoring), three
            // dots each for later.
            board.session.phase = Phase::Collect;
            board.session.private_collect = self == Builtin::Brainstorm;
            board.session.dots_per_person = 3;
            board.session.modified = now;
        }
        board
    }
}

/// The folder the user's templates are kept in: `templates/` in the configuration folder.
pub fn templates_dir() -> Option<PathBuf> {
    crate::prefs::config_dir().map(|d| d.join("templates"))
}

/// The user's templates in `dir`, with their titles, by title.
pub fn saved_templates(dir: &Path) -> Vec<(PathBuf, String)> {
    let folders = [dir.to_owned()];
    let mut found: Vec<(PathBuf, String)> = super::catalog::board_files(&folders)
        .into_iter()
        .filter(|(_, stamp)| stamp.is_ok())
        .filter_map(|(path, _)| {
            let board = super::catalog::read(&path).ok()?;
            let title = if board.title.trim().is_empty() { paths::board_name(&path) } else { board.title };
            Some((path, title))
        })
        .collect();
    found.sort_by_key(|(_, title)| title.to_lowercase());
    found
}

/// Keeps `board` (the board at `from`) as a template in `dir`, its pictures with it:
/// its themes, cards and session settings, without the dots and reactions it was given.
pub fn save_as_template(from: &Path, board: &Board, dir: &Path) -> Result<PathBuf, ManageError> {
    std::fs::create_dir_all(dir).map_err(|source| storage::SaveError::Io {
        path: dir.to_owned(),
        action: "action-create-templates-folder",
        source,
    })?;
    let mut kept = board.clone();
    kept.votes = Default::default();
    kept.responses = Default::default();
    kept.session.phase = Phase::Off;
    duplicate_into(from, &kept, &board.title, dir)
}

/// A new board in `folder` from `template`, titled `title`; `goals` replace a saved
/// template's own when any are given. Returns its path.
pub fn create_from(
    template: &Template,
    folder: &Path,
    title: &str,
    goals: Vec<String>,
) -> Result<PathBuf, ManageError> {
    std::fs::create_dir_all(folder).map_err(|source| storage::SaveError::Io {
        path: folder.to_owned(),
        action: "action-create-boards-folder",
        source,
    })?;
    match template {
        Template::Builtin(builtin) => {
            let path = paths::unused_board_path(folder, title);
            storage::create(&path, &builtin.board(title, goals, Timestamp::now()))?;
            Ok(path)
        }
        Template::Saved(from) => {
            let mut board = storage::load(from)?.board;
            if !goals.is_empty() {
                board.goals = goals;
            }
            duplicate_into(from, &board, title, folder)
        }
    }
}
