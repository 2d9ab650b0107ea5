//! Changes to a board as values. Applying an edit returns its exact inverse, which is
//! what undo applies; the editor, the command line and merge all change boards this way.
//!
//! Invariants the edits keep: item and theme ids are unique, no id is both alive and in
//! `deleted`, every item's theme exists or was deleted (a merge can leave an item in a
//! theme someone else deleted; it shows as unsorted), items stay sorted by `(z, id)` and
//! themes by `(rank, id)`.

use super::{
    Board, BoardMeta, Connector, ConnectorId, Item, ItemId, ItemKind, Pos, Response, ResponseId, Session, Size,
    Stamper, Theme, ThemeId, Timestamp, Tombstone, Vote, VoteId,
};

/// One change to a board.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Adds an item. If the id was deleted earlier, the item comes back and its
    /// tombstone goes.
    InsertItem(Box<Item>),
    /// Removes an item, leaving `tombstone` (if any) so that merges keep it deleted.
    RemoveItem { id: ItemId, tombstone: Option<Tombstone> },
    /// Changes one field of an item and sets its `modified` time to `at`.
    ChangeItem { id: ItemId, change: ItemChange, at: Timestamp },
    /// Replaces a whole item with another version of it (what a merge brings in).
    ReplaceItem(Box<Item>),
    /// Adds a theme (reviving it if it was deleted).
    InsertTheme(Theme),
    /// Removes a theme. Items still in it show as unsorted; [`Edit::delete_theme`]
    /// moves them out first.
    RemoveTheme { id: ThemeId, tombstone: Option<Tombstone> },
    /// Replaces a theme's name, colour, description, rank and modified time.
    ReplaceTheme(Theme),
    /// Sets the title, description and goals.
    SetMeta { meta: BoardMeta, at: Timestamp },
    /// Sets or clears the tombstone of an id that is not on the board (what a merge
    /// brings in when another copy deleted something this one never had).
    SetTombstone { id: String, tombstone: Option<Tombstone> },
    /// Sets the session's phase, timer and settings (one unit, like the goals).
    SetSession(Box<Session>),
    /// Places a dot (reviving it if its id was taken back earlier).
    AddVote(Vote),
    /// Takes a dot back, leaving `tombstone` (if any) so that merges keep it gone.
    RemoveVote { id: VoteId, tombstone: Option<Tombstone> },
    /// Adds a reaction or reply.
    AddResponse(Response),
    /// Removes a reaction or reply, leaving `tombstone` (if any).
    RemoveResponse { id: ResponseId, tombstone: Option<Tombstone> },
    /// Adds a connector (reviving it if it was deleted). Its ends are not checked: a
    /// merge may bring one whose end is gone, which stays unseen; what the user draws is
    /// checked before ([`Connector::check`]).
    InsertConnector(Connector),
    /// Removes a connector, leaving `tombstone` (if any).
    RemoveConnector { id: ConnectorId, tombstone: Option<Tombstone> },
    /// Replaces a connector with another version of it (relabelled, restyled).
    ReplaceConnector(Connector),
    /// Several edits as one step: all apply, or none do.
    Batch(Vec<Edit>),
}

impl Edit {
    /// The edit that gives `item` the kind `kind` at `at`; an idea whose card fits its
    /// content (a heading) takes the size the new content needs in the same edit.
    pub fn change_kind(item: &Item, kind: ItemKind, at: Timestamp) -> Edit {
        let size = kind.behaviour().sized_by_content().then(|| kind.default_size());
        let change = Edit::ChangeItem { id: item.id.clone(), change: ItemChange::Kind(kind), at };
        match size {
            Some(size) if size != item.size => Edit::Batch(vec![
                change,
                Edit::ChangeItem { id: item.id.clone(), change: ItemChange::Size(size.clamped()), at },
            ]),
            _ => change,
        }
    }
}

/// A new value for one field of an item.
#[derive(Clone, Debug, PartialEq)]
pub enum ItemChange {
    Pos(Pos),
    Size(Size),
    Kind(ItemKind),
    Theme(Option<ThemeId>),
    Tags(Vec<String>),
    Source(String),
    Contributor(String),
    Locked(bool),
    Z(i64),
}

/// Why an edit could not be applied. The board is unchanged when this is returned.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    NoSuchItem(ItemId),
    NoSuchTheme(ThemeId),
    DuplicateItem(ItemId),
    DuplicateTheme(ThemeId),
    NoSuchVote(VoteId),
    DuplicateVote(VoteId),
    NoSuchResponse(ResponseId),
    DuplicateResponse(ResponseId),
    NoSuchConnector(ConnectorId),
    DuplicateConnector(ConnectorId),
}

