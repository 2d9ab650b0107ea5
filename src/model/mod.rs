//! The board as plain data: what a moodboard holds and the edits that change it.
//! Nothing here knows about egui, files or threads.

pub mod align;
mod asset_name;
mod board;
pub mod clock;
mod colour;
pub mod connector;
mod edit;
pub mod frames;
mod geometry;
mod history;
mod id_list;
mod ids;
mod item;
pub mod kinds;
pub mod lens;
pub mod links;
mod merge;
pub mod operations;
pub mod reading;
pub mod rules;
mod session;
pub mod suggest;
mod tally;
mod timestamp;

pub use crate::i18n::{Arg, Message, Said};
pub use asset_name::{ASSET_EXTENSIONS, AssetName, AssetNameError};
pub use board::{Board, BoardMeta, FORMAT_VERSION, RECOMMENDED_MAX_GOALS, THEME_PALETTE, Theme, Tombstone};
pub use clock::{MAX_CLOCK_AHEAD_MS, Stamper, horizon};
pub use colour::{Rgb, normalise_hex};
pub use connector::{Connector, End, Heads};
pub(crate) use edit::sort_themes;
pub use edit::{Edit, EditError, ItemChange};
pub use geometry::{BoardRect, Crop, MAX_COORD, MAX_SIZE, MIN_SIZE, Pos, Size, Turn};
pub use history::History;
pub use id_list::{HasId, IdList};
pub use ids::{BoardId, ConnectorId, IdError, ItemId, MAX_ID_LEN, ResponseId, ThemeId, VoteId};
pub use item::Item;
pub use kinds::{ItemKind, KindTag, PixelSize, metrics, one_line};
pub use merge::{Change, MergeSummary, Merged, Refusal, Refused, Trust, diff, merge, merge_now, summarise};
pub mod delta {
    //! What one copy of a board lacks of another (see `merge/delta.rs`).
    pub use super::merge::{Summary, delta, overlay, summary};
}
pub use session::{
    Answer, DEFAULT_DOTS, DEFAULT_TIMER_SECS, JOINED_TAG, MAX_DOTS, MAX_REPLY_CHARS, MAX_TIMER_SECS, PROMPT_TAG, Phase,
    Reaction, Response, Session, Timer, Vote, format_clock, is_internal_tag, is_joined, is_prompt, pinned_prompt,
    same_person,
};
pub use timestamp::Timestamp;
