# Tiedostojen lukemisen viestit: syötteet, joita ei löydy, tiedostot, joita
# ei voi avata, otsikkorivi ja sarakkeet sekä yksittäisten solujen arvot.
# Jokaisella viestillä voi olla ohje (.hint), joka kertoo, mitä käyttäjä voi
# tehdä. Muuttujat: $value on solun teksti sellaisenaan, $field sarakkeen
# otsikko, $row rivin numero. Lainausmerkit ovat viesteissä, eivät arvoissa.

## Syötteet, joita ei voi luetella (ajo pysähtyy)

read-input-not-found = Tiedostoa tai kansiota "{ $path }" ei löydy. Tarkista nimi ja polku.
read-input-not-a-file = Syötettä "{ $path }" ei lueta: se ei ole tiedosto eikä kansio vaan esimerkiksi laite tai nimetty putki. Anna taulukkotiedosto tai kansio.
read-input-permission = Tiedostoa tai kansiota "{ $path }" ei saa lukea (ei käyttöoikeutta). Pyydä lukuoikeus tai kopioi tiedostot kansioon, jonka voit lukea.
read-input-unreadable = Tiedostoa tai kansiota "{ $path }" ei voi lukea. Tarkista, että se on olemassa ja luettavissa, ja aja komento uudelleen.

## Tiedostot, joita ei voi avata taulukkona

read-empty = Tiedosto on tyhjä (0 tavua).
    .hint = Tallenna tiedosto Excel-muodossa (.xlsx) ja lähetä se uudelleen.
read-html = Tiedosto on HTML-sivu eikä taulukko, vaikka sen pääte on .{ $ext }.
    .hint = Tallenna tiedosto Excel-muodossa (.xlsx) ja lähetä se uudelleen.
read-not-a-workbook = Tiedoston pääte on .{ $ext }, mutta se ei ole Excel- eikä OpenDocument-työkirja.
    .hint = Tallenna tiedosto Excel-muodossa (.xlsx) ja lähetä se uudelleen.
read-io = Tiedostoa ei voi lukea levyltä.
    .hint = Tarkista, että tiedosto on olemassa ja että sinulla on oikeus lukea se, ja aja komento uudelleen.
read-encrypted = Työkirja on suojattu salasanalla, eikä sitä voi lukea.
    .hint = Pyydä lähettäjää poistamaan salasana ja lähettämään tiedosto uudelleen. Älä pyydä salasanaa.
read-too-large-bytes = Tiedosto on liian suuri luettavaksi: { $found } tavua, kun raja on { $limit }.
    .hint = Tarkista, että tiedosto on oikea. Rajaa voi nostaa valitsimilla --max-unpacked-mb ja --max-cells.
read-too-large-cells = Tiedosto on liian suuri luettavaksi: { $found } solua, kun raja on { $limit }.
    .hint = Tarkista, että tiedosto on oikea. Rajaa voi nostaa valitsimilla --max-unpacked-mb ja --max-cells.
# $candidates: merkistöjen nimet, esim. "Windows-1252 / Mac Roman"; $example: tavu ja sen lukutavat.
read-unknown-encoding = Tiedoston merkistöä ei voi päätellä: { $candidates } antaisivat eri merkit (esim. { $example }). Tiedostoa ei lueta arvaamalla.
    .hint = Tallenna tiedosto muodossa CSV UTF-8 tai Excel-työkirjana.

## Vioittuneet tiedostot. Ohjelmakirjaston omat (englanninkieliset) sanat
## näkyvät vain JSON-tulosteessa ja valitsimella --verbose.

read-damaged = Työkirjan sisältö on vioittunut tai muodossa, jota kooste ei osaa lukea.
    .hint = Avaa tiedosto Excelissä tai LibreOfficessa ja tallenna se uudelleen Excel-muodossa (.xlsx); jos se ei aukea, pyydä lähettäjältä uusi tiedosto.
read-damaged-package = Tiedosto alkaa kuten työkirja (zip-paketti), mutta pakettia ei voi avata: se on vioittunut tai kopioitunut vain osittain.
read-damaged-part = Työkirjasta puuttuu sen tarvitsema osa { $part }.
read-damaged-xml = Työkirjan XML-sisältö on rikki.
read-damaged-xml-part = Työkirjan XML-sisältö on rikki (osa { $part }).
read-damaged-xls = Tiedosto on vanhaa Excel-muotoa (.xls), mutta sen rakenne on vioittunut.
read-damaged-csv = Tekstitiedoston rivejä ei voi lukea CSV-muodossa.
read-damaged-binary = Tiedosto ei ole tekstiä eikä taulukko: siinä on binääridataa.
read-damaged-reader = Tiedoston sisältö on vioittunut niin, että sen lukeminen keskeytyi.

