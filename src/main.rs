//! `moodboard`: parses the command line, then runs a subcommand or opens the app.

use std::io::Write as _;
use std::process::ExitCode;

use clap::Parser as _;
use moodboard::cli::inert::{Inert, inert};
use moodboard::cli::{Cli, run};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if e.use_stderr() => {
            say(&one_line_clap_error(&e.render().to_string()));
            return ExitCode::FAILURE;
        }
        Err(e) => {
            // --help and --version.
            let _ = write!(std::io::stdout(), "{}", e.render());
            return ExitCode::SUCCESS;
        }
    };
    let Some(command) = cli.command else {
        if let Some(why) = cli.board.as_deref().and_then(moodboard::cli::mistyped) {
            say(&why);
            return ExitCode::FAILURE;
        }
        return match moodboard::app::run(cli.board, cli.screenshot) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                say(&format!("error: {e:#}"));
                ExitCode::FAILURE
            }
        };
    };
    let result = std::panic::catch_unwind(|| {
        // Everything a command writes is made inert on its way out: text from received
        // boards never acts on the terminal.
        let (mut out, mut err) = (Inert::new(std::io::stdout().lock()), Inert::new(std::io::stderr().lock()));
        run(command, &mut out, &mut err)
    });
    match result {
        Ok(Ok(())) => ExitCode::SUCCESS,
        // `moodboard show BOARD | head`: whoever reads our output has had enough. Stop
        // quietly, as Unix tools do; everything that changes a board is written before
        // its report.
        Ok(Err(e)) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Ok(Err(e)) => {
            say(&format!("error: {e:#}"));
            ExitCode::FAILURE
        }
        Err(_) => {
            say("error: internal error (a bug in Moodboard); nothing was saved");
            ExitCode::FAILURE
        }
    }
}

/// Writes a line to stderr, which may itself be a closed pipe: then there is no one to
/// tell, and that is not a reason to panic.
fn say(line: &str) {
    let _ = writeln!(std::io::stderr(), "{}", inert(line));
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// clap's message without the usage block, on one line: `error: … (see --help)`.
fn one_line_clap_error(rendered: &str) -> String {
    let body = rendered.split("\n\nUsage:").next().unwrap_or(rendered);
    let words: Vec<&str> = body.split_whitespace().collect();
    format!("{} (see `moodboard --help`)", words.join(" "))
}
