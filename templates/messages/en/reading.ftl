# Messages about reading files: inputs that cannot be found, files that
# cannot be opened, the header row and its columns, and the values of
# single cells. Each message may have a hint (.hint) that says what the user
# can do. Variables: $value is a cell's text as typed, $field a column's
# header, $row a row's number. The quotation marks are in the messages, not
# in the values.

## Inputs that cannot be listed (the run stops)

read-input-not-found = There is no file or folder "{ $path }". Check the name and the path.
read-input-not-a-file = The input "{ $path }" is not read: it is neither a file nor a folder but, for example, a device or a named pipe. Give a spreadsheet file or a folder.
read-input-permission = The file or folder "{ $path }" may not be read (permission denied). Ask for read access, or copy the files to a folder you can read.
read-input-unreadable = The file or folder "{ $path }" cannot be read. Check that it exists and can be read, and run the command again.

## Files that cannot be opened as a spreadsheet

read-empty = The file is empty (0 bytes).
    .hint = Save the file as an Excel workbook (.xlsx) and send it again.
read-html = The file is an HTML page, not a spreadsheet, although it is named .{ $ext }.
    .hint = Save the file as an Excel workbook (.xlsx) and send it again.
read-not-a-workbook = The file is named .{ $ext }, but it is neither an Excel nor an OpenDocument workbook.
    .hint = Save the file as an Excel workbook (.xlsx) and send it again.
read-io = The file cannot be read from the disk.
    .hint = Check that the file exists and that you may read it, and run the command again.
read-encrypted = The workbook is protected with a password and cannot be read.
    .hint = Ask the sender to remove the password and send the file again. Do not ask for the password.
read-too-large-bytes = The file is too large to read: { $found } bytes, over the limit of { $limit }.
    .hint = Check that it is the right file. The limits can be raised with --max-unpacked-mb and --max-cells.
read-too-large-cells = The file is too large to read: { $found } cells, over the limit of { $limit }.
    .hint = Check that it is the right file. The limits can be raised with --max-unpacked-mb and --max-cells.
# $candidates: the encodings' names, e.g. "Windows-1252 / Mac Roman"; $example: a byte and its readings.
read-unknown-encoding = The file's character encoding cannot be told: { $candidates } would give different characters (e.g. { $example }). The file is not read on a guess.
    .hint = Save the file as CSV UTF-8 or as an Excel workbook.

## Damaged files. The program library's own words are shown only in the
## JSON output and with --verbose.

read-damaged = The workbook's content is damaged, or in a form kooste cannot read.
    .hint = Open the file in Excel or LibreOffice and save it again as an Excel workbook (.xlsx); if it does not open, ask the sender for a new file.
read-damaged-package = The file starts like a workbook (a zip package), but the package cannot be opened: it is damaged or only partly copied.
read-damaged-part = The workbook lacks a part it needs: { $part }.
read-damaged-xml = The workbook's XML content is broken.
read-damaged-xml-part = The workbook's XML content is broken (in { $part }).
read-damaged-xls = The file is in the old Excel format (.xls), but its structure is damaged.
read-damaged-csv = The text file's rows cannot be read as CSV.
read-damaged-binary = The file is neither text nor a spreadsheet: it holds binary data.
read-damaged-reader = The file's content is so damaged that reading it stopped.

## Bytes found in the file (CSV)

read-invalid-bytes = { $n ->
        [one] Row { $row } has the byte { $bytes }, which is not valid { $encoding } text; it shows as �.
       *[other] Row { $row } has the bytes { $bytes }, which are not valid { $encoding } text; they show as �.
    }
    .hint = Check the row's text and save the file again as CSV UTF-8.
read-nul-byte = Row { $row } has a NUL character (byte 0x00).

## kooste's own outputs among the inputs

# $kind: one of the read-own-kind messages below.
read-own-output = The file is one of kooste's own outputs ({ $kind }), so it is not read as a submission.
    .hint = Keep the outputs in another folder than the submissions.
