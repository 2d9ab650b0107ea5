//! Reopen: a board of 500 photos, all visible at fit zoom. Time until every card's
//! picture is ready as a texture, with a warm thumbnail cache (target: < 1 s) and cold
//! (reported). The photos are generated, 1600×1200 JPEG q90 each, so that making 500
//! of them takes seconds rather than minutes; see docs/PERFORMANCE.md.

use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use image::{Rgb, RgbImage};
use moodboard::media::thumbs::ThumbCache;
use moodboard::media::{ImageCache, TextureState, WorkerPool};
use moodboard::model::AssetName;
use moodboard::storage::AssetStore;

const PHOTOS: usize = 500;

fn photo(i: usize) -> Vec<u8> {
    let mut seed = 0x9E37_79B9u32 ^ (i as u32).wrapping_mul(2_654_435_761);
    let img = RgbImage::from_fn(1600, 1200, |x, y| {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        let n = (seed % 20) as i32 - 10;
        let v = |b: u32| (((x * b + y * (b + i as u32)) / 13 % 256) as i32 + n).clamp(0, 255) as u8;
        Rgb([v(3), v(5), v(7)])
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90).encode_image(&img).unwrap();
    out
}

/// Asks for every picture, once a frame as the canvas does, until all are textures;
/// returns the time taken and the bytes of texture held.
fn open_all(store: &AssetStore, thumbs: &Arc<ThumbCache>, assets: &[AssetName]) -> (Duration, usize) {
    let ctx = egui::Context::default();
    let pool = Arc::new(WorkerPool::for_cores("bench"));
    let start = Instant::now();
    let mut images = ImageCache::new(ctx, pool, store.clone(), thumbs.clone());
    // At fit zoom 500 photos are small on screen: the small level is asked for.
    let px = moodboard::media::SMALL_SIDE as f32 / 2.0;
    loop {
        images.poll();
        let ready = assets.iter().filter(|a| matches!(images.get(a, px), TextureState::Ready { .. })).count();
        if ready == assets.len() {
            break;
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    (start.elapsed(), images.memory())
}

/// Peak resident memory of this process so far (Linux), in bytes.
fn peak_resident() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse::<u64>().ok().map(|kib| kib * 1024)
}

fn reopen(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let store = AssetStore::for_board(&dir.path().join("Photos.moodboard.ron"));
    let assets: Vec<AssetName> = (0..PHOTOS).map(|i| store.store(&photo(i), "jpg").unwrap()).collect();
    let thumbs = Arc::new(ThumbCache::new(Some(dir.path().join("thumbs")), u64::MAX));

    // Cold: once, since one run takes seconds. It also warms the cache.
    let (cold, held) = open_all(&store, &thumbs, &assets);
    println!("reopen_500_photos/cold_cache: {:.2} s (one run)", cold.as_secs_f64());
    println!("reopen_500_photos/textures: {:.1} MiB held for 500 visible photos", held as f64 / 1048576.0);

    let mut group = c.benchmark_group("reopen_500_photos");
    group.sample_size(10);
    group.bench_function("warm_cache", |b| {
        b.iter_custom(|iters| (0..iters).map(|_| open_all(&store, &thumbs, &assets).0).sum())
    });
    group.finish();
    if let Some(peak) = peak_resident() {
        println!(
            "reopen_500_photos/peak_resident_memory: {:.0} MiB (the whole bench process)",
            peak as f64 / 1048576.0
        );
    }
}

criterion_group!(benches, reopen);
criterion_main!(benches);
