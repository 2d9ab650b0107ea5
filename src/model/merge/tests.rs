//! The merge rules, case by case (the properties are in tests/merge.rs).

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
    let m = merge(&a, &b, t(HORIZON), Trust::Colleague).board;
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
        Trust::Colleague,
    );
    assert!(old.board.items.is_empty());
}

#[test]
fn an_id_names_one_kind_of_record() {
    let mut ours = Board::new("A", t(0));
    let theme = Theme { modified: t(10), ..ours.new_theme("Light", t(10)) };
    ours.themes.push(theme.clone());
    // Their "note" has the id of our theme: taking it would drop the theme unseen.
    let mut theirs = ours.clone();
    let mut impostor = note("impostor", 20);
    impostor.id = ItemId::parse(theme.id.as_str()).unwrap();
    theirs.items.push(impostor);
    for (trust, other_board) in [(Trust::Colleague, false), (Trust::NewIdeasOnly, false), (Trust::Colleague, true)] {
        let theirs = if other_board {
            let mut other = Board::new("Other", t(0));
            other.items = theirs.items.clone();
            other
        } else {
            theirs.clone()
        };
        let merged = merge(&ours, &theirs, t(HORIZON), trust);
        assert_eq!(merged.board.theme(&theme.id), Some(&theme), "{trust:?} {other_board}: the theme stays");
        assert!(merged.board.items.is_empty(), "{trust:?} {other_board}: their impostor is not taken");
        assert_eq!(merged.refused.len(), 1, "{trust:?} {other_board}: {:?}", merged.refused);
        let said = merged.refused[0].to_string();
        assert!(said.contains("note “impostor”") && said.contains("theme “Light”"), "{said}");
    }
}

#[test]
fn a_deletion_from_the_future_of_something_we_do_not_have_yet_is_not_kept() {
    let ours = Board::new("A", t(0));
    let mut theirs = ours.clone();
    let colleagues = note("a colleague's idea, on its way", 50);
    theirs.deleted.push(tombstone(&colleagues.id, HORIZON * 9, HORIZON * 9));
    let merged = merge(&ours, &theirs, t(HORIZON), Trust::Colleague);
    assert!(!merged.board.is_deleted(colleagues.id.as_str()), "the forged deletion is not stored");
    assert_eq!(merged.refused.len(), 1);
    assert!(matches!(merged.refused[0].why, Refused::DeletionFromTheFuture(_)));
    // So the idea, when it arrives with the colleague's copy, comes in.
    let mut colleague = ours.clone();
    colleague.items.push(colleagues.clone());
    let later = merge(&merged.board, &colleague, t(HORIZON), Trust::Colleague);
    assert!(later.board.item(&colleagues.id).is_some());
}

#[test]
fn a_copy_sent_back_gives_only_its_new_ideas_until_its_changes_are_accepted() {
    let mut ours = Board::new("A", t(0));
    let kept = note("ours", 10);
    let rewritten = note("ours too", 10);
    ours.items.push(kept.clone());
    ours.items.push(rewritten.clone());
    let mut copy = ours.clone();
    copy.items.remove(0);
    copy.deleted.push(tombstone(&kept.id, 10, 30));
    copy.items[0].kind = ItemKind::note("rewritten by whoever had the copy");
    copy.items[0].modified = t(40);
    copy.title = "Renamed".into();
    copy.modified = t(40);
    let gift = note("a new idea", 40);
    copy.items.push(gift.clone());
    let merged = merge(&ours, &copy, t(HORIZON), Trust::NewIdeasOnly);
    assert_eq!(merged.board.item(&kept.id), Some(&kept));
    assert_eq!(merged.board.item(&rewritten.id), Some(&rewritten));
    assert!(merged.board.item(&gift.id).is_some(), "its new idea comes in");
    assert_eq!((merged.board.title.as_str(), merged.board.items.len()), ("A", 3));
    let whys: Vec<Refused> = merged.refused.iter().map(|r| r.why.clone()).collect();
    assert_eq!(
        whys,
        [Refused::ChangeUnconfirmed, Refused::DeletionUnconfirmed, Refused::ChangeUnconfirmed],
        "its rewrite, its deletion and its title are named"
    );
    let accepted = merge(&ours, &copy, t(HORIZON), Trust::Colleague);
    assert!(accepted.board.item(&kept.id).is_none() && accepted.board.title == "Renamed");
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
    let merged = merge(&ours, &theirs, t(HORIZON), Trust::Colleague);
    assert_eq!(merged.board.item(&link.id), Some(&link), "ours is kept");
    // A record we do not have yet is held back too: stored with its late date, it
    // would take a colleague's idea of that id when it arrives.
    assert!(merged.board.item(&new_idea.id).is_none(), "a new idea from the future is held back");
    assert_eq!(merged.refused.len(), 2);
    assert_eq!(merged.refused[0].why, Refused::ChangeFromTheFuture(t(HORIZON + 1)));
    assert!(merged.refused[0].to_string().contains("note “hijacked”"), "{}", merged.refused[0]);
    assert_eq!(merged.refused[1].why, Refused::NewFromTheFuture(t(HORIZON * 5)));
    assert!(merged.refused[1].to_string().contains("if today is"), "says whose date is off: {}", merged.refused[1]);
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
    let merged = merge(&ours, &theirs, t(HORIZON), Trust::Colleague);
    assert_eq!(merged.board.item(&kept.id), Some(&kept));
    assert!(merged.board.item(&deleted.id).is_none());
    assert_eq!(merged.board.item(&fresh.id).map(|i| i.source.as_str()), Some("other team"));
    assert_eq!(merged.board.deleted, ours.deleted, "their tombstones do not travel");
    let whys: Vec<Refused> = merged.refused.iter().map(|r| r.why.clone()).collect();
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
    let merged = merge(&a, &b, t(HORIZON), Trust::Colleague).board;
    let mut applied = a.clone();
    let inverse = diff(&a, &merged).apply(&mut applied).unwrap();
    assert_eq!(applied, merged);
    let summary = summarise(&a, &merged);
    assert_eq!((summary.added.len(), summary.changed.len(), summary.themes_added), (1, 1, 1));
    inverse.apply(&mut applied).unwrap();
    assert_eq!(applied, a);
}

