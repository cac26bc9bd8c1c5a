//! A local directory of saved pages as a source.
//!
//! Owns: listing the files of a directory (recursively, in a stable order,
//! skipping hidden files) and reading each into a [`RawPage`].
//! Must not know: what the bytes contain.

use crate::source::FetchError;
use model::RawPage;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Every regular, non-hidden file under `dir`, sorted by path.
pub fn list_pages(dir: &Path) -> Result<Vec<PathBuf>, FetchError> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = std::fs::read_dir(&d).map_err(|source| FetchError::Io {
            location: d.display().to_string(),
            source,
        })?;
        for entry in entries.flatten() {
            let path = entry.path();
            let hidden = entry.file_name().to_string_lossy().starts_with('.');
            if hidden {
                continue;
            }
            match entry.file_type() {
                Ok(t) if t.is_dir() => stack.push(path),
                Ok(t) if t.is_file() => out.push(path),
                _ => {}
            }
        }
    }
    out.sort();
    Ok(out)
}

/// Reads one file as a page. Its URL is `file://` plus the absolute path.
pub fn read_page(path: &Path, max_bytes: u64) -> Result<RawPage, FetchError> {
    let location = path.display().to_string();
    let io = |source| FetchError::Io {
        location: location.clone(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let mut bytes = Vec::new();
    file.take(max_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > max_bytes {
        return Err(FetchError::TooLarge {
            location,
            limit: max_bytes,
        });
    }
    let absolute = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let url = format!("file://{}", absolute.display());
    Ok(RawPage {
        final_url: url.clone(),
        url,
        fetched_at: crate::now_rfc3339(),
        status: 200,
        content_type: None,
        declared_charset: None,
        detected_charset: None,
        bytes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_recursively_in_order_and_enforces_the_size_limit() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::fs::write(dir.path().join("b.txt"), "b").unwrap();
        std::fs::write(dir.path().join("sub/a.html"), "<p>a</p>").unwrap();
        std::fs::write(dir.path().join(".hidden"), "x").unwrap();
        let pages = list_pages(dir.path()).unwrap();
        let names: Vec<_> = pages
            .iter()
            .map(|p| p.strip_prefix(dir.path()).unwrap().display().to_string())
            .collect();
        assert_eq!(names, vec!["b.txt", "sub/a.html"]);

        let page = read_page(&pages[1], 100).unwrap();
        assert_eq!(page.bytes, b"<p>a</p>");
        assert!(page.url.starts_with("file:///"));
        assert!(matches!(
            read_page(&pages[1], 3),
            Err(FetchError::TooLarge { limit: 3, .. })
        ));
        assert!(matches!(
            list_pages(&dir.path().join("missing")),
            Err(FetchError::Io { .. })
        ));
    }
}
