"""The typed records extraction returns: small, frozen, JSON-ready."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

KINDS = ("direct", "partial", "indirect")
SPEAKER_KINDS = ("person", "organization", "anonymous", "unknown")


@dataclass(frozen=True)
class Quote:
    """One quotation found in an article.

    ``parts`` are the character spans of the quoted words in the article text, quotation
    marks excluded; a quote interrupted by an incise (« A », a-t-il dit, « B ») has two
    parts, and ``text`` joins them with `` […] ``.
    """

    text: str
    parts: tuple[tuple[int, int], ...]
    kind: str
    speaker: str | None = None
    speaker_kind: str = "unknown"
    role: str | None = None
    speaker_mention: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None
    cue_lemma: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    context: str = ""
    paragraph: int = 0
    confidence: float = 0.0
    reason: str = ""
    aliases: tuple[str, ...] = field(default=(), compare=False)

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]

    def to_dict(self) -> dict:
        data = asdict(self)
        data["parts"] = [list(p) for p in self.parts]
        data["aliases"] = list(self.aliases)
        data["start"], data["end"] = self.start, self.end
        return data
