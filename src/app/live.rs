//! The open board live with teammates' copies, from the app (`crate::live`, contract
//! `docs/LIVE.md`): Share → *Share live…* starts a peer for the open board; File →
//! *Join live…* makes a copy from a ticket in the boards folder and opens it with its
//! peer running. The peer belongs to the open board: it stops when sharing stops, when
//! another board opens and when the app quits. It works on the board file; the app sees
//! what peers bring through its watcher, and peers see the app's saves the same way.

use std::collections::BTreeMap;

use super::MoodboardApp;
use super::share::{JobDone, JobError};
use crate::document::Document;
use crate::live::peer::Options;
use crate::live::{Event, Network, Peer, Role, Ticket};
use crate::tr;
use crate::ui::live::{LiveStatus, TicketShown};

/// Lines of what happened kept for the window.
const LOG_LINES: usize = 50;

/// The open board's peer, and what the window shows of it.
pub struct Live {
    peer: Option<Peer>,
    events: Option<std::sync::mpsc::Receiver<Event>>,
    log: Vec<String>,
    /// Who is connected now, by name.
    here: BTreeMap<String, usize>,
    tickets: Vec<TicketShown>,
    /// The document's generation last handed to the peer.
    published: Option<u64>,
    /// The relay in use, for people; `None` when LAN only.
    relay: Option<String>,
}

impl Live {
    fn new(mut peer: Peer, waker: crate::storage::Waker) -> Self {
        peer.wake_with(waker);
        let events = peer.take_events();
        let tickets = [Role::Editor, Role::Guest]
            .into_iter()
            .filter_map(|role| {
                let text = peer.ticket(role)?.to_text();
                let qr = crate::host::qr_modules(&text);
                Some(TicketShown { role, text, qr })
            })
            .collect();
        let relay = peer.uses_relay().then(|| peer.relay());
        Self { peer: Some(peer), events, log: Vec::new(), here: BTreeMap::new(), tickets, published: None, relay }
    }

    /// Closes the peer's connections on a thread of its own (it waits for the goodbyes).
    fn stop_in_background(mut self) {
        if let Some(peer) = self.peer.take() {
            stop_in_background(peer);
        }
    }
}

/// Closes `peer`'s connections on a thread of its own, so that no frame waits for the
/// goodbyes.
pub(super) fn stop_in_background(peer: Peer) {
    let _ = std::thread::Builder::new().name("moodboard-live-stop".to_owned()).spawn(move || peer.stop());
}

impl MoodboardApp {
    /// How peers connect, as the preferences say: LAN only, the user's own relay, or
    /// n0's public relays.
    fn live_options(&mut self) -> Option<Options> {
        let network = if self.prefs.live_lan_only {
            Network::LanOnly
        } else if let Some(url) = &self.prefs.live_relay {
            match url.parse() {
                Ok(url) => Network::Relay(url),
                Err(e) => {
                    self.toasts.error(tr!("live-bad-relay", url = url.as_str(), reason = e.to_string()));
                    return None;
                }
            }
        } else {
            Network::Internet
        };
        let keys = match self.live_dir.clone().map_or_else(crate::live::keys::default_dir, Ok) {
            Ok(dir) => dir,
            Err(e) => {
                self.toasts.error(tr!("live-start-failed-because", reason = e.to_string()));
                return None;
            }
        };
        Some(Options { network, bind: None, name: self.prefs.contributor(), keys })
    }

    /// Share → Share live…: starts the open board's peer (or shows it when it runs).
    pub(super) fn share_live(&mut self, new_ticket: bool) {
        if self.open.live.is_some() && !new_ticket {
            self.view.windows.live = true;
            return;
        }
        if self.prefs.offline {
            self.toasts.warning(tr!("live-offline"));
            return;
        }
        if self.open.doc.read_only {
            self.toasts.error(tr!("live-read-only"));
            return;
        }
        // The peer works from the file: what is not saved yet goes there first.
        if self.open.doc.is_dirty() {
            self.flush();
        }
        if let Some(live) = self.open.live.take() {
            live.stop_in_background();
        }
        let Some(options) = self.live_options() else { return };
        let path = self.open.doc.path.clone();
        self.view.windows.live = true;
        self.live_starting = true;
        self.jobs.spawn(&self.ctx, self.open.key, tr!("job-live-starting"), move |_| {
            match Peer::share(&path, options, new_ticket) {
                Ok(peer) => JobDone::LiveStarted(Box::new(peer)),
                Err(e) => JobDone::Failed(JobError::new(
                    tr!("live-start-failed"),
                    crate::i18n::Message::new("plain").with("text", e.to_string()),
                )),
            }
        });
    }

    /// Stop sharing: every connection closes; the file stays as it is.
    pub(super) fn stop_live(&mut self) {
        self.view.windows.live = false;
        if let Some(live) = self.open.live.take() {
            live.stop_in_background();
            self.toasts.info(tr!("live-stopped"));
        }
    }

