"""The verdict of a verification: what a fact-checker reads first, and the exit status.

A score says how close a claim is; a verdict says what to write. Each source found gets
one, from its word-level diff (``quotetrack.checking.alignment.word_diff``) and the speaker check:

- ``exact``: the same words (case, accents, quotation marks and apostrophes, spacing and
  Unicode normalisation form never count);
- ``abridged``: the same words, except passages the claim leaves out at an ellipsis;
- ``altered``: words changed, added or removed (the diff lists them);
- ``unattributed``: found, but nobody identifiable says it there (no speaker, or an
  anonymous source the article does not tie to the claimed ``--speaker``): a
  fact-checker cannot publish « exact » on it;
- ``misattributed``: found, but the article gives the words to another entity than the
  claimed ``--speaker`` (a role the article ties to that person is that person);
- ``not found``: no source reaches the threshold (a quote a reviewer rejected is none).

The claim's verdict is the best of its sources' (in the order above, the score
breaking ties), and that source is named first. Exit statuses let a script tell them
apart: 0 exact or abridged, 3 altered, 5 unattributed, 4 misattributed, 1 not found.
Every sentence names what it rests on: the article, its outlet, its date and the
quote's review status (``grounds``).
"""

from __future__ import annotations

from .. import vocabulary
from ..text.plurals import plural

VERDICTS = ("exact", "abridged", "altered", "unattributed", "misattributed", "not found")
EXIT_STATUS = {"exact": 0, "abridged": 0, "altered": 3, "unattributed": 5, "misattributed": 4, "not found": 1}
_RANK = {verdict: rank for rank, verdict in enumerate(VERDICTS)}


def wording_verdict(diff: list[dict]) -> str:
    """``exact``, ``abridged`` or ``altered`` from a diff's operations."""
    ops = {op["op"] for op in diff}
    if ops <= {"equal"}:
        return "exact"
    if ops <= {"equal", "omitted"}:
        return "abridged"
    return "altered"


def source_verdict(source: dict, asked: bool = False) -> str:
    """A source's verdict: a wrong speaker outweighs the wording (it is the bigger error),
    and so does no identifiable speaker (nobody can be said to have said it)."""
    if source.get("speaker_match") is False:
        return "misattributed"
    if not source.get("speaker") or (asked and source.get("speaker_match") is None):
        return "unattributed"
    return wording_verdict(source["diff"])


def decide(sources: list[dict], asked: bool = False) -> tuple[str, list[dict]]:
    """The claim's verdict and its sources, each with its ``verdict``, the deciding one first.

    Sources come best score first; sorting by verdict is stable, so within a verdict the
    score order (and the earliest on ties) is kept.
    """
    for source in sources:
        source["verdict"] = source_verdict(source, asked)
    ordered = sorted(sources, key=lambda s: _RANK[s["verdict"]])
    return (ordered[0]["verdict"] if ordered else "not found"), ordered


def where(source: dict) -> str:
    """``seeds/000_215c51ed475f2f51.txt, § 11``: the file (else title, URL, id) and paragraph."""
    place = source.get("path") or source.get("title") or source.get("url") or f"article {source['article_id'][:12]}"
    return f"{place}, § {source['paragraph']}" if source.get("paragraph") else place


def shown_title(source: dict) -> str | None:
    """The article's title, unless it is only its file name (which ``where`` shows)."""
    title = source.get("title")
    if title and source.get("path") and title == source["path"].replace("\\", "/").rsplit("/", 1)[-1]:
        return None
    return title


def grounds(source: dict) -> str:
    """What a verdict rests on, for a reader who must cite it: « « Titre » (Le Monde,
    2024-07-16), seeds/a.txt, § 11 ; statut : confirmée »."""
    title = shown_title(source)
    article = f"« {title} »" if title else "article sans titre"
    outlet = source.get("source") or "média inconnu"
    date = source.get("said_on") or "sans date"
    status = vocabulary.status(source.get("status"))
    return f"{article} ({outlet}, {date}), {where(source)} ; statut : {status}"


def sentence(result: dict) -> str:
    """The verdict as one plain French sentence naming its grounds:
    « Citation exacte : Jens Stoltenberg ; « Titre » (Le Quotidien, 2024-07-16), seeds/…, § 11 ; statut : non vérifiée »."""
    verdict = result["verdict"]
    label = vocabulary.VERDICTS[verdict]
    if verdict == "not found":
        closest = result.get("closest")
        nearest = f" (la plus proche, score {closest['score']:g} : {grounds(closest)})" if closest else ""
        rejected = result.get("rejected") or []
        if rejected:
            only = "la seule correspondance" if len(rejected) == 1 else f"les {len(rejected)} correspondances"
            first = rejected[0]
            note = f", note : {first['notes']}" if first.get("notes") else ""
            return (f"{label} : {only} a été rejetée par la vérification (pas une citation{note}) ; "
                    f"{grounds(first)}")  # fmt: skip
        return f"{label} : aucune source n'atteint le score {result['threshold']:g}{nearest}"
    source = result["sources"][0]
    speaker = source.get("speaker") or "locuteur non identifié"
    if verdict == "misattributed":
        return f"{label} : dite par {speaker}, pas par {result['speaker']} ; {grounds(source)}"
    if verdict == "unattributed":
        said = f"attribuée à « {source['speaker']} »" if source.get("speaker") else "aucun locuteur nommé"
        return f"{label} : {said} ; {grounds(source)}"
    changes = sum(1 for op in source["diff"] if op["op"] in ("changed", "added", "removed"))
    counted = f" ({plural(changes, 'différence')})" if verdict == "altered" else ""
    return f"{label}{counted} : {speaker} ; {grounds(source)}"
