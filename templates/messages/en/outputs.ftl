# The outputs' texts: the command line's summaries, the consolidated
# workbook's sheet names, column headers and notes, the submission
# template's instructions, the annotated copy's texts and the annual
# report's own labels (the report's titles and paragraphs are in
# templates/report_en.toml).
#
# The variables ($n, $path, …) are filled in by the program; do not
# translate them. $n is a count: it chooses the singular [one] or the
# plural [other]. A reference to another message ({ out-sheet-measures })
# takes its text, so a sheet's name changes everywhere at once.

## Command line: the summary line after the checks

out-files = { $n ->
    [one] { $n } file
   *[other] { $n } files
}
out-measures = { $n ->
    [one] { $n } measure
   *[other] { $n } measures
}
out-errors = { $n ->
    [one] { $n } error
   *[other] { $n } errors
}
out-warnings = { $n ->
    [one] { $n } warning
   *[other] { $n } warnings
}
# Rows not carried into the outputs, and why ($reasons: those below, with commas).
out-rows-left-out = { $n ->
    [one] { $n } row left out
   *[other] { $n } rows left out
}
out-left-out-duplicates = { $n ->
    [one] { $n } duplicate
   *[other] { $n } duplicates
}
out-left-out-wrong-year = { $n } of another year
out-left-out-errors = { $n } with errors
# $files, $measures, $errors and $warnings are the counts above.
out-summary = { $files }, { $measures }, { $errors }, { $warnings }
out-summary-left-out = { $files }, { $measures } ({ $rows }: { $reasons }), { $errors }, { $warnings }
# build and merge write no outputs while the submissions have errors.
out-build-blocked = { $n ->
    [one] No outputs were written because the submissions have { $n } error. Correct it or use --draft.
   *[other] No outputs were written because the submissions have { $n } errors. Correct them or use --draft.
}
out-wrote = Wrote: { $path }
# Beside the spinner while a large run's outputs are written.
out-writing = Writing { $path } …

# convert: cells whose value had an error and was not carried into the converted file ($cells: cell references such as H7).
out-left-empty = { $file }: { $n ->
        [one] this cell was left empty
       *[other] these cells were left empty
    }: { $cells }

## The consolidated workbook

out-draft = DRAFT
# A draft's title; $title is the programme's name and the year.
out-draft-title = { out-draft } – { $title }
out-annual-report = Annual report

out-sheet-summary = Summary
out-sheet-measures = Measures
out-sheet-findings = Findings
out-sheet-sources = Sources
out-sheet-charts = Charts
out-sheet-comparison = Comparison
out-sheet-area-split = Area split

out-col-department = Department
out-col-focus-area = Focus area
out-col-measures = Measures
out-col-budget = Budget (EUR)
out-col-spent = Actual (EUR)
out-col-utilisation = Utilisation
out-col-fte = FTE
out-col-status = Status
out-col-areas = Areas
out-col-themes = Themes
out-col-reached = People reached
out-col-share = Share
out-col-source-file = Source file
out-col-source-cell = Source cell
out-col-sheet = Sheet
out-col-sha256 = SHA-256
out-col-format = Format
out-col-header-row = Header row
out-col-rows = Rows
out-col-severity = Severity
out-col-code = Code
# The code's short title (codes.ftl) beside the code.
out-col-title = Meaning
out-col-cell = Cell
out-col-message = Message
out-col-hint = Hint
# On the findings sheet: a link to the measure's row.
out-col-row = Row

out-total = Total
out-programme = Programme
out-year = Year
out-annual-budget = Annual budget
out-date = Date
out-key-figures = Key figures
# The headings and chart titles below name the programme's own columns:
# $department_field, $focus_field, $status_field, $area_field, $budget_field,
# $spent_field and $year_field are its configured headers; with the
# programme's `by` phrases ($department_by, …; "none" when unset) and `short`
# names ($budget_short, …; _cap: capitalised) they read naturally.
out-by-department = { $department_by ->
    [none] Grouped by: { $department_field }
   *[other] { $department_by_cap }
}
out-by-focus-area = { $focus_by ->
    [none] Grouped by: { $focus_field }
   *[other] { $focus_by_cap }
}
out-by-status = { $status_by ->
    [none] Grouped by: { $status_field }
   *[other] { $status_by_cap }
}
out-by-area = { $area_by ->
    [none] Grouped by: { $area_field }
   *[other] { $area_by_cap }
}
out-dept-by-focus = { $department_field } and { $focus_field }: { $budget_field }
out-sources-note = The figures are compiled from the submissions; the sources are listed on the { out-sheet-sources } sheet.
out-source-previous = comparison: { $year } consolidated workbook
out-source-trend = trend: { $year } consolidated workbook
out-area-split-even = A measure in several areas is counted in each, and its euros are split evenly between them.
out-area-split-full = A measure in several areas is counted in full in each, so the areas can add up to more than the total.
# The findings sheet's last row when not all of them fit.
out-findings-cut = { $n ->
    [one] … and { $n } more finding that does not fit the sheet: see kooste validate --format json.
   *[other] … and { $n } more findings that do not fit the sheet: see kooste validate --format json.
}

