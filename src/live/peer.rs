//! The running peer of a live board: it lets in peers with a good secret, dials the peer
//! its copy joined, exchanges with each what the other lacks, applies what arrives to
//! the board file (locked, atomic, only when something changed), fetches the pictures
//! its copy lacks and sends on whatever changes in the file, whoever changed it.
//!
//! All network work runs on a tokio runtime of its own; file work runs on its blocking
//! threads. What happens is reported as [`Event`]s, which the CLI prints.

use std::collections::HashSet;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use iroh::Endpoint;
use iroh::endpoint::Connection;
use serde::{Deserialize, Serialize};
use tokio::sync::{Notify, watch};

use super::keys::{Keys, Secret};
use super::net::{self, Network};
use super::presence::{self, Frame, People, Person, Presence};
use super::ticket::Ticket;
use super::wire::{self, Message, PROTOCOL};
use crate::model::delta::{Summary, delta, overlay, summary};
use crate::model::{AssetName, Board, BoardId, Refused, Trust, operations};
use crate::storage::{self, AssetStore, BoardLock, MAX_ASSET_BYTES, format, watch::BoardWatcher};

/// What a secret lets a peer do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Trusted as a copy of our own board: adds, changes and deletes.
    Editor,
    /// Treated as another board: only adds; sees everything.
    Guest,
}

impl Role {
    /// How far what a peer of this role sends is trusted.
    fn trust(self) -> Trust {
        match self {
            Role::Editor => Trust::Colleague,
            Role::Guest => Trust::NewIdeasOnly,
        }
    }
}

impl crate::i18n::Said for Role {
    fn message(&self) -> crate::i18n::Message {
        crate::i18n::Message::new(match self {
            Role::Editor => "live-role-editor",
            Role::Guest => "live-role-guest",
        })
    }
}

crate::said_as_printed!(Role);

/// What happened, for people (the CLI prints one line each).
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// A peer came in or was reached.
    Joined { name: String, role: Role },
    /// A peer's connection ended.
    Left { name: String, why: String },
    /// Changes from a peer were merged into the file, which now holds `board` (the app
    /// takes it in at once, without waiting for its file watcher).
    Received { from: String, added: usize, changed: usize, removed: usize, board: Arc<Board> },
    /// A change a guest may not make was not applied.
    NotApplied { from: String, what: String },
    /// A picture arrived, checked against its name.
    Picture { from: String, asset: String },
    /// A peer sent something malformed, oversized or out of rule: it was disconnected and
    /// the board left as it was.
    Refused { from: String, why: String },
    /// The peer this copy joined cannot be reached now; trying again.
    Offline { why: String },
    /// The peer this copy joined refused its ticket (stopped sharing or made a new
    /// ticket): no more tries.
    Revoked { why: String },
    /// The board file changed but cannot be read.
    Unreadable { why: String },
    /// A connection was refused: this many are open already.
    Full { limit: usize },
}

impl crate::i18n::Said for Event {
    fn message(&self) -> crate::i18n::Message {
        use crate::i18n::Message;
        let why = |id: &'static str, why: &str| Message::new(id).with("why", why);
        match self {
            Event::Joined { name, role } => {
                Message::new("live-event-joined").with("name", name.as_str()).with("role", role.message())
            }
            Event::Left { name, why: reason } => why("live-event-left", reason).with("name", name.as_str()),
            Event::Received { from, added, changed, removed, .. } => Message::new("live-event-received")
                .with("from", from.as_str())
                .with("added", *added)
                .with("changed", *changed)
                .with("removed", *removed),
            Event::NotApplied { from, what } => {
                Message::new("live-event-not-applied").with("from", from.as_str()).with("what", what.as_str())
            }
            Event::Picture { from, asset } => {
                Message::new("live-event-picture").with("from", from.as_str()).with("asset", asset.to_string())
            }
            Event::Refused { from, why: reason } => why("live-event-refused", reason).with("from", from.as_str()),
            Event::Offline { why: reason } => why("live-event-offline", reason),
            Event::Revoked { why: reason } => why("live-event-revoked", reason),
            Event::Unreadable { why: reason } => why("live-event-unreadable", reason),
            Event::Full { limit } => Message::new("live-event-full").with("limit", *limit),
        }
    }
}

crate::said_as_printed!(Event);

/// How a peer runs.
#[derive(Clone, Debug)]
pub struct Options {
    pub network: Network,
    /// The address to listen on (default: every interface).
    pub bind: Option<SocketAddr>,
    /// Who we are, for the others.
    pub name: String,
    /// The folder the keys of live boards are kept in ([`super::keys::default_dir`]).
    pub keys: PathBuf,
}

/// How long a first join keeps trying to reach the peer of its ticket.
const FIRST_JOIN_TIME: Duration = Duration::from_secs(30);
/// How long one try to reach a peer may take (a dead address answers nothing; the next
/// try comes sooner than QUIC's own time limit).
const CONNECT_TIME: Duration = Duration::from_secs(5);
/// How long a peer may take to say who it is.
const HELLO_TIME: Duration = Duration::from_secs(10);
/// The longest wait between tries to reach the peer a copy joined.
const MAX_RETRY: Duration = Duration::from_secs(10);
/// How often a copy whose peer is away looks for the other copies it knows.
const MESH_EVERY: Duration = Duration::from_secs(2);
/// Pictures fetched at once from one peer.
const PICTURES_AT_ONCE: usize = 4;
/// Connections a peer lets in at once (a team, a class, with room to spare); more are
/// refused until one ends, so that a stranger opening connections by the thousand
/// cannot use up the machine.
pub const MAX_PEERS: usize = 64;
/// Close codes: the other side is told why, in a word.
const CLOSE_DONE: u32 = 0;
const CLOSE_REFUSED: u32 = 1;

