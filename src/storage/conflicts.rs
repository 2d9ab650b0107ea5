//! Conflict copies that sync tools leave beside a board when two people saved it at
//! once, and merging them back in.
//!
//! Recognised names, for the board `Cafe.moodboard.ron`:
//! - Dropbox: `Cafe (Ann's conflicted copy 2026-11-23).moodboard.ron`, or with the note
//!   before the last extension: `Cafe.moodboard (conflicted copy 2026-11-23).ron`;
//! - Nextcloud: `Cafe (conflicted copy 2026-11-23 140312).moodboard.ron`, newer clients
//!   `… (conflict copy …)`; ownCloud: `Cafe_conflict-20261123-140312.moodboard.ron`;
//! - Syncthing: `Cafe.moodboard.sync-conflict-20261123-140312-ABCDEFG.ron` (or with the
//!   marker anywhere before `.ron`);
//! - OneDrive: the computer's name added as Windows writes it (1 to 15 capitals, digits
//!   and hyphens): `Cafe-LAPTOP-1A2B3C4.moodboard.ron`, `Cafe.moodboard-DESKTOP7.ron`;
//! - Google Drive: `Cafe (Conflicted copy 2026-11-23).moodboard.ron` (as Dropbox's).
//!
//! Nothing else is taken for a conflict copy: `Cafe-experiment.moodboard.ron` or
//! `Cafe (2).moodboard.ron` is a person's own board or a download, not a sync tool's
//! copy. And a name alone is not enough: a copy is merged only if it is a board with the
//! same board id. Conflict copies come from the team's own sync, so they merge as a
//! colleague's copy ([`Trust::Colleague`](crate::model::Trust)). Merged copies are moved
//! into `Cafe.merged-copies/` beside the board, never deleted.

use std::path::{Path, PathBuf};

use super::{Loaded, Problem, UpdateError, paths};
use crate::i18n::{Message, Said};
use crate::model::{Board, MergeSummary, Refusal};

/// Folder beside the board where merged conflict copies are kept.
pub fn backup_dir(board_path: &Path) -> PathBuf {
    paths::board_folder(board_path).join(format!("{}.merged-copies", paths::board_name(board_path)))
}

/// Whether `candidate` (a file name) is a sync tool's conflict copy of `board` (the
/// board's file name).
pub fn is_conflict_copy_name(board: &str, candidate: &str) -> bool {
    if candidate == board || !candidate.ends_with(".ron") {
        return false;
    }
    let cleaned = strip_markers(candidate);
    if cleaned != candidate && cleaned == board {
        return true;
    }
    // OneDrive: `-MACHINE` before `.moodboard.ron` or before `.ron`, the computer's name
    // as Windows has it: 1 to 15 capitals, digits and hyphens, at least one capital.
    let Some(stem) = board.strip_suffix(paths::BOARD_SUFFIX) else { return false };
    let machine = |s: &str| {
        (1..=15).contains(&s.len())
            && s.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
            && s.chars().any(|c| c.is_ascii_uppercase())
    };
    let a = candidate
        .strip_prefix(stem)
        .and_then(|r| r.strip_prefix('-'))
        .and_then(|r| r.strip_suffix(paths::BOARD_SUFFIX));
    let b = candidate.strip_prefix(&format!("{stem}.moodboard-")).and_then(|r| r.strip_suffix(".ron"));
    a.is_some_and(machine) || b.is_some_and(machine)
}

/// The file name with the Dropbox, Nextcloud, ownCloud and Syncthing markers removed.
fn strip_markers(name: &str) -> String {
    let mut out = name.to_owned();
    // " (… conflict …)": Dropbox and Nextcloud.
    while let Some(open) = out.find(" (") {
        let Some(close) = out[open..].find(')').map(|c| open + c) else { break };
        if !out[open..close].to_ascii_lowercase().contains("conflict") {
            break;
        }
        out.replace_range(open..=close, "");
    }
    // ".sync-conflict-YYYYMMDD-HHMMSS-DEVICE": Syncthing.
    if let Some(start) = out.find(".sync-conflict-") {
        let rest = &out[start + ".sync-conflict-".len()..];
        let end = rest.find('.').unwrap_or(rest.len());
        if rest[..end].split('-').count() == 3 {
            out.replace_range(start..start + ".sync-conflict-".len() + end, "");
        }
    }
    // "_conflict-YYYYMMDD-HHMMSS": ownCloud.
    if let Some(start) = out.find("_conflict-") {
        let rest = &out[start + "_conflict-".len()..];
        let end = rest.find('.').unwrap_or(rest.len());
        if rest[..end].chars().all(|c| c.is_ascii_digit() || c == '-') {
            out.replace_range(start..start + "_conflict-".len() + end, "");
        }
    }
    out
}

