# Meddelanden när filer läses: indata som inte finns, filer som inte kan
# öppnas, rubrikraden och kolumnerna samt värdena i enskilda celler.
# Varje meddelande kan ha en anvisning (.hint) som säger vad användaren kan
# göra. Variabler: $value är cellens text som den skrevs, $field kolumnens
# rubrik, $row radens nummer. Citattecknen står i meddelandena, inte i värdena.

## Indata som inte kan listas (körningen avbryts)

read-input-not-found = Filen eller mappen "{ $path }" finns inte. Kontrollera namnet och sökvägen.
read-input-not-a-file = Indata "{ $path }" läses inte: det är varken en fil eller en mapp utan till exempel en enhet eller ett namngivet rör. Ange en kalkylbladsfil eller en mapp.
read-input-permission = Filen eller mappen "{ $path }" får inte läsas (behörighet saknas). Be om läsbehörighet eller kopiera filerna till en mapp som du kan läsa.
read-input-unreadable = Filen eller mappen "{ $path }" kan inte läsas. Kontrollera att den finns och kan läsas och kör kommandot på nytt.

## Filer som inte kan öppnas som kalkylblad

read-empty = Filen är tom (0 byte).
    .hint = Spara filen i Excel-format (.xlsx) och skicka den på nytt.
read-html = Filen är en HTML-sida och inte ett kalkylblad, trots ändelsen .{ $ext }.
    .hint = Spara filen i Excel-format (.xlsx) och skicka den på nytt.
read-not-a-workbook = Filen har ändelsen .{ $ext }, men den är varken en Excel- eller en OpenDocument-arbetsbok.
    .hint = Spara filen i Excel-format (.xlsx) och skicka den på nytt.
read-io = Filen kan inte läsas från disken.
    .hint = Kontrollera att filen finns och att du har behörighet att läsa den, och kör kommandot på nytt.
read-encrypted = Arbetsboken är lösenordsskyddad och kan inte läsas.
    .hint = Be avsändaren ta bort lösenordet och skicka filen på nytt. Be inte om lösenordet.
read-too-large-bytes = Filen är för stor för att läsas: { $found } byte, gränsen är { $limit }.
    .hint = Kontrollera att filen är rätt. Gränsen kan höjas med --max-unpacked-mb och --max-cells.
read-too-large-cells = Filen är för stor för att läsas: { $found } celler, gränsen är { $limit }.
    .hint = Kontrollera att filen är rätt. Gränsen kan höjas med --max-unpacked-mb och --max-cells.
# $candidates: teckenkodningarnas namn, t.ex. "Windows-1252 / Mac Roman"; $example: en byte och dess läsningar.
read-unknown-encoding = Filens teckenkodning kan inte avgöras: { $candidates } skulle ge olika tecken (t.ex. { $example }). Filen läses inte på gissning.
    .hint = Spara filen som CSV UTF-8 eller som Excel-arbetsbok.

## Skadade filer. Programbibliotekets egna (engelska) ord visas bara i
## JSON-utdata och med --verbose.

read-damaged = Arbetsbokens innehåll är skadat eller i en form som kooste inte kan läsa.
    .hint = Öppna filen i Excel eller LibreOffice och spara den på nytt i Excel-format (.xlsx); om den inte öppnas, be avsändaren om en ny fil.
read-damaged-package = Filen börjar som en arbetsbok (ett zip-paket), men paketet kan inte öppnas: det är skadat eller bara delvis kopierat.
read-damaged-part = Arbetsboken saknar delen { $part }, som den behöver.
read-damaged-xml = Arbetsbokens XML-innehåll är trasigt.
read-damaged-xml-part = Arbetsbokens XML-innehåll är trasigt (delen { $part }).
read-damaged-xls = Filen är i det gamla Excel-formatet (.xls), men dess struktur är skadad.
read-damaged-csv = Textfilens rader kan inte läsas som CSV.
read-damaged-binary = Filen är varken text eller ett kalkylblad: den innehåller binärdata.
read-damaged-reader = Filens innehåll är så skadat att läsningen avbröts.

