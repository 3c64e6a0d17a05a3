# Utdatans texter: kommandoradens sammanfattningar, sammanställningens
# flikar, kolumnrubriker och anmärkningar, anmälningsmallens anvisningar,
# den granskade kopians texter och årsrapportens egna beteckningar
# (rapportens rubriker och stycken finns i templates/report_sv.toml).
#
# Variablerna ($n, $path, …) fylls i av programmet; översätt dem inte. $n
# är ett antal: efter det väljs singular [one] eller plural [other].
# En hänvisning till ett annat meddelande ({ out-sheet-measures }) tar
# dess text, så att en fliks namn ändras överallt på en gång.

## Kommandoraden: sammanfattningsraden efter granskningen

out-files = { $n ->
    [one] { $n } fil
   *[other] { $n } filer
}
out-measures = { $n ->
    [one] { $n } åtgärd
   *[other] { $n } åtgärder
}
out-errors = { $n ->
    [one] { $n } fel
   *[other] { $n } fel
}
out-warnings = { $n ->
    [one] { $n } varning
   *[other] { $n } varningar
}
# Rader som inte kom med i utdata, och varför ($reasons: de nedan, med kommatecken).
out-rows-left-out = { $n ->
    [one] { $n } rad utelämnades
   *[other] { $n } rader utelämnades
}
out-left-out-duplicates = { $n ->
    [one] { $n } dubblett
   *[other] { $n } dubbletter
}
out-left-out-wrong-year = { $n } från ett annat år
out-left-out-errors = { $n } med fel
# $files, $measures, $errors och $warnings är antalen ovan.
out-summary = { $files }, { $measures }, { $errors }, { $warnings }
out-summary-left-out = { $files }, { $measures } ({ $rows }: { $reasons }), { $errors }, { $warnings }
# build och merge skriver inga utdata när anmälningarna har fel.
out-build-blocked = { $n ->
    [one] Inga resultat skrevs eftersom anmälningarna har { $n } fel. Rätta det eller använd --draft.
   *[other] Inga resultat skrevs eftersom anmälningarna har { $n } fel. Rätta dem eller använd --draft.
}
out-wrote = Skrev: { $path }
# Bredvid snurran medan en stor körnings utdata skrivs.
out-writing = Skriver { $path } …

# convert: celler vars felaktiga värde inte fördes över till den konverterade filen ($cells: cellreferenser, t.ex. H7).
out-left-empty = { $file }: { $n ->
        [one] följande cell lämnades tom
       *[other] följande celler lämnades tomma
    }: { $cells }

## Sammanställningen (arbetsboken)

out-draft = UTKAST
# Ett utkasts titel; $title är programmets namn och året.
out-draft-title = { out-draft } – { $title }
out-annual-report = Årsrapport

out-sheet-summary = Sammanfattning
out-sheet-measures = Åtgärder
out-sheet-findings = Kontroller
out-sheet-sources = Källor
out-sheet-charts = Diagram
out-sheet-comparison = Jämförelse
out-sheet-area-split = Områdesfördelning

out-col-department = Sektor
out-col-focus-area = Fokusområde
out-col-measures = Åtgärder
out-col-budget = Budget (€)
out-col-spent = Utfall (€)
out-col-utilisation = Utnyttjandegrad
out-col-fte = Årsverken
out-col-status = Skede
out-col-areas = Områden
out-col-themes = Teman
out-col-reached = Nådda invånare
out-col-share = Andel
out-col-source-file = Källfil
out-col-source-cell = Källcell
out-col-sheet = Flik
out-col-sha256 = SHA-256
out-col-format = Format
out-col-header-row = Rubrikrad
out-col-rows = Rader
out-col-severity = Allvarlighet
out-col-code = Kod
# Kodens korta rubrik (codes.ftl) bredvid koden.
out-col-title = Förklaring
out-col-cell = Cell
out-col-message = Meddelande
out-col-hint = Anvisning
# På kontrollfliken: en länk till åtgärdens rad.
out-col-row = Rad

out-total = Totalt
out-programme = Program
out-year = År
out-annual-budget = Årsbudget
out-date = Datum
out-key-figures = Nyckeltal
# The headings and chart titles below name the programme's own columns:
# $department_field, $focus_field, $status_field, $area_field, $budget_field,
# $spent_field and $year_field are its configured headers; with the
# programme's `by` phrases ($department_by, …; "none" when unset) and `short`
# names ($budget_short, …; _cap: capitalised) they read naturally.
out-by-department = { $department_by ->
    [none] Gruppering: { $department_field }
   *[other] { $department_by_cap }
}
out-by-focus-area = { $focus_by ->
    [none] Gruppering: { $focus_field }
   *[other] { $focus_by_cap }
}
out-by-status = { $status_by ->
    [none] Gruppering: { $status_field }
   *[other] { $status_by_cap }
}
out-by-area = { $area_by ->
    [none] Gruppering: { $area_field }
   *[other] { $area_by_cap }
}
out-dept-by-focus = { $department_field } och { $focus_field }: { $budget_field }
out-sources-note = Talen har sammanställts ur anmälningarna; källorna finns på fliken { out-sheet-sources }.
out-source-previous = jämförelse: sammanställningen { $year }
out-source-trend = utveckling: sammanställningen { $year }
out-area-split-even = En åtgärd i flera områden räknas för varje område, och dess euro delas lika mellan områdena.
out-area-split-full = En åtgärd i flera områden räknas helt för varje område, så områdenas summa kan överstiga totalen.
# Kontrollflikens sista rad när alla inte ryms.
out-findings-cut = { $n ->
    [one] … och { $n } annan iakttagelse som inte ryms i bladet: se kooste validate --format json.
   *[other] … och { $n } andra iakttagelser som inte ryms i bladet: se kooste validate --format json.
}

