//! The facilitator's session bar (phase, timer, hidden authors, dots, reveal, the count
//! of unanswered ideas, theme suggestions) and an item's votes and responses in the
//! inspector. Everything returns edits; nothing here changes the board.

use egui::{Button, DragValue, RichText, Ui};

use super::widgets::committed_text;
use super::{Action, Command, style};
use crate::model::suggest::suggest_themes;
use crate::model::{
    Answer, Board, Item, ItemId, MAX_DOTS, Phase, Reaction, Session, Timer, Timestamp, format_clock, is_prompt, rules,
};
use crate::prompts::Lang;

/// The action that changes the session's settings (see [`rules::change_session`]).
pub fn set_session(board: &Board, label: &str, change: impl FnOnce(&mut Session)) -> Action {
    Action::edit(rules::change_session(board, change), label)
}

/// Starts a session at the collect step, or ends the one running.
pub fn toggle_session(board: &Board) -> Action {
    let (edit, label) = rules::toggle_session(board);
    Action::edit(edit, label)
}

/// The bar under the goals while a session runs. `lang` is the prompt deck's language.
/// The session bar. `inviting`: how many people have joined, while the join server runs.
pub fn session_bar_ui(
    ui: &mut Ui,
    board: &Board,
    you: &str,
    lang: Lang,
    inviting: Option<usize>,
    actions: &mut Vec<Action>,
) {
    let session = &board.session;
    let now = Timestamp::now();
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Session").strong());
        for phase in Phase::STEPS {
            let on = session.phase == phase;
            let response = ui.selectable_label(on, phase.name()).on_hover_text(phase.hint());
            let label = format!("Phase {}", phase.name());
            response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, on, &label));
            if response.clicked() && !on {
                actions.push(set_session(board, &format!("Go to {}", phase.name()), |s| s.phase = phase));
            }
        }
        ui.separator();
        timer_ui(ui, board, now, actions);
        ui.separator();
        let mut hide = session.hide_contributors;
        if ui.checkbox(&mut hide, "Hide who added what").on_hover_text("Against authority bias").changed() {
            let label = if hide { "Hide contributors" } else { "Show contributors" };
            actions.push(set_session(board, label, |s| s.hide_contributors = hide));
        }
        let mut private = session.private_collect;
        if ui
            .checkbox(&mut private, "Private collect")
            .on_hover_text("While collecting, nobody sees anyone else's ideas: the first idea cannot anchor the rest")
            .changed()
        {
            let label = if private { "Collect privately" } else { "Collect in the open" };
            actions.push(set_session(board, label, |s| s.private_collect = private));
        }
        ui.separator();
        match inviting {
            None => {
                if ui
                    .button("Invite…")
                    .on_hover_text("Let people join from their phones: no install, no account")
                    .clicked()
                {
                    actions.push(Action::StartInviting);
                }
            }
            Some(joined) => {
                let text = format!("Inviting · {joined} joined");
                if ui.button(text).on_hover_text("Show the invitation's QR code and address").clicked() {
                    actions.push(Action::ShowInvitation);
                }
                if ui.button("Show new ideas").on_hover_text("Zoom to the ideas that came from phones").clicked() {
                    actions.push(Action::ShowArrivals);
                }
                if ui.button("Stop inviting").clicked() {
                    actions.push(Action::StopInviting);
                }
            }
        }
        ui.separator();
        if ui.button("End session").on_hover_text("Back to the plain board; votes and reactions stay").clicked() {
            actions.push(toggle_session(board));
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(session.phase.hint()).weak());
        if session.collects_privately() {
            let down: Vec<&crate::model::Item> = board.items.iter().filter(|i| board.face_down(i)).collect();
            let people: std::collections::HashSet<&str> =
                down.iter().map(|i| i.contributor.trim()).filter(|c| !c.is_empty()).collect();
            let anonymous = down.iter().filter(|i| i.contributor.trim().is_empty()).count();
            let from = match (people.len(), anonymous) {
                (0, 0) => String::new(),
                (n, 0) => format!(", from {n} {}", if n == 1 { "person" } else { "people" }),
                (n, a) => format!(", from {n} named and {a} anonymous"),
            };
            let text = if down.is_empty() {
                "Private collect: ideas from phones lie face down until Cluster".to_owned()
            } else {
                let s = if down.len() == 1 { "" } else { "s" };
                format!("{} idea{s} in{from}, face down until Cluster", down.len())
            };
            ui.label(RichText::new(text).strong());
        }
        if session.timer.is_up(now) {
            let response =
                ui.colored_label(style::calm_signal(ui.visuals()), "⏰ Time is up: finish the thought you are on.");
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, "Time is up"));
        }
    });
    ui.horizontal_wrapped(|ui| match session.phase {
        Phase::Collect => {
            prompt_ui(ui, lang, actions);
        }
        Phase::Cluster => suggestions_ui(ui, board, actions),
        Phase::Vote => vote_bar_ui(ui, board, you, actions),
        Phase::React => {
            let open = board.unanswered().len();
            let text = if open == 0 {
                "✔ Every idea has an answer".to_owned()
            } else {
                format!("{open} idea{} without a reaction yet", if open == 1 { "" } else { "s" })
            };
            let colour = if open == 0 { style::ok_text(ui.visuals()) } else { style::warn_text(ui.visuals()) };
            let response = ui.colored_label(colour, &text);
            let label = format!("Unanswered ideas: {text}");
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &label));
            prompt_ui(ui, lang, actions);
        }
        Phase::Off => {}
    });
}

