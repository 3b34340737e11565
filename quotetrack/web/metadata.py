"""Datasette metadata for a quote database: French titles, hidden internals, facets, queries.

Datasette names a database after its file (``quotetrack.db`` is ``quotetrack``), so the
configuration is built for a given name by ``metadata(database)``. The tables a newsroom
reads come first with French titles and column descriptions; everything Datasette would
otherwise list that only the machinery uses (the FTS shadow tables, the migrations
table, the FTS source view) is hidden. The canned queries take their words through
``quotetrack_fts`` and their speaker through ``quotetrack_speaker_ids``, SQL functions
registered by the plugin (``plugin.prepare_connection``) over ``search.fts_query`` and
``search.speaker_ids``, so a search in the browser means what it means on the command line.
"""

from __future__ import annotations

from html import escape

# A quote's readable columns, as the canned queries show them (links: see plugin.render_cell).
_QUOTE_COLUMNS = """q.id, q.text AS citation, s.name AS locuteur, q.said_on AS date, a.source AS media,
    q.kind AS type, q.status AS statut, q.confidence AS confiance, a.title AS article, q.article_id"""
_QUOTE_JOINS = """FROM quotes q JOIN articles a ON a.id = q.article_id
LEFT JOIN speakers s ON s.id = q.speaker_id"""
# Empty parameters leave a filter out; dates may be partial (2024, 2024-03, 2024-03-15).
_WHO_SAID_WHAT = f"""SELECT {_QUOTE_COLUMNS}
{_QUOTE_JOINS}
WHERE (:mots = '' OR q.rowid IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH quotetrack_fts(:mots)))
  AND (:locuteur = '' OR q.speaker_id IN (SELECT value FROM json_each(quotetrack_speaker_ids(:locuteur))))
  AND (:depuis = '' OR substr(q.said_on, 1, length(:depuis)) >= :depuis)
  AND (:jusqu_au = '' OR substr(q.said_on, 1, length(:jusqu_au)) <= :jusqu_au)
ORDER BY q.said_on DESC, q.article_id, q.start
LIMIT 500"""
_BY_SPEAKER = f"""SELECT {_QUOTE_COLUMNS}
{_QUOTE_JOINS}
WHERE q.speaker_id IN (SELECT value FROM json_each(quotetrack_speaker_ids(:locuteur)))
ORDER BY q.said_on DESC, q.article_id, q.start"""
_TO_CHECK = f"""SELECT {_QUOTE_COLUMNS}, q.reason AS raison
{_QUOTE_JOINS}
WHERE q.status = 'unreviewed'
ORDER BY q.confidence IS NOT NULL, q.confidence, q.said_on DESC, q.article_id, q.start
LIMIT 500"""
# One row per article where the quote (or a near-identical copy) appears, earliest first.
_APPEARANCES = """SELECT json_extract(value, '$.said_on') AS date, json_extract(value, '$.source') AS media,
    json_extract(value, '$.title') AS article, json_extract(value, '$.speaker') AS locuteur,
    json_extract(value, '$.text') AS citation, json_extract(value, '$.score') AS score,
    json_extract(value, '$.quote_id') AS id, json_extract(value, '$.article_id') AS article_id
FROM json_each(quotetrack_appearances(:citation))"""

