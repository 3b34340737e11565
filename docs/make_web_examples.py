"""Regenerate the README's web examples: indexing a URL, following a feed.

It serves the test site of ``tests/web_server.py`` (articles written for the tests) on
127.0.0.1:8765, runs the README's commands against it in a scratch database, and writes
the commands with their real output between the README's ``web-examples`` markers
(standard error included, as a terminal shows it). Run from the repository root:

    python docs/make_web_examples.py            # rewrite the README's block
    python docs/make_web_examples.py --print    # only print it
"""

from __future__ import annotations

import argparse
import datetime
import os
import re
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from test_web_index import ARTICLES, publish  # noqa: E402
from web_server import Site  # noqa: E402

PORT = 8765
BEGIN, END = "<!-- web-examples -->", "<!-- /web-examples -->"
OPTIONS = "--allow-local"  # the example site is on this machine; a real outlet needs no flag


def commands(site: Site) -> list[str]:
    first = site.url(next(iter(ARTICLES)))
    return [
        f"quotetrack index {first} {OPTIONS}",
        f"quotetrack follow add {site.url('/rss.xml')}",
        f"quotetrack follow update {OPTIONS}",
        f"quotetrack follow update {OPTIONS}",
        "quotetrack follow list",
        "quotetrack search --source 'Le Courrier du Test'",
    ]


def run(command: str, db: str) -> str:
    argv = shlex.split(command)
    environment = {**os.environ, "QUOTETRACK_DB": db, "PYTHONPATH": str(ROOT), "COLUMNS": "200"}
    done = subprocess.run([sys.executable, "-m", "quotetrack", *argv[1:]], cwd=ROOT, env=environment,
                          capture_output=True, text=True)  # fmt: skip
    output = done.stderr + done.stdout
    output = re.sub(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", "2024-07-10 06:00", output)  # the run's own time, stable
    return output.replace(datetime.date.today().isoformat(), "2024-07-10")


def block() -> str:
    lines = ["```"]
    with tempfile.TemporaryDirectory() as scratch, Site("127.0.0.1", port=PORT) as site:
        publish(site)
        db = str(Path(scratch) / "web.db")
        for command in commands(site):
            lines.append(f"$ {command}")
            lines.extend(line.rstrip() for line in run(command, db).rstrip("\n").splitlines())
    lines.append("```")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--print", action="store_true", help="print the block instead of writing the README")
    text = block()
    if parser.parse_args().print:
        print(text)
        return 0
    readme = ROOT / "README.md"
    content = readme.read_text(encoding="utf-8")
    start, end = content.index(BEGIN) + len(BEGIN), content.index(END)
    readme.write_text(content[:start] + "\n" + text + "\n" + content[end:], encoding="utf-8")
    print(f"wrote {readme}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
