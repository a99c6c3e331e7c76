"""What every doctrine answers, and the screening they all share, in the order that decides the reason.

The engine asks a nation nobody plays four questions: an offer (:meth:`Doctrine.decide_offer`),
a duty (:meth:`Doctrine.decide_duty`), what it starts on its own (:meth:`Doctrine.initiatives`)
and, when both seats court it in one round, which it would rather hear first
(:meth:`Doctrine.appeal`). Each answer is a :class:`Decision` with the one-sentence reason the
chronicle shows.

:class:`Doctrine` is a small base class rather than a bare ``Protocol`` because most of each
answer is the same for every doctrine and its *order* matters: the first check that fires gives
the reason. A pact breaker is refused before anything else is weighed; an ally that passed the
buck is refused before sides are counted; a cohesive alliance is honoured and a hollow one is
not before the doctrine is consulted. Those screenings are template methods here, written once;
a doctrine is a short subclass that fills in its heart — :meth:`Doctrine.choose_side` (should it
join this side?), :meth:`Doctrine.weigh_duty` (is this war worth fighting?) and
:meth:`Doctrine.appeal` — and overrides a screening only where it truly answers otherwise (the
neutral, which joins nobody; the regime seeker, which clings to any protector).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import ClassVar, Literal

from game.core import rules
from game.core import world as w
from game.core.doctrines.measures import coalition_power, fragile, has_broken_a_pact, side_of, unreliable
from game.core.level import Doctrine as DoctrineName
from game.core.state import Call, Duty, Match, Offer

# Cohesion at which any NPC ally stands by its friends, and below which none does.
STEADFAST_COHESION = 75
HOLLOW_COHESION = 25
# Approaches are deliberate, not every round: each NPC courts once every this many rounds.
COURTING_ROUNDS = 3


@dataclass(frozen=True)
class Decision:
    """A doctrine's answer, with the one sentence the chronicle gives for it (true of the numbers used)."""

    yes: bool
    reason: str


@dataclass(frozen=True)
class Initiative:
    """Something an NPC does of its own accord, applied by the engine under the normal rules."""

    kind: Literal["alliance", "invite", "pact", "peace", "leave"]
    to: str = ""
    treaty: str = ""
    name: str = ""
    reason: str = ""


