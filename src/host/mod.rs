//! The live-session join server: the facilitator's machine serves the board on the local
//! network, and participants add ideas, vote and react from a browser (see docs/JOIN.md).
//!
//! It runs on its own thread with a small tokio runtime, so neither the app's frames nor
//! the terminal wait on it. Every change is checked by the model's rules, applied to the
//! board in memory at once (so the next answer shows it), and written to the file within
//! a fraction of a second through the board's lock and merge, in batches. Changes others
//! make to the file (the app, `moodboard session`, a sync tool) are picked up.

mod api;
pub mod limits;
mod pictures;
mod serve;
pub mod state;
pub mod views;
mod words;

pub use limits::Limits;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use state::{BoardState, People, State};

/// How often accepted changes are written and the file is looked at for others' changes.
const WRITE_EVERY: Duration = Duration::from_millis(250);

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum HostError {
    Load(#[from] crate::storage::LoadError),
    Bind { addr: SocketAddr, source: std::io::Error },
    Runtime(std::io::Error),
}

impl crate::i18n::Said for HostError {
    fn message(&self) -> crate::i18n::Message {
        use crate::i18n::Message;
        match self {
            HostError::Load(e) => e.message(),
            HostError::Bind { addr, source } => Message::new("host-cannot-listen")
                .with("addr", addr.to_string())
                .with("reason", crate::i18n::Said::message(source)),
            HostError::Runtime(e) => Message::new("host-cannot-start").with("reason", e.message()),
        }
    }
}

crate::said_as_printed!(HostError);

/// A running join server. Stop it with [`Host::stop`], or [`Host::stop_in_background`]
/// from a thread that must not wait (dropping it stops it in the background too).
pub struct Host {
    addr: SocketAddr,
    token: String,
    state: Arc<State>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    /// Where the server's thread says how its last write went, when it has ended.
    ended: Option<std::sync::mpsc::Receiver<Result<(), crate::i18n::Message>>>,
}

/// A join server that was asked to stop and is finishing in the background: it closes
/// what phones still hold open (at most [`Limits::stopping`]) and writes what it took in.
pub struct Stopping {
    ended: std::sync::mpsc::Receiver<Result<(), crate::i18n::Message>>,
}

impl Stopping {
    /// How the stop went, once it has ended; `None` while it is still finishing.
    pub fn poll(&self) -> Option<Result<(), crate::i18n::Message>> {
        match self.ended.try_recv() {
            Ok(result) => Some(result),
            Err(std::sync::mpsc::TryRecvError::Empty) => None,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                Some(Err(crate::i18n::Message::new("host-stopped-unexpectedly")))
            }
        }
    }

    /// Waits for the end, at most `within`; `None` if it had not ended by then.
    pub fn wait(&self, within: std::time::Duration) -> Option<Result<(), crate::i18n::Message>> {
        match self.ended.recv_timeout(within) {
            Ok(result) => Some(result),
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => None,
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {
                Some(Err(crate::i18n::Message::new("host-stopped-unexpectedly")))
            }
        }
    }
}

/// A fresh token: 128 random bits, as 32 hex digits.
fn new_token() -> String {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).expect("the system's random source");
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn file_stamp(path: &Path) -> Option<(u64, SystemTime)> {
    let m = std::fs::metadata(path).ok()?;
    Some((m.len(), m.modified().ok()?))
}

impl Host {
    /// Serves the board at `path` on `bind` (port 0 picks a free one). `wake` is called
    /// whenever the board changes (to repaint a window).
    pub fn start(path: &Path, bind: SocketAddr, wake: Option<crate::storage::Waker>) -> Result<Self, HostError> {
        Self::start_with(path, bind, wake, Limits::for_this_process())
    }

