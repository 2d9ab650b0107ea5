//! The `moodboard` subcommands: quick capture from a terminal, and what scripts and
//! tests drive. Each is a thin layer over the library.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail};
use clap::{ArgGroup, Args, Parser, Subcommand};

mod share;

use crate::export::ExportFormat;
use crate::media::import_file;
use crate::media::thumbs::ThumbCache;
use crate::model::kinds::Fields;
use crate::model::operations::{self, Contributor, NewIdea};
use crate::model::{
    Board, Edit, FORMAT_VERSION, Item, ItemId, ItemKind, KindTag, RECOMMENDED_MAX_GOALS, Stamper, Timestamp, frames,
};
use crate::prefs::Prefs;
use crate::storage::{self, AssetStore, UpdateError, paths};

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
        /// Only this theme's items (html, md and png).
        #[arg(long, value_name = "NAME")]
        theme: Option<String>,
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
        #[arg(long, value_enum, default_value = "en")]
        lang: crate::prompts::Lang,
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

#[derive(Debug, Args)]
pub struct AddArgs {
    pub board: PathBuf,
    /// What to add: one flag per kind of idea (`--note TEXT`, `--quote TEXT --by WHO`, …),
    /// made from the kinds' own fields.
    #[command(flatten)]
    pub what: KindArgs,
    /// The theme to put it in; created if the board has no theme by that name.
    #[arg(long, value_name = "NAME")]
    pub theme: Option<String>,
    /// Who is adding it (default: your name from the app's preferences, else your login).
    #[arg(long = "as", value_name = "CONTRIBUTOR")]
    pub contributor: Option<String>,
    /// Where it comes from: own team, customer, other department, other field …
    #[arg(long, value_name = "WHERE")]
    pub source: Option<String>,
    /// A tag; repeat for more.
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    /// Make no network request: links are added without a preview, and image addresses
    /// are refused.
    #[arg(long)]
    pub offline: bool,
    /// Give up on a download after this many seconds.
    #[arg(long, value_name = "SECS", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=600))]
    pub timeout: u64,
}

