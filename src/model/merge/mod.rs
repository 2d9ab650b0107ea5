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
//! **Stamps from the future.** A version or tombstone whose stamp is later than the
//! [`horizon`](super::clock::horizon) (a day past this computer's clock) is held back,
//! not applied, and named in [`Merged::refused`], whether or not we have its record yet:
//! trusted as it is, a stamp of 9999 would win against every change anyone makes for
//! ever, and one stored for a record we do not have yet would take a colleague's idea
//! when it arrives.
//!
//! **Ids are typed**: an id names one kind of record. A record of theirs whose id is one
//! of ours of another kind (their note with the id of our theme) is not taken, and named.
//!
//! **A board id is not a password**: anyone who ever had a copy has it. How far a copy
//! is trusted is the caller's to say ([`Trust`]): a colleague's copy (our own sync, git,
//! a live peer) merges as above; a copy someone sends back as a file gives only its new
//! ideas until the person merging accepts its deletions and changes too.
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
use super::{Board, Connector, Item, Response, Theme, Timestamp, Tombstone, Vote};
use crate::i18n::{Message, Said};

mod changes;
mod delta;
mod only_new;

pub use changes::{Change, MergeSummary, diff, summarise};
pub use delta::{Summary, delta, overlay, summary};

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
    /// This computer's clock when it was refused: what a date from the future is ahead of.
    pub clock: Timestamp,
}

/// Why a change was not applied.
#[derive(Clone, Debug, PartialEq)]
pub enum Refused {
    /// Another board's version of something of ours.
    ChangeFromAnotherBoard,
    /// Another board's deletion of something of ours.
    DeletionFromAnotherBoard,
    /// Another board still has something we deleted.
    RevivalFromAnotherBoard,
    /// A change stamped later than the horizon.
    ChangeFromTheFuture(Timestamp),
    /// A new record stamped later than the horizon.
    NewFromTheFuture(Timestamp),
    /// A deletion stamped later than the horizon.
    DeletionFromTheFuture(Timestamp),
    /// A copy's change to something of ours, not accepted by the person merging.
    ChangeUnconfirmed,
    /// A copy's deletion of something of ours, not accepted by the person merging.
    DeletionUnconfirmed,
    /// A copy still has something we deleted; bringing it back was not accepted.
    RevivalUnconfirmed,
    /// Their record has the id of one of ours of another kind (described here).
    IdOfAnotherKind(Message),
    /// A connector one of whose ends is not on the merged board (one copy drew it while
    /// another deleted the end, or its end did not come): left off the board.
    ConnectorEndGone,
}

impl Said for Refusal {
    fn message(&self) -> Message {
        let (id, at) = match &self.why {
            Refused::ChangeFromAnotherBoard => ("refused-change-other-board", None),
            Refused::DeletionFromAnotherBoard => ("refused-deletion-other-board", None),
            Refused::RevivalFromAnotherBoard => ("refused-revival-other-board", None),
            Refused::ChangeFromTheFuture(at) => ("refused-change-future", Some(*at)),
            Refused::NewFromTheFuture(at) => ("refused-new-future", Some(*at)),
            Refused::DeletionFromTheFuture(at) => ("refused-deletion-future", Some(*at)),
            Refused::ChangeUnconfirmed => ("refused-change-unconfirmed", None),
            Refused::DeletionUnconfirmed => ("refused-deletion-unconfirmed", None),
            Refused::RevivalUnconfirmed => ("refused-revival-unconfirmed", None),
            Refused::ConnectorEndGone => ("refused-connector-end-gone", None),
            Refused::IdOfAnotherKind(ours) => {
                return Message::new("refused-id-of-another-kind")
                    .with("what", self.what.clone())
                    .with("ours", ours.clone());
            }
        };
        let message = Message::new(id).with("what", self.what.clone());
        match at {
            Some(at) => message
                .with("at", at.to_short_string())
                .with("ahead", ahead_of(at, self.clock))
                .with("today", self.clock.to_short_string()),
            None => message,
        }
    }
}

/// How far `at` lies ahead of `clock`, for people, rounded: "3 days", "5 months", "a year".
fn ahead_of(at: Timestamp, clock: Timestamp) -> Message {
    let days = (at.unix_millis().saturating_sub(clock.unix_millis())).max(0) as f64 / 86_400_000.0;
    let round = |v: f64| v.round().max(1.0) as i64;
    if days < 60.0 {
        Message::new("ahead-days").with("count", days.floor() as i64)
    } else if days < 350.0 {
        Message::new("ahead-months").with("count", round(days / 30.4))
    } else {
        Message::new("ahead-years").with("count", round(days / 365.25))
    }
}

/// This computer's clock when the merge trusting stamps up to `horizon` was made.
fn clock_of(horizon: Timestamp) -> Timestamp {
    horizon.plus_millis(-super::clock::MAX_CLOCK_AHEAD_MS)
}

