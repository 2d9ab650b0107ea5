//! The facilitator's session bar (phase, timer, hidden authors, dots, reveal, the count
//! of unanswered ideas, theme suggestions) and an item's votes and responses in the
//! inspector. Everything returns edits; nothing here changes the board.

use crate::tr;
use egui::{Button, DragValue, RichText, Ui};

use super::derived::Derived;
use super::widgets::committed_text;
use super::{Action, Command, style};
use crate::model::{
    Answer, Board, Item, ItemId, MAX_DOTS, Phase, Reaction, Session, Timer, Timestamp, format_clock, is_prompt, rules,
};
use crate::prompts::Lang;

/// The action that changes the session's settings (see [`rules::change_session`]).
pub fn set_session(board: &Board, label: impl Into<String>, change: impl FnOnce(&mut Session)) -> Action {
    Action::edit(rules::change_session(board, change), label)
}

/// Starts a session at the collect step, or ends the one running.
pub fn toggle_session(board: &Board) -> Action {
    let starts = board.session.phase == Phase::Off;
    Action::edit(rules::toggle_session(board), if starts { tr!("menu-start-session") } else { tr!("menu-end-session") })
}

/// The bar under the goals while a session runs. `lang` is the prompt deck's language;
/// `inviting`: how many people have joined, while the join server runs; `derived`: the
/// board's figures, for `you`.
pub fn session_bar_ui(
    ui: &mut Ui,
    board: &Board,
    derived: &Derived,
    lang: Lang,
    inviting: Option<usize>,
    actions: &mut Vec<Action>,
) {
    let session = &board.session;
    let now = Timestamp::now();
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(tr!("session-title")).strong());
        for phase in Phase::STEPS {
            let on = session.phase == phase;
            let name = super::words::phase_name(phase);
            let response = ui.selectable_label(on, &name).on_hover_text(super::words::phase_hint(phase));
            let label = tr!("session-phase-label", phase = name);
            response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, on, &label));
            if response.clicked() && !on {
                actions.push(set_session(board, tr!("step-go-to-phase", phase = name), |s| s.phase = phase));
            }
        }
        ui.separator();
        timer_ui(ui, board, now, actions);
        ui.separator();
        let mut hide = session.hide_contributors;
        if ui.checkbox(&mut hide, tr!("session-hide-who")).on_hover_text(tr!("session-hide-who-help")).changed() {
            let label = if hide { tr!("step-hide-contributors") } else { tr!("step-show-contributors") };
            actions.push(set_session(board, &label, |s| s.hide_contributors = hide));
        }
        let mut private = session.private_collect;
        if ui.checkbox(&mut private, tr!("session-private")).on_hover_text(tr!("session-private-help")).changed() {
            let label = if private { tr!("step-collect-privately") } else { tr!("step-collect-openly") };
            actions.push(set_session(board, &label, |s| s.private_collect = private));
        }
        ui.separator();
        match inviting {
            None => {
                if ui.button(tr!("session-invite")).on_hover_text(tr!("session-invite-help")).clicked() {
                    actions.push(Action::StartInviting);
                }
            }
            Some(joined) => {
                let text = tr!("session-inviting", count = joined);
                if ui.button(text).on_hover_text(tr!("session-inviting-help")).clicked() {
                    actions.push(Action::ShowInvitation);
                }
                if ui.button(tr!("session-show-new")).on_hover_text(tr!("session-show-new-help")).clicked() {
                    actions.push(Action::ShowArrivals);
                }
                if ui.button(tr!("session-stop-inviting")).clicked() {
                    actions.push(Action::StopInviting);
                }
            }
        }
        ui.separator();
        if ui.button(tr!("menu-end-session")).on_hover_text(tr!("session-end-help")).clicked() {
            actions.push(toggle_session(board));
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(super::words::phase_hint(session.phase)).weak());
        if session.collects_privately() {
            let down = derived.face_down(board);
            let text = match (down.ideas, down.people, down.anonymous) {
                (0, _, _) => tr!("session-private-empty"),
                (n, 0, 0) => tr!("session-private-in", count = n),
                (n, people, 0) => tr!("session-private-from", count = n, people = people),
                (n, people, anonymous) => {
                    tr!("session-private-from-anonymous", count = n, people = people, anonymous = anonymous)
                }
            };
            ui.label(RichText::new(text).strong());
        }
        if session.timer.is_up(now) {
            let response = ui.colored_label(style::calm_signal(ui.visuals()), tr!("session-time-up"));
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, tr!("session-time-up-label")));
        }
    });
    ui.horizontal_wrapped(|ui| match session.phase {
        Phase::Collect => {
            prompt_ui(ui, lang, actions);
        }
        Phase::Cluster => suggestions_ui(ui, board, derived, actions),
        Phase::Vote => vote_bar_ui(ui, board, derived, actions),
        Phase::React => {
            let open = derived.unanswered(board);
            let text = if open == 0 { tr!("session-all-answered") } else { tr!("session-unanswered", count = open) };
            let colour = if open == 0 { style::ok_text(ui.visuals()) } else { style::warn_text(ui.visuals()) };
            let response = ui.colored_label(colour, &text);
            let label = tr!("session-unanswered-label", text = text);
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &label));
            prompt_ui(ui, lang, actions);
        }
        Phase::Off => {}
    });
}

