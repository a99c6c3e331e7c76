"""How a match is won: every opposing capital, a hegemony share of the points, or the lead at the round limit.

Victory points are each seat's land at its value, plus its NPC allies' land weighted by the
cohesion of the alliance that binds them (an ally you cannot count on counts for little).
The history of points and cohesion kept here each round feeds the game-over charts.
"""

from __future__ import annotations

from typing import NamedTuple

from game.core import world as w
from game.core.events import Event, MatchOver, new_event
from game.core.ids import SeatIndex
from game.core.state import Match, Outcome, OutcomeReason


class PointSplit(NamedTuple):
    """Where a seat's victory points come from: the question every balance change asks."""

    own: float  # land its nations held at the start and still hold
    captured: float  # land its nations took from anyone else
    allies: float  # its NPC allies' land, weighted by the cohesion of the alliance that binds them

    @property
    def total(self) -> float:
        return self.own + self.captured + self.allies


def victory_points(m: Match) -> tuple[float, float, float]:
    """(seat 1 points, seat 2 points, all points on the map).

    A seat counts its own territories in full and its NPC allies' territories in
    part, weighted by the cohesion of the alliance that binds them.
    """
    first, second, total = point_split(m)
    return first.total, second.total, total


def point_split(m: Match) -> tuple[PointSplit, PointSplit, float]:
    """Each seat's victory points by source, and all points on the map (see :func:`victory_points`)."""
    held = [[0.0, 0.0, 0.0], [0.0, 0.0, 0.0]]  # per seat: own, captured, allies
    total = 0.0
    npc_weight: list[dict[str, float]] = [{}, {}]
    seat_of = m.seat_of
    for alliance in m.alliances.values():
        members = alliance.members
        seats = sorted({seat_of[n] for n in members if n in seat_of})  # the seats this alliance binds
        if not seats:
            continue
        weight = alliance.cohesion / 100.0
        for seat in seats:
            weights = npc_weight[seat]
            for n in members:
                if n not in seat_of:
                    weights[n] = max(weights.get(n, 0.0), weight)
    # Read from the ledger: the seats' land and their weighted allies' land, not the whole map.
    # Values are whole numbers, so own and captured points are exact in any order; the allies'
    # weighted points are added in map order, as a scan of the map added them.
    values, first_owner, land = m.index.value, m.index.first_owner, m.owner.land
    total = float(m.index.total_value)
    for nation, seat in m.seat_of.items():
        for territory in land.get(nation, ()):
            held[seat][0 if m.seat_of.get(first_owner[territory]) == seat else 1] += values[territory]
    weighted = {n for seat in (0, 1) for n, weight in npc_weight[seat].items() if weight}
    order = m.owner.order
    for territory in sorted((t for n in weighted for t in land.get(n, ())), key=order.__getitem__):
        owner = m.owner[territory]
        for s in (0, 1):
            held[s][2] += values[territory] * npc_weight[s].get(owner, 0.0)
    return PointSplit(*held[0]), PointSplit(*held[1]), total


def finish(m: Match, winner: SeatIndex | None, reason: OutcomeReason, text: str, events: list[Event]) -> None:
    m.outcome = Outcome(winner, reason, text)
    m.phase = "over"
    events.append(new_event(MatchOver, winner=winner, reason=reason, text=text))


def capitals(m: Match, events: list[Event]) -> None:
    """A seat that holds none of its capitals has lost; both at once is a draw. Asked after every battle."""
    lost = [not any(w.capital_held(m, n) for n in m.level.seats[s].nations) for s in (0, 1)]
    if lost[0] and lost[1]:
        finish(m, None, "capitals", "Both sides have lost every capital: the match is a draw.", events)
    elif lost[0] or lost[1]:
        winner = 1 if lost[0] else 0
        loser = m.level.seats[1 - winner].name
        text = f"{loser} has lost every capital: {m.level.seats[winner].name} wins the match."
        finish(m, winner, "capitals", text, events)


def hegemony(m: Match, events: list[Event], counted: tuple[float, float, float] | None = None) -> bool:
    """At a round's end, a seat holding the level's hegemony share of all points wins. True if one did.

    ``counted``: :func:`victory_points`, if the caller has them (the round's end counts once).
    """
    vp0, vp1, total = counted or victory_points(m)
    share = m.level.hegemony_share
    for seat, points in ((0, vp0), (1, vp1)):
        if total > 0 and points / total >= share:
            finish(
                m,
                seat,
                "hegemony",
                f"{m.level.seats[seat].name} holds {points / total:.0%} of all victory points: hegemony.",
                events,
            )
            return True
    return False


def hegemony_points(m: Match) -> float:
    """The victory points a seat needs for hegemony now: the level's share of all the points on the map
    (the bar :func:`hegemony` holds each seat's points to at a round's end)."""
    return m.level.hegemony_share * victory_points(m)[2]


def round_limit(m: Match, events: list[Event], points: tuple[float, float, float] | None = None) -> None:
    """When the level's last round ends, the seat ahead on points wins; level points are a draw."""
    if m.round < m.level.round_limit:
        return
    vp0, vp1, _ = points or victory_points(m)
    if abs(vp0 - vp1) < 1e-9:
        finish(m, None, "round_limit", f"The last round ends level at {vp0:.1f} points each: a draw.", events)
    else:
        winner = 0 if vp0 > vp1 else 1
        finish(
            m,
            winner,
            "round_limit",
            f"The last round ends with {m.level.seats[winner].name} ahead, "
            f"{max(vp0, vp1):.1f} points to {min(vp0, vp1):.1f}.",
            events,
        )


def record_history(m: Match, points: tuple[float, float, float] | None = None) -> None:
    """Keep the round's points per seat and cohesion per alliance, for the game-over charts."""
    vp0, vp1, _ = points or victory_points(m)
    m.history.append(
        {
            "round": m.round,
            "points": [round(vp0, 2), round(vp1, 2)],
            "cohesion": {a.id: a.cohesion for a in m.alliances.values()},
        }
    )