/// How far a copy of this board is trusted (see the module). A board id is not a
/// password: anyone who ever received a copy or a pack of the board has it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trust {
    /// A copy that came by the team's own way of sharing the board: the file changed by
    /// a synced folder, a sync tool's conflict copy, git, a live peer. All its changes
    /// apply.
    Colleague,
    /// A copy someone sent back as a file, merged by hand: its new ideas come in; its
    /// deletions, its changes to what we have, and its title, goals and session are
    /// named, not applied. Merged again as [`Trust::Colleague`] once the person merging
    /// accepts them.
    NewIdeasOnly,
}

crate::said_as_printed!(Refusal);

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

impl Versioned for Connector {
    fn stamp(&self) -> Timestamp {
        self.modified
    }
    fn describe(&self) -> Message {
        if self.label.trim().is_empty() {
            Message::new("merge-what-connector")
        } else {
            Message::new("merge-what-connector-labelled").with("label", super::one_line(&self.label, 40))
        }
    }
}

/// Names the connectors this merge leaves off the board (seen on ours, unseen on the
/// merged board: an end is gone). A copy of this board keeps them, unseen, so that
/// merging stays the same in any order; from another board, only what can be shown comes.
fn connectors_left_off(ours: &Board, theirs: &Board, merged: &mut Merged, horizon: Timestamp) {
    let left_off = |connector: &Connector| Refusal {
        id: connector.id.to_string(),
        what: connector.describe(),
        why: Refused::ConnectorEndGone,
        clock: clock_of(horizon),
    };
    if ours.id != theirs.id {
        // Ours stay as they were; theirs come only if they can be shown.
        let connectors = std::mem::take(&mut merged.board.connectors).into_vec();
        let (kept, left): (Vec<Connector>, Vec<Connector>) = connectors
            .into_iter()
            .partition(|c| ours.connectors.contains(c.id.as_str()) || merged.board.shows_connector(c));
        merged.refused.extend(left.iter().map(left_off));
        merged.board.connectors = kept.into();
        return;
    }
    // Only what we saw is named: a connector new to us that cannot be shown was never on
    // our board (it stays, unseen, in case its end comes).
    for connector in merged.board.connectors.iter() {
        let seen_before = ours.connector(&connector.id).is_some_and(|c| ours.shows_connector(c));
        if seen_before && !merged.board.shows_connector(connector) {
            merged.refused.push(left_off(connector));
        }
    }
}

/// Merges `theirs` into `ours`, trusting stamps up to `horizon` (normally
/// [`super::clock::horizon`] of now) and the copy as far as `trust` says. For copies of
/// one board merged as colleagues, the board is the same whichever is `ours` as long as
/// no stamp passes the horizon. See the module's rules.
pub fn merge(ours: &Board, theirs: &Board, horizon: Timestamp, trust: Trust) -> Merged {
    let mut merged = match (ours.id == theirs.id, trust) {
        (true, Trust::Colleague) => merge_copies(ours, theirs, horizon),
        (true, Trust::NewIdeasOnly) => only_new::merge(ours, theirs, horizon, only_new::From::UnconfirmedCopy),
        (false, _) => only_new::merge(ours, theirs, horizon, only_new::From::AnotherBoard),
    };
    connectors_left_off(ours, theirs, &mut merged, horizon);
    merged
}

/// [`merge`] at this moment: stamps up to a day past this computer's clock are trusted.
pub fn merge_now(ours: &Board, theirs: &Board, trust: Trust) -> Merged {
    merge(ours, theirs, super::clock::horizon(Timestamp::now()), trust)
}

/// The kinds of record, which own their ids (see the module).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Kind {
    Item,
    Theme,
    Dot,
    Response,
    Connector,
}

/// Every live record of `board` by id: its kind and what it is, for people.
fn kinds_of(board: &Board) -> std::collections::HashMap<&str, (Kind, Message)> {
    let mut kinds = std::collections::HashMap::new();
    kinds.extend(board.items.iter().map(|r| (r.id_str(), (Kind::Item, r.describe()))));
    kinds.extend(board.themes.iter().map(|r| (r.id_str(), (Kind::Theme, r.describe()))));
    kinds.extend(board.votes.iter().map(|r| (r.id_str(), (Kind::Dot, r.describe()))));
    kinds.extend(board.responses.iter().map(|r| (r.id_str(), (Kind::Response, r.describe()))));
    kinds.extend(board.connectors.iter().map(|r| (r.id_str(), (Kind::Connector, r.describe()))));
    kinds
}

