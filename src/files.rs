//! Files in and out, the one place resdiff touches them.
//!
//! In: a file's bytes or text (named in every error, bounded by
//! [`MAX_FILE_BYTES`], with a byte order mark dropped and line endings made
//! LF) or standard input. Out: standard output, or a file written whole or
//! not at all (a temporary file in the same directory, then renamed over the
//! target), and never over a device, a directory, a symlink or the
//! command's input.

use std::io::Read;
use std::io::Write;
use std::path::Path;

use crate::error::{Error, Result};
use crate::limits::MAX_FILE_BYTES;

/// Reads a file as UTF-8, with errors that name it.
pub fn read_text(path: &Path) -> Result<String> {
    text_of(path, read_bytes(path)?)
}

/// A file's bytes, with an error that names it and says what it is when
/// it is not a file (a directory, a FIFO, a device).
pub fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    if let Ok(meta) = std::fs::metadata(path) {
        let kind = meta.file_type();
        if kind.is_dir() {
            return Err(Error::in_file(path, "is a directory, not a file"));
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            let what = if kind.is_fifo() {
                Some("a FIFO")
            } else if kind.is_char_device() || kind.is_block_device() {
                Some("a device")
            } else if kind.is_socket() {
                Some("a socket")
            } else {
                None
            };
            if let Some(what) = what {
                return Err(Error::in_file(
                    path,
                    format!("is {what}, not a file: give the file itself"),
                ));
            }
        }
    }
    let cannot_read = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::NotFound => Error::in_file(path, "no such file"),
        _ => Error::in_file(path, format!("cannot read: {e}")),
    };
    let file = std::fs::File::open(path).map_err(cannot_read)?;
    read_bounded(file).map_err(cannot_read)?.ok_or_else(|| {
        Error::in_file(
            path,
            format!(
                "larger than the {} MB resdiff reads: is this a resolution?",
                MAX_FILE_BYTES / (1024 * 1024)
            ),
        )
    })
}

/// All of `input`, or `None` when it holds more than [`MAX_FILE_BYTES`]:
/// one byte past the bound is read, so a file that grew is caught too.
fn read_bounded(input: impl Read) -> std::io::Result<Option<Vec<u8>>> {
    let mut bytes = Vec::new();
    input.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= MAX_FILE_BYTES).then_some(bytes))
}

/// What a file named `-` means: everything on standard input, bounded like
/// a file.
pub fn read_stdin() -> Result<Vec<u8>> {
    read_bounded(std::io::stdin().lock())
        .map_err(|e| Error::new(format!("cannot read standard input: {e}")))?
        .ok_or_else(|| {
            Error::new(format!(
                "standard input: more than the {} MB resdiff reads",
                MAX_FILE_BYTES / (1024 * 1024)
            ))
        })
}

/// Bytes as UTF-8 text, with the line of the first invalid byte. A byte
/// order mark is dropped and every line ending (CR LF, or CR alone as old
/// Mac files have it) becomes LF, so all readers see one form.
pub fn text_of(path: &Path, bytes: Vec<u8>) -> Result<String> {
    let text = utf8(path, bytes)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    Ok(if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_string()
    })
}

fn utf8(path: &Path, bytes: Vec<u8>) -> Result<String> {
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        Error::at_line(
            path,
            line,
            format!("not UTF-8 text (invalid byte at offset {offset}): save the file as UTF-8"),
        )
    })
}

