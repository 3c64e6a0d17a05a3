"""Drives `kooste serve` in headless Chromium through WebDriver (selenium)
as a person would, and runs axe-core on every page in every language.

Used by tests/it/web/browser.rs, which starts the server and passes:

    browser_check.py BASE_URL REPO_ROOT AXE_MIN_JS DOWNLOAD_DIR PASSWORD

(the server runs with KOOSTE_ADMIN_PASSWORD=PASSWORD, so sign-in is asked)

Exit 0 when every step held and axe-core found no WCAG 2.0/2.1 A or AA
violation; otherwise exit 1 with each failure (and each violation, with the
offending elements) on standard output. A missing chromium, chromedriver or
selenium is a failure, never a skip: the caller checks them first.
"""

import base64
import json
import os
import sys
import tempfile
import time
import zipfile

import openpyxl

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

BASE, ROOT, AXE, DOWNLOADS, PASSWORD = sys.argv[1:6]
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SAMPLES = ["kymp_2021.xlsx", "sote_2021.ods", "kasko_2021.xlsx", "kuku_2021.xlsx", "ksj_2021.xls"]
# The language links' own text, shown in every language.
LANG_LINK = {"fi": "suomeksi", "sv": "på svenska", "en": "in English"}

failures = []
checked = []
# The page of the file fixed in place (fix_in_place), for every_page;
# after resend, its new version's page (the old one is no longer current).
FIX_PAGE = []
# Other pages every_page visits: a file with no header row found left
# unmatched, and a clean file's "no checked copy" page.
MORE_PAGES = []
# A KASKO file whose budget column is headed "Kustannusarvio" (no
# spelling of any field) and whose second row's budget is "n/a".
FIX_CSV = (
    "Toimiala;Painopiste;Toimenpide;Alue;Vaihe;Vuosi;Kustannusarvio;Toteuma (€)\n"
    "KASKO;1;Pihat;Mikkola;toteutusvaihe;2021;1000;10\n"
    "KASKO;1;Kerho;Mikkola;toteutusvaihe;2021;n/a;10\n"
)

# A file whose header is in the department's own words: no required
# field is named, so the reader finds no header row ("no-measure-sheet").
def own_words_csv(department):
    return (
        "Yksikkö;Alue-osa;Hanke;Kaupunginosa;Tilanne;Vuosi;Kustannusarvio;Käytetty\n"
        f"{department};1;Oma hanke {department};Mikkola;toteutusvaihe;2021;1000;10\n"
    )


OWN_WORDS_FIELDS = [
    "department", "focus_area", "measure", "areas", "status", "year", "budget_eur", "spent_eur",
]


def fail(msg):
    failures.append(msg)
    print("FAIL: " + msg, flush=True)


def driver():
    opts = webdriver.ChromeOptions()
    opts.binary_location = "/usr/bin/chromium"
    # A Finnish user's browser: pages are Finnish until the language links
    # are used (headless Chromium would otherwise ask for English).
    for a in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--lang=fi"]:
        opts.add_argument(a)
    opts.add_experimental_option(
        "prefs",
        {
            "download.default_directory": DOWNLOADS,
            "download.prompt_for_download": False,
            "plugins.always_open_pdf_externally": True,
            "intl.accept_languages": "fi-FI,fi",
        },
    )
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)


with open(AXE, encoding="utf-8") as f:
    AXE_SRC = f.read()

RUN_AXE = """
var done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
  .then(function (r) { done(JSON.stringify(r.violations)); })
  .catch(function (e) { done(JSON.stringify({error: String(e)})); });
"""


def axe(d, name):
    """Injects axe-core (WebDriver's scripts are not subject to the page's
    CSP) and fails on any violation, listing rule, impact and elements."""
    d.execute_script(AXE_SRC)
    if not d.execute_script("return typeof axe === 'object'"):
        fail(f"{name}: axe-core could not be injected")
        return
    out = json.loads(d.execute_async_script(RUN_AXE, TAGS))
    if isinstance(out, dict):
        fail(f"{name}: axe-core failed: {out['error']}")
        return
    checked.append(name)
    for v in out:
        nodes = "\n".join(
            "      " + " ".join(n["target"]) + ": " + n.get("failureSummary", "").replace("\n", " ")
            for n in v["nodes"]
        )
        fail(f"{name} [{d.current_url}]: {v['id']} ({v['impact']}): {v['help']}\n{nodes}")