/// Everything [`merge_copies`] collects while it goes through the ids.
struct Copies<'a> {
    ours: &'a Board,
    theirs: &'a Board,
    horizon: Timestamp,
    /// Which kind owns each id: ours first, then theirs as they are taken.
    owner: std::collections::HashMap<&'a str, (Kind, Message)>,
    deleted: BTreeMap<&'a str, &'a Tombstone>,
    /// Ids with versions in either copy, by kind, already decided.
    seen: HashSet<(Kind, &'a str)>,
    /// Ids with versions in either copy, of any kind.
    versioned: HashSet<&'a str>,
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
    fn kind<T: Versioned>(&mut self, kind: Kind, ours: &'a IdList<T>, theirs: &'a IdList<T>) -> Vec<T> {
        let clock = clock_of(self.horizon);
        let mut alive = Vec::new();
        for id in ours.iter().chain(theirs.iter()).map(HasId::id_str) {
            if !self.seen.insert((kind, id)) {
                continue;
            }
            self.versioned.insert(id);
            let (ov, mut tv) = (ours.get(id), theirs.get(id));
            if let Some(v) = tv {
                match self.owner.get(id) {
                    Some((owner, what)) if *owner != kind => {
                        let why = Refused::IdOfAnotherKind(what.clone());
                        self.refused.push(Refusal { id: id.to_owned(), what: v.describe(), why, clock });
                        tv = None;
                        if ov.is_none() {
                            continue;
                        }
                    }
                    Some(_) => {}
                    None => {
                        self.owner.insert(id, (kind, v.describe()));
                    }
                }
            }
            let (ot, tt) = (self.ours.tombstone(id), self.theirs.tombstone(id));
            let future_version = tv.filter(|v| v.stamp() > self.horizon);
            let future_tombstone = tt.filter(|t| t.saw > self.horizon);
            let trusted = resolve(
                newest(ov, tv.filter(|_| future_version.is_none())),
                latest_tombstone(ot, tt.filter(|_| future_tombstone.is_none())),
            );
            if future_version.is_some() || future_tombstone.is_some() {
                let full = resolve(newest(ov, tv), latest_tombstone(ot, tt));
                if full != trusted {
                    let what = tv.or(ov).map_or_else(|| Message::new("plain").with("text", id), Versioned::describe);
                    let known = ov.is_some() || ot.is_some();
                    let why = match (full, future_version) {
                        (Some(State::Alive(_)), Some(v)) if known => Refused::ChangeFromTheFuture(v.stamp()),
                        (Some(State::Alive(_)), Some(v)) => Refused::NewFromTheFuture(v.stamp()),
                        (_, _) => Refused::DeletionFromTheFuture(tt.map_or(Timestamp::MAX, |t| t.saw)),
                    };
                    self.refused.push(Refusal { id: id.to_owned(), what, why, clock });
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
        let clock = clock_of(self.horizon);
        for id in self.ours.deleted.iter().chain(self.theirs.deleted.iter()).map(|t| t.id.as_str()) {
            if self.versioned.contains(id) || self.deleted.contains_key(id) {
                continue;
            }
            let (ot, tt) = (self.ours.tombstone(id), self.theirs.tombstone(id));
            if let Some(t) = tt.filter(|t| t.saw > self.horizon) {
                let what = Message::new("merge-what-unknown").with("id", id);
                self.refused.push(Refusal {
                    id: id.to_owned(),
                    what,
                    why: Refused::DeletionFromTheFuture(t.saw),
                    clock,
                });
            }
            let tt = tt.filter(|t| t.saw <= self.horizon);
            if let Some(t) = latest_tombstone(ot, tt) {
                self.deleted.insert(id, t);
            }
        }
    }
}

fn merge_copies(ours: &Board, theirs: &Board, horizon: Timestamp) -> Merged {
    let mut c = Copies {
        ours,
        theirs,
        horizon,
        owner: kinds_of(ours),
        deleted: BTreeMap::new(),
        seen: HashSet::new(),
        versioned: HashSet::new(),
        refused: Vec::new(),
    };
    let items = c.kind(Kind::Item, &ours.items, &theirs.items);
    let themes = c.kind(Kind::Theme, &ours.themes, &theirs.themes);
    let votes = c.kind(Kind::Dot, &ours.votes, &theirs.votes);
    let responses = c.kind(Kind::Response, &ours.responses, &theirs.responses);
    let connectors = c.kind(Kind::Connector, &ours.connectors, &theirs.connectors);
    c.orphan_tombstones();

    let mut board = ours.clone();
    board.themes = themes.into();
    board.deleted = c.deleted.values().map(|t| (*t).clone()).collect();
    // A theme held back (dated from the future) does not come with its ideas: they are
    // unsorted here, like the ideas of a theme we never had.
    let mut items = items;
    for item in items.iter_mut() {
        if item.theme.as_ref().is_some_and(|t| !board.knows_theme(t)) {
            item.theme = None;
        }
    }
    board.items = items.into();
    board.votes = votes.into();
    board.responses = responses.into();
    board.connectors = connectors.into();
    board.votes.sort_by(|a, b| a.id.cmp(&b.id));
    board.responses.sort_by(|a, b| a.id.cmp(&b.id));
    board.connectors.sort_by(|a, b| a.id.cmp(&b.id));
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
                clock: clock_of(horizon),
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
                clock: clock_of(horizon),
            });
        } else {
            board.session = theirs.session.clone();
        }
    }
    Merged { board, refused }
}

/// A version's full text, the tie-break between two versions changed at the same time.
fn text_of<T: Serialize>(value: &T) -> String {
    ron::to_string(value).unwrap_or_default()
}

#[cfg(test)]
mod tests;
