//! Carrying out what the user asked for: edits, commands, new items, paste, drops and
//! imports. Every change to the board goes through `Document::apply`, so it can be undone.

use crate::tr;
use std::collections::BTreeSet;
use std::path::PathBuf;

use super::web::WebWant;
use super::{AfterClose, MoodboardApp, Picked};
use crate::export::ExportFormat;
use crate::media::batch::Source;
use crate::model::operations::{Contributor, NewIdea};
use crate::model::{
    BoardRect, Edit, Item, ItemChange, ItemId, ItemKind, Pos, ThemeId, Timestamp, frames, links, rules,
};
use crate::storage::paths;
use crate::ui::canvas::{commit_inline_edit, things};
use crate::ui::capture::Draft;
use crate::ui::windows::Window;
use crate::ui::{Action, Command};

impl MoodboardApp {
    /// Carries out one action from the UI.
    pub fn act(&mut self, action: Action) {
        match action {
            Action::Edit { edit, label } => self.apply(edit, &label),
            Action::Command(command) => self.run_command(command),
            // An idea whose page fills it in (a link typed in its form) fetches the page first.
            Action::Add { kind, centre_in_board, theme } if self.previews(&kind).is_some() => {
                let address = self.previews(&kind).unwrap_or_default();
                self.fetch_address(&address, WebWant::Preview, Some(kind), centre_in_board, theme)
            }
            Action::Add { kind, centre_in_board, theme } => self.add_item(kind, centre_in_board, theme),
            Action::AddAt { kind, pos, size } => self.add_at(kind, pos, size),
            Action::AddImageFromAddress { address, centre_in_board } => {
                if self.prefs.offline {
                    self.toasts.warning(tr!("actions-offline-not-downloaded"));
                } else {
                    self.fetch_address(&address, WebWant::Image, None, centre_in_board, None);
                }
            }
            Action::ChooseImageFiles => self.files.images(&self.ctx, self.open.key, self.folder()),
            Action::StartInviting => self.start_inviting(),
            Action::JoinLive(ticket) => self.join_live(&ticket),
            Action::NewLiveTicket => self.share_live(true),
            Action::StopLive => self.stop_live(),
            Action::ShowLive => self.view.windows.live = true,
            Action::Follow(who) => self.follow(who),
            Action::StopFollowing => self.stop_following(),
            Action::BringEveryone => self.bring_everyone(),
            Action::Info(text) => self.toasts.info(text),
            Action::SetLiveLanOnly(on) => {
                self.prefs.live_lan_only = on;
                self.save_prefs();
            }
            Action::ShowInvitation => self.view.windows.invitation = true,
            Action::StopInviting => self.stop_inviting(),
            Action::ShowArrivals => {
                let board = self.open.doc.board();
                let came: Vec<_> = board.items.iter().filter(|i| crate::model::is_joined(i)).collect();
                match came.iter().map(|i| BoardRect::from_pos_size(i.pos, i.size)).reduce(BoardRect::union) {
                    Some(rect) => self.view.camera.fit_request = Some(rect),
                    None => self.toasts.info(tr!("actions-no-arrivals")),
                }
            }
            Action::RetryDownload(key) => self.retry_fetch(key),
            Action::DismissDownload(key) => self.dismiss_fetch(key),
            // While the library is open, what is captured has no board yet: the inbox.
            Action::ImportFiles { paths, .. } if self.view.windows.library.is_some() => {
                self.capture_to_inbox(paths.into_iter().map(Source::File).collect(), None)
            }
            Action::PasteImage { image, .. } if self.view.windows.library.is_some() => {
                let rgba = image.pixels.iter().flat_map(|c| c.to_srgba_unmultiplied()).collect();
                let [width, height] = image.size;
                self.capture_to_inbox(vec![Source::Pixels { width, height, rgba }], None);
            }
            Action::PasteText { text, .. }
                if self.view.windows.library.is_some() && !crate::storage::clip::is_clip(&text) =>
            {
                self.capture_to_inbox(Vec::new(), Some(text))
            }
            Action::ImportFiles { paths, centre_in_board } => {
                self.import(paths.into_iter().map(Source::File).collect(), centre_in_board)
            }
            Action::PasteImage { image, centre_in_board } => {
                let rgba = image.pixels.iter().flat_map(|c| c.to_srgba_unmultiplied()).collect();
                let [width, height] = image.size;
                self.import(vec![Source::Pixels { width, height, rgba }], centre_in_board);
            }
            Action::PasteText { text, centre_in_board } if crate::storage::clip::is_clip(&text) => {
                self.paste_clip(text, centre_in_board)
            }
            Action::PasteText { text, centre_in_board } => self.paste_text(&text, centre_in_board),
            Action::OpenBoard(path) => self.leave(AfterClose::Open(path)),
            Action::OpenIdea { board, id } => self.open_idea(board, id),
            Action::NewBoard { title, goal, template } => {
                let goals = if goal.trim().is_empty() { Vec::new() } else { vec![goal.trim().to_owned()] };
                self.leave(AfterClose::New { title: title.trim().to_owned(), goals, template });
            }
            Action::OpenUrl(url) => {
                if links::is_openable(&url) {
                    self.ctx.open_url(egui::OpenUrl::new_tab(url));
                } else {
                    self.toasts.warning(tr!("actions-not-opened", url = url));
                }
            }
            Action::CancelImport => {
                self.open.importer.cancel();
                self.open.import_added = 0;
                self.toasts.info(tr!("actions-import-cancelled"));
                let reasons = std::mem::take(&mut self.open.import_failures);
                if !reasons.is_empty() {
                    let text = tr!("actions-cancelled-not-added", count = reasons.len());
                    self.toasts.report(crate::ui::toasts::Level::Error, text, reasons);
                }
            }
            Action::Error(message) => self.toasts.error(message),
            Action::SetSources(sources) => {
                self.prefs.sources = sources;
                self.save_prefs();
            }
            Action::SetPromptLang(lang) => {
                self.prefs.prompt_lang = lang;
                self.save_prefs();
            }
            Action::SetName(name) => {
                self.prefs.name = name;
                self.save_prefs();
                self.toasts.info(tr!("actions-name-set", name = self.prefs.contributor()));
            }
        }
    }

