//! The sharing subcommands: merge, sync, pack, unpack, export and import.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, anyhow, bail};

use super::{existing_board, load, warn, warn_problems};
use crate::export::canvas::CanvasIdeas;
use crate::export::{self, ExportFormat};
use crate::model::operations::{self, Contributor, MergedIn};
use crate::model::{Board, Stamper, Trust};
use crate::prefs::Prefs;
use crate::storage::{self, AssetStore, conflicts, pack, paths};
use crate::tr;

/// `moodboard merge BOARD OTHER [-o OUT] [--dry-run]`
/// git's merge-driver contract: the merge of `theirs` into `ours` is written into `ours`
/// (atomically), and success means merged. Images never conflict: they are named by their
/// content. Says what came in on stderr (git shows it).
pub fn merge_driver(ours: &Path, theirs: &Path, err: &mut dyn Write) -> anyhow::Result<()> {
    let their = load(theirs)?;
    let our = load(ours)?;
    // git is the team's own way of sharing the board: the other branch is a colleague's.
    let (board, merged) = merged(&our.board, &their.board, Trust::Colleague)?;
    // git keeps the history: no `.bak` beside git's temporary file.
    storage::save_without_backup(ours, &board)?;
    writeln!(err, "{}", tr!("cli-merged-branch", summary = merged.summary.to_string()))?;
    for refusal in &merged.refused {
        writeln!(err, "{}", tr!("cli-merge-driver-not-applied", refusal = refusal.to_string()))?;
    }
    Ok(())
}

