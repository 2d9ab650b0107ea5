//! Where a fetch may lead. The address a person types may be anywhere (a team wiki on the
//! office network is fine), but what a server answers may not lead the app into that
//! network: a redirect, or a page's preview picture, is followed only to the very origin
//! (scheme, host and port) the person typed, or to a public address. Checked on the
//! resolved address of every hop, in every notation (the URL parser already reads
//! `2130706433` and `0177.0.0.1` as `127.0.0.1`; IPv6 forms that carry an IPv4 address
//! are judged by it), and again when the connection is made, so a name that resolves to
//! a public address for the check and a private one for the connection gains nothing.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, ToSocketAddrs as _};
use std::sync::Arc;

use url::{Host, Origin, Url};

use super::fetch::FetchError;

/// Where one fetch, and the fetches its page leads to, may go.
#[derive(Clone, Debug)]
pub struct Reach {
    typed: Arc<Origin>,
}

impl Reach {
    /// Anywhere at `typed`'s origin; elsewhere public addresses only.
    pub fn typed(typed: &Url) -> Self {
        Self { typed: Arc::new(typed.origin()) }
    }

    /// Whether `url` is at the origin the person typed.
    pub fn is_typed(&self, url: &Url) -> bool {
        url.origin() == *self.typed
    }

    /// Whether a server may lead to `url`: the typed origin, or a host whose every
    /// address is public.
    pub fn check(&self, url: &Url) -> Result<(), FetchError> {
        if self.is_typed(url) {
            return Ok(());
        }
        let port = url.port_or_known_default().unwrap_or(80);
        let addresses: Vec<IpAddr> = match url.host() {
            Some(Host::Ipv4(ip)) => vec![IpAddr::V4(ip)],
            Some(Host::Ipv6(ip)) => vec![IpAddr::V6(ip)],
            Some(Host::Domain(name)) => (name, port)
                .to_socket_addrs()
                .map_err(|_| FetchError::HostNotFound(name.to_owned()))?
                .map(|a| a.ip())
                .collect(),
            None => return Err(FetchError::BadAddress(url.as_str().chars().take(200).collect())),
        };
        match addresses.into_iter().find(|ip| !is_public(*ip)) {
            Some(ip) => {
                Err(FetchError::NotPublic { host: url.host_str().unwrap_or("").to_owned(), address: ip.to_string() })
            }
            None => Ok(()),
        }
    }

    /// Whether a connection to `host:port` for `scheme` is at the typed origin.
    fn is_typed_authority(&self, scheme: &str, host: &str, port: u16) -> bool {
        match &*self.typed {
            Origin::Tuple(s, h, p) => {
                let h = h.to_string();
                s == scheme && *p == port && h.trim_matches(['[', ']']) == host.trim_matches(['[', ']'])
            }
            Origin::Opaque(_) => false,
        }
    }
}

/// Whether `ip` is an address of the public internet: not this computer, not a private,
/// shared, link-local or unique-local network, not multicast, documentation or reserved.
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_public_v4(v4),
        IpAddr::V6(v6) => is_public_v6(v6),
    }
}

fn is_public_v4(ip: Ipv4Addr) -> bool {
    let [a, b, c, _] = ip.octets();
    !(ip.is_unspecified()
        || ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_broadcast()
        || ip.is_documentation()
        || ip.is_multicast()
        || a == 0
        // Shared address space (carrier-grade NAT), 100.64.0.0/10.
        || (a == 100 && (64..128).contains(&b))
        // IETF protocol assignments, 192.0.0.0/24.
        || (a == 192 && b == 0 && c == 0)
        // Benchmarking, 198.18.0.0/15.
        || (a == 198 && (b == 18 || b == 19))
        // Reserved, 240.0.0.0/4.
        || a >= 240)
}

fn is_public_v6(ip: Ipv6Addr) -> bool {
    let s = ip.segments();
    // Forms that carry an IPv4 address are judged by it: mapped (::ffff:a.b.c.d),
    // compatible (::a.b.c.d), NAT64 (64:ff9b::a.b.c.d) and 6to4 (2002:AABB:CCDD::).
    let embedded = |hi: u16, lo: u16| Ipv4Addr::new((hi >> 8) as u8, hi as u8, (lo >> 8) as u8, lo as u8);
    if let Some(v4) = ip.to_ipv4_mapped() {
        return is_public_v4(v4);
    }
    if s[..6] == [0; 6] && !ip.is_unspecified() && !ip.is_loopback() {
        return is_public_v4(embedded(s[6], s[7]));
    }
    if s[0] == 0x64 && s[1] == 0xff9b && s[2..6] == [0; 4] {
        return is_public_v4(embedded(s[6], s[7]));
    }
    if s[0] == 0x2002 {
        return is_public_v4(embedded(s[1], s[2]));
    }
    !(ip.is_unspecified()
        || ip.is_loopback()
        || ip.is_multicast()
        // Unique local, fc00::/7; link-local, fe80::/10; site-local (deprecated), fec0::/10.
        || (s[0] & 0xfe00) == 0xfc00
        || (s[0] & 0xffc0) == 0xfe80
        || (s[0] & 0xffc0) == 0xfec0
        // Documentation, 2001:db8::/32; Teredo, 2001::/32 (its addresses are hidden).
        || (s[0] == 0x2001 && (s[1] == 0x0db8 || s[1] == 0))
        // Discard-only, 100::/64.
        || (s[0] == 0x100 && s[1..4] == [0; 3]))
}