    /// Applies an edit as one undo step, telling the user if it could not be applied.
    pub fn apply(&mut self, edit: Edit, label: &str) {
        if edit.is_empty() {
            return;
        }
        let edit = self.new_frames_in_view(edit);
        if let Err(e) = self.open.doc.apply(edit, label, &self.who()) {
            self.toasts.error(format!("{label}: {}", crate::i18n::said(&e)));
        }
    }

    /// A theme made in the app gets its frame where the user is looking, or, when the
    /// same step sorts cards into it, round those cards (at a free place near them);
    /// never somewhere off screen.
    fn new_frames_in_view(&self, edit: Edit) -> Edit {
        let board = self.open.doc.board();
        let centre = self.view.camera.center_in_board();
        let edits = match edit {
            Edit::Batch(edits) => edits,
            Edit::InsertTheme(theme) => vec![Edit::InsertTheme(theme)],
            other => return other,
        };
        // The cards each new theme is given in this step.
        let mut given: std::collections::HashMap<ThemeId, Vec<BoardRect>> = std::collections::HashMap::new();
        for e in &edits {
            if let Edit::ChangeItem { id, change: ItemChange::Theme(Some(t)), .. } = e
                && let Some(item) = board.item(id)
            {
                given.entry(t.clone()).or_default().push(BoardRect::from_pos_size(item.pos, item.size));
            }
        }
        let default_spot = BoardRect::from_pos_size(frames::next_frame_spot(board), frames::EMPTY_FRAME);
        Edit::Batch(
            edits
                .into_iter()
                .map(|e| match e {
                    Edit::InsertTheme(mut theme) if theme.frame == default_spot => {
                        // Round the cards it is given, where they are: what is in the
                        // way moves aside. Else empty, at a free place in view.
                        theme.frame = given
                            .get(&theme.id)
                            .and_then(|cards| frames::frame_around(cards.iter().copied()))
                            .unwrap_or_else(|| {
                                let size = frames::EMPTY_FRAME;
                                let near = Pos::new(centre.x - size.w / 2.0, centre.y - size.h / 2.0);
                                BoardRect::from_pos_size(frames::free_frame_spot(board, near, size), size)
                            });
                        Edit::InsertTheme(theme)
                    }
                    other => other,
                })
                .collect(),
        )
    }

