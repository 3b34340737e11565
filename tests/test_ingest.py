"""Ingest: every file a newsroom hands us becomes an Article, or an InputError naming the file."""

from __future__ import annotations

import codecs
import datetime as dt
import io
import itertools
import os
import random

import pytest

from quotetrack.errors import InputError
from quotetrack.sources.articles import Article, decode, iso_date, iter_paths, read_article

PHRASE = "« L’économie va mieux », a affirmé le ministre à l’Assemblée. Ça suffit, dit-elle."
CP1252_PHRASE = "“Le cœur du problème, c’est 20 € par mois”, a déclaré l’élue. Œuvre à l’été."
LATIN1_PHRASE = "Déjà là, garçon, où ça ? « Oui », répond-il à Noël."
NBSP_PHRASE = "Il a dit\u00a0: «\u202fNon\u202f»."
BODY = "« Nous tiendrons », a promis la maire.\n\nLe conseil municipal votera jeudi."


def write(folder, name, data):
    """Write a fixture under tmp_path: str is written as UTF-8, bytes as they are."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return str(path)


def png_bytes():
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + random.Random(7).randbytes(2000)


def undecodable_bytes():
    """Random bytes without NUL, starting with 0x81, which CP1252 leaves undefined."""
    return b"\x81" + bytes(b for b in random.Random(3).randbytes(3000) if b)


def assert_input_error(raised, path, problem):
    assert raised.value.path == path
    assert str(raised.value).startswith(f"{path}: ")
    assert problem in raised.value.problem


@pytest.mark.parametrize(
    "data, expected",
    [
        pytest.param(PHRASE.encode("utf-8"), PHRASE, id="utf-8"),
        pytest.param(codecs.BOM_UTF8 + PHRASE.encode("utf-8"), PHRASE, id="utf-8-bom"),
        pytest.param(codecs.BOM_UTF16_LE + PHRASE.encode("utf-16-le"), PHRASE, id="utf-16-le-bom"),
        pytest.param(codecs.BOM_UTF16_BE + PHRASE.encode("utf-16-be"), PHRASE, id="utf-16-be-bom"),
        pytest.param(PHRASE.encode("utf-16-le"), PHRASE, id="utf-16-le-no-bom"),
        pytest.param(PHRASE.encode("utf-16-be"), PHRASE, id="utf-16-be-no-bom"),
        pytest.param(codecs.BOM_UTF32_LE + PHRASE.encode("utf-32-le"), PHRASE, id="utf-32-le-bom"),
        pytest.param(codecs.BOM_UTF32_BE + PHRASE.encode("utf-32-be"), PHRASE, id="utf-32-be-bom"),
        pytest.param(CP1252_PHRASE.encode("cp1252"), CP1252_PHRASE, id="cp1252-curly-quotes-oe-euro"),
        pytest.param(LATIN1_PHRASE.encode("latin-1"), LATIN1_PHRASE, id="latin-1"),
        pytest.param("Déjà là, où ça ?".encode("cp1252"), "Déjà là, où ça ?", id="cp1252-short-dense"),
        pytest.param(b"Un.\r\n\r\nDeux.\r\nTrois.\r\n", "Un.\n\nDeux.\nTrois.", id="crlf"),
        pytest.param(b"Un.\rDeux.\r", "Un.\nDeux.", id="lone-cr"),
        pytest.param(NBSP_PHRASE.encode(), NBSP_PHRASE, id="nbsp-kept"),
        pytest.param(b"  Retrait.\n\tUn  deux\t trois.  \n\n \n", "  Retrait.\n\tUn  deux\t trois.", id="spacing"),
    ],
)
def test_plain_text_encodings(tmp_path, data, expected):
    path = write(tmp_path, "article.txt", data)
    assert read_article(path) == Article(text=expected, path=path, title="article.txt")  # no headline line: the file name


def test_decode_alone():
    assert decode(CP1252_PHRASE.encode("cp1252"), "x.txt") == CP1252_PHRASE


@pytest.mark.parametrize(
    "name, data, problem",
    [
        pytest.param("vide.txt", b"", "article vide", id="empty"),
        pytest.param("blanc.txt", b"  \n\t\r\n \xc2\xa0\n", "article vide", id="whitespace"),
        pytest.param("blanc16.txt", codecs.BOM_UTF16_LE + " \n \n".encode("utf-16-le"), "article vide",
                     id="whitespace-utf-16"),
        pytest.param("photo.txt", png_bytes(), "fichier binaire, pas du texte", id="png"),
        pytest.param("nul.txt", PHRASE.encode() + b"\x00\x00" + PHRASE.encode(), "fichier binaire, pas du texte (octets NUL",
                     id="nul-in-utf-8"),
        pytest.param("ctrl.txt", bytes(range(1, 9)) * 40 + b"texte", "fichier binaire, pas du texte", id="control-chars"),
        pytest.param("bruit.txt", undecodable_bytes(), "texte indéchiffrable (essayé : utf-8, utf-16, cp1252",
                     id="undecodable"),
        pytest.param("bom.txt", codecs.BOM_UTF8 + "Réformé".encode("cp1252"), "texte indéchiffrable",
                     id="cp1252-after-utf-8-bom"),
        pytest.param("vide.html", "<html><head><title>Vide</title><script>x()</script></head><body></body></html>",
                     "aucun texte d'article dans ce HTML", id="html-without-text"),
        pytest.param("a.md", "---\ntitle: [Réforme\n---\nLe texte.\n", "en-tête YAML invalide : ", id="yaml-syntax"),
        pytest.param("b.md", "---\n- un\n- deux\n---\nLe texte.\n", "en-tête YAML invalide : lignes",
                     id="yaml-not-a-mapping"),
        pytest.param("d.md", "---\ntitle: Rien\n---\n\n", "article vide", id="front-matter-only"),
    ],
)  # fmt: skip
def test_bad_files_raise_input_error(tmp_path, name, data, problem):
    path = write(tmp_path, name, data)
    with pytest.raises(InputError) as raised:
        read_article(path)
    assert_input_error(raised, path, problem)


@pytest.mark.parametrize(
    "make_path, problem",
    [
        pytest.param(lambda tmp: str(tmp / "absent.txt"), "fichier introuvable", id="missing"),
        pytest.param(lambda tmp: str(tmp), "is a directory", id="directory"),
        pytest.param(lambda tmp: "-", "article vide", id="empty-stdin"),
    ],
)
def test_unreadable_paths(tmp_path, make_path, problem):
    path = make_path(tmp_path)
    with pytest.raises(InputError) as raised:
        read_article(path, stdin=io.BytesIO(b""))
    assert_input_error(raised, path, problem)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_permission_denied_for_real(tmp_path):
    path = write(tmp_path, "secret.txt", PHRASE)
    os.chmod(path, 0)
    with pytest.raises(InputError) as raised:
        read_article(path)
    assert_input_error(raised, path, "illisible : permission refusée")


def test_permission_denied_simulated(tmp_path, monkeypatch):
    path = write(tmp_path, "secret.txt", PHRASE)

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied", path)

    monkeypatch.setattr("quotetrack.sources.articles.os.open", refuse)
    with pytest.raises(InputError) as raised:
        read_article(path)
    assert_input_error(raised, path, "illisible : permission refusée")


FULL_FRONT_MATTER = """---
title: La maire promet
date: 2024-03-12
source: Ouest-France
url: https://www.ouest-france.fr/a
author: Anne Le Gall
---

