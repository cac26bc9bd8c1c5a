//! Facts: companies, chips and figures, each pointing back at its evidence.

use serde::{Deserialize, Serialize, Serializer};

/// The kind of a fact, as used by `dump --kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FactKind {
    Company,
    Chip,
    Figure,
}

impl FactKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FactKind::Company => "company",
            FactKind::Chip => "chip",
            FactKind::Figure => "figure",
        }
    }
}

/// How a figure is qualified in the text (`约`, `超过`, `nearly`, `up to`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    About,
    Over,
    Under,
    UpTo,
}

/// One extracted fact. `start`/`end` are Unicode character offsets into the
/// clean text (end exclusive); `sentence` is the sentence it stands in.
///
/// The JSON shape is the public contract of `newsfacts extract` and `dump`:
/// fields may be added, never renamed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Fact {
    Company {
        canonical: String,
        surface: String,
        start: usize,
        end: usize,
        sentence: String,
    },
    Chip {
        canonical: String,
        vendor: String,
        surface: String,
        start: usize,
        end: usize,
        sentence: String,
    },
    Figure {
        surface: String,
        #[serde(serialize_with = "number")]
        value: f64,
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            serialize_with = "opt_number"
        )]
        value_max: Option<f64>,
        unit: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        qualifier: Option<Qualifier>,
        start: usize,
        end: usize,
        sentence: String,
        about: Option<String>,
    },
}

impl Fact {
    pub fn kind(&self) -> FactKind {
        match self {
            Fact::Company { .. } => FactKind::Company,
            Fact::Chip { .. } => FactKind::Chip,
            Fact::Figure { .. } => FactKind::Figure,
        }
    }

    /// Character span `(start, end)` in the clean text.
    pub fn span(&self) -> (usize, usize) {
        match self {
            Fact::Company { start, end, .. }
            | Fact::Chip { start, end, .. }
            | Fact::Figure { start, end, .. } => (*start, *end),
        }
    }

    pub fn surface(&self) -> &str {
        match self {
            Fact::Company { surface, .. }
            | Fact::Chip { surface, .. }
            | Fact::Figure { surface, .. } => surface,
        }
    }

    /// Entity names this fact is indexed under: the canonical name of a
    /// company or chip, the vendor of a chip, the `about` of a figure.
    pub fn entities(&self) -> Vec<&str> {
        match self {
            Fact::Company { canonical, .. } => vec![canonical.as_str()],
            Fact::Chip {
                canonical, vendor, ..
            } => vec![canonical.as_str(), vendor.as_str()],
            Fact::Figure { about, .. } => about.iter().map(String::as_str).collect(),
        }
    }
}

/// Largest integer an f64 holds exactly.
const EXACT_INTEGER_LIMIT: f64 = 9_007_199_254_740_992.0;

/// Writes whole numbers as JSON integers (`329882000000`, not
/// `329882000000.0`) and everything else as floats.
fn number<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    if v.is_finite() && v.fract() == 0.0 && v.abs() < EXACT_INTEGER_LIMIT {
        s.serialize_i64(*v as i64)
    } else {
        s.serialize_f64(*v)
    }
}

fn opt_number<S: Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(v) => number(v, s),
        None => s.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figure_serialises_whole_values_as_integers_and_keeps_the_contract_shape() {
        let f = Fact::Figure {
            surface: "3298.82亿元".into(),
            value: 329_882_000_000.0,
            value_max: None,
            unit: "CNY".into(),
            qualifier: None,
            start: 3,
            end: 12,
            sentence: "总市值达到3298.82亿元".into(),
            about: Some("MetaX".into()),
        };
        let json = serde_json::to_string(&f).unwrap();
        assert_eq!(
            json,
            r#"{"kind":"figure","surface":"3298.82亿元","value":329882000000,"unit":"CNY","start":3,"end":12,"sentence":"总市值达到3298.82亿元","about":"MetaX"}"#
        );
        let back: Fact = serde_json::from_str(&json).unwrap();
        assert_eq!(back, f);
    }

    #[test]
    fn fractional_values_stay_floats() {
        let f = Fact::Figure {
            surface: "0.5倍".into(),
            value: 0.5,
            value_max: Some(1.5),
            unit: "x".into(),
            qualifier: Some(Qualifier::About),
            start: 0,
            end: 3,
            sentence: String::new(),
            about: None,
        };
        let json = serde_json::to_string(&f).unwrap();
        assert!(json.contains(r#""value":0.5,"value_max":1.5"#), "{json}");
        assert!(json.contains(r#""qualifier":"about""#), "{json}");
    }

    #[test]
    fn chip_is_indexed_under_model_and_vendor() {
        let f = Fact::Chip {
            canonical: "NVIDIA H100".into(),
            vendor: "NVIDIA".into(),
            surface: "H100".into(),
            start: 0,
            end: 4,
            sentence: "H100".into(),
        };
        assert_eq!(f.entities(), vec!["NVIDIA H100", "NVIDIA"]);
        assert_eq!(f.kind(), FactKind::Chip);
    }
}
