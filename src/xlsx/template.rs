//! The submission template: the workbook each department fills in. It is
//! also the canonical layout `convert` writes, so a converted file can be
//! corrected and sent back.
//!
//! Layout of the measures sheet: title rows, the header, a grey example row
//! that the reader skips, the data rows (department and year prefilled), and
//! a total row whose SUM formulas the validator's total check accepts.

use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, DataValidationRule, DocProperties,
    ExcelDateTime, Format, FormatAlign, Formula, ProtectionOptions, Workbook, Worksheet, XlsxError,
};

use crate::config::{Choice, Config, Field, FieldKey, Kind};
use crate::i18n::{Lang, render, text};
use crate::model::message::Message;
use crate::model::parse::{Cents, Date};
use crate::model::{Measure, Value};
use crate::text::column_letters;

/// What goes into one template.
#[derive(Debug, Clone)]
pub struct TemplateSpec<'a> {
    /// The department (index into `Config::departments`), if known.
    pub department: Option<usize>,
    /// The year the rows are for.
    pub year: i32,
    /// Rows to prefill, by field index.
    pub rows: &'a [Vec<Option<Value>>],
    /// Creation date for the document properties.
    pub date: Date,
    /// The value of the `kooste` document property: a template is read
    /// as a submission when found among the inputs, a conversion is not.
    pub mark: &'static str,
    /// With `--from`: the earlier year and the measures of it that ended
    /// (completed or stopped) and were not carried, one line each, which
    /// the instructions sheet lists.
    pub ended: Option<(i32, &'a [String])>,
}

/// Rows of the header, example and first data row (0-based).
pub const HEADER_ROW: u32 = 3;
const EXAMPLE_ROW: u32 = HEADER_ROW + 1;
const FIRST_DATA_ROW: u32 = HEADER_ROW + 2;

/// A measure's values by field index, as the template's rows take them.
pub fn measure_values(m: &Measure, config: &Config) -> Vec<Option<Value>> {
    config
        .fields
        .iter()
        .map(|f| match f.role() {
            Some(FieldKey::Id) => m.id.clone().map(Value::Text),
            Some(FieldKey::Department) => Some(Value::Choice(m.department)),
            Some(FieldKey::FocusArea) => m.focus_area.map(Value::Choice),
            Some(FieldKey::Measure) => Some(Value::Text(m.name.clone())),
            Some(FieldKey::Areas) => (!m.areas.is_empty()).then(|| Value::Choices(m.areas.clone())),
            Some(FieldKey::Status) => m.status.map(Value::Choice),
            Some(FieldKey::Year) => m.year.map(Value::Year),
            Some(FieldKey::Budget) => Some(Value::Money(m.budget)),
            Some(FieldKey::Spent) => m.spent.map(Value::Money),
            Some(FieldKey::Fte) => m.fte.map(Value::Number),
            Some(FieldKey::Themes) => {
                (!m.themes.is_empty()).then(|| Value::Choices(m.themes.clone()))
            }
            Some(FieldKey::Schedule) => m.schedule.clone().map(Value::Text),
            Some(FieldKey::Reached) => m.reached.map(Value::Whole),
            Some(FieldKey::ImpactStory) => m.impact_story.clone().map(Value::Text),
            Some(FieldKey::Contact) => m.contact.clone().map(Value::Text),
            None => m
                .extras
                .iter()
                .find(|(k, _)| k == f.key.get_ref())
                .map(|(_, v)| Value::Text(v.as_str().into())),
        })
        .collect()
}

/// The list a choice field draws from.
fn list_of(config: &Config, kind: Kind) -> Option<&[Choice]> {
    match kind {
        Kind::Department => Some(&config.departments),
        Kind::FocusArea => Some(&config.focus_areas),
        Kind::Status => Some(&config.statuses),
        Kind::Areas => Some(&config.areas),
        Kind::Themes => Some(&config.themes),
        _ => None,
    }
}

