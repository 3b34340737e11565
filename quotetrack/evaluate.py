"""Score extraction against hand-annotated gold articles (``quotetrack eval``).

Span matching follows the Gender Gap Tracker's evaluation so that figures compare with
published ones: a gold span G and a predicted span P match with score |G ∩ P| / |G|;
gold spans are matched greedily, each to its best still-unmatched predicted span with a
score above the threshold (of equal scores, the one of the same kind: a quoted fragment
inside a reported statement overlaps both). Every part of a predicted quote counts as a span.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from .errors import InputError
from .extract import Quote
from .extract.reasons import reason_ids
from .text.folding import normalize_name

THRESHOLDS = (0.3, 0.8)
# A description's leading definite article: the guidelines write "le maire" as written, a tool may
# store "maire"; both name the same source.
ARTICLE = re.compile(r"^(le|la|les)\s+|^l'", re.I)


@dataclass
class Span:
    start: int
    end: int
    kind: str
    speaker: str | None = None
    alt_speakers: tuple = ()
    mention: tuple[int, int] | None = None
    doc: str = ""
    text: str = ""
    reason: str = ""
    speaker_kind: str = ""


@dataclass
class Match:
    gold: Span
    pred: Span
    score: float


@dataclass
class Report:
    documents: int = 0
    gold: int = 0
    predicted: int = 0
    matches: dict = field(default_factory=dict)  # threshold -> list[Match]
    misses: list = field(default_factory=list)
    extra: list = field(default_factory=list)
    wrong_speakers: list = field(default_factory=list)
    rejected: list = field(default_factory=list)  # (step, a missed gold quote lies there) for every span a rejecting step dropped

    def figures(self) -> dict:
        out = {"documents": self.documents, "gold": self.gold, "predicted": self.predicted}
        for t in THRESHOLDS:
            matched = len(self.matches.get(t, []))
            p = matched / self.predicted if self.predicted else 0.0
            r = matched / self.gold if self.gold else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            out[f"t{t}"] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}
        pairs = self.matches.get(0.3, [])
        scored = [m for m in pairs if m.gold.speaker is not None]
        good = [m for m in scored if speaker_matches(m.pred.speaker, m.gold)]
        out["speaker_accuracy"] = round(len(good) / len(scored), 4) if scored else 0.0
        out["speaker_scored"] = len(scored)
        mentioned = [m for m in pairs if m.gold.mention is not None]
        hits = [m for m in mentioned if m.pred.mention and _overlap(m.pred.mention, m.gold.mention) > 0]
        out["mention_accuracy"] = round(len(hits) / len(mentioned), 4) if mentioned else 0.0
        out["mention_scored"] = len(mentioned)
        kinds: dict[str, list[int]] = {}
        for m in scored:
            kinds.setdefault(m.gold.speaker_kind or "?", [0, 0])
            kinds[m.gold.speaker_kind or "?"][0] += 1
            kinds[m.gold.speaker_kind or "?"][1] += speaker_matches(m.pred.speaker, m.gold)
        out["by_speaker_kind"] = {k: {"scored": n, "right": r, "accuracy": round(r / n, 4)} for k, (n, r) in sorted(kinds.items())}
        return out


    def by_sieve(self) -> list[dict]:
        """For every sieve or step named in the predicted quotes' reasons: how many quoted
        spans it took part in, how many of those are gold quotes (span precision at 0.3),
        and how many of the gold quotes with a speaker got the right one (speaker precision)."""
        rows: dict[str, dict] = {}

        def row(name):
            return rows.setdefault(name, {"sieve": name, "quotes": 0, "gold": 0, "speaker_scored": 0, "speaker_right": 0})

        for m in self.matches.get(0.3, []):
            for name in reason_ids(m.pred.reason):
                r = row(name)
                r["quotes"] += 1
                r["gold"] += 1
                if m.gold.speaker is not None:
                    r["speaker_scored"] += 1
                    r["speaker_right"] += speaker_matches(m.pred.speaker, m.gold)
        for p in self.extra:
            for name in reason_ids(p.reason):
                row(name)["quotes"] += 1
        out = []
        for r in rows.values():
            r["decision"] = "keeps"
            r["span_precision"] = round(r["gold"] / r["quotes"], 4) if r["quotes"] else 0.0
            r["speaker_precision"] = round(r["speaker_right"] / r["speaker_scored"], 4) if r["speaker_scored"] else 0.0
            out.append(r)
        dropped: dict[str, list[int]] = {}
        for step, is_gold in self.rejected:
            dropped.setdefault(step, [0, 0])
            dropped[step][0] += 1
            dropped[step][1] += is_gold
        for step, (n, gold) in dropped.items():
            # a rejecting step is right when no missed gold quote lies where it dropped words
            out.append({"sieve": step, "decision": "drops", "quotes": n, "gold": gold, "span_precision": round((n - gold) / n, 4),
                        "speaker_scored": 0, "speaker_right": 0, "speaker_precision": 0.0})  # fmt: skip
        return sorted(out, key=lambda r: (r["decision"] != "keeps", -r["quotes"], r["sieve"]))


def speaker_key(name: str) -> list[str]:
    """A speaker's name as words to compare: ``normalize_name``, less a leading article."""
    return ARTICLE.sub("", normalize_name(name)).split()


def speaker_matches(predicted: str | None, gold: Span) -> bool:
    if not predicted:
        return False
    p = speaker_key(predicted)
    for answer in (gold.speaker, *gold.alt_speakers):
        g = speaker_key(answer)
        if p == g or (p and g and (p[-len(g):] == g or g[-len(p):] == p)):
            return True
        if _acronym(p, g) or _acronym(g, p):
            return True
    return False