impl crate::i18n::Said for EditError {
    fn message(&self) -> crate::i18n::Message {
        use crate::i18n::Message;
        let (id, what) = match self {
            EditError::NoSuchItem(id) => ("error-edit-no-such-item", id.as_str()),
            EditError::NoSuchTheme(id) => ("error-edit-no-such-theme", id.as_str()),
            EditError::DuplicateItem(id) => ("error-edit-duplicate-item", id.as_str()),
            EditError::DuplicateTheme(id) => ("error-edit-duplicate-theme", id.as_str()),
            EditError::NoSuchVote(id) => ("error-edit-no-such-dot", id.as_str()),
            EditError::DuplicateVote(id) => ("error-edit-duplicate-dot", id.as_str()),
            EditError::NoSuchResponse(id) => ("error-edit-no-such-response", id.as_str()),
            EditError::DuplicateResponse(id) => ("error-edit-duplicate-response", id.as_str()),
            EditError::NoSuchConnector(id) => ("error-edit-no-such-connector", id.as_str()),
            EditError::DuplicateConnector(id) => ("error-edit-duplicate-connector", id.as_str()),
        };
        Message::new(id).with("id", what)
    }
}

crate::said_as_printed!(EditError);

impl Edit {
    /// Applies the edit and returns the edit that undoes it exactly.
    pub fn apply(self, board: &mut Board) -> Result<Edit, EditError> {
        match self {
            Edit::InsertItem(item) => {
                if board.item(&item.id).is_some() {
                    return Err(EditError::DuplicateItem(item.id));
                }
                if let Some(theme) = &item.theme
                    && !board.knows_theme(theme)
                {
                    return Err(EditError::NoSuchTheme(theme.clone()));
                }
                let tombstone = take_tombstone(board, item.id.as_str());
                let id = item.id.clone();
                insert_sorted_item(board, *item);
                Ok(Edit::RemoveItem { id, tombstone })
            }
            Edit::RemoveItem { id, tombstone } => {
                let index = board.item_index(&id).ok_or_else(|| EditError::NoSuchItem(id.clone()))?;
                let item = board.items.remove(index);
                if let Some(t) = tombstone {
                    put_tombstone(board, Tombstone { id: id.to_string(), ..t });
                }
                Ok(Edit::InsertItem(Box::new(item)))
            }
            Edit::ChangeItem { id, change, at } => {
                if let ItemChange::Theme(Some(theme)) = &change
                    && !board.knows_theme(theme)
                {
                    return Err(EditError::NoSuchTheme(theme.clone()));
                }
                let item = board.item_mut(&id).ok_or_else(|| EditError::NoSuchItem(id.clone()))?;
                let old = change.swap_into(item);
                let old_at = std::mem::replace(&mut item.modified, at);
                if matches!(old, ItemChange::Z(_)) {
                    board.sort_items();
                }
                Ok(Edit::ChangeItem { id, change: old, at: old_at })
            }
            Edit::ReplaceItem(item) => {
                if let Some(theme) = &item.theme
                    && !board.knows_theme(theme)
                {
                    return Err(EditError::NoSuchTheme(theme.clone()));
                }
                let index = board.item_index(&item.id).ok_or_else(|| EditError::NoSuchItem(item.id.clone()))?;
                let z_changed = board.items[index].z != item.z;
                let old = board.items.replace(index, *item);
                if z_changed {
                    board.sort_items();
                }
                Ok(Edit::ReplaceItem(Box::new(old)))
            }
            Edit::InsertTheme(theme) => {
                if board.theme(&theme.id).is_some() {
                    return Err(EditError::DuplicateTheme(theme.id));
                }
                let tombstone = take_tombstone(board, theme.id.as_str());
                let id = theme.id.clone();
                let index = board.themes.partition_point(|t| (t.rank, &t.id) < (theme.rank, &theme.id));
                board.themes.insert(index, theme);
                Ok(Edit::RemoveTheme { id, tombstone })
            }
            Edit::RemoveTheme { id, tombstone } => {
                let index = board.theme_index(&id).ok_or_else(|| EditError::NoSuchTheme(id.clone()))?;
                let theme = board.themes.remove(index);
                if let Some(t) = tombstone {
                    put_tombstone(board, Tombstone { id: id.to_string(), ..t });
                }
                Ok(Edit::InsertTheme(theme))
            }
            Edit::ReplaceTheme(theme) => {
                let index = board.theme_index(&theme.id).ok_or_else(|| EditError::NoSuchTheme(theme.id.clone()))?;
                let rank_changed = board.themes[index].rank != theme.rank;
                let old = board.themes.replace(index, theme);
                if rank_changed {
                    sort_themes(board);
                }
                Ok(Edit::ReplaceTheme(old))
            }
            Edit::SetTombstone { id, tombstone } => {
                let old = take_tombstone(board, &id);
                if let Some(t) = tombstone {
                    put_tombstone(board, Tombstone { id: id.clone(), ..t });
                }
                Ok(Edit::SetTombstone { id, tombstone: old })
            }
            Edit::SetMeta { meta, at } => {
                let old = board.meta();
                board.title = meta.title;
                board.description = meta.description;
                board.goals = meta.goals;
                let old_at = std::mem::replace(&mut board.modified, at);
                Ok(Edit::SetMeta { meta: old, at: old_at })
            }
            Edit::SetSession(session) => {
                let old = std::mem::replace(&mut board.session, *session);
                Ok(Edit::SetSession(Box::new(old)))
            }
            Edit::AddVote(vote) => {
                let index = board.votes.binary_search_by(|v| v.id.cmp(&vote.id));
                let Err(index) = index else { return Err(EditError::DuplicateVote(vote.id)) };
                let tombstone = take_tombstone(board, vote.id.as_str());
                let id = vote.id.clone();
                board.votes.insert(index, vote);
                Ok(Edit::RemoveVote { id, tombstone })
            }
            Edit::RemoveVote { id, tombstone } => {
                let index = board.votes.position(id.as_str()).ok_or(EditError::NoSuchVote(id.clone()))?;
                let vote = board.votes.remove(index);
                if let Some(t) = tombstone {
                    put_tombstone(board, Tombstone { id: id.to_string(), ..t });
                }
                Ok(Edit::AddVote(vote))
            }
            Edit::AddResponse(response) => {
                let index = board.responses.binary_search_by(|r| r.id.cmp(&response.id));
                let Err(index) = index else { return Err(EditError::DuplicateResponse(response.id)) };
                let tombstone = take_tombstone(board, response.id.as_str());
                let id = response.id.clone();
                board.responses.insert(index, response);
                Ok(Edit::RemoveResponse { id, tombstone })
            }
            Edit::RemoveResponse { id, tombstone } => {
                let index = board.responses.position(id.as_str()).ok_or(EditError::NoSuchResponse(id.clone()))?;
                let response = board.responses.remove(index);
                if let Some(t) = tombstone {
                    put_tombstone(board, Tombstone { id: id.to_string(), ..t });
                }
                Ok(Edit::AddResponse(response))
            }
            Edit::InsertConnector(connector) => {
                if board.connectors.contains(connector.id.as_str()) {
                    return Err(EditError::DuplicateConnector(connector.id));
                }
                let tombstone = take_tombstone(board, connector.id.as_str());
                let id = connector.id.clone();
                let index = board.connectors.partition_point(|c| c.id < connector.id);
                board.connectors.insert(index, connector);
                Ok(Edit::RemoveConnector { id, tombstone })
            }
            Edit::RemoveConnector { id, tombstone } => {
                let index = board.connectors.position(id.as_str()).ok_or(EditError::NoSuchConnector(id.clone()))?;
                let connector = board.connectors.remove(index);
                if let Some(t) = tombstone {
                    put_tombstone(board, Tombstone { id: id.to_string(), ..t });
                }
                Ok(Edit::InsertConnector(connector))
            }
            Edit::ReplaceConnector(connector) => {
                let index = board
                    .connectors
                    .position(connector.id.as_str())
                    .ok_or(EditError::NoSuchConnector(connector.id.clone()))?;
                Ok(Edit::ReplaceConnector(board.connectors.replace(index, connector)))
            }
            Edit::Batch(edits) => apply_batch(edits, board, Edit::apply),
        }
    }

