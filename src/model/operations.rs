//! The one way a board changes. Every change anyone makes (the app's document, the
//! command line's locked updates, the join server, the watcher, conflict copies, live
//! peers) and every copy merged in goes through these three, under one rule: a change is
//! stamped as made now, then the frame rules are kept in the same step, and if any part
//! of it cannot be made the board is left exactly as it was.
//!
//! - [`commit`]: an edit made now.
//! - [`add`]: new ideas, placed (in their theme's frame, or in free room outside every
//!   frame), stacked on top, written with who brought them and from where.
//! - [`merge_in`]: another copy or another board, its changes as that copy stamped them.

use super::frames;
use super::{
    Board, BoardRect, Edit, EditError, Item, ItemId, ItemKind, MergeSummary, Merged, Pos, Refusal, Size, Stamper,
    Theme, ThemeId, Timestamp, Trust, diff, merge_now, summarise,
};

/// The perspective of ideas added by the team itself (see [`super::lens`]).
pub use super::lens::OWN_TEAM;

/// Applies `edit` as a change made now, stamped by `clock` (later than everything the
/// board has seen; every removal leaves a tombstone), then keeps the frame rules in the
/// same step. All or nothing. Returns the edit that undoes all of it.
pub fn commit(board: &mut Board, edit: Edit, clock: &mut Stamper) -> Result<Edit, EditError> {
    if edit.is_empty() {
        return Ok(Edit::Batch(Vec::new()));
    }
    let touched = edit.clone();
    let reverse = edit.apply_stamped(board, clock)?;
    tidied(board, &touched, reverse)
}

/// The frame rules kept after `touched` was applied (`reverse` undoes it), keeping the
/// stamps of what the tidy moves (see [`frames::tidy`]); if they cannot be kept,
/// `touched` is undone and the error returned.
fn tidied(board: &mut Board, touched: &Edit, reverse: Edit) -> Result<Edit, EditError> {
    match frames::tidy_after(board, touched) {
        Ok(tidy) if tidy.is_empty() => Ok(reverse),
        Ok(tidy) => Ok(Edit::Batch(vec![tidy, reverse])),
        Err(e) => {
            reverse.apply(board).expect("the inverse of an applied edit applies");
            Err(e)
        }
    }
}

/// Who adds new ideas, and the perspective they bring ("own team", "customer", …).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Contributor<'a> {
    pub name: &'a str,
    pub source: &'a str,
}

impl<'a> Contributor<'a> {
    /// `name`, bringing the team's own perspective.
    pub fn own_team(name: &'a str) -> Self {
        Self { name, source: OWN_TEAM }
    }
}

/// Where a new idea goes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Place {
    /// Its top-left corner exactly here: the caller placed it (an import's grid, a
    /// canvas file's node, a place found round cards still on their way).
    At(Pos),
    /// In its theme's frame, or in the free room outside every frame nearest to having
    /// its top-left corner here, inside `within` where there is room (what is in view).
    Near { top_left: Pos, within: Option<BoardRect> },
    /// In its theme's frame, or beside what is on the board.
    Beside,
    /// In its theme's frame, or, unsorted, in the block where a live session's ideas from
    /// phones gather, in reading order ([`frames::arrival_spot`]).
    WithArrivals,
}

/// A new idea, and where it goes.
#[derive(Clone, Debug, PartialEq)]
pub struct NewIdea {
    pub kind: ItemKind,
    /// Its theme, if that is on the board (else it is unsorted).
    pub theme: Option<ThemeId>,
    pub place: Place,
    pub tags: Vec<String>,
    /// Its card's size; `None`: the kind's default size.
    pub size: Option<Size>,
}

impl NewIdea {
    /// `kind`, unsorted, beside what is on the board.
    pub fn new(kind: ItemKind) -> Self {
        Self { kind, theme: None, place: Place::Beside, tags: Vec::new(), size: None }
    }

    pub fn in_theme(self, theme: Option<ThemeId>) -> Self {
        Self { theme, ..self }
    }

    pub fn placed(self, place: Place) -> Self {
        Self { place, ..self }
    }

    pub fn tagged(self, tags: Vec<String>) -> Self {
        Self { tags, ..self }
    }

    pub fn sized(self, size: Size) -> Self {
        Self { size: Some(size), ..self }
    }
}

/// A connector between ideas being added (by their place in the list of ideas) or
/// themes (on the board or being added), added in the same step as they are.
#[derive(Clone, Debug, PartialEq)]
pub struct NewConnector {
    pub from: NewEnd,
    pub to: NewEnd,
    pub label: String,
    pub heads: super::Heads,
    pub dashed: bool,
}