/// Files beside the board whose names mark them as conflict copies of it, sorted.
pub fn find_conflict_copies(board_path: &Path) -> Vec<PathBuf> {
    let Some(board) = board_path.file_name().and_then(|n| n.to_str()) else { return Vec::new() };
    let Ok(entries) = std::fs::read_dir(paths::board_folder(board_path)) else { return Vec::new() };
    let mut found: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter(|e| e.file_name().to_str().is_some_and(|n| is_conflict_copy_name(board, n)))
        .map(|e| e.path())
        .collect();
    found.sort();
    found
}

/// What [`sync`] did with one conflict copy.
#[derive(Debug)]
pub struct CopyOutcome {
    pub copy: PathBuf,
    /// What it brought in and where it was moved, or why it was left alone.
    pub result: Result<(MergeSummary, PathBuf), Message>,
    /// Images of the copy that could not be copied in.
    pub problems: Vec<Problem>,
    /// Changes of the copy that were held back (stamped from the future).
    pub refused: Vec<Refusal>,
    /// The file only looked like a copy: it is another board, and was left alone.
    pub not_a_copy: bool,
}

/// Merges every conflict copy of the board into it, under the board's lock, copies
/// their images in, saves, and moves each merged copy into [`backup_dir`]. Copies that
/// cannot be read or belong to another board are left where they are and reported.
pub fn sync(board_path: &Path) -> Result<Vec<CopyOutcome>, UpdateError<std::convert::Infallible>> {
    sync_copies(board_path, &find_conflict_copies(board_path))
}

/// [`sync`] with the given copies.
pub fn sync_copies(
    board_path: &Path,
    copies: &[PathBuf],
) -> Result<Vec<CopyOutcome>, UpdateError<std::convert::Infallible>> {
    if copies.is_empty() {
        return Ok(Vec::new());
    }
    let mut outcomes = Vec::new();
    let mut merged_copies = Vec::new();
    super::update(board_path, |board: &mut Board| {
        for copy in copies {
            let result = merge_copy(board_path, board, copy);
            if result.is_ok() {
                merged_copies.push(copy.clone());
            }
            outcomes.push((copy.clone(), result));
        }
        Ok::<_, std::convert::Infallible>(())
    })?;
    // Only after the merged board is safely saved are the copies moved away.
    let backup = backup_dir(board_path);
    Ok(outcomes
        .into_iter()
        .map(|(copy, result)| match result {
            Ok((summary, problems, refused)) => {
                let result = move_into(&copy, &backup)
                    .map(|to| (summary, to))
                    .map_err(|e| Message::new("sync-not-moved").with("reason", e.message()));
                CopyOutcome { copy, result, problems, refused, not_a_copy: false }
            }
            Err(e) => {
                let not_a_copy = e.id == ANOTHER_BOARD;
                CopyOutcome { copy, result: Err(e), problems: Vec::new(), refused: Vec::new(), not_a_copy }
            }
        })
        .collect())
}

/// What merging one copy brought in, the images it lacked and what was held back.
type CopyMerged = (MergeSummary, Vec<Problem>, Vec<Refusal>);

/// What is said of a file that is another board, not a copy of this one.
const ANOTHER_BOARD: &str = "sync-another-board";