/// What every task of a peer shares.
struct Shared {
    path: PathBuf,
    board: BoardId,
    name: String,
    keys: Mutex<Keys>,
    /// Where the keys are kept.
    keys_dir: PathBuf,
    /// The board as the file holds it (`None` until a joining copy has it).
    current: watch::Sender<Option<Arc<Board>>>,
    events: std::sync::mpsc::Sender<Event>,
    /// Pictures being fetched now, so one is not asked for twice.
    fetching: Mutex<HashSet<AssetName>>,
    /// Changes from peers, to the applier (one change of the file at a time from this
    /// process; other processes: the lock).
    jobs: tokio::sync::mpsc::UnboundedSender<Job>,
    /// Called after each event (the app repaints to show it).
    waker: Mutex<Option<storage::Waker>>,
    /// Our person's presence frame (the app sets it; `None` from a peer without a
    /// screen, which is not shown to anyone).
    own: watch::Sender<Frame>,
    /// Everyone else heard of.
    people: Mutex<People>,
    /// Frames heard, to pass on to the other connections: with the number of the
    /// connection they came by.
    relay: tokio::sync::broadcast::Sender<(u64, Frame)>,
    /// Numbers the connections, for `relay`.
    connections: std::sync::atomic::AtomicU64,
    /// How others reach this copy (known once the endpoint is up).
    address: Mutex<Option<iroh::EndpointAddr>>,
    /// The copies in conversation with this one now, by key, with how many connections.
    connected: Mutex<std::collections::HashMap<iroh::PublicKey, usize>>,
    /// Other copies being dialled now because the one this copy joined is away.
    dialing: Mutex<HashSet<iroh::PublicKey>>,
}

impl Shared {
    fn tell(&self, event: Event) {
        let _ = self.events.send(event);
        self.wake();
    }

    fn wake(&self) {
        if let Some(wake) = self.waker.lock().expect("waker").as_ref() {
            wake();
        }
    }
}

/// A running peer. Dropping it (or [`Peer::stop`]) closes every connection.
pub struct Peer {
    runtime: Option<tokio::runtime::Runtime>,
    shared: Arc<Shared>,
    endpoint: Endpoint,
    addr: iroh::EndpointAddr,
    events: Option<std::sync::mpsc::Receiver<Event>>,
    network: Network,
}

impl Peer {
    /// Shares the board at `path`: keys are made the first time (and new secrets with
    /// `new_ticket`, which every earlier ticket stops working for).
    pub fn share(path: &Path, options: Options, new_ticket: bool) -> anyhow::Result<Peer> {
        let loaded = storage::load(path)?;
        let id = loaded.board.id().clone();
        let mut keys = Keys::load(&options.keys, &id)?.unwrap_or_else(Keys::new_shared);
        if keys.editor().is_none() || new_ticket {
            keys.rotate();
        }
        keys.save(&options.keys, &id)?;
        Self::start(path, Some(loaded.board), keys, options)
    }

    /// Joins the board of `ticket`: a copy is made in `dir` (named after the board) and
    /// kept in step; when this computer already has a copy from an earlier join that is
    /// still there, that copy is resumed. Returns once the copy is on disk.
    pub fn join(ticket: &Ticket, dir: &Path, options: Options) -> anyhow::Result<Peer> {
        let kept = Keys::load(&options.keys, &ticket.board)?;
        if kept.as_ref().is_some_and(|k| k.joined.is_none()) {
            // Joining would put a copy's keys in place of the sharer's, and every ticket
            // this computer gave would stop working.
            anyhow::bail!("this computer shares this board itself: open the board instead of joining it");
        }
        if let Some(keys) = kept
            && let Some(path) = keys.path.clone()
            && storage::load(&path).is_ok_and(|l| l.board.id() == &ticket.board)
        {
            let mut keys = keys;
            keys.joined = Some(ticket.to_text());
            keys.save(&options.keys, &ticket.board)?;
            return Self::resume(&path, options);
        }
        std::fs::create_dir_all(dir).map_err(|e| anyhow::anyhow!("{}: {e}", dir.display()))?;
        let path = storage::paths::unused_board_path(dir, &ticket.title);
        let peer = Self::start(&path, None, Keys::joined(ticket, &path), options)?;
        let mut current = peer.shared.current.subscribe();
        let mut events = Vec::new();
        let started = std::time::Instant::now();
        let arrived = peer.block_on(async {
            loop {
                if current.borrow_and_update().is_some() {
                    return Ok(());
                }
                tokio::select! {
                    changed = current.changed() => changed.map_err(|_| anyhow::anyhow!("the peer stopped"))?,
                    () = tokio::time::sleep(Duration::from_millis(200)) => {}
                }
                // A refused ticket ends the wait with its reason.
                if let Some(rx) = &peer.events {
                    while let Ok(event) = rx.try_recv() {
                        if let Event::Revoked { why } = &event {
                            return Err(anyhow::anyhow!("the ticket was refused: {why}"));
                        }
                        if let Event::Offline { why } = &event
                            && started.elapsed() > FIRST_JOIN_TIME
                        {
                            return Err(anyhow::anyhow!(
                                "the peer that gave the ticket cannot be reached ({why}); is it still sharing?"
                            ));
                        }
                        events.push(event);
                    }
                }
            }
        });
        arrived?;
        let keys = peer.shared.keys.lock().expect("keys").clone();
        keys.save(&peer.shared.keys_dir, &ticket.board)?;
        // What was seen while waiting is still the caller's to read.
        if let Some(rx) = &peer.events {
            let tx = peer.shared.events.clone();
            let rest: Vec<Event> = rx.try_iter().collect();
            for event in events.into_iter().chain(rest) {
                let _ = tx.send(event);
            }
        }
        Ok(peer)
    }

    /// Runs the board at `path` live again: dials the peer it joined (if it joined),
    /// lets peers in (if it may).
    pub fn resume(path: &Path, options: Options) -> anyhow::Result<Peer> {
        let loaded = storage::load(path)?;
        let id = loaded.board.id().clone();
        let Some(keys) = Keys::load(&options.keys, &id)? else {
            anyhow::bail!(
                "{}: this board was never live on this computer; share it with `moodboard live share` or join it with a ticket",
                path.display()
            );
        };
        Self::start(path, Some(loaded.board), keys, options)
    }

