//! Promotions set into an article: boxes of several lines that sell
//! something other than the story.
//!
//! Owns: a stock-picking service's promo (its question down to its
//! returns footnote), a service card (`brand | offer`, a pitch, a call),
//! an event promotion (label, event lines, `Register now`), a premium
//! teaser box (product name, headline, subscribe call), a donation box
//! (two asks for money and the short lines around them), a ruled box
//! (a few lines between two rule lines that ask to subscribe or sponsor,
//! or name a price), a product's pitch over its call (`Unlock …` under
//! a paragraph naming the same product) and a sponsored section (its
//! label down to the paragraph that names its sponsor, and its call).
//! Must not know: site names or any string of a particular page; one-line
//! promo and app calls, which [`crate::chrome`] drops line by line.

use crate::doc::Work;
use crate::script::{char_len, contains_any, is_sentence_end};
use model::DropReason;
use regex::Regex;
use std::sync::OnceLock;

/// A box set off by two rule lines (`─────`, `=====`) with at most six
/// lines between them, one of which asks to subscribe, sponsor or join,
/// or names a price (`月訂閱 NT$150`): the box goes, rules and all.
pub(crate) fn ruled_boxes(work: &mut Work) {
    const CALLS: &[&str] = &[
        "订阅",
        "赞助",
        "请我喝",
        "subscribe",
        "sponsor",
        "buy me a coffee",
        "become a member",
    ];
    let rules = crate::printed::rule_lines(work);
    let mut drop = Vec::new();
    for pair in rules.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let inside: Vec<usize> = (a + 1..b).filter(|&i| work.blocks[i].alive).collect();
        if inside.is_empty() || inside.len() > 6 {
            continue;
        }
        let selling = inside.iter().any(|&i| {
            let t = &work.blocks[i].text;
            char_len(t) <= 120 && (contains_any(&work.blocks[i].folded(), CALLS) || names_price(t))
        });
        if selling {
            drop.extend(inside);
            drop.extend([a, b].into_iter().filter(|&i| work.blocks[i].alive));
        }
    }
    work.drop_unprotected(drop, DropReason::Chrome);
}

/// A currency sign or code right before a number (`NT$150`, `¥9.9`,
/// `$8`).
fn names_price(text: &str) -> bool {
    text.char_indices().any(|(at, c)| {
        matches!(c, '$' | '¥' | '€' | '£' | '￥')
            && text[at + c.len_utf8()..]
                .trim_start()
                .starts_with(|d: char| d.is_ascii_digit())
    })
}

/// A stock-picking service's promo set into an article: the question
/// (`Should you invest $1,000 in Example Corp right now?`) down to its
/// returns footnote (`*… returns as of <date>`), at most eight lines.
/// The offer that closes a stock-picking pitch (lower case).
const STOCK_PICK_OFFERS: &[&str] = &["% off", "unlock ", "free trial", "subscribe", "sign up"];

pub(crate) fn stock_pick_promos(work: &mut Work) {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^Should you (?:invest|buy|put) .{1,80} (?:right )?now\?$")
            .expect("static regex")
    });
    let alive = work.alive();
    let mut drop = Vec::new();
    for (k, &i) in alive.iter().enumerate() {
        let t = work.blocks[i].text.trim();
        if !t.starts_with("Should you ") {
            continue;
        }
        // the pitch in one paragraph: the question, then the offer
        // (`… See which 5 stocks it likes now. Unlock Example — 45% off`)
        if t.len() <= 400 {
            let question = t.split_inclusive('?').next().unwrap_or(t);
            let lower = t.to_lowercase();
            if re.is_match(question.trim()) && contains_any(&lower, STOCK_PICK_OFFERS) {
                drop.push(i);
                continue;
            }
        }
        if t.len() > 160 || !re.is_match(t) {
            continue;
        }
        if let Some(end) = alive[k + 1..].iter().take(8).position(|&j| {
            let t = work.blocks[j].text.trim();
            t.starts_with('*') && t.contains("returns as of")
        }) {
            drop.extend_from_slice(&alive[k..=k + 1 + end]);
        }
    }
    work.drop_unprotected(drop, DropReason::Chrome);
}

