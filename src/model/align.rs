//! Lining cards up: align edges or centres, distribute evenly, snap to the grid. Each
//! gives one edit (one undo step); locked cards stay where they are and are not used as
//! the line either.

use super::{Board, BoardRect, Edit, Item, ItemChange, ItemId, Pos, Size, Timestamp};

/// The canvas grid: what snap to grid rounds to, and what the canvas draws.
pub const GRID: f32 = 32.0;

/// Which line the cards go on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
    Top,
    Bottom,
    /// Centres on one vertical line (a column).
    Centres,
    /// Middles on one horizontal line (a row).
    Middles,
}

/// Which way to spread.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Axis {
    Across,
    Down,
}

fn movable<'a>(board: &'a Board, ids: &[ItemId]) -> Vec<&'a Item> {
    ids.iter().filter_map(|id| board.item(id)).filter(|i| !board.fixed(i)).collect()
}

fn moves(cards: &[(&Item, Pos)], now: Timestamp) -> Option<Edit> {
    let edits: Vec<Edit> = cards
        .iter()
        .filter(|(item, to)| item.pos != *to)
        .map(|(item, to)| Edit::ChangeItem { id: item.id.clone(), change: ItemChange::Pos(*to), at: now })
        .collect();
    (!edits.is_empty()).then_some(Edit::Batch(edits))
}

/// Lines the cards `ids` up as `how` says, on the outermost card's edge (or the middle
/// of them all for centres). `None` with fewer than two movable cards or when they are
/// lined up already.
pub fn align(board: &Board, ids: &[ItemId], how: Align, now: Timestamp) -> Option<Edit> {
    let cards = movable(board, ids);
    if cards.len() < 2 {
        return None;
    }
    let bounds = cards.iter().map(|i| BoardRect::from_pos_size(i.pos, i.size)).reduce(BoardRect::union)?;
    let centre = bounds.center();
    let placed: Vec<(&Item, Pos)> = cards
        .iter()
        .map(|i| {
            let to = match how {
                Align::Left => Pos::new(bounds.min.x, i.pos.y),
                Align::Right => Pos::new(bounds.max.x - i.size.w, i.pos.y),
                Align::Top => Pos::new(i.pos.x, bounds.min.y),
                Align::Bottom => Pos::new(i.pos.x, bounds.max.y - i.size.h),
                Align::Centres => Pos::new(centre.x - i.size.w / 2.0, i.pos.y),
                Align::Middles => Pos::new(i.pos.x, centre.y - i.size.h / 2.0),
            };
            (*i, to)
        })
        .collect();
    moves(&placed, now)
}

/// Spreads the cards `ids` so that the gaps between them are equal along `axis`; the
/// first and last stay. `None` with fewer than three movable cards or when the gaps are
/// equal already.
pub fn distribute(board: &Board, ids: &[ItemId], axis: Axis, now: Timestamp) -> Option<Edit> {
    let mut cards = movable(board, ids);
    if cards.len() < 3 {
        return None;
    }
    type Measure = fn(&Item) -> f32;
    let (start, length): (Measure, Measure) = match axis {
        Axis::Across => (|i| i.pos.x, |i| i.size.w),
        Axis::Down => (|i| i.pos.y, |i| i.size.h),
    };
    cards.sort_by(|a, b| start(a).total_cmp(&start(b)).then_with(|| a.id.cmp(&b.id)));
    let first = start(cards[0]);
    let last = cards.iter().map(|i| start(i) + length(i)).fold(f32::MIN, f32::max);
    let total: f32 = cards.iter().map(|i| length(i)).sum();
    let gap = (last - first - total) / (cards.len() - 1) as f32;
    let mut at = first;
    let placed: Vec<(&Item, Pos)> = cards
        .iter()
        .map(|i| {
            let to = match axis {
                Axis::Across => Pos::new(at, i.pos.y),
                Axis::Down => Pos::new(i.pos.x, at),
            };
            at += length(i) + gap;
            (*i, to)
        })
        .collect();
    moves(&placed, now)
}

/// `p` on the nearest grid point.
pub fn snap(p: Pos) -> Pos {
    Pos::new((p.x / GRID).round() * GRID, (p.y / GRID).round() * GRID)
}

/// `size` in whole grid steps (at least one).
pub fn snap_size(size: Size) -> Size {
    Size::new((size.w / GRID).round().max(1.0) * GRID, (size.h / GRID).round().max(1.0) * GRID)
}

