//! `kooste serve`: the web app (issue 23), built only with the cargo
//! feature `web`. It sits on top of the library like [`crate::commands`]:
//! it calls the same read, check, build and template functions, and
//! nothing below it imports it (`tests/it/layering.rs`).
//!
//! - [`store`]: the workspace folder, received files stored by SHA-256;
//! - [`register`]: the SQLite register of submissions, builds, refusals;
//! - [`check`]: the library's work on the stored files;
//! - [`links`]: the departments' own upload links;
//! - [`desktop`]: `kooste` double-clicked: the web app in the default browser;
//! - [`history`]: earlier years' builds and every submission, downloadable;
//! - [`columns`], [`corrections`], [`fix_page`]: a file's unknown columns
//!   matched to fields and its cells corrected in place, kept in the
//!   register and given to the reader;
//! - [`header_row`]: a file with no header row found: a row offered
//!   for matching its cells to fields;
//! - [`annotated`]: a current file's annotated copy, downloadable;
//! - [`security`]: tokens, sessions, CSRF, the administrator's password;
//! - [`pages`]: the HTML, server-rendered in fi, sv and en;
//! - [`time`]: register times (UTC) shown in the local zone, as each language writes them;
//! - [`routes`]: the HTTP routes and the checks every request goes through.

pub mod annotated;
pub mod assign;
pub mod check;
pub mod columns;
pub mod corrections;
pub mod desktop;
pub mod fix_page;
pub mod header_row;
pub mod history;
pub mod links;
pub mod pages;
pub mod register;
pub mod routes;
pub mod security;
pub mod store;
pub mod time;
pub mod withdraw;

use std::io::Write;
use std::net::{SocketAddr, TcpListener};
use std::path::{Path, PathBuf};

use crate::Config;
use crate::i18n::render;
use crate::model::lang::Lang;
use crate::model::message::Message;
use crate::reading::Limits;

/// The environment variable that sets the administrator's password at
/// the first start (stored only as its Argon2id hash).
pub const PASSWORD_VAR: &str = "KOOSTE_ADMIN_PASSWORD";

/// Options of `kooste serve`.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The workspace folder (created if missing).
    pub workspace: PathBuf,
    /// Where to listen; port 0 takes a free port, printed at start.
    pub listen: SocketAddr,
    /// The terminal's language (the pages choose their own).
    pub lang: Lang,
    /// The programme configuration.
    pub config: Config,
    /// The reader's caps, as on the command line.
    pub limits: Limits,
    /// The largest request body accepted, in bytes (an upload of several
    /// files is one request).
    pub max_upload_bytes: usize,
    /// The administrator's password given at this start
    /// ([`PASSWORD_VAR`]): stored if none is yet.
    pub admin_password: Option<String>,
    /// Started from a desktop ([`desktop::from_desktop`]): a busy port is
    /// traded for a free one, and the default browser opens the address.
    pub desktop: bool,
}

/// What stops the web app (exit 2).
#[derive(Debug, thiserror::Error)]
pub enum WebError {
    /// A file or folder of the workspace.
    #[error("{path}: {source}")]
    Io {
        /// The path.
        path: PathBuf,
        /// What the operating system said.
        #[source]
        source: std::io::Error,
    },
    /// The register's database.
    #[error("register: {0}")]
    Db(#[source] rusqlite::Error),
    /// A register made by a newer kooste.
    #[error("register version {found}, this program knows up to {known}")]
    NewerRegister {
        /// Its `user_version`.
        found: usize,
        /// The newest this program knows.
        known: usize,
    },
    /// Listening on an address other than 127.0.0.1 or ::1 without an
    /// administrator password.
    #[error("{addr} is not 127.0.0.1 or ::1 and no administrator password is set")]
    NeedsPassword {
        /// The address asked for.
        addr: SocketAddr,
    },
    /// An administrator password shorter than [`MIN_PASSWORD_CHARS`].
    #[error("the administrator password has fewer than {min} characters")]
    ShortPassword {
        /// The least number of characters.
        min: usize,
    },
    /// The address cannot be listened on.
    #[error("{addr}: {source}")]
    Listen {
        /// The address.
        addr: SocketAddr,
        /// What the operating system said.
        #[source]
        source: std::io::Error,
    },
    /// The password could not be hashed.
    #[error("password hash: {0}")]
    Hash(String),
    /// The library's own error (a build or template that stops).
    #[error(transparent)]
    Kooste(#[from] crate::Error),
}

impl WebError {
    /// An I/O error at `path`.
    pub fn io(path: &Path, source: std::io::Error) -> WebError {
        WebError::Io {
            path: path.to_path_buf(),
            source,
        }
    }

    /// A database error.
    pub fn db(e: rusqlite::Error) -> WebError {
        WebError::Db(e)
    }

    /// What went wrong, as a sentence in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let m = match self {
            WebError::Io { path, .. } => {
                Message::new("web-err-io").arg("path", path.display().to_string())
            }
            WebError::Db(e) => Message::new("web-err-db").arg("detail", e.to_string()),
            WebError::NewerRegister { .. } => Message::new("web-err-newer-register"),
            WebError::NeedsPassword { addr } => Message::new("web-err-needs-password")
                .arg("addr", addr.to_string())
                .arg("var", PASSWORD_VAR),
            WebError::Listen { addr, source } => Message::new("web-err-listen")
                .arg("addr", addr.to_string())
                .arg("detail", source.to_string()),
            WebError::Hash(_) => Message::new("web-err-hash"),
            WebError::ShortPassword { min } => Message::new("web-err-short-password")
                .arg("var", PASSWORD_VAR)
                .count("min", *min as i64),
            WebError::Kooste(e) => return render(lang, &e.message()),
        };
        render(lang, &m)
    }
}

