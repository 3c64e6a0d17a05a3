"""The README's walkthrough ("Walkthrough: a year in the browser"), done in
headless Chromium through WebDriver (selenium) as a finance officer would
do it, in Finnish, with a PNG screenshot of each step.

    python3 tests/python/walkthrough.py KOOSTE [OUT_DIR]

KOOSTE is a kooste binary built with the feature `web`; OUT_DIR is where
the screenshots go (default: samples/web, the README's). The script starts
`KOOSTE serve` on a free loopback port with a fresh workspace in a
temporary folder, and then:

 1. shows the empty dashboard (it opens on the year just ended) and
    types 2021;
 2. drops the five 2021 department files on the upload page (four
    samples as they are, and KASKO's with a misspelt column header and a
    mistyped budget, made with openpyxl from its sample), and sends them;
 3. reads the dashboard's states and downloads KASKO's checked copy
    (its flagged cells commented: read with openpyxl);
 4. filters the findings table to the errors;
 5. builds a draft while errors remain;
 6. opens KASKO's file page: matches the unknown column, corrects the
    flagged budget cell, sees the file checked again;
 7. builds the final version (the time shown as a Finn writes it);
 8. shows the report in the browser, and goes Back to the build page
    (the build was answered by a redirect: nothing is sent again);
 9. downloads the workbook and reads the correction back from its
    Lähteet sheet;
10. downloads KASKO's template for 2022;
11. sends the 2020 files as the earlier year, opens its dashboard and
    its build page (the menu keeps the year), builds it, and shows the
    history of both years.

The numbers are the README's steps. Every step asserts what the page
shows (counts, states, values; never a time stamp). Exit 0 when all held; otherwise the first failure is raised
(exit 1) with the server's log. Needs chromium, chromium-driver, python
selenium, openpyxl and Pillow (tests/it/web/walkthrough.rs runs it).
"""

import base64
import datetime
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

import openpyxl
from PIL import Image
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
KOOSTE = os.path.abspath(sys.argv[1])
OUT = os.path.abspath(sys.argv[2]) if len(sys.argv) > 2 else os.path.join(ROOT, "samples", "web")
# The browser window (CSS pixels); a screenshot is at most MAX_HEIGHT tall.
WIDTH, HEIGHT, MAX_HEIGHT = 1280, 900, 1300
DEPARTMENTS = ["KYMP", "KASKO", "KSJ", "SOTE", "KUKU"]
SAMPLES_2021 = ["kymp_2021.xlsx", "ksj_2021.xls", "sote_2021.ods", "kuku_2021.xlsx"]
SAMPLES_2020 = ["kymp_2020.xlsx", "kasko_2020.xlsx", "ksj_2020.xls", "sote_2020.ods", "kuku_2020.xlsx"]
# KASKO's file as the department sent it: the actual spend's header
# misspelt, and the first measure's budget typed with capital O's.
BAD_HEADER, GOOD_HEADER = "Toteutuma (€)", "Toteuma (€)"
BAD_BUDGET, GOOD_BUDGET = "62 OOO €", "62 000 €"


