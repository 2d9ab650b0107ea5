//! Responsiveness while 200 photos import: the real app (headless, egui_kittest) gets 200
//! 12-megapixel JPEGs dropped on it and draws frames at about 60 a second until every one
//! is on the board. Each frame's CPU time is measured (our logic and UI, egui's layout,
//! tessellation and the accessibility tree; no GPU). Target: no frame over 50 ms.
//!
//! The photos are one generated 4000×3000 JPEG (quality 90) with a different comment in
//! each copy, so that each has its own content hash and is decoded and stored on its own.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use moodboard::model::{Board, Timestamp};
use moodboard::prefs::Prefs;

mod common;

const PHOTOS: usize = 200;
const FRAME_LIMIT: Duration = Duration::from_millis(50);

/// A file dropped on the window, as the windowing layer hands it over.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// `jpeg` with a comment segment naming `i`, right after the start-of-image marker.
fn variant(jpeg: &[u8], i: usize) -> Vec<u8> {
    let comment = format!("photo {i}");
    let mut out = jpeg[..2].to_vec();
    out.extend([0xFF, 0xFE]);
    out.extend(((comment.len() + 2) as u16).to_be_bytes());
    out.extend(comment.as_bytes());
    out.extend(&jpeg[2..]);
    out
}

fn import_frames(_c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let jpeg = common::photo_like_jpeg(4000, 3000, 90);
    let files: Vec<PathBuf> = (0..PHOTOS)
        .map(|i| {
            let path = dir.path().join(format!("photo-{i:03}.jpg"));
            std::fs::write(&path, variant(&jpeg, i)).unwrap();
            path
        })
        .collect();
    let board = dir.path().join("Import.moodboard.ron");
    let mut start_board = Board::new("Import", Timestamp::now());
    start_board.goals = vec!["Stay responsive".into()];
    moodboard::storage::create(&board, &start_board).unwrap();
    let mut harness = common::headless_app(board, dir.path(), Prefs { name: "Bench".into(), ..Prefs::default() });
    harness.run_steps(5);

    let started = Instant::now();
    harness.input_mut().dropped_files =
        files.iter().map(|p| std::sync::Arc::new(Dropped(p.clone())) as egui::DroppedFileHandle).collect();
    let mut frames = Vec::new();
    let deadline = started + Duration::from_secs(600);
    loop {
        let t = Instant::now();
        harness.step();
        frames.push(t.elapsed());
        let on_board = harness.state().doc().board().items.len();
        if (on_board >= PHOTOS && !harness.state().is_busy()) || Instant::now() > deadline {
            break;
        }
        std::thread::sleep(Duration::from_millis(16).saturating_sub(t.elapsed()));
    }
    let took = started.elapsed();
    let on_board = harness.state().doc().board().items.len();
    assert_eq!(on_board, PHOTOS, "every photo arrived");
    frames.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let over = frames.iter().filter(|f| **f > FRAME_LIMIT).count();
    let median = frames[frames.len() / 2];
    let p99 = frames[(frames.len() * 99 / 100).min(frames.len() - 1)];
    let max = *frames.last().unwrap();
    println!(
        "import_200_photos: all on the board and shown in {:.1} s; {} frames: median {:.1} ms, 99th percentile {:.1} ms, longest {:.1} ms; {} over {} ms",
        took.as_secs_f64(),
        frames.len(),
        ms(median),
        ms(p99),
        ms(max),
        over,
        FRAME_LIMIT.as_millis()
    );
}

criterion_group!(benches, import_frames);
criterion_main!(benches);
