//! Sharing in the app: merging another board, packs, exports and JSON Canvas import.
//! The slow part of each (reading files, copying images, encoding) runs on a
//! background thread; merging into the open board happens on the UI thread as one
//! undoable step.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};

use super::MoodboardApp;
use crate::export::{self, CanvasNodes, ExportFormat};
use crate::model::Board;
use crate::storage::{self, pack, paths};
use crate::ui::merge_preview::{MergeAnswer, MergePreview};
use crate::ui::view::ThemeFilter;

/// What a background job produced.
pub enum JobDone {
    /// Another board (or copy), loaded, for the merge preview. `scratch` holds an
    /// unpacked pack's files until the merge is done or cancelled.
    MergeLoaded {
        for_board: PathBuf,
        board: Box<Board>,
        from: PathBuf,
        name: String,
        scratch: Option<tempfile::TempDir>,
    },
    /// The other board's images are copied into ours: merge now.
    MergeReady {
        for_board: PathBuf,
        board: Box<Board>,
        name: String,
        problems: usize,
    },
    /// A canvas's nodes, its images already stored in the board's assets.
    CanvasReady {
        for_board: PathBuf,
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
    Unpacked(PathBuf),
    Failed(String),
}

/// A merge waiting for the user's answer to its preview.
pub struct PendingMerge {
    pub preview: MergePreview,
    for_board: PathBuf,
    board: Box<Board>,
    from: PathBuf,
    scratch: Option<tempfile::TempDir>,
}

/// Background jobs for sharing, each on its own short-lived thread.
pub struct Jobs {
    tx: Sender<JobDone>,
    rx: Receiver<JobDone>,
    running: usize,
}

impl Default for Jobs {
    fn default() -> Self {
        let (tx, rx) = channel();
        Self { tx, rx, running: 0 }
    }
}

impl Jobs {
    fn spawn(&mut self, ctx: &egui::Context, job: impl FnOnce() -> JobDone + Send + 'static) {
        let (tx, ctx) = (self.tx.clone(), ctx.clone());
        self.running += 1;
        std::thread::spawn(move || {
            let _ = tx.send(job());
            ctx.request_repaint();
        });
    }

    fn poll(&mut self) -> Vec<JobDone> {
        let done: Vec<JobDone> = self.rx.try_iter().collect();
        self.running = self.running.saturating_sub(done.len());
        done
    }

    pub fn running(&self) -> usize {
        self.running
    }
}

impl MoodboardApp {
    /// Starts merging the board (or pack) at `path` into the open board: loads it in the
    /// background, then shows what the merge would do before anything happens.
    pub fn merge_file(&mut self, path: PathBuf) {
        let for_board = self.doc.path.clone();
        self.toasts.info(format!("Reading {}…", path.display()));
        self.jobs.spawn(&self.ctx, move || {
            let mut scratch = None;
            let from = if is_pack(&path) {
                // A pack is unpacked into a temporary folder that goes with the merge.
                let dir = match tempfile::tempdir() {
                    Ok(dir) => dir,
                    Err(e) => return JobDone::Failed(format!("Could not merge: no temporary folder: {e}")),
                };
                match pack::unpack(&path, dir.path()) {
                    Ok(p) => {
                        scratch = Some(dir);
                        p
                    }
                    Err(e) => return JobDone::Failed(format!("Could not merge: {e}")),
                }
            } else {
                path.clone()
            };
            match storage::load(&from) {
                Ok(loaded) => {
                    let name = paths::board_name(&from);
                    JobDone::MergeLoaded { for_board, board: Box::new(loaded.board), from, name, scratch }
                }
                Err(e) => JobDone::Failed(format!("Could not merge: {e}")),
            }
        });
    }

    /// Carries out the answer to the merge preview: copies the other board's images in
    /// (in the background), then merges.
    pub(super) fn answer_merge(&mut self, answer: MergeAnswer) {
        let Some(pending) = self.pending_merge.take() else { return };
        if answer == MergeAnswer::Cancel || pending.for_board != self.doc.path {
            return;
        }
        let PendingMerge { preview, for_board, board, from, scratch } = pending;
        self.jobs.spawn(&self.ctx, move || {
            let problems = storage::import_assets(&from, &board, &for_board).len();
            drop(scratch);
            JobDone::MergeReady { for_board, board, name: preview.name, problems }
        });
    }

    /// Starts adding the nodes of a JSON Canvas file to the open board.
    pub fn import_canvas_file(&mut self, path: PathBuf) {
        let for_board = self.doc.path.clone();
        let store = storage::AssetStore::for_board(&self.doc.path);
        self.jobs.spawn(&self.ctx, move || match export::read_canvas(&path, &store) {
            Ok(nodes) => {
                let name = path.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                JobDone::CanvasReady { for_board, nodes: Box::new(nodes), name }
            }
            Err(e) => JobDone::Failed(format!("Could not import: {e}")),
        });
    }