read-own-kind-consolidated = consolidated workbook
read-own-kind-annotated = annotated copy
read-own-kind-converted = converted file
read-own-kind-csv-export = CSV export
read-own-kind-json-export = JSON export

## The header row and the columns

# $sheets: the sheets' names, separated by commas.
read-no-sheet-empty = The workbook has no sheets.
read-no-sheet = No sheet has a header row of measures in the first { $rows } rows (sheets looked at: { $sheets }).
    .hint = The header row needs columns such as { $examples }.
    .hint-missing = Row { $row } of sheet { $sheet } has headers, but lacks { $count ->
        [one] the required column { $missing }.
       *[other] the required columns { $missing }.
    }
# A column's header in a list.
read-quoted = "{ $text }"
read-missing-column = The required column "{ $field }" is missing.
    .hint = Add a column "{ $field }" to the header row.
read-duplicate-column = Columns { $first } and { $second } both mean the field "{ $field }".
    .hint = Remove or rename one of them; only the first is read.
read-unknown-column = The header "{ $value }" is not recognised; the column's data is ignored.
    .hint = Check the header's spelling.
    .hint-closest = Did you mean "{ $closest }"?
read-unknown-unit = The unit "{ $unit }" of column "{ $header }" is not known, so its numbers are not read: kooste reads amounts in euros and other numbers as counts.
    .hint = Convert the numbers to euros (FTE in years, people as counts) and remove the unit "{ $unit }" from the header.

## Rows that are not read

read-unread-sheet = Sheet "{ $sheet }" also has a measure header, but only sheet "{ $read }" is read.
    .hint = Move the measures onto one sheet, or send them as separate files.
read-unread-column = Column { $column } has values ({ $count ->
        [one] { $count } cell
       *[other] { $count } cells
    }) but no header, so they are not read.
    .hint = Give the column a header, or delete the values.
read-hidden-by-merge = Cell { $cell } lies under a merged range, so its own value "{ $value }" does not show in the sheet and is not read.
    .hint = Unmerge the cells, or delete the hidden value.
read-total-out-of-place = The total row has the number "{ $value }" in cell { $cell }, but the column holds no euro amounts, so the number is neither checked nor read.
    .hint = Move the sum to the right euro column, or delete it.
read-shifted-row-split = Row { $row } has more fields than the header row, and "{ $value }" in { $cell } follows "{ $first }": the number { $first },{ $value } was most likely split into two cells at its thousands comma, not being in quotation marks, so the row's values have moved to other columns. The row's figures are not read on a guess.
    .hint = Put values that hold the separator in quotation marks, or save the file as an Excel workbook.
read-shifted-row = Row { $row } has a value right of the header's last column ({ $cell }: "{ $value }"), and more fields than the header row. Either a value holds the separator "{ $delimiter }" without quotation marks, so the row's values have moved to other columns, or the column lacks a header. The row's figures are not read on a guess.
    .hint = Put values that hold the separator in quotation marks, add the missing header, or save the file as an Excel workbook.
read-quoted-rows = The value in { $cell } runs on inside quotation marks over { $lines ->
        [one] a line that looks like a row of the table (it holds { $delimiters } separators "{ $delimiter }")
       *[other] { $lines } lines that look like rows of the table (holding up to { $delimiters } separators "{ $delimiter }")
    }. A quotation mark was most likely left open, and LibreOffice and Excel read the rows into this cell; their measures and this row's figures are not read.
    .hint = Close the quotation mark at the end of the value in { $cell }, or delete it.
read-unclosed-quote = The value in { $cell } opens with a quotation mark that no quotation mark before a separator or a line end closes. It is read as a character and the value ends at the end of its line, as LibreOffice reads it; Excel would read the rest of the file into this cell.
    .hint = Check the cell's value, and delete the stray quotation mark or add the missing one.
read-unread-row = The row has values ("{ $value }") but is not a measure, so it is not read.
    .hint = Headings and notes are not carried into the consolidation; if the row is a measure, fill in its fields.
