"""Steps that decide some words are nobody's quote leave their reason (issue 21): each drop
is a ``Rejection`` naming its step, which ``eval --by-sieve`` scores and ``--without``
switches off. Sentences written for these tests."""

import json

import pytest
from click.testing import CliRunner

from quotetrack.cli import cli
from quotetrack.extract import extract_quotes
from quotetrack.extract.records import REJECTING_STEPS

CASES = [
    ("named_word", "Le mot « résilience » revient dans tous les discours.", "résilience"),
    ("work_title", "Le film « La Haine » ressort en salles cette semaine.", "La Haine"),
    ("charge", "Il a été mis en examen pour « abus de confiance » mardi.", "abus de confiance"),
    ("proper_name", "Le missile « Orechnik » a été tiré dans la nuit.", "Orechnik"),
    ("naming_verb", "Surnommé « le Professeur », il dirigeait le réseau depuis Marseille.", "le Professeur"),
    ("partial_without_cue", "La politique des « petits pas » a montré ses limites cette année.", "petits pas"),
]


@pytest.mark.parametrize("step, text, words", CASES, ids=[c[0] for c in CASES])
def test_a_dropped_span_names_the_step_that_dropped_it(step, text, words, spacy_engine):
    rejected = []
    assert extract_quotes(spacy_engine.parse(text), rejected=rejected) == []
    assert [r.step for r in rejected] == [step]
    assert words in text[rejected[0].start : rejected[0].end]


@pytest.mark.parametrize("step, text, words", CASES, ids=[c[0] for c in CASES])
def test_a_rejecting_step_switched_off_keeps_the_words(step, text, words, spacy_engine):
    kept = extract_quotes(spacy_engine.parse(text), without={step, "partial_without_cue"})
    assert [q.text for q in kept] == [words]


def test_every_rejecting_step_can_be_switched_off_by_eval():
    from quotetrack.extract import step_names

    assert set(REJECTING_STEPS) <= set(step_names())


def test_eval_by_sieve_lists_the_steps_that_dropped_words(tmp_path):
    text = "Le film « La Haine » ressort en salles. « Nous sommes prêts », a déclaré le maire, Paul Morin."
    gold = tmp_path / "gold.jsonl"
    start = text.index("Nous")
    gold.write_text(json.dumps({"id": "a", "text": text, "quotes": [{"start": start, "end": start + 17, "kind": "direct", "speaker": "Paul Morin"}]}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", str(gold), "--engine", "spacy", "--by-sieve", "--json"])
    assert result.exit_code == 0, result.output
    rows = {r["sieve"]: r for r in json.loads(result.output)["by_sieve"]}
    assert rows["work_title"]["decision"] == "drops" and rows["work_title"]["quotes"] == 1 and rows["work_title"]["span_precision"] == 1.0
    assert rows["incise_after"]["decision"] == "keeps"
    table = CliRunner().invoke(cli, ["eval", str(gold), "--engine", "spacy", "--by-sieve"])
    assert "écarte" in table.output and "retient" in table.output


# signs and slogans, translations, links to other articles: quoted words no one says here
NOT_SPEECH = [
    ("sign", "Devant la mairie, une banderole proclamait : « Non à la fermeture ».", "Non à la fermeture"),
    ("sign", "Sur la vitrine, une affichette prévient les clients : « Fermé jusqu'à lundi ».", "Fermé jusqu'à lundi"),
    ("sign", "« Sauvez nos urgences » : le slogan a été repris par des centaines de manifestants.", "Sauvez nos urgences"),
    ("sign", "Le cortège a défilé sous le mot d'ordre « Pas un lit de moins ».", "Pas un lit de moins"),
    ("translation", "Les manifestants scandaient « No pasarán » (« Ils ne passeront pas ») devant la préfecture.", "Ils ne passeront pas"),
    ("translation", "Un touriste a lancé « Thank you very much » (« Merci beaucoup ») en quittant la salle.", "Merci beaucoup"),
    ("read_also", "Le conseil a voté la fermeture.\n\nLire aussi : « Nous ne lâcherons rien » : les salariés en grève", "Nous ne lâcherons rien"),
    ("read_also", "Le conseil a voté la fermeture.\n\nÀ lire aussi : « On a tout perdu » : après les inondations, la colère", "On a tout perdu"),
]


@pytest.mark.parametrize("step, text, words", NOT_SPEECH, ids=[f"{c[0]}_{n}" for n, c in enumerate(NOT_SPEECH)])
def test_words_no_one_says_here_are_dropped_with_their_reason(step, text, words, spacy_engine):
    rejected = []
    quotes = extract_quotes(spacy_engine.parse(text), rejected=rejected)
    assert words not in [q.text for q in quotes]
    assert any(r.step == step and words in text[r.start : r.end] for r in rejected), rejected
