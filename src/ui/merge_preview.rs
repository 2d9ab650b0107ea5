//! The question before a merge: what the other board would add, change and remove, and
//! what is not taken from it, with Merge and Cancel. Nothing is merged until the user
//! says so. A copy of this board that would also change or remove what is here (a file
//! someone sent back) asks how far it is trusted: everything, or only its new ideas.

use crate::tr;
use egui::{Modal, RichText, ScrollArea};

use crate::model::{Board, Change, MergeSummary, Refusal, Trust};

/// Lines shown per section before "… and N more".
const SHOWN: usize = 12;

/// A merge worked out against the open board, waiting for the user's answer.
#[derive(Debug)]
pub struct MergePreview {
    /// The other board's name, for people.
    pub name: String,
    /// It has another board id: it may only add.
    pub other_board: bool,
    pub summary: MergeSummary,
    /// What comes in, changes and goes, from [`MergeSummary::lines`], in the interface's
    /// language.
    pub lines: Vec<(Change, String)>,
    pub refused: Vec<Refusal>,
    /// A copy of this board that changes or removes what is here besides bringing new
    /// ideas: the user chooses whether to take all of it or only the new ideas.
    pub asks_trust: bool,
}

impl MergePreview {
    /// The preview of merging `theirs` (called `name`) into `ours`, all of it taken.
    pub fn new(ours: &Board, theirs: &Board, name: &str) -> Self {
        let merged = crate::model::merge_now(ours, theirs, Trust::Colleague);
        let summary = crate::model::summarise(ours, &merged.board);
        let lines =
            summary.lines(ours, &merged.board, name).into_iter().map(|(c, m)| (c, crate::i18n::say(&m))).collect();
        let other_board = ours.id() != theirs.id();
        let asks_trust =
            !other_board && crate::model::merge_now(ours, theirs, Trust::NewIdeasOnly).board != merged.board;
        Self { name: name.to_owned(), other_board, summary, lines, refused: merged.refused, asks_trust }
    }
}

/// What the user answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MergeAnswer {
    /// Everything it brings, its deletions and changes too.
    Everything,
    /// Only its new ideas (the answer to a copy that asks, see [`MergePreview::asks_trust`]).
    NewIdeasOnly,
    Cancel,
}

/// Shows the preview; `None` while the user has not answered. Enter merges (only the new
/// ideas, when the copy asks), Esc cancels.
pub fn merge_preview_ui(ctx: &egui::Context, preview: &MergePreview) -> Option<MergeAnswer> {
    let mut answer = None;
    let nothing = preview.summary.is_empty();
    let modal = Modal::new(egui::Id::unique("merge-preview")).show(ctx, |ui| {
        ui.set_width(560.0);
        ui.heading(tr!("merge-title", board = preview.name.as_str()));
        if preview.other_board {
            ui.label(tr!("merge-other-board"));
        }
        if preview.asks_trust {
            ui.label(RichText::new(tr!("merge-copy-asks")).color(super::style::warn_text(ui.visuals())));
        }
        ui.add_space(4.0);
        ui.label(
            RichText::new(if nothing { tr!("merge-nothing") } else { super::words::merge_summary(&preview.summary) })
                .strong(),
        );
        ScrollArea::vertical().max_height(ui.ctx().content_rect().height() * 0.5).show(ui, |ui| {
            for (change, title) in
                [(Change::In, "merge-comes-in"), (Change::Changed, "merge-changes"), (Change::Out, "merge-goes")]
            {
                let lines =
                    preview.lines.iter().filter(|(c, _)| *c == change).map(|(c, l)| format!("{} {l}", c.sign()));
                section(ui, &tr!(title), lines);
            }
            if !preview.refused.is_empty() {
                ui.add_space(6.0);
                ui.label(RichText::new(tr!("merge-not-taken", count = preview.refused.len())).strong());
                for r in preview.refused.iter().take(SHOWN) {
                    ui.label(RichText::new(crate::i18n::said(r)).color(super::style::warn_text(ui.visuals())));
                }
                more(ui, preview.refused.len());
            }
        });
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if nothing {
                if ui.button(tr!("button-close")).clicked() {
                    answer = Some(MergeAnswer::Cancel);
                }
                return;
            }
            let enter = ui.input(|i| i.key_pressed(egui::Key::Enter));
            if preview.asks_trust {
                // The careful choice first, and on Enter.
                let only = ui.add(egui::Button::new(tr!("merge-new-only")).min_size(egui::vec2(90.0, 0.0)));
                if only.clicked() || enter {
                    answer = Some(MergeAnswer::NewIdeasOnly);
                }
                if ui.button(tr!("merge-everything")).clicked() {
                    answer = Some(MergeAnswer::Everything);
                }
            } else {
                let merge = ui.add(egui::Button::new(tr!("merge-merge")).min_size(egui::vec2(90.0, 0.0)));
                if merge.clicked() || enter {
                    answer = Some(MergeAnswer::Everything);
                }
            }
            if ui.button(tr!("button-cancel")).clicked() {
                answer = Some(MergeAnswer::Cancel);
            }
            ui.label(RichText::new(tr!("merge-one-step")).weak());
        });
    });
    if modal.should_close() && answer.is_none() {
        answer = Some(MergeAnswer::Cancel);
    }
    answer
}

fn section(ui: &mut egui::Ui, title: &str, lines: impl Iterator<Item = String>) {
    let lines: Vec<String> = lines.collect();
    if lines.is_empty() {
        return;
    }
    ui.add_space(6.0);
    ui.label(RichText::new(format!("{title} ({})", lines.len())).strong());
    for line in lines.iter().take(SHOWN) {
        ui.label(line.as_str());
    }
    more(ui, lines.len());
}

fn more(ui: &mut egui::Ui, total: usize) {
    if total > SHOWN {
        ui.label(RichText::new(tr!("goals-more", count = total - SHOWN)).weak());
    }
}
