"""The web interface in-process: Datasette's own client (httpx) on a temporary database.

Pages are parsed (BeautifulSoup) and checked for what a fact-checker sees: titles,
facets, search results, links, error pages, the review form and what a POST writes.
The browser test, over a real server, is tests/test_web_browser.py.
"""

from __future__ import annotations

import asyncio
import hashlib
import shutil
import socket
import sqlite3
import subprocess
import sys
import zipfile
from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

pytest.importorskip("datasette", reason="the web interface needs datasette (pip install 'quotetrack[web]')")

from quotetrack.printing import environment, sheets  # noqa: E402
from quotetrack.web.accounts import add_user  # noqa: E402
from quotetrack.cli import cli  # noqa: E402
from quotetrack.indexing import index_paths  # noqa: E402
from quotetrack.archive.search import search  # noqa: E402
from quotetrack.archive.schema import MIGRATIONS  # noqa: E402
from quotetrack.archive.database_file import DatabaseUnavailable  # noqa: E402
from quotetrack.archive.reviews import review_quote  # noqa: E402
from quotetrack.archive.store import open_db  # noqa: E402
from quotetrack.web import app as web_app  # noqa: E402
from quotetrack.web.app import WebUnavailable, create_app  # noqa: E402

from conftest import ROOT, SEED  # noqa: E402
import web_helpers as web  # noqa: E402

SEED_META = {"title": "L'Otan annonce de nouvelles mesures", "url": "https://www.example.org/monde/otan-mesures",
             "source": "Le Quotidien", "date": "2022-03-24"}  # fmt: skip
# The seed's « C'est du jamais vu », published four days earlier by another outlet.
EARLIER = """---
title: "Les renforts alliés à l'Est"
date: 2022-03-20
source: La Gazette
url: https://www.example.org/gazette/renforts
---
« C'est du jamais vu », a déclaré Jens Stoltenberg devant la presse à Bruxelles.

Le ministre Sébastien Lecornu a estimé que « les alliés devront tenir dans la durée ».
"""


@pytest.fixture(scope="module")
def built_db(tmp_path_factory, spacy_engine):
    folder = tmp_path_factory.mktemp("web")
    path = folder / "quotes.db"
    (folder / "renforts.md").write_text(EARLIER, encoding="utf-8")
    db = open_db(path)
    outcomes = list(index_paths(db, [str(SEED)], spacy_engine, overrides=SEED_META))
    outcomes += index_paths(db, [str(folder / "renforts.md")], spacy_engine)
    assert [o.status for o in outcomes] == ["indexed", "indexed"], outcomes
    db.conn.close()
    return path


@pytest.fixture
def db_file(built_db, tmp_path):
    """A fresh copy for each test, so reviews in one do not show in another."""
    path = tmp_path / "quotes.db"
    shutil.copy(built_db, path)
    return path


def get(ds, path, **kwargs):
    return asyncio.run(ds.client.get(path, **kwargs))


def post(ds, path, **kwargs):
    return asyncio.run(ds.client.post(path, **kwargs))


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.text, "html5lib")


def rows(ds, path) -> list[dict]:
    response = get(ds, path + ("&" if "?" in path else "?") + "_shape=array")
    assert response.status_code == 200, response.text
    return response.json()


def the_quote(path, text) -> dict:
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        (row,) = conn.execute(
            "SELECT q.*, a.published FROM quotes q JOIN articles a ON a.id = q.article_id"
            " WHERE q.text = ? ORDER BY a.published DESC LIMIT 1", [text]).fetchall()  # fmt: skip
        return dict(row)
    finally:
        conn.close()


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# -- metadata ------------------------------------------------------------------------------
def test_quote_view_has_french_title_facets_and_newest_first(db_file):
    ds = create_app(db_file)
    plain = soup(get(ds, "/quotes/quote_view"))
    assert plain.select(".facet-info") == []  # counted on request only: 300 ms at 50,000 quotes
    page = soup(get(ds, "/quotes/quote_view" + plain.select_one(".metadata-description a")["href"]))
    assert page.find("h1").get_text(strip=True).startswith("Citations")
    assert "Qui a dit quoi, quand et où" in page.get_text()
    facets = {f["data-column"] for f in page.select(".facet-info")}
    assert facets == {"speaker", "source", "kind", "status", "mois"}
    dates = [row["said_on"] for row in rows(ds, "/quotes/quote_view.json?_size=max")]
    assert dates == sorted(dates, reverse=True) and dates[0] == "2022-03-24" and dates[-1] == "2022-03-20"


