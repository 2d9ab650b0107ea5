//! A live ticket: what a teammate is given to join a live board. It carries the board's
//! id and title, how to reach the peer that gave it (its public key, its direct
//! addresses, the relay it is reachable through) and a secret capability that makes the
//! holder an editor or a guest. It is text (`moodboard-live:` and base64url of JSON),
//! so it can be pasted, mailed or shown as a QR code.
//!
//! A ticket is received: everything in it is checked, and a bad one gets an error that
//! says what was wrong with it.

use std::net::SocketAddr;

use base64::Engine as _;
use serde::{Deserialize, Serialize};

use super::keys::Secret;
use super::peer::Role;
use crate::model::BoardId;

/// What every ticket starts with.
pub const PREFIX: &str = "moodboard-live:";
/// Longer text than this is no ticket of ours.
const MAX_TICKET_CHARS: usize = 4096;
/// Addresses a ticket may name.
const MAX_ADDRS: usize = 16;
const MAX_TITLE_CHARS: usize = 200;

/// A checked ticket.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ticket {
    pub board: BoardId,
    /// The board's title when the ticket was made (the joiner's file is named after it).
    pub title: String,
    /// The peer to dial.
    pub peer: iroh::EndpointAddr,
    pub secret: Secret,
    pub role: Role,
}

/// The ticket as it is written.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Written {
    v: u32,
    board: String,
    title: String,
    peer: String,
    addrs: Vec<SocketAddr>,
    relay: Option<String>,
    secret: String,
    role: Role,
}

/// How to reach one copy of a board (its public key, direct addresses, relay), as
/// copies tell each other (`docs/LIVE.md`, *addresses*) and keep them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Address {
    pub peer: String,
    pub addrs: Vec<SocketAddr>,
    pub relay: Option<String>,
}

impl Address {
    pub fn of(endpoint: &iroh::EndpointAddr) -> Self {
        Self {
            peer: endpoint.id.to_string(),
            addrs: endpoint.ip_addrs().copied().take(MAX_ADDRS).collect(),
            relay: endpoint.relay_urls().next().map(ToString::to_string),
        }
    }

    /// The address, checked: a key, at most [`MAX_ADDRS`] addresses, a relay URL, and
    /// some way to reach it.
    pub fn endpoint(&self) -> Result<iroh::EndpointAddr, TicketError> {
        let field = |field: &'static str, why: String| TicketError::Field { field, why };
        let id: iroh::PublicKey = self.peer.parse().map_err(|e| field("peer", format!("{e}")))?;
        if self.addrs.len() > MAX_ADDRS {
            return Err(field("addrs", format!("{} addresses; at most {MAX_ADDRS}", self.addrs.len())));
        }
        let mut peer = iroh::EndpointAddr::new(id);
        for addr in &self.addrs {
            peer = peer.with_ip_addr(*addr);
        }
        if let Some(relay) = &self.relay {
            let url: iroh::RelayUrl = relay.parse().map_err(|e| field("relay", format!("{e}")))?;
            peer = peer.with_relay_url(url);
        }
        if peer.is_empty() {
            return Err(field("peer", "no address and no relay to reach it by".into()));
        }
        Ok(peer)
    }
}

/// Why a text is not a ticket.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum TicketError {
    #[error("this is not a live ticket: a ticket starts with “{PREFIX}”")]
    NoPrefix,
    #[error("the ticket is too long ({0} characters; a ticket has at most {MAX_TICKET_CHARS})")]
    TooLong(usize),
    #[error("the ticket is damaged: {0}")]
    Damaged(String),
    #[error("the ticket is from a newer Moodboard (ticket version {0}); update to join")]
    Newer(u32),
    #[error("the ticket's {field} is not valid: {why}")]
    Field { field: &'static str, why: String },
}

impl Ticket {
    /// The ticket as text.
    pub fn to_text(&self) -> String {
        let written = Written {
            v: 1,
            board: self.board.as_str().to_owned(),
            title: self.title.clone(),
            peer: self.peer.id.to_string(),
            addrs: Address::of(&self.peer).addrs,
            relay: Address::of(&self.peer).relay,
            secret: self.secret.to_hex(),
            role: self.role,
        };
        let json = serde_json::to_vec(&written).expect("a ticket serialises");
        format!("{PREFIX}{}", base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(json))
    }

