//! Card pictures cached on disk, so reopening a board does not decode its originals
//! again.
//!
//! Entries live in the platform's cache folder (`MOODBOARD_CACHE_DIR` overrides it),
//! one file per image and size, named by the image's content hash and the size:
//! `HASH-1024.thumb`. A file holds a short header, the BLAKE3 checksum of its payload
//! and the payload (JPEG for opaque pictures, PNG for ones with transparency). An entry
//! that is damaged in any way is deleted and rebuilt, never shown. The cache is kept
//! under [`DEFAULT_MAX_BYTES`] by deleting the entries used longest ago.
//!
//! The app's cache is [`ThumbCache::deferred`]: entries are encoded and written by a
//! low-priority thread of their own, after the decodes for what is on screen, instead of
//! by the decode that made them (JPEG-encoding them was an eighth of a cold open's CPU).
//! Until written, an entry is served from memory.

use std::collections::{HashMap, VecDeque};
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::time::{Duration, Instant};

use egui::ColorImage;

use crate::model::AssetName;

/// Environment variable naming the cache folder.
pub const CACHE_DIR_ENV: &str = "MOODBOARD_CACHE_DIR";
/// The cache's size limit.
pub const DEFAULT_MAX_BYTES: u64 = 512 * 1024 * 1024;
/// Eviction runs after this many new entries.
const EVICT_EVERY: usize = 64;
const MAGIC: &[u8; 8] = b"MBTHUMB1";

/// The folder thumbnails live in.
pub fn cache_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(CACHE_DIR_ENV) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "Moodboard").map(|d| d.cache_dir().join("thumbnails"))
}

/// Pictures waiting to be written beyond this are written by whoever made them, so that
/// a long import cannot pile them up in memory.
const MAX_QUEUED_BYTES: usize = 64 * 1024 * 1024;

/// The thumbnail cache. Cheap to share between worker threads.
#[derive(Debug)]
pub struct ThumbCache {
    dir: Option<PathBuf>,
    max_bytes: u64,
    written: Arc<AtomicUsize>,
    /// Entries waiting for the writer thread (`None`: written at once).
    queue: Option<Arc<Queue>>,
}

/// Entries not written yet, in order, and the writer's signal.
#[derive(Debug, Default)]
struct Queue {
    waiting: Mutex<Waiting>,
    changed: Condvar,
}

#[derive(Debug, Default)]
struct Waiting {
    order: VecDeque<PathBuf>,
    pictures: HashMap<PathBuf, ColorImage>,
    bytes: usize,
    /// An entry is being written (it is no longer in `pictures`).
    writing: bool,
}

impl ThumbCache {
    /// A cache in `dir`, or a cache that keeps nothing for `None`.
    pub fn new(dir: Option<PathBuf>, max_bytes: u64) -> Self {
        Self { dir, max_bytes, written: Arc::new(AtomicUsize::new(0)), queue: None }
    }

    /// [`ThumbCache::new`] whose entries are written later, by a low-priority thread
    /// (the app's: its decodes for the screen come first).
    pub fn deferred(dir: Option<PathBuf>, max_bytes: u64) -> Self {
        let mut cache = Self::new(dir, max_bytes);
        let Some(dir) = cache.dir.clone() else { return cache };
        let queue = Arc::new(Queue::default());
        let (writer_queue, written) = (Arc::clone(&queue), Arc::clone(&cache.written));
        let started = std::thread::Builder::new()
            .name("moodboard-thumb-writer".into())
            .spawn(move || write_queued(&writer_queue, &dir, max_bytes, &written));
        if started.is_ok() {
            cache.queue = Some(queue);
        }
        cache
    }

