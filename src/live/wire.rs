//! The messages peers exchange and how they are framed (`docs/LIVE.md`).
//!
//! One QUIC stream per connection carries the conversation: the dialer's `Hello`, the
//! answer (`Welcome` or `Refused`), then each side's `Summary` and, from then on,
//! `Changes` whenever a copy has something the other lacks. Each message is a frame: its
//! length (4 bytes, big-endian) and JSON. A picture is asked for on a stream of its own
//! (`Want`, answered by `Have` and the bytes, or `NotHere`). Where people are on the
//! board goes on one more stream each way, opened by each side after hello, that
//! carries only `Presence` frames of at most [`super::presence::MAX_FRAME`] bytes.
//!
//! Everything read is limited before it is read: a frame longer than [`MAX_FRAME`] or a
//! picture larger than [`crate::storage::MAX_ASSET_BYTES`] is refused, not buffered.

use serde::{Deserialize, Serialize};

use super::peer::Role;
use super::presence::Presence;
use super::ticket::Address;
use crate::model::delta::Summary;

/// The protocol version a peer speaks.
pub const PROTOCOL: u32 = 2;
/// The most copies an `addresses` message may name.
pub const MAX_ADDRESSES: usize = 32;
/// The largest frame: a whole board (the file's own limit) and room for its JSON quoting.
pub const MAX_FRAME: usize = 2 * crate::storage::format::MAX_BOARD_BYTES as usize;
/// The most records a summary may name (ten times what a board of the file's limit holds).
pub const MAX_SUMMARY: usize = 2_000_000;
/// Longest name a peer may give.
pub const MAX_NAME_CHARS: usize = 80;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Message {
    /// The dialer: who it is and the secret from its ticket.
    Hello {
        protocol: u32,
        board: String,
        secret: String,
        name: String,
    },
    /// The answer to a good `Hello`: the role the secret gives, who we are, and for an
    /// editor the guest secret (so that an editor's copy can let guests in too).
    Welcome {
        role: Role,
        name: String,
        guest_secret: Option<String>,
    },
    /// The answer to a bad `Hello`, or the last word before a peer is disconnected.
    Refused {
        reason: String,
    },
    /// How to reach this copy and the other editors' copies it knows of (between
    /// editors only, before the summary), so that copies reach each other when the peer
    /// they joined is away.
    Addresses {
        peers: Vec<Address>,
    },
    /// Which version of each record this copy holds.
    Summary {
        summary: Summary,
    },
    /// What the other copy lacks: a board in the file format with only those records.
    Changes {
        board: String,
    },
    /// A picture, by its asset name.
    Want {
        asset: String,
    },
    /// The picture follows: this many bytes.
    Have {
        size: u64,
    },
    NotHere,
    /// Where someone is on the board (on the presence stream only; `presence` is
    /// `None` when they left). Never saved.
    Presence {
        who: String,
        name: String,
        seq: u64,
        presence: Option<Presence>,
    },
}

/// Why a frame could not be read.
#[derive(Debug, thiserror::Error)]
pub enum WireError {
    #[error("the connection closed")]
    Closed,
    #[error("the connection failed: {0}")]
    Connection(String),
    #[error("a message of {size} bytes is over the limit of {limit} bytes")]
    TooLarge { size: u64, limit: u64 },
    #[error("a message that is not one of ours: {0}")]
    Malformed(String),
}

/// Sends one message.
pub async fn send(stream: &mut iroh::endpoint::SendStream, message: &Message) -> Result<(), WireError> {
    let json = serde_json::to_vec(message).map_err(|e| WireError::Malformed(e.to_string()))?;
    let len = u32::try_from(json.len()).ok().filter(|&n| n as usize <= MAX_FRAME);
    let len = len.ok_or(WireError::TooLarge { size: json.len() as u64, limit: MAX_FRAME as u64 })?;
    stream.write_all(&len.to_be_bytes()).await.map_err(|e| WireError::Connection(e.to_string()))?;
    stream.write_all(&json).await.map_err(|e| WireError::Connection(e.to_string()))?;
    Ok(())
}

/// A read that failed: a close by either side is the end of the conversation; anything
/// else says what went wrong with the connection.
fn lost(e: iroh::endpoint::ReadError) -> WireError {
    use iroh::endpoint::{ConnectionError, ReadError};
    match e {
        ReadError::ConnectionLost(ConnectionError::ApplicationClosed(_) | ConnectionError::LocallyClosed) => {
            WireError::Closed
        }
        ReadError::ConnectionLost(e) => WireError::Connection(e.to_string()),
        e => WireError::Connection(e.to_string()),
    }
}

/// Reads one message; `None` when the other side finished the stream between messages.
pub async fn receive(stream: &mut iroh::endpoint::RecvStream) -> Result<Option<Message>, WireError> {
    receive_at_most(stream, MAX_FRAME).await
}

/// Reads one message of at most `limit` bytes.
pub async fn receive_at_most(
    stream: &mut iroh::endpoint::RecvStream,
    limit: usize,
) -> Result<Option<Message>, WireError> {
    let mut len = [0u8; 4];
    match stream.read_exact(&mut len).await {
        Ok(()) => {}
        Err(iroh::endpoint::ReadExactError::FinishedEarly(0)) => return Ok(None),
        Err(iroh::endpoint::ReadExactError::FinishedEarly(_)) => return Err(WireError::Closed),
        Err(iroh::endpoint::ReadExactError::ReadError(e)) => return Err(lost(e)),
    }
    let len = u32::from_be_bytes(len) as usize;
    if len > limit {
        return Err(WireError::TooLarge { size: len as u64, limit: limit as u64 });
    }
    let mut body = vec![0u8; len];
    stream.read_exact(&mut body).await.map_err(|e| match e {
        iroh::endpoint::ReadExactError::FinishedEarly(_) => WireError::Closed,
        iroh::endpoint::ReadExactError::ReadError(e) => lost(e),
    })?;
    let message: Message = serde_json::from_slice(&body).map_err(|e| WireError::Malformed(e.to_string()))?;
    if let Message::Summary { summary } = &message
        && summary.len() > MAX_SUMMARY
    {
        return Err(WireError::TooLarge { size: summary.len() as u64, limit: MAX_SUMMARY as u64 });
    }
    if let Message::Addresses { peers } = &message
        && peers.len() > MAX_ADDRESSES
    {
        return Err(WireError::TooLarge { size: peers.len() as u64, limit: MAX_ADDRESSES as u64 });
    }
    Ok(Some(message))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_tagged_json_and_unknown_fields_are_refused() {
        let hello = Message::Hello { protocol: 1, board: "b".into(), secret: "s".into(), name: "Ann".into() };
        let json = serde_json::to_string(&hello).unwrap();
        assert_eq!(json, r#"{"type":"hello","protocol":1,"board":"b","secret":"s","name":"Ann"}"#);
        assert_eq!(serde_json::from_str::<Message>(&json).unwrap(), hello);
        assert!(
            serde_json::from_str::<Message>(
                r#"{"type":"hello","protocol":1,"board":"b","secret":"s","name":"A","x":1}"#
            )
            .is_err()
        );
        assert!(serde_json::from_str::<Message>(r#"{"type":"delete_everything"}"#).is_err());
    }
}
