//! Merging two boards, so that people who changed copies apart (by email, a synced
//! folder, git) end up with one board that holds everyone's ideas — and so that a board
//! from a stranger, or from a computer whose clock is wrong, can never take ours apart.
//!
//! **Copies of one board** (the same board id) merge per id (item, theme, dot,
//! response):
//! - the candidates are each copy's version and each copy's tombstone;
//! - the version with the newest stamp wins (ties: the version whose text sorts last,
//!   so every machine picks the same one);
//! - a tombstone deletes that version only if it *saw* it: `saw` (the stamp of the
//!   version the deleter removed) is at least the winning version's stamp. A version
//!   made later by someone who had not seen the deletion survives it.
//!
//! Because each id's result is the maximum of its candidates, this is commutative,
//! associative and idempotent: copies merged in any order converge. Stamps come from
//! the board's hybrid logical clock ([`super::clock`]), so a change made after seeing
//! another wins whatever the two computers' clocks say.
//!
//! **Stamps from the future.** A version or tombstone of something we already have whose
//! stamp is later than the [`horizon`](super::clock::horizon) (a day past this computer's
//! clock) is held back, not applied, and named in [`Merged::refused`]: trusted as it
//! is, a stamp of 9999 would win against every change anyone makes for ever. New ideas
//! come in whatever their stamp; they take nothing away.
//!
//! **Another board** (another id) only ever adds: its items, themes, dots and responses
//! with ids we have never had come in (its own-team ideas marked as from another team,
//! [`super::lens::mark_outside_in`]); its versions of our things, its deletions and its
//! title, goals and session are never applied. What they would have changed is named
//! in [`Merged::refused`].
//!
//! An item may name a theme that a merge deleted (someone sorted an idea into a theme
//! while someone else deleted the theme). The item keeps the reference and is shown as
//! unsorted ([`Board::theme_of`]); if the theme comes back, so does the grouping.

use std::cmp::Ordering;
use std::collections::{BTreeMap, HashSet};

use serde::Serialize;

use super::id_list::{HasId, IdList};
use super::{Board, Item, Response, Theme, Timestamp, Tombstone, Vote};
use crate::i18n::{Message, Said};

mod changes;

pub use changes::{Change, MergeSummary, diff, summarise};

/// The result of a merge: the merged board and what was not taken.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    pub board: Board,
    /// Changes of the other board that were not applied, and why.
    pub refused: Vec<Refusal>,
}

/// One change the other board carried that a merge did not apply.
#[derive(Clone, Debug, PartialEq)]
pub struct Refusal {
    /// The id of what it concerned ("" for the board's words or session).
    pub id: String,
    /// What it concerned, for people: `note “Open shelves?”`.
    pub what: Message,
    pub why: Refused,
}

/// Why a change was not applied.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refused {
    /// Another board's version of something of ours.
    ChangeFromAnotherBoard,
    /// Another board's deletion of something of ours.
    DeletionFromAnotherBoard,
    /// Another board still has something we deleted.
    RevivalFromAnotherBoard,
    /// A change stamped later than the horizon.
    ChangeFromTheFuture(Timestamp),
    /// A deletion stamped later than the horizon.
    DeletionFromTheFuture(Timestamp),
}

impl Said for Refusal {
    fn message(&self) -> Message {
        let (id, at) = match self.why {
            Refused::ChangeFromAnotherBoard => ("refused-change-other-board", None),
            Refused::DeletionFromAnotherBoard => ("refused-deletion-other-board", None),
            Refused::RevivalFromAnotherBoard => ("refused-revival-other-board", None),
            Refused::ChangeFromTheFuture(at) => ("refused-change-future", Some(at)),
            Refused::DeletionFromTheFuture(at) => ("refused-deletion-future", Some(at)),
        };
        let message = Message::new(id).with("what", self.what.clone());
        match at {
            Some(at) => message.with("at", at.to_short_string()),
            None => message,
        }
    }
}

crate::said_in_english!(Refusal);

/// What merge needs of a record: its id, the stamp that orders its versions, and words
/// for people.
trait Versioned: HasId + Clone + PartialEq + Serialize {
    fn stamp(&self) -> Timestamp;
    /// What it is, for people: `note “Open shelves?”`.
    fn describe(&self) -> Message;
}

