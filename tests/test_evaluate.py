"""Scoring behind ``quotetrack eval``: span matching, speaker and mention accuracy, gold files.

Quotes are built by hand, so no NLP engine is needed: ``evaluate`` gets an ``extract``
callable that returns them.
"""

from dataclasses import replace
from pathlib import Path

import pytest

from quotetrack.errors import InputError
from quotetrack.evaluate import Span, evaluate, match_spans, read_gold, speaker_matches
from quotetrack.text.folding import normalize_name
from quotetrack.extract.records import KINDS, Quote

GOLD_FILE = Path(__file__).parent / "gold" / "seed-fr.jsonl"

TEXT = (
    "« Nous ne céderons rien sur les retraites », a déclaré Mme Marie Dupont. "
    "Le ministre a estimé que la réforme était « nécessaire et urgente ». "
    "« Le budget est prêt », a ajouté le ministre, « il sera voté avant l'été ». "
    "Selon Jean-Luc Martin, les syndicats appelleront à la grève."
)


def at(fragment):
    """(start, end) of the (unique) fragment in TEXT."""
    start = TEXT.index(fragment)
    return start, start + len(fragment)


def gold(fragment, kind, speaker, mention):
    (start, end), (s0, s1) = at(fragment), at(mention)
    return {"start": start, "end": end, "quote": fragment, "kind": kind, "speaker": speaker, "speaker_start": s0, "speaker_end": s1}


DOC = {
    "id": "doc-1",
    "text": TEXT,
    "quotes": [
        gold("Nous ne céderons rien sur les retraites", "direct", "Marie Dupont", "Marie Dupont"),
        gold("nécessaire et urgente", "partial", "le ministre", "Le ministre"),
        gold("Le budget est prêt", "direct", "le ministre", "le ministre"),  # an incise splits
        gold("il sera voté avant l'été", "direct", "le ministre", "le ministre"),  # this quote in two
        gold("les syndicats appelleront à la grève", "indirect", "Jean-Luc Martin", "Jean-Luc Martin"),
    ],
}


def quote(*fragments, kind="direct", speaker=None, mention=None):
    s0, s1 = at(mention) if mention else (None, None)
    return Quote(" […] ".join(fragments), tuple(at(f) for f in fragments), kind, speaker, speaker_start=s0, speaker_end=s1)


P1 = quote("Nous ne céderons rien sur les retraites", speaker="Marie Dupont", mention="Marie Dupont")
P2 = quote("nécessaire et urgente", kind="partial", speaker="le ministre", mention="Le ministre")
P3 = quote("Le budget est prêt", "il sera voté avant l'été", speaker="le ministre", mention="le ministre")
P4 = quote("les syndicats appelleront à la grève", kind="indirect", speaker="Jean-Luc Martin", mention="Jean-Luc Martin")
PERFECT = [P1, P2, P3, P4]


def figures(predicted, kinds=KINDS, doc=DOC):
    def extract(texts):
        assert texts == [doc["text"]]
        return [predicted]

    return evaluate([doc], extract, kinds).figures()


def prf(p, r, f):
    return {"precision": p, "recall": r, "f1": f}


ONE, ZERO = prf(1.0, 1.0, 1.0), prf(0.0, 0.0, 0.0)


# ----- span matching ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "predicted, kinds, n_gold, n_pred, t03, t08",
    [
        pytest.param(PERFECT, KINDS, 5, 5, ONE, ONE, id="perfect"),
        # 21 of the 39 gold characters: 0.54 matches at 0.3, not at 0.8
        pytest.param([quote("Nous ne céderons rien"), P2, P3, P4], KINDS, 5, 5, ONE, prf(0.8, 0.8, 0.8), id="partial-overlap"),
        pytest.param([quote("nécessaire", kind="partial"), P2], {"partial"}, 1, 2, prf(0.5, 1.0, 0.6667), prf(0.5, 1.0, 0.6667), id="two-compete"),
        pytest.param(PERFECT + [quote("Le ministre a estimé", kind="indirect")], KINDS, 5, 6, prf(0.8333, 1.0, 0.9091), prf(0.8333, 1.0, 0.9091), id="extra"),
        pytest.param([P3], KINDS, 5, 2, prf(1.0, 0.4, 0.5714), prf(1.0, 0.4, 0.5714), id="two-parts-two-spans"),
        pytest.param(PERFECT, {"direct"}, 3, 3, ONE, ONE, id="kinds-direct"),
        pytest.param([replace(P2, kind="direct"), replace(P4, kind="direct")], {"partial", "indirect"}, 2, 0, ZERO, ZERO, id="kinds-both-sides"),
        pytest.param([], KINDS, 5, 0, ZERO, ZERO, id="nothing-predicted"),
    ],
)
def test_figures(predicted, kinds, n_gold, n_pred, t03, t08):
    got = figures(predicted, kinds)
    assert (got["documents"], got["gold"], got["predicted"]) == (1, n_gold, n_pred)
    assert got["t0.3"] == t03
    assert got["t0.8"] == t08


