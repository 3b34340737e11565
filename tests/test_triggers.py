"""The cheap pass that marks the sentences needing the full parse (extract/triggers.py)."""

import pytest

from quotetrack.extract.triggers import full_parse_spans, is_reporting_form, selection

NARRATIVE = "Le marché couvert rouvrira ses portes au printemps."


def marked(text: str, sentence: str) -> bool:
    """Is ``sentence`` (a substring of ``text``) inside the spans to parse fully?"""
    at = text.index(sentence)
    return any(a <= at and at + len(sentence) <= b for a, b in full_parse_spans(text))


@pytest.mark.parametrize(
    "sentence",
    [
        "« Nous irons jusqu'au bout », a déclaré la maire.",
        "La députée a lancé : « Ce budget est injuste. »",
        "“Rien n'est décidé”, a précisé le préfet.",
        "„Wir schaffen das“, répétait la chancelière.",
        "Le syndicat dénonce un \"mépris\" des salariés.",
        "» Nous refusons ce plan «, ont écrit les élus.",
        "La réforme sera votée en juin, a assuré le ministre.",
        "Le ministre affirme que la réforme sera votée en juin.",
        "Les élus ont estimé qu'aucune solution n'était prête.",
        "Le maire a promis de rouvrir la piscine avant l'été.",
        "Selon la préfecture, trois cents personnes ont défilé.",
        "D'après les organisateurs, la salle était comble.",
        "Pour la directrice, ce choix s'impose.",
        "Jeanne Morel, pour qui la décision est prématurée, a quitté la salle.",
        "L'avocat a fait valoir les droits de son client.",
        "La loi est entrée en vigueur, comme l'a rappelé le préfet.",
    ],
    ids=[
        "guillemets-incise", "colon-quote", "curly", "low-high", "straight", "reversed",
        "statement-incise", "que-clause", "qu-elided", "infinitive", "selon", "d-apres",
        "pour-frame", "pour-qui", "multiword-cue", "comma-verb",
    ],
)
def test_sentences_that_can_hold_or_introduce_a_quote_are_marked(sentence):
    text = f"{NARRATIVE} {sentence} {NARRATIVE}"
    assert marked(text, sentence)
    assert not marked(text, NARRATIVE)


@pytest.mark.parametrize(
    "sentence",
    [
        NARRATIVE,
        "La solution proposée par la commune a été adoptée.",  # a participle, no clause
        "Les travaux dureront trois mois et coûteront deux millions d'euros.",
        "Il pleuvait sur la ville depuis lundi.",
        "Le chauffeur a mis une heure pour rejoindre la gare.",  # mettre without « en garde »
        "Le conseil municipal se réunira mardi pour voter le budget.",  # pour in mid-sentence
        "Marie Curie reçut le prix Nobel en 1911.",
    ],
    ids=["narrative", "participle", "numbers", "weather", "mettre", "pour-purpose", "name"],
)
def test_narrative_sentences_are_not_marked(sentence):
    assert full_parse_spans(sentence) == []


def test_dialogue_dash_paragraph_is_marked():
    after = "La nuit tombait sur le port."
    text = f"{NARRATIVE}\n\n— Vous partez déjà ? Il est tôt.\n\n{after}"
    assert marked(text, "— Vous partez déjà ? Il est tôt.")
    assert not marked(text, after)


def test_quote_without_a_cue_marks_the_sentence_before():
    """X a dénoncé la réforme. « C'est un recul. »: the speaker is the sentence before's subject."""
    text = f"{NARRATIVE} La secrétaire générale a quitté la réunion. « C'est un recul historique. » {NARRATIVE}"
    assert marked(text, "La secrétaire générale a quitté la réunion. « C'est un recul historique. »")
    assert not marked(text, NARRATIVE)


def test_quote_with_its_own_cue_does_not_mark_the_sentence_before():
    text = f"{NARRATIVE} « C'est un recul », a regretté la secrétaire générale."
    assert not marked(text, NARRATIVE)
    assert marked(text, "« C'est un recul », a regretté la secrétaire générale.")


def test_a_quote_running_over_several_sentences_is_marked_whole():
    text = f"{NARRATIVE} « Nous avons tout essayé. Rien n'a marché. Il faut changer », a conclu le maire. {NARRATIVE}"
    assert marked(text, "« Nous avons tout essayé. Rien n'a marché. Il faut changer », a conclu le maire.")


def test_initials_and_titles_do_not_end_a_sentence():
    """M. Dupont, Marsha P. Johnson: the full stop of an abbreviation ends nothing."""
    text = f"{NARRATIVE} Le film de M. Dupont raconte qu'Anne P. Martin a fui la ville. {NARRATIVE}"
    assert marked(text, "Le film de M. Dupont raconte qu'Anne P. Martin a fui la ville.")


@pytest.mark.parametrize(
    "word, expected",
    [
        ("déclaré", True), ("affirme", True), ("annonçait", True), ("répète", True), ("souligneront", True),
        ("dit", True), ("reconnaît", True), ("soutient", True), ("écrivait", True), ("admis", True),
        ("répondu", True), ("maison", False), ("rapidement", False), ("il", False), ("budget", False),
    ],
)
def test_reporting_forms(word, expected):
    assert is_reporting_form(word) is expected


def test_spans_are_ordered_disjoint_and_inside_the_text():
    text = "\n\n".join([f"{NARRATIVE} « Oui », a dit Paul. {NARRATIVE}", f"Selon Anne, c'est fini. {NARRATIVE} Il affirme que non."] * 3)
    spans = full_parse_spans(text)
    assert spans and all(0 <= a < b <= len(text) for a, b in spans)
    assert all(b1 <= a2 for (_, b1), (a2, _) in zip(spans, spans[1:]))


def test_selection_choice():
    assert selection(full_parse=True) is None
    assert selection(full_parse=False) is full_parse_spans


def test_pronoun_speaker_marks_the_sentence_before():
    """« ... », ont-ils déploré: the antecedent is the subject of the sentence before."""
    before = "Les syndicats sont ressortis déçus de la réunion."
    text = f"{NARRATIVE} {before} « Rien n'a bougé », ont-ils déploré."
    assert marked(text, before)
    assert not marked(text, NARRATIVE)
