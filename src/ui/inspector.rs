//! The inspector: the fields of the selected item, of several selected items at once,
//! or, with nothing selected, the board's title, description and goals.
//! Every field commits when the user leaves it, as one undo step.

use egui::{ComboBox, RichText, Ui};

use super::view::ViewState;
use super::widgets::committed_text;
use super::{Action, Command, style};
use crate::model::{
    Board, BoardMeta, Edit, Item, ItemChange, ItemId, ItemKind, RECOMMENDED_MAX_GOALS, ThemeId, Timestamp, links,
    normalise_hex,
};

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
        let selected: Vec<&Item> = board.items.iter().filter(|i| view.selection.contains(&i.id)).collect();
        match selected.as_slice() {
            [] => board_ui(ui, board, you, actions),
            [item] if board.face_down(item) => {
                ui.heading("Face-down idea");
                ui.label("An idea from a participant's phone. Private collect keeps every idea face down until the session moves on to Cluster, so that no idea anchors the rest.");
            }
            [item] => item_ui(ui, board, item, sources, you, actions),
            many => many_ui(ui, board, many, actions),
        }
    });
}

fn change(id: &ItemId, change: ItemChange) -> Edit {
    Edit::ChangeItem { id: id.clone(), change, at: Timestamp::now() }
}

fn board_ui(ui: &mut Ui, board: &Board, you: &str, actions: &mut Vec<Action>) {
    ui.heading("Board");
    let meta = board.meta();
    if let Some(title) = committed_text(ui, "board-title", "Title", &board.title, false, "What this board is called") {
        actions.push(Action::edit(
            Edit::SetMeta { meta: BoardMeta { title, ..meta.clone() }, at: Timestamp::now() },
            "Rename board",
        ));
    }
    if let Some(description) =
        committed_text(ui, "board-description", "Description", &board.description, true, "What this board collects")
    {
        let edit = Edit::SetMeta { meta: BoardMeta { description, ..meta.clone() }, at: Timestamp::now() };
        actions.push(Action::edit(edit, "Change description"));
    }
    ui.add_space(8.0);
    ui.label(RichText::new("Goals").strong());
    ui.label(RichText::new("The one or two things this board is for. They stay in view while you collect.").weak());
    for (index, goal) in board.goals.iter().enumerate() {
        if let Some(text) = committed_text(ui, ("goal", index), &format!("Goal {}", index + 1), goal, false, "A goal") {
            let mut goals = board.goals.clone();
            if text.trim().is_empty() {
                goals.remove(index);
            } else {
                goals[index] = text.trim().to_owned();
            }
            actions.push(Action::edit(
                Edit::SetMeta { meta: BoardMeta { goals, ..meta.clone() }, at: Timestamp::now() },
                "Change goal",
            ));
        }
        let remove = ui.small_button(format!("Remove goal {}", index + 1));
        if remove.clicked() {
            let mut goals = board.goals.clone();
            goals.remove(index);
            actions.push(Action::edit(
                Edit::SetMeta { meta: BoardMeta { goals, ..meta.clone() }, at: Timestamp::now() },
                "Remove goal",
            ));
        }
    }
    if let Some(goal) =
        committed_text(ui, ("new-goal", board.goals.len()), "New goal", "", false, "Type a goal, then Enter")
        && !goal.trim().is_empty()
    {
        let mut goals = board.goals.clone();
        goals.push(goal.trim().to_owned());
        actions
            .push(Action::edit(Edit::SetMeta { meta: BoardMeta { goals, ..meta }, at: Timestamp::now() }, "Add goal"));
    }
    if board.goals.len() > RECOMMENDED_MAX_GOALS {
        ui.colored_label(
            style::warn_text(ui.visuals()),
            "More than two goals: a board works best with one or two clear ones.",
        );
    }
    ui.add_space(8.0);
    own_prompts_ui(ui, board, actions);
    ui.add_space(12.0);
    ui.label(RichText::new("Select a card to edit it here.").weak());
    ui.separator();
    if let Some(name) = committed_text(ui, "your-name", "Your name", you, false, "Written on everything you add") {
        actions.push(Action::SetName(name.trim().to_owned()));
    }
    ui.label(RichText::new("Kept in your preferences, not in the board.").weak());
}

