//! Connectors: an arrow from one card or frame to another, with an optional label, the
//! way a team draws "this leads to that" between ideas (since format version 9).
//!
//! A connector names its two ends by id and holds no coordinates: where it is drawn is
//! worked out from where its ends are ([`route`]), so it follows them whatever moves them
//! (a drag, a frame's tidy, a merge). It runs straight between its ends' middles, cut at
//! their edges and a little beyond, so it never crosses its own ends' text.
//!
//! The rules: a connector is on the board as people see it ([`Board::shows_connector`])
//! while both its ends are on the board and they are not the same thing; only such a
//! connector is drawn, exported, chosen or changed. Deleting a card or frame deletes its
//! connectors in the same step (see [`super::Edit::delete_items`]). A connector whose end
//! *another copy* deleted (one drew the arrow while the other deleted the card) is left
//! off the board by the merge, which names it; it stays in the file, unseen, so that the
//! merge stays the same in any order and the arrow comes back if the card does. A file's
//! connector that can never be shown (to itself, or to something the board has never
//! known) is dropped when the file is read, with a note.

use serde::{Deserialize, Serialize};

use super::{Board, BoardRect, ConnectorId, ItemId, Pos, ThemeId, Timestamp};

/// Longest label, in characters: a connector's label is a few words on the line.
pub const MAX_LABEL_CHARS: usize = 200;

/// How far outside its ends' edges a connector stops, in board units.
pub const GAP: f32 = 6.0;

/// An arrow between two cards or frames.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Connector {
    pub id: ConnectorId,
    pub from: End,
    pub to: End,
    /// Words on the line; empty for none. One line, at most [`MAX_LABEL_CHARS`].
    pub label: String,
    /// Where it has arrow heads.
    pub heads: Heads,
    /// Drawn as a dashed line ("maybe", "later").
    pub dashed: bool,
    /// Who drew it.
    pub by: String,
    pub modified: Timestamp,
}

/// One end of a connector: a card or a theme's frame.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum End {
    Card(ItemId),
    Frame(ThemeId),
}

/// Where a connector has arrow heads.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Heads {
    /// A plain line: "these belong together".
    None,
    /// An arrow at `to`: "this leads to that".
    #[default]
    End,
    /// Arrows at both ends.
    Both,
}

impl Heads {
    pub const ALL: [Heads; 3] = [Heads::End, Heads::Both, Heads::None];
}

/// Why a connector cannot be on the board.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ConnectorError {
    #[error("its end {0} is not on the board")]
    MissingEnd(String),
    #[error("it goes from {0} to itself")]
    ToItself(String),
    #[error("its label has {0} characters, more than {MAX_LABEL_CHARS}")]
    LabelTooLong(usize),
}

impl crate::i18n::Said for ConnectorError {
    fn message(&self) -> crate::i18n::Message {
        use crate::i18n::Message;
        match self {
            ConnectorError::MissingEnd(id) => Message::new("connector-missing-end").with("id", id.as_str()),
            ConnectorError::ToItself(id) => Message::new("connector-to-itself").with("id", id.as_str()),
            ConnectorError::LabelTooLong(n) => {
                Message::new("connector-label-long").with("count", *n).with("max", MAX_LABEL_CHARS)
            }
        }
    }
}

impl End {
    /// The id it names.
    pub fn id(&self) -> &str {
        match self {
            End::Card(id) => id.as_str(),
            End::Frame(id) => id.as_str(),
        }
    }

    /// Whether this end is the card or frame `id`.
    pub fn is(&self, id: &str) -> bool {
        self.id() == id
    }
}

impl Connector {
    /// A new arrow from `from` to `to`, drawn by `who` at `now`.
    pub fn new(from: End, to: End, who: &str, now: Timestamp) -> Self {
        Self {
            id: ConnectorId::new_random(),
            from,
            to,
            label: String::new(),
            heads: Heads::End,
            dashed: false,
            by: who.to_owned(),
            modified: now,
        }
    }

