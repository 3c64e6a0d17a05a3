//! The library's errors: what stops a run (as opposed to findings, which are
//! data about the submissions). Each variant carries where it happened (the
//! file, and the line or field where there is one) and, where another
//! library or the operating system failed, that error as its `source`, so
//! that a caller can show a sentence made from the fields in the user's
//! language ([`Error::message`], from `templates/messages/<lang>/cli.ftl`)
//! and keep the library's own words for a detail ([`Error::causes`], shown
//! with `--verbose`). `Display` is a plain description for logs and tests;
//! the variants that still carry the run's [`Lang`] make it in that
//! language.

mod writing;

use std::path::PathBuf;

pub use writing::{ExportError, PartProblem, PdfError, SaveError, TemplateError};

use crate::config::ConfigError;
use crate::i18n::{Lang, render};
use crate::model::finding::Finding;
use crate::model::message::{Arg, Message};
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
    /// The report template given with `--report-template` is unusable.
    #[error(transparent)]
    ReportTemplate(#[from] TemplateError),
    /// An output could not be written, for the operating system's reason.
    #[error("{path}: cannot write: {source}")]
    Write {
        /// The output file or folder.
        path: PathBuf,
        /// What the operating system said.
        #[source]
        source: std::io::Error,
    },
    /// An output could not be put in place, and the outputs put in place
    /// before it could not all be taken back: those named are this run's.
    #[error("{path}: cannot write: {source}; {} already written could not be undone: {}",
        not_undone.len(),
        not_undone.iter().map(|(p, e)| format!("{} ({e})", p.display())).collect::<Vec<_>>().join(", "))]
    NotUndone {
        /// The output whose rename failed.
        path: PathBuf,
        /// What the operating system said.
        #[source]
        source: std::io::Error,
        /// The outputs left as this run wrote them, and why each could not
        /// be put back.
        not_undone: Vec<(PathBuf, std::io::Error)>,
    },
    /// The command's own report (the findings, the files written) could
    /// not be written to standard output or error.
    #[error("<stdout>: cannot write: {source}")]
    Stdout {
        /// What the operating system said.
        #[source]
        source: std::io::Error,
    },
    /// A workbook could not be built (rust_xlsxwriter refused it).
    #[error("{path}: cannot write: {source}")]
    Workbook {
        /// The output file.
        path: PathBuf,
        /// What rust_xlsxwriter said.
        #[source]
        source: rust_xlsxwriter::XlsxError,
    },
    /// A built workbook could not be saved.
    #[error("{path}: cannot write: {source}")]
    Save {
        /// The output file.
        path: PathBuf,
        /// Why.
        #[source]
        source: SaveError,
    },
    /// The report PDF could not be serialised.
    #[error("{path}: cannot write: {source}")]
    Pdf {
        /// The output file.
        path: PathBuf,
        /// Why.
        #[source]
        source: PdfError,
    },
    /// A CSV or JSON export could not be made.
    #[error("{path}: cannot write: {source}")]
    Export {
        /// The output file.
        path: PathBuf,
        /// Why.
        #[source]
        source: ExportError,
    },
    /// More measures than an Excel sheet has rows.
    #[error("{}", render(*lang, &too_many_measures(path, *count, *limit)))]
    TooManyMeasures {
        /// The workbook that was to be written.
        path: PathBuf,
        /// The measures to write.
        count: usize,
        /// The most a sheet holds.
        limit: usize,
        /// The language of the sentence.
        lang: Lang,
    },
    /// An output path names something that is not a regular file (a
    /// device, a FIFO, a folder): writing would replace it.
    #[error("{}", render(*lang, &not_a_file(path, *kind)))]
    NotAFile {
        /// The path as given.
        path: PathBuf,
        /// What it is.
        kind: NodeKind,
        /// The language of the sentence.
        lang: Lang,
    },
    /// An output path has no file name (it ends in `..` or is a root).
    #[error("{path}: cannot write: not a file name")]
    NoFileName {
        /// The path as given.
        path: PathBuf,
    },
    /// More than one output was sent to standard output.
    #[error("{}", render(*lang, &one_stdout(path)))]
    OneStdout {
        /// The path as given (`-`).
        path: PathBuf,
        /// The language of the sentence.
        lang: Lang,
    },
    /// An output folder names a file (or another thing that is no folder).
    #[error("{path}: not a folder")]
    NotAFolder {
        /// The folder as given.
        path: PathBuf,
    },
    /// Two outputs of one run name the same file.
    #[error("{path}: the same file as the output {other}")]
    SameOutput {
        /// The later output as given.
        path: PathBuf,
        /// The earlier output that names the same file.
        other: PathBuf,
    },
    /// An output path is one of the inputs, which are never modified.
    #[error("{path}: the output would overwrite an input")]
    OverwritesInput {
        /// The output as given.
        path: PathBuf,
    },
    /// An input read earlier in the run cannot be read again (for its
    /// annotated copy): it changed since.
    #[error("{path}: changed while kooste ran; no annotated copy was made")]
    Reread {
        /// The input.
        path: PathBuf,
        /// Why it is unreadable now; `None` if it is readable but no
        /// longer has the sheet read before.
        reason: Option<crate::reading::Unreadable>,
    },
    /// `--previous` names no file.
    #[error("{path}: --previous: no such file")]
    NoPrevious {
        /// The path as given.
        path: String,
    },
    /// The `--previous` workbook cannot be read as a consolidated workbook.
    #[error("{path}: --previous: {}", crate::i18n::findings::message(*lang, finding))]
    PreviousUnreadable {
        /// The path as given.
        path: String,
        /// The finding that reading it raised (its code, cell and text).
        finding: Box<Finding>,
        /// The language of the sentence.
        lang: Lang,
    },
    /// The workbook given as an earlier year's (`--previous`, `template
    /// --from`) is not a consolidated workbook kooste wrote: a
    /// submission, a template, an annotated copy or another file.
    #[error("{path}: {option}: not a consolidated workbook written by kooste")]
    PreviousNotConsolidated {
        /// The path as given.
        path: String,
        /// The option that named it.
        option: &'static str,
    },
    /// The earlier year's workbook is of another programme.
    #[error("{path}: {option}: a workbook of another programme ({theirs}, not {ours})")]
    PreviousOtherProgramme {
        /// The path as given.
        path: String,
        /// The option that named it.
        option: &'static str,
        /// The programme it records: name and code.
        theirs: String,
        /// The configuration's programme: name and code.
        ours: String,
    },
    /// The earlier year's workbook is of the year reported, or of a later
    /// one.
    #[error("{path}: {option}: a workbook of {year}, not of a year before {current}")]
    PreviousNotEarlier {
        /// The path as given.
        path: String,
        /// The option that named it.
        option: &'static str,
        /// The workbook's year.
        year: i32,
        /// The year of this run (the report's or the templates').
        current: i32,
    },
    /// Two earlier years' workbooks (`--previous`) are of the same year.
    #[error("{path}: --previous: a second workbook of {year} (the first: {other})")]
    PreviousSameYearTwice {
        /// The second workbook, as given or found.
        path: String,
        /// The first one of that year.
        other: String,
        /// Their year.
        year: i32,
    },
    /// `--year` of `template` is outside the programme.
    #[error("--year {}: not a programme year ({}–{}; {})", .0.year, .0.first, .0.last, .0.key)]
    NotAProgrammeYear(crate::config::YearRefusal),
    /// `--department` of `template` names no department of the programme.
    #[error("--department {given}: not a department of the programme ({allowed})")]
    UnknownDepartment {
        /// The code or name given.
        given: String,
        /// The departments there are, listed in the run's language.
        allowed: String,
    },
    /// `-o` (a file everywhere) given to a command that writes into a
    /// folder (`--out DIR`).
    #[error("{command}: -o {}: the outputs go into a folder, given with --out", given.display())]
    OutputOptionForFolder {
        /// The command, as `kooste build`.
        command: &'static str,
        /// The path given with `-o`.
        given: PathBuf,
    },
    /// `--out` (a folder everywhere) given to a command that writes one
    /// file (`-o FILE`).
    #[error("{command}: --out {}: the output is a file, given with -o", given.display())]
    OutOptionForFile {
        /// The command, as `kooste merge`.
        command: &'static str,
        /// The path given with `--out`.
        given: PathBuf,
    },
    /// `template` was given neither one department and a file nor `--all`
    /// and a folder.
    #[error("give --department CODE -o FILE, or --all --out DIR")]
    TemplateTarget,
}

