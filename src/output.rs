//! Where results go: standard output, or a file written whole or not at all
//! (a temporary file in the same directory, then renamed over the target).

use std::io::Write;
use std::path::Path;

use crate::error::{Error, Result};

/// Writes `contents` to `path` atomically: a reader never sees half a file,
/// and a failure leaves no partial file behind.
pub fn write_atomic(path: &Path, contents: &str) -> Result<()> {
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
    let mut temp = tempfile::Builder::new()
        .prefix(".resdiff-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(fail)?;
    temp.write_all(contents.as_bytes()).map_err(fail)?;
    temp.as_file().sync_all().map_err(fail)?;
    temp.persist(path).map_err(|e| fail(e.error))?;
    Ok(())
}

/// Writes to standard output; a closed pipe (`| head`) is not an error.
pub fn print(contents: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out
        .write_all(contents.as_bytes())
        .and_then(|()| out.flush())
    {
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
        write_atomic(&path, "first").unwrap();
        write_atomic(&path, "second").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "second");
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temporary file is left behind");
    }

    #[test]
    fn a_file_in_the_way_of_the_directory_is_named() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("file"), "x").unwrap();
        let err = write_atomic(&dir.path().join("file/report.html"), "x")
            .unwrap_err()
            .to_string();
        assert!(err.ends_with("file is not a directory"), "{err}");
    }

    #[test]
    fn a_missing_directory_is_a_clear_error_and_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nope/report.html");
        let err = write_atomic(&path, "x").unwrap_err().to_string();
        assert!(
            err.contains("nope/report.html: cannot write: directory"),
            "{err}"
        );
        assert!(!path.exists());
    }
}
