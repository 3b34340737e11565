"""Which word is a reporting verb, and what may stand around one: the lemma a verb form
stands for, tolerant of the tagger's and the lemmatiser's slips (annoncées -> annoncer, dit
-> dire), checked against the word lists (``reporting_verbs.txt``, the multiword cues); the
auxiliaries, adverbs and inserted complements between a subject and its verb. Read by the
cue matchers (``cues.py``) and the trigger scan (``triggers.py``).
"""

from __future__ import annotations

from functools import lru_cache

from ..nlp.document import Token
from . import lexicon

# Forms of avoir and être before a participle (a déclaré, est-il écrit), and the adverbs that
# may stand between a verb and its subject or its second word (a encore déclaré, fait également valoir).
AUX_FORMS = {
    "a", "ont", "avait", "avaient", "aura", "auront", "aurait", "auraient", "eut", "ont-ils",
    "est", "sont", "était", "étaient", "sera", "serait", "fut", "a-t", "avait-t",
}
FILLER_ADVERBS = {
    "encore", "également", "aussi", "ainsi", "alors", "ensuite", "enfin", "déjà", "notamment",
    "simplement", "seulement", "plutôt", "immédiatement", "aussitôt", "volontiers", "franchement",
    "sobrement", "fermement", "pourtant", "cependant", "toutefois", "récemment", "hier", "tard",
    "plus", "publiquement", "lui-même", "elle-même", "clairement", "même",
}
# Prepositions that open a complement set between commas after a subject (D'autres, parmi les
# soignants, estiment ...; Plusieurs, au sein du bloc central, jugent ...)
INSERTED_COMPLEMENTS = {"parmi", "au", "dans", "chez"}
# Adverbials that may stand between a subject and its verb (X a de son côté indiqué ...).
SIDE_ADVERBIALS = {("de", "son", "côté"), ("de", "leur", "côté"), ("pour", "sa", "part"), ("pour", "leur", "part"), ("à", "son", "tour"), ("à", "leur", "tour")}
# Verbs that lead a reporting verb: a tenu à préciser, a voulu rassurer.
LEAD_VERBS = {"tenir", "vouloir", "accorder", "empresser", "contenter"}  # tient à souligner, s'accordent à dire, s'empresse de préciser
IRREGULAR = {
    "dit": "dire", "dis": "dire", "disent": "dire", "dira": "dire", "disait": "dire",
    "écrit": "écrire", "écrivent": "écrire", "écrivait": "écrire",
    "conclu": "conclure", "conclut": "conclure", "reconnu": "reconnaître",
    "reconnaît": "reconnaître", "reconnait": "reconnaître", "admis": "admettre",
    "admet": "admettre", "promis": "promettre", "promet": "promettre",
    "soutenu": "soutenir", "soutient": "soutenir", "prévenu": "prévenir",
    "prévient": "prévenir", "répondu": "répondre", "répond": "répondre",
    "poursuivi": "poursuivre", "poursuit": "poursuivre", "averti": "avertir",
    "avertit": "avertir", "confié": "confier", "relevé": "relever", "fait": "faire",
    "tenu": "tenir", "tient": "tenir", "voulu": "vouloir", "veut": "vouloir",
    "réagi": "réagir", "réagit": "réagir", "interrogé": "interroger", "prédit": "prédire",
    "concédé": "concéder", "renchéri": "renchérir", "renchérit": "renchérir",
}


def verb_guesses(word: str):
    """The lemmas a verb form may have, from its ending or the irregular forms (for the
    words the tagger or the lemmatiser got wrong): annoncées -> annoncer, dit -> dire."""
    word = word.lower().replace("’", "'")
    if word in IRREGULAR:
        yield IRREGULAR[word]
    for suffix in ("ées", "és", "ée", "é"):
        if word.endswith(suffix):
            yield word[: -len(suffix)] + "er"
    for suffix, repl in (("e", "er"), ("ent", "er"), ("ait", "er"), ("a", "er"), ("it", "ir"), ("i", "ir")):
        if word.endswith(suffix):
            yield word[: -len(suffix)] + repl


def reporting_lemma(token: Token) -> str | None:
    """The reporting verb lemma a token stands for, tolerant of tagger and lemmatiser slips."""
    if token.upos in ("PUNCT", "DET", "ADP", "CCONJ", "SCONJ", "NUM", "PRON") or not token.text[:1].isalpha():
        return None
    return _reporting_lemma(token.text, token.lemma, token.upos, token.i == 0)


@lru_cache(maxsize=1)
def _cue_verbs() -> frozenset[str]:
    return frozenset(lexicon.reporting_verbs() | set(lexicon.multiword_cues()) | LEAD_VERBS)


@lru_cache(maxsize=65536)
def _reporting_lemma(text: str, lemma: str, upos: str, first: bool) -> str | None:
    # Cached by what it reads: a word form comes back on every page.
    verbs = _cue_verbs()
    lemma = lemma.lower()
    if lemma in verbs and upos in ("VERB", "AUX", "NOUN", "PROPN", "ADJ", "X"):
        return lemma
    if text[:1].isupper() and not first and upos == "PROPN":
        return None
    for guess in verb_guesses(text):
        if guess in verbs:
            return guess
    return None