/// ureq's name resolver with the rule applied when the connection is made: a host other
/// than the typed origin (and the proxy the system names) is connected to only at its
/// public addresses.
#[derive(Debug)]
pub struct Guarded {
    pub reach: Reach,
    /// The proxy's host and port, which the system's settings chose.
    pub proxy: Option<(String, u16)>,
}

impl ureq::unversioned::resolver::Resolver for Guarded {
    fn resolve(
        &self,
        uri: &ureq::http::Uri,
        config: &ureq::config::Config,
        timeout: ureq::unversioned::transport::NextTimeout,
    ) -> Result<ureq::unversioned::resolver::ResolvedSocketAddrs, ureq::Error> {
        let resolved = ureq::unversioned::resolver::DefaultResolver::default().resolve(uri, config, timeout)?;
        let scheme = uri.scheme_str().unwrap_or("");
        let host = uri.host().unwrap_or("");
        let port = uri.port_u16().unwrap_or(if scheme == "https" { 443 } else { 80 });
        let proxy = self.proxy.as_ref().is_some_and(|(h, p)| h == host && *p == port);
        if proxy || self.reach.is_typed_authority(scheme, host, port) {
            return Ok(resolved);
        }
        let mut public = self.empty();
        for address in resolved.iter().filter(|a| is_public(a.ip())) {
            // Never more than were resolved, which fitted.
            let _ = public.try_push(*address);
        }
        if public.is_empty() {
            return Err(ureq::Error::Io(std::io::Error::new(
                std::io::ErrorKind::PermissionDenied,
                format!("{host} is not at a public address"),
            )));
        }
        Ok(public)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(s: &str) -> Url {
        Url::parse(s).unwrap()
    }

    #[test]
    fn private_addresses_in_every_notation_are_not_public() {
        for private in [
            "http://127.0.0.1/",
            "http://2130706433/",
            "http://0177.0.0.1/",
            "http://0x7f.1/",
            "http://127.1/",
            "http://0/",
            "http://10.1.2.3/",
            "http://172.16.0.1/",
            "http://192.168.1.1/",
            "http://169.254.169.254/",
            "http://100.64.0.1/",
            "http://[::1]/",
            "http://[::ffff:127.0.0.1]/",
            "http://[::ffff:7f00:1]/",
            "http://[::127.0.0.1]/",
            "http://[64:ff9b::a00:1]/",
            "http://[2002:c0a8:101::]/",
            "http://[fd00::1]/",
            "http://[fe80::1]/",
            "http://[::]/",
        ] {
            let u = url(private);
            let err = Reach::typed(&url("https://example.com/")).check(&u);
            assert!(matches!(err, Err(FetchError::NotPublic { .. })), "{private} ({u}): {err:?}");
        }
        for public in ["93.184.216.34", "2606:2800:220:1::1", "::ffff:93.184.216.34", "8.8.8.8", "100.128.0.1"] {
            assert!(is_public(public.parse().unwrap()), "{public}");
        }
    }

    #[test]
    fn the_typed_origin_may_be_anywhere_and_only_it() {
        let typed = Reach::typed(&url("http://wiki.local:8080/start"));
        assert!(typed.is_typed(&url("http://wiki.local:8080/other?page=2")));
        assert!(!typed.is_typed(&url("http://wiki.local:8081/")), "another port");
        assert!(!typed.is_typed(&url("https://wiki.local:8080/")), "another scheme");
        assert!(!typed.is_typed(&url("http://wiki.local.evil:8080/")), "another host");
        let lan = Reach::typed(&url("http://192.168.1.5/"));
        assert!(lan.check(&url("http://192.168.1.5/page")).is_ok());
        assert!(lan.check(&url("http://192.168.1.6/page")).is_err());
        assert!(lan.is_typed_authority("http", "192.168.1.5", 80));
        assert!(!lan.is_typed_authority("http", "192.168.1.5", 81));
        let v6 = Reach::typed(&url("http://[::1]:9000/"));
        assert!(v6.is_typed_authority("http", "[::1]", 9000));
    }
}
