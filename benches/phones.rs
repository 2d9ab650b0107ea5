//! A room of phones against `moodboard host` (a process of its own, so its memory is its
//! own), over loopback, each phone from an address of its own (127.0.0.2, .3 …) as on a
//! Wi-Fi network (issue 27):
//!
//! - 200 participants hold the event stream open and each adds 5 ideas: how long each
//!   idea takes to reach every other open page (target: 99 % within 300 ms), and the
//!   host's peak memory (target: under 200 MiB).
//! - 200 phones open a board of 100 photos at once: how long until each has the board and
//!   every picture (target: 99 % within 2 s), and the bytes each phone receives (goal:
//!   under 3 MB).
//!
//! Measured once per run (a crowd is not a loop criterion can repeat); printed.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Barrier, Mutex};
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};

mod common;

const PHONES: usize = 200;
const IDEAS_EACH: usize = 5;
const PHOTOS: usize = 100;

/// A connection to `to` from the loopback address 127.0.0.`2 + n`.
fn connect(n: usize, to: SocketAddr) -> TcpStream {
    let socket = socket2::Socket::new(socket2::Domain::IPV4, socket2::Type::STREAM, None).unwrap();
    let local = Ipv4Addr::new(127, 0, ((2 + n) / 250) as u8, ((2 + n) % 250) as u8);
    socket.bind(&SocketAddr::from((local, 0)).into()).unwrap();
    socket.connect(&to.into()).unwrap();
    let stream: TcpStream = socket.into();
    stream.set_nodelay(true).unwrap();
    stream
}

/// One request on a kept-alive connection; the answer's status and body.
fn request(reader: &mut BufReader<TcpStream>, method: &str, path: &str, body: &str) -> (u16, Vec<u8>) {
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    reader.get_mut().write_all(head.as_bytes()).unwrap();
    let mut line = String::new();
    reader.read_line(&mut line).unwrap();
    let status = line.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let mut length = 0;
    loop {
        line.clear();
        reader.read_line(&mut line).unwrap();
        if line == "\r\n" || line.is_empty() {
            break;
        }
        if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
            length = v.trim().parse().unwrap_or(0);
        }
    }
    let mut answer = vec![0; length];
    reader.read_exact(&mut answer).unwrap();
    (status, answer)
}

struct Hosting {
    child: Child,
    addr: SocketAddr,
    /// `/j/TOKEN`
    base: String,
}

impl Drop for Hosting {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn moodboard(dir: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_moodboard"));
    command
        .current_dir(dir)
        .env("MOODBOARD_CONFIG_DIR", dir.join("config"))
        .env("MOODBOARD_CACHE_DIR", dir.join("cache"))
        .env("MOODBOARD_BOARDS_DIR", dir.join("boards"));
    command
}

fn host(dir: &Path) -> Hosting {
    let mut child = moodboard(dir)
        .args(["host", "live", "--bind", "127.0.0.1", "--port", "0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let url = line.trim().strip_prefix("join: http://").unwrap().to_owned();
    let (addr, path) = url.split_once('/').unwrap();
    Hosting { child, addr: addr.parse().unwrap(), base: format!("/{path}") }
}

/// CPU seconds (user and system) process `pid` has used so far.
fn cpu_seconds(pid: &str) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
    let fields: Vec<&str> = stat.rsplit_once(')').map_or("", |(_, rest)| rest).split_whitespace().collect();
    let ticks: f64 = [11, 12].iter().filter_map(|&i| fields.get(i)?.parse::<f64>().ok()).sum();
    ticks / 100.0
}

/// The host's peak resident memory, in MiB.
fn join(n: usize, h: &Hosting) -> (BufReader<TcpStream>, String) {
    let mut c = BufReader::new(connect(n, h.addr));
    let (status, body) = request(&mut c, "POST", &format!("{}/api/join", h.base), &format!("{{\"name\":\"P{n}\"}}"));
    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&body));
    let v: serde_json::Value = serde_json::from_slice(&body).unwrap();
    (c, v["participant"].as_str().unwrap().to_owned())
}