class Walk:
    def __init__(self, base, downloads, scratch):
        self.base = base
        self.downloads = downloads
        self.scratch = scratch
        self.shots = []
        opts = webdriver.ChromeOptions()
        opts.binary_location = "/usr/bin/chromium"
        # A Finnish officer's browser: the pages are in Finnish.
        for a in [
            "--headless=new",
            "--no-sandbox",
            "--disable-dev-shm-usage",
            "--disable-gpu",
            "--lang=fi",
            "--hide-scrollbars",
            "--force-device-scale-factor=1",
            f"--window-size={WIDTH},{HEIGHT}",
        ]:
            opts.add_argument(a)
        opts.add_experimental_option(
            "prefs",
            {
                "download.default_directory": downloads,
                "download.prompt_for_download": False,
                "intl.accept_languages": "fi-FI,fi",
            },
        )
        self.d = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)
        self.d.set_window_size(WIDTH, HEIGHT)

    # --- helpers -------------------------------------------------------

    def go(self, path):
        self.d.get(self.base + path)

    def find(self, css):
        return self.d.find_element(By.CSS_SELECTOR, css)

    def finds(self, css):
        return self.d.find_elements(By.CSS_SELECTOR, css)

    def text(self):
        return self.d.find_element(By.TAG_NAME, "body").text

    def h1(self):
        return self.find("h1").text

    def wait(self, cond, what, seconds=60):
        end = time.time() + seconds
        while time.time() < end:
            try:
                v = cond()
                if v:
                    return v
            except Exception:  # the page is being replaced
                pass
            time.sleep(0.2)
        raise AssertionError(f"timed out waiting for {what} at {self.d.current_url}:\n{self.text()}")

    def click_link(self, text):
        self.d.find_element(By.LINK_TEXT, text).click()

    def table(self, css):
        """The rows of a table's body, each a list of its cells' text."""
        return [
            [c.text for c in r.find_elements(By.CSS_SELECTOR, "th, td")]
            for r in self.finds(css + " tbody tr")
        ]

    def dashboard_states(self):
        """{department code: state} of the dashboard's table."""
        return {r[0].split(" – ")[0]: r[1] for r in self.table("main table")}

    def shot(self, name, until="main"):
        """A PNG of the page down to the element `until` (a CSS selector;
        the page's content by default), at most MAX_HEIGHT tall. Nothing
        has the focus (no focus ring in the picture)."""
        self.d.execute_script("if (document.activeElement) document.activeElement.blur();")
        bottom = self.d.execute_script(
            "var r = document.querySelector(arguments[0]).getBoundingClientRect();"
            "return Math.ceil(r.bottom + window.scrollY) + 16;",
            until,
        )
        h = min(bottom, MAX_HEIGHT)
        w = self.d.execute_script("return document.documentElement.clientWidth")
        png = self.d.execute_cdp_cmd(
            "Page.captureScreenshot",
            {
                "format": "png",
                "captureBeyondViewport": True,
                "clip": {"x": 0, "y": 0, "width": w, "height": h, "scale": 1},
            },
        )
        self.save(name, base64.b64decode(png["data"]))

    def shot_viewport(self, name):
        """The window as it is (the PDF viewer draws outside the page)."""
        self.save(name, self.d.get_screenshot_as_png())

    def save(self, name, data):
        """Saves it as small as it stays legible: a palette of 128 colours
        (the pages have few), optimised."""
        path = os.path.join(OUT, name + ".png")
        raw = os.path.join(self.scratch, name + ".png")
        with open(raw, "wb") as f:
            f.write(data)
        img = Image.open(raw).convert("RGB")
        img = img.quantize(colors=128, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
        img.save(path, optimize=True)
        self.shots.append((os.path.basename(path), img.size, os.path.getsize(path)))

    def downloaded(self, name):
        path = os.path.join(self.downloads, name)
        self.wait(lambda: os.path.isfile(path) and not os.path.exists(path + ".crdownload"), name)
        time.sleep(0.3)
        return path

    def drop(self, paths):
        """Drops files on the upload page's drop zone, as a person drags
        them from a folder (upload.js puts them in the file input)."""
        files = []
        for p in paths:
            with open(p, "rb") as f:
                files.append([os.path.basename(p), base64.b64encode(f.read()).decode()])
        return self.d.execute_script(
            """
            var dt = new DataTransfer();
            arguments[0].forEach(function (nf) {
              var bytes = Uint8Array.from(atob(nf[1]), function (c) { return c.charCodeAt(0); });
              dt.items.add(new File([bytes], nf[0]));
            });
            var drop = document.getElementById('drop');
            drop.dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));
            return document.getElementById('files').files.length;
            """,
            files,
        )

    def results(self):
        """The upload's result lines."""
        return [li.text for li in self.finds("section[aria-labelledby=results] li")]

    def build(self, year):
        self.find("form[method=post][action='/build'] button").click()
        self.wait(lambda: self.finds("p.note"), "the build's note")
        note = self.find("p.note").text
        check(note == "Kooste ja vuosiraportti koottiin.", f"build {year}: {note}")
        return [r[1] for r in self.table("#builds")]

    # --- the walk ------------------------------------------------------

    def empty_year(self):
        """1. The fresh workspace opens on the year just ended; 2021 typed."""
        self.go("/")
        year = self.find("#year")
        ended = str(datetime.datetime.now(datetime.timezone.utc).year - 1)
        check(year.get_attribute("value") == ended, "the default year: " + year.get_attribute("value"))
        year.clear()
        year.send_keys("2021")
        self.find("form.year button").click()
        self.wait(lambda: self.h1() == "Vuoden 2021 tilanne", "the dashboard of 2021")
        states = self.dashboard_states()
        check(
            states == {d: "Ei vastaanotettu" for d in DEPARTMENTS},
            f"empty dashboard: {states}",
        )
        self.shot("01-empty-year")

    def upload(self, bad):
        """2. The upload page: the year, five files dropped, sent."""
        self.click_link("Lähetä tiedostoja")
        self.wait(lambda: self.h1() == "Lähetä tiedostoja", "the upload page")
        year = self.find("#upload-year")
        year.clear()
        year.send_keys("2021")
        paths = [os.path.join(ROOT, "samples", "2021", n) for n in SAMPLES_2021[:1]]
        paths += [bad] + [os.path.join(ROOT, "samples", "2021", n) for n in SAMPLES_2021[1:]]
        n = self.drop(paths)
        check(n == 5, f"drop: the file input holds {n} files, not 5")
        self.shot("02-upload-dropped")
        self.find("#upload button[type=submit]").click()
        self.wait(lambda: len(self.results()) == 5, "the five files' results")
        got = sorted(self.results())
        want = sorted(
            [f"{n}: toimiala {n.split('_')[0].upper()}, 0 virhettä, 0 varoitusta" for n in SAMPLES_2021]
            + ["kasko_2021.xlsx: toimiala KASKO, 2 virhettä, 1 varoitus"]
        )
        check(got == want, f"upload results: {got}")
        self.shot("03-upload-results")

    def dashboard(self):
        """3. The dashboard: four departments clean, KASKO with errors."""
        self.click_link("Tilanne")
        self.wait(lambda: self.h1() == "Vuoden 2021 tilanne", "the dashboard")
        states = self.dashboard_states()
        want = {d: "Kunnossa" for d in DEPARTMENTS}
        want["KASKO"] = "Virheitä"
        check(states == want, f"dashboard: {states}")
        links = [r[3] for r in self.table("main table")]
        check(
            "KASKO: 3 havaintoa · Tarkistettu kopio (KASKO)" in links and "KYMP: 0 havaintoa" in links,
            f"findings links: {links}",
        )
        self.shot("04-dashboard")
        # KASKO's checked copy: the file with its flagged cells commented,
        # to send back to the department.
        self.click_link("Tarkistettu kopio (KASKO)")
        wb = openpyxl.load_workbook(self.downloaded("kasko_2021_tarkistettu.xlsx"))
        notes = {c.coordinate: c.comment.text for ws in wb for r in ws.iter_rows() for c in r if c.comment}
        # In the template's layout: the mistyped budget and the unknown
        # header each commented where the copy has them.
        texts = list(notes.values())
        check(any("[type-error]" in t and BAD_BUDGET in t for t in texts), f"the checked copy's comments: {notes}")
        check(any("[unknown-column]" in t and BAD_HEADER in t for t in texts), f"the checked copy's comments: {notes}")

    def findings(self):
        """4. The findings: all three, then only the errors."""
        self.click_link("KASKO: 3 havaintoa")
        self.wait(lambda: self.h1() == "Vuoden 2021 havainnot", "the findings page")
        check(self.find("#count").text == "3 havaintoa.", "findings: " + self.find("#count").text)
        Select(self.find("#severity")).select_by_visible_text("virhe")
        self.find("form.filters button").click()
        self.wait(lambda: "severity=error" in self.d.current_url, "the errors only")
        check(self.find("#count").text == "2 havaintoa.", "errors: " + self.find("#count").text)
        rows = [r[:6] for r in self.table("#findings")]
        want = [
            ["KASKO", "kasko_2021.xlsx", "Toimenpiteet", "H2", "virhe", "type-error"],
            ["KASKO", "kasko_2021.xlsx", "Toimenpiteet", "H6", "virhe", "total-mismatch"],
        ]
        check(rows == want, f"errors table: {rows}")
        message = self.table("#findings")[0][6]
        check(f'"{BAD_BUDGET}" ei ole euromäärä' in message, "H2's message: " + message)
        self.shot("05-findings-errors")

    def draft(self):
        """5. A draft while errors remain."""
        self.click_link("Kokoa")
        self.wait(lambda: self.h1() == "Vuoden 2021 kooste ja vuosiraportti", "the build page")
        check("Vuodelta ei ole vielä koottu mitään." in self.text(), "builds before the first")
        kinds = self.build(2021)
        check(kinds == ["Luonnos"], f"draft build: {kinds}")

    def fix(self):
        """6. KASKO's file page: the column matched, the cell corrected."""
        self.click_link("Havainnot")
        self.wait(lambda: self.h1() == "Vuoden 2021 havainnot", "the findings page")
        self.click_link("Korjaa tiedostoa kasko_2021.xlsx")
        self.wait(lambda: self.h1() == "Tiedosto kasko_2021.xlsx", "KASKO's file page")
        label = self.find("label[for='match-0']").text
        check(label == f"Sarake «{BAD_HEADER}» (I1)", "column label: " + label)
        chosen = Select(self.find("#match-0")).first_selected_option.text
        check(chosen == GOOD_HEADER, "preselected field: " + chosen)
        check(self.find("#count").text == "3 havaintoa.", "file page: " + self.find("#count").text)
        self.shot("06-file-page")
        self.find("#match button[type=submit]").click()
        self.wait(lambda: "Sarakkeiden valinnat tallennettiin" in self.text(), "the column saved")
        matched = [li.text for li in self.finds("section[aria-labelledby=matched] li")]
        # Each remembered choice has its own Forget button.
        check(
            matched == [f"«{BAD_HEADER}» luetaan kenttänä {GOOD_HEADER}\nUnohda"],
            f"matched: {matched}",
        )
        codes = [c.text for c in self.finds("#fix-findings code")]
        check(codes == ["type-error", "total-mismatch"], f"after matching: {codes}")
        cell = self.find("form.fix input[name=cell][value=H2]")
        form = cell.find_element(By.XPATH, "./ancestor::form")
        value = form.find_element(By.CSS_SELECTOR, "input[name=value]")
        check(value.get_attribute("value") == BAD_BUDGET, "H2's field: " + value.get_attribute("value"))
        value.clear()
        value.send_keys(GOOD_BUDGET)
        form.find_element(By.CSS_SELECTOR, "button").click()
        self.wait(lambda: "Korjaus tallennettiin" in self.text(), "the correction saved")
        check(self.find("#count").text == "Ei havaintoja.", "after correcting: " + self.find("#count").text)
        rows = [r[:5] for r in self.table("#corrections")]
        check(rows == [["Toimenpiteet", "H2", BAD_BUDGET, GOOD_BUDGET, "admin"]], f"corrections: {rows}")
        self.shot("07-file-fixed")
        self.click_link("Tilanne")
        self.wait(lambda: self.h1() == "Vuoden 2021 tilanne", "the dashboard")
        states = self.dashboard_states()
        check(states == {d: "Kunnossa" for d in DEPARTMENTS}, f"dashboard after the fix: {states}")

    def final(self):
        """7–9. The final build, its report in the browser, its workbook."""
        self.click_link("Kokoa")
        self.wait(lambda: self.h1() == "Vuoden 2021 kooste ja vuosiraportti", "the build page")
        kinds = self.build(2021)
        check(kinds == ["Lopullinen", "Luonnos"], f"builds: {kinds}")
        # The new build highlighted, its time as a Finn writes it.
        check(self.finds("#builds tbody tr")[0].get_attribute("class") == "new", "the new build not highlighted")
        at = self.find("#builds tbody tr th time").text
        check(re.fullmatch(r"\d{1,2}\.\d{1,2}\.\d{4} klo \d{1,2}\.\d{2}", at), "the build's time: " + at)
        self.shot("08-build-final")
        row = self.finds("#builds tbody tr")[0]
        row.find_element(By.LINK_TEXT, "Näytä vuosiraportti selaimessa").click()
        self.wait(lambda: "inline=1" in self.d.current_url, "the report's address")
        # Chromium's own PDF viewer shows it (the page is the PDF).
        ctype = self.d.execute_script("return document.contentType")
        check(ctype == "application/pdf", "the report's page is " + ctype)
        time.sleep(3)  # the viewer draws the first page
        self.shot_viewport("09-report-in-browser")
        # Back: the build page is a page of its own (the build's form was
        # answered by a redirect to it), so nothing is sent again.
        self.d.back()
        self.wait(lambda: self.h1() == "Vuoden 2021 kooste ja vuosiraportti", "the build page again")
        kinds = [r[1] for r in self.table("#builds")]
        check(kinds == ["Lopullinen", "Luonnos"], f"builds after Back: {kinds}")
        row = self.finds("#builds tbody tr")[0]
        check(row.find_elements(By.TAG_NAME, "td")[0].text == "Lopullinen", "the newest build is no final one")
        row.find_element(By.LINK_TEXT, "Lataa koostetyökirja").click()
        self.check_workbook(self.downloaded("kooste_2021.xlsx"))

    def check_workbook(self, path):
        wb = openpyxl.load_workbook(path, read_only=True)
        names = wb.sheetnames
        check("Lähteet" in names, f"sheets: {names}")
        # The web app's builds are not compared with an earlier year (the
        # README says so): no Vertailu sheet.
        check("Vertailu" not in names, f"a comparison sheet in a web build: {names}")
        rows = [[("" if v is None else str(v)) for v in r] for r in wb["Lähteet"].iter_rows(values_only=True)]
        at = [i for i, r in enumerate(rows) if r and r[0] == "Korjaukset"]
        check(at, f"no corrections in Lähteet: {rows}")
        got = rows[at[0] + 2][2:6]
        check(got == ["H2", BAD_BUDGET, GOOD_BUDGET, "admin"], f"the correction in Lähteet: {got}")
        wb.close()

    def template(self):
        """10. KASKO's template for 2022, prefilled from the final build."""
        self.click_link("Pohjat")
        self.wait(lambda: self.h1() == "Pohjat vuodelle 2022", "the templates page")
        links = [a.text for a in self.finds("main li a")]
        check(len(links) == 5, f"template links: {links}")
        self.shot("10-templates")
        self.click_link("Kasvatus ja oppiminen: pohja vuodelle 2022")
        path = self.downloaded("kasko_2022.xlsx")
        wb = openpyxl.load_workbook(path)
        cells = [str(v) for ws in wb for r in ws.iter_rows(values_only=True) for v in r if v is not None]
        for measure in ["Varhaiskasvatuksen kuraattorit", "Kesäruokailu"]:
            check(measure in cells, f"{measure} not in KASKO's 2022 template")
        check(any("2022" in c for c in cells), "no 2022 in KASKO's template")

    def earlier_year(self):
        """11. The earlier year 2020 sent and built; the history of both."""
        self.click_link("Lähetä tiedostoja")
        self.wait(lambda: self.h1() == "Lähetä tiedostoja", "the upload page")
        year = self.find("#upload-year")
        year.clear()
        year.send_keys("2020")
        paths = [os.path.join(ROOT, "samples", "2020", n) for n in SAMPLES_2020]
        self.find("#files").send_keys("\n".join(paths))
        self.find("#upload button[type=submit]").click()
        self.wait(lambda: len(self.results()) == 5, "the 2020 files' results")
        bad = [r for r in self.results() if not r.endswith("0 virhettä, 0 varoitusta")]
        check(not bad, f"2020 results: {bad}")
        # The results' page is 2020's, and the menu keeps the year.
        self.click_link("Tilanne")
        self.wait(lambda: self.h1() == "Vuoden 2020 tilanne", "the dashboard of 2020")
        years = self.find("main > p").text
        check(years == "Vuodet: 2021 2020", "years: " + years)
        states = self.dashboard_states()
        check(states == {d: "Kunnossa" for d in DEPARTMENTS}, f"2020: {states}")
        # The menu keeps the year looked at: its build page is 2020's.
        self.click_link("Kokoa")
        self.wait(lambda: self.h1() == "Vuoden 2020 kooste ja vuosiraportti", "the build page of 2020")
        kinds = self.build(2020)
        check(kinds == ["Lopullinen"], f"2020 builds: {kinds}")
        # The menu's history is 2020's too; every year is a link away.
        self.click_link("Historia")
        self.wait(lambda: self.h1() == "Aiemmat vuodet ja lähetykset", "the history page")
        captions = [c.text for c in self.finds("table.history caption")]
        check(captions == ["Kootut versiot vuodelta 2020", "Lähetykset vuodelta 2020"], f"2020's history: {captions}")
        self.click_link("kaikki vuodet")
        self.wait(lambda: len(self.finds("table.history caption")) == 4, "every year's history")
        captions = [c.text for c in self.finds("table.history caption")]
        check(
            captions
            == [
                "Kootut versiot vuodelta 2021",
                "Lähetykset vuodelta 2021",
                "Kootut versiot vuodelta 2020",
                "Lähetykset vuodelta 2020",
            ],
            f"history tables: {captions}",
        )
        tables = self.finds("table.history")
        builds_2021 = [r.find_elements(By.CSS_SELECTOR, "td")[0].text for r in tables[0].find_elements(By.CSS_SELECTOR, "tbody tr")]
        check(builds_2021 == ["Lopullinen", "Luonnos"], f"2021 builds in the history: {builds_2021}")
        subs = [
            [c.text for c in r.find_elements(By.CSS_SELECTOR, "th, td")][:3]
            for r in tables[1].find_elements(By.CSS_SELECTOR, "tbody tr")
        ]
        # The state, then the withdrawal's button.
        subs = [s[:2] + [s[2].removesuffix("Poista käytöstä")] for s in subs]
        check(len(subs) == 5 and all(s[2] == "Nykyinen" for s in subs), f"2021 submissions: {subs}")
        check(["KASKO", "kasko_2021.xlsx", "Nykyinen"] in subs, f"2021 submissions: {subs}")
        # Down to the 2020 builds: the 2020 submissions are as 2021's.
        self.shot("11-history", until="section[aria-labelledby=year-2020] table.history")


def check(cond, msg):
    if not cond:
        raise AssertionError(msg)


def bad_kasko(folder):
    """KASKO's 2021 file as the department might send it: made from the
    sample with openpyxl, a header misspelt and a budget mistyped."""
    wb = openpyxl.load_workbook(os.path.join(ROOT, "samples", "2021", "kasko_2021.xlsx"))
    ws = wb["Toimenpiteet"]
    check(ws["I1"].value == GOOD_HEADER, "the sample's I1: " + str(ws["I1"].value))
    check(ws["H2"].value.replace("\xa0", " ") == "62 000,00 €", "the sample's H2: " + str(ws["H2"].value))
    ws["I1"] = BAD_HEADER
    ws["H2"] = BAD_BUDGET
    path = os.path.join(folder, "kasko_2021.xlsx")
    wb.save(path)
    return path


def start_server(ws, log):
    env = {k: v for k, v in os.environ.items() if k not in ("KOOSTE_ADMIN_PASSWORD", "DISPLAY", "WAYLAND_DISPLAY")}
    proc = subprocess.Popen(
        [KOOSTE, "serve", "--workspace", ws, "--listen", "127.0.0.1:0"],
        stdout=subprocess.PIPE,
        stderr=log,
        env=env,
        text=True,
    )
    line = proc.stdout.readline()
    if "http://" not in line:
        proc.kill()
        raise AssertionError(f"kooste serve did not start: {line!r}")
    return proc, "http://" + line.split("http://")[1].split("/")[0]


def main():
    os.makedirs(OUT, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="kooste-walkthrough-")
    downloads = os.path.join(tmp, "lataukset")
    scratch = os.path.join(tmp, "kuvat")
    folder = os.path.join(tmp, "kasko")
    for p in [downloads, scratch, folder]:
        os.makedirs(p)
    log_path = os.path.join(tmp, "server.log")
    log = open(log_path, "w")
    proc, base = start_server(os.path.join(tmp, "tyotila"), log)
    walk = None
    ok = False
    try:
        bad = bad_kasko(folder)
        walk = Walk(base, downloads, scratch)
        walk.empty_year()
        walk.upload(bad)
        walk.dashboard()
        walk.findings()
        walk.draft()
        walk.fix()
        walk.final()
        walk.template()
        walk.earlier_year()
        ok = True
    finally:
        if walk:
            walk.d.quit()
        proc.kill()
        proc.wait()
        log.close()
        if not ok:
            with open(log_path) as f:
                print("server:\n" + f.read(), file=sys.stderr)
        shutil.rmtree(tmp, ignore_errors=True)
    for name, (w, h), size in walk.shots:
        print(f"{name}: {w}×{h}, {size // 1024} KB")
    print(f"{len(walk.shots)} screenshots in {OUT}")
    print("ok")


main()
