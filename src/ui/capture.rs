//! The quick-capture form: one small dialog per kind, opened by N, Q, L, C and I, that
//! turns what was typed into a new item with one keystroke more.

use crate::tr;
use egui::{Key, Modal, Modifiers, RichText, Ui};

use super::Action;
use super::widgets::labelled_field;
use super::words::normalise_hex;
use crate::model::{ItemKind, KindTag, Pos};

/// What is being captured so far.
#[derive(Clone, Debug, Default)]
pub struct Draft {
    pub kind: Option<KindTag>,
    pub text: String,
    pub by: String,
    pub citation: String,
    pub url: String,
    pub title: String,
    pub note: String,
    pub hex: String,
    pub name: String,
    /// Where on the board the item goes (`None`: where the user is looking).
    /// Where the new item's centre goes on the board (`None`: where the user looks).
    pub centre_in_board: Option<Pos>,
    /// Focus the first field on the next frame.
    pub focus: bool,
    pub error: Option<String>,
}

impl Draft {
    pub fn new(kind: KindTag, centre_in_board: Option<Pos>) -> Self {
        let hex = if kind == KindTag::Colour { "#E4B363".to_owned() } else { String::new() };
        Self { kind: Some(kind), hex, centre_in_board, focus: true, ..Default::default() }
    }

    /// The item kind for what was typed, or why it cannot be added yet.
    pub fn build(&self) -> Result<ItemKind, String> {
        let need = |s: &str, missing: &str| {
            if s.trim().is_empty() { Err(crate::i18n::tr(missing)) } else { Ok(s.trim().to_owned()) }
        };
        match self.kind {
            Some(KindTag::Note) => Ok(ItemKind::Note { text: need(&self.text, "capture-need-note")? }),
            Some(KindTag::Quote) => Ok(ItemKind::Quote {
                text: need(&self.text, "capture-need-quote")?,
                by: self.by.trim().to_owned(),
                citation: self.citation.trim().to_owned(),
            }),
            Some(KindTag::Link) => Ok(ItemKind::link(
                crate::model::links::normalise_url(&need(&self.url, "capture-need-address")?),
                self.title.trim(),
                self.note.trim(),
            )),
            Some(KindTag::Colour) => {
                Ok(ItemKind::Colour { hex: normalise_hex(&self.hex)?, name: self.name.trim().to_owned() })
            }
            Some(KindTag::Image) | None => Err(tr!("capture-no-image-here").to_owned()),
        }
    }
}