/// A value as the template shows it: choices by name in `lang`.
pub fn value_text(v: &Value, field: &Field, config: &Config, lang: Lang) -> String {
    let names = |idx: &[usize]| {
        let list = list_of(config, field.kind).unwrap_or(&[]);
        idx.iter()
            .filter_map(|&i| list.get(i))
            .map(|c| c.name.get(lang))
            .collect::<Vec<_>>()
            .join("; ")
    };
    match v {
        Value::Choice(i) => names(&[*i]),
        Value::Choices(v) => names(v),
        Value::Date(d) => format!("{}.{}.{}", d.day, d.month, d.year),
        other => crate::reading::typing::value_text(other),
    }
}

/// Builds the template workbook.
pub fn template_bytes(
    config: &Config,
    lang: Lang,
    spec: &TemplateSpec,
) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    add_template_sheets(&mut wb, config, lang, spec)?;
    wb.save_to_buffer()
}

/// Where the measures sheet of a template keeps its rows (all 0-based).
#[derive(Debug, Clone)]
pub struct Layout {
    /// The measures sheet's name.
    pub sheet: String,
    /// The first data row (below the header and the example row).
    pub first_row: u32,
    /// The last data row the drop-downs, number rules and sums cover.
    pub last_row: u32,
}

/// Adds the template's sheets (measures, instructions, the hidden lists)
/// after any sheets `wb` already has, and sets its document properties
/// (the `kooste` mark is `spec.mark`). The annotated copy is this
/// template with the department's values written over its data rows
/// (`xlsx::annotated`), so both share one layout.
///
/// The data rows are the configuration's `template_rows` or as many as
/// `spec.rows` holds, whichever is more; the total row below them sums
/// every euro column with a live `SUM` whose stored result is the sum of
/// the `Value::Money` values of `spec.rows`.
pub fn add_template_sheets(
    wb: &mut Workbook,
    config: &Config,
    lang: Lang,
    spec: &TemplateSpec,
) -> Result<Layout, XlsxError> {
    let d = spec.date;
    let created =
        ExcelDateTime::from_ymd(d.year.clamp(1900, 9999) as u16, d.month as u8, d.day as u8)?;
    // The year as text: a count would be grouped (2 021).
    let title = render(
        lang,
        &Message::new("out-template-title")
            .arg("programme", config.programme.name.get(lang))
            .arg("year", spec.year.to_string()),
    );
    wb.set_properties(
        &DocProperties::new()
            .set_title(&title)
            .set_author(config.programme.organisation.get(lang))
            .set_company(config.programme.organisation.get(lang))
            .set_creation_datetime(&created)
            .set_custom_property(crate::reading::PROPERTY, spec.mark),
    );
    let rows_n = config
        .submission
        .template_rows
        .get_ref()
        .to_owned()
        .max(spec.rows.len() as u32)
        .max(1);
    let sheet = text(lang, "out-sheet-measures");
    let measures = wb.add_worksheet();
    measures.set_name(&sheet)?;
    write_measures(measures, config, lang, spec, &title, rows_n)?;
    let instructions = wb.add_worksheet();
    write_instructions(instructions, config, lang, spec.year, spec.ended)?;
    let lists = wb.add_worksheet();
    write_lists(lists, config, lang)?;
    Ok(Layout {
        sheet,
        first_row: FIRST_DATA_ROW,
        last_row: FIRST_DATA_ROW + rows_n - 1,
    })
}

/// The format of a data cell of a field of `kind`: unlocked (the sheet is
/// protected, the header and total rows stay locked), euros with two
/// decimals and FTE with one.
pub fn input_format(kind: Kind) -> Format {
    let input = Format::new().set_unlocked();
    match kind {
        Kind::Euro => input.set_num_format(EURO_FORMAT),
        Kind::Number => input.set_num_format("0.0"),
        _ => input,
    }
}

/// Euros with two decimals and the sign after a space, as Finnish writes them.
const EURO_FORMAT: &str = "#,##0.00\\ \"€\"";