    /// Whether it touches the card or frame `id`.
    pub fn touches(&self, id: &str) -> bool {
        self.from.is(id) || self.to.is(id)
    }

    /// The other end, seen from `id` (`None` if it does not touch `id`).
    pub fn other_end(&self, id: &str) -> Option<&End> {
        if self.from.is(id) {
            Some(&self.to)
        } else if self.to.is(id) {
            Some(&self.from)
        } else {
            None
        }
    }

    /// Whether it may be drawn on `board` as it is now (see the module's rules).
    pub fn check(&self, board: &Board) -> Result<(), ConnectorError> {
        if self.from.id() == self.to.id() {
            return Err(ConnectorError::ToItself(self.from.id().to_owned()));
        }
        for end in [&self.from, &self.to] {
            if board.end_rect(end).is_none() {
                return Err(ConnectorError::MissingEnd(end.id().to_owned()));
            }
        }
        let chars = self.label.chars().count();
        if chars > MAX_LABEL_CHARS {
            return Err(ConnectorError::LabelTooLong(chars));
        }
        Ok(())
    }
}

/// A label as a connector keeps it: one line, trimmed, at most [`MAX_LABEL_CHARS`].
pub fn clean_label(label: &str) -> String {
    let one_line: String = label.split_whitespace().collect::<Vec<_>>().join(" ");
    one_line.chars().take(MAX_LABEL_CHARS).collect()
}

/// Where a connector between rectangles `from` and `to` is drawn: from a point just
/// outside `from`'s edge to one just outside `to`'s, on the line between their middles.
/// `None` when the two overlap (a card on a card, a card in its frame): there is no line
/// to draw between them, and it is drawn again as soon as they are apart.
pub fn route(from: BoardRect, to: BoardRect) -> Option<(Pos, Pos)> {
    if from.intersects(to) || !from.is_valid() || !to.is_valid() {
        return None;
    }
    let (a, b) = (from.center(), to.center());
    let start = edge_point(from, a, b)?;
    let end = edge_point(to, b, a)?;
    Some((start, end))
}

/// Where the ray from `inside` (the middle of `rect`) towards `toward` leaves `rect`,
/// plus [`GAP`].
fn edge_point(rect: BoardRect, inside: Pos, toward: Pos) -> Option<Pos> {
    let (dx, dy) = (toward.x - inside.x, toward.y - inside.y);
    let len = (dx * dx + dy * dy).sqrt();
    if !len.is_finite() || len < 1e-3 {
        return None;
    }
    let (hw, hh) = (rect.width() / 2.0, rect.height() / 2.0);
    let tx = if dx.abs() > 1e-6 { hw / dx.abs() } else { f32::INFINITY };
    let ty = if dy.abs() > 1e-6 { hh / dy.abs() } else { f32::INFINITY };
    let t = tx.min(ty);
    let (ux, uy) = (dx / len, dy / len);
    Some(Pos::new(inside.x + dx * t + ux * GAP, inside.y + dy * t + uy * GAP))
}

/// How far `p` is from the segment `a`–`b`.
pub fn distance_to_segment(p: Pos, a: Pos, b: Pos) -> f32 {
    let (abx, aby) = (b.x - a.x, b.y - a.y);
    let len2 = abx * abx + aby * aby;
    let t = if len2 > 0.0 { (((p.x - a.x) * abx + (p.y - a.y) * aby) / len2).clamp(0.0, 1.0) } else { 0.0 };
    let (cx, cy) = (a.x + abx * t, a.y + aby * t);
    ((p.x - cx).powi(2) + (p.y - cy).powi(2)).sqrt()
}