## Byte som upptäcktes i filen (CSV)

read-invalid-bytes = { $n ->
        [one] Rad { $row } har byten { $bytes }, som inte är giltig { $encoding }-text; där står tecknet �.
       *[other] Rad { $row } har byterna { $bytes }, som inte är giltig { $encoding }-text; där står tecknet �.
    }
    .hint = Kontrollera radens text och spara filen på nytt som CSV UTF-8.
read-nul-byte = Rad { $row } har ett NUL-tecken (byten 0x00).

## koostes egna utdata bland indata

# $kind: ett av read-own-kind-meddelandena nedan.
read-own-output = Filen är en av koostes egna utdata ({ $kind }), så den läses inte som en anmälan.
    .hint = Håll utdata i en annan mapp än anmälningarna.
read-own-kind-consolidated = sammanställning
read-own-kind-annotated = granskad kopia
read-own-kind-converted = konverterad fil
read-own-kind-csv-export = CSV-export
read-own-kind-json-export = JSON-export

## Rubrikraden och kolumnerna

# $sheets: flikarnas namn, åtskilda med kommatecken.
read-no-sheet-empty = Arbetsboken har inga blad.
read-no-sheet = Ingen flik har en rubrikrad för åtgärder bland de { $rows } första raderna (flikar som granskades: { $sheets }).
    .hint = Rubrikraden ska ha kolumner som { $examples }.
    .hint-missing = Rad { $row } på fliken { $sheet } har rubriker, men { $count ->
        [one] den obligatoriska kolumnen { $missing } saknas.
       *[other] de obligatoriska kolumnerna { $missing } saknas.
    }
# En kolumnrubrik i en uppräkning.
read-quoted = "{ $text }"
read-missing-column = Den obligatoriska kolumnen "{ $field }" saknas.
    .hint = Lägg till kolumnen "{ $field }" på rubrikraden.
read-duplicate-column = Kolumnerna { $first } och { $second } avser båda fältet "{ $field }".
    .hint = Ta bort eller byt namn på den ena kolumnen; endast den första läses.
read-unknown-column = Rubriken "{ $value }" känns inte igen; kolumnens uppgifter lämnas obeaktade.
    .hint = Kontrollera rubrikens stavning.
    .hint-closest = Menade du "{ $closest }"?
read-unknown-unit = Enheten "{ $unit }" i kolumnen "{ $header }" är okänd, så dess tal läses inte: kooste läser belopp i euro och andra tal i styck.
    .hint = Räkna om talen till euro (årsverken i år, invånare i styck) och ta bort enheten "{ $unit }" ur rubriken.

## Rader som inte läses

read-unread-sheet = Också bladet "{ $sheet }" har en rubrikrad för åtgärder, men bara bladet "{ $read }" läses.
    .hint = Flytta åtgärderna till ett blad eller skicka dem som separata filer.
read-unread-column = Kolumn { $column } har uppgifter ({ $count ->
        [one] { $count } cell
       *[other] { $count } celler
    }) men ingen rubrik, så de läses inte.
    .hint = Ge kolumnen en rubrik eller ta bort uppgifterna.
read-hidden-by-merge = Cell { $cell } ligger under ett sammanfogat område, så dess eget värde "{ $value }" syns inte i tabellen och läses inte.
    .hint = Dela upp de sammanfogade cellerna eller ta bort det dolda värdet.
read-total-out-of-place = Summaraden har talet "{ $value }" i cell { $cell }, men kolumnen är ingen beloppskolumn, så talet kontrolleras inte och läses inte.
    .hint = Flytta summan till rätt beloppskolumn eller ta bort den.
