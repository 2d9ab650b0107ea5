//! The board: goals, themes and items.

use serde::{Deserialize, Serialize};

use super::id_list::{HasId, IdList};
use super::{BoardId, BoardRect, Connector, Item, ItemId, Response, Session, ThemeId, Timestamp, Vote};

/// The file format version this build writes. Files with a lower version are migrated
/// when read; files with a higher one are refused.
pub const FORMAT_VERSION: u32 = 10;

/// Goals beyond this many get a gentle warning: a board is for one or two things.
pub const RECOMMENDED_MAX_GOALS: usize = 2;

/// A moodboard. Field order is the order written to the file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Board {
    /// Always [`FORMAT_VERSION`] in memory; older files are migrated on load.
    pub(super) version: u32,
    /// Who the board is: copies of one board share it and merge as copies.
    pub(super) id: BoardId,
    pub title: String,
    pub description: String,
    /// The one or two things this board is for, shown while collecting.
    pub goals: Vec<String>,
    /// Themes in sidebar order.
    pub themes: IdList<Theme>,
    /// Items in stacking order (lowest `z` first, ties by id) after load.
    pub items: IdList<Item>,
    /// Items, themes, dots and responses deleted from this board, remembered so that an
    /// old copy of the board cannot bring them back when merged. Sorted by id.
    pub(super) deleted: IdList<Tombstone>,
    pub(super) created: Timestamp,
    /// Time of the last change to the title, description or goals.
    pub(super) modified: Timestamp,
    /// The facilitated session's phase, timer and settings (since version 2).
    pub session: Session,
    /// Dots placed in dot voting, sorted by id (since version 2).
    pub votes: IdList<Vote>,
    /// Reactions and replies to items, sorted by id (since version 2).
    pub responses: IdList<Response>,
    /// Arrows between cards and frames, sorted by id (since version 9; see
    /// [`super::connector`]: only those whose ends are both on the board are shown).
    #[serde(default)]
    pub connectors: IdList<Connector>,
}

/// A named group of items, shown as a tinted region on the canvas.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Theme {
    pub id: ThemeId,
    pub name: String,
    /// `#RRGGBB`.
    pub colour: String,
    pub description: String,
    /// Sidebar position: themes are shown by `(rank, id)`. A rank rather than the list
    /// order, so that merging copies that reordered themes gives one answer.
    pub rank: i64,
    /// The theme's frame on the canvas: its cards lie inside it, no other frame overlaps
    /// it (see [`super::frames`]; since version 4).
    pub frame: BoardRect,
    /// A locked frame stays as the facilitator set it: it is not moved, resized, renamed,
    /// recoloured or deleted by hand, its cards are as locked as it is, and no card joins
    /// or leaves it by hand or from a phone until it is unlocked (since version 7; see
    /// [`Board::fixed`]).
    pub locked: bool,
    pub modified: Timestamp,
}

/// The board's own words: what `Edit::SetMeta` changes as one unit.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct BoardMeta {
    pub title: String,
    pub description: String,
    pub goals: Vec<String>,
}

/// The memory of a deleted item, theme, dot or response.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tombstone {
    /// Id of what was deleted.
    pub id: String,
    /// When it was deleted, by the deleter's clock (for people; merges go by `saw`).
    pub at: Timestamp,
    pub by: String,
    /// The stamp of the version the deleter saw and removed (an item's or theme's
    /// `modified`, a dot's or response's `at`): the deletion covers that version and
    /// older ones, never a version made after it by someone who had not seen it (since
    /// version 3; older files read `at` here).
    pub saw: Timestamp,
}

impl Tombstone {
    /// A deletion of `id` made at `at` by `who`, who saw the version stamped `saw`.
    pub fn new(id: impl Into<String>, at: Timestamp, who: &str, saw: Timestamp) -> Self {
        Self { id: id.into(), at, by: who.to_owned(), saw }
    }
}

/// Colours offered for new themes, in order.
pub const THEME_PALETTE: [&str; 8] =
    ["#E4B363", "#6BA292", "#E07A5F", "#7B8CDE", "#C77DFF", "#81B29A", "#F2CC8F", "#5FA8D3"];

