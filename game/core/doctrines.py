"""How nations nobody plays choose sides: the doctrines of alliance theory as rules.

Each decision is a pure function of the match and returns a :class:`Decision`
with a one-sentence reason that the chronicle shows. The engine calls three
hooks: :func:`decide_offer` (an offer to an NPC), :func:`decide_duty` (an NPC's
Article 5 or guarantee duty) and :func:`initiatives` (what an NPC starts on its
own in the NPC phase).

- ``balancer`` (Waltz): joins the weaker side to stop the stronger.
- ``threat_balancer`` (Walt): opposes the most threatening side: power x proximity
  x forces on its border x aggressive record, discounted by shared ideology.
- ``bandwagoner`` (a strategy for the weak): joins the strongest threatening side
  when opposing it would cost more than it gains.
- ``regime_seeker`` (David): while its regime is fragile, sides with its largest
  regime-aid donor; once stable, it weighs threats like a threat-balancer.
- ``neutral``: joins nobody, signs pacts, fights only whoever attacks it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Literal
from weakref import WeakKeyDictionary

from game.core import rules
from game.core import world as w
from game.core.hexgrid import to_axial
from game.core.level import Geography
from game.core.state import Duty, Match, Offer

# Cohesion at which any NPC ally stands by its friends, and below which none does.
STEADFAST_COHESION = 75
HOLLOW_COHESION = 25
# A bandwagoner submits when the other side is this much stronger than the one it would join.
BANDWAGON_MARGIN = 1.2


@dataclass(frozen=True)
class Decision:
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


# ---------------------------------------------------------------------------
# Measures


def side_of(m: Match, nation: str) -> int | None:
    """The seat a nation stands with: its own seat, or the seat it is allied to (if only one)."""
    if nation in m.seat_of:
        return m.seat_of[nation]
    sides = {m.seat_of[n] for al in w.alliances_of(m, nation) for n in al.members if n in m.seat_of}
    return sides.pop() if len(sides) == 1 else None


def bloc(m: Match, seat: int) -> list[str]:
    """A seat's nations and every nation allied to them."""
    members = set(w.seat_nations(m, seat))
    for alliance in m.alliances.values():
        if members.intersection(alliance.members):
            members.update(alliance.members)
    return sorted(n for n in members if n not in m.eliminated)


def bloc_power(m: Match, seat: int, exclude: str = "") -> float:
    return sum(w.power(m, n) for n in bloc(m, seat) if n != exclude)


def coalition(m: Match, nation: str) -> set[str]:
    """A nation and every ally it has, eliminated nations left out."""
    members = {nation}
    for alliance in w.alliances_of(m, nation):
        members.update(alliance.members)
    return {n for n in members if n not in m.eliminated}


def coalition_power(m: Match, nation: str) -> float:
    """A nation with every ally it has: what an enemy would face."""
    return sum(w.power(m, n) for n in coalition(m, nation))


def menace(m: Match, nation: str, seat: int) -> float:
    """What a seat's bloc can bring to bear on ``nation``: its power, discounted by distance.

    The bandwagoner's measure: a strong side far away is no reason to submit.
    """
    members = [n for n in bloc(m, seat) if n != nation]
    if not members:
        return 0.0
    return sum(w.power(m, n) for n in members) * proximity(m, nation, members)


def affinity(m: Match, a: str, b: str) -> float:
    """Ideological discount on threat: kin regimes look less dangerous."""
    ia, ib = m.index.ideology[a], m.index.ideology[b]
    if ia == ib:
        return 0.6
    if "non_aligned" in (ia, ib):
        return 0.85
    return 1.0


def aggressive_record(m: Match, nations: list[str]) -> float:
    group = set(nations)
    record = 1.0
    for d in m.declarations:
        if d.aggressor in group:
            record += 1.0 if d.broke_pact else 0.5
    return record


