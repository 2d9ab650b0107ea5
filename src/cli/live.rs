//! `moodboard live share`, `moodboard live join` and `moodboard peer`: a board kept in
//! step live with teammates' copies (`docs/LIVE.md`), from a terminal or a server.

use std::io::Write;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use anyhow::bail;
use clap::{Args, Subcommand};

use super::{existing_board, load};
use crate::live::{Network, Peer, Role, Ticket, peer::Options};
use crate::prefs::Prefs;

#[derive(Debug, Subcommand)]
pub enum LiveCommand {
    /// Share BOARD live: prints a line `ticket: TICKET` to give to teammates, then keeps
    /// the board in step with every copy that joins until Ctrl+C (or SIGTERM).
    Share {
        board: PathBuf,
        /// Print a guest's ticket: a guest sees the board and may only add ideas.
        #[arg(long)]
        guest: bool,
        /// Make new secrets first: every ticket given before stops working.
        #[arg(long)]
        new_ticket: bool,
        #[command(flatten)]
        net: NetArgs,
    },
    /// Join a live board: makes a copy in DIR (the boards folder by default), prints a
    /// line `board: PATH`, and keeps it in step until Ctrl+C; run again later, it resumes
    /// that copy.
    Join {
        ticket: String,
        /// The folder for the copy.
        #[arg(short, long, value_name = "DIR")]
        out: Option<PathBuf>,
        #[command(flatten)]
        net: NetArgs,
    },
}

/// How a peer reaches the others.
#[derive(Debug, Args)]
pub struct NetArgs {
    /// Listen on this address only (default: every interface, a port the system picks).
    #[arg(long, value_name = "ADDR:PORT")]
    pub bind: Option<SocketAddr>,
    /// Use this relay (one you run with iroh-relay) where no direct path can be made,
    /// instead of n0's public relays.
    #[arg(long, value_name = "URL", conflicts_with = "lan_only")]
    pub relay: Option<String>,
    /// Use no relay at all: only direct connections (a LAN, a VPN).
    #[arg(long)]
    pub lan_only: bool,
    /// Your name, as the others see it (default: your name from the app's preferences).
    #[arg(long = "as", value_name = "NAME")]
    pub name: Option<String>,
}

impl NetArgs {
    fn options(&self) -> anyhow::Result<Options> {
        let prefs = Prefs::load().0;
        if prefs.offline {
            bail!(crate::tr!("cli-live-offline"));
        }
        let network = match (&self.relay, self.lan_only) {
            (Some(url), _) => {
                let relay = url.parse::<iroh::RelayUrl>();
                Network::Relay(
                    relay
                        .map_err(|e| anyhow::anyhow!(crate::tr!("cli-bad-relay", url = url, reason = e.to_string())))?,
                )
            }
            (None, true) => Network::LanOnly,
            (None, false) => Network::Internet,
        };
        Ok(Options {
            network,
            bind: self.bind,
            name: self.name.clone().unwrap_or_else(|| prefs.contributor()),
            keys: crate::live::keys::default_dir()?,
        })
    }
}

pub(super) fn live(command: LiveCommand, out: &mut dyn Write) -> anyhow::Result<()> {
    match command {
        LiveCommand::Share { board, guest, new_ticket, net } => {
            let path = existing_board(&board);
            load(&path)?;
            let peer = Peer::share(&path, net.options()?, new_ticket)?;
            let role = if guest { Role::Guest } else { Role::Editor };
            let (none, sharing) = match role {
                Role::Guest => ("cli-no-guest-ticket", "cli-live-sharing-guests"),
                Role::Editor => ("cli-no-editor-ticket", "cli-live-sharing-editors"),
            };
            let Some(ticket) = peer.ticket(role) else { bail!(crate::tr!(none)) };
            writeln!(out, "ticket: {}", ticket.to_text())?;
            run(peer, &crate::tr!(sharing, path = path), out)
        }
        LiveCommand::Join { ticket, out: dir, net } => {
            let ticket = Ticket::parse(&ticket)?;
            let dir = match dir {
                Some(dir) => dir,
                None => crate::app::default_boards_dir(),
            };
            let peer = Peer::join(&ticket, &dir, net.options()?)?;
            writeln!(out, "board: {}", peer.path().display())?;
            run(peer, &crate::tr!("cli-live-in-step"), out)
        }
    }
}

/// `moodboard peer BOARD`: the board live again as it was last (dialling the copy it
/// joined, letting peers in), with nothing asked.
pub(super) fn peer(board: &Path, net: NetArgs, out: &mut dyn Write) -> anyhow::Result<()> {
    let path = existing_board(board);
    let loaded = load(&path)?;
    let options = net.options()?;
    let joined = crate::live::keys::Keys::load(&options.keys, loaded.board.id())?.is_some_and(|k| k.joined.is_some());
    let peer = if joined { Peer::resume(&path, options)? } else { Peer::share(&path, options, false)? };
    if let Some(ticket) = peer.ticket(Role::Editor) {
        writeln!(out, "ticket: {}", ticket.to_text())?;
    }
    run(peer, &crate::tr!("cli-live-keeping", path = path), out)
}

/// Prints what happens until Ctrl+C or SIGTERM, then closes every connection.
fn run(mut peer: Peer, doing: &str, out: &mut dyn Write) -> anyhow::Result<()> {
    // The rest is for people; a reader that took the first line and left must not stop it.
    let _ = writeln!(out, "{}", crate::tr!("cli-live-running", doing = doing, relay = crate::i18n::say(&peer.relay())));
    let _ = out.flush();
    let events = peer.take_events().expect("events are taken once");
    let (stop_tx, stop_rx) = std::sync::mpsc::channel::<()>();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build();
        if let Ok(runtime) = runtime {
            runtime.block_on(async {
                #[cfg(unix)]
                if let Ok(mut term) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                    tokio::select! {
                        _ = tokio::signal::ctrl_c() => {}
                        _ = term.recv() => {}
                    }
                    return;
                }
                let _ = tokio::signal::ctrl_c().await;
            });
        }
        let _ = stop_tx.send(());
    });
    loop {
        if stop_rx.try_recv().is_ok() {
            break;
        }
        match events.recv_timeout(std::time::Duration::from_millis(100)) {
            Ok(event) => {
                let revoked = matches!(event, crate::live::Event::Revoked { .. });
                let _ = writeln!(out, "{event}");
                let _ = out.flush();
                if revoked {
                    peer.stop();
                    bail!(crate::tr!("cli-ticket-refused"));
                }
            }
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => break,
        }
    }
    peer.stop();
    Ok(())
}
