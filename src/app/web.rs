//! Adding from the web in the app: a pasted or typed address downloads in the background
//! while a placeholder card shows its progress where the card will be; it then becomes an
//! image card or a link card with its page's preview, as one undo step. An image that
//! cannot be taken leaves the board unchanged and its placeholder says why, with Retry.

use crate::tr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};

use super::MoodboardApp;
use crate::media::thumbs::ThumbCache;
use crate::media::{Imported, Reply, WorkerPool};
use crate::model::{BoardRect, ItemKind, Pos, Size, ThemeId};
use crate::storage::{AssetStore, Waker};
use crate::ui::downloads::PendingCard;
use crate::web::{Found, Limits, LinkInfo};

/// What an address is being fetched as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WebWant {
    /// The Image form, `--image`: an image or an error.
    Image,
    /// An idea typed in its form whose page fills it in (a link): always that idea,
    /// with its page's preview if the page can be read.
    Preview,
    /// A pasted address: an image if it is one, else a link.
    Pasted,
}

/// A download on its way, or failed and waiting for Retry or Dismiss.
struct Pending {
    key: u64,
    address: String,
    want: WebWant,
    /// The idea as typed in its form, which the page's preview completes (what was
    /// typed wins); `None`: a pasted address, which becomes a link if it is no picture.
    typed: Option<ItemKind>,
    theme: Option<ThemeId>,
    /// Where the card will be.
    at: BoardRect,
    received: Arc<AtomicU64>,
    /// Content-Length, or 0 when the server did not say.
    announced: Arc<AtomicU64>,
    failed: Option<String>,
}

enum Outcome {
    Image(Imported),
    Link(LinkInfo),
    Failed(String),
}

struct Done {
    key: u64,
    outcome: Outcome,
}

/// The downloads of the open board. Dropped with it: what arrives later has nowhere to go.
pub struct WebAdds {
    pool: Arc<WorkerPool>,
    thumbs: Arc<ThumbCache>,
    tx: Sender<Done>,
    rx: Receiver<Done>,
    pending: Vec<Pending>,
    next_key: u64,
    pub limits: Limits,
}

/// A placeholder's size: a card's, until it knows what it is.
const PLACEHOLDER: Size = Size { w: 300.0, h: 180.0 };

impl WebAdds {
    pub fn new(thumbs: Arc<ThumbCache>) -> Self {
        let (tx, rx) = channel();
        // Downloads wait on the network, not the processor: a few at a time.
        let pool = Arc::new(WorkerPool::new("moodboard-web", 4));
        Self { pool, thumbs, tx, rx, pending: Vec::new(), next_key: 0, limits: Limits::default() }
    }

    /// Whether any download is still under way.
    pub fn loading(&self) -> bool {
        self.pending.iter().any(|p| p.failed.is_none())
    }

    /// The placeholders to draw.
    pub fn cards(&self) -> Vec<PendingCard> {
        self.pending
            .iter()
            .map(|p| {
                let received = p.received.load(Ordering::Relaxed);
                let announced = p.announced.load(Ordering::Relaxed);
                PendingCard {
                    key: p.key,
                    rect: p.at,
                    address: p.address.clone(),
                    received,
                    fraction: (announced > 0).then(|| (received as f32 / announced as f32).clamp(0.0, 1.0)),
                    failed: p.failed.clone(),
                }
            })
            .collect()
    }

    fn start(&mut self, index: usize, store: &AssetStore, waker: Waker) {
        let p = &mut self.pending[index];
        p.failed = None;
        p.received.store(0, Ordering::Relaxed);
        p.announced.store(0, Ordering::Relaxed);
        let (key, address, want) = (p.key, p.address.clone(), p.want);
        let (received, announced) = (p.received.clone(), p.announced.clone());
        let (store, thumbs, limits) = (store.clone(), self.thumbs.clone(), self.limits.clone());
        let lost =
            Done { key, outcome: Outcome::Failed("the download stopped unexpectedly (a bug in Moodboard)".into()) };
        let reply = Reply::new(self.tx.clone(), lost, Some(waker.clone()));
        self.pool.spawn(move || {
            let progress = move |got: u64, of: Option<u64>| {
                received.store(got, Ordering::Relaxed);
                announced.store(of.unwrap_or(0), Ordering::Relaxed);
                waker();
            };
            let outcome = match want {
                WebWant::Image => match crate::web::image(&address, &store, &thumbs, &limits, &progress) {
                    Ok(imported) => Outcome::Image(imported),
                    Err(e) => Outcome::Failed(crate::i18n::said(&e)),
                },
                WebWant::Preview => Outcome::Link(crate::web::link(&address, &store, &thumbs, &limits, &progress)),
                WebWant::Pasted => match crate::web::pasted(&address, &store, &thumbs, &limits, &progress) {
                    Ok(Found::Image(imported)) => Outcome::Image(imported),
                    Ok(Found::Link(info)) => Outcome::Link(info),
                    Err(e) => Outcome::Failed(crate::i18n::said(&e)),
                },
            };
            reply.send(Done { key, outcome });
        });
    }
}