    /// Applies the edit as a new change made now: each part is stamped by `clock` just
    /// before it applies, later than everything the board has seen and than the version
    /// it changes, and every removal leaves a tombstone saying what it saw. User edits,
    /// undo and redo go through here; merges apply other copies' stamps with
    /// [`Edit::apply`]. Returns the exact inverse, like `apply`.
    pub fn apply_stamped(self, board: &mut Board, clock: &mut Stamper) -> Result<Edit, EditError> {
        match self {
            Edit::Batch(edits) => apply_batch(edits, board, |edit, board| edit.apply_stamped(board, clock)),
            edit => edit.stamped(board, clock).apply(board),
        }
    }

    /// This edit (not a batch) with its stamps given by `clock` for `board` as it is now.
    fn stamped(self, board: &Board, clock: &mut Stamper) -> Edit {
        let revived = |id: &str| board.tombstone(id).map_or(Timestamp::MIN, |t| t.saw);
        let mut tomb = |id: &str, saw: Timestamp| {
            Some(Tombstone { id: id.to_owned(), at: clock.tick(saw), by: clock.who().to_owned(), saw })
        };
        match self {
            Edit::InsertItem(mut item) => {
                item.modified = clock.tick(revived(item.id.as_str()));
                Edit::InsertItem(item)
            }
            Edit::RemoveItem { id, .. } => {
                let saw = board.item(&id).map_or(Timestamp::MIN, |i| i.modified);
                Edit::RemoveItem { tombstone: tomb(id.as_str(), saw), id }
            }
            Edit::ChangeItem { id, change, .. } => {
                let at = clock.tick(board.item(&id).map_or(Timestamp::MIN, |i| i.modified));
                Edit::ChangeItem { id, change, at }
            }
            Edit::ReplaceItem(mut item) => {
                item.modified = clock.tick(board.item(&item.id).map_or(Timestamp::MIN, |i| i.modified));
                Edit::ReplaceItem(item)
            }
            Edit::SetTombstone { id, tombstone } => Edit::SetTombstone { id, tombstone },
            Edit::InsertTheme(mut theme) => {
                theme.modified = clock.tick(revived(theme.id.as_str()));
                Edit::InsertTheme(theme)
            }
            Edit::RemoveTheme { id, .. } => {
                let saw = board.theme(&id).map_or(Timestamp::MIN, |t| t.modified);
                Edit::RemoveTheme { tombstone: tomb(id.as_str(), saw), id }
            }
            Edit::ReplaceTheme(mut theme) => {
                theme.modified = clock.tick(board.theme(&theme.id).map_or(Timestamp::MIN, |t| t.modified));
                Edit::ReplaceTheme(theme)
            }
            Edit::SetMeta { meta, .. } => Edit::SetMeta { meta, at: clock.tick(board.modified) },
            Edit::SetSession(mut session) => {
                session.modified = clock.tick(board.session.modified);
                Edit::SetSession(session)
            }
            Edit::AddVote(vote) => Edit::AddVote(Vote { at: clock.tick(revived(vote.id.as_str())), ..vote }),
            Edit::RemoveVote { id, .. } => {
                let saw = board.votes.get(id.as_str()).map_or(Timestamp::MIN, |v| v.at);
                Edit::RemoveVote { tombstone: tomb(id.as_str(), saw), id }
            }
            Edit::AddResponse(response) => {
                Edit::AddResponse(Response { at: clock.tick(revived(response.id.as_str())), ..response })
            }
            Edit::RemoveResponse { id, .. } => {
                let saw = board.responses.get(id.as_str()).map_or(Timestamp::MIN, |r| r.at);
                Edit::RemoveResponse { tombstone: tomb(id.as_str(), saw), id }
            }
            Edit::InsertConnector(mut connector) => {
                connector.modified = clock.tick(revived(connector.id.as_str()));
                Edit::InsertConnector(connector)
            }
            Edit::RemoveConnector { id, .. } => {
                let saw = board.connectors.get(id.as_str()).map_or(Timestamp::MIN, |c| c.modified);
                Edit::RemoveConnector { tombstone: tomb(id.as_str(), saw), id }
            }
            Edit::ReplaceConnector(mut connector) => {
                connector.modified =
                    clock.tick(board.connectors.get(connector.id.as_str()).map_or(Timestamp::MIN, |c| c.modified));
                Edit::ReplaceConnector(connector)
            }
            Edit::Batch(edits) => Edit::Batch(edits),
        }
    }

