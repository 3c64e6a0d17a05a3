//! `kooste serve`: the web app where the binary was built with the
//! feature `web`; otherwise a sentence saying how to build one (exit 2).

use std::process::ExitCode;

use super::args::Command;
use kooste::i18n::Lang;
#[cfg(not(feature = "web"))]
use kooste::i18n::text;

/// Runs `kooste serve` (`command` is `Command::Serve`).
#[cfg(feature = "web")]
pub(crate) fn serve(command: &Command, lang: Lang, verbose: bool) -> ExitCode {
    run(command, lang, verbose, false)
}

#[cfg(feature = "web")]
fn run(command: &Command, lang: Lang, verbose: bool, desktop: bool) -> ExitCode {
    let Command::Serve {
        workspace,
        listen,
        max_upload_mb,
        config,
        max_unpacked_mb,
        max_cells,
    } = command
    else {
        return ExitCode::from(2);
    };
    let config = match config {
        Some(p) => kooste::Config::load(p).map_err(kooste::Error::from),
        None => Ok(kooste::Config::builtin()),
    };
    let config = match config {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{}", e.report(lang, verbose));
            return ExitCode::from(2);
        }
    };
    let opts = kooste::web::ServeOptions {
        workspace: workspace.clone(),
        listen: *listen,
        lang,
        config,
        limits: kooste::reading::Limits {
            max_unpacked_bytes: max_unpacked_mb.saturating_mul(1 << 20),
            max_cells: *max_cells,
        },
        max_upload_bytes: usize::try_from(max_upload_mb.saturating_mul(1 << 20))
            .unwrap_or(usize::MAX),
        admin_password: std::env::var(kooste::web::PASSWORD_VAR).ok(),
        desktop,
    };
    match kooste::web::serve(&opts) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("kooste: {}", e.message(lang));
            if verbose {
                let mut source = std::error::Error::source(&e);
                while let Some(s) = source {
                    eprintln!("  {s}");
                    source = s.source();
                }
            }
            ExitCode::from(2)
        }
    }
}

/// `kooste` started from a desktop (no arguments, no terminal, a
/// graphical session: [`kooste::web::desktop::from_desktop`]): the web app
/// on 127.0.0.1:8080 (or a free port if that is taken) with the
/// workspace in the user's application data folder, opened in the default
/// browser. Whether it applies is [`from_desktop`]'s to say.
#[cfg(feature = "web")]
pub(crate) fn desktop(lang: Lang) -> ExitCode {
    let os = std::env::consts::OS;
    let command = Command::Serve {
        workspace: kooste::web::desktop::workspace(os, |v| std::env::var_os(v)),
        listen: std::net::SocketAddr::from(([127, 0, 0, 1], 8080)),
        max_upload_mb: 50,
        config: None,
        max_unpacked_mb: 1024,
        max_cells: 50_000_000,
    };
    run(&command, lang, false, true)
}

/// Whether this start is `kooste` from a desktop (see [`desktop`]).
#[cfg(feature = "web")]
pub(crate) fn from_desktop() -> bool {
    kooste::web::desktop::from_desktop(kooste::web::desktop::surroundings())
}

/// Says that this build has no web app and how to build one (exit 2).
#[cfg(not(feature = "web"))]
pub(crate) fn serve(_command: &Command, lang: Lang, _verbose: bool) -> ExitCode {
    eprintln!("kooste: {}", text(lang, "web-no-web-app"));
    ExitCode::from(2)
}