    pub(super) fn who(&self) -> String {
        self.prefs.contributor()
    }

    pub fn run_command(&mut self, command: Command) {
        let now = Timestamp::now();
        match command {
            Command::NewBoard => self.view.windows.open(Window::NewBoard),
            Command::Open => self.files.open_board(&self.ctx, self.open.key, self.folder()),
            Command::Library | Command::SearchLibrary => self.show_library(),
            Command::SaveAsTemplate => self.save_as_template(),
            Command::MoveToBoard | Command::CopyToBoard => self.ask_where_to_send(command == Command::MoveToBoard),
            // In the library, Undo brings back the board last put in the trash.
            Command::Undo if self.view.windows.library.is_some() && self.library.trashed.is_some() => self.untrash(),
            Command::Save if self.open.doc.read_only => self.toasts.warning(tr!("doc-read-only")),
            Command::Save => {
                self.open.doc.retry_save();
                self.start_save();
            }
            Command::SaveAs => self.files.save_as(&self.ctx, self.open.key, self.folder(), self.open.doc.name()),
            Command::Quit => self.leave(AfterClose::Quit),
            Command::MergeBoard => self.files.merge_board(&self.ctx, self.open.key, self.folder()),
            Command::ShareLive => self.share_live(false),
            Command::JoinLive => self.view.windows.open(Window::JoinLive),
            Command::SavePack => self.files.save_pack(&self.ctx, self.open.key, self.folder(), self.open.doc.name()),
            Command::ExportHtml => {
                self.files.export(&self.ctx, self.open.key, ExportFormat::Html, self.folder(), self.open.doc.name())
            }
            Command::ExportMarkdown => {
                self.files.export(
                    &self.ctx,
                    self.open.key,
                    ExportFormat::Markdown,
                    self.folder(),
                    self.open.doc.name(),
                );
            }
            Command::ExportPng => {
                self.files.export(&self.ctx, self.open.key, ExportFormat::Png, self.folder(), self.open.doc.name())
            }
            Command::ExportPdf => {
                self.files.export(&self.ctx, self.open.key, ExportFormat::Pdf, self.folder(), self.open.doc.name())
            }
            Command::ExportCanvas => {
                self.files.export(&self.ctx, self.open.key, ExportFormat::Canvas, self.folder(), self.open.doc.name())
            }
            Command::ImportCanvas => self.files.canvas(&self.ctx, self.open.key, self.folder()),
            Command::Undo => {
                let mut actions = Vec::new();
                commit_inline_edit(self.open.doc.board(), &mut self.view, &mut actions);
                for a in actions {
                    self.act(a);
                }
                match self.open.doc.undo(&self.who()) {
                    Some(Ok(label)) => self.toasts.info(tr!("actions-undid", step = label)),
                    Some(Err(e)) => self.toasts.error(tr!("actions-undo-failed", reason = crate::i18n::said(&e))),
                    None => {}
                }
            }
            Command::Redo => match self.open.doc.redo(&self.who()) {
                Some(Ok(label)) => self.toasts.info(tr!("actions-redid", step = label)),
                Some(Err(e)) => self.toasts.error(tr!("actions-redo-failed", reason = crate::i18n::said(&e))),
                None => {}
            },
            Command::Delete => self.delete_selection(now),
            Command::Duplicate => self.duplicate_selection(now),
            Command::SelectAll => {
                let board = self.open.doc.board();
                self.view.canvas.selection =
                    board.items.iter().filter(|i| self.view.shows(board, i)).map(|i| i.id.clone()).collect();
            }
            // Esc closes what is open first (the registry knows which windows it closes),
            // then stops following someone, then the search, then the selection.
            Command::ClearSelection if self.view.windows.close_on_esc() => {}
            Command::ClearSelection if self.is_following() => self.stop_following(),
            Command::ClearSelection if self.view.searching() => {
                self.view.find.search.clear();
                self.view.find.search_at = None;
            }
            Command::ClearSelection => {
                self.view.canvas.selection.clear();
                self.view.canvas.connector = None;
                self.view.canvas.inline_edit = None;
                self.view.canvas.highlight.clear();
            }
            Command::BringToFront | Command::SendToBack => self.restack(command == Command::BringToFront, now),
            Command::ToggleLock => {
                let selected = self.selected_items();
                let lock = selected.iter().any(|i| !i.locked);
                let edits = selected
                    .iter()
                    .filter(|i| i.locked != lock)
                    .map(|i| Edit::ChangeItem { id: i.id.clone(), change: ItemChange::Locked(lock), at: now })
                    .collect();
                let things = things(selected.len());
                let label = if lock {
                    tr!("step-lock-things", things = things)
                } else {
                    tr!("step-unlock-things", things = things)
                };
                self.apply(Edit::Batch(edits), &label);
            }
            Command::Paste => self.ctx.send_viewport_cmd(egui::ViewportCommand::RequestPaste),
            Command::Copy => self.copy_selection(false),
            Command::Cut => self.copy_selection(true),
            Command::Add(kind) if kind.spec().drawn => self.take_out_pen(),
            Command::Add(kind) => self.view.windows.capture = Some(Draft::new(kind, None)),
            Command::WorkOffline => {
                self.prefs.offline = !self.prefs.offline;
                self.save_prefs();
                self.toasts.info(if self.prefs.offline {
                    tr!("actions-offline-on")
                } else {
                    tr!("actions-offline-off")
                });
            }
            Command::AddTheme => self.add_theme(now),
            Command::Connect => {
                let action = crate::ui::connectors::connect_selected(self.open.doc.board(), &self.view, &self.who());
                if let Some(action) = action {
                    self.act(action);
                }
            }
            Command::PickColour => {
                self.view.canvas.pen = None;
                self.view.canvas.crop = None;
                self.view.canvas.picking = true;
            }
            Command::ArrangeByTheme => {
                let edit = frames::arrange_for(self.open.doc.board(), self.canvas_aspect(), now);
                self.apply(edit, &Command::ArrangeByTheme.text());
                self.view.camera.fit_request = self.open.doc.board().bounds();
            }
            Command::AlignLeft
            | Command::AlignRight
            | Command::AlignTop
            | Command::AlignBottom
            | Command::AlignCentres
            | Command::AlignMiddles
            | Command::DistributeAcross
            | Command::DistributeDown => self.line_up(command, now),
            Command::RotateRight | Command::RotateLeft | Command::FlipAcross | Command::FlipDown => {
                self.turn_pictures(command, now)
            }
            Command::MovingPictures => {
                self.prefs.moving_pictures = !self.prefs.moving_pictures;
                self.save_prefs();
                self.ctx.request_repaint();
            }
            Command::SnapToGrid => {
                self.view.canvas.snap = !self.view.canvas.snap;
                self.prefs.snap_to_grid = self.view.canvas.snap;
                self.save_prefs();
                self.toasts.info(if self.view.canvas.snap { tr!("actions-snap-on") } else { tr!("actions-snap-off") });
            }
            Command::LookSystem | Command::LookLight | Command::LookDark => {
                use crate::prefs::Appearance;
                self.prefs.appearance = match command {
                    Command::LookLight => Appearance::Light,
                    Command::LookDark => Appearance::Dark,
                    _ => Appearance::System,
                };
                crate::ui::style::set_appearance(&self.ctx, self.prefs.appearance);
                self.save_prefs();
            }
            Command::LanguageSystem | Command::LanguageEnglish | Command::LanguageDutch => {
                use crate::i18n::Lang;
                self.prefs.language = match command {
                    Command::LanguageEnglish => Some(Lang::En),
                    Command::LanguageDutch => Some(Lang::Nl),
                    _ => None,
                };
                self.language = self.prefs.interface_language();
                crate::i18n::set_language(self.language);
                crate::i18n::set_process_language(self.language);
                self.save_prefs();
            }
            Command::ZoomIn => self.view.camera.zoom_around(self.view.camera.canvas_rect.center(), 1.25),
            Command::ZoomOut => self.view.camera.zoom_around(self.view.camera.canvas_rect.center(), 0.8),
            Command::ZoomReset => {
                let factor = 1.0 / self.view.camera.zoom();
                self.view.camera.zoom_around(self.view.camera.canvas_rect.center(), factor);
            }
            Command::ZoomFit => self.view.camera.fit_request = self.open.doc.board().bounds(),
            Command::ZoomSelection => {
                self.view.camera.fit_request = self
                    .selected_items()
                    .iter()
                    .map(|i| BoardRect::from_pos_size(i.pos, i.size))
                    .reduce(BoardRect::union)
                    .or(self.view.camera.fit_request);
            }
            Command::ToggleSidebar => self.view.panels.sidebar = !self.view.panels.sidebar,
            Command::ToggleInspector => self.view.panels.inspector = !self.view.panels.inspector,
            Command::Find => self.view.find.focus = true,
            Command::ShowShortcuts => self.view.windows.toggle(Window::Shortcuts),
            Command::ShowAbout => self.view.windows.toggle(Window::About),
            // The welcome board, made again if it was deleted (as it is, if it is there).
            Command::ShowWelcome => match crate::welcome::ensure(&self.boards_dir) {
                Ok(path) => self.act(Action::OpenBoard(path)),
                Err(e) => self.toasts.error(tr!(
                    "app-welcome-failed",
                    folder = self.boards_dir.as_path(),
                    reason = format!("{e:#}")
                )),
            },
            Command::ToggleSession => self.act(crate::ui::session::toggle_session(self.open.doc.board())),
            Command::DrawPrompt => self.draw_prompt(),
            Command::GiveDot | Command::TakeDot => {
                let ids: Vec<ItemId> = self.view.canvas.selection.iter().cloned().collect();
                let who = self.who();
                let (decided, label) = if command == Command::GiveDot {
                    (rules::give_dots(self.open.doc.board(), &ids, &who), command.text())
                } else {
                    (rules::take_dots(self.open.doc.board(), &ids, &who), command.text())
                };
                match decided {
                    Ok(edit) => self.apply(edit, &label),
                    Err(why) => self.toasts.info(crate::i18n::said(&why)),
                }
            }
            Command::Shuffle => {
                let edit = frames::shuffle_for(self.open.doc.board(), fastrand::u64(..), self.canvas_aspect(), now);
                if edit.is_empty() {
                    self.toasts.info(tr!("actions-nothing-to-shuffle"));
                } else {
                    self.apply(edit, &tr!("step-shuffle"));
                    self.view.camera.fit_request = self.open.doc.board().bounds();
                }
            }
            Command::Spotlight => {
                let mut order: Vec<ItemId> = self.open.doc.board().items.iter().map(|i| i.id.clone()).collect();
                if order.is_empty() {
                    self.toasts.info(tr!("actions-nothing-to-spotlight"));
                } else {
                    fastrand::shuffle(&mut order);
                    self.view.windows.spotlight = Some(crate::ui::spotlight::Spotlight { order, index: 0 });
                }
            }
            Command::ShowLenses => self.view.windows.toggle(Window::Lenses),
        }
    }