fn percentile(sorted: &[Duration], q: f64) -> Duration {
    sorted[((sorted.len() as f64 * q) as usize).min(sorted.len() - 1)]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The ids of the items in an event's view (`"id":"…"` right after `{`; themes too,
/// which match no idea).
fn ids(data: &str) -> impl Iterator<Item = &str> {
    data.split("{\"id\":\"").skip(1).filter_map(|rest| rest.split('"').next())
}

fn fan_out() {
    let dir = tempfile::tempdir().unwrap();
    let ok = |args: &[&str]| assert!(moodboard(dir.path()).args(args).status().unwrap().success());
    ok(&["new", "live", "--title", "Live"]);
    ok(&["session", "live", "--phase", "collect"]);
    let h = host(dir.path());
    let accepted: Arc<Mutex<HashMap<String, (usize, Instant)>>> = Arc::default();
    let start = Arc::new(Barrier::new(PHONES));
    let deadline = Instant::now() + Duration::from_secs(120);
    let phones: Vec<_> = (0..PHONES)
        .map(|n| {
            let (mut c, p) = join(n, &h);
            let (accepted, start, base, addr) = (accepted.clone(), start.clone(), h.base.clone(), h.addr);
            std::thread::spawn(move || {
                // The page's event stream, read on a thread of its own.
                let mut events = connect(n, addr);
                events
                    .write_all(format!("GET {base}/api/events?participant={p} HTTP/1.1\r\nHost: x\r\n\r\n").as_bytes())
                    .unwrap();
                events.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
                let reader = std::thread::spawn(move || {
                    let mut seen: HashMap<String, Instant> = HashMap::new();
                    let mut lines = BufReader::new(events);
                    let mut line = String::new();
                    while seen.len() < PHONES * IDEAS_EACH && Instant::now() < deadline {
                        line.clear();
                        match lines.read_line(&mut line) {
                            Ok(0) => break,
                            Ok(_) => {}
                            Err(_) => continue,
                        }
                        if let Some(data) = line.strip_prefix("data: ") {
                            let now = Instant::now();
                            for id in ids(data) {
                                seen.entry(id.to_owned()).or_insert(now);
                            }
                        }
                    }
                    seen
                });
                start.wait();
                for k in 0..IDEAS_EACH {
                    let body = format!("{{\"participant\":\"{p}\",\"kind\":\"note\",\"text\":\"idea {n}-{k}\"}}");
                    let (status, answer) = request(&mut c, "POST", &format!("{base}/api/items"), &body);
                    let at = Instant::now();
                    assert_eq!(status, 201, "{}", String::from_utf8_lossy(&answer));
                    let v: serde_json::Value = serde_json::from_slice(&answer).unwrap();
                    accepted.lock().unwrap().insert(v["id"].as_str().unwrap().to_owned(), (n, at));
                }
                (n, reader.join().unwrap())
            })
        })
        .collect();
    let (host_cpu, bench_cpu, began) = (cpu_seconds(&h.child.id().to_string()), cpu_seconds("self"), Instant::now());
    let seen: Vec<(usize, HashMap<String, Instant>)> = phones.into_iter().map(|t| t.join().unwrap()).collect();
    let last = seen.iter().flat_map(|(_, s)| s.values()).max().copied().unwrap_or(began);
    let wall = last.saturating_duration_since(began);
    let (host_cpu, bench_cpu) = (cpu_seconds(&h.child.id().to_string()) - host_cpu, cpu_seconds("self") - bench_cpu);
    let memory = common::memory_mib(h.child.id(), "VmHWM:");
    let accepted = accepted.lock().unwrap();
    let mut delays = Vec::new();
    let mut missing = 0;
    for (id, (author, at)) in accepted.iter() {
        for (page, seen) in &seen {
            if page == author {
                continue;
            }
            match seen.get(id) {
                Some(when) => delays.push(when.saturating_duration_since(*at)),
                None => missing += 1,
            }
        }
    }
    delays.sort();
    println!(
        "phones_fan_out: {} ideas from {PHONES} open pages, {} deliveries: median {:.0} ms, 99 % within {:.0} ms (target 300 ms), longest {:.0} ms, {missing} never arrived; host peak memory {memory:.0} MiB (target 200 MiB)",
        accepted.len(),
        delays.len(),
        ms(percentile(&delays, 0.5)),
        ms(percentile(&delays, 0.99)),
        ms(*delays.last().unwrap()),
    );
    println!(
        "phones_fan_out: from the start until the last delivery {:.2} s; CPU meanwhile (until every page had every idea): host {host_cpu:.2} s, the phones {bench_cpu:.2} s, of {:.1} s the two cores had",
        wall.as_secs_f64(),
        2.0 * began.elapsed().as_secs_f64(),
    );
}

fn photos() {
    let dir = tempfile::tempdir().unwrap();
    let ok = |args: &[&str]| assert!(moodboard(dir.path()).args(args).status().unwrap().success());
    ok(&["new", "live", "--title", "Live"]);
    let mut files = Vec::new();
    for i in 0..PHOTOS {
        let picture = image::RgbImage::from_fn(1600, 1200, |x, y| {
            image::Rgb([((x + i as u32 * 13) % 256) as u8, ((y * 3) % 256) as u8, ((x ^ y) % 256) as u8])
        });
        let name = format!("photo-{i}.jpg");
        let mut jpeg = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 85).encode_image(&picture).unwrap();
        std::fs::write(dir.path().join(&name), jpeg).unwrap();
        files.push(name);
    }
    let mut args = vec!["add", "live", "--image"];
    args.extend(files.iter().map(String::as_str));
    ok(&args);
    let h = host(dir.path());
    let start = Arc::new(Barrier::new(PHONES));
    let phones: Vec<_> = (0..PHONES)
        .map(|n| {
            let (mut c, p) = join(n, &h);
            let (start, base, addr) = (start.clone(), h.base.clone(), h.addr);
            std::thread::spawn(move || {
                start.wait();
                let began = Instant::now();
                let (status, view) = request(&mut c, "GET", &format!("{base}/api/board?participant={p}"), "");
                assert_eq!(status, 200);
                let mut bytes = view.len();
                let v: serde_json::Value = serde_json::from_slice(&view).unwrap();
                let names: Vec<String> = v["items"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter_map(|i| i["picture"].as_str().map(str::to_owned))
                    .collect();
                assert_eq!(names.len(), PHOTOS);
                // Two connections, as a browser uses several.
                let halves: Vec<Vec<String>> = names.chunks(PHOTOS / 2).map(<[String]>::to_vec).collect();
                let fetchers: Vec<_> = halves
                    .into_iter()
                    .map(|half| {
                        let (base, p) = (base.clone(), p.clone());
                        std::thread::spawn(move || {
                            let mut c = BufReader::new(connect(n, addr));
                            half.iter()
                                .map(|name| {
                                    let path = format!("{base}/api/pictures/{name}?participant={p}");
                                    let (status, jpeg) = request(&mut c, "GET", &path, "");
                                    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&jpeg));
                                    jpeg.len()
                                })
                                .sum::<usize>()
                        })
                    })
                    .collect();
                bytes += fetchers.into_iter().map(|f| f.join().unwrap()).sum::<usize>();
                (began.elapsed(), bytes)
            })
        })
        .collect();
    let results: Vec<(Duration, usize)> = phones.into_iter().map(|t| t.join().unwrap()).collect();
    let memory = common::memory_mib(h.child.id(), "VmHWM:");
    let mut times: Vec<Duration> = results.iter().map(|r| r.0).collect();
    times.sort();
    let bytes = results.iter().map(|r| r.1).sum::<usize>() as f64 / PHONES as f64;
    println!(
        "phones_open_100_photos: {PHONES} phones at once, until the board and all {PHOTOS} pictures are in: median {:.0} ms, 99 % within {:.0} ms (target 2 s), longest {:.0} ms; {:.2} MB a phone (goal 3 MB); host peak memory {memory:.0} MiB",
        ms(percentile(&times, 0.5)),
        ms(percentile(&times, 0.99)),
        ms(*times.last().unwrap()),
        bytes / 1e6,
    );
}

fn phones(_c: &mut Criterion) {
    fan_out();
    photos();
}

criterion_group!(benches, phones);
criterion_main!(benches);
