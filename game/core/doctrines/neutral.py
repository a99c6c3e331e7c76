"""The neutral: joins nobody, signs pacts, fights only whoever attacks it.

It accepts guarantees (a promise to it binds it to nothing) and non-aggression pacts with
anyone who has never broken one, courts its seat-played neighbours for pacts, and never
honours a duty, whatever the alliance's cohesion: it has no threshold for cohesion to move.
"""

from __future__ import annotations

from typing import ClassVar

from game.core import world as w
from game.core.doctrines.base import Case, Decision, Doctrine, Initiative
from game.core.doctrines.measures import neighbours, threat
from game.core.level import Doctrine as DoctrineName
from game.core.state import Call, Duty, Match, Offer

WANTS_NO_WAR = "it wants no part in anyone's war"
JOINS_NOBODY = Decision(False, "it is neutral and joins nobody")


class Neutral(Doctrine):
    name: ClassVar[DoctrineName] = "neutral"

    def decide_peace(self, m: Match, me: str, sender: str) -> Decision:
        """Always: it never chose the war."""
        return Decision(True, "it never wanted this war")

    def decide_pact(self, m: Match, me: str, sender: str) -> Decision:
        """Always, with anyone who has never broken a pact (that screening comes first, for every doctrine)."""
        return Decision(True, WANTS_NO_WAR)

    def decide_alignment(self, m: Match, offer: Offer) -> Decision:
        """A guarantee, yes (it is a promise to the neutral, not from it); an alliance, never."""
        if offer.kind == "guarantee":
            return Decision(True, "a promise of protection binds it to nothing")
        return JOINS_NOBODY

    def choose_side(self, m: Match, me: str, seat: int, suitor: str) -> Decision:
        """Never. (Nothing asks: the neutral answers every offer before a side would be weighed.)"""
        return JOINS_NOBODY

    def weigh_duty(self, m: Match, duty: Duty) -> Case:
        """Never, whatever the treaty's bond: it fights only in its own defence, and has no threshold to move."""
        return Case.settled(False, "it fights only when it is attacked itself")

    def appeal(self, m: Match, nation: str, seat: int) -> float:
        """Courted by both seats in one round (with guarantees), it hears first the one it fears less.

        The order changes no answer (it accepts every guarantee and no alliance, whoever asks
        first), only the order of the chronicle's lines, so any measure would do; threat is the
        one a nation that wants no war would ask, and a constant would make every such round a
        dead heat and roll the match's dice (:func:`~game.core.doctrines.registry.rank_suitors`)
        for nothing.
        """
        return -threat(m, nation, seat)

    def approaches(self, m: Match, nation: str) -> list[Initiative]:
        """A pact with the first seat-played neighbour it has none with, whether or not it has allies."""
        for neighbour in neighbours(m, nation):
            if neighbour in m.seat_of and w.has_pact(m, nation, neighbour) is None:
                return [Initiative("pact", to=neighbour, reason=WANTS_NO_WAR)]
        return []

    def weigh_call(self, m: Match, call: Call) -> Decision:
        """Never: it fights only in its own defence."""
        return Decision(False, "it fights only when it is attacked itself")

    def dares_war(self, m: Match, me: str, victim: str) -> Decision:
        """Never: a neutral claims nothing by force."""
        return Decision(False, "it wants no part in anyone's war")
