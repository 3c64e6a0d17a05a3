//! Every user-facing text: the Fluent message files of each language
//! (`templates/messages/<lang>/*.ftl`, made into text by [`render`]),
//! number and date formatting in each language's conventions, and the
//! strings not yet moved to the message files.
//!
//! The older templates below use `{name}` placeholders filled by [`fill`].

pub mod findings;
pub mod fluent;

pub use fluent::{render, text};

use crate::model::parse::{Cents, Date};

pub use crate::model::lang::Lang;

impl Lang {
    /// This language's strings.
    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Fi => &FI,
            Lang::Sv => &SV,
            Lang::En => &EN,
        }
    }

    /// Euros with no decimals: `1 234 567 €` (fi, sv), `€1,234,567` (en).
    pub fn euros(self, c: Cents) -> String {
        let whole = (c.0 as f64 / 100.0).round() as i64;
        match self {
            Lang::En => format!(
                "{}€{}",
                if whole < 0 { "-" } else { "" },
                group(whole.unsigned_abs(), ',')
            ),
            _ => format!(
                "{}{}\u{a0}€",
                if whole < 0 { "−" } else { "" },
                group(whole.unsigned_abs(), '\u{a0}')
            ),
        }
    }

    /// Euros with cents where there are any: `12 500,50 €`.
    pub fn euros_exact(self, c: Cents) -> String {
        if c.0 % 100 == 0 {
            return self.euros(c);
        }
        let sign = if c.0 < 0 { "-" } else { "" };
        let abs = c.0.unsigned_abs();
        match self {
            Lang::En => format!("{sign}€{}.{:02}", group(abs / 100, ','), abs % 100),
            _ => format!(
                "{sign}{},{:02}\u{a0}€",
                group(abs / 100, '\u{a0}'),
                abs % 100
            ),
        }
    }

    /// A whole number with the language's grouping.
    pub fn integer(self, n: i64) -> String {
        let sep = if self == Lang::En { ',' } else { '\u{a0}' };
        format!(
            "{}{}",
            if n < 0 { "-" } else { "" },
            group(n.unsigned_abs(), sep)
        )
    }

    /// A decimal with `places` decimals and the language's decimal mark.
    pub fn decimal(self, v: f64, places: usize) -> String {
        let s = format!("{v:.places$}");
        let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
        let neg = int.starts_with('-');
        let n: u64 = int.trim_start_matches('-').parse().unwrap_or(0);
        let (sep, mark) = if self == Lang::En {
            (',', '.')
        } else {
            ('\u{a0}', ',')
        };
        let mut out = format!("{}{}", if neg { "-" } else { "" }, group(n, sep));
        if !frac.is_empty() {
            out.push(mark);
            out.push_str(frac);
        }
        out
    }

    /// A percentage with one decimal: `87,5 %` (fi, sv), `87.5%` (en).
    pub fn percent(self, ratio: f64) -> String {
        let v = self.decimal(ratio * 100.0, 1);
        if self == Lang::En {
            format!("{v}%")
        } else {
            format!("{v}\u{a0}%")
        }
    }

    /// A date: `31.12.2021` (fi), `2021-12-31` (sv), `31 December 2021` (en).
    pub fn date(self, d: Date) -> String {
        match self {
            Lang::Fi => format!("{}.{}.{}", d.day, d.month, d.year),
            // Finland-Swedish writes dates as Finnish does (30.11.2026).
            Lang::Sv => format!("{}.{}.{}", d.day, d.month, d.year),
            Lang::En => format!(
                "{} {} {}",
                d.day,
                EN_MONTHS[(d.month as usize).clamp(1, 12) - 1],
                d.year
            ),
        }
    }
}

const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Groups digits by three with `sep`.
fn group(n: u64, sep: char) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// The form of `forms` (singular, plural) for `n`, with `{n}` filled: the
/// singular for one, as in all three languages.
pub fn count(forms: [&str; 2], n: usize) -> String {
    fill(forms[usize::from(n != 1)], &[("n", &n.to_string())])
}

/// The summary line: files read, measures that go into the outputs, the
/// rows left out and why, errors and warnings.
pub fn summary_line(
    lang: Lang,
    files: usize,
    tally: &crate::model::Tally,
    findings: (usize, usize),
) -> String {
    let t = lang.texts();
    let reasons: Vec<String> = [
        (t.left_out_duplicate, tally.duplicate),
        (t.left_out_wrong_year, tally.wrong_year),
        (t.left_out_errors, tally.errors),
    ]
    .into_iter()
    .filter(|(_, n)| *n > 0)
    .map(|(forms, n)| count(forms, n))
    .collect();
    let left_out = if reasons.is_empty() {
        String::new()
    } else {
        fill(
            t.left_out,
            &[
                ("rows", &count(t.left_out_rows, tally.left_out())),
                ("reasons", &reasons.join(", ")),
            ],
        )
    };
    fill(
        t.summary_line,
        &[
            ("files", &count(t.count_files, files)),
            ("measures", &count(t.count_measures, tally.measures)),
            ("left_out", &left_out),
            ("errors", &count(t.count_errors, findings.0)),
            ("warnings", &count(t.count_warnings, findings.1)),
        ],
    )
}

/// Replaces `{name}` placeholders in `template`.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (k, v) in args {
        out = out.replace(&format!("{{{k}}}"), v);
    }
    out
}

