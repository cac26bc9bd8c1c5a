//! Extraction throughput on one core, given clean text and tokens.
//!
//! Input: the repository's plain-text fixture pages (`fixtures/pages/*.txt`,
//! English, Simplified and Traditional Chinese) and the extractor's test
//! passages, repeated to about 1 MB. Tokens are made once, before timing,
//! by a simple stand-in for the segmenter (Han runs cut in two-character
//! words, Latin words and numbers whole), so the benchmark measures the
//! extractor only. Throughput is reported in bytes of UTF-8 text.
//!
//! Two measurements of the same work: `extract/...` is wall-clock time
//! (criterion's default, inflated when other processes share the CPU) and
//! `extract_cpu/...` is this thread's own CPU time (from
//! `/proc/thread-self/schedstat`, Linux), which is what "one core" means
//! on a busy machine.
//!
//! `cargo bench -p newsfacts-extractor --bench extract`

use criterion::measurement::{Measurement, ValueFormatter};
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

/// Nanoseconds this thread has run on a CPU (0 when unavailable).
fn thread_cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next().and_then(|v| v.parse().ok()))
        .unwrap_or(0)
}

/// Criterion measurement: the benchmark thread's CPU time.
struct ThreadCpu;

struct CpuFormatter;

impl ValueFormatter for CpuFormatter {
    fn scale_values(&self, _typical: f64, values: &mut [f64]) -> &'static str {
        for v in values.iter_mut() {
            *v /= 1e6;
        }
        "ms (cpu)"
    }

    fn scale_throughputs(&self, _typical: f64, t: &Throughput, values: &mut [f64]) -> &'static str {
        let units = match t {
            Throughput::Bytes(b) | Throughput::BytesDecimal(b) => *b as f64,
            Throughput::Elements(e) => *e as f64,
        };
        for v in values.iter_mut() {
            *v = units / (*v * 1e-9) / (1024.0 * 1024.0);
        }
        "MiB/s (cpu)"
    }

    fn scale_for_machines(&self, _values: &mut [f64]) -> &'static str {
        "ns"
    }
}

impl Measurement for ThreadCpu {
    type Intermediate = u64;
    type Value = u64;

    fn start(&self) -> u64 {
        thread_cpu_ns()
    }

    fn end(&self, start: u64) -> u64 {
        thread_cpu_ns().saturating_sub(start)
    }

    fn add(&self, a: &u64, b: &u64) -> u64 {
        a + b
    }

    fn zero(&self) -> u64 {
        0
    }

    fn to_f64(&self, v: &u64) -> f64 {
        *v as f64
    }

    fn formatter(&self) -> &dyn ValueFormatter {
        &CpuFormatter
    }
}

fn bench_cpu(c: &mut Criterion<ThreadCpu>) {
    let ex = Extractor::bundled().expect("bundled gazetteers load");
    let text = corpus();
    let toks = tokens(&text);
    let mut g = c.benchmark_group("extract_cpu");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(10);
    g.bench_function("mixed_news_1MB", |b| b.iter(|| ex.extract(&text, &toks)));
    g.finish();
}

criterion_group!(benches, bench);
criterion_group! {
    name = cpu;
    config = Criterion::default().with_measurement(ThreadCpu);
    targets = bench_cpu
}
criterion_main!(benches, cpu);
