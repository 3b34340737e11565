"""`quotetrack index URL`, `--feed`, `--sitemap` and `quotetrack follow`, against a site the
test serves on 127.0.0.1 (texts written for these tests); network nowhere else."""

from __future__ import annotations

import fcntl
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotetrack.archive.store import open_db
from quotetrack.cli import cli

from web_server import Page, Site, article_html, rss, sitemap, sitemap_index

ROOT = Path(__file__).resolve().parent.parent

ARTICLES = {
    "/politique/reforme-adoptee.html": (
        "La réforme des retraites adoptée",
        ["« Nous tiendrons nos engagements », a déclaré Paul Martin, ministre du Travail, lundi à Paris.",
         "Le texte a été adopté par 301 voix contre 212 au terme d'un long débat."],
        "2024-07-08",
    ),
    "/economie/budget-2025.html": (
        "Le budget 2025 présenté en conseil des ministres",
        ["« Le déficit sera ramené sous les 5 % », a assuré Sophie Lefèvre, ministre des Comptes publics.",
         "Les collectivités locales devront contribuer à l'effort, selon le document."],
        "2024-07-09",
    ),
    "/monde/sommet-de-vilnius.html": (
        "À Vilnius, les alliés promettent de nouvelles livraisons",
        ["« Nous resterons aux côtés de l'Ukraine », a affirmé Jean Moreau, porte-parole de l'Alliance.",
         "Les dirigeants se retrouveront l'an prochain à Washington."],
        "2024-07-10",
    ),
}
DATES = {"2024-07-08": "Mon, 08 Jul 2024 08:00:00 +0200", "2024-07-09": "Tue, 09 Jul 2024 08:00:00 +0200",
         "2024-07-10": "Wed, 10 Jul 2024 08:00:00 +0200"}  # fmt: skip


def publish(site: Site, articles=ARTICLES) -> None:
    for path, (title, paragraphs, published) in articles.items():
        site.pages[path] = Page(article_html(title, paragraphs, published=published, canonical=path))
    feed = rss([(title, site.url(path), DATES[published]) for path, (title, _, published) in articles.items()])
    site.pages["/rss.xml"] = Page(feed, content_type="application/rss+xml; charset=utf-8", etag='"flux-1"')


@pytest.fixture
def site():
    with Site("127.0.0.1") as served:
        publish(served)
        yield served


@pytest.fixture
def db_path(tmp_path):
    return str(tmp_path / "web.db")


WEB = ("--allow-local", "--delay", "0", "--engine", "spacy", "--workers", "1")


def run(*args, **kwargs):
    result = CliRunner().invoke(cli, [str(a) for a in args], **kwargs)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def stored(db_path, columns="path, url, title, source, author, published"):
    db = open_db(db_path)
    try:
        return [dict(zip(columns.split(", "), row)) for row in db.conn.execute(f"SELECT {columns} FROM articles ORDER BY path")]
    finally:
        db.close()


# --- one URL --------------------------------------------------------------------------------


def test_index_a_url_then_again_then_changed(site, db_path):
    url = site.url("/politique/reforme-adoptee.html")
    result = run("index", url, "--db", db_path, *WEB)
    assert result.exit_code == 0, result.output
    assert "indexés 1" in result.output
    assert stored(db_path) == [{
        "path": url, "url": url, "title": "La réforme des retraites adoptée", "source": "Le Courrier du Test",
        "author": "Camille Durand", "published": "2024-07-08",
    }]  # fmt: skip
    db = open_db(db_path)
    assert [r[0] for r in db.conn.execute("SELECT speakers.name FROM quotes JOIN speakers ON speakers.id = speaker_id")] == ["Paul Martin"]
    db.close()
    again = run("index", url, "--db", db_path, *WEB)
    assert "ignorés 1" in again.output
    title, paragraphs, published = ARTICLES["/politique/reforme-adoptee.html"]
    site.pages["/politique/reforme-adoptee.html"] = Page(article_html(title, paragraphs + ["Le Sénat examinera le texte en septembre."], published=published))
    changed = run("index", url, "--db", db_path, *WEB)
    assert "remplacés 1" in changed.output
    assert len(stored(db_path)) == 1