@pytest.mark.parametrize(
    "gold_spans, pred_spans, threshold, expected",
    [
        pytest.param([(0, 20)], [(0, 10), (0, 20)], 0.3, [(0, 1, 1.0)], id="best-prediction-wins"),
        pytest.param([(0, 100), (60, 100)], [(60, 100)], 0.3, [(0, 0, 0.4)], id="greedy-first-gold-takes-it"),
        pytest.param([(0, 100), (60, 100)], [(60, 100)], 0.8, [(1, 0, 1.0)], id="greedy-at-0.8"),
        pytest.param([(0, 10), (0, 10)], [(0, 10)], 0.3, [(0, 0, 1.0)], id="prediction-used-once"),
        pytest.param([(10, 20)], [(0, 100)], 0.8, [(0, 0, 1.0)], id="score-over-gold-length"),
        pytest.param([(0, 10)], [(0, 3)], 0.3, [], id="score-must-exceed-threshold"),
        pytest.param([(0, 10)], [(10, 20)], 0.3, [], id="adjacent-no-overlap"),
    ],
)
def test_match_spans(gold_spans, pred_spans, threshold, expected):
    g = [Span(a, b, "direct") for a, b in gold_spans]
    p = [Span(a, b, "direct") for a, b in pred_spans]
    got = [(g.index(m.gold), p.index(m.pred), m.score) for m in match_spans(g, p, threshold)]
    assert got == expected


def test_figures_keys():
    got = figures(PERFECT)
    assert set(got) == {"documents", "gold", "predicted", "t0.3", "t0.8", "speaker_accuracy", "speaker_scored", "mention_accuracy", "mention_scored", "by_speaker_kind"}
    assert set(got["t0.3"]) == set(got["t0.8"]) == {"precision", "recall", "f1"}


# ----- speakers -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, normalized",
    [
        ("Mme Marie Dupont", "marie dupont"),
        ("M. François Bayrou", "francois bayrou"),
        ("Dr Anne Lefèvre", "anne lefevre"),
        ("Dr. Anne Lefèvre", "anne lefevre"),
        ("Mgr Éric de Moulins-Beaufort", "eric de moulins-beaufort"),
        ("  ÉLISABETH BORNE ", "elisabeth borne"),
        ("Jean-Yves Le Drian", "jean-yves le drian"),
        ("l’Élysée", "l'elysee"),
    ],
)
def test_normalize_name(name, normalized):
    assert normalize_name(name) == normalized


@pytest.mark.parametrize(
    "predicted, speaker, alt, ok",
    [
        ("Marie Dupont", "Marie Dupont", (), True),
        ("Mme Marie Dupont", "Marie Dupont", (), True),
        ("Dr Anne Lefèvre", "Anne Lefevre", (), True),
        ("FRANÇOIS BAYROU", "François Bayrou", (), True),
        ("Stoltenberg", "Jens Stoltenberg", (), True),
        ("Jens Stoltenberg", "Stoltenberg", (), True),
        ("Martin", "Jean-Luc Martin", (), True),
        ("Jens Stoltenberg", "Volodymyr Zelensky", ("Jens Stoltenberg",), True),
        ("Jens Stoltenberg", "Volodymyr Zelensky", ("Emmanuel Macron",), False),
        ("Emmanuel Macron", "Marie Dupont", (), False),
        ("Jean Dupont", "Marie Dupont", (), False),
        ("Marie", "Marie Dupont", (), False),
        (None, "Marie Dupont", (), False),
        ("", "Marie Dupont", (), False),
    ],
)
def test_speaker_matches(predicted, speaker, alt, ok):
    assert speaker_matches(predicted, Span(0, 1, "direct", speaker, alt)) is ok


@pytest.mark.parametrize(
    "speakers, accuracy, scored",
    [
        pytest.param(["Mme Marie Dupont", "Le Ministre", "le ministre", "Martin"], 1.0, 5, id="all-right"),
        pytest.param(["Emmanuel Macron", None, "le ministre", "Jean-Luc Martin"], 0.6, 5, id="two-wrong"),
    ],
)
def test_speaker_accuracy(speakers, accuracy, scored):
    got = figures([replace(q, speaker=s) for q, s in zip(PERFECT, speakers)])
    assert (got["speaker_accuracy"], got["speaker_scored"]) == (accuracy, scored)


