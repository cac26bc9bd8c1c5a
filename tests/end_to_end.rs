//! End-to-end behaviour of the `newsfacts` binary: ingest, re-ingest,
//! reprocess, dump, stats, segment, the store lock and bad input. Every
//! test runs the real binary on copies of the bundled fixtures in a
//! temporary directory.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn newsfacts(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsfacts"))
        .args(args)
        .output()
        .expect("run newsfacts")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Asserts a failed run printed exactly one clear error line and no panic.
fn assert_clear_error(out: &Output, needle: &str) {
    let err = stderr(out);
    assert!(
        !out.status.success(),
        "expected failure, got success: {err}"
    );
    assert!(!err.contains("panicked"), "panic: {err}");
    assert_eq!(
        err.trim_end().lines().count(),
        1,
        "one line expected: {err}"
    );
    assert!(err.starts_with("newsfacts: error: "), "{err}");
    assert!(err.contains(needle), "{needle:?} not in {err}");
}

/// A temporary workspace: a config whose `dir` source holds copies of the
/// bundled pages, and a store path beside it.
struct Workspace {
    dir: tempfile::TempDir,
}

impl Workspace {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let pages = dir.path().join("pages");
        std::fs::create_dir(&pages).unwrap();
        for entry in std::fs::read_dir(root().join("fixtures/pages"))
            .unwrap()
            .flatten()
        {
            std::fs::copy(entry.path(), pages.join(entry.file_name())).unwrap();
        }
        std::fs::write(
            dir.path().join("newsfacts.toml"),
            "store = 'store'\n[[sources]]\nname = 'saved'\ndir = 'pages'\n",
        )
        .unwrap();
        Workspace { dir }
    }
    fn config(&self) -> String {
        self.dir.path().join("newsfacts.toml").display().to_string()
    }
    fn store(&self) -> String {
        self.dir.path().join("store").display().to_string()
    }
    fn pages(&self) -> PathBuf {
        self.dir.path().join("pages")
    }
    fn ingest(&self) -> Output {
        newsfacts(&["ingest", "--config", &self.config()])
    }
    fn dump(&self, extra: &[&str]) -> Vec<Value> {
        let store = self.store();
        let mut args = vec!["dump", "--store", &store];
        args.extend_from_slice(extra);
        let out = newsfacts(&args);
        assert!(out.status.success(), "{}", stderr(&out));
        serde_json::from_str::<Value>(&stdout(&out))
            .expect("dump JSON")
            .as_array()
            .cloned()
            .unwrap()
    }
}

fn page_count() -> usize {
    std::fs::read_dir(root().join("fixtures/pages"))
        .unwrap()
        .count()
}

#[test]
fn ingest_stores_every_fixture_and_reingesting_duplicates_nothing() {
    let ws = Workspace::new();
    let first = ws.ingest();
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    let line = stdout(&first);
    assert!(
        line.contains(&format!("saved: fetched {0}, stored {0},", page_count())),
        "{line}"
    );
    let facts = ws.dump(&[]);
    assert!(facts.len() > 100, "only {} facts", facts.len());

    let second = ws.ingest();
    assert_eq!(second.status.code(), Some(0));
    assert!(
        stdout(&second).contains(&format!("not modified {}", page_count())),
        "{}",
        stdout(&second)
    );
    assert_eq!(
        ws.dump(&[]).len(),
        facts.len(),
        "re-ingest changed the facts"
    );

    // A changed page replaces its facts instead of adding to them.
    let page = ws.pages().join("001_d0d57861e3c6c208.txt");
    let facts_of_page = || {
        ws.dump(&[])
            .iter()
            .filter(|f| {
                f["doc"]["source"]
                    .as_str()
                    .unwrap()
                    .ends_with("001_d0d57861e3c6c208.txt")
            })
            .count()
    };
    let before = facts_of_page();
    let mut text = std::fs::read_to_string(&page).unwrap();
    text.push_str("\nCambricon shipped 10,000 MLU590 cards.\n");
    std::fs::write(&page, text).unwrap();
    let third = ws.ingest();
    assert!(stdout(&third).contains("stored 1,"), "{}", stdout(&third));
    let after = facts_of_page();
    assert!(after > before && after <= before + 4, "{before} -> {after}");
}

