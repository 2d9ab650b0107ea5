//! Everything that belongs to the board that is open, in one value: the document, the
//! watcher on its file, its imports, its pictures and a merge waiting for an answer.
//! Opening another board replaces the whole value, so nothing of the old board (a
//! decode, an import, a merge) can land in the new one; background results carry the
//! [`BoardKey`] of the opening they were started for and are dropped when it has gone.

use std::sync::Arc;

use super::jobs::BoardKey;
use super::share::PendingMerge;
use crate::document::Document;
use crate::media::batch::Importer;
use crate::media::thumbs::ThumbCache;
use crate::media::{ImageCache, WorkerPool};
use crate::model::Pos;
use crate::storage::AssetStore;
use crate::storage::watch::BoardWatcher;

/// The open board and what works on it.
pub struct OpenBoard {
    /// This opening's key: results carrying another are not for this board.
    pub key: BoardKey,
    pub doc: Document,
    /// Watches the board file for changes made by others, and for conflict copies.
    pub watcher: BoardWatcher,
    pub importer: Importer,
    /// The reasons of the running import batch's failures, told once it is done.
    pub import_failures: Vec<String>,
    /// Ideas the import under way has added so far.
    pub import_added: usize,
    /// Where the items of the running import go: the first item's position.
    pub import_at: Pos,
    pub images: ImageCache,
    /// A merge shown to the user before it happens.
    pub pending_merge: Option<PendingMerge>,
    /// Where cards being pasted go (the pointer when pasted from a menu there).
    pub paste_at: Option<Pos>,
    /// Images and link previews being downloaded for this board.
    pub web: super::web::WebAdds,
    /// The live session's join server, while the facilitator invites.
    pub inviting: Option<super::invite::Inviting>,
    /// The board's peer, while it is live with teammates' copies.
    pub live: Option<super::live::Live>,
}

impl OpenBoard {
    pub fn new(
        key: BoardKey,
        doc: Document,
        ctx: &egui::Context,
        pool: &Arc<WorkerPool>,
        thumbs: &Arc<ThumbCache>,
    ) -> Self {
        let waker_ctx = ctx.clone();
        let watcher =
            BoardWatcher::start(doc.path.clone(), doc.disk_hash.clone(), Arc::new(move || waker_ctx.request_repaint()));
        let images = ImageCache::new(ctx.clone(), pool.clone(), AssetStore::for_board(&doc.path), thumbs.clone());
        Self {
            key,
            doc,
            watcher,
            importer: Importer::new(pool.clone(), thumbs.clone()),
            import_failures: Vec::new(),
            import_added: 0,
            import_at: Pos::default(),
            images,
            pending_merge: None,
            paste_at: None,
            web: super::web::WebAdds::new(thumbs.clone()),
            inviting: None,
            live: None,
        }
    }

    /// The board's images folder.
    pub fn store(&self) -> AssetStore {
        AssetStore::for_board(&self.doc.path)
    }
}