out-chart-budget-actual = { $department_by ->
    [none] { $budget_field } and { $spent_field } – { $department_field }
   *[other] { $budget_short_cap } and { $spent_short } { $department_by }
}
out-chart-budget-focus = { $focus_by ->
    [none] { $budget_field } – { $focus_field }
   *[other] { $budget_short_cap } { $focus_by }
}
out-chart-status-dept = { $department_by ->
    [none] Measures: { $status_field } – { $department_field }
   *[other] { $status_by ->
        [none] Measures: { $status_field } – { $department_field }
       *[other] Measures { $status_by } and { $department_by }
    }
}
out-chart-budget-year = { $year_by ->
    [none] { $budget_field } – { $year_field }
   *[other] { $budget_short_cap } { $year_by }
}

# Comparison with the previous year; $previous and $current are years.
out-cmp-title = { out-sheet-comparison } { $previous } → { $current }
out-cmp-counts = Changes in measures
out-cmp-added = New measures
out-cmp-ended = Ended measures
out-cmp-carried = Carried-on measures
out-cmp-status-changes = Changes: { $status_field }
out-cmp-budget-dept = Change: { $budget_field } – { $department_field }
out-cmp-budget-focus = Change: { $budget_field } – { $focus_field }
out-col-budget-of-year = { $field } { $year }
out-col-change-eur = Change (EUR)
out-col-change-pct = Change (%)
out-col-prev-status = { $field }, earlier
out-col-new-status = { $field }, new

# The trend over the programme period (two earlier years or more); $first and $last are years.
out-sheet-trend = Trend
out-trend-title = { out-sheet-trend } { $first }–{ $last }
out-trend-by-year = The whole programme by year
out-trend-budget-dept = Budget by department
out-trend-spent-dept = Actual by department
out-trend-measures-dept = Measures by department
out-trend-budget-focus = Budget by focus area
out-trend-spent-focus = Actual by focus area
out-trend-measures-focus = Measures by focus area
out-chart-trend = Budget and actual by year
out-chart-trend-dept = Budget by department and year

## The submission template

out-sheet-instructions = Instructions
out-sheet-lists = Lists
# The annotated copy's sheet of values the template has no place for.
out-sheet-unplaced = Other values
out-unplaced-intro = The template has no column for these values of the original file. Move what is needed to the sheet { out-sheet-measures }; this sheet is not read.
out-col-original-cell = Original cell
out-col-copy-row = Row in this copy
out-col-value = Value
out-measures-of-year = Measures in { $year }
out-template-title = { $programme } – { out-measures-of-year }
out-department-line = { $field }: { $department } ({ $code })
out-deadline = Return by { $deadline }.
out-contact = Contact: { $contact }.
out-col-column = Column
out-col-required = Required
out-col-description = Description
out-col-allowed = Allowed values
out-yes = yes
out-no = no
out-instructions-intro = Type one measure per row on the sheet { out-sheet-measures }. The grey example row and the total row fill in themselves and are not read as measures. Pick the values of the columns { $lists } from the list; separate several values with semicolons in the columns { $several }.
out-template-ended = Measures of { $year } that ended and were not carried over to this year (completed and stopped):
out-example-story = A short story of what the measure achieved.
# A cell's input message, and the allowed values on the Instructions sheet, by the column's kind.
out-input-euro = Type the amount in figures, e.g. 12500 or 12,500.50 €.
out-input-number = Type a number, e.g. 1.5.
out-input-whole = Type a whole number, e.g. 120.
out-input-year = Type the year in four digits, e.g. { $year }.
out-input-date = Type the date as 31.12.{ $year }.
out-input-email = Type the address as name@example.fi.

## The annotated copy (validate --annotate)

# The end of the file's name: submission.xlsx → submission_checked.xlsx.
out-annotated-suffix = checked
# The note of a marked cell, a line per finding.
out-note-finding = [{ $code }] { $title }: { $message }
out-note-finding-hint = [{ $code }] { $title }: { $message } { $hint }

## The annual report (PDF)

out-report-running-header = { $programme } · { out-annual-report } { $year }
out-report-title = { $programme } – { out-annual-report } { $year }
out-report-subject = { out-annual-report } { $year }
out-page-of = Page { $page } / { $pages }
# A list's last line when not all of it fits the report.
out-list-cut = … and { $n } more. All are in the consolidated workbook.
# The appendix's list of the warnings that remain.
out-report-warnings = Warnings

## Corrections recorded in the web app (sources sheet, report appendix)
out-sources-corrections = Corrections
out-col-value-before = Value in the file
out-col-value-after = Corrected value
out-col-corrected-by = Corrected by
out-col-corrected-at = Corrected at
