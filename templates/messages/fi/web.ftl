# Verkkosovellus (kooste serve).
web-skip = Siirry sisältöön
web-nav-label = Päävalikko
web-nav-dashboard = Tilanne
web-nav-upload = Lähetä tiedostoja
web-nav-findings = Havainnot
web-nav-build = Kokoa
web-nav-templates = Pohjat
web-lang-label = Kieli
web-logout = Kirjaudu ulos
web-year-label = Vuosi
web-show = Näytä
web-years = Vuodet:
web-dashboard-title = Vuoden { $year } tilanne
web-dashboard-caption = Toimialojen lähetykset
web-col-department = Toimiala
web-col-state = Tila
web-col-last-file = Viimeisin tiedosto
web-col-findings = Havainnot
web-state-none = Ei vastaanotettu
web-state-errors = Virheitä
web-state-warnings = Vain varoituksia
web-state-clean = Kunnossa
web-findings-link = { $count ->
    [one] { $department }: 1 havainto
   *[other] { $department }: { $count } havaintoa
}
web-unassigned-title = Tiedostot, joiden toimialaa ei tunnistettu
web-upload-title = Lähetä tiedostoja
web-upload-intro = Valitse yksi tai useampi toimialan tiedosto (xlsx, xls, ods tai csv). Alkuperäisiä tiedostoja ei muuteta.
web-upload-files = Tiedostot
web-upload-department = Toimiala
web-upload-department-detect = Tunnista tiedostosta
web-upload-drop = Voit myös vetää tiedostot tähän.
web-upload-progress = Lähetyksen edistyminen
web-upload-submit = Lähetä
web-upload-results = Vastaanotetut tiedostot
web-upload-stored = { $file }: toimiala { $department }, { $errors ->
    [one] 1 virhe
   *[other] { $errors } virhettä
}, { $warnings ->
    [one] 1 varoitus
   *[other] { $warnings } varoitusta
}
web-findings-title = Vuoden { $year } havainnot
web-findings-count = { $count ->
    [0] Ei havaintoja.
    [one] 1 havainto.
   *[other] { $count } havaintoa.
}
web-filter-all = Kaikki
web-filter-sort = Järjestys
web-filter-apply = Suodata
web-sort-file = Tiedosto
web-col-file = Tiedosto
web-col-sheet = Taulukko
web-col-cell = Solu
web-col-severity = Vakavuus
web-col-code = Koodi
web-col-message = Viesti
web-build-title = Vuoden { $year } kooste ja vuosiraportti
web-build-intro = Kokoa koostetyökirja ja vuosiraportti vuoden nykyisistä tiedostoista. Niin kauan kuin virheitä on, tulokset ovat luonnoksia.
web-build-submit = Kokoa
web-build-done = Kooste ja vuosiraportti koottiin.
web-build-nothing = Koottavaa ei ole: vuodelta ei ole yhtään toimenpidettä.
web-build-list = Kootut versiot
web-builds-none = Vuodelta ei ole vielä koottu mitään.
web-col-built-at = Koottu
web-col-build-kind = Laji
web-col-downloads = Lataukset
web-build-draft = Luonnos
web-build-final = Lopullinen
web-download-workbook = Lataa koostetyökirja
web-download-report = Lataa vuosiraportti
web-view-report = Näytä vuosiraportti selaimessa
web-templates-title = Pohjat vuodelle { $year }
web-templates-intro = Kunkin toimialan pohja seuraavalle vuodelle, esitäytettynä vuoden { $year } lopullisesta koosteesta, jos sellainen on koottu.
web-template-download = { $department }: pohja vuodelle { $year }
web-login-title = Kirjaudu sisään
web-login-password = Ylläpitäjän salasana
web-login-submit = Kirjaudu
web-login-wrong = Salasana ei kelpaa.
web-refused-title = Pyyntöä ei hyväksytty
web-refused-sign-in = Kirjaudu ensin sisään.
web-refused-csrf = Lomakkeen tarkiste puuttuu tai on väärä. Lataa sivu uudelleen ja yritä uudestaan.
web-refused-too-large = Lähetys on liian suuri: enintään { $megabytes } Mt kerralla.
web-refused-bad-upload = Lähetystä ei voitu lukea.
web-refused-file-type = tiedostotyyppiä ei lueta (vain xlsx, xlsm, xlsb, xls, ods ja csv).
web-not-found = Sivua ei ole.
web-failure-title = Työ keskeytyi
web-listening = Verkkosovellus osoitteessa { $url } (työtila { $workspace }). Pysäytä painamalla Ctrl-C.
web-log-refusal = { $at } hylätty ({ $what }): { $detail }
web-err-io = Työtilan tiedostoa ei voitu käsitellä: { $path }
web-err-db = Työtilan rekisteriä ei voitu käyttää: { $detail }
web-err-newer-register = Työtilan rekisterin on tehnyt uudempi kooste; päivitä kooste.
web-err-needs-password = { $addr } ei ole paikallinen osoite: aseta ensin ylläpitäjän salasana ympäristömuuttujaan { $var }.
web-err-listen = Osoitetta { $addr } ei voitu kuunnella: { $detail }
web-err-hash = Salasanaa ei voitu tallentaa.
web-no-web-app = Tässä koosteen versiossa ei ole verkkosovellusta. Rakenna se komennolla: cargo build --release --features web
web-nav-links = Lähetyslinkit
web-links-title = Toimialojen lähetyslinkit
web-link-create = Luo linkki
web-link-made = Uusi linkki (näytetään vain nyt; lähetä se toimialalle):
web-col-created = Luotu
web-department-title = { $department }: vuoden { $year } tiedostot
web-refused-other-department = tiedosto on toisen toimialan; tällä linkillä voi lähettää vain linkin toimialan tiedostoja.
web-fix-files = Korjattavat tiedostot
web-fix-file-link = Korjaa tiedostoa { $file }
web-fix-title = Tiedosto { $file }
web-fix-intro = Korjaukset ja sarakkeiden valinnat tallennetaan rekisteriin, ja tiedosto tarkistetaan heti uudelleen niiden kanssa. Alkuperäistä tiedostoa ei muuteta.
web-fix-columns-title = Tuntemattomat sarakkeet
web-fix-columns-intro = Valitse kullekin sarakkeelle kenttä, jota se tarkoittaa; lähimmät ovat ensin. Valinta muistetaan toimialan seuraavissa tiedostoissa.
web-fix-column-label = Sarake «{ $header }» ({ $cell })
web-fix-column-none = ei mikään kenttä (jätetään lukematta)
web-fix-columns-submit = Tallenna ja tarkista uudelleen
web-fix-columns-saved = Sarakkeiden valinnat tallennettiin ja tiedosto tarkistettiin uudelleen.
web-fix-matched-title = Muistetut sarakkeet
web-fix-matched = «{ $header }» luetaan kenttänä { $field }
web-fix-col-correct = Korjaus
web-fix-value-label = Uusi arvo solulle { $sheet }!{ $cell }
web-fix-submit = Korjaa ja tarkista
web-fix-any-title = Korjaa mikä tahansa solu
web-fix-new-value = Uusi arvo
web-fix-recorded = Tallennetut korjaukset
web-fix-col-before = Arvo tiedostossa
web-fix-col-after = Korjattu arvo
web-fix-col-by = Korjannut
web-fix-col-at = Korjattu
web-fix-corrected = Korjaus tallennettiin ja tiedosto tarkistettiin uudelleen.
web-fix-refused = Korjausta ei tallennettu:
web-fix-refused-cell = solua ei ole tiedoston välilehdellä (tarkista välilehden nimi ja solu, esim. H7).
web-fix-refused-value = arvossa on ohjausmerkkejä, joita solu ei voi sisältää.
web-fix-refused-long = arvo on liian pitkä (enintään 1 000 merkkiä).
web-fix-column-closest = Lähimmät kentät: { $fields }
