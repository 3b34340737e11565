"""Curated name lists beside the code (``quotetrack/data/``): outlets and organizations.

Kept as data so that a newsroom can review and extend them without touching code; both
speaker typing (``speakers``) and article metadata (``metadata``) read them, folded
(``search.fold``) so that accents and case never decide a match.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .folding import fold

DATA = Path(__file__).resolve().parent.parent / "data"  # quotetrack/data/


def entries(name: str):
    """(section, line) for every non-empty, non-comment line of ``data/name``."""
    section = ""
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            continue
        yield section, line


@lru_cache(maxsize=None)
def outlets() -> dict[str, str]:
    """Folded spelling or domain -> the outlet's canonical name (« lemonde.fr » -> Le Monde)."""
    table = {}
    for _, line in entries("outlets.txt"):
        names = [part.strip() for part in line.split("|") if part.strip()]
        for spelling in names:
            table.setdefault(fold(spelling), names[0])
    return table


@lru_cache(maxsize=None)
def organizations() -> dict[str, str]:
    """Folded name -> what it is (country, institution, party, company, outlet)."""
    table = {fold(name): section for section, name in entries("organizations.txt")}
    for spelling, canonical in outlets().items():
        if "." not in spelling:  # domains name no speaker
            table.setdefault(spelling, "outlet")
    return table
