"""Which sentences of a text need the dependency parse: a cheap pass before parsing.

Most sentences of an article hold no quotation mark, no reporting verb and no *selon*;
extraction reads heads and relations only around such cues. This pass marks, from the
characters alone and in one linear sweep, the writer's sentences that can hold or
introduce a quote:

- a quotation in marks of any kind ``marks.py`` knows (guillemets, reversed ones, curly
  and straight quotes, a paragraph opened by a dialogue dash), and every sentence it runs
  over;
- a form of a reporting verb of ``reporting_verbs.txt`` (conjugated, participle, the
  irregular forms the cue matcher knows) with what makes it report without marks: a *que*
  or an infinitive after it, a comma before it (an incise); a multiword cue (fait valoir);
- a frame: *selon*, *d'après*, a leading *pour* (Pour X, ...), *, pour qui*.

A quotation standing as a sentence of its own with no cue in it (X a dénoncé la réforme.
« C'est un recul. ») is attributed from the sentence before it, and a pronoun speaker
(« ... », ont-ils déploré) finds its antecedent there: that sentence is marked too. A
colon or a reporting verb beside the marks (X, dans un entretien : « ... ») keeps
the attribution inside the quotation's own sentence. A colon with no quotation after it
introduces nothing extraction reads, so it marks nothing by itself.

Over-marking costs only time; missing a sentence costs a quote, so the word tests lean
towards yes (any word that starts like a third-group reporting verb counts).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from . import lexicon
from .cues import LEADING_WORDS, OBJECT_CLITICS, REFLEXIVE
from .verbs import AUX_FORMS, FILLER_ADVERBS, IRREGULAR, verb_guesses
from .index import CLITIC_SUBJECTS
from .marks import find_marked_spans, paragraphs

Span = tuple[int, int]

_WORD = re.compile(r"[^\W\d_]+['’]?|[,:]")  # an elided word keeps its apostrophe: qu', d'
_SENTENCE_END = re.compile(r"[.!?…]+[»”\"]?(?=\s)")
_LAST_WORD = re.compile(r"\w+$")
# Abbreviations a full stop follows inside a sentence.
ABBREVIATIONS = {"m", "mm", "mme", "mmes", "mlle", "mlles", "dr", "pr", "me", "mgr", "st", "ste", "av", "bd", "gal", "col", "cdt", "lt", "cf", "p", "n", "no", "vol", "art", "env"}
# Endings of first-group verbs: present, imperfect, future, conditional, simple past,
# participles (what the press writes around quotes).
_ER_ENDINGS = (
    "er", "e", "es", "ent", "ons", "ez", "ait", "ais", "aient", "ions", "iez", "a", "as", "âmes",
    "èrent", "ât", "é", "ée", "és", "ées", "ant", "era", "eras", "erai", "eront", "erait",
    "eraient", "erons", "erez", "eriez", "erions",
)
# Stems of other verbs shorter than this are matched as whole words (IRREGULAR, _SHORT),
# not as prefixes: "di" would start half the dictionary.
_MIN_STEM = 4
# Forms of short third-group verbs that no prefix can cover.
_SHORT = {
    "dire": ("dit", "dis", "dise", "disent", "dites", "disons", "dira", "diront", "dirait", "diraient", "disait", "disaient", "disant"),
    "faire": ("fait", "fais", "font", "fera", "feront", "ferait", "feraient", "faisait", "faisaient", "faisant", "fit", "firent"),
    "mettre": ("met", "mets", "mis", "mise", "mettent", "mettait", "mettra", "mettrait", "mettant"),
    "croire": ("cru", "crut", "croit", "croient", "croyait", "croyant"),
}
FRAME_WORDS = ("selon",)
COLON = ":"
QUE = ("que", "qu'")
# Subject pronouns whose antecedent is often the subject of the sentence before.
PRONOUNS = {"il", "elle", "ils", "elles"}
# How far (in words) the words that make a reporting verb a cue may stand from it, as the
# sieves of indirect.py look: que within 10 words, an infinitive within 7, a comma before.
QUE_WINDOW = 10
INFINITIVE_WINDOW = 7
INCISE_WINDOW = 4
_INCISE_WORDS = AUX_FORMS | FILLER_ADVERBS | OBJECT_CLITICS | REFLEXIVE | CLITIC_SUBJECTS | {"ne", "n'", "t", "comme", "le", "la", "l'"}
_INFINITIVE = re.compile(r"\w{2,}(?:er|ir|oir|dre|tre|ire|clure|ore|vre|pre)")  # not -ure, -ture: nouns
_NOT_INFINITIVE = {"entre", "notre", "votre", "autre", "contre", "premier", "dernier", "hier", "leur", "plusieurs", "janvier", "février", "quartier", "foyer", "loyer", "métier", "dossier", "chantier", "fer", "mer", "cher", "hiver", "soir", "espoir", "avenir", "plaisir", "désir", "pouvoir", "devoir", "livre", "nombre", "membre", "ordre", "lettre", "centre", "titre", "libre", "mètre", "ministre", "pire"}


def _er_stems(lemma: str) -> set[str]:
    """The stems of a first-group verb with their spelling variants: annonç-ait,
    exige-ons, répèt-e, appell-e."""
    stem = lemma[:-2]
    stems = {stem}
    if stem.endswith("c"):
        stems.add(stem[:-1] + "ç")
    if stem.endswith("g"):
        stems.add(stem + "e")
    at = max(stem.rfind("é"), stem.rfind("e"))
    if at > 0:
        stems.add(stem[:at] + "è" + stem[at + 1 :])
    if stem.endswith(("l", "t")):
        stems.add(stem + stem[-1])  # appelle, jette
    return stems


def _other_stems(lemma: str) -> set[str]:
    """Prefixes that every form of a second- or third-group verb starts with (within the
    tolerance this pass allows): avert-, souten-/soutien-, reconn-, écri-/écriv-."""
    stems = set()
    for ending, replacements in (
        ("enir", ("en", "ien", "in")), ("ettre", ("et", "is")), ("aître", ("", )),
        ("indre", ("ind", "ign", "in")), ("oire", ("oi", "oy")), ("oir", ("oi", "oy", "")),
        ("ire", ("i", "iv", "is")), ("re", ("",)), ("ir", ("",)),
    ):
        if lemma.endswith(ending):
            base = lemma[: -len(ending)]
            stems.update(base + r for r in replacements)
            break
    return {s for s in stems if len(s) >= _MIN_STEM}


@lru_cache(maxsize=1)
def _lexicon() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(whole forms, prefixes, lemmas): what a word is compared with."""
    lemmas = {w for w in lexicon.reporting_verbs() if " " not in w and "'" not in w and len(w) > 2}
    forms, prefixes = {form for form, lemma in IRREGULAR.items() if lemma in lemmas}, set()
    for lemma in lemmas:
        if lemma.endswith("er"):
            forms.update(stem + ending for stem in _er_stems(lemma) for ending in _ER_ENDINGS)
        else:
            prefixes.update(_other_stems(lemma))
            forms.update(_SHORT.get(lemma, ()))
            forms.add(lemma)
    return frozenset(forms), frozenset(prefixes), frozenset(lemmas)