pub fn merge_cmd(
    board: &Path,
    other: &Path,
    out_path: Option<&Path>,
    dry_run: bool,
    accept_deletions: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<()> {
    // A file merged by hand may be a copy someone sent back: its deletions and changes
    // are taken only when asked for (a board id is not a password).
    let trust = if accept_deletions { Trust::Colleague } else { Trust::NewIdeasOnly };
    let board = existing_board(board);
    let other = existing_board(other);
    let theirs = load(&other)?;
    warn_problems(err, &theirs.problems)?;
    let target = out_path.map_or_else(|| board.clone(), paths::with_board_suffix);
    let other_name = paths::board_name(&other);
    if target != board && target.exists() {
        bail!(tr!("cli-merge-target-exists", target = target, other = other));
    }
    let (before, (after, merged)) = if dry_run {
        let ours = load(&board)?;
        warn_problems(err, &ours.problems)?;
        let result = merged(&ours.board, &theirs.board, trust)?;
        (ours.board, result)
    } else if target == board {
        warn_problems(err, &storage::import_assets(&other, &theirs.board, &board))?;
        let (result, problems) = storage::update(&board, |b: &mut Board| {
            let (after, merged) = merged(b, &theirs.board, trust)?;
            let before = std::mem::replace(b, after.clone());
            Ok::<_, crate::model::EditError>((before, (after, merged)))
        })
        .map_err(|e| anyhow!("{e}"))?;
        warn_problems(err, &problems)?;
        result
    } else {
        let ours = load(&board)?;
        warn_problems(err, &ours.problems)?;
        std::fs::create_dir_all(paths::board_folder(&target)).ok();
        warn_problems(err, &storage::import_assets(&board, &ours.board, &target))?;
        warn_problems(err, &storage::import_assets(&other, &theirs.board, &target))?;
        let result = merged(&ours.board, &theirs.board, trust)?;
        storage::create(&target, &result.0)?;
        (ours.board, result)
    };
    let summary = &merged.summary;
    let merged_message = if dry_run { "cli-would-merge" } else { "cli-merged" };
    let said = tr!(merged_message, other = other, target = target, summary = summary.to_string());
    writeln!(out, "{said}")?;
    if before.id() != theirs.board.id() {
        writeln!(out, "  {}", tr!("cli-merge-another-board"))?;
    }
    for (change, line) in summary.lines(&before, &after, &other_name) {
        writeln!(out, "  {} {line}", change.sign())?;
    }
    for refusal in &merged.refused {
        writeln!(out, "  {}", tr!("cli-not-applied", refusal = refusal.to_string()))?;
    }
    let unconfirmed = |r: &&crate::model::Refusal| {
        use crate::model::Refused::{ChangeUnconfirmed, DeletionUnconfirmed, RevivalUnconfirmed};
        matches!(r.why, ChangeUnconfirmed | DeletionUnconfirmed | RevivalUnconfirmed)
    };
    if merged.refused.iter().any(|r| unconfirmed(&r)) {
        writeln!(out, "  {}", tr!("cli-merge-copy-hint"))?;
    }
    if dry_run {
        writeln!(out, "{}", tr!("cli-dry-run"))?;
    }
    Ok(())
}

/// `theirs` merged into a copy of `ours` as the user merges it
/// ([`operations::merge_in`]: ideas that came in find a free place, frames keep apart):
/// the board after, and what came in and what was refused.
fn merged(ours: &Board, theirs: &Board, trust: Trust) -> Result<(Board, MergedIn), crate::model::EditError> {
    let mut board = ours.clone();
    let merged = operations::merge_in(&mut board, theirs, trust)?;
    Ok((board, merged))
}

/// `moodboard sync BOARD`
pub fn sync(board: &Path, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<()> {
    let board = existing_board(board);
    load(&board)?;
    let outcomes = conflicts::sync(&board).map_err(|e| anyhow!("{e}"))?;
    if outcomes.iter().all(|o| o.not_a_copy) {
        writeln!(out, "{}", tr!("cli-no-conflict-copies", path = board))?;
        return Ok(());
    }
    let mut failed = 0;
    for o in outcomes {
        match o.result {
            Ok((summary, to)) => {
                let said = tr!("cli-sync-merged", copy = o.copy, summary = summary.to_string(), to = to);
                writeln!(out, "{said}")?;
            }
            Err(e) if o.not_a_copy => {
                writeln!(err, "{}", tr!("cli-note", text = format!("{}: {e}", o.copy.display())))?;
            }
            Err(e) => {
                failed += 1;
                warn(err, format!("{}: {e}", o.copy.display()))?;
            }
        }
        warn_problems(err, &o.problems)?;
        for r in &o.refused {
            warn(err, format!("{}: {}", o.copy.display(), tr!("cli-not-applied", refusal = r.to_string())))?;
        }
    }
    if failed > 0 {
        bail!(tr!("cli-sync-failed", count = failed));
    }
    Ok(())
}

/// `moodboard pack BOARD [-o OUT]`
pub fn pack_cmd(board: &Path, out_path: Option<&Path>, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<()> {
    let board = existing_board(board);
    let loaded = load(&board)?;
    warn_problems(err, &loaded.problems)?;
    let target = out_path.map_or_else(
        || paths::board_folder(&board).join(format!("{}.{}", paths::board_name(&board), pack::PACK_EXTENSION)),
        Path::to_owned,
    );
    let (images, missing) = pack::pack(&board, &loaded.board, &target)?;
    for m in &missing {
        warn(err, tr!("cli-image-left-out", name = m.to_string()))?;
    }
    let said = tr!("cli-packed", board = board.as_path(), images = images, target = target.as_path());
    writeln!(out, "{said}")?;
    Ok(())
}

/// `moodboard unpack PACK [-o DIR]`
pub fn unpack_cmd(pack_path: &Path, into: Option<&Path>, out: &mut dyn Write) -> anyhow::Result<()> {
    let into = into.map_or_else(|| PathBuf::from("."), Path::to_owned);
    let board = pack::unpack(pack_path, &into)?;
    writeln!(out, "{}", tr!("cli-unpacked", pack = pack_path, board = board))?;
    Ok(())
}

/// `moodboard export BOARD --format F [-o OUT] [--theme NAME] [--paper P] [--lang L]`
pub fn export_cmd(
    board: &Path,
    format: ExportFormat,
    out_path: Option<&Path>,
    options: &export::ExportOptions,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<()> {
    let board = existing_board(board);
    let loaded = load(&board)?;
    warn_problems(err, &loaded.problems)?;
    let target = out_path.map_or_else(
        || paths::board_folder(&board).join(format!("{}.{}", paths::board_name(&board), format.extension())),
        Path::to_owned,
    );
    export::export(&board, &loaded.board, format, &target, options)?;
    let said = tr!("cli-exported", board = board, format = tr!(format.title_id()), target = target);
    writeln!(out, "{said}")?;
    Ok(())
}

/// `moodboard import BOARD FILE.canvas`
pub fn import_cmd(
    board: &Path,
    file: &Path,
    who: Option<&str>,
    source: &str,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<()> {
    let board = existing_board(board);
    load(&board)?;
    let who = who.map_or_else(|| Prefs::load().0.contributor(), str::to_owned);
    let store = AssetStore::for_board(&board);
    // The canvas and the files it names are read before the board is locked: a file
    // that never finishes reading must not keep others from saving.
    let nodes = export::read_canvas(file, &store).with_context(|| tr!("cli-nothing-imported", path = board))?;
    let (report, problems) = storage::update(&board, |b: &mut Board| {
        let CanvasIdeas { themes, ideas, connectors, report } = nodes.ideas(b);
        let mut clock = Stamper::now(b, &who);
        // Where the canvas has them; then cards into their frames, frames apart.
        let by = Contributor { name: &who, source };
        operations::add_with_themes(b, themes, ideas, connectors, by, &mut clock)?;
        Ok::<_, crate::model::EditError>(report)
    })
    .map_err(|e| anyhow!("{e}"))
    .with_context(|| tr!("cli-nothing-imported", path = board))?;
    warn_problems(err, &problems)?;
    for s in &report.skipped {
        warn(err, tr!("cli-added-as-note", what = s))?;
    }
    for s in &report.edges_left_out {
        warn(err, tr!("cli-left-out", what = s))?;
    }
    let said =
        tr!("cli-imported", file = file, items = report.items, themes = report.themes, connectors = report.connectors);
    writeln!(out, "{said}")?;
    Ok(())
}