fn prompt_ui(ui: &mut Ui, lang: Lang, actions: &mut Vec<Action>) {
    if ui.button("🎴 Draw a prompt").on_hover_text(Command::DrawPrompt.help()).clicked() {
        actions.push(Action::Command(Command::DrawPrompt));
    }
    let mut chosen = lang;
    egui::ComboBox::from_label("Prompt language").selected_text(lang.name()).show_ui(ui, |ui| {
        for l in Lang::ALL {
            ui.selectable_value(&mut chosen, l, l.name());
        }
    });
    if chosen != lang {
        actions.push(Action::SetPromptLang(chosen));
    }
}

fn timer_ui(ui: &mut Ui, board: &Board, now: Timestamp, actions: &mut Vec<Action>) {
    let timer = board.session.timer;
    let left = format_clock(timer.left_ms(now));
    let colour = if timer.is_up(now) { style::calm_signal(ui.visuals()) } else { ui.visuals().strong_text_color() };
    let response = ui.label(RichText::new(format!("⏱ {left}")).monospace().size(18.0).color(colour));
    let state = match timer {
        Timer::Stopped { .. } => "stopped",
        Timer::Running { .. } => "running",
        Timer::Paused { .. } => "paused",
    };
    let label = format!("Timer {left} {state}");
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &label));
    match timer {
        Timer::Stopped { secs } => {
            let mut minutes = secs.div_ceil(60);
            let drag = ui.add(DragValue::new(&mut minutes).range(1..=600).suffix(" min"));
            drag.widget_info(|| egui::WidgetInfo::labeled(egui::Role::SpinButton, true, "Timer minutes"));
            if drag.changed() {
                actions.push(set_session(board, "Set timer", |s| s.timer = Timer::set(minutes * 60)));
            }
            if ui.button("▶ Start timer").clicked() {
                actions.push(set_session(board, "Start timer", |s| s.timer = s.timer.start(now)));
            }
        }
        Timer::Running { .. } => {
            if ui.button("⏸ Pause timer").clicked() {
                actions.push(set_session(board, "Pause timer", |s| s.timer = s.timer.pause(now)));
            }
        }
        Timer::Paused { .. } => {
            if ui.button("▶ Resume timer").clicked() {
                actions.push(set_session(board, "Resume timer", |s| s.timer = s.timer.start(now)));
            }
        }
    }
    if ui.button("+1 min").on_hover_text("Give everyone another minute").clicked() {
        actions.push(set_session(board, "Extend timer", |s| s.timer = s.timer.extend(60, now)));
    }
    if !matches!(timer, Timer::Stopped { .. }) && ui.button("⏹ End timer").clicked() {
        actions.push(set_session(board, "End timer", |s| s.timer = Timer::set(s.timer.set_secs())));
    }
}