    /// Removing the connectors that touch any of `ends` (cards or frames about to go),
    /// each leaving a tombstone that saw its current version.
    fn remove_connectors(board: &Board, ends: &[&str], now: Timestamp, who: &str) -> Vec<Edit> {
        board
            .connectors_touching(ends)
            .map(|c| Edit::RemoveConnector {
                id: c.id.clone(),
                tombstone: Some(Tombstone::new(c.id.as_str(), now, who, c.modified)),
            })
            .collect()
    }

    /// Deleting a theme: its items become unsorted (never deleted), the connectors to its
    /// frame go, then the theme goes.
    pub fn delete_theme(board: &Board, id: &ThemeId, now: Timestamp, who: &str) -> Edit {
        let mut edits = Edit::remove_connectors(board, &[id.as_str()], now, who);
        edits.extend(board.items_in_theme(Some(id)).map(|i| Edit::ChangeItem {
            id: i.id.clone(),
            change: ItemChange::Theme(None),
            at: now,
        }));
        let saw = board.theme(id).map_or(now, |t| t.modified);
        edits.push(Edit::RemoveTheme { id: id.clone(), tombstone: Some(Tombstone::new(id.as_str(), now, who, saw)) });
        Edit::Batch(edits)
    }

    /// Deleting items of `board`, each leaving a tombstone that saw its current version,
    /// and the connectors that touch them first, in the same step.
    pub fn delete_items<'a>(
        board: &Board,
        ids: impl IntoIterator<Item = &'a ItemId>,
        now: Timestamp,
        who: &str,
    ) -> Edit {
        let ids: Vec<&ItemId> = ids.into_iter().collect();
        let ends: Vec<&str> = ids.iter().map(|id| id.as_str()).collect();
        let mut edits = Edit::remove_connectors(board, &ends, now, who);
        edits.extend(ids.into_iter().map(|id| {
            let saw = board.item(id).map_or(now, |i| i.modified);
            Edit::RemoveItem { id: id.clone(), tombstone: Some(Tombstone::new(id.as_str(), now, who, saw)) }
        }));
        Edit::Batch(edits)
    }

    /// Whether applying this edit would change nothing (an empty batch).
    pub fn is_empty(&self) -> bool {
        matches!(self, Edit::Batch(edits) if edits.iter().all(Edit::is_empty))
    }
}

