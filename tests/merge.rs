//! The merge laws and the merge's promises, as properties.
//!
//! - Copies of one board merged in any order, any number of times, converge on one
//!   board. Copies are generated with few ids, few distinct times and few distinct
//!   texts, so that the same item is often changed, deleted and revived on several
//!   copies at the same moment.
//! - Stamps from beyond the horizon (a clock far ahead, a hostile file dated 9999) take
//!   nothing of ours away and change nothing of ours.
//! - Another board only adds.
//! - People with clocks a year apart, editing, deleting, undoing and merging each
//!   other's copies: a change made after seeing a copy is never undone by that copy.

use moodboard::model::{
    Answer, Board, BoardId, Connector, Edit, End, History, Item, ItemChange, ItemId, ItemKind, Phase, Pos, Reaction,
    Refused, Response, ResponseId, Stamper, Theme, ThemeId, Timestamp, Tombstone, Trust, Vote, VoteId, diff, merge,
};
use moodboard::storage::repair;
use proptest::prelude::*;

const ITEM_IDS: [&str; 5] = ["i0", "i1", "i2", "i3", "i4"];
const THEME_IDS: [&str; 2] = ["t0", "t1"];
const VOTE_IDS: [&str; 3] = ["v0", "v1", "v2"];
const RESPONSE_IDS: [&str; 3] = ["r0", "r1", "r2"];
const CONNECTOR_IDS: [&str; 3] = ["c0", "c1", "c2"];

const BASE: i64 = 1_700_000_000_000;

/// Stamps trusted up to here in these tests.
fn horizon() -> Timestamp {
    Timestamp::from_unix_millis(BASE + 100_000)
}

/// Time number `t`: 0–3 are ordinary seconds; 4 is just past the horizon and 5 the end
/// of time (what a hostile file would write).
fn at(t: u8) -> Timestamp {
    match t {
        4 => horizon().plus_millis(1),
        5 => Timestamp::MAX,
        t => Timestamp::from_unix_millis(BASE + i64::from(t) * 1000),
    }
}

/// One copy's view of one id: maybe a version (time, text, theme), maybe a tombstone
/// (what it saw, who).
#[derive(Clone, Debug)]
struct Slot {
    version: Option<(u8, u8, u8)>,
    tombstone: Option<(u8, u8)>,
}

fn slot(times: u8) -> impl Strategy<Value = Slot> {
    (proptest::option::of((0u8..times, 0u8..3, 0u8..3)), proptest::option::of((0u8..times, 0u8..2)))
        .prop_map(|(version, tombstone)| Slot { version, tombstone })
}

#[derive(Clone, Debug)]
struct Copy {
    items: Vec<Slot>,
    themes: Vec<Slot>,
    meta: (u8, u8),
    votes: Vec<Slot>,
    responses: Vec<Slot>,
    /// Connectors: the version's numbers pick the ends (a card or a frame) and the label.
    connectors: Vec<Slot>,
    /// The session's modified time and phase.
    session: (u8, u8),
}

/// A copy whose times are all before the horizon (`times` = 4), or any time including
/// the future (`times` = 6).
fn copy_with(times: u8) -> impl Strategy<Value = Copy> {
    (
        proptest::collection::vec(slot(times), ITEM_IDS.len()),
        proptest::collection::vec(slot(times), THEME_IDS.len()),
        (0u8..times, 0u8..3),
        proptest::collection::vec(slot(times), VOTE_IDS.len()),
        proptest::collection::vec(slot(times), RESPONSE_IDS.len()),
        proptest::collection::vec(slot(times), CONNECTOR_IDS.len()),
        (0u8..times, 0u8..4),
    )
        .prop_map(|(items, themes, meta, votes, responses, connectors, session)| Copy {
            items,
            themes,
            meta,
            votes,
            responses,
            connectors,
            session,
        })
}

fn copy() -> impl Strategy<Value = Copy> {
    copy_with(4)
}

