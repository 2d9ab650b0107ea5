//! The windows of a live board (`crate::live`): *Share live* (the ticket to give, as
//! text and QR code, for an editor or a guest; who is here; what happened; a new ticket;
//! stop sharing) and *Join live* (paste a ticket). They only draw and return actions.

use egui::RichText;

use super::Action;
use crate::live::Role;
use crate::tr;

/// A ticket the window can show.
#[derive(Clone, Debug, PartialEq)]
pub struct TicketShown {
    pub role: Role,
    pub text: String,
    /// The QR code's modules, as [`crate::host::qr_modules`] gives them.
    pub qr: Option<(usize, Vec<bool>)>,
}

/// Someone on the board, as the window lists them.
#[derive(Clone, Debug, PartialEq)]
pub struct PersonShown {
    /// Their presence id (what Follow names).
    pub who: String,
    pub name: String,
    /// Which of the people's colours.
    pub colour: usize,
    /// We follow them now.
    pub followed: bool,
}

/// What the app tells the Share live window.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LiveStatus {
    /// The peer is starting (finding its addresses).
    pub starting: bool,
    /// Who is connected now.
    pub here: Vec<String>,
    pub tickets: Vec<TicketShown>,
    /// Which relay is in use, for people; `None`: no relay (LAN only).
    pub relay: Option<String>,
    /// What happened, oldest first.
    pub log: Vec<String>,
    /// The preference: no relay.
    pub lan_only: bool,
    /// The people on the board with a screen (pointers shown), to follow.
    pub people: Vec<PersonShown>,
    /// This copy cannot reach the peer it joined, nor any other copy, and keeps trying.
    pub offline: bool,
}

impl LiveStatus {
    pub fn starting() -> Self {
        Self { starting: true, ..Self::default() }
    }

    /// "Live · 3 here", for the status bar.
    pub fn summary(&self) -> String {
        if self.starting {
            tr!("live-starting")
        } else if self.offline && self.here.is_empty() {
            tr!("live-offline-trying")
        } else {
            tr!("live-here", count = self.here.len())
        }
    }
}

/// What the Share live window remembers while open: which ticket it shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ShareLiveForm {
    pub guest: bool,
}

/// What the Join live form holds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct JoinLiveForm {
    pub ticket: String,
    /// Why the ticket given cannot be used.
    pub error: Option<String>,
    /// Joining is under way.
    pub joining: bool,
    focused: bool,
}

/// The Share live window; `open` is false once closed (sharing goes on; the status bar
/// brings it back).
pub fn share_live_ui(
    ctx: &egui::Context,
    status: &LiveStatus,
    form: &mut ShareLiveForm,
    open: &mut bool,
    actions: &mut Vec<Action>,
) {
    egui::Window::new(tr!("live-title"))
        .id(egui::Id::unique("share-live-window"))
        .open(open)
        .collapsible(false)
        .resizable(false)
        .default_width(440.0)
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(ctx.content_rect().center())
        .show(ctx, |ui| {
            if status.starting {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(tr!("live-starting"));
                });
                return;
            }
            ui.label(tr!("live-explain"));
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                ui.label(tr!("live-ticket-for"));
                ui.radio_value(&mut form.guest, false, tr!("live-editor")).on_hover_text(tr!("live-editor-help"));
                ui.radio_value(&mut form.guest, true, tr!("live-guest")).on_hover_text(tr!("live-guest-help"));
            });
            let role = if form.guest { Role::Guest } else { Role::Editor };
            if let Some(ticket) = status.tickets.iter().find(|t| t.role == role) {
                if let Some((width, modules)) = &ticket.qr {
                    super::invite::qr_ui(ui, *width, modules);
                }
                // Broken anywhere, as even lines: a ticket has no words to keep whole.
                let mut job = egui::text::LayoutJob::single_section(
                    ticket.text.clone(),
                    egui::TextFormat::simple(egui::FontId::monospace(11.0), ui.visuals().text_color()),
                );
                job.wrap = egui::text::TextWrapping {
                    max_width: ui.available_width(),
                    break_anywhere: true,
                    ..Default::default()
                };
                let text = ui.add(egui::Label::new(job));
                text.widget_info(|| {
                    egui::WidgetInfo::labeled(
                        egui::Role::Label,
                        true,
                        tr!("live-ticket-label", ticket = ticket.text.as_str()),
                    )
                });
                if ui.button(tr!("live-copy")).on_hover_text(tr!("live-copy-help")).clicked() {
                    ui.ctx().copy_text(ticket.text.clone());
                    actions.push(Action::Info(tr!("live-copied")));
                }
            }
            ui.add_space(6.0);
            let here = if status.here.is_empty() {
                tr!("live-nobody")
            } else {
                tr!("live-who", count = status.here.len(), names = status.here.join(", "))
            };
            ui.label(RichText::new(here).strong());
            people_ui(ui, &status.people, actions);
            let connections = match &status.relay {
                Some(relay) => tr!("live-relay", relay = relay.as_str()),
                None => tr!("live-no-relay"),
            };
            ui.label(RichText::new(connections).weak());
            lan_only_ui(ui, status.lan_only, actions);
            if !status.log.is_empty() {
                egui::CollapsingHeader::new(tr!("live-log")).id_salt("live-log").show(ui, |ui| {
                    egui::ScrollArea::vertical().max_height(140.0).stick_to_bottom(true).show(ui, |ui| {
                        for line in &status.log {
                            ui.label(RichText::new(line).small());
                        }
                    });
                });
            }
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                if ui.button(tr!("live-new-ticket")).on_hover_text(tr!("live-new-ticket-help")).clicked() {
                    actions.push(Action::NewLiveTicket);
                }
                if ui.button(tr!("live-stop")).on_hover_text(tr!("live-stop-help")).clicked() {
                    actions.push(Action::StopLive);
                }
            });
        });
}