/// The edit with every card position (and size) it sets on the grid: what moving and
/// resizing do while snap to grid is on.
pub fn snapped(edit: Edit) -> Edit {
    match edit {
        Edit::ChangeItem { id, change: ItemChange::Pos(p), at } => {
            Edit::ChangeItem { id, change: ItemChange::Pos(snap(p)), at }
        }
        Edit::ChangeItem { id, change: ItemChange::Size(s), at } => {
            Edit::ChangeItem { id, change: ItemChange::Size(snap_size(s)), at }
        }
        Edit::Batch(edits) => Edit::Batch(edits.into_iter().map(snapped).collect()),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{History, ItemKind, Stamper};

    fn board_with(cards: &[(f32, f32, f32, f32)]) -> (Board, Vec<ItemId>) {
        let now = Timestamp::now();
        let mut board = Board::new("Align", now);
        for (x, y, w, h) in cards {
            let mut item = Item::new(ItemKind::note("n"), Pos::new(*x, *y), "Ann", "own team", now);
            item.size = Size::new(*w, *h);
            board.items.push(item);
        }
        let ids = board.items.iter().map(|i| i.id.clone()).collect();
        (board, ids)
    }

    fn after(board: &Board, edit: Edit) -> Board {
        let mut b = board.clone();
        edit.apply(&mut b).unwrap();
        b
    }

    #[test]
    fn aligning_puts_every_edge_on_the_outermost_one() {
        let (board, ids) =
            board_with(&[(0.0, 0.0, 100.0, 50.0), (300.0, 200.0, 200.0, 80.0), (120.0, 500.0, 50.0, 50.0)]);
        let left = after(&board, align(&board, &ids, Align::Left, Timestamp::now()).unwrap());
        assert!(left.items.iter().all(|i| i.pos.x == 0.0));
        let right = after(&board, align(&board, &ids, Align::Right, Timestamp::now()).unwrap());
        assert!(right.items.iter().all(|i| i.pos.x + i.size.w == 500.0));
        let bottom = after(&board, align(&board, &ids, Align::Bottom, Timestamp::now()).unwrap());
        assert!(bottom.items.iter().all(|i| i.pos.y + i.size.h == 550.0));
        let centres = after(&board, align(&board, &ids, Align::Centres, Timestamp::now()).unwrap());
        assert!(centres.items.iter().all(|i| i.pos.x + i.size.w / 2.0 == 250.0));
        // Already aligned: nothing to do.
        assert_eq!(align(&left, &ids, Align::Left, Timestamp::now()), None);
        assert_eq!(
            align(&board, &ids[..1], Align::Left, Timestamp::now()),
            None,
            "one card has nothing to line up with"
        );
    }

    #[test]
    fn distributing_makes_the_gaps_equal_and_keeps_the_ends() {
        let (board, ids) = board_with(&[(0.0, 0.0, 100.0, 50.0), (130.0, 0.0, 100.0, 50.0), (600.0, 0.0, 100.0, 50.0)]);
        let spread = after(&board, distribute(&board, &ids, Axis::Across, Timestamp::now()).unwrap());
        let mut xs: Vec<f32> = spread.items.iter().map(|i| i.pos.x).collect();
        xs.sort_by(f32::total_cmp);
        assert_eq!(xs, vec![0.0, 300.0, 600.0]);
        assert_eq!(distribute(&spread, &ids, Axis::Across, Timestamp::now()), None);
        assert_eq!(distribute(&board, &ids[..2], Axis::Across, Timestamp::now()), None);
    }

    #[test]
    fn locked_cards_stay_and_alignment_is_one_undo_step() {
        let (mut board, ids) =
            board_with(&[(0.0, 0.0, 100.0, 50.0), (300.0, 200.0, 100.0, 50.0), (-500.0, 0.0, 100.0, 50.0)]);
        board.items[2].locked = true;
        let locked = board.items[2].id.clone();
        let edit = align(&board, &ids, Align::Top, Timestamp::now()).unwrap();
        let before = board.clone();
        let mut history = History::default();
        let mut clock = Stamper::now(&board, "Ann");
        history.apply(&mut board, edit, &mut clock, "Align top edges").unwrap();
        assert!(board.items.iter().filter(|i| !i.locked).all(|i| i.pos.y == 0.0));
        assert_eq!(board.item(&locked).unwrap().pos, Pos::new(-500.0, 0.0));
        history.undo(&mut board, &mut clock).unwrap().unwrap();
        let positions = |b: &Board| b.items.iter().map(|i| i.pos).collect::<Vec<_>>();
        assert_eq!(positions(&board), positions(&before));
    }

    #[test]
    fn snapping_rounds_places_and_sizes_to_the_grid() {
        assert_eq!(snap(Pos::new(47.0, -17.0)), Pos::new(32.0, -32.0));
        assert_eq!(snap_size(Size::new(10.0, 100.0)), Size::new(32.0, 96.0));
        let id = ItemId::new_random();
        let edit = Edit::Batch(vec![Edit::ChangeItem {
            id: id.clone(),
            change: ItemChange::Pos(Pos::new(50.0, 50.0)),
            at: Timestamp::EPOCH,
        }]);
        assert_eq!(
            snapped(edit),
            Edit::Batch(vec![Edit::ChangeItem {
                id,
                change: ItemChange::Pos(Pos::new(64.0, 64.0)),
                at: Timestamp::EPOCH
            }])
        );
    }
}