def test_urls_and_files_mixed(site, db_path, tmp_path):
    text = tmp_path / "depeche.txt"
    text.write_text("Grève à la SNCF\n\n« Le mouvement continuera », a prévenu Luc Bernard, délégué syndical.", encoding="utf-8")
    urls = [site.url(p) for p in ARTICLES]
    result = run("index", urls[0], str(text), urls[1], "--db", db_path, *WEB)
    assert "indexés 3" in result.output, result.output
    assert sorted(r["path"] for r in stored(db_path)) == sorted([urls[0], urls[1], str(text)])


# --- feeds and sitemaps ---------------------------------------------------------------------------


def test_feed_newest_first_with_max_and_since(site, db_path):
    result = run("index", "--feed", site.url("/rss.xml"), "--max", "2", "--db", db_path, *WEB)
    assert result.exit_code == 0, result.output
    assert [r["published"] for r in stored(db_path)] != []
    assert sorted(r["published"] for r in stored(db_path)) == ["2024-07-09", "2024-07-10"]
    later = run("index", "--feed", site.url("/rss.xml"), "--since", "2024-07-09", "--db", db_path, *WEB)
    assert "0 article à lire" in later.output and "2 déjà indexés" in later.output
    every = run("index", "--feed", site.url("/rss.xml"), "--db", db_path, *WEB)
    assert "1 article à lire" in every.output and "indexés 1" in every.output
    assert f"{site.url('/rss.xml')} : 1 article, 1 citation" in every.output  # a line per feed, off a terminal
    article_requests = [r.path for r in site.requests() if r.path.endswith(".html")]
    assert sorted(article_requests) == sorted(ARTICLES)  # each article downloaded once, known ones never again


def test_home_page_announces_its_feed(site, db_path):
    site.pages["/"] = Page('<html><head><link rel="alternate" type="application/rss+xml" href="/rss.xml"></head>'
                           "<body><p>Bienvenue</p></body></html>")  # fmt: skip
    result = run("index", "--feed", site.url("/"), "--db", db_path, *WEB)
    assert "indexés 3" in result.output, result.output


def test_sitemap_index_found_through_robots_txt(site, db_path):
    paths = list(ARTICLES)
    site.pages["/robots.txt"] = Page(f"User-agent: *\nAllow: /\nSitemap: {site.url('/sitemap-index.xml')}\n", content_type="text/plain")
    site.pages["/sitemap-index.xml"] = Page(sitemap_index([site.url("/sitemap-1.xml"), site.url("/sitemap-2.xml")]), content_type="application/xml")
    site.pages["/sitemap-1.xml"] = Page(sitemap([(site.url(paths[0]), "2024-07-08"), (site.url(paths[1]), "2024-07-09T10:00:00+02:00")]), content_type="application/xml")
    site.pages["/sitemap-2.xml"] = Page(sitemap([(site.url(paths[2]), "2024-07-10")]), content_type="application/xml")
    result = run("index", "--sitemap", site.url("/"), "--db", db_path, *WEB)
    assert "indexés 3" in result.output, result.output
    direct = run("index", "--sitemap", site.url("/sitemap-index.xml"), "--db", db_path, *WEB)
    assert "3 déjà indexés" in direct.output


# --- politeness -------------------------------------------------------------------------------------


def test_robots_txt_refusal_is_a_line_and_nothing_is_requested(site, db_path):
    site.pages["/robots.txt"] = Page("User-agent: quotetrack\nDisallow: /politique/\n", content_type="text/plain")
    refused, allowed = site.url("/politique/reforme-adoptee.html"), site.url("/economie/budget-2025.html")
    result = run("index", refused, allowed, "--db", db_path, *WEB)
    assert result.exit_code == 1
    assert f"{refused} : refusée par le robots.txt du site" in result.output
    assert "indexés 1" in result.output
    assert [r.path for r in site.requests()] == ["/robots.txt", "/economie/budget-2025.html"]


def test_user_agent_names_quotetrack_and_its_version(site, db_path):
    from quotetrack import __version__

    run("index", site.url("/politique/reforme-adoptee.html"), "--db", db_path, *WEB)
    assert {r.headers["user-agent"].split()[0] for r in site.requests()} == {f"quotetrack/{__version__}"}


# --- following ----------------------------------------------------------------------------------------


