//! The working document the detectors share, and the [`Detector`] trait.
//!
//! Owns: the list of candidate blocks (paragraphs or lines) produced by the
//! HTML or text-dump front end, the page-level hints (title, published time,
//! preliminary language) and the helpers every detector uses to remove a
//! whole block, cut the tail of the page or remove spans inside a block while
//! recording what was dropped and why.
//! Must not know: any rule about what is noise; those live in one detector
//! per file.

use model::{DropReason, Dropped, Lang};
use std::borrow::Cow;
use std::ops::Range;

/// Longest excerpt kept in [`Dropped`], in chars.
const EXCERPT_CHARS: usize = 200;

/// Most [`Dropped`] records kept for one page; further drops are counted in
/// [`Work::unlisted`] and summarised in one last record, so a 50 MB page of
/// repeated chrome does not keep a second copy of itself as excerpts.
pub const MAX_DROPPED: usize = 5000;

/// What kind of source element a block came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A line of a text dump.
    Line,
    /// An HTML paragraph-like element.
    Para,
    Heading,
    ListItem,
    Caption,
    Quote,
    /// Preformatted text (`<pre>`), one block per line: code, data.
    Pre,
    /// A table row, its cells joined by spaces.
    Row,
}

/// One candidate paragraph. Its text borrows from the page (or from the
/// page's flattened lines) until a detector rewrites it.
#[derive(Debug, Clone)]
pub struct Block<'a> {
    pub text: Cow<'a, str>,
    pub kind: BlockKind,
    /// Chars of `text` that were link text (HTML only, 0 for text dumps);
    /// 32 bits keep the block small on pages of hundreds of thousands of
    /// lines (a block is capped far below 4 G chars by the page limit).
    pub link_chars: u32,
    pub alive: bool,
    /// Set by a detector that decided the block is certainly article text
    /// (the title line); later detectors leave it alone.
    pub protected: bool,
    /// [`GAP_BEFORE`] and [`NO_FOLD_CACHE`]: two flags in one byte keep a
    /// block at 48 bytes (pages of a million lines hold a million blocks).
    flags: u8,
    /// `fold(text)`, computed once for all detectors; reset by the `Work`
    /// methods that edit `text` (detectors must edit through them).
    folded: std::cell::OnceCell<Box<str>>,
}

/// A text dump had a blank line right above this line (never for HTML):
/// dumps that keep blank lines set paragraphs apart with them, not the
/// items of a list.
const GAP_BEFORE: u8 = 1;
/// `folded` is not kept: on a huge page the cache would be a second copy
/// of the whole text ([`FOLD_CACHE_MAX_BYTES`]).
const NO_FOLD_CACHE: u8 = 2;

/// Pages whose blocks hold more text than this fold each block when asked
/// instead of keeping the folded copy: memory stays about one copy of the
/// page (the 50 MB-page target), time grows a little on those pages only.
pub const FOLD_CACHE_MAX_BYTES: usize = 4 * 1024 * 1024;

impl<'a> Block<'a> {
    pub fn new(text: impl Into<Cow<'a, str>>, kind: BlockKind) -> Self {
        Block {
            text: text.into(),
            kind,
            link_chars: 0,
            alive: true,
            protected: false,
            flags: 0,
            folded: std::cell::OnceCell::new(),
        }
    }

    /// Whether a blank line stood right above this line of a text dump.
    pub fn gap_before(&self) -> bool {
        self.flags & GAP_BEFORE != 0
    }

    /// Marks a line of a text dump that had a blank line above it.
    pub fn set_gap_before(&mut self, gap: bool) {
        if gap {
            self.flags |= GAP_BEFORE;
        } else {
            self.flags &= !GAP_BEFORE;
        }
    }

    /// The text folded for vocabulary matching ([`crate::script::fold`]),
    /// computed on first use and kept, except on huge pages.
    pub fn folded(&self) -> Cow<'_, str> {
        if let Some(f) = self.folded.get() {
            return Cow::Borrowed(f);
        }
        if self.flags & NO_FOLD_CACHE != 0 {
            return Cow::Owned(crate::script::fold(&self.text));
        }
        Cow::Borrowed(
            self.folded
                .get_or_init(|| crate::script::fold(&self.text).into_boxed_str()),
        )
    }

    /// Forgets the folded text after an edit.
    fn edited(&mut self) {
        self.folded = std::cell::OnceCell::new();
    }
}

/// The document as it moves through the detector chain.
#[derive(Debug, Clone)]
pub struct Work<'a> {
    pub blocks: Vec<Block<'a>>,
    pub title: Option<String>,
    pub published: Option<String>,
    /// Language of the whole input, estimated before cleaning.
    pub lang: Lang,
    pub dropped: Vec<Dropped>,
    /// Drops past [`MAX_DROPPED`], counted but not listed.
    pub unlisted: usize,
    /// The blocks are a subtitle file's cues: spoken lines without
    /// punctuation, none of them page chrome by its shape.
    pub spoken: bool,
}

