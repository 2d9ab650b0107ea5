//! View state: camera, selection, search and gestures in progress. None of it is
//! board data, and none of it is saved in the board.

use std::collections::BTreeSet;

use egui::emath::TSTransform;
use egui::{Pos2, Rect, Vec2, pos2, vec2};

use super::style::{MAX_ZOOM, MIN_ZOOM};
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

/// What the New board form holds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NewBoardForm {
    pub title: String,
    pub goal: String,
    /// Said when Create was pressed with no title.
    pub error: Option<String>,
    focused: bool,
}

impl NewBoardForm {
    /// True the first time it is asked: the title field then takes the keyboard.
    pub fn take_first_focus(&mut self) -> bool {
        !std::mem::replace(&mut self.focused, true)
    }
}

#[derive(Clone, Debug)]
pub struct ViewState {
    /// Maps board positions to screen positions.
    pub screen_from_board: TSTransform,
    /// Screen rectangle of the canvas in the last frame.
    pub canvas_rect: Rect,
    /// Fit this board rectangle into the canvas on the next frame.
    pub fit_request: Option<BoardRect>,
    pub selection: BTreeSet<ItemId>,
    pub gesture: Gesture,
    pub search: String,
    /// Which match Enter in the search went to last (`None`: none yet).
    pub search_at: Option<usize>,
    pub filter: ThemeFilter,
    /// Items a merge just brought in, highlighted until the user clicks on the canvas.
    pub highlight: BTreeSet<ItemId>,
    /// What the highlight says on each card: "new from Cafe (Ann)".
    pub highlight_label: String,
    /// The item whose text is being edited on the canvas, with the text so far.
    pub inline_edit: Option<(ItemId, String)>,
    /// A picture being cropped on its card.
    pub crop: Option<super::crop::CropEdit>,
    /// The theme in the sidebar that cards being dragged are over, this frame.
    pub sidebar_drop: Option<ThemeId>,
    /// Snap to grid: moved and resized cards land on the grid.
    pub snap: bool,
    pub show_sidebar: bool,
    pub show_inspector: bool,
    pub show_shortcuts: bool,
    /// The live session's invitation window is open.
    pub show_invitation: bool,
    /// Focus the search box on the next frame.
    pub focus_search: bool,
    /// The theme being renamed in the sidebar, with the name so far.
    pub renaming_theme: Option<(ThemeId, String)>,
    /// The problems window for the open board is showing.
    pub show_problems: bool,
    /// The message log is open.
    pub show_messages: bool,
    /// The lens window is showing.
    pub show_lenses: bool,
    /// Stepping through the items one at a time, full screen.
    pub spotlight: Option<super::spotlight::Spotlight>,
    /// Asking for the new board's goal, with the text so far.
    pub ask_goal: Option<String>,
    /// The New board form while it is open: title and goal typed so far.
    pub new_board: Option<NewBoardForm>,
    /// Asking for the user's name on first use, with the text so far.
    pub ask_name: Option<String>,
    /// Which version of which open board is drawn: the open board's key and its
    /// document's generation, set by the app every frame. Derived figures are kept for as
    /// long as it stays the same.
    pub board_version: super::derived::BoardVersion,
    /// The figures worked out from the whole board, for `board_version`: read through
    /// [`ViewState::derived`], which keeps them fresh, or here in panels that only read
    /// the view (the app calls `derived` at the start of every frame).
    pub figures: super::derived::Derived,
}

impl Default for ViewState {
    fn default() -> Self {
        Self {
            screen_from_board: TSTransform::IDENTITY,
            canvas_rect: Rect::from_min_size(Pos2::ZERO, vec2(800.0, 600.0)),
            fit_request: None,
            selection: BTreeSet::new(),
            gesture: Gesture::None,
            search: String::new(),
            search_at: None,
            filter: ThemeFilter::All,
            highlight: BTreeSet::new(),
            highlight_label: String::new(),
            inline_edit: None,
            sidebar_drop: None,
            crop: None,
            snap: false,
            show_sidebar: true,
            show_inspector: true,
            show_shortcuts: false,
            show_invitation: false,
            focus_search: false,
            renaming_theme: None,
            show_problems: false,
            show_messages: false,
            show_lenses: false,
            spotlight: None,
            ask_goal: None,
            new_board: None,
            ask_name: None,
            board_version: (0, 0),
            figures: Default::default(),
        }
    }
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

