//! Criterion benchmark: cleaning throughput on a corpus of ≥ 200 HTML pages
//! generated from the fixtures (see `corpus/mod.rs`), reported in bytes/s.
//! Two groups: `clean` measures wall time; `clean_cpu` measures the
//! thread's on-CPU time (Linux `/proc/thread-self/schedstat`), which is the
//! one-core figure even when other processes share the machine.
//!
//! Run: `cargo bench -p newsfacts-cleaner --bench clean`.

use criterion::measurement::{Measurement, ValueFormatter, WallTime};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

mod corpus;

/// Nanoseconds this thread has run on a CPU (falls back to wall time where
/// schedstat is missing).
fn thread_cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or_else(|| {
            static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
            START
                .get_or_init(std::time::Instant::now)
                .elapsed()
                .as_nanos() as u64
        })
}

/// On-CPU time of the benchmarking thread, in nanoseconds.
struct CpuTime;

static WALL: WallTime = WallTime;

impl Measurement for CpuTime {
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
        // Values are nanoseconds, as wall time's are.
        WALL.formatter()
    }
}

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

fn bench_cpu(c: &mut Criterion<CpuTime>) {
    let pages = corpus::corpus(24);
    let bytes: usize = pages.iter().map(|(_, p)| p.len()).sum();
    let mut g = c.benchmark_group("clean_cpu");
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
criterion_group! {
    name = cpu_benches;
    config = Criterion::default().with_measurement(CpuTime);
    targets = bench_cpu
}
criterion_main!(benches, cpu_benches);
