//! The library in the background: one thread keeps the catalog and index up to date
//! (at start, whenever a file in the library's folders changes — the app's saves,
//! `moodboard add`, sync, merges, live peers — and when asked), another answers searches
//! so that a search never waits for a long first build, a third draws the pictures of
//! the boards whose tiles are in view; work on whole boards (duplicate, retitle, trash
//! and back, cards sent to another board, captures into the inbox, templates) runs on a
//! thread per job. All report back through one channel and wake the window; the app
//! only reads what they found, and carries out what the library window asks
//! (`library_window`).

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use crate::library::{BoardEntry, FileStamp, Filters, Hit, Library, Progress, Refreshed};

/// Changes in a folder come in bursts (a save writes a temporary file, renames it, and
/// writes a backup): the refresh waits this long for the burst to end.
const SETTLE: Duration = Duration::from_millis(250);

/// What the background threads found.
enum News {
    Boards {
        boards: Vec<BoardEntry>,
        report: Refreshed,
        templates: Vec<(PathBuf, String)>,
    },
    Hits {
        asked: u64,
        hits: Vec<Hit>,
    },
    /// A duplicate, a new title, the trash: done or not.
    Managed(Result<Managed, String>),
    /// A board's small picture (`None`: it has none: unreadable, or nothing on it).
    Picture {
        path: PathBuf,
        stamp: FileStamp,
        image: Option<egui::ColorImage>,
    },
    Failed(String),
}

/// What was done to a whole board.
enum Managed {
    Duplicated(PathBuf),
    Retitled,
    Trashed {
        trashed: crate::library::Trashed,
        title: String,
    },
    Untrashed(String),
    /// The open board kept as a template, here.
    Template(PathBuf),
    /// Ideas put in the inbox, and what could not be.
    Captured {
        count: usize,
        refused: Vec<String>,
    },
    /// Cards arrived on another board; when `moving`, they leave the open board, if it
    /// is still the one they came from.
    Sent {
        key: super::jobs::BoardKey,
        ids: Vec<crate::model::ItemId>,
        to: PathBuf,
        count: usize,
        moving: bool,
    },
}

/// Most boards' pictures kept as textures at once (about 0.5 MB each); those not shown
/// for longest go first.
const MAX_PICTURES: usize = 240;

/// The library as the app sees it: the boards and the hits last found, how far a
/// refresh has come, what went wrong.
pub struct LibraryWork {
    refresh: Sender<()>,
    search: Sender<(u64, String, Filters)>,
    pub pictures: Pictures,
    news: Receiver<News>,
    progress: Arc<Mutex<Option<Progress>>>,
    /// The folders looked in, read by every refresh.
    folders: Arc<Mutex<Vec<PathBuf>>>,
    /// Kept so that changes in the folders keep arriving.
    watchers: Vec<notify::RecommendedWatcher>,
    pub boards: Vec<BoardEntry>,
    /// The boards saved as templates, with their titles.
    pub templates: Vec<(PathBuf, String)>,
    /// Where those are kept (`None`: this system has no configuration folder).
    pub templates_dir: Option<PathBuf>,
    /// The boards have been listed at least once.
    pub listed: bool,
    pub hits: Vec<Hit>,
    /// The search `hits` answer (the last one asked, once it is answered).
    pub answered: Option<(String, Filters)>,
    asked: u64,
    last_asked: Option<(String, Filters)>,
    pub last_refresh: Option<Refreshed>,
    pub error: Option<String>,
    /// The board last put in the trash and its title, while it can be brought back.
    pub trashed: Option<(crate::library::Trashed, String)>,
    /// Cards that arrived on another board, for the app to take off the open one.
    sent: Vec<Managed>,
    /// Said by a duplicate, retitle or trash, for the app to show.
    pub said: Vec<Result<String, String>>,
    news_tx: Sender<News>,
}

