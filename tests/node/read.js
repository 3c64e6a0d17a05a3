// Prints, as JSON, the name of a workbook's sheet and its non-empty rows as
// a node reader reads them: columns A, D and H (in the consolidated
// workbook's measures sheet: id, measure, budget).
//
// usage: NODE_PATH=<readers>/node_modules node read.js FILE.xlsx sheetjs|exceljs [SHEET_INDEX]
// (index from 0; 1 by default). tests/it/interop.rs runs it; the packages are
// this folder's package.json, which .ci/run installs into target/node-readers.
const [path, reader, index] = process.argv.slice(2);
const idx = index === undefined ? 1 : Number(index);
const empty = (v) => v === undefined || v === null || v === '';
const pick = (row) => [0, 3, 7].map((i) => (empty(row[i]) ? null : row[i]));

// An ExcelJS cell value as the plain value it stands for.
function plain(v) {
  if (v === null || v === undefined || typeof v !== 'object') return v;
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v.richText)) return v.richText.map((t) => t.text).join('');
  if ('result' in v) return plain(v.result);
  if ('text' in v) return plain(v.text);
  if ('error' in v) return v.error;
  return JSON.stringify(v);
}

(async () => {
  let name;
  let rows;
  if (reader === 'sheetjs') {
    const XLSX = require('xlsx');
    const wb = XLSX.readFile(path);
    name = wb.SheetNames[idx];
    rows = XLSX.utils.sheet_to_json(wb.Sheets[name], { header: 1, raw: true, defval: null });
  } else if (reader === 'exceljs') {
    const ExcelJS = require('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.worksheets[idx];
    name = ws.name;
    rows = [];
    // columnCount goes through every row: once, not per cell.
    const columns = ws.columnCount;
    ws.eachRow({ includeEmpty: false }, (row) => {
      const values = [];
      for (let c = 1; c <= columns; c++) values.push(plain(row.getCell(c).value));
      rows.push(values);
    });
  } else {
    throw new Error(`unknown reader ${reader}`);
  }
  rows = rows.filter((r) => r.some((v) => !empty(v))).map(pick);
  process.stdout.write(JSON.stringify({ sheet: name, rows }));
})().catch((e) => {
  console.error(e && e.stack ? e.stack : String(e));
  process.exit(1);
});
