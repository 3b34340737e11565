"""The web interface under attack and misuse (issue 23's safety list, issue 25 #3 #4 #8 #10 #15).

In-process through Datasette's client where the server's answer is enough; a real
``quotetrack serve`` in a subprocess where the terminal matters (no traceback for a 404).
"""

from __future__ import annotations

import csv
import io
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from urllib.parse import quote

import pytest
from click.testing import CliRunner

pytest.importorskip("datasette", reason="the web interface needs datasette (pip install 'quotetrack[web]')")

from quotetrack.cli import cli  # noqa: E402
from quotetrack.indexing import index_paths  # noqa: E402
from quotetrack.archive.store import open_db  # noqa: E402
from quotetrack.web import app as web_app  # noqa: E402
from quotetrack.web.accounts import check_password, read_users  # noqa: E402
from quotetrack.web.app import create_app  # noqa: E402
from quotetrack.web.plugin import MAX_TERMS, bounded_terms  # noqa: E402
from quotetrack.web.security import MAX_VALUE  # noqa: E402

from conftest import ROOT, SEED  # noqa: E402
import web_helpers as web  # noqa: E402

SEED_META = {"title": "L'Otan annonce de nouvelles mesures", "source": "Le Quotidien", "date": "2022-03-24"}
FORMULA = '=HYPERLINK("https://exemple.invalid/","cliquez")'
BIDI = "C'est du jamais vu \u202eeuqitilop"


@pytest.fixture(scope="module")
def built_db(tmp_path_factory, spacy_engine):
    path = tmp_path_factory.mktemp("reliable-web") / "quotes.db"
    db = open_db(path)
    (outcome,) = index_paths(db, [str(SEED)], spacy_engine, overrides=SEED_META)
    assert outcome.status == "indexed"
    db.conn.close()
    return path


@pytest.fixture
def db_file(built_db, tmp_path):
    path = tmp_path / "quotes.db"
    shutil.copy(built_db, path)
    return path


def set_text(path, old_prefix: str, text: str) -> str:
    conn = sqlite3.connect(path)
    try:
        (quote_id,) = conn.execute("SELECT id FROM quotes WHERE text LIKE ?", [old_prefix + "%"]).fetchone()
        conn.execute("UPDATE quotes SET text = ? WHERE id = ?", [text, quote_id])
        conn.commit()
        return quote_id
    finally:
        conn.close()


# -- 25 #3: DNS rebinding -------------------------------------------------------------------------
@pytest.mark.parametrize("host, allowed", [
    ("attacker.example", False), ("attacker.example:8001", False), ("127.0.0.1.nip.io", False),
    ("localhost", True), ("127.0.0.1:8001", True), ("[::1]:8001", True), ("redaction.local", True),
])  # fmt: skip
def test_only_this_servers_host_names_are_answered(db_file, host, allowed):
    ds = create_app(db_file, allow_hosts=["redaction.local"])
    response = web.get(ds, "/?q=jamais+vu", headers={"host": host})
    if allowed:
        assert response.status_code == 200 and "jamais vu" in response.text
    else:
        assert response.status_code == 421 and "jamais vu" not in response.text and "csrftoken" not in response.text


# -- same origin, logins ----------------------------------------------------------------------------
@pytest.mark.parametrize("origin", [
    "http://127.0.0.1:9999", "http://localhost:8080", "https://localhost", "http://attacker.example", "null", None,
])  # fmt: skip
def test_a_post_from_another_origin_is_refused(db_file, origin):
    quote_id = set_text(db_file, "C'est du jamais vu", "C'est du jamais vu")
    ds, cookies = web.reviewing_app(db_file)
    token, cookies = web.csrf(ds, f"/-/quotetrack/quote/{quote_id}", cookies)
    response = web.post(ds, f"/-/quotetrack/quote/{quote_id}", {"csrftoken": token, "action": "reject"},
                        cookies=cookies, origin=origin)  # fmt: skip
    assert response.status_code == 403 and "elle ne vient pas" in response.text
    assert web.review_log(db_file, "quote_id, field, reviewer") == []


def test_a_referer_of_this_server_stands_for_a_missing_origin(db_file):
    quote_id = set_text(db_file, "C'est du jamais vu", "C'est du jamais vu")
    ds, cookies = web.reviewing_app(db_file)
    token, cookies = web.csrf(ds, f"/-/quotetrack/quote/{quote_id}", cookies)
    response = web.post(ds, f"/-/quotetrack/quote/{quote_id}", {"csrftoken": token, "action": "confirm"}, cookies=cookies,
                        origin=None, headers={"referer": f"http://localhost/-/quotetrack/quote/{quote_id}"})  # fmt: skip
    assert response.status_code == 302 and web.review_log(db_file, "quote_id, field, reviewer") == [(quote_id, "status", "claire")]


def test_the_csrf_cookie_is_httponly_and_samesite_strict(db_file):
    ds, _ = web.reviewing_app(db_file)
    cookie = web.get(ds, "/-/login").headers["set-cookie"]
    assert cookie.startswith("ds_csrftoken=") and "HttpOnly" in cookie and "SameSite=Strict" in cookie