impl LibraryWork {
    /// Starts the threads for the library kept in `dir` over `folders`, and a first
    /// refresh. `dir` `None`: the system has no cache folder; the library says so.
    pub fn start(
        dir: Option<PathBuf>,
        folders: Vec<PathBuf>,
        templates_dir: Option<PathBuf>,
        ctx: &egui::Context,
    ) -> Self {
        let (refresh, refresh_rx) = channel::<()>();
        let (search, search_rx) = channel::<(u64, String, Filters)>();
        let (draw, draw_rx) = channel::<BoardEntry>();
        let (news_tx, news) = channel();
        let progress = Arc::new(Mutex::new(None));
        let shared: Arc<Mutex<Option<Library>>> = Arc::new(Mutex::new(None));
        let tell = {
            let ctx = ctx.clone();
            move |tx: &Sender<News>, news: News| {
                let _ = tx.send(news);
                ctx.request_repaint();
            }
        };
        let picture_dir = dir.clone();
        let shared_folders = Arc::new(Mutex::new(folders.clone()));
        let templates_dir_kept = templates_dir.clone();
        {
            let (shared, progress, tx, tell) = (shared.clone(), progress.clone(), news_tx.clone(), tell.clone());
            let ctx = ctx.clone();
            let folders = shared_folders.clone();
            std::thread::Builder::new()
                .name("moodboard-library".into())
                .spawn(move || {
                    let library = match dir.as_deref().map(Library::open) {
                        Some(Ok(library)) => library,
                        Some(Err(e)) => return tell(&tx, News::Failed(crate::i18n::said(&e))),
                        None => return tell(&tx, News::Failed(crate::tr!("library-no-cache"))),
                    };
                    *shared.lock().unwrap_or_else(PoisonError::into_inner) = Some(library.clone());
                    let mut first = true;
                    // One refresh at start, then one per burst of changes or requests.
                    while first || refresh_rx.recv().is_ok() {
                        if !first {
                            std::thread::sleep(SETTLE);
                        }
                        first = false;
                        while refresh_rx.try_recv().is_ok() {}
                        let mut report_progress = |p: Progress| {
                            *progress.lock().unwrap_or_else(PoisonError::into_inner) = Some(p);
                            ctx.request_repaint();
                        };
                        let now = folders.lock().unwrap_or_else(PoisonError::into_inner).clone();
                        let result = library.refresh(&now, &mut report_progress);
                        *progress.lock().unwrap_or_else(PoisonError::into_inner) = None;
                        match result {
                            Ok(report) => {
                                let templates =
                                    templates_dir.as_deref().map(crate::library::saved_templates).unwrap_or_default();
                                tell(&tx, News::Boards { boards: library.boards(), report, templates })
                            }
                            Err(e) => tell(&tx, News::Failed(crate::i18n::said(&e))),
                        }
                    }
                })
                .expect("a thread can be started");
        }
        {
            let (tx, tell, dir) = (news_tx.clone(), tell.clone(), picture_dir);
            std::thread::Builder::new()
                .name("moodboard-board-pictures".into())
                .spawn(move || {
                    let Some(dir) = dir else { return };
                    while let Ok(entry) = draw_rx.recv() {
                        let Some(stamp) = entry.stamp else { continue };
                        let image = crate::library::picture(&dir, &entry).map(|img| {
                            let size = [img.width() as usize, img.height() as usize];
                            egui::ColorImage::from_rgba_unmultiplied(size, img.as_raw())
                        });
                        tell(&tx, News::Picture { path: entry.path, stamp, image });
                    }
                })
                .expect("a thread can be started");
        }
        let news_tx_kept = news_tx.clone();
        std::thread::Builder::new()
            .name("moodboard-search".into())
            .spawn(move || {
                while let Ok(mut asked) = search_rx.recv() {
                    // Only the newest question matters.
                    while let Ok(newer) = search_rx.try_recv() {
                        asked = newer;
                    }
                    let (n, text, filters) = asked;
                    let library = shared.lock().unwrap_or_else(PoisonError::into_inner).clone();
                    let Some(library) = library else {
                        // Not open yet: answered after the first refresh, when asked again.
                        continue;
                    };
                    match library.search(&text, &filters, crate::ui::library::MAX_HITS) {
                        Ok(hits) => tell(&news_tx, News::Hits { asked: n, hits }),
                        Err(e) => tell(&news_tx, News::Failed(crate::i18n::said(&e))),
                    }
                }
            })
            .expect("a thread can be started");
        let watchers = folders.iter().filter_map(|folder| watch(folder, refresh.clone())).collect();
        let folders = shared_folders;
        Self {
            refresh,
            search,
            pictures: Pictures { draw, kept: HashMap::new(), drawing: HashSet::new(), ctx: ctx.clone() },
            news,
            progress,
            folders,
            watchers,
            boards: Vec::new(),
            templates: Vec::new(),
            templates_dir: templates_dir_kept,
            listed: false,
            hits: Vec::new(),
            answered: None,
            asked: 0,
            last_asked: None,
            last_refresh: None,
            error: None,
            trashed: None,
            sent: Vec::new(),
            said: Vec::new(),
            news_tx: news_tx_kept,
        }
    }

