"""Speakers as entities across articles: scoping, matching, kinds, roles, dates, merges.

Quotes are built as extraction returns them (``Quote`` records located in tiny French
texts), saved with ``save_article`` into a fresh database, then read back.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import sqlite_utils
from click.testing import CliRunner

from quotetrack.cli import cli
from quotetrack.extract.records import Quote
from quotetrack.sources.articles import Article
from quotetrack.archive.reviews import review_quote
from quotetrack.archive.speaker_rows import clean_role, is_scoped, kind_of
from quotetrack.archive.identity import rename_speaker, suggest_duplicates
from quotetrack.archive.schema import MIGRATIONS
from quotetrack.archive.search import list_speakers
from quotetrack.archive.search import search
from quotetrack.archive.store import merge_speakers, open_db, save_article


def quote(text, words, speaker, *, kind="person", role=None, aliases=(), cue=None, mention=None):
    """The Quote extraction gives for ``words`` in ``text``, said by ``speaker`` (whose
    mention is ``mention``, default the speaker's name, located after the words), with
    the cue ``cue`` located in the text."""
    start = text.index(words)
    cue_start = text.index(cue) if cue else None
    mention = mention or speaker
    speaker_start = text.find(mention, start + len(words)) if mention else None
    return Quote(
        text=words, parts=((start, start + len(words)),), kind="direct", speaker=speaker,
        speaker_kind=kind, role=role, speaker_mention=mention,
        speaker_start=speaker_start if speaker_start is not None and speaker_start >= 0 else None,
        cue=cue, cue_start=cue_start, cue_end=cue_start + len(cue) if cue else None,
        context=text, confidence=0.9, aliases=tuple(aliases),
    )  # fmt: skip


def save(db, text, quotes, path, published=None, source=None, title=None):
    return save_article(db, Article(text=text, path=path, published=published, source=source, title=title),
                        quotes, engine="test", engine_version="1")  # fmt: skip


def speaker_rows(db):
    return db.execute("SELECT id, name, kind, role, article_id FROM speakers ORDER BY id").fetchall()


@pytest.fixture
def db(tmp_path):
    database = open_db(tmp_path / "quotes.db")
    yield database
    database.close()


SOURCE = "une source proche du dossier"


def test_same_anonymous_wording_in_two_articles_is_two_speakers(db):
    for n, words in enumerate(("Le dossier avance", "Rien n'est signé")):
        text = f"« {words} », a confié {SOURCE}."
        save(db, text, [quote(text, words, SOURCE, kind="anonymous")], f"{n}.txt")
    rows = [row for row in speaker_rows(db) if row[1] == SOURCE]
    assert len(rows) == 2 and {row[2] for row in rows} == {"anonymous"}
    assert len({row[4] for row in rows}) == 2 and None not in {row[4] for row in rows}
    assert db.execute("SELECT count(*) FROM speaker_aliases").fetchone()[0] == 0
    assert [row["article"] for row in list_speakers(db)] == ["0.txt", "1.txt"]


def test_two_anonymous_quotes_of_one_article_share_one_speaker(db):
    text = f"« Le dossier avance », a confié {SOURCE}. « Il sera signé », a ajouté {SOURCE}."
    save(db, text, [quote(text, "Le dossier avance", SOURCE, kind="anonymous"),
                    quote(text, "Il sera signé", SOURCE, kind="anonymous")], "a.txt")  # fmt: skip
    (row,) = list_speakers(db)
    assert (row["name"], row["quotes"]) == (SOURCE, 2)


def test_reindexed_article_keeps_its_anonymous_speaker_row(db):
    text = f"« Le dossier avance », a confié {SOURCE}."
    save(db, text, [quote(text, "Le dossier avance", SOURCE, kind="anonymous")], "a.txt")
    (before,) = speaker_rows(db)
    text = f"« Le dossier avance vite », a confié {SOURCE}."
    assert save(db, text, [quote(text, "Le dossier avance vite", SOURCE, kind="anonymous")], "a.txt").status == "replaced"
    (after,) = speaker_rows(db)
    assert after[0] == before[0] and after[4] != before[4]  # same row, moved to the new version


def test_bare_last_name_attaches_to_the_full_name_of_its_article(db):
    other = "« Les chiffres baissent », a indiqué Camilla Stoltenberg."
    save(db, other, [quote(other, "Les chiffres baissent", "Camilla Stoltenberg")], "c.txt")
    text = "Jens Stoltenberg est arrivé à Vilnius. « Nous sommes prêts », a déclaré Stoltenberg."
    save(db, text, [quote(text, "Nous sommes prêts", "Stoltenberg")], "j.txt")
    (row,) = search(db, "prets")
    assert row["speaker"] == "Jens Stoltenberg"


def test_bare_first_name_attaches_to_the_full_name_of_its_article(db):
    text = ("« Je reste », a dit Marie Dupont. « Je ne partirai pas », a répété Marie. "
            "« Jamais », a conclu Marie.")  # fmt: skip
    save(db, text, [quote(text, "Je reste", "Marie Dupont"), quote(text, "Je ne partirai pas", "Marie"),
                    quote(text, "Jamais", "Marie")], "m.txt")  # fmt: skip
    assert [(row["name"], row["quotes"]) for row in list_speakers(db)] == [("Marie Dupont", 3)]


def test_bare_name_across_articles_only_when_one_speaker_fits(db):
    first = "« Nous tiendrons », a déclaré Jens Stoltenberg."
    save(db, first, [quote(first, "Nous tiendrons", "Jens Stoltenberg", aliases=["Stoltenberg"])], "1.txt")
    second = "« C'est du jamais vu », a souligné Stoltenberg."
    save(db, second, [quote(second, "C'est du jamais vu", "Stoltenberg")], "2.txt")
    assert search(db, "jamais")[0]["speaker"] == "Jens Stoltenberg"  # one fits: attached
    third = "« Les chiffres baissent », a indiqué Camilla Stoltenberg."
    save(db, third, [quote(third, "Les chiffres baissent", "Camilla Stoltenberg")], "3.txt")
    fourth = "« Tout est calme », a assuré Stoltenberg."
    save(db, fourth, [quote(fourth, "Tout est calme", "Stoltenberg")], "4.txt")
    assert search(db, "calme")[0]["speaker"] == "Stoltenberg"  # two fit: a speaker of its own


def test_full_name_matches_accents_aside_and_known_aliases(db):
    first = "« Le budget tiendra », a affirmé Élisabeth Borne."
    save(db, first, [quote(first, "Le budget tiendra", "Élisabeth Borne", aliases=["la Première ministre Élisabeth Borne"])], "1.txt")
    second = "« Nous verrons », a dit Elisabeth Borne."
    save(db, second, [quote(second, "Nous verrons", "Elisabeth Borne")], "2.txt")
    assert [(row["name"], row["quotes"]) for row in list_speakers(db)] == [("Élisabeth Borne", 2)]


def test_suggest_proposes_a_planted_duplicate_and_merge_resolves_it(db, db_path):
    db.close()
    db = open_db(db_path)
    for n, (name, words) in enumerate((("Jens Stoltenberg", "Nous tiendrons"), ("Camilla Stoltenberg", "Les chiffres baissent"),
                                       ("Stoltenberg", "Tout est calme"), ("Emmanuel Macron", "La France est prête"))):
        text = f"« {words} », a déclaré {name}."
        save(db, text, [quote(text, words, name, role="secrétaire général de l'Otan" if n != 1 and n != 3 else None)],
             f"{n}.txt", source="Le Quotidien")  # fmt: skip
    suggestions = suggest_duplicates(db)
    assert [(s["keep"], s["merge"]) for s in suggestions] == [("Jens Stoltenberg", "Stoltenberg"), ("Camilla Stoltenberg", "Stoltenberg")]
    assert suggestions[0]["evidence"] == "même nom de famille Stoltenberg; même fonction : secrétaire général de l'Otan; même média : Le Quotidien"
    result = CliRunner().invoke(cli, ["speakers", "suggest", "--db", db_path])
    assert result.exit_code == 0 and "Jens Stoltenberg" in result.output and "même fonction" in result.output
    result = CliRunner().invoke(cli, ["speakers", "merge", "Jens Stoltenberg", "Stoltenberg", "--db", db_path, "--reviewer", "alice"])
    assert result.exit_code == 0, result.output
    assert "1 citation déplacée" in result.output
    assert suggest_duplicates(db) == []
    later = "« Rien ne change », a répété Stoltenberg."
    save(db, later, [quote(later, "Rien ne change", "Stoltenberg")], "5.txt")
    assert search(db, "change")[0]["speaker"] == "Jens Stoltenberg"  # the merge decided what the bare name is
    (merged,) = db.execute("SELECT action, old_value, new_value, quotes, reviewer FROM speaker_log").fetchall()
    assert merged == ("merge", "Stoltenberg", "Jens Stoltenberg", 1, "alice")
    (moved,) = db.execute("SELECT field, old_value, new_value, reviewer, action FROM review_log").fetchall()
    assert moved == ("speaker", "Stoltenberg", "Jens Stoltenberg", "alice", "merge")


def test_co_occurrence_is_evidence(db):
    """A bare name left apart by an older extraction, quoted where the full name is."""
    text = "« Je reste », a dit Marie Dupont. Plus tard, « je ne partirai pas », a répété Dupont."
    save(db, text, [quote(text, "Je reste", "Marie Dupont"), quote(text, "je ne partirai pas", "Dupont")], "m.txt")
    assert [row["name"] for row in list_speakers(db)] == ["Marie Dupont"]  # attached at once
    db.execute("INSERT INTO speakers (name, kind, key, last_key) VALUES ('Dupont', 'person', 'dupont', 'dupont')")
    db.execute("UPDATE quotes SET speaker_id = (SELECT id FROM speakers WHERE name = 'Dupont') WHERE text LIKE 'je ne%'")
    (suggestion,) = suggest_duplicates(db)
    assert (suggestion["keep"], suggestion["merge"], suggestion["evidence"]) == (
        "Marie Dupont", "Dupont", "même nom de famille Dupont; dans le même article (1)")


def test_rename_is_logged_and_keeps_the_old_name_as_alias(db):
    text = "« Nous tiendrons », a déclaré J. Stoltenberg."
    save(db, text, [quote(text, "Nous tiendrons", "J. Stoltenberg")], "1.txt")
    assert rename_speaker(db, "J. Stoltenberg", "Jens Stoltenberg", reviewer="bob", at="2024-05-01T10:00:00+00:00") == {
        "old": "J. Stoltenberg", "new": "Jens Stoltenberg", "id": 1}  # fmt: skip
    assert search(db, speaker="J. Stoltenberg")[0]["speaker"] == "Jens Stoltenberg"
    assert db.execute("SELECT action, old_value, new_value, reviewer FROM speaker_log").fetchall() == [
        ("rename", "J. Stoltenberg", "Jens Stoltenberg", "bob")]  # fmt: skip


@pytest.mark.parametrize(
    "name, extracted, kind, scoped",
    [
        ("Russie", "person", "organization", False),  # a country
        ("la France", "person", "organization", False),
        ("États-Unis", "unknown", "organization", False),
        ("ministère de l'Intérieur", "person", "organization", False),  # a ministry
        ("Le Parisien", "person", "organization", False),  # a newspaper
        ("Les Échos", "unknown", "organization", False),
        ("Al Jazeera", "person", "organization", False),  # outlets abroad, which the tagger reads as people
        ("The Wall Street Journal", "person", "organization", False),
        ("Brut", "person", "organization", False),
        ("Google Trends", "person", "organization", False),  # a company's product or service
        ("Amazon Prime", "person", "organization", False),
        ("Rassemblement national", "person", "organization", False),  # a party
        ("TotalEnergies", "person", "organization", False),  # a company
        ("préfecture", "organization", "organization", True),  # a body named by a description
        ("une source proche du dossier", "anonymous", "anonymous", True),
        ("un habitant", "anonymous", "anonymous", True),
        ("maire", "person", "anonymous", True),  # le maire, no name given
        ("les manifestants", "person", "group", True),
        ("Jens Stoltenberg", "person", "person", False),
        ("Marie Dupont", "unknown", "person", False),
        ("Zorglub", "unknown", "unknown", False),
    ],
)
def test_speaker_kinds(name, extracted, kind, scoped):
    assert kind_of(name, extracted) == kind
    assert is_scoped(name, kind) is scoped


@pytest.mark.parametrize("mention", ["Le Parisien", "Parisien"])
def test_newspaper_cut_to_its_last_word_gets_its_full_name(db, mention):
    text = "« Le site fermera en juin », a indiqué Le Parisien."
    save(db, text, [quote(text, "Le site fermera en juin", "Parisien", kind="person", mention=mention)], "p.txt")
    assert [(row["name"], row["kind"]) for row in list_speakers(db)] == [("Le Parisien", "organization")]


def test_speaker_created_by_a_review_gets_the_kind_of_what_it_names(db):
    text = "« La Russie doit cesser cette guerre », a affirmé Emmanuel Macron."
    save(db, text, [quote(text, "La Russie doit cesser cette guerre", "Emmanuel Macron")], "m.txt")
    (row,) = search(db, "russie")
    review_quote(db, row["id"], speaker="le ministère des Affaires étrangères", reviewer="alice", new_speaker=True)
    assert [(r["name"], r["kind"], r["quotes"]) for r in list_speakers(db)] == [
        ("le ministère des Affaires étrangères", "organization", 1)]  # the old speaker, left without quotes, is not listed
    assert len(list_speakers(db, everyone=True)) == 2


def test_review_naming_an_anonymous_source_scopes_it_to_the_quote_article(db):
    for n in (1, 2):
        text = f"« Rien n'est signé {n} », a confié {SOURCE}. « Tout va bien {n} », a dit Paul Martin."
        save(db, text, [quote(text, f"Rien n'est signé {n}", SOURCE, kind="anonymous"),
                        quote(text, f"Tout va bien {n}", "Paul Martin")], f"{n}.txt")  # fmt: skip
    (row,) = search(db, '"tout va bien 2"')
    review_quote(db, row["id"], speaker=SOURCE, reviewer="alice")
    (source,) = [s for s in list_speakers(db) if s["name"] == SOURCE and s["article"] == "2.txt"]
    assert source["quotes"] == 2  # the article's own source, not a new one nor article 1's
    assert len([s for s in list_speakers(db, everyone=True) if s["name"] == SOURCE]) == 2


def test_each_quote_keeps_the_role_the_article_gave(db):
    older = "« Nous négocierons », a déclaré Jens Stoltenberg, Premier ministre norvégien."
    save(db, older, [quote(older, "Nous négocierons", "Jens Stoltenberg", role="Premier ministre norvégien")],
         "1.txt", published="2012-05-02")  # fmt: skip
    newer = "« Nous tiendrons », a déclaré Jens Stoltenberg, secrétaire général de l'Otan."
    save(db, newer, [quote(newer, "Nous tiendrons", "Jens Stoltenberg", role="secrétaire général de l'Otan")],
         "2.txt", published="2022-03-24")  # fmt: skip
    assert {row["text"]: row["role"] for row in search(db)} == {
        "Nous négocierons": "Premier ministre norvégien", "Nous tiendrons": "secrétaire général de l'Otan"}
    (speaker,) = list_speakers(db)
    assert speaker["role"] == "secrétaire général de l'Otan"  # the latest, as a summary
    result = CliRunner().invoke(cli, ["search", "negocierons", "--db", str(db.conn.execute("PRAGMA database_list").fetchone()[2])])
    assert "Premier ministre norvégien" in result.output


@pytest.mark.parametrize(
    "role, kept",
    [
        ("secrétaire général de l'Otan", "secrétaire général de l'Otan"),
        ("  porte-parole du gouvernement, ", "porte-parole du gouvernement"),
        ("maire", "maire"),
        ("homme", None),  # a lone noun that is no function
        ("@JensStoltenberg 14:02", None),  # a fragment of a post
        ("suivez https://exemple.fr", None),
        ("qui a longtemps dirigé le pays avant de se retirer de la vie politique pour écrire ses mémoires", None),
        (None, None),
    ],
)
def test_clean_role(role, kept):
    assert clean_role(role) == kept


def test_said_on_from_the_text_is_stored_and_shown(db, db_path):
    db.close()
    db = open_db(db_path)
    text = "« Nous partirons », a déclaré hier le ministre Paul Martin."
    save(db, text, [quote(text, "Nous partirons", "Paul Martin", cue="a déclaré")], "h.txt", published="2024-03-08")
    (row,) = search(db, "partirons")
    assert (row["said_on"], row["said_on_source"], row["said_on_text"]) == ("2024-03-07", "text", "hier")
    shown = CliRunner().invoke(cli, ["show", row["id"], "--db", db_path])
    assert "dite le 2024-03-07 (« hier » dans le texte)" in shown.output
    undated = "« Nous resterons », a déclaré hier le ministre Paul Martin."
    save(db, undated, [quote(undated, "Nous resterons", "Paul Martin", cue="a déclaré")], "u.txt")
    (row,) = search(db, "resterons")
    assert (row["said_on"], row["said_on_source"], row["said_on_text"]) == (None, "text", "hier")
    shown = CliRunner().invoke(cli, ["show", row["id"], "--db", db_path])
    assert "dite « hier » (non résolu : article sans date de publication)" in shown.output


def test_upgrade_from_the_previous_schema_keeps_every_review(tmp_path):
    """A database made by m001-m003, with a shared anonymous speaker and reviews, upgraded."""
    path = tmp_path / "old.db"
    old = sqlite_utils.Database(path)
    MIGRATIONS.apply(old, stop_before="m004_records")
    old.execute("INSERT INTO speakers (id, name, kind, role) VALUES (1, 'une source diplomatique', 'anonymous', NULL),"
                " (2, 'Jens Stoltenberg', 'person', 'secrétaire général')")  # fmt: skip
    old.execute("INSERT INTO speaker_aliases (alias, speaker_id) VALUES ('Stoltenberg', 2)")
    for n in (1, 2):
        old.execute("INSERT INTO articles (id, text, path, published, indexed_at) VALUES (?, ?, ?, '2022-03-24', 'x')",
                    [f"a{n}", f"texte {n}", f"{n}.txt"])  # fmt: skip
        for m, speaker in ((1, 1), (2, 2)):
            old.execute(
                "INSERT INTO quotes (id, article_id, speaker_id, text, kind, parts, start, [end], said_on, status, notes, text_key)"
                " VALUES (?, ?, ?, ?, 'direct', '[[0, 5]]', 0, 5, '2022-03-24', ?, ?, 'k')",
                [f"q{n}{m}", f"a{n}", speaker, f"citation {n}{m}", "confirmed" if m == 1 else "disputed", f"note {n}{m}"],
            )
    old.execute("INSERT INTO review_log (quote_id, field, old_value, new_value, reviewer, logged_at)"
                " VALUES ('q11', 'status', 'unreviewed', 'confirmed', 'alice', '2024-01-01')")  # fmt: skip
    reviews = old.execute("SELECT id, status, notes FROM quotes ORDER BY id").fetchall()
    log = old.execute("SELECT * FROM review_log").fetchall()
    old.close()

    db = open_db(path)
    assert MIGRATIONS.pending(db) == [] and [m.name for m in MIGRATIONS.applied(db)][3] == "m004_records"
    assert db.execute("SELECT id, status, notes FROM quotes ORDER BY id").fetchall() == reviews
    assert db.execute("SELECT * FROM review_log").fetchall() == log
    sources = db.execute("SELECT id, article_id FROM speakers WHERE name = 'une source diplomatique' ORDER BY article_id").fetchall()
    assert [article for _, article in sources] == ["a1", "a2"]  # split, one per article
    assert db.execute("SELECT speaker_id FROM quotes WHERE id = 'q21'").fetchone()[0] == sources[1][0]
    assert db.execute("SELECT said_on_source FROM quotes WHERE id = 'q11'").fetchone()[0] == "article"
    assert db.execute("SELECT key, last_key FROM speakers WHERE id = 2").fetchone() == ("jens stoltenberg", "stoltenberg")
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert [row["text"] for row in search(db, speaker="Stoltenberg")] == ["citation 12", "citation 22"]
    db.execute("INSERT INTO quotes_fts (quotes_fts, rank) VALUES ('integrity-check', 1)")


def test_review_and_store_do_not_import_each_other():
    code = "import sys, quotetrack.archive.reviews; print('quotetrack.archive.store' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "False"


def test_authors_are_stored_as_a_list(db):
    text = "« Nous tiendrons », a déclaré Jens Stoltenberg."
    save_article(db, Article(text=text, path="a.txt", author="Jean Dupont, Marie Martin", authors=("Jean Dupont", "Marie Martin")),
                 [], engine="test", engine_version="1")  # fmt: skip
    assert json.loads(db.execute("SELECT authors FROM articles").fetchone()[0]) == ["Jean Dupont", "Marie Martin"]


def test_speakers_rename_command_and_its_errors(db, db_path):
    db.close()
    db = open_db(db_path)
    for name, words in (("J. Stoltenberg", "Nous tiendrons"), ("Emmanuel Macron", "La France est prête")):
        text = f"« {words} », a déclaré {name}."
        save(db, text, [quote(text, words, name)], f"{name}.txt")
    result = CliRunner().invoke(cli, ["speakers", "rename", "J. Stoltenberg", "Jens Stoltenberg", "--db", db_path, "--reviewer", "bob"])
    assert (result.exit_code, result.output) == (0, "renommé : J. Stoltenberg → Jens Stoltenberg (#1)\n")
    result = CliRunner().invoke(cli, ["speakers", "rename", "Jens Stoltenberg", "Emmanuel Macron", "--db", db_path])
    assert result.exit_code == 1
    assert result.output == "Erreur : Emmanuel Macron : un autre locuteur porte ce nom ; fusionnez-les plutôt (quotetrack speakers merge)\n"
    result = CliRunner().invoke(cli, ["speakers", "rename", "Personne", "Quelqu'un", "--db", db_path])
    assert result.exit_code == 1 and result.output.count("\n") == 1 and "Personne : aucun locuteur" in result.output
    assert [row[0] for row in db.execute("SELECT action FROM speaker_log")] == ["rename"]


def test_sheet_cards_show_the_role_and_date_the_article_gave(db):
    from bs4 import BeautifulSoup

    from quotetrack.printing.sheets import article_sheet, speaker_dossier

    older = "« Nous négocierons », a déclaré hier Jens Stoltenberg, Premier ministre norvégien."
    save(db, older, [quote(older, "Nous négocierons", "Jens Stoltenberg", role="Premier ministre norvégien", cue="a déclaré")],
         "1.txt", published="2012-05-02")  # fmt: skip
    newer = "« Nous tiendrons », a déclaré Jens Stoltenberg, secrétaire général de l'Otan."
    save(db, newer, [quote(newer, "Nous tiendrons", "Jens Stoltenberg", role="secrétaire général de l'Otan")],
         "2.txt", published="2022-03-24")  # fmt: skip
    card = BeautifulSoup(article_sheet(db, "1.txt", layout="cards"), "html.parser").select_one("article.card")
    assert card.select_one('[data-field="role"]').get_text(strip=True) == "Premier ministre norvégien"
    assert card.select_one('[data-field="date"]').get_text(strip=True) == "2012-05-01"
    assert card.select_one('[data-field="said-on-text"]').get_text(strip=True) == "« hier »"
    cards = BeautifulSoup(speaker_dossier(db, "Jens Stoltenberg", layout="cards"), "html.parser").select("article.card")
    assert [c.select_one('[data-field="role"]').get_text(strip=True) for c in cards] == [
        "secrétaire général de l'Otan", "Premier ministre norvégien"]  # newest first, each its own
