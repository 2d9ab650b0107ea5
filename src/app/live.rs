//! The open board live with teammates' copies, from the app (`crate::live`, contract
//! `docs/LIVE.md`): Share → *Share live…* starts a peer for the open board; File →
//! *Join live…* makes a copy from a ticket in the boards folder and opens it with its
//! peer running. The peer belongs to the open board: it stops when sharing stops, when
//! another board opens and when the app quits. It works on the board file; the app sees
//! what peers bring through its watcher, and peers see the app's saves the same way.

use std::collections::{BTreeMap, HashMap};

use egui::emath::TSTransform;

use super::MoodboardApp;
use super::share::{JobDone, JobError};
use crate::document::Document;
use crate::live::peer::Options;
use crate::live::presence::{MAX_SELECTION, Person, Presence};
use crate::live::{Event, Network, Peer, Role, Ticket};
use crate::tr;
use crate::ui::live::{LiveStatus, PersonShown, TicketShown};

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
    /// The peer this copy joined could not be reached last time it was tried.
    offline: bool,
    /// Everyone else on the board now, with where they are (taken from the peer each
    /// frame).
    people: Vec<Person>,
    /// The presence id of the person followed: the canvas shows what they see.
    following: Option<String>,
    /// The camera as following set it this frame, and the canvas it was set for: a
    /// camera changed otherwise means the user moved the board, which ends following.
    follow_set: Option<(TSTransform, egui::Rect)>,
    /// How many times we brought everyone to us (each time, the others start following).
    summons: u32,
    /// How many times each person did, as last seen.
    seen_summons: HashMap<String, u32>,
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
        let relay = peer.uses_relay().then(|| crate::i18n::say(&peer.relay()));
        Self {
            peer: Some(peer),
            events,
            log: Vec::new(),
            here: BTreeMap::new(),
            tickets,
            published: None,
            relay,
            offline: false,
            people: Vec::new(),
            following: None,
            follow_set: None,
            summons: 0,
            seen_summons: HashMap::new(),
        }
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
    pub(super) fn live_joined(&mut self, mut doc: Document, peer: Peer) {
        self.view.windows.join_live = None;
        // The pictures are on their way (they fill in as they arrive): a picture not here
        // yet is not a problem of the board.
        doc.problems.retain(|p| p.field != "asset" && p.field != "assets");
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
        if let Some(peer) = &live.peer {
            live.people = peer.people();
        }
        // Someone brought everyone to them: follow them (until the board is moved).
        let mut brought = None;
        for person in &live.people {
            let before = live.seen_summons.insert(person.who.clone(), person.presence.summons);
            if before.is_some_and(|b| person.presence.summons > b) {
                brought = Some(person.clone());
            }
        }
        if let Some(person) = brought {
            live.following = Some(person.who.clone());
            self.toasts.info(tr!("live-brought", name = person.name.as_str()));
        }
        if let Some(who) = &live.following
            && !live.people.iter().any(|p| &p.who == who)
        {
            live.following = None;
            self.toasts.info(tr!("live-follow-ended"));
        }
        let Some(events) = &live.events else { return };
        let mut revoked = None;
        let mut arrived = Vec::new();
        for event in events.try_iter() {
            match &event {
                Event::Joined { name, .. } => {
                    live.offline = false;
                    *live.here.entry(name.clone()).or_default() += 1;
                }
                Event::Offline { .. } => live.offline = true,
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
                // A picture shown as missing until now is decoded again.
                Event::Picture { asset, .. } => {
                    if let Ok(asset) = crate::model::AssetName::parse(asset) {
                        self.open.images.forget(&asset);
                    }
                }
                _ => {}
            }
            if let Event::Refused { from, why } = &event {
                self.toasts.warning(tr!("live-refused", name = from.as_str(), reason = why.as_str()));
            }
            live.log.push(crate::i18n::said(&event));
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

    /// Everyone else on the live board now, and the one followed.
    pub(super) fn people_and_following(&self) -> (&[Person], Option<&str>) {
        match &self.open.live {
            Some(live) => (&live.people, live.following.as_deref()),
            None => (&[], None),
        }
    }

    /// Everyone else on the live board now, with where they are (for tests and tools).
    pub fn people_here(&self) -> Vec<Person> {
        self.people_and_following().0.to_vec()
    }

    /// Follow → the canvas shows what that person sees, as they move.
    pub(super) fn follow(&mut self, who: String) {
        let Some(live) = &mut self.open.live else { return };
        if live.people.iter().any(|p| p.who == who) {
            live.following = Some(who);
            self.view.windows.live = false;
        }
    }

    pub(super) fn is_following(&self) -> bool {
        self.open.live.as_ref().is_some_and(|l| l.following.is_some())
    }

    pub(super) fn stop_following(&mut self) {
        if let Some(live) = &mut self.open.live {
            live.following = None;
        }
    }

    /// Bring everyone to me: each person on the board starts following us.
    pub(super) fn bring_everyone(&mut self) {
        let Some(live) = &mut self.open.live else { return };
        if live.people.is_empty() {
            self.toasts.info(tr!("live-nobody"));
            return;
        }
        live.summons += 1;
        live.following = None;
        self.view.windows.live = false;
        self.toasts.info(tr!("live-brought-everyone", count = live.people.len()));
    }

    /// Before the canvas is drawn: while following, the camera shows what they see.
    pub(super) fn follow_before_canvas(&mut self) {
        let Some(live) = &mut self.open.live else { return };
        live.follow_set = None;
        let Some(who) = &live.following else { return };
        let Some([x0, y0, x1, y1]) = live.people.iter().find(|p| &p.who == who).and_then(|p| p.presence.view) else {
            return;
        };
        let camera = &mut self.view.camera;
        camera.show_as_they_see(egui::Rect::from_min_max(egui::pos2(x0, y0), egui::pos2(x1, y1)));
        live.follow_set = Some((camera.screen_from_board, camera.canvas_rect));
    }

    /// After the canvas is drawn: a board moved by the user (scroll, zoom, drag) ends
    /// following.
    pub(super) fn follow_after_canvas(&mut self) {
        let Some(live) = &mut self.open.live else { return };
        let camera = &self.view.camera;
        if let Some((set, canvas)) = live.follow_set
            && camera.canvas_rect == canvas
            && camera.screen_from_board != set
        {
            live.following = None;
        }
    }

    /// Tells the others where we are: the pointer over the canvas, the selection and
    /// what the canvas shows, in board coordinates.
    pub(super) fn publish_presence(&self, ctx: &egui::Context) {
        let Some(live) = &self.open.live else { return };
        let Some(peer) = &live.peer else { return };
        let camera = &self.view.camera;
        let pointer = ctx
            .input(|i| i.pointer.hover_pos())
            // Over the canvas, not over a window or menu on top of it.
            .filter(|p| {
                camera.canvas_rect.contains(*p)
                    && ctx.layer_id_at(*p).is_none_or(|layer| layer.order == egui::Order::Background)
            })
            .map(|p| camera.board_from_screen() * p)
            .map(|p| [p.x, p.y]);
        let shown = camera.visible_board_rect();
        let selection =
            self.view.canvas.selection.iter().take(MAX_SELECTION).map(|id| id.as_str().to_owned()).collect();
        peer.set_presence(Presence {
            pointer,
            selection,
            view: Some([shown.min.x, shown.min.y, shown.max.x, shown.max.y]),
            summons: live.summons,
        });
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
            // Those connected to this copy, and those heard of through them.
            here: live
                .here
                .keys()
                .chain(live.people.iter().map(|p| &p.name))
                .cloned()
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect(),
            tickets: live.tickets.clone(),
            relay: live.relay.clone(),
            log: live.log.clone(),
            offline: live.offline,
            people: live
                .people
                .iter()
                .map(|p| PersonShown {
                    who: p.who.clone(),
                    name: p.name.clone(),
                    colour: p.colour,
                    followed: live.following.as_ref() == Some(&p.who),
                })
                .collect(),
        })
    }
}
