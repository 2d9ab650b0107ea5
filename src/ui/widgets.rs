//! Small widgets shared by the panels.

use crate::tr;
use std::hash::Hash;

use egui::{Response, TextEdit, Ui};

/// A labelled text field that edits a copy of `current` and returns the new text when
/// the user is done with it (Enter in a one-line field, or leaving the field), so that
/// one edit makes one undo step. While not being edited it always shows `current`.
pub fn committed_text(
    ui: &mut Ui,
    id_salt: impl Hash + std::fmt::Debug,
    label: impl AsRef<str>,
    current: &str,
    multiline: bool,
    hint: impl AsRef<str>,
) -> Option<String> {
    let (label, hint) = (label.as_ref(), hint.as_ref());
    let id = ui.make_persistent_id(id_salt);
    let label_response = ui.label(label);
    let mut buffer = ui.data(|d| d.get_temp::<String>(id)).unwrap_or_else(|| current.to_owned());
    let edit =
        if multiline { TextEdit::multiline(&mut buffer).desired_rows(3) } else { TextEdit::singleline(&mut buffer) };
    // Ctrl+Enter finishes a multi-line field (Enter is a new line there); taken before
    // the field sees it.
    let finish = multiline
        && ui.memory(|m| m.has_focus(id.with("field")))
        && ui.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::Enter));
    let response = ui
        .add(edit.id(id.with("field")).hint_text(hint).desired_width(ui.available_width()))
        .labelled_by(label_response.id);
    if finish {
        response.surrender_focus();
        ui.data_mut(|d| d.remove::<String>(id));
        return (buffer != current).then_some(buffer);
    }
    if response.has_focus() {
        if multiline {
            ui.label(egui::RichText::new(tr!("field-ctrl-enter")).weak().small());
        }
        ui.data_mut(|d| d.insert_temp(id, buffer.clone()));
        return None;
    }
    ui.data_mut(|d| d.remove::<String>(id));
    (response.lost_focus() && buffer != current).then_some(buffer)
}

/// A text field with a visible label that is also its accessible name.
pub fn labelled_field(
    ui: &mut Ui,
    label: impl AsRef<str>,
    text: &mut String,
    multiline: bool,
    hint: impl AsRef<str>,
) -> Response {
    let (label, hint) = (label.as_ref(), hint.as_ref());
    let label_response = ui.label(label);
    let edit = if multiline { TextEdit::multiline(text).desired_rows(4) } else { TextEdit::singleline(text) };
    ui.add(edit.hint_text(hint).desired_width(ui.available_width())).labelled_by(label_response.id)
}