fn hostile_copy() -> impl Strategy<Value = Copy> {
    copy_with(6)
}

fn tombstone(id: &str, saw: u8, who: u8) -> Tombstone {
    let by = ["Ann", "Bo"];
    // Deleted a moment after what it saw, by the deleter's clock.
    Tombstone { id: id.into(), at: at(saw).plus_millis(500), by: by[usize::from(who)].into(), saw: at(saw) }
}

/// Builds a valid board (as a file would load) from a generated copy.
fn board_with_id(copy: &Copy, id: &str) -> Board {
    // Deletions first: a board as a file holds them (the app only makes them by deleting).
    let mut deleted = Vec::new();
    let mut bury = |slot: Option<(u8, u8)>, id: &str| {
        if let Some((t, who)) = slot {
            deleted.push(tombstone(id, t, who));
        }
    };
    copy.themes.iter().zip(THEME_IDS).for_each(|(slot, id)| bury(slot.tombstone, id));
    copy.items.iter().zip(ITEM_IDS).for_each(|(slot, id)| bury(slot.tombstone, id));
    copy.votes.iter().zip(VOTE_IDS).for_each(|(slot, id)| bury(slot.tombstone, id));
    copy.responses.iter().zip(RESPONSE_IDS).for_each(|(slot, id)| bury(slot.tombstone, id));
    copy.connectors.iter().zip(CONNECTOR_IDS).for_each(|(slot, id)| bury(slot.tombstone, id));
    let mut b = Board::restored(BoardId::parse(id).unwrap(), at(0), at(copy.meta.0), deleted);
    b.title = format!("Title {}", copy.meta.1);
    let by = ["Ann", "Bo"];
    for (slot, id) in copy.themes.iter().zip(THEME_IDS) {
        if let Some((t, name, rank)) = slot.version {
            b.themes.push(Theme {
                id: ThemeId::parse(id).unwrap(),
                name: format!("Theme {name}"),
                colour: "#E4B363".into(),
                description: String::new(),
                rank: i64::from(rank),
                frame: moodboard::model::BoardRect::from_pos_size(
                    moodboard::model::Pos::new(0.0, 0.0),
                    moodboard::model::Size::new(600.0, 400.0),
                ),
                locked: false,
                modified: at(t),
            });
        }
    }
    for (index, (slot, id)) in copy.items.iter().zip(ITEM_IDS).enumerate() {
        if let Some((t, text, theme)) = slot.version {
            let mut item = Item::new(
                ItemKind::note(format!("idea {text}")),
                Pos::new(10.0 * index as f32, f32::from(text)),
                by[usize::from(text % 2)],
                "own team",
                at(0),
            );
            item.id = ItemId::parse(id).unwrap();
            item.modified = at(t);
            item.z = i64::from(text);
            item.theme = THEME_IDS.get(usize::from(theme)).map(|t| ThemeId::parse(t).unwrap());
            b.items.push(item);
        }
    }
    // Dots and responses: the version's numbers pick the item and what was said.
    for (slot, id) in copy.votes.iter().zip(VOTE_IDS) {
        if let Some((t, item, who)) = slot.version {
            let item = ItemId::parse(ITEM_IDS[usize::from(item)]).unwrap();
            b.votes.push(Vote { id: VoteId::parse(id).unwrap(), item, by: by[usize::from(who % 2)].into(), at: at(t) });
        }
    }
    for (slot, id) in copy.responses.iter().zip(RESPONSE_IDS) {
        if let Some((t, item, what)) = slot.version {
            let answer = match what {
                0 => Answer::Reaction(Reaction::Like),
                1 => Answer::Reaction(Reaction::Question),
                _ => Answer::Reply(format!("reply {t}")),
            };
            b.responses.push(Response {
                id: ResponseId::parse(id).unwrap(),
                item: ItemId::parse(ITEM_IDS[usize::from(item)]).unwrap(),
                by: by[usize::from(what % 2)].into(),
                answer,
                at: at(t),
            });
        }
    }
    for (slot, id) in copy.connectors.iter().zip(CONNECTOR_IDS) {
        if let Some((t, from, to)) = slot.version {
            let from = usize::from(from);
            let card = |n: usize| End::Card(ItemId::parse(ITEM_IDS[n % ITEM_IDS.len()]).unwrap());
            let to = if to == 2 {
                End::Frame(ThemeId::parse(THEME_IDS[0]).unwrap())
            } else {
                card(from + 1 + usize::from(to))
            };
            let mut connector = Connector::new(card(from), to, by[usize::from(t % 2)], at(t));
            connector.id = moodboard::model::ConnectorId::parse(id).unwrap();
            connector.label = format!("label {t}");
            connector.dashed = from == 1;
            b.connectors.push(connector);
        }
    }
    b.session.modified = at(copy.session.0);
    b.session.phase = [Phase::Off, Phase::Collect, Phase::Vote, Phase::React][usize::from(copy.session.1)];
    // What a loaded file looks like: sorted, no id both alive and deleted, no reference
    // to a theme that never existed.
    let _ = repair(&mut b);
    b
}