impl Versioned for Item {
    fn stamp(&self) -> Timestamp {
        self.modified
    }
    fn describe(&self) -> Message {
        Message::new("merge-what-item")
            .with("kind", Message::new_owned(self.kind.spec().name_id()))
            .with("summary", super::one_line(&self.kind.summary(), 60))
    }
}

impl Versioned for Theme {
    fn stamp(&self) -> Timestamp {
        self.modified
    }
    fn describe(&self) -> Message {
        Message::new("merge-what-theme").with("name", super::one_line(&self.name, 60))
    }
}

impl Versioned for Vote {
    fn stamp(&self) -> Timestamp {
        self.at
    }
    fn describe(&self) -> Message {
        Message::new("merge-what-dot").with("by", super::one_line(&self.by, 40))
    }
}

impl Versioned for Response {
    fn stamp(&self) -> Timestamp {
        self.at
    }
    fn describe(&self) -> Message {
        let id =
            if matches!(self.answer, super::Answer::Reply(_)) { "merge-what-reply" } else { "merge-what-reaction" };
        Message::new(id).with("by", super::one_line(&self.by, 40))
    }
}

/// Merges `theirs` into `ours`, trusting stamps up to `horizon` (normally
/// [`super::clock::horizon`] of now). For copies of one board, the board is the same
/// whichever is `ours` as long as no stamp passes the horizon. See the module's rules.
pub fn merge(ours: &Board, theirs: &Board, horizon: Timestamp) -> Merged {
    if ours.id == theirs.id { merge_copies(ours, theirs, horizon) } else { merge_other_board(ours, theirs) }
}

/// [`merge`] at this moment: stamps up to a day past this computer's clock are trusted.
pub fn merge_now(ours: &Board, theirs: &Board) -> Merged {
    merge(ours, theirs, super::clock::horizon(Timestamp::now()))
}

/// Everything [`merge_copies`] collects while it goes through the ids.
struct Copies<'a> {
    ours: &'a Board,
    theirs: &'a Board,
    horizon: Timestamp,
    deleted: BTreeMap<&'a str, &'a Tombstone>,
    /// Ids with versions in either copy, already decided.
    seen: HashSet<&'a str>,
    refused: Vec<Refusal>,
}

fn newest<'a, T: Versioned>(a: Option<&'a T>, b: Option<&'a T>) -> Option<&'a T> {
    match (a, b) {
        (Some(a), Some(b)) => {
            let order = b.stamp().cmp(&a.stamp()).then_with(|| text_of(b).cmp(&text_of(a)));
            Some(if order == Ordering::Greater { b } else { a })
        }
        (a, b) => a.or(b),
    }
}

fn latest_tombstone<'a>(a: Option<&'a Tombstone>, b: Option<&'a Tombstone>) -> Option<&'a Tombstone> {
    match (a, b) {
        (Some(a), Some(b)) => {
            let key = |t: &Tombstone| (t.saw, t.at, t.by.clone());
            Some(if key(b) > key(a) { b } else { a })
        }
        (a, b) => a.or(b),
    }
}