/// Runs a subcommand, writing results to `out` and warnings to `err`.
pub fn run(command: Command, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<()> {
    match command {
        Command::New { board, title, goals } => new(&board, title, goals, out, err),
        Command::Add(args) => add(args, out, err),
        Command::Remove { board, ids, matching } => remove(&board, &ids, matching.as_deref(), out, err),
        Command::Show { board, ids } => show(&board, ids, out, err),
        Command::Check { board } => check(&board, out),
        Command::Merge { board, other, out: to, dry_run } => {
            share::merge_cmd(&board, &other, to.as_deref(), dry_run, out, err)
        }
        Command::Sync { board } => share::sync(&board, out, err),
        Command::MergeDriver { base: _, ours, theirs } => share::merge_driver(&ours, &theirs, err),
        Command::Pack { board, out: to } => share::pack_cmd(&board, to.as_deref(), out, err),
        Command::Unpack { pack, out: to } => share::unpack_cmd(&pack, to.as_deref(), out),
        Command::Export { board, format, out: to, theme } => {
            share::export_cmd(&board, format, to.as_deref(), theme.as_deref(), out, err)
        }
        Command::Lens { board, perspectives } => lens(&board, perspectives, out, err),
        Command::Prompt { lang, board } => prompt(lang, board.as_deref(), out, err),
        Command::Arrange { board } => arrange(&board, out, err),
        Command::Host { board, bind, port } => host(&board, bind, port, out, err),
        Command::Session { board, phase, private, hide_contributors, dots, reveal } => {
            session(&board, SessionArgs { phase, private, hide_contributors, dots, reveal }, out, err)
        }
        Command::Import { board, file, contributor, source } => {
            share::import_cmd(&board, &file, contributor.as_deref(), &source, out, err)
        }
    }
}

/// The board a person meant: the path as given, or with `.moodboard.ron` added.
fn existing_board(arg: &Path) -> PathBuf {
    if arg.exists() {
        return arg.to_owned();
    }
    let with_suffix = paths::with_board_suffix(arg);
    if with_suffix.exists() { with_suffix } else { arg.to_owned() }
}

fn nonempty(what: &str, text: &str) -> anyhow::Result<String> {
    let text = text.trim();
    if text.is_empty() {
        bail!("the {what} is empty");
    }
    Ok(text.to_owned())
}

fn warn_problems(err: &mut dyn Write, problems: &[storage::Problem]) -> anyhow::Result<()> {
    for p in problems {
        writeln!(err, "warning: {p}")?;
    }
    Ok(())
}

fn load(path: &Path) -> anyhow::Result<storage::Loaded> {
    storage::load(path).map_err(|e| match &e {
        storage::LoadError::Io { source, .. } if source.kind() == std::io::ErrorKind::NotFound => {
            anyhow!("{}: no such board; create it with `moodboard new {}`", path.display(), path.display())
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
        Some(t) => nonempty("title", &t)?,
        None => paths::board_name(&path),
    };
    let mut new_board = Board::new(&title, now);
    new_board.goals = goals.iter().map(|g| nonempty("goal", g)).collect::<anyhow::Result<_>>()?;
    if new_board.goals.len() > RECOMMENDED_MAX_GOALS {
        writeln!(err, "note: {} goals given; a board works best with one or two", new_board.goals.len())?;
    }
    storage::create(&path, &new_board)?;
    writeln!(
        out,
        "created {} “{}” with {} goal{} (format version {FORMAT_VERSION})",
        path.display(),
        title,
        new_board.goals.len(),
        if new_board.goals.len() == 1 { "" } else { "s" }
    )?;
    Ok(())
}

fn add(args: AddArgs, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<()> {
    let total = std::time::Duration::from_secs(args.timeout);
    let limits = &crate::web::Limits {
        total,
        connect: total.min(crate::web::Limits::default().connect),
        ..crate::web::Limits::default()
    };
    let path = existing_board(&args.board);
    // Fail early on a missing or broken board, before copying any image.
    load(&path)?;
    let prefs = Prefs::load().0;
    let contributor = match &args.contributor {
        Some(who) => nonempty("contributor (--as)", who)?,
        None => prefs.contributor(),
    };
    let source = match &args.source {
        Some(s) => nonempty("source", s)?,
        None => operations::OWN_TEAM.to_owned(),
    };
    let store = AssetStore::for_board(&path);
    let mut refused = Vec::new();
    let what = &args.what;
    let kinds: Vec<ItemKind> = if what.kind.spec().typed {
        let kind = what.kind.build(&what.fields).map_err(|e| anyhow!(english(|| crate::i18n::said(&e))))?;
        vec![previewed(kind, args.offline, &store, limits, err)?]
    } else {
        let thumbs = ThumbCache::standard();
        for source in what.sources.iter().filter(|s| is_web_address(s) && !args.offline) {
            writeln!(err, "downloading {} …", source.trim())?;
        }
        let mut kinds = Vec::new();
        for result in import_all(&what.sources, args.offline, &store, &thumbs, limits) {
            match result {
                Ok(kind) => kinds.push(kind),
                Err(e) => refused.push(e),
            }
        }
        kinds
    };
    let tags: Vec<String> = args.tags.iter().map(|t| t.trim().to_owned()).filter(|t| !t.is_empty()).collect();

    if !kinds.is_empty() {
        let now = Timestamp::now();
        let ((ids, theme_note), problems) = storage::update(&path, |board| -> anyhow::Result<_> {
            let mut clock = Stamper::now(board, &contributor);
            let mut theme_note = String::new();
            let theme = match args.theme.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
                None => None,
                Some(name) => match board.theme_by_name(name) {
                    Some(t) => {
                        theme_note = format!(" in theme “{}”", t.name);
                        Some(t.id.clone())
                    }
                    None => {
                        let theme = board.new_theme(name, now);
                        theme_note = format!(" in new theme “{name}”");
                        let id = theme.id.clone();
                        operations::commit(board, Edit::InsertTheme(theme), &mut clock)?;
                        Some(id)
                    }
                },
            };
            // In its theme's frame, or beside everything, never on another card.
            let ideas = kinds.into_iter().map(|kind| NewIdea::new(kind).in_theme(theme.clone()).tagged(tags.clone()));
            let by = Contributor { name: &contributor, source: &source };
            let added = operations::add(board, ideas.collect(), by, &mut clock)?;
            let ids = added
                .ids
                .iter()
                .map(|id| (id.clone(), board.item(id).map_or("", |i| i.kind.tag().name())))
                .collect::<Vec<_>>();
            Ok((ids, theme_note))
        })
        .map_err(flatten)?;
        warn_problems(err, &problems)?;
        for (id, kind) in ids {
            writeln!(out, "added {kind} {id} to {}{theme_note}", path.display())?;
        }
    }
    if !refused.is_empty() {
        for reason in &refused {
            writeln!(err, "not added: {reason}")?;
        }
        let total = what.sources.len();
        if refused.len() == total {
            bail!("nothing added to {}", path.display());
        }
        bail!("{} of {total} images not added to {} (the others were)", refused.len(), path.display());
    }
    Ok(())
}

/// Whether an argument names a web address rather than a file.
fn is_web_address(source: &str) -> bool {
    let lower = source.trim().to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Every source's image card, in the order given, imported on all cores at once (each
/// file is checked, stored and cached on its own; one failing leaves the others).
fn import_all(
    sources: &[String],
    offline: bool,
    store: &AssetStore,
    thumbs: &ThumbCache,
    limits: &crate::web::Limits,
) -> Vec<anyhow::Result<ItemKind>> {
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get()).min(sources.len()).max(1);
    let next = std::sync::atomic::AtomicUsize::new(0);
    let results: Vec<std::sync::Mutex<Option<anyhow::Result<ItemKind>>>> =
        sources.iter().map(|_| std::sync::Mutex::new(None)).collect();
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let index = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(source) = sources.get(index) else { break };
                    // A decoder that panics refuses its file and leaves the others.
                    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        image_kind(source, offline, store, thumbs, limits)
                    }))
                    .unwrap_or_else(|_| Err(anyhow!("{source}: the image could not be read (the decoder stopped)")));
                    *results[index].lock().unwrap_or_else(std::sync::PoisonError::into_inner) = Some(result);
                }
            });
        }
    });
    results
        .into_iter()
        .map(|slot| {
            slot.into_inner()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .unwrap_or_else(|| Err(anyhow!("the import stopped unexpectedly (a bug in Moodboard)")))
        })
        .collect()
}

