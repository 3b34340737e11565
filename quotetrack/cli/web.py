"""quotetrack serve: the newsroom web interface (Datasette) on the quote database."""

from __future__ import annotations

import click

from .group import cli
from .common import db_option, friendly, missing_database


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (0.0.0.0: the whole network).")
@click.option("--port", type=click.IntRange(0, 65535), default=8001, show_default=True)
@click.option("--allow-review", is_flag=True, help="Let the browser record reviews (otherwise the database is only read).")
@click.option("--templates", type=click.Path(exists=True, file_okay=False), help="Your own templates for the sheets and dossiers.")
@click.option("--organization", envvar="QUOTETRACK_ORGANIZATION", help="Who signs the fact-checks (ClaimReview author).")
@friendly
def serve(db_path, host, port, allow_review, templates, organization):
    """Browse, search and review the quotes in a browser (Datasette; needs quotetrack[web]).

    Read-only unless --allow-review. Pages: the quotes with search and facets, the
    canned queries (« Qui a dit quoi », « À vérifier »…), each quote with its review
    form, each article's fact-check sheet, each speaker's dossier.

    \b
    Example:
        quotetrack serve --db db/quotetrack.db --allow-review
    """
    from ..archive.reading import DatabaseMissing
    from ..web.app import check_address, create_app, serve as run

    try:
        app = create_app(db_path, allow_review=allow_review, templates=templates, organization=organization)
    except DatabaseMissing as missing:
        raise missing_database(missing) from None
    check_address(host, port)
    mode = "reviews allowed" if allow_review else "read-only"
    click.echo(f"quotetrack: http://{host}:{port}/ ({mode}; Ctrl-C to stop)", err=True)
    run(app, host, port)
