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

impl Outcome {
    /// 0 when there are no error findings, else 1.
    pub fn exit_code(self) -> i32 {
        i32::from(self.errors > 0)
    }
}
