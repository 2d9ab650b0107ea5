//! The join server cannot be exhausted (issue 26, finding 7) and keeps what it took in
//! (findings 6 and 10): served in this process with small limits, spoken to over raw
//! sockets on loopback where the point is what a half-sent request does.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

use moodboard::host::{Host, Limits};
use serde_json::{Value, json};

mod common;
mod hosting;
use common::Env;
use hosting::{agent, open_page, post};

fn small() -> Limits {
    Limits {
        connections: 4,
        headers: Duration::from_millis(400),
        idle: Duration::from_secs(3),
        stopping: Duration::from_millis(300),
        participants: 3,
        place_kept: Duration::from_millis(400),
        ideas: 4,
        bytes: 1_000_000,
    }
}

struct Served {
    host: Option<Host>,
    url: String,
    env: Env,
}

impl Served {
    fn addr(&self) -> SocketAddr {
        self.host.as_ref().unwrap().addr()
    }

    fn path(&self) -> String {
        self.url.split_once(&format!("{}", self.addr())).unwrap().1.to_owned()
    }

    fn join(&self) -> (u16, Value) {
        post(&format!("{}/api/join", self.url), &json!({ "name": "Ann" }))
    }

    fn participant(&self) -> String {
        let (status, answer) = self.join();
        assert_eq!(status, 200, "{answer}");
        answer["participant"].as_str().unwrap().to_owned()
    }

    fn idea(&self, p: &str, text: &str) -> (u16, Value) {
        post(&format!("{}/api/items", self.url), &json!({ "participant": p, "kind": "note", "text": text }))
    }
}

fn serve(limits: Limits) -> Served {
    let env = Env::new();
    env.ok(&["new", "live", "--title", "Live"]);
    let host = Host::start_with(&env.path("live.moodboard.ron"), "127.0.0.1:0".parse().unwrap(), None, limits).unwrap();
    let url = host.join_url("127.0.0.1");
    Served { host: Some(host), url, env }
}

/// Whether the server closed `stream` (a read gives end of file or a reset) within `within`.
fn closed_within(stream: &mut TcpStream, within: Duration) -> bool {
    stream.set_read_timeout(Some(within)).unwrap();
    let mut buf = [0u8; 512];
    loop {
        match stream.read(&mut buf) {
            Ok(0) => return true,
            // An answer before closing (hyper may say 408) is fine; keep reading.
            Ok(_) => continue,
            Err(e) if matches!(e.kind(), std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut) => {
                return false;
            }
            Err(_) => return true,
        }
    }
}

/// Sends `head` (a request's first lines) and reads the status line of the answer.
fn status_of(addr: SocketAddr, head: &str, within: Duration) -> Option<u16> {
    let mut s = TcpStream::connect(addr).unwrap();
    s.write_all(head.as_bytes()).unwrap();
    s.set_read_timeout(Some(within)).unwrap();
    let mut got = Vec::new();
    let mut buf = [0u8; 256];
    while !got.windows(2).any(|w| w == b"\r\n") {
        match s.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => got.extend_from_slice(&buf[..n]),
        }
    }
    let line = String::from_utf8_lossy(&got);
    line.split(' ').nth(1)?.parse().ok()
}

#[test]
fn half_sent_requests_time_out_and_connections_past_the_cap_are_closed() {
    let served = serve(small());
    let addr = served.addr();
    // As many half-sent requests as there are places.
    let mut slow: Vec<TcpStream> = (0..4)
        .map(|_| {
            let mut s = TcpStream::connect(addr).unwrap();
            s.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n").unwrap();
            s
        })
        .collect();
    std::thread::sleep(Duration::from_millis(100));
    // One more is closed at once rather than left waiting.
    let mut extra = TcpStream::connect(addr).unwrap();
    assert!(closed_within(&mut extra, Duration::from_millis(1500)), "a connection past the cap is closed");
    // The half-sent ones lose their places when the time for headers is up …
    for s in &mut slow {
        assert!(closed_within(s, Duration::from_secs(3)), "half-sent headers time out");
    }
    // … so everyone else gets in again.
    let page = format!("GET {} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", served.path());
    assert_eq!(status_of(addr, &page, Duration::from_secs(3)), Some(200));
}

#[test]
fn a_silent_connection_is_closed_and_stopping_never_waits_for_an_open_stream() {
    let served = serve(small());
    let addr = served.addr();
    let p = served.participant();
    // A body announced and never sent holds its connection only until the idle time.
    let mut quiet = TcpStream::connect(addr).unwrap();
    let upload = format!(
        "POST {}/api/images?participant={p} HTTP/1.1\r\nHost: x\r\nContent-Type: image/png\r\nContent-Length: 1000\r\n\r\n",
        served.path()
    );
    quiet.write_all(upload.as_bytes()).unwrap();
    let started = Instant::now();
    assert!(closed_within(&mut quiet, Duration::from_secs(8)), "a silent connection is closed");
    assert!(started.elapsed() >= Duration::from_secs(2), "not before the idle time: {:?}", started.elapsed());

    // An event stream held open by a page does not keep the server from stopping.
    let _page = open_page(&served.url, &p);
    let mut served = served;
    let started = Instant::now();
    served.host.take().unwrap().stop().unwrap();
    assert!(started.elapsed() < Duration::from_secs(3), "stopped in {:?}", started.elapsed());
}

