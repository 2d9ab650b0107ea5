//! Where unsorted ideas from a live session's phones gather: one block, filled in
//! reading order in [`ARRIVAL_COLUMNS`] columns (a masonry, so cards of any height
//! stay apart), begun beside the board when the first came. A room of phones adding a
//! hundred ideas makes a block about as wide as it is tall, never a long row, and the
//! board stays readable when zoomed to fit.

use super::{COLUMN, masonry, next_frame_spot, rect};
use crate::model::{Board, Pos, Size, is_joined};

/// Columns of the block.
pub const ARRIVAL_COLUMNS: usize = 8;

/// Where the next unsorted idea of `size` from the phones goes: the block's next place.
/// (The caller still makes sure it lands on no card: see `place_card`.)
pub fn arrival_spot(board: &Board, size: Size) -> Pos {
    let mut arrived: Vec<_> = board.items.iter().filter(|i| is_joined(i) && board.theme_of(i).is_none()).collect();
    arrived.sort_by(|a, b| (a.created, a.id.as_str()).cmp(&(b.created, b.id.as_str())));
    let origin = arrived
        .iter()
        .map(|i| rect(i))
        .filter(|r| r.is_valid())
        .fold(None, |o: Option<Pos>, r| Some(o.map_or(r.min, |o| Pos::new(o.x.min(r.min.x), o.y.min(r.min.y)))))
        .unwrap_or_else(|| next_frame_spot(board));
    let sizes: Vec<Size> = arrived.iter().map(|i| i.size).chain([size]).collect();
    let width = ARRIVAL_COLUMNS as f32 * (COLUMN + super::CARD_GAP) - super::CARD_GAP;
    let (spots, _) = masonry(&sizes, origin, width);
    spots.last().copied().unwrap_or(origin).clamped()
}
