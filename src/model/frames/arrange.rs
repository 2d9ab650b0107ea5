//! Laying a whole board out again: [`arrange`] and [`shuffle`].

use super::*;
use crate::model::{Edit, ItemChange};

/// A group laid out by arrange: its theme (`None`: the unsorted cards), where each card
/// goes relative to the group's corner, and the group's size.
type Block<'a> = (Option<&'a Theme>, Vec<(&'a Item, Pos)>, Size);

/// Packs the frames into a layout shaped like a window (about 16:10), each frame's cards
/// in a masonry, unsorted cards in a block of their own after them. Locked cards stay
/// where they are. One edit (one undo step).
pub fn arrange(board: &Board, now: Timestamp) -> Edit {
    arrange_in(board, now, None, ASPECT)
}

/// [`arrange`] for a canvas of the shape `aspect` (width / height): what the app does,
/// so that the arranged board fills the part of the window the canvas has.
pub fn arrange_for(board: &Board, aspect: f32, now: Timestamp) -> Edit {
    arrange_in(board, now, None, sane_aspect(aspect))
}

/// An aspect to aim for: the one given if it is a usable shape, else a window's.
fn sane_aspect(aspect: f32) -> f32 {
    if aspect.is_finite() && aspect > 0.0 { aspect.clamp(0.5, 3.0) } else { ASPECT }
}

/// [`arrange`] with the frames (and each frame's cards) in the order `order` gives; used
/// by shuffle. `None` keeps sidebar and stacking order.
fn arrange_in(board: &Board, now: Timestamp, order: Option<&mut fastrand::Rng>, aspect: f32) -> Edit {
    // Each group: its theme (None: unsorted) and its movable cards. Locked frames stay
    // where they are; the frame rules move the others out of their way.
    let mut by_theme = board.items_by_theme();
    let mut groups: Vec<(Option<&Theme>, Vec<&Item>)> = board
        .themes
        .iter()
        .filter(|t| !t.locked)
        .map(|t| {
            (
                Some(t),
                by_theme.remove(&Some(&t.id)).unwrap_or_default().into_iter().filter(|i| !board.fixed(i)).collect(),
            )
        })
        .collect();
    let unsorted: Vec<&Item> = board.items.iter().filter(|i| board.theme_of(i).is_none() && !board.fixed(i)).collect();
    if let Some(rng) = order {
        rng.shuffle(&mut groups);
        for (_, cards) in &mut groups {
            rng.shuffle(cards);
        }
    }
    // Each group's block: a content width from its cards, then masonry.
    let mut blocks: Vec<Block<'_>> = Vec::new();
    for (theme, cards) in groups.into_iter().chain(std::iter::once((None, unsorted))) {
        if theme.is_none() && cards.is_empty() {
            continue;
        }
        let area: f32 = cards.iter().map(|i| (i.size.w + CARD_GAP) * (i.size.h + CARD_GAP)).sum();
        let widest = cards.iter().map(|i| i.size.w).fold(COLUMN, f32::max);
        let columns = ((area.sqrt() * aspect.sqrt()) / (widest + CARD_GAP)).round().max(1.0);
        let width = columns * (widest + CARD_GAP) - CARD_GAP;
        let sizes: Vec<Size> = cards.iter().map(|i| i.size).collect();
        let (positions, height) = masonry(&sizes, Pos::new(0.0, 0.0), width);
        let placed = cards.into_iter().zip(positions).collect();
        let content =
            Size::new(width.max(EMPTY_FRAME.w - 2.0 * FRAME_PAD), height.max(EMPTY_FRAME.h - FRAME_HEADER - FRAME_PAD));
        let outer = if theme.is_some() {
            Size::new(content.w + 2.0 * FRAME_PAD, content.h + FRAME_HEADER + FRAME_PAD)
        } else {
            Size::new(width, height)
        };
        blocks.push((theme, placed, outer));
    }
    // Shelves: blocks left to right, a new shelf past a width chosen so that the whole
    // comes closest to a window's shape.
    let origin = board.bounds().map_or(Pos::new(0.0, 0.0), |b| b.min);
    let sizes: Vec<Size> = blocks.iter().map(|(_, _, s)| *s).collect();
    let mut candidates: Vec<f32> = Vec::new();
    let mut run = 0.0;
    for s in &sizes {
        run += s.w + if run > 0.0 { FRAME_GAP } else { 0.0 };
        candidates.push(run);
    }
    // Each candidate is scored by laying out every block: at most this many are tried,
    // spread evenly, so that a board of ten thousand frames arranges in moments.
    const TRIED: usize = 256;
    let stride = candidates.len().div_ceil(TRIED).max(1);
    let candidates: Vec<f32> = candidates.into_iter().step_by(stride).collect();
    let widest = sizes.iter().map(|s| s.w).fold(0.0, f32::max);
    let score = |width: f32| {
        let (w, h) = shelves(&sizes, width.max(widest)).1;
        ((w / h.max(1.0)) / aspect).ln().abs()
    };
    let width = candidates.into_iter().fold(widest, |best, c| if score(c) < score(best) - 1e-3 { c } else { best });
    let (places, _) = shelves(&sizes, width.max(widest));
    let mut edits = Vec::new();
    for ((theme, placed, outer), at) in blocks.into_iter().zip(places) {
        let (x, y) = (origin.x + at.x, origin.y + at.y);
        let (card_origin, frame) = match theme {
            Some(_) => {
                let frame = BoardRect::from_pos_size(Pos::new(x, y), outer);
                (content_area(frame).min, Some(frame))
            }
            None => (Pos::new(x, y), None),
        };
        if let (Some(t), Some(frame)) = (theme, frame)
            && frame != t.frame
        {
            edits.push(Edit::ReplaceTheme(Theme { frame, modified: now, ..t.clone() }));
        }
        for (item, p) in placed {
            let pos = Pos::new(card_origin.x + p.x, card_origin.y + p.y);
            if pos != item.pos {
                edits.push(Edit::ChangeItem { id: item.id.clone(), change: ItemChange::Pos(pos), at: now });
            }
        }
    }
    Edit::Batch(edits)
}

/// Blocks of `sizes` on shelves no wider than `width`: each block's top-left (from the
/// corner) and the size of the whole.
pub(super) fn shelves(sizes: &[Size], width: f32) -> (Vec<Pos>, (f32, f32)) {
    let (mut x, mut y, mut shelf, mut right) = (0.0_f32, 0.0_f32, 0.0_f32, 0.0_f32);
    let mut places = Vec::with_capacity(sizes.len());
    for s in sizes {
        if x > 0.0 && x + s.w > width + 0.5 {
            x = 0.0;
            y += shelf + FRAME_GAP;
            shelf = 0.0;
        }
        places.push(Pos::new(x, y));
        right = right.max(x + s.w);
        x += s.w + FRAME_GAP;
        shelf = shelf.max(s.h);
    }
    (places, (right, y + shelf))
}

/// Re-lays the board in a random order — frames, and the cards in each — so that nobody
/// stays anchored on the first grouping. `seed` picks the order; one edit (one undo
/// step). Themes stay as they are: only places change, and the frame rules hold.
pub fn shuffle(board: &Board, seed: u64, now: Timestamp) -> Edit {
    shuffle_for(board, seed, ASPECT, now)
}

/// [`shuffle`] for a canvas of the shape `aspect` (see [`arrange_for`]).
pub fn shuffle_for(board: &Board, seed: u64, aspect: f32, now: Timestamp) -> Edit {
    if board.items.iter().filter(|i| !board.fixed(i)).count() < 2 {
        return Edit::Batch(Vec::new());
    }
    arrange_in(board, now, Some(&mut fastrand::Rng::with_seed(seed)), sane_aspect(aspect))
}