def proximity(m: Match, nation: str, others: list[str]) -> float:
    """1 for neighbours, falling with hex distance between the closest cells of each side."""
    group = set(others)
    nearest: int | None = None
    for territory in w.territories_of(m, nation):
        for gap, other in _distances(m.index.geography, territory):
            if nearest is not None and gap >= nearest:
                break
            if m.owner[other] in group:
                nearest = gap
                break
    if nearest is None:
        return 0.0
    return 1.0 / max(1.0, nearest / 2.0)


# Hex distances between territories depend only on the map: worked out once per map, on demand.
_DISTANCES: WeakKeyDictionary[Geography, dict[str, list[tuple[int, str]]]] = WeakKeyDictionary()


def _distances(geo: Geography, territory: str) -> list[tuple[int, str]]:
    """Every other territory with the hex distance between the closest cells of the two, nearest first."""
    table = _DISTANCES.setdefault(geo, {})
    found = table.get(territory)
    if found is None:
        mine = [to_axial(c) for c in geo.cells[territory]]
        found = []
        for other, cells in geo.cells.items():
            if other == territory or not cells:
                continue
            gap = min(_axial_gap(a, to_axial(b)) for a in mine for b in cells)
            found.append((gap, other))
        found.sort()
        table[territory] = found
    return found


def _axial_gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    dq, dr = a[0] - b[0], a[1] - b[1]
    return (abs(dq) + abs(dr) + abs(dq + dr)) // 2


def border_forces(m: Match, nation: str, others: list[str]) -> int:
    group = set(others)
    seen: set[str] = set()
    total = 0
    for t in w.territories_of(m, nation):
        for other in w.adjacent(m, t):
            if other not in seen and m.owner[other] in group:
                seen.add(other)
                total += sum(s for n, s in m.forces[other].items() if n in group)
    return total


def threat(m: Match, nation: str, seat: int) -> float:
    """Walt's threat of a seat's bloc to ``nation``."""
    members = [n for n in bloc(m, seat) if n != nation]
    if not members:
        return 0.0
    power = sum(w.power(m, n) for n in members)
    own = max(1.0, w.power(m, nation))
    border = border_forces(m, nation, members)
    exercised = any(
        m.round - m.border_exercises.get(al.id, -99) <= rules.EXERCISE_MEMORY_ROUNDS
        for al in m.alliances.values()
        if set(al.members) & set(members)
    )
    lead = w.seat_nations(m, seat)
    kin = min((affinity(m, nation, n) for n in lead), default=1.0)
    value = (power / own) * proximity(m, nation, members) * (1.0 + border / own)
    value *= aggressive_record(m, members) * (1.25 if exercised else 1.0) * kin
    return value


def top_donor(m: Match, nation: str) -> str | None:
    donors = m.aid_received.get(nation, {})
    live = {d: n for d, n in donors.items() if d not in m.eliminated}
    if not live:
        return None
    return max(sorted(live), key=lambda d: live[d])


def unreliable(m: Match, nation: str) -> bool:
    """Has it passed the buck more often than it honoured, and more than once?"""
    passed = m.buck_passed.get(nation, 0)
    return passed >= 2 and passed > m.duties_honoured.get(nation, 0)


# ---------------------------------------------------------------------------
# Offers


def decide_offer(m: Match, offer: Offer) -> Decision:
    """An NPC answers an offer by its doctrine, in the NPC phase of the round it was made."""
    me, sender = offer.recipient, offer.sender
    name = w.nation_name(m, sender)
    doctrine = m.index.doctrine[me]
    if offer.kind == "peace":
        return _decide_peace(m, me, sender)
    broke = any(d.aggressor == sender and d.broke_pact for d in m.declarations)
    if offer.kind == "pact":
        if broke:
            return Decision(False, f"{name} has broken a pact before")
        if doctrine == "neutral":
            return Decision(True, "it wants no part in anyone's war")
        foe_seat = side_of(m, sender)
        if foe_seat is not None and doctrine in ("balancer", "threat_balancer"):
            if _opposes(m, me, foe_seat):
                return Decision(False, f"it will not tie its hands against {name}'s side")
        return Decision(True, f"peace with {name} costs it nothing")
    if doctrine == "neutral":
        if offer.kind == "guarantee":
            return Decision(True, "a promise of protection binds it to nothing")
        return Decision(False, "it is neutral and joins nobody")
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
    return _choose_side(m, me, seat, w.nation_name(m, sender))