/// An image card from a file or an http(s) address; the error says which and why.
fn image_kind(
    source: &str,
    offline: bool,
    store: &AssetStore,
    thumbs: &ThumbCache,
    limits: &crate::web::Limits,
) -> anyhow::Result<ItemKind> {
    let imported = if is_web_address(source) {
        if offline {
            bail!("{source}: not downloaded (--offline)");
        }
        crate::web::image(source.trim(), store, thumbs, limits, &|_, _| {})?
    } else {
        import_file(store, thumbs, Path::new(source))?
    };
    Ok(imported.into_kind())
}

/// `kind` filled in by the web page it previews ([`Behaviour::previewed_from`], a link's),
/// unless `offline`; a page that cannot be read still gives the idea, with a warning
/// saying why.
///
/// [`Behaviour::previewed_from`]: crate::model::kinds::Behaviour::previewed_from
fn previewed(
    mut kind: ItemKind,
    offline: bool,
    store: &AssetStore,
    limits: &crate::web::Limits,
    err: &mut dyn Write,
) -> anyhow::Result<ItemKind> {
    let Some(url) = kind.behaviour().previewed_from().map(str::to_owned) else { return Ok(kind) };
    if offline || crate::web::parse_address(&url).is_err() {
        if !offline && !crate::model::links::is_openable(&url) {
            writeln!(err, "warning: {url:?} is not a web address; added without a preview")?;
        }
        return Ok(kind);
    }
    let info = crate::web::link(&url, store, &ThumbCache::standard(), limits, &|_, _| {});
    if let Some(warning) = &info.warning {
        writeln!(err, "warning: {url}: {warning}")?;
    }
    kind.take_preview(info.preview());
    Ok(kind)
}

/// What `say` says, in English: the command line speaks English.
fn english<T>(say: impl FnOnce() -> T) -> T {
    crate::i18n::in_english(say)
}

/// `moodboard add`'s flags for what to add, one per kind of idea and one per field a
/// kind takes there, all made from the kinds' specs
/// ([`crate::model::kinds::KindSpec::flag`], [`crate::model::kinds::Field::flag`]).
#[derive(Clone, Debug)]
pub struct KindArgs {
    pub kind: KindTag,
    /// The typed fields of a typed kind.
    pub fields: Fields,
    /// The files or addresses of an imported kind (pictures).
    pub sources: Vec<String>,
}

impl clap::FromArgMatches for KindArgs {
    fn from_arg_matches(matches: &clap::ArgMatches) -> Result<Self, clap::Error> {
        for &kind in KindTag::ALL {
            let spec = kind.spec();
            let Some(given) = matches.get_many::<String>(spec.flag.long) else { continue };
            let given: Vec<String> = given.cloned().collect();
            if !spec.typed {
                return Ok(Self { kind, fields: Fields::new(), sources: given });
            }
            let mut fields = Fields::new();
            // The kind's own flag sets its first field; other fields have flags of their own.
            if let (Some(first), Some(value)) = (spec.fields.first(), given.into_iter().next()) {
                fields.set(first.key, value);
            }
            for field in spec.fields {
                if let Some(flag) = field.flag
                    && let Some(value) = matches.get_one::<String>(flag.long)
                {
                    fields.set(field.key, value.clone());
                }
            }
            return Ok(Self { kind, fields, sources: Vec::new() });
        }
        Err(clap::Error::raw(clap::error::ErrorKind::MissingRequiredArgument, "say what to add"))
    }

