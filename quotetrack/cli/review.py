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
@click.argument("quote_id", metavar="ID_CITATION")
@click.option("--status", metavar="STATUT",
              help="confirmée, contestée, mal attribuée, rejetée (pas une citation), corrigée ou non vérifiée ; "
                   "aussi confirmed, disputed, misattributed, rejected, corrected, unreviewed.")
@click.option("--note", help="La note de la vérification (\"\" l'efface).")
@click.option("--speaker", help="Réattribuer : id (#12), nom ou alias d'un locuteur existant.")
@click.option("--new-speaker", is_flag=True, help="Créer le locuteur de --speaker s'il n'existe pas (sinon les plus proches sont proposés).")
@click.option("--text", help="Le texte corrigé ; le texte extrait est gardé.")
@click.option("--reviewer", envvar="QUOTETRACK_REVIEWER", help="Qui vérifie (par défaut : $QUOTETRACK_REVIEWER, sinon le nom de connexion).")
@db_option
@friendly
def review(quote_id, status, note, speaker, new_speaker, text, reviewer, db_path):
    """Vérifier une citation (id ou début unique) : statut, note, texte ou locuteur corrigé.

    Chaque changement est journalisé dans review_log (qui, quand, ancienne et nouvelle valeur).

    \b
    Exemple :
        quotetrack review e63fc2bb --status confirmée --note "Vérifié sur la vidéo"
        quotetrack review 7debc358 --status "mal attribuée" --speaker "Volodymyr Zelensky"
    """
    from ..archive.reviews import review_quote
    from ..vocabulary import FIELDS, status as status_label

    result = review_quote(open_database(db_path), quote_id, status=status, note=note, speaker=speaker, text=text,
                          reviewer=reviewer, new_speaker=new_speaker)  # fmt: skip
    if not result["changes"]:
        click.echo(f"{result['id']} : rien n'a changé")
        return
    click.echo(f"{result['id']} vérifiée par {result['reviewer']} le {result['at']}")
    for field, old, new in result["changes"]:
        if field == "status":
            old, new = status_label(old), status_label(new)
        click.echo(f"  {FIELDS.get(field, field)} : {'—' if old is None else old} → {'—' if new is None else new}")


REVIEW_COLUMNS = ("id", "status", "flag", "speaker", "said_on", "text", "notes", "reviewed_by")


@cli.command()
@click.option("--status", metavar="STATUT", help="Un statut (en français ou en anglais), reviewed (toute vérification) ou orphaned (orphelines).")
@click.option("--speaker", help="Nom, alias, nom de famille ou id du locuteur.")
@click.option("--limit", type=limit_type(), default=100, show_default=True, help="Nombre de citations affichées au plus.")
@format_option(FORMATS, "table")
@db_option
@friendly
def reviews(status, speaker, limit, fmt, db_path):
    """Lister les citations par statut de vérification : non vérifiées d'abord, puis orphelines, puis les autres.

    Les citations rejetées y restent listées, pour revenir sur la décision.

    \b
    Exemple :
        quotetrack reviews --status reviewed
        quotetrack reviews --status orphaned --format json
    """
    from ..archive.reviews import list_reviews

    rows = list_reviews(read_database(db_path), status=status, speaker=speaker, limit=limit)
    if fmt == "table" and not rows:
        click.echo("aucune citation trouvée", err=True)
        return
    limits = {"text": 60, "notes": 40, "speaker": 28}
    click.echo(reader_table(rows, REVIEW_COLUMNS, limits) if fmt == "table" else render(rows, fmt, REVIEW_COLUMNS))


@cli.command()
@click.argument("claim", metavar="CITATION")
@click.option("--speaker", help="À qui la citation est attribuée : comparé au locuteur de chaque source.")
@click.option("--threshold", type=FiniteFloat(0, 100), default=80.0, show_default=True, help="Score le plus bas (0-100) d'une source.")
@click.option("--limit", type=limit_type(), default=10, show_default=True, help="Nombre de sources affichées au plus.")
@format_option(("table", "json"), "table")
@db_option
@friendly
def verify(claim, speaker, threshold, limit, fmt, db_path):
    """L'a-t-on vraiment dit, et où ? Cherche CITATION dans les citations et le texte des articles.

    Casse, accents, ligatures, guillemets, apostrophes, espaces et forme Unicode ne sont
    jamais des différences ; des points de suspension tiennent lieu de mots coupés. Le
    verdict vient d'abord, avec l'article, le média, la date et le statut de vérification
    sur lesquels il repose, puis chaque source et ses différences. Une citation rejetée
    par la vérification n'est jamais une source.

    \b
    Code de sortie (le verdict) :
      0  exacte (les mêmes mots) ou abrégée (coupes marquées seulement)
      3  modifiée (mots changés, ajoutés ou retirés)
      5  trouvée, locuteur non identifié (personne d'identifiable ne la dit dans la source)
      4  mal attribuée (l'article la donne à un autre que --speaker)
      1  introuvable (aucune source n'atteint --threshold), ou une erreur

    \b
    Exemple :
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
    from ..checking.verdicts import sentence, shown_title, where
    from ..vocabulary import VERDICTS, status

    def echo(line):  # wordings come from articles: no escape sequence reaches the terminal
        click.echo(terminal_text(line))

    echo(sentence(result))
    sources = result["sources"] or ([result["closest"]] if result["closest"] else [])
    for number, s in enumerate(sources, 1):
        label = f"{number}." if result["sources"] else "la plus proche :"
        verdict = VERDICTS[s["verdict"]].lower() if result["sources"] else None
        head = [label, verdict, f"score {s['score']:g}", s.get("speaker") or "locuteur non identifié",
                s.get("said_on") or "sans date", s.get("source") or "média inconnu", shown_title(s) and f"« {shown_title(s)} »",
                where(s), f"statut : {status(s.get('status'))}"]  # fmt: skip
        echo("  ".join(part for part in head if part))
        found_in = f"citation {s['quote_id']}" if s["found_in"] == "quote" else "texte de l'article" + (f" (dans la citation {s['quote_id']})" if s.get("quote_id") else "")
        echo(f"   trouvée dans : {found_in}, caractères {s['start']}-{s['end']} de l'article {s['article_id'][:12]}")
        echo(f"   source :       « {s['wording']} »")
        echo(f"   différences :  {s['changes']}")
        if s["speaker_match"] is not None:
            said = "correspond à" if s["speaker_match"] else "ne correspond PAS à"
            echo(f"   locuteur :     {result['speaker']} {said} {s['speaker']}")
        elif result["speaker"] and s.get("speaker"):
            echo(f"   locuteur :     {result['speaker']} : la source ne l'identifie pas (« {s['speaker']} »)")
        elif result["speaker"]:
            echo(f"   locuteur :     {result['speaker']} : la source ne nomme pas de locuteur")
        if s.get("status") and s["status"] != "unreviewed":
            echo(f"   vérification : {status(s['status'])}" + (f" ({s['notes']})" if s.get("notes") else ""))
    for s in result.get("rejected") or []:
        echo(f"rejetée par la vérification (ne compte pas) : citation {s['quote_id']}, score {s['score']:g}, "
             f"{s.get('speaker') or 'locuteur non identifié'}, {where(s)}" + (f" ({s['notes']})" if s.get("notes") else ""))
