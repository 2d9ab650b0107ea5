//! The library window (File → Library, Ctrl+Shift+O; Ctrl+Shift+F to search): every
//! board with its picture, title, goals, ideas, who contributed and last change, and a
//! … menu (rename, duplicate, show in the file manager, move to the trash, with Undo);
//! the folders looked in; typing filters the boards and searches the ideas on all of
//! them; every tag across boards with its count, a click shows all its cards; kind,
//! person and when added narrow the search. Enter (or a click) opens a board, or the
//! board of an idea zoomed to it and selected. Also the Move / Copy to board picker.
//! Draws only: what to search, open or change goes back to the app as a [`LibraryAsk`].

use std::collections::BTreeMap;
use std::path::PathBuf;

use egui::{Key, RichText, ScrollArea, TextEdit, Window};

use super::Command;
use super::style;
use crate::library::{BoardEntry, Filters, Hit, Progress};
use crate::model::{KindTag, Timestamp};
use crate::tr;

/// Most ideas a search shows.
pub const MAX_HITS: usize = 200;

/// How the boards are listed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    #[default]
    LastChange,
    Title,
}

/// How recently the ideas looked for were added.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Since {
    #[default]
    AnyTime,
    Week,
    Month,
    Year,
}

impl Since {
    const ALL: [Since; 4] = [Since::AnyTime, Since::Week, Since::Month, Since::Year];

    fn text(self) -> String {
        tr!(match self {
            Since::AnyTime => "library-since-any",
            Since::Week => "library-since-week",
            Since::Month => "library-since-month",
            Since::Year => "library-since-year",
        })
    }

    /// The earliest time it lets through, in ms since 1970, seen from `now_ms`.
    pub fn from_ms(self, now_ms: i64) -> Option<i64> {
        const DAY: i64 = 24 * 60 * 60 * 1000;
        match self {
            Since::AnyTime => None,
            Since::Week => Some(now_ms - 7 * DAY),
            Since::Month => Some(now_ms - 30 * DAY),
            Since::Year => Some(now_ms - 365 * DAY),
        }
    }
}

/// What the library window holds while it is open.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LibraryForm {
    pub text: String,
    pub sort: Sort,
    pub kind: Option<KindTag>,
    pub tag: Option<String>,
    /// Only ideas this person brought.
    pub contributor: Option<String>,
    pub since: Since,
    /// Now, in ms since 1970, as of the last change of `since` (so that the question
    /// stays the same from frame to frame).
    pub since_now_ms: i64,
    /// The idea Enter opens, among the hits.
    pub chosen: usize,
    /// The search field takes the keyboard on the next frame.
    pub focus: bool,
    /// A board being given a new title, and the title typed so far.
    pub renaming: Option<(PathBuf, String)>,
}

impl LibraryForm {
    /// The form with the search field ready for typing.
    pub fn focused() -> Self {
        Self { focus: true, ..Self::default() }
    }

    /// What the index is asked: the typed words, the kind, the tag, the person and how
    /// recently.
    pub fn query(&self) -> (String, Filters) {
        let filters = Filters {
            kind: self.kind,
            tag: self.tag.clone(),
            contributor: self.contributor.clone(),
            since_ms: self.since.from_ms(self.since_now_ms),
            until_ms: None,
        };
        (self.text.trim().to_owned(), filters)
    }

    /// Whether ideas are being looked for (words or any filter).
    pub fn searching(&self) -> bool {
        let (text, filters) = self.query();
        !text.is_empty() || filters != Filters::default()
    }
}

/// What the library asks of the app.
#[derive(Clone, Debug, PartialEq)]
pub enum LibraryAsk {
    Search {
        text: String,
        filters: Filters,
    },
    OpenBoard(PathBuf),
    OpenIdea {
        board: PathBuf,
        id: String,
    },
    /// Another board made from this one, titled so.
    Duplicate {
        board: PathBuf,
        title: String,
    },
    Retitle {
        board: PathBuf,
        title: String,
    },
    Trash(PathBuf),
    /// Bring back the board last put in the trash.
    Untrash,
    /// Show the board's file in the file manager.
    Reveal(PathBuf),
    /// Pick another folder for the library to look in.
    AddFolder,
    /// Stop looking in this folder (its boards stay where they are).
    RemoveFolder(PathBuf),
}