read-shifted-row-split = Rad { $row } har fler fält än rubrikraden, och före "{ $value }" i cell { $cell } står "{ $first }": talet { $first },{ $value } har troligen delats i två celler vid tusentalskommat eftersom det inte står inom citattecken, så radens värden har förskjutits till andra kolumner. Radens tal läses inte på en gissning.
    .hint = Sätt värden som innehåller avgränsaren inom citattecken eller spara filen som Excel-arbetsbok.
read-shifted-row = Rad { $row } har ett värde till höger om rubrikradens sista kolumn ({ $cell }: "{ $value }"), och raden har fler fält än rubrikraden. Antingen innehåller något värde avgränsaren "{ $delimiter }" utan citattecken, så att radens värden har förskjutits till andra kolumner, eller så saknar kolumnen rubrik. Radens tal läses inte på en gissning.
    .hint = Sätt värden som innehåller avgränsaren inom citattecken, lägg till den saknade rubriken eller spara filen som Excel-arbetsbok.
read-quoted-rows = Värdet i cell { $cell } fortsätter inom citattecken över { $lines ->
        [one] en rad som ser ut som en rad i tabellen (den har { $delimiters } avgränsare "{ $delimiter }")
       *[other] { $lines } rader som ser ut som rader i tabellen (de har högst { $delimiters } avgränsare "{ $delimiter }")
    }. Ett citattecken har troligen inte avslutats, och LibreOffice och Excel läser raderna in i denna cell; deras åtgärder och denna rads tal läses inte.
    .hint = Avsluta citattecknet i slutet av värdet i cell { $cell } eller ta bort det.
read-unclosed-quote = Värdet i cell { $cell } börjar med ett citattecken som inget citattecken före en avgränsare eller ett radslut avslutar. Det läses som ett tecken och värdet slutar vid radens slut, så som LibreOffice läser det; Excel skulle läsa resten av filen in i denna cell.
    .hint = Kontrollera cellens värde och ta bort det överflödiga citattecknet eller lägg till det som saknas.
read-unread-row = Raden har uppgifter ("{ $value }") men är ingen åtgärd, så den läses inte.
    .hint = Mellanrubriker och anmärkningar förs inte över till sammanställningen; om raden är en åtgärd, fyll i dess fält.
read-prefill-changed = Raden har bara mallens förifyllda uppgifter ("{ $value }"), annat än mallens övriga tomma rader, men inga andra uppgifter, så den läses inte som en åtgärd.
    .hint = Om raden är en åtgärd, fyll i dess fält; annars återställ radens förifyllda uppgifter eller töm raden.
read-example-changed = Raden är mallens exempelrad, men uppgifter om en åtgärd har skrivits in på den ("{ $value }"), så den läses inte som en åtgärd.
    .hint = Flytta åtgärden till en egen rad under exempelraden eller ta bort exempelmärkningen i början av raden.
read-total-mismatch = Totalradens { $field } är { $total }, men summan av raderna ovan är { $sum } (skillnad { $diff }).
    .hint = Rätta totalraden eller radernas tal.

## Cellernas värden

read-missing-value = Den obligatoriska uppgiften "{ $field }" saknas.
    .hint = Fyll i cellen.
# $kind: ett av read-kind-meddelandena.
read-type-error = "{ $value }" är inte { $kind }.
    .footnote = Efter talet står ett tecken i upphöjd eller nedsänkt stil, till exempel en fotnots nummer. Flytta hänvisningen till en egen kolumn eller en anmärkning så att talet läses.
read-too-large-number = Talet { $value } är för stort för att vara { $kind }.
read-error-value = Cellen innehåller felvärdet { $value }.
# Ett mycket långt tal i vetenskaplig form, t.ex. 1,0·10^308.
read-number-scientific = { $mantissa }·10^{ $exponent }
read-kind-euro = ett eurobelopp
    .hint = Skriv beloppet med siffror, t.ex. 12 500 eller 12 500,50 €.
read-kind-number = ett tal
    .hint = Skriv ett tal, t.ex. 1,5.
read-kind-whole = ett heltal
    .hint = Skriv ett heltal, t.ex. 120.
