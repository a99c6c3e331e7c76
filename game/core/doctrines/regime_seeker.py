"""The regime seeker (David): a fragile regime aligns with whoever keeps it alive at home.

While its regime depends on a protector it sides with it and fights only for its side: while
its stability is below :data:`game.core.rules.FRAGILE_STABILITY` it looks to its top donor
(:func:`game.core.doctrines.measures.top_donor`, recent aid counting more, a tie settled by the
match's dice), and once lifted out of danger it stays with that donor for a while
(:func:`game.core.doctrines.measures.protector`). Once its regime is secure it reasons exactly
like a threat balancer: it delegates to one rather than restating its rules. It never leaves an
alliance, however hollow.
"""

from __future__ import annotations

from typing import ClassVar

from game.core import world as w
from game.core.doctrines.base import Case, Decision, Doctrine, Initiative
from game.core.doctrines.measures import fragile, protector, side_of
from game.core.doctrines.threat_balancer import ThreatBalancer
from game.core.level import Doctrine as DoctrineName
from game.core.state import Call, Duty, Match


class RegimeSeeker(Doctrine):
    name: ClassVar[DoctrineName] = "regime_seeker"

    secure: ClassVar[Doctrine] = ThreatBalancer()
    """How it reasons once its regime is out of danger."""

    @staticmethod
    def _keeps_it(m: Match, me: str, donor: str) -> str:
        """What the protector does for it, as the reason says it."""
        name = w.nation_name(m, donor)
        if fragile(m, me):
            return f"{name} keeps its fragile regime alive"
        return f"{w.possessive(name)} aid has just lifted its regime out of danger"

    @staticmethod
    def _no_war_for_others(m: Match, me: str) -> str:
        """Why a regime that leans on a protector fights no war but the protector's."""
        if fragile(m, me):
            return "its fragile regime cannot afford a war for others"
        return "its regime is only just out of danger and cannot afford a war for others"

    def choose_side(self, m: Match, me: str, seat: int, suitor: str) -> Decision:
        """While it leans on a protector: join ``seat``'s side only if the protector stands there."""
        donor = protector(m, me)
        if donor is None and not fragile(m, me):
            return self.secure.choose_side(m, me, seat, suitor)
        if donor is None:
            return Decision(False, "its fragile regime needs support, and nobody has given any")
        if side_of(m, donor) == seat:
            return Decision(True, self._keeps_it(m, me, donor))
        side_name = m.level.seats[seat].name
        return Decision(False, f"{w.nation_name(m, donor)}, not {suitor or side_name}, props up its regime")

    def weigh_duty(self, m: Match, duty: Duty) -> Case:
        """While it leans on a protector: honour only a duty to the protector or the protector's ally.

        Survival at home is no balance a treaty's bond can tip, so cohesion moves nothing here;
        once secure, it weighs the duty as a threat balancer, bond and all.
        """
        me = duty.nation
        donor = protector(m, me)
        if donor is None and not fragile(m, me):
            return self.secure.weigh_duty(m, duty)
        if donor is not None and (donor == duty.target or w.allied(m, donor, duty.target)):
            return Case.settled(True, self._keeps_it(m, me, donor))
        return Case.settled(False, self._no_war_for_others(m, me))

    def appeal(self, m: Match, nation: str, seat: int) -> float:
        """While it leans on a protector: 1 for the protector's side, 0 for any other."""
        donor = protector(m, nation)
        if donor is None and not fragile(m, nation):
            return self.secure.appeal(m, nation, seat)
        return 1.0 if donor is not None and side_of(m, donor) == seat else 0.0

    def departures(self, m: Match, nation: str) -> list[Initiative]:
        """None: a regime that needs protectors keeps every alliance it has, however hollow."""
        return []

    def weigh_call(self, m: Match, call: Call) -> Decision:
        """While it leans on a protector: fight only on the protector's side; once secure, as a threat balancer."""
        me = call.ally
        donor = protector(m, me)
        if donor is None and not fragile(m, me):
            return self.secure.weigh_call(m, call)
        if donor is not None and (donor == call.caller or w.allied(m, donor, call.caller)):
            return Decision(True, self._keeps_it(m, me, donor))
        return Decision(False, self._no_war_for_others(m, me))

    def dares_war(self, m: Match, me: str, victim: str) -> Decision:
        """A fragile regime starts no war; a secure one weighs it like any other."""
        if fragile(m, me):
            return Decision(False, "its fragile regime cannot afford a war")
        return super().dares_war(m, me, victim)
