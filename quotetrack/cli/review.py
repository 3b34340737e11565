"""Review and verification commands: review, reviews, verify."""

from __future__ import annotations

import json
import sys

import click

from ..output import FORMATS, render
from ..safetext import terminal_text
from . import cli
from .common import friendly, format_option, db_option, open_database


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
    from ..review import review_quote

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
@click.option("--limit", type=click.IntRange(1), default=100, show_default=True)
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
    from ..review import list_reviews

    rows = list_reviews(open_database(db_path), status=status, speaker=speaker, limit=limit)
    if fmt == "table" and not rows:
        click.echo("no quotes found", err=True)
        return
    click.echo(render(rows, fmt, REVIEW_COLUMNS, {"text": 60, "notes": 40, "speaker": 28}))


@cli.command()
@click.argument("claim")
@click.option("--speaker", help="Who the claim is attributed to: checked against each source.")
@click.option("--threshold", type=click.FloatRange(0, 100), default=80.0, show_default=True, help="Lowest score (0-100) of a source.")
@click.option("--limit", type=click.IntRange(1), default=10, show_default=True)
@format_option(("table", "json"), "table")
@db_option
@friendly
def verify(claim, speaker, threshold, limit, fmt, db_path):
    """Did they really say it, and where? Find CLAIM in quotes and article texts.

    Case, accents, quotation marks and small wording changes are forgiven; an ellipsis
    stands for omitted words. Exit status 0 when a source scores at least --threshold.

    \b
    Example:
        quotetrack verify "La sécurité se paie... coûte plus cher" --speaker Stoltenberg
    """
    from ..verify import verify as run_verify

    result = run_verify(open_database(db_path), claim, speaker=speaker, threshold=threshold, limit=limit)
    if fmt == "json":
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        _echo_verification(result)
    if not result["found"]:
        sys.exit(1)


def _echo_verification(result) -> None:
    def echo(line):  # wordings come from articles: no escape sequence reaches the terminal
        click.echo(terminal_text(line))

    sources = result["sources"]
    if not sources:
        echo(f"no source found scoring {result['threshold']:g} or more")
    else:
        echo(f"{len(sources)} source{'s' if len(sources) > 1 else ''} found (score {result['threshold']:g} or more), best first:")
    for number, s in enumerate(sources or [result["closest"]] * bool(result["closest"]), 1):
        label = f"{number}." if sources else "closest:"
        where = s.get("title") or s.get("path") or s["article_id"][:12]
        head = [label, f"score {s['score']:g}", s.get("speaker") or "no speaker", s.get("said_on") or "undated", s.get("source"), where]
        echo("  ".join(part for part in head if part))
        found_in = f"quote {s['quote_id']}" if s["found_in"] == "quote" else f"article text{' (in quote ' + s['quote_id'] + ')' if s.get('quote_id') else ''}"
        echo(f"   found in: {found_in}, characters {s['start']}-{s['end']} of article {s['article_id'][:12]}")
        echo(f"   source:   « {s['wording']} »")
        echo(f"   diff:     {s['changes']}")
        if s["speaker_match"] is not None:
            verdict = "matches" if s["speaker_match"] else "does NOT match"
            echo(f"   speaker:  {result['speaker']} {verdict} {s['speaker']}")
        if s.get("status") and s["status"] != "unreviewed":
            echo(f"   review:   {s['status']}" + (f" ({s['notes']})" if s.get("notes") else ""))
