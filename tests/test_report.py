"""Printable reports: article sheet, speaker dossier, search report, JSON-LD, PDF.

Pages are checked by parsing them (html5lib, as a browser would), never by comparing
strings; the seed's sheet is also loaded and printed by a real headless Chromium.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup

from quotetrack import __version__
from quotetrack.printing import environment, quote_cards, sheets
from quotetrack.errors import QuotetrackError
from quotetrack.indexing import index_paths
from quotetrack.archive.search import SpeakerNotFound
from quotetrack.archive.store import open_db

from conftest import SEED

CHROMIUM = Path("/usr/bin/chromium")
SEED_META = {"title": "L'Otan annonce de nouvelles mesures", "url": "https://www.example.org/monde/otan-mesures",
             "source": "Le Quotidien", "date": "2022-03-24"}  # fmt: skip
SEED_SPEAKERS = {"Jens Stoltenberg": 9, "Volodymyr Zelensky": 1, "une haute responsable américaine": 1}
XSS = "<script>alert(1)</script>"
XSS_IMG = "<img src=x onerror=alert(1)>"

ARTICLES = {
    "madrid.md": """---
title: "L'Otan renforce son flanc est"
date: 2022-06-29
source: Le Quotidien
url: https://www.example.org/monde/otan-madrid
---
« Nous vivons la plus grave crise de sécurité depuis des décennies », a déclaré Jens Stoltenberg à Madrid.

Jens Stoltenberg a ensuite répondu aux journalistes. « Nous tiendrons », a-t-il ajouté, « aussi longtemps qu'il le faudra ».

Le ministre des Armées, Sébastien Lecornu, a assuré que « les livraisons continueront jusqu'à la fin de l'année ».
""",
    "piege.md": f"""---
title: "Sommet {XSS} {XSS_IMG}"
date: 2024-03-15
source: Le Quotidien
url: https://www.example.org/politique/sommet
---
« Nous ne céderons rien {XSS} face à la menace {XSS_IMG} », a déclaré le président de la République jeudi.
""",
    "sans-url.txt": "« Les négociations reprendront lundi », a affirmé Sébastien Lecornu devant la presse.\n",
    "long.md": f"""---
title: "Un mot {'interminable' * 15}"
url: https://www.example.org/un/chemin/{'tres-long-' * 30}fin
---
« Voici le mot {'anticonstitutionnellement' * 12} que personne ne lit », a déclaré Marie Dupont.
""",
    "javascript.md": """---
title: Lien piégé
url: "javascript:alert(1)"
---
« Aucun lien ne doit s'ouvrir », a prévenu Sébastien Lecornu.
""",
}


def build_db(path, folder, spacy_engine):
    """The seed (with a title, outlet, date and URL) and the small articles above."""
    db = open_db(path)
    outcomes = list(index_paths(db, [str(SEED)], spacy_engine, overrides=SEED_META))
    folder.mkdir(exist_ok=True)
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
        outcomes += index_paths(db, [str(folder / name)], spacy_engine)
    assert [o.status for o in outcomes] == ["indexed"] * (1 + len(ARTICLES)), outcomes
    return db


@pytest.fixture(scope="module")
def db(tmp_path_factory, spacy_engine):
    """Shared, read-only: tests that write (reviews) build their own with fresh_db."""
    folder = tmp_path_factory.mktemp("reports")
    return build_db(folder / "reports.db", folder / "articles", spacy_engine)


@pytest.fixture
def fresh_db(tmp_path, spacy_engine):
    return build_db(tmp_path / "fresh.db", tmp_path / "articles", spacy_engine)


def seed_id(db):
    return db.conn.execute("SELECT id FROM articles WHERE url = ?", [SEED_META["url"]]).fetchone()[0]


def article_id(db, name):
    return db.conn.execute("SELECT id FROM articles WHERE path LIKE ?", ["%" + name]).fetchone()[0]


def parse(html):
    return BeautifulSoup(html, "html5lib")


def field(node, name):
    return node.select_one(f'[data-field="{name}"]').get_text(" ", strip=True)


def json_ld(soup):
    scripts = soup.find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    return json.loads(scripts[0].string)["@graph"]


@pytest.fixture(scope="module")
def seed_sheet(db):
    """The seed's sheet as cards (the layout of the card tests below)."""
    return sheets.article_sheet(db, seed_id(db), layout="cards")