/// Each person with a screen on the board in their colour, with Follow; and *Bring
/// everyone to me*.
fn people_ui(ui: &mut egui::Ui, people: &[PersonShown], actions: &mut Vec<Action>) {
    if people.is_empty() {
        return;
    }
    egui::Grid::new("live-people").num_columns(2).spacing([12.0, 4.0]).show(ui, |ui| {
        for person in people {
            ui.horizontal(|ui| {
                let (dot, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
                ui.painter().circle_filled(dot.center(), 6.0, super::style::person(person.colour));
                ui.label(&person.name);
            });
            let (text, label, action) = if person.followed {
                (
                    tr!("live-stop-following"),
                    tr!("live-stop-following-name", name = person.name.as_str()),
                    Action::StopFollowing,
                )
            } else {
                (
                    tr!("live-follow"),
                    tr!("live-follow-name", name = person.name.as_str()),
                    Action::Follow(person.who.clone()),
                )
            };
            let mut button = ui.button(text);
            if !person.followed {
                button = button.on_hover_text(tr!("live-follow-help", name = person.name.as_str()));
            }
            button.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
            if button.clicked() {
                actions.push(action);
            }
            ui.end_row();
        }
    });
    if ui.button(tr!("live-bring-everyone")).on_hover_text(tr!("live-bring-everyone-help")).clicked() {
        actions.push(Action::BringEveryone);
    }
}

/// The Join live form: paste a ticket, Join (Enter) or Cancel (Esc).
pub fn join_live_ui(ctx: &egui::Context, form: &mut Option<JoinLiveForm>, lan_only: bool, actions: &mut Vec<Action>) {
    let Some(state) = form else { return };
    let mut close = false;
    let modal = egui::Modal::new(egui::Id::unique("join-live")).show(ctx, |ui| {
        ui.set_width(440.0);
        // Esc closes the form even from inside the field.
        if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            close = true;
        }
        ui.heading(tr!("live-join-title"));
        ui.label(tr!("live-join-explain"));
        ui.add_space(4.0);
        let field = ui.add(
            egui::TextEdit::singleline(&mut state.ticket)
                .hint_text(tr!("live-join-hint"))
                .desired_width(f32::INFINITY)
                .font(egui::TextStyle::Monospace),
        );
        field.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, tr!("live-join-field")));
        if !std::mem::replace(&mut state.focused, true) {
            field.request_focus();
        }
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        lan_only_ui(ui, lan_only, actions);
        if let Some(error) = &state.error {
            ui.colored_label(super::style::error_text(ui.visuals()), error);
        }
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            if state.joining {
                ui.spinner();
                ui.label(tr!("live-joining"));
            } else if ui.button(tr!("live-join")).clicked() || entered {
                actions.push(Action::JoinLive(state.ticket.trim().to_owned()));
            }
            if ui.button(tr!("button-cancel")).on_hover_text(tr!("button-esc")).clicked() {
                close = true;
            }
        });
    });
    if close || (modal.should_close() && !state.joining) {
        *form = None;
    }
}

/// The LAN-only preference: no relay, so nothing leaves the local network (it applies to
/// the next start or join).
fn lan_only_ui(ui: &mut egui::Ui, lan_only: bool, actions: &mut Vec<Action>) {
    let mut on = lan_only;
    if ui.checkbox(&mut on, tr!("live-lan-only")).on_hover_text(tr!("live-lan-only-help")).changed() {
        actions.push(Action::SetLiveLanOnly(on));
    }
}
