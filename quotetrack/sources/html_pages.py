"""Article metadata from a news page, cleaned for an archive: outlet, authors, URL, title.

trafilatura finds the main text well but its metadata is what the page's markup says,
debris included: an outlet written « www.lemonde.fr » on one page and « Le Monde.fr »
on another, bylines such as « Par Jean Dupont, publié le 3 mars; mis à jour le 4 mars »,
a canonical link relative to the page. A newsroom filtering by outlet or author needs
one spelling per outlet and clean names, so this module reads the page's structured
data first (JSON-LD ``publisher``, ``author``, ``headline``; then Open Graph and
``<link rel=canonical>``), falls back on trafilatura's fields, and normalises:

- outlets through the table of ``data/outlets.txt`` (« lemonde.fr », « Le Monde.fr »
  -> « Le Monde »), else without ``www.``, a trailing ``.fr`` or ``©``;
- authors split into a list, cleaned of « Par », « Propos recueillis par », dates and
  section names (``data/sections.txt``);
- relative canonical URLs resolved against the page's URL.

It also prepares the HTML and cleans the text trafilatura returns: boilerplate
paragraphs (``data/boilerplate.txt``) go, and no two words are glued together where
markup was removed. Plain-text articles get a title from a headline first line.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

import lxml.etree
import lxml.html

from ..text.word_lists import entries, outlets
from ..text.folding import fold

ARTICLE_TYPES = {"newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
                 "backgroundnewsarticle", "reviewnewsarticle", "blogposting", "liveblogposting", "report"}  # fmt: skip
MAX_AUTHOR_WORDS = 5
MAX_HEADLINE = 140  # characters: a first line longer than this is a paragraph
MAX_BOILERPLATE = 250  # characters: longer paragraphs are text, whatever they mention
_BYLINE_PREFIX = re.compile(
    r"^(?:par|by|de|propos recueillis par|recueillis? par|texte|textes|auteur|autrice|auteurs|rédigé par|"
    r"écrit par|avec)\b\s*:?\s*", re.IGNORECASE,
)  # fmt: skip
_BYLINE_DEBRIS = re.compile(
    r"[,;|–—-]?\s*(?:publié|publiée|mis à jour|mise à jour|modifié|actualisé|le \d|il y a|aujourd'hui|hier|"
    r"\d{1,2}h\d{0,2}|\d{1,2}[/.]\d{1,2}|\d{4}-\d{2}).*$", re.IGNORECASE,
)  # fmt: skip
_AUTHOR_SPLIT = re.compile(r"\s*(?:;|,|&|\||\bet\b|\band\b)\s*", re.IGNORECASE)
_TLD = re.compile(r"\.(?:fr|com|net|org|info|be|ch|ca|eu|tv|news)$", re.IGNORECASE)
_EMPTY_INLINE = re.compile(r"<(span|i|em|b|strong|a|font|small|u)\b[^>]*>\s*</\1\s*>", re.IGNORECASE)
_MAYBE_UNSEEN = re.compile(r"<template\b|\shidden\b|display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_UNSEEN_STYLE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!\s*important\s*)?(?:;|$)", re.IGNORECASE)
_Q_OPEN, _Q_CLOSE = re.compile(r"<q\b[^>]*>", re.IGNORECASE), re.compile(r"</q\s*>", re.IGNORECASE)
_GLUED = (
    (re.compile(r"(?<=[^\W_])(?=[«“])"), " "),  # mot«  -> mot «
    (re.compile(r"(?<=[»”])(?=[^\W_])"), " "),  # »mot  -> » mot
)


@dataclass(frozen=True)
class PageMetadata:
    title: str | None = None
    url: str | None = None
    source: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None  # YYYY-MM-DD from the page's structured data

    @property
    def author(self) -> str | None:
        return ", ".join(self.authors) or None


# ----- the page's HTML and text --------------------------------------------------------------------
def prepare_html(html: str) -> str:
    """Markup trafilatura would lose text around: empty inline elements (their tail,
    often the only space between two words, goes with them) and ``<q>`` (the rest of
    its paragraph goes), which becomes French quotation marks. Content no reader sees
    goes first (see ``drop_unseen``)."""
    html = _EMPTY_INLINE.sub("", drop_unseen(html))
    return _Q_CLOSE.sub("\u00a0»", _Q_OPEN.sub("«\u00a0", html))


def drop_unseen(html: str) -> str:
    """``html`` without the content a browser never shows: ``<template>`` (markup kept for
    scripts), elements with the ``hidden`` attribute and elements whose inline style is
    ``display: none`` or ``visibility: hidden``. trafilatura keeps their text, so a page
    could slip a quote nobody read into the archive. (``hidden="until-found"`` is shown
    when a reader searches the page: kept.) Their tail text, which is visible, stays."""
    if not _MAYBE_UNSEEN.search(html):
        return html  # the common case: no reparse
    try:
        tree = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return html
    unseen = [element for element in tree.iter(lxml.etree.Element) if _is_unseen(element)]
    if not unseen:
        return html
    for element in unseen:
        if element.getparent() is not None:
            element.drop_tree()
    return lxml.html.tostring(tree, encoding="unicode", doctype="<!DOCTYPE html>")


def _is_unseen(element) -> bool:
    if not isinstance(element.tag, str):
        return False
    if element.tag.lower() == "template":
        return True
    hidden = element.get("hidden")
    if hidden is not None and hidden.strip().lower() != "until-found":
        return True
    style = element.get("style")
    return bool(style and _UNSEEN_STYLE.search(style))


def clean_paragraphs(paragraphs) -> list[str]:
    """Paragraphs without page furniture, with a space wherever a quotation mark was
    glued to a word by removed markup (French never writes « mot«autre »)."""
    kept = []
    for paragraph in paragraphs:
        if len(paragraph) < MAX_BOILERPLATE and any(p.search(paragraph) for p in _boilerplate()):
            continue
        for pattern, space in _GLUED:
            paragraph = pattern.sub(space, paragraph)
        kept.append(paragraph)
    return kept


def text_title(text: str, path: str | None) -> str | None:
    """Title of a plain-text article: its first line when it reads as a headline (short,
    no final full stop, more text after it), else the file name."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    first = lines[0] if lines else ""
    if (
        len(lines) > 1 and len(first) <= MAX_HEADLINE and not first.endswith((".", ",", ";", ":", "…"))
        and not first.startswith(("«", "“", '"', "—", "–", "-"))
    ):  # fmt: skip
        return first
    return os.path.basename(path) if path and path != "-" else None