read-prefill-changed = The row has only the template's prefilled values ("{ $value }"), unlike the template's other empty rows, and nothing else, so it is not read as a measure.
    .hint = If the row is a measure, fill in its fields; otherwise restore the row's prefilled values or clear the row.
read-example-changed = The row is the template's example row, but a measure's details were typed into it ("{ $value }"), so it is not read as a measure.
    .hint = Move the measure to a row of its own below the example row, or remove the example label at the start of the row.
read-total-mismatch = The total row's { $field } is { $total }, but the rows above add up to { $sum } (difference { $diff }).
    .hint = Correct the total row or the rows' figures.

## The values of cells

read-missing-value = The required field "{ $field }" is empty.
    .hint = Fill in the cell.
# $kind: one of the read-kind messages.
read-type-error = "{ $value }" is not { $kind }.
    .footnote = The number is followed by a character set above or below the line, such as a footnote number. Move the reference to a column or note of its own so that the number is read.
read-too-large-number = The number { $value } is too large to be { $kind }.
read-error-value = The cell holds the error value { $value }.
# A very long number in scientific form, e.g. 1.0·10^308.
read-number-scientific = { $mantissa }·10^{ $exponent }
read-kind-euro = an amount of euros
    .hint = Type the amount in figures, e.g. 12500 or 12,500.50 €.
read-kind-number = a number
    .hint = Type a number, e.g. 1.5.
read-kind-whole = a whole number
    .hint = Type a whole number, e.g. 120.
read-kind-year = a year
    .hint = Type the year in four digits, e.g. 2021.
read-kind-date = a date
    .hint = Type the date as 31.12.2021.
# $field: the column's header from the programme's configuration.
read-not-allowed = "{ $value }" is not an allowed value in the column "{ $field }".
    .hint = Allowed values: { $allowed }.
    .hint-closest = Did you mean "{ $closest }"? Allowed values: { $allowed }.
read-negative = The field "{ $field }" cannot be negative ({ $value }).
    .hint = Check the sign.
read-year-out-of-range = The year { $value } is outside the programme years { $first }–{ $last }.
    .hint = Check the year.
read-not-email = "{ $value }" is not an e-mail address.
    .hint = Type the address as name@example.fi.
read-formula-without-value = The cell holds the formula ={ $formula }, but the file stores no computed result.
    .hint = Open the file in Excel or LibreOffice and save it, or type the figure instead of the formula.
read-formula-mismatch = The cell's formula ={ $formula } gives { $evaluated }, but the file stores the result { $stored }, so the figure is not read.
    .hint = The file was not recalculated when it was saved (manual calculation?). Press F9 in Excel (Ctrl+Shift+F9 in LibreOffice), check the figure and save.
read-text-too-long = The text has { $count } characters, but an Excel cell holds { $limit }; the consolidated workbook stores it shortened.
    .hint = The CSV and JSON exports keep the text whole; shorten it if need be.
# $mark: the character that may be a decimal mark or a thousands separator.
read-ambiguous-number = "{ $value }" can be read two ways: { $first } or { $second }. Nothing in the file tells whether "{ $mark }" is the decimal mark or a thousands separator.
    .hint = Type the number without thousands separators, e.g. 90000 or 90.50.
read-ambiguous-number-other = "{ $value }" can be read two ways: { $first } or { $second }. The file's other numbers use "{ $decimal }" as the decimal mark, but this field may have three decimals, so "{ $mark }" may be a decimal mark too, not a thousands separator.
read-ambiguous-number-mixed = "{ $value }" can be read two ways: { $first } or { $second }. The file's numbers use both "," and "." as the decimal mark, so "{ $mark }" may be either.
read-ambiguous-number-cents = "{ $value }" can be read two ways: { $first } or { $second }. The file's other numbers use "{ $mark }" as the decimal mark, but an amount in euros has no three decimals, so "{ $mark }" may be a thousands separator here.
    .hint = Type the number without thousands separators, e.g. 90000 or 90.50.
