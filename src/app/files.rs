//! File dialogs that work on every desktop. Where the system has a file chooser (the XDG
//! desktop portal, or zenity, which rfd falls back to; macOS and Windows always), it is
//! used, on a short-lived thread so the window keeps drawing. Where it has none (tiling
//! window managers, minimal desktops, remote sessions), Open, Save As, Add images and the
//! rest open a dialog inside the window instead (egui_file), never nothing at all. What
//! was picked comes back tagged with the board it was asked for.

use crate::tr;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};

use super::jobs::BoardKey;
use crate::export::ExportFormat;
use crate::media::batch::TEXT_EXTENSIONS;
use crate::model::ASSET_EXTENSIONS;
use crate::storage::pack::PACK_EXTENSION;
use crate::storage::paths::BOARD_SUFFIX;

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
    /// A folder for the library to look in.
    LibraryFolder(PathBuf),
}

/// Which file dialogs to show.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DialogKind {
    /// The system's when it has one, else the app's own.
    #[default]
    Auto,
    /// The system's (rfd).
    System,
    /// The app's own, inside the window.
    InWindow,
}

/// What a dialog is for: its title, filters and what its answer becomes.
#[derive(Clone, Debug)]
enum Purpose {
    Open,
    SaveAs,
    Images,
    Merge,
    Pack,
    Export(ExportFormat),
    Canvas,
    LibraryFolder,
}

impl Purpose {
    fn title(&self) -> String {
        match self {
            Purpose::Open => tr!("dialog-open"),
            Purpose::SaveAs => tr!("dialog-save-as"),
            Purpose::Images => tr!("dialog-images"),
            Purpose::Merge => tr!("dialog-merge"),
            Purpose::Pack => tr!("dialog-pack"),
            Purpose::Export(format) => tr!("dialog-export", format = crate::ui::words::export_format(*format)),
            Purpose::Canvas => tr!("dialog-canvas"),
            Purpose::LibraryFolder => tr!("dialog-library-folder"),
        }
    }

    /// `(filter name, extensions)`; the first filter is the one shown.
    fn filters(&self) -> Vec<(String, Vec<&'static str>)> {
        let boards = (tr!("dialog-filter-boards"), vec!["ron", PACK_EXTENSION]);
        match self {
            Purpose::Open | Purpose::Merge => vec![boards],
            Purpose::SaveAs => vec![("Moodboard".to_owned(), vec!["ron"])],
            Purpose::Images => {
                let mut all: Vec<&'static str> = ASSET_EXTENSIONS.to_vec();
                all.extend(["jpeg", "tif"]);
                let mut with_text = all.clone();
                with_text.extend(TEXT_EXTENSIONS);
                vec![(tr!("dialog-filter-images-text"), with_text), (tr!("dialog-filter-images"), all)]
            }
            Purpose::Pack => vec![(tr!("dialog-filter-pack"), vec![PACK_EXTENSION])],
            Purpose::Export(format) => vec![(crate::ui::words::export_format(*format), vec![format.extension()])],
            Purpose::Canvas => vec![("JSON Canvas".to_owned(), vec!["canvas"])],
            Purpose::LibraryFolder => Vec::new(),
        }
    }

    fn saves(&self) -> bool {
        matches!(self, Purpose::SaveAs | Purpose::Pack | Purpose::Export(_))
    }

    fn answer(&self, mut paths: Vec<PathBuf>) -> Option<Picked> {
        if let Purpose::Images = self {
            return (!paths.is_empty()).then_some(Picked::Images(paths));
        }
        let path = paths.drain(..).next()?;
        Some(match self {
            Purpose::Open => Picked::Open(path),
            Purpose::SaveAs => Picked::SaveAs(path),
            Purpose::Merge => Picked::Merge(path),
            Purpose::Pack => Picked::Pack(path),
            Purpose::Export(format) => Picked::Export(*format, path),
            Purpose::Canvas => Picked::Canvas(path),
            Purpose::LibraryFolder => Picked::LibraryFolder(path),
            Purpose::Images => unreachable!("handled above"),
        })
    }
}