/// The state of one id: alive with a version, or deleted with a tombstone.
#[derive(Clone, Copy, Debug, PartialEq)]
enum State<'a, T> {
    Alive(&'a T),
    Deleted(&'a Tombstone),
}

fn resolve<'a, T: Versioned>(version: Option<&'a T>, tombstone: Option<&'a Tombstone>) -> Option<State<'a, T>> {
    match (version, tombstone) {
        (Some(v), Some(t)) if t.saw >= v.stamp() => Some(State::Deleted(t)),
        (Some(v), _) => Some(State::Alive(v)),
        (None, Some(t)) => Some(State::Deleted(t)),
        (None, None) => None,
    }
}

impl<'a> Copies<'a> {
    /// Decides every id of one kind of record; returns the live versions.
    fn kind<T: Versioned>(&mut self, ours: &'a IdList<T>, theirs: &'a IdList<T>) -> Vec<T> {
        let mut alive = Vec::new();
        for id in ours.iter().chain(theirs.iter()).map(HasId::id_str) {
            if !self.seen.insert(id) {
                continue;
            }
            let (ov, tv) = (ours.get(id), theirs.get(id));
            let (ot, tt) = (self.ours.tombstone(id), self.theirs.tombstone(id));
            let known = ov.is_some() || ot.is_some();
            let future_version = tv.filter(|v| known && v.stamp() > self.horizon);
            let future_tombstone = tt.filter(|t| known && t.saw > self.horizon);
            let trusted = resolve(
                newest(ov, tv.filter(|_| future_version.is_none())),
                latest_tombstone(ot, tt.filter(|_| future_tombstone.is_none())),
            );
            if future_version.is_some() || future_tombstone.is_some() {
                let full = resolve(newest(ov, tv), latest_tombstone(ot, tt));
                if full != trusted {
                    let what = tv.or(ov).map_or_else(|| Message::new("plain").with("text", id), Versioned::describe);
                    let why = match (full, future_version) {
                        (Some(State::Alive(_)), Some(v)) => Refused::ChangeFromTheFuture(v.stamp()),
                        (_, _) => Refused::DeletionFromTheFuture(tt.map_or(Timestamp::MAX, |t| t.saw)),
                    };
                    self.refused.push(Refusal { id: id.to_owned(), what, why });
                }
            }
            match trusted {
                Some(State::Alive(v)) => alive.push(v.clone()),
                Some(State::Deleted(t)) => {
                    self.deleted.insert(id, t);
                }
                None => {}
            }
        }
        alive
    }

    /// Tombstones of ids that neither copy has a version of.
    fn orphan_tombstones(&mut self) {
        for id in self.ours.deleted.iter().chain(self.theirs.deleted.iter()).map(|t| t.id.as_str()) {
            if self.seen.contains(id) || self.deleted.contains_key(id) {
                continue;
            }
            let (ot, tt) = (self.ours.tombstone(id), self.theirs.tombstone(id));
            let tt = tt.filter(|t| ot.is_none() || t.saw <= self.horizon);
            if let Some(t) = latest_tombstone(ot, tt) {
                self.deleted.insert(id, t);
            }
        }
    }
}

fn merge_copies(ours: &Board, theirs: &Board, horizon: Timestamp) -> Merged {
    let mut c = Copies { ours, theirs, horizon, deleted: BTreeMap::new(), seen: HashSet::new(), refused: Vec::new() };
    let items = c.kind(&ours.items, &theirs.items);
    let themes = c.kind(&ours.themes, &theirs.themes);
    let votes = c.kind(&ours.votes, &theirs.votes);
    let responses = c.kind(&ours.responses, &theirs.responses);
    c.orphan_tombstones();

    let mut board = ours.clone();
    board.items = items.into();
    board.themes = themes.into();
    board.votes = votes.into();
    board.responses = responses.into();
    board.deleted = c.deleted.into_values().cloned().collect();
    board.votes.sort_by(|a, b| a.id.cmp(&b.id));
    board.responses.sort_by(|a, b| a.id.cmp(&b.id));
    board.sort_items();
    super::sort_themes(&mut board);
    let mut refused = c.refused;

    // The board's words and its session: one unit each, decided by their own stamp.
    let meta = |b: &Board| (b.modified, text_of(&(&b.title, &b.description, &b.goals)));
    if meta(theirs) > meta(ours) {
        if theirs.modified > horizon {
            refused.push(Refusal {
                id: String::new(),
                what: Message::new("merge-what-meta"),
                why: Refused::ChangeFromTheFuture(theirs.modified),
            });
        } else {
            board.title = theirs.title.clone();
            board.description = theirs.description.clone();
            board.goals = theirs.goals.clone();
            board.modified = theirs.modified;
        }
    }
    board.created = ours.created.min(theirs.created);
    let session = |b: &Board| (b.session.modified, text_of(&b.session));
    if session(theirs) > session(ours) {
        if theirs.session.modified > horizon {
            refused.push(Refusal {
                id: String::new(),
                what: Message::new("merge-what-session"),
                why: Refused::ChangeFromTheFuture(theirs.session.modified),
            });
        } else {
            board.session = theirs.session.clone();
        }
    }
    Merged { board, refused }
}

fn merge_other_board(ours: &Board, theirs: &Board) -> Merged {
    let mut board = ours.clone();
    let mut refused = Vec::new();
    // New themes first, so that new items may name them.
    add_unknown(ours, &ours.themes, &theirs.themes, &mut refused, |t| board.themes.push(t));
    add_unknown(ours, &ours.items, &theirs.items, &mut refused, |mut item| {
        // What they call their own team is, from here, another team.
        super::lens::mark_outside_in(&mut item);
        // A theme they deleted does not come with them: such an idea is unsorted here.
        if item.theme.as_ref().is_some_and(|t| !board.knows_theme(t)) {
            item.theme = None;
        }
        board.items.push(item);
    });
    add_unknown(ours, &ours.votes, &theirs.votes, &mut refused, |v| board.votes.push(v));
    add_unknown(ours, &ours.responses, &theirs.responses, &mut refused, |r| board.responses.push(r));
    // Their deletions of our things are never applied, nor carried.
    for t in &theirs.deleted {
        let id = t.id.as_str();
        let ours_alive = ours.items.get(id).map(|v| (v.stamp(), v.describe())).or_else(|| {
            ours.themes
                .get(id)
                .map(|v| (v.stamp(), v.describe()))
                .or_else(|| ours.votes.get(id).map(|v| (v.stamp(), v.describe())))
                .or_else(|| ours.responses.get(id).map(|v| (v.stamp(), v.describe())))
        });
        if let Some((stamp, what)) = ours_alive
            && t.saw >= stamp
        {
            refused.push(Refusal { id: id.to_owned(), what, why: Refused::DeletionFromAnotherBoard });
        }
    }
    board.votes.sort_by(|a, b| a.id.cmp(&b.id));
    board.responses.sort_by(|a, b| a.id.cmp(&b.id));
    board.sort_items();
    super::sort_themes(&mut board);
    Merged { board, refused }
}

/// Hands each record of `theirs` with an id `board` has never had (alive or deleted)
/// to `add`; for the others, notes what they would have changed. `ours` is the
/// board's list of the same kind.
fn add_unknown<T: Versioned>(
    board: &Board,
    ours: &IdList<T>,
    theirs: &IdList<T>,
    refused: &mut Vec<Refusal>,
    mut add: impl FnMut(T),
) {
    for record in theirs {
        let id = record.id_str();
        let known = board.items.contains(id)
            || board.themes.contains(id)
            || board.votes.contains(id)
            || board.responses.contains(id)
            || board.is_deleted(id);
        if known {
            refuse_other(ours, board, record, refused);
        } else {
            add(record.clone());
        }
    }
}

/// Notes what another board's version of one of our things would have done.
fn refuse_other<T: Versioned>(ours: &IdList<T>, board: &Board, theirs: &T, refused: &mut Vec<Refusal>) {
    let id = theirs.id_str();
    let why = match (ours.get(id), board.tombstone(id)) {
        (Some(ov), _) if newest(Some(ov), Some(theirs)) != Some(ov) => Refused::ChangeFromAnotherBoard,
        (None, Some(t)) if theirs.stamp() > t.saw => Refused::RevivalFromAnotherBoard,
        // Ours is as new, or it was deleted after their version: nothing would change.
        _ => return,
    };
    refused.push(Refusal { id: id.to_owned(), what: theirs.describe(), why });
}

/// A version's full text, the tie-break between two versions changed at the same time.
fn text_of<T: Serialize>(value: &T) -> String {
    ron::to_string(value).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ItemId;
    use crate::model::{ItemKind, Pos, Size};

    fn t(ms: i64) -> Timestamp {
        Timestamp::from_unix_millis(ms)
    }

    const HORIZON: i64 = 1_000_000;

    fn note(text: &str, at: i64) -> Item {
        let mut item = Item::new(ItemKind::note(text), Pos { x: 0.0, y: 0.0 }, "Ann", "own team", t(at));
        item.size = Size { w: 200.0, h: 100.0 };
        item
    }

    fn tombstone(id: &ItemId, saw: i64, at: i64) -> Tombstone {
        Tombstone { id: id.to_string(), at: t(at), by: "Ann".into(), saw: t(saw) }
    }

    #[test]
    fn a_deletion_covers_what_it_saw_and_not_what_came_after() {
        let mut a = Board::new("A", t(0));
        let item = note("first", 10);
        a.items.push(item.clone());
        let mut b = a.clone();
        // b deleted the version it saw (10), stamped far later by its fast clock.
        b.items.clear();
        b.deleted.push(tombstone(&item.id, 10, 900_000));
        // a, not having seen that, rewrote the note at 20: the rewrite survives.
        let mut rewritten = item.clone();
        rewritten.kind = ItemKind::note("second");
        rewritten.modified = t(20);
        a.items = vec![rewritten.clone()].into();
        let m = merge(&a, &b, t(HORIZON)).board;
        assert_eq!(m.items.to_vec(), vec![rewritten]);
        assert!(m.deleted.is_empty());
        // The original version stays deleted against an old copy.
        let old = merge(
            &b,
            &{
                let mut o = b.clone();
                o.deleted.clear();
                o.items.push(item);
                o
            },
            t(HORIZON),
        );
        assert!(old.board.items.is_empty());
    }

    #[test]
    fn changes_from_the_future_are_held_back_and_named() {
        let mut ours = Board::new("A", t(0));
        let link = note("ours", 10);
        ours.items.push(link.clone());
        let mut theirs = ours.clone();
        theirs.items[0].kind = ItemKind::note("hijacked");
        theirs.items[0].modified = t(HORIZON + 1);
        let new_idea = note("theirs, dated late", HORIZON * 5);
        theirs.items.push(new_idea.clone());
        let merged = merge(&ours, &theirs, t(HORIZON));
        assert_eq!(merged.board.item(&link.id), Some(&link), "ours is kept");
        assert!(merged.board.item(&new_idea.id).is_some(), "a new idea comes in whatever its date");
        assert_eq!(merged.refused.len(), 1);
        assert_eq!(merged.refused[0].why, Refused::ChangeFromTheFuture(t(HORIZON + 1)));
        assert!(merged.refused[0].to_string().contains("note “hijacked”"), "{}", merged.refused[0]);
    }

    #[test]
    fn another_board_only_adds() {
        let mut ours = Board::new("Ours", t(0));
        let kept = note("ours", 10);
        let deleted = note("deleted here", 5);
        ours.items.push(kept.clone());
        ours.deleted.push(tombstone(&deleted.id, 5, 6));
        let mut theirs = Board::new("Theirs", t(0));
        let mut changed = kept.clone();
        changed.kind = ItemKind::note("theirs");
        changed.modified = t(50);
        theirs.items.push(changed);
        let mut revived = deleted.clone();
        revived.modified = t(60);
        theirs.items.push(revived);
        let fresh = note("new", 70);
        theirs.items.push(fresh.clone());
        theirs.deleted.push(tombstone(&kept.id, 9_999, 9_999));
        let merged = merge(&ours, &theirs, t(HORIZON));
        assert_eq!(merged.board.item(&kept.id), Some(&kept));
        assert!(merged.board.item(&deleted.id).is_none());
        assert_eq!(merged.board.item(&fresh.id).map(|i| i.source.as_str()), Some("other team"));
        assert_eq!(merged.board.deleted, ours.deleted, "their tombstones do not travel");
        let whys: Vec<Refused> = merged.refused.iter().map(|r| r.why).collect();
        assert_eq!(
            whys,
            [Refused::ChangeFromAnotherBoard, Refused::RevivalFromAnotherBoard, Refused::DeletionFromAnotherBoard]
        );
    }

    #[test]
    fn diff_applied_gives_the_merge() {
        let mut a = Board::new("A", t(0));
        a.items.push(note("ours", 5));
        let mut b = a.clone();
        let theme = b.new_theme("Theirs", t(7));
        b.themes.push(theme.clone());
        let mut theirs = note("theirs", 8);
        theirs.theme = Some(theme.id);
        b.items.push(theirs);
        b.items[0].modified = t(9);
        b.items[0].pos = Pos { x: 50.0, y: 50.0 };
        let merged = merge(&a, &b, t(HORIZON)).board;
        let mut applied = a.clone();
        let inverse = diff(&a, &merged).apply(&mut applied).unwrap();
        assert_eq!(applied, merged);
        let summary = summarise(&a, &merged);
        assert_eq!((summary.added.len(), summary.changed.len(), summary.themes_added), (1, 1, 1));
        inverse.apply(&mut applied).unwrap();
        assert_eq!(applied, a);
    }
}
