//! What one copy of a board lacks of another, for live boards (`src/live`): a
//! [`Summary`] says which version of each record a copy holds (a short hash per id), a
//! [`delta`] is the part of a board the other copy does not hold in that version, and
//! [`overlay`] puts a received delta over our board so that the usual merge
//! ([`super::merge`], through `operations::merge_in`) can decide, record by record, as it
//! would for the whole copy.
//!
//! A delta is itself a board (same id, title, goals and session, with only some
//! records), so it travels as the file format and is read by the same hostile parser.
//! Why this is the same as merging the whole copy: merge decides each id from the two
//! copies' versions and tombstones only; a record left out of a delta is one the
//! receiver already holds in the sender's version, so its decision does not change.
//! The law is a property in `tests/merge.rs`: `merge(A, overlay(A, delta(B,
//! summary(A))))` equals `merge(A, B)`, for hostile copies too.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::super::id_list::{HasId, IdList};
use super::super::{Board, Tombstone};

/// Which version of each record a copy holds: id → a hash of the record's full text.
/// Records, tombstones, the board's words and its session are kept apart, as an id can
/// be both a tombstone and (in another copy) a record.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub records: BTreeMap<String, u64>,
    pub deleted: BTreeMap<String, u64>,
    pub meta: u64,
    pub session: u64,
}

impl Summary {
    /// How many entries it holds (what a peer checks against its limit).
    pub fn len(&self) -> usize {
        self.records.len() + self.deleted.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Notes that the other copy now holds `part` too (after sending it, or after
    /// receiving it from them).
    pub fn absorb(&mut self, part: &Board) {
        let other = summary(part);
        for (id, hash) in other.records {
            self.deleted.remove(&id);
            self.records.insert(id, hash);
        }
        for (id, hash) in other.deleted {
            self.records.remove(&id);
            self.deleted.insert(id, hash);
        }
        self.meta = other.meta;
        self.session = other.session;
    }
}

/// A short hash of a value's full text: two versions of a record differ in it.
fn hash_of<T: Serialize>(value: &T) -> u64 {
    let text = ron::to_string(value).unwrap_or_default();
    let hash = blake3::hash(text.as_bytes());
    u64::from_le_bytes(hash.as_bytes()[..8].try_into().expect("eight bytes"))
}

fn meta_hash(board: &Board) -> u64 {
    hash_of(&(&board.title, &board.description, &board.goals, board.modified))
}

/// Which version of each record `board` holds.
pub fn summary(board: &Board) -> Summary {
    let mut records = BTreeMap::new();
    fn add<T: HasId + Serialize>(into: &mut BTreeMap<String, u64>, list: &IdList<T>) {
        into.extend(list.iter().map(|r| (r.id_str().to_owned(), hash_of(r))));
    }
    add(&mut records, &board.items);
    add(&mut records, &board.themes);
    add(&mut records, &board.votes);
    add(&mut records, &board.responses);
    add(&mut records, &board.connectors);
    let deleted = board.deleted.iter().map(|t| (t.id.clone(), hash_of(t))).collect();
    Summary { records, deleted, meta: meta_hash(board), session: hash_of(&board.session) }
}

/// The part of `board` a copy summarised by `theirs` does not hold in this version:
/// a board with this board's id, words and session, its themes that differ, and only
/// the records and tombstones that differ. `None` when there is nothing to send.
pub fn delta(board: &Board, theirs: &Summary) -> Option<Board> {
    let differs = |id: &str, hash: u64| theirs.records.get(id) != Some(&hash);
    fn pick<T: HasId + Serialize + Clone>(list: &IdList<T>, keep: impl Fn(&str, u64) -> bool) -> IdList<T> {
        list.iter().filter(|r| keep(r.id_str(), hash_of(*r))).cloned().collect::<Vec<_>>().into()
    }
    let mut part = board.clone();
    part.items = pick(&board.items, differs);
    part.themes = pick(&board.themes, differs);
    part.votes = pick(&board.votes, differs);
    part.responses = pick(&board.responses, differs);
    part.connectors = pick(&board.connectors, differs);
    part.deleted = board
        .deleted
        .iter()
        .filter(|t| theirs.deleted.get(&t.id) != Some(&hash_of(*t)))
        .cloned()
        .collect::<Vec<_>>()
        .into();
    let words_differ = theirs.meta != meta_hash(board) || theirs.session != hash_of(&board.session);
    let empty = part.items.is_empty()
        && part.themes.is_empty()
        && part.votes.is_empty()
        && part.responses.is_empty()
        && part.connectors.is_empty()
        && part.deleted.is_empty();
    (!empty || words_differ).then_some(part)
}

/// Our board as the sender of `part` (a [`delta`]) holds it, as far as we know: ours
/// with their records and tombstones in place of ours (a tombstone of theirs takes the
/// record of that id out, as it is not on their board), their words and session. Merged
/// into ours, it gives what merging their whole copy would. A part of another board (other
/// id) is returned as it is: it only ever adds.
pub fn overlay(ours: &Board, part: &Board) -> Board {
    if ours.id != part.id {
        return part.clone();
    }
    let mut board = ours.clone();
    fn put<T: HasId + Clone>(into: &mut IdList<T>, from: &IdList<T>) {
        for record in from.iter() {
            match into.position(record.id_str()) {
                Some(at) => {
                    into.replace(at, record.clone());
                }
                None => into.push(record.clone()),
            }
        }
    }
    fn take_out<T: HasId>(list: &mut IdList<T>, id: &str) {
        if let Some(at) = list.position(id) {
            list.remove(at);
        }
    }
    for tombstone in part.deleted.iter() {
        take_out(&mut board.items, &tombstone.id);
        take_out(&mut board.themes, &tombstone.id);
        take_out(&mut board.votes, &tombstone.id);
        take_out(&mut board.responses, &tombstone.id);
        take_out(&mut board.connectors, &tombstone.id);
    }
    put(&mut board.items, &part.items);
    put(&mut board.themes, &part.themes);
    put(&mut board.votes, &part.votes);
    put(&mut board.responses, &part.responses);
    put(&mut board.connectors, &part.connectors);
    let mut deleted: Vec<Tombstone> = board.deleted.iter().filter(|t| !part.deleted.contains(&t.id)).cloned().collect();
    deleted.extend(part.deleted.iter().cloned());
    deleted.sort_by(|a, b| a.id.cmp(&b.id));
    board.deleted = deleted.into();
    board.title = part.title.clone();
    board.description = part.description.clone();
    board.goals = part.goals.clone();
    board.modified = part.modified;
    board.session = part.session.clone();
    board.votes.sort_by(|a, b| a.id.cmp(&b.id));
    board.responses.sort_by(|a, b| a.id.cmp(&b.id));
    board.connectors.sort_by(|a, b| a.id.cmp(&b.id));
    board.sort_items();
    super::super::sort_themes(&mut board);
    board
}