    fn start(path: &Path, board: Option<Board>, keys: Keys, options: Options) -> anyhow::Result<Peer> {
        let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build()?;
        let joined = match &keys.joined {
            Some(text) => Some(Ticket::parse(text)?),
            None => None,
        };
        let id = match (&board, &joined) {
            (Some(b), _) => b.id().clone(),
            (None, Some(t)) => t.board.clone(),
            (None, None) => anyhow::bail!("no board to run live"),
        };
        let (events_tx, events) = std::sync::mpsc::channel();
        let (jobs_tx, jobs_rx) = tokio::sync::mpsc::unbounded_channel();
        let has_file = board.is_some();
        let (current, _) = watch::channel(board.map(Arc::new));
        let me = presence::new_who();
        let own = Frame { who: me.clone(), name: clean_name(&options.name), seq: 0, presence: None };
        let shared = Arc::new(Shared {
            path: path.to_owned(),
            board: id,
            name: clean_name(&options.name),
            keys: Mutex::new(keys.clone()),
            keys_dir: options.keys.clone(),
            current,
            events: events_tx,
            fetching: Mutex::new(HashSet::new()),
            jobs: jobs_tx,
            waker: Mutex::new(None),
            own: watch::channel(own).0,
            people: Mutex::new(People::new(me)),
            relay: tokio::sync::broadcast::channel(256).0,
            connections: std::sync::atomic::AtomicU64::new(1),
            address: Mutex::new(None),
            connected: Mutex::new(std::collections::HashMap::new()),
            dialing: Mutex::new(HashSet::new()),
        });
        let network = options.network.clone();
        let (endpoint, addr) = runtime.block_on(async {
            let endpoint = net::endpoint(keys.secret_key(), &network, options.bind, keys.port).await?;
            let addr = net::address(&endpoint, &network).await;
            Ok::<_, anyhow::Error>((endpoint, addr))
        })?;
        *shared.address.lock().expect("address") = Some(addr.clone());
        let port = net::port(&endpoint);
        if port != keys.port {
            let mut keys = shared.keys.lock().expect("keys");
            keys.port = port;
            if has_file {
                keys.save(&shared.keys_dir, &shared.board)?;
            }
        }
        runtime.spawn(applier(shared.clone(), jobs_rx));
        runtime.spawn(accept_loop(shared.clone(), endpoint.clone()));
        runtime.spawn(watch_file(shared.clone()));
        runtime.spawn(heartbeat(shared.clone()));
        if let Some(ticket) = joined {
            runtime.spawn(mesh_loop(shared.clone(), endpoint.clone(), ticket.clone()));
            runtime.spawn(dial_loop(shared.clone(), endpoint.clone(), ticket));
        }
        Ok(Peer { runtime: Some(runtime), shared, endpoint, addr, events: Some(events), network })
    }

    fn block_on<T>(&self, future: impl std::future::Future<Output = T>) -> T {
        self.runtime.as_ref().expect("running").block_on(future)
    }

    /// The board file this peer keeps.
    pub fn path(&self) -> &Path {
        &self.shared.path
    }

    /// Which relay is in use, for people.
    pub fn relay(&self) -> crate::i18n::Message {
        match self.addr.relay_urls().next() {
            Some(url) => crate::i18n::Message::new("live-relay-own").with("url", url.to_string()),
            None => self.network.describe(),
        }
    }

    /// The board as it is now in the program that runs this peer (the app, after each
    /// change): it goes out to the peers at once, without waiting for the file watcher
    /// to see it saved.
    pub fn publish(&self, board: &Board) {
        if board.id() != &self.shared.board {
            return;
        }
        self.shared.current.send_if_modified(|now| {
            let changed = now.as_deref() != Some(board);
            if changed {
                *now = Some(Arc::new(board.clone()));
            }
            changed
        });
    }

    /// Whether a relay may be used (not LAN only).
    pub fn uses_relay(&self) -> bool {
        self.network != Network::LanOnly
    }

    /// A ticket for this board with this peer's address, if this copy may let people of
    /// that role in.
    pub fn ticket(&self, role: Role) -> Option<Ticket> {
        let keys = self.shared.keys.lock().expect("keys");
        let secret = match role {
            Role::Editor => keys.editor()?,
            Role::Guest => keys.guest()?,
        };
        let board = self.shared.current.borrow();
        let title = board.as_ref().map(|b| b.title.clone()).unwrap_or_default();
        Some(Ticket { board: self.shared.board.clone(), title, peer: self.addr.clone(), secret, role })
    }

    /// What our person shows the others now: sent at once when it changed (at most
    /// about 30 times a second), and again every [`presence::HEARTBEAT`].
    pub fn set_presence(&self, presence: Presence) {
        let presence = presence.sendable();
        self.shared.own.send_if_modified(|frame| {
            let changed = frame.presence.as_ref() != Some(&presence);
            if changed {
                frame.presence = Some(presence);
                frame.seq += 1;
            }
            changed
        });
    }

    /// Everyone else on the board now, with where they are (by name).
    pub fn people(&self) -> Vec<Person> {
        self.shared.people.lock().expect("people").here(std::time::Instant::now())
    }

    /// Calls `waker` after each event from now on.
    pub fn wake_with(&self, waker: storage::Waker) {
        *self.shared.waker.lock().expect("waker") = Some(waker);
    }

    /// What happened, as it happens (taken once).
    pub fn take_events(&mut self) -> Option<std::sync::mpsc::Receiver<Event>> {
        self.events.take()
    }

    /// Closes every connection, telling the peers.
    pub fn stop(mut self) {
        self.shut();
    }

    fn shut(&mut self) {
        if let Some(runtime) = self.runtime.take() {
            let endpoint = self.endpoint.clone();
            let _ = runtime.block_on(async { tokio::time::timeout(Duration::from_secs(2), endpoint.close()).await });
            runtime.shutdown_timeout(Duration::from_secs(1));
        }
    }
}

impl Drop for Peer {
    fn drop(&mut self) {
        self.shut();
    }
}

/// A peer's name as we show it: one line, at most [`wire::MAX_NAME_CHARS`].
fn clean_name(name: &str) -> String {
    let one: String = name.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    let name: String = one.trim().chars().take(wire::MAX_NAME_CHARS).collect();
    if name.is_empty() { "someone".to_owned() } else { name }
}

/// Why a conversation with a peer ended.
enum Ended {
    /// The connection closed or failed.
    Closed(String),
    /// They refused us (a ticket no longer valid, another board).
    TheyRefused(String),
    /// They sent something we refuse: they are disconnected.
    WeRefused(String),
}

impl From<wire::WireError> for Ended {
    fn from(e: wire::WireError) -> Self {
        match e {
            wire::WireError::Closed | wire::WireError::Connection(_) => Ended::Closed(e.to_string()),
            wire::WireError::TooLarge { .. } | wire::WireError::Malformed(_) => Ended::WeRefused(e.to_string()),
        }
    }
}