@pytest.fixture(scope="module")
def compact_sheet(db):
    """The seed's sheet in the default, compact layout."""
    return sheets.article_sheet(db, seed_id(db))


# -- the article sheet ------------------------------------------------------------------


def test_sheet_header(seed_sheet, db):
    soup = parse(seed_sheet)
    header = soup.select_one("body > header")
    assert soup.html["lang"] == "fr"
    assert header.h1.get_text(strip=True) == SEED_META["title"]
    assert field(header, "source") == "Le Quotidien"
    assert field(header, "published") == "2022-03-24"
    assert header.select_one('[data-field="url"] a')["href"] == SEED_META["url"]
    assert field(header, "engine").startswith("spacy (spacy ")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", field(header, "generated"))
    assert field(header, "version") == f"quotetrack {__version__}"
    assert soup.select("main section") and soup.select("main article.card")


def test_sheet_speakers_table(seed_sheet):
    table = parse(seed_sheet).select_one("section.speakers table")
    assert [th["scope"] for th in table.select("thead th")] == ["col"] * 4
    rows = {
        row.th.get_text(strip=True): int(row.select("td")[-1].get_text(strip=True))
        for row in table.select("tbody tr")
    }
    assert rows == SEED_SPEAKERS
    zelensky = next(r for r in table.select("tbody tr") if "Zelensky" in r.th.get_text())
    assert zelensky.th["scope"] == "row"
    assert "président ukrainien" in zelensky.get_text()


def test_every_quote_part_is_highlighted_and_linked_to_its_card(seed_sheet, db):
    soup = parse(seed_sheet)
    text = db.conn.execute("SELECT text FROM articles WHERE id = ?", [seed_id(db)]).fetchone()[0]
    parts = {
        (quote_id, index): tuple(span)
        for quote_id, spans in db.conn.execute("SELECT id, parts FROM quotes WHERE article_id = ?", [seed_id(db)])
        for index, span in enumerate(json.loads(spans))
    }
    cards = {card["id"] for card in soup.select("article.card")}
    labels = soup.select("mark.quote > a.label")
    assert len(parts) == 11 and len(labels) == len(parts)
    assert {label["href"] for label in labels} == {f"#q-{quote_id}" for quote_id, _ in parts}
    assert all(label["href"][1:] in cards for label in labels)
    # The highlighted words are exactly the quoted words (labels aside), nested quote included.
    pieces: dict = {}
    for mark in soup.select("mark.quote"):
        words = "".join(s for s in mark.find_all(string=True) if not s.find_parent("a", class_="label"))
        pieces.setdefault((mark["data-quote"], int(mark["data-part"])), []).append(words)
    assert {key: "".join(words) for key, words in pieces.items()} == {
        key: text[start:end] for key, (start, end) in parts.items()
    }
    nested = soup.select("mark.quote mark.quote")
    assert [m.find("a", class_="label").get_text() for m in nested] == ["7 · Volodymyr Zelensky"]


def test_paragraphs_come_from_blank_lines_and_text_is_escaped(db):
    html = sheets.article_sheet(db, article_id(db, "piege.md"))
    soup = parse(html)
    assert len(soup.select(".article-text p")) == 1
    assert XSS in soup.select_one(".article-text").get_text()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_quote_cards(seed_sheet):
    soup = parse(seed_sheet)
    cards = soup.select("article.card")
    assert len(cards) == 11
    for card in cards:
        assert card["id"].startswith("q-")
        assert field(card, "speaker") in SEED_SPEAKERS
        for name in ("cue", "confidence", "status", "kind", "mention", "source"):
            assert field(card, name)
        assert field(card, "status") == "non vérifiée"
    zelensky = next(c for c in cards if field(c, "speaker") == "Volodymyr Zelensky")
    assert field(zelensky, "mention") == "le président ukrainien Volodymyr Zelensky"
    assert field(zelensky, "role") == "président ukrainien"
    assert field(zelensky, "cue") == "insister"
    assert field(zelensky, "confidence").startswith("85 %")
    assert field(zelensky, "kind") == "citation partielle"
    assert "l'importance vitale" in zelensky.blockquote.get_text()
    assert "§ 7" in field(zelensky, "source").replace("\xa0", " ")
    assert zelensky.find("a", href="#src-1")
    assert not soup.select('[data-field="notes"]')  # no review notes yet


