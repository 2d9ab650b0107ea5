//! The inspector: the fields of the selected item, of several selected items at once,
//! or, with nothing selected, the board's title, description and goals.
//! Every field commits when the user leaves it, as one undo step.

use crate::tr;
use egui::{ComboBox, RichText, Ui};

use super::view::ViewState;
use super::widgets::committed_text;
use super::{Action, Command, style};
use crate::model::kinds::{Detail, Shown};
use crate::model::{Board, BoardMeta, Edit, Item, ItemChange, ItemId, RECOMMENDED_MAX_GOALS, ThemeId, Timestamp};

/// Draws the inspector for the current selection.
/// `you` is the name written as contributor on what this user adds.
pub fn inspector_ui(
    ui: &mut Ui,
    board: &Board,
    view: &ViewState,
    sources: &[String],
    you: &str,
    actions: &mut Vec<Action>,
) {
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        ui.add_space(6.0);
        let selected: Vec<&Item> = board.items.iter().filter(|i| view.canvas.selection.contains(&i.id)).collect();
        let connector = view.canvas.connector.as_ref().and_then(|id| board.shown_connector(id));
        match selected.as_slice() {
            [] if let Some(connector) = connector => super::connectors::inspector_ui(ui, board, connector, actions),
            [] => board_ui(ui, board, you, actions),
            [item] if board.face_down(item) => {
                ui.heading(tr!("inspector-face-down"));
                ui.label(tr!("inspector-face-down-text"));
            }
            [item] => item_ui(ui, (board, &view.figures), item, sources, you, actions),
            many => many_ui(ui, board, many, actions),
        }
    });
}

fn change(id: &ItemId, change: ItemChange) -> Edit {
    Edit::ChangeItem { id: id.clone(), change, at: Timestamp::now() }
}

fn board_ui(ui: &mut Ui, board: &Board, you: &str, actions: &mut Vec<Action>) {
    ui.heading(tr!("inspector-board"));
    let meta = board.meta();
    if let Some(title) =
        committed_text(ui, "board-title", tr!("inspector-title"), &board.title, false, tr!("inspector-title-hint"))
    {
        actions.push(Action::edit(
            Edit::SetMeta { meta: BoardMeta { title, ..meta.clone() }, at: Timestamp::now() },
            tr!("step-rename-board"),
        ));
    }
    if let Some(description) = committed_text(
        ui,
        "board-description",
        tr!("inspector-description"),
        &board.description,
        true,
        tr!("inspector-description-hint"),
    ) {
        let edit = Edit::SetMeta { meta: BoardMeta { description, ..meta.clone() }, at: Timestamp::now() };
        actions.push(Action::edit(edit, tr!("step-change-description")));
    }
    ui.add_space(8.0);
    ui.label(RichText::new(tr!("inspector-goals")).strong());
    ui.label(RichText::new(tr!("inspector-goals-help")).weak());
    for (index, goal) in board.goals.iter().enumerate() {
        if let Some(text) = committed_text(
            ui,
            ("goal", index),
            tr!("inspector-goal-n", n = index + 1),
            goal,
            false,
            tr!("inspector-goal-hint"),
        ) {
            let mut goals = board.goals.clone();
            if text.trim().is_empty() {
                goals.remove(index);
            } else {
                goals[index] = text.trim().to_owned();
            }
            actions.push(Action::edit(
                Edit::SetMeta { meta: BoardMeta { goals, ..meta.clone() }, at: Timestamp::now() },
                tr!("step-change-goal"),
            ));
        }
        let remove = ui.small_button(tr!("inspector-remove-goal-n", n = index + 1));
        if remove.clicked() {
            let mut goals = board.goals.clone();
            goals.remove(index);
            actions.push(Action::edit(
                Edit::SetMeta { meta: BoardMeta { goals, ..meta.clone() }, at: Timestamp::now() },
                tr!("step-remove-goal"),
            ));
        }
    }
    if let Some(goal) = committed_text(
        ui,
        ("new-goal", board.goals.len()),
        tr!("inspector-new-goal"),
        "",
        false,
        tr!("inspector-new-goal-hint"),
    ) && !goal.trim().is_empty()
    {
        let mut goals = board.goals.clone();
        goals.push(goal.trim().to_owned());
        actions.push(Action::edit(
            Edit::SetMeta { meta: BoardMeta { goals, ..meta }, at: Timestamp::now() },
            tr!("step-add-goal"),
        ));
    }
    if board.goals.len() > RECOMMENDED_MAX_GOALS {
        ui.colored_label(style::warn_text(ui.visuals()), tr!("inspector-too-many-goals"));
    }
    ui.add_space(8.0);
    own_prompts_ui(ui, board, actions);
    ui.add_space(12.0);
    ui.label(RichText::new(tr!("inspector-select-hint")).weak());
    ui.separator();
    if let Some(name) =
        committed_text(ui, "your-name", tr!("inspector-your-name"), you, false, tr!("inspector-your-name-hint"))
    {
        actions.push(Action::SetName(name.trim().to_owned()));
    }
    ui.label(RichText::new(tr!("inspector-your-name-help")).weak());
}

