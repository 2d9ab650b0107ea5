//! Writing a file so that a crash or a failed write never leaves it half-written:
//! write a temporary file in the same folder, flush and sync it, keep the old file as a
//! backup, then rename the new one over the old.
//!
//! Temporary files are named `.NAME.PID@HOST.RANDOM.tmp`, created exclusively (so never
//! through a planted link). A writer killed mid-save leaves one behind; the next
//! successful save of the same file removes those whose writer is gone
//! ([`remove_stale_temp_files`]), so synced folders do not fill with copies.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::Path;
use std::time::{Duration, SystemTime};

use super::SaveError;
use super::paths::board_folder;

/// A temporary file older than this is stale whoever wrote it (a writer on another
/// computer sharing the folder cannot be asked whether it is still alive).
pub const STALE_AFTER: Duration = Duration::from_secs(24 * 60 * 60);

/// The file a save of `path` writes: `path` itself, or when it is a symbolic link, the
/// file the link leads to (so a board kept in a synced folder and opened through a link
/// stays that one file). A link that leads nowhere is refused, naming the link.
pub fn written_path(path: &Path) -> Result<std::path::PathBuf, SaveError> {
    match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => fs::canonicalize(path).map_err(|source| SaveError::Io {
            path: path.to_owned(),
            action: "action-follow-link",
            source,
        }),
        _ => Ok(path.to_owned()),
    }
}

/// Atomically replaces `path` with what `write` writes, keeping the old content in
/// `backup` (if given and the file existed). On any error the file at `path` is
/// unchanged and no temporary file is left behind. A read-only file, or a path that is
/// not a plain file (a folder, a FIFO, a device), is refused before anything is written.
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
    let existing = match fs::symlink_metadata(path) {
        // A link is replaced, never written through (saves of a board resolve it first:
        // see [`written_path`]); only the file it names is checked.
        Ok(m) if m.file_type().is_symlink() => fs::metadata(path).ok(),
        Ok(m) => Some(m),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(fail("action-look-at-file")(e)),
    };
    if let Some(meta) = &existing {
        if let Some(what) = super::file_kind(meta) {
            return Err(SaveError::NotAFile { path: path.to_owned(), what });
        }
        if meta.permissions().readonly() {
            return Err(SaveError::ReadOnly { path: path.to_owned() });
        }
    }

    let mut tmp = temp_file_in(&folder, path).map_err(fail("action-create-temporary"))?;
    write(tmp.as_file_mut()).map_err(fail("action-write-new-version"))?;
    tmp.as_file_mut().flush().map_err(fail("action-write-new-version"))?;
    tmp.as_file().sync_all().map_err(fail("action-flush-new-version"))?;

    if let Some(backup) = backup
        && existing.is_some()
    {
        // Copy rather than rename, so that `path` exists at every moment.
        let mut bak = temp_file_in(&folder, backup).map_err(fail("action-create-backup"))?;
        let mut old = super::open_regular(path)
            .map_err(|e| match e {
                super::OpenError::Io(e) => e,
                other => io::Error::other(other.to_string()),
            })
            .map_err(fail("action-read-previous"))?;
        io::copy(&mut old, bak.as_file_mut()).map_err(fail("action-write-backup"))?;
        bak.as_file().sync_all().map_err(fail("action-write-backup"))?;
        bak.persist(backup).map_err(|e| e.error).map_err(fail("action-replace-backup"))?;
    }

    if let Some(meta) = &existing {
        // Keep the permissions of the file we replace (it may be shared).
        let _ = fs::set_permissions(tmp.path(), meta.permissions());
    }
    tmp.persist(path).map_err(|e| e.error).map_err(fail("action-replace-file"))?;
    sync_folder(&folder);
    Ok(())
}

/// `.NAME.PID@HOST.`: what this process's temporary files for `target` start with.
fn temp_prefix(target: &Path) -> String {
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    format!(".{name}.{}@{}.", std::process::id(), host_name())
}

fn temp_file_in(folder: &Path, target: &Path) -> io::Result<tempfile::NamedTempFile> {
    let prefix = temp_prefix(target);
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

/// This computer's name as it appears in temporary file names (letters, digits, `-`).
fn host_name() -> String {
    #[cfg(unix)]
    {
        let mut buf = [0u8; 256];
        // SAFETY: the buffer is valid for its length; gethostname writes at most that.
        if unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len()) } == 0 {
            let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
            let name: String = String::from_utf8_lossy(&buf[..end])
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '-' })
                .collect();
            if !name.is_empty() {
                return name;
            }
        }
    }
    "host".to_owned()
}