/// A dialog shown inside the window.
struct InWindow {
    dialog: egui_file::FileDialog,
    purpose: Purpose,
    key: BoardKey,
}

pub struct FileDialogs {
    system: bool,
    tx: Sender<(BoardKey, Picked)>,
    rx: Receiver<(BoardKey, Picked)>,
    open: Option<InWindow>,
}

impl FileDialogs {
    pub fn new(kind: DialogKind) -> Self {
        let (tx, rx) = channel();
        let system = match kind {
            DialogKind::System => true,
            DialogKind::InWindow => false,
            DialogKind::Auto => system_has_a_file_chooser(),
        };
        Self { system, tx, rx, open: None }
    }

    fn show(&mut self, ctx: &egui::Context, key: BoardKey, purpose: Purpose, folder: PathBuf, name: Option<String>) {
        if self.system {
            self.system_dialog(ctx, key, purpose, folder, name);
            return;
        }
        let filters = purpose.filters();
        let extensions: Vec<&'static str> = filters.first().map(|(_, e)| e.clone()).unwrap_or_default();
        let filter: egui_file::Filter<PathBuf> = Box::new(move |path: &Path| {
            path.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| extensions.iter().any(|x| x.eq_ignore_ascii_case(e)))
        });
        let mut dialog = match purpose {
            Purpose::LibraryFolder => egui_file::FileDialog::select_folder(),
            ref p if p.saves() => egui_file::FileDialog::save_file(),
            _ => egui_file::FileDialog::open_file(),
        };
        dialog = dialog
            .title(&purpose.title())
            .initial_path(folder)
            .show_files_filter(filter)
            .multi_select(matches!(purpose, Purpose::Images))
            .show_rename(false)
            // Its own words in the interface's language.
            .open_button_text(tr!("file-dialog-open").into())
            .save_button_text(tr!("file-dialog-save").into())
            .cancel_button_text(tr!("button-cancel").into())
            .new_folder_button_text(tr!("file-dialog-new-folder").into())
            .new_folder_name_text(tr!("file-dialog-new-folder-name").into())
            .rename_button_text(tr!("file-dialog-rename").into())
            .refresh_button_hover_text(tr!("file-dialog-refresh").into())
            .parent_folder_button_hover_text(tr!("file-dialog-parent").into())
            .file_label_text(tr!("file-dialog-file").into())
            .show_hidden_checkbox_text(tr!("file-dialog-show-hidden").into())
            .default_size([640.0, 460.0])
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0]);
        if let Some(name) = name {
            dialog = dialog.default_filename(name);
        }
        dialog.open();
        self.open = Some(InWindow { dialog, purpose, key });
    }

    fn system_dialog(
        &self,
        ctx: &egui::Context,
        key: BoardKey,
        purpose: Purpose,
        folder: PathBuf,
        name: Option<String>,
    ) {
        let (tx, ctx) = (self.tx.clone(), ctx.clone());
        std::thread::spawn(move || {
            let mut dialog = rfd::FileDialog::new().set_title(purpose.title()).set_directory(folder);
            for (name, extensions) in purpose.filters() {
                dialog = dialog.add_filter(name, &extensions);
            }
            if let Some(name) = name {
                dialog = dialog.set_file_name(name);
            }
            let paths = match purpose {
                Purpose::Images => dialog.pick_files().unwrap_or_default(),
                Purpose::LibraryFolder => dialog.pick_folder().into_iter().collect(),
                ref p if p.saves() => dialog.save_file().into_iter().collect(),
                _ => dialog.pick_file().into_iter().collect(),
            };
            if let Some(picked) = purpose.answer(paths) {
                let _ = tx.send((key, picked));
                ctx.request_repaint();
            }
        });
    }

    /// Draws the dialog shown inside the window, if any.
    pub fn ui(&mut self, ctx: &egui::Context) {
        let Some(open) = &mut self.open else { return };
        open.dialog.show(ctx);
        match open.dialog.state() {
            egui_file::State::Open => {}
            egui_file::State::Selected => {
                let paths = if open.dialog.has_multi_select() {
                    open.dialog.selection().into_iter().map(Path::to_owned).collect()
                } else {
                    open.dialog.path().map(Path::to_owned).into_iter().collect()
                };
                if let Some(picked) = open.purpose.answer(paths) {
                    let _ = self.tx.send((open.key, picked));
                }
                self.open = None;
            }
            egui_file::State::Cancelled | egui_file::State::Closed => self.open = None,
        }
    }

    /// Whether a dialog is showing inside the window (it takes the keyboard).
    pub fn is_showing(&self) -> bool {
        self.open.is_some()
    }

    pub fn open_board(&mut self, ctx: &egui::Context, key: BoardKey, folder: PathBuf) {
        self.show(ctx, key, Purpose::Open, folder, None);
    }

    pub fn save_as(&mut self, ctx: &egui::Context, key: BoardKey, folder: PathBuf, name: String) {
        self.show(ctx, key, Purpose::SaveAs, folder, Some(format!("{name}{BOARD_SUFFIX}")));
    }

    pub fn images(&mut self, ctx: &egui::Context, key: BoardKey, folder: PathBuf) {
        self.show(ctx, key, Purpose::Images, folder, None);
    }

    pub fn merge_board(&mut self, ctx: &egui::Context, key: BoardKey, folder: PathBuf) {
        self.show(ctx, key, Purpose::Merge, folder, None);
    }

    pub fn save_pack(&mut self, ctx: &egui::Context, key: BoardKey, folder: PathBuf, name: String) {
        self.show(ctx, key, Purpose::Pack, folder, Some(format!("{name}.{PACK_EXTENSION}")));
    }

    pub fn export(&mut self, ctx: &egui::Context, key: BoardKey, format: ExportFormat, folder: PathBuf, name: String) {
        let file = format!("{name}.{}", format.extension());
        self.show(ctx, key, Purpose::Export(format), folder, Some(file));
    }

    pub fn canvas(&mut self, ctx: &egui::Context, key: BoardKey, folder: PathBuf) {
        self.show(ctx, key, Purpose::Canvas, folder, None);
    }

    pub fn library_folder(&mut self, ctx: &egui::Context, key: BoardKey, folder: PathBuf) {
        self.show(ctx, key, Purpose::LibraryFolder, folder, None);
    }

    /// Picks made since the last call, each with the board it was asked for.
    pub fn poll(&self) -> Vec<(BoardKey, Picked)> {
        self.rx.try_iter().collect()
    }
}

