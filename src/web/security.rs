//! Tokens, sessions, CSRF and the administrator's password.
//!
//! A session is a random 256-bit id in an HttpOnly, SameSite=Strict cookie
//! (`kooste-istunto`); it carries its own CSRF token, which every form
//! sends back in a hidden field and every POST is checked against (OWASP's
//! synchroniser-token pattern). Sessions live in memory: a restart signs
//! everyone out, which is the safe direction. The administrator's password
//! is stored only as an Argon2id hash (PHC string) in the register.

use std::collections::HashMap;
use std::sync::Mutex;

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};

/// The session cookie's name.
pub const SESSION_COOKIE: &str = "kooste-istunto";

/// A random token: 32 bytes of the operating system's randomness as 64
/// hex digits. Panics only where the operating system has no randomness
/// source at all, where no token may be made.
pub fn token() -> String {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).expect("the operating system gives random bytes");
    super::store::hex(&bytes)
}

/// Compares two tokens in time that does not depend on where they differ.
pub fn same_token(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// One signed-in or anonymous browser.
#[derive(Debug, Clone)]
pub struct Session {
    /// The token every form of this session carries.
    pub csrf: String,
    /// Signed in as the administrator (or no password is needed).
    pub admin: bool,
}

/// The server's sessions, by id.
#[derive(Default)]
pub struct Sessions {
    map: Mutex<HashMap<String, Session>>,
}

impl Sessions {
    /// The session of `id`, if there is one.
    pub fn get(&self, id: &str) -> Option<Session> {
        self.map.lock().ok()?.get(id).cloned()
    }

    /// A new session; returns its id.
    pub fn create(&self, admin: bool) -> (String, Session) {
        let id = token();
        let s = Session {
            csrf: token(),
            admin,
        };
        if let Ok(mut m) = self.map.lock() {
            m.insert(id.clone(), s.clone());
        }
        (id, s)
    }

    /// Removes a session (signing out, or a new session at sign-in).
    pub fn remove(&self, id: &str) {
        if let Ok(mut m) = self.map.lock() {
            m.remove(id);
        }
    }
}

/// The `Set-Cookie` value of session `id`.
pub fn session_cookie(id: &str) -> String {
    format!("{SESSION_COOKIE}={id}; Path=/; HttpOnly; SameSite=Strict")
}

/// The value of cookie `name` in a `Cookie` header.
pub fn cookie<'a>(header: &'a str, name: &str) -> Option<&'a str> {
    header.split(';').find_map(|kv| {
        let (k, v) = kv.trim().split_once('=')?;
        (k == name).then_some(v)
    })
}

/// The Argon2id hash (PHC string) of `password`, with a random salt.
pub fn hash_password(password: &str) -> Result<String, argon2::password_hash::Error> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|_| argon2::password_hash::Error::Crypto)?;
    let salt = SaltString::encode_b64(&salt)?;
    Ok(Argon2::default()
        .hash_password(password.as_bytes(), &salt)?
        .to_string())
}

/// Whether `password` matches the stored hash `phc`.
pub fn verify_password(password: &str, phc: &str) -> bool {
    PasswordHash::new(phc)
        .map(|h| {
            Argon2::default()
                .verify_password(password.as_bytes(), &h)
                .is_ok()
        })
        .unwrap_or(false)
}

/// Now, UTC, as RFC 3339 to the second (`2026-11-30T17:45:03Z`).
pub fn now() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    rfc3339(secs)
}

/// Seconds since 1970 as RFC 3339 UTC (the civil calendar by Howard
/// Hinnant's days-from-civil inverse).
pub fn rfc3339(secs: i64) -> String {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_tokens_and_passwords() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(1_614_556_800), "2021-03-01T00:00:00Z");
        assert_eq!(rfc3339(951_782_400 + 86_399), "2000-02-29T23:59:59Z");
        let (a, b) = (token(), token());
        assert_eq!(a.len(), 64);
        assert_ne!(a, b);
        assert!(same_token(&a, &a.clone()) && !same_token(&a, &b));
        let h = hash_password("salasana").unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify_password("salasana", &h) && !verify_password("väärä", &h));
        assert_eq!(
            cookie("a=1; kooste-istunto=xyz", SESSION_COOKIE),
            Some("xyz")
        );
    }
}
