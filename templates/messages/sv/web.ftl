# Webbappen (kooste serve).
web-skip = Hoppa till innehållet
web-nav-label = Huvudmeny
web-nav-dashboard = Läge
web-nav-upload = Skicka filer
web-nav-findings = Iakttagelser
web-nav-build = Sammanställ
web-nav-templates = Mallar
web-lang-label = Språk
web-logout = Logga ut
web-year-label = År
web-show = Visa
web-years = År:
web-dashboard-title = Läget för år { $year }
web-dashboard-caption = Sektorernas inlämningar
web-col-department = Sektor
web-col-state = Läge
web-col-last-file = Senaste fil
web-col-findings = Iakttagelser
web-state-none = Inget mottaget
web-state-errors = Fel
web-state-warnings = Endast varningar
web-state-clean = I ordning
web-findings-link = { $count ->
    [one] { $department }: 1 iakttagelse
   *[other] { $department }: { $count } iakttagelser
}
web-unassigned-title = Filer vars sektor inte kändes igen
web-upload-title = Skicka filer
web-upload-intro = Välj en eller flera av sektorernas filer (xlsx, xls, ods eller csv). Originalfilerna ändras inte.
web-upload-files = Filer
web-upload-department = Sektor
web-upload-department-detect = Känn igen från filen
web-upload-drop = Du kan också dra filerna hit.
web-upload-progress = Hur långt sändningen kommit
web-upload-submit = Skicka
web-upload-results = Mottagna filer
web-upload-stored = { $file }: sektor { $department }, { $errors ->
    [one] 1 fel
   *[other] { $errors } fel
}, { $warnings ->
    [one] 1 varning
   *[other] { $warnings } varningar
}
web-findings-title = Iakttagelser för år { $year }
web-findings-count = { $count ->
    [0] Inga iakttagelser.
    [one] 1 iakttagelse.
   *[other] { $count } iakttagelser.
}
web-filter-all = Alla
web-filter-sort = Ordning
web-filter-apply = Filtrera
web-sort-file = Fil
web-col-file = Fil
web-col-sheet = Blad
web-col-cell = Cell
web-col-severity = Allvarlighet
web-col-code = Kod
web-col-message = Meddelande
web-build-title = Sammanställning och årsrapport för år { $year }
web-build-intro = Sammanställ arbetsboken och årsrapporten av årets aktuella filer. Så länge det finns fel är resultaten utkast.
web-build-submit = Sammanställ
web-build-done = Sammanställningen och årsrapporten är klara.
web-build-nothing = Inget att sammanställa: året har inga åtgärder.
web-build-list = Sammanställda versioner
web-builds-none = Inget har sammanställts för året ännu.
web-col-built-at = Sammanställd
web-col-build-kind = Slag
web-col-downloads = Nedladdningar
web-build-draft = Utkast
web-build-final = Slutlig
web-download-workbook = Ladda ner sammanställningen
web-download-report = Ladda ner årsrapporten
web-view-report = Visa årsrapporten i webbläsaren
web-templates-title = Mallar för år { $year }
web-templates-intro = Varje sektors mall för följande år, förifylld från den slutliga sammanställningen för år { $year } om en sådan finns.
web-template-download = { $department }: mall för år { $year }
web-login-title = Logga in
web-login-password = Administratörens lösenord
web-login-submit = Logga in
web-login-wrong = Lösenordet är fel.
web-refused-title = Begäran godtogs inte
web-refused-sign-in = Logga in först.
web-refused-csrf = Formulärets kontrollkod saknas eller är fel. Ladda om sidan och försök igen.
web-refused-too-large = Sändningen är för stor: högst { $megabytes } MB åt gången.
web-refused-bad-upload = Sändningen kunde inte läsas.
web-refused-file-type = filtypen läses inte (endast xlsx, xlsm, xlsb, xls, ods och csv).
web-not-found = Sidan finns inte.
web-failure-title = Arbetet avbröts
web-listening = Webbappen på { $url } (arbetsutrymme { $workspace }). Stoppa med Ctrl-C.
web-log-refusal = { $at } avvisat ({ $what }): { $detail }
web-err-io = Arbetsutrymmets fil kunde inte hanteras: { $path }
web-err-db = Arbetsutrymmets register kunde inte användas: { $detail }
web-err-newer-register = Arbetsutrymmets register är gjort av en nyare kooste; uppdatera kooste.
web-err-needs-password = { $addr } är ingen lokal adress: ange först administratörens lösenord i miljövariabeln { $var }.
web-err-listen = Adressen { $addr } kunde inte avlyssnas: { $detail }
web-err-hash = Lösenordet kunde inte sparas.
web-no-web-app = Den här versionen av kooste har ingen webbapp. Bygg den med: cargo build --release --features web
web-nav-links = Sändningslänkar
web-links-title = Sektorernas sändningslänkar
web-link-create = Skapa länk
web-link-made = Ny länk (visas bara nu; skicka den till sektorn):
web-col-created = Skapad
web-department-title = { $department }: filer för år { $year }
web-refused-other-department = filen hör till en annan sektor; med den här länken kan man bara skicka länkens sektors filer.
web-fix-files = Filer att rätta
web-fix-file-link = Rätta filen { $file }
web-fix-title = Filen { $file }
web-fix-intro = Rättelser och kolumnval sparas i registret, och filen granskas genast på nytt med dem. Den ursprungliga filen ändras inte.
web-fix-columns-title = Okända kolumner
web-fix-columns-intro = Välj för varje kolumn det fält den avser; de närmaste står först. Valet sparas för sektorns följande filer.
web-fix-column-label = Kolumnen ”{ $header }” ({ $cell })
web-fix-column-none = inget fält (läses inte)
web-fix-columns-submit = Spara och granska igen
web-fix-columns-saved = Kolumnvalen sparades och filen granskades igen.
web-fix-matched-title = Sparade kolumnval
web-fix-matched = ”{ $header }” läses som fältet { $field }
web-fix-col-correct = Rättelse
web-fix-value-label = Nytt värde för cellen { $sheet }!{ $cell }
web-fix-submit = Rätta och granska
web-fix-any-title = Rätta valfri cell
web-fix-new-value = Nytt värde
web-fix-recorded = Sparade rättelser
web-fix-col-before = Värde i filen
web-fix-col-after = Rättat värde
web-fix-col-by = Rättad av
web-fix-col-at = Rättad
web-fix-corrected = Rättelsen sparades och filen granskades igen.
web-fix-refused = Rättelsen sparades inte:
web-fix-refused-cell = cellen finns inte på filens flik (kontrollera flikens namn och cellen, t.ex. H7).
web-fix-refused-value = värdet innehåller styrtecken som en cell inte kan innehålla.
web-fix-refused-long = värdet är för långt (högst 1 000 tecken).
web-fix-column-closest = Närmaste fält: { $fields }
