//! The frame rules as properties: whatever people do (add cards and themes, drag cards
//! into and out of frames, move and resize frames, arrange, shuffle, delete, undo, redo,
//! merge a teammate's copy), and however old the file, frames never overlap, every
//! themed card lies inside its theme's frame, no unsorted card lies in a frame, and a
//! new card never lands on another card.

use std::path::PathBuf;

use moodboard::document::Document;
use moodboard::model::frames::{self, Drop};
use moodboard::model::operations;
use moodboard::model::{
    Board, BoardRect, Edit, Item, ItemChange, ItemId, ItemKind, Pos, Size, Stamper, Timestamp, Trust,
};
use moodboard::storage;
use proptest::prelude::*;

/// One thing a person does to the board.
#[derive(Clone, Debug)]
enum Op {
    /// A card of kind `kind` (size varies with it), in theme number `theme` (if there
    /// is one with that number), added near (`x`, `y`), maybe keeping to a view.
    Add {
        kind: u8,
        theme: Option<u8>,
        x: i16,
        y: i16,
        in_view: bool,
    },
    /// A new theme with an empty frame near (`x`, `y`).
    AddTheme {
        x: i16,
        y: i16,
    },
    /// A theme of the first `count` cards.
    ThemeOf {
        count: u8,
    },
    /// Card number `card` dragged by (`dx`, `dy`), dropped where its centre lands
    /// (`target` 0), on the open canvas (1) or on sidebar theme number `target - 2`.
    Drag {
        card: u8,
        dx: i16,
        dy: i16,
        target: u8,
    },
    MoveFrame {
        theme: u8,
        dx: i16,
        dy: i16,
    },
    ResizeFrame {
        theme: u8,
        w: u16,
        h: u16,
    },
    Arrange,
    Shuffle {
        seed: u64,
    },
    DeleteCard {
        card: u8,
    },
    DeleteTheme {
        theme: u8,
    },
    /// Theme number `theme`'s frame locked, or unlocked if it was (the app then neither
    /// moves, resizes nor deletes it, nor drops a card into it).
    LockFrame {
        theme: u8,
    },
    Undo,
    Redo,
    /// A teammate's copy, with their own changes, merged in.
    Merge {
        theirs: Vec<Op>,
    },
}

fn simple_op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0u8..5, proptest::option::of(0u8..4), -2000i16..2000, -2000i16..2000, any::<bool>())
            .prop_map(|(kind, theme, x, y, in_view)| Op::Add { kind, theme, x, y, in_view }),
        2 => (-2000i16..2000, -2000i16..2000).prop_map(|(x, y)| Op::AddTheme { x, y }),
        1 => (1u8..4).prop_map(|count| Op::ThemeOf { count }),
        4 => (0u8..12, -1500i16..1500, -1500i16..1500, 0u8..6)
            .prop_map(|(card, dx, dy, target)| Op::Drag { card, dx, dy, target }),
        2 => (0u8..4, -1500i16..1500, -1500i16..1500).prop_map(|(theme, dx, dy)| Op::MoveFrame { theme, dx, dy }),
        1 => (0u8..4, 100u16..1500, 100u16..1200).prop_map(|(theme, w, h)| Op::ResizeFrame { theme, w, h }),
        1 => Just(Op::Arrange),
        1 => any::<u64>().prop_map(|seed| Op::Shuffle { seed }),
        1 => (0u8..12).prop_map(|card| Op::DeleteCard { card }),
        1 => (0u8..4).prop_map(|theme| Op::DeleteTheme { theme }),
        1 => (0u8..4).prop_map(|theme| Op::LockFrame { theme }),
        2 => Just(Op::Undo),
        1 => Just(Op::Redo),
    ]
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        9 => simple_op(),
        1 => proptest::collection::vec(simple_op(), 1..6).prop_map(|theirs| Op::Merge { theirs }),
    ]
}