fn write_measures(
    ws: &mut Worksheet,
    config: &Config,
    lang: Lang,
    spec: &TemplateSpec,
    title: &str,
    rows_n: u32,
) -> Result<(), XlsxError> {
    let header = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xDDE4EE))
        .set_text_wrap()
        .set_align(FormatAlign::Top);
    let example = Format::new()
        .set_italic()
        .set_font_color(Color::RGB(0x808080))
        .set_background_color(Color::RGB(0xEEEEEE));
    let bold = Format::new().set_bold();
    let euro_bold = Format::new().set_bold().set_num_format(EURO_FORMAT);
    ws.write_string_with_format(
        0,
        0,
        crate::xlsx::fit(title),
        &Format::new().set_bold().set_font_size(14),
    )?;
    let [_, department, info] = heading_lines(config, lang, spec);
    if !department.is_empty() {
        ws.write_string(1, 0, crate::xlsx::fit(&department))?;
    }
    ws.write_string(2, 0, crate::xlsx::fit(&info))?;
    let last = FIRST_DATA_ROW + rows_n - 1;
    let example_label = config
        .programme
        .example_labels
        .get(lang_index(lang))
        .or(config.programme.example_labels.first());
    for (c, f) in config.fields.iter().enumerate() {
        let c = c as u16;
        ws.write_string_with_format(HEADER_ROW, c, crate::xlsx::fit(f.header.get(lang)), &header)?;
        let sample = match f.kind {
            _ if c == 0 => example_label.cloned(),
            Kind::Department => spec
                .department
                .map(|d| config.departments[d].name.get(lang).to_string()),
            _ => None,
        }
        .or_else(|| example_value(f, config, lang, spec.year));
        ws.write_string_with_format(
            EXAMPLE_ROW,
            c,
            crate::xlsx::fit(&sample.unwrap_or_default()),
            &example,
        )?;
        let format = &input_format(f.kind);
        for r in 0..rows_n {
            let row = FIRST_DATA_ROW + r;
            let prefill = spec
                .rows
                .get(r as usize)
                .and_then(|v| v.get(c as usize).cloned().flatten());
            let prefill = prefill.or_else(|| match f.kind {
                Kind::Department => spec.department.map(Value::Choice),
                Kind::Year => Some(Value::Year(spec.year)),
                _ => None,
            });
            write_value(ws, row, c, prefill.as_ref(), f, config, lang, format)?;
        }
        add_validation(ws, f, c, config, lang, last)?;
        ws.set_column_width(c, column_width(f))?;
    }
    // The total row: SUM over the data rows of every euro column.
    let total = last + 1;
    ws.write_string_with_format(total, 0, text(lang, "out-total"), &bold)?;
    for (c, _) in config
        .fields
        .iter()
        .enumerate()
        .filter(|(_, f)| f.kind == Kind::Euro)
    {
        let l = column_letters(c as u32);
        let sum: Cents = spec
            .rows
            .iter()
            .filter_map(|r| match r.get(c) {
                Some(Some(Value::Money(m))) => Some(*m),
                _ => None,
            })
            .sum();
        let formula = Formula::new(format!("=SUM({l}{}:{l}{})", FIRST_DATA_ROW + 1, last + 1))
            .set_result(crate::xlsx::result(sum.euros()));
        ws.write_formula_with_format(total, c as u16, formula, &euro_bold)?;
    }
    ws.set_freeze_panes(HEADER_ROW + 1, 0)?;
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    ws.set_row_height(HEADER_ROW, 32)?;
    let options = ProtectionOptions {
        format_columns: true,
        format_rows: true,
        insert_rows: true,
        delete_rows: true,
        sort: true,
        use_autofilter: true,
        ..ProtectionOptions::default()
    };
    ws.protect_with_options(&options);
    Ok(())
}

/// The measures sheet's lines above the header, in column A: the title,
/// the department line (empty without a department), and the deadline
/// and contact.
pub fn heading_lines(config: &Config, lang: Lang, spec: &TemplateSpec) -> [String; 3] {
    let title = render(
        lang,
        &Message::new("out-template-title")
            .arg("programme", config.programme.name.get(lang))
            .arg("year", spec.year.to_string()),
    );
    let department = spec
        .department
        .map(|i| &config.departments[i])
        .map(|dept| {
            render(
                lang,
                &Message::new("out-department-line")
                    .arg("field", config.label(FieldKey::Department, lang))
                    .arg("department", dept.name.get(lang))
                    .arg("code", dept.code.get_ref()),
            )
        })
        .unwrap_or_default();
    let mut info = Vec::new();
    if let Some(dl) = config.deadline(spec.year) {
        info.push(deadline_line(lang, dl));
    }
    if let Some(c) = &config.submission.contact {
        info.push(contact_line(lang, c.get(lang)));
    }
    [title, department, info.join(" ")]
}

