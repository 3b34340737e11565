"""Article metadata from news pages: outlet, authors, canonical URL, title, clean text.

The pages are small HTML documents written for these tests in the shapes news sites use
(JSON-LD, Open Graph only, a byline in a meta tag, a relative canonical link).
"""

from __future__ import annotations

import json
import sqlite3

import pytest
from click.testing import CliRunner

from quotetrack.cli import cli
from quotetrack.sources.articles import _from_html, read_article
from quotetrack.sources.html_pages import clean_authors, normalise_outlet, text_title

BODY = """
<header><nav><a href="/">Accueil</a> <a href="/politique">Politique</a></nav></header>
<article>
<h1>{title}</h1>
<p>Le projet de loi a été adopté mardi soir par l'Assemblée nationale après trois semaines de débats souvent vifs entre la majorité et les oppositions.</p>
<p>« Nous avons tenu nos engagements », a déclaré la ministre du Travail devant les journalistes, en promettant une application rapide du texte.</p>
<p>Voir les contributions</p>
<p>Inscrivez-vous à notre newsletter du matin pour recevoir l'essentiel de l'actualité politique.</p>
<p>Les syndicats, eux, appellent à une nouvelle journée de mobilisation la semaine prochaine dans toutes les grandes villes du pays.</p>
</article>
"""
TITLE = "Retraites : la réforme adoptée par les députés"


def page(head: str, title: str = TITLE) -> str:
    return f'<!doctype html><html lang="fr"><head><meta charset="utf-8">{head}</head><body>{BODY.format(title=title)}</body></html>'


JSON_LD = page(f"""
<title>{TITLE} - Le Monde.fr</title>
<meta property="og:site_name" content="Le Monde.fr">
<link rel="canonical" href="/politique/article/2024/03/05/retraites_123.html">
<script type="application/ld+json">{json.dumps({
    "@context": "https://schema.org", "@type": "NewsArticle", "headline": TITLE,
    "datePublished": "2024-03-05T21:40:00+01:00",
    "author": [{"@type": "Person", "name": "Par Jean Dupont"}, {"@type": "Person", "name": "Marie Martin"}],
    "publisher": {"@type": "Organization", "name": "Le Monde", "logo": {"@type": "ImageObject", "url": "https://exemple.fr/logo.png"}},
}, ensure_ascii=False)}</script>
""")
OG_ONLY = page(f"""
<title>{TITLE} | Le Parisien</title>
<meta property="og:site_name" content="www.leparisien.fr">
<meta property="og:title" content="{TITLE}">
<meta property="og:url" content="https://www.leparisien.fr/politique/retraites-123.php">
<meta name="author" content="Recueilli par Sophie Bernard">
""")
BYLINE = page(f"""
<title>{TITLE}</title>
<meta property="og:site_name" content="Le Quotidien du Sud ©">
<meta name="author" content="Par Jean Dupont, publié le 5 mars 2024 à 21h40; mis à jour le 6 mars 2024 à 08h12">
<meta name="date" content="2024-03-05">
""")
GRAPH = page(f"""
<title>{TITLE}</title>
<link rel="canonical" href="retraites-123.html">
<script type="application/ld+json">{json.dumps({"@context": "https://schema.org", "@graph": [
    {"@type": "Organization", "@id": "#editeur", "name": "Libération"},
    {"@type": ["NewsArticle"], "headline": TITLE, "publisher": {"@id": "#editeur"},
     "author": {"@type": "Person", "name": "Auteur : Paul Durand, Politique"}},
]}, ensure_ascii=False)}</script>
""")


def write(tmp_path, name, html):
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    "html, url, expected",
    [
        pytest.param(JSON_LD, "https://www.lemonde.fr/politique/article/2024/03/05/retraites_123.html?utm=x", {
            "source": "Le Monde", "authors": ("Jean Dupont", "Marie Martin"), "author": "Jean Dupont, Marie Martin",
            "url": "https://www.lemonde.fr/politique/article/2024/03/05/retraites_123.html",
            "title": TITLE, "published": "2024-03-05"}, id="json-ld publisher, relative canonical"),
        pytest.param(OG_ONLY, None, {
            "source": "Le Parisien", "authors": ("Sophie Bernard",), "author": "Sophie Bernard",
            "url": "https://www.leparisien.fr/politique/retraites-123.php", "title": TITLE}, id="og:site_name only"),
        pytest.param(BYLINE, None, {
            "source": "Le Quotidien du Sud", "authors": ("Jean Dupont",), "author": "Jean Dupont", "url": None,
            "title": TITLE}, id="byline with dates"),
        pytest.param(GRAPH, "https://www.liberation.fr/politique/", {
            "source": "Libération", "authors": ("Paul Durand",), "url": "https://www.liberation.fr/politique/retraites-123.html",
            "title": TITLE}, id="json-ld graph, author debris, relative canonical"),
        pytest.param(GRAPH, None, {"source": "Libération", "url": None}, id="relative canonical without a page URL"),
    ],
)  # fmt: skip
def test_page_metadata(html, url, expected):
    """``url`` is the page's address (where it was fetched), not a --url override."""
    article = _from_html(html, "page.html", url=url)
    assert {key: getattr(article, key) for key in expected} == expected


