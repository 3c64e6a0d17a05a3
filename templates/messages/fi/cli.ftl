# Komentorivin tekstit: ohje (kooste --help), komentorivin virheet ja
# virheet, jotka pysäyttävät ajon (tiedostoa ei voi lukea tai kirjoittaa).
# Ne tulostetaan muodossa "kooste: …", joten virhe alkaa pienellä
# kirjaimella. Komentojen ja valitsimien nimet (build, --out) ja niiden
# arvot (fi, xlsx, finnish) pysyvät samoina kaikilla kielillä.

## Ohjeen otsikot

cli-usage-heading = Käyttö:
cli-heading-commands = Komennot
cli-heading-arguments = Argumentit
cli-heading-options = Valitsimet
# Käyttörivillä muiden valitsimien paikalla: kooste build [VALITSIMET] …
cli-options-placeholder = [VALITSIMET]
# Virheen jälkeen; $command on esim. "kooste build".
cli-more-help = Ohje: { $command } --help

## Komennot

cli-about = Kokoaa kaupungin ohjelman toimialojen vuosittaiset ilmoitukset: tarkistaa jokaisen solun, yhdistää ilmoitukset ja kirjoittaa koostetyökirjan ja vuosiraportin.
cli-about-build = Lukee, tarkistaa ja yhdistää ilmoitukset ja kirjoittaa koostetyökirjan ja vuosiraportin.
cli-about-report = Lukee, tarkistaa ja yhdistää ilmoitukset ja kirjoittaa vuosiraportin (PDF).
cli-about-merge = Lukee, tarkistaa ja yhdistää ilmoitukset ja kirjoittaa koostetyökirjan.
cli-about-template = Kirjoittaa työkirjan, jonka toimiala täyttää (yhdelle toimialalle tai kaikille).
cli-about-convert = Kirjoittaa ilmoitukset vakiomuotoon: xlsx (pohjan muoto), CSV tai JSON.
cli-about-validate = Tarkistaa ilmoitukset ja tulostaa jokaisen havainnon.
cli-about-help = Näyttää tämän ohjeen tai annetun komennon ohjeen.

## Valitsimet

cli-arg-inputs = Ilmoitustiedostot tai kansiot (kansiot käydään läpi alikansioineen).
cli-arg-config = Ohjelman asetukset (TOML); oletuksena sisäänrakennettu ohjelma.
cli-arg-lang = Viestien ja tulosteiden kieli: fi, sv tai en. Oletuksena ympäristömuuttuja KOOSTE_LANG tai järjestelmän kieli (LC_ALL, LC_MESSAGES, LANG), muuten fi.
cli-arg-year = Raportoitava vuosi; oletuksena rivien yleisin vuosi.
cli-arg-date = Tulosteisiin merkittävä päivämäärä (VVVV-KK-PP tai PP.KK.VVVV); oletuksena uusimman syötetiedoston muokkauspäivä.
cli-arg-max-unpacked-mb = Hylkää työkirja, jonka osat ovat purettuina tätä suuremmat (megatavua; oletus 1024).
cli-arg-max-cells = Hylkää tiedosto, jossa on tätä enemmän soluja (oletus 50 000 000).
cli-arg-quiet = Ei edistymispalkkia.
cli-arg-verbose = Näytä virheen yhteydessä myös käyttöjärjestelmän ja kirjastojen omat (englanninkieliset) viestit.
cli-arg-help = Näytä ohje.
cli-arg-version = Näytä versio.
cli-arg-out-dir = Kansio, johon tulosteet kirjoitetaan.
cli-arg-previous = Kooste-ohjelman tälle ohjelmalle kirjoittama aiemman vuoden koostetyökirja, johon verrataan. Valitsimen voi antaa useasti tai antaa kansion, jossa on aiempien vuosien koostetyökirjoja: kahdesta aiemmasta vuodesta alkaen tulee myös kehitys vuosittain.
cli-arg-per-department = Lisää jokaiselle toimialalle oma välilehti.
cli-arg-draft = Kirjoita tulosteet virheistä huolimatta luonnoksiksi merkittyinä, ilman virheellisiä rivejä.
cli-arg-report-template = Raporttipohja (TOML) kielen sisäänrakennetun pohjan sijaan.
cli-arg-report-output = Kirjoitettava PDF-tiedosto; - kirjoittaa vakiotulosteeseen.
cli-arg-merge-output = Kirjoitettava työkirja; - kirjoittaa vakiotulosteeseen.
cli-arg-csv = Kirjoita yhdistetyt toimenpiteet myös CSV-tiedostoon.
cli-arg-csv-style = CSV:n muoto: finnish (oletus: erottimena puolipiste, desimaalipilkku, BOM) tai plain (erottimena pilkku, desimaalipiste).
cli-arg-json = Kirjoita yhdistetyt toimenpiteet myös JSON-tiedostoon.
cli-arg-department = Toimialan koodi tai nimi.
cli-arg-all = Kaikki ohjelman toimialat kansioon, jonka --out antaa.
cli-arg-template-year = Vuosi, jota varten pohja tehdään.
cli-arg-from = Kooste-ohjelman tälle ohjelmalle kirjoittama koostetyökirja vuotta --year aiemmalta vuodelta: toimialan toimenpiteet esitäytetään siitä.
cli-arg-template-output = Kirjoitettava tiedosto (yksi toimiala).
cli-arg-template-out = Kansio, johon pohjat kirjoitetaan (valitsimen --all kanssa).
cli-arg-template-date = Päivämäärä tiedoston ominaisuuksissa (VVVV-KK-PP tai PP.KK.VVVV); oletuksena vuoden 1. tammikuuta.
cli-arg-to = Tulosteen muoto: xlsx (pohjan muoto), csv tai json.
cli-arg-format = Tulostusmuoto: text (oletus) tai json.
cli-arg-annotate = Kirjoita kansioon merkitty kopio jokaisesta ilmoituksesta, jossa on havaintoja.
cli-arg-command = Komento, jonka ohje näytetään.

