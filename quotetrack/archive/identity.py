"""Speakers as entities across the archive: who a quote's speaker is in the database.

Extraction names one speaker per person *within an article*; this module decides which
speaker row of the database that is, so that « what has X said since March? » finds
every quote of X and nobody else's:

- Anonymous and descriptive sources (« une source proche du dossier », « un habitant »,
  « le maire » with no name given, « les manifestants ») are scoped to their article:
  one row per article (``speakers.article_id``), never merged across articles by their
  wording, which says nothing about who spoke.
- A named person or organization is matched across articles by full name and known
  aliases, accents and case ignored (``speakers.key``, ``speaker_aliases.key``).
- A bare last or first name (« Stoltenberg », « Marie ») attaches first to the full name
  its own article gives, then to the one known speaker it fits; when several fit it
  stays a speaker of its own, which ``suggest_duplicates`` proposes to merge.
- Kinds (``KINDS``) come from the extraction, the curated lists of ``data/`` (countries,
  institutions, parties, companies, outlets) and the head noun of a description.

Merges and renames are decisions a person makes; they are logged in ``speaker_log``
(and, for every quote that changes speaker, in ``review_log``) like reviews.
"""

from __future__ import annotations

import re
from collections import defaultdict

from ..text.word_lists import organizations
from ..errors import QuotetrackError
from ..extract import lexicon
from .reviews import log
from ..text.folding import fold
from .search import resolve_speaker
from .speaker_rows import (KINDS, PARTICLES, add_aliases, create_speaker, is_bare, is_description, is_scoped, kind_of,
                           last_name, refresh_roles, same_key_speaker, shown_name, typed_name)  # fmt: skip
from .evidence import condition as evidence_condition
from .transaction import write_transaction

_NAME_WORD = r"[A-ZÀ-ÖØ-Þ][\w'’-]+"
# Capitalised words that start a sentence or a phrase, not a name (« Selon Dupont »).
NOT_FIRST_NAMES = {
    "selon", "pour", "mais", "et", "le", "la", "les", "un", "une", "des", "dans", "apres", "avant", "quand", "si",
    "alors", "enfin", "depuis", "ainsi", "pourtant", "cependant", "interroge", "interrogee", "face", "contre",
    "avec", "sans", "chez", "m.", "mme", "madame", "monsieur", "ministre", "president", "presidente", "maire",
}  # fmt: skip


class SameSpeaker(QuotetrackError):
    """A merge named one speaker twice (say, by name and by alias): nothing to merge."""


class InvalidName(QuotetrackError):
    """A rename to an empty name, or to the name of another speaker."""


class InvalidSplit(QuotetrackError):
    """A split that moves no quote, every quote, or quotes of another speaker."""


