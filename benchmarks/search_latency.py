"""Search latency on a large synthetic store: is `quotetrack search` still instant at 1M quotes?

Fills a database through the real schema (migrations, triggers, full-text index) with
synthetic French quotes, then times representative searches and prints p50/p95 per
query type and overall. Rows are inserted with plain SQL in large transactions, not
``save_article`` (one transaction per article), to keep the build to minutes; the FTS
triggers and indexes do the same work either way.

    python benchmarks/search_latency.py --quotes 100000
    python benchmarks/search_latency.py --db /tmp/bench.db   # keep the file to reuse it

An existing ``--db`` that already holds quotes is searched as it is, not refilled.
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
import statistics
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quotetrack.archive.search import search  # noqa: E402
from quotetrack.archive.store import article_id_for, counts, open_db, quote_id_for  # noqa: E402

WORDS = """
gouvernement réforme retraites économie sécurité défense européenne négociation accord
président ministre député sénat assemblée élection électeurs démocratie république
liberté égalité fraternité solidarité écologie énergie nucléaire électricité chômage
croissance inflation dépense budget impôts fiscalité entreprises salariés syndicats grève
manifestation police justice tribunal procès enquête témoignage victime sécurité
hôpital santé médecins infirmières vaccin épidémie école éducation élèves université
recherche scientifique climat réchauffement sécheresse inondation agriculture paysans
élevage forêt océan pêche transport ferroviaire autoroute aéroport mobilité vélo
logement loyer propriétaires quartier banlieue ville région département commune maire
Ukraine Russie Otan Europe Allemagne Italie Espagne Chine États-Unis Afrique Méditerranée
guerre paix armée soldats frontière réfugiés immigration intégration laïcité culture
musée théâtre cinéma littérature édition presse journalistes médias réseaux numérique
intelligence artificielle données vie privée cybersécurité télécommunications industrie
usine emploi compétitivité exportations commerce marché bourse banque crédit dette
nous devons allons pouvons voulons refusons négocierons défendrons protégerons
continuerons agirons répondrons soutiendrons réussirons changerons garantirons
aujourd'hui demain hier toujours jamais vraiment clairement évidemment certainement
très trop assez beaucoup peu moins plus mieux pire bien mal vite lentement ensemble
grave inacceptable inquiétant préoccupant historique décisif nécessaire urgent légitime
c'est ce n'est pas il faut nous avons été sera serait était avons déjà encore
""".split()
# Short words most quotes contain; people rarely search for them, but some do.
STOP_WORDS = """
de la le les des du un une et à en que qui nous vous il elle on est sont a ont pas ne
plus pour dans sur avec ce cette ces se sa son ses leur au aux par mais ou donc
""".split()
# Endings that turn each stem above into a family of rarer forms (« négociations »).
ENDINGS = ["", "s", "e", "es", "ment", "ité", "isme", "iste", "aire", "ique", "ées", "ions",
           "era", "ront", "ait", "aient", "ée", "eur", "euse", "ance"]
FIRST_NAMES = """
Élisabeth Émile Hélène Jérôme Françoise François Gérald Bérénice Clémence Cécile Agnès
Anaïs Noël Raphaël Joël Zoé Loïc Maëlle Benoît Jean-Luc Marie-José Jean-Noël Stéphane
Frédéric Sébastien Valérie Amélie Aurélien Thérèse Léa Théo Gaël Inès Chloé Mathéo
""".split()
LAST_NAMES = """
Borne Véran Darmanin Lefèvre Mélenchon Pécresse Ferrand Bérégovoy Ségur Dupré Léger
Chénier Hébert Fèvre Mégret Bové Hénin Béjart Lévêque Gréco Frêche Després Moraës
Dufrêne Bréhier Névache Pélissier Crémieux Gaëtan Müller Nuñez Gonçalves Zoë Lenôtre
Thévenin Séguin Vérité Brûlé Château Côté Désir Pâris Légaré Bélanger Gélinas Poléon
Lheureux Rémond Vézina Ménard Cloutier
""".split()
SOURCES = ["Le Monde", "Libération", "Le Figaro", "Ouest-France", "L'Équipe", "Les Échos",
           "La Croix", "Mediapart", "L'Humanité", "Le Télégramme", "Sud Ouest", "La Dépêche"]
KINDS = ("direct", "partial", "indirect")
FIRST_DAY = datetime.date(2015, 1, 1)
DAYS = 3653


def strip_accents(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def vocabulary() -> list[str]:
    """About 6,000 content words, most frequent first (the order their weights follow).

    The same list on every run, so a kept ``--db`` is searched with its own words.
    """
    words = list(dict.fromkeys(stem + ending for ending in ENDINGS for stem in WORDS))
    head, tail = words[: len(WORDS)], words[len(WORDS):]
    random.Random(0).shuffle(tail)
    return head + tail


def build(db, n_quotes: int, rng: random.Random) -> dict:
    """Speakers, articles and quotes with Zipf-like word frequencies, as news has."""
    n_speakers = max(20, n_quotes // 500)
    n_articles = max(10, n_quotes // 20)
    # Simple then compound surnames: 50 x 55 simple names would not be enough.
    simple = [f"{first} {last}" for first in FIRST_NAMES for last in LAST_NAMES]
    compound = [f"{first} {last}-{other}" for first in FIRST_NAMES[:10]
                for last in LAST_NAMES for other in LAST_NAMES if other != last]
    names = rng.sample(simple, min(n_speakers, len(simple)))
    names += rng.sample(compound, n_speakers - len(names))
    rng.shuffle(names)
    words = vocabulary()
    weights = [1 / (rank + 1) for rank in range(len(words))]
    speaker_weights = [1 / (rank + 1) ** 0.8 for rank in range(len(names))]

    with db.conn:  # explicit BEGIN below; `with` commits or rolls back
        db.conn.execute("BEGIN")
        db.conn.executemany(
            "INSERT INTO speakers (id, name, kind, role) VALUES (?, ?, 'person', ?)",
            [(i + 1, name, rng.choice(["ministre", "député", "maire", None]))
             for i, name in enumerate(names)],
        )
        db.conn.executemany(
            "INSERT OR IGNORE INTO speaker_aliases (alias, speaker_id) VALUES (?, ?)",
            [(alias, i + 1) for i, name in enumerate(names)
             for alias in (name, name.split(" ", 1)[1])],
        )
    per_article = n_quotes // n_articles
    quote_number = 0
    batch_articles, batch_quotes = [], []
    for a in range(n_articles):
        day = FIRST_DAY + datetime.timedelta(days=rng.randrange(DAYS))
        text = f"Article synthétique {a} du {day.isoformat()}."
        article_id = article_id_for(text)
        batch_articles.append((article_id, f"https://example.fr/{a}", f"Titre {a}",
                               rng.choice(SOURCES), day.isoformat(), "fr", f"corpus/{a}.txt",
                               text, "bench", "0", "2024-01-01T00:00:00+00:00"))
        count = per_article + (1 if a < n_quotes - per_article * n_articles else 0)
        speakers = rng.choices(range(1, len(names) + 1), weights=speaker_weights, k=3)
        for position in range(count):
            length = rng.randint(6, 24)
            quote_text = " ".join(
                rng.choice(STOP_WORDS) if rng.random() < 0.4 else word
                for word in rng.choices(words, weights=weights, k=length)
            )
            parts = [[position * 200, position * 200 + len(quote_text)]]
            batch_quotes.append((
                quote_id_for(article_id, parts, quote_text), article_id,
                rng.choice(speakers), quote_text, rng.choice(KINDS), json.dumps(parts),
                parts[0][0], parts[0][1], "a déclaré", "déclarer", position,
                round(rng.random(), 2), day.isoformat(),
            ))
            quote_number += 1
        if len(batch_quotes) >= 50_000 or a == n_articles - 1:
            insert_batch(db, batch_articles, batch_quotes)
            batch_articles, batch_quotes = [], []
            print(f"  {quote_number:,} quotes", end="\r", file=sys.stderr)
    print(file=sys.stderr)
    return {"speakers": names, "words": words}


def insert_batch(db, articles, quotes) -> None:
    with db.conn:
        db.conn.execute("BEGIN")
        db.conn.executemany(
            "INSERT INTO articles (id, url, title, source, published, lang, path, text, engine,"
            " engine_version, indexed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            articles,
        )
        db.conn.executemany(
            'INSERT INTO quotes (id, article_id, speaker_id, text, kind, parts, start, "end",'
            " cue, cue_lemma, paragraph, confidence, said_on)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            quotes,
        )


def searches(speakers: list[str], words: list[str], n: int, rng: random.Random):
    """``n`` (type, filters) pairs, a quarter of each type.

    Terms are drawn by frequency, as people search what is talked about, unaccented
    half the time; one in ten is a word most quotes contain (« nous »), a prefix or a
    phrase, the costly cases.
    """
    weights = [1 / (rank + 1) ** 0.5 for rank in range(len(words))]

    def term():
        roll = rng.random()
        if roll < 0.04:
            return rng.choice(["nous", "pas", "il faut", "c'est"])
        word = rng.choices(words, weights=weights)[0].split("'")[-1].split("-")[0]
        if roll < 0.07:
            return word[:4] + "*"
        if roll < 0.10:
            return f'"{word} {rng.choice(words)}"'
        return strip_accents(word) if rng.random() < 0.5 else word

    def speaker():
        name = rng.choice(speakers[:200] if rng.random() < 0.7 else speakers)
        return name.split(" ", 1)[1] if rng.random() < 0.5 else name.lower()

    def date_range():
        start = FIRST_DAY + datetime.timedelta(days=rng.randrange(DAYS - 31))
        length = rng.choice([7, 31, 365])
        return {"since": start.isoformat(),
                "until": (start + datetime.timedelta(days=length)).isoformat()}

    kinds = {
        "fts": lambda: {"query": term()},
        "fts+speaker": lambda: {"query": term(), "speaker": speaker()},
        "speaker": lambda: {"speaker": speaker()},
        "date range": date_range,
    }
    plan = [(kind, make()) for kind, make in kinds.items() for _ in range(n // len(kinds))]
    rng.shuffle(plan)
    return plan


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quotes", type=int, default=1_000_000)
    parser.add_argument("--db", help="database file (default: a temporary file, deleted after)")
    parser.add_argument("--searches", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(args.db or Path(tmp) / "bench.db")
        db = open_db(path)
        if counts(db)["quotes"]:
            print(f"Using the {counts(db)['quotes']:,} quotes already in {path}")
            speakers = [row[0] for row in db.conn.execute("SELECT name FROM speakers ORDER BY id")]
            words = vocabulary()
        else:
            started = time.perf_counter()
            # Random quote ids make index inserts random: give the build a large page
            # cache, then searches run with the default one, as `quotetrack search` does.
            db.execute("PRAGMA cache_size = -524288")
            built = build(db, args.quotes, rng)
            db.execute("PRAGMA cache_size = -2000")
            speakers, words = built["speakers"], built["words"]
            # No ANALYZE: a newsroom's file has no statistics either, unless someone runs it.
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            print(f"Built {counts(db)} in {time.perf_counter() - started:.1f} s, "
                  f"{path.stat().st_size / 2**20:,.0f} MiB")

        timings: dict[str, list[float]] = {}
        found = 0
        search(db, "gouvernement")  # first query pays for reading the speaker directory
        plan = searches(speakers, words, args.searches, random.Random(args.seed))
        for kind, filters in plan:
            started = time.perf_counter()
            found += len(search(db, **filters))
            timings.setdefault(kind, []).append((time.perf_counter() - started) * 1000)
        timings["overall"] = [t for values in list(timings.values()) for t in values]
        print(f"{sum(len(v) for k, v in timings.items() if k != 'overall')} searches "
              f"(limit 50), {found:,} rows returned")
        print(f"{'query type':<14}{'n':>5}{'p50 ms':>10}{'p95 ms':>10}{'max ms':>10}")
        for kind, values in timings.items():
            print(f"{kind:<14}{len(values):>5}{percentile(values, 50):>10.1f}"
                  f"{percentile(values, 95):>10.1f}{max(values):>10.1f}")
        db.close()


if __name__ == "__main__":
    main()
