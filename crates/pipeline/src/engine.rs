//! Bytes -> analysed document: the order of the stages for one page.
//!
//! Owns: sniffing (empty/binary input is an error), decoding, cleaning,
//! segmenting and extracting one page, and building the segmenter and
//! extractor once per process (the segmenter only when first needed, so
//! `newsfacts clean` does not pay for loading the dictionary; it builds no
//! engine at all and calls [`Engine::clean_owned`]).
//! Must not know: where pages come from or where results go.

use crate::PipelineError;
use extractor::Extractor;
use fetcher::{Decoded, Sniffed};
use model::{CleanDoc, Fact, RawPage};
use segmenter::Segmenter;
use std::path::Path;
use std::sync::OnceLock;

/// One page, cleaned and with its facts.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub doc: CleanDoc,
    pub facts: Vec<Fact>,
    /// The charset the page was decoded with.
    pub charset: String,
    /// The charset the page declared, when it did.
    pub declared_charset: Option<String>,
}

/// The stages, ready to run.
pub struct Engine {
    extractor: Extractor,
    segmenter: OnceLock<Segmenter>,
}

impl Engine {
    /// Loads the gazetteers (from `gazetteers` when given, else the ones
    /// built into the binary).
    pub fn new(gazetteers: Option<&Path>) -> Result<Self, PipelineError> {
        let extractor = match gazetteers {
            Some(dir) => Extractor::from_dir(dir)?,
            None => Extractor::bundled()?,
        };
        Ok(Engine {
            extractor,
            segmenter: OnceLock::new(),
        })
    }

    fn segmenter(&self) -> &Segmenter {
        self.segmenter.get_or_init(|| {
            let vocabulary = self.extractor.vocabulary();
            Segmenter::new(vocabulary.iter().map(String::as_str))
        })
    }

    /// Decodes a page's bytes, refusing empty and binary input.
    pub fn decode(
        source: &str,
        bytes: &[u8],
        content_type: Option<&str>,
    ) -> Result<Decoded, PipelineError> {
        Self::check_sniff(source, bytes)?;
        fetcher::decode(bytes, content_type).map_err(|e| PipelineError::input(source, e))
    }

    /// Refuses empty and binary input.
    fn check_sniff(source: &str, bytes: &[u8]) -> Result<(), PipelineError> {
        match fetcher::sniff(bytes) {
            Sniffed::Empty => Err(PipelineError::input(source, "empty input")),
            Sniffed::Binary(what) => Err(PipelineError::input(
                source,
                format!("binary data ({what}), not a text or HTML page"),
            )),
            Sniffed::Text => Ok(()),
        }
    }

    /// The canonical company or chip name for a name or alias in any
    /// script (`英偉達` -> `NVIDIA`), as facts and the store use it.
    pub fn canonical_name(&self, name: &str) -> Option<String> {
        self.extractor.canonical_name(name)
    }

    /// Cleans one page.
    pub fn clean(
        &self,
        source: &str,
        bytes: &[u8],
        content_type: Option<&str>,
    ) -> Result<CleanDoc, PipelineError> {
        let decoded = Self::decode(source, bytes, content_type)?;
        Ok(cleaner::clean(source, &decoded.text))
    }

    /// Cleans one page, taking its bytes by value so a UTF-8 page is not
    /// copied (`newsfacts clean` on very large pages). Needs no gazetteer,
    /// so it loads none.
    pub fn clean_owned(
        source: &str,
        bytes: Vec<u8>,
        content_type: Option<&str>,
    ) -> Result<CleanDoc, PipelineError> {
        Self::check_sniff(source, &bytes)?;
        let decoded = fetcher::decode_owned(bytes, content_type)
            .map_err(|e| PipelineError::input(source, e))?;
        Ok(cleaner::clean_owned(source, decoded.text))
    }

    /// Cleans one page and extracts its facts.
    pub fn analyse(
        &self,
        source: &str,
        bytes: &[u8],
        content_type: Option<&str>,
    ) -> Result<Analysis, PipelineError> {
        let decoded = Self::decode(source, bytes, content_type)?;
        let doc = cleaner::clean(source, &decoded.text);
        let facts = self.facts(&doc);
        Ok(Analysis {
            doc,
            facts,
            charset: decoded.used,
            declared_charset: decoded.declared,
        })
    }

    /// Analyses a stored raw page (for `ingest` and `reprocess`).
    pub fn analyse_page(&self, page: &RawPage) -> Result<Analysis, PipelineError> {
        self.analyse(&page.url, &page.bytes, page.content_type.as_deref())
    }

    /// Facts of an already clean document.
    pub fn facts(&self, doc: &CleanDoc) -> Vec<Fact> {
        let tokens = self.segmenter().tokens(&doc.text);
        self.extractor.extract(&doc.text, &tokens)
    }

    /// Every number in `text` with its value, unit and kind (for `newsfacts figures`).
    pub fn figures(&self, text: &str) -> Vec<extractor::FigureMention> {
        self.extractor.figures(text)
    }

    /// The `segment` command's output for one line.
    pub fn segment_line(&self, line: &str) -> String {
        self.segmenter().segment_line(line)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_binary_input_are_clear_errors() {
        let engine = Engine::new(None).unwrap();
        let err = engine
            .clean("x.txt", b"  \n", None)
            .unwrap_err()
            .to_string();
        assert_eq!(err, "x.txt: empty input");
        let err = engine
            .clean("x.png", b"\x89PNG\r\n\x1a\n\0\0", None)
            .unwrap_err()
            .to_string();
        assert!(err.contains("binary data (PNG image)"), "{err}");
    }

    #[test]
    fn a_gbk_page_is_decoded_before_cleaning() {
        let engine = Engine::new(None).unwrap();
        let (bytes, _, _) = encoding_rs::GBK.encode("<html><head><meta charset=gbk></head><body><p>寒武纪发布新一代云端智能芯片，性能提升显著。</p></body></html>");
        let analysis = engine.analyse("a.html", &bytes, None).unwrap();
        assert_eq!(analysis.charset, "GBK");
        assert!(
            analysis.doc.text.contains("寒武纪"),
            "{}",
            analysis.doc.text
        );
    }
}