/// The corners of an arrow head `size` long at `tip`, pointing away from `from` (tip
/// first; 0.9 of its length wide), for the exports that draw one; `None` when the two
/// points are under half a unit apart or not numbers: no way to point.
pub fn arrow_head(from: Pos, tip: Pos, size: f32) -> Option<[Pos; 3]> {
    let (dx, dy) = (tip.x - from.x, tip.y - from.y);
    let length = (dx * dx + dy * dy).sqrt();
    if !length.is_finite() || length < 0.5 {
        return None;
    }
    let (ux, uy) = (dx / length, dy / length);
    let back = Pos::new(tip.x - ux * size, tip.y - uy * size);
    let (sx, sy) = (-uy * size * 0.45, ux * size * 0.45);
    Some([tip, Pos::new(back.x + sx, back.y + sy), Pos::new(back.x - sx, back.y - sy)])
}

impl Board {
    /// The rectangle of a connector's end, if it is on the board.
    pub fn end_rect(&self, end: &End) -> Option<BoardRect> {
        match end {
            End::Card(id) => self.item(id).map(|i| BoardRect::from_pos_size(i.pos, i.size)),
            End::Frame(id) => self.theme(id).map(|t| t.frame).filter(|f| f.is_valid()),
        }
    }

    /// The connector with this id.
    pub fn connector(&self, id: &ConnectorId) -> Option<&Connector> {
        self.connectors.get(id.as_str())
    }

    /// Where a connector is drawn on this board (see [`route`]).
    pub fn route_of(&self, connector: &Connector) -> Option<(Pos, Pos)> {
        route(self.end_rect(&connector.from)?, self.end_rect(&connector.to)?)
    }

    /// Whether the connector is on the board as people see it: both its ends are on the
    /// board and differ. Only these are drawn, exported, chosen and changed.
    pub fn shows_connector(&self, connector: &Connector) -> bool {
        connector.from.id() != connector.to.id()
            && self.end_rect(&connector.from).is_some()
            && self.end_rect(&connector.to).is_some()
    }

    /// The connectors people see (see [`Board::shows_connector`]), in id order.
    pub fn shown_connectors(&self) -> impl Iterator<Item = &Connector> {
        self.connectors.iter().filter(|c| self.shows_connector(c))
    }

    /// The connector with this id, if people see it.
    pub fn shown_connector(&self, id: &ConnectorId) -> Option<&Connector> {
        self.connector(id).filter(|c| self.shows_connector(c))
    }

