//! What a merge changed: the summary people read (after it, and in the preview before
//! it), and the edit that takes it back.

use std::collections::HashSet;

use super::Versioned;
use crate::i18n::{Arg, Message, Said};
use crate::model::id_list::{HasId, IdList};
use crate::model::{Board, BoardMeta, Edit, Item, ItemId, Tombstone};

/// What a merge changed, for the message after it, the preview before it and the
/// "new from …" highlight.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MergeSummary {
    pub added: Vec<ItemId>,
    pub changed: Vec<ItemId>,
    /// Items removed, with what they were (they are no longer on the merged board).
    pub removed: Vec<(ItemId, Message)>,
    pub themes_added: usize,
    pub themes_changed: usize,
    pub themes_removed: usize,
    /// Dots that came in.
    pub dots_added: usize,
    /// Reactions and replies that came in.
    pub responses_added: usize,
    /// Connectors that came in, changed or went.
    pub connectors_added: usize,
    pub connectors_changed: usize,
    pub connectors_removed: usize,
    /// The title, description or goals changed.
    pub meta_changed: bool,
}

impl MergeSummary {
    pub fn is_empty(&self) -> bool {
        self == &Self::default()
    }
}

/// "3 new, 1 changed, 2 removed", or "nothing new": what a merge brings.
impl Said for MergeSummary {
    fn message(&self) -> Message {
        let mut parts = Vec::new();
        let mut part = |count: usize, id: &'static str| {
            if count > 0 {
                parts.push(Message::new(id).with("count", count));
            }
        };
        part(self.added.len(), "merge-new");
        part(self.changed.len(), "merge-changed");
        part(self.removed.len(), "merge-removed");
        part(self.themes_added, "merge-themes-new");
        part(self.themes_changed, "merge-themes-changed");
        part(self.themes_removed, "merge-themes-removed");
        part(self.dots_added, "merge-dots");
        part(self.responses_added, "merge-responses");
        part(self.connectors_added, "merge-connectors-new");
        part(self.connectors_changed, "merge-connectors-changed");
        part(self.connectors_removed, "merge-connectors-removed");
        if self.meta_changed {
            parts.push(Message::new("merge-meta"));
        }
        if parts.is_empty() {
            Message::new("merge-nothing-new")
        } else {
            Message::new("plain").with("text", Arg::List(parts))
        }
    }
}

crate::said_as_printed!(MergeSummary);

/// How a line of a merge's report changes the board.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// `+`: comes in.
    In,
    /// `~`: changes.
    Changed,
    /// `-`: goes.
    Out,
}

impl Change {
    pub fn sign(self) -> char {
        match self {
            Change::In => '+',
            Change::Changed => '~',
            Change::Out => '-',
        }
    }
}

impl MergeSummary {
    /// One line per item that comes in, changes or goes, for a preview or a report:
    /// `+ note: Open shelves? (new from theirs, added by Kim, customer)`.
    pub fn lines(&self, before: &Board, after: &Board, from: &str) -> Vec<(Change, Message)> {
        let mut lines = Vec::new();
        let kind = |item: &Item| Message::new_owned(item.kind.spec().name_id());
        for id in &self.added {
            if let Some(item) = after.item(id) {
                let who = if item.contributor.trim().is_empty() {
                    Message::new("card-someone")
                } else {
                    Message::new("plain").with("text", item.contributor.as_str())
                };
                let source = item.source.trim();
                let line = if source.is_empty() {
                    Message::new("merge-line-added")
                } else {
                    Message::new("merge-line-added-from").with("source", source)
                };
                let line = line
                    .with("kind", kind(item))
                    .with("summary", item.kind.summary())
                    .with("from", from)
                    .with("who", who);
                lines.push((Change::In, line));
            }
        }
        for id in &self.changed {
            if let (Some(old), Some(new)) = (before.item(id), after.item(id)) {
                let line_id = if old.kind == new.kind { "merge-line-moved" } else { "merge-line-changed" };
                lines.push((
                    Change::Changed,
                    Message::new(line_id).with("kind", kind(new)).with("summary", new.kind.summary()),
                ));
            }
        }
        for (id, what) in &self.removed {
            let by = after.tombstone(id.as_str()).map(|t| t.by.trim()).filter(|b| !b.is_empty());
            lines.push((
                Change::Out,
                match by {
                    Some(by) => Message::new("merge-line-removed-by").with("what", what.clone()).with("by", by),
                    None => Message::new("merge-line-removed").with("what", what.clone()),
                },
            ));
        }
        lines
    }
}