def test_review_needs_accounts_to_start_and_users_add_hashes_the_password(db_file):
    runner = CliRunner()
    refused = runner.invoke(cli, ["serve", "--db", str(db_file), "--allow-review"])
    assert refused.exit_code == 1 and "quotetrack users add" in refused.output
    added = runner.invoke(cli, ["users", "add", "claire", "--db", str(db_file), "--password-stdin"], input="long secret\n")
    assert added.exit_code == 0, added.output
    (stored,) = read_users(db_file.with_suffix(".users")).values()
    assert "long secret" not in db_file.with_suffix(".users").read_text() and check_password("long secret", stored)
    short = runner.invoke(cli, ["users", "add", "eve", "--db", str(db_file), "--password-stdin"], input="court\n")
    assert short.exit_code == 1 and "trop court" in short.output


def test_binding_beyond_localhost_with_review_warns_about_tls(db_file, monkeypatch):
    monkeypatch.setattr(web_app, "serve", lambda app, host, port: None)
    monkeypatch.setattr(web_app, "check_address", lambda host, port: None)
    CliRunner().invoke(cli, ["users", "add", "claire", "--db", str(db_file), "--password-stdin"], input="long secret\n")
    result = CliRunner().invoke(cli, ["serve", "--db", str(db_file), "--allow-review", "--host", "0.0.0.0"])
    assert result.exit_code == 0, result.output
    assert "sans TLS" in result.output and "--allow-host" in result.output
    named = CliRunner().invoke(cli, ["serve", "--db", str(db_file), "--host", "0.0.0.0", "--allow-host", "redaction.local"])
    assert named.exit_code == 0 and "--allow-host" not in named.output
    quiet = CliRunner().invoke(cli, ["serve", "--db", str(db_file), "--allow-review"])
    assert "sans TLS" not in quiet.output


# -- debug pages, paths ----------------------------------------------------------------------------
DEBUG_PAGES = ("/-/metadata", "/-/metadata.json", "/-/databases.json", "/-/messages", "/-/allow-debug",
               "/-/threads.json", "/-/permissions", "/-/actor.json", "/-/plugins.json", "/-/settings.json",
               "/-/config.json", "/-/versions.json", "/-/patterns")  # fmt: skip


@pytest.mark.parametrize("path", DEBUG_PAGES)
def test_datasettes_debug_pages_answer_404(db_file, path):
    response = web.get(create_app(db_file), path)
    assert response.status_code == 404 and "Page introuvable" in response.text


def test_no_page_json_or_error_names_the_databases_path(db_file):
    ds, cookies = web.reviewing_app(db_file)
    folder = str(db_file.resolve().parent)
    quote_id = set_text(db_file, "C'est du jamais vu", "C'est du jamais vu")
    paths = ["/", "/?q=jamais+vu", "/quotes", "/quotes.json", "/quotes/articles", "/quotes/articles.json",
             "/quotes/quote_view.json", f"/-/quotetrack/quote/{quote_id}", "/quotes/articles_indexes.json", "/-/quotetrack/article/ffffffffffff",
             "/-/quotetrack/article/nope.txt", "/-/quotetrack/speaker/Personne", "/quotes/nope", "/nope.json",
             "/-/quotetrack/a-verifier", "/-/quotetrack/locuteur/1", "/-/quotetrack/locuteurs.json?q=jens",
             "/quotes/qui_a_dit_quoi.json?mots=otan&locuteur=&depuis=&jusqu_au=", "/quotes/articles.csv",
             "/-/metadata.json", "/-/databases.json", "/quotes/quote_view?_sort=nope"]  # fmt: skip
    for path in paths:
        response = web.get(ds, path, cookies)
        assert folder not in response.text and "seeds/" not in response.text, path
    article = web.get(ds, "/-/quotetrack/article/nope.txt")
    assert article.status_code == 404 and "Aucun article n&#39;a cet identifiant" in article.text


def test_the_sql_editor_is_off_unless_serve_sql(db_file):
    statement = "/quotes.json?sql=" + quote("select 1 as one")
    assert web.get(create_app(db_file), statement).status_code == 403
    assert "Requête SQL" not in web.get(create_app(db_file), "/quotes").text
    assert web.get(create_app(db_file, allow_sql=True), statement).json()["rows"] == [[1]]


def test_full_text_queries_are_bounded(db_file):
    """25 #10: quotetrack builds every MATCH itself, from at most MAX_TERMS words, and no
    query value is longer than MAX_VALUE characters."""
    assert len(bounded_terms("ab " * 5000).split()) == MAX_TERMS
    ds = create_app(db_file)
    many = "ab " * 300  # under MAX_VALUE characters, far over MAX_TERMS words
    started = time.monotonic()
    for path in ("/quotes/qui_a_dit_quoi?locuteur=&depuis=&jusqu_au=&mots=", "/quotes/quote_view?_search=", "/?q="):
        assert web.get(ds, path + quote(many)).status_code == 200, path
    elapsed = time.monotonic() - started
    assert elapsed < 30  # a bound, not a benchmark: unbounded, this took minutes
    too_long = web.get(ds, "/?q=" + "a" * (MAX_VALUE + 1))
    assert too_long.status_code == 400 and "Requête trop longue" in too_long.text