def test_text_fragment_links_when_the_url_is_known(seed_sheet, db):
    for card in parse(seed_sheet).select("article.card"):
        href = card.select_one("a.fragment")["href"]
        assert href.startswith(SEED_META["url"] + "#:~:text=")
        start = href.split(":~:text=", 1)[1]
        assert not re.search(r"[ ,&'\-]", start)  # percent-encoded, '-' and ',' included
        quote = card.blockquote.get_text(" ", strip=True).strip("« »")
        assert quote.startswith(unquote(start))
    no_url = parse(sheets.article_sheet(db, article_id(db, "sans-url.txt"), layout="cards"))
    assert len(no_url.select("article.card")) == 1
    assert not no_url.select("a.fragment")
    assert not [a for a in no_url.find_all("a") if a["href"].startswith("http")]


def test_text_fragment_encoding():
    url = quote_cards.text_fragment("https://ex.org/a", "C'est-à-dire, 100 % & plus […] la suite")
    assert url == "https://ex.org/a#:~:text=C%27est%2D%C3%A0%2Ddire%2C%20100%20%25%20%26%20plus"
    assert quote_cards.text_fragment("https://ex.org/a#top", "Oui").endswith("#top:~:text=Oui")


def test_only_http_urls_become_links(db):
    soup = parse(sheets.article_sheet(db, article_id(db, "javascript.md")))
    assert "javascript:alert(1)" in field(soup, "url")  # shown as text
    assert not [tag for tag in soup.find_all(href=True) if "javascript" in tag["href"]]


def test_print_rules_and_semantic_html(seed_sheet):
    soup = parse(seed_sheet)
    css = "".join(style.string or "" for style in soup.find_all("style"))
    for rule in ("@media print", "@page", "size: A4", "@bottom-right", "counter(page)", "break-inside: avoid",
                 "overflow-wrap", "attr(href)"):  # fmt: skip
        assert rule in css, rule
    assert soup.select_one("body > header") and soup.select_one("body > main")
    assert soup.select("main > section") and soup.select("main article")


@pytest.mark.parametrize("layout", sheets.LAYOUTS)
@pytest.mark.parametrize("page", ["article", "speaker", "search"])
def test_no_external_resources(db, page, layout):
    html = {
        "article": lambda: sheets.article_sheet(db, seed_id(db), layout=layout),
        "speaker": lambda: sheets.speaker_dossier(db, "Stoltenberg", layout=layout),
        "search": lambda: sheets.search_report(db, None, layout=layout),
    }[page]()
    soup = parse(html)
    urls = [url for (url,) in db.conn.execute("SELECT url FROM articles WHERE url LIKE 'http%'")]
    assert not soup.find_all("link") and not soup.find_all(src=True)
    assert not soup.find_all(["img", "iframe", "object", "embed", "video", "audio"])
    assert [s["type"] for s in soup.find_all("script")] == ["application/ld+json"]
    for tag in soup.find_all(href=True):
        href = tag["href"]
        assert href.startswith("#") or href in urls or any(href.startswith(u + "#:~:text=") for u in urls), href
    css = "".join(style.string or "" for style in soup.find_all("style"))
    assert "url(" not in css and "@import" not in css and not soup.find_all(style=True)
    assert soup.html["lang"] == "fr"


# -- JSON-LD --------------------------------------------------------------------------


def test_json_ld_quotations(seed_sheet):
    graph = json_ld(parse(seed_sheet))
    quotations = [item for item in graph if item["@type"] == "Quotation"]
    assert len(quotations) == 11 and len(graph) == 11  # no ClaimReview: nothing reviewed
    zelensky = next(q for q in quotations if q["creator"]["name"] == "Volodymyr Zelensky")
    assert zelensky["spokenByCharacter"] == zelensky["creator"] == {
        "@type": "Person", "name": "Volodymyr Zelensky", "jobTitle": "président ukrainien"}  # fmt: skip
    assert zelensky["text"].startswith("l'importance vitale")
    news = zelensky["isBasedOn"]
    assert news["@type"] == "NewsArticle"
    assert news["url"] == SEED_META["url"] and news["headline"] == SEED_META["title"]
    assert news["datePublished"] == news["dateCreated"] == "2022-03-24"
    assert news["inLanguage"] == "fr"
    anonymous = next(q for q in quotations if q["creator"]["name"] == "une haute responsable américaine")
    assert "jobTitle" not in anonymous["creator"]


