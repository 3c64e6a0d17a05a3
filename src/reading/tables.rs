//! Excel tables ("Format as Table", XlsxWriter's `add_table`) of an xlsx
//! workbook, to turn the structured references of their formulas
//! (`SUBTOTAL(109,[Budjetti (€)])` in a table's total row,
//! `Taulukko1[Toteuma (€)]`) into the A1 ranges they stand for, so that
//! [`super::formula`] evaluates them as Excel does. A reference of another
//! form (`[@Budjetti]`, `[#Totals]`, a column that is not there) is left as
//! it is, and its formula stays unevaluated: nothing is guessed.

use std::io::Cursor;

use quick_xml::events::Event;

use super::workbook::{read_part, sheet_part, xml_attr};
use crate::text::a1;

/// One table: where it stands and its columns (ECMA-376 Part 1 §18.5.1.2).
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The sheet it stands on.
    pub sheet: String,
    /// Its name (`Table1`), as formulas name it.
    pub name: String,
    /// 0-based first and last row, first column.
    pub first_row: u32,
    pub last_row: u32,
    pub first_col: u32,
    /// Header rows (0 or 1) and total rows (0 or 1).
    pub header_rows: u32,
    pub total_rows: u32,
    /// Column names, left to right.
    pub columns: Vec<String>,
}

/// The tables of the workbook's sheets `sheets`; none where the package has
/// no table parts or they cannot be read.
pub fn tables(bytes: &[u8], sheets: &[String]) -> Vec<Table> {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Vec::new();
    };
    if !zip
        .file_names()
        .any(|n| n.is_ok_and(|n| n.starts_with("xl/tables/")))
    {
        return Vec::new();
    }
    let mut out = Vec::new();
    for sheet in sheets {
        let Some(part) = sheet_part(&mut zip, sheet) else {
            continue;
        };
        let (dir, file) = part.rsplit_once('/').unwrap_or(("", &part));
        let Some(rels) = read_part(&mut zip, &format!("{dir}/_rels/{file}.rels")) else {
            continue;
        };
        for target in table_targets(&rels) {
            let name = resolve(dir, &target);
            if let Some(t) = read_part(&mut zip, &name).and_then(|x| parse(&x, sheet)) {
                out.push(t);
            }
        }
    }
    out
}

/// The targets of a sheet's table relationships.
fn table_targets(rels: &str) -> Vec<String> {
    let mut xml = quick_xml::Reader::from_str(rels);
    let mut out = Vec::new();
    loop {
        match xml.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "Relationship" => {
                if xml_attr(&e, "Type").is_some_and(|t| t.ends_with("/table"))
                    && let Some(t) = xml_attr(&e, "Target")
                {
                    out.push(t);
                }
            }
            Ok(Event::Eof) | Err(_) => return out,
            _ => {}
        }
    }
}

/// A relationship target (`../tables/table1.xml`, `/xl/tables/table1.xml`)
/// as a part name, relative to the folder `dir` of the source part.
fn resolve(dir: &str, target: &str) -> String {
    if let Some(abs) = target.strip_prefix('/') {
        return abs.to_string();
    }
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    for p in target.split('/') {
        match p {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            p => parts.push(p),
        }
    }
    parts.join("/")
}

fn parse(xml_text: &str, sheet: &str) -> Option<Table> {
    let mut xml = quick_xml::Reader::from_str(xml_text);
    let mut table: Option<Table> = None;
    loop {
        match xml.read_event().ok()? {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                "table" => {
                    let r = xml_attr(&e, "ref")?;
                    let (a, b) = r.split_once(':')?;
                    let (a, b) = (crate::text::parse_a1(a)?, crate::text::parse_a1(b)?);
                    let count = |name: &str, default: u32| {
                        xml_attr(&e, name)
                            .and_then(|v| v.parse().ok())
                            .unwrap_or(default)
                    };
                    table = Some(Table {
                        sheet: sheet.to_string(),
                        name: xml_attr(&e, "displayName").or_else(|| xml_attr(&e, "name"))?,
                        first_row: a.0.min(b.0),
                        last_row: a.0.max(b.0),
                        first_col: a.1.min(b.1),
                        header_rows: count("headerRowCount", 1),
                        total_rows: count("totalsRowCount", 0),
                        columns: Vec::new(),
                    });
                }
                "tableColumn" => {
                    let t = table.as_mut()?;
                    t.columns.push(xml_attr(&e, "name")?);
                }
                _ => {}
            },
            Event::Eof => return table,
            _ => {}
        }
    }
}