fn merge_copy(board_path: &Path, board: &mut Board, copy: &Path) -> Result<CopyMerged, Message> {
    let Loaded { board: theirs, .. } = super::load(copy).map_err(|e| e.message())?;
    if theirs.id() != board.id() {
        return Err(Message::new(ANOTHER_BOARD).with("id", theirs.id().as_str()));
    }
    // Images the copy lacks do not block merging its other ideas: those items show
    // placeholders, as they would in the copy itself.
    let problems = import_assets(copy, &theirs, board_path);
    let merged =
        crate::model::operations::merge_in(board, &theirs, crate::model::Trust::Colleague).map_err(|e| e.message())?;
    Ok((merged.summary, problems, merged.refused))
}

/// Copies the images of `theirs` (the board at `their_path`) that the board at
/// `our_path` lacks into its assets folder, checking each file's content against its
/// name. Returns a problem for each image that could not be copied.
pub fn import_assets(their_path: &Path, theirs: &Board, our_path: &Path) -> Vec<Problem> {
    let from = super::AssetStore::for_board(their_path);
    let to = super::AssetStore::for_board(our_path);
    let mut problems = Vec::new();
    for item in &theirs.items {
        let Some(asset) = item.kind.picture() else { continue };
        if to.resolve(asset).is_ok() {
            continue;
        }
        let copied = from.read_verified(asset).and_then(|bytes| to.store(&bytes, asset.extension()));
        if let Err(e) = copied {
            problems.push(Problem {
                subject: Message::new("problem-image").with("asset", asset.as_str()).with("id", item.id.as_str()),
                field: "asset",
                message: e.message(),
            });
        }
    }
    problems
}

/// Moves `file` into `dir` (created if needed), adding " 2", " 3" … before the
/// extension if a file of that name is there. Returns the new path.
pub fn move_into(file: &Path, dir: &Path) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("copy.ron");
    let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
    let target = (1..10_000)
        .map(|n| if n == 1 { dir.join(name) } else { dir.join(format!("{stem} {n}.{ext}")) })
        .find(|p| std::fs::symlink_metadata(p).is_err())
        .ok_or_else(|| std::io::Error::other("too many copies with this name"))?;
    std::fs::rename(file, &target)?;
    Ok(target)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_sync_tools_naming_is_recognised() {
        let board = "Cafe refresh.moodboard.ron";
        for name in [
            "Cafe refresh (Ann's conflicted copy 2026-11-23).moodboard.ron",
            "Cafe refresh.moodboard (Ann's conflicted copy 2026-11-23).ron",
            "Cafe refresh (conflicted copy 2026-11-23 140312).moodboard.ron",
            "Cafe refresh (conflict copy 2026-11-23 140312).moodboard.ron",
            "Cafe refresh_conflict-20261123-140312.moodboard.ron",
            "Cafe refresh.moodboard.sync-conflict-20261123-140312-ABCDEFG.ron",
            "Cafe refresh.sync-conflict-20261123-140312-ABCDEFG.moodboard.ron",
            "Cafe refresh-LAPTOP-ANN.moodboard.ron",
            "Cafe refresh-DESKTOP-1A2B3C4.moodboard.ron",
            "Cafe refresh.moodboard-DESKTOP7.ron",
            "Cafe refresh (Conflicted copy 2026-11-23).moodboard.ron",
        ] {
            assert!(is_conflict_copy_name(board, name), "{name}");
        }
        for name in [
            "Cafe refresh.moodboard.ron",
            "Cafe refresh.moodboard.ron.bak",
            "Cafe refresh 2.moodboard.ron",
            "Other (conflicted copy 2026-11-23).moodboard.ron",
            "Cafe refresh (draft).moodboard.ron",
            "Cafe refresh-with spaces.moodboard.ron",
            // A person's own boards and downloads, not a sync tool's copies.
            "Cafe refresh-experiment.moodboard.ron",
            "Cafe refresh-Experiment2.moodboard.ron",
            "Cafe refresh-A-VERY-LONG-MACHINE.moodboard.ron",
            "Cafe refresh (2).moodboard.ron",
            "Cafe refresh - Copy.moodboard.ron",
            "Cafe refresh.sync-conflict-20261123-140312-ABCDEFG.moodboard.ron.tmp",
        ] {
            assert!(!is_conflict_copy_name(board, name), "{name}");
        }
    }
}
