"""Verification: altered versions of the seed's quotes are traced back to their source.

The seed is indexed with spaCy, with a later article (« La Gazette ») that reprints two
of its quotes, one slightly reworded: claims are found with their source, offsets, a
diff naming the changed words and a check of the claimed speaker.
"""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

from quotetrack.checking import alignment, appearances, verify
from quotetrack.text import folding
from quotetrack.printing import sheets as report
from quotetrack.cli import cli
from quotetrack.extract.records import Quote
from quotetrack.indexing import index_paths
from quotetrack.sources.articles import Article
from quotetrack.archive.store import open_db, save_article
from quotetrack.checking.verdicts import EXIT_STATUS, wording_verdict

from conftest import SEED

SEED_META = {"title": "L'Otan annonce de nouvelles mesures", "source": "Le Quotidien", "date": "2022-03-24",
             "url": "https://www.example.org/monde/otan-mesures"}  # fmt: skip
REPRISE = """---
title: "Otan : ce qu'il faut retenir du sommet"
date: 2022-03-26
source: La Gazette
url: https://www.example.org/gazette/otan-sommet
---
Le secrétaire général de l'Otan l'a redit samedi. « Nous prenons donc des mesures à la fois pour soutenir l’Ukraine et nous défendre », a déclaré Jens Stoltenberg.

« La sécurité se paie, en faire plus coûte plus cher », a-t-il ajouté.
"""


@pytest.fixture(scope="module")
def db_path(tmp_path_factory, spacy_engine):
    folder = tmp_path_factory.mktemp("verify")
    path = folder / "verify.db"
    db = open_db(path)
    (folder / "reprise.md").write_text(REPRISE, encoding="utf-8")
    outcomes = list(index_paths(db, [str(SEED)], spacy_engine, overrides=SEED_META))
    outcomes += index_paths(db, [str(folder / "reprise.md")], spacy_engine)
    assert [o.status for o in outcomes] == ["indexed", "indexed"], outcomes
    db.close()
    return str(path)


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def check(db_path, claim, *options):
    result = run("verify", claim, "--db", db_path, "--format", "json", *options)
    assert result.exit_code in (0, 1, 3, 4, 5), result.output
    data = json.loads(result.output)
    assert result.exit_code == EXIT_STATUS[data["verdict"]]
    assert data["found"] is (data["verdict"] != "not found")
    return data


def seed_text():
    return SEED.read_text(encoding="utf-8")


# ----- normalization ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, expected",
    [
        ("« L’Otan… »", "l otan"),
        ('"l\'OTAN..."', "l otan"),
        ("“Élisabeth” ‘Borne’", "elisabeth borne"),
        ("un cœur d'Ægir", "un coeur d aegir"),
        ("100.000 militaires", "100 000 militaires"),
    ],
)
def test_normalize(text, expected):
    assert folding.normalize(text) == expected


@pytest.mark.parametrize(
    "claim, expected",
    [
        ("La sécurité se paie… coûte plus cher", [["la", "securite", "se", "paie"], ["coute", "plus", "cher"]]),
        ("La sécurité se paie... coûte [...] cher", [["la", "securite", "se", "paie"], ["coute"], ["cher"]]),
        ("« … coûte plus cher (…) »", [["coute", "plus", "cher"]]),
        ("C'est du jamais vu", [["c", "est", "du", "jamais", "vu"]]),
    ],
)
def test_an_ellipsis_splits_the_claim(claim, expected):
    assert [[w.folded for w in segment] for segment in alignment.segments(claim)] == expected


