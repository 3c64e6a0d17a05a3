//! Real submissions read right (issue 17), second trial: kinds of file a
//! fresh trial on 2026-12-01 found misread, each written by the application
//! that writes such files (tests/fixtures/real/make_trials.py). The values
//! kooste reads are checked in its JSON export, the findings by code, cell
//! and message.

use crate::common::*;
use serde_json::Value;

fn message_at(fs: &[Value], cell: &str) -> String {
    fs.iter()
        .find(|f| f["cell"] == cell)
        .and_then(|f| f["message"].as_str())
        .unwrap_or_else(|| panic!("no finding at {cell}: {fs:?}"))
        .to_string()
}

#[test]
fn an_fte_shown_as_a_duration_is_a_type_error_quoting_what_is_shown() {
    // `[h]:mm` shows 1,5 as 36:00: read as 1,5 FTE in silence before, in
    // xlsx (calamine's durations) and xls alike; LibreOffice's .ods was
    // right. The xls reader knows the bracket's unit (`[mm]:ss`: 2880:00).
    for (file, mm) in [
        ("xlsxwriter_fte_as_duration.xlsx", "48:00"),
        ("lo_fte_as_duration.xls", "2880:00"),
    ] {
        let (exit, fs) = real_findings(file, &[]);
        assert_eq!(exit, 1, "{file}");
        assert_eq!(
            codes_at(&fs),
            pairs(&[
                ("type-error", "J2"),
                ("type-error", "J3"),
                ("type-error", "J4")
            ]),
            "{file}"
        );
        assert!(message_at(&fs, "J2").contains("\"36:00\""), "{file}");
        assert!(
            message_at(&fs, "J3").contains(&format!("\"{mm}\"")),
            "{file}"
        );
        assert!(message_at(&fs, "J4").contains("\"18:00\""), "{file}");
    }
}

#[test]
fn a_csv_in_a_code_page_not_offered_is_refused_not_read_as_mac_roman() {
    // cp850's ä and ö are Ñ and î in Mac Roman, „ and ” in Windows-1252:
    // no reading is Finnish, so none is taken (it was Mac Roman, exit 0,
    // "YlÑkoulujen tyîpajat" in every output).
    let (exit, fs) = real_findings("csv_cp850_dos_export.csv", &[]);
    assert_eq!(exit, 1);
    assert_eq!(codes_at(&fs), pairs(&[("unknown-encoding", "")]));
    let msg = fs[0]["message"].as_str().unwrap();
    assert!(
        msg.contains("Mac Roman") && msg.contains("Windows-1252"),
        "{msg}"
    );
}

#[test]
fn a_measure_whose_actual_is_a_subtotal_of_its_quarters_stays_a_measure() {
    // Excel's AutoSum in a filtered list writes `=SUBTOTAL(9,K2:N2)`: the
    // rows were taken for subtotal rows (0 measures and six false
    // total-mismatch errors; a matching one vanished in silence). A row
    // that names a focus area, area or status is a measure; its actual is
    // the formula's value, stored (LibreOffice) or evaluated (openpyxl).
    for file in [
        "openpyxl_actual_as_row_subtotal.xlsx",
        "lo_actual_as_row_subtotal.xlsx",
        "lo_actual_as_row_subtotal.xls",
    ] {
        let (exit, fs) = real_findings(file, &[]);
        assert_eq!(exit, 0, "{file}: {:?}", codes_at(&fs));
        assert!(
            fs.iter().all(|f| f["code"] == "unknown-column"),
            "{file}: {:?}",
            codes_at(&fs)
        );
        let spent: Vec<f64> = real_measures(file)
            .iter()
            .map(|m| m["spent_eur"].as_f64().unwrap())
            .collect();
        assert_eq!(spent, [91500.0, 238900.0, 20000.0], "{file}");
    }
}

