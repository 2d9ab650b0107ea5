//! Merging two copies of a board, so that people who changed copies apart (by email,
//! a synced folder, git) end up with one board that holds everyone's ideas.
//!
//! The rules, per item and per theme id:
//! - every copy's version of it, and every copy's tombstone for it, is a candidate;
//! - the newest version wins (`modified`, ties broken by comparing the versions' text,
//!   so every machine picks the same one);
//! - a tombstone at least as new as the newest version keeps it deleted, so an old copy
//!   cannot bring a deleted item back; a version newer than the tombstone revives it.
//!
//! Because each id's result is the maximum of its candidates, [`merge`] is
//! commutative, associative and idempotent for copies of one board: any number of people
//! merging in any order converge on the same board.
//!
//! An item may name a theme that a merge deleted (someone sorted an idea into a theme
//! while someone else deleted the theme). The item keeps the reference and is shown as
//! unsorted ([`Board::theme_of`]); if the theme comes back, so does the grouping.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use serde::Serialize;

use super::{Board, BoardMeta, Edit, Item, ItemId, Theme, Timestamp, Tombstone};

/// Merges `theirs` into `ours`. For copies of one board (same board id) the result does
/// not depend on the order of the arguments. For a different board, its items, themes
/// and tombstones come in (their own-team ideas marked as from another team, see
/// [`super::lens::mark_outside_in`]) and `ours` keeps its own id, title, description,
/// goals and session.
pub fn merge(ours: &Board, theirs: &Board) -> Board {
    // Another team's board: what they call their own team is, from here, outside-in.
    let marked;
    let theirs = if ours.id == theirs.id {
        theirs
    } else {
        let mut copy = theirs.clone();
        super::lens::mark_outside_in(&mut copy);
        marked = copy;
        &marked
    };
    let mut deleted: BTreeMap<&str, &Tombstone> = BTreeMap::new();
    for t in ours.deleted.iter().chain(&theirs.deleted) {
        deleted.entry(t.id.as_str()).and_modify(|old| *old = (*old).max(t)).or_insert(t);
    }

    let items = newest_by_id(&ours.items, &theirs.items, |i| i.id.as_str(), |i| i.modified);
    let themes = newest_by_id(&ours.themes, &theirs.themes, |t| t.id.as_str(), |t| t.modified);
    let votes = newest_by_id(&ours.votes, &theirs.votes, |v| v.id.as_str(), |v| v.at);
    let responses = newest_by_id(&ours.responses, &theirs.responses, |r| r.id.as_str(), |r| r.at);

    let mut board = ours.clone();
    let alive_item = |i: &&&Item| deleted.get(i.id.as_str()).is_none_or(|t| i.modified > t.at);
    let alive_theme = |t: &&&Theme| deleted.get(t.id.as_str()).is_none_or(|d| t.modified > d.at);
    board.items = items.values().filter(alive_item).map(|i| (*i).clone()).collect();
    board.themes = themes.values().filter(alive_theme).map(|t| (*t).clone()).collect();
    let alive_at = |id: &str, at: Timestamp| deleted.get(id).is_none_or(|d| at > d.at);
    board.votes = votes.values().filter(|v| alive_at(v.id.as_str(), v.at)).map(|v| (*v).clone()).collect();
    board.responses = responses.values().filter(|r| alive_at(r.id.as_str(), r.at)).map(|r| (*r).clone()).collect();
    let alive: BTreeSet<&str> = board.live_ids().collect();
    board.deleted = deleted.into_values().filter(|t| !alive.contains(t.id.as_str())).cloned().collect();
    board.sort_items();
    super::sort_themes(&mut board);

    if ours.id == theirs.id {
        let meta = |b: &Board| (b.modified, text_of(&(&b.title, &b.description, &b.goals)));
        if meta(theirs) > meta(ours) {
            board.title = theirs.title.clone();
            board.description = theirs.description.clone();
            board.goals = theirs.goals.clone();
            board.modified = theirs.modified;
        }
        board.created = ours.created.min(theirs.created);
        let session = |b: &Board| (b.session.modified, text_of(&b.session));
        if session(theirs) > session(ours) {
            board.session = theirs.session.clone();
        }
    }
    board
}

/// For each id in either list, the newest version.
fn newest_by_id<'a, T: Serialize>(
    ours: &'a [T],
    theirs: &'a [T],
    id: impl Fn(&T) -> &str,
    modified: impl Fn(&T) -> Timestamp,
) -> BTreeMap<&'a str, &'a T> {
    let mut newest: BTreeMap<&str, &T> = BTreeMap::new();
    for v in ours.iter().chain(theirs) {
        newest
            .entry(id(v))
            .and_modify(|old| {
                let order = modified(v).cmp(&modified(old)).then_with(|| text_of(v).cmp(&text_of(*old)));
                if order == Ordering::Greater {
                    *old = v;
                }
            })
            .or_insert(v);
    }
    // `ours` and `theirs` borrow from the caller for 'a; the map's keys borrow the same.
    newest
}

