"""verify with a long claim: bounded, and never slid over the source position by
position (docs/reliability.md; the timing is in benchmarks/verify_long_claim.py)."""

from __future__ import annotations

import json

import pytest

from quotetrack.checking import alignment

from reliability_helpers import run, store_article

REPEATED = "Le pont rouvrira lundi et le chantier avance bien. La mairie paiera les travaux sans emprunt nouveau. "


@pytest.fixture
def repetitive_db(db_path):
    quote = (REPEATED * 600).strip()  # 60 KB saying the same two sentences
    store_article(db_path, [("Anne Dubreuil", quote)])
    return db_path, quote


def test_a_claim_over_the_bound_is_refused_in_french(repetitive_db):
    db_path, _ = repetitive_db
    claim = "Une phrase jamais écrite. " * 1000  # 26,000 characters (no source: quick even unbounded)
    result = run("verify", claim, "--db", db_path)
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "Erreur : affirmation trop longue pour être vérifiée (26 000 caractères > 25 000) ; vérifiez-en un passage"]


@pytest.mark.parametrize("changed", [False, True])
def test_a_long_claim_is_placed_by_its_words_not_slid_over_the_source(repetitive_db, monkeypatch, changed):
    db_path, quote = repetitive_db

    def slide(*args, **kwargs):
        raise AssertionError("a 5 KB claim slid over a 60 KB source: quadratic")

    monkeypatch.setattr(alignment.fuzz, "partial_ratio_alignment", slide)
    words = quote[20_000:25_200].split(" ")[1:-1]
    claim = " ".join("tunnel" if changed and k % 100 == 50 else word for k, word in enumerate(words))
    result = run("verify", claim, "--db", db_path, "--format", "json")
    found = json.loads(result.output)
    assert found["verdict"] == ("altered" if changed else "exact")
    best = found["sources"][0]
    assert best["score"] >= 98
    assert len(best["wording"]) == pytest.approx(len(claim), abs=20)
    if changed:
        assert "tunnel" in best["changes"]


def test_long_and_short_diffs_say_the_same_changes():
    from quotetrack.checking.long_alignment import long_opcodes
    from difflib import SequenceMatcher

    source = "le pont rouvrira lundi et le chantier avance bien".split()
    claim = "le pont rouvrira mardi et le chantier avance vraiment bien".split()
    expected = SequenceMatcher(None, claim, source, autojunk=False).get_opcodes()
    assert long_opcodes(claim, source) == expected
