"""Every page of the journeys, and Datasette's frame around them, in French: the visible
text and the labels a person reads (placeholders, button values, options, titles) are
scanned for English words, against an allowlist of the identifiers that stay English."""

from __future__ import annotations

import re
import shutil

import pytest

pytest.importorskip("datasette", reason="the web interface needs datasette (pip install 'quotetrack[web]')")

from quotetrack.indexing import index_paths  # noqa: E402
from quotetrack.archive.store import open_db  # noqa: E402

from conftest import ROOT, SEED  # noqa: E402
import web_helpers as web  # noqa: E402

TWELVE = ROOT / "tests" / "data" / "douze-citations.md"
# English words of Datasette's frame and of any web UI (what the issue found, and more);
# words French shares (table, page, article, date, source, menu, total, format, file, on, or) are left out.
ENGLISH = set("""
home rows row results result search apply sort sorted descending ascending next previous powered by this data
view views edit query queries custom run column columns hidden facet facets suggested filters remove where
advanced export download shape array newline delimited stream expand error errors not found database databases
link links from other in of the and to is with without show hide more less log logout login out review
reviewed unreviewed confirmed rejected disputed misattributed corrected partial indirect person organization
anonymous unknown group speaker speakers quote quotes status kind title said submit save cancel yes none null
true false count forbidden invalid request missing
""".split())
# Identifiers and names that stay as they are.
ALLOWED = {"json", "csv", "sql", "url", "datasette", "quotetrack", "wikidata", "id", "pdf", "html"}
_WORD = re.compile(r"[A-Za-z]+")


def english_words(html: str) -> set[str]:
    page = web.BeautifulSoup(html, "html5lib")
    for node in page(["script", "style", "code", "pre", "blockquote"]):
        node.decompose()
    texts = [page.get_text(" ")]
    for tag in page.find_all(True):
        texts += [tag.get(name, "") for name in ("placeholder", "title", "aria-label", "alt")]
        if tag.name == "input" and tag.get("type") in ("submit", "button"):
            texts.append(tag.get("value", ""))
    words = {word.lower() for text in texts for word in _WORD.findall(text)}
    return (words & ENGLISH) - ALLOWED


@pytest.fixture(scope="module")
def built_db(tmp_path_factory, spacy_engine):
    path = tmp_path_factory.mktemp("french") / "quotes.db"
    db = open_db(path)
    outcomes = list(index_paths(db, [str(SEED), str(TWELVE)], spacy_engine))
    assert [o.status for o in outcomes] == ["indexed", "indexed"]
    db.conn.close()
    return path


def test_every_journey_page_and_the_frame_are_french(built_db, tmp_path):
    db_file = tmp_path / "quotes.db"
    shutil.copy(built_db, db_file)
    ds, cookies = web.reviewing_app(db_file)
    conn = __import__("sqlite3").connect(db_file)
    quote_id, article_id = conn.execute("SELECT id, article_id FROM quotes ORDER BY start LIMIT 1").fetchone()
    conn.close()
    web.review(ds, cookies, quote_id, action="confirm")
    confirm = web.review(ds, cookies, quote_id, action="speaker", speaker="Personne Inventée")
    pages = {
        "confirmation": confirm,
        **{path: web.get(ds, path, cookies) for path in (
            "/", "/?q=jamais+vu", "/?q=stoltenberg&statut=unreviewed&type=direct", "/?q=mot+introuvable",
            "/-/quotetrack/premieres-apparitions", "/-/quotetrack/premieres-apparitions?mots=jamais+vu",
            "/-/quotetrack/a-verifier", "/-/quotetrack/a-verifier?page=2", "/-/quotetrack/locuteur/1",
            f"/-/quotetrack/quote/{quote_id}", f"/-/quotetrack/article/{article_id}",
            f"/-/quotetrack/article/{article_id}?layout=full", "/-/quotetrack/speaker/Jens%20Stoltenberg",
            "/quotes", "/quotes/quote_view", "/quotes/quote_view?_search=otan", "/quotes/quote_view?status=unreviewed",
            "/quotes/quotes", "/quotes/speakers", "/quotes/speakers/1", "/quotes/review_log", "/quotes/speaker_aliases",
            "/quotes/qui_a_dit_quoi", "/quotes/qui_a_dit_quoi?mots=otan&locuteur=&depuis=&jusqu_au=",
            "/quotes/a_verifier", "/quotes/premieres_apparitions", "/quotes/articles_indexes", "/quotes/locuteurs?nom=stolt",
            "/nope", "/quotes/nope", "/-/metadata.json", "/quotes/quote_view?_sort=nope", "/quotes/articles",
        )},
        "login": web.get(ds, "/-/login"),
        "read-only quote": web.get(web.create_app(db_file), f"/-/quotetrack/quote/{quote_id}"),
    }
    found = {name: sorted(english_words(response.text)) for name, response in pages.items()}
    bad = {name: words for name, words in found.items() if words}
    assert bad == {}


def test_the_scan_catches_datasettes_own_frame():
    """The check itself: Datasette's English frame fails it."""
    assert english_words("<p>731 rows in 6 tables</p><label>Search:</label><input type=submit value=Apply>") == {
        "rows", "in", "search", "apply"}
