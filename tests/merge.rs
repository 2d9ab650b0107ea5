//! The merge laws: copies of one board merged in any order, any number of times,
//! converge on one board. Copies are generated with few ids, few distinct times and
//! few distinct texts, so that the same item is often changed, deleted and revived on
//! several copies at the same moment.

use moodboard::model::{
    Answer, Board, BoardId, Item, ItemId, ItemKind, Phase, Pos, Reaction, Response, ResponseId, Theme, ThemeId,
    Timestamp, Tombstone, Vote, VoteId, merge,
};
use moodboard::storage::repair;
use proptest::prelude::*;

const ITEM_IDS: [&str; 5] = ["i0", "i1", "i2", "i3", "i4"];
const THEME_IDS: [&str; 2] = ["t0", "t1"];
const VOTE_IDS: [&str; 3] = ["v0", "v1", "v2"];
const RESPONSE_IDS: [&str; 3] = ["r0", "r1", "r2"];

fn at(t: u8) -> Timestamp {
    Timestamp::from_unix_millis(1_700_000_000_000 + i64::from(t) * 1000)
}

/// One copy's view of one id: maybe a version, maybe a tombstone.
#[derive(Clone, Debug)]
struct Slot {
    version: Option<(u8, u8, u8)>,
    tombstone: Option<(u8, u8)>,
}

fn slot() -> impl Strategy<Value = Slot> {
    (proptest::option::of((0u8..4, 0u8..3, 0u8..3)), proptest::option::of((0u8..4, 0u8..2)))
        .prop_map(|(version, tombstone)| Slot { version, tombstone })
}

#[derive(Clone, Debug)]
struct Copy {
    items: Vec<Slot>,
    themes: Vec<Slot>,
    meta: (u8, u8),
    votes: Vec<Slot>,
    responses: Vec<Slot>,
    /// The session's modified time and phase.
    session: (u8, u8),
}

fn copy() -> impl Strategy<Value = Copy> {
    (
        proptest::collection::vec(slot(), ITEM_IDS.len()),
        proptest::collection::vec(slot(), THEME_IDS.len()),
        (0u8..4, 0u8..3),
        proptest::collection::vec(slot(), VOTE_IDS.len()),
        proptest::collection::vec(slot(), RESPONSE_IDS.len()),
        (0u8..4, 0u8..4),
    )
        .prop_map(|(items, themes, meta, votes, responses, session)| Copy {
            items,
            themes,
            meta,
            votes,
            responses,
            session,
        })
}

