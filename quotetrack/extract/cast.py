"""The article's cast: every source that can speak, with all its mentions.

After the deterministic multi-pass coreference of Stanford's CoreNLP (Raghunathan et al.,
EMNLP 2010; Lee et al., 2013): the names of the article are read once, repaired, then
merged into entities by ordered passes, the most precise first; a late pass never undoes
an early link, and every link records the pass that made it (``Link.how``).

``CAST_PASSES`` is the order, as data:

1. ``exact_name``: the same name twice (accents and capitals aside: Babis / Babiš, SYLVIE
   ARNOUX / Sylvie Arnoux);
2. ``name_parts``: a surname (Prymula), *M. / Mme* + surname, or a first name alone
   (Karima) stands for the one fuller name of the article that holds it;
3. ``acronym``: *l'Organisation mondiale de la santé (OMS)*, then *l'OMS*: an acronym and
   its expansion, either order, with or without parentheses;
4. ``apposition``: *le maire de Vannes, Loïc Le Gall,* / *Loïc Le Gall, maire de Vannes,* /
   *l'économiste Sylvie Arnoux* / *X est le porte-parole de Y*: the role becomes a
   description of that entity.

Quotes then attach to cast members (``attach.py``): a name, a part of one, an acronym, a
tied role or a definite description of an organisation named just before (*l'agence
onusienne* after the WHO) all give the entity's canonical name, the fullest proper name
the article gives.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from . import lexicon
from .cast_clues import acronym_word, body_gender, expansion, find_entity, initials, named_as_place, place_over_person, predicate, role_after, role_before
from .index import DocIndex
from .names import display_name, fuller, name_key, name_spans
from .speakers import HONORIFICS, fold

# How many paragraphs back a definite description (l'agence onusienne) looks for the
# organisation it renames: the press renames within a few paragraphs, and further back
# another body has usually been named.
DESCRIPTION_PARAGRAPHS = 2
# Fewest words of a body's name cut short that still say which body it is (Institut national
# de ...): one or two words (la Banque, la Caisse) name many bodies.
BODY_PREFIX_WORDS = 3
# Heads of descriptions that rename a body by its category (l'agence onusienne, l'organisme,
# le syndicat majoritaire, la direction): a body that is a source in itself by its function
# (le gouvernement, le parquet, la préfecture) is no renaming.
RENAMING_NOUNS = {
    "agence", "institut", "institution", "organisme", "organisation", "association", "entreprise", "groupe",
    "société", "syndicat", "fédération", "direction", "équipementier", "constructeur", "fabricant", "opérateur",
    "compagnie", "firme", "banque", "collectif", "ong", "fondation", "cabinet", "observatoire", "réseau", "enseigne",
}
# Heads of descriptions that rename an organisation or an outlet named before them.
OUTLET_NOUNS = {"quotidien", "journal", "hebdomadaire", "mensuel", "magazine", "chaîne", "radio", "site", "titre", "média", "télévision", "confrère", "confrères"}


@dataclass(frozen=True)
class Link:
    """One mention of an entity and the pass that tied it to the entity."""

    start: int
    end: int
    text: str
    how: str


@dataclass
class Entity:
    """One source of the article: its canonical name (the fullest proper name given), its
    kind (person, organization, outlet, place), gender and number where the text shows
    them, the roles the article ties to it, and every mention."""

    name: str
    kind: str = "person"
    gender: str | None = None
    number: str = "Sing"
    roles: list = field(default_factory=list)
    mentions: list = field(default_factory=list)
    body: bool = False  # an organisation the text shows as one: a recognised ORG, an acronym, a name after a noun for a body
    _words: tuple | None = field(default=None, repr=False, compare=False)

    @property
    def words(self) -> tuple[str, ...]:
        """The canonical name's words, folded; read again only when the name changes."""
        if self._words is None or self._words[0] != self.name:
            self._words = (self.name, tuple(fold(w) for w in self.name.split()))
        return self._words[1]

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions) if self.mentions else 0

    def speaker_kind(self) -> str:
        return "person" if self.kind == "person" else "organization"


