//! The web app's figures (issue 23), run by `benches/web.sh`: starts
//! `kooste serve` (a release build with the feature `web`) on a free
//! loopback port and measures, with a minimal HTTP/1.1 client:
//!
//! - the time from the upload request's last byte sent to the findings
//!   page's last byte received, for the five 2021 samples in one upload
//!   (target: under 200 ms), the median of `RUNS` cycles (default 7);
//! - the server's resident memory (`VmRSS`, and its peak `VmHWM`, from
//!   `/proc/<pid>/status`) when idle after start, and idle again after
//!   the cycles and one build with its downloads (target: idle under
//!   30 MB).
//!
//! Usage: `web KOOSTE_BINARY SAMPLES_DIR` (run from the repository root).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const SAMPLES: [&str; 5] = [
    "kasko_2021.xlsx",
    "ksj_2021.xls",
    "kuku_2021.xlsx",
    "kymp_2021.xlsx",
    "sote_2021.ods",
];

struct Client {
    addr: String,
    cookie: String,
}

impl Client {
    /// Sends a request; returns the status line, the body and the instant
    /// the request's last byte was written.
    fn send(
        &mut self,
        method: &str,
        path: &str,
        ctype: &str,
        body: &[u8],
    ) -> (String, String, Instant) {
        let mut s = TcpStream::connect(&self.addr).expect("connects");
        s.set_nodelay(true).ok();
        let mut head = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\nContent-Length: {}\r\n",
            self.addr,
            body.len()
        );
        if !ctype.is_empty() {
            head.push_str(&format!("Content-Type: {ctype}\r\n"));
        }
        if !self.cookie.is_empty() {
            head.push_str(&format!("Cookie: {}\r\n", self.cookie));
        }
        head.push_str("\r\n");
        let mut req = head.into_bytes();
        req.extend_from_slice(body);
        s.write_all(&req).expect("sends");
        s.flush().ok();
        let sent = Instant::now();
        let mut raw = Vec::new();
        s.read_to_end(&mut raw).expect("reads");
        let text = String::from_utf8_lossy(&raw).into_owned();
        let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
        for line in head.lines() {
            // The session's cookie; the language's is not asked for here.
            if let Some(v) = line
                .strip_prefix("set-cookie: ")
                .or_else(|| line.strip_prefix("Set-Cookie: "))
                && v.starts_with("kooste-istunto=")
            {
                self.cookie = v.split(';').next().unwrap_or("").to_string();
            }
        }
        let status = head.lines().next().unwrap_or("").to_string();
        (status, body.to_string(), sent)
    }

    fn csrf(&mut self, path: &str) -> String {
        let (_, page, _) = self.send("GET", path, "", b"");
        let at = page.find("name=\"csrf\" value=\"").expect("a csrf field") + 19;
        page[at..at + 64].to_string()
    }
}

/// `VmRSS` and `VmHWM` of `pid`, in MB.
fn memory(pid: u32) -> (f64, f64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let kb = |key: &str| {
        status
            .lines()
            .find(|l| l.starts_with(key))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (kb("VmRSS:") / 1024.0, kb("VmHWM:") / 1024.0)
}

/// The server, killed and waited for when dropped.
struct Killed(std::process::Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (kooste, samples) = (&args[1], std::path::Path::new(&args[2]));
    let runs: usize = std::env::var("RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(7);
    let ws = std::env::temp_dir().join(format!("kooste-web-bench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&ws);
    let mut child = Command::new(kooste)
        .args(["serve", "--listen", "127.0.0.1:0", "--workspace"])
        .arg(&ws)
        .env_remove("KOOSTE_ADMIN_PASSWORD")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("kooste serve starts");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("the address line");
    let addr = line
        .split("http://")
        .nth(1)
        .and_then(|s| s.split('/').next())
        .expect("an address")
        .to_string();
    let pid = child.id();
    // Killed however main ends (a failed assertion too): a server left
    // running would hold the caller's pipe open.
    let server = Killed(child);
    let mut c = Client {
        addr,
        cookie: String::new(),
    };
    // Idle after start: the first page only makes the session.
    let (rss0, hwm0) = memory(pid);

    let boundary = "----koosteBench7MA4YWxkTrZu0gW";
    let mut body = Vec::new();
    let mut times = Vec::new();
    let mut uploads = Vec::new();
    for run in 0..runs {
        let csrf = c.csrf("/upload");
        body.clear();
        for (k, v) in [("csrf", csrf.as_str()), ("year", "2021")] {
            write!(
                body,
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n"
            )
            .unwrap();
        }
        for name in SAMPLES {
            write!(
                body,
                "--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{name}\"\r\n\
                 Content-Type: application/octet-stream\r\n\r\n"
            )
            .unwrap();
            body.extend_from_slice(&std::fs::read(samples.join(name)).expect("a sample"));
            body.extend_from_slice(b"\r\n");
        }
        write!(body, "--{boundary}--\r\n").unwrap();
        let ct = format!("multipart/form-data; boundary={boundary}");
        // POST/redirect/GET: the upload answers 303 See Other to its
        // results' page, which a browser then asks for.
        let (status, page, sent) = c.send("POST", "/upload", &ct, &body);
        assert!(status.contains(" 303 "), "upload: {status}\n{page}");
        let (status, page, _) = c.send("GET", "/upload?year=2021&received=1", "", b"");
        let uploaded = Instant::now();
        assert!(
            status.contains(" 200 ") && page.contains("id=\"results\""),
            "upload's results: {status}"
        );
        let (status, page, _) = c.send("GET", "/findings?year=2021", "", b"");
        let shown = Instant::now();
        assert!(
            status.contains(" 200 ") && page.contains("id=\"count\""),
            "findings: {status}"
        );
        println!(
            "  run {}: upload answered {:.1} ms, findings shown {:.1} ms after the upload's end",
            run + 1,
            (uploaded - sent).as_secs_f64() * 1e3,
            (shown - sent).as_secs_f64() * 1e3
        );
        uploads.push(uploaded - sent);
        times.push(shown - sent);
    }
    let (rss_checked, _) = memory(pid);
    // One build and its downloads complete the cycle.
    let csrf = c.csrf("/build?year=2021");
    let (status, _, _) = c.send(
        "POST",
        "/build",
        "application/x-www-form-urlencoded",
        format!("csrf={csrf}&year=2021").as_bytes(),
    );
    assert!(status.contains(" 303 "), "build: {status}");
    for kind in ["workbook", "report"] {
        let (status, _, _) = c.send("GET", &format!("/builds/1/{kind}"), "", b"");
        assert!(status.contains(" 200 "), "{kind}: {status}");
    }
    let (rss1, hwm1) = memory(pid);
    drop(server);
    let _ = std::fs::remove_dir_all(&ws);

    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "  upload of the 5 samples to findings shown: median {:.1} ms of {runs} (upload answered: median {:.1} ms; target: under 200 ms)",
        ms(median(times)),
        ms(median(uploads))
    );
    println!(
        "  idle after start: VmRSS {rss0:.1} MB, VmHWM {hwm0:.1} MB (target: idle under 30 MB)"
    );
    println!("  idle after {runs} uploads and findings pages: VmRSS {rss_checked:.1} MB");
    println!(
        "  idle after {runs} cycles, a build and its downloads: VmRSS {rss1:.1} MB, VmHWM {hwm1:.1} MB"
    );
}
