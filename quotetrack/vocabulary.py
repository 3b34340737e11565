"""What a French reader is shown: one word list for sheets, tables and messages.

The database, ``--format json`` and programs keep the stable English identifiers
(``direct``, ``misattributed``, ``said_on``); everything a person reads (sheets, the
``table`` format of ``quotes``, ``search``, ``reviews``, ``show``, ``verify``) goes
through these labels, so one word is translated once and the same way everywhere.
Reasons have their own list beside the sieves that write them
(``quotetrack.extract.reasons.describe_reason``).
"""

from __future__ import annotations

from .extract.reasons import describe_reason

KINDS = {"direct": "directe", "partial": "partielle", "indirect": "indirecte"}
STATUSES = {
    "unreviewed": "non vérifiée", "confirmed": "confirmée", "misattributed": "mal attribuée",
    "disputed": "contestée", "rejected": "pas une citation", "corrected": "corrigée",
}  # fmt: skip
SPEAKER_KINDS = {"person": "personne", "organization": "organisation", "outlet": "média",
                 "anonymous": "source anonyme", "group": "groupe", "unknown": "inconnu"}  # fmt: skip
# schema.org ClaimReview ratings (``alternateName``), shown by readers of the review.
RATINGS = {"confirmed": "Attribution correcte", "misattributed": "Mal attribuée", "disputed": "Contestée",
           "rejected": "Pas une citation", "corrected": "Corrigée"}  # fmt: skip
FILTERS = {"speaker": "Locuteur", "since": "Depuis", "until": "Jusqu'au", "source": "Média",
           "kind": "Type", "status": "Statut", "limit": "Limite"}  # fmt: skip
FLAGS = {"orphaned": "orpheline"}
# Verdicts of ``quotetrack verify``: identifier -> the start of the sentence a reader gets.
VERDICTS = {"exact": "Citation exacte", "abridged": "Citation abrégée (coupes marquées)",
            "altered": "Citation modifiée", "misattributed": "Citation mal attribuée",
            "unattributed": "Citation trouvée, locuteur non identifié",
            "not found": "Citation introuvable"}  # fmt: skip
# Word-level diff operations of ``verify``.
DIFF_OPS = {"changed": "modifié", "added": "ajouté", "removed": "retiré", "omitted": "coupé"}
# Column headers of the tables printed for people.
COLUMNS = {
    "id": "id", "kind": "type", "speaker": "locuteur", "cue": "verbe", "text": "citation",
    "said_on": "date", "source": "média", "title": "article", "status": "statut", "flag": "signal",
    "notes": "notes", "reviewed_by": "vérifiée par", "name": "nom", "role": "fonction",
    "quotes": "citations", "first": "première", "last": "dernière", "reason": "raison",
    "confidence": "confiance", "said_on_text": "date dans le texte", "said_on_source": "date tirée de",
    "article": "article", "keep": "garder", "merge": "fusionner", "score": "score", "evidence": "indices",
    "keep_id": "id gardé", "merge_id": "id fusionné", "speaker_id": "id locuteur",
}  # fmt: skip
# Words a person may type for an identifier, besides the identifier and its label above
# (compared folded: accents, case and hyphens aside). ``parse_*`` below read them.
_TYPED = {
    "status": {"rejetee": "rejected", "rejete": "rejected", "non verifie": "unreviewed", "confirme": "confirmed",
               "conteste": "disputed", "mal attribue": "misattributed", "corrige": "corrected"},
    "speaker_kind": {"organisation": "organization", "media": "outlet", "anonyme": "anonymous",
                     "anonymous source": "anonymous", "organization": "organization", "groupe": "group"},
    "kind": {"direct": "direct", "partiel": "partial", "indirect": "indirect"},
    "verdict": {"exacte": "exact", "abregee": "abridged", "modifiee": "altered", "mal attribuee": "misattributed",
                "introuvable": "not found", "locuteur non identifie": "unattributed", "non attribuee": "unattributed"},
}  # fmt: skip


