//! A live ticket: what a teammate is given to join a live board. It carries the board's
//! id and title, how to reach the peer that gave it (its public key, its direct
//! addresses, the relay it is reachable through) and a secret capability that makes the
//! holder an editor or a guest. It is text (`moodboard-live:` and base64url of a short
//! binary form, about 200 characters), so it can be pasted, mailed or shown as a QR code
//! a phone reads at a glance. Tickets of the first version (base64url of JSON) still
//! read.
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

/// The version of the binary form written now (the first byte).
const BINARY: u8 = 2;

impl Ticket {
    /// The ticket as text: version 2, binary. Every length is a count before the bytes:
    /// `2`, role (0 editor, 1 guest), board id (1-byte length), title (2-byte length,
    /// UTF-8), the peer's key (32 bytes), the secret (32 bytes), the addresses (a count,
    /// then each as 4 or 6, the IP's bytes and a 2-byte port), the relay (2-byte length,
    /// 0 for none). Numbers big-endian.
    pub fn to_text(&self) -> String {
        let mut out = vec![BINARY, u8::from(self.role == Role::Guest)];
        let board = self.board.as_str().as_bytes();
        out.push(board.len() as u8);
        out.extend(board);
        let title: String = self.title.chars().take(MAX_TITLE_CHARS).collect();
        out.extend((title.len() as u16).to_be_bytes());
        out.extend(title.as_bytes());
        out.extend(self.peer.id.as_bytes());
        out.extend(&self.secret.to_bytes());
        let addrs: Vec<SocketAddr> = self.peer.ip_addrs().copied().take(MAX_ADDRS).collect();
        out.push(addrs.len() as u8);
        for addr in addrs {
            match addr.ip() {
                std::net::IpAddr::V4(ip) => {
                    out.push(4);
                    out.extend(ip.octets());
                }
                std::net::IpAddr::V6(ip) => {
                    out.push(6);
                    out.extend(ip.octets());
                }
            }
            out.extend(addr.port().to_be_bytes());
        }
        let relay = self.peer.relay_urls().next().map(ToString::to_string).unwrap_or_default();
        out.extend((relay.len() as u16).to_be_bytes());
        out.extend(relay.as_bytes());
        format!("{PREFIX}{}", base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(out))
    }

