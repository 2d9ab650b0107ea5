//! Makes a board of generated photos, for measuring what a user feels with a big board
//! (docs/PERFORMANCE.md):
//!
//! ```sh
//! cargo run --release --example photo_board -- /tmp/photos 500 4000x3000
//! time target/release/moodboard /tmp/photos/Photos.moodboard.ron --screenshot shot.png
//! ```
//!
//! Writes `DIR/Photos.moodboard.ron` with N photo-like JPEGs (quality 90, default
//! 4000×3000, each with a 160-pixel EXIF preview as a camera writes) in its assets
//! folder, laid out in a grid. No thumbnail is cached, so the first open is a cold one.

use std::path::PathBuf;

use image::{Rgb, RgbImage};
use moodboard::media::import_bytes;
use moodboard::media::thumbs::ThumbCache;
use moodboard::model::{Board, Item, ItemKind, Pos, Size, Timestamp};
use moodboard::storage::{self, AssetStore};

fn photo(i: usize, w: u32, h: u32) -> Vec<u8> {
    let mut seed = 0x9E37_79B9u32 ^ (i as u32).wrapping_mul(2_654_435_761);
    let img = RgbImage::from_fn(w, h, |x, y| {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        let noise = (seed % 24) as i32 - 12;
        let stripe = if (x / 97 + y / 61 + i as u32).is_multiple_of(2) { 18 } else { -18 };
        let c = |a: u32, b: u32| ((((x * a) / w + (y * b) / h) as i32 + noise + stripe).clamp(0, 255)) as u8;
        Rgb([c(200 + i as u32 % 55, 40), c(60, 180), c(120, (i as u32 * 37) % 200)])
    });
    let jpeg = |picture: &RgbImage| {
        let mut out = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90).encode_image(picture).expect("encode");
        out
    };
    let preview = jpeg(&image::imageops::thumbnail(&img, 160, (160 * h / w).max(1)));
    moodboard::media::preview::with_camera_exif(&jpeg(&img), 1, Some(&preview)).expect("an EXIF segment")
}

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let usage = "usage: photo_board DIR [COUNT] [WIDTHxHEIGHT]";
    let dir = PathBuf::from(args.next().ok_or_else(|| anyhow::anyhow!(usage))?);
    let count: usize = args.next().map_or(Ok(500), |n| n.parse()).map_err(|_| anyhow::anyhow!(usage))?;
    let (w, h) = match args.next() {
        Some(size) => {
            let (w, h) = size.split_once('x').ok_or_else(|| anyhow::anyhow!(usage))?;
            (w.parse()?, h.parse()?)
        }
        None => (4000, 3000),
    };
    std::fs::create_dir_all(&dir)?;
    let path = dir.join("Photos.moodboard.ron");
    let store = AssetStore::for_board(&path);
    let now = Timestamp::now();
    let mut board = Board::new("Photos", now);
    let cols = (count as f32).sqrt().ceil() as usize;
    let cell = Size::new(320.0, 240.0);
    // Two threads generate and import; the board is assembled in order afterwards.
    let imported: Vec<_> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..2)
            .map(|t| {
                let store = &store;
                scope.spawn(move || {
                    (t..count)
                        .step_by(2)
                        .map(|i| {
                            let bytes = photo(i, w, h);
                            let name = format!("photo-{i:04}.jpg");
                            let imported = import_bytes(store, &ThumbCache::none(), &bytes, &name, name.as_ref());
                            if i % 50 == 0 {
                                eprintln!("{i} of {count}");
                            }
                            (i, imported)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        let mut all: Vec<_> = workers.into_iter().flat_map(|w| w.join().expect("worker")).collect();
        all.sort_by_key(|(i, _)| *i);
        all
    });
    for (i, imported) in imported {
        let imported = imported?;
        let pos = Pos::new((i % cols) as f32 * (cell.w + 20.0), (i / cols) as f32 * (cell.h + 20.0));
        let kind = ItemKind::Image(moodboard::model::kinds::Image {
            asset: imported.asset,
            file_name: imported.file_name,
            pixel_size: imported.pixel_size,
            caption: String::new(),
            crop: None,
            turn: Default::default(),
            url: String::new(),
        });
        let mut item = Item::new(kind, pos, "bench", "own team", now);
        item.size = cell;
        item.z = i as i64;
        board.items.push(item);
    }
    storage::save(&path, &board)?;
    println!("{}", path.display());
    Ok(())
}