    /// The canvas's shape (width / height), which Arrange and Shuffle fill.
    fn canvas_aspect(&self) -> f32 {
        let r = self.view.camera.canvas_rect;
        if r.height() > 1.0 { r.width() / r.height() } else { frames::ASPECT }
    }

    /// Aligns or distributes the selected cards, one undo step, or says why not.
    fn line_up(&mut self, command: Command, now: Timestamp) {
        use crate::model::align::{Align, Axis, align, distribute};
        let ids: Vec<ItemId> = self.selected_items().iter().map(|i| i.id.clone()).collect();
        let board = self.open.doc.board();
        let (edit, needs) = match command {
            Command::DistributeAcross => (distribute(board, &ids, Axis::Across, now), 3),
            Command::DistributeDown => (distribute(board, &ids, Axis::Down, now), 3),
            _ => {
                let how = match command {
                    Command::AlignLeft => Align::Left,
                    Command::AlignRight => Align::Right,
                    Command::AlignTop => Align::Top,
                    Command::AlignBottom => Align::Bottom,
                    Command::AlignCentres => Align::Centres,
                    _ => Align::Middles,
                };
                (align(board, &ids, how, now), 2)
            }
        };
        match edit {
            Some(edit) => self.apply(edit, &format!("{} ({})", command.text(), things(ids.len()))),
            None if ids.len() < needs => {
                self.toasts.info(tr!("actions-align-needs", command = command.text(), count = needs))
            }
            None => self.toasts.info(tr!("actions-align-done", command = command.text())),
        }
    }

