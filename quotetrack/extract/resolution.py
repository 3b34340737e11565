"""What the article's cast says a speaker mention stands for (``eval --cast``): given the
place where the gold names a quote's speaker, is it resolved to the gold speaker? This
separates linking errors from cue errors. A name or a description goes through the cast, a
pronoun through its antecedent, with the chain of quotes the extraction builds (the
previous quote's speaker is a pronoun's first candidate, as when quotes are attributed).
"""

from __future__ import annotations

from bisect import bisect_left

from ..nlp.document import Document
from .attach import attach
from .candidates import Candidate
from .context import ArticleContext
from .impersonal import impersonal_source
from .marks import paragraph_index
from .mentions import PRONOUN_SUBJECTS, WINDOW, Mention
from .quotes import attributed
from .sieves import names_the_same_source

# How far after a cue, in characters, a mention still belongs to it (", a-t-on précisé de
# même source": the source follows the verb and its subject).
OWN_CUE_REACH = 20
# Possessives a frame takes (selon ses données, d'après son entourage): the owner is a speaker.
POSSESSIVES = {"son": "il", "sa": "il", "ses": "il", "leur": "ils", "leurs": "ils"}


def _relative_antecedent(ex: ArticleContext, relative) -> Mention | None:
    """X, pour qui ... / X, qui assure ...: the noun phrase the relative pronoun follows."""
    toks = ex.ix.between(max(0, relative.start - WINDOW), relative.start)
    while toks and toks[-1].text in (",", "pour", "selon"):
        toks = toks[:-1]
    if not toks or toks[-1].upos not in ("NOUN", "PROPN", "X"):
        return None
    return ex.cues.np_left_of(toks[-1], ex.para_of(relative.start)[0])


def resolve_mentions(document: Document, mentions: list[tuple[int, int]], without=frozenset()) -> list[str | None]:
    """The speaker each mention (character span) stands for, as the cast resolves it: a
    name or a description through the cast, a pronoun through its antecedent and the chain
    of quotes, "la même source" as the source just quoted (``eval --cast``)."""
    ex = ArticleContext(document, frozenset(without))
    cast = ex.cast
    said = [c for c in attributed(ex) if c.speaker is not None and c.speaker.name]
    antecedents = None
    out: list[str | None] = []
    for start, end in mentions:
        toks = [t for t in ex.ix.tokens[max(0, bisect_left(ex.ix.starts, start) - 1) : bisect_left(ex.ix.starts, end)] if t.end > start]
        mention = ex.cues.mention(toks) if toks else None  # a-t-il: the token that holds the pronoun
        prev = _previous_quote(said, start)
        if mention is not None and names_the_same_source(mention.text) and prev is not None:
            out.append(prev.speaker.name)  # selon la même source, a-t-on précisé de même source
            continue
        if mention is not None and mention.words in ("qui", "lequel", "laquelle"):
            mention = _relative_antecedent(ex, toks[0])
        if mention is not None and mention.words in POSSESSIVES:
            pronoun = POSSESSIVES[mention.words]
            antecedents = ex.antecedents() if antecedents is None else antecedents
            here = Candidate([(end, end)], (end, end), paragraph_index(ex.paras, start), "direct")
            speaker = ex.pronoun_speaker(mention, here, None, antecedents, pronoun=pronoun) or ex.pronoun_speaker(mention, here, None, antecedents, pronoun="elle")
            out.append(speaker.name if speaker is not None else None)
            continue
        if mention is None:
            out.append(None)
            continue
        if mention.pronoun in PRONOUN_SUBJECTS:
            antecedents = ex.antecedents() if antecedents is None else antecedents
            here = Candidate([(end, end)], (end, end), paragraph_index(ex.paras, start), "direct")
            speaker = ex.pronoun_speaker(mention, here, prev, antecedents)
        elif mention.pronoun == "on":
            speaker = impersonal_source(ex, mention, mention.end)
        elif mention.pronoun is not None:
            speaker = None
        else:
            speaker = ex.resolver.describe(mention)
        found = attach(cast, speaker, mention, ex.without) if speaker is not None else None
        speaker = found[0] if found is not None else speaker
        out.append(speaker.name if speaker is not None else None)
    return out


def _previous_quote(said: list[Candidate], at: int) -> Candidate | None:
    """The quote a chain of quotes reaches from a mention at ``at``: the last attributed one
    before the quote whose cue the mention is (« ... », a-t-il ajouté), or before the mention."""
    # the quote whose cue holds the mention, or ends just before it (a-t-on précisé de même source)
    cued = [c for c in said if c.cue is not None and c.cue.start <= at <= c.cue.end + OWN_CUE_REACH]
    own = max(cued, key=lambda c: c.cue.start) if cued else None
    limit = min(own.start, at) if own is not None else at
    before = [c for c in said if c.end <= limit and c is not own]
    return max(before, key=lambda c: c.end) if before else None