## Valitsimien arvojen nimet ohjeessa (--out <KANSIO>): isoin kirjaimin, ilman välilyöntejä

cli-value-input = SYÖTE
cli-value-command = KOMENTO
cli-value-file = TIEDOSTO
cli-value-dir = KANSIO
cli-value-year = VVVV
cli-value-date = PÄIVÄ
cli-value-megabytes = MT
cli-value-count = N
cli-value-lang = KIELI
cli-value-style = TYYLI
cli-value-kind = MUOTO
cli-value-department = KOODI
cli-value-previous = EDELLINEN.xlsx
cli-value-pdf = TIEDOSTO.pdf
cli-value-xlsx = TIEDOSTO.xlsx
cli-value-consolidated = KOOSTE.xlsx

## Komentorivin virheet; niiden jälkeen tulostetaan käyttörivi

cli-err-unknown-argument = tuntematon valitsin tai argumentti: { $arg }.
cli-err-did-you-mean = Tarkoititko { $suggestion }?
cli-err-unknown-command = tuntematon komento: { $command }. Komennot: { $commands }.
cli-err-missing-command = anna komento: { $commands }.
cli-err-missing-value = { $arg }: valitsimelta puuttuu arvo. Kirjoita arvo valitsimen perään.
cli-err-invalid-value = { $arg }: arvo "{ $value }" ei kelpaa. Sallitut arvot: { $allowed }.
cli-err-invalid-date = { $arg }: "{ $value }" ei ole päivämäärä. Kirjoita se muodossa VVVV-KK-PP tai PP.KK.VVVV, esim. 2022-02-15 tai 15.2.2022.
cli-err-invalid-number = { $arg }: "{ $value }" ei ole kokonaisluku.
cli-err-invalid-argument = { $arg }: arvo "{ $value }" ei kelpaa.
cli-err-missing-argument = { $n ->
    [one] pakollinen argumentti puuttuu
   *[other] pakolliset argumentit puuttuvat
}: { $args }.
cli-err-conflict = { $arg } ja { $other } eivät käy yhdessä; anna vain toinen.
cli-err-repeated = { $arg } on annettu useammin kuin kerran; anna se vain kerran.
cli-err-value-count = { $arg }: väärä määrä arvoja.
cli-err-invalid-utf8 = komentorivillä on tekstiä, joka ei ole kelvollista UTF-8:aa.
cli-err-generic = komentoriviä ei voitu tulkita. Katso ohje valitsimella --help.

## Ajon aikana

cli-waiting-for-lock = Toinen kooste-ajo kirjoittaa kansioon { $dir }; odotetaan, että se valmistuu …
# Valitsimella --verbose virheen alle: käyttöjärjestelmän tai kirjaston oma (englanninkielinen) viesti.
cli-detail = lisätieto: { $detail }

## Ajon pysäyttävät virheet

