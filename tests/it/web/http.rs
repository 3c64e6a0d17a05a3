//! The running server and a minimal HTTP/1.1 client with a cookie jar.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Stdio};

use crate::common::kooste_command;

/// The five sample files of 2021 (`samples/2021`), one per department.
pub const SAMPLES: [&str; 5] = [
    "kasko_2021.xlsx",
    "ksj_2021.xls",
    "kuku_2021.xlsx",
    "kymp_2021.xlsx",
    "sote_2021.ods",
];

/// A `kooste serve` process on a free loopback port; killed when dropped.
pub struct Server {
    child: Child,
    /// `127.0.0.1:PORT`.
    pub addr: String,
    /// Its standard error, read on [`Server::stop`].
    stderr: Option<std::process::ChildStderr>,
}

impl Server {
    /// Starts `kooste serve --workspace ws --listen 127.0.0.1:0 extra…`
    /// with `env`, and waits for the line that names its address.
    pub fn start(ws: &Path, extra: &[&str], env: &[(&str, &str)]) -> Server {
        let mut child = kooste_command()
            .args(["serve", "--workspace"])
            .arg(ws)
            .args(["--listen", "127.0.0.1:0"])
            .args(extra)
            .envs(env.iter().copied())
            .env_remove("KOOSTE_ADMIN_PASSWORD")
            .envs(env.iter().copied())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
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
            .unwrap_or_else(|| panic!("no address in {line:?}"))
            .to_string();
        let stderr = child.stderr.take();
        Server {
            child,
            addr,
            stderr,
        }
    }

