# Korta rubriker för iakttagelsernas koder. Koderna (inom hakparentes) är desamma
# på alla språk: skript läser dem.

code-title = { $code ->
    [unreadable-file] Filen kan inte läsas
    [encrypted-file] Lösenordsskyddad fil
    [no-measure-sheet] Inget åtgärdsblad
    [missing-column] Obligatorisk kolumn saknas
    [duplicate-column] Samma kolumn två gånger
    [unknown-column] Okänd kolumn
    [missing-value] Obligatoriskt värde saknas
    [type-error] Fel typ av värde
    [not-allowed] Värdet är inte tillåtet
    [out-of-range] Värdet utanför tillåtet intervall
    [invalid-format] Felaktigt format
    [formula-without-value] Formel utan sparat värde
    [total-mismatch] Summaraden stämmer inte
    [spent-exceeds-budget] Använt belopp överskrider det anvisade
    [status-conflict] Framskridandet strider mot siffrorna
    [duplicate-measure] Åtgärden två gånger
    [department-mismatch] Rapportören stämmer inte
    [budget-exceeds-programme] Anvisade belopp överskrider programmets årsbudget
    [missing-submission] Anmälan saknas
    [wrong-year] Rad för ett annat år
    [too-large] Filen är för stor
    [text-too-long] Texten är för lång
    [ambiguous-number] Tvetydigt tal
    [invalid-bytes] Ogiltiga tecken
    [unknown-encoding] Okänd teckenkodning
    [unread-content] Oläst innehåll
    [shifted-row] Förskjutna värden
    [unclosed-quote] Oavslutat citattecken
    [quoted-rows] Rader inom citattecken
    [own-output] Fil skriven av kooste
    [no-measures] Inga åtgärder
    [unprintable-text] Text som inte kan visas i rapporten
    [unknown-unit] Okänd enhet
    [merged-amount] Sammanslagen beloppscell
    [formula-mismatch] Formelns resultat stämmer inte
    [hidden-rows] Dolda rader
    [duplicate-file] Samma fil två gånger
    [unit-row] Enhetsrad
    [hidden-column] Dold kolumn
    [scaled-format] Skalat talformat
   *[other] { $code }
}

severity-error = fel
severity-warning = varning
