"""quotetrack's own outputs, recognised when they come back as input.

A sheet written with ``report -o`` into the articles folder, or an export saved as
``.txt``, would be indexed on the next run as an article whose « quotes » are the
sheet's (« 1 AD Le pont rouvrira lundi »): every quote twice, the second time
attributed to whoever the sheet's table happens to put next to it. Sheets, dossiers
and reports carry ``<meta name="generator" content="quotetrack ...">`` and a title
ending « · quotetrack »; exports start
with their fixed columns (``id``, ``text``, ``kind``, ``speaker``). Such a file is
skipped with one line, never indexed.
"""

from __future__ import annotations

import re

from ..errors import InputError

_GENERATOR = re.compile(r"""<meta\s+[^>]*name\s*=\s*["']?generator["']?[^>]*content\s*=\s*["']\s*quotetrack\b""", re.IGNORECASE)
_GENERATOR_REVERSED = re.compile(r"""<meta\s+[^>]*content\s*=\s*["']\s*quotetrack\b[^>]*name\s*=\s*["']?generator\b""", re.IGNORECASE)
_SHEET_TITLE = re.compile(r"<title>[^<]*· quotetrack</title>")  # every sheet's title ends so, custom templates too
_CSV_EXPORT = re.compile(r"id,text,kind,speaker,")
_JSON_EXPORT = re.compile(r"""\[?\s*\{\s*"id"\s*:\s*"[0-9a-f]{8,40}"\s*,\s*"text"\s*:\s*"(?:[^"\\]|\\.)*"\s*,\s*"kind"\s*:""")
HEAD = 4096  # characters: the generator is in the <head>, the columns on the first line


class OwnOutput(InputError):
    """A file quotetrack wrote (a sheet, a report, an export): skipped, not an error."""


def own_output_kind(text: str) -> str | None:
    """« une fiche ou un rapport », « un export » when ``text`` is one of quotetrack's
    own outputs, else None."""
    head = text[:HEAD]
    if _GENERATOR.search(head) or _GENERATOR_REVERSED.search(head) or _SHEET_TITLE.search(head):
        return "une fiche ou un rapport"
    start = head.lstrip("\ufeff \n\t")
    if _CSV_EXPORT.match(start) or _JSON_EXPORT.match(start):
        return "un export"
    return None


def refuse_own_output(text: str, path) -> None:
    """Raise ``OwnOutput`` when ``text`` (read from ``path``) is quotetrack's own output."""
    kind = own_output_kind(text)
    if kind:
        raise OwnOutput(path, f"{kind} écrit par quotetrack, pas un article")