    /// [`Host::start`] with the limits given (tests use small ones).
    pub fn start_with(
        path: &Path,
        bind: SocketAddr,
        wake: Option<crate::storage::Waker>,
        limits: Limits,
    ) -> Result<Self, HostError> {
        let loaded = crate::storage::load(path)?;
        let listener = std::net::TcpListener::bind(bind).map_err(|source| HostError::Bind { addr: bind, source })?;
        listener.set_nonblocking(true).map_err(HostError::Runtime)?;
        let addr = listener.local_addr().map_err(HostError::Runtime)?;
        let token = new_token();
        let (changed, _) = tokio::sync::watch::channel(0u64);
        let state = Arc::new(State {
            path: path.to_owned(),
            token: token.clone(),
            board: Mutex::new(BoardState {
                board: loaded.board,
                queue: Vec::new(),
                generation: 0,
                disk_hash: Some(loaded.hash),
                file_bytes: std::fs::metadata(path).map_or(0, |m| m.len()),
            }),
            people: Mutex::new(People::default()),
            changed,
            decoding: tokio::sync::Semaphore::new(state::DECODE_BUDGET_MIB as usize),
            limits,
            pictures: Default::default(),
            ending: std::sync::atomic::AtomicBool::new(false),
            common: Mutex::new(None),
            flushing: Mutex::new(()),
        });
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("moodboard-host")
            .enable_all()
            .build()
            .map_err(HostError::Runtime)?;
        let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
        let (ended_tx, ended) = std::sync::mpsc::channel();
        let serving = state.clone();
        let wake_at_end = wake.clone();
        std::thread::Builder::new()
            .name("moodboard-host".into())
            .spawn(move || {
                let result = runtime.block_on(async move {
                    use crate::i18n::Said;
                    let listener = tokio::net::TcpListener::from_std(listener).map_err(|e| e.message())?;
                    let writer = tokio::spawn(write_loop(serving.clone(), wake));
                    let warming = tokio::spawn(pictures::warm(serving.clone()));
                    let app = api::router(serving.clone());
                    let ending = serving.clone();
                    serve::serve(listener, app, limits, async move {
                        let _ = stop_rx.await;
                        // Every open page hears that the session ended, and its stream ends.
                        ending.ending.store(true, std::sync::atomic::Ordering::Relaxed);
                        ending.changed.send_modify(|g| *g += 1);
                    })
                    .await;
                    writer.abort();
                    warming.abort();
                    // Everything accepted is on disk before the server says it stopped.
                    let last = tokio::task::spawn_blocking(move || match flush(&serving) {
                        Ok(_) => Ok(()),
                        Err(e) => Err(keep_for_later(&serving, &e.message())),
                    })
                    .await;
                    last.map_err(|_| crate::i18n::Message::new("host-stopped-unexpectedly"))?
                });
                // Whoever asked may have stopped listening; the board is written either way.
                let _ = ended_tx.send(result);
                if let Some(wake) = &wake_at_end {
                    wake();
                }
            })
            .map_err(HostError::Runtime)?;
        Ok(Self { addr, token, state, stop: Some(stop_tx), ended: Some(ended) })
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    pub fn token(&self) -> &str {
        &self.token
    }

    /// The participant page's address, for `host` as the machine's address on the network.
    pub fn join_url(&self, host: &str) -> String {
        format!("http://{host}:{}/j/{}", self.addr.port(), self.token)
    }

    /// People joined, and how many of them have added an idea.
    pub fn people(&self) -> (usize, usize) {
        let people = self.state.people.lock().unwrap_or_else(|e| e.into_inner());
        (people.participants.len(), people.contributors())
    }

    /// Ideas that came in through the join page in this run.
    pub fn arrivals(&self) -> std::collections::HashSet<crate::model::ItemId> {
        let people = self.state.people.lock().unwrap_or_else(|e| e.into_inner());
        people.arrivals()
    }

    /// Stops serving and writes what is still waiting; says why if that failed. Waits
    /// for the end (about [`Limits::stopping`] at most, and the last write).
    pub fn stop(self) -> Result<(), crate::i18n::Message> {
        let stopping = self.stop_in_background();
        stopping.ended.recv().unwrap_or_else(|_| Err(crate::i18n::Message::new("host-stopped-unexpectedly")))
    }

    /// Asks the server to stop and returns at once; it finishes on its own thread.
    pub fn stop_in_background(mut self) -> Stopping {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        let (_, none) = std::sync::mpsc::channel();
        Stopping { ended: self.ended.take().unwrap_or(none) }
    }
}

impl Drop for Host {
    /// Stops the server in the background: dropping never waits on phones.
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

/// The machine's address on the local network, for the invitation: the one a packet to
/// the outside would leave from (no packet is sent), else loopback.
pub fn local_address() -> String {
    let probe = std::net::UdpSocket::bind("0.0.0.0:0").and_then(|s| {
        s.connect("192.0.2.1:9")?;
        s.local_addr()
    });
    match probe {
        Ok(a) if !a.ip().is_unspecified() => a.ip().to_string(),
        _ => "127.0.0.1".to_owned(),
    }
}

/// A QR code of `text` as terminal text (two rows of modules per line).
pub fn qr_text(text: &str) -> Option<String> {
    let code = qrcode::QrCode::new(text.as_bytes()).ok()?;
    Some(
        code.render::<qrcode::render::unicode::Dense1x2>()
            .dark_color(qrcode::render::unicode::Dense1x2::Light)
            .light_color(qrcode::render::unicode::Dense1x2::Dark)
            .build(),
    )
}

/// A QR code of `text` as modules: `(width, dark?)` row by row.
pub fn qr_modules(text: &str) -> Option<(usize, Vec<bool>)> {
    let code = qrcode::QrCode::new(text.as_bytes()).ok()?;
    let width = code.width();
    Some((width, code.to_colors().into_iter().map(|c| c == qrcode::Color::Dark).collect()))
}

/// Keeps what could not be written at stop (`why`): the board as the server holds it,
/// accepted ideas included, in a recovery file beside the board, else in the temporary
/// folder (often another disk). Says where, or that it is lost.
fn keep_for_later(state: &State, why: &crate::i18n::Message) -> crate::i18n::Message {
    use crate::i18n::Message;
    let b = state.board.lock().unwrap_or_else(|e| e.into_inner());
    let waiting = b.queue.len();
    if waiting == 0 {
        return why.clone();
    }
    let name = format!(
        "{}.recovered-{}{}",
        crate::storage::paths::board_name(&state.path),
        crate::model::Timestamp::now().to_short_string().replace([' ', ':'], "-"),
        crate::storage::paths::BOARD_SUFFIX
    );
    let beside = crate::storage::paths::board_folder(&state.path).join(&name);
    let elsewhere = std::env::temp_dir().join(&name);
    for place in [beside, elsewhere] {
        if crate::storage::create(&place, &b.board).is_ok() {
            return Message::new("host-kept-for-later")
                .with("count", waiting)
                .with("why", why.clone())
                .with("path", place.as_path());
        }
    }
    Message::new("host-lost-at-stop").with("count", waiting).with("why", why.clone())
}

/// Writes what was accepted, and reads what others changed, every [`WRITE_EVERY`].
async fn write_loop(state: Arc<State>, wake: Option<crate::storage::Waker>) {
    let mut seen = file_stamp(&state.path);
    loop {
        tokio::time::sleep(WRITE_EVERY).await;
        let pending = !state.board.lock().unwrap_or_else(|e| e.into_inner()).queue.is_empty();
        let stamp = file_stamp(&state.path);
        if !pending && stamp == seen {
            continue;
        }
        let s = state.clone();
        let result = tokio::task::spawn_blocking(move || flush(&s)).await;
        if let (Ok(Ok(true)), Some(wake)) = (result, &wake) {
            wake();
        }
        seen = file_stamp(&state.path);
    }
}

/// Writes the queue through the board's lock (merging with the file as it is now) and
/// takes the file's board, with what arrived meanwhile, as the board. Returns whether the
/// board changed.
fn flush(state: &State) -> Result<bool, crate::storage::UpdateError<std::convert::Infallible>> {
    let _one_at_a_time = state.flushing.lock().unwrap_or_else(|e| e.into_inner());
    let queue = std::mem::take(&mut state.board.lock().unwrap_or_else(|e| e.into_inner()).queue);
    let path: PathBuf = state.path.clone();
    let disk = if queue.is_empty() {
        match crate::storage::load(&path) {
            Ok(loaded) => loaded.board,
            Err(_) => return Ok(false),
        }
    } else {
        let written = crate::storage::update(&path, |board| {
            let mut clock = crate::model::Stamper::now(board, "live session");
            for edit in &queue {
                // Checked again against the file as it is now: a dot the file no longer
                // has room for, or an idea someone deleted meanwhile, is dropped.
                // An edit that can no longer be made is dropped; the board stays as it was.
                if api::still_allowed(board, edit) {
                    let _ = crate::model::operations::commit(board, edit.clone(), &mut clock);
                }
            }
            Ok::<_, std::convert::Infallible>(board.clone())
        });
        match written {
            Ok((board, _)) => board,
            Err(e) => {
                // Not written (the disk is full, the lock is held too long …): the
                // changes wait for the next round, in their order, before newer ones.
                let mut b = state.board.lock().unwrap_or_else(|e| e.into_inner());
                let newer = std::mem::replace(&mut b.queue, queue);
                b.queue.extend(newer);
                return Err(e);
            }
        }
    };
    let mut b = state.board.lock().unwrap_or_else(|e| e.into_inner());
    b.file_bytes = std::fs::metadata(&path).map_or(b.file_bytes, |m| m.len());
    let mut board = disk;
    let mut clock = crate::model::Stamper::now(&board, "live session");
    for edit in &b.queue {
        let _ = crate::model::operations::commit(&mut board, edit.clone(), &mut clock);
    }
    let changed = board != b.board;
    if changed {
        b.board = board;
        b.generation += 1;
        let generation = b.generation;
        drop(b);
        state.changed.send_replace(generation);
    }
    Ok(changed)
}
