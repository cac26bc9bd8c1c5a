//! A nightly run killed with SIGKILL and started again: it fetches no page
//! twice that it had stored, loses none, and duplicates no fact (the final
//! dump equals the dump of one uninterrupted run).

#[path = "support/http_server.rs"]
mod http_server;

use http_server::{Reply, Server};
use std::path::Path;
use std::process::Command;
use std::time::Duration;

const PAGES: usize = 40;

fn page(i: usize) -> String {
    format!(
        "<html><head><title>Cambricon report {i}</title></head><body><article>\
         <p>Cambricon said on Monday it shipped {i},000 MLU590 cards in the quarter, \
         and revenue rose {i}% to 3.2 billion yuan as NVIDIA H20 supply stayed tight.</p>\
         <p>Huawei said its Ascend 910C cluster number {i} reached 300 PFLOPS.</p>\
         </article></body></html>"
    )
}

fn config(dir: &Path, server: &Server, store: &str) -> String {
    let urls: Vec<String> = (0..PAGES)
        .map(|i| format!("\"{}\"", server.url(&format!("/news/{i}.html"))))
        .collect();
    let path = dir.join(format!("{store}.toml"));
    std::fs::write(
        &path,
        format!(
            "store = \"{store}\"\n[fetch]\nper_host_delay_ms = 100\n\n[[sources]]\nname = \"list\"\nurls = [{}]\n",
            urls.join(", ")
        ),
    )
    .unwrap();
    path.display().to_string()
}

fn dump(store: &Path) -> Vec<serde_json::Value> {
    let out = Command::new(env!("CARGO_BIN_EXE_newsfacts"))
        .args(["dump", "--store", store.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut facts: Vec<serde_json::Value> =
        serde_json::from_slice::<serde_json::Value>(&out.stdout)
            .unwrap()
            .as_array()
            .cloned()
            .unwrap();
    facts.sort_by_key(|f| f.to_string());
    facts
}

#[test]
fn a_killed_run_restarted_fetches_nothing_twice_and_duplicates_no_fact() {
    let server = Server::start(|r| {
        if let Some(i) = r
            .path
            .strip_prefix("/news/")
            .and_then(|p| p.strip_suffix(".html"))
            .and_then(|n| n.parse::<usize>().ok())
        {
            return Reply::ok("text/html; charset=utf-8", page(i));
        }
        Reply::status(404)
    });
    let dir = tempfile::tempdir().unwrap();
    let killed = config(dir.path(), &server, "store");

    let mut child = Command::new(env!("CARGO_BIN_EXE_newsfacts"))
        .args(["ingest", "--config", &killed])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // 40 pages 100 ms apart take 4 s: once 8 have been served, give the
    // run time for a flush (every 500 ms) and kill it part-way.
    let served = || {
        server
            .paths()
            .iter()
            .filter(|p| p.starts_with("/news/"))
            .count()
    };
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    while served() < 8 && std::time::Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(800));
    child.kill().unwrap(); // SIGKILL
    let status = child.wait().unwrap();
    assert!(!status.success(), "the run finished before it was killed");

    let store = dir.path().join("store");
    let after_kill = dump(&store);
    let stored: std::collections::BTreeSet<String> = after_kill
        .iter()
        .map(|f| f["doc"]["source"].as_str().unwrap().to_string())
        .collect();
    assert!(!stored.is_empty(), "nothing was stored before the kill");
    assert!(
        stored.len() < PAGES,
        "everything was stored before the kill"
    );

    let out = Command::new(env!("CARGO_BIN_EXE_newsfacts"))
        .args(["ingest", "--config", &killed])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for url in &stored {
        let path = url.trim_start_matches(&server.url(""));
        assert_eq!(server.hits(path), 1, "{url} was fetched again");
    }
    let resumed = dump(&store);

    // One uninterrupted run into a fresh store gives the same facts.
    let fresh = config(dir.path(), &server, "fresh");
    let out = Command::new(env!("CARGO_BIN_EXE_newsfacts"))
        .args(["ingest", "--config", &fresh])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(resumed, dump(&dir.path().join("fresh")));
    let docs: std::collections::BTreeSet<_> = resumed
        .iter()
        .map(|f| f["doc"]["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(docs.len(), PAGES);
}
