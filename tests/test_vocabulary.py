"""French for readers, identifiers for programs: the vocabulary and the tables that use it."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from quotetrack import vocabulary
from quotetrack.cli import cli
from quotetrack.indexing import index_paths
from quotetrack.archive.reviews import review_quote
from quotetrack.archive.store import open_db

from conftest import SEED


@pytest.mark.parametrize(
    "column, value, shown",
    [
        ("kind", "direct", "directe"),
        ("kind", "indirect", "indirecte"),
        ("status", "unreviewed", "non vérifiée"),
        ("status", "misattributed", "mal attribuée"),
        ("flag", "orphaned", "orpheline"),
        ("reason", "incise_after; pronoun_antecedent", "incise après la citation ; pronom rapporté au locuteur précédent"),
        ("reason", "incise after quote", "incise après la citation"),  # stored by quotetrack 0.1
        ("kind", "inconnu-demain", "inconnu-demain"),  # an identifier without a label is kept, not lost
        ("speaker", "Jens Stoltenberg", "Jens Stoltenberg"),  # names are never translated
    ],
)
def test_for_reader(column, value, shown):
    rows, headers = vocabulary.for_reader([{column: value}], [column])
    assert rows == [{headers[0]: shown}] and headers == [vocabulary.COLUMNS[column]]


def test_a_speaker_kind_column():
    rows, _ = vocabulary.for_reader([{"kind": "anonymous"}], ["kind"], {"kind": vocabulary.SPEAKER_KINDS})
    assert rows == [{"type": "source anonyme"}]


@pytest.mark.parametrize(
    "quote, said",
    [
        ({"reason": "incise_after"}, "incise après la citation"),
        ({"reason": "incise_after", "reattributed": 1, "reviewed_by": "Léa Roux", "reviewed_at": "2026-02-03T10:00:00+00:00"},
         "corrigée par la vérification (Léa Roux, 2026-02-03)"),
        ({"reason": "incise_after", "original_text": "avant"}, "corrigée par la vérification"),
        ({"reason": "incise_after", "status": "corrected"}, "corrigée par la vérification"),
        ({"reason": "incise_after", "status": "disputed"}, "incise après la citation"),
    ],
)  # fmt: skip
def test_a_corrected_quote_is_explained_by_its_review(quote, said):
    assert vocabulary.attribution_reason(quote) == said


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory, spacy_engine):
    path = tmp_path_factory.mktemp("vocabulary") / "v.db"
    db = open_db(path)
    (outcome,) = index_paths(db, [str(SEED)], spacy_engine, overrides={"date": "2022-03-24", "source": "Le Quotidien"})
    first = db.conn.execute("SELECT id FROM quotes ORDER BY start LIMIT 1").fetchone()[0]
    review_quote(db, first, status="disputed", reviewer="Léa Roux")
    return str(path)


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.mark.parametrize(
    "command, headers, shown, hidden",
    [
        (["search"], ["locuteur", "fonction", "date", "date", "dans", "le", "texte", "média", "statut", "citation", "article"],
         ["non vérifiée", "contestée"], ["unreviewed", "disputed"]),
        (["reviews"], ["id", "statut", "signal", "locuteur"], ["non vérifiée", "contestée"], ["unreviewed", "disputed"]),
        (["speakers"], ["id", "nom", "type", "fonction", "citations"], ["personne", "source anonyme"], ["person", "anonymous"]),
    ],
)
def test_tables_speak_french_and_json_keeps_identifiers(seed_db, command, headers, shown, hidden):
    table = run(*command, "--db", seed_db)
    assert table.exit_code == 0, table.output
    assert table.output.splitlines()[0].split()[: len(headers)] == headers
    for word in shown:
        assert word in table.output
    for word in hidden:
        assert f" {word} " not in f" {table.output} "
    rows = json.loads(run(*command, "--db", seed_db, "--format", "json").output)
    keys = set(rows[0])
    assert {"speaker"} <= keys or {"name"} <= keys
    if command == ["reviews"]:
        assert {r["status"] for r in rows} == {"unreviewed", "disputed"}


def test_quotes_table_is_french(seed_db):
    table = run("quotes", SEED, "--engine", "spacy")
    assert table.output.splitlines()[0].split() == ["type", "locuteur", "verbe", "citation"]
    kinds = {line.split()[0] for line in table.output.splitlines()[2:] if line.strip() and not line.startswith("analyseur")}
    assert kinds == {"directe", "partielle", "indirecte"}
    rows = json.loads(run("quotes", SEED, "--engine", "spacy", "--format", "json").output)
    assert {r["kind"] for r in rows} == {"direct", "partial", "indirect"}


def test_show_is_french(seed_db):
    quote_id = json.loads(run("search", "jamais", "--db", seed_db, "--format", "json").output)[0]["id"]
    shown = run("show", quote_id, "--db", seed_db).output.splitlines()
    assert shown[1] == "  — Jens Stoltenberg, citation directe, verbe : a-t-il déclaré"
    assert shown[2].startswith("  dite le 2022-03-24 (date de publication) dans ")
    assert shown[3] == "  confiance 80 % : incise après la citation ; pronom rapporté au locuteur précédent"
    assert shown[4].startswith("  statut : non vérifiée   id : ")
    data = json.loads(run("show", quote_id, "--db", seed_db, "--format", "json").output)
    assert data["kind"] == "direct" and data["status"] == "unreviewed"
