# Kommandoradens texter: hjälpen (kooste --help), fel på kommandoraden och
# fel som stoppar en körning (en fil kan inte läsas eller skrivas). De
# skrivs ut som "kooste: …", så ett fel börjar med liten bokstav.
# Kommandonas och flaggornas namn (build, --out) och deras värden (fi,
# xlsx, finnish) är desamma på alla språk.

## Hjälpens rubriker

cli-usage-heading = Användning:
cli-heading-commands = Kommandon
cli-heading-arguments = Argument
cli-heading-options = Flaggor
# På användningsraden i stället för de övriga flaggorna: kooste build [FLAGGOR] …
cli-options-placeholder = [FLAGGOR]
# Efter ett fel; $command är t.ex. "kooste build".
cli-more-help = Hjälp: { $command } --help

## Kommandon

cli-about = Sammanställer sektorernas årliga anmälningar till ett stadsprogram: kontrollerar varje cell, slår ihop anmälningarna och skriver sammanställningen och årsrapporten.
cli-about-build = Läser, kontrollerar och slår ihop anmälningarna och skriver sammanställningen och årsrapporten.
cli-about-report = Läser, kontrollerar och slår ihop anmälningarna och skriver årsrapporten (PDF).
cli-about-merge = Läser, kontrollerar och slår ihop anmälningarna och skriver sammanställningen.
cli-about-template = Skriver arbetsboken som en sektor fyller i (för en sektor eller alla).
cli-about-convert = Skriver anmälningarna i standardform: xlsx (mallens form), CSV eller JSON.
cli-about-validate = Kontrollerar anmälningarna och skriver ut varje iakttagelse.
cli-about-help = Visar den här hjälpen eller hjälpen för ett kommando.

## Flaggor

cli-arg-inputs = Anmälningsfiler eller mappar (mapparna genomsöks med undermappar).
cli-arg-config = Programmets inställningar (TOML); som standard det inbyggda programmet.
cli-arg-lang = Språk för meddelanden och utdata: fi, sv eller en. Som standard miljövariabeln KOOSTE_LANG eller systemets språk (LC_ALL, LC_MESSAGES, LANG), annars fi.
cli-arg-year = Året som rapporteras; som standard det vanligaste året på raderna.
cli-arg-date = Datumet som anges i utdata (ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ); som standard den nyaste indatafilens ändringsdatum.
cli-arg-max-unpacked-mb = Avvisa en arbetsbok vars delar är större än så här när de packas upp (megabyte; standard 1024).
cli-arg-max-cells = Avvisa en fil med fler celler än så här (standard 50 000 000).
cli-arg-quiet = Ingen förloppsindikator.
cli-arg-verbose = Visa vid fel också operativsystemets och bibliotekens egna (engelska) meddelanden.
cli-arg-help = Visa hjälpen.
cli-arg-version = Visa versionen.
cli-arg-out-dir = Mappen som utdata skrivs i.
cli-arg-previous = En sammanställning som kooste skrivit för det här programmet och ett tidigare år, att jämföra med. Kan anges flera gånger, eller som en mapp med tidigare års sammanställningar: med två tidigare år eller fler visas också utvecklingen år för år.
cli-arg-per-department = Lägg till ett eget blad för varje sektor.
cli-arg-draft = Skriv utdata trots fel, märkta som utkast, utan raderna med fel.
cli-arg-report-template = Rapportmall (TOML) i stället för språkets inbyggda mall.
cli-arg-report-output = PDF-filen som skrivs; - skriver till standard ut.
cli-arg-merge-output = Arbetsboken som skrivs; - skriver till standard ut.
cli-arg-csv = Skriv också de sammanslagna åtgärderna till en CSV-fil.
cli-arg-csv-style = CSV-format: finnish (standard: semikolon som skiljetecken, decimalkomma, BOM) eller plain (kommatecken som skiljetecken, decimalpunkt).
cli-arg-json = Skriv också de sammanslagna åtgärderna till en JSON-fil.
cli-arg-department = Sektorns kod eller namn.
cli-arg-all = Alla programmets sektorer, i mappen som --out anger.
cli-arg-template-year = Året som mallen gäller.
cli-arg-from = En sammanställning som kooste skrivit för det här programmet och ett år före --year: sektorns åtgärder fylls i på förhand ur den.
cli-arg-template-output = Filen som skrivs (en sektor).
cli-arg-template-out = Mappen som mallarna skrivs i (med --all).
cli-arg-template-date = Datumet i filens egenskaper (ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ); som standard 1 januari samma år.
cli-arg-to = Utdataformat: xlsx (mallens form), csv eller json.
cli-arg-format = Utskriftsformat: text (standard) eller json.
cli-arg-annotate = Skriv en märkt kopia av varje anmälan med iakttagelser i mappen.
cli-arg-command = Kommandot vars hjälp visas.

## Namnen på flaggornas värden i hjälpen (--out <MAPP>): versaler, utan mellanslag

