# Tarkistukset rivien ja tiedostojen välillä (luvut ja vaihe, sama
# toimenpide kahdesti, toimialat, ohjelman budjetti, vuosi), ajon
# löydökset (sama tiedosto kahdesti, ei toimenpiteitä), raportin fontista
# puuttuvat merkit sekä ohjelman asetustiedoston (TOML) virheet.
#
# Kunkin löydöksen .hint kertoo, miten asian korjaa. Ohjelma täyttää
# muuttujat ($nimi): euromäärät ja luvut tulevat valmiiksi muotoiltuina,
# käyttäjän kirjoittamat arvot sellaisinaan. Asetustiedoston avaimet
# (esim. first_year, stage, kind) ja valitsimet (--year) ovat ohjelman
# sanoja: niitä ei käännetä.

## Rivien ja tiedostojen väliset tarkistukset

check-wrong-year = Rivi on vuodelta { $value }, mutta raportoitava vuosi on { $year }.
    .hint = Korjaa vuosi tai anna oikea vuosi valitsimella --year.

check-spent-exceeds-budget = Sarakkeen "{ $spent_field }" summa { $spent } ylittää sarakkeen "{ $budget_field }" summan { $budget } (+{ $diff }).
    .hint = Tarkista luvut tai kerro ylityksen syy.

check-completed-without-spend = Sarakkeessa "{ $status_field }" on "{ $status }", mutta sarakkeeseen "{ $spent_field }" ei ole ilmoitettu summaa.
    .hint = Päivitä sarake "{ $status_field }" tai tarkista sarake "{ $spent_field }".

check-planning-with-spend = Sarakkeessa "{ $status_field }" on "{ $status }", mutta sarakkeen "{ $spent_field }" summa { $spent } on yli puolet sarakkeen "{ $budget_field }" summasta { $budget }.
    .hint = Päivitä sarake "{ $status_field }" tai tarkista sarake "{ $spent_field }".

check-duplicate-measure = Toimenpide "{ $value }" on jo solussa { $other }.
    .hint = Poista kaksoiskappale tai yhdistä rivit.

check-duplicate-measure-other-department = Toimenpide "{ $value }" on myös ilmoituksessa { $department } ({ $other }).
    .hint = Poista kaksoiskappale tai yhdistä rivit.

check-several-departments = Tiedoston riveillä on sarakkeessa "{ $field }" useita arvoja: { $values }.
    .hint = Yksi tiedosto on yhden ilmoittajan ilmoitus.

check-title-department = Rivin sarakkeessa "{ $field }" on { $value }, mutta otsikossa { $department }.
    .hint = Yksi tiedosto on yhden ilmoittajan ilmoitus.

check-budget-exceeds-programme = Vuoden { $year } varatut summat ovat yhteensä { $total }, mikä ylittää ohjelman vuosibudjetin { $budget } (ylitys { $diff }).
    .hint = Tarkista sarakkeen "{ $field }" summat.

check-missing-submission = { $name } ({ $department }): ei yhtään toimenpidettä vuodelle { $year }.
    .hint = Pyydä ilmoitus.

## Ajon löydökset

check-duplicate-file = Tiedoston rivit ovat samat kuin tiedostossa { $other }, joten sitä ei lueta toiseen kertaan (toimenpiteet tulisivat kahdesti).
    .hint = Poista kopio tai muunnettu tiedosto ilmoitusten kansiosta; jos tiedostot ovat eri ilmoituksia, tarkista niiden sisältö.

check-no-files = Yhtään taulukkotiedostoa ei löytynyt (katsotut paikat: { $inputs }).
    .hint = Tarkista, että kansiossa on täytetyt ilmoitukset (.xlsx, .xls, .ods tai .csv).
check-no-measures = Yhtään toimenpidettä ei löytynyt (katsotut paikat: { $inputs }). Mitään ei kirjoitettu.
    .hint = Tarkista, että kansiossa on täytetyt ilmoitukset.

## Raportin fontti. $field on kentän otsikko, $chars luettelo merkeistä
## (U+4E2D 中, …).

check-unprintable-text = Toimenpiteen "{ $measure }" kentässä "{ $field }" on merkkejä, joita raportin fontissa ei ole; ne näkyvät PDF:ssä korvausmerkkinä �: { $chars }.
    .hint = Raportti näyttää latinalaiset, kreikkalaiset ja kyrilliset kirjaimet; työkirjaan ja vientitiedostoihin teksti tallentuu sellaisenaan.

check-unseen-text = Toimenpiteen "{ $measure }" kentässä "{ $field }" on ohjaus- tai muotoilumerkkejä, jotka raportti jättää pois: { $chars }.
    .hint = Merkit eivät näy; työkirjaan ja vientitiedostoihin teksti tallentuu sellaisenaan.

check-unshaped-text = Toimenpiteen "{ $measure }" kentässä "{ $field }" on oikealta vasemmalle kirjoitettavaa tekstiä (arabia, heprea), jota raportti ei muotoile: kirjaimet tulostuvat erillisinä ja vasemmalta oikealle.
    .hint = Raportti näyttää latinalaiset, kreikkalaiset ja kyrilliset kirjaimet; työkirjaan ja vientitiedostoihin teksti tallentuu sellaisenaan.

# Kun tekstissä on molemmat ongelmat: kaksi yllä olevaa virkettä peräkkäin.
check-unprintable-and-unshaped-text = { check-unprintable-text } { check-unshaped-text }
    .hint = Raportti näyttää latinalaiset, kreikkalaiset ja kyrilliset kirjaimet; työkirjaan ja vientitiedostoihin teksti tallentuu sellaisenaan.


