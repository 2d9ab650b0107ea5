//! Sketches and connectors on the canvas (issue 30): one egui frame of the canvas
//! (layout, painting and tessellation; no GPU) at fit zoom with 200 sketches of 50
//! strokes × 200 points, and the same with 2,000 connectors between them, against the
//! same board with a note in place of each sketch and no connectors. Target: ≤ 1.5 ×
//! (each sketch is kept as a picture at the size it is shown, not its outlines redrawn;
//! a connector is a line and a head, its label left out where it would be unreadable). And
//! the frame in which a stroke lands on such a sketch shown at 100 %: its picture is
//! drawn again from all 50 strokes. Target: < 8 ms.

use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use egui::emath::TSTransform;
use egui::{RawInput, Rect, pos2, vec2};
use moodboard::media::{ImageCache, WorkerPool};
use moodboard::model::kinds::{INKS, Sketch, Stroke};
use moodboard::model::{Board, Item, ItemKind, Pos, Size, Timestamp};
use moodboard::storage::AssetStore;
use moodboard::ui::canvas::canvas_ui;
use moodboard::ui::view::ViewState;

/// A sketch of `strokes` strokes of `points` points each, wandering over its area.
fn busy_sketch(strokes: usize, points: usize, seed: usize) -> Sketch {
    let area = Sketch::default().area;
    let strokes = (0..strokes)
        .map(|s| {
            let (x0, y0) = (((s * 37 + seed * 11) % 400) as f32 + 40.0, ((s * 53 + seed * 7) % 280) as f32 + 40.0);
            let points = (0..points)
                .map(|p| {
                    let t = p as f32 / points as f32;
                    let x = (x0 + t * 160.0 - 80.0 + (t * 19.0).sin() * 12.0).clamp(0.0, area.w);
                    let y = (y0 + (t * 7.0 + s as f32).sin() * 60.0).clamp(0.0, area.h);
                    [x, y, 0.5]
                })
                .collect();
            Stroke { colour: INKS[s % INKS.len()].into(), width: [3.0, 7.0][s % 2], pressure: false, points }
        })
        .collect();
    Sketch { strokes, ..Sketch::default() }
}

/// 2,000 connectors between the 200 cards: each card to ten others, every other one
/// labelled, some dashed, some with heads at both ends.
fn connect(board: &mut Board) {
    use moodboard::model::{Connector, End, Heads};
    let ids: Vec<_> = board.items.iter().map(|i| i.id.clone()).collect();
    let now = Timestamp::from_unix_millis(1_790_000_000_000);
    for (i, from) in ids.iter().enumerate() {
        for k in 0..10 {
            let to = &ids[(i + k * 7 + 1) % ids.len()];
            let mut c = Connector::new(End::Card(from.clone()), End::Card(to.clone()), "Ann", now);
            if k % 2 == 0 {
                c.label = format!("link {k}");
            }
            c.dashed = k % 3 == 0;
            c.heads = if k % 4 == 0 { Heads::Both } else { Heads::End };
            board.connectors.push(c);
        }
    }
    board.connectors.sort_by(|a, b| a.id.cmp(&b.id));
}

/// 200 cards of 480 × 360 in a 20-wide grid: sketches, or notes in their place.
fn board(sketches: bool) -> Board {
    let now = Timestamp::from_unix_millis(1_790_000_000_000);
    let mut board = Board::new("Sketches", now);
    for i in 0..200 {
        let kind = if sketches {
            ItemKind::Sketch(busy_sketch(50, 200, i))
        } else {
            ItemKind::note(format!("Idea {i}: a brainwave that needs a few words to wrap"))
        };
        let mut item =
            Item::new(kind, Pos::new((i % 20) as f32 * 520.0, (i / 20) as f32 * 400.0), "Ann", "own team", now);
        item.size = Size::new(480.0, 360.0);
        item.z = i as i64;
        board.items.push(item);
    }
    board
}

struct Canvas {
    ctx: egui::Context,
    images: ImageCache,
    view: ViewState,
    input: RawInput,
    _dir: tempfile::TempDir,
}