def axe_can_fail(d):
    """axe-core, injected as the other pages get it, does find violations:
    an image without a text alternative and grey-on-white text added to
    the dashboard must be reported (else a clean result proves nothing)."""
    d.get(BASE + "/")
    d.execute_script(AXE_SRC)
    d.execute_script(
        "var m = document.querySelector('main');"
        "m.appendChild(document.createElement('img')).src = '/assets/style.css';"
        "var p = m.appendChild(document.createElement('p'));"
        "p.textContent = 'heikko'; p.style.color = '#bbb';"
    )
    out = json.loads(d.execute_async_script(RUN_AXE, TAGS))
    ids = sorted(v["id"] for v in out) if isinstance(out, list) else out
    if ids != ["color-contrast", "image-alt"]:
        fail(f"axe-core's self-check found {ids}, not color-contrast and image-alt")


def visit(d, path, name):
    d.get(BASE + path)
    axe(d, name)


def text(d):
    return d.find_element(By.TAG_NAME, "body").text


def wait_for(cond, what, seconds=60):
    end = time.time() + seconds
    while time.time() < end:
        try:
            v = cond()
            if v:
                return v
        except Exception:  # the page is being replaced
            pass
        time.sleep(0.2)
    fail("timed out: " + what)
    return None


def upload_samples(d):
    d.get(BASE + "/upload?year=2021")
    d.find_element(By.ID, "upload-year").clear()
    d.find_element(By.ID, "upload-year").send_keys("2021")
    paths = [os.path.join(ROOT, "samples", "2021", n) for n in SAMPLES]
    d.find_element(By.ID, "files").send_keys("\n".join(paths))
    d.find_element(By.CSS_SELECTOR, "#upload button[type=submit]").click()
    got = wait_for(lambda: all(n in text(d) for n in SAMPLES), "the samples' results")
    if got:
        body = text(d)
        if "kymp_2021.xlsx: toimiala KYMP, 0 virhettä, 0 varoitusta" not in body:
            fail("samples upload: " + body)
    axe(d, "upload results (fi)")


def drop_bad_file(d):
    """bad_values.xlsx dropped on the drop zone (upload.js's drop handler
    puts it in the file input), then sent by the script's XHR."""
    d.get(BASE + "/upload?year=2021")
    Select(d.find_element(By.ID, "department")).select_by_value("KYMP")
    with open(os.path.join(ROOT, "tests", "fixtures", "bad_values.xlsx"), "rb") as f:
        b64 = base64.b64encode(f.read()).decode()
    n = d.execute_script(
        """
        var bytes = Uint8Array.from(atob(arguments[0]), function (c) { return c.charCodeAt(0); });
        var dt = new DataTransfer();
        dt.items.add(new File([bytes], 'bad_values.xlsx'));
        var drop = document.getElementById('drop');
        drop.dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));
        return document.getElementById('files').files.length;
        """,
        b64,
    )
    if n != 1:
        fail(f"drop: the file input holds {n} files, not 1")
    d.find_element(By.CSS_SELECTOR, "#upload button[type=submit]").click()
    if wait_for(lambda: "bad_values.xlsx:" in text(d), "bad_values.xlsx's result"):
        if "bad_values.xlsx: toimiala KYMP, 6 virhettä" not in text(d):
            fail("drop upload: " + text(d))


def check_findings(d):
    d.get(BASE + "/findings?year=2021&department=KYMP")
    rows = [
        [c.text for c in r.find_elements(By.CSS_SELECTOR, "th, td")]
        for r in d.find_elements(By.CSS_SELECTOR, "#findings tbody tr")
    ]
    want = ["KYMP", "bad_values.xlsx", "Toimenpiteet", "H3", "virhe", "type-error"]
    if len(rows) != 6 or not any(r[:6] == want for r in rows):
        fail(f"findings table: {rows}")
    axe(d, "findings (fi, filtered)")


