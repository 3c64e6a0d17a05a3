//! The annual report PDF: a small layout layer over printpdf, vector charts,
//! the report template, and the report's content.

pub mod charts;
pub mod coverage;
pub mod layout;
mod report;
mod serialise;
pub mod template;

pub use layout::PdfError;
pub use report::{ReportOptions, report_bytes};
pub use template::{Template, TemplateError};
