//! A measure from a typed row: what each field's value becomes.

use compact_str::CompactString;

use crate::model::{Measure, SourceRef, Value};

/// What a field's value becomes in a [`Measure`], from the field's key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    Id,
    Department,
    FocusArea,
    Measure,
    Areas,
    Status,
    Year,
    Budget,
    Spent,
    Fte,
    Themes,
    Schedule,
    Reached,
    ImpactStory,
    Contact,
    /// Any other configured field: kept as (key, text) in the extras.
    Extra,
}

impl Role {
    pub(super) fn of(key: &str) -> Role {
        match key {
            "id" => Role::Id,
            "department" => Role::Department,
            "focus_area" => Role::FocusArea,
            "measure" => Role::Measure,
            "areas" => Role::Areas,
            "status" => Role::Status,
            "year" => Role::Year,
            "budget_eur" => Role::Budget,
            "spent_eur" => Role::Spent,
            "fte" => Role::Fte,
            "themes" => Role::Themes,
            "schedule" => Role::Schedule,
            "reached" => Role::Reached,
            "impact_story" => Role::ImpactStory,
            "contact" => Role::Contact,
            _ => Role::Extra,
        }
    }
}

/// A measure from a row whose required values are all present and typed.
/// The values are taken out of `values`, which is left all `None`.
pub(super) fn build_measure(
    fields: &[crate::config::Field],
    roles: &[Role],
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
            (Role::Id, Value::Text(s)) => m.id = Some(s),
            (Role::Department, Value::Choice(i)) => m.department = i,
            (Role::FocusArea, Value::Choice(i)) => m.focus_area = Some(i),
            (Role::Measure, Value::Text(s)) => m.name = s,
            (Role::Areas, Value::Choices(v)) => m.areas = v,
            (Role::Status, Value::Choice(i)) => m.status = Some(i),
            (Role::Year, Value::Year(y)) => m.year = Some(y),
            (Role::Budget, Value::Money(c)) => {
                m.budget = c;
                has_budget = true;
            }
            (Role::Spent, Value::Money(c)) => m.spent = Some(c),
            (Role::Fte, Value::Number(n)) => m.fte = Some(n),
            (Role::Themes, Value::Choices(v)) => m.themes = v,
            (Role::Schedule, Value::Text(s)) => m.schedule = Some(s),
            (Role::Reached, Value::Whole(n)) => m.reached = Some(n),
            (Role::ImpactStory, Value::Text(s)) => m.impact_story = Some(s),
            (Role::Contact, Value::Text(s)) => m.contact = Some(s),
            (_, v) => m.extras.push((
                fields[f].key.get_ref().to_string(),
                crate::reading::typing::value_text(&v),
            )),
        }
    }
    (m.department != usize::MAX && !m.name.is_empty() && has_budget).then_some(m)
}