# ----- one article's speakers ------------------------------------------------------------------------
class ArticleSpeakers:
    """Finds or creates the speaker row of each quote of one article, inside
    ``save_article``'s transaction (see the module doc for the rules).

    The article's scoped speakers of earlier versions (``old_ids``) move to this
    version first, so a re-indexed « source proche du dossier » keeps its row (and any
    review pointing at it); ``finish`` deletes the scoped rows left without a quote.
    """

    def __init__(self, db, article_id: str, text: str, quotes, old_ids=()):
        self.db, self.article_id, self.text = db, article_id, text
        self.created = 0
        self.used: set[int] = set()
        moved = [old for old in old_ids if old != article_id]
        if moved:
            db.conn.execute(
                f"UPDATE speakers SET article_id = ? WHERE article_id IN ({', '.join('?' * len(moved))})",
                [article_id, *moved],
            )
        # the full names this article gives its persons, for bare names to attach to
        self.full_names = sorted(
            {q.speaker for q in quotes if q.speaker and len(q.speaker.split()) > 1 and not is_description(q.speaker)}
        )

    def id_for(self, quote) -> int:
        name = self._full_outlet_name(quote)
        kind = kind_of(name, quote.speaker_kind)
        if is_scoped(name, kind):
            speaker_id = self._scoped(name, kind)
        else:
            aliases = [quote.speaker, *quote.aliases]
            if is_bare(name) and kind in ("person", "unknown"):
                full = self._in_article(name)
                if full is not None:
                    name, kind = full, kind_of(full, "person")
            speaker_id = self._named(name, kind)
            add_aliases(self.db, speaker_id, [name, *aliases])
        self.used.add(speaker_id)
        return speaker_id

    def finish(self) -> None:
        """Drop this article's scoped speakers no quote points at; refresh the roles."""
        self.db.conn.execute(
            "DELETE FROM speakers WHERE article_id = ? AND NOT EXISTS (SELECT 1 FROM quotes q"
            " WHERE q.speaker_id = speakers.id OR q.original_speaker_id = speakers.id)",
            [self.article_id],
        )
        refresh_roles(self.db, sorted(self.used))

    def _full_outlet_name(self, quote) -> str:
        """« Le Parisien » cut to « Parisien » by its article: the listed name it is part of,
        read from the mention or from the text just before it."""
        name = " ".join(quote.speaker.split())
        candidates = []
        mention = " ".join((quote.speaker_mention or "").split())
        if mention.endswith(name) and mention != name:
            candidates.append(mention)
        start = quote.speaker_start
        if start is not None and 0 < start <= len(self.text):
            match = re.search(r"\b(Les |Le |La |L['’])$", self.text[max(0, start - 4) : start])
            if match:
                candidates.append(match.group(1) + name)
        for candidate in candidates:
            if fold(candidate) in organizations() and fold(name) not in organizations():
                return candidate
        return name

    def _scoped(self, name: str, kind: str) -> int:
        found = self.db.conn.execute(
            "SELECT id FROM speakers WHERE article_id = ? AND name = ?", [self.article_id, name]
        ).fetchone()
        if found:
            return found[0]
        self.created += 1
        return create_speaker(self.db, name, kind, None, self.article_id)

    def _in_article(self, word: str) -> str | None:
        """The one full name of this article a bare first or last name is part of."""
        key = fold(word)
        fits = {full for full in self.full_names if key in (fold(full.split()[0]), last_name(fold(full)))}
        if not fits:
            first = rf"({_NAME_WORD})\s+(?:(?:de|du|Le|La|van|von)\s+)?{re.escape(word)}\b"
            for match in re.finditer(first, self.text):
                if fold(match.group(1)) not in NOT_FIRST_NAMES:
                    fits.add(" ".join(match.group(0).split()))
            if key in lexicon.first_names():
                for match in re.finditer(rf"\b{re.escape(word)}\s+({_NAME_WORD}(?:\s+{_NAME_WORD})?)", self.text):
                    fits.add(" ".join(match.group(0).split()))
        return fits.pop() if len(fits) == 1 else None

    def _named(self, name: str, kind: str) -> int:
        """The global speaker this name is, else a new one."""
        conn = self.db.conn
        key = fold(name)
        found = (
            conn.execute("SELECT id, kind FROM speakers WHERE name = ? AND article_id IS NULL", [name]).fetchone()
            or conn.execute(
                "SELECT id, kind FROM speakers WHERE key = ? AND article_id IS NULL ORDER BY id LIMIT 1", [key]
            ).fetchone()
        )
        bare = is_bare(name) and kind in ("person", "unknown")
        if found is None and bare:
            fits = self._decided(name) or self._fitting(key)
            found = (fits[0], None) if len(fits) == 1 else None
        if found is None and not bare:
            found = conn.execute(
                "SELECT s.id, s.kind FROM speaker_aliases a JOIN speakers s ON s.id = a.speaker_id"
                " WHERE a.key = ? AND s.article_id IS NULL ORDER BY a.alias = ? DESC LIMIT 1",
                [key, name],
            ).fetchone()
        if found is None:
            self.created += 1
            return create_speaker(self.db, name, kind)
        speaker_id, known = found
        if known == "unknown" and kind != "unknown":
            conn.execute("UPDATE speakers SET kind = ? WHERE id = ?", [kind, speaker_id])
        return speaker_id

    def _decided(self, name: str) -> list[int]:
        """The speaker a person merged this very name into (``speaker_log``): a decision
        outweighs the ambiguity of a bare name."""
        row = self.db.conn.execute(
            "SELECT l.speaker_id FROM speaker_log l JOIN speakers s ON s.id = l.speaker_id"
            " WHERE l.action = 'merge' AND l.old_value = ? AND s.article_id IS NULL ORDER BY l.id DESC LIMIT 1",
            [name],
        ).fetchone()
        return [row[0]] if row else []

    def _fitting(self, key: str) -> list[int]:
        """Global person speakers a bare name fits: as their last or first name, or as an alias."""
        conn = self.db.conn
        ids = {
            row[0]
            for row in conn.execute(
                "SELECT id FROM speakers WHERE article_id IS NULL AND kind IN ('person', 'unknown')"
                " AND (last_key = ? OR (key >= ? AND key < ?))",
                [key, key + " ", key + " \uffff"],
            )
        }
        ids |= {
            row[0]
            for row in conn.execute(
                "SELECT s.id FROM speaker_aliases a JOIN speakers s ON s.id = a.speaker_id"
                " WHERE a.key = ? AND s.article_id IS NULL AND s.kind IN ('person', 'unknown')",
                [key],
            )
        }
        return sorted(ids)


