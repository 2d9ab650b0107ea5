//! Messages: a few short ones in the corner of the window (what happened, and every
//! error in a form people can read), and all of them in a log the user can reopen from
//! the status bar. Errors and warnings stay on screen until dismissed; other messages
//! fade after a while. Nothing said is lost: past the few on screen, a message waits in
//! the log, with every reason it carries (an import of twenty files that fails for
//! fourteen is one message with fourteen reasons).

use crate::tr;
use egui::{Align2, Color32, Frame, RichText, vec2};

use super::style;

/// How long an information toast stays, in seconds.
const INFO_SECONDS: f64 = 5.0;
/// At most this many toasts are on screen; the rest wait in the log.
const ON_SCREEN: usize = 6;
/// The log keeps this many messages; the oldest go first.
const LOG_SIZE: usize = 300;
/// Reasons shown in a toast before "… and N more (see Messages)".
const DETAILS_SHOWN: usize = 3;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Info,
    Warning,
    Error,
}

impl Level {
    fn icon(self, visuals: &egui::Visuals) -> (&'static str, Color32) {
        match self {
            Level::Info => ("✔", style::ok_text(visuals)),
            Level::Warning => ("⚠", style::warn_text(visuals)),
            Level::Error => ("✖", style::error_text(visuals)),
        }
    }
}

#[derive(Clone, Debug)]
pub struct Toast {
    pub level: Level,
    pub text: String,
    /// Every reason behind it, one per line (the files a batch could not take).
    pub details: Vec<String>,
    /// When it was said, for the log: `14:03`.
    pub said_at: String,
    /// `ctx.input(|i| i.time)` when first shown; `None` until then.
    shown_at: Option<f64>,
    /// Still in the corner of the window (not dismissed, not faded).
    on_screen: bool,
    /// Cards the message is about: a "Show" button zooms to them.
    pub show: Vec<crate::model::ItemId>,
}

/// Everything said, newest last.
#[derive(Default, Debug)]
pub struct Toasts {
    list: Vec<Toast>,
    /// Warnings and errors said since the log was last opened.
    unread: usize,
}

impl Toasts {
    pub fn info(&mut self, text: impl Into<String>) {
        self.report(Level::Info, text, Vec::new());
    }

    pub fn warning(&mut self, text: impl Into<String>) {
        self.report(Level::Warning, text, Vec::new());
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.report(Level::Error, text, Vec::new());
    }

    /// One message with all its reasons.
    pub fn report(&mut self, level: Level, text: impl Into<String>, details: Vec<String>) {
        self.report_showing(level, text, details, Vec::new());
    }

    /// A message about the cards `show`, with a button that zooms to them.
    pub fn report_showing(
        &mut self,
        level: Level,
        text: impl Into<String>,
        details: Vec<String>,
        show: Vec<crate::model::ItemId>,
    ) {
        let text = text.into();
        // The same message again takes the place of the one on screen.
        for t in self.list.iter_mut().filter(|t| t.text == text && t.details == details) {
            t.on_screen = false;
        }
        if level != Level::Info {
            self.unread += 1;
        }
        let said_at = crate::model::Timestamp::now().to_short_string();
        let said_at = said_at.rsplit(' ').next().unwrap_or_default().to_owned();
        self.list.push(Toast { level, text, details, said_at, shown_at: None, on_screen: true, show });
        if self.list.len() > LOG_SIZE {
            self.list.remove(0);
        }
    }

    /// Every message in the log, oldest first.
    pub fn iter(&self) -> impl Iterator<Item = &Toast> {
        self.list.iter()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Warnings and errors not yet seen in the log.
    pub fn unread(&self) -> usize {
        self.unread
    }

    /// The messages in the corner, newest last.
    fn on_screen(&self) -> impl Iterator<Item = usize> + '_ {
        let shown: Vec<usize> = (0..self.list.len()).filter(|&i| self.list[i].on_screen).collect();
        let skip = shown.len().saturating_sub(ON_SCREEN);
        shown.into_iter().skip(skip)
    }
}

