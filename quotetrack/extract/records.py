"""The typed records extraction returns: small, frozen, JSON-ready."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

KINDS = ("direct", "partial", "indirect")
# Steps that decide that quoted or reported words are nobody's quote, in the order they run;
# each leaves a ``Rejection`` (read by ``eval --by-sieve``) and can be switched off (--without).
REJECTING_STEPS = (
    "named_word",  # le mot « résilience », la loi dite « Climat »: a word or a name mentioned
    "work_title",  # le film « La Haine »: a title, with its capital
    "charge",  # mis en examen pour « abus de confiance »: an offence
    "proper_name",  # le missile « Orechnik »: a name in marks
    "naming_verb",  # surnommé « le Professeur »: what someone or something is called
    "sign",  # un panneau rappelle la règle : « Ni chiens ni vélos »: words on a sign, a slogan
    "translation",  # « No pasarán » (« Ils ne passeront pas »): a translation of the words before
    "read_also",  # Lire aussi : « ... »: a link to another article
    "partial_without_cue",  # a fragment no cue gives to anyone (scare quotes, labels)
    "heading_not_in_body",  # a headline's quotation that the body does not attribute
    "marked_cover",  # a statement the marks cover: the quotation in marks is the record
    "around_quotes",  # a writer's frame around quoted words whose cue is their own
    "inside_answer",  # words quoted inside an interview's answer are the interviewee's
    "inside_post",  # words quoted inside an embedded post, and its signature line
)
SPEAKER_KINDS = ("person", "organization", "anonymous", "unknown")


@dataclass(frozen=True)
class Rejection:
    """Words a step decided are nobody's quote: where they are, and the step."""

    start: int
    end: int
    kind: str
    step: str


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
