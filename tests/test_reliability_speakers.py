"""Speaker names: one key per speaker by the folding search uses, and a visible letter in
every name a person types (docs/reliability.md)."""

from __future__ import annotations

import json
import sqlite3

import pytest


from reliability_helpers import run, store_article

SAYINGS = [("Paul Martin", "Le pont rouvrira lundi"), ("Anne Dubreuil", "Le budget est tenu"),
           ("une source proche du dossier", "Rien n'est décidé")]  # fmt: skip
INVISIBLE = ["\u200b", "\u2060", "\x1b", "\u200b \u2060\u200b", "\u202e", "\x1b[31m", "\ufeff"]


@pytest.fixture
def db(db_path):
    store_article(db_path, SAYINGS)
    return db_path


def speakers_rows(db):
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT name, key FROM speakers ORDER BY id").fetchall()
    conn.close()
    return rows


def quote_of(db, speaker):
    conn = sqlite3.connect(db)
    (quote_id,) = conn.execute("SELECT q.id FROM quotes q JOIN speakers s ON s.id = q.speaker_id WHERE s.name = ?", [speaker]).fetchone()
    conn.close()
    return quote_id


def searched(db, speaker):
    return [row["text"] for row in json.loads(run("search", "--speaker", speaker, "--db", db, "--format", "json").output)]


@pytest.mark.parametrize("new_name", ["paul martin", "PAUL MARTÍN", "Paul-Martin", "  paul   martin "])
def test_a_rename_onto_another_speakers_folded_name_is_refused(db, new_name):
    before = speakers_rows(db)
    result = run("speakers", "rename", "Anne Dubreuil", new_name, "--db", db)
    assert result.exit_code == 1
    assert result.output.strip().endswith(
        ": le locuteur « Paul Martin » porte déjà ce nom (aux accents et majuscules près) ; fusionnez-les plutôt (quotetrack speakers merge)")
    assert speakers_rows(db) == before
    assert searched(db, "Paul Martin") == ["Le pont rouvrira lundi"]


def test_a_rename_onto_another_speakers_alias_is_refused(db):
    assert run("speakers", "rename", "Paul Martin", "Paul Martin-Durand", "--db", db).exit_code == 0  # « Paul Martin » stays its alias
    result = run("speakers", "rename", "Anne Dubreuil", "paul martin", "--db", db)
    assert result.exit_code == 1 and "le locuteur « Paul Martin-Durand » porte déjà ce nom" in result.output
    assert searched(db, "Paul Martin") == ["Le pont rouvrira lundi"]


def test_a_speaker_may_change_the_case_of_its_own_name(db):
    assert run("speakers", "rename", "Paul Martin", "PAUL MARTIN", "--db", db).exit_code == 0
    assert ("PAUL MARTIN", "paul martin") in speakers_rows(db)


def test_a_review_naming_a_source_differently_cased_reuses_it(db):
    before = speakers_rows(db)
    result = run("review", quote_of(db, "Anne Dubreuil"), "--speaker", "Une source proche du dossier", "--db", db)
    assert result.exit_code == 0, result.output
    assert speakers_rows(db) == before  # no second « une source proche du dossier » in the article
    keys = [key for _, key in speakers_rows(db)]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("name", INVISIBLE)
def test_a_name_of_invisible_characters_is_refused(db, name):
    before = speakers_rows(db)
    renamed = run("speakers", "rename", "Anne Dubreuil", name, "--db", db)
    assert renamed.exit_code == 1
    assert "un nom de locuteur doit contenir au moins une lettre visible" in renamed.output
    reviewed = run("review", quote_of(db, "Anne Dubreuil"), "--speaker", name, "--db", db)
    assert reviewed.exit_code == 1
    assert reviewed.output.startswith("Erreur : --speaker « ") and "au moins une lettre visible" in reviewed.output
    assert "\x1b" not in renamed.output + reviewed.output and "\u200b" not in renamed.output + reviewed.output
    assert speakers_rows(db) == before


def test_invisible_characters_inside_a_name_are_dropped(db):
    result = run("review", quote_of(db, "Paul Martin"), "--speaker", "Anne\u200b Dubreuil\u2060", "--db", db)
    assert result.exit_code == 0, result.output
    assert speakers_rows(db) == [("Paul Martin", "paul martin"), ("Anne Dubreuil", "anne dubreuil"),
                                 ("une source proche du dossier", "une source proche du dossier")]  # fmt: skip
    assert sorted(searched(db, "Anne Dubreuil")) == ["Le budget est tenu", "Le pont rouvrira lundi"]


def test_a_split_onto_another_speakers_folded_name_is_refused(db):
    assert run("speakers", "merge", "Anne Dubreuil", "Paul Martin", "--db", db).exit_code == 0  # a wrong merge
    moved = quote_of_text(db, "Le pont rouvrira lundi")
    for name in ("ANNE DUBREUIL", "\u200b\u2060"):
        result = run("speakers", "split", "Anne Dubreuil", name, "--quote", moved, "--db", db)
        assert result.exit_code == 1
        assert "porte déjà ce nom" in result.output or "au moins une lettre visible" in result.output


def test_a_split_undoing_a_merge_takes_the_alias_with_it(db):
    assert run("speakers", "merge", "Anne Dubreuil", "Paul Martin", "--db", db).exit_code == 0
    moved = quote_of_text(db, "Le pont rouvrira lundi")
    result = run("speakers", "split", "Anne Dubreuil", "paul martin", "--quote", moved, "--db", db)
    assert result.exit_code == 0, result.output
    assert searched(db, "Paul Martin") == ["Le pont rouvrira lundi"]
    assert searched(db, "Anne Dubreuil") == ["Le budget est tenu"]
    keys = [key for _, key in speakers_rows(db)]
    assert len(keys) == len(set(keys))


def quote_of_text(db, text):
    conn = sqlite3.connect(db)
    (quote_id,) = conn.execute("SELECT id FROM quotes WHERE text = ?", [text]).fetchone()
    conn.close()
    return quote_id

