//! The year-over-year sheet: what was added, ended and carried on, how
//! statuses moved, and how budgets changed by department and focus area.

use rust_xlsxwriter::{Formula, Worksheet, XlsxError};

use super::{Formats, NOT_APPLICABLE, result};
use crate::config::{Choice, Config, FieldKey};
use crate::i18n::{Lang, render, text};
use crate::merging::comparison::{Comparison, change_ratio};
use crate::model::Measure;
use crate::model::message::Message;
use crate::model::parse::Cents;
use crate::validation::checked::Run;

pub(crate) fn write(
    ws: &mut Worksheet,
    run: &Run,
    config: &Config,
    cmp: &Comparison,
    year: Option<i32>,
    fmt: &Formats,
) -> Result<(), XlsxError> {
    let lang = run.lang;
    ws.set_name(text(lang, "out-sheet-comparison"))?;
    let y = |y: Option<i32>| y.map(|y| y.to_string()).unwrap_or_else(|| "–".into());
    let (prev, cur) = (y(cmp.previous_year), y(year));
    // Years as text: a count would be grouped (2 021).
    let title = Message::new("out-cmp-title")
        .arg("previous", &prev)
        .arg("current", &cur);
    ws.write_string_with_format(0, 0, super::fit(&render(lang, &title)), &fmt.title)?;

    ws.write_string_with_format(2, 0, text(lang, "out-cmp-counts"), &fmt.heading)?;
    let (added, ended, carried, changes) = (
        text(lang, "out-cmp-added"),
        text(lang, "out-cmp-ended"),
        text(lang, "out-cmp-carried"),
        config.labelled(lang, "out-cmp-status-changes"),
    );
    let counts = [
        (&added, cmp.added.len()),
        (&ended, cmp.ended.len()),
        (&carried, cmp.carried.len()),
        (&changes, cmp.status_changes().count()),
    ];
    for (i, (label, n)) in counts.iter().enumerate() {
        ws.write_string(3 + i as u32, 0, *label)?;
        ws.write_number_with_format(3 + i as u32, 1, *n as f64, &fmt.integer)?;
    }
    let mut row = 9;
    let department = config.label(FieldKey::Department, lang);
    row = change_table(
        ws,
        row,
        &config.labelled(lang, "out-cmp-budget-dept"),
        &department,
        &config.departments,
        &cmp.by_department,
        (&prev, &cur),
        lang,
        fmt,
    )? + 2;
    row = change_table(
        ws,
        row,
        &config.labelled(lang, "out-cmp-budget-focus"),
        &config.label(FieldKey::FocusArea, lang),
        &config.focus_areas,
        &cmp.by_focus_area,
        (&prev, &cur),
        lang,
        fmt,
    )? + 2;

    let name_header = config.field_header(FieldKey::Measure, lang);
    let id_header = config.field_header(FieldKey::Id, lang);
    let list = |ws: &mut Worksheet,
                row: &mut u32,
                heading: &str,
                items: &[&Measure],
                budget_header: &str|
     -> Result<(), XlsxError> {
        ws.write_string_with_format(*row, 0, super::fit(heading), &fmt.heading)?;
        *row += 1;
        for (c, h) in [id_header, &department, name_header, budget_header]
            .iter()
            .enumerate()
        {
            ws.write_string_with_format(*row, c as u16, *h, &fmt.header)?;
        }
        for m in items {
            *row += 1;
            measure_cells(ws, *row, m, config, lang)?;
            ws.write_number_with_format(*row, 3, m.budget.euros(), &fmt.euro)?;
        }
        *row += 2;
        Ok(())
    };
    let budget_of = |year: &str| {
        render(
            lang,
            &Message::new("out-col-budget-of-year")
                .arg("field", config.label(FieldKey::Budget, lang))
                .arg("year", year),
        )
    };
    list(ws, &mut row, &added, &cmp.added, &budget_of(&cur))?;
    list(ws, &mut row, &ended, &cmp.ended, &budget_of(&prev))?;

    ws.write_string_with_format(row, 0, &changes, &fmt.heading)?;
    row += 1;
    for (c, h) in [
        id_header,
        &department,
        name_header,
        &render(
            lang,
            &Message::new("out-col-prev-status").arg("field", config.label(FieldKey::Status, lang)),
        ),
        &render(
            lang,
            &Message::new("out-col-new-status").arg("field", config.label(FieldKey::Status, lang)),
        ),
    ]
    .iter()
    .enumerate()
    {
        ws.write_string_with_format(row, c as u16, *h, &fmt.header)?;
    }
    let status = |m: &Measure| {
        m.status
            .map(|s| config.statuses[s].name.get(lang))
            .unwrap_or("")
    };
    for (p, c) in cmp.status_changes() {
        row += 1;
        measure_cells(ws, row, c, config, lang)?;
        ws.write_string(row, 3, super::fit(status(p)))?;
        ws.write_string(row, 4, super::fit(status(c)))?;
    }
    row += 3;
    ws.write_string_with_format(row, 0, &carried, &fmt.heading)?;
    row += 1;
    let headers = [
        id_header,
        &department,
        name_header,
        prev.as_str(),
        cur.as_str(),
        &text(lang, "out-col-change-eur"),
    ];
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(row, c as u16, *h, &fmt.header)?;
    }
    for (p, c) in &cmp.carried {
        row += 1;
        measure_cells(ws, row, c, config, lang)?;
        ws.write_number_with_format(row, 3, p.budget.euros(), &fmt.euro)?;
        ws.write_number_with_format(row, 4, c.budget.euros(), &fmt.euro)?;
        let r = row + 1;
        let diff = (c.budget - p.budget).euros();
        ws.write_formula_with_format(
            row,
            5,
            Formula::new(format!("=E{r}-D{r}")).set_result(result(diff)),
            &fmt.euro,
        )?;
    }
    ws.set_column_width(0, 40)?;
    ws.set_column_width(1, 26)?;
    ws.set_column_width(2, 50)?;
    for c in 3..=5 {
        ws.set_column_width(c, 16)?;
    }
    ws.protect();
    Ok(())
}