fn item_ui(ui: &mut Ui, board: &Board, item: &Item, sources: &[String], you: &str, actions: &mut Vec<Action>) {
    let id = &item.id;
    ui.heading(item.kind.tag().title());
    let salt = |field: &str| (id.as_str().to_owned(), field.to_owned());
    let mut kind = item.kind.clone();
    let mut label = "";
    let mut error = None;
    match &mut kind {
        ItemKind::Note { text } => {
            if let Some(v) = committed_text(ui, salt("text"), "Note", text, true, "The brainwave") {
                (*text, label) = (v, "Edit note");
            }
        }
        ItemKind::Quote { text, by, citation } => {
            if let Some(v) = committed_text(ui, salt("text"), "Quote", text, true, "What was said") {
                (*text, label) = (v, "Edit quote");
            }
            if let Some(v) = committed_text(ui, salt("by"), "Said by", by, false, "Who said it") {
                (*by, label) = (v, "Change attribution");
            }
            if let Some(v) = committed_text(ui, salt("citation"), "Citation", citation, false, "Where it was said") {
                (*citation, label) = (v, "Change citation");
            }
        }
        ItemKind::Link { url, title, note, description, picture, .. } => {
            if let Some(v) = committed_text(ui, salt("url"), "Address", url, false, "https://…") {
                (*url, label) = (links::normalise_url(&v), "Change address");
            }
            if let Some(v) = committed_text(ui, salt("title"), "Title", title, false, "What it is") {
                (*title, label) = (v, "Change link title");
            }
            if let Some(v) = committed_text(ui, salt("note"), "Why it matters", note, true, "Optional") {
                (*note, label) = (v, "Change link note");
            }
            if !description.is_empty()
                && let Some(v) =
                    committed_text(ui, salt("description"), "Description", description, true, "What the page says")
            {
                (*description, label) = (v, "Change link description");
            }
            if picture.is_some()
                && ui
                    .button("Remove preview picture")
                    .on_hover_text("Keep the link, without the page's picture")
                    .clicked()
            {
                (*picture, label) = (None, "Remove preview picture");
            }
            if links::is_openable(url) {
                if ui.button("Open link").on_hover_text(url.as_str()).clicked() {
                    actions.push(Action::OpenUrl(url.clone()));
                }
            } else {
                ui.colored_label(
                    style::warn_text(ui.visuals()),
                    "Only http, https and mailto addresses are opened from a board.",
                );
            }
        }
        ItemKind::Image { file_name, pixel_size, caption, .. } => {
            ui.label(format!("{file_name} · {} × {} px", pixel_size.w, pixel_size.h));
            if let Some(v) = committed_text(ui, salt("caption"), "Caption", caption, true, "What it shows, and credit")
            {
                (*caption, label) = (v, "Change caption");
            }
        }
        ItemKind::Colour { hex, name } => {
            if let Some(v) = committed_text(ui, salt("hex"), "Hex", hex, false, "#RRGGBB") {
                match normalise_hex(&v) {
                    Ok(v) => (*hex, label) = (v, "Change colour"),
                    Err(e) => error = Some(e),
                }
            }
            if let Some(v) = committed_text(ui, salt("name"), "Colour name", name, false, "e.g. Sunflower") {
                (*name, label) = (v, "Rename colour");
            }
        }
    }
    if let Some(e) = error {
        actions.push(Action::Error(e));
    }
    if kind != item.kind {
        actions.push(Action::edit(change(id, ItemChange::Kind(kind)), label));
    }
    ui.separator();
    theme_combo(ui, board, std::slice::from_ref(&item), actions);
    if let Some(v) = committed_text(ui, salt("tags"), "Tags", &item.tags.join(", "), false, "comma, separated") {
        let tags = parse_tags(&v);
        if tags != item.tags {
            actions.push(Action::edit(change(id, ItemChange::Tags(tags)), "Change tags"));
        }
    }
    if let Some(v) = committed_text(ui, salt("source"), "Source", &item.source, false, "Where the idea comes from") {
        actions.push(Action::edit(change(id, ItemChange::Source(v.trim().to_owned())), "Change source"));
    }
    ui.horizontal_wrapped(|ui| {
        for source in sources.iter().filter(|s| **s != item.source).take(6) {
            if ui.small_button(source).on_hover_text("Use this source").clicked() {
                actions.push(Action::edit(change(id, ItemChange::Source(source.clone())), "Change source"));
            }
        }
    });
    ui.separator();
    super::session::item_judgment_ui(ui, board, item, you, actions);
    ui.separator();
    let hidden = board.session.hides_contributors();
    let who = if item.contributor.trim().is_empty() { "someone" } else { item.contributor.as_str() };
    if hidden {
        ui.label(RichText::new("Who added it is hidden during this session.").weak());
    } else {
        ui.label(format!("Added by {who}"));
    }
    ui.label(
        RichText::new(format!(
            "Created {} · changed {}",
            item.created.to_short_string(),
            item.modified.to_short_string()
        ))
        .weak(),
    );
    let mut locked = item.locked;
    if ui.checkbox(&mut locked, "Locked").on_hover_text(Command::ToggleLock.help()).changed() {
        actions.push(Action::edit(change(id, ItemChange::Locked(locked)), if locked { "Lock" } else { "Unlock" }));
    }
    ui.add_space(8.0);
    if ui.add_enabled(!item.locked, egui::Button::new("Delete item")).clicked() {
        actions.push(Action::Command(Command::Delete));
    }
}