/// A product's pitch over its call button: a short line that asks to
/// unlock, try or join a product (`Unlock Example Picks`), right under a
/// paragraph that names the same product. Both go; a call alone is left
/// to the line tests.
pub(crate) fn product_pitches(work: &mut Work) {
    const VERBS: [&str; 4] = ["Unlock ", "Try ", "Join ", "Upgrade to "];
    let alive = work.alive();
    let mut drop = Vec::new();
    for (k, &i) in alive.iter().enumerate().skip(1) {
        let t = work.blocks[i].text.trim();
        let Some(product) = VERBS.iter().find_map(|v| t.strip_prefix(v)) else {
            continue;
        };
        if t.len() > 40 || t.split_whitespace().count() > 5 || t.contains(is_sentence_end) {
            continue;
        }
        // The product's own name: a capitalised word of four letters or more.
        let names: Vec<&str> = product
            .split_whitespace()
            .filter(|w| w.len() >= 4 && w.starts_with(|c: char| c.is_ascii_uppercase()))
            .collect();
        let pitch = alive[k - 1];
        let p = &work.blocks[pitch].text;
        if !names.is_empty() && p.len() <= 1200 && names.iter().any(|n| p.contains(n)) {
            drop.extend([pitch, i]);
        }
    }
    work.drop_unprotected(drop, DropReason::Chrome);
}

/// A service card set into an article: a `brand | offer` line, one line
/// of pitch and a call (`立即咨询`, `了解详情`, `Learn more`). All three go.
pub(crate) fn service_cards(work: &mut Work) {
    const CALLS: &[&str] = &["立即咨询", "免费咨询", "了解详情", "了解更多", "learn more"];
    let alive = work.alive();
    let mut drop = Vec::new();
    for k in 2..alive.len() {
        let call = &work.blocks[alive[k]];
        if call.text.len() > 40 || !CALLS.contains(&call.folded().trim()) {
            continue;
        }
        let (brand, pitch) = (&work.blocks[alive[k - 2]], &work.blocks[alive[k - 1]]);
        let b = brand.text.trim();
        let brand_line = char_len(b) <= 60
            && (b.contains(" | ") || b.contains('｜'))
            && !b.ends_with(is_sentence_end);
        if brand_line && char_len(&pitch.text) <= 120 {
            drop.extend_from_slice(&alive[k - 2..=k]);
        }
    }
    work.drop_unprotected(drop, DropReason::Chrome);
}

/// An event promotion set into the article: a label (`UPCOMING EVENT`,
/// `Webinar`, `活动预告`), the event's lines, and its call (`Register
/// now`, `立即报名`) at most six lines below the label.
pub(crate) fn event_promos(work: &mut Work) {
    const CALLS: &[&str] = &[
        "register now",
        "register today",
        "register here",
        "save your seat",
        "reserve your spot",
        "立即报名",
        "马上报名",
        "报名参加",
        "立即预约",
    ];
    const LABELS: &[&str] = &[
        "upcoming event",
        "upcoming events",
        "upcoming webinar",
        "event",
        "webinar",
        "活动预告",
        "近期活动",
        "活动推荐",
    ];
    let alive = work.alive();
    let mut drop = Vec::new();
    for (k, &i) in alive.iter().enumerate() {
        if work.blocks[i].text.len() > 60 {
            continue;
        }
        let folded = work.blocks[i].folded();
        let call = folded.trim().trim_end_matches(['→', '>', '›', ' ']);
        if char_len(call) > 24 || !CALLS.contains(&call) {
            continue;
        }
        let from = k.saturating_sub(6);
        if let Some(label) = (from..k).rev().find(|&j| {
            let f = work.blocks[alive[j]].folded();
            LABELS.contains(&f.trim().trim_end_matches([':', '：']))
        }) {
            drop.extend_from_slice(&alive[label..=k]);
        }
    }
    work.drop_unprotected(drop, DropReason::Chrome);
}

