"""Printable HTML: the Jinja2 environment and the rendering of sheets and reports.

One environment, built in one place, autoescaping on: a title or a quote holding
``<script>`` prints as text. A newsroom's own template folder (``--templates DIR``) is
searched first, then the built-in templates, so any page or partial can be overridden.

Python gathers and shapes the data (quotes, speakers, numbered sources, highlight
events, JSON-LD); the templates own every tag, so an override can change all markup.
Pages are self-contained (inline CSS, no fonts, scripts or images to fetch): a sheet
opened offline or printed years later looks the same.
"""

from __future__ import annotations

import json
import os
import re
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import quote as percent_encode
from urllib.parse import urlsplit

import jinja2
from markupsafe import Markup

from . import __version__
from .errors import QuotetrackError
from .search import SpeakerNotFound, resolve_speaker, search
from .verify import first_appearances


class ArticleNotFound(QuotetrackError):
    """No stored article has this id, unique id prefix, path or URL."""


class PdfUnavailable(QuotetrackError):
    """PDF output needs WeasyPrint, an optional extra that is not installed."""


# Review verdicts as schema.org ClaimReview ratings; "unreviewed" has none.
VERDICTS = {"confirmed": "Correct attribution", "misattributed": "Misattributed", "disputed": "Disputed",
            "rejected": "Not a quote", "corrected": "Corrected"}  # fmt: skip
STATUS_LABELS = {
    "unreviewed": "non vérifiée", "confirmed": "confirmée", "misattributed": "mal attribuée",
    "disputed": "contestée", "rejected": "pas une citation", "corrected": "corrigée",
}  # fmt: skip
KIND_LABELS = {"direct": "directe", "partial": "partielle", "indirect": "indirecte"}
SPEAKER_KIND_LABELS = {"person": "personne", "organization": "organisation",
                       "anonymous": "source anonyme", "group": "groupe", "unknown": "inconnu"}  # fmt: skip
FILTER_LABELS = {"speaker": "Locuteur", "since": "Depuis", "until": "Jusqu'au", "source": "Média",
                 "kind": "Type", "status": "Statut", "limit": "Limite"}  # fmt: skip
COLOURS = 8  # speaker colour classes c0..c7 in base.html; more speakers reuse them
FRAGMENT_WORDS = 8  # words of a quote's start in a text-fragment link
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
# What a sheet says about an article (its text only where it is printed: the article sheet).
_ARTICLE_FIELDS = ("id", "title", "source", "author", "published", "url", "path", "lang",
                   "engine", "engine_version", "indexed_at")  # fmt: skip
_QUOTE_SQL = """
    SELECT q.*, s.name AS speaker, s.kind AS speaker_kind, s.role AS speaker_role, s.wikidata_id,
           CASE WHEN q.reattributed THEN os.name END AS original_speaker
    FROM quotes q LEFT JOIN speakers s ON s.id = q.speaker_id
    LEFT JOIN speakers os ON os.id = q.original_speaker_id
"""
FUZZY_APPEARANCES = 200  # sheets with more cards link exact (normalized) copies only


