//! Board I/O: load and save of a 10,000-item board (target: < 100 ms each), and the
//! work that once grew with themes × items: `show` and the exports of a board with
//! 10,000 themes and 10,000 items, beside the same 10,000 items in 5 themes.

use criterion::{Criterion, criterion_group, criterion_main};
use moodboard::model::{Board, Item, ItemKind, Pos, Timestamp};
use moodboard::storage;

/// A board of `n` items of every text kind, in a few themes, like a busy team's board.
pub fn big_board(n: usize) -> Board {
    let now = Timestamp::from_unix_millis(1_790_000_000_000);
    let mut board = Board::new("Ten thousand ideas", now);
    board.goals = vec!["Find a new look".into(), "Keep it cheap".into()];
    for name in ["Light", "Sound", "Texture", "People", "Words"] {
        let theme = board.new_theme(name, now);
        board.themes.push(theme);
    }
    for i in 0..n {
        let kind = match i % 4 {
            0 => {
                ItemKind::note(format!("Idea {i}: what if the counter moved to the window and the light came in low?"))
            }
            1 => ItemKind::quote(format!("Quote number {i}, something a customer said"), "A regular", String::new()),
            2 => ItemKind::link(format!("https://example.com/page/{i}"), format!("Page {i}"), ""),
            _ => ItemKind::colour("#E4B363", format!("Colour {i}")),
        };
        let mut item =
            Item::new(kind, Pos::new((i % 100) as f32 * 260.0, (i / 100) as f32 * 200.0), "Ann", "own team", now);
        item.z = i as i64;
        item.theme = Some(board.themes[i % 5].id.clone());
        item.tags = vec!["warm".into()];
        board.items.push(item);
    }
    board
}

/// `n` items, each in a theme of its own.
fn theme_per_item_board(n: usize) -> Board {
    let mut board = big_board(n);
    let now = board.created();
    board.themes.clear();
    for (i, item) in board.items.iter_mut().enumerate() {
        let theme = moodboard::model::Theme {
            id: moodboard::model::ThemeId::parse(&format!("theme-{i}")).unwrap(),
            name: format!("Theme {i}"),
            colour: "#E4B363".into(),
            description: String::new(),
            rank: i as i64,
            frame: moodboard::model::BoardRect::from_pos_size(
                moodboard::model::Pos::new(0.0, 0.0),
                moodboard::model::Size::new(600.0, 400.0),
            ),
            locked: false,
            modified: now,
        };
        item.theme = Some(theme.id.clone());
        board.themes.push(theme);
    }
    board
}

fn show_and_export(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Themes.moodboard.ron");
    let store = storage::AssetStore::for_board(&path);
    let mut group = c.benchmark_group("show_export_10k_items");
    group.sample_size(10);
    for (name, board) in [("5_themes", big_board(10_000)), ("10k_themes", theme_per_item_board(10_000))] {
        group.bench_function(format!("show/{name}"), |b| b.iter(|| moodboard::cli::render_board(&board, true)));
        group.bench_function(format!("markdown/{name}"), |b| b.iter(|| moodboard::export::to_markdown(&board)));
        group.bench_function(format!("html/{name}"), |b| b.iter(|| moodboard::export::to_html(&board, &store)));
    }
    group.finish();
}

fn board_io(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Big.moodboard.ron");
    let board = big_board(10_000);
    storage::save(&path, &board).unwrap();
    let mut group = c.benchmark_group("board_io_10k_items");
    group.sample_size(20);
    group.bench_function("load", |b| b.iter(|| storage::load(&path).unwrap()));
    group.bench_function("save", |b| b.iter(|| storage::save(&path, &board).unwrap()));
    group.finish();
}

criterion_group!(benches, board_io, show_and_export);
criterion_main!(benches);
