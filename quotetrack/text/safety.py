"""Text that is safe to show: on a terminal, in a spreadsheet, in a sheet, as a file name.

Stored text is never changed; these functions shape a copy on its way out. Article
texts come from anywhere, so an escape sequence in a quote must not retitle a terminal
window or write to its clipboard, a cell starting with ``=`` must not run as a formula
when a CSV export is opened in a spreadsheet, and a right-to-left override must not make
"txt.exe" read "exe.txt". A file name is bytes on Linux: one that is not UTF-8 or holds
a newline is shown escaped, so that it cannot forge a line of output.
"""

from __future__ import annotations

import os
import re

# C0 and C1 controls, DEL, and ESC-led sequences (CSI ... final byte, OSC ... BEL/ST).
_ESCAPE_SEQUENCE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|.?)", re.DOTALL)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Explicit direction marks, embeddings, overrides and isolates.
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_BIDI = re.compile(f"[{BIDI_CONTROLS}]")
# OWASP's list: a spreadsheet reads a cell starting with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def escape_bidi(text: str) -> str:
    """Bidi control characters as visible ``<U+202E>`` codes."""
    return _BIDI.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)


def terminal_text(text: str) -> str:
    """For a terminal: escape sequences and control characters removed (tab and newline
    kept), bidi controls shown escaped."""
    text = _ESCAPE_SEQUENCE.sub("", text)
    return escape_bidi(_CONTROL.sub("", text))


def csv_cell(value):
    """A CSV value a spreadsheet will not execute: ``'`` before a formula start."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def storable_path(path: str | None) -> str | None:
    """The path as stored: itself when it is valid Unicode, else with its bad bytes
    written ``\\xNN`` (lossless for every name that holds no backslash)."""
    if path is None:
        return None
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return os.fsencode(path).decode("utf-8", errors="backslashreplace")


def path_text(path) -> str:
    """A file name as text that round-trips and prints on one line.

    Names that are not UTF-8 (``os.fsdecode`` gives lone surrogates, which SQLite and a
    UTF-8 terminal refuse) have their bad bytes written ``\\xNN``; control characters
    (a newline in a name) are written ``\\n``, ``\\x1b``.
    """
    if path is None:
        return ""
    raw = os.fsencode(path) if isinstance(path, (str, bytes)) else os.fsencode(str(path))
    text = raw.decode("utf-8", errors="backslashreplace")
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], text.replace("\n", "\\n").replace("\t", "\\t"))


def file_slug(subject: str, limit: int = 60) -> str:
    """« Jens Stoltenberg » -> ``jens-stoltenberg``: a subject as a file name that every
    system accepts (ASCII letters and digits, hyphens; accents and ligatures spelt out)."""
    import re
    import unicodedata

    spelt = str(subject).translate(str.maketrans({"œ": "oe", "Œ": "Oe", "æ": "ae", "Æ": "Ae", "ß": "ss"}))
    plain = unicodedata.normalize("NFKD", spelt).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
    return slug[:limit].rstrip("-") or "sans-titre"