async fn accept_loop(shared: Arc<Shared>, endpoint: Endpoint) {
    let places = Arc::new(tokio::sync::Semaphore::new(MAX_PEERS));
    while let Some(incoming) = endpoint.accept().await {
        // Each connection holds a place until it ends, whether it said hello or not.
        let Ok(place) = places.clone().try_acquire_owned() else {
            incoming.refuse();
            shared.tell(Event::Full { limit: MAX_PEERS });
            continue;
        };
        let shared = shared.clone();
        tokio::spawn(async move {
            let _place = place;
            let Ok(connection) = incoming.await else { return };
            accepted(shared, connection).await;
        });
    }
}

/// A peer dialled us: it must say hello with a good secret before anything else.
async fn accepted(shared: Arc<Shared>, connection: Connection) {
    let hello = tokio::time::timeout(HELLO_TIME, async {
        let (send, mut recv) = connection.accept_bi().await.map_err(|e| e.to_string())?;
        let hello = wire::receive(&mut recv).await.map_err(|e| e.to_string())?;
        Ok::<_, String>((send, recv, hello))
    })
    .await;
    let (mut send, recv, hello) = match hello {
        Ok(Ok(h)) => h,
        Ok(Err(_)) | Err(_) => {
            connection.close(CLOSE_REFUSED.into(), b"no hello");
            return;
        }
    };
    let refuse = |mut send: iroh::endpoint::SendStream, reason: String| {
        let connection = connection.clone();
        async move {
            let _ = wire::send(&mut send, &Message::Refused { reason }).await;
            let _ = send.finish();
            let _ = tokio::time::timeout(Duration::from_secs(1), send.stopped()).await;
            connection.close(CLOSE_REFUSED.into(), b"refused");
        }
    };
    let Some(Message::Hello { protocol, board, secret, name }) = hello else {
        refuse(send, "the first message must be hello".into()).await;
        return;
    };
    if protocol != PROTOCOL {
        refuse(send, format!("this peer speaks live protocol {PROTOCOL}, not {protocol}")).await;
        return;
    }
    if board != shared.board.as_str() {
        refuse(send, "this peer shares another board".into()).await;
        return;
    }
    let role = Secret::from_hex(&secret).and_then(|s| shared.keys.lock().expect("keys").role_of(&s));
    let Some(role) = role else {
        refuse(send, "this ticket is not valid (any more): ask for a new one".into()).await;
        return;
    };
    let name = clean_name(&name);
    let guest_secret = match role {
        Role::Editor => shared.keys.lock().expect("keys").guest().map(|g| g.to_hex()),
        Role::Guest => None,
    };
    let welcome = Message::Welcome { role, name: shared.name.clone(), guest_secret };
    if wire::send(&mut send, &welcome).await.is_err() {
        return;
    }
    shared.tell(Event::Joined { name: name.clone(), role });
    let ended = converse(&shared, &connection, send, recv, &name, role.trust()).await;
    finish(&shared, &connection, &name, ended);
}

/// Says how a conversation ended, and closes the connection.
fn finish(shared: &Shared, connection: &Connection, name: &str, ended: Ended) -> Option<String> {
    match ended {
        Ended::Closed(why) => {
            connection.close(CLOSE_DONE.into(), b"bye");
            shared.tell(Event::Left { name: name.to_owned(), why });
            None
        }
        Ended::WeRefused(why) => {
            connection.close(CLOSE_REFUSED.into(), why.as_bytes().get(..why.len().min(200)).unwrap_or_default());
            shared.tell(Event::Refused { from: name.to_owned(), why });
            None
        }
        Ended::TheyRefused(why) => {
            connection.close(CLOSE_DONE.into(), b"bye");
            Some(why)
        }
    }
}

/// Dials the peer this copy joined, again after every loss, until it refuses the ticket.
async fn dial_loop(shared: Arc<Shared>, endpoint: Endpoint, ticket: Ticket) {
    let mut wait = Duration::from_millis(250);
    loop {
        match dial(&shared, &endpoint, &ticket).await {
            Ok(Some(refused)) => {
                shared.tell(Event::Revoked { why: refused });
                return;
            }
            Ok(None) => wait = Duration::from_millis(250),
            Err(why) => shared.tell(Event::Offline { why }),
        }
        tokio::time::sleep(wait).await;
        wait = (wait * 2).min(MAX_RETRY);
    }
}

/// One connection to the peer of `ticket`: `Ok(Some(reason))` when it refused us.
async fn dial(shared: &Arc<Shared>, endpoint: &Endpoint, ticket: &Ticket) -> Result<Option<String>, String> {
    let connection = tokio::time::timeout(CONNECT_TIME, endpoint.connect(ticket.peer.clone(), super::ALPN))
        .await
        .map_err(|_| "no answer".to_owned())?
        .map_err(|e| e.to_string())?;
    let (mut send, mut recv) = connection.open_bi().await.map_err(|e| e.to_string())?;
    let hello = Message::Hello {
        protocol: PROTOCOL,
        board: shared.board.as_str().to_owned(),
        secret: ticket.secret.to_hex(),
        name: shared.name.clone(),
    };
    wire::send(&mut send, &hello).await.map_err(|e| e.to_string())?;
    let answer = tokio::time::timeout(HELLO_TIME, wire::receive(&mut recv))
        .await
        .map_err(|_| "no answer to hello".to_owned())?
        .map_err(|e| e.to_string())?;
    let (role, name) = match answer {
        Some(Message::Welcome { role, name, guest_secret }) => {
            if role == Role::Editor
                && let Some(guest) = guest_secret.as_deref().and_then(Secret::from_hex)
            {
                let mut keys = shared.keys.lock().expect("keys");
                if keys.guest().as_ref() != Some(&guest) {
                    keys.set_guest(&guest);
                    let _ = keys.save(&shared.keys_dir, &shared.board);
                }
            }
            (role, clean_name(&name))
        }
        Some(Message::Refused { reason }) => {
            connection.close(CLOSE_DONE.into(), b"bye");
            return Ok(Some(clean_reason(&reason)));
        }
        _ => {
            connection.close(CLOSE_REFUSED.into(), b"no welcome");
            return Err("the peer did not answer as a Moodboard peer".into());
        }
    };
    let _ = role;
    shared.tell(Event::Joined { name: name.clone(), role: Role::Editor });
    // The peer we joined is trusted as a copy of our own board.
    let ended = converse(shared, &connection, send, recv, &name, Trust::Colleague).await;
    Ok(finish(shared, &connection, &name, ended).map(|why| clean_reason(&why)))
}