impl Canvas {
    fn new(zoom: f32) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let ctx = egui::Context::default();
        let pool = Arc::new(WorkerPool::new("bench", 1));
        let thumbs = Arc::new(moodboard::media::thumbs::ThumbCache::new(None, 0));
        let images =
            ImageCache::new(ctx.clone(), pool, AssetStore::for_board(&dir.path().join("S.moodboard.ron")), thumbs);
        let mut view = ViewState::default();
        view.camera.screen_from_board = TSTransform::from_scaling(zoom);
        let input = RawInput {
            screen_rect: Some(Rect::from_min_size(pos2(0.0, 0.0), vec2(1400.0, 900.0))),
            ..Default::default()
        };
        Self { ctx, images, view, input, _dir: dir }
    }

    fn frame(&mut self, board: &Board) {
        let mut actions = Vec::new();
        self.images.poll();
        let (view, images) = (&mut self.view, &mut self.images);
        let mut out = self.ctx.run_ui(self.input.clone(), |ui| canvas_ui(ui, board, view, images, "Ann", &mut actions));
        out.textures_delta.clear();
        self.ctx.tessellate(out.shapes, out.pixels_per_point);
    }
}

fn sketches(c: &mut Criterion) {
    let mut group = c.benchmark_group("sketch_frame");
    // At fit zoom: the 20 × 10 grid (10,400 × 4,000 units) in a 1400 × 900 canvas.
    let fit = 1400.0 / 10_400.0;
    for (with, connectors) in [(false, false), (true, false), (true, true)] {
        let mut board = board(with);
        if connectors {
            connect(&mut board);
        }
        let mut canvas = Canvas::new(fit);
        // Warm up: fonts, galleys, every sketch's picture at this size (a few frames'
        // worth of drawing each; the longest of these frames is said).
        let mut longest = std::time::Duration::ZERO;
        let mut frames = 0;
        while frames < 5 || (with && canvas.images.sketches.memory() < 200 * 64 * 48 * 4 && frames < 500) {
            let started = std::time::Instant::now();
            canvas.frame(&board);
            longest = longest.max(started.elapsed());
            frames += 1;
        }
        eprintln!(
            "{}: {frames} frames to draw everything, the longest {longest:?}",
            if with { "sketches" } else { "notes" }
        );
        let name = match (with, connectors) {
            (true, true) => "200_sketches_50x200_2000_connectors_at_fit",
            (true, false) => "200_sketches_50x200_at_fit",
            _ => "200_notes_at_fit",
        };
        group.bench_function(name, |b| b.iter(|| canvas.frame(&board)));
        if connectors {
            // Panning: the view moves a point each frame, so the connectors' mesh is
            // moved (within the board it was made for) or made again.
            let mut step = 0.0f32;
            group.bench_function("200_sketches_50x200_2000_connectors_panning", |b| {
                b.iter(|| {
                    step += 1.0;
                    let shift = if (step as i32 / 200) % 2 == 0 { 1.0 } else { -1.0 };
                    canvas.view.camera.screen_from_board.translation.x += shift;
                    canvas.frame(&board)
                })
            });
            // Zooming: every frame at another scale, the mesh made again.
            let mut k = 0u32;
            group.bench_function("200_sketches_50x200_2000_connectors_zooming", |b| {
                b.iter(|| {
                    k += 1;
                    canvas.view.camera.screen_from_board.scaling = fit * (1.0 + (k % 50) as f32 * 0.001);
                    canvas.frame(&board)
                })
            });
            canvas.view.camera.screen_from_board.scaling = fit;
        }
        if with {
            eprintln!("sketch pictures kept: {} KiB", canvas.images.sketches.memory() / 1024);
        }
    }
    // A stroke lands on a sketch of 50 strokes shown at 100 %: its picture is drawn again.
    let mut one = board(true);
    one.items.truncate(1);
    let mut canvas = Canvas::new(1.0);
    canvas.frame(&one);
    let mut stamp = 1_790_000_000_000i64;
    group.bench_function("stroke_lands_on_50x200_sketch_at_100", |b| {
        b.iter(|| {
            // A new version of the sketch: its picture is drawn again, as after a stroke.
            stamp += 1;
            one.items[0].modified = Timestamp::from_unix_millis(stamp);
            canvas.frame(&one);
        })
    });
    group.finish();
}

criterion_group!(benches, sketches);
criterion_main!(benches);
