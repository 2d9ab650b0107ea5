//! Writing a file so that a crash or a failed write never leaves it half-written:
//! write a temporary file in the same folder, flush and sync it, keep the old file as a
//! backup, then rename the new one over the old.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::Path;

use super::SaveError;
use super::paths::board_folder;

/// Atomically replaces `path` with what `write` writes, keeping the old content in
/// `backup` (if given and the file existed). On any error the file at `path` is
/// unchanged and no temporary file is left behind.
pub fn replace_file(
    path: &Path,
    backup: Option<&Path>,
    write: impl FnOnce(&mut File) -> io::Result<()>,
) -> Result<(), SaveError> {
    let folder = board_folder(path);
    if !folder.is_dir() {
        return Err(SaveError::NoFolder { path: path.to_owned(), folder });
    }
    let fail = |action: &'static str| move |source| SaveError::Io { path: path.to_owned(), action, source };

    let mut tmp = temp_file_in(&folder, path).map_err(fail("cannot create a temporary file in its folder"))?;
    write(tmp.as_file_mut()).map_err(fail("cannot write the new version"))?;
    tmp.as_file_mut().flush().map_err(fail("cannot write the new version"))?;
    tmp.as_file().sync_all().map_err(fail("cannot flush the new version to disk"))?;

    if let Some(backup) = backup
        && path.exists()
    {
        // Copy rather than rename, so that `path` exists at every moment.
        let mut bak = temp_file_in(&folder, backup).map_err(fail("cannot create the backup"))?;
        let mut old = File::open(path).map_err(fail("cannot read the previous version for the backup"))?;
        io::copy(&mut old, bak.as_file_mut()).map_err(fail("cannot write the backup"))?;
        bak.as_file().sync_all().map_err(fail("cannot write the backup"))?;
        bak.persist(backup).map_err(|e| e.error).map_err(fail("cannot replace the backup"))?;
    }

    if let Ok(meta) = fs::metadata(path) {
        // Keep the permissions of the file we replace (it may be shared).
        let _ = fs::set_permissions(tmp.path(), meta.permissions());
    }
    tmp.persist(path).map_err(|e| e.error).map_err(fail("cannot replace the file"))?;
    sync_folder(&folder);
    Ok(())
}

fn temp_file_in(folder: &Path, target: &Path) -> io::Result<tempfile::NamedTempFile> {
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // Like any new file: 0666 less the umask, not tempfile's private 0600.
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    builder.tempfile_in(folder)
}

/// Makes a rename durable on systems where the folder entry must be synced too.
fn sync_folder(folder: &Path) {
    #[cfg(unix)]
    if let Ok(dir) = File::open(folder) {
        let _ = dir.sync_all();
    }
    #[cfg(not(unix))]
    let _ = folder;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::paths::backup_path;

    #[test]
    fn a_failed_write_leaves_the_old_file_and_no_litter() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.moodboard.ron");
        fs::write(&path, "old").unwrap();
        let err = replace_file(&path, Some(&backup_path(&path)), |f| {
            f.write_all(b"half of the new")?;
            Err(io::Error::other("disk full"))
        })
        .unwrap_err();
        assert!(err.to_string().contains("disk full"), "{err}");
        assert!(err.to_string().contains("the file is unchanged"), "{err}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, vec![std::ffi::OsString::from("b.moodboard.ron")]);
    }

    #[test]
    fn a_save_keeps_the_previous_version_as_backup() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.moodboard.ron");
        let bak = backup_path(&path);
        replace_file(&path, Some(&bak), |f| f.write_all(b"one")).unwrap();
        assert!(!bak.exists(), "no backup of a file that did not exist");
        replace_file(&path, Some(&bak), |f| f.write_all(b"two")).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "two");
        assert_eq!(fs::read_to_string(&bak).unwrap(), "one");
    }

    #[test]
    fn a_missing_folder_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nope").join("b.moodboard.ron");
        let err = replace_file(&path, None, |f| f.write_all(b"x")).unwrap_err();
        assert!(matches!(err, SaveError::NoFolder { .. }), "{err}");
    }
}