# ----- finding the source --------------------------------------------------------------------------
@pytest.mark.parametrize(
    "claim, source, changes",
    [
        # a word changed, inside a long quote
        ("Nous renforçons également l'état de préparation des forces alliées",
         "Nous améliorons également l'état de préparation des forces alliées", "modifié « améliorons » → « renforçons »"),
        # a word dropped and a word added
        ("Nous améliorons l'état de préparation des forces alliées",
         "Nous améliorons également l'état de préparation des forces alliées", "retiré « également »"),
        ("Nous prenons donc des mesures fortes à la fois pour soutenir l'Ukraine",
         "Nous prenons donc des mesures à la fois pour soutenir l'Ukraine", "ajouté « fortes »"),
        # an ellipsis, typographic and straight quotes, case and accents
        ("« La sécurité se paie… coûte plus cher »", "La sécurité se paie. En faire plus coûte plus cher",
         "coupé « En faire plus »"),
        ('"La securite se paie... En faire plus coute plus cher"', "La sécurité se paie. En faire plus coûte plus cher",
         "mêmes mots"),
        ("“Il pourrait s’agir de détection, d’équipement, de protection”",
         "Il pourrait s'agir de détection, d'équipement, de protection", "mêmes mots"),
        ("IL POURRAIT S'AGIR DE DETECTION ET DE PROTECTION",
         "Il pourrait s'agir de détection, d'équipement, de protection", "modifié « d'équipement » → « ET »"),
        # a long claim: only its rarest words go to the full-text shortlist
        ("Le commandant suprême des forces militaires de l'Alliance, le général Walters, a activé "
         "les éléments de défense chimique", "Le commandant suprême des forces militaires de l'Alliance, "
         "le général Walters, a activé les éléments de défense chimique", "mêmes mots"),
    ],
)
def test_altered_quotes_are_found_with_a_diff(db_path, claim, source, changes):
    data = check(db_path, claim)
    best = data["sources"][0]
    assert data["found"] and best["score"] >= verify.DEFAULT_THRESHOLD
    assert best["wording"] == source and best["changes"] == changes
    assert (best["title"], best["source"], best["said_on"]) == (SEED_META["title"], "Le Quotidien", "2022-03-24")
    assert best["speaker"] == "Jens Stoltenberg" and best["quote_id"]
    assert seed_text()[best["start"] : best["end"]] == source  # offsets in the article text


def test_diff_ops(db_path):
    (best, *_) = check(db_path, "Nous renforçons également l'état de préparation")["sources"]
    assert [op["op"] for op in best["diff"]] == ["equal", "changed", "equal"]
    assert best["diff"][1] == {"op": "changed", "claim": "renforçons", "source": "améliorons"}
    (best, *_) = check(db_path, "La sécurité se paie… coûte plus cher")["sources"]
    assert {"op": "omitted", "claim": "…", "source": "En faire plus"} in best["diff"]


@pytest.mark.parametrize(
    "claimed, matches",
    [("Stoltenberg", True), ("Jens Stoltenberg", True), ("M. Stoltenberg", True), ("jens stoltenberg", True),
     ("Zelensky", False), ("Volodymyr Zelensky", False), ("Jens", False)],
)  # fmt: skip
def test_claimed_speaker_is_checked(db_path, claimed, matches):
    data = check(db_path, "Nous renforçons également l'état de préparation des forces alliées", "--speaker", claimed)
    assert data["found"] and data["sources"][0]["speaker_match"] is matches


def test_table_output(db_path):
    claim = "Nous renforçons également l'état de préparation des forces alliées"
    result = run("verify", claim, "--speaker", "Zelensky", "--db", db_path)
    assert result.exit_code == 4, result.output
    lines = result.output.splitlines()
    grounds = f"« L'Otan annonce de nouvelles mesures » (Le Quotidien, 2022-03-24), {SEED}, § 6 ; statut : non vérifiée"
    assert lines[0] == f"Citation mal attribuée : dite par Jens Stoltenberg, pas par Zelensky ; {grounds}"
    assert lines[1] == (f"1.  citation mal attribuée  score 93.9  Jens Stoltenberg  2022-03-24  Le Quotidien  "
                        f"« L'Otan annonce de nouvelles mesures »  {SEED}, § 6  statut : non vérifiée")
    assert "   source :       « Nous améliorons également l'état de préparation des forces alliées »" in lines
    assert "   différences :  modifié « améliorons » → « renforçons »" in lines
    assert "   locuteur :     Zelensky ne correspond PAS à Jens Stoltenberg" in lines
    ok = run("verify", claim, "--speaker", "Stoltenberg", "--db", db_path)
    assert ok.exit_code == 3 and ok.output.splitlines()[0] == f"Citation modifiée (1 différence) : Jens Stoltenberg ; {grounds}"
    assert "   locuteur :     Stoltenberg correspond à Jens Stoltenberg" in ok.output.splitlines()


