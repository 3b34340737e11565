"""Numbers on the command line are bounded: a huge ``--limit`` or a ``nan`` threshold is
a usage error in French, never a traceback (docs/reliability.md)."""

from __future__ import annotations

import pytest


from reliability_helpers import run, store_article

HUGE = "9223372036854775808"  # 2**63: one past SQLite's largest integer


@pytest.fixture
def small_db(db_path):
    store_article(db_path, [("Anne Dubreuil", "Le pont rouvrira lundi")])
    return db_path


@pytest.mark.parametrize("command", [["search", "pont"], ["export"], ["reviews"], ["report", "search", "pont"],
                                     ["speakers", "suggest"], ["verify", "Le pont rouvrira lundi"]])  # fmt: skip
@pytest.mark.parametrize("value", [HUGE, "-" + HUGE, "0"])
def test_a_limit_out_of_range_is_a_french_usage_error(small_db, command, value):
    result = run(*command, "--db", small_db, "--limit", value)
    assert result.exit_code == 2
    assert result.output.strip().splitlines()[-1] == (
        f"Erreur : Valeur invalide pour '--limit' : {int(value)} n'est pas entre 1 et 1 000 000 000")


@pytest.mark.parametrize("option, value", [("--workers", HUGE), ("--max-size", HUGE), ("--max-tokens", HUGE), ("--batch-size", HUGE)])
def test_index_numbers_are_bounded(tmp_path, db_path, option, value):
    article = tmp_path / "a.txt"
    article.write_text("« Le pont rouvrira lundi », a dit Anne Dubreuil.", encoding="utf-8")
    result = run("index", article, "--db", db_path, "--engine", "spacy", option, value)
    assert result.exit_code == 2 and "n'est pas entre" in result.output


@pytest.mark.parametrize("value", ["nan", "NaN", "inf", "-inf", "100.5", "abc"])
def test_verify_threshold_must_be_a_number_from_0_to_100(small_db, value):
    result = run("verify", "Le pont rouvrira lundi", "--db", small_db, "--threshold", value)
    assert result.exit_code == 2
    assert result.output.strip().splitlines()[-1].startswith(f"Erreur : Valeur invalide pour '--threshold' : « {value} » n'est pas un nombre")


def test_a_limit_within_range_still_works(small_db):
    assert "Le pont rouvrira lundi" in run("search", "pont", "--db", small_db, "--limit", "1000000000").output
