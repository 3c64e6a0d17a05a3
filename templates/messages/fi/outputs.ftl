# Tulosteiden tekstit: komentorivin yhteenvedot, koostetyökirjan
# välilehtien nimet, sarakeotsikot ja huomautukset, ilmoituspohjan ohjeet,
# tarkistetun kopion tekstit ja vuosiraportin ohjelman omat nimikkeet
# (raportin otsikot ja kappaleet ovat tiedostossa templates/report_fi.toml).
#
# Muuttujat ($n, $path, …) täyttää ohjelma; älä käännä niitä. $n on
# lukumäärä: sen mukaan valitaan yksikkö [one] tai monikko [other].
# Viittaus toiseen viestiin ({ out-sheet-measures }) tuo sen tekstin,
# joten välilehden nimi muuttuu kaikkialla kerralla.

## Komentorivi: yhteenvetorivi tarkistuksen jälkeen

out-files = { $n ->
    [one] { $n } tiedosto
   *[other] { $n } tiedostoa
}
out-measures = { $n ->
    [one] { $n } toimenpide
   *[other] { $n } toimenpidettä
}
out-errors = { $n ->
    [one] { $n } virhe
   *[other] { $n } virhettä
}
out-warnings = { $n ->
    [one] { $n } varoitus
   *[other] { $n } varoitusta
}
# Rivit, joita ei viety tulosteisiin, ja syyt ($reasons: alla olevat, pilkuin).
out-rows-left-out = { $n ->
    [one] { $n } rivi jätettiin pois
   *[other] { $n } riviä jätettiin pois
}
out-left-out-duplicates = { $n ->
    [one] { $n } kaksoiskappale
   *[other] { $n } kaksoiskappaletta
}
out-left-out-wrong-year = { $n } toiselta vuodelta
out-left-out-errors = { $n ->
    [one] { $n } virheellinen
   *[other] { $n } virheellistä
}
# $files, $measures, $errors ja $warnings ovat yllä olevat lukumäärät.
out-summary = { $files }, { $measures }, { $errors }, { $warnings }
out-summary-left-out = { $files }, { $measures } ({ $rows }: { $reasons }), { $errors }, { $warnings }
# build ja merge eivät kirjoita tulosteita, kun ilmoituksissa on virheitä.
out-build-blocked = { $n ->
    [one] Tulosteita ei kirjoitettu, koska ilmoituksissa on { $n } virhe. Korjaa se tai käytä valitsinta --draft.
   *[other] Tulosteita ei kirjoitettu, koska ilmoituksissa on { $n } virhettä. Korjaa ne tai käytä valitsinta --draft.
}
out-wrote = Kirjoitettu: { $path }
# Pyörivän merkin vieressä, kun suuren ajon tulosteita kirjoitetaan.
out-writing = Kirjoitetaan { $path } …

# convert: solut, joiden virheellistä arvoa ei siirretty muunnettuun tiedostoon ($cells: soluviittaukset, esim. H7).
out-left-empty = { $file }: { $n ->
        [one] seuraava solu jätettiin tyhjäksi
       *[other] seuraavat solut jätettiin tyhjiksi
    }: { $cells }

## Koostetyökirja

out-draft = LUONNOS
# Luonnoksen otsikko; $title on ohjelman nimi ja vuosi.
out-draft-title = { out-draft } – { $title }
out-annual-report = Vuosiraportti

out-sheet-summary = Yhteenveto
out-sheet-measures = Toimenpiteet
out-sheet-findings = Tarkistukset
out-sheet-sources = Lähteet
out-sheet-charts = Kaaviot
out-sheet-comparison = Vertailu
out-sheet-area-split = Aluejako

out-col-department = Toimiala
out-col-focus-area = Painopiste
out-col-measures = Toimenpiteitä
out-col-budget = Budjetti (€)
out-col-spent = Toteuma (€)
out-col-utilisation = Käyttöaste
out-col-fte = Henkilötyövuodet
out-col-status = Vaihe
out-col-areas = Alueet
out-col-themes = Teemat
out-col-reached = Tavoitetut asukkaat
out-col-share = Osuus
out-col-source-file = Lähdetiedosto
out-col-source-cell = Lähdesolu
out-col-sheet = Välilehti
out-col-sha256 = SHA-256
out-col-format = Muoto
out-col-header-row = Otsikkorivi
out-col-rows = Rivejä
out-col-severity = Vakavuus
out-col-code = Koodi
# Koodin lyhyt otsikko (codes.ftl) koodin vieressä.
out-col-title = Selite
out-col-cell = Solu
out-col-message = Viesti
out-col-hint = Ohje
# Tarkistusten välilehdellä: linkki toimenpiteen riville.
out-col-row = Rivi