/// A premium teaser box: the paid product's name, one of its headlines,
/// and the call to subscribe that names the product again (`Example Pro` /
/// `Who is really buying the chips?` / `… Subscribe to Example Pro …`).
/// The call is gone by now; the name and the headline go with it.
pub(crate) fn premium_teasers(work: &mut Work) {
    let mut drop = Vec::new();
    for i in 2..work.blocks.len() {
        let call = &work.blocks[i];
        // Most dropped lines are no call: look for the word before folding.
        let t = &call.text;
        let maybe = t.contains("ubscri") || t.contains("UBSCRI") || t.contains(['订', '訂']);
        if call.alive || t.len() > 600 || !maybe {
            continue;
        }
        let call_folded = call.folded();
        if !(call_folded.contains("subscribe") || call_folded.contains("订阅")) {
            continue;
        }
        let (name, headline) = (&work.blocks[i - 2], &work.blocks[i - 1]);
        if !(name.alive && headline.alive) || name.protected || headline.protected {
            continue;
        }
        let name_text = name.text.trim();
        let head_text = headline.text.trim_end();
        let name_folded = name.folded();
        let name_shaped = char_len(name_text) <= 24
            && !name_text.ends_with(is_sentence_end)
            && call_folded.contains(name_folded.trim());
        let headline_shaped = char_len(head_text) <= 160
            && (head_text.ends_with(['?', '？']) || !head_text.ends_with(is_sentence_end));
        if name_shaped && headline_shaped && !name_folded.trim().is_empty() {
            drop.extend([i - 2, i - 1]);
        }
    }
    for i in drop {
        if work.blocks[i].alive {
            work.drop_block(i, DropReason::Chrome);
        }
    }
}

/// An ad around its call, which is gone by now: the short pitch over a
/// call alone on its line (`【某支付】綁定信用卡 最高回饋5%` over `立即綁定`),
/// and the advertiser's name under a line that ends with its call
/// (`Example Store` under `Save up to 40% on laptops. Shop now`).
/// Only the lines right next to the call go.
pub(crate) fn called_ads(work: &mut Work) {
    use crate::chrome::{ends_with_ad_call, AD_CALLS};
    let n = work.blocks.len();
    let mut drop = Vec::new();
    for i in 0..n {
        let b = &work.blocks[i];
        if b.alive || b.text.len() > 400 {
            continue;
        }
        let folded = b.folded();
        let call = folded.trim().trim_end_matches(['>', '›', '→', '»', ' ']);
        if AD_CALLS.contains(&call) {
            if let Some(pitch) = i.checked_sub(1).map(|p| &work.blocks[p]) {
                let t = pitch.text.trim();
                if pitch.alive && char_len(t) <= 60 && !t.contains(is_sentence_end) {
                    drop.push(i - 1);
                }
            }
        } else if ends_with_ad_call(&folded) {
            if let Some(name) = work.blocks.get(i + 1) {
                let t = name.text.trim();
                // A brand's name in Latin letters; a Chinese line there
                // may be the article's next heading (`【写在最后】`).
                let bare = t.chars().all(|c| c.is_ascii_alphabetic() || c == ' ');
                if name.alive && char_len(t) <= 24 && t.split_whitespace().count() <= 3 && bare {
                    drop.push(i + 1);
                }
            }
        }
    }
    work.drop_unprotected(drop, DropReason::Chrome);
}

/// Words that credit a paid placement to its advertiser (folded).
const SPONSOR_CREDITS: &[&str] = &[
    "sponsored by ",
    "paid for by ",
    "presented by ",
    "in partnership with ",
    "赞助商",
    "赞助播出",
];

