//! Times on the pages: the register keeps UTC (RFC 3339); a page shows
//! each time as its language writes it, in the server's local time zone
//! (the finance staff's own clock), inside `<time datetime="…">` with the
//! UTC original for machines and assistive technology. The zone and its
//! daylight saving come from the system's time zone database through
//! jiff, so no rule is written here.

use jiff::Timestamp;
use jiff::tz::TimeZone;
use maud::{Markup, html};

use crate::model::lang::Lang;

/// English month abbreviations, as in "1 Dec 2026".
const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// The server's time zone; UTC where the system names none it can read.
fn local_zone() -> TimeZone {
    TimeZone::try_system().unwrap_or(TimeZone::UTC)
}

/// `utc` (RFC 3339) as `l` writes it in the server's time zone, as plain
/// text (for a message's argument); `utc` itself if it is not a time.
pub fn text(l: Lang, utc: &str) -> String {
    format_in(l, utc, &local_zone()).unwrap_or_else(|| utc.to_string())
}

/// `utc` (RFC 3339) as `l` writes it in `zone`; `None` if it is not a time.
pub fn format_in(l: Lang, utc: &str, zone: &TimeZone) -> Option<String> {
    let at: Timestamp = utc.parse().ok()?;
    let d = at.to_zoned(zone.clone());
    let (day, month, year) = (d.day(), d.month(), d.year());
    let (hour, minute) = (d.hour(), d.minute());
    Some(match l {
        Lang::Fi => format!("{day}.{month}.{year} klo {hour}.{minute:02}"),
        Lang::Sv => format!("{day}.{month}.{year} kl. {hour}.{minute:02}"),
        Lang::En => {
            let name = MONTHS_EN.get((month - 1) as usize).copied().unwrap_or("");
            format!("{day} {name} {year}, {hour:02}:{minute:02}")
        }
    })
}

/// A register time for a page: `<time datetime="UTC">local</time>`; a
/// value that is not a time is shown as it is.
pub fn show(l: Lang, utc: &str) -> Markup {
    match format_in(l, utc, &local_zone()) {
        Some(text) => html! { time datetime=(utc) { (text) } },
        None => html! { (utc) },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Finland's rules as a POSIX TZ string: the test needs no system
    /// database, and both sides of a daylight saving change are tried.
    fn helsinki() -> TimeZone {
        TimeZone::posix("EET-2EEST,M3.5.0/3,M10.5.0/4").expect("a valid TZ string")
    }

    #[test]
    fn each_language_writes_a_winter_time_its_own_way() {
        let z = helsinki();
        let at = "2026-12-01T03:16:26Z";
        assert_eq!(
            format_in(Lang::Fi, at, &z).as_deref(),
            Some("1.12.2026 klo 5.16")
        );
        assert_eq!(
            format_in(Lang::Sv, at, &z).as_deref(),
            Some("1.12.2026 kl. 5.16")
        );
        assert_eq!(
            format_in(Lang::En, at, &z).as_deref(),
            Some("1 Dec 2026, 05:16")
        );
    }

    #[test]
    fn summer_time_is_three_hours_ahead_and_a_bad_value_is_no_time() {
        let z = helsinki();
        let at = "2026-06-30T21:05:00Z";
        assert_eq!(
            format_in(Lang::Fi, at, &z).as_deref(),
            Some("1.7.2026 klo 0.05")
        );
        assert_eq!(format_in(Lang::En, "yesterday", &z), None);
        let m = show(Lang::En, "yesterday").into_string();
        assert_eq!(m, "yesterday");
    }

    #[test]
    fn the_page_keeps_the_utc_time_in_the_datetime_attribute() {
        let m = show(Lang::Fi, "2026-12-01T03:16:26Z").into_string();
        assert!(
            m.starts_with("<time datetime=\"2026-12-01T03:16:26Z\">"),
            "{m}"
        );
    }
}