/// Whether the process `pid` on this computer still runs.
fn process_alive(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let Ok(pid) = libc::pid_t::try_from(pid) else { return false };
        // SAFETY: signal 0 only asks whether the process exists.
        if unsafe { libc::kill(pid, 0) } == 0 {
            return true;
        }
        io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        true
    }
}

/// Removes the temporary files that writers of `target` (and of its backup) left
/// behind when they were killed: those of a process on this computer that no longer
/// runs, and any older than [`STALE_AFTER`]. Returns how many went. Call it after a
/// successful save, so that only litter goes.
pub fn remove_stale_temp_files(target: &Path) -> usize {
    let Some(name) = target.file_name().map(|n| n.to_string_lossy().into_owned()) else { return 0 };
    let folder = board_folder(target);
    let Ok(entries) = fs::read_dir(&folder) else { return 0 };
    let (me, host) = (std::process::id(), host_name());
    let starts = [format!(".{name}."), format!(".{name}.bak.")];
    let mut removed = 0;
    for entry in entries.filter_map(Result::ok) {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = starts.iter().rev().find_map(|s| file_name.strip_prefix(s.as_str())) else { continue };
        if !rest.ends_with(".tmp") || !entry.file_type().is_ok_and(|t| t.is_file()) {
            continue;
        }
        let writer = rest.split_once('.').and_then(|(who, _)| who.split_once('@'));
        let dead = match writer {
            Some((pid, h)) if h == host => pid.parse::<u32>().is_ok_and(|pid| pid != me && !process_alive(pid)),
            _ => false,
        };
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .is_ok_and(|t| SystemTime::now().duration_since(t).is_ok_and(|age| age > STALE_AFTER));
        if (dead || old) && fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
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
    fn read_only_files_and_fifos_are_refused_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.moodboard.ron");
        fs::write(&path, "old").unwrap();
        let mut perms = fs::metadata(&path).unwrap().permissions();
        perms.set_readonly(true);
        fs::set_permissions(&path, perms).unwrap();
        let err = replace_file(&path, None, |f| f.write_all(b"new")).unwrap_err();
        assert!(matches!(err, SaveError::ReadOnly { .. }), "{err}");
        assert!(err.to_string().contains("read-only"), "{err}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
        #[cfg(unix)]
        {
            let fifo = dir.path().join("f.moodboard.ron");
            let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
            assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
            let err = replace_file(&fifo, Some(&backup_path(&fifo)), |f| f.write_all(b"x")).unwrap_err();
            assert!(matches!(err, SaveError::NotAFile { .. }), "{err}");
        }
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), if cfg!(unix) { 2 } else { 1 }, "no litter");
    }

    #[test]
    fn temp_files_of_dead_writers_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.moodboard.ron");
        // A writer on this computer that is gone, one that still runs (us, under another
        // name), one on another computer, and an old one from anywhere.
        let host = host_name();
        let dead = dir.path().join(format!(".b.moodboard.ron.{}@{host}.aaaa.tmp", i32::MAX as u32 - 7));
        let bak = dir.path().join(format!(".b.moodboard.ron.bak.{}@{host}.bbbb.tmp", i32::MAX as u32 - 7));
        let alive = dir.path().join(format!(".b.moodboard.ron.1@{host}.cccc.tmp"));
        let elsewhere = dir.path().join(".b.moodboard.ron.55@other-laptop.dddd.tmp");
        let ancient = dir.path().join(".b.moodboard.ron.XyZ123.tmp");
        let unrelated = dir.path().join(".c.moodboard.ron.9@x.eeee.tmp");
        for p in [&dead, &bak, &alive, &elsewhere, &ancient, &unrelated] {
            fs::write(p, "half a board").unwrap();
        }
        let day_ago = SystemTime::now() - STALE_AFTER - Duration::from_secs(60);
        File::options().write(true).open(&ancient).unwrap().set_modified(day_ago).unwrap();
        replace_file(&path, None, |f| f.write_all(b"new")).unwrap();
        assert_eq!(remove_stale_temp_files(&path), 3);
        for p in [&dead, &bak, &ancient] {
            assert!(!p.exists(), "{} stays", p.display());
        }
        for p in [&alive, &elsewhere, &unrelated] {
            assert!(p.exists(), "{} went", p.display());
        }
    }

    #[test]
    fn a_missing_folder_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nope").join("b.moodboard.ron");
        let err = replace_file(&path, None, |f| f.write_all(b"x")).unwrap_err();
        assert!(matches!(err, SaveError::NoFolder { .. }), "{err}");
    }
}