/// What the library shows, as the app last heard it.
pub struct LibraryView<'a> {
    pub boards: &'a [BoardEntry],
    pub listed: bool,
    pub hits: &'a [Hit],
    /// The hits answer what the form asks now.
    pub answered: bool,
    pub progress: Option<Progress>,
    pub error: Option<&'a str>,
    /// The small picture of a board, when drawn (asked for when its tile is in view).
    pub picture: &'a mut dyn FnMut(&BoardEntry) -> Option<egui::TextureHandle>,
    /// The open board's file (it cannot go to the trash while open).
    pub open_board: &'a std::path::Path,
    /// The title of the board last put in the trash, while it can be brought back.
    pub trashed: Option<&'a str>,
    /// The folders the library looks in, the boards folder first.
    pub folders: &'a [PathBuf],
}

/// The library window; `open` turns false when it is closed.
pub fn library_ui(
    ctx: &egui::Context,
    form: &mut LibraryForm,
    view: &mut LibraryView<'_>,
    open: &mut bool,
) -> Option<LibraryAsk> {
    let mut ask = None;
    let screen = ctx.content_rect();
    // Centred, with room on both sides, at most as wide as four tiles.
    let width = (screen.width() - 80.0).clamp(320.0, 1240.0);
    Window::new(Command::Library.text().trim_end_matches('…'))
        .id(egui::Id::unique("library-window"))
        .open(open)
        .collapsible(false)
        .default_size([width, screen.height() - 120.0])
        .default_pos(egui::pos2(screen.center().x - width / 2.0, screen.top() + 50.0))
        .show(ctx, |ui| {
            ask = contents(ui, form, view);
        });
    ask
}

fn contents(ui: &mut egui::Ui, form: &mut LibraryForm, view: &mut LibraryView<'_>) -> Option<LibraryAsk> {
    let mut ask = None;
    let before = form.query();
    ui.horizontal(|ui| {
        let label = ui.label(tr!("library-search"));
        let field = TextEdit::singleline(&mut form.text).hint_text(tr!("library-search-hint")).desired_width(360.0);
        let field = ui.add(field).labelled_by(label.id);
        if std::mem::take(&mut form.focus) {
            field.request_focus();
        }
        if field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
            ask = enter(form, view);
            field.request_focus();
        }
        if field.has_focus() {
            let (down, up) = ui.input(|i| (i.key_pressed(Key::ArrowDown), i.key_pressed(Key::ArrowUp)));
            if down && form.chosen + 1 < view.hits.len() {
                form.chosen += 1;
            }
            if up {
                form.chosen = form.chosen.saturating_sub(1);
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        let kinds = tr!("library-kind");
        egui::ComboBox::from_label(tr!("library-kind-label"))
            .selected_text(
                form.kind.map_or_else(|| tr!("library-every-kind"), |k| crate::i18n::tr(&k.spec().title_id())),
            )
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut form.kind, None, tr!("library-every-kind"));
                for kind in KindTag::ALL {
                    ui.selectable_value(&mut form.kind, Some(*kind), crate::i18n::tr(&kind.spec().title_id()));
                }
            })
            .response
            .on_hover_text(kinds);
        let people = people(view.boards);
        egui::ComboBox::from_label(tr!("library-person-label"))
            .selected_text(form.contributor.clone().unwrap_or_else(|| tr!("library-everyone")))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut form.contributor, None, tr!("library-everyone"));
                for person in people {
                    ui.selectable_value(&mut form.contributor, Some(person.clone()), person);
                }
            });
        let since = form.since;
        egui::ComboBox::from_label(tr!("library-since-label")).selected_text(form.since.text()).show_ui(ui, |ui| {
            for choice in Since::ALL {
                ui.selectable_value(&mut form.since, choice, choice.text());
            }
        });
        if form.since != since {
            form.since_now_ms = Timestamp::now().unix_millis();
        }
        egui::ComboBox::from_label(tr!("library-sort-label"))
            .selected_text(sort_text(form.sort))
            .show_ui(ui, |ui| {
                for sort in [Sort::LastChange, Sort::Title] {
                    ui.selectable_value(&mut form.sort, sort, sort_text(sort));
                }
            })
            .response
            .on_hover_text(tr!("library-sort"));
    });
    if let Some(p) = view.progress {
        ui.add(egui::ProgressBar::new(p.done as f32 / p.total.max(1) as f32).text(tr!(
            "library-reading",
            done = p.done,
            total = p.total
        )));
    }
    if let Some(error) = view.error {
        ui.colored_label(style::error_text(ui.visuals()), error);
    }
    if let Some(title) = view.trashed {
        ui.horizontal(|ui| {
            ui.label(tr!("library-trashed", board = title));
            if ui.button(tr!("library-undo-trash")).clicked() {
                ask = Some(LibraryAsk::Untrash);
            }
        });
    }
    if let Some(folders) = folders_ui(ui, view.folders) {
        ask = Some(folders);
    }
    ui.label(RichText::new(tr!("library-capture-hint")).weak().small());
    tags_ui(ui, form, view.boards);
    ui.separator();
    ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        if form.searching() {
            if let Some(open) = hits_ui(ui, form, view) {
                ask = Some(open);
            }
            ui.add_space(8.0);
        }
        if let Some(open) = boards_ui(ui, form, view) {
            ask = Some(open);
        }
    });
    let now = form.query();
    if now != before || (form.searching() && !view.answered && ask.is_none()) {
        if now != before {
            form.chosen = 0;
        }
        let (text, filters) = now;
        ask = ask.or(Some(LibraryAsk::Search { text, filters }));
    }
    ask
}

