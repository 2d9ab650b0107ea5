//! Where a board's files live: `NAME.moodboard.ron`, its assets folder `NAME.assets/`
//! and its backup `NAME.moodboard.ron.bak`, all in one folder.

use std::path::{Path, PathBuf};

/// The extension every board file ends with.
pub const BOARD_SUFFIX: &str = ".moodboard.ron";

/// The board's name: the file name without `.moodboard.ron` (or without `.ron`).
pub fn board_name(board_path: &Path) -> String {
    let file = board_path.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default();
    file.strip_suffix(BOARD_SUFFIX).or_else(|| file.strip_suffix(".ron")).map_or_else(|| file.clone(), str::to_owned)
}

/// The board file `board_path` names: itself, or the file a symbolic link leads to (a
/// board kept in a synced folder and opened through a link stays that one board, its
/// images beside it). A link that leads nowhere is left as it is.
pub fn resolved(board_path: &Path) -> PathBuf {
    match std::fs::symlink_metadata(board_path) {
        Ok(m) if m.file_type().is_symlink() => board_path.canonicalize().unwrap_or_else(|_| board_path.to_owned()),
        _ => board_path.to_owned(),
    }
}

/// `dir/NAME.assets` beside `dir/NAME.moodboard.ron` (beside the file a link leads to).
pub fn assets_dir(board_path: &Path) -> PathBuf {
    let board_path = &resolved(board_path);
    board_path.with_file_name(format!("{}.assets", board_name(board_path)))
}

/// `dir/NAME.moodboard.ron.bak`: the previous version, kept by every save.
pub fn backup_path(board_path: &Path) -> PathBuf {
    let mut name = board_path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    board_path.with_file_name(name)
}

/// The board file for a name typed by a person: `trip` becomes `trip.moodboard.ron`;
/// a name that already ends in `.ron` is kept.
pub fn with_board_suffix(path: &Path) -> PathBuf {
    let name = path.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default();
    if name.ends_with(".ron") { path.to_owned() } else { path.with_file_name(format!("{name}{BOARD_SUFFIX}")) }
}

/// The folder that holds the board (`.` for a bare file name).
pub fn board_folder(board_path: &Path) -> PathBuf {
    match board_path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    }
}

/// `folder/TITLE.moodboard.ron`, or `TITLE 2`, `TITLE 3` … if taken. Characters that
/// do not belong in file names become `-`.
pub fn unused_board_path(folder: &Path, title: &str) -> PathBuf {
    let clean: String =
        title.trim().chars().map(|c| if c.is_alphanumeric() || " -_.,()'&".contains(c) { c } else { '-' }).collect();
    // File names have a length limit; a long title gives the start of it.
    let clean: String = clean.chars().take(80).collect();
    let clean = clean.trim_matches(['.', ' ']).to_owned();
    let base = if clean.is_empty() { "Untitled board".to_owned() } else { clean };
    (1..)
        .map(|n| {
            let name = if n == 1 { base.clone() } else { format!("{base} {n}") };
            folder.join(format!("{name}{}", BOARD_SUFFIX))
        })
        .find(|p| !p.exists() && !assets_dir(p).exists())
        .expect("an unused name exists")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_siblings() {
        let p = Path::new("/x/trip.moodboard.ron");
        assert_eq!(board_name(p), "trip");
        assert_eq!(assets_dir(p), Path::new("/x/trip.assets"));
        assert_eq!(backup_path(p), Path::new("/x/trip.moodboard.ron.bak"));
        assert_eq!(assets_dir(Path::new("plain.ron")), Path::new("plain.assets"));
        assert_eq!(with_board_suffix(Path::new("a/trip")), Path::new("a/trip.moodboard.ron"));
        assert_eq!(with_board_suffix(Path::new("a/x.ron")), Path::new("a/x.ron"));
        assert_eq!(board_folder(Path::new("x.ron")), Path::new("."));
    }
}