    /// Turns or mirrors the selected pictures, one undo step, or says why not.
    fn turn_pictures(&mut self, command: Command, now: Timestamp) {
        use crate::model::kinds::TurnBy;
        let by = match command {
            Command::RotateRight => TurnBy::Right,
            Command::RotateLeft => TurnBy::Left,
            Command::FlipAcross => TurnBy::Across,
            _ => TurnBy::Down,
        };
        let ids: Vec<ItemId> = self.selected_items().iter().map(|i| i.id.clone()).collect();
        match crate::model::kinds::turn_pictures(self.open.doc.board(), &ids, by, now) {
            Some(edit) => self.apply(edit, &command.text()),
            None => self.toasts.info(tr!("actions-turn-needs", command = command.text())),
        }
    }

    /// Puts a prompt from the deck (or the board's own prompts) on the board.
    fn draw_prompt(&mut self) {
        let text = crate::prompts::draw(
            self.prefs.prompt_lang,
            &self.open.doc.board().session.own_prompts,
            &mut fastrand::Rng::new(),
        );
        let kind = ItemKind::note(text);
        let place = self.near(None, kind.default_size());
        let idea = NewIdea::new(kind)
            .in_theme(self.theme_for_new(None))
            .placed(place)
            .tagged(vec![crate::model::PROMPT_TAG.to_owned()]);
        let who = self.who();
        let by = Contributor { name: &who, source: crate::model::lens::PROMPT_SOURCE };
        if let Some(ids) = self.add_ideas(vec![idea], &Command::DrawPrompt.text(), by) {
            self.view.canvas.selection = ids.into_iter().collect();
        }
    }