QUOTE_COLUMNS = {
    "id": "Identifiant stable de la citation (ouvre sa page)",
    "article_id": "L'article où elle figure (ouvre sa fiche)",
    "speaker_id": "Le locuteur auquel elle est attribuée",
    "text": "Les mots cités (le texte corrigé si un vérificateur l'a corrigé)",
    "kind": "directe, partielle (quelques mots entre guillemets) ou indirecte (discours rapporté)",
    "parts": "Positions des morceaux de la citation dans le texte de l'article",
    "start": "Position du début de la citation dans le texte de l'article",
    "end": "Position de la fin de la citation",
    "cue": "Le verbe ou la tournure qui introduit la citation",
    "cue_lemma": "Ce verbe à l'infinitif",
    "speaker_mention": "Le locuteur tel que l'article le nomme",
    "speaker_start": "Position de cette mention",
    "speaker_end": "Fin de cette mention",
    "context": "La phrase où figure la citation",
    "paragraph": "Numéro du paragraphe",
    "confidence": "Confiance de l'extraction (0 à 1)",
    "reason": "Pourquoi ce locuteur a été retenu",
    "said_on": "Date de la citation (celle de l'article)",
    "status": "Statut de vérification : à vérifier, confirmée, rejetée (pas une citation), locuteur corrigé, texte corrigé, contestée",
    "notes": "La note du vérificateur",
    "reviewed_by": "Dernier vérificateur",
    "reviewed_at": "Date de la dernière vérification (UTC)",
    "original_text": "Le texte extrait, quand il a été corrigé",
    "original_speaker_id": "Le locuteur extrait, quand la citation a été réattribuée",
    "reattributed": "1 si un vérificateur a changé le locuteur",
    "orphaned_from": "L'ancienne version de l'article d'où vient une citation vérifiée introuvable après réindexation",
    "text_key": "Empreinte du texte normalisé, pour retrouver la citation ailleurs",
}
VIEW_COLUMNS = {
    **{k: QUOTE_COLUMNS[k] for k in ("id", "text", "kind", "said_on", "status", "confidence", "cue", "context",
                                     "notes", "reviewed_by", "reviewed_at", "original_text", "orphaned_from")},
    "speaker": "Le locuteur (ouvre son dossier)",
    "speaker_kind": "personne, organisation, source anonyme ou inconnu",
    "role": "Fonction du locuteur",
    "source": "Le média",
    "title": "Titre de l'article",
    "url": "Adresse de l'article",
    "article_id": QUOTE_COLUMNS["article_id"],
    "original_speaker": "Le locuteur extrait, quand la citation a été réattribuée",
}  # fmt: skip
FACETS = ["speaker", "source", "kind", "status", {"month": "said_on"}]
FACETS_QUERY = "_facet=speaker&_facet=source&_facet=kind&_facet=status&_facet_month=said_on"
HIDDEN = ("quotes_fts", "articles_fts", "_sqlite_migrations")  # and quotes_fts_source: plugin.permission_allowed
FTS_SUFFIXES = ("_data", "_idx", "_docsize", "_config", "_content")


# The home page's list: table or query, title, what it is for.
HOME = (
    ("quote_view", "Citations", "chercher des mots, filtrer par locuteur, média, type, statut ou mois"),
    ("qui_a_dit_quoi", "Qui a dit quoi", "des mots, un locuteur, des dates"),
    ("citations_d_un_locuteur", "Citations d'un locuteur", "tout ce qu'une personne a dit"),
    ("a_verifier", "À vérifier", "les citations non vérifiées, les moins sûres d'abord"),
    ("premieres_apparitions", "Premières apparitions", "où une citation est parue, la première fois d'abord"),
    ("locuteurs", "Locuteurs", "chacun avec son nombre de citations, et sa page"),
    ("review_log", "Journal des vérifications", "qui a changé quoi, et quand"),
)


# Every table's and query's French name, where Datasette would print its SQL name.
TABLE_TITLES = {
    **{name: title for name, title, _ in HOME}, "quotes": "Citations (table brute)", "articles": "Articles",
    "speaker_aliases": "Autres noms des locuteurs", "speaker_log": "Journal des locuteurs",
    "articles_indexes": "Articles", "citations_d_un_locuteur": "Citations d'un locuteur",
    "speakers": "Locuteurs (table brute)",
}  # fmt: skip