/// Shows the capture dialog for `draft`; clears it when done or cancelled. `offline`:
/// nothing is downloaded, which the Image form says.
pub fn capture_ui(ctx: &egui::Context, draft: &mut Option<Draft>, offline: bool, actions: &mut Vec<Action>) {
    let Some(d) = draft else { return };
    let Some(kind) = d.kind else {
        *draft = None;
        return;
    };
    let mut close = false;
    let modal = Modal::new(egui::Id::unique("capture")).show(ctx, |ui| {
        ui.set_width(420.0);
        let title = match kind {
            KindTag::Note => tr!("toolbar-new-note"),
            KindTag::Quote => tr!("toolbar-new-quote"),
            KindTag::Link => tr!("toolbar-new-link"),
            KindTag::Colour => tr!("toolbar-new-colour"),
            KindTag::Image => tr!("toolbar-new-image"),
        };
        // Taken before the fields are drawn: a multi-line field would otherwise keep
        // Ctrl+Enter for itself.
        let multiline = matches!(kind, KindTag::Note | KindTag::Quote);
        let submit_keys = ui.input_mut(|i| {
            i.consume_key(Modifiers::COMMAND, Key::Enter) || (!multiline && i.consume_key(Modifiers::NONE, Key::Enter))
        });
        // Esc cancels even from inside a field (which would keep it otherwise).
        if ui.input(|i| i.key_pressed(Key::Escape)) {
            close = true;
        }
        ui.heading(title);
        ui.add_space(4.0);
        let first = fields(ui, d, kind, offline, &mut close, actions);
        if d.focus {
            first.request_focus();
            d.focus = false;
        }
        if let Some(e) = &d.error {
            ui.colored_label(super::style::error_text(ui.visuals()), e);
        }
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            let add = ui.button(super::words::add_step(kind)).on_hover_text(match kind {
                KindTag::Note | KindTag::Quote => tr!("capture-ctrl-enter"),
                _ => tr!("capture-enter"),
            });
            if (add.clicked() || submit_keys) && kind == KindTag::Image {
                match image_address(&d.url, offline) {
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

/// The address typed in the Image form, if it can be downloaded.
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
        .map_err(|e| tr!("capture-cannot-download", reason = e.to_string()))
}

/// The form's fields; returns the first, to focus it.
fn fields(
    ui: &mut Ui,
    d: &mut Draft,
    kind: KindTag,
    offline: bool,
    close: &mut bool,
    actions: &mut Vec<Action>,
) -> egui::Response {
    match kind {
        KindTag::Note => labelled_field(ui, tr!("inspector-note"), &mut d.text, true, tr!("capture-note-hint")),
        KindTag::Quote => {
            let first = labelled_field(ui, tr!("inspector-quote"), &mut d.text, true, tr!("capture-quote-hint"));
            labelled_field(ui, tr!("inspector-said-by"), &mut d.by, false, tr!("inspector-said-by-hint"));
            labelled_field(ui, tr!("inspector-citation"), &mut d.citation, false, tr!("capture-citation-hint"));
            first
        }
        KindTag::Link => {
            let first = labelled_field(ui, tr!("inspector-address"), &mut d.url, false, "https://…");
            labelled_field(ui, tr!("inspector-title"), &mut d.title, false, tr!("inspector-link-title-hint"));
            labelled_field(ui, tr!("inspector-why"), &mut d.note, false, tr!("inspector-optional"));
            first
        }
        KindTag::Colour => {
            let first = ui
                .horizontal(|ui| {
                    let field = labelled_field(ui, tr!("inspector-hex"), &mut d.hex, false, "#E4B363");
                    if let Some(crate::model::Rgb(r, g, b)) = crate::model::Rgb::parse_hex(&d.hex) {
                        let mut c = egui::Color32::from_rgb(r, g, b);
                        if egui::color_picker::color_edit_button_srgba(ui, &mut c, egui::color_picker::Alpha::Opaque)
                            .changed()
                        {
                            d.hex = crate::model::Rgb(c.r(), c.g(), c.b()).to_hex();
                        }
                    }
                    field
                })
                .inner;
            labelled_field(ui, tr!("capture-name"), &mut d.name, false, tr!("capture-name-hint"));
            first
        }
        KindTag::Image => {
            let first = labelled_field(ui, tr!("capture-picture-address"), &mut d.url, false, "https://…/photo.jpg");
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
            first
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drafts_need_their_main_field() {
        let mut d = Draft::new(KindTag::Quote, None);
        assert!(d.build().is_err());
        d.text = " Less, but better ".into();
        d.by = "Dieter Rams".into();
        assert_eq!(
            d.build().unwrap(),
            ItemKind::Quote { text: "Less, but better".into(), by: "Dieter Rams".into(), citation: String::new() }
        );
        let mut c = Draft::new(KindTag::Colour, None);
        c.hex = "nope".into();
        assert!(c.build().is_err());
        c.hex = "abc".into();
        assert_eq!(c.build().unwrap(), ItemKind::Colour { hex: "#AABBCC".into(), name: String::new() });
        let mut l = Draft::new(KindTag::Link, None);
        l.url = "www.example.com".into();
        assert!(matches!(l.build().unwrap(), ItemKind::Link { url, .. } if url == "https://www.example.com"));
    }
}
