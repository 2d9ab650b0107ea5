//! The open board and its file: saving in the background (and the save that waits, on
//! quitting), and what other programs write to the file — a synced folder, git, a
//! conflict copy, a phone's idea — merged in as it comes and told to the user.

use std::time::Instant;

use super::MoodboardApp;
use crate::document::SaveStatus;
use crate::storage::watch::WatchEvent;
use crate::tr;
use crate::ui;

impl MoodboardApp {
    /// Starts saving the board now (in the background).
    pub(super) fn start_save(&mut self) {
        let generation = self.open.doc.begin_save();
        let doc = &self.open.doc;
        self.saver.save(
            self.open.key.as_u64(),
            doc.path.clone(),
            doc.board().clone(),
            generation,
            doc.disk_hash.clone(),
        );
    }

    /// Saves now if there are changes, waiting for it (tests, quitting).
    pub fn flush(&mut self) {
        if self.open.doc.is_dirty() && !matches!(self.open.doc.status(), SaveStatus::Saving) {
            self.open.doc.retry_save();
            self.start_save();
        }
        let deadline = Instant::now() + std::time::Duration::from_secs(30);
        while matches!(self.open.doc.status(), SaveStatus::Saving) && Instant::now() < deadline {
            self.drain_saves();
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
    }

    pub(super) fn drain_saves(&mut self) {
        for saved in self.saver.finished() {
            if saved.owner != self.open.key.as_u64() {
                // A save of a board opened before: it went to its own file.
                if let Err(e) = saved.result {
                    self.toasts.error(tr!("app-previous-save-failed", reason = crate::i18n::said(&e)));
                }
                continue;
            }
            let (result, failed) = match saved.result {
                Ok(hash) => (Ok(hash), None),
                Err(e) => (Err(crate::i18n::said(&e)), Some(e)),
            };
            self.open.doc.finish_save(saved.generation, result);
            if let Some(e) = failed {
                self.toasts.error(tr!("app-not-saved", reason = crate::i18n::said(&e)));
                self.after_save = None;
            }
            if let Some(written) = saved.merged {
                // The file had changed since we last saw it; the save merged it in.
                match self.open.doc.merge_from_disk(&written, None) {
                    Ok((summary, refused)) => {
                        self.brought_in(&summary, &refused, &tr!("app-from-saved-elsewhere"), true)
                    }
                    Err(e) => self.toasts.error(tr!("app-file-not-merged", reason = crate::i18n::said(&e))),
                }
            }
        }
        if !self.open.doc.is_dirty()
            && !matches!(self.open.doc.status(), SaveStatus::Saving)
            && let Some(after) = self.after_save.take()
        {
            self.carry_out(after);
        }
    }
    /// Merges what the file watcher saw into the open board.
    pub(super) fn drain_watcher(&mut self) {
        for event in self.open.watcher.poll() {
            match event {
                WatchEvent::Changed { board, hash } => {
                    if self.open.doc.disk_hash.as_ref() == Some(&hash) {
                        continue; // our own save
                    }
                    let (summary, refused) = match self.open.doc.merge_from_disk(&board, Some(hash)) {
                        Ok(merged) => merged,
                        Err(e) => {
                            self.toasts.error(tr!("app-file-not-merged", reason = crate::i18n::said(&e)));
                            continue;
                        }
                    };
                    self.view.forget_missing(self.open.doc.board());
                    if self.open.inviting.is_some() {
                        // Ideas from phones arrive all the time: marked, not announced.
                        self.view.canvas.highlight.extend(summary.added.iter().cloned());
                        self.view.canvas.highlight_label = tr!("app-from-phone");
                    } else {
                        self.brought_in(&summary, &refused, &tr!("app-from-board-file"), true);
                    }
                }
                WatchEvent::Synced(outcomes) => {
                    for o in outcomes {
                        let name = o.copy.file_name().unwrap_or_default().to_string_lossy().into_owned();
                        match o.result {
                            Ok((summary, to)) => self.toasts.info(tr!(
                                "app-conflict-merged",
                                name = name,
                                summary = ui::words::merge_summary(&summary),
                                to = to
                            )),
                            Err(_) if o.not_a_copy => {}
                            Err(e) => self.toasts.warning(tr!(
                                "app-conflict-failed",
                                name = name,
                                reason = crate::i18n::said(&e)
                            )),
                        }
                    }
                }
                WatchEvent::Unreadable(e) => {
                    self.toasts.warning(tr!("app-file-unreadable", reason = crate::i18n::said(&e)))
                }
            }
        }
    }

    /// Tells what a merge brought in (and what it did not take) and highlights the new
    /// items. `own_file`: the changes came through the board's own file (a colleague's
    /// save, a sync), so each card is marked with who brought it rather than with `from`.
    pub(super) fn brought_in(
        &mut self,
        summary: &crate::model::MergeSummary,
        refused: &[crate::model::Refusal],
        from: &str,
        own_file: bool,
    ) {
        if !refused.is_empty() {
            let list: Vec<String> = refused.iter().take(3).map(|r| crate::i18n::said(r)).collect();
            let mut list = list.join("; ");
            if refused.len() > 3 {
                list = format!("{list} {}", tr!("goals-more", count = refused.len() - 3));
            }
            self.toasts.warning(tr!("app-not-taken", count = refused.len(), from = from, list = list));
        }
        if summary.is_empty() {
            return;
        }
        self.view.canvas.highlight.extend(summary.added.iter().cloned());
        // Changes a colleague saved to the board's own file are marked with who brought
        // each card; a board or pack merged in, with its name.
        self.view.canvas.highlight_label = if own_file { String::new() } else { tr!("app-new-from", from = from) };
        let show = if summary.added.is_empty() { summary.changed.clone() } else { summary.added.clone() };
        self.toasts.report_showing(
            ui::toasts::Level::Info,
            tr!("app-merged", from = from, summary = ui::words::merge_summary(summary)),
            Vec::new(),
            show,
        );
    }
}
