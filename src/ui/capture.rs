//! The quick-capture form: one small dialog per kind, opened by its key (N, Q, L, C,
//! I), that turns what was typed into a new item with one keystroke more. The fields are
//! the kind's own ([`crate::model::kinds::KindSpec::fields`]); a kind that is imported
//! rather than typed (pictures) gets an address field and a file chooser instead.

use crate::tr;
use egui::{Key, Modal, Modifiers, RichText, Ui};

use super::Action;
use super::widgets::labelled_field;
use super::words;
use crate::model::kinds::{FieldType, Fields};
use crate::model::{ItemKind, KindTag, Pos};

/// What is being captured so far.
#[derive(Clone, Debug)]
pub struct Draft {
    pub kind: KindTag,
    /// What was typed, by field; for an imported kind, `url` is the picture's address.
    pub fields: Fields,
    /// Where the new item's centre goes on the board (`None`: where the user looks).
    pub centre_in_board: Option<Pos>,
    /// Focus the first field on the next frame.
    pub focus: bool,
    pub error: Option<String>,
}

/// The field of the form of an imported kind: the address to download from.
const ADDRESS: &str = "url";

impl Draft {
    pub fn new(kind: KindTag, centre_in_board: Option<Pos>) -> Self {
        Self { kind, fields: Fields::defaults(kind), centre_in_board, focus: true, error: None }
    }

    /// The item kind for what was typed, or why it cannot be added yet.
    pub fn build(&self) -> Result<ItemKind, String> {
        self.kind.build(&self.fields).map_err(|e| crate::i18n::said(&e))
    }
}

/// Shows the capture dialog for `draft`; clears it when done or cancelled. `offline`:
/// nothing is downloaded, which the form of an imported kind says.
pub fn capture_ui(ctx: &egui::Context, draft: &mut Option<Draft>, offline: bool, actions: &mut Vec<Action>) {
    let Some(d) = draft else { return };
    let kind = d.kind;
    let spec = kind.spec();
    let mut close = false;
    let modal = Modal::new(egui::Id::unique("capture")).show(ctx, |ui| {
        ui.set_width(420.0);
        // Taken before the fields are drawn: a multi-line field would otherwise keep
        // Ctrl+Enter for itself.
        let multiline = spec.multiline();
        let submit_keys = ui.input_mut(|i| {
            i.consume_key(Modifiers::COMMAND, Key::Enter) || (!multiline && i.consume_key(Modifiers::NONE, Key::Enter))
        });
        // Esc cancels even from inside a field (which would keep it otherwise).
        if ui.input(|i| i.key_pressed(Key::Escape)) {
            close = true;
        }
        ui.heading(words::new_kind(kind));
        ui.add_space(4.0);
        let first = if spec.typed { typed_fields(ui, d) } else { import_fields(ui, d, offline, &mut close, actions) };
        if d.focus {
            if let Some(first) = first {
                first.request_focus();
            }
            d.focus = false;
        }
        if let Some(e) = &d.error {
            ui.colored_label(super::style::error_text(ui.visuals()), e);
        }
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            let keys = if multiline { tr!("capture-ctrl-enter") } else { tr!("capture-enter") };
            let add = ui.button(words::add_step(kind)).on_hover_text(keys);
            if (add.clicked() || submit_keys) && !spec.typed {
                match image_address(d.fields.get(ADDRESS), offline) {
                    Ok(address) => {
                        actions.push(Action::AddImageFromAddress { address, centre_in_board: d.centre_in_board });
                        close = true;
                    }
                    Err(e) => d.error = Some(e),
                }
            } else if add.clicked() || submit_keys {
                match d.build() {
                    Ok(kind) => {
                        actions.push(Action::Add { kind, centre_in_board: d.centre_in_board, theme: None });
                        close = true;
                    }
                    Err(e) => d.error = Some(e),
                }
            }
            if ui.button(tr!("button-cancel")).on_hover_text(tr!("button-esc")).clicked() {
                close = true;
            }
            ui.label(
                RichText::new(if multiline { tr!("capture-ctrl-enter-to-add") } else { tr!("capture-enter-to-add") })
                    .weak(),
            );
        });
    });
    if close || modal.should_close() {
        *draft = None;
    }
}

