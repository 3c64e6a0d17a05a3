# Verkkosovelluksen historia (kooste serve, /history).
web-nav-history = Historia
web-history-title = Aiemmat vuodet ja lähetykset
web-history-intro = Mitään ei korvata eikä poisteta: toimialan uudempi tiedosto tulee sen nykyiseksi lähetykseksi, ja vanhemmat jäävät tänne ladattaviksi.
web-history-none = Lähetyksiä tai koosteita ei vielä ole.
web-history-year = Vuosi { $year }
web-history-builds = Kootut versiot vuodelta { $year }
web-history-submissions = Lähetykset vuodelta { $year }
web-history-builds-none = Vuodelta ei ole koottu mitään.
web-col-inputs = Lähtötiedostot
web-col-options = Asetukset
web-col-outputs = Tulokset
web-col-received = Vastaanotettu
web-col-size = Koko
web-col-sha256 = SHA-256
web-history-current = Nykyinen
web-history-earlier = Aiempi
web-history-bytes = { $bytes ->
    [one] 1 tavu
   *[other] { $bytes } tavua
}
web-history-lang = kieli: { $lang }
web-history-no-department = (toimiala tuntematon)
web-department-history-title = { $department }: lähetykset vuodelta { $year }
web-department-history-link = Toimialan kaikki lähetykset vuodelta { $year }
# Työpöydältä käynnistetty kooste (ilman argumentteja, ei päätettä).
web-desktop-no-browser = Selainta ei voitu avata; avaa { $url } itse.
web-history-withdrawn = Poistettu käytöstä
web-history-all = kaikki vuodet
