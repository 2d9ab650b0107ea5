//! The image cache's levels of detail, budget, failures and fades.

use super::*;

/// A board store with its thumbnail cache, and an image cache on a fresh context.
struct Rig {
    _dir: tempfile::TempDir,
    store: AssetStore,
    thumbs: Arc<ThumbCache>,
    ctx: Context,
    images: ImageCache,
    time: f64,
}

impl Rig {
    fn new(pool: Arc<WorkerPool>) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let store = AssetStore::for_board(&dir.path().join("B.moodboard.ron"));
        let thumbs = Arc::new(ThumbCache::new(Some(dir.path().join("thumbs")), u64::MAX));
        let ctx = Context::default();
        let images = ImageCache::new(ctx.clone(), pool, store.clone(), thumbs.clone());
        Self { _dir: dir, store, thumbs, ctx, images, time: 0.0 }
    }

    /// An asset with only a cached small picture of `w` × `h`.
    fn cached(&self, n: u8, w: usize, h: usize) -> AssetName {
        let asset = AssetName::from_hash(&format!("{n:02x}").repeat(16), "jpg").unwrap();
        self.thumbs.put(&asset, SMALL_SIDE, &ColorImage::new([w, h], vec![egui::Color32::from_gray(n); w * h]));
        asset
    }

    /// One frame `dt` seconds after the last, asking for `asks` at `px` pixels.
    fn frame(&mut self, dt: f64, asks: &[&AssetName], px: f32) -> Vec<TextureState> {
        self.time += dt;
        let input = egui::RawInput { time: Some(self.time), ..Default::default() };
        let mut states = Vec::new();
        let images = &mut self.images;
        let mut output = self.ctx.run_pass(input, |_| {
            images.poll();
            states = asks.iter().map(|a| images.get(a, px)).collect();
        });
        output.textures_delta.clear(); // no GPU here to upload to
        states
    }

    /// Frames until every ask is ready (or failed) at the level asked for.
    fn until_ready(&mut self, asks: &[&AssetName], px: f32) -> Vec<TextureState> {
        for _ in 0..2000 {
            let states = self.frame(0.0, asks, px);
            if self.images.pending() == 0 && states.iter().all(|s| !matches!(s, TextureState::Pending)) {
                return states;
            }
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        panic!("pictures did not arrive");
    }
}

fn size_of(state: &TextureState) -> [usize; 2] {
    match state {
        TextureState::Ready { texture, .. } => texture.size(),
        _ => panic!("not ready"),
    }
}

#[test]
fn a_decode_that_panics_shows_as_failed_with_the_reason() {
    let mut rig = Rig::new(Arc::new(WorkerPool::new("test", 1)));
    rig.images.decode = |_, _, _, _| panic!("a decoder bug");
    // Not cached, so that the decode runs (a cached JPEG level is served without it).
    let asset = AssetName::from_hash(&"09".repeat(16), "png").unwrap();
    let states = rig.until_ready(&[&asset], 100.0);
    assert!(matches!(&states[0], TextureState::Failed(why) if why == DECODE_CRASHED));
    assert_eq!(rig.images.pending(), 0, "nothing waits for ever");
}

#[test]
fn over_the_budget_the_textures_off_screen_longest_go_first_but_never_those_on_screen() {
    let mut rig = Rig::new(Arc::new(WorkerPool::new("test", 2)));
    let assets: Vec<AssetName> = (1..=5).map(|n| rig.cached(n, 256, 128)).collect();
    let each = 256 * 128 * 4;
    rig.images.set_budget(3 * each);
    let [a, b, c, d, e] = [&assets[0], &assets[1], &assets[2], &assets[3], &assets[4]];
    rig.until_ready(&[a, b, c], 100.0);
    rig.frame(0.0, &[b, c], 100.0); // `a` leaves the screen first, then `b`
    rig.frame(0.0, &[c], 100.0);
    assert_eq!(rig.images.memory(), 3 * each);
    rig.until_ready(&[d, e], 100.0);
    rig.frame(0.0, &[d, e], 100.0);
    assert!(rig.images.memory() <= 3 * each, "held {}", rig.images.memory());
    assert!(rig.images.entries.contains_key(&(c.clone(), SMALL_SIDE)), "the most recently seen one stays");
    assert!(!rig.images.entries.contains_key(&(a.clone(), SMALL_SIDE)), "the one off screen longest went");

    // Even a budget of nothing keeps what is on screen.
    rig.images.set_budget(0);
    rig.frame(0.0, &[e], 100.0);
    rig.frame(0.0, &[e], 100.0);
    assert_eq!(rig.images.memory(), each, "only the picture on screen is held");
    assert!(matches!(rig.frame(0.0, &[e], 100.0)[0], TextureState::Ready { .. }));
}

