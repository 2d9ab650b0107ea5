//! The desktop app: `logic()` drains background work (saves, image decodes, imports,
//! file dialogs) and autosaves; `ui()` draws the panels and carries out the actions
//! they return.

mod actions;
mod adding;
mod background;
mod clipboard;
mod disk;
mod files;
mod invite;
mod jobs;
pub mod library;
mod live;
mod open_board;
mod screenshot;
mod share;
mod web;
mod windows;

use crate::tr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use anyhow::Context as _;

use crate::document::{Document, SaveStatus};
use crate::media::WorkerPool;
use crate::media::thumbs::ThumbCache;
use crate::prefs::Prefs;
use crate::storage::Saver;
use crate::ui::dialogs::CloseChoice;
use crate::ui::toasts::Toasts;
use crate::ui::view::ViewState;
use crate::ui::{self, Action, topbar};
use crate::welcome;

pub use files::{DialogKind, Picked};
pub use jobs::Progress;
pub use open_board::OpenBoard;
use screenshot::ScreenshotJob;
pub use share::save_copy;

/// How the app starts: which board, where preferences live, and whether to take a
/// screenshot and quit.
#[derive(Clone, Debug, Default)]
pub struct Startup {
    /// The board to open; `None` reopens the last board or the welcome board.
    pub board: Option<PathBuf>,
    /// Save a PNG of the window here once every visible image has loaded, then quit.
    pub screenshot: Option<PathBuf>,
    /// Where new boards and the welcome board go.
    pub boards_dir: PathBuf,
    pub prefs: Prefs,
    /// Write preferences back (off in tests).
    pub save_prefs: bool,
    /// Which file dialogs to show: the system's, the app's own, or whichever works here.
    pub file_dialogs: files::DialogKind,
    /// Ask for the user's name if preferences have none (first use).
    pub ask_name: bool,
    /// Where card pictures are cached; `None` is the platform's cache folder (or
    /// `MOODBOARD_CACHE_DIR`). Tests give their own folder.
    pub thumbs_dir: Option<PathBuf>,
    /// Where the keys of live boards are kept; `None` is `live/` in the configuration
    /// folder. Tests give their own folder.
    pub live_dir: Option<PathBuf>,
    /// Where the library keeps its catalog and search index; `None` is `library/` in the
    /// cache folder. Tests give their own folder.
    pub library_dir: Option<PathBuf>,
    /// Where boards saved as templates are kept; `None` is `templates/` in the
    /// configuration folder. Tests give their own folder.
    pub templates_dir: Option<PathBuf>,
}

/// What to do once the unsaved-changes question is answered.
#[derive(Clone, Debug, PartialEq)]
enum AfterClose {
    Quit,
    Open(PathBuf),
    /// A new board with this title and these goals.
    New {
        title: String,
        goals: Vec<String>,
        template: crate::library::Template,
    },
}

pub struct MoodboardApp {
    /// The open board and everything that works on it, replaced as one.
    pub open: OpenBoard,
    pub view: ViewState,
    pub toasts: Toasts,
    pub prefs: Prefs,
    saver: Saver,
    /// Writes preferences in the background (when `save_prefs` is on).
    prefs_saver: crate::prefs::PrefsSaver,
    /// Opening, saving copies, merges, packs and exports, running in the background.
    jobs: share::Jobs,
    /// Decodes and imports for every board opened.
    pool: Arc<WorkerPool>,
    thumbs: Arc<ThumbCache>,
    files: files::FileDialogs,
    /// Waiting for the user to answer the unsaved-changes question.
    asking: Option<AfterClose>,
    /// Saving before carrying this out.
    after_save: Option<AfterClose>,
    quitting: bool,
    /// Join servers asked to stop, finishing in the background (their last write).
    stopping: Vec<crate::host::Stopping>,
    /// Share live was asked for and its peer is starting.
    live_starting: bool,
    /// Frames drawn so far; the first few re-fit the board while the panels settle.
    frames: u64,
    screenshot: Option<ScreenshotJob>,
    boards_dir: PathBuf,
    /// Where the keys of live boards are kept (`None`: the configuration folder's).
    live_dir: Option<PathBuf>,
    save_prefs: bool,
    /// The window title last sent, so that it is only sent when it changes.
    title: String,
    /// Every board in the library's folders and search across them, kept up to date in
    /// the background.
    pub library: library::LibraryWork,
    /// An idea to show once its board is open (from the library's search).
    show_idea: Option<(PathBuf, String)>,
    /// The interface's language, set on the UI thread at the start of every frame.
    language: crate::i18n::Lang,
    ctx: egui::Context,
}

