"""The article's cast: its passes on sentences of our own (constructions_cast.py), and the
speakers list a newsroom reads after indexing (issue 21's check), over every construction table."""

import pytest

from constructions import CASES as BASE_CASES
from constructions_cast import CASES
from constructions_sieves import CASES as SIEVE_CASES
from quotetrack.extract import extract_quotes
from quotetrack.extract.cast import Cast
from quotetrack.extract.names import name_key, name_spans
from quotetrack.extract.index import DocIndex
from quotetrack.extract.speakers import PARTICLES
from test_extract import assert_extracts


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_cast_construction(case, spacy_engine):
    assert_extracts(case, spacy_engine)


@pytest.mark.parametrize(
    "text, name",
    [
        ("Assis devant sa ferme, Paul Mercadier compte ses bêtes.", "Paul Mercadier"),
        ("Réplique de Jeanne Orsini, qui préside le groupe.", "Jeanne Orsini"),
        ("La CFDT revendique de son côté 2 000 adhérents.", "CFDT"),
    ],
)
def test_name_spans_are_repaired(text, name, spacy_engine):
    """A name is never a sentence-initial common word nor a verb after the name."""
    ix = DocIndex(spacy_engine.parse(text))
    names = [ix.text[ix.tokens[a].start : ix.tokens[b].end] for a, b in name_spans(ix)]
    assert name in names and all(n in (name,) or n.split()[0] not in ("Assis", "Réplique") for n in names), names


@pytest.mark.parametrize(
    "text, short, full",
    [
        ("L'Office national des forêts (ONF) a répondu. L'ONF confirme.", "ONF", "Office national des forêts"),
        ("Le ministre, Karel Dvořák, a parlé. M. Dvorak a ensuite quitté la salle.", "M. Dvorak", "Karel Dvořák"),
    ],
)
def test_cast_links_names(text, short, full, spacy_engine):
    cast = Cast(DocIndex(spacy_engine.parse(text)))
    entity = cast.by_name(short)
    assert entity is not None and name_key(entity.name) == name_key(full), [(e.name, e.mentions) for e in cast.entities]


def _speaker_problems(text, quotes, cast=None) -> list[str]:
    """What the speakers list must not hold (issue 21, Done when): a name with a verb or a
    trailing lowercase word, a first-name-only or surname-only duplicate of a full name of
    the same article, a place or an outlet the article's cast reads as such typed person."""
    problems = []
    for q in quotes:
        member = cast.by_name(q.speaker) if cast is not None and q.speaker and q.speaker_kind == "person" else None
        if member is not None and member.kind in ("place", "outlet"):
            problems.append(f"{member.kind} typed person: {q.speaker}")
    people = {q.speaker for q in quotes if q.speaker and q.speaker_kind == "person" and q.speaker[:1].isupper()}
    for name in people:
        words = name.split()
        if len(words) > 1 and words[-1][:1].islower() and words[-1].lower() not in PARTICLES:
            problems.append(f"trailing lowercase word: {name}")
        if len(words) == 1 and any(len(o.split()) > 1 and words[0] in o.split() for o in people):
            problems.append(f"part of a full name: {name}")
    return problems


ALL = BASE_CASES + SIEVE_CASES + CASES


def test_speakers_list(spacy_engine):
    """After extraction over every construction table, the speakers are clean names."""
    problems = []
    for case in ALL:
        doc = spacy_engine.parse(case.text)
        quotes = extract_quotes(doc)
        problems += [f"{case.id}: {p}" for p in _speaker_problems(case.text, quotes, Cast(DocIndex(doc)))]
    assert not problems, problems


@pytest.mark.parametrize(
    "text",
    [
        "Le Kazakhstan a démenti toute livraison d'armes, a affirmé Astana. « Rien n'a été livré », insiste le Kazakhstan.",
        "La Norvège ferme ses ports. « La décision est temporaire », précise la Norvège.",
    ],
)
def test_a_place_is_no_person(text, spacy_engine):
    """A place that speaks is typed as the body it stands for, never as a person."""
    quotes = extract_quotes(spacy_engine.parse(text))
    assert quotes and all(q.speaker_kind != "person" for q in quotes if q.speaker), [(q.speaker, q.speaker_kind) for q in quotes]