out-total = Yhteensä
out-programme = Ohjelma
out-year = Vuosi
out-annual-budget = Vuosibudjetti
out-date = Päivämäärä
out-key-figures = Tunnusluvut
# The headings and chart titles below name the programme's own columns:
# $department_field, $focus_field, $status_field, $area_field, $budget_field,
# $spent_field and $year_field are its configured headers; with the
# programme's `by` phrases ($department_by, …; "none" when unset) and `short`
# names ($budget_short, …; _cap: capitalised) they read naturally.
out-by-department = { $department_by ->
    [none] Ryhmittely: { $department_field }
   *[other] { $department_by_cap }
}
out-by-focus-area = { $focus_by ->
    [none] Ryhmittely: { $focus_field }
   *[other] { $focus_by_cap }
}
out-by-status = { $status_by ->
    [none] Ryhmittely: { $status_field }
   *[other] { $status_by_cap }
}
out-by-area = { $area_by ->
    [none] Ryhmittely: { $area_field }
   *[other] { $area_by_cap }
}
out-dept-by-focus = { $department_field } ja { $focus_field }: { $budget_field }
out-sources-note = Luvut on koottu ilmoituksista; lähteet on lueteltu välilehdellä { out-sheet-sources }.
out-source-previous = vertailu: vuoden { $year } kooste
out-source-trend = kehitys: vuoden { $year } kooste
out-area-split-even = Usean alueen toimenpide lasketaan jokaiselle alueelleen, ja sen eurot jaetaan tasan alueiden kesken.
out-area-split-full = Usean alueen toimenpide lasketaan jokaiselle alueelleen kokonaan, joten alueiden summa voi ylittää kokonaissumman.
# Tarkistusten välilehden viimeinen rivi, kun kaikki eivät mahdu.
out-findings-cut = { $n ->
    [one] … ja { $n } muu havainto, joka ei mahdu taulukkoon: katso kooste validate --format json.
   *[other] … ja { $n } muuta havaintoa, jotka eivät mahdu taulukkoon: katso kooste validate --format json.
}

out-chart-budget-actual = { $department_by ->
    [none] { $budget_field } ja { $spent_field } – { $department_field }
   *[other] { $budget_short_cap } ja { $spent_short } { $department_by }
}
out-chart-budget-focus = { $focus_by ->
    [none] { $budget_field } – { $focus_field }
   *[other] { $budget_short_cap } { $focus_by }
}
out-chart-status-dept = { $department_by ->
    [none] Toimenpiteet: { $status_field } – { $department_field }
   *[other] { $status_by ->
        [none] Toimenpiteet: { $status_field } – { $department_field }
       *[other] Toimenpiteet { $status_by } { $department_by }
    }
}
out-chart-budget-year = { $year_by ->
    [none] { $budget_field } – { $year_field }
   *[other] { $budget_short_cap } { $year_by }
}

# Vertailu edelliseen vuoteen; $previous ja $current ovat vuosilukuja.
out-cmp-title = { out-sheet-comparison } { $previous } → { $current }
out-cmp-counts = Toimenpiteiden muutokset
out-cmp-added = Uudet toimenpiteet
out-cmp-ended = Päättyneet toimenpiteet
out-cmp-carried = Jatkuvat toimenpiteet
out-cmp-status-changes = Muutokset: { $status_field }
out-cmp-budget-dept = Muutos: { $budget_field } – { $department_field }
out-cmp-budget-focus = Muutos: { $budget_field } – { $focus_field }
out-col-budget-of-year = { $field } { $year }
out-col-change-eur = Muutos (€)
out-col-change-pct = Muutos (%)
out-col-prev-status = { $field }, aiempi
out-col-new-status = { $field }, uusi

