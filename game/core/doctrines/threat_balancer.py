"""The threat balancer (Walt): joins against the most threatening side, not merely the strongest.

Threat is power x proximity x forces on its border x aggressive record, discounted by
ideological affinity (:func:`game.core.doctrines.measures.threat`): a kindred regime far away
that has attacked nobody frightens it less than a smaller, alien, aggressive neighbour.
"""

from __future__ import annotations

from typing import ClassVar

from game.core import world as w
from game.core.doctrines.base import Decision, Doctrine
from game.core.doctrines.measures import side_of, threat
from game.core.level import Doctrine as DoctrineName
from game.core.state import Call, Duty, Match


class ThreatBalancer(Doctrine):
    name: ClassVar[DoctrineName] = "threat_balancer"
    refuses_pacts_with_its_foes: ClassVar[bool] = True

    def choose_side(self, m: Match, me: str, seat: int, suitor: str) -> Decision:
        """Join ``seat``'s side when the other side threatens it more (evenly matched: no)."""
        other = 1 - seat
        side_name, other_name = m.level.seats[seat].name, m.level.seats[other].name
        here, there = threat(m, me, seat), threat(m, me, other)
        if there > here:
            return Decision(True, f"{other_name} is the greater threat")
        return Decision(False, f"{side_name} threatens it more than {other_name} does")

    def weigh_duty(self, m: Match, duty: Duty) -> Decision:
        """Honour against an aggressor whose side threatens it at least as much as the other (ties: honour)."""
        me = duty.nation
        aggressor = w.nation_name(m, duty.aggressor)
        seat = side_of(m, duty.aggressor)
        if seat is not None and threat(m, me, seat) >= threat(m, me, 1 - seat):
            return Decision(True, f"{aggressor} is the greater threat")
        if seat is None:
            return Decision(True, f"{aggressor} has shown itself an aggressor")
        return Decision(False, f"{aggressor} threatens it less than the other side")

    def appeal(self, m: Match, nation: str, seat: int) -> float:
        """The less the side threatens it, the more it appeals."""
        return -threat(m, nation, seat)

    def weigh_call(self, m: Match, call: Call) -> Decision:
        """Join a war on the side that threatens it most; no other war is its business."""
        enemy = w.nation_name(m, call.enemy)
        seat = side_of(m, call.enemy)
        if seat is None:
            return Decision(False, f"{enemy} threatens no side it fears")
        if threat(m, call.ally, seat) > threat(m, call.ally, 1 - seat):
            return Decision(True, f"{enemy}'s side is the greater threat")
        return Decision(False, f"{enemy}'s side threatens it no more than the other")
