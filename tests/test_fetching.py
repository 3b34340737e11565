"""Downloading safely and politely: each failure one French line naming the URL, robots.txt,
one request per host at a time (measured on the servers' logs), local addresses refused.
Servers are started by the tests on 127.0.0.1 and 127.0.0.2; network nowhere else."""

from __future__ import annotations

import threading

import pytest
from click.testing import CliRunner

from quotetrack.cli import cli
from quotetrack.sources.downloads import ahead, download_article
from quotetrack.sources.feeds import read_feed
from quotetrack.sources.fetching import Fetcher, FetchError, Limits
from quotetrack.sources.sitemaps import read_sitemap

from web_server import Page, Site, article_html, rss

ARTICLE = article_html("Le conseil municipal vote le budget", [
    "« Nous ne toucherons pas aux impôts locaux », a promis Marie Lambert, adjointe aux finances.",
    "Le budget a été adopté à l'unanimité moins deux abstentions."])  # fmt: skip


@pytest.fixture
def site():
    release = threading.Event()
    with Site("127.0.0.1") as served:
        served.pages.update({
            "/article.html": Page(ARTICLE),
            "/lent.html": lambda request: (release.wait(5), Page(ARTICLE))[1],
            "/document.pdf": Page(b"%PDF-1.4 ...", content_type="application/pdf"),
            "/sans-texte.html": Page("<html><head><title>Accueil</title></head><body><script>var a = 1;</script></body></html>"),
            "/boucle-a": Page(status=302, headers={"Location": "/boucle-b"}),
            "/boucle-b": Page(status=301, headers={"Location": "/boucle-a"}),
            "/chaine-0": Page(status=302, headers={"Location": "/chaine-1"}),
            **{f"/chaine-{n}": Page(status=302, headers={"Location": f"/chaine-{n + 1}"}) for n in range(1, 10)},
            "/enorme.html": Page("<html><body>" + "<p>Un paragraphe de trop.</p>" * 2000 + "</body></html>"),
            "/pas-un-flux.xml": Page("Ceci n'est pas un flux, seulement du texte.", content_type="text/plain"),
            "/flux-html.xml": Page("<html><body><p>Rien à lire</p></body></html>"),
            "/plan-casse.xml": Page("<?xml version='1.0'?><urlset><url><loc>", content_type="application/xml"),
        })  # fmt: skip
        yield served
        release.set()


def failure(call) -> str:
    with pytest.raises(FetchError) as raised:
        call()
    return str(raised.value)


FAILURES = [  # (path, what is asked, the reason after « URL : »)
    ("/absente.html", "page", "erreur HTTP 404 (page introuvable)"),
    ("/lent.html", "page", "délai dépassé (pas de réponse en 0.5 s)"),
    ("/document.pdf", "page", "pas une page HTML (application/pdf)"),
    ("/sans-texte.html", "page", "aucun texte d'article dans la page"),
    ("/boucle-a", "page", "boucle de redirections"),
    ("/chaine-0", "page", "trop de redirections (plus de 5)"),
    ("/enorme.html", "page", "trop grande (0.1 Mo > 0.02 Mo)"),
    ("/pas-un-flux.xml", "feed", "le flux n'est pas du XML (ni RSS ni Atom lisible)"),
    ("/flux-html.xml", "feed", "page HTML qui n'annonce aucun flux RSS ou Atom"),
    ("/plan-casse.xml", "sitemap", None),
]


@pytest.mark.parametrize("path, kind, reason", FAILURES, ids=[f[0] for f in FAILURES])
def test_each_failure_is_one_french_line_naming_the_url(site, path, kind, reason):
    fetcher = Fetcher(Limits(delay=0, timeout=0.5, max_bytes=20_000, allow_local=True))
    url = site.url(path)
    read = {"page": download_article, "feed": read_feed, "sitemap": read_sitemap}[kind]
    message = failure(lambda: read(fetcher, url))
    if reason is None:
        assert message.startswith(f"{url} : le plan de site n'est pas du XML (")
    else:
        assert message == f"{url} : {reason}"
    assert "\n" not in message


def test_tls_error_is_one_line(site):
    fetcher = Fetcher(Limits(delay=0, timeout=2, allow_local=True))
    url = f"https://127.0.0.1:{site.port}/article.html"  # the server speaks plain HTTP
    assert failure(lambda: download_article(fetcher, url)).startswith(f"{url} : erreur TLS (")


@pytest.mark.parametrize("url, reason", [
    ("ftp://127.0.0.1/article.html", "seules les adresses http et https sont lues (pas ftp)"),
    ("file:///etc/passwd", "seules les adresses http et https sont lues (pas file)"),
])  # fmt: skip
def test_only_http_and_https(url, reason):
    assert failure(lambda: download_article(Fetcher(Limits(allow_local=True)), url)) == f"{url} : {reason}"


def test_local_addresses_refused_unless_allowed(site):
    url = site.url("/article.html")
    refused = failure(lambda: download_article(Fetcher(Limits(delay=0)), url))
    assert refused == f"{url} : adresse du réseau local refusée (127.0.0.1) ; --allow-local pour la lire"
    assert site.requests() == []
    assert download_article(Fetcher(Limits(delay=0, allow_local=True)), url).title == "Le conseil municipal vote le budget"


