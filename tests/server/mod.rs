//! A web server on this machine for the tests of collecting from the web: each path
//! answers as a well-behaved or a hostile server would. Responses are written by hand
//! because hostile ones (endless bodies, lies, silence) are what no server library sends.
//! Each test file uses the answers it needs.
#![allow(dead_code)]

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// How one path answers.
#[derive(Clone)]
pub enum Answer {
    /// 200 with this type and body (and extra header lines).
    Ok { content_type: String, body: Vec<u8>, headers: Vec<String> },
    /// A redirect with this status and Location.
    Redirect { status: u16, location: String, headers: Vec<String> },
    /// Just a status.
    Status(u16),
    /// 200 and a body that never ends (no Content-Length), starting with `head`.
    Endless { content_type: String, head: Vec<u8> },
    /// 200 with Content-Length `announced`, then `body` (which may be shorter).
    Announce { content_type: String, announced: u64, body: Vec<u8> },
    /// 200, gzip-encoded: `compressed` is sent as is.
    Gzip { content_type: String, compressed: Vec<u8> },
    /// Accepts and says nothing, for ever.
    Silent,
    /// Headers, then one byte every 200 ms, for ever.
    Drip { content_type: String },
    /// The first answer to the first request, the second to the second …, the last to
    /// all later ones.
    Sequence(Vec<Answer>),
    /// This answer after a pause of this many milliseconds.
    Later(u64, Box<Answer>),
}

impl Answer {
    pub fn ok(content_type: &str, body: impl Into<Vec<u8>>) -> Self {
        Answer::Ok { content_type: content_type.to_owned(), body: body.into(), headers: Vec::new() }
    }
    pub fn redirect(location: &str) -> Self {
        Answer::Redirect { status: 302, location: location.to_owned(), headers: Vec::new() }
    }
}

/// A request as the server saw it.
#[derive(Clone, Debug)]
pub struct Seen {
    /// The request target, as sent: a path, or a whole address when asked as a proxy.
    pub target: String,
    pub headers: Vec<(String, String)>,
}

impl Seen {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

pub struct Server {
    pub port: u16,
    /// Requests so far, in order.
    seen: Arc<Mutex<Vec<Seen>>>,
    connections: Arc<Mutex<usize>>,
}

impl Server {
    /// Starts a server answering `routes` (by path, query ignored); other paths get 404.
    pub fn start(routes: Vec<(&str, Answer)>) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let routes: Arc<HashMap<String, Answer>> =
            Arc::new(routes.into_iter().map(|(p, a)| (p.to_owned(), a)).collect());
        let seen = Arc::new(Mutex::new(Vec::new()));
        let connections = Arc::new(Mutex::new(0));
        let (seen2, connections2) = (seen.clone(), connections.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                *connections2.lock().unwrap() += 1;
                let (routes, seen) = (routes.clone(), seen2.clone());
                std::thread::spawn(move || serve(stream, &routes, &seen));
            }
        });
        Self { port, seen, connections }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// Every request so far.
    pub fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }

    /// How many connections were made at all (a request or not).
    pub fn connections(&self) -> usize {
        *self.connections.lock().unwrap()
    }
}

fn serve(mut stream: TcpStream, routes: &HashMap<String, Answer>, seen: &Mutex<Vec<Seen>>) {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") && head.len() < 64 * 1024 {
        match stream.read(&mut byte) {
            Ok(1) => head.push(byte[0]),
            _ => return,
        }
    }
    let text = String::from_utf8_lossy(&head).into_owned();
    let mut lines = text.split("\r\n");
    let request_line = lines.next().unwrap_or("").to_owned();
    let target = request_line.split(' ').nth(1).unwrap_or("").to_owned();
    if request_line.starts_with("CONNECT ") {
        // Asked as a proxy: the tunnel opens here, and the request inside it is served.
        seen.lock().unwrap().push(Seen { target: format!("CONNECT {target}"), headers: Vec::new() });
        if stream.write_all(b"HTTP/1.1 200 Connection established\r\n\r\n").is_ok() {
            serve(stream, routes, seen);
        }
        return;
    }
    let headers =
        lines.filter_map(|l| l.split_once(':')).map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned())).collect();
    seen.lock().unwrap().push(Seen { target: target.clone(), headers });
    // As a proxy the target is a whole address; its path is what routes.
    let path =
        target.strip_prefix("http://").map_or(target.as_str(), |rest| rest.find('/').map_or("/", |i| &rest[i..]));
    let path = path.split('?').next().unwrap_or("");
    let asked_before =
        seen.lock().unwrap().iter().filter(|s| s.target.split('?').next() == Some(path)).count().saturating_sub(1);
    let answer = match routes.get(path).cloned().unwrap_or(Answer::Status(404)) {
        Answer::Sequence(answers) => answers[asked_before.min(answers.len() - 1)].clone(),
        other => other,
    };
    let _ = answer_with(&mut stream, answer);
}

fn answer_with(stream: &mut TcpStream, answer: Answer) -> std::io::Result<()> {
    let reason = |status: u16| match status {
        200 => "OK",
        301 => "Moved Permanently",
        302 => "Found",
        404 => "Not Found",
        500 => "Internal Server Error",
        _ => "Something",
    };
    match answer {
        Answer::Ok { content_type, body, headers } => {
            let extra: String = headers.iter().map(|h| format!("{h}\r\n")).collect();
            write!(
                stream,
                "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n{extra}Connection: close\r\n\r\n",
                body.len()
            )?;
            stream.write_all(&body)
        }
        Answer::Redirect { status, location, headers } => {
            let extra: String = headers.iter().map(|h| format!("{h}\r\n")).collect();
            write!(
                stream,
                "HTTP/1.1 {status} {}\r\nLocation: {location}\r\n{extra}Content-Length: 0\r\nConnection: close\r\n\r\n",
                reason(status)
            )
        }
        Answer::Status(status) => {
            write!(stream, "HTTP/1.1 {status} {}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", reason(status))
        }
        Answer::Endless { content_type, head } => {
            write!(stream, "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nConnection: close\r\n\r\n")?;
            stream.write_all(&head)?;
            let chunk = vec![0u8; 64 * 1024];
            loop {
                stream.write_all(&chunk)?;
            }
        }
        Answer::Announce { content_type, announced, body } => {
            write!(
                stream,
                "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {announced}\r\nConnection: close\r\n\r\n"
            )?;
            stream.write_all(&body)?;
            // Then hold the line open, as a server that lied about its length would.
            std::thread::sleep(Duration::from_secs(60));
            Ok(())
        }
        Answer::Gzip { content_type, compressed } => {
            write!(
                stream,
                "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Encoding: gzip\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                compressed.len()
            )?;
            stream.write_all(&compressed)
        }
        Answer::Silent => {
            std::thread::sleep(Duration::from_secs(120));
            Ok(())
        }
        Answer::Sequence(_) => unreachable!("a sequence is answered by one of its answers"),
        Answer::Later(ms, answer) => {
            std::thread::sleep(Duration::from_millis(ms));
            answer_with(stream, *answer)
        }
        Answer::Drip { content_type } => {
            write!(stream, "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nConnection: close\r\n\r\n")?;
            loop {
                stream.write_all(b"\x89")?;
                stream.flush()?;
                std::thread::sleep(Duration::from_millis(200));
            }
        }
    }
}