    /// Reads what the threads found; `true` when anything changed.
    pub fn poll(&mut self) -> bool {
        let mut changed = false;
        while let Ok(news) = self.news.try_recv() {
            changed = true;
            match news {
                News::Boards { boards, report, templates } => {
                    self.boards = boards;
                    self.templates = templates;
                    self.listed = true;
                    self.last_refresh = Some(report);
                    self.error = None;
                    // What was found before may have changed: ask again.
                    if let Some((text, filters)) = self.last_asked.clone() {
                        self.ask(&text, &filters);
                    }
                }
                News::Hits { asked, hits } if asked == self.asked => {
                    self.hits = hits;
                    self.answered = self.last_asked.clone();
                }
                News::Hits { .. } => {}
                News::Picture { path, stamp, image } => self.pictures.arrived(path, stamp, image),
                News::Managed(Ok(done)) => {
                    let said = match done {
                        Managed::Duplicated(path) => crate::tr!("library-duplicated", path = path.as_path()),
                        Managed::Retitled => continue,
                        Managed::Trashed { trashed, title } => {
                            // Said in the library, with its Undo, while it can be undone.
                            self.trashed = Some((trashed, title));
                            continue;
                        }
                        Managed::Untrashed(title) => crate::tr!("library-untrashed", board = title.as_str()),
                        Managed::Template(path) => crate::tr!("library-template-kept", path = path.as_path()),
                        Managed::Captured { count, refused } => {
                            for why in refused {
                                self.said.push(Err(why));
                            }
                            if count == 0 {
                                continue;
                            }
                            crate::tr!("library-captured", count = count)
                        }
                        sent @ Managed::Sent { .. } => {
                            self.sent.push(sent);
                            continue;
                        }
                    };
                    self.said.push(Ok(said));
                }
                News::Managed(Err(why)) => self.said.push(Err(why)),
                News::Failed(why) => self.error = Some(why),
            }
        }
        changed
    }

