//! Criterion benchmark: cleaning throughput on a corpus of ≥ 200 HTML pages
//! generated from the fixtures (see `corpus/mod.rs`), reported in bytes/s.
//!
//! Run: `cargo bench -p newsfacts-cleaner --bench clean`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

mod corpus;

fn bench(c: &mut Criterion) {
    let pages = corpus::corpus(24);
    assert!(pages.len() >= 200, "corpus too small: {}", pages.len());
    let bytes: usize = pages.iter().map(|(_, p)| p.len()).sum();
    eprintln!(
        "corpus: {} pages, {:.1} MB of HTML",
        pages.len(),
        bytes as f64 / 1e6
    );
    let mut g = c.benchmark_group("clean");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("corpus", |b| {
        b.iter(|| {
            for (name, page) in &pages {
                black_box(newsfacts_cleaner::clean(name, page));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
