"""What opens and closes a turn and a round (whose turn it is: :mod:`game.core.flow`).

- A seat's turn opens with the turn's bookkeeping cleared and each of its nations' income.
- It closes when the seat ends it: its duties and offers past their deadline lapse (a duty
  as passed), then the other seat plays, or, after the round's second seat, the NPC phase
  (:mod:`game.core.npc`) and the round's end.
- A round closes with :func:`end_round`: cohesion drifts, regimes settle, the score is kept,
  and hegemony or the round limit may end the match.
"""

from __future__ import annotations

from game.core import calls, cohesion, duties, flow, forces, npc, standing, treaties, victory
from game.core import world as w
from game.core.events import Event, TurnStarted, new_event
from game.core.ids import SeatIndex
from game.core.state import Match


def reset_turn(m: Match) -> None:
    """Units are fresh again, and this turn's exercises, offers and undo history are forgotten."""
    for spent in m.spent.values():
        if spent:  # most territories saw no troops act this turn
            spent.clear()
    m.exercised.clear()
    m.proposed.clear()
    m.forget_undo()


def begin_seat_turn(m: Match, seat: SeatIndex, events: list[Event]) -> None:
    m.phase, m.seat = "seat", seat
    reset_turn(m)
    events.append(
        new_event(
            TurnStarted,
            round=m.round,
            seat=seat,
            text=f"Round {m.round}: {m.level.seats[seat].name} (seat {seat + 1}) to play.",
        )
    )
    for nation in w.seat_nations(m, seat):
        forces.collect_income(m, nation, events)


def end_turn(m: Match, events: list[Event]) -> None:
    """The seat to play ends its turn; play passes on, through the NPC phase and the round's end if due."""

    def held_by_seat(nation: str) -> bool:
        return m.seat_of.get(nation) == m.seat

    duties.expire(m, held_by_seat, events)
    calls.expire(m, held_by_seat, events)
    treaties.expire_offers(m, held_by_seat, events)
    if not flow.closes_round(m):
        m.turn += 1
        begin_seat_turn(m, 1 - m.seat, events)
        return
    m.turn += 1
    reset_turn(m)
    npc.phase(m, events)
    if w.is_over(m):
        return
    m.turn += 1
    end_round(m, events)
    if w.is_over(m):
        return
    m.round += 1
    begin_seat_turn(m, flow.first_seat(m, m.round), events)


def end_round(m: Match, events: list[Event]) -> None:
    """Socialization fades, ideologies pull apart, regimes settle; then the score is kept."""
    cohesion.drift(m, events)
    standing.settle(m)
    points = victory.victory_points(m)  # nothing changes them between the three questions
    victory.record_history(m, points)
    if victory.hegemony(m, events, points):
        return
    victory.round_limit(m, events, points)