/// Builds a valid board (as a file would load) from a generated copy.
fn board(copy: &Copy) -> Board {
    let mut b = Board::new("Shared", at(0));
    b.id = BoardId::parse("shared-board").unwrap();
    b.title = format!("Title {}", copy.meta.1);
    b.modified = at(copy.meta.0);
    let by = ["Ann", "Bo"];
    for (slot, id) in copy.themes.iter().zip(THEME_IDS) {
        if let Some((t, name, rank)) = slot.version {
            b.themes.push(Theme {
                id: ThemeId::parse(id).unwrap(),
                name: format!("Theme {name}"),
                colour: "#E4B363".into(),
                description: String::new(),
                rank: i64::from(rank),
                modified: at(t),
            });
        }
        if let Some((t, who)) = slot.tombstone {
            b.deleted.push(Tombstone { id: id.into(), at: at(t), by: by[usize::from(who)].into() });
        }
    }
    for (index, (slot, id)) in copy.items.iter().zip(ITEM_IDS).enumerate() {
        if let Some((t, text, theme)) = slot.version {
            let mut item = Item::new(
                ItemKind::Note { text: format!("idea {text}") },
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
        if let Some((t, who)) = slot.tombstone {
            b.deleted.push(Tombstone { id: id.into(), at: at(t), by: by[usize::from(who)].into() });
        }
    }
    // Dots and responses: the version's numbers pick the item and what was said.
    for (slot, id) in copy.votes.iter().zip(VOTE_IDS) {
        if let Some((t, item, who)) = slot.version {
            let item = ItemId::parse(ITEM_IDS[usize::from(item)]).unwrap();
            b.votes.push(Vote { id: VoteId::parse(id).unwrap(), item, by: by[usize::from(who % 2)].into(), at: at(t) });
        }
        if let Some((t, who)) = slot.tombstone {
            b.deleted.push(Tombstone { id: id.into(), at: at(t), by: by[usize::from(who)].into() });
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
        if let Some((t, who)) = slot.tombstone {
            b.deleted.push(Tombstone { id: id.into(), at: at(t), by: by[usize::from(who)].into() });
        }
    }
    b.session.modified = at(copy.session.0);
    b.session.phase = [Phase::Off, Phase::Collect, Phase::Vote, Phase::React][usize::from(copy.session.1)];
    // What a loaded file looks like: sorted, no id both alive and deleted, no reference
    // to a theme that never existed.
    let _ = repair(&mut b);
    b
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn merge_is_commutative(a in copy(), b in copy()) {
        let (a, b) = (board(&a), board(&b));
        prop_assert_eq!(merge(&a, &b), merge(&b, &a));
    }

    #[test]
    fn merge_is_associative(a in copy(), b in copy(), c in copy()) {
        let (a, b, c) = (board(&a), board(&b), board(&c));
        prop_assert_eq!(merge(&merge(&a, &b), &c), merge(&a, &merge(&b, &c)));
    }

    #[test]
    fn merge_is_idempotent(a in copy(), b in copy()) {
        let (a, b) = (board(&a), board(&b));
        prop_assert_eq!(merge(&a, &a), a.clone());
        let ab = merge(&a, &b);
        prop_assert_eq!(merge(&ab, &b), ab.clone());
        prop_assert_eq!(merge(&ab, &a), ab);
    }

    /// Nothing is lost: every id ends up either on the merged board or in its
    /// tombstones, and a version newer than every tombstone is never dropped.
    #[test]
    fn merge_keeps_every_idea(a in copy(), b in copy()) {
        let (a, b) = (board(&a), board(&b));
        let m = merge(&a, &b);
        for item in a.items.iter().chain(&b.items) {
            let newest_tomb = a.deleted.iter().chain(&b.deleted).filter(|t| t.id == item.id.as_str()).map(|t| t.at).max();
            let kept = m.item(&item.id);
            prop_assert!(kept.is_some() || m.is_deleted(item.id.as_str()));
            if newest_tomb.is_none_or(|t| item.modified > t) {
                prop_assert!(kept.is_some_and(|k| k.modified >= item.modified), "{} was lost", item.id);
            }
        }
        // Every dot and response is kept or remembered as taken back.
        for id in a.votes.iter().chain(&b.votes).map(|v| v.id.as_str())
            .chain(a.responses.iter().chain(&b.responses).map(|r| r.id.as_str()))
        {
            let kept = m.votes.iter().any(|v| v.id.as_str() == id) || m.responses.iter().any(|r| r.id.as_str() == id);
            prop_assert!(kept || m.is_deleted(id), "{} was lost", id);
        }
    }

    /// Applying the merge as an edit gives the merged board, and its inverse gives back
    /// the board before: a merge is one undo step.
    #[test]
    fn merge_as_an_edit_undoes_exactly(a in copy(), b in copy()) {
        let (a, b) = (board(&a), board(&b));
        let m = merge(&a, &b);
        let mut applied = a.clone();
        let inverse = moodboard::model::diff(&a, &m).apply(&mut applied).unwrap();
        prop_assert_eq!(&applied, &m);
        inverse.apply(&mut applied).unwrap();
        prop_assert_eq!(applied, a);
    }
}

#[test]
fn a_different_board_brings_its_ideas_but_not_its_title() {
    let ours =
        board(&Copy { items: vec![], themes: vec![], meta: (3, 1), votes: vec![], responses: vec![], session: (0, 0) });
    let mut theirs = Board::new("Customer visit", at(9));
    theirs.goals.push("Hear the customer".into());
    theirs.items.push(Item::new(
        ItemKind::Note { text: "Too loud".into() },
        Pos::new(0.0, 0.0),
        "Kim",
        "customer",
        at(9),
    ));
    let m = merge(&ours, &theirs);
    assert_eq!(m.id, ours.id);
    assert_eq!(m.title, ours.title);
    assert!(m.goals.is_empty());
    assert_eq!(m.items.len(), 1);
    assert_eq!(m.items[0].contributor, "Kim", "who brought it is kept");
    assert_eq!(m.items[0].source, "customer");
}