cli-value-input = INDATA
cli-value-command = KOMMANDO
cli-value-file = FIL
cli-value-dir = MAPP
cli-value-year = ÅÅÅÅ
cli-value-date = DATUM
cli-value-megabytes = MB
cli-value-count = N
cli-value-lang = SPRÅK
cli-value-style = STIL
cli-value-kind = FORMAT
cli-value-department = KOD
cli-value-previous = FÖREGÅENDE.xlsx
cli-value-pdf = FIL.pdf
cli-value-xlsx = FIL.xlsx
cli-value-consolidated = SAMMANSTÄLLNING.xlsx

## Fel på kommandoraden; efter dem skrivs användningsraden ut

cli-err-unknown-argument = okänd flagga eller okänt argument: { $arg }.
cli-err-did-you-mean = Menade du { $suggestion }?
cli-err-unknown-command = okänt kommando: { $command }. Kommandon: { $commands }.
cli-err-missing-command = ange ett kommando: { $commands }.
cli-err-missing-value = { $arg }: flaggan saknar ett värde. Skriv värdet efter flaggan.
cli-err-invalid-value = { $arg }: värdet "{ $value }" duger inte. Tillåtna värden: { $allowed }.
cli-err-invalid-date = { $arg }: "{ $value }" är inget datum. Skriv det som ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ, t.ex. 2022-02-15 eller 15.2.2022.
cli-err-invalid-number = { $arg }: "{ $value }" är inget heltal.
cli-err-invalid-argument = { $arg }: värdet "{ $value }" duger inte.
cli-err-missing-argument = { $n ->
    [one] ett obligatoriskt argument saknas
   *[other] obligatoriska argument saknas
}: { $args }.
cli-err-conflict = { $arg } och { $other } kan inte användas tillsammans; ange bara den ena.
cli-err-repeated = { $arg } har angetts mer än en gång; ange den bara en gång.
cli-err-value-count = { $arg }: fel antal värden.
cli-err-invalid-utf8 = kommandoraden har text som inte är giltig UTF-8.
cli-err-generic = kommandoraden kunde inte tolkas. Se hjälpen med --help.

## Under körningen

cli-waiting-for-lock = En annan kooste-körning skriver i mappen { $dir }; väntar tills den är klar …
# Med --verbose under ett fel: operativsystemets eller bibliotekets eget (engelska) meddelande.
cli-detail = tilläggsuppgift: { $detail }

## Fel som stoppar körningen