/// "Return by …" with the year's deadline, in the language's date style.
fn deadline_line(lang: Lang, deadline: crate::model::parse::Date) -> String {
    render(
        lang,
        &Message::new("out-deadline").arg("deadline", lang.date(deadline)),
    )
}

/// "Contact: …" with the configured contact, as typed.
fn contact_line(lang: Lang, contact: &str) -> String {
    render(lang, &Message::new("out-contact").arg("contact", contact))
}

fn lang_index(lang: Lang) -> usize {
    match lang {
        Lang::Fi => 0,
        Lang::Sv => 1,
        Lang::En => 2,
    }
}

fn column_width(f: &Field) -> f64 {
    match f.kind {
        Kind::Text if matches!(f.role(), Some(FieldKey::Measure | FieldKey::ImpactStory)) => 45.0,
        Kind::Text | Kind::Email => 24.0,
        Kind::Areas | Kind::Themes | Kind::FocusArea => 30.0,
        Kind::Department | Kind::Status => 24.0,
        Kind::Euro => 15.0,
        _ => 12.0,
    }
}

#[allow(clippy::too_many_arguments)]
fn write_value(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    v: Option<&Value>,
    f: &Field,
    config: &Config,
    lang: Lang,
    format: &Format,
) -> Result<(), XlsxError> {
    match v {
        None => {
            ws.write_blank(row, col, format)?;
        }
        Some(Value::Money(c)) => {
            ws.write_number_with_format(row, col, c.euros(), format)?;
        }
        Some(Value::Year(y)) => {
            ws.write_number_with_format(row, col, f64::from(*y), format)?;
        }
        Some(Value::Number(n)) => {
            ws.write_number_with_format(row, col, *n, format)?;
        }
        Some(Value::Whole(n)) => {
            ws.write_number_with_format(row, col, *n as f64, format)?;
        }
        Some(other) => {
            // Text is always written as text, never as a formula.
            ws.write_string_with_format(
                row,
                col,
                crate::xlsx::fit(&value_text(other, f, config, lang)),
                format,
            )?;
        }
    }
    Ok(())
}

fn example_value(f: &Field, config: &Config, lang: Lang, year: i32) -> Option<String> {
    Some(match f.kind {
        Kind::Department => config.departments.first()?.name.get(lang).to_string(),
        Kind::FocusArea => config.focus_areas.first()?.name.get(lang).to_string(),
        Kind::Areas => config
            .areas
            .iter()
            .take(2)
            .map(|a| a.name.get(lang))
            .collect::<Vec<_>>()
            .join("; "),
        Kind::Status => config
            .statuses
            .get(1)
            .or(config.statuses.first())?
            .name
            .get(lang)
            .to_string(),
        Kind::Themes => config.themes.first()?.name.get(lang).to_string(),
        Kind::Year => year.to_string(),
        Kind::Euro => if f.role() == Some(FieldKey::Budget) {
            crate::model::field::EXAMPLE_BUDGET_EUROS
        } else {
            8000
        }
        .to_string(),
        Kind::Number => "1".into(),
        Kind::Whole => "100".into(),
        Kind::Email => "nimi@example.org".into(),
        Kind::Date => format!("31.12.{year}"),
        Kind::Text => match f.role() {
            Some(FieldKey::Measure) => {
                crate::model::field::EXAMPLE_MEASURE[lang.index()].to_string()
            }
            Some(FieldKey::ImpactStory) => text(lang, "out-example-story"),
            Some(FieldKey::Schedule) => year.to_string(),
            _ => String::new(),
        },
    })
}