/// What sits at an output path that is not a regular file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    /// A folder.
    Folder,
    /// A character or block device.
    Device,
    /// A named pipe.
    Fifo,
    /// A Unix socket.
    Socket,
    /// Anything else.
    Other,
}

impl NodeKind {
    /// What is at a path, from its metadata; `None` for a regular file.
    pub fn of(meta: &std::fs::Metadata) -> Option<NodeKind> {
        let ft = meta.file_type();
        if ft.is_file() {
            return None;
        }
        if ft.is_dir() {
            return Some(NodeKind::Folder);
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if ft.is_char_device() || ft.is_block_device() {
                return Some(NodeKind::Device);
            }
            if ft.is_fifo() {
                return Some(NodeKind::Fifo);
            }
            if ft.is_socket() {
                return Some(NodeKind::Socket);
            }
        }
        Some(NodeKind::Other)
    }

    /// Its name in the message files (`err-node-kind`): `folder`, `device`, …
    pub fn as_str(self) -> &'static str {
        match self {
            NodeKind::Folder => "folder",
            NodeKind::Device => "device",
            NodeKind::Fifo => "fifo",
            NodeKind::Socket => "socket",
            NodeKind::Other => "other",
        }
    }

    /// The word for it, as an argument of a message.
    pub fn word(self) -> Message {
        Message::new("err-node-kind").arg("kind", self.as_str())
    }
}