class UnknownWord(ValueError):
    """A typed status, kind or verdict that is none of the identifiers or their French labels."""
# The fields a review changes, as ``review`` reports them.
FIELDS = {"status": "statut", "notes": "note", "text": "texte", "speaker": "locuteur"}
# Which vocabulary translates the values of a column.
_VALUES = {"kind": KINDS, "status": STATUSES, "flag": FLAGS, "speaker_kind": SPEAKER_KINDS}


def _folded(text: str) -> str:
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.replace("-", " ").replace("_", " ").casefold().split())


def parse_word(vocabulary: dict, typed: str, what: str, extra: dict | None = None) -> str:
    """The identifier a person meant: the identifier itself or its French label, in
    either language, accents and case aside (« confirmée », « Confirmee », « confirmed »).
    Raises ``UnknownWord`` with the French choices."""
    wanted = _folded(str(typed))
    known = {_folded(identifier): identifier for identifier in vocabulary}
    known.update({_folded(shown): identifier for identifier, shown in vocabulary.items()})
    known.update({_folded(word): identifier for word, identifier in (extra or {}).items()})
    if wanted in known:
        return known[wanted]
    choices = ", ".join(f"{shown} ({identifier})" for identifier, shown in vocabulary.items())
    raise UnknownWord(f"« {typed} » : {what} inconnu ; au choix : {choices}")


def parse_status(typed: str) -> str:
    """``confirmée``, ``confirmee`` or ``confirmed`` -> ``confirmed``."""
    return parse_word(STATUSES, typed, "statut", _TYPED["status"])


def parse_speaker_kind(typed: str) -> str:
    """``personne``/``person``, ``organisation``/``organization``, ``média``/``outlet``, ``anonyme``/``anonymous``."""
    return parse_word(SPEAKER_KINDS, typed, "type de locuteur", _TYPED["speaker_kind"])


def parse_kind(typed: str) -> str:
    """``directe``/``direct``, ``partielle``/``partial``, ``indirecte``/``indirect``."""
    return parse_word(KINDS, typed, "type de citation", _TYPED["kind"])


def parse_verdict(typed: str) -> str:
    return parse_word(VERDICTS, typed, "verdict", _TYPED["verdict"])


def label(vocabulary: dict, value):
    """``value``'s French label in ``vocabulary``; an unknown value as it is (never lost)."""
    return vocabulary.get(value, value) if value is not None else None


def kind(value) -> str | None:
    return label(KINDS, value)


def status(value) -> str | None:
    return label(STATUSES, value or "unreviewed")


def speaker_kind(value) -> str | None:
    return label(SPEAKER_KINDS, value)


def reason(value) -> str:
    return describe_reason(value)


def is_corrected(quote: dict) -> bool:
    """A reviewer changed the words or the speaker (or said the quote is corrected)."""
    return quote.get("original_text") is not None or bool(quote.get("reattributed")) or quote.get("status") == "corrected"


def attribution_reason(quote: dict) -> str:
    """Why a quote reads as it does: the review for a corrected quote (the extraction's
    reason is that of the wrong version), else the extraction's reason in French."""
    if not is_corrected(quote):
        return describe_reason(quote.get("reason"))
    who = ", ".join(part for part in (quote.get("reviewed_by"), (quote.get("reviewed_at") or "")[:10]) if part)
    return f"corrigée par la vérification ({who})" if who else "corrigée par la vérification"


def for_reader(rows, columns, vocabularies: dict | None = None) -> tuple[list[dict], list[str]]:
    """Rows and columns of a table for people: French headers, French values.

    ``rows`` keep their identifiers for programs; this returns translated copies keyed
    by the French header, with the list of headers in the same order as ``columns``.
    ``vocabularies`` overrides which list translates a column (a speaker's ``kind``).
    """
    chosen = {**_VALUES, **(vocabularies or {})}
    headers = [COLUMNS.get(column, column) for column in columns]
    translated = []
    for row in rows:
        out = {}
        for column, header in zip(columns, headers):
            value = row.get(column)
            if column in chosen:
                value = label(chosen[column], value)
            elif column == "reason":
                value = describe_reason(value)
            out[header] = value
        translated.append(out)
    return translated, headers


