//! Web clips saved by a note-taking app and exported as text.
//!
//! A clipper heads the clip with its fields (`标题：`, `来源网址：`,
//! `剪藏时间：`, `标签：`, `Clipped from:`), may end it with its own credit
//! (`剪藏自 …`), and the reader writes into it: annotations (`我的批注：…`,
//! `TODO：…`), check lists (`[ ] …`, `[x] …`) and a closing summary of
//! their own (`—— 我的总结 ——` and its items).
//!
//! Owns: telling a clip by its clipper's fields or credit, and dropping
//! those fields, the credit and the reader's writing. The clipped article
//! and the site chrome the clipper caught are left to the other detectors.
//! Must not know: which app made the clip; what the article says.

use crate::doc::{Detector, Work};
use model::DropReason;
use regex::Regex;
use std::sync::OnceLock;

/// A clipper's field row (folded): a label of its own and a colon.
fn is_clip_field(folded: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^(?:标题|来源网址|来源链接|原文链接|原文地址|网址|剪藏时间|剪藏|收藏时间|标签|笔记本|创建时间|更新时间|作者|title|source url|url|clipped(?: from| on)?|saved (?:from|on)|tags|notebook|created|updated)\s*[:：]")
            .expect("static regex")
    });
    folded.len() <= 600 && re.is_match(folded.trim())
}

/// The clipper's own credit (folded): `剪藏自 印象笔记·剪藏 | 原文：…`.
fn is_clip_credit(folded: &str) -> bool {
    let t = folded.trim();
    t.len() <= 600
        && [
            "剪藏自",
            "收藏自",
            "clipped from",
            "clipped with",
            "saved with",
        ]
        .iter()
        .any(|w| t.starts_with(w))
}

/// A clip's own marks: the clipper's time field or its credit.
fn is_clip(work: &Work<'_>) -> bool {
    work.blocks.iter().any(|b| {
        // every mark holds one of these, in either script or case
        let t = &b.text;
        if !(t.contains("剪藏")
            || t.contains("收藏")
            || t.contains("lipped")
            || t.contains("aved with"))
        {
            return false;
        }
        let f = b.folded();
        let t = f.trim();
        ((t.starts_with("剪藏") || t.starts_with("clipped") || t.starts_with("收藏时间"))
            && is_clip_field(&f))
            || is_clip_credit(&f)
    })
}

/// A reader's note (folded): `我的批注：…`, `批注：…`, `TODO：…`,
/// `Note to self: …`.
fn is_reader_note(folded: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^(?:我的)?(?:批注|笔记|想法|备注|思考)\s*[:：]|^todo\b\s*[:：]?|^(?:my note|note to self)\s*[:：]")
            .expect("static regex")
    });
    re.is_match(folded.trim())
}

/// A check-list item: `[ ] …`, `[x] …`, `☐ …`, `☑ …`.
fn is_check_item(text: &str) -> bool {
    let t = text.trim_start();
    ["[ ] ", "[x] ", "[X] ", "☐", "☑", "✅ "]
        .iter()
        .any(|m| t.starts_with(m))
}

/// The header of a reader's own summary (folded): `—— 我的总结 ——`,
/// `My takeaways:`.
fn is_reader_summary_header(folded: &str) -> bool {
    let t = folded
        .trim()
        .trim_matches(|c: char| matches!(c, '—' | '-' | '=' | '#' | '*' | ' ' | ':' | '：'));
    matches!(
        t,
        "我的总结"
            | "我的小结"
            | "我的笔记"
            | "我的批注"
            | "我的思考"
            | "my notes"
            | "my takeaways"
            | "my summary"
    )
}

/// A rule line drawn with `=`, `-`, `—`, `_` or `*`.
fn is_rule_line(t: &str) -> bool {
    !t.is_empty() && t.chars().all(|c| matches!(c, '=' | '-' | '—' | '_' | '*'))
}

/// An item of a list: numbered (`1.`, `2、`) or bulleted.
fn is_list_item(text: &str) -> bool {
    let t = text.trim_start();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    (1..=2).contains(&digits) && t[digits..].starts_with(['.', '、', ')', '）'])
        || t.starts_with(['-', '*', '•', '·'])
}

pub struct ClipNotes;

impl Detector for ClipNotes {
    fn name(&self) -> &'static str {
        "clip_notes"
    }

    fn run(&self, work: &mut Work<'_>) {
        if !is_clip(work) {
            return;
        }
        let alive = work.alive();
        let mut meta = Vec::new();
        let mut notes = Vec::new();
        // the clipper's fields head the clip, maybe under a rule line
        for &i in alive.iter().take(12) {
            let b = &work.blocks[i];
            let t = b.text.trim();
            if is_rule_line(t) || is_clip_field(&b.folded()) {
                meta.push(i);
            }
        }
        let mut in_summary = false;
        for (k, &i) in alive.iter().enumerate() {
            let b = &work.blocks[i];
            let f = b.folded();
            if in_summary && is_list_item(&b.text) {
                notes.push(i);
                continue;
            }
            in_summary = false;
            if is_reader_summary_header(&f) {
                in_summary = true;
                notes.push(i);
            } else if is_reader_note(&f) || is_check_item(&b.text) {
                notes.push(i);
            } else if is_clip_credit(&f) {
                meta.push(i);
                // its rule line above it (`--`)
                if let Some(&p) = k.checked_sub(1).and_then(|p| alive.get(p)) {
                    let pt = work.blocks[p].text.trim();
                    if is_rule_line(pt) {
                        meta.push(p);
                    }
                }
            }
        }
        work.drop_unprotected(meta, DropReason::Metadata);
        work.drop_unprotected(notes, DropReason::Boilerplate);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Block, BlockKind};

    fn clean(lines: &[&str]) -> Vec<String> {
        let blocks = lines
            .iter()
            .map(|l| Block::new(*l, BlockKind::Line))
            .collect();
        let mut w = Work::new(blocks);
        ClipNotes.run(&mut w);
        w.alive_texts()
    }

    const BODY: &str = "据多位供应链人士透露，某存储厂已完成明年的价格谈判，单价上涨约五成。";

    #[test]
    fn a_clips_fields_notes_and_summary_go() {
        let kept = clean(&[
            "标题：某存储厂价格谈判落定",
            "来源网址：https://news.example/a.html",
            "剪藏时间：2026-01-08 22:47:15",
            "标签：存储；周报素材",
            "笔记本：行业研究",
            "==========",
            BODY,
            "我的批注：这个涨幅比我估的高不少，要重算。",
            BODY,
            "TODO：",
            "  [ ] 问老周良率",
            "  [x] 更新价格表",
            "—— 我的总结 ——",
            "1. 涨价基本坐实。",
            "2. 下周会议重点讲。",
            "--",
            "剪藏自 某笔记·剪藏 | 原文：https://news.example/a.html",
        ]);
        // the clip's title field goes as metadata; the page's own headline
        // line (the dump's first line) names the title
        assert_eq!(kept, vec![BODY, BODY]);
    }

    #[test]
    fn an_article_with_such_words_but_no_clipper_is_left_alone() {
        let lines = [
            "标题：某存储厂价格谈判落定",
            BODY,
            "1. 涨价基本坐实。",
            "TODO：核对数字",
        ];
        assert_eq!(clean(&lines).len(), lines.len());
    }
}