/// One end of a [`NewConnector`].
#[derive(Clone, Debug, PartialEq)]
pub enum NewEnd {
    /// The idea at this place in the list of ideas added with it.
    Idea(usize),
    Theme(ThemeId),
}

/// What [`add`] added: the new items' ids in the order given, and the edit that takes
/// them all out again.
#[derive(Debug)]
pub struct Added {
    pub ids: Vec<ItemId>,
    pub reverse: Edit,
}

/// Adds `ideas` by `by` as one change made now (see [`commit`]): each placed where it
/// asks against the board with the ones before it, on top of every card in the order
/// given. All or nothing.
pub fn add(
    board: &mut Board,
    ideas: Vec<NewIdea>,
    by: Contributor<'_>,
    clock: &mut Stamper,
) -> Result<Added, EditError> {
    add_with_themes(board, Vec::new(), ideas, Vec::new(), by, clock)
}

/// [`add`], with new `themes` (which the ideas may be in) added first and `connectors`
/// between them after, in the same step. A connector whose ends are not both there, or
/// are one thing, is left out (the caller said which it could not join).
pub fn add_with_themes(
    board: &mut Board,
    themes: Vec<Theme>,
    ideas: Vec<NewIdea>,
    connectors: Vec<NewConnector>,
    by: Contributor<'_>,
    clock: &mut Stamper,
) -> Result<Added, EditError> {
    let now = Timestamp::now();
    let mut connectors = connectors.into_iter();
    let mut ids = Vec::with_capacity(ideas.len());
    let mut inserted = Vec::with_capacity(themes.len() + ideas.len());
    let mut reverses: Vec<Edit> = Vec::with_capacity(themes.len() + ideas.len());
    let (mut themes, mut ideas) = (themes.into_iter(), ideas.into_iter());
    // Each on top of the ones before it.
    let mut z = board.top_z();
    // Themes first, then each idea placed against the board with everything before it.
    loop {
        let edit = if let Some(theme) = themes.next() {
            Edit::InsertTheme(theme)
        } else if let Some(idea) = ideas.next() {
            let item = Item { z, ..new_item_under(board, idea, by, now) };
            z = z.saturating_add(1);
            ids.push(item.id.clone());
            Edit::InsertItem(Box::new(item))
        } else if let Some(new) = connectors.next() {
            let end = |e: NewEnd| match e {
                NewEnd::Idea(n) => ids.get(n).map(|id| super::End::Card(id.clone())),
                NewEnd::Theme(id) => Some(super::End::Frame(id)),
            };
            let (Some(from), Some(to)) = (end(new.from), end(new.to)) else { continue };
            let connector = super::Connector {
                label: super::connector::clean_label(&new.label),
                heads: new.heads,
                dashed: new.dashed,
                ..super::Connector::new(from, to, by.name, now)
            };
            if connector.check(board).is_err() {
                continue;
            }
            Edit::InsertConnector(connector)
        } else {
            break;
        };
        inserted.push(edit.clone());
        match edit.apply_stamped(board, clock) {
            Ok(reverse) => reverses.push(reverse),
            Err(e) => {
                for reverse in reverses.into_iter().rev() {
                    reverse.apply(board).expect("the inverse of an applied edit applies");
                }
                return Err(e);
            }
        }
    }
    reverses.reverse();
    let reverse = tidied(board, &Edit::Batch(inserted), Edit::Batch(reverses))?;
    Ok(Added { ids, reverse })
}

/// The item `idea` becomes on `board` as it is: placed, on top, unsorted if its theme
/// is not on the board. [`add`] adds it; the join server makes it here and adds it with
/// [`commit`] (queued to be written to the file later).
pub fn new_item(board: &Board, idea: NewIdea, by: Contributor<'_>, now: Timestamp) -> Item {
    Item { z: board.top_z(), ..new_item_under(board, idea, by, now) }
}

/// [`new_item`] at the bottom of the stack (`z` 0): the caller stacks it.
fn new_item_under(board: &Board, idea: NewIdea, by: Contributor<'_>, now: Timestamp) -> Item {
    let theme = idea.theme.filter(|t| board.theme(t).is_some());
    let size = idea.size.unwrap_or_else(|| idea.kind.default_size());
    let pos = match idea.place {
        Place::At(pos) => pos,
        Place::Near { top_left, within } => frames::place_card(board, theme.as_ref(), top_left, size, within),
        Place::Beside => frames::place_card(board, theme.as_ref(), frames::next_frame_spot(board), size, None),
        Place::WithArrivals => frames::place_card(board, theme.as_ref(), frames::arrival_spot(board, size), size, None),
    };
    let mut item = Item::new(idea.kind, pos, by.name, by.source, now);
    item.size = size;
    item.theme = theme;
    item.tags = idea.tags;
    item
}

