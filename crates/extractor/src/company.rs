//! Company mentions: turns gazetteer hits that name a company into mentions.
//!
//! Owns: nothing but the mapping hit -> (canonical, span).
//! Must not know: alias rules (gazetteer.rs), chips, figures, sentences.

use crate::gazetteer::{Gazetteer, Hit, Target};

/// A company named in the text (character offsets).
#[derive(Debug, Clone)]
pub(crate) struct CompanyMention {
    pub canonical: String,
    pub start: usize,
    pub end: usize,
}

pub(crate) fn mentions(gaz: &Gazetteer, hits: &[Hit]) -> Vec<CompanyMention> {
    hits.iter()
        .filter_map(|h| match h.target {
            Target::Company(i) => gaz.companies.get(i).map(|c| CompanyMention {
                canonical: c.canonical.clone(),
                start: h.start,
                end: h.end,
            }),
            _ => None,
        })
        .collect()
}