/// One kind of noise. Each detector marks what it removes with its reason.
pub trait Detector {
    /// Short name, for logs and tests.
    fn name(&self) -> &'static str;
    /// Inspects the alive blocks and drops or edits what it owns.
    fn run(&self, work: &mut Work<'_>);
}

pub fn excerpt(s: &str) -> String {
    let s = s.trim();
    match s.char_indices().nth(EXCERPT_CHARS) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

impl<'a> Work<'a> {
    /// A page of one block per line, all of one kind (tests build their
    /// pages this way).
    #[cfg(test)]
    pub fn of_lines(lines: &[&'a str], kind: BlockKind) -> Self {
        Work::new(lines.iter().map(|l| Block::new(*l, kind)).collect())
    }

    /// The texts of the alive blocks, in order (tests compare them).
    #[cfg(test)]
    pub fn alive_texts(&self) -> Vec<String> {
        self.alive()
            .iter()
            .map(|&i| self.blocks[i].text.to_string())
            .collect()
    }

    pub fn new(mut blocks: Vec<Block<'a>>) -> Self {
        let bytes: usize = blocks.iter().map(|b| b.text.len()).sum();
        if bytes > FOLD_CACHE_MAX_BYTES {
            for b in &mut blocks {
                b.flags |= NO_FOLD_CACHE;
            }
        }
        Work {
            blocks,
            title: None,
            published: None,
            lang: Lang::En,
            dropped: Vec::new(),
            unlisted: 0,
            spoken: false,
        }
    }

    /// Indices of blocks still alive, in order.
    pub fn alive(&self) -> Vec<usize> {
        (0..self.blocks.len())
            .filter(|&i| self.blocks[i].alive)
            .collect()
    }

    pub fn record(&mut self, reason: DropReason, text: &str) {
        if self.dropped.len() >= MAX_DROPPED {
            self.unlisted += 1;
            return;
        }
        if !text.trim().is_empty() {
            self.dropped.push(Dropped {
                reason,
                excerpt: excerpt(text),
            });
        }
    }

    /// Drops block `i` whole. With `NEWSFACTS_TRACE_DROPS` set, each drop
    /// is printed on stderr with the rule's source line, for people
    /// working on the rules.
    #[track_caller]
    pub fn drop_block(&mut self, i: usize, reason: DropReason) {
        if let Some(b) = self.blocks.get_mut(i) {
            if b.alive {
                if trace_drops() {
                    let head: String = b.text.chars().take(40).collect();
                    eprintln!(
                        "drop {reason:?} at {}: {head}",
                        std::panic::Location::caller()
                    );
                }
                b.alive = false;
                let t = std::mem::take(&mut b.text);
                self.record(reason, &t);
                if let Some(b) = self.blocks.get_mut(i) {
                    b.text = t;
                }
            }
        }
    }

    /// Drops each of `blocks` that is still alive and not protected (a
    /// detector's collected finds, which may overlap or hold the title).
    #[track_caller]
    pub fn drop_unprotected(
        &mut self,
        blocks: impl IntoIterator<Item = usize>,
        reason: DropReason,
    ) {
        for i in blocks {
            if self.blocks.get(i).is_some_and(|b| b.alive && !b.protected) {
                self.drop_block(i, reason);
            }
        }
    }

    /// Drops everything from byte `pos` of block `i` to the end of the page.
    pub fn cut_from(&mut self, i: usize, pos: usize, reason: DropReason) {
        if i >= self.blocks.len() {
            return;
        }
        let mut tail = String::new();
        {
            let b = &mut self.blocks[i];
            let pos = floor_boundary(&b.text, pos);
            tail.push_str(&b.text[pos..]);
            let kept = b.text[..pos].trim_end().len();
            truncate(&mut b.text, kept);
            b.edited();
            if b.text.trim().is_empty() {
                b.alive = false;
            }
        }
        for j in i + 1..self.blocks.len() {
            if self.blocks[j].alive {
                self.blocks[j].alive = false;
                tail.push('\n');
                tail.push_str(&self.blocks[j].text);
            }
        }
        self.record(reason, &tail);
    }

    /// Removes byte ranges from block `i` (they may be unsorted or overlap),
    /// records each, then tidies white space. Drops the block if nothing of
    /// substance is left.
    pub fn remove_ranges(&mut self, i: usize, mut ranges: Vec<Range<usize>>, reason: DropReason) {
        if i >= self.blocks.len() || ranges.is_empty() {
            return;
        }
        ranges.sort_by_key(|r| (r.start, r.end));
        let text = std::mem::take(&mut self.blocks[i].text);
        let mut out = String::with_capacity(text.len());
        let mut last = 0usize;
        let mut removed = Vec::new();
        for r in ranges {
            let start = floor_boundary(&text, r.start.max(last));
            let end = floor_boundary(&text, r.end.min(text.len()));
            if start >= end {
                continue;
            }
            out.push_str(&text[last..start]);
            removed.push(text[start..end].to_string());
            last = end;
        }
        out.push_str(&text[last..]);
        for r in removed {
            self.record(reason, &r);
        }
        let tidy = tidy_spaces(&out);
        let b = &mut self.blocks[i];
        if !has_substance(&tidy) {
            b.alive = false;
            b.text = text;
        } else {
            b.text = Cow::Owned(tidy);
            b.edited();
        }
    }

    /// Total chars of alive text.
    /// Whether the blocks at `indices` are all dump lines (a text dump's,
    /// not an HTML page's paragraphs, headings or rows).
    pub fn lines_only(&self, indices: &[usize]) -> bool {
        indices.iter().all(|&i| {
            self.blocks
                .get(i)
                .is_some_and(|b| b.kind == BlockKind::Line)
        })
    }

    pub fn alive_chars(&self) -> usize {
        self.blocks
            .iter()
            .filter(|b| b.alive)
            .map(|b| b.text.chars().count())
            .sum()
    }
}

/// Shortens a block's text to `len` bytes (a char boundary) without
/// copying it.
fn truncate(text: &mut Cow<'_, str>, len: usize) {
    match text {
        Cow::Borrowed(s) => *s = &s[..len],
        Cow::Owned(s) => s.truncate(len),
    }
}

/// Largest char boundary `<= pos`.
pub fn floor_boundary(s: &str, pos: usize) -> usize {
    let mut p = pos.min(s.len());
    while p > 0 && !s.is_char_boundary(p) {
        p -= 1;
    }
    p
}

/// True when `s` holds at least one letter, digit or Han character.
pub fn has_substance(s: &str) -> bool {
    s.chars().any(|c| c.is_alphanumeric())
}

/// Collapses runs of white space to one space, drops spaces that removal
/// left before CJK or closing punctuation, and trims.
pub fn tidy_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            let prev = out.chars().next_back();
            // Full-width marks glue to both sides; quotes, dashes and
            // ellipses are shared with English, where the space stays,
            // and glue only to Han text.
            let shared = |c: char| matches!(c, '“' | '”' | '‘' | '’' | '—' | '…' | '·');
            let full_width = |c: char| crate::script::is_cjk_punct(c) && !shared(c);
            let han_side = crate::script::is_han(c) || prev.is_some_and(crate::script::is_han);
            let glue = matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | ')' | ']')
                || full_width(c)
                || prev.is_some_and(full_width)
                || ((shared(c) || prev.is_some_and(shared)) && han_side);
            if !glue {
                out.push(' ');
            }
            pending_space = false;
        }
        out.push(c);
    }
    out
}