"""


@pytest.mark.parametrize(
    "source, expected",
    [
        pytest.param(BODY + "\n", {}, id="no-front-matter"),
        pytest.param(FULL_FRONT_MATTER + BODY, {
            "title": "La maire promet", "published": "2024-03-12", "source": "Ouest-France",
            "url": "https://www.ouest-france.fr/a", "author": "Anne Le Gall",
        }, id="full-front-matter"),
        pytest.param("---\ndate: 2024-03-12 08:30:00\n---\n" + BODY, {"published": "2024-03-12"}, id="datetime"),
        pytest.param("---\ndate: 12/03/2024\n---\n" + BODY, {"published": "2024-03-12"}, id="day-first"),
        pytest.param("---\ndate: mardi 1er octobre 2024\n---\n" + BODY, {"published": "2024-10-01"}, id="french"),
        pytest.param("---\nauthor: [Anne Le Gall, Paul Hervé]\n---\n" + BODY, {"author": "Anne Le Gall, Paul Hervé"},
                     id="author-list"),
        pytest.param("---\n---\n" + BODY, {}, id="empty-front-matter"),
        pytest.param(("---\r\ntitle: Élue\r\n---\r\n" + BODY.replace("\n", "\r\n")).encode("cp1252"),
                     {"title": "Élue"}, id="cp1252-crlf"),
    ],
)  # fmt: skip
def test_markdown(tmp_path, source, expected):
    path = write(tmp_path, "article.md", source)
    assert read_article(path) == Article(text=BODY, path=path, **expected)


def test_markdown_rule_without_closing_is_text(tmp_path):
    path = write(tmp_path, "article.markdown", "---\n" + BODY)
    assert read_article(path) == Article(text="---\n" + BODY, path=path)


HTML = """<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8">
<title>Retraites : le gouvernement recule - Le Quotidien</title>
<meta property="og:site_name" content="Le Quotidien">
<meta name="author" content="Claire Dubois">
<meta property="article:published_time" content="2024-03-12T08:30:00+01:00">
<link rel="canonical" href="https://www.lequotidien.fr/politique/retraites">
<script>var pisteur = "SCRIPT-TETE";</script></head>
<body><nav>Accueil | Politique | Économie</nav>
<article><h1>Retraites : le gouvernement recule</h1>
<p>« Nous avons entendu la colère des Français », a déclaré la Première ministre mardi soir.</p>
<iframe src="https://pub.example.com/banniere">IFRAME-PUB</iframe>
<p>Le syndicat a aussitôt réagi. “C’est une première victoire”, a estimé Laurent Martin.</p>
<script>console.log("SCRIPT-CORPS");</script>
<p>Selon l’économiste Sophie Lefèvre, «\u00a0le cœur du problème\u00a0» reste le financement.</p>
</article><footer>© 2024 Le Quotidien</footer></body></html>
"""
PARAGRAPHS = [
    "Retraites : le gouvernement recule",  # trafilatura keeps the <h1> headline as the first paragraph
    "« Nous avons entendu la colère des Français », a déclaré la Première ministre mardi soir.",
    "Le syndicat a aussitôt réagi. “C’est une première victoire”, a estimé Laurent Martin.",
    "Selon l’économiste Sophie Lefèvre, «\u00a0le cœur du problème\u00a0» reste le financement.",
]
HTML_META = {
    "title": "Retraites : le gouvernement recule",  # trafilatura drops the " - Le Quotidien" suffix
    "author": "Claire Dubois",
    "published": "2024-03-12",
    "source": "Le Quotidien",
    "url": "https://www.lequotidien.fr/politique/retraites",
}


@pytest.mark.parametrize(
    "name, data",
    [
        pytest.param("article.html", HTML.encode(), id="html"),
        pytest.param("ARTICLE.HTM", HTML.encode("cp1252"), id="htm-cp1252"),
        pytest.param("page.txt", HTML.encode(), id="sniffed-in-txt"),
        pytest.param("page.md", HTML.encode(), id="sniffed-in-md"),
    ],
)
def test_html(tmp_path, name, data):
    path = write(tmp_path, name, data)
    article = read_article(path)
    assert article.text.split("\n\n") == PARAGRAPHS
    for leaked in ("SCRIPT-TETE", "SCRIPT-CORPS", "IFRAME-PUB", "Accueil", "©"):
        assert leaked not in article.text
    assert {key: getattr(article, key) for key in HTML_META} == HTML_META
    assert article.path == path


@pytest.mark.parametrize(
    "body, paragraphs",
    [
        pytest.param("<p>Il a dit&nbsp;: «&#x202F;Non&#8239;», puis il est parti&#160;!</p>",
                     ["Il a dit\u00a0: «\u202fNon\u202f», puis il est parti\u00a0!"], id="nbsp-entities"),
        pytest.param("<p>Première ligne.<br>Deuxième ligne.</p><ul><li>un</li><li>deux</li></ul>",
                     ["Première ligne.", "Deuxième ligne.", "- un", "- deux"], id="br-and-list-items"),
        pytest.param("<p>Des   espaces\n  multiples.</p>", ["Des espaces multiples."], id="html-spaces-collapse"),
    ],
)  # fmt: skip
def test_html_text_shape(tmp_path, body, paragraphs):
    path = write(tmp_path, "a.html", f"<html><body><article>{body}</article></body></html>")
    assert read_article(path).text.split("\n\n") == paragraphs


@pytest.mark.parametrize(
    "data, expected_text",
    [
        pytest.param(b"Un.\r\nDeux.\r\n", "Un.\nDeux.", id="plain-crlf"),
        pytest.param(CP1252_PHRASE.encode("cp1252"), CP1252_PHRASE, id="plain-cp1252"),
        pytest.param(b"---\ntitle: x\n---\nCorps.", "---\ntitle: x\n---\nCorps.", id="front-matter-is-text"),
        pytest.param(HTML.encode(), "\n\n".join(PARAGRAPHS), id="html-sniffed"),
    ],
)
def test_stdin(data, expected_text):
    article = read_article("-", stdin=io.BytesIO(data))
    assert (article.text, article.path) == (expected_text, "-")


@pytest.mark.parametrize(
    "overrides, expected",
    [
        pytest.param({}, {"title": "La maire promet", "published": "2024-03-12"}, id="none"),
        pytest.param({"title": None, "date": None}, {"title": "La maire promet", "published": "2024-03-12"},
                     id="none-values-keep"),
        pytest.param({"title": "Autre titre", "date": "14/07/2024"},
                     {"title": "Autre titre", "published": "2024-07-14"}, id="replace"),
        pytest.param({"source": "AFP", "url": "https://afp.com/x", "author": "Rédaction"},
                     {"source": "AFP", "url": "https://afp.com/x", "author": "Rédaction"}, id="add"),
    ],
)  # fmt: skip
def test_overrides(tmp_path, overrides, expected):
    path = write(tmp_path, "a.md", "---\ntitle: La maire promet\ndate: 2024-03-12\n---\nCorps.\n")
    article = read_article(path, overrides=overrides)
    assert {key: getattr(article, key) for key in expected} == expected
    assert article.text == "Corps."


def test_override_url_reaches_html(tmp_path):
    path = write(tmp_path, "a.html", HTML.replace("<link rel", "<link data-x"))
    assert read_article(path, overrides={"url": "https://exemple.fr/x"}).url == "https://exemple.fr/x"


def test_bad_date_override_names_path(tmp_path):
    path = write(tmp_path, "a.txt", PHRASE)
    with pytest.raises(InputError) as raised:
        read_article(path, overrides={"date": "hier"})
    assert_input_error(raised, path, "date invalide 'hier'")


def test_unknown_override_is_a_programming_error(tmp_path):
    with pytest.raises(TypeError):
        read_article(write(tmp_path, "a.txt", PHRASE), overrides={"lang": "en"})


@pytest.mark.parametrize(
    "value, expected",
    [
        (None, None),
        ("", None),
        (dt.date(2024, 3, 12), "2024-03-12"),
        (dt.datetime(2024, 3, 12, 23, 59), "2024-03-12"),
        ("2024-03-12", "2024-03-12"),
        ("2024-03-12T08:30:00+01:00", "2024-03-12"),
        ("2024/3/2", "2024-03-02"),
        ("12/03/2024", "2024-03-12"),
        ("12.03.2024", "2024-03-12"),
        ("12 mars 2024", "2024-03-12"),
        ("1er août 2024", "2024-08-01"),
        ("Mardi 3 Décembre 2024", "2024-12-03"),
    ],
)
def test_iso_date(value, expected):
    assert iso_date(value) == expected


@pytest.mark.parametrize("value", ["hier", "31/02/2024", "2024-13-01", "12 brumaire 2024", "03/2024", 20240312])
def test_iso_date_rejects(value):
    with pytest.raises(ValueError, match="date invalide"):
        iso_date(value)


def test_iter_paths(tmp_path):
    corpus = tmp_path / "corpus"
    for name in ["b.txt", "a.md", "Z.HTML", "image.png", "notes.txt~", "sub/c.html", "sub/deeper/d.htm",
                 "sub/e.markdown", ".hidden.txt", ".git/config.txt", "sub/.cache/f.txt"]:  # fmt: skip
        write(corpus, name, PHRASE)
    odd = write(tmp_path / "ailleurs", "depeche.csv", PHRASE)
    missing = str(tmp_path / "absent.txt")

    got = list(iter_paths([str(corpus), odd, missing, "-"]))

    in_corpus = ["Z.HTML", "a.md", "b.txt", "sub/c.html", "sub/deeper/d.htm", "sub/e.markdown"]
    assert got == [str(corpus / name) for name in in_corpus] + [odd, missing, "-"]


def test_iter_paths_is_lazy(tmp_path):
    first = write(tmp_path, "a.txt", PHRASE)

    def arguments():
        yield first
        raise AssertionError("consumed too far")

    assert list(itertools.islice(iter_paths(arguments()), 1)) == [first]


def test_batch_goes_on_after_errors(tmp_path):
    good = write(tmp_path, "d/1.txt", PHRASE)
    write(tmp_path, "d/2.txt", b"")
    results = []
    for path in iter_paths([str(tmp_path / "d"), str(tmp_path / "absent.txt")]):
        try:
            results.append(read_article(path).path)
        except InputError as error:
            results.append(error.problem)
    assert results == [good, "article vide", "fichier introuvable"]


def test_large_file(tmp_path):
    line = PHRASE + "\r\n"
    data = (line * (20_000_000 // len(line.encode()) + 1)).encode("utf-8")
    article = read_article(write(tmp_path, "gros.txt", data))
    assert len(data) > 20_000_000
    assert "\r" not in article.text
    assert article.text.count("\n") == data.count(b"\r\n") - 1  # the last one is trailing whitespace
