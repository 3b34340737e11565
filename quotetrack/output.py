"""Rows to text: an aligned table for people, JSON, CSV and NDJSON for programs."""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from typing import Iterable, Sequence

FORMATS = ("table", "json", "csv", "ndjson")


def _width(text: str) -> int:
    return sum(0 if unicodedata.combining(c) else 1 for c in text)


def _cell(value, limit: int) -> str:
    text = "" if value is None else str(value)
    text = " ".join(text.split())
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


def render(rows: Iterable[dict], fmt: str, columns: Sequence[str], limits: dict | None = None) -> str:
    rows = list(rows)
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2)
    if fmt == "ndjson":
        return "\n".join(json.dumps(r, ensure_ascii=False) for r in rows)
    if fmt == "csv":
        buf = io.StringIO()
        fields = list(rows[0].keys()) if rows else list(columns)
        writer = csv.DictWriter(buf, fieldnames=fields, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for r in rows:
            writer.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v for k, v in r.items()})
        return buf.getvalue().rstrip("\n")
    return table(rows, columns, limits)