#[test]
fn dump_filters_by_kind_and_entity_across_scripts() {
    let ws = Workspace::new();
    assert!(ws.ingest().status.success());
    let chips = ws.dump(&["--kind", "chip"]);
    assert!(!chips.is_empty());
    assert!(chips
        .iter()
        .all(|f| f["kind"] == "chip" && f["vendor"].is_string()));

    let cambricon = ws.dump(&["--entity", "cambricon"]);
    let surfaces: Vec<&str> = cambricon
        .iter()
        .filter_map(|f| f["surface"].as_str())
        .collect();
    for s in ["寒武纪", "寒武紀", "Cambricon"] {
        assert!(surfaces.contains(&s), "{s} missing from {surfaces:?}");
    }
    // Any alias, in any script or case, selects the same facts; an unknown
    // name selects none.
    for alias in ["寒武紀", "寒武纪", "CAMBRICON"] {
        assert_eq!(ws.dump(&["--entity", alias]), cambricon, "{alias}");
    }
    let nvidia = ws.dump(&["--entity", "NVIDIA"]);
    assert!(!nvidia.is_empty());
    assert_eq!(ws.dump(&["--entity", "輝達"]), nvidia);
    assert!(ws.dump(&["--entity", "no such company"]).is_empty());
    for row in &cambricon {
        assert!(row["doc"]["source"].is_string());
        assert!(row["doc"].get("title").is_some() && row["doc"].get("published").is_some());
    }

    let store = ws.store();
    let jsonl = newsfacts(&[
        "dump", "--store", &store, "--kind", "figure", "--format", "jsonl",
    ]);
    let lines: Vec<Value> = stdout(&jsonl)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), ws.dump(&["--kind", "figure"]).len());
    assert!(lines
        .iter()
        .all(|f| f["kind"] == "figure" && f["value"].is_number()));
}

#[test]
fn stats_and_reprocess_agree_with_the_store() {
    let ws = Workspace::new();
    assert!(ws.ingest().status.success());
    let total = ws.dump(&[]).len();
    let store = ws.store();
    let stats = stdout(&newsfacts(&["stats", "--store", &store]));
    assert!(
        stats.contains(&format!("documents   {}", page_count())),
        "{stats}"
    );
    assert!(stats.contains(&format!("facts       {total}")), "{stats}");
    assert!(stats.contains("top entities"), "{stats}");

    let out = newsfacts(&["reprocess", "--store", &store]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains(&format!("stored {}", page_count())),
        "{}",
        stdout(&out)
    );
    assert_eq!(
        ws.dump(&[]).len(),
        total,
        "reprocess changed the fact count"
    );
    let stale = newsfacts(&["reprocess", "--store", &store, "--stale-only"]);
    assert!(stdout(&stale).contains("stored 0"), "{}", stdout(&stale));

    let compacted = newsfacts(&["reprocess", "--store", &store, "--compact"]);
    assert_eq!(compacted.status.code(), Some(0), "{}", stderr(&compacted));
    assert!(
        stdout(&compacted).contains("compacted"),
        "{}",
        stdout(&compacted)
    );
    assert_eq!(
        ws.dump(&[]).len(),
        total,
        "compaction changed the fact count"
    );
}

