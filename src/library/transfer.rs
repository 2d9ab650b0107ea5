//! Cards taken to another board (*Copy to board…*, *Move to board…*) and the inbox, the
//! board for ideas that have none yet. The cards arrive in the other board's file under
//! its lock, as any writer's, with their pictures copied into its assets, each keeping
//! who brought it, from where, its tags and size; in the theme of the same name there if
//! it has one that is not locked, else beside what is on it.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::manage::ManageError;
use crate::model::operations::{self, Contributor, NewIdea, Place};
use crate::model::{Board, Item, ItemId, Stamper, Timestamp};
use crate::storage::{self, AssetStore, paths};

/// The inbox's file name in the boards folder (its title is in the language it was made in).
pub const INBOX_FILE: &str = "Inbox.moodboard.ron";

/// The inbox in `boards_dir`: made (titled `title`) if it is not there yet.
pub fn inbox(boards_dir: &Path, title: &str) -> Result<PathBuf, ManageError> {
    let path = boards_dir.join(INBOX_FILE);
    if std::fs::symlink_metadata(&path).is_err() {
        std::fs::create_dir_all(boards_dir).map_err(|source| storage::SaveError::Io {
            path: path.clone(),
            action: "action-create-boards-folder",
            source,
        })?;
        match storage::create(&path, &Board::new(title, Timestamp::now())) {
            // Made meanwhile by another program: that one is the inbox.
            Err(_) if path.exists() => {}
            other => other?,
        }
    }
    Ok(path)
}

/// Copies the cards `ids` of `board` (the board at `from`) into the board at `to`.
/// Returns how many arrived. Nothing changes in `from`; `to` changes all at once or not.
pub fn copy_cards(from: &Path, board: &Board, ids: &BTreeSet<ItemId>, to: &Path) -> Result<usize, ManageError> {
    if paths::resolved(from) == paths::resolved(to) {
        return Ok(0);
    }
    let (source, target) = (AssetStore::for_board(from), AssetStore::for_board(to));
    let mut cards: Vec<(Item, Option<String>)> = Vec::new();
    for item in board.items.iter().filter(|i| ids.contains(&i.id)) {
        let mut item = item.clone();
        if let Some(asset) = item.kind.picture().cloned() {
            // Content-named: the same picture has the same name on both boards.
            match source.read_verified(&asset) {
                Ok(bytes) => {
                    let stored = target.store(&bytes, asset.extension())?;
                    item.kind.set_picture(Some(stored), None);
                }
                Err(e) if !item.kind.behaviour().stands_without_picture() => return Err(e.into()),
                Err(_) => item.kind.set_picture(None, None),
            }
        }
        let theme = item.theme.as_ref().and_then(|t| board.theme(t)).map(|t| t.name.clone());
        cards.push((item, theme));
    }
    let count = cards.len();
    storage::update(to, |target: &mut Board| {
        let mut clock = Stamper::now(target, "");
        // Grouped by who brought them and from where, each group one addition.
        let mut groups: Vec<((String, String), Vec<NewIdea>)> = Vec::new();
        for (item, theme) in &cards {
            let theme = theme.as_deref().and_then(|name| target.theme_by_name(name)).filter(|t| !t.locked);
            let idea = NewIdea {
                kind: item.kind.clone(),
                theme: theme.map(|t| t.id.clone()),
                place: Place::Beside,
                tags: item.tags.clone(),
                size: Some(item.size),
            };
            let key = (item.contributor.clone(), item.source.clone());
            match groups.iter_mut().find(|(k, _)| *k == key) {
                Some((_, ideas)) => ideas.push(idea),
                None => groups.push((key, vec![idea])),
            }
        }
        for ((name, source), ideas) in groups {
            operations::add(target, ideas, Contributor { name: &name, source: &source }, &mut clock)?;
        }
        Ok::<(), crate::model::EditError>(())
    })?;
    Ok(count)
}

/// Adds `kinds` to the board at `path` (the inbox) as new ideas by `who`, beside what is
/// on it, in one write under its lock. Returns how many.
pub fn add_ideas(path: &Path, kinds: Vec<crate::model::ItemKind>, who: &str) -> Result<usize, ManageError> {
    let count = kinds.len();
    if count == 0 {
        return Ok(0);
    }
    storage::update(path, |board: &mut Board| {
        let mut clock = Stamper::now(board, who);
        let ideas = kinds.into_iter().map(NewIdea::new).collect();
        operations::add(board, ideas, Contributor::own_team(who), &mut clock).map(drop)
    })?;
    Ok(count)
}