# Words an acronym skips: Parti socialiste (PS), Organisation mondiale de la santé (OMS).
ACRONYM_SKIPS = {"de", "du", "des", "d'", "la", "le", "les", "l'", "et", "en", "pour", "a", "au", "aux"}


def _acronym(short: list[str], full: list[str]) -> bool:
    """Is ``short`` (one word) the acronym of ``full`` (the PS, the Parti socialiste)? The
    same source, which the guidelines name by its fullest form and the text may not."""
    if len(short) != 1 or len(full) < 2 or not 2 <= len(short[0]) <= 8:
        return False
    initials = "".join(w[0] for w in full if w not in ACRONYM_SKIPS and w)
    return initials == short[0]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match_spans(gold: list[Span], pred: list[Span], threshold: float) -> list[Match]:
    """Greedy matching, each gold span to its best still-unmatched predicted span."""
    used: set[int] = set()
    matches = []
    for g in gold:
        length = max(1, g.end - g.start)
        best, best_key = None, (threshold, False)
        for k, p in enumerate(pred):
            if k in used:
                continue
            score = _overlap((g.start, g.end), (p.start, p.end)) / length
            key = (score, p.kind == g.kind)  # of equal overlaps, the span of the same kind
            if score > threshold and key > best_key:
                best, best_key = k, key
        best_score = best_key[0]
        if best is not None:
            used.add(best)
            matches.append(Match(g, pred[best], best_score))
    return matches


def read_gold(path: str | Path) -> list[dict]:
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeError) as exc:
        raise InputError(path, f"fichier de référence illisible ({exc.__class__.__name__})") from None
    docs = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            doc = json.loads(line)
            doc["text"], doc["quotes"]
        except (ValueError, KeyError, TypeError):
            raise InputError(path, f"la ligne {n} n'est pas un document de référence (JSON avec text et quotes)") from None
        docs.append(doc)
    return docs


def gold_spans(doc: dict, kinds: set[str]) -> list[Span]:
    spans = []
    for q in doc["quotes"]:
        if q.get("kind") not in kinds:
            continue
        mention = (q["speaker_start"], q["speaker_end"]) if q.get("speaker_start") is not None else None
        spans.append(Span(q["start"], q["end"], q["kind"], q.get("speaker"), tuple(q.get("alt_speakers") or ()), mention, doc.get("id", ""), doc["text"][q["start"]:q["end"]], speaker_kind=q.get("speaker_kind") or ""))
    return spans


def predicted_spans(quotes: Iterable[Quote], kinds: set[str], doc_id: str, text: str) -> list[Span]:
    spans = []
    for q in quotes:
        if q.kind not in kinds:
            continue
        mention = (q.speaker_start, q.speaker_end) if q.speaker_start is not None else None
        for a, b in q.parts:
            spans.append(Span(a, b, q.kind, q.speaker, (), mention, doc_id, text[a:b], q.reason))
    return spans


def evaluate(docs: list[dict], extract: Callable[[list[str]], Iterable[list[Quote]]], kinds: Iterable[str], rejections: list | None = None) -> Report:
    """Score ``extract`` (texts -> quotes per text) on gold documents. ``rejections``, when
    given, is filled by ``extract`` with one list of ``Rejection`` per text, in step with
    the quotes: what each rejecting step dropped is scored against the gold (``by_sieve``)."""
    kinds = set(kinds)
    report = Report(documents=len(docs), matches={t: [] for t in THRESHOLDS})
    for n, (doc, quotes) in enumerate(zip(docs, extract([d["text"] for d in docs]), strict=True)):
        gold = gold_spans(doc, kinds)
        pred = predicted_spans(quotes, kinds, doc.get("id", ""), doc["text"])
        report.gold += len(gold)
        report.predicted += len(pred)
        for t in THRESHOLDS:
            report.matches[t].extend(match_spans(gold, pred, t))
        matched = {id(m.gold) for m in report.matches[0.3]}
        used = {id(m.pred) for m in report.matches[0.3]}
        missed = [g for g in gold if id(g) not in matched]
        report.misses.extend(missed)
        report.extra.extend(p for p in pred if id(p) not in used)
        for r in rejections[n] if rejections is not None else ():
            # wrongly dropped: a gold quote that nothing kept matches lies there
            lost = any(_overlap((g.start, g.end), (r.start, r.end)) > 0.3 * max(1, g.end - g.start) for g in missed)
            report.rejected.append((r.step, lost))
    report.wrong_speakers = [
        m for m in report.matches[0.3] if m.gold.speaker is not None and not speaker_matches(m.pred.speaker, m.gold)
    ]
    return report


@dataclass
class CastReport:
    """``eval --cast``: for every gold quote with a speaker and a mention, is the mention
    resolved to the gold speaker? Linking errors apart from cue errors."""

    scored: int = 0
    right: int = 0
    wrong: list = field(default_factory=list)  # (gold span, resolved name)

    def figures(self) -> dict:
        return {"cast_scored": self.scored, "cast_accuracy": round(self.right / self.scored, 4) if self.scored else 0.0}


def evaluate_cast(docs: list[dict], resolve: Callable[[list[str], list[list[tuple[int, int]]]], Iterable[list[str | None]]]) -> CastReport:
    """Score ``resolve`` (texts and, per text, gold mention spans -> the speaker each stands for)."""
    report = CastReport()
    spans = [[g for g in gold_spans(doc, {"direct", "partial", "indirect"}) if g.speaker is not None and g.mention is not None] for doc in docs]
    asked = [[g.mention for g in gs] for gs in spans]
    for gs, names in zip(spans, resolve([d["text"] for d in docs], asked), strict=True):
        for g, name in zip(gs, names, strict=True):
            report.scored += 1
            if speaker_matches(name, g):
                report.right += 1
            else:
                report.wrong.append((g, name))
    return report
