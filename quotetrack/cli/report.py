"""quotetrack report: printable fact-check sheets and attribution reports."""

from __future__ import annotations

import click

from .group import cli
from .common import friendly, db_option, read_database, filter_options, write_output, limit_type

REPORT_LIMIT = 500  # quotes in a search report unless --limit says otherwise


def report_options(func):
    for option in reversed(
        [
            click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the HTML to FILE.html."),
            click.option("--layout", type=click.Choice(["summary", "full", "compact", "cards"]), help="summary (articles: the default, two pages for a meeting); full or compact: who-said-what tables, the text and an annex (the default otherwise); cards: a card per quote."),
            click.option("--pdf", type=click.Path(dir_okay=False), help="Also write a PDF (WeasyPrint if installed, else Chromium)."),
            click.option("--templates", type=click.Path(exists=True, file_okay=False), help="Your own templates, tried before the built-in ones."),
            click.option("--organization", envvar="QUOTETRACK_ORGANIZATION", help="Who signs the fact-checks (ClaimReview author)."),
        ]
    ):
        func = option(func)
    return db_option(func)


def check_outputs(db, db_path, output, pdf) -> None:
    """Refuse, before any rendering, an output over the database, an article or in no folder."""
    from ..printing.atomic_files import check_output_path
    from ..archive.store import indexed_from

    for path in (output, pdf):
        if path:
            check_output_path(path, database=db_path, inputs=indexed_from(db, path))


def emit_report(html: str, output, pdf, db_path=None):
    from ..printing.pdf import write_pdf

    if output:
        write_output([html], output, database=db_path)
    if pdf:
        engine = write_pdf(html, pdf)
        click.echo(f"wrote {pdf} ({engine})", err=True)
    if not output and not pdf:
        click.echo(html)


@cli.group()
def report():
    """Printable HTML fact-check sheets and attribution reports."""


@report.command(name="article")
@click.argument("id_or_path")
@report_options
@friendly
def report_article(id_or_path, output, layout, pdf, templates, organization, db_path):
    """The fact-check sheet of one article: who said what, its text with every quote
    highlighted, and an annex (or a card per quote with --layout cards). ID_OR_PATH is
    an article id (or prefix), the path it was indexed from, its file name, or its URL.

    \b
    Example:
        quotetrack report article seeds/000_215c51ed475f2f51.txt -o sheet.html
    """
    from ..printing.sheets import article_sheet

    db = read_database(db_path)
    check_outputs(db, db_path, output, pdf)
    html = article_sheet(db, id_or_path, templates=templates, organization=organization, layout=layout or "summary")
    emit_report(html, output, pdf, db_path)


@report.command(name="speaker")
@click.argument("name")
@report_options
@friendly
def report_speaker(name, output, layout, pdf, templates, organization, db_path):
    """A speaker's dossier: every quote attributed to NAME, a table per article in date order."""
    from ..printing.sheets import speaker_dossier

    db = read_database(db_path)
    check_outputs(db, db_path, output, pdf)
    emit_report(speaker_dossier(db, name, templates=templates, organization=organization, layout=layout or "compact"), output, pdf, db_path)


@report.command(name="search")
@click.argument("query", required=False)
@filter_options
@click.option("--limit", type=limit_type(), default=REPORT_LIMIT, show_default=True, help="Most quotes in the report.")
@report_options
@friendly
def report_search(query, speaker, since, until, source, kind, limit, output, layout, pdf, templates, organization, db_path):
    """A printable report of the quotes a search finds (same filters as search), a table per article."""
    from ..printing.sheets import search_report
    from ..archive.search import count_matches

    db = read_database(db_path)
    check_outputs(db, db_path, output, pdf)
    filters = {"speaker": speaker, "since": since, "until": until, "source": source, "kind": kind}
    html = search_report(db, query, **filters, limit=limit, templates=templates, organization=organization, layout=layout or "compact")
    total = count_matches(db, query, **filters)
    if total > limit:
        click.echo(f"showing the first {limit} of {total} quotes (--limit to show more)", err=True)
    emit_report(html, output, pdf, db_path)