fn board(copy: &Copy) -> Board {
    board_with_id(copy, "shared-board")
}

fn m(a: &Board, b: &Board) -> Board {
    merge(a, b, horizon(), Trust::Colleague).board
}

/// Every id the board knows: alive, or deleted.
fn known(board: &Board, id: &str) -> bool {
    board.live_ids().any(|l| l == id) || board.is_deleted(id)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn merge_is_commutative(a in copy(), b in copy()) {
        let (a, b) = (board(&a), board(&b));
        prop_assert_eq!(m(&a, &b), m(&b, &a));
    }

    #[test]
    fn merge_is_associative(a in copy(), b in copy(), c in copy()) {
        let (a, b, c) = (board(&a), board(&b), board(&c));
        prop_assert_eq!(m(&m(&a, &b), &c), m(&a, &m(&b, &c)));
    }

    #[test]
    fn merge_is_idempotent(a in copy(), b in copy()) {
        let (a, b) = (board(&a), board(&b));
        prop_assert_eq!(m(&a, &a), a.clone());
        let ab = m(&a, &b);
        prop_assert_eq!(m(&ab, &b), ab.clone());
        prop_assert_eq!(m(&ab, &a), ab);
    }

    /// Nothing is lost: every id ends up either on the merged board or in its
    /// tombstones, and a version no tombstone saw is never dropped.
    #[test]
    fn merge_keeps_every_idea(a in copy(), b in copy()) {
        let (a, b) = (board(&a), board(&b));
        let merged = m(&a, &b);
        for item in a.items.iter().chain(&b.items) {
            let newest_saw = a.deleted().iter().chain(b.deleted().iter()).filter(|t| t.id == item.id.as_str()).map(|t| t.saw).max();
            let kept = merged.item(&item.id);
            prop_assert!(kept.is_some() || merged.is_deleted(item.id.as_str()));
            if newest_saw.is_none_or(|saw| item.modified > saw) {
                prop_assert!(kept.is_some_and(|k| k.modified >= item.modified), "{} was lost", item.id);
            }
        }
        // Every dot and response is kept or remembered as taken back.
        for id in a.votes.iter().chain(&b.votes).map(|v| v.id.as_str())
            .chain(a.responses.iter().chain(&b.responses).map(|r| r.id.as_str()))
        {
            let kept = merged.votes.iter().any(|v| v.id.as_str() == id) || merged.responses.iter().any(|r| r.id.as_str() == id);
            prop_assert!(kept || merged.is_deleted(id), "{} was lost", id);
        }
    }

    /// Applying the merge as an edit gives the merged board, and its inverse gives back
    /// the board before: a merge is one undo step.
    #[test]
    fn merge_as_an_edit_undoes_exactly(a in copy(), b in hostile_copy()) {
        let (a, b) = (board(&a), board(&b));
        let merged = m(&a, &b);
        let mut applied = a.clone();
        let inverse = diff(&a, &merged).apply(&mut applied).unwrap();
        prop_assert_eq!(&applied, &merged);
        inverse.apply(&mut applied).unwrap();
        prop_assert_eq!(applied, a);
    }

    /// Live boards send only what the other copy lacks: merging that part (put over our
    /// board) gives what merging the whole copy gives, for hostile copies too; and once
    /// the merge is sent back, nothing is left to send.
    #[test]
    fn a_delta_merges_as_the_whole_copy_would(a in copy(), b in hostile_copy()) {
        use moodboard::model::delta::{delta, overlay, summary};
        let (ours, theirs) = (board(&a), board(&b));
        let whole = merge(&ours, &theirs, horizon(), Trust::Colleague);
        let by_delta = match delta(&theirs, &summary(&ours)) {
            Some(part) => merge(&ours, &overlay(&ours, &part), horizon(), Trust::Colleague),
            None => merge(&ours, &ours, horizon(), Trust::Colleague),
        };
        prop_assert_eq!(&by_delta.board, &whole.board);
        prop_assert_eq!(by_delta.refused.len(), whole.refused.len());
        let mut known = summary(&theirs);
        if let Some(part) = delta(&whole.board, &known) {
            known.absorb(&part);
        }
        prop_assert!(delta(&whole.board, &known).is_none());
    }

    /// A copy stamped from the future (a clock far ahead, or a hostile file) takes
    /// nothing of ours away, changes nothing of ours with a stamp beyond the horizon,
    /// names each change it holds back, and merging it again changes nothing more.
    #[test]
    fn stamps_from_the_future_never_take_ours_apart(a in copy(), b in hostile_copy()) {
        let (ours, theirs) = (board(&a), board(&b));
        let merged = merge(&ours, &theirs, horizon(), Trust::Colleague);
        for item in &ours.items {
            match merged.board.item(&item.id) {
                Some(kept) => prop_assert!(
                    kept == item || kept.modified <= horizon(),
                    "{} was changed by a stamp from the future", item.id
                ),
                None => {
                    let t = merged.board.tombstone(item.id.as_str()).unwrap();
                    prop_assert!(t.saw <= horizon() && t.saw >= item.modified, "{} was deleted by {:?}", item.id, t);
                }
            }
        }
        for item in &merged.board.items {
            if known(&ours, item.id.as_str()) && ours.item(&item.id) != Some(item) {
                prop_assert!(item.modified <= horizon(), "a future version of {} came in", item.id);
            }
        }
        for r in &merged.refused {
            // What we do not have yet is held back only for its date (a colleague's idea
            // of that id must not be taken when it arrives).
            let for_its_date = matches!(r.why, Refused::NewFromTheFuture(_) | Refused::DeletionFromTheFuture(_));
            prop_assert!(r.id.is_empty() || known(&ours, &r.id) || for_its_date, "{} was refused but new", r.id);
        }
        for item in &theirs.items {
            if !known(&ours, item.id.as_str()) && item.modified > horizon() {
                prop_assert!(merged.board.item(&item.id).is_none(), "{} from the future came in", item.id);
            }
        }
        prop_assert_eq!(m(&merged.board, &theirs), merged.board.clone(), "merging it again changes more");
    }

    /// Another board only adds: our items, themes, dots, responses, tombstones, title and
    /// session stay exactly as they were, whatever its stamps.
    #[test]
    fn another_board_only_adds(a in copy(), b in hostile_copy()) {
        let ours = board(&a);
        let theirs = board_with_id(&b, "someone-elses-board");
        let merged = merge(&ours, &theirs, horizon(), Trust::Colleague).board;
        for item in &ours.items {
            prop_assert_eq!(merged.item(&item.id), Some(item));
        }
        for theme in &ours.themes {
            prop_assert_eq!(merged.theme(&theme.id), Some(theme));
        }
        prop_assert_eq!(&merged.deleted(), &ours.deleted());
        prop_assert_eq!((&merged.title, &merged.goals, &merged.session), (&ours.title, &ours.goals, &ours.session));
        // Their new ideas come in, but for those dated past the horizon (held back).
        let new = |i: &&Item| !known(&ours, i.id.as_str()) && i.modified <= horizon();
        for item in theirs.items.iter().filter(new) {
            prop_assert!(merged.item(&item.id).is_some(), "their new idea {} is missing", item.id);
        }
        prop_assert_eq!(merged.items.len(), ours.items.len() + theirs.items.iter().filter(new).count());
    }
}

