"""The round as data: who holds each turn, who opens a round, when a deadline falls.

A round is :data:`ROUND`: the seat that opens it, the other seat, then the NPC phase.
Turns are numbered from 1 across the whole match, so a deadline is one number (the turn at
whose end it falls) and every question here is arithmetic on that number. What happens
when a turn opens and closes (income, expiry, the NPC phase, the end of a round) is in
:mod:`game.core.rounds`; this module only says whose turn it is, which is why the duty and
offer rules can ask it without depending on everything a round's end does.
"""

from __future__ import annotations

from typing import Final

from game.core.ids import NationId, SeatIndex
from game.core.level import Level
from game.core.state import Match

# A round's turns, in order: the seat that opens it, the other seat, then the nations of the rules.
ROUND: Final = ("opening seat", "second seat", "NPC phase")
TURNS_PER_ROUND: Final = len(ROUND)
# The holder of the NPC phase, beside seat indices 0 and 1.
NPC_PHASE: Final = 2


def first_seat(m: Match, round_: int) -> SeatIndex:
    """The seat that opens a round: by default it alternates, so that neither seat always answers the other.

    With a fixed order the second seat always sees the first seat's moves before making its
    own and has the last word before the NPC phase and the round limit; mirror matches
    between equal bots went to it three times in four on a fair map. That edge is why a level
    may fix the order (``turn_order``): on a map that favours one side, the other side
    moving second every round evens it out.
    """
    fixed = fixed_opener(m.level)
    return (round_ - 1) % 2 if fixed is None else fixed


def fixed_opener(level: Level) -> SeatIndex | None:
    """The seat that opens every round when the level fixes the order; None when it alternates."""
    return {"seat1_first": 0, "seat2_first": 1}.get(level.turn_order)


def round_of(turn: int) -> int:
    """The round a turn belongs to.

    >>> [round_of(t) for t in (1, 2, 3, 4)]
    [1, 1, 1, 2]
    """
    return (turn - 1) // TURNS_PER_ROUND + 1


def turn_holder(m: Match, turn: int) -> int:
    """Who acts in a turn: a seat index, or :data:`NPC_PHASE`."""
    round_, position = divmod(turn - 1, TURNS_PER_ROUND)
    if position == TURNS_PER_ROUND - 1:
        return NPC_PHASE
    first = first_seat(m, round_ + 1)
    return first if position == 0 else 1 - first


def holder_of(m: Match, nation: NationId) -> int:
    """Who acts for a nation: its seat, or the NPC phase for a nation of the rules."""
    return m.seat_of.get(nation, NPC_PHASE)


def next_turn_of(m: Match, nation: NationId) -> int:
    """The number of the nation's holder's next turn, which ends its time to answer."""
    holder = holder_of(m, nation)
    t = m.turn + 1
    while turn_holder(m, t) != holder:
        t += 1
    return t


def closes_round(m: Match) -> bool:
    """Whether the seat now ending its turn is the round's second: the NPC phase and the round's end follow."""
    return m.seat != first_seat(m, m.round)
