//! The endpoint a live board is reached at, built from the user's choice of network.
//! No address lookup service is used: a ticket carries the addresses and the relay, so
//! nothing is published to any server, and a machine without internet never waits on
//! one (see iroh's issue #3741).

use std::net::SocketAddr;

use iroh::endpoint::presets;
use iroh::{Endpoint, RelayMode, RelayUrl};

/// Which way peers may reach each other.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Network {
    /// Direct connections, and n0's public relays where a direct path cannot be made.
    Internet,
    /// Direct connections, and this relay (one you run: `iroh-relay`).
    Relay(RelayUrl),
    /// Direct connections only: no relay, nothing leaves the local network.
    LanOnly,
}

impl Network {
    fn relay_mode(&self) -> RelayMode {
        match self {
            Network::Internet => RelayMode::Default,
            Network::Relay(url) => RelayMode::custom([url.clone()]),
            Network::LanOnly => RelayMode::Disabled,
        }
    }

    /// For people: which relay is in use.
    pub fn describe(&self) -> crate::i18n::Message {
        use crate::i18n::Message;
        match self {
            Network::Internet => Message::new("live-relay-public"),
            Network::Relay(url) => Message::new("live-relay-own").with("url", url.to_string()),
            Network::LanOnly => Message::new("live-relay-none"),
        }
    }
}

/// Binds an endpoint with this key on `bind` (every IPv4 interface when `None`). A port
/// of 0 takes `port` (the one used last, so that earlier tickets still reach us) when it
/// is free, else any. IPv4 only unless an IPv6 address is asked for: a dead IPv6 path has
/// cost ~30 s per dial (see docs/LIVE.md).
pub async fn endpoint(
    key: iroh::SecretKey,
    network: &Network,
    bind: Option<SocketAddr>,
    port: Option<u16>,
) -> anyhow::Result<Endpoint> {
    let asked = bind.unwrap_or_else(|| SocketAddr::from(([0, 0, 0, 0], 0)));
    let mut tries = Vec::new();
    if asked.port() == 0
        && let Some(port) = port.filter(|&p| p != 0)
    {
        tries.push(SocketAddr::new(asked.ip(), port));
    }
    tries.push(asked);
    let mut last = None;
    for addr in tries {
        let builder = Endpoint::builder(presets::Minimal)
            .secret_key(key.clone())
            .alpns(vec![super::ALPN.to_vec()])
            .relay_mode(network.relay_mode())
            .clear_ip_transports()
            .bind_addr(addr)
            .map_err(|e| anyhow::anyhow!("{addr}: {e}"))?;
        match builder.bind().await {
            Ok(endpoint) => return Ok(endpoint),
            Err(e) => last = Some(anyhow::anyhow!("the live connection could not start on {addr}: {e}")),
        }
    }
    Err(last.expect("at least one address was tried"))
}

/// The port the endpoint listens on.
pub fn port(endpoint: &Endpoint) -> Option<u16> {
    endpoint.bound_sockets().first().map(SocketAddr::port)
}

/// The address others dial: once the endpoint knows a direct address (or after a
/// moment, for a relay-only machine).
pub async fn address(endpoint: &Endpoint, network: &Network) -> iroh::EndpointAddr {
    use iroh::Watcher as _;
    let mut watch = endpoint.watch_addr();
    let wait = async {
        loop {
            let addr = watch.get();
            let relay_ready = *network == Network::LanOnly || addr.relay_urls().next().is_some();
            if addr.ip_addrs().next().is_some() && relay_ready {
                return addr;
            }
            if watch.updated().await.is_err() {
                return watch.get();
            }
        }
    };
    let limit = if *network == Network::LanOnly { 3 } else { 8 };
    let addr = match tokio::time::timeout(std::time::Duration::from_secs(limit), wait).await {
        Ok(addr) => addr,
        Err(_) => endpoint.addr(),
    };
    // A machine with no network but loopback can still be reached from itself.
    match port(endpoint) {
        Some(port) if addr.ip_addrs().next().is_none() => addr.with_ip_addr(SocketAddr::from(([127, 0, 0, 1], port))),
        _ => addr,
    }
}
