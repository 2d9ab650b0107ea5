//! `moodboard host` run as a real process for the tests, and a small HTTP client for
//! talking to it as a phone would.
#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Stdio};
use std::time::Duration;

use serde_json::Value;

use super::common::Env;

pub struct Hosting {
    pub child: Child,
    /// Kept open: the host's output goes on after the join line.
    _stdout: BufReader<std::process::ChildStdout>,
    /// `http://127.0.0.1:PORT/j/TOKEN`
    pub url: String,
    pub board: PathBuf,
}

impl Drop for Hosting {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn host(env: &Env, board: &str) -> Hosting {
    let mut child = env
        .command(&["host", board, "--bind", "127.0.0.1", "--port", "0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    stdout.read_line(&mut line).unwrap();
    let url = line.trim().strip_prefix("join: ").unwrap_or_else(|| panic!("no join line: {line:?}")).to_owned();
    assert!(url.starts_with("http://127.0.0.1:") && url.contains("/j/"), "{url}");
    let token = url.rsplit('/').next().unwrap();
    assert!(token.len() >= 32 && token.bytes().all(|b| b.is_ascii_hexdigit()), "at least 128 random bits: {token}");
    Hosting { child, _stdout: stdout, url, board: env.path(&format!("{board}.moodboard.ron")) }
}

pub fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .proxy(None)
        .timeout_global(Some(Duration::from_secs(20)))
        .build()
        .new_agent()
}

/// POSTs JSON; returns the status and the answer's JSON.
pub fn post(url: &str, body: &Value) -> (u16, Value) {
    let mut r = agent().post(url).header("Content-Type", "application/json").send(body.to_string()).unwrap();
    let status = r.status().as_u16();
    let text = r.body_mut().read_to_string().unwrap_or_default();
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

pub fn get(url: &str) -> (u16, Value, String) {
    let mut r = agent().get(url).call().unwrap();
    let status = r.status().as_u16();
    let csp = r.headers().get("content-security-policy").map(|v| v.to_str().unwrap().to_owned()).unwrap_or_default();
    let text = r.body_mut().read_to_string().unwrap_or_default();
    (status, serde_json::from_str(&text).unwrap_or(Value::String(text)), csp)
}

/// A phone's page holding its event stream open: the connection, once the first event
/// has come. `join_url` is `http://ADDR/j/TOKEN`.
pub fn open_page(join_url: &str, participant: &str) -> std::net::TcpStream {
    use std::io::{Read as _, Write as _};
    let (authority, path) = join_url.split_once("://").unwrap().1.split_once('/').unwrap();
    let mut page = std::net::TcpStream::connect(authority).unwrap();
    page.write_all(format!("GET /{path}/api/events?participant={participant} HTTP/1.1\r\nHost: x\r\n\r\n").as_bytes())
        .unwrap();
    page.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    assert!(page.read(&mut [0u8; 64]).unwrap() > 0, "the stream is open");
    page
}
