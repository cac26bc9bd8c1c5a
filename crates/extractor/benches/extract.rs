//! Extraction throughput on one core, given clean text and tokens.
//!
//! Input: the repository's plain-text fixture pages (`fixtures/pages/*.txt`,
//! English, Simplified and Traditional Chinese) and the extractor's test
//! passages, repeated to about 1 MB. Tokens are made once, before timing,
//! by a simple stand-in for the segmenter (Han runs cut in two-character
//! words, Latin words and numbers whole), so the benchmark measures the
//! extractor only. Throughput is reported in bytes of UTF-8 text.
//!
//! `cargo bench -p newsfacts-extractor --bench extract`

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use model::{Token, TokenKind};
use newsfacts_extractor::Extractor;
use std::path::Path;

fn corpus() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut parts = Vec::new();
    for dir in [
        root.join("../../fixtures/pages"),
        root.join("tests/passages"),
    ] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for p in paths {
            if p.extension().is_some_and(|e| e == "txt") {
                if let Ok(t) = std::fs::read_to_string(&p) {
                    parts.push(t);
                }
            }
        }
    }
    let one = parts.join("\n");
    let mut text = String::with_capacity(1 << 20);
    while text.len() < 1 << 20 && !one.is_empty() {
        text.push_str(&one);
        text.push('\n');
    }
    text
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// A stand-in for the segmenter's tokens (byte offsets).
fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut it = text.char_indices().peekable();
    while let Some((b, c)) = it.next() {
        if is_han(c) {
            let mut end = b + c.len_utf8();
            if let Some(&(b2, c2)) = it.peek() {
                if is_han(c2) {
                    end = b2 + c2.len_utf8();
                    it.next();
                }
            }
            out.push(Token {
                start: b,
                end,
                kind: TokenKind::Han,
            });
        } else if c.is_alphanumeric() {
            let mut end = b + c.len_utf8();
            while let Some(&(b2, c2)) = it.peek() {
                if c2.is_alphanumeric() && !is_han(c2) || c2 == '.' {
                    end = b2 + c2.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            let kind = if c.is_ascii_digit() {
                TokenKind::Number
            } else {
                TokenKind::Latin
            };
            out.push(Token {
                start: b,
                end,
                kind,
            });
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let ex = Extractor::bundled().expect("bundled gazetteers load");
    let text = corpus();
    let toks = tokens(&text);
    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(10);
    g.bench_function("mixed_news_1MB", |b| b.iter(|| ex.extract(&text, &toks)));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