def scope_anonymous_speakers(db) -> None:
    """Split each shared anonymous or descriptive speaker of an old database into one
    speaker per article it is quoted in (its aliases, worded alike, say nothing)."""
    speakers = db.conn.execute("SELECT id, name, kind FROM speakers").fetchall()
    for speaker_id, name, kind in speakers:
        kind = kind_of(name, kind)
        if not is_scoped(name, kind):
            continue
        articles = [a for (a,) in db.conn.execute(
            "SELECT DISTINCT article_id FROM quotes WHERE speaker_id = ? OR original_speaker_id = ? ORDER BY article_id",
            [speaker_id, speaker_id])]  # fmt: skip
        db.conn.execute("DELETE FROM speaker_aliases WHERE speaker_id = ?", [speaker_id])
        if not articles:
            continue
        db.conn.execute("UPDATE speakers SET article_id = ?, kind = ? WHERE id = ?", [articles[0], kind, speaker_id])
        for article_id in articles[1:]:
            new_id = create_speaker(db, name, kind, None, article_id)
            for column in ("speaker_id", "original_speaker_id"):
                db.conn.execute(
                    f"UPDATE quotes SET {column} = ? WHERE {column} = ? AND article_id = ?", [new_id, speaker_id, article_id]
                )


# ----- likely duplicates, merges and renames ---------------------------------------------------------
def _fits(short: list[str], long: list[str]) -> bool:
    """Every word of the shorter name is a word (or the initial) of the longer, in order."""
    k = 0
    for word in short:
        while k < len(long) and not (long[k] == word or (word.endswith(".") and long[k].startswith(word[:-1]))):
            k += 1
        if k == len(long):
            return False
        k += 1
    return True


def _is_verb_form(word: str) -> bool:
    """« abonde », « précise », « a » ... a reporting verb as conjugated after a name."""
    verbs = lexicon.reporting_verbs()
    folded = fold(word)
    stems = {folded + "r", folded[:-1] + "er", folded[:-2] + "er", folded[:-3] + "er", folded + "re"}
    return any(stem in verbs or fold(stem) in verbs for stem in stems if len(stem) > 3)


def name_quality(name: str) -> tuple:
    """How clean a proper name is, to keep the cleanest of two: no reporting verb caught
    with it (« Ivan Du Roy abonde »), no trailing lowercase word, then the longest full
    name (most words, then most letters). Compare with ``max``."""
    words = name.split()
    trailing_lower = bool(words) and words[-1][:1].islower() and fold(words[-1]) not in PARTICLES
    verb = any(_is_verb_form(w) for w in words[1:] if w[:1].islower())
    return (not verb and not trailing_lower, len(words), len(name))


