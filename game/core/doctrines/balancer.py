"""The balancer (Waltz): joins the weaker side to stop the stronger from gaining more power.

It counts raw power — forces in the field and income — and never asks who is nearer or who
attacked first: any side that grows too strong is the danger. At parity there is no weaker side
to strengthen, so it joins neither (joining would tip the balance it wants kept), and it answers
a duty at parity the same way: no case to fight, unless the alliance's cohesion supplies one.
"""

from __future__ import annotations

from typing import ClassVar

from game.core import world as w
from game.core.doctrines.base import Case, Decision, Doctrine, side_name
from game.core.doctrines.measures import bloc_power, coalition, war_balance
from game.core.level import Doctrine as DoctrineName
from game.core.state import Call, Duty, Match


class Balancer(Doctrine):
    name: ClassVar[DoctrineName] = "balancer"
    refuses_pacts_with_its_foes: ClassVar[bool] = True

    def choose_side(self, m: Match, me: str, seat: int, suitor: str) -> Decision:
        """Join ``seat``'s side only while it is the weaker one; evenly matched, join neither."""
        other = 1 - seat
        mine, theirs = bloc_power(m, seat, exclude=me), bloc_power(m, other, exclude=me)
        side, other_side = m.level.seats[seat].name, m.level.seats[other].name
        if mine < theirs:
            return Decision(True, f"{side} is the weaker side, and {other_side} must not grow stronger")
        if mine == theirs:
            return Decision(False, f"{side} and {other_side} are evenly matched, and it will not tip the balance")
        return Decision(False, f"{side} is already the stronger side")

    def weigh_duty(self, m: Match, duty: Duty) -> Case:
        """The aggressor's coalition against the victim's without it: it is needed only where the victim's is weaker.

        It counts every ally of each side as if it comes, those still deciding included: every
        holder called by one declaration decides on the same state (``npc.answer_duties``), so
        none can know who will pass, and the treaty says they all should come. The reason says
        so ("West and its allies can hold East without it").
        """
        me = duty.nation
        attackers = coalition(m, duty.aggressor) - {me}
        defenders = coalition(m, duty.target) - {me}
        them, us = side_name(m, duty.aggressor, attackers), side_name(m, duty.target, defenders)
        return Case.weighed(
            sum(w.power(m, n) for n in attackers),
            sum(w.power(m, n) for n in defenders),
            fight=f"{us} cannot hold {them} without it",
            stay_out=f"{us} can hold {them} without it",
            even=f"{us} would be evenly matched with {them} without it",
        )

    def appeal(self, m: Match, nation: str, seat: int) -> float:
        """The weaker the side, the more it appeals."""
        return -bloc_power(m, seat, exclude=nation)

    def weigh_call(self, m: Match, call: Call) -> Decision:
        """Help only the weaker side: never the stronger side's war, and not when evenly matched."""
        caller, enemy = w.nation_name(m, call.caller), w.nation_name(m, call.enemy)
        attacker, defender = war_balance(m, call.caller, call.enemy, ())
        if attacker > defender:
            return Decision(
                False, f"{w.possessive(caller)} side is already the stronger, and must not grow stronger still"
            )
        if attacker == defender:
            return Decision(False, f"{w.possessive(caller)} side and {w.possessive(enemy)} are evenly matched")
        return Decision(True, f"{w.possessive(enemy)} side is the stronger, and must not grow stronger")
