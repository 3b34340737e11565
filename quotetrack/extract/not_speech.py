"""Quoted words that are nobody's speech, read before any cue is looked for: a word or a
name mentioned (le mot « résilience »), a title (le film « La Haine »), an offence (mis en
examen pour « abus de confiance »), a name in marks, what someone is called (surnommé « le
Professeur »), words on a sign or a slogan, a translation in parentheses, a link to another
article. Each answer is the identifier of the step (``records.REJECTING_STEPS``) that
``quotes.marked_quotes`` records as the reason the words were dropped.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import lexicon
from .marks import MarkedSpan
from .verbs import verb_guesses

if TYPE_CHECKING:  # the context is passed in; no import at run time
    from .context import ArticleContext

# Most words of a name in marks (le missile « Orechnik »): longer capitalised runs are titles
# or slogans read by the other steps.
PROPER_NAME_WORDS = 5
# A paragraph that links to another article of the site (Lire aussi : « ... »): a headline, no one's speech.
READ_ALSO = re.compile(r"\s*(lire aussi|à lire aussi|voir aussi|lire également)\b", re.I)


def not_speech(ctx: ArticleContext, span: MarkedSpan) -> str | None:
    """The step that reads the marked words as no one's speech, if one does: Lire aussi :
    « ... » (read_also), « ... » (« ... ») (translation), Sur les pancartes : « ... » (sign),
    le mot « résilience » (named_word), le film « La Haine » (work_title), pour « abus de
    confiance » (charge), le missile « Orechnik » (proper_name), surnommé « le Professeur »
    (naming_verb)."""
    p_start, p_end = ctx.para_of(span.outer[0])
    if READ_ALSO.match(ctx.text, p_start):
        return "read_also"
    if _translation(ctx, span, p_start):
        return "translation"
    if _on_a_sign(ctx, span, p_end):
        return "sign"
    before = ctx.ix.between(max(p_start, span.outer[0] - 200), span.outer[0])
    if not before:
        return None
    prev = before[-1]
    word = prev.text.lower()
    lemma = prev.lemma.lower()
    words = lexicon.naming_words()
    content = ctx.text[span.parts[0][0] : span.parts[0][1]]
    if word in words["word"] or lemma in words["word"]:
        return "named_word"
    if word in ("dit", "dite", "dits", "dites") and len(before) > 1 and before[-2].upos == "NOUN":
        return "named_word"  # la loi dite « Climat et résilience »
    if (word in words["title"] or lemma in words["title"]) and content[:1].isupper() | content[:1].isdigit():
        return "work_title"
    if is_charge(ctx, before):
        ctx.charges.append(span.outer[1])
        return "charge"
    if _proper_name(content) and before[-1].text not in (".", ":", "!", "?"):
        return "proper_name"  # le missile « Orechnik », les exercices « Joint Sea-2024 »
    if lemma in words["verb"] or any(g in words["verb"] for g in verb_guesses(prev.text)):
        return "naming_verb"
    return None

def _translation(ctx: ArticleContext, span: MarkedSpan, p_start: int) -> bool:
    """« No pasarán » (« Ils ne passeront pas »): quoted words in parentheses right after
    other quoted words translate them."""
    before = ctx.text[max(p_start, span.outer[0] - 3) : span.outer[0]].replace(" ", "").replace("\u00a0", "")
    return len(before) == 2 and before[1] == "(" and before[0] in "»”\"“"

def _on_a_sign(ctx: ArticleContext, span: MarkedSpan, p_end: int) -> bool:
    """Sur les pancartes : « ... » / « ... » : le slogan, scandé ...: the writer's sentence
    before the words, or a colon right after them, names a sign or a slogan."""
    signs = lexicon.naming_words()["sign"]
    floor = ctx.sentence_floor(span.outer[0])
    after = ctx.ix.between(span.outer[1], min(p_end, span.outer[1] + 40))
    if after and after[0].text == ":":
        words = after[1:4]
    else:
        words = [t for t in ctx.ix.between(floor, span.outer[0]) if not ctx.inside_marks(t.start)]
    return any(t.upos == "NOUN" and (t.lemma.lower() in signs or t.text.lower().rstrip("s") in signs) for t in words) or _slogan(words)


def is_charge(ctx: ArticleContext, before) -> bool:
    """mis en examen pour « abus de confiance », chef d'« association de malfaiteurs »:
    the name of an offence, which no one is quoted as saying."""
    words = lexicon.naming_words()["charge"]
    toks = [t for t in before if t.text not in ("'", "’")]  # d ' « as some parses cut it
    prev = toks[-1].text.lower().replace("’", "'").rstrip("'")
    if prev in ("d", "de") and len(toks) > 1 and toks[-2].lemma.lower() in ("chef", "délit", "crime", "motif"):
        return True
    if prev in ("et", "ou", "d", "de", ",") and ctx.charges and 0 <= before[-1].start - ctx.charges[-1] <= 8:
        return True  # … pour « abus de confiance » et « prise illégale d'intérêts »
    if prev != "pour":
        return False
    start = ctx.sentence_floor(before[-1].start)
    return any(t.lemma.lower() in words or t.text.lower() in words for t in before[:-1] if t.start >= start)


def _slogan(words) -> bool:
    """sous le mot d'ordre « ... »: the rallying cry of a demonstration."""
    low = [t.text.lower().replace("’", "'") for t in words]
    return any(low[k : k + 3] == ["mot", "d'", "ordre"] for k in range(len(low)))


def _proper_name(content: str) -> bool:
    """Every word capitalised, a few words, no sentence punctuation: a name, not speech."""
    words = content.split()
    return 0 < len(words) <= PROPER_NAME_WORDS and not any(c in content for c in ".!?,;:…") and all(w[:1].isupper() or w[:1].isdigit() for w in words)
