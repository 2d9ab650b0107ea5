//! Themes as frames: each theme owns a rectangle on the board (its frame) and the cards
//! that lie in it. The rules, kept by [`tidy`] after every change:
//!
//! - a themed card lies inside its theme's frame (below the frame's name);
//! - an unsorted card lies in no frame;
//! - frames never overlap: when one grows or moves, its neighbours move aside
//!   (right or down, whichever is the shorter way), always the same way on every
//!   computer, taking their cards with them;
//! - a new card never lands on another card.
//!
//! [`arrange`] packs the frames into a layout shaped like a window (about 16:10), each
//! frame's cards in a tidy masonry of columns.

mod arrange;
mod arrivals;
mod index;
mod moves;
mod tidy;

pub use arrange::{arrange, arrange_for, shuffle, shuffle_for};
pub use arrivals::{ARRIVAL_COLUMNS, arrival_spot};
pub use moves::{Drop, move_cards, move_frame, resize_frame};
pub use tidy::{
    cards_overlap, check, frames_for, frames_from_cards, keep_on_board, tidy, tidy_after, tidy_in_place, touched,
};

use index::Index;

use super::{Board, BoardRect, Item, Pos, Size, Theme, ThemeId, Timestamp};

/// Space between a frame's edge and its cards.
pub const FRAME_PAD: f32 = 24.0;
/// The band at a frame's top that holds its name.
pub const FRAME_HEADER: f32 = 56.0;
/// Space kept between two frames, and between a frame and an unsorted card.
pub const FRAME_GAP: f32 = 64.0;
/// Space between cards.
pub const CARD_GAP: f32 = 24.0;
/// The size of a new, empty frame: room to drop a few cards.
pub const EMPTY_FRAME: Size = Size::new(600.0, 400.0);
/// Width of a masonry column.
pub const COLUMN: f32 = 300.0;
/// The shape arrange aims for: a window's.
pub const ASPECT: f32 = 16.0 / 10.0;

fn rect(item: &Item) -> BoardRect {
    BoardRect::from_pos_size(item.pos, item.size)
}

fn translate(r: BoardRect, dx: f32, dy: f32) -> BoardRect {
    BoardRect { min: Pos::new(r.min.x + dx, r.min.y + dy), max: Pos::new(r.max.x + dx, r.max.y + dy) }
}

/// Whether `a` and `b` come closer than `gap`.
fn too_close(a: BoardRect, b: BoardRect, gap: f32) -> bool {
    a.min.x < b.max.x + gap && b.min.x < a.max.x + gap && a.min.y < b.max.y + gap && b.min.y < a.max.y + gap
}

fn inside(inner: BoardRect, outer: BoardRect) -> bool {
    inner.min.x >= outer.min.x - 0.5
        && inner.min.y >= outer.min.y - 0.5
        && inner.max.x <= outer.max.x + 0.5
        && inner.max.y <= outer.max.y + 0.5
}

/// Where a frame's cards go: inside its padding, below its name.
pub fn content_area(frame: BoardRect) -> BoardRect {
    BoardRect {
        min: Pos::new(frame.min.x + FRAME_PAD, frame.min.y + FRAME_HEADER),
        max: Pos::new(frame.max.x - FRAME_PAD, frame.max.y - FRAME_PAD),
    }
}

/// The frame whose content area is `content`.
fn frame_for_content(content: BoardRect) -> BoardRect {
    BoardRect {
        min: Pos::new(content.min.x - FRAME_PAD, content.min.y - FRAME_HEADER),
        max: Pos::new(content.max.x + FRAME_PAD, content.max.y + FRAME_PAD),
    }
}

/// The smallest frame that holds `cards` where they are, at least as big as an empty one.
pub fn frame_around(cards: impl IntoIterator<Item = BoardRect>) -> Option<BoardRect> {
    let content = cards.into_iter().reduce(BoardRect::union)?;
    let mut frame = frame_for_content(content);
    frame.max.x = frame.max.x.max(frame.min.x + EMPTY_FRAME.w);
    frame.max.y = frame.max.y.max(frame.min.y + EMPTY_FRAME.h);
    Some(frame)
}

/// The theme whose frame is at `p` (frames never overlap, so there is at most one).
pub fn frame_at(board: &Board, p: Pos) -> Option<&Theme> {
    board.themes.iter().find(|t| t.frame.contains(p))
}

/// How many places a placement may try before it settles for a quick answer that still
/// keeps the rules (below the cards, or below everything): a board from a stranger with
/// thousands of cards on one spot is placed in a moment, never in minutes. No board
/// people make comes near it.
pub const PLACEMENT_BUDGET: usize = 400_000;

/// A free place for a card of `size` in `frame`, among `taken` cards: the first slot,
/// row by row from the top-left of its content area, that touches no card.
pub fn free_spot_in(frame: BoardRect, taken: &[BoardRect], size: Size) -> Option<Pos> {
    spot_in(frame, &Index::new(taken.iter().copied()), size, &mut PLACEMENT_BUDGET.clone())
}

