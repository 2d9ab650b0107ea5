//! Cold open and import of 40 12-megapixel photos (issue 19), each beside its peer in the
//! same run: a plain one-thread decode of the same files with `image`, and, where Python
//! has Pillow, a one-thread Pillow `Image.open(p).load()` of them (what BeeRef's open is
//! made of; benches/peers/pillow_open.py).
//!
//! - cold open: an empty thumbnail cache, until every card's picture is a texture, at the
//!   size 40 photos have at fit zoom (the small level); and until every card shows
//!   something (its camera's EXIF preview, or the picture);
//! - import and first view: one `moodboard add BOARD --image …` of the 40, then the
//!   cards shown.
//!
//! The photos are generated (4000×3000, quality 90, photo-like, with a 160-pixel EXIF
//! preview as cameras write), each made distinct by a byte after its end. Each figure
//! is one run per sample (they take seconds).

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use clap::Parser as _;
use criterion::{Criterion, criterion_group, criterion_main};
use moodboard::media::thumbs::ThumbCache;
use moodboard::media::{ImageCache, TextureState, WorkerPool};
use moodboard::model::AssetName;
use moodboard::storage::AssetStore;

mod common;
use common::camera_jpeg;

const PHOTOS: usize = 40;

/// When every card first showed something, and when every card's picture was a texture.
struct Opened {
    first_shown: Duration,
    all_pictures: Duration,
}

/// Asks for every picture once a frame, as the canvas does, until all are textures.
fn open_all(store: &AssetStore, thumbs: Arc<ThumbCache>, assets: &[AssetName]) -> Opened {
    let ctx = egui::Context::default();
    let pool = Arc::new(WorkerPool::for_cores("bench"));
    let start = Instant::now();
    let mut images = ImageCache::new(ctx, pool, store.clone(), thumbs);
    let px = moodboard::media::SMALL_SIDE as f32 / 2.0;
    let mut first_shown = None;
    loop {
        images.poll();
        let ready = assets.iter().filter(|a| matches!(images.get(a, px), TextureState::Ready { .. })).count();
        if ready == assets.len() {
            let first_shown = *first_shown.get_or_insert_with(|| start.elapsed());
            // Previews are shown as ready; the pictures are in when nothing is pending.
            if images.pending() == 0 {
                return Opened { first_shown, all_pictures: start.elapsed() };
            }
        }
        std::thread::sleep(Duration::from_millis(1));
    }
}

fn photos(dir: &Path) -> Vec<PathBuf> {
    let jpeg = camera_jpeg(4000, 3000, 90);
    (0..PHOTOS)
        .map(|i| {
            let path = dir.join(format!("photo-{i:02}.jpg"));
            let mut bytes = jpeg.clone();
            bytes.extend_from_slice(&(i as u32).to_le_bytes());
            std::fs::write(&path, bytes).unwrap();
            path
        })
        .collect()
}

fn pillow(files: &[PathBuf]) -> Option<f64> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/peers/pillow_open.py");
    let out = std::process::Command::new("python3").arg(script).args(files).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).trim().parse().ok()).flatten()
}

fn cold_open(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let files = photos(dir.path());
    let board = dir.path().join("Photos.moodboard.ron");
    let store = AssetStore::for_board(&board);
    let assets: Vec<AssetName> =
        files.iter().map(|f| store.store(&std::fs::read(f).unwrap(), "jpg").unwrap()).collect();
    // The CLI's preferences and cache stay in the bench's folder.
    let cache = dir.path().join("cli-cache");
    // SAFETY: set before any other thread of this process starts.
    unsafe {
        std::env::set_var(moodboard::media::thumbs::CACHE_DIR_ENV, &cache);
        std::env::set_var(moodboard::prefs::CONFIG_DIR_ENV, dir.path().join("config"));
    }

    let mut group = c.benchmark_group("photos_40_12mp");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(30));
    group.bench_function("plain_decode_one_thread", |b| {
        b.iter(|| {
            for f in &files {
                image::load_from_memory(&std::fs::read(f).unwrap()).unwrap();
            }
        })
    });
    let cold_open = || {
        let empty = tempfile::tempdir().unwrap();
        let thumbs = Arc::new(ThumbCache::deferred(Some(empty.path().to_owned()), u64::MAX));
        open_all(&store, thumbs, &assets)
    };
    group.bench_function("cold_open", |b| b.iter_custom(|iters| (0..iters).map(|_| cold_open().all_pictures).sum()));
    group.bench_function("cold_open_every_card_shows_something", |b| {
        b.iter_custom(|iters| (0..iters).map(|_| cold_open().first_shown).sum())
    });
    group.bench_function("import_and_first_view", |b| {
        b.iter_custom(|iters| {
            (0..iters)
                .map(|_| {
                    let fresh = tempfile::tempdir().unwrap();
                    let path = fresh.path().join("New.moodboard.ron");
                    moodboard::storage::create(
                        &path,
                        &moodboard::model::Board::new("New", moodboard::model::Timestamp::now()),
                    )
                    .unwrap();
                    let _ = std::fs::remove_dir_all(&cache);
                    let start = Instant::now();
                    let mut args = vec!["moodboard".into(), "add".into(), path.display().to_string(), "--image".into()];
                    args.extend(files.iter().map(|f| f.display().to_string()));
                    let cli = moodboard::cli::Cli::try_parse_from(args).unwrap();
                    moodboard::cli::run(cli.command.unwrap(), &mut std::io::sink(), &mut std::io::sink()).unwrap();
                    let added = moodboard::storage::load(&path).unwrap().board;
                    let new_store = AssetStore::for_board(&path);
                    let assets: Vec<AssetName> = added
                        .items
                        .iter()
                        .filter_map(|i| match &i.kind {
                            moodboard::model::ItemKind::Image(moodboard::model::kinds::Image { asset, .. }) => {
                                Some(asset.clone())
                            }
                            _ => None,
                        })
                        .collect();
                    assert_eq!(assets.len(), PHOTOS);
                    let thumbs = Arc::new(ThumbCache::deferred(Some(cache.clone()), u64::MAX));
                    open_all(&new_store, thumbs, &assets);
                    start.elapsed()
                })
                .sum()
        })
    });
    group.finish();
    match pillow(&files) {
        Some(seconds) => println!("photos_40_12mp/pillow_decode_one_thread: {seconds:.3} s (python3, same photos)"),
        None => println!("photos_40_12mp/pillow_decode_one_thread: not measured (no python3 with Pillow here)"),
    }
}

criterion_group!(benches, cold_open);
criterion_main!(benches);
