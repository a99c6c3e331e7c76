"""The arithmetic every doctrine shares: who stands with whom, how strong, how near, how menacing.

A doctrine is a judgement over these few numbers, so they live once, here, and every doctrine
(and the seat bots, which forecast what the doctrines will say) asks the same function. Each is a
pure question about the match: none changes it, none draws a die.
"""

from __future__ import annotations

from collections.abc import Iterable

from game.core import rules
from game.core import world as w
from game.core.memo import kept
from game.core.standing import equal_support, regime_support
from game.core.state import Match

# ---------------------------------------------------------------------------
# Sides: who stands with whom


def side_of(m: Match, nation: str) -> int | None:
    """The seat a nation stands with: its own seat, or the seat it is allied to (if only one).

    A nation allied to both seats, or to neither, stands with no side: there is no side to join
    by joining it, nor to fear in it.
    """
    if nation in m.seat_of:
        return m.seat_of[nation]
    sides = {m.seat_of[n] for al in w.alliances_of(m, nation) for n in al.members if n in m.seat_of}
    return sides.pop() if len(sides) == 1 else None


def bloc(m: Match, seat: int) -> list[str]:
    """A seat's nations and every nation allied to them: the side a nation would join, or face."""
    table = kept(m)
    found = table.get(("bloc", seat))
    if found is None:
        members = set(w.seat_nations(m, seat))
        for alliance in m.alliances.values():
            if members.intersection(alliance.members):
                members.update(alliance.members)
        found = table["bloc", seat] = tuple(sorted(n for n in members if n not in m.eliminated))
    return list(found)


def bloc_power(m: Match, seat: int, exclude: str = "") -> float:
    """The power of a seat's bloc, leaving out ``exclude``: a nation weighing a side does not count itself."""
    return sum(w.power(m, n) for n in bloc(m, seat) if n != exclude)


def coalition(m: Match, nation: str) -> set[str]:
    """A nation and every ally it has, eliminated nations left out: who fights when it is attacked."""
    members = {nation}
    for alliance in w.alliances_of(m, nation):
        members.update(alliance.members)
    return {n for n in members if n not in m.eliminated}


def coalition_power(m: Match, nation: str) -> float:
    """A nation with every ally it has: what an enemy would face."""
    return sum(w.power(m, n) for n in coalition(m, nation))


def war_balance(m: Match, aggressor: str, target: str, joining: Iterable[str]) -> tuple[float, float]:
    """(the aggressor's coalition's power, the victim's coalition's with ``joining`` beside it).

    What a nation weighing a duty asks: would the war be won if it (or its whole seat) came in?
    A joiner already in the victim's alliance is counted once. The NPC bandwagoner and the seat
    bot ask the same question here, so they never disagree about who is stronger.
    """
    defender = sum(w.power(m, n) for n in coalition(m, target) | set(joining))
    return coalition_power(m, aggressor), defender


def war_sides(m: Match, nation: str, enemy: str) -> tuple[set[str], set[str]]:
    """Who fights on each side of ``nation``'s war with ``enemy``: each with its allies already at war with the other.

    What a nation weighing peace counts: allies still at peace with the enemy carry none of this war.
    """
    ours = {nation} | {n for n in coalition(m, nation) if w.at_war(m, n, enemy)}
    theirs = {enemy} | {n for n in coalition(m, enemy) if w.at_war(m, n, nation)}
    return ours, theirs


def neighbours(m: Match, nation: str) -> list[str]:
    """The nations whose land touches ``nation``'s: the ones a neutral most wants a pact with."""
    found: set[str] = set()
    for t in w.territories_of(m, nation):
        for other in w.adjacent(m, t):
            if m.owner[other] != nation:
                found.add(m.owner[other])
    return sorted(found)


# ---------------------------------------------------------------------------
# Danger: how near, how armed, how aggressive, how alien


def menace(m: Match, nation: str, seat: int) -> float:
    """What a seat's bloc can bring to bear on ``nation``: its power, discounted by distance.

    The bandwagoner's measure: a strong side far away is no reason to submit.
    """
    table = kept(m)
    found = table.get(("menace", nation, seat))
    if found is None:
        members = [n for n in bloc(m, seat) if n != nation]
        found = sum(w.power(m, n) for n in members) * proximity(m, nation, members) if members else 0.0
        table["menace", nation, seat] = found
    return found


def affinity(m: Match, a: str, b: str) -> float:
    """Ideological discount on threat: kin regimes look less dangerous (Walt: intentions count)."""
    ia, ib = m.index.ideology[a], m.index.ideology[b]
    if ia == ib:
        return 0.6
    if "non_aligned" in (ia, ib):
        return 0.85
    return 1.0


def aggressive_record(m: Match, nations: list[str]) -> float:
    """1, plus a half for every war the group declared and a whole for every pact it broke.

    Walt's aggressive intentions, read from deeds: a side that has attacked before is feared more.
    """
    group = set(nations)
    record = 1.0
    for d in m.declarations:
        if d.aggressor in group:
            record += 1.0 if d.broke_pact else 0.5
    return record


def has_broken_a_pact(m: Match, nation: str) -> bool:
    """Has ``nation`` ever attacked a nation it had a non-aggression pact with? Nobody signs with it again."""
    return any(d.aggressor == nation and d.broke_pact for d in m.declarations)