#[test]
fn a_csv_row_with_values_right_of_its_header_is_shifted_and_not_read() {
    // `98,000` unquoted in a comma-separated file was budget 98 € and
    // actual 0 €, exit 0; `Hakunila; Länsimäki` unquoted in a semicolon
    // one moved the status into the year. Each such row is an error at
    // its first cell right of the header, naming the separator, and none
    // of its figures is taken.
    let (exit, fs) = real_findings("csv_unquoted_thousands_comma.csv", &[]);
    assert_eq!(exit, 1);
    let shifted: Vec<_> = codes_at(&fs)
        .into_iter()
        .filter(|(code, _)| code == "shifted-row")
        .collect();
    assert_eq!(
        shifted,
        pairs(&[
            ("shifted-row", "K2"),
            ("shifted-row", "K3"),
            ("shifted-row", "K4")
        ])
    );
    let msg = message_at(&fs, "K2");
    assert!(msg.contains("\"500\"") && msg.contains("\",\""), "{msg}");
    let o = kooste(&["validate", &real("csv_unquoted_thousands_comma.csv")]);
    let summary = String::from_utf8_lossy(&o.stdout);
    assert!(
        summary.contains("0 toimenpidettä (3 riviä jätettiin pois"),
        "{summary}"
    );

    let file = "csv_unquoted_area_list_semicolon.csv";
    let (exit, fs) = real_findings(file, &[]);
    assert_eq!(exit, 1);
    assert!(codes_at(&fs).contains(&("shifted-row".to_string(), "K3".to_string())));
    assert!(message_at(&fs, "K3").contains("\";\""));
    let ms = real_measures(file);
    let read: Vec<(&str, f64)> = ms
        .iter()
        .map(|m| (m["id"].as_str().unwrap(), m["budget_eur"].as_f64().unwrap()))
        .collect();
    assert_eq!(read, [("KUKU-01", 98000.0), ("KUKU-03", 75000.0)]);
}

