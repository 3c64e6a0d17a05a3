//! The subcommands, one file each. They take plain option structs (the
//! binary maps its arguments onto them) and write their report to a writer.

pub mod build;
pub mod convert;
pub mod merge;
pub mod report;
pub mod template;
pub mod validate;

/// What a command found, for the exit code: 0 clean, 1 errors in the submissions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    /// Error findings.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
}

/// Measures from which writing the outputs takes a noticeable moment (about
/// a tenth of a second per 10 000 on the development machine).
const SPINNER_FROM: usize = 10_000;

/// Runs `write` with a spinner on stderr saying what is written, when the
/// run shows progress (a terminal, no `--quiet`) and has `measures` enough
/// for writing to take a moment.
pub(crate) fn writing<T>(
    progress: bool,
    measures: usize,
    lang: crate::Lang,
    what: &str,
    write: impl FnOnce() -> T,
) -> T {
    if !progress || measures < SPINNER_FROM {
        return write();
    }
    let spinner = indicatif::ProgressBar::new_spinner();
    let message = crate::i18n::render(
        lang,
        &crate::model::message::Message::new("out-writing").arg("path", what),
    );
    spinner.set_message(crate::text::terminal(&message).into_owned());
    spinner.enable_steady_tick(std::time::Duration::from_millis(120));
    let result = write();
    spinner.finish_and_clear();
    result
}

/// Frees a run on another thread. A large run's cells take tens of
/// milliseconds to free (60 ms at 200 000 measures), which the user would
/// otherwise wait for as the process exits.
pub(crate) fn free_later(run: crate::validation::checked::Run) {
    // If no thread can be started, the closure and the run are dropped here.
    let _ = std::thread::Builder::new().spawn(move || drop(run));
}

/// Writing to the command's report stream failed.
pub(crate) fn stdout_err(source: std::io::Error) -> crate::error::Error {
    crate::error::Error::Stdout { source }
}

/// Prints a run's findings. Returns its outcome, and whether outputs may be
/// written: not while errors remain, unless `draft`.
fn print_checked(
    run: &crate::validation::checked::Run,
    draft: bool,
    out: &mut dyn std::io::Write,
) -> Result<(Outcome, bool), crate::error::Error> {
    validate::print_text(run, false, out).map_err(stdout_err)?;
    let outcome = Outcome {
        errors: run.errors(),
        warnings: run.warnings(),
    };
    // With nothing to report, the no-measures finding says that nothing
    // was written; --draft would not help.
    if run.has_no_measures() {
        return Ok((outcome, false));
    }
    if outcome.errors > 0 && !draft {
        let blocked =
            crate::model::message::Message::new("out-build-blocked").count("n", outcome.errors);
        writeln!(out, "{}", crate::i18n::render(run.lang, &blocked)).map_err(stdout_err)?;
        return Ok((outcome, false));
    }
    Ok((outcome, true))
}

/// Prints a checked run's findings (see [`print_checked`]) while its
/// measures are consolidated on another thread: each takes tens of
/// milliseconds at 200 000 measures. The consolidation is `None` when no
/// outputs may be written.
pub(crate) fn print_and_consolidate<'r>(
    run: &'r crate::validation::checked::Run,
    config: &crate::Config,
    draft: bool,
    out: &mut dyn std::io::Write,
) -> Result<(Outcome, Option<crate::merging::Consolidation<'r>>), crate::error::Error> {
    let (printed, cons) = std::thread::scope(|s| {
        let cons = s.spawn(|| crate::merging::Consolidation::new(run, config));
        let printed = print_checked(run, draft, out);
        let cons = cons
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (printed, cons)
    });
    let (outcome, proceed) = printed?;
    Ok((outcome, proceed.then_some(cons)))
}

impl Outcome {
    /// 0 when there are no error findings, else 1.
    pub fn exit_code(self) -> i32 {
        i32::from(self.errors > 0)
    }
}