    /// The old board's peer stops when another board opens.
    pub(super) fn leave_live(&mut self) {
        if let Some(live) = self.open.live.take() {
            live.stop_in_background();
        }
        self.live_starting = false;
    }

    /// File → Join live…: checks the ticket, then makes the copy in the background.
    pub(super) fn join_live(&mut self, text: &str) {
        let ticket = match Ticket::parse(text) {
            Ok(t) => t,
            Err(e) => {
                if let Some(form) = &mut self.view.windows.join_live {
                    form.error = Some(e.to_string());
                }
                return;
            }
        };
        if self.prefs.offline {
            self.toasts.warning(tr!("live-offline"));
            return;
        }
        if let Some(form) = &mut self.view.windows.join_live {
            form.joining = true;
            form.error = None;
        }
        let Some(options) = self.live_options() else {
            if let Some(form) = &mut self.view.windows.join_live {
                form.joining = false;
            }
            return;
        };
        let dir = self.boards_dir.clone();
        let label = tr!("job-live-joining", board = ticket.title.as_str());
        self.jobs.spawn(&self.ctx, self.open.key, label, move |_| {
            let failed = |e: String| {
                JobDone::Failed(JobError::new(
                    tr!("live-join-failed"),
                    crate::i18n::Message::new("plain").with("text", e),
                ))
            };
            let peer = match Peer::join(&ticket, &dir, options) {
                Ok(peer) => peer,
                Err(e) => return failed(e.to_string()),
            };
            match Document::open(peer.path()) {
                Ok(doc) => JobDone::LiveJoined { doc: Box::new(doc), peer: Box::new(peer) },
                Err(e) => failed(e.to_string()),
            }
        });
    }

    /// A peer started for the board that is open.
    pub(super) fn live_started(&mut self, peer: Peer) {
        self.live_starting = false;
        self.open.live = Some(Live::new(peer, self.waker()));
        self.view.windows.live = true;
    }

    /// A copy was made from a ticket: open it, with its peer.
    pub(super) fn live_joined(&mut self, doc: Document, peer: Peer) {
        self.view.windows.join_live = None;
        self.opened(doc);
        self.open.live = Some(Live::new(peer, self.waker()));
        self.toasts.info(tr!("live-joined", board = self.open.doc.board().title.as_str()));
    }

    /// A start or join that failed: the form says so and can be tried again.
    pub(super) fn live_failed(&mut self) {
        self.live_starting = false;
        if let Some(form) = &mut self.view.windows.join_live {
            form.joining = false;
        }
    }

    /// Hands the peer every change made here, and takes in what the peer reports.
    pub(super) fn poll_live(&mut self) {
        let Some(live) = &mut self.open.live else { return };
        let generation = self.open.doc.generation();
        if live.published != Some(generation)
            && let Some(peer) = &live.peer
        {
            peer.publish(self.open.doc.board());
            live.published = Some(generation);
        }
        let Some(events) = &live.events else { return };
        let mut revoked = None;
        let mut arrived = Vec::new();
        for event in events.try_iter() {
            match &event {
                Event::Joined { name, .. } => *live.here.entry(name.clone()).or_default() += 1,
                Event::Left { name, .. } | Event::Refused { from: name, .. } => {
                    if let Some(count) = live.here.get_mut(name) {
                        *count -= 1;
                        if *count == 0 {
                            live.here.remove(name);
                        }
                    }
                }
                Event::Revoked { why } => revoked = Some(why.clone()),
                Event::Received { from, board, .. } => arrived.push((from.clone(), board.clone())),
                _ => {}
            }
            if let Event::Refused { from, why } = &event {
                self.toasts.warning(tr!("live-refused", name = from.as_str(), reason = why.as_str()));
            }
            live.log.push(event.to_string());
        }
        if live.log.len() > LOG_LINES {
            live.log.drain(..live.log.len() - LOG_LINES);
        }
        // What peers brought is on the canvas now, marked with who brought it; the file
        // watcher, seeing the same board later, finds nothing left to merge.
        for (from, board) in arrived {
            match self.open.doc.merge_from_disk(&board, None) {
                Ok((summary, refused)) => {
                    self.view.forget_missing(self.open.doc.board());
                    self.brought_in(&summary, &refused, &tr!("live-from", name = from.as_str()), true);
                }
                Err(e) => self.toasts.error(tr!("app-file-not-merged", reason = crate::i18n::said(&e))),
            }
        }
        if let Some(why) = revoked {
            self.toasts.error(tr!("live-revoked", reason = why.as_str()));
            self.leave_live();
        }
    }

    /// What the Share live window and the status bar show.
    pub(super) fn live_status(&self) -> Option<LiveStatus> {
        if self.live_starting && self.open.live.is_none() {
            return Some(LiveStatus::starting());
        }
        let live = self.open.live.as_ref()?;
        Some(LiveStatus {
            lan_only: self.prefs.live_lan_only,
            starting: false,
            here: live.here.keys().cloned().collect(),
            tickets: live.tickets.clone(),
            relay: live.relay.clone(),
            log: live.log.clone(),
        })
    }
}