def test_json_ld_is_safe_inside_script(db):
    html = sheets.article_sheet(db, article_id(db, "piege.md"))
    soup = parse(html)
    raw = soup.find("script", type="application/ld+json").string
    assert "<" not in raw and ">" not in raw and "&" not in raw and "\\u003c/script\\u003e" in raw
    (quotation,) = json_ld(soup)
    assert XSS in quotation["text"] and XSS_IMG in quotation["text"]
    assert quotation["isBasedOn"]["headline"] == f"Sommet {XSS} {XSS_IMG}"
    assert sheets.json_ld({"a": "</script>&"}) == '{\n "a": "\\u003c/script\\u003e\\u0026"\n}'


def test_claim_review_only_for_reviewed_quotes(fresh_db, monkeypatch):
    seed = seed_id(fresh_db)
    ids = [row[0] for row in fresh_db.conn.execute("SELECT id FROM quotes WHERE article_id = ? ORDER BY start", [seed])]
    with fresh_db.conn:
        fresh_db.conn.execute("UPDATE quotes SET status = 'misattributed', notes = ? WHERE id = ?",
                              ["Propos tenus par le porte-parole", ids[0]])  # fmt: skip
        fresh_db.conn.execute("UPDATE quotes SET status = 'confirmed' WHERE id = ?", [ids[1]])
    monkeypatch.setenv("QUOTETRACK_ORGANIZATION", "Rédaction test")
    soup = parse(sheets.article_sheet(fresh_db, seed, layout="cards"))
    reviews = [item for item in json_ld(soup) if item["@type"] == "ClaimReview"]
    assert [r["reviewRating"]["alternateName"] for r in reviews] == ["Mal attribuée", "Attribution correcte"]
    first = reviews[0]
    assert first["author"] == {"@type": "Organization", "name": "Rédaction test"}
    assert first["claimReviewed"] == "préoccupés"
    assert first["itemReviewed"]["@type"] == "Claim"
    assert first["itemReviewed"]["author"]["name"] == "Jens Stoltenberg"
    assert first["itemReviewed"]["appearance"]["url"] == SEED_META["url"]
    card = soup.find(id=f"q-{ids[0]}")
    assert field(card, "status") == "mal attribuée" and card["data-status"] == "misattributed"
    assert field(card, "notes") == "Propos tenus par le porte-parole"
    organization = parse(sheets.article_sheet(fresh_db, seed, organization="Les Décodeurs"))
    assert {r["author"]["name"] for r in json_ld(organization) if r["@type"] == "ClaimReview"} == {"Les Décodeurs"}


# -- security -------------------------------------------------------------------------


def test_script_and_onerror_render_as_text(db):
    soup = parse(sheets.article_sheet(db, article_id(db, "piege.md"), layout="cards"))
    assert [s.get("type") for s in soup.find_all("script")] == ["application/ld+json"]
    assert not soup.find_all(lambda tag: any(a.lower().startswith("on") for a in tag.attrs))
    assert not soup.find_all("img")
    assert soup.h1.get_text() == f"Sommet {XSS} {XSS_IMG}"
    assert XSS in soup.title.get_text()
    card = soup.select_one("article.card")
    assert XSS in card.blockquote.get_text() and XSS_IMG in card.blockquote.get_text()


# -- overrides, dossier, search ---------------------------------------------------------


def test_user_templates_override_the_card(db, tmp_path):
    (tmp_path / "_quote_card.html").write_text(
        '<div class="ma-fiche" id="q-{{ quote.id }}">{{ quote.speaker }} : {{ quote.text }}</div>\n', encoding="utf-8"
    )
    soup = parse(sheets.article_sheet(db, seed_id(db), templates=tmp_path, layout="cards"))
    assert len(soup.select("div.ma-fiche")) == 11 and not soup.select("article.card")
    assert soup.select("mark.quote")  # the rest of the page is still the built-in one
    assert environment.environment(tmp_path).get_template("_quote_card.html").filename.startswith(str(tmp_path))


