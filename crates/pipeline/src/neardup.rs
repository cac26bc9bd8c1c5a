//! Near-duplicate detection: a 64-bit simhash of a clean text.
//!
//! Owns: turning text into a fingerprint that changes by a few bits when
//! the text changes a little (a syndicated copy with another byline, a
//! footer, a corrected figure): features are overlapping 4-character
//! shingles of the text with white space removed and letters lower-cased,
//! hashed with FNV-1a (stable across Rust versions, so stored fingerprints
//! stay comparable). Two texts whose fingerprints differ in at most
//! [`MAX_BITS`] bits are near-duplicates.
//! Must not know: where fingerprints are stored or what is done with a
//! near-duplicate.

/// Fingerprints at most this many bits apart are near-duplicates.
pub const MAX_BITS: u32 = 3;

/// Texts shorter than this (in characters, white space removed) get no
/// fingerprint: short texts collide too easily.
pub const MIN_CHARS: usize = 80;

/// The simhash of `text`, or `None` for a text too short to compare.
pub fn simhash(text: &str) -> Option<u64> {
    let chars: Vec<char> = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    if chars.len() < MIN_CHARS {
        return None;
    }
    let mut weights = [0i64; 64];
    let mut buf = [0u8; 16];
    for window in chars.windows(4) {
        let mut hash = 0xcbf2_9ce4_8422_2325_u64;
        for c in window {
            for byte in c.encode_utf8(&mut buf).as_bytes() {
                hash ^= u64::from(*byte);
                hash = hash.wrapping_mul(0x0100_0000_01b3);
            }
        }
        for (bit, weight) in weights.iter_mut().enumerate() {
            if hash >> bit & 1 == 1 {
                *weight += 1;
            } else {
                *weight -= 1;
            }
        }
    }
    Some(
        weights
            .iter()
            .enumerate()
            .filter(|(_, w)| **w > 0)
            .fold(0u64, |acc, (bit, _)| acc | 1 << bit),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = "寒武纪今日发布公告称，公司第三季度营收达到18.5亿元，同比增长45%，思元590出货量超过3万张卡。\
        英伟达H100与H20在中国市场的供货仍然紧张，华为昇腾910C集群算力达到300 PFLOPS，功耗约5兆瓦。\
        分析师表示，海光信息与摩尔线程也在加速推出新一代训练芯片，国产替代进程明显加快。\
        据报道，台积电3纳米产能利用率维持高位，CoWoS封装产能预计明年翻倍至每月8万片晶圆。";

    #[test]
    fn a_lightly_edited_copy_is_near_a_different_article_is_not() {
        let a = simhash(ARTICLE).unwrap();
        let copy = format!("{ARTICLE}（来源：新华社）");
        let b = simhash(&copy).unwrap();
        assert!((a ^ b).count_ones() <= MAX_BITS, "{}", (a ^ b).count_ones());
        let other =
            "NVIDIA said on Tuesday that data-center revenue rose 12% to $30.2 billion as H200 \
            shipments ramped, while AMD expects the MI355X to deliver 2,300 TFLOPS of FP8 compute.";
        let c = simhash(other).unwrap();
        assert!((a ^ c).count_ones() > 10);
        assert_eq!(simhash("too short"), None);
    }
}