# ----- metadata --------------------------------------------------------------------------------------
def page_metadata(html: str, page_url: str | None, extracted=None) -> PageMetadata:
    """The page's metadata (see the module doc); ``extracted`` is trafilatura's document,
    whose fields are the fallbacks."""
    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        tree = None
    article, graph = _json_ld(tree)
    meta = _meta(tree)
    base = page_url or _absolute(meta.get("og:url")) or _absolute(_text(article.get("url"))) or _absolute(meta.get("base"))
    canonical = meta.get("canonical") or meta.get("og:url") or _text(article.get("url"))
    url = _resolve(canonical, base) or _absolute(getattr(extracted, "url", None)) or page_url
    publisher = _resolve_ref(article.get("publisher"), graph)
    named = _text(publisher.get("name")) if isinstance(publisher, dict) else _text(publisher)
    source = (
        _known_outlet(url) or normalise_outlet(named) or normalise_outlet(meta.get("og:site_name"))
        or normalise_outlet(getattr(extracted, "sitename", None)) or normalise_outlet(_domain(url))
    )  # fmt: skip
    people = [_resolve_ref(a, graph) for a in _as_list(article.get("author"))]
    names = [_text(p.get("name")) if isinstance(p, dict) else _text(p) for p in people]
    authors = clean_authors([n for n in names if n], source) or clean_authors(
        [meta.get("author"), getattr(extracted, "author", None)], source
    )
    title = _text(article.get("headline")) or meta.get("og:title") or getattr(extracted, "title", None)
    published = _text(article.get("datePublished"))
    published = published[:10] if published and re.match(r"\d{4}-\d{2}-\d{2}", published) else None
    return PageMetadata(_strip_outlet(title, source), url, source, authors, published)


def normalise_outlet(name: str | None) -> str | None:
    """One name per outlet: « www.lemonde.fr », « Le Monde.fr », « © Le Monde » -> « Le Monde »."""
    if not name:
        return None
    name = " ".join(str(name).split())
    name = re.sub(r"^(?:©|\(c\))\s*(?:\d{4}\s*)?|\s*(?:©|\(c\))\s*(?:\d{4})?$", "", name, flags=re.IGNORECASE).strip(" -–|")
    if not name:
        return None
    domain = _domain(name) if re.fullmatch(r"(?:https?://)?[\w.-]+\.[a-z]{2,}(?:/\S*)?", name, re.IGNORECASE) else None
    table = outlets()
    for candidate in (name, domain, _TLD.sub("", name), domain and _TLD.sub("", domain)):
        if candidate and fold(candidate) in table:
            return table[fold(candidate)]
    if domain:
        return domain
    return _TLD.sub("", name) if " " in name or any(c.isupper() for c in name) else name


