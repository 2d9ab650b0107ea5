//! Where new items go when nobody points at a spot (the command line, bulk imports).

use super::{Board, BoardRect, Edit, ItemChange, Pos, Size, ThemeId, Timestamp};

/// Space between items placed automatically.
pub const GAP: f32 = 24.0;
/// Rows of automatically placed items wrap after this width.
pub const ROW_WIDTH: f32 = 1400.0;

fn overlaps(a: BoardRect, b: BoardRect) -> bool {
    a.min.x < b.max.x + GAP / 2.0
        && b.min.x < a.max.x + GAP / 2.0
        && a.min.y < b.max.y + GAP / 2.0
        && b.min.y < a.max.y + GAP / 2.0
}

/// A free place for an item of `size` that belongs to `theme`: next to the theme's
/// other items, in rows from their top-left corner; a theme without items starts to the
/// right of everything else. Never on top of another item.
pub fn free_spot(board: &Board, theme: Option<&ThemeId>, size: Size) -> Pos {
    let group = board.items_in_theme(theme).map(|i| BoardRect::from_pos_size(i.pos, i.size)).reduce(BoardRect::union);
    let origin = match (group, board.bounds()) {
        (Some(group), _) => group.min,
        (None, Some(all)) => Pos::new(all.max.x + GAP * 4.0, all.min.y),
        (None, None) => Pos::new(0.0, 0.0),
    };
    let taken: Vec<BoardRect> = board.items.iter().map(|i| BoardRect::from_pos_size(i.pos, i.size)).collect();
    let (step_x, step_y) = (size.w + GAP, size.h + GAP);
    let columns = ((ROW_WIDTH / step_x) as usize).max(1);
    for row in 0..=taken.len() {
        for column in 0..columns {
            let pos = Pos::new(origin.x + column as f32 * step_x, origin.y + row as f32 * step_y);
            let candidate = BoardRect::from_pos_size(pos, size);
            if !taken.iter().any(|&t| overlaps(t, candidate)) {
                return pos;
            }
        }
    }
    // Every slot in as many rows as there are items is taken: go below them all.
    let bottom = taken.iter().map(|r| r.max.y).fold(origin.y, f32::max);
    Pos::new(origin.x, bottom + GAP)
}

/// The free place for an item of `size` nearest to `pos` (its top-left corner), searched
/// in rings of card-sized steps; `pos` itself if nothing near it is free.
pub fn free_spot_near(board: &Board, pos: Pos, size: Size) -> Pos {
    const RINGS: i32 = 8;
    let taken: Vec<BoardRect> = board.items.iter().map(|i| BoardRect::from_pos_size(i.pos, i.size)).collect();
    let (step_x, step_y) = (size.w + GAP, size.h + GAP);
    let is_free = |p: Pos| !taken.iter().any(|&t| overlaps(t, BoardRect::from_pos_size(p, size)));
    for ring in 0..=RINGS {
        // The cells of this ring, nearest first.
        let mut cells: Vec<(i32, i32)> = (-ring..=ring)
            .flat_map(|dx| (-ring..=ring).map(move |dy| (dx, dy)))
            .filter(|(dx, dy)| dx.abs().max(dy.abs()) == ring)
            .collect();
        cells.sort_by_key(|(dx, dy)| dx * dx + dy * dy);
        for (dx, dy) in cells {
            let candidate = Pos::new(pos.x + dx as f32 * step_x, pos.y + dy as f32 * step_y).clamped();
            if is_free(candidate) {
                return candidate;
            }
        }
    }
    pos
}