read-ambiguous-number-whole = "{ $value }" can be read two ways: { $first } or { $second }. The file's other numbers use "{ $mark }" as the decimal mark, but a count has no decimals, so "{ $mark }" may be a thousands separator here.
    .hint = Type the count without a thousands separator, e.g. 1250.
read-unknown-unit-format = The cell's number { $value } is shown with the unit "{ $unit }" (the cell's number format), but field "{ $field }" is not read in that unit, so the number is not read: it would be off by a factor.
    .hint = Type the number in euros (FTE in years, people as counts) and remove the unit "{ $unit }" from the cell's number format.
read-merged-amount = The number in field "{ $field }" is merged over several rows from cell { $anchor }; it cannot be counted for each measure.
    .hint = Unmerge the cells and type each measure's own number on its row.
read-sub-cent = The euro amount "{ $value }" has decimals past the cents, so it is neither read nor rounded.
    .hint = Type the euro amount with at most two decimals (cents), e.g. 1234.57.
read-euros-exact = €{ $value }
read-hidden-number = The cell holds the number { $value }, but its number format (such as ;;;) hides it, so the sheet shows the cell empty, and it is read as empty.
    .hint = Remove the hiding number format and check the number, or clear the cell if the number is not meant.
read-unknown-unit-title = Cell { $cell } above the header gives the unit "{ $unit }", so the numbers of the euro columns ({ $fields }) are not read: as euros they would be off by a factor of a thousand or a million.
    .hint = Convert the numbers to euros and remove the unit "{ $unit }" from the title; kooste reads amounts in euros.
read-unknown-unit-footnote = Cell { $cell } in a note below the table gives the unit "{ $unit }", so the numbers of the euro columns ({ $fields }) are not read: as euros they would be off by a factor of a thousand or a million.
    .hint = Convert the numbers to euros and remove the note "{ $unit }" below the table; kooste reads amounts in euros.
read-unit-row = Row { $row } is the header's row of units ({ $units }): its units are read as the columns' units, and the row is not read as a measure.
    .hint = Check that the units are right; a unit can also be written in the header, such as "Budget (EUR)".
read-hidden-column = Column { $column } ("{ $header }") is hidden but is read as the field "{ $field }": check that its figures are up to date.
    .hint = Show the column and check its figures, or delete it if they are old.
read-hidden-column-ambiguous = Column { $column } ("{ $header }") is hidden, and the visible column { $visible } ("{ $other }") may hold the figures of the field "{ $field }", so the hidden column is not read: the file does not tell which column is right.
    .hint = Delete the stale column, or give the visible column the header "{ $field }".
read-scaled-format = The cell holds the number { $stored }, but its number format shows it as "{ $shown }{ $unit }": the field "{ $field }" reads the stored number { $stored }.
    .hint = Check that the number is right in euros; remove the format's scaling (the trailing comma) if the cell should show the amount in euros.
read-hidden-rows = { $count ->
    [one] Row { $rows } is { $how ->
        [filtered] hidden by a filter
       *[hidden] hidden
    }, but it is read: its figures are in the consolidation and the totals though the sheet does not show the row.
   *[other] Rows { $rows } ({ $count } measures) are { $how ->
        [filtered] hidden by a filter
       *[hidden] hidden
    }, but they are read: their figures are in the consolidation and the totals though the sheet does not show the rows.
}
    .hint = Check the hidden rows; if a measure does not belong, delete its row from the file.
read-subtotal-mismatch = The subtotal row's { $field } is { $total }, but the measure rows in its formula's range { $range } add up to { $sum } (difference { $diff }).
    .hint = Correct the subtotal or the rows' figures.
read-unread-file = The file is not read: { $ext ->
    [txt] the text file is not a tab-separated table.
   *[other] kooste reads only spreadsheet files in a folder (xlsx, xlsm, xls, xlsb, ods, fods, csv, tsv and tab-separated txt).
}
    .hint = If the file is a department's submission, save it as a spreadsheet (xlsx, say) or give it to the command directly.