def test_column_descriptions_are_french(db_file):
    page = soup(get(create_app(db_file), "/quotes/quote_view"))
    descriptions = {dt.get_text(strip=True): dt.find_next("dd").get_text(strip=True)
                    for dt in page.select("dl.column-descriptions dt")}  # fmt: skip
    assert descriptions["locuteur"] == "Le locuteur (ouvre son dossier)"
    assert descriptions["média"] == "Le média"


def test_internals_are_hidden(db_file):
    page = soup(get(create_app(db_file), "/quotes"))
    listed = {a["href"].rsplit("/", 1)[1] for a in page.select("div.db-table h3 a")}
    assert {"quotes", "speakers", "review_log"} <= listed
    assert not {name for name in listed if "fts" in name or "migrations" in name}
    assert "articles" not in listed  # its paths are no page's business: the « Articles » query instead
    assert get(create_app(db_file), "/quotes/articles").status_code == 403
    views = {a.get_text(strip=True) for a in page.find("h2", string="Vues").find_next("ul").find_all("a")}
    assert views == {"Citations"}


def test_month_facet_filters_by_month(db_file):
    ds = create_app(db_file)
    page = soup(get(ds, "/quotes/quote_view?_facet_month=said_on"))
    months = {li.find("a").get_text(strip=True): li for li in page.select('.facet-info[data-column="mois"] li')}
    assert set(months) == {"2022-03"}
    assert "said_on__startswith=2022-03" in months["2022-03"].find("a")["href"]
    assert {r["said_on"][:7] for r in rows(ds, "/quotes/quote_view.json?said_on__startswith=2022-03")} == {"2022-03"}


# -- search ------------------------------------------------------------------------------------
@pytest.mark.parametrize("table", ["quote_view", "quotes"])
@pytest.mark.parametrize("words, expected", [
    ("jamais vu", {"C'est du jamais vu"}),
    ("JAMAIS VU", {"C'est du jamais vu"}),
    ("securite paie", {"La sécurité se paie. En faire plus coûte plus cher"}),
])  # fmt: skip
def test_search_is_accent_insensitive(db_file, table, words, expected):
    found = {row["text"] for row in rows(create_app(db_file), f"/quotes/{table}.json?_search={quote(words)}")}
    assert found == expected


@pytest.mark.parametrize("words", ["l'otan \"", "otan AND", "Stolt*", "SÉCURITÉ", "Zelensky OR paie"])
def test_search_finds_what_the_command_line_finds(db_file, words):
    """Text that is not valid FTS5 (a stray quote, a bare AND) is searched literally, no error."""
    expected = {row["id"] for row in search(open_db(db_file), words, limit=None)}
    assert expected or words == "otan AND"
    for table in ("quote_view", "quotes"):
        assert {row["id"] for row in rows(create_app(db_file), f"/quotes/{table}.json?_search={quote(words)}&_size=max")} == expected


def test_quote_view_search_box_keeps_the_words(db_file):
    page = soup(get(create_app(db_file), "/quotes/quote_view?_search=jamais+vu"))
    assert page.find("input", {"name": "_search"})["value"] == "jamais vu"
    assert len(page.select("table.rows-and-columns tbody tr")) == 2


@pytest.mark.parametrize("params, expected", [
    ({"mots": "jamais vu"}, [("C'est du jamais vu", "2022-03-24"), ("C'est du jamais vu", "2022-03-20")]),
    ({"mots": "jamais vu", "depuis": "2022-03-21"}, [("C'est du jamais vu", "2022-03-24")]),
    ({"mots": "jamais vu", "jusqu_au": "2022-03-20"}, [("C'est du jamais vu", "2022-03-20")]),
    ({"mots": "jamais vu", "jusqu_au": "2022-02"}, []),
    ({"mots": "durée", "locuteur": "lecornu"}, [("les alliés devront tenir dans la durée", "2022-03-20")]),
    ({"mots": "duree", "locuteur": "Stoltenberg"}, []),
    ({"mots": "", "locuteur": "Zelensky"}, [("l'importance vitale de fournir davantage d'assistance militaire à son pays", "2022-03-24")]),
])  # fmt: skip
def test_who_said_what(db_file, params, expected):
    query = "&".join(f"{k}={quote(params.get(k, ''))}" for k in ("mots", "locuteur", "depuis", "jusqu_au"))
    found = rows(create_app(db_file), f"/quotes/qui_a_dit_quoi.json?{query}")
    assert [(row["citation"], row["date"]) for row in found] == expected


