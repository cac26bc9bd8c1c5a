//! Plain data types shared by every newsfacts stage.
//!
//! This crate owns the data model of DESIGN.md: [`RawPage`] (what the fetcher
//! produced), [`CleanDoc`] (what the cleaner kept and what it dropped),
//! [`Token`] (what the segmenter found) and [`Fact`] (what the extractor
//! found). It holds no logic beyond small helpers on these types and must not
//! know about any stage, the store, or the command line.
//!
//! Offsets: [`Token`] and [`Span`] use **byte** offsets into the clean text
//! (cheap to slice in Rust); [`Fact`] uses **Unicode character** offsets
//! (`end` exclusive), because facts are the public JSON contract and
//! analysts index strings by character. [`char_offsets`] converts.

mod fact;
mod page;
mod text;

pub use fact::{Fact, FactKind, Qualifier};
pub use page::{CleanDoc, DropReason, Dropped, Lang, RawPage, Span};
pub use text::{char_offsets, ByteToChar, Token, TokenKind};

/// Version of the cleaning and extraction rules. Stored with every document
/// so that `reprocess --stale-only` knows which documents an older rule set
/// produced. Bump it whenever a change alters cleaner or extractor output.
pub const RULES_VERSION: u32 = 2;
