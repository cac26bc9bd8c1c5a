//! `newsfacts ingest` against a real HTTP server on 127.0.0.1: RSS, Atom
//! and a sitemap index with a gzip sitemap; GBK, Big5 and UTF-8 pages (the
//! HTTP header beating a lying `<meta>`); robots.txt; a duplicate page under
//! two URLs and a tracking-parameter copy of a URL; a failing page; ETag
//! 304s on the next run; and no fetching at all on a run restarted soon.

#[path = "support/http_server.rs"]
mod http_server;

use http_server::{Reply, Server};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(root().join("fixtures/pages").join(name)).unwrap()
}

fn newsfacts(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsfacts"))
        .args(args)
        .output()
        .expect("run newsfacts")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    std::io::Write::write_all(&mut gz, bytes).unwrap();
    gz.finish().unwrap()
}

struct Site {
    server: Server,
    not_modified: Arc<AtomicUsize>,
}

fn site() -> Site {
    let not_modified = Arc::new(AtomicUsize::new(0));
    let counter = not_modified.clone();
    let gbk = fixture("101_zh_hans_gbk.html");
    let big5 = fixture("102_zh_hant_big5.html");
    let lying = fixture("103_en_utf8_lying_meta.html");
    let utf8 = fixture("104_zh_hans_utf8.html");
    let bom = fixture("105_zh_hant_utf8_bom.html");
    // GBK bytes whose <meta> claims UTF-8: only the header can save them.
    let gbk_lying_meta = {
        let (bytes, _, _) = encoding_rs::GBK.encode(
            "<html><head><meta charset=\"utf-8\"><title>寒武纪</title></head><body>\
             <p>寒武纪今日发布新一代云端训练芯片思元590，英伟达与华为也在加速布局国产替代市场。</p>\
             <p>寒武纪表示，思元590的算力较上一代提升显著，已向多家互联网公司批量供货。</p></body></html>",
        );
        bytes.into_owned()
    };
    // The AMD article again with another site's footer line: a near-duplicate.
    let near = {
        let page = String::from_utf8(lying.clone()).unwrap();
        page.replacen("</body>", "<p>(Reporting by the wire desk.)</p></body>", 1)
    };
    let server = Server::start(move |r| {
        let host = r.header("Host").unwrap_or("127.0.0.1").to_string();
        let base = format!("http://{host}");
        match r.path.as_str() {
            "/robots.txt" => Reply::ok("text/plain", "User-agent: *\nDisallow: /private/\n"),
            "/rss.xml" => Reply::ok(
                "application/rss+xml",
                format!(
                    r#"<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>{base}/</link><description>d</description>
                    <item><title>gbk</title><link>{base}/news/gbk.html</link></item>
                    <item><title>big5</title><link>/news/big5.html</link></item>
                    <item><title>secret</title><link>{base}/private/secret.html</link></item>
                    <item><title>gbk again</title><link>{base}/news/gbk.html?utm_source=rss#top</link></item>
                    </channel></rss>"#
                ),
            ),
            "/atom.xml" => Reply::ok(
                "application/atom+xml",
                format!(
                    r#"<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>urn:t</id><updated>2026-11-20T00:00:00Z</updated>
                    <entry><title>amd</title><id>urn:1</id><updated>2026-11-20T00:00:00Z</updated><link rel="alternate" href="{base}/news/lying.html"/></entry>
                    <entry><title>copy</title><id>urn:2</id><updated>2026-11-20T00:00:00Z</updated><link href="{base}/news/copy.html"/></entry>
                    <entry><title>near</title><id>urn:3</id><updated>2026-11-20T00:00:00Z</updated><link href="{base}/news/near.html"/></entry>
                    </feed>"#
                ),
            ),
            "/sitemap_index.xml" => Reply::ok(
                "application/xml",
                format!(
                    r#"<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>{base}/sitemaps/a.xml.gz</loc></sitemap></sitemapindex>"#
                ),
            ),
            "/sitemaps/a.xml.gz" => Reply::ok(
                "application/x-gzip",
                gzip(
                    format!(
                        r#"<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                        <url><loc>{base}/news/utf8.html</loc></url><url><loc>{base}/news/bom.html</loc></url>
                        <url><loc>{base}/news/gbk-header.html</loc></url></urlset>"#
                    )
                    .as_bytes(),
                ),
            ),
            "/news/gbk.html" | "/news/copy.html" => Reply::ok("text/html", gbk.clone()),
            "/news/big5.html" => Reply::ok("text/html", big5.clone()),
            "/news/lying.html" => Reply::ok("text/html; charset=utf-8", lying.clone()),
            "/news/bom.html" => Reply::ok("text/html", bom.clone()),
            "/news/near.html" => Reply::ok("text/html; charset=utf-8", near.clone()),
            "/news/gbk-header.html" => Reply::ok("text/html; charset=gbk", gbk_lying_meta.clone()),
            "/news/utf8.html" => {
                if r.header("If-None-Match") == Some("\"utf8-v1\"") {
                    counter.fetch_add(1, Ordering::SeqCst);
                    return Reply::status(304);
                }
                Reply::ok("text/html", utf8.clone()).header("ETag", "\"utf8-v1\"")
            }
            _ => Reply::status(404),
        }
    });
    Site {
        server,
        not_modified,
    }
}