def suggest_duplicates(db, limit: int | None = None) -> list[dict]:
    """Pairs of global person speakers that are likely one person, with the evidence:
    the names fit (a bare or initialled name within a full one, sharing its last name),
    the same role, the same outlet, quoted in the same article. Strongest first; each
    row says which to keep (the cleanest proper name, ``name_quality``) and which to
    merge into it, with their ids."""
    rows = db.conn.execute(
        "SELECT id, name, role, key FROM speakers WHERE article_id IS NULL AND kind IN ('person', 'unknown')"
    ).fetchall()
    by_word: dict[str, list] = defaultdict(list)
    for row in rows:
        for word in set(row[3].split()):
            by_word[word].append(row)
    pairs = set()
    for members in by_word.values():
        if len(members) < 2 or len(members) > 50:  # a word half the archive shares proves nothing
            continue
        for a in members:
            for b in members:
                if a[0] < b[0]:
                    pairs.add((a, b))
    facts = _speaker_facts(db, {row[0] for pair in pairs for row in pair})
    found = []
    for a, b in pairs:
        short, long = sorted((a, b), key=lambda row: (len(row[3].split()), len(row[1])))
        if short[3] == long[3] or not _fits(short[3].split(), long[3].split()):
            continue
        evidence = []
        if short[3].split()[-1] == long[3].split()[-1]:
            evidence.append(f"même nom de famille {long[1].split()[-1]}")
        elif len(short[3].split()) == 1:
            evidence.append(f"même prénom {short[1]}")
        role = _shared_role(db, short, long, facts)
        if role:
            evidence.append(f"même fonction : {role}")
        outlets = sorted(facts[short[0]]["outlets"] & facts[long[0]]["outlets"])
        if outlets:
            evidence.append("même média : " + ", ".join(outlets))
        together = _together(db, short, long, facts)
        if together:
            evidence.append(f"dans le même article ({together})")
        keep, merge = (short, long) if name_quality(short[1]) > name_quality(long[1]) else (long, short)
        found.append({
            "keep": keep[1], "merge": merge[1], "keep_id": keep[0], "merge_id": merge[0], "score": len(evidence),
            "quotes": facts[merge[0]]["quotes"], "evidence": "; ".join(evidence),
        })  # fmt: skip
    found.sort(key=lambda row: (-row["score"], fold(row["keep"]), fold(row["merge"])))
    return found[:limit] if limit is not None else found


def _shared_role(db, short: tuple, long: tuple, facts) -> str | None:
    """A role both were given, or one's role written in an article that quotes the other."""
    roles = {fold(r): r for i in (short[0], long[0]) for r in facts[i]["roles"]}
    both = set(map(fold, facts[short[0]]["roles"])) & set(map(fold, facts[long[0]]["roles"]))
    if both:
        return roles[min(both)]
    for one, other in ((short, long), (long, short)):
        for role in sorted(facts[one[0]]["roles"]):
            for article_id in sorted(facts[other[0]]["articles"]):
                text = db.conn.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()[0]
                if fold(role) in fold(text):
                    return role
    return None


def _together(db, short: tuple, long: tuple, facts) -> int:
    """Articles quoting the shorter name that quote the fuller one too, or name it."""
    both = facts[short[0]]["articles"] & facts[long[0]]["articles"]
    named = 0
    for article_id in sorted(facts[short[0]]["articles"] - both):
        text = db.conn.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()[0]
        named += long[1] in text
    return len(both) + named


def _speaker_facts(db, ids) -> dict[int, dict]:
    """Per speaker: the articles and outlets quoting it, its roles, its number of quotes."""
    facts = {i: {"outlets": set(), "articles": set(), "roles": set(), "quotes": 0} for i in ids}
    if not ids:
        return facts
    marks = ", ".join(str(int(i)) for i in sorted(ids))
    for speaker_id, article_id, source, role in db.conn.execute(
        f"SELECT q.speaker_id, q.article_id, a.source, q.role FROM quotes q JOIN articles a ON a.id = q.article_id"
        f" WHERE q.speaker_id IN ({marks}) AND {evidence_condition('q')}"
    ):
        facts[speaker_id]["articles"].add(article_id)
        facts[speaker_id]["quotes"] += 1
        facts[speaker_id]["outlets"] |= {source} if source else set()
        facts[speaker_id]["roles"] |= {role} if role else set()
    for speaker_id, role in db.conn.execute(f"SELECT id, role FROM speakers WHERE id IN ({marks}) AND role IS NOT NULL"):
        facts[speaker_id]["roles"].add(role)
    return facts


