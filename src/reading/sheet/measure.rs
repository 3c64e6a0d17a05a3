//! A measure from a typed row: what each field's value becomes.

use compact_str::CompactString;

use crate::model::field::FieldKey;
use crate::model::{Measure, SourceRef, Value};

/// A measure from a row whose required values are all present and typed.
/// The values are taken out of `values`, which is left all `None`.
pub(super) fn build_measure(
    fields: &[crate::config::Field],
    roles: &[Option<FieldKey>],
    file: usize,
    row: u32,
    source_cell: CompactString,
    values: &mut [Option<Value>],
) -> Option<Measure> {
    let mut m = Measure {
        id: None,
        department: usize::MAX,
        focus_area: None,
        name: CompactString::default(),
        areas: Vec::new(),
        status: None,
        year: None,
        budget: Default::default(),
        spent: None,
        fte: None,
        themes: Vec::new(),
        schedule: None,
        reached: None,
        impact_story: None,
        contact: None,
        extras: Vec::new(),
        source: SourceRef { file, row: row + 1 },
        source_cell,
    };
    let mut has_budget = false;
    for (f, value) in values.iter_mut().enumerate() {
        let Some(value) = value.take() else { continue };
        // A value of another type than its role's (which typing by the
        // field's kind does not produce) is kept as an extra, as before.
        match (roles[f], value) {
            (Some(FieldKey::Id), Value::Text(s)) => m.id = Some(s),
            (Some(FieldKey::Department), Value::Choice(i)) => m.department = i,
            (Some(FieldKey::FocusArea), Value::Choice(i)) => m.focus_area = Some(i),
            (Some(FieldKey::Measure), Value::Text(s)) => m.name = s,
            (Some(FieldKey::Areas), Value::Choices(v)) => m.areas = v,
            (Some(FieldKey::Status), Value::Choice(i)) => m.status = Some(i),
            (Some(FieldKey::Year), Value::Year(y)) => m.year = Some(y),
            (Some(FieldKey::Budget), Value::Money(c)) => {
                m.budget = c;
                has_budget = true;
            }
            (Some(FieldKey::Spent), Value::Money(c)) => m.spent = Some(c),
            (Some(FieldKey::Fte), Value::Number(n)) => m.fte = Some(n),
            (Some(FieldKey::Themes), Value::Choices(v)) => m.themes = v,
            (Some(FieldKey::Schedule), Value::Text(s)) => m.schedule = Some(s),
            (Some(FieldKey::Reached), Value::Whole(n)) => m.reached = Some(n),
            (Some(FieldKey::ImpactStory), Value::Text(s)) => m.impact_story = Some(s),
            (Some(FieldKey::Contact), Value::Text(s)) => m.contact = Some(s),
            (_, v) => m.extras.push((
                fields[f].key.get_ref().to_string(),
                crate::reading::typing::value_text(&v),
            )),
        }
    }
    (m.department != usize::MAX && !m.name.is_empty() && has_budget).then_some(m)
}