@pytest.mark.parametrize(
    "word, gender",
    [("anne-laure", "Fem"), ("pierre-alain", "Masc"), ("jean-marie", "Masc"), ("dumont-rey", None), ("saint-malo", None)],
)
def test_a_compound_first_name_takes_the_gender_of_its_first_part(word, gender):
    from quotetrack.extract import lexicon

    assert lexicon.first_name_gender(word) == gender


@pytest.mark.parametrize(
    "text, name",
    [
        ("Le maire de Kerbriac a présenté le budget. Les habitants de Kerbriac paieront moins d'impôts.", "Kerbriac"),
        ("Les villages craignent de devenir des « quartiers » de Montvallon. Le syndic de Montvallon-sur-Orbe, Jean Favre, défend le projet.", "Montvallon"),
        ("Le cortège est parti à 10 heures de la gare. Il a rejoint Vernolles en fin de matinée, puis s'est dispersé à Vernolles.", "Vernolles"),
    ],
)
def test_a_one_word_name_the_sentence_shows_as_a_place_is_a_place(text, name, spacy_engine):
    """le maire de X, les quartiers de X, à X: a place, which no pronoun stands for and
    which the speakers list never types as a person."""
    member = Cast(DocIndex(spacy_engine.parse(text))).by_name(name)
    assert member is not None and member.kind == "place", member


@pytest.mark.parametrize(
    "text, name",
    [
        ("Le loyer a doublé, selon l'association des commerçants Cœur de Lys.", "Cœur de Lys"),
        ("La fédération des parents d'élèves Rivages Bleus a écrit au recteur.", "Rivages Bleus"),
    ],
)
def test_a_name_after_a_body_and_its_complement_is_the_bodys(text, name, spacy_engine):
    """l'association des commerçants X: X names the association, not a tradesman."""
    member = Cast(DocIndex(spacy_engine.parse(text))).by_name(name)
    assert member is not None and member.kind == "organization", member


@pytest.mark.parametrize(
    "text",
    ["Trois associations affirment que le projet menace la nappe phréatique.", "Deux syndicats estiment que la réforme va trop loin."],
)
def test_a_group_opened_by_a_number_is_anonymous_and_lower_case(text, spacy_engine):
    (quote,) = extract_quotes(spacy_engine.parse(text))
    assert quote.speaker_kind == "anonymous" and quote.speaker[:1].islower(), (quote.speaker, quote.speaker_kind)


def test_eval_cast_resolves_a_pronoun_and_the_same_source_through_the_chain_of_quotes(spacy_engine):
    """eval --cast reads a mention as the extraction does: « ... », précise-t-il after the
    ministry's words is the ministry, and "de même source" the source just quoted."""
    from quotetrack.extract import resolve_mentions

    text = (
        "Le directeur, Paul Vigier, a quitté la réunion. « Quatre drones ont été abattus », rapporte le ministère de la Défense. "
        "« Aucune victime n'est à déplorer », précise-t-il. La zone reste fermée, a-t-on appris de même source."
    )
    il = text.index("-il") + 1
    same = text.index("de même source")
    names = resolve_mentions(spacy_engine.parse(text), [(il, il + 2), (same, same + len("de même source"))])
    assert names == ["ministère de la Défense", "ministère de la Défense"], names


@pytest.mark.parametrize(
    "text, name",
    [
        ("« Nous avons manqué de réalisme », reconnaît le Stade rennais.", "Stade rennais"),
        ("D'après nos confrères de l'Écho républicain, la piscine fermera en juin.", "Écho républicain"),
    ],
)
def test_a_name_ending_with_a_lowercase_word_is_a_body(text, name, spacy_engine):
    """A person's name never ends with a lowercase word: le Stade rennais, l'Écho républicain
    (a capital inside the sentence, then an adjective) name a club or a newspaper."""
    (quote,) = extract_quotes(spacy_engine.parse(text))
    assert quote.speaker == name and quote.speaker_kind == "organization", (quote.speaker, quote.speaker_kind)


@pytest.mark.parametrize(
    "text, name",
    [
        ("Le Premier ministre britannique veut donner « un nouvel élan » à la relation franco-britannique.", "premier ministre britannique"),
        ("« La réforme sera votée », assure le Premier ministre.", "premier ministre"),
    ],
)
def test_a_description_is_written_in_lower_case(text, name, spacy_engine):
    """A role with no name stays a description, in lower case as the others, never a name
    with a trailing lowercase word in the speakers list."""
    (quote,) = extract_quotes(spacy_engine.parse(text))
    assert quote.speaker == name, quote.speaker