#[test]
fn reprocess_fixtures_redoes_saved_pages_into_the_store() {
    let ws = Workspace::new();
    assert!(ws.ingest().status.success());
    let total = ws.dump(&[]).len();
    let store = ws.store();
    let pages = ws.pages().display().to_string();

    // Every saved page is analysed again and replaces its own document.
    let out = newsfacts(&["reprocess", "--store", &store, "--fixtures", &pages]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains(&format!("stored {}", page_count())),
        "{}",
        stdout(&out)
    );
    assert_eq!(ws.dump(&[]).len(), total, "same pages, same facts");

    // With --stale-only only a page whose bytes changed is redone.
    let edited = ws.pages().join("104_zh_hans_utf8.html");
    let html = std::fs::read_to_string(&edited).unwrap();
    let html = html.replacen("<p>", "<p>寒武纪的思元590芯片出货量增长了35%。</p><p>", 1);
    std::fs::write(&edited, html).unwrap();
    let out = newsfacts(&[
        "reprocess",
        "--store",
        &store,
        "--fixtures",
        &pages,
        "--stale-only",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("stored 1"), "{}", stdout(&out));
    assert!(ws.dump(&[]).len() > total, "the added sentence's facts");

    // Saved pages can seed a new store; a missing directory is one clear line.
    let fresh = ws.dir.path().join("fresh").display().to_string();
    let out = newsfacts(&["reprocess", "--store", &fresh, "--fixtures", &pages]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let missing = ws.dir.path().join("missing").display().to_string();
    let out = newsfacts(&["reprocess", "--store", &store, "--fixtures", &missing]);
    assert_clear_error(&out, "missing");
}

#[test]
fn a_locked_store_is_a_clear_error_and_loses_nothing() {
    let ws = Workspace::new();
    assert!(ws.ingest().status.success());
    let total = ws.dump(&[]).len();
    let store_path = ws.store();
    {
        use store::DocumentStore;
        let held = store::SledStore::open(Path::new(&store_path)).unwrap();
        let out = ws.ingest();
        assert_eq!(out.status.code(), Some(1));
        assert_clear_error(&out, "locked");
        assert_clear_error(&out, &store_path);
        assert_clear_error(&newsfacts(&["stats", "--store", &store_path]), "locked");
        assert!(held.stats(1).unwrap().facts == total);
    }
    assert_eq!(ws.dump(&[]).len(), total);
}

#[test]
fn bad_input_gets_one_clear_line_and_a_non_zero_exit() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        p.display().to_string()
    };
    let empty = write("empty.txt", b"");
    let binary = write("image.html", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10");
    let mut broken = "英伟达发布新一代芯片，性能大幅提升。"
        .repeat(4)
        .into_bytes();
    broken.insert(20, 0xff);
    let broken = write("broken.txt", &broken);
    let missing = dir.path().join("missing.txt").display().to_string();
    for cmd in ["clean", "extract"] {
        assert_clear_error(&newsfacts(&[cmd, &empty]), "empty input");
        assert_clear_error(&newsfacts(&[cmd, &binary]), "binary data (PNG image)");
        assert_clear_error(&newsfacts(&[cmd, &broken]), "invalid UTF-8 at byte 18");
        assert_clear_error(&newsfacts(&[cmd, &missing]), "missing.txt");
    }
    assert_clear_error(&newsfacts(&["segment", &binary]), "binary data");
    // A store path that cannot be created (under a regular file).
    let blocked = format!("{empty}/store");
    assert_clear_error(
        &newsfacts(&[
            "ingest",
            "--store",
            &blocked,
            "--config",
            &write("c.toml", b"[[sources]]\nname='x'\ndir='.'\n"),
        ]),
        "cannot open store",
    );
    assert_clear_error(&newsfacts(&["stats", "--store", &missing]), "no store at");
    assert_clear_error(&newsfacts(&["ingest", "--config", &missing]), "missing.txt");
}

#[test]
fn pages_that_cannot_be_read_are_counted_and_the_rest_is_stored() {
    let ws = Workspace::new();
    std::fs::write(ws.pages().join("zz_empty.html"), b"").unwrap();
    std::fs::write(
        ws.pages().join("zz_binary.txt"),
        [0u8, 1, 2, 3, 0, 0, 0, 7].repeat(64),
    )
    .unwrap();
    let out = ws.ingest();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains(&format!(
            "stored {}, not modified 0, duplicates 0, skipped 2 (robots 0, size 0, type 2, gone 0)",
            page_count()
        )),
        "{}",
        stdout(&out)
    );
    assert!(stderr(&out).contains("zz_binary.txt"), "{}", stderr(&out));

    // A source that cannot be read at all makes the run exit 3 for the scheduler.
    let config = ws.dir.path().join("two.toml");
    std::fs::write(&config, "store = 'store'\n[[sources]]\nname = 'saved'\ndir = 'pages'\n[[sources]]\nname = 'gone'\ndir = 'nowhere'\n").unwrap();
    let out = newsfacts(&["ingest", "--config", config.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("gone: fetched 0, stored 0, not modified 0, duplicates 0, skipped 0 (robots 0, size 0, type 0, gone 0), failed 1"),
        "{}",
        stdout(&out)
    );

    // With JSON logs every stderr line is a JSON object: page problems as
    // warn events naming the source, the run's error as an error event.
    let out = newsfacts(&[
        "--log-format",
        "json",
        "ingest",
        "--config",
        config.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let events: Vec<Value> = stderr(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    assert!(
        events.iter().any(|e| e["level"] == "WARN"
            && e["fields"]["source"] == "gone"
            && e["fields"]["problem"]
                .as_str()
                .is_some_and(|p| p.contains("nowhere"))),
        "{events:?}"
    );
    let out = newsfacts(&[
        "--log-format",
        "json",
        "dump",
        "--store",
        "/nonexistent/store",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let event: Value = serde_json::from_str(stderr(&out).trim()).expect("one JSON line");
    assert_eq!(event["level"], "ERROR");
    assert!(event["fields"]["error"]
        .as_str()
        .is_some_and(|m| m.contains("no store")));
}

#[test]
fn segment_prints_one_line_per_input_line() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.txt");
    std::fs::write(
        &input,
        "英伟达发布H100芯片\n\n華為昇騰910D的算力為 3298.82 TFLOPS\n",
    )
    .unwrap();
    let out = newsfacts(&["segment", input.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert_eq!(lines[1], "");
    for (line, original) in lines.iter().zip([
        "英伟达发布H100芯片",
        "",
        "華為昇騰910D的算力為 3298.82 TFLOPS",
    ]) {
        assert!(!line.contains("  "), "{line}");
        assert_eq!(line.replace(' ', ""), original.replace(' ', ""));
    }
    assert!(lines[0].split(' ').any(|t| t == "H100"), "{}", lines[0]);
    assert!(lines[2].split(' ').any(|t| t == "3298.82"), "{}", lines[2]);
}

#[test]
fn figures_prints_one_json_array_per_input_line() {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsfacts"))
        .arg("figures")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("营收增长58%，达到300亿美元\n\nno numbers here\n".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let lines: Vec<Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    let first = lines[0].as_array().unwrap();
    assert_eq!(first[0]["text"], "58%");
    assert_eq!(
        (first[0]["start"].as_u64(), first[0]["end"].as_u64()),
        (Some(4), Some(7))
    );
    assert_eq!(first[0]["kind"], "percent");
    let money = first
        .iter()
        .find(|f| f["kind"] == "currency")
        .expect("a currency figure");
    assert_eq!(money["text"], "300亿美元");
    assert_eq!(money["value"].as_f64(), Some(3e10));
    assert_eq!(money["unit"], "USD");
    assert!(lines[1].as_array().unwrap().is_empty() && lines[2].as_array().unwrap().is_empty());
}

#[test]
fn clean_explain_lists_dropped_parts_with_reasons() {
    let page = root().join("fixtures/pages/003_dc34b920236c3178.txt");
    let out = newsfacts(&["clean", "--explain", page.to_str().unwrap()]);
    assert!(out.status.success());
    let text = stdout(&out);
    let (kept, dropped) = text.split_once("--- dropped (").expect("explain section");
    assert!(kept.contains("算力擴張,芯片先行"));
    for reason in ["[chrome]", "[spam]", "[disclaimer]", "[metadata]"] {
        assert!(dropped.contains(reason), "{reason} missing:\n{dropped}");
    }
}
