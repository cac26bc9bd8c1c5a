//! URL canonicalisation, so one page is one URL before dedup.
//!
//! Owns: the rules that make two spellings of a URL equal: lower-case
//! scheme and host, no default port, no fragment, no tracking parameters
//! (`utm_*`, `fbclid`, `gclid`, ...), `/` for an empty path.
//! Must not know: whether the URL was fetched or stored.

use url::Url;

/// Query parameters that only track the reader, never select content.
const TRACKING: &[&str] = &[
    "fbclid", "gclid", "dclid", "msclkid", "yclid", "mc_cid", "mc_eid", "igshid", "_ga", "_gl",
    "spm", "ref_src",
];

/// The canonical form of an http(s) URL, or why it is not one.
pub fn canonicalize(input: &str) -> Result<String, String> {
    let mut url = Url::parse(input.trim()).map_err(|e| format!("{input:?} is not a URL: {e}"))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(format!(
            "{input:?}: only http and https URLs can be fetched"
        ));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(format!("{input:?} has no host"));
    }
    url.set_fragment(None);
    if let Some(query) = url.query() {
        let kept: Vec<(String, String)> = url::form_urlencoded::parse(query.as_bytes())
            .filter(|(k, _)| {
                let k = k.to_ascii_lowercase();
                !k.starts_with("utm_") && !TRACKING.contains(&k.as_str())
            })
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        if kept.is_empty() {
            url.set_query(None);
        } else if kept.len() != query.split('&').filter(|p| !p.is_empty()).count() {
            url.query_pairs_mut().clear().extend_pairs(kept);
        }
    }
    Ok(url.to_string())
}

/// `href` resolved against `base` (for relative links in feeds).
pub fn resolve(base: &str, href: &str) -> Option<String> {
    let base = Url::parse(base).ok()?;
    base.join(href.trim()).ok().map(|u| u.to_string())
}

/// `scheme://host:port` of a URL: the unit of politeness and robots.txt.
pub fn origin(url: &str) -> Option<String> {
    let url = Url::parse(url).ok()?;
    let host = url.host_str()?;
    let port = url.port_or_known_default()?;
    Some(format!("{}://{host}:{port}", url.scheme()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_pages_get_equal_urls() {
        let c = |s| canonicalize(s).unwrap();
        assert_eq!(
            c("HTTP://Example.COM:80/a/b?utm_source=x&id=3&utm_medium=y#top"),
            "http://example.com/a/b?id=3"
        );
        assert_eq!(c("https://example.com:443"), "https://example.com/");
        assert_eq!(c("https://e.com/p?fbclid=1&gclid=2"), "https://e.com/p");
        assert_eq!(c("https://e.com/p?b=2&a=1"), "https://e.com/p?b=2&a=1");
        assert_eq!(c("http://e.com:8080/x"), "http://e.com:8080/x");
        assert!(canonicalize("ftp://e.com/x").is_err());
        assert!(canonicalize("not a url").is_err());
        assert!(canonicalize("file:///etc/passwd").is_err());
    }

    #[test]
    fn origins_and_relative_links() {
        assert_eq!(
            origin("https://e.com/a?b").as_deref(),
            Some("https://e.com:443")
        );
        assert_eq!(
            resolve("http://e.com/feed/rss.xml", "../news/1.html").as_deref(),
            Some("http://e.com/news/1.html")
        );
    }
}
