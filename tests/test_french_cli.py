"""No English word a person reads: every command's --help, and the main paths, in French.

The click group is walked recursively, so a command added later is
scanned too. What may stay English is what programs read (the identifiers: command and
option names, machine values, export columns, file formats, program names); every other
word is checked against English words that are not French words (spaCy's English stop
words without its French ones, and the words English command lines use).
"""

from __future__ import annotations

import re

import click
import pytest
from click.testing import CliRunner
from spacy.lang.en.stop_words import STOP_WORDS as ENGLISH_STOP_WORDS
from spacy.lang.fr.stop_words import STOP_WORDS as FRENCH_STOP_WORDS

from quotetrack import vocabulary
from quotetrack.cli import cli

from conftest import ROOT, SEED

# Identifiers a program reads, which stay English (``--format json``, statuses typed in
# English, export columns), and names of programs and formats.
IDENTIFIERS = {
    *vocabulary.STATUSES, *vocabulary.KINDS, *vocabulary.SPEAKER_KINDS, *vocabulary.VERDICTS, "not", "found",
    "reviewed", "orphaned", "table", "json", "csv", "ndjson", "conllu", "text", "compact", "cards", "auto", "spacy",
    "stanza", "fork", "spawn", "quotetrack", "datasette", "chromium", "chrome", "weasyprint", "sqlite", "dask",
    "pdf", "html", "url", "urls", "csrf", "claimreview", "utf", "pip", "install", "download", "status", "web",
    "tcp", "host", "ctrl", "afp", "otan", "yaml", "fr", "core", "news", "md", "all", "limit", "summary", "full",
}  # fmt: skip
# Words English command lines print that are not French (with spaCy's English stop words).
ENGLISH = (set(ENGLISH_STOP_WORDS) - set(FRENCH_STOP_WORDS)) | set("""
    error errors warning usage show shows help exit default missing invalid value values files folder
    database indexed replaced skipped failed merged moved renamed nothing changed print wrote write writes
    list lists search choose given unknown cannot such found quotes quote speaker speakers engine engines
    models present least give several already names every each without with from only also when which where
    who what said says say article's outlet outlets kind kinds review reviews reviewer checked source's
    words word number option options arguments argument command commands try aborted abort extra expected
    got between must should would could into run runs running parse parsed parsing index output input
    directory dump score scores threshold limit exact abridged altered misattributed unattributed lowest
    highest most first last date dates role roles merge rename split retype suggest keep likely duplicates
    evidence new old same another other report reports sheet sheet's dossier printable every instead
    name urls args query claim paths
""".split()) - {"a", "on", "me", "ne", "du", "son", "sont", "pour", "plus", "date", "dates", "article", "score",
                "scores", "options", "arguments", "source", "sources", "index", "extra", "limit", "dossier", "note"}  # fmt: skip


def every_command(group: click.Group, path=()):
    """Each command path of the group, the group itself first, subgroups walked too."""
    yield path
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            yield from every_command(command, (*path, name))
        else:
            yield (*path, name)


def english_words(text: str) -> list[str]:
    """The words of ``text`` a French reader should not meet, identifiers set aside."""
    names = "|".join(sorted({name for path in every_command(cli) for name in path}, key=len, reverse=True))
    text = re.sub(rf"\b(?:quotetrack|cli)(?:\s+(?:{names})\b)*", " ", text)  # a command line
    text = re.sub(rf"(?m)^\s+(?:{names})\s{{2,}}", " ", text)  # a command in the listing of its group
    text = re.sub(rf"(?:(?:{names}),\s+)*(?:{names})\s+et\s+(?:{names})\b", " ", text)  # « merge, rename et split »
    text = re.sub(r"https?://\S+|\S+…", " ", text)  # links, words a table cut
    text = re.sub(r"\b[A-Z][a-z]+(?:-[A-Z][a-z]+)+\b", " ", text)  # HTTP headers (Last-Modified)
    text = re.sub(r"(?<![\w])--?[\w-]+", " ", text)  # option names
    text = re.sub(r"\$\w+", " ", text)  # environment variables
    text = re.sub(r"\S*[/\\]\S*|\S+\.(?:txt|md|html|db|pdf|jsonl|csv|json)\b", " ", text)  # paths and files
    text = re.sub(r"«\s*[\w.-]+\s*»", " ", text)  # one identifier quoted
    text = re.sub(r"\b\w*_\w*\b|\b[0-9a-f]{6,}\b", " ", text)  # identifiers with underscores, ids
    words = re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", text)
    return sorted({w for w in words if w.lower() in ENGLISH and w.lower() not in IDENTIFIERS})