/// Enter: the chosen idea, else the only board left by the filter.
fn enter(form: &LibraryForm, view: &LibraryView<'_>) -> Option<LibraryAsk> {
    if form.searching()
        && let Some(hit) = view.hits.get(form.chosen).or(view.hits.first())
    {
        return Some(LibraryAsk::OpenIdea { board: hit.board.clone(), id: hit.id.clone() });
    }
    let shown = shown_boards(form, view.boards);
    shown.first().filter(|b| b.summary.is_some()).map(|b| LibraryAsk::OpenBoard(b.path.clone()))
}

fn sort_text(sort: Sort) -> String {
    match sort {
        Sort::LastChange => tr!("library-sort-changed"),
        Sort::Title => tr!("library-sort-title"),
    }
}

/// Every tag across the boards with its count, most used first; a click shows all its
/// cards (and another click stops).
fn tags_ui(ui: &mut egui::Ui, form: &mut LibraryForm, boards: &[BoardEntry]) {
    let mut counts: BTreeMap<String, (String, usize)> = BTreeMap::new();
    for (tag, n) in boards.iter().filter_map(|b| b.summary.as_ref()).flat_map(|s| s.tags.iter()) {
        let entry = counts.entry(tag.to_lowercase()).or_insert_with(|| (tag.clone(), 0));
        entry.1 += n;
    }
    if counts.is_empty() {
        return;
    }
    let mut tags: Vec<(String, usize)> = counts.into_values().collect();
    tags.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.to_lowercase().cmp(&b.0.to_lowercase())));
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(tr!("library-tags")).strong());
        for (tag, n) in tags.into_iter().take(40) {
            let on = form
                .tag
                .as_deref()
                .is_some_and(|t| t.eq_ignore_ascii_case(&tag) || t.to_lowercase() == tag.to_lowercase());
            let chip = ui.selectable_label(on, format!("#{tag} {n}"));
            let chip = chip.on_hover_text(tr!("library-tag-help", tag = tag.as_str(), count = n));
            if chip.clicked() {
                form.tag = if on { None } else { Some(tag) };
            }
        }
    });
}