fn item_ui(
    ui: &mut Ui,
    (board, derived): (&Board, &super::derived::Derived),
    item: &Item,
    sources: &[String],
    you: &str,
    actions: &mut Vec<Action>,
) {
    let id = &item.id;
    ui.heading(super::words::kind_title(item.kind.tag()));
    let salt = |field: &str| (id.as_str().to_owned(), field.to_owned());
    let behaviour = item.kind.behaviour();
    let details = behaviour.details();
    for detail in &details {
        if let Detail::Info(message) = detail {
            ui.label(crate::i18n::say(message));
        }
    }
    for field in item.kind.spec().fields {
        let value = behaviour.field(field.key).unwrap_or_default();
        let shown = match field.in_inspector {
            Shown::Always => true,
            Shown::WhenFilled => !value.is_empty(),
            Shown::Never => false,
        };
        if !shown {
            continue;
        }
        let hint = super::words::hint(field.hint);
        if let Some(typed) = committed_text(ui, salt(field.key), tr!(field.label), value, field.multiline, hint) {
            match item.kind.edited(field.key, &typed) {
                Ok(kind) if kind != item.kind => {
                    actions.push(Action::edit(Edit::change_kind(item, kind, Timestamp::now()), tr!(field.step)));
                }
                Ok(_) => {}
                Err(e) => actions.push(Action::Error(crate::i18n::said(&e))),
            }
        }
    }
    for detail in details {
        match detail {
            Detail::Info(_) => {}
            Detail::Warning(message) => {
                ui.colored_label(style::warn_text(ui.visuals()), crate::i18n::say(&message));
            }
            Detail::Open(url) => {
                if ui.button(tr!("card-open-link")).on_hover_text(url.as_str()).clicked() {
                    actions.push(Action::OpenUrl(url));
                }
            }
            Detail::Change { label, help, to } => {
                if ui.button(tr!(label)).on_hover_text(tr!(help)).clicked() {
                    actions.push(Action::edit(Edit::change_kind(item, *to, Timestamp::now()), tr!(label)));
                }
            }
        }
    }
    ui.separator();
    theme_combo(ui, board, std::slice::from_ref(&item), actions);
    if let Some(v) = committed_text(
        ui,
        salt("tags"),
        tr!("inspector-tags"),
        &item.tags.join(", "),
        false,
        tr!("inspector-tags-hint"),
    ) {
        let tags = parse_tags(&v);
        if tags != item.tags {
            actions.push(Action::edit(change(id, ItemChange::Tags(tags)), tr!("step-change-tags")));
        }
    }
    if let Some(v) =
        committed_text(ui, salt("source"), tr!("inspector-source"), &item.source, false, tr!("inspector-source-hint"))
    {
        actions.push(Action::edit(change(id, ItemChange::Source(v.trim().to_owned())), tr!("step-change-source")));
    }
    ui.horizontal_wrapped(|ui| {
        for source in sources.iter().filter(|s| **s != item.source).take(6) {
            if ui.small_button(source).on_hover_text(tr!("inspector-use-source")).clicked() {
                actions.push(Action::edit(change(id, ItemChange::Source(source.clone())), tr!("step-change-source")));
            }
        }
    });
    ui.separator();
    super::session::item_judgment_ui(ui, board, derived, item, you, actions);
    ui.separator();
    let hidden = board.session.hides_contributors();
    let who = if item.contributor.trim().is_empty() { tr!("card-someone") } else { item.contributor.clone() };
    if hidden {
        ui.label(RichText::new(tr!("inspector-hidden-who")).weak());
    } else {
        ui.label(tr!("inspector-added-by", who = who));
    }
    ui.label(
        RichText::new(tr!(
            "inspector-times",
            created = item.created.to_short_string(),
            changed = item.modified.to_short_string()
        ))
        .weak(),
    );
    let mut locked = item.locked;
    if ui.checkbox(&mut locked, tr!("inspector-locked")).on_hover_text(Command::ToggleLock.help()).changed() {
        actions.push(Action::edit(
            change(id, ItemChange::Locked(locked)),
            if locked { tr!("step-lock") } else { tr!("step-unlock") },
        ));
    }
    ui.add_space(8.0);
    if ui.add_enabled(!board.fixed(item), egui::Button::new(tr!("inspector-delete-item"))).clicked() {
        actions.push(Action::Command(Command::Delete));
    }
}

