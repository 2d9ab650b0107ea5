//! `moodboard BOARD --screenshot OUT.png`: wait until every visible image has finished
//! loading (or failed), capture the window, write a PNG and quit.

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

/// Set when the screenshot could not be written, so that the process exits non-zero.
pub static FAILED: AtomicBool = AtomicBool::new(false);

/// Frames to draw after everything loaded, so the layout has settled.
const SETTLE_FRAMES: u32 = 3;
/// Give up waiting for images after this long and take the picture anyway.
const MAX_WAIT: Duration = Duration::from_secs(60);

pub struct ScreenshotJob {
    out: PathBuf,
    started: Instant,
    quiet_frames: u32,
    waiting: Option<Receiver<std::sync::Arc<egui::ColorImage>>>,
}

impl ScreenshotJob {
    pub fn new(out: PathBuf) -> Self {
        Self { out, started: Instant::now(), quiet_frames: 0, waiting: None }
    }

    /// Called once per frame with the number of images still loading. Returns the
    /// outcome once the PNG is written (or could not be).
    pub fn step(&mut self, ctx: &egui::Context, pending: usize) -> Option<Result<PathBuf, String>> {
        if let Some(rx) = &self.waiting {
            return match rx.try_recv() {
                Ok(image) => Some(write_png(&self.out, &image)),
                Err(std::sync::mpsc::TryRecvError::Empty) => {
                    ctx.request_repaint_after(Duration::from_millis(20));
                    None
                }
                Err(std::sync::mpsc::TryRecvError::Disconnected) => Some(Err("the window gave no picture".to_owned())),
            };
        }
        if pending > 0 && self.started.elapsed() < MAX_WAIT {
            self.quiet_frames = 0;
            ctx.request_repaint_after(Duration::from_millis(20));
            return None;
        }
        self.quiet_frames += 1;
        if self.quiet_frames < SETTLE_FRAMES {
            ctx.request_repaint();
            return None;
        }
        let (tx, rx) = channel();
        let waker = ctx.clone();
        ctx.request_screenshot(move |image| {
            let _ = tx.send(image);
            waker.request_repaint();
        });
        self.waiting = Some(rx);
        None
    }
}

fn write_png(out: &PathBuf, image: &egui::ColorImage) -> Result<PathBuf, String> {
    let [w, h] = image.size;
    let bytes: Vec<u8> = image.pixels.iter().flat_map(|c| c.to_array()).collect();
    let rgba = image::RgbaImage::from_raw(w as u32, h as u32, bytes).ok_or("the window picture has no pixels")?;
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    rgba.save_with_format(out, image::ImageFormat::Png).map_err(|e| format!("{}: {e}", out.display()))?;
    Ok(out.clone())
}
