# Checks across rows and files (figures and status, the same measure
# twice, departments, the programme's budget, the year), the run's
# findings (the same file twice, no measures), characters the report's
# font lacks, and errors in the programme's configuration file (TOML).
#
# Each finding's .hint says how to fix it. The program fills in the
# variables ($name): amounts and numbers come formatted, values the user
# typed as they are. The configuration's keys (first_year, stage, kind,
# ...) and the options (--year) are the program's words: they are not
# translated.

## Checks across rows and files

check-wrong-year = The row is for { $value }, but the year being reported is { $year }.
    .hint = Correct the year, or give the right year with --year.

check-spent-exceeds-budget = The amount { $spent } in the column "{ $spent_field }" exceeds the amount { $budget } in the column "{ $budget_field }" (+{ $diff }).
    .hint = Check the figures or give the reason for the overrun.

check-completed-without-spend = The column "{ $status_field }" has "{ $status }", but no amount is given in the column "{ $spent_field }".
    .hint = Update the column "{ $status_field }" or check the column "{ $spent_field }".

check-planning-with-spend = The column "{ $status_field }" has "{ $status }", but the amount { $spent } in the column "{ $spent_field }" is over half the amount { $budget } in the column "{ $budget_field }".
    .hint = Update the column "{ $status_field }" or check the column "{ $spent_field }".

check-duplicate-measure = The measure "{ $value }" is already in cell { $other }.
    .hint = Remove the duplicate or merge the rows.

check-duplicate-measure-other-department = The measure "{ $value }" is also in the submission of { $department } ({ $other }).
    .hint = Remove the duplicate or merge the rows.

check-several-departments = The file's rows have several values in the column "{ $field }": { $values }.
    .hint = One file is one submitter's submission.

check-title-department = The row has { $value } in the column "{ $field }", but the title has { $department }.
    .hint = One file is one submitter's submission.

check-budget-exceeds-programme = The amounts set aside for { $year } add up to { $total }, over the programme's annual budget of { $budget } (by { $diff }).
    .hint = Check the amounts in the column "{ $field }".

check-missing-submission = { $name } ({ $department }): no measures for { $year }.
    .hint = Ask for the submission.

## The run's findings

check-duplicate-file = The file's rows are those of { $other }, so it is not read a second time (its measures would count twice).
    .hint = Remove the copy or the converted file from the submissions' folder; if the files are different submissions, check their contents.

check-no-files = No spreadsheet file was found (places looked at: { $inputs }).
    .hint = Check that the folder holds the filled-in submissions (.xlsx, .xls, .ods or .csv).
check-no-measures = No measures were found (looked in: { $inputs }). Nothing was written.
    .hint = Check that the folder holds the filled-in submissions.

## The report's font. $field is the field's header, $chars a list of the
## characters (U+4E2D 中, …).

check-unprintable-text = The field "{ $field }" of the measure "{ $measure }" has characters the report's font lacks; they show as the replacement character � in the PDF: { $chars }.
    .hint = The report shows Latin, Greek and Cyrillic letters; the workbook and the exports keep the text as it is.

check-unseen-text = The field "{ $field }" of the measure "{ $measure }" has control or format characters that the report leaves out: { $chars }.
    .hint = The characters are invisible; the workbook and the exports keep the text as it is.

check-unshaped-text = The field "{ $field }" of the measure "{ $measure }" has right-to-left text (Arabic, Hebrew) that the report does not shape: its letters print separately and from left to right.
    .hint = The report shows Latin, Greek and Cyrillic letters; the workbook and the exports keep the text as it is.

# When a text has both problems: the two sentences above, one after the other.
check-unprintable-and-unshaped-text = { check-unprintable-text } { check-unshaped-text }
    .hint = The report shows Latin, Greek and Cyrillic letters; the workbook and the exports keep the text as it is.

## Errors in the configuration file (--config). $file is the file's name,
## $line the line, $key the key as table.key (programme.first_year). The
## key's error ($problem) is one of the config-… messages below: it starts
## with a small letter and says what to correct.