// ---------------------------------------------------------------------------------------
// People with skewed clocks.

const YEAR_MS: i64 = 365 * 24 * 60 * 60 * 1000;

/// One person's copy of the board, their clock's offset from true time, and their undo.
struct Person {
    board: Board,
    offset_ms: i64,
    history: History,
    name: &'static str,
}

impl Person {
    fn clock(&self, true_time: i64) -> Stamper {
        Stamper::new(&self.board, Timestamp::from_unix_millis(true_time + self.offset_ms), self.name)
    }

    fn horizon(&self, true_time: i64) -> Timestamp {
        moodboard::model::horizon(Timestamp::from_unix_millis(true_time + self.offset_ms))
    }

    fn apply(&mut self, edit: Edit, true_time: i64) {
        let mut clock = self.clock(true_time);
        // An edit that no longer applies (its item went in a merge) is just not made.
        let _ = self.history.apply(&mut self.board, edit, &mut clock, "step");
    }

    fn merge_in(&mut self, other: &Board, true_time: i64) {
        self.board = merge(&self.board, other, self.horizon(true_time), Trust::Colleague).board;
    }
}

#[derive(Clone, Debug)]
enum Op {
    Add(u8),
    Rewrite(u8, u8),
    Delete(u8),
    Undo,
    Redo,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0u8..3).prop_map(Op::Add),
        (0u8..3, 0u8..3).prop_map(|(i, t)| Op::Rewrite(i, t)),
        (0u8..3).prop_map(Op::Delete),
        Just(Op::Undo),
        Just(Op::Redo),
    ]
}

