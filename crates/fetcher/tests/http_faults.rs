//! The fetcher against a real HTTP server on 127.0.0.1: retries, Retry-After,
//! redirects, size limits, gzip bombs, stalls, robots.txt, conditional GET.

#[path = "../../../tests/support/http_server.rs"]
mod http_server;

use http_server::{Body, Reply, Server};
use newsfacts_fetcher::{FetchError, FetchSettings, Fetched, Fetcher, PageRequest, Validators};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Settings for fast tests: no politeness delay, short timeouts and backoff.
fn fast() -> FetchSettings {
    FetchSettings {
        per_host_delay_ms: 0,
        timeout_ms: 2_000,
        connect_timeout_ms: 1_000,
        retries: 3,
        backoff_ms: 20,
        ..Default::default()
    }
}

fn fetch(settings: FetchSettings, url: &str, request: PageRequest) -> Result<Fetched, FetchError> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let fetcher = Fetcher::new(settings).unwrap();
        fetcher.fetch_page(url, &request).await.0
    })
}

/// A server without robots.txt (404) around `handler`.
fn site(handler: impl Fn(&http_server::Request) -> Reply + Send + Sync + 'static) -> Server {
    Server::start(move |r| {
        if r.path == "/robots.txt" {
            Reply::status(404)
        } else {
            handler(r)
        }
    })
}

fn body(f: Result<Fetched, FetchError>) -> Vec<u8> {
    match f {
        Ok(Fetched::Page { page, .. }) => page.bytes,
        other => panic!("expected a page, got {other:?}"),
    }
}

#[test]
fn a_503_twice_then_200_is_retried_and_a_404_is_not() {
    let calls = Arc::new(AtomicUsize::new(0));
    let c = calls.clone();
    let server = site(move |r| match r.path.as_str() {
        "/flaky" => {
            if c.fetch_add(1, Ordering::SeqCst) < 2 {
                Reply::status(503)
            } else {
                Reply::ok("text/html", "<p>ok</p>")
            }
        }
        _ => Reply::status(404),
    });
    assert_eq!(
        body(fetch(fast(), &server.url("/flaky"), PageRequest::default())),
        b"<p>ok</p>"
    );
    assert_eq!(server.hits("/flaky"), 3);

    let err = fetch(fast(), &server.url("/missing"), PageRequest::default()).unwrap_err();
    assert!(
        matches!(err, FetchError::Status { status: 404, .. }),
        "{err}"
    );
    assert_eq!(server.hits("/missing"), 1, "a 404 must not be retried");

    // Retries run out: the last status is the error.
    let always = site(|_| Reply::status(500));
    let settings = FetchSettings {
        retries: 2,
        ..fast()
    };
    let err = fetch(settings, &always.url("/x"), PageRequest::default()).unwrap_err();
    assert!(matches!(err, FetchError::Status { status: 500, .. }));
    assert_eq!(always.hits("/x"), 3);
}

#[test]
fn a_429_waits_for_retry_after() {
    let calls = Arc::new(AtomicUsize::new(0));
    let c = calls.clone();
    let server = site(move |_| {
        if c.fetch_add(1, Ordering::SeqCst) == 0 {
            Reply::status(429).header("Retry-After", "1")
        } else {
            Reply::ok("text/plain", "later")
        }
    });
    let start = Instant::now();
    assert_eq!(
        body(fetch(fast(), &server.url("/p"), PageRequest::default())),
        b"later"
    );
    let times = server.times("/p");
    assert_eq!(times.len(), 2);
    assert!(
        times[1] - times[0] >= Duration::from_millis(950),
        "{:?}",
        times[1] - times[0]
    );
    assert!(start.elapsed() < Duration::from_secs(5));
}

#[test]
fn redirects_obey_robots_txt_of_the_target_and_stop_after_ten() {
    let server = Server::start(|r| {
        let path = r.path.as_str();
        if path == "/robots.txt" {
            return Reply::ok("text/plain", "User-agent: *\nDisallow: /private/\n");
        }
        if path == "/to-private" {
            return Reply::status(302).header("Location", "/private/x.html");
        }
        if let Some(n) = path
            .strip_prefix("/chain/")
            .and_then(|n| n.parse::<u32>().ok())
        {
            return Reply::status(302).header("Location", &format!("/chain/{}", n + 1));
        }
        Reply::ok("text/html", "x")
    });
    let err = fetch(fast(), &server.url("/to-private"), PageRequest::default()).unwrap_err();
    assert_eq!(err.skip_reason(), Some("robots"), "{err}");
    assert_eq!(server.hits("/private/x.html"), 0);
    let err = fetch(fast(), &server.url("/chain/0"), PageRequest::default()).unwrap_err();
    assert!(err.to_string().contains("more than 10 redirects"), "{err}");
    assert_eq!(server.hits("/chain/11"), 0);
    assert_eq!(server.hits("/chain/10"), 1);
}

