"""The regime seeker (David): a fragile regime aligns with whoever keeps it alive at home.

While its stability is below :data:`game.core.rules.FRAGILE_STABILITY` it sides with its largest
regime-aid donor (:func:`game.core.doctrines.measures.top_donor`) and fights only for that
donor's side. Once its regime is secure it reasons exactly like a threat balancer: it delegates
to one rather than restating its rules. It never leaves an alliance, however hollow.
"""

from __future__ import annotations

from typing import ClassVar

from game.core import world as w
from game.core.doctrines.base import Decision, Doctrine, Initiative
from game.core.doctrines.measures import fragile, side_of, top_donor
from game.core.doctrines.threat_balancer import ThreatBalancer
from game.core.level import Doctrine as DoctrineName
from game.core.state import Call, Duty, Match


class RegimeSeeker(Doctrine):
    name: ClassVar[DoctrineName] = "regime_seeker"

    secure: ClassVar[Doctrine] = ThreatBalancer()
    """How it reasons once its regime is out of danger."""

    def choose_side(self, m: Match, me: str, seat: int, suitor: str) -> Decision:
        """While fragile: join ``seat``'s side only if its top donor stands there."""
        if not fragile(m, me):
            return self.secure.choose_side(m, me, seat, suitor)
        donor = top_donor(m, me)
        if donor is not None and side_of(m, donor) == seat:
            return Decision(True, f"{w.nation_name(m, donor)} keeps its fragile regime alive")
        if donor is None:
            return Decision(False, "its fragile regime needs support, and nobody has given any")
        side_name = m.level.seats[seat].name
        return Decision(False, f"{w.nation_name(m, donor)}, not {suitor or side_name}, props up its regime")

    def weigh_duty(self, m: Match, duty: Duty) -> Decision:
        """While fragile: honour only a duty to its top donor or the donor's ally."""
        if not fragile(m, duty.nation):
            return self.secure.weigh_duty(m, duty)
        donor = top_donor(m, duty.nation)
        if donor is not None and (donor == duty.target or w.allied(m, donor, duty.target)):
            return Decision(True, f"{w.nation_name(m, donor)} keeps its regime alive")
        return Decision(False, "its fragile regime cannot afford a war for others")

    def appeal(self, m: Match, nation: str, seat: int) -> float:
        """While fragile: 1 for the side of its top donor, 0 for any other."""
        if not fragile(m, nation):
            return self.secure.appeal(m, nation, seat)
        donor = top_donor(m, nation)
        return 1.0 if donor is not None and side_of(m, donor) == seat else 0.0

    def departures(self, m: Match, nation: str) -> list[Initiative]:
        """None: a regime that needs protectors keeps every alliance it has, however hollow."""
        return []

    def weigh_call(self, m: Match, call: Call) -> Decision:
        """While fragile: fight only for its protector; once secure, as a threat-balancer would."""
        if not fragile(m, call.ally):
            return self.secure.weigh_call(m, call)
        donor = top_donor(m, call.ally)
        if donor is not None and (donor == call.caller or w.allied(m, donor, call.caller)):
            return Decision(True, f"{w.nation_name(m, donor)} keeps its regime alive")
        return Decision(False, "its fragile regime cannot afford a war for others")

    def dares_war(self, m: Match, me: str, victim: str) -> Decision:
        """A fragile regime starts no war; a secure one weighs it like any other."""
        if fragile(m, me):
            return Decision(False, "its fragile regime cannot afford a war")
        return super().dares_war(m, me, victim)
