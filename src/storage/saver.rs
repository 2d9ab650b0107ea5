//! Saving on a background thread, so that a frame never waits for the disk.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

use crate::model::Board;

/// Called after each finished save, e.g. to wake the UI.
pub type Waker = Arc<dyn Fn() + Send + Sync>;

/// A save to perform.
struct Job {
    path: PathBuf,
    board: Board,
    generation: u64,
}

/// The outcome of one save.
#[derive(Debug)]
pub struct Saved {
    pub path: PathBuf,
    pub generation: u64,
    /// The error message if the save failed; the file on disk is then unchanged.
    pub result: Result<(), String>,
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
                    let result = super::BoardLock::acquire(&job.path)
                        .map_err(|e| format!("{}: {e}", job.path.display()))
                        .and_then(|_lock| super::save(&job.path, &job.board).map_err(|e| e.to_string()));
                    if done_tx.send(Saved { path: job.path, generation: job.generation, result }).is_err() {
                        break;
                    }
                    waker();
                }
            })
            .expect("the saver thread starts");
        Self { jobs, done }
    }

    /// Queues a save of `board` (a snapshot) to `path`.
    pub fn save(&self, path: PathBuf, board: Board, generation: u64) {
        // The thread only stops when `self` is dropped, so sending cannot fail.
        let _ = self.jobs.send(Job { path, board, generation });
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
