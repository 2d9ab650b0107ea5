//! Import: a 12-megapixel JPEG (4000×3000, quality 90, generated photo-like) to the
//! picture shown on a card, single thread, against a plain full decode of the same file
//! with `image`. Target: ≤ 0.7 of the full decode. Also the whole import of one photo
//! into a board, for reference.

use criterion::{Criterion, criterion_group, criterion_main};
use image::{Rgb, RgbImage};

/// Smooth gradients with fine noise and edges, so the encoder works as hard as on a photo.
pub fn photo_like_jpeg(w: u32, h: u32, quality: u8) -> Vec<u8> {
    let mut seed: u32 = 0x9E37_79B9;
    let img = RgbImage::from_fn(w, h, |x, y| {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        let noise = (seed % 24) as i32 - 12;
        let fx = x as f32 / w as f32;
        let fy = y as f32 / h as f32;
        let stripe = if (x / 97 + y / 61) % 2 == 0 { 18 } else { -18 };
        let c = |base: f32| (base * 255.0) as i32 + noise + stripe;
        let clamp = |v: i32| v.clamp(0, 255) as u8;
        Rgb([clamp(c(0.3 + 0.5 * fx)), clamp(c(0.2 + 0.6 * fy)), clamp(c(0.6 - 0.3 * fx * fy))])
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, quality).encode_image(&img).unwrap();
    out
}

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
