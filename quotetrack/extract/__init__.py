"""Quote extraction: pure functions over the engine-neutral Document.

``extract_quotes(document)`` finds direct, partial and indirect quotations and their
speakers, in text order, as ``Quote`` records. The steps, each in its own module:

1. ``marks``: quoted spans from the punctuation alone;
2. ``cues``: the reporting expression attached to each span (an incise after it, a verb
   or a colon before it, ``selon X``), and reported speech without marks;
3. ``speakers``: mentions turned into one canonical speaker per person.
"""

from __future__ import annotations

from .quotes import extract_quotes, step_names
from .resolution import resolve_mentions
from .records import KINDS, SPEAKER_KINDS, Quote

__all__ = ["extract_quotes", "resolve_mentions", "step_names", "Quote", "KINDS", "SPEAKER_KINDS"]
