//! The merge laws: copies of one board merged in any order, any number of times,
//! converge on one board. Copies are generated with few ids, few distinct times and
//! few distinct texts, so that the same item is often changed, deleted and revived on
//! several copies at the same moment.

use moodboard::model::{Board, BoardId, Item, ItemId, ItemKind, Pos, Theme, ThemeId, Timestamp, Tombstone, merge};
use moodboard::storage::repair;
use proptest::prelude::*;

const ITEM_IDS: [&str; 5] = ["i0", "i1", "i2", "i3", "i4"];
const THEME_IDS: [&str; 2] = ["t0", "t1"];

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
}

fn copy() -> impl Strategy<Value = Copy> {
    (
        proptest::collection::vec(slot(), ITEM_IDS.len()),
        proptest::collection::vec(slot(), THEME_IDS.len()),
        (0u8..4, 0u8..3),
    )
        .prop_map(|(items, themes, meta)| Copy { items, themes, meta })
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
    let ours = board(&Copy { items: vec![], themes: vec![], meta: (3, 1) });
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
