//! kooste reads the yearly spreadsheets of a city programme's departments,
//! checks them with findings located to the cell, merges them, and writes a
//! consolidated workbook and a PDF annual report.
//!
//! The stages, one module each: [`reading`], [`validation`], [`merging`],
//! [`xlsx`] and [`pdf`]; [`commands`] ties them together per subcommand.

pub mod annotate;
pub mod commands;
pub mod comparison;
pub mod config;
pub mod error;
pub mod export;
pub mod finding;
pub mod i18n;
pub mod memory;
pub mod merging;
pub mod model;
pub mod output;
pub mod parse;
pub mod pdf;
pub mod reading;
pub mod run;
pub mod schema;
pub mod submission;
pub mod text;
pub mod typing;
pub mod validation;
pub mod xlsx;

pub use config::Config;
pub use error::Error;
pub use finding::{Code, Finding, Severity};
pub use i18n::Lang;
