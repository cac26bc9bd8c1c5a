//! Clean text + tokens -> facts (companies, chips, figures).
//!
//! Owns: the gazetteers (companies and chips with their aliases in every
//! script), vendor-aware chip patterns, and the figure grammar (numbers,
//! scales, units, ranges, qualifiers), all driven by data in `config/`.
//! Must not know: how text was cleaned or segmented (it receives tokens),
//! fetching or storage.
//!
//! Code map:
//! - `text.rs`: folding (Traditional -> Simplified, full width) and token
//!   boundaries, all in character offsets;
//! - `gazetteer.rs`: loading/validating `companies.toml` and `chips.toml`,
//!   the single Aho-Corasick automaton of every alias, alias rules;
//! - `company.rs`, `chip.rs`: hits -> mentions (chip.rs also runs the
//!   vendor-aware model patterns);
//! - `figure/`: `number.rs` (Arabic, Chinese and mixed numerals), `words.rs`
//!   (English numbers in words and fractions), `scale.rs` (万/亿/million ...),
//!   `unit.rs` (units, counts, qualifiers), `lexicon.rs` (word-list
//!   matching), `mod.rs` (the grammar: signs, fractions, qualifiers,
//!   prefixes, ranges, exclusions, and the `figures` protocol);
//! - `sentence.rs`: sentence and clause spans; `about.rs`: which entity a
//!   figure measures.
//!
//! Config files: `companies.toml`, `chips.toml`, `units.toml`, `t2s.tsv`.
//! [`Extractor::bundled`] compiles them into the binary;
//! [`Extractor::from_dir`] reads the same names from a directory.

mod about;
mod chip;
mod company;
mod figure;
mod gazetteer;
mod sentence;
mod text;

use model::{Fact, Token};
use std::path::Path;

pub use figure::FigureKind;

/// Errors loading the gazetteers.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: {message}")]
    Invalid { path: String, message: String },
}

/// File names of the extractor's configuration, relative to a config dir.
pub const CONFIG_FILES: [&str; 4] = ["companies.toml", "chips.toml", "units.toml", "t2s.tsv"];

const BUNDLED_COMPANIES: &str = include_str!("../../../config/companies.toml");
const BUNDLED_CHIPS: &str = include_str!("../../../config/chips.toml");
const BUNDLED_UNITS: &str = include_str!("../../../config/units.toml");
const BUNDLED_T2S: &str = include_str!("../../../config/t2s.tsv");

/// One number found by [`Extractor::figures`], with character offsets.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureMention {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub value: Option<f64>,
    pub unit: Option<String>,
    pub kind: FigureKind,
}

/// An extractor with all rules compiled. Build once, reuse.
pub struct Extractor {
    folder: text::Folder,
    gazetteer: gazetteer::Gazetteer,
    figures: figure::FigureRules,
}

impl Extractor {
    /// The gazetteers bundled into the binary (from the repository's `config/`).
    pub fn bundled() -> Result<Self, ConfigError> {
        Self::from_sources(
            ("config/companies.toml", BUNDLED_COMPANIES),
            ("config/chips.toml", BUNDLED_CHIPS),
            ("config/units.toml", BUNDLED_UNITS),
            ("config/t2s.tsv", BUNDLED_T2S),
        )
    }

    /// Loads gazetteers from a directory laid out like `config/`
    /// (`companies.toml`, `chips.toml`, `units.toml`, `t2s.tsv`).
    pub fn from_dir(dir: &Path) -> Result<Self, ConfigError> {
        let read = |name: &str| {
            let path = dir.join(name);
            std::fs::read_to_string(&path)
                .map(|s| (path.display().to_string(), s))
                .map_err(|source| ConfigError::Io {
                    path: path.display().to_string(),
                    source,
                })
        };
        let companies = read(CONFIG_FILES[0])?;
        let chips = read(CONFIG_FILES[1])?;
        let units = read(CONFIG_FILES[2])?;
        let t2s = read(CONFIG_FILES[3])?;
        Self::from_sources(
            (&companies.0, &companies.1),
            (&chips.0, &chips.1),
            (&units.0, &units.1),
            (&t2s.0, &t2s.1),
        )
    }

    fn from_sources(
        companies: (&str, &str),
        chips: (&str, &str),
        units: (&str, &str),
        t2s: (&str, &str),
    ) -> Result<Self, ConfigError> {
        let folder =
            text::Folder::parse(t2s.1).map_err(|(line, message)| ConfigError::Invalid {
                path: format!("{}:{line}", t2s.0),
                message,
            })?;
        let gazetteer = gazetteer::Gazetteer::load(companies, chips, &folder)?;
        let figures = figure::FigureRules::load(units.0, units.1, &folder)?;
        Ok(Extractor {
            folder,
            gazetteer,
            figures,
        })
    }

    /// The canonical name of the company or chip that `name` names: a
    /// canonical name or any alias, in any script or case (`英偉達`,
    /// `nvidia` -> `NVIDIA`). `None` when no entity has that name.
    pub fn canonical_name(&self, name: &str) -> Option<String> {
        self.gazetteer
            .canonical_of(&self.folder.fold(name.trim()))
            .map(str::to_string)
    }