#[test]
fn redirect_loops_and_non_http_redirects_fail_without_retry() {
    let server = site(|r| match r.path.as_str() {
        "/a" => Reply::status(302).header("Location", "/b"),
        "/b" => Reply::status(302).header("Location", "/a"),
        "/ftp" => Reply::status(301).header("Location", "ftp://127.0.0.1/x"),
        "/hop" => Reply::status(301).header("Location", "/end"),
        _ => Reply::ok("text/html", "end"),
    });
    let err = fetch(fast(), &server.url("/a"), PageRequest::default()).unwrap_err();
    assert!(err.to_string().contains("redirect"), "{err}");
    assert_eq!(
        (server.hits("/a"), server.hits("/b")),
        (1, 1),
        "the loop is seen before /a is asked again, and not retried"
    );
    let err = fetch(fast(), &server.url("/ftp"), PageRequest::default()).unwrap_err();
    assert!(err.to_string().contains("http(s)"), "{err}");
    match fetch(fast(), &server.url("/hop"), PageRequest::default()) {
        Ok(Fetched::Page { page, .. }) => {
            assert!(page.final_url.ends_with("/end"));
            assert!(page.url.ends_with("/hop"));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn fifty_megabyte_bodies_and_gzip_bombs_stop_at_the_limit() {
    let bomb = {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        std::io::Write::write_all(&mut gz, &vec![b' '; 50 << 20]).unwrap();
        gz.finish().unwrap()
    };
    assert!(bomb.len() < 200_000);
    let small_gz = {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        std::io::Write::write_all(&mut gz, b"<p>compressed</p>").unwrap();
        gz.finish().unwrap()
    };
    let bomb = Arc::new(bomb);
    let server = site(move |r| match r.path.as_str() {
        "/big" => Reply {
            status: 200,
            headers: vec![("Content-Type".into(), "text/html".into())],
            body: Body::Endless {
                total: 50 << 20,
                content_length: true,
            },
        },
        "/big-stream" => Reply {
            status: 200,
            headers: vec![("Content-Type".into(), "text/html".into())],
            body: Body::Endless {
                total: 50 << 20,
                content_length: false,
            },
        },
        "/bomb" => Reply::ok("text/html", bomb.to_vec()).header("Content-Encoding", "gzip"),
        _ => Reply::ok("text/html", small_gz.clone()).header("Content-Encoding", "gzip"),
    });
    let settings = FetchSettings {
        max_bytes: 1 << 20,
        ..fast()
    };
    for path in ["/big", "/big-stream", "/bomb"] {
        let start = Instant::now();
        let err = fetch(settings.clone(), &server.url(path), PageRequest::default()).unwrap_err();
        assert!(
            matches!(err, FetchError::TooLarge { limit: 1048576, .. }),
            "{path}: {err}"
        );
        assert_eq!(err.skip_reason(), Some("size"));
        assert!(
            start.elapsed() < Duration::from_secs(3),
            "{path} took {:?}",
            start.elapsed()
        );
        assert_eq!(server.hits(path), 1, "{path}: a size skip is not retried");
    }
    // The default limit is 10 MiB.
    let err = fetch(fast(), &server.url("/big"), PageRequest::default()).unwrap_err();
    assert!(matches!(
        err,
        FetchError::TooLarge {
            limit: 10485760,
            ..
        }
    ));
    // A normal gzip body is decoded.
    assert_eq!(
        body(fetch(fast(), &server.url("/gz"), PageRequest::default())),
        b"<p>compressed</p>"
    );
}

#[test]
fn brotli_bodies_decode_and_brotli_bombs_stop_at_the_limit() {
    let br = |data: &[u8]| {
        let mut out = Vec::new();
        {
            let mut w = brotli::CompressorWriter::new(&mut out, 4096, 9, 22);
            std::io::Write::write_all(&mut w, data).unwrap();
        }
        out
    };
    let page = br("<p>英伟达 H100</p>".as_bytes());
    let bomb = br(&vec![b'x'; 50 << 20]);
    assert!(bomb.len() < 100_000);
    let server = site(move |r| match r.path.as_str() {
        "/bomb" => Reply::ok("text/html", bomb.clone()).header("Content-Encoding", "br"),
        _ => Reply::ok("text/html", page.clone()).header("Content-Encoding", "br"),
    });
    assert_eq!(
        body(fetch(fast(), &server.url("/page"), PageRequest::default())),
        "<p>英伟达 H100</p>".as_bytes()
    );
    let settings = FetchSettings {
        max_bytes: 1 << 20,
        ..fast()
    };
    let err = fetch(settings, &server.url("/bomb"), PageRequest::default()).unwrap_err();
    assert_eq!(err.skip_reason(), Some("size"), "{err}");
}

#[test]
fn a_body_that_stalls_times_out_and_is_retried() {
    let server = site(|_| Reply {
        status: 200,
        headers: vec![("Content-Type".into(), "text/html".into())],
        body: Body::Stall {
            first: b"<p>start".to_vec(),
            declared: 10_000,
            stall: Duration::from_secs(4),
        },
    });
    let settings = FetchSettings {
        timeout_ms: 300,
        retries: 1,
        ..fast()
    };
    let start = Instant::now();
    let err = fetch(settings, &server.url("/stall"), PageRequest::default()).unwrap_err();
    assert!(err.to_string().contains("timed out"), "{err}");
    assert_eq!(server.hits("/stall"), 2);
    assert!(start.elapsed() < Duration::from_secs(3));
}

#[test]
fn unreachable_hosts_fail_after_retries() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let settings = FetchSettings {
        retries: 1,
        robots: false,
        ..fast()
    };
    let err = fetch(
        settings,
        &format!("http://127.0.0.1:{port}/x"),
        PageRequest::default(),
    )
    .unwrap_err();
    assert!(matches!(err, FetchError::Http { .. }), "{err}");
    assert_eq!(err.skip_reason(), None);
}

#[test]
fn robots_txt_disallows_a_path_and_sets_the_crawl_delay() {
    let server = Server::start(|r| match r.path.as_str() {
        "/robots.txt" => Reply::ok(
            "text/plain",
            "User-agent: *\nDisallow: /private/\nCrawl-delay: 1\n",
        ),
        _ => Reply::ok("text/html", "<p>page</p>"),
    });
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let fetcher = Fetcher::new(fast()).unwrap();
        let (r, _) = fetcher
            .fetch_page(&server.url("/private/x.html"), &PageRequest::default())
            .await;
        let err = r.unwrap_err();
        assert_eq!(err.skip_reason(), Some("robots"), "{err}");
        for p in ["/a.html", "/b.html"] {
            let (r, _) = fetcher
                .fetch_page(&server.url(p), &PageRequest::default())
                .await;
            assert!(r.is_ok());
        }
    });
    assert_eq!(server.hits("/private/x.html"), 0);
    assert_eq!(
        server.hits("/robots.txt"),
        1,
        "robots.txt is read once per host"
    );
    let a = server.times("/a.html")[0];
    let b = server.times("/b.html")[0];
    assert!(
        b - a >= Duration::from_millis(950),
        "crawl delay not kept: {:?}",
        b - a
    );

    // A robots.txt that answers 500 keeps us away; a 404 allows everything.
    let down = Server::start(|r| match r.path.as_str() {
        "/robots.txt" => Reply::status(500),
        _ => Reply::ok("text/html", "x"),
    });
    let settings = FetchSettings {
        retries: 0,
        ..fast()
    };
    let err = fetch(settings.clone(), &down.url("/p"), PageRequest::default()).unwrap_err();
    assert_eq!(err.skip_reason(), Some("robots"));
    assert_eq!(down.hits("/p"), 0);
    let none = Server::start(|r| match r.path.as_str() {
        "/robots.txt" => Reply::status(404),
        _ => Reply::ok("text/html", "x"),
    });
    assert!(fetch(settings, &none.url("/p"), PageRequest::default()).is_ok());
}