impl Error {
    /// The sentence for the user: what stopped the run, naming the file or
    /// option, and what they can do, to be made in their language by
    /// [`crate::i18n::render`]. The libraries' and the operating system's
    /// own words are not in it (see [`Error::causes`]).
    pub fn message(&self) -> Message {
        match self {
            Error::Config(e) => config_message(e),
            Error::Input(e) => input_message(e),
            Error::ReportTemplate(e) => e.message(),
            Error::Write { path, source } => write(path, source),
            Error::NotUndone {
                path,
                source,
                not_undone,
            } => Message::new("err-not-undone")
                .arg("path", shown(path))
                .arg("reason", io_reason(source))
                .arg(
                    "files",
                    Arg::List(not_undone.iter().map(|(p, _)| shown(p).into()).collect()),
                ),
            Error::Stdout { source } => Message::new("err-stdout").arg("reason", io_reason(source)),
            Error::Workbook { path, source } => match source {
                rust_xlsxwriter::XlsxError::IoError(e) => write(path, e),
                _ => Message::new("err-workbook").arg("path", shown(path)),
            },
            Error::Save { path, source } => match source {
                SaveError::Io(e) | SaveError::Xlsx(rust_xlsxwriter::XlsxError::IoError(e)) => {
                    write(path, e)
                }
                _ => Message::new("err-save").arg("path", shown(path)),
            },
            // The report and the exports are made in memory: a failure
            // there is not the disk's.
            Error::Pdf { path, .. } => Message::new("err-pdf").arg("path", shown(path)),
            Error::Export { path, .. } => Message::new("err-export").arg("path", shown(path)),
            Error::TooManyMeasures {
                path, count, limit, ..
            } => too_many_measures(path, *count, *limit),
            Error::NotAFile { path, kind, .. } => not_a_file(path, *kind),
            Error::NoFileName { path } => Message::new("err-no-file-name").arg("path", shown(path)),
            Error::OneStdout { path, .. } => one_stdout(path),
            Error::NotAFolder { path } => Message::new("err-not-a-folder").arg("path", shown(path)),
            Error::SameOutput { path, other } => Message::new("err-same-output")
                .arg("path", shown(path))
                .arg("other", shown(other)),
            Error::OverwritesInput { path } => {
                Message::new("err-overwrites-input").arg("path", shown(path))
            }
            Error::Reread { path, .. } => Message::new("err-reread").arg("path", shown(path)),
            Error::NoPrevious { path } => Message::new("err-no-previous").arg("path", path),
            Error::PreviousUnreadable { path, finding, .. } => {
                Message::new("err-previous-unreadable")
                    .arg("path", path)
                    .arg("reason", finding.message.clone())
            }
            Error::PreviousNotConsolidated { path, option } => {
                Message::new("err-previous-not-consolidated")
                    .arg("path", path)
                    .arg("option", *option)
            }
            Error::PreviousOtherProgramme {
                path,
                option,
                theirs,
                ours,
            } => Message::new("err-previous-other-programme")
                .arg("path", path)
                .arg("option", *option)
                .arg("theirs", theirs)
                .arg("ours", ours),
            Error::PreviousSameYearTwice { path, other, year } => {
                Message::new("err-previous-year-twice")
                    .arg("path", path)
                    .arg("other", other)
                    .arg("year", year.to_string())
            }
            // Years are shown as written, without digit grouping.
            Error::PreviousNotEarlier {
                path,
                option,
                year,
                current,
            } => Message::new(if year == current {
                "err-previous-same-year"
            } else {
                "err-previous-later-year"
            })
            .arg("path", path)
            .arg("option", *option)
            .arg("year", year.to_string())
            .arg("current", current.to_string()),
            Error::NotAProgrammeYear(r) => {
                let m = match &r.origin {
                    Some(file) => Message::new("err-not-programme-year").arg("file", file),
                    None => Message::new("err-not-programme-year-builtin"),
                };
                m.arg("year", r.year.to_string())
                    .arg("first", r.first.to_string())
                    .arg("last", r.last.to_string())
                    .arg("key", r.key)
            }
            Error::UnknownDepartment { given, allowed } => Message::new("err-unknown-department")
                .arg("given", given)
                .arg("allowed", allowed),
            Error::TemplateTarget => Message::new("err-template-target"),
            Error::OutputOptionForFolder { command, given } => {
                Message::new("err-output-option-for-folder")
                    .arg("command", *command)
                    .arg("path", shown(given))
            }
            Error::OutOptionForFile { command, given } => Message::new("err-out-option-for-file")
                .arg("command", *command)
                .arg("path", shown(given)),
        }
    }

