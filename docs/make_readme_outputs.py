"""Regenerate every command output the README shows, from the commands themselves.

Each fenced block of README.md whose first line is a command (``$ quotetrack …``) is run,
command after command, in a scratch folder that holds the checkout's ``seeds/``,
``examples/`` and ``tests/gold/`` (so the paths read as in the README and no database or
sheet is left in the checkout), with this checkout's ``quotetrack`` first on the PATH;
each command's output (standard output and standard error in the order they were written,
as a terminal shows them) replaces the lines under it. ``echo $?`` prints the previous command's exit
status. A block whose output ends with ``...`` keeps that many lines and the ``...``.
Times of the run (a review's time) are written as one fixed time, so that the README does
not change from run to run.

Left alone: the blocks between ``<!-- web-examples -->`` markers (``make_web_examples.py``
makes them) and any block preceded by ``<!-- readme-outputs: skip -->`` (a server that
does not stop). A block preceded by ``<!-- readme-outputs: machine -->`` is regenerated but
not checked (it names this machine's folders).

    python docs/make_readme_outputs.py           # rewrite the README's outputs
    python docs/make_readme_outputs.py --check   # exit 1, with a diff, if one is out of date
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
LINKED = ("seeds", "examples", "tests/gold")
SKIP, MACHINE = "<!-- readme-outputs: skip -->", "<!-- readme-outputs: machine -->"
WEB_BEGIN, WEB_END = "<!-- web-examples -->", "<!-- /web-examples -->"
FIXED_TIME = "2026-12-01T22:10:00+00:00"
_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?\+00:00")


@dataclass
class Block:
    """A fenced block of commands: where it is in the README and what it holds."""

    start: int  # index of its first line (after the fence)
    end: int  # index of its closing fence
    lines: list[str]
    checked: bool


def blocks(lines: list[str]) -> list[Block]:
    """The README's command blocks, in order, those to leave alone left out."""
    found, inside_web, k = [], False, 0
    while k < len(lines):
        line = lines[k]
        if line.strip() == WEB_BEGIN:
            inside_web = True
        elif line.strip() == WEB_END:
            inside_web = False
        if line.startswith("```"):
            end = lines.index("```", k + 1)
            body = lines[k + 1 : end]
            marker = next((lines[j].strip() for j in range(k - 1, -1, -1) if lines[j].strip()), "")
            if line == "```" and not inside_web and body and body[0].startswith("$ quotetrack") and marker != SKIP:
                found.append(Block(k + 1, end, body, marker != MACHINE))
            k = end + 1
            continue
        k += 1
    return found


class Session:
    """Commands run one after the other in one scratch folder, as a reader would."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.status = 0
        bin_dir = folder / ".bin"
        bin_dir.mkdir()
        shim = bin_dir / "quotetrack"
        shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m quotetrack "$@"\n', encoding="utf-8")
        shim.chmod(0o755)
        for name in LINKED:
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).symlink_to(ROOT / name)
        self.environment = {
            **{k: v for k, v in os.environ.items() if not k.startswith("QUOTETRACK_")},
            "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
            "PYTHONPATH": str(ROOT), "COLUMNS": "200", "QUOTETRACK_REVIEWER": "Claire Martin",
        }  # fmt: skip

    def run(self, command: str) -> list[str]:
        if command.strip() == "echo $?":
            return [str(self.status)]
        done = subprocess.run(["bash", "-c", command], cwd=self.folder, env=self.environment, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True, timeout=600)  # fmt: skip
        self.status = done.returncode
        output = _TIME.sub(FIXED_TIME, done.stdout)
        return [line.rstrip() for line in output.rstrip("\n").splitlines()]


def regenerate(block: Block, session: Session) -> list[str]:
    """The block with every command's output as it is now."""
    out, k = [], 0
    while k < len(block.lines):
        command = block.lines[k]
        following = k + 1
        while following < len(block.lines) and not block.lines[following].startswith("$ "):
            following += 1
        shown = block.lines[k + 1 : following]
        output = session.run(command[2:])
        if shown and shown[-1] == "...":
            output = output[: len(shown) - 1] + ["..."]
        out += [command, *output]
        k = following
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare instead of writing; exit 1 if out of date")
    args = parser.parse_args()
    lines = README.read_text(encoding="utf-8").split("\n")
    stale = []
    with tempfile.TemporaryDirectory() as scratch:
        session = Session(Path(scratch))
        new = list(lines)
        for block in reversed(list(_in_order(blocks(lines), session))):
            fresh = block[1]
            if args.check and block[0].checked and fresh != block[0].lines:
                stale.append(difflib.unified_diff(block[0].lines, fresh, "README.md", "now", lineterm=""))
            new[block[0].start : block[0].end] = fresh
    if args.check:
        for diff in stale:
            print("\n".join(diff))
        return 1 if stale else 0
    README.write_text("\n".join(new), encoding="utf-8")
    print(f"écrit : {README.relative_to(Path.cwd()) if README.is_relative_to(Path.cwd()) else README}")
    return 0


def _in_order(found: list[Block], session: Session):
    """Each block with its fresh lines, run in README order (later blocks build on earlier ones)."""
    for block in found:
        yield block, regenerate(block, session)


if __name__ == "__main__":
    sys.exit(main())
