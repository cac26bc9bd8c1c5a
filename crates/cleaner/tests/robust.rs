//! Bad input: no panic, valid spans, time roughly linear in input size.

use newsfacts_cleaner::clean;
use proptest::prelude::*;
use std::time::{Duration, Instant};

/// Every paragraph span is a non-empty range on char boundaries, in order,
/// and the text is exactly the paragraphs joined by single newlines.
fn assert_spans(text: &str, spans: &[model::Span]) {
    let mut rebuilt = String::new();
    let mut prev_end = 0;
    for (k, s) in spans.iter().enumerate() {
        assert!(
            s.start < s.end && s.end <= text.len(),
            "span {s:?} out of range"
        );
        assert!(
            text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
            "span {s:?} splits a char"
        );
        assert!(
            k == 0 || s.start == prev_end + 1,
            "spans not separated by one newline"
        );
        let p = &text[s.start..s.end];
        assert!(!p.contains('\n'), "paragraph holds a newline");
        if k > 0 {
            rebuilt.push('\n');
        }
        rebuilt.push_str(p);
        prev_end = s.end;
    }
    assert_eq!(rebuilt, text);
}

#[test]
fn empty_and_tiny_inputs() {
    for input in [
        "",
        " ",
        "\n\n",
        "\0",
        "<",
        ">",
        "<html>",
        "<!doctype html>",
        "[1]",
        "|||||",
        "。",
        "\u{FEFF}",
    ] {
        let doc = clean("t", input);
        assert_spans(&doc.text, &doc.paragraphs);
    }
}

#[test]
fn only_script() {
    let doc = clean(
        "t",
        "<html><body><script>var a = '<p>not text</p>';</script><style>p{}</style></body></html>",
    );
    assert!(doc.text.is_empty(), "{:?}", doc.text);
}

#[test]
fn deeply_nested_divs_are_fast() {
    let n = 100_000;
    let page = format!(
        "<html><body>{}<p>深处的正文,这里有一句话。</p>{}</body></html>",
        "<div>".repeat(n),
        "</div>".repeat(n)
    );
    let t = Instant::now();
    let doc = clean("deep", &page);
    assert!(
        t.elapsed() < Duration::from_secs(20),
        "took {:?}",
        t.elapsed()
    );
    assert!(doc.text.contains("深处的正文"));
    assert_spans(&doc.text, &doc.paragraphs);
}

#[test]
fn moderately_nested_page_still_parses_as_html() {
    let n = 200;
    let page = format!(
        "<html><head><title>T</title></head><body><nav>菜单 首页</nav>{}<p>Nvidia shipped the chip, the company said, and sales rose.</p>{}</body></html>",
        "<div>".repeat(n),
        "</div>".repeat(n)
    );
    let doc = clean("nested", &page);
    assert!(doc.text.contains("Nvidia shipped the chip"));
    assert!(!doc.text.contains("菜单"));
}

#[test]
fn nul_bytes_and_control_chars() {
    let doc = clean(
        "nul",
        "英伟达\0发布了\u{1}新芯片,\u{7}性能提升三成。\n\0\0\n",
    );
    assert!(doc.text.contains("英伟达"));
    assert!(!doc.text.contains('\0'));
    assert_spans(&doc.text, &doc.paragraphs);
}

#[test]
fn huge_line_is_linear() {
    let sentence = "国产AI芯片加速追赶,英伟达H100的带宽为3.35TB/s。";
    let small = sentence.repeat(2_000);
    let big = sentence.repeat(20_000);
    let t = Instant::now();
    let _ = clean("small", &small);
    let ts = t.elapsed();
    let t = Instant::now();
    let doc = clean("big", &big);
    let tb = t.elapsed();
    assert!(doc.text.contains("国产AI芯片"));
    // Ten times the input may take at most ~30 times as long (slack for noise).
    assert!(
        tb < ts * 30 + Duration::from_millis(500),
        "small {ts:?} big {tb:?}"
    );
}

#[test]
fn huge_html_page() {
    let para =
        "<p>Nvidia said demand for its Blackwell chips, which ship in volume, remained strong.</p>";
    let page = format!(
        "<html><body><article>{}</article></body></html>",
        para.repeat(20_000)
    );
    let t = Instant::now();
    let doc = clean("big", &page);
    assert!(t.elapsed() < Duration::from_secs(20));
    assert!(doc.text.starts_with("Nvidia said") || doc.text.contains("\nNvidia said"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_string_is_safe(s in "\\PC{0,400}") {
        let doc = clean("p", &s);
        assert_spans(&doc.text, &doc.paragraphs);
    }

    #[test]
    fn any_html_like_string_is_safe(parts in proptest::collection::vec(prop_oneof![
        Just("<html>".to_string()), Just("<body>".to_string()), Just("<div class=\"content\">".to_string()),
        Just("</div>".to_string()), Just("<p>".to_string()), Just("</p>".to_string()), Just("<a href=x>".to_string()),
        Just("</a>".to_string()), Just("<li>".to_string()), Just("<br>".to_string()), Just("<script>".to_string()),
        Just("相關閱讀".to_string()), Just("免责声明:".to_string()), Just("| 亚洲".to_string()), Just("[1]".to_string()),
        Just("\n".to_string()), Just("ang mga ng".to_string()), Just("-Xyz".to_string()),
        "\\PC{0,30}",
    ], 0..60)) {
        let s: String = parts.concat();
        let doc = clean("p", &s);
        assert_spans(&doc.text, &doc.paragraphs);
    }
}

#[test]
fn many_chinese_paragraphs_with_latin_tokens() {
    let para = "<p>英伟达H100采用HBM3显存,Nvidia称需求强劲,aof qzx 将继续扩产。</p>";
    let page = format!(
        "<html><body><article>{}</article></body></html>",
        para.repeat(5_000)
    );
    let t = Instant::now();
    let doc = clean("many", &page);
    assert!(
        t.elapsed() < Duration::from_secs(20),
        "took {:?}",
        t.elapsed()
    );
    assert!(doc.text.contains("英伟达H100采用HBM3显存"));
}
