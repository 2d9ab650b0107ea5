//! One bounded download: http and https only (on every redirect too), a few redirects at
//! most, connect and total time limits, a size cap counted on the decoded bytes as they
//! stream (never trusting Content-Length), no cookies or credentials sent, the system's
//! proxy settings respected. What came back is told by its bytes, not by its headers.

use std::io::Read as _;
use std::time::{Duration, Instant};

use url::Url;

use super::reach::{Guarded, Reach};

/// How far one fetch may go.
#[derive(Clone, Debug)]
pub struct Limits {
    /// Time to connect (name lookup, TCP, TLS).
    pub connect: Duration,
    /// Time for everything: every redirect and the whole body.
    pub total: Duration,
    /// Largest image accepted, decoded.
    pub image_bytes: u64,
    /// How much of a page is read for its head tags; the rest is not downloaded.
    pub page_bytes: u64,
    pub redirects: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            connect: Duration::from_secs(10),
            total: Duration::from_secs(30),
            image_bytes: 50 * 1_000_000,
            page_bytes: 2 * 1_000_000,
            redirects: 5,
        }
    }
}

/// What a fetch is for, which decides what is accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Want {
    /// An image: anything else is refused.
    Image,
    /// A page, or an image (a link straight to a picture).
    Page,
}

/// What an address gave.
#[derive(Debug)]
pub enum Body {
    /// Image bytes (raster or SVG, by their content), whole.
    Image(Vec<u8>),
    /// The start of a page (at most [`Limits::page_bytes`]), as sent, with the charset
    /// its Content-Type named.
    Page { bytes: Vec<u8>, charset: Option<String> },
}

/// A finished fetch: the address it ended at, after redirects, and what came.
#[derive(Debug)]
pub struct Fetched {
    pub url: Url,
    pub body: Body,
    /// Where what the page names (its preview picture) may be fetched from.
    pub reach: Reach,
}

/// Why a fetch gave nothing. Each says what was wrong, for people.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FetchError {
    BadAddress(String),
    Scheme(String),
    Credentials,
    RedirectScheme(String),
    RedirectCredentials,
    TooManyRedirects(u32),
    RedirectNowhere,
    Status(String),
    HostNotFound(String),
    /// `reason`: why, in words ([`crate::i18n::Message`]).
    Connect {
        host: String,
        reason: crate::i18n::Message,
    },
    ConnectTimeout(u64),
    Timeout(u64),
    TooLarge(u64),
    Announced(u64, u64),
    NotAnImage(String),
    Broken(String),
    Tls(String),
    /// A server led to a host on this computer or a private network (see `reach.rs`).
    NotPublic {
        host: String,
        address: String,
    },
}

impl crate::i18n::Said for FetchError {
    fn message(&self) -> crate::i18n::Message {
        use crate::i18n::Message;
        match self {
            FetchError::BadAddress(address) => Message::new("web-bad-address").with("address", format!("{address:?}")),
            FetchError::Scheme(scheme) => Message::new("web-scheme").with("scheme", scheme),
            FetchError::Credentials => Message::new("web-credentials"),
            FetchError::RedirectScheme(scheme) => Message::new("web-redirect-scheme").with("scheme", scheme),
            FetchError::RedirectCredentials => Message::new("web-redirect-credentials"),
            FetchError::TooManyRedirects(n) => Message::new("web-too-many-redirects").with("count", *n),
            FetchError::RedirectNowhere => Message::new("web-redirect-nowhere"),
            FetchError::Status(status) => Message::new("web-status").with("status", status),
            FetchError::HostNotFound(host) => Message::new("web-host-not-found").with("host", host),
            FetchError::Connect { host, reason } => {
                Message::new("web-connect").with("host", host).with("reason", reason.clone())
            }
            FetchError::ConnectTimeout(secs) => Message::new("web-connect-timeout").with("seconds", *secs),
            FetchError::Timeout(secs) => Message::new("web-timeout").with("seconds", *secs),
            FetchError::TooLarge(bytes) => Message::new("web-too-large").with("mb", bytes / 1_000_000),
            FetchError::Announced(bytes, max) => {
                Message::new("web-announced").with("mb", bytes / 1_000_000).with("max", max / 1_000_000)
            }
            FetchError::NotAnImage(what) => Message::new("web-not-an-image").with("what", what),
            FetchError::Broken(detail) => Message::new("web-broken").with("detail", detail),
            FetchError::Tls(detail) => Message::new("web-tls").with("detail", detail),
            FetchError::NotPublic { host, address } => {
                Message::new("web-not-public").with("host", host).with("address", address)
            }
        }
    }
}

crate::said_as_printed!(FetchError);

/// Parses what someone typed or pasted as an address we may fetch.
pub fn parse_address(address: &str) -> Result<Url, FetchError> {
    let url = Url::parse(address.trim()).map_err(|_| FetchError::BadAddress(address.chars().take(200).collect()))?;
    match url.scheme() {
        "http" | "https" => {}
        other => return Err(FetchError::Scheme(other.to_owned())),
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(FetchError::Credentials);
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(FetchError::BadAddress(address.chars().take(200).collect()));
    }
    Ok(url)
}

