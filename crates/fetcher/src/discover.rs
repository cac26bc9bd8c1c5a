//! Feeds and sitemaps -> page URLs.
//!
//! Owns: reading RSS 2.0 and Atom feeds (`feed-rs`) into their entries'
//! links (relative links resolved against the feed), and sitemaps
//! (`roxmltree`, which refuses DTDs, so no entity expansion): a `urlset`
//! gives page URLs, a `sitemapindex` gives more sitemaps, which are read
//! in turn (at most 3 levels, each once); gzip sitemaps are decompressed
//! with the size limit applied to the decompressed bytes.
//! Must not know: what happens to the page URLs afterwards.

use crate::http::Fetcher;
use crate::source::FetchError;
use std::collections::HashSet;
use std::io::Read;

/// The page links of a feed, in feed order.
pub fn feed_links(bytes: &[u8], feed_url: &str) -> Result<Vec<String>, String> {
    let feed =
        feed_rs::parser::parse(bytes).map_err(|e| format!("not an RSS or Atom feed: {e}"))?;
    let mut links = Vec::new();
    for entry in feed.entries {
        let link = entry
            .links
            .iter()
            .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
            .or(entry.links.first())
            .map(|l| l.href.clone())
            .or_else(|| entry.id.starts_with("http").then(|| entry.id.clone()));
        if let Some(href) = link.and_then(|h| crate::canon::resolve(feed_url, &h)) {
            links.push(href);
        }
    }
    Ok(links)
}

/// What one sitemap file lists.
#[derive(Debug, PartialEq, Eq)]
pub enum Sitemap {
    /// A `<urlset>`: pages.
    Pages(Vec<String>),
    /// A `<sitemapindex>`: more sitemaps.
    Index(Vec<String>),
}

/// Parses a sitemap, gunzipping it first when it is gzip data.
pub fn parse_sitemap(bytes: &[u8], max_bytes: u64) -> Result<Sitemap, String> {
    let unzipped;
    let bytes = if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(bytes)
            .take(max_bytes + 1)
            .read_to_end(&mut out)
            .map_err(|e| format!("broken gzip sitemap: {e}"))?;
        if out.len() as u64 > max_bytes {
            return Err(format!(
                "sitemap larger than {max_bytes} bytes uncompressed"
            ));
        }
        unzipped = out;
        &unzipped[..]
    } else {
        bytes
    };
    let text = std::str::from_utf8(bytes).map_err(|e| format!("sitemap is not UTF-8: {e}"))?;
    let doc = roxmltree::Document::parse(text).map_err(|e| format!("not a sitemap: {e}"))?;
    let root = doc.root_element();
    let locs = |child: &str| -> Vec<String> {
        root.children()
            .filter(|n| n.has_tag_name(child) || n.tag_name().name() == child)
            .filter_map(|n| {
                n.children()
                    .find(|c| c.tag_name().name() == "loc")
                    .and_then(|c| c.text())
                    .map(|t| t.trim().to_string())
            })
            .filter(|t| !t.is_empty())
            .collect()
    };
    match root.tag_name().name() {
        "urlset" => Ok(Sitemap::Pages(locs("url"))),
        "sitemapindex" => Ok(Sitemap::Index(locs("sitemap"))),
        other => Err(format!("not a sitemap: root element <{other}>")),
    }
}

/// Fetches a feed and returns its page links (at most `limit`).
pub async fn discover_feed(
    fetcher: &Fetcher,
    url: &str,
    user_agent: Option<&str>,
    limit: usize,
) -> Result<Vec<String>, FetchError> {
    let page = fetcher.fetch_listing(url, user_agent).await?;
    let mut links =
        feed_links(&page.bytes, &page.final_url).map_err(|message| FetchError::Http {
            location: url.to_string(),
            message,
        })?;
    links.truncate(limit);
    Ok(links)
}

/// Fetches a sitemap (following an index) and returns page URLs (at most
/// `limit`). A nested sitemap that fails is logged and skipped; the top
/// one failing fails the source.
pub async fn discover_sitemap(
    fetcher: &Fetcher,
    url: &str,
    user_agent: Option<&str>,
    limit: usize,
) -> Result<Vec<String>, FetchError> {
    let max_bytes = fetcher.settings().max_bytes.saturating_mul(5);
    let mut pages = Vec::new();
    let mut seen = HashSet::new();
    let mut level = vec![url.to_string()];
    for depth in 0..3 {
        let mut next = Vec::new();
        for sitemap in level {
            if !seen.insert(sitemap.clone()) || pages.len() >= limit {
                continue;
            }
            let parsed = match fetcher.fetch_listing(&sitemap, user_agent).await {
                Ok(page) => {
                    parse_sitemap(&page.bytes, max_bytes).map_err(|message| FetchError::Http {
                        location: sitemap.clone(),
                        message,
                    })
                }
                Err(e) => Err(e),
            };
            match parsed {
                Ok(Sitemap::Pages(urls)) => pages.extend(urls),
                Ok(Sitemap::Index(more)) => next.extend(
                    more.into_iter()
                        .filter_map(|m| crate::canon::resolve(&sitemap, &m)),
                ),
                Err(e) if depth == 0 => return Err(e),
                Err(e) => tracing::warn!(error = %e, "skipping a sitemap of the index"),
            }
        }
        if next.is_empty() {
            break;
        }
        level = next;
    }
    pages.truncate(limit);
    Ok(pages)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rss_and_atom_links() {
        let rss = br#"<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
            <item><title>a</title><link>http://h/a.html</link></item>
            <item><title>b</title><link>/b.html</link></item></channel></rss>"#;
        assert_eq!(
            feed_links(rss, "http://h/feed.xml").unwrap(),
            vec!["http://h/a.html", "http://h/b.html"]
        );
        let atom =
            br#"<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
            <title>t</title><id>urn:x</id><updated>2026-01-01T00:00:00Z</updated>
            <entry><title>c</title><id>urn:c</id><updated>2026-01-01T00:00:00Z</updated>
            <link rel="alternate" href="http://h/c.html"/></entry></feed>"#;
        assert_eq!(
            feed_links(atom, "http://h/atom.xml").unwrap(),
            vec!["http://h/c.html"]
        );
        assert!(feed_links(b"<html>no</html>", "http://h/").is_err());
    }

    #[test]
    fn sitemaps_plain_index_and_gzip() {
        let set =
            br#"<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
            <url><loc> http://h/1.html </loc></url><url><loc>http://h/2.html</loc></url></urlset>"#;
        assert_eq!(
            parse_sitemap(set, 1 << 20).unwrap(),
            Sitemap::Pages(vec!["http://h/1.html".into(), "http://h/2.html".into()])
        );
        let index = br#"<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
            <sitemap><loc>http://h/s.xml.gz</loc></sitemap></sitemapindex>"#;
        assert_eq!(
            parse_sitemap(index, 1 << 20).unwrap(),
            Sitemap::Index(vec!["http://h/s.xml.gz".into()])
        );
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        std::io::Write::write_all(&mut gz, set).unwrap();
        let gz = gz.finish().unwrap();
        assert!(matches!(parse_sitemap(&gz, 1 << 20), Ok(Sitemap::Pages(p)) if p.len() == 2));
        assert!(parse_sitemap(&gz, 10).unwrap_err().contains("larger than"));
        let dtd =
            br#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><urlset>&lol;</urlset>"#;
        assert!(parse_sitemap(dtd, 1 << 20).is_err());
    }
}
