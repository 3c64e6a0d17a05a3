//! kooste reads the yearly spreadsheets of a city programme's departments,
//! checks them with findings located to the cell, merges them, and writes a
//! consolidated workbook and a PDF annual report.
//!
//! The flow, one folder a stage, each importing only the ones before it:
//! [`reading`] (files to typed rows) → [`validation`] (the rules across
//! rows and files; [`validation::checked`] reads and checks a run) →
//! [`merging`] (one order, the sums, last year's comparison) → [`xlsx`]
//! (every workbook kooste writes), [`pdf`] (the report) and [`export`]
//! (CSV and JSON); [`commands`] ties them together per subcommand,
//! [`output`] writes files whole or not at all; the binary's `cli` is the
//! command line in the user's language. Below them all sit
//! [`model`] (cells, values, measures, findings), [`text`], [`i18n`] and
//! [`config`]. ARCHITECTURE.md has the map.

pub mod commands;
pub mod config;
pub mod error;
pub mod export;
pub mod i18n;
pub mod memory;
pub mod merging;
pub mod model;
pub mod output;
pub mod pdf;
pub mod reading;
pub mod text;
pub mod validation;
pub mod xlsx;

pub use config::Config;
pub use error::Error;
pub use i18n::Lang;
pub use model::finding::{Code, Finding, Severity};
/// The web app (`kooste serve`), with the cargo feature `web`.
#[cfg(feature = "web")]
pub mod web;