def test_quotes_of_a_speaker_by_last_name(db_file):
    found = rows(create_app(db_file), "/quotes/citations_d_un_locuteur.json?locuteur=stoltenberg")
    assert {row["locuteur"] for row in found} == {"Jens Stoltenberg"}
    assert len(found) == 10  # nine in the seed, one in the earlier article
    assert [row["date"] for row in found] == sorted((row["date"] for row in found), reverse=True)


def test_to_check_lists_unreviewed_lowest_confidence_first(db_file):
    ds = create_app(db_file)
    before = rows(ds, "/quotes/a_verifier.json")
    assert [row["confiance"] for row in before] == sorted(row["confiance"] for row in before)
    reviewed = before[0]["id"]
    CliRunner().invoke(cli, ["review", reviewed, "--status", "confirmed", "--reviewer", "Test", "--db", str(db_file)])
    after = rows(ds, "/quotes/a_verifier.json")
    assert reviewed not in {row["id"] for row in after} and len(after) == len(before) - 1


def test_first_appearances_earliest_first(db_file):
    quote_id = the_quote(db_file, "C'est du jamais vu")["id"]
    found = rows(create_app(db_file), f"/quotes/premieres_apparitions.json?citation={quote_id}")
    assert [(row["date"], row["media"]) for row in found] == [("2022-03-20", "La Gazette"), ("2022-03-24", "Le Quotidien")]
    assert rows(create_app(db_file), "/quotes/premieres_apparitions.json?citation=ffffffffffff") == []


# -- links and pages -------------------------------------------------------------------------------
def test_rows_link_to_quote_sheet_and_dossier(db_file):
    quote_row = the_quote(db_file, "C'est du jamais vu")
    page = soup(get(create_app(db_file), "/quotes/quote_view?_search=jamais+vu&said_on=2022-03-24"))
    (row,) = page.select("table.rows-and-columns tbody tr")
    hrefs = {a.get_text(strip=True): a["href"] for a in row.find_all("a")}
    assert hrefs["C'est du jamais vu"] == f"/-/quotetrack/quote/{quote_row['id']}"
    assert hrefs["Jens Stoltenberg"] == "/-/quotetrack/speaker/Jens%20Stoltenberg"
    assert hrefs[f"fiche {quote_row['article_id'][:12]}"] == f"/-/quotetrack/article/{quote_row['article_id']}"


def test_canned_query_rows_link_too(db_file):
    quote_row = the_quote(db_file, "C'est du jamais vu")
    page = soup(get(create_app(db_file), "/quotes/qui_a_dit_quoi?mots=jamais+vu&locuteur=&depuis=2022-03-24&jusqu_au="))
    links = {a["href"] for a in page.select("table.rows-and-columns tbody a")}
    assert {f"/-/quotetrack/quote/{quote_row['id']}", f"/-/quotetrack/article/{quote_row['article_id']}",
            "/-/quotetrack/speaker/Jens%20Stoltenberg"} <= links  # fmt: skip


def test_article_sheet_is_the_report_with_the_templates_override(db_file, tmp_path):
    templates = tmp_path / "house"
    templates.mkdir()
    # A newsroom's own article.html: the built-in one with a line of its own.
    (templates / "article.html").write_text(
        (environment.builtin_templates() / "article.html").read_text(encoding="utf-8").replace(
            "{% block content %}", '{% block content %}<p id="house">Service vérification</p>', 1), encoding="utf-8")  # fmt: skip
    article_id = the_quote(db_file, "C'est du jamais vu")["article_id"]
    response = get(create_app(db_file, templates=templates, organization="La Rédaction"), f"/-/quotetrack/article/{article_id}?layout=full")
    assert response.status_code == 200
    page = soup(response)
    assert page.find(id="house").get_text() == "Service vérification"
    assert "La Rédaction" in page.select_one("p.kicker").get_text()
    db = open_db(db_file)
    expected = BeautifulSoup(sheets.article_sheet(db, article_id, templates=templates, organization="La Rédaction"), "html5lib")
    assert [m["data-quote"] for m in page.select("mark.quote")] == [m["data-quote"] for m in expected.select("mark.quote")]
    assert len(page.select("tr.quote")) == len(expected.select("tr.quote")) == 11  # the compact layout