    /// Starts exporting the board (or, while the sidebar shows one theme, that theme).
    pub fn export_to(&mut self, format: ExportFormat, out: PathBuf) {
        let theme = match (&self.view.filter, format) {
            (ThemeFilter::Theme(id), ExportFormat::Html | ExportFormat::Markdown | ExportFormat::Png) => {
                self.doc.board().theme(id).map(|t| t.name.clone())
            }
            _ => None,
        };
        let (board_path, board) = (self.doc.path.clone(), self.doc.board().clone());
        self.jobs.spawn(&self.ctx, move || match export::export(&board_path, &board, format, &out, theme.as_deref()) {
            Ok(()) => JobDone::Exported { path: out, format },
            Err(e) => JobDone::Failed(format!("Export failed: {e}")),
        });
    }

    /// Starts writing the board and its images into a pack.
    pub fn pack_to(&mut self, out: PathBuf) {
        let (board_path, board) = (self.doc.path.clone(), self.doc.board().clone());
        self.jobs.spawn(&self.ctx, move || match pack::pack(&board_path, &board, &out) {
            Ok((images, missing)) => JobDone::Packed { path: out, images, missing: missing.len() },
            Err(e) => JobDone::Failed(format!("Pack not saved: {e}")),
        });
    }

    /// Unpacks a pack into the boards folder, then opens it.
    pub fn open_pack(&mut self, path: PathBuf) {
        let into = self.boards_dir.clone();
        self.jobs.spawn(&self.ctx, move || match pack::unpack(&path, &into) {
            Ok(board) => JobDone::Unpacked(board),
            Err(e) => JobDone::Failed(format!("Could not open the pack: {e}")),
        });
    }

    /// Carries out what finished jobs produced.
    pub(super) fn drain_jobs(&mut self) {
        for done in self.jobs.poll() {
            match done {
                JobDone::MergeLoaded { for_board, board, from, name, scratch } => {
                    if for_board != self.doc.path {
                        self.toasts.info(format!("“{name}” was read for another board; nothing was merged."));
                        continue;
                    }
                    let preview = MergePreview::new(self.doc.board(), &board, &name);
                    self.pending_merge = Some(PendingMerge { preview, for_board, board, from, scratch });
                }
                JobDone::MergeReady { for_board, board, name, problems } => {
                    if for_board != self.doc.path {
                        self.toasts.info(format!("“{name}” was to be merged into another board; nothing was merged."));
                        continue;
                    }
                    let label = format!("Merge “{name}”");
                    match self.doc.merge_step(&board, label) {
                        Ok((summary, refused)) => {
                            self.brought_in(&summary, &refused, &name);
                            if summary.is_empty() {
                                self.toasts.info(format!("“{name}” brought nothing new"));
                            }
                            if problems > 0 {
                                self.toasts.warning(format!("{problems} image(s) of “{name}” are missing"));
                            }
                        }
                        Err(e) => self.toasts.error(format!("Could not merge “{name}”: {e}")),
                    }
                }
                JobDone::CanvasReady { for_board, nodes, name } => {
                    if for_board != self.doc.path {
                        self.toasts.info(format!("“{name}” was read for another board; nothing was imported."));
                        continue;
                    }
                    let mut board = self.doc.board().clone();
                    let report = nodes.add_to(&mut board, &self.prefs.contributor(), "own team");
                    match self.doc.merge_step(&board, format!("Import “{name}”")) {
                        Ok((summary, refused)) => {
                            self.brought_in(&summary, &refused, &name);
                            if !report.skipped.is_empty() {
                                self.toasts.warning(format!(
                                    "{} file(s) of the canvas were added as notes: {}",
                                    report.skipped.len(),
                                    report.skipped.join("; ")
                                ));
                            }
                        }
                        Err(e) => self.toasts.error(format!("Could not import “{name}”: {e}")),
                    }
                }
                JobDone::Exported { path, format } => {
                    self.toasts.info(format!("Exported as {} to {}", format.title(), path.display()));
                }
                JobDone::Packed { path, images, missing } => {
                    let note =
                        if missing > 0 { format!(" ({missing} missing image(s) left out)") } else { String::new() };
                    self.toasts.info(format!("Saved a pack with {images} image(s) to {}{note}", path.display()));
                }
                JobDone::Unpacked(board) => self.leave(super::AfterClose::Open(board)),
                JobDone::Failed(e) => self.toasts.error(e),
            }
        }
    }
}

/// Whether `path` names a pack file.
pub fn is_pack(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case(pack::PACK_EXTENSION))
}