/// A version's full text, the tie-break between two versions changed at the same time.
fn text_of<T: Serialize>(value: &T) -> String {
    ron::to_string(value).unwrap_or_default()
}

/// What a merge changed, for the message after it and the "new from …" highlight.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergeSummary {
    pub added: Vec<ItemId>,
    pub changed: Vec<ItemId>,
    pub removed: Vec<ItemId>,
    pub themes_added: usize,
    /// Reactions and replies that came in.
    pub responses_added: usize,
}

impl MergeSummary {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.changed.is_empty()
            && self.removed.is_empty()
            && self.themes_added == 0
            && self.responses_added == 0
    }

    /// "3 new, 1 changed, 2 removed", or "nothing new".
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if !self.added.is_empty() {
            parts.push(format!("{} new", self.added.len()));
        }
        if !self.changed.is_empty() {
            parts.push(format!("{} changed", self.changed.len()));
        }
        if !self.removed.is_empty() {
            parts.push(format!("{} removed", self.removed.len()));
        }
        if self.themes_added > 0 {
            parts.push(format!("{} new theme{}", self.themes_added, if self.themes_added == 1 { "" } else { "s" }));
        }
        if self.responses_added > 0 {
            let n = self.responses_added;
            parts.push(format!("{n} new repl{}", if n == 1 { "y or reaction" } else { "ies and reactions" }));
        }
        if parts.is_empty() { "nothing new".to_owned() } else { parts.join(", ") }
    }
}

/// The items and themes that differ between `before` and `after`.
pub fn summarise(before: &Board, after: &Board) -> MergeSummary {
    let mut s = MergeSummary::default();
    let (old, new) = (items_by_id(before), items_by_id(after));
    for item in &after.items {
        match old.get(&item.id) {
            None => s.added.push(item.id.clone()),
            Some(old) if *old != item => s.changed.push(item.id.clone()),
            Some(_) => {}
        }
    }
    s.removed = before.items.iter().filter(|i| !new.contains_key(&i.id)).map(|i| i.id.clone()).collect();
    s.themes_added = after.themes.iter().filter(|t| before.theme(&t.id).is_none()).count();
    let old_responses: HashSet<&str> = before.responses.iter().map(|r| r.id.as_str()).collect();
    s.responses_added = after.responses.iter().filter(|r| !old_responses.contains(r.id.as_str())).count();
    s
}

fn items_by_id(board: &Board) -> HashMap<&ItemId, &Item> {
    board.items.iter().map(|i| (&i.id, i)).collect()
}

/// The edit that turns `before` into `after` (items, themes, tombstones and the board's
/// words), so that a merge can be applied, undone and redone like any other change.
pub fn diff(before: &Board, after: &Board) -> Edit {
    let mut edits = Vec::new();
    // First the tombstones of things this copy never had (or had deleted at another
    // time), so that items may name a theme the other copy deleted.
    let (old, new) = (items_by_id(before), items_by_id(after));
    let old_ids: HashSet<&str> = before.live_ids().collect();
    let old_deleted: BTreeSet<&Tombstone> = before.deleted.iter().collect();
    let was_alive = |id: &str| old_ids.contains(id);
    for t in &after.deleted {
        if !was_alive(&t.id) && !old_deleted.contains(t) {
            edits.push(Edit::SetTombstone { id: t.id.clone(), tombstone: Some(t.clone()) });
        }
    }
    for theme in &after.themes {
        match before.theme(&theme.id) {
            None => edits.push(Edit::InsertTheme(theme.clone())),
            Some(old) if old != theme => edits.push(Edit::ReplaceTheme(theme.clone())),
            Some(_) => {}
        }
    }
    for item in &after.items {
        match old.get(&item.id) {
            None => edits.push(Edit::InsertItem(Box::new(item.clone()))),
            Some(old) if *old != item => edits.push(Edit::ReplaceItem(Box::new(item.clone()))),
            Some(_) => {}
        }
    }
    let tombstones: HashMap<&str, &Tombstone> = after.deleted.iter().map(|t| (t.id.as_str(), t)).collect();
    let tombstone = |id: &str| tombstones.get(id).map(|t| (*t).clone());
    for item in before.items.iter().filter(|i| !new.contains_key(&i.id)) {
        edits.push(Edit::RemoveItem { id: item.id.clone(), tombstone: tombstone(item.id.as_str()) });
    }
    for theme in before.themes.iter().filter(|t| after.theme(&t.id).is_none()) {
        edits.push(Edit::RemoveTheme { id: theme.id.clone(), tombstone: tombstone(theme.id.as_str()) });
    }
    // Dots and responses never change once made: they come or they go.
    records(
        &mut edits,
        &before.votes,
        &after.votes,
        |v| v.id.as_str(),
        tombstone,
        |v| Edit::AddVote(v.clone()),
        |v, t| Edit::RemoveVote { id: v.id.clone(), tombstone: t },
    );
    records(
        &mut edits,
        &before.responses,
        &after.responses,
        |r| r.id.as_str(),
        tombstone,
        |r| Edit::AddResponse(r.clone()),
        |r, t| Edit::RemoveResponse { id: r.id.clone(), tombstone: t },
    );
    if before.session != after.session {
        edits.push(Edit::SetSession(Box::new(after.session.clone())));
    }
    let new_meta =
        BoardMeta { title: after.title.clone(), description: after.description.clone(), goals: after.goals.clone() };
    if before.meta() != new_meta || before.modified != after.modified {
        edits.push(Edit::SetMeta { meta: new_meta, at: after.modified });
    }
    Edit::Batch(edits)
}