def test_speaker_dossier_page(db_file):
    response = get(create_app(db_file), "/-/quotetrack/speaker/Jens%20Stoltenberg")
    assert response.status_code == 200
    page = soup(response)
    assert page.find("h1").get_text(strip=True) == "Jens Stoltenberg"
    assert len(page.select("tr.quote")) == 10


def test_quote_page_shows_the_quote_links_and_appearances(db_file):
    quote_row = the_quote(db_file, "C'est du jamais vu")
    page = soup(get(create_app(db_file), f"/-/quotetrack/quote/{quote_row['id']}"))
    assert page.find("blockquote").get_text(strip=True) == "C'est du jamais vu"
    assert page.find(id="sheet-link")["href"] == f"/-/quotetrack/article/{quote_row['article_id']}"
    assert page.find(id="dossier-link")["href"] == "/-/quotetrack/speaker/Jens%20Stoltenberg"
    (earlier,) = page.select(".qt-appearances li")
    assert earlier.get_text().startswith("2022-03-20 · La Gazette")
    assert "incise" in page.get_text()  # the reason, in French (extract.reasons)


@pytest.mark.parametrize("path, message", [
    ("/-/quotetrack/quote/ffffffffffff", "Aucune citation n'a cet identifiant"),
    ("/-/quotetrack/quote/abc", "Aucune citation n'a cet identifiant"),
    ("/-/quotetrack/article/ffffffffffff", "Aucun article n'a cet identifiant"),
    ("/-/quotetrack/speaker/Personne%20Inconnue", "Aucun locuteur n'a ce nom"),
    ("/-/quotetrack/locuteur/999999", "Aucun locuteur n'a cet identifiant"),
])  # fmt: skip
def test_unknown_ids_give_a_datasette_404_page(db_file, path, message):
    response = get(create_app(db_file), path)
    assert response.status_code == 404
    page = soup(response)
    assert page.find("h1").get_text(strip=True) == "Introuvable"
    assert message in page.select_one("section.content").get_text()
    assert "Traceback" not in response.text


def test_missing_database_gives_an_error_page(db_file):
    ds = create_app(db_file)
    db_file.unlink()
    response = get(ds, "/-/quotetrack/speaker/Jens%20Stoltenberg")
    assert response.status_code == 503
    assert soup(response).find("h1").get_text(strip=True) == "Base indisponible"
    assert "Traceback" not in response.text


