//! The fast writer of the large sheets: their rows made as SpreadsheetML
//! on every core ([`sheetxml`]), deflated in blocks in parallel and
//! spliced into the package rust_xlsxwriter saved for the rest
//! ([`package`]), the blocks flowing through an ordered pipeline
//! ([`pipeline`]), and the measures tables widened in their small parts
//! ([`tables`]). Nothing outside this folder knows of these; the plain
//! writer ([`super::plain`]) is the reference they are tested against.
//!
//! What it gains, measured at 200 000 measures and at a few hundred, is in
//! the README's performance section.

mod package;
mod pipeline;
mod sheetxml;
mod tables;

pub(crate) use package::assemble;
pub(crate) use tables::{Widen, full_range, placeholder};
