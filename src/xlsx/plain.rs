//! The plain writer of the large sheets: rust_xlsxwriter writes every cell
//! of their rows itself, into constant-memory worksheets, and saves the
//! package. It is the reference the fast writer ([`super::fast`]) is tested
//! against, and what kooste falls back to should the fast writer ever stop
//! paying for itself (see [`super::RowWriter`]).

use rust_xlsxwriter::{Formula, Url, Worksheet, XlsxError};

use super::body::{Body, Cached, Cells, LINE_POINTS, MAX_LINES, RowFormula};

/// Writes `body`'s rows into `ws`, below its header row.
pub(crate) fn write_rows(ws: &mut Worksheet, body: &Body) -> Result<(), XlsxError> {
    let mut cells = SheetCells {
        ws,
        row: 0,
        scratch: String::new(),
        error: None,
    };
    for i in 0..body.rows {
        cells.row = i as u32 + 1;
        (body.write)(i, &mut cells);
        if let Some(e) = cells.error.take() {
            return Err(e);
        }
        if let Some(links) = &body.links
            && let Some(Some(target)) = links.targets.get(i)
        {
            // Over the text the row function wrote: the same text, linked.
            let url = Url::new(format!("internal:{}", links.location(*target)));
            cells
                .ws
                .write_url_with_text(cells.row, links.col, url, target.to_string())?;
        }
    }
    Ok(())
}

/// A worksheet's current row as [`Cells`]; the first error is kept for
/// [`write_rows`] to return (the row functions cannot fail).
struct SheetCells<'w> {
    ws: &'w mut Worksheet,
    /// 0-based, as rust_xlsxwriter numbers rows.
    row: u32,
    scratch: String,
    error: Option<XlsxError>,
}

/// Keeps the first error in `error`.
fn keep(error: &mut Option<XlsxError>, r: Result<&mut Worksheet, XlsxError>) {
    if let Err(e) = r
        && error.is_none()
    {
        *error = Some(e);
    }
}

impl Cells for SheetCells<'_> {
    fn row(&self) -> u32 {
        self.row + 1
    }

    fn string(&mut self, col: u16, s: &str) {
        if !s.is_empty() {
            keep(&mut self.error, self.ws.write_string(self.row, col, s));
        }
    }

    fn number(&mut self, col: u16, v: f64) {
        keep(&mut self.error, self.ws.write_number(self.row, col, v));
    }

    fn row_formula(&mut self, col: u16, f: &RowFormula, numbers: &[u32], cached: Cached) {
        let mut text = std::mem::take(&mut self.scratch);
        f.text_into(numbers, &mut text);
        let formula = Formula::new(&text).set_result(cached.text());
        self.scratch = text;
        keep(
            &mut self.error,
            self.ws.write_formula(self.row, col, formula),
        );
    }

    fn take_scratch(&mut self) -> String {
        std::mem::take(&mut self.scratch)
    }

    fn put_scratch(&mut self, s: String) {
        self.scratch = s;
    }

    /// rust_xlsxwriter 0.102 writes the height of a constant-memory
    /// sheet's last row twice: with its cells and again as an empty
    /// `<row/>` of the same number (`flush_last_row` flushes the current
    /// row once more). Readers take the empty one as no cells (LibreOffice,
    /// calamine); the fast writer, kooste's default, writes it once.
    fn lines(&mut self, lines: u32) {
        let lines = lines.min(MAX_LINES);
        if lines > 1 {
            // In pixels: rust_xlsxwriter rounds a height in points to them.
            let pixels = lines * LINE_POINTS * 4 / 3;
            keep(
                &mut self.error,
                self.ws.set_row_height_pixels(self.row, pixels),
            );
        }
    }
}
