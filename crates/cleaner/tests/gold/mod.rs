//! Shared by the tests that read `fixtures/expected`: where the repository
//! is, how gold strings are listed and how text is compared.

use std::path::PathBuf;

/// The repository root (the fixtures live there).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Compared without white space, width or case, as the project's scorer
/// does.
pub fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c as u32 {
            0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            // Big5 0xA241 is `／` to Python (which wrote the gold) and `∕`
            // to the WHATWG table browsers and encoding_rs use.
            0x2215 => '/',
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// The strings under `key` of an expected file.
pub fn strings(gold: &serde_json::Value, key: &str) -> Vec<String> {
    gold[key]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}
