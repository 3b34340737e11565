"""quotetrack report: printable fact-check sheets and attribution reports."""

from __future__ import annotations

import click

from .group import cli
from .common import friendly, db_option, read_database, filter_options, include_rejected_option, write_output, limit_type

REPORT_LIMIT = 500  # quotes in a search report unless --limit says otherwise


def report_options(func):
    for option in reversed(
        [
            click.option("-o", "--output", type=click.Path(dir_okay=False), metavar="FICHIER", help="Écrire le HTML dans FICHIER (« - » : sur la sortie standard ; par défaut : un fichier nommé d'après le sujet, dans le dossier courant)."),
            click.option("--layout", type=click.Choice(["summary", "full", "compact", "cards"]), help="summary (articles : par défaut, deux pages pour une conférence de rédaction) ; full ou compact : tableaux « qui a dit quoi », le texte et une annexe (par défaut sinon) ; cards : une fiche par citation."),
            click.option("--pdf", type=click.Path(dir_okay=False), metavar="FICHIER", help="Écrire aussi un PDF (WeasyPrint s'il est installé, sinon Chromium)."),
            click.option("--templates", type=click.Path(exists=True, file_okay=False), metavar="DOSSIER", help="Vos propres gabarits, essayés avant ceux de quotetrack."),
            click.option("--organization", envvar="QUOTETRACK_ORGANIZATION", help="Qui signe les vérifications (auteur des ClaimReview)."),
        ]
    ):
        func = option(func)
    return db_option(func)


def check_outputs(db, db_path, output, pdf) -> None:
    """Refuse, before any rendering, an output over the database, an article or in no folder."""
    from ..printing.atomic_files import check_output_path
    from ..archive.store import indexed_from

    for path in (output, pdf):
        if path and path != "-":
            check_output_path(path, database=db_path, inputs=indexed_from(db, path))


def default_output(kind: str, subject: str) -> str:
    """The file a report goes to without -o: named after its subject, in the current
    folder (« fiche-jens-stoltenberg.html »), never HTML poured into the terminal."""
    from ..text.safety import file_slug

    return f"{kind}-{file_slug(subject)}.html"


def emit_report(html: str, output, pdf, db_path=None, default=None):
    """Write the report to ``output``, else to ``default`` (named after the subject) unless
    only a PDF was asked; say where, in French."""
    from ..printing.pdf import write_pdf

    if not output and not pdf:
        output = default
    if output == "-":  # asked for by name: the terminal or a pipe
        click.echo(html)
    elif output:
        write_output([html], output, database=db_path)
    if pdf:
        engine = write_pdf(html, pdf)
        click.echo(f"écrit : {pdf} ({engine})", err=True)


@cli.group()
def report():
    """Fiches de vérification et rapports d'attribution imprimables (HTML, PDF).

    Sans -o, le rapport est écrit dans un fichier nommé d'après son sujet, dans le
    dossier courant ; la commande dit lequel.
    """


@report.command(name="article")
@click.argument("id_or_path", metavar="ID_OU_CHEMIN")
@report_options
@include_rejected_option
@friendly
def report_article(id_or_path, output, layout, pdf, templates, organization, db_path, include_rejected):
    """La fiche de vérification d'un article : qui a dit quoi, son texte avec chaque
    citation soulignée, et une annexe (ou une fiche par citation avec --layout cards).
    ID_OU_CHEMIN est l'id d'un article (ou son début), le chemin d'où il a été indexé,
    son nom de fichier ou son URL. Les citations rejetées n'y sont pas, sauf
    --include-rejected.

    \b
    Exemple :
        quotetrack report article seeds/000_215c51ed475f2f51.txt -o fiche.html
    """
    from ..printing.sheets import article_sheet, find_article

    db = read_database(db_path)
    check_outputs(db, db_path, output, pdf)
    html = article_sheet(db, id_or_path, templates=templates, organization=organization, layout=layout or "summary",
                         include_rejected=include_rejected)  # fmt: skip
    article = find_article(db, id_or_path)
    subject = article["title"] or (article["path"] or article["id"]).replace("\\", "/").rsplit("/", 1)[-1]
    emit_report(html, output, pdf, db_path, default_output("fiche", subject))


@report.command(name="speaker")
@click.argument("name", metavar="LOCUTEUR")
@report_options
@include_rejected_option
@friendly
def report_speaker(name, output, layout, pdf, templates, organization, db_path, include_rejected):
    """Le dossier d'un locuteur (id, nom, alias ou nom de famille) : chaque citation qui
    lui est attribuée, un tableau par article dans l'ordre des dates. Les citations
    rejetées n'y sont pas, sauf --include-rejected."""
    from ..printing.sheets import speaker_dossier

    db = read_database(db_path)
    check_outputs(db, db_path, output, pdf)
    html = speaker_dossier(db, name, templates=templates, organization=organization, layout=layout or "compact",
                           include_rejected=include_rejected)  # fmt: skip
    emit_report(html, output, pdf, db_path, default_output("dossier", name))


@report.command(name="search")
@click.argument("query", required=False, metavar="[RECHERCHE]")
@filter_options
@click.option("--limit", type=limit_type(), default=REPORT_LIMIT, show_default=True, help="Nombre de citations du rapport au plus.")
@report_options
@friendly
def report_search(query, speaker, since, until, source, kind, include_rejected, limit, output, layout, pdf, templates, organization, db_path):
    """Un rapport imprimable des citations qu'une recherche trouve (mêmes filtres que quotetrack search), un tableau par article."""
    from ..printing.sheets import search_report
    from ..archive.search import count_matches

    db = read_database(db_path)
    check_outputs(db, db_path, output, pdf)
    filters = {"speaker": speaker, "since": since, "until": until, "source": source, "kind": kind}
    html = search_report(db, query, **filters, limit=limit, templates=templates, organization=organization,
                         layout=layout or "compact", include_rejected=include_rejected)  # fmt: skip
    total = count_matches(db, query, **filters, include_rejected=include_rejected)
    if total > limit:
        click.echo(f"{limit} sur {total} citations dans le rapport ; --limit pour plus", err=True)
    emit_report(html, output, pdf, db_path, default_output("recherche", query or "toutes-les-citations"))