@lru_cache(maxsize=1)
def _multiword_heads() -> dict[str, frozenset[str]]:
    """Forms of the first verb of a multiword cue -> the words that must follow it (fait
    valoir, a mis en garde): the verb alone reports nothing."""
    heads = {}
    for lemma, seconds in lexicon.multiword_cues().items():
        firsts = {w.split()[0] for w in seconds}
        forms = set(_SHORT.get(lemma, ())) | {lemma}
        forms.update(f for f, l in IRREGULAR.items() if l == lemma)
        for form in forms:
            heads[form] = frozenset(firsts)
    return heads


@lru_cache(maxsize=65536)
def is_reporting_form(word: str) -> bool:
    """Could ``word`` be a form of a reporting verb? Lowercase words only. (Cached: the
    selector asks it of every word of every page.)"""
    forms, prefixes, lemmas = _lexicon()
    if word in forms or any(g in lemmas for g in verb_guesses(word)):
        return True
    return any(word[:k] in prefixes for k in range(_MIN_STEM, len(word) + 1))


def _ends_sentence(text: str, at: int, after: int, stop: int) -> bool:
    """Is the mark at ``at`` a sentence end? Not after an initial or a title (M. Macron,
    Marsha P. Johnson), not before a lowercase word."""
    word = _LAST_WORD.search(text, max(0, at - 8), at)
    if word is not None and text[at] == "." and (len(word.group()) == 1 and word.group().isupper() or word.group().lower() in ABBREVIATIONS):
        return False
    k = after
    while k < stop and text[k].isspace():
        k += 1
    return not (k < stop and text[k].islower())


def _writer_sentences(text: str, quoted: list[Span]) -> Iterator[Span]:
    """The writer's sentences, from punctuation: a sentence end inside quotation marks
    does not end the sentence around them."""
    k = 0
    for p_start, p_end in paragraphs(text):
        start = p_start
        for m in _SENTENCE_END.finditer(text, p_start, p_end):
            while k < len(quoted) and quoted[k][1] <= m.start():
                k += 1
            if k < len(quoted) and quoted[k][0] < m.start():
                continue  # inside a quotation
            if not _ends_sentence(text, m.start(), m.end(), p_end):
                continue
            yield start, m.end()
            start = m.end()
        if text[start:p_end].strip():
            yield start, p_end