fn config(dir: &Path, server: &Server, refetch_after_s: u64) -> String {
    let path = dir.join("newsfacts.toml");
    std::fs::write(
        &path,
        format!(
            r#"store = "store"
threads = 1
[fetch]
concurrency = 1
per_host_delay_ms = 0
retries = 1
backoff_ms = 10
timeout_ms = 5000
refetch_after_s = {refetch_after_s}

[[sources]]
name = "rss"
feed = "{rss}"

[[sources]]
name = "atom"
feed = "{atom}"
lang = "en"

[[sources]]
name = "sitemap"
sitemap = "{sitemap}"

[[sources]]
name = "broken"
urls = ["{missing}"]
user_agent = "newsfacts-test/1 (+https://example.org/test)"
"#,
            rss = server.url("/rss.xml"),
            atom = server.url("/atom.xml"),
            sitemap = server.url("/sitemap_index.xml"),
            missing = server.url("/news/missing.html"),
        ),
    )
    .unwrap();
    path.display().to_string()
}

fn line<'a>(stdout: &'a str, source: &str) -> &'a str {
    stdout
        .lines()
        .find(|l| l.starts_with(&format!("{source}: ")))
        .unwrap_or_else(|| panic!("no line for {source} in {stdout}"))
}

fn dump(store: &Path) -> Vec<Value> {
    let out = newsfacts(&["dump", "--store", store.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    serde_json::from_slice::<Value>(&out.stdout)
        .unwrap()
        .as_array()
        .cloned()
        .unwrap()
}

fn canonicals_of(facts: &[Value], source_suffix: &str) -> Vec<String> {
    facts
        .iter()
        .filter(|f| {
            f["doc"]["source"]
                .as_str()
                .unwrap()
                .ends_with(source_suffix)
        })
        .filter_map(|f| f["canonical"].as_str().map(str::to_string))
        .collect()
}

#[test]
fn feeds_sitemaps_charsets_robots_duplicates_and_conditional_get() {
    let site = site();
    let dir = tempfile::tempdir().unwrap();
    let config = config(dir.path(), &site.server, 0);
    let store = dir.path().join("store");

    let first = newsfacts(&["ingest", "--config", &config]);
    let out = text(&first.stdout);
    let err = text(&first.stderr);
    assert_eq!(first.status.code(), Some(3), "a page failed: {out}{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(
        line(&out, "rss").starts_with("rss: fetched 2, stored 2, not modified 0, duplicates 1, skipped 1 (robots 1, size 0, type 0, gone 0), failed 0"),
        "{out}"
    );
    assert!(
        line(&out, "atom")
            .starts_with("atom: fetched 3, stored 2, not modified 0, duplicates 1, skipped 0"),
        "{out}"
    );
    assert!(line(&out, "atom").ends_with("near duplicates 1"), "{out}");
    assert!(err.contains("near-duplicate http://127.0.0.1:"), "{err}");
    assert!(
        line(&out, "sitemap")
            .starts_with("sitemap: fetched 3, stored 3, not modified 0, duplicates 0, skipped 0"),
        "{out}"
    );
    assert!(line(&out, "broken").contains("failed 1,"), "{out}");
    assert!(err.contains("missing.html: HTTP 404"), "{err}");
    assert!(err.contains("disallowed by robots.txt"), "{err}");
    assert_eq!(site.server.hits("/private/secret.html"), 0);
    assert_eq!(
        site.server.hits("/news/gbk.html"),
        1,
        "the utm_ copy is the same URL"
    );
    // Once per host and User-Agent ("broken" sends its own).
    assert_eq!(site.server.hits("/robots.txt"), 2);

    let facts = dump(&store);
    // GBK, Big5, UTF-8 and UTF-8 with BOM all decode into facts.
    assert!(canonicals_of(&facts, "/news/gbk.html")
        .iter()
        .any(|c| c == "Cambricon"));
    assert!(canonicals_of(&facts, "/news/big5.html")
        .iter()
        .any(|c| c == "Huawei"));
    assert!(!canonicals_of(&facts, "/news/utf8.html").is_empty());
    assert!(!canonicals_of(&facts, "/news/bom.html").is_empty());
    // The header's charset beats the <meta> that lies, both ways round.
    assert!(canonicals_of(&facts, "/news/lying.html")
        .iter()
        .any(|c| c == "AMD"));
    assert!(canonicals_of(&facts, "/news/gbk-header.html")
        .iter()
        .any(|c| c == "Cambricon"));
    // The copy under another URL was not stored.
    assert!(canonicals_of(&facts, "/news/copy.html").is_empty());
    let stored_sources: std::collections::BTreeSet<_> = facts
        .iter()
        .map(|f| f["doc"]["source"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(stored_sources.len(), 7, "{stored_sources:?}");
    // The near-duplicate is stored and its facts name the first copy.
    let near_links: std::collections::BTreeSet<_> = facts
        .iter()
        .filter(|f| {
            f["doc"]["source"]
                .as_str()
                .unwrap()
                .ends_with("/news/near.html")
        })
        .map(|f| {
            f["doc"]["near_duplicate_of"]
                .as_str()
                .unwrap_or("")
                .to_string()
        })
        .collect();
    assert_eq!(near_links.len(), 1, "{near_links:?}");
    assert!(near_links.iter().all(|id| !id.is_empty()), "{near_links:?}");
    assert!(facts
        .iter()
        .filter(|f| !f["doc"]["source"]
            .as_str()
            .unwrap()
            .ends_with("/news/near.html"))
        .all(|f| f["doc"].get("near_duplicate_of").is_none()));
    let stats = newsfacts(&["stats", "--store", store.to_str().unwrap()]);
    assert!(
        text(&stats.stdout).contains("near-dups   1"),
        "{}",
        text(&stats.stdout)
    );

    // Next night: the ETag page answers 304, the rest are the same bytes;
    // nothing is processed again and no fact is added.
    let second = newsfacts(&["ingest", "--config", &config]);
    let out = text(&second.stdout);
    assert_eq!(site.not_modified.load(Ordering::SeqCst), 1, "{out}");
    assert!(
        line(&out, "sitemap").starts_with("sitemap: fetched 2, stored 0, not modified 3,"),
        "{out}"
    );
    assert!(
        line(&out, "rss").contains("stored 0, not modified 2,"),
        "{out}"
    );
    assert_eq!(dump(&store).len(), facts.len());
    // The page that answered 404 last night is still gone: skipped as gone,
    // no longer a failure that fails every nightly run.
    assert!(
        line(&out, "broken").contains("(robots 0, size 0, type 0, gone 1), failed 0,"),
        "{out}"
    );
    assert_eq!(second.status.code(), Some(0), "{out}");

    // A run restarted soon after (default refetch_after_s) fetches no page
    // it already has; feeds and sitemaps are read again.
    let soon = self::config(dir.path(), &site.server, 3600);
    let before = site.server.hits("/news/gbk.html") + site.server.hits("/news/utf8.html");
    let third = newsfacts(&["ingest", "--config", &soon]);
    let out = text(&third.stdout);
    assert_eq!(
        site.server.hits("/news/gbk.html") + site.server.hits("/news/utf8.html"),
        before,
        "{out}"
    );
    assert!(
        line(&out, "sitemap").starts_with("sitemap: fetched 0, stored 0, not modified 3,"),
        "{out}"
    );
    assert_eq!(dump(&store).len(), facts.len());
}

#[test]
fn bad_fetch_settings_and_unreachable_feeds() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.toml");
    std::fs::write(
        &path,
        "[fetch]\nconcurrency = 0\n[[sources]]\nname = 'x'\nurls = ['http://127.0.0.1:9/']\n",
    )
    .unwrap();
    let out = newsfacts(&["ingest", "--config", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains("concurrency"), "{err}");

    // A feed that cannot be reached fails its source (exit 3), one line.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    std::fs::write(
        &path,
        format!("store = 'store'\n[fetch]\nretries = 0\nrobots = false\n[[sources]]\nname = 'gone'\nfeed = 'http://127.0.0.1:{port}/rss.xml'\n"),
    )
    .unwrap();
    let out = newsfacts(&["ingest", "--config", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(3), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("gone: fetched 0, stored 0, not modified 0, duplicates 0, skipped 0 (robots 0, size 0, type 0, gone 0), failed 1"));
}

#[test]
fn max_pages_and_a_per_source_user_agent() {
    let agents = Arc::new(std::sync::Mutex::new(Vec::new()));
    let seen = agents.clone();
    let server = Server::start(move |r| {
        if let Some(ua) = r.header("User-Agent") {
            seen.lock().unwrap().push(ua.to_string());
        }
        if r.path == "/robots.txt" {
            return Reply::status(404);
        }
        Reply::ok(
            "text/html",
            format!(
                "<p>Cambricon shipped cards from page {}, a long enough paragraph.</p>",
                r.path
            ),
        )
    });
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("n.toml");
    let urls: Vec<String> = (0..3)
        .map(|i| format!("\"{}\"", server.url(&format!("/p{i}.html"))))
        .collect();
    std::fs::write(
        &path,
        format!(
            "store = 'store'\n[fetch]\nper_host_delay_ms = 0\n[[sources]]\nname = 'few'\nmax_pages = 2\nuser_agent = 'nightly-test/2 (+https://example.org/me)'\nurls = [{}]\n",
            urls.join(", ")
        ),
    )
    .unwrap();
    let out = newsfacts(&["ingest", "--config", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).starts_with("few: fetched 2, stored 2,"),
        "{}",
        text(&out.stdout)
    );
    assert_eq!(server.hits("/p2.html"), 0);
    let agents = agents.lock().unwrap();
    assert_eq!(agents.len(), 3, "robots.txt and two pages");
    assert!(
        agents
            .iter()
            .all(|a| a == "nightly-test/2 (+https://example.org/me)"),
        "{agents:?}"
    );
}