/// A sponsored section set into an article: a sponsor label
/// (`SPONSORED CONTENT`, `广告`) and, within the next four lines, a
/// paragraph that credits its sponsor (`Sponsored by Example Systems.`):
/// everything from the label to that paragraph goes, with a short call
/// right after it (`Download the white paper`).
pub(crate) fn sponsored_sections(work: &mut Work) {
    use crate::chrome::is_sponsor_label;
    let n = work.blocks.len();
    let mut drop = Vec::new();
    let mut i = 0;
    while i < n {
        let b = &work.blocks[i];
        if b.text.len() > 40 || !is_sponsor_label(&b.folded()) {
            i += 1;
            continue;
        }
        let credited = (i + 1..n.min(i + 5)).find(|&j| {
            let t = &work.blocks[j];
            t.text.len() <= 1200 && contains_any(&t.folded(), SPONSOR_CREDITS)
        });
        let Some(k) = credited else {
            i += 1;
            continue;
        };
        drop.extend(i + 1..=k);
        if let Some(call) = work.blocks.get(k + 1) {
            let t = call.text.trim();
            if t.split_whitespace().count() <= 6
                && char_len(t) <= 40
                && !t.contains(is_sentence_end)
            {
                drop.push(k + 1);
            }
        }
        i = k + 1;
    }
    drop.retain(|&j| work.blocks[j].alive);
    work.drop_unprotected(drop, DropReason::Chrome);
}

/// Phrases of a box asking readers for money (folded).
const DONATION: &[&str] = &[
    "请我们喝",
    "咖啡赞助",
    "赞助我们",
    "小额赞助",
    "buy me a coffee",
    "buy us a coffee",
    "support our journalism",
    "make a donation",
    "donate now",
];

