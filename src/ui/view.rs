//! View state: how the board is shown and worked on (camera, selection and gestures,
//! what is found, panels, windows), in parts of its own. None of it is board data, and
//! none of it is saved in the board.

use std::collections::BTreeSet;

use egui::{Pos2, Rect, Vec2, pos2, vec2};

use crate::model::{Board, BoardRect, Item, ItemId, Pos, Size, ThemeId};

/// A gesture on the canvas that is under way; its result becomes one edit when it ends.
#[derive(Clone, Debug, PartialEq)]
pub enum Gesture {
    None,
    /// Moving `ids` by `delta_in_board` so far.
    Move {
        ids: Vec<ItemId>,
        delta_in_board: Vec2,
    },
    /// Resizing `id` to `size` so far.
    Resize {
        id: ItemId,
        size: Size,
    },
    /// Moving theme `theme`'s frame (and its cards) by `delta_in_board` so far.
    MoveFrame {
        theme: ThemeId,
        delta_in_board: Vec2,
    },
    /// Resizing theme `theme`'s frame to `size` so far.
    ResizeFrame {
        theme: ThemeId,
        size: Size,
    },
    /// Drawing a connector from `from`; the pointer is at `to` (screen).
    Connect {
        from: crate::model::End,
        to: Pos2,
    },
    /// Selecting everything that touches the rectangle from `start` to `now` (screen).
    RubberBand {
        start: Pos2,
        now: Pos2,
        additive: bool,
    },
}

/// What the canvas shows: everything, one theme, or the unsorted items.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ThemeFilter {
    All,
    Theme(ThemeId),
    Unsorted,
}

/// What the canvas shows of the board: one theme or all, and what the search finds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Find {
    pub search: String,
    /// Which match Enter in the search went to last (`None`: none yet).
    pub search_at: Option<usize>,
    pub filter: ThemeFilter,
    /// Focus the search box on the next frame.
    pub focus: bool,
}

impl Default for Find {
    fn default() -> Self {
        Self { search: String::new(), search_at: None, filter: ThemeFilter::All, focus: false }
    }
}

/// What is selected on the canvas, and what is being done to it.
#[derive(Clone, Debug)]
pub struct Selection {
    pub selection: BTreeSet<ItemId>,
    /// The connector chosen (never with cards: choosing one lets go of the other).
    pub connector: Option<crate::model::ConnectorId>,
    pub gesture: Gesture,
    /// Items a merge just brought in, highlighted until the user clicks on the canvas.
    pub highlight: BTreeSet<ItemId>,
    /// What the highlight says on each card: "new from Cafe (Ann)".
    pub highlight_label: String,
    /// The item whose text is being edited on the canvas, with the text so far.
    pub inline_edit: Option<(ItemId, String)>,
    /// A picture being cropped on its card.
    pub crop: Option<super::crop::CropEdit>,
    /// The pen, out over a sketch.
    pub pen: Option<super::pen::PenEdit>,
    /// The colour picker is out over the pictures.
    pub picking: bool,
    /// The theme in the sidebar that cards being dragged are over, this frame.
    pub sidebar_drop: Option<ThemeId>,
    /// Snap to grid: moved and resized cards land on the grid.
    pub snap: bool,
    /// The card the keyboard is on (see `ui::keyboard`).
    pub focus: Option<ItemId>,
    /// What a screen reader hears first on that card: the frame the keyboard just entered.
    pub announce: Option<String>,
    /// That card's text is being edited from the keyboard: it gets the keys back after.
    pub editing_from_keys: bool,
}

impl Default for Selection {
    fn default() -> Self {
        Self {
            selection: BTreeSet::new(),
            connector: None,
            gesture: Gesture::None,
            highlight: BTreeSet::new(),
            highlight_label: String::new(),
            inline_edit: None,
            crop: None,
            pen: None,
            picking: false,
            sidebar_drop: None,
            snap: false,
            focus: None,
            announce: None,
            editing_from_keys: false,
        }
    }
}

/// The side panels: whether they are shown, and the theme being renamed in the sidebar.
#[derive(Clone, Debug)]
pub struct Panels {
    pub sidebar: bool,
    pub inspector: bool,
    /// The theme being renamed in the sidebar, with the name so far.
    pub renaming_theme: Option<(ThemeId, String)>,
}

impl Default for Panels {
    fn default() -> Self {
        Self { sidebar: true, inspector: true, renaming_theme: None }
    }
}

