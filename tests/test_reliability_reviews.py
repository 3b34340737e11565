"""A review follows the words and the speaker: re-indexing an edited article never moves
a verdict to another person's quote (docs/reliability.md)."""

from __future__ import annotations

import sqlite3

import pytest
from click.testing import CliRunner

from quotetrack.cli import cli

DUBREUIL = "« Nous rouvrirons le pont lundi matin », a déclaré Anne Dubreuil, la maire de Lyon."
MERCIER = "« Nous rouvrirons le pont lundi », a répondu Paul Mercier, le préfet du Rhône."
SAME_DUBREUIL = "« Le budget sera voté en mars », a déclaré Anne Dubreuil, la maire de Lyon."
SAME_MERCIER = "« Le budget sera voté en mars », a affirmé Paul Mercier, le préfet du Rhône."
OTHER = "Le chantier a duré deux ans et coûté douze millions d'euros."


def run(*args):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def index(path, db_path):
    result = run("index", path, "--db", db_path, "--engine", "spacy", "--workers", 1)
    assert result.exit_code == 0, result.output
    return result


def quotes(db_path):
    conn = sqlite3.connect(db_path)
    conn.row_factory = sqlite3.Row
    sql = """SELECT q.*, s.name AS speaker FROM quotes q LEFT JOIN speakers s ON s.id = q.speaker_id
             ORDER BY q.start"""
    try:
        return [dict(row) for row in conn.execute(sql)]
    finally:
        conn.close()


def by_speaker(db_path, name):
    found = [q for q in quotes(db_path) if q["speaker"] == name]
    assert len(found) == 1, [(q["text"], q["speaker"]) for q in quotes(db_path)]
    return found[0]


@pytest.fixture
def article(tmp_path, spacy_engine):
    return tmp_path / "pont.txt"


def test_review_is_not_carried_to_another_speakers_similar_words(article, db_path):
    article.write_text("\n\n".join([DUBREUIL, MERCIER, OTHER]), encoding="utf-8")
    index(article, db_path)
    reviewed = by_speaker(db_path, "Anne Dubreuil")
    run("review", reviewed["id"], "--status", "confirmed", "--note", "Vérifié au conseil", "--db", db_path, "--reviewer", "Claire")

    article.write_text("\n\n".join([MERCIER, OTHER]), encoding="utf-8")  # her quote is gone
    result = index(article, db_path)
    assert "1 citation vérifiée n’est plus trouvée" in result.output  # said on stderr
    mercier = by_speaker(db_path, "Paul Mercier")
    assert (mercier["status"], mercier["notes"]) == ("unreviewed", None)
    orphan = by_speaker(db_path, "Anne Dubreuil")
    assert (orphan["id"], orphan["status"], orphan["notes"]) == (reviewed["id"], "confirmed", "Vérifié au conseil")
    assert orphan["orphaned_from"] == reviewed["article_id"]

    # The text reverted: the review is back on her quote, nothing orphaned, his untouched.
    article.write_text("\n\n".join([DUBREUIL, MERCIER, OTHER]), encoding="utf-8")
    index(article, db_path)
    back = by_speaker(db_path, "Anne Dubreuil")
    assert (back["id"], back["status"], back["orphaned_from"]) == (reviewed["id"], "confirmed", None)
    assert by_speaker(db_path, "Paul Mercier")["status"] == "unreviewed"


def test_same_words_by_two_speakers_reordered_keep_their_reviews(article, db_path):
    article.write_text("\n\n".join([SAME_DUBREUIL, OTHER, SAME_MERCIER]), encoding="utf-8")
    index(article, db_path)
    run("review", by_speaker(db_path, "Anne Dubreuil")["id"], "--status", "confirmed", "--db", db_path)
    run("review", by_speaker(db_path, "Paul Mercier")["id"], "--status", "disputed", "--db", db_path)

    article.write_text("\n\n".join([SAME_MERCIER, OTHER, SAME_DUBREUIL]), encoding="utf-8")  # swapped
    result = index(article, db_path)
    assert "no longer found" not in result.output
    assert by_speaker(db_path, "Anne Dubreuil")["status"] == "confirmed"
    assert by_speaker(db_path, "Paul Mercier")["status"] == "disputed"


def test_never_two_reviews_on_one_new_quote(article, db_path):
    article.write_text("\n\n".join([SAME_DUBREUIL, SAME_MERCIER, OTHER]), encoding="utf-8")
    index(article, db_path)
    run("review", by_speaker(db_path, "Anne Dubreuil")["id"], "--status", "confirmed", "--db", db_path)
    run("review", by_speaker(db_path, "Paul Mercier")["id"], "--status", "disputed", "--db", db_path)

    article.write_text("\n\n".join([SAME_DUBREUIL, OTHER]), encoding="utf-8")  # his paragraph is gone
    index(article, db_path)
    rows = quotes(db_path)
    assert sorted((q["speaker"], q["status"], q["orphaned_from"] is not None) for q in rows) == [
        ("Anne Dubreuil", "confirmed", False), ("Paul Mercier", "disputed", True)]
    conn = sqlite3.connect(db_path)
    carried = conn.execute("SELECT quote_id, count(*) FROM review_log WHERE action = 'carried' GROUP BY quote_id").fetchall()
    conn.close()
    assert all(n == 1 for _, n in carried)


@pytest.mark.parametrize(
    "old_speaker, new_speaker, expected",
    [(1, 1, {"a": "b"}), (1, 2, {}), (None, None, {"a": "b"}), (1, None, {})],
)
def test_match_reviews_needs_the_extracted_speaker(old_speaker, new_speaker, expected):
    from quotetrack.archive.reviews import match_reviews

    old = {"id": "a", "text": "Nous tiendrons", "original_text": None, "start": 0, "end": 14,
           "speaker_id": old_speaker, "reattributed": 0, "original_speaker_id": None}
    new = {"id": "b", "text": "Nous tiendrons", "start": 40, "end": 54, "speaker_id": new_speaker}
    assert {k: v["id"] for k, v in match_reviews([old], [new], same_text=False).items()} == expected


def test_a_reattributed_quote_is_matched_by_its_extracted_speaker():
    from quotetrack.archive.reviews import match_reviews

    old = {"id": "a", "text": "Nous tiendrons", "original_text": None, "start": 0, "end": 14,
           "speaker_id": 7, "reattributed": 1, "original_speaker_id": 3}
    new = [{"id": "b", "text": "Nous tiendrons", "start": 40, "end": 54, "speaker_id": 7},
           {"id": "c", "text": "Nous tiendrons", "start": 90, "end": 104, "speaker_id": 3}]
    assert {k: v["id"] for k, v in match_reviews([old], new, same_text=False).items()} == {"a": "c"}
