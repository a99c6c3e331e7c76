"""The bandwagoner (Mearsheimer: a strategy for the weak): joins the strongest side at its door.

When the cost of opposing the side that can bring the most power to bear on it exceeds the
benefit, it joins that side. Distance is protection (:func:`game.core.doctrines.measures.menace`),
and it submits within a margin (:data:`BANDWAGON_MARGIN`), so at rough parity it joins whoever asks.
"""

from __future__ import annotations

from typing import ClassVar

from game.core import world as w
from game.core.doctrines.base import Decision, Doctrine
from game.core.doctrines.measures import menace, war_balance
from game.core.level import Doctrine as DoctrineName
from game.core.state import Call, Duty, Match

# A bandwagoner submits when the other side is this much stronger than the one it would join.
BANDWAGON_MARGIN = 1.2


class Bandwagoner(Doctrine):
    name: ClassVar[DoctrineName] = "bandwagoner"

    def choose_side(self, m: Match, me: str, seat: int, suitor: str) -> Decision:
        """Join ``seat``'s side unless the other side's menace exceeds it by more than the margin."""
        other = 1 - seat
        side_name, other_name = m.level.seats[seat].name, m.level.seats[other].name
        # The strongest side at its door, not the strongest on the map: distance is protection.
        near, far = menace(m, me, seat), menace(m, me, other)
        if near * BANDWAGON_MARGIN >= far:
            # It submits within a margin, so the reason must not call the weaker of two near-equals stronger.
            if near > far:
                standing = "is the stronger side"
            elif near == far:
                standing = f"is as strong at its door as {other_name}"
            else:
                standing = f"is nearly as strong at its door as {other_name}"
            return Decision(True, f"{side_name} {standing}, and opposing it would cost more than it gains")
        return Decision(False, f"opposing {other_name} would cost more than it gains")

    def weigh_duty(self, m: Match, duty: Duty) -> Decision:
        """Pass the buck when the aggressor's coalition outweighs the victim's with it; honour otherwise."""
        aggressor = w.nation_name(m, duty.aggressor)
        attacker, defender = war_balance(m, duty.aggressor, duty.target, {duty.nation})
        if attacker > defender:
            return Decision(False, f"{aggressor} is too strong to oppose")
        return Decision(True, f"{aggressor} is the weaker side")

    def appeal(self, m: Match, nation: str, seat: int) -> float:
        """The more the side can bring to bear on it, the more it appeals."""
        return menace(m, nation, seat)

    def weigh_call(self, m: Match, call: Call) -> Decision:
        """Bandwagoning for profit (Schweller): join a war the stronger side is waging, never a losing one."""
        caller, enemy = w.nation_name(m, call.caller), w.nation_name(m, call.enemy)
        attacker, defender = war_balance(m, call.caller, call.enemy, ())
        if attacker > defender:
            return Decision(True, f"{caller}'s side is the stronger, and it wants a share of the spoils")
        if attacker == defender:
            return Decision(False, f"{caller}'s side and {enemy}'s are evenly matched: there is nothing sure to gain")
        return Decision(False, f"{enemy}'s side is the stronger: a losing war is no bargain")
