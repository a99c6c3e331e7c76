"""Read-only questions about a match: who is allied, who is at war, what defends where.

The engine, the doctrines, the bots and the UI all ask these, so each rule that is
a question (not a change) is answered here once. That includes what a player weighs
before choosing: what waits for a seat's answer (:func:`open_questions`), what an
option costs (:func:`exercise_cost`, :func:`regime_aid_cost`), how a territory's defence
is made up (:func:`defence_factors`). What one action would do is
:func:`game.core.preview.preview`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from game.core import rules
from game.core.combat import Odds, odds, surely_below
from game.core.ids import NationId, TerritoryId, TreatyId
from game.core.state import NO_SCOPE, AllianceState, Call, Duty, Match, Offer, Scope


def is_over(m: Match) -> bool:
    """Whether the match has ended (asked between the steps of a phase, since any battle may end it)."""
    return m.phase == "over"


def nation_name(m: Match, nation: NationId) -> str:
    return m.index.nation_name.get(nation, nation)


def possessive(name: str) -> str:
    """``name``'s, or ``name``' for a name ending in s (the Central Powers' side, not Powers's).

    >>> possessive("France"), possessive("Central Powers")
    ("France's", "Central Powers'")
    """
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def with_the(name: str) -> str:
    """``name`` after "the", as a sentence says an alliance or a treaty: a name that begins with one keeps it.

    >>> with_the("Entente"), with_the("The Northern League")
    ('the Entente', 'The Northern League')
    """
    return name if name.split(" ", 1)[0] in ("The", "the") else f"the {name}"


def territory_name(m: Match, territory: TerritoryId) -> str:
    return m.index.territory_name.get(territory, territory)


def seat_nations(m: Match, seat: int) -> list[NationId]:
    """The seat's nations still in the game, in level order."""
    nations, eliminated = m.level.seats[seat].nations, m.eliminated
    return [n for n in nations if n not in eliminated] if eliminated else list(nations)


def is_npc(m: Match, nation: NationId) -> bool:
    return nation not in m.seat_of


def active_nations(m: Match) -> list[NationId]:
    eliminated = m.eliminated
    return [n for n in m.index.nations if n not in eliminated]


def alliances_of(m: Match, nation: NationId) -> Iterator[AllianceState]:
    """The nation's alliances in the order they were made (kept by the alliance book, not scanned)."""
    return iter(m.alliances.of(nation))


def shared_alliances(m: Match, a: NationId, b: NationId) -> list[AllianceState]:
    return [al for al in m.alliances.of(a) if b in al.members]


def allied(m: Match, a: NationId, b: NationId) -> bool:
    """True when ``a`` and ``b`` share an alliance (with or without Article 5)."""
    return a == b or b in m.alliances.allies(a)


def side_of(m: Match, nation: NationId) -> list[NationId]:
    """The nations that act as one with ``nation``: its seat's nations, or itself alone if the rules play it."""
    seat = m.seat_of.get(nation)
    if seat is None:
        return [nation]
    return list(m.level.seats[seat].nations)


def at_war(m: Match, a: NationId, b: NationId) -> bool:
    wars = m.wars
    return bool(wars) and frozenset((a, b)) in wars  # most of a match is at peace: no pair to build


def enemies(m: Match, nation: NationId) -> list[NationId]:
    """Whom the nation is at war with, sorted by id (kept beside the wars, not scanned)."""
    return list(m.wars.enemies(nation))


def has_pact(m: Match, a: NationId, b: NationId) -> TreatyId | None:
    for pid, members in m.pacts.items():
        if a in members and b in members:
            return pid
    return None


def guarantee_id(m: Match, guarantor: NationId, guaranteed: NationId) -> TreatyId | None:
    for gid, (g, h) in m.guarantees.items():
        if g == guarantor and h == guaranteed:
            return gid
    return None


def on_alliance_border(m: Match, alliance: AllianceState, territory: TerritoryId) -> bool:
    """Does the territory touch ground held by a nation outside the alliance?"""
    members = alliance.members
    return any(m.owner[t] not in members for t in m.index.geography.adjacent[territory])


def ready(m: Match, territory: TerritoryId, nation: NationId) -> int:
    """Forces of ``nation`` in ``territory`` that may still move or attack this turn."""
    return m.forces[territory].get(nation, 0) - m.spent[territory].get(nation, 0)


def strength(m: Match, territory: TerritoryId) -> int:
    return sum(m.forces[territory].values())


def levy(m: Match, territory: TerritoryId) -> int:
    """The people's levy that defends a territory only while no troops stand in it."""
    return rules.LEVY_PER_VALUE * m.index.value[territory]


