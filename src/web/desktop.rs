//! `kooste` started from a desktop (issue 23): double-clicked, with no
//! arguments, it serves the web app on this computer and opens it in the
//! default browser, instead of printing the command line's help into a
//! window that closes at once.
//!
//! "From a desktop" is decided by [`from_desktop`]: no arguments, no
//! terminal to read from, and a graphical session to open a browser in.
//! Typed at a terminal, `kooste` alone still prints the help (exit 2),
//! and so it does where nothing could show a browser (a server, CI).

use std::ffi::OsString;
use std::path::PathBuf;

/// What the start-up sees of its surroundings, for [`from_desktop`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Surroundings {
    /// Whether any argument was given after the program's name.
    pub arguments: bool,
    /// Whether it was started from a terminal: standard input is one
    /// (on Windows, a console that another program, cmd or PowerShell,
    /// shares; a double-clicked program has a console of its own).
    pub terminal: bool,
    /// Whether a browser can be shown: always on Windows and macOS; on
    /// other systems, a display server named by `DISPLAY` or
    /// `WAYLAND_DISPLAY`.
    pub graphical: bool,
}

/// Whether `kooste` was started from a desktop: no arguments, no
/// terminal, and a graphical session. Every other start keeps the
/// command line's behaviour.
pub fn from_desktop(s: Surroundings) -> bool {
    !s.arguments && !s.terminal && s.graphical
}

/// Whether a graphical session is there on operating system `os`
/// (`std::env::consts::OS`), the environment read through `var`.
pub fn graphical(os: &str, var: impl Fn(&str) -> Option<OsString>) -> bool {
    match os {
        "windows" | "macos" => true,
        _ => ["DISPLAY", "WAYLAND_DISPLAY"]
            .iter()
            .any(|v| var(v).is_some_and(|x| !x.is_empty())),
    }
}

/// This process's surroundings.
pub fn surroundings() -> Surroundings {
    Surroundings {
        arguments: std::env::args_os().len() > 1,
        terminal: started_from_terminal(),
        graphical: graphical(std::env::consts::OS, |v| std::env::var_os(v)),
    }
}

#[cfg(not(windows))]
fn started_from_terminal() -> bool {
    use std::io::IsTerminal;
    std::io::stdin().is_terminal()
}

/// On Windows a double-clicked console program gets a console window of
/// its own, so standard input is a terminal either way: it was started
/// from one when another process (cmd, PowerShell) shares its console.
#[cfg(windows)]
fn started_from_terminal() -> bool {
    let mut ids = [0u32; 2];
    // SAFETY: the buffer is valid for the two ids the call may write.
    let n =
        unsafe { windows_sys::Win32::System::Console::GetConsoleProcessList(ids.as_mut_ptr(), 2) };
    n > 1
}

/// The workspace of a desktop start: the user's application data folder,
/// `kooste` in it (Linux `$XDG_DATA_HOME/kooste`, by default
/// `~/.local/share/kooste`; macOS `~/Library/Application Support/kooste`;
/// Windows `%LOCALAPPDATA%\kooste`), or `kooste-tyotila` in the current
/// folder when none is known.
pub fn workspace(os: &str, var: impl Fn(&str) -> Option<OsString>) -> PathBuf {
    let nonempty = |v: &str| var(v).filter(|x| !x.is_empty()).map(PathBuf::from);
    let base = match os {
        "windows" => nonempty("LOCALAPPDATA").or_else(|| nonempty("APPDATA")),
        "macos" => nonempty("HOME").map(|h| h.join("Library/Application Support")),
        _ => nonempty("XDG_DATA_HOME")
            .filter(|p| p.is_absolute())
            .or_else(|| nonempty("HOME").map(|h| h.join(".local/share"))),
    };
    match base {
        Some(b) => b.join("kooste"),
        None => PathBuf::from("kooste-tyotila"),
    }
}

