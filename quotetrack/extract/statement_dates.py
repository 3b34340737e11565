"""When a statement was made, from the time expression attached to its reporting cue.

An article published on Friday that reports « a déclaré hier » dates the statement to
Thursday, not Friday: a fact-checker asking "what did X say since March 3?" needs the
day of the statement. This module finds the time expression of the clause around the
cue (« a déclaré hier », « Lundi, le ministre a affirmé », « lors de sa conférence de
presse de jeudi », « le 3 mars ») and resolves it against the publication date, the
way the press writes: a weekday is the most recent such day on or before publication,
a day and month without a year the latest such date on or before publication.

The quoted words themselves (and any other quotation in the sentence) are never read:
« Hier, nous avons perdu » says when something happened, not when it was said. A
relative expression without a publication date stays unresolved and is kept as written,
and so does one that would fall before the calendar's first day (« hier » in an article
dated 0001-01-01, Hugo's zero date): left empty with a warning, never an OverflowError
that would stop the whole batch.

Pure functions over text and offsets: no database, no parse.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
MONTHS = {
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
}  # fmt: skip
NUMBERS = {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "quinze": 15}  # fmt: skip
# Days before publication of the expressions that name one day relative to it.
RELATIVE_DAYS = {
    "avant-hier": 2, "hier": 1, "aujourd'hui": 0, "ce matin": 0, "ce midi": 0,
    "cet après-midi": 0, "ce soir": 0, "cette nuit": 0, "la veille au soir": None,
}  # fmt: skip
WINDOW = 160  # characters read on each side of the cue: a clause, not the paragraph

_WD = "|".join(WEEKDAYS)
_MONTH = "|".join(MONTHS)
_PART = r"(?:\s+(?:matin|midi|soir|après-midi|apres-midi))"
_EXPRESSION = re.compile(
    rf"""(?<![\w-])(?:
    (?P<date>(?:(?:le|ce)\s+)?(?:(?P<dwd>{_WD})\s+)?(?P<day>\d{{1,2}}|1er|premier)\s+(?P<month>{_MONTH})
        (?:\s+(?P<year>\d{{4}}))?{_PART}?)
  | (?P<numeric>(?:le\s+)?(?P<nday>\d{{1,2}})/(?P<nmonth>\d{{1,2}})/(?P<nyear>\d{{4}}))
  | (?P<relative>avant-hier{_PART}?|hier{_PART}?|aujourd'hui|aujourd’hui|ce\s+matin|ce\s+midi
        |cet\s+après-midi|ce\s+soir|cette\s+nuit)
  | (?P<lastweek>la\s+semaine\s+(?:dernière|passée))
  | (?P<lastmonth>le\s+mois\s+(?:dernier|passé))
  | (?P<ago>il\s+y\s+a\s+(?P<count>\d{{1,2}}|{"|".join(NUMBERS)})\s+(?P<unit>jours?|semaines?))
  | (?P<weekday>(?:ce\s+)?(?P<wd>{_WD}){_PART}?(?:\s+(?P<last>dernier|passé))?(?!\s+(?:prochain|\d)))
)(?![\w-])""",
    re.IGNORECASE | re.VERBOSE,
)
_SENTENCE_END = re.compile(r"(?<![A-Z])[.!?…](?=\s)|\n")  # not after an initial (M. Dupont)
_OTHER_QUOTE = re.compile(r"«[^»]*»|“[^”]*”")
# After the cue, the statement's clause ends where another clause begins.
_CLAUSE_END = re.compile(r",\s*(?:qui|dont|où|alors\s+que|tandis\s+que|avant\s+de|après\s+avoir|depuis)\b|;", re.IGNORECASE)
# Before the cue, a relative clause between commas speaks of something else.
_RELATIVE = re.compile(r",\s*(?:qui|dont|où|lequel|laquelle)\b[^,]*,", re.IGNORECASE)


@dataclass(frozen=True)
class StatementDate:
    """``said_on`` (YYYY-MM-DD or None), ``source``: 'text' when a time expression of the
    cue's clause dates it (``text`` is the expression as written, ``said_on`` None when
    it could not be resolved), 'article' when it is the publication date, None when
    nothing dates it."""

    said_on: str | None
    source: str | None
    text: str | None = None
    warning: str | None = None  # why a time expression was left unresolved, for the indexer


def statement_date(article_text: str, parts, cue_start: int | None, cue_end: int | None,
                   published: str | None) -> StatementDate:  # fmt: skip
    """The date of the statement a quote reports (see the module doc)."""
    pub = _as_date(published)
    found = find_expression(article_text, parts, cue_start, cue_end)
    if found is None:
        return StatementDate(pub.isoformat(), "article") if pub else StatementDate(None, None)
    text = " ".join(found.group(0).split())
    try:
        said_on = resolve(found, pub)
    except OverflowError:  # before 0001-01-01: no such day
        return StatementDate(None, "text", text, f"« {text} » compté depuis le {pub.isoformat()} tombe avant "
                                                  "l'an 1 : date de la déclaration laissée vide")
    return StatementDate(said_on.isoformat() if said_on else None, "text", text)


def find_expression(article_text: str, parts, cue_start: int | None, cue_end: int | None):
    """The time expression nearest the cue in its clause, as a match of ``_EXPRESSION``
    over a blanked copy of the cue's surroundings (quotations blanked out), or None."""
    if cue_start is None or cue_end is None:
        return None
    lo = max(0, cue_start - WINDOW)
    masked = _mask(article_text[lo : cue_end + WINDOW], parts, lo)
    cue_start, cue_end = cue_start - lo, cue_end - lo
    start = 0
    for match in _SENTENCE_END.finditer(masked, 0, cue_start):
        start = match.end()
    stop = _SENTENCE_END.search(masked, cue_end)
    end = len(masked) if stop is None else stop.start()
    clause = _CLAUSE_END.search(masked, cue_end, end)
    end = clause.start() if clause else end
    before = _RELATIVE.sub(lambda m: " " * len(m.group(0)), masked[start:cue_start])
    masked = masked[:start] + before + masked[cue_start:]
    best, best_distance = None, None
    for match in _EXPRESSION.finditer(masked, start, end):
        distance = max(cue_start - match.end(), match.start() - cue_end, 0)
        if best_distance is None or distance < best_distance:
            best, best_distance = match, distance
    return best