    fn selected_items(&self) -> Vec<Item> {
        self.open.doc.board().items.iter().filter(|i| self.view.canvas.selection.contains(&i.id)).cloned().collect()
    }

    pub(super) fn delete_selection(&mut self, now: Timestamp) {
        if self.view.canvas.selection.is_empty()
            && let Some(id) = self.view.canvas.connector.take()
            && let Some(connector) = self.open.doc.board().shown_connector(&id)
        {
            let action = crate::ui::connectors::delete(connector);
            self.act(action);
            return;
        }
        let selected = self.selected_items();
        let board = self.open.doc.board();
        let (locked, free): (Vec<&Item>, Vec<&Item>) = selected.iter().partition(|i| board.fixed(i));
        if !locked.is_empty() {
            self.toasts.warning(tr!("actions-locked-not-deleted", things = things(locked.len())));
        }
        if free.is_empty() {
            return;
        }
        let ids: Vec<ItemId> = free.iter().map(|i| i.id.clone()).collect();
        let edit = Edit::delete_items(self.open.doc.board(), &ids, now, &self.who());
        self.apply(edit, &tr!("step-delete", things = things(ids.len())));
        self.view.canvas.selection.clear();
    }

    fn duplicate_selection(&mut self, now: Timestamp) {
        let selected = self.selected_items();
        if selected.is_empty() {
            return;
        }
        let top = self.open.doc.board().top_z();
        let who = self.who();
        let copies: Vec<Item> = selected
            .into_iter()
            .enumerate()
            .map(|(k, original)| Item {
                id: ItemId::new_random(),
                pos: Pos::new(original.pos.x + 24.0, original.pos.y + 24.0),
                z: top.saturating_add(1 + k as i64),
                contributor: who.clone(),
                locked: false,
                created: now,
                modified: now,
                ..original
            })
            .collect();
        let ids: BTreeSet<ItemId> = copies.iter().map(|c| c.id.clone()).collect();
        let edit = Edit::Batch(copies.into_iter().map(|c| Edit::InsertItem(Box::new(c))).collect());
        self.apply(edit, &tr!("step-duplicate", things = things(ids.len())));
        self.view.canvas.selection = ids;
    }