fn kind(k: u8) -> ItemKind {
    match k {
        0 => ItemKind::note("A short note"),
        1 => ItemKind::note("A longer note that wraps onto several lines of text on its card".repeat(3)),
        2 => ItemKind::quote("Less, but better", "Dieter Rams", String::new()),
        3 => ItemKind::link("https://example.com", "Example", ""),
        _ => ItemKind::colour("#E4B363", String::new()),
    }
}

fn document(board: Board) -> Document {
    Document::from_saved(PathBuf::from("/nonexistent/frames.moodboard.ron"), board, Vec::new(), None)
}

/// Does `op` to `doc` as the app would; returns the card it added, if any.
fn run(doc: &mut Document, op: &Op, who: &str) -> Option<ItemId> {
    let now = Timestamp::now();
    let board = doc.board().clone();
    let nth_theme = |n: u8| board.themes[..].get(usize::from(n) % board.themes.len().max(1)).cloned();
    let nth_card = |n: u8| board.items[..].get(usize::from(n) % board.items.len().max(1)).cloned();
    let edit = match op {
        Op::Add { kind: k, theme, x, y, in_view } => {
            let kind = kind(*k);
            let size = kind.default_size();
            let theme = theme.and_then(nth_theme).map(|t| t.id);
            let view = BoardRect::from_pos_size(Pos::new(f32::from(*x), f32::from(*y)), Size::new(1600.0, 1000.0));
            let near = Pos::new(f32::from(*x) + 400.0, f32::from(*y) + 300.0);
            let pos = frames::place_card(&board, theme.as_ref(), near, size, in_view.then_some(view));
            let mut item = Item::new(kind, pos, who, "own team", now);
            item.theme = theme;
            item.z = board.top_z() + 1;
            let id = item.id.clone();
            doc.apply(Edit::InsertItem(Box::new(item)), "Add", who).unwrap();
            return Some(id);
        }
        Op::AddTheme { x, y } => {
            let mut theme = board.new_theme(&format!("Theme {}", board.themes.len()), now);
            let near = Pos::new(f32::from(*x), f32::from(*y));
            theme.frame = BoardRect::from_pos_size(
                frames::free_frame_spot(&board, near, frames::EMPTY_FRAME),
                frames::EMPTY_FRAME,
            );
            Edit::InsertTheme(theme)
        }
        Op::ThemeOf { count } => {
            let cards: Vec<&Item> = board.items.iter().take(usize::from(*count)).collect();
            let frame = frames::frame_around(cards.iter().map(|i| BoardRect::from_pos_size(i.pos, i.size)))?;
            let mut theme = board.new_theme("Made of cards", now);
            theme.frame = frame;
            let id = theme.id.clone();
            let mut edits = vec![Edit::InsertTheme(theme)];
            edits.extend(cards.iter().map(|i| Edit::ChangeItem {
                id: i.id.clone(),
                change: ItemChange::Theme(Some(id.clone())),
                at: now,
            }));
            Edit::Batch(edits)
        }
        Op::Drag { card, dx, dy, target } => {
            let card = nth_card(*card)?;
            let (dx, dy) = (f32::from(*dx), f32::from(*dy));
            let centre = Pos::new(card.pos.x + card.size.w / 2.0 + dx, card.pos.y + card.size.h / 2.0 + dy);
            let drop = match target {
                0 => frames::frame_at(&board, centre).map_or(Drop::OpenCanvas, |t| Drop::Frame(t.id.clone())),
                1 if frames::frame_at(&board, centre).is_none() => Drop::OpenCanvas,
                1 => Drop::Nowhere,
                n => match nth_theme(n - 2) {
                    Some(t) => Drop::Sidebar(t.id),
                    None => Drop::Nowhere,
                },
            };
            frames::move_cards(&board, &[card.id], dx, dy, &drop, now)?.0
        }
        Op::MoveFrame { theme, dx, dy } => {
            let theme = nth_theme(*theme).filter(|t| !t.locked)?;
            frames::move_frame(&board, &theme, f32::from(*dx), f32::from(*dy), now)
        }
        Op::ResizeFrame { theme, w, h } => {
            let theme = nth_theme(*theme).filter(|t| !t.locked)?;
            let frame = BoardRect::from_pos_size(theme.frame.min, Size::new(f32::from(*w), f32::from(*h)));
            frames::resize_frame(&board, &theme, frame, now)
        }
        Op::Arrange => frames::arrange(&board, now),
        Op::Shuffle { seed } => frames::shuffle(&board, *seed, now),
        Op::DeleteCard { card } => Edit::delete_items(&board, [&nth_card(*card)?.id], now, who),
        Op::DeleteTheme { theme } => Edit::delete_theme(&board, &nth_theme(*theme).filter(|t| !t.locked)?.id, now, who),
        Op::LockFrame { theme } => {
            let theme = nth_theme(*theme)?;
            Edit::ReplaceTheme(moodboard::model::Theme { locked: !theme.locked, modified: now, ..theme })
        }
        Op::Undo => {
            let _ = doc.undo(who);
            return None;
        }
        Op::Redo => {
            let _ = doc.redo(who);
            return None;
        }
        Op::Merge { theirs } => {
            let mut copy = document(board.clone());
            for op in theirs {
                run(&mut copy, op, "Bo");
            }
            doc.merge_step(copy.board(), "Merge", Trust::Colleague).unwrap();
            return None;
        }
    };
    doc.apply(edit, "Op", who).unwrap();
    None
}