def defenders(m: Match, territory: TerritoryId) -> int:
    """What an attacker must beat: the troops standing there, or the levy if there are none."""
    troops = sum(m.forces[territory].values())  # strength, then levy, written out: asked of every border weighed
    return troops if troops > 0 else rules.LEVY_PER_VALUE * m.index.value[territory]


def territories_of(m: Match, nation: NationId) -> list[TerritoryId]:
    """The nation's land in map order (kept by the ledger, not scanned)."""
    return m.owner.territories_of(nation)


def total_forces(m: Match, nation: NationId) -> int:
    return m.forces.total.get(nation, 0)


def posts_of(m: Match, nation: NationId) -> list[TerritoryId]:
    """Where the nation's troops stand, in map order."""
    order = m.owner.order
    return sorted(m.forces.posts.get(nation, ()), key=order.__getitem__)


def power(m: Match, nation: NationId) -> float:
    """Aggregate power for balancing: forces in the field plus economic weight."""
    return m.forces.total.get(nation, 0) + 2.0 * income(m, nation)  # total_forces + twice the income


def capital_held(m: Match, nation: NationId) -> bool:
    capital = _capital(m, nation)
    return capital is not None and m.owner.get(capital) == nation


def income(m: Match, nation: NationId) -> int:
    """Income at the start of the nation's turn: its territories' values, plus a bonus for its capital."""
    value = m.owner.worth(nation, m.index.value)
    capital = m.index.capital_of.get(nation)  # capital_held, inline: the doctrines ask power tens of thousands of times
    if capital is not None and m.owner.get(capital) == nation:
        value += rules.CAPITAL_INCOME_BONUS
    return value


def joint_defence_factor(m: Match, territory: TerritoryId) -> float:
    """Allies defending together fight better as cohesion rises, worse at very low cohesion.

    The weakest link counts: the lowest cohesion between the owner and any guest.
    """
    owner = m.owner[territory]
    guests = [n for n, s in m.forces[territory].items() if s > 0 and n != owner]
    if not guests:
        return 1.0
    weakest = 100
    for guest in guests:
        shared = shared_alliances(m, owner, guest)
        cohesion = max((al.cohesion for al in shared), default=0)
        weakest = min(weakest, cohesion)
    return rules.JOINT_DEFENCE_AT_ZERO + rules.JOINT_DEFENCE_SPAN * weakest / 100.0


def may_host_guests(m: Match, territory: TerritoryId) -> bool:
    """Whether any stack but the owner's may stand here (``False`` is certain; ``True`` means look).

    Asked before every question about guests (joint defence, guests sent home, shielded guests):
    most land holds its owner's troops alone, or none.
    """
    here = m.forces[territory]
    return len(here) > 1 or (bool(here) and m.owner[territory] not in here)


def defence_factor(m: Match, territory: TerritoryId) -> float:
    """Terrain x capital x joint defence: the multiplier on every defending unit.

    Joint defence is asked only where a guest may stand (it is 1 elsewhere): the NPCs weigh this
    for every stack against every border, and most territories hold their owner's troops alone.
    """
    index = m.index
    factor = rules.TERRAIN_DEFENCE[index.terrain[territory]]
    if territory in index.capital_owner:
        factor *= rules.CAPITAL_DEFENCE
    if may_host_guests(m, territory):
        factor *= joint_defence_factor(m, territory)
    return factor


@dataclass(frozen=True)
class DefenceFactors:
    """A territory's defence factor term by term, as a player reads it; ``total`` is what battles use."""

    terrain: str
    terrain_factor: float
    #: The nation whose capital the territory is, if any.
    capital_of: NationId | None
    #: 1.0 for a territory that is no capital.
    capital_factor: float
    #: Allies defending together (see :func:`joint_defence_factor`); 1.0 with no guests.
    joint: float
    total: float


def defence_factors(m: Match, territory: TerritoryId) -> DefenceFactors:
    """The named parts of :func:`defence_factor`: terrain, capital and joint defence.

    >>> from game.core.engine import new_match
    >>> from game.core.level import Level
    >>> level = Level.model_validate({
    ...     "title": "Two", "map": {"width": 2, "height": 1, "rows": ["A B"]},
    ...     "nations": [{"id": "x", "name": "X", "colour": "#3050c0", "capital": "a"},
    ...                 {"id": "y", "name": "Y", "colour": "#c03030", "capital": "b"}],
    ...     "seats": [{"name": "West", "nations": ["x"]}, {"name": "East", "nations": ["y"]}],
    ...     "territories": [{"id": "a", "name": "A", "code": "A", "owner": "x", "value": 2,
    ...                      "terrain": "hills"},
    ...                     {"id": "b", "name": "B", "code": "B", "owner": "y", "value": 2}]})
    >>> parts = defence_factors(new_match(level), "a")
    >>> parts.terrain, parts.terrain_factor, parts.capital_of, parts.capital_factor, parts.total
    ('hills', 1.5, 'x', 1.25, 1.875)
    """
    terrain = _terrain(m, territory)
    capital = capital_owner(m, territory)
    return DefenceFactors(
        terrain=terrain,
        terrain_factor=rules.TERRAIN_DEFENCE[terrain],
        capital_of=capital,
        capital_factor=rules.CAPITAL_DEFENCE if _is_capital(m, territory) else 1.0,
        joint=joint_defence_factor(m, territory),
        total=defence_factor(m, territory),
    )