/// A donation box: two or more lines asking for money, and the short
/// lines around them (the amount per cup, the total).
pub(crate) fn donation_boxes(work: &mut Work) {
    let alive = work.alive();
    let short = |i: usize| {
        let t = &work.blocks[i].text;
        char_len(t) <= 40 && !work.blocks[i].protected
    };
    let asks: Vec<usize> = (0..alive.len())
        .filter(|&k| short(alive[k]) && contains_any(&work.blocks[alive[k]].folded(), DONATION))
        .collect();
    if asks.len() < 2 {
        return;
    }
    let mut drop = Vec::new();
    for pair in asks.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if b - a > 3 {
            continue;
        }
        let mut start = a;
        while start > 0
            && a - start < 3
            && short(alive[start - 1])
            && alive[start - 1] + 1 == alive[start]
        {
            start -= 1;
        }
        let mut end = b + 1;
        while end < alive.len()
            && end - b <= 3
            && short(alive[end])
            && alive[end] == alive[end - 1] + 1
        {
            end += 1;
        }
        drop.extend_from_slice(&alive[start..end]);
    }
    for i in drop {
        if work.blocks[i].alive {
            work.drop_block(i, DropReason::Chrome);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sponsored_section_goes_from_its_label_to_its_credit_and_call() {
        let para = "The packaging line waits for another batch of interposers, and the engineers argue about yields.";
        let mut w = Work::of_lines(
            &[
            para,
            "SPONSORED CONTENT",
            "[Example Test Systems]",
            "Catching Voids Early: Inline X-Ray for Bonding Sponsored by Example Test Systems. Void detection at 60 wafers per hour.",
            "Download the white paper",
            "Hybrid bonding goes to volume",
            para,
            ],
            crate::doc::BlockKind::Line,
        );
        sponsored_sections(&mut w);
        let alive: Vec<&str> = w.alive().iter().map(|&i| &*w.blocks[i].text).collect();
        assert_eq!(
            alive,
            vec![
                para,
                "SPONSORED CONTENT",
                "Hybrid bonding goes to volume",
                para
            ]
        );
    }

    #[test]
    fn a_ruled_box_that_sells() {
        let body =
            "某廠明年的先進封裝產能會再加三成，訂單已經排到年底，供應鏈普遍認為價格不會回落。";
        let lines = [
            body,
            "─────────────",
            "覺得有幫助嗎？",
            "月訂閱 NT$120／年訂閱 NT$1,200",
            "─────────────",
            body,
            "=============",
            "二、成本怎麼算",
            "=============",
            body,
        ];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        ruled_boxes(&mut w);
        assert_eq!(w.alive(), vec![0, 5, 6, 7, 8, 9]);
        assert!(names_price("¥ 9.9") && !names_price("US$ bonds"));
    }

    #[test]
    fn a_products_pitch_over_its_call() {
        let body = "We raise our estimates as contract prices for the new memory settle above our expectations.";
        let pitch = "Is it time to buy? Example Screener ranks thousands of stocks every month with its own model.";
        let lines = [
            body,
            pitch,
            "Unlock Example Screener",
            body,
            "Try Again Later",
        ];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        product_pitches(&mut w);
        assert_eq!(w.alive(), vec![0, 3, 4]);
    }

    #[test]
    fn a_stock_pick_pitch_in_one_paragraph() {
        let para =
            "The memory maker said its output for next year is sold out, and prices keep rising.";
        let pitch = "Should you buy EXM right now? Our AI model flagged Example before its 212% run. See which 5 chip stocks it likes now. Unlock PickBot — 45% off";
        let asked =
            "Should you buy EXM right now? Analysts are split on the valuation after the run.";
        let mut w = Work::of_lines(&[para, pitch, asked, para], crate::doc::BlockKind::Line);
        stock_pick_promos(&mut w);
        assert_eq!(w.alive(), vec![0, 2, 3]);
    }

    #[test]
    fn service_cards_and_stock_pick_promos() {
        let body = "We raise our estimates as contract prices for the new memory settle above our expectations.";
        let lines = [
            body,
            "某咨询 | 《全球存储产业链研究报告》正式发布",
            "覆盖设计、设备及材料等环节超过百家企业，附供需预测模型。",
            "立即咨询",
            body,
        ];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        service_cards(&mut w);
        assert_eq!(w.alive(), vec![0, 4]);
        let lines = [
            body,
            "Should you invest $1,000 in Example Corp right now?",
            "Before you buy stock in Example Corp, consider this:",
            "Our analyst team just identified what they believe are the 10 best stocks to buy now.",
            "*Returns as of December 1",
            "*Picks returns as of December 1, 2026",
            body,
        ];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        stock_pick_promos(&mut w);
        assert_eq!(w.alive(), vec![0, 6]);
    }

    #[test]
    fn event_promos_go_with_their_label_and_call() {
        let body = "We raise our estimates as contract prices for the new memory settle above our expectations.";
        let lines = [
            body,
            "UPCOMING EVENT",
            "Join us at Example Analyst Day",
            "December 9 | Santa Clara and online",
            "Hear from our executive team on the roadmap.",
            "Register now",
            body,
        ];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        event_promos(&mut w);
        assert_eq!(w.alive(), vec![0, 6]);
    }

    #[test]
    fn an_ads_pitch_and_its_advertiser_go_with_its_call() {
        let body = "The company said demand for its accelerators stayed strong in the quarter.";
        let lines = [
            body,
            "【某支付】綁定信用卡 指定通路最高回饋5%",
            "立即綁定",
            body,
            "Save up to 30% on Example laptops for business. Shop now",
            "Example Store",
            body,
            "长按下方二维码立即报名",
            "【写在最后】",
            body,
        ];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        w.drop_block(2, DropReason::Chrome);
        w.drop_block(4, DropReason::Chrome);
        w.drop_block(7, DropReason::Chrome);
        called_ads(&mut w);
        assert_eq!(w.alive(), vec![0, 3, 6, 8, 9]);
    }

    #[test]
    fn a_premium_teaser_goes_with_its_call() {
        let body = "The company said demand for its accelerators stayed strong in the quarter.";
        let lines = [
            body,
            "Example Pro",
            "Who is really paying for the data-centre build-out?",
            "Exclusive stories and analysis. Subscribe to Example Pro at $99/year.",
            "Shift towards inference",
            body,
        ];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        w.drop_block(3, DropReason::Chrome);
        premium_teasers(&mut w);
        assert_eq!(w.alive(), vec![0, 4, 5]);
    }
}
