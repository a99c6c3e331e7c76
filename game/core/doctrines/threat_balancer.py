"""The threat balancer (Walt): joins against the most threatening side, not merely the strongest.

Threat is power x proximity x forces on its border x aggressive record, discounted by
ideological affinity (:func:`game.core.doctrines.measures.threat`): a kindred regime far away
that has attacked nobody frightens it less than a smaller, alien, aggressive neighbour.

Offered a side or called to a war, it asks one question: does the side it would stand against
threaten it more than the side it would stand with? Two sides that threaten it equally give it
no case either way, so it joins neither and, at parity, fights only if the treaty's bond says so.
"""

from __future__ import annotations

from typing import ClassVar

from game.core import world as w
from game.core.doctrines.base import Case, Decision, Doctrine
from game.core.doctrines.measures import bloc, coalition, side_of, threat, threat_of
from game.core.level import Doctrine as DoctrineName
from game.core.state import Call, Duty, Match


class ThreatBalancer(Doctrine):
    name: ClassVar[DoctrineName] = "threat_balancer"
    refuses_pacts_with_its_foes: ClassVar[bool] = True

    def choose_side(self, m: Match, me: str, seat: int, suitor: str) -> Decision:
        """Join ``seat``'s side when the other side threatens it more; equally, join neither."""
        other = 1 - seat
        side, other_side = m.level.seats[seat].name, m.level.seats[other].name
        here, there = threat(m, me, seat), threat(m, me, other)
        if there > here:
            return Decision(True, f"{other_side} is the greater threat")
        if there == here:
            return Decision(False, f"{side} and {other_side} threaten it equally")
        return Decision(False, f"{side} threatens it more than {other_side} does")

    def weigh_duty(self, m: Match, duty: Duty) -> Case:
        """The threat of the aggressor's side against the threat of the victim's.

        An aggressor that stands with no side (an unaligned nation of the rules that started a
        war of its own) is weighed like any other, as its coalition: its declaration is already
        in its aggressive record, which is how Walt counts intent. (It used to be fought always,
        "it has shown itself an aggressor", however small and far away.)
        """
        me = duty.nation
        hostile, them = self._side(m, me, duty.aggressor)
        friendly, us = self._side(m, me, duty.target)
        return Case.weighed(
            threat_of(m, me, hostile),
            threat_of(m, me, friendly),
            fight=f"{them} is the greater threat",
            stay_out=f"{them} threatens it less than {us} does",
            even=f"{them} threatens it as much as {us} does",
        )

    @staticmethod
    def _side(m: Match, me: str, nation: str) -> tuple[list[str], str]:
        """Who stands with ``nation`` (``me`` left out) and what to call them: its seat's bloc, or its coalition."""
        seat = side_of(m, nation)
        if seat is not None:
            return [n for n in bloc(m, seat) if n != me], m.level.seats[seat].name
        members = sorted(coalition(m, nation) - {me})
        name = w.nation_name(m, nation)
        return members, name if members == [nation] else f"{w.possessive(name)} side"

    def appeal(self, m: Match, nation: str, seat: int) -> float:
        """The less the side threatens it, the more it appeals."""
        return -threat(m, nation, seat)

    def weigh_call(self, m: Match, call: Call) -> Decision:
        """Join an ally's war only on a side that threatens it more than the caller's own; equally: stay out.

        The same question as a duty, with the sides the other way round: it would stand against
        the enemy's side and with the caller's. An enemy of no side is weighed as its coalition.
        """
        me = call.ally
        hostile, them = self._side(m, me, call.enemy)
        friendly, us = self._side(m, me, call.caller)
        danger, own_side = threat_of(m, me, hostile), threat_of(m, me, friendly)
        if danger > own_side:
            return Decision(True, f"{them} is the greater threat")
        if danger == own_side:
            return Decision(False, f"{them} threatens it as much as {us} does")
        return Decision(False, f"{them} threatens it less than {us} does")
