use std::io::{self, BufRead};
use std::time::{Duration, Instant};
fn main() {
    let t = Instant::now();
    let j = jieba_rs::Jieba::new();
    eprintln!("jieba load {:?}", t.elapsed());
    let seg = newsfacts_segmenter::Segmenter::new([]);
    let lines: Vec<String> = io::stdin().lock().lines().map_while(Result::ok).collect();
    let chars: usize = lines.iter().map(|l| l.chars().count()).sum();
    for hmm in [true, false] {
        let mut busy = Duration::ZERO;
        let t = Instant::now();
        let mut n = 0;
        for l in &lines {
            n += j.cut(l, hmm).len();
        }
        busy += t.elapsed();
        eprintln!(
            "plain hmm={hmm} {:.2} Mc/s ({n})",
            chars as f64 / busy.as_secs_f64() / 1e6
        );
    }
    let t = Instant::now();
    let mut n = 0;
    for l in &lines {
        n += seg.tokens(l).len();
    }
    eprintln!(
        "ours {:.2} Mc/s ({n})",
        chars as f64 / t.elapsed().as_secs_f64() / 1e6
    );
    let t = Instant::now();
    for l in &lines {
        n += fast2s::convert(l).len();
    }
    eprintln!(
        "fast2s {:.2} Mc/s",
        chars as f64 / t.elapsed().as_secs_f64() / 1e6
    );
}