/// The edits that turn one list of records that never change (dots, responses) into
/// another: removals (with their tombstone in `after`, if any), then additions; a record
/// whose content differs under the same id is removed and added again.
fn records<'a, T: PartialEq>(
    edits: &mut Vec<Edit>,
    before: &'a [T],
    after: &'a [T],
    id: impl Fn(&'a T) -> &'a str,
    tombstone: impl Fn(&str) -> Option<Tombstone>,
    add: impl Fn(&T) -> Edit,
    remove: impl Fn(&T, Option<Tombstone>) -> Edit,
) {
    let new: HashSet<&str> = after.iter().map(&id).collect();
    for record in before.iter().filter(|r| !new.contains(id(r))) {
        edits.push(remove(record, tombstone(id(record))));
    }
    let old: HashMap<&str, &T> = before.iter().map(|r| (id(r), r)).collect();
    for record in after {
        match old.get(id(record)) {
            None => edits.push(add(record)),
            Some(old) if *old != record => {
                edits.push(remove(record, None));
                edits.push(add(record));
            }
            Some(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ItemKind, Pos, Size};

    fn note(board: &Board, text: &str, at: i64) -> Item {
        let mut item = Item::new(
            ItemKind::Note { text: text.into() },
            Pos { x: 0.0, y: 0.0 },
            "Ann",
            "own team",
            Timestamp::from_unix_millis(at),
        );
        item.z = board.top_z();
        item.size = Size { w: 200.0, h: 100.0 };
        item
    }

    #[test]
    fn newest_change_wins_and_tombstones_keep_deletions() {
        let mut a = Board::new("A", Timestamp::from_unix_millis(0));
        let item = note(&a, "first", 10);
        a.items.push(item.clone());
        let mut b = a.clone();
        // b edits it later; a deletes it even later: the deletion wins.
        if let ItemKind::Note { text } = &mut b.items[0].kind {
            *text = "second".into();
        }
        b.items[0].modified = Timestamp::from_unix_millis(20);
        let tomb = Tombstone { id: item.id.to_string(), at: Timestamp::from_unix_millis(30), by: "Ann".into() };
        a.items.clear();
        a.deleted.push(tomb.clone());
        let m = merge(&a, &b);
        assert!(m.items.is_empty(), "the deletion is newer than the edit");
        assert_eq!(*m.deleted, vec![tomb]);
        // An old copy (the original) does not bring it back either.
        let original = {
            let mut o = a.clone();
            o.deleted.clear();
            o.items.push(item);
            o
        };
        assert!(merge(&m, &original).items.is_empty());
    }

    #[test]
    fn diff_applied_gives_the_merge() {
        let mut a = Board::new("A", Timestamp::from_unix_millis(0));
        a.items.push(note(&a, "ours", 5));
        let mut b = a.clone();
        let theme = b.new_theme("Theirs", Timestamp::from_unix_millis(7));
        b.themes.push(theme.clone());
        let mut theirs = note(&b, "theirs", 8);
        theirs.theme = Some(theme.id);
        b.items.push(theirs);
        b.items[0].modified = Timestamp::from_unix_millis(9);
        b.items[0].pos = Pos { x: 50.0, y: 50.0 };
        let merged = merge(&a, &b);
        let mut applied = a.clone();
        let inverse = diff(&a, &merged).apply(&mut applied).unwrap();
        assert_eq!(applied, merged);
        let summary = summarise(&a, &merged);
        assert_eq!((summary.added.len(), summary.changed.len(), summary.themes_added), (1, 1, 1));
        inverse.apply(&mut applied).unwrap();
        assert_eq!(applied, a);
    }
}