/// Opens `url` in the default browser without waiting for it: on Unix
/// the command in `$BROWSER` if set (its first of a `:`-separated list;
/// `%s` is the address, else it is appended), otherwise the system's
/// opener (xdg-open and its kin, `open`, the Windows shell).
/// Errors: the browser could not be started.
pub fn open_browser(url: &str) -> std::io::Result<()> {
    let browser = std::env::var("BROWSER")
        .ok()
        .filter(|b| !b.trim().is_empty());
    match browser {
        Some(b) if cfg!(unix) => {
            let mut words = browser_command(&b, url).into_iter();
            let program = words.next().unwrap_or_default();
            let mut child = std::process::Command::new(program)
                .args(words)
                .stdin(std::process::Stdio::null())
                .spawn()?;
            // Reaped when it ends; the server does not wait for it.
            std::thread::spawn(move || child.wait());
            Ok(())
        }
        _ => open::that_detached(url),
    }
}

/// The words of the `$BROWSER` command `browser` for `url`.
pub fn browser_command(browser: &str, url: &str) -> Vec<String> {
    let first = browser.split(':').next().unwrap_or(browser);
    let mut words: Vec<String> = first.split_whitespace().map(str::to_string).collect();
    if words.iter().any(|w| w.contains("%s")) {
        for w in &mut words {
            *w = w.replace("%s", url);
        }
    } else {
        words.push(url.to_string());
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<OsString> + 'a {
        move |name| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| OsString::from(v))
        }
    }

    #[test]
    fn only_a_start_without_arguments_or_terminal_in_a_graphical_session_is_from_a_desktop() {
        let s = |arguments, terminal, graphical| Surroundings {
            arguments,
            terminal,
            graphical,
        };
        // Double-clicked in a file manager.
        assert!(from_desktop(s(false, false, true)));
        // `kooste` typed at a terminal, on a desktop or not: the help.
        assert!(!from_desktop(s(false, true, true)));
        assert!(!from_desktop(s(false, true, false)));
        // No terminal and no display: CI, a service, a test's `output()`.
        assert!(!from_desktop(s(false, false, false)));
        // Any argument is the command line's.
        assert!(!from_desktop(s(true, false, true)));
    }

    #[test]
    fn browser_names_the_command_and_the_address_goes_in_its_place() {
        let url = "http://127.0.0.1:8080/";
        assert_eq!(browser_command("firefox", url), ["firefox", url]);
        assert_eq!(
            browser_command("chromium --new-window %s:firefox", url),
            ["chromium", "--new-window", url]
        );
    }

    #[test]
    fn a_graphical_session_is_a_display_on_linux_and_always_on_windows_and_macos() {
        assert!(graphical("windows", env(&[])));
        assert!(graphical("macos", env(&[])));
        assert!(!graphical("linux", env(&[])));
        assert!(!graphical("linux", env(&[("DISPLAY", "")])));
        assert!(graphical("linux", env(&[("DISPLAY", ":0")])));
        assert!(graphical(
            "freebsd",
            env(&[("WAYLAND_DISPLAY", "wayland-0")])
        ));
    }

    #[test]
    fn the_workspace_is_the_users_application_data_folder() {
        assert_eq!(
            workspace("linux", env(&[("HOME", "/home/a")])),
            PathBuf::from("/home/a/.local/share/kooste")
        );
        assert_eq!(
            workspace(
                "linux",
                env(&[("HOME", "/home/a"), ("XDG_DATA_HOME", "/d")])
            ),
            PathBuf::from("/d/kooste")
        );
        // A relative XDG_DATA_HOME is invalid by the specification.
        assert_eq!(
            workspace("linux", env(&[("HOME", "/home/a"), ("XDG_DATA_HOME", "d")])),
            PathBuf::from("/home/a/.local/share/kooste")
        );
        assert_eq!(
            workspace("macos", env(&[("HOME", "/Users/a")])),
            PathBuf::from("/Users/a/Library/Application Support/kooste")
        );
        assert_eq!(
            workspace(
                "windows",
                env(&[("LOCALAPPDATA", "C:\\Users\\a\\AppData\\Local")])
            ),
            PathBuf::from("C:\\Users\\a\\AppData\\Local").join("kooste")
        );
        assert_eq!(
            workspace("linux", env(&[])),
            PathBuf::from("kooste-tyotila")
        );
    }
}
