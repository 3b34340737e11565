"""Click's own words in French: usage lines, option help, errors a person reads.

Click writes « Usage: », « Show this message and exit. », « Error: … », « Invalid value
for … » through ``gettext``, bound at import in each of its modules as ``_`` and
``ngettext``. ``install`` points those names at this table, so every message of the
command line is French, click's included; a message missing from the table is left as
click wrote it (the test that scans every --help would then find its English).
"""

from __future__ import annotations

import importlib

MESSAGES = {
    "Usage:": "Utilisation :",
    "Options": "Options",
    "Commands": "Commandes",
    "Positional arguments": "Arguments",
    "Show this message and exit.": "Afficher cette aide et quitter.",
    "Show the version and exit.": "Afficher la version et quitter.",
    "%(prog)s, version %(version)s": "%(prog)s, version %(version)s",
    "Error: {message}": "Erreur : {message}",
    "Try '{command} {option}' for help.": "Aide : « {command} {option} ».",
    "Invalid value for {param_hint}: {message}": "Valeur invalide pour {param_hint} : {message}",
    "Invalid value: {message}": "Valeur invalide : {message}",
    "Missing argument": "Argument manquant",
    "Missing option": "Option manquante",
    "Missing parameter": "Paramètre manquant",
    "Missing parameter: {param_name}": "Paramètre manquant : {param_name}",
    "Missing {param_type}": "{param_type} manquant",
    "Missing command.": "Commande manquante.",
    "No such command {name!r}.": "Commande inconnue : {name!r}.",
    "No such option {name!r}.": "Option inconnue : {name!r}.",
    "No such option: {name}": "Option inconnue : {name}",
    "Option {name!r} does not take a value.": "L'option {name!r} ne prend pas de valeur.",
    "Option {name!r} requires an argument.": "L'option {name!r} demande une valeur.",
    "Option {name!r} requires {nargs} arguments.": "L'option {name!r} demande {nargs} valeurs.",
    "Got unexpected extra argument ({args})": "Argument en trop : {args}",
    "Got unexpected extra arguments ({args})": "Arguments en trop : {args}",
    "Did you mean {possibility}?": "Vouliez-vous dire {possibility} ?",
    "(Did you mean one of: {possibilities}?)": "(Vouliez-vous dire l'une de : {possibilities} ?)",
    "{value!r} is not {choice}.": "{value!r} n'est pas {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} n'est pas l'un de {choices}.",
    "{value!r} is not a valid {number_type}.": "{value!r} n'est pas un {number_type} valide.",
    "{value} is not in the range {range}.": "{value} n'est pas dans l'intervalle {range}.",
    "{value!r} is not a valid boolean. Recognized values: {states}": "{value!r} n'est pas un booléen ; valeurs reconnues : {states}",
    "{value!r} does not match the format {format}.": "{value!r} n'a pas le format {format}.",
    "{value!r} does not match the formats {formats}.": "{value!r} n'a aucun des formats {formats}.",
    "{name} {filename!r} does not exist.": "{name} {filename!r} n'existe pas.",
    "{name} {filename!r} is a file.": "{name} {filename!r} est un fichier.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} est un dossier.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} n'est pas lisible.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} n'est pas inscriptible.",
    "{name} {filename!r} is not executable.": "{name} {filename!r} n'est pas exécutable.",
    "Could not open file {filename!r}: {message}": "Impossible d'ouvrir le fichier {filename!r} : {message}",
    "file": "fichier",
    "directory": "dossier",
    "path": "chemin",
    "default: {default}": "par défaut : {default}",
    "env var: {var}": "variable d'environnement : {var}",
    "required": "obligatoire",
    "Aborted!": "Interrompu.",
    "unknown error": "erreur inconnue",
    "integer": "entier",
    "float": "nombre",
    "Takes {nargs} values but 1 was given.": "Demande {nargs} valeurs, une seule donnée.",
    "Takes {nargs} values but {len} were given.": "Demande {nargs} valeurs, {len} données.",
    "Argument {name!r} takes {nargs} values.": "L'argument {name!r} demande {nargs} valeurs.",
    "Value must be an iterable.": "La valeur doit être une liste.",
    "Do you want to continue?": "Continuer ?",
    "Repeat for confirmation": "Répétez pour confirmer",
    "Error: The two entered values do not match.": "Erreur : les deux valeurs diffèrent.",
    "Error: invalid input": "Erreur : saisie invalide",
    "Press any key to continue...": "Appuyez sur une touche pour continuer…",
    "Confirm the action without prompting.": "Confirmer sans demander.",
}
_MODULES = ("core", "exceptions", "types", "parser", "decorators", "formatting", "termui", "utils")
# The names click shows as an option's metavar (TEXT, INTEGER RANGE) and in its errors.
TYPE_NAMES = {"StringParamType": "texte", "UnprocessedParamType": "texte", "IntParamType": "entier",
              "IntRange": "entier", "FloatParamType": "nombre", "FloatRange": "nombre", "BoolParamType": "booléen",
              "File": "fichier", "DateTime": "date"}  # fmt: skip


def gettext(message: str) -> str:
    return MESSAGES.get(message, message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return gettext(singular if count == 1 else plural)


def install() -> None:
    """Point click's ``_`` and ``ngettext`` at the French table (idempotent)."""
    for name in _MODULES:
        try:
            module = importlib.import_module(f"click.{name}")
        except ImportError:  # a later click without this module
            continue
        if hasattr(module, "_"):
            module._ = gettext
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext
    import click.types

    for name, french in TYPE_NAMES.items():
        if hasattr(click.types, name):
            getattr(click.types, name).name = french
