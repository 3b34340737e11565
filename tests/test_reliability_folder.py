"""One folder holding every hostile input and two good articles: the good ones are
indexed, each bad one gets exactly one line naming it, exit status 1, no traceback,
within a bounded time and memory (docs/reliability.md)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest

from conftest import ROOT
from test_reliability_inputs import ALIAS_BOMB

GOOD_TEXT = "« Le pont rouvrira lundi », a annoncé la maire de Lyon, Anne Dubreuil."
GOOD_MD = "---\ntitle: Le budget\nmis_a_jour: 2026-02-30\n---\n« Le budget sera tenu », a assuré Paul Mercier, le trésorier.\n"
PROSE = "Le conseil municipal a voté le budget hier soir après un long débat sur les travaux. "
MEMORY_CEILING = 3 * 1024**3  # bytes: the parser alone holds about 0.7 GB
TIME_CEILING = 420  # seconds: what the subprocess may take before the test fails
# Runs the indexer as its only child and prints the peak memory of the indexer and of its
# workers (descendants that ended and were waited for), in KiB, as its last stderr line.
MEASURED = ("import resource, subprocess, sys\n"
            "code = subprocess.call(sys.argv[1:])\n"
            "print('peak:', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n"
            "sys.exit(code)")  # fmt: skip


def hostile(folder):
    """name (as bytes, for the non-UTF-8 one) -> how the line about it shows the name."""
    (folder / "date.md").write_text(f"---\ntitle: Le pont\ndate: 2026-02-30\n---\nAutre version. {GOOD_TEXT}\n", encoding="utf-8")
    (folder / "bombe.md").write_text(ALIAS_BOMB, encoding="utf-8")
    os.symlink("boucle.txt", folder / "boucle.txt")
    os.symlink("/dev/zero", folder / "zero.txt")
    os.mkfifo(folder / "tube.txt")
    with open(os.path.join(os.fsencode(folder), b"nom-\xe9.txt"), "wb"):
        pass  # empty, under a name that is not UTF-8
    (folder / "saut\nerreur : faux.txt").write_bytes(b"")
    (folder / "guillemets.txt").write_text("« " * 600_000, encoding="utf-8")  # 1.2 MB of nested «
    (folder / "citations.txt").write_text(("« Oui », dit-il. " * 250_000)[:4_000_000], encoding="utf-8")
    (folder / "prose.txt").write_text((PROSE * 50_000)[:4_000_000], encoding="utf-8")
    return {
        "date.md": "attention", "bombe.md": "erreur", "boucle.txt": "erreur", "zero.txt": "erreur",
        "tube.txt": "erreur", "nom-\\xe9.txt": "erreur", "saut\\nerreur : faux.txt": "erreur",
        "guillemets.txt": "erreur", "citations.txt": "erreur", "prose.txt": "erreur",
    }  # fmt: skip


@pytest.mark.slow
def test_a_folder_of_hostile_inputs(tmp_path):
    folder = tmp_path / "dossier"
    folder.mkdir()
    (folder / "bon.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (folder / "bon.md").write_text(GOOD_MD, encoding="utf-8")
    expected = hostile(folder)
    db_path = tmp_path / "hostile.db"
    done = subprocess.run(
        [sys.executable, "-c", MEASURED, sys.executable, "-m", "quotetrack", "index", str(folder), "--db", str(db_path),
         "--engine", "spacy", "--workers", "2", "--batch-size", "2"],
        cwd=ROOT, capture_output=True, text=True, timeout=TIME_CEILING, errors="replace",
    )  # fmt: skip
    *stderr, peak = done.stderr.splitlines()
    peak = int(peak.removeprefix("peak: ")) * 1024
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    lines = [line for line in stderr if line.startswith(("erreur :", "attention :"))]
    for name, kind in expected.items():
        about = [line for line in lines if line.startswith(f"{kind} : {folder}/{name}:")]
        assert len(about) == 1, (name, lines)
    assert len(lines) == len(expected), lines
    conn = sqlite3.connect(db_path)
    paths = sorted(row[0] for row in conn.execute("SELECT path FROM articles"))
    conn.close()
    assert paths == sorted([str(folder / "bon.md"), str(folder / "bon.txt"), str(folder / "date.md")])
    assert "indexés 3, remplacés 0, ignorés 0, en échec 9" in done.stdout
    assert peak < MEMORY_CEILING, f"peak memory {peak / 1e9:.1f} GB"