def merge_speakers(db, keep: str, merge: str, *, reviewer: str, at: str) -> dict:
    """Merge speaker ``merge`` into ``keep``: its quotes and aliases move, its name
    becomes an alias of ``keep``, and it is deleted. Both are named exactly (canonical
    name or alias, accents and case ignored), never by a last name alone. The merge is
    logged in ``speaker_log`` and, for every quote moved, in ``review_log``."""
    with write_transaction(db):
        kept, merged = resolve_speaker(db, keep), resolve_speaker(db, merge)
        if kept["id"] == merged["id"]:
            raise SameSpeaker(f"{merge} : c'est déjà {kept['name']} (#{kept['id']}), rien à fusionner")
        quote_ids = [row[0] for row in db.conn.execute("SELECT id FROM quotes WHERE speaker_id = ?", [merged["id"]])]
        db.conn.execute("UPDATE quotes SET speaker_id = ? WHERE speaker_id = ?", [kept["id"], merged["id"]])
        db.conn.execute(
            "UPDATE quotes SET original_speaker_id = ? WHERE original_speaker_id = ?", [kept["id"], merged["id"]]
        )
        aliases = db.conn.execute(
            "UPDATE speaker_aliases SET speaker_id = ? WHERE speaker_id = ?", [kept["id"], merged["id"]]
        ).rowcount
        db.conn.execute(
            "INSERT INTO speaker_aliases (alias, speaker_id, key) VALUES (?, ?, ?) "
            "ON CONFLICT (alias) DO UPDATE SET speaker_id = excluded.speaker_id",
            [merged["name"], kept["id"], fold(merged["name"])],
        )
        db.conn.execute(
            "UPDATE speakers SET role = coalesce(role, ?), wikidata_id = coalesce(wikidata_id, ?),"
            " kind = CASE kind WHEN 'unknown' THEN ? ELSE kind END WHERE id = ?",
            [merged["role"], merged["wikidata_id"], merged["kind"], kept["id"]],
        )
        db.conn.execute("DELETE FROM speakers WHERE id = ?", [merged["id"]])
        refresh_roles(db, [kept["id"]])
        _log(db, "merge", kept["id"], merged["name"], kept["name"], len(quote_ids), reviewer, at)
        log(db, [(q, "speaker", merged["name"], kept["name"]) for q in quote_ids], reviewer, at, "merge")
    return {"kept": kept["name"], "merged": merged["name"], "quotes": len(quote_ids), "aliases": aliases,
            "kept_id": kept["id"], "merged_id": merged["id"]}  # fmt: skip


def _visible_name(name: str) -> str:
    """The name as a person typed it, cleaned; refused (``InvalidName``) without a visible letter."""
    typed = typed_name(name)
    if not typed:
        raise InvalidName(f"« {shown_name(name)} » : un nom de locuteur doit contenir au moins une lettre visible")
    return typed


def rename_speaker(db, name: str, new_name: str, *, reviewer: str, at: str) -> dict:
    """Give a speaker a new canonical name; the old one stays as an alias. Logged."""
    new_name = _visible_name(new_name)
    with write_transaction(db):
        speaker = resolve_speaker(db, name)
        taken = same_key_speaker(db, new_name, article_id=speaker["article_id"], other_than=speaker["id"])
        if taken == new_name:
            raise InvalidName(f"{new_name} : un autre locuteur porte ce nom ; fusionnez-les plutôt (quotetrack speakers merge)")
        if taken:
            raise InvalidName(f"{new_name} : le locuteur « {taken} » porte déjà ce nom (aux accents et majuscules près) ; "
                              "fusionnez-les plutôt (quotetrack speakers merge)")
        folded = fold(new_name)
        db.conn.execute(
            "UPDATE speakers SET name = ?, key = ?, last_key = ? WHERE id = ?",
            [new_name, folded, last_name(folded), speaker["id"]],
        )
        if speaker["article_id"] is None:
            add_aliases(db, speaker["id"], [speaker["name"], new_name])
        _log(db, "rename", speaker["id"], speaker["name"], new_name, None, reviewer, at)
    return {"old": speaker["name"], "new": new_name, "id": speaker["id"]}


