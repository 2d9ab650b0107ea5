//! Every background job reports back exactly once. A job holds a [`Reply`]; it sends
//! its result with [`Reply::send`], and if the job ends without sending (it panicked,
//! or returned early by mistake) the reply sends the failure it was given up front
//! when it is dropped. So no one waits for ever on a job that is gone: a card shows
//! why its picture failed, an import's progress completes, a screenshot stops waiting.

use std::sync::mpsc::Sender;

use crate::storage::Waker;

/// The one message a job owes. Send it with [`Reply::send`]; dropped unsent, it sends
/// the `lost` message instead.
pub struct Reply<T> {
    tx: Sender<T>,
    lost: Option<T>,
    wake: Option<Waker>,
}

impl<T> Reply<T> {
    /// A reply on `tx`, sending `lost` if the job never sends, and calling `wake` (to
    /// repaint the window) after either.
    pub fn new(tx: Sender<T>, lost: T, wake: Option<Waker>) -> Self {
        Self { tx, lost: Some(lost), wake }
    }

    /// Sends the job's result.
    pub fn send(mut self, message: T) {
        self.lost = None;
        self.deliver(message);
    }

    /// Sends nothing: the result is no longer wanted (the card was scrolled away).
    pub fn cancel(mut self) {
        self.lost = None;
    }

    fn deliver(&self, message: T) {
        // The receiver may be gone (the board was closed): then nobody is waiting.
        let _ = self.tx.send(message);
        if let Some(wake) = &self.wake {
            wake();
        }
    }
}

impl<T> Drop for Reply<T> {
    fn drop(&mut self) {
        if let Some(lost) = self.lost.take() {
            self.deliver(lost);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc::channel;

    #[test]
    fn a_job_that_panics_still_reports() {
        let (tx, rx) = channel::<Result<u8, &str>>();
        let reply = Reply::new(tx, Err("the job stopped unexpectedly"), None);
        let handle = std::thread::spawn(move || {
            let _reply = reply;
            panic!("a decoder bug");
        });
        assert!(handle.join().is_err());
        assert_eq!(rx.recv().unwrap(), Err("the job stopped unexpectedly"));
        assert!(rx.recv().is_err(), "exactly one message");
    }

    #[test]
    fn a_job_that_sends_reports_once() {
        let (tx, rx) = channel::<Result<u8, &str>>();
        Reply::new(tx, Err("lost"), None).send(Ok(7));
        assert_eq!(rx.recv().unwrap(), Ok(7));
        assert!(rx.recv().is_err());
    }
}