/// [`free_spot_in`] among indexed cards, trying at most `budget` places (`None` when
/// they run out, as when there is no room).
fn spot_in(frame: BoardRect, taken: &Index, size: Size, budget: &mut usize) -> Option<Pos> {
    let area = content_area(frame);
    if !(area.min.is_valid() && area.max.is_valid() && size.is_valid()) {
        return None;
    }
    let step = CARD_GAP;
    let mut y = area.min.y;
    while y + size.h <= area.max.y + 0.5 {
        let mut x = area.min.x;
        while x + size.w <= area.max.x + 0.5 {
            if *budget == 0 {
                return None;
            }
            *budget -= 1;
            let candidate = BoardRect::from_pos_size(Pos::new(x, y), size);
            match taken.first_near(candidate, CARD_GAP / 2.0 - 0.5) {
                None => return Some(Pos::new(x, y)),
                // Jump past the card in the way.
                Some((_, t)) => x = (t.max.x + CARD_GAP).max(x + step),
            }
        }
        y += step;
    }
    None
}

/// A free place for a card of `size` outside every frame and off every card, as near to
/// `near` (its top-left corner) as there is room, searched ring by ring; inside `within`
/// (the part of the board the user sees) if there is room there.
pub fn free_spot_outside(board: &Board, near: Pos, size: Size, within: Option<BoardRect>) -> Pos {
    // The place asked for, when it is free, is the answer the ring search would give
    // first: found by a walk over the cards and frames, with no index to build (what an
    // idea from a phone finds at the next place of the session's arrivals).
    if within.is_none() {
        let p = near.clamped();
        let r = BoardRect::from_pos_size(p, size);
        let on_card = index::any_near_by_walk(board.items.iter().map(rect), r, CARD_GAP / 2.0 - 0.5, None);
        let in_frame = index::any_near_by_walk(board.themes.iter().map(|t| t.frame), r, 0.0, None);
        if !on_card && !in_frame {
            return p;
        }
    }
    let cards = Index::new(board.items.iter().map(rect));
    let frames = Index::new(board.themes.iter().map(|t| t.frame));
    let mut budget = PLACEMENT_BUDGET;
    within
        .and_then(|w| free_spot_within(&cards, &frames, near, size, w))
        .or_else(|| spot_among(&cards, &frames, near, size, &mut budget))
        .unwrap_or_else(|| below_everything(board, near))
}

/// Where a card goes when there is no room near where it was asked for: below everything
/// on the board.
fn below_everything(board: &Board, near: Pos) -> Pos {
    let bottom = board
        .items
        .iter()
        .map(rect)
        .chain(board.themes.iter().map(|t| t.frame))
        .map(|r| r.max.y)
        .filter(|y| y.is_finite())
        .fold(near.y, f32::max);
    Pos::new(near.x, bottom + FRAME_GAP).clamped()
}

/// Whether a card at `r` would touch no card and lie in no frame.
fn free_of(cards: &Index, frames: &Index, r: BoardRect) -> bool {
    !cards.any_near(r, CARD_GAP / 2.0 - 0.5, None) && !frames.any_near(r, 0.0, None)
}

/// [`spot_among`] keeping to `within`; `None` if nothing there is free.
fn free_spot_within(cards: &Index, frames: &Index, near: Pos, size: Size, within: BoardRect) -> Option<Pos> {
    if !(within.is_valid() && size.is_valid()) {
        return None;
    }
    // At most about 200 × 200 candidates, however far the user zoomed out.
    let step = CARD_GAP.max(within.width() / 200.0).max(within.height() / 200.0);
    let mut best: Option<(f32, Pos)> = None;
    let mut y = within.min.y;
    while y + size.h <= within.max.y {
        let mut x = within.min.x;
        while x + size.w <= within.max.x {
            let p = Pos::new(x, y);
            let r = BoardRect::from_pos_size(p, size);
            let d = (x - near.x).powi(2) + (y - near.y).powi(2);
            if best.is_none_or(|(b, _)| d < b) && inside(r, within) && free_of(cards, frames, r) {
                best = Some((d, p));
            }
            x += step;
        }
        y += step;
    }
    best.map(|(_, p)| p)
}

/// How far the ring search goes, in rings round the place asked for.
const RINGS: i32 = 64;

/// The cells of the ring search, ring by ring from the centre, each ring nearest first.
fn ring_cells() -> &'static [(i32, i32)] {
    static CELLS: std::sync::OnceLock<Vec<(i32, i32)>> = std::sync::OnceLock::new();
    CELLS.get_or_init(|| {
        let mut all = Vec::new();
        for ring in 0..=RINGS {
            let mut cells: Vec<(i32, i32)> = (-ring..=ring)
                .flat_map(|dx: i32| (-ring..=ring).map(move |dy: i32| (dx, dy)))
                .filter(|(dx, dy)| dx.abs().max(dy.abs()) == ring)
                .collect();
            cells.sort_by_key(|(dx, dy)| (dx * dx + dy * dy, *dy, *dx));
            all.extend(cells);
        }
        all
    })
}

