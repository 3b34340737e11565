"""Printable HTML: the rendering of sheets and reports.

One environment (``printing/environment.py``), built in one place, autoescaping on: a title or a quote holding
``<script>`` prints as text. A newsroom's own template folder (``--templates DIR``) is
searched first, then the built-in templates, so any page or partial can be overridden.

Python gathers and shapes the data (quotes, speakers, numbered sources, highlight
events, JSON-LD); the templates own every tag, so an override can change all markup.
Each quote's card and the numbered sources are made in ``printing/quote_cards.py``, the
same for every page; this module picks a page's quotes, its layout, and renders it.
Pages are self-contained (inline CSS, no fonts, scripts or images to fetch): a sheet
opened offline or printed years later looks the same.
"""

from __future__ import annotations

import json
import os
import re
from datetime import datetime, timezone
from pathlib import Path

from markupsafe import Markup

from .. import vocabulary
from ..errors import QuotetrackError
from ..sources.paragraphs import paragraph_spans
from ..archive import evidence
from ..archive.search import SpeakerNotFound, resolve_speaker, search
from .environment import environment
from .quote_cards import (QUOTE_SQL, article_groups, cards_and_sources, dict_rows, in_date_order, numbered_source,
                          quote_rows, rows_by_ids, shorten, speaker_groups)  # fmt: skip


class ArticleNotFound(QuotetrackError):
    """No stored article has this id, unique id prefix, path, file name or URL."""


class UnknownLayout(QuotetrackError):
    """A layout other than ``summary``, ``full`` (``compact``) or ``cards``."""


# summary: two pages for a meeting (article sheets only); compact (or full): who-said-what
# tables, the highlighted text and an annex; cards: a card per quote
LAYOUTS = ("compact", "cards")  # the layouts of every sheet, dossier and report
ALL_LAYOUTS = ("summary", "full", *LAYOUTS)
SUMMARY_TEXT = 160  # characters of a quote in the summary
SHORT_ID = 10  # characters of a quote id in a short link (/q/ID takes any unique prefix of 6 or more)
# The summary's groups: named speakers, then described and anonymous sources, then none.
SUMMARY_GROUPS = (("named", "Locuteurs nommés"), ("described", "Sources décrites ou anonymes"),
                  ("none", "Sans locuteur"))  # fmt: skip
KNOWN_PATHS = 5  # indexed paths named when an article is not found


def article_sheet(db, id_or_path: str, *, templates=None, organization=None, layout: str = "compact",
                  link_base: str = "", show_path: bool = True, include_rejected: bool = False,
                  review: dict | None = None, quote_links: str | None = None) -> str:  # fmt: skip
    """The sheet of one article: who said what, its text with every quote highlighted,
    then the annex (compact layout) or a card per quote (``layout="cards"``); or the
    two-page ``summary`` for a meeting, whose short links start with ``link_base``.
    ``show_path=False`` leaves the indexed file's path out (the web shows no path).
    Rejected quotes are left out (``archive/evidence.py``) unless ``include_rejected``.
    ``review`` (``{"token", "next"}``, from ``quotetrack serve``) adds the one-click
    « confirmer » and « rejeter » buttons to the summary's rows (never printed);
    ``quote_links`` (a server's base, ``""`` for its root) makes each row's number a link
    to the quote's page."""
    layout = _check_layout(layout)
    article = find_article(db, id_or_path)
    everything = quote_rows(db, "WHERE q.article_id = ? ORDER BY q.start, q.\"end\" DESC", [article["id"]])
    quotes = [q for q in everything if evidence.counts(q, include_rejected=include_rejected)]
    if layout == "summary":
        return _summary(db, article, quotes, templates, organization, link_base,
                        left_out=len(everything) - len(quotes), review=review)  # fmt: skip
    cards, sources = cards_and_sources(db, quotes)
    shown = sources[0] if sources else numbered_source(article, 1)
    if not show_path:
        shown = {**shown, "path": None}
    return _render(
        templates, "article.html", organization, cards, in_text=True, layout=layout,
        title=article["title"] or Path(article["path"] or "article").name,
        article=shown, sources=sources,
        speakers=speaker_groups(cards), paragraphs=highlight(article["text"], cards),
        annex=[card for card in cards if card["annex"]], quote_links=quote_links,
    )  # fmt: skip


