//! New ideas onto the board: where each goes, and how they come in — the toolbar and
//! capture form, paste, drag and drop, image imports and downloads. All of them go
//! through the model's operations layer (`model::operations::add`).

use crate::tr;
use std::path::PathBuf;

use super::MoodboardApp;
use super::web::WebWant;
use crate::media::batch::{ImportFailure, Outcome, Source};
use crate::model::operations::{Contributor, NewIdea, Place};
use crate::model::{BoardRect, Item, ItemId, ItemKind, Pos, ThemeId, Timestamp, frames};
use crate::storage::AssetStore;
use crate::ui::canvas::things;
use crate::ui::view::{ThemeFilter, to_pos};
use crate::ui::{Action, Command};

/// Imported items are laid out in rows of this many.
const IMPORT_COLUMNS: usize = 4;
const IMPORT_STEP: f32 = 360.0;

impl MoodboardApp {
    /// The theme new items join: the one asked for, else the theme being filtered on.
    pub(super) fn theme_for_new(&self, theme: Option<ThemeId>) -> Option<ThemeId> {
        theme.or_else(|| match &self.view.find.filter {
            ThemeFilter::Theme(t) => Some(t.clone()),
            _ => None,
        })
    }

    /// Where a new item of `size` goes (its top-left corner): in its theme's frame if it
    /// has a theme, else in the free place outside every frame nearest to being centred
    /// on `centre_in_board` (or the middle of the view), never on another card nor on the
    /// rectangles in `avoid` (placeholders of downloads, which are not on the board yet),
    /// and in view where there is room.
    pub(super) fn place_avoiding(
        &self,
        centre_in_board: Option<Pos>,
        size: crate::model::Size,
        theme: Option<&ThemeId>,
        avoid: &[BoardRect],
    ) -> Pos {
        let Place::Near { top_left, within } = self.near(centre_in_board, size) else {
            unreachable!("near gives a place near")
        };
        if avoid.is_empty() {
            return frames::place_card(self.open.doc.board(), theme, top_left, size, within);
        }
        // The placeholders stand in as cards on a copy of the board.
        let mut board = self.open.doc.board().clone();
        let now = Timestamp::now();
        for rect in avoid {
            let mut stand_in = Item::new(ItemKind::note(String::new()), rect.min, "", "", now);
            stand_in.size = crate::model::Size::new(rect.width(), rect.height());
            stand_in.theme = theme.cloned();
            board.items.push(stand_in);
        }
        frames::place_card(&board, theme, top_left, size, within)
    }

    /// Where a new card of `size` goes when the user adds it: centred as near
    /// `centre_in_board` (or the middle of the view) as there is room, in view where there
    /// is ([`Place::Near`]).
    pub(super) fn near(&self, centre_in_board: Option<Pos>, size: crate::model::Size) -> Place {
        let centre = centre_in_board.unwrap_or_else(|| self.view.camera.center_in_board());
        let visible =
            crate::ui::view::from_rect(self.view.camera.visible_board_rect().shrink(16.0 / self.view.camera.zoom()));
        Place::Near { top_left: Pos::new(centre.x - size.w / 2.0, centre.y - size.h / 2.0), within: Some(visible) }
    }

    /// Adds new ideas by `by` as one undo step called `label`; their ids, or `None` (and
    /// a message) if they could not be added.
    pub(super) fn add_ideas(&mut self, ideas: Vec<NewIdea>, label: &str, by: Contributor<'_>) -> Option<Vec<ItemId>> {
        match self.open.doc.add(ideas, label, by) {
            Ok(ids) => Some(ids),
            Err(e) => {
                self.toasts.error(format!("{label}: {}", crate::i18n::said(&e)));
                None
            }
        }
    }

    /// Adds an idea of `kind` the user made, selected, in `theme` (or the theme being
    /// filtered on), centred as near `centre_in_board` as there is room.
    pub fn add_item(&mut self, kind: ItemKind, centre_in_board: Option<Pos>, theme: Option<ThemeId>) {
        let place = self.near(centre_in_board, kind.default_size());
        if let Some(ids) = self.insert_new(kind, place, theme) {
            self.view.canvas.selection = ids.into_iter().collect();
        }
    }

