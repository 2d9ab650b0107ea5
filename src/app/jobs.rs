//! The app's background jobs: opening, creating and copying boards, merges, packs,
//! exports and canvas imports. Each runs on a thread of its own and always reports
//! back — with its result, or, if it panicked, with a failure ([`Reply`]). Every result
//! carries the [`BoardKey`] of the board that was open when the job started, so that a
//! result for a board that is no longer open is never applied to the one that is.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};

use crate::media::Reply;

/// Which opening of a board something belongs to: a new key every time a board opens,
/// even the same file again.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct BoardKey(u64);

impl BoardKey {
    /// The key after this one.
    pub fn next(self) -> Self {
        Self(self.0 + 1)
    }

    pub fn first() -> Self {
        Self(1)
    }

    /// The key as a number, for storage's saver, which hands it back as it is.
    pub fn as_u64(self) -> u64 {
        self.0
    }
}

/// How far a job is: `done` of `total` steps (both 0 while it does not count).
#[derive(Debug, Default)]
pub struct Progress {
    done: AtomicUsize,
    total: AtomicUsize,
}

impl Progress {
    pub fn set_total(&self, total: usize) {
        self.total.store(total, Ordering::Relaxed);
    }

    pub fn step(&self) {
        self.done.fetch_add(1, Ordering::Relaxed);
    }

    /// `(done, total)` once the job counts.
    pub fn get(&self) -> Option<(usize, usize)> {
        let total = self.total.load(Ordering::Relaxed);
        (total > 0).then(|| (self.done.load(Ordering::Relaxed).min(total), total))
    }
}

/// A job that is running: what it is doing, for the status bar.
struct Running {
    id: u64,
    label: String,
    progress: Arc<Progress>,
}

struct Message<T> {
    id: u64,
    key: BoardKey,
    result: Result<T, Crashed>,
}

/// A job ended without a result: it panicked (a bug), and said so instead of hanging.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct Crashed(pub String);

impl crate::i18n::Said for Crashed {
    fn message(&self) -> crate::i18n::Message {
        crate::i18n::Message::new("job-crashed-said").with("what", self.0.as_str())
    }
}

crate::said_as_printed!(Crashed);

/// Background jobs producing `T`.
pub struct Jobs<T> {
    tx: Sender<Message<T>>,
    rx: Receiver<Message<T>>,
    running: Vec<Running>,
    next_id: u64,
}

impl<T> Default for Jobs<T> {
    fn default() -> Self {
        let (tx, rx) = channel();
        Self { tx, rx, running: Vec::new(), next_id: 0 }
    }
}

impl<T: Send + 'static> Jobs<T> {
    /// Runs `job` on a thread of its own for the board `key`; `label` says what it does
    /// ("Saving a copy", "Opening Kitchen") while it runs. The job may report its
    /// progress. The window is woken when it ends.
    pub fn spawn(
        &mut self,
        ctx: &egui::Context,
        key: BoardKey,
        label: impl Into<String>,
        job: impl FnOnce(&Progress) -> T + Send + 'static,
    ) {
        let label = label.into();
        let id = self.next_id;
        self.next_id += 1;
        let progress = Arc::new(Progress::default());
        self.running.push(Running { id, label: label.clone(), progress: progress.clone() });
        let ctx = ctx.clone();
        let lost = Message { id, key, result: Err(Crashed(label)) };
        let reply = Reply::new(self.tx.clone(), lost, Some(Arc::new(move || ctx.request_repaint())));
        let spawned = std::thread::Builder::new().name("moodboard-job".to_owned()).spawn(move || {
            let result = job(&progress);
            reply.send(Message { id, key, result: Ok(result) });
        });
        if let Err(e) = spawned {
            // No thread: the reply went with the closure and reported the failure.
            log_spawn_failure(&e);
        }
    }

    /// Jobs that ended since the last call, with the board each was for.
    pub fn poll(&mut self) -> Vec<(BoardKey, Result<T, Crashed>)> {
        let done: Vec<Message<T>> = self.rx.try_iter().collect();
        self.running.retain(|r| !done.iter().any(|d| d.id == r.id));
        done.into_iter().map(|m| (m.key, m.result)).collect()
    }

    pub fn running(&self) -> usize {
        self.running.len()
    }

    /// What the running jobs are doing, with their progress if they count.
    pub fn status(&self) -> Vec<(String, Option<(usize, usize)>)> {
        self.running.iter().map(|r| (r.label.clone(), r.progress.get())).collect()
    }
}

fn log_spawn_failure(e: &std::io::Error) {
    let _ = std::io::Write::write_fmt(&mut std::io::stderr(), format_args!("could not start a job: {e}\n"));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wait<T: Send + 'static>(jobs: &mut Jobs<T>) -> Vec<(BoardKey, Result<T, Crashed>)> {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        loop {
            let done = jobs.poll();
            if !done.is_empty() || std::time::Instant::now() > deadline {
                return done;
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
    }

    #[test]
    fn a_job_that_panics_reports_that_it_crashed() {
        let ctx = egui::Context::default();
        let mut jobs: Jobs<u32> = Jobs::default();
        let key = BoardKey::first();
        jobs.spawn(&ctx, key, "Saving a copy", |_| panic!("a bug"));
        assert_eq!(jobs.running(), 1);
        let done = wait(&mut jobs);
        assert_eq!(done.len(), 1);
        assert_eq!(done[0].0, key);
        let err = done[0].1.clone().unwrap_err();
        assert!(err.to_string().starts_with("Saving a copy stopped unexpectedly"), "{err}");
        assert_eq!(jobs.running(), 0, "nothing stays 'running' for ever");
    }

    #[test]
    fn progress_is_shown_while_it_runs() {
        let ctx = egui::Context::default();
        let mut jobs: Jobs<u32> = Jobs::default();
        let (go_tx, go_rx) = channel::<()>();
        jobs.spawn(&ctx, BoardKey::first(), "Copying", move |p| {
            p.set_total(4);
            p.step();
            go_rx.recv().unwrap();
            7
        });
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while jobs.status()[0].1.is_none() && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        assert_eq!(jobs.status(), vec![("Copying".to_owned(), Some((1, 4)))]);
        go_tx.send(()).unwrap();
        assert_eq!(wait(&mut jobs)[0].1, Ok(7));
    }
}