/// All strings of one language.
#[derive(Debug)]
pub struct Texts {
    // --- findings: messages and hints ---
    /// Not a spreadsheet.
    pub unreadable: &'static str,
    /// Hint for unreadable files.
    pub unreadable_hint: &'static str,
    /// Zero-byte file.
    pub empty_file: &'static str,
    /// HTML disguised as a workbook.
    pub html_file: &'static str,
    /// Password protection.
    pub encrypted: &'static str,
    /// Hint for encrypted files.
    pub encrypted_hint: &'static str,
    /// No header anywhere.
    pub no_sheet: &'static str,
    /// Hint for no header.
    pub no_sheet_hint: &'static str,
    /// A row that looks like the header but lacks required columns:
    /// `{sheet}`, `{row}`, `{missing}`.
    pub no_sheet_missing_hint: &'static str,
    /// Required column missing.
    pub missing_column: &'static str,
    /// Hint for a missing column.
    pub missing_column_hint: &'static str,
    /// Two columns for one field.
    pub duplicate_column: &'static str,
    /// Hint for duplicate columns.
    pub duplicate_column_hint: &'static str,
    /// Unknown header.
    pub unknown_column: &'static str,
    /// Hint for unknown header.
    pub unknown_column_hint: &'static str,
    /// "Did you mean …?"
    pub did_you_mean: &'static str,
    /// Required cell empty.
    pub missing_value: &'static str,
    /// Hint for an empty required cell.
    pub missing_value_hint: &'static str,
    /// Wrong kind of value.
    pub type_error: &'static str,
    /// Characters the report's font lacks: `{measure}`, `{field}`, `{chars}`.
    pub unprintable_text: &'static str,
    /// Right-to-left text the report does not shape: `{measure}`, `{field}`.
    pub unshaped_text: &'static str,
    /// What to do about text the report cannot show.
    pub unprintable_hint: &'static str,
    /// A numeric column's header names another unit: {header}, {unit}.
    pub unknown_unit: &'static str,
    /// Hint for it: {unit}.
    pub unknown_unit_hint: &'static str,
    /// An amount merged over several rows: {field}, {anchor}.
    pub merged_amount: &'static str,
    /// Hint for it.
    pub merged_amount_hint: &'static str,
    /// A number too large for its kind: `{value}` shortened, `{kind}`.
    pub too_large_number: &'static str,
    /// An error value such as #DIV/0!.
    pub error_value: &'static str,
    /// Names of kinds: euro, number, whole, year, date.
    pub kind_names: [&'static str; 5],
    /// Hints per kind: euro, number, whole, year, date.
    pub kind_hints: [&'static str; 5],
    /// Value not in the list.
    pub not_allowed: &'static str,
    /// Hint listing allowed values.
    pub allowed_values: &'static str,
    /// Names of lists: department, focus area, area, status, theme.
    pub list_names: [&'static str; 5],
    /// Negative amount.
    pub negative: &'static str,
    /// Hint for a negative amount.
    pub negative_hint: &'static str,
    /// Year outside the programme.
    pub year_out_of_range: &'static str,
    /// Hint for a year out of range.
    pub year_hint: &'static str,
    /// Not an e-mail address.
    pub not_email: &'static str,
    /// Hint for e-mail.
    pub email_hint: &'static str,
    /// Formula with no stored result.
    pub formula_without_value: &'static str,
    /// Hint for it.
    pub formula_hint: &'static str,
    /// Total row disagrees.
    pub total_mismatch: &'static str,
    /// Hint for it.
    pub total_hint: &'static str,
    /// Actual above budget.
    pub spent_exceeds: &'static str,
    /// Hint for it.
    pub spent_exceeds_hint: &'static str,
    /// Completed with no spend.
    pub completed_no_spend: &'static str,
    /// Planning that spent much.
    pub planning_spent: &'static str,
    /// Hint for status conflicts.
    pub status_hint: &'static str,
    /// Duplicate within a department.
    pub duplicate_measure: &'static str,
    /// Duplicate across departments.
    pub duplicate_measure_other: &'static str,
    /// Hint for duplicates.
    pub duplicate_measure_hint: &'static str,
    /// Several departments in one file.
    pub several_departments: &'static str,
    /// Row department differs from title.
    pub title_department: &'static str,
    /// Hint for department mismatch.
    pub department_hint: &'static str,
    /// Budgets over the programme's.
    pub budget_exceeds: &'static str,
    /// Hint for it.
    pub budget_exceeds_hint: &'static str,
    /// A department sent nothing.
    pub missing_submission: &'static str,
    /// Hint for it.
    pub missing_submission_hint: &'static str,
    /// Row of another year.
    pub wrong_year: &'static str,
    /// Hint for it.
    pub wrong_year_hint: &'static str,
    /// A number whose separator could be a decimal mark or a thousands
    /// separator, with nothing in the file to tell: {value}, {first}, {second}, {mark}.
    pub ambiguous_number: &'static str,
    /// Hint for it.
    pub ambiguous_number_hint: &'static str,
    /// A byte that is not valid in the file's encoding: {row}, {bytes}, {encoding}.
    pub invalid_bytes: &'static str,
    /// A NUL byte in a text file: {row}.
    pub nul_byte: &'static str,
    /// Hint for invalid bytes and NUL bytes.
    pub invalid_bytes_hint: &'static str,
    /// A text file whose encoding cannot be told apart: {candidates}, {example}.
    pub unknown_encoding: &'static str,
    /// Hint for it.
    pub unknown_encoding_hint: &'static str,
    /// Another sheet that also has a measure header: {sheet}, {read}.
    pub unread_sheet: &'static str,
    /// Hint for it.
    pub unread_sheet_hint: &'static str,
    /// Values in a column with no header: {column}, {count}.
    pub unread_column: &'static str,
    /// Hint for it.
    pub unread_column_hint: &'static str,
    /// A filled row below the data that is not a measure: {value}.
    pub unread_row: &'static str,
    /// Hint for it.
    pub unread_row_hint: &'static str,
    /// A file kooste wrote itself, found among the inputs: {kind}.
    pub own_output: &'static str,
    /// Hint for it.
    pub own_output_hint: &'static str,
    /// A file whose rows are those of another input: {other}.
    pub duplicate_file: &'static str,
    /// Hint for it.
    pub duplicate_file_hint: &'static str,
    /// A template row whose prefilled department or year was changed and
    /// nothing else typed: {value}.
    pub prefill_changed: &'static str,
    /// Hint for it.
    pub prefill_changed_hint: &'static str,
    /// A template's example row over which a measure was typed: {value}.
    pub example_changed: &'static str,
    /// Hint for it.
    pub example_changed_hint: &'static str,
    /// A stored formula result differs from the formula's: {formula},
    /// {stored}, {evaluated}.
    pub formula_mismatch: &'static str,
    /// Hint for it.
    pub formula_mismatch_hint: &'static str,
    /// A cell's number format shows another unit: {value}, {unit}, {field}.
    pub unknown_unit_format: &'static str,
    /// Hint for it: {unit}.
    pub unknown_unit_format_hint: &'static str,
    /// No measure in any input: {inputs}.
    pub no_measures: &'static str,
    /// Hint for it.
    pub no_measures_hint: &'static str,
    /// The kinds of kooste's own outputs, for {kind} of `own_output`, in the
    /// order of `OutputKind`: consolidated workbook, annotated copy,
    /// converted file, CSV export, JSON export.
    pub own_output_kinds: [&'static str; 5],

    // --- command-line output ---
    /// The summary line: {files}, {measures}, {left_out} (empty when no row
    /// was left out), {errors}, {warnings}; each filled from a pair below.
    pub summary_line: &'static str,
    /// Files read, singular and plural: {n}.
    pub count_files: [&'static str; 2],
    /// Measures that go into the outputs: {n}.
    pub count_measures: [&'static str; 2],
    /// Error findings: {n}.
    pub count_errors: [&'static str; 2],
    /// Warnings: {n}.
    pub count_warnings: [&'static str; 2],
    /// After the measures, the rows left out: {rows} and {reasons}.
    pub left_out: &'static str,
    /// Rows left out: {n}.
    pub left_out_rows: [&'static str; 2],
    /// Of them, duplicates: {n}.
    pub left_out_duplicate: [&'static str; 2],
    /// Of them, rows of another year: {n}.
    pub left_out_wrong_year: [&'static str; 2],
    /// Of them, rows with errors: {n}.
    pub left_out_errors: [&'static str; 2],
    /// Printed when build refuses to write because of errors: {errors}, as
    /// `count_errors` gives it.
    pub build_blocked: &'static str,
    /// Printed for each written file.
    pub wrote: &'static str,
    /// Beside the spinner while a large run's outputs are written; {path}.
    pub writing: &'static str,
    /// A file that was given but does not exist.
    pub no_such_input: &'static str,

    // --- outputs ---
    /// The word for a draft, e.g. LUONNOS.
    pub draft: &'static str,
    /// Annual report.
    pub annual_report: &'static str,
    /// Sheet names: summary, measures, findings, sources.
    pub sheet_names: [&'static str; 4],
    /// Column: department.
    pub col_department: &'static str,
    /// Column: focus area.
    pub col_focus_area: &'static str,
    /// Column: number of measures.
    pub col_measures: &'static str,
    /// Column: budget.
    pub col_budget: &'static str,
    /// Column: actual.
    pub col_spent: &'static str,
    /// Column: utilisation.
    pub col_utilisation: &'static str,
    /// Column: FTE.
    pub col_fte: &'static str,
    /// Column: status.
    pub col_status: &'static str,
    /// Column: areas.
    pub col_areas: &'static str,
    /// Column: source file.
    pub col_source_file: &'static str,
    /// Column: source cell.
    pub col_source_cell: &'static str,
    /// Column: sheet.
    pub col_sheet: &'static str,
    /// Column: SHA-256.
    pub col_sha256: &'static str,
    /// Column: format.
    pub col_format: &'static str,
    /// Column: header row.
    pub col_header_row: &'static str,
    /// Column: rows read.
    pub col_rows: &'static str,
    /// Column: severity.
    pub col_severity: &'static str,
    /// Column: code.
    pub col_code: &'static str,
    /// Column: cell.
    pub col_cell: &'static str,
    /// Column: message.
    pub col_message: &'static str,
    /// Column: hint.
    pub col_hint: &'static str,
    /// Total.
    pub total: &'static str,
    /// Programme.
    pub programme: &'static str,
    /// Year.
    pub year: &'static str,
    /// Annual budget.
    pub annual_budget: &'static str,
    /// Data as of.
    pub date_label: &'static str,
    /// Summary by department.
    pub by_department: &'static str,
    /// Summary by focus area.
    pub by_focus_area: &'static str,
    /// The year's measures heading.
    pub measures_of_year: &'static str,
    /// Page X of Y.
    pub page_of: &'static str,
    /// The note on illustrative figures is the user's; this says where data came from.
    pub sources_note: &'static str,
    /// Words for error and warning.
    pub severity_words: [&'static str; 2],
    /// File-name suffix of an annotated copy.
    pub annotated_suffix: &'static str,
    /// Text over Excel's cell limit.
    pub text_too_long: &'static str,
    /// Hint for it.
    pub text_too_long_hint: &'static str,
    /// More measures than an Excel sheet holds; {count}, {limit}.
    pub too_many_measures: &'static str,
    /// Last row of a findings sheet cut at Excel's limit; {count}.
    pub findings_cut: &'static str,
    /// Closing line of a report list cut at its limit; {count}.
    pub list_cut: &'static str,
    /// A file over a size limit.
    pub too_large: &'static str,
    /// Hint for too-large.
    pub too_large_hint: &'static str,
    /// Unit: bytes.
    pub word_bytes: &'static str,
    /// Unit: cells.
    pub word_cells: &'static str,
    /// Sheet name: instructions.
    pub sheet_instructions: &'static str,
    /// Sheet name: hidden lists.
    pub sheet_lists: &'static str,
    /// Template: deadline.
    pub deadline_line: &'static str,
    /// Template: contact.
    pub contact_line: &'static str,
    /// Instructions: column.
    pub col_column: &'static str,
    /// Instructions: required.
    pub col_required: &'static str,
    /// Instructions: description.
    pub col_description: &'static str,
    /// Instructions: allowed values.
    pub col_allowed: &'static str,
    /// Word for yes.
    pub yes_no_yes: &'static str,
    /// Word for no.
    pub yes_no_no: &'static str,
    /// Instructions: how to fill in.
    pub instructions_intro: &'static str,
    /// Template: example measure name.
    pub example_measure: &'static str,
    /// Convert: cells left empty.
    pub left_empty: &'static str,
    /// Template: example impact story.
    pub example_story: &'static str,
    /// Key figures heading.
    pub key_figures: &'static str,
    /// Column: people reached.
    pub col_reached: &'static str,
    /// Summary by status.
    pub by_status: &'static str,
    /// Summary by area.
    pub by_area: &'static str,
    /// Department × focus area heading.
    pub dept_by_focus: &'static str,
    /// Note: euros split evenly between areas.
    pub area_split_even: &'static str,
    /// Note: euros counted in full in each area.
    pub area_split_full: &'static str,
    /// Sheet name: charts.
    pub sheet_charts: &'static str,
    /// Sheet name: year over year.
    pub sheet_comparison: &'static str,
    /// Sheet name: area split.
    pub sheet_area_split: &'static str,
    /// Chart: budget and actual by department.
    pub chart_budget_actual: &'static str,
    /// Chart: budget by focus area.
    pub chart_budget_focus: &'static str,
    /// Chart: measures by status per department.
    pub chart_status_dept: &'static str,
    /// Chart: budget by year.
    pub chart_budget_year: &'static str,
    /// Comparison: added measures.
    pub cmp_added: &'static str,
    /// Comparison: ended measures.
    pub cmp_ended: &'static str,
    /// Comparison: carried on.
    pub cmp_carried: &'static str,
    /// Comparison: status changes.
    pub cmp_status_changes: &'static str,
    /// Comparison: budget by department.
    pub cmp_budget_dept: &'static str,
    /// Comparison: budget by focus area.
    pub cmp_budget_focus: &'static str,
    /// Column: change in euros.
    pub col_change_eur: &'static str,
    /// Column: change in per cent.
    pub col_change_pct: &'static str,
    /// Column: earlier status.
    pub col_prev_status: &'static str,
    /// Column: new status.
    pub col_new_status: &'static str,
    /// Column: share.
    pub col_share: &'static str,
    /// Column: row link.
    pub col_row: &'static str,
    /// Comparison: counts heading.
    pub cmp_counts: &'static str,
}

/// Finnish.
pub static FI: Texts = Texts {
    unreadable: "Tiedostoa ei voi lukea taulukkona: {reason}",
    unreadable_hint: "Tallenna tiedosto Excel-muodossa (.xlsx) ja lähetä se uudelleen.",
    empty_file: "Tiedosto on tyhjä (0 tavua).",
    html_file: "Tiedosto on HTML-sivu eikä taulukko, vaikka sen pääte on .{ext}.",
    encrypted: "Työkirja on suojattu salasanalla, eikä sitä voi lukea.",
    encrypted_hint: "Pyydä lähettäjää poistamaan salasana ja lähettämään tiedosto uudelleen. Älä pyydä salasanaa.",
    no_sheet: "Yhdeltäkään välilehdeltä ei löytynyt toimenpiteiden otsikkoriviä (katsotut välilehdet: {sheets}).",
    no_sheet_hint: "Otsikkorivillä pitää olla sarakkeet kuten {examples}.",
    no_sheet_missing_hint: "Välilehden {sheet} rivillä {row} on otsikoita, mutta siitä puuttuvat pakolliset sarakkeet {missing}.",
    missing_column: "Pakollinen sarake \"{field}\" puuttuu.",
    missing_column_hint: "Lisää otsikkoriville sarake \"{field}\".",
    duplicate_column: "Sarakkeet {first} ja {second} tarkoittavat molemmat kenttää \"{field}\".",
    duplicate_column_hint: "Poista tai nimeä toinen sarakkeista uudelleen; vain ensimmäinen luetaan.",
    unknown_column: "Otsikkoa \"{value}\" ei tunnisteta; sarakkeen tiedot jätetään huomiotta.",
    unknown_column_hint: "Tarkista otsikon kirjoitusasu.",
    did_you_mean: "Tarkoititko \"{value}\"?",
    missing_value: "Pakollinen tieto \"{field}\" puuttuu.",
    missing_value_hint: "Täytä solu.",
    type_error: "\"{value}\" ei ole {kind}.",
    too_large_number: "Luku {value} on liian suuri: se ei voi olla {kind}.",
    unprintable_text: "Toimenpiteen \"{measure}\" kentässä \"{field}\" on merkkejä, joita raportin fontissa ei ole; ne näkyvät PDF:ssä tyhjinä laatikoina: {chars}.",
    unshaped_text: "Toimenpiteen \"{measure}\" kentässä \"{field}\" on oikealta vasemmalle kirjoitettavaa tekstiä (arabia, heprea), jota raportti ei muotoile: kirjaimet tulostuvat erillisinä ja vasemmalta oikealle.",
    unprintable_hint: "Raportti näyttää latinalaiset, kreikkalaiset ja kyrilliset kirjaimet; työkirjaan ja vientitiedostoihin teksti tallentuu sellaisenaan.",
    unknown_unit: "Sarakkeen \"{header}\" yksikköä \"{unit}\" ei tunneta, joten sen lukuja ei lueta: kooste lukee euromäärät euroina ja muut luvut kappaleina.",
    unknown_unit_hint: "Muunna luvut euroiksi (henkilötyövuodet vuosina, asukkaat kappaleina) ja poista otsikosta yksikkö \"{unit}\".",
    merged_amount: "Kentän \"{field}\" luku on yhdistetty useaan riviin solusta {anchor} alkaen; sitä ei voi laskea jokaiselle toimenpiteelle.",
    merged_amount_hint: "Pura solujen yhdistäminen ja kirjoita kunkin toimenpiteen oma luku omalle rivilleen.",
    error_value: "Solussa on virhearvo {value}.",
    kind_names: [
        "euromäärä",
        "luku",
        "kokonaisluku",
        "vuosiluku",
        "päivämäärä",
    ],
    kind_hints: [
        "Kirjoita euromäärä numeroina, esim. 12 500 tai 12 500,50 €.",
        "Kirjoita luku, esim. 1,5.",
        "Kirjoita kokonaisluku, esim. 120.",
        "Kirjoita vuosi neljällä numerolla, esim. 2021.",
        "Kirjoita päivämäärä muodossa 31.12.2021.",
    ],
    not_allowed: "\"{value}\" ei ole sallittu {what}.",
    allowed_values: "Sallitut arvot: {values}.",
    list_names: ["toimiala", "painopiste", "alue", "vaihe", "teema"],
    negative: "Kentän \"{field}\" arvo ei voi olla negatiivinen ({value}).",
    negative_hint: "Tarkista etumerkki.",
    year_out_of_range: "Vuosi {value} ei kuulu ohjelmakauteen {first}–{last}.",
    year_hint: "Tarkista vuosi.",
    not_email: "\"{value}\" ei ole sähköpostiosoite.",
    email_hint: "Kirjoita osoite muodossa nimi@esimerkki.fi.",
    formula_without_value: "Solussa on kaava ={value}, mutta tiedostoon ei ole tallennettu sen tulosta.",
    formula_hint: "Avaa tiedosto Excelissä tai LibreOfficessa ja tallenna se, tai kirjoita luku kaavan tilalle.",
    total_mismatch: "Yhteensä-rivin {field} on {total}, mutta yllä olevien rivien summa on {sum} (ero {diff}).",
    total_hint: "Korjaa yhteensä-rivi tai rivien luvut.",
    spent_exceeds: "Toteuma {spent} ylittää budjetin {budget} ({diff}).",
    spent_exceeds_hint: "Tarkista luvut tai kerro ylityksen syy.",
    completed_no_spend: "Vaihe on \"{status}\", mutta toteumaa ei ole ilmoitettu.",
    planning_spent: "Vaihe on \"{status}\", mutta toteuma {spent} on yli puolet budjetista {budget}.",
    status_hint: "Päivitä vaihe tai tarkista toteuma.",
    duplicate_measure: "Toimenpide \"{value}\" on jo rivillä {other}.",
    duplicate_measure_other: "Toimenpide \"{value}\" on myös toimialan {department} ilmoituksessa ({other}).",
    duplicate_measure_hint: "Poista kaksoiskappale tai yhdistä rivit.",
    several_departments: "Tiedoston riveillä on useita toimialoja: {values}.",
    title_department: "Rivin toimiala {value} ei ole otsikon toimiala {department}.",
    department_hint: "Yksi tiedosto on yhden toimialan ilmoitus.",
    budget_exceeds: "Vuoden {year} budjetit ovat yhteensä {total}, mikä ylittää ohjelman vuosibudjetin {budget} (ylitys {diff}).",
    budget_exceeds_hint: "Tarkista toimialojen budjetit.",
    missing_submission: "Toimialalta {department} ei ole yhtään toimenpidettä vuodelle {year}.",
    missing_submission_hint: "Pyydä toimialalta ilmoitus.",
    wrong_year: "Rivi on vuodelta {value}, mutta raportoitava vuosi on {year}.",
    wrong_year_hint: "Korjaa vuosi tai anna oikea vuosi valitsimella --year.",
    ambiguous_number: "\"{value}\" voidaan lukea kahdella tavalla: {first} tai {second}. Tiedostosta ei selviä, onko {mark} desimaalierotin vai tuhaterotin.",
    ambiguous_number_hint: "Kirjoita luku ilman tuhaterotinta ja desimaalit pilkun jälkeen, esim. 90000 tai 90,50.",
    invalid_bytes: "Rivillä {row} on tavu {bytes}, joka ei ole kelvollista {encoding}-tekstiä; sen kohdalla on merkki �.",
    nul_byte: "Rivillä {row} on NUL-merkki (tavu 0x00).",
    invalid_bytes_hint: "Tarkista rivin teksti ja tallenna tiedosto uudelleen muodossa CSV UTF-8.",
    unknown_encoding: "Tiedoston merkistöä ei voi päätellä: {candidates} antaisivat eri merkit (esim. {example}). Tiedostoa ei lueta arvaamalla.",
    unknown_encoding_hint: "Tallenna tiedosto muodossa CSV UTF-8 tai Excel-työkirjana.",
    unread_sheet: "Myös välilehdellä \"{sheet}\" on toimenpiteiden otsikkorivi, mutta vain välilehti \"{read}\" luetaan.",
    unread_sheet_hint: "Siirrä toimenpiteet yhdelle välilehdelle tai lähetä ne erillisinä tiedostoina.",
    unread_column: "Sarakkeessa {column} on tietoja ({count} solua), mutta sarakkeella ei ole otsikkoa, joten niitä ei lueta.",
    unread_column_hint: "Lisää sarakkeelle otsikko tai poista tiedot.",
    unread_row: "Rivillä on tietoja (\"{value}\"), mutta se ei ole toimenpide, joten sitä ei lueta.",
    unread_row_hint: "Väliotsikot ja huomautukset eivät siirry koosteeseen; jos rivi on toimenpide, täytä sen kentät.",
    own_output: "Tiedosto on koosteen oma tuloste ({kind}), joten sitä ei lueta ilmoituksena.",
    own_output_hint: "Pidä tulosteet eri kansiossa kuin toimialojen ilmoitukset.",
    duplicate_file: "Tiedoston rivit ovat samat kuin tiedostossa {other}, joten sitä ei lueta toiseen kertaan (toimenpiteet tulisivat kahdesti).",
    duplicate_file_hint: "Poista kopio tai muunnettu tiedosto ilmoitusten kansiosta; jos tiedostot ovat eri ilmoituksia, tarkista niiden sisältö.",
    prefill_changed: "Rivillä on vain toimiala tai vuosi (\"{value}\"), eri kuin pohjan muilla tyhjillä riveillä, mutta ei muita tietoja, joten sitä ei lueta toimenpiteenä.",
    prefill_changed_hint: "Jos rivi on toimenpide, täytä sen kentät; muuten palauta rivin toimiala ja vuosi tai tyhjennä rivi.",
    example_changed: "Rivi on pohjan esimerkkirivi, mutta siihen on kirjoitettu toimenpiteen tietoja (\"{value}\"), joten sitä ei lueta toimenpiteenä.",
    example_changed_hint: "Siirrä toimenpide esimerkkirivin alle omalle rivilleen tai poista esimerkkimerkintä rivin alusta.",
    formula_mismatch: "Solun kaava ={formula} antaa {evaluated}, mutta tiedostoon on tallennettu tulos {stored}, joten lukua ei lueta.",
    formula_mismatch_hint: "Tiedostoa ei ole laskettu uudelleen tallennettaessa (manuaalinen laskenta?). Paina Excelissä F9 (LibreOfficessa Ctrl+Vaihto+F9), tarkista luku ja tallenna.",
    unknown_unit_format: "Solun luku {value} näkyy yksiköllä \"{unit}\" (solun lukumuoto), mutta kentän \"{field}\" lukuja ei lueta siinä yksikössä, joten lukua ei lueta: se olisi väärä kertoimen verran.",
    unknown_unit_format_hint: "Kirjoita luku euroina (henkilötyövuodet vuosina, asukkaat kappaleina) ja poista solun lukumuodosta yksikkö \"{unit}\".",
    no_measures: "Yhtään toimenpidettä ei löytynyt (katsotut paikat: {inputs}). Mitään ei kirjoitettu.",
    no_measures_hint: "Tarkista, että kansiossa on toimialojen täyttämät ilmoitukset.",
    own_output_kinds: [
        "koostetyökirja",
        "tarkistettu kopio",
        "muunnettu tiedosto",
        "CSV-vienti",
        "JSON-vienti",
    ],
    summary_line: "{files}, {measures}{left_out}, {errors}, {warnings}",
    count_files: ["{n} tiedosto", "{n} tiedostoa"],
    count_measures: ["{n} toimenpide", "{n} toimenpidettä"],
    count_errors: ["{n} virhe", "{n} virhettä"],
    count_warnings: ["{n} varoitus", "{n} varoitusta"],
    left_out: " ({rows}: {reasons})",
    left_out_rows: ["{n} rivi jätettiin pois", "{n} riviä jätettiin pois"],
    left_out_duplicate: ["{n} kaksoiskappale", "{n} kaksoiskappaletta"],
    left_out_wrong_year: ["{n} toiselta vuodelta", "{n} toiselta vuodelta"],
    left_out_errors: ["{n} virheellinen", "{n} virheellistä"],
    build_blocked: "Tulosteita ei kirjoitettu, koska ilmoituksissa on {errors}. Korjaa ne tai käytä valitsinta --draft.",
    wrote: "Kirjoitettu: {path}",
    writing: "Kirjoitetaan {path} …",
    no_such_input: "Tiedostoa tai kansiota ei löydy",
    draft: "LUONNOS",
    annual_report: "Vuosiraportti",
    sheet_names: ["Yhteenveto", "Toimenpiteet", "Tarkistukset", "Lähteet"],
    col_department: "Toimiala",
    col_focus_area: "Painopiste",
    col_measures: "Toimenpiteitä",
    col_budget: "Budjetti (€)",
    col_spent: "Toteuma (€)",
    col_utilisation: "Käyttöaste",
    col_fte: "Henkilötyövuodet",
    col_status: "Vaihe",
    col_areas: "Alueet",
    col_source_file: "Lähdetiedosto",
    col_source_cell: "Lähdesolu",
    col_sheet: "Välilehti",
    col_sha256: "SHA-256",
    col_format: "Muoto",
    col_header_row: "Otsikkorivi",
    col_rows: "Rivejä",
    col_severity: "Vakavuus",
    col_code: "Koodi",
    col_cell: "Solu",
    col_message: "Viesti",
    col_hint: "Ohje",
    total: "Yhteensä",
    programme: "Ohjelma",
    year: "Vuosi",
    annual_budget: "Vuosibudjetti",
    date_label: "Päivämäärä",
    by_department: "Toimialoittain",
    by_focus_area: "Painopisteittäin",
    measures_of_year: "Vuoden {year} toimenpiteet",
    page_of: "Sivu {page} / {pages}",
    sources_note: "Luvut on koottu toimialojen ilmoituksista; lähteet on lueteltu välilehdellä Lähteet.",
    severity_words: ["virhe", "varoitus"],
    annotated_suffix: "tarkistettu",
    text_too_long: "Teksti on {count} merkkiä, mutta Excelin soluun mahtuu {limit}; kooste-työkirjaan se tallentuu lyhennettynä.",
    text_too_long_hint: "CSV- ja JSON-viennit säilyttävät tekstin kokonaan; lyhennä tekstiä tarvittaessa.",
    too_many_measures: "{count} toimenpidettä ei mahdu Excel-taulukkoon (enintään {limit} riviä). Jaa aineisto osiin tai käytä CSV- tai JSON-vientiä.",
    findings_cut: "… ja {count} muuta havaintoa, jotka eivät mahdu taulukkoon: katso kooste validate --format json.",
    list_cut: "… ja {count} muuta. Kaikki ovat koosteen työkirjassa.",
    too_large: "Tiedosto on liian suuri luettavaksi: {found} {what}, kun raja on {limit}.",
    too_large_hint: "Tarkista, että tiedosto on oikea. Rajaa voi nostaa valitsimilla --max-unpacked-mb ja --max-cells.",
    word_bytes: "tavua",
    word_cells: "solua",
    sheet_instructions: "Ohjeet",
    sheet_lists: "Listat",
    deadline_line: "Palautus viimeistään {deadline}.",
    contact_line: "Yhteyshenkilö: {contact}.",
    col_column: "Sarake",
    col_required: "Pakollinen",
    col_description: "Kuvaus",
    col_allowed: "Sallitut arvot",
    yes_no_yes: "kyllä",
    yes_no_no: "ei",
    instructions_intro: "Kirjoita välilehdelle {sheet} yksi toimenpide riviä kohden. Harmaa esimerkkirivi ja Yhteensä-rivi täyttyvät itsestään eikä niitä lueta toimenpiteiksi. Valitse listasta painopiste, vaihe, alue ja teema; useita alueita tai teemoja erotetaan puolipisteellä.",
    example_measure: "Esimerkki: kesäkerho",
    left_empty: "{file}: seuraavat solut jätettiin tyhjiksi: {cells}",
    example_story: "Lyhyt kertomus siitä, mitä toimenpide sai aikaan.",
    key_figures: "Tunnusluvut",
    col_reached: "Tavoitetut asukkaat",
    by_status: "Vaiheittain",
    by_area: "Alueittain",
    dept_by_focus: "Toimialat ja painopisteet (budjetti €)",
    area_split_even: "Usean alueen toimenpide lasketaan jokaiselle alueelleen, ja sen eurot jaetaan tasan alueiden kesken.",
    area_split_full: "Usean alueen toimenpide lasketaan jokaiselle alueelleen kokonaan, joten alueiden summa voi ylittää kokonaissumman.",
    sheet_charts: "Kaaviot",
    sheet_comparison: "Vertailu",
    sheet_area_split: "Aluejako",
    chart_budget_actual: "Budjetti ja toteuma toimialoittain",
    chart_budget_focus: "Budjetti painopisteittäin",
    chart_status_dept: "Toimenpiteet vaiheittain toimialoittain",
    chart_budget_year: "Budjetti vuosittain",
    cmp_added: "Uudet toimenpiteet",
    cmp_ended: "Päättyneet toimenpiteet",
    cmp_carried: "Jatkuvat toimenpiteet",
    cmp_status_changes: "Vaihemuutokset",
    cmp_budget_dept: "Budjetin muutos toimialoittain",
    cmp_budget_focus: "Budjetin muutos painopisteittäin",
    col_change_eur: "Muutos (€)",
    col_change_pct: "Muutos (%)",
    col_prev_status: "Aiempi vaihe",
    col_new_status: "Uusi vaihe",
    col_share: "Osuus",
    col_row: "Rivi",
    cmp_counts: "Toimenpiteiden muutokset",
};

/// Swedish.
pub static SV: Texts = Texts {
    unreadable: "Filen kan inte läsas som ett kalkylblad: {reason}",
    unreadable_hint: "Spara filen i Excel-format (.xlsx) och skicka den på nytt.",
    empty_file: "Filen är tom (0 byte).",
    html_file: "Filen är en HTML-sida och inte ett kalkylblad, trots ändelsen .{ext}.",
    encrypted: "Arbetsboken är lösenordsskyddad och kan inte läsas.",
    encrypted_hint: "Be avsändaren ta bort lösenordet och skicka filen på nytt. Be inte om lösenordet.",
    no_sheet: "Ingen flik har en rubrikrad för åtgärder (flikar som granskades: {sheets}).",
    no_sheet_hint: "Rubrikraden ska ha kolumner som {examples}.",
    no_sheet_missing_hint: "Rad {row} på fliken {sheet} har rubriker, men de obligatoriska kolumnerna {missing} saknas.",
    missing_column: "Den obligatoriska kolumnen \"{field}\" saknas.",
    missing_column_hint: "Lägg till kolumnen \"{field}\" på rubrikraden.",
    duplicate_column: "Kolumnerna {first} och {second} avser båda fältet \"{field}\".",
    duplicate_column_hint: "Ta bort eller byt namn på den ena kolumnen; endast den första läses.",
    unknown_column: "Rubriken \"{value}\" känns inte igen; kolumnens uppgifter lämnas obeaktade.",
    unknown_column_hint: "Kontrollera rubrikens stavning.",
    did_you_mean: "Menade du \"{value}\"?",
    missing_value: "Den obligatoriska uppgiften \"{field}\" saknas.",
    missing_value_hint: "Fyll i cellen.",
    type_error: "\"{value}\" är inte {kind}.",
    too_large_number: "Talet {value} är för stort för att vara {kind}.",
    unprintable_text: "Åtgärden \"{measure}\" har i fältet \"{field}\" tecken som rapportens typsnitt saknar; de syns som tomma rutor i PDF-filen: {chars}.",
    unshaped_text: "Åtgärden \"{measure}\" har i fältet \"{field}\" text som skrivs från höger till vänster (arabiska, hebreiska), som rapporten inte formar: bokstäverna skrivs ut var för sig och från vänster till höger.",
    unprintable_hint: "Rapporten visar latinska, grekiska och kyrilliska bokstäver; i arbetsboken och exportfilerna sparas texten som den är.",
    unknown_unit: "Enheten \"{unit}\" i kolumnen \"{header}\" är okänd, så dess tal läses inte: kooste läser belopp i euro och andra tal i styck.",
    unknown_unit_hint: "Räkna om talen till euro (årsverken i år, invånare i styck) och ta bort enheten \"{unit}\" ur rubriken.",
    merged_amount: "Talet i fältet \"{field}\" är sammanfogat över flera rader från cellen {anchor}; det kan inte räknas för varje åtgärd.",
    merged_amount_hint: "Dela upp de sammanfogade cellerna och skriv varje åtgärds eget tal på dess rad.",
    error_value: "Cellen innehåller felvärdet {value}.",
    kind_names: [
        "ett eurobelopp",
        "ett tal",
        "ett heltal",
        "ett årtal",
        "ett datum",
    ],
    kind_hints: [
        "Skriv beloppet med siffror, t.ex. 12 500 eller 12 500,50 €.",
        "Skriv ett tal, t.ex. 1,5.",
        "Skriv ett heltal, t.ex. 120.",
        "Skriv året med fyra siffror, t.ex. 2021.",
        "Skriv datumet som 31.12.2021.",
    ],
    not_allowed: "\"{value}\" är inte ett tillåtet värde för {what}.",
    allowed_values: "Tillåtna värden: {values}.",
    list_names: ["sektor", "fokusområde", "område", "skede", "tema"],
    negative: "Värdet i fältet \"{field}\" kan inte vara negativt ({value}).",
    negative_hint: "Kontrollera tecknet.",
    year_out_of_range: "Året {value} hör inte till programperioden {first}–{last}.",
    year_hint: "Kontrollera året.",
    not_email: "\"{value}\" är ingen e-postadress.",
    email_hint: "Skriv adressen som namn@exempel.fi.",
    formula_without_value: "Cellen har formeln ={value}, men filen innehåller inget beräknat resultat.",
    formula_hint: "Öppna filen i Excel eller LibreOffice och spara den, eller skriv talet i stället för formeln.",
    total_mismatch: "Totalradens {field} är {total}, men summan av raderna ovan är {sum} (skillnad {diff}).",
    total_hint: "Rätta totalraden eller radernas tal.",
    spent_exceeds: "Utfallet {spent} överskrider budgeten {budget} ({diff}).",
    spent_exceeds_hint: "Kontrollera talen eller ange orsaken till överskridningen.",
    completed_no_spend: "Skedet är \"{status}\", men inget utfall har angetts.",
    planning_spent: "Skedet är \"{status}\", men utfallet {spent} är över hälften av budgeten {budget}.",
    status_hint: "Uppdatera skedet eller kontrollera utfallet.",
    duplicate_measure: "Åtgärden \"{value}\" finns redan på rad {other}.",
    duplicate_measure_other: "Åtgärden \"{value}\" finns också i sektorns {department} anmälan ({other}).",
    duplicate_measure_hint: "Ta bort dubbletten eller slå ihop raderna.",
    several_departments: "Filens rader anger flera sektorer: {values}.",
    title_department: "Radens sektor {value} är inte rubrikens sektor {department}.",
    department_hint: "En fil är en sektors anmälan.",
    budget_exceeds: "Budgetarna för {year} är sammanlagt {total}, vilket överskrider programmets årsbudget {budget} (överskridning {diff}).",
    budget_exceeds_hint: "Kontrollera sektorernas budgetar.",
    missing_submission: "Sektorn {department} har inga åtgärder för år {year}.",
    missing_submission_hint: "Be sektorn om en anmälan.",
    wrong_year: "Raden gäller år {value}, men året som rapporteras är {year}.",
    wrong_year_hint: "Rätta året eller ange rätt år med --year.",
    ambiguous_number: "\"{value}\" kan läsas på två sätt: {first} eller {second}. Filen visar inte om {mark} är decimaltecken eller tusentalsavgränsare.",
    ambiguous_number_hint: "Skriv talet utan tusentalsavgränsare och med decimaler efter kommatecknet, t.ex. 90000 eller 90,50.",
    invalid_bytes: "Rad {row} har byten {bytes}, som inte är giltig {encoding}-text; där står tecknet �.",
    nul_byte: "Rad {row} har ett NUL-tecken (byten 0x00).",
    invalid_bytes_hint: "Kontrollera radens text och spara filen på nytt som CSV UTF-8.",
    unknown_encoding: "Filens teckenkodning kan inte avgöras: {candidates} skulle ge olika tecken (t.ex. {example}). Filen läses inte på gissning.",
    unknown_encoding_hint: "Spara filen som CSV UTF-8 eller som Excel-arbetsbok.",
    unread_sheet: "Också bladet \"{sheet}\" har en rubrikrad för åtgärder, men bara bladet \"{read}\" läses.",
    unread_sheet_hint: "Flytta åtgärderna till ett blad eller skicka dem som separata filer.",
    unread_column: "Kolumn {column} har uppgifter ({count} celler) men ingen rubrik, så de läses inte.",
    unread_column_hint: "Ge kolumnen en rubrik eller ta bort uppgifterna.",
    unread_row: "Raden har uppgifter (\"{value}\") men är ingen åtgärd, så den läses inte.",
    unread_row_hint: "Mellanrubriker och anmärkningar förs inte över till sammanställningen; om raden är en åtgärd, fyll i dess fält.",
    own_output: "Filen är en av koostes egna utdata ({kind}), så den läses inte som en inlämning.",
    own_output_hint: "Håll utdata i en annan mapp än sektorernas inlämningar.",
    duplicate_file: "Filens rader är desamma som i filen {other}, så den läses inte en gång till (åtgärderna skulle komma med två gånger).",
    duplicate_file_hint: "Ta bort kopian eller den konverterade filen ur inlämningarnas mapp; om filerna är olika inlämningar, kontrollera deras innehåll.",
    prefill_changed: "Raden har bara sektor eller år (\"{value}\"), annat än mallens övriga tomma rader, men inga andra uppgifter, så den läses inte som en åtgärd.",
    prefill_changed_hint: "Om raden är en åtgärd, fyll i dess fält; annars återställ radens sektor och år eller töm raden.",
    example_changed: "Raden är mallens exempelrad, men uppgifter om en åtgärd har skrivits in på den (\"{value}\"), så den läses inte som en åtgärd.",
    example_changed_hint: "Flytta åtgärden till en egen rad under exempelraden eller ta bort exempelmärkningen i början av raden.",
    formula_mismatch: "Cellens formel ={formula} ger {evaluated}, men filen har resultatet {stored} sparat, så talet läses inte.",
    formula_mismatch_hint: "Filen räknades inte om när den sparades (manuell beräkning?). Tryck F9 i Excel (Ctrl+Skift+F9 i LibreOffice), kontrollera talet och spara.",
    unknown_unit_format: "Cellens tal {value} visas med enheten \"{unit}\" (cellens talformat), men fältet \"{field}\" läses inte i den enheten, så talet läses inte: det skulle vara fel med en faktor.",
    unknown_unit_format_hint: "Skriv talet i euro (årsverken i år, invånare i styck) och ta bort enheten \"{unit}\" ur cellens talformat.",
    no_measures: "Inga åtgärder hittades (sökta platser: {inputs}). Ingenting skrevs.",
    no_measures_hint: "Kontrollera att mappen innehåller sektorernas ifyllda inlämningar.",
    own_output_kinds: [
        "sammanställning",
        "granskad kopia",
        "konverterad fil",
        "CSV-export",
        "JSON-export",
    ],
    summary_line: "{files}, {measures}{left_out}, {errors}, {warnings}",
    count_files: ["{n} fil", "{n} filer"],
    count_measures: ["{n} åtgärd", "{n} åtgärder"],
    count_errors: ["{n} fel", "{n} fel"],
    count_warnings: ["{n} varning", "{n} varningar"],
    left_out: " ({rows}: {reasons})",
    left_out_rows: ["{n} rad utelämnades", "{n} rader utelämnades"],
    left_out_duplicate: ["{n} dubblett", "{n} dubbletter"],
    left_out_wrong_year: ["{n} från ett annat år", "{n} från ett annat år"],
    left_out_errors: ["{n} med fel", "{n} med fel"],
    build_blocked: "Inga resultat skrevs eftersom anmälningarna har {errors}. Rätta dem eller använd --draft.",
    wrote: "Skrev: {path}",
    writing: "Skriver {path} …",
    no_such_input: "Filen eller mappen finns inte",
    draft: "UTKAST",
    annual_report: "Årsrapport",
    sheet_names: ["Sammanfattning", "Åtgärder", "Kontroller", "Källor"],
    col_department: "Sektor",
    col_focus_area: "Fokusområde",
    col_measures: "Åtgärder",
    col_budget: "Budget (€)",
    col_spent: "Utfall (€)",
    col_utilisation: "Utnyttjandegrad",
    col_fte: "Årsverken",
    col_status: "Skede",
    col_areas: "Områden",
    col_source_file: "Källfil",
    col_source_cell: "Källcell",
    col_sheet: "Flik",
    col_sha256: "SHA-256",
    col_format: "Format",
    col_header_row: "Rubrikrad",
    col_rows: "Rader",
    col_severity: "Allvarlighet",
    col_code: "Kod",
    col_cell: "Cell",
    col_message: "Meddelande",
    col_hint: "Anvisning",
    total: "Totalt",
    programme: "Program",
    year: "År",
    annual_budget: "Årsbudget",
    date_label: "Datum",
    by_department: "Per sektor",
    by_focus_area: "Per fokusområde",
    measures_of_year: "Åtgärderna år {year}",
    page_of: "Sida {page} / {pages}",
    sources_note: "Talen har sammanställts ur sektorernas anmälningar; källorna finns på fliken Källor.",
    severity_words: ["fel", "varning"],
    annotated_suffix: "granskad",
    text_too_long: "Texten har {count} tecken, men en Excel-cell rymmer {limit}; i sammanställningen sparas den förkortad.",
    text_too_long_hint: "CSV- och JSON-exporterna behåller texten hel; förkorta texten vid behov.",
    too_many_measures: "{count} åtgärder ryms inte i ett Excel-blad (högst {limit} rader). Dela upp materialet eller använd CSV- eller JSON-exporten.",
    findings_cut: "… och {count} andra iakttagelser som inte ryms i bladet: se kooste validate --format json.",
    list_cut: "… och {count} till. Alla finns i sammanställningens arbetsbok.",
    too_large: "Filen är för stor för att läsas: {found} {what}, gränsen är {limit}.",
    too_large_hint: "Kontrollera att filen är rätt. Gränsen kan höjas med --max-unpacked-mb och --max-cells.",
    word_bytes: "byte",
    word_cells: "celler",
    sheet_instructions: "Anvisningar",
    sheet_lists: "Listor",
    deadline_line: "Returneras senast {deadline}.",
    contact_line: "Kontaktperson: {contact}.",
    col_column: "Kolumn",
    col_required: "Obligatorisk",
    col_description: "Beskrivning",
    col_allowed: "Tillåtna värden",
    yes_no_yes: "ja",
    yes_no_no: "nej",
    instructions_intro: "Skriv en åtgärd per rad på fliken {sheet}. Den grå exempelraden och totalraden fylls i av sig själva och läses inte som åtgärder. Välj fokusområde, skede, område och tema i listan; skilj flera områden eller teman med semikolon.",
    example_measure: "Exempel: sommarklubb",
    left_empty: "{file}: följande celler lämnades tomma: {cells}",
    example_story: "En kort berättelse om vad åtgärden åstadkom.",
    key_figures: "Nyckeltal",
    col_reached: "Nådda invånare",
    by_status: "Per skede",
    by_area: "Per område",
    dept_by_focus: "Sektorer och fokusområden (budget €)",
    area_split_even: "En åtgärd i flera områden räknas för varje område, och dess euro delas lika mellan områdena.",
    area_split_full: "En åtgärd i flera områden räknas helt för varje område, så områdenas summa kan överstiga totalen.",
    sheet_charts: "Diagram",
    sheet_comparison: "Jämförelse",
    sheet_area_split: "Områdesfördelning",
    chart_budget_actual: "Budget och utfall per sektor",
    chart_budget_focus: "Budget per fokusområde",
    chart_status_dept: "Åtgärder per skede och sektor",
    chart_budget_year: "Budget per år",
    cmp_added: "Nya åtgärder",
    cmp_ended: "Avslutade åtgärder",
    cmp_carried: "Fortsatta åtgärder",
    cmp_status_changes: "Ändrade skeden",
    cmp_budget_dept: "Budgetförändring per sektor",
    cmp_budget_focus: "Budgetförändring per fokusområde",
    col_change_eur: "Förändring (€)",
    col_change_pct: "Förändring (%)",
    col_prev_status: "Tidigare skede",
    col_new_status: "Nytt skede",
    col_share: "Andel",
    col_row: "Rad",
    cmp_counts: "Förändringar i åtgärderna",
};

/// English.
pub static EN: Texts = Texts {
    unreadable: "The file cannot be read as a spreadsheet: {reason}",
    unreadable_hint: "Save the file as an Excel workbook (.xlsx) and send it again.",
    empty_file: "The file is empty (0 bytes).",
    html_file: "The file is an HTML page, not a spreadsheet, although it is named .{ext}.",
    encrypted: "The workbook is protected with a password and cannot be read.",
    encrypted_hint: "Ask the sender to remove the password and send the file again. Do not ask for the password.",
    no_sheet: "No sheet has a header row of measures (sheets looked at: {sheets}).",
    no_sheet_hint: "The header row needs columns such as {examples}.",
    no_sheet_missing_hint: "Row {row} of sheet {sheet} has headers, but lacks the required columns {missing}.",
    missing_column: "The required column \"{field}\" is missing.",
    missing_column_hint: "Add a column \"{field}\" to the header row.",
    duplicate_column: "Columns {first} and {second} both mean the field \"{field}\".",
    duplicate_column_hint: "Remove or rename one of them; only the first is read.",
    unknown_column: "The header \"{value}\" is not recognised; the column's data is ignored.",
    unknown_column_hint: "Check the header's spelling.",
    did_you_mean: "Did you mean \"{value}\"?",
    missing_value: "The required field \"{field}\" is empty.",
    missing_value_hint: "Fill in the cell.",
    type_error: "\"{value}\" is not {kind}.",
    too_large_number: "The number {value} is too large to be {kind}.",
    unprintable_text: "The {field} of measure \"{measure}\" has characters the report's font lacks; they show as empty boxes in the PDF: {chars}.",
    unshaped_text: "The {field} of measure \"{measure}\" has right-to-left text (Arabic, Hebrew) that the report does not shape: its letters print separately and from left to right.",
    unprintable_hint: "The report shows Latin, Greek and Cyrillic letters; the workbook and the exports keep the text as it is.",
    unknown_unit: "The unit \"{unit}\" of column \"{header}\" is not known, so its numbers are not read: kooste reads amounts in euros and other numbers as counts.",
    unknown_unit_hint: "Convert the numbers to euros (FTE in years, people as counts) and remove the unit \"{unit}\" from the header.",
    merged_amount: "The number in field \"{field}\" is merged over several rows from cell {anchor}; it cannot be counted for each measure.",
    merged_amount_hint: "Unmerge the cells and type each measure's own number on its row.",
    error_value: "The cell holds the error value {value}.",
    kind_names: [
        "an amount of euros",
        "a number",
        "a whole number",
        "a year",
        "a date",
    ],
    kind_hints: [
        "Type the amount in figures, e.g. 12500 or 12 500,50 €.",
        "Type a number, e.g. 1.5.",
        "Type a whole number, e.g. 120.",
        "Type the year in four digits, e.g. 2021.",
        "Type the date as 31.12.2021.",
    ],
    not_allowed: "\"{value}\" is not an allowed {what}.",
    allowed_values: "Allowed values: {values}.",
    list_names: ["department", "focus area", "area", "status", "theme"],
    negative: "The field \"{field}\" cannot be negative ({value}).",
    negative_hint: "Check the sign.",
    year_out_of_range: "The year {value} is outside the programme years {first}–{last}.",
    year_hint: "Check the year.",
    not_email: "\"{value}\" is not an e-mail address.",
    email_hint: "Type the address as name@example.fi.",
    formula_without_value: "The cell holds the formula ={value}, but the file stores no computed result.",
    formula_hint: "Open the file in Excel or LibreOffice and save it, or type the figure instead of the formula.",
    total_mismatch: "The total row's {field} is {total}, but the rows above add up to {sum} (difference {diff}).",
    total_hint: "Correct the total row or the rows' figures.",
    spent_exceeds: "The actual {spent} exceeds the budget {budget} ({diff}).",
    spent_exceeds_hint: "Check the figures or give the reason for the overrun.",
    completed_no_spend: "The status is \"{status}\", but no actual spend is given.",
    planning_spent: "The status is \"{status}\", but the actual {spent} is over half the budget {budget}.",
    status_hint: "Update the status or check the actual.",
    duplicate_measure: "The measure \"{value}\" is already on row {other}.",
    duplicate_measure_other: "The measure \"{value}\" is also in the submission of {department} ({other}).",
    duplicate_measure_hint: "Remove the duplicate or merge the rows.",
    several_departments: "The file's rows name several departments: {values}.",
    title_department: "The row's department {value} is not the title's department {department}.",
    department_hint: "One file is one department's submission.",
    budget_exceeds: "The budgets for {year} add up to {total}, over the programme's annual budget of {budget} (by {diff}).",
    budget_exceeds_hint: "Check the departments' budgets.",
    missing_submission: "The department {department} has no measures for {year}.",
    missing_submission_hint: "Ask the department for its submission.",
    wrong_year: "The row is for {value}, but the year being reported is {year}.",
    wrong_year_hint: "Correct the year, or give the right year with --year.",
    ambiguous_number: "\"{value}\" can be read two ways: {first} or {second}. Nothing in the file tells whether {mark} is the decimal mark or a thousands separator.",
    ambiguous_number_hint: "Type the number without thousands separators, e.g. 90000 or 90.50.",
    invalid_bytes: "Row {row} has the byte {bytes}, which is not valid {encoding} text; it shows as �.",
    nul_byte: "Row {row} has a NUL character (byte 0x00).",
    invalid_bytes_hint: "Check the row's text and save the file again as CSV UTF-8.",
    unknown_encoding: "The file's character encoding cannot be told: {candidates} would give different characters (e.g. {example}). The file is not read on a guess.",
    unknown_encoding_hint: "Save the file as CSV UTF-8 or as an Excel workbook.",
    unread_sheet: "Sheet \"{sheet}\" also has a measure header, but only sheet \"{read}\" is read.",
    unread_sheet_hint: "Move the measures onto one sheet, or send them as separate files.",
    unread_column: "Column {column} has values ({count} cells) but no header, so they are not read.",
    unread_column_hint: "Give the column a header, or delete the values.",
    unread_row: "The row has values (\"{value}\") but is not a measure, so it is not read.",
    unread_row_hint: "Headings and notes are not carried into the consolidation; if the row is a measure, fill in its fields.",
    own_output: "The file is one of kooste's own outputs ({kind}), so it is not read as a submission.",
    own_output_hint: "Keep the outputs in another folder than the departments' submissions.",
    duplicate_file: "The file's rows are those of {other}, so it is not read a second time (its measures would count twice).",
    duplicate_file_hint: "Remove the copy or the converted file from the submissions' folder; if the files are different submissions, check their contents.",
    prefill_changed: "The row has only a department or year (\"{value}\"), unlike the template's other empty rows, and nothing else, so it is not read as a measure.",
    prefill_changed_hint: "If the row is a measure, fill in its fields; otherwise restore the row's department and year or clear the row.",
    example_changed: "The row is the template's example row, but a measure's details were typed into it (\"{value}\"), so it is not read as a measure.",
    example_changed_hint: "Move the measure to a row of its own below the example row, or remove the example label at the start of the row.",
    formula_mismatch: "The cell's formula ={formula} gives {evaluated}, but the file stores the result {stored}, so the figure is not read.",
    formula_mismatch_hint: "The file was not recalculated when it was saved (manual calculation?). Press F9 in Excel (Ctrl+Shift+F9 in LibreOffice), check the figure and save.",
    unknown_unit_format: "The cell's number {value} is shown with the unit \"{unit}\" (the cell's number format), but field \"{field}\" is not read in that unit, so the number is not read: it would be off by a factor.",
    unknown_unit_format_hint: "Type the number in euros (FTE in years, people as counts) and remove the unit \"{unit}\" from the cell's number format.",
    no_measures: "No measures were found (looked in: {inputs}). Nothing was written.",
    no_measures_hint: "Check that the folder holds the departments' filled-in submissions.",
    own_output_kinds: [
        "consolidated workbook",
        "annotated copy",
        "converted file",
        "CSV export",
        "JSON export",
    ],
    summary_line: "{files}, {measures}{left_out}, {errors}, {warnings}",
    count_files: ["{n} file", "{n} files"],
    count_measures: ["{n} measure", "{n} measures"],
    count_errors: ["{n} error", "{n} errors"],
    count_warnings: ["{n} warning", "{n} warnings"],
    left_out: " ({rows}: {reasons})",
    left_out_rows: ["{n} row left out", "{n} rows left out"],
    left_out_duplicate: ["{n} duplicate", "{n} duplicates"],
    left_out_wrong_year: ["{n} of another year", "{n} of another year"],
    left_out_errors: ["{n} with errors", "{n} with errors"],
    build_blocked: "No outputs were written because the submissions have {errors}. Correct them or use --draft.",
    wrote: "Wrote: {path}",
    writing: "Writing {path} …",
    no_such_input: "No such file or folder",
    draft: "DRAFT",
    annual_report: "Annual report",
    sheet_names: ["Summary", "Measures", "Findings", "Sources"],
    col_department: "Department",
    col_focus_area: "Focus area",
    col_measures: "Measures",
    col_budget: "Budget (EUR)",
    col_spent: "Actual (EUR)",
    col_utilisation: "Utilisation",
    col_fte: "FTE",
    col_status: "Status",
    col_areas: "Areas",
    col_source_file: "Source file",
    col_source_cell: "Source cell",
    col_sheet: "Sheet",
    col_sha256: "SHA-256",
    col_format: "Format",
    col_header_row: "Header row",
    col_rows: "Rows",
    col_severity: "Severity",
    col_code: "Code",
    col_cell: "Cell",
    col_message: "Message",
    col_hint: "Hint",
    total: "Total",
    programme: "Programme",
    year: "Year",
    annual_budget: "Annual budget",
    date_label: "Date",
    by_department: "By department",
    by_focus_area: "By focus area",
    measures_of_year: "Measures in {year}",
    page_of: "Page {page} / {pages}",
    sources_note: "The figures are compiled from the departments' submissions; the sources are listed on the Sources sheet.",
    severity_words: ["error", "warning"],
    annotated_suffix: "checked",
    text_too_long: "The text has {count} characters, but an Excel cell holds {limit}; the consolidated workbook stores it shortened.",
    text_too_long_hint: "The CSV and JSON exports keep the text whole; shorten it if need be.",
    too_many_measures: "{count} measures do not fit an Excel sheet (at most {limit} rows). Split the data or use the CSV or JSON export.",
    findings_cut: "… and {count} more findings that do not fit the sheet: see kooste validate --format json.",
    list_cut: "… and {count} more. All are in the consolidated workbook.",
    too_large: "The file is too large to read: {found} {what}, over the limit of {limit}.",
    too_large_hint: "Check that it is the right file. The limits can be raised with --max-unpacked-mb and --max-cells.",
    word_bytes: "bytes",
    word_cells: "cells",
    sheet_instructions: "Instructions",
    sheet_lists: "Lists",
    deadline_line: "Return by {deadline}.",
    contact_line: "Contact: {contact}.",
    col_column: "Column",
    col_required: "Required",
    col_description: "Description",
    col_allowed: "Allowed values",
    yes_no_yes: "yes",
    yes_no_no: "no",
    instructions_intro: "Type one measure per row on the sheet {sheet}. The grey example row and the total row fill in themselves and are not read as measures. Pick the focus area, status, area and theme from the list; separate several areas or themes with semicolons.",
    example_measure: "Example: summer club",
    left_empty: "{file}: these cells were left empty: {cells}",
    example_story: "A short story of what the measure achieved.",
    key_figures: "Key figures",
    col_reached: "People reached",
    by_status: "By status",
    by_area: "By area",
    dept_by_focus: "Departments and focus areas (budget EUR)",
    area_split_even: "A measure in several areas is counted in each, and its euros are split evenly between them.",
    area_split_full: "A measure in several areas is counted in full in each, so the areas can add up to more than the total.",
    sheet_charts: "Charts",
    sheet_comparison: "Comparison",
    sheet_area_split: "Area split",
    chart_budget_actual: "Budget and actual by department",
    chart_budget_focus: "Budget by focus area",
    chart_status_dept: "Measures by status per department",
    chart_budget_year: "Budget by year",
    cmp_added: "New measures",
    cmp_ended: "Ended measures",
    cmp_carried: "Carried-on measures",
    cmp_status_changes: "Status changes",
    cmp_budget_dept: "Budget change by department",
    cmp_budget_focus: "Budget change by focus area",
    col_change_eur: "Change (EUR)",
    col_change_pct: "Change (%)",
    col_prev_status: "Earlier status",
    col_new_status: "New status",
    col_share: "Share",
    col_row: "Row",
    cmp_counts: "Changes in measures",
};

/// Messages about where outputs go (see `output`), apart from [`Texts`].
pub struct OutputTexts {
    /// An output path that is not a regular file; {kind}.
    pub not_a_file: &'static str,
    /// {kind}: a device.
    pub kind_device: &'static str,
    /// {kind}: a FIFO.
    pub kind_fifo: &'static str,
    /// {kind}: a folder.
    pub kind_folder: &'static str,
    /// {kind}: a socket.
    pub kind_socket: &'static str,
    /// {kind}: anything else.
    pub kind_other: &'static str,
    /// Another run holds the output folder; {dir}.
    pub waiting: &'static str,
    /// Two outputs asked for standard output.
    pub one_stdout: &'static str,
}

impl Lang {
    /// This language's messages about outputs.
    pub fn output_texts(self) -> &'static OutputTexts {
        match self {
            Lang::Fi => &OUTPUT_FI,
            Lang::Sv => &OUTPUT_SV,
            Lang::En => &OUTPUT_EN,
        }
    }
}

static OUTPUT_FI: OutputTexts = OutputTexts {
    not_a_file: "tämä on {kind} eikä tavallinen tiedosto, joten kooste ei kirjoita sen tilalle. Anna tiedoston nimi (tai -, kun tuloste ohjataan vakiotulosteeseen).",
    kind_device: "laite",
    kind_fifo: "nimetty putki (FIFO)",
    kind_folder: "kansio",
    kind_socket: "pistoke (socket)",
    kind_other: "erikoistiedosto",
    waiting: "Toinen kooste-ajo kirjoittaa kansioon {dir}; odotetaan, että se valmistuu …",
    one_stdout: "vain yksi tuloste voi mennä vakiotulosteeseen (-).",
};

static OUTPUT_SV: OutputTexts = OutputTexts {
    not_a_file: "detta är {kind} och inte en vanlig fil, så kooste skriver inte i dess ställe. Ange ett filnamn (eller - när utdata ska till standard ut).",
    kind_device: "en enhet",
    kind_fifo: "ett namngivet rör (FIFO)",
    kind_folder: "en mapp",
    kind_socket: "en socket",
    kind_other: "en specialfil",
    waiting: "En annan kooste-körning skriver i mappen {dir}; väntar tills den är klar …",
    one_stdout: "bara en utdata kan gå till standard ut (-).",
};

static OUTPUT_EN: OutputTexts = OutputTexts {
    not_a_file: "this is {kind}, not a regular file, so kooste does not write in its place. Give a file name (or - where the output is to go to standard output).",
    kind_device: "a device",
    kind_fifo: "a named pipe (FIFO)",
    kind_folder: "a folder",
    kind_socket: "a socket",
    kind_other: "a special file",
    waiting: "Another kooste run is writing into {dir}; waiting for it to finish …",
    one_stdout: "only one output can go to standard output (-).",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finnish_euros_use_no_break_spaces() {
        assert_eq!(
            Lang::Fi.euros(Cents(123_456_700)),
            "1\u{a0}234\u{a0}567\u{a0}€"
        );
        assert_eq!(
            Lang::Fi.euros_exact(Cents(1_250_050)),
            "12\u{a0}500,50\u{a0}€"
        );
        assert_eq!(Lang::En.euros(Cents(123_456_700)), "€1,234,567");
        assert_eq!(Lang::Fi.euros(Cents(0)), "0\u{a0}€");
    }

    #[test]
    fn decimals_and_dates() {
        assert_eq!(Lang::Fi.decimal(1234.5, 1), "1\u{a0}234,5");
        assert_eq!(Lang::En.percent(0.875), "87.5%");
        let d = Date::new(2021, 12, 31).unwrap();
        assert_eq!(Lang::Fi.date(d), "31.12.2021");
        assert_eq!(Lang::Sv.date(d), "31.12.2021");
        assert_eq!(Lang::En.date(d), "31 December 2021");
    }

    #[test]
    fn the_summary_line_counts_in_singular_and_plural() {
        let tally = crate::model::Tally {
            measures: 21,
            duplicate: 1,
            ..Default::default()
        };
        assert_eq!(
            summary_line(Lang::Fi, 7, &tally, (1, 0)),
            "7 tiedostoa, 21 toimenpidettä (1 rivi jätettiin pois: 1 kaksoiskappale), 1 virhe, 0 varoitusta"
        );
        let tally = crate::model::Tally {
            measures: 1,
            duplicate: 1,
            wrong_year: 0,
            errors: 2,
        };
        assert_eq!(
            summary_line(Lang::Sv, 1, &tally, (2, 1)),
            "1 fil, 1 åtgärd (3 rader utelämnades: 1 dubblett, 2 med fel), 2 fel, 1 varning"
        );
        assert_eq!(
            summary_line(Lang::En, 2, &crate::model::Tally::default(), (0, 2)),
            "2 files, 0 measures, 0 errors, 2 warnings"
        );
    }

    #[test]
    fn fill_replaces_placeholders() {
        assert_eq!(fill("{a} ja {b}", &[("a", "x"), ("b", "y")]), "x ja y");
    }
}