fn note_id(i: u8, who: &str) -> ItemId {
    ItemId::parse(&format!("{who}-{i}")).unwrap()
}

/// Carries out one operation on one of the notes anyone has made.
fn run(person: &mut Person, op: &Op, true_time: i64) {
    let target = |i: u8, board: &Board| {
        board.items.as_slice().get(usize::from(i) % board.items.len().max(1)).map(|it| it.id.clone())
    };
    match *op {
        Op::Add(i) => {
            let mut item = Item::new(
                ItemKind::note(format!("{}'s idea {i}", person.name)),
                Pos::new(0.0, 0.0),
                person.name,
                "own team",
                Timestamp::from_unix_millis(true_time + person.offset_ms),
            );
            item.id = note_id(i, person.name);
            if person.board.item(&item.id).is_none() && !person.board.is_deleted(item.id.as_str()) {
                person.apply(Edit::InsertItem(Box::new(item)), true_time);
            }
        }
        Op::Rewrite(i, text) => {
            if let Some(id) = target(i, &person.board) {
                let kind = ItemKind::note(format!("{} rewrote it ({text})", person.name));
                person.apply(Edit::ChangeItem { id, change: ItemChange::Kind(kind), at: Timestamp::EPOCH }, true_time);
            }
        }
        Op::Delete(i) => {
            if let Some(id) = target(i, &person.board) {
                let edit = Edit::delete_items(&person.board, [&id], Timestamp::EPOCH, person.name);
                person.apply(edit, true_time);
            }
        }
        Op::Undo => {
            let mut clock = person.clock(true_time);
            let _ = person.history.undo(&mut person.board, &mut clock);
        }
        Op::Redo => {
            let mut clock = person.clock(true_time);
            let _ = person.history.redo(&mut person.board, &mut clock);
        }
    }
}

