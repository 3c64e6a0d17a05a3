//! The `kooste` binary: the command line is the library's ([`kooste::cli`]),
//! so that its language choice, help and errors are tested with it.

use std::process::ExitCode;

fn main() -> ExitCode {
    kooste::memory::keep_freed_memory();
    kooste::cli::main()
}
