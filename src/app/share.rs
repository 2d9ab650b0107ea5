//! The app's file work, none of it in a frame: opening, creating and saving a copy of
//! a board; merging another board, packs, exports and JSON Canvas import. The slow part
//! of each (reading files, copying images, encoding) runs as a background job; what
//! changes the open board (a merge, an import) happens on the UI thread as one undoable
//! step, and only if that board is still the one open.

use crate::export::canvas::CanvasIdeas;
use crate::model::operations::Contributor;
use crate::tr;
use std::path::{Path, PathBuf};

use super::jobs::{BoardKey, Crashed, Progress};
use super::{AfterClose, MoodboardApp};
use crate::document::Document;
use crate::export::{self, CanvasNodes, ExportFormat};
use crate::model::Board;
use crate::model::Trust;
use crate::storage::{self, pack, paths};
use crate::ui::merge_preview::{MergeAnswer, MergePreview};
use crate::ui::view::ThemeFilter;

/// Why a background job failed: what it was doing (in the interface's words), and the
/// error that stopped it.
#[derive(Debug)]
pub struct JobError {
    pub what: String,
    pub cause: crate::i18n::Message,
}

impl JobError {
    pub(super) fn new(what: impl Into<String>, cause: impl crate::i18n::Said) -> Self {
        Self { what: what.into(), cause: cause.message() }
    }
}

impl crate::i18n::Said for JobError {
    fn message(&self) -> crate::i18n::Message {
        crate::i18n::Message::new("job-failed").with("what", self.what.as_str()).with("reason", self.cause.clone())
    }
}

/// What a background job produced.
pub enum JobDone {
    /// A board read (or made) from disk, to open in place of the current one.
    Opened {
        doc: Box<Document>,
        /// Said once it is open: "Saved as …", "New board at …".
        note: Option<String>,
        /// A new board: ask what it is for.
        ask_goal: bool,
    },
    /// Another board (or copy), loaded, for the merge preview. `scratch` holds an
    /// unpacked pack's files until the merge is done or cancelled.
    MergeLoaded {
        board: Box<Board>,
        from: PathBuf,
        name: String,
        scratch: Option<tempfile::TempDir>,
    },
    /// The other board's images are copied into ours: merge now.
    MergeReady {
        board: Box<Board>,
        name: String,
        problems: usize,
        /// How far the person merging trusted the copy (see the merge preview).
        trust: Trust,
    },
    /// A canvas's nodes, its images already stored in the board's assets.
    CanvasReady {
        nodes: Box<CanvasNodes>,
        name: String,
    },
    Exported {
        path: PathBuf,
        format: ExportFormat,
    },
    Packed {
        path: PathBuf,
        images: usize,
        missing: usize,
    },
    /// A pack unpacked into the boards folder: open it.
    Unpacked(PathBuf),
    /// Cards copied: the clip text for the clipboard, how many cards, and how many
    /// pictures did not come along.
    Copied {
        text: String,
        count: usize,
        left_out: usize,
    },
    /// Cards read from the clipboard, ready to go on the board.
    Pasted(Box<Pasted>),
    /// The open board's live peer has started.
    LiveStarted(Box<crate::live::Peer>),
    /// A copy made from a live ticket, with its peer running: open it.
    LiveJoined {
        doc: Box<Document>,
        peer: Box<crate::live::Peer>,
    },
    Failed(JobError),
}

/// Cards read from the clipboard, their pictures already in the board's assets.
pub struct Pasted {
    pub items: Vec<crate::model::Item>,
    pub themes: Vec<crate::storage::clip::ClipTheme>,
    /// What was repaired or left out, one line each.
    pub problems: Vec<String>,
}

/// A merge waiting for the user's answer to its preview.
pub struct PendingMerge {
    pub preview: MergePreview,
    board: Box<Board>,
    from: PathBuf,
    scratch: Option<tempfile::TempDir>,
}

/// The jobs of the app.
pub type Jobs = super::jobs::Jobs<JobDone>;

impl MoodboardApp {
    fn key(&self) -> BoardKey {
        self.open.key
    }

    /// Opens the board (or pack) at `path` in the background; the current board stays
    /// until it is read, and stays if it cannot be.
    pub fn open(&mut self, path: &Path) {
        if is_pack(path) {
            self.open_pack(path.to_owned());
            return;
        }
        let path = path.to_owned();
        let label = tr!("job-opening", board = paths::board_name(&path));
        self.jobs.spawn(&self.ctx, self.key(), label, move |_| match Document::open(&path) {
            Ok(doc) => JobDone::Opened { doc: Box::new(doc), note: None, ask_goal: false },
            Err(e) => JobDone::Failed(JobError::new(tr!("job-open-failed"), e)),
        });
    }