def test_speaker_dossier(db):
    for name in ("Stoltenberg", "Jens Stoltenberg", "jens stoltenberg", "le Norvégien Jens Stoltenberg"):
        soup = parse(sheets.speaker_dossier(db, name, layout="cards"))
        assert soup.h1.get_text(strip=True) == "Jens Stoltenberg"
        cards = soup.select("article.card")
        assert len(cards) == 11  # 9 in the seed, 2 in madrid.md
        assert {field(card, "speaker") for card in cards} == {"Jens Stoltenberg"}
    assert [field(card, "date") for card in cards][:2] == ["2022-06-29"] * 2  # newest first
    assert len(soup.select(".sources li")) == 2
    assert "le Norvégien Jens Stoltenberg" in field(soup, "aliases")
    assert field(soup, "period") == "2022-03-24 – 2022-06-29"
    graph = json_ld(soup)
    assert len(graph) == 11 and {q["creator"]["name"] for q in graph} == {"Jens Stoltenberg"}
    with pytest.raises(SpeakerNotFound):
        sheets.speaker_dossier(db, "Personne Inconnue")


def test_speaker_dossier_of_a_role(db):
    soup = parse(sheets.speaker_dossier(db, "Lecornu", layout="cards"))
    assert field(soup, "role") == "ministre des Armées"
    assert len(soup.select("article.card")) == 3 and len(soup.select(".sources li")) == 3


def test_search_report(db):
    soup = parse(sheets.search_report(db, "otan", speaker="Stoltenberg", layout="cards"))
    cards = soup.select("article.card")
    assert len(cards) == 2 and {field(c, "speaker") for c in cards} == {"Jens Stoltenberg"}
    assert all("otan" in c.blockquote.get_text().lower() for c in cards)
    assert field(soup, "query") == "otan" and field(soup, "filter") == "Stoltenberg"
    assert "2 citations" in field(soup, "count")
    assert len(json_ld(soup)) == 2
    since = parse(sheets.search_report(db, None, since="2022-06", kind="direct", layout="cards"))
    # « a déclaré ... jeudi » in an article of Friday 2024-03-15: said on the Thursday
    assert {field(c, "date") for c in since.select("article.card")} == {"2022-06-29", "2024-03-14"}
    assert {field(c, "kind") for c in since.select("article.card")} == {"citation directe"}
    empty = parse(sheets.search_report(db, "introuvablexyz", layout="cards"))
    assert not empty.select("article.card") and "Aucune citation" in empty.main.get_text()


# -- finding articles, PDF ------------------------------------------------------------


def test_find_article_by_id_prefix_path_or_url(db):
    full = seed_id(db)
    for key in (full, full[:8], full[:8].upper(), str(SEED), SEED_META["url"]):
        assert sheets.find_article(db, key)["id"] == full
    relative = Path(SEED).relative_to(Path.cwd()) if Path(SEED).is_relative_to(Path.cwd()) else None
    if relative:
        assert sheets.find_article(db, str(relative))["id"] == full
    for key in ("nope", full[:3], "0" * 64, "x" * 5000):
        with pytest.raises(sheets.ArticleNotFound) as error:
            sheets.article_sheet(db, key)
        assert isinstance(error.value, QuotetrackError) and "\n" not in str(error.value)


def test_find_article_indexed_by_a_relative_path(tmp_path, monkeypatch, spacy_engine):
    monkeypatch.chdir(tmp_path)
    Path("relatif.txt").write_text(ARTICLES["sans-url.txt"], encoding="utf-8")
    db = open_db(tmp_path / "rel.db")
    (outcome,) = index_paths(db, ["relatif.txt"], spacy_engine)
    for key in ("relatif.txt", str(tmp_path / "relatif.txt"), f"./{Path('relatif.txt')}"):
        assert sheets.find_article(db, key)["id"] == outcome.article_id


def test_write_pdf_without_weasyprint(monkeypatch, tmp_path):
    from quotetrack.printing import pdf

    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import fails as if not installed
    monkeypatch.setattr(pdf, "find_chromium", lambda: None)  # and no browser on the machine
    with pytest.raises(pdf.PdfUnavailable) as error:
        pdf.write_pdf("<p>x</p>", tmp_path / "x.pdf")
    assert "pip install 'quotetrack[pdf]'" in str(error.value) and "\n" not in str(error.value)
    assert isinstance(error.value, QuotetrackError) and not (tmp_path / "x.pdf").exists()


# -- highlighting, unit ----------------------------------------------------------------


def fake_card(quote_id, *parts, mention=(None, None)):
    return {"id": quote_id, "parts": [list(p) for p in parts], "speaker_start": mention[0], "speaker_end": mention[1]}


