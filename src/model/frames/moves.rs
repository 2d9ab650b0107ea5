//! The edits for moving cards and frames by hand.

use super::*;
use crate::model::{Edit, ItemChange, ItemId};

/// Where dragged cards were dropped.
#[derive(Clone, Debug, PartialEq)]
pub enum Drop {
    /// In a theme's frame on the canvas.
    Frame(ThemeId),
    /// On a theme's row in the sidebar.
    Sidebar(ThemeId),
    /// On the open canvas, outside every frame.
    OpenCanvas,
    /// Elsewhere (over a panel): only a move.
    Nowhere,
}

impl Drop {
    /// The theme the cards get: `Some(None)` unsorts, `None` leaves it.
    pub fn theme(&self) -> Option<Option<&ThemeId>> {
        match self {
            Drop::Frame(t) | Drop::Sidebar(t) => Some(Some(t)),
            Drop::OpenCanvas => Some(None),
            Drop::Nowhere => None,
        }
    }
}

/// The edit for a finished drag of the cards `ids` by (`dx`, `dy`): their new places
/// and, by where they were dropped, their theme (the frame's, the sidebar theme's, or
/// unsorted on the open canvas). Dropped on a sidebar theme, cards keep their places and
/// the frame rules move them into its frame. `None` when nothing changes. Returns the
/// edit and how many cards changed theme. Fixed cards (locked, or in a locked frame) stay
/// as they are, and nothing is dropped into a locked frame.
pub fn move_cards(
    board: &Board,
    ids: &[ItemId],
    dx: f32,
    dy: f32,
    drop: &Drop,
    now: Timestamp,
) -> Option<(Edit, usize)> {
    let moves = !matches!(drop, Drop::Sidebar(_)) && dx.hypot(dy) > 0.5;
    let theme = drop.theme();
    let mut edits = Vec::new();
    let mut retheme = 0;
    if theme.flatten().is_some_and(|t| board.theme_locked(t)) {
        // A locked frame takes no card by hand.
        return None;
    }
    for id in ids {
        let Some(item) = board.item(id) else { continue };
        if board.fixed(item) {
            continue;
        }
        if moves {
            let pos = Pos::new(item.pos.x + dx, item.pos.y + dy);
            edits.push(Edit::ChangeItem { id: id.clone(), change: ItemChange::Pos(pos), at: now });
        }
        if let Some(theme) = theme
            && item.theme.as_ref() != theme
        {
            edits.push(Edit::ChangeItem { id: id.clone(), change: ItemChange::Theme(theme.cloned()), at: now });
            retheme += 1;
        }
    }
    (!edits.is_empty()).then_some((Edit::Batch(edits), retheme))
}

/// Moving a frame by (`dx`, `dy`) moves its cards with it: one edit.
pub fn move_frame(board: &Board, theme: &Theme, dx: f32, dy: f32, now: Timestamp) -> Edit {
    let mut edits = vec![Edit::ReplaceTheme(Theme { frame: translate(theme.frame, dx, dy), ..theme.clone() })];
    edits.extend(board.items_in_theme(Some(&theme.id)).filter(|i| !board.fixed(i)).map(|i| Edit::ChangeItem {
        id: i.id.clone(),
        change: ItemChange::Pos(Pos::new(i.pos.x + dx, i.pos.y + dy)),
        at: now,
    }));
    Edit::Batch(edits)
}

/// The theme's frame set to `frame`; if its cards no longer fit where they are (or the
/// frame is unchanged: "tidy this frame"), they are laid out again in it in reading
/// order, and the frame grows down as they need.
pub fn resize_frame(board: &Board, theme: &Theme, frame: BoardRect, now: Timestamp) -> Edit {
    let mut cards: Vec<&Item> = board.items_in_theme(Some(&theme.id)).filter(|i| !board.fixed(i)).collect();
    let area = content_area(frame);
    let fits = cards.iter().all(|i| inside(rect(i), area));
    let mut edits = vec![Edit::ReplaceTheme(Theme { frame, ..theme.clone() })];
    if !fits || frame == theme.frame {
        cards.sort_by(|a, b| a.pos.y.total_cmp(&b.pos.y).then(a.pos.x.total_cmp(&b.pos.x)));
        let sizes: Vec<Size> = cards.iter().map(|i| i.size).collect();
        let (positions, _) = masonry(&sizes, area.min, area.width().max(CARD_GAP));
        for (item, pos) in cards.iter().zip(positions) {
            if pos != item.pos {
                edits.push(Edit::ChangeItem { id: item.id.clone(), change: ItemChange::Pos(pos), at: now });
            }
        }
    }
    Edit::Batch(edits)
}