def fix_in_place(d):
    """A file with an unknown column: its page from the findings, the
    column matched to the budget (re-checked: the budget's "n/a" is now
    flagged), that cell corrected in the findings table (re-checked: the
    error is gone)."""
    folder = tempfile.mkdtemp()
    path = os.path.join(folder, "kasko_fix.csv")
    with open(path, "w", encoding="utf-8") as f:
        f.write(FIX_CSV)
    d.get(BASE + "/upload?year=2021")
    Select(d.find_element(By.ID, "department")).select_by_value("KASKO")
    d.find_element(By.ID, "files").send_keys(path)
    d.find_element(By.CSS_SELECTOR, "#upload button[type=submit]").click()
    if not wait_for(lambda: "kasko_fix.csv:" in text(d), "kasko_fix.csv's result"):
        return
    d.get(BASE + "/findings?year=2021&department=KASKO")
    d.find_element(By.PARTIAL_LINK_TEXT, "kasko_fix.csv").click()
    if not wait_for(lambda: d.find_elements(By.ID, "match-0"), "the file's page"):
        return
    FIX_PAGE.append(d.current_url[len(BASE):])
    axe(d, "file page, unknown column (fi)")
    label = d.find_element(By.CSS_SELECTOR, "label[for='match-0']").text
    if "Kustannusarvio" not in label:
        fail("column label: " + label)
    Select(d.find_element(By.ID, "match-0")).select_by_value("budget_eur")
    d.find_element(By.CSS_SELECTOR, "#match button[type=submit]").click()
    if not wait_for(lambda: "Sarakkeiden valinnat tallennettiin" in text(d), "the columns saved"):
        return
    axe(d, "file page, column matched (fi)")
    codes = [c.text for c in d.find_elements(By.CSS_SELECTOR, "#fix-findings code")]
    if "unknown-column" in codes or "type-error" not in codes:
        fail(f"after matching: {codes}")
    cell = d.find_element(By.CSS_SELECTOR, "form.fix input[name=cell][value=G3]")
    form = cell.find_element(By.XPATH, "./ancestor::form")
    value = form.find_element(By.CSS_SELECTOR, "input[name=value]")
    label = d.find_element(By.CSS_SELECTOR, f"label[for='{value.get_attribute('id')}']")
    if "G3" not in label.get_attribute("textContent"):
        fail("correction label: " + label.get_attribute("textContent"))
    value.clear()
    value.send_keys("2 000 €")
    form.find_element(By.CSS_SELECTOR, "button").click()
    if not wait_for(lambda: "Korjaus tallennettiin" in text(d), "the correction saved"):
        return
    axe(d, "file page, cell corrected (fi)")
    # Answered by a redirect to the file's page (Back sends nothing again),
    # the note a status; the sheet's name stays in the any-cell form.
    if not d.current_url.endswith("?saved=correction"):
        fail("after correcting, the address is " + d.current_url)
    if not d.find_elements(By.CSS_SELECTOR, "p.note[role=status]"):
        fail("the correction's note is no status")
    if not d.find_element(By.ID, "any-sheet").get_attribute("value"):
        fail("the any-cell form lost its sheet's name")
    codes = [c.text for c in d.find_elements(By.CSS_SELECTOR, "#fix-findings code")]
    if "type-error" in codes:
        fail(f"after correcting: {codes}")


def correction_in_sources(path):
    """The workbook's sources sheet lists the correction: the cell, the
    value in the file and the one read, who."""
    wb = openpyxl.load_workbook(path, read_only=True)
    rows = [[("" if v is None else str(v)) for v in r] for r in wb["Lähteet"].iter_rows(values_only=True)]
    at = [i for i, r in enumerate(rows) if r and r[0] == "Korjaukset"]
    if not at or rows[at[0] + 2][2:6] != ["G3", "n/a", "2 000 €", "admin"]:
        fail(f"no correction in the sources sheet: {rows}")


