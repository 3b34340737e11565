"""What is read as an article: never quotetrack's own sheets and exports, never the
content of a page that no reader sees (docs/reliability.md)."""

from __future__ import annotations

import sqlite3

import pytest

from quotetrack.sources.articles import read_article
from quotetrack.sources.own_outputs import own_output_kind

from reliability_helpers import run, store_article

ARTICLE = "« Le pont rouvrira lundi », a déclaré Anne Dubreuil, maire de la ville.\n"


# ----- quotetrack's own outputs ---------------------------------------------------------------------
def test_sheets_and_exports_saved_among_the_articles_are_skipped(tmp_path, db_path):
    store_article(db_path, [("Anne Dubreuil", "Le pont rouvrira lundi"), ("Paul Mercier", "Le budget est tenu")])
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a_article.txt").write_text(ARTICLE, encoding="utf-8")
    written = {
        "fiche.html": ["report", "article", "conseil.txt"], "fiche_complete.html": ["report", "article", "conseil.txt", "--layout", "full"],
        "dossier.htm": ["report", "speaker", "Anne Dubreuil"],
        "rapport.html": ["report", "search", "pont", "--layout", "cards"], "export.txt": ["export"],
        "export_json.txt": ["export", "--format", "json"], "export_nd.md": ["export", "--format", "ndjson"],
    }  # fmt: skip
    for name, command in written.items():
        assert run(*command, "--db", db_path, "-o", folder / name).exit_code == 0
    result = run("index", folder, "--db", db_path, "--engine", "spacy", "--workers", 1)
    assert result.exit_code == 0, result.output
    skipped = sorted(line for line in result.output.splitlines() if line.startswith("ignoré : "))
    assert skipped == sorted(
        f"ignoré : {folder / name}: {'un export' if name.startswith('export') else 'une fiche ou un rapport'} écrit par quotetrack, pas un article"
        for name in written)  # fmt: skip
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT count(*) FROM articles").fetchone() == (2,)  # the stored one and a_article.txt
    assert conn.execute("SELECT count(*) FROM quotes WHERE text LIKE '%Le pont rouvrira lundi%'").fetchone() == (2,)
    conn.close()


@pytest.mark.parametrize(
    "text, kind",
    [('<!doctype html><html><head><meta name="generator" content="quotetrack 0.1.0"></head>', "une fiche ou un rapport"),
     ("<html><head><meta content='quotetrack 2.0' name='generator'>", "une fiche ou un rapport"),
     ("<!doctype html><html><head><title>Conseil · synthèse · quotetrack</title>", "une fiche ou un rapport"),
     ("id,text,kind,speaker,speaker_kind,role\n", "un export"),
     ('[\n  {\n    "id": "37e4b1e8bbe1b1e5",\n    "text": "Le pont",\n    "kind": "direct"', "un export"),
     ('{"id": "37e4b1e8bbe1b1e5", "text": "Le \\"pont\\"", "kind": "direct"}', "un export"),
     ('<html><head><meta name="generator" content="WordPress 6.4"></head>', None),
     ("id,text\nUn tableur quelconque", None), (ARTICLE, None),
     ("Le rapport dit : id,text,kind,speaker, rien de plus.", None)],
)  # fmt: skip
def test_own_output_kind(text, kind):
    assert own_output_kind(text) == kind


# ----- content no reader sees -----------------------------------------------------------------------
PAGE = """<!doctype html><html><head><title>Conseil municipal</title></head><body><article><h1>Conseil municipal</h1>
<p>« Le pont rouvrira lundi », a déclaré Anne Dubreuil, maire de la ville, lors du conseil municipal de mardi soir.</p>
{hidden}
<p>La séance a été levée à vingt-deux heures, après un long débat sur le budget de la commune.</p>
</article></body></html>"""
SECRET = "« Les impôts doubleront l'an prochain », a déclaré Paul Mercier devant les élus."


@pytest.mark.parametrize(
    "hidden",
    [f"<template><p>{SECRET}</p></template>", f"<div hidden><p>{SECRET}</p></div>", f"<p hidden=''>{SECRET}</p>",
     f"<section HIDDEN='hidden'><p>{SECRET}</p></section>", f"<p style='display:none'>{SECRET}</p>",
     f"<p style='color: red; DISPLAY : none !important'>{SECRET}</p>", f"<div style='visibility:hidden'><p>{SECRET}</p></div>"],
)  # fmt: skip
def test_html_content_no_reader_sees_is_not_extracted(tmp_path, hidden):
    page = tmp_path / "page.html"
    page.write_text(PAGE.format(hidden=hidden), encoding="utf-8")
    text = read_article(str(page)).text
    assert "impôts" not in text
    assert "Le pont rouvrira lundi" in text and "vingt-deux heures" in text


@pytest.mark.parametrize("shown", [f"<div hidden='until-found'><p>{SECRET}</p></div>", f"<p style='display: block'>{SECRET}</p>",
                                   f"<p data-hidden='1' class='hidden-xs'>{SECRET}</p>"])  # fmt: skip
def test_html_content_a_reader_can_see_is_kept(tmp_path, shown):
    page = tmp_path / "page.html"
    page.write_text(PAGE.format(hidden=shown), encoding="utf-8")
    assert "Les impôts doubleront" in read_article(str(page)).text


def test_the_visible_text_after_a_hidden_element_is_kept(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(PAGE.format(hidden="<p>Le vote a eu lieu <span hidden>en secret</span>à main levée, sans surprise pour personne.</p>"),
                    encoding="utf-8")  # fmt: skip
    text = read_article(str(page)).text
    assert "Le vote a eu lieu à main levée" in text and "secret" not in text