/// Lays items out tidily, grouped by theme: each theme's items (in stacking order) in a
/// block of rows, blocks side by side in sidebar order, unsorted items last. Locked items
/// stay where they are. Returns one edit that moves every item that needs to move.
pub fn arrange_by_theme(board: &Board, now: Timestamp) -> Edit {
    let mut groups: Vec<Option<&ThemeId>> = board.themes.iter().map(|t| Some(&t.id)).collect();
    groups.push(None);
    let mut edits = Vec::new();
    let mut x = 0.0_f32;
    let mut by_theme = board.items_by_theme();
    for theme in groups {
        let items: Vec<_> = by_theme.remove(&theme).unwrap_or_default().into_iter().filter(|i| !i.locked).collect();
        if items.is_empty() {
            continue;
        }
        let columns = (items.len() as f32).sqrt().ceil().max(1.0) as usize;
        let cell_w = items.iter().map(|i| i.size.w).fold(0.0, f32::max) + GAP;
        let mut row_y = 0.0_f32;
        for row in items.chunks(columns) {
            let row_h = row.iter().map(|i| i.size.h).fold(0.0, f32::max) + GAP;
            for (column, item) in row.iter().enumerate() {
                let pos = Pos::new(x + column as f32 * cell_w, row_y);
                if pos != item.pos {
                    edits.push(Edit::ChangeItem { id: item.id.clone(), change: ItemChange::Pos(pos), at: now });
                }
            }
            row_y += row_h;
        }
        // Room between blocks for the region's padding and label.
        x += columns as f32 * cell_w + GAP * 4.0;
    }
    Edit::Batch(edits)
}

