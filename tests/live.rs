//! Live boards (docs/LIVE.md) with real `moodboard` processes on loopback: each person is
//! a computer of their own (own configuration, boards and cache folders), peers listen on
//! 127.0.0.1 only and use no relay, so nothing here leaves the machine or waits on the
//! internet. Every wait is for something to happen, with a deadline only a failure meets.

use std::io::{BufRead as _, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use moodboard::model::Board;
use moodboard::storage;

/// Long enough for a loaded CI machine; only a failing test waits this long.
const DEADLINE: Duration = Duration::from_secs(60);

/// One person's computer: a folder with their configuration, boards and cache.
struct Computer {
    dir: PathBuf,
}

impl Computer {
    fn new(root: &Path, name: &str) -> Self {
        let dir = root.join(name);
        std::fs::create_dir_all(&dir).unwrap();
        Self { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_moodboard"));
        command
            .args(args)
            .current_dir(&self.dir)
            .env("MOODBOARD_CONFIG_DIR", self.dir.join("config"))
            .env("MOODBOARD_BOARDS_DIR", self.dir.join("boards"))
            .env("MOODBOARD_CACHE_DIR", self.dir.join("cache"));
        command
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.command(args).output().unwrap();
        assert!(out.status.success(), "{args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    }

    /// Starts a long-running command (`live share`, `live join`, `peer`) on loopback with
    /// no relay.
    fn live(&self, args: &[&str]) -> Running {
        self.live_on(args, &["--lan-only"])
    }

    /// The same through the relay at `url` (one the test runs).
    fn live_through(&self, args: &[&str], url: &str) -> Running {
        self.live_on(args, &["--relay", url])
    }

    fn live_on(&self, args: &[&str], network: &[&str]) -> Running {
        let mut all: Vec<&str> = args.to_vec();
        all.extend(network);
        all.extend(["--bind", "127.0.0.1:0"]);
        let mut child = self.command(&all).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
        let (tx, lines) = channel();
        let stdout = child.stdout.take().unwrap();
        let stderr = child.stderr.take().unwrap();
        let tx2 = tx.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                let _ = tx2.send(format!("stderr: {line}"));
            }
        });
        Running { child, lines, seen: Vec::new() }
    }
}

/// A running `moodboard live …` and the lines it printed.
struct Running {
    child: Child,
    lines: Receiver<String>,
    seen: Vec<String>,
}

impl Running {
    /// Waits for a line starting with `prefix` and returns the rest.
    fn line(&mut self, prefix: &str) -> String {
        let end = Instant::now() + DEADLINE;
        if let Some(line) = self.seen.iter().find(|l| l.starts_with(prefix)) {
            return line[prefix.len()..].trim().to_owned();
        }
        while Instant::now() < end {
            if let Ok(line) = self.lines.recv_timeout(Duration::from_millis(50)) {
                self.seen.push(line.clone());
                if let Some(rest) = line.strip_prefix(prefix) {
                    return rest.trim().to_owned();
                }
            }
        }
        panic!("no line “{prefix}…” within {DEADLINE:?}; printed: {:#?}", self.seen);
    }

    /// Everything printed so far.
    fn printed(&mut self) -> Vec<String> {
        self.seen.extend(self.lines.try_iter());
        self.seen.clone()
    }

    /// Stops it as Ctrl+C would, and waits for it to end.
    fn stop(mut self) -> std::process::ExitStatus {
        let _ = Command::new("kill").args(["-INT", &self.child.id().to_string()]).status();
        self.wait()
    }

    fn wait(&mut self) -> std::process::ExitStatus {
        let end = Instant::now() + DEADLINE;
        while Instant::now() < end {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        panic!("did not stop within {DEADLINE:?}; printed: {:#?}", self.printed());
    }

    fn kill9(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn load(path: &Path) -> Board {
    storage::load(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())).board
}

/// The board's items as `show --ids` would list them: ids and texts, sorted.
fn ids(path: &Path) -> Vec<String> {
    let board = load(path);
    let mut ids: Vec<String> = board.items.iter().map(|i| format!("{} {}", i.id.as_str(), i.kind.summary())).collect();
    ids.sort();
    ids
}

/// Waits until every board holds the same items, and returns them.
fn converged(paths: &[&Path]) -> Vec<String> {
    let end = Instant::now() + DEADLINE;
    loop {
        let all: Vec<Vec<String>> = paths.iter().map(|p| ids(p)).collect();
        if all.windows(2).all(|w| w[0] == w[1]) {
            return all[0].clone();
        }
        assert!(Instant::now() < end, "the copies did not converge: {all:#?}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Waits until `check` holds.
fn eventually(what: &str, mut check: impl FnMut() -> bool) {
    let end = Instant::now() + DEADLINE;
    while !check() {
        assert!(Instant::now() < end, "{what}: not within {DEADLINE:?}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// A picture of `seed`'s noise: large enough that its transfer takes a while.
fn picture(at: &Path, seed: u8, side: u32) {
    let mut rng = fastrand::Rng::with_seed(u64::from(seed));
    let img = image::RgbImage::from_fn(side, side, |_, _| image::Rgb([rng.u8(..), rng.u8(..), rng.u8(..)]));
    img.save(at).unwrap();
}

fn board_with_ideas(ann: &Computer) -> PathBuf {
    ann.ok(&["new", "cafe", "--title", "Café", "--goal", "A calmer café"]);
    let board = ann.path("cafe.moodboard.ron");
    let b = board.to_str().unwrap();
    ann.ok(&["add", b, "--note", "Plants everywhere", "--theme", "Light", "--as", "Ann"]);
    picture(&ann.path("shelf.png"), 1, 64);
    ann.ok(&["add", b, "--image", ann.path("shelf.png").to_str().unwrap(), "--as", "Ann"]);
    board
}

#[test]
fn a_teammate_joins_and_edits_go_both_ways_with_the_pictures() {
    let root = tempfile::tempdir().unwrap();
    let (ann, bob) = (Computer::new(root.path(), "ann"), Computer::new(root.path(), "bob"));
    let board = board_with_ideas(&ann);
    let mut share = ann.live(&["live", "share", board.to_str().unwrap(), "--as", "Ann"]);
    let ticket = share.line("ticket:");
    let mut join = bob.live(&["live", "join", &ticket, "-o", bob.path("boards").to_str().unwrap(), "--as", "Bob"]);
    let copy = PathBuf::from(join.line("board:"));
    assert!(copy.starts_with(bob.path("boards")), "{} is in the folder asked for", copy.display());
    assert_eq!(copy.file_name().unwrap(), "Café.moodboard.ron", "named after the board");
    converged(&[&board, &copy]);
    let copied = load(&copy);
    assert_eq!(copied.id(), load(&board).id(), "a copy of the same board");
    assert_eq!(copied.goals, ["A calmer café"]);
    // The picture arrives, byte for byte.
    let asset = copied.items.iter().find_map(|i| i.kind.picture().cloned()).expect("the picture card");
    let theirs = storage::AssetStore::for_board(&copy);
    eventually("the picture arrives", || theirs.read_verified(&asset).is_ok());

    // Edits both ways, made by other means than the peer (the file changes under it).
    bob.ok(&["add", copy.to_str().unwrap(), "--note", "From Bob", "--as", "Bob"]);
    ann.ok(&["add", board.to_str().unwrap(), "--note", "From Ann", "--as", "Ann"]);
    let items = converged(&[&board, &copy]);
    assert!(items.iter().any(|i| i.ends_with("From Bob")) && items.iter().any(|i| i.ends_with("From Ann")));
    // A deletion by an editor goes over too.
    let plants = items.iter().find(|i| i.ends_with("Plants everywhere")).unwrap().split(' ').next().unwrap().to_owned();
    bob.ok(&["remove", copy.to_str().unwrap(), &plants]);
    eventually("the deletion reaches Ann", || !ids(&board).iter().any(|i| i.starts_with(&plants)));
    converged(&[&board, &copy]);
    // Both files end up the same, byte for byte.
    eventually("the files are the same", || std::fs::read(&board).unwrap() == std::fs::read(&copy).unwrap());
    assert!(share.printed().iter().any(|l| l.starts_with("here: Bob (editor)")), "{:#?}", share.printed());
    assert!(join.stop().success());
    assert!(share.stop().success());
}

/// A relay as a team would run it (iroh's own relay server), on loopback, over plain HTTP.
fn start_relay(runtime: &tokio::runtime::Runtime) -> iroh_relay::server::Server {
    use iroh_relay::server::{RelayConfig, Server, ServerConfig};
    runtime.block_on(async {
        let mut config = ServerConfig::default();
        config.relay = Some(RelayConfig::new(std::net::SocketAddr::from(([127, 0, 0, 1], 0))));
        Server::spawn(config).await.unwrap()
    })
}

#[test]
fn a_teammate_reached_only_through_the_teams_own_relay_gets_the_board_and_edits_go_both_ways() {
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let relay = start_relay(&runtime);
    let url = format!("http://{}", relay.http_addr().unwrap());
    let root = tempfile::tempdir().unwrap();
    let (ann, bob) = (Computer::new(root.path(), "ann"), Computer::new(root.path(), "bob"));
    let board = board_with_ideas(&ann);
    let mut share = ann.live_through(&["live", "share", board.to_str().unwrap(), "--as", "Ann"], &url);
    let ticket = moodboard::live::Ticket::parse(&share.line("ticket:")).unwrap();
    let relay_url: iroh::RelayUrl = url.parse().unwrap();
    assert_eq!(ticket.peer.relay_urls().collect::<Vec<_>>(), [&relay_url], "the ticket names the team's relay");
    let sharing = share.line("live:");
    assert!(sharing.contains(&format!("through the relay {relay_url}")), "{sharing}");
    // Bob is given no address at all: he can only reach Ann through the relay.
    let through_relay =
        moodboard::live::Ticket { peer: iroh::EndpointAddr::new(ticket.peer.id).with_relay_url(relay_url), ..ticket };
    assert_eq!(through_relay.peer.ip_addrs().count(), 0);
    let boards = bob.path("boards");
    let mut join = bob
        .live_through(&["live", "join", &through_relay.to_text(), "-o", boards.to_str().unwrap(), "--as", "Bob"], &url);
    let copy = PathBuf::from(join.line("board:"));
    converged(&[&board, &copy]);
    let asset = load(&copy).items.iter().find_map(|i| i.kind.picture().cloned()).expect("the picture card");
    eventually("the picture arrives", || storage::AssetStore::for_board(&copy).read_verified(&asset).is_ok());
    bob.ok(&["add", copy.to_str().unwrap(), "--note", "From Bob, through the relay", "--as", "Bob"]);
    ann.ok(&["add", board.to_str().unwrap(), "--note", "From Ann, through the relay", "--as", "Ann"]);
    let items = converged(&[&board, &copy]);
    assert!(items.iter().any(|i| i.ends_with("From Bob, through the relay")));
    assert!(items.iter().any(|i| i.ends_with("From Ann, through the relay")));
    // The relay carried the first packets between them.
    let relayed = relay.metrics().server.bytes_recv.get();
    assert!(relayed > 0, "nothing went through the relay");
    assert!(join.stop().success());
    assert!(share.stop().success());
    runtime.block_on(relay.shutdown()).unwrap();
}

#[test]
fn ten_peers_converge_on_the_same_board() {
    let root = tempfile::tempdir().unwrap();
    let ann = Computer::new(root.path(), "ann");
    let board = board_with_ideas(&ann);
    let mut share = ann.live(&["live", "share", board.to_str().unwrap(), "--as", "Ann"]);
    let ticket = share.line("ticket:");
    let people: Vec<Computer> = (1..10).map(|n| Computer::new(root.path(), &format!("p{n}"))).collect();
    let mut running = Vec::new();
    let mut copies = vec![board.clone()];
    for (n, person) in people.iter().enumerate() {
        let mut join = person.live(&[
            "live",
            "join",
            &ticket,
            "-o",
            person.path("boards").to_str().unwrap(),
            "--as",
            &format!("P{n}"),
        ]);
        copies.push(PathBuf::from(join.line("board:")));
        running.push(join);
    }
    // Everyone adds at once.
    let adders: Vec<_> = people
        .iter()
        .zip(&copies[1..])
        .enumerate()
        .flat_map(|(n, (person, copy))| {
            (0..3).map(move |k| {
                person
                    .command(&[
                        "add",
                        copy.to_str().unwrap(),
                        "--note",
                        &format!("idea {n}.{k}"),
                        "--as",
                        &format!("P{n}"),
                    ])
                    .spawn()
                    .unwrap()
            })
        })
        .collect();
    for mut adder in adders {
        assert!(adder.wait().unwrap().success());
    }
    let paths: Vec<&Path> = copies.iter().map(PathBuf::as_path).collect();
    let items = converged(&paths);
    assert_eq!(items.len(), 2 + 27, "{items:#?}");
    for join in running {
        join.stop();
    }
    share.stop();
}

#[test]
fn a_copy_killed_mid_transfer_resumes_and_a_partition_heals_with_nothing_lost() {
    let root = tempfile::tempdir().unwrap();
    let (ann, bob) = (Computer::new(root.path(), "ann"), Computer::new(root.path(), "bob"));
    let board = board_with_ideas(&ann);
    // Big pictures, so that the kill lands while they are on their way.
    let b = board.to_str().unwrap();
    for seed in 10..16 {
        let file = ann.path(&format!("big{seed}.png"));
        picture(&file, seed, 1400);
        ann.ok(&["add", b, "--image", file.to_str().unwrap(), "--as", "Ann"]);
    }
    let mut share = ann.live(&["live", "share", b, "--as", "Ann"]);
    let ticket = share.line("ticket:");
    let out = bob.path("boards");
    let mut join = bob.live(&["live", "join", &ticket, "-o", out.to_str().unwrap(), "--as", "Bob"]);
    let copy = PathBuf::from(join.line("board:"));
    join.kill9();
    // Whatever was under way, the copy loads, and no picture is there but whole.
    let store = storage::AssetStore::for_board(&copy);
    let pictures: Vec<_> = load(&copy).items.iter().filter_map(|i| i.kind.picture().cloned()).collect();
    assert_eq!(pictures.len(), 7);
    let whole = pictures.iter().filter(|p| store.read_verified(p).is_ok()).count();
    let there = pictures.iter().filter(|p| store.resolve(p).is_ok()).count();
    assert_eq!(whole, there, "a picture on disk is always whole");
    eprintln!("{whole} of 7 pictures had arrived when the copy was killed");

    // The same command resumes the same copy, and the rest arrives.
    let mut join = bob.live(&["live", "join", &ticket, "-o", out.to_str().unwrap(), "--as", "Bob"]);
    assert_eq!(PathBuf::from(join.line("board:")), copy, "the copy is resumed, not made again");
    for asset in &pictures {
        eventually("every picture arrives intact", || store.read_verified(asset).is_ok());
    }

    // Apart: Ann stops sharing; both change the board.
    assert!(share.stop().success());
    ann.ok(&["add", b, "--note", "Ann while apart", "--as", "Ann"]);
    bob.ok(&["add", copy.to_str().unwrap(), "--note", "Bob while apart", "--as", "Bob"]);
    join.line("left: Ann");
    join.line("offline:");
    // Together again: Ann shares as before (same address), and Bob's copy, still
    // running, finds her by itself.
    let mut share = ann.live(&["live", "share", b, "--as", "Ann"]);
    assert_eq!(share.line("ticket:"), ticket, "the same ticket while no new one is asked for");
    let items = converged(&[&board, &copy]);
    assert!(
        items.iter().any(|i| i.ends_with("Ann while apart")) && items.iter().any(|i| i.ends_with("Bob while apart"))
    );
    join.stop();
    share.stop();
}

#[test]
fn a_guest_only_adds_and_a_new_ticket_shuts_the_old_one_out() {
    let root = tempfile::tempdir().unwrap();
    let (ann, guest, late) =
        (Computer::new(root.path(), "ann"), Computer::new(root.path(), "guest"), Computer::new(root.path(), "late"));
    let board = board_with_ideas(&ann);
    let b = board.to_str().unwrap();
    let mut share = ann.live(&["live", "share", b, "--guest", "--as", "Ann"]);
    let ticket = share.line("ticket:");
    // The sharer's own computer cannot join its own board (it would lose its keys).
    let own = ann.command(&["live", "join", &ticket, "--lan-only"]).output().unwrap();
    assert!(String::from_utf8_lossy(&own.stderr).contains("shares this board itself"), "{own:?}");
    let mut join = guest.live(&["live", "join", &ticket, "-o", guest.path("boards").to_str().unwrap(), "--as", "Gus"]);
    let copy = PathBuf::from(join.line("board:"));
    let before = converged(&[&board, &copy]);
    // The guest deletes one idea and rewrites the title on their copy, and adds one.
    let first = before[0].split(' ').next().unwrap().to_owned();
    guest.ok(&["remove", copy.to_str().unwrap(), &first]);
    guest.ok(&["add", copy.to_str().unwrap(), "--note", "A guest's idea", "--as", "Gus"]);
    eventually("the guest's idea arrives", || ids(&board).iter().any(|i| i.ends_with("A guest's idea")));
    let after = ids(&board);
    assert!(after.iter().any(|i| i.starts_with(&first)), "the guest's deletion is not applied: {after:#?}");
    let printed = share.printed();
    assert!(printed.iter().any(|l| l.starts_with("here: Gus (guest)")), "{printed:#?}");
    eventually("the refused deletion is named", || {
        share.printed().iter().any(|l| l.starts_with("not applied, from guest Gus"))
    });
    join.stop();
    share.stop();

    // A new ticket: the old one is refused, by name.
    let mut share = ann.live(&["live", "share", b, "--new-ticket", "--as", "Ann"]);
    let new_ticket = share.line("ticket:");
    assert_ne!(new_ticket, ticket);
    let old = late
        .command(&[
            "live",
            "join",
            &ticket,
            "-o",
            late.path("boards").to_str().unwrap(),
            "--lan-only",
            "--bind",
            "127.0.0.1:0",
        ])
        .output()
        .unwrap();
    assert!(!old.status.success());
    let err = String::from_utf8_lossy(&old.stderr);
    assert!(err.contains("ticket was refused") && err.contains("not valid"), "{err}");
    assert!(!late.path("boards/Café.moodboard.ron").exists(), "no copy from a refused ticket");
    share.stop();
}

#[test]
fn editors_keep_in_step_while_the_sharer_is_away_and_it_catches_up_when_back() {
    let root = tempfile::tempdir().unwrap();
    let (ann, bob, cat) =
        (Computer::new(root.path(), "ann"), Computer::new(root.path(), "bob"), Computer::new(root.path(), "cat"));
    let board = board_with_ideas(&ann);
    let b = board.to_str().unwrap();
    let share = ann.live(&["live", "share", b, "--as", "Ann"]);
    let mut share = share;
    let ticket = share.line("ticket:");
    let mut bob_join = bob.live(&["live", "join", &ticket, "-o", bob.path("boards").to_str().unwrap(), "--as", "Bob"]);
    let bobs = PathBuf::from(bob_join.line("board:"));
    let mut cat_join = cat.live(&["live", "join", &ticket, "-o", cat.path("boards").to_str().unwrap(), "--as", "Cat"]);
    let cats = PathBuf::from(cat_join.line("board:"));
    converged(&[&board, &bobs, &cats]);
    // Ann goes away; Bob and Cat, who both joined Ann, reach each other.
    assert!(share.stop().success());
    bob.ok(&["add", bobs.to_str().unwrap(), "--note", "While Ann was away", "--as", "Bob"]);
    eventually("Bob's idea reaches Cat without Ann", || ids(&cats).iter().any(|i| i.ends_with("While Ann was away")));
    assert!(!ids(&board).iter().any(|i| i.ends_with("While Ann was away")), "Ann was away");
    // Ann comes back (the same board, her ticket unchanged): she gets what she missed.
    let share = ann.live(&["peer", b, "--as", "Ann"]);
    let items = converged(&[&board, &bobs, &cats]);
    assert!(items.iter().any(|i| i.ends_with("While Ann was away")));
    bob_join.stop();
    cat_join.stop();
    share.stop();
}

#[test]
fn a_bad_ticket_is_named() {
    let root = tempfile::tempdir().unwrap();
    let bob = Computer::new(root.path(), "bob");
    let out = bob.command(&["live", "join", "moodboard-live:!!!", "--lan-only"]).output().unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("the ticket is damaged"), "{err}");
    let out = bob.command(&["live", "join", "https://example.org", "--lan-only"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a live ticket"));
}

/// How a hostile peer misbehaves after a good hello.
#[derive(Clone, Copy, Debug)]
enum Attack {
    /// Bytes that are no message.
    Garbage,
    /// A frame that says it is 4 GiB long.
    Huge,
    /// A change stamped in the year 9999, which would win against every later edit.
    FutureStamp,
    /// A card at a position that is not a number.
    NotANumber,
    /// Changes for another board.
    AnotherBoard,
    /// A pointer far past the board's edge, on the presence stream.
    FarPointer,
    /// A presence frame of a megabyte (the limit is 64 KiB).
    HugePresence,
    /// The address of a copy that is no key.
    BadAddress,
}

#[test]
fn a_peer_sending_garbage_huge_frames_or_future_stamps_is_disconnected_and_the_board_unchanged() {
    use moodboard::live::wire::{self, Message};
    use moodboard::model::{ItemKind, Timestamp};
    use moodboard::storage::format;

    let root = tempfile::tempdir().unwrap();
    let ann = Computer::new(root.path(), "ann");
    let board = board_with_ideas(&ann);
    let mut share = ann.live(&["live", "share", board.to_str().unwrap(), "--as", "Ann"]);
    let ticket = moodboard::live::Ticket::parse(&share.line("ticket:")).unwrap();
    let before = std::fs::read(&board).unwrap();
    let ours = load(&board);
    let attacks = [
        Attack::Garbage,
        Attack::Huge,
        Attack::FutureStamp,
        Attack::NotANumber,
        Attack::AnotherBoard,
        Attack::FarPointer,
        Attack::HugePresence,
        Attack::BadAddress,
    ];
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    runtime.block_on(async {
        let endpoint = iroh::Endpoint::builder(iroh::endpoint::presets::Minimal)
            .relay_mode(iroh::RelayMode::Disabled)
            .clear_ip_transports()
            .bind_addr("127.0.0.1:0")
            .unwrap()
            .bind()
            .await
            .unwrap();
        for attack in attacks {
            let connection = endpoint.connect(ticket.peer.clone(), moodboard::live::ALPN).await.unwrap();
            let (mut send, mut recv) = connection.open_bi().await.unwrap();
            let hello = Message::Hello {
                protocol: wire::PROTOCOL,
                board: ticket.board.as_str().to_owned(),
                secret: ticket.secret.to_hex(),
                name: format!("Mallory {attack:?}"),
            };
            wire::send(&mut send, &hello).await.unwrap();
            assert!(matches!(wire::receive(&mut recv).await.unwrap(), Some(Message::Welcome { .. })));
            let changes = |edit: &dyn Fn(&mut moodboard::model::Board)| {
                let mut part = ours.clone();
                edit(&mut part);
                Message::Changes { board: format::to_text(&part).unwrap() }
            };
            match attack {
                Attack::Garbage => {
                    send.write_all(&[0, 0, 0, 9]).await.unwrap();
                    send.write_all(b"{not json").await.unwrap();
                }
                Attack::Huge => send.write_all(&u32::MAX.to_be_bytes()).await.unwrap(),
                Attack::FutureStamp => {
                    let message = changes(&|b| {
                        let item = &mut b.items[0];
                        item.modified = Timestamp::MAX;
                        item.kind = ItemKind::note("Mallory was here for ever");
                    });
                    wire::send(&mut send, &message).await.unwrap();
                }
                Attack::NotANumber => {
                    let message = changes(&|b| {
                        b.items[0].pos.x = f32::NAN;
                        b.items[0].modified = Timestamp::now();
                    });
                    wire::send(&mut send, &message).await.unwrap();
                }
                Attack::AnotherBoard => {
                    let other = moodboard::model::Board::new("Other", Timestamp::now());
                    wire::send(&mut send, &Message::Changes { board: format::to_text(&other).unwrap() }).await.unwrap();
                }
                Attack::FarPointer => {
                    let mut presence = connection.open_uni().await.unwrap();
                    let far = Message::Presence {
                        who: "0badc0de".into(),
                        name: "Mallory".into(),
                        seq: 1,
                        presence: Some(moodboard::live::presence::Presence {
                            pointer: Some([1e30, 0.0]),
                            ..Default::default()
                        }),
                    };
                    wire::send(&mut presence, &far).await.unwrap();
                }
                Attack::BadAddress => {
                    let bad = moodboard::live::ticket::Address {
                        peer: "not a key".into(),
                        addrs: vec!["127.0.0.1:9".parse().unwrap()],
                        relay: None,
                    };
                    wire::send(&mut send, &Message::Addresses { peers: vec![bad] }).await.unwrap();
                }
                Attack::HugePresence => {
                    let mut presence = connection.open_uni().await.unwrap();
                    presence.write_all(&(1u32 << 20).to_be_bytes()).await.unwrap();
                }
            }
            // The peer hangs up on us.
            let closed = tokio::time::timeout(DEADLINE, connection.closed()).await;
            assert!(closed.is_ok(), "{attack:?}: still connected");
        }
        // Connections by the hundred that never say hello: past the limit each is refused
        // at once, not held.
        let mut idle = Vec::new();
        for _ in 0..moodboard::live::peer::MAX_PEERS {
            idle.push(endpoint.connect(ticket.peer.clone(), moodboard::live::ALPN).await.unwrap());
        }
        let refused = tokio::time::timeout(DEADLINE, endpoint.connect(ticket.peer.clone(), moodboard::live::ALPN))
            .await
            .expect("an answer, not a wait");
        assert!(refused.is_err(), "one more connection than the limit is refused");
        for connection in idle {
            connection.close(0u32.into(), b"bye");
        }
        endpoint.close().await;
    });
    let full = format!("refused a connection: {} are open already", moodboard::live::peer::MAX_PEERS);
    eventually("the refusal is told", || share.printed().iter().any(|l| l == &full));
    for attack in attacks {
        let who = format!("refused: Mallory {attack:?} was disconnected");
        eventually(&who, || share.printed().iter().any(|l| l.starts_with(&who)));
    }
    assert_eq!(std::fs::read(&board).unwrap(), before, "the board is unchanged");
    // And the peer still serves good teammates.
    let bob = Computer::new(root.path(), "bob");
    let mut join = bob.live(&["live", "join", &ticket.to_text(), "-o", bob.path("boards").to_str().unwrap()]);
    let copy = PathBuf::from(join.line("board:"));
    converged(&[&board, &copy]);
    join.stop();
    share.stop();
}

/// A peer of the library, on loopback with no relay, its keys in `dir`.
fn peer_options(dir: &Path, name: &str) -> moodboard::live::peer::Options {
    moodboard::live::peer::Options {
        network: moodboard::live::Network::LanOnly,
        bind: Some("127.0.0.1:0".parse().unwrap()),
        name: name.to_owned(),
        keys: dir.join("keys"),
    }
}

#[test]
fn where_each_person_points_reaches_everyone_through_the_copy_between_and_leaves_with_them() {
    use moodboard::live::presence::Presence;
    use moodboard::live::{Peer, Role};

    let root = tempfile::tempdir().unwrap();
    let (ann_dir, bob_dir, cat_dir) = (root.path().join("ann"), root.path().join("bob"), root.path().join("cat"));
    let board = board_with_ideas(&Computer::new(root.path(), "ann"));
    // Ann shares; Bob joins Ann; Cat joins Bob (not Ann): Ann and Cat hear of each other
    // only through Bob's copy.
    let ann = Peer::share(&board, peer_options(&ann_dir, "Ann"), false).unwrap();
    let bob =
        Peer::join(&ann.ticket(Role::Editor).unwrap(), &bob_dir.join("boards"), peer_options(&bob_dir, "Bob")).unwrap();
    let cat =
        Peer::join(&bob.ticket(Role::Editor).unwrap(), &cat_dir.join("boards"), peer_options(&cat_dir, "Cat")).unwrap();
    let first = load(&board).items[0].id.as_str().to_owned();
    let at = |x: f32| Presence { pointer: Some([x, 20.0]), view: Some([0.0, 0.0, 800.0, 600.0]), ..Default::default() };
    ann.set_presence(at(1.0));
    cat.set_presence(Presence { selection: vec![first.clone()], ..at(300.0) });
    let names = |peer: &Peer| peer.people().iter().map(|p| p.name.clone()).collect::<Vec<_>>();
    eventually("Ann sees Cat, through Bob", || {
        ann.people().iter().any(|p| p.name == "Cat" && p.presence.pointer == Some([300.0, 20.0]))
    });
    eventually("Cat sees Ann, through Bob", || cat.people().iter().any(|p| p.name == "Ann"));
    let seen_by_ann = ann.people().into_iter().find(|p| p.name == "Cat").unwrap();
    assert_eq!(seen_by_ann.presence.selection, vec![first], "Cat's selection");
    // Bob's copy runs without a screen here: nobody is shown for it.
    assert_eq!(names(&ann), ["Cat"]);
    // The same colour on every screen.
    let seen_by_bob = bob.people().into_iter().find(|p| p.name == "Cat").unwrap();
    assert_eq!(seen_by_bob.colour, seen_by_ann.colour);
    // As Cat moves, Ann sees the latest, never an older place.
    for x in 0..50 {
        cat.set_presence(at(400.0 + x as f32));
    }
    eventually("Ann sees where Cat went last", || {
        ann.people().iter().any(|p| p.name == "Cat" && p.presence.pointer == Some([449.0, 20.0]))
    });
    // Cat leaves: gone from Ann's screen at once (well before a silent person expires).
    let left = Instant::now();
    cat.stop();
    eventually("Cat is gone from Ann's screen", || ann.people().is_empty());
    assert!(left.elapsed() < moodboard::live::presence::EXPIRES, "gone when the connection ended");
    // Nothing of it in the board file.
    let text = std::fs::read_to_string(&board).unwrap();
    assert!(!text.contains("pointer") && !text.contains("Cat"), "{text}");
    bob.stop();
    ann.stop();
}
