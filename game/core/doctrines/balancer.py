"""The balancer (Waltz): joins the weaker side to stop the stronger from gaining more power.

It counts raw power — forces in the field and income — of each seat's bloc, itself left out,
and never asks who is nearer or who attacked first: any side that grows too strong is the danger.
"""

from __future__ import annotations

from typing import ClassVar

from game.core import world as w
from game.core.doctrines.base import Decision, Doctrine
from game.core.doctrines.measures import bloc_power, coalition, coalition_power, war_balance
from game.core.level import Doctrine as DoctrineName
from game.core.state import Call, Duty, Match


class Balancer(Doctrine):
    name: ClassVar[DoctrineName] = "balancer"
    refuses_pacts_with_its_foes: ClassVar[bool] = True

    def choose_side(self, m: Match, me: str, seat: int, suitor: str) -> Decision:
        """Join ``seat``'s side only while it is the weaker one (evenly matched: not weaker, so no)."""
        other = 1 - seat
        mine, theirs = bloc_power(m, seat, exclude=me), bloc_power(m, other, exclude=me)
        side_name, other_name = m.level.seats[seat].name, m.level.seats[other].name
        if mine < theirs:
            return Decision(True, f"{side_name} is the weaker side, and {other_name} must not grow stronger")
        return Decision(False, f"{side_name} is already the stronger side")

    def weigh_duty(self, m: Match, duty: Duty) -> Decision:
        """Honour unless the victim's side would hold the aggressor without it: only then may it stay out."""
        aggressor, target = w.nation_name(m, duty.aggressor), w.nation_name(m, duty.target)
        attacker = coalition_power(m, duty.aggressor)
        alone = sum(w.power(m, n) for n in coalition(m, duty.target) - {duty.nation})
        if attacker >= alone:
            return Decision(True, f"{aggressor} must not grow stronger")
        return Decision(False, f"{target} can hold {aggressor} alone")

    def appeal(self, m: Match, nation: str, seat: int) -> float:
        """The weaker the side, the more it appeals."""
        return -bloc_power(m, seat, exclude=nation)

    def weigh_call(self, m: Match, call: Call) -> Decision:
        """Help only the weaker side: never the stronger side's war, and not when evenly matched."""
        caller, enemy = w.nation_name(m, call.caller), w.nation_name(m, call.enemy)
        attacker, defender = war_balance(m, call.caller, call.enemy, ())
        if attacker > defender:
            return Decision(False, f"{caller}'s side is already the stronger, and must not grow stronger still")
        if attacker == defender:
            return Decision(False, f"{caller}'s side and {enemy}'s are evenly matched")
        return Decision(True, f"{enemy}'s side is the stronger, and must not grow stronger")
