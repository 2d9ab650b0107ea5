//! Frame cost: CPU time of one egui frame of the canvas (layout and painting, no GPU)
//! with 2,000 items of which about 100 are on screen, against 20 items; and the 2,000
//! in a session's React step with 5,000 dots and 2,000 replies on them (issue 19).
//! Target: < 4 ms, and < 2× the 20-item frame. Beside them, a board of only the 108
//! cards the large one shows (with as many dots and replies per card): what the frame
//! costs for the same view on a small board.

use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use egui::emath::TSTransform;
use egui::{RawInput, Rect, pos2, vec2};
use moodboard::media::{ImageCache, WorkerPool};
use moodboard::model::{Board, Item, ItemKind, Pos, Size, Timestamp};
use moodboard::storage::AssetStore;
use moodboard::ui::canvas::canvas_ui;
use moodboard::ui::view::ViewState;

/// `n` cards in a grid `cols` wide. At zoom 0.5 in a 1400×900 canvas a 50-wide grid of
/// 2,000 shows about 100; a 5-wide grid of 20 shows all 20.
fn grid_board(n: usize, cols: usize) -> Board {
    let now = Timestamp::from_unix_millis(1_790_000_000_000);
    let mut board = Board::new("Grid", now);
    let theme = board.new_theme("Light", now);
    board.themes.push(theme);
    for i in 0..n {
        let kind = match i % 3 {
            0 => ItemKind::note(format!("Idea {i}: a brainwave that needs a few words to wrap")),
            1 => ItemKind::quote(format!("Quote {i}"), "Someone", String::new()),
            _ => ItemKind::colour("#6BA292", format!("Colour {i}")),
        };
        let mut item =
            Item::new(kind, Pos::new((i % cols) as f32 * 240.0, (i / cols) as f32 * 200.0), "Ann", "own team", now);
        item.size = Size::new(220.0, 160.0);
        item.z = i as i64;
        if i % 2 == 0 {
            item.theme = Some(board.themes[0].id.clone());
        }
        board.items.push(item);
    }
    board
}

/// The board in the React step, totals revealed, with `dots` dots by 50 people and
/// `replies` replies spread over its items.
fn judged(mut board: Board, dots: usize, replies: usize) -> Board {
    use moodboard::model::{Answer, Phase, Response, ResponseId, Vote, VoteId};
    let now = Timestamp::from_unix_millis(1_790_000_000_000);
    board.session.phase = Phase::React;
    board.session.votes_revealed = true;
    let ids: Vec<_> = board.items.iter().map(|i| i.id.clone()).collect();
    for n in 0..dots {
        let item = ids[(n * 7) % ids.len()].clone();
        board.votes.push(Vote { id: VoteId::new_random(), item, by: format!("Person {}", n % 50), at: now });
    }
    for n in 0..replies {
        let item = ids[(n * 13) % ids.len()].clone();
        let answer = Answer::Reply(format!("Yes, and {n}"));
        board.responses.push(Response { id: ResponseId::new_random(), item, by: "Ann".into(), answer, at: now });
    }
    board
}

fn frame(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut group = c.benchmark_group("canvas_frame");
    let cases = [(20, 5, 0, 0), (108, 12, 0, 0), (2000, 50, 0, 0), (108, 12, 270, 108), (2000, 50, 5000, 2000)];
    for (n, cols, dots, replies) in cases {
        let board = if dots > 0 { judged(grid_board(n, cols), dots, replies) } else { grid_board(n, cols) };
        let ctx = egui::Context::default();
        let pool = Arc::new(WorkerPool::new("bench", 1));
        let thumbs = Arc::new(moodboard::media::thumbs::ThumbCache::new(None, 0));
        let mut images =
            ImageCache::new(ctx.clone(), pool, AssetStore::for_board(&dir.path().join("Grid.moodboard.ron")), thumbs);
        let mut view = ViewState::default();
        view.camera.screen_from_board = TSTransform::from_scaling(0.5);
        let input = RawInput {
            screen_rect: Some(Rect::from_min_size(pos2(0.0, 0.0), vec2(1400.0, 900.0))),
            ..Default::default()
        };
        let mut run = || {
            let mut actions = Vec::new();
            let mut out =
                ctx.run_ui(input.clone(), |ui| canvas_ui(ui, &board, &mut view, &mut images, "Ann", &mut actions));
            out.textures_delta.clear(); // no GPU to upload to (the grid's tile, once)
            // Tessellation is CPU work of the frame too; only the GPU upload is left out.
            ctx.tessellate(out.shapes, out.pixels_per_point)
        };
        // Warm up fonts and galley caches, as in a running app.
        for _ in 0..3 {
            run();
        }
        let visible = board.items.iter().filter(|i| i.pos.x < 2800.0 && i.pos.y < 1800.0).count();
        let name = if dots > 0 {
            format!("{n}_items_{visible}_visible_{dots}_dots_{replies}_replies")
        } else {
            format!("{n}_items_{visible}_visible")
        };
        group.bench_function(name, |b| b.iter(&mut run));
    }
    group.finish();
}

criterion_group!(benches, frame);
criterion_main!(benches);
