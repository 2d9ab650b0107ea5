//! The `moodboard` subcommands: quick capture from a terminal, and what scripts and
//! tests drive. Each is a thin layer over the library.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail};
use clap::{ArgGroup, Parser, Subcommand};

use crate::tr;

mod add;
pub mod inert;
mod library;
mod live;
mod share;
mod show;

pub use add::{AddArgs, KindArgs};
pub use live::{LiveCommand, NetArgs};
pub use show::render_board;

use crate::export::ExportFormat;
use crate::model::operations;
use crate::model::{Board, Edit, FORMAT_VERSION, ItemId, RECOMMENDED_MAX_GOALS, Stamper, Timestamp, frames};
use crate::prefs::Prefs;
use crate::storage::{self, UpdateError, paths};

/// Collect images, quotes, links, notes and colours onto boards grouped by theme.
#[derive(Debug, Parser)]
#[command(name = "moodboard", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// The board to open in the app (default: the last board, or the welcome board).
    pub board: Option<PathBuf>,
    /// Open the window, wait until every visible image has loaded, save a PNG of the
    /// window to this file and exit.
    #[arg(long, value_name = "OUT.png")]
    pub screenshot: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

// Parsed once per run; boxing `Add` would only make the code noisier.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new, empty board.
    New {
        /// File to create; `.moodboard.ron` is added if it has no `.ron` ending.
        board: PathBuf,
        /// The board's title (default: the file name).
        #[arg(long)]
        title: Option<String>,
        /// What the board is for; give one or two.
        #[arg(long = "goal", value_name = "GOAL")]
        goals: Vec<String>,
    },
    /// Add an idea to a board.
    Add(AddArgs),
    /// Remove items by id (see `show --ids`) or by text; prints what it removed.
    #[command(group(ArgGroup::new("which").required(true).args(["ids", "matching"])))]
    Remove {
        board: PathBuf,
        /// Ids of the items to remove.
        #[arg(value_name = "ITEM_ID")]
        ids: Vec<String>,
        /// Remove every item whose text, tags, contributor or source contains TEXT.
        #[arg(long, value_name = "TEXT", conflicts_with = "ids")]
        matching: Option<String>,
    },
    /// Print the goals, then the items grouped by theme.
    Show {
        board: PathBuf,
        /// Show each item's id.
        #[arg(long)]
        ids: bool,
    },
    /// Check a board and its images without changing anything; prints each problem.
    Check { board: PathBuf },
    /// Merge another copy of a board (or another board) into BOARD, keeping the newest
    /// version of each idea and who brought it; prints what came in, changed, went and
    /// was refused. Another board (another id) may only add ideas.
    Merge {
        board: PathBuf,
        other: PathBuf,
        /// Write the merge to a new board here instead of changing BOARD.
        #[arg(short, long, value_name = "OUT")]
        out: Option<PathBuf>,
        /// Print what the merge would add, change, remove and refuse, and write nothing.
        #[arg(long)]
        dry_run: bool,
        /// OTHER is a copy of this board you trust (one you sent out and got back): take
        /// its deletions and its changes to ideas already here too. Without it only its
        /// new ideas come in, and the rest is listed as not applied.
        #[arg(long)]
        accept_deletions: bool,
    },
    /// git's merge driver for boards: merges THEIRS into OURS (the board merge) and writes
    /// the result into OURS; exits 0 when merged. Set up with
    /// `git config merge.moodboard.driver "moodboard merge-driver %O %A %B"`.
    MergeDriver {
        /// The common ancestor (%O); not needed: stamps and tombstones tell what each
        /// side changed and deleted.
        base: PathBuf,
        /// Our version (%A), which receives the merge.
        ours: PathBuf,
        /// Their version (%B).
        theirs: PathBuf,
    },
    /// Merge every conflict copy a sync tool left beside BOARD into it, then move the
    /// copies into NAME.merged-copies/.
    Sync { board: PathBuf },
    /// Put a board and its images into one file to send (NAME.moodpack).
    Pack {
        board: PathBuf,
        /// The pack to write (default: NAME.moodpack beside the board).
        #[arg(short, long, value_name = "NAME.moodpack")]
        out: Option<PathBuf>,
    },
    /// Unpack a .moodpack into a folder (never overwriting a board there).
    Unpack {
        pack: PathBuf,
        /// The folder to unpack into (default: the current folder).
        #[arg(short, long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
    /// Export a board for people without the app.
    Export {
        board: PathBuf,
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// The file to write (default: NAME.EXT beside the board).
        #[arg(short, long, value_name = "OUT")]
        out: Option<PathBuf>,
        /// Only this theme's items (html, md, png and pdf).
        #[arg(long, value_name = "NAME")]
        theme: Option<String>,
        /// The PDF's paper (default: the one your locale uses, from LC_PAPER or LANG).
        #[arg(long, value_enum, value_name = "PAPER")]
        paper: Option<crate::export::Paper>,
        /// The language of the words the export adds: headings, dot counts, page numbers
        /// (default: the command line's, from LANG and its kin, else the app's).
        #[arg(long, value_enum, value_name = "LANG")]
        lang: Option<crate::i18n::Lang>,
    },
    /// Print where the board's ideas come from: percentages by source, contributor and
    /// theme, one line each, then a warning when one lens dominates.
    Lens {
        board: PathBuf,
        /// A perspective to look for (repeat it); default: your list in preferences.
        #[arg(long = "perspective", value_name = "SOURCE")]
        perspectives: Vec<String>,
    },
    /// Print one creative prompt at random from the deck (and the board's own prompts).
    Prompt {
        /// The deck's language (default: the command line's, from LANG and its kin).
        #[arg(long, value_enum)]
        lang: Option<crate::prompts::Lang>,
        /// Also draw from this board's own prompts.
        #[arg(long, value_name = "BOARD")]
        board: Option<PathBuf>,
    },
    /// Pack the theme frames into a layout shaped like a window, each frame's cards in
    /// tidy columns, unsorted cards after them (what Arrange by theme does in the app).
    Arrange { board: PathBuf },
    /// Serve BOARD's join page for a live session: prints "join: http://ADDR:PORT/j/TOKEN"
    /// and its QR code, then runs until SIGINT or SIGTERM, saves and exits 0.
    Host {
        board: PathBuf,
        /// The address to listen on (default: every interface, so phones can reach it).
        #[arg(long, value_name = "ADDR", default_value = "0.0.0.0")]
        bind: std::net::IpAddr,
        /// The port (0 picks a free one).
        #[arg(long, value_name = "N", default_value_t = 0)]
        port: u16,
    },
    /// Keep a board in step live with teammates' copies on their own computers, with no
    /// server and no account: `live share BOARD` prints a ticket, `live join TICKET`
    /// makes and keeps a copy (see docs/LIVE.md).
    Live {
        #[command(subcommand)]
        command: LiveCommand,
    },
    /// Keep a live board available (on a server, a NAS): the board live again as it was
    /// last, dialling the copy it joined and letting in teammates with a ticket; prints
    /// an editor's ticket. Runs until SIGINT or SIGTERM.
    Peer {
        board: PathBuf,
        #[command(flatten)]
        net: NetArgs,
    },
    /// Show or change BOARD's session: its step and settings.
    Session {
        board: PathBuf,
        #[arg(long, value_enum)]
        phase: Option<PhaseArg>,
        /// Private collect: nobody sees anyone else's ideas while collecting.
        #[arg(long, value_enum, value_name = "on|off")]
        private: Option<Switch>,
        /// Hide who added what while the session runs.
        #[arg(long, value_enum, value_name = "on|off")]
        hide_contributors: Option<Switch>,
        /// Dots per person (1 to 20).
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=20))]
        dots: Option<u32>,
        /// Show the vote totals to everyone.
        #[arg(long, value_enum, value_name = "on|off")]
        reveal: Option<Switch>,
    },
    /// List every board in the boards folder (and the library's other folders): title,
    /// ideas, last change and file; or why it cannot be read.
    Boards {
        /// Print JSON (one object per board) instead of lines.
        #[arg(long)]
        json: bool,
    },
    /// Find ideas across every board: each word in any of its forms (English and Dutch),
    /// case and accents aside; prints board, id and text of each match, best first.
    Search {
        /// The words to find (all of them); may be empty with a filter.
        #[arg(default_value = "")]
        query: String,
        /// Only ideas of this kind (note, quote, link, colour, image).
        #[arg(long, value_name = "KIND")]
        kind: Option<String>,
        /// Only ideas with this tag.
        #[arg(long, value_name = "TAG")]
        tag: Option<String>,
        /// Only ideas this person brought.
        #[arg(long = "by", value_name = "NAME")]
        contributor: Option<String>,
        /// Only ideas added on or after this day (YYYY-MM-DD, UTC).
        #[arg(long, value_name = "DATE")]
        since: Option<String>,
        /// At most this many matches.
        #[arg(long, value_name = "N", default_value_t = 50)]
        limit: usize,
        /// Print JSON (one object per match) instead of lines.
        #[arg(long)]
        json: bool,
    },
    /// Add the nodes of a JSON Canvas file (.canvas) to a board.
    Import {
        board: PathBuf,
        /// The .canvas file.
        file: PathBuf,
        /// Who is adding it (default: your name from the app's preferences).
        #[arg(long = "as", value_name = "CONTRIBUTOR")]
        contributor: Option<String>,
        /// Where the ideas come from: own team, customer, other department …
        #[arg(long, value_name = "WHERE", default_value = crate::model::operations::OWN_TEAM)]
        source: String,
    },
}

