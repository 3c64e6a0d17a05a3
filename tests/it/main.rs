//! kooste's integration tests: one test crate, one module per area, so the
//! dependency tree is linked once (`cargo test` builds this and the unit
//! tests). The tests that check outputs with external programs
//! (LibreOffice, poppler, qpdf, python's openpyxl and python-calamine,
//! node's SheetJS and ExcelJS, util-linux `script`) are `#[ignore]`d with
//! the tool they need as the reason: plain `cargo test` runs every other
//! test, and `.ci/run` runs those with `cargo test -- --ignored`, where a
//! missing tool fails the test (see `common::need`).

mod common;

mod accessible;
mod annotated;
mod build_samples;
mod cli;
mod codes;
mod config_numbers;
mod corrections;
mod cycle;
mod findings;
mod formats;
mod interop;
mod layering;
mod logo;
mod merge;
mod messages;
mod outputs;
mod programme;
mod progress;
mod properties;
mod real_csv;
mod real_headers;
mod real_memory;
mod real_misreads;
mod real_ods;
mod real_rows;
mod real_rules;
mod real_trials;
mod real_variants;
mod real_xls;
mod real_xlsx;
mod reliability;
mod report;
mod report_layout;
mod report_text;
mod safety;
mod sheet_limits;
mod summaries;
mod templates;
mod trend;
mod web;