    /// Waits until every queued entry is written, for at most `limit`; whether it got
    /// there.
    pub fn flush(&self, limit: Duration) -> bool {
        let Some(queue) = &self.queue else { return true };
        let deadline = Instant::now() + limit;
        let mut waiting = queue.waiting.lock().unwrap_or_else(PoisonError::into_inner);
        while !waiting.order.is_empty() || waiting.writing {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return false;
            }
            waiting = queue.changed.wait_timeout(waiting, left).unwrap_or_else(PoisonError::into_inner).0;
        }
        true
    }

    /// A cache that keeps nothing, where a picture will not be looked at again soon.
    pub fn none() -> Self {
        Self::new(None, 0)
    }

    /// The cache in the platform's cache folder.
    pub fn standard() -> Self {
        Self::new(cache_dir(), DEFAULT_MAX_BYTES)
    }

    fn path(&self, asset: &AssetName, side: u32) -> Option<PathBuf> {
        self.dir.as_ref().map(|d| d.join(format!("{}-{side}.thumb", asset.hash_hex())))
    }

    /// The cached picture, if there is a sound one. A damaged entry is deleted.
    pub fn get(&self, asset: &AssetName, side: u32) -> Option<ColorImage> {
        let path = self.path(asset, side)?;
        if let Some(queue) = &self.queue
            && let Some(picture) =
                queue.waiting.lock().unwrap_or_else(PoisonError::into_inner).pictures.get(&path).cloned()
        {
            return Some(picture);
        }
        let bytes = std::fs::read(&path).ok()?;
        match decode_entry(&bytes) {
            Some(image) => {
                // Mark it used, for eviction; failing to is harmless.
                let _ = std::fs::File::options()
                    .append(true)
                    .open(&path)
                    .and_then(|f| f.set_modified(std::time::SystemTime::now()));
                Some(image)
            }
            None => {
                let _ = std::fs::remove_file(&path);
                None
            }
        }
    }

    /// Whether there is an entry for this level (waiting to be written, or on disk),
    /// without reading it.
    pub fn has(&self, asset: &AssetName, side: u32) -> bool {
        let Some(path) = self.path(asset, side) else { return false };
        if let Some(queue) = &self.queue
            && queue.waiting.lock().unwrap_or_else(PoisonError::into_inner).pictures.contains_key(&path)
        {
            return true;
        }
        path.is_file()
    }

    /// Stores a picture; failures (a full disk, no cache folder) are ignored: the cache
    /// only saves time.
    pub fn put(&self, asset: &AssetName, side: u32, image: &ColorImage) {
        let (Some(dir), Some(path)) = (&self.dir, self.path(asset, side)) else { return };
        if let Some(queue) = &self.queue {
            let mut waiting = queue.waiting.lock().unwrap_or_else(PoisonError::into_inner);
            let bytes = image.pixels.len() * 4;
            if waiting.bytes + bytes <= MAX_QUEUED_BYTES {
                if let Some(old) = waiting.pictures.insert(path.clone(), image.clone()) {
                    waiting.bytes -= old.pixels.len() * 4;
                } else {
                    waiting.order.push_back(path);
                }
                waiting.bytes += bytes;
                drop(waiting);
                queue.changed.notify_all();
                return;
            }
        }
        write_entry(dir, &path, image, self.max_bytes, &self.written);
    }
}

/// Encodes and writes one entry; failures are ignored (the cache only saves time).
fn write_entry(dir: &Path, path: &Path, image: &ColorImage, max_bytes: u64, written: &AtomicUsize) {
    let Some(entry) = encode_entry(image) else { return };
    if std::fs::create_dir_all(dir).is_err() {
        return;
    }
    // Write under a temporary name and rename, so a reader never sees half an entry.
    let tmp = path.with_extension(format!("tmp{}-{:?}", std::process::id(), std::thread::current().id()));
    if std::fs::write(&tmp, entry).is_ok() && std::fs::rename(&tmp, path).is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    if written.fetch_add(1, Ordering::Relaxed) % EVICT_EVERY == EVICT_EVERY - 1 {
        evict(dir, max_bytes);
    }
}

/// The writer thread: writes queued entries one by one, for as long as the cache lives.
fn write_queued(queue: &Arc<Queue>, dir: &Path, max_bytes: u64, written: &AtomicUsize) {
    lower_priority();
    loop {
        let (path, picture) = {
            let mut waiting = queue.waiting.lock().unwrap_or_else(PoisonError::into_inner);
            waiting.writing = false;
            queue.changed.notify_all();
            loop {
                // The cache is gone (only this thread holds the queue): stop.
                if waiting.order.is_empty() && Arc::strong_count(queue) == 1 {
                    return;
                }
                if let Some(path) = waiting.order.pop_front() {
                    let picture = waiting.pictures.get(&path).cloned();
                    waiting.writing = true;
                    break (path, picture);
                }
                waiting = queue
                    .changed
                    .wait_timeout(waiting, Duration::from_millis(500))
                    .unwrap_or_else(PoisonError::into_inner)
                    .0;
            }
        };
        if let Some(picture) = &picture {
            write_entry(dir, &path, picture, max_bytes, written);
        }
        // Served from memory until it is on disk.
        let mut waiting = queue.waiting.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(picture) = waiting.pictures.remove(&path) {
            waiting.bytes -= picture.pixels.len() * 4;
        }
    }
}

/// Makes the calling thread yield to the decodes (Linux sets niceness per thread).
fn lower_priority() {
    #[cfg(target_os = "linux")]
    // SAFETY: nice() only changes this thread's scheduling priority.
    unsafe {
        libc::nice(10);
    }
}