fn agent(limits: &Limits, reach: &Reach) -> ureq::Agent {
    let proxy = ureq::Proxy::try_from_env();
    let guard = Guarded { reach: reach.clone(), proxy: proxy.as_ref().map(|p| (p.host().to_owned(), p.port())) };
    let config = ureq::Agent::config_builder()
        // Redirects are followed here, one by one, so that each is checked.
        .max_redirects(0)
        .http_status_as_error(false)
        .timeout_connect(Some(limits.connect))
        .user_agent(concat!("Moodboard/", env!("CARGO_PKG_VERSION"), " (link previews)"))
        .max_response_header_size(64 * 1024)
        // HTTP_PROXY, HTTPS_PROXY, ALL_PROXY and NO_PROXY, as the system has them.
        .proxy(proxy)
        .build();
    ureq::Agent::with_parts(config, ureq::unversioned::transport::DefaultConnector::default(), guard)
}

/// Downloads `address`, as a person typed it, for `want`, calling
/// `progress(received, announced)` as bytes come.
pub fn fetch(
    address: &str,
    want: Want,
    limits: &Limits,
    progress: &dyn Fn(u64, Option<u64>),
) -> Result<Fetched, FetchError> {
    let typed = Reach::typed(&parse_address(address)?);
    fetch_within(address, &typed, want, limits, progress)
}

/// Downloads `address`, which a page or a server named, within `reach`: each hop is
/// checked before it is made (see `reach.rs`).
pub fn fetch_within(
    address: &str,
    reach: &Reach,
    want: Want,
    limits: &Limits,
    progress: &dyn Fn(u64, Option<u64>),
) -> Result<Fetched, FetchError> {
    let mut url = parse_address(address)?;
    reach.check(&url)?;
    let agent = agent(limits, reach);
    let deadline = Instant::now() + limits.total;
    let mut redirects = 0;
    loop {
        let remaining = deadline.saturating_duration_since(Instant::now());
        if remaining.is_zero() {
            return Err(FetchError::Timeout(limits.total.as_secs()));
        }
        let accept = match want {
            Want::Image => "image/*, */*;q=0.5",
            Want::Page => "text/html, application/xhtml+xml, image/*;q=0.9, */*;q=0.5",
        };
        let request = agent.get(url.as_str()).header("Accept", accept).config().timeout_global(Some(remaining)).build();
        let response = request.call().map_err(|e| call_error(e, &url, limits))?;
        let status = response.status();
        if status.is_redirection() {
            redirects += 1;
            if redirects > limits.redirects {
                return Err(FetchError::TooManyRedirects(limits.redirects));
            }
            let location =
                response.headers().get("location").and_then(|l| l.to_str().ok()).ok_or(FetchError::RedirectNowhere)?;
            let next = url.join(location).map_err(|_| FetchError::BadAddress(location.chars().take(200).collect()))?;
            if !matches!(next.scheme(), "http" | "https") {
                return Err(FetchError::RedirectScheme(next.scheme().to_owned()));
            }
            if !next.username().is_empty() || next.password().is_some() {
                return Err(FetchError::RedirectCredentials);
            }
            reach.check(&next)?;
            url = next;
            continue;
        }
        if !status.is_success() {
            let reason = status.canonical_reason().map_or(String::new(), |r| format!(" {r}"));
            return Err(FetchError::Status(format!("{}{reason}", status.as_u16())));
        }
        let headers = response.headers();
        let content_type = headers.get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
        let announced = headers.get("content-length").and_then(|v| v.to_str().ok()).and_then(|v| v.trim().parse().ok());
        let body =
            read_body(response.into_body(), want, &content_type, announced, limits, progress).map_err(|e| match e {
                ReadError::Fetch(e) => e,
                ReadError::Io(e) => io_error(&e, limits),
            })?;
        return Ok(Fetched { url, body, reach: reach.clone() });
    }
}

enum ReadError {
    Fetch(FetchError),
    Io(std::io::Error),
}

