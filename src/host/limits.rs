//! Everything the join server allows, in one place (docs/JOIN.md lists them): what each
//! connection may take, how many people may hold a place and for how long, and what one
//! run takes in before the board is full. Tests start a server with small ones.

use std::time::Duration;

/// Most memory all picture decodes together may take, in MiB: a decode waits until its
/// share is free.
pub const DECODE_BUDGET_MIB: u32 = 1024;
/// Most pixels in a photo from a phone (phones save 12 to 50 megapixels).
pub const PHONE_MAX_PIXELS: u64 = 50_000_000;
/// Room kept in the board file for each idea not yet written (a phone's texts are capped
/// well below this).
pub const QUEUED_IDEA_BYTES: u64 = 16 * 1024;

/// What the server allows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Connections open at once; one more is closed as it arrives. Below the 1,024 files
    /// a process may usually hold, with room for the board, its images and the app.
    pub connections: usize,
    /// Time to send a request's headers.
    pub headers: Duration,
    /// Time a connection may stay without a byte either way (an open page's event stream
    /// sends one every 15 s).
    pub idle: Duration,
    /// Time connections get to finish when the server stops.
    pub stopping: Duration,
    /// Participants holding a place at once.
    pub participants: usize,
    /// Time a participant's place is kept after their page went (no request, no stream).
    pub place_kept: Duration,
    /// Ideas and replies one run takes in from phones, everyone together.
    pub ideas: usize,
    /// Their bytes, photos included.
    pub bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            connections: 768,
            headers: Duration::from_secs(10),
            idle: Duration::from_secs(60),
            stopping: Duration::from_secs(1),
            participants: 2000,
            place_kept: Duration::from_secs(20 * 60),
            ideas: 5_000,
            bytes: 1_000_000_000,
        }
    }
}