def builtin_templates() -> Path:
    """The built-in templates: inside the installed package, or the checkout's templates/."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "templates", here.parent / "templates"):
        if (candidate / "base.html").is_file():
            return candidate
    raise FileNotFoundError("quotetrack's templates are missing from this installation")


def environment(user_templates: str | Path | None = None) -> jinja2.Environment:
    """The one Jinja2 environment: the user's folder first, then the built-ins.

    StrictUndefined so that a newsroom's override naming a missing field fails loudly
    instead of printing a sheet with silent blanks.
    """
    folders = ([str(user_templates)] if user_templates else []) + [str(builtin_templates())]
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folders),
        autoescape=jinja2.select_autoescape(["html", "xml"], default=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["version"] = __version__
    return env


def article_sheet(db, id_or_path: str, *, templates=None, organization=None) -> str:
    """The sheet of one article: its text with every quote highlighted, then the cards."""
    article = find_article(db, id_or_path)
    quotes = _quote_rows(db, "WHERE q.article_id = ? ORDER BY q.start, q.\"end\" DESC", [article["id"]])
    cards, sources = _cards(db, quotes)
    speakers: dict = {}  # in order of first quote in the text
    for card in cards:
        row = speakers.setdefault(card["speaker"], {**card, "count": 0})
        row["count"] += 1
    return _render(
        templates, "article.html", organization, cards, in_text=True,
        title=article["title"] or Path(article["path"] or "article").name,
        article=sources[0] if sources else _source(article, 1), sources=sources,
        speakers=list(speakers.values()), paragraphs=highlight(article["text"], cards),
    )  # fmt: skip


def speaker_dossier(db, name: str, *, templates=None, organization=None) -> str:
    """Every quote of one speaker (canonical name, alias, or a last name naming one)."""
    try:
        speaker = resolve_speaker(db, name)
    except SpeakerNotFound:
        # A last name (« Stoltenberg ») is enough when it names one speaker with quotes.
        names = sorted({row["speaker"] for row in search(db, speaker=name, limit=None)})
        if len(names) > 1:
            raise SpeakerNotFound(f"{name}: names several speakers ({', '.join(names)}); use a full name")
        if not names:
            raise
        speaker = resolve_speaker(db, names[0])
    quotes = _quote_rows(
        db, "WHERE q.speaker_id = ? ORDER BY q.said_on DESC, q.article_id, q.start", [speaker["id"]]
    )
    cards, sources = _cards(db, quotes)
    aliases = [
        alias
        for (alias,) in db.conn.execute(
            "SELECT alias FROM speaker_aliases WHERE speaker_id = ? ORDER BY alias", [speaker["id"]]
        )
        if alias != speaker["name"]
    ]
    dates = sorted(card["said_on"] for card in cards if card["said_on"])
    return _render(
        templates, "speaker.html", organization, cards, title=speaker["name"], sources=sources,
        speaker={**speaker, "aliases": aliases, "count": len(cards),
                 "kind_label": SPEAKER_KIND_LABELS.get(speaker["kind"], speaker["kind"]),
                 "first": dates[0] if dates else None, "last": dates[-1] if dates else None},
    )  # fmt: skip


def search_report(
    db, query: str | None, *, speaker=None, since=None, until=None, source=None, kind=None,
    status=None, limit=None, templates=None, organization=None,
) -> str:  # fmt: skip
    """The quotes a search finds (the filters of ``quotetrack search``), as one report."""
    filters = {"speaker": speaker, "since": since, "until": until, "source": source,
               "kind": kind, "status": status, "limit": limit}  # fmt: skip
    rows = search(db, query, **filters)
    by_id = {row["id"]: row for row in _by_ids(db, _QUOTE_SQL + "WHERE q.id", [r["id"] for r in rows])}
    cards, sources = _cards(db, [by_id[row["id"]] for row in rows if row["id"] in by_id])
    shown = [(FILTER_LABELS[key], value) for key, value in filters.items() if value is not None]
    return _render(
        templates, "search.html", organization, cards, sources=sources,
        title=f"Recherche : {query}" if query else "Recherche : toutes les citations",
        search={"query": query or "", "filters": shown, "count": len(cards)},
    )  # fmt: skip


def write_pdf(html: str, path) -> None:
    """Print ``html`` to a PDF at ``path`` with WeasyPrint (``pip install 'quotetrack[pdf]'``).

    WeasyPrint pulls in Pango and friends, so it is an optional extra, imported only here.
    """
    try:
        import weasyprint
    except ImportError:
        raise PdfUnavailable("PDF output needs WeasyPrint: pip install 'quotetrack[pdf]'") from None
    weasyprint.HTML(string=html).write_pdf(str(path))


def find_article(db, id_or_path: str) -> dict:
    """The article with this id, unique id prefix (6+ characters), URL, or indexed path."""
    key = str(id_or_path).strip()
    sql = "SELECT * FROM articles WHERE {} LIMIT 2"
    candidates = [("id = ?", key.lower()), ("path = ?", key), ("url = ?", key)]
    real = _existing_path(key)
    if real:  # the same file, indexed as an absolute path or relative to this folder
        candidates += [("path = ?", str(real)), ("path = ?", os.path.relpath(real))]
    for condition, value in candidates:
        rows = _rows(db, sql.format(condition), [value])
        if rows:
            return rows[0]
    if re.fullmatch(r"[0-9a-fA-F]{6,63}", key):
        rows = _rows(db, sql.format("id >= ? AND id < ? || '~'"), [key.lower(), key.lower()])
        if len(rows) == 1:
            return rows[0]
        if rows:
            raise ArticleNotFound(f"{key}: matches several articles, give more characters")
    raise ArticleNotFound(f"{key}: no article has this id, path or URL")


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
    paragraphs, labelled, position = [], set(), 0
    bounds = [(m.start(), m.end()) for m in _PARAGRAPH_BREAK.finditer(text)] + [(len(text), len(text))]
    for gap_start, gap_end in bounds:
        start, end = position, gap_start
        position = gap_end
        if not text[start:end].strip():
            continue
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


def text_fragment(url: str, quote_text: str) -> str:
    """``url`` with a text fragment (``#:~:text=``) that scrolls to the quote's start.

    Percent-encoded, ``-`` included, since ``-``, ``,`` and ``&`` are syntax there.
    """
    first_part = quote_text.split(" […] ")[0]
    start = " ".join(first_part.split()[:FRAGMENT_WORDS])
    encoded = percent_encode(start, safe="").replace("-", "%2D")
    return f"{url}{'' if '#' in url else '#'}:~:text={encoded}"


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
    return environment(templates).get_template(name).render(page=page, quotes=cards, jsonld=data, **context)


def _cards(db, quotes: list[dict]) -> tuple[list[dict], list[dict]]:
    """Quote rows -> numbered cards, plus the numbered list of the articles they cite."""
    select = f"SELECT {', '.join(_ARTICLE_FIELDS)} FROM articles WHERE id"
    articles = {row["id"]: row for row in _by_ids(db, select, {q["article_id"] for q in quotes})}
    sources: dict[str, dict] = {}
    colours: dict = {}
    cards = []
    firsts = first_appearances(db, quotes, fuzzy=len(quotes) <= FUZZY_APPEARANCES)
    for number, quote in enumerate(quotes, 1):
        source = sources.get(quote["article_id"])
        if source is None:
            source = sources[quote["article_id"]] = _source(articles[quote["article_id"]], len(sources) + 1)
        status = quote["status"] or "unreviewed"
        cards.append({
            **quote, "number": number, "parts": json.loads(quote["parts"]), "source": source,
            "colour": colours.setdefault(quote["speaker"], len(colours) % COLOURS),
            "kind_label": KIND_LABELS.get(quote["kind"], quote["kind"]),
            "speaker_kind_label": SPEAKER_KIND_LABELS.get(quote["speaker_kind"], quote["speaker_kind"]),
            "status": status, "status_label": STATUS_LABELS.get(status, status),
            "verdict": VERDICTS.get(status) or (None if status == "unreviewed" else status.capitalize()),
            "notes": quote.get("notes") or None,
            "original_text": quote.get("original_text"), "original_speaker": quote.get("original_speaker"),
            "reattributed": bool(quote.get("reattributed")), "orphaned": bool(quote.get("orphaned_from")),
            "reviewed_by": quote.get("reviewed_by"), "reviewed_at": quote.get("reviewed_at"),
            "first_appeared": _appearance(firsts.get(quote["id"])),
            "fragment_url": source["safe_url"] and text_fragment(source["safe_url"], quote["text"]),
        })  # fmt: skip
    return cards, list(sources.values())


def _source(article: dict, number: int) -> dict:
    """An article as a numbered reference; only http(s) URLs become links (no javascript:)."""
    url = article.get("url")
    safe = url if url and urlsplit(url).scheme.lower() in ("http", "https") else None
    return {**{k: article.get(k) for k in _ARTICLE_FIELDS}, "number": number, "safe_url": safe}


def _appearance(row: dict | None) -> dict | None:
    """An earlier appearance of a quote, its URL a link only when http(s)."""
    if row is None:
        return None
    url = row.get("url")
    return {**row, "safe_url": url if url and urlsplit(url).scheme.lower() in ("http", "https") else None}


def _person(card: dict) -> dict | None:
    if not card["speaker"]:
        return None
    same_as = card.get("wikidata_id") and f"https://www.wikidata.org/wiki/{card['wikidata_id']}"
    if card["speaker_kind"] == "organization":  # jobTitle is a Person's property only
        return _compact({"@type": "Organization", "name": card["speaker"], "sameAs": same_as})
    return _compact({"@type": "Person", "name": card["speaker"], "jobTitle": card["role"], "sameAs": same_as})


def _compact(data: dict) -> dict:
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def _quote_rows(db, condition: str, params) -> list[dict]:
    return _rows(db, _QUOTE_SQL + condition, params)


def _by_ids(db, select: str, ids) -> list[dict]:
    """``select`` ending in an id column, for these ids, in chunks under SQLite's bound-parameter limit."""
    ids, rows = sorted(ids), []
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        rows += _rows(db, f"{select} IN ({', '.join('?' * len(chunk))})", chunk)
    return rows


def _rows(db, sql: str, params=()) -> list[dict]:
    cursor = db.conn.execute(sql, params)
    keys = [d[0] for d in cursor.description]
    return [dict(zip(keys, row)) for row in cursor.fetchall()]
