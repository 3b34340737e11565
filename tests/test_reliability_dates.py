"""A statement date that would fall before the calendar's first day is left empty with a
warning; the batch goes on (docs/reliability.md)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from quotetrack.cli import cli
from quotetrack.extract.statement_dates import statement_date

CUE = "a déclaré"


def dated(expression, published):
    text = f"« Le pont rouvrira », {CUE} {expression} Anne Dubreuil."
    start = text.index(CUE)
    return statement_date(text, [(2, 18)], start, start + len(CUE), published)


@pytest.mark.parametrize("expression", ["hier", "avant-hier", "lundi dernier", "mardi", "la semaine dernière",
                                        "le mois dernier", "il y a deux semaines", "hier soir"])  # fmt: skip
def test_a_relative_date_before_year_one_is_left_empty_with_a_warning(expression):
    found = dated(expression, "0001-01-01")
    assert (found.said_on, found.source, found.text) == (None, "text", expression)
    assert found.warning.startswith(f"« {expression} » compté depuis le 0001-01-01 tombe avant l'an 1")


@pytest.mark.parametrize("expression, published, said_on", [("hier", "0001-01-02", "0001-01-01"), ("lundi dernier", "0001-01-09", "0001-01-08"),
                                                           ("le 3 mars", "0001-05-01", "0001-03-03"), ("le 3 mars", "0001-01-01", None)])  # fmt: skip
def test_a_date_within_range_is_still_resolved(expression, published, said_on):
    found = dated(expression, published)
    assert (found.said_on, found.warning) == (said_on, None)


@pytest.mark.parametrize("how", ["front matter", "--date"])
def test_an_article_dated_year_one_is_indexed_and_the_batch_goes_on(tmp_path, db_path, how):
    folder = tmp_path / "articles"
    folder.mkdir()
    body = "« Le pont rouvrira lundi », a déclaré hier Anne Dubreuil, maire de la ville.\n"
    (folder / "a_zero.md").write_text(("---\ndate: 0001-01-01\n---\n" if how == "front matter" else "") + body, encoding="utf-8")
    (folder / "b_suivant.txt").write_text("« La piscine ouvrira en mai », a déclaré Lucie Garnier.\n", encoding="utf-8")
    extra = ["--date", "0001-01-01"] if how == "--date" else []
    result = CliRunner().invoke(cli, ["index", str(folder), "--db", db_path, "--engine", "spacy", "--workers", "1", *extra])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == 0, result.output
    assert "indexés 2," in result.output
    assert f"attention : {folder}/a_zero.md: « hier » compté depuis le 0001-01-01 tombe avant l'an 1" in result.output
    rows = json.loads(CliRunner().invoke(cli, ["search", "--db", db_path, "--format", "json"]).output)
    said = {row["speaker"]: (row["said_on"], row["said_on_text"]) for row in rows}
    assert said["Anne Dubreuil"] == (None, "hier")
    assert "Lucie Garnier" in said
