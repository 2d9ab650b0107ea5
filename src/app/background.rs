//! Work that runs in the background and reports back, in one list: `logic()` polls every
//! source once a frame, in this order, and `is_busy()` asks every source whether it is
//! still at work (tests wait for that). A new kind of background work is a new
//! [`Source`]; the compiler then asks for both its poll and its busy.

use strum::IntoEnumIterator as _;

use super::MoodboardApp;
use crate::document::SaveStatus;
use crate::tr;

/// Every kind of background work the app waits on, in the order it is polled.
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::EnumIter)]
pub enum Source {
    /// Saves of the board, and merges of what changed on disk meanwhile.
    Saves,
    /// Writes of the preferences (only failures come back).
    Preferences,
    /// The board file changed by others, and conflict copies beside it.
    BoardFile,
    /// Opening, saving copies, merges, packs, exports and imports.
    Jobs,
    /// Pictures decoding for the cards.
    Pictures,
    /// Files dropped, pasted or chosen, becoming cards.
    Imports,
    /// Addresses downloading into cards.
    Downloads,
    /// The system's file dialogs, answering.
    FileDialogs,
    /// Join servers finishing after Stop inviting.
    JoinServers,
    /// The live board's peer: who came and went, what it brought.
    Live,
}

impl MoodboardApp {
    /// Takes in what every source has finished.
    pub(super) fn poll_background(&mut self) {
        for source in Source::iter() {
            self.poll(source);
        }
    }

    /// Whether any background work is still under way (tests wait for this).
    pub fn is_busy(&self) -> bool {
        Source::iter().any(|source| self.busy(source))
    }

    fn poll(&mut self, source: Source) {
        match source {
            Source::Saves => self.drain_saves(),
            Source::Preferences => {
                for failure in self.prefs_saver.failures() {
                    self.toasts.warning(failure);
                }
            }
            Source::BoardFile => self.drain_watcher(),
            Source::Jobs => self.drain_jobs(),
            Source::Pictures => {
                self.open.images.poll();
            }
            Source::Imports => self.take_imports(),
            Source::Downloads => self.take_downloads(),
            Source::JoinServers => self.take_stopped(),
            Source::Live => self.poll_live(),
            Source::FileDialogs => {
                for (key, picked) in self.files.poll() {
                    if key == self.open.key {
                        self.picked(picked);
                    } else {
                        self.toasts.info(tr!("app-dialog-other-board"));
                    }
                }
            }
        }
    }

    fn busy(&self, source: Source) -> bool {
        match source {
            Source::Saves => matches!(self.open.doc.status(), SaveStatus::Saving),
            Source::Jobs => self.jobs.running() > 0,
            Source::Pictures => self.open.images.pending() > 0,
            Source::Imports => self.open.importer.progress().is_some(),
            Source::Downloads => self.open.web.loading(),
            Source::JoinServers => !self.stopping.is_empty(),
            // Failures come back when they come; nothing waits on them.
            Source::Preferences => false,
            // Changes by others come when they come; a dialog waits on the user.
            Source::BoardFile | Source::FileDialogs | Source::Live => false,
        }
    }
}
