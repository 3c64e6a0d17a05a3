//! Tokens, sessions, CSRF and the administrator's password.
//!
//! A session is a random 256-bit id in an HttpOnly, SameSite=Strict cookie
//! (`kooste-istunto`); it carries its own CSRF token, which every form
//! sends back in a hidden field and every POST is checked against (OWASP's
//! synchroniser-token pattern). Sessions live in memory: a restart signs
//! everyone out, which is the safe direction. Every request without a
//! cookie makes one, so they are bounded: a session idle for
//! [`IDLE_LIMIT`] is dropped, and past [`MAX_SESSIONS`] the one idle
//! longest goes (OWASP Session Management Cheat Sheet: idle timeout, and
//! no unbounded server-side state). The administrator's password
//! is stored only as an Argon2id hash (PHC string) in the register.

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

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

/// How long a session may go unused before it is dropped: 12 hours, a
/// working day with its breaks.
pub const IDLE_LIMIT: Duration = Duration::from_secs(12 * 3600);

/// The most sessions kept at once; a new one past this evicts the session
/// idle longest. A city's finance staff and departments are far fewer.
pub const MAX_SESSIONS: usize = 10_000;

/// The server's sessions, by id, with when each was last used.
pub struct Sessions {
    map: Mutex<HashMap<String, (Session, Instant)>>,
    idle: Duration,
    max: usize,
}

impl Default for Sessions {
    fn default() -> Self {
        Sessions::with_limits(IDLE_LIMIT, MAX_SESSIONS)
    }
}

impl Sessions {
    /// Sessions dropped after `idle` unused, at most `max` (at least 1) kept.
    pub fn with_limits(idle: Duration, max: usize) -> Sessions {
        Sessions {
            map: Mutex::new(HashMap::new()),
            idle,
            max: max.max(1),
        }
    }

    /// The session of `id` if there is one not idle too long; marks it used.
    pub fn get(&self, id: &str) -> Option<Session> {
        let mut m = self.map.lock().ok()?;
        let now = Instant::now();
        match m.get_mut(id) {
            Some((s, used)) if now.duration_since(*used) < self.idle => {
                *used = now;
                Some(s.clone())
            }
            Some(_) => {
                m.remove(id);
                None
            }
            None => None,
        }
    }

    /// A new session; returns its id. Drops the idle ones first, then, if
    /// still full, the one unused longest.
    pub fn create(&self, admin: bool) -> (String, Session) {
        let id = token();
        let s = Session {
            csrf: token(),
            admin,
        };
        if let Ok(mut m) = self.map.lock() {
            let now = Instant::now();
            if m.len() >= self.max {
                m.retain(|_, (_, used)| now.duration_since(*used) < self.idle);
            }
            while m.len() >= self.max {
                let oldest = m.iter().min_by_key(|(_, (_, used))| *used);
                let Some(oldest) = oldest.map(|(k, _)| k.clone()) else {
                    break;
                };
                m.remove(&oldest);
            }
            m.insert(id.clone(), (s.clone(), now));
        }
        (id, s)
    }

    /// How many sessions are kept.
    pub fn len(&self) -> usize {
        self.map.lock().map(|m| m.len()).unwrap_or(0)
    }

    /// Whether no session is kept.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
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

/// Wrong passwords from one address let in a window before sign-in from
/// that address is refused for the rest of it: (count, seconds). Argon2
/// alone makes a guess cost tens of milliseconds; this bounds them to a
/// handful a minute (OWASP ASVS 4.0, requirement 2.2.1), without letting
/// a guesser elsewhere lock the administrator out. (Behind a reverse
/// proxy every request comes from the proxy's address: then the limit is
/// the server's as a whole.)
pub const LOGIN_LIMIT: (usize, u64) = (10, 60);

/// The most addresses whose wrong passwords are remembered; past it they
/// are all forgotten (a bound, as the sessions have).
const LOGIN_ADDRESSES: usize = 10_000;

/// The recent wrong passwords, by the address they came from.
#[derive(Debug, Default)]
pub struct Guesses {
    by_address: HashMap<IpAddr, VecDeque<Instant>>,
}

impl Guesses {
    /// Whether sign-in from `ip` is refused at `now` ([`LOGIN_LIMIT`]).
    pub fn throttled(&mut self, ip: IpAddr, now: Instant) -> bool {
        let window = Duration::from_secs(LOGIN_LIMIT.1);
        self.by_address.retain(|_, f| {
            while f.front().is_some_and(|t| now.duration_since(*t) > window) {
                f.pop_front();
            }
            !f.is_empty()
        });
        self.by_address
            .get(&ip)
            .is_some_and(|f| f.len() >= LOGIN_LIMIT.0)
    }

    /// Counts a wrong password from `ip` at `now`.
    pub fn failed(&mut self, ip: IpAddr, now: Instant) {
        if self.by_address.len() >= LOGIN_ADDRESSES && !self.by_address.contains_key(&ip) {
            self.by_address.clear();
        }
        self.by_address.entry(ip).or_default().push_back(now);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guesses_from_one_address_do_not_lock_out_another() {
        let mut g = Guesses::default();
        let (guesser, admin) = (IpAddr::from([10, 0, 0, 9]), IpAddr::from([10, 0, 0, 1]));
        let start = Instant::now();
        for _ in 0..LOGIN_LIMIT.0 {
            assert!(!g.throttled(guesser, start));
            g.failed(guesser, start);
        }
        assert!(g.throttled(guesser, start));
        assert!(!g.throttled(admin, start));
        // A window later the guesser may try again.
        let later = start + Duration::from_secs(LOGIN_LIMIT.1 + 1);
        assert!(!g.throttled(guesser, later));
    }

    #[test]
    fn sessions_are_capped_and_idle_ones_expire() {
        let s = Sessions::with_limits(Duration::from_secs(3600), 3);
        let (a, _) = s.create(false);
        std::thread::sleep(Duration::from_millis(5));
        let (b, _) = s.create(false);
        std::thread::sleep(Duration::from_millis(5));
        let (c, _) = s.create(true);
        std::thread::sleep(Duration::from_millis(5));
        // `a` used again: `b` is now the one idle longest.
        assert!(s.get(&a).is_some());
        std::thread::sleep(Duration::from_millis(5));
        let (d, _) = s.create(false);
        assert_eq!(s.len(), 3);
        assert!(s.get(&b).is_none(), "the session unused longest is evicted");
        assert!(s.get(&a).is_some() && s.get(&c).unwrap().admin && s.get(&d).is_some());
        // Idle past the limit (here none is allowed): gone, however few
        // there are, and removed, not only hidden.
        let s = Sessions::with_limits(Duration::ZERO, 100);
        let (e, _) = s.create(false);
        assert_eq!(s.len(), 1);
        assert!(s.get(&e).is_none());
        assert!(s.is_empty());
    }

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
