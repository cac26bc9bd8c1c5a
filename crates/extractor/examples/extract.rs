//! Prints the facts of a text file as JSON (`{"facts": [...]}`), with no
//! cleaning and no segmentation: a development aid for the extractor alone.
//!
//! `cargo run -p newsfacts-extractor --example extract -- FILE`

use newsfacts_extractor::Extractor;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: extract FILE");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            std::process::exit(1);
        }
    };
    let ex = match Extractor::bundled() {
        Ok(x) => x,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let facts = ex.extract(&text, &[]);
    let out = serde_json::json!({ "facts": facts });
    println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
}