    /// The ticket in its first version's form (JSON), which is still read.
    pub fn to_text_v1(&self) -> String {
        let address = Address::of(&self.peer);
        let written = Written {
            v: 1,
            board: self.board.as_str().to_owned(),
            title: self.title.clone(),
            peer: address.peer,
            addrs: address.addrs,
            relay: address.relay,
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
        match json.first() {
            Some(b'{') => {}
            Some(&BINARY) => return Self::from_binary(&json),
            Some(&v) => return Err(TicketError::Newer(u32::from(v))),
            None => return Err(TicketError::Damaged("empty".into())),
        }
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

    /// Reads the binary form (see [`Ticket::to_text`]); every length is checked against
    /// what is left.
    fn from_binary(bytes: &[u8]) -> Result<Self, TicketError> {
        let mut rest = bytes.get(1..).unwrap_or_default();
        let mut take = |n: usize, what: &'static str| -> Result<&[u8], TicketError> {
            if rest.len() < n {
                return Err(TicketError::Damaged(format!("it ends before its {what}")));
            }
            let (taken, left) = rest.split_at(n);
            rest = left;
            Ok(taken)
        };
        let field = |field: &'static str, why: String| TicketError::Field { field, why };
        let role = match take(1, "role")?[0] {
            0 => Role::Editor,
            1 => Role::Guest,
            other => return Err(field("role", format!("{other} is no role"))),
        };
        let len = usize::from(take(1, "board")?[0]);
        let board = std::str::from_utf8(take(len, "board")?).map_err(|e| field("board", e.to_string()))?;
        let board = BoardId::parse(board).map_err(|e| field("board", e.to_string()))?;
        let len = take(2, "title")?;
        let len = usize::from(u16::from_be_bytes([len[0], len[1]]));
        let title = String::from_utf8(take(len, "title")?.to_vec()).map_err(|e| field("title", e.to_string()))?;
        if title.chars().count() > MAX_TITLE_CHARS || title.chars().any(char::is_control) {
            return Err(field("title", format!("longer than {MAX_TITLE_CHARS} characters or not one line")));
        }
        let key: [u8; 32] = take(32, "peer")?.try_into().expect("32 bytes");
        let id = iroh::PublicKey::from_bytes(&key).map_err(|e| field("peer", e.to_string()))?;
        let secret: [u8; 32] = take(32, "secret")?.try_into().expect("32 bytes");
        let count = usize::from(take(1, "addresses")?[0]);
        if count > MAX_ADDRS {
            return Err(field("addrs", format!("{count} addresses; at most {MAX_ADDRS}")));
        }
        let mut addrs = Vec::with_capacity(count);
        for _ in 0..count {
            let ip: std::net::IpAddr = match take(1, "addresses")?[0] {
                4 => <[u8; 4]>::try_from(take(4, "addresses")?).expect("4 bytes").into(),
                6 => <[u8; 16]>::try_from(take(16, "addresses")?).expect("16 bytes").into(),
                other => return Err(field("addrs", format!("an address of kind {other}"))),
            };
            let port = take(2, "addresses")?;
            addrs.push(SocketAddr::new(ip, u16::from_be_bytes([port[0], port[1]])));
        }
        let len = take(2, "relay")?;
        let len = usize::from(u16::from_be_bytes([len[0], len[1]]));
        let relay = std::str::from_utf8(take(len, "relay")?).map_err(|e| field("relay", e.to_string()))?;
        let relay = (!relay.is_empty()).then(|| relay.to_owned());
        if !rest.is_empty() {
            return Err(TicketError::Damaged(format!("{} bytes after its end", rest.len())));
        }
        let peer = Address { peer: id.to_string(), addrs, relay }.endpoint()?;
        Ok(Ticket { board, title, peer, secret: Secret::from_bytes(secret), role })
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
    fn a_ticket_is_short_and_one_of_the_first_version_still_reads() {
        let mut t = ticket();
        t.peer = t
            .peer
            .with_ip_addr("[fe80::1]:4040".parse().unwrap())
            .with_relay_url("https://relay.example.org".parse().unwrap());
        let text = t.to_text();
        assert_eq!(Ticket::parse(&text).unwrap(), t);
        assert!(text.len() < 220, "{} characters", text.len());
        let v1 = t.to_text_v1();
        assert!(v1.len() > text.len() * 3 / 2, "{} against {}", v1.len(), text.len());
        assert_eq!(Ticket::parse(&v1).unwrap(), t);
    }

    #[test]
    fn a_cut_or_padded_binary_ticket_says_where() {
        let text = ticket().to_text();
        let bytes =
            base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(text.strip_prefix(PREFIX).unwrap()).unwrap();
        let encode = |b: &[u8]| format!("{PREFIX}{}", base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(b));
        // Every cut is named, never a panic.
        for end in 1..bytes.len() {
            let err = Ticket::parse(&encode(&bytes[..end])).unwrap_err();
            assert!(matches!(err, TicketError::Damaged(_) | TicketError::Field { .. }), "{end}: {err:?}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(Ticket::parse(&encode(&longer)).unwrap_err().to_string().contains("after its end"));
        let mut role = bytes.clone();
        role[1] = 9;
        assert!(matches!(Ticket::parse(&encode(&role)), Err(TicketError::Field { field: "role", .. })));
        let mut newer = bytes;
        newer[0] = 3;
        assert_eq!(Ticket::parse(&encode(&newer)), Err(TicketError::Newer(3)));
    }

    #[test]
    fn a_bad_ticket_says_what_is_wrong() {
        assert_eq!(Ticket::parse("hello"), Err(TicketError::NoPrefix));
        assert!(matches!(Ticket::parse(&format!("{PREFIX}!!!")), Err(TicketError::Damaged(_))));
        assert!(matches!(Ticket::parse(&"x".repeat(5000)), Err(TicketError::TooLong(5000))));
        let text = ticket().to_text_v1();
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
