//! A benchmark corpus generated from the HTML fixtures.
//!
//! Each fixture is decoded to UTF-8 (its `<meta charset>` rewritten), then
//! varied deterministically: paragraphs shuffled, list items (menus, related
//! lists, rankings) repeated, whole chrome subtrees (`nav`, `aside`,
//! `footer`, comment lists) repeated, and filler paragraphs appended to some
//! variants so page sizes spread from a few KB to a few hundred KB. Shared by
//! `benches/clean.rs` and `examples/corpus.rs` (which writes it to disk for
//! the trafilatura comparison) so both measure the same bytes.

use regex::Regex;
use std::path::{Path, PathBuf};

/// Small deterministic generator (xorshift64*), so the corpus is the same on
/// every machine without a rand dependency.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/pages")
}

/// The HTML fixtures, decoded to UTF-8 with their charset declaration fixed.
pub fn html_fixtures() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let Ok(dir) = std::fs::read_dir(fixtures_dir()) else {
        return out;
    };
    let mut paths: Vec<PathBuf> = dir.flatten().map(|e| e.path()).collect();
    paths.sort();
    let charset = Regex::new(r#"(?i)charset\s*=\s*["']?([a-z0-9_-]+)"#).expect("static regex");
    for p in paths {
        if p.extension().and_then(|e| e.to_str()) != Some("html") {
            continue;
        }
        let Ok(bytes) = std::fs::read(&p) else {
            continue;
        };
        let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).into_owned();
        let declared = charset
            .captures(&head)
            .and_then(|c| encoding_rs::Encoding::for_label(c[1].as_bytes()));
        let text = match std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes))
        {
            Ok(s) => s.to_string(),
            Err(_) => declared
                .unwrap_or(encoding_rs::UTF_8)
                .decode(&bytes)
                .0
                .into_owned(),
        };
        let text = charset.replace(&text, "charset=utf-8").into_owned();
        let name = p
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        out.push((name, text));
    }
    out
}

fn shuffle<T>(v: &mut [T], rng: &mut Rng) {
    for i in (1..v.len()).rev() {
        let j = rng.below(i + 1);
        v.swap(i, j);
    }
}

/// Replaces every match of `re` in `page` by `f(match)`.
fn rewrite(page: &str, re: &Regex, mut f: impl FnMut(&str) -> String) -> String {
    let mut out = String::with_capacity(page.len() * 2);
    let mut last = 0;
    for m in re.find_iter(page) {
        out.push_str(&page[last..m.start()]);
        out.push_str(&f(m.as_str()));
        last = m.end();
    }
    out.push_str(&page[last..]);
    out
}

/// One variant of `page`.
pub fn vary(page: &str, rng: &mut Rng) -> String {
    let p_re = Regex::new(r"(?s)<p\b[^>]*>.*?</p>").expect("static regex");
    let li_re = Regex::new(r"(?s)<li\b[^>]*>.*?</li>").expect("static regex");
    let chrome_re =
        Regex::new(r"(?s)<(nav|aside|footer|ol|ul)\b[^>]*>.*?</(?:nav|aside|footer|ol|ul)>")
            .expect("static regex");
    // Shuffle the paragraphs among their own positions.
    let mut paras: Vec<String> = p_re
        .find_iter(page)
        .map(|m| m.as_str().to_string())
        .collect();
    shuffle(&mut paras, rng);
    let mut it = paras.into_iter();
    let page = rewrite(page, &p_re, |m| it.next().unwrap_or_else(|| m.to_string()));
    // Repeat list items and chrome subtrees.
    let page = rewrite(&page, &li_re, |m| m.repeat(1 + rng.below(4)));
    let page = rewrite(&page, &chrome_re, |m| m.repeat(1 + rng.below(3)));
    // Some variants get a long tail of extra article paragraphs.
    let extra = match rng.below(4) {
        0 => 0,
        1 => 10,
        2 => 60,
        _ => 300,
    };
    if extra == 0 {
        return page;
    }
    let paras: Vec<&str> = p_re.find_iter(&page).map(|m| m.as_str()).collect();
    if paras.is_empty() {
        return page;
    }
    let mut filler = String::new();
    for _ in 0..extra {
        filler.push_str(paras[rng.below(paras.len())]);
        filler.push('\n');
    }
    match page.rfind("</p>") {
        Some(i) => format!("{}{}{}", &page[..i + 4], filler, &page[i + 4..]),
        None => page,
    }
}

/// `per_fixture` variants of every HTML fixture.
pub fn corpus(per_fixture: usize) -> Vec<(String, String)> {
    let mut rng = Rng::new(2025);
    let mut out = Vec::new();
    for (name, page) in html_fixtures() {
        for k in 0..per_fixture {
            out.push((format!("{name}_{k:03}"), vary(&page, &mut rng)));
        }
    }
    out
}