def render_events(paragraphs):
    """Events -> a bracketed string, checking the nesting on the way."""
    out, stack = [], []
    for paragraph in paragraphs:
        for event in paragraph["events"]:
            if event["op"] == "text":
                out.append(event["text"])
            elif event["op"] == "open":
                stack.append(event["span"])
                name = event["span"]["card"]["id"] if event["span"]["type"] == "quote" else "m"
                out.append(f"[{name}{'*' if event['first'] and event['span']['type'] == 'quote' else ''}:")
            else:
                assert stack.pop() is event["span"]
                out.append("]")
        assert not stack
        out.append("|")
    return "".join(out)


@pytest.mark.parametrize(
    "text, cards, expected",
    [
        ("un deux trois", [fake_card("a", (3, 7))], "un [a*:deux] trois|"),
        ("un deux trois", [fake_card("a", (0, 13)), fake_card("b", (3, 7))], "[a*:un [b*:deux] trois]|"),
        # crossing spans: b is closed and reopened, labelled once
        ("un deux trois", [fake_card("a", (0, 7)), fake_card("b", (3, 13))], "[a*:un [b*:deux]][b: trois]|"),
        # a part over two paragraphs; a two-part quote labelled per part; a speaker mention
        ("un\n\ndeux trois", [fake_card("a", (0, 8))], "[a*:un]|[a:deux] trois|"),
        ("« A », dit-il, « B »", [fake_card("a", (2, 3), (17, 18), mention=(11, 13))], "« [a*:A] », dit-[m:il], « [a*:B] »|"),
        ("\n\n  \n\nfin\n\n", [], "fin|"),
    ],
)
def test_highlight_events(text, cards, expected):
    assert render_events(sheets.highlight(text, cards)) == expected


# -- in a real browser ------------------------------------------------------------------

browser = pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is not installed")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]  # fmt: skip


def chromium(tmp_path, page: Path, *args):
    """Run headless Chromium on a local page with a fresh profile; (stdout, stderr)."""
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    command = [str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", *args, page.as_uri()]
    done = subprocess.run(command, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout, done.stderr


def console_errors(stderr: str, page: Path) -> list[str]:
    """Console output of the page itself: our pages have no script, so any is an error."""
    return [
        line
        for line in stderr.splitlines()
        if "Uncaught" in line or (":CONSOLE" in line and page.as_uri() in line)
    ]


@pytest.mark.browser
@browser
def test_console_check_catches_a_failing_page(tmp_path):
    page = tmp_path / "throws.html"
    page.write_text('<!doctype html><p>ok</p><script>throw new Error("exprès")</script>', encoding="utf-8")
    _, stderr = chromium(tmp_path, page, "--enable-logging=stderr", "--v=0", "--dump-dom")
    assert any("Uncaught Error" in line for line in console_errors(stderr, page))


@pytest.mark.browser
@browser
def test_sheet_loads_in_chromium_without_console_errors(tmp_path, seed_sheet):
    page = tmp_path / "sheet.html"
    page.write_text(seed_sheet, encoding="utf-8")
    dom, stderr = chromium(tmp_path, page, "--enable-logging=stderr", "--v=0", "--dump-dom")
    assert console_errors(stderr, page) == []
    soup = parse(dom)
    assert len(soup.select("article.card")) == 11
    assert len(soup.select("mark.quote > a.label")) == 11


@pytest.mark.browser
@browser
def test_long_words_and_urls_wrap_instead_of_overflowing(tmp_path, db):
    """Nothing is clipped: the page is never wider than a narrow window."""
    page = tmp_path / "long.html"
    measure = "<script>document.title = [document.documentElement.scrollWidth, innerWidth].join(' ')</script>"
    page.write_text(sheets.article_sheet(db, article_id(db, "long.md")).replace("</body>", measure + "</body>"))
    dom, _ = chromium(tmp_path, page, "--window-size=480,900", "--dump-dom")
    scroll_width, window_width = map(int, parse(dom).title.get_text().split())
    assert 0 < scroll_width <= window_width


@pytest.mark.browser
@browser
def test_sheet_prints_to_pdf_in_chromium(tmp_path, seed_sheet):
    page = tmp_path / "sheet.html"
    page.write_text(seed_sheet, encoding="utf-8")
    pdf = tmp_path / "sheet.pdf"
    chromium(tmp_path, page, f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    assert len(re.findall(rb"/Type\s*/Page(?![A-Za-z])", data)) >= 1  # pages, not /Pages
