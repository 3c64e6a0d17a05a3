#!/usr/bin/env python3
"""Writes the bundled sample submissions with real applications: openpyxl for
the .xlsx files, LibreOffice (headless) to convert two of them to .xls and .ods.

The measures, staff counts (the numbers in brackets) and statuses of 2021 are
those the programme's source presentation names for 2021; the source gives no
euro figures per measure, so every euro amount here is ILLUSTRATIVE. 2020 holds
plausible earlier-year rows: fewer measures, earlier statuses; 2019, the
programme's first year, fewer still, with a few one-year measures completed.

    pip install openpyxl && python3 samples/make_samples.py [YEAR ...]   # needs soffice on PATH

With years given, only those folders are written (the others keep their bytes:
openpyxl stamps each file with the time it was written).
"""
import os
import shutil
import subprocess
import sys
import tempfile

from openpyxl import Workbook
from openpyxl.styles import Font

HERE = os.path.dirname(os.path.abspath(__file__))

FI_HEADER = ["Tunnus", "Toimiala", "Painopiste", "Toimenpide", "Alue", "Vaihe", "Vuosi",
             "Budjetti (€)", "Toteuma (€)", "Henkilötyövuodet", "Läpileikkaavat teemat",
             "Toteutusaika", "Tavoitetut asukkaat", "Vaikuttavuustarina", "Yhteyshenkilö"]

VARIA = ("Varian erityisnuorisotyöntekijät kohtaavat opiskelijoita oppilaitoksen arjessa. "
         "Moni opintonsa keskeyttämässä ollut nuori on saanut tukea ja jatkanut opintojaan. "
         "(Havainnollistava teksti.)")
KURAATTORIT = ("Varhaiskasvatuksen kuraattorit tukevat perheitä varhain, jo ennen kuin huolet kasvavat. "
               "Yhteistyö päiväkotien henkilöstön kanssa on tiivistynyt. (Havainnollistava teksti.)")
YHTEISOTALO = ("Hakunilan lasten ja perheiden yhteisötalo on tuonut palvelut lähelle asukkaita ja "
               "koonnut alueen toimijat saman katon alle. (Havainnollistava teksti.)")

