"""The bandwagoner (Mearsheimer: a strategy for the weak): joins the strongest side at its door.

When the cost of opposing the side that can bring the most power to bear on it exceeds the
benefit, it joins that side. Distance is protection (:func:`game.core.doctrines.measures.menace`).
It weighs its own strength: a nation that could hold its own against that side does not
bandwagon. And it submits only to a side clearly the stronger (by :data:`BANDWAGON_MARGIN`):
at rough parity there is no side to submit to.

Called to a war, it asks which side would win it with it in (:func:`~game.core.doctrines.measures.war_balance`,
the measure the seat bot asks too), and at parity, no winner to join, it stays out unless the
treaty's bond says otherwise. That question counts power without a distance discount, on
purpose: the war has begun and both coalitions are in it wherever they stand, so what decides
it is who wins, while an offer asks what could reach it at home before any war.
"""

from __future__ import annotations

from typing import ClassVar

from game.core import world as w
from game.core.doctrines.base import Case, Decision, Doctrine, side_name
from game.core.doctrines.measures import coalition, menace, war_balance
from game.core.level import Doctrine as DoctrineName
from game.core.state import Call, Duty, Match

# A bandwagoner submits only to a side this much stronger at its door than the other; within it
# the two are evenly matched. It used to submit unless the other side was this much stronger, so
# it joined either of two equal sides, and a side a fifth weaker than its rival.
BANDWAGON_MARGIN = 1.2


class Bandwagoner(Doctrine):
    name: ClassVar[DoctrineName] = "bandwagoner"

    def choose_side(self, m: Match, me: str, seat: int, suitor: str) -> Decision:
        """Join ``seat``'s side only if it is clearly the stronger at its door and too strong to hold off alone."""
        other = 1 - seat
        side, other_side = m.level.seats[seat].name, m.level.seats[other].name
        # The strongest side at its door, not the strongest on the map: distance is protection.
        near, far = menace(m, me, seat), menace(m, me, other)
        own = w.power(m, me)
        if near > far * BANDWAGON_MARGIN:
            if own >= near:
                return Decision(False, f"it can hold its own against {side}")
            return Decision(True, f"{side} is the stronger side, and opposing it would cost more than it gains")
        if far > near * BANDWAGON_MARGIN:
            if own >= far:
                return Decision(False, f"{side} is the weaker side at its door")
            return Decision(False, f"opposing {other_side} would cost more than it gains")
        return Decision(False, f"{side} and {other_side} are evenly matched at its door: there is no side to submit to")

    def weigh_duty(self, m: Match, duty: Duty) -> Case:
        """With it in the war, would the victim's coalition outweigh the aggressor's? Only a winner is worth joining."""
        me = duty.nation
        attacker, defender = war_balance(m, duty.aggressor, duty.target, {me})
        them = side_name(m, duty.aggressor, coalition(m, duty.aggressor))
        us = side_name(m, duty.target, coalition(m, duty.target) - {me})
        return Case.weighed(
            defender,
            attacker,
            fight=f"with it, {us} would outweigh {them}",
            stay_out=f"{them} would outweigh {us} even with it",
            even=f"with it, {us} would only be evenly matched with {them}",
        )

    def appeal(self, m: Match, nation: str, seat: int) -> float:
        """The more the side can bring to bear on it, the more it appeals."""
        return menace(m, nation, seat)

    def weigh_call(self, m: Match, call: Call) -> Decision:
        """Bandwagoning for profit (Schweller): join a war the stronger side is waging, never a losing one."""
        caller, enemy = w.nation_name(m, call.caller), w.nation_name(m, call.enemy)
        attacker, defender = war_balance(m, call.caller, call.enemy, ())
        if attacker > defender:
            return Decision(True, f"{w.possessive(caller)} side is the stronger, and it wants a share of the spoils")
        if attacker == defender:
            evenly = f"{w.possessive(caller)} side and {w.possessive(enemy)} are evenly matched"
            return Decision(False, f"{evenly}: there is nothing sure to gain")
        return Decision(False, f"{w.possessive(enemy)} side is the stronger: a losing war is no bargain")
