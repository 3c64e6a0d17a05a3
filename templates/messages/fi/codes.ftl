# Löydösten koodien lyhyet otsikot. Koodit (hakasulkeissa) pysyvät samoina
# kaikilla kielillä: skriptit lukevat niitä.

code-title = { $code ->
    [unreadable-file] Tiedostoa ei voi lukea
    [encrypted-file] Salasanalla suojattu tiedosto
    [no-measure-sheet] Toimenpidetaulukkoa ei löydy
    [missing-column] Pakollinen sarake puuttuu
    [duplicate-column] Sama sarake kahdesti
    [unknown-column] Tuntematon sarake
    [missing-value] Pakollinen arvo puuttuu
    [type-error] Väärä arvon tyyppi
    [not-allowed] Arvo ei ole sallittu
    [out-of-range] Arvo sallitun alueen ulkopuolella
    [invalid-format] Virheellinen muoto
    [formula-without-value] Kaava ilman tallennettua arvoa
    [total-mismatch] Summarivi ei täsmää
    [spent-exceeds-budget] Käytetty summa ylittää varatun
    [status-conflict] Eteneminen ristiriidassa lukujen kanssa
    [duplicate-measure] Toimenpide kahdesti
    [department-mismatch] Ilmoittaja ei täsmää
    [budget-exceeds-programme] Varatut summat ylittävät ohjelman vuosibudjetin
    [missing-submission] Ilmoitus puuttuu
    [wrong-year] Eri vuoden rivi
    [too-large] Tiedosto on liian suuri
    [text-too-long] Teksti liian pitkä
    [ambiguous-number] Moniselitteinen luku
    [invalid-bytes] Virheellisiä merkkejä
    [unknown-encoding] Tuntematon merkistö
    [unread-content] Lukematon sisältö
    [shifted-row] Siirtyneet arvot
    [unclosed-quote] Sulkematon lainausmerkki
    [quoted-rows] Rivejä lainausmerkkien sisällä
    [own-output] kooste-ohjelman oma tiedosto
    [no-measures] Ei toimenpiteitä
    [unprintable-text] Raportissa näkymätön teksti
    [unknown-unit] Tuntematon yksikkö
    [merged-amount] Yhdistetty summasolu
    [formula-mismatch] Kaavan tulos ei täsmää
    [hidden-rows] Piilotettuja rivejä
    [duplicate-file] Sama tiedosto kahdesti
    [unit-row] Yksikkörivi
    [hidden-column] Piilotettu sarake
    [scaled-format] Skaalattu lukumuoto
   *[other] { $code }
}

severity-error = virhe
severity-warning = varoitus