## Asetustiedoston (--config) virheet. $file on tiedoston nimi, $line rivi,
## $key avain muodossa taulukko.avain (programme.first_year). Avaimen
## kohdan virhe ($problem) on yksi config-…-viesteistä alempana: se
## alkaa pienellä kirjaimella ja kertoo, mitä korjata.

config-error-at = Asetustiedostossa { $file } on virhe rivillä { $line }: { $problem }
config-error = Asetustiedostossa { $file } on virhe: { $problem }
config-problem-missing-key = pakollinen avain { $name } puuttuu. Lisää se; mallin näet tiedostosta templates/programme.toml.
config-problem-unknown-key = avainta { $name } ei tunneta. Tarkista sen kirjoitusasu; sallitut avaimet näet tiedostosta templates/programme.toml.
config-problem-wrong-type = avaimen { $name } arvo on väärää tyyppiä. Kirjoita teksti lainausmerkkeihin ja luku ilman niitä, kuten tiedostossa templates/programme.toml.
config-problem-per-language = avaimen { $name } arvoksi tarvitaan teksti kullakin kielellä, muodossa { "{" } fi = "…", sv = "…", en = "…" { "}" }, kuten tiedostossa templates/programme.toml.
config-inconsistent-at = Asetustiedostossa { $file } on virhe rivillä { $line }, avaimessa { $key }: { $problem }
config-inconsistent = Asetustiedostossa { $file } on virhe avaimessa { $key }: { $problem }

config-year-out-of-range = { $value } ei ole vuosi väliltä { $min }–{ $max }. Anna vuosi tältä väliltä.
config-last-year-before-first = viimeinen vuosi { $last } on ennen ensimmäistä vuotta { $first }. Korjaa first_year tai last_year.
config-span-too-long = kausi { $first }–{ $last } on { $years ->
        [one] { $years } vuosi
       *[other] { $years } vuotta
    }, mutta ohjelma voi kestää enintään { $max ->
        [one] { $max } vuoden
       *[other] { $max } vuotta
    }. Korjaa first_year tai last_year.
config-budget-out-of-range = { $value } ei ole euromäärä, joka on vähintään 0 ja alle { $max }. Anna vuosibudjetti euroina tältä väliltä.
config-too-many-template-rows = { $value ->
        [one] { $value } rivi
       *[other] { $value } riviä
    } on enemmän kuin enimmäismäärä { $max } (Excelin taulukossa on { $sheet_rows } riviä). Anna pienempi rivimäärä.
config-control-character = arvossa on ohjausmerkki { $char }, jota työkirjaan ei voi kirjoittaa. Poista merkki arvosta.
config-bad-deadline = "{ $value }" ei ole määräpäivä. Anna päivä ja kuukausi, esim. "31.1." (raportoitua vuotta seuraavan vuoden 31. tammikuuta), tai päivämäärä kullekin raportoitavalle vuodelle taulukkona vuosi = "päivämäärä", esim. 2022 = "31.1.2023".
config-empty-list = luettelossa ei ole yhtään kohtaa. Lisää ainakin yksi kohta [[{ $list }]].
config-empty-code = koodi on tyhjä. Anna kohdalle koodi.
config-same-spelling = "{ $spelling }" tarkoittaa kahta luettelon { $list } kohtaa. Anna kohdille eri koodit, nimet ja muut kirjoitusasut (aliases).
config-no-stage = tilalta { $code } puuttuu vaihe. Anna stage-avaimelle yksi arvoista planning, implementation, completed, suspended tai external.
config-field-twice = kenttä { $field } on määritelty kahdesti. Poista toinen määrittely tai anna sille eri avain.
config-shared-header = otsikkoa "{ $header }" käyttää myös kenttä { $other }. Anna kentille eri otsikot ja muut nimet (aliases).
config-wrong-kind = kentän { $field } tyypin on oltava { $kind }. Kirjoita kind = "{ $kind }".
config-missing-field = pakollinen kenttä { $field } puuttuu. Lisää kohta [[fields]], jossa key = "{ $field }".

config-not-found = Asetustiedostoa { $file } ei löydy. Tarkista valitsimen --config polku.
config-unreadable = Asetustiedostoa { $file } ei voi lukea. Tarkista, että se on UTF-8-muotoinen tekstitiedosto ja että sinulla on oikeus lukea se.
config-syntax-at-key = Asetustiedostossa { $file } on virhe rivillä { $line }, avaimen { $key } kohdalla: avain puuttuu tai on tuntematon, sen arvo on väärää tyyppiä tai rivi ei ole kelvollista TOML-kieltä. Korjaa rivi.
config-syntax-at-line = Asetustiedostossa { $file } on virhe rivillä { $line }: rivi ei ole kelvollista TOML-kieltä, tai siinä oleva avain puuttuu, on tuntematon tai on väärää tyyppiä. Korjaa rivi.
config-syntax = Asetustiedostoa { $file } ei voi käyttää: se ei ole kelvollista TOML-kieltä tai siitä puuttuu pakollinen avain. Korjaa tiedosto.

config-logo-unreadable = Logotiedostoa { $file } ei voi lukea. Tarkista asetuksen programme.logo polku (suhteessa asetustiedostoon) ja lukuoikeus.
config-logo-too-large = Logo { $file } on liian suuri: enintään { $pixels } kuvapistettä ja { $megabytes } Mt. Pienennä kuvaa.
config-logo-format = Logo { $file } ei ole PNG- eikä RGB- tai harmaasävyinen JPEG-kuva, tai se on vioittunut. Tallenna logo PNG-muodossa.
config-logo-without-alt = logolle ei ole annettu vaihtoehtoista tekstiä. Lisää programme.logo_alt = { "{" } fi = "…", sv = "…", en = "…" { "}" }.