def test_a_sentence_said_nowhere_is_not_found(db_path):
    result = run("verify", "Nous baisserons les impôts des classes moyennes dès l'an prochain", "--db", db_path)
    assert result.exit_code == 1 and result.output == "Citation introuvable : aucune source n'atteint le score 80\n"
    data = check(db_path, "Nous baisserons les impôts des classes moyennes dès l'an prochain")
    assert data["sources"] == [] and not data["found"]


def test_threshold(db_path):
    assert check(db_path, "C'est du déjà vu")["sources"][0]["changes"] == "modifié « jamais » → « déjà »"
    result = run("verify", "C'est du déjà vu", "--threshold", 95, "--db", db_path)
    assert result.exit_code == 1
    grounds = f"« L'Otan annonce de nouvelles mesures » (Le Quotidien, 2022-03-24), {SEED}, § 11 ; statut : non vérifiée"
    assert result.output.splitlines()[:2] == [
        f"Citation introuvable : aucune source n'atteint le score 95 (la plus proche, score 82.4 : {grounds})",
        f"la plus proche :  score 82.4  Jens Stoltenberg  2022-03-24  Le Quotidien  « L'Otan annonce de nouvelles mesures »  "
        f"{SEED}, § 11  statut : non vérifiée"]  # fmt: skip


def test_empty_claim_is_one_line(db_path):
    result = run("verify", "« … »", "--db", db_path)
    assert result.exit_code == 1 and result.output.count("\n") == 1 and "aucun mot à chercher" in result.output


def test_article_text_outside_any_quote(db_path):
    claim = "L'Alliance atlantique va fournir à l'Ukraine des équipements de protection"
    data = check(db_path, claim, "--speaker", "Stoltenberg")
    best = data["sources"][0]
    assert (best["found_in"], best["quote_id"], best["speaker"], best["speaker_match"]) == ("article text", None, None, None)
    assert best["verdict"] == data["verdict"] == "unattributed"  # found, but nobody says it: never « exact »
    assert best["score"] == 100 and seed_text()[best["start"] : best["end"]] == claim


def test_the_most_specific_quote_wins(db_path):
    """Zelensky's words inside Stoltenberg's indirect quote are Zelensky's."""
    data = check(db_path, "l'importance vitale de fournir davantage d'assistance militaire", "--speaker", "Zelensky")
    best = data["sources"][0]
    assert (best["speaker"], best["speaker_match"], best["found_in"]) == ("Volodymyr Zelensky", True, "quote")


def test_several_sources_earliest_first_on_equal_scores(db_path):
    data = check(db_path, "La sécurité se paie, en faire plus coûte plus cher")
    assert [(s["source"], s["said_on"], s["score"]) for s in data["sources"]] == [
        ("Le Quotidien", "2022-03-24", 100.0), ("La Gazette", "2022-03-26", 100.0)]