def resolve(match, pub: dt.date | None) -> dt.date | None:
    """The day a matched expression names, counted back from ``pub`` when relative."""
    group = match.groupdict()
    try:
        if group["date"]:
            day = 1 if group["day"].lower() in ("1er", "premier") else int(group["day"])
            month = MONTHS[group["month"].lower()]
            if group["year"]:
                return dt.date(int(group["year"]), month, day)
            return _latest(day, month, pub) if pub else None
        if group["numeric"]:
            return dt.date(int(group["nyear"]), int(group["nmonth"]), int(group["nday"]))
    except ValueError:  # le 31 février
        return None
    if pub is None:
        return None
    if group["relative"]:
        words = " ".join(group["relative"].lower().replace("’", "'").split())
        key = next(k for k in ("avant-hier", "hier") if words.startswith(k)) if "hier" in words else words
        return pub - dt.timedelta(days=RELATIVE_DAYS.get(key) or 0)
    if group["lastweek"]:
        return pub - dt.timedelta(days=pub.weekday() + 7)  # the previous week's Monday
    if group["lastmonth"]:
        first = pub.replace(day=1) - dt.timedelta(days=1)
        return first.replace(day=1)
    if group["ago"]:
        count = group["count"].lower()
        days = int(count) if count.isdigit() else NUMBERS[count]
        return pub - dt.timedelta(days=days * (7 if group["unit"].lower().startswith("semaine") else 1))
    weekday = WEEKDAYS.index(group["wd"].lower())
    back = (pub.weekday() - weekday) % 7
    if back == 0 and group["last"]:
        back = 7  # « mardi dernier » written on a Tuesday: a week ago
    return pub - dt.timedelta(days=back)


def _latest(day: int, month: int, pub: dt.date) -> dt.date | None:
    """The latest day/month on or before ``pub`` (« le 3 mars » in a January paper: last year)."""
    for year in range(pub.year, pub.year - 8, -1):  # eight years always include a 29 February
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate <= pub:
            return candidate
    return None


def _mask(window: str, parts, lo: int) -> str:
    """``window`` (the article text from offset ``lo``) with the quoted parts and any
    other quotation blanked out, same length: sentence ends and time words inside
    quoted words are not the reporter's."""
    chars = list(window)
    for a, b in parts or ():
        a, b = max(a - lo, 0), min(b - lo, len(chars))
        if a < b:
            chars[a:b] = " " * (b - a)
    return _OTHER_QUOTE.sub(lambda m: " " * len(m.group(0)), "".join(chars))


def _as_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