# (id, dept, focus, name, areas, status, budget, spent, fte, themes, schedule, reached, story)
M2021 = [
    ("KUKU-01", "KUKU", 1, "Alakoulujen erityisnuorisotyöntekijät", "Mikkola; Länsimäki", "toteutusvaihe", 98000, 91500, 2, "Nuorten syrjäytymisen ehkäisy", "2019–2021", 420, None),
    ("KUKU-02", "KUKU", 1, "Yläkoulujen erityisnuorisotyöntekijät", "Mikkola; Länsimäki; Havukoski; Hakunila; Martinlaakso; Korso-Koivukylä", "toteutusvaihe", 250000, 238900, 6, "Nuorten syrjäytymisen ehkäisy", "2019–2021", 1350, None),
    ("KUKU-03", "KUKU", 1, "Varian erityisnuorisotyöntekijät", "Koko kaupunki", "toteutusvaihe", 210000, 199500, 5, "Nuorten syrjäytymisen ehkäisy", "2019–2021", 610, VARIA),
    ("KASKO-01", "KASKO", 1, "Kaupunkitasoinen kiusaamisen ehkäisytyön projektipäällikkö", "Koko kaupunki", "toteutusvaihe", 62000, 58900, 1, "", "2020–2021", None, None),
    ("KUKU-04", "KUKU", 1, "Tempo-orkesteritoiminta", "Hakunila; Korso-Koivukylä", "toteutusvaihe", 75000, 71250, None, "Kotoutumisen varmistaminen", "2019–2021", 95, None),
    ("KSJ-01", "KSJ", 1, "Suomen kielen opetus pitkäaikaistyöttömille valmennustaloilla", "Koko kaupunki", "toteutusvaihe", 54000, 49800, None, "Kotoutumisen varmistaminen", "2020–2021", 140, None),
    ("KYMP-01", "KYMP", 1, "Länsimäen yläkoulun pihan varustaminen", "Länsimäki", "suunnitteluvaihe", 90000, 8400, None, "", "toteutus kesällä 2021", None, None),
    ("KYMP-02", "KYMP", 1, "Mikkolan koulun pihan (Lyyra) kunnostaminen", "Mikkola", "suunnitteluvaihe", 90000, 6200, None, "", "toteutus kesällä 2021", None, None),
    ("KASKO-02", "KASKO", 2, "Varhaiskasvatuksen kuraattorit", "Mikkola; Länsimäki; Havukoski; Hakunila", "toteutusvaihe", 200000, 193800, 4, "", "2019–2021", 780, KURAATTORIT),
    ("SOTE-01", "SOTE", 2, "Hakunilan lasten ja perheiden yhteisötalo", "Hakunila", "toteutusvaihe", 85000, 81200, None, "Kotoutumisen varmistaminen", "2020–2021", 2300, YHTEISOTALO),
    ("KASKO-03", "KASKO", 2, "Kesäruokailu", "Mikkola; Länsimäki; Havukoski; Hakunila; Martinlaakso; Korso-Koivukylä", "toteutusvaihe", 68000, 66100, None, "", "kesä 2021", 3900, None),
    ("SOTE-02", "SOTE", 2, "Lapsiperheiden kotipalvelu", "Koko kaupunki", "toteutusvaihe", 84000, 80150, None, "", "2020–2021", 260, None),
    ("SOTE-03", "SOTE", 2, "Moniku-Mallin luominen Vantaalle", "Koko kaupunki", "toteutusvaihe", 45000, 39900, None, "Kotoutumisen varmistaminen", "2021", None, None),
    ("SOTE-04", "SOTE", 2, "Suun terveydenhuolto asukastapahtumissa", "Hakunila; Korso-Koivukylä", "toteutusvaihe", 18000, 16450, None, "", "2021", 540, None),
    ("KASKO-04", "KASKO", 2, "Avointen kohtaamispaikkojen alakoululaisten iltapäivätoiminnan kehittäminen", "Havukoski; Martinlaakso", "toteutusvaihe", 52000, 47300, None, "Nuorten syrjäytymisen ehkäisy", "2021", 180, None),
    ("KUKU-05", "KUKU", 2, "Erityisesti pojille kohdennettua sukupuolisensitiivistä sosiaalista nuorisotyötä Korso-Koivukylä alueella", "Korso-Koivukylä", "ulkoinen rahoitus", 0, 0, None, "Nuorten syrjäytymisen ehkäisy", "STEA-rahoitteinen hanke", None, None),
    ("KSJ-02", "KSJ", 3, "Meidän Hakunila ja Meidän Martsari -osallistuvan budjetoinnin toteutus", "Hakunila; Martinlaakso", "toteutusvaihe", 80000, 76300, None, "", "2021", 1200, None),
    ("KSJ-03", "KSJ", 3, "Osallisuuskoordinaattorin työpanos", "Koko kaupunki", "toteutusvaihe", 58000, 56400, 1, "", "2020–2021", None, None),
    ("KSJ-04", "KSJ", 3, "Osallistuvan budjetoinnin prosessit Havukoski, Länsimäki ja Mikkola", "Havukoski; Länsimäki; Mikkola", "toteutusvaihe", 70000, 52800, None, "", "2021", 950, None),
    ("KYMP-03", "KYMP", 3, "Koivutorin kunnostus", "Korso-Koivukylä", "suunnitteluvaihe", 110000, 12000, None, "", "toteutus heinä–syyskuussa", None, None),
    ("KUKU-06", "KUKU", 3, "Koivutorin katukuva viihtyisäksi ja valoisaksi kollektiivisen lasten valokuvateoksen avulla", "Korso-Koivukylä", "suunnitteluvaihe", 25000, 2100, None, "", "toteutus syksyllä 2021", None, None),
    ("KSJ-05", "KSJ", 3, "Mikkolan asukastila ja yhteisötyöntekijän työpanos", "Mikkola", "toteutusvaihe", 71000, 68250, 1, "", "2020–2021", 860, None),
    ("SOTE-05", "SOTE", 3, "Tukipalvelut rikosasioissa / Rikosuhripäivystys RIKU ry", "Koko kaupunki", "toteutusvaihe", 30000, 30000, None, "", "2021", 210, None),
    ("SOTE-06", "SOTE", 3, "”Kohtaamisia”, etsivän vanhustyön projekti", "Hakunila; Korso-Koivukylä", "toteutusvaihe", 48000, 44300, 1, "", "2021", 320, None),
]

