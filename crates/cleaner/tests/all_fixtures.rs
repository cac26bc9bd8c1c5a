//! Every fixture page with an expected file (seeds, pages written for the
//! project, and the blind sets once their rules landed): each `keep`
//! string survives cleaning, and at least [`MIN_STRIP_RATE`] of the
//! `strip` strings are removed (a `strip_allow_once` string may stay
//! once). Every miss is printed, so a regression is easy to read.

mod gold;

use gold::{root, squash, strings};
use std::path::{Path, PathBuf};

/// The page decoded with the true encoding its expected file names
/// (charset detection is the fetcher's job and is tested there).
fn read_page(path: &Path, encoding: &str) -> String {
    let bytes = std::fs::read(path).expect("fixture page");
    // `cp950` is Python's name for what WHATWG calls Big5.
    let label = match encoding.trim_end_matches("-sig") {
        "cp950" => "big5",
        other => other,
    };
    let enc = encoding_rs::Encoding::for_label(label.as_bytes()).unwrap_or(encoding_rs::UTF_8);
    enc.decode(&bytes).0.into_owned()
}

/// Share of `strip` strings that must be removed. Every `keep` string must
/// survive; a few noise strings of the latest blind set are known misses
/// (printed by the test), and this floor catches any regression beyond
/// them.
const MIN_STRIP_RATE: f64 = 0.99;

/// Pages whose article the cleaner cannot find whole yet, with the reason.
/// Their lost keep strings are printed, not failed; each must keep losing
/// some, so a fix is noticed and the entry removed.
const KNOWN_OPEN: &[(&str, &str)] = &[];

/// Pages whose noise the cleaner cannot cut yet, with the reason. Their
/// strip strings are printed and left out of the rate; each must keep
/// some noise, so a fix is noticed and the entry removed.
const KNOWN_NOISY: &[(&str, &str)] = &[(
    "1301_en_wsj_paywall_textdump",
    "a text dump with 70 lines of brand list, market ticker and section \
     menus above its headline: the headline is past the head window, so \
     the head is not cut",
)];

#[test]
fn every_fixture_keeps_its_body_and_strips_its_noise() {
    let pages = root().join("fixtures/pages");
    let mut expected: Vec<PathBuf> = std::fs::read_dir(root().join("fixtures/expected"))
        .expect("expected dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    expected.sort();
    let (mut checked, mut keep, mut strip) = (0, 0, 0);
    let mut lost = Vec::new();
    let mut survived = Vec::new();
    for gold_path in expected {
        let stem = gold_path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        let Some(page) = ["html", "txt"]
            .iter()
            .map(|x| pages.join(format!("{stem}.{x}")))
            .find(|p| p.exists())
        else {
            continue;
        };
        let gold: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&gold_path).expect("gold"))
                .expect("json");
        let encoding = gold["encoding"].as_str().unwrap_or("utf-8");
        let doc = newsfacts_cleaner::clean(&stem, &read_page(&page, encoding));
        let text = squash(&doc.text);
        checked += 1;
        let open = KNOWN_OPEN.iter().any(|(name, _)| *name == stem);
        let mut lost_here = 0;
        for k in strings(&gold, "keep") {
            keep += 1;
            if !text.contains(&squash(&k)) {
                lost_here += 1;
                let line = format!("{stem}: keep lost: {k}");
                if open {
                    eprintln!("  (known open) {line}");
                } else {
                    lost.push(line);
                }
            }
        }
        if open && lost_here == 0 {
            lost.push(format!(
                "{stem}: listed as known open but keeps its article"
            ));
        }
        let once: Vec<String> = strings(&gold, "strip_allow_once")
            .iter()
            .map(|s| squash(s))
            .collect();
        let noisy = KNOWN_NOISY.iter().any(|(name, _)| *name == stem);
        let mut survived_here = 0;
        for s in strings(&gold, "strip") {
            let q = squash(&s);
            let allowed = if once.contains(&q) { 1 } else { 0 };
            let left = text.matches(q.as_str()).count() > allowed;
            if noisy {
                if left {
                    survived_here += 1;
                    eprintln!("  (known noisy) {stem}: strip survived: {s}");
                }
                continue;
            }
            strip += 1;
            if left {
                survived.push(format!("{stem}: strip survived: {s}"));
            }
        }
        if noisy && survived_here == 0 {
            lost.push(format!(
                "{stem}: listed as known noisy but strips its noise"
            ));
        }
    }
    let strip_rate = 1.0 - survived.len() as f64 / strip.max(1) as f64;
    eprintln!(
        "{checked} fixtures, {keep} keep strings (all must survive), {strip} strip strings \
         ({strip_rate:.4} removed; at least {MIN_STRIP_RATE})"
    );
    for line in lost.iter().chain(&survived) {
        eprintln!("  {line}");
    }
    assert!(checked >= 50, "only {checked} fixtures found");
    assert!(lost.is_empty(), "article text lost:\n{}", lost.join("\n"));
    assert!(
        strip_rate >= MIN_STRIP_RATE,
        "strip rate {strip_rate:.4}:\n{}",
        survived.join("\n")
    );
}