    /// Each cause below the message, outermost first (the libraries' and
    /// the operating system's own words), for a `--verbose` or JSON detail.
    pub fn causes(&self) -> Vec<String> {
        let mut out = Vec::new();
        let mut next = std::error::Error::source(self);
        while let Some(e) = next {
            out.push(e.to_string());
            next = e.source();
        }
        match self {
            Error::NotUndone { not_undone, .. } => {
                out.extend(
                    not_undone
                        .iter()
                        .map(|(p, e)| format!("{}: {e}", p.display())),
                );
            }
            Error::Reread {
                reason: Some(reason),
                ..
            } => out.extend(reason.detail().map(str::to_string)),
            _ => {}
        }
        out
    }

    /// The error as the command line prints it, in `lang`: `kooste: ` and
    /// the sentence, and with `verbose` each of [`Error::causes`] on a line
    /// of its own below it. Control characters are shown escaped
    /// ([`crate::text::terminal`]): paths and values are the user's text.
    pub fn report(&self, lang: Lang, verbose: bool) -> String {
        let mut out = format!(
            "kooste: {}",
            crate::text::terminal(&render(lang, &self.message()))
        );
        if verbose {
            for cause in self.causes() {
                out.push('\n');
                out.push_str(&detail_lines(lang, &cause));
            }
        }
        out
    }
}

