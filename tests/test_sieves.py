"""Attribution sieves over a second table of French constructions (tests/constructions_sieves.py),
plus the speaker filter: words next to a reporting verb that cannot speak, and
organizations (a country, a ministry, a newspaper) that do."""

import pytest

from constructions_sieves import CASES
from quotetrack.extract import extract_quotes
from test_extract import _same_text, _speaker

# Constructions the extraction does not handle yet; each one says what it does wrong.
# They run, and a pass is reported (strict=False) so that fixed cases are noticed.
KNOWN_GAPS = {
}


def _params():
    for case in CASES:
        marks = [pytest.mark.xfail(reason=KNOWN_GAPS[case.id], strict=False)] if case.id in KNOWN_GAPS else []
        yield pytest.param(case, id=case.id, marks=marks)


@pytest.mark.parametrize("case", _params())
def test_sieve_construction(case, spacy_engine):
    found = extract_quotes(spacy_engine.parse(case.text))
    got = [(q.kind, q.speaker, q.text) for q in found]
    assert len(found) == len(case.quotes), got
    for expected, quote in zip(case.quotes, found):
        assert _same_text(expected, quote, case.id), got
        assert quote.kind == expected.kind, got
        assert _speaker(quote.speaker) == _speaker(expected.speaker), got


def test_case_ids_unique_and_texts_in_source():
    ids = [c.id for c in CASES]
    assert len(ids) == len(set(ids))
    for case in CASES:
        for q in case.quotes:
            for part in q.text.split(" […] "):
                assert part in case.text, (case.id, part)


# ----- speaker filter -------------------------------------------------------------------------
# Each text puts a word that cannot speak next to a reporting verb (a preposition, a
# possessive phrase, an abstract noun, a date, a platform). Whatever is extracted, its
# speaker is None or one of the real sources listed.
NOT_SPEAKERS = [
    ("preposition_pour_autant",
     "Pour autant, rien n'est encore joué, estime la politologue Sarah Kaplan.",
     {"Sarah Kaplan"}),
    ("preposition_depuis",
     "« Il faut rouvrir la gare », plaide depuis des mois le collectif des usagers de la "
     "ligne Nantes-Bordeaux.",
     {"collectif des usagers de la ligne Nantes-Bordeaux",
      "le collectif des usagers de la ligne Nantes-Bordeaux"}),
    ("preposition_apres",
     "Après, on verra bien, a glissé le coureur Maxime Delorme à l'arrivée.",
     {"Maxime Delorme"}),
    ("possessive_selon_nos_informations",
     "Selon nos informations, le club envisage de changer d'entraîneur avant la trêve.",
     set()),
    ("possessive_de_son_cote",
     "La maire de Pau, Isabelle Larrieu, a reçu les commerçants. De son côté, elle a "
     "affirmé que le marché resterait ouvert.",
     {"Isabelle Larrieu"}),
    ("abstract_un_moyen",
     "La gratuité des bus reste un moyen d'attirer les familles, souligne l'adjoint aux "
     "transports, Yves Carrère.",
     {"Yves Carrère"}),
    ("abstract_la_question",
     "Reste la question du financement, a reconnu le président du conseil départemental, "
     "Hugo Marty.",
     {"Hugo Marty"}),
    ("abstract_le_bilan",
     "Le dernier bilan fait état de trois blessés graves et de quarante familles relogées.",
     set()),
    ("abstract_chacun_de_son_cote",
     "Chacun de son côté, les deux clubs ont assuré que le derby aurait bien lieu samedi.",
     {"les deux clubs"}),
    ("date_mi_mars",
     "Mi-mars, la préfecture avait assuré que la digue tiendrait.",
     {"préfecture"}),
    ("date_fin_janvier",
     "Fin janvier, le directeur de l'usine, Loïc Marrec, a annoncé que la production "
     "reprendrait.",
     {"Loïc Marrec"}),
    ("platform_sur_twitter",
     "Sur Twitter, l'ancien ministre Louis Garnier a dénoncé une « trahison ».",
     {"Louis Garnier"}),
    ("platform_sur_instagram_incise",
     "« Merci pour tout, je tourne la page », a écrit dimanche sur Instagram la judokate "
     "Aïcha Benali.",
     {"Aïcha Benali"}),
    ("platform_peut_on_lire",
     "« Quelle honte pour la ville », peut-on lire sur Facebook.",
     set()),
]


@pytest.mark.parametrize("text,allowed", [pytest.param(t, a, id=i) for i, t, a in NOT_SPEAKERS])
def test_speaker_filter_refuses_non_speakers(text, allowed, spacy_engine):
    found = extract_quotes(spacy_engine.parse(text))
    allowed = {_speaker(a) for a in allowed} | {None}
    got = [(q.kind, q.speaker, q.text) for q in found]
    for q in found:
        assert _speaker(q.speaker) in allowed, got


# Organizations that speak: a country, a ministry, a newspaper. The quote is found, its
# speaker is the organization and its speaker_kind is "organization".
ORGANIZATIONS = [
    ("country",
     "La Pologne a annoncé qu'elle fermerait sa frontière avec la Biélorussie dès lundi.",
     {"Pologne"}),
    ("country_incise",
     "« Nous ne livrerons pas de chars », a fait savoir l'Autriche par la voix de son "
     "ambassade.",
     {"Autriche"}),
    ("ministry",
     "« Aucun soldat français n'a été blessé », a précisé le ministère des Armées dans un "
     "communiqué.",
     {"ministère des Armées"}),
    ("ministry_que",
     "Le ministère de l'Éducation nationale a confirmé que les épreuves du bac seraient "
     "maintenues.",
     {"ministère de l'Éducation nationale"}),
    ("newspaper",
     "Le gouvernement prépare un remaniement pour la fin du mois, affirme Le Journal du "
     "dimanche.",
     {"Journal du dimanche"}),
    ("newspaper_selon",
     "Selon La Voix du Nord, le club lillois a trouvé un accord avec son futur entraîneur.",
     {"Voix du Nord"}),
]


@pytest.mark.parametrize("text,names", [pytest.param(t, n, id=i) for i, t, n in ORGANIZATIONS])
def test_organization_speakers(text, names, spacy_engine):
    found = extract_quotes(spacy_engine.parse(text))
    got = [(q.kind, q.speaker, q.speaker_kind, q.text) for q in found]
    assert len(found) == 1, got
    assert _speaker(found[0].speaker) in {_speaker(n) for n in names}, got
    assert found[0].speaker_kind == "organization", got