class Cast:
    """The entities of one article and how their mentions were linked."""

    def __init__(self, ix: DocIndex, quoted=lambda offset: False, paragraph_of=lambda offset: 0, passes=None):
        self.ix = ix
        self.text = ix.text
        self.quoted = quoted
        self.paragraph_of = paragraph_of
        self.entities: list[Entity] = []
        self._by_words: dict[tuple, Entity] = {}
        self._spans = name_spans(ix)
        self.name_starts = {ix.tokens[a].start for a, _ in self._spans}  # where the repaired names start
        self._collect()
        for name, cast_pass in CAST_PASSES if passes is None else passes:
            cast_pass(self)
        self._index()

    # ----- building ---------------------------------------------------------------------
    def _collect(self) -> None:
        """One provisional entity per distinct name (pass ``exact_name`` merges spellings)."""
        toks = self.ix.tokens
        for a, b in self._spans:
            kind, gender = self._kind(a, b)
            labels = self.ix.entity_labels(toks[a].start, toks[b].end)
            end = self._org_end(a, b) if kind == "organization" and "ORG" in labels else toks[b].end
            name = self.text[toks[a].start : end].rstrip(".")
            if len(name) < 2:
                continue
            if kind != "person":
                gender = body_gender(toks, a)
            named_body = "ORG" in labels or acronym_word(name) or (a > 0 and toks[a - 1].upos == "NOUN")
            body = kind == "outlet" or (kind == "organization" and named_body and "LOC" not in labels)
            self._add(name, kind, gender, Link(toks[a].start, toks[b].end, name, "name_spans"), body)

    def _org_end(self, a: int, b: int) -> int:
        """Where an organisation's name ends: French names of bodies go on in lowercase
        (Organisation mondiale de la santé), as far as the recogniser's span, never over a
        verb or a punctuation mark."""
        toks = self.ix.tokens
        ents = [e for e in self.ix.entities if e.label == "ORG" and e.start == toks[a].start]
        end = toks[b].end
        if ents:
            for t in self.ix.between(toks[b].end, ents[0].end):
                if t.upos in ("VERB", "AUX", "PUNCT") or t.text.lower().replace("’", "'") in ("l'",):
                    break
                end = t.end
        return end

    def _add(self, name: str, kind: str, gender, link: Link, body: bool = False) -> Entity:
        entity = Entity(display_name(name), kind, gender, body=body)
        entity.mentions.append(link)
        self.entities.append(entity)
        return entity

    def _kind(self, a: int, b: int) -> tuple[str, str | None]:
        """person, organization, outlet or place, from the recogniser, an honorific, a first
        name and the noun before the name (le cabinet Indexa, le quotidien Le Monde)."""
        toks = self.ix.tokens
        labels = self.ix.entity_labels(toks[a].start, toks[b].end)
        before = toks[a - 1] if a else None
        honorific = HONORIFICS.get(fold(before.text)) if before is not None and fold(before.text) in HONORIFICS else None
        first = lexicon.first_name_gender(fold(toks[a].text))
        if before is not None and fold(before.text) in HONORIFICS:
            return "person", honorific
        head = _head_before(toks, a - 1).lemma.lower() if before is not None and before.upos == "NOUN" else ""
        nouns = lexicon.speaker_nouns()
        if head in OUTLET_NOUNS:
            return "outlet", None
        if head in nouns["organization"]:
            return "organization", None
        if first or (head and head in lexicon.person_nouns()):
            return "person", first
        if b == a and named_as_place(toks, a, labels):
            return "place", None
        if "PER" in labels:
            return "person", None
        if "ORG" in labels or (toks[a].text.isupper() and b == a):
            return "organization", None
        if "LOC" in labels:
            return "place", None
        several = " " in self.text[toks[a].start : toks[b].end]  # Moody's is one word
        return "person" if several else "organization", None

    def merge(self, keep: Entity, gone: Entity, how: str) -> None:
        """Fold ``gone`` into ``keep``: its mentions, relinked by ``how``, its roles; the
        canonical name is the fullest proper name of the two."""
        if keep is gone:
            return
        keep.mentions.extend(Link(m.start, m.end, m.text, how) for m in gone.mentions)
        keep.roles.extend(r for r in gone.roles if r not in keep.roles)
        keep.gender = keep.gender or gone.gender
        keep.body = keep.body or gone.body
        if how == "acronym":
            keep.kind = "outlet" if "outlet" in (keep.kind, gone.kind) else "organization"  # an acronym names a body
        elif place_over_person(keep, gone) or place_over_person(gone, keep):
            keep.kind = "place"
        elif keep.kind == "place" or (keep.kind == "organization" and gone.kind in ("person", "outlet")):
            keep.kind = gone.kind
        if fuller(gone.name, keep.name):
            keep.name = gone.name
        self.entities.remove(gone)

    def tie(self, entity: Entity, role: str, start: int, end: int) -> None:
        """A role or a description the article ties to ``entity`` (pass ``apposition``)."""
        if role and role not in entity.roles:
            entity.roles.append(role)
        entity.mentions.append(Link(start, end, self.text[start:end], "apposition"))

    def _index(self) -> None:
        self._by_words = {}
        for e in self.entities:
            for m in e.mentions:
                if m.how != "apposition":
                    self._by_words.setdefault(name_key(m.text), e)
            self._by_words.setdefault(name_key(e.name), e)
        self._roles = {}
        for e in self.entities:
            for r in e.roles:
                self._roles.setdefault(name_key(r), []).append(e)
        self._orgs = sorted(
            ((m.start, e) for e in self.entities if e.kind in ("organization", "outlet") and e.body for m in e.mentions if not self.quoted(m.start)),
            key=lambda x: x[0],
        )

    def entity_at(self, start: int) -> Entity | None:
        """The entity whose name span starts at ``start`` (the span as repaired)."""
        for e in self.entities:
            if any(m.start == start and m.how != "apposition" for m in e.mentions):
                return e
        return None

    # ----- looking up -------------------------------------------------------------------
    def by_name(self, name: str) -> Entity | None:
        """The entity a name stands for: the name itself, a part of one, an acronym; for a
        body, its name cut short by the parse (Institut national de la statistique for the
        Institut national de la statistique et des études économiques), when one body of
        the article opens with those words."""
        key = name_key(name)
        found = self._by_words.get(key)
        if found is None and len(key) >= BODY_PREFIX_WORDS:
            longer = {id(e): e for k, e in self._by_words.items() if e.body and len(k) > len(key) and k[: len(key)] == key}
            found = next(iter(longer.values())) if len(longer) == 1 else None
        return found

    def by_role(self, role: str) -> Entity | None:
        """The one entity the article tied this role to (le ministre de la Santé), or the
        one whose tied role starts with it (le ministre -> le ministre de la Santé)."""
        key = name_key(role)
        found = self._roles.get(key)
        if found and len({id(e) for e in found}) == 1:
            return found[0]
        # the description as written opens the tied role, never the reverse: la préfecture de
        # la Gironde is not the préfecture tied to someone
        matches = {id(e): e for r, es in self._roles.items() for e in es if r[: len(key)] == key}
        return next(iter(matches.values())) if len(matches) == 1 else None

    def renamed_organisation(self, head: str, at: int, gender: str | None = None) -> Entity | None:
        """The organisation a definite description renames (l'agence onusienne, le
        quotidien américain): the latest organisation or outlet named outside quotation
        marks before ``at``, within ``DESCRIPTION_PARAGRAPHS``, agreeing in gender. A body
        named once must agree visibly and stand in the description's own paragraph: further
        back, or of unknown gender, only a body the article keeps naming is renamed."""
        outlet = head in OUTLET_NOUNS
        k = bisect_left([s for s, _ in self._orgs], at)
        here = self.paragraph_of(at)
        for start, e in reversed(self._orgs[:k]):
            if here - self.paragraph_of(start) > DESCRIPTION_PARAGRAPHS:
                return None
            if outlet != (e.kind == "outlet") or len(e.name) < 2 or (gender and e.gender and e.gender != gender):
                continue
            named = sum(1 for m in e.mentions if m.how != "apposition" and not self.quoted(m.start))
            agrees = gender is not None and e.gender == gender
            if named >= 2 or (agrees and self.paragraph_of(start) == here):
                return e
            return None
        return None