fn read_body(
    body: ureq::Body,
    want: Want,
    content_type: &str,
    announced: Option<u64>,
    limits: &Limits,
    progress: &dyn Fn(u64, Option<u64>),
) -> Result<Body, ReadError> {
    let mut reader = body.into_with_config().limit(u64::MAX).reader();
    let mut bytes = Vec::new();
    let mut chunk = vec![0u8; 64 * 1024];
    // The first bytes tell what it is; the cap follows from that.
    let mut kind: Option<bool> = None; // Some(true): an image
    loop {
        let n = reader.read(&mut chunk).map_err(ReadError::Io)?;
        if n == 0 {
            break;
        }
        bytes.extend_from_slice(&chunk[..n]);
        progress(bytes.len() as u64, announced);
        if kind.is_none() {
            if is_image(&bytes) {
                kind = Some(true);
            } else if bytes.len() >= 4096 {
                kind = Some(false);
            }
        }
        let cap = match kind {
            Some(true) | None => limits.image_bytes,
            Some(false) if want == Want::Image => {
                return Err(ReadError::Fetch(FetchError::NotAnImage(describe(&bytes, content_type))));
            }
            Some(false) => {
                if bytes.len() as u64 >= limits.page_bytes {
                    bytes.truncate(limits.page_bytes as usize);
                    break;
                }
                continue;
            }
        };
        if kind == Some(true) && announced.is_some_and(|a| a > cap) {
            return Err(ReadError::Fetch(FetchError::Announced(announced.unwrap_or(0), cap)));
        }
        if bytes.len() as u64 > cap {
            return Err(ReadError::Fetch(FetchError::TooLarge(cap)));
        }
    }
    let image = kind.unwrap_or_else(|| is_image(&bytes));
    match (image, want) {
        (true, _) => Ok(Body::Image(bytes)),
        (false, Want::Image) => Err(ReadError::Fetch(FetchError::NotAnImage(describe(&bytes, content_type)))),
        (false, Want::Page) => Ok(Body::Page { bytes, charset: charset_of(content_type) }),
    }
}

/// Whether these first bytes start an image we read (raster or SVG).
fn is_image(bytes: &[u8]) -> bool {
    crate::media::sniff(bytes).is_ok()
}

/// What a body that is not an image is, for the refusal.
fn describe(bytes: &[u8], content_type: &str) -> String {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_lowercase();
    let what = if head.contains("<html") || head.contains("<!doctype html") {
        "a web page".to_owned()
    } else if let Err(crate::media::ImageError::Unsupported(kind)) = crate::media::sniff(bytes) {
        format!("a {kind} file, which Moodboard cannot show")
    } else if bytes.is_empty() {
        "nothing".to_owned()
    } else {
        "something that is not a picture".to_owned()
    };
    let served = content_type.split(';').next().unwrap_or("").trim();
    if served.is_empty() { what } else { format!("{what} (served as {served})") }
}

/// The charset a Content-Type names: `text/html; charset=ISO-8859-1` → `ISO-8859-1`.
fn charset_of(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim().eq_ignore_ascii_case("charset").then(|| v.trim().trim_matches('"').to_owned())
    })
}

fn call_error(e: ureq::Error, url: &Url, limits: &Limits) -> FetchError {
    let host = url.host_str().unwrap_or("").to_owned();
    match e {
        ureq::Error::Timeout(ureq::Timeout::Connect | ureq::Timeout::Resolve) => {
            FetchError::ConnectTimeout(limits.connect.as_secs())
        }
        ureq::Error::Timeout(_) => FetchError::Timeout(limits.total.as_secs()),
        ureq::Error::HostNotFound => FetchError::HostNotFound(host),
        ureq::Error::ConnectionFailed => FetchError::Connect { host, reason: crate::i18n::Message::new("web-refused") },
        // The resolver's refusal (see `reach.rs`): the name led elsewhere when connecting.
        ureq::Error::Io(e) if e.kind() == std::io::ErrorKind::PermissionDenied => {
            FetchError::NotPublic { host, address: e.to_string() }
        }
        ureq::Error::Io(e) if matches!(e.kind(), std::io::ErrorKind::ConnectionRefused) => {
            FetchError::Connect { host, reason: crate::i18n::Message::new("web-refused") }
        }
        ureq::Error::Io(e) => io_error(&e, limits),
        ureq::Error::Tls(reason) => FetchError::Tls(reason.to_owned()),
        #[allow(unreachable_patterns)]
        ureq::Error::Rustls(e) => FetchError::Tls(e.to_string()),
        ureq::Error::BadUri(u) => FetchError::BadAddress(u),
        other => FetchError::Broken(other.to_string()),
    }
}

fn io_error(e: &std::io::Error, limits: &Limits) -> FetchError {
    if let Some(ureq::Error::Timeout(_)) = e.get_ref().and_then(|inner| inner.downcast_ref::<ureq::Error>()) {
        return FetchError::Timeout(limits.total.as_secs());
    }
    if e.kind() == std::io::ErrorKind::TimedOut {
        return FetchError::Timeout(limits.total.as_secs());
    }
    FetchError::Broken(e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_web_addresses_are_fetched() {
        assert!(parse_address("https://example.com/a.jpg").is_ok());
        assert_eq!(parse_address("file:///etc/passwd").unwrap_err(), FetchError::Scheme("file".into()));
        assert_eq!(parse_address("ftp://x/y").unwrap_err(), FetchError::Scheme("ftp".into()));
        assert_eq!(parse_address("https://ann:secret@example.com/").unwrap_err(), FetchError::Credentials);
        assert!(matches!(parse_address("not an address"), Err(FetchError::BadAddress(_))));
        assert_eq!(charset_of("text/html; charset=\"ISO-8859-1\""), Some("ISO-8859-1".into()));
        assert_eq!(charset_of("text/html"), None);
    }
}