#[test]
fn a_zoomed_in_card_gets_the_detail_level_within_the_gpu_limit_and_lets_it_go_later() {
    let mut rig = Rig::new(Arc::new(WorkerPool::new("test", 2)));
    let mut png = Vec::new();
    image::RgbImage::from_pixel(3000, 1500, image::Rgb([30, 160, 90]))
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    let asset = rig.store.store(&png, "png").unwrap();
    let small = size_of(&rig.until_ready(&[&asset], 100.0)[0]);
    assert_eq!(small, [256, 128]);
    let gpu_limit = rig.ctx.input(|i| i.max_texture_side).max(1024);
    let detail = size_of(&rig.until_ready(&[&asset], 2500.0)[0]);
    assert_eq!(detail[0], 3000.min(gpu_limit).min(DETAIL_SIDE as usize), "never wider than the GPU allows");
    assert!(detail[0] > TEXTURE_MAX_SIDE as usize, "more than the card level");
    let with_detail = rig.images.memory();
    for _ in 0..=DETAIL_KEPT_FRAMES + 1 {
        rig.frame(0.0, &[&asset], 100.0);
    }
    assert_eq!(rig.images.memory(), with_detail - detail[0] * detail[1] * 4, "the detail level was released");
    assert_eq!(size_of(&rig.frame(0.0, &[&asset], 100.0)[0]), small);
}

#[test]
fn a_picture_fades_in_once_and_a_sharper_level_replaces_it_without_a_fade() {
    let mut rig = Rig::new(Arc::new(WorkerPool::new("test", 2)));
    let asset = rig.cached(7, 200, 100);
    let opacity = |state: &TextureState| match state {
        TextureState::Ready { opacity, .. } => *opacity,
        _ => panic!("not ready"),
    };
    assert!(opacity(&rig.until_ready(&[&asset], 100.0)[0]) < 0.01, "it starts see-through");
    let half = opacity(&rig.frame(FADE_SECONDS / 2.0, &[&asset], 100.0)[0]);
    assert!((half - 0.5).abs() < 0.01, "half way: {half}");
    assert_eq!(rig.images.fading(), 1);
    assert_eq!(opacity(&rig.frame(FADE_SECONDS, &[&asset], 100.0)[0]), 1.0);
    assert_eq!(rig.images.fading(), 0);
    // Zoomed in, the 1024 level arrives where the small one was: no second fade.
    rig.thumbs.put(&asset, TEXTURE_MAX_SIDE, &ColorImage::new([400, 200], vec![egui::Color32::RED; 80_000]));
    let state = rig.until_ready(&[&asset], 600.0);
    assert_eq!(size_of(&state[0]), [400, 200]);
    assert_eq!(opacity(&state[0]), 1.0, "no second fade");
}

