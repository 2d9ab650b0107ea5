//! Moving pictures (issue 30; figures in docs/PERFORMANCE.md): 20 animated GIFs of 100
//! frames (480 × 360) on a board, all in view, in the real app (headless):
//!
//! - the memory their frames take (the animations' own count, and this process's growth
//!   from the board open with still pictures to all of them playing; target under
//!   300 MiB);
//! - that the app asks for no repaint once the window loses the focus;
//! - a frame of the canvas with them playing, beside the same board with moving
//!   pictures turned off (criterion).

use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use moodboard::model::{Board, Item, Pos, Timestamp};

mod common;

fn gif(seed: usize, frames: usize) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut encoder = image::codecs::gif::GifEncoder::new(&mut out);
        encoder.set_repeat(image::codecs::gif::Repeat::Infinite).unwrap();
        let frames = (0..frames).map(|i| {
            let buffer = image::RgbaImage::from_fn(480, 360, |x, y| {
                let v = ((x / 24 + y / 24) as usize + i + seed) % 8;
                image::Rgba([(v * 32) as u8, ((seed * 40) % 256) as u8, (255 - v * 32) as u8, 255])
            });
            image::Frame::from_parts(buffer, 0, 0, image::Delay::from_numer_denom_ms(40, 1))
        });
        encoder.encode_frames(frames).unwrap();
    }
    out
}

fn board_of_gifs(dir: &Path, n: usize) -> std::path::PathBuf {
    let boards = dir.join("boards");
    std::fs::create_dir_all(&boards).unwrap();
    let path = boards.join("Moving.moodboard.ron");
    let store = moodboard::storage::AssetStore::for_board(&path);
    let thumbs = moodboard::media::thumbs::ThumbCache::none();
    let mut board = Board::new("Moving", Timestamp::now());
    for i in 0..n {
        let imported =
            moodboard::media::import_bytes(&store, &thumbs, &gif(i, 100), &format!("g{i}.gif"), Path::new("g.gif"))
                .unwrap();
        let at = Pos::new((i % 5) as f32 * 260.0, (i / 5) as f32 * 220.0);
        board.items.push(Item::new(imported.into_kind(), at, "Ann", "own team", Timestamp::now()));
    }
    moodboard::storage::save(&path, &board).unwrap();
    path
}

fn moving(c: &mut Criterion) {
    let tmp = tempfile::tempdir().unwrap();
    let path = board_of_gifs(tmp.path(), 20);
    let assets: Vec<_> =
        moodboard::storage::load(&path).unwrap().board.items.iter().filter_map(|i| i.kind.picture().cloned()).collect();
    let prefs = moodboard::prefs::Prefs { moving_pictures: false, ..Default::default() };
    let mut h = common::headless_app(path, tmp.path(), prefs);
    h.run_steps(30);
    let still = common::memory_mib(std::process::id(), "VmRSS:");
    h.state_mut().prefs.moving_pictures = true;
    let start = Instant::now();
    while !assets.iter().all(|a| h.state().open.images.animations.moves(a) == Some(true)) {
        assert!(start.elapsed() < Duration::from_secs(120), "the animations did not load");
        h.run_steps(1);
        std::thread::sleep(Duration::from_millis(10));
    }
    let loaded = start.elapsed();
    h.run_steps(20);
    let playing = common::memory_mib(std::process::id(), "VmRSS:");
    let frames_mib = h.state().open.images.animations.memory() as f64 / (1024.0 * 1024.0);
    h.input_mut().focused = false;
    h.run_steps(3);
    let idle = !h.ctx.has_requested_repaint();
    h.input_mut().focused = true;
    println!(
        "moving: 20 GIFs × 100 frames (480×360) in view: frames decoded in {:.1} s, their frames hold {frames_mib:.0} MiB; the process grew by {:.0} MiB from still pictures to all playing (target under 300 MiB); no repaint asked without the focus: {idle}",
        loaded.as_secs_f64(),
        playing - still,
    );
    c.bench_function("frame with 20 moving pictures in view", |b| b.iter(|| h.run_steps(1)));
    h.state_mut().prefs.moving_pictures = false;
    h.run_steps(3);
    c.bench_function("frame with the same 20 pictures still", |b| b.iter(|| h.run_steps(1)));
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(Duration::from_secs(4));
    targets = moving
}
criterion_main!(benches);
