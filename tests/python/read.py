#!/usr/bin/env python3
"""Prints, as JSON, the name of a workbook's sheet and its non-empty rows
as one reader of pandas' and polars' world reads them: columns A, D and H
(in the consolidated workbook's measures sheet: id, measure, budget).

usage: read.py FILE.xlsx openpyxl|calamine [SHEET_INDEX]   (from 0; 1 by default)
tests/it/interop.rs runs it; needs pip install openpyxl python-calamine.
"""
import json
import sys

path, reader = sys.argv[1], sys.argv[2]
idx = int(sys.argv[3]) if len(sys.argv) > 3 else 1
if reader == "openpyxl":
    import openpyxl

    # Read-only mode streams the sheet, as pandas.read_excel does.
    wb = openpyxl.load_workbook(path, read_only=True)
    ws = wb.worksheets[idx]
    name, rows = ws.title, [list(r) for r in ws.iter_rows(values_only=True)]
elif reader == "calamine":
    from python_calamine import CalamineWorkbook

    wb = CalamineWorkbook.from_path(path)
    name = wb.sheet_names[idx]
    rows = wb.get_sheet_by_index(idx).to_python()
else:
    sys.exit(f"unknown reader {reader}")


def cell(row, i):
    v = row[i] if i < len(row) else None
    return None if v == "" else v


rows = [[cell(r, i) for i in (0, 3, 7)] for r in rows if any(v not in ("", None) for v in r)]
print(json.dumps({"sheet": name, "rows": rows}, ensure_ascii=False))
