//! The `newsfacts` binary.
//!
//! Owns: parsing the command line, reading the input file or stdin, and
//! turning results and errors into output and an exit status (0 ok, 1 error,
//! 2 usage, 3 some pages failed). Everything else is one call into the
//! `pipeline` crate. Must not know how any stage works.

mod args;
mod commands;

use clap::Parser;

fn main() {
    let args = args::Args::parse();
    commands::init_logging(args.log_format);
    let code = match commands::run(args.command) {
        Ok(code) => code,
        Err(message) => {
            commands::report_error_line(&message);
            1
        }
    };
    std::process::exit(code);
}