    fn update_from_arg_matches(&mut self, matches: &clap::ArgMatches) -> Result<(), clap::Error> {
        *self = Self::from_arg_matches(matches)?;
        Ok(())
    }
}

impl clap::Args for KindArgs {
    fn augment_args(mut cmd: clap::Command) -> clap::Command {
        let help = |id: &str| crate::i18n::lookup(crate::i18n::Lang::En, id, None).unwrap_or_else(|| id.to_owned());
        let mut what = Vec::new();
        for &kind in KindTag::ALL {
            let spec = kind.spec();
            let flag = spec.flag;
            let mut arg = clap::Arg::new(flag.long).long(flag.long).value_name(flag.value_name).help(help(flag.help));
            if let Some(alias) = flag.alias {
                arg = arg.visible_alias(alias);
            }
            // A typed kind takes one value; an imported one any number of files or addresses.
            cmd = cmd.arg(if spec.typed { arg.num_args(1) } else { arg.num_args(1..) });
            what.push(flag.long);
            for field in spec.fields {
                if let Some(f) = field.flag {
                    let arg = clap::Arg::new(f.long).long(f.long).value_name(f.value_name).help(help(f.help));
                    cmd = cmd.arg(arg.num_args(1).requires(flag.long));
                }
            }
        }
        cmd.group(ArgGroup::new("what").required(true).args(what))
    }

    fn augment_args_for_update(cmd: clap::Command) -> clap::Command {
        Self::augment_args(cmd)
    }
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
    let _ = writeln!(out, "serving {} until Ctrl+C (or SIGTERM)", path.display());
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
    host.stop().map_err(|e| anyhow!("{}: the last ideas could not be saved: {e}", path.display()))?;
    writeln!(err, "stopped: {joined} joined, {contributed} added ideas; everything is saved in {}", path.display())?;
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
    let on = |b: bool| if b { "on" } else { "off" };
    writeln!(
        out,
        "step: {} · private collect: {} · hide contributors: {} · dots: {} · totals revealed: {}",
        crate::host::state::phase_name(session.phase),
        on(session.private_collect),
        on(session.hide_contributors),
        session.dots_per_person,
        on(session.votes_revealed)
    )?;
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
                let text = nonempty("text to match", text)?;
                let hits: Vec<ItemId> = board.items.iter().filter(|i| i.matches(&text)).map(|i| i.id.clone()).collect();
                if hits.is_empty() {
                    bail!("no item on {} matches “{text}”; nothing removed", path.display());
                }
                hits
            }
            None => ids
                .iter()
                .map(|raw| {
                    ItemId::parse(raw.trim()).ok().filter(|id| board.item(id).is_some()).ok_or_else(|| {
                        anyhow!(
                            "{}: there is no item {raw:?}; nothing removed (see `moodboard show --ids`)",
                            path.display()
                        )
                    })
                })
                .collect::<anyhow::Result<_>>()?,
        };
        let mut lines = Vec::new();
        for id in &targets {
            let item = board.item(id).ok_or_else(|| anyhow!("there is no item {id}"))?;
            if item.locked {
                bail!("item {id} ({}) is locked; unlock it in the app first. Nothing removed", item.kind.summary());
            }
            lines.push(format!("removed {id} {}: {}", item.kind.tag().name(), item.kind.summary()));
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
    writeln!(
        out,
        "arranged {frames} frame(s) and moved {moved} card(s); the board is now {:.0} × {:.0}",
        size.0, size.1
    )?;
    Ok(())
}