/// Drop-downs fed from the hidden list sheet, and number rules with input messages.
fn add_validation(
    ws: &mut Worksheet,
    f: &Field,
    col: u16,
    config: &Config,
    lang: Lang,
    last: u32,
) -> Result<(), XlsxError> {
    let title: String = f.header.get(lang).chars().take(32).collect();
    let dv = match f.kind {
        Kind::Department | Kind::FocusArea | Kind::Status | Kind::Areas | Kind::Themes => {
            let (list_col, n) = list_column(config, f.kind);
            if n == 0 {
                return Ok(());
            }
            let l = column_letters(list_col);
            let dv = DataValidation::new().allow_list_formula(Formula::new(format!(
                "='{}'!${l}$2:${l}${}",
                text(lang, "out-sheet-lists"),
                n + 1
            )));
            // Several areas or themes are typed as "A; B", which a list cannot hold: warn, don't stop.
            if matches!(f.kind, Kind::Areas | Kind::Themes) {
                dv.set_error_style(DataValidationErrorStyle::Information)
            } else {
                dv
            }
        }
        Kind::Euro => DataValidation::new()
            .allow_decimal_number(DataValidationRule::GreaterThanOrEqualTo(0.0))
            .set_input_message(text(lang, "out-input-euro"))?,
        Kind::Number => DataValidation::new()
            .allow_decimal_number(DataValidationRule::GreaterThanOrEqualTo(0.0))
            .set_input_message(text(lang, "out-input-number"))?,
        Kind::Whole => DataValidation::new()
            .allow_whole_number(DataValidationRule::GreaterThanOrEqualTo(0))
            .set_input_message(text(lang, "out-input-whole"))?,
        Kind::Year => {
            let p = &config.programme;
            DataValidation::new()
                .allow_whole_number(DataValidationRule::Between(
                    *p.first_year.get_ref(),
                    *p.last_year.get_ref(),
                ))
                .set_input_message(example_year(config, lang, "out-input-year"))?
        }
        _ => return Ok(()),
    };
    let dv = dv.set_input_title(title)?;
    ws.add_data_validation(FIRST_DATA_ROW, col, last, col, &dv)?;
    Ok(())
}

/// Where a list kind's names stand on the list sheet: (column, count).
fn list_column(config: &Config, kind: Kind) -> (u32, usize) {
    let order = [
        Kind::Department,
        Kind::FocusArea,
        Kind::Status,
        Kind::Areas,
        Kind::Themes,
    ];
    let col = order.iter().position(|k| *k == kind).unwrap_or(0) as u32;
    (col, list_of(config, kind).map(<[Choice]>::len).unwrap_or(0))
}

/// The hidden sheet the drop-downs read: one column per list.
fn write_lists(ws: &mut Worksheet, config: &Config, lang: Lang) -> Result<(), XlsxError> {
    ws.set_name(text(lang, "out-sheet-lists"))?;
    let heads = [
        config.label(FieldKey::Department, lang),
        config.label(FieldKey::FocusArea, lang),
        config.label(FieldKey::Status, lang),
        config.label(FieldKey::Areas, lang),
        config.label(FieldKey::Themes, lang),
    ];
    for (c, kind) in [
        Kind::Department,
        Kind::FocusArea,
        Kind::Status,
        Kind::Areas,
        Kind::Themes,
    ]
    .into_iter()
    .enumerate()
    {
        let field = config.fields.iter().find(|f| f.kind == kind);
        let list = list_of(config, kind).unwrap_or(&[]);
        // A list the programme does not use (no field, no values) stays
        // without a heading rather than naming kooste's field.
        if field.is_some() || !list.is_empty() {
            let head = field.map(|f| f.header.get(lang)).unwrap_or(&heads[c]);
            ws.write_string(0, c as u16, crate::xlsx::fit(head))?;
        }
        for (r, choice) in list.iter().enumerate() {
            ws.write_string(
                r as u32 + 1,
                c as u16,
                crate::xlsx::fit(choice.name.get(lang)),
            )?;
        }
        ws.set_column_width(c as u16, 40)?;
    }
    ws.set_hidden(true);
    Ok(())
}

/// Message `id` with the programme's first year as its example year: an
/// example names one of the programme's years, not another programme's.
fn example_year(config: &Config, lang: Lang, id: &'static str) -> String {
    let year = config.programme.first_year.get_ref().to_string();
    render(lang, &Message::new(id).arg("year", year))
}