@pytest.mark.slow
def test_locked_database_gives_an_error_page(db_file):
    """Another process holding the file exclusively: an error page (after SQLite's 5 s wait)."""
    ds = create_app(db_file)
    holder = sqlite3.connect(db_file, isolation_level=None)
    holder.execute("PRAGMA journal_mode = DELETE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        response = get(ds, "/-/quotetrack/speaker/Jens%20Stoltenberg")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert response.status_code == 503
    assert "verrouillée" in soup(response).select_one("section.content").get_text()


# -- reviews -------------------------------------------------------------------------------------
def test_review_from_the_browser_writes_what_the_cli_writes(db_file, tmp_path):
    quote_id = the_quote(db_file, "C'est du jamais vu")["id"]
    twin = tmp_path / "twin.db"
    shutil.copy(db_file, twin)
    ds, cookies = web.reviewing_app(db_file, "claire")
    form = web.soup(web.get(ds, f"/-/quotetrack/quote/{quote_id}", cookies)).find("form", id="review-form")
    assert form["action"] == f"/-/quotetrack/quote/{quote_id}"
    response = web.review(ds, cookies, quote_id, action="form", status="confirmed", note="Vérifié sur la vidéo",
                          reviewer="Quelqu'un d'autre")  # fmt: skip
    assert response.status_code == 302 and response.headers["location"] == f"/-/quotetrack/quote/{quote_id}"
    result = CliRunner().invoke(cli, ["review", quote_id, "--status", "confirmed", "--note", "Vérifié sur la vidéo",
                                      "--reviewer", "claire", "--db", str(twin)])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert web.review_log(db_file) == web.review_log(twin) == [
        (quote_id, "status", "unreviewed", "confirmed", "claire", "review"),
        (quote_id, "notes", None, "Vérifié sur la vidéo", "claire", "review"),
    ]
    page = soup(get(ds, f"/-/quotetrack/quote/{quote_id}"))
    assert page.find("dd", {"data-field": "status"}).get_text() == "confirmée"
    assert [td.get_text() for td in page.select(".qt-history tbody tr")[0].find_all("td")][1:] == [
        "claire", "statut", "à vérifier", "confirmée"]


@pytest.mark.parametrize("fields, status, changed", [
    ({"action": "confirm"}, "confirmed", ["status"]),
    ({"action": "reject"}, "rejected", ["status"]),
    ({"action": "text", "text": "C'est du jamais-vu"}, "corrected", ["status", "text"]),
    ({"action": "speaker", "speaker": "Sébastien Lecornu"}, "misattributed", ["status", "speaker"]),
])  # fmt: skip
def test_one_click_reviews_name_what_the_reviewer_did(db_file, fields, status, changed):
    quote_id = the_quote(db_file, "C'est du jamais vu")["id"]
    ds, cookies = web.reviewing_app(db_file)
    response = web.review(ds, cookies, quote_id, **fields)
    assert response.status_code == 302
    assert [entry[1] for entry in web.review_log(db_file)] == changed
    assert {entry[4] for entry in web.review_log(db_file)} == {"claire"}
    conn = sqlite3.connect(db_file)
    (found,) = conn.execute("SELECT status FROM quotes WHERE id = ?", [quote_id]).fetchone()
    assert found == status


def test_a_corrected_speaker_brings_its_own_role(db_file):
    quote_id = the_quote(db_file, "C'est du jamais vu")["id"]
    ds, cookies = web.reviewing_app(db_file)
    web.review(ds, cookies, quote_id, action="speaker", speaker="Sébastien Lecornu")
    conn = sqlite3.connect(db_file)
    role, speaker_role = conn.execute("SELECT q.role, s.role FROM quotes q JOIN speakers s ON s.id = q.speaker_id"
                                      " WHERE q.id = ?", [quote_id]).fetchone()  # fmt: skip
    assert role == speaker_role


def test_an_unknown_speaker_is_created_only_after_a_confirmation(db_file):
    quote_id = the_quote(db_file, "C'est du jamais vu")["id"]
    ds, cookies = web.reviewing_app(db_file)
    response = web.review(ds, cookies, quote_id, action="speaker", speaker="Personne Inventée")
    assert response.status_code == 200 and "Créer « Personne Inventée »" in response.text
    assert web.review_log(db_file) == []
    response = web.review(ds, cookies, quote_id, action="speaker", speaker="Personne Inventée", confirm_new="1")
    assert response.status_code == 302
    assert web.review_log(db_file)[-1][1:4] == ("speaker", "Jens Stoltenberg", "Personne Inventée")


def test_the_speaker_field_completes_over_existing_speakers(db_file):
    found = web.get(create_app(db_file), "/-/quotetrack/locuteurs.json?q=stolt").json()
    assert [row["name"] for row in found] == ["Jens Stoltenberg"]
    assert web.get(create_app(db_file), "/-/quotetrack/locuteurs.json?q=s").json() == []


@pytest.mark.parametrize("fields, message", [
    ({"action": "form", "status": "vrai"}, "Vérification refusée"),
    ({"action": "speaker", "speaker": " "}, "Indiquez le locuteur"),
])  # fmt: skip
def test_bad_review_is_refused_with_a_message(db_file, fields, message):
    quote_id = the_quote(db_file, "C'est du jamais vu")["id"]
    ds, cookies = web.reviewing_app(db_file)
    response = web.review(ds, cookies, quote_id, **fields)
    assert response.status_code == 302
    assert web.review_log(db_file) == []
    followed = web.get(ds, response.headers["location"], {**cookies, "ds_messages": response.cookies["ds_messages"]})
    assert message in soup(followed).select_one(".message-error").get_text()


@pytest.mark.parametrize("cookies, token", [
    ({}, None),  # no cookie at all: Datasette's check would let it through, ours does not
    ({}, "forged"),
    ({"ds_csrftoken": "forged"}, "forged"),
])  # fmt: skip
def test_review_without_a_valid_csrf_token_is_refused(db_file, cookies, token):
    quote_id = the_quote(db_file, "C'est du jamais vu")["id"]
    ds, logged_in = web.reviewing_app(db_file)
    data = {"action": "reject", **({"csrftoken": token} if token else {})}
    response = web.post(ds, f"/-/quotetrack/quote/{quote_id}", data, cookies={"ds_actor": logged_in["ds_actor"], **cookies})
    assert response.status_code == 403
    assert web.review_log(db_file) == []


def test_review_without_a_login_is_refused(db_file):
    quote_id = the_quote(db_file, "C'est du jamais vu")["id"]
    ds, _ = web.reviewing_app(db_file)
    assert web.soup(web.get(ds, f"/-/quotetrack/quote/{quote_id}")).find("form", id="review-form") is None
    response = web.post(ds, f"/-/quotetrack/quote/{quote_id}", {"action": "reject", "reviewer": "Eve"})
    assert response.status_code == 401 and "Connectez-vous" in response.text
    assert web.review_log(db_file) == []


def test_a_wrong_password_logs_nobody_in(db_file):
    ds, _ = web.reviewing_app(db_file)
    token, cookies = web.csrf(ds)
    response = web.post(ds, "/-/login", {"csrftoken": token, "name": "claire", "password": "faux"}, cookies=cookies)
    assert response.status_code == 401 and "ds_actor" not in response.cookies


def test_read_only_server_has_no_form_refuses_posts_and_never_writes(db_file):
    quote_id = the_quote(db_file, "C'est du jamais vu")["id"]
    before = digest(db_file)
    ds = create_app(db_file)
    page = soup(get(ds, f"/-/quotetrack/quote/{quote_id}"))
    assert page.find("form", id="review-form") is None
    assert "lecture seule" in page.select_one(".qt-readonly").get_text()
    response = web.post(ds, f"/-/quotetrack/quote/{quote_id}", {"action": "reject", "reviewer": "Eve"})
    assert response.status_code == 403
    assert "lecture seule" in soup(response).select_one("section.content").get_text()
    for path in ("/quotes/quote_view?_search=jamais", "/quotes/a_verifier", f"/-/quotetrack/quote/{quote_id}",
                 "/-/quotetrack/speaker/Stoltenberg", "/quotes/qui_a_dit_quoi?mots=otan&locuteur=&depuis=&jusqu_au=",
                 "/?q=otan", "/-/quotetrack/a-verifier"):
        assert get(ds, path).status_code == 200, path  # fmt: skip
    writes = asyncio.run(ds.get_database().execute_fn(lambda conn: conn.execute("PRAGMA query_only").fetchone()[0]))
    assert writes == 1
    assert web.review_log(db_file) == [] and digest(db_file) == before


def test_custom_sql_cannot_write_even_with_a_write_statement(db_file):
    before = digest(db_file)
    response = get(create_app(db_file, allow_sql=True), "/quotes.json?sql=" + quote("UPDATE quotes SET status = 'rejected'"))
    assert response.status_code == 400
    assert digest(db_file) == before


# -- starting it -------------------------------------------------------------------------------------
def test_create_app_refuses_a_missing_a_foreign_or_an_old_database(tmp_path):
    with pytest.raises(DatabaseUnavailable, match="aucune base de données à cet endroit"):
        create_app(tmp_path / "absent.db")
    (tmp_path / "notes.db").write_text("pas une base", encoding="utf-8")
    with pytest.raises(DatabaseUnavailable, match="not a quotetrack database"):
        create_app(tmp_path / "notes.db")
    import sqlite_utils

    old = sqlite_utils.Database(tmp_path / "old.db")
    MIGRATIONS.apply(old, stop_before="m003_review")
    old.conn.close()
    with pytest.raises(DatabaseUnavailable, match="missing m003_review"):
        create_app(tmp_path / "old.db")


def test_serve_without_datasette_says_how_to_install_it(db_file, monkeypatch):
    monkeypatch.setitem(sys.modules, "datasette.app", None)
    with pytest.raises(WebUnavailable):
        create_app(db_file)
    result = CliRunner().invoke(cli, ["serve", "--db", str(db_file)])
    assert result.exit_code == 1
    assert result.output.strip() == "Erreur : the web interface needs Datasette: pip install 'quotetrack[web]'"


def test_serve_with_a_missing_database_is_one_line(tmp_path):
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "absent.db")])
    assert result.exit_code == 1
    assert len(result.output.strip().splitlines()) == 1 and "aucune base de données à cet endroit" in result.output