def _has_cue(words: list[str]) -> bool:
    """Does a sentence (its words outside quotation marks) hold a cue extraction can use
    without marks: a frame, or a reporting verb with what makes it report (que, an
    infinitive, a comma before it: X affirme que ... / X affirme avoir ... / ..., a
    assuré X)? A reporting verb alone (la solution proposée) introduces nothing."""
    heads = _multiword_heads()
    for n, word in enumerate(words):
        if word in FRAME_WORDS or (word == "d'" and words[n + 1 : n + 2] == ["après"]):
            return True
        if (word == "yeux" and words[n - 1 : n] == ["aux"]) or (word == "croire" and words[max(0, n - 2) : n] == ["à", "en"]) or (word == "avis" and words[max(0, n - 2) : n] == ["de", "l'"]):
            return True  # aux yeux de X, à en croire X, de l'avis de X
        if word == "pour" and (n == 0 or (n == 1 and words[0] in LEADING_WORDS) or words[n + 1 : n + 2] == ["qui"]):
            return True
        if word in heads:
            if any(w in heads[word] for w in words[n + 1 : n + 3]):
                return True
            continue
        if not is_reporting_form(word):
            continue
        after = words[n + 1 : n + 1 + QUE_WINDOW]
        if any(w in QUE for w in after):
            return True
        if any(_INFINITIVE.fullmatch(w) and w not in _NOT_INFINITIVE for w in after[:INFINITIVE_WINDOW]):
            return True
        if _after_comma(words, n):
            return True
    return False


def _introduces(words: list[str]) -> bool:
    """Can the words around a quotation attribute it themselves: a colon (X, dans un
    entretien : « ... »), a reporting verb (X dénonce « ... »)?"""
    return COLON in words or any(is_reporting_form(w) for w in words)


def _after_comma(words: list[str], n: int) -> bool:
    """..., a assuré X / ..., comme l'a rappelé X: a comma, then only auxiliaries,
    clitics and filler adverbs before the verb (what ``CueFinder.incise`` skips)."""
    k = n - 1
    while k >= max(0, n - 1 - INCISE_WINDOW) and words[k] in _INCISE_WORDS:
        k -= 1
    return k >= 0 and words[k] == ","


def _words(text: str, start: int, end: int, quoted: list[Span], k: int) -> list[str]:
    """Lowercase words of text[start:end] outside the quotations (``k``: the first of
    ``quoted`` that may overlap)."""
    out = []
    for m in _WORD.finditer(text, start, end):
        while k < len(quoted) and quoted[k][1] <= m.start():
            k += 1
        if k < len(quoted) and quoted[k][0] <= m.start() < quoted[k][1]:
            continue
        out.append(m.group().lower().replace("’", "'"))
    return out


def full_parse_spans(text: str) -> list[Span]:
    """The character spans of ``text`` whose sentences need the full parse, in order and
    disjoint: the writer's sentences holding a quotation or a cue, and the sentence before
    a quotation that has no cue of its own or a cue with a pronoun subject. Linear in the length of the text."""
    quoted = sorted(s.outer for s in find_marked_spans(text))
    sentences = list(_writer_sentences(text, quoted))
    chosen = [False] * len(sentences)
    k = 0
    for n, (start, end) in enumerate(sentences):
        while k < len(quoted) and quoted[k][1] <= start:
            k += 1
        has_quote = k < len(quoted) and quoted[k][0] < end
        words = _words(text, start, end, quoted, k)
        if _has_cue(words):
            chosen[n] = True
            if n > 0 and any(w in PRONOUNS for w in words):
                chosen[n - 1] = True  # « ... », ont-ils déploré: the antecedent is the sentence before's subject
        elif has_quote:
            chosen[n] = True
            if n > 0 and (not _introduces(words) or any(w in PRONOUNS for w in words)):
                chosen[n - 1] = True  # « C'est un recul. »: its speaker is the sentence before's subject
    spans: list[Span] = []
    for (start, end), keep in zip(sentences, chosen):
        if not keep:
            continue
        if spans and not text[spans[-1][1] : start].strip():
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def selection(full_parse: bool = False):
    """The ``select`` argument of an engine's ``parse_many``: None (parse everything) when
    ``full_parse``, else this pass."""
    return None if full_parse else full_parse_spans
