//! The order a person reads a board in: frames and loose cards row by row, top to
//! bottom and left to right, and within each frame its cards the same way. The keyboard
//! walks the cards in this order (Tab and the arrow keys) and a screen reader hears it.

use super::{Board, BoardRect, Item, ThemeId};

/// One card in reading order, with the frame it is read in (`None`: in no frame).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Read<'b> {
    pub item: &'b Item,
    pub frame: Option<&'b ThemeId>,
}

/// Every card of `board` in reading order.
pub fn reading_order(board: &Board) -> Vec<Read<'_>> {
    // Each frame with its cards is one block; a card in no frame is a block of its own.
    let mut blocks: Vec<(BoardRect, Option<&ThemeId>, Vec<&Item>)> = Vec::new();
    let mut by_theme = board.items_by_theme();
    for theme in &board.themes {
        let Some(cards) = by_theme.remove(&Some(&theme.id)) else { continue };
        let frame = Some(theme.frame).filter(|f| f.is_valid());
        let Some(area) = frame.or_else(|| cards.iter().map(|i| rect(i)).reduce(BoardRect::union)) else { continue };
        blocks.push((area, Some(&theme.id), cards));
    }
    for item in by_theme.remove(&None).unwrap_or_default() {
        blocks.push((rect(item), None, vec![item]));
    }
    let mut order = Vec::with_capacity(board.items.len());
    for i in in_rows(&blocks.iter().map(|b| b.0).collect::<Vec<_>>()) {
        let (_, frame, cards) = &blocks[i];
        for j in in_rows(&cards.iter().map(|c| rect(c)).collect::<Vec<_>>()) {
            order.push(Read { item: cards[j], frame: *frame });
        }
    }
    order
}

fn rect(item: &Item) -> BoardRect {
    BoardRect::from_pos_size(item.pos, item.size)
}

/// The indices of `rects` row by row: sorted by their tops, a rect joins the row above
/// when its top lies in the upper half of that row's first rect; each row left to right.
fn in_rows(rects: &[BoardRect]) -> Vec<usize> {
    let mut by_top: Vec<usize> = (0..rects.len()).collect();
    by_top.sort_by(|&a, &b| rects[a].min.y.total_cmp(&rects[b].min.y).then(rects[a].min.x.total_cmp(&rects[b].min.x)));
    let mut order = Vec::with_capacity(rects.len());
    let mut row: Vec<usize> = Vec::new();
    let mut band = f32::NEG_INFINITY;
    for i in by_top {
        let r = rects[i];
        if row.is_empty() || r.min.y > band {
            flush(&mut row, rects, &mut order);
            band = r.min.y + (r.height() / 2.0).max(1.0);
        }
        row.push(i);
    }
    flush(&mut row, rects, &mut order);
    order
}

fn flush(row: &mut Vec<usize>, rects: &[BoardRect], order: &mut Vec<usize>) {
    row.sort_by(|&a, &b| rects[a].min.x.total_cmp(&rects[b].min.x));
    order.append(row);
}

/// The card the keyboard goes to from `from` (an index into `order`) for an arrow up
/// (`down` false) or down: the nearest card whose middle is above or below, counting
/// sideways distance double so the column is kept; `None` at the edge.
pub fn vertical_neighbour(order: &[Read<'_>], from: usize, down: bool) -> Option<usize> {
    let here = rect(order.get(from)?.item).center();
    order
        .iter()
        .enumerate()
        .filter_map(|(i, read)| {
            let there = rect(read.item).center();
            let dy = if down { there.y - here.y } else { here.y - there.y };
            (dy > 1.0 && dy.is_finite()).then(|| (i, dy + 2.0 * (there.x - here.x).abs()))
        })
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ItemKind, Pos, Size, Timestamp};

    fn card(board: &mut Board, text: &str, x: f32, y: f32, theme: Option<&ThemeId>) {
        let mut item = Item::new(ItemKind::note(text), Pos::new(x, y), "Ann", "test", Timestamp::from_unix_millis(1));
        item.size = Size::new(100.0, 60.0);
        item.theme = theme.cloned();
        board.items.push(item);
    }

    fn texts(board: &Board) -> Vec<String> {
        reading_order(board).iter().map(|r| r.item.kind.summary()).collect()
    }

    #[test]
    fn frames_are_read_whole_row_by_row_and_their_cards_row_by_row() {
        let mut board = Board::new("Order", Timestamp::from_unix_millis(1));
        let mut right = board.new_theme("Right", Timestamp::from_unix_millis(1));
        right.frame = BoardRect { min: Pos::new(500.0, 0.0), max: Pos::new(800.0, 400.0) };
        let mut left = board.new_theme("Left", Timestamp::from_unix_millis(1));
        left.frame = BoardRect { min: Pos::new(0.0, 10.0), max: Pos::new(300.0, 400.0) };
        let (r, l) = (right.id.clone(), left.id.clone());
        board.themes.push(right);
        board.themes.push(left);
        // Added out of order; a card slightly lower in the same row still reads after the
        // one on its left.
        card(&mut board, "R2", 520.0, 200.0, Some(&r));
        card(&mut board, "L3", 20.0, 200.0, Some(&l));
        card(&mut board, "L2", 160.0, 70.0, Some(&l));
        card(&mut board, "R1", 520.0, 60.0, Some(&r));
        card(&mut board, "L1", 20.0, 60.0, Some(&l));
        card(&mut board, "below", 0.0, 600.0, None);
        card(&mut board, "above", 300.0, -200.0, None);
        assert_eq!(texts(&board), ["above", "L1", "L2", "L3", "R1", "R2", "below"]);
        let order = reading_order(&board);
        assert_eq!(order[1].frame, Some(&l));
        assert_eq!(order[6].frame, None);

        // Down from L1 is L3 (the same column), not L2 beside it; up from L1 is "above".
        let at = |t: &str| order.iter().position(|r| r.item.kind.summary() == t).unwrap();
        assert_eq!(vertical_neighbour(&order, at("L1"), true), Some(at("L3")));
        assert_eq!(vertical_neighbour(&order, at("L1"), false), Some(at("above")));
        assert_eq!(vertical_neighbour(&order, at("below"), true), None);
    }

    #[test]
    fn every_card_is_read_once_whatever_its_numbers() {
        let mut board = Board::new("Hostile", Timestamp::from_unix_millis(1));
        for (i, (x, y)) in [(f32::NAN, 0.0), (0.0, f32::INFINITY), (1e30, -1e30), (5.0, 5.0)].into_iter().enumerate() {
            card(&mut board, &format!("c{i}"), x, y, None);
        }
        let mut read = texts(&board);
        read.sort();
        assert_eq!(read, ["c0", "c1", "c2", "c3"]);
    }
}