#[test]
fn a_body_is_never_read_before_the_token_and_the_participant_are_checked() {
    let served = serve(small());
    let addr = served.addr();
    let p = served.participant();
    let path = served.path();
    let wrong: String = path.replace(&path[3..9], "000000");
    // 50 MB announced, none sent: the answer comes at once, without waiting for the body.
    let upload = |to: &str, length: u64| {
        format!("POST {to} HTTP/1.1\r\nHost: x\r\nContent-Type: image/png\r\nContent-Length: {length}\r\n\r\n")
    };
    let quick = Duration::from_secs(2);
    assert_eq!(status_of(addr, &upload(&format!("{wrong}/api/images?participant={p}"), 50_000_000), quick), Some(404));
    assert_eq!(status_of(addr, &upload(&format!("{wrong}/api/items"), 8_000), quick), Some(404));
    assert_eq!(
        status_of(addr, &upload(&format!("{path}/api/images?participant=nobody"), 50_000_000), quick),
        Some(404)
    );
    // Past the size a photo may have: refused from the header.
    assert_eq!(status_of(addr, &upload(&format!("{path}/api/images?participant={p}"), 60_000_000), quick), Some(413));
}

/// A PNG that declares `w` × `h` pixels and holds one row of data: what matters is its header.
fn png_declaring(w: u32, h: u32) -> Vec<u8> {
    fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let mut crc = flate2::Crc::new();
        crc.update(kind);
        crc.update(data);
        out.extend_from_slice(kind);
        out.extend_from_slice(data);
        out.extend_from_slice(&crc.sum().to_be_bytes());
    }
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&w.to_be_bytes());
    ihdr.extend_from_slice(&h.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    chunk(&mut png, b"IHDR", &ihdr);
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    z.write_all(&vec![0u8; 1 + 3 * w as usize]).unwrap();
    chunk(&mut png, b"IDAT", &z.finish().unwrap());
    chunk(&mut png, b"IEND", &[]);
    png
}

#[test]
fn a_picture_too_large_to_decode_is_refused_from_its_header() {
    let served = serve(small());
    let p = served.participant();
    let bomb = png_declaring(30_000, 4_000);
    assert!(bomb.len() < 1_000_000, "a small file: {} bytes", bomb.len());
    let started = Instant::now();
    let mut r = agent()
        .post(&format!("{}/api/images?participant={p}", served.url))
        .header("Content-Type", "image/png")
        .send(bomb)
        .unwrap();
    let why = r.body_mut().read_to_string().unwrap_or_default();
    assert_eq!(r.status().as_u16(), 413, "{why}");
    assert!(why.contains("30000 × 4000") && why.contains("megapixels"), "{why}");
    assert!(started.elapsed() < Duration::from_secs(2), "refused before decoding: {:?}", started.elapsed());
}

#[test]
fn places_are_given_back_when_pages_go_but_not_while_one_is_open() {
    let served = serve(small());
    let ann = served.participant();
    let _bob = served.participant();
    let _cas = served.participant();
    let (status, answer) = served.join();
    assert_eq!((status, answer["error"].as_str()), (429, Some("this session is full")));
    // Ann keeps her page open (its event stream); Bob and Cas leave.
    let _page = open_page(&served.url, &ann);
    std::thread::sleep(Duration::from_millis(600));
    // Two places are free again; Ann's is not.
    assert_eq!(served.join().0, 200);
    assert_eq!(served.join().0, 200);
    assert_eq!(served.join().0, 429, "Ann's place is kept while her page is open");
    assert_eq!(served.idea(&ann, "still here").0, 201);
}

#[test]
fn the_board_is_full_when_the_session_has_taken_its_share() {
    let served = serve(small());
    let p = served.participant();
    for n in 0..4 {
        assert_eq!(served.idea(&p, &format!("idea {n}")).0, 201);
    }
    let (status, answer) = served.idea(&p, "one too many");
    assert_eq!(status, 507, "{answer}");
    assert!(answer["error"].as_str().unwrap().contains("the board is full"), "{answer}");
}