def _opposes(m: Match, me: str, seat: int) -> bool:
    """Would this nation's doctrine put it against ``seat``'s side right now?"""
    choice = _choose_side(m, me, 1 - seat, "")
    return choice.yes


def _choose_side(m: Match, me: str, seat: int, suitor: str) -> Decision:
    """Should ``me`` join ``seat``'s side? The heart of each doctrine."""
    doctrine = m.index.doctrine[me]
    other = 1 - seat
    mine, theirs = bloc_power(m, seat, exclude=me), bloc_power(m, other, exclude=me)
    side_name = m.level.seats[seat].name
    other_name = m.level.seats[other].name
    if doctrine == "regime_seeker" and m.stability[me] < rules.FRAGILE_STABILITY:
        donor = top_donor(m, me)
        if donor is not None and side_of(m, donor) == seat:
            return Decision(True, f"{w.nation_name(m, donor)} keeps its fragile regime alive")
        if donor is None:
            return Decision(False, "its fragile regime needs support, and nobody has given any")
        return Decision(False, f"{w.nation_name(m, donor)}, not {suitor or side_name}, props up its regime")
    if doctrine == "balancer":
        if mine < theirs:
            return Decision(True, f"{side_name} is the weaker side, and {other_name} must not grow stronger")
        return Decision(False, f"{side_name} is already the stronger side")
    if doctrine == "bandwagoner":
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
    # threat_balancer, and a regime_seeker whose regime is secure.
    here, there = threat(m, me, seat), threat(m, me, other)
    if there > here:
        return Decision(True, f"{other_name} is the greater threat")
    return Decision(False, f"{side_name} threatens it more than {other_name} does")


def _decide_peace(m: Match, me: str, sender: str) -> Decision:
    name = w.nation_name(m, sender)
    doctrine = m.index.doctrine[me]
    if doctrine == "neutral":
        return Decision(True, "it never wanted this war")
    mine, theirs = w.power(m, me), w.power(m, sender)
    if m.stability[me] < rules.FRAGILE_STABILITY:
        return Decision(True, "its regime cannot bear more war")
    if mine < theirs:
        return Decision(True, f"{name} is the stronger")
    return Decision(False, f"it is winning against {name}")


# ---------------------------------------------------------------------------
# Duties


def decide_duty(m: Match, duty: Duty) -> Decision:
    """Honour or pass the buck. High cohesion makes any ally stand firm; low cohesion, none."""
    me = duty.nation
    doctrine = m.index.doctrine[me]
    aggressor = w.nation_name(m, duty.aggressor)
    target = w.nation_name(m, duty.target)
    alliance = m.alliances.get(duty.treaty)
    cohesion = alliance.cohesion if alliance is not None else m.credibility[me]
    if doctrine == "neutral":
        return Decision(False, "it fights only when it is attacked itself")
    if cohesion >= STEADFAST_COHESION:
        return Decision(True, "the alliance stands together")
    if cohesion < HOLLOW_COHESION:
        return Decision(False, f"the treaty with {target} has become hollow")
    attacker = coalition_power(m, duty.aggressor)
    # The duty holder usually shares the target's alliance already: count it once.
    defender = sum(w.power(m, n) for n in coalition(m, duty.target) | {me})
    if doctrine == "bandwagoner":
        if attacker > defender:
            return Decision(False, f"{aggressor} is too strong to oppose")
        return Decision(True, f"{aggressor} is the weaker side")
    if doctrine == "balancer":
        # Would the victim's side hold without it? Only then may it stay out.
        alone = sum(w.power(m, n) for n in coalition(m, duty.target) - {me})
        if attacker >= alone:
            return Decision(True, f"{aggressor} must not grow stronger")
        return Decision(False, f"{target} can hold {aggressor} alone")
    if doctrine == "regime_seeker" and m.stability[me] < rules.FRAGILE_STABILITY:
        donor = top_donor(m, me)
        if donor is not None and (donor == duty.target or w.allied(m, donor, duty.target)):
            return Decision(True, f"{w.nation_name(m, donor)} keeps its regime alive")
        return Decision(False, "its fragile regime cannot afford a war for others")
    seat = side_of(m, duty.aggressor)
    if seat is not None and threat(m, me, seat) >= threat(m, me, 1 - seat):
        return Decision(True, f"{aggressor} is the greater threat")
    if seat is None:
        return Decision(True, f"{aggressor} has shown itself an aggressor")
    return Decision(False, f"{aggressor} threatens it less than the other side")