def limits_for_reader(limits: dict) -> dict:
    """Column width limits keyed like ``for_reader``'s headers."""
    return {COLUMNS.get(column, column): width for column, width in limits.items()}


# ----- the web interface (quotetrack serve) --------------------------------------------------
# What a reviewer did, as the browser names each status (the identifiers stay those above).
REVIEW_ACTIONS = {
    "unreviewed": "à vérifier", "confirmed": "confirmée", "rejected": "rejetée — pas une citation",
    "misattributed": "locuteur corrigé", "corrected": "texte corrigé", "disputed": "contestée",
}  # fmt: skip
# The database's other columns and the canned queries' parameters, as a table header shows them.
DATA_COLUMNS = {
    "article_id": "article", "speaker_id": "locuteur", "speaker_kind": "type de locuteur",
    "speaker_role": "fonction du locuteur", "url": "adresse", "context": "phrase", "parts": "morceaux",
    "start": "début", "end": "fin", "cue_lemma": "verbe (infinitif)", "speaker_mention": "mention du locuteur",
    "speaker_start": "début de la mention", "speaker_end": "fin de la mention", "paragraph": "paragraphe",
    "reviewed_at": "vérifiée le", "original_text": "texte extrait", "original_speaker": "locuteur extrait",
    "original_speaker_id": "locuteur extrait", "reattributed": "réattribuée", "orphaned_from": "orpheline de",
    "text_key": "empreinte", "author": "auteur", "published": "publié le", "lang": "langue",
    "path": "fichier", "engine": "analyseur", "engine_version": "version de l'analyseur",
    "indexed_at": "indexé le", "wikidata_id": "Wikidata", "alias": "autre nom", "key": "clé",
    "last_key": "clé du nom de famille", "quote_id": "citation", "field": "champ",
    "old_value": "avant", "new_value": "après", "reviewer": "vérificateur", "logged_at": "quand",
    "action": "action", "rowid": "ligne", "mots": "mots", "locuteur": "locuteur", "depuis": "depuis",
    "jusqu_au": "jusqu'au", "citation": "citation", "media": "média", "statut": "statut", "type": "type",
    "confiance": "confiance", "raison": "raison", "date": "date", "id": "identifiant", "mois": "mois",
    "said_on_source": "date tirée de", "said_on_text": "date dans le texte", "count": "nombre",
    "nom": "nom", "type_de_locuteur": "type de locuteur", "fonction": "fonction", "citations": "citations",
    "premiere": "première", "derniere": "dernière",
}  # fmt: skip
# Who wrote a line of the review log.
LOG_ACTIONS = {"review": "vérification", "carried": "reprise à la réindexation",
               "orphaned": "orpheline à la réindexation", "merge": "fusion de locuteurs"}  # fmt: skip
# Which list names the values of a column, by the column's name in any table or query.
VALUE_LABELS = {"kind": KINDS, "type": KINDS, "status": REVIEW_ACTIONS, "statut": REVIEW_ACTIONS,
                "speaker_kind": SPEAKER_KINDS, "action": LOG_ACTIONS}  # fmt: skip
# A table's own lists, where a column name means something else (a speaker's kind).
TABLE_VALUE_LABELS = {("speakers", "kind"): SPEAKER_KINDS}


def column_label(column: str) -> str:
    """A column's French header: the CLI's word where it has one, else the database's."""
    return DATA_COLUMNS.get(column) if column in DATA_COLUMNS and column not in COLUMNS else COLUMNS.get(column, column)


def review_action(value) -> str:
    """A status as the browser names it: what the reviewer did."""
    return label(REVIEW_ACTIONS, value or "unreviewed")
