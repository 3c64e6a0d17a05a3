//! The web app (`kooste serve`, issue 23) over HTTP: the real binary
//! started on a free loopback port, spoken to by a minimal HTTP/1.1
//! client as a browser would (cookies, forms, multipart uploads). Built
//! with the feature `web` (`cargo test --features web`); without it, one
//! test checks that `kooste serve` says how to build the web app.

#[cfg(not(feature = "web"))]
#[test]
fn serve_without_the_feature_says_how_to_build_the_web_app() {
    let out = super::common::kooste(&["serve"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("ei ole verkkosovellusta") && err.contains("--features web"),
        "{err}"
    );
}

#[cfg(feature = "web")]
mod annotated;
#[cfg(feature = "web")]
mod browser;
#[cfg(feature = "web")]
mod desktop;
#[cfg(feature = "web")]
mod fixes;
#[cfg(feature = "web")]
mod foreign;
#[cfg(feature = "web")]
mod history;
#[cfg(feature = "web")]
mod http;
#[cfg(feature = "web")]
mod load;
#[cfg(feature = "web")]
mod resend;
#[cfg(feature = "web")]
mod server;
#[cfg(feature = "web")]
mod sources;
#[cfg(feature = "web")]
mod stray;
#[cfg(feature = "web")]
mod walkthrough;