def test_speaker_accuracy_counts_matched_pairs_only():
    got = figures([replace(P1, speaker="Emmanuel Macron")])
    assert (got["speaker_accuracy"], got["speaker_scored"]) == (0.0, 1)


def test_unannotated_gold_is_not_scored():
    first = {k: v for k, v in DOC["quotes"][0].items() if k not in ("speaker_start", "speaker_end")}
    doc = {**DOC, "quotes": [{**first, "speaker": None}, *DOC["quotes"][1:]]}
    got = figures(PERFECT, doc=doc)
    assert (got["speaker_accuracy"], got["speaker_scored"]) == (1.0, 4)
    assert (got["mention_accuracy"], got["mention_scored"]) == (1.0, 4)


@pytest.mark.parametrize(
    "mention, accuracy",
    [
        ("Marie Dupont", 1.0),
        ("Mme Marie Dupont", 1.0),
        ("Dupont", 1.0),
        ("Mme", 0.0),
        ("a déclaré", 0.0),
        (None, 0.0),
    ],
)
def test_mention_accuracy(mention, accuracy):
    s0, s1 = at(mention) if mention else (None, None)
    got = figures([replace(P1, speaker_start=s0, speaker_end=s1)], {"direct"})
    assert (got["mention_accuracy"], got["mention_scored"]) == (accuracy, 1)


# ----- gold files ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content, problem",
    [
        pytest.param(None, "fichier de référence illisible", id="missing-file"),
        pytest.param('{"text": "Bonjour.", "quotes": []}\nce n\'est pas du JSON\n', "ligne 2", id="not-json"),
        pytest.param('{"quotes": []}\n', "ligne 1", id="no-text"),
        pytest.param('{"text": "Bonjour."}\n', "ligne 1", id="no-quotes"),
        pytest.param('["texte", "citations"]\n', "ligne 1", id="not-an-object"),
    ],
)
def test_read_gold_errors(tmp_path, content, problem):
    path = tmp_path / "gold.jsonl"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_gold(path)
    assert str(path) in str(err.value)
    assert problem in str(err.value)


def test_read_gold_skips_blank_lines(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text('\n{"text": "Bonjour.", "quotes": []}\n\n{"text": "Au revoir.", "quotes": []}\n', encoding="utf-8")
    assert [d["text"] for d in read_gold(path)] == ["Bonjour.", "Au revoir."]


def test_seed_gold_scores_itself_perfectly():
    docs = read_gold(GOLD_FILE)

    def as_quotes(doc):
        for q in doc["quotes"]:
            assert doc["text"][q["start"]:q["end"]] == q["quote"]
        return [
            Quote(q["quote"], ((q["start"], q["end"]),), q["kind"], q["speaker"], speaker_mention=q.get("speaker_mention"),
                  speaker_start=q.get("speaker_start"), speaker_end=q.get("speaker_end"), cue=q.get("cue"))
            for q in doc["quotes"]
        ]

    got = evaluate(docs, lambda texts: [as_quotes(d) for d in docs], KINDS).figures()
    n = sum(len(d["quotes"]) for d in docs)
    assert (got["documents"], got["gold"], got["predicted"]) == (len(docs), n, n)
    assert got["t0.3"] == got["t0.8"] == ONE
    assert got["speaker_accuracy"] == got["mention_accuracy"] == 1.0
    assert got["speaker_scored"] == got["mention_scored"] == n


def test_by_sieve_counts_each_sieve_and_its_precision():
    """Each sieve named in a reason gets its quoted spans, how many are gold quotes and how
    many of those got the right speaker."""
    right = replace(P1, reason="incise_after; named_speaker")
    wrong = replace(P2, speaker="Marie Dupont", reason="cue_before; pronoun_antecedent")
    extra = quote("Selon Jean-Luc Martin", kind="indirect", speaker="Jean-Luc Martin")
    extra = replace(extra, reason="frame_statement; named_speaker")

    def extract(texts):
        return [[right, wrong, extra]]

    rows = {r["sieve"]: r for r in evaluate([DOC], extract, KINDS).by_sieve()}
    assert rows["named_speaker"] == {"sieve": "named_speaker", "decision": "keeps", "quotes": 2, "gold": 1, "speaker_scored": 1, "speaker_right": 1, "span_precision": 0.5, "speaker_precision": 1.0}
    assert (rows["pronoun_antecedent"]["gold"], rows["pronoun_antecedent"]["speaker_precision"]) == (1, 0.0)
    assert (rows["frame_statement"]["quotes"], rows["frame_statement"]["span_precision"]) == (1, 0.0)
    assert list(rows)[0] == "named_speaker"  # most quotes first