def _head_before(toks, k: int):
    """The head of the noun phrase ending at toks[k], over its complements: l'association
    des commerçants X is an association's name, not a tradesman's."""
    while k >= 3 and toks[k - 1].upos == "DET" and toks[k - 2].text.lower().replace("’", "'") in ("de", "d'") and toks[k - 3].upos == "NOUN":
        k -= 3  # la fédération de la pêche
    while k >= 2 and toks[k - 1].text.lower().replace("’", "'") in ("de", "d'", "des", "du") and toks[k - 2].upos == "NOUN":
        k -= 2  # l'association des commerçants
    return toks[k]


# ----- the passes ---------------------------------------------------------------------------
def exact_name(cast: Cast) -> None:
    """The same name written twice is one entity, whatever its accents and capitals."""
    seen: dict[tuple, Entity] = {}
    for e in list(cast.entities):
        key = name_key(e.name)
        if key in seen:
            cast.merge(seen[key], e, "exact_name")
        else:
            seen[key] = e


def name_parts(cast: Cast) -> None:
    """A surname, M. / Mme + surname, or a first name alone stands for the one fuller
    person's name of the article that holds it (Prymula, Mme Benali, Karima)."""
    people = [e for e in cast.entities if e.kind in ("person",) and len(e.words) > 1]
    for e in list(cast.entities):
        if len(e.words) > 1 and e.kind != "person":
            continue
        words = set(e.words)
        fuller = [p for p in people if p is not e and len(p.words) > len(e.words) and words <= set(p.words)]
        if len(e.words) == 1:
            # the surname ends a name; a first name alone opens one
            last = [p for p in fuller if p.words[-1] == e.words[0]]
            # a first name alone, for the one person of the article it opens the name of
            opening = [p for p in fuller if p.words[0] == e.words[0] and (lexicon.is_first_name(fold(e.name)) or e.kind == "person")]
            fuller = last or opening
        if len({id(p) for p in fuller}) == 1 and fuller[0] in cast.entities:
            cast.merge(fuller[0], e, "name_parts")