/// A board's text as version 3 wrote it: no frames, no crops.
fn as_version_3(text: &str) -> String {
    let mut out = String::new();
    // The indentation of the `frame: (` being skipped, until its closing `),`.
    let mut skipping: Option<usize> = None;
    for line in text.lines() {
        let indent = line.len() - line.trim_start().len();
        match skipping {
            Some(at) => {
                if indent == at && line.trim() == ")," {
                    skipping = None;
                }
            }
            None if line.trim_start().starts_with("frame: (") => skipping = Some(indent),
            None if line.trim_start().starts_with("crop: ") => {}
            // A link's preview fields (version 5), deeper than a theme's description.
            None if indent >= 16
                && ["description: ", "site: ", "picture: "].iter().any(|f| line.trim_start().starts_with(f)) => {}
            None => {
                let current = format!("version: {},", moodboard::model::FORMAT_VERSION);
                out.push_str(&line.replace(&current, "version: 3,"));
                out.push('\n');
            }
        }
    }
    out
}

fn overlapping_card(board: &Board, id: &ItemId) -> Option<String> {
    let item = board.item(id)?;
    let r = BoardRect::from_pos_size(item.pos, item.size);
    board
        .items
        .iter()
        .filter(|o| o.id != *id)
        .find(|o| BoardRect::from_pos_size(o.pos, o.size).intersects(r))
        .map(|o| o.kind.summary())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn whatever_people_do_the_frames_keep_their_rules(ops in proptest::collection::vec(op(), 1..30)) {
        let mut doc = document(Board::new("Frames", Timestamp::now()));
        for (step, op) in ops.iter().enumerate() {
            let added = run(&mut doc, op, "Ann");
            let board = doc.board();
            if let Err(why) = frames::check(board) {
                return Err(TestCaseError::fail(format!("after step {step} ({op:?}): {why}")));
            }
            if let Some(id) = added
                && let Some(other) = overlapping_card(board, &id)
            {
                return Err(TestCaseError::fail(format!("after step {step} ({op:?}) the new card lies on “{other}”")));
            }
        }
    }

    /// An older file (no frames) with its cards anywhere, themes overlapping as the
    /// bounding boxes of version 3 did, gets frames that keep the rules.
    #[test]
    fn older_boards_get_frames_that_keep_the_rules(
        cards in proptest::collection::vec((0u8..5, proptest::option::of(0u8..4), -1500i16..1500, -1500i16..1500), 0..25),
        themes in 0u8..5,
    ) {
        let now = Timestamp::now();
        let mut board = Board::new("Old", now);
        for n in 0..themes {
            let theme = board.new_theme(&format!("T{n}"), now);
            board.themes.push(theme);
        }
        for (k, theme, x, y) in cards {
            let mut item = Item::new(kind(k), Pos::new(f32::from(x), f32::from(y)), "Ann", "own team", now);
            item.theme = theme.and_then(|t| board.themes[..].get(usize::from(t)).map(|t| t.id.clone()));
            board.items.push(item);
        }
        // Written as version 3 wrote it: no frames.
        let v3 = as_version_3(&storage::format::to_text(&board).unwrap());
        prop_assert!(!v3.contains("frame:"), "{v3}");
        // Frames are laid out from the cards by the repair after the load, as a board read
        // from such a file, not a problem of it.
        let (migrated, problems) =
            storage::format::parse(std::path::Path::new("old.moodboard.ron"), &v3).unwrap().repaired();
        prop_assert!(problems.iter().all(|p| p.field != "frame"), "{problems:?}");
        prop_assert_eq!(migrated.items.len(), board.items.len());
        if let Err(why) = frames::check(&migrated) {
            return Err(TestCaseError::fail(why));
        }
    }
}