    /// Creates a new board in the boards folder, in the background, and opens it.
    /// Creates a board titled `title` (its file named after it) in the boards folder, in
    /// the background, and opens it.
    pub(super) fn new_board(&mut self, title: String, goals: Vec<String>, template: crate::library::Template) {
        let folder = self.boards_dir.clone();
        // Frames are named in the language of the moment, on this thread.
        let ask_goal = goals.is_empty() && template == crate::library::Template::default();
        let made = match &template {
            crate::library::Template::Builtin(b) => {
                Some(b.board(&title, goals.clone(), crate::model::Timestamp::now()))
            }
            crate::library::Template::Saved(_) => None,
        };
        self.jobs.spawn(&self.ctx, self.key(), tr!("job-creating", board = title.as_str()), move |_| {
            if let Err(e) = std::fs::create_dir_all(&folder) {
                return JobDone::Failed(JobError::new(tr!("job-folder-failed"), e));
            }
            let created = match made {
                Some(board) => {
                    Document::create_board(&folder, board).map_err(|e| JobError::new(tr!("job-create-failed"), e))
                }
                None => crate::library::create_from(&template, &folder, &title, goals)
                    .map_err(|e| JobError::new(tr!("job-create-failed"), e))
                    .and_then(|path| Document::open(&path).map_err(|e| JobError::new(tr!("job-create-failed"), e))),
            };
            match created {
                Ok(doc) => {
                    let note = Some(tr!("job-new-board-at", path = doc.path));
                    let ask_goal = ask_goal || doc.board().goals.is_empty();
                    JobDone::Opened { doc: Box::new(doc), note, ask_goal }
                }
                Err(e) => JobDone::Failed(e),
            }
        });
    }

    /// Writes the open board and copies of its images to `to` in the background, with
    /// progress, then opens the copy.
    pub(super) fn save_as(&mut self, to: PathBuf) {
        let (from, board) = (self.open.doc.path.clone(), self.open.doc.board().clone());
        let label = tr!("job-saving-copy", board = paths::board_name(&to));
        self.jobs.spawn(&self.ctx, self.key(), label, move |progress| {
            if let Err(e) = save_copy(&from, &board, &to, progress) {
                return JobDone::Failed(JobError::new(tr!("job-save-as-failed"), e));
            }
            match Document::open(&to) {
                Ok(doc) => {
                    JobDone::Opened { doc: Box::new(doc), note: Some(tr!("job-saved-as", path = to)), ask_goal: false }
                }
                Err(e) => JobDone::Failed(JobError::new(tr!("job-reopen-failed"), e)),
            }
        });
    }

    /// Starts merging the board (or pack) at `path` into the open board: loads it in the
    /// background, then shows what the merge would do before anything happens.
    pub fn merge_file(&mut self, path: PathBuf) {
        let label = tr!("job-reading", board = paths::board_name(&path));
        let our_id = self.open.doc.board().id().clone();
        self.jobs.spawn(&self.ctx, self.key(), label, move |_| {
            let mut scratch = None;
            let from = if is_pack(&path) {
                // A pack is unpacked into a temporary folder that goes with the merge.
                let dir = match tempfile::tempdir() {
                    Ok(dir) => dir,
                    Err(e) => return JobDone::Failed(JobError::new(tr!("job-merge-no-temp"), e)),
                };
                match pack::unpack(&path, dir.path()) {
                    Ok(p) => {
                        scratch = Some(dir);
                        p
                    }
                    Err(e) => return JobDone::Failed(JobError::new(tr!("job-merge-failed"), e)),
                }
            } else {
                path.clone()
            };
            match storage::load(&from) {
                Ok(loaded) => {
                    // Another board is known by its title; a copy of ours (same title) by
                    // the name of the file picked ("Kim's copy", a pack's own name: the
                    // board unpacked from it is named after the title).
                    let title = crate::model::one_line(&loaded.board.title, 60);
                    let picked = paths::board_name(&path);
                    let picked = picked
                        .strip_suffix(&format!(".{}", pack::PACK_EXTENSION))
                        .map_or_else(|| picked.clone(), str::to_owned);
                    let name = if title.is_empty() || *loaded.board.id() == our_id { picked } else { title };
                    JobDone::MergeLoaded { board: Box::new(loaded.board), from, name, scratch }
                }
                Err(e) => JobDone::Failed(JobError::new(tr!("job-merge-failed"), e)),
            }
        });
    }