## Tiedostossa havaitut tavut (CSV)

read-invalid-bytes = { $n ->
        [one] Rivillä { $row } on tavu { $bytes }, joka ei ole kelvollista { $encoding }-tekstiä; sen kohdalla on merkki �.
       *[other] Rivillä { $row } on tavut { $bytes }, jotka eivät ole kelvollista { $encoding }-tekstiä; niiden kohdalla on merkki �.
    }
    .hint = Tarkista rivin teksti ja tallenna tiedosto uudelleen muodossa CSV UTF-8.
read-nul-byte = Rivillä { $row } on NUL-merkki (tavu 0x00).

## Koosteen omat tulosteet syötteiden joukossa

# $kind: yksi alla olevista read-own-kind-viesteistä.
read-own-output = Tiedosto on koosteen oma tuloste ({ $kind }), joten sitä ei lueta ilmoituksena.
    .hint = Pidä tulosteet eri kansiossa kuin ilmoitukset.
read-own-kind-consolidated = koostetyökirja
read-own-kind-annotated = tarkistettu kopio
read-own-kind-converted = muunnettu tiedosto
read-own-kind-csv-export = CSV-vienti
read-own-kind-json-export = JSON-vienti

## Otsikkorivi ja sarakkeet

# $sheets: välilehtien nimet pilkuin erotettuina.
read-no-sheet-empty = Työkirjassa ei ole yhtään välilehteä.
read-no-sheet = Yhdeltäkään välilehdeltä ei löytynyt toimenpiteiden otsikkoriviä { $rows } ensimmäiseltä riviltä (katsotut välilehdet: { $sheets }).
    .hint = Otsikkorivillä pitää olla sarakkeet kuten { $examples }.
    .hint-missing = Välilehden { $sheet } rivillä { $row } on otsikoita, mutta { $count ->
        [one] siitä puuttuu pakollinen sarake { $missing }.
       *[other] siitä puuttuvat pakolliset sarakkeet { $missing }.
    }
# Sarakkeen otsikko luettelossa.
read-quoted = "{ $text }"
read-missing-column = Pakollinen sarake "{ $field }" puuttuu.
    .hint = Lisää otsikkoriville sarake "{ $field }".
read-duplicate-column = Sarakkeet { $first } ja { $second } tarkoittavat molemmat kenttää "{ $field }".
    .hint = Poista tai nimeä toinen sarakkeista uudelleen; vain ensimmäinen luetaan.
read-unknown-column = Otsikkoa "{ $value }" ei tunnisteta; sarakkeen tiedot jätetään huomiotta.
    .hint = Tarkista otsikon kirjoitusasu.
    .hint-closest = Tarkoititko "{ $closest }"?
read-unknown-unit = Sarakkeen "{ $header }" yksikköä "{ $unit }" ei tunneta, joten sen lukuja ei lueta: kooste lukee euromäärät euroina ja muut luvut kappaleina.
    .hint = Muunna luvut euroiksi (henkilötyövuodet vuosina, asukkaat kappaleina) ja poista otsikosta yksikkö "{ $unit }".

## Rivit, joita ei lueta

read-unread-sheet = Myös välilehdellä "{ $sheet }" on toimenpiteiden otsikkorivi, mutta vain välilehti "{ $read }" luetaan.
    .hint = Siirrä toimenpiteet yhdelle välilehdelle tai lähetä ne erillisinä tiedostoina.
read-unread-column = Sarakkeessa { $column } on tietoja ({ $count ->
        [one] { $count } solu
       *[other] { $count } solua
    }), mutta sarakkeella ei ole otsikkoa, joten niitä ei lueta.
    .hint = Lisää sarakkeelle otsikko tai poista tiedot.
read-hidden-by-merge = Solu { $cell } on yhdistetyn alueen alla, joten sen oma arvo "{ $value }" ei näy taulukossa eikä sitä lueta.
    .hint = Pura solujen yhdistäminen tai poista piilotettu arvo.
read-total-out-of-place = Yhteensä-rivin solussa { $cell } on luku "{ $value }", mutta sarake ei ole euromäärien sarake, joten lukua ei tarkisteta eikä lueta.
    .hint = Siirrä summa oikean euromäärän sarakkeeseen tai poista se.