#[test]
fn etag_and_last_modified_answer_304() {
    let server = site(|r| {
        if r.header("If-None-Match") == Some("\"v1\"")
            || r.header("If-Modified-Since") == Some("Sun, 22 Nov 2026 10:00:00 GMT")
        {
            return Reply::status(304);
        }
        Reply::ok("text/html", "<p>v1</p>")
            .header("ETag", "\"v1\"")
            .header("Last-Modified", "Sun, 22 Nov 2026 10:00:00 GMT")
    });
    let validators = match fetch(fast(), &server.url("/p"), PageRequest::default()).unwrap() {
        Fetched::Page { validators, .. } => validators,
        other => panic!("{other:?}"),
    };
    assert_eq!(validators.etag.as_deref(), Some("\"v1\""));
    let with = |v: Validators| PageRequest {
        validators: Some(v),
        ..Default::default()
    };
    assert!(matches!(
        fetch(fast(), &server.url("/p"), with(validators.clone())),
        Ok(Fetched::NotModified)
    ));
    let only_date = Validators {
        etag: None,
        ..validators
    };
    assert!(matches!(
        fetch(fast(), &server.url("/p"), with(only_date)),
        Ok(Fetched::NotModified)
    ));
}

#[test]
fn images_are_skipped_by_content_type() {
    let server = site(|_| Reply::ok("image/png", vec![0x89, b'P', b'N', b'G']));
    let err = fetch(fast(), &server.url("/i.png"), PageRequest::default()).unwrap_err();
    assert_eq!(err.skip_reason(), Some("type"), "{err}");
}