    /// Every alias of every company and chip, for the segmenter's dictionary.
    pub fn vocabulary(&self) -> Vec<String> {
        self.gazetteer.vocabulary()
    }

    /// Facts in `text`. `tokens` are the segmenter's tokens of `text`.
    /// Facts are ordered by start offset.
    pub fn extract(&self, text: &str, tokens: &[Token]) -> Vec<Fact> {
        let doc = text::Doc::new(text, tokens, &self.folder);
        let sentences = sentence::Sentences::new(&doc);
        let hits = self.gazetteer.scan(&doc);
        let companies = company::mentions(&self.gazetteer, &hits);
        let chips = chip::mentions(&self.gazetteer, &doc, &hits);

        let mut avoid: Vec<(usize, usize)> = companies
            .iter()
            .map(|c| (c.start, c.end))
            .chain(chips.iter().map(|c| (c.start, c.end)))
            .collect();
        avoid.sort_unstable();
        let figures = self.figures.scan(&doc, &avoid, false);

        let mut anchors: Vec<about::Anchor> = companies
            .iter()
            .map(|c| about::Anchor {
                start: c.start,
                end: c.end,
                name: c.canonical.clone(),
            })
            .chain(chips.iter().map(|c| about::Anchor {
                start: c.start,
                end: c.end,
                name: c.canonical.clone(),
            }))
            .collect();
        anchors.sort_by_key(|a| (a.start, a.end));

        let mut facts: Vec<(usize, Fact)> = Vec::new();
        for c in companies {
            facts.push((
                c.start,
                Fact::Company {
                    surface: doc.surface(c.start, c.end).to_string(),
                    sentence: sentences.text(&doc, c.start, c.end),
                    canonical: c.canonical,
                    start: c.start,
                    end: c.end,
                },
            ));
        }
        for c in chips {
            facts.push((
                c.start,
                Fact::Chip {
                    surface: doc.surface(c.start, c.end).to_string(),
                    sentence: sentences.text(&doc, c.start, c.end),
                    canonical: c.canonical,
                    vendor: c.vendor,
                    start: c.start,
                    end: c.end,
                },
            ));
        }
        for f in figures {
            let Some(unit) = f.unit else { continue };
            let start = with_glued_sign(&doc, f.start);
            facts.push((
                start,
                Fact::Figure {
                    surface: doc.surface(start, f.end).to_string(),
                    value: f.value,
                    value_max: f.value_max,
                    unit,
                    qualifier: f.qualifier,
                    start,
                    end: f.end,
                    sentence: sentences.text(&doc, f.start, f.end),
                    about: about::about(&anchors, &sentences, f.start, f.end),
                },
            ));
        }
        facts.sort_by_key(|(s, _)| *s);
        facts.into_iter().map(|(_, f)| f).collect()
    }

    /// Every number in `text` with its unit when it has one, for the
    /// `newsfacts figures` command. Bare numbers have kind `number` and no
    /// unit.
    pub fn figures(&self, text: &str) -> Vec<FigureMention> {
        let doc = text::Doc::new(text, &[], &self.folder);
        let hits = self.figures.scan(&doc, &[], true);
        let lone = self.figures.lone_units(&doc, &hits);
        let inner: Vec<FigureMention> = hits
            .iter()
            .filter_map(|f| f.inner)
            .map(|(start, end, value)| FigureMention {
                text: doc.surface(start, end).to_string(),
                start,
                end,
                value: Some(value),
                unit: None,
                kind: FigureKind::Number,
            })
            .collect();
        let mut out: Vec<FigureMention> = hits
            .into_iter()
            .map(|f| FigureMention {
                text: doc.surface(f.start, f.end).to_string(),
                start: f.start,
                end: f.end,
                value: Some(f.value),
                unit: f.unit,
                kind: f.kind,
            })
            .collect();
        out.extend(inner);
        out.extend(
            lone.into_iter()
                .map(|(start, end, unit, kind)| FigureMention {
                    text: doc.surface(start, end).to_string(),
                    start,
                    end,
                    value: None,
                    unit: Some(unit),
                    kind,
                }),
        );
        out.sort_by_key(|f| (f.start, f.end));
        out
    }
}

/// The start of a figure with the approximation sign written against it
/// (`~275 tokens/s`, `≈1.2万片`): the sign is part of what the reader sees
/// as the figure, as `$` is. A sign after a number is a range's dash
/// (`4.6 ~1,000W`), not a qualifier, and stays out.
fn with_glued_sign(doc: &text::Doc, start: usize) -> usize {
    let Some(at) = start.checked_sub(1) else {
        return start;
    };
    if !matches!(doc.char_at(at), Some('~' | '～' | '≈')) {
        return start;
    }
    let mut k = at;
    while k > 0 && doc.char_at(k - 1) == Some(' ') {
        k -= 1;
    }
    match k.checked_sub(1).and_then(|p| doc.char_at(p)) {
        Some(c) if c.is_ascii_digit() || c == '.' => start,
        _ => at,
    }
}