#[test]
fn a_new_card_added_in_view_lands_in_view_and_off_every_card() {
    let mut doc = document(Board::new("In view", Timestamp::now()));
    let view = BoardRect::from_pos_size(Pos::new(0.0, 0.0), Size::new(1400.0, 900.0));
    // Room in view for these; each lands there, on no other card.
    for n in 0..8u8 {
        let id = run(&mut doc, &Op::Add { kind: n % 5, theme: None, x: 0, y: 0, in_view: true }, "Ann").unwrap();
        let item = doc.board().item(&id).unwrap();
        let r = BoardRect::from_pos_size(item.pos, item.size);
        assert!(
            r.min.x >= view.min.x && r.max.x <= view.max.x && r.min.y >= view.min.y && r.max.y <= view.max.y,
            "card {n} at {r:?}"
        );
        assert_eq!(overlapping_card(doc.board(), &id), None, "card {n}");
    }
    // When the view is full, the next ones go beside it, still on no card.
    for n in 8..30u8 {
        let id = run(&mut doc, &Op::Add { kind: n % 5, theme: None, x: 0, y: 0, in_view: true }, "Ann").unwrap();
        assert_eq!(overlapping_card(doc.board(), &id), None, "card {n}");
    }
    frames::check(doc.board()).unwrap();
}

#[test]
fn a_frame_that_grows_pushes_its_neighbour_aside_with_its_cards() {
    let mut doc = document(Board::new("Grow", Timestamp::now()));
    run(&mut doc, &Op::AddTheme { x: 0, y: 0 }, "Ann");
    run(&mut doc, &Op::AddTheme { x: 700, y: 0 }, "Ann");
    let board = doc.board().clone();
    let (left, right) = (&board.themes[0], &board.themes[1]);
    assert!(left.frame.max.x + frames::FRAME_GAP <= right.frame.min.x + 0.5, "{left:?} {right:?}");
    // A card in the right frame, then the left frame resized to cover it.
    run(&mut doc, &Op::Add { kind: 0, theme: Some(1), x: 0, y: 0, in_view: false }, "Ann").unwrap();
    let before: Vec<Pos> = doc.board().items.iter().map(|i| i.pos).collect();
    let w = (right.frame.max.x - left.frame.min.x) as u16;
    run(&mut doc, &Op::ResizeFrame { theme: 0, w, h: 400 }, "Ann");
    frames::check(doc.board()).unwrap();
    let after = doc.board();
    let (dx, dy) = (after.themes[1].frame.min.x - right.frame.min.x, after.themes[1].frame.min.y - right.frame.min.y);
    assert!((dx > 0.0) != (dy > 0.0), "the neighbour moved right or down, not both: {dx}, {dy}");
    assert_eq!(
        (after.items[0].pos.x - before[0].x, after.items[0].pos.y - before[0].y),
        (dx, dy),
        "its card went with it"
    );
    assert!(after.themes[0].frame.min == left.frame.min, "the resized frame stays where the user put it");
    // One undo puts both back.
    doc.undo("Ann").unwrap().unwrap();
    assert_eq!(doc.board().themes[1].frame, right.frame);
    assert_eq!(doc.board().items[0].pos, before[0]);
}