fn offset() -> impl Strategy<Value = i64> {
    prop_oneof![Just(-YEAR_MS), Just(-3_600_000), Just(0), Just(3_600_000), Just(YEAR_MS)]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Alice and Bob, clocks up to a year off, take turns: one works on their copy, then
    /// merges the other's. Whatever Alice did after merging Bob's copy, merging that same
    /// copy again undoes none of it: later intent wins, whatever the clocks say.
    #[test]
    fn a_copy_already_seen_never_undoes_what_came_after(
        alice_offset in offset(),
        bob_offset in offset(),
        rounds in proptest::collection::vec((proptest::collection::vec(op(), 0..4), proptest::collection::vec(op(), 0..4)), 1..5),
    ) {
        let shared = Board::new("Shared", Timestamp::from_unix_millis(BASE));
        let mut alice = Person { board: shared.clone(), offset_ms: alice_offset, history: History::default(), name: "alice" };
        let mut bob = Person { board: shared, offset_ms: bob_offset, history: History::default(), name: "bob" };
        let mut now = BASE;
        for (alice_ops, bob_ops) in &rounds {
            for op in bob_ops {
                now += 1000;
                run(&mut bob, op, now);
            }
            now += 1000;
            let bobs_copy = bob.board.clone();
            alice.merge_in(&bobs_copy, now);
            for op in alice_ops {
                now += 1000;
                run(&mut alice, op, now);
            }
            now += 1000;
            let again = merge(&alice.board, &bobs_copy, alice.horizon(now), Trust::Colleague).board;
            prop_assert_eq!(&again, &alice.board, "Bob's copy, merged again, changed Alice's later work");
            now += 1000;
            bob.merge_in(&alice.board, now);
            let again = merge(&bob.board, &alice.board, bob.horizon(now), Trust::Colleague).board;
            prop_assert_eq!(&again, &bob.board);
        }
    }

    /// With clocks within the horizon of each other (an hour off), two people who merge
    /// each other's copies end up with the same board.
    #[test]
    fn copies_converge_when_clocks_are_within_a_day(
        bob_offset in prop_oneof![Just(-3_600_000i64), Just(0), Just(3_600_000)],
        alice_ops in proptest::collection::vec(op(), 0..6),
        bob_ops in proptest::collection::vec(op(), 0..6),
    ) {
        let shared = Board::new("Shared", Timestamp::from_unix_millis(BASE));
        let mut alice = Person { board: shared.clone(), offset_ms: 0, history: History::default(), name: "alice" };
        let mut bob = Person { board: shared, offset_ms: bob_offset, history: History::default(), name: "bob" };
        let mut now = BASE;
        for (a, b) in alice_ops.iter().zip(bob_ops.iter().chain(std::iter::repeat(&Op::Undo))) {
            now += 1000;
            run(&mut alice, a, now);
            run(&mut bob, b, now);
        }
        now += 1000;
        let alices = alice.board.clone();
        alice.merge_in(&bob.board, now);
        bob.merge_in(&alices, now);
        prop_assert_eq!(alice.board, bob.board);
    }
}

#[test]
fn a_different_board_brings_its_ideas_but_not_its_title() {
    let ours = board(&Copy {
        items: vec![],
        themes: vec![],
        meta: (3, 1),
        votes: vec![],
        responses: vec![],
        connectors: vec![],
        session: (0, 0),
    });
    let mut theirs = Board::new("Customer visit", at(9));
    theirs.goals.push("Hear the customer".into());
    theirs.items.push(Item::new(ItemKind::note("Too loud"), Pos::new(0.0, 0.0), "Kim", "customer", at(3)));
    let merged = m(&ours, &theirs);
    assert_eq!(merged.id(), ours.id());
    assert_eq!(merged.title, ours.title);
    assert!(merged.goals.is_empty());
    assert_eq!(merged.items.len(), 1);
    assert_eq!(merged.items[0].contributor, "Kim", "who brought it is kept");
    assert_eq!(merged.items[0].source, "customer");
}

