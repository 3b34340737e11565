"""The verdict of a verification: what a fact-checker reads first, and the exit status.

A score says how close a claim is; a verdict says what to write. Each source found gets
one, from its word-level diff (``quotetrack.checking.verify.word_diff``) and the speaker check:

- ``exact``: the same words (case, accents, quotation marks and apostrophes, spacing and
  Unicode normalisation form never count);
- ``abridged``: the same words, except passages the claim leaves out at an ellipsis;
- ``altered``: words changed, added or removed (the diff lists them);
- ``misattributed``: found, but the claimed ``--speaker`` is not who said it;
- ``not found``: no source reaches the threshold.

The claim's verdict is the best of its sources' (in the order above, the score
breaking ties), and that source is named first. Exit statuses let a script tell them
apart: 0 exact or abridged, 3 altered, 4 misattributed, 1 not found.
"""

from __future__ import annotations

from .. import vocabulary

VERDICTS = ("exact", "abridged", "altered", "misattributed", "not found")
EXIT_STATUS = {"exact": 0, "abridged": 0, "altered": 3, "misattributed": 4, "not found": 1}
_RANK = {verdict: rank for rank, verdict in enumerate(VERDICTS)}


def wording_verdict(diff: list[dict]) -> str:
    """``exact``, ``abridged`` or ``altered`` from a diff's operations."""
    ops = {op["op"] for op in diff}
    if ops <= {"equal"}:
        return "exact"
    if ops <= {"equal", "omitted"}:
        return "abridged"
    return "altered"


def source_verdict(source: dict) -> str:
    """A source's verdict: a wrong speaker outweighs the wording (it is the bigger error)."""
    if source.get("speaker_match") is False:
        return "misattributed"
    return wording_verdict(source["diff"])


def decide(sources: list[dict]) -> tuple[str, list[dict]]:
    """The claim's verdict and its sources, each with its ``verdict``, the deciding one first.

    Sources come best score first; sorting by verdict is stable, so within a verdict the
    score order (and the earliest on ties) is kept.
    """
    for source in sources:
        source["verdict"] = source_verdict(source)
    ordered = sorted(sources, key=lambda s: _RANK[s["verdict"]])
    return (ordered[0]["verdict"] if ordered else "not found"), ordered


def where(source: dict) -> str:
    """``seeds/000_215c51ed475f2f51.txt, § 11``: the file (else title, URL, id) and paragraph."""
    place = source.get("path") or source.get("title") or source.get("url") or f"article {source['article_id'][:12]}"
    return f"{place}, § {source['paragraph']}" if source.get("paragraph") else place


def sentence(result: dict) -> str:
    """The verdict as one plain French sentence: « Citation exacte : Jens Stoltenberg, seeds/…, § 11 »."""
    verdict = result["verdict"]
    label = vocabulary.VERDICTS[verdict]
    if verdict == "not found":
        closest = result.get("closest")
        nearest = f" (la plus proche, score {closest['score']:g} : {where(closest)})" if closest else ""
        return f"{label} : aucune source n'atteint le score {result['threshold']:g}{nearest}"
    source = result["sources"][0]
    speaker = source.get("speaker") or "locuteur non identifié"
    if verdict == "misattributed":
        return f"{label} : dite par {speaker}, pas par {result['speaker']} ; {where(source)}"
    changes = sum(1 for op in source["diff"] if op["op"] in ("changed", "added", "removed"))
    counted = f" ({changes} différence{'s' if changes > 1 else ''})" if verdict == "altered" else ""
    return f"{label}{counted} : {speaker}, {where(source)}"