#[test]
fn decodes_nobody_asks_for_any_more_are_dropped_before_they_start() {
    let pool = Arc::new(WorkerPool::new("test", 1));
    let (release, blocked) = std::sync::mpsc::channel::<()>();
    let (started, has_started) = std::sync::mpsc::channel::<()>();
    pool.spawn_urgent(move || {
        let _ = started.send(());
        let _ = blocked.recv();
    });
    has_started.recv().unwrap(); // the only worker is busy from here on
    let mut rig = Rig::new(pool.clone());
    let asset = rig.cached(9, 64, 64);
    assert!(matches!(rig.frame(0.0, &[&asset], 100.0)[0], TextureState::Pending));
    for _ in 0..=PENDING_KEPT_FRAMES + 1 {
        rig.frame(0.0, &[], 100.0);
    }
    assert_eq!(rig.images.pending(), 0, "the card scrolled away: nothing is waiting for it");
    release.send(()).unwrap();
    while pool.queued() > 0 {
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    std::thread::sleep(std::time::Duration::from_millis(20));
    rig.frame(0.0, &[], 100.0);
    assert_eq!(rig.images.memory(), 0, "and its decode never became a texture");
    assert!(rig.images.entries.is_empty());
}

/// Holds back [`slow_decode`] until set.
static LET_DECODE: AtomicBool = AtomicBool::new(false);

fn slow_decode(store: &AssetStore, thumbs: &ThumbCache, asset: &AssetName, side: u32) -> Result<ColorImage, String> {
    while !LET_DECODE.load(Ordering::Relaxed) {
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    decode_for_card(store, thumbs, asset, side)
}

#[test]
fn a_photos_exif_preview_shows_upright_while_it_decodes_and_the_photo_replaces_it_without_a_second_fade() {
    use super::super::preview::tests::{halves, jpeg_of, with_exif};
    let mut rig = Rig::new(Arc::new(WorkerPool::new("test", 1)));
    rig.images.decode = slow_decode;
    // A photo taken with the camera turned: stored 600×300, shown 300×600.
    let photo = with_exif(&jpeg_of(&halves(600, 300)), 6, Some(&jpeg_of(&halves(60, 30))));
    let asset = rig.store.store(&photo, "jpg").unwrap();
    let mut preview = None;
    for _ in 0..2000 {
        if let TextureState::Ready { texture, opacity } = &rig.frame(0.0, &[&asset], 100.0)[0] {
            preview = Some((texture.size(), *opacity));
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    let (size, opacity) = preview.expect("the preview shows while the decode is held back");
    assert_eq!(size, [30, 60], "upright, at the preview's own size");
    assert!(opacity < 1.0, "and fades in");
    assert!(matches!(rig.images.entries[&(asset.clone(), SMALL_SIDE)].slot, Slot::Pending(_)));

    LET_DECODE.store(true, Ordering::Relaxed);
    let states = rig.until_ready(&[&asset], 100.0);
    let TextureState::Ready { texture, opacity } = &states[0] else { panic!("the photo shows") };
    // 3/8 of 600 (the scaled decode stops within 7/8 of the level, unresized).
    assert_eq!(texture.size(), [113, 225], "the photo itself, upright");
    assert_eq!(*opacity, 1.0, "no second fade over the preview");
    assert!(!rig.images.entries.contains_key(&(asset, PREVIEW)), "the preview is let go");
    assert_eq!(rig.images.memory(), 113 * 225 * 4);
}

#[test]
fn a_cached_picture_is_served_by_the_look_up_once_and_never_its_preview() {
    static DECODES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    // One worker: the look-up runs first, then the decode queued behind it.
    let mut rig = Rig::new(Arc::new(WorkerPool::new("test", 1)));
    use super::super::preview::tests::{halves, jpeg_of, with_exif};
    let photo = with_exif(&jpeg_of(&halves(600, 300)), 1, Some(&jpeg_of(&halves(60, 30))));
    let asset = rig.store.store(&photo, "jpg").unwrap();
    rig.thumbs.put(&asset, SMALL_SIDE, &ColorImage::new([8, 4], vec![egui::Color32::WHITE; 32]));
    rig.images.decode = |store, thumbs, asset, side| {
        DECODES.fetch_add(1, Ordering::Relaxed);
        decode_for_card(store, thumbs, asset, side)
    };
    let states = rig.until_ready(&[&asset], 100.0);
    assert_eq!(size_of(&states[0]), [8, 4], "the cached picture, never the preview");
    assert!(!rig.images.entries.contains_key(&(asset, PREVIEW)));
    std::thread::sleep(std::time::Duration::from_millis(50));
    assert_eq!(DECODES.load(Ordering::Relaxed), 0, "read by the look-up; the decode behind it did nothing");
}

#[test]
fn the_small_level_comes_from_the_cached_large_one_without_the_original() {
    let dir = tempfile::tempdir().unwrap();
    let store = AssetStore::for_board(&dir.path().join("B.moodboard.ron"));
    let thumbs = ThumbCache::new(Some(dir.path().join("thumbs")), u64::MAX);
    let asset = AssetName::from_hash(&"cd".repeat(16), "png").unwrap();
    assert!(decode_for_card(&store, &thumbs, &asset, SMALL_SIDE).is_err(), "no original, no cache: an error");
    let large = ColorImage::new([1024, 512], vec![egui::Color32::from_rgb(10, 120, 200); 1024 * 512]);
    thumbs.put(&asset, TEXTURE_MAX_SIDE, &large);
    let small = decode_for_card(&store, &thumbs, &asset, SMALL_SIDE).unwrap();
    assert_eq!(small.size, [256, 128]);
    assert!(thumbs.get(&asset, SMALL_SIDE).is_some(), "and it is cached in turn");
    assert_eq!((level_for(100.0), level_for(256.0), level_for(257.0)), (SMALL_SIDE, SMALL_SIDE, TEXTURE_MAX_SIDE));
}

#[test]
fn a_cold_small_level_is_decoded_for_its_size_without_making_the_large_one() {
    let dir = tempfile::tempdir().unwrap();
    let store = AssetStore::for_board(&dir.path().join("B.moodboard.ron"));
    let thumbs = ThumbCache::new(Some(dir.path().join("thumbs")), u64::MAX);
    let photo = image::RgbImage::from_fn(2400, 1600, |x, y| image::Rgb([(x % 256) as u8, (y % 256) as u8, 90]));
    let mut jpeg = Vec::new();
    image::DynamicImage::ImageRgb8(photo)
        .write_to(&mut std::io::Cursor::new(&mut jpeg), image::ImageFormat::Jpeg)
        .unwrap();
    let asset = store.store(&jpeg, "jpg").unwrap();
    let small = decode_for_card(&store, &thumbs, &asset, SMALL_SIDE).unwrap();
    assert_eq!(small.size, [256, 171]);
    assert!(thumbs.get(&asset, SMALL_SIDE).is_some(), "the small level is cached");
    assert!(thumbs.get(&asset, TEXTURE_MAX_SIDE).is_none(), "the large level is made only when asked for");
    let large = decode_for_card(&store, &thumbs, &asset, TEXTURE_MAX_SIDE).unwrap();
    // 3/8 of 2400: the scaled decode stops within 7/8 of the level, unresized.
    assert_eq!(large.size, [900, 600]);
}
