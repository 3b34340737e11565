"""Sitemaps: every article a site lists, with its last modification date.

A sitemap (``<urlset>``), a sitemap index (``<sitemapindex>``, whose sitemaps are read in
turn, to a bounded depth and number), a plain-text sitemap (one URL a line), or a site's
address: its robots.txt's ``Sitemap:`` lines (trafilatura's ``extract_robots_sitemaps``)
else ``/sitemap.xml``. trafilatura's own sitemap reader drops the ``<lastmod>`` dates that
``--since`` and the newest-first order need, so the XML is read here, with lxml's safe
settings (no entities, no network).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from lxml import etree

from .fetching import FetchError
from .listings import Entry, Listing, clean_link, conditional_headers, iso_datetime
from .politeness import origin

MAX_SITEMAPS = 50  # sitemaps read for one address (an index and its children)
MAX_DEPTH = 3
MAX_ENTRIES = 50_000  # the protocol's own limit per sitemap


def read_sitemap(fetcher, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Listing:
    """The entries of the sitemap at ``url``, of its children if it is an index, or of a
    site's sitemaps if ``url`` is the site's address or robots.txt. Raise FetchError."""
    path = urlsplit(url).path
    if path in ("", "/") or path.endswith("/robots.txt"):
        entries, problems = _site_entries(fetcher, url)
        return Listing(url, tuple(entries), problems=tuple(problems))
    response = fetcher.get(url, conditional_headers(etag, last_modified), accept=(200, 304))
    if response.status == 304:
        return Listing(url, (), etag, last_modified, not_modified=True)
    problems: list[str] = []
    entries = _read(fetcher, url, response, depth=0, seen={url}, problems=problems)
    return Listing(url, tuple(entries), response.headers.get("etag"), response.headers.get("last-modified"),
                   problems=tuple(problems))  # fmt: skip


def _site_entries(fetcher, url: str) -> tuple[list[Entry], list[str]]:
    from trafilatura.sitemaps import extract_robots_sitemaps

    site = origin(url)
    robots = fetcher.get(site + "/robots.txt", accept=(200, 404, 410, 403, 401))
    text = robots.body.decode("utf-8", errors="replace") if robots.status == 200 else ""
    found = extract_robots_sitemaps(text, site) or [site + "/sitemap.xml"]
    entries, seen, problems = [], set(found), []
    for sitemap in found[:MAX_SITEMAPS]:
        entries.extend(_read(fetcher, sitemap, fetcher.get(sitemap), depth=0, seen=seen, problems=problems))
    return entries, problems


def _read(fetcher, url: str, response, *, depth: int, seen: set, problems: list) -> list[Entry]:
    """The entries of one sitemap; an index's sitemaps read in turn, each one that
    cannot be read a line in ``problems`` (the others are still read)."""
    body = response.body.lstrip()
    if response.is_html:
        raise FetchError(url, "page HTML, pas un plan de site (sitemap)")
    if not body.startswith(b"<"):  # a text sitemap: one URL a line
        links = [clean_link(line) for line in body.decode("utf-8", errors="replace").splitlines()[:MAX_ENTRIES]]
        if not any(links):
            raise FetchError(url, "le plan de site n'est ni du XML ni une liste d'adresses")
        return [Entry(link) for link in links if link]
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError as error:
        raise FetchError(url, f"le plan de site n'est pas du XML ({' '.join(str(error).split())[:80]})") from None
    kind = etree.QName(root).localname
    items = [(_child(node, "loc"), _child(node, "lastmod")) for node in root[:MAX_ENTRIES] if isinstance(node.tag, str)]
    if kind == "urlset":
        return [Entry(link, iso_datetime(lastmod)) for loc, lastmod in items if (link := clean_link(loc, url))]
    if kind != "sitemapindex":
        raise FetchError(url, "ce XML n'est pas un plan de site (sitemap)")
    if depth >= MAX_DEPTH:
        return []
    entries = []
    for loc, _ in items:
        child = clean_link(loc, url)
        if not child or child in seen or len(seen) >= MAX_SITEMAPS:
            continue
        seen.add(child)
        try:
            entries.extend(_read(fetcher, child, fetcher.get(child), depth=depth + 1, seen=seen, problems=problems))
        except FetchError as error:
            problems.append(str(error))
    return entries


def _child(node, name: str) -> str | None:
    for child in node:
        if isinstance(child.tag, str) and etree.QName(child).localname == name:
            return (child.text or "").strip() or None
    return None
