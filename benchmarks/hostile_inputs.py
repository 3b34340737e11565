"""Time and peak memory of `quotetrack index` on each hostile input of docs/reliability.md,
one process per input (so each peak is its own), spaCy engine, one worker.

    python benchmarks/hostile_inputs.py [--only guillemets,prose]

Pass ``--max-tokens 0`` to see what the inputs cost without the token budget.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROSE = "Le conseil municipal a voté le budget hier soir après un long débat sur les travaux. "
ALIASES = "---\n" + 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{name}: &{name} [{', '.join([f'*{before}'] * 9)}]\n" for before, name in zip("abcdefg", "bcdefgh")
) + "title: *h\n---\n« Le pont rouvrira lundi », a dit Anne Dubreuil.\n"

INPUTS = {
    "guillemets": ("guillemets.txt", "« " * 600_000),  # 1.2 MB of nested «
    "citations": ("citations.txt", ("« Oui », dit-il. " * 250_000)[:4_000_000]),
    "prose": ("prose.txt", (PROSE * 50_000)[:4_000_000]),
    "prose-200k": ("prose-200k.txt", (PROSE * 3_000)[:200_000]),
    "alias-bomb": ("bombe.md", ALIASES),
}


def measure(path: Path, db: Path, extra: list[str]) -> tuple[float, float, str]:
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "quotetrack", "index", str(path), "--db", str(db), "--engine", "spacy",
         "--workers", "1", *extra],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    output = process.stdout.read()
    _, _, usage = os.wait4(process.pid, 0)
    process.returncode = 0
    last = [line for line in output.splitlines() if line.strip()][-1]
    return time.perf_counter() - started, usage.ru_maxrss / 1024, last


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", help="comma-separated input names")
    parser.add_argument("--max-tokens", help="passed to index")
    args = parser.parse_args()
    names = args.only.split(",") if args.only else list(INPUTS)
    extra = ["--max-tokens", args.max_tokens] if args.max_tokens is not None else []
    with tempfile.TemporaryDirectory() as folder:
        print("| input | size | time | peak memory | last line |\n| --- | --- | --- | --- | --- |")
        for name in names:
            filename, text = INPUTS[name]
            path = Path(folder) / filename
            path.write_text(text, encoding="utf-8")
            seconds, megabytes, last = measure(path, Path(folder) / f"{name}.db", extra)
            print(f"| {name} | {len(text.encode()) / 1e6:.2f} MB | {seconds:.1f} s | {megabytes:.0f} MB | {last[:90]} |", flush=True)


if __name__ == "__main__":
    main()