def test_verify_shortlists_with_full_text_search(tmp_path, monkeypatch):
    """Thousands of articles sharing common words: only the shortlist is scored."""
    db = open_db(tmp_path / "large.db")
    for n in range(1500):
        text = f"« La sécurité de l'Europe se paie cher, numéro {n} », a déclaré Paul Martin. Les alliés discutent."
        words = f"La sécurité de l'Europe se paie cher, numéro {n}"
        start = text.index(words)
        quote = Quote(text=words, parts=((start, start + len(words)),), kind="direct", speaker="Paul Martin")
        save_article(db, Article(text=text, path=f"{n}.txt", published="2023-01-01"), [quote],
                     engine="test", engine_version="1")  # fmt: skip
    seed = seed_text()
    save_article(db, Article(text=seed, path="seed.txt", published="2022-03-24"), [], engine="test", engine_version="1")
    calls = []
    real_align = alignment.align
    monkeypatch.setattr(verify, "align", lambda *args: calls.append(1) or real_align(*args))
    result = verify.verify(db, "La sécurité se paie… coûte plus cher")
    assert result["found"] and result["sources"][0]["wording"] == "La sécurité se paie. En faire plus coûte plus cher"
    assert result["sources"][0]["found_in"] == "article text"
    assert len(calls) <= verify.QUOTE_CANDIDATES + verify.ARTICLE_CANDIDATES


# ----- appearances ------------------------------------------------------------------------------------
def test_show_lists_every_appearance_earliest_first(db_path):
    rows = json.loads(run("search", "defendre", "--db", db_path, "--format", "json").output)
    later = next(r for r in rows if r["source"] == "La Gazette")
    shown = run("show", later["id"], "--db", db_path)
    assert shown.exit_code == 0, shown.output
    lines = shown.output.splitlines()
    start = lines.index("  paraît dans 2 articles, du plus ancien au plus récent :")
    assert lines[start + 1].startswith("    2022-03-24  L'Otan annonce de nouvelles mesures (Le Quotidien)")
    assert lines[start + 2].startswith("    2022-03-26  Otan : ce qu'il faut retenir du sommet (La Gazette)")
    assert lines[start + 2].endswith("<- cette citation")
    data = json.loads(run("show", later["id"], "--db", db_path, "--format", "json").output)
    assert [(a["source"], a["this"]) for a in data["appearances"]] == [("Le Quotidien", False), ("La Gazette", True)]


def test_short_quotes_are_not_linked(db_path):
    db = open_db(db_path)
    (row,) = db.query("SELECT id, text FROM quotes WHERE text = 'préoccupés'")
    assert [a["this"] for a in appearances.appearances(db, row)] == [True]


def test_sheet_says_where_a_quote_first_appeared(db_path):
    db = open_db(db_path)
    gazette = db.execute("SELECT id FROM articles WHERE source = 'La Gazette'").fetchone()[0]
    soup = BeautifulSoup(report.article_sheet(db, gazette, layout="cards"), "html5lib")
    firsts = [node.get_text(" ", strip=True) for node in soup.select('[data-field="first-appeared"]')]
    assert firsts == ["L'Otan annonce de nouvelles mesures , Le Quotidien, 2022-03-24"] * 2
    assert soup.select_one('[data-field="first-appeared"] a')["href"] == SEED_META["url"]
    seed_id = db.execute("SELECT id FROM articles WHERE source = 'Le Quotidien'").fetchone()[0]
    assert not BeautifulSoup(report.article_sheet(db, seed_id, layout="cards"), "html5lib").select('[data-field="first-appeared"]')
    compact = BeautifulSoup(report.article_sheet(db, gazette), "html5lib")  # the default layout: in the annex
    firsts = compact.select('section.annex [data-field="first-appeared"]')
    assert len(firsts) == 2 and all("Le Quotidien, 2022-03-24" in node.get_text() for node in firsts)


