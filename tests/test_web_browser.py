"""The web interface in a real browser: ``quotetrack serve`` in a subprocess, driven by
headless Chromium through selenium and Debian's chromedriver.

The journeys are a newsroom's: search « jamais vu » from the front page and open the
speaker; « Premières apparitions » with words; log in, reject a non-quote from the queue
in one click, correct a speaker with the autocompleting field, merge two speakers, and
find the sheet, the dossier, ``search`` and ``verify`` in agreement with the reviews; a
read-only server has no form; a page on another port of 127.0.0.1 cannot review.
Screenshots of the front page, the results, the queue and the sheet are written to the
tests' folders (docs/make_web_screenshots.py copies them into docs/).
"""

from __future__ import annotations

import hashlib
import os
import socket
import sqlite3
import subprocess
import sys
import time
import threading
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from quotetrack.indexing import index_paths
from quotetrack.archive.store import open_db

from conftest import ROOT, SEED

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
SEED_META = {"title": "L'Otan annonce de nouvelles mesures", "url": "https://www.example.org/monde/otan-mesures",
             "source": "Le Quotidien", "date": "2022-03-24"}  # fmt: skip
SCREENSHOTS = ("front.png", "results.png")
TWELVE = ROOT / "tests" / "data" / "douze-citations.md"
PASSWORD = "mot de passe sûr"

try:
    import selenium  # noqa: F401
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    missing = None
except ImportError:
    missing = "selenium is not installed (pip install -e '.[test]')"
for needed in (CHROMIUM, CHROMEDRIVER):
    if missing is None and not needed.exists():
        missing = f"{needed} is not installed (apt-get install chromium chromium-driver)"
try:
    import datasette  # noqa: F401
except ImportError:
    missing = missing or "datasette is not installed (pip install 'quotetrack[web]')"

pytestmark = [pytest.mark.browser, pytest.mark.skipif(missing is not None, reason=missing or "")]


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory, spacy_engine):
    path = tmp_path_factory.mktemp("served") / "quotetrack.db"
    db = open_db(path)
    here = os.getcwd()
    os.chdir(ROOT)  # the sheet shows the path as indexed: the checkout's, not this machine's
    try:
        (outcome,) = index_paths(db, [str(SEED.relative_to(ROOT))], spacy_engine, overrides=SEED_META)
        (twelve,) = index_paths(db, [str(TWELVE.relative_to(ROOT))], spacy_engine)
    finally:
        os.chdir(here)
    assert outcome.status == twelve.status == "indexed"
    db.conn.close()
    return path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """``python -m quotetrack serve`` on a free localhost port, until ``stop()``."""

    def __init__(self, db: Path, log: Path, *options: str):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        command = [sys.executable, "-m", "quotetrack", "serve", "--db", str(db), "--port", str(self.port), *options]
        self.process = subprocess.Popen(command, cwd=ROOT, stdout=log.open("wb"), stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(self.url + "/", timeout=2):
                    return
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    raise AssertionError(f"quotetrack serve did not start:\n{log.read_text(errors='replace')}")
                time.sleep(0.2)

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@pytest.fixture
def chrome():
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1000"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.implicitly_wait(5)
    yield driver
    driver.quit()


def review_log(path: Path) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT quote_id, field, old_value, new_value, reviewer, action FROM review_log ORDER BY id").fetchall()
    finally:
        conn.close()


def test_search_from_the_front_page_and_open_the_speaker(seed_db, tmp_path, chrome):
    server = Server(seed_db, tmp_path / "serve.log")
    try:
        chrome.get(server.url + "/")
        chrome.save_screenshot(str(tmp_path / "front.png"))
        box = chrome.find_element(By.ID, "q")
        box.send_keys("jamais vu")
        click(chrome, chrome.find_element(By.ID, "search-submit"))
        (card,) = chrome.find_elements(By.CSS_SELECTOR, "li.qt-card")
        assert "C'est du jamais vu" in card.text and "Jens Stoltenberg" in card.text and "Le Quotidien" in card.text
        assert "à vérifier" in card.text
        chrome.save_screenshot(str(tmp_path / "results.png"))
        click(chrome, card.find_element(By.CSS_SELECTOR, "a.qt-speaker"))
        assert chrome.find_element(By.TAG_NAME, "h1").text == "Jens Stoltenberg"
        assert len(chrome.find_elements(By.CSS_SELECTOR, "li.qt-card")) == 9
        chrome.back()
        click(chrome, chrome.find_element(By.CSS_SELECTOR, "li.qt-card a.qt-open"))
        assert chrome.find_element(By.TAG_NAME, "blockquote").text == "C'est du jamais vu"
    finally:
        server.stop()
    assert "Traceback" not in (tmp_path / "serve.log").read_text(errors="replace")
    for name in SCREENSHOTS:
        assert (tmp_path / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_first_appearances_take_words(seed_db, tmp_path, chrome):
    server = Server(seed_db, tmp_path / "serve.log")
    try:
        chrome.get(server.url + "/")
        click(chrome, chrome.find_element(By.LINK_TEXT, "Premières apparitions"))
        chrome.find_element(By.ID, "mots").send_keys("sécurité se paie")
        click(chrome, chrome.find_element(By.ID, "first-submit"))
        (first,) = chrome.find_elements(By.CSS_SELECTOR, "ol.qt-appearances li")
        assert "2022-03-24" in first.text and "Le Quotidien" in first.text and "première apparition" in first.text
        assert "La sécurité se paie" in chrome.find_element(By.CSS_SELECTOR, "li.qt-card").text
    finally:
        server.stop()


def click(chrome, element) -> None:
    """Click, then wait for the next page: finding an element of the old one would go stale.
    (Chromium reports an element of a page being replaced either as stale or as a node that
    "does not belong to the document": both say the old page is gone.)"""
    page = chrome.find_element(By.TAG_NAME, "html")
    element.click()

    def gone(_) -> bool:
        try:
            page.is_enabled()
        except WebDriverException:  # StaleElementReferenceException is one
            return True
        return False

    WebDriverWait(chrome, 10).until(gone)


def add_account(db: Path, name: str) -> None:
    subprocess.run([sys.executable, "-m", "quotetrack", "users", "add", name, "--db", str(db), "--password-stdin"],
                   input=PASSWORD + "\n", text=True, cwd=ROOT, check=True, capture_output=True)  # fmt: skip


def log_in(chrome, server, name):
    chrome.get(server.url + "/-/login")
    chrome.find_element(By.ID, "name").send_keys(name)
    chrome.find_element(By.ID, "password").send_keys(PASSWORD)
    click(chrome, chrome.find_element(By.ID, "login-submit"))


def quote_row(db: Path, text: str) -> tuple:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT q.id, q.status, s.name, q.role FROM quotes q LEFT JOIN speakers s"
                            " ON s.id = q.speaker_id WHERE q.text LIKE ?", [text + "%"]).fetchone()  # fmt: skip
    finally:
        conn.close()


def cli(db: Path, *arguments) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "quotetrack", *arguments, "--db", str(db)], cwd=ROOT,
                          capture_output=True, text=True)  # fmt: skip


