//! Live boards: copies of one board on several computers kept in step while they are
//! connected, with no server of ours and no account (contract: `docs/LIVE.md`).
//!
//! Every copy stays a board file its owner keeps; what goes between them is what the
//! other copy lacks ([`crate::model::delta`]), merged by the board's own merge through
//! `operations::merge_in`, and the pictures a copy lacks, checked against their BLAKE3
//! names. Connections are iroh's (QUIC dialled by public key, end-to-end encrypted,
//! direct on a LAN, through a relay across the internet).
//!
//! - [`ticket`]: what a teammate is given to join (board, how to reach the sharer, a
//!   secret that says editor or guest);
//! - [`keys`]: the secrets and this computer's key per shared board, kept in the
//!   configuration folder, never beside the board (a board travels, its secrets do not);
//! - [`wire`]: the messages and their frames, with limits;
//! - [`net`]: the endpoint, built from the user's choice of relay;
//! - [`presence`]: where each person points, what they selected and what they see
//!   (never saved), passed on by every peer;
//! - [`peer`]: the running peer: it serves and dials, applies what arrives to the file,
//!   and sends on whatever changes in the file (the app, `moodboard add`, a merge).

pub mod keys;
pub mod net;
pub mod peer;
pub mod presence;
pub mod ticket;
pub mod wire;

pub use net::Network;
pub use peer::{Event, Peer, Role};
pub use ticket::Ticket;

/// The protocol's name in the QUIC handshake: a peer speaking another is refused there.
pub const ALPN: &[u8] = b"moodboard/live/1";
