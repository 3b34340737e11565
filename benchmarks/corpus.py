"""Pseudo-articles built from real French sentences (UD French Sequoia, in tests/data).

Paragraphs of two to four treebank sentences; about one sentence in three is turned into
speech the way the press writes it (« ... », a déclaré NAME / NAME a affirmé que ...), so
that extraction has real work to do. Deterministic for a given seed.
"""

from __future__ import annotations

import random
from functools import lru_cache
from pathlib import Path

SEQUOIA = Path(__file__).resolve().parent.parent / "tests" / "data" / "ud-french-sequoia"
NAMES = ["Jean Dupont", "Agnès Martin", "Karim Benali", "Sophie Leroy", "Marc-Antoine Giraud", "Claire Bernardin"]
CUES = ["a déclaré", "a affirmé", "a précisé", "a souligné", "a expliqué", "a ajouté"]


@lru_cache(maxsize=1)
def sentences() -> tuple[str, ...]:
    found = []
    for path in sorted(SEQUOIA.glob("*.conllu")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("# text = "):
                found.append(line[len("# text = ") :].strip())
    return tuple(found)


def speech(sentence: str, rng: random.Random) -> str:
    name, cue = rng.choice(NAMES), rng.choice(CUES)
    body = sentence.rstrip(" .")
    if rng.random() < 0.5:
        return f"« {body} », {cue} {name}."
    verb = cue.split()[1]
    que = "qu'" if body[:1].lower() in "aeéèêiîouy" else "que "
    return f"{name} a {verb} {que}{body[:1].lower()}{body[1:]}."


def articles(count: int, seed: int = 0, paragraphs: int = 6) -> list[str]:
    rng = random.Random(seed)
    pool = sentences()
    out = []
    for n in range(count):
        paras = [f"Dépêche {n}"]
        for _ in range(paragraphs):
            chosen = [rng.choice(pool) for _ in range(rng.randint(2, 4))]
            paras.append(" ".join(speech(s, rng) if rng.random() < 0.33 else s for s in chosen))
        out.append("\n\n".join(paras))
    return out


def text_of_size(chars: int, seed: int = 0) -> str:
    """One long article of at least ``chars`` characters."""
    parts, total, n = [], 0, 0
    while total < chars:
        body = articles(1, seed + n, paragraphs=20)[0]
        parts.append(body)
        total += len(body) + 2
        n += 1
    return "\n\n".join(parts)[:chars]
