//! The board's pictures for phones: each one as a small JPEG (at most [`PHONE_SIDE`]
//! pixels), made once per picture from the board's assets folder and kept in memory, so
//! that a room of phones opening the board at once costs one decode per picture. Only
//! pictures a card the participant may see shows are served; never the original.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use tokio::sync::OnceCell;

use crate::model::AssetName;
use crate::storage::AssetStore;

/// Longest side of a picture sent to a phone, in pixels: sharp on a phone's screen at
/// the width the page shows it, a few dozen KB.
pub const PHONE_SIDE: u32 = 480;
/// Its JPEG quality: a photo comes to about 28 KB (the sample photos' average), so a
/// board of 100 photos is under 3 MB.
pub const PHONE_QUALITY: u8 = 75;
/// Pictures kept in memory; past this the oldest made are let go (and made again if asked).
pub const KEPT: usize = 400;

/// What was made of one picture: its JPEG, or why it cannot be shown.
type Made = Result<Bytes, String>;
/// One picture's place: when it was last asked for, and its JPEG once made (a failure is
/// not kept: the picture may arrive later, through a sync).
type Kept = (u64, Arc<OnceCell<Bytes>>);

/// Makes the phone-sized picture of every card on the board, one after the other, from
/// the moment the server starts: by the time the first phones open the page (someone
/// has to scan the code first), most are made, and a phone asking for one still being
/// made waits for that making rather than starting another. Pictures added later are
/// made when first asked for.
pub async fn warm(state: Arc<super::state::State>) {
    let store = AssetStore::for_board(&state.path);
    let assets: Vec<AssetName> = {
        let b = state.board.lock().unwrap_or_else(|e| e.into_inner());
        let mut seen = std::collections::HashSet::new();
        b.board.items.iter().filter_map(|i| i.kind.picture()).filter(|a| seen.insert(*a)).cloned().collect()
    };
    for asset in assets.iter().take(KEPT) {
        // A picture that cannot be made now is made (or refused) when asked for.
        let _ = state.pictures.get(&store, asset, &state.decoding).await;
    }
}

#[derive(Default)]
pub struct Pictures {
    made: Mutex<HashMap<AssetName, Kept>>,
    /// Counts what was asked for, so the oldest is let go first.
    asked: std::sync::atomic::AtomicU64,
}

impl Pictures {
    /// The phone-sized JPEG of `asset` from `store`, made on first ask (on a blocking
    /// thread, within `budget`'s share for decodes) and kept.
    pub async fn get(&self, store: &AssetStore, asset: &AssetName, budget: &tokio::sync::Semaphore) -> Made {
        let cell = {
            let mut made = self.made.lock().unwrap_or_else(|e| e.into_inner());
            let n = self.asked.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            if made.len() >= KEPT && !made.contains_key(asset) {
                let oldest = made.iter().min_by_key(|(_, (at, _))| *at).map(|(k, _)| k.clone());
                if let Some(oldest) = oldest {
                    made.remove(&oldest);
                }
            }
            let entry = made.entry(asset.clone()).or_insert_with(|| (n, Arc::new(OnceCell::new())));
            entry.0 = n;
            entry.1.clone()
        };
        cell.get_or_try_init(|| async {
            let bytes = store.read_verified(asset).map_err(|e| e.to_string())?;
            let probe = crate::media::probe(&bytes).map_err(|e| e.to_string())?;
            let cost = super::limits::decode_share(probe.pixel_size, 1);
            let _share = budget.acquire_many(cost).await.map_err(|e| e.to_string())?;
            tokio::task::spawn_blocking(move || {
                crate::media::small_jpeg(&bytes, PHONE_SIDE, PHONE_QUALITY).map(Bytes::from)
            })
            .await
            .map_err(|e| e.to_string())?
        })
        .await
        .cloned()
    }
}