/// The app's id: its desktop entry (`packaging/APP_ID.desktop`), icon and AppStream id.
pub const APP_ID: &str = "org.moodboard.Moodboard";

impl MoodboardApp {
    pub fn new(ctx: &egui::Context, startup: Startup) -> Self {
        ui::style::apply(ctx, startup.prefs.appearance);
        let language = startup.prefs.interface_language();
        crate::i18n::set_language(language);
        crate::i18n::set_process_language(language);
        let pool = Arc::new(WorkerPool::for_cores("moodboard-media"));
        let waker_ctx = ctx.clone();
        let saver = Saver::new(Arc::new(move || waker_ctx.request_repaint()));
        let prefs_ctx = ctx.clone();
        let prefs_saver = crate::prefs::PrefsSaver::new(Arc::new(move || prefs_ctx.request_repaint()));
        let mut toasts = Toasts::default();
        // Nothing asked for and no board last time, while there are boards: the library
        // is where to start (the welcome board under it).
        let start_in_library =
            startup.board.is_none() && startup.prefs.recent.is_empty() && has_other_boards(&startup.boards_dir);
        // Before the first frame: the board to show is read here, once.
        let doc = open_first_board(&startup, &mut toasts);
        if doc.read_only {
            toasts.warning(tr!("doc-read-only"));
        }
        let mut prefs = startup.prefs;
        prefs.remember(&doc.path);
        let thumbs = Arc::new(match startup.thumbs_dir.clone() {
            // Written after the decodes for the screen, by a thread of its own.
            Some(dir) => ThumbCache::deferred(Some(dir), crate::media::thumbs::DEFAULT_MAX_BYTES),
            None => ThumbCache::deferred(crate::media::thumbs::cache_dir(), crate::media::thumbs::DEFAULT_MAX_BYTES),
        });
        let mut view = ViewState::default();
        view.panels.sidebar = prefs.show_sidebar;
        view.panels.inspector = prefs.show_inspector;
        view.canvas.snap = prefs.snap_to_grid;
        view.camera.fit_request = doc.board().bounds();
        view.windows.problems = !doc.problems.is_empty();
        if startup.ask_name && prefs.name.trim().is_empty() {
            view.windows.ask_name = Some(String::new());
        }
        if start_in_library && startup.screenshot.is_none() {
            view.windows.open(ui::windows::Window::Library);
        }
        let open = OpenBoard::new(jobs::BoardKey::first(), doc, ctx, &pool, &thumbs);
        let library = library::LibraryWork::start(
            startup.library_dir.clone().or_else(crate::library::cache_dir),
            crate::library::folders(&startup.boards_dir, &prefs.library_folders),
            startup.templates_dir.clone().or_else(crate::library::templates_dir),
            ctx,
        );
        let mut app = Self {
            open,
            view,
            toasts,
            prefs,
            saver,
            prefs_saver,
            jobs: share::Jobs::default(),
            pool,
            thumbs,
            files: files::FileDialogs::new(startup.file_dialogs),
            asking: None,
            after_save: None,
            quitting: false,
            stopping: Vec::new(),
            live_starting: false,
            frames: 0,
            screenshot: startup.screenshot.map(ScreenshotJob::new),
            boards_dir: startup.boards_dir,
            live_dir: startup.live_dir,
            save_prefs: startup.save_prefs,
            title: String::new(),
            library,
            show_idea: None,
            language,
            ctx: ctx.clone(),
        };
        app.save_prefs();
        app.update_title();
        app
    }

    /// The selected cards (for tests and tools).
    pub fn view_selection(&self) -> std::collections::BTreeSet<crate::model::ItemId> {
        self.view.canvas.selection.clone()
    }

    /// Whether a card's text is being edited on the card.
    pub fn is_editing_in_place(&self) -> bool {
        self.view.canvas.inline_edit.is_some()
    }