/// A board just under the size a load accepts: phones fill it up to the limit, never past.
#[test]
fn ideas_from_phones_never_grow_a_board_past_what_loads() {
    let env = Env::new();
    env.ok(&["new", "big", "--title", "Big"]);
    let path = env.path("big.moodboard.ron");
    let limit = moodboard::storage::format::MAX_BOARD_BYTES;
    let mut board = moodboard::storage::load(&path).unwrap().board;
    let note = "n".repeat(60_000);
    let size = |b: &moodboard::model::Board| moodboard::storage::format::to_text(b).unwrap().len() as u64;
    let add = |b: &mut moodboard::model::Board, text: &str| {
        let idea = moodboard::model::operations::NewIdea::new(moodboard::model::ItemKind::note(text));
        let contributor = moodboard::model::operations::Contributor::own_team("seed");
        let item = moodboard::model::operations::new_item(b, idea, contributor, moodboard::model::Timestamp::now());
        b.items.push(item);
    };
    let empty = size(&board);
    add(&mut board, &note);
    let each = size(&board) - empty;
    // Filled to within 40 to 100 KB of the limit, the last note sized to land there.
    while size(&board) + each < limit - 40_000 {
        let room = (limit - 40_000 - size(&board)) / each;
        for _ in 0..room.max(1) {
            add(&mut board, &note);
        }
    }
    let short = (limit - 70_000).saturating_sub(size(&board)).saturating_sub(each - 60_000) as usize;
    add(&mut board, &"m".repeat(short.min(60_000)));
    assert!((limit - 100_000..limit - 40_000).contains(&size(&board)), "{}", size(&board));
    moodboard::storage::save(&path, &board).unwrap();
    let limits = Limits { ideas: 1_000, ..small() };
    let host = Host::start_with(&path, "127.0.0.1:0".parse().unwrap(), None, limits).unwrap();
    let url = host.join_url("127.0.0.1");
    let (_, joined) = post(&format!("{url}/api/join"), &json!({}));
    let p = joined["participant"].as_str().unwrap().to_owned();
    let mut refused = None;
    for i in 0..200 {
        let (status, answer) =
            post(&format!("{url}/api/items"), &json!({ "participant": p, "kind": "note", "text": "x".repeat(1_000) }));
        if status == 507 {
            refused = Some((i, answer));
            break;
        }
        assert_eq!(status, 201, "{answer}");
        std::thread::sleep(Duration::from_millis(130));
    }
    let (accepted, answer) = refused.expect("the board fills up");
    assert!(answer["error"].as_str().unwrap().contains("the board is full"), "{answer}");
    assert!(accepted > 0, "room for some");
    host.stop().unwrap();
    let size = std::fs::metadata(&path).unwrap().len();
    assert!(size <= limit, "{size} > {limit}");
    let loaded = moodboard::storage::load(&path).unwrap().board;
    assert_eq!(
        loaded.items.iter().filter(|i| i.kind.texts().first().is_some_and(|t| t.len() == 1_000)).count(),
        accepted
    );
}

/// Ideas the host could not write wait for the disk, and at stop are kept in a
/// recovery file if it still cannot write them.
#[test]
fn ideas_that_cannot_be_written_are_kept_and_never_lost() {
    let served = serve(Limits { ideas: 100, ..small() });
    let path = served.env.path("live.moodboard.ron");
    let aside = served.env.path("aside");
    let p = served.participant();
    // The board cannot be written (here: its file became a folder) …
    std::fs::rename(&path, &aside).unwrap();
    std::fs::create_dir(&path).unwrap();
    assert_eq!(served.idea(&p, "written later").0, 201);
    std::thread::sleep(Duration::from_millis(1500));
    // … and can again: the idea that waited is written.
    std::fs::remove_dir(&path).unwrap();
    std::fs::rename(&aside, &path).unwrap();
    let deadline = Instant::now() + Duration::from_secs(5);
    while !std::fs::read_to_string(&path).unwrap().contains("written later") {
        assert!(Instant::now() < deadline, "the waiting idea is written once the board can be");
        std::thread::sleep(Duration::from_millis(50));
    }
    // Still unwritable at stop: the board with the idea goes to a recovery file, and
    // stopping says where.
    std::fs::rename(&path, &aside).unwrap();
    std::fs::create_dir(&path).unwrap();
    assert_eq!(served.idea(&p, "kept for later").0, 201);
    let mut served = served;
    let said = served.host.take().unwrap().stop().unwrap_err();
    let said = moodboard::i18n::in_english(|| moodboard::i18n::say(&said));
    let recovered: Vec<_> = std::fs::read_dir(served.env.dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains(".recovered-"))
        .collect();
    assert_eq!(recovered.len(), 1, "{said}");
    assert!(said.contains(&*recovered[0].to_string_lossy()), "{said}");
    let kept = moodboard::storage::load(&recovered[0]).unwrap().board;
    assert!(kept.items.iter().any(|i| i.kind.texts().contains(&"kept for later")));
    assert!(kept.items.iter().any(|i| i.kind.texts().contains(&"written later")));
}
