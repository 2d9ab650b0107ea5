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
mod moves;
mod tidy;

pub use arrange::{arrange, arrange_for, shuffle, shuffle_for};
pub use moves::{Drop, move_cards, move_frame, resize_frame};
pub use tidy::{cards_overlap, check, frames_from_cards, tidy, tidy_after, tidy_in_place, touched};

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

/// A free place for a card of `size` in `frame`, among `taken` cards: the first slot,
/// row by row from the top-left of its content area, that touches no card.
pub fn free_spot_in(frame: BoardRect, taken: &[BoardRect], size: Size) -> Option<Pos> {
    let area = content_area(frame);
    let step = CARD_GAP;
    let mut y = area.min.y;
    while y + size.h <= area.max.y + 0.5 {
        let mut x = area.min.x;
        while x + size.w <= area.max.x + 0.5 {
            let candidate = BoardRect::from_pos_size(Pos::new(x, y), size);
            match taken.iter().find(|t| too_close(**t, candidate, CARD_GAP / 2.0 - 0.5)) {
                None => return Some(Pos::new(x, y)),
                // Jump past the card in the way.
                Some(t) => x = (t.max.x + CARD_GAP).max(x + step),
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
    let cards: Vec<BoardRect> = board.items.iter().map(rect).collect();
    let frames: Vec<BoardRect> = board.themes.iter().map(|t| t.frame).collect();
    within
        .and_then(|w| free_spot_within(&cards, &frames, near, size, w))
        .unwrap_or_else(|| free_spot_among(&cards, &frames, near, size))
}

/// [`free_spot_among`] keeping to `within`; `None` if nothing there is free.
fn free_spot_within(
    cards: &[BoardRect],
    frames: &[BoardRect],
    near: Pos,
    size: Size,
    within: BoardRect,
) -> Option<Pos> {
    let free = |p: Pos| {
        let r = BoardRect::from_pos_size(p, size);
        inside(r, within)
            && !cards.iter().any(|c| too_close(*c, r, CARD_GAP / 2.0 - 0.5))
            && !frames.iter().any(|f| too_close(*f, r, 0.0))
    };
    // At most about 200 × 200 candidates, however far the user zoomed out.
    let step = CARD_GAP.max(within.width() / 200.0).max(within.height() / 200.0);
    let mut best: Option<(f32, Pos)> = None;
    let mut y = within.min.y;
    while y + size.h <= within.max.y {
        let mut x = within.min.x;
        while x + size.w <= within.max.x {
            let p = Pos::new(x, y);
            let d = (x - near.x).powi(2) + (y - near.y).powi(2);
            if best.is_none_or(|(b, _)| d < b) && free(p) {
                best = Some((d, p));
            }
            x += step;
        }
        y += step;
    }
    best.map(|(_, p)| p)
}

fn free_spot_among(cards: &[BoardRect], frames: &[BoardRect], near: Pos, size: Size) -> Pos {
    let is_free = |p: Pos| {
        let r = BoardRect::from_pos_size(p, size);
        !cards.iter().any(|c| too_close(*c, r, CARD_GAP / 2.0 - 0.5)) && !frames.iter().any(|f| too_close(*f, r, 0.0))
    };
    let (step_x, step_y) = (size.w / 2.0 + CARD_GAP, size.h / 2.0 + CARD_GAP);
    for ring in 0..=64 {
        let mut cells: Vec<(i32, i32)> = (-ring..=ring)
            .flat_map(|dx: i32| (-ring..=ring).map(move |dy: i32| (dx, dy)))
            .filter(|(dx, dy)| dx.abs().max(dy.abs()) == ring)
            .collect();
        cells.sort_by_key(|(dx, dy)| (dx * dx + dy * dy, *dy, *dx));
        for (dx, dy) in cells {
            let p = Pos::new(near.x + dx as f32 * step_x, near.y + dy as f32 * step_y).clamped();
            if is_free(p) {
                return p;
            }
        }
    }
    // Nothing near: below everything.
    let bottom = cards.iter().chain(frames).map(|r| r.max.y).fold(near.y, f32::max);
    Pos::new(near.x, bottom + FRAME_GAP)
}

/// A free place for a frame of `size` near `near` (its top-left), off every card and
/// frame.
pub fn free_frame_spot(board: &Board, near: Pos, size: Size) -> Pos {
    let cards: Vec<BoardRect> = board.items.iter().map(rect).collect();
    let frames: Vec<BoardRect> = board
        .themes
        .iter()
        .map(|t| BoardRect {
            min: Pos::new(t.frame.min.x - FRAME_GAP, t.frame.min.y - FRAME_GAP),
            max: Pos::new(t.frame.max.x + FRAME_GAP, t.frame.max.y + FRAME_GAP),
        })
        .collect();
    free_spot_among(&cards, &frames, near, size)
}

/// Where a new frame goes when nobody points: to the right of everything on the board.
pub fn next_frame_spot(board: &Board) -> Pos {
    let right = board
        .themes
        .iter()
        .map(|t| t.frame.max.x)
        .chain(board.items.iter().map(|i| i.pos.x + i.size.w))
        .fold(f32::MIN, f32::max);
    let top =
        board.themes.iter().map(|t| t.frame.min.y).chain(board.items.iter().map(|i| i.pos.y)).fold(f32::MAX, f32::min);
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
            frame: BoardRect::from_pos_size(next_frame_spot(self), EMPTY_FRAME),
            modified: now,
        }
    }
}
