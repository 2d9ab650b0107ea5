//! Boards and canvases from others that once took minutes (issue 26): reading a board of
//! 10,000 themes whose frames all lie on one spot, reading a version 2 board (no frames
//! yet) of 2,000 themes and 2,000 items, and importing a JSON Canvas of 50,000 cards on
//! one spot. Target: each under 2 s. Beside each, the plain parse of the same text (no
//! repair, no tidy) in the same run, so the cost of keeping the frame rules shows as a
//! ratio.

use criterion::{Criterion, criterion_group, criterion_main};
use moodboard::model::operations::{self, Contributor};
use moodboard::model::{Board, BoardRect, Item, ItemKind, Pos, Size, Stamper, Theme, ThemeId, Timestamp};
use moodboard::storage;

fn at() -> Timestamp {
    Timestamp::from_unix_millis(1_790_000_000_000)
}

/// `themes` themes whose frames all lie on the same spot, each with one card in it.
fn piled_frames(themes: usize) -> String {
    let mut board = Board::new("Piled", at());
    for i in 0..themes {
        let id = ThemeId::parse(&format!("theme-{i}")).unwrap();
        let frame = BoardRect::from_pos_size(Pos::new(0.0, 0.0), Size::new(600.0, 400.0));
        board.themes.push(Theme {
            id: id.clone(),
            name: format!("Theme {i}"),
            colour: "#E4B363".into(),
            description: String::new(),
            rank: i as i64,
            frame,
            locked: false,
            modified: at(),
        });
        let mut item = Item::new(ItemKind::note(format!("Idea {i}")), Pos::new(24.0, 56.0), "Ann", "own team", at());
        item.theme = Some(id);
        item.z = i as i64;
        board.items.push(item);
    }
    storage::format::to_text(&board).unwrap()
}

/// A version 2 file (no frames) of `themes` themes and `items` items spread over them
/// and over the board.
fn version_2(themes: usize, items: usize) -> String {
    let mut text = String::from(
        "(\n    version: 2,\n    id: \"old-board\",\n    title: \"Old\",\n    description: \"\",\n    goals: [],\n    themes: [\n",
    );
    for i in 0..themes {
        text.push_str(&format!(
            "        (id: \"theme-{i}\", name: \"Theme {i}\", colour: \"#E4B363\", description: \"\", rank: {i}, modified: \"2026-11-23T17:50:32.763Z\"),\n"
        ));
    }
    text.push_str("    ],\n    items: [\n");
    for i in 0..items {
        let (x, y) = ((i % 50) as f32 * 180.0, (i / 50) as f32 * 120.0);
        text.push_str(&format!(
            "        (id: \"item-{i}\", kind: Note(text: \"Idea {i}\"), pos: (x: {x:?}, y: {y:?}), size: (w: 250.0, h: 100.0), z: {i}, theme: Some(\"theme-{}\"), tags: [], contributor: \"Ann\", source: \"own team\", locked: false, created: \"2026-11-23T17:50:32.763Z\", modified: \"2026-11-23T17:50:32.763Z\"),\n",
            (i * 7) % themes
        ));
    }
    text.push_str("    ],\n    deleted: [],\n    created: \"2026-11-23T17:50:32.705Z\",\n    modified: \"2026-11-23T17:50:32.705Z\",\n    session: (phase: Off, timer: Stopped(secs: 600), hide_contributors: false, dots_per_person: 3, votes_revealed: false, own_prompts: [], modified: \"2026-11-23T17:50:32.705Z\"),\n    votes: [],\n    responses: [],\n)\n");
    text
}

/// A JSON Canvas of `groups` groups all at one spot, each holding `cards` text cards.
fn canvas_groups_on_one_spot(groups: usize, cards: usize) -> String {
    let mut nodes: Vec<String> = (0..groups)
        .map(|g| format!(r#"{{"id":"g{g}","type":"group","label":"Group {g}","x":0,"y":0,"width":600,"height":400}}"#))
        .collect();
    nodes.extend(
        (0..groups * cards).map(|i| {
            format!(r#"{{"id":"n{i}","type":"text","text":"Idea {i}","x":40,"y":80,"width":250,"height":60}}"#)
        }),
    );
    format!(r#"{{"nodes":[{}],"edges":[]}}"#, nodes.join(","))
}

/// A JSON Canvas of `cards` text cards all at one spot.
fn canvas_on_one_spot(cards: usize) -> String {
    let nodes: Vec<String> = (0..cards)
        .map(|i| format!(r#"{{"id":"n{i}","type":"text","text":"Idea {i}","x":0,"y":0,"width":250,"height":60}}"#))
        .collect();
    format!(r#"{{"nodes":[{}],"edges":[]}}"#, nodes.join(","))
}

fn parse_and_repair(text: &str) -> Board {
    storage::format::parse(std::path::Path::new("received.moodboard.ron"), text).unwrap().repaired().0
}

fn received(c: &mut Criterion) {
    let mut group = c.benchmark_group("received");
    group.sample_size(10);
    for (name, text) in [("piled_frames_10k", piled_frames(10_000)), ("version_2_2000x2000", version_2(2_000, 2_000))] {
        let repaired = parse_and_repair(&text);
        assert!(moodboard::model::frames::check(&repaired).is_ok(), "{name} keeps the frame rules");
        group.bench_function(format!("{name}/parse_only"), |b| {
            b.iter(|| ron::Options::default().from_str::<ron::Value>(&text).unwrap())
        });
        group.bench_function(format!("{name}/load"), |b| b.iter(|| parse_and_repair(&text)));
    }

    let dir = tempfile::tempdir().unwrap();
    let board_path = dir.path().join("Spot.moodboard.ron");
    let store = storage::AssetStore::for_board(&board_path);
    for (name, text, items) in [
        ("canvas_50k_on_one_spot", canvas_on_one_spot(50_000), 50_000),
        ("canvas_800_groups_on_one_spot", canvas_groups_on_one_spot(800, 10), 8_000),
    ] {
        let canvas = dir.path().join(format!("{name}.canvas"));
        std::fs::write(&canvas, &text).unwrap();
        let import = || {
            let nodes = moodboard::export::read_canvas(&canvas, &store).unwrap();
            let mut board = Board::new("Spot", at());
            let ideas = nodes.ideas(&board);
            let mut clock = Stamper::new(&board, Timestamp::now(), "Ann");
            let by = Contributor::own_team("Ann");
            operations::add_with_themes(&mut board, ideas.themes, ideas.ideas, ideas.connectors, by, &mut clock)
                .unwrap();
            board
        };
        let imported = import();
        assert_eq!(imported.items.len(), items);
        assert!(moodboard::model::frames::check(&imported).is_ok(), "{name} keeps the frame rules");
        assert!(moodboard::model::frames::cards_overlap(&imported).is_none(), "{name}: no card lies on another");
        group.bench_function(format!("{name}/parse_only"), |b| {
            b.iter(|| serde_json::from_str::<serde_json::Value>(&text).unwrap())
        });
        group.bench_function(format!("{name}/import"), |b| b.iter(import));
    }
    group.finish();
}

criterion_group!(benches, received);
criterion_main!(benches);