impl MoodboardApp {
    /// Starts fetching `address` for a card centred near `centre_in_board`.
    pub(super) fn fetch_address(
        &mut self,
        address: &str,
        want: WebWant,
        typed: Option<ItemKind>,
        centre_in_board: Option<Pos>,
        theme: Option<ThemeId>,
    ) {
        let theme = self.theme_for_new(theme).filter(|t| self.open.doc.board().theme(t).is_some());
        let others: Vec<BoardRect> = self.open.web.pending.iter().map(|p| p.at).collect();
        let top_left = self.place_avoiding(centre_in_board, PLACEHOLDER, theme.as_ref(), &others);
        let web = &mut self.open.web;
        web.next_key += 1;
        web.pending.push(Pending {
            key: web.next_key,
            address: address.trim().to_owned(),
            want,
            typed,
            theme,
            at: BoardRect::from_pos_size(top_left, PLACEHOLDER),
            received: Arc::new(AtomicU64::new(0)),
            announced: Arc::new(AtomicU64::new(0)),
            failed: None,
        });
        let (store, waker) = (self.open.store(), self.waker());
        let index = self.open.web.pending.len() - 1;
        self.open.web.start(index, &store, waker);
    }

    pub(super) fn retry_fetch(&mut self, key: u64) {
        let (store, waker) = (self.open.store(), self.waker());
        if let Some(index) = self.open.web.pending.iter().position(|p| p.key == key && p.failed.is_some()) {
            self.open.web.start(index, &store, waker);
        }
    }

    pub(super) fn dismiss_fetch(&mut self, key: u64) {
        self.open.web.pending.retain(|p| p.key != key || p.failed.is_none());
    }

    /// Turns finished downloads into cards, each one undo step, where its placeholder was.
    pub(super) fn take_downloads(&mut self) {
        while let Ok(done) = self.open.web.rx.try_recv() {
            let Some(index) = self.open.web.pending.iter().position(|p| p.key == done.key) else { continue };
            let kind = match done.outcome {
                Outcome::Failed(reason) => {
                    self.open.web.pending[index].failed = Some(reason);
                    continue;
                }
                Outcome::Image(imported) => {
                    self.open.images.forget(&imported.asset);
                    imported.into_kind()
                }
                Outcome::Link(info) => {
                    let p = &self.open.web.pending[index];
                    if let Some(warning) = &info.warning {
                        self.toasts.warning(tr!(
                            "web-link-added-warning",
                            address = p.address.as_str(),
                            warning = crate::i18n::say(warning)
                        ));
                    }
                    if let Some(picture) = &info.picture {
                        self.open.images.forget(&picture.asset);
                    }
                    let mut kind = p.typed.clone().unwrap_or_else(|| ItemKind::link(p.address.clone(), "", ""));
                    kind.take_preview(info.preview());
                    kind
                }
            };
            let p = self.open.web.pending.remove(index);
            let theme = p.theme.filter(|t| self.open.doc.board().theme(t).is_some());
            // Where its placeholder was, off the cards and the other placeholders.
            let others: Vec<BoardRect> = self.open.web.pending.iter().map(|p| p.at).collect();
            let pos = self.place_avoiding(Some(p.at.center()), kind.default_size(), theme.as_ref(), &others);
            let Some(ids) = self.insert_new(kind, crate::model::operations::Place::At(pos), theme) else { continue };
            // Selected, unless the user has picked something else meanwhile.
            if self.view.canvas.selection.is_empty()
                || self.view.canvas.selection.iter().all(|s| self.open.doc.board().item(s).is_none())
            {
                self.view.canvas.selection = ids.into_iter().collect();
            }
        }
    }
}