impl Board {
    /// An empty board with the given title.
    pub fn new(title: &str, now: Timestamp) -> Self {
        Self {
            version: FORMAT_VERSION,
            id: BoardId::new_random(),
            title: title.to_owned(),
            description: String::new(),
            goals: Vec::new(),
            themes: IdList::new(),
            items: IdList::new(),
            deleted: IdList::new(),
            created: now,
            modified: now,
            session: Session::default(),
            votes: IdList::new(),
            responses: IdList::new(),
            connectors: IdList::new(),
        }
    }

    /// A board as an older file describes it, on its way to this version (see
    /// `storage/older.rs`): its identity and history as the file gives them, the rest
    /// empty for the migration to fill in.
    pub fn restored(id: BoardId, created: Timestamp, modified: Timestamp, deleted: Vec<Tombstone>) -> Self {
        Self { id, created, modified, deleted: deleted.into(), ..Self::new("", created) }
    }

    /// Another board made from this one (a duplicate, a board from a template): the same
    /// themes, ideas and session, a new identity (it never merges as a copy of this one),
    /// titled `title`, made `now`, with no history of deletions.
    pub fn as_new_board(&self, title: &str, now: Timestamp) -> Board {
        Board {
            id: BoardId::new_random(),
            title: title.to_owned(),
            created: now,
            modified: now,
            deleted: IdList::new(),
            ..self.clone()
        }
    }

    /// The file format version: always [`FORMAT_VERSION`] in memory.
    pub fn version(&self) -> u32 {
        self.version
    }

    /// Who the board is: copies of one board share it, and merge as copies; another
    /// board's ideas only ever come in as new ones (see [`super::merge`]).
    pub fn id(&self) -> &BoardId {
        &self.id
    }

    /// When the board was made (the earliest of its copies').
    pub fn created(&self) -> Timestamp {
        self.created
    }

    /// The stamp of the last change to the title, description or goals.
    pub fn modified(&self) -> Timestamp {
        self.modified
    }

    /// What was deleted from the board, sorted by id: kept so that an old copy cannot
    /// bring it back. Only edits and merges change it.
    pub fn deleted(&self) -> &IdList<Tombstone> {
        &self.deleted
    }

    /// Keeps the tombstones true to the board (a board as read, which anyone may have
    /// written): of several for one id the newest, and none for something that is on the
    /// board — the thing stays. Returns the ids whose tombstone was dropped for that.
    pub fn drop_stale_tombstones(&mut self) -> Vec<String> {
        let mut deleted = std::mem::take(&mut self.deleted);
        deleted.sort_by(|a, b| a.id.cmp(&b.id).then(b.at.cmp(&a.at)));
        deleted.dedup_by(|later, first| later.id == first.id);
        let alive: std::collections::HashSet<&str> = self.live_ids().collect();
        let revived: Vec<String> =
            deleted.iter().filter(|t| alive.contains(t.id.as_str())).map(|t| t.id.clone()).collect();
        deleted.retain(|t| !alive.contains(t.id.as_str()));
        self.deleted = deleted;
        revived
    }

    pub fn meta(&self) -> BoardMeta {
        BoardMeta { title: self.title.clone(), description: self.description.clone(), goals: self.goals.clone() }
    }

    pub fn item(&self, id: &ItemId) -> Option<&Item> {
        self.items.get(id.as_str())
    }

    /// The item with this id, to change anything but its id.
    pub fn item_mut(&mut self, id: &ItemId) -> Option<&mut Item> {
        self.items.get_mut(id.as_str())
    }

    pub fn item_index(&self, id: &ItemId) -> Option<usize> {
        self.items.position(id.as_str())
    }

    pub fn theme(&self, id: &ThemeId) -> Option<&Theme> {
        self.themes.get(id.as_str())
    }

    pub fn theme_index(&self, id: &ThemeId) -> Option<usize> {
        self.themes.position(id.as_str())
    }

    /// The theme with this name, ignoring case and surrounding spaces.
    pub fn theme_by_name(&self, name: &str) -> Option<&Theme> {
        let name = name.trim();
        self.themes.iter().find(|t| t.name.trim().eq_ignore_ascii_case(name))
    }

    /// The next colour from [`THEME_PALETTE`] for a new theme.
    pub fn next_theme_colour(&self) -> String {
        THEME_PALETTE[self.themes.len() % THEME_PALETTE.len()].to_owned()
    }

    /// A `z` that puts an item above every other.
    pub fn top_z(&self) -> i64 {
        self.items.iter().map(|i| i.z).max().map_or(0, |z| z.saturating_add(1))
    }