    /// Carries out the answer to the merge preview: copies the other board's images in
    /// (in the background), then merges.
    pub(super) fn answer_merge(&mut self, answer: MergeAnswer) {
        let Some(pending) = self.open.pending_merge.take() else { return };
        let trust = match answer {
            MergeAnswer::Cancel => return,
            MergeAnswer::Everything => Trust::Colleague,
            MergeAnswer::NewIdeasOnly => Trust::NewIdeasOnly,
        };
        let PendingMerge { preview, board, from, scratch } = pending;
        let ours = self.open.doc.path.clone();
        let label = tr!("job-copying-images", board = preview.name.as_str());
        self.jobs.spawn(&self.ctx, self.key(), label, move |_| {
            let problems = storage::import_assets(&from, &board, &ours).len();
            drop(scratch);
            JobDone::MergeReady { board, name: preview.name, problems, trust }
        });
    }

    /// Starts adding the nodes of a JSON Canvas file to the open board.
    pub fn import_canvas_file(&mut self, path: PathBuf) {
        let store = self.open.store();
        let name = path.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let label = tr!("job-reading", board = name.as_str());
        self.jobs.spawn(&self.ctx, self.key(), label, move |_| match export::read_canvas(&path, &store) {
            Ok(nodes) => JobDone::CanvasReady { nodes: Box::new(nodes), name },
            Err(e) => JobDone::Failed(JobError::new(tr!("job-import-failed"), e)),
        });
    }

    /// Starts exporting the board (or, while the sidebar shows one theme, that theme).
    pub fn export_to(&mut self, format: ExportFormat, out: PathBuf) {
        let board = self.open.doc.board();
        let theme = match (&self.view.find.filter, format) {
            (
                ThemeFilter::Theme(id),
                ExportFormat::Html | ExportFormat::Markdown | ExportFormat::Png | ExportFormat::Pdf,
            ) => board.theme(id).map(|t| t.name.clone()),
            _ => None,
        };
        let (board_path, board) = (self.open.doc.path.clone(), board.clone());
        // The PDF in the interface's language, on the system's paper.
        let options = export::ExportOptions { theme, paper: export::Paper::of_system(), lang: crate::i18n::language() };
        let label = tr!("job-exporting", format = crate::ui::words::export_format(format));
        self.jobs.spawn(&self.ctx, self.key(), label, move |_| {
            match export::export(&board_path, &board, format, &out, &options) {
                Ok(()) => JobDone::Exported { path: out, format },
                Err(e) => JobDone::Failed(JobError::new(tr!("job-export-failed"), e)),
            }
        });
    }

    /// Starts writing the board and its images into a pack.
    pub fn pack_to(&mut self, out: PathBuf) {
        let (board_path, board) = (self.open.doc.path.clone(), self.open.doc.board().clone());
        self.jobs.spawn(&self.ctx, self.key(), tr!("job-saving-pack"), move |_| {
            match pack::pack(&board_path, &board, &out) {
                Ok((images, missing)) => JobDone::Packed { path: out, images, missing: missing.len() },
                Err(e) => JobDone::Failed(JobError::new(tr!("job-pack-failed"), e)),
            }
        });
    }

    /// Unpacks a pack into the boards folder, then opens it.
    pub fn open_pack(&mut self, path: PathBuf) {
        let into = self.boards_dir.clone();
        self.jobs.spawn(&self.ctx, self.key(), tr!("job-unpacking"), move |_| match pack::unpack(&path, &into) {
            Ok(board) => JobDone::Unpacked(board),
            Err(e) => JobDone::Failed(JobError::new(tr!("job-unpack-failed"), e)),
        });
    }

