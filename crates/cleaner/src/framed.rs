//! What a text-mode browser draws around a page's widgets.
//!
//! Owns, for text dumps: a box drawn with box-drawing characters (`┌─┐`,
//! `│ … │`, `└─┘`) around a widget that holds a form control or a button
//! (`[          ]`, `[Sign up]`, `[Add to watchlist]`): a quote card or a
//! sign-up form, which goes whole with its frame; a row of nothing but
//! bracketed buttons (`[Accept all] [Reject all]`); and a share row
//! (`Share on Facebook  Share on X  Copy link`); an image printed as its
//! bracketed alt text over the caption that repeats it.
//! Must not know: HTML (the markup pass names its forms and widgets); site
//! names; what the article says. A box without a control (a bordered
//! table) is left to the other rules.

use crate::doc::Work;
use model::DropReason;

/// A form control or button as a text browser prints it: a bracketed run
/// of spaces (`[            ]`) or a short label (`[Sign up]`), not a
/// citation (`[3]`) or a link number.
fn is_control(inner: &str) -> bool {
    let t = inner.trim();
    (inner.len() >= 4 && t.is_empty())
        || (!t.is_empty()
            && t.chars().count() <= 30
            && t.chars().any(char::is_alphabetic)
            && !t.contains(['[', ']']))
}

/// The bracketed pieces of a line and what stands outside them.
fn bracketed(text: &str) -> (Vec<&str>, String) {
    let mut inside = Vec::new();
    let mut outside = String::new();
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        outside.push_str(&rest[..open]);
        let Some(close) = rest[open..].find(']') else {
            outside.push_str(&rest[open..]);
            return (inside, outside);
        };
        inside.push(&rest[open + 1..open + close]);
        rest = &rest[open + close + 1..];
    }
    outside.push_str(rest);
    (inside, outside)
}

/// True when `text` holds a form control or button.
fn has_control(text: &str) -> bool {
    text.contains('[') && bracketed(text).0.into_iter().any(is_control)
}

/// A row of nothing but buttons (`[Accept all] [Reject all] [Manage
/// preferences]`, `[Search]`).
pub(crate) fn is_button_row(text: &str) -> bool {
    let t = text.trim();
    if t.len() > 300 || !t.starts_with('[') || !t.ends_with(']') {
        return false;
    }
    let (inside, outside) = bracketed(t);
    !inside.is_empty()
        && inside.iter().all(|b| is_control(b))
        && outside
            .chars()
            .all(|c| c.is_whitespace() || matches!(c, '|' | '·' | '/'))
}

/// A row of share buttons (`Share on Facebook  Share on X  Email  Copy
/// link`), given folded: two or more `share on`, and no sentence.
pub(crate) fn is_share_row(folded: &str) -> bool {
    folded.len() <= 300
        && folded.matches("share on ").count() >= 2
        && !folded.trim_end().ends_with(['.', '。', '!', '?'])
}

/// An image a text browser printed as its bracketed alt text over the
/// caption that repeats it (`[Headquarters in Santa Clara]` over
/// `Headquarters in Santa Clara. Photographer/Agency`): the bracketed
/// line goes, the caption is left to the other rules.
pub fn image_alts(work: &mut Work) {
    let alive = work.alive();
    let mut drop = Vec::new();
    for pair in alive.windows(2) {
        let t = work.blocks[pair[0]].text.trim();
        let Some(alt) = t.strip_prefix('[').and_then(|r| r.strip_suffix(']')) else {
            continue;
        };
        let alt = alt.trim();
        if alt.len() >= 12
            && t.len() <= 400
            && !alt.contains(['[', ']'])
            && work.blocks[pair[1]].text.trim_start().starts_with(alt)
        {
            drop.push(pair[0]);
        }
    }
    work.drop_unprotected(drop, DropReason::Chrome);
}

/// Boxes drawn around a widget with a control in it: every line from the
/// top border to the bottom border goes.
pub fn framed_widgets(work: &mut Work) {
    let alive = work.alive();
    let mut drop = Vec::new();
    let mut k = 0;
    while k < alive.len() {
        let top = work.blocks[alive[k]].text.trim();
        if !(top.starts_with('┌') || top.starts_with('╔')) {
            k += 1;
            continue;
        }
        let end = alive[k + 1..].iter().take(40).position(|&j| {
            let t = work.blocks[j].text.trim();
            t.starts_with('└') || t.starts_with('╚')
        });
        let Some(end) = end.map(|e| k + 1 + e) else {
            k += 1;
            continue;
        };
        let inner = &alive[k + 1..end];
        let framed = inner.iter().all(|&j| {
            let t = work.blocks[j].text.trim();
            t.starts_with(['│', '║', '├', '╟'])
        });
        if framed && inner.iter().any(|&j| has_control(&work.blocks[j].text)) {
            drop.extend_from_slice(&alive[k..=end]);
        }
        k = end + 1;
    }
    work.drop_unprotected(drop, DropReason::Chrome);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::BlockKind;
    use crate::script::fold;

    #[test]
    fn controls_buttons_and_share_rows() {
        assert!(is_button_row(
            "[Accept all] [Reject all] [Manage preferences]"
        ));
        assert!(is_button_row(
            "[                                        ] [Search]"
        ));
        assert!(!is_button_row("[1] [2]"));
        assert!(!is_button_row(
            "[Reuters] said on Monday that revenue rose [3]."
        ));
        assert!(is_share_row(&fold(
            "Share on Facebook  Share on X  Share on LinkedIn  Email  Copy link"
        )));
        assert!(!is_share_row(&fold("Share on Facebook")));
    }

    #[test]
    fn an_images_alt_text_over_its_caption_goes() {
        let lines = [
            "[Headquarters in Santa Clara, California]",
            "Headquarters in Santa Clara, California. Photographer/Agency",
            "[Editor's note: updated with the company's statement]",
            "The company said revenue rose.",
        ];
        let mut w = Work::of_lines(&lines, BlockKind::Line);
        image_alts(&mut w);
        assert_eq!(w.alive(), vec![1, 2, 3]);
    }

    #[test]
    fn a_box_with_a_control_goes_whole_and_a_bordered_table_stays() {
        let body = "Marvell said revenue from custom accelerators rose sharply in the quarter.";
        let lines = [
            body,
            "┌──────────────────────────┐",
            "│ Example Corp  EXMP        │",
            "│ 71.42  −5.21 (−6.80%)     │",
            "│ [Add to watchlist]        │",
            "└──────────────────────────┘",
            body,
            "┌──────────┬──────────┐",
            "│ Revenue  │ $2.41bn  │",
            "└──────────┴──────────┘",
        ];
        let mut w = Work::of_lines(&lines, BlockKind::Line);
        framed_widgets(&mut w);
        assert_eq!(w.alive(), vec![0, 6, 7, 8, 9]);
    }
}