/// `formula` (in cell `pos` of `sheet`, 0-based) with each structured
/// reference `[Column]` (the table the cell stands in) or `Table[Column]`,
/// `Table[[Column]]` replaced by the column's data rows (`H2:H4`,
/// `'Other sheet'!H2:H4`). `None` where a reference is of another form or
/// names no table or column: the formula is then left as it is.
pub fn resolve_references(
    formula: &str,
    sheet: &str,
    pos: (u32, u32),
    tables: &[Table],
) -> Option<String> {
    let mut out = String::with_capacity(formula.len());
    let mut rest = formula;
    while let Some(open) = rest.find('[') {
        // The table name: the identifier just before the bracket.
        let before = &rest[..open];
        let name_start = before
            .rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.' || c == '\\'))
            .map_or(0, |i| {
                i + before[i..].chars().next().map_or(1, char::len_utf8)
            });
        let name = &before[name_start..];
        let (column, len) = column_of(&rest[open..])?;
        let table = if name.is_empty() {
            tables.iter().find(|t| {
                t.sheet == sheet
                    && (t.first_row..=t.last_row).contains(&pos.0)
                    && (t.first_col..t.first_col + t.columns.len() as u32).contains(&pos.1)
            })?
        } else {
            tables.iter().find(|t| t.name.eq_ignore_ascii_case(name))?
        };
        let index = table
            .columns
            .iter()
            .position(|c| c.eq_ignore_ascii_case(&column))?;
        let col = table.first_col + index as u32;
        let first = table.first_row + table.header_rows;
        let last = table.last_row.checked_sub(table.total_rows)?;
        if last < first {
            return None;
        }
        out.push_str(&before[..name_start]);
        if table.sheet != sheet {
            out.push('\'');
            out.push_str(&table.sheet.replace('\'', "''"));
            out.push_str("'!");
        }
        out.push_str(&format!("{}:{}", a1(first, col), a1(last, col)));
        rest = &rest[open + len..];
    }
    out.push_str(rest);
    Some(out)
}

/// The column a bracketed reference at the start of `s` names, unescaped
/// (`'` escapes `[`, `]`, `#` and `'`), and the reference's length: `[Col]`
/// or `[[Col]]`. `None` for special items (`[#Totals]`, `[@Col]`) and for
/// several items.
fn column_of(s: &str) -> Option<(String, usize)> {
    let inner = s.strip_prefix('[')?;
    let (body, extra) = match inner.strip_prefix('[') {
        Some(b) => (b, 2),
        None => (inner, 1),
    };
    let mut name = String::new();
    let mut chars = body.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '\'' => name.push(chars.next()?.1),
            ']' => {
                if extra == 2 && !body[i + 1..].starts_with(']') {
                    return None;
                }
                if name.is_empty() || name.starts_with(['#', '@']) {
                    return None;
                }
                return Some((name, 1 + (extra - 1) + i + extra));
            }
            '[' | ',' if extra == 1 => return None,
            c => name.push(c),
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Table {
        Table {
            sheet: "Toimenpiteet".into(),
            name: "Table1".into(),
            first_row: 0,
            last_row: 4,
            first_col: 0,
            header_rows: 1,
            total_rows: 1,
            columns: ["Tunnus", "Budjetti (€)", "Toteuma [€]"]
                .map(String::from)
                .to_vec(),
        }
    }

    #[test]
    fn a_table_column_is_its_data_rows() {
        let t = [table()];
        let at = |f: &str| resolve_references(f, "Toimenpiteet", (4, 1), &t);
        assert_eq!(
            at("SUBTOTAL(109,[Budjetti (€)])").as_deref(),
            Some("SUBTOTAL(109,B2:B4)")
        );
        assert_eq!(
            at("SUM(Table1[[Budjetti (€)]])+table1[Toteuma '[€']]").as_deref(),
            Some("SUM(B2:B4)+C2:C4")
        );
        assert_eq!(
            resolve_references("SUM(Table1[Tunnus])", "Muu", (0, 0), &t).as_deref(),
            Some("SUM('Toimenpiteet'!A2:A4)")
        );
        // Special items, this-row references, unknown columns: left alone.
        assert_eq!(at("SUBTOTAL(109,Table1[#Totals])"), None);
        assert_eq!(at("[@Tunnus]"), None);
        assert_eq!(at("SUM([Nothing])"), None);
        // Outside any table, an unqualified reference names none.
        assert_eq!(
            resolve_references("SUM([Tunnus])", "Toimenpiteet", (9, 9), &t),
            None
        );
        assert_eq!(at("SUM(B2:B4)").as_deref(), Some("SUM(B2:B4)"));
        assert_eq!(
            resolve("xl/worksheets", "../tables/table1.xml"),
            "xl/tables/table1.xml"
        );
    }
}