read-kind-year = ett årtal
    .hint = Skriv året med fyra siffror, t.ex. 2021.
read-kind-date = ett datum
    .hint = Skriv datumet som 31.12.2021.
# $field: kolumnens rubrik ur programmets konfiguration.
read-not-allowed = "{ $value }" är inte ett tillåtet värde i kolumnen "{ $field }".
    .hint = Tillåtna värden: { $allowed }.
    .hint-closest = Menade du "{ $closest }"? Tillåtna värden: { $allowed }.
read-negative = Värdet i fältet "{ $field }" kan inte vara negativt ({ $value }).
    .hint = Kontrollera tecknet.
read-year-out-of-range = Året { $value } hör inte till programperioden { $first }–{ $last }.
    .hint = Kontrollera året.
read-not-email = "{ $value }" är ingen e-postadress.
    .hint = Skriv adressen som namn@exempel.fi.
read-formula-without-value = Cellen har formeln ={ $formula }, men filen innehåller inget beräknat resultat.
    .hint = Öppna filen i Excel eller LibreOffice och spara den, eller skriv talet i stället för formeln.
read-formula-mismatch = Cellens formel ={ $formula } ger { $evaluated }, men filen har resultatet { $stored } sparat, så talet läses inte.
    .hint = Filen räknades inte om när den sparades (manuell beräkning?). Tryck F9 i Excel (Ctrl+Skift+F9 i LibreOffice), kontrollera talet och spara.
read-text-too-long = Texten har { $count } tecken, men en Excel-cell rymmer { $limit }; i sammanställningen sparas den förkortad.
    .hint = CSV- och JSON-exporterna behåller texten hel; förkorta texten vid behov.
# $mark: tecknet som kan vara decimaltecken eller tusentalsavgränsare.
read-ambiguous-number = "{ $value }" kan läsas på två sätt: { $first } eller { $second }. Filen visar inte om "{ $mark }" är decimaltecken eller tusentalsavgränsare.
    .hint = Skriv talet utan tusentalsavgränsare och med decimaler efter kommatecknet, t.ex. 90000 eller 90,50.
read-ambiguous-number-other = "{ $value }" kan läsas på två sätt: { $first } eller { $second }. I filens andra tal är decimaltecknet "{ $decimal }", men detta fält kan ha tre decimaler, så "{ $mark }" kan också vara ett decimaltecken och inte en tusentalsavgränsare.
read-ambiguous-number-mixed = "{ $value }" kan läsas på två sätt: { $first } eller { $second }. Filens tal använder både "," och "." som decimaltecken, så "{ $mark }" kan vara vilketdera.
read-ambiguous-number-cents = "{ $value }" kan läsas på två sätt: { $first } eller { $second }. I filens andra tal är "{ $mark }" decimaltecken, men ett eurobelopp har inte tre decimaler, så "{ $mark }" kan här också vara tusentalsavgränsare.
    .hint = Skriv talet utan tusentalsavgränsare och decimalerna efter kommat, t.ex. 90000 eller 90,50.
read-ambiguous-number-whole = "{ $value }" kan läsas på två sätt: { $first } eller { $second }. I filens andra tal är "{ $mark }" decimaltecken, men ett antal har inga decimaler, så "{ $mark }" kan här också vara tusentalsavgränsare.
    .hint = Skriv antalet utan tusentalsavgränsare, t.ex. 1250.
read-unknown-unit-format = Cellens tal { $value } visas med enheten "{ $unit }" (cellens talformat), men fältet "{ $field }" läses inte i den enheten, så talet läses inte: det skulle vara fel med en faktor.
    .hint = Skriv talet i euro (årsverken i år, invånare i styck) och ta bort enheten "{ $unit }" ur cellens talformat.
read-merged-amount = Talet i fältet "{ $field }" är sammanfogat över flera rader från cellen { $anchor }; det kan inte räknas för varje åtgärd.
    .hint = Dela upp de sammanfogade cellerna och skriv varje åtgärds eget tal på dess rad.
