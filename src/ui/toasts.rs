//! Short messages in the corner of the window: what happened, and every error in a
//! form people can read. Errors stay until dismissed; other messages fade after a while.

use egui::{Align2, Color32, Frame, RichText, vec2};

use super::style;

/// How long an information toast stays, in seconds.
const INFO_SECONDS: f64 = 5.0;
/// At most this many toasts are kept; older ones go first.
const MAX_TOASTS: usize = 6;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Info,
    Warning,
    Error,
}

#[derive(Clone, Debug)]
pub struct Toast {
    pub level: Level,
    pub text: String,
    /// `ctx.input(|i| i.time)` when first shown; `None` until then.
    shown_at: Option<f64>,
}

/// The messages waiting to be read.
#[derive(Default, Debug)]
pub struct Toasts {
    list: Vec<Toast>,
}

impl Toasts {
    pub fn info(&mut self, text: impl Into<String>) {
        self.push(Level::Info, text.into());
    }

    pub fn warning(&mut self, text: impl Into<String>) {
        self.push(Level::Warning, text.into());
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.push(Level::Error, text.into());
    }

    fn push(&mut self, level: Level, text: String) {
        self.list.retain(|t| t.text != text);
        self.list.push(Toast { level, text, shown_at: None });
        if self.list.len() > MAX_TOASTS {
            self.list.remove(0);
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = &Toast> {
        self.list.iter()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
}

/// Draws the toasts in the bottom-right corner, newest at the bottom.
pub fn toasts_ui(ctx: &egui::Context, toasts: &mut Toasts) {
    let now = ctx.input(|i| i.time);
    toasts.list.retain(|t| t.level != Level::Info || t.shown_at.is_none_or(|at| now - at < INFO_SECONDS));
    if toasts.list.is_empty() {
        return;
    }
    let mut dismiss = None;
    egui::Area::new(egui::Id::unique("toasts"))
        .anchor(Align2::RIGHT_BOTTOM, vec2(-12.0, -36.0))
        .order(egui::Order::Foreground)
        .show(ctx, |ui| {
            ui.set_max_width(420.0);
            for (index, toast) in toasts.list.iter_mut().enumerate() {
                toast.shown_at.get_or_insert(now);
                let (colour, prefix) = match toast.level {
                    Level::Info => (style::OK_TEXT, "✔"),
                    Level::Warning => (style::WARN_TEXT, "⚠"),
                    Level::Error => (style::ERROR_TEXT, "✖"),
                };
                Frame::popup(ui.style()).fill(Color32::from_rgb(0x2A, 0x2C, 0x30)).show(ui, |ui| {
                    ui.horizontal(|ui| {
                        ui.label(RichText::new(prefix).color(colour));
                        ui.add(egui::Label::new(RichText::new(&toast.text).color(Color32::from_gray(230))).wrap());
                        if ui.small_button("✖").on_hover_text("Dismiss").clicked() {
                            dismiss = Some(index);
                        }
                    });
                });
            }
        });
    if let Some(index) = dismiss {
        toasts.list.remove(index);
    }
    if toasts.list.iter().any(|t| t.level == Level::Info) {
        ctx.request_repaint_after(std::time::Duration::from_millis(500));
    }
}