# ----- verdicts ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "claim, speaker, verdict, status",
    [
        ("C'est du jamais vu", "Stoltenberg", "exact", 0),
        ("“c’est   DU jamais-vu”", None, "exact", 0),  # case, marks, apostrophes, spacing
        ("« La sécurité se paie… coûte plus cher »", "Jens Stoltenberg", "abridged", 0),
        ("Nous améliorons [...] l'état de préparation des forces alliées", None, "abridged", 0),
        ("Nous renforçons également l'état de préparation des forces alliées", "Stoltenberg", "altered", 3),
        ("Nous améliorons l'état de préparation des forces alliées", None, "altered", 3),  # a word removed
        ("C'est du jamais vu", "Zelensky", "misattributed", 4),
        ("Nous renforçons également l'état de préparation des forces alliées", "Zelensky", "misattributed", 4),
        ("Nous baisserons les impôts des classes moyennes dès l'an prochain", None, "not found", 1),
    ],
)
def test_each_verdict_has_its_exit_status(db_path, claim, speaker, verdict, status):
    options = ["--speaker", speaker] if speaker else []
    data = check(db_path, claim, *options)
    assert data["verdict"] == verdict
    if data["sources"]:
        assert data["sources"][0]["verdict"] == verdict
    table = run("verify", claim, "--db", db_path, *options)
    assert table.exit_code == status
    first = table.output.splitlines()[0]
    assert first.startswith({"exact": "Citation exacte : ", "abridged": "Citation abrégée", "altered": "Citation modifiée",
                             "misattributed": "Citation mal attribuée : ", "not found": "Citation introuvable : "}[verdict])  # fmt: skip


def test_the_exit_statuses_are_in_the_help():
    shown = run("verify", "--help").output
    for line in ("0  exacte", "3  modifiée", "5  trouvée, locuteur non identifié", "4  mal attribuée", "1  introuvable"):
        assert line in shown, line


@pytest.mark.parametrize(
    "ops, verdict",
    [
        (["equal"], "exact"),
        ([], "exact"),
        (["equal", "omitted", "equal"], "abridged"),
        (["equal", "changed"], "altered"),
        (["omitted", "added"], "altered"),
        (["removed", "equal"], "altered"),
    ],
)
def test_wording_verdict(ops, verdict):
    assert wording_verdict([{"op": op} for op in ops]) == verdict


def test_the_verdict_names_the_best_verdicts_source_first(db_path):
    """Reworded in one article and exact in another: the exact source decides."""
    data = check(db_path, "Nous prenons donc des mesures à la fois pour soutenir l’Ukraine et nous défendre")
    assert data["verdict"] == "exact" and data["sources"][0]["source"] == "La Gazette"
    assert [s["verdict"] for s in data["sources"]] == ["exact", "altered"]


DECOMPOSED = "Le ministre l'a répété : « Il faut réfléchir à l'État de demain, sans précipitation », a déclaré Éric Dupré.\n"


@pytest.mark.parametrize("stored_form, claim_form", [("NFD", "NFC"), ("NFC", "NFD"), ("NFKD", "NFC")])
def test_decomposed_unicode_is_exact(tmp_path, stored_form, claim_form):
    """A page stored decomposed (e\u0301) is the same words as the claim typed composed (é)."""
    import unicodedata

    db = open_db(tmp_path / "nfd.db")
    text = unicodedata.normalize(stored_form, DECOMPOSED)
    words = unicodedata.normalize(stored_form, "Il faut réfléchir à l'État de demain, sans précipitation")
    start = text.index(words)
    quote = Quote(text=words, parts=((start, start + len(words)),), kind="direct", speaker="Éric Dupré")
    save_article(db, Article(text=text, path="nfd.txt", published="2024-05-02"), [quote], engine="test", engine_version="1")
    claim = unicodedata.normalize(claim_form, "« Il faut réfléchir à l'État de demain, sans précipitation »")
    result = verify.verify(db, claim, speaker=unicodedata.normalize(claim_form, "Éric Dupré"))
    assert result["verdict"] == "exact"
    (best,) = result["sources"]
    assert best["score"] == 100 and best["changes"] == "mêmes mots" and best["speaker_match"] is True
    assert text[best["start"] : best["end"]] == words  # offsets in the stored (decomposed) text
    assert [w.folded for w in folding.words(words)][:4] == ["il", "faut", "reflechir", "a"]