fn suggestions_ui(ui: &mut Ui, board: &Board, actions: &mut Vec<Action>) {
    let suggestions = suggest_themes(board);
    if suggestions.is_empty() {
        ui.label(RichText::new("No theme suggestions: no two unsorted ideas share a tag or a telling word.").weak());
        return;
    }
    ui.label("Suggested themes:");
    for s in suggestions {
        let text = format!("➕ {} ({})", s.name, s.items.len());
        let response = ui.button(text).on_hover_text(format!("Ideas sharing {}; click to make it a theme", s.reason));
        let label = format!("Suggested theme {}", s.name);
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
        if response.clicked() {
            actions.push(Action::edit(rules::accept_suggestion(board, &s), format!("Theme “{}”", s.name)));
        }
    }
}

fn vote_bar_ui(ui: &mut Ui, board: &Board, you: &str, actions: &mut Vec<Action>) {
    let session = &board.session;
    let mut dots = session.dots_per_person;
    let drag = ui.add(DragValue::new(&mut dots).range(1..=MAX_DOTS).prefix("Dots per person: "));
    drag.widget_info(|| egui::WidgetInfo::labeled(egui::Role::SpinButton, true, "Dots per person"));
    if drag.changed() {
        actions.push(set_session(board, "Set dots per person", |s| s.dots_per_person = dots));
    }
    let left = board.dots_left(you);
    ui.label(format!("You have {left} of {dots} dots left"));
    ui.separator();
    if session.votes_revealed {
        if ui.button("Hide totals").clicked() {
            actions.push(set_session(board, "Hide vote totals", |s| s.votes_revealed = false));
        }
        let ranking = board.ranking();
        let top: Vec<String> = ranking
            .iter()
            .take(3)
            .map(|(item, n)| format!("{} ({n})", crate::model::one_line(&item.kind.summary(), 30)))
            .collect();
        if !top.is_empty() {
            ui.label(format!("Most dots: {}", top.join(" · ")));
        }
    } else {
        let placed = board.live_votes().count();
        ui.label(format!("{placed} dot{} placed", if placed == 1 { "" } else { "s" }));
        if ui.button("Reveal votes").on_hover_text("Show everyone the totals").clicked() {
            actions.push(set_session(board, "Reveal votes", |s| s.votes_revealed = true));
        }
    }
}

/// Places one of `you`'s dots on each item that can take one, as one step; says why not.
pub fn give_dots(board: &Board, items: &[ItemId], you: &str) -> Action {
    Action::rule(rules::give_dots(board, items, you), "Give a dot")
}

/// Takes back one of `you`'s dots from each item that has one.
pub fn take_dots(board: &Board, items: &[ItemId], you: &str) -> Action {
    Action::rule(rules::take_dots(board, items, you), "Take a dot back")
}