    /// Adds an idea of `kind` with its top-left corner at `pos`, `size` large, selected
    /// (a sketch, by its first stroke); the pen that drew it goes on over it.
    pub(super) fn add_at(&mut self, kind: ItemKind, pos: Pos, size: crate::model::Size) {
        let label = crate::ui::words::add_step(kind.tag());
        let who = self.who();
        let idea = NewIdea::new(kind).placed(Place::At(pos)).sized(size);
        if let Some(ids) = self.add_ideas(vec![idea], &label, Contributor::own_team(&who)) {
            if let (Some(pen), Some(id)) = (&mut self.view.canvas.pen, ids.first())
                && matches!(pen.target, crate::ui::pen::Target::New { .. })
            {
                pen.target = crate::ui::pen::Target::Item(id.clone());
            }
            self.view.canvas.selection = ids.into_iter().collect();
        }
    }

    /// The pen: over the selected sketch, or over free room in view for a new one (which
    /// its first stroke adds), about as large on screen as a sketch is on the board.
    pub(super) fn take_out_pen(&mut self) {
        let board = self.open.doc.board();
        let mut selected = board.items.iter().filter(|i| self.view.canvas.selection.contains(&i.id));
        if let (Some(item), None) = (selected.next(), selected.next())
            && !board.fixed(item)
            && let Some(pen) = crate::ui::pen::PenEdit::over(item)
        {
            crate::ui::pen::bring_into_view(&mut self.view.camera, BoardRect::from_pos_size(item.pos, item.size));
            self.view.canvas.picking = false;
            self.view.canvas.pen = Some(pen);
            return;
        }
        // A card as large as other sketches; zoomed in far, smaller, so it fits the view.
        let zoom = self.view.camera.zoom();
        let area = crate::model::kinds::Sketch::default().area;
        let scale = (0.8 / zoom.max(0.01)).clamp(0.25, 1.0);
        let size = crate::model::Size::new(area.w * scale, area.h * scale);
        let Place::Near { top_left, within } = self.near(None, size) else { return };
        let pos = crate::model::frames::place_card(board, None, top_left, size, within);
        let paper = BoardRect::from_pos_size(pos, size);
        crate::ui::pen::bring_into_view(&mut self.view.camera, paper);
        self.view.canvas.crop = None;
        self.view.canvas.picking = false;
        self.view.canvas.pen = Some(crate::ui::pen::PenEdit::new(crate::ui::pen::Target::New { pos, size }));
    }

    /// Adds a new item of `kind` placed at `place` as one undo step ("Add note"), by the
    /// user, from their own team.
    pub(super) fn insert_new(&mut self, kind: ItemKind, place: Place, theme: Option<ThemeId>) -> Option<Vec<ItemId>> {
        let label = crate::ui::words::add_step(kind.tag());
        let who = self.who();
        let idea = NewIdea::new(kind).in_theme(self.theme_for_new(theme)).placed(place);
        self.add_ideas(vec![idea], &label, Contributor::own_team(&who))
    }