// The three clock stories from the attack on the earlier build, told exactly.

fn alice_and_bob(bob_offset_ms: i64) -> (Person, Person) {
    let shared = Board::new("Shared", Timestamp::from_unix_millis(BASE));
    let alice = Person { board: shared.clone(), offset_ms: 0, history: History::default(), name: "alice" };
    let bob = Person { board: shared, offset_ms: bob_offset_ms, history: History::default(), name: "bob" };
    (alice, bob)
}

fn texts(board: &Board) -> Vec<String> {
    board.items.iter().flat_map(|i| i.kind.texts()).map(str::to_owned).collect()
}

#[test]
fn bobs_note_from_a_year_ahead_is_held_back_and_says_whose_date_is_wrong() {
    let (mut alice, mut bob) = alice_and_bob(YEAR_MS);
    let mut now = BASE + 1000;
    run(&mut bob, &Op::Add(0), now);
    now += 1000;
    // Stored with its date, Bob's note would outlast anything anyone did to it for a year.
    let merged = merge(&alice.board, &bob.board, alice.horizon(now), Trust::Colleague);
    assert!(merged.board.items.is_empty(), "a new idea dated a year ahead is held back");
    assert_eq!(merged.refused.len(), 1);
    let said = merged.refused[0].to_string();
    assert!(said.contains("a year ahead") && said.contains("the computer it was made on"), "{said}");
    // Once Bob's clock is right, what he adds comes in.
    bob.offset_ms = 0;
    now += 1000;
    run(&mut bob, &Op::Add(1), now);
    alice.merge_in(&bob.board, now);
    assert_eq!(texts(&alice.board), ["bob's idea 1"]);
}

#[test]
fn bobs_deletion_from_a_year_behind_is_not_undone_by_alices_copy() {
    let (mut alice, mut bob) = alice_and_bob(-YEAR_MS);
    let mut now = BASE + 1000;
    run(&mut alice, &Op::Add(0), now);
    now += 1000;
    // To Bob's computer, a year behind, Alice's note is from the future: held back, with
    // the date his computer thinks it is, so that he can see it is his that is wrong.
    let held = merge(&bob.board, &alice.board, bob.horizon(now), Trust::Colleague);
    assert!(held.board.items.is_empty());
    assert!(held.refused[0].to_string().contains("if today is"), "{}", held.refused[0]);
    // Bob sets his clock right, takes the note and deletes it.
    bob.offset_ms = 0;
    bob.merge_in(&alice.board, now);
    assert_eq!(texts(&bob.board), ["alice's idea 0"]);
    now += 1000;
    run(&mut bob, &Op::Delete(0), now);
    now += 1000;
    bob.merge_in(&alice.board, now);
    assert!(bob.board.items.is_empty(), "Alice's copy does not undo a deletion of what Bob had seen");
    now += 1000;
    alice.merge_in(&bob.board, now);
    assert!(alice.board.items.is_empty(), "and Alice takes the deletion");
}

#[test]
fn a_later_rewrite_survives_a_deletion_stamped_in_the_future() {
    // Bob's clock runs ahead (by less than a day, so his stamps are trusted as they are).
    let (mut alice, mut bob) = alice_and_bob(20 * 3_600_000);
    let mut now = BASE + 1000;
    run(&mut alice, &Op::Add(0), now);
    now += 1000;
    bob.merge_in(&alice.board, now);
    now += 1000;
    run(&mut bob, &Op::Delete(0), now);
    // An hour later, Alice (who has not seen the deletion) rewrites the note.
    now += 3_600_000;
    run(&mut alice, &Op::Rewrite(0, 1), now);
    now += 1000;
    alice.merge_in(&bob.board, now);
    assert_eq!(texts(&alice.board), ["alice rewrote it (1)"], "the rewrite is not lost to the earlier deletion");
    bob.merge_in(&alice.board, now);
    assert_eq!(texts(&bob.board), ["alice rewrote it (1)"]);
}