/// A locked frame (issue 27) is not pushed aside: a neighbour grown over it moves
/// instead, and the locked frame's cards stay. Arrange leaves it where it is too.
#[test]
fn a_locked_frame_stays_where_it_is_and_the_others_make_room() {
    let mut doc = document(Board::new("Locked", Timestamp::now()));
    run(&mut doc, &Op::AddTheme { x: 0, y: 0 }, "Ann");
    run(&mut doc, &Op::AddTheme { x: 700, y: 0 }, "Ann");
    run(&mut doc, &Op::Add { kind: 0, theme: Some(1), x: 0, y: 0, in_view: false }, "Ann").unwrap();
    run(&mut doc, &Op::Add { kind: 2, theme: Some(0), x: 0, y: 0, in_view: false }, "Ann").unwrap();
    run(&mut doc, &Op::LockFrame { theme: 1 }, "Ann");
    let locked = doc.board().clone();
    assert!(locked.themes[1].locked && !locked.themes[0].locked);
    let card = locked.items_in_theme(Some(&locked.themes[1].id)).next().unwrap().clone();
    assert!(locked.fixed(&card), "a card in a locked frame is fixed");
    // The left frame resized over the locked one: the left one gives way.
    let (left, right) = (&locked.themes[0], &locked.themes[1]);
    let w = (right.frame.max.x - left.frame.min.x) as u16;
    run(&mut doc, &Op::ResizeFrame { theme: 0, w, h: 400 }, "Ann");
    frames::check(doc.board()).unwrap();
    assert_eq!(doc.board().themes[1].frame, right.frame, "the locked frame stayed");
    assert_eq!(doc.board().item(&card.id), Some(&card), "its card stayed");
    assert_ne!(doc.board().themes[0].frame.min, left.frame.min, "the other frame made room");
    // Arranging the board leaves it, and its card, where they are.
    run(&mut doc, &Op::Arrange, "Ann");
    frames::check(doc.board()).unwrap();
    assert_eq!(doc.board().themes[1].frame, right.frame);
    assert_eq!(doc.board().item(&card.id), Some(&card));
    // Dropping a card into it does nothing; dragging its own card does nothing.
    let other = doc.board().items.iter().find(|i| i.id != card.id).unwrap().id.clone();
    assert!(
        frames::move_cards(doc.board(), &[other], 10.0, 10.0, &Drop::Frame(right.id.clone()), Timestamp::now())
            .is_none()
    );
    assert!(
        frames::move_cards(
            doc.board(),
            std::slice::from_ref(&card.id),
            300.0,
            0.0,
            &Drop::OpenCanvas,
            Timestamp::now()
        )
        .is_none()
    );
    let refused = moodboard::model::rules::move_to_theme(doc.board(), [&card.id], None).unwrap_err();
    assert_eq!(refused, moodboard::model::rules::RuleError::Locked);
    let refused = moodboard::model::rules::move_to_theme(doc.board(), [&card.id], Some(&right.id));
    assert!(refused.is_err());
}

