"""Review and verification commands: review, reviews, verify."""

from __future__ import annotations

import json
import sys

import click

from ..printing.tables import FORMATS, render
from ..text.safety import terminal_text
from .group import cli
from .common import friendly, format_option, db_option, open_database, read_database, reader_table, limit_type, FiniteFloat


@cli.command()
@click.argument("quote_id")
@click.option("--status", help="confirmed, disputed, misattributed, rejected, corrected (or unreviewed).")
@click.option("--note", help="The reviewer's note (\"\" clears it).")
@click.option("--speaker", help="Reattribute: canonical name or alias, created if unknown.")
@click.option("--text", help="The corrected wording; the extracted one is kept.")
@click.option("--reviewer", envvar="QUOTETRACK_REVIEWER", help="Who reviews (default: $QUOTETRACK_REVIEWER, else the login name).")
@db_option
@friendly
def review(quote_id, status, note, speaker, text, reviewer, db_path):
    """Review a quote (id or unique prefix): status, note, corrected text or speaker.

    Every change is logged in review_log (who, when, old and new value).

    \b
    Example:
        quotetrack review e63fc2bb --status confirmed --note "Vérifié sur la vidéo"
        quotetrack review 7debc358 --status misattributed --speaker "Volodymyr Zelensky"
    """
    from ..archive.reviews import review_quote

    result = review_quote(open_database(db_path), quote_id, status=status, note=note, speaker=speaker, text=text, reviewer=reviewer)
    if not result["changes"]:
        click.echo(f"{result['id']}: nothing changed")
        return
    click.echo(f"{result['id']} reviewed by {result['reviewer']} at {result['at']}")
    for field, old, new in result["changes"]:
        click.echo(f"  {field}: {'—' if old is None else old} → {'—' if new is None else new}")


REVIEW_COLUMNS = ("id", "status", "flag", "speaker", "said_on", "text", "notes", "reviewed_by")


@cli.command()
@click.option("--status", help="A status, 'reviewed' (any review) or 'orphaned'.")
@click.option("--speaker", help="Canonical name, alias or last name.")
@click.option("--limit", type=limit_type(), default=100, show_default=True)
@format_option(FORMATS, "table")
@db_option
@friendly
def reviews(status, speaker, limit, fmt, db_path):
    """List quotes by review status: unreviewed first, then orphaned, then the rest.

    \b
    Example:
        quotetrack reviews --status reviewed
        quotetrack reviews --status orphaned --format json
    """
    from ..archive.reviews import list_reviews

    rows = list_reviews(read_database(db_path), status=status, speaker=speaker, limit=limit)
    if fmt == "table" and not rows:
        click.echo("no quotes found", err=True)
        return
    limits = {"text": 60, "notes": 40, "speaker": 28}
    click.echo(reader_table(rows, REVIEW_COLUMNS, limits) if fmt == "table" else render(rows, fmt, REVIEW_COLUMNS))


@cli.command()
@click.argument("claim")
@click.option("--speaker", help="Who the claim is attributed to: checked against each source.")
@click.option("--threshold", type=FiniteFloat(0, 100), default=80.0, show_default=True, help="Lowest score (0-100) of a source.")
@click.option("--limit", type=limit_type(), default=10, show_default=True)
@format_option(("table", "json"), "table")
@db_option
@friendly
def verify(claim, speaker, threshold, limit, fmt, db_path):
    """Did they really say it, and where? Find CLAIM in quotes and article texts.

    Case, accents, quotation marks, apostrophes, spacing and Unicode form are never
    differences; an ellipsis stands for omitted words. The verdict comes first, then
    each source with its diff.

    \b
    Exit status (the verdict):
      0  exact (the same words) or abridged (cuts marked by an ellipsis only)
      3  altered (words changed, added or removed)
      4  misattributed (found, but --speaker did not say it)
      1  not found (no source scores --threshold), or an error

    \b
    Example:
        quotetrack verify "La sécurité se paie... coûte plus cher" --speaker Stoltenberg
    """
    from ..checking.verdicts import EXIT_STATUS
    from ..checking.verify import verify as run_verify

    result = run_verify(read_database(db_path), claim, speaker=speaker, threshold=threshold, limit=limit)
    if fmt == "json":
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        _echo_verification(result)
    sys.exit(EXIT_STATUS[result["verdict"]])


def _echo_verification(result) -> None:
    """The verdict's sentence, then each source (or the closest one) in detail, in French."""
    from ..checking.verdicts import sentence, where
    from ..vocabulary import VERDICTS, status

    def echo(line):  # wordings come from articles: no escape sequence reaches the terminal
        click.echo(terminal_text(line))

    echo(sentence(result))
    sources = result["sources"] or ([result["closest"]] if result["closest"] else [])
    for number, s in enumerate(sources, 1):
        label = f"{number}." if result["sources"] else "la plus proche :"
        verdict = VERDICTS[s["verdict"]].lower() if result["sources"] else None
        head = [label, verdict, f"score {s['score']:g}", s.get("speaker") or "locuteur non identifié",
                s.get("said_on") or "sans date", s.get("source"), where(s)]  # fmt: skip
        echo("  ".join(part for part in head if part))
        found_in = f"citation {s['quote_id']}" if s["found_in"] == "quote" else "texte de l'article" + (f" (dans la citation {s['quote_id']})" if s.get("quote_id") else "")
        echo(f"   trouvée dans : {found_in}, caractères {s['start']}-{s['end']} de l'article {s['article_id'][:12]}")
        echo(f"   source :       « {s['wording']} »")
        echo(f"   différences :  {s['changes']}")
        if s["speaker_match"] is not None:
            said = "correspond à" if s["speaker_match"] else "ne correspond PAS à"
            echo(f"   locuteur :     {result['speaker']} {said} {s['speaker']}")
        elif result["speaker"]:
            echo(f"   locuteur :     {result['speaker']} : la source ne nomme pas de locuteur")
        if s.get("status") and s["status"] != "unreviewed":
            echo(f"   vérification : {status(s['status'])}" + (f" ({s['notes']})" if s.get("notes") else ""))
