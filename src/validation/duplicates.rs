//! The same measure name twice: an error within a department, a warning
//! across departments. Every row with a name and a department takes part,
//! also a row with an error elsewhere (a typo in its status), so that one
//! run names every duplicate.

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use super::at_row;
use super::rows::{Fields, RowView, rows};
use crate::config::{Config, FieldKey};
use crate::model::finding::{Code, Finding, Severity};
use crate::model::message::Message;
use crate::reading::Submission;
use crate::text::name_key;

/// A row that can be a duplicate: it has a name and a department, and is of
/// the reported year (or has no year to tell).
fn compared(r: &RowView, year: Option<i32>) -> bool {
    r.name.is_some()
        && r.department.is_some()
        && !(year.is_some() && r.year.is_some() && r.year != year)
}

/// Flags each later row whose name repeats an earlier one's.
pub(super) fn check_duplicates(
    subs: &[Submission],
    fields: Fields,
    config: &Config,
    year: Option<i32>,
    out: &mut Vec<Finding>,
) {
    let (hashes, repeated) = name_hashes(subs, fields, year);
    if repeated.is_empty() {
        return;
    }
    // Name → its first row and any later ones; most names are seen once,
    // so the first is kept without a list of its own.
    let mut seen: FxHashMap<String, (RowView, Vec<RowView>)> = FxHashMap::default();
    for (sub, hashes) in subs.iter().zip(hashes) {
        for (r, hash) in rows(sub, fields).zip(hashes) {
            let Some(name) = r.name else { continue };
            if !compared(&r, year) || !repeated.contains(&hash) {
                continue;
            }
            let (first, later) = match seen.entry(name_key(name)) {
                std::collections::hash_map::Entry::Vacant(v) => {
                    v.insert((r, Vec::new()));
                    continue;
                }
                std::collections::hash_map::Entry::Occupied(o) => o.into_mut(),
            };
            let same_dept = std::iter::once(&*first)
                .chain(later.iter())
                .find(|e| e.department == r.department);
            out.push(duplicate_finding(&r, first, same_dept, config));
            later.push(r);
        }
    }
}

/// The finding at `r`, naming the earlier row of its department if there is
/// one (an error), else the first row of another department (a warning).
fn duplicate_finding(
    r: &RowView,
    first: &RowView,
    same_dept: Option<&RowView>,
    config: &Config,
) -> Finding {
    let name = r.name.unwrap_or_default();
    let (f, hint) = match same_dept {
        Some(e) => {
            let msg = Message::new("check-duplicate-measure")
                .arg("value", name)
                .arg("other", reference(r, e));
            (
                at_row(r, Code::DuplicateMeasure, msg),
                Message::new("check-duplicate-measure.hint"),
            )
        }
        None => {
            let dept = first
                .department
                .and_then(|d| config.departments.get(d))
                .map(|d| d.code.get_ref().as_str())
                .unwrap_or_default();
            let msg = Message::new("check-duplicate-measure-other-department")
                .arg("value", name)
                .arg("department", dept)
                .arg("other", reference(r, first));
            (
                at_row(r, Code::DuplicateMeasure, msg).severity(Severity::Warning),
                Message::new("check-duplicate-measure-other-department.hint"),
            )
        }
    };
    f.field(FieldKey::Measure)
        .value(name.to_string())
        .hint(hint)
}

/// The earlier row's cell as `r`'s reader finds it: the cell alone within
/// the same file, else `file!sheet!cell`.
fn reference(r: &RowView, earlier: &RowView) -> String {
    let cell = if earlier.cell.is_empty() {
        earlier.row.to_string()
    } else {
        earlier.cell.to_string()
    };
    if std::ptr::eq(r.sub, earlier.sub) {
        return cell;
    }
    format!(
        "{}!{}!{cell}",
        earlier.sub.file.display,
        earlier.sub.sheet.as_deref().unwrap_or("")
    )
}

/// A hash of each row's name key (per submission, in row order; 0 for a
/// row without a name), and the hashes that occur more than once among the
/// compared rows.
///
/// Normalising the names is the costly part; it runs in parallel, and only a
/// hash of each is kept: a name whose hash occurs once cannot repeat, so only
/// the others are compared by their normalised text. (A million names would
/// otherwise hold a few hundred MB of keys.)
fn name_hashes(
    subs: &[Submission],
    fields: Fields,
    year: Option<i32>,
) -> (Vec<Vec<u64>>, FxHashSet<u64>) {
    let hashes: Vec<Vec<u64>> = subs
        .par_iter()
        .map(|s| {
            rows(s, fields)
                .map(|r| r.name.map(key_hash).unwrap_or(0))
                .collect()
        })
        .collect();
    let mut sorted: Vec<u64> = subs
        .iter()
        .zip(&hashes)
        .flat_map(|(s, h)| rows(s, fields).zip(h))
        .filter(|(r, _)| compared(r, year))
        .map(|(_, h)| *h)
        .collect();
    sorted.par_sort_unstable();
    let repeated = sorted
        .windows(2)
        .filter(|w| w[0] == w[1])
        .map(|w| w[0])
        .collect();
    (hashes, repeated)
}

/// A hash of a name's duplicate key ([`name_key`]), made without the key.
fn key_hash(name: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    crate::text::name_key_chars(name, |c| h.write_u32(c as u32));
    h.finish()
}