COMMANDS = list(every_command(cli))


def test_the_walk_finds_every_command():
    assert {("index",), ("search",), ("verify",), ("speakers", "merge"), ("speakers", "retype"), ("report", "article")} <= set(COMMANDS)


@pytest.mark.parametrize("path", COMMANDS, ids=lambda path: " ".join(path) or "quotetrack")
def test_every_help_is_french(path):
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Utilisation : ")
    assert english_words(result.output) == [], result.output


@pytest.mark.parametrize(
    "text, found",
    [
        ("indexed 0, replaced 0, skipped 1", ["indexed", "replaced", "skipped"]),
        ("Error: seeds/000.txt: no article has this id", ["Error", "has", "no", "this"]),
        ("merged Stoltenberg into Jens Stoltenberg: 1 quotes moved", ["into", "merged", "moved", "quotes"]),
        ("wrote sheet.html", ["wrote"]),
        ("Utilisation : quotetrack users add [OPTIONS] NAME", ["NAME"]),  # a metavar in English
        ("Erreur : aucune citation n'a cet id (--format json, $QUOTETRACK_DB, status confirmed)", []),
    ],
)
def test_the_scan_finds_english(text, found):
    assert english_words(text) == found


@pytest.fixture(scope="module")
def paths(tmp_path_factory, spacy_engine):
    """The main paths of a morning's work, with their output: each is scanned."""
    folder = tmp_path_factory.mktemp("french")
    db = str(folder / "q.db")
    outputs = {}

    def run(*args):
        result = CliRunner().invoke(cli, [str(a) for a in args], env={"QUOTETRACK_REVIEWER": "Claire Martin"})
        outputs[" ".join(str(a) for a in args)] = result.output
        return result

    run("index", SEED, ROOT / "examples", "--db", db, "--engine", "spacy", "--workers", 1)
    run("index", SEED, "--db", db, "--engine", "spacy", "--workers", 1)  # skipped
    run("search", "--db", db)
    run("search", "--db", db, "--limit", 2)
    run("search", "introuvable", "--db", db)
    run("speakers", "--db", db)
    run("speakers", "suggest", "--db", db)
    quote_id = CliRunner().invoke(cli, ["search", "jamais vu", "--db", db, "--format", "json"]).output.split('"id": "')[1][:16]
    run("show", quote_id, "--db", db)
    run("review", quote_id, "--status", "rejetée", "--note", "pas une citation", "--db", db)
    run("review", quote_id, "--note", "pas une citation", "--db", db)
    run("review", quote_id, "--speaker", "Andrei Babish", "--db", db)
    run("review", "ffffff", "--status", "confirmée", "--db", db)
    run("review", quote_id, "--status", "approuvée", "--db", db)
    run("reviews", "--db", db)
    run("verify", "C'est du jamais vu", "--speaker", "Stoltenberg", "--db", db)
    run("verify", "Nous prenons donc des mesures", "--speaker", "Zelensky", "--db", db)
    run("verify", "Nous baisserons les impôts", "--db", db)
    run("speakers", "merge", "Jens Stoltenberg", "Stoltenberg", "--db", db)
    run("speakers", "merge", "Personne", "Stoltenberg", "--db", db)
    run("speakers", "rename", "Volodymyr Zelensky", "Volodymyr Zelenskyy", "--db", db)
    run("speakers", "retype", "Volodymyr Zelenskyy", "personne", "--db", db)
    run("report", "article", "absent.txt", "--db", db)
    run("report", "speaker", "Jens Stoltenberg", "-o", folder / "dossier.html", "--db", db)
    run("export", "--format", "json", "--limit", 1, "-o", folder / "export.json", "--db", db)
    run("search", "--kind", "oblique", "--db", db)
    run("search", "--since", "hier", "--db", db)
    run("quotes", SEED, "--engine", "spacy")
    run("nonexistent")
    return outputs


def test_the_main_paths_speak_french(paths):
    assert len(paths) > 20
    found = {command: english_words(output) for command, output in paths.items()}
    assert {command: words for command, words in found.items() if words} == {}, paths
    assert "Traceback" not in "".join(paths.values())