    /// How far the refresh under way has come.
    pub fn progress(&self) -> Option<Progress> {
        *self.progress.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Looks in `folders` from now on (watching each), and brings the library up to date.
    pub fn look_in(&mut self, folders: Vec<PathBuf>) {
        self.watchers = folders.iter().filter_map(|folder| watch(folder, self.refresh.clone())).collect();
        *self.folders.lock().unwrap_or_else(PoisonError::into_inner) = folders;
        self.refresh();
    }

    /// Brings the library up to date in the background.
    pub fn refresh(&self) {
        let _ = self.refresh.send(());
    }

    /// Searches in the background, unless this is what was asked last.
    pub fn search(&mut self, text: &str, filters: &Filters) {
        if self.last_asked.as_ref().is_some_and(|(t, f)| t == text && f == filters) {
            return;
        }
        self.ask(text, filters);
    }

    fn ask(&mut self, text: &str, filters: &Filters) {
        self.asked += 1;
        self.last_asked = Some((text.to_owned(), filters.clone()));
        let _ = self.search.send((self.asked, text.to_owned(), filters.clone()));
    }

    /// Does `work` to a whole board in the background; it reports back, and the library
    /// is refreshed.
    fn manage(&self, work: impl FnOnce() -> Result<Managed, crate::library::ManageError> + Send + 'static) {
        let (tx, refresh, ctx) = (self.news_tx.clone(), self.refresh.clone(), self.pictures.ctx.clone());
        std::thread::spawn(move || {
            let result = work().map_err(|e| crate::i18n::said(&e));
            let _ = tx.send(News::Managed(result));
            let _ = refresh.send(());
            ctx.request_repaint();
        });
    }
}

/// The boards' small pictures as textures, drawn by a thread of their own when a tile
/// asks for one, and forgotten when not shown for longest.
pub struct Pictures {
    draw: Sender<BoardEntry>,
    /// Each with the stamp it was drawn for and the frame it was last shown.
    kept: HashMap<PathBuf, (FileStamp, Option<egui::TextureHandle>, u64)>,
    /// Asked for and not back yet.
    drawing: HashSet<(PathBuf, FileStamp)>,
    ctx: egui::Context,
}

impl Pictures {
    /// The picture of `entry`'s board as it is now, if drawn; asks for it otherwise (and
    /// while the one kept is of an older version of the board, shows that one).
    pub fn picture(&mut self, entry: &BoardEntry) -> Option<egui::TextureHandle> {
        let stamp = entry.stamp?;
        entry.summary.as_ref()?;
        let frame = self.ctx.cumulative_frame_nr();
        let kept = self.kept.get_mut(&entry.path).map(|(was, texture, shown)| {
            *shown = frame;
            (*was == stamp, texture.clone())
        });
        if kept.as_ref().is_none_or(|(current, _)| !current) && self.drawing.insert((entry.path.clone(), stamp)) {
            let _ = self.draw.send(entry.clone());
        }
        kept.and_then(|(_, texture)| texture)
    }

    /// Drops the pictures not shown for longest, beyond [`MAX_PICTURES`].
    fn forget(&mut self) {
        if self.kept.len() <= MAX_PICTURES {
            return;
        }
        let mut by_age: Vec<(u64, PathBuf)> = self.kept.iter().map(|(p, (_, _, shown))| (*shown, p.clone())).collect();
        by_age.sort();
        for (_, path) in by_age.into_iter().take(self.kept.len() - MAX_PICTURES) {
            self.kept.remove(&path);
        }
    }

    fn arrived(&mut self, path: PathBuf, stamp: FileStamp, image: Option<egui::ColorImage>) {
        self.drawing.remove(&(path.clone(), stamp));
        let name = format!("library-picture-{}", path.display());
        let texture = image.map(|i| self.ctx.load_texture(name, i, egui::TextureOptions::LINEAR));
        self.kept.insert(path, (stamp, texture, self.ctx.cumulative_frame_nr()));
        self.forget();
    }
}

/// Asks for a refresh whenever something in `folder` changes; `None` where the folder
/// cannot be watched (missing): the library is then brought up to date when opened.
fn watch(folder: &std::path::Path, refresh: Sender<()>) -> Option<notify::RecommendedWatcher> {
    use notify::Watcher as _;
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if event
            .is_ok_and(|e| e.paths.iter().any(|p| p.to_string_lossy().ends_with(crate::storage::paths::BOARD_SUFFIX)))
        {
            let _ = refresh.send(());
        }
    })
    .ok()?;
    watcher.watch(folder, notify::RecursiveMode::NonRecursive).ok()?;
    Some(watcher)
}

impl super::MoodboardApp {
    /// Opens the library window (with its search field ready) and brings it up to date.
    pub(super) fn show_library(&mut self) {
        self.view.windows.open(crate::ui::windows::Window::Library);
        if let Some(form) = &mut self.view.windows.library {
            form.focus = true;
        }
        self.library.refresh();
    }

