"""What every doctrine answers, and the screening they all share, in the order that decides the reason.

The engine asks a nation nobody plays four questions: an offer (:meth:`Doctrine.decide_offer`),
a duty (:meth:`Doctrine.decide_duty`), what it starts on its own (:meth:`Doctrine.initiatives`)
and, when both seats court it in one round, which it would rather hear first
(:meth:`Doctrine.appeal`). Each answer is a :class:`Decision` with the one-sentence reason the
chronicle shows.

:class:`Doctrine` is a small base class rather than a bare ``Protocol`` because most of each
answer is the same for every doctrine and its *order* matters: the first check that fires gives
the reason. A pact breaker is refused before anything else is weighed; an ally that passed the
buck is refused before sides are counted. Those screenings are template methods here, written
once; a doctrine is a short subclass that fills in its heart — :meth:`Doctrine.choose_side`
(should it join this side?), :meth:`Doctrine.weigh_duty` (how strong is the case for this war?)
and :meth:`Doctrine.appeal` — and overrides a screening only where it truly answers otherwise
(the neutral, which joins nobody; the regime seeker, which clings to any protector).

A duty is weighed in two steps. The doctrine states its :class:`Case`: one number, its own
measure of the case for fighting (1 at parity, the point where it sees no case either way),
with its reasons for fighting, for staying out, and at parity. The treaty's :class:`Bond` then
moves the mark the case must pass: an alliance's cohesion, or for a guarantee (which is no
alliance) the guarantor's credibility. A close alliance fights on a weaker case, a hollow one
wants a clearer need; the reason stays the doctrine's own, and says so when the bond tipped it.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar, Literal

from game.core import rules
from game.core import world as w
from game.core.doctrines.measures import coalition_power, fragile, has_broken_a_pact, side_of, unreliable, war_sides
from game.core.level import Doctrine as DoctrineName
from game.core.state import Call, Duty, Match, Offer

# The bond (an alliance's cohesion, a guarantor's credibility) at which a doctrine's own measure
# decides alone; and how far the bond moves the mark: at 100 a doctrine fights on a case half
# as weak again (it honours while the case is above 1/1.5), at 0 it wants a case twice as strong.
# Cohesion used to settle duties by itself at 75 and 25, before any doctrine was asked: measured,
# it decided over half of all NPC honours, and a balancer "stood together" with a victim that
# needed nobody.
NEUTRAL_BOND = 50
BOND_SWAY = 0.5
# Approaches are deliberate, not every round: each NPC courts once every this many rounds.
COURTING_ROUNDS = 3


@dataclass(frozen=True)
class Decision:
    """A doctrine's answer, with the one sentence the chronicle gives for it (true of the numbers used)."""

    yes: bool
    reason: str


@dataclass(frozen=True)
class Bond:
    """What holds a duty holder to its duty, and the words for it when it tips the doctrine's answer."""

    strength: int
    """An alliance's cohesion, or a guarantor's credibility: 0..100."""
    stands: str
    """Said when the bond makes it fight on a case its doctrine alone would not fight on."""
    slips: str
    """Said when the bond is too weak for a case its doctrine alone would fight on."""

    @property
    def resolve(self) -> float:
        """The factor on a doctrine's case: 1 at :data:`NEUTRAL_BOND`, 1.5 at 100, 0.5 at 0.

        >>> Bond(50, "", "").resolve, Bond(100, "", "").resolve, Bond(0, "", "").resolve
        (1.0, 1.5, 0.5)
        """
        return 1.0 + BOND_SWAY * (self.strength - NEUTRAL_BOND) / NEUTRAL_BOND


@dataclass(frozen=True)
class Case:
    """A doctrine's own weighing of a duty, before the treaty's bond is counted.

    ``strength`` is the doctrine's measure of the case for fighting: above 1 it would fight,
    below 1 it would stay out, exactly 1 is parity (evenly matched), where it sees no case
    and stays out unless the bond says otherwise. Each reason is true of the numbers that
    gave ``strength``.
    """

    strength: float
    fight: str
    stay_out: str
    even: str = ""

    @classmethod
    def weighed(cls, for_it: float, against_it: float, *, fight: str, stay_out: str, even: str) -> Case:
        """The case as a ratio of two of the doctrine's numbers: the one that calls it to fight over the other.

        >>> Case.weighed(6.0, 6.0, fight="", stay_out="", even="").strength
        1.0
        """
        if against_it > 0:
            strength = for_it / against_it
        else:
            strength = 1.0 if for_it <= 0 else float("inf")
        return cls(strength, fight, stay_out, even)

    @classmethod
    def settled(cls, yes: bool, reason: str) -> Case:
        """A doctrine whose answer no bond can move (a neutral, a fragile regime): never, or always."""
        return cls(float("inf"), reason, reason) if yes else cls(0.0, reason, reason)

    def decide(self, bond: Bond) -> Decision:
        """Honour when the case, moved by the bond, is above parity; the reason says what decided."""
        alone = self.strength > 1.0
        bound = self.strength * bond.resolve > 1.0
        own = self.fight if alone else self.even if self.strength == 1.0 and self.even else self.stay_out
        if bound == alone:
            return Decision(bound, own)
        return Decision(bound, f"{own}, but {bond.stands if bound else bond.slips}")