def speaker_dossier(db, name: str, *, templates=None, organization=None, layout: str = "compact",
                    include_rejected: bool = False, quote_links: str | None = None) -> str:  # fmt: skip
    """Every quote of one speaker (id, canonical name, alias, or a last name naming one):
    a table per article in date order (compact), or cards newest first (``cards``).
    Rejected quotes are left out unless ``include_rejected``; ``quote_links`` as for
    ``article_sheet``."""
    layout = _check_layout(layout, summary=False)
    try:
        speaker = resolve_speaker(db, name)
    except SpeakerNotFound:
        # A last name (« Stoltenberg ») is enough when it names one speaker with quotes.
        names = sorted({row["speaker"] for row in search(db, speaker=name, limit=None)})
        if len(names) > 1:
            raise SpeakerNotFound(f"{name} : désigne plusieurs locuteurs ({', '.join(names)}) ; donnez le nom complet ou l'id")
        if not names:
            raise
        speaker = resolve_speaker(db, names[0])
    kept = evidence.condition("q", include_rejected=include_rejected)
    quotes = quote_rows(
        db, f"WHERE q.speaker_id = ? AND {kept} ORDER BY q.said_on DESC, q.article_id, q.start", [speaker["id"]]
    )
    cards, sources = cards_and_sources(db, in_date_order(quotes) if layout == "compact" else quotes)
    aliases = [
        alias
        for (alias,) in db.conn.execute(
            "SELECT alias FROM speaker_aliases WHERE speaker_id = ? ORDER BY alias", [speaker["id"]]
        )
        if alias != speaker["name"]
    ]
    dates = sorted(card["said_on"] for card in cards if card["said_on"])
    return _render(
        templates, "speaker.html", organization, cards, title=speaker["name"], sources=sources, layout=layout,
        articles=article_groups(cards), annex=[card for card in cards if card["annex"]],
        speaker={**speaker, "aliases": aliases, "count": len(cards),
                 "kind_label": vocabulary.speaker_kind(speaker["kind"]),
                 "first": dates[0] if dates else None, "last": dates[-1] if dates else None},
        quote_links=quote_links,
    )  # fmt: skip


def search_report(
    db, query: str | None, *, speaker=None, since=None, until=None, source=None, kind=None,
    status=None, limit=None, templates=None, organization=None, layout: str = "compact",
    include_rejected: bool = False,
) -> str:  # fmt: skip
    """The quotes a search finds (the filters of ``quotetrack search``), as one report:
    a table per article in date order (compact), or cards in the search's order."""
    layout = _check_layout(layout, summary=False)
    filters = {"speaker": speaker, "since": since, "until": until, "source": source,
               "kind": kind, "status": status, "limit": limit}  # fmt: skip
    rows = search(db, query, **filters, include_rejected=include_rejected)
    by_id = {row["id"]: row for row in rows_by_ids(db, QUOTE_SQL + "WHERE q.id", [r["id"] for r in rows])}
    quotes = [by_id[row["id"]] for row in rows if row["id"] in by_id]
    cards, sources = cards_and_sources(db, in_date_order(quotes) if layout == "compact" else quotes)
    shown = [(vocabulary.FILTERS[key], _filter_value(key, value)) for key, value in filters.items() if value is not None]
    return _render(
        templates, "search.html", organization, cards, sources=sources, layout=layout,
        articles=article_groups(cards), annex=[card for card in cards if card["annex"]],
        title=f"Recherche : {query}" if query else "Recherche : toutes les citations",
        search={"query": query or "", "filters": shown, "count": len(cards)},
    )  # fmt: skip



def _filter_value(key: str, value):
    if key == "kind":
        return vocabulary.kind(value)
    if key == "status":
        return vocabulary.status(value)
    return value


def _check_layout(layout: str, summary: bool = True) -> str:
    """The layout's canonical name (``full`` is ``compact``); the summary exists for articles only."""
    if layout not in ALL_LAYOUTS or (layout == "summary" and not summary):
        choices = ALL_LAYOUTS if summary else ("full", *LAYOUTS)
        raise UnknownLayout(f"{layout} : mise en page inconnue ; au choix : {', '.join(choices)}")
    return "compact" if layout == "full" else layout


def summary_group(card: dict) -> str:
    """Which part of the summary a quote goes to."""
    if not card.get("speaker"):
        return "none"
    if card.get("speaker_kind") in ("person", "organization") and not card.get("speaker_article_id"):
        return "named"
    return "described"


