//! Realistic AI-chip news passages (Simplified, Traditional, English) with
//! their expected facts, written independently of any scored set: they
//! guard generalisation of the gazetteers and the figure grammar.
//!
//! Each `tests/passages/NAME.txt` has a `NAME.facts` beside it, one fact a
//! line: `company CANONICAL`, `chip CANONICAL` (sets: every one found, none
//! extra) and `figure VALUE[..MAX] UNIT` (a multiset, in any order).

use model::Fact;
use newsfacts_extractor::Extractor;
use std::collections::BTreeSet;
use std::path::Path;

#[derive(Debug, Default)]
struct Expected {
    entities: BTreeSet<String>,
    figures: Vec<(f64, Option<f64>, String)>,
}

fn parse_value(s: &str) -> f64 {
    s.parse().unwrap_or_else(|_| panic!("bad value {s}"))
}

fn expected(src: &str) -> Expected {
    let mut e = Expected::default();
    for line in src
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let (kind, rest) = line
            .split_once(' ')
            .unwrap_or_else(|| panic!("bad line {line}"));
        match kind {
            "company" | "chip" => {
                e.entities.insert(format!("{kind} {rest}"));
            }
            "figure" => {
                let (v, unit) = rest
                    .split_once(' ')
                    .unwrap_or_else(|| panic!("bad line {line}"));
                let (lo, hi) = match v.split_once("..") {
                    Some((a, b)) => (parse_value(a), Some(parse_value(b))),
                    None => (parse_value(v), None),
                };
                e.figures.push((lo, hi, unit.to_string()));
            }
            _ => panic!("unknown fact kind in {line}"),
        }
    }
    e
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * b.abs().max(1.0)
}

#[test]
fn passages_give_their_expected_facts() {
    let ex = Extractor::bundled().expect("bundled config loads");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/passages");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("passages dir")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 6, "at least six passages");
    let mut scripts = BTreeSet::new();
    let mut failures = Vec::new();
    for p in &paths {
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        scripts.insert(name.split('_').nth(1).unwrap_or("").to_string());
        let text = std::fs::read_to_string(p).expect("read passage");
        let want =
            expected(&std::fs::read_to_string(p.with_extension("facts")).expect("read .facts"));
        let mut entities = BTreeSet::new();
        let mut figures = Vec::new();
        for f in ex.extract(&text, &[]) {
            match f {
                Fact::Company { canonical, .. } => {
                    entities.insert(format!("company {canonical}"));
                }
                Fact::Chip { canonical, .. } => {
                    entities.insert(format!("chip {canonical}"));
                }
                Fact::Figure {
                    value,
                    value_max,
                    unit,
                    ..
                } => figures.push((value, value_max, unit)),
            }
        }
        if entities != want.entities {
            failures.push(format!(
                "{name}: missing {:?}, extra {:?}",
                want.entities.difference(&entities).collect::<Vec<_>>(),
                entities.difference(&want.entities).collect::<Vec<_>>()
            ));
        }
        let mut left = figures.clone();
        let mut missing = Vec::new();
        for w in &want.figures {
            let hit = left.iter().position(|g| {
                close(g.0, w.0)
                    && g.2 == w.2
                    && match (g.1, w.1) {
                        (Some(a), Some(b)) => close(a, b),
                        (None, None) => true,
                        _ => false,
                    }
            });
            match hit {
                Some(i) => {
                    left.remove(i);
                }
                None => missing.push(w.clone()),
            }
        }
        if !missing.is_empty() || !left.is_empty() {
            failures.push(format!(
                "{name}: missing figures {missing:?}, extra {left:?}"
            ));
        }
    }
    assert!(
        ["en", "zh"].iter().all(|s| scripts.contains(*s)),
        "passages in every language: {scripts:?}"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