/// Re-lays the unlocked items in a random arrangement over about the same area, so that
/// nobody stays anchored on the first grouping. `seed` picks the arrangement; one edit
/// moves them all (one undo step). Themes stay as they are: only positions change.
pub fn shuffle(board: &Board, seed: u64, now: Timestamp) -> Edit {
    let mut items: Vec<_> = board.items.iter().filter(|i| !i.locked).collect();
    if items.len() < 2 {
        return Edit::Batch(Vec::new());
    }
    let mut rng = fastrand::Rng::with_seed(seed);
    rng.shuffle(&mut items);
    let origin = board.bounds().map_or(Pos::new(0.0, 0.0), |b| b.min);
    let columns = (items.len() as f32).sqrt().ceil().max(1.0) as usize;
    let cell_w = items.iter().map(|i| i.size.w).fold(0.0, f32::max) + GAP * 2.0;
    let cell_h = items.iter().map(|i| i.size.h).fold(0.0, f32::max) + GAP * 2.0;
    let edits = items
        .iter()
        .enumerate()
        .map(|(index, item)| {
            let (row, column) = (index / columns, index % columns);
            // A little jitter so the result does not read as a new, tidy order.
            let jitter_x = (rng.f32() - 0.5) * (cell_w - item.size.w).max(0.0);
            let jitter_y = (rng.f32() - 0.5) * (cell_h - item.size.h).max(0.0);
            let pos = Pos::new(
                origin.x + column as f32 * cell_w + (cell_w - item.size.w) / 2.0 + jitter_x,
                origin.y + row as f32 * cell_h + (cell_h - item.size.h) / 2.0 + jitter_y,
            )
            .clamped();
            Edit::ChangeItem { id: item.id.clone(), change: ItemChange::Pos(pos), at: now }
        })
        .collect();
    Edit::Batch(edits)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Item, ItemKind, Timestamp};

    fn note(board: &mut Board, theme: Option<&ThemeId>) -> Pos {
        let kind = ItemKind::Note { text: "x".into() };
        let pos = free_spot(board, theme, kind.default_size());
        let mut item = Item::new(kind, pos, "me", "own team", Timestamp::now());
        item.theme = theme.cloned();
        board.items.push(item);
        pos
    }

    #[test]
    fn new_items_never_overlap_and_themes_keep_together() {
        let mut board = Board::new("t", Timestamp::now());
        let theme = board.new_theme("Light", Timestamp::now());
        let tid = theme.id.clone();
        board.themes.push(theme);
        for _ in 0..20 {
            note(&mut board, None);
        }
        let first_in_theme = note(&mut board, Some(&tid));
        for _ in 0..10 {
            note(&mut board, Some(&tid));
        }
        let rects: Vec<_> = board.items.iter().map(|i| BoardRect::from_pos_size(i.pos, i.size)).collect();
        for (i, a) in rects.iter().enumerate() {
            for b in &rects[i + 1..] {
                assert!(!overlaps(*a, *b), "{a:?} overlaps {b:?}");
            }
        }
        let unsorted_right = board.items_in_theme(None).map(|i| i.pos.x + i.size.w).fold(f32::MIN, f32::max);
        assert!(first_in_theme.x > unsorted_right, "a new theme starts beside the rest");
    }

    #[test]
    fn arranging_separates_themes_and_undoes() {
        let mut board = Board::new("t", Timestamp::now());
        let theme = board.new_theme("Light", Timestamp::now());
        let tid = theme.id.clone();
        board.themes.push(theme);
        for i in 0..7 {
            let mut item = Item::new(
                ItemKind::Note { text: "x".into() },
                Pos::new(i as f32, 0.0),
                "me",
                "own team",
                Timestamp::now(),
            );
            item.theme = (i % 2 == 0).then(|| tid.clone());
            board.items.push(item);
        }
        let original = board.clone();
        let inverse = arrange_by_theme(&board, Timestamp::now()).apply(&mut board).unwrap();
        let rects: Vec<_> = board.items.iter().map(|i| BoardRect::from_pos_size(i.pos, i.size)).collect();
        for (i, a) in rects.iter().enumerate() {
            for b in &rects[i + 1..] {
                assert!(!overlaps(*a, *b), "{a:?} overlaps {b:?}");
            }
        }
        let themed_right = board.items_in_theme(Some(&tid)).map(|i| i.pos.x + i.size.w).fold(f32::MIN, f32::max);
        let unsorted_left = board.items_in_theme(None).map(|i| i.pos.x).fold(f32::MAX, f32::min);
        assert!(unsorted_left > themed_right);
        inverse.apply(&mut board).unwrap();
        assert_eq!(board, original);
    }

    #[test]
    fn a_spot_near_a_point_is_free_and_close() {
        let now = Timestamp::from_unix_millis(0);
        let mut board = Board::new("t", now);
        let size = Size::new(200.0, 100.0);
        let spot = free_spot_near(&board, Pos::new(10.0, 10.0), size);
        assert_eq!(spot, Pos::new(10.0, 10.0), "an empty board has room right there");
        for _ in 0..5 {
            let pos = free_spot_near(&board, Pos::new(10.0, 10.0), size);
            let rect = BoardRect::from_pos_size(pos, size);
            assert!(board.items.iter().all(|i| !overlaps(BoardRect::from_pos_size(i.pos, i.size), rect)));
            assert!((pos.x - 10.0).abs() <= size.w + GAP && (pos.y - 10.0).abs() <= size.h + GAP, "{pos:?}");
            let mut item = Item::new(ItemKind::Note { text: "x".into() }, pos, "Ann", "own team", now);
            item.size = size;
            board.items.push(item);
        }
    }

    #[test]
    fn shuffle_moves_every_unlocked_item_without_overlaps_and_undoes_in_one_step() {
        let now = Timestamp::from_unix_millis(0);
        let mut board = Board::new("t", now);
        for i in 0..9 {
            let kind = ItemKind::Note { text: format!("idea {i}") };
            let mut item = Item::new(kind, Pos::new(i as f32 * 250.0, 0.0), "Ann", "own team", now);
            item.locked = i == 4;
            board.items.push(item);
        }
        let before = board.clone();
        let edit = shuffle(&board, 7, now);
        let undo = edit.clone().apply(&mut board).unwrap();
        let locked = board.items.iter().find(|i| i.locked).unwrap();
        assert_eq!(Some(locked), before.items.iter().find(|i| i.locked), "a locked item stays");
        let moved = board.items.iter().zip(&before.items).filter(|(a, b)| a.pos != b.pos).count();
        assert!(moved >= 7, "only {moved} moved");
        let rects: Vec<BoardRect> =
            board.items.iter().filter(|i| !i.locked).map(|i| BoardRect::from_pos_size(i.pos, i.size)).collect();
        for (a, ra) in rects.iter().enumerate() {
            for rb in &rects[a + 1..] {
                assert!(!overlaps(*ra, *rb) || ra.max.x <= rb.min.x || ra.max.y <= rb.min.y, "{ra:?} {rb:?}");
            }
        }
        assert_ne!(shuffle(&before, 8, now), shuffle(&before, 7, now), "another seed, another arrangement");
        undo.apply(&mut board).unwrap();
        assert_eq!(board, before);
    }
}