def test_serve_on_a_busy_port_is_one_line(db_file):
    with socket.create_server(("127.0.0.1", 0)) as busy:
        port = busy.getsockname()[1]
        result = CliRunner().invoke(cli, ["serve", "--db", str(db_file), "--port", str(port)])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [f"Erreur : cannot listen on 127.0.0.1:{port}: Address already in use"]


def test_serve_passes_its_options_to_the_server(db_file, monkeypatch):
    started = {}
    monkeypatch.setattr(web_app, "serve", lambda app, host, port: started.update(app=app, host=host, port=port))
    add_user(db_file.with_suffix(".users"), "claire", "un mot de passe")
    result = CliRunner().invoke(cli, ["serve", "--db", str(db_file), "--port", "8123", "--allow-review",
                                      "--organization", "La Rédaction"])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert (started["host"], started["port"]) == ("127.0.0.1", 8123)
    config = started["app"].plugin_config("quotetrack")
    assert (config["allow_review"], config["organization"], config["path"]) == (True, "La Rédaction", str(db_file.resolve()))


def test_wheel_ships_the_web_templates(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path)],
        check=True, capture_output=True,
    )  # fmt: skip
    (wheel,) = tmp_path.glob("quotetrack-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert {"quotetrack/web/templates/quotetrack_quote.html", "quotetrack/web/plugin.py"} <= set(names)


def test_home_page_is_the_who_said_box_and_links_to_the_data(db_file):
    ds = create_app(db_file)
    page = soup(get(ds, "/"))
    assert page.find("h1").get_text(strip=True) == "Qui a dit… ?" and page.find("input", {"name": "q"})
    links = {a.get_text(strip=True): a["href"] for a in page.select("header a")}
    assert links["Données"] == "/quotes" and links["À vérifier"] == "/-/quotetrack/a-verifier"
    for href in links.values():
        assert get(ds, href).status_code == 200, href


def test_results_and_the_queue_come_a_page_at_a_time(db_file, monkeypatch):
    from quotetrack.web import front, review_pages

    monkeypatch.setattr(front, "PAGE_SIZE", 3)
    monkeypatch.setattr(review_pages, "QUEUE_SIZE", 4)
    ds = create_app(db_file)
    first = soup(get(ds, "/?q=stoltenberg&type=direct"))
    assert len(first.select("li.qt-card")) == 3
    following = first.find("a", string="Page suivante →")["href"]
    assert "type=direct" in following and "page=2" in following
    second = soup(get(ds, following))
    assert {c["data-quote"] for c in second.select("li.qt-card")}.isdisjoint({c["data-quote"] for c in first.select("li.qt-card")})
    queue = soup(get(ds, "/-/quotetrack/a-verifier"))
    reasons = [node.get_text() for node in queue.select("li.qt-card .qt-reason")]
    assert len(reasons) == 4 and queue.find("a", id="next-page")["href"] == "?page=2"
    confidences = [the_quote(db_file, node.find("blockquote").get_text()[2:-2])["confidence"] for node in queue.select("li.qt-card")]
    assert confidences == sorted(confidences)  # the least sure first (every seed quote has a speaker)
    assert all(reason.startswith("confiance 0,") and " : " in reason for reason in reasons)  # then why that speaker


def test_the_sheet_in_the_browser_is_the_summary_with_links_to_each_quote_and_a_way_back(db_file):
    ds = create_app(db_file)
    quote_row = the_quote(db_file, "C'est du jamais vu")
    page = soup(get(ds, f"/-/quotetrack/article/{quote_row['article_id']}"))
    assert page.select_one("nav.qt-back a")["href"] == "/"
    links = {a["href"] for a in page.select("tr.quote a")}
    assert f"/q/{quote_row['id'][:10]}" in links and len(links) == len(page.select("tr.quote"))
    opened = get(ds, f"/q/{quote_row['id'][:10]}")
    assert opened.status_code == 302 and opened.headers["location"] == f"/-/quotetrack/quote/{quote_row['id'][:10]}"
    assert soup(get(ds, opened.headers["location"])).find("blockquote").get_text() == "C'est du jamais vu"
    assert "Fichier" not in soup(get(ds, f"/-/quotetrack/article/{quote_row['article_id']}?layout=full")).get_text()


def test_a_logged_in_reviewer_confirms_or_rejects_from_the_sheet_in_one_click(db_file):
    quote_row = the_quote(db_file, "C'est du jamais vu")
    ds, cookies = web.reviewing_app(db_file)
    sheet = f"/-/quotetrack/article/{quote_row['article_id']}"
    assert soup(get(ds, sheet)).select("button.qt-reject") == []  # no login, no button
    response = web.get(ds, sheet, cookies)
    row = soup(response).find("tr", {"data-quote": quote_row["id"]})
    form = row.find("button", class_="qt-reject").find_parent("form")
    data = {field["name"]: field["value"] for field in form.find_all("input")}
    jar = {**cookies, "ds_csrftoken": response.cookies.get("ds_csrftoken") or cookies["ds_csrftoken"]}
    done = web.post(ds, form["action"], data, cookies=jar)
    assert done.status_code == 302 and done.headers["location"] == sheet
    assert web.review_log(db_file) == [(quote_row["id"], "status", "unreviewed", "rejected", "claire", "review")]
    assert soup(web.get(ds, sheet, cookies)).find("tr", {"data-quote": quote_row["id"]}) is None  # out of the table


def test_the_speakers_query_counts_quotes_finds_part_of_a_name_and_opens_the_speakers_page(db_file):
    ds = create_app(db_file)
    found = rows(ds, "/quotes/locuteurs.json?nom=STOLT")
    assert [(row["locuteur"], row["citations"]) for row in found] == [("Jens Stoltenberg", 10)]
    page = soup(get(ds, "/quotes/locuteurs?nom=zelen"))
    link = page.find("a", string="Volodymyr Zelensky")
    assert link["href"].startswith("/-/quotetrack/locuteur/") and get(ds, link["href"]).status_code == 200
    assert "personne" in page.get_text()


def test_every_table_and_query_behind_donnees_opens_and_its_links_too(db_file):
    ds = create_app(db_file)
    data = soup(get(ds, "/quotes"))
    pages = {a["href"] for a in data.select("section.content a") if a["href"].startswith("/quotes/")}
    assert len(pages) >= 12
    for href in sorted(pages):
        response = get(ds, href)
        assert response.status_code == 200, href
        for link in {a["href"] for a in soup(response).select("table.rows-and-columns a") if a["href"].startswith("/")}:
            assert get(ds, link).status_code in (200, 302), (href, link)


def test_every_row_of_the_full_sheet_and_of_the_dossier_opens_its_quote(db_file):
    ds = create_app(db_file)
    quote_row = the_quote(db_file, "C'est du jamais vu")
    for path in (f"/-/quotetrack/article/{quote_row['article_id']}?layout=full", "/-/quotetrack/speaker/Jens%20Stoltenberg"):
        page = soup(get(ds, path))
        quote_rows = page.select("table.who tr.quote")
        assert quote_rows and all(row.select_one("td.num a.open")["href"] == f"/q/{row['data-quote'][:10]}" for row in quote_rows)
    assert "/q/" not in sheets.article_sheet(open_db(db_file), quote_row["article_id"], layout="full")  # printed: no links


def test_a_rejected_quote_is_no_evidence_on_the_front_page_or_the_speaker_page(db_file):
    """The reviewer's word is final in the browser too: a rejected quote leaves the results,
    the speaker's page and its counts, and comes back only when the status filter asks for it."""
    rejected = the_quote(db_file, "C'est du jamais vu")
    db = open_db(db_file)
    review_quote(db, rejected["id"], status="rejected", note="pas une citation", reviewer="test")
    db.conn.close()
    ds = create_app(db_file)
    shown = lambda page: {card["data-quote"] for card in page.select("li.qt-card")}  # noqa: E731
    assert rejected["id"] not in shown(soup(get(ds, "/?q=jamais+vu")))
    assert rejected["id"] in shown(soup(get(ds, "/?q=jamais+vu&statut=rejected")))
    speaker_page = get(ds, f"/-/quotetrack/locuteur/{rejected['speaker_id']}")
    assert speaker_page.status_code == 200
    assert rejected["id"] not in speaker_page.text  # the same words from La Gazette stay: they were not rejected
    other = the_quote(db_file, "La sécurité se paie. En faire plus coûte plus cher")
    assert other["speaker_id"] == rejected["speaker_id"] and "La sécurité se paie" in speaker_page.text