/// Everything about how the board is shown and worked on that is not the board: camera,
/// selection and gestures, what is found, panels and windows, and figures kept per board
/// version. None of it is saved in the board.
#[derive(Clone, Debug, Default)]
pub struct ViewState {
    pub camera: super::camera::Camera,
    pub canvas: Selection,
    pub find: Find,
    pub panels: Panels,
    pub windows: super::windows::Windows,
    /// Which version of which open board is drawn: the open board's key and its
    /// document's generation, set by the app every frame. Derived figures are kept for as
    /// long as it stays the same.
    pub board_version: super::derived::BoardVersion,
    /// The figures worked out from the whole board, for `board_version`: read through
    /// [`ViewState::derived`], which keeps them fresh, or here in panels that only read
    /// the view (the app calls `derived` at the start of every frame).
    pub figures: super::derived::Derived,
}

pub fn to_pos2(p: Pos) -> Pos2 {
    pos2(p.x, p.y)
}

pub fn to_pos(p: Pos2) -> Pos {
    Pos::new(p.x, p.y)
}

pub fn board_rect_of(item: &Item) -> Rect {
    Rect::from_min_size(to_pos2(item.pos), vec2(item.size.w, item.size.h))
}

pub fn to_rect(r: BoardRect) -> Rect {
    Rect::from_min_max(to_pos2(r.min), to_pos2(r.max))
}

pub fn from_rect(r: Rect) -> BoardRect {
    BoardRect { min: to_pos(r.min), max: to_pos(r.max) }
}

impl ViewState {
    /// The figures worked out from the board drawn (`board_version`) for `you`: kept
    /// from earlier frames while neither changed.
    pub fn derived(&mut self, you: &str) -> &super::derived::Derived {
        self.figures.keep_for(self.board_version, you);
        &self.figures
    }

    /// Whether a search is typed.
    pub fn searching(&self) -> bool {
        self.find.searching()
    }

    /// Forgets selections and edits of items that no longer exist (after undo or merge).
    pub fn forget_missing(&mut self, board: &Board) {
        self.canvas.selection.retain(|id| board.item(id).is_some());
        if self.canvas.connector.as_ref().is_some_and(|id| board.shown_connector(id).is_none()) {
            self.canvas.connector = None;
        }
        self.canvas.highlight.retain(|id| board.item(id).is_some());
        if let Some((id, _)) = &self.canvas.inline_edit
            && board.item(id).is_none()
        {
            self.canvas.inline_edit = None;
        }
        if let Some(spotlight) = &mut self.windows.spotlight {
            spotlight.forget_missing(board);
            if spotlight.order.is_empty() {
                self.windows.spotlight = None;
            }
        }
        if let ThemeFilter::Theme(t) = &self.find.filter
            && board.theme(t).is_none()
        {
            self.find.filter = ThemeFilter::All;
        }
    }

    /// Whether an item passes the theme filter and the search.
    pub fn shows(&self, board: &Board, item: &Item) -> bool {
        self.find.shows(board, item)
    }

    /// The items the search finds (see [`Find::search_matches`]).
    pub fn search_matches(&self, board: &Board) -> Vec<ItemId> {
        self.find.search_matches(board)
    }
}

impl Find {
    /// Whether a search is typed.
    pub fn searching(&self) -> bool {
        !self.search.trim().is_empty()
    }

    /// Whether an item passes the theme filter and the search.
    pub fn shows(&self, board: &Board, item: &Item) -> bool {
        let theme_ok = match &self.filter {
            ThemeFilter::All => true,
            ThemeFilter::Theme(t) => board.theme_of(item) == Some(t),
            ThemeFilter::Unsorted => board.theme_of(item).is_none(),
        };
        // A face-down idea's words are not searched: a hit would give them away.
        let search_ok = self.search.trim().is_empty() || (!board.face_down(item) && item.matches(self.search.trim()));
        theme_ok && search_ok
    }

    /// The items the search finds (and the theme filter shows), in reading order: top to
    /// bottom, then left to right. Empty when nothing is searched.
    pub fn search_matches(&self, board: &Board) -> Vec<ItemId> {
        if !self.searching() {
            return Vec::new();
        }
        let mut found: Vec<&Item> = board.items.iter().filter(|i| self.shows(board, i)).collect();
        found.sort_by(|a, b| a.pos.y.total_cmp(&b.pos.y).then(a.pos.x.total_cmp(&b.pos.x)).then(a.id.cmp(&b.id)));
        found.into_iter().map(|i| i.id.clone()).collect()
    }

    pub fn is_filtering(&self) -> bool {
        self.filter != ThemeFilter::All || !self.search.trim().is_empty()
    }
}