def proximity(m: Match, nation: str, others: list[str]) -> float:
    """1 for neighbours, falling with hex distance between the closest cells of each side.

    Distance is protection: power projected across the map loses its bite (Walt's proximity).
    Beyond ``rules.PROXIMITY_HORIZON`` hexes a side is as far as it can be; a side with no land
    at all is no nearer than that (0).
    """
    group = set(others)
    if not m.owner.holds_any(nation):
        return 0.0
    # The first ring is the land that touches its own, which the ledger keeps: neighbours, the
    # commonest answer, are found without searching the map.
    if any(m.owner[t] in group for t in m.owner.rim(nation, m.index.geography.adjacent)):
        return 1.0
    land = frozenset(w.territories_of(m, nation))
    nearest: int | None = None
    for gap, ring in m.index.geography.rings_around(land, rules.PROXIMITY_HORIZON):
        if any(m.owner[t] in group for t in ring):
            nearest = gap
            break
    if nearest is None:
        if not any(m.owner.holds_any(n) for n in group):
            return 0.0
        nearest = rules.PROXIMITY_HORIZON
    return 1.0 / max(1.0, nearest / 2.0)


def border_forces(m: Match, nation: str, others: list[str]) -> int:
    """The group's forces standing in territories that touch ``nation``'s: offensive power at its door."""
    group = set(others) - {nation}  # its own land is not at its door
    owner, forces = m.owner, m.forces
    total = 0
    for other in owner.rim(nation, m.index.geography.adjacent):  # kept by the ledger while its land stands
        if owner[other] in group:
            total += sum(s for n, s in forces[other].items() if n in group)
    return total


def threat(m: Match, nation: str, seat: int) -> float:
    """Walt's threat of a seat's bloc to ``nation`` (:func:`threat_of` the bloc, ``nation`` left out)."""
    return threat_of(m, nation, bloc(m, seat))


def threat_of(m: Match, nation: str, group: Iterable[str]) -> float:
    """Walt's threat of a group of nations (a seat's bloc, an unaligned aggressor's coalition) to ``nation``.

    The group's power relative to ``nation``'s, each member's power discounted by its
    ideological affinity with ``nation``; times proximity, times the forces on the border,
    times the group's aggressive record (a quarter more after a joint exercise on a border).
    The discount is every member's, weighted by its power, not the seat's nations' alone: an
    alien ally counts at full weight even in a bloc led by kin, because its armies are as real
    and, since the nations of the rules may start wars of their own, so is its intent.
    """
    members = [n for n in group if n != nation]
    if not members:
        return 0.0
    table = kept(m)
    key = ("threat", nation, *members)  # in the group's order: the sums below are added in it
    found = table.get(key)
    if found is None:
        found = table[key] = _threat(m, nation, members)
    return found


def _threat(m: Match, nation: str, members: list[str]) -> float:
    own = max(1.0, w.power(m, nation))
    discounted = sum(w.power(m, n) * affinity(m, nation, n) for n in members)
    border = border_forces(m, nation, members)
    exercised = any(
        m.round - m.border_exercises.get(al.id, -99) <= rules.EXERCISE_MEMORY_ROUNDS
        for al in m.alliances.values()
        if set(al.members) & set(members)
    )
    value = (discounted / own) * proximity(m, nation, members) * (1.0 + border / own)
    value *= aggressive_record(m, members) * (1.25 if exercised else 1.0)
    return value


# ---------------------------------------------------------------------------
# Standing: regimes and records


def fragile(m: Match, nation: str) -> bool:
    """Is its regime below the stability at which survival at home outweighs everything else?"""
    return m.stability[nation] < rules.FRAGILE_STABILITY


def top_donor(m: Match, nation: str) -> str | None:
    """The donor still in the game whose regime aid has done most for ``nation``, recent aid counting more.

    Support is :func:`game.core.standing.regime_support`. A tie was settled by the match's dice
    when the aid that made it was given (:func:`game.core.standing.settle_aid_tie`): the donor
    with the higher lot comes first. (A tie no die has settled, only ever written in by hand,
    goes to the donor whose id sorts first.)
    """
    support = regime_support(m, nation)
    if not support:
        return None
    best = max(support.values())
    tied = [d for d in sorted(support) if equal_support(support[d], best)]
    lots = m.aid_lots.get(nation, {})
    return max(tied, key=lambda d: lots.get(d, -1.0))


def protector(m: Match, nation: str) -> str | None:
    """The donor a regime leans on: its top donor while it is fragile, or would be without that donor's aid.

    A regime just lifted out of danger stays with its protector for a while: as long as its
    stability, less what the protector's support still accounts for (each fresh aid its
    :data:`~game.core.rules.REGIME_AID_STABILITY`, fading as the aid does), would be fragile.
    One aid over the line used to make it drop its protector the same round. None when no
    donor keeps it out of danger, or it has no donor.
    """
    donor = top_donor(m, nation)
    if donor is None:
        return None
    if fragile(m, nation):
        return donor
    bought = rules.REGIME_AID_STABILITY * regime_support(m, nation)[donor]
    return donor if m.stability[nation] - bought < rules.FRAGILE_STABILITY else None


def unreliable(m: Match, nation: str) -> bool:
    """Has it passed the buck more often than it honoured, and more than once?

    Every NPC remembers who passed: nobody wants an ally that will not come.
    """
    passed = m.buck_passed.get(nation, 0)
    return passed >= 2 and passed > m.duties_honoured.get(nation, 0)