fn many_ui(ui: &mut Ui, board: &Board, items: &[&Item], actions: &mut Vec<Action>) {
    ui.heading(format!("{} selected", super::canvas::things(items.len())));
    theme_combo(ui, board, items, actions);
    if let Some(v) = committed_text(ui, "many-tag", "Add tag", "", false, "Tag for all of them") {
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
            actions.push(Action::edit(Edit::Batch(edits), "Add tag"));
        }
    }
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        if ui.button("Lock / unlock").clicked() {
            actions.push(Action::Command(Command::ToggleLock));
        }
        if ui.button("Delete items").clicked() {
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
        Some(theme) => board.theme_name(theme).to_owned(),
        None => "(several)".to_owned(),
    };
    let mut chosen: Option<Option<ThemeId>> = None;
    ComboBox::from_label("Theme").selected_text(shown).show_ui(ui, |ui| {
        let targets = board.themes.iter().map(|t| (Some(t.id.clone()), t.name.clone()));
        for (theme, name) in targets.chain(std::iter::once((None, "Unsorted".to_owned()))) {
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
    ui.label(RichText::new("Your own prompts").strong());
    ui.label(RichText::new("Drawn along with the deck (P). They travel with the board.").weak());
    let own = &board.session.own_prompts;
    for (index, prompt) in own.iter().enumerate() {
        ui.horizontal_wrapped(|ui| {
            if ui.small_button("✖").on_hover_text("Remove this prompt").clicked() {
                actions.push(super::session::set_session(board, "Remove prompt", |s| {
                    s.own_prompts.remove(index);
                }));
            }
            ui.label(prompt);
        });
    }
    if let Some(text) =
        committed_text(ui, ("new-prompt", own.len()), "New prompt", "", false, "e.g. What would our founder add?")
        && !text.trim().is_empty()
    {
        actions.push(super::session::set_session(board, "Add prompt", |s| s.own_prompts.push(text.trim().to_owned())));
    }
}
