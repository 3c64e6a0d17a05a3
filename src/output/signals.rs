//! Temporary files of the outputs being written, removed when the process
//! is stopped by SIGINT (Ctrl-C) or SIGTERM. Without this a stopped run
//! left its `.kooste_*.tmp` files behind, as large as the outputs.
//!
//! The files are listed in one registry. A thread started by
//! [`clean_up_on_signals`] waits for the signals (through signal-hook, so
//! nothing but a write to a pipe happens in the signal handler itself),
//! removes every listed file and exits with 128 + the signal's number
//! (130, 143), as a shell reports a process stopped by a signal. A
//! transaction holds the registry while it renames its files into place,
//! so a signal then waits for the renames: the outputs are then either all
//! renamed or none.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

/// The temporary files that exist now.
static LIVE: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// The registry, also after a panic elsewhere held it (a list of paths
/// cannot be left half-changed by a push or a retain).
pub(crate) fn registry() -> MutexGuard<'static, Vec<PathBuf>> {
    LIVE.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Takes `path` off the list once it is renamed or removed.
pub(crate) fn unregister(list: &mut Vec<PathBuf>, path: &Path) {
    if let Some(i) = list.iter().position(|p| p == path) {
        list.swap_remove(i);
    }
}

/// Starts the thread that removes the temporary files on SIGINT or
/// SIGTERM and exits with 130 or 143. Call it once, at the start of
/// `main`; where the signals cannot be caught the defaults stay (the
/// files are then removed by the next run into the folder).
pub fn clean_up_on_signals() -> std::io::Result<()> {
    use signal_hook::consts::{SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM])?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                // Held until exit: no file can be created or renamed after this.
                let list = registry();
                for p in list.iter() {
                    let _ = std::fs::remove_file(p);
                }
                std::process::exit(128 + signal);
            }
        })?;
    Ok(())
}