    /// The library window, and what it asks for.
    pub(super) fn library_window(
        &mut self,
        ctx: &egui::Context,
        open: &mut bool,
        actions: &mut Vec<crate::ui::Action>,
    ) {
        use crate::ui::library::{LibraryAsk, LibraryView, library_ui};
        let folders = self.library_folders();
        let Some(form) = &mut self.view.windows.library else { return };
        let progress = self.library.progress();
        let LibraryWork { boards, listed, hits, answered, error, pictures, trashed, .. } = &mut self.library;
        let mut picture = |entry: &BoardEntry| pictures.picture(entry);
        let mut view = LibraryView {
            boards,
            listed: *listed,
            hits,
            answered: answered.as_ref() == Some(&form.query()),
            progress,
            error: error.as_deref(),
            picture: &mut picture,
            open_board: &self.open.doc.path,
            trashed: trashed.as_ref().map(|(_, title)| title.as_str()),
            folders: &folders,
        };
        let Some(ask) = library_ui(ctx, form, &mut view, open) else { return };
        let is_open = |path: &std::path::Path| {
            crate::storage::paths::resolved(path) == crate::storage::paths::resolved(&self.open.doc.path)
        };
        match ask {
            LibraryAsk::Search { text, filters } => self.library.search(&text, &filters),
            LibraryAsk::OpenBoard(path) => actions.push(crate::ui::Action::OpenBoard(path)),
            LibraryAsk::OpenIdea { board, id } => actions.push(crate::ui::Action::OpenIdea { board, id }),
            LibraryAsk::Duplicate { board, title } if is_open(&board) => {
                // The open board as it is, with what is not saved yet.
                let now = self.open.doc.board().clone();
                self.library
                    .manage(move || crate::library::duplicate_of(&board, &now, &title).map(Managed::Duplicated));
            }
            LibraryAsk::Duplicate { board, title } => {
                self.library.manage(move || crate::library::duplicate(&board, &title).map(Managed::Duplicated));
            }
            LibraryAsk::Retitle { board, title } if is_open(&board) => {
                // One undo step on the open board, saved as any edit is.
                let meta = crate::model::BoardMeta { title, ..self.open.doc.board().meta() };
                let edit = crate::model::Edit::SetMeta { meta, at: crate::model::Timestamp::now() };
                actions.push(crate::ui::Action::Edit { edit, label: crate::tr!("step-rename-board") });
            }
            LibraryAsk::Retitle { board, title } => {
                let who = self.prefs.contributor();
                self.library.manage(move || crate::library::retitle(&board, &title, &who).map(|()| Managed::Retitled));
            }
            // The menu does not offer it; the open board stays where it is.
            LibraryAsk::Trash(board) if is_open(&board) => self.toasts.warning(crate::tr!("library-open-not-trashed")),
            LibraryAsk::Trash(board) => {
                let title =
                    self.library.boards.iter().find(|b| b.path == board).map(BoardEntry::title).unwrap_or_default();
                self.library
                    .manage(move || crate::library::trash(&board).map(|trashed| Managed::Trashed { trashed, title }));
            }
            LibraryAsk::Untrash => self.untrash(),
            LibraryAsk::AddFolder => self.files.library_folder(&self.ctx, self.open.key, self.boards_dir.clone()),
            LibraryAsk::RemoveFolder(folder) => {
                self.prefs.library_folders.retain(|f| *f != folder);
                self.save_prefs();
                self.library.look_in(self.library_folders());
            }
            LibraryAsk::Reveal(board) => {
                let (tx, ctx) = (self.library.news_tx.clone(), self.ctx.clone());
                // The file manager is asked over D-Bus, which may take its time.
                std::thread::spawn(move || {
                    if let Err(e) = opener::reveal(&board) {
                        let why = crate::tr!("library-reveal-failed", path = board.as_path(), reason = e.to_string());
                        let _ = tx.send(News::Managed(Err(why)));
                        ctx.request_repaint();
                    }
                });
            }
        }
    }