/// Whether `NEWSFACTS_TRACE_DROPS` is set (read once).
fn trace_drops() -> bool {
    static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("NEWSFACTS_TRACE_DROPS").is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(target_pointer_width = "64")]
    fn a_block_stays_at_48_bytes() {
        assert_eq!(std::mem::size_of::<Block<'_>>(), 48);
    }

    #[test]
    fn the_gap_flag_leaves_the_fold_cache_alone() {
        let mut b = Block::new("某某", BlockKind::Line);
        b.set_gap_before(true);
        assert!(b.gap_before());
        b.flags |= NO_FOLD_CACHE;
        b.set_gap_before(false);
        assert!(!b.gap_before() && b.flags & NO_FOLD_CACHE != 0);
    }

    #[test]
    fn tidy_spaces_keeps_english_quotes_apart_and_glues_chinese_ones() {
        assert_eq!(
            tidy_spaces("He said  “we will ship”  in May."),
            "He said “we will ship” in May."
        );
        assert_eq!(
            tidy_spaces("他表示 “明年量产” ，订单充足。"),
            "他表示“明年量产”，订单充足。"
        );
        assert_eq!(tidy_spaces("营收 增长 ， 达到"), "营收 增长，达到");
    }

    #[test]
    fn remove_ranges_tidies_and_records() {
        let mut w = Work::new(vec![Block::new("abc [1] def", BlockKind::Line)]);
        w.remove_ranges(0, std::iter::once(4..7).collect(), DropReason::Citation);
        assert_eq!(w.blocks[0].text, "abc def");
        assert_eq!(w.dropped[0].excerpt, "[1]");
    }

    #[test]
    fn folded_text_follows_edits() {
        let mut w = Work::new(vec![Block::new("頭條 [1] NEWS. 尾巴", BlockKind::Line)]);
        assert_eq!(w.blocks[0].folded(), "头条 [1] news. 尾巴");
        w.remove_ranges(0, std::iter::once(7..11).collect(), DropReason::Citation);
        assert_eq!(w.blocks[0].folded(), crate::script::fold(&w.blocks[0].text));
        w.cut_from(
            0,
            w.blocks[0].text.find('.').unwrap_or(0) + 1,
            DropReason::Disclaimer,
        );
        assert_eq!(w.blocks[0].folded(), crate::script::fold(&w.blocks[0].text));
        assert!(!w.blocks[0].folded().contains("尾巴"));
    }

    #[test]
    fn cut_from_drops_tail() {
        let mut w = Work::new(vec![
            Block::new("body. tail", BlockKind::Line),
            Block::new("more tail", BlockKind::Line),
        ]);
        w.cut_from(0, 6, DropReason::Disclaimer);
        assert_eq!(w.blocks[0].text, "body.");
        assert!(!w.blocks[1].alive);
        assert_eq!(w.dropped.len(), 1);
    }
}
