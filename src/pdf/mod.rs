//! The annual report PDF: a small layout layer over printpdf, vector charts,
//! the report template, and the report's content.

mod archive;
pub mod charts;
pub mod coverage;
mod draw;
mod file;
pub mod layout;
mod report;
mod serialise;
pub mod tags;
pub mod template;

pub use crate::error::{PdfError, TemplateError};
pub use report::{ReportOptions, report_bytes};
pub use serialise::StreamWriter;
pub use template::Template;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::merging::Consolidation;
    use crate::validation::checked::{Run, RunOptions};

    /// The report of the samples and of fixtures with findings, as a
    /// draft, is the same file whichever writes the pages' content streams:
    /// the same text, glyphs, colours and shapes on every page, and the
    /// same document around them.
    #[test]
    fn the_stream_writers_write_the_same_report() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let config = crate::Config::builtin();
        let run_opts = RunOptions {
            inputs: vec![
                root.join("samples/2021"),
                root.join("tests/fixtures/messy_many_problems.xlsx"),
            ],
            year: Some(2021),
            date: Some(crate::model::parse::Date {
                year: 2022,
                month: 2,
                day: 15,
            }),
            ..Default::default()
        };
        let run = Run::collect(&config, &run_opts).unwrap();
        let cons = Consolidation::new(&run, &config);
        let template = Template::builtin(run.lang);
        let pdf = |writer| {
            let opts = ReportOptions {
                draft: true,
                writer,
            };
            report_bytes(&run, &config, &cons, None, &template, opts).unwrap()
        };
        let (fast, plain) = (pdf(StreamWriter::Kooste), pdf(StreamWriter::Printpdf));
        let pages = lopdf::Document::load_mem(&fast).unwrap().get_pages().len();
        assert!(pages > 5, "{pages} pages");
        assert!(fast == plain, "{} vs {} bytes", fast.len(), plain.len());
    }
}
