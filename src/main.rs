//! The `kooste` binary: the command line ([`cli`]: clap's arguments with
//! their help in the user's language, clap's errors as sentences) over the
//! library, which does the work; the outcome becomes the exit code (0
//! clean, 1 findings that are errors, 2 usage, configuration or I/O).

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::main()
}
