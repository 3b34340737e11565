"""Which quotes count as evidence: the one rule every reader of the archive applies.

A reviewer who marks a quote ``rejected`` (« pas une citation ») says the extraction was
wrong: those words are nobody's statement. So a rejected quote is never evidence: ``verify``
does not rest a verdict on it, and ``search``, ``speakers``, sheets, dossiers, exports and
every count leave it out, unless a reader asks for it (``--include-rejected``). The quote
stays in the database with its review (``reviews`` lists it), so the decision can be
undone. Every other status counts: a disputed or misattributed quote is still something
an article printed, shown with its status.

Readers call ``counts`` for a row in Python and ``condition`` for SQL; nothing else in the
package spells the rule out.
"""

from __future__ import annotations

NOT_EVIDENCE = ("rejected",)  # review statuses whose quotes are no evidence


def counts(quote_or_status, *, include_rejected: bool = False) -> bool:
    """Whether a quote (a row with ``status``, or a status) counts as evidence."""
    status = quote_or_status.get("status") if isinstance(quote_or_status, dict) else quote_or_status
    return include_rejected or (status or "unreviewed") not in NOT_EVIDENCE


def condition(alias: str = "q", *, include_rejected: bool = False) -> str:
    """The SQL condition on the quotes table (as ``alias``) that keeps the evidence."""
    if include_rejected:
        return "1"
    excluded = ", ".join(f"'{status}'" for status in NOT_EVIDENCE)
    return f"coalesce({alias}.status, 'unreviewed') NOT IN ({excluded})"


def count(db, *, include_rejected: bool = False) -> int:
    """How many stored quotes count as evidence (the figure a reader is given)."""
    return db.conn.execute(f"SELECT count(*) FROM quotes q WHERE {condition('q', include_rejected=include_rejected)}").fetchone()[0]