config-error-at = The configuration file { $file } has an error on line { $line }: { $problem }
config-error = The configuration file { $file } has an error: { $problem }
config-problem-missing-key = the required key { $name } is missing. Add it; templates/programme.toml shows the layout.
config-problem-unknown-key = the key { $name } is unknown. Check its spelling; templates/programme.toml shows the keys there are.
config-problem-wrong-type = the value of the key { $name } has the wrong type. Write text in quotes and numbers without them, as templates/programme.toml does.
config-problem-per-language = the key { $name } needs a text in each language, in the form { "{" } fi = "…", sv = "…", en = "…" { "}" }, as templates/programme.toml has it.
config-inconsistent-at = The configuration file { $file } has an error on line { $line }, in the key { $key }: { $problem }
config-inconsistent = The configuration file { $file } has an error in the key { $key }: { $problem }

config-year-out-of-range = { $value } is not a year from { $min } to { $max }. Give a year in that range.
config-last-year-before-first = the last year { $last } is before the first year { $first }. Correct first_year or last_year.
config-span-too-long = { $first }–{ $last } is { $years ->
        [one] { $years } year
       *[other] { $years } years
    }, but a programme spans at most { $max ->
        [one] { $max } year
       *[other] { $max } years
    }. Correct first_year or last_year.
config-budget-out-of-range = { $value } is not a number of euros from 0 to below { $max }. Give the annual budget in euros in that range.
config-too-many-template-rows = { $value ->
        [one] { $value } row
       *[other] { $value } rows
    } is more than the { $max } allowed (an Excel sheet holds { $sheet_rows } rows). Give fewer rows.
config-control-character = the value holds the control character { $char }, which cannot stand in a workbook. Remove it from the value.
config-bad-deadline = "{ $value }" is not a deadline. Give a day and month, such as "31.1." (31 January of the year after the reported year), or a date per reported year as a table of year = "date", such as 2022 = "31.1.2023".
config-empty-list = the list has no entries. Add at least one [[{ $list }]] entry.
config-empty-code = the code is empty. Give the entry a code.
config-same-spelling = "{ $spelling }" names two entries of { $list }. Give the entries different codes, names and other spellings (aliases).
config-no-stage = the status { $code } has no stage. Give stage one of planning, implementation, completed, suspended or external.
config-field-twice = the field { $field } is defined twice. Remove one definition or give it another key.
config-shared-header = the header "{ $header }" is also used by the field { $other }. Give the fields different headers and other names (aliases).
config-wrong-kind = the field { $field } must have the kind { $kind }. Write kind = "{ $kind }".
config-missing-field = the required field { $field } is missing. Add a [[fields]] entry with key = "{ $field }".

config-not-found = The configuration file { $file } does not exist. Check the path given with --config.
config-unreadable = The configuration file { $file } cannot be read. Check that it is a UTF-8 text file and that you may read it.
config-syntax-at-key = The configuration file { $file } has an error on line { $line }, at the key { $key }: the key is missing or unknown, its value is of the wrong type, or the line is not valid TOML. Correct the line.
config-syntax-at-line = The configuration file { $file } has an error on line { $line }: the line is not valid TOML, or a key on it is missing, unknown or of the wrong type. Correct the line.
config-syntax = The configuration file { $file } cannot be used: it is not valid TOML or a required key is missing. Correct the file.

config-logo-unreadable = The logo file { $file } cannot be read. Check the path of programme.logo (relative to the configuration file) and that you may read it.
config-logo-too-large = The logo { $file } is too large: at most { $pixels } pixels and { $megabytes } MB. Make the image smaller.
config-logo-format = The logo { $file } is neither a PNG nor an RGB or greyscale JPEG image, or it is damaged. Save the logo as PNG.
config-logo-without-alt = the logo has no alternative text. Add programme.logo_alt = { "{" } fi = "…", sv = "…", en = "…" { "}" }.