/// The item's dots, reactions and replies, in the inspector. Hidden while collecting.
pub fn item_judgment_ui(ui: &mut Ui, board: &Board, item: &Item, you: &str, actions: &mut Vec<Action>) {
    let session = &board.session;
    if !session.phase.shows_judgment() {
        ui.label(RichText::new("Votes and comments are hidden while collecting: no judging yet.").weak());
        return;
    }
    if is_prompt(item) {
        ui.label(RichText::new("A prompt card: answer it with ideas of your own.").weak());
        return;
    }
    let id = &item.id;
    if session.phase == Phase::Vote || board.vote_total(id) > 0 {
        ui.label(RichText::new("Dots").strong());
        let mine = board.votes_by_on(you, id).len();
        ui.horizontal_wrapped(|ui| {
            ui.label(format!("Yours: {}", "🔴".repeat(mine)));
            if session.totals_shown() {
                let total = board.vote_total(id);
                let response = ui.label(format!("{total} in all"));
                let label = format!("Dots in all: {total}");
                response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &label));
            } else {
                ui.label(RichText::new("totals hidden until revealed").weak());
            }
        });
        if session.phase == Phase::Vote {
            ui.horizontal(|ui| {
                let left = board.dots_left(you);
                if ui.add_enabled(left > 0, Button::new(format!("Give a dot ({left} left)"))).clicked() {
                    actions.push(give_dots(board, std::slice::from_ref(id), you));
                }
                if ui.add_enabled(mine > 0, Button::new("Take a dot back")).clicked() {
                    actions.push(take_dots(board, std::slice::from_ref(id), you));
                }
            });
        }
        ui.separator();
    }
    ui.label(RichText::new("Reactions").strong());
    let responses = board.responses_to(id);
    let counts = board.reaction_counts(id);
    ui.horizontal_wrapped(|ui| {
        for reaction in Reaction::ALL {
            let count = counts.iter().find(|(r, _)| *r == reaction).map_or(0, |(_, n)| *n);
            let mine = board.reaction_by(you, id, reaction);
            let text = if count > 0 { format!("{} {count}", reaction.glyph()) } else { reaction.glyph().to_owned() };
            let response = ui.selectable_label(mine.is_some(), text).on_hover_text(reaction.name());
            let label = format!("React {}", reaction.name());
            response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, mine.is_some(), &label));
            if response.clicked() {
                let label = if mine.is_some() {
                    "Take back reaction".to_owned()
                } else {
                    format!("React “{}”", reaction.name())
                };
                actions.push(Action::rule(rules::toggle_reaction(board, id, you, reaction), label));
            }
        }
    });
    ui.label(RichText::new("Replies").strong());
    let hide = session.hides_contributors();
    for r in responses.iter().filter(|r| matches!(r.answer, Answer::Reply(_))) {
        let Answer::Reply(text) = &r.answer else { continue };
        ui.horizontal_wrapped(|ui| {
            let who = if hide { "someone" } else { r.by.as_str() };
            ui.label(RichText::new(format!("{who}:")).weak());
            ui.label(text);
            if r.by.trim().eq_ignore_ascii_case(you.trim())
                && ui.small_button("✖").on_hover_text("Delete your reply").clicked()
            {
                actions.push(Action::rule(rules::delete_reply(board, &r.id, you), "Delete reply"));
            }
        });
    }
    let salt = ("reply", id.as_str().to_owned(), responses.len());
    if let Some(text) = committed_text(ui, salt, "Reply", "", false, "Yes, and… (Enter to send)")
        && !text.trim().is_empty()
    {
        actions.push(Action::rule(rules::reply(board, id, you, &text), "Reply"));
    }
}

/// What a card shows of its votes and responses, given the session's rules.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CardJudgment {
    /// Dots `you` placed on it.
    pub my_dots: usize,
    /// All dots, once revealed (or outside a session).
    pub total_dots: Option<usize>,
    /// Each reaction given, with its count.
    pub reactions: Vec<(&'static str, usize)>,
    pub replies: usize,
    /// In the React step: nobody has answered it yet.
    pub unanswered: bool,
}

impl CardJudgment {
    /// "2 dots, ♥ 1, 3 replies" for the card's accessible label.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if self.my_dots > 0 {
            parts.push(format!("your dots {}", self.my_dots));
        }
        if let Some(total) = self.total_dots.filter(|n| *n > 0) {
            parts.push(format!("{total} dot{} in all", if total == 1 { "" } else { "s" }));
        }
        for (glyph, n) in &self.reactions {
            parts.push(format!("{glyph} {n}"));
        }
        if self.replies > 0 {
            parts.push(format!("{} repl{}", self.replies, if self.replies == 1 { "y" } else { "ies" }));
        }
        if self.unanswered {
            parts.push("no reaction yet".to_owned());
        }
        parts.join(", ")
    }

    /// Nothing to show: no dots, reactions, replies or mark.
    pub fn is_empty(&self) -> bool {
        self.describe().is_empty()
    }
}

/// The judgment shown on `item`'s card, or `None` while collecting (and for prompts).
pub fn card_judgment(board: &Board, item: &Item, you: &str) -> Option<CardJudgment> {
    let session = &board.session;
    if !session.phase.shows_judgment() || is_prompt(item) {
        return None;
    }
    let responses = board.responses_to(&item.id);
    let reactions = board.reaction_counts(&item.id).into_iter().map(|(r, n)| (r.glyph(), n)).collect();
    Some(CardJudgment {
        my_dots: board.votes_by_on(you, &item.id).len(),
        total_dots: session.totals_shown().then(|| board.vote_total(&item.id)),
        reactions,
        replies: responses.iter().filter(|r| matches!(r.answer, Answer::Reply(_))).count(),
        unanswered: session.phase == Phase::React && responses.is_empty(),
    })
}
