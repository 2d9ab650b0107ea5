//! Copy, Cut and Paste of cards, within a board and between boards, pictures included
//! (the clip format is in `storage::clip`). Reading pictures for a copy and checking and
//! storing them for a paste run in the background; the paste itself is one undo step.

use crate::tr;
use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use super::MoodboardApp;
use super::share::{JobDone, JobError, Pasted};
use crate::media::import_bytes;
use crate::model::{BoardRect, Edit, Item, ItemId, Pos, ThemeId, Timestamp, frames};
use crate::storage::clip;
use crate::storage::{AssetStore, Problem};
use crate::ui::canvas::things;

impl MoodboardApp {
    /// Copies the selected cards to the clipboard (in the background: their pictures are
    /// read from disk); with `cut`, deletes them too, as one undo step.
    pub(super) fn copy_selection(&mut self, cut: bool) {
        let items: Vec<Item> = self
            .open
            .doc
            .board()
            .items
            .iter()
            .filter(|i| self.view.canvas.selection.contains(&i.id))
            .cloned()
            .collect();
        if items.is_empty() {
            self.toasts.info(if cut { tr!("clip-select-to-cut") } else { tr!("clip-select-to-copy") });
            return;
        }
        let board = self.open.doc.board().clone();
        let store = AssetStore::for_board(&self.open.doc.path);
        let label = tr!("clip-copying", things = things(items.len()));
        let count = items.len();
        self.jobs.spawn(&self.ctx, self.open.key, label, move |_| {
            match clip::to_text(&board, &items, |asset| store.read_verified(asset).ok()) {
                Ok((text, left_out)) => JobDone::Copied { text, count, left_out },
                Err(e) => JobDone::Failed(JobError::new(tr!("clip-copy-failed"), e)),
            }
        });
        if cut {
            self.delete_selection(Timestamp::now());
        }
    }

    /// Reads cards from clip text (in the background: their pictures are checked and
    /// stored in this board's assets), then [`MoodboardApp::paste_cards`] puts them on.
    pub(super) fn paste_clip(&mut self, text: String, centre_in_board: Option<Pos>) {
        self.open.paste_at = centre_in_board;
        let store = AssetStore::for_board(&self.open.doc.path);
        let thumbs = self.thumbs.clone();
        self.jobs.spawn(&self.ctx, self.open.key, tr!("clip-pasting"), move |_| {
            match read_clip(&text, &store, &thumbs) {
                Ok(pasted) => JobDone::Pasted(Box::new(pasted)),
                Err(e) => JobDone::Failed(JobError::new(tr!("clip-paste-failed"), e)),
            }
        });
    }

    /// Puts pasted cards on the board as one undo step: new ids, in their theme if this
    /// board has it (by id, else by name) and its frame is not locked, each keeping who
    /// brought it. Unsorted cards
    /// keep their layout, placed as a block in free space where the user is looking (or
    /// at the pointer); themed ones go into their frame.
    pub(super) fn paste_cards(&mut self, pasted: Pasted) {
        let board = self.open.doc.board();
        let now = Timestamp::now();
        let theme_for = |t: &ThemeId| -> Option<ThemeId> {
            let theme = match board.theme(t) {
                Some(theme) => theme,
                None => board.theme_by_name(&pasted.themes.iter().find(|c| c.id == *t)?.name)?,
            };
            // A locked frame takes no card by hand: pasted, it lands unsorted.
            (!theme.locked).then(|| theme.id.clone())
        };
        let mut cards: Vec<Item> = pasted
            .items
            .into_iter()
            .map(|item| Item {
                id: ItemId::new_random(),
                theme: item.theme.as_ref().and_then(&theme_for),
                locked: false,
                created: now,
                modified: now,
                ..item
            })
            .collect();
        // The unsorted ones as a block, in free space in view.
        let loose = cards.iter().filter(|i| i.theme.is_none()).map(|i| BoardRect::from_pos_size(i.pos, i.size));
        if let Some(block) = loose.reduce(BoardRect::union) {
            let size = crate::model::Size::new(block.width(), block.height());
            let centre = self.open.paste_at.take().unwrap_or_else(|| self.view.camera.center_in_board());
            let near = Pos::new(centre.x - size.w / 2.0, centre.y - size.h / 2.0);
            let visible = crate::ui::view::from_rect(
                self.view.camera.visible_board_rect().shrink(16.0 / self.view.camera.zoom()),
            );
            let to = frames::free_spot_outside(board, near, size, Some(visible));
            let (dx, dy) = (to.x - block.min.x, to.y - block.min.y);
            for card in cards.iter_mut().filter(|i| i.theme.is_none()) {
                card.pos = Pos::new(card.pos.x + dx, card.pos.y + dy).clamped();
            }
        }
        let top = board.top_z();
        cards.sort_by_key(|c| c.z);
        for (k, card) in cards.iter_mut().enumerate() {
            card.z = top.saturating_add(1 + k as i64);
        }
        let ids: BTreeSet<ItemId> = cards.iter().map(|c| c.id.clone()).collect();
        let label = tr!("step-paste", things = things(ids.len()));
        self.apply(Edit::Batch(cards.into_iter().map(|c| Edit::InsertItem(Box::new(c))).collect()), &label);
        self.view.canvas.selection = ids;
        if !pasted.problems.is_empty() {
            let n = pasted.problems.len();
            self.toasts.report(
                crate::ui::toasts::Level::Warning,
                tr!("clip-pasted-with-problems", count = n),
                pasted.problems,
            );
        }
    }
}

/// Parses a clip and stores its pictures in `store`: each is checked like an imported
/// file and named by the hash of its bytes. A card whose picture the clip does not carry
/// stays if this board has that picture, else it is left out and said.
fn read_clip(
    text: &str,
    store: &AssetStore,
    thumbs: &crate::media::thumbs::ThumbCache,
) -> Result<Pasted, clip::ClipError> {
    let clip = clip::parse(text)?;
    let (items, repaired) = clip::received_cards(&clip, Timestamp::now());
    let mut problems: Vec<String> = repaired.iter().map(Problem::to_string).collect();
    // Each picture once: where it went in this board, and its size if it was imported.
    type Stored = Option<(crate::model::AssetName, Option<crate::model::PixelSize>)>;
    let mut stored: HashMap<crate::model::AssetName, Stored> = HashMap::new();
    let mut kept = Vec::with_capacity(items.len());
    for mut item in items {
        let Some(asset) = item.kind.picture().cloned() else {
            kept.push(item);
            continue;
        };
        let name = item.kind.summary();
        let done = stored.entry(asset.clone()).or_insert_with(|| match clip::image_bytes(&clip, &asset) {
            Some(bytes) => match import_bytes(store, thumbs, &bytes, &name, Path::new(&tr!("clip-the-clipboard"))) {
                Ok(imported) => Some((imported.asset, Some(imported.pixel_size))),
                Err(e) => {
                    problems.push(tr!("clip-picture-left-out", file = name.as_str(), reason = crate::i18n::said(&e)));
                    None
                }
            },
            // Copied from this board, or its picture too large to come along.
            None if store.read_verified(&asset).is_ok() => Some((asset.clone(), None)),
            None => {
                problems.push(tr!("clip-picture-too-large", file = name.as_str()));
                None
            }
        });
        match done {
            Some((name, pixels)) => item.kind.set_picture(Some(name.clone()), *pixels),
            // A picture is what an image card is; a link keeps its words without one.
            None if !item.kind.behaviour().stands_without_picture() => continue,
            None => item.kind.set_picture(None, None),
        }
        kept.push(item);
    }
    Ok(Pasted { items: kept, themes: clip.themes, problems })
}