# Kehitys ohjelmakaudella (kaksi aiempaa vuotta tai enemmän); $first ja $last ovat vuosilukuja.
out-sheet-trend = Kehitys
out-trend-title = { out-sheet-trend } { $first }–{ $last }
out-trend-by-year = Koko ohjelma vuosittain
out-trend-budget-dept = Budjetti toimialoittain
out-trend-spent-dept = Toteuma toimialoittain
out-trend-measures-dept = Toimenpiteet toimialoittain
out-trend-budget-focus = Budjetti painopisteittäin
out-trend-spent-focus = Toteuma painopisteittäin
out-trend-measures-focus = Toimenpiteet painopisteittäin
out-chart-trend = Budjetti ja toteuma vuosittain
out-chart-trend-dept = Budjetti toimialoittain vuosittain

## Ilmoituspohja

out-sheet-instructions = Ohjeet
out-sheet-lists = Listat
# Tarkistetun kopion välilehti arvoille, joille pohjassa ei ole paikkaa.
out-sheet-unplaced = Muut arvot
out-unplaced-intro = Näille alkuperäisen tiedoston arvoille ei ole saraketta pohjassa. Siirrä tarvittavat tiedot välilehdelle { out-sheet-measures }; tätä välilehteä ei lueta.
out-col-original-cell = Alkuperäinen solu
out-col-copy-row = Rivi tässä kopiossa
out-col-value = Arvo
out-measures-of-year = Vuoden { $year } toimenpiteet
out-template-title = { $programme } – { out-measures-of-year }
out-department-line = { $field }: { $department } ({ $code })
out-deadline = Palautus viimeistään { $deadline }.
out-contact = Yhteyshenkilö: { $contact }.
out-col-column = Sarake
out-col-required = Pakollinen
out-col-description = Kuvaus
out-col-allowed = Sallitut arvot
out-yes = kyllä
out-no = ei
out-instructions-intro = Kirjoita välilehdelle { out-sheet-measures } yksi toimenpide riviä kohden. Harmaa esimerkkirivi ja Yhteensä-rivi täyttyvät itsestään eikä niitä lueta toimenpiteiksi. Valitse listasta sarakkeiden { $lists } arvot; useita arvoja erotetaan puolipisteellä sarakkeissa { $several }.
out-template-ended = Päättyneet toimenpiteet vuodelta { $year }, joita ei siirretty tälle vuodelle (valmiit ja keskeytetyt):
out-example-story = Lyhyt kertomus siitä, mitä toimenpide sai aikaan.
# Solun syöttöohje ja Ohjeet-välilehden sallitut arvot sarakkeen lajin mukaan.
out-input-euro = Kirjoita euromäärä numeroina, esim. 12 500 tai 12 500,50 €.
out-input-number = Kirjoita luku, esim. 1,5.
out-input-whole = Kirjoita kokonaisluku, esim. 120.
out-input-year = Kirjoita vuosi neljällä numerolla, esim. { $year }.
out-input-date = Kirjoita päivämäärä muodossa 31.12.{ $year }.
out-input-email = Kirjoita osoite muodossa nimi@esimerkki.fi.

## Tarkistettu kopio (validate --annotate)

# Tiedoston nimen loppu: ilmoitus.xlsx → ilmoitus_tarkistettu.xlsx.
out-annotated-suffix = tarkistettu
# Merkityn solun huomautus, rivi havaintoa kohden.
out-note-finding = [{ $code }] { $title }: { $message }
out-note-finding-hint = [{ $code }] { $title }: { $message } { $hint }

## Vuosiraportti (PDF)

out-report-running-header = { $programme } · { out-annual-report } { $year }
out-report-title = { $programme } – { out-annual-report } { $year }
out-report-subject = { out-annual-report } { $year }
out-page-of = Sivu { $page } / { $pages }
# Luettelon viimeinen rivi, kun kaikki eivät mahdu raporttiin.
out-list-cut = { $n ->
    [one] … ja { $n } muu. Kaikki ovat koosteen työkirjassa.
   *[other] … ja { $n } muuta. Kaikki ovat koosteen työkirjassa.
}
# Liitteen luettelo jäljelle jääneistä varoituksista.
out-report-warnings = Varoitukset

## Verkkosovelluksessa kirjatut korjaukset (Lähteet-välilehti, raportin liite)
out-sources-corrections = Korjaukset
out-col-value-before = Arvo tiedostossa
out-col-value-after = Korjattu arvo
out-col-corrected-by = Korjannut
out-col-corrected-at = Korjattu