def test_log_in_reject_from_the_queue_correct_a_speaker_merge_speakers(seed_db, tmp_path, chrome):
    db = tmp_path / "quotetrack.db"
    db.write_bytes(seed_db.read_bytes())
    add_account(db, "claire")
    server = Server(db, tmp_path / "serve.log", "--allow-review")
    try:
        log_in(chrome, server, "claire")
        assert chrome.find_element(By.TAG_NAME, "h1").text == "À vérifier"
        assert "claire" in chrome.find_element(By.CSS_SELECTOR, ".qt-actor").text
        chrome.save_screenshot(str(tmp_path / "queue.png"))
        # « préoccupés » is one word, not a quote: rejected in one click from the queue
        (card,) = [c for c in chrome.find_elements(By.CSS_SELECTOR, "li.qt-card") if "« préoccupés »" in c.text]
        click(chrome, card.find_element(By.CSS_SELECTOR, "button.qt-reject"))
        assert "rejetée — pas une citation" in chrome.find_element(By.CSS_SELECTOR, ".message-info").text
        assert "« préoccupés »" not in chrome.find_element(By.CSS_SELECTOR, "ol.qt-queue").text

        # « C'est du jamais vu » given to Volodymyr Zelensky through the autocompleting field
        quote_id = quote_row(db, "C'est du jamais vu")[0]
        chrome.get(f"{server.url}/-/quotetrack/quote/{quote_id}")
        field = chrome.find_element(By.ID, "speaker")
        field.send_keys("zelen")
        for _ in range(50):
            offered = chrome.execute_script(
                "return [...document.querySelectorAll('#speaker-choices option')].map(o => o.value)")
            if offered:
                break
            time.sleep(0.1)
        assert offered == ["Volodymyr Zelensky"]
        field.clear()
        field.send_keys(offered[0])
        click(chrome, chrome.find_element(By.ID, "speaker-submit"))
        assert "locuteur corrigé" in chrome.find_element(By.CSS_SELECTOR, ".message-info").text
        assert chrome.find_element(By.TAG_NAME, "h1").text == "Citation de Volodymyr Zelensky"

        # a new speaker only after a confirmation, then merged into Hélène Garnier from her page
        maire_id = quote_row(db, "D'ici là")[0]
        chrome.get(f"{server.url}/-/quotetrack/quote/{maire_id}")
        chrome.find_element(By.ID, "speaker").send_keys("Hélène Garnier-Roux")
        click(chrome, chrome.find_element(By.ID, "speaker-submit"))
        click(chrome, chrome.find_element(By.ID, "confirm-new-submit"))
        assert "Hélène Garnier-Roux" in chrome.find_element(By.CSS_SELECTOR, ".message-info").text
        assert quote_row(db, "D'ici là")[2] == "Hélène Garnier-Roux"
        chrome.get(server.url + "/?q=Hélène+Garnier")
        click(chrome, chrome.find_element(By.CSS_SELECTOR, "a.qt-named-speaker"))
        chrome.find_element(By.ID, "merge-name").send_keys("Hélène Garnier-Roux")
        click(chrome, chrome.find_element(By.ID, "merge-submit"))
        assert "Hélène Garnier-Roux fusionné dans Hélène Garnier par claire" in chrome.find_element(By.CSS_SELECTOR, ".message-info").text

        # the sheet shows the reviews
        chrome.get(f"{server.url}/-/quotetrack/quote/{quote_id}")
        click(chrome, chrome.find_element(By.ID, "sheet-link"))
        sheet = chrome.find_element(By.TAG_NAME, "body").text
        assert "préoccupés" not in sheet.split("Texte de l'article")[0]
    finally:
        server.stop()
    assert "Traceback" not in (tmp_path / "serve.log").read_text(errors="replace")
    assert quote_row(db, "préoccupés")[1] == "rejected"
    assert quote_row(db, "C'est du jamais vu")[1:3] == ("misattributed", "Volodymyr Zelensky")
    assert quote_row(db, "C'est du jamais vu")[3] == "président ukrainien"  # the role follows the speaker
    assert quote_row(db, "D'ici là")[2] == "Hélène Garnier"
    assert {row[4] for row in review_log(db)} == {"claire"}
    # the command line agrees
    found = cli(db, "search", "jamais vu", "--format", "json")
    assert found.returncode == 0 and "Volodymyr Zelensky" in found.stdout and "Stoltenberg" not in found.stdout
    dossier = cli(db, "report", "speaker", "Hélène Garnier", "-o", str(tmp_path / "garnier.html"))
    assert dossier.returncode == 0 and "D'ici là" in (tmp_path / "garnier.html").read_text(encoding="utf-8")
    verified = cli(db, "verify", "C'est du jamais vu", "--speaker", "Zelensky")
    assert verified.returncode == 0, verified.stdout + verified.stderr


