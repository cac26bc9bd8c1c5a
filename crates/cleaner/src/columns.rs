//! Two-column pages of a PDF's text laid out side by side -> one column.
//!
//! Owns: `pdftotext -layout` output of a two-column page, where each line
//! holds a line of the left column, a run of spaces, and a line of the
//! right column. On a page (text between form feeds) whose lines mostly
//! break at one column (the gutter: where the right column's text starts,
//! give or take [`SLACK`] characters), the left column is read down to the
//! end, then the right one. A line that crosses the gutter (a page header,
//! a heading set across both columns) ends the pair of columns above it
//! and stands where it is.
//! Must not know: what is noise; how lines become paragraphs (the reflow
//! rule joins the column's wrapped lines afterwards).

/// Spaces between two columns, at least.
const MIN_GAP: usize = 3;
/// How far a line's right column may start from the page's gutter.
const SLACK: usize = 3;
/// Lines split at the gutter a page needs before it is read as two columns.
const MIN_SPLIT_LINES: usize = 6;
/// Leading spaces of a line that holds only the right column.
const RIGHT_ONLY_INDENT: usize = 20;

/// The text with every two-column page read column by column, or `None`
/// when no page of a PDF's text (form feeds) is laid out in two columns.
pub fn unfolded(text: &str) -> Option<String> {
    if !text.contains('\u{c}') {
        return None;
    }
    let mut changed = false;
    let mut out = String::with_capacity(text.len());
    for (n, page) in text.split('\u{c}').enumerate() {
        if n > 0 {
            out.push('\u{c}');
        }
        // Each line as chars once: the gutter is sought and the line cut
        // by char index.
        let lines: Vec<Vec<char>> = page
            .lines()
            .map(|l| l.trim_end().chars().collect())
            .collect();
        match gutter(&lines) {
            Some(g) => {
                changed = true;
                read_columns(&lines, g, &mut out);
            }
            None => out.push_str(page),
        }
    }
    changed.then_some(out)
}

/// Where the right column's text starts on a line: the char index after
/// each run of [`MIN_GAP`] or more spaces between two words.
fn gap_ends(line: &[char]) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut run = 0usize;
    let mut seen_text = false;
    for (i, &c) in line.iter().enumerate() {
        if c == ' ' {
            run += 1;
            continue;
        }
        if seen_text && run >= MIN_GAP {
            ends.push(i);
        }
        seen_text = true;
        run = 0;
    }
    ends
}

/// The page's gutter column, when enough of its lines split there.
fn gutter(lines: &[Vec<char>]) -> Option<usize> {
    let written = lines.iter().filter(|l| !l.is_empty()).count();
    let mut votes: Vec<usize> = Vec::new();
    for l in lines {
        for e in gap_ends(l) {
            if votes.len() <= e {
                votes.resize(e + 1, 0);
            }
            votes[e] += 1;
        }
    }
    // The column with the most gap ends within the slack around it; the
    // first columns are indents, not gutters.
    let (best, count) = (RIGHT_ONLY_INDENT..votes.len())
        .map(|c| {
            let lo = c.saturating_sub(SLACK);
            let hi = (c + SLACK).min(votes.len() - 1);
            (c, votes[lo..=hi].iter().sum::<usize>())
        })
        .max_by_key(|&(c, n)| (n, std::cmp::Reverse(c)))?;
    (count >= MIN_SPLIT_LINES && count * 4 >= written).then_some(best)
}

/// Writes the page's `lines` read column by column around the gutter `g`.
fn read_columns(lines: &[Vec<char>], g: usize, out: &mut String) {
    let mut left: Vec<String> = Vec::new();
    let mut right: Vec<String> = Vec::new();
    let flush = |left: &mut Vec<String>, right: &mut Vec<String>, out: &mut String| {
        for l in left.drain(..).chain(right.drain(..)) {
            out.push_str(&l);
            out.push('\n');
        }
    };
    for chars in lines {
        if chars.is_empty() {
            left.push(String::new());
            right.push(String::new());
            continue;
        }
        let indent = chars.iter().take_while(|&&c| c == ' ').count();
        if indent >= RIGHT_ONLY_INDENT && indent + SLACK >= g {
            right.push(chars[indent..].iter().collect());
            continue;
        }
        if chars.len() + SLACK <= g {
            left.push(chars.iter().collect::<String>());
            continue;
        }
        let split = gap_ends(chars)
            .into_iter()
            .filter(|&e| e.abs_diff(g) <= SLACK)
            .min_by_key(|&e| e.abs_diff(g));
        match split {
            Some(e) => {
                left.push(chars[..e].iter().collect::<String>().trim_end().to_string());
                right.push(chars[e..].iter().collect());
            }
            None => {
                // Across the gutter: the columns above end here.
                flush(&mut left, &mut right, out);
                out.extend(chars.iter());
                out.push('\n');
            }
        }
    }
    flush(&mut left, &mut right, out);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pad(l: &str, r: &str) -> String {
        let n = l.chars().count();
        format!("    {l}{}{r}", " ".repeat(44usize.saturating_sub(n)))
    }

    #[test]
    fn two_columns_are_read_one_after_the_other() {
        let mut page = String::from("                 某證券晨報  2026/03/18\n\n");
        for k in 0..8 {
            page.push_str(&pad(
                &format!("左欄第{k}行，產能持續增加"),
                &format!("右欄第{k}行，需求仍然強勁"),
            ));
            page.push('\n');
        }
        let text = format!("{page}\u{c}{page}");
        let out = unfolded(&text).expect("two columns");
        let first = out.split('\u{c}').next().unwrap_or("");
        let lines: Vec<&str> = first
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        assert_eq!(lines[0], "某證券晨報  2026/03/18");
        assert_eq!(lines[1], "左欄第0行，產能持續增加");
        assert_eq!(lines[8], "左欄第7行，產能持續增加");
        assert_eq!(lines[9], "右欄第0行，需求仍然強勁");
        assert_eq!(lines[16], "右欄第7行，需求仍然強勁");
    }

    #[test]
    fn one_column_and_a_dump_without_form_feeds_stay() {
        let one = "    A paragraph of one column that wraps at the page's width and\n    goes on to the next line without any gap in it at all.\n";
        assert_eq!(unfolded(&format!("{one}\u{c}{one}")), None);
        assert_eq!(unfolded("left     right\n"), None);
    }
}
