//! The `resdiff` binary: parse arguments, run, map errors to exit code 2.

use std::process::ExitCode;

use clap::Parser;

mod cli;

use cli::Args;

fn main() -> ExitCode {
    let args = Args::parse();
    match cli::run(args) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("resdiff: {e}");
            ExitCode::from(cli::EXIT_ERROR)
        }
    }
}