# ---------------------------------------------------------------------------
# Initiatives


def initiatives(m: Match, nation: str) -> list[Initiative]:
    """What an NPC starts on its own this NPC phase."""
    doctrine = m.index.doctrine[nation]
    out: list[Initiative] = []
    for alliance in sorted(w.alliances_of(m, nation), key=lambda al: al.id):
        if alliance.cohesion < rules.LOW_COHESION and doctrine != "regime_seeker":
            out.append(
                Initiative("leave", treaty=alliance.id, reason=f"its cohesion has fallen to {alliance.cohesion}")
            )
    for enemy in w.enemies(m, nation):
        if _decide_peace(m, nation, enemy).yes and w.power(m, nation) < w.power(m, enemy):
            # Said as measured: weaker in troops and income, whatever the battles of the day did.
            name = w.nation_name(m, enemy)
            out.append(Initiative("peace", to=enemy, reason=f"{name} is the stronger in troops and income"))
    # Approaches are deliberate, not every round: each NPC courts once every three rounds.
    order = [n.id for n in m.level.nations].index(nation)
    if (m.round + order) % 3 != 0 or w.enemies(m, nation):
        return out
    if doctrine == "neutral":
        for neighbour in _neighbours(m, nation):
            if neighbour in m.seat_of and w.has_pact(m, nation, neighbour) is None:
                out.append(Initiative("pact", to=neighbour, reason="it wants no part in anyone's war"))
                break
        return out
    if side_of(m, nation) is not None or any(True for _ in w.alliances_of(m, nation)):
        return out
    # Court the side the doctrine likes best first, so neither seat wins ties by sitting first.
    for seat in sorted((0, 1), key=lambda s: (-_appeal(m, nation, s), s)):
        choice = _choose_side(m, nation, seat, "")
        lead = w.seat_nations(m, seat)
        if choice.yes and lead:
            out.append(
                Initiative(
                    "alliance",
                    to=lead[0],
                    name=f"{w.nation_name(m, nation)}–{w.nation_name(m, lead[0])} Treaty",
                    reason=choice.reason,
                )
            )
            break
    return out


def rank_suitors(m: Match, nation: str, rng: random.Random) -> list[int]:
    """The two seats, the one ``nation``'s doctrine would rather join first.

    A dead heat (mirror worlds, the first round of a symmetric map) is settled by ``rng``
    so that sitting first is never an advantage.
    """
    first, second = _appeal(m, nation, 0), _appeal(m, nation, 1)
    if first == second:
        return [0, 1] if rng.random() < 0.5 else [1, 0]
    return [0, 1] if first > second else [1, 0]


def _appeal(m: Match, nation: str, seat: int) -> float:
    """How much ``nation``'s doctrine would like to join ``seat``'s side (higher: more)."""
    doctrine = m.index.doctrine[nation]
    if doctrine == "regime_seeker" and m.stability[nation] < rules.FRAGILE_STABILITY:
        donor = top_donor(m, nation)
        return 1.0 if donor is not None and side_of(m, donor) == seat else 0.0
    if doctrine == "balancer":
        return -bloc_power(m, seat, exclude=nation)
    if doctrine == "bandwagoner":
        return menace(m, nation, seat)
    return -threat(m, nation, seat)


def _neighbours(m: Match, nation: str) -> list[str]:
    found: set[str] = set()
    for t in w.territories_of(m, nation):
        for other in w.adjacent(m, t):
            if m.owner[other] != nation:
                found.add(m.owner[other])
    return sorted(found)