def test_boilerplate_paragraphs_go(tmp_path):
    article = read_article(write(tmp_path, "page.html", JSON_LD))
    paragraphs = article.text.split("\n\n")
    assert len(paragraphs) == 4 and paragraphs[0] == TITLE
    assert not any("contributions" in p or "newsletter" in p for p in paragraphs)
    assert paragraphs[-1].startswith("Les syndicats")


@pytest.mark.parametrize(
    "markup, expected",
    [
        # an empty element carried the only space before the quotation
        ('a déclaré la ministre<span class="sep"></span>\n<span>« nous tiendrons »</span>\n<span>devant</span> les élus',
         "a déclaré la ministre « nous tiendrons » devant les élus"),
        ("a parlé d'une <q>réforme juste</q> devant les élus", "a parlé d'une «\u00a0réforme juste\u00a0» devant les élus"),
        ('le mot<em class="guillemet">«</em>réforme<em class="guillemet">»</em>revenait', "le mot «réforme» revenait"),
    ],
)
def test_no_words_glued_where_markup_was_removed(tmp_path, markup, expected):
    html = page("<title>Titre</title>").replace("<p>« Nous avons tenu", f"<p>Selon le compte rendu, la ministre {markup} réunis hier. « Nous avons tenu")
    text = read_article(write(tmp_path, "page.html", html)).text
    assert expected in text


@pytest.mark.parametrize(
    "name, outlet",
    [
        ("Le Monde.fr", "Le Monde"),
        ("lemonde.fr", "Le Monde"),
        ("www.lemonde.fr", "Le Monde"),
        ("https://www.lemonde.fr/politique/", "Le Monde"),
        ("© Le Monde", "Le Monde"),
        ("Les Echos", "Les Échos"),
        ("Le Quotidien du Sud ©", "Le Quotidien du Sud"),
        ("Le Quotidien du Sud.fr", "Le Quotidien du Sud"),
        ("www.exemple-info.fr", "exemple-info.fr"),
        ("", None),
        (None, None),
    ],
)
def test_normalise_outlet(name, outlet):
    assert normalise_outlet(name) == outlet


@pytest.mark.parametrize(
    "bylines, authors",
    [
        (["Par Jean Dupont"], ("Jean Dupont",)),
        (["Propos recueillis par Marie Martin"], ("Marie Martin",)),
        (["Par Jean Dupont, publié le 5 mars 2024 à 21h40; mis à jour le 6 mars 2024"], ("Jean Dupont",)),
        (["Jean Dupont et Marie Martin"], ("Jean Dupont", "Marie Martin")),
        (["Jean Dupont; Publié Le ; Mis À Jour Le; Marie Martin"], ("Jean Dupont", "Marie Martin")),
        (["Auteur : Paul Durand", "Politique"], ("Paul Durand",)),
        (["Jean Dupont", "jean dupont"], ("Jean Dupont",)),
        (["Le Monde"], ()),  # the outlet is no author
    ],
)
def test_clean_authors(bylines, authors):
    assert clean_authors(bylines, "Le Monde") == authors


@pytest.mark.parametrize(
    "text, title",
    [
        ("Grève à la SNCF : le trafic reprend\n\n« Nous reprenons », a dit le directeur.", "Grève à la SNCF : le trafic reprend"),
        ("Faut-il taxer les superprofits ?\nLe débat revient.", "Faut-il taxer les superprofits ?"),
        ("Le trafic reprend.\n\nLa suite du texte.", "depeche.txt"),  # a sentence, not a headline
        ("« Nous reprenons », a dit le directeur.\nLa suite.", "depeche.txt"),
        ("Une seule ligne sans point", "depeche.txt"),
        ("x" * 200 + "\nLa suite.", "depeche.txt"),
    ],
)
def test_plain_text_title(tmp_path, text, title):
    path = tmp_path / "depeche.txt"
    path.write_text(text, encoding="utf-8")
    assert read_article(str(path)).title == title
    assert text_title(text, "-") == (title if title != "depeche.txt" else None)


def test_one_outlet_name_across_the_database(tmp_path):
    """Two pages of one outlet, spelled two ways, indexed: one outlet in the database."""
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.html").write_text(JSON_LD, encoding="utf-8")
    other = JSON_LD.replace('"name": "Le Monde"', '"name": "lemonde.fr"').replace("réforme adoptée", "réforme votée")
    (folder / "b.html").write_text(other, encoding="utf-8")
    db_path = str(tmp_path / "q.db")
    result = CliRunner().invoke(cli, ["index", str(folder), "--db", db_path, "--engine", "spacy", "--workers", "1", "--silent"])
    assert result.exit_code == 0, result.output
    conn = sqlite3.connect(db_path)
    rows = conn.execute("SELECT source, author, authors FROM articles ORDER BY path").fetchall()
    assert rows == [("Le Monde", "Jean Dupont, Marie Martin", '["Jean Dupont", "Marie Martin"]')] * 2