/// The ideas found, each a small card with its board and theme.
fn hits_ui(ui: &mut egui::Ui, form: &mut LibraryForm, view: &LibraryView<'_>) -> Option<LibraryAsk> {
    let mut ask = None;
    let heading = match (view.answered, view.hits.len()) {
        (false, _) => tr!("library-searching"),
        (true, 0) => tr!("library-no-ideas"),
        (true, n) if n >= MAX_HITS => tr!("library-ideas-many", count = n),
        (true, n) => tr!("library-ideas", count = n),
    };
    ui.label(RichText::new(heading).heading());
    for (i, hit) in view.hits.iter().enumerate() {
        let chosen = i == form.chosen;
        let frame = egui::Frame::group(ui.style()).fill(if chosen {
            ui.visuals().selection.bg_fill.gamma_multiply(0.35)
        } else {
            ui.visuals().faint_bg_color
        });
        let response = frame
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(RichText::new(&hit.summary).strong());
                let kind = KindTag::named(&hit.kind).map(|k| crate::i18n::tr(&k.spec().title_id())).unwrap_or_default();
                let theme = if hit.theme.is_empty() { tr!("library-unsorted") } else { hit.theme.clone() };
                let mut about = vec![kind, tr!("library-on-board", board = hit.board_title.as_str()), theme];
                if !hit.contributor.trim().is_empty() {
                    about.push(tr!("library-by", name = hit.contributor.as_str()));
                }
                if !hit.tags.is_empty() {
                    about.push(hit.tags.iter().map(|t| format!("#{t}")).collect::<Vec<_>>().join(" "));
                }
                ui.label(RichText::new(about.join(" · ")).weak());
            })
            .response
            .interact(egui::Sense::click());
        let label = tr!("library-open-idea", idea = hit.summary.as_str(), board = hit.board_title.as_str());
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
        if response.clicked() {
            form.chosen = i;
            ask = Some(LibraryAsk::OpenIdea { board: hit.board.clone(), id: hit.id.clone() });
        }
    }
    ask
}

/// The boards the typed words leave, in the chosen order; unreadable ones last.
fn shown_boards<'a>(form: &LibraryForm, boards: &'a [BoardEntry]) -> Vec<&'a BoardEntry> {
    let words: Vec<String> = form.text.split_whitespace().map(str::to_lowercase).collect();
    let fits = |b: &BoardEntry| {
        let mut text = b.title().to_lowercase();
        if let Some(s) = &b.summary {
            for more in s.goals.iter().chain(&s.contributors) {
                text.push(' ');
                text.push_str(&more.to_lowercase());
            }
        }
        words.iter().all(|w| text.contains(w.as_str()))
    };
    let mut shown: Vec<&BoardEntry> = boards.iter().filter(|b| fits(b)).collect();
    match form.sort {
        Sort::LastChange => shown.sort_by_key(|b| std::cmp::Reverse(b.summary.as_ref().map(|s| s.modified_ms))),
        Sort::Title => shown.sort_by_key(|b| (b.summary.is_none(), b.title().to_lowercase())),
    }
    shown
}

/// The boards, each a tile: title, goals, ideas, who, last change; or why it cannot be read.
fn boards_ui(ui: &mut egui::Ui, form: &mut LibraryForm, view: &mut LibraryView<'_>) -> Option<LibraryAsk> {
    let mut ask = None;
    let boards = view.boards;
    let shown = shown_boards(form, boards);
    if form.searching() && shown.is_empty() && view.listed {
        // The ideas found say it all; no "0 boards" under them.
        return None;
    }
    let heading = if !view.listed { tr!("library-listing") } else { tr!("library-boards", count = shown.len()) };
    ui.label(RichText::new(heading).heading());
    if view.listed && view.boards.is_empty() {
        ui.label(tr!("library-empty"));
    }
    let lang = crate::i18n::language();
    let width = 280.0;
    ui.horizontal_wrapped(|ui| {
        for board in shown {
            let title = board.title();
            egui::Frame::group(ui.style()).fill(ui.visuals().faint_bg_color).show(ui, |ui| {
                ui.set_width(width);
                ui.set_min_height(120.0);
                ui.vertical(|ui| {
                    if picture_ui(ui, board, &title, width, &mut *view.picture) {
                        ask = Some(LibraryAsk::OpenBoard(board.path.clone()));
                    }
                    match &mut form.renaming {
                        Some((path, text)) if *path == board.path => {
                            let field = ui.add(TextEdit::singleline(text).desired_width(width));
                            let field = field.labelled_by(ui.label(tr!("library-new-title")).id);
                            if !field.has_focus() && !field.lost_focus() {
                                field.request_focus();
                            }
                            let (enter, esc) = ui.input(|i| (i.key_pressed(Key::Enter), i.key_pressed(Key::Escape)));
                            if field.lost_focus() && enter && !text.trim().is_empty() {
                                ask = Some(LibraryAsk::Retitle { board: path.clone(), title: text.trim().to_owned() });
                                form.renaming = None;
                            } else if esc || field.lost_focus() {
                                form.renaming = None;
                            }
                        }
                        _ => {
                            ui.label(RichText::new(&title).strong().size(16.0));
                        }
                    }
                    match (&board.summary, board.problem_in(lang)) {
                        (Some(s), _) => {
                            for goal in s.goals.iter().take(2) {
                                ui.label(
                                    RichText::new(format!("◎ {}", crate::model::one_line(goal, 80)))
                                        .color(style::goals_label(ui.visuals())),
                                );
                            }
                            ui.label(tr!("library-ideas-themes", ideas = s.ideas, themes = s.themes));
                            if !s.contributors.is_empty() {
                                let people = s.contributors.iter().take(4).cloned().collect::<Vec<_>>().join(", ");
                                let more = s.contributors.len().saturating_sub(4);
                                ui.label(RichText::new(tr!("library-people", people = people, more = more)).weak());
                            }
                            let changed = Timestamp::from_unix_millis(s.modified_ms).to_short_string();
                            ui.label(RichText::new(tr!("library-changed", when = changed)).weak());
                            ui.horizontal(|ui| {
                                let open = ui.button(tr!("library-open"));
                                let label = tr!("library-open-board", board = title.as_str());
                                open.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
                                if open.clicked() {
                                    ask = Some(LibraryAsk::OpenBoard(board.path.clone()));
                                }
                                if let Some(more) = more_ui(ui, form, board, &title, view.open_board) {
                                    ask = Some(more);
                                }
                            });
                        }
                        (None, problem) => {
                            ui.colored_label(style::warn_text(ui.visuals()), tr!("library-unreadable"));
                            ui.label(RichText::new(problem.unwrap_or_default()).weak().small());
                            if let Some(more) = more_ui(ui, form, board, &title, view.open_board) {
                                ask = Some(more);
                            }
                        }
                    }
                    ui.label(RichText::new(board.path.display().to_string()).weak().small());
                });
            });
        }
    });
    ask
}