def attack_odds(m: Match, territory: TerritoryId, attackers: int) -> Odds:
    """The combat preview: exactly the distribution the battle's dice draw from."""
    return odds(attackers, defenders(m, territory), defence_factor(m, territory))


def attack_chance(m: Match, territory: TerritoryId, attackers: int, at_least: float) -> float | None:
    """The attack's chance of winning (``attack_odds``), or ``None`` when it is surely below ``at_least``.

    What an NPC asks of every stack against every border before it strikes: the defence is
    counted once for both questions.
    """
    troops, factor = defenders(m, territory), defence_factor(m, territory)
    if surely_below(attackers, troops, factor, at_least):
        return None
    return odds(attackers, troops, factor).attacker_wins


def treaty_name(m: Match, treaty: TreatyId) -> str:
    """A treaty as a player names it: the alliance's name, or who guarantees or pacts with whom."""
    if treaty in m.alliances:
        return m.alliances[treaty].name
    if treaty in m.guarantees:
        g, h = m.guarantees[treaty]
        return f"guarantee of {nation_name(m, h)} by {nation_name(m, g)}"
    if treaty in m.pacts:
        a, b = m.pacts[treaty]
        return f"non-aggression pact of {nation_name(m, a)} and {nation_name(m, b)}"
    return treaty


def the_treaty(m: Match, treaty: TreatyId) -> str:
    """The treaty's name inside a sentence: "the Triple Alliance", "the guarantee of Belgium by Britain"."""
    name = treaty_name(m, treaty)
    if treaty not in m.alliances and treaty not in m.guarantees and treaty not in m.pacts:
        return name
    return name if name.startswith("The ") else "the " + name


def scope_of(m: Match, treaty: TreatyId) -> Scope:
    """When an alliance or guarantee binds (its casus foederis); ``Scope()`` for one without limits."""
    return m.scopes.get(treaty, NO_SCOPE)


#: A scope naming more territories than this is summed up by their number: NATO's area is long.
SCOPE_NAMES_LISTED = 4


def scope_phrase(m: Match, scope: Scope) -> str:
    """A scope as words that follow "binds": "only against Germany", "only for an attack on Danzig or
    Warsaw", both joined by "and"; "" for a scope that limits nothing.

    >>> from game.core.engine import new_match
    >>> from game.core.level import Level
    >>> level = Level.model_validate({
    ...     "title": "Two", "map": {"width": 2, "height": 1, "rows": ["A B"]},
    ...     "nations": [{"id": "x", "name": "X", "colour": "#3050c0", "capital": "a"},
    ...                 {"id": "y", "name": "Y", "colour": "#c03030", "capital": "b"}],
    ...     "seats": [{"name": "West", "nations": ["x"]}, {"name": "East", "nations": ["y"]}],
    ...     "territories": [{"id": "a", "name": "A", "code": "A", "owner": "x", "value": 2},
    ...                     {"id": "b", "name": "B", "code": "B", "owner": "y", "value": 2}]})
    >>> scope_phrase(new_match(level), Scope(against=("y",), territories=("a", "b")))
    'only against Y, and only for an attack on A or B'
    """
    parts = []
    if scope.against:
        parts.append("only against " + listed([nation_name(m, n) for n in scope.against], "or"))
    if len(scope.territories) > SCOPE_NAMES_LISTED:
        parts.append(f"only for an attack on one of the {len(scope.territories)} territories it names")
    elif scope.territories:
        parts.append("only for an attack on " + listed([territory_name(m, t) for t in scope.territories], "or"))
    return ", and ".join(parts)


