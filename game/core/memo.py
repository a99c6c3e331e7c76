"""The doctrines' measures kept while nothing they read has changed.

An NPC phase asks the same questions many times over with nothing changed between them: a
nation courting a side weighs both seats' menace to rank them, then again to decide; the next
nation asks the same blocs' power; a bot forecasting the doctrines asks them all once more.
Each measure is a pure function of the map, the armies, the alliances and a few records, so
its answer is kept against a stamp of those: the containers' own change counters
(:attr:`Holdings.version`, :attr:`Army.version`, :attr:`Alliances.version`) and the sizes of
what only grows. Any write to them makes the stamp differ, and every kept answer is dropped
at once; nothing has to remember to forget.

What a kept measure may read: the owners, the armies, alliance membership, who is eliminated,
the declarations of war, the round and the border exercises (plus the level, which never
changes). A measure that reads anything else (cohesion, treasuries, stability, credibility)
must not be kept here. ``tests/core/test_memo.py`` recomputes every kept answer fresh after
every action of the golden playthroughs.
"""

from __future__ import annotations

from typing import Any, Protocol

from game.core.ledger import Army, Holdings
from game.core.treaty_ledger import Alliances


class Match(Protocol):
    """What a stamp reads of a match (game.core.state.Match, which cannot be imported here: it keeps a Memo)."""

    owner: Holdings
    forces: Army
    alliances: Alliances[Any]
    eliminated: set[str]
    declarations: list[Any]
    round: int
    border_exercises: dict[str, int]
    measures: Memo | None


class Memo:
    """Answers kept for one state of one match's map, armies and alliances."""

    __slots__ = ("owner", "forces", "alliances", "stamp", "table")

    def __init__(self, m: Match, stamp: tuple[int, ...]) -> None:
        # The containers themselves, not only their counters: a load or a test may replace one
        # wholesale, and a new container starts counting from zero again.
        self.owner, self.forces, self.alliances = m.owner, m.forces, m.alliances
        self.stamp = stamp
        self.table: dict[Any, Any] = {}


def kept(m: Match) -> dict[Any, Any]:
    """The table of answers that hold for the match as it stands now (empty after any change)."""
    exercises = m.border_exercises
    # Declarations and eliminations are only ever added; an exercise only ever moves its
    # alliance's round forward, so the count and the sum of the rounds change with every write.
    stamp = (
        m.owner.version,
        m.forces.version,
        m.alliances.version,
        len(m.eliminated),
        len(m.declarations),
        m.round,
        len(exercises),
        sum(exercises.values()),
    )
    memo = m.measures
    if (
        memo is None
        or memo.stamp != stamp
        or memo.owner is not m.owner
        or memo.forces is not m.forces
        or memo.alliances is not m.alliances
    ):
        memo = Memo(m, stamp)
        m.measures = memo
    return memo.table