/// The board's small picture, asked for only while its place is in view; a quiet
/// placeholder until it is drawn (and for a board with nothing on it). `true` when it was
/// clicked (a readable board opens).
fn picture_ui(
    ui: &mut egui::Ui,
    board: &BoardEntry,
    title: &str,
    width: f32,
    picture: &mut dyn FnMut(&BoardEntry) -> Option<egui::TextureHandle>,
) -> bool {
    let height = width * 0.6;
    let sense = if board.summary.is_some() { egui::Sense::click() } else { egui::Sense::hover() };
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, height), sense);
    let response =
        if board.summary.is_some() { response.on_hover_cursor(egui::CursorIcon::PointingHand) } else { response };
    let texture = if ui.is_rect_visible(rect) { picture(board) } else { None };
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 4.0, ui.visuals().extreme_bg_color);
    if let Some(texture) = texture {
        let size = texture.size_vec2();
        let scale = (rect.width() / size.x).min(rect.height() / size.y);
        let shown = egui::Rect::from_center_size(rect.center(), size * scale);
        let uv = egui::Rect::from_min_max(egui::pos2(0.0, 0.0), egui::pos2(1.0, 1.0));
        painter.image(texture.id(), shown, uv, egui::Color32::WHITE);
        let label = tr!("library-picture", board = title);
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &label));
    }
    response.clicked()
}

/// The … menu of a board: rename, duplicate, show in the file manager, move to the trash.
fn more_ui(
    ui: &mut egui::Ui,
    form: &mut LibraryForm,
    board: &BoardEntry,
    title: &str,
    open_board: &std::path::Path,
) -> Option<LibraryAsk> {
    let mut ask = None;
    let readable = board.summary.is_some();
    let is_open = crate::storage::paths::resolved(&board.path) == crate::storage::paths::resolved(open_board);
    let menu = egui::containers::menu::MenuButton::new("…").ui(ui, |ui| {
        if ui.add_enabled(readable, egui::Button::new(tr!("library-rename"))).clicked() {
            form.renaming = Some((board.path.clone(), title.to_owned()));
        }
        if ui.add_enabled(readable, egui::Button::new(tr!("library-duplicate"))).clicked() {
            ask = Some(LibraryAsk::Duplicate {
                board: board.path.clone(),
                title: tr!("library-copy-title", title = title),
            });
        }
        if ui.button(tr!("library-reveal")).clicked() {
            ask = Some(LibraryAsk::Reveal(board.path.clone()));
        }
        let trash = ui.add_enabled(!is_open, egui::Button::new(tr!("library-move-to-trash")));
        let trash = trash.on_disabled_hover_text(tr!("library-open-not-trashed"));
        if trash.clicked() {
            ask = Some(LibraryAsk::Trash(board.path.clone()));
        }
    });
    let label = tr!("library-more", board = title);
    menu.0.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
    ask
}

