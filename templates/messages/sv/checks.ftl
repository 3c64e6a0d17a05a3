# Kontroller mellan rader och filer (tal och skede, samma åtgärd två
# gånger, sektorer, programmets budget, år), körningens iakttagelser (samma fil
# två gånger, inga åtgärder), tecken som rapportens typsnitt saknar samt
# fel i programmets konfigurationsfil (TOML).
#
# Varje iakttagelses .hint säger hur man rättar den. Programmet fyller i
# variablerna ($namn): eurobelopp och tal kommer färdigt formaterade,
# värden som användaren skrivit som de är. Konfigurationsfilens nycklar
# (t.ex. first_year, stage, kind) och flaggorna (--year) är programmets
# ord: de översätts inte.

## Kontroller mellan rader och filer

check-wrong-year = Raden gäller år { $value }, men året som rapporteras är { $year }.
    .hint = Rätta året eller ange rätt år med --year.

check-spent-exceeds-budget = Beloppet { $spent } i kolumnen "{ $spent_field }" överskrider beloppet { $budget } i kolumnen "{ $budget_field }" (+{ $diff }).
    .hint = Kontrollera talen eller ange orsaken till överskridningen.

check-completed-without-spend = Kolumnen "{ $status_field }" har "{ $status }", men inget belopp har angetts i kolumnen "{ $spent_field }".
    .hint = Uppdatera kolumnen "{ $status_field }" eller kontrollera kolumnen "{ $spent_field }".

check-planning-with-spend = Kolumnen "{ $status_field }" har "{ $status }", men beloppet { $spent } i kolumnen "{ $spent_field }" är över hälften av beloppet { $budget } i kolumnen "{ $budget_field }".
    .hint = Uppdatera kolumnen "{ $status_field }" eller kontrollera kolumnen "{ $spent_field }".

check-duplicate-measure = Åtgärden "{ $value }" finns redan i cell { $other }.
    .hint = Ta bort dubbletten eller slå ihop raderna.

check-duplicate-measure-other-department = Åtgärden "{ $value }" finns också i anmälan { $department } ({ $other }).
    .hint = Ta bort dubbletten eller slå ihop raderna.

check-several-departments = Filens rader har flera värden i kolumnen "{ $field }": { $values }.
    .hint = En fil är en rapportörs anmälan.

check-title-department = Raden har { $value } i kolumnen "{ $field }", men rubriken har { $department }.
    .hint = En fil är en rapportörs anmälan.

check-budget-exceeds-programme = De anvisade beloppen för { $year } är sammanlagt { $total }, vilket överskrider programmets årsbudget { $budget } (överskridning { $diff }).
    .hint = Kontrollera beloppen i kolumnen "{ $field }".

check-missing-submission = { $name } ({ $department }): inga åtgärder för år { $year }.
    .hint = Be om en anmälan.

## Körningens iakttagelser

check-duplicate-file = Filens rader är desamma som i filen { $other }, så den läses inte en gång till (åtgärderna skulle komma med två gånger).
    .hint = Ta bort kopian eller den konverterade filen ur anmälningarnas mapp; om filerna är olika inlämningar, kontrollera deras innehåll.

check-no-files = Inga kalkylbladsfiler hittades (platser som söktes: { $inputs }).
    .hint = Kontrollera att mappen innehåller de ifyllda anmälningarna (.xlsx, .xls, .ods eller .csv).
check-no-measures = Inga åtgärder hittades (sökta platser: { $inputs }). Ingenting skrevs.
    .hint = Kontrollera att mappen innehåller de ifyllda anmälningarna.

## Rapportens typsnitt. $field är fältets rubrik, $chars en lista över
## tecknen (U+4E2D 中, …).

check-unprintable-text = Åtgärden "{ $measure }" har i fältet "{ $field }" tecken som rapportens typsnitt saknar; de syns som ersättningstecknet � i PDF-filen: { $chars }.
    .hint = Rapporten visar latinska, grekiska och kyrilliska bokstäver; i arbetsboken och exportfilerna sparas texten som den är.

check-unseen-text = Åtgärden "{ $measure }" har i fältet "{ $field }" styr- eller formattecken som rapporten utelämnar: { $chars }.
    .hint = Tecknen syns inte; arbetsboken och exportfilerna behåller texten som den är.

check-unshaped-text = Åtgärden "{ $measure }" har i fältet "{ $field }" text som skrivs från höger till vänster (arabiska, hebreiska), som rapporten inte formar: bokstäverna skrivs ut var för sig och från vänster till höger.
    .hint = Rapporten visar latinska, grekiska och kyrilliska bokstäver; i arbetsboken och exportfilerna sparas texten som den är.

# När texten har båda problemen: de två meningarna ovan efter varandra.
check-unprintable-and-unshaped-text = { check-unprintable-text } { check-unshaped-text }
    .hint = Rapporten visar latinska, grekiska och kyrilliska bokstäver; i arbetsboken och exportfilerna sparas texten som den är.