out-chart-budget-actual = { $department_by ->
    [none] { $budget_field } och { $spent_field } – { $department_field }
   *[other] { $budget_short_cap } och { $spent_short } { $department_by }
}
out-chart-budget-focus = { $focus_by ->
    [none] { $budget_field } – { $focus_field }
   *[other] { $budget_short_cap } { $focus_by }
}
out-chart-status-dept = { $department_by ->
    [none] Åtgärder: { $status_field } – { $department_field }
   *[other] { $status_by ->
        [none] Åtgärder: { $status_field } – { $department_field }
       *[other] Åtgärder { $status_by } och { $department_by }
    }
}
out-chart-budget-year = { $year_by ->
    [none] { $budget_field } – { $year_field }
   *[other] { $budget_short_cap } { $year_by }
}

# Jämförelse med föregående år; $previous och $current är årtal.
out-cmp-title = { out-sheet-comparison } { $previous } → { $current }
out-cmp-counts = Förändringar i åtgärderna
out-cmp-added = Nya åtgärder
out-cmp-ended = Avslutade åtgärder
out-cmp-carried = Fortsatta åtgärder
out-cmp-status-changes = Förändringar: { $status_field }
out-cmp-budget-dept = Förändring: { $budget_field } – { $department_field }
out-cmp-budget-focus = Förändring: { $budget_field } – { $focus_field }
out-col-budget-of-year = { $field } { $year }
out-col-change-eur = Förändring (€)
out-col-change-pct = Förändring (%)
out-col-prev-status = { $field }, tidigare
out-col-new-status = { $field }, ny

# Utvecklingen under programperioden (två tidigare år eller fler); $first och $last är årtal.
out-sheet-trend = Utveckling
out-trend-title = { out-sheet-trend } { $first }–{ $last }
out-trend-by-year = Hela programmet per år
out-trend-budget-dept = Budget per sektor
out-trend-spent-dept = Utfall per sektor
out-trend-measures-dept = Åtgärder per sektor
out-trend-budget-focus = Budget per fokusområde
out-trend-spent-focus = Utfall per fokusområde
out-trend-measures-focus = Åtgärder per fokusområde
out-chart-trend = Budget och utfall per år
out-chart-trend-dept = Budget per sektor och år

## Inlämningsmallen

out-sheet-instructions = Anvisningar
out-sheet-lists = Listor
# Den granskade kopians flik för värden som mallen saknar plats för.
out-sheet-unplaced = Övriga värden
out-unplaced-intro = Mallen har ingen kolumn för dessa värden i originalfilen. Flytta de uppgifter som behövs till fliken { out-sheet-measures }; den här fliken läses inte.
out-col-original-cell = Ursprunglig cell
out-col-copy-row = Rad i denna kopia
out-col-value = Värde
out-measures-of-year = Åtgärderna år { $year }
out-template-title = { $programme } – { out-measures-of-year }
out-department-line = { $field }: { $department } ({ $code })
out-deadline = Returneras senast { $deadline }.
out-contact = Kontaktperson: { $contact }.
out-col-column = Kolumn
out-col-required = Obligatorisk
out-col-description = Beskrivning
out-col-allowed = Tillåtna värden
out-yes = ja
out-no = nej
out-instructions-intro = Skriv en åtgärd per rad på fliken { out-sheet-measures }. Den grå exempelraden och totalraden fylls i av sig själva och läses inte som åtgärder. Välj värdena i kolumnerna { $lists } i listan; skilj flera värden med semikolon i kolumnerna { $several }.
out-template-ended = Avslutade åtgärder från { $year } som inte fördes över till detta år (slutförda och avbrutna):
out-example-story = En kort berättelse om vad åtgärden åstadkom.
# Cellens inmatningsanvisning och de tillåtna värdena på fliken Anvisningar, efter kolumnens slag.
out-input-euro = Skriv beloppet med siffror, t.ex. 12 500 eller 12 500,50 €.
out-input-number = Skriv ett tal, t.ex. 1,5.
out-input-whole = Skriv ett heltal, t.ex. 120.
out-input-year = Skriv året med fyra siffror, t.ex. { $year }.
out-input-date = Skriv datumet som 31.12.{ $year }.
out-input-email = Skriv adressen som namn@exempel.fi.

## Den granskade kopian (validate --annotate)

# Slutet av filnamnet: inlamning.xlsx → inlamning_granskad.xlsx.
out-annotated-suffix = granskad
# Anteckningen i en markerad cell, en rad per iakttagelse.
out-note-finding = [{ $code }] { $title }: { $message }
out-note-finding-hint = [{ $code }] { $title }: { $message } { $hint }

## Årsrapporten (PDF)

out-report-running-header = { $programme } · { out-annual-report } { $year }
out-report-title = { $programme } – { out-annual-report } { $year }
out-report-subject = { out-annual-report } { $year }
out-page-of = Sida { $page } / { $pages }
# En listas sista rad när alla inte ryms i rapporten.
out-list-cut = … och { $n } till. Alla finns i sammanställningens arbetsbok.
# Bilagans lista över varningar som kvarstår.
out-report-warnings = Varningar

## Rättelser som registrerats i webbappen (fliken Källor, rapportens bilaga)
out-sources-corrections = Rättelser
out-col-value-before = Värde i filen
out-col-value-after = Rättat värde
out-col-corrected-by = Rättad av
out-col-corrected-at = Rättad