/// Whether the system can show a file chooser: always on macOS and Windows; elsewhere,
/// when a desktop portal with a file chooser can be reached on the session bus, or
/// zenity is installed (rfd's fallback).
fn system_has_a_file_chooser() -> bool {
    if cfg!(any(target_os = "macos", target_os = "windows")) {
        return true;
    }
    portal_file_chooser() || on_path("zenity")
}

/// A session bus, the portal service, and a portal backend that offers a file chooser.
fn portal_file_chooser() -> bool {
    let bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
        || std::env::var_os("XDG_RUNTIME_DIR").is_some_and(|d| Path::new(&d).join("bus").exists());
    if !bus {
        return false;
    }
    let data_dirs = std::env::var("XDG_DATA_DIRS").unwrap_or_else(|_| "/usr/local/share:/usr/share".to_owned());
    let dirs: Vec<PathBuf> = data_dirs.split(':').filter(|d| !d.is_empty()).map(PathBuf::from).collect();
    let service = dirs.iter().any(|d| d.join("dbus-1/services/org.freedesktop.portal.Desktop.service").exists());
    let chooser = dirs.iter().any(|d| {
        std::fs::read_dir(d.join("xdg-desktop-portal/portals")).is_ok_and(|entries| {
            entries.filter_map(Result::ok).any(|e| {
                std::fs::read_to_string(e.path())
                    .is_ok_and(|text| text.contains("org.freedesktop.impl.portal.FileChooser"))
            })
        })
    });
    service && chooser
}

fn on_path(program: &str) -> bool {
    std::env::var_os("PATH").is_some_and(|paths| std::env::split_paths(&paths).any(|d| d.join(program).is_file()))
}
