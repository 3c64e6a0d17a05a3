//! The library's errors: what stops a run (as opposed to findings, which are
//! data about the submissions). Each carries where it happened.

use std::path::PathBuf;

use crate::config::ConfigError;
use crate::reading::InputError;

/// A failure that stops a command; maps to exit code 2.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The configuration is unusable.
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// An input named on the command line cannot be listed.
    #[error(transparent)]
    Input(#[from] InputError),
    /// An output could not be written.
    #[error("{path}: cannot write: {message}")]
    Output {
        /// The output file.
        path: PathBuf,
        /// Why.
        message: String,
    },
    /// An output could not be written, for the operating system's reason.
    #[error("{path}: cannot write: {source}")]
    Write {
        /// The output file or folder.
        path: PathBuf,
        /// What the operating system said.
        #[source]
        source: std::io::Error,
    },
    /// An output path names something that is not a regular file (a
    /// device, a FIFO, a folder): writing would replace it.
    #[error("{path}: {message}")]
    NotAFile {
        /// The path as given.
        path: PathBuf,
        /// What it is, and what to do, in the run's language.
        message: String,
    },
    /// The command was asked something it cannot do.
    #[error("{0}")]
    Usage(String),
}