def bond_of(m: Match, duty: Duty) -> Bond:
    """An alliance's cohesion binds its members; a guarantee is no alliance: the guarantor's credibility does."""
    alliance = m.alliances.get(duty.treaty)
    if alliance is not None:
        return Bond(alliance.cohesion, "the alliance stands together", "the alliance is too hollow to fight for")
    target = w.nation_name(m, duty.target)
    return Bond(m.credibility[duty.nation], f"it keeps its word to {target}", "it has little credibility left to lose")


def side_name(m: Match, nation: str, counted: Iterable[str]) -> str:
    """``nation``'s name, with "and its allies" when ``counted`` holds anyone else: a reason says what it counts."""
    name = w.nation_name(m, nation)
    return name if set(counted) <= {nation} else f"{name} and its allies"


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
        """Honour or pass the buck: the doctrine states its case, the treaty's bond moves the mark.

        The bond never replaces the doctrine's reasoning: a cohesive alliance fights on a weaker
        case, a hollow one (or a guarantor with little credibility) wants a clearer one.
        """
        return self.weigh_duty(m, duty).decide(bond_of(m, duty))

    def initiatives(self, m: Match, nation: str) -> list[Initiative]:
        """What an NPC starts on its own this NPC phase: leaving, suing for peace, then courting."""
        out = self.departures(m, nation)
        out.extend(self.peace_overtures(m, nation))
        order = m.index.position[nation]
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
    def weigh_duty(self, m: Match, duty: Duty) -> Case:
        """The doctrine's own case for honouring ``duty``, before the treaty's bond is counted."""

    @abstractmethod
    def weigh_call(self, m: Match, call: Call) -> Decision:
        """Answer an ally's call to arms: join its war on ``call.enemy``, or stay out?"""

    # -----------------------------------------------------------------------
    # Screenings a doctrine may answer otherwise

    def decide_peace(self, m: Match, me: str, sender: str) -> Decision:
        """Make peace with ``sender``? A fragile regime, a weaker side or an even war wants it; a stronger side not.

        Each side counts its allies already at war with the other (:func:`war_sides`): a nation
        whose allies carry the war is not losing it alone.
        """
        if fragile(m, me):
            return Decision(True, "its regime cannot bear more war")
        ours, theirs = war_sides(m, me, sender)
        mine, their = sum(w.power(m, n) for n in ours), sum(w.power(m, n) for n in theirs)
        if mine < their:
            return Decision(True, f"the balance of troops and income favours {side_name(m, sender, theirs)}")
        if mine == their:
            return Decision(True, "the two sides are evenly matched in troops and income")
        us = "it" if ours == {me} else "it and its allies"
        return Decision(False, f"the balance of troops and income favours {us}")

    def decide_pact(self, m: Match, me: str, sender: str) -> Decision:
        """Sign a non-aggression pact with ``sender``, who has never broken one?"""
        name = w.nation_name(m, sender)
        foe_seat = side_of(m, sender)
        if foe_seat is not None and self.refuses_pacts_with_its_foes:
            if self.choose_side(m, me, 1 - foe_seat, "").yes:
                return Decision(False, f"it will not tie its hands against {w.possessive(name)} side")
        return Decision(True, f"peace with {name} costs it nothing")

    def decide_alignment(self, m: Match, offer: Offer) -> Decision:
        """Join an alliance, or accept a guarantee: the offers that put it on a side."""
        me, sender = offer.recipient, offer.sender
        name = w.nation_name(m, sender)
        if unreliable(m, sender):
            return Decision(False, f"{name} passed the buck when its allies needed it")
        seat = side_of(m, sender)
        if seat is None:
            if offer.kind == "guarantee":  # a promise to it from no side: nothing to weigh
                return Decision(True, "protection is welcome")
            return Decision(False, "it sees no side to choose here")
        other = 1 - seat
        if any(side_of(m, n) == other for al in w.alliances_of(m, me) for n in al.members if n != me):
            return Decision(False, f"it is already bound to {w.possessive(m.level.seats[other].name)} side")
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
        """Sue for peace with every enemy whose side is the stronger, if this doctrine would make that peace.

        Sides are counted as :meth:`decide_peace` counts them, and said as measured: weaker in
        troops and income, whatever the battles of the day did.
        """
        out: list[Initiative] = []
        for enemy in w.enemies(m, nation):
            ours, theirs = war_sides(m, nation, enemy)
            weaker = sum(w.power(m, n) for n in ours) < sum(w.power(m, n) for n in theirs)
            if weaker and self.decide_peace(m, nation, enemy).yes:
                reason = f"the balance of troops and income favours {side_name(m, enemy, theirs)}"
                out.append(Initiative("peace", to=enemy, reason=reason))
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