#[test]
fn a_version_3_board_gets_frames_round_its_cards() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/version-3.moodboard.ron");
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains("version: 3,") && !text.contains("frame:"));
    let (board, problems) = storage::format::parse(std::path::Path::new(path), &text).unwrap().repaired();
    assert!(problems.is_empty(), "reading an older file is no problem: {problems:?}");
    frames::check(&board).unwrap();
    let warmth = board.theme_by_name("Warmth").unwrap();
    let cards: Vec<&Item> = board.items_in_theme(Some(&warmth.id)).collect();
    assert_eq!(cards.len(), 3);
    let around = frames::frame_around(cards.iter().map(|i| BoardRect::from_pos_size(i.pos, i.size))).unwrap();
    assert_eq!(warmth.frame, around, "the frame is exactly round its cards");
    // The unsorted link, which lay beside them, is outside the frame.
    let link = board.items.iter().find(|i| matches!(i.kind, ItemKind::Link(_))).unwrap();
    assert!(!warmth.frame.intersects(BoardRect::from_pos_size(link.pos, link.size)));
}

#[test]
fn arrange_fills_the_shape_of_the_canvas_it_is_given() {
    let mut doc = document(Board::new("Shapes", Timestamp::now()));
    for t in 0..6u8 {
        run(&mut doc, &Op::AddTheme { x: i16::from(t) * 700, y: 0 }, "Ann");
        for _ in 0..5 {
            run(&mut doc, &Op::Add { kind: 0, theme: Some(t), x: 0, y: 0, in_view: false }, "Ann");
        }
    }
    let shape = |aspect: f32| {
        let mut board = doc.board().clone();
        frames::arrange_for(&board, aspect, Timestamp::now()).apply(&mut board).unwrap();
        frames::check(&board).unwrap();
        let b = board.bounds().unwrap();
        b.width() / b.height()
    };
    let (narrow, wide) = (shape(1.0), shape(2.4));
    assert!(narrow < wide, "a narrow canvas gets a narrower board: {narrow} vs {wide}");
    assert!((0.6..=1.7).contains(&narrow), "{narrow}");
    assert!(wide >= 1.6, "{wide}");
}

/// A coordinate or length as a careless or hostile writer may put it in a file.
fn wild() -> impl Strategy<Value = f32> {
    prop_oneof![
        Just(f32::NAN),
        Just(f32::INFINITY),
        Just(f32::NEG_INFINITY),
        Just(3.4e38),
        Just(-3.4e38),
        Just(0.0),
        Just(2.0e7),
        Just(-2.0e7),
        -3000.0f32..3000.0,
        -3000.0f32..3000.0,
    ]
}

/// Runs `work` on a thread of its own and gives its answer, or fails if it takes longer
/// than `secs`: a loop that never ends fails the test instead of hanging the run.
fn within<T: Send + 'static>(
    secs: u64,
    what: &str,
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, TestCaseError> {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(work());
    });
    rx.recv_timeout(std::time::Duration::from_secs(secs))
        .map_err(|_| TestCaseError::fail(format!("{what} did not finish within {secs} s")))
}

