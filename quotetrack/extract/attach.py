"""Quotes attach to cast members: the speaker a sieve found, as the entity the article names.

A sieve finds the words that speak (« le ministre », « Prymula », « La CGT revendique »); the
cast (``cast.py``) knows whom they stand for. ``attach`` tries ``ATTACH_STEPS`` in order: the
name itself, the name cut from a verb the tagger ran into it, a role the article tied to one
person, a definite description that renames the body named just before. The stored speaker
is then the entity's canonical name, its role the tied one, and the words as written stay
among its aliases.
"""

from __future__ import annotations

from .cast import OUTLET_NOUNS, RENAMING_NOUNS, Cast
from .verbs import reporting_lemma
from .names import capitalised, name_key
from .speakers import Speaker, fold


def _lead_name(mention) -> str | None:
    """A name overrun by a verb after it (La CGT revendique de son côté -> CGT): the run of
    capitalised words before the first verb of the mention."""
    if mention is None:
        return None
    toks = [t for t in mention.tokens if not (t.upos == "DET" and t is mention.tokens[0])]
    k = 0
    while k < len(toks) and capitalised(toks[k]):
        k += 1
    if 0 < k < len(toks) and toks[k].text[:1].islower() and (toks[k].upos in ("VERB", "AUX") or reporting_lemma(toks[k])):
        return " ".join(t.text for t in toks[:k])  # (a reporting verb the tagger took for a noun)
    return None


def _bare_description(name: str) -> str | None:
    """The head of a description that names no one in it (l'agence onusienne, le syndicat
    majoritaire -> agence, syndicat), else None (la préfecture du Rhône is a source itself)."""
    words = name.split()
    if not words or any(w[:1].isupper() for w in words) or any(fold(w) in ("de", "du", "des", "d'") or fold(w).startswith("d'") for w in words):
        return None
    head = fold(words[0])
    return head if head in RENAMING_NOUNS or head in OUTLET_NOUNS else None


# How a speaker finds its cast member, in order; each can be switched off (``eval --without``).
ATTACH_STEPS = ("cast_name", "cast_name_repair", "cast_role", "cast_description")


def attach(cast: Cast, speaker: Speaker, mention, without=frozenset()) -> tuple[Speaker, str] | None:
    """The speaker as the cast member it stands for, and the pass that found it; None when
    the speaker is no cast member (an anonymous source stays as described)."""
    if speaker is None or not speaker.name:
        return None
    name = speaker.name
    entity, how = None, ""
    if (name[:1].isupper() or speaker.role != name or speaker.kind != "person") and "cast_name" not in without:
        entity, how = cast.by_name(name), "cast_name"
    if entity is None and _lead_name(mention) and "cast_name_repair" not in without:
        entity, how = cast.by_name(_lead_name(mention)), "cast_name_repair"
    head = next((t for t in mention.tokens if t.upos == "NOUN"), None) if mention is not None else None
    single = head.feats.get("Number") != "Plur" if head is not None else speaker.number != "Plur"  # leur entraîneur is one
    describes = name[:1].islower() and speaker.kind in ("person", "organization") and single
    if entity is None and describes and "cast_role" not in without:
        entity, how = cast.by_role(name), "cast_role"
    renaming = _bare_description(name) if describes and "cast_description" not in without else None
    if entity is None and mention is not None and renaming is not None:
        gender = head.feats.get("Gender") if head is not None else None
        entity, how = cast.renamed_organisation(renaming, mention.start, gender), "cast_description"
    if entity is None:
        return None
    if entity.kind == "place" and speaker.kind == "person" and name_key(entity.name) == name_key(name):
        # a place is no person: it speaks for its authorities (le Kazakhstan, Ploërmel)
        return Speaker(name, "organization", speaker.role, None, speaker.number, set(speaker.aliases)), how
    if entity.kind == "place" and speaker.kind == "person":
        return None
    if name_key(entity.name) == name_key(name):  # the same name (a title keeps its article: Le Télégramme)
        if entity.kind == "place" or entity.speaker_kind() == speaker.kind:
            return None
        return Speaker(name, entity.speaker_kind(), speaker.role, speaker.gender, speaker.number, set(speaker.aliases)), how
    role = speaker.role if speaker.role and speaker.role != entity.name else (name if how in ("cast_role", "cast_description") else None)
    if role is None and entity.roles:
        role = entity.roles[0]
    kind = entity.speaker_kind() if entity.kind != "place" else speaker.kind
    if entity.name == speaker.name and kind == speaker.kind:
        return None
    aliases = set(speaker.aliases) | {speaker.name}
    return Speaker(entity.name, kind, role, speaker.gender or entity.gender, speaker.number, aliases), how
