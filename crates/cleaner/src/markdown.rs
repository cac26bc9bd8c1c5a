//! Markdown saves: a page a web clipper or a read-later app saved as
//! Markdown (`# Title`, `[text](url)`, `![alt](url)`, `| a | b |`).
//!
//! Owns: deciding that a text dump is Markdown (a YAML front matter with a
//! `title:` or `source:` key, or several inline links or images and a
//! `#` heading), and rendering it to HTML with pulldown-cmark, so the DOM
//! reader judges its paragraphs, headings, lists, quotes and tables as it
//! judges any page's; the front matter is metadata and is dropped.
//! Must not know: what is noise; how HTML is read.

use pulldown_cmark::{html, Options, Parser};

/// Inline links or images (`](http`) a page needs, with a heading, to be
/// read as Markdown without a front matter.
const MIN_LINKS: usize = 3;

/// True when `text` reads as Markdown.
pub fn is_markdown(text: &str) -> bool {
    let head = text.trim_start_matches('\u{feff}');
    if let Some(rest) = head.strip_prefix("---\n") {
        let front = rest.split("\n---").next().unwrap_or("");
        let keyed = front.lines().take(40).any(|l| {
            let l = l.trim_start();
            l.starts_with("title:") || l.starts_with("source:")
        });
        if keyed && rest.contains("\n---") {
            return true;
        }
    }
    let links = text.matches("](http").count();
    let heading = text
        .lines()
        .any(|l| l.starts_with("# ") || l.starts_with("## "));
    links >= MIN_LINKS && heading
}

/// The Markdown page rendered to HTML, its front matter left out.
pub fn to_html(text: &str) -> String {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    options.insert(Options::ENABLE_YAML_STYLE_METADATA_BLOCKS);
    let parser = Parser::new_ext(text.trim_start_matches('\u{feff}'), options);
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    out.push_str("<html><body><article>\n");
    html::push_html(&mut out, parser);
    out.push_str("</article></body></html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "---\ntitle: \"A clipped story\"\nsource: \"https://example.com/story\"\n---\n# A clipped story\n\nThe company said [revenue](https://example.com/r) rose **33%** in the quarter.\n\n| Supplier | Share |\n| --- | --- |\n| A | 62% |\n";

    #[test]
    fn a_clipped_page_is_markdown_and_renders_without_its_front_matter() {
        assert!(is_markdown(PAGE));
        let html = to_html(PAGE);
        assert!(html.contains("<h1>A clipped story</h1>"), "{html}");
        assert!(html.contains("<strong>33%</strong>") && html.contains("<td>62%</td>"));
        assert!(!html.contains("source:"), "{html}");
    }

    #[test]
    fn a_plain_dump_is_not_markdown() {
        assert!(!is_markdown(
            "Menu\nNews\n\nThe company said revenue rose 33%.\n"
        ));
        // a rule line of dashes opens a mail archive, not a front matter
        assert!(!is_markdown(
            "---\nFrom: someone\n\nHello [1](http://a)\n---\n"
        ));
    }
}
