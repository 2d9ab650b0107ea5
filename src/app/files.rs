//! Native file dialogs (rfd), each on its own short-lived thread so the window keeps
//! drawing while the dialog is open. What was picked comes back on a channel.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};

use crate::export::ExportFormat;
use crate::media::batch::TEXT_EXTENSIONS;
use crate::model::ASSET_EXTENSIONS;

/// What the user picked in a dialog.
#[derive(Clone, Debug, PartialEq)]
pub enum Picked {
    Open(PathBuf),
    SaveAs(PathBuf),
    Images(Vec<PathBuf>),
    /// A board or pack to merge into the open board.
    Merge(PathBuf),
    /// Where to write a pack of the open board.
    Pack(PathBuf),
    Export(ExportFormat, PathBuf),
    /// A JSON Canvas file to add to the open board.
    Canvas(PathBuf),
}

pub struct FileDialogs {
    enabled: bool,
    tx: Sender<Picked>,
    rx: Receiver<Picked>,
}

impl FileDialogs {
    pub fn new(enabled: bool) -> Self {
        let (tx, rx) = channel();
        Self { enabled, tx, rx }
    }

    /// Whether dialogs can be shown (not in headless tests).
    pub fn enabled(&self) -> bool {
        self.enabled
    }

    fn spawn(&self, ctx: &egui::Context, pick: impl FnOnce() -> Option<Picked> + Send + 'static) {
        if !self.enabled {
            return;
        }
        let (tx, ctx) = (self.tx.clone(), ctx.clone());
        std::thread::spawn(move || {
            if let Some(picked) = pick() {
                let _ = tx.send(picked);
                ctx.request_repaint();
            }
        });
    }

    pub fn open_board(&self, ctx: &egui::Context, folder: PathBuf) {
        self.spawn(ctx, move || {
            rfd::FileDialog::new()
                .set_title("Open a board")
                .add_filter("Boards and packs", &["ron", crate::storage::pack::PACK_EXTENSION])
                .set_directory(folder)
                .pick_file()
                .map(Picked::Open)
        });
    }

    pub fn save_as(&self, ctx: &egui::Context, folder: PathBuf, name: String) {
        self.spawn(ctx, move || {
            rfd::FileDialog::new()
                .set_title("Save the board as")
                .add_filter("Moodboard", &["ron"])
                .set_directory(folder)
                .set_file_name(format!("{name}{}", crate::storage::paths::BOARD_SUFFIX))
                .save_file()
                .map(Picked::SaveAs)
        });
    }

    pub fn images(&self, ctx: &egui::Context) {
        self.spawn(ctx, || {
            let mut all: Vec<&str> = ASSET_EXTENSIONS.to_vec();
            all.extend(["jpeg", "tif"]);
            rfd::FileDialog::new()
                .set_title("Add images")
                .add_filter("Images", &all)
                .add_filter("Text notes", &TEXT_EXTENSIONS)
                .pick_files()
                .map(Picked::Images)
        });
    }

    pub fn merge_board(&self, ctx: &egui::Context, folder: PathBuf) {
        self.spawn(ctx, move || {
            rfd::FileDialog::new()
                .set_title("Merge a board into this one")
                .add_filter("Boards and packs", &["ron", crate::storage::pack::PACK_EXTENSION])
                .set_directory(folder)
                .pick_file()
                .map(Picked::Merge)
        });
    }

    pub fn save_pack(&self, ctx: &egui::Context, folder: PathBuf, name: String) {
        self.spawn(ctx, move || {
            let ext = crate::storage::pack::PACK_EXTENSION;
            rfd::FileDialog::new()
                .set_title("Save the board and its images as one file")
                .add_filter("Moodboard pack", &[ext])
                .set_directory(folder)
                .set_file_name(format!("{name}.{ext}"))
                .save_file()
                .map(Picked::Pack)
        });
    }

    pub fn export(&self, ctx: &egui::Context, format: ExportFormat, folder: PathBuf, name: String) {
        self.spawn(ctx, move || {
            rfd::FileDialog::new()
                .set_title(format!("Export as {}", format.title()))
                .add_filter(format.title(), &[format.extension()])
                .set_directory(folder)
                .set_file_name(format!("{name}.{}", format.extension()))
                .save_file()
                .map(|p| Picked::Export(format, p))
        });
    }

    pub fn canvas(&self, ctx: &egui::Context, folder: PathBuf) {
        self.spawn(ctx, move || {
            rfd::FileDialog::new()
                .set_title("Import a JSON Canvas file")
                .add_filter("JSON Canvas", &["canvas"])
                .set_directory(folder)
                .pick_file()
                .map(Picked::Canvas)
        });
    }

    /// Picks made since the last call.
    pub fn poll(&self) -> Vec<Picked> {
        self.rx.try_iter().collect()
    }
}
