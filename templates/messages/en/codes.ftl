# Short titles of the finding codes. The codes themselves stay the same in
# every language: scripts read them.

code-title = { $code ->
    [unreadable-file] Unreadable file
    [encrypted-file] Password-protected file
    [no-measure-sheet] No measure sheet
    [missing-column] Required column missing
    [duplicate-column] Column given twice
    [unknown-column] Unknown column
    [missing-value] Required value missing
    [type-error] Wrong kind of value
    [not-allowed] Value not allowed
    [out-of-range] Value out of range
    [invalid-format] Invalid format
    [formula-without-value] Formula without a stored value
    [total-mismatch] Total row does not match
    [spent-exceeds-budget] Amount used exceeds the amount set aside
    [status-conflict] Progress contradicts the figures
    [duplicate-measure] Measure given twice
    [department-mismatch] Submitter mismatch
    [budget-exceeds-programme] Amounts set aside exceed the programme's annual budget
    [missing-submission] Submission missing
    [wrong-year] Row of another year
    [too-large] File too large
    [text-too-long] Text too long
    [ambiguous-number] Ambiguous number
    [invalid-bytes] Invalid bytes
    [unknown-encoding] Unknown encoding
    [unread-content] Content not read
    [shifted-row] Shifted values
    [unclosed-quote] Unclosed quotation mark
    [quoted-rows] Rows inside quotation marks
    [own-output] File written by kooste
    [no-measures] No measures
    [unprintable-text] Text the report cannot show
    [unknown-unit] Unknown unit
    [merged-amount] Merged amount
    [formula-mismatch] Formula result does not match
    [hidden-rows] Hidden rows
    [duplicate-file] File given twice
    [unit-row] Unit row
    [hidden-column] Hidden column
    [scaled-format] Scaled number format
   *[other] { $code }
}

severity-error = error
severity-warning = warning