err-report-bug = Detta är ett fel i kooste: rapportera det och bifoga tilläggsuppgifterna som --verbose visar.
err-write = { $path }: det går inte att skriva: { $reason }
err-not-undone = { $path }: det går inte att skriva: { $reason } Filer som den här körningen redan skrivit kunde inte återställas: { $files }. Kontrollera dem innan de används eller kör kommandot på nytt.
err-stdout = det går inte att skriva till standard ut: { $reason }
err-workbook = { $path }: arbetsboken kunde inte skapas. { err-report-bug }
err-save = { $path }: arbetsboken kunde inte sparas. { err-report-bug }
err-pdf = { $path }: rapporten kunde inte skapas. { err-report-bug }
err-export = { $path }: exportfilen kunde inte skapas. { err-report-bug }
err-too-many-measures = { $path }: det går inte att skriva: { $count } åtgärder ryms inte i ett Excel-blad (högst { $limit } rader). Dela upp materialet eller använd CSV- eller JSON-exporten.
err-not-a-file = { $path }: detta är { $kind } och inte en vanlig fil, så kooste skriver inte i dess ställe. Ange ett filnamn (eller - när utdata ska till standard ut).
err-node-kind = { $kind ->
    [folder] en mapp
    [device] en enhet
    [fifo] ett namngivet rör (FIFO)
    [socket] en socket
   *[other] en specialfil
}
err-no-file-name = { $path }: detta är inget filnamn. Ange ett filnamn för utdata, t.ex. kooste.xlsx.
err-one-stdout = { $path }: bara en utdata kan gå till standard ut (-). Ange filnamn för de andra.
err-not-a-folder = { $path }: det här är en fil och inte en mapp, så utdata kan inte skrivas dit. Ange en mapps namn (en mapp som saknas skapas).
err-same-output = { $path }: samma fil som utdata { $other }, så den ena skulle ersätta den andra. Ge utdata olika namn.
err-overwrites-input = { $path }: utdata skulle ersätta en indatafil, och kooste ändrar aldrig indata. Ange ett annat namn eller en annan mapp.
err-reread = { $path }: filen ändrades medan kooste kördes, så ingen granskad kopia gjordes. Kör kommandot på nytt när filen inte längre redigeras.
err-no-previous = { $path }: det finns ingen sammanställning från ett tidigare år här. Kontrollera sökvägen (t.ex. out/kooste_2021.xlsx).
err-previous-unreadable = { $path }: filen kan inte läsas som ett tidigare års sammanställning: { $reason } Ange en sammanställning som kooste har skrivit.
err-previous-not-consolidated = { $path }: { $option } behöver en sammanställning som kooste har skrivit (kooste build eller merge skriver en), och den här filen är ingen sådan. Ange ett tidigare års kooste_<år>.xlsx.
err-previous-other-programme = { $path }: sammanställningen hör till ett annat program, { $theirs }, inte till { $ours }. Ange en sammanställning av det här programmet, eller det andra programmets konfiguration med --config.
err-previous-same-year = { $path }: sammanställningen gäller { $year }, samma år som den här körningen; { $option } behöver en från ett år före { $current }.
err-previous-later-year = { $path }: sammanställningen gäller { $year }, senare än den här körningens år { $current }; { $option } behöver en från ett år före { $current }.
err-previous-year-twice = { $path }: med --previous har två sammanställningar för { $year } angetts; den första är { $other }. Ange en arbetsbok för varje tidigare år.
err-not-programme-year = --year { $year }: året hör inte till programperioden { $first }–{ $last }. Ange ett av programperiodens år, eller, om programmet fortsätter, ange { $key } = { $year } i { $file }.
err-not-programme-year-builtin = --year { $year }: året hör inte till det inbyggda programmets period { $first }–{ $last }. Ange ett av programperiodens år, eller, om programmet fortsätter, kopiera templates/programme.toml, ange { $key } = { $year } i kopian och använd den med --config.
err-unknown-department = --department { $given }: programmet har ingen sådan sektor. Sektorer: { $allowed }.
err-template-target = ange antingen --department KOD -o FIL (en sektor) eller --all --out MAPP (alla sektorer).
err-output-option-for-folder = { $command } skriver i en mapp: ange mappen med --out { $path }. -o (--output) anger en fil, som i merge, report och template --department.
err-out-option-for-file = { $command } skriver en fil: ange filen med -o { $path }. --out anger en mapp, som i build, convert och template --all.
err-report-template-read = { $path }: rapportmallen kan inte läsas: { $reason }
err-report-template-syntax = { $path }, rad { $line }: rapportmallen är inte giltig. Rätta raden; --verbose visar vad TOML-tolken väntade sig.
err-report-template-invalid = { $path }: rapportmallen är inte giltig. --verbose visar vad TOML-tolken väntade sig.
err-report-template-placeholder = { $path }, fältet { $place }: rapportmallen har en okänd platshållare { $placeholder }. Rapporten fyller bara i dessa: { $known }. Rätta stavningen.
err-report-template-blank-title = { $path }, fältet { $place }: avsnittets rubrik är tom. Rubriken syns i rapporten, innehållsförteckningen och bokmärkena och måste därför kunna läsas; skriv den.
err-report-template-list-limit = { $path }: list_limit = 0 skulle lämna varje lista tom, och fokusområdena skulle se ut att sakna åtgärder. Ange 1 eller mer eller ta bort raden (standard 5000).
err-signals = tillfälliga filer tas inte bort om körningen avbryts (Ctrl-C); nästa körning i samma mapp tar bort dem.

## Operativsystemets orsaker: $reason ovan

err-io-not-found = filen eller mappen finns inte. Kontrollera namnet och sökvägen.
err-io-permission-denied = behörigheten räcker inte. Kontrollera filens och mappens behörigheter eller välj en annan mapp.
err-io-is-a-directory = sökvägen är en mapp och inte en fil. Ange ett filnamn.
err-io-not-a-directory = en del av sökvägen är ingen mapp. Kontrollera sökvägen.
err-io-storage-full = disken är full. Frigör utrymme eller skriv till en annan disk.
err-io-quota-exceeded = diskkvoten är full. Frigör utrymme eller skriv till en annan disk.
err-io-file-too-large = filen skulle bli större än systemet tillåter. Skriv till en annan disk eller dela upp materialet.
err-io-read-only = disken är skrivskyddad. Välj en annan mapp.
err-io-already-exists = det finns redan en fil eller mapp med samma namn. Ange ett annat namn.
err-io-invalid-name = namnet duger inte som filnamn. Ange ett annat namn.
err-io-busy = filen används av ett annat program. Stäng programmet och försök igen.
err-io-broken-pipe = programmet som läser utdata slutade läsa.
err-io-other = operativsystemet tillät inte åtgärden. --verbose visar dess eget meddelande.
cli-about-serve = Startar webbappen (byggs med funktionen web).
cli-arg-workspace = Arbetsutrymmets mapp: registret och de mottagna filerna (standard kooste-tyotila).
cli-arg-listen = Adress och port att lyssna på (standard 127.0.0.1:8080; port 0 väljer en ledig).
cli-arg-max-upload-mb = Största mängd som skickas åt gången (megabyte; standard 50).
cli-value-address = ADRESS