    /// Reads a ticket (surrounding spaces and line breaks are ignored).
    pub fn parse(text: &str) -> Result<Self, TicketError> {
        let text: String = text.split_whitespace().collect();
        if text.chars().count() > MAX_TICKET_CHARS {
            return Err(TicketError::TooLong(text.chars().count()));
        }
        let body = text.strip_prefix(PREFIX).ok_or(TicketError::NoPrefix)?;
        let json = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(body)
            .map_err(|e| TicketError::Damaged(format!("not base64url ({e})")))?;
        let version: serde_json::Value =
            serde_json::from_slice(&json).map_err(|e| TicketError::Damaged(format!("not JSON ({e})")))?;
        match version.get("v").and_then(serde_json::Value::as_u64) {
            Some(1) => {}
            Some(v) if v > 1 => return Err(TicketError::Newer(u32::try_from(v).unwrap_or(u32::MAX))),
            _ => return Err(TicketError::Field { field: "version", why: "missing or not 1".into() }),
        }
        let w: Written = serde_json::from_value(version).map_err(|e| TicketError::Damaged(e.to_string()))?;
        let field = |field: &'static str, why: String| TicketError::Field { field, why };
        let board = BoardId::parse(&w.board).map_err(|e| field("board", e.to_string()))?;
        if w.title.chars().count() > MAX_TITLE_CHARS || w.title.chars().any(char::is_control) {
            return Err(field("title", format!("longer than {MAX_TITLE_CHARS} characters or not one line")));
        }
        let peer = Address { peer: w.peer, addrs: w.addrs, relay: w.relay }.endpoint()?;
        let secret = Secret::from_hex(&w.secret).ok_or_else(|| field("secret", "not 64 hex digits".into()))?;
        Ok(Ticket { board, title: w.title, peer, secret, role: w.role })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ticket() -> Ticket {
        let key = iroh::SecretKey::from_bytes(&[7; 32]);
        let peer = iroh::EndpointAddr::new(key.public()).with_ip_addr("127.0.0.1:4040".parse().unwrap());
        Ticket {
            board: BoardId::new_random(), title: "Café".into(), peer, secret: Secret::random(), role: Role::Guest
        }
    }

    #[test]
    fn a_ticket_reads_back_as_written_and_survives_line_breaks() {
        let t = ticket();
        let text = t.to_text();
        assert!(text.starts_with(PREFIX));
        assert_eq!(Ticket::parse(&text).unwrap(), t);
        let wrapped: String =
            text.chars().enumerate().flat_map(|(i, c)| (i % 40 == 39).then_some('\n').into_iter().chain([c])).collect();
        assert_eq!(Ticket::parse(&format!("  {wrapped}\n")).unwrap(), t);
    }

    #[test]
    fn a_bad_ticket_says_what_is_wrong() {
        assert_eq!(Ticket::parse("hello"), Err(TicketError::NoPrefix));
        assert!(matches!(Ticket::parse(&format!("{PREFIX}!!!")), Err(TicketError::Damaged(_))));
        assert!(matches!(Ticket::parse(&"x".repeat(5000)), Err(TicketError::TooLong(5000))));
        let text = ticket().to_text();
        let json = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(text.strip_prefix(PREFIX).unwrap()).unwrap();
        let mut value: serde_json::Value = serde_json::from_slice(&json).unwrap();
        let encode = |v: &serde_json::Value| {
            format!(
                "{PREFIX}{}",
                base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(serde_json::to_vec(v).unwrap())
            )
        };
        value["secret"] = "abc".into();
        assert!(matches!(Ticket::parse(&encode(&value)), Err(TicketError::Field { field: "secret", .. })));
        value["v"] = 9.into();
        assert_eq!(Ticket::parse(&encode(&value)), Err(TicketError::Newer(9)));
        value["v"] = 1.into();
        value["secret"] = ticket().secret.to_hex().into();
        value["board"] = "../../etc".into();
        assert!(matches!(Ticket::parse(&encode(&value)), Err(TicketError::Field { field: "board", .. })));
    }
}
