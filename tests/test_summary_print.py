"""The summary sheet on paper: printed by Chromium (as ``report --pdf`` does), counted
with ``pdftotext``: at most two A4 pages for the seed, the 12-quote article and a
60-quote article written for this test (tests/data/soixante-citations.md)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from quotetrack.indexing import index_paths
from quotetrack.archive.reviews import review_quote
from quotetrack.archive.store import open_db
from quotetrack.printing.pdf import chromium_pdf, find_chromium
from quotetrack.printing.sheets import article_sheet

from conftest import ROOT, SEED

DATA = ROOT / "tests" / "data"
ARTICLES = {"seed": (SEED, 11), "douze": (DATA / "douze-citations.md", 12), "soixante": (DATA / "soixante-citations.md", 60)}

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not find_chromium() or not shutil.which("pdftotext"), reason="needs chromium and poppler-utils"),
]


def pages(pdf: Path) -> int:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.count("\f") or 1


@pytest.mark.parametrize("name", ARTICLES)
def test_the_summary_prints_on_two_pages_at_most(name, tmp_path, spacy_engine):
    path, expected = ARTICLES[name]
    db = open_db(tmp_path / "quotes.db")
    (outcome,) = index_paths(db, [str(path)], spacy_engine)
    assert outcome.status == "indexed"
    (article_id,) = [row[0] for row in db.conn.execute("SELECT id FROM articles")]
    count = db.conn.execute("SELECT count(*) FROM quotes").fetchone()[0]
    assert count == expected
    first = db.conn.execute("SELECT id FROM quotes ORDER BY start LIMIT 1").fetchone()[0]
    review_quote(db, first, status="rejected", reviewer="claire")
    html = article_sheet(db, article_id, layout="summary")
    assert f"{count - 1} citation" in html and "1 rejetée" in html and f"/q/{first[:10]}" not in html
    chromium_pdf(html, str(tmp_path / "summary.pdf"))
    printed = pages(tmp_path / "summary.pdf")
    print(f"{name}: {count} quotes, {printed} page(s)")
    assert printed <= 2