/// A free place outside every frame and off every card nearest to `near`, searched ring
/// by ring; `None` when nothing within [`RINGS`] rings is free or `budget` runs out.
fn spot_among(cards: &Index, frames: &Index, near: Pos, size: Size, budget: &mut usize) -> Option<Pos> {
    let (step_x, step_y) = (size.w / 2.0 + CARD_GAP, size.h / 2.0 + CARD_GAP);
    for &(dx, dy) in ring_cells() {
        if *budget == 0 {
            return None;
        }
        *budget -= 1;
        let p = Pos::new(near.x + dx as f32 * step_x, near.y + dy as f32 * step_y).clamped();
        if free_of(cards, frames, BoardRect::from_pos_size(p, size)) {
            return Some(p);
        }
    }
    None
}

/// A free place for a frame of `size` near `near` (its top-left), off every card and
/// frame.
pub fn free_frame_spot(board: &Board, near: Pos, size: Size) -> Pos {
    let cards = Index::new(board.items.iter().map(rect));
    let frames = Index::new(board.themes.iter().map(|t| BoardRect {
        min: Pos::new(t.frame.min.x - FRAME_GAP, t.frame.min.y - FRAME_GAP),
        max: Pos::new(t.frame.max.x + FRAME_GAP, t.frame.max.y + FRAME_GAP),
    }));
    spot_among(&cards, &frames, near, size, &mut PLACEMENT_BUDGET.clone())
        .unwrap_or_else(|| below_everything(board, near))
}

/// Where a new frame goes when nobody points: to the right of everything on the board.
/// Only what lies on the board counts: a frame a file got wrong is no landmark.
pub fn next_frame_spot(board: &Board) -> Pos {
    let rects = board.themes.iter().map(|t| t.frame).chain(board.items.iter().map(rect)).filter(|r| r.is_valid());
    let (right, top) = rects.fold((f32::MIN, f32::MAX), |(right, top), r| (right.max(r.max.x), top.min(r.min.y)));
    if right == f32::MIN { Pos::new(0.0, 0.0) } else { Pos::new(right + FRAME_GAP, top) }
}

/// Where a new card of `size` goes: inside `theme`'s frame (below its other cards if it
/// is full; [`tidy`] then grows the frame), or, unsorted, outside every frame near
/// `near`, inside `within` (what the user sees) when there is room there.
pub fn place_card(board: &Board, theme: Option<&ThemeId>, near: Pos, size: Size, within: Option<BoardRect>) -> Pos {
    let Some(frame) = theme.and_then(|t| board.theme(t)).map(|t| t.frame) else {
        return free_spot_outside(board, near, size, within);
    };
    let taken: Vec<BoardRect> = board.items_in_theme(theme).map(rect).collect();
    free_spot_in(frame, &taken, size).unwrap_or_else(|| {
        let area = content_area(frame);
        let bottom = taken.iter().map(|r| r.max.y).fold(area.min.y - CARD_GAP, f32::max);
        Pos::new(area.min.x, bottom + CARD_GAP)
    })
}

/// Lays `sizes` in a masonry of columns within `width`, from `origin`: each card goes
/// under the shortest column. Returns each card's position and the height used.
pub fn masonry(sizes: &[Size], origin: Pos, width: f32) -> (Vec<Pos>, f32) {
    let column = sizes.iter().map(|s| s.w).fold(COLUMN, f32::max);
    let columns = (((width + CARD_GAP) / (column + CARD_GAP)).floor() as usize).max(1);
    let mut heights = vec![0.0_f32; columns];
    let mut out = Vec::with_capacity(sizes.len());
    for size in sizes {
        let (col, _) =
            heights.iter().enumerate().fold((0, f32::MAX), |best, (i, h)| if *h < best.1 { (i, *h) } else { best });
        out.push(Pos::new(origin.x + col as f32 * (column + CARD_GAP), origin.y + heights[col]));
        heights[col] += size.h + CARD_GAP;
    }
    let used = heights.iter().copied().fold(0.0, f32::max) - if sizes.is_empty() { 0.0 } else { CARD_GAP };
    (out, used.max(0.0))
}

impl Board {
    /// A new theme placed after every existing one, with the next palette colour and an
    /// empty frame to the right of everything on the board (the app moves it into view).
    pub fn new_theme(&self, name: &str, now: Timestamp) -> Theme {
        Theme {
            id: ThemeId::new_random(),
            name: name.to_owned(),
            colour: self.next_theme_colour(),
            description: String::new(),
            rank: self.themes.iter().map(|t| t.rank).max().map_or(0, |r| r.saturating_add(1)),
            frame: BoardRect::from_pos_size(next_frame_spot(self), EMPTY_FRAME).moved_onto_board(),
            locked: false,
            modified: now,
        }
    }
}
