//! `moodboard add`: an idea onto a board from a terminal, one flag per kind of idea.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail};
use clap::{ArgGroup, Args};

use super::{existing_board, flatten, load, nonempty, warn, warn_problems};
use crate::media::import_file;
use crate::media::thumbs::ThumbCache;
use crate::model::kinds::Fields;
use crate::model::operations::{self, Contributor, NewIdea};
use crate::model::{Edit, ItemKind, KindTag, Stamper, Timestamp};
use crate::prefs::Prefs;
use crate::storage::{self, AssetStore};
use crate::tr;

#[derive(Debug, Args)]
pub struct AddArgs {
    /// The board (default: the inbox, Inbox.moodboard.ron in the boards folder, for
    /// ideas that have no board yet; made if missing).
    pub board: Option<PathBuf>,
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

pub(super) fn add(args: AddArgs, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<()> {
    let total = std::time::Duration::from_secs(args.timeout);
    let limits = &crate::web::Limits {
        total,
        connect: total.min(crate::web::Limits::default().connect),
        ..crate::web::Limits::default()
    };
    let path = match &args.board {
        Some(board) => existing_board(board),
        None => crate::library::inbox(&crate::app::default_boards_dir(), "Inbox")?,
    };
    // Fail early on a missing or broken board, before copying any image.
    load(&path)?;
    let prefs = Prefs::load().0;
    let contributor = match &args.contributor {
        Some(who) => nonempty(who, || tr!("cli-empty-contributor"))?,
        None => prefs.contributor(),
    };
    let source = match &args.source {
        Some(s) => nonempty(s, || tr!("cli-empty-source"))?,
        None => operations::OWN_TEAM.to_owned(),
    };
    let store = AssetStore::for_board(&path);
    let mut refused = Vec::new();
    let what = &args.what;
    let kinds: Vec<ItemKind> = if what.kind.spec().typed {
        let kind = what.kind.build(&what.fields).map_err(|e| anyhow!(crate::i18n::said(&e)))?;
        vec![previewed(kind, args.offline, &store, limits, err)?]
    } else {
        let thumbs = ThumbCache::standard();
        for source in what.sources.iter().filter(|s| is_web_address(s) && !args.offline) {
            writeln!(err, "{}", tr!("cli-downloading", source = source.trim()))?;
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
        let ((ids, in_theme), problems) = storage::update(&path, |board| -> anyhow::Result<_> {
            let mut clock = Stamper::now(board, &contributor);
            // (message, theme's name) when it goes into a theme.
            let mut in_theme = None;
            let theme = match args.theme.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
                None => None,
                Some(name) => match board.theme_by_name(name) {
                    Some(t) => {
                        in_theme = Some(("cli-added-in-theme", t.name.clone()));
                        Some(t.id.clone())
                    }
                    None => {
                        let theme = board.new_theme(name, now);
                        in_theme = Some(("cli-added-in-new-theme", name.to_owned()));
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
                .map(|id| (id.clone(), board.item(id).map_or(String::new(), |i| tr!(&i.kind.spec().name_id()))))
                .collect::<Vec<_>>();
            Ok((ids, in_theme))
        })
        .map_err(flatten)?;
        warn_problems(err, &problems)?;
        for (id, kind) in ids {
            let (id, path) = (id.as_str(), path.as_path());
            let said = match &in_theme {
                Some((message, theme)) => tr!(message, kind = kind, id = id, path = path, theme = theme),
                None => tr!("cli-added", kind = kind, id = id, path = path),
            };
            writeln!(out, "{said}")?;
        }
    }
    if !refused.is_empty() {
        for reason in &refused {
            writeln!(err, "{}", tr!("cli-not-added", reason = reason.to_string()))?;
        }
        let total = what.sources.len();
        if refused.len() == total {
            bail!(tr!("cli-nothing-added", path = path));
        }
        bail!(tr!("cli-some-not-added", refused = refused.len(), total = total, path = path));
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
                    .unwrap_or_else(|_| Err(anyhow!(tr!("cli-decoder-stopped", source = source))));
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
                .unwrap_or_else(|| Err(anyhow!(tr!("cli-import-stopped"))))
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
            bail!(tr!("cli-offline-not-downloaded", source = source));
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
            warn(err, tr!("cli-not-web-address", url = url))?;
        }
        return Ok(kind);
    }
    let info = crate::web::link(&url, store, &ThumbCache::standard(), limits, &|_, _| {});
    if let Some(warning) = &info.warning {
        warn(err, format!("{url}: {warning}"))?;
    }
    kind.take_preview(info.preview());
    Ok(kind)
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
            let Some(flag) = spec.flag else { continue };
            let Some(given) = matches.get_many::<String>(flag.long) else { continue };
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
            // A drawn kind (a sketch) is not added from the command line.
            let Some(flag) = spec.flag else { continue };
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