/// `detail` (another program's words, perhaps several lines) as indented
/// `detail: …` lines in `lang`.
pub fn detail_lines(lang: Lang, detail: &str) -> String {
    detail
        .lines()
        // Leading spaces kept: a parser's snippet points by column.
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let line = render(lang, &Message::new("cli-detail").arg("detail", l));
            format!("  {}", crate::text::terminal(&line))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The operating system's reason, by its kind, as a sentence saying what
/// the user can do; its own words are kept for [`Error::causes`].
pub fn io_reason(e: &std::io::Error) -> Message {
    use std::io::ErrorKind as K;
    Message::new(match e.kind() {
        K::NotFound => "err-io-not-found",
        K::PermissionDenied => "err-io-permission-denied",
        K::IsADirectory => "err-io-is-a-directory",
        K::NotADirectory => "err-io-not-a-directory",
        K::StorageFull => "err-io-storage-full",
        K::QuotaExceeded => "err-io-quota-exceeded",
        K::FileTooLarge => "err-io-file-too-large",
        K::ReadOnlyFilesystem => "err-io-read-only",
        K::AlreadyExists => "err-io-already-exists",
        K::InvalidFilename => "err-io-invalid-name",
        K::ResourceBusy | K::ExecutableFileBusy => "err-io-busy",
        K::BrokenPipe => "err-io-broken-pipe",
        _ => "err-io-other",
    })
}

/// A path as the messages show it.
fn shown(path: &std::path::Path) -> String {
    path.display().to_string()
}

fn write(path: &std::path::Path, source: &std::io::Error) -> Message {
    Message::new("err-write")
        .arg("path", shown(path))
        .arg("reason", io_reason(source))
}

fn too_many_measures(path: &std::path::Path, count: usize, limit: usize) -> Message {
    Message::new("err-too-many-measures")
        .arg("path", shown(path))
        .count("count", count)
        .count("limit", limit)
}

fn not_a_file(path: &std::path::Path, kind: NodeKind) -> Message {
    Message::new("err-not-a-file")
        .arg("path", shown(path))
        .arg("kind", kind.word())
}

fn one_stdout(path: &std::path::Path) -> Message {
    Message::new("err-one-stdout").arg("path", shown(path))
}

/// The configuration's error as a sentence.
fn config_message(e: &ConfigError) -> Message {
    e.message()
}

/// An input's error as a sentence.
fn input_message(e: &InputError) -> Message {
    e.message()
}

#[cfg(test)]
mod tests {
    use std::io::ErrorKind;
    use std::path::PathBuf;

    use super::*;

    fn write_error(kind: ErrorKind) -> Error {
        Error::Write {
            path: PathBuf::from("out/r.pdf"),
            source: std::io::Error::new(kind, "the system's own words"),
        }
    }

    #[test]
    fn each_kind_of_os_error_has_its_sentence() {
        let kinds = [
            ErrorKind::NotFound,
            ErrorKind::PermissionDenied,
            ErrorKind::IsADirectory,
            ErrorKind::NotADirectory,
            ErrorKind::StorageFull,
            ErrorKind::QuotaExceeded,
            ErrorKind::FileTooLarge,
            ErrorKind::ReadOnlyFilesystem,
            ErrorKind::AlreadyExists,
            ErrorKind::InvalidFilename,
            ErrorKind::ResourceBusy,
            ErrorKind::BrokenPipe,
            ErrorKind::Interrupted,
        ];
        for lang in Lang::ALL {
            let mut seen = std::collections::BTreeSet::new();
            for kind in kinds {
                let reason = io_reason(&std::io::Error::from(kind));
                let text = render(lang, &reason);
                assert!(!text.starts_with("err-"), "{kind:?}: {text}");
                seen.insert(text);
            }
            // Busy kinds share one; the rest are each their own.
            assert_eq!(seen.len(), kinds.len(), "{}", lang.code());
        }
    }

    #[test]
    fn the_sentence_names_the_file_and_keeps_the_systems_words_for_verbose() {
        let e = write_error(ErrorKind::NotFound);
        let fi = e.report(Lang::Fi, false);
        assert_eq!(
            fi,
            "kooste: out/r.pdf: kirjoittaminen ei onnistu: tiedostoa tai kansiota ei ole. Tarkista nimi ja polku."
        );
        let sv = e.report(Lang::Sv, true);
        assert!(
            sv.ends_with("\n  tilläggsuppgift: the system's own words"),
            "{sv}"
        );
        let en = e.report(Lang::En, false);
        assert!(!en.contains("own words"), "{en}");
    }

    #[test]
    fn every_variant_is_a_sentence_in_the_language() {
        let io = || std::io::Error::from(ErrorKind::PermissionDenied);
        let path = || PathBuf::from("out/k.xlsx");
        let errors = [
            write_error(ErrorKind::StorageFull),
            Error::NotUndone {
                path: path(),
                source: io(),
                not_undone: vec![(PathBuf::from("out/a.pdf"), io())],
            },
            Error::Stdout {
                source: std::io::Error::from(ErrorKind::BrokenPipe),
            },
            Error::Workbook {
                path: path(),
                source: rust_xlsxwriter::XlsxError::ParameterError("x".into()),
            },
            Error::Save {
                path: path(),
                source: SaveError::TooManyParts,
            },
            Error::Pdf {
                path: path(),
                source: PdfError::Save(io()),
            },
            Error::TooManyMeasures {
                path: path(),
                count: 2_000_000,
                limit: 1_048_575,
                lang: Lang::En,
            },
            Error::NotAFile {
                path: path(),
                kind: NodeKind::Fifo,
                lang: Lang::En,
            },
            Error::NoFileName { path: path() },
            Error::OneStdout {
                path: "-".into(),
                lang: Lang::En,
            },
            Error::SameOutput {
                path: path(),
                other: path(),
            },
            Error::NotAFolder { path: path() },
            Error::OverwritesInput { path: path() },
            Error::Reread {
                path: path(),
                reason: None,
            },
            Error::NoPrevious {
                path: "k2020.xlsx".into(),
            },
            Error::NotAProgrammeYear(crate::config::YearRefusal {
                year: 2030,
                first: 2019,
                last: 2022,
                key: "programme.last_year",
                origin: None,
            }),
            Error::UnknownDepartment {
                given: "x".into(),
                allowed: "SOTE, KASKO".into(),
            },
            Error::TemplateTarget,
            Error::OutputOptionForFolder {
                command: "kooste build",
                given: "out".into(),
            },
            Error::OutOptionForFile {
                command: "kooste merge",
                given: "out/k.xlsx".into(),
            },
            Error::PreviousNotConsolidated {
                path: "sote.xlsx".into(),
                option: "--previous",
            },
            Error::PreviousOtherProgramme {
                path: "k.xlsx".into(),
                option: "--previous",
                theirs: "Muu ohjelma (MUU)".into(),
                ours: "Ohjelma (MEK)".into(),
            },
            Error::PreviousNotEarlier {
                path: "k.xlsx".into(),
                option: "--from",
                year: 2022,
                current: 2022,
            },
            Error::PreviousSameYearTwice {
                path: "b/kooste_2020.xlsx".into(),
                other: "a/kooste_2020.xlsx".into(),
                year: 2020,
            },
            Error::PreviousNotEarlier {
                path: "k.xlsx".into(),
                option: "--previous",
                year: 2023,
                current: 2022,
            },
            Error::NotAProgrammeYear(crate::config::YearRefusal {
                year: 2030,
                first: 2019,
                last: 2022,
                key: "programme.last_year",
                origin: Some("ohjelma.toml".into()),
            }),
            Error::ReportTemplate(TemplateError::Io {
                path: "r.toml".into(),
                source: std::io::Error::from(ErrorKind::NotFound),
            }),
            Error::ReportTemplate(TemplateError::BlankTitle {
                path: "r.toml".into(),
                place: "sections[2].title".into(),
            }),
            Error::ReportTemplate(TemplateError::ListLimitZero {
                path: "r.toml".into(),
            }),
            Error::ReportTemplate(TemplateError::Placeholder {
                path: "r.toml".into(),
                place: "foreword".into(),
                name: "yaer".into(),
                known: &["year"],
            }),
        ];
        for e in &errors {
            for lang in [Lang::Fi, Lang::Sv] {
                let text = render(lang, &e.message());
                assert!(!text.starts_with("err-") && !text.is_empty(), "{text}");
                for english in ["cannot", "os error", "denied", "not a", "the "] {
                    assert!(!text.contains(english), "{}: {text}", lang.code());
                }
            }
        }
        // Years as written, counts grouped.
        let year_error = errors
            .iter()
            .find(|e| matches!(e, Error::NotAProgrammeYear { .. }))
            .unwrap();
        let years = render(Lang::Fi, &year_error.message());
        assert!(
            years.contains("--year 2030") && years.contains("2019–2022"),
            "{years}"
        );
        let many = render(Lang::Fi, &errors[6].message());
        assert!(many.contains("2\u{a0}000\u{a0}000 toimenpidettä"), "{many}");
        // The files not put back are named, their reasons are details.
        let not_undone = errors[1].report(Lang::En, true);
        assert!(
            not_undone.contains("could not be put back: out/a.pdf."),
            "{not_undone}"
        );
        assert!(
            not_undone.contains("detail: out/a.pdf: permission denied"),
            "{not_undone}"
        );
    }
}
