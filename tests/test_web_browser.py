"""The web interface in a real browser: ``quotetrack serve`` in a subprocess, driven by
headless Chromium through selenium and Debian's chromedriver.

The walk is a fact-checker's: search « jamais vu », open the quote, its article's sheet,
the speaker's dossier, record a review; then, on a read-only server, find no form and
see a forged POST refused. Screenshots of the search page and of the sheet are written
to the test's folder (docs/make_web_screenshots.py copies them into docs/).
"""

from __future__ import annotations

import hashlib
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from quotetrack.indexing import index_paths
from quotetrack.archive.store import open_db

from conftest import ROOT, SEED

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
SEED_META = {"title": "L'Otan annonce de nouvelles mesures", "url": "https://www.example.org/monde/otan-mesures",
             "source": "Le Quotidien", "date": "2022-03-24"}  # fmt: skip
SCREENSHOTS = ("search.png", "sheet.png")

try:
    import selenium  # noqa: F401
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

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
    finally:
        os.chdir(here)
    assert outcome.status == "indexed"
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
                with urllib.request.urlopen(self.url + "/-/versions.json", timeout=2):
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


def test_search_read_the_sheet_and_dossier_and_review(seed_db, tmp_path, chrome):
    db = tmp_path / "quotetrack.db"
    db.write_bytes(seed_db.read_bytes())
    server = Server(db, tmp_path / "serve.log", "--allow-review")
    try:
        chrome.get(server.url + "/quotetrack/quote_view")
        box = chrome.find_element(By.NAME, "_search")
        box.send_keys("jamais vu")
        box.submit()
        (row,) = chrome.find_elements(By.CSS_SELECTOR, "table.rows-and-columns tbody tr")
        assert "Jens Stoltenberg" in row.text
        chrome.save_screenshot(str(tmp_path / "search.png"))

        row.find_element(By.LINK_TEXT, "C'est du jamais vu").click()
        assert chrome.find_element(By.TAG_NAME, "blockquote").text == "C'est du jamais vu"
        quote_url = chrome.current_url

        chrome.find_element(By.ID, "sheet-link").click()
        assert chrome.find_element(By.TAG_NAME, "h1").text == SEED_META["title"]
        marks = chrome.find_elements(By.CSS_SELECTOR, "mark.quote")
        assert len({m.get_attribute("data-quote") for m in marks}) == 11
        chrome.save_screenshot(str(tmp_path / "sheet.png"))
        chrome.back()

        chrome.find_element(By.ID, "dossier-link").click()
        assert chrome.find_element(By.TAG_NAME, "h1").text == "Jens Stoltenberg"
        assert len(chrome.find_elements(By.CSS_SELECTOR, "tr.quote")) == 9
        chrome.get(quote_url)

        chrome.find_element(By.ID, "reviewer").send_keys("Claire Martin")
        Select(chrome.find_element(By.ID, "status")).select_by_value("confirmed")
        chrome.find_element(By.ID, "note").send_keys("Vérifié sur la vidéo du sommet")
        chrome.find_element(By.ID, "review-submit").click()
        assert "Vérification enregistrée par Claire Martin" in chrome.find_element(By.CSS_SELECTOR, ".message-info").text
        assert chrome.find_element(By.CSS_SELECTOR, 'dd[data-field="status"]').text == "confirmée"
    finally:
        server.stop()
    quote_id = quote_url.rsplit("/", 1)[1]
    assert review_log(db) == [
        (quote_id, "status", "unreviewed", "confirmed", "Claire Martin", "review"),
        (quote_id, "notes", None, "Vérifié sur la vidéo du sommet", "Claire Martin", "review"),
    ]
    for name in SCREENSHOTS:
        assert (tmp_path / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_read_only_server_has_no_form_and_refuses_a_forged_post(seed_db, tmp_path, chrome):
    db = tmp_path / "quotetrack.db"
    db.write_bytes(seed_db.read_bytes())
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    server = Server(db, tmp_path / "serve.log")
    try:
        chrome.get(server.url + "/quotetrack/quote_view?_search=jamais+vu")
        chrome.find_element(By.LINK_TEXT, "C'est du jamais vu").click()
        assert chrome.find_elements(By.ID, "review-form") == []
        assert "lecture seule" in chrome.find_element(By.CSS_SELECTOR, ".qt-readonly").text
        # A token Datasette did issue (from another of its forms), then a POST as a forged form would send it.
        chrome.get(server.url + "/-/messages")
        token = chrome.find_element(By.NAME, "csrftoken").get_attribute("value")
        chrome.back()
        status = chrome.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "fetch(location.href, {method: 'POST', credentials: 'same-origin', body: new URLSearchParams("
            "{csrftoken: arguments[0], reviewer: 'Eve', status: 'rejected'})}).then(r => done(r.status));",
            token,
        )
        assert status == 403
        forged = chrome.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "fetch(location.href, {method: 'POST', credentials: 'omit', body: new URLSearchParams("
            "{reviewer: 'Eve', status: 'rejected'})}).then(r => done(r.status));"
        )
        assert forged == 403
    finally:
        server.stop()
    assert review_log(db) == []
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