impl ItemChange {
    /// Writes this value into the item and returns the value it replaced.
    fn swap_into(self, item: &mut Item) -> ItemChange {
        use std::mem::replace;
        match self {
            ItemChange::Pos(v) => ItemChange::Pos(replace(&mut item.pos, v)),
            ItemChange::Size(v) => ItemChange::Size(replace(&mut item.size, v)),
            ItemChange::Kind(v) => ItemChange::Kind(replace(&mut item.kind, v)),
            ItemChange::Theme(v) => ItemChange::Theme(replace(&mut item.theme, v)),
            ItemChange::Tags(v) => ItemChange::Tags(replace(&mut item.tags, v)),
            ItemChange::Source(v) => ItemChange::Source(replace(&mut item.source, v)),
            ItemChange::Contributor(v) => ItemChange::Contributor(replace(&mut item.contributor, v)),
            ItemChange::Locked(v) => ItemChange::Locked(replace(&mut item.locked, v)),
            ItemChange::Z(v) => ItemChange::Z(replace(&mut item.z, v)),
        }
    }
}

/// Applies `edits` in order with `apply`, all or nothing: if one fails, those applied
/// are rolled back and its error returned. The inverse undoes them in reverse order.
fn apply_batch(
    edits: Vec<Edit>,
    board: &mut Board,
    mut apply: impl FnMut(Edit, &mut Board) -> Result<Edit, EditError>,
) -> Result<Edit, EditError> {
    let mut inverses = Vec::with_capacity(edits.len());
    for edit in edits {
        match apply(edit, board) {
            Ok(inverse) => inverses.push(inverse),
            Err(e) => {
                for inverse in inverses.into_iter().rev() {
                    inverse.apply(board).expect("the inverse of an applied edit applies");
                }
                return Err(e);
            }
        }
    }
    inverses.reverse();
    Ok(Edit::Batch(inverses))
}

/// Adds a tombstone, keeping `deleted` sorted by id so that equal boards are equal values.
fn put_tombstone(board: &mut Board, tombstone: Tombstone) {
    let index = board.deleted.partition_point(|t| t.id < tombstone.id);
    board.deleted.insert(index, tombstone);
}

fn take_tombstone(board: &mut Board, id: &str) -> Option<Tombstone> {
    let index = board.deleted.position(id)?;
    Some(board.deleted.remove(index))
}

fn insert_sorted_item(board: &mut Board, item: Item) {
    let index = board.items.partition_point(|i| (i.z, &i.id) < (item.z, &item.id));
    board.items.insert(index, item);
}

pub(crate) fn sort_themes(board: &mut Board) {
    board.themes.sort_by(|a, b| a.rank.cmp(&b.rank).then_with(|| a.id.cmp(&b.id)));
}