    /// Carries out what finished jobs produced. Results that would change the board are
    /// applied only to the board they were started for; reports are always told.
    pub(super) fn drain_jobs(&mut self) {
        for (key, done) in self.jobs.poll() {
            let done = match done {
                Ok(done) => done,
                Err(Crashed(what)) => {
                    self.toasts.error(tr!("job-crashed", job = what));
                    continue;
                }
            };
            let current = key == self.open.key;
            match done {
                JobDone::Opened { .. }
                | JobDone::CanvasReady { .. }
                | JobDone::MergeLoaded { .. }
                | JobDone::Pasted(_)
                    if !current =>
                {
                    self.toasts.info(tr!("job-other-board"));
                }
                JobDone::Opened { doc, note, ask_goal } => {
                    self.opened(*doc);
                    if ask_goal {
                        self.view.windows.ask_goal = Some(String::new());
                    }
                    if let Some(note) = note {
                        self.toasts.info(note);
                    }
                }
                JobDone::MergeLoaded { board, from, name, scratch } => {
                    let preview = MergePreview::new(self.open.doc.board(), &board, &name);
                    self.open.pending_merge = Some(PendingMerge { preview, board, from, scratch });
                }
                JobDone::MergeReady { name, .. } if !current => {
                    self.toasts.info(tr!("job-merge-board-closed", board = name.as_str()));
                }
                JobDone::MergeReady { board, name, problems, trust } => {
                    let label = tr!("step-merge", board = name.as_str());
                    match self.open.doc.merge_step(&board, label, trust) {
                        Ok((summary, refused)) => {
                            self.brought_in(&summary, &refused, &name, false);
                            if summary.is_empty() {
                                self.toasts.info(tr!("job-merge-nothing", board = name.as_str()));
                            }
                            if problems > 0 {
                                self.toasts.warning(tr!(
                                    "job-merge-missing-images",
                                    count = problems,
                                    board = name.as_str()
                                ));
                            }
                        }
                        Err(e) => self.toasts.error(tr!(
                            "job-merge-error",
                            board = name.as_str(),
                            reason = crate::i18n::said(&e)
                        )),
                    }
                }
                JobDone::CanvasReady { nodes, name } => {
                    let CanvasIdeas { themes, ideas, connectors, report } = nodes.ideas(self.open.doc.board());
                    let who = self.prefs.contributor();
                    let label = tr!("step-import", board = name.as_str());
                    match self.open.doc.add_with_themes(themes, ideas, connectors, label, Contributor::own_team(&who)) {
                        Ok(ids) => {
                            let summary = crate::model::MergeSummary {
                                added: ids,
                                themes_added: report.themes,
                                ..Default::default()
                            };
                            self.brought_in(&summary, &[], &name, false);
                            if !report.skipped.is_empty() {
                                self.toasts.report(
                                    crate::ui::toasts::Level::Warning,
                                    tr!("job-canvas-files-as-notes", count = report.skipped.len()),
                                    report.skipped,
                                );
                            }
                            if !report.edges_left_out.is_empty() {
                                self.toasts.report(
                                    crate::ui::toasts::Level::Warning,
                                    tr!("job-canvas-edges-left-out", count = report.edges_left_out.len()),
                                    report.edges_left_out,
                                );
                            }
                        }
                        Err(e) => self.toasts.error(tr!(
                            "job-import-error",
                            board = name.as_str(),
                            reason = crate::i18n::said(&e)
                        )),
                    }
                }
                JobDone::Exported { path, format } => {
                    self.toasts.info(tr!(
                        "job-exported",
                        format = crate::ui::words::export_format(format),
                        path = path
                    ));
                }
                JobDone::Packed { path, images, missing } => {
                    self.toasts.info(if missing > 0 {
                        tr!("job-packed-missing", count = images, path = path, missing = missing)
                    } else {
                        tr!("job-packed", count = images, path = path)
                    });
                }
                JobDone::Unpacked(board) if current => self.leave(AfterClose::Open(board)),
                JobDone::Unpacked(board) => {
                    self.toasts.info(tr!("job-unpacked", path = board));
                }
                JobDone::Copied { text, count, left_out } => {
                    self.ctx.copy_text(text);
                    let things = crate::ui::canvas::things(count);
                    self.toasts.info(if left_out > 0 {
                        tr!("job-copied-left-out", things = things, count = left_out)
                    } else {
                        tr!("job-copied", things = things)
                    });
                }
                JobDone::Pasted(pasted) => self.paste_cards(*pasted),
                // A peer started for a board no longer open stops again.
                JobDone::LiveStarted(peer) if !current => {
                    self.live_starting = false;
                    super::live::stop_in_background(*peer);
                }
                JobDone::LiveStarted(peer) => self.live_started(*peer),
                JobDone::LiveJoined { doc, peer } => self.live_joined(*doc, *peer),
                JobDone::Failed(e) => {
                    self.live_failed();
                    self.toasts.error(crate::i18n::said(&e));
                }
            }
        }
    }
}

/// Whether `path` names a pack file.
pub fn is_pack(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case(pack::PACK_EXTENSION))
}

/// Why a copy of a board could not be saved.
#[derive(Debug, thiserror::Error)]
pub enum CopyError {
    Asset(#[from] storage::AssetError),
    Save(#[from] storage::SaveError),
}

/// Writes `board` to `to` with copies of its images in `to`'s assets folder, counting
/// each image on `progress`. The source board is untouched; an existing file at `to` is
/// replaced atomically.
impl crate::i18n::Said for CopyError {
    fn message(&self) -> crate::i18n::Message {
        match self {
            CopyError::Asset(e) => crate::i18n::Said::message(e),
            CopyError::Save(e) => crate::i18n::Said::message(e),
        }
    }
}

crate::said_as_printed!(CopyError);

pub fn save_copy(from: &Path, board: &Board, to: &Path, progress: &Progress) -> Result<(), CopyError> {
    if from == to {
        return Ok(storage::save(to, board)?);
    }
    progress.set_total(board.image_assets().len() + 1);
    storage::copy_pictures(from, board, to, || progress.step())?;
    storage::save(to, board)?;
    progress.step();
    Ok(())
}
