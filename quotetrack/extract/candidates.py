"""A quotation while extraction decides it: its parts, kind, cue, speaker and reasons.

Kept apart from the stages that fill it in (``sieves``, ``indirect``, ``quotes``) so that
each of them can import it without importing another stage.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .cues import Cue
from .speakers import Speaker

# How the parts of an interrupted quotation are joined in its text: « A », dit-il, « B ».
JOIN = " […] "


@dataclass
class Candidate:
    parts: list
    outer: tuple
    paragraph: int
    kind: str
    cue: Cue | None = None
    balanced: bool = True
    speaker: Speaker | None = None
    reason: list = field(default_factory=list)
    joins: list = field(default_factory=list)  # separator after each part but the last
    pending: tuple | None = None  # parts and joins a sieve proposes, kept if its cue is

    @property
    def start(self):
        return self.parts[0][0]

    @property
    def end(self):
        return self.parts[-1][1]