/// What [`merge_in`] brought in and refused, and the edit that undoes it.
#[derive(Debug)]
pub struct MergedIn {
    pub summary: MergeSummary,
    pub refused: Vec<Refusal>,
    pub reverse: Edit,
}

/// Merges `other` (another copy of this board, trusted as far as `trust` says, or another
/// board, which may only add) into `board`: what it brings keeps the stamps that copy
/// gave it, then the frame rules are kept (ideas that came in find a free place, frames
/// keep apart; a tidy makes no new versions). All or nothing.
pub fn merge_in(board: &mut Board, other: &Board, trust: Trust) -> Result<MergedIn, EditError> {
    let Merged { board: merged, refused } = merge_now(board, other, trust);
    let summary = summarise(board, &merged);
    if merged == *board {
        return Ok(MergedIn { summary, refused, reverse: Edit::Batch(Vec::new()) });
    }
    let brought = diff(board, &merged);
    let reverse = brought.clone().apply(board)?;
    let reverse = tidied(board, &brought, reverse)?;
    Ok(MergedIn { summary, refused, reverse })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ItemChange, Theme};

    fn board_with_theme() -> (Board, ThemeId) {
        let now = Timestamp::now();
        let mut board = Board::new("b", now);
        let theme = board.new_theme("Light", now);
        let id = theme.id.clone();
        board.themes.push(theme);
        (board, id)
    }

    #[test]
    fn new_ideas_land_in_their_frame_on_top_and_off_each_other() {
        let (mut board, light) = board_with_theme();
        let mut clock = Stamper::now(&board, "Ann");
        let ideas = (0..3).map(|n| NewIdea::new(ItemKind::note(format!("idea {n}"))).in_theme(Some(light.clone())));
        let added = add(&mut board, ideas.collect(), Contributor::own_team("Ann"), &mut clock).unwrap();
        assert_eq!(added.ids.len(), 3);
        let items: Vec<&Item> = added.ids.iter().map(|id| board.item(id).unwrap()).collect();
        let frame = board.theme(&light).unwrap().frame;
        for (k, item) in items.iter().enumerate() {
            assert_eq!(item.theme.as_ref(), Some(&light));
            assert_eq!((item.contributor.as_str(), item.source.as_str()), ("Ann", OWN_TEAM));
            assert!(frame.contains(item.pos), "{k} is in its frame");
            for other in &items[k + 1..] {
                assert!(item.z < other.z, "stacked in the order given");
                let (a, b) =
                    (BoardRect::from_pos_size(item.pos, item.size), BoardRect::from_pos_size(other.pos, other.size));
                assert!(!a.intersects(b), "never on another new card");
            }
        }
        added.reverse.apply(&mut board).unwrap();
        assert!(board.items.is_empty(), "one step takes them all out");
    }

    #[test]
    fn a_change_that_cannot_be_made_leaves_the_board_as_it_was() {
        let (mut board, light) = board_with_theme();
        let mut clock = Stamper::now(&board, "Ann");
        add(&mut board, vec![NewIdea::new(ItemKind::note("kept"))], Contributor::own_team("Ann"), &mut clock).unwrap();
        let before = board.clone();
        let missing = ItemId::new_random();
        let edit = Edit::Batch(vec![
            Edit::InsertTheme(Theme { id: ThemeId::new_random(), ..board.theme(&light).unwrap().clone() }),
            Edit::ChangeItem { id: missing, change: ItemChange::Locked(true), at: Timestamp::now() },
        ]);
        assert!(commit(&mut board, edit, &mut clock).is_err());
        assert_eq!(board, before);
    }

    #[test]
    fn a_merge_brings_ideas_in_with_their_stamps_and_finds_them_room() {
        let (mut ours, light) = board_with_theme();
        let mut theirs = ours.clone();
        let mut clock = Stamper::now(&theirs, "Bob");
        let idea = NewIdea::new(ItemKind::note("from Bob")).in_theme(Some(light.clone()));
        let added = add(&mut theirs, vec![idea], Contributor::own_team("Bob"), &mut clock).unwrap();
        let stamped = theirs.item(&added.ids[0]).unwrap().modified;
        let merged = merge_in(&mut ours, &theirs, Trust::Colleague).unwrap();
        assert_eq!(merged.summary.added, added.ids);
        let item = ours.item(&added.ids[0]).unwrap();
        assert_eq!(item.modified, stamped, "Bob's stamp, not a new one");
        frames::check(&ours).unwrap();
        merged.reverse.apply(&mut ours).unwrap();
        assert!(ours.items.is_empty());
    }
}