fn prompt_ui(ui: &mut Ui, lang: Lang, actions: &mut Vec<Action>) {
    if ui.button(format!("🎴 {}", Command::DrawPrompt.text())).on_hover_text(Command::DrawPrompt.help()).clicked() {
        actions.push(Action::Command(Command::DrawPrompt));
    }
    let mut chosen = lang;
    egui::ComboBox::from_label(tr!("session-prompt-language")).selected_text(lang.name()).show_ui(ui, |ui| {
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
    let label = tr!("timer-label", left = left, state = state);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &label));
    match timer {
        Timer::Stopped { secs } => {
            let mut minutes = secs.div_ceil(60);
            let drag =
                ui.add(DragValue::new(&mut minutes).range(1..=600).suffix(format!(" {}", tr!("timer-minutes-suffix"))));
            drag.widget_info(|| egui::WidgetInfo::labeled(egui::Role::SpinButton, true, tr!("timer-minutes-label")));
            if drag.changed() {
                actions.push(set_session(board, tr!("step-set-timer"), |s| s.timer = Timer::set(minutes * 60)));
            }
            if ui.button(tr!("timer-start")).clicked() {
                actions.push(set_session(board, tr!("step-start-timer"), |s| s.timer = s.timer.start(now)));
            }
        }
        Timer::Running { .. } => {
            if ui.button(tr!("timer-pause")).clicked() {
                actions.push(set_session(board, tr!("step-pause-timer"), |s| s.timer = s.timer.pause(now)));
            }
        }
        Timer::Paused { .. } => {
            if ui.button(tr!("timer-resume")).clicked() {
                actions.push(set_session(board, tr!("step-resume-timer"), |s| s.timer = s.timer.start(now)));
            }
        }
    }
    if ui.button(tr!("timer-extend")).on_hover_text(tr!("timer-extend-help")).clicked() {
        actions.push(set_session(board, tr!("step-extend-timer"), |s| s.timer = s.timer.extend(60, now)));
    }
    if !matches!(timer, Timer::Stopped { .. }) && ui.button(tr!("timer-end")).clicked() {
        actions.push(set_session(board, tr!("step-end-timer"), |s| s.timer = Timer::set(s.timer.set_secs())));
    }
}

fn suggestions_ui(ui: &mut Ui, board: &Board, derived: &Derived, actions: &mut Vec<Action>) {
    let suggestions = derived.suggestions(board);
    if suggestions.is_empty() {
        ui.label(RichText::new(tr!("suggest-none")).weak());
        return;
    }
    ui.label(tr!("suggest-title"));
    for s in suggestions.iter() {
        let text = format!("➕ {} ({})", s.name, s.items.len());
        let response = ui.button(text).on_hover_text(tr!("suggest-help", reason = crate::i18n::say(&s.reason)));
        let label = tr!("suggest-label", theme = s.name.as_str());
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
        if response.clicked() {
            actions.push(Action::edit(
                rules::accept_suggestion(board, s),
                tr!("step-suggested-theme", theme = s.name.as_str()),
            ));
        }
    }
}

fn vote_bar_ui(ui: &mut Ui, board: &Board, derived: &Derived, actions: &mut Vec<Action>) {
    let session = &board.session;
    let mut dots = session.dots_per_person;
    let drag = ui.add(DragValue::new(&mut dots).range(1..=MAX_DOTS).prefix(format!("{} ", tr!("vote-dots-prefix"))));
    drag.widget_info(|| egui::WidgetInfo::labeled(egui::Role::SpinButton, true, tr!("vote-dots-label")));
    if drag.changed() {
        actions.push(set_session(board, tr!("step-set-dots"), |s| s.dots_per_person = dots));
    }
    let left = derived.dots_left(board);
    ui.label(tr!("vote-left", left = left, dots = dots));
    ui.separator();
    if session.votes_revealed {
        if ui.button(tr!("vote-hide-totals")).clicked() {
            actions.push(set_session(board, tr!("step-hide-totals"), |s| s.votes_revealed = false));
        }
        let top: Vec<String> = derived.top_voted(board).iter().map(|(text, n)| format!("{text} ({n})")).collect();
        if !top.is_empty() {
            ui.label(tr!("vote-most", top = top.join(" · ")));
        }
    } else {
        let placed = derived.live_votes(board);
        ui.label(tr!("vote-placed", count = placed));
        if ui.button(tr!("vote-reveal")).on_hover_text(tr!("vote-reveal-help")).clicked() {
            actions.push(set_session(board, tr!("vote-reveal"), |s| s.votes_revealed = true));
        }
    }
}

