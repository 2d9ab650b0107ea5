//! Import: a 12-megapixel JPEG (4000×3000, quality 90, generated photo-like) to the
//! picture shown on a card, single thread, against a plain full decode of the same file
//! with `image`. Target: ≤ 0.7 of the full decode. Also the whole import of one photo
//! into a board, for reference.

use criterion::{Criterion, criterion_group, criterion_main};

mod common;
use common::photo_like_jpeg;

fn import(c: &mut Criterion) {
    let jpeg = photo_like_jpeg(4000, 3000, 90);
    let mut group = c.benchmark_group("import_12mp_jpeg");
    group.sample_size(10);
    group.bench_function("image_full_decode", |b| b.iter(|| image::load_from_memory(&jpeg).unwrap()));
    group.bench_function("card_picture", |b| b.iter(|| moodboard::media::card_image(&jpeg).unwrap()));
    // The whole import as the app runs it on a worker: check, decode the card picture,
    // hash and copy into the assets folder, and write the card picture to the cache.
    let dir = tempfile::tempdir().unwrap();
    let store = moodboard::storage::AssetStore::for_board(&dir.path().join("B.moodboard.ron"));
    let thumbs = moodboard::media::thumbs::ThumbCache::new(Some(dir.path().join("thumbs")), u64::MAX);
    let origin = std::path::Path::new("photo.jpg");
    group.bench_function("import_into_board", |b| {
        b.iter(|| moodboard::media::import_bytes(&store, &thumbs, &jpeg, "photo.jpg", origin).unwrap())
    });
    group.finish();
}

criterion_group!(benches, import);
criterion_main!(benches);