# 2020: the measures already running, most earlier in their life, plus two that ended.
M2020 = [
    ("KUKU-01", "KUKU", 1, "Alakoulujen erityisnuorisotyöntekijät", "Mikkola; Länsimäki", "toteutusvaihe", 90000, 84000, 2, "Nuorten syrjäytymisen ehkäisy", "2019–2021", 380, None),
    ("KUKU-02", "KUKU", 1, "Yläkoulujen erityisnuorisotyöntekijät", "Mikkola; Länsimäki; Havukoski; Hakunila; Martinlaakso; Korso-Koivukylä", "toteutusvaihe", 270000, 251000, 6, "Nuorten syrjäytymisen ehkäisy", "2019–2021", 1200, None),
    ("KUKU-03", "KUKU", 1, "Varian erityisnuorisotyöntekijät", "Koko kaupunki", "toteutusvaihe", 225000, 214000, 5, "Nuorten syrjäytymisen ehkäisy", "2019–2021", 540, None),
    ("KASKO-01", "KASKO", 1, "Kaupunkitasoinen kiusaamisen ehkäisytyön projektipäällikkö", "Koko kaupunki", "suunnitteluvaihe", 30000, 9000, 1, "", "2020–2021", None, None),
    ("KUKU-04", "KUKU", 1, "Tempo-orkesteritoiminta", "Hakunila", "toteutusvaihe", 70000, 65000, None, "Kotoutumisen varmistaminen", "2019–2021", 80, None),
    ("KSJ-01", "KSJ", 1, "Suomen kielen opetus pitkäaikaistyöttömille valmennustaloilla", "Koko kaupunki", "suunnitteluvaihe", 30000, 4000, None, "Kotoutumisen varmistaminen", "2020–2021", None, None),
    ("KASKO-02", "KASKO", 2, "Varhaiskasvatuksen kuraattorit", "Mikkola; Länsimäki; Havukoski; Hakunila", "toteutusvaihe", 220000, 205000, 4, "", "2019–2021", 650, None),
    ("SOTE-01", "SOTE", 2, "Hakunilan lasten ja perheiden yhteisötalo", "Hakunila", "suunnitteluvaihe", 60000, 12000, None, "Kotoutumisen varmistaminen", "2020–2021", None, None),
    ("KASKO-03", "KASKO", 2, "Kesäruokailu", "Mikkola; Länsimäki; Havukoski; Hakunila", "toteutusvaihe", 60000, 58000, None, "", "kesä 2020", 3100, None),
    ("SOTE-02", "SOTE", 2, "Lapsiperheiden kotipalvelu", "Koko kaupunki", "toteutusvaihe", 80000, 76000, None, "", "2020–2021", 220, None),
    ("SOTE-07", "SOTE", 2, "Perhekeskusten koronatuki", "Koko kaupunki", "valmis", 40000, 38500, None, "", "2020", 300, None),
    ("KSJ-03", "KSJ", 3, "Osallisuuskoordinaattorin työpanos", "Koko kaupunki", "toteutusvaihe", 55000, 52000, 1, "", "2020–2021", None, None),
    ("KSJ-05", "KSJ", 3, "Mikkolan asukastila ja yhteisötyöntekijän työpanos", "Mikkola", "toteutusvaihe", 68000, 64000, 1, "", "2020–2021", 700, None),
    ("KYMP-04", "KYMP", 3, "Mikkolan puiston valaistus", "Mikkola", "valmis", 85000, 83200, None, "", "2020", None, None),
    ("KYMP-03", "KYMP", 3, "Koivutorin kunnostus", "Korso-Koivukylä", "suunnitteluvaihe", 40000, 3000, None, "", "suunnittelu 2020", None, None),
]

# 2019: the programme's first year: the measures that began then, in planning or
# early implementation, and four one-year measures completed within the year.
M2019 = [
    ("KUKU-01", "KUKU", 1, "Alakoulujen erityisnuorisotyöntekijät", "Mikkola; Länsimäki", "toteutusvaihe", 80000, 72000, 2, "Nuorten syrjäytymisen ehkäisy", "2019–2021", 300, None),
    ("KUKU-02", "KUKU", 1, "Yläkoulujen erityisnuorisotyöntekijät", "Mikkola; Länsimäki; Havukoski; Hakunila", "toteutusvaihe", 240000, 221000, 6, "Nuorten syrjäytymisen ehkäisy", "2019–2021", 1050, None),
    ("KUKU-03", "KUKU", 1, "Varian erityisnuorisotyöntekijät", "Koko kaupunki", "suunnitteluvaihe", 150000, 41000, 3, "Nuorten syrjäytymisen ehkäisy", "2019–2021", None, None),
    ("KUKU-04", "KUKU", 1, "Tempo-orkesteritoiminta", "Hakunila", "toteutusvaihe", 65000, 60500, None, "Kotoutumisen varmistaminen", "2019–2021", 70, None),
    ("KASKO-05", "KASKO", 1, "Koulujen kerhotoiminnan laajentaminen", "Havukoski; Martinlaakso", "valmis", 45000, 43800, None, "Nuorten syrjäytymisen ehkäisy", "2019", 260, None),
    ("KASKO-02", "KASKO", 2, "Varhaiskasvatuksen kuraattorit", "Mikkola; Länsimäki; Hakunila", "toteutusvaihe", 180000, 171000, 3, "", "2019–2021", 520, None),
    ("SOTE-08", "SOTE", 2, "Perheiden matalan kynnyksen neuvonta", "Hakunila", "valmis", 50000, 47600, None, "", "2019", 410, None),
    ("KSJ-06", "KSJ", 3, "Asukasraatien kokeilu", "Hakunila; Korso-Koivukylä", "valmis", 35000, 33900, None, "", "2019", 180, None),
    ("KYMP-05", "KYMP", 3, "Hakunilan leikkipuiston kunnostus", "Hakunila", "valmis", 120000, 117500, None, "", "2019", None, None),
]