    /// Stops the server and returns what it wrote on standard error.
    pub fn stop(mut self) -> String {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let mut err = String::new();
        if let Some(mut e) = self.stderr.take() {
            let _ = e.read_to_string(&mut err);
        }
        err
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A response.
#[derive(Debug)]
pub struct Response {
    /// The status code.
    pub status: u16,
    /// Header names in lower case, values as sent.
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: Vec<u8>,
}

impl Response {
    /// The first header `name` (lower case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The body as text.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// The value of the first hidden `csrf` field in the page.
    pub fn csrf(&self) -> String {
        let t = self.text();
        let at = t
            .find("name=\"csrf\" value=\"")
            .expect("a form with a csrf field");
        t[at + 19..at + 19 + 64].to_string()
    }
}

/// A browser: the server's address and the cookies it was given.
pub struct Client {
    addr: String,
    cookies: Vec<(String, String)>,
    /// Extra request headers (Accept-Language, …).
    pub headers: Vec<(String, String)>,
}

impl Client {
    /// A browser with no cookies yet.
    pub fn new(server: &Server) -> Client {
        Client {
            addr: server.addr.clone(),
            cookies: Vec::new(),
            headers: Vec::new(),
        }
    }

    /// `GET path`.
    pub fn get(&mut self, path: &str) -> Response {
        self.send("GET", path, None, &[])
    }

    /// `POST path` of a URL-encoded form (values are plain ASCII here).
    pub fn post_form(&mut self, path: &str, fields: &[(&str, &str)]) -> Response {
        let body: Vec<String> = fields.iter().map(|(k, v)| format!("{k}={v}")).collect();
        self.send(
            "POST",
            path,
            Some("application/x-www-form-urlencoded"),
            body.join("&").as_bytes(),
        )
    }

    /// `POST path` of a form answered by POST/redirect/GET: asserts
    /// 303 See Other and follows its `Location` as a browser does.
    pub fn post_redirected(&mut self, path: &str, fields: &[(&str, &str)]) -> Response {
        let r = self.post_form(path, fields);
        assert_eq!(r.status, 303, "{path}: {}", r.text());
        let to = r.header("location").expect("a Location").to_string();
        self.get(&to)
    }

    /// Makes department `dept`'s upload link for `year` on `/links`
    /// (POST/redirect/GET); returns its path `/d/<token>`, cut from the
    /// whole address the page shows once.
    pub fn new_link(&mut self, dept: &str, year: &str) -> String {
        let csrf = self.get("/links").csrf();
        let t = self
            .post_redirected(
                "/links",
                &[("csrf", &csrf), ("department", dept), ("year", year)],
            )
            .text();
        let at = t.find("<code id=\"new-link\">").expect("the new link") + 20;
        let address = &t[at..t[at..].find('<').map_or(t.len(), |e| at + e)];
        let path = &address[address.find("/d/").expect("a /d/ path")..];
        assert!(address.starts_with("http://127.0.0.1:"), "{address}");
        assert_eq!(path.len(), 3 + 64, "{address}");
        path.to_string()
    }

    /// [`Client::post_multipart_once`], following a 303 See Other (an
    /// upload's results are on the page its redirect names) as a browser does.
    pub fn post_multipart(
        &mut self,
        path: &str,
        fields: &[(&str, &str)],
        files: &[(&str, &[u8])],
    ) -> Response {
        let r = self.post_multipart_once(path, fields, files);
        match (r.status, r.header("location")) {
            (303, Some(to)) => {
                let to = to.to_string();
                self.get(&to)
            }
            _ => r,
        }
    }

    /// `POST path` of a multipart form: `fields` in order, then `files`
    /// (sent name, bytes) each as a `files` part.
    pub fn post_multipart_once(
        &mut self,
        path: &str,
        fields: &[(&str, &str)],
        files: &[(&str, &[u8])],
    ) -> Response {
        let boundary = "----koosteTestBoundary7MA4YWxkTrZu0gW";
        let mut body = Vec::new();
        for (k, v) in fields {
            write!(
                body,
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n"
            )
            .unwrap();
        }
        for (name, bytes) in files {
            write!(
                body,
                "--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{name}\"\r\n\
                 Content-Type: application/octet-stream\r\n\r\n"
            )
            .unwrap();
            body.extend_from_slice(bytes);
            body.extend_from_slice(b"\r\n");
        }
        write!(body, "--{boundary}--\r\n").unwrap();
        let ct = format!("multipart/form-data; boundary={boundary}");
        self.send("POST", path, Some(&ct), &body)
    }

    pub fn send(&mut self, method: &str, path: &str, ctype: Option<&str>, body: &[u8]) -> Response {
        let mut s = TcpStream::connect(&self.addr).expect("connects");
        let mut req = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\nContent-Length: {}\r\n",
            self.addr,
            body.len()
        );
        if let Some(ct) = ctype {
            req.push_str(&format!("Content-Type: {ct}\r\n"));
        }
        if !self.cookies.is_empty() {
            let c: Vec<String> = self
                .cookies
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect();
            req.push_str(&format!("Cookie: {}\r\n", c.join("; ")));
        }
        for (k, v) in &self.headers {
            req.push_str(&format!("{k}: {v}\r\n"));
        }
        req.push_str("\r\n");
        s.write_all(req.as_bytes()).unwrap();
        // The server may answer (413) before the whole body is read.
        let _ = s.write_all(body);
        let mut raw = Vec::new();
        let _ = s.read_to_end(&mut raw);
        let split = raw
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("a response head");
        let head = String::from_utf8_lossy(&raw[..split]).into_owned();
        let mut lines = head.lines();
        let status: u16 = lines
            .next()
            .and_then(|l| l.split(' ').nth(1))
            .and_then(|c| c.parse().ok())
            .expect("a status line");
        let headers: Vec<(String, String)> = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
            .collect();
        assert!(
            !headers
                .iter()
                .any(|(k, v)| k == "transfer-encoding" && v.contains("chunked")),
            "this client reads only bodies of a known length"
        );
        for (k, v) in &headers {
            if k == "set-cookie"
                && let Some((name, value)) = v.split(';').next().and_then(|c| c.split_once('='))
            {
                self.cookies.retain(|(n, _)| n != name);
                self.cookies.push((name.to_string(), value.to_string()));
            }
        }
        Response {
            status,
            headers,
            body: raw[split + 4..].to_vec(),
        }
    }
}