def downloaded(kind, magic):
    def found():
        for n in os.listdir(DOWNLOADS):
            # The checked copy downloaded earlier is not the build's workbook.
            if n.endswith(kind) and not n.endswith((".crdownload", "_tarkistettu.xlsx")):
                return os.path.join(DOWNLOADS, n)
        return None

    path = wait_for(found, "the downloaded " + kind)
    if not path:
        return
    with open(path, "rb") as f:
        head = f.read(8)
    if not head.startswith(magic):
        fail(f"{path} starts with {head!r}, not {magic!r}")
    if kind == ".xlsx":
        names = zipfile.ZipFile(path).namelist()
        if "xl/workbook.xml" not in names:
            fail(f"{path} is no xlsx: {names}")
        correction_in_sources(path)


def upload_as(d, department, name, content):
    """Uploads a file written with `content` as `department`'s; returns
    whether its result came."""
    folder = tempfile.mkdtemp()
    path = os.path.join(folder, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(content)
    d.get(BASE + "/upload?year=2021")
    Select(d.find_element(By.ID, "department")).select_by_value(department)
    d.find_element(By.ID, "files").send_keys(path)
    d.find_element(By.CSS_SELECTOR, "#upload button[type=submit]").click()
    return wait_for(lambda: name + ":" in text(d), name + "'s result")


def open_file_page(d, department, name, element):
    """The file's page from the department's findings; its path, or None."""
    d.get(BASE + "/findings?year=2021&department=" + department)
    d.find_element(By.PARTIAL_LINK_TEXT, name).click()
    if not wait_for(lambda: d.find_elements(By.ID, element), name + "'s page"):
        return None
    return d.current_url[len(BASE):]


def checked_copy(d):
    """KYMP's bad file's checked copy from the dashboard: an xlsx whose
    flagged cells carry the findings as comments."""
    d.get(BASE + "/?year=2021")
    d.find_element(By.CSS_SELECTOR, "a[href$='/annotated']").click()
    path = wait_for(
        lambda: os.path.isfile(os.path.join(DOWNLOADS, "bad_values_tarkistettu.xlsx"))
        and os.path.join(DOWNLOADS, "bad_values_tarkistettu.xlsx"),
        "the checked copy",
    )
    if not path:
        return
    time.sleep(0.5)  # the rename from .crdownload is the last step
    wb = openpyxl.load_workbook(path)
    notes = [c.comment.text for ws in wb for r in ws.iter_rows() for c in r if c.comment]
    if not any("type-error" in n for n in notes):
        fail(f"checked copy: no type-error note in {notes}")
    # A clean file has none: its page says so (axe-checked in every language).
    d.get(BASE + "/history")
    href = d.find_element(By.LINK_TEXT, "kuku_2021.xlsx").get_attribute("href")
    MORE_PAGES.append(("/submissions/" + href.rsplit("/", 1)[1] + "/annotated", "no checked copy"))


def header_row(d):
    """A SOTE file in the department's own words: its page offers the first
    row's cells, each matched to its field, and the file is read. A KSJ
    one is left unmatched for every_page."""
    if not upload_as(d, "SOTE", "sote_oma.csv", own_words_csv("SOTE")):
        return
    if not open_file_page(d, "SOTE", "sote_oma.csv", "head-0"):
        return
    axe(d, "file page, header row (fi)")
    for i, field in enumerate(OWN_WORDS_FIELDS):
        Select(d.find_element(By.ID, f"head-{i}")).select_by_value(field)
    d.find_element(By.CSS_SELECTOR, "#match-header button[type=submit]").click()
    if not wait_for(lambda: "Sarakkeiden valinnat tallennettiin" in text(d), "the header's columns saved"):
        return
    axe(d, "file page, header row matched (fi)")
    codes = [c.text for c in d.find_elements(By.CSS_SELECTOR, "#fix-findings code")]
    if "no-measure-sheet" in codes or d.find_elements(By.ID, "header-row"):
        fail(f"after matching the header row: {codes}")
    if upload_as(d, "KSJ", "ksj_oma.csv", own_words_csv("KSJ")):
        path = open_file_page(d, "KSJ", "ksj_oma.csv", "head-0")
        if path:
            MORE_PAGES.append((path, "file page, header row"))


def resend(d):
    """A new version of the KASKO file, its "n/a" still there: its page
    shows the previous file's correction beside this file's value."""
    if not upload_as(d, "KASKO", "kasko_fix_v2.csv", FIX_CSV.replace("Kerho", "Kerho 2")):
        return
    path = open_file_page(d, "KASKO", "kasko_fix_v2.csv", "earlier-corrections")
    if not path:
        return
    axe(d, "file page, earlier corrections (fi)")
    rows = [r.text for r in d.find_elements(By.CSS_SELECTOR, "#earlier-corrections tbody tr")]
    if not any("G3" in r and "n/a → 2 000 €" in r and "eri kuin korjattu arvo" in r for r in rows):
        fail(f"earlier corrections: {rows}")
    FIX_PAGE[:] = [path]


def build_and_download(d):
    d.get(BASE + "/build?year=2021")
    d.find_element(By.CSS_SELECTOR, "form[method=post][action='/build'] button").click()
    wait_for(lambda: d.find_elements(By.CSS_SELECTOR, "#builds a"), "the build's downloads")
    axe(d, "build done (fi)")
    d.find_element(By.CSS_SELECTOR, "#builds a[href$='/workbook']").click()
    downloaded(".xlsx", b"PK\x03\x04")
    d.find_element(By.CSS_SELECTOR, "#builds a[href$='/report']").click()
    downloaded(".pdf", b"%PDF-")


def make_link(d):
    d.get(BASE + "/links")
    Select(d.find_element(By.ID, "link-department")).select_by_value("KUKU")
    d.find_element(By.ID, "link-year").clear()
    d.find_element(By.ID, "link-year").send_keys("2021")
    d.find_element(By.CSS_SELECTOR, "form[action='/links'] button").click()
    address = wait_for(lambda: d.find_element(By.ID, "new-link").text, "the new link")
    axe(d, "link made (fi)")
    # The whole address to send; a department opens it as it is.
    if not address.startswith(BASE + "/d/"):
        fail(f"the new link is not a whole address on this server: {address}")
    # Shown once: the page reloaded no longer shows it, nor makes another.
    d.refresh()
    if d.find_elements(By.ID, "new-link"):
        fail("the new link is shown again on reload")
    return address[len(BASE):]


def refused(d, name):
    """A form sent with a wrong CSRF token: the refusal page."""
    d.get(BASE + "/build?year=2021")
    d.execute_script("document.querySelector(\"form[method=post][action='/build'] input[name=csrf]\").value = 'x';")
    d.find_element(By.CSS_SELECTOR, "form[method=post][action='/build'] button").click()
    wait_for(lambda: d.find_elements(By.CSS_SELECTOR, "p.refusal"), "the refusal page")
    axe(d, name)


def sign_in(d):
    """The sign-in page, a wrong password, then the right one."""
    d.get(BASE + "/")
    if not d.current_url.endswith("/login"):
        fail("no sign-in asked: " + d.current_url)
    axe(d, "sign-in, asked (fi)")
    for password in ["väärä", PASSWORD]:
        d.find_element(By.ID, "password").send_keys(password)
        d.find_element(By.CSS_SELECTOR, "form[action='/login'] button").click()
        if password != PASSWORD:
            wait_for(lambda: d.find_elements(By.CSS_SELECTOR, "p.refusal"), "the wrong password's page")
            axe(d, "sign-in, wrong password (fi)")
    wait_for(lambda: not d.current_url.endswith("/login"), "the dashboard after sign-in")


def department_alone(d, link):
    """The upload link's page as a department sees it: no admin session."""
    d.delete_all_cookies()
    for lang in ["fi", "sv", "en"]:
        d.get(BASE + link + "?lang=" + lang)
        if d.find_element(By.TAG_NAME, "html").get_attribute("lang") != lang:
            fail(f"department link, anonymous: html lang is not {lang}")
        axe(d, f"department link, anonymous ({lang})")


# The elements that reach past the page's right edge, outside a frame of
# their own (`.wide`), for a failure's message.
WIDER_THAN_THE_PAGE = """
var w = document.documentElement.clientWidth, out = [];
document.querySelectorAll('body *').forEach(function (e) {
  var r = e.getBoundingClientRect();
  if (e.parentElement && e.parentElement.closest('.wide')) return;
  // A box past the edge, or text running out of its box (a long word).
  var spills = !e.classList.contains('wide') && e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0;
  if (r.right > w + 1 || spills)
    out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' (' + Math.round(r.right) + ' px)');
});
if (!out.length) {
  // Nothing sticks out by its box: the element whose hiding ends it.
  var root = document.documentElement, walk = [document.body];
  while (walk.length) {
    var e = walk.shift();
    for (var i = 0; i < e.children.length; i++) {
      var c = e.children[i], was = c.style.display;
      c.style.display = 'none';
      var fits = root.scrollWidth <= root.clientWidth;
      c.style.display = was;
      if (fits) { out.push(c.tagName.toLowerCase() + (c.id ? '#' + c.id : '') + '.' + c.className); walk = [c]; break; }
    }
  }
}
return out.slice(0, 8).join(', ');
"""


def narrow(d, link):
    """Every page in a window 400 CSS pixels wide (WCAG 2.1 1.4.10,
    reflow): the page itself never scrolls sideways (a wide table scrolls
    in its own frame), and axe-core still finds nothing (a frame that
    scrolls is reachable by the keyboard)."""
    size = d.get_window_size()
    d.set_window_size(400, 900)
    try:
        width = d.execute_script("return window.innerWidth")
        if width > 420:
            fail(f"narrow: the window stayed {width} px wide")
        for lang in ["fi", "sv"]:
            for path, name in [
                ("/?year=2021", "dashboard"),
                ("/upload?year=2021", "upload"),
                ("/findings?year=2021", "findings"),
                ("/build?year=2021", "build"),
                ("/templates?year=2021", "templates"),
                ("/links?year=2021", "links"),
                ("/history", "history"),
                (link, "department link"),
            ] + [(p, "file page") for p in FIX_PAGE]:
                sep = "&" if "?" in path else "?"
                visit(d, f"{path}{sep}lang={lang}", f"{name}, 400 px ({lang})")
                over = d.execute_script(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
                )
                if over > 0:
                    wide = d.execute_script(WIDER_THAN_THE_PAGE)
                    fail(f"{name}, 400 px ({lang}): the page scrolls sideways by {over} px: {wide}")
    finally:
        d.set_window_size(size["width"], size["height"])


def every_page(d, lang, link):
    d.get(BASE + "/")
    d.find_element(By.LINK_TEXT, LANG_LINK[lang]).click()
    got = wait_for(
        lambda: d.find_element(By.TAG_NAME, "html").get_attribute("lang") == lang, "lang=" + lang
    )
    if not got:
        return
    for path, name in [
        ("/?year=2021", "dashboard"),
        ("/upload?year=2021", "upload"),
        ("/findings?year=2021", "findings"),
        # As the build's redirect leaves it: the note and the new build
        # highlighted (their colours checked too).
        ("/build?year=2021&built=1", "build"),
        ("/templates?year=2022", "templates"),
        ("/links", "links"),
        ("/history", "history"),
        ("/login", "sign-in"),
        (link, "department link"),
        (link + "/history", "department history"),
        ("/ei-ole-sivua", "not found"),
    ] + [(p, "file page") for p in FIX_PAGE] + MORE_PAGES:
        visit(d, path, f"{name} ({lang})")
        if d.find_element(By.TAG_NAME, "html").get_attribute("lang") != lang:
            fail(f"{name}: html lang is not {lang}")
    refused(d, f"refusal ({lang})")


def main():
    d = driver()
    try:
        sign_in(d)
        axe_can_fail(d)
        visit(d, "/?year=2021", "dashboard, empty (fi)")
        upload_samples(d)
        drop_bad_file(d)
        check_findings(d)
        checked_copy(d)
        fix_in_place(d)
        header_row(d)
        build_and_download(d)
        resend(d)
        link = make_link(d)
        for lang in ["fi", "sv", "en"]:
            every_page(d, lang, link)
        narrow(d, link)
        department_alone(d, link)
    finally:
        d.quit()
    print(f"axe-core checked {len(checked)} pages: " + "; ".join(checked))
    if failures:
        print(f"{len(failures)} failures")
        sys.exit(1)
    print("ok")


main()
