"""The compact printed layout (who-said-what tables, marked text, annex), French labels,
and the page budgets measured by printing with headless Chromium.

Pages are checked by parsing them (html5lib); printed PDFs are read back with poppler's
``pdftotext`` (pages, words and their boxes), as a reader holding the paper would.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

from quotetrack.printing import pdf, quote_cards, sheets
from quotetrack.cli import cli
from quotetrack.extract.reasons import LABELS, LEGACY
from quotetrack.indexing import index_paths
from quotetrack.archive.reviews import review_quote
from quotetrack.archive.store import open_db

from conftest import SEED, TESTS
from test_report import CHROMIUM, FLAGS, SEED_SPEAKERS, article_id, db, seed_id  # noqa: F401  (db: fixture)

TWELVE = TESTS / "data" / "douze-citations.md"
PDFTOTEXT = shutil.which("pdftotext")


def parse(html):
    return BeautifulSoup(html, "html5lib")


def text_of(node, name):
    return node.select_one(f'[data-field="{name}"]').get_text(" ", strip=True)


@pytest.fixture(scope="module")
def compact(db):
    return parse(sheets.article_sheet(db, seed_id(db)))


@pytest.fixture
def twelve_db(tmp_path, spacy_engine):
    """The 12-quote article, with the reviews a desk would have made before printing."""
    db = open_db(tmp_path / "twelve.db")
    (outcome,) = index_paths(db, [str(TWELVE)], spacy_engine)
    assert outcome.status == "indexed" and outcome.quotes == 12, outcome
    ids = [i for (i,) in db.conn.execute("SELECT id FROM quotes ORDER BY start")]
    review_quote(db, ids[0], status="confirmed", note="Vérifié sur l'enregistrement de la séance", reviewer="Léa Roux")
    review_quote(db, ids[2], status="disputed", note="La citation complète dit « serré », pas « trop serré »", reviewer="Léa Roux")
    review_quote(db, ids[6], status="corrected", text="Pendant deux ans de travaux, nos clients ne pourront plus du tout se garer",
                 reviewer="Léa Roux")  # fmt: skip
    review_quote(db, ids[10], status="misattributed", speaker="Sophie Martin", note="Propos tenus par l'adjointe", reviewer="Léa Roux")
    return db, ids


# -- who said what ------------------------------------------------------------------------


def test_compact_is_the_default_and_cards_the_option(db, compact):
    assert compact.body["class"] == ["layout-compact"]
    assert compact.select("table.who") and not compact.select("article.card")
    cards = parse(sheets.article_sheet(db, seed_id(db), layout="cards"))
    assert cards.body["class"] == ["layout-cards"] and len(cards.select("article.card")) == 11
    with pytest.raises(sheets.UnknownLayout):
        sheets.article_sheet(db, seed_id(db), layout="poster")


def test_who_said_what_table_is_grouped_by_speaker(compact):
    section = compact.select_one("main > section.who-said-what")
    assert section is compact.select_one("main > section")  # the first thing after the header
    groups = section.select("table.who > tbody.speaker")
    counted = {}
    for group in groups:
        head = group.select_one("tr.speaker-row th")
        name = next(n for n in SEED_SPEAKERS if n in head.get_text())
        counted[name] = len(group.select("tr.quote"))
        assert f"{counted[name]} citation" in head.get_text()
    assert counted == SEED_SPEAKERS
    assert [th.get_text(strip=True) for th in section.select("thead th")] == ["N°", "Citation", "Type", "Verbe", "Date", "Statut"]
    zelensky = next(g for g in groups if "Zelensky" in g.select_one("tr.speaker-row").get_text())
    assert text_of(zelensky, "role") == "président ukrainien"
    row = zelensky.select_one("tr.quote")
    assert text_of(row, "kind") == "partielle" and text_of(row, "cue") == "insister"
    assert text_of(row, "date") == "2022-03-24" and text_of(row, "status") == "non vérifiée"
    numbers = sorted(int(r.td.get_text()) for r in section.select("tr.quote"))
    assert numbers == list(range(1, 12))


def test_long_quotes_are_cut_in_the_table_and_whole_in_the_annex(db, compact):
    full = {i: t for i, t in db.conn.execute("SELECT id, text FROM quotes WHERE article_id = ?", [seed_id(db)])}
    long_ids = {i for i, t in full.items() if len(t) > quote_cards.TRUNCATE}
    assert long_ids  # the seed has one quote of 335 characters
    for row in compact.select("tr.quote"):
        shown = text_of(row, "text")
        if row["data-quote"] in long_ids:
            assert "[…]" in shown and len(shown) < quote_cards.TRUNCATE + 30
            assert row.select_one("a.see")["href"] == f"#a-{row['data-quote']}"
        else:
            assert full[row["data-quote"]] in shown and "[…]" not in shown
    annexed = {entry["data-quote"]: entry for entry in compact.select("section.annex article.entry")}
    assert set(annexed) == long_ids  # nothing reviewed in the seed: only the full texts
    for quote_id in long_ids:
        assert full[quote_id] in text_of(annexed[quote_id], "text")
        assert "texte complet" in text_of(annexed[quote_id], "why")


@pytest.mark.parametrize(
    "text, cut",
    [
        ("court", "court"),
        ("mot " * 100, ("mot " * 74).strip() + " […]"),  # at a word boundary, under the limit
        ("x" * 400, "x" * 300 + " […]"),  # one word longer than the limit: cut inside it
        ("Fin de phrase. " + "a" * 295, "Fin de phrase […]"),
    ],
)
def test_shorten(text, cut):
    assert quote_cards.shorten(text) == cut


def test_text_marks_carry_numbers_and_initials(compact):
    labels = compact.select(".article-text mark.quote > a.label")
    assert len(labels) == 11
    by_number = {label.get_text(): label["href"] for label in labels}
    assert "7\xa0VZ" in by_number and "8\xa0HRA" in by_number
    assert all(re.fullmatch(r"\d+\xa0[A-Z?]+\d*", text) for text in by_number)
    assert all(compact.find(id=href[1:]).name == "tr" for href in by_number.values())  # links to its row
    legend = compact.select_one("section.text .legend").get_text()
    assert "JS : Jens Stoltenberg" in legend and "VZ : Volodymyr Zelensky" in legend


def test_initials_are_unique_on_a_page():
    taken = []
    for name in ("Jens Stoltenberg", "Jean Sarre", "Julie Simon", None, "une haute responsable américaine"):
        taken.append(quote_cards._initials(name, taken))
    assert taken == ["JS", "JS2", "JS3", "?", "HRA"]


def test_annex_holds_reviews_corrections_and_printed_links(twelve_db):
    db, ids = twelve_db
    soup = parse(sheets.article_sheet(db, TWELVE.name))
    entries = {entry["data-quote"]: entry for entry in soup.select("section.annex article.entry")}
    long = {i for (i,) in db.conn.execute("SELECT id FROM quotes WHERE length(text) > ?", [quote_cards.TRUNCATE])}
    assert long and set(entries) == {ids[0], ids[2], ids[6], ids[10]} | long
    confirmed = entries[ids[0]]
    assert text_of(confirmed, "status").startswith("confirmée, par Léa Roux le ")
    assert text_of(confirmed, "notes") == "Vérifié sur l'enregistrement de la séance"
    corrected = entries[ids[6]]
    assert "ne pourront plus du tout se garer" in text_of(corrected, "text")
    assert text_of(corrected, "original-text") == "Pendant deux ans de travaux, nos clients ne pourront plus se garer"
    moved = entries[ids[10]]
    assert text_of(moved, "original-speaker") == "un ingénieur du bureau d'études"
    assert text_of(moved, "speaker") == "Sophie Martin"
    for entry in entries.values():  # the passage's link is printed, not just linked
        link = entry.select_one('[data-field="source"] a.url')
        assert link.get_text() == link["href"] and link["href"].startswith("https://www.example.org/villeneuve/")
    rows = {row["data-quote"]: row for row in soup.select("tr.quote")}
    assert text_of(rows[ids[2]], "status") == "contestée" and rows[ids[2]].select_one("a.see")


@pytest.mark.parametrize("layout", sheets.LAYOUTS)
def test_a_corrected_quote_shows_the_review_not_the_extraction(twelve_db, layout):
    db, ids = twelve_db
    soup = parse(sheets.article_sheet(db, TWELVE.name, layout=layout))
    node = soup.find(id=f"a-{ids[10]}" if layout == "compact" else f"q-{ids[10]}")
    said = text_of(node, "reason")
    assert said.startswith("corrigée par la vérification (Léa Roux, ") and "incise" not in said
    untouched = soup.find(id=f"q-{ids[1]}")
    if layout == "cards":
        assert "incise" in text_of(untouched, "reason")  # the extraction's reason, in French


# -- French everywhere a reader looks --------------------------------------------------------

ENGLISH = re.compile(
    r"\b(unreviewed|confirmed|disputed|misattributed|rejected|corrected|orphaned|direct|partial|indirect"
    r"|person|organization|anonymous|unknown|quote|speaker|reviewed|confidence|source link|Correct attribution)\b"
)


def reader_text(soup) -> str:
    """What a reader sees of the page's own words: the quoted and article texts removed
    (they are French news, and may contain any word), the JSON-LD script too."""
    for node in soup.select('script, style, .article-text, [data-field="text"], blockquote, [data-field="original-text"], '
                            "h1, cite, .context, title, .where, a.url"):  # fmt: skip
        node.decompose()
    return soup.get_text(" ", strip=True)


@pytest.mark.parametrize("layout", sheets.LAYOUTS)
def test_every_label_on_a_sheet_is_french(twelve_db, db, layout):
    twelve, ids = twelve_db
    with twelve.conn:  # a quote extracted by quotetrack 0.1, its reason stored in English
        twelve.conn.execute("UPDATE quotes SET reason = 'incise after quote; il -> Marc Lefèvre' WHERE id = ?", [ids[3]])
    pages = [
        sheets.article_sheet(twelve, TWELVE.name, layout=layout),
        sheets.article_sheet(db, seed_id(db), layout=layout),
        sheets.speaker_dossier(twelve, "Garnier", layout=layout),
        sheets.search_report(twelve, None, kind="direct", layout=layout),
    ]
    stored = {r for (r,) in twelve.conn.execute("SELECT reason FROM quotes")} | {
        r for (r,) in db.conn.execute("SELECT reason FROM quotes")
    }
    for html in pages:
        text = reader_text(parse(html))
        assert not ENGLISH.findall(text), ENGLISH.findall(text)
        for english in [*LEGACY, *stored]:
            assert english not in text
        for identifier in LABELS:
            assert not re.search(rf"\b{identifier}\b", text), identifier
    cards = parse(pages[0])
    if layout == "cards":  # the legacy reason, translated
        assert "incise après la citation" in text_of(cards.find(id=f"q-{ids[3]}"), "reason")


# -- dossier and search -------------------------------------------------------------------


def test_speaker_dossier_compact_has_a_table_per_article_in_date_order(db):
    soup = parse(sheets.speaker_dossier(db, "Stoltenberg"))
    sections = soup.select("main > section.article-quotes")
    assert [s.h2.get_text(" ", strip=True) for s in sections] == [
        "[1] L'Otan annonce de nouvelles mesures", "[2] L'Otan renforce son flanc est"]  # fmt: skip
    assert [len(s.select("tr.quote")) for s in sections] == [9, 2]
    dates = [text_of(row, "date") for row in soup.select("tr.quote")]
    assert dates == sorted(dates) and dates[0] == "2022-03-24" and dates[-1] == "2022-06-29"
    assert [int(row.td.get_text()) for row in soup.select("tr.quote")] == list(range(1, 12))
    assert "https://www.example.org/monde/otan-madrid" in text_of(sections[1], "article")


def test_search_report_compact(db):
    soup = parse(sheets.search_report(db, None, since="2022-06", kind="direct"))
    sections = soup.select("main > section.article-quotes")
    dates = [text_of(row, "date") for row in soup.select("tr.quote")]
    assert dates == sorted(dates) and set(dates) == {"2022-06-29", "2024-03-14"}  # « jeudi » in a Friday article
    assert len(sections) == 2 and {text_of(r, "kind") for r in soup.select("tr.quote")} == {"directe"}
    assert text_of(soup, "filter") in ("directe", "2022-06")
    assert "Type" in soup.select_one("dl.meta").get_text() and "directe" in soup.select_one("dl.meta").get_text()
    empty = parse(sheets.search_report(db, "introuvablexyz"))
    assert not empty.select("tr.quote") and "Aucune citation" in empty.main.get_text()


def test_compact_escapes_hostile_text(db):
    soup = parse(sheets.article_sheet(db, article_id(db, "piege.md")))
    assert [s.get("type") for s in soup.find_all("script")] == ["application/ld+json"]
    assert not soup.find_all("img")
    assert "<script>alert(1)</script>" in text_of(soup.select_one("tr.quote"), "text")


# -- the command line -----------------------------------------------------------------------


def database_file(db) -> str:
    return db.conn.execute("PRAGMA database_list").fetchone()[2]


def test_report_article_accepts_the_file_name_and_names_known_paths(db, tmp_path):
    runner = CliRunner()
    by_name = runner.invoke(cli, ["report", "article", SEED.name, "-o", "-", "--db", database_file(db)])
    assert by_name.exit_code == 0, by_name.output
    assert "layout-summary" in by_name.output  # the default: the summary
    full = runner.invoke(cli, ["report", "article", SEED.name, "--layout", "full", "-o", "-", "--db", database_file(db)])
    assert full.exit_code == 0 and "layout-compact" in full.output
    cards = runner.invoke(cli, ["report", "article", SEED.name, "--layout", "cards", "-o", "-", "--db", database_file(db)])
    assert cards.exit_code == 0 and 'class="card ' in cards.output
    missing = runner.invoke(cli, ["report", "article", "absent.txt", "--db", database_file(db)])
    assert missing.exit_code == 1 and "Traceback" not in missing.output
    (line,) = missing.output.strip().splitlines()
    assert "absent.txt : aucun article" in line and "chemins indexés : " in line and "(et 1 autres)" in line


def test_file_name_shared_by_two_articles_asks_for_the_path(tmp_path, spacy_engine):
    db = open_db(tmp_path / "two.db")
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        page = tmp_path / folder / "note.txt"
        page.write_text(f"« Nous verrons bien », a déclaré Paul Durand à {folder}.\n", encoding="utf-8")
        list(index_paths(db, [str(page)], spacy_engine))
    with pytest.raises(sheets.ArticleNotFound) as error:
        sheets.find_article(db, "note.txt")
    assert "plusieurs articles ont ce nom de fichier" in str(error.value)
    assert sheets.find_article(db, str(tmp_path / "a" / "note.txt"))["path"].endswith("a/note.txt")


# -- PDF -------------------------------------------------------------------------------------


def test_pdf_without_weasyprint_or_chromium_says_how_to_get_either(monkeypatch, tmp_path):
    from quotetrack.printing import pdf

    monkeypatch.setattr(pdf, "pdf_engine", lambda: None)
    target = tmp_path / "x.pdf"
    with pytest.raises(pdf.PdfUnavailable) as error:
        pdf.write_pdf("<p>x</p>", target)
    message = str(error.value)
    assert "pip install 'quotetrack[pdf]'" in message and "apt install chromium" in message and "\n" not in message
    assert not target.exists() and not list(tmp_path.iterdir())


def test_failed_pdf_leaves_the_old_file_and_no_partial(monkeypatch, tmp_path):
    from quotetrack.printing import pdf

    def half(html, output):
        Path(output).write_bytes(b"<html>not a pdf")

    monkeypatch.setattr(pdf, "pdf_engine", lambda: "chromium")
    monkeypatch.setattr(pdf, "chromium_pdf", half)
    target = tmp_path / "sheet.pdf"
    target.write_bytes(b"%PDF-1.4 earlier")
    with pytest.raises(pdf.PdfFailed):
        pdf.write_pdf("<p>x</p>", target)
    assert target.read_bytes() == b"%PDF-1.4 earlier"
    assert [p.name for p in tmp_path.iterdir()] == ["sheet.pdf"]
    with pytest.raises(pdf.PdfFailed) as error:
        pdf.write_pdf("<p>x</p>", tmp_path / "missing" / "sheet.pdf")
    assert "écriture impossible ici" in str(error.value)


def test_cli_pdf_error_is_one_line(monkeypatch, db, tmp_path):
    from quotetrack.printing import pdf

    monkeypatch.setattr(pdf, "pdf_engine", lambda: None)
    result = CliRunner().invoke(cli, ["report", "article", SEED.name, "--pdf", str(tmp_path / "s.pdf"),
                                      "--db", database_file(db)])  # fmt: skip
    assert result.exit_code == 1 and len(result.output.strip().splitlines()) == 1
    assert "WeasyPrint" in result.output and not (tmp_path / "s.pdf").exists()


# -- printed, in a real browser -------------------------------------------------------------

browser = pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is not installed")
poppler = pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext (Debian package poppler-utils) is not installed")


def print_pdf(tmp_path, html: str, name: str) -> Path:
    page, pdf = tmp_path / f"{name}.html", tmp_path / f"{name}.pdf"
    page.write_text(html, encoding="utf-8")
    command = [str(CHROMIUM), *FLAGS, f"--user-data-dir={tmp_path / ('profile-' + name)}", "--no-pdf-header-footer",
               f"--print-to-pdf={pdf}", page.as_uri()]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0 and pdf.read_bytes().startswith(b"%PDF-"), done.stderr[-2000:]
    return pdf


def printed_pages(pdf: Path) -> list[str]:
    """The text of each printed page (pdftotext ends every page with a form feed)."""
    text = subprocess.run([PDFTOTEXT, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1]


def words_outside_the_page(pdf: Path) -> list[str]:
    """Words whose box leaves the sheet of paper: clipped when printed."""
    xhtml = subprocess.run([PDFTOTEXT, "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    outside = []
    for page in BeautifulSoup(xhtml, "html.parser").find_all("page"):
        width, height = float(page["width"]), float(page["height"])
        for word in page.find_all("word"):
            box = [float(word[k]) for k in ("xmin", "ymin", "xmax", "ymax")]
            if box[0] < 0 or box[1] < 0 or box[2] > width + 0.5 or box[3] > height + 0.5:
                outside.append(word.get_text())
    return outside


def check_printed(pdf: Path, budget: int, labels: list[str]) -> list[str]:
    pages = printed_pages(pdf)
    assert 1 <= len(pages) <= budget, f"{len(pages)} pages, budget {budget}"
    assert all(page.strip() for page in pages), "a blank page"
    assert "à vérifier avant publication" in pages[-1] and len(pages[-1].split()) > 30  # no page of footer only
    assert words_outside_the_page(pdf) == []
    flat = " ".join(" ".join(pages).split())
    for label in labels:  # every quote's mark in the text survived printing
        assert label in flat, label
    return pages


@pytest.mark.browser
@browser
@poppler
def test_printed_seed_sheet_fits_three_pages(tmp_path, db):
    html = sheets.article_sheet(db, seed_id(db))
    labels = [a.get_text().replace("\xa0", " ") for a in parse(html).select("a.label")]
    pages = check_printed(print_pdf(tmp_path, html, "seed"), 3, labels)
    assert "Qui a dit quoi" in pages[0] and "Jens Stoltenberg" in pages[0]


@pytest.mark.browser
@browser
@poppler
def test_printed_twelve_quote_article_fits_four_pages(tmp_path, twelve_db):
    db, ids = twelve_db
    html = sheets.article_sheet(db, TWELVE.name)
    labels = [a.get_text().replace("\xa0", " ") for a in parse(html).select("a.label")]
    assert len(labels) == 12
    pages = check_printed(print_pdf(tmp_path, html, "twelve"), 4, labels)
    assert "Qui a dit quoi" in pages[0]
    assert "Annexe" in " ".join(pages) and "Vérifié sur l'enregistrement de la séance" in " ".join(" ".join(pages).split())


@pytest.mark.browser
@browser
@poppler
@pytest.mark.parametrize("page", ["speaker", "search"])
def test_printed_dossier_and_search_are_compact(tmp_path, db, page):
    html = sheets.speaker_dossier(db, "Stoltenberg") if page == "speaker" else sheets.search_report(db, None)
    check_printed(print_pdf(tmp_path, html, page), 4, [])


@pytest.mark.browser
@browser
def test_pdf_through_chromium_when_weasyprint_is_missing(monkeypatch, tmp_path, db):
    import sys

    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import fails as if not installed
    target = tmp_path / "sheet.pdf"
    assert pdf.write_pdf(sheets.article_sheet(db, seed_id(db)), target) == "chromium"
    assert target.read_bytes().startswith(b"%PDF-") and [p.name for p in tmp_path.iterdir()] == ["sheet.pdf"]