/// The address typed in the form of an imported kind, if it can be downloaded.
fn image_address(typed: &str, offline: bool) -> Result<String, String> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Err(tr!("capture-need-picture").to_owned());
    }
    if offline {
        return Err(tr!("capture-offline"));
    }
    let address = crate::model::links::normalise_url(typed);
    crate::web::parse_address(&address)
        .map(|_| address)
        .map_err(|e| tr!("capture-cannot-download", reason = crate::i18n::said(&e)))
}

/// The kind's fields that the form asks for; returns the first, to focus it.
fn typed_fields(ui: &mut Ui, d: &mut Draft) -> Option<egui::Response> {
    let mut first = None;
    for field in d.kind.spec().fields.iter().filter(|f| f.in_form) {
        let hint = words::hint(field.form_hint);
        let value = d.fields.get_mut(field.key);
        let response = if field.ty == FieldType::Colour {
            ui.horizontal(|ui| {
                let response = labelled_field(ui, tr!(field.label), value, false, hint);
                if let Some(crate::model::Rgb(r, g, b)) = crate::model::Rgb::parse_hex(value) {
                    let mut c = egui::Color32::from_rgb(r, g, b);
                    if colour_swatch(ui, &mut c) {
                        *value = crate::model::Rgb(c.r(), c.g(), c.b()).to_hex();
                    }
                }
                response
            })
            .inner
        } else {
            labelled_field(ui, tr!(field.label), value, field.form_multiline, hint)
        };
        first.get_or_insert(response);
    }
    first
}

/// The colour beside its hex code, opening a picker when clicked. Only for the mouse:
/// Tab goes from the hex code straight to the next field (a swatch that took the focus
/// without showing it made the name typed next vanish). Returns whether it changed.
fn colour_swatch(ui: &mut Ui, colour: &mut egui::Color32) -> bool {
    let height = ui.spacing().interact_size.y;
    let (rect, swatch) = ui.allocate_exact_size(egui::vec2(2.0 * height, height), egui::Sense::CLICK);
    let label = tr!("capture-pick-colour");
    swatch.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
    let stroke = ui.visuals().widgets.inactive.bg_stroke;
    ui.painter().rect(rect, 3.0, *colour, stroke, egui::StrokeKind::Inside);
    let swatch = swatch.on_hover_cursor(egui::CursorIcon::PointingHand).on_hover_text(&label);
    let mut changed = false;
    egui::Popup::from_toggle_button_response(&swatch)
        .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
        .show(|ui| changed = egui::color_picker::color_picker_color32(ui, colour, egui::color_picker::Alpha::Opaque));
    changed
}

/// The form of an imported kind: a web address to download, or files to choose.
fn import_fields(
    ui: &mut Ui,
    d: &mut Draft,
    offline: bool,
    close: &mut bool,
    actions: &mut Vec<Action>,
) -> Option<egui::Response> {
    let address = d.fields.get_mut(ADDRESS);
    let first = labelled_field(ui, tr!("capture-picture-address"), address, false, "https://…/photo.jpg");
    let hint = if offline { tr!("capture-offline-hint") } else { tr!("capture-formats") };
    ui.label(RichText::new(hint).weak());
    ui.horizontal(|ui| {
        ui.label(tr!("capture-or"));
        if ui.button(tr!("capture-choose-files")).on_hover_text(tr!("capture-choose-files-help")).clicked() {
            actions.push(Action::ChooseImageFiles);
            *close = true;
        }
    });
    ui.label(RichText::new(tr!("capture-drop-hint")).weak());
    Some(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drafts_need_their_main_field() {
        let mut d = Draft::new(KindTag::Quote, None);
        assert!(d.build().is_err());
        d.fields.set("text", " Less, but better ");
        d.fields.set("by", "Dieter Rams");
        assert_eq!(d.build().unwrap(), ItemKind::quote("Less, but better", "Dieter Rams", ""));
        let mut c = Draft::new(KindTag::Colour, None);
        assert_eq!(c.fields.get("hex"), "#E4B363", "a colour starts with one");
        c.fields.set("hex", "nope");
        assert!(c.build().is_err());
        c.fields.set("hex", "abc");
        assert_eq!(c.build().unwrap(), ItemKind::colour("#AABBCC", ""));
        let mut l = Draft::new(KindTag::Link, None);
        l.fields.set("url", "www.example.com");
        assert!(
            matches!(l.build().unwrap(), ItemKind::Link(crate::model::kinds::Link { url, .. }) if url == "https://www.example.com")
        );
    }
}
