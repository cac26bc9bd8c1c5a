//! Prints the clean text of a file (or stdin), then, with `--dropped`, what
//! was removed and why. `cargo run -p newsfacts-cleaner --example clean FILE`.

use std::io::Read;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .cloned()
        .unwrap_or_else(|| "-".into());
    let mut input = String::new();
    let read = if path == "-" {
        std::io::stdin().read_to_string(&mut input).map(|_| ())
    } else {
        std::fs::read(&path).map(|b| input = String::from_utf8_lossy(&b).into_owned())
    };
    if let Err(e) = read {
        eprintln!("clean: {path}: {e}");
        std::process::exit(1);
    }
    let doc = newsfacts_cleaner::clean(&path, &input);
    println!("{}", doc.text);
    if args.iter().any(|a| a == "--dropped") {
        eprintln!(
            "title: {:?}\npublished: {:?}\nlang: {:?}",
            doc.title, doc.published, doc.lang
        );
        for d in &doc.dropped {
            eprintln!("[{}] {}", d.reason.as_str(), d.excerpt);
        }
    }
}