## Fel i konfigurationsfilen (--config). $file är filens namn, $line raden,
## $key nyckeln som tabell.nyckel (programme.first_year). Felet i nyckeln
## ($problem) är ett av config-…-meddelandena nedan: det börjar med liten
## bokstav och säger vad som ska rättas.

config-error-at = Konfigurationsfilen { $file } har ett fel på rad { $line }: { $problem }
config-error = Konfigurationsfilen { $file } har ett fel: { $problem }
config-problem-missing-key = den obligatoriska nyckeln { $name } saknas. Lägg till den; en förlaga finns i filen templates/programme.toml.
config-problem-unknown-key = nyckeln { $name } är okänd. Kontrollera stavningen; de tillåtna nycklarna finns i filen templates/programme.toml.
config-problem-wrong-type = värdet av nyckeln { $name } har fel typ. Skriv text inom citattecken och tal utan dem, som i filen templates/programme.toml.
config-problem-per-language = nyckeln { $name } behöver en text på varje språk, i formen { "{" } fi = "…", sv = "…", en = "…" { "}" }, som i filen templates/programme.toml.
config-inconsistent-at = Konfigurationsfilen { $file } har ett fel på rad { $line }, i nyckeln { $key }: { $problem }
config-inconsistent = Konfigurationsfilen { $file } har ett fel i nyckeln { $key }: { $problem }

config-year-out-of-range = { $value } är inte ett år från { $min } till { $max }. Ange ett år i det intervallet.
config-last-year-before-first = det sista året { $last } är före det första året { $first }. Rätta first_year eller last_year.
config-span-too-long = perioden { $first }–{ $last } är { $years } år, men ett program kan pågå högst { $max } år. Rätta first_year eller last_year.
config-budget-out-of-range = { $value } är inte ett eurobelopp från 0 till under { $max }. Ange årsbudgeten i euro i det intervallet.
config-too-many-template-rows = { $value ->
        [one] { $value } rad
       *[other] { $value } rader
    } är fler än högst { $max } (ett Excel-blad har { $sheet_rows } rader). Ange ett mindre antal rader.
config-control-character = värdet innehåller styrtecknet { $char }, som inte kan stå i en arbetsbok. Ta bort tecknet ur värdet.
config-bad-deadline = "{ $value }" är ingen sista dag. Ange dag och månad, t.ex. "31.1." (den 31 januari året efter rapportåret), eller ett datum för varje rapportår som en tabell år = "datum", t.ex. 2022 = "31.1.2023".
config-empty-list = listan har inga poster. Lägg till minst en post [[{ $list }]].
config-empty-code = koden är tom. Ge posten en kod.
config-same-spelling = "{ $spelling }" betecknar två poster i listan { $list }. Ge posterna olika koder, namn och andra stavningar (aliases).
config-no-stage = statusen { $code } saknar skede. Ge nyckeln stage ett av värdena planning, implementation, completed, suspended eller external.
config-field-twice = fältet { $field } är definierat två gånger. Ta bort den ena definitionen eller ge den en annan nyckel.
config-shared-header = rubriken "{ $header }" används också av fältet { $other }. Ge fälten olika rubriker och andra namn (aliases).
config-wrong-kind = fältet { $field } måste ha typen { $kind }. Skriv kind = "{ $kind }".
config-missing-field = det obligatoriska fältet { $field } saknas. Lägg till en post [[fields]] med key = "{ $field }".

config-not-found = Konfigurationsfilen { $file } finns inte. Kontrollera sökvägen i --config.
config-unreadable = Konfigurationsfilen { $file } kan inte läsas. Kontrollera att den är en textfil i UTF-8 och att du har rätt att läsa den.
config-syntax-at-key = Konfigurationsfilen { $file } har ett fel på rad { $line }, vid nyckeln { $key }: nyckeln saknas eller är okänd, värdet har fel typ, eller raden är inte giltig TOML. Rätta raden.
config-syntax-at-line = Konfigurationsfilen { $file } har ett fel på rad { $line }: raden är inte giltig TOML, eller en nyckel på den saknas, är okänd eller har ett värde av fel typ. Rätta raden.
config-syntax = Konfigurationsfilen { $file } kan inte användas: den är inte giltig TOML eller en obligatorisk nyckel saknas. Rätta filen.

config-logo-unreadable = Logotypfilen { $file } kan inte läsas. Kontrollera sökvägen i inställningen programme.logo (i förhållande till inställningsfilen) och läsbehörigheten.
config-logo-too-large = Logotypen { $file } är för stor: högst { $pixels } bildpunkter och { $megabytes } MB. Förminska bilden.
config-logo-format = Logotypen { $file } är varken en PNG-bild eller en JPEG-bild i RGB eller gråskala, eller så är den skadad. Spara logotypen i PNG-format.
config-logo-without-alt = logotypen saknar alternativtext. Lägg till programme.logo_alt = { "{" } fi = "…", sv = "…", en = "…" { "}" }.