/// Every frame finite, not inverted and not empty, and the frame rules kept.
fn sound(board: &Board, after: &str) -> Result<(), TestCaseError> {
    for theme in &board.themes {
        let f = theme.frame;
        let finite = [f.min.x, f.min.y, f.max.x, f.max.y].iter().all(|v| v.is_finite());
        if !(finite && f.width() >= 1.0 && f.height() >= 1.0) {
            return Err(TestCaseError::fail(format!("after {after}, “{}” has the frame {f:?}", theme.name)));
        }
    }
    frames::check(board).map_err(|why| TestCaseError::fail(format!("after {after}: {why}")))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    /// A file with frames and cards that are NaN, infinite, huge, empty or inverted loads
    /// as a board whose frames keep the rules, and arranging it, moving a card in it and
    /// merging it with a teammate's copy or another board all end, keeping them too.
    #[test]
    fn frames_from_a_hostile_file_are_repaired_and_everything_on_them_ends(
        frames_in_file in proptest::collection::vec((wild(), wild(), wild(), wild()), 1..6),
        cards in proptest::collection::vec((0u8..5, proptest::option::of(0u8..6), wild(), wild(), wild(), wild()), 0..12),
    ) {
        let now = Timestamp::now();
        let mut board = Board::new("Hostile", now);
        for (n, (x0, y0, x1, y1)) in frames_in_file.iter().enumerate() {
            let mut theme = board.new_theme(&format!("T{n}"), now);
            theme.frame = BoardRect { min: Pos::new(*x0, *y0), max: Pos::new(*x1, *y1) };
            board.themes.push(theme);
        }
        for (k, theme, x, y, w, h) in cards {
            let mut item = Item::new(kind(k), Pos::new(x, y), "Ann", "own team", now);
            item.size = Size::new(w, h);
            item.theme = theme.and_then(|t| board.themes[..].get(usize::from(t)).map(|t| t.id.clone()));
            board.items.push(item);
        }
        let text = storage::format::to_text(&board).unwrap();
        let loaded = within(20, "loading", move || {
            storage::format::parse(std::path::Path::new("hostile.moodboard.ron"), &text).map(|p| p.repaired().0)
        })?;
        let theirs = loaded.map_err(|e| TestCaseError::fail(format!("refused: {e}")))?;
        sound(&theirs, "loading")?;

        // A wide card into every theme of theirs, and a board of ours with the same id.
        let mut wider = theirs.clone();
        for theme in theirs.themes.iter() {
            let mut card = Item::new(kind(1), Pos::new(0.0, 0.0), "Bo", "own team", now);
            card.size = Size::new(5000.0, 300.0);
            card.theme = Some(theme.id.clone());
            card.pos = frames::place_card(&wider, card.theme.as_ref(), Pos::new(0.0, 0.0), card.size, None);
            wider.items.push(card);
        }
        let mut ours = Board::restored(theirs.id().clone(), now, now, Vec::new());
        let mine = ours.new_theme("Ours", now);
        ours.themes.push(mine);
        let stranger = Board::new("Stranger", now);
        for (name, mut into, from) in [
            ("merging their copy into ours", ours.clone(), wider.clone()),
            ("merging ours into theirs", wider.clone(), ours.clone()),
            ("merging theirs into another board", stranger.clone(), wider.clone()),
        ] {
            let merged = within(20, name, move || {
                operations::merge_in(&mut into, &from, Trust::Colleague).map(|_| into)
            })?;
            let merged = merged.map_err(|e| TestCaseError::fail(format!("{name}: {e}")))?;
            sound(&merged, name)?;
        }
        let mut arranged = wider.clone();
        let arranged = within(20, "arranging", move || {
            let mut clock = Stamper::new(&arranged, Timestamp::now(), "Ann");
            let edit = frames::arrange(&arranged, Timestamp::now());
            operations::commit(&mut arranged, edit, &mut clock).map(|_| arranged)
        })?.map_err(|e| TestCaseError::fail(format!("arranging: {e}")))?;
        sound(&arranged, "arranging")?;
        if let Some(card) = wider.items.first().cloned() {
            let mut moved = wider.clone();
            let moved = within(20, "moving a card", move || {
                let mut clock = Stamper::new(&moved, Timestamp::now(), "Ann");
                let edit = Edit::ChangeItem { id: card.id.clone(), change: ItemChange::Pos(Pos::new(card.pos.x + 700.0, card.pos.y)), at: Timestamp::now() };
                operations::commit(&mut moved, edit, &mut clock).map(|_| moved)
            })?.map_err(|e| TestCaseError::fail(format!("moving a card: {e}")))?;
            sound(&moved, "moving a card")?;
        }
    }
}

