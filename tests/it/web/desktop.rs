//! `kooste` double-clicked (issue 23): with no arguments, no terminal and
//! a display, it serves the web app from the user's data folder and opens
//! it in the browser; `$BROWSER` here is a script that only says which
//! address it was given. Without a display it is the command line's help.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Stdio};
use std::time::Duration;

use crate::common::kooste_command;

/// Kills the started program when the test ends, however it ends.
struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn started_from_a_desktop_it_serves_the_web_app_and_opens_the_browser() {
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data");
    // The "browser" writes its address into a FIFO: reading it waits
    // until the browser was started, without guessing how long that takes.
    let fifo = home.path().join("opened");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let script = home.path().join("browser.sh");
    std::fs::write(
        &script,
        format!("#!/bin/sh\nprintf '%s' \"$1\" > '{}'\n", fifo.display()),
    )
    .unwrap();
    let mut perms = std::fs::metadata(&script).unwrap().permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o755);
    std::fs::set_permissions(&script, perms).unwrap();

    let mut child = Killed(
        kooste_command()
            .env("DISPLAY", ":99")
            .env("HOME", home.path())
            .env("XDG_DATA_HOME", &data)
            .env("BROWSER", &script)
            .env_remove("KOOSTE_ADMIN_PASSWORD")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let mut line = String::new();
    BufReader::new(child.0.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://127.0.0.1:"))
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_string();
    // The workspace is the user's data folder's `kooste`.
    assert!(
        line.contains(&data.join("kooste").display().to_string()),
        "{line}"
    );
    assert!(data.join("kooste/rekisteri.sqlite").is_file());

    // The browser was given the address the server listens on.
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut got = String::new();
        let _ = std::fs::File::open(&fifo).and_then(|mut f| f.read_to_string(&mut got));
        let _ = tx.send(got);
    });
    // A bound on a failure only: the script runs in milliseconds.
    let opened = rx
        .recv_timeout(Duration::from_secs(120))
        .expect("the browser was started");
    assert_eq!(opened, url);

    let host = url.trim_start_matches("http://").trim_end_matches('/');
    let mut s = TcpStream::connect(host).unwrap();
    write!(
        s,
        "GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut answer = String::new();
    s.read_to_string(&mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.contains("<html lang=\"fi\""), "{answer}");
}

#[test]
fn without_a_display_kooste_alone_is_still_the_help() {
    let home = tempfile::tempdir().unwrap();
    let out = kooste_command()
        .env("HOME", home.path())
        .env("BROWSER", "false")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Käyttö: kooste"));
    assert!(!home.path().join(".local/share/kooste").exists());
}