    /// A `z` that puts an item below every other.
    pub fn bottom_z(&self) -> i64 {
        self.items.iter().map(|i| i.z).min().map_or(0, |z| z.saturating_sub(1))
    }

    /// Restores stacking order after `z` values changed.
    pub fn sort_items(&mut self) {
        self.items.sort_by(|a, b| a.z.cmp(&b.z).then_with(|| a.id.cmp(&b.id)));
    }

    /// The rectangle around all items and frames, or `None` for an empty board.
    pub fn bounds(&self) -> Option<BoardRect> {
        let cards = self.items.iter().map(|i| BoardRect::from_pos_size(i.pos, i.size));
        cards.chain(self.themes.iter().map(|t| t.frame).filter(|f| f.is_valid())).reduce(BoardRect::union)
    }

    /// The theme an item is shown in: its theme if that is on the board, else `None`
    /// (unsorted). After a merge an item can name a theme someone else deleted.
    pub fn theme_of<'a>(&'a self, item: &'a Item) -> Option<&'a ThemeId> {
        item.theme.as_ref().filter(|t| self.theme(t).is_some())
    }

    /// Whether the theme `id` is on the board and locked: its frame and its cards stay as
    /// the facilitator set them, and no card joins or leaves it by hand.
    pub fn theme_locked(&self, id: &ThemeId) -> bool {
        self.theme(id).is_some_and(|t| t.locked)
    }

    /// Whether `item` is fixed where it is: locked itself, or in a locked frame. A fixed
    /// card is not moved, resized, re-themed or deleted by hand.
    pub fn fixed(&self, item: &Item) -> bool {
        item.locked || self.theme_of(item).is_some_and(|t| self.theme_locked(t))
    }

    /// Whether a theme with this id is on the board or was deleted from it.
    pub fn knows_theme(&self, id: &ThemeId) -> bool {
        self.theme(id).is_some() || self.is_deleted(id.as_str())
    }

    /// Items shown in this theme (or unsorted for `None`). One pass over the items: to
    /// go through every theme, use [`Board::items_by_theme`].
    pub fn items_in_theme<'a>(&'a self, theme: Option<&'a ThemeId>) -> impl Iterator<Item = &'a Item> + 'a {
        self.items.iter().filter(move |i| self.theme_of(i) == theme)
    }

    /// Every theme's items (and the unsorted ones under `None`) in stacking order, in
    /// one pass over the items.
    pub fn items_by_theme(&self) -> std::collections::HashMap<Option<&ThemeId>, Vec<&Item>> {
        let mut groups: std::collections::HashMap<Option<&ThemeId>, Vec<&Item>> = std::collections::HashMap::new();
        for item in &self.items {
            groups.entry(self.theme_of(item)).or_default().push(item);
        }
        groups
    }

    /// The pictures the board's items show (images and link previews), each once, in
    /// name order.
    pub fn image_assets(&self) -> std::collections::BTreeSet<&super::AssetName> {
        self.items.iter().filter_map(|i| i.kind.picture()).collect()
    }

    /// The ids of everything on the board that a tombstone can name: items, themes,
    /// dots, responses and connectors.
    pub fn live_ids(&self) -> impl Iterator<Item = &str> {
        self.items
            .iter()
            .map(|i| i.id.as_str())
            .chain(self.themes.iter().map(|t| t.id.as_str()))
            .chain(self.votes.iter().map(|v| v.id.as_str()))
            .chain(self.responses.iter().map(|r| r.id.as_str()))
            .chain(self.connectors.iter().map(|c| c.id.as_str()))
    }

    /// Whether an item or theme with this id was deleted.
    pub fn is_deleted(&self, id: &str) -> bool {
        self.deleted.contains(id)
    }

    /// The tombstone of a deleted id.
    pub fn tombstone(&self, id: &str) -> Option<&Tombstone> {
        self.deleted.get(id)
    }
}

impl HasId for Theme {
    fn id_str(&self) -> &str {
        self.id.as_str()
    }
}

impl HasId for Tombstone {
    fn id_str(&self) -> &str {
        &self.id
    }
}

impl HasId for Item {
    fn id_str(&self) -> &str {
        self.id.as_str()
    }
}

impl HasId for Vote {
    fn id_str(&self) -> &str {
        self.id.as_str()
    }
}

impl HasId for Response {
    fn id_str(&self) -> &str {
        self.id.as_str()
    }
}

impl HasId for Connector {
    fn id_str(&self) -> &str {
        self.id.as_str()
    }
}