/// A session step on the command line.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum PhaseArg {
    Off,
    Collect,
    Cluster,
    Vote,
    React,
}

impl From<PhaseArg> for crate::model::Phase {
    fn from(p: PhaseArg) -> Self {
        use crate::model::Phase;
        match p {
            PhaseArg::Off => Phase::Off,
            PhaseArg::Collect => Phase::Collect,
            PhaseArg::Cluster => Phase::Cluster,
            PhaseArg::Vote => Phase::Vote,
            PhaseArg::React => Phase::React,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Switch {
    On,
    Off,
}

/// Runs a subcommand, writing results to `out` and warnings to `err`.
pub fn run(command: Command, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<()> {
    match command {
        Command::New { board, title, goals } => new(&board, title, goals, out, err),
        Command::Add(args) => add::add(args, out, err),
        Command::Remove { board, ids, matching } => remove(&board, &ids, matching.as_deref(), out, err),
        Command::Show { board, ids } => show::show(&board, ids, out, err),
        Command::Check { board } => show::check(&board, out),
        Command::Merge { board, other, out: to, dry_run, accept_deletions } => {
            share::merge_cmd(&board, &other, to.as_deref(), dry_run, accept_deletions, out, err)
        }
        Command::Sync { board } => share::sync(&board, out, err),
        Command::MergeDriver { base: _, ours, theirs } => share::merge_driver(&ours, &theirs, err),
        Command::Pack { board, out: to } => share::pack_cmd(&board, to.as_deref(), out, err),
        Command::Unpack { pack, out: to } => share::unpack_cmd(&pack, to.as_deref(), out),
        Command::Export { board, format, out: to, theme, paper, lang } => {
            let options = crate::export::ExportOptions {
                theme,
                paper: paper.unwrap_or_else(crate::export::Paper::of_system),
                lang: lang.unwrap_or_else(crate::i18n::language),
            };
            share::export_cmd(&board, format, to.as_deref(), &options, out, err)
        }
        Command::Lens { board, perspectives } => lens(&board, perspectives, out, err),
        Command::Prompt { lang, board } => {
            prompt(lang.unwrap_or_else(crate::i18n::language), board.as_deref(), out, err)
        }
        Command::Arrange { board } => arrange(&board, out, err),
        Command::Host { board, bind, port } => host(&board, bind, port, out, err),
        Command::Live { command } => live::live(command, out),
        Command::Peer { board, net } => live::peer(&board, net, out),
        Command::Session { board, phase, private, hide_contributors, dots, reveal } => {
            session(&board, SessionArgs { phase, private, hide_contributors, dots, reveal }, out, err)
        }
        Command::Boards { json } => library::boards(json, out, err),
        Command::Search { query, kind, tag, contributor, since, limit, json } => {
            library::search(&query, library::Narrow { kind, tag, contributor, since }, limit, json, out, err)
        }
        Command::Import { board, file, contributor, source } => {
            share::import_cmd(&board, &file, contributor.as_deref(), &source, out, err)
        }
    }
}

/// The board a person meant: the path as given, or with `.moodboard.ron` added.
/// A bare word that is no board here and no command: a mistyped command, most likely
/// (`moodboard frobnicate`, `moodboard nwe`), which would otherwise open the window on a
/// board that is not there. The message names the nearest command, if one is near, and
/// how to start a board of that name. `None` for anything that may be a board: an
/// existing file, a board of that name (`kitchen` for `kitchen.moodboard.ron`), or a
/// path or file name (with a separator or an ending), which the app opens or explains.
pub fn mistyped(arg: &Path) -> Option<String> {
    let word = arg.to_str()?;
    if word.is_empty() || word.contains(['/', '\\', '.']) || arg.exists() || paths::with_board_suffix(arg).exists() {
        return None;
    }
    use clap::CommandFactory as _;
    let nearest = Cli::command()
        .get_subcommands()
        .filter(|c| !c.is_hide_set())
        .map(|c| (strsim::damerau_levenshtein(&word.to_lowercase(), c.get_name()), c.get_name().to_owned()))
        .filter(|(distance, _)| *distance <= 2)
        .min();
    let said = match nearest {
        Some((_, command)) => tr!("cli-mistyped-near", word = word, command = command),
        None => tr!("cli-mistyped", word = word),
    };
    Some(tr!("cli-error", text = said))
}

/// The language the command line speaks: the environment's, as gettext reads it
/// (`LANGUAGE`, `LC_ALL`, `LC_MESSAGES`, `LANG`; a locale in a language we lack, or `C`,
/// gives English), else the language chosen in the app's preferences, else English.
pub fn language() -> crate::i18n::Lang {
    crate::i18n::language_from_env(|name| std::env::var(name).ok())
        .or_else(|| Prefs::load().0.language)
        .unwrap_or_default()
}

fn existing_board(arg: &Path) -> PathBuf {
    if arg.exists() {
        return arg.to_owned();
    }
    let with_suffix = paths::with_board_suffix(arg);
    if with_suffix.exists() { with_suffix } else { arg.to_owned() }
}

/// `text` trimmed; an error saying `empty` (`tr!("cli-empty-title")`) when nothing is left.
fn nonempty(text: &str, empty: impl FnOnce() -> String) -> anyhow::Result<String> {
    let text = text.trim();
    if text.is_empty() {
        bail!(empty());
    }
    Ok(text.to_owned())
}

/// "warning: …" on `err`, in the command line's language.
fn warn(err: &mut dyn Write, text: impl std::fmt::Display) -> std::io::Result<()> {
    writeln!(err, "{}", tr!("cli-warning", text = text.to_string()))
}

fn warn_problems(err: &mut dyn Write, problems: &[storage::Problem]) -> anyhow::Result<()> {
    for p in problems {
        warn(err, p)?;
    }
    Ok(())
}

fn load(path: &Path) -> anyhow::Result<storage::Loaded> {
    storage::load(path).map_err(|e| match &e {
        storage::LoadError::Io { source, .. } if source.kind() == std::io::ErrorKind::NotFound => {
            anyhow!(tr!("cli-no-such-board", path = path))
        }
        _ => anyhow!(e),
    })
}

/// The change's own error as it is; lock, load and save errors by their message.
fn flatten(e: UpdateError<anyhow::Error>) -> anyhow::Error {
    match e {
        UpdateError::Change(e) => e,
        other => anyhow!("{other}"),
    }
}

fn new(
    board: &Path,
    title: Option<String>,
    goals: Vec<String>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<()> {
    let path = paths::with_board_suffix(board);
    let now = Timestamp::now();
    let title = match title {
        Some(t) => nonempty(&t, || tr!("cli-empty-title"))?,
        None => paths::board_name(&path),
    };
    let mut new_board = Board::new(&title, now);
    new_board.goals = goals.iter().map(|g| nonempty(g, || tr!("cli-empty-goal"))).collect::<anyhow::Result<_>>()?;
    if new_board.goals.len() > RECOMMENDED_MAX_GOALS {
        let many = tr!("cli-many-goals", count = new_board.goals.len());
        writeln!(err, "{}", tr!("cli-note", text = many))?;
    }
    storage::create(&path, &new_board)?;
    let goals = new_board.goals.len();
    let said = tr!("cli-created", path = path.as_path(), title = title, goals = goals, version = FORMAT_VERSION);
    writeln!(out, "{said}")?;
    Ok(())
}

fn host(
    board: &Path,
    bind: std::net::IpAddr,
    port: u16,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<()> {
    let path = existing_board(board);
    load(&path)?;
    let host = crate::host::Host::start(&path, std::net::SocketAddr::new(bind, port), None)?;
    let shown = if bind.is_unspecified() { crate::host::local_address() } else { bind.to_string() };
    let url = host.join_url(&shown);
    writeln!(out, "join: {url}")?;
    out.flush()?;
    // The rest is for people; a reader that took the join line and left (`| head -1`)
    // must not stop the session.
    if let Some(qr) = crate::host::qr_text(&url) {
        let _ = writeln!(out, "{qr}");
    }
    let _ = writeln!(out, "{}", tr!("cli-serving", path = path));
    let _ = out.flush();
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    runtime.block_on(async {
        #[cfg(unix)]
        {
            let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())?;
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = term.recv() => {}
            }
        }
        #[cfg(not(unix))]
        tokio::signal::ctrl_c().await?;
        Ok::<_, std::io::Error>(())
    })?;
    let (joined, contributed) = host.people();
    host.stop().map_err(|e| anyhow!(tr!("cli-host-not-saved", path = path, reason = e.to_string())))?;
    let said = tr!("cli-host-stopped", joined = joined, ideas = contributed, path = path.as_path());
    writeln!(err, "{said}")?;
    Ok(())
}

struct SessionArgs {
    phase: Option<PhaseArg>,
    private: Option<Switch>,
    hide_contributors: Option<Switch>,
    dots: Option<u32>,
    reveal: Option<Switch>,
}

fn session(board: &Path, args: SessionArgs, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<()> {
    let path = existing_board(board);
    load(&path)?;
    let changes = args.phase.is_some()
        || args.private.is_some()
        || args.hide_contributors.is_some()
        || args.dots.is_some()
        || args.reveal.is_some();
    let who = Prefs::load().0.contributor();
    let (session, problems) = storage::update(&path, |board| -> anyhow::Result<_> {
        if changes {
            let edit = crate::model::rules::change_session(board, |s| {
                if let Some(p) = args.phase {
                    s.phase = p.into();
                }
                if let Some(v) = args.private {
                    s.private_collect = v == Switch::On;
                }
                if let Some(v) = args.hide_contributors {
                    s.hide_contributors = v == Switch::On;
                }
                if let Some(n) = args.dots {
                    s.dots_per_person = n;
                }
                if let Some(v) = args.reveal {
                    s.votes_revealed = v == Switch::On;
                }
            });
            operations::commit(board, edit, &mut Stamper::now(board, &who))?;
        }
        Ok(board.session.clone())
    })
    .map_err(flatten)?;
    warn_problems(err, &problems)?;
    // Each setting as the flag that changes it takes it (`--phase vote`, `--reveal on`).
    let on = |b: bool| if b { "on" } else { "off" };
    let said = tr!(
        "cli-session",
        step = crate::host::state::phase_name(session.phase),
        private = on(session.private_collect),
        hide = on(session.hide_contributors),
        dots = session.dots_per_person,
        revealed = on(session.votes_revealed)
    );
    writeln!(out, "{said}")?;
    Ok(())
}

fn remove(
    board: &Path,
    ids: &[String],
    matching: Option<&str>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<()> {
    let path = existing_board(board);
    load(&path)?;
    let who = Prefs::load().0.contributor();
    let now = Timestamp::now();
    let (removed, problems) = storage::update(&path, |board| -> anyhow::Result<Vec<String>> {
        let targets: Vec<ItemId> = match matching {
            Some(text) => {
                let text = nonempty(text, || tr!("cli-empty-match"))?;
                let hits: Vec<ItemId> = board.items.iter().filter(|i| i.matches(&text)).map(|i| i.id.clone()).collect();
                if hits.is_empty() {
                    bail!(tr!("cli-no-item-matches", path = path, text = text));
                }
                hits
            }
            None => ids
                .iter()
                .map(|raw| {
                    ItemId::parse(raw.trim())
                        .ok()
                        .filter(|id| board.item(id).is_some())
                        .ok_or_else(|| anyhow!(tr!("cli-no-such-item", path = path, id = raw)))
                })
                .collect::<anyhow::Result<_>>()?,
        };
        let mut lines = Vec::new();
        for id in &targets {
            let item = board.item(id).ok_or_else(|| anyhow!(tr!("cli-no-such-item", path = path, id = id.as_str())))?;
            if item.locked {
                bail!(tr!("cli-item-locked", id = id.as_str(), summary = item.kind.summary()));
            }
            let kind = tr!(&item.kind.spec().name_id());
            lines.push(tr!("cli-removed", id = id.as_str(), kind = kind, summary = item.kind.summary()));
        }
        let mut unique = targets.clone();
        unique.sort();
        unique.dedup();
        lines.dedup();
        let edit = Edit::delete_items(board, &unique, now, &who);
        operations::commit(board, edit, &mut Stamper::now(board, &who))?;
        Ok(lines)
    })
    .map_err(flatten)?;
    warn_problems(err, &problems)?;
    for line in removed {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

fn arrange(board: &Path, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<()> {
    let path = existing_board(board);
    load(&path)?;
    let who = Prefs::load().0.contributor();
    let ((moved, frames, size), problems) = storage::update(&path, |board| -> anyhow::Result<_> {
        let edit = frames::arrange(board, Timestamp::now());
        let before: Vec<_> = board.items.iter().map(|i| i.pos).collect();
        operations::commit(board, edit, &mut Stamper::now(board, &who))?;
        let moved = board.items.iter().zip(before).filter(|(i, p)| i.pos != *p).count();
        let size = board.bounds().map_or((0.0, 0.0), |b| (b.width(), b.height()));
        Ok((moved, board.themes.len(), size))
    })
    .map_err(flatten)?;
    warn_problems(err, &problems)?;
    let (width, height) = (f64::from(size.0.round()), f64::from(size.1.round()));
    let said = tr!("cli-arranged", frames = frames, moved = moved, width = width, height = height);
    writeln!(out, "{said}")?;
    Ok(())
}

fn lens(board: &Path, perspectives: Vec<String>, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<()> {
    let path = existing_board(board);
    let storage::Loaded { board, problems, .. } = load(&path)?;
    warn_problems(err, &problems)?;
    let perspectives = if perspectives.is_empty() { crate::prefs::Prefs::load().0.sources } else { perspectives };
    let report = crate::model::lens::lens_report(&board, &perspectives);
    for line in lens_lines(&report) {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// The lens report as `moodboard lens` prints it, one share a line.
fn lens_lines(report: &crate::model::lens::LensReport) -> Vec<String> {
    use crate::model::lens::NOT_GIVEN;
    let named = |s: &crate::model::lens::Share, not_given: &str| {
        let name = if s.name == NOT_GIVEN { tr!(not_given) } else { s.name.clone() };
        (name, s.percent, s.count)
    };
    let mut lines = vec![tr!("cli-ideas", count = report.ideas)];
    for (name, percent, count) in report.by_source.iter().map(|s| named(s, "lens-not-given")) {
        lines.push(tr!("cli-lens-source", name = name, percent = percent, count = count));
    }
    if report.contributors_hidden {
        lines.push(tr!("cli-lens-contributors-hidden"));
    } else {
        for (name, percent, count) in report.by_contributor.iter().map(|s| named(s, "lens-not-given")) {
            lines.push(tr!("cli-lens-contributor", name = name, percent = percent, count = count));
        }
    }
    for (name, percent, count) in report.by_theme.iter().map(|s| named(s, "theme-unsorted")) {
        lines.push(tr!("cli-lens-theme", name = name, percent = percent, count = count));
    }
    lines.push(tr!("cli-lens-outside-in", percent = report.outside_in_percent));
    lines.extend(report.warnings.iter().map(|w| tr!("cli-warning", text = crate::i18n::said(w))));
    let nothing_from = |m: &String| tr!("lens-nothing-from", perspective = m.as_str());
    lines.extend(report.missing.iter().map(|m| tr!("cli-lens-look-next", text = nothing_from(m))));
    lines
}

fn prompt(
    lang: crate::prompts::Lang,
    board: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<()> {
    let own = match board {
        Some(board) => {
            let storage::Loaded { board, problems, .. } = load(&existing_board(board))?;
            warn_problems(err, &problems)?;
            board.session.own_prompts
        }
        None => Vec::new(),
    };
    writeln!(out, "{}", crate::prompts::draw(lang, &own, &mut fastrand::Rng::new()))?;
    Ok(())
}