/// What the Move to board / Copy to board window holds while it is open.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SendForm {
    /// The cards leave this board (else copies go).
    pub moving: bool,
    pub filter: String,
}

/// Where the selected cards go: the inbox, or a board of the library (not the open one).
/// Returns the board chosen (`None` in the answer's path: the inbox).
pub fn send_cards_ui(
    ctx: &egui::Context,
    form: &mut Option<SendForm>,
    boards: &[BoardEntry],
    open_board: &std::path::Path,
    count: usize,
) -> Option<Option<PathBuf>> {
    let mut chosen = None;
    let mut close = false;
    let Some(state) = form else { return None };
    let heading =
        if state.moving { tr!("send-move-heading", count = count) } else { tr!("send-copy-heading", count = count) };
    egui::Modal::new(egui::Id::unique("send-cards")).show(ctx, |ui| {
        ui.set_width(420.0);
        ui.heading(heading);
        let label = ui.label(tr!("send-filter"));
        let field =
            ui.add(TextEdit::singleline(&mut state.filter).hint_text(tr!("send-filter-hint"))).labelled_by(label.id);
        if !field.has_focus() && !field.lost_focus() && ui.memory(|m| m.focused().is_none()) {
            field.request_focus();
        }
        // Enter takes the first board left by what was typed.
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
        ui.add_space(4.0);
        let words: Vec<String> = state.filter.split_whitespace().map(str::to_lowercase).collect();
        let fits = |title: &str| words.iter().all(|w| title.to_lowercase().contains(w.as_str()));
        ScrollArea::vertical().max_height(360.0).show(ui, |ui| {
            let inbox = tr!("library-inbox");
            let is_inbox = |b: &BoardEntry| b.path.file_name().is_some_and(|n| n == crate::library::INBOX_FILE);
            let offer_inbox = fits(&inbox) && !open_board.ends_with(crate::library::INBOX_FILE);
            if offer_inbox && (ui.button(format!("📥 {inbox}")).clicked() || entered) {
                chosen = Some(None);
            }
            let here = crate::storage::paths::resolved(open_board);
            let mut targets: Vec<&BoardEntry> = boards
                .iter()
                .filter(|b| b.summary.is_some() && !is_inbox(b) && crate::storage::paths::resolved(&b.path) != here)
                .filter(|b| fits(&b.title()))
                .collect();
            targets.sort_by_key(|b| b.title().to_lowercase());
            for (i, board) in targets.into_iter().enumerate() {
                let first = i == 0 && !offer_inbox;
                if ui.button(board.title()).clicked() || (first && entered) {
                    chosen = Some(Some(board.path.clone()));
                }
            }
        });
        ui.add_space(4.0);
        if ui.button(tr!("send-cancel")).clicked() {
            close = true;
        }
    });
    if close || chosen.is_some() {
        *form = None;
    }
    chosen
}

/// The folders the library looks in: the boards folder, then those added (each with a
/// way to stop looking there), and a way to add one.
fn folders_ui(ui: &mut egui::Ui, folders: &[PathBuf]) -> Option<LibraryAsk> {
    let mut ask = None;
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(tr!("library-folders")).strong());
        for (i, folder) in folders.iter().enumerate() {
            ui.label(RichText::new(folder.display().to_string()).weak());
            if i > 0 {
                let remove = ui.small_button("✖").on_hover_text(tr!("library-remove-folder-help"));
                let label = tr!("library-remove-folder", folder = folder.as_path());
                remove.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
                if remove.clicked() {
                    ask = Some(LibraryAsk::RemoveFolder(folder.clone()));
                }
            }
        }
        if ui.button(tr!("library-add-folder")).clicked() {
            ask = Some(LibraryAsk::AddFolder);
        }
    });
    ask
}

/// Everyone who brought an idea to any board, by name.
fn people(boards: &[BoardEntry]) -> Vec<String> {
    let mut people: Vec<String> =
        boards.iter().filter_map(|b| b.summary.as_ref()).flat_map(|s| s.contributors.iter().cloned()).collect();
    people.sort_by_key(|p| p.to_lowercase());
    people.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
    people
}