    pub(super) fn paste_text(&mut self, text: &str, centre_in_board: Option<Pos>) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        match ItemKind::from_pasted(text) {
            Some(Ok(kind)) => match self.previews(&kind) {
                // An image address becomes the image; a page, a link with its preview.
                Some(address) => self.fetch_address(&address, WebWant::Pasted, None, centre_in_board, None),
                None => self.add_item(kind, centre_in_board, None),
            },
            Some(Err(e)) => self.toasts.error(crate::i18n::said(&e)),
            None => {}
        }
    }

    pub(super) fn import(&mut self, sources: Vec<Source>, centre_in_board: Option<Pos>) {
        if sources.is_empty() {
            return;
        }
        let store = AssetStore::for_board(&self.open.doc.path);
        if self.open.importer.progress().is_none() {
            let centre = centre_in_board.unwrap_or_else(|| self.view.camera.center_in_board());
            self.open.import_at = Pos::new(centre.x - 160.0, centre.y - 120.0);
        }
        let count = sources.len();
        self.open.importer.start(&store, sources, self.waker());
        if count > 1 {
            self.toasts.info(tr!("actions-importing", count = count));
        }
    }

    /// Turns finished imports into items, one undo step per frame's worth; once a batch
    /// is done, tells every file it could not take, in one message, or, when it took
    /// them all, how many it added (the "Importing 2 files…" said at the start ends).
    pub fn take_imports(&mut self) {
        let finished = self.open.importer.poll();
        let mut ideas = Vec::new();
        for done in finished {
            let kind = match done.result {
                Ok(Outcome::Image(imported)) => {
                    self.open.images.forget(&imported.asset);
                    imported.into_kind()
                }
                Ok(Outcome::Text { text, file_name }) if text.is_empty() => {
                    self.open.import_failures.push(tr!("actions-empty-file", file = file_name));
                    continue;
                }
                Ok(Outcome::Text { text, .. }) => ItemKind::note(text),
                Err(ImportFailure::Cancelled) => continue,
                Err(e) => {
                    self.open.import_failures.push(crate::i18n::said(&e));
                    continue;
                }
            };
            let (column, row) = (done.index % IMPORT_COLUMNS, done.index / IMPORT_COLUMNS);
            let at = self.open.import_at;
            let pos = Pos::new(at.x + column as f32 * IMPORT_STEP, at.y + row as f32 * IMPORT_STEP);
            ideas.push(NewIdea::new(kind).in_theme(self.theme_for_new(None)).placed(Place::At(pos)));
        }
        if !ideas.is_empty() {
            let label = tr!("step-add", things = things(ideas.len()));
            let who = self.who();
            if let Some(ids) = self.add_ideas(ideas, &label, Contributor::own_team(&who)) {
                self.open.import_added += ids.len();
                self.view.canvas.selection = ids.into_iter().collect();
            }
        }
        if self.open.importer.batch_ended() {
            let added = std::mem::take(&mut self.open.import_added);
            let reasons = std::mem::take(&mut self.open.import_failures);
            if !reasons.is_empty() {
                let text = tr!("actions-not-added", count = reasons.len());
                self.toasts.report(crate::ui::toasts::Level::Error, text, reasons);
            } else if added > 1 {
                self.toasts.info(tr!("actions-imported", count = added));
            }
        }
    }

    /// Whether adding `url` fetches from the web: an http(s) address, and not offline.
    fn fetches(&self, url: &str) -> bool {
        !self.prefs.offline && crate::web::parse_address(url).is_ok()
    }

    /// The web page that fills in `kind` when it is added ([`Behaviour::previewed_from`]),
    /// if it is fetched (an http(s) address, and not offline).
    ///
    /// [`Behaviour::previewed_from`]: crate::model::kinds::Behaviour::previewed_from
    pub(super) fn previews(&self, kind: &ItemKind) -> Option<String> {
        kind.behaviour().previewed_from().filter(|url| self.fetches(url)).map(str::to_owned)
    }

    /// Paste and drop events of this frame, as actions. Paste goes to a text field when
    /// one is being typed in.
    pub fn clipboard_and_drops(&mut self, ctx: &egui::Context) -> Vec<Action> {
        let typing = ctx.text_edit_focused() || self.view.windows.capture.is_some();
        let pointer_in_board = ctx
            .input(|i| i.pointer.hover_pos())
            .filter(|p| self.view.camera.canvas_rect.contains(*p))
            .map(|p| to_pos(self.view.camera.board_from_screen() * p));
        let mut actions = Vec::new();
        ctx.input(|i| {
            if !typing {
                for event in &i.events {
                    match event {
                        egui::Event::Paste(text) => {
                            actions.push(Action::PasteText { text: text.clone(), centre_in_board: None })
                        }
                        egui::Event::PasteImage(image) => {
                            actions.push(Action::PasteImage { image: image.clone(), centre_in_board: None })
                        }
                        egui::Event::Copy => actions.push(Action::Command(Command::Copy)),
                        egui::Event::Cut => actions.push(Action::Command(Command::Cut)),
                        _ => {}
                    }
                }
            }
            let dropped: Vec<PathBuf> = i.raw.dropped_files.iter().map(|f| f.path().to_owned()).collect();
            if !dropped.is_empty() {
                actions.push(Action::ImportFiles { paths: dropped, centre_in_board: pointer_in_board });
            }
        });
        actions
    }
}
