"""What alliance politics a batch of matches produced: duties, calls to arms, NPC wars, widening wars.

Read from each finished match's events, so it counts exactly what the chronicle told the
players. ``alliances simulate ... --politics`` prints it; docs/AI.md keeps the tables.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Container, Iterable
from typing import Any

from game import terminal

# Rows in the order the table prints them: (key, label).
ROWS: tuple[tuple[str, str], ...] = (
    ("duties raised", "duties raised"),
    ("duties honoured", "  honoured"),
    ("duties passed", "  passed (by choice)"),
    ("duties expired", "  left to expire (counts as passed)"),
    ("duties ended: peace", "  ended: the victim made peace"),
    ("duties ended: unbound", "  ended: the treaty no longer binds"),
    ("duties ended: at_war", "  ended: already at war by another road"),
    ("duties ended: holder_fell", "  ended: the holder fell"),
    ("duties ended: aggressor_fell", "  ended: the aggressor fell"),
    ("duties void", "duties void against one's own ally"),
    ("calls made", "calls to arms made"),
    ("calls joined", "  joined (entrapment)"),
    ("calls refused", "  refused (abandonment)"),
    ("calls expired", "  left to expire (counts as refused)"),
    ("calls ended", "  ended: no longer stood"),
    ("npc wars", "wars started by nations of the rules (claims)"),
    ("wars of 3+", "wars that pulled in a third nation"),
    ("wars of 4+", "wars that pulled in a fourth nation"),
)


def tally(events: Iterable[Any], seat_of: Container[str]) -> Counter[str]:
    """One match's counts, keyed as in :data:`ROWS`; ``seat_of`` holds the nations the seats play."""
    counts: Counter[str] = Counter()
    joined: set[tuple[str, str]] = (
        set()
    )  # (joiner, enemy) of calls answered: their declarations are not wars of ambition
    parent: dict[str, str] = {}

    def root(n: str) -> str:
        while parent.setdefault(n, n) != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    def fight(a: str, b: str) -> None:
        parent[root(a)] = root(b)

    for e in events:
        kind = e.kind
        if kind == "turn_started":
            continue
        if kind == "duty_raised":
            counts["duties raised"] += 1
        elif kind == "duty_honoured":
            counts["duties honoured"] += 1
        elif kind == "buck_passed":
            counts["duties expired" if e.expired else "duties passed"] += 1
        elif kind == "duty_ended":
            counts[f"duties ended: {e.cause}"] += 1
        elif kind == "duty_void":
            counts["duties void"] += 1
        elif kind == "call_made":
            counts["calls made"] += 1
        elif kind == "call_answered":
            if e.joined:
                counts["calls joined"] += 1
                joined.add((e.nation, e.enemy))
            else:
                counts["calls ended" if e.ended else "calls expired" if e.expired else "calls refused"] += 1
        elif kind == "war_declared":
            fight(e.aggressor, e.target)
            if e.aggressor not in seat_of and (e.aggressor, e.target) not in joined:
                counts["npc wars"] += 1
        elif kind == "entered_war":
            fight(e.nation, e.enemy)
    sizes = Counter(root(n) for n in list(parent))
    counts["wars of 3+"] = sum(1 for size in sizes.values() if size >= 3)
    counts["wars of 4+"] = sum(1 for size in sizes.values() if size >= 4)
    return counts


def table(per_game: list[Counter[str]]) -> str:
    """Totals over the games, and the mean per game."""
    games = max(1, len(per_game))
    total: Counter[str] = Counter()
    for counts in per_game:
        total.update(counts)
    rows = [(label, str(total[key]), f"{total[key] / games:.1f}") for key, label in ROWS]
    heading = f"Alliance politics over {len(per_game)} games (total, per game):"
    return heading + "\n" + terminal.table(("", "total", "per game"), rows)
