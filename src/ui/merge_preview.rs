//! The question before a merge: what the other board would add, change and remove, and
//! what is not taken from it, with Merge and Cancel. Nothing is merged until the user
//! says so.

use crate::tr;
use egui::{Modal, RichText, ScrollArea};

use crate::model::{Board, MergeSummary, Refusal};

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
    /// `+`, `~` and `-` lines from [`MergeSummary::lines`].
    pub lines: Vec<String>,
    pub refused: Vec<Refusal>,
}

impl MergePreview {
    /// The preview of merging `theirs` (called `name`) into `ours`.
    pub fn new(ours: &Board, theirs: &Board, name: &str) -> Self {
        let merged = crate::model::merge_now(ours, theirs);
        let summary = crate::model::summarise(ours, &merged.board);
        let lines = summary.lines(ours, &merged.board, name);
        Self { name: name.to_owned(), other_board: ours.id != theirs.id, summary, lines, refused: merged.refused }
    }
}

/// What the user answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MergeAnswer {
    Merge,
    Cancel,
}

/// Shows the preview; `None` while the user has not answered. Enter merges, Esc cancels.
pub fn merge_preview_ui(ctx: &egui::Context, preview: &MergePreview) -> Option<MergeAnswer> {
    let mut answer = None;
    let nothing = preview.summary.is_empty();
    let modal = Modal::new(egui::Id::unique("merge-preview")).show(ctx, |ui| {
        ui.set_width(560.0);
        ui.heading(tr!("merge-title", board = preview.name.as_str()));
        if preview.other_board {
            ui.label(tr!("merge-other-board"));
        }
        ui.add_space(4.0);
        ui.label(
            RichText::new(if nothing { tr!("merge-nothing") } else { super::words::merge_summary(&preview.summary) })
                .strong(),
        );
        ScrollArea::vertical().max_height(ui.ctx().content_rect().height() * 0.5).show(ui, |ui| {
            section(ui, &tr!("merge-comes-in"), preview.lines.iter().filter(|l| l.starts_with('+')));
            section(ui, &tr!("merge-changes"), preview.lines.iter().filter(|l| l.starts_with('~')));
            section(ui, &tr!("merge-goes"), preview.lines.iter().filter(|l| l.starts_with('-')));
            if !preview.refused.is_empty() {
                ui.add_space(6.0);
                ui.label(RichText::new(tr!("merge-not-taken", count = preview.refused.len())).strong());
                for r in preview.refused.iter().take(SHOWN) {
                    ui.label(RichText::new(r.to_string()).color(super::style::warn_text(ui.visuals())));
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
            let merge = ui.add(egui::Button::new(tr!("merge-merge")).min_size(egui::vec2(90.0, 0.0)));
            if merge.clicked() || ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                answer = Some(MergeAnswer::Merge);
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

fn section<'a>(ui: &mut egui::Ui, title: &str, lines: impl Iterator<Item = &'a String>) {
    let lines: Vec<&String> = lines.collect();
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