def test_follow_add_list_remove(db_path):
    assert "flux suivi : https://www.exemple.fr/rss.xml" in run("follow", "add", "https://www.exemple.fr/rss.xml", "--db", db_path).output
    assert "déjà suivi" in run("follow", "add", "https://www.exemple.fr/rss.xml", "--db", db_path).output
    run("follow", "add", "--sitemap", "https://www.exemple.fr/sitemap.xml", "--db", db_path)
    listed = run("follow", "list", "--db", db_path).output
    assert "https://www.exemple.fr/rss.xml" in listed and "plan de site" in listed and "jamais" in listed
    assert run("follow", "remove", "https://www.exemple.fr/rss.xml", "--db", db_path).exit_code == 0
    assert "exemple.fr/rss.xml" not in run("follow", "list", "--db", db_path).output
    missing = run("follow", "remove", "https://www.exemple.fr/rss.xml", "--db", db_path)
    assert missing.exit_code == 1 and "adresse non suivie" in missing.output
    assert run("follow", "add", "ftp://exemple.fr/flux", "--db", db_path).exit_code == 2


def test_follow_update_then_conditional_request(site, db_path):
    run("follow", "add", site.url("/rss.xml"), "--db", db_path)
    first = run("follow", "update", "--db", db_path, *WEB)
    assert first.exit_code == 0, first.output
    assert "Le Courrier du Test : 3 nouveaux articles, 4 citations, 4 nouveaux locuteurs" in first.output
    second = run("follow", "update", "--db", db_path, *WEB)
    assert second.exit_code == 0, second.output
    assert "1 inchangée" in second.output and "0 nouvel article" in second.output
    feed_requests = site.requests("/rss.xml")
    assert [(r.headers.get("if-none-match"), r.status) for r in feed_requests] == [(None, 200), ('"flux-1"', 304)]
    assert len(stored(db_path)) == 3


def test_follow_update_fails_only_when_nothing_could_be_read(site, db_path):
    run("follow", "add", site.url("/absent.xml"), "--db", db_path)
    nothing = run("follow", "update", "--db", db_path, *WEB)
    assert nothing.exit_code == 1
    assert f"{site.url('/absent.xml')} : erreur HTTP 404 (page introuvable)" in nothing.output
    run("follow", "add", site.url("/rss.xml"), "--db", db_path)
    some = run("follow", "update", "--db", db_path, *WEB)
    assert some.exit_code == 0 and "erreur HTTP 404" in some.output
    assert "404" in run("follow", "list", "--db", db_path).output  # the last error, kept


