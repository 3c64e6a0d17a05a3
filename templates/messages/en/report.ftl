# The annual report's own texts: what a screen reader announces for the
# charts and links, and the parts of a draft. Keep the same ids and
# variables in fi, sv and en; { $value } is an amount already formatted.

# A chart's alternative text: its title, then every value it shows.
report-chart-alt = { $title }: { $values }.
# One value of a chart: a category (or a series) and its amount.
report-chart-value = { $category } { $value }
# A category of a chart with several series: its series' values.
report-chart-values = { $category }: { $values }
# What a contents entry's link does, read out for the link.
report-contents-link = { $title }, page { $page }
# The document title of a draft.
report-draft-title = { $draft }: { $title }
# In a draft: the rows left out of the figures, and the table's headers.
report-left-out = Rows left out of this draft
report-left-out-file = File
report-left-out-row = Row
report-left-out-why = Reason
# A table continued from the previous page repeats its heading so.
report-continued = { $heading } (continued)
# Before the measure tables: the key to the department codes they use.
report-department-key = { $field } – abbreviations
# Where a remaining warning is: a file and its row.
report-warning-place = { $file }, row { $row }
# The summary at the start of the key figures, written from the figures.
report-summary = In { $year } the programme had { $measures ->
        [one] one measure
       *[other] { $measures } measures
    } from { $departments ->
        [one] one submitter
       *[other] { $departments } submitters
    }. { $budget } was set aside for them in all, of which { $spent } was used ({ $utilisation }).

# The {area_split} placeholder of the report template's areas text: how the
# euros of a measure in several areas are counted (the programme's area_split).
report-area-split-even = The euros of a measure in several areas are split between them.
report-area-split-full = The euros of a measure in several areas are counted in full in each of them.