    /// The join address while inviting (for tests and tools).
    pub fn join_url(&self) -> Option<String> {
        self.open.inviting.as_ref().map(|i| i.url.clone())
    }

    /// Whether the keyboard shortcuts window is open.
    pub fn shortcuts_shown(&self) -> bool {
        self.view.windows.shortcuts
    }

    /// The open board's document.
    pub fn doc(&self) -> &Document {
        &self.open.doc
    }

    /// Saves preferences in the background; a failure is told when it comes back.
    pub(crate) fn save_prefs(&mut self) {
        if self.save_prefs {
            self.prefs_saver.save(&self.prefs);
        }
    }

    /// Shows the board's title, and whether it has unsaved changes, in the window title.
    fn update_title(&mut self) {
        let dirty = if self.open.doc.is_dirty() { " •" } else { "" };
        let title = format!("{}{dirty} — Moodboard", crate::model::one_line(&self.open.doc.board().title, 80));
        if title != self.title {
            // Sending a viewport command asks for a repaint, so only send changes.
            self.ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    fn waker(&self) -> crate::storage::Waker {
        let ctx = self.ctx.clone();
        Arc::new(move || ctx.request_repaint())
    }

    /// Puts `doc` in place of the open board: a new [`OpenBoard`] with a new key, so that
    /// nothing still under way for the old one can reach it.
    fn opened(&mut self, doc: Document) {
        if doc.read_only {
            self.toasts.warning(tr!("app-read-only", path = doc.path));
        }
        if !doc.problems.is_empty() {
            let n = doc.problems.len();
            self.toasts.warning(tr!("app-opened-with-problems", count = n));
        }
        // The old board's join server stops in the background; its end is still reported.
        self.stop_inviting();
        // So does its live peer.
        self.leave_live();
        let key = self.open.key.next();
        self.open = OpenBoard::new(key, doc, &self.ctx, &self.pool, &self.thumbs);
        let doc = &self.open.doc;
        // Another board: a fresh view, but for the panels, snap and where the canvas is.
        let mut view = ViewState::default();
        view.panels.sidebar = self.view.panels.sidebar;
        view.panels.inspector = self.view.panels.inspector;
        view.canvas.snap = self.view.canvas.snap;
        view.camera.canvas_rect = self.view.camera.canvas_rect;
        view.camera.fit_request = doc.board().bounds();
        view.windows.problems = !doc.problems.is_empty();
        self.view = view;
        if let Some((board, id)) = self.show_idea.take()
            && crate::storage::paths::resolved(&board) == crate::storage::paths::resolved(&self.open.doc.path)
        {
            self.show_idea_here(&id);
        }
        self.prefs.remember(&self.open.doc.path);
        self.save_prefs();
        self.update_title();
    }

    /// Carries out `after`, asking first if there are unsaved changes.
    fn leave(&mut self, after: AfterClose) {
        if self.open.doc.is_dirty() {
            self.asking = Some(after);
        } else {
            self.carry_out(after);
        }
    }

    fn carry_out(&mut self, after: AfterClose) {
        match after {
            AfterClose::Quit => {
                self.quitting = true;
                self.ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            AfterClose::Open(path) => self.open(&path),
            AfterClose::New { title, goals, template } => self.new_board(title, goals, template),
        }
    }

    fn answer_close(&mut self, choice: CloseChoice) {
        let Some(after) = self.asking.take() else { return };
        match choice {
            CloseChoice::Save => {
                self.open.doc.retry_save();
                self.start_save();
                self.after_save = Some(after);
            }
            CloseChoice::Discard => self.carry_out(after),
            CloseChoice::Cancel => {}
        }
    }
}

/// The board to start with: the one asked for, else the last one, else the welcome
/// board (created on first launch). Any failure is told and the next choice tried.
fn open_first_board(startup: &Startup, toasts: &mut Toasts) -> Document {
    // `moodboard NAME.moodpack`: unpack into the boards folder, then open that.
    let asked = match &startup.board {
        Some(pack) if share::is_pack(pack) => match crate::storage::pack::unpack(pack, &startup.boards_dir) {
            Ok(board) => Some(board),
            Err(e) => {
                toasts.error(tr!("app-pack-not-opened", reason = crate::i18n::said(&e)));
                None
            }
        },
        other => other.clone(),
    };
    if let Some(path) = &asked {
        match Document::open(path) {
            Ok(doc) => return doc,
            Err(e) => toasts.error(tr!("app-board-not-opened", reason = crate::i18n::said(&e))),
        }
    } else if let Some(last) = startup.prefs.recent.first() {
        match Document::open(last) {
            Ok(doc) => return doc,
            Err(e) => toasts.warning(tr!("app-last-not-reopened", reason = crate::i18n::said(&e))),
        }
    }
    match welcome::ensure(&startup.boards_dir).and_then(|path| Document::open(&path).map_err(anyhow::Error::from)) {
        Ok(doc) => doc,
        Err(e) => {
            toasts.error(tr!("app-welcome-failed", folder = startup.boards_dir, reason = format!("{e:#}")));
            scratch_board()
        }
    }
}

/// Whether `boards_dir` holds a board besides the welcome board (not a first start).
fn has_other_boards(boards_dir: &Path) -> bool {
    std::fs::read_dir(boards_dir).is_ok_and(|entries| {
        entries.filter_map(Result::ok).any(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.ends_with(crate::storage::paths::BOARD_SUFFIX) && name != welcome::WELCOME_FILE
        })
    })
}

/// A board in the temporary folder, when nothing else could be opened.
fn scratch_board() -> Document {
    let dir = std::env::temp_dir().join(format!("moodboard-scratch-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    Document::create_in(&dir, "Scratch board").unwrap_or_else(|_| {
        let path = dir.join("Scratch board.moodboard.ron");
        Document::from_saved(
            path,
            crate::model::Board::new("Scratch board", crate::model::Timestamp::now()),
            Vec::new(),
            None,
        )
    })
}

impl eframe::App for MoodboardApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        crate::i18n::set_language(self.language);
        self.poll_background();
        self.open.images.animations.set_enabled(self.prefs.moving_pictures);
        if self.library.poll() {
            self.library_said();
        }
        let session = &self.open.doc.board().session;
        let left_ms = session.timer.left_ms(crate::model::Timestamp::now());
        if session.phase != crate::model::Phase::Off && session.timer.is_running() && left_ms > 0 {
            // The countdown shows seconds; once it has run out nothing changes any more.
            ctx.request_repaint_after(std::time::Duration::from_millis(left_ms.min(250)));
        }
        let now = Instant::now();
        if self.open.doc.wants_autosave(now) {
            self.start_save();
        } else if let Some(due) = self.open.doc.autosave_due_in(now) {
            ctx.request_repaint_after(due);
        }
        if ctx.input(|i| i.viewport().close_requested()) && !self.quitting && self.screenshot.is_none() {
            if self.open.doc.is_dirty() {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                self.asking = Some(AfterClose::Quit);
            } else {
                self.quitting = true;
            }
        }
        self.update_title();
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        crate::i18n::set_language(self.language);
        // Figures worked out from the board are kept while this stays the same.
        self.view.board_version = (self.open.key.as_u64(), self.open.doc.generation());
        let who = self.prefs.contributor();
        self.view.derived(&who);
        self.frames += 1;
        if self.frames <= 3 && self.view.canvas.selection.is_empty() {
            // The side panels take their width in the first frames: fit again once they have.
            self.view.camera.fit_request = self.open.doc.board().bounds();
        }
        // A window like the spotlight, a file dialog and a crop take the keyboard for
        // themselves (arrows, Esc).
        let mut actions: Vec<Action> =
            if self.view.windows.takes_keyboard() || self.files.is_showing() || self.view.canvas.crop.is_some() {
                Vec::new()
            } else if self.view.canvas.pen.is_some() || self.view.canvas.picking {
                // With the pen or the picker out, Ctrl+Z takes back a stroke or a swatch;
                // other keys wait (Esc puts it away).
                ui::Command::from_shortcuts_among(&ctx, |c| matches!(c, ui::Command::Undo | ui::Command::Redo))
                    .into_iter()
                    .map(Action::Command)
                    .collect()
            } else {
                ui::Command::from_shortcuts(&ctx).into_iter().map(Action::Command).collect()
            };
        actions.extend(self.clipboard_and_drops(&ctx));

        let status = topbar::Status {
            board_name: &self.open.doc.board().title,
            save: self.open.doc.status(),
            undo: self.open.doc.history.undo_label(),
            redo: self.open.doc.history.redo_label(),
            recent: &self.prefs.recent,
            selected: self.view.canvas.selection.len(),
            items: self.open.doc.board().items.len(),
            import: self.open.importer.progress(),
            problems: self.open.doc.problems.len(),
            phase: self.open.doc.board().session.phase,
            jobs: self.jobs.status(),
            unread: self.toasts.unread(),
            appearance: self.prefs.appearance,
            snap: self.view.canvas.snap,
            offline: self.prefs.offline,
            moving_pictures: self.prefs.moving_pictures,
            live: self.live_status().map(|s| s.summary()),
            language: self.prefs.language,
        };
        egui::Panel::top("menu").show(ui, |ui| topbar::menu_bar_ui(ui, &status, &mut actions));
        egui::Panel::top("toolbar").show(ui, |ui| {
            ui.add_space(2.0);
            topbar::toolbar_ui(ui, self.open.doc.board(), &mut self.view, &status, &mut actions);
            ui.add_space(2.0);
        });
        egui::Panel::top("goals").show(ui, |ui| topbar::goals_ui(ui, &self.open.doc.board().goals));
        if self.open.doc.board().session.phase != crate::model::Phase::Off {
            egui::Panel::top("session").show(ui, |ui| {
                let inviting = self.open.inviting.as_ref().map(|i| i.host.people().0);
                ui::session::session_bar_ui(
                    ui,
                    self.open.doc.board(),
                    self.view.derived(&who),
                    self.prefs.prompt_lang,
                    inviting,
                    &mut actions,
                );
            });
        }
        egui::Panel::bottom("status").show(ui, |ui| topbar::status_bar_ui(ui, &mut self.view, &status, &mut actions));
        drop(status);
        if self.view.panels.sidebar {
            egui::Panel::left("sidebar").resizable(true).default_size(220.0).show(ui, |ui| {
                ui::sidebar::sidebar_ui(ui, self.open.doc.board(), &mut self.view, &who, &mut actions);
            });
        }
        if self.view.panels.inspector {
            egui::Panel::right("inspector").resizable(true).default_size(280.0).show(ui, |ui| {
                ui::inspector::inspector_ui(
                    ui,
                    self.open.doc.board(),
                    &self.view,
                    &self.prefs.sources,
                    &who,
                    &mut actions,
                );
            });
        }
        self.follow_before_canvas();
        egui::CentralPanel::default().frame(egui::Frame::new()).show(ui, |ui| {
            ui::canvas::canvas_ui(ui, self.open.doc.board(), &mut self.view, &mut self.open.images, &who, &mut actions);
            let (people, following) = self.people_and_following();
            ui::presence::presence_ui(ui, &self.view.camera, self.open.doc.board(), people, following, &mut actions);
            ui::downloads::pending_ui(ui, &self.view, &self.open.web.cards(), &mut actions);
        });
        self.follow_after_canvas();
        self.windows_ui(&ctx, &who, &mut actions);
        if let Some(pending) = &self.open.pending_merge
            && let Some(answer) = ui::merge_preview::merge_preview_ui(&ctx, &pending.preview)
        {
            self.answer_merge(answer);
        }
        if self.asking.is_some() {
            let failure = match self.open.doc.status() {
                SaveStatus::Failed(e) => Some(e),
                _ => None,
            };
            let name = crate::model::one_line(&self.open.doc.board().title, 60);
            if let Some(choice) = ui::dialogs::unsaved_ui(&ctx, &name, failure.as_deref()) {
                self.answer_close(choice);
            }
        }
        self.files.ui(&ctx);
        if let Some(ids) = ui::toasts::toasts_ui(&ctx, &mut self.toasts) {
            let board = self.open.doc.board();
            self.view.camera.fit_request = ids
                .iter()
                .filter_map(|id| board.item(id))
                .map(|i| crate::model::BoardRect::from_pos_size(i.pos, i.size))
                .reduce(crate::model::BoardRect::union);
            self.view.canvas.selection = ids.into_iter().filter(|id| board.item(id).is_some()).collect();
        }

        for action in actions {
            self.act(action);
        }
        self.view.forget_missing(self.open.doc.board());
        self.publish_presence(&ctx);

        if let Some(job) = &mut self.screenshot {
            let pending = self.open.images.pending()
                + self.open.images.fading()
                + usize::from(self.open.importer.progress().is_some());
            if let Some(result) = job.step(&ctx, pending) {
                match result {
                    Ok(path) => eprintln!("saved screenshot {}", path.display()),
                    Err(e) => {
                        eprintln!("error: {e}");
                        screenshot::FAILED.store(true, std::sync::atomic::Ordering::Relaxed);
                    }
                }
                self.screenshot = None;
                self.quitting = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.prefs.show_sidebar = self.view.panels.sidebar;
        self.prefs.show_inspector = self.view.panels.inspector;
        let size = self.ctx.content_rect().size();
        self.prefs.window_size = Some((size.x, size.y));
        self.save_prefs();
        self.prefs_saver.finish();
        // A save still running finishes before the process ends.
        let saver = std::mem::replace(&mut self.saver, Saver::new(Arc::new(|| {})));
        for saved in saver.wait_idle() {
            if let Err(e) = saved.result {
                eprintln!("error: {}: not saved: {e}", saved.path.display());
            }
        }
        // A join server still finishing writes what phones sent before the process ends
        // (it closes their connections itself within a second).
        if let Some(inviting) = self.open.inviting.take() {
            self.stopping.push(inviting.host.stop_in_background());
        }
        for stopping in std::mem::take(&mut self.stopping) {
            if let Some(Err(e)) = stopping.wait(std::time::Duration::from_secs(5)) {
                eprintln!("error: {}", crate::i18n::said(&e));
            }
        }
        // Card pictures not cached yet: a moment to write them, so the next open is warm.
        self.thumbs.flush(std::time::Duration::from_secs(2));
    }
}

/// Where boards go: `MOODBOARD_BOARDS_DIR`, else Documents/Moodboard, else the data folder.
pub fn default_boards_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os(welcome::BOARDS_DIR_ENV) {
        return PathBuf::from(dir);
    }
    if let Some(docs) = directories::UserDirs::new().and_then(|u| u.document_dir().map(Path::to_owned)) {
        return docs.join("Moodboard");
    }
    directories::ProjectDirs::from("", "", "Moodboard")
        .map_or_else(|| PathBuf::from("Moodboard"), |d| d.data_dir().to_owned())
}

/// Opens the window and runs until it closes.
pub fn run(board: Option<PathBuf>, screenshot: Option<PathBuf>) -> anyhow::Result<()> {
    let (prefs, prefs_problem) = Prefs::load();
    let size = prefs.window_size.map_or([1400.0, 900.0], |(w, h)| [w.clamp(640.0, 4000.0), h.clamp(480.0, 3000.0)]);
    let startup = Startup {
        board,
        screenshot: screenshot.clone(),
        boards_dir: default_boards_dir(),
        prefs,
        save_prefs: screenshot.is_none(),
        file_dialogs: files::DialogKind::Auto,
        ask_name: screenshot.is_none(),
        thumbs_dir: None,
        live_dir: None,
        library_dir: None,
        templates_dir: None,
    };
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Moodboard")
            // The desktop entry's name, so that window managers group the window with it.
            .with_app_id(APP_ID)
            .with_icon(std::sync::Arc::new(
                eframe::icon_data::from_png_bytes(include_bytes!(
                    "../assets/icons/hicolor/256x256/apps/org.moodboard.Moodboard.png"
                ))
                .unwrap_or_default(),
            ))
            .with_inner_size(size)
            .with_min_inner_size([640.0, 480.0])
            .with_drag_and_drop(true),
        renderer: eframe::Renderer::Glow,
        ..Default::default()
    };
    eframe::run_native(
        "Moodboard",
        options,
        Box::new(move |cc| {
            let mut app = MoodboardApp::new(&cc.egui_ctx, startup);
            if let Some(problem) = prefs_problem {
                app.toasts.warning(problem);
            }
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| anyhow::anyhow!("{e}"))
    .context("could not open the window")?;
    if screenshot::FAILED.load(std::sync::atomic::Ordering::Relaxed) {
        anyhow::bail!("the screenshot was not saved");
    }
    Ok(())
}