/// The items and themes that differ between `before` and `after`.
pub fn summarise(before: &Board, after: &Board) -> MergeSummary {
    let mut s = MergeSummary::default();
    for item in &after.items {
        match before.item(&item.id) {
            None => s.added.push(item.id.clone()),
            Some(old) if old != item => s.changed.push(item.id.clone()),
            Some(_) => {}
        }
    }
    s.removed = before
        .items
        .iter()
        .filter(|i| after.item(&i.id).is_none())
        .map(|i| (i.id.clone(), Versioned::describe(i)))
        .collect();
    for theme in &after.themes {
        match before.theme(&theme.id) {
            None => s.themes_added += 1,
            Some(old) if old != theme => s.themes_changed += 1,
            Some(_) => {}
        }
    }
    s.themes_removed = before.themes.iter().filter(|t| after.theme(&t.id).is_none()).count();
    s.dots_added = after.votes.iter().filter(|v| !before.votes.contains(v.id.as_str())).count();
    s.responses_added = after.responses.iter().filter(|r| !before.responses.contains(r.id.as_str())).count();
    for connector in &after.connectors {
        match before.connectors.get(connector.id.as_str()) {
            None => s.connectors_added += 1,
            Some(old) if old != connector => s.connectors_changed += 1,
            Some(_) => {}
        }
    }
    s.connectors_removed = before.connectors.iter().filter(|c| !after.connectors.contains(c.id.as_str())).count();
    s.meta_changed = before.meta() != after.meta();
    s
}

/// The edit that turns `before` into `after` (items, themes, tombstones and the board's
/// words), so that a merge can be applied, undone and redone like any other change.
pub fn diff(before: &Board, after: &Board) -> Edit {
    let mut edits = Vec::new();
    // First the tombstones of things this copy never had (or had deleted at another
    // time), so that items may name a theme the other copy deleted.
    let old_ids: HashSet<&str> = before.live_ids().collect();
    for t in &after.deleted {
        if !old_ids.contains(t.id.as_str()) && before.tombstone(&t.id) != Some(t) {
            edits.push(Edit::SetTombstone { id: t.id.clone(), tombstone: Some(t.clone()) });
        }
    }
    for theme in &after.themes {
        match before.theme(&theme.id) {
            None => edits.push(Edit::InsertTheme(theme.clone())),
            Some(old) if old != theme => edits.push(Edit::ReplaceTheme(theme.clone())),
            Some(_) => {}
        }
    }
    for item in &after.items {
        match before.item(&item.id) {
            None => edits.push(Edit::InsertItem(Box::new(item.clone()))),
            Some(old) if old != item => edits.push(Edit::ReplaceItem(Box::new(item.clone()))),
            Some(_) => {}
        }
    }
    let tombstone = |id: &str| after.tombstone(id).cloned();
    // Connectors go before the cards and frames they join, and come after them.
    let connectors_in = edits.len();
    for connector in &before.connectors {
        match after.connectors.get(connector.id.as_str()) {
            None => edits.insert(
                connectors_in,
                Edit::RemoveConnector { id: connector.id.clone(), tombstone: tombstone(connector.id.as_str()) },
            ),
            Some(new) if new != connector => {
                // Replaced in two steps: its old ends may go and its new ones come.
                edits.insert(connectors_in, Edit::RemoveConnector { id: connector.id.clone(), tombstone: None })
            }
            Some(_) => {}
        }
    }
    for item in before.items.iter().filter(|i| after.item(&i.id).is_none()) {
        edits.push(Edit::RemoveItem { id: item.id.clone(), tombstone: tombstone(item.id.as_str()) });
    }
    for theme in before.themes.iter().filter(|t| after.theme(&t.id).is_none()) {
        edits.push(Edit::RemoveTheme { id: theme.id.clone(), tombstone: tombstone(theme.id.as_str()) });
    }
    for connector in &after.connectors {
        if before.connectors.get(connector.id.as_str()) != Some(connector) {
            edits.push(Edit::InsertConnector(connector.clone()));
        }
    }
    // Dots and responses never change once made: they come or they go.
    records(
        &mut edits,
        &before.votes,
        &after.votes,
        tombstone,
        |v| Edit::AddVote(v.clone()),
        |v, t| Edit::RemoveVote { id: v.id.clone(), tombstone: t },
    );
    records(
        &mut edits,
        &before.responses,
        &after.responses,
        tombstone,
        |r| Edit::AddResponse(r.clone()),
        |r, t| Edit::RemoveResponse { id: r.id.clone(), tombstone: t },
    );
    if before.session != after.session {
        edits.push(Edit::SetSession(Box::new(after.session.clone())));
    }
    let new_meta =
        BoardMeta { title: after.title.clone(), description: after.description.clone(), goals: after.goals.clone() };
    if before.meta() != new_meta || before.modified != after.modified {
        edits.push(Edit::SetMeta { meta: new_meta, at: after.modified });
    }
    Edit::Batch(edits)
}

/// The edits that turn one list of records that never change (dots, responses) into
/// another: removals (with their tombstone in `after`, if any), then additions; a record
/// whose content differs under the same id is removed and added again.
fn records<T: PartialEq + HasId>(
    edits: &mut Vec<Edit>,
    before: &IdList<T>,
    after: &IdList<T>,
    tombstone: impl Fn(&str) -> Option<Tombstone>,
    add: impl Fn(&T) -> Edit,
    remove: impl Fn(&T, Option<Tombstone>) -> Edit,
) {
    for record in before.iter().filter(|r| !after.contains(r.id_str())) {
        edits.push(remove(record, tombstone(record.id_str())));
    }
    for record in after {
        match before.get(record.id_str()) {
            None => edits.push(add(record)),
            Some(old) if old != record => {
                edits.push(remove(record, None));
                edits.push(add(record));
            }
            Some(_) => {}
        }
    }
}