fn measure_cells(
    ws: &mut Worksheet,
    row: u32,
    m: &Measure,
    config: &Config,
    lang: Lang,
) -> Result<(), XlsxError> {
    ws.write_string(row, 0, super::fit(m.id.as_deref().unwrap_or("")))?;
    ws.write_string(
        row,
        1,
        super::fit(config.departments[m.department].name.get(lang)),
    )?;
    ws.write_string(row, 2, super::fit(&m.name))?;
    Ok(())
}

/// Earlier and this year's budgets per group, the change in euros and per cent; returns the last row.
#[allow(clippy::too_many_arguments)]
fn change_table(
    ws: &mut Worksheet,
    mut row: u32,
    heading: &str,
    label: &str,
    groups: &[Choice],
    values: &[(Cents, Cents)],
    years: (&str, &str),
    lang: Lang,
    fmt: &Formats,
) -> Result<u32, XlsxError> {
    ws.write_string_with_format(row, 0, super::fit(heading), &fmt.heading)?;
    row += 1;
    for (c, h) in [
        label,
        years.0,
        years.1,
        &text(lang, "out-col-change-eur"),
        &text(lang, "out-col-change-pct"),
    ]
    .iter()
    .enumerate()
    {
        ws.write_string_with_format(row, c as u16, *h, &fmt.header)?;
    }
    let mut total = (Cents(0), Cents(0));
    let plain = rust_xlsxwriter::Format::new();
    let emit = |ws: &mut Worksheet,
                row: u32,
                name: &str,
                (a, b): (Cents, Cents),
                bold: bool|
     -> Result<(), XlsxError> {
        let r = row + 1;
        let (e, p) = if bold {
            (&fmt.euro_bold, &fmt.percent_bold)
        } else {
            (&fmt.euro, &fmt.percent)
        };
        ws.write_string_with_format(
            row,
            0,
            super::fit(name),
            if bold { &fmt.bold } else { &plain },
        )?;
        ws.write_number_with_format(row, 1, a.euros(), e)?;
        ws.write_number_with_format(row, 2, b.euros(), e)?;
        ws.write_formula_with_format(
            row,
            3,
            Formula::new(format!("=C{r}-B{r}")).set_result(result((b - a).euros())),
            e,
        )?;
        let pct = change_ratio(a, b)
            .map(result)
            .unwrap_or(NOT_APPLICABLE.to_string());
        ws.write_formula_with_format(
            row,
            4,
            Formula::new(format!(
                "=IF(B{r}<>0,(C{r}-B{r})/B{r},\"{NOT_APPLICABLE}\")"
            ))
            .set_result(pct),
            p,
        )?;
        Ok(())
    };
    for (g, v) in groups.iter().zip(values) {
        row += 1;
        emit(ws, row, g.name.get(lang), *v, false)?;
        total.0 += v.0;
        total.1 += v.1;
    }
    row += 1;
    emit(ws, row, &text(lang, "out-total"), total, true)?;
    Ok(row)
}