/// The line saying an output was written, its path escaped for the
/// terminal ([`crate::text::terminal`]).
pub fn wrote_line(lang: crate::Lang, path: &std::path::Path) -> String {
    let line = crate::i18n::render(
        lang,
        &crate::model::message::Message::new("out-wrote").arg("path", path.display().to_string()),
    );
    crate::text::terminal(&line).into_owned()
}

#[cfg(test)]
mod tests {
    use crate::i18n::{Lang, render};
    use crate::model::message::Message;

    /// The counts the outputs put next to nouns read right for 0, 1 and 2.
    #[test]
    fn counted_sentences_agree_with_their_number() {
        let say = |lang, id, n: usize| render(lang, &Message::new(id).count("n", n));
        let cases: [(Lang, &str, [&str; 3]); 6] = [
            (
                Lang::Fi,
                "out-build-blocked",
                [
                    "Tulosteita ei kirjoitettu, koska ilmoituksissa on 0 virhettä. Korjaa ne tai käytä valitsinta --draft.",
                    "Tulosteita ei kirjoitettu, koska ilmoituksissa on 1 virhe. Korjaa se tai käytä valitsinta --draft.",
                    "Tulosteita ei kirjoitettu, koska ilmoituksissa on 2 virhettä. Korjaa ne tai käytä valitsinta --draft.",
                ],
            ),
            (
                Lang::En,
                "out-build-blocked",
                [
                    "No outputs were written because the submissions have 0 errors. Correct them or use --draft.",
                    "No outputs were written because the submissions have 1 error. Correct it or use --draft.",
                    "No outputs were written because the submissions have 2 errors. Correct them or use --draft.",
                ],
            ),
            (
                Lang::Fi,
                "out-findings-cut",
                [
                    "… ja 0 muuta havaintoa, jotka eivät mahdu taulukkoon: katso kooste validate --format json.",
                    "… ja 1 muu havainto, joka ei mahdu taulukkoon: katso kooste validate --format json.",
                    "… ja 2 muuta havaintoa, jotka eivät mahdu taulukkoon: katso kooste validate --format json.",
                ],
            ),
            (
                Lang::Sv,
                "out-findings-cut",
                [
                    "… och 0 andra iakttagelser som inte ryms i bladet: se kooste validate --format json.",
                    "… och 1 annan iakttagelse som inte ryms i bladet: se kooste validate --format json.",
                    "… och 2 andra iakttagelser som inte ryms i bladet: se kooste validate --format json.",
                ],
            ),
            (
                Lang::En,
                "out-findings-cut",
                [
                    "… and 0 more findings that do not fit the sheet: see kooste validate --format json.",
                    "… and 1 more finding that does not fit the sheet: see kooste validate --format json.",
                    "… and 2 more findings that do not fit the sheet: see kooste validate --format json.",
                ],
            ),
            (
                Lang::Fi,
                "out-list-cut",
                [
                    "… ja 0 muuta. Kaikki ovat koosteen työkirjassa.",
                    "… ja 1 muu. Kaikki ovat koosteen työkirjassa.",
                    "… ja 2 muuta. Kaikki ovat koosteen työkirjassa.",
                ],
            ),
        ];
        for (lang, id, want) in cases {
            for (n, want) in want.iter().enumerate() {
                assert_eq!(say(lang, id, n), *want, "{lang:?} {id} {n}");
            }
        }
    }

    /// The texts that name another message's text follow it.
    #[test]
    fn references_take_the_referenced_text() {
        let m = Message::new("out-cmp-title")
            .arg("previous", "2020")
            .arg("current", "2021");
        assert_eq!(render(Lang::Fi, &m), "Vertailu 2020 → 2021");
        let m = Message::new("out-template-title")
            .arg("programme", "Ohjelma")
            .arg("year", "2021");
        assert_eq!(render(Lang::Sv, &m), "Ohjelma – Åtgärderna år 2021");
        assert_eq!(
            crate::i18n::text(Lang::En, "out-sources-note"),
            "The figures are compiled from the submissions; \
             the sources are listed on the Sources sheet."
        );
    }
}
