"""Indexing a sitemap over a slow network against indexing the same pages from disk.

N pseudo-articles (``corpus.py``) are written as HTML pages to a folder and served by the
tests' local site (``tests/web_server.py``) on 127.0.0.1 with a simulated latency per
request (50 ms by default), listed by one sitemap. Then the ``index`` command runs, each
time in a fresh process and database, with the same number of workers:

- from disk: ``quotetrack index FOLDER --workers W``;
- from the web: ``quotetrack index --sitemap URL --allow-local --delay 0 --workers W``
  (no politeness delay: the latency alone is the network's cost; downloads overlap
  parsing, four requests in flight to the one host).

Each run's wall time includes the process start and the engine load, the same for both.
The sitemap lists the pages undated, in the folder's order, so both runs store the same
articles in the same order and their summaries (quotes, speakers) must be equal.
The runs alternate (disk, web, disk, web...) so that a change in the machine's load falls
on both. The goal (issue 24): the web run's throughput within 20 % of the disk run's.

    python benchmarks/web_throughput.py [--articles 500] [--workers 2] [--latency 0.05] [--repeat 1]
"""

from __future__ import annotations

import argparse
import html
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tests"))

from corpus import articles  # noqa: E402
from web_server import Page, Site, sitemap  # noqa: E402


def page(text: str, n: int) -> str:
    title, *paragraphs = text.split("\n\n")
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<meta property="og:site_name" content="Le Banc d'Essai">
<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "{html.escape(title)}",
"datePublished": "2024-07-{1 + n % 28:02d}T08:00:00+02:00", "author": {{"@type": "Person", "name": "Claire Martin"}}}}</script>
</head><body><nav><a href="/">Accueil</a></nav><article><h1>{html.escape(title)}</h1>
{body}
</article><footer>© Le Banc d'Essai</footer></body></html>"""


def timed(command: list[str], db: str) -> tuple[float, str]:
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "quotetrack", *command, "--db", db, "--engine", "spacy", "--silent"],
                          cwd=ROOT, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})  # fmt: skip
    elapsed = time.monotonic() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr}")
    return elapsed, done.stdout.strip().splitlines()[-1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--latency", type=float, default=0.05, help="seconds added to every answer")
    parser.add_argument("--repeat", type=int, default=1)
    options = parser.parse_args()
    texts = articles(options.articles)
    with tempfile.TemporaryDirectory() as scratch, Site("127.0.0.1", latency=options.latency) as site:
        folder = Path(scratch) / "pages"
        folder.mkdir()
        urls = []
        for n, text in enumerate(texts):
            path = f"/depeches/{n:04d}-depeche.html"
            content = page(text, n)
            (folder / f"{n:04d}-depeche.html").write_text(content, encoding="utf-8")
            site.pages[path] = Page(content)
            urls.append((site.url(path), None))  # undated: indexed in the sitemap's order, the folder's
        site.pages["/sitemap.xml"] = Page(sitemap(urls), content_type="application/xml")
        workers = ["--workers", str(options.workers)]
        runs = {"disk": [], "web": []}
        for k in range(options.repeat):
            for name, command in (("disk", ["index", str(folder), *workers]),
                                  ("web", ["index", "--sitemap", site.url("/sitemap.xml"), "--allow-local", "--delay", "0", *workers])):  # fmt: skip
                elapsed, summary = timed(command, str(Path(scratch) / f"{name}-{k}.db"))
                runs[name].append(elapsed)
                print(f"{name:4}  {elapsed:6.1f} s  {options.articles / elapsed:5.1f} articles/s   {summary}", flush=True)
        requests = len(site.requests())
    disk, web = statistics.median(runs["disk"]), statistics.median(runs["web"])
    ratio = (options.articles / web) / (options.articles / disk)
    print(f"\n{options.articles} articles, {options.workers} workers, {options.latency * 1000:.0f} ms per request "
          f"({requests} requests served): disk {options.articles / disk:.1f} articles/s, web {options.articles / web:.1f} "
          f"articles/s, web/disk {ratio:.2f} ({'within' if ratio >= 0.8 else 'NOT within'} 20 %)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