    fn restack(&mut self, to_front: bool, now: Timestamp) {
        let selected = self.selected_items();
        let n = selected.len() as i64;
        let base = if to_front {
            self.open.doc.board().top_z().saturating_add(1)
        } else {
            self.open.doc.board().bottom_z().saturating_sub(n)
        };
        let edits = selected
            .iter()
            .enumerate()
            .map(|(k, i)| Edit::ChangeItem {
                id: i.id.clone(),
                change: ItemChange::Z(base.saturating_add(k as i64)),
                at: now,
            })
            .collect();
        let label = if to_front { Command::BringToFront.text() } else { Command::SendToBack.text() };
        self.apply(Edit::Batch(edits), &label);
    }

    /// A new theme with an empty frame at a free place in view; with cards selected, a
    /// theme of them (their frame grows round them, moving what is in the way).
    fn add_theme(&mut self, now: Timestamp) {
        let board = self.open.doc.board();
        let name = (1..)
            .map(|n| if n == 1 { tr!("actions-new-theme") } else { tr!("actions-new-theme-n", n = n) })
            .find(|name| board.theme_by_name(name).is_none())
            .unwrap_or_default();
        // Its frame: round the selected cards, or empty in view (see new_frames_in_view).
        let theme = board.new_theme(&name, now);
        let selected: Vec<ItemId> =
            self.selected_items().iter().filter(|i| !board.fixed(i)).map(|i| i.id.clone()).collect();
        let id = theme.id.clone();
        let mut edits = vec![Edit::InsertTheme(theme)];
        edits.extend(selected.iter().map(|item| Edit::ChangeItem {
            id: item.clone(),
            change: ItemChange::Theme(Some(id.clone())),
            at: now,
        }));
        let label = if selected.is_empty() {
            tr!("step-add-theme", theme = name.as_str())
        } else {
            tr!("step-make-theme", things = things(selected.len()))
        };
        self.apply(Edit::Batch(edits), &label);
        self.view.panels.sidebar = true;
        self.view.panels.renaming_theme = Some((id, name));
    }

    /// The folder file dialogs start in: the open board's.
    fn folder(&self) -> PathBuf {
        self.open.doc.path.parent().map_or_else(|| self.boards_dir.clone(), PathBuf::from)
    }

    pub fn picked(&mut self, picked: Picked) {
        match picked {
            Picked::Open(path) => self.leave(AfterClose::Open(path)),
            Picked::Images(paths) => self.import(paths.into_iter().map(Source::File).collect(), None),
            Picked::Merge(path) => self.merge_file(path),
            Picked::Pack(path) => self.pack_to(path),
            Picked::Export(format, path) => self.export_to(format, path),
            Picked::Canvas(path) => self.import_canvas_file(path),
            Picked::LibraryFolder(path) => self.add_library_folder(path),
            Picked::SaveAs(path) => self.save_as(paths::with_board_suffix(&path)),
        }
    }
}
