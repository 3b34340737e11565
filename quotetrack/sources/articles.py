"""Files, HTML and encodings -> Article: the one place where outside bytes become text.

Every character offset that extraction and storage record points into ``Article.text``, so this
module decides once what the text is (decoding, newlines, paragraph breaks) and nothing downstream
rewrites it. Bad input always surfaces as :class:`InputError` naming the path, so a batch can report
the file and go on with the next one.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from typing import BinaryIO

import charset_normalizer
import yaml
from frontmatter.default_handlers import YAMLHandler

from ..errors import InputError
from ..text.safety import path_text, storable_path
from .html_pages import clean_paragraphs, page_metadata, prepare_html, text_title
from .own_outputs import refuse_own_output

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
OVERRIDE_KEYS = ("title", "url", "source", "author", "date")

# Single-byte encodings a French text plausibly uses when it is not UTF-8; CP1252 first: Windows
# editors write it, and it is Latin-1 plus “ ” ’ œ € where Latin-1 has control codes.
LEGACY_ENCODINGS = ("cp1252", "iso8859_15", "latin_1")
UNDECODABLE = "texte indéchiffrable (essayé : utf-8, utf-16, cp1252, iso-8859-15, latin-1)"
BOMS = (  # UTF-32 before UTF-16: the UTF-32 LE BOM starts with the UTF-16 LE one.
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # C0/C1 controls except tab, LF, VT, FF, CR
_HTML_START = re.compile(r"\s*<(?:!doctype\s+html|html[\s>])", re.IGNORECASE)

# trafilatura collapses every Unicode space with str.split(), NBSP included, but French typography
# needs them (« texte », « : »): they cross it disguised as printable symbols no article uses.
_NBSP_DISGUISES = (
    (re.compile(r"\xa0|&nbsp;|&#0*160;|&#x0*a0;", re.IGNORECASE), "\xa0", "\U0001f700"),
    (re.compile(r"\u202f|&#0*8239;|&#x0*202f;", re.IGNORECASE), "\u202f", "\U0001f701"),
)

FRENCH_MONTHS = {
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
}  # fmt: skip
_YMD = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[t ].*)?")
_DMY = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_FRENCH_DATE = re.compile(r"(?:[a-z]+\s+)?(\d{1,2})(?:er)?\s+([a-zéû]+)\s+(\d{4})")

# Front matter is a few lines of metadata: anything past these bounds is an attack or an
# accident (a YAML "billion laughs" expands 433 bytes into gigabytes through aliases).
MAX_FRONT_MATTER = 65_536  # characters
MAX_ALIASES = 16
MAX_FIELD = 10_000  # characters of one metadata value
_FILE_KINDS = ((stat.S_ISFIFO, "un tube nommé"), (stat.S_ISCHR, "un périphérique caractère"), (stat.S_ISBLK, "un périphérique bloc"),
               (stat.S_ISSOCK, "une socket"), (stat.S_ISDIR, "un dossier"))  # fmt: skip


class _FrontMatterLoader(yaml.SafeLoader):
    """Safe YAML with dates left as text (``iso_date`` validates them, and an impossible
    date such as 2026-02-30 in any key would otherwise crash the parser) and a bound on
    aliases."""

    aliases = 0

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            self.aliases += 1
            if self.aliases > MAX_ALIASES:
                raise yaml.YAMLError(f"plus de {MAX_ALIASES} alias YAML")
        return super().compose_node(parent, index)


_FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class Article:
    """One article as the rest of quotetrack sees it: the text plus what we know about it."""

    text: str  # the article text; what every offset downstream points into
    title: str | None = None
    url: str | None = None
    source: str | None = None  # the outlet (site name)
    author: str | None = None  # the authors as one line ("A, B")
    published: str | None = None  # ISO date YYYY-MM-DD
    lang: str = "fr"
    path: str | None = None  # as given by the user ("-" for stdin)
    warnings: tuple[str, ...] = ()  # what was wrong but ignored (an impossible date)
    authors: tuple[str, ...] = ()  # each author of a byline, when the page lists them


def iter_paths(paths: Iterable[str]) -> Iterator[str]:
    """Expand the user's arguments lazily, in a stable order.

    A file named explicitly is always attempted, whatever its suffix; directories are walked
    recursively for SUPPORTED_SUFFIXES only, sorted by name, skipping hidden files and folders (.git,
    editor droppings) and not following symlinked folders (no loops). "-" passes through for standard
    input, and a missing path is yielded too, so reading it reports the error in its turn and the batch
    goes on.
    """
    for path in paths:
        if path != "-" and os.path.isdir(path):
            yield from _walk(path)
        else:
            yield path


def _walk(directory: str) -> Iterator[str]:
    try:
        entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
    except OSError:
        yield directory  # an unlistable folder is reported by read_article, not skipped silently
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                yield from _walk(entry.path)
                continue
            if entry.is_symlink() and os.path.isdir(entry.path):
                continue  # a symlinked folder is not followed: no loops, nothing counted twice
        except OSError:
            pass  # a symlink loop: yielded below if its name is an article's, and reported
        if entry.name.lower().endswith(SUPPORTED_SUFFIXES):
            yield entry.path  # a FIFO or device by that name is reported by read_article


def read_article(
    path: str, *, stdin: BinaryIO | None = None, overrides: Mapping[str, str | None] | None = None,
    max_bytes: int = 0,
) -> Article:
    """Read one article; raise InputError naming the path and the problem.

    The suffix picks the reader (.md/.markdown: front matter + body; .html/.htm: main text by
    trafilatura; anything else, stdin included: plain text), except that content starting like an HTML
    document is HTML whatever its name, since saved web pages often carry odd suffixes.
    ``overrides`` (the CLI's --title, --date, ...) win over the file when not None. Only
    regular files are read (a FIFO would block, a device read forever), and no more than
    ``max_bytes`` (0: no limit).
    """
    fields = _override_fields(overrides or {}, path)
    return _article(_read_bytes(path, stdin, max_bytes), path, fields)


def read_page(data: bytes, url: str, *, final_url: str | None = None, charset: str | None = None,
              overrides: Mapping[str, str | None] | None = None) -> Article:  # fmt: skip
    """A downloaded web page -> Article, by the same road as a saved HTML file once its
    bytes are read (decoding, trafilatura, metadata); ``url`` is its path, ``final_url``
    (where redirects led) the base for its relative canonical link, ``charset`` what the
    server declared (tried first)."""
    fields = _override_fields(overrides or {}, url)
    return _article(data, url, fields, page_url=final_url or url, charset=charset)


def _article(data: bytes, path: str, fields: dict, *, page_url: str | None = None, charset: str | None = None) -> Article:
    text = normalise_newlines(decode(data, path, charset))
    if not text.strip():
        raise InputError(path, "article vide")
    refuse_own_output(text, path)  # a sheet saved among the articles is not one of them
    suffix = os.path.splitext(path)[1].lower()
    if page_url or suffix in HTML_SUFFIXES or _HTML_START.match(text[:1024]):
        article = _from_html(text, path, url=fields.get("url") or page_url)
    elif suffix in MARKDOWN_SUFFIXES:
        article = _from_markdown(text, path)
    else:
        article = Article(text=text.rstrip(), path=path, title=storable_path(text_title(text, path)))
    return replace(article, **fields)


def _read_bytes(path: str, stdin: BinaryIO | None, max_bytes: int = 0) -> bytes:
    """Whole-file read: even a 20 MB article is one linear read, and decoding needs all of it.

    The file is opened without blocking and checked to be a regular file before a byte is
    read; at most ``max_bytes`` + 1 bytes are read, so /dev/zero or a huge pipe on
    standard input cannot exhaust memory.
    """
    try:
        if path == "-":
            data = (stdin if stdin is not None else sys.stdin.buffer).read(max_bytes + 1 if max_bytes else -1)
            if max_bytes and len(data) > max_bytes:
                raise InputError(path, f"trop gros pour un article (plus de {max_bytes / 1e6:g} Mo ; voir --max-size)")
            return data
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(fd)
            for test, kind in _FILE_KINDS:
                if test(info.st_mode):
                    raise InputError(path, "est un dossier, pas un fichier" if kind == "un dossier" else f"pas un fichier ordinaire ({kind}) ; ignoré")
            if max_bytes and info.st_size > max_bytes:
                size = info.st_size / 1e6
                raise InputError(path, f"trop gros pour un article ({size:.1f} Mo > {max_bytes / 1e6:g} Mo ; voir --max-size)")
            data = handle.read(max_bytes + 1 if max_bytes else -1)
            if max_bytes and len(data) > max_bytes:  # it grew while we read it
                raise InputError(path, f"trop gros pour un article (plus de {max_bytes / 1e6:g} Mo ; voir --max-size)")
            return data
    except FileNotFoundError:
        raise InputError(path, "fichier introuvable") from None
    except PermissionError:
        raise InputError(path, "illisible : permission refusée") from None
    except OSError as error:
        raise InputError(path, f"illisible : {(error.strerror or str(error)).lower()}") from None


def decode(data: bytes, path: str, declared: str | None = None) -> str:
    """Bytes -> text, choosing the encoding a French newsroom file most likely has.

    A BOM is proof, then the charset a web server ``declared`` if the bytes fit it; strict UTF-8 almost never succeeds by accident; NUL bytes mean UTF-16 when they
    fall on every other byte and binary otherwise; only then do we guess, with charset-normalizer among
    LEGACY_ENCODINGS, then strict CP1252, because charset-normalizer declines short texts dense with
    accents ("Déjà là, où ça ?"). Whatever decodes but is full of control characters is binary.
    """
    for bom, encoding in BOMS:
        if data.startswith(bom):
            text = _strict(data[len(bom) :], encoding, path)
            break
    else:
        text = _declared(data, declared) or _decode_without_bom(data, path)
    if "\x00" in text:
        raise InputError(path, "fichier binaire, pas du texte (octets NUL)")
    if len(_CONTROL.findall(text)) > len(text) // 100:
        raise InputError(path, "fichier binaire, pas du texte (caractères de contrôle)")
    return text


def _declared(data: bytes, encoding: str | None) -> str | None:
    """The text in the encoding a web server declared, if it exists and fits the bytes."""
    if not encoding:
        return None
    try:
        return data.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        return None


def _decode_without_bom(data: bytes, path: str) -> str:
    if b"\x00" in data:
        encoding = _utf16_by_nul_pattern(data)
        if encoding is None:
            raise InputError(path, "fichier binaire, pas du texte (octets NUL)")
        return _strict(data, encoding, path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    lenient = data.decode("utf-8", errors="replace")
    multibyte = sum(1 for b in data if b >= 0xC2 and b <= 0xF4)
    if multibyte and lenient.count("\ufffd") <= max(1, multibyte // 50):
        # UTF-8 with a stray bad byte (a copy-paste accident): keep the UTF-8 reading, the
        # bad byte shown as U+FFFD, rather than turn every accent into mojibake
        return lenient
    guess = charset_normalizer.from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS)).best()
    return str(guess) if guess is not None else _strict(data, LEGACY_ENCODINGS[0], path)


def _utf16_by_nul_pattern(data: bytes) -> str | None:
    """UTF-16 without BOM: French text is mostly U+0000-U+00FF, so one byte of each pair is NUL."""
    sample = data[:8192]
    if len(data) % 2:
        return None
    half = len(sample) // 2
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd >= 0.4 * half and even <= 0.05 * half:
        return "utf-16-le"
    if even >= 0.4 * half and odd <= 0.05 * half:
        return "utf-16-be"
    return None


def _strict(data: bytes, encoding: str, path: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise InputError(path, UNDECODABLE) from None


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF, so offsets do not depend on the platform that wrote the file; a
    stray BOM goes; everything else (NBSP, « », “ ”, interior spacing) is kept exactly."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _from_markdown(text: str, path: str) -> Article:
    """Optional YAML front matter (title, date, source, url, author), then the body as the text.

    We drive python-frontmatter's YAMLHandler ourselves because ``frontmatter.loads`` silently drops
    front matter that is not a mapping. An opening ``---`` with no closing one is body text (a rule).
    """
    handler = YAMLHandler()
    try:
        front, body = handler.split(text) if handler.detect(text) else (None, text)
    except ValueError:
        front, body = None, text
    if front and len(front) > MAX_FRONT_MATTER:
        raise InputError(path, f"en-tête YAML invalide : plus de {MAX_FRONT_MATTER} caractères")
    try:
        meta = (yaml.load(front, Loader=_FrontMatterLoader) if front else None) or {}
    except yaml.YAMLError as error:
        raise InputError(path, f"en-tête YAML invalide : {_yaml_problem(error)}") from None
    if not isinstance(meta, dict):
        raise InputError(path, "en-tête YAML invalide : lignes « clé: valeur » attendues")
    body = body.strip("\n").rstrip()
    if not body.strip():
        raise InputError(path, "article vide")
    found = {key: _meta_str(meta.get(key), key, path) for key in ("title", "url", "source", "author", "date")}
    warnings = ()
    try:
        published = iso_date(found.pop("date"))
    except ValueError as error:
        published, warnings = None, (f"{path_text(path)}: en-tête YAML : {error}, ignorée",)
    return Article(body, published=published, path=path, warnings=warnings, **found)


def _yaml_problem(error: yaml.YAMLError) -> str:
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    # The YAML text starts on the opening "---" line, so its line n (from 0) is file line n + 1.
    return f"{problem} (ligne {mark.line + 1})" if mark is not None else problem


def _meta_str(value: object, key: str, path: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, (list, tuple)):  # author: [A, B]
        if not all(isinstance(item, (str, int, float)) for item in value):
            raise InputError(path, f"en-tête YAML invalide : {key} doit être un texte ou une liste de textes")
        value = ", ".join(str(item) for item in value)
    elif isinstance(value, dict):
        raise InputError(path, f"en-tête YAML invalide : {key} doit être un texte ou une liste de textes")
    value = str(value).strip()
    if len(value) > MAX_FIELD:
        raise InputError(path, f"en-tête YAML invalide : {key} dépasse {MAX_FIELD} caractères")
    return value or None


def _from_html(html: str, path: str, *, url: str | None) -> Article:
    """Main text by trafilatura (precision first), metadata by ``metadata.page_metadata``.

    trafilatura writes one paragraph (or list item, or <br> line) per line; downstream code splits
    paragraphs on blank lines, so every line break becomes "\\n\\n". Scripts, iframes, navigation and
    comments are dropped by trafilatura itself, boilerplate paragraphs by ``metadata.clean_paragraphs``.
    """
    original = html
    html = prepare_html(html)
    disguises = [d for d in _NBSP_DISGUISES if d[2] not in html]
    for pattern, _, disguise in disguises:
        html = pattern.sub(disguise, html)

    def undisguise(value: str | None) -> str | None:
        for _, space, disguise in disguises:
            value = value.replace(disguise, space) if value else value
        return value or None

    import trafilatura  # here, not at the top: plain text never needs it (0.1-0.2 s to import)

    try:
        document = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
        )
    except Exception as error:  # lxml, htmldate and trafilatura raise assorted types on broken markup
        raise InputError(path, f"HTML illisible : {error}") from None
    lines = (undisguise(getattr(document, "text", None)) or "").split("\n")
    text = "\n\n".join(clean_paragraphs(line for line in (line.strip(" \t") for line in lines) if line))
    if not text:
        raise InputError(path, "aucun texte d'article dans ce HTML")
    found = page_metadata(original, url, document)
    try:
        published = iso_date(found.published or document.date)
    except ValueError:  # trafilatura's dates are ISO already; a wrong one is dropped, not fatal
        published = None
    return Article(
        text, title=undisguise(found.title), url=found.url, source=undisguise(found.source),
        author=undisguise(found.author), published=published, path=path, authors=found.authors,
    )  # fmt: skip


def _override_fields(overrides: Mapping[str, str | None], path: str) -> dict[str, str]:
    """Article fields from the CLI flags; checked before reading so a bad --date fails every file alike."""
    unknown = set(overrides) - set(OVERRIDE_KEYS)
    if unknown:
        raise TypeError(f"unknown override(s): {', '.join(sorted(unknown))}")
    fields = {key: value for key, value in overrides.items() if value is not None and key != "date"}
    try:
        if overrides.get("date") is not None:
            fields["published"] = iso_date(overrides["date"])
    except ValueError as error:
        raise InputError(path, str(error)) from None
    return fields


def iso_date(value: object) -> str | None:
    """A date as YYYY-MM-DD, from date/datetime objects or the strings newsrooms write.

    Accepted: ISO (with or without a time), 2024/03/12, 12/03/2024 (day first, as in French), and
    "12 mars 2024" / "mardi 1er mars 2024". Raise ValueError for anything else: a wrong date stored
    silently would mislead every timeline built on it.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip().lower()
    try:
        if match := _YMD.fullmatch(text):
            year, month, day = (int(part) for part in match.groups())
        elif match := _DMY.fullmatch(text):
            day, month, year = (int(part) for part in match.groups())
        elif (match := _FRENCH_DATE.fullmatch(text)) and match[2] in FRENCH_MONTHS:
            day, month, year = int(match[1]), FRENCH_MONTHS[match[2]], int(match[3])
        else:
            raise ValueError
        return dt.date(year, month, day).isoformat()
    except ValueError:
        raise ValueError(f"date invalide {str(value)!r} (attendue : AAAA-MM-JJ)") from None
