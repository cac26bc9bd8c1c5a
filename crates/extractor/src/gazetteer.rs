//! Gazetteers: loading and validating `companies.toml` and `chips.toml`,
//! compiling every alias into ONE Aho-Corasick automaton, and finding alias
//! occurrences in a [`Doc`].
//!
//! Owns: the alias rules (folding, case, word and token boundaries,
//! blockers) and the precedence rule: an alias belongs to exactly one entity;
//! the same folded alias under two entities (in either file) is a load error
//! naming both, so no silent precedence exists.
//! Must not know: how hits become facts (company.rs, chip.rs), figures.

use crate::text::{is_han, Doc, Folder};
use crate::ConfigError;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Input, MatchKind};
use serde::Deserialize;
use std::collections::HashMap;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CompaniesFile {
    #[serde(default)]
    blockers: Blockers,
    #[serde(default)]
    company: Vec<CompanyDef>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Blockers {
    #[serde(default)]
    words: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CompanyDef {
    canonical: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    exact: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ChipsFile {
    #[serde(default)]
    systems: Systems,
    #[serde(default)]
    pattern: Vec<PatternDef>,
    #[serde(default)]
    chip: Vec<ChipDef>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Systems {
    #[serde(default)]
    followers: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ChipDef {
    canonical: String,
    vendor: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    exact: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PatternDef {
    vendor: String,
    regex: String,
    canonical: String,
    #[serde(default)]
    case: Option<String>,
    /// The model code alone (`[RPM]\d{3}`), read only where the vendor was
    /// just named.
    #[serde(default)]
    bare: Option<String>,
}

/// What an alias names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    Company(usize),
    Chip(usize),
    Blocker,
}

#[derive(Debug)]
struct Alias {
    target: Target,
    /// Folded alias text.
    text: String,
    /// Match only with exactly this ASCII case.
    exact: bool,
}

#[derive(Debug)]
pub(crate) struct Company {
    pub canonical: String,
}

#[derive(Debug)]
pub(crate) struct Chip {
    pub canonical: String,
    pub vendor: String,
}

/// A vendor-aware chip-model regex.
#[derive(Debug)]
pub(crate) struct ChipPattern {
    pub vendor: String,
    pub regex: regex::Regex,
    pub template: String,
    pub upper: bool,
    /// Anchored regex of the bare model code, for vendor context.
    pub bare: Option<regex::Regex>,
}

/// An alias occurrence, in character offsets.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Hit {
    pub start: usize,
    pub end: usize,
    pub target: Target,
}

pub(crate) struct Gazetteer {
    pub companies: Vec<Company>,
    pub chips: Vec<Chip>,
    pub patterns: Vec<ChipPattern>,
    /// Folded, lower-cased words that mark a chip match as a system.
    pub system_followers: Vec<String>,
    /// Bare model codes (upper case) of listed chips whose aliases carry a
    /// product or vendor name (`昇腾910B` -> `910B`, `昆仑芯M100` -> `M100`),
    /// with the chips they may name: read only in their vendor's context.
    pub model_codes: HashMap<String, Vec<usize>>,
    aliases: Vec<Alias>,
    /// Every alias as written in the files, for the segmenter.
    vocabulary: Vec<String>,
    ac: AhoCorasick,
}

/// Line (1-based) of the first occurrence of `needle` quoted in `src`.
pub(crate) fn line_of(src: &str, needle: &str) -> Option<usize> {
    let quoted = format!("\"{needle}\"");
    let at = src.find(&quoted).or_else(|| src.find(needle))?;
    Some(src[..at].matches('\n').count() + 1)
}

fn parse_toml<T: serde::de::DeserializeOwned>(path: &str, src: &str) -> Result<T, ConfigError> {
    toml::from_str(src).map_err(|e| ConfigError::Invalid {
        path: path.to_string(),
        message: e.to_string().trim_end().replace('\n', " | "),
    })
}

impl Gazetteer {
    pub(crate) fn load(
        companies: (&str, &str),
        chips: (&str, &str),
        folder: &Folder,
    ) -> Result<Self, ConfigError> {
        let (cpath, csrc) = companies;
        let (kpath, ksrc) = chips;
        let cfile: CompaniesFile = parse_toml(cpath, csrc)?;
        let kfile: ChipsFile = parse_toml(kpath, ksrc)?;

        let invalid = |path: &str, src: &str, near: &str, message: String| {
            let line = line_of(src, near).map_or(String::new(), |l| format!(":{l}"));
            ConfigError::Invalid {
                path: format!("{path}{line}"),
                message,
            }
        };

        let mut aliases: Vec<Alias> = Vec::new();
        let mut vocabulary = Vec::new();
        // folded key (lower-cased unless exact) -> (owner description)
        let mut owners: HashMap<String, String> = HashMap::new();
        let mut add = |alias: &str,
                       exact_listed: bool,
                       target: Target,
                       owner: String,
                       path: &str,
                       src: &str|
         -> Result<(), ConfigError> {
            let trimmed = alias.trim();
            if trimmed.is_empty() {
                return Err(invalid(path, src, &owner, format!("{owner}: empty alias")));
            }
            let text = folder.fold(trimmed);
            let exact = exact_listed || is_short_acronym(&text);
            let key = text.to_ascii_lowercase();
            if let Some(prev) = owners.get(&key) {
                if *prev != owner {
                    return Err(invalid(
                        path,
                        src,
                        trimmed,
                        format!("alias \"{trimmed}\" is listed under both {prev} and {owner}; an alias may name one entity only"),
                    ));
                }
            }
            owners.insert(key, owner);
            if target != Target::Blocker {
                vocabulary.push(trimmed.to_string());
            }
            aliases.push(Alias {
                target,
                text,
                exact,
            });
            Ok(())
        };

        let mut companies = Vec::new();
        let mut company_names: HashMap<String, usize> = HashMap::new();
        for (i, c) in cfile.company.iter().enumerate() {
            let owner = format!("company \"{}\"", c.canonical);
            if c.canonical.trim().is_empty() {
                return Err(invalid(
                    cpath,
                    csrc,
                    "canonical = \"\"",
                    "empty canonical".into(),
                ));
            }
            if company_names.insert(c.canonical.clone(), i).is_some() {
                return Err(invalid(
                    cpath,
                    csrc,
                    &c.canonical,
                    format!("{owner} is defined twice"),
                ));
            }
            if c.aliases.is_empty() && c.exact.is_empty() {
                return Err(invalid(
                    cpath,
                    csrc,
                    &c.canonical,
                    format!("{owner} has no alias"),
                ));
            }
            for a in &c.aliases {
                add(a, false, Target::Company(i), owner.clone(), cpath, csrc)?;
            }
            for a in &c.exact {
                add(a, true, Target::Company(i), owner.clone(), cpath, csrc)?;
            }
            companies.push(Company {
                canonical: c.canonical.clone(),
            });
        }
        for w in &cfile.blockers.words {
            add(w, true, Target::Blocker, "blocker".into(), cpath, csrc)?;
        }

        let mut chips = Vec::new();
        for (i, c) in kfile.chip.iter().enumerate() {
            let owner = format!("chip \"{}\"", c.canonical);
            if !company_names.contains_key(&c.vendor) {
                return Err(invalid(
                    kpath,
                    ksrc,
                    &c.canonical,
                    format!(
                        "{owner}: vendor \"{}\" is not a company in {cpath}",
                        c.vendor
                    ),
                ));
            }
            for a in &c.aliases {
                add(a, false, Target::Chip(i), owner.clone(), kpath, ksrc)?;
            }
            for a in &c.exact {
                add(a, true, Target::Chip(i), owner.clone(), kpath, ksrc)?;
            }
            chips.push(Chip {
                canonical: c.canonical.clone(),
                vendor: c.vendor.clone(),
            });
        }
        let mut model_codes: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, c) in kfile.chip.iter().enumerate() {
            for a in c.aliases.iter().chain(&c.exact) {
                let Some(code) = model_code(&folder.fold(a.trim())) else {
                    continue;
                };
                if owners.contains_key(&code.to_ascii_lowercase()) {
                    continue; // the code is an alias of its own
                }
                let list = model_codes.entry(code).or_default();
                if !list.contains(&i) {
                    list.push(i);
                }
            }
        }

        let mut patterns = Vec::new();
        for p in &kfile.pattern {
            if !company_names.contains_key(&p.vendor) {
                return Err(invalid(
                    kpath,
                    ksrc,
                    &p.regex,
                    format!(
                        "pattern vendor \"{}\" is not a company in {cpath}",
                        p.vendor
                    ),
                ));
            }
            let regex = regex::Regex::new(&p.regex)
                .map_err(|e| invalid(kpath, ksrc, &p.regex, format!("bad pattern regex: {e}")))?;
            if !regex.capture_names().any(|n| n == Some("model")) {
                return Err(invalid(
                    kpath,
                    ksrc,
                    &p.regex,
                    "pattern regex needs a (?P<model>...) group".into(),
                ));
            }
            let upper = match p.case.as_deref() {
                None | Some("upper") => true,
                Some("keep") => false,
                Some(other) => {
                    return Err(invalid(
                        kpath,
                        ksrc,
                        &p.regex,
                        format!("case must be \"upper\" or \"keep\", not \"{other}\""),
                    ))
                }
            };
            let bare =
                match &p.bare {
                    None => None,
                    Some(b) => Some(regex::Regex::new(&format!("^(?P<model>{b})$")).map_err(
                        |e| invalid(kpath, ksrc, b, format!("bad bare model regex: {e}")),
                    )?),
                };
            patterns.push(ChipPattern {
                vendor: p.vendor.clone(),
                regex,
                template: p.canonical.clone(),
                upper,
                bare,
            });
        }

        // a full DFA: built once, the fastest search (about 1,000 aliases)
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .kind(Some(AhoCorasickKind::DFA))
            .build(aliases.iter().map(|a| a.text.as_str()))
            .map_err(|e| ConfigError::Invalid {
                path: cpath.to_string(),
                message: format!("cannot compile aliases: {e}"),
            })?;

        Ok(Gazetteer {
            companies,
            chips,
            patterns,
            system_followers: kfile
                .systems
                .followers
                .iter()
                .map(|f| folder.fold(f).to_lowercase())
                .collect(),
            model_codes,
            aliases,
            vocabulary,
            ac,
        })
    }

    pub(crate) fn vocabulary(&self) -> Vec<String> {
        self.vocabulary.clone()
    }

    /// The canonical name an alias or canonical name (folded) stands for,
    /// compared without case.
    pub(crate) fn canonical_of(&self, folded: &str) -> Option<&str> {
        let want = folded.to_lowercase();
        let canonical = |t: Target| match t {
            Target::Company(i) => self.companies.get(i).map(|c| c.canonical.as_str()),
            Target::Chip(i) => self.chips.get(i).map(|c| c.canonical.as_str()),
            Target::Blocker => None,
        };
        self.aliases
            .iter()
            .filter(|a| a.text.to_lowercase() == want)
            .find_map(|a| canonical(a.target))
            .or_else(|| {
                let names = self.companies.iter().map(|c| c.canonical.as_str());
                names
                    .chain(self.chips.iter().map(|c| c.canonical.as_str()))
                    .find(|n| n.to_lowercase() == want)
            })
    }

    /// All alias occurrences, leftmost-longest, non-overlapping. A match that
    /// breaks a rule (case, word or token boundary) is dropped and the search
    /// resumes one character later, so a shorter valid alias there can win.
    pub(crate) fn scan(&self, doc: &Doc) -> Vec<Hit> {
        let hay = doc.folded.as_str();
        let mut hits = Vec::new();
        let mut pos = 0usize;
        while pos < hay.len() {
            let Some(m) = self.ac.find(Input::new(hay).span(pos..hay.len())) else {
                break;
            };
            let alias = &self.aliases[m.pattern().as_usize()];
            let (s, e) = (doc.fchar(m.start()), doc.fchar(m.end()));
            if self.accept(alias, doc, s, e, &hay[m.start()..m.end()]) {
                if alias.target != Target::Blocker {
                    if let Target::Chip(c) = alias.target {
                        if let Some(hit) = self.vendor_prefix(c, &hay[m.start()..m.end()], s) {
                            hits.push(hit);
                        }
                    }
                    hits.push(Hit {
                        start: s,
                        end: e,
                        target: alias.target,
                    });
                }
                pos = m.end().max(pos + 1);
            } else {
                pos = doc.fbyte(s + 1).max(pos + 1);
            }
            while pos < hay.len() && !hay.is_char_boundary(pos) {
                pos += 1;
            }
        }
        hits
    }

    /// A chip alias that starts with its vendor's name (`昆仑芯P800`,
    /// `平头哥PPU`) names the company too: the company hit over that prefix.
    fn vendor_prefix(&self, chip: usize, matched: &str, start: usize) -> Option<Hit> {
        let vendor = &self.chips.get(chip)?.vendor;
        self.aliases
            .iter()
            .filter(|a| {
                matches!(a.target, Target::Company(i)
                    if self.companies.get(i).is_some_and(|c| &c.canonical == vendor))
            })
            .filter(|a| matched.starts_with(&a.text) && matched.len() > a.text.len())
            .max_by_key(|a| a.text.len())
            .map(|a| Hit {
                start,
                end: start + a.text.chars().count(),
                target: a.target,
            })
    }

    fn accept(&self, alias: &Alias, doc: &Doc, s: usize, e: usize, matched: &str) -> bool {
        if alias.exact && matched != alias.text {
            return false;
        }
        let is_chip = matches!(alias.target, Target::Chip(_));
        let (Some(first), Some(last)) = (alias.text.chars().next(), alias.text.chars().last())
        else {
            return false;
        };
        latin_start_ok(doc, s, first)
            && latin_end_ok(doc, e, last, is_chip)
            && han_start_ok(doc, s, first)
            && han_end_ok(doc, e, last)
    }
}

/// The model code at the end of a chip alias that also carries a product or
/// vendor name: the trailing run of ASCII letters and digits, 3 to 8 long,
/// with at least one letter and one digit (`Ascend 910B` -> `910B`,
/// `昆仑芯M100` -> `M100`). Pure numbers (`思元590` -> `590`) are too
/// ambiguous to read alone; `Core i7-1370P` has no code (a hyphen joins it).
pub(crate) fn model_code(alias: &str) -> Option<String> {
    let start = alias
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_alphanumeric())
        .last()
        .map(|(i, _)| i)?;
    let code = &alias[start..];
    let prefix = alias[..start].trim_end();
    if prefix.is_empty() || prefix.ends_with('-') || !(3..=8).contains(&code.len()) {
        return None;
    }
    let letters = code.chars().filter(|c| c.is_ascii_alphabetic()).count();
    if letters == 0 || letters == code.len() {
        return None;
    }
    Some(code.to_ascii_uppercase())
}

/// `AMD`, `ASE`, `IDC`: upper-case codes of at most 4 letters or digits with
/// at least one letter match only as written.
fn is_short_acronym(s: &str) -> bool {
    let n = s.chars().count();
    (2..=4).contains(&n)
        && s.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && s.chars().any(|c| c.is_ascii_uppercase())
}

/// Left boundary of a Latin-initial match: no ASCII letter before it, and no
/// digit before an alias that starts with a digit.
pub(crate) fn latin_start_ok(doc: &Doc, s: usize, first: char) -> bool {
    if !first.is_ascii_alphanumeric() || s == 0 {
        return true;
    }
    match doc.char_at(s - 1) {
        Some(p) if p.is_ascii_alphabetic() => false,
        Some(p) if p.is_ascii_digit() && first.is_ascii_digit() => false,
        Some(p) if p == '-' || p == '_' => {
            !matches!(s.checked_sub(2).and_then(|i| doc.char_at(i)), Some(q) if q.is_ascii_alphanumeric())
        }
        _ => true,
    }
}

/// Right boundary of a Latin-final match: no ASCII letter after it (a chip
/// may take a plural `s`), and no digit after an alias ending in a digit.
pub(crate) fn latin_end_ok(doc: &Doc, e: usize, last: char, plural_ok: bool) -> bool {
    if !last.is_ascii_alphanumeric() {
        return true;
    }
    match doc.char_at(e) {
        Some('s') if plural_ok => {
            !matches!(doc.char_at(e + 1), Some(c) if c.is_ascii_alphanumeric())
        }
        Some(n) if n.is_ascii_alphabetic() => false,
        // a chip glued to a year: `Ascend 950PR2026年`
        Some(n) if n.is_ascii_digit() => !last.is_ascii_digit() && plural_ok && year_at(doc, e),
        Some('.') if last.is_ascii_digit() => {
            !matches!(doc.char_at(e + 1), Some(c) if c.is_ascii_digit())
        }
        _ => true,
    }
}

/// Four digits of a year (19xx/20xx) at `i`, not followed by a digit.
fn year_at(doc: &Doc, i: usize) -> bool {
    let d: Vec<char> = (i..i + 5).filter_map(|k| doc.char_at(k)).collect();
    d.len() >= 4
        && d[..4].iter().all(|c| c.is_ascii_digit())
        && matches!((d[0], d[1]), ('1', '9') | ('2', '0'))
        && !d.get(4).is_some_and(|c| c.is_ascii_digit())
}

/// A Han-initial match must start a token when the tokens say so.
pub(crate) fn han_start_ok(doc: &Doc, s: usize, first: char) -> bool {
    !is_han(first) || doc.starts_token(s)
}

/// Generic words a name may be glued to inside one token (华为云, 英伟达公司).
const GLUE_SUFFIXES: &[&str] = &[
    "公司", "集团", "科技", "股份", "云", "的", "等", "和", "与", "在", "是", "将", "也", "已",
    "芯片", "旗下", "推出", "发布", "表示", "称",
    // a legal name (`华为技术有限公司`, `曙光信息产业股份有限公司`)
    "有限", "产业",
];

/// A Han-final match must end a token when the tokens say so, unless the
/// rest of that token is a generic suffix.
pub(crate) fn han_end_ok(doc: &Doc, e: usize, last: char) -> bool {
    if !is_han(last) {
        return true;
    }
    match doc.token_end_after(e) {
        None => true,
        Some(end) => {
            let rest = doc.fslice(e, end);
            GLUE_SUFFIXES.iter().any(|s| rest.starts_with(s))
        }
    }
}