# -- 25 #4: CSV ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("path", [
    "/quotes/quote_view.csv", "/quotes/quotes.csv?_stream=on", "/quotes/quote_view.csv?_dl=1",
    "/quotes/qui_a_dit_quoi.csv?mots=hyperlink&locuteur=&depuis=&jusqu_au=",
])  # fmt: skip
def test_csv_served_by_the_web_carries_the_formula_prefix(db_file, path):
    set_text(db_file, "C'est du jamais vu", FORMULA)
    response = web.get(create_app(db_file), path)
    assert response.status_code == 200
    cells = [cell for row in csv.reader(io.StringIO(response.text)) for cell in row]
    assert "'" + FORMULA in cells and FORMULA not in cells


# -- 25 #8: the database moved --------------------------------------------------------------------------
@pytest.mark.parametrize("change", ["moved", "deleted", "replaced"])
def test_a_review_after_the_database_moved_creates_no_new_database(db_file, change):
    quote_id = set_text(db_file, "C'est du jamais vu", "C'est du jamais vu")
    ds, cookies = web.reviewing_app(db_file)
    token, cookies = web.csrf(ds, f"/-/quotetrack/quote/{quote_id}", cookies)
    moved = db_file.with_name("ailleurs.db")
    db_file.rename(moved)
    if change == "deleted":
        moved.unlink()
    if change == "replaced":
        shutil.copy(moved, db_file)
    response = web.post(ds, f"/-/quotetrack/quote/{quote_id}", {"csrftoken": token, "action": "reject"}, cookies=cookies)
    assert response.status_code == 503 and "déplacée ou remplacée" in response.text
    assert db_file.exists() == (change == "replaced")
    for path in (db_file, moved):
        if path.exists():
            assert web.review_log(path, "quote_id, field, reviewer") == []


# -- 25 #15: bidi controls ----------------------------------------------------------------------------
@pytest.mark.parametrize("path", ["/-/quotetrack/quote/{id}", "/quotes/quote_view", "/quotes/quotes", "/?q=jamais+vu",
                                  "/-/quotetrack/a-verifier", "/-/quotetrack/locuteur/1"])  # fmt: skip
def test_bidi_controls_are_shown_escaped(db_file, path):
    quote_id = set_text(db_file, "C'est du jamais vu", BIDI)
    response = web.get(create_app(db_file), path.format(id=quote_id))
    assert response.status_code == 200
    assert "\u202e" not in response.text and "&lt;U+202E&gt;" in response.text


# -- malformed paths, on a real server -------------------------------------------------------------------
MALFORMED = ("/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/quotes/%00", "/quotes/quote_view/%ff", "//",
             "/-/quotetrack/quote/%25", "/-/quotetrack/article/..%2f..%2fetc%2fpasswd", "/nope", "/nope.json",
             "/quotes/nope", "/quotes/quote_view/nope/nope", "/-/quotetrack/speaker/%ff%fe", "/q/!!!",
             "/-/static/../../app.py", "/quotes/quotes/abc", "/quotes/quotes/abc.json", "/-/quotetrack/locuteur/abc",
             "/-/quotetrack/nope", "/quotes/speakers/999999", "/quotes/%E2%80%AE", "/%", "/-/metadata.json")  # fmt: skip


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


def test_malformed_paths_answer_a_french_404_and_no_traceback(db_file, tmp_path):
    port = free_port()
    log = tmp_path / "serve.log"
    server = subprocess.Popen([sys.executable, "-m", "quotetrack", "serve", "--db", str(db_file), "--port", str(port)],
                              cwd=ROOT, stdout=log.open("wb"), stderr=subprocess.STDOUT)  # fmt: skip
    try:
        for _ in range(150):
            try:
                fetch(f"http://127.0.0.1:{port}/")
                break
            except OSError:
                time.sleep(0.2)
        assert len(MALFORMED) >= 20
        for path in MALFORMED:
            # urllib would clean ../ up: the raw path goes out as written
            status, body = fetch(f"http://127.0.0.1:{port}" + path) if ".." not in path else raw_get(port, path)
            assert status == 404, (path, status)
            assert "Page introuvable" in body or "Introuvable" in body or "n'existe pas" in body, path
            assert "Traceback" not in body and "Error 404" not in body
    finally:
        server.terminate()
        server.wait(timeout=10)
    output = log.read_text(errors="replace")
    assert "Traceback" not in output and "Error" not in output, output


def raw_get(port: int, path: str) -> tuple[int, str]:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while chunk := connection.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split()[1]), body.decode("utf-8", "replace")
