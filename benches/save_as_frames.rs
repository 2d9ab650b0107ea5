//! Responsiveness while Save As copies a 200-photo board: the real app (headless,
//! egui_kittest) is asked to save a copy, and draws frames at about 60 a second until the
//! copy is written and open. Each frame's CPU time is measured (our logic and UI, egui's
//! layout and tessellation; no GPU). Target: no frame over 50 ms. For comparison, the
//! same copy done in one go (what a frame waited for when Save As ran on the UI thread).

use std::path::PathBuf;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use moodboard::app::Picked;
use moodboard::model::{Board, Item, ItemKind, PixelSize, Pos, Timestamp};
use moodboard::prefs::Prefs;
use moodboard::storage::{self, AssetStore};

mod common;

const PHOTOS: usize = 200;
const FRAME_LIMIT: Duration = Duration::from_millis(50);

/// A board of `PHOTOS` different 1600×1200 photos (stored as they would be by import).
fn photo_board(dir: &std::path::Path) -> PathBuf {
    let path = dir.join("Photos.moodboard.ron");
    let store = AssetStore::for_board(&path);
    let jpeg = common::photo_like_jpeg(1600, 1200, 90);
    let now = Timestamp::now();
    let mut board = Board::new("Photos", now);
    for i in 0..PHOTOS {
        let bytes = common::distinct_jpeg(&jpeg, i);
        let asset = store.store(&bytes, "jpg").unwrap();
        let kind = ItemKind::Image(moodboard::model::kinds::Image {
            asset,
            file_name: format!("photo-{i}.jpg"),
            pixel_size: PixelSize { w: 1600, h: 1200 },
            caption: String::new(),
            crop: None,
            turn: Default::default(),
            url: String::new(),
        });
        let mut item =
            Item::new(kind, Pos::new((i % 20) as f32 * 340.0, (i / 20) as f32 * 260.0), "Bench", "own team", now);
        item.z = i as i64;
        board.items.push(item);
    }
    storage::create(&path, &board).unwrap();
    path
}

fn save_as_frames(_c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let board = photo_board(dir.path());

    // The peer: the whole copy in one go, as one frame once waited for it.
    let loaded = storage::load(&board).unwrap().board;
    let one_go = dir.path().join("One go.moodboard.ron");
    let t = Instant::now();
    moodboard::app::save_copy(&board, &loaded, &one_go, &Default::default()).unwrap();
    let in_one_go = t.elapsed();

    let mut harness = common::headless_app(board, dir.path(), Prefs { name: "Bench".into(), ..Prefs::default() });
    // Let the pictures load first: only Save As is measured.
    let deadline = Instant::now() + Duration::from_secs(300);
    while harness.state().is_busy() && Instant::now() < deadline {
        harness.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    let copy = dir.path().join("Copy.moodboard.ron");
    let started = Instant::now();
    harness.state_mut().picked(Picked::SaveAs(copy.clone()));
    let mut frames = Vec::new();
    let deadline = started + Duration::from_secs(300);
    loop {
        let t = Instant::now();
        harness.step();
        frames.push(t.elapsed());
        if (harness.state().doc().path == copy && !harness.state().is_busy()) || Instant::now() > deadline {
            break;
        }
        std::thread::sleep(Duration::from_millis(16).saturating_sub(t.elapsed()));
    }
    let took = started.elapsed();
    assert_eq!(harness.state().doc().path, copy, "the copy is open");
    assert_eq!(std::fs::read_dir(AssetStore::for_board(&copy).dir()).unwrap().count(), PHOTOS, "every photo copied");
    frames.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let over = frames.iter().filter(|f| **f > FRAME_LIMIT).count();
    println!(
        "save_as_200_photos: copy written and open in {:.2} s; {} frames: median {:.1} ms, longest {:.1} ms; {} over {} ms; the same copy in one go: {:.0} ms",
        took.as_secs_f64(),
        frames.len(),
        ms(frames[frames.len() / 2]),
        ms(*frames.last().unwrap()),
        over,
        FRAME_LIMIT.as_millis(),
        ms(in_one_go)
    );
}

criterion_group!(benches, save_as_frames);
criterion_main!(benches);
