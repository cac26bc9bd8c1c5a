//! The fixture pages (five text seeds, five HTML pages in GBK, Big5 and
//! UTF-8): every `keep` string survives and every `strip` string is removed
//! (a `strip_allow_once` string may stay once).

mod gold;

use gold::{root, squash, strings};

/// Reads a fixture page, decoding it as its gold file says (charset
/// decoding belongs to the fetcher; the cleaner receives text).
fn read_page(name: &str) -> String {
    let dir = root().join("fixtures/pages");
    let txt = dir.join(format!("{name}.txt"));
    if txt.exists() {
        return std::fs::read_to_string(txt).expect("seed page");
    }
    let bytes = std::fs::read(dir.join(format!("{name}.html"))).expect("html page");
    let enc = if name.contains("gbk") {
        encoding_rs::GBK
    } else if name.contains("big5") {
        encoding_rs::BIG5
    } else {
        encoding_rs::UTF_8
    };
    enc.decode(&bytes).0.into_owned()
}

struct Score {
    kept: usize,
    keep: usize,
    stripped: usize,
    strip: usize,
    errors: Vec<String>,
}

fn score_seed(name: &str) -> Score {
    let page = read_page(name);
    let gold: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join(format!("fixtures/expected/{name}.json")))
            .expect("gold"),
    )
    .expect("gold json");
    let doc = newsfacts_cleaner::clean(name, &page);
    let text = squash(&doc.text);
    let list = |k: &str| strings(&gold, k);
    let once: Vec<String> = list("strip_allow_once").iter().map(|s| squash(s)).collect();
    let mut s = Score {
        kept: 0,
        keep: 0,
        stripped: 0,
        strip: 0,
        errors: Vec::new(),
    };
    for k in list("keep") {
        s.keep += 1;
        if text.contains(&squash(&k)) {
            s.kept += 1;
        } else {
            s.errors.push(format!("{name} keep lost: {k}"));
        }
    }
    for k in list("strip") {
        s.strip += 1;
        let q = squash(&k);
        let n = text.matches(&q).count();
        if n == 0 || (once.contains(&q) && n == 1) {
            s.stripped += 1;
        } else {
            s.errors.push(format!("{name} strip left: {k}"));
        }
    }
    s
}

const SEEDS: &[&str] = &[
    "000_0262428b34c3633f",
    "001_d0d57861e3c6c208",
    "002_0f8848bc31e24a10",
    "003_dc34b920236c3178",
    "004_67f5fc61a3c31b3d",
];

const HTML: &[&str] = &[
    "101_zh_hans_gbk",
    "102_zh_hant_big5",
    "103_en_utf8_lying_meta",
    "104_zh_hans_utf8",
    "105_zh_hant_utf8_bom",
];

fn check(names: &[&str], min_keep: f64, min_strip: f64) {
    let (mut kept, mut keep, mut stripped, mut strip) = (0, 0, 0, 0);
    let mut errors = Vec::new();
    for name in names {
        let s = score_seed(name);
        kept += s.kept;
        keep += s.keep;
        stripped += s.stripped;
        strip += s.strip;
        errors.extend(s.errors);
    }
    let keep_rate = kept as f64 / keep as f64;
    let strip_rate = stripped as f64 / strip as f64;
    eprintln!("keep {keep_rate:.3} ({kept}/{keep})  strip {strip_rate:.3} ({stripped}/{strip})");
    for e in &errors {
        eprintln!("  {e}");
    }
    assert!(keep_rate >= min_keep, "keep {keep_rate:.3}: {errors:#?}");
    assert!(
        strip_rate >= min_strip,
        "strip {strip_rate:.3}: {errors:#?}"
    );
}

#[test]
fn seeds_keep_and_strip() {
    check(SEEDS, 0.97, 0.90);
}

#[test]
fn html_fixtures_keep_and_strip() {
    check(HTML, 0.97, 0.90);
}

#[test]
fn seed_metadata() {
    let page = std::fs::read_to_string(root().join("fixtures/pages/002_0f8848bc31e24a10.txt"))
        .expect("seed");
    let doc = newsfacts_cleaner::clean("002", &page);
    assert_eq!(doc.published.as_deref(), Some("2025-10-25T10:20"));
    assert_eq!(doc.lang, model::Lang::ZhHans);
    let page = std::fs::read_to_string(root().join("fixtures/pages/003_dc34b920236c3178.txt"))
        .expect("seed");
    let doc = newsfacts_cleaner::clean("003", &page);
    assert_eq!(doc.lang, model::Lang::ZhHant);
    assert_eq!(
        doc.title.as_deref(),
        Some("AI催生算力大變局,無錫給出“芯解法”")
    );
    assert!(doc.text.starts_with("AI催生算力大變局"));
    let page = std::fs::read_to_string(root().join("fixtures/pages/001_d0d57861e3c6c208.txt"))
        .expect("seed");
    let doc = newsfacts_cleaner::clean("001", &page);
    assert_eq!(doc.lang, model::Lang::En);
    assert_eq!(
        doc.title.as_deref(),
        Some("国产AI芯片加速追赶 为算力经济注入“中国芯”")
    );
    assert!(!doc.text.contains("未来智造局"));
}
