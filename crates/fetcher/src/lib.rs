//! Sources -> raw pages, and raw bytes -> decoded text.
//!
//! Owns: reading configured sources (local directories of saved pages, URL
//! lists, RSS/Atom feeds and sitemaps over HTTP), URL canonicalisation,
//! politeness (robots.txt, per-host limits and delays), retries, size
//! limits and conditional GET, recognising input that is not text at all,
//! and decoding bytes to text by BOM, HTTP header, `<meta>` and
//! statistical detection (after taking a page saved as one MIME file, MHTML
//! or `.eml`, out of it).
//! Must not know: what happens to a page after it is fetched (cleaning,
//! extraction, storage), where validators are kept between runs, or the
//! order of the pipeline.

pub mod archive;
pub mod canon;
pub mod decode;
pub mod dir;
pub mod discover;
pub mod http;
pub mod politeness;
pub mod robots;
pub mod settings;
pub mod sniff;
pub mod source;

pub use decode::{decode, decode_owned, DecodeError, Decoded};
pub use http::{Fetched, Fetcher, PageRequest, Validators};
pub use settings::FetchSettings;
pub use sniff::{sniff, Sniffed};
pub use source::{FetchError, SourceConfig, SourceKind};

/// The time now as RFC 3339 UTC, without pulling in a date crate.
pub fn now_rfc3339() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    rfc3339_from_unix(secs)
}

/// Formats seconds since the Unix epoch as `YYYY-MM-DDTHH:MM:SSZ`.
pub fn rfc3339_from_unix(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    // Civil-from-days (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        (rem % 3600) / 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_unix_time_as_rfc3339() {
        assert_eq!(rfc3339_from_unix(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339_from_unix(1_795_416_282), "2026-11-23T06:44:42Z");
        assert_eq!(rfc3339_from_unix(951_782_400), "2000-02-29T00:00:00Z");
    }
}