fn clean_reason(reason: &str) -> String {
    reason.chars().filter(|c| !c.is_control()).take(300).collect()
}

/// The conversation after hello: summaries, then changes both ways until the end.
async fn converse(
    shared: &Arc<Shared>,
    connection: &Connection,
    send: iroh::endpoint::SendStream,
    mut recv: iroh::endpoint::RecvStream,
    name: &str,
    trust: Trust,
) -> Ended {
    let theirs: Arc<Mutex<Option<Summary>>> = Arc::new(Mutex::new(None));
    let wake = Arc::new(Notify::new());
    let number = shared.connections.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let remote = connection.remote_id();
    *shared.connected.lock().expect("connected").entry(remote).or_default() += 1;
    let (refusal, refused) = tokio::sync::oneshot::channel();
    let pictures = tokio::spawn(serve_pictures(shared.clone(), connection.clone()));
    let writer = tokio::spawn(write_changes(shared.clone(), send, theirs.clone(), wake.clone(), trust));
    let presence_out = tokio::spawn(send_presence(shared.clone(), connection.clone(), number));
    let presence_in = tokio::spawn(receive_presence(shared.clone(), connection.clone(), number, refusal));
    let mut ended = loop {
        let message = match wire::receive(&mut recv).await {
            Ok(Some(m)) => m,
            Ok(None) => break Ended::Closed("finished".into()),
            Err(e) => break e.into(),
        };
        match message {
            Message::Summary { summary } => {
                *theirs.lock().expect("summary") = Some(summary);
                wake.notify_one();
                // Pictures a copy lacks from before (a transfer cut off) are asked for
                // even when the boards already agree.
                fetch_pictures(shared, connection, name);
            }
            Message::Changes { board } => match apply(shared, board, name, trust).await {
                Ok(part) => {
                    if let Some(known) = theirs.lock().expect("summary").as_mut() {
                        known.absorb(&part);
                    }
                    wake.notify_one();
                    fetch_pictures(shared, connection, name);
                }
                Err(why) => break Ended::WeRefused(why),
            },
            Message::Addresses { peers } => {
                // Only editors' addresses are kept: a guest naming an address could
                // otherwise be sent the editors' secret by whoever dials it.
                if trust == Trust::Colleague
                    && let Err(why) = learn_addresses(shared, &peers)
                {
                    break Ended::WeRefused(why);
                }
            }
            Message::Refused { reason } => break Ended::TheyRefused(reason),
            _ => break Ended::WeRefused("a message out of turn".into()),
        }
    };
    writer.abort();
    pictures.abort();
    presence_out.abort();
    presence_in.abort();
    // Presence out of rule closed the connection: that is why it ended.
    if let Ok(why) = refused.await {
        ended = Ended::WeRefused(why);
    }
    {
        let mut connected = shared.connected.lock().expect("connected");
        if let Some(count) = connected.get_mut(&remote) {
            *count -= 1;
            if *count == 0 {
                connected.remove(&remote);
            }
        }
    }
    let gone = shared.people.lock().expect("people").lost(number);
    if !gone.is_empty() {
        for frame in gone {
            let _ = shared.relay.send((number, frame));
        }
        shared.wake();
    }
    ended
}

/// Keeps the other copies an editor told us of (newest first, at most
/// [`wire::MAX_ADDRESSES`]), in the keys, so that they are there after a restart too.
fn learn_addresses(shared: &Shared, peers: &[super::ticket::Address]) -> Result<(), String> {
    let own = shared.address.lock().expect("address").as_ref().map(|a| a.id);
    let mut keys = shared.keys.lock().expect("keys");
    let before = keys.peers.clone();
    for address in peers {
        let endpoint = address.endpoint().map_err(|e| format!("an address: {e}"))?;
        if Some(endpoint.id) == own {
            continue;
        }
        let address = super::ticket::Address::of(&endpoint);
        keys.peers.retain(|a| a.peer != address.peer);
        keys.peers.insert(0, address);
    }
    keys.peers.truncate(wire::MAX_ADDRESSES);
    if keys.peers != before && shared.path.exists() {
        let _ = keys.save(&shared.keys_dir, &shared.board);
    }
    Ok(())
}

/// While the peer this copy joined is away, reaches the other copies it knows of (each
/// once at a time; one that cannot be reached is tried again after [`MAX_RETRY`]), so
/// that editors keep in step without it. The peer it joined is still dialled all along.
async fn mesh_loop(shared: Arc<Shared>, endpoint: Endpoint, ticket: Ticket) {
    loop {
        tokio::time::sleep(MESH_EVERY).await;
        if shared.connected.lock().expect("connected").contains_key(&ticket.peer.id) {
            continue;
        }
        let own = endpoint.id();
        let known: Vec<iroh::EndpointAddr> = shared
            .keys
            .lock()
            .expect("keys")
            .peers
            .iter()
            .filter_map(|a| a.endpoint().ok())
            .filter(|p| p.id != own && p.id != ticket.peer.id)
            .collect();
        for peer in known {
            if shared.connected.lock().expect("connected").contains_key(&peer.id)
                || !shared.dialing.lock().expect("dialing").insert(peer.id)
            {
                continue;
            }
            let (shared, endpoint) = (shared.clone(), endpoint.clone());
            let ticket = Ticket { peer, ..ticket.clone() };
            tokio::spawn(async move {
                if !matches!(dial(&shared, &endpoint, &ticket).await, Ok(None)) {
                    tokio::time::sleep(MAX_RETRY).await;
                }
                shared.dialing.lock().expect("dialing").remove(&ticket.peer.id);
            });
        }
    }
}

/// Sends our person's presence and everyone else's we hear of (but back where it came
/// from) on a stream of its own; first everyone's as they are now.
async fn send_presence(shared: Arc<Shared>, connection: Connection, number: u64) {
    let mut relayed = shared.relay.subscribe();
    let mut own = shared.own.subscribe();
    let Ok(mut send) = connection.open_uni().await else { return };
    let now = shared.people.lock().expect("people").current(std::time::Instant::now());
    let ours = own.borrow_and_update().clone();
    for frame in now.into_iter().chain(ours.presence.is_some().then_some(ours)) {
        if wire::send(&mut send, &frame.into()).await.is_err() {
            return;
        }
    }
    loop {
        tokio::select! {
            changed = own.changed() => {
                if changed.is_err() {
                    return;
                }
                let frame = own.borrow_and_update().clone();
                if frame.presence.is_some() && wire::send(&mut send, &frame.into()).await.is_err() {
                    return;
                }
                // A pointer moving sends at most about 30 frames a second.
                tokio::time::sleep(Duration::from_millis(33)).await;
            }
            heard = relayed.recv() => match heard {
                Ok((from, frame)) if from != number => {
                    if wire::send(&mut send, &frame.into()).await.is_err() {
                        return;
                    }
                }
                Ok(_) | Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => {}
                Err(tokio::sync::broadcast::error::RecvError::Closed) => return,
            },
        }
    }
}

