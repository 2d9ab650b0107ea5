//! Inviting people to a live session from the app: the join server runs on the local
//! network for the open board while the facilitator invites, and stops when they stop
//! inviting, open another board or quit (it belongs to the open board).

use super::MoodboardApp;
use crate::tr;
use crate::ui::invite::InviteStatus;

/// The join server of the open board, and its invitation.
pub struct Inviting {
    pub host: crate::host::Host,
    pub url: String,
    qr: Option<(usize, Vec<bool>)>,
}

impl MoodboardApp {
    pub(super) fn start_inviting(&mut self) {
        if self.open.inviting.is_some() {
            self.view.windows.invitation = true;
            return;
        }
        if self.open.doc.read_only {
            self.toasts.error(tr!("invite-read-only"));
            return;
        }
        // The server starts from the file: what is not saved yet goes there first.
        if self.open.doc.is_dirty() {
            self.flush();
        }
        let bind = std::net::SocketAddr::from(([0, 0, 0, 0], 0));
        match crate::host::Host::start(&self.open.doc.path, bind, Some(self.waker())) {
            Ok(host) => {
                let url = host.join_url(&crate::host::local_address());
                let qr = crate::host::qr_modules(&url);
                self.open.inviting = Some(Inviting { host, url, qr });
                self.view.windows.invitation = true;
            }
            Err(e) => self.toasts.error(tr!("invite-start-failed", reason = crate::i18n::said(&e))),
        }
    }

    /// Stops the join server without waiting for it: it closes what phones hold open and
    /// writes what they sent in the background; [`Self::take_stopped`] reports the end.
    pub(super) fn stop_inviting(&mut self) {
        if let Some(inviting) = self.open.inviting.take() {
            self.view.windows.invitation = false;
            self.stopping.push(inviting.host.stop_in_background());
        }
    }

    /// Says how each join server that has finished stopping ended.
    pub(super) fn take_stopped(&mut self) {
        let mut still = Vec::new();
        for stopping in std::mem::take(&mut self.stopping) {
            match stopping.poll() {
                None => still.push(stopping),
                Some(Ok(())) => self.toasts.info(tr!("invite-stopped")),
                Some(Err(e)) => self.toasts.error(tr!("invite-stopped-failed", reason = crate::i18n::said(&e))),
            }
        }
        self.stopping = still;
    }

    /// Whether a join server is still finishing after Stop inviting (tests look).
    pub fn join_server_stopping(&self) -> bool {
        !self.stopping.is_empty()
    }

    /// What the invitation window shows, while inviting.
    pub(super) fn invite_status(&self) -> Option<InviteStatus> {
        let inviting = self.open.inviting.as_ref()?;
        let (joined, contributed) = inviting.host.people();
        Some(InviteStatus { url: inviting.url.clone(), qr: inviting.qr.clone(), joined, contributed })
    }
}
