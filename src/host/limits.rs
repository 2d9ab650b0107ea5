//! Everything the join server allows, in one place (docs/JOIN.md lists them): what each
//! connection may take, how many people may hold a place and for how long, and what one
//! run takes in before the board is full. Tests start a server with small ones.

use std::time::Duration;

/// Most memory all picture decodes together may take, in MiB: a decode waits until its
/// share is free.
pub const DECODE_BUDGET_MIB: u32 = 1024;
/// What decoding a picture of `size` takes from the shared budget, in MiB: `copies` RGBA
/// images of its size (at least 1 MiB, at most the whole budget).
pub fn decode_share(size: crate::model::PixelSize, copies: u64) -> u32 {
    let bytes = u64::from(size.w).saturating_mul(u64::from(size.h)).saturating_mul(4 * copies);
    u32::try_from(bytes.div_ceil(1 << 20).max(1)).unwrap_or(u32::MAX).min(DECODE_BUDGET_MIB)
}

/// Most pixels in a photo from a phone (phones save 12 to 50 megapixels).
pub const PHONE_MAX_PIXELS: u64 = 50_000_000;
/// Room kept in the board file for each idea not yet written (a phone's texts are capped
/// well below this).
pub const QUEUED_IDEA_BYTES: u64 = 16 * 1024;

/// What the server allows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Connections open at once; one more is closed as it arrives. By default below the
    /// 1,024 files a process may usually hold, with room for the board, its images and
    /// the app; [`Limits::for_this_process`] raises both.
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

/// Files kept free of connections, for the board, its images, the app and its libraries.
const FILES_KEPT: u64 = 256;
/// The most connections, however many files the system allows.
const MOST_CONNECTIONS: u64 = 8192;

impl Limits {
    /// The defaults, with as many connections as this process may hold files for: the
    /// usual soft limit of 1,024 open files is raised to what the system allows (up to
    /// 8,448), since a room of phones each opening a few connections at once (the event
    /// stream and its pictures) is more than 768.
    pub fn for_this_process() -> Self {
        let files = raise_open_files(MOST_CONNECTIONS + FILES_KEPT);
        let connections = files.saturating_sub(FILES_KEPT).clamp(64, MOST_CONNECTIONS);
        Self { connections: usize::try_from(connections).unwrap_or(768), ..Self::default() }
    }
}

/// Raises this process's limit of open files towards `wanted` (never past what the system
/// allows) and returns the limit now.
#[cfg(unix)]
// rlim_t is u64 here, and another width on other systems.
#[allow(clippy::useless_conversion)]
fn raise_open_files(wanted: u64) -> u64 {
    let mut limit = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
    // SAFETY: getrlimit and setrlimit only read and write the struct given.
    if unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) } != 0 {
        return 1024;
    }
    let current = u64::try_from(limit.rlim_cur).unwrap_or(u64::MAX);
    let most = u64::try_from(limit.rlim_max).unwrap_or(u64::MAX);
    let target = wanted.min(most);
    if target > current {
        let raised = libc::rlimit { rlim_cur: target as libc::rlim_t, rlim_max: limit.rlim_max };
        // SAFETY: as above.
        if unsafe { libc::setrlimit(libc::RLIMIT_NOFILE, &raised) } == 0 {
            return target;
        }
    }
    current
}

#[cfg(not(unix))]
fn raise_open_files(_wanted: u64) -> u64 {
    1024
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

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    #[allow(clippy::useless_conversion)]
    fn connections_stay_below_the_files_this_process_may_open() {
        let limits = Limits::for_this_process();
        let mut now = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
        // SAFETY: reads the struct given.
        assert_eq!(unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut now) }, 0);
        let files = u64::try_from(now.rlim_cur).unwrap_or(u64::MAX);
        assert!(limits.connections >= 64 && limits.connections as u64 <= MOST_CONNECTIONS);
        assert!(
            limits.connections as u64 + FILES_KEPT <= files.max(64 + FILES_KEPT),
            "{} connections, {files} files",
            limits.connections
        );
    }
}
