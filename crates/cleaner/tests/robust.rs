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

/// A bound that catches a hang or a quadratic pass on the big pages below,
/// not a speed target (speed is benchmarked in `bench/cleaner`): a debug
/// build takes 13-16 s on the 8 MB page alone, and twice that while CI
/// runs the other tests beside it. Linearity itself is checked by
/// `time_is_linear_in_page_size`, as a ratio.
const HANG_GUARD: Duration = Duration::from_secs(90);

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
    assert!(t.elapsed() < HANG_GUARD, "took {:?}", t.elapsed());
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
    assert!(t.elapsed() < HANG_GUARD);
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
    assert!(t.elapsed() < HANG_GUARD, "took {:?}", t.elapsed());
    assert!(doc.text.contains("英伟达H100采用HBM3显存"));
}

#[test]
fn page_too_large_for_a_dom_is_flattened_linearly() {
    let para = "<p>英伟达表示，Blackwell芯片的需求依然强劲，公司预计下一季度收入将继续增长。</p>\n";
    let nav = "<nav><a href='/'>首页</a> <a href='/x'>菜单项</a></nav><script>var menu='不是正文';</script>\n";
    let mut page = String::from("<html><body><article>");
    while page.len() <= newsfacts_cleaner::html::MAX_DOM_BYTES {
        page.push_str(nav);
        page.push_str(para);
    }
    page.push_str("<p>最后一段：公司将于明年一季度发布下一代产品。</p></article></body></html>");
    let t = Instant::now();
    let doc = clean("big", &page);
    assert!(t.elapsed() < HANG_GUARD, "took {:?}", t.elapsed());
    assert!(doc.text.contains("Blackwell芯片的需求依然强劲"));
    assert!(doc.text.contains("最后一段"));
    assert!(!doc.text.contains("菜单项") && !doc.text.contains("不是正文"));
    assert!(doc.dropped.len() <= newsfacts_cleaner::doc::MAX_DROPPED + 1);
    assert_spans(&doc.text, &doc.paragraphs);
}

#[test]
fn truncated_html_keeps_what_arrived() {
    let full = "<html><head><title>Nvidia results</title></head><body><article><p>Nvidia said revenue rose 66% to $51.2 billion, beating forecasts, as cloud providers kept buying.</p><p>Second paragraph about HBM supply, which stays tight into next year, the company said.</p></article></body></html>";
    for cut in [
        full.len() / 3,
        full.len() / 2,
        full.len() - 30,
        full.len() - 1,
    ] {
        let mut end = cut;
        while !full.is_char_boundary(end) {
            end -= 1;
        }
        let doc = clean("cut", &full[..end]);
        assert_spans(&doc.text, &doc.paragraphs);
    }
    let doc = clean("cut", &full[..full.find("Second").unwrap_or(full.len())]);
    assert!(
        doc.text.contains("Nvidia said revenue rose 66%"),
        "{}",
        doc.text
    );
}

#[test]
fn mixed_encodings_in_one_page() {
    // UTF-8 text, a GBK stretch decoded as UTF-8 (replacement characters) and
    // Latin-1 mojibake of UTF-8 (`è‹±ä¼Ÿè¾¾`) in one page.
    let gbk = encoding_rs::GBK.encode("英伟达发布新芯片").0;
    let garbled = String::from_utf8_lossy(&gbk).into_owned();
    let page = format!(
        "<html><body><article><p>英伟达周三公布财报，数据中心收入同比增长66%，达到512亿美元。</p><p>{garbled}</p><p>è‹±ä¼Ÿè¾¾å\u{8f}‘å¸ƒæ–°èŠ¯ç‰‡</p><p>公司预计HBM3E内存的供应到明年仍将偏紧。</p></article></body></html>"
    );
    let doc = clean("mixed", &page);
    assert!(doc.text.contains("数据中心收入同比增长66%"));
    assert!(doc.text.contains("HBM3E内存的供应"));
    assert_spans(&doc.text, &doc.paragraphs);
}

#[test]
fn binary_bytes_decoded_lossily_do_not_panic() {
    let bytes: Vec<u8> = (0..200_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let text = String::from_utf8_lossy(&bytes);
    let doc = clean("bin.html", &text);
    assert_spans(&doc.text, &doc.paragraphs);
}

#[test]
fn time_is_linear_in_page_size() {
    let unit = "<div class='x'><p>Nvidia said demand for Blackwell, its newest chip, stayed strong.</p><ul><li><a href='/a'>Related headline about chips</a></li></ul></div>\n";
    let time = |n: usize| {
        let page = format!("<html><body>{}</body></html>", unit.repeat(n));
        let t = Instant::now();
        let _ = clean("lin", &page);
        t.elapsed().as_secs_f64()
    };
    let small = time(2_000).max(1e-3);
    let large = time(16_000);
    // 8x the input may cost at most ~3x per byte more (allowing for noise).
    assert!(
        large < small * 8.0 * 3.0,
        "2k: {small:.3}s, 16k: {large:.3}s"
    );
}

/// The owned entry point rewrites large pages and text dumps in their own
/// buffer; it must give exactly what the borrowing one gives.
#[test]
fn owned_and_borrowed_cleaning_agree() {
    let mut big = String::from("<html><body><div>");
    let mut k = 0;
    while big.len() <= newsfacts_cleaner::html::MAX_DOM_BYTES {
        k += 1;
        big.push_str(&format!(
            "<p>  第{k}段：寒武纪表示，思元芯片&amp;板卡的出货量同比增长{k}%。 </p>\
             <div class=share>分享到 微博 | 微信 | QQ</div><script>var s = '<p>x</p>';</script>\
             <p>Nvidia said&nbsp;demand for its H20 chips rose {k} per cent.\r\n</p>\n"
        ));
    }
    big.push_str("<p>免责声明：本文仅供参考，不构成投资建议。</p></div></body></html>");
    let dump = "标题：国产芯片加速替代\n\n  导航 | 首页 | 科技 \r\n\
                寒武纪  表示，\t公司收入增长。\n寒武纪  表示，\t公司收入增长。\n\
                \u{FEFF}Nvidia said revenue rose 20%.\u{200B}\n\n免责声明：本文仅供参考。\n";
    let deep = format!(
        "{}<p>深层页面的正文段落，英伟达发布新芯片。</p>",
        "<div>".repeat(2000)
    );
    for page in [big.as_str(), dump, deep.as_str()] {
        let borrowed = clean("p", page);
        let owned = newsfacts_cleaner::clean_owned("p", page.to_string());
        assert!(!owned.text.is_empty());
        assert_eq!(borrowed.text, owned.text);
        assert_eq!(borrowed.paragraphs, owned.paragraphs);
        assert_eq!(borrowed.dropped, owned.dropped);
        assert_eq!(borrowed.lang, owned.lang);
    }
}
