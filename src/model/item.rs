//! An idea on the board: what every kind shares (place, size, theme, tags, who brought
//! it and from where). What only one kind has is in [`super::kinds`].

use serde::{Deserialize, Serialize};

use super::{ItemId, ItemKind, Pos, Size, ThemeId, Timestamp};

/// One idea on the board. Everything except `kind` is shared by all kinds.
///
/// Invariants after a board is loaded: `pos` is finite and within the board,
/// `size` is within `MIN_SIZE..=MAX_SIZE`, `theme` names a theme of the board (or is
/// `None` for unsorted), and ids are unique within the board.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Item {
    pub id: ItemId,
    pub kind: ItemKind,
    pub pos: Pos,
    pub size: Size,
    /// Stacking order: higher is drawn on top. Ties are broken by id.
    pub z: i64,
    /// The theme this item is sorted into, or `None` while unsorted.
    pub theme: Option<ThemeId>,
    pub tags: Vec<String>,
    /// Who added it.
    pub contributor: String,
    /// Where it came from: the perspective it brings ("own team", "customer", …).
    pub source: String,
    /// A locked item cannot be moved, resized or deleted until unlocked.
    pub locked: bool,
    pub created: Timestamp,
    /// Time of the last change to any field; merge keeps the newest version.
    pub modified: Timestamp,
}

impl Item {
    /// A new item at `pos` with the kind's default size, stamped with `now`.
    pub fn new(kind: ItemKind, pos: Pos, contributor: &str, source: &str, now: Timestamp) -> Self {
        let size = kind.default_size();
        Self {
            id: ItemId::new_random(),
            kind,
            pos,
            size,
            z: 0,
            theme: None,
            tags: Vec::new(),
            contributor: contributor.to_owned(),
            source: source.to_owned(),
            locked: false,
            created: now,
            modified: now,
        }
    }

    /// Does the item mention `needle` (case-insensitive) in its text, tags, contributor
    /// or source?
    pub fn matches(&self, needle: &str) -> bool {
        let needle = needle.to_lowercase();
        let hit = |s: &str| s.to_lowercase().contains(&needle);
        self.kind.texts().into_iter().any(hit)
            || self.tags.iter().any(|t| hit(t))
            || hit(&self.contributor)
            || hit(&self.source)
    }
}
