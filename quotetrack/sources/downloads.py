"""Article URLs -> Articles, downloaded ahead of the parser, in the order they were given.

The indexer reads its inputs one after the other and hands them to the parsing workers in
batches; a URL read there and then would leave the workers idle for the network's whole
latency. So ``ahead`` starts downloading the next ``window`` URLs in threads as soon as
they are listed, several hosts at once, each host's requests spaced by the fetcher's
politeness clock and never more than ``per_host`` of them in flight, and hands the
results back in input order (files in between are read by the caller in their turn).
A downloaded page becomes an Article in the download thread, by the same code as a saved
HTML file (``articles.read_page``).
"""

from __future__ import annotations

import threading
from collections import Counter, defaultdict, deque
from concurrent.futures import ThreadPoolExecutor
from typing import Callable, Iterable, Iterator, Mapping

from ..errors import InputError
from .articles import Article, read_page
from .fetching import FetchError, Fetcher
from .own_outputs import OwnOutput
from .politeness import host_of

WINDOW = 128  # URLs downloaded ahead of the parser at most
THREADS = 16

# The reader's messages a web page can meet, said of a page rather than of a file.
_PAGE_PROBLEMS = {
    "aucun texte d'article dans ce HTML": "aucun texte d'article dans la page",
    "article vide": "page vide",
}


def is_url(text: str) -> bool:
    return text[:8].lower().startswith(("http://", "https://"))


def download_article(fetcher: Fetcher, url: str, overrides: Mapping[str, str | None] | None = None) -> Article:
    """Download ``url`` and read it as an article; raise FetchError (one French line)."""
    response = fetcher.get(url)
    if not response.is_html:
        raise FetchError(url, f"pas une page HTML ({response.content_type or 'type inconnu'})")
    try:
        return read_page(response.body, url, final_url=response.final_url, charset=response.charset, overrides=overrides)
    except OwnOutput:  # one of quotetrack's own sheets, published: skipped like a saved one
        raise
    except InputError as error:
        raise FetchError(url, _PAGE_PROBLEMS.get(error.problem, error.problem)) from None


def ahead(
    items: Iterable[str], work: Callable[[str], object], *, window: int = WINDOW, threads: int = THREADS,
    per_host: int = 4, remote: Callable[[str], bool] = is_url,
) -> Iterator[tuple[str, object]]:  # fmt: skip
    """(item, result) in input order: ``work(item)`` run in threads ahead for the remote
    items (its exception as the result when it raises), None for the others."""
    lock = threading.Condition()
    queues: dict[str, deque] = defaultdict(deque)
    running: Counter = Counter()
    results: dict[int, object] = {}
    stopped = threading.Event()
    pool = ThreadPoolExecutor(threads, thread_name_prefix="quotetrack-download")

    def drain(host: str) -> None:
        while not stopped.is_set():
            with lock:
                if not queues[host]:
                    running[host] -= 1
                    return
                index, item = queues[host].popleft()
            try:
                value = work(item)
            except Exception as error:  # delivered to the caller, in its turn
                value = error
            with lock:
                results[index] = value
                lock.notify_all()

    def start(index: int, item: str) -> None:
        host = host_of(item)
        with lock:
            queues[host].append((index, item))
            if running[host] >= per_host:
                return
            running[host] += 1
        pool.submit(drain, host)

    listed: deque = deque()
    source = iter(enumerate(items))
    try:
        while True:
            while len(listed) < window:
                step = next(source, None)
                if step is None:
                    break
                listed.append(step)
                if remote(step[1]):
                    start(*step)
            if not listed:
                return
            index, item = listed.popleft()
            if not remote(item):
                yield item, None
                continue
            with lock:
                while index not in results:
                    lock.wait()
                value = results.pop(index)
            yield item, value
    finally:
        stopped.set()
        pool.shutdown(wait=False, cancel_futures=True)