err-report-bug = Tämä on kooste-ohjelman virhe: ilmoita siitä ja liitä mukaan valitsimella --verbose näkyvä lisätieto.
err-write = { $path }: kirjoittaminen ei onnistu: { $reason }
err-not-undone = { $path }: kirjoittaminen ei onnistu: { $reason } Tämän ajon jo kirjoittamia tiedostoja ei voitu palauttaa ennalleen: { $files }. Tarkista ne ennen käyttöä tai aja komento uudelleen.
err-stdout = vakiotulosteeseen ei voi kirjoittaa: { $reason }
err-workbook = { $path }: työkirjaa ei voitu muodostaa. { err-report-bug }
err-save = { $path }: työkirjaa ei voitu tallentaa. { err-report-bug }
err-pdf = { $path }: raporttia ei voitu muodostaa. { err-report-bug }
err-export = { $path }: vientitiedostoa ei voitu muodostaa. { err-report-bug }
err-too-many-measures = { $path }: kirjoittaminen ei onnistu: { $count } toimenpidettä ei mahdu Excel-taulukkoon (enintään { $limit } riviä). Jaa aineisto osiin tai käytä CSV- tai JSON-vientiä.
err-not-a-file = { $path }: tämä on { $kind } eikä tavallinen tiedosto, joten kooste ei kirjoita sen tilalle. Anna tiedoston nimi (tai -, kun tuloste ohjataan vakiotulosteeseen).
err-node-kind = { $kind ->
    [folder] kansio
    [device] laite
    [fifo] nimetty putki (FIFO)
    [socket] pistoke (socket)
   *[other] erikoistiedosto
}
err-no-file-name = { $path }: tämä ei ole tiedoston nimi. Anna tulosteelle tiedoston nimi, esim. kooste.xlsx.
err-one-stdout = { $path }: vain yksi tuloste voi mennä vakiotulosteeseen (-). Anna muille tulosteille tiedostojen nimet.
err-not-a-folder = { $path }: tämä on tiedosto eikä kansio, joten tulosteita ei voi kirjoittaa sinne. Anna kansion nimi (puuttuva kansio luodaan).
err-same-output = { $path }: sama tiedosto kuin tuloste { $other }, joten toinen korvaisi toisen. Anna tulosteille eri nimet.
err-overwrites-input = { $path }: tuloste korvaisi syötetiedoston, eikä kooste muuta syötteitä. Anna tulosteelle toinen nimi tai kansio.
err-reread = { $path }: tiedosto muuttui kooste-ajon aikana, joten siitä ei tehty tarkistettua kopiota. Aja komento uudelleen, kun tiedostoa ei enää muokata.
err-no-previous = { $path }: aiemman vuoden koostetyökirjaa ei löydy. Tarkista polku (esim. out/kooste_2021.xlsx).
err-previous-unreadable = { $path }: tiedostoa ei voi lukea aiemman vuoden koostetyökirjana: { $reason } Anna kooste-ohjelman kirjoittama koostetyökirja.
err-previous-not-consolidated = { $path }: valitsin { $option } tarvitsee kooste-ohjelman kirjoittaman koostetyökirjan (sen kirjoittaa kooste build tai merge), eikä tämä tiedosto ole sellainen. Anna aiemman vuoden kooste_<vuosi>.xlsx.
err-previous-other-programme = { $path }: koostetyökirja on toisen ohjelman, { $theirs }, ei ohjelman { $ours }. Anna tämän ohjelman työkirja tai sen ohjelman asetustiedosto valitsimella --config.
err-previous-same-year = { $path }: koostetyökirja on vuodelta { $year }, samalta vuodelta kuin tämä ajo; valitsin { $option } tarvitsee työkirjan vuotta { $current } aiemmalta vuodelta.
err-previous-later-year = { $path }: koostetyökirja on vuodelta { $year }, myöhemmältä kuin tämän ajon vuosi { $current }; valitsin { $option } tarvitsee työkirjan vuotta { $current } aiemmalta vuodelta.
err-previous-year-twice = { $path }: valitsimella --previous on annettu kaksi vuoden { $year } koostetyökirjaa; ensimmäinen on { $other }. Anna kustakin aiemmasta vuodesta yksi työkirja.
err-not-programme-year = --year { $year }: vuosi ei kuulu ohjelmakauteen { $first }–{ $last }. Anna jokin ohjelmakauden vuosista, tai jos ohjelma jatkuu, anna asetustiedostossa { $file } { $key } = { $year }.
err-not-programme-year-builtin = --year { $year }: vuosi ei kuulu sisäänrakennetun ohjelman kauteen { $first }–{ $last }. Anna jokin ohjelmakauden vuosista, tai jos ohjelma jatkuu, kopioi templates/programme.toml, anna kopiossa { $key } = { $year } ja käytä kopiota valitsimella --config.
err-unknown-department = --department { $given }: ohjelmassa ei ole tätä toimialaa. Toimialat: { $allowed }.
err-template-target = anna joko --department KOODI -o TIEDOSTO (yksi toimiala) tai --all --out KANSIO (kaikki toimialat).
err-output-option-for-folder = { $command } kirjoittaa kansioon: anna kansio valitsimella --out { $path }. -o (--output) nimeää tiedoston, kuten komennoissa merge, report ja template --department.
err-out-option-for-file = { $command } kirjoittaa yhden tiedoston: anna tiedosto valitsimella -o { $path }. --out nimeää kansion, kuten komennoissa build, convert ja template --all.
err-report-template-read = { $path }: raporttipohjaa ei voi lukea: { $reason }
err-report-template-syntax = { $path }, rivi { $line }: raporttipohja ei ole kelvollinen. Korjaa rivi; valitsimella --verbose näkyy, mitä TOML-jäsennin odotti.
err-report-template-invalid = { $path }: raporttipohja ei ole kelvollinen. Valitsimella --verbose näkyy, mitä TOML-jäsennin odotti.
err-report-template-placeholder = { $path }, kohta { $place }: raporttipohjassa on tuntematon paikkamerkki { $placeholder }. Raportti täyttää vain nämä: { $known }. Korjaa kirjoitusasu.
err-report-template-blank-title = { $path }, kohta { $place }: osion otsikko on tyhjä. Otsikko näkyy raportissa, sisällysluettelossa ja kirjanmerkeissä, joten sen on oltava luettava; kirjoita se.
err-report-template-list-limit = { $path }: list_limit = 0 jättäisi jokaisen luettelon tyhjäksi, ja painopisteet näyttäisivät siltä, ettei niissä ole toimenpiteitä. Anna luku 1 tai suurempi tai poista rivi (oletus 5000).
err-signals = väliaikaisia tiedostoja ei poisteta, jos ajo keskeytetään (Ctrl-C); seuraava ajo samaan kansioon poistaa ne.

