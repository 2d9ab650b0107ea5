//! Inputs the benchmarks share.
// Each bench uses part of this module.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use egui::Vec2;
use egui_kittest::Harness;
use image::{Rgb, RgbImage};
use moodboard::app::{MoodboardApp, Startup};
use moodboard::prefs::Prefs;

/// The real app, headless (egui_kittest, no GPU), 1400×900, with `board` open and its
/// boards folder, thumbnails and (unsaved) preferences under `dir`.
pub fn headless_app(board: PathBuf, dir: &Path, prefs: Prefs) -> Harness<'static, MoodboardApp> {
    let startup = Startup {
        board: Some(board),
        screenshot: None,
        boards_dir: dir.join("boards"),
        prefs,
        save_prefs: false,
        file_dialogs: moodboard::app::DialogKind::InWindow,
        ask_name: false,
        thumbs_dir: Some(dir.join("thumbs")),
        live_dir: Some(dir.join("live")),
        library_dir: Some(dir.join("library")),
        templates_dir: Some(dir.join("templates")),
    };
    Harness::builder()
        .with_size(Vec2::new(1400.0, 900.0))
        .build_eframe(move |cc| MoodboardApp::new(&cc.egui_ctx, startup))
}

/// Smooth gradients with fine noise and edges, so the encoder works as hard as on a photo.
pub fn photo_like_jpeg(w: u32, h: u32, quality: u8) -> Vec<u8> {
    jpeg(&photo_like(w, h), quality)
}

/// [`photo_like_jpeg`] as a camera writes it: with an EXIF segment holding a 160-pixel
/// preview of the picture (IFD1), as the photos of the cameras have.
pub fn camera_jpeg(w: u32, h: u32, quality: u8) -> Vec<u8> {
    let picture = photo_like(w, h);
    let preview = jpeg(&image::imageops::thumbnail(&picture, 160, (160 * h / w).max(1)), 90);
    moodboard::media::preview::with_camera_exif(&jpeg(&picture, quality), 1, Some(&preview)).unwrap()
}

fn jpeg(picture: &RgbImage, quality: u8) -> Vec<u8> {
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, quality).encode_image(picture).unwrap();
    out
}

fn photo_like(w: u32, h: u32) -> RgbImage {
    let mut seed: u32 = 0x9E37_79B9;
    RgbImage::from_fn(w, h, |x, y| {
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
    })
}

/// `jpeg` made a different file (another BLAKE3 name) by a comment saying `photo i`, as
/// a hundred different photos would be.
pub fn distinct_jpeg(jpeg: &[u8], i: usize) -> Vec<u8> {
    let mut bytes = jpeg[..2].to_vec();
    let comment = format!("photo {i}");
    bytes.extend([0xFF, 0xFE]);
    bytes.extend(((comment.len() + 2) as u16).to_be_bytes());
    bytes.extend(comment.as_bytes());
    bytes.extend(&jpeg[2..]);
    bytes
}

/// A figure of a process's memory from /proc (`VmRSS:` now, `VmHWM:` its peak), in MiB.
pub fn memory_mib(pid: u32, field: &str) -> f64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let kb: f64 = status
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0.0);
    kb / 1024.0
}