read-shifted-row-split = Rivillä { $row } on enemmän kenttiä kuin otsikkorivissä, ja solun { $cell } "{ $value }" edellä on "{ $first }": luku { $first },{ $value } on luultavasti jaettu kahteen soluun tuhaterottimen pilkun kohdalta, koska sitä ei ole kirjoitettu lainausmerkkeihin, jolloin rivin arvot ovat siirtyneet sarakkeesta toiseen. Rivin lukuja ei lueta arvaamalla.
    .hint = Kirjoita erotinmerkin sisältävät arvot lainausmerkkeihin tai tallenna tiedosto Excel-työkirjana.
read-shifted-row = Rivillä { $row } on arvo otsikkorivin viimeisen sarakkeen oikealla puolella ({ $cell }: "{ $value }"), ja rivissä on enemmän kenttiä kuin otsikkorivissä. Joko jonkin arvon sisällä on erotinmerkki "{ $delimiter }" ilman lainausmerkkejä, jolloin rivin arvot ovat siirtyneet sarakkeesta toiseen, tai sarakkeelta puuttuu otsikko. Rivin lukuja ei lueta arvaamalla.
    .hint = Kirjoita erotinmerkin sisältävät arvot lainausmerkkeihin, lisää puuttuva otsikko tai tallenna tiedosto Excel-työkirjana.
read-quoted-rows = Solun { $cell } arvo jatkuu lainausmerkkien sisällä { $lines ->
        [one] riville, joka näyttää taulukon riviltä (siinä on { $delimiters } erotinmerkkiä "{ $delimiter }")
       *[other] { $lines } riville, jotka näyttävät taulukon riveiltä (niissä on enintään { $delimiters } erotinmerkkiä "{ $delimiter }")
    }. Lainausmerkki on luultavasti jäänyt sulkematta, ja LibreOffice ja Excel lukevat rivit tähän soluun; niiden toimenpiteitä eikä tämän rivin lukuja lueta.
    .hint = Sulje lainausmerkki solun { $cell } arvon lopussa tai poista se.
read-unclosed-quote = Solun { $cell } arvo alkaa lainausmerkillä, jota mikään lainausmerkki erotinmerkin tai rivin lopun edellä ei sulje. Se luetaan merkkinä ja arvo päättyy rivin loppuun, kuten LibreOffice sen lukee; Excel lukisi tiedoston loppuosan tähän soluun.
    .hint = Tarkista solun arvo ja poista ylimääräinen lainausmerkki tai lisää puuttuva.
read-unread-row = Rivillä on tietoja ("{ $value }"), mutta se ei ole toimenpide, joten sitä ei lueta.
    .hint = Väliotsikot ja huomautukset eivät siirry koosteeseen; jos rivi on toimenpide, täytä sen kentät.
read-prefill-changed = Rivillä on vain pohjan esitäytetyt tiedot ("{ $value }"), eri kuin pohjan muilla tyhjillä riveillä, mutta ei muita tietoja, joten sitä ei lueta toimenpiteenä.
    .hint = Jos rivi on toimenpide, täytä sen kentät; muuten palauta rivin esitäytetyt tiedot tai tyhjennä rivi.
read-example-changed = Rivi on pohjan esimerkkirivi, mutta siihen on kirjoitettu toimenpiteen tietoja ("{ $value }"), joten sitä ei lueta toimenpiteenä.
    .hint = Siirrä toimenpide esimerkkirivin alle omalle rivilleen tai poista esimerkkimerkintä rivin alusta.
read-total-mismatch = Yhteensä-rivin { $field } on { $total }, mutta yllä olevien rivien summa on { $sum } (ero { $diff }).
    .hint = Korjaa yhteensä-rivi tai rivien luvut.

## Solujen arvot

read-missing-value = Pakollinen tieto "{ $field }" puuttuu.
    .hint = Täytä solu.
# $kind: yksi read-kind-viesteistä.
read-type-error = "{ $value }" ei ole { $kind }.
    .footnote = Luvun perässä on ylä- tai alaindeksinä kirjoitettu merkki, esimerkiksi alaviitteen numero. Siirrä viite omaan sarakkeeseensa tai huomautukseen, jotta luku luetaan.
read-too-large-number = Luku { $value } on liian suuri: se ei voi olla { $kind }.
read-error-value = Solussa on virhearvo { $value }.
# Hyvin pitkä luku tieteellisessä muodossa, esim. 1,0·10^308.
read-number-scientific = { $mantissa }·10^{ $exponent }
read-kind-euro = euromäärä
    .hint = Kirjoita euromäärä numeroina, esim. 12 500 tai 12 500,50 €.
read-kind-number = luku
    .hint = Kirjoita luku, esim. 1,5.
read-kind-whole = kokonaisluku
    .hint = Kirjoita kokonaisluku, esim. 120.
