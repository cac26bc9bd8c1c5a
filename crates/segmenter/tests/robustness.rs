//! Bad input never panics and tokens always tile the input exactly.

use model::{Token, TokenKind};
use newsfacts_segmenter::Segmenter;
use proptest::prelude::*;
use std::sync::OnceLock;

fn segmenter() -> &'static Segmenter {
    static SEG: OnceLock<Segmenter> = OnceLock::new();
    SEG.get_or_init(|| Segmenter::new(["英伟达", "昇腾910B", "台積電", "H100"]))
}

/// Tokens are non-empty, on char boundaries, in order, and concatenate back
/// to `text`.
fn assert_tiles(text: &str, tokens: &[Token]) {
    let mut at = 0;
    for t in tokens {
        assert_eq!(t.start, at, "gap or overlap at {at} in {text:?}");
        assert!(t.end > t.start, "empty token in {text:?}");
        assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        at = t.end;
    }
    assert_eq!(at, text.len());
    let joined: String = tokens.iter().map(|t| &text[t.start..t.end]).collect();
    assert_eq!(joined, text);
}

/// Text drawn from the scripts the pipeline meets, plus the awkward ones.
fn mixed_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[\u{4e00}-\u{9fff}]{1,8}",
        "[英伟达台積電發佈晶片乾隆著]{1,6}",
        "[A-Za-z0-9.,%\\-]{1,8}",
        "[０-９Ａ-Ｚ．％，]{1,4}",
        "[ \t\u{3000}]{1,2}",
        "[，。、；：「」《》…—!?()]{1,3}",
        "[\u{0}-\u{1f}\u{7f}\u{200b}-\u{200d}\u{fe0f}\u{feff}]",
        "[\u{1f600}-\u{1f64f}\u{1f3fb}-\u{1f3ff}]{1,3}",
        "[\u{20000}-\u{2a6df}\u{30000}-\u{3134f}]{1,3}",
        "[\u{300}-\u{36f}]",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn tokens_tile_mixed_text(text in mixed_text()) {
        let seg = segmenter();
        let tokens = seg.tokens(&text);
        assert_tiles(&text, &tokens);
        let line = seg.segment_line(&text);
        prop_assert!(!line.starts_with(' ') && !line.ends_with(' ') && !line.contains("  "));
    }

    #[test]
    fn tokens_tile_any_string(text in any::<String>()) {
        assert_tiles(&text, &segmenter().tokens(&text));
    }
}

#[test]
fn ten_megabyte_line_without_punctuation() {
    let unit = "英伟达发布新一代人工智能芯片性能大幅提升";
    let text = unit.repeat(10 * 1024 * 1024 / unit.len());
    let tokens = segmenter().tokens(&text);
    assert_tiles(&text, &tokens);
    assert!(tokens.iter().all(|t| t.kind == TokenKind::Han));
    assert!(tokens.iter().any(|t| &text[t.start..t.end] == "英伟达"));
}

#[test]
fn long_latin_and_digit_runs() {
    let text = format!("{} {}", "A1".repeat(200_000), "9,999".repeat(100_000));
    assert_tiles(&text, &segmenter().tokens(&text));
}

#[test]
fn control_emoji_and_rare_han() {
    let text = "\u{0}\u{1b}[31m英伟达\u{7}👍🏽👨\u{200d}👩\u{200d}👧𠀀𪚥𰀀\u{feff}é\u{301}";
    let tokens = segmenter().tokens(text);
    assert_tiles(text, &tokens);
    let words: Vec<&str> = tokens.iter().map(|t| &text[t.start..t.end]).collect();
    assert!(words.contains(&"英伟达"), "{words:?}");
    assert!(words.contains(&"👍🏽"), "{words:?}");
}
