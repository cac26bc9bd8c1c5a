//! Traditional -> Simplified conversion for segmentation, with a map back.
//!
//! Owns: turning a text into the Simplified form jieba's dictionary knows
//! (via `fast2s`, a character-for-character converter), and mapping byte
//! offsets of the converted text back to byte offsets of the original.
//! Must not know: how the converted text is segmented, token kinds, or the
//! domain vocabulary.

use std::borrow::Cow;

/// A text converted to Simplified Chinese, with a way back to the original
/// byte offsets.
pub(crate) struct Simplified<'a> {
    text: Cow<'a, str>,
    map: OffsetMap,
}

/// How byte offsets of the converted text relate to the original.
enum OffsetMap {
    /// Every character kept its UTF-8 length: offsets are the same.
    Identity,
    /// Byte offsets of each converted character boundary and the original
    /// boundary it comes from, ascending; the text ends are included.
    Table(Vec<(usize, usize)>),
}

impl<'a> Simplified<'a> {
    /// Converts `text`. Texts without any character the converter could
    /// change (nothing outside ASCII and 2-byte UTF-8) are borrowed.
    pub(crate) fn new(text: &'a str) -> Self {
        if !text.bytes().any(|b| b >= 0xE0) {
            return Simplified {
                text: Cow::Borrowed(text),
                map: OffsetMap::Identity,
            };
        }
        let converted = fast2s::convert(text);
        let map = if same_boundaries(text, &converted) {
            OffsetMap::Identity
        } else {
            OffsetMap::Table(boundary_table(text, &converted))
        };
        Simplified {
            text: Cow::Owned(converted),
            map,
        }
    }

    /// The Simplified text.
    pub(crate) fn text(&self) -> &str {
        &self.text
    }

    /// The original byte offset of a character boundary `pos` of the
    /// converted text. Offsets that are not boundaries round down.
    pub(crate) fn original(&self, pos: usize) -> usize {
        match &self.map {
            OffsetMap::Identity => pos,
            OffsetMap::Table(table) => match table.binary_search_by_key(&pos, |&(c, _)| c) {
                Ok(i) => table[i].1,
                Err(i) => table[i.saturating_sub(1)].1,
            },
        }
    }

    /// The converted byte offset of an original character boundary `pos`.
    pub(crate) fn converted(&self, pos: usize) -> usize {
        match &self.map {
            OffsetMap::Identity => pos,
            OffsetMap::Table(table) => match table.binary_search_by_key(&pos, |&(_, o)| o) {
                Ok(i) => table[i].0,
                Err(i) => table[i.saturating_sub(1)].0,
            },
        }
    }
}

/// Whether the two texts have the same length and every character the same
/// UTF-8 length, so byte offsets carry over unchanged.
fn same_boundaries(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.chars()
            .zip(b.chars())
            .all(|(x, y)| x.len_utf8() == y.len_utf8())
}

/// Pairs of (converted, original) boundary offsets, one per character plus
/// the end. The converter maps one character to one character.
fn boundary_table(original: &str, converted: &str) -> Vec<(usize, usize)> {
    let mut table: Vec<(usize, usize)> = converted
        .char_indices()
        .map(|(c, _)| c)
        .zip(original.char_indices().map(|(o, _)| o))
        .collect();
    table.push((converted.len(), original.len()));
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_traditional_and_keeps_offsets() {
        let s = Simplified::new("英偉達發佈新晶片");
        assert_eq!(s.text(), "英伟达发布新晶片");
        assert_eq!(s.original(9), 9);
    }

    #[test]
    fn ascii_is_borrowed() {
        let s = Simplified::new("NVIDIA H100");
        assert!(matches!(s.text, Cow::Borrowed(_)));
    }

    #[test]
    fn table_maps_both_ways() {
        let table = boundary_table("aé中", "ab中");
        let s = Simplified {
            text: Cow::Borrowed("ab中"),
            map: OffsetMap::Table(table),
        };
        assert_eq!(s.original(2), 3);
        assert_eq!(s.converted(3), 2);
        assert_eq!(s.original(5), 6);
    }
}