/// The cards `op` changes on purpose (not the ones the frame rules then move).
fn changed_on_purpose(board: &Board, op: &Op) -> Vec<ItemId> {
    let nth_theme = |n: u8| board.themes[..].get(usize::from(n) % board.themes.len().max(1)).map(|t| t.id.clone());
    let nth_card = |n: u8| board.items[..].get(usize::from(n) % board.items.len().max(1)).map(|i| i.id.clone());
    let cards_of = |t: Option<moodboard::model::ThemeId>| -> Vec<ItemId> {
        t.map(|t| board.items_in_theme(Some(&t)).map(|i| i.id.clone()).collect()).unwrap_or_default()
    };
    match op {
        Op::Add { .. } | Op::AddTheme { .. } | Op::LockFrame { .. } => Vec::new(),
        Op::ThemeOf { count } => board.items.iter().take(usize::from(*count)).map(|i| i.id.clone()).collect(),
        Op::Drag { card, .. } | Op::DeleteCard { card } => nth_card(*card).into_iter().collect(),
        Op::MoveFrame { theme, .. } | Op::ResizeFrame { theme, .. } | Op::DeleteTheme { theme } => {
            cards_of(nth_theme(*theme))
        }
        Op::Arrange | Op::Shuffle { .. } | Op::Undo | Op::Redo | Op::Merge { .. } => {
            board.items.iter().map(|i| i.id.clone()).collect()
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Ann and Bob work on copies of one board with honest clocks; Ann deletes cards. A
    /// card Ann deleted that Bob never changed on purpose stays deleted when their copies
    /// are merged either way, however the frame rules moved it on Bob's side.
    #[test]
    fn an_honest_deletion_never_comes_back(
        shared in proptest::collection::vec(prop_oneof![
            6 => (0u8..5, proptest::option::of(0u8..4), -1200i16..1200, -1200i16..1200)
                .prop_map(|(kind, theme, x, y)| Op::Add { kind, theme, x, y, in_view: false }),
            2 => (-1500i16..1500, -1500i16..1500).prop_map(|(x, y)| Op::AddTheme { x, y }),
            1 => (1u8..4).prop_map(|count| Op::ThemeOf { count }),
            1 => simple_op(),
        ], 6..24),
        anns in proptest::collection::vec(prop_oneof![
            5 => (0u8..24).prop_map(|card| Op::DeleteCard { card }),
            1 => simple_op(),
        ], 1..6),
        bobs in proptest::collection::vec(prop_oneof![
            6 => (0u8..5, 0u8..4).prop_map(|(kind, theme)| Op::Add { kind, theme: Some(theme), x: 0, y: 0, in_view: false }),
            1 => simple_op(),
        ], 1..12),
    ) {
        let mut base = document(Board::new("Shared", Timestamp::now()));
        for op in &shared {
            run(&mut base, op, "Ann");
        }
        let (mut ann, mut bob) = (document(base.board().clone()), document(base.board().clone()));
        for op in &anns {
            run(&mut ann, op, "Ann");
        }
        let mut on_purpose = std::collections::HashSet::new();
        for op in &bobs {
            on_purpose.extend(changed_on_purpose(bob.board(), op));
            run(&mut bob, op, "Bo");
        }
        let deleted: Vec<&Item> =
            base.board().items.iter().filter(|i| ann.board().item(&i.id).is_none() && ann.board().is_deleted(i.id.as_str())).collect();
        let mut ann_merged = ann.board().clone();
        operations::merge_in(&mut ann_merged, bob.board(), Trust::Colleague).unwrap();
        let mut bob_merged = bob.board().clone();
        operations::merge_in(&mut bob_merged, ann.board(), Trust::Colleague).unwrap();
        for card in deleted.iter().filter(|c| !on_purpose.contains(&c.id)) {
            let moved = bob.board().item(&card.id).is_some_and(|b| b.pos != card.pos);
            prop_assert!(ann_merged.item(&card.id).is_none(), "“{}” came back into Ann's board (moved by the rules on Bob's side: {moved})", card.kind.summary());
            prop_assert!(bob_merged.item(&card.id).is_none(), "“{}” stayed on Bob's board", card.kind.summary());
        }
    }
}
