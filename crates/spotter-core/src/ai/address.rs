//! A provider's address: its server (host and port), and whether a key may travel to it.
//!
//! A key is sent as a bearer token on every call, so it may only go over https, or over
//! plain http to this computer (a local Ollama or llama.cpp). And it belongs to the server
//! it was given for: when the address points at another server, the key is dropped and
//! asked for again (see `spotter-ai`'s runtime).

use std::net::{IpAddr, Ipv4Addr};

/// The parts of a `http(s)://host[:port]/path` address that name the server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Server {
    pub https: bool,
    /// Lower case; an IPv6 address without its brackets.
    pub host: String,
    pub port: u16,
}

impl Server {
    /// Reads the server out of an address; `None` when it is not http(s) with a host.
    pub fn of(address: &str) -> Option<Server> {
        let address = address.trim();
        let (https, rest) = if let Some(r) = strip_prefix_ci(address, "https://") {
            (true, r)
        } else {
            (false, strip_prefix_ci(address, "http://")?)
        };
        let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
        // user:password@ is refused by the provider check; here it is not part of the host.
        let authority = authority.rsplit('@').next().unwrap_or(authority);
        let (host, port) = if let Some(v6) = authority.strip_prefix('[') {
            let (host, after) = v6.split_once(']')?;
            (host, after.strip_prefix(':'))
        } else {
            match authority.rsplit_once(':') {
                Some((h, p)) => (h, Some(p)),
                None => (authority, None),
            }
        };
        if host.is_empty() {
            return None;
        }
        let port = match port {
            Some(p) => p.parse().ok()?,
            None if https => 443,
            None => 80,
        };
        Some(Server {
            https,
            host: host.to_ascii_lowercase(),
            port,
        })
    }

    /// This computer: `localhost` (and `*.localhost`), 127.0.0.0/8, `::1`.
    pub fn is_loopback(&self) -> bool {
        let host = self.host.trim_end_matches('.');
        if host == "localhost" || host.ends_with(".localhost") {
            return true;
        }
        match host.parse::<IpAddr>() {
            Ok(IpAddr::V4(v4)) => v4.is_loopback(),
            Ok(IpAddr::V6(v6)) => {
                v6.is_loopback()
                    || v6
                        .to_ipv4_mapped()
                        .is_some_and(|v4| Ipv4Addr::is_loopback(&v4))
            }
            Err(_) => false,
        }
    }

    /// Whether a key (and what is sent) may go there: https, or this computer.
    pub fn is_private_enough(&self) -> bool {
        self.https || self.is_loopback()
    }

    /// The same server: same host and port (a key stays with its server).
    pub fn same_server(&self, other: &Server) -> bool {
        self.host == other.host && self.port == other.port
    }
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    (s.len() >= prefix.len() && s[..prefix.len()].eq_ignore_ascii_case(prefix))
        .then(|| &s[prefix.len()..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn servers_are_read_and_loopback_is_this_computer_only() {
        let s = Server::of("https://API.openai.com/v1").unwrap();
        assert_eq!(
            (s.https, s.host.as_str(), s.port),
            (true, "api.openai.com", 443)
        );
        let s = Server::of("http://[::1]:11434/v1").unwrap();
        assert_eq!((s.host.as_str(), s.port), ("::1", 11434));
        for local in [
            "http://localhost:11434/v1",
            "http://127.0.0.1:8080",
            "http://127.1.2.3/v1",
            "http://[::1]/v1",
            "http://ollama.localhost/v1",
        ] {
            assert!(Server::of(local).unwrap().is_loopback(), "{local}");
        }
        for remote in [
            "http://192.168.1.20:11434/v1",
            "http://example.com/v1",
            "http://localhost.example.com/v1",
            "http://127.0.0.1.nip.io/v1",
            "http://10.0.0.1/v1",
        ] {
            let s = Server::of(remote).unwrap();
            assert!(!s.is_loopback() && !s.is_private_enough(), "{remote}");
        }
        assert!(Server::of("ftp://x").is_none());
        assert!(Server::of("http://:80/").is_none());
        let a = Server::of("https://api.openai.com/v1").unwrap();
        assert!(a.same_server(&Server::of("https://api.openai.com/v2/").unwrap()));
        assert!(!a.same_server(&Server::of("https://evil.example/v1").unwrap()));
        assert!(!a.same_server(&Server::of("https://api.openai.com:8443/v1").unwrap()));
    }
}