    pub fn zoom(&self) -> f32 {
        self.screen_from_board.scaling
    }

    pub fn board_from_screen(&self) -> TSTransform {
        self.screen_from_board.inverse()
    }

    /// The part of the board the canvas shows.
    pub fn visible_board_rect(&self) -> Rect {
        self.board_from_screen().mul_rect(self.canvas_rect)
    }

    /// The board position at the middle of the canvas: where new items go.
    pub fn center_in_board(&self) -> Pos {
        to_pos(self.board_from_screen() * self.canvas_rect.center())
    }

    /// Zooms by `factor` keeping the board point under `anchor_on_screen` in place.
    pub fn zoom_around(&mut self, anchor_on_screen: Pos2, factor: f32) {
        let old = self.zoom();
        let new = (old * factor).clamp(MIN_ZOOM, MAX_ZOOM);
        if (new - old).abs() < f32::EPSILON {
            return;
        }
        let t = self.screen_from_board.translation;
        let anchor = anchor_on_screen.to_vec2();
        self.screen_from_board = TSTransform::new(anchor - (anchor - t) * (new / old), new);
    }

    pub fn pan(&mut self, delta_on_screen: Vec2) {
        self.screen_from_board.translation += delta_on_screen;
    }

    /// Brings `board_rect` to the middle of the canvas, zooming in first if the board is
    /// shown too small to read.
    pub fn centre_on(&mut self, board_rect: Rect) {
        if self.zoom() < 0.5 {
            self.zoom_around(self.canvas_rect.center(), 0.75 / self.zoom());
        }
        let on_screen = self.screen_from_board * board_rect.center();
        self.pan(self.canvas_rect.center() - on_screen);
    }

    /// Whether a search is typed.
    pub fn searching(&self) -> bool {
        !self.search.trim().is_empty()
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

    /// Shows `board_rect` as large as fits in the canvas, with a margin, at most 100 %.
    pub fn fit(&mut self, board_rect: Rect) {
        let canvas = self.canvas_rect.shrink(40.0);
        let size = board_rect.size().max(vec2(1.0, 1.0));
        let zoom = (canvas.width() / size.x).min(canvas.height() / size.y).clamp(MIN_ZOOM, 1.0);
        let translation = canvas.center().to_vec2() - board_rect.center().to_vec2() * zoom;
        self.screen_from_board = TSTransform::new(translation, zoom);
    }

    /// Forgets selections and edits of items that no longer exist (after undo or merge).
    pub fn forget_missing(&mut self, board: &Board) {
        self.selection.retain(|id| board.item(id).is_some());
        self.highlight.retain(|id| board.item(id).is_some());
        if let Some((id, _)) = &self.inline_edit
            && board.item(id).is_none()
        {
            self.inline_edit = None;
        }
        if let Some(spotlight) = &mut self.spotlight {
            spotlight.forget_missing(board);
            if spotlight.order.is_empty() {
                self.spotlight = None;
            }
        }
        if let ThemeFilter::Theme(t) = &self.filter
            && board.theme(t).is_none()
        {
            self.filter = ThemeFilter::All;
        }
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

    pub fn is_filtering(&self) -> bool {
        self.filter != ThemeFilter::All || !self.search.trim().is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zoom_keeps_the_anchor_still() {
        let mut view = ViewState::default();
        view.pan(vec2(100.0, 50.0));
        let anchor = pos2(300.0, 200.0);
        let before = view.board_from_screen() * anchor;
        view.zoom_around(anchor, 2.5);
        let after = view.board_from_screen() * anchor;
        assert!((before - after).length() < 1e-3, "{before:?} vs {after:?}");
        assert!((view.zoom() - 2.5).abs() < 1e-6);
        view.zoom_around(anchor, 1e9);
        assert_eq!(view.zoom(), MAX_ZOOM);
    }

    #[test]
    fn fit_shows_the_whole_rect() {
        let mut view =
            ViewState { canvas_rect: Rect::from_min_size(pos2(0.0, 0.0), vec2(1000.0, 800.0)), ..Default::default() };
        let board = Rect::from_min_max(pos2(-500.0, -100.0), pos2(3000.0, 900.0));
        view.fit(board);
        let shown = view.visible_board_rect();
        assert!(shown.contains_rect(board), "{shown:?} should contain {board:?}");
    }
}