/// Whether the server may run without a password on `ip`: only
/// 127.0.0.1 and ::1, the addresses the README and issue 23 name. Other
/// loopback addresses (127.0.0.2, …) need a password too: a rule with
/// one exception is one a reader can check.
fn is_local(ip: std::net::IpAddr) -> bool {
    ip == std::net::Ipv4Addr::LOCALHOST || ip == std::net::Ipv6Addr::LOCALHOST
}

/// The fewest characters an administrator password may have (OWASP
/// ASVS 4.0, requirement 2.1.1).
pub const MIN_PASSWORD_CHARS: usize = 12;

/// Opens the workspace and its register, sets the administrator's
/// password if given and none is stored, and refuses a non-loopback
/// address without one. Returns the shared state.
pub fn prepare(opts: &ServeOptions) -> Result<routes::State, WebError> {
    let ws = store::Workspace::open(&opts.workspace)?;
    let reg = register::Register::open(&ws.register())?;
    let mut hash = reg.setting("admin_password")?;
    if let Some(pw) = opts.admin_password.as_deref().filter(|p| !p.is_empty()) {
        // OWASP ASVS 4.0 2.1.1: at least 12 characters, not counting
        // spaces at either end (twelve spaces are no password).
        if pw.trim().chars().count() < MIN_PASSWORD_CHARS {
            return Err(WebError::ShortPassword {
                min: MIN_PASSWORD_CHARS,
            });
        }
        // Given at a later start and not the stored one: it replaces it
        // (the stored one stops working), and the log says so.
        let same = hash
            .as_deref()
            .is_some_and(|h| security::verify_password(pw, h));
        if !same {
            let h = security::hash_password(pw).map_err(|e| WebError::Hash(e.to_string()))?;
            reg.set_setting("admin_password", &h)?;
            if hash.is_some() {
                let said = render(opts.lang, &Message::new("web-password-changed"));
                eprintln!("kooste: {said}");
            }
            hash = Some(h);
        }
    }
    if !is_local(opts.listen.ip()) && hash.is_none() {
        return Err(WebError::NeedsPassword { addr: opts.listen });
    }
    Ok(routes::Shared::new(opts, ws, reg, hash))
}

/// Runs the server until Ctrl-C: prepares ([`prepare`]), listens, prints
/// the address (`http://127.0.0.1:8080/`) on standard output.
pub fn serve(opts: &ServeOptions) -> Result<(), WebError> {
    let state = prepare(opts)?;
    let listener = TcpListener::bind(opts.listen)
        .or_else(|e| {
            // Another program (or another kooste) has the port: any free one.
            if opts.desktop && e.kind() == std::io::ErrorKind::AddrInUse {
                TcpListener::bind(SocketAddr::new(opts.listen.ip(), 0))
            } else {
                Err(e)
            }
        })
        .map_err(|source| WebError::Listen {
            addr: opts.listen,
            source,
        })?;
    let addr = listener.local_addr().map_err(|source| WebError::Listen {
        addr: opts.listen,
        source,
    })?;
    listener
        .set_nonblocking(true)
        .map_err(|source| WebError::Listen { addr, source })?;
    let mut out = std::io::stdout().lock();
    let said = Message::new("web-listening")
        .arg("url", format!("http://{addr}/"))
        .arg("workspace", opts.workspace.display().to_string());
    let _ = writeln!(out, "{}", render(opts.lang, &said));
    let _ = out.flush();
    drop(out);
    if opts.desktop {
        // The listener is bound: the browser's first request waits in its
        // queue until the runtime below accepts it.
        let url = format!("http://{addr}/");
        if let Err(e) = desktop::open_browser(&url) {
            let m = Message::new("web-desktop-no-browser").arg("url", url);
            eprintln!("kooste: {} ({e})", render(opts.lang, &m));
        }
    }
    // The handlers only route and render: every read, check and build runs
    // on the blocking pool. Two workers serve a city's staff; a few
    // blocking threads bound the memory many uploads at once take (the
    // rest wait their turn) and the allocator arenas an idle server keeps.
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .max_blocking_threads(4)
        .enable_io()
        .build()
        .map_err(|source| WebError::Listen { addr, source })?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::from_std(listener)
            .map_err(|source| WebError::Listen { addr, source })?;
        // The peer's address reaches the handlers: sign-in guesses are
        // counted per address (`routes::LOGIN_LIMIT`).
        let app = routes::router(state).into_make_service_with_connect_info::<SocketAddr>();
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .map_err(|source| WebError::Listen { addr, source })
    })
}