read-kind-year = vuosiluku
    .hint = Kirjoita vuosi neljällä numerolla, esim. 2021.
read-kind-date = päivämäärä
    .hint = Kirjoita päivämäärä muodossa 31.12.2021.
# $field: sarakkeen otsikko ohjelman asetuksista.
read-not-allowed = "{ $value }" ei ole sallittu arvo sarakkeessa "{ $field }".
    .hint = Sallitut arvot: { $allowed }.
    .hint-closest = Tarkoititko "{ $closest }"? Sallitut arvot: { $allowed }.
read-negative = Kentän "{ $field }" arvo ei voi olla negatiivinen ({ $value }).
    .hint = Tarkista etumerkki.
read-year-out-of-range = Vuosi { $value } ei kuulu ohjelmakauteen { $first }–{ $last }.
    .hint = Tarkista vuosi.
read-not-email = "{ $value }" ei ole sähköpostiosoite.
    .hint = Kirjoita osoite muodossa nimi@esimerkki.fi.
read-formula-without-value = Solussa on kaava ={ $formula }, mutta tiedostoon ei ole tallennettu sen tulosta.
    .hint = Avaa tiedosto Excelissä tai LibreOfficessa ja tallenna se, tai kirjoita luku kaavan tilalle.
read-formula-mismatch = Solun kaava ={ $formula } antaa { $evaluated }, mutta tiedostoon on tallennettu tulos { $stored }, joten lukua ei lueta.
    .hint = Tiedostoa ei ole laskettu uudelleen tallennettaessa (manuaalinen laskenta?). Paina Excelissä F9 (LibreOfficessa Ctrl+Vaihto+F9), tarkista luku ja tallenna.
read-text-too-long = Teksti on { $count } merkkiä, mutta Excelin soluun mahtuu { $limit }; kooste-työkirjaan se tallentuu lyhennettynä.
    .hint = CSV- ja JSON-viennit säilyttävät tekstin kokonaan; lyhennä tekstiä tarvittaessa.
# $mark: desimaalierottimeksi tai tuhaterottimeksi tulkittava merkki.
read-ambiguous-number = "{ $value }" voidaan lukea kahdella tavalla: { $first } tai { $second }. Tiedostosta ei selviä, onko "{ $mark }" desimaalierotin vai tuhaterotin.
    .hint = Kirjoita luku ilman tuhaterotinta ja desimaalit pilkun jälkeen, esim. 90000 tai 90,50.
read-ambiguous-number-other = "{ $value }" voidaan lukea kahdella tavalla: { $first } tai { $second }. Tiedoston muissa luvuissa desimaalierotin on "{ $decimal }", mutta tässä kentässä voi olla kolme desimaalia, joten "{ $mark }" voi olla myös desimaalierotin eikä tuhaterotin.
read-ambiguous-number-mixed = "{ $value }" voidaan lukea kahdella tavalla: { $first } tai { $second }. Tiedoston luvuissa desimaalierottimena on sekä "," että ".", joten "{ $mark }" voi olla kumpi tahansa.
read-ambiguous-number-cents = "{ $value }" voidaan lukea kahdella tavalla: { $first } tai { $second }. Tiedoston muissa luvuissa "{ $mark }" on desimaalierotin, mutta euromäärässä ei ole kolmea desimaalia, joten "{ $mark }" voi tässä olla myös tuhaterotin.
    .hint = Kirjoita luku ilman tuhaterotinta ja desimaalit pilkun jälkeen, esim. 90000 tai 90,50.
read-ambiguous-number-whole = "{ $value }" voidaan lukea kahdella tavalla: { $first } tai { $second }. Tiedoston muissa luvuissa "{ $mark }" on desimaalierotin, mutta lukumäärässä ei ole desimaaleja, joten "{ $mark }" voi tässä olla myös tuhaterotin.
    .hint = Kirjoita lukumäärä ilman tuhaterotinta, esim. 1250.
read-unknown-unit-format = Solun luku { $value } näkyy yksiköllä "{ $unit }" (solun lukumuoto), mutta kentän "{ $field }" lukuja ei lueta siinä yksikössä, joten lukua ei lueta: se olisi väärä kertoimen verran.
    .hint = Kirjoita luku euroina (henkilötyövuodet vuosina, asukkaat kappaleina) ja poista solun lukumuodosta yksikkö "{ $unit }".
read-merged-amount = Kentän "{ $field }" luku on yhdistetty useaan riviin solusta { $anchor } alkaen; sitä ei voi laskea jokaiselle toimenpiteelle.
    .hint = Pura solujen yhdistäminen ja kirjoita kunkin toimenpiteen oma luku omalle rivilleen.
