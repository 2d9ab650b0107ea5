//! `moodboard`: parses the command line, then runs a subcommand or opens the app.

use std::io::Write as _;
use std::process::ExitCode;

use clap::Parser as _;
use moodboard::cli::inert::{Inert, inert};
use moodboard::cli::{Cli, run};
use moodboard::tr;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if e.use_stderr() => {
            speak_the_users_language();
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
        let mistyped =
            |board| moodboard::i18n::in_language(moodboard::cli::language(), || moodboard::cli::mistyped(board));
        if let Some(why) = cli.board.as_deref().and_then(mistyped) {
            say(&why);
            return ExitCode::FAILURE;
        }
        return match moodboard::app::run(cli.board, cli.screenshot) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                // The window is gone: its language is no longer in the way.
                speak_the_users_language();
                say(&tr!("cli-error", text = format!("{e:#}")));
                ExitCode::FAILURE
            }
        };
    };
    speak_the_users_language();
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
            say(&tr!("cli-error", text = format!("{e:#}")));
            ExitCode::FAILURE
        }
        Err(_) => {
            say(&tr!("cli-error", text = tr!("cli-internal-error")));
            ExitCode::FAILURE
        }
    }
}

/// The command line speaks the user's language ([`moodboard::cli::language`]): its
/// messages, the errors it prints, and the threads it starts. Not for the app, which
/// speaks the one its preferences choose.
fn speak_the_users_language() {
    let lang = moodboard::cli::language();
    moodboard::i18n::speak_on_this_thread(lang);
    moodboard::i18n::set_process_language(lang);
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
/// (clap's own words stay English.)
fn one_line_clap_error(rendered: &str) -> String {
    let body = rendered.split("\n\nUsage:").next().unwrap_or(rendered);
    let words: Vec<&str> = body.split_whitespace().collect();
    tr!("cli-see-help", error = words.join(" "))
}
