"""CoNLL-U output of a Document, with character offsets and NER in MISC as Stanza writes them.

Multi-word tokens (French contractions) are written as a range line (``3-4 du``)
followed by their words, which is how they are recognised: consecutive words that
share one surface span. A sentence that was tagged but not parsed (selective parsing)
says so in a ``# parsed = no`` comment, with ``_`` for HEAD and DEPREL.
"""

from __future__ import annotations

from .document import Document, Sentence, format_feats


def _ner_tags(doc: Document, sentence: Sentence) -> dict[int, str]:
    """BIOES tag of every token, from the document's entity spans."""
    tags = {}
    for ent in doc.entities:
        if ent.end <= sentence.start or ent.start >= sentence.end:
            continue
        inside = [t for t in sentence.tokens if t.start >= ent.start and t.end <= ent.end]
        if not inside:
            continue
        if len(inside) == 1:
            tags[inside[0].i] = f"S-{ent.label}"
            continue
        tags[inside[0].i] = f"B-{ent.label}"
        for tok in inside[1:-1]:
            tags[tok.i] = f"I-{ent.label}"
        tags[inside[-1].i] = f"E-{ent.label}"
    return tags


def to_conllu(doc: Document) -> str:
    lines = [f"# engine = {doc.engine} {doc.engine_version}".rstrip()]
    for n, sentence in enumerate(doc.sentences, 1):
        tokens = sentence.tokens
        first = tokens[0].i
        tags = _ner_tags(doc, sentence)
        lines.append(f"# sent_id = {n}")
        if not sentence.parsed:
            lines.append("# parsed = no")
        lines.append("# text = " + doc.text[sentence.start : sentence.end].replace("\n", " "))
        k = 0
        while k < len(tokens):
            group = [tokens[k]]
            while k + len(group) < len(tokens) and (
                tokens[k + len(group)].start,
                tokens[k + len(group)].end,
            ) == (group[0].start, group[0].end):
                group.append(tokens[k + len(group)])
            if len(group) > 1:
                a, b = group[0].i - first + 1, group[-1].i - first + 1
                surface = doc.text[group[0].start : group[0].end]
                misc = f"start_char={group[0].start}|end_char={group[0].end}"
                lines.append(f"{a}-{b}\t{surface}\t_\t_\t_\t_\t_\t_\t_\t{misc}")
            for tok in group:
                head = "_" if not sentence.parsed else 0 if tok.head is None else tok.head - first + 1
                misc = [f"start_char={tok.start}", f"end_char={tok.end}"]
                misc.append(f"ner={tags.get(tok.i, 'O')}")
                lines.append(
                    "\t".join(
                        [
                            str(tok.i - first + 1),
                            tok.text.replace("\n", " ").replace("\t", " ") or "_",
                            (tok.lemma or "_").replace("\t", " "),
                            tok.upos or "_",
                            "_",
                            format_feats(tok.feats),
                            str(head),
                            tok.deprel or "_",  # an unparsed sentence has neither: "_"
                            "_",
                            "|".join(misc),
                        ]
                    )
                )
            k += len(group)
        lines.append("")
    return "\n".join(lines) + "\n"
