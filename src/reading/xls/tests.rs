//! Hand-built BIFF8 workbooks: what each record reads as, the cell limit,
//! encryption, and malformed bytes (which must give `Err`, never a panic).

use std::io::Write;

use super::*;
use crate::model::Cell;
use crate::model::parse::Date;
use crate::reading::Damage;

/// One record: type, length, data.
fn rec(typ: u16, data: &[u8]) -> Vec<u8> {
    let mut out = typ.to_le_bytes().to_vec();
    out.extend((data.len() as u16).to_le_bytes());
    out.extend(data);
    out
}

fn cat(parts: &[&[u8]]) -> Vec<u8> {
    parts.concat()
}

fn bof() -> Vec<u8> {
    rec(
        BOF,
        &[0x00, 0x06, 0x10, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    )
}

fn eof() -> Vec<u8> {
    rec(0x000A, &[])
}

/// A cell head: row, column, XF index.
fn head(row: u16, col: u16, xf: u16) -> Vec<u8> {
    cat(&[&row.to_le_bytes(), &col.to_le_bytes(), &xf.to_le_bytes()])
}

fn bound_sheet(offset: u32, state: u8, dt: u8, name: &str) -> Vec<u8> {
    let mut data = offset.to_le_bytes().to_vec();
    data.extend([state, dt, name.len() as u8, 0]);
    data.extend(name.as_bytes());
    rec(0x0085, &data)
}

/// Globals (two XFs: General and built-in date 14; one shared string;
/// the sheets given) followed by each sheet's records.
fn workbook(sheets: &[(&str, u8, u8, Vec<u8>)], extra_globals: &[u8]) -> Vec<u8> {
    let sst = rec(
        0x00FC,
        &[1, 0, 0, 0, 1, 0, 0, 0, 2, 0, 1, 0xE4, 0, 0xAC, 0x20],
    );
    let xf = |ifmt: u16| rec(0x00E0, &cat(&[&[0, 0], &ifmt.to_le_bytes(), &[0; 16]]));
    let fixed = cat(&[&bof(), extra_globals, &xf(0), &xf(14), &sst]);
    let listing_len: usize = sheets.iter().map(|s| 4 + 8 + s.0.len()).sum::<usize>() + 4;
    let mut offset = fixed.len() + listing_len;
    let mut listing = Vec::new();
    for (name, state, dt, body) in sheets {
        listing.extend(bound_sheet(offset as u32, *state, *dt, name));
        offset += body.len();
    }
    let bodies: Vec<u8> = sheets.iter().flat_map(|s| s.3.clone()).collect();
    cat(&[&fixed, &listing, &eof(), &bodies])
}

/// The stream in an OLE compound file, as a file's bytes.
fn cfb_file(stream: &[u8]) -> Vec<u8> {
    let mut comp = cfb::CompoundFile::create(Cursor::new(Vec::new())).unwrap();
    comp.create_stream("/Workbook")
        .unwrap()
        .write_all(stream)
        .unwrap();
    comp.flush().unwrap();
    comp.into_inner().into_inner()
}

fn sheet_body() -> Vec<u8> {
    let mut mulrk = cat(&[&2u16.to_le_bytes(), &1u16.to_le_bytes()]);
    for v in [7u32, 8] {
        mulrk.extend(cat(&[&0u16.to_le_bytes(), &((v << 2) | 2).to_le_bytes()]));
    }
    mulrk.extend(2u16.to_le_bytes());
    let mut formula = head(3, 0, 0);
    formula.extend([0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0, 0, 0, 0, 0, 0]);
    cat(&[
        &bof(),
        &rec(0x0200, &[0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0]), // DIMENSIONS: ignored
        &rec(0x0203, &cat(&[&head(0, 0, 1), &44197f64.to_le_bytes()])),
        &rec(
            0x027E,
            &cat(&[&head(0, 1, 0), &((1_250_050u32 << 2) | 3).to_le_bytes()]),
        ),
        &rec(0x00FD, &cat(&[&head(1, 0, 0), &0u32.to_le_bytes()])),
        &rec(0x0205, &cat(&[&head(1, 1, 0), &[1, 0]])),
        &rec(0x0205, &cat(&[&head(1, 2, 0), &[0x07, 1]])),
        &rec(0x00BD, &mulrk),
        &rec(0x0006, &formula),
        // An embedded chart's substream: its records are not the sheet's.
        &bof(),
        &rec(0x0203, &cat(&[&head(9, 9, 0), &1f64.to_le_bytes()])),
        &eof(),
        &rec(0x0207, &[3, 0, 0, b'a', b'b', b'c']),
        &rec(0x0204, &cat(&[&head(4, 0, 0), &[2, 0, 0, b'h', b'i']])),
        &rec(
            0x00E5,
            &cat(&[&1u16.to_le_bytes(), &[4, 0, 5, 0, 0, 0, 0, 0]]),
        ),
        &eof(),
    ])
}

fn read_stream(stream: &[u8], limits: &Limits) -> Result<Option<Vec<Grid>>, Unreadable> {
    read(&cfb_file(stream), limits)
}

#[test]
fn every_cell_record_reads_as_its_value() {
    let stream = workbook(&[("Toimenpiteet", 0, 0, sheet_body())], &[]);
    let grids = read_stream(&stream, &Limits::default()).unwrap().unwrap();
    let [g] = grids.as_slice() else {
        panic!("{grids:?}")
    };
    assert_eq!(
        (g.name.as_str(), g.hidden, g.first_row, g.first_col),
        ("Toimenpiteet", false, 0, 0)
    );
    assert_eq!(g.get(0, 0), &Cell::Date(Date::new(2021, 1, 1).unwrap()));
    assert_eq!(g.get(0, 1), &Cell::Number(12_500.5));
    assert_eq!(g.get(1, 0), &Cell::Text("ä€".into()));
    assert_eq!(g.get(1, 1), &Cell::Bool(true));
    assert_eq!(g.get(1, 2), &Cell::Error("#DIV/0!".into()));
    assert_eq!(
        (g.get(2, 1), g.get(2, 2)),
        (&Cell::Number(7.0), &Cell::Number(8.0))
    );
    assert_eq!(g.get(3, 0), &Cell::Text("abc".into()));
    assert_eq!(
        g.get(9, 9),
        &Cell::Empty,
        "the chart's cell is not the sheet's"
    );
    // The merged range A5:A6 shows "hi" in both cells.
    assert_eq!(
        (g.get(4, 0), g.get(5, 0)),
        (&Cell::Text("hi".into()), &Cell::Text("hi".into()))
    );
    assert_eq!(g.merged.len(), 1);
}

#[test]
fn chart_and_macro_sheets_are_skipped_and_hidden_ones_flagged() {
    let stream = workbook(
        &[
            ("Kaavio", 0, 2, cat(&[&bof(), &eof()])),
            ("Hinnat", 1, 0, sheet_body()),
            ("Makro", 0, 1, cat(&[&bof(), &eof()])),
        ],
        &[],
    );
    let grids = read_stream(&stream, &Limits::default()).unwrap().unwrap();
    let names: Vec<_> = grids.iter().map(|g| (g.name.as_str(), g.hidden)).collect();
    assert_eq!(names, [("Hinnat", true)]);
}

#[test]
fn a_stray_far_cell_costs_one_row_and_the_origin_is_the_first_cell() {
    let body = cat(&[
        &bof(),
        &rec(0x0203, &cat(&[&head(2, 3, 0), &1f64.to_le_bytes()])),
        &rec(0x0203, &cat(&[&head(65535, 255, 0), &2f64.to_le_bytes()])),
        &eof(),
    ]);
    let stream = workbook(&[("S", 0, 0, body)], &[]);
    let grids = read_stream(&stream, &Limits::default()).unwrap().unwrap();
    let g = &grids[0];
    assert_eq!(
        (g.first_row, g.first_col, g.end_row(), g.end_col()),
        (2, 3, 65536, 256)
    );
    let allocated: usize = g.rows.iter().map(Vec::capacity).sum();
    assert!(allocated <= 2 * 256, "{allocated} cells allocated");
    assert_eq!(g.get(65535, 255), &Cell::Number(2.0));
}

#[test]
fn cells_past_the_limit_are_refused_as_they_are_read() {
    let stream = workbook(&[("Toimenpiteet", 0, 0, sheet_body())], &[]);
    let limits = Limits {
        max_cells: 3,
        ..Limits::default()
    };
    assert_eq!(
        read_stream(&stream, &limits).unwrap_err(),
        Unreadable::TooLarge {
            what: "cells",
            found: 4,
            limit: 3
        }
    );
}

#[test]
fn an_encrypted_workbook_is_reported_as_such() {
    let filepass = rec(0x002F, &[1, 0, 1, 0, 1, 0]);
    let stream = workbook(&[("S", 0, 0, sheet_body())], &filepass);
    assert_eq!(
        read_stream(&stream, &Limits::default()).unwrap_err(),
        Unreadable::Encrypted
    );
}

#[test]
fn an_excel_95_workbook_is_left_to_calamine() {
    let bof5 = rec(BOF, &[0x00, 0x05, 0x05, 0x00, 0, 0, 0, 0]);
    assert!(
        read_stream(&cat(&[&bof5, &eof()]), &Limits::default())
            .unwrap()
            .is_none()
    );
    assert!(!is_biff8(&cfb_file(&cat(&[&bof5, &eof()]))));
    assert!(is_biff8(&cfb_file(&workbook(&[], &[]))));
}

#[test]
fn malformed_streams_are_errors_not_panics() {
    let limits = Limits::default();
    // A record whose length runs past the end; a cut header; a sheet
    // offset past the end; a cell record cut short; a column past IV.
    let long = cat(&[&bof(), &[0xFC, 0x00, 0xFF, 0xFF, 1, 2, 3]]);
    assert!(matches!(
        read_stream(&long, &limits),
        Err(Unreadable::Corrupt {
            what: Damage::Xls,
            ..
        })
    ));
    let cut = cat(&[&bof(), &[0xFC]]);
    assert!(matches!(
        read_stream(&cut, &limits),
        Err(Unreadable::Corrupt {
            what: Damage::Xls,
            ..
        })
    ));
    let far = cat(&[&bof(), &bound_sheet(1 << 30, 0, 0, "S"), &eof()]);
    assert!(matches!(
        read_stream(&far, &limits),
        Err(Unreadable::Corrupt {
            what: Damage::Xls,
            ..
        })
    ));
    let short_cell = cat(&[&bof(), &rec(0x0203, &[0, 0, 0]), &eof()]);
    let stream = workbook(&[("S", 0, 0, short_cell)], &[]);
    assert!(matches!(
        read_stream(&stream, &limits),
        Err(Unreadable::Corrupt {
            what: Damage::Xls,
            ..
        })
    ));
    let wide = cat(&[
        &bof(),
        &rec(0x0203, &cat(&[&head(0, 300, 0), &[0; 8]])),
        &eof(),
    ]);
    let stream = workbook(&[("S", 0, 0, wide)], &[]);
    assert!(matches!(
        read_stream(&stream, &limits),
        Err(Unreadable::Corrupt {
            what: Damage::Xls,
            ..
        })
    ));
    assert!(matches!(
        read(b"not an OLE file", &limits),
        Err(Unreadable::Corrupt {
            what: Damage::Xls,
            ..
        })
    ));
}

#[test]
fn every_truncation_and_byte_flip_of_a_real_stream_reads_or_fails_cleanly() {
    let file = include_bytes!("../../../tests/fixtures/real/xls_formulas_hidden_chart.xls");
    let stream = workbook_stream(file, &Limits::default()).unwrap().unwrap();
    let limits = Limits::default();
    let parse = |s: &[u8]| {
        if let Ok(Some((globals, listed))) = read_globals(s) {
            let mut cells = 0;
            for l in listed {
                let _ = sheet::read(
                    s,
                    l.offset,
                    (l.name, l.hidden),
                    &globals,
                    &mut cells,
                    &limits,
                );
            }
        }
    };
    for len in (0..stream.len()).step_by(7) {
        parse(&stream[..len]);
    }
    let mut flipped = stream.clone();
    for i in (0..flipped.len()).step_by(3) {
        let keep = flipped[i];
        for v in [0x00, 0xFF, keep ^ 0x80] {
            flipped[i] = v;
            parse(&flipped);
        }
        flipped[i] = keep;
    }
}

/// Record types the reader looks into, for random records to hit.
const TYPES: [u16; 16] = [
    0x0809, 0x000A, 0x003C, 0x00FC, 0x041E, 0x00E0, 0x0085, 0x0022, 0x0203, 0x027E, 0x00BD, 0x00FD,
    0x0204, 0x0205, 0x0006, 0x0207,
];

proptest::proptest! {
    /// Random records of the types read, after a BIFF8 BOF, in globals and
    /// in a sheet: any outcome but a panic.
    #[test]
    fn random_records_never_panic(
        records in proptest::collection::vec(
            (0..TYPES.len(), proptest::collection::vec(proptest::num::u8::ANY, 0..40)),
            0..40,
        ),
        offset in 0usize..400,
    ) {
        let mut stream = bof();
        for (t, data) in &records {
            stream.extend(rec(TYPES[*t], data));
        }
        let limits = Limits { max_cells: 1000, ..Limits::default() };
        if let Ok(Some((globals, _))) = read_globals(&stream) {
            let mut cells = 0;
            let _ = sheet::read(&stream, offset, ("S".into(), false), &globals, &mut cells, &limits);
        }
        let _ = sheet::read(&stream, 0, ("S".into(), false), &Globals {
            strings: Vec::new(),
            formats: cells::Formats::default(),
            xti_sheets: Vec::new(),
            function_names: Vec::new(),
            precision_as_shown: false,
        }, &mut 0, &limits);
    }
}
