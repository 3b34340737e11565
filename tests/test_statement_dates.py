"""The date of a statement from the time expression of its cue's clause.

Each sentence marks the quoted words with [[ ]] and the cue with {{ }}; the markers are
removed and their offsets become the quote's parts and cue span, as extraction gives them.
The publication date is Friday 8 March 2024 unless a case says otherwise.
"""

from __future__ import annotations

import re

import pytest

from quotetrack.extract.statement_dates import StatementDate, statement_date

FRIDAY = "2024-03-08"


def marked(sentence: str):
    """(text, parts, cue_start, cue_end) from a sentence with [[quote]] and {{cue}} marks."""
    text, parts, cue, offset = "", [], (None, None), 0
    for piece in re.split(r"(\[\[|\]\]|\{\{|\}\})", sentence):
        if piece == "[[":
            opened = len(text)
        elif piece == "]]":
            parts.append((opened, len(text)))
        elif piece == "{{":
            cue_open = len(text)
        elif piece == "}}":
            cue = (cue_open, len(text))
        else:
            text += piece
    return text, tuple(parts), cue[0], cue[1]


@pytest.mark.parametrize(
    "sentence, published, expected",
    [
        ("« [[Nous partirons]] », a {{déclaré}} hier le ministre.", FRIDAY, ("2024-03-07", "text", "hier")),
        ("« [[Nous partirons]] », a {{déclaré}} avant-hier le ministre.", FRIDAY, ("2024-03-06", "text", "avant-hier")),
        ("« [[Le budget tiendra]] », a {{affirmé}} ce matin la maire de Rennes.", FRIDAY, ("2024-03-08", "text", "ce matin")),
        ("Lundi, le ministre a {{déclaré}} que [[la réforme attendrait]].", FRIDAY, ("2024-03-04", "text", "Lundi")),
        ("« [[Rien n'est joué]] », a {{estimé}} mardi dernier la sénatrice.", FRIDAY, ("2024-03-05", "text", "mardi dernier")),
        ("« [[Rien n'est joué]] », a {{estimé}} vendredi la sénatrice.", FRIDAY, ("2024-03-08", "text", "vendredi")),
        ("« [[Rien n'est joué]] », a {{estimé}} vendredi dernier la sénatrice.", FRIDAY, ("2024-03-01", "text", "vendredi dernier")),
        ("« [[Nous tiendrons]] », a-t-elle {{assuré}} jeudi soir devant les élus.", FRIDAY, ("2024-03-07", "text", "jeudi soir")),
        ("Le ministre a {{annoncé}} ce mercredi que [[les crédits seraient débloqués]].", FRIDAY, ("2024-03-06", "text", "ce mercredi")),
        ("Elle l'a {{affirmé}} lors de sa conférence de presse de jeudi : [[la grève continue]].", FRIDAY, ("2024-03-07", "text", "jeudi")),
        ("« [[La ligne rouvrira]] », a-t-il {{annoncé}} le 3 mars.", FRIDAY, ("2024-03-03", "text", "le 3 mars")),
        ("« [[La ligne rouvrira]] », a-t-il {{annoncé}} le 3 mars 2023.", FRIDAY, ("2023-03-03", "text", "le 3 mars 2023")),
        ("« [[La ligne rouvrira]] », a-t-il {{annoncé}} le 12 mars.", FRIDAY, ("2023-03-12", "text", "le 12 mars")),
        ("Le 1er mars, la ministre a {{déclaré}} que [[les crédits seraient gelés]].", FRIDAY, ("2024-03-01", "text", "Le 1er mars")),
        ("« [[On ne lâchera rien]] », avait {{lancé}} la semaine dernière le syndicat.", FRIDAY, ("2024-02-26", "text", "la semaine dernière")),
        ("« [[On ne lâchera rien]] », avait {{lancé}} il y a deux jours le syndicat.", FRIDAY, ("2024-03-06", "text", "il y a deux jours")),
        ("« [[Tout est prêt]] », a {{déclaré}} M. Dupont hier soir.", FRIDAY, ("2024-03-07", "text", "hier soir")),
        # the time words of the quote itself, of a relative clause, of the next clause
        # or sentence, or of a future event do not date the statement
        ("« [[Hier, nous avons perdu]] », a {{reconnu}} l'entraîneur.", FRIDAY, ("2024-03-08", "article", None)),
        ("Le préfet, qui était à Lyon lundi, a {{indiqué}} que [[la route restait fermée]].", FRIDAY, ("2024-03-08", "article", None)),
        ("« [[Je reste]] », a {{dit}} le maire, dont le mandat s'achève le 20 mars.", FRIDAY, ("2024-03-08", "article", None)),
        ("« [[Je reste]] », a {{dit}} le maire. Hier, il pleuvait sur la ville.", FRIDAY, ("2024-03-08", "article", None)),
        ("« [[Nous voterons]] », a {{annoncé}} le député pour vendredi prochain.", FRIDAY, ("2024-03-08", "article", None)),
        ("« [[Nous voterons]] », a {{annoncé}} le député. « [[Lundi, nous verrons]] », a-t-il ajouté.", FRIDAY, ("2024-03-08", "article", None)),
        # without a publication date: relative expressions stay as written, unresolved
        ("« [[Nous partirons]] », a {{déclaré}} hier le ministre.", None, (None, "text", "hier")),
        ("« [[La ligne rouvrira]] », a-t-il {{annoncé}} le 3 mars.", None, (None, "text", "le 3 mars")),
        ("« [[La ligne rouvrira]] », a-t-il {{annoncé}} le 3 mars 2024.", None, ("2024-03-03", "text", "le 3 mars 2024")),
        ("« [[La ligne rouvrira]] », a-t-il {{annoncé}}.", None, (None, None, None)),
        # no cue: nothing to attach an expression to
        ("Hier, [[la ligne rouvrira]].", FRIDAY, ("2024-03-08", "article", None)),
        # a month boundary and a leap year
        ("« [[Rien ne change]] », a {{dit}} hier le maire.", "2024-03-01", ("2024-02-29", "text", "hier")),
        ("« [[Rien ne change]] », a {{dit}} le 29 février le maire.", "2025-01-10", ("2024-02-29", "text", "le 29 février")),
    ],
)
def test_statement_date(sentence, published, expected):
    text, parts, cue_start, cue_end = marked(sentence)
    assert statement_date(text, parts, cue_start, cue_end, published) == StatementDate(*expected)
