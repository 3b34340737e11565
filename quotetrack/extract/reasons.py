"""Why a quote was attributed as it was: stable identifiers for programs, French for readers.

Every record's ``reason`` is a ``"; "``-separated list of the identifiers of the sieves and
steps that decided it (``incise_after; pronoun_antecedent``). Programs read the identifiers
(``--format json``, the database); sheets and tables show ``describe_reason(reason)``.
Reasons stored by earlier versions, written in English, are translated too.
"""

from __future__ import annotations

SEPARATOR = "; "

# identifier -> what a French reader is told
LABELS = {
    # how the quoted words were found
    "multi_paragraph": "citation sur plusieurs paragraphes",
    "unbalanced_marks": "guillemets non refermés",
    "dialogue_dash": "tiret de dialogue",
    # quote -> mention sieves (the cue and the mention it attaches to)
    "incise_between_parts": "incise entre deux parties de la citation",
    "incise_inside_marks": "incise à l'intérieur des guillemets",
    "incise_after": "incise après la citation",
    "speaker_named_after": "« Ce constat, c'est celui de X », « La phrase, lâchée par X » : le locuteur nommé après la citation",
    "incise_no_comma": "incise sans virgule après la citation",
    "cue_governs_fragment": "verbe de parole suivi du fragment cité",
    "cue_before": "verbe de parole avant la citation",
    "frame_before": "« selon » ou « d'après » avant la citation",
    "frame_after": "« selon » ou « d'après » après la citation",
    "name_colon": "nom suivi de deux-points",
    "speech_noun_colon": "« Réponse de X : » : le locuteur nommé après un nom de parole",
    "colon_clause": "deux-points après une phrase dont le sujet parle",
    "previous_paragraph_colon": "annoncée par le paragraphe précédent",
    "previous_sentence_subject": "citation isolée après une phrase dont le sujet parle",
    "sentence_subject": "fragment cité dans une phrase dont le sujet parle",
    "incise_end_of_sentence": "incise en fin de phrase",
    "headline_from_body": "titre repris du corps de l'article",
    # reported speech without marks
    "que_clause": "discours indirect (verbe de parole + que)",
    "narrative_infinitive": "« Et d'ajouter que » : la suite des propos du locuteur précédent",
    "infinitive_clause": "discours indirect (verbe de parole + infinitif)",
    "statement_incise": "déclaration suivie d'une incise",
    "frame_statement": "« selon X », déclaration",
    "inside_indirect": "fragment cité dans un discours indirect",
    "interview_answer": "réponse d'un entretien en questions et réponses",
    "embedded_post": "message d'un réseau social reproduit dans l'article, signé du nom et du compte de son auteur",
    # mention -> speaker sieves
    "named_speaker": "locuteur nommé",
    "description_to_person": "description rapportée à la personne nommée plus haut",
    "pronoun_antecedent": "pronom rapporté au locuteur précédent",
    "anonymous_source": "source anonyme",
    "continues_speaker": "sans verbe de parole, suite des propos du locuteur précédent",
    "same_source": "« de même source » : la source citée juste avant",
    "impersonal": "« assure-t-on à Matignon » : le lieu ou la source que désigne le « on »",
    "no_speaker": "sans verbe de parole, locuteur inconnu",
    # the article's cast (cast.py): how the speaker was tied to its canonical name
    "cast_name": "nom rapporté à sa forme la plus complète dans l'article",
    "cast_name_repair": "nom réparé (sans le verbe qui le suivait)",
    "cast_role": "fonction rapportée à la personne que l'article lui associe",
    "cast_description": "désignation rapportée à l'organisation nommée juste avant",
}

# The English reasons of quotetrack 0.1, as databases made by it still hold them.
LEGACY = {
    "quote over several paragraphs": "multi_paragraph",
    "incise between two parts": "incise_between_parts",
    "incise after quote": "incise_after",
    "cue before quote": "cue_before",
    "name and colon": "name_colon",
    "incise at the end of the sentence": "incise_end_of_sentence",
    "unbalanced quotation marks": "unbalanced_marks",
    "incise inside the quotation marks": "incise_inside_marks",
    "statement followed by an incise": "statement_incise",
    "que-clause of a reporting verb": "que_clause",
    "no cue; speaker unknown": "no_speaker",
}


def _legacy(part: str) -> str:
    if part in LEGACY:
        return LEGACY[part]
    if part.endswith(" frame"):
        return "frame_before"
    if part.endswith(" X, statement"):
        return "frame_statement"
    if part.startswith("continues "):
        return "continues_speaker"
    if " -> " in part:
        return "pronoun_antecedent" if part.split(" -> ")[0] in ("il", "elle", "ils", "elles") else "description_to_person"
    return part


def reason_ids(reason: str | None) -> list[str]:
    """The identifiers of a stored reason, legacy English ones translated, in order, once each."""
    if not reason:
        return []
    # 0.1 wrote two reasons with a semicolon inside them
    reason = reason.replace("no cue; speaker unknown", "no_speaker").replace("no cue; continues ", "continues ")
    return list(dict.fromkeys(_legacy(p.strip()) for p in reason.split(";") if p.strip()))


def describe_reason(reason: str | None) -> str:
    """The reason in French, for a reader: ``incise_after; pronoun_antecedent`` ->
    ``incise après la citation ; pronom rapporté au locuteur précédent``."""
    return " ; ".join(LABELS.get(i, i) for i in reason_ids(reason))