/// Takes in the peer's presence stream: each frame checked, news passed on. A frame out
/// of rule closes the connection, and `refusal` says why.
async fn receive_presence(
    shared: Arc<Shared>,
    connection: Connection,
    number: u64,
    refusal: tokio::sync::oneshot::Sender<String>,
) {
    let Ok(mut recv) = connection.accept_uni().await else { return };
    let why = loop {
        let frame = match wire::receive_at_most(&mut recv, presence::MAX_FRAME).await {
            Ok(Some(Message::Presence { who, name, seq, presence })) => Frame { who, name, seq, presence },
            Ok(Some(_)) => break "a message other than presence on the presence stream".to_owned(),
            Ok(None) => return,
            Err(wire::WireError::Closed | wire::WireError::Connection(_)) => return,
            Err(e) => break e.to_string(),
        };
        if let Err(why) = frame.check() {
            break why;
        }
        let frame = Frame { name: clean_name(&frame.name), ..frame };
        let news = shared.people.lock().expect("people").heard(&frame, number, std::time::Instant::now());
        if news {
            let _ = shared.relay.send((number, frame));
            shared.wake();
        }
    };
    let _ = refusal.send(why.clone());
    connection.close(CLOSE_REFUSED.into(), why.as_bytes().get(..why.len().min(200)).unwrap_or_default());
}

/// Sends our presence again now and then (others forget the silent), and forgets those
/// long gone.
async fn heartbeat(shared: Arc<Shared>) {
    loop {
        tokio::time::sleep(presence::HEARTBEAT).await;
        shared.own.send_if_modified(|frame| {
            frame.seq += 1;
            frame.presence.is_some()
        });
        let anyone = {
            let mut people = shared.people.lock().expect("people");
            people.forget_old(std::time::Instant::now());
            people.any()
        };
        // Those gone silent leave the screen.
        if anyone {
            shared.wake();
        }
    }
}

impl From<Frame> for Message {
    fn from(frame: Frame) -> Self {
        Message::Presence { who: frame.who, name: frame.name, seq: frame.seq, presence: frame.presence }
    }
}

/// Sends our summary, then whatever the other copy lacks each time the board changes or
/// we learn more of what they hold.
async fn write_changes(
    shared: Arc<Shared>,
    mut send: iroh::endpoint::SendStream,
    theirs: Arc<Mutex<Option<Summary>>>,
    wake: Arc<Notify>,
    trust: Trust,
) {
    if trust == Trust::Colleague {
        // How to reach us and the other copies we know, for when the peer they joined
        // is away.
        let own = shared.address.lock().expect("address").clone();
        let known = shared.keys.lock().expect("keys").peers.clone();
        let peers = own.iter().map(super::ticket::Address::of).chain(known).take(wire::MAX_ADDRESSES).collect();
        if wire::send(&mut send, &Message::Addresses { peers }).await.is_err() {
            return;
        }
    }
    let mut current = shared.current.subscribe();
    let board = current.borrow_and_update().clone();
    let ours = match board {
        Some(board) => tokio::task::spawn_blocking(move || summary(&board)).await.unwrap_or_default(),
        None => Summary::default(),
    };
    if wire::send(&mut send, &Message::Summary { summary: ours }).await.is_err() {
        return;
    }
    loop {
        let board = current.borrow_and_update().clone();
        let known = theirs.lock().expect("summary").clone();
        if let (Some(board), Some(known)) = (board, known) {
            let part = tokio::task::spawn_blocking(move || {
                delta(&board, &known).map(|part| (format::to_text(&part).map_err(|e| e.to_string()), part))
            })
            .await
            .ok()
            .flatten();
            if let Some((text, part)) = part {
                let Ok(text) = text else { return };
                if wire::send(&mut send, &Message::Changes { board: text }).await.is_err() {
                    return;
                }
                if let Some(known) = theirs.lock().expect("summary").as_mut() {
                    known.absorb(&part);
                }
            }
        }
        tokio::select! {
            changed = current.changed() => if changed.is_err() { return },
            () = wake.notified() => {}
        }
    }
}

/// Changes from one peer, waiting for the applier.
struct Job {
    text: String,
    from: String,
    trust: Trust,
    reply: tokio::sync::oneshot::Sender<Result<Board, String>>,
}

/// Merges changes from a peer into the file: `Ok(part)` with what they sent, or why it
/// was refused (nothing of theirs written).
async fn apply(shared: &Arc<Shared>, text: String, from: &str, trust: Trust) -> Result<Board, String> {
    let (reply, answer) = tokio::sync::oneshot::channel();
    let job = Job { text, from: from.to_owned(), trust, reply };
    shared.jobs.send(job).map_err(|_| "the peer is stopping".to_owned())?;
    answer.await.map_err(|_| "the peer is stopping".to_owned())?
}

/// Applies changes as they come, all those waiting in one go: the file is read once and
/// written once per batch, however many peers sent something meanwhile (ten peers
/// editing at once would otherwise queue a read and a write of the whole board per edit).
async fn applier(shared: Arc<Shared>, mut jobs: tokio::sync::mpsc::UnboundedReceiver<Job>) {
    while let Some(first) = jobs.recv().await {
        let mut batch = vec![first];
        while let Ok(job) = jobs.try_recv() {
            batch.push(job);
        }
        let (work, replies): (Vec<_>, Vec<_>) =
            batch.into_iter().map(|j| ((j.text, j.from, j.trust), (j.reply))).unzip();
        let worker = shared.clone();
        let outcome = tokio::task::spawn_blocking(move || apply_batch(&worker, work)).await;
        let (results, written) = match outcome {
            Ok(Ok(done)) => done,
            Ok(Err(why)) => {
                for reply in replies {
                    let _ = reply.send(Err(why.clone()));
                }
                continue;
            }
            Err(e) => {
                for reply in replies {
                    let _ = reply.send(Err(format!("the merge failed: {e}")));
                }
                continue;
            }
        };
        let written = written.map(Arc::new);
        if let Some(board) = &written {
            shared.current.send_replace(Some(board.clone()));
        }
        for (result, reply) in results.into_iter().zip(replies) {
            let result = result.map(|applied| {
                let Applied { part, from, added, changed, removed, not_applied } = applied;
                if let Some(board) = &written
                    && added + changed + removed > 0
                {
                    shared.tell(Event::Received { from: from.clone(), added, changed, removed, board: board.clone() });
                }
                for what in not_applied {
                    shared.tell(Event::NotApplied { from: from.clone(), what });
                }
                part
            });
            let _ = reply.send(result);
        }
    }
}

