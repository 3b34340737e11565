"""Issue 22, « A fact-checker's word is final »: reviews respected everywhere, verdicts a
fact-checker can publish, speakers that can be fixed, French input, no silent surprises.

Each test builds a small archive of its own (``Quote`` records as extraction returns them,
saved with ``save_article``) and works through the command line as a reviewer would; the
French a reader gets is asserted word for word.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

from quotetrack.archive import evidence
from quotetrack.archive.identity import name_quality, suggest_duplicates
from quotetrack.archive.store import open_db, save_article
from quotetrack.cli import cli
from quotetrack.extract.records import Quote
from quotetrack.sources.articles import Article


def quote(text, words, speaker, *, kind="person", role=None):
    """The Quote extraction gives for ``words`` in ``text``, said by ``speaker``."""
    start = text.index(words)
    mention = text.find(speaker, start + len(words)) if speaker else -1
    return Quote(
        text=words, parts=((start, start + len(words)),), kind="direct", speaker=speaker, speaker_kind=kind,
        role=role, speaker_mention=speaker, speaker_start=mention if mention >= 0 else None,
        context=text, confidence=0.9,
    )  # fmt: skip


def save(db, text, quotes, path, *, title=None, source=None, published=None, url=None):
    save_article(db, Article(text=text, path=path, title=title, source=source, published=published, url=url),
                 quotes, engine="test", engine_version="1")  # fmt: skip


def run(*args, db=None):
    args = [str(a) for a in args] + (["--db", str(db)] if db else [])
    return CliRunner().invoke(cli, args, env={"QUOTETRACK_REVIEWER": "Claire Martin"})


def quote_id(db_path, words) -> str:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute("SELECT id FROM quotes WHERE text = ?", [words]).fetchone()[0]
    finally:
        conn.close()


DELEVOYE = "Il a pu obtenir Jean-Paul Delevoye comme médiateur."
CHIRAC = "Nous ne céderons pas sur les retraites"
GONNEVILLE = "Il y a parmi eux des personnes qui travaillent"


@pytest.fixture
def archive(tmp_path):
    """Three articles: a false quote (to be rejected), a quote with no speaker, a true one."""
    path = tmp_path / "archive.db"
    db = open_db(path)
    text = f"« {DELEVOYE} », a raconté Jacques Chirac à ses proches. « {CHIRAC} », a déclaré Jacques Chirac."
    save(db, text, [quote(text, DELEVOYE, "Jacques Chirac"), quote(text, CHIRAC, "Jacques Chirac")], "chirac.txt",
         title="Chirac et les retraites", source="Le Monde", published="1995-12-05", url="https://www.lemonde.fr/a")
    text = f"Dans la salle, on entendait : « {GONNEVILLE} ». Philippe de Gonneville est arrivé plus tard."
    save(db, text, [quote(text, GONNEVILLE, None)], "gonneville.txt", title="Au tribunal", source="Ouest-France",
         published="2021-03-02")
    db.close()
    return path


# ----- 1. review status in every answer ------------------------------------------------------------
def test_verify_ignores_a_rejected_quote_and_says_so(archive):
    rejected = run("review", quote_id(archive, DELEVOYE), "--status", "rejetée", "--note", "pas une citation", db=archive)
    assert rejected.exit_code == 0, rejected.output
    result = run("verify", "a pu obtenir Jean-Paul Delevoye", "--speaker", "Chirac", db=archive)
    assert result.exit_code == 1, result.output
    assert result.output.splitlines()[0] == (
        "Citation introuvable : la seule correspondance a été rejetée par la vérification (pas une citation, "
        "note : pas une citation) ; « Chirac et les retraites » (Le Monde, 1995-12-05), chirac.txt, § 1 ; "
        "statut : pas une citation")  # fmt: skip
    data = json.loads(run("verify", "a pu obtenir Jean-Paul Delevoye", "--format", "json", db=archive).output)
    assert data["verdict"] == "not found" and [s["status"] for s in data["rejected"]] == ["rejected"]


def _search_texts(output):
    return [line for line in output.splitlines() if DELEVOYE[:30] in line]


def _export_texts(output):
    return [row["text"] for row in csv.DictReader(io.StringIO(output)) if row["text"] == DELEVOYE]


def _chirac_count(output):
    return [row["quotes"] for row in json.loads(output) if row["name"] == "Jacques Chirac"] == [2]


def _marked(output):
    """The quotes a printed page lists or highlights (by id)."""
    soup = BeautifulSoup(output, "html5lib")
    return {node["data-quote"] for node in soup.select("[data-quote]")} | {
        node["id"][2:] for node in soup.select("[id^=q-]")}  # fmt: skip


@pytest.mark.parametrize(
    "command, counted",
    [
        (["search"], _search_texts),
        (["export", "--format", "csv"], _export_texts),
        (["speakers", "--format", "json"], _chirac_count),
        (["report", "search", "-o", "-"], lambda out: REJECTED_ID[0] in _marked(out)),
        (["report", "speaker", "Chirac", "-o", "-"], lambda out: REJECTED_ID[0] in _marked(out)),
        (["report", "article", "chirac.txt", "-o", "-"], lambda out: REJECTED_ID[0] in _marked(out)),
    ],
)  # fmt: skip
def test_a_rejected_quote_counts_only_with_include_rejected(archive, command, counted):
    REJECTED_ID[:] = [quote_id(archive, DELEVOYE)]
    assert counted(run(*command, db=archive).output)  # before the review, it counts
    run("review", REJECTED_ID[0], "--status", "rejected", db=archive)
    without = run(*command, db=archive)
    assert without.exit_code == 0, without.output
    assert not counted(without.output)
    assert counted(run(*command, "--include-rejected", db=archive).output)


REJECTED_ID: list[str] = []


def test_search_and_export_show_each_status(archive):
    run("review", quote_id(archive, CHIRAC), "--status", "confirmée", db=archive)
    table = run("search", "retraites", db=archive).output.splitlines()
    assert table[0].split()[:7] == ["locuteur", "fonction", "date", "date", "dans", "le", "texte"]
    assert "statut" in table[0] and "confirmée" in table[2]
    rows = list(csv.DictReader(io.StringIO(run("export", "retraites", db=archive).output)))
    assert [row["status"] for row in rows] == ["confirmed"]


def test_a_correction_is_what_every_surface_shows(archive):
    qid = quote_id(archive, CHIRAC)
    result = run("review", qid, "--text", "Nous ne céderons jamais sur les retraites", "--speaker", "Alain Juppé",
                 "--new-speaker", db=archive)  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Alain Juppé" in run("search", "jamais", db=archive).output
    verified = run("verify", "Nous ne céderons jamais sur les retraites", "--speaker", "Juppé", db=archive)
    assert verified.exit_code == 0 and verified.output.startswith("Citation exacte : Alain Juppé ; ")
    sheet = BeautifulSoup(run("report", "article", "chirac.txt", "-o", "-", db=archive).output, "html5lib")
    assert "Nous ne céderons jamais" in sheet.get_text() and "Alain Juppé" in sheet.get_text()


def test_the_rule_lives_in_one_place():
    assert evidence.counts({"status": "rejected"}) is False and evidence.counts("disputed") is True
    assert evidence.counts("rejected", include_rejected=True) is True
    assert evidence.condition("q") == "coalesce(q.status, 'unreviewed') NOT IN ('rejected')"


# ----- 2. verdicts a fact-checker can publish ------------------------------------------------------
def test_a_quote_with_no_speaker_is_found_unattributed_never_exact(archive):
    result = run("verify", "Il y a parmi eux des personnes", "--speaker", "Philippe de Gonneville", db=archive)
    assert result.exit_code == 5, result.output
    assert result.output.splitlines()[0] == (
        "Citation trouvée, locuteur non identifié : aucun locuteur nommé ; « Au tribunal » (Ouest-France, "
        "2021-03-02), gonneville.txt, § 1 ; statut : non vérifiée")  # fmt: skip
    alone = run("verify", "Il y a parmi eux des personnes", "--format", "json", db=archive)
    assert alone.exit_code == 5 and json.loads(alone.output)["verdict"] == "unattributed"


@pytest.mark.parametrize(
    "claimed, verdict, status",
    [
        ("Roman Prymula", "exact", 0),  # the article ties the role to him
        ("ministre de la Santé", "exact", 0),
        ("Andrej Babiš", "misattributed", 4),  # another entity
    ],
)
def test_a_role_the_article_ties_to_the_person_is_that_person(tmp_path, claimed, verdict, status):
    db = open_db(tmp_path / "roles.db")
    text = ("Roman Prymula, ministre de la Santé, a présenté les mesures. « Les écoles fermeront lundi », "
            "a déclaré le ministre de la Santé. Andrej Babiš n'a rien dit.")  # fmt: skip
    save(db, text, [quote(text, "Les écoles fermeront lundi", "le ministre de la Santé")], "prymula.txt",
         title="Covid : les écoles ferment", source="Le Monde", published="2020-10-12")
    other = "« Nous tiendrons », a affirmé Roman Prymula, ministre de la Santé."
    save(db, other, [quote(other, "Nous tiendrons", "Roman Prymula", role="ministre de la Santé")], "p2.txt")
    babis = "« Rien ne change », a dit Andrej Babiš."
    save(db, babis, [quote(babis, "Rien ne change", "Andrej Babiš")], "babis.txt")
    db.close()
    result = run("verify", "Les écoles fermeront lundi", "--speaker", claimed, "--format", "json", db=tmp_path / "roles.db")
    assert (json.loads(result.output)["verdict"], result.exit_code) == (verdict, status)
    reverse = run("verify", "Nous tiendrons", "--speaker", "ministre de la Santé", db=tmp_path / "roles.db")
    assert reverse.exit_code == 0 and reverse.output.startswith("Citation exacte : Roman Prymula ; ")


def test_every_verdict_line_names_article_outlet_date_and_status(archive):
    run("review", quote_id(archive, CHIRAC), "--status", "confirmed", db=archive)
    result = run("verify", CHIRAC, "--speaker", "Chirac", db=archive)
    first, source = result.output.splitlines()[:2]
    assert first == ("Citation exacte : Jacques Chirac ; « Chirac et les retraites » (Le Monde, 1995-12-05), "
                     "chirac.txt, § 1 ; statut : confirmée")  # fmt: skip
    assert source == ("1.  citation exacte  score 100  Jacques Chirac  1995-12-05  Le Monde  "
                      "« Chirac et les retraites »  chirac.txt, § 1  statut : confirmée")  # fmt: skip


# ----- 3. speakers you can fix ----------------------------------------------------------------------
@pytest.fixture
def ministers(tmp_path):
    """« ministre de la Santé » in two articles (one scoped speaker each), and Roman Prymula."""
    path = tmp_path / "ministers.db"
    db = open_db(path)
    for n in (1, 2):
        text = f"« Mesure numéro {n} », a annoncé le ministre de la Santé."
        save(db, text, [quote(text, f"Mesure numéro {n}", "le ministre de la Santé")], f"{n}.txt", title=f"Article {n}")
    text = "« Nous tiendrons », a affirmé Roman Prymula."
    save(db, text, [quote(text, "Nous tiendrons", "Roman Prymula")], "prymula.txt")
    db.close()
    return path


def speaker_rows(db_path):
    return json.loads(run("speakers", "--format", "json", db=db_path).output)


def test_speakers_show_a_short_id_and_merge_takes_it(ministers):
    table = run("speakers", db=ministers).output.splitlines()
    assert table[0].split()[:2] == ["id", "nom"]
    ids = {(row["name"], row["article"]): row["id"] for row in speaker_rows(ministers)}
    prymula = ids[("Roman Prymula", None)]
    refused = run("speakers", "merge", "Roman Prymula", "le ministre de la Santé", db=ministers)
    assert refused.exit_code == 1 and refused.output.count("\n") == 1
    scoped = sorted(i for (name, _), i in ids.items() if name == "le ministre de la Santé")
    assert (f"désigne plusieurs locuteurs (#{scoped[0]} le ministre de la Santé (dans « Article 1 »), "
            f"#{scoped[1]} le ministre de la Santé (dans « Article 2 »)) ; donnez l'id de l'un d'eux") in refused.output
    merged = run("speakers", "merge", prymula, f"#{scoped[0]}", db=ministers)
    assert merged.output == (f"fusionné : le ministre de la Santé (#{scoped[0]}) dans Roman Prymula (#{prymula}) ; "
                             "1 citation déplacée\n")  # fmt: skip
    assert {row["name"]: row["quotes"] for row in speaker_rows(ministers) if row["id"] == prymula} == {"Roman Prymula": 2}


@pytest.mark.parametrize(
    "typed, kind, shown",
    [("média", "outlet", "média"), ("outlet", "outlet", "média"), ("organisation", "organization", "organisation"),
     ("organization", "organization", "organisation"), ("anonyme", "anonymous", "source anonyme"),
     ("personne", "person", "personne"), ("Person", "person", "personne")],
)  # fmt: skip
def test_retype_in_french_or_english_by_id_or_name(ministers, typed, kind, shown):
    prymula = next(row["id"] for row in speaker_rows(ministers) if row["name"] == "Roman Prymula")
    for reference in (str(prymula), "Roman Prymula"):
        result = run("speakers", "retype", reference, typed, db=ministers)
        assert result.exit_code == 0 and result.output.endswith(f"→ {shown}\n"), result.output
    assert next(row["kind"] for row in speaker_rows(ministers) if row["id"] == prymula) == kind


def test_retype_refuses_an_unknown_kind_in_french(ministers):
    result = run("speakers", "retype", "Roman Prymula", "martien", db=ministers)
    assert result.exit_code == 2 and "« martien » : type de locuteur inconnu ; au choix : personne (person)" in result.output


def test_rename_and_split_by_id(ministers):
    prymula = next(row["id"] for row in speaker_rows(ministers) if row["name"] == "Roman Prymula")
    renamed = run("speakers", "rename", f"#{prymula}", "Roman Prymula Jr", db=ministers)
    assert renamed.output == f"renommé : Roman Prymula → Roman Prymula Jr (#{prymula})\n"
    other = "« Autre chose », a dit Roman Prymula."
    db = open_db(ministers)
    save(db, other, [quote(other, "Autre chose", "Roman Prymula")], "other.txt")
    db.close()
    split = run("speakers", "split", prymula, "Jan Prymula", "--quote", quote_id(ministers, "Autre chose"), db=ministers)
    assert split.exit_code == 0, split.output
    assert split.output.startswith(f"séparé : 1 citation de Roman Prymula Jr (#{prymula}) vers Jan Prymula (#")
    assert {row["name"] for row in speaker_rows(ministers)} >= {"Roman Prymula Jr", "Jan Prymula"}


@pytest.mark.parametrize(
    "a, b, keep",
    [
        ("Ivan du Roy", "Ivan Du Roy abonde", "Ivan du Roy"),  # a verb caught with the name
        ("Ivan Du Roy abonde", "Ivan du Roy", "Ivan du Roy"),
        ("Marie Dupont explique", "Marie Dupont", "Marie Dupont"),
        ("Stoltenberg", "Jens Stoltenberg", "Jens Stoltenberg"),  # the longest full name
        ("Jean-Marie Le Pen", "Le Pen", "Jean-Marie Le Pen"),
    ],
)
def test_suggest_keeps_the_cleanest_proper_name(tmp_path, a, b, keep):
    db = open_db(tmp_path / "dup.db")
    for n, name in enumerate((a, b)):
        text = f"« Phrase numéro {n} », dit {name}."
        save(db, text, [quote(text, f"Phrase numéro {n}", name)], f"{n}.txt", source="Basta!")
    (row,) = suggest_duplicates(db)
    assert row["keep"] == keep and max((a, b), key=name_quality) == keep
    table = run("speakers", "suggest", db=tmp_path / "dup.db").output.splitlines()
    assert table[0].split()[:4] == ["id", "gardé", "garder", "id"]


def test_a_review_naming_an_unknown_speaker_proposes_the_closest(tmp_path):
    path = tmp_path / "babis.db"
    db = open_db(path)
    text = "« Rien ne change », a dit Andrej Babiš. « Tout ira bien », a ajouté Milos Zeman."
    save(db, text, [quote(text, "Rien ne change", "Andrej Babiš"), quote(text, "Tout ira bien", "Milos Zeman")], "a.txt")
    db.close()
    qid = quote_id(path, "Tout ira bien")
    refused = run("review", qid, "--speaker", "Andrei Babish", db=path)
    assert refused.exit_code == 1 and refused.output.count("\n") == 1
    assert refused.output.startswith("Erreur : Andrei Babish : aucun locuteur de ce nom ; les plus proches : #1 Andrej Babiš")
    assert "--new-speaker pour créer « Andrei Babish »" in refused.output
    assert [row["name"] for row in speaker_rows(path)] == ["Andrej Babiš", "Milos Zeman"]
    assert run("review", qid, "--speaker", "#1", db=path).exit_code == 0
    created = run("review", qid, "--speaker", "Andrei Babish", "--new-speaker", db=path)
    assert created.exit_code == 0 and "locuteur : Andrej Babiš → Andrei Babish" in created.output


# ----- 4. French in, French out ---------------------------------------------------------------------
@pytest.mark.parametrize(
    "typed, stored",
    [("confirmée", "confirmed"), ("Confirmee", "confirmed"), ("confirmed", "confirmed"), ("contestée", "disputed"),
     ("mal attribuée", "misattributed"), ("pas une citation", "rejected"), ("rejetée", "rejected"),
     ("corrigée", "corrected"), ("non vérifiée", "unreviewed")],
)  # fmt: skip
def test_statuses_are_accepted_in_french_and_english(archive, typed, stored):
    qid = quote_id(archive, CHIRAC)
    run("review", qid, "--status", "contestée" if stored == "unreviewed" else "unreviewed", db=archive)
    result = run("review", qid, "--status", typed, db=archive)
    assert result.exit_code == 0, result.output
    listed = json.loads(run("reviews", "--status", typed, "--format", "json", db=archive).output)
    assert [row["status"] for row in listed if row["id"] == qid] == [stored]


def test_kinds_are_accepted_in_french_and_english(archive):
    for typed in ("directe", "direct", "Directe"):
        rows = json.loads(run("search", "--kind", typed, "--format", "json", db=archive).output)
        assert rows and {row["kind"] for row in rows} == {"direct"}
    bad = run("search", "--kind", "oblique", db=archive)
    assert bad.exit_code == 2 and "« oblique » : type de citation inconnu ; au choix : directe (direct)" in bad.output


# ----- 5. no silent surprises ----------------------------------------------------------------------
def test_search_says_when_it_cuts(tmp_path):
    db = open_db(tmp_path / "many.db")
    for n in range(7):
        text = f"« Otan numéro {n} », a dit Jens Stoltenberg."
        save(db, text, [quote(text, f"Otan numéro {n}", "Jens Stoltenberg")], f"{n}.txt")
    db.close()
    cut = CliRunner().invoke(cli, ["search", "otan", "--limit", "5", "--db", str(tmp_path / "many.db")])
    assert cut.output.splitlines()[-1] == "5 sur 7 affichées ; --limit pour plus"
    whole = CliRunner().invoke(cli, ["search", "otan", "--limit", "7", "--db", str(tmp_path / "many.db")])
    assert "affichées" not in whole.output


@pytest.mark.parametrize("typed", ["manoeuvres", "manœuvres", "MANOEUVRES", "Manœuvres"])
def test_ligatures_fold_in_search_and_verify_alike(tmp_path, typed):
    for stored in ("Les manœuvres de l'armée continuent", "Les manoeuvres de l'armée continuent"):
        path = tmp_path / f"{stored.split()[1]}.db"
        db = open_db(path)
        text = f"« {stored} », a dit Jens Stoltenberg."
        save(db, text, [quote(text, stored, "Jens Stoltenberg")], "a.txt")
        db.close()
        found = json.loads(run("search", typed, "--format", "json", db=path).output)
        assert [row["text"] for row in found] == [stored]
        verified = run("verify", f"Les {typed} de l'armée continuent", "--speaker", "Stoltenberg", db=path)
        assert verified.exit_code == 0 and verified.output.startswith("Citation exacte : Jens Stoltenberg ; ")


@pytest.mark.parametrize("typed", ["monde", "lemonde.fr", "Le Monde", "www.lemonde.fr", "LE MONDE"])
def test_source_matches_an_outlet_by_name_or_domain_loosely(archive, typed):
    rows = json.loads(run("search", "--source", typed, "--format", "json", db=archive).output)
    assert {row["source"] for row in rows} == {"Le Monde"}


def test_a_report_without_o_is_written_to_a_file_named_after_its_subject(archive, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for args, name in (
        (["report", "speaker", "Jacques Chirac"], "dossier-jacques-chirac.html"),
        (["report", "article", "chirac.txt"], "fiche-chirac-et-les-retraites.html"),
        (["report", "search", "retraites"], "recherche-retraites.html"),
    ):
        result = run(*args, db=archive)
        assert result.exit_code == 0 and result.output == f"écrit : {name}\n"
        assert "<html" in (tmp_path / name).read_text(encoding="utf-8")


# ----- a reviewer's morning -------------------------------------------------------------------------
def test_a_reviewers_morning_every_surface_agrees_with_the_reviews(tmp_path, spacy_engine):
    """Index, reject one quote, correct the speaker of another, merge two speakers by id;
    then verify, search, speakers, the sheet, the dossier and an export all agree."""
    from conftest import ROOT, SEED

    db = tmp_path / "matin.db"
    indexed = run("index", SEED, ROOT / "examples", "--engine", "spacy", "--workers", 1, db=db)
    assert indexed.exit_code == 0 and "indexés 4" in indexed.output, indexed.output
    jamais, preoccupes, unie = (quote_id(db, t) for t in ("C'est du jamais vu", "préoccupés", "L'Alliance n'a jamais été aussi unie"))
    assert run("review", jamais, "--status", "rejetée", "--note", "formule de Biden", db=db).exit_code == 0
    assert run("review", preoccupes, "--speaker", "Zelensky", "--status", "mal attribuée", db=db).exit_code == 0
    ids = {row["name"]: row["id"] for row in speaker_rows(db) if not row["article"]}
    merged = run("speakers", "merge", ids["Jens Stoltenberg"], ids["Stoltenberg"], db=db)
    assert merged.exit_code == 0 and "1 citation déplacée" in merged.output, merged.output

    # verify: the rejected quote is no evidence; the corrected speaker is the speaker
    rejected = run("verify", "C'est du jamais vu", "--speaker", "Stoltenberg", db=db)
    assert rejected.exit_code == 1 and "a été rejetée par la vérification (pas une citation, note : formule de Biden)" in rejected.output
    assert run("verify", "préoccupés", "--speaker", "Zelensky", db=db).exit_code == 0
    assert run("verify", "préoccupés", "--speaker", "Jens Stoltenberg", db=db).exit_code == 4
    unified = run("verify", "L'Alliance n'a jamais été aussi unie", "--speaker", "Jens Stoltenberg", db=db)
    assert unified.exit_code == 0 and "statut : non vérifiée" in unified.output.splitlines()[0]

    # search and export: the same rows, the same speakers, each with its status
    found = {row["id"]: row for row in json.loads(run("search", "--limit", 100, "--format", "json", db=db).output)}
    exported = {row["id"]: row for row in json.loads(run("export", "--format", "json", db=db).output)}
    assert set(found) == set(exported) and jamais not in found and len(found) == 15
    for rows in (found, exported):
        assert (rows[preoccupes]["speaker"], rows[preoccupes]["status"]) == ("Volodymyr Zelensky", "misattributed")
        assert rows[unie]["speaker"] == "Jens Stoltenberg"
    table = run("search", "préoccupés", db=db).output
    assert "Volodymyr Zelensky" in table and "mal attribuée" in table

    # speakers: counts without the rejected quote, the merged one gone
    counts = {row["name"]: row["quotes"] for row in speaker_rows(db) if not row["article"]}
    assert counts == {"Jens Stoltenberg": 9, "Volodymyr Zelensky": 2, "Camilla Stoltenberg": 1}

    # the sheet and the dossier
    sheet = run("report", "article", SEED.name, "--layout", "full", "-o", "-", db=db).output
    assert jamais not in _marked(sheet) and preoccupes in _marked(sheet)
    cards = BeautifulSoup(run("report", "article", SEED.name, "--layout", "cards", "-o", "-", db=db).output, "html5lib")
    assert "Volodymyr Zelensky" in cards.select_one(f"#q-{preoccupes}").get_text(" ")
    assert not cards.select(f"#q-{jamais}")
    dossier = run("report", "speaker", ids["Jens Stoltenberg"], "-o", "-", db=db).output
    assert unie in _marked(dossier) and jamais not in _marked(dossier) and preoccupes not in _marked(dossier)
    assert len({i for i in _marked(dossier) if i in found}) == 9


def test_the_index_summary_counts_no_rejected_quote(archive, tmp_path):
    run("review", quote_id(archive, DELEVOYE), "--status", "rejected", db=archive)
    page = tmp_path / "autre.txt"
    page.write_text("« Tout ira bien », a dit Paul Durand.\n", encoding="utf-8")
    result = run("index", page, "--engine", "spacy", "--workers", 1, db=archive)
    assert "(base : 3 articles, 3 citations, " in result.output, result.output  # 4 stored, 1 rejected


def test_suggest_counts_no_rejected_quote(tmp_path):
    db = open_db(tmp_path / "s.db")
    for n, name in enumerate(("Jens Stoltenberg", "Camilla Stoltenberg", "Stoltenberg", "Stoltenberg")):
        text = f"« Phrase numéro {n} », dit {name}."
        save(db, text, [quote(text, f"Phrase numéro {n}", name)], f"{n}.txt", source="Le Quotidien")
    assert {row["merge"]: row["quotes"] for row in suggest_duplicates(db)} == {"Stoltenberg": 2}
    db.close()
    run("review", quote_id(tmp_path / "s.db", "Phrase numéro 3"), "--status", "rejected", db=tmp_path / "s.db")
    assert {row["merge"]: row["quotes"] for row in suggest_duplicates(open_db(tmp_path / "s.db"))} == {"Stoltenberg": 1}