def test_a_redirect_to_a_local_address_is_refused():
    """The page on 127.0.0.2 is allowed; where it redirects, 127.0.0.1, is not."""
    with Site("127.0.0.1") as inside, Site("127.0.0.2") as outside:
        inside.pages["/secret.html"] = Page(ARTICLE)
        outside.pages["/vers-dedans"] = Page(status=302, headers={"Location": inside.url("/secret.html")})
        fetcher = Fetcher(Limits(delay=0, allow_local=frozenset({"127.0.0.2"})))
        url = outside.url("/vers-dedans")
        assert failure(lambda: download_article(fetcher, url)) == f"{url} : adresse du réseau local refusée (127.0.0.1) ; --allow-local pour la lire"
        assert inside.requests() == []


def test_a_feed_item_pointing_at_127_0_0_1_is_refused():
    """The feed is served on 127.0.0.2 (allowed by --allow-address); its item on 127.0.0.1
    is refused without --allow-local, and never requested; the other item is indexed."""
    with Site("127.0.0.1") as inside, Site("127.0.0.2") as outside:
        inside.pages["/interne.html"] = Page(ARTICLE)
        outside.pages["/article.html"] = Page(ARTICLE)
        outside.pages["/rss.xml"] = Page(rss([
            ("Interne", inside.url("/interne.html"), "Wed, 10 Jul 2024 08:00:00 +0200"),
            ("Budget", outside.url("/article.html"), "Tue, 09 Jul 2024 08:00:00 +0200"),
        ]), content_type="application/rss+xml")  # fmt: skip
        db_path = str(__import__("tempfile").mkdtemp()) + "/flux.db"
        result = CliRunner().invoke(cli, ["index", "--feed", outside.url("/rss.xml"), "--allow-address", "127.0.0.2",
                                          "--delay", "0", "--db", db_path, "--engine", "spacy", "--workers", "1"])  # fmt: skip
        assert result.exit_code == 1, result.output
        assert f"{inside.url('/interne.html')} : adresse du réseau local refusée (127.0.0.1) ; --allow-local pour la lire" in result.output
        assert "indexés 1" in result.output
        assert inside.requests() == []


def test_robots_txt_is_read_once_per_site_and_obeyed(site):
    site.pages["/robots.txt"] = Page("User-agent: *\nDisallow: /tout/\n\nUser-agent: quotetrack\nDisallow: /prive/\n", content_type="text/plain")
    site.pages["/prive/note.html"] = Page(ARTICLE)
    fetcher = Fetcher(Limits(delay=0, allow_local=True))
    url = site.url("/prive/note.html")
    assert failure(lambda: download_article(fetcher, url)) == f"{url} : refusée par le robots.txt du site"
    download_article(fetcher, site.url("/article.html"))
    assert [r.path for r in site.requests()] == ["/robots.txt", "/article.html"]


def test_one_request_per_host_per_delay_while_hosts_are_read_together():
    """Measured on the servers' logs: each host's requests arrive at least the delay
    apart, and the second host is not kept waiting for the first one's queue."""
    delay = 0.5
    with Site("127.0.0.1") as first, Site("127.0.0.2") as second:
        for served in (first, second):
            for n in range(4):
                served.pages[f"/page-{n}.html"] = Page(ARTICLE)
        fetcher = Fetcher(Limits(delay=delay, allow_local=True))
        urls = [s.url(f"/page-{n}.html") for s in (first, second) for n in range(4)]
        results = list(ahead(urls, lambda url: download_article(fetcher, url)))
        assert [url for url, _ in results] == urls  # in input order
        assert all(not isinstance(article, Exception) for _, article in results)
        for served in (first, second):
            times = [r.at for r in served.requests()]
            assert len(times) == 5  # robots.txt then four pages
            # the client spaces the starts by the delay; what a loaded machine adds in transit
            # to one request and not the next is far below 100 ms
            assert min(b - a for a, b in zip(times, times[1:])) >= delay - 0.1
        # read together: the second host was asked for its first page before the first host's last
        assert second.requests()[1].at < first.requests()[-1].at


def test_a_sites_crawl_delay_lengthens_the_gap():
    """robots.txt asks for 1 s between requests (whole seconds: Python's robotparser
    reads no other); --delay 0 does not shorten it."""
    with Site("127.0.0.1") as served:
        served.pages["/robots.txt"] = Page("User-agent: *\nCrawl-delay: 1\n", content_type="text/plain")
        for n in range(3):
            served.pages[f"/page-{n}.html"] = Page(ARTICLE)
        fetcher = Fetcher(Limits(delay=0, allow_local=True))
        list(ahead([served.url(f"/page-{n}.html") for n in range(3)], lambda url: download_article(fetcher, url)))
        pages = [r.at for r in served.requests() if r.path.startswith("/page-")]
        assert len(pages) == 3 and min(b - a for a, b in zip(pages, pages[1:])) >= 0.9


def test_a_sitemap_index_reads_its_other_sitemaps_when_one_fails(site):
    from web_server import sitemap, sitemap_index

    site.pages["/index.xml"] = Page(sitemap_index([site.url("/absent.xml"), site.url("/plan.xml")]), content_type="application/xml")
    site.pages["/plan.xml"] = Page(sitemap([(site.url("/article.html"), "2024-07-10")]), content_type="application/xml")
    listing = read_sitemap(Fetcher(Limits(delay=0, allow_local=True)), site.url("/index.xml"))
    assert [e.url for e in listing.entries] == [site.url("/article.html")]
    assert listing.problems == (f"{site.url('/absent.xml')} : erreur HTTP 404 (page introuvable)",)