def clean_authors(values, outlet: str | None = None) -> tuple[str, ...]:
    """Author names out of bylines: one entry per person, debris and section names gone."""
    found: dict[str, str] = {}
    for value in values:
        if not value:
            continue
        for part in _AUTHOR_SPLIT.split(" ".join(str(value).split())):
            name = _clean_author(part, outlet)
            if name:
                found.setdefault(fold(name), name)
    return tuple(found.values())


def _clean_author(part: str, outlet: str | None) -> str | None:
    previous = None
    while previous != part:
        previous = part
        part = _BYLINE_PREFIX.sub("", part.strip(" :-–—|"))
    part = _BYLINE_DEBRIS.sub("", part).strip(" ,;:-–—|")
    words = part.split()
    if not words or len(words) > MAX_AUTHOR_WORDS or not any(c.isalpha() for c in part):
        return None
    if "@" in part or "http" in part.lower() or part.islower():
        return None
    if fold(part) in _sections() or (outlet and fold(normalise_outlet(part) or "") == fold(outlet)):
        return None
    return part


def _known_outlet(url: str | None) -> str | None:
    """The outlet of a URL whose domain is in the table (the surest name there is)."""
    domain = _domain(url)
    table = outlets()
    while domain and "." in domain:
        if fold(domain) in table:
            return table[fold(domain)]
        domain = domain.split(".", 1)[1]  # edition.lemonde.fr -> lemonde.fr
    return None


def _strip_outlet(title: str | None, outlet: str | None) -> str | None:
    """« La réforme adoptée - Le Monde.fr » -> « La réforme adoptée »."""
    if not title:
        return None
    title = " ".join(title.split())
    match = re.match(r"^(.*\S)\s+[-–—|:]\s+([^-–—|]+)$", title)
    if match and outlet and normalise_outlet(match.group(2)) == outlet:
        return match.group(1)
    return title


def _json_ld(tree) -> tuple[dict, dict]:
    """The page's article object in its JSON-LD and the objects it may refer to by @id."""
    if tree is None:
        return {}, {}
    objects = []
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text_content() or "null")
        except ValueError:
            continue
        pending = [data]
        while pending:
            item = pending.pop()
            if isinstance(item, list):
                pending.extend(item)
            elif isinstance(item, dict):
                objects.append(item)
                pending.extend(v for k, v in item.items() if k == "@graph" or k == "mainEntity")
    graph = {o["@id"]: o for o in objects if isinstance(o.get("@id"), str)}
    for item in objects:
        types = {str(t).lower() for t in _as_list(item.get("@type"))}
        if types & ARTICLE_TYPES:
            return item, graph
    return {}, graph


def _meta(tree) -> dict[str, str]:
    if tree is None:
        return {}
    found = {}
    for element in tree.xpath("//meta[@content]"):
        key = (element.get("property") or element.get("name") or "").strip().lower()
        if key and key not in found and element.get("content").strip():
            found[key] = element.get("content").strip()
    for element in tree.xpath('//link[@href and contains(concat(" ", normalize-space(@rel), " "), " canonical ")]'):
        found.setdefault("canonical", element.get("href").strip())
    for element in tree.xpath("//base[@href]"):
        found.setdefault("base", element.get("href").strip())
    if "article:author" in found and not found["article:author"].startswith("http"):
        found.setdefault("author", found["article:author"])
    return found


def _resolve_ref(value, graph: dict):
    if isinstance(value, dict) and set(value) <= {"@id", "@type"} and value.get("@id") in graph:
        return graph[value["@id"]]
    return value


def _resolve(href: str | None, base: str | None) -> str | None:
    """An absolute URL from ``href``, relative ones resolved against ``base``."""
    if not href:
        return None
    if _absolute(href):
        return href
    return urljoin(base, href) if base else None


def _absolute(url) -> str | None:
    return url if isinstance(url, str) and urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc else None


def _domain(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url if "//" in url else "//" + url).netloc.lower().split(":")[0]
    return host.removeprefix("www.") or None


def _as_list(value) -> list:
    return value if isinstance(value, list) else [] if value is None else [value]


def _text(value) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("@id") or value.get("url")
    return " ".join(str(value).split()) or None if value is not None else None


@lru_cache(maxsize=None)
def _boilerplate() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(line, re.IGNORECASE) for line in (line for _, line in entries("boilerplate.txt")))


@lru_cache(maxsize=None)
def _sections() -> frozenset[str]:
    return frozenset(fold(line) for line in (line for _, line in entries("sections.txt")))