/// Draws the toasts in the bottom-right corner, newest at the bottom. Returns the cards
/// to show when a toast's "Show" was clicked.
pub fn toasts_ui(ctx: &egui::Context, toasts: &mut Toasts) -> Option<Vec<crate::model::ItemId>> {
    let now = ctx.input(|i| i.time);
    for t in &mut toasts.list {
        if t.level == Level::Info && t.shown_at.is_some_and(|at| now - at >= INFO_SECONDS) {
            t.on_screen = false;
        }
    }
    let shown: Vec<usize> = toasts.on_screen().collect();
    if shown.is_empty() {
        return None;
    }
    let waiting = toasts.list.iter().filter(|t| t.on_screen).count() - shown.len();
    let mut dismiss = None;
    let mut show = None;
    egui::Area::new(egui::Id::unique("toasts"))
        .anchor(Align2::RIGHT_BOTTOM, vec2(-12.0, -36.0))
        .order(egui::Order::Foreground)
        .show(ctx, |ui| {
            ui.set_max_width(420.0);
            if waiting > 0 {
                ui.label(RichText::new(tr!("toasts-waiting", count = waiting)).weak());
            }
            for index in shown {
                let toast = &mut toasts.list[index];
                toast.shown_at.get_or_insert(now);
                let (prefix, colour) = toast.level.icon(ui.visuals());
                Frame::popup(ui.style()).show(ui, |ui| {
                    ui.horizontal(|ui| {
                        ui.label(RichText::new(prefix).color(colour));
                        ui.vertical(|ui| {
                            ui.add(egui::Label::new(RichText::new(&toast.text)).wrap());
                            for line in toast.details.iter().take(DETAILS_SHOWN) {
                                ui.add(egui::Label::new(RichText::new(line).small().weak()).wrap());
                            }
                            if toast.details.len() > DETAILS_SHOWN {
                                let more = toast.details.len() - DETAILS_SHOWN;
                                ui.label(RichText::new(tr!("toasts-more-details", count = more)).small().weak());
                            }
                        });
                        if !toast.show.is_empty() {
                            let button = ui.button(tr!("toasts-show")).on_hover_text(tr!("toasts-show-help"));
                            button.widget_info(|| {
                                egui::WidgetInfo::labeled(
                                    egui::Role::Button,
                                    true,
                                    tr!("toasts-show-label", text = toast.text.as_str()),
                                )
                            });
                            if button.clicked() {
                                show = Some(toast.show.clone());
                                dismiss = Some(index);
                            }
                        }
                        if ui.small_button("✖").on_hover_text(tr!("toasts-dismiss")).clicked() {
                            dismiss = Some(index);
                        }
                    });
                });
            }
        });
    if let Some(index) = dismiss {
        toasts.list[index].on_screen = false;
    }
    if toasts.list.iter().any(|t| t.on_screen && t.level == Level::Info) {
        ctx.request_repaint_after(std::time::Duration::from_millis(500));
    }
    show
}

/// The log of everything said, newest first, with every reason; `open` closes it.
pub fn messages_ui(ctx: &egui::Context, toasts: &mut Toasts, open: &mut bool) {
    toasts.unread = 0;
    let mut clear = false;
    // Opened above its button, at the right end of the status bar.
    let corner = ctx.content_rect().right_bottom() - egui::vec2(12.0, 40.0);
    egui::Window::new(tr!("status-messages-label"))
        .id(egui::Id::unique("messages-window"))
        .open(open)
        .default_width(560.0)
        .pivot(egui::Align2::RIGHT_BOTTOM)
        .default_pos(corner)
        .show(ctx, |ui| {
            if toasts.list.is_empty() {
                ui.label(RichText::new(tr!("toasts-nothing")).weak());
                return;
            }
            egui::ScrollArea::vertical().max_height(ctx.content_rect().height() * 0.6).show(ui, |ui| {
                for (index, toast) in toasts.list.iter().enumerate().rev() {
                    let (prefix, colour) = toast.level.icon(ui.visuals());
                    ui.horizontal_wrapped(|ui| {
                        ui.label(RichText::new(&toast.said_at).weak().monospace());
                        ui.label(RichText::new(prefix).color(colour));
                        ui.label(&toast.text);
                    });
                    if !toast.details.is_empty() {
                        let title = tr!("toasts-reasons", count = toast.details.len());
                        egui::CollapsingHeader::new(title).id_salt(("message", index)).show(ui, |ui| {
                            for line in &toast.details {
                                ui.label(RichText::new(line).small());
                            }
                        });
                    }
                    ui.separator();
                }
            });
            if ui.button(tr!("toasts-clear")).clicked() {
                clear = true;
            }
        });
    if clear {
        toasts.list.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_said_is_lost_past_the_few_on_screen() {
        let mut toasts = Toasts::default();
        for i in 0..20 {
            toasts.error(format!("problem {i}"));
        }
        assert_eq!(toasts.on_screen().count(), ON_SCREEN);
        assert_eq!(toasts.iter().count(), 20, "all are in the log");
        assert_eq!(toasts.unread(), 20);
        assert_eq!(toasts.iter().next().unwrap().text, "problem 0", "the oldest error is kept");
        toasts.report(Level::Warning, "3 files were not added", vec!["a".into(), "b".into(), "c".into()]);
        assert_eq!(toasts.iter().last().unwrap().details.len(), 3);
    }
}