/// The configured headers of the fields picked from a list whose kind
/// `keep` accepts, quoted and in the template's order ("Painopiste",
/// "Vaihe", …): the instructions name the programme's own columns.
fn quoted_headers(config: &Config, lang: Lang, keep: impl Fn(Kind) -> bool) -> String {
    config
        .fields
        .iter()
        .filter(|f| list_of(config, f.kind).is_some() && f.kind != Kind::Department)
        .filter(|f| keep(f.kind))
        .map(|f| format!("\"{}\"", f.header.get(lang)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The instructions sheet: each column, whether it is required, what it means
/// and its allowed values; the deadline and contact.
fn write_instructions(
    ws: &mut Worksheet,
    config: &Config,
    lang: Lang,
    year: i32,
    ended: Option<(i32, &[String])>,
) -> Result<(), XlsxError> {
    ws.set_name(text(lang, "out-sheet-instructions"))?;
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let header = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xDDE4EE));
    ws.write_string_with_format(
        0,
        0,
        crate::xlsx::fit(config.programme.name.get(lang)),
        &Format::new().set_bold().set_font_size(14),
    )?;
    let intro = Message::new("out-instructions-intro")
        .arg("lists", quoted_headers(config, lang, |_| true))
        .arg(
            "several",
            quoted_headers(config, lang, |k| matches!(k, Kind::Areas | Kind::Themes)),
        );
    ws.merge_range(1, 0, 1, 3, &render(lang, &intro), &wrap)?;
    ws.set_row_height(1, 60)?;
    let mut row = 2;
    if let Some(dl) = config.deadline(year) {
        ws.write_string(row, 0, crate::xlsx::fit(&deadline_line(lang, dl)))?;
        row += 1;
    }
    if let Some(c) = &config.submission.contact {
        ws.write_string(row, 0, crate::xlsx::fit(&contact_line(lang, c.get(lang))))?;
        row += 1;
    }
    row += 1;
    for (c, h) in [
        text(lang, "out-col-column"),
        text(lang, "out-col-required"),
        text(lang, "out-col-description"),
        text(lang, "out-col-allowed"),
    ]
    .iter()
    .enumerate()
    {
        ws.write_string_with_format(row, c as u16, h, &header)?;
    }
    for f in &config.fields {
        row += 1;
        ws.write_string_with_format(row, 0, crate::xlsx::fit(f.header.get(lang)), &wrap)?;
        ws.write_string_with_format(
            row,
            1,
            crate::xlsx::fit(&if f.required {
                text(lang, "out-yes")
            } else {
                text(lang, "out-no")
            }),
            &wrap,
        )?;
        ws.write_string_with_format(
            row,
            2,
            crate::xlsx::fit(f.description.as_ref().map(|d| d.get(lang)).unwrap_or("")),
            &wrap,
        )?;
        let allowed = match list_of(config, f.kind) {
            Some(list) => list
                .iter()
                .map(|c| c.name.get(lang))
                .collect::<Vec<_>>()
                .join(", "),
            None => match f.kind {
                Kind::Euro => text(lang, "out-input-euro"),
                Kind::Number => text(lang, "out-input-number"),
                Kind::Whole => text(lang, "out-input-whole"),
                Kind::Year => format!(
                    "{}–{}",
                    config.programme.first_year.get_ref(),
                    config.programme.last_year.get_ref()
                ),
                Kind::Date => example_year(config, lang, "out-input-date"),
                Kind::Email => text(lang, "out-input-email"),
                _ => String::new(),
            },
        };
        ws.write_string_with_format(row, 3, crate::xlsx::fit(&allowed), &wrap)?;
    }
    // Prefilled from an earlier year: the measures that ended there.
    if let Some((from, lines)) = ended.filter(|(_, l)| !l.is_empty()) {
        row += 2;
        let note = render(
            lang,
            &Message::new("out-template-ended").arg("year", from.to_string()),
        );
        ws.write_string_with_format(row, 0, crate::xlsx::fit(&note), &Format::new().set_bold())?;
        for line in lines {
            row += 1;
            ws.write_string(row, 0, crate::xlsx::fit(line))?;
        }
    }
    for (c, w) in [28, 12, 50, 60].iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    ws.protect();
    Ok(())
}