    /// The folders the library looks in: the boards folder, then the user's others.
    pub(super) fn library_folders(&self) -> Vec<PathBuf> {
        crate::library::folders(&self.boards_dir, &self.prefs.library_folders)
    }

    /// Adds `folder` to those the library looks in (kept in the preferences): what a
    /// folder picked in *Add a folder…* does.
    pub fn add_library_folder(&mut self, folder: PathBuf) {
        if !self.library_folders().contains(&folder) {
            self.prefs.library_folders.push(folder);
            self.save_prefs();
            self.library.look_in(self.library_folders());
        }
    }

    /// Brings back the board last put in the trash from the library.
    pub(super) fn untrash(&mut self) {
        if let Some((trashed, title)) = self.library.trashed.take() {
            self.library.manage(move || crate::library::untrash(&trashed).map(|()| Managed::Untrashed(title)));
        }
    }

    /// Keeps the open board (as it is now) as a template for new boards.
    pub(super) fn save_as_template(&mut self) {
        let Some(dir) = self.library.templates_dir.clone() else {
            self.toasts.error(crate::tr!("library-no-templates-folder"));
            return;
        };
        let (from, board) = (self.open.doc.path.clone(), self.open.doc.board().clone());
        self.library.manage(move || crate::library::save_as_template(&from, &board, &dir).map(Managed::Template));
    }

    /// Puts what was captured while the library is open (dropped files, a pasted picture
    /// or text) into the inbox, in the background; says what came in and what did not.
    pub(super) fn capture_to_inbox(&mut self, sources: Vec<crate::media::batch::Source>, text: Option<String>) {
        let (boards_dir, title, who) = (self.boards_dir.clone(), crate::tr!("library-inbox"), self.prefs.contributor());
        let thumbs = self.thumbs.clone();
        let pasted = match text.as_deref().map(crate::model::ItemKind::from_pasted) {
            Some(Some(Ok(kind))) => Some(kind),
            Some(Some(Err(e))) => {
                self.toasts.warning(crate::i18n::said(&e));
                return;
            }
            _ => None,
        };
        self.library.manage(move || {
            let inbox = crate::library::inbox(&boards_dir, &title)?;
            let store = crate::storage::AssetStore::for_board(&inbox);
            let mut kinds: Vec<crate::model::ItemKind> = pasted.into_iter().collect();
            let mut refused = Vec::new();
            for source in sources {
                let name = source.name();
                match crate::media::batch::import(&store, &thumbs, source) {
                    Ok(crate::media::batch::Outcome::Image(imported)) => kinds.push(imported.into_kind()),
                    Ok(crate::media::batch::Outcome::Text { text, .. }) => {
                        kinds.push(crate::model::ItemKind::note(text))
                    }
                    Err(e) => refused.push(format!("{name}: {}", crate::i18n::said(&e))),
                }
            }
            let count = crate::library::add_ideas(&inbox, kinds, &who)?;
            Ok(Managed::Captured { count, refused })
        });
    }

    /// Opens the window that asks where the selected cards go.
    pub(super) fn ask_where_to_send(&mut self, moving: bool) {
        if self.view.canvas.selection.is_empty() {
            self.toasts.info(crate::tr!("send-select-first"));
            return;
        }
        self.view.windows.send_cards = Some(crate::ui::library::SendForm { moving, filter: String::new() });
        self.library.refresh();
    }