read-sub-cent = Eurobeloppet "{ $value }" har decimaler efter centen, så det läses inte och avrundas inte.
    .hint = Skriv eurobeloppet med högst två decimaler (cent), t.ex. 1234,57.
read-euros-exact = { $value } €
read-hidden-number = Cellen innehåller talet { $value }, men dess talformat (som ;;;) döljer det, så cellen ser tom ut i tabellen, och den läses som tom.
    .hint = Ta bort det döljande talformatet och kontrollera talet, eller töm cellen om talet inte är avsett.
read-unknown-unit-title = Cellen { $cell } ovanför rubrikraden anger enheten "{ $unit }", så talen i eurokolumnerna ({ $fields }) läses inte: i euro skulle de vara fel med en faktor tusen eller miljon.
    .hint = Räkna om talen till euro och ta bort enheten "{ $unit }" ur rubriken; kooste läser belopp i euro.
read-unknown-unit-footnote = Cellen { $cell } i en anmärkning under tabellen anger enheten "{ $unit }", så talen i eurokolumnerna ({ $fields }) läses inte: i euro skulle de vara fel med en faktor tusen eller miljon.
    .hint = Räkna om talen till euro och ta bort anmärkningen "{ $unit }" under tabellen; kooste läser belopp i euro.
read-unit-row = Rad { $row } är rubrikradens enhetsrad ({ $units }): enheterna läses som kolumnernas enheter och raden läses inte som en åtgärd.
    .hint = Kontrollera att enheterna stämmer; en enhet kan också skrivas i rubriken, till exempel "Budget (€)".
read-hidden-column = Kolumnen { $column } ("{ $header }") är dold men läses som fältet "{ $field }": kontrollera att talen i den är aktuella.
    .hint = Visa kolumnen och kontrollera talen, eller ta bort den om talen är gamla.
read-hidden-column-ambiguous = Kolumnen { $column } ("{ $header }") är dold, och den synliga kolumnen { $visible } ("{ $other }") kan innehålla talen för fältet "{ $field }", så den dolda kolumnen läses inte: filen visar inte vilken kolumn som gäller.
    .hint = Ta bort den inaktuella kolumnen eller ge den synliga kolumnen rubriken "{ $field }".
read-scaled-format = Cellen innehåller talet { $stored }, men cellens talformat visar det som "{ $shown }{ $unit }": i fältet "{ $field }" läses det lagrade talet { $stored }.
    .hint = Kontrollera att talet stämmer i euro; ta bort skalningen i talformatet (kommatecknet i slutet) om cellen ska visa beloppet i euro.
read-hidden-rows = { $count ->
    [one] Rad { $rows } är { $how ->
        [filtered] dold av ett filter
       *[hidden] dold
    }, men den läses: dess belopp ingår i sammanställningen och summorna fast raden inte syns i tabellen.
   *[other] Raderna { $rows } ({ $count } åtgärder) är { $how ->
        [filtered] dolda av ett filter
       *[hidden] dolda
    }, men de läses: deras belopp ingår i sammanställningen och summorna fast raderna inte syns i tabellen.
}
    .hint = Kontrollera de dolda raderna; om en åtgärd inte ska vara med, ta bort dess rad ur filen.
read-subtotal-mismatch = Delsummaradens { $field } är { $total }, men summan av åtgärdsraderna i formelns område { $range } är { $sum } (skillnad { $diff }).
    .hint = Rätta delsumman eller radernas belopp.
read-unread-file = Filen läses inte: { $ext ->
    [txt] textfilen är ingen tabbseparerad tabell.
   *[other] kooste läser bara kalkylfiler i en mapp (xlsx, xlsm, xls, xlsb, ods, fods, csv, tsv och tabbseparerade txt).
}
    .hint = Om filen är en sektors rapportering, spara den som kalkylfil (t.ex. xlsx) eller ge den direkt till kommandot.
