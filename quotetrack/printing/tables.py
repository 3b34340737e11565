"""Rows to text: an aligned table for people, JSON, CSV and NDJSON for programs.

Tables go to a terminal, so their cells lose control characters and escape sequences
and show bidi controls escaped; CSV cells that a spreadsheet would run as a formula get
a leading ``'`` unless ``raw`` (see ``safetext``). ``chunks`` yields the text piece by
piece, so an export of every quote never holds it all in memory.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from typing import Iterable, Iterator, Sequence

from ..text.safety import csv_cell, terminal_text

FORMATS = ("table", "json", "csv", "ndjson")


def _width(text: str) -> int:
    return sum(0 if unicodedata.combining(c) else 1 for c in text)


def _cell(value, limit: int) -> str:
    text = "" if value is None else str(value)
    text = " ".join(terminal_text(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def table(rows: Sequence[dict], columns: Sequence[str], limits: dict | None = None) -> str:
    limits = limits or {}
    cells = [[_cell(r.get(c), limits.get(c, 60)) for c in columns] for r in rows]
    widths = [max([_width(c)] + [_width(row[k]) for row in cells]) for k, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for row in cells:
        lines.append("  ".join(v + " " * (w - _width(v)) for v, w in zip(row, widths)).rstrip())
    return "\n".join(lines)


def chunks(rows: Iterable[dict], fmt: str, columns: Sequence[str], *, raw: bool = False) -> Iterator[str]:
    """``rows`` as JSON, NDJSON or CSV, one row's text at a time (each ends in a newline)."""
    rows = iter(rows)
    if fmt == "json":
        first = True
        for row in rows:
            item = json.dumps(row, ensure_ascii=False, indent=2).replace("\n", "\n  ")
            yield ("[\n  " if first else ",\n  ") + item
            first = False
        yield "[]\n" if first else "\n]\n"
    elif fmt == "ndjson":
        for row in rows:
            yield json.dumps(row, ensure_ascii=False) + "\n"
    elif fmt == "csv":
        first = next(rows, None)
        fields = list(first) if first is not None else list(columns)
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=fields, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        if first is not None:
            rows = _chain(first, rows)
        for row in rows:
            writer.writerow({k: _csv_value(v, raw) for k, v in row.items()})
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
        if buf.getvalue():
            yield buf.getvalue()
    else:
        raise ValueError(f"{fmt}: not a streamable format")


def _chain(first, rest):
    yield first
    yield from rest


def _csv_value(value, raw: bool):
    if isinstance(value, (list, dict)):
        value = json.dumps(value, ensure_ascii=False)
    return value if raw else csv_cell(value)


def render(rows: Iterable[dict], fmt: str, columns: Sequence[str], limits: dict | None = None, *, raw: bool = False) -> str:
    if fmt == "table":
        return table(list(rows), columns, limits)
    return "".join(chunks(rows, fmt, columns, raw=raw)).rstrip("\n")
