//! The annual report PDF.

pub mod layout;
mod report;

pub use report::{ReportOptions, report_bytes};