fn encode_entry(image: &ColorImage) -> Option<Vec<u8>> {
    let [w, h] = image.size;
    let (w, h) = (u32::try_from(w).ok()?, u32::try_from(h).ok()?);
    let opaque = image.pixels.iter().all(|p| p.a() == 255);
    let mut payload = Vec::new();
    if opaque {
        let rgb: Vec<u8> = image.pixels.iter().flat_map(|p| [p.r(), p.g(), p.b()]).collect();
        image::codecs::jpeg::JpegEncoder::new_with_quality(Cursor::new(&mut payload), 88)
            .encode(&rgb, w, h, image::ExtendedColorType::Rgb8)
            .ok()?;
    } else {
        let rgba: Vec<u8> = image.pixels.iter().flat_map(|p| p.to_srgba_unmultiplied()).collect();
        image::RgbaImage::from_raw(w, h, rgba)?
            .write_to(&mut Cursor::new(&mut payload), image::ImageFormat::Png)
            .ok()?;
    }
    let mut entry = Vec::with_capacity(payload.len() + 48);
    entry.extend_from_slice(MAGIC);
    entry.extend_from_slice(blake3::hash(&payload).as_bytes());
    entry.extend_from_slice(&payload);
    Some(entry)
}

fn decode_entry(bytes: &[u8]) -> Option<ColorImage> {
    let rest = bytes.strip_prefix(MAGIC)?;
    let (sum, payload) = rest.split_at_checked(32)?;
    if blake3::hash(payload).as_bytes() != sum {
        return None;
    }
    // Our own entries are small; the decoder's limits still apply to anything else.
    super::decode(payload).ok().map(super::pixels::to_color_image)
}

/// Deletes the entries used longest ago until the folder holds at most 80 % of `max`.
fn evict(dir: &Path, max: u64) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut files: Vec<(std::time::SystemTime, u64, PathBuf)> = entries
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "thumb"))
        .filter_map(|e| {
            let meta = e.metadata().ok()?;
            Some((meta.modified().ok()?, meta.len(), e.path()))
        })
        .collect();
    let mut total: u64 = files.iter().map(|f| f.1).sum();
    if total <= max {
        return;
    }
    files.sort();
    for (_, len, path) in files {
        if total <= max / 10 * 8 {
            break;
        }
        if std::fs::remove_file(&path).is_ok() {
            total = total.saturating_sub(len);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::Color32;

    fn asset() -> AssetName {
        AssetName::from_hash(&"ab".repeat(16), "jpg").unwrap()
    }

    #[test]
    fn a_stored_picture_comes_back_and_a_damaged_entry_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let cache = ThumbCache::new(Some(dir.path().to_owned()), DEFAULT_MAX_BYTES);
        let picture = ColorImage::new([64, 32], vec![Color32::from_rgb(200, 40, 40); 64 * 32]);
        assert!(cache.get(&asset(), 256).is_none());
        cache.put(&asset(), 256, &picture);
        let back = cache.get(&asset(), 256).expect("cached");
        assert_eq!(back.size, [64, 32]);
        let [r, g, b, _] = back.pixels[100].to_array();
        assert!(r.abs_diff(200) < 8 && g.abs_diff(40) < 8 && b.abs_diff(40) < 8);
        assert!(cache.get(&asset(), 1024).is_none(), "each size is its own entry");

        // Flip one byte of the payload: the entry is refused and deleted.
        let path = dir.path().join(format!("{}-256.thumb", asset().hash_hex()));
        let mut bytes = std::fs::read(&path).unwrap();
        let last = bytes.len() - 10;
        bytes[last] ^= 0xFF;
        std::fs::write(&path, bytes).unwrap();
        assert!(cache.get(&asset(), 256).is_none());
        assert!(!path.exists(), "the damaged entry is gone, to be rebuilt");
    }

    #[test]
    fn eviction_keeps_the_cache_under_its_limit() {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..10 {
            std::fs::write(dir.path().join(format!("{i}-256.thumb")), vec![0u8; 1000]).unwrap();
        }
        evict(dir.path(), 5000);
        let left: u64 = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().metadata().unwrap().len()).sum();
        assert!(left <= 4000, "{left}");
    }

    #[test]
    fn a_deferred_entry_is_served_from_memory_until_written_then_from_disk() {
        let dir = tempfile::tempdir().unwrap();
        let cache = ThumbCache::deferred(Some(dir.path().to_owned()), DEFAULT_MAX_BYTES);
        let picture = ColorImage::new([40, 30], vec![Color32::from_rgb(200, 40, 10); 1200]);
        cache.put(&asset(), 256, &picture);
        assert_eq!(cache.get(&asset(), 256).map(|p| p.size), Some([40, 30]), "at once, before it is written");
        assert!(cache.flush(Duration::from_secs(10)), "the writer gets through its queue");
        let file = dir.path().join(format!("{}-256.thumb", asset().hash_hex()));
        assert!(file.is_file(), "written to disk by the writer thread");
        let fresh = ThumbCache::new(Some(dir.path().to_owned()), DEFAULT_MAX_BYTES);
        assert_eq!(fresh.get(&asset(), 256).map(|p| p.size), Some([40, 30]), "and read back by another cache");
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(!names.iter().any(|n| n.contains(".tmp")), "{names:?}");
    }
}
