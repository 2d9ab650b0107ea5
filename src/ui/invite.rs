//! The invitation to a live session: a large QR code and the address to type, how many
//! people have joined, and *Stop inviting*.

use crate::tr;
use egui::{Color32, Rect, RichText, Sense, Ui, vec2};

use super::Action;

/// What the app tells the invitation window while it invites.
#[derive(Clone, Debug, PartialEq)]
pub struct InviteStatus {
    pub url: String,
    /// The QR code's modules: its width, and dark or not, row by row.
    pub qr: Option<(usize, Vec<bool>)>,
    pub joined: usize,
    pub contributed: usize,
}

/// The invitation window; `open` is false once its close button is pressed (inviting
/// goes on; the session bar brings the window back).
pub fn invite_ui(ctx: &egui::Context, status: &InviteStatus, open: &mut bool, actions: &mut Vec<Action>) {
    egui::Window::new(tr!("invite-title"))
        .id(egui::Id::unique("invite-window"))
        .open(open)
        .collapsible(false)
        .resizable(false)
        .default_width(420.0)
        // In the middle of the canvas, clear of the session bar the facilitator works in.
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(ctx.content_rect().center())
        .show(ctx, |ui| {
            ui.label(tr!("invite-scan"));
            ui.add_space(8.0);
            if let Some((width, modules)) = &status.qr {
                qr_ui(ui, *width, modules);
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                let address = ui.label(RichText::new(&status.url).monospace().size(15.0));
                address.widget_info(|| {
                    egui::WidgetInfo::labeled(
                        egui::Role::Label,
                        true,
                        tr!("invite-address-label", url = status.url.as_str()),
                    )
                });
                if ui.button(super::Command::Copy.text()).on_hover_text(tr!("invite-copy-help")).clicked() {
                    ui.ctx().copy_text(status.url.clone());
                }
            });
            let people = match status.joined {
                0 => tr!("invite-nobody"),
                n => tr!("invite-joined", count = n, contributed = status.contributed),
            };
            ui.label(RichText::new(people).strong());
            ui.label(RichText::new(tr!("invite-same-network")).weak());
            ui.add_space(6.0);
            if ui.button(tr!("session-stop-inviting")).on_hover_text(tr!("invite-stop-help")).clicked() {
                actions.push(Action::StopInviting);
            }
        });
}

/// The QR code, large and with its quiet zone, black on white whatever the look.
pub(super) fn qr_ui(ui: &mut Ui, width: usize, modules: &[bool]) {
    let quiet = 4;
    let side = 300.0_f32;
    let cell = side / (width + 2 * quiet) as f32;
    let (rect, response) = ui.allocate_exact_size(vec2(side, side), Sense::hover());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, tr!("invite-qr-label")));
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 4.0, Color32::WHITE);
    for (i, dark) in modules.iter().enumerate() {
        if *dark {
            let (x, y) = ((i % width + quiet) as f32, (i / width + quiet) as f32);
            let min = rect.min + vec2(x * cell, y * cell);
            painter.rect_filled(Rect::from_min_size(min, vec2(cell + 0.3, cell + 0.3)), 0.0, Color32::BLACK);
        }
    }
}