def acronym(cast: Cast) -> None:
    """An acronym and its expansion are one entity: L'Organisation mondiale de la santé
    (OMS) ... l'OMS; the expansion, written in full once, is the canonical name."""
    toks = cast.ix.tokens
    for k in range(1, len(toks) - 1):
        word = toks[k].text
        # in parentheses, an acronym read as a word may be written in lower case (Insee, Unédic):
        # the initials of the words before it decide
        if toks[k - 1].text != "(" or toks[k + 1].text != ")" or not (acronym_word(word) or (word[:1].isupper() and word.isalpha() and len(word) <= 8)):
            continue
        written = expansion(cast, k - 1, toks[k].text)
        if written is None:
            continue
        short = find_entity(cast, toks[k].text)
        full = find_entity(cast, written[2])
        if full is None:
            full = cast._add(written[2], "organization", None, Link(written[0], written[1], written[2], "acronym"), True)
        full.body = True
        if short is not None and short is not full:
            cast.merge(full, short, "acronym")
            if fuller(written[2], full.name):
                full.name = written[2]
    # without parentheses: an acronym whose letters open the words of a named body
    for e in list(cast.entities):
        if e not in cast.entities or not acronym_word(e.name):
            continue
        matches = [o for o in cast.entities if o is not e and len(o.words) > 1 and initials(o.name) == e.name.lower()]
        if len(matches) == 1:
            cast.merge(matches[0], e, "acronym")


def apposition(cast: Cast) -> None:
    """Roles tied to a name by the press's constructions: ROLE, NAME (le maire de Vannes,
    Loïc Le Gall) / NAME, [age,] ROLE, (Sandrine Morel, 52 ans, opératrice) / DET ROLE
    NAME (l'économiste Sylvie Arnoux) / NAME est le ROLE (X est le porte-parole de Y)."""
    toks = cast.ix.tokens
    starts = {}
    for e in cast.entities:
        for m in e.mentions:
            starts.setdefault(m.start, (e, m))
    for a, b in cast._spans:
        found = starts.get(toks[a].start)
        if found is None or cast.quoted(toks[a].start):
            continue
        entity, _ = found
        if entity.kind not in ("person", "organization", "outlet"):
            continue
        for role in (role_before(cast, a), role_after(cast, b), predicate(cast, b)):
            if role is not None:
                cast.tie(entity, *role)


CAST_PASSES = (
    ("exact_name", exact_name),
    ("name_parts", name_parts),
    ("acronym", acronym),
    ("apposition", apposition),
)