/// Writes `contents` to `path` without ever destroying anything:
///
/// - a regular file, or a path that does not exist yet, is written
///   atomically (a temporary file beside it, renamed over it): a reader
///   never sees half a file, and a failure leaves nothing behind. An
///   existing file keeps its permissions; a new one gets the usual ones
///   for the umask;
/// - a symlink is followed: the link stays, its target gets the contents;
/// - a character device or a FIFO (`/dev/null`, `/dev/stdout`) is written
///   through, never replaced;
/// - a directory, or any of `inputs` (the files the command read), is an
///   error.
pub fn write_file(path: &Path, contents: impl AsRef<[u8]>, inputs: &[&Path]) -> Result<()> {
    let contents = contents.as_ref();
    let fail = |e: std::io::Error| Error::in_file(path, format!("cannot write: {e}"));
    let existing = std::fs::metadata(path).ok();
    if let Some(meta) = &existing {
        if meta.is_dir() {
            return Err(Error::in_file(path, "cannot write: is a directory"));
        }
        let real = std::fs::canonicalize(path).map_err(fail)?;
        for input in inputs {
            if std::fs::canonicalize(input).is_ok_and(|i| i == real) {
                return Err(Error::in_file(
                    path,
                    "is one of the files this command reads: write the output elsewhere",
                ));
            }
        }
        if !meta.is_file() {
            // A device or a FIFO: written through, never replaced.
            let mut file = std::fs::OpenOptions::new()
                .write(true)
                .open(&real)
                .map_err(fail)?;
            return file.write_all(contents).map_err(fail);
        }
        return write_atomic(&real, contents, Some(meta.permissions()));
    }
    write_atomic(path, contents, None)
}

/// The atomic write: `permissions` for the new file, else the umask's.
fn write_atomic(
    path: &Path,
    contents: &[u8],
    permissions: Option<std::fs::Permissions>,
) -> Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let fail = |e: std::io::Error| Error::in_file(path, format!("cannot write: {e}"));
    if dir.exists() && !dir.is_dir() {
        return Err(Error::in_file(
            path,
            format!("cannot write: {} is not a directory", dir.display()),
        ));
    }
    if !dir.is_dir() {
        return Err(Error::in_file(
            path,
            format!("cannot write: directory {} does not exist", dir.display()),
        ));
    }
    let mut builder = tempfile::Builder::new();
    builder.prefix(".resdiff-").suffix(".tmp");
    // Created as an ordinary file would be: 0666 less the umask.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    // The error of a temporary file names the temporary file; the user
    // knows only the directory.
    let mut temp = builder.tempfile_in(dir).map_err(|e| {
        Error::in_file(
            path,
            format!(
                "cannot write: cannot create a file in {}: {}",
                dir.display(),
                std::io::Error::from(e.kind())
            ),
        )
    })?;
    temp.write_all(contents).map_err(fail)?;
    // Not synced: the rename already means a reader sees the old file or
    // the whole new one, never a mix; ext4 and btrfs write out a file
    // renamed over another before the rename itself; and what a crash
    // could lose is a report made again in milliseconds. A sync costs about
    // one millisecond, a third of a whole small comparison.
    if let Some(permissions) = permissions {
        temp.as_file().set_permissions(permissions).map_err(fail)?;
    }
    temp.persist(path).map_err(|e| fail(e.error))?;
    Ok(())
}

/// Writes to standard output; a closed pipe (`| head`) is not an error.
pub fn print(contents: impl AsRef<[u8]>) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(contents.as_ref()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Error::new(format!("cannot write to standard output: {e}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_whole_files_and_replaces_existing_ones() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.html");
        write_file(&path, "first", &[]).unwrap();
        write_file(&path, "second", &[]).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "second");
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temporary file is left behind");
    }

    #[test]
    fn a_file_in_the_way_of_the_directory_is_named() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("file"), "x").unwrap();
        let err = write_file(&dir.path().join("file/report.html"), "x", &[])
            .unwrap_err()
            .to_string();
        assert!(err.ends_with("file is not a directory"), "{err}");
    }

    #[test]
    fn a_missing_directory_is_a_clear_error_and_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nope/report.html");
        let err = write_file(&path, "x", &[]).unwrap_err().to_string();
        assert!(
            err.contains("nope/report.html: cannot write: directory"),
            "{err}"
        );
        assert!(!path.exists());
    }
}
