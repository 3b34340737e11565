"""Article identity: an article is replaced only by a new version of itself, never by
another article that shares a URL (docs/reliability.md)."""

from __future__ import annotations

import sqlite3

import pytest
from click.testing import CliRunner

from quotetrack.cli import cli

SAYINGS = [
    ("Anne Dubreuil", "Le pont rouvrira lundi"),
    ("Paul Mercier", "Les travaux sont terminés"),
    ("Lucie Garnier", "Le budget sera tenu"),
    ("Marc Lefèvre", "Nous avons écouté les riverains"),
    ("Inès Moreau", "La circulation reprendra dès demain"),
]


def run(*args):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def index(*args):
    return run("index", *args, "--engine", "spacy", "--workers", 1)


def articles(db_path):
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute("SELECT path, url FROM articles ORDER BY path").fetchall()
    finally:
        conn.close()


def html(name, words, canonical):
    return (f'<html><head><title>{name}</title><link rel="canonical" href="{canonical}"></head><body>'
            f"<article><h1>{name} s'exprime</h1><p>« {words} », a déclaré {name} devant la presse.</p>"
            "<p>La réunion publique s'est tenue à la mairie en fin de journée.</p></article></body></html>")


@pytest.mark.parametrize(
    "url, specific",
    [
        ("https://exemple.fr/", False),
        ("https://exemple.fr", False),
        ("https://exemple.fr/index.html", False),
        ("https://exemple.fr/politique/", False),
        ("https://exemple.fr/economie", False),
        ("https://exemple.fr/politique/2026/01/05/budget", True),
        ("https://exemple.fr/le-pont-rouvrira-lundi", True),
        ("https://exemple.fr/article.php?id=42", True),
        ("https://exemple.fr/a12345", True),
        ("ftp://exemple.fr/politique/2026/budget", False),
        ("pas une adresse", False),
    ],
)
def test_article_url(url, specific):
    from quotetrack.archive.store import article_url

    assert article_url(url) is specific


def test_url_option_for_a_folder_is_refused(tmp_path, db_path, spacy_engine):
    for k, (name, words) in enumerate(SAYINGS[:2]):
        (tmp_path / f"{k}.txt").write_text(f"« {words} », a déclaré {name}.", encoding="utf-8")
    result = index(tmp_path, "--db", db_path, "--url", "https://exemple.fr/a/1")
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "Erreur : --url désigne un article : donnez-la avec un seul fichier, pas plusieurs ni un dossier"]
    result = index(tmp_path / "0.txt", tmp_path / "1.txt", "--db", db_path, "--url", "https://exemple.fr/a/1")
    assert result.exit_code == 1 and "--url désigne un article" in result.output


def test_the_same_url_in_several_front_matters_keeps_every_article(tmp_path, db_path, spacy_engine):
    folder = tmp_path / "articles"
    folder.mkdir()
    for k, (name, words) in enumerate(SAYINGS):
        (folder / f"{k}.md").write_text(
            f"---\ntitle: Article {k}\nurl: https://exemple.fr/politique/2026/01/05/budget\n---\n"
            f"« {words} », a déclaré {name}.\n", encoding="utf-8")
    result = index(folder, "--db", db_path)
    assert result.exit_code == 0, result.output
    assert "indexés 5, remplacés 0" in result.output
    assert len(articles(db_path)) == 5
    again = index(folder, "--db", db_path)  # each is its own earlier version: nothing changes
    assert "ignorés 5" in again.output and len(articles(db_path)) == 5


def test_a_canonical_home_page_does_not_merge_articles(tmp_path, db_path, spacy_engine):
    first, second = tmp_path / "premier.html", tmp_path / "second.html"
    first.write_text(html(*SAYINGS[0], "https://exemple.fr/"), encoding="utf-8")
    second.write_text(html(*SAYINGS[1], "https://exemple.fr/"), encoding="utf-8")
    assert "indexés 1" in index(first, "--db", db_path).output
    conn = sqlite3.connect(db_path)
    (quote_id,) = conn.execute("SELECT id FROM quotes").fetchone()
    conn.close()
    run("review", quote_id, "--status", "confirmed", "--db", db_path)

    result = index(second, "--db", db_path)
    assert "indexés 1, remplacés 0" in result.output and "no longer found" not in result.output
    assert [path for path, _ in articles(db_path)] == [str(first), str(second)]
    conn = sqlite3.connect(db_path)
    reviewed = conn.execute("SELECT q.id, a.path FROM quotes q JOIN articles a ON a.id = q.article_id"
                            " WHERE q.status != 'unreviewed'").fetchall()
    conn.close()
    assert reviewed == [(quote_id, str(first))]


def test_an_article_url_still_finds_the_earlier_version(tmp_path, db_path, spacy_engine):
    """The same page saved again under another name is a new version of the article."""
    url = "https://exemple.fr/ville/2026/01/05/le-pont-rouvre"
    (tmp_path / "avant.html").write_text(html(*SAYINGS[0], url), encoding="utf-8")
    (tmp_path / "apres.html").write_text(html(SAYINGS[0][0], "Le pont rouvrira mardi", url), encoding="utf-8")
    index(tmp_path / "avant.html", "--db", db_path)
    result = index(tmp_path / "apres.html", "--db", db_path)
    assert "indexés 0, remplacés 1" in result.output, result.output
    assert articles(db_path) == [(str(tmp_path / "apres.html"), url)]
