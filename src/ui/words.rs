//! The model's names in the interface's language: kinds of idea, session steps,
//! reactions, and the unsorted pseudo-theme. The model keeps English names for files,
//! exports and the CLI; the window says them through these.

use crate::model::kinds::Hint;
use crate::model::{Board, KindTag, Phase, Reaction, ThemeId};
use crate::tr;

/// "Note", "Notitie": for headings and labels.
pub fn kind_title(kind: KindTag) -> String {
    tr!(&kind.spec().title_id())
}

/// "note", "notitie": inside a sentence.
pub fn kind_name(kind: KindTag) -> String {
    tr!(&kind.spec().name_id())
}

/// The undo step (and the form's button) for adding a `kind`: "Add note".
pub fn add_step(kind: KindTag) -> String {
    tr!(&kind.spec().add_id())
}

/// The add form's heading and the toolbar's tooltip: "New note".
pub fn new_kind(kind: KindTag) -> String {
    tr!(&kind.spec().new_id())
}

/// A field's hint (grey text while it is empty).
pub fn hint(hint: Hint) -> String {
    match hint {
        Hint::None => String::new(),
        Hint::Said(id) => tr!(id),
        Hint::Example(example) => example.to_owned(),
    }
}

pub fn phase_name(phase: Phase) -> String {
    tr!(match phase {
        Phase::Off => "phase-off",
        Phase::Collect => "phase-collect",
        Phase::Cluster => "phase-cluster",
        Phase::Vote => "phase-vote",
        Phase::React => "phase-react",
    })
}

/// What the step asks of people, shown in the session bar.
pub fn phase_hint(phase: Phase) -> String {
    match phase {
        Phase::Off => String::new(),
        Phase::Collect => tr!("phase-collect-hint"),
        Phase::Cluster => tr!("phase-cluster-hint"),
        Phase::Vote => tr!("phase-vote-hint"),
        Phase::React => tr!("phase-react-hint"),
    }
}

pub fn reaction_name(reaction: Reaction) -> String {
    tr!(reaction.message_id())
}

/// A theme's name, or "Unsorted" for none (and for one that is gone).
pub fn theme_name(board: &Board, theme: Option<&ThemeId>) -> String {
    match theme.and_then(|id| board.theme(id)) {
        Some(theme) => theme.name.clone(),
        None => tr!("theme-unsorted"),
    }
}

/// "1 item", "3 items".
pub fn things(n: usize) -> String {
    tr!("status-items", count = n)
}

/// "3 new, 1 changed, 2 removed", or "nothing new": what a merge brings.
pub fn merge_summary(summary: &crate::model::MergeSummary) -> String {
    crate::i18n::said(summary)
}

/// "Web page (HTML)", "Webpagina (HTML)".
pub fn export_format(format: crate::export::ExportFormat) -> String {
    tr!(format.title_id())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, set_language};

    /// The names looked up by a computed id exist in both languages (the source scan
    /// sees only literal ids).
    #[test]
    fn every_name_exists_in_both_languages() {
        std::thread::spawn(|| {
            for lang in Lang::ALL {
                set_language(lang);
                let mut said: Vec<String> = Vec::new();
                for &kind in KindTag::ALL {
                    said.extend([kind_title(kind), kind_name(kind), add_step(kind), new_kind(kind)]);
                    for field in kind.spec().fields {
                        said.extend([tr!(field.label), hint(field.hint), hint(field.form_hint)]);
                        said.extend(
                            [field.missing, field.step].into_iter().filter(|id| !id.is_empty()).map(|id| tr!(id)),
                        );
                    }
                }
                for phase in [Phase::Off, Phase::Collect, Phase::Cluster, Phase::Vote, Phase::React] {
                    said.extend([phase_name(phase), phase_hint(phase)]);
                }
                said.extend(Reaction::ALL.map(reaction_name));
                said.extend(crate::export::ExportFormat::ALL.map(export_format));
                let full = crate::model::MergeSummary {
                    added: vec![crate::model::ItemId::new_random()],
                    themes_added: 2,
                    themes_changed: 1,
                    themes_removed: 1,
                    dots_added: 3,
                    responses_added: 1,
                    meta_changed: true,
                    ..Default::default()
                };
                said.push(merge_summary(&full));
                said.push(merge_summary(&Default::default()));
                use crate::model::rules::RuleError;
                said.push(crate::i18n::said(&RuleError::NoDotsLeft(3)));
                said.push(crate::i18n::said(&RuleError::NotVoting));
                for text in &said {
                    assert!(
                        !text.contains("kind-") && !text.contains("phase-") && !text.contains("merge-"),
                        "{lang:?}: {text}"
                    );
                    assert!(!text.contains("reaction-") && !text.contains("export-") && !text.contains("rule-"));
                    assert!(!text.contains("capture-"), "{lang:?}: {text}");
                }
                if lang == Lang::Nl {
                    assert_eq!(phase_name(Phase::Vote), "Stemmen");
                    assert!(merge_summary(&full).contains("2 nieuwe thema's"), "{}", merge_summary(&full));
                }
            }
        })
        .join()
        .unwrap();
    }
}
