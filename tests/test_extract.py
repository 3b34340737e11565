"""Quote extraction over a table of French constructions (tests/constructions.py)."""

import re

import pytest

from constructions import CASES
from quotetrack.extract import extract_quotes
from quotetrack.text.folding import normalize_name

# Constructions the rules do not handle yet; each one says why. They run, and a pass
# is reported (strict=False) so that fixed cases are noticed.
KNOWN_GAPS = {
    "pronoun_plural_elles_group": "spaCy splits aides-soignantes in three tokens and parses "
    "none as the subject, so no plural antecedent is found",
    "role_anaphor_demonym": "a demonym (le Lyonnais) is not linked back to the person it "
    "describes (l'attaquant lyonnais Théo Marchand)",
    "multiword_a_tenu_a_souligner_direct_rank": "spaCy tokenizes Guivarc'h. as Guivarc' + "
    "'h.' (punctuation), which cuts the apposition",
}


def _norm(text):
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " ")).strip(" .,;:!?…")


def _same_text(expected, quote, case_id):
    want, got = _norm(expected.text), _norm(quote.text)
    if case_id.startswith("multi_paragraph"):
        return got.startswith(want)
    if expected.kind == "indirect":
        shorter, longer = sorted((want, got), key=len)
        return shorter in longer and len(shorter) >= 0.8 * len(longer)
    return want == got


def _speaker(name):
    return normalize_name(name) if name else None


def _params():
    for case in CASES:
        marks = [pytest.mark.xfail(reason=KNOWN_GAPS[case.id], strict=False)] if case.id in KNOWN_GAPS else []
        yield pytest.param(case, id=case.id, marks=marks)


def assert_extracts(case, engine):
    """The case's quotes, in order, with their text, kind and speaker."""
    found = extract_quotes(engine.parse(case.text))
    got = [(q.kind, q.speaker, q.text) for q in found]
    assert len(found) == len(case.quotes), got
    for expected, quote in zip(case.quotes, found):
        assert _same_text(expected, quote, case.id), got
        assert quote.kind == expected.kind, got
        assert _speaker(quote.speaker) == _speaker(expected.speaker), got


@pytest.mark.parametrize("case", _params())
def test_construction(case, spacy_engine):
    assert_extracts(case, spacy_engine)


def _opens_its_sentence(case, quote):
    at = case.text.find(quote.text)
    before = case.text[:at].rstrip(" \u00a0\u202f«“„\"")
    return before == "" or before[-1] in ".!?:\n"


# Quotes that stand as whole statements need no parse to be found; a partial quote (or one
# after "Selon X,") is kept only when the parse gives it a speaker, so it is left out here.
PARSE_FREE = [c for c in CASES if c.parse_free and all(q.kind == "direct" and _opens_its_sentence(c, q) for q in c.quotes)]


@pytest.mark.stanza
@pytest.mark.parametrize("case", PARSE_FREE, ids=lambda c: c.id)
def test_parse_free_construction_on_stanza(case, stanza_engine):
    """Spans found from the punctuation alone come out the same with the tiny Stanza models."""
    found = extract_quotes(stanza_engine.parse(case.text))
    assert [_norm(q.text) for q in found] == [_norm(q.text) for q in case.quotes]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n ",
        "Le conseil municipal se réunira mardi soir à la mairie.",
        "Le maire a dit « " * 2_000,
        'Il a dit "oui et " non ' * 1_000,
        "fin » « début " * 1_000,
    ],
    ids=["empty", "blank", "no-quotes", "unclosed", "straight", "inverted"],
)
def test_bad_input_never_raises(text, spacy_engine):
    found = extract_quotes(spacy_engine.parse(text))
    for q in found:
        assert 0 <= q.start <= q.end <= len(text) and 0 < q.confidence <= 1


def test_unbalanced_quote_has_lower_confidence(spacy_engine):
    closed = extract_quotes(spacy_engine.parse("« Nous irons jusqu'au bout », a déclaré Jean Dupont."))
    unclosed = extract_quotes(spacy_engine.parse("Jean Dupont a déclaré : « Nous irons jusqu'au bout."))
    assert closed[0].speaker == unclosed[0].speaker == "Jean Dupont"
    assert unclosed[0].confidence < closed[0].confidence
    assert "unbalanced" in unclosed[0].reason


def test_record_fields(spacy_engine):
    text = "Le Premier ministre, Jean Dupont, a reçu les syndicats.\n\n« Nous ne céderons pas », a-t-il prévenu."
    (q,) = extract_quotes(spacy_engine.parse(text))
    assert q.text == "Nous ne céderons pas" and text[q.start : q.end] == q.text
    assert (q.speaker, q.speaker_kind, q.speaker_mention) == ("Jean Dupont", "person", "il")
    assert text[q.speaker_start : q.speaker_end] == "il"
    assert (q.cue, q.cue_lemma, q.paragraph) == ("a-t-il prévenu", "prévenir", 1)
    assert q.context == "« Nous ne céderons pas », a-t-il prévenu."
    assert q.reason.split("; ") == ["incise_after", "pronoun_antecedent"]
    assert "Jean Dupont" in q.aliases


@pytest.mark.parametrize(
    "text",
    [
        "Il faut dire que la situation financière de la commune est grave.",
        "Pour la première fois depuis dix ans, le club a perdu à domicile.",
        "Le maire n'a pas indiqué que le projet serait abandonné.",
    ],
    ids=["il-faut-dire", "pour-la-premiere-fois", "negated-cue"],
)
def test_no_speech_without_a_speaker(text, spacy_engine):
    assert extract_quotes(spacy_engine.parse(text)) == []