/// What one peer's changes did.
struct Applied {
    part: Board,
    from: String,
    added: usize,
    changed: usize,
    removed: usize,
    not_applied: Vec<String>,
}

/// Applies each peer's changes in turn to the board as the file holds it (under its
/// lock), each all or nothing, and writes the file once if anything changed. Returns each
/// one's outcome, and the board as written.
#[allow(clippy::type_complexity)]
fn apply_batch(
    shared: &Shared,
    work: Vec<(String, String, Trust)>,
) -> Result<(Vec<Result<Applied, String>>, Option<Board>), String> {
    let path = &shared.path;
    let _lock = BoardLock::acquire(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let existed = path.exists();
    let mut board = if existed { Some(storage::load(path).map_err(|e| e.to_string())?.board) } else { None };
    let mut changed = false;
    let results = work
        .into_iter()
        .map(|(text, from, trust)| {
            let place = PathBuf::from(format!("changes from {from}"));
            let part = format::parse(&place, &text).map_err(|e| e.to_string())?.board;
            if part.id() != &shared.board {
                return Err("changes for another board".to_owned());
            }
            let Some(ours) = &mut board else {
                // A copy joining: the first changes are the whole board.
                let mut first = part.clone();
                if let Some(problem) = hostile_problems(&mut first).into_iter().next() {
                    return Err(problem);
                }
                let added = first.items.len();
                board = Some(first);
                changed = true;
                return Ok(Applied { part, from, added, changed: 0, removed: 0, not_applied: Vec::new() });
            };
            let merged = merge_part(ours, &part, trust)?;
            changed |= merged.board_changed;
            let MergedPart { added, changed, removed, not_applied, .. } = merged;
            Ok(Applied { part, from, added, changed, removed, not_applied })
        })
        .collect();
    let written = match (changed, board) {
        (true, Some(board)) => {
            if existed {
                storage::save(path, &board).map_err(|e| e.to_string())?;
            } else {
                storage::create(path, &board).map_err(|e| e.to_string())?;
            }
            Some(board)
        }
        _ => None,
    };
    Ok((results, written))
}

/// What one peer's part did to the board.
struct MergedPart {
    added: usize,
    changed: usize,
    removed: usize,
    /// Anything changed at all (also what no count shows: themes, words, a session).
    board_changed: bool,
    /// What a guest may not do, named, not applied.
    not_applied: Vec<String>,
}

/// Merges one peer's part into `board`, all or nothing.
fn merge_part(board: &mut Board, part: &Board, trust: Trust) -> Result<MergedPart, String> {
    let mut theirs = overlay(board, part);
    if let Some(problem) = hostile_problems(&mut theirs).into_iter().next() {
        return Err(problem);
    }
    let merged = operations::merge_in(board, &theirs, trust).map_err(|e| e.to_string())?;
    let hostile = |why: &Refused| {
        matches!(
            why,
            Refused::ChangeFromTheFuture(_)
                | Refused::NewFromTheFuture(_)
                | Refused::DeletionFromTheFuture(_)
                | Refused::IdOfAnotherKind(_)
        )
    };
    if let Some(refusal) = merged.refused.iter().find(|r| trust == Trust::Colleague || hostile(&r.why)) {
        // Out of rule: what it brought is taken back, and the peer is refused.
        merged.reverse.apply(board).map_err(|e| e.to_string())?;
        return Err(refusal.to_string());
    }
    let not_applied = merged.refused.iter().map(ToString::to_string).collect();
    let s = &merged.summary;
    Ok(MergedPart {
        added: s.added.len(),
        changed: s.changed.len(),
        removed: s.removed.len(),
        board_changed: !merged.reverse.is_empty(),
        not_applied,
    })
}

/// What a repair of a board from a peer finds, but for frames put right (copies changed
/// apart can overlap frames; the merge tidies them): anything else is not sound.
fn hostile_problems(board: &mut Board) -> Vec<String> {
    storage::repair(board).into_iter().filter(|p| p.field != "frame").map(|p| p.to_string()).collect()
}

/// Passes on changes made to the file by anyone else (the app, `moodboard add`).
async fn watch_file(shared: Arc<Shared>) {
    // A joining copy has no file yet.
    let mut current = shared.current.subscribe();
    while current.borrow_and_update().is_none() {
        if current.changed().await.is_err() {
            return;
        }
    }
    let notify = Arc::new(Notify::new());
    let waker = {
        let notify = notify.clone();
        Arc::new(move || notify.notify_one()) as storage::Waker
    };
    let watcher = BoardWatcher::start(shared.path.clone(), None, waker);
    loop {
        notify.notified().await;
        for event in watcher.poll() {
            match event {
                storage::watch::WatchEvent::Changed { board, .. } => {
                    if board.id() != &shared.board {
                        shared.tell(Event::Unreadable { why: "the file now holds another board".into() });
                        continue;
                    }
                    shared.current.send_if_modified(|now| {
                        let changed = now.as_deref() != Some(&*board);
                        if changed {
                            *now = Some(Arc::new(*board));
                        }
                        changed
                    });
                }
                storage::watch::WatchEvent::Synced(_) => {}
                storage::watch::WatchEvent::Unreadable(why) => {
                    shared.tell(Event::Unreadable { why: crate::i18n::say_in(crate::i18n::Lang::En, &why) });
                }
            }
        }
    }
}

/// Asks `connection`'s peer for the pictures our copy lacks.
fn fetch_pictures(shared: &Arc<Shared>, connection: &Connection, from: &str) {
    let Some(board) = shared.current.borrow().clone() else { return };
    let store = AssetStore::for_board(&shared.path);
    let mut wanted: Vec<(AssetName, [f32; 2])> = Vec::new();
    {
        let mut fetching = shared.fetching.lock().expect("fetching");
        for item in &board.items {
            let Some(asset) = item.kind.picture() else { continue };
            if matches!(store.resolve(asset), Err(storage::AssetError::Missing { .. }))
                && fetching.insert(asset.clone())
            {
                let centre = [item.pos.x + item.size.w / 2.0, item.pos.y + item.size.h / 2.0];
                wanted.push((asset.clone(), centre));
            }
        }
    }
    if wanted.is_empty() {
        return;
    }
    let (shared, connection, from) = (shared.clone(), connection.clone(), from.to_owned());
    tokio::spawn(async move {
        let queue = Arc::new(Mutex::new(wanted));
        let mut workers = tokio::task::JoinSet::new();
        for _ in 0..PICTURES_AT_ONCE {
            let (shared, connection, from, queue) = (shared.clone(), connection.clone(), from.clone(), queue.clone());
            workers.spawn(async move {
                loop {
                    let view = shared.own.borrow().presence.as_ref().and_then(|p| p.view);
                    let Some(asset) = next_picture(&mut queue.lock().expect("queue"), view) else { return };
                    let result = fetch_picture(&shared, &connection, &asset).await;
                    shared.fetching.lock().expect("fetching").remove(&asset);
                    match result {
                        Ok(true) => {
                            shared.tell(Event::Picture { from: from.clone(), asset: asset.as_str().to_owned() })
                        }
                        Ok(false) => {}
                        Err(Ended::WeRefused(why)) => {
                            connection.close(CLOSE_REFUSED.into(), b"bad picture");
                            shared.tell(Event::Refused { from: from.clone(), why });
                            return;
                        }
                        Err(_) => return,
                    }
                }
            });
        }
        while workers.join_next().await.is_some() {}
    });
}

/// The picture to fetch next: the one nearest the middle of what our canvas shows
/// (`view`, from our presence), so that what is on screen fills in first; without a
/// screen, in board order.
fn next_picture(queue: &mut Vec<(AssetName, [f32; 2])>, view: Option<[f32; 4]>) -> Option<AssetName> {
    if queue.is_empty() {
        return None;
    }
    let index = match view {
        Some([x0, y0, x1, y1]) => {
            let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
            let distance = |[x, y]: [f32; 2]| (x - cx).powi(2) + (y - cy).powi(2);
            (0..queue.len()).min_by(|&a, &b| distance(queue[a].1).total_cmp(&distance(queue[b].1))).unwrap_or(0)
        }
        None => 0,
    };
    Some(queue.remove(index).0)
}

/// One picture: `Ok(true)` when it arrived intact and is stored.
async fn fetch_picture(shared: &Arc<Shared>, connection: &Connection, asset: &AssetName) -> Result<bool, Ended> {
    let (mut send, mut recv) = connection.open_bi().await.map_err(|e| Ended::Closed(e.to_string()))?;
    wire::send(&mut send, &Message::Want { asset: asset.as_str().to_owned() }).await?;
    let _ = send.finish();
    let size = match wire::receive(&mut recv).await? {
        Some(Message::Have { size }) => size,
        Some(Message::NotHere) => return Ok(false),
        _ => return Err(Ended::WeRefused("a picture answered out of turn".into())),
    };
    if size > MAX_ASSET_BYTES {
        return Err(Ended::WeRefused(format!("a picture of {size} bytes (at most {MAX_ASSET_BYTES})")));
    }
    let mut bytes = vec![0u8; size as usize];
    recv.read_exact(&mut bytes).await.map_err(|e| Ended::Closed(e.to_string()))?;
    if storage::content_hash(&bytes) != asset.hash_hex() {
        return Err(Ended::WeRefused(format!("the picture sent as {} is not that picture", asset.as_str())));
    }
    let (path, asset) = (shared.path.clone(), asset.clone());
    tokio::task::spawn_blocking(move || AssetStore::for_board(&path).store(&bytes, asset.extension()).map(drop))
        .await
        .map_err(|e| Ended::Closed(e.to_string()))?
        .map_err(|e| Ended::Closed(e.to_string()))?;
    Ok(true)
}

/// Answers the peer's requests for pictures of the board (only pictures on it).
async fn serve_pictures(shared: Arc<Shared>, connection: Connection) {
    while let Ok((mut send, mut recv)) = connection.accept_bi().await {
        let shared = shared.clone();
        tokio::spawn(async move {
            let Ok(Some(Message::Want { asset })) = wire::receive(&mut recv).await else { return };
            let on_board = shared
                .current
                .borrow()
                .as_ref()
                .is_some_and(|b| b.items.iter().any(|i| i.kind.picture().is_some_and(|p| p.as_str() == asset)));
            let bytes = match AssetName::parse(&asset) {
                Ok(name) if on_board => {
                    let path = shared.path.clone();
                    tokio::task::spawn_blocking(move || AssetStore::for_board(&path).read_verified(&name).ok())
                        .await
                        .ok()
                        .flatten()
                }
                _ => None,
            };
            let sent = match bytes {
                Some(bytes) => {
                    wire::send(&mut send, &Message::Have { size: bytes.len() as u64 }).await.is_ok()
                        && send.write_all(&bytes).await.is_ok()
                }
                None => wire::send(&mut send, &Message::NotHere).await.is_ok(),
            };
            if sent {
                let _ = send.finish();
                let _ = tokio::time::timeout(Duration::from_secs(30), send.stopped()).await;
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pictures_on_screen_are_fetched_first_and_without_a_screen_in_board_order() {
        let name = |i: u8| AssetName::parse(&format!("{}.png", format!("{i:02x}").repeat(32))).unwrap();
        let queue = || vec![(name(1), [0.0, 0.0]), (name(2), [5000.0, 5000.0]), (name(3), [900.0, 40.0])];
        let mut on_screen = queue();
        let view = Some([4000.0, 4000.0, 6000.0, 6000.0]);
        let order: Vec<_> = std::iter::from_fn(|| next_picture(&mut on_screen, view)).collect();
        assert_eq!(order, [name(2), name(3), name(1)]);
        let mut no_screen = queue();
        let order: Vec<_> = std::iter::from_fn(|| next_picture(&mut no_screen, None)).collect();
        assert_eq!(order, [name(1), name(2), name(3)]);
    }
}