#[test]
fn an_unclosed_quote_is_a_character_and_the_rows_after_it_are_read() {
    // The crate read KUKU-02 and KUKU-03 into KUKU-01's story: two
    // measures and 325 000 € gone, exit 0, and KUKU-04 named as row 3.
    // LibreOffice shows four rows; so does kooste, and names each mark.
    let file = "csv_unclosed_quote_story.csv";
    let (exit, fs) = real_findings(file, &[]);
    assert_eq!(exit, 0, "{:?}", codes_at(&fs));
    assert_eq!(
        codes_at(&fs),
        pairs(&[("unclosed-quote", "J2"), ("unclosed-quote", "J4")])
    );
    assert!(message_at(&fs, "J2").contains("LibreOffice"));
    let ms = real_measures(file);
    let read: Vec<(&str, f64, &str)> = ms
        .iter()
        .map(|m| {
            (
                m["id"].as_str().unwrap(),
                m["budget_eur"].as_f64().unwrap(),
                m["source_cell"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        read,
        [
            ("KUKU-01", 98000.0, "D2"),
            ("KUKU-02", 250000.0, "D3"),
            ("KUKU-03", 75000.0, "D4"),
            ("KUKU-04", 25000.0, "D5")
        ]
    );
    assert_eq!(ms[0]["impact_story"], "\"Hyvä tulos");
}

#[test]
fn an_fte_past_any_measure_is_refused_so_no_sum_is_infinite() {
    // Two FTE cells of 1,7·10^308 passed and summed to infinity, which
    // the summary sheet wrote as `inf` (LibreOffice shows 0).
    let (exit, fs) = real_findings("openpyxl_fte_past_range.xlsx", &[]);
    assert_eq!(exit, 1);
    assert_eq!(
        codes_at(&fs),
        pairs(&[("type-error", "J2"), ("type-error", "J3")])
    );
    assert!(message_at(&fs, "J2").contains("1,7·10^308"));
}

#[test]
fn a_footnote_mark_set_above_the_line_is_no_digit_of_the_number() {
    // "98000" and a superscript "1" were read as 980 001 € (and "6"+"2"
    // as 62 FTE), exit 0, in xlsx (ExcelJS's shared strings, openpyxl's
    // inline strings), ods and xls (LibreOffice) alike: the runs were joined. The mark is read as shown, `¹`, so the
    // cell is no number, and the hint says why.
    for file in [
        "exceljs_footnote_marks.xlsx",
        "openpyxl_footnote_marks_inline.xlsx",
        "lo_footnote_marks.ods",
        "lo_footnote_marks.xls",
    ] {
        let (exit, fs) = real_findings(file, &[]);
        assert_eq!(exit, 1, "{file}");
        assert_eq!(
            codes_at(&fs),
            pairs(&[
                ("type-error", "H2"),
                ("type-error", "J3"),
                ("unread-content", "A6")
            ]),
            "{file}"
        );
        assert_eq!(fs[0]["value"], "98000¹", "{file}");
        assert_eq!(fs[1]["value"], "6²", "{file}");
        assert!(
            fs[0]["hint"].as_str().unwrap().contains("alaviitteen"),
            "{file}: {}",
            fs[0]["hint"]
        );
        // The row without a mark is read as typed.
        let ms = real_measures(file);
        assert_eq!(ms.len(), 1, "{file}");
        assert_eq!(ms[0]["budget_eur"], 75000.0, "{file}");
    }
}

#[test]
fn a_value_a_merge_hides_is_named_in_every_format_alike() {
    // LibreOffice keeps a covered cell's own value when asked to. The xlsx
    // read it (an actual of 91 500 € nobody sees, another name for
    // KUKU-03), while the ods and xls dropped it in silence. Now each
    // reads what the sheet shows and names the hidden value.
    for file in [
        "lo_merge_keeps_hidden_values.ods",
        "lo_merge_keeps_hidden_values.xls",
        "lo_merge_keeps_hidden_values.xlsx",
    ] {
        let (exit, fs) = real_findings(file, &[]);
        assert_eq!(exit, 1, "{file}");
        assert_eq!(
            codes_at(&fs),
            pairs(&[
                ("unread-content", "I2"),
                ("unread-content", "D4"),
                ("duplicate-measure", "D4")
            ]),
            "{file}"
        );
        assert_eq!(fs[0]["value"], "91500", "{file}");
        assert_eq!(fs[1]["value"], "Tempo-orkesteri", "{file}");
        assert!(
            message_at(&fs, "I2").contains("yhdistetyn alueen"),
            "{file}"
        );
        // The budget shows over both columns: it is the budget, and the
        // actual is empty (a number merged across is the first cell's).
        let ms = real_measures(file);
        assert_eq!(ms[0]["budget_eur"], 98000.0, "{file}");
        assert!(ms[0]["spent_eur"].is_null(), "{file}");
    }
}

#[test]
fn a_sheetjs_xls_whose_fat_ends_in_endofchain_is_read() {
    // SheetJS marks the FAT's unused entries ENDOFCHAIN (MS-CFB: FREESECT);
    // LibreOffice opens the file, the cfb crate refused it, and kooste
    // called the whole submission damaged. Its values read as written.
    let file = "sheetjs_biff8.xls";
    let (exit, fs) = real_findings(file, &[]);
    assert_eq!((exit, codes_at(&fs)), (0, vec![]));
    let read: Vec<(String, f64, f64)> = real_measures(file)
        .iter()
        .map(|m| {
            (
                m["measure"].as_str().unwrap().to_string(),
                m["budget_eur"].as_f64().unwrap(),
                m["fte"].as_f64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        read,
        [
            ("Alakoulujen erityisnuorisotyö".to_string(), 98000.0, 2.0),
            ("Yläkoulujen työpajat".to_string(), 250000.0, 3.5),
            ("Tempo-orkesteri".to_string(), 75000.0, 1.0)
        ]
    );
}

#[test]
fn three_decimals_after_the_files_own_mark_say_why_they_are_ambiguous() {
    // `12,50` makes the comma the decimal mark; `1,250` is still two
    // readings, and the message said the file told nothing of its mark.
    let file = "csv_three_decimals_after_the_mark.csv";
    let (exit, fs) = real_findings(file, &[]);
    assert_eq!(exit, 1);
    assert_eq!(codes_at(&fs), pairs(&[("ambiguous-number", "I2")]));
    let msg = message_at(&fs, "I2").replace('\u{a0}', " ");
    assert!(
        msg.contains("1 250 €")
            && msg.contains("1,25 €")
            && msg.contains("muissa luvuissa \",\" on desimaalierotin")
            && !msg.contains("ei selviä"),
        "{msg}"
    );
}

#[test]
fn a_total_line_cut_short_is_a_total_whose_misplaced_sum_is_named() {
    // `Yhteensä;;;;423 000` put the sum in the area column: seven errors
    // about a measure that is none. It is a total row; its number out of
    // place is named, not read.
    for (file, cell) in [
        ("csv_total_line_cut_short.csv", "E5"),
        ("csv_total_line_cut_short_department.csv", "B5"),
        ("csv_total_line_cut_short_focus_area.csv", "C5"),
    ] {
        let (exit, fs) = real_findings(file, &[]);
        assert_eq!(exit, 0, "{file}: {:?}", codes_at(&fs));
        assert_eq!(codes_at(&fs), pairs(&[("unread-content", cell)]), "{file}");
        assert_eq!(fs[0]["value"], "423 000", "{file}");
        assert_eq!(real_measures(file).len(), 3, "{file}");
    }
}

#[test]
fn rows_a_quote_took_into_one_cell_are_an_error_not_a_measures_new_figures() {
    // A quotation mark opened in KUKU-02's name closes in KUKU-04's text:
    // KUKU-03 vanished and KUKU-02 took KUKU-04's 9 000 €, exit 0. The
    // value's lines look like rows, so the row is an error; the rows
    // before and after the value read as typed.
    let file = "csv_quote_closed_rows_later.csv";
    let (exit, fs) = real_findings(file, &[]);
    assert_eq!(exit, 1);
    assert_eq!(codes_at(&fs), pairs(&[("quoted-rows", "D3")]));
    assert!(message_at(&fs, "D3").contains("2 riville"), "{fs:?}");
    let ids: Vec<String> = real_measures(file)
        .iter()
        .map(|m| m["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["KUKU-01"]);
}

#[test]
fn a_note_under_a_padded_header_is_a_column_without_a_header() {
    // Excel pads every row to the used range: the header ends `;;` and a
    // note stands in L3. The row has no more fields than the header, so
    // it is no shifted row (it was, and the measure was left out).
    let file = "csv_padded_header_note.csv";
    let (exit, fs) = real_findings(file, &[]);
    assert_eq!(exit, 0);
    assert_eq!(codes_at(&fs), pairs(&[("unread-content", "L3")]));
    assert_eq!(real_measures(file).len(), 3);
}

#[test]
fn one_latin1_row_in_a_utf8_file_is_a_bad_byte_not_another_encoding() {
    // One UTF-8 `ä` against one Latin-1 `ö`: read as ISO-8859-15, the name
    // was "KesÃ€", exit 0. A valid UTF-8 sequence counts against a
    // single-byte reading; the file stays UTF-8 and the byte is named.
    let file = "csv_utf8_one_latin1_row.csv";
    let (exit, fs) = real_findings(file, &[]);
    assert_eq!(exit, 1);
    assert_eq!(codes_at(&fs), pairs(&[("invalid-bytes", "")]));
    assert_eq!(fs[0]["row"], 3);
    let ms = real_measures(file);
    assert_eq!(ms.len(), 1);
    assert_eq!(ms[0]["measure"], "Kesä");
}

#[test]
fn a_converted_copy_of_a_shifted_row_leaves_its_figures_empty_and_says_so() {
    // `convert` wrote the shifted figures where they landed (98 € as the
    // budget), and the converted workbook then validated clean.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let o = kooste(&[
        "convert",
        &real("csv_unquoted_thousands_comma.csv"),
        "--to",
        "json",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).contains("jätettiin tyhjiksi: G2, H2, I2, J2"),
        "{}",
        stdout(&o)
    );
    let json: Value = serde_json::from_slice(
        &std::fs::read(out.join("csv_unquoted_thousands_comma.json")).unwrap(),
    )
    .unwrap();
    let first = &json.as_array().unwrap()[0];
    assert_eq!(first["id"], "KUKU-01");
    assert!(
        first["budget_eur"].is_null() && first["spent_eur"].is_null(),
        "{first}"
    );
}

#[test]
fn an_fte_with_the_other_mark_and_three_decimals_is_two_readings() {
    // The euros say the comma is the decimal mark; an FTE typed `1.250`
    // was read as 1 250 person-years, exit 0. A decimal number may have
    // three decimals, so the point is not known to group thousands.
    let (exit, fs) = real_findings("csv_fte_point_in_comma_file.csv", &[]);
    assert_eq!(exit, 1);
    assert_eq!(codes_at(&fs), pairs(&[("ambiguous-number", "J2")]));
    let msg = message_at(&fs, "J2").replace('\u{a0}', " ");
    assert!(
        msg.contains("1 250 tai 1,250") && msg.contains("kolme desimaalia"),
        "{msg}"
    );
    // Where the file's numbers use both marks as the decimal mark, the
    // message says so (it said nothing in the file told).
    let (_, fs) = real_findings("csv_marks_disagree.csv", &[]);
    let msg = message_at(&fs, "J3");
    assert!(msg.contains("sekä \",\" että \".\""), "{msg}");
}

#[test]
fn a_workbook_with_a_sheet_per_year_is_read_on_the_years_sheet() {
    // The older sheet, first and with more rows, was read even with
    // `--year 2021`: four wrong-year errors and no measure of 2021.
    let file = "openpyxl_sheet_per_year.xlsx";
    for (extra, sheet, other, count) in [
        (&[][..], "2021", "2020", 3),
        (&["--year", "2021"][..], "2021", "2020", 3),
        (&["--year", "2020"][..], "2020", "2021", 4),
    ] {
        let (exit, fs) = real_findings(file, extra);
        assert_eq!(exit, 0, "{extra:?}: {:?}", codes_at(&fs));
        assert_eq!(codes_at(&fs), pairs(&[("unread-content", "")]), "{extra:?}");
        let msg = fs[0]["message"].as_str().unwrap();
        assert!(
            msg.contains(&format!("\"{other}\""))
                && msg.contains(&format!("vain välilehti \"{sheet}\"")),
            "{msg}"
        );
        let o = kooste(&[&["validate", &real(file)][..], extra].concat());
        assert!(
            stdout(&o).contains(&format!("{count} toimenpid")),
            "{}",
            stdout(&o)
        );
    }
}

#[test]
fn a_story_over_several_lines_is_no_rows_inside_quotation_marks() {
    // A sentence with seven commas, a list of six areas: `quoted-rows`
    // took them for rows and left a valid measure out.
    for file in ["csv_story_lines_comma.csv", "csv_story_lines_semicolon.csv"] {
        let (exit, fs) = real_findings(file, &[]);
        assert_eq!((exit, codes_at(&fs)), (0, vec![]), "{file}");
        let ms = real_measures(file);
        assert_eq!(ms.len(), 3, "{file}");
        assert!(
            ms[1]["impact_story"]
                .as_str()
                .unwrap()
                .contains("poliisi ja yhdistykset")
                || ms[2]["impact_story"]
                    .as_str()
                    .unwrap()
                    .contains("Hiekkaharju"),
            "{file}"
        );
    }
}

#[test]
fn a_number_split_at_its_thousands_comma_is_shifted_even_with_an_empty_last_cell() {
    // `75,000` unquoted, the story empty: one field wider than the
    // header, as a spare comma makes a row, and nothing right of the
    // header, so the row read as 75 € budget and 0 € actual, exit 0.
    let file = "csv_unquoted_thousands_empty_story.csv";
    let (exit, fs) = real_findings(file, &[]);
    assert_eq!(exit, 1);
    assert_eq!(codes_at(&fs), pairs(&[("shifted-row", "I3")]));
    assert!(message_at(&fs, "I3").contains("75,000"), "{fs:?}");
    let ids: Vec<String> = real_measures(file)
        .iter()
        .map(|m| m["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["KUKU-01"]);
    // Rows that all end in a spare comma are no shifted rows.
    let file = "csv_rows_end_in_a_comma.csv";
    let (exit, fs) = real_findings(file, &[]);
    assert_eq!((exit, codes_at(&fs)), (0, vec![]));
    assert_eq!(real_measures(file).len(), 3);
}

#[test]
fn next_years_plan_on_its_own_sheet_leaves_this_years_sheet_read() {
    // With the samples of 2021 beside it and no `--year`, the workbook
    // was read on its latest sheet, 2022: wrong-year errors, and 2021's
    // measures unread. The run's year is 2021, so its 2021 sheet is read.
    let dir = tempfile::tempdir().unwrap();
    for f in std::fs::read_dir("samples/2021").unwrap() {
        let f = f.unwrap().path();
        std::fs::copy(&f, dir.path().join(f.file_name().unwrap())).unwrap();
    }
    let plan = dir.path().join("kuku_2021.xlsx");
    std::fs::copy(real("openpyxl_next_years_plan_begun.xlsx"), &plan).unwrap();
    let o = kooste(&["validate", "--format", "json", dir.path().to_str().unwrap()]);
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let mine: Vec<(String, String, String)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["file"].as_str().unwrap_or("").ends_with("kuku_2021.xlsx"))
        .map(|f| {
            (
                f["code"].as_str().unwrap().to_string(),
                f["sheet"].as_str().unwrap_or("").to_string(),
                f["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(mine.len(), 1, "{mine:?}");
    assert_eq!(mine[0].0, "unread-content");
    assert!(mine[0].2.contains("vain välilehti \"2021\""), "{mine:?}");
}

#[test]
fn a_footnote_number_after_a_header_leaves_the_header_its_field() {
    // `Toteuma (€)` with a superscript `1)` was an unknown column (every
    // actual unread), `Vuosi 2)` a missing year column (every row out).
    let file = "openpyxl_header_footnote_numbers.xlsx";
    let (exit, fs) = real_findings(file, &[]);
    assert_eq!(exit, 0, "{:?}", codes_at(&fs));
    assert_eq!(codes_at(&fs), pairs(&[("unread-content", "A6")]));
    let ms = real_measures(file);
    assert_eq!(ms.len(), 3);
    assert_eq!(ms[0]["spent_eur"], 91500.0);
    assert_eq!(ms[0]["year"], 2021);
}
