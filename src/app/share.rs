//! Sharing in the app: merging another board, packs, exports and JSON Canvas import.
//! The slow part of each (reading files, copying images, encoding) runs on a
//! background thread; merging into the open board happens on the UI thread as one
//! undoable step.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};

use super::MoodboardApp;
use crate::export::{self, ExportFormat, canvas::CanvasImport};
use crate::model::Board;
use crate::storage::{self, pack, paths};
use crate::ui::view::ThemeFilter;

/// What a background job produced.
pub enum JobDone {
    /// Another board, its images already copied into ours, ready to merge.
    MergeReady {
        board: Box<Board>,
        name: String,
        problems: usize,
    },
    /// A copy of our board with a canvas's nodes added.
    CanvasReady {
        board: Box<Board>,
        report: CanvasImport,
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
    /// Starts merging the board (or pack) at `path` into the open board.
    pub fn merge_file(&mut self, path: PathBuf) {
        let ours = self.doc.path.clone();
        self.toasts.info(format!("Merging {}…", path.display()));
        self.jobs.spawn(&self.ctx, move || {
            // A pack is unpacked into a temporary folder that goes when the job ends.
            let scratch = match tempfile::tempdir() {
                Ok(dir) => dir,
                Err(e) => return JobDone::Failed(format!("Could not merge: no temporary folder: {e}")),
            };
            let board_path = if is_pack(&path) {
                match pack::unpack(&path, scratch.path()) {
                    Ok(p) => p,
                    Err(e) => return JobDone::Failed(format!("Could not merge: {e}")),
                }
            } else {
                path.clone()
            };
            match storage::load(&board_path) {
                Ok(loaded) => {
                    let problems = storage::import_assets(&board_path, &loaded.board, &ours).len();
                    let name = paths::board_name(&board_path);
                    JobDone::MergeReady { board: Box::new(loaded.board), name, problems }
                }
                Err(e) => JobDone::Failed(format!("Could not merge: {e}")),
            }
        });
    }

    /// Starts adding the nodes of a JSON Canvas file to the open board.
    pub fn import_canvas_file(&mut self, path: PathBuf) {
        let mut board = self.doc.board.clone();
        let store = storage::AssetStore::for_board(&self.doc.path);
        let who = self.prefs.contributor();
        self.jobs.spawn(&self.ctx, move || match export::read_canvas(&path, &store) {
            Ok(nodes) => {
                let report = nodes.add_to(&mut board, &who, "own team");
                let name = path.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                JobDone::CanvasReady { board: Box::new(board), report, name }
            }
            Err(e) => JobDone::Failed(format!("Could not import: {e}")),
        });
    }

    /// Starts exporting the board (or, while the sidebar shows one theme, that theme).
    pub fn export_to(&mut self, format: ExportFormat, out: PathBuf) {
        let theme = match (&self.view.filter, format) {
            (ThemeFilter::Theme(id), ExportFormat::Html | ExportFormat::Markdown | ExportFormat::Png) => {
                self.doc.board.theme(id).map(|t| t.name.clone())
            }
            _ => None,
        };
        let (board_path, board) = (self.doc.path.clone(), self.doc.board.clone());
        self.jobs.spawn(&self.ctx, move || match export::export(&board_path, &board, format, &out, theme.as_deref()) {
            Ok(()) => JobDone::Exported { path: out, format },
            Err(e) => JobDone::Failed(format!("Export failed: {e}")),
        });
    }

    /// Starts writing the board and its images into a pack.
    pub fn pack_to(&mut self, out: PathBuf) {
        let (board_path, board) = (self.doc.path.clone(), self.doc.board.clone());
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
                JobDone::MergeReady { board, name, problems } => {
                    let label = format!("Merge “{name}”");
                    match self.doc.merge_step(&board, label) {
                        Ok(summary) => {
                            self.brought_in(&summary, &name);
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
                JobDone::CanvasReady { board, report, name } => {
                    match self.doc.merge_step(&board, format!("Import “{name}”")) {
                        Ok(summary) => {
                            self.brought_in(&summary, &name);
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