def retype_speaker(db, name: str, kind: str, *, reviewer: str, at: str) -> dict:
    """Say what a speaker is (``KINDS``: person, organization, outlet, anonymous…): the
    lists and the extraction guess; a person decides. Logged in ``speaker_log``."""
    if kind not in KINDS:
        raise InvalidName(f"{kind} : type de locuteur inconnu ; au choix : {', '.join(KINDS)}")
    with write_transaction(db):
        speaker = resolve_speaker(db, name)
        db.conn.execute("UPDATE speakers SET kind = ? WHERE id = ?", [kind, speaker["id"]])
        _log(db, "retype", speaker["id"], speaker["kind"], kind, None, reviewer, at)
    return {"id": speaker["id"], "name": speaker["name"], "old": speaker["kind"], "new": kind}


def split_speaker(db, name: str, new_name: str, *, quote_ids=(), article_ids=(), reviewer: str, at: str) -> dict:
    """Undo a wrong merge: the quotes ``quote_ids`` (ids or unique prefixes) and those of
    the articles ``article_ids`` move from speaker ``name`` to a new speaker ``new_name``
    of the same kind. Logged in ``speaker_log`` and, per quote, in ``review_log``."""
    new_name = _visible_name(new_name)
    with write_transaction(db):
        speaker = resolve_speaker(db, name)
        own = {qid: article for qid, article in db.conn.execute(
            "SELECT id, article_id FROM quotes WHERE speaker_id = ?", [speaker["id"]])}  # fmt: skip
        moving = set()
        for typed in quote_ids:
            found = [qid for qid in own if qid.startswith(typed.strip().lower())]
            if len(found) != 1:
                raise InvalidSplit(f"{typed} : aucune citation (ou plusieurs) de {speaker['name']} n'a cet id")
            moving.add(found[0])
        for article in article_ids:
            found = {qid for qid, a in own.items() if a == article or a.startswith(article.strip().lower())}
            if not found:
                raise InvalidSplit(f"{article} : aucune citation de {speaker['name']} dans cet article")
            moving |= found
        if not moving:
            raise InvalidSplit("rien à séparer : donnez --quote ID ou --article ID")
        if moving == set(own):
            raise InvalidSplit(f"toutes les citations de {speaker['name']} bougeraient : renommez-le plutôt (speakers rename)")
        taken = same_key_speaker(db, new_name, article_id=speaker["article_id"], other_than=speaker["id"])
        if fold(new_name) == speaker["key"]:
            taken = speaker["name"]
        if taken:
            raise InvalidName(f"{new_name} : le locuteur « {taken} » porte déjà ce nom (aux accents et majuscules près) ; "
                              "réattribuez avec review --speaker")
        new_id = create_speaker(db, new_name, speaker["kind"], None, speaker["article_id"])
        # the undone merge's alias (« Jean-Marie Le Pen » on Marine's row) goes with its person
        db.conn.execute("UPDATE speaker_aliases SET speaker_id = ? WHERE speaker_id = ? AND key = ?",
                        [new_id, speaker["id"], fold(new_name)])  # fmt: skip
        if speaker["article_id"] is None:
            add_aliases(db, new_id, [new_name])
        marks = ", ".join("?" * len(moving))
        db.conn.execute(f"UPDATE quotes SET speaker_id = ? WHERE id IN ({marks})", [new_id, *sorted(moving)])
        refresh_roles(db, [speaker["id"], new_id])
        _log(db, "split", new_id, speaker["name"], new_name, len(moving), reviewer, at)
        log(db, [(q, "speaker", speaker["name"], new_name) for q in sorted(moving)], reviewer, at, "split")
    return {"id": speaker["id"], "name": speaker["name"], "new_id": new_id, "new": new_name, "quotes": len(moving)}


def speaker_history(db) -> list[dict]:
    """Every merge and rename, oldest first."""
    cursor = db.conn.execute("SELECT * FROM speaker_log ORDER BY id")
    keys = [d[0] for d in cursor.description]
    return [dict(zip(keys, row)) for row in cursor.fetchall()]


def _log(db, action, speaker_id, old, new, quotes, reviewer, at) -> None:
    db.conn.execute(
        "INSERT INTO speaker_log (action, speaker_id, old_value, new_value, quotes, reviewer, logged_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [action, speaker_id, old, new, quotes, reviewer, at],
    )