mod connectors {
    use super::*;
    use crate::model::{Connector, Edit, End, Stamper};

    fn two_cards() -> (Board, ItemId, ItemId) {
        let mut board = Board::new("A", t(0));
        let (a, mut b) = (note("a", 10), note("b", 10));
        b.pos = Pos { x: 600.0, y: 0.0 };
        let (ia, ib) = (a.id.clone(), b.id.clone());
        board.items.extend([a, b]);
        // As a board is kept: by (z, id).
        board.sort_items();
        (board, ia, ib)
    }

    #[test]
    fn deleting_a_card_takes_its_connectors_in_the_same_step_and_undo_brings_both() {
        let (mut board, ia, ib) = two_cards();
        let connector = Connector::new(End::Card(ia.clone()), End::Card(ib.clone()), "Ann", t(20));
        Edit::InsertConnector(connector.clone()).apply(&mut board).unwrap();
        let before = board.clone();
        let mut clock = Stamper::new(&board, t(30), "Bo");
        let undo = Edit::delete_items(&board, [&ib], t(30), "Bo").apply_stamped(&mut board, &mut clock).unwrap();
        assert!(board.item(&ib).is_none() && board.connectors.is_empty());
        assert!(board.is_deleted(connector.id.as_str()), "the connector leaves a tombstone");
        undo.apply(&mut board).unwrap();
        assert_eq!(board, before);
    }

    #[test]
    fn a_connector_to_a_card_another_copy_deleted_is_left_off_named_and_back_with_the_card() {
        let (base, ia, ib) = two_cards();
        // Ann connects a to b while Bo, not having seen it, deletes b.
        let mut ann = base.clone();
        let connector = Connector::new(End::Card(ia.clone()), End::Card(ib.clone()), "Ann", t(20));
        ann.connectors.push(connector.clone());
        let mut bo = base.clone();
        Edit::delete_items(&bo, [&ib], t(25), "Bo").apply(&mut bo).unwrap();
        let merged = merge(&ann, &bo, t(HORIZON), Trust::Colleague);
        assert!(merged.board.item(&ib).is_none());
        assert_eq!(merged.board.shown_connectors().count(), 0, "never drawn pointing at nothing");
        let named: Vec<_> = merged.refused.iter().filter(|r| r.why == Refused::ConnectorEndGone).collect();
        assert_eq!(named.len(), 1);
        assert_eq!(named[0].id, connector.id.to_string());
        // The same board whichever copy merges into which.
        assert_eq!(merge(&bo, &ann, t(HORIZON), Trust::Colleague).board, merged.board);
        // Someone who had not seen the deletion rewrites b: it comes back, and so does
        // the arrow, in any order.
        let mut cy = base.clone();
        let mut rewritten = cy.item(&ib).unwrap().clone();
        rewritten.kind = ItemKind::note("b, better");
        rewritten.modified = t(40);
        cy.items = vec![cy.item(&ia).unwrap().clone(), rewritten].into();
        let one = merge(&merged.board, &cy, t(HORIZON), Trust::Colleague).board;
        let other = merge(&ann, &merge(&bo, &cy, t(HORIZON), Trust::Colleague).board, t(HORIZON), Trust::Colleague);
        assert_eq!(one, other.board);
        assert_eq!(one.shown_connectors().count(), 1);
    }

    #[test]
    fn another_boards_connector_comes_with_its_cards_and_only_with_them() {
        let (ours, ..) = two_cards();
        let (mut theirs, ta, tb) = two_cards();
        theirs.id = crate::model::BoardId::new_random();
        let with_cards = Connector::new(End::Card(ta.clone()), End::Card(tb.clone()), "Kim", t(20));
        // One to a card of ours (their copy of it is refused: another board's version).
        let ours_card = ours.items[0].id.clone();
        theirs.items.push(ours.items[0].clone());
        let to_ours = Connector::new(End::Card(ta.clone()), End::Card(ours_card.clone()), "Kim", t(20));
        let to_nothing = Connector::new(End::Card(ta.clone()), End::Card(ItemId::new_random()), "Kim", t(20));
        theirs.connectors = vec![with_cards.clone(), to_ours.clone(), to_nothing.clone()].into();
        theirs.connectors.sort_by(|a, b| a.id.cmp(&b.id));
        let merged = merge(&ours, &theirs, t(HORIZON), Trust::Colleague);
        assert!(merged.board.connector(&with_cards.id).is_some());
        // An arrow from their card to ours: both ends are on the merged board.
        assert!(merged.board.connector(&to_ours.id).is_some());
        assert!(merged.board.connector(&to_nothing.id).is_none(), "never kept unseen from another board");
        assert!(merged.refused.iter().any(|r| r.id == to_nothing.id.to_string() && r.why == Refused::ConnectorEndGone));
    }
}