class Doctrine(ABC):
    """How a nation nobody plays chooses sides. One subclass per doctrine, one instance each.

    Instances hold no state: every answer is a pure function of the match.
    """

    name: ClassVar[DoctrineName]
    """The doctrine's name in level files (``game.core.level.Doctrine``), its key in the registry."""

    refuses_pacts_with_its_foes: ClassVar[bool] = False
    """A balancer will not promise peace to the side it would fight; other doctrines sign with anyone."""

    # -----------------------------------------------------------------------
    # The four questions the engine asks

    def decide_offer(self, m: Match, offer: Offer) -> Decision:
        """An NPC answers an offer by its doctrine, in the NPC phase of the round it was made."""
        me, sender = offer.recipient, offer.sender
        if offer.kind == "peace":
            return self.decide_peace(m, me, sender)
        if offer.kind == "pact":
            if has_broken_a_pact(m, sender):
                return Decision(False, f"{w.nation_name(m, sender)} has broken a pact before")
            return self.decide_pact(m, me, sender)
        return self.decide_alignment(m, offer)

    def decide_duty(self, m: Match, duty: Duty) -> Decision:
        """Honour or pass the buck. High cohesion makes any ally stand firm; low cohesion, none.

        Cohesion moves the doctrine's threshold; between the two marks the doctrine decides.
        """
        alliance = m.alliances.get(duty.treaty)
        cohesion = alliance.cohesion if alliance is not None else m.credibility[duty.nation]
        if cohesion >= STEADFAST_COHESION:
            return Decision(True, "the alliance stands together")
        if cohesion < HOLLOW_COHESION:
            return Decision(False, f"the treaty with {w.nation_name(m, duty.target)} has become hollow")
        return self.weigh_duty(m, duty)

    def initiatives(self, m: Match, nation: str) -> list[Initiative]:
        """What an NPC starts on its own this NPC phase: leaving, suing for peace, then courting."""
        out = self.departures(m, nation)
        out.extend(self.peace_overtures(m, nation))
        order = [n.id for n in m.level.nations].index(nation)
        if (m.round + order) % COURTING_ROUNDS != 0 or w.enemies(m, nation):
            return out
        out.extend(self.approaches(m, nation))
        return out

    def decide_call(self, m: Match, call: Call) -> Decision:
        """Join an ally's war of aggression? No treaty obliges it, so only the doctrine's own reasoning answers."""
        return self.weigh_call(m, call)

    def dares_war(self, m: Match, me: str, victim: str) -> Decision:
        """Start a war for a claim on ``victim``'s land? Only against a coalition its own outweighs.

        Its own coalition counts every ally (it will call them to arms): that trust is the moral
        hazard of the reckless ally. The odds of the battle itself are the NPC phase's to weigh.
        """
        mine, theirs = coalition_power(m, me), coalition_power(m, victim)
        victim_name = w.nation_name(m, victim)
        if mine > theirs:
            return Decision(True, f"with its allies it is stronger than {victim_name} and its friends")
        return Decision(False, f"{victim_name} and its friends are too strong")

    @abstractmethod
    def appeal(self, m: Match, nation: str, seat: int) -> float:
        """How much ``nation`` would like to join ``seat``'s side (higher: more)."""

    # -----------------------------------------------------------------------
    # The heart of each doctrine

    @abstractmethod
    def choose_side(self, m: Match, me: str, seat: int, suitor: str) -> Decision:
        """Should ``me`` join ``seat``'s side? ``suitor`` names who asks ("" when nobody does)."""

    @abstractmethod
    def weigh_duty(self, m: Match, duty: Duty) -> Decision:
        """Honour a duty the alliance's cohesion has not already settled?"""

    @abstractmethod
    def weigh_call(self, m: Match, call: Call) -> Decision:
        """Answer an ally's call to arms: join its war on ``call.enemy``, or stay out?"""

    # -----------------------------------------------------------------------
    # Screenings a doctrine may answer otherwise

    def decide_peace(self, m: Match, me: str, sender: str) -> Decision:
        """Make peace with ``sender``? A fragile regime or a losing nation wants it; a winning one does not."""
        name = w.nation_name(m, sender)
        mine, theirs = w.power(m, me), w.power(m, sender)
        if fragile(m, me):
            return Decision(True, "its regime cannot bear more war")
        if mine < theirs:
            return Decision(True, f"{name} is the stronger")
        return Decision(False, f"it is winning against {name}")

    def decide_pact(self, m: Match, me: str, sender: str) -> Decision:
        """Sign a non-aggression pact with ``sender``, who has never broken one?"""
        name = w.nation_name(m, sender)
        foe_seat = side_of(m, sender)
        if foe_seat is not None and self.refuses_pacts_with_its_foes:
            if self.choose_side(m, me, 1 - foe_seat, "").yes:
                return Decision(False, f"it will not tie its hands against {name}'s side")
        return Decision(True, f"peace with {name} costs it nothing")

    def decide_alignment(self, m: Match, offer: Offer) -> Decision:
        """Join an alliance, or accept a guarantee: the offers that put it on a side."""
        me, sender = offer.recipient, offer.sender
        name = w.nation_name(m, sender)
        if unreliable(m, sender):
            return Decision(False, f"{name} passed the buck when its allies needed it")
        seat = side_of(m, sender)
        if seat is None:
            return Decision(offer.kind == "guarantee", "it sees no side to choose here")
        other = 1 - seat
        if any(side_of(m, n) == other for al in w.alliances_of(m, me) for n in al.members if n != me):
            return Decision(False, f"it is already bound to {m.level.seats[other].name}'s side")
        if offer.kind == "guarantee":
            return Decision(True, "protection is welcome")
        return self.choose_side(m, me, seat, name)

    def departures(self, m: Match, nation: str) -> list[Initiative]:
        """Leave every alliance whose cohesion has fallen below the mark where it is worth nothing."""
        return [
            Initiative("leave", treaty=alliance.id, reason=f"its cohesion has fallen to {alliance.cohesion}")
            for alliance in sorted(w.alliances_of(m, nation), key=lambda al: al.id)
            if alliance.cohesion < rules.LOW_COHESION
        ]

    def peace_overtures(self, m: Match, nation: str) -> list[Initiative]:
        """Sue for peace with every stronger enemy this doctrine would make peace with."""
        out: list[Initiative] = []
        for enemy in w.enemies(m, nation):
            if self.decide_peace(m, nation, enemy).yes and w.power(m, nation) < w.power(m, enemy):
                # Said as measured: weaker in troops and income, whatever the battles of the day did.
                name = w.nation_name(m, enemy)
                out.append(Initiative("peace", to=enemy, reason=f"{name} is the stronger in troops and income"))
        return out

    def approaches(self, m: Match, nation: str) -> list[Initiative]:
        """In a courting round at peace: an unaligned nation proposes an alliance to the side it would join."""
        if side_of(m, nation) is not None or any(True for _ in w.alliances_of(m, nation)):
            return []
        # Court the side the doctrine likes best first, so neither seat wins ties by sitting first.
        for seat in sorted((0, 1), key=lambda s: (-self.appeal(m, nation, s), s)):
            choice = self.choose_side(m, nation, seat, "")
            lead = w.seat_nations(m, seat)
            if choice.yes and lead:
                return [
                    Initiative(
                        "alliance",
                        to=lead[0],
                        name=f"{w.nation_name(m, nation)}–{w.nation_name(m, lead[0])} Treaty",
                        reason=choice.reason,
                    )
                ]
        return []
