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
report-contents-link = { $title }, sivu { $page }
# The document title of a draft.
report-draft-title = { $draft }: { $title }
# In a draft: the rows left out of the figures, and the table's headers.
report-left-out = Luonnoksesta pois jätetyt rivit
report-left-out-file = Tiedosto
report-left-out-row = Rivi
report-left-out-why = Syy