/// Places one of `you`'s dots on each item that can take one, as one step; says why not.
pub fn give_dots(board: &Board, items: &[ItemId], you: &str) -> Action {
    Action::rule(rules::give_dots(board, items, you), Command::GiveDot.text())
}

/// Takes back one of `you`'s dots from each item that has one.
pub fn take_dots(board: &Board, items: &[ItemId], you: &str) -> Action {
    Action::rule(rules::take_dots(board, items, you), Command::TakeDot.text())
}

/// The item's dots, reactions and replies, in the inspector. Hidden while collecting.
/// The item's dots, reactions and replies in the inspector; `derived` counts them.
pub fn item_judgment_ui(
    ui: &mut Ui,
    board: &Board,
    derived: &Derived,
    item: &Item,
    you: &str,
    actions: &mut Vec<Action>,
) {
    let session = &board.session;
    if !session.phase.shows_judgment() {
        ui.label(RichText::new(tr!("judgment-hidden")).weak());
        return;
    }
    if is_prompt(item) {
        ui.label(RichText::new(tr!("judgment-prompt")).weak());
        return;
    }
    let id = &item.id;
    let votes = derived.item_votes(board, id);
    if session.phase == Phase::Vote || votes.dots > 0 {
        ui.label(RichText::new(tr!("judgment-dots")).strong());
        let mine = votes.mine;
        ui.horizontal_wrapped(|ui| {
            ui.label(tr!("judgment-yours", dots = "🔴".repeat(mine)));
            if session.totals_shown() {
                let total = votes.dots;
                let response = ui.label(tr!("judgment-in-all", count = total));
                let label = tr!("judgment-in-all-label", count = total);
                response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &label));
            } else {
                ui.label(RichText::new(tr!("judgment-totals-hidden")).weak());
            }
        });
        if session.phase == Phase::Vote {
            ui.horizontal(|ui| {
                let left = derived.dots_left(board);
                if ui.add_enabled(left > 0, Button::new(tr!("judgment-give-dot", left = left))).clicked() {
                    actions.push(give_dots(board, std::slice::from_ref(id), you));
                }
                if ui.add_enabled(mine > 0, Button::new(Command::TakeDot.text())).clicked() {
                    actions.push(take_dots(board, std::slice::from_ref(id), you));
                }
            });
        }
        ui.separator();
    }
    ui.label(RichText::new(tr!("judgment-reactions")).strong());
    let responses = &votes.responses;
    ui.horizontal_wrapped(|ui| {
        for (k, reaction) in Reaction::ALL.into_iter().enumerate() {
            let (count, mine) = (votes.reactions[k], votes.my_reactions[k]);
            // Its mark and its name (the marks alone said little to someone new), and how
            // many gave it.
            let name = super::words::reaction_name(reaction);
            let text = if count > 0 {
                format!("{} {name} · {count}", reaction.glyph())
            } else {
                format!("{} {name}", reaction.glyph())
            };
            let response = ui.selectable_label(mine, text).on_hover_text(&name);
            let label = tr!("judgment-react-label", reaction = name);
            response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, mine, &label));
            if response.clicked() {
                let label = if mine { tr!("step-take-back-reaction") } else { tr!("step-react", reaction = name) };
                actions.push(Action::rule(rules::toggle_reaction(board, id, you, reaction), label));
            }
        }
    });
    ui.label(RichText::new(tr!("judgment-replies")).strong());
    let hide = session.hides_contributors();
    for r in responses.iter().filter(|r| matches!(r.answer, Answer::Reply(_))) {
        let Answer::Reply(text) = &r.answer else { continue };
        ui.horizontal_wrapped(|ui| {
            let who = if hide { tr!("card-someone") } else { r.by.clone() };
            ui.label(RichText::new(format!("{who}:")).weak());
            ui.label(text);
            if r.by.trim().eq_ignore_ascii_case(you.trim())
                && ui.small_button("✖").on_hover_text(tr!("judgment-delete-reply")).clicked()
            {
                actions.push(Action::rule(rules::delete_reply(board, &r.id, you), tr!("step-delete-reply")));
            }
        });
    }
    let salt = ("reply", id.as_str().to_owned(), responses.len());
    if let Some(text) = committed_text(ui, salt, tr!("judgment-reply"), "", false, tr!("judgment-reply-hint"))
        && !text.trim().is_empty()
    {
        actions.push(Action::rule(rules::reply(board, id, you, &text), tr!("judgment-reply")));
    }
}
