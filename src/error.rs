//! The error type every stage returns: a message a user can act on, naming
//! the file and line where there is one. The binary maps it to exit code 2.

use std::fmt;
use std::path::{Path, PathBuf};

/// An error with enough context for the user to fix the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// The file the problem is in, when there is one.
    pub path: Option<PathBuf>,
    /// 1-based line number in that file, when known.
    pub line: Option<usize>,
    /// What was wrong, and what was expected.
    pub message: String,
}

/// A result whose error is, by default, [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// An error not tied to a file.
    pub fn new(message: impl Into<String>) -> Error {
        Error {
            path: None,
            line: None,
            message: message.into(),
        }
    }

    /// An error about a file as a whole.
    pub fn in_file(path: &Path, message: impl Into<String>) -> Error {
        Error {
            path: Some(path.to_path_buf()),
            line: None,
            message: message.into(),
        }
    }

    /// An error at a 1-based line of a file.
    pub fn at_line(path: &Path, line: usize, message: impl Into<String>) -> Error {
        Error {
            path: Some(path.to_path_buf()),
            line: Some(line),
            message: message.into(),
        }
    }

    /// Attach a file to an error raised where only the text was known.
    pub fn with_path(mut self, path: &Path) -> Error {
        if self.path.is_none() {
            self.path = Some(path.to_path_buf());
        }
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.path, self.line) {
            (Some(path), Some(line)) => write!(f, "{}:{}: {}", path.display(), line, self.message),
            (Some(path), None) => write!(f, "{}: {}", path.display(), self.message),
            _ => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for Error {}