def _summary(db, article: dict, kept: list[dict], templates, organization, link_base: str, left_out: int = 0,
             review: dict | None = None) -> str:  # fmt: skip
    """At most two A4 pages for 60 quotes: one line or two a quote, grouped by kind of
    speaker; rejected quotes (not quotes, ``archive/evidence.py``) were left out of
    ``kept``, of the table and of the counts (``left_out`` says how many)."""
    groups = {key: [] for key, _ in SUMMARY_GROUPS}
    first_seen: dict = {}
    for number, quote in enumerate(kept, 1):
        card = {**quote, "number": number, "status_label": vocabulary.status(quote["status"]),
                "summary_text": shorten(quote["text"], SUMMARY_TEXT), "short_id": quote["id"][:SHORT_ID]}  # fmt: skip
        first_seen.setdefault(quote["speaker"], number)
        groups[summary_group(card)].append(card)
    for rows in groups.values():  # a speaker's quotes together, speakers in order of appearance
        rows.sort(key=lambda card: (first_seen[card["speaker"]], card["number"]))
        for previous, card in zip([None, *rows], rows):
            card["same_speaker"] = previous is not None and previous["speaker"] == card["speaker"]
    ordered = [{"key": key, "title": title, "rows": groups[key]} for key, title in SUMMARY_GROUPS]
    return _render(
        templates, "summary.html", organization, [], title=article["title"] or Path(article["path"] or "article").name,
        article=numbered_source(article, 1), groups=ordered, rejected=left_out, link_base=link_base,
        quotes=kept, review=review,
    )  # fmt: skip


def find_article(db, id_or_path: str) -> dict:
    """The article with this id, unique id prefix (6+ characters), URL, or indexed path."""
    key = str(id_or_path).strip()
    sql = "SELECT * FROM articles WHERE {} LIMIT 2"
    candidates = [("id = ?", key.lower()), ("path = ?", key), ("url = ?", key)]
    real = _existing_path(key)
    if real:  # the same file, indexed as an absolute path or relative to this folder
        candidates += [("path = ?", str(real)), ("path = ?", os.path.relpath(real))]
    for condition, value in candidates:
        rows = dict_rows(db, sql.format(condition), [value])
        if rows:
            return rows[0]
    if re.fullmatch(r"[0-9a-fA-F]{6,63}", key):
        rows = dict_rows(db, sql.format("id >= ? AND id < ? || '~'"), [key.lower(), key.lower()])
        if len(rows) == 1:
            return rows[0]
        if rows:
            raise ArticleNotFound(f"{key} : désigne plusieurs articles, donnez plus de caractères")
    name = Path(key).name if key and "\0" not in key else ""
    if name:  # the file name alone: 000_215c51ed475f2f51.txt for seeds/000_215c51ed475f2f51.txt
        rows = dict_rows(db, "SELECT * FROM articles WHERE path = ? OR path LIKE ? ESCAPE '\\' OR path LIKE ? ESCAPE '\\'",
                         [name, "%/" + _like(name), "%\\" + _like(name)])  # fmt: skip
        if len(rows) == 1:
            return rows[0]
        if rows:
            paths = ", ".join(sorted(row["path"] for row in rows)[:KNOWN_PATHS])
            raise ArticleNotFound(f"{key} : plusieurs articles ont ce nom de fichier ({paths}) ; donnez le chemin")
    raise ArticleNotFound(f"{key} : aucun article n'a cet id, ce chemin ou cette URL{_known_paths(db)}")


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _known_paths(db) -> str:
    """``; indexed: a.txt, b.txt (and 3 more)``: what the reader can give instead."""
    total = db.conn.execute("SELECT count(*) FROM articles WHERE path IS NOT NULL").fetchone()[0]
    if not total:
        empty = db.conn.execute("SELECT 1 FROM articles LIMIT 1").fetchone() is None
        return " ; la base n'a aucun article (quotetrack index FICHIER)" if empty else ""
    paths = [p for (p,) in db.conn.execute(
        "SELECT path FROM articles WHERE path IS NOT NULL ORDER BY path LIMIT ?", [KNOWN_PATHS])]  # fmt: skip
    more = f" (et {total - len(paths)} autres)" if total > len(paths) else ""
    return f" ; chemins indexés : {', '.join(paths)}{more}"


def _existing_path(key: str) -> Path | None:
    try:
        return Path(key).resolve() if key and Path(key).exists() else None
    except (OSError, ValueError):  # a name too long, a NUL byte: not a path
        return None