def test_two_updates_never_overlap(site, db_path):
    run("follow", "add", site.url("/rss.xml"), "--db", db_path)
    with open(f"{db_path}.follow-lock", "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        blocked = run("follow", "update", "--db", db_path, *WEB)
    assert blocked.exit_code == 1 and "une mise à jour est déjà en cours" in blocked.output
    assert site.requests() == []


def test_update_killed_halfway_resumes_with_nothing_lost_or_doubled(tmp_path, db_path):
    """The fourth article's answer is held until the update is killed (SIGKILL): the
    newest is stored (batches of one; the next one waits for the held one, read in
    order), the others are not; the next update indexes the rest, once each."""
    articles = {f"/fil/depeche-{n}.html": (f"Dépêche numéro {n}", [
        f"« Le chantier numéro {n} avance bien », a déclaré Hélène Garnier, maire de la ville.",
        f"Les travaux de la tranche {n} doivent s'achever à l'automne."], f"2024-07-{n + 1:02d}") for n in range(1, 7)}  # fmt: skip
    release = threading.Event()
    with Site("127.0.0.1") as served:
        for path, (title, paragraphs, published) in articles.items():
            served.pages[path] = Page(article_html(title, paragraphs, published=published, canonical=path))
        held = served.pages["/fil/depeche-4.html"]

        def slow(request):
            release.wait(60)
            return held

        served.pages["/fil/depeche-4.html"] = slow
        items = [(t, served.url(p), f"Mon, {int(d[-2:]):02d} Jul 2024 08:00:00 +0000") for p, (t, _, d) in articles.items()]
        served.pages["/rss.xml"] = Page(rss(items), content_type="application/rss+xml", etag='"v1"')
        run("follow", "add", served.url("/rss.xml"), "--db", db_path)
        command = [sys.executable, "-m", "quotetrack", "follow", "update", "--db", db_path, *WEB, "--silent",
                   "--batch-size", "1", "--timeout", "60"]
        process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline and not _stored_paths(db_path):
                time.sleep(0.2)
            assert _stored_paths(db_path), process.stderr.read().decode() if process.poll() is not None else ""
            process.send_signal(signal.SIGKILL)
            process.wait()
        finally:
            if process.poll() is None:
                process.kill()
            release.set()
        before = _stored_paths(db_path)
        assert before == [served.url("/fil/depeche-6.html")]
        follow_state = open_db(db_path).conn.execute("SELECT etag, checked_at FROM follows").fetchone()
        assert follow_state == (None, None)  # not marked done: the next update reads the feed again
        resumed = run("follow", "update", "--db", db_path, *WEB)
        assert resumed.exit_code == 0, resumed.output
        after = _stored_paths(db_path)
        assert sorted(after) == sorted(served.url(p) for p in articles)  # each once: nothing lost, nothing doubled
        assert "1 déjà indexé," in resumed.output
        db = open_db(db_path)
        assert db.conn.execute("SELECT count(*) FROM quotes").fetchone()[0] == 6
        assert db.conn.execute("SELECT etag FROM follows").fetchone()[0] == '"v1"'


def _stored_paths(db_path) -> list[str]:
    if not os.path.exists(db_path):
        return []
    try:
        db = open_db(db_path)
    except Exception:
        return []
    try:
        return [row[0] for row in db.conn.execute("SELECT path FROM articles")]
    finally:
        db.close()


def test_urls_parsed_by_worker_processes(site, db_path):
    """Pages downloaded here, parsed by two forked workers (batches of one), stored in order."""
    result = run("index", "--feed", site.url("/rss.xml"), "--db", db_path, "--allow-local", "--delay", "0",
                 "--engine", "spacy", "--workers", "2", "--batch-size", "1")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "parsing in 2 worker processes" in result.output or "2 processus" in result.output
    assert "indexés 3" in result.output and "4 citations" in result.output


def test_a_changed_page_keeps_its_reviews(site, db_path):
    url = site.url("/politique/reforme-adoptee.html")
    run("index", url, "--db", db_path, *WEB)
    db = open_db(db_path)
    (quote_id,) = db.conn.execute("SELECT id FROM quotes").fetchone()
    db.close()
    assert run("review", quote_id, "--status", "confirmed", "--reviewer", "Claire Martin", "--db", db_path).exit_code == 0
    title, paragraphs, published = ARTICLES["/politique/reforme-adoptee.html"]
    site.pages["/politique/reforme-adoptee.html"] = Page(article_html(title, ["Mise à jour à 18 h."] + paragraphs, published=published))
    assert "remplacés 1" in run("index", url, "--db", db_path, *WEB).output
    db = open_db(db_path)
    assert db.conn.execute("SELECT text, status, reviewed_by FROM quotes").fetchall() == [
        ("Nous tiendrons nos engagements", "confirmed", "Claire Martin")]


def test_urls_parsed_on_a_dask_cluster(site, tmp_path):
    """Downloaded here, parsed by the cluster's workers: the same database as in one process."""
    distributed = pytest.importorskip("distributed")
    feed = site.url("/rss.xml")
    local = str(tmp_path / "local.db")
    run("index", "--feed", feed, "--db", local, *WEB)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        on_dask = str(tmp_path / "dask.db")
        result = run("index", "--feed", feed, "--db", on_dask, "--allow-local", "--delay", "0", "--engine", "spacy",
                     "--scheduler", cluster.scheduler_address, "--batch-size", "1")  # fmt: skip
        assert result.exit_code == 0, result.output
    columns = "path, url, title, source, author, published"
    assert stored(on_dask, columns) == stored(local, columns)
    quotes = "SELECT quotes.text, speakers.name FROM quotes JOIN speakers ON speakers.id = speaker_id ORDER BY quotes.text"
    assert [open_db(p).conn.execute(quotes).fetchall() for p in (on_dask, local)] == [open_db(local).conn.execute(quotes).fetchall()] * 2