## Käyttöjärjestelmän syyt: $reason yllä

err-io-not-found = tiedostoa tai kansiota ei ole. Tarkista nimi ja polku.
err-io-permission-denied = käyttöoikeudet eivät riitä. Tarkista tiedoston ja kansion oikeudet tai valitse toinen kansio.
err-io-is-a-directory = polku on kansio eikä tiedosto. Anna tiedoston nimi.
err-io-not-a-directory = polun osa ei ole kansio. Tarkista polku.
err-io-storage-full = levy on täynnä. Vapauta tilaa tai kirjoita toiselle levylle.
err-io-quota-exceeded = levytilakiintiö on täynnä. Vapauta tilaa tai kirjoita toiselle levylle.
err-io-file-too-large = tiedosto kasvaisi suuremmaksi kuin järjestelmä sallii. Kirjoita toiselle levylle tai jaa aineisto osiin.
err-io-read-only = levy on vain luku -tilassa. Valitse toinen kansio.
err-io-already-exists = samanniminen tiedosto tai kansio on jo olemassa. Anna toinen nimi.
err-io-invalid-name = nimi ei kelpaa tiedoston nimeksi. Anna toinen nimi.
err-io-busy = tiedosto on toisen ohjelman käytössä. Sulje ohjelma ja yritä uudelleen.
err-io-broken-pipe = tulostetta lukeva ohjelma lopetti lukemisen.
err-io-other = käyttöjärjestelmä ei sallinut toimintoa. Valitsimella --verbose näkyy sen oma viesti.
cli-about-serve = Käynnistää verkkosovelluksen (rakennettava ominaisuudella web).
cli-arg-workspace = Työtilan kansio: rekisteri ja vastaanotetut tiedostot (oletus kooste-tyotila).
cli-arg-listen = Osoite ja portti, joita kuunnellaan (oletus 127.0.0.1:8080; portti 0 valitsee vapaan).
cli-arg-max-upload-mb = Suurin lähetys kerralla (megatavua; oletus 50).
cli-value-address = OSOITE