fn lens(board: &Path, perspectives: Vec<String>, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<()> {
    let path = existing_board(board);
    let storage::Loaded { board, problems, .. } = load(&path)?;
    warn_problems(err, &problems)?;
    let perspectives = if perspectives.is_empty() { crate::prefs::Prefs::load().0.sources } else { perspectives };
    let report = crate::model::lens::lens_report(&board, &perspectives);
    for line in report.to_lines() {
        writeln!(out, "{line}")?;
    }
    Ok(())
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

fn show(board: &Path, with_ids: bool, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<()> {
    let path = existing_board(board);
    let storage::Loaded { board, problems, .. } = load(&path)?;
    warn_problems(err, &problems)?;
    write!(out, "{}", render_board(&board, with_ids))?;
    Ok(())
}

/// The board as plain text: title, goals, then items grouped by theme.
pub fn render_board(board: &Board, with_ids: bool) -> String {
    let mut s = String::new();
    s.push_str(&board.title);
    s.push('\n');
    if !board.description.trim().is_empty() {
        s.push_str(board.description.trim());
        s.push('\n');
    }
    s.push('\n');
    if board.goals.is_empty() {
        s.push_str("Goals: none yet\n");
    } else {
        s.push_str("Goals\n");
        for (i, goal) in board.goals.iter().enumerate() {
            s.push_str(&format!("  {}. {}\n", i + 1, crate::model::one_line(goal, 200)));
        }
    }
    let mut by_theme = board.items_by_theme();
    let groups = board.themes.iter().map(|t| (Some(&t.id), t.name.as_str()));
    for (theme, name) in groups.chain(std::iter::once((None, "Unsorted"))) {
        let items: Vec<&Item> = by_theme.remove(&theme).unwrap_or_default();
        if theme.is_none() && items.is_empty() {
            continue;
        }
        let count = match items.len() {
            0 => "no items".to_owned(),
            1 => "1 item".to_owned(),
            n => format!("{n} items"),
        };
        s.push_str(&format!("\n{name} ({count})\n"));
        for item in items {
            s.push_str("  ");
            if with_ids {
                s.push_str(&format!("{}  ", item.id));
            }
            s.push_str(&format!("{:<6}  {}", item.kind.tag().name(), item.kind.summary()));
            let description = crate::model::one_line(&described(&item.kind), 200);
            let mut about = vec![item.contributor.clone(), item.source.clone()];
            about.retain(|a| !a.trim().is_empty());
            if !item.tags.is_empty() {
                about.push(item.tags.iter().map(|t| format!("#{t}")).collect::<Vec<_>>().join(" "));
            }
            if !about.is_empty() {
                s.push_str(&format!("  [{}]", about.join(" · ")));
            }
            s.push('\n');
            if !description.is_empty() {
                s.push_str(&format!("      {description}\n"));
            }
            let recap = crate::export::item_recap(board, item);
            if !recap.summary().is_empty() {
                s.push_str(&format!("      {}\n", recap.summary()));
            }
            for (who, reply) in &recap.replies {
                s.push_str(&format!("      {who}: {}\n", crate::model::one_line(reply, 200)));
            }
        }
    }
    let recap = crate::export::session_recap(board);
    if !recap.is_empty() {
        s.push_str("\nSession\n");
        for line in recap {
            s.push_str(&format!("  {line}\n"));
        }
    }
    s
}

/// What an idea says of itself besides its summary (a link's page description), for
/// `show`: the description remark of its recap.
fn described(kind: &ItemKind) -> String {
    use crate::model::kinds::{Recap, Remark};
    struct Description(String);
    impl Recap for Description {
        fn words(&mut self, _: &str) {}
        fn quote(&mut self, _: &str, _: &str, _: &str) {}
        fn link(&mut self, _: &str, _: &str) {}
        fn remark(&mut self, remark: Remark, text: &str) {
            if remark == Remark::Description {
                self.0 = text.to_owned();
            }
        }
        fn picture(&mut self, _: &crate::model::AssetName, _: &str) {}
        fn swatch(&mut self, _: &str, _: &str) {}
    }
    let mut description = Description(String::new());
    kind.behaviour().recap(&mut description);
    description.0
}

fn check(board: &Path, out: &mut dyn Write) -> anyhow::Result<()> {
    let path = existing_board(board);
    let storage::Loaded { board, mut problems, .. } = load(&path)?;
    // Replace the quick asset check of `load` with one that verifies every file's content.
    problems.retain(|p| p.field != "asset" && p.field != "assets");
    problems.extend(storage::check_assets(&path, &board, true));
    let images = board.items.iter().filter(|i| matches!(i.kind, ItemKind::Image(_))).count();
    if problems.is_empty() {
        writeln!(
            out,
            "ok: {} — “{}”, {} items, {} themes, {} images verified",
            path.display(),
            board.title,
            board.items.len(),
            board.themes.len(),
            images
        )?;
        return Ok(());
    }
    for p in &problems {
        writeln!(out, "{}: {p}", path.display())?;
    }
    bail!("{}: {} problem{} found", path.display(), problems.len(), if problems.len() == 1 { "" } else { "s" })
}
