//! Watching the open board's file, so that changes made by others — a teammate's
//! copy arriving through a synced folder, `moodboard add` from a terminal — reach the
//! open board within about a second, and conflict copies are merged in as they appear.
//!
//! A background thread listens for file events in the board's folder (`notify`) and
//! also looks every [`POLL_INTERVAL`], because network folders may send no events at
//! all. Events are debounced: a burst of writes is read once, [`DEBOUNCE`] after the
//! last one. The thread only reads and reports; the app merges.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::{Duration, SystemTime};

use notify::{RecursiveMode, Watcher as _};

use super::conflicts::{self, CopyOutcome};
use super::{Loaded, Waker};

/// How often the file is looked at when no event came.
pub const POLL_INTERVAL: Duration = Duration::from_secs(2);
/// Quiet time after the last event before the file is read.
pub const DEBOUNCE: Duration = Duration::from_millis(250);

/// What the watcher saw.
#[derive(Debug)]
pub enum WatchEvent {
    /// The board file now holds a version with this content hash.
    Changed { board: Box<crate::model::Board>, hash: String },
    /// Conflict copies were merged into the board file (its change follows).
    Synced(Vec<CopyOutcome>),
    /// The file changed but could not be read; the message says why.
    Unreadable(crate::i18n::Message),
}

/// Watches one board file until dropped.
pub struct BoardWatcher {
    events: Receiver<WatchEvent>,
    stop: Arc<AtomicBool>,
    /// Whether file events arrive; `false` means polling only.
    pub live: bool,
}

impl BoardWatcher {
    /// Starts watching `path`, whose content hash is `known` now.
    pub fn start(path: PathBuf, known: Option<String>, waker: Waker) -> Self {
        let (tx, events) = channel();
        let (fs_tx, fs_rx) = channel::<()>();
        let stop = Arc::new(AtomicBool::new(false));
        let folder = super::paths::board_folder(&path);
        let watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
            // Reading the folder (another program loading the board, a backup tool) is no
            // change, and would keep the debounce below from ever ending.
            if res.is_ok_and(|event| !event.kind.is_access()) {
                let _ = fs_tx.send(());
            }
        })
        .and_then(|mut w| w.watch(&folder, RecursiveMode::NonRecursive).map(|()| w));
        let live = watcher.is_ok();
        let thread_stop = stop.clone();
        let spawned = std::thread::Builder::new().name("moodboard-watch".to_owned()).spawn(move || {
            // The watcher lives as long as the thread; dropping it stops the events.
            let _watcher = watcher.ok();
            let mut state = State { path, last_stat: None, last_hash: known, refused: HashSet::new() };
            state.last_stat = stat(&state.path);
            loop {
                match fs_rx.recv_timeout(POLL_INTERVAL) {
                    Ok(()) => {
                        // Debounce: wait until the burst of events is over, but never
                        // longer than a poll: a file written without pause is still read.
                        let until = std::time::Instant::now() + POLL_INTERVAL;
                        while std::time::Instant::now() < until && fs_rx.recv_timeout(DEBOUNCE).is_ok() {}
                    }
                    Err(RecvTimeoutError::Timeout) => {}
                    Err(RecvTimeoutError::Disconnected) => std::thread::sleep(POLL_INTERVAL),
                }
                if thread_stop.load(Ordering::Relaxed) {
                    break;
                }
                if state.check(&tx) {
                    waker();
                }
            }
        });
        if spawned.is_err() {
            // Without the thread the board still works; it just is not watched.
            return Self { events, stop, live: false };
        }
        Self { events, stop, live }
    }

    /// What happened since the last call.
    pub fn poll(&self) -> Vec<WatchEvent> {
        self.events.try_iter().collect()
    }
}

impl Drop for BoardWatcher {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

struct State {
    path: PathBuf,
    last_stat: Option<(u64, SystemTime)>,
    last_hash: Option<String>,
    /// Conflict copies that could not be merged (another board, unreadable): not
    /// retried until they change.
    refused: HashSet<(PathBuf, Option<(u64, SystemTime)>)>,
}

impl State {
    /// Looks at the folder once; returns whether it reported anything.
    fn check(&mut self, tx: &Sender<WatchEvent>) -> bool {
        let mut sent = false;
        let copies: Vec<PathBuf> = conflicts::find_conflict_copies(&self.path)
            .into_iter()
            .filter(|c| !self.refused.contains(&(c.clone(), stat(c))))
            .collect();
        if !copies.is_empty() {
            match conflicts::sync_copies(&self.path, &copies) {
                Ok(outcomes) => {
                    for o in outcomes.iter().filter(|o| o.result.is_err()) {
                        self.refused.insert((o.copy.clone(), stat(&o.copy)));
                    }
                    sent |= tx.send(WatchEvent::Synced(outcomes)).is_ok();
                }
                Err(e) => sent |= tx.send(WatchEvent::Unreadable(crate::i18n::Said::message(&e))).is_ok(),
            }
        }
        let now = stat(&self.path);
        if now.is_none() || now == self.last_stat {
            return sent;
        }
        self.last_stat = now;
        // Same bytes as last time (touched, or rewritten unchanged): nothing to parse.
        let same = super::format::read_text(&self.path)
            .is_ok_and(|text| self.last_hash.as_deref() == Some(super::content_hash(text.as_bytes()).as_str()));
        if same {
            return sent;
        }
        match super::load(&self.path) {
            Ok(Loaded { board, hash, .. }) => {
                self.last_hash = Some(hash.clone());
                sent |= tx.send(WatchEvent::Changed { board: Box::new(board), hash }).is_ok();
            }
            Err(e) => sent |= tx.send(WatchEvent::Unreadable(crate::i18n::Said::message(&e))).is_ok(),
        }
        sent
    }
}

fn stat(path: &Path) -> Option<(u64, SystemTime)> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.len(), meta.modified().ok()?))
}