def listed(names: list[str], conjunction: str) -> str:
    """'France', 'France and Britain', 'Albania, France and Britain' (or "or")."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {conjunction} {names[-1]}"


@dataclass(frozen=True)
class OpenQuestions:
    """What waits for a seat's answer, in the order it is asked: its duties, then the offers made to it.

    Each list is oldest first. ``len()`` counts both.
    """

    duties: tuple[Duty, ...]
    offers: tuple[Offer, ...]
    calls: tuple[Call, ...] = ()  # calls to arms from allies waging a war of their own

    def __len__(self) -> int:
        return len(self.duties) + len(self.offers) + len(self.calls)


def open_questions(m: Match, seat: int) -> OpenQuestions:
    """The duties, offers and calls to arms awaiting an answer from the seat's nations still in the game."""
    nations = set(seat_nations(m, seat))
    return OpenQuestions(
        duties=tuple(sorted((d for d in m.duties.values() if d.nation in nations), key=lambda d: d.id)),
        offers=tuple(sorted((o for o in m.offers.values() if o.recipient in nations), key=lambda o: o.id)),
        calls=tuple(sorted((c for c in m.calls.values() if c.ally in nations), key=lambda c: c.id)),
    )


def exercise_cost() -> int:
    """The gold a joint exercise costs the nation that holds it."""
    return rules.EXERCISE_COST


def regime_aid_cost() -> int:
    """The gold regime aid costs its donor."""
    return rules.REGIME_AID_COST


def broken_pact_credibility() -> int:
    """The change in credibility (negative) of a nation that attacks a nation it has a pact with."""
    return rules.BREAK_PACT_CREDIBILITY


def truce_rounds() -> int:
    """How many rounds after the round of peace neither nation may attack the other."""
    return rules.TRUCE_ROUNDS


def is_fragile(m: Match, nation: NationId) -> bool:
    """A regime so unstable that a regime-seeker sides with whoever props it up (David)."""
    return m.stability[nation] < rules.FRAGILE_STABILITY


def capital_of(m: Match, nation: NationId) -> TerritoryId | None:
    return m.index.capital_of.get(nation)


def capital_owner(m: Match, territory: TerritoryId) -> NationId | None:
    """The nation whose capital this territory is, if any."""
    return m.index.capital_owner.get(territory)


def neighbours(m: Match, territory: TerritoryId) -> tuple[TerritoryId, ...]:
    """The territories touching ``territory``, in id order (sorted once per level, not per question)."""
    return m.index.geography.neighbours[territory]


def adjacent(m: Match, territory: TerritoryId) -> frozenset[TerritoryId]:
    return m.index.geography.adjacent[territory]


def _capital(m: Match, nation: NationId) -> TerritoryId | None:
    return m.index.capital_of.get(nation)


def _is_capital(m: Match, territory: TerritoryId) -> bool:
    return territory in m.index.capital_owner


def _value(m: Match, territory: TerritoryId) -> int:
    return m.index.value[territory]


def _terrain(m: Match, territory: TerritoryId) -> str:
    return m.index.terrain[territory]


@dataclass(frozen=True)
class CapitalExposure:
    """A capital an order would leave weakly held: who would stay, and the threat next door.

    ``staying`` counts the troops of the order's side that would stay (spent ones too: troops
    that have acted still defend); ``guests`` are other nations' troops standing there, named
    but not counted, since the rules move them as their nations choose. ``threat`` is the most
    enemy troops in one adjacent territory (``threat_at``), the order's own target left out.
    """

    capital: TerritoryId
    owner: NationId
    staying: int
    threat: int
    threat_at: TerritoryId | None
    guests: tuple[tuple[NationId, int], ...]
    levy: int


def capital_exposure(
    m: Match, nation: NationId, source: TerritoryId, target: TerritoryId, amount: int, attack: bool
) -> CapitalExposure | None:
    """Whether sending ``amount`` of ``nation``'s troops from ``source`` to ``target`` exposes a capital.

    Exposed means no troop of the nation's side would stay, or fewer would stay than the enemies
    keep in one adjacent territory (for an attack, the defender counts as an enemy: the attack
    makes it one). Troops that stay defend whether or not they may still act this turn, so a
    capital keeping 9 troops against no threat is not exposed. None when ``source`` is not a
    capital of the nation's side, or when it stays held.
    """
    side = side_of(m, nation)
    owner = capital_owner(m, source)
    if owner is None or owner not in side:
        return None
    forces = m.forces[source]
    ours = sum(n for who, n in forces.items() if who in side)
    guests = tuple((who, n) for who, n in sorted(forces.items()) if who not in side)
    staying = ours - amount
    foes = {e for n in side for e in enemies(m, n)}
    if attack:
        foes.add(m.owner[target])
    threat, threat_at = max(
        ((sum(n for who, n in m.forces[t].items() if who in foes), t) for t in neighbours(m, source) if t != target),
        default=(0, None),
    )
    if staying > 0 and staying >= threat:
        return None
    return CapitalExposure(source, owner, staying, threat, threat_at, guests, levy(m, source))