    /// The connectors that touch any of `ids` (cards or frames), in id order.
    pub fn connectors_touching<'a>(&'a self, ids: &'a [&'a str]) -> impl Iterator<Item = &'a Connector> + 'a {
        self.connectors.iter().filter(move |c| ids.iter().any(|id| c.touches(id)))
    }

    /// Whether the board has, or had, the card or frame `end` names.
    fn knows_end(&self, end: &End) -> bool {
        match end {
            End::Card(id) => self.item(id).is_some() || self.is_deleted(id.as_str()),
            End::Frame(id) => self.knows_theme(id),
        }
    }

    /// Takes out every connector that can never be shown: one from a thing to itself, or
    /// with an end the board neither has nor deleted. Returns them with the reason. (One
    /// whose end was deleted stays, unseen: see the module.)
    pub fn drop_impossible_connectors(&mut self) -> Vec<(Connector, ConnectorError)> {
        let mut dropped = Vec::new();
        let mut kept = Vec::with_capacity(self.connectors.len());
        for c in std::mem::take(&mut self.connectors) {
            if c.from.id() == c.to.id() {
                let id = c.from.id().to_owned();
                dropped.push((c, ConnectorError::ToItself(id)));
            } else if !self.knows_end(&c.from) {
                let id = c.from.id().to_owned();
                dropped.push((c, ConnectorError::MissingEnd(id)));
            } else if !self.knows_end(&c.to) {
                let id = c.to.id().to_owned();
                dropped.push((c, ConnectorError::MissingEnd(id)));
            } else {
                kept.push(c);
            }
        }
        self.connectors = kept.into();
        dropped
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Item, ItemKind, Size};

    fn rect(x: f32, y: f32, w: f32, h: f32) -> BoardRect {
        BoardRect::from_pos_size(Pos::new(x, y), Size::new(w, h))
    }

    #[test]
    fn a_route_starts_and_ends_just_outside_its_ends() {
        let (a, b) = route(rect(0.0, 0.0, 100.0, 50.0), rect(300.0, 0.0, 100.0, 50.0)).unwrap();
        assert_eq!((a.x, a.y), (100.0 + GAP, 25.0));
        assert_eq!((b.x, b.y), (300.0 - GAP, 25.0));
        // Diagonal: leaves through the nearer edge, never inside either rectangle.
        let (a, b) = route(rect(0.0, 0.0, 100.0, 100.0), rect(400.0, 200.0, 100.0, 100.0)).unwrap();
        assert!(!rect(0.0, 0.0, 100.0, 100.0).contains(a), "{a:?}");
        assert!(!rect(400.0, 200.0, 100.0, 100.0).contains(b), "{b:?}");
        assert!((a.x - (100.0 + GAP * 0.894)).abs() < 0.1, "{a:?}");
    }

    #[test]
    fn overlapping_or_broken_ends_have_no_route() {
        assert_eq!(route(rect(0.0, 0.0, 100.0, 100.0), rect(50.0, 50.0, 100.0, 100.0)), None);
        assert_eq!(route(rect(0.0, 0.0, 100.0, 100.0), rect(f32::NAN, 0.0, 10.0, 10.0)), None);
    }

    #[test]
    fn distance_to_a_segment() {
        let (a, b) = (Pos::new(0.0, 0.0), Pos::new(10.0, 0.0));
        assert_eq!(distance_to_segment(Pos::new(5.0, 3.0), a, b), 3.0);
        assert_eq!(distance_to_segment(Pos::new(-4.0, 3.0), a, b), 5.0);
        assert_eq!(distance_to_segment(Pos::new(2.0, 2.0), a, a), 8f32.sqrt());
    }

    #[test]
    fn a_connector_needs_two_different_ends_on_the_board() {
        let now = Timestamp::now();
        let mut board = Board::new("t", now);
        let a = Item::new(ItemKind::note("a"), Pos::new(0.0, 0.0), "me", "own team", now);
        let b = Item::new(ItemKind::note("b"), Pos::new(500.0, 0.0), "me", "own team", now);
        let (ia, ib) = (a.id.clone(), b.id.clone());
        board.items.extend([a, b]);
        let good = Connector::new(End::Card(ia.clone()), End::Card(ib.clone()), "me", now);
        assert_eq!(good.check(&board), Ok(()));
        let selfish = Connector::new(End::Card(ia.clone()), End::Card(ia.clone()), "me", now);
        assert_eq!(selfish.check(&board), Err(ConnectorError::ToItself(ia.to_string())));
        let gone = ItemId::new_random();
        let dangling = Connector::new(End::Card(ia.clone()), End::Card(gone.clone()), "me", now);
        assert_eq!(dangling.check(&board), Err(ConnectorError::MissingEnd(gone.to_string())));
        let mut long = good.clone();
        long.label = "x".repeat(MAX_LABEL_CHARS + 1);
        assert_eq!(long.check(&board), Err(ConnectorError::LabelTooLong(MAX_LABEL_CHARS + 1)));
        // An end another copy deleted: kept, unseen.
        let deleted = ItemId::new_random();
        board.deleted.push(crate::model::Tombstone::new(deleted.as_str(), now, "Bo", now));
        let to_deleted = Connector::new(End::Card(ib.clone()), End::Card(deleted), "me", now);
        board.connectors = vec![good.clone(), selfish, dangling, to_deleted.clone()].into();
        let dropped = board.drop_impossible_connectors();
        assert_eq!(dropped.len(), 2);
        assert_eq!(board.connectors.iter().collect::<Vec<_>>(), vec![&good, &to_deleted]);
        assert_eq!(board.shown_connectors().collect::<Vec<_>>(), vec![&good]);
        assert!(board.shown_connector(&to_deleted.id).is_none());
        assert_eq!(clean_label("  leads\n to \t that "), "leads to that");
    }
}
