# Webbappens historik (kooste serve, /history).
web-nav-history = Historik
web-history-title = Tidigare år och inlämningar
web-history-intro = Inget ersätts eller raderas: en nyare fil från en sektor blir dess aktuella inlämning, och de äldre finns kvar här för nedladdning.
web-history-none = Inga inlämningar eller sammanställningar ännu.
web-history-year = År { $year }
web-history-builds = Sammanställda versioner för år { $year }
web-history-submissions = Inlämningar för år { $year }
web-history-builds-none = Inget har sammanställts för året.
web-col-inputs = Indatafiler
web-col-options = Inställningar
web-col-outputs = Resultat
web-col-received = Mottagen
web-col-size = Storlek
web-col-sha256 = SHA-256
web-history-current = Aktuell
web-history-earlier = Tidigare
web-history-bytes = { $bytes ->
    [one] 1 byte
   *[other] { $bytes } byte
}
web-history-lang = språk: { $lang }
web-history-no-department = (okänd sektor)
web-department-history-title = { $department }: inlämningar för år { $year }
web-department-history-link = Sektorns alla inlämningar för år { $year }
# Kooste startad från skrivbordet (utan argument, ingen terminal).
web-desktop-no-browser = Webbläsaren kunde inte öppnas; öppna { $url } själv.
web-history-withdrawn = Tagen ur bruk
web-history-all = alla år
