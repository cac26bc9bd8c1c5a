//! Numerals stand apart from their classifiers.
//!
//! Owns: the rule that a Chinese numeral and the classifier after it are
//! two tokens (`一 个`, `两 家`, `三 次`), as `5 张` already is for Arabic
//! numerals. jieba's dictionary has many such pairs as words; the PKU,
//! Academia Sinica and CityU segmentation standards split them, and so
//! does the extractor's view of counts (`一 颗`, `两 台`).
//! Must not know: how runs are found or cut, offsets beyond the word it is
//! given, script conversion (it sees the Simplified form).

/// Chinese numerals that start a numeral + classifier pair.
fn is_numeral(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '两' | '几'
    )
}

/// Common individual and collective classifiers (Simplified forms).
fn is_classifier(c: char) -> bool {
    matches!(
        c,
        '个' | '名'
            | '次'
            | '位'
            | '件'
            | '条'
            | '张'
            | '家'
            | '种'
            | '只'
            | '项'
            | '篇'
            | '部'
            | '本'
            | '份'
            | '座'
            | '场'
            | '届'
            | '批'
            | '颗'
            | '片'
            | '台'
            | '套'
            | '辆'
            | '架'
            | '艘'
            | '栋'
            | '间'
            | '所'
            | '宗'
    )
}

/// If `word` (Simplified, 2 characters) is a numeral followed by a
/// classifier, the byte length of the numeral.
pub(crate) fn split_point(word: &str) -> Option<usize> {
    // Two Han characters are six bytes; anything else is not a pair.
    if word.len() != 6 {
        return None;
    }
    let mut chars = word.chars();
    let (Some(first), Some(second), None) = (chars.next(), chars.next(), chars.next()) else {
        return None;
    };
    (is_numeral(first) && is_classifier(second)).then(|| first.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_numeral_and_classifier() {
        assert_eq!(split_point("一个"), Some(3));
        assert_eq!(split_point("两台"), Some(3));
    }

    #[test]
    fn leaves_other_words() {
        for w in ["一起", "一样", "十分", "个人", "一", "一个个", "三星"] {
            assert_eq!(split_point(w), None, "{w}");
        }
    }
}