def test_read_only_server_has_no_form_and_refuses_a_forged_post(seed_db, tmp_path, chrome):
    db = tmp_path / "quotetrack.db"
    db.write_bytes(seed_db.read_bytes())
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    server = Server(db, tmp_path / "serve.log")
    try:
        chrome.get(server.url + "/?q=jamais+vu")
        click(chrome, chrome.find_element(By.CSS_SELECTOR, "li.qt-card a.qt-open"))
        assert chrome.find_elements(By.ID, "review-form") == []
        assert "lecture seule" in chrome.find_element(By.CSS_SELECTOR, ".qt-readonly").text
        forged = chrome.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "fetch(location.href, {method: 'POST', credentials: 'omit', body: new URLSearchParams("
            "{action: 'reject', reviewer: 'Eve'})}).then(r => done(r.status));"
        )
        assert forged == 403
    finally:
        server.stop()
    assert review_log(db) == []
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


class Attacker(BaseHTTPRequestHandler):
    """A page on another port of 127.0.0.1: it reads what cookies it can and posts a review."""

    target = ""

    def do_GET(self):
        token = self.path.partition("token=")[2]
        page = f"""<!doctype html><html><body><p id="cookies"></p>
<form id="f" method="post" action="{self.target}"><input name="csrftoken" value="{token}">
<input name="action" value="reject"><input name="reviewer" value="attacker-samehost"></form>
<script>document.getElementById('cookies').textContent = document.cookie || '(aucun)';</script>
</body></html>""".encode()
        self.send_response(200)
        self.send_header("content-type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(page)

    def log_message(self, *args):
        pass


def test_a_page_on_another_port_cannot_review(seed_db, tmp_path, chrome):
    db = tmp_path / "quotetrack.db"
    db.write_bytes(seed_db.read_bytes())
    add_account(db, "claire")
    server = Server(db, tmp_path / "serve.log", "--allow-review")
    quote_id = quote_row(db, "C'est du jamais vu")[0]
    Attacker.target = f"{server.url}/-/quotetrack/quote/{quote_id}"
    attacker = ThreadingHTTPServer(("127.0.0.1", 0), Attacker)
    threading.Thread(target=attacker.serve_forever, daemon=True).start()
    try:
        log_in(chrome, server, "claire")
        token = next(c["value"] for c in chrome.get_cookies() if c["name"] == "ds_csrftoken")
        cookie = next(c for c in chrome.get_cookies() if c["name"] == "ds_csrftoken")
        assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"
        # the token is given to the page, as if it had been stolen: the Origin still refuses it
        chrome.get(f"http://127.0.0.1:{attacker.server_address[1]}/?token={token}")
        assert "ds_csrftoken" not in chrome.find_element(By.ID, "cookies").text  # HttpOnly
        chrome.find_element(By.ID, "f").submit()
        assert "Requête refusée" in chrome.find_element(By.TAG_NAME, "h1").text
    finally:
        attacker.shutdown()
        server.stop()
    assert review_log(db) == []