read-sub-cent = Euromäärässä "{ $value }" on senttien jälkeen vielä desimaaleja, joten sitä ei lueta eikä pyöristetä.
    .hint = Kirjoita euromäärä enintään kahdella desimaalilla (sentteinä), esim. 1234,57.
read-euros-exact = { $value } €
read-hidden-number = Solussa on luku { $value }, mutta sen lukumuoto (kuten ;;;) piilottaa sen, joten taulukossa solu näyttää tyhjältä, ja se luetaan tyhjänä.
    .hint = Poista solusta piilottava lukumuoto ja tarkista luku, tai tyhjennä solu, jos lukua ei ole tarkoitettu.
read-unknown-unit-title = Otsikkoalueen solu { $cell } sanoo lukujen yksiköksi "{ $unit }", joten euromääräisten sarakkeiden ({ $fields }) lukuja ei lueta: euroina ne olisivat tuhat- tai miljoonakertaisesti väärin.
    .hint = Muunna luvut euroiksi ja poista yksikkö "{ $unit }" otsikosta; kooste lukee euromäärät euroina.
read-unknown-unit-footnote = Taulukon alla olevan huomautuksen solu { $cell } sanoo lukujen yksiköksi "{ $unit }", joten euromääräisten sarakkeiden ({ $fields }) lukuja ei lueta: euroina ne olisivat tuhat- tai miljoonakertaisesti väärin.
    .hint = Muunna luvut euroiksi ja poista huomautus "{ $unit }" taulukon alta; kooste lukee euromäärät euroina.
read-unit-row = Rivi { $row } on otsikkorivin yksikkörivi ({ $units }): sen yksiköt luetaan sarakkeiden yksiköiksi eikä riviä lueta toimenpiteeksi.
    .hint = Tarkista, että yksiköt ovat oikein; yksikön voi myös kirjoittaa otsikkoon, esimerkiksi "Budjetti (€)".
read-hidden-column = Sarake { $column } ("{ $header }") on piilotettu, mutta se luetaan kenttään "{ $field }": tarkista, että sen luvut ovat ajan tasalla.
    .hint = Näytä sarake ja tarkista sen luvut, tai poista se, jos luvut ovat vanhoja.
read-hidden-column-ambiguous = Sarake { $column } ("{ $header }") on piilotettu, ja näkyvässä sarakkeessa { $visible } ("{ $other }") voi olla kentän "{ $field }" luvut, joten piilotettua saraketta ei lueta: kumpi sarake on oikea, ei selviä tiedostosta.
    .hint = Poista vanhentunut sarake tai anna näkyvälle sarakkeelle otsikko "{ $field }".
read-scaled-format = Solussa on luku { $stored }, mutta solun lukumuoto näyttää sen muodossa "{ $shown }{ $unit }": kenttään "{ $field }" luetaan tallennettu luku { $stored }.
    .hint = Tarkista, että luku on euroina oikein; poista lukumuodon skaalaus (pilkku lopussa), jos solun pitäisi näyttää euromäärä.
read-hidden-rows = { $count ->
    [one] Rivi { $rows } on { $how ->
        [filtered] suodatettu piiloon
       *[hidden] piilotettu
    }, mutta se luetaan: sen luvut sisältyvät koosteeseen ja summiin, vaikka taulukossa riviä ei näy.
   *[other] Rivit { $rows } ({ $count } toimenpidettä) on { $how ->
        [filtered] suodatettu piiloon
       *[hidden] piilotettu
    }, mutta ne luetaan: niiden luvut sisältyvät koosteeseen ja summiin, vaikka taulukossa rivejä ei näy.
}
    .hint = Tarkista piilotetut rivit; jos toimenpide ei kuulu mukaan, poista sen rivi tiedostosta.
read-subtotal-mismatch = Välisummarivin { $field } on { $total }, mutta kaavan alueen { $range } toimenpiderivien summa on { $sum } (ero { $diff }).
    .hint = Korjaa välisumma tai rivien luvut.
read-unread-file = Tiedostoa ei lueta: { $ext ->
    [txt] tekstitiedosto ei ole sarkaimin eroteltu taulukko.
   *[other] kooste lukee kansiosta vain taulukkotiedostot (xlsx, xlsm, xls, xlsb, ods, fods, csv, tsv ja sarkaimin erotellut txt).
}
    .hint = Jos tiedosto on toimialan ilmoitus, tallenna se taulukkomuodossa (esim. xlsx) tai anna se komennolle suoraan.