def metadata(database: str) -> dict:
    """Datasette's metadata for the quote database Datasette calls ``database``."""
    hidden = {name: {"hidden": True} for name in HIDDEN}
    hidden.update({f"{fts}{suffix}": {"hidden": True} for fts in HIDDEN[:2] for suffix in FTS_SUFFIXES})
    tables = {
        "quote_view": {
            "title": "Citations",
            "description_html": "<p>Qui a dit quoi, quand et où : chaque citation avec son locuteur et son article,"
            " les plus récentes d'abord. Cherchez des mots (accents et majuscules ignorés),"
            f' <a href="?{escape(FACETS_QUERY)}">regroupez par locuteur, média, type, statut ou mois</a>.</p>',
            "sort_desc": "said_on",
            "size": 25,
            # no facet by default: counting five of them over 50,000 quotes takes 300 ms;
            # FACETS_QUERY asks for them (the description links to it)
            "columns": VIEW_COLUMNS,
        },
        "quotes": {
            "title": "Citations (table brute)",
            "description": "Toutes les colonnes des citations telles qu'elles sont stockées.",
            "sort_desc": "said_on",
            "columns": QUOTE_COLUMNS,
        },
        "articles": {
            "title": "Articles",
            "description": "Les articles indexés, avec leur texte complet.",
            "sort_desc": "published",
            "label_column": "title",
            "facets": ["source"],
            "columns": {
                "id": "Empreinte du texte (ouvre la fiche de vérification)", "url": "Adresse de l'article",
                "title": "Titre", "source": "Média", "author": "Auteur", "published": "Date de publication",
                "lang": "Langue", "path": "Fichier indexé", "text": "Texte complet",
                "engine": "Analyseur utilisé", "engine_version": "Version de l'analyseur",
                "indexed_at": "Date d'indexation (UTC)",
            },
        },  # fmt: skip
        "speakers": {
            "title": "Locuteurs",
            "description": "Les personnes et organisations citées ; le nom ouvre leur dossier.",
            "sort": "name",
            "label_column": "name",
            "facets": ["kind"],
            "columns": {"name": "Nom retenu (ouvre le dossier)", "kind": "personne, organisation, source anonyme ou inconnu",
                        "role": "Fonction", "wikidata_id": "Identifiant Wikidata"},  # fmt: skip
        },
        "speaker_aliases": {
            "title": "Autres noms des locuteurs",
            "description": "Chaque graphie rencontrée (« Macron », « le président ») et le locuteur qu'elle désigne.",
            "columns": {"alias": "Le nom tel qu'écrit", "speaker_id": "Le locuteur désigné"},
        },
        "review_log": {
            "title": "Journal des vérifications",
            "description": "Chaque changement fait par un vérificateur ou par la réindexation, jamais réécrit.",
            "sort_desc": "id",
            "facets": ["reviewer", "field", "action"],
            "columns": {"quote_id": "La citation", "field": "Le champ changé", "old_value": "Ancienne valeur",
                        "new_value": "Nouvelle valeur", "reviewer": "Qui", "logged_at": "Quand (UTC)",
                        "action": "vérification (une personne), fusion de locuteurs, ou reprise et orpheline (la réindexation)"},  # fmt: skip
        },
        **hidden,
    }
    queries = {
        "qui_a_dit_quoi": {
            "title": "Qui a dit quoi",
            "description": "Des mots (accents ignorés ; laissez vide pour tout), un locuteur facultatif"
            " (nom, autre nom ou nom de famille) et des dates facultatives (2024, 2024-03 ou 2024-03-15).",
            "sql": _WHO_SAID_WHAT,
        },
        "citations_d_un_locuteur": {
            "title": "Citations d'un locuteur",
            "description": "Toutes les citations d'un locuteur (nom, autre nom ou nom de famille), les plus récentes d'abord.",
            "sql": _BY_SPEAKER,
        },
        "a_verifier": {
            "title": "À vérifier",
            "description": "Les citations non vérifiées, celles dont l'extraction est la moins sûre d'abord.",
            "sql": _TO_CHECK,
        },
        "locuteurs": {
            "title": "Locuteurs",
            "description": "Chaque locuteur avec son nombre de citations, le plus cité d'abord ; tapez une partie"
            " du nom (accents et majuscules ignorés). Le nom ouvre sa page.",
            "sql": "SELECT s.id, s.name AS locuteur, s.kind AS type_de_locuteur, s.role AS fonction,"
            " count(q.id) AS citations, min(q.said_on) AS premiere, max(q.said_on) AS derniere"
            " FROM speakers s LEFT JOIN quotes q ON q.speaker_id = s.id"
            " WHERE :nom = '' OR s.key LIKE '%' || quotetrack_fold(:nom) || '%'"
            " GROUP BY s.id HAVING count(q.id) > 0 ORDER BY citations DESC, s.name LIMIT 500",
        },
        "articles_indexes": {
            "title": "Articles",
            "description": "Les articles indexés, les plus récents d'abord (le titre ouvre la fiche).",
            "sql": "SELECT id, title, source, author, published, url, lang, engine, engine_version, indexed_at"
            " FROM articles ORDER BY published DESC, indexed_at DESC",
        },
        "premieres_apparitions": {
            "title": "Premières apparitions",
            "description": "Les articles où une citation (son identifiant) ou une copie presque identique"
            " apparaît, le plus ancien d'abord.",
            "sql": _APPEARANCES,
        },
    }
    from datasette.utils import tilde_encode  # Datasette is imported only once an app is built

    base = "/" + tilde_encode(database)
    items = "".join(f'<li><a href="{base}/{name}">{escape(title)}</a> : {escape(what)}</li>' for name, title, what in HOME)
    return {
        "title": "quotetrack : qui a dit quoi",
        "description_html": "<p>Les citations extraites des articles indexés, leurs locuteurs et leurs vérifications."
        " Chaque citation mène à la fiche de vérification de son article et au dossier de son locuteur.</p>"
        f"<ul>{items}</ul>",
        "databases": {database: {"tables": tables, "queries": queries}},
    }
