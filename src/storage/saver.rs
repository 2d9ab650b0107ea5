//! Saving on a background thread, so that a frame never waits for the disk.
//!
//! A save never overwrites changes it has not seen: if the file changed since the app
//! last read or wrote it (a `moodboard add` from a terminal, a teammate's copy arriving
//! through a synced folder), the saver merges that version in before writing, and hands
//! the result back so the app can merge it too.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

use crate::model::Board;

/// Called after each finished save, e.g. to wake the UI.
pub type Waker = Arc<dyn Fn() + Send + Sync>;

/// A save to perform.
struct Job {
    /// Whose save this is (the app's key of the board's opening), handed back as is.
    owner: u64,
    path: PathBuf,
    board: Board,
    generation: u64,
    /// Hash of the file as the app last read or wrote it; `None` to overwrite blindly
    /// (Save As to a new file).
    known: Option<String>,
}

/// Why a save failed. The file on disk is unchanged.
#[derive(Debug, thiserror::Error)]
pub enum SaverError {
    Lock { path: PathBuf, source: super::LockError },
    Save(#[from] super::SaveError),
    Crashed { path: PathBuf },
    Merge { path: PathBuf, source: crate::model::EditError },
}

impl crate::i18n::Said for SaverError {
    fn message(&self) -> crate::i18n::Message {
        use crate::i18n::Message;
        match self {
            SaverError::Lock { path, source } => {
                Message::new("error-with-path").with("path", path).with("reason", source.message())
            }
            SaverError::Save(e) => e.message(),
            SaverError::Crashed { path } => Message::new("save-crashed").with("path", path),
            SaverError::Merge { path, source } => {
                Message::new("save-merge-failed").with("path", path).with("reason", source.message())
            }
        }
    }
}

crate::said_as_printed!(SaverError);

/// The outcome of one save.
#[derive(Debug)]
pub struct Saved {
    /// The `owner` the save was asked for.
    pub owner: u64,
    pub path: PathBuf,
    pub generation: u64,
    /// The hash of the file written, or why the save failed; the file on disk is then
    /// unchanged.
    pub result: Result<String, SaverError>,
    /// If the file had changed since the app last saw it: the board written, which is
    /// the snapshot merged with that version.
    pub merged: Option<Box<Board>>,
}

/// A thread that saves boards in the order asked.
pub struct Saver {
    jobs: Sender<Job>,
    done: Receiver<Saved>,
}

impl Saver {
    pub fn new(waker: Waker) -> Self {
        let (jobs, job_rx) = channel::<Job>();
        let (done_tx, done) = channel();
        std::thread::Builder::new()
            .name("moodboard-saver".to_owned())
            .spawn(move || {
                for job in job_rx {
                    let (owner, path, generation) = (job.owner, job.path.clone(), job.generation);
                    // A panic in one save must not stop every save after it.
                    let saved = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| save_merging(job)))
                        .unwrap_or_else(|_| Err(SaverError::Crashed { path: path.clone() }));
                    let (result, merged) = match saved {
                        Ok((hash, merged)) => (Ok(hash), merged),
                        Err(e) => (Err(e), None),
                    };
                    if done_tx.send(Saved { owner, path, generation, result, merged }).is_err() {
                        break;
                    }
                    waker();
                }
            })
            .expect("the saver thread starts");
        Self { jobs, done }
    }

    /// Queues a save of `board` (a snapshot) to `path` for `owner`. `known` is the hash
    /// of the file as last read or written; if the file has changed since, it is merged
    /// in first.
    pub fn save(&self, owner: u64, path: PathBuf, board: Board, generation: u64, known: Option<String>) {
        // The thread only stops when `self` is dropped, so sending cannot fail.
        let _ = self.jobs.send(Job { owner, path, board, generation, known });
    }

    /// Saves that finished since the last call.
    pub fn finished(&self) -> Vec<Saved> {
        self.done.try_iter().collect()
    }

    /// Waits for every queued save to finish (used when quitting).
    pub fn wait_idle(self) -> Vec<Saved> {
        let Self { jobs, done } = self;
        drop(jobs);
        done.iter().collect()
    }
}

/// Under the board's lock: merge in a changed file, then write.
fn save_merging(job: Job) -> Result<(String, Option<Box<Board>>), SaverError> {
    let Job { path, board, known, .. } = job;
    let _lock = super::BoardLock::acquire(&path).map_err(|source| SaverError::Lock { path: path.clone(), source })?;
    let mut merged = None;
    let mut board = board;
    // Only a file whose bytes changed since we last saw it is parsed and merged. A file
    // we cannot read is not ours to merge; it is kept as the .bak copy.
    let changed = known.is_some_and(|known| {
        super::format::read_text(&path).is_ok_and(|text| super::content_hash(text.as_bytes()) != known)
    });
    if changed && let Ok(disk) = super::load(&path) {
        // As a change made by this copy: what the file brought is merged in with its own
        // stamps, then the frame rules. A merge that cannot be made is not written over
        // what is on disk.
        crate::model::operations::merge_in(&mut board, &disk.board, crate::model::Trust::Colleague)
            .map_err(|source| SaverError::Merge { path: path.clone(), source })?;
        merged = Some(Box::new(board.clone()));
    }
    let hash = super::save_hashed(&path, &board)?;
    Ok((hash, merged))
}