def highlight(text: str, cards: list[dict]) -> list[list[dict]]:
    """The article's paragraphs (split at blank lines) as events for the template.

    Each paragraph is ``{"number", "events"}``; events are ``{"op": "text", "text"}``,
    ``{"op": "open", "span", "first"}`` and ``{"op": "close", "span"}``, so the template
    writes every tag. Quote parts (and speaker mentions) may nest, as a quote inside an
    indirect quote does, or cross; crossing spans are closed and reopened so the markup
    always nests. Only the first piece of a part is ``first`` (it carries the label).
    """
    spans, seen = [], set()
    for card in cards:
        if card.get("orphaned"):  # its offsets are those of an earlier version of the text
            continue
        for index, (start, end) in enumerate(card["parts"]):
            spans.append({"type": "quote", "start": start, "end": end, "card": card, "part": index})
        mention = (card["speaker_start"], card["speaker_end"])
        if None not in mention and mention not in seen:
            seen.add(mention)
            spans.append({"type": "mention", "start": mention[0], "end": mention[1], "card": card})
    paragraphs, labelled = [], set()
    for start, end in paragraph_spans(text):
        inside = [s for s in spans if s["start"] < end and s["end"] > start]
        cuts = sorted({start, end} | {min(max(p, start), end) for s in inside for p in (s["start"], s["end"])})
        events, stack = [], []
        for left, right in zip(cuts, cuts[1:]):
            active = sorted(
                (s for s in inside if s["start"] <= left and s["end"] >= right),
                key=lambda s: (s["start"], -s["end"], s["type"] == "mention"),
            )
            keep = 0
            while keep < min(len(stack), len(active)) and stack[keep] is active[keep]:
                keep += 1
            events += [{"op": "close", "span": span} for span in reversed(stack[keep:])]
            for span in active[keep:]:
                first = id(span) not in labelled
                labelled.add(id(span))
                events.append({"op": "open", "span": span, "first": first})
            stack = active
            events.append({"op": "text", "text": text[left:right]})
        events += [{"op": "close", "span": span} for span in reversed(stack)]
        paragraphs.append({"number": len(paragraphs) + 1, "events": events})
    return paragraphs



def json_ld(data) -> Markup:
    """JSON that is safe inside ``<script>``: ``<``, ``>`` and ``&`` as \\u escapes.

    ``</script>`` or ``<!--`` in a quote can then never end the script element, and
    the result is marked safe so that HTML autoescaping (wrong inside a script) stays out.
    """
    text = json.dumps(data, ensure_ascii=False, indent=1)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):  # fmt: skip
        text = text.replace(char, escape)
    return Markup(text)


def structured_data(cards: list[dict], organization: str) -> dict:
    """schema.org graph: a Quotation per quote, a ClaimReview per reviewed quote."""
    graph = []
    for card in cards:
        article, person = card["source"], _person(card)
        news = _compact({
            "@type": "NewsArticle", "url": article["safe_url"], "headline": article["title"],
            "datePublished": article["published"], "dateCreated": article["published"],
            "inLanguage": article["lang"] or "fr",
            "publisher": article["source"] and {"@type": "Organization", "name": article["source"]},
        })  # fmt: skip
        graph.append(_compact({
            "@type": "Quotation", "@id": f"#q-{card['id']}", "text": card["text"],
            "spokenByCharacter": person, "creator": person, "dateCreated": card["said_on"],
            "inLanguage": article["lang"] or "fr", "isBasedOn": news,
        }))  # fmt: skip
        if card["verdict"]:
            graph.append(_compact({
                "@type": "ClaimReview", "claimReviewed": card["text"],
                "itemReviewed": _compact({"@type": "Claim", "author": person, "appearance": news,
                                          "datePublished": card["said_on"]}),
                "reviewRating": {"@type": "Rating", "alternateName": card["verdict"]},
                "author": {"@type": "Organization", "name": organization},
                "datePublished": card["reviewed_at"], "reviewBody": card["notes"],
            }))  # fmt: skip
    return {"@context": "https://schema.org", "@graph": graph}


def _render(templates, name, organization, cards, **context) -> str:
    organization = organization or os.environ.get("QUOTETRACK_ORGANIZATION") or "quotetrack"
    page = {
        "title": context.pop("title"),
        "generated_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "organization": organization,
        "lang": "fr",
    }
    data = json_ld(structured_data(cards, organization))
    context.setdefault("in_text", False)
    context.setdefault("quotes", cards)
    return environment(templates).get_template(name).render(page=page, jsonld=data, **context)


def _person(card: dict) -> dict | None:
    if not card["speaker"]:
        return None
    same_as = card.get("wikidata_id") and f"https://www.wikidata.org/wiki/{card['wikidata_id']}"
    if card["speaker_kind"] == "organization":  # jobTitle is a Person's property only
        return _compact({"@type": "Organization", "name": card["speaker"], "sameAs": same_as})
    return _compact({"@type": "Person", "name": card["speaker"], "jobTitle": card["role"], "sameAs": same_as})


def _compact(data: dict) -> dict:
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}
