//! `moodboard`: parses the command line, then runs a subcommand or opens the app.

use std::process::ExitCode;

use clap::Parser as _;
use moodboard::cli::{Cli, run};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if e.use_stderr() => {
            eprintln!("{}", one_line_clap_error(&e.render().to_string()));
            return ExitCode::FAILURE;
        }
        Err(e) => {
            // --help and --version.
            print!("{}", e.render());
            return ExitCode::SUCCESS;
        }
    };
    let Some(command) = cli.command else {
        return match moodboard::app::run(cli.board, cli.screenshot) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("error: {e:#}");
                ExitCode::FAILURE
            }
        };
    };
    let result = std::panic::catch_unwind(|| {
        let (mut out, mut err) = (std::io::stdout().lock(), std::io::stderr().lock());
        run(command, &mut out, &mut err)
    });
    match result {
        Ok(Ok(())) => ExitCode::SUCCESS,
        Ok(Err(e)) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
        Err(_) => {
            eprintln!("error: internal error (a bug in Moodboard); nothing was saved");
            ExitCode::FAILURE
        }
    }
}

/// clap's message without the usage block, on one line: `error: … (see --help)`.
fn one_line_clap_error(rendered: &str) -> String {
    let body = rendered.split("\n\nUsage:").next().unwrap_or(rendered);
    let words: Vec<&str> = body.split_whitespace().collect();
    format!("{} (see `moodboard --help`)", words.join(" "))
}