CONTACTS = {"KUKU": "nuorisopalvelut@example.org", "KASKO": "kasko.mek@example.org",
            "KSJ": "osallisuus@example.org", "SOTE": "sote.mek@example.org", "KYMP": "kymp.mek@example.org"}
NAMES = {"KUKU": "Kaupunkikulttuuri", "KASKO": "Kasvatus ja oppiminen", "KSJ": "Kaupunkistrategia ja johto",
         "SOTE": "Sosiaali- ja terveydenhuollon toimiala", "KYMP": "Kaupunkiympäristö"}


def fi_euros(v):
    """12500 -> '12 500,00 €' with a no-break space, as Finnish Excel shows it."""
    s = f"{v:,.2f}".replace(",", "\u00a0").replace(".", ",")
    return s + "\u00a0€"


def write_xlsx(path, dept, year, rows, style):
    wb = Workbook()
    ws = wb.active
    ws.title = "Toimenpiteet"
    r = 1
    if style in ("titles", "xls", "ods"):
        ws.cell(r, 1, f"Myönteisen erityiskohtelun toimintaohjelma – toimenpiteet {year}").font = Font(bold=True, size=14)
        ws.cell(r + 1, 1, f"Toimiala: {NAMES[dept]} ({dept})")
        ws.cell(r + 2, 1, "Euromäärät ovat havainnollistavia esimerkkilukuja.")
        r += 4
    header = list(FI_HEADER)
    if style == "reordered":
        # Another department keeps its own column order and types euros as text.
        order = [3, 1, 2, 0, 6, 5, 4, 7, 8, 9, 10, 11, 12, 13, 14]
        header = [FI_HEADER[i] for i in order]
    else:
        order = list(range(len(FI_HEADER)))
    for c, h in enumerate(header, 1):
        ws.cell(r, c, h).font = Font(bold=True)
    budget_total = spent_total = 0
    for m in rows:
        (mid, d, focus, name, areas, status, budget, spent, fte, themes, sched, reached, story) = m
        dept_cell = dept if style != "reordered" else NAMES[dept]
        values = [mid, dept_cell, focus, name, areas, status, year, budget, spent, fte, themes or None,
                  sched, reached, story, CONTACTS[dept]]
        if style == "reordered":
            values[7] = fi_euros(budget)
            values[8] = fi_euros(spent)
            values[6] = str(year)
        r += 1
        for c, i in enumerate(order, 1):
            v = values[i]
            if v is not None and v != "":
                cell = ws.cell(r, c, v)
                if i in (7, 8) and isinstance(v, (int, float)):
                    cell.number_format = '#,##0.00 "€"'
        budget_total += budget
        spent_total += spent
    r += 1
    ws.cell(r, 1, "Yhteensä").font = Font(bold=True)
    bcol = order.index(7) + 1
    scol = order.index(8) + 1
    ws.cell(r, bcol, budget_total if style != "reordered" else fi_euros(budget_total)).font = Font(bold=True)
    ws.cell(r, scol, spent_total if style != "reordered" else fi_euros(spent_total)).font = Font(bold=True)
    for col, w in zip("ABCDEFGHIJKLMNO", [10, 14, 10, 60, 30, 18, 8, 14, 14, 10, 28, 22, 10, 60, 28]):
        ws.column_dimensions[col].width = w
    wb.save(path)


def convert(path, fmt):
    """Converts with LibreOffice; returns the new file's path."""
    out = os.path.dirname(path)
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", fmt, "--outdir", out, path],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.remove(path)
    return os.path.splitext(path)[0] + "." + fmt


def main():
    if not shutil.which("soffice"):
        sys.exit("soffice (LibreOffice) is needed to write the .xls and .ods samples")
    styles = {"KUKU": "titles", "KASKO": "reordered", "KSJ": "xls", "SOTE": "ods", "KYMP": "plain"}
    years = {int(a) for a in sys.argv[1:]}
    for year, measures in ((2021, M2021), (2020, M2020), (2019, M2019)):
        if years and year not in years:
            continue
        folder = os.path.join(HERE, str(year))
        os.makedirs(folder, exist_ok=True)
        for f in os.listdir(folder):
            os.remove(os.path.join(folder, f))
        for dept, style in styles.items():
            rows = [m for m in measures if m[1] == dept]
            path = os.path.join(folder, f"{dept.lower()}_{year}.xlsx")
            write_xlsx(path, dept, year, rows, style)
            if style in ("xls", "ods"):
                convert(path, style)
    print("samples written")


if __name__ == "__main__":
    main()
