"""Selective parsing: only the sentences around quotes and cues get the dependency parse."""

import json

import pytest
from click.testing import CliRunner

from quotetrack.cli import cli
from quotetrack.extract import extract_quotes
from quotetrack.extract.triggers import full_parse_spans
from quotetrack.nlp.conllu import to_conllu

ARTICLE = """Fermeture de l'usine de Saint-Aubin

La direction du groupe Valmont a confirmé mardi la fermeture du site. Les deux cents salariés ont appris la nouvelle en début de matinée. Le parking était presque vide.

« C'est une trahison », a lancé Karine Lemoine, déléguée syndicale. Elle travaille sur le site depuis vingt ans. « Nous allons nous battre jusqu'au bout. »

Le maire, Thierry Vasseur, a estimé que la décision était « brutale » et qu'aucune solution n'avait été proposée. Selon la préfecture, une réunion est prévue vendredi. La pluie n'a pas cessé de la journée.

Les machines seront démontées au printemps, a précisé un porte-parole du groupe. Le terrain pourrait accueillir des logements.

— Et les familles ? a demandé une habitante.

La ministre de l'Industrie, Claire Daumier, a promis de recevoir les syndicats. Le bâtiment date de 1962."""


@pytest.fixture(scope="module")
def both(spacy_engine):
    full = spacy_engine.parse(ARTICLE)
    selective = spacy_engine.parse(ARTICLE, select=full_parse_spans)
    return full, selective


def sentence_of(doc, words):
    return next(s for s in doc.sentences if words in doc.text[s.start : s.end])


@pytest.mark.parametrize(
    "words, parsed",
    [
        ("a confirmé mardi la fermeture", False),  # no que, no comma before the verb: narrative
        ("Le parking était presque vide", False),
        ("a lancé Karine Lemoine", True),
        ("Elle travaille sur le site", True),  # before a quote that has no cue of its own
        ("a estimé que la décision", True),
        ("Selon la préfecture", True),
        ("La pluie n'a pas cessé", False),
        ("a précisé un porte-parole", True),
        ("Le terrain pourrait accueillir", True),  # before a dialogue line (its incise is inside the marks)
        ("Et les familles", True),
        ("a promis de recevoir", True),
        ("Le bâtiment date de 1962", False),
    ],
)
def test_document_says_which_sentences_were_parsed(both, words, parsed):
    full, selective = both
    assert sentence_of(full, words).parsed
    sentence = sentence_of(selective, words)
    assert sentence.parsed is parsed
    if parsed:
        assert sum(t.head is None for t in sentence.tokens) == 1
        assert all(t.deprel for t in sentence.tokens)
    else:
        assert all(t.head is None and t.deprel == "" for t in sentence.tokens)


def test_tokens_and_offsets_equal_the_full_parse(both):
    """Same tokens, same character offsets, same tags everywhere; same entity spans."""
    full, selective = both
    key = lambda t: (t.text, t.start, t.end, t.upos, t.lemma)  # noqa: E731
    assert [key(t) for t in selective.tokens] == [key(t) for t in full.tokens]
    assert all(selective.text[t.start : t.end] == t.text for t in selective.tokens)
    names = {(e.start, e.end, e.text) for e in full.entities if e.label == "PER"}
    assert names <= {(e.start, e.end, e.text) for e in selective.entities}
    assert {"Karine Lemoine", "Thierry Vasseur", "Claire Daumier"} <= {e.text for e in selective.entities}


def test_token_indexes_and_heads_stay_inside_the_document(both):
    _, selective = both
    tokens = selective.tokens
    assert [t.i for t in tokens] == list(range(len(tokens)))
    for sentence in selective.sentences:
        ids = {t.i for t in sentence.tokens}
        assert all(t.head is None or t.head in ids for t in sentence.tokens)


def test_extraction_is_the_same_with_and_without_full_parse(both):
    full, selective = both
    records = lambda doc: [(q.kind, q.text, q.speaker, q.cue) for q in extract_quotes(doc)]  # noqa: E731
    found = records(full)
    assert found == records(selective)
    speakers = {speaker for _, _, speaker, _ in found}
    assert {"Karine Lemoine", "Thierry Vasseur"} <= speakers


def test_unparsed_sentences_in_json_and_conllu(both):
    _, selective = both
    data = selective.to_dict()
    flags = [s["parsed"] for s in data["sentences"]]
    assert True in flags and False in flags
    conllu = to_conllu(selective)
    blocks = [b for b in conllu.split("\n\n") if "# sent_id" in b]
    unparsed = [b for b in blocks if "# parsed = no" in b]
    assert len(unparsed) == flags.count(False)
    for block in unparsed:
        rows = [line.split("\t") for line in block.splitlines() if line and not line.startswith("#")]
        assert all(row[6] == "_" and row[7] == "_" for row in rows)


def test_full_parse_of_many_texts_matches_one_by_one(spacy_engine):
    """Several texts parsed together give each the document it gets alone."""
    texts = [ARTICLE, "Une phrase courte.", ARTICLE.replace("Valmont", "Dorval")]
    together = list(spacy_engine.parse_many(texts, select=full_parse_spans))
    alone = [spacy_engine.parse(t, select=full_parse_spans) for t in texts]
    for a, b in zip(together, alone):
        assert [(t.text, t.start, t.head) for t in a.tokens] == [(t.text, t.start, t.head) for t in b.tokens]
        assert [s.parsed for s in a.sentences] == [s.parsed for s in b.sentences]


@pytest.mark.parametrize("full_parse", [False, True])
def test_cli_parse_full_parse(tmp_path, full_parse):
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    args = ["parse", str(path), "--engine", "spacy", "--format", "json"] + (["--full-parse"] if full_parse else [])
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    flags = [s["parsed"] for s in json.loads(result.output)["sentences"]]
    assert all(flags) is full_parse


@pytest.mark.parametrize("command", ["quotes", "index"])
def test_cli_commands_accept_full_parse(tmp_path, db_path, command):
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    outputs = []
    for flag in ([], ["--full-parse"]):
        args = [command, str(path), "--engine", "spacy"] + flag
        if command == "index":
            args += ["--db", str(tmp_path / f"db{len(outputs)}.db"), "--workers", "1"]
        else:
            args += ["--format", "json"]
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 0, result.output
        outputs.append(result.output)
    assert outputs[0] == outputs[1]
    assert "Karine Lemoine" in outputs[0] or "1 citation," not in outputs[0]


def test_cli_eval_full_parse(tmp_path):
    gold = tmp_path / "gold.jsonl"
    record = {"id": "usine", "text": ARTICLE, "quotes": [{"start": ARTICLE.index("C'est une"), "end": ARTICLE.index(" », a lancé"), "kind": "direct", "speaker": "Karine Lemoine"}]}
    gold.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    figures = []
    for flag in ([], ["--full-parse"]):
        result = CliRunner().invoke(cli, ["eval", str(gold), "--engine", "spacy", "--json"] + flag)
        assert result.exit_code == 0, result.output
        figures.append(json.loads(result.output.strip().splitlines()[-1]))
    assert figures[0] == figures[1]
    assert figures[0]["t0.3"]["recall"] == 1.0


def test_stanza_accepts_a_selection_and_parses_everything(stanza_engine):
    """Stanza runs its processors as one pipeline: every sentence is parsed."""
    doc = stanza_engine.parse(ARTICLE, select=full_parse_spans)
    assert doc.sentences and all(s.parsed for s in doc.sentences)
    assert all(sum(t.head is None for t in s.tokens) == 1 for s in doc.sentences)
