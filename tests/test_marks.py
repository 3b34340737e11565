"""Quoted spans from punctuation alone (no parser)."""

import pytest

from quotetrack.extract.marks import find_marked_spans


def quoted(text):
    return [[text[a:b] for a, b in s.parts] for s in find_marked_spans(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("« Nous irons », a-t-il dit.", [["Nous irons"]]),
        ("«\u00a0Nous irons\u00a0», a-t-il dit.", [["Nous irons"]]),
        ("«\u202fNous irons\u202f», a-t-il dit.", [["Nous irons"]]),
        ("“Nous irons”, a-t-il dit.", [["Nous irons"]]),
        ("„Nous irons“, a-t-il dit.", [["Nous irons"]]),
        ('"Nous irons", a-t-il dit.', [["Nous irons"]]),
        ("« Il m'a dit : “Non” et ‹ jamais › », raconte-t-elle.", [["Il m'a dit : “Non” et ‹ jamais ›"]]),
        ('« Le mot "crise" revient », note-t-il.', [['Le mot "crise" revient']]),
        ('Ils sont "préoccupés" et "prêts".', [["préoccupés"], ["prêts"]]),
        ("Un seul \" guillemet droit.", []),
        ("L'apostrophe d'usage n'ouvre rien.", []),
        ("Le préfet a parlé » d'une décision difficile « devant la presse.", [["d'une décision difficile"]]),
        ('Elle juge la situation "intenable” pour les familles.', [["intenable"]]),
        ('Il a lancé " Nous tiendrons bon " , puis il est parti.', [["Nous tiendrons bon"]]),
        ('Un "pas en avant " selon le syndicat.', [["pas en avant"]]),
        ("Le maire (« un gâchis ») n'a rien ajouté.", [["un gâchis"]]),
        ("» Une fin de citation sans ouverture.", []),
    ],
    ids=["guillemets", "nbsp", "narrow-nbsp", "english", "german", "straight", "nested", "straight-inside", "two-partials", "lone-straight", "apostrophes",
         "reversed-guillemets", "straight-then-curly", "straight-spaced-inside", "straight-space-before-close", "in-parentheses", "lone-closing-guillemet"],
)
def test_marked_spans(text, expected):
    assert quoted(text) == expected


def test_multi_paragraph_convention_is_one_quote():
    text = "« Premier paragraphe.\n\n« Second paragraphe », a-t-il conclu."
    (span,) = find_marked_spans(text)
    assert [text[a:b] for a, b in span.parts] == ["Premier paragraphe.", "Second paragraphe"]
    assert span.balanced


def test_unclosed_mark_runs_to_paragraph_end_and_is_flagged():
    text = "Il a lancé : « Nous ne lâcherons rien.\n\nLe conseil se réunira mardi."
    (span,) = find_marked_spans(text)
    assert text[span.parts[0][0] : span.parts[0][1]] == "Nous ne lâcherons rien."
    assert not span.balanced


def test_dialogue_dash_paragraph():
    text = "Le match était tendu.\n\n— On va gagner, lance l'entraîneur."
    (span,) = find_marked_spans(text)
    assert span.dialogue and text[span.parts[0][0] : span.parts[0][1]] == "On va gagner, lance l'entraîneur."


@pytest.mark.parametrize(
    "text",
    ["« " * 10_000, "»" * 10_000, '"' * 10_001, "« a » » « " * 2_500, "“„‹‘" * 2_500, ""],
    ids=["openers", "closers", "straight", "mixed", "all-kinds", "empty"],
)
def test_pathological_marks_never_raise(text):
    spans = find_marked_spans(text)
    for span in spans:
        for a, b in span.parts:
            assert 0 <= a <= b <= len(text)