fn many_ui(ui: &mut Ui, board: &Board, items: &[&Item], actions: &mut Vec<Action>) {
    ui.heading(tr!("inspector-selected", things = super::canvas::things(items.len())));
    theme_combo(ui, board, items, actions);
    if let Some(v) = committed_text(ui, "many-tag", tr!("inspector-add-tag"), "", false, tr!("inspector-add-tag-hint"))
    {
        let tags = parse_tags(&v);
        let edits: Vec<Edit> = items
            .iter()
            .filter_map(|item| {
                let mut new = item.tags.clone();
                for t in &tags {
                    if !new.contains(t) {
                        new.push(t.clone());
                    }
                }
                (new != item.tags).then(|| change(&item.id, ItemChange::Tags(new)))
            })
            .collect();
        if !edits.is_empty() {
            actions.push(Action::edit(Edit::Batch(edits), tr!("inspector-add-tag")));
        }
    }
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        if ui.button(Command::ToggleLock.text()).clicked() {
            actions.push(Action::Command(Command::ToggleLock));
        }
        if ui.button(tr!("inspector-delete-items")).clicked() {
            actions.push(Action::Command(Command::Delete));
        }
    });
}

/// The theme picker; sets the theme of every item in `items` as one step.
fn theme_combo(ui: &mut Ui, board: &Board, items: &[&Item], actions: &mut Vec<Action>) {
    let current: Option<Option<&ThemeId>> = {
        let first = items.first().map(|i| board.theme_of(i));
        first.filter(|f| items.iter().all(|i| board.theme_of(i) == *f))
    };
    let shown = match current {
        Some(theme) => super::words::theme_name(board, theme),
        None => tr!("inspector-several").to_owned(),
    };
    let mut chosen: Option<Option<ThemeId>> = None;
    ComboBox::from_label(tr!("inspector-theme")).selected_text(shown).show_ui(ui, |ui| {
        let targets = board
            .themes
            .iter()
            .map(|t| (Some(t.id.clone()), if t.locked { format!("🔒 {}", t.name) } else { t.name.clone() }));
        for (theme, name) in targets.chain(std::iter::once((None, tr!("theme-unsorted")))) {
            if ui.selectable_label(current == Some(theme.as_ref()), name).clicked() {
                chosen = Some(theme);
            }
        }
    });
    if let Some(theme) = chosen {
        actions.extend(super::canvas::move_to_theme(board, items.iter().map(|i| &i.id), theme));
    }
}

/// "a, b ,,c" → ["a", "b", "c"], without duplicates.
pub fn parse_tags(text: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for tag in text.split(',').map(|t| t.trim().trim_start_matches('#').trim()) {
        if !tag.is_empty() && !tags.iter().any(|t| t == tag) {
            tags.push(tag.to_owned());
        }
    }
    tags
}

/// The facilitator's own prompts, drawn along with the shipped deck.
fn own_prompts_ui(ui: &mut Ui, board: &Board, actions: &mut Vec<Action>) {
    ui.label(RichText::new(tr!("inspector-own-prompts")).strong());
    ui.label(RichText::new(tr!("inspector-own-prompts-help")).weak());
    let own = &board.session.own_prompts;
    for (index, prompt) in own.iter().enumerate() {
        ui.horizontal_wrapped(|ui| {
            if ui.small_button("✖").on_hover_text(tr!("inspector-remove-prompt")).clicked() {
                actions.push(super::session::set_session(board, tr!("step-remove-prompt"), |s| {
                    s.own_prompts.remove(index);
                }));
            }
            ui.label(prompt);
        });
    }
    if let Some(text) = committed_text(
        ui,
        ("new-prompt", own.len()),
        tr!("inspector-new-prompt"),
        "",
        false,
        tr!("inspector-new-prompt-hint"),
    ) && !text.trim().is_empty()
    {
        actions.push(super::session::set_session(board, tr!("step-add-prompt"), |s| {
            s.own_prompts.push(text.trim().to_owned())
        }));
    }
}
