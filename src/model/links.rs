//! What a link's address is safe to do. egui's `open_url` hands any string to the
//! operating system, so only web and mail addresses are ever opened; anything else
//! (`file:`, `javascript:`, custom app schemes) is shown but not opened.

/// Schemes that are opened in the browser or mail program.
pub const OPENABLE_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

fn scheme(url: &str) -> Option<&str> {
    let (scheme, _) = url.split_once(':')?;
    let valid = !scheme.is_empty()
        && scheme.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
    valid.then_some(scheme)
}

/// Whether `url` may be opened: an http, https or mailto address with something after
/// the scheme and no spaces or control characters.
pub fn is_openable(url: &str) -> bool {
    if url.chars().any(char::is_control) {
        return false;
    }
    let url = url.trim();
    let Some(s) = scheme(url) else { return false };
    let rest = &url[s.len() + 1..];
    OPENABLE_SCHEMES.iter().any(|ok| s.eq_ignore_ascii_case(ok))
        && !rest.trim_start_matches('/').is_empty()
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// `https://www.example.com/a?b` → `example.com`; `mailto:ann@x.org` → `x.org`.
pub fn domain(url: &str) -> Option<String> {
    let url = url.trim();
    let rest = match scheme(url) {
        Some(s) => url[s.len() + 1..].trim_start_matches('/'),
        None => url,
    };
    let rest = rest.rsplit_once('@').map_or(rest, |(_, host)| host);
    let host = rest.split(['/', '?', '#']).next()?.split(':').next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then(|| host.to_lowercase())
}

/// Whether pasted text looks like a web address that should become a link.
pub fn looks_like_url(text: &str) -> bool {
    let t = text.trim();
    !t.contains(char::is_whitespace)
        && (t.starts_with("http://") || t.starts_with("https://") || t.starts_with("www.") || t.starts_with("mailto:"))
}

/// A pasted address made openable: `www.x.org` → `https://www.x.org`.
pub fn normalise_url(text: &str) -> String {
    let t = text.trim();
    if t.starts_with("www.") { format!("https://{t}") } else { t.to_owned() }
}

/// A typed address as a link keeps it: as typed when it may be opened, with `https://`
/// in front of a bare host (`example.com/menu`, `www.x.org`); `None` for anything else
/// ("not a url", `file:` or `javascript:` addresses).
pub fn web_address(text: &str) -> Option<String> {
    let t = text.trim();
    if is_openable(t) {
        return Some(t.to_owned());
    }
    let host = t.split(['/', '?', '#']).next().unwrap_or("");
    let bare = scheme(t).is_none()
        && host.contains('.')
        && host.chars().all(|c| c.is_alphanumeric() || "-.:".contains(c))
        && !host.starts_with('.');
    let url = format!("https://{t}");
    (bare && is_openable(&url)).then_some(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_address_is_a_web_address_or_refused() {
        assert_eq!(web_address(" https://example.com/a "), Some("https://example.com/a".to_owned()));
        assert_eq!(web_address("example.com/menu?x=1"), Some("https://example.com/menu?x=1".to_owned()));
        assert_eq!(web_address("www.x.org"), Some("https://www.x.org".to_owned()));
        assert_eq!(web_address("mailto:ann@example.com"), Some("mailto:ann@example.com".to_owned()));
        for bad in
            ["not a url", "file:///etc/passwd", "javascript:alert(1)", "example", ".com", "https://", "ex ample.com"]
        {
            assert_eq!(web_address(bad), None, "{bad}");
        }
    }

    #[test]
    fn only_web_and_mail_addresses_open() {
        for ok in ["https://example.com", "HTTP://x.org/a", "mailto:ann@example.com"] {
            assert!(is_openable(ok), "{ok}");
        }
        for bad in [
            "file:///etc/passwd",
            "javascript:alert(1)",
            "https://",
            "vscode://open",
            "example.com",
            "https://a b.com",
            "https://x.org/\n",
            "smb://server/share",
            "",
        ] {
            assert!(!is_openable(bad), "{bad:?}");
        }
    }

    #[test]
    fn domains_for_people() {
        assert_eq!(domain("https://www.Example.com/a?b").as_deref(), Some("example.com"));
        assert_eq!(domain("mailto:ann@x.org").as_deref(), Some("x.org"));
        assert_eq!(domain("http://host:8080/x").as_deref(), Some("host"));
        assert_eq!(domain(""), None);
    }

    #[test]
    fn pasted_addresses() {
        assert!(looks_like_url(" https://x.org/a "));
        assert!(!looks_like_url("see https://x.org"));
        assert_eq!(normalise_url("www.x.org"), "https://www.x.org");
    }
}