    /// The Move to board / Copy to board window, and what it chose.
    pub(super) fn send_cards_window(&mut self, ctx: &egui::Context) {
        let count = self.view.canvas.selection.len();
        let form = &mut self.view.windows.send_cards;
        let moving = form.as_ref().is_some_and(|f| f.moving);
        let Some(to) = crate::ui::library::send_cards_ui(ctx, form, &self.library.boards, &self.open.doc.path, count)
        else {
            return;
        };
        let board = self.open.doc.board();
        let ids: std::collections::BTreeSet<crate::model::ItemId> = if moving {
            // Locked cards stay where they are.
            self.view
                .canvas
                .selection
                .iter()
                .filter(|id| board.item(id).is_some_and(|i| !board.fixed(i)))
                .cloned()
                .collect()
        } else {
            self.view.canvas.selection.clone()
        };
        if ids.is_empty() {
            self.toasts.warning(crate::tr!("actions-locked-not-deleted", things = crate::ui::canvas::things(count)));
            return;
        }
        let (from, board, key) = (self.open.doc.path.clone(), board.clone(), self.open.key);
        let (boards_dir, inbox_title) = (self.boards_dir.clone(), crate::tr!("library-inbox"));
        self.library.manage(move || {
            let to = match to {
                Some(to) => to,
                None => crate::library::inbox(&boards_dir, &inbox_title)?,
            };
            let count = crate::library::copy_cards(&from, &board, &ids, &to)?;
            Ok(Managed::Sent { key, ids: ids.into_iter().collect(), to, count, moving })
        });
    }

    /// Takes moved cards off the open board (one undo step) and says where they went.
    fn cards_sent(&mut self) {
        for sent in std::mem::take(&mut self.library.sent) {
            let Managed::Sent { key, ids, to, count, moving } = sent else { continue };
            let board = crate::library::BoardEntry { path: to.clone(), stamp: None, summary: None, problem: None };
            let title =
                self.library.boards.iter().find(|b| b.path == to).map_or_else(|| board.title(), BoardEntry::title);
            let things = crate::ui::canvas::things(count);
            if moving && key == self.open.key {
                let label = crate::tr!("step-move-to-board", things = things.as_str(), board = title.as_str());
                let edit = crate::model::Edit::delete_items(
                    self.open.doc.board(),
                    &ids,
                    crate::model::Timestamp::now(),
                    &self.who(),
                );
                self.apply(edit, &label);
                self.view.canvas.selection.clear();
                self.toasts.info(crate::tr!("send-moved", things = things.as_str(), board = title.as_str()));
            } else {
                self.toasts.info(crate::tr!("send-copied", things = things.as_str(), board = title.as_str()));
            }
        }
    }

    /// Tells what the library's work on whole boards came to.
    pub(super) fn library_said(&mut self) {
        self.cards_sent();
        for said in std::mem::take(&mut self.library.said) {
            match said {
                Ok(done) => self.toasts.info(done),
                Err(why) => self.toasts.error(why),
            }
        }
    }

    /// Shows the idea `id` of `board`: here if it is the open board, else once that is
    /// open (asking first about unsaved changes, as any open does).
    pub(super) fn open_idea(&mut self, board: PathBuf, id: String) {
        use crate::storage::paths::resolved;
        if resolved(&board) == resolved(&self.open.doc.path) {
            self.view.windows.close(crate::ui::windows::Window::Library);
            self.show_idea_here(&id);
        } else {
            self.show_idea = Some((board.clone(), id));
            self.leave(super::AfterClose::Open(board));
        }
    }

    /// Selects the idea `id` on the open board and zooms to it.
    pub(super) fn show_idea_here(&mut self, id: &str) {
        let item = crate::model::ItemId::parse(id).ok().and_then(|id| self.open.doc.board().item(&id).cloned());
        let Some(item) = item else {
            self.toasts.warning(crate::tr!("library-idea-gone"));
            return;
        };
        let rect = crate::model::BoardRect::from_pos_size(item.pos, item.size);
        let (w, h) = (item.size.w, item.size.h);
        self.view.camera.fit_request = Some(crate::model::BoardRect {
            min: crate::model::Pos::new(rect.min.x - w / 2.0, rect.min.y - h / 2.0),
            max: crate::model::Pos::new(rect.max.x + w / 2.0, rect.max.y + h / 2.0),
        });
        self.view.canvas.selection = std::collections::BTreeSet::from([item.id]);
    }
}
