"""Reviews: statuses, notes, corrections and their log; reviews survive re-indexing.

Every test indexes the seed article (spaCy) into its own temporary database and works
through the command line, as a fact-checker would.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
import sqlite3
from datetime import datetime, timezone

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

from quotetrack import extract, vocabulary
from quotetrack.printing import sheets as report
from quotetrack.cli import cli
from quotetrack.archive.reviews import history, match_reviews
from quotetrack.archive.store import open_db

from conftest import SEED

JAMAIS_VU = "C'est du jamais vu"
SECURITE = "La sécurité se paie. En faire plus coûte plus cher"
PRENONS = "Nous prenons donc des mesures à la fois pour soutenir l'Ukraine et pour nous défendre"


def run(*args, input=None, env=None):
    return CliRunner().invoke(cli, [str(a) for a in args], input=input, env=env)


def rows(db_path, sql, params=()):
    conn = sqlite3.connect(db_path)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(row) for row in conn.execute(sql, params)]
    finally:
        conn.close()


def quote_by_text(db_path, text):
    (row,) = rows(db_path, "SELECT * FROM quotes WHERE text = ?", [text])
    return row


def log_of(db_path, quote_id=None):
    where = "WHERE quote_id = ?" if quote_id else ""
    return rows(db_path, f"SELECT * FROM review_log {where} ORDER BY id", [quote_id] if quote_id else [])


@pytest.fixture
def article(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    path = folder / SEED.name
    shutil.copy(SEED, path)
    return path


@pytest.fixture
def db_path(tmp_path, article, spacy_engine):
    path = str(tmp_path / "reviews.db")
    result = index(article, path)
    assert "indexés 1" in result.output, result.output
    return path


def index(article, db_path, *flags):
    result = run("index", article, "--db", db_path, "--engine", "spacy", "--workers", 1,
                 "--source", "Le Quotidien", "--date", "2022-03-24", *flags)  # fmt: skip
    assert result.exit_code == 0, result.output
    return result


def review(db_path, quote_id, *options, reviewer="Claire Martin"):
    return run("review", quote_id, "--db", db_path, "--reviewer", reviewer, *options)


# ----- statuses and the log ------------------------------------------------------------------------
@pytest.mark.parametrize("status", ["confirmed", "disputed", "misattributed", "rejected", "corrected"])
def test_each_status_is_set_and_logged(db_path, status):
    quote = quote_by_text(db_path, JAMAIS_VU)
    before = datetime.now(timezone.utc).replace(microsecond=0)
    result = review(db_path, quote["id"][:8], "--status", status)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].startswith(f"{quote['id']} vérifiée par Claire Martin le ")
    assert f"statut : non vérifiée → {vocabulary.status(status)}" in result.output
    row = quote_by_text(db_path, JAMAIS_VU)
    assert (row["status"], row["reviewed_by"]) == (status, "Claire Martin")
    (entry,) = log_of(db_path)
    assert {k: entry[k] for k in ("quote_id", "field", "old_value", "new_value", "reviewer", "action")} == {
        "quote_id": quote["id"], "field": "status", "old_value": "unreviewed", "new_value": status,
        "reviewer": "Claire Martin", "action": "review",
    }  # fmt: skip
    logged = datetime.fromisoformat(entry["logged_at"])
    assert logged.utcoffset().total_seconds() == 0 and before <= logged <= datetime.now(timezone.utc)
    assert entry["logged_at"] == row["reviewed_at"]


def test_successive_reviews_log_old_and_new_values(db_path, monkeypatch):
    quote_id = quote_by_text(db_path, SECURITE)["id"]
    review(db_path, quote_id, "--status", "confirmed", reviewer="Claire Martin")
    monkeypatch.setenv("QUOTETRACK_REVIEWER", "Paul Durand")
    result = run("review", quote_id, "--db", db_path, "--status", "disputed", "--note", "Propos tenus à Madrid, pas à Bruxelles")
    assert result.exit_code == 0, result.output
    review(db_path, quote_id, "--note", "Vérifié sur la vidéo de l'Otan", reviewer="Léa Petit")
    again = review(db_path, quote_id, "--note", "Vérifié sur la vidéo de l'Otan", reviewer="Léa Petit")
    assert again.output == f"{quote_id} : rien n'a changé\n"
    assert [(e["field"], e["old_value"], e["new_value"], e["reviewer"]) for e in log_of(db_path, quote_id)] == [
        ("status", "unreviewed", "confirmed", "Claire Martin"),
        ("status", "confirmed", "disputed", "Paul Durand"),
        ("notes", None, "Propos tenus à Madrid, pas à Bruxelles", "Paul Durand"),
        ("notes", "Propos tenus à Madrid, pas à Bruxelles", "Vérifié sur la vidéo de l'Otan", "Léa Petit"),
    ]
    row = quote_by_text(db_path, SECURITE)
    assert (row["status"], row["notes"], row["reviewed_by"]) == ("disputed", "Vérifié sur la vidéo de l'Otan", "Léa Petit")


def test_reviewer_defaults_to_the_login_name(db_path, monkeypatch):
    monkeypatch.delenv("QUOTETRACK_REVIEWER", raising=False)
    monkeypatch.setattr("getpass.getuser", lambda: "cmartin")
    quote_id = quote_by_text(db_path, JAMAIS_VU)["id"]
    assert run("review", quote_id, "--db", db_path, "--status", "confirmed").exit_code == 0
    assert log_of(db_path)[0]["reviewer"] == "cmartin"


@pytest.mark.parametrize(
    "args, message",
    [
        (["--status", "vérifiée"], "« vérifiée » : statut inconnu ; au choix : non vérifiée (unreviewed), confirmée (confirmed)"),
        (["--status", "CONFIRMEDD"], "« CONFIRMEDD » : statut inconnu"),
        ([], "rien à vérifier : donnez --status, --note, --speaker ou --text"),
        (["--text", "   "], "--text : un texte corrigé ne peut pas être vide"),
    ],
)
def test_invalid_review_is_one_line_and_changes_nothing(db_path, args, message):
    quote_id = quote_by_text(db_path, JAMAIS_VU)["id"]
    result = review(db_path, quote_id, *args)
    assert result.exit_code == 1 and result.output.count("\n") == 1
    assert message in result.output and "Traceback" not in result.output
    assert log_of(db_path) == [] and quote_by_text(db_path, JAMAIS_VU)["status"] == "unreviewed"


@pytest.mark.parametrize(
    "given, message",
    [("ffffffffffffffff", "aucune citation n'a cet id"), ("abc", "donnez au moins 6 caractères")],
)
def test_unknown_quote_id_is_one_line(db_path, given, message):
    result = review(db_path, given, "--status", "confirmed")
    assert result.exit_code == 1 and result.output.count("\n") == 1 and message in result.output
    assert log_of(db_path) == []


# ----- corrections ----------------------------------------------------------------------------------
def test_corrected_text_keeps_the_extraction(db_path):
    quote_id = quote_by_text(db_path, SECURITE)["id"]
    result = review(db_path, quote_id, "--status", "corrected", "--text", "La sécurité se paie. En faire plus coûte plus cher à tous")
    assert result.exit_code == 0, result.output
    (row,) = rows(db_path, "SELECT * FROM quotes WHERE id = ?", [quote_id])
    assert row["text"] == "La sécurité se paie. En faire plus coûte plus cher à tous"
    assert row["original_text"] == SECURITE
    found = json.loads(run("search", "tous", "--db", db_path, "--format", "json").output)
    assert [r["id"] for r in found] == [quote_id]  # search reads the corrected text
    review(db_path, quote_id, "--text", "La sécurité se paie. Plus coûte plus")
    (row,) = rows(db_path, "SELECT * FROM quotes WHERE id = ?", [quote_id])
    assert row["original_text"] == SECURITE  # the extraction, not the first correction
    review(db_path, quote_id, "--text", SECURITE)  # back to the extraction
    (row,) = rows(db_path, "SELECT * FROM quotes WHERE id = ?", [quote_id])
    assert (row["text"], row["original_text"]) == (SECURITE, None)
    assert [e["field"] for e in log_of(db_path, quote_id)] == ["status", "text", "text", "text"]


def test_reattribution_to_a_known_and_a_new_speaker(db_path):
    quote_id = quote_by_text(db_path, PRENONS)["id"]
    # A last name naming one known speaker is that speaker; the name as typed becomes an alias.
    result = review(db_path, quote_id, "--status", "misattributed", "--speaker", "zelensky")
    assert result.exit_code == 0, result.output
    assert "locuteur : Jens Stoltenberg → Volodymyr Zelensky" in result.output
    row = rows(db_path, "SELECT * FROM quote_view WHERE id = ?", [quote_id])[0]
    assert (row["speaker"], row["original_speaker"]) == ("Volodymyr Zelensky", "Jens Stoltenberg")
    (alias,) = rows(db_path, "SELECT s.name FROM speaker_aliases a JOIN speakers s ON s.id = a.speaker_id"
                             " WHERE alias = 'zelensky'")  # fmt: skip
    assert alias["name"] == "Volodymyr Zelensky"

    result = review(db_path, quote_id, "--speaker", "Marie Lambert", "--new-speaker")
    assert result.exit_code == 0, result.output
    speaker = rows(db_path, "SELECT * FROM speakers WHERE name = 'Marie Lambert'")
    assert speaker and speaker[0]["kind"] == "person"  # the kind of what it names (a first name)
    found = json.loads(run("search", "--speaker", "Lambert", "--db", db_path, "--format", "json").output)
    assert [r["id"] for r in found] == [quote_id]
    row = rows(db_path, "SELECT * FROM quote_view WHERE id = ?", [quote_id])[0]
    assert row["original_speaker"] == "Jens Stoltenberg"  # still the extracted one
    review(db_path, quote_id, "--speaker", "Jens Stoltenberg")
    (row,) = rows(db_path, "SELECT reattributed, original_speaker_id FROM quotes WHERE id = ?", [quote_id])
    assert (row["reattributed"], row["original_speaker_id"]) == (0, None)
    speakers = [(e["old_value"], e["new_value"]) for e in log_of(db_path, quote_id) if e["field"] == "speaker"]
    assert speakers[-2:] == [("Volodymyr Zelensky", "Marie Lambert"), ("Marie Lambert", "Jens Stoltenberg")]


def test_ambiguous_speaker_name_is_refused(db_path):
    quote_id = quote_by_text(db_path, JAMAIS_VU)["id"]
    conn = sqlite3.connect(db_path)
    with conn:
        conn.executemany("INSERT INTO speakers (name) VALUES (?)", [("Marine Le Pen",), ("Jean-Marie Le Pen",)])
    conn.close()
    result = review(db_path, quote_id, "--speaker", "LE PEN")
    assert result.exit_code == 1 and "désigne plusieurs locuteurs" in result.output
    assert log_of(db_path) == []


# ----- listing -------------------------------------------------------------------------------------
def test_reviews_lists_unreviewed_first_and_filters(db_path):
    confirmed, disputed = quote_by_text(db_path, JAMAIS_VU)["id"], quote_by_text(db_path, SECURITE)["id"]
    review(db_path, confirmed, "--status", "confirmed")
    review(db_path, disputed, "--status", "disputed", "--note", "Contexte tronqué")
    listed = json.loads(run("reviews", "--db", db_path, "--format", "json").output)
    assert len(listed) == 11 and [r["status"] for r in listed[:9]] == ["unreviewed"] * 9
    assert [r["id"] for r in listed[9:]] == [confirmed, disputed]
    assert [r["id"] for r in json.loads(run("reviews", "--status", "disputed", "--db", db_path, "--format", "json").output)] == [disputed]
    reviewed = json.loads(run("reviews", "--status", "reviewed", "--db", db_path, "--format", "json").output)
    assert {r["id"] for r in reviewed} == {confirmed, disputed}
    assert json.loads(run("reviews", "--speaker", "Zelensky", "--db", db_path, "--format", "json").output)[0]["speaker"] == "Volodymyr Zelensky"
    table = run("reviews", "--status", "disputed", "--db", db_path).output
    assert table.splitlines()[0].split() == ["id", "statut", "signal", "locuteur", "date", "citation", "notes", "vérifiée", "par"]
    assert "contestée" in table and "disputed" not in table
    assert "Contexte tronqué" in table and "Claire Martin" in table
    lines = run("reviews", "--status", "reviewed", "--db", db_path, "--format", "ndjson").output.splitlines()
    assert [json.loads(line)["status"] for line in lines] == ["confirmed", "disputed"]
    assert run("reviews", "--db", db_path, "--format", "csv").output.startswith("id,status,flag,speaker")
    bad = run("reviews", "--status", "approuvée", "--db", db_path)
    assert bad.exit_code == 1 and bad.output.count("\n") == 1


def test_show_prints_the_review(db_path):
    quote_id = quote_by_text(db_path, SECURITE)["id"]
    review(db_path, quote_id, "--status", "corrected", "--text", "La sécurité a un prix", "--note", "Cité de mémoire")
    shown = run("show", quote_id[:8], "--db", db_path)
    assert shown.exit_code == 0, shown.output
    assert "« La sécurité a un prix »" in shown.output and "note : Cité de mémoire" in shown.output
    assert f"texte extrait : « {SECURITE} »" in shown.output and "vérifiée par Claire Martin" in shown.output
    assert "statut : corrigée" in shown.output and "confiance 80 % : corrigée par la vérification (Claire Martin, " in shown.output
    data = json.loads(run("show", quote_id, "--db", db_path, "--format", "json").output)
    assert (data["status"], data["original_text"], data["appearances"][0]["this"]) == ("corrected", SECURITE, True)


# ----- re-indexing ----------------------------------------------------------------------------------
def shifted_extraction(monkeypatch, shift=None, drop=None, shift_by=3):
    """Extraction changes: the quote starting with ``shift`` now starts a few characters
    later, the one starting with ``drop`` is no longer found."""
    real = extract.extract_quotes

    def changed(doc):
        found = []
        for quote in real(doc):
            if drop and quote.text.startswith(drop):
                continue
            if shift and quote.text.startswith(shift):
                (start, end), = quote.parts
                quote = dataclasses.replace(quote, parts=((start + shift_by, end),), text=doc.text[start + shift_by : end])
            found.append(quote)
        return found

    monkeypatch.setattr(extract, "extract_quotes", changed)


def test_reextraction_keeps_every_review(db_path, article, monkeypatch):
    shifted, dropped, kept = (quote_by_text(db_path, t) for t in (PRENONS, JAMAIS_VU, SECURITE))
    review(db_path, shifted["id"], "--status", "confirmed", "--note", "Vidéo de la conférence de presse")
    review(db_path, dropped["id"], "--status", "disputed", "--note", "Formule reprise de Biden")
    review(db_path, kept["id"], "--status", "corrected", "--text", "La sécurité se paie", "--speaker", "Volodymyr Zelensky")
    before = rows(db_path, "SELECT count(*) AS n FROM quotes")[0]["n"]

    shifted_extraction(monkeypatch, shift="Nous prenons", drop="C'est du jamais")
    assert "ignorés 1" in index(article, db_path).output  # same text: nothing to do without the flag
    result = index(article, db_path, "--reextract")
    assert "remplacés 1" in result.output and "1 citation vérifiée n’est plus trouvée" in result.output

    # The shifted quote: a new id, the same review.
    (moved,) = rows(db_path, "SELECT * FROM quotes WHERE text = ?", [PRENONS[3:]])
    assert moved["id"] != shifted["id"] and moved["orphaned_from"] is None
    assert (moved["status"], moved["notes"], moved["reviewed_by"]) == ("confirmed", "Vidéo de la conférence de presse", "Claire Martin")
    # The unchanged one keeps its id and its corrections; the extraction stays beside them.
    (same,) = rows(db_path, "SELECT * FROM quote_view WHERE id = ?", [kept["id"]])
    assert (same["status"], same["text"], same["original_text"]) == ("corrected", "La sécurité se paie", SECURITE)
    assert (same["speaker"], same["original_speaker"]) == ("Volodymyr Zelensky", "Jens Stoltenberg")
    # The dropped one is kept, flagged, in the current article, with its text and review.
    orphan = quote_by_text(db_path, JAMAIS_VU)
    assert (orphan["id"], orphan["status"], orphan["notes"]) == (dropped["id"], "disputed", "Formule reprise de Biden")
    assert orphan["orphaned_from"] == orphan["article_id"] == dropped["article_id"]
    assert rows(db_path, "SELECT count(*) AS n FROM quotes")[0]["n"] == before  # 10 extracted + 1 orphan

    carried = [e for e in log_of(db_path) if e["action"] != "review"]
    assert [(e["quote_id"], e["field"], e["old_value"], e["new_value"], e["action"], e["reviewer"]) for e in carried] == [
        (moved["id"], "id", shifted["id"], moved["id"], "carried", "quotetrack (re-indexing)"),
        (dropped["id"], "orphaned_from", None, dropped["article_id"], "orphaned", "quotetrack (re-indexing)"),
    ]
    db = open_db(db_path)
    assert [e["field"] for e in history(db, moved["id"])] == ["status", "notes", "id"]
    listed = json.loads(run("reviews", "--status", "orphaned", "--db", db_path, "--format", "json").output)
    assert [(r["id"], r["flag"], r["status"]) for r in listed] == [(dropped["id"], "orphaned", "disputed")]
    assert [r["id"] for r in json.loads(run("search", "jamais", "--db", db_path, "--format", "json").output)] == [dropped["id"]]
    db.execute("INSERT INTO quotes_fts (quotes_fts, rank) VALUES ('integrity-check', 1)")

    # The extraction finds it again: the flag goes, the log says so.
    monkeypatch.undo()
    index(article, db_path, "--reextract")
    orphan = quote_by_text(db_path, JAMAIS_VU)
    assert (orphan["orphaned_from"], orphan["status"]) == (None, "disputed")
    assert [(e["quote_id"], e["field"], e["old_value"], e["new_value"], e["action"]) for e in log_of(db_path)[-2:]] == [
        (shifted["id"], "id", moved["id"], shifted["id"], "carried"),
        (dropped["id"], "orphaned_from", dropped["article_id"], None, "carried"),
    ]
    assert quote_by_text(db_path, PRENONS)["status"] == "confirmed"  # shifted back, carried back


def test_edited_text_at_the_same_path_keeps_every_review(db_path, article):
    nudged, reworded, deleted = (quote_by_text(db_path, t) for t in (PRENONS, JAMAIS_VU, SECURITE))
    review(db_path, nudged["id"], "--status", "confirmed")
    review(db_path, reworded["id"], "--status", "misattributed", "--speaker", "Joe Biden", "--new-speaker")
    review(db_path, deleted["id"], "--note", "À vérifier auprès de l'Otan")
    text = article.read_text(encoding="utf-8")
    text = "Mise à jour à 18 h.\n\n" + text  # every offset moves
    text = text.replace(JAMAIS_VU, "C'est vraiment du jamais vu")
    text = text.replace(' "La sécurité se paie. En faire plus coûte plus cher", a-t-il averti.', "")
    article.write_text(text, encoding="utf-8")

    result = index(article, db_path)
    assert "remplacés 1" in result.output and "1 citation vérifiée n’est plus trouvée" in result.output
    (article_row,) = rows(db_path, "SELECT id FROM articles")
    now = {row["text"]: row for row in rows(db_path, "SELECT * FROM quote_view")}
    assert now[PRENONS]["status"] == "confirmed" and now[PRENONS]["id"] != nudged["id"]
    moved = now["C'est vraiment du jamais vu"]
    assert (moved["status"], moved["speaker"], moved["original_speaker"]) == ("misattributed", "Joe Biden", "Jens Stoltenberg")
    orphan = now[SECURITE]
    assert (orphan["id"], orphan["notes"], orphan["orphaned_from"], orphan["article_id"]) == (
        deleted["id"], "À vérifier auprès de l'Otan", deleted["article_id"], article_row["id"])
    assert all(row["orphaned_from"] is None for text, row in now.items() if text != SECURITE)

    # The sheet stays coherent: the orphan has its card, flagged, and is not highlighted.
    soup = BeautifulSoup(report.article_sheet(open_db(db_path), article_row["id"], layout="cards"), "html5lib")
    card = soup.find(id=f"q-{deleted['id']}")
    assert card.select_one('[data-field="orphaned"]') and card.select_one('[data-field="notes"]')
    assert not soup.find(id=f"h-{deleted['id']}-0")
    misattributed = soup.find(id=f"q-{moved['id']}")
    assert misattributed.select_one('[data-field="original-speaker"]').get_text(strip=True) == "Jens Stoltenberg"
    compact = BeautifulSoup(report.article_sheet(open_db(db_path), article_row["id"]), "html5lib")
    entry = compact.find(id=f"a-{deleted['id']}")  # the compact layout's annex
    assert entry.select_one('[data-field="orphaned"]') and "orpheline" in entry.select_one('[data-field="why"]').get_text()
    assert compact.find(id=f"q-{deleted['id']}").select_one('[data-field="status"]').get_text().endswith("orpheline")


def test_reextraction_keeps_the_article_metadata(db_path, article):
    """Indexed with --source and --date, extracted again without them: nothing is lost."""
    result = run("index", article, "--db", db_path, "--engine", "spacy", "--workers", 1, "--reextract")
    assert result.exit_code == 0 and "remplacés 1" in result.output, result.output
    (row,) = rows(db_path, "SELECT source, published FROM articles")
    assert (row["source"], row["published"]) == ("Le Quotidien", "2022-03-24")
    assert {r["said_on"] for r in rows(db_path, "SELECT said_on FROM quotes")} == {"2022-03-24"}


def test_unreviewed_quotes_are_simply_replaced(db_path, article):
    text = article.read_text(encoding="utf-8").replace(JAMAIS_VU, "C'est inédit")
    article.write_text(text, encoding="utf-8")
    index(article, db_path)
    assert rows(db_path, "SELECT count(*) AS n FROM quotes WHERE orphaned_from IS NOT NULL")[0]["n"] == 0
    assert log_of(db_path) == []


@pytest.mark.parametrize(
    "old, new, same_text, expected",
    [
        # same id first, even when another quote has the same text
        ([("a", "Nous tiendrons", 10)], [("b", "Nous tiendrons", 10), ("a", "Nous tiendrons", 90)], True, {"a": "a"}),
        # same wording: the nearest wins
        ([("a", "Nous tiendrons", 100)], [("b", "Nous tiendrons", 10), ("c", "Nous tiendrons", 120)], False, {"a": "c"}),
        # a shifted span in the same text
        ([("a", "préoccupés", 491)], [("b", "occupés", 494)], True, {"a": "b"}),
        # reworded
        ([("a", "C'est du jamais vu", 5)], [("b", "C'est vraiment du jamais vu", 300)], False, {"a": "b"}),
        # nothing alike
        ([("a", "La sécurité se paie", 5)], [("b", "Nous tiendrons bon", 5)], False, {}),
    ],
)
def test_match_reviews(old, new, same_text, expected):
    def row(quote_id, text, start):
        return {"id": quote_id, "text": text, "original_text": None, "start": start, "end": start + len(text)}

    pairs = match_reviews([row(*r) for r in old], [row(*r) for r in new], same_text=same_text)
    assert {old_id: new_row["id"] for old_id, new_row in pairs.items()} == expected


# ----- sheets ---------------------------------------------------------------------------------------
def test_sheet_shows_reviews_and_claim_review(db_path, monkeypatch):
    quote_id = quote_by_text(db_path, PRENONS)["id"]
    review(db_path, quote_id, "--status", "corrected", "--text", "Nous prenons des mesures pour soutenir l'Ukraine",
           "--note", "Phrase raccourcie par l'article")  # fmt: skip
    monkeypatch.setenv("QUOTETRACK_ORGANIZATION", "Les Vérificateurs")
    (article_id,) = [r["id"] for r in rows(db_path, "SELECT id FROM articles")]
    soup = BeautifulSoup(report.article_sheet(open_db(db_path), article_id, layout="cards"), "html5lib")
    card = soup.find(id=f"q-{quote_id}")
    field = lambda name: card.select_one(f'[data-field="{name}"]').get_text(" ", strip=True)  # noqa: E731
    assert field("status") == "corrigée" and field("notes") == "Phrase raccourcie par l'article"
    assert field("original-text").startswith(PRENONS) and field("reviewed").startswith("Claire Martin")
    (script,) = soup.find_all("script", type="application/ld+json")
    (claim,) = [item for item in json.loads(script.string)["@graph"] if item["@type"] == "ClaimReview"]
    assert claim["reviewRating"]["alternateName"] == "Corrigée"
    assert claim["claimReviewed"] == "Nous prenons des mesures pour soutenir l'Ukraine"
    assert claim["reviewBody"] == "Phrase raccourcie par l'article" and claim["author"]["name"] == "Les Vérificateurs"
    assert claim["datePublished"] == quote_by_text(db_path, "Nous prenons des mesures pour soutenir l'Ukraine")["reviewed_at"]
