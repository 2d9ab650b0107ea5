//! A fixed set of worker threads for decoding and importing images. Jobs wait in one
//! queue; urgent jobs (what is on screen) go to its front, and quick jobs (a few
//! milliseconds that show something at once, such as a photo's EXIF preview) wait in a
//! lane of their own that is served before it.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, PoisonError};

type Job = Box<dyn FnOnce() + Send + 'static>;

#[derive(Default)]
struct Queues {
    quick: VecDeque<Job>,
    main: VecDeque<Job>,
}

struct Shared {
    queue: Mutex<Queues>,
    ready: Condvar,
    stop: AtomicBool,
}

/// A bounded pool: as many threads as given, never more, however many jobs arrive.
pub struct WorkerPool {
    shared: Arc<Shared>,
    threads: usize,
}

impl WorkerPool {
    /// A pool with `threads` workers (at least one), named `name-N`.
    pub fn new(name: &str, threads: usize) -> Self {
        let shared = Arc::new(Shared {
            queue: Mutex::new(Queues::default()),
            ready: Condvar::new(),
            stop: AtomicBool::new(false),
        });
        let threads = threads.max(1);
        for n in 0..threads {
            let shared = Arc::clone(&shared);
            std::thread::Builder::new()
                .name(format!("{name}-{n}"))
                .spawn(move || work(&shared))
                .expect("a worker thread starts");
        }
        Self { shared, threads }
    }

    /// A pool sized to the machine's cores.
    pub fn for_cores(name: &str) -> Self {
        Self::new(name, std::thread::available_parallelism().map_or(2, |n| n.get()))
    }

    pub fn threads(&self) -> usize {
        self.threads
    }

    /// Runs `job` after the jobs already waiting.
    pub fn spawn(&self, job: impl FnOnce() + Send + 'static) {
        self.push(Box::new(job), false);
    }

    /// Runs `job` before the jobs already waiting.
    pub fn spawn_urgent(&self, job: impl FnOnce() + Send + 'static) {
        self.push(Box::new(job), true);
    }

    /// Runs `job` before every job that is not quick, after the quick ones already
    /// waiting: for work of a few milliseconds whose result shows at once.
    pub fn spawn_quick(&self, job: impl FnOnce() + Send + 'static) {
        self.shared.queue.lock().unwrap_or_else(PoisonError::into_inner).quick.push_back(Box::new(job));
        self.shared.ready.notify_one();
    }

    fn push(&self, job: Job, front: bool) {
        let mut queue = self.shared.queue.lock().unwrap_or_else(PoisonError::into_inner);
        if front {
            queue.main.push_front(job)
        } else {
            queue.main.push_back(job)
        }
        drop(queue);
        self.shared.ready.notify_one();
    }

    /// Jobs waiting for a worker.
    pub fn queued(&self) -> usize {
        let queue = self.shared.queue.lock().unwrap_or_else(PoisonError::into_inner);
        queue.quick.len() + queue.main.len()
    }
}

fn work(shared: &Shared) {
    loop {
        let job = {
            let mut queue = shared.queue.lock().unwrap_or_else(PoisonError::into_inner);
            loop {
                if shared.stop.load(Ordering::Acquire) {
                    return;
                }
                if let Some(job) = queue.quick.pop_front().or_else(|| queue.main.pop_front()) {
                    break job;
                }
                queue = shared.ready.wait(queue).unwrap_or_else(PoisonError::into_inner);
            }
        };
        // A panicking job (a decoder bug) must not take the worker down with it.
        let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(job));
    }
}

impl Drop for WorkerPool {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::Release);
        self.shared.ready.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc::channel;

    #[test]
    fn runs_every_job_on_at_most_n_threads() {
        let pool = WorkerPool::new("test", 2);
        let (tx, rx) = channel();
        for i in 0..50 {
            let tx = tx.clone();
            pool.spawn(move || {
                tx.send((i, std::thread::current().name().unwrap().to_owned())).unwrap();
            });
        }
        let mut results: Vec<_> = (0..50).map(|_| rx.recv().unwrap()).collect();
        results.sort();
        assert_eq!(results.iter().map(|r| r.0).collect::<Vec<_>>(), (0..50).collect::<Vec<_>>());
        let names: std::collections::HashSet<_> = results.iter().map(|r| r.1.clone()).collect();
        assert!(names.len() <= 2 && names.iter().all(|n| n.starts_with("test-")), "{names:?}");
    }

    #[test]
    fn quick_jobs_run_before_urgent_and_plain_ones_in_their_order() {
        let pool = WorkerPool::new("order", 1);
        // Hold the only worker until every job is queued.
        let (hold_tx, hold_rx) = channel::<()>();
        pool.spawn(move || hold_rx.recv().unwrap());
        let (tx, rx) = channel();
        for (name, kind) in [("plain", 0), ("urgent 1", 1), ("quick 1", 2), ("urgent 2", 1), ("quick 2", 2)] {
            let tx = tx.clone();
            let job = move || tx.send(name).unwrap();
            match kind {
                0 => pool.spawn(job),
                1 => pool.spawn_urgent(job),
                _ => pool.spawn_quick(job),
            }
        }
        while pool.queued() < 5 {
            std::thread::yield_now();
        }
        hold_tx.send(()).unwrap();
        let order: Vec<_> = (0..5).map(|_| rx.recv_timeout(std::time::Duration::from_secs(5)).unwrap()).collect();
        assert_eq!(order, ["quick 1", "quick 2", "urgent 2", "urgent 1", "plain"]);
    }

    #[test]
    fn a_panicking_job_does_not_stop_the_pool() {
        let pool = WorkerPool::new("panic", 1);
        pool.spawn(|| panic!("decoder bug"));
        let (tx, rx) = channel();
        pool.spawn(move || tx.send(7).unwrap());
        assert_eq!(rx.recv_timeout(std::time::Duration::from_secs(5)).unwrap(), 7);
    }
}
