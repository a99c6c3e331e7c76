"""The level: everything a match starts from, as map designers write it.

The models here guard the file boundary (types, ranges, names); the checks that
need the whole level at once (unknown ids, a territory in two pieces, a nation
on both seats) live in :func:`level_problems`, so the validator, the editor's
live problems panel and the tests all share one list of rules.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Annotated, Literal, TypeAlias, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from game.core.hexgrid import Cell, from_axial, neighbours, to_axial

FORMAT_VERSION = 1
SEA = "."

NationId: TypeAlias = Annotated[
    str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=40, description="lower_snake_case id")
]
TerritoryId: TypeAlias = NationId
AllianceId: TypeAlias = NationId

Terrain: TypeAlias = Literal["plains", "forest", "hills", "mountains", "urban"]
Doctrine: TypeAlias = Literal["balancer", "threat_balancer", "bandwagoner", "regime_seeker", "neutral"]
Ideology: TypeAlias = Literal[
    "liberal", "conservative", "monarchist", "authoritarian", "communist", "theocratic", "non_aligned"
]
Percent: TypeAlias = Annotated[int, Field(ge=0, le=100)]

TERRAINS: tuple[Terrain, ...] = ("plains", "forest", "hills", "mountains", "urban")
DOCTRINES: tuple[Doctrine, ...] = ("balancer", "threat_balancer", "bandwagoner", "regime_seeker", "neutral")
IDEOLOGIES: tuple[Ideology, ...] = (
    "liberal",
    "conservative",
    "monarchist",
    "authoritarian",
    "communist",
    "theocratic",
    "non_aligned",
)


class _Model(BaseModel):
    # Unknown keys are typos in a hand-written file: reject them rather than ignore them.
    model_config = ConfigDict(extra="forbid", strict=True)


# The largest map side, in cells: about 4,000 territories at the generator's density.
MAX_MAP_SIDE = 256


class HexMap(_Model):
    """The grid, written as rows of text: one whitespace-separated token per cell,
    ``.`` for sea, otherwise the ``code`` of the territory the cell belongs to."""

    width: int = Field(ge=1, le=MAX_MAP_SIDE)
    height: int = Field(ge=1, le=MAX_MAP_SIDE)
    rows: list[str]


class Territory(_Model):
    id: TerritoryId
    name: str = Field(min_length=1, max_length=60)
    code: str = Field(pattern=r"^[A-Za-z0-9]{1,3}$", description="the token that marks its cells in map.rows")
    owner: NationId
    value: int = Field(ge=1, le=5, description="income and victory points")
    terrain: Terrain = "plains"


class Nation(_Model):
    id: NationId
    name: str = Field(min_length=1, max_length=60)
    colour: str = Field(pattern=r"^#[0-9a-fA-F]{6}$")
    ideology: Ideology = "non_aligned"
    stability: Percent = 60
    credibility: Percent = 60
    doctrine: Doctrine = Field("neutral", description="how the rules play it when no seat does")
    capital: TerritoryId | None = None
    treasury: int = Field(0, ge=0, le=10_000, description="resources at the start")
    claims: list[TerritoryId] = Field(
        default_factory=list,
        max_length=1000,
        description="territories it covets: played by the rules, it may start a war for one when its doctrine "
        "and the odds say so, and call its allies into it (the reckless ally)",
    )


class Seat(_Model):
    name: str = Field(min_length=1, max_length=60)
    nations: list[NationId]


def _unscoped(names: list[str]) -> bool:
    return not names


# A treaty's scope (casus foederis, as ATOP codes it): when it binds; empty lists, always. Written
# only when set, so a level that limits no treaty reads (and saves) exactly as it always did.
Against: TypeAlias = Annotated[
    list[NationId],
    Field(
        default_factory=list,
        exclude_if=_unscoped,
        description="scope: only an attack by one of these nations raises the duty (the Anglo-Polish protocol "
        "of 1939 named Germany); empty or absent: an attack by anyone",
    ),
]
Area: TypeAlias = Annotated[
    list[TerritoryId],
    Field(
        default_factory=list,
        exclude_if=_unscoped,
        description="scope: only an attack on one of these territories raises the duty (NATO's Article 6 area: "
        "the Falklands in 1982 raised no NATO duty); empty or absent: an attack anywhere on the protected land",
    ),
]


class Alliance(_Model):
    id: AllianceId
    name: str = Field(min_length=1, max_length=80)
    members: list[NationId]
    collective_defence: bool = Field(True, description="Article 5: an attack on one is an attack on all")
    cohesion: Percent = 50
    against: Against
    territories: Area


class Guarantee(_Model):
    guarantor: NationId
    guaranteed: NationId
    against: Against
    territories: Area


class Pact(_Model):
    """A non-aggression pact between two nations."""

    members: list[NationId]


class Treaties(_Model):
    alliances: list[Alliance] = []
    guarantees: list[Guarantee] = []
    pacts: list[Pact] = []


class War(_Model):
    """A war already being fought when the level starts."""

    aggressor: NationId
    target: NationId


class Garrison(_Model):
    territory: TerritoryId
    nation: NationId
    strength: int = Field(ge=1, le=10_000)


TurnOrder = Literal["alternate", "seat1_first", "seat2_first"]
"""Who opens each round. Moving second every round is an edge (the last word before the nations
of the rules act, an answer to every move), so a lopsided scenario can hand it to the weaker side."""


class Level(_Model):
    """A map and scenario. ``alliances schema`` prints this model's JSON Schema."""

    format_version: Literal[1] = 1
    title: str = Field(min_length=1, max_length=100)
    briefing: str = ""
    round_limit: int = Field(30, ge=1, le=500)
    hegemony_share: float = Field(0.6, gt=0.5, le=1.0, description="share of all victory points that wins")
    turn_order: TurnOrder = Field(
        "alternate",
        description="who opens each round: alternate (seat 1 the odd rounds, seat 2 the even ones), "
        "seat1_first or seat2_first (that seat every round, so the other always answers)",
    )
    map: HexMap
    nations: list[Nation]
    seats: list[Seat] = Field(min_length=2, max_length=2)
    territories: list[Territory]
    treaties: Treaties = Treaties()
    wars: list[War] = []
    garrisons: list[Garrison] = []


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a level: where (``territories[3].owner``) and what, in a sentence."""

    location: str
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}" if self.location else self.message


def parse_rows(grid: HexMap) -> dict[Cell, str]:
    """Map every non-sea cell to its territory code; ignores malformed rows (see level_problems)."""
    cells: dict[Cell, str] = {}
    for row, line in enumerate(grid.rows[: grid.height]):
        for col, token in enumerate(line.split()[: grid.width]):
            if token != SEA:
                cells[(col, row)] = token
    return cells


class Geography:
    """The map as the rules need it: cells per territory and which territories touch.

    Built once per level; every lookup after that is a dict access.
    """

    def __init__(self, level: Level) -> None:
        code_to_id = {t.code: t.id for t in level.territories}
        self.cell_territory: dict[Cell, str] = {}
        self.cells: dict[str, list[Cell]] = {t.id: [] for t in level.territories}
        for cell, code in parse_rows(level.map).items():
            tid = code_to_id.get(code)
            if tid is not None:
                self.cell_territory[cell] = tid
                self.cells[tid].append(cell)
        self.adjacent: dict[str, frozenset[str]] = {}
        touching: dict[str, set[str]] = {t.id: set() for t in level.territories}
        for cell, tid in self.cell_territory.items():
            for other in neighbours(cell):
                oid = self.cell_territory.get(other)
                if oid is not None and oid != tid:
                    touching[tid].add(oid)
        self.adjacent = {tid: frozenset(ts) for tid, ts in touching.items()}
        self.neighbours = {tid: tuple(sorted(ts)) for tid, ts in touching.items()}  # in id order
        self._bounds: tuple[tuple[int, int], tuple[int, int], tuple[int, int]] | None = None
        self._around: OrderedDict[tuple[frozenset[str], int], Rings] = OrderedDict()

    def is_connected(self, tid: str) -> bool:
        cells = self.cells[tid]
        if not cells:
            return False
        members = set(cells)
        seen = {cells[0]}
        stack = [cells[0]]
        while stack:
            for other in neighbours(stack.pop()):
                if other in members and other not in seen:
                    seen.add(other)
                    stack.append(other)
        return len(seen) == len(members)

    def rings_around(self, territories: frozenset[str], horizon: int) -> Rings:
        """The territories nearest a group of territories, ring by ring, out to ``horizon`` hexes.

        Ring ``k`` lists, in id order, the territories whose closest cell is ``k`` hexes from the
        group's closest cell. One breadth-first search from all the group's cells at once, bounded
        by the horizon, so asking how near a nation is to another costs the area around it, not the
        distances between every pair of territories. The search goes only as far as a caller reads
        (most stop at the first ring that holds a rival) and is kept for the next caller: land
        changes hands a few times a round, the map never.
        """
        key = (territories, horizon)
        found = self._around.get(key)
        if found is not None:
            self._around.move_to_end(key)
            return found
        if self._bounds is None:
            cubes = [_cube(c) for c in self.cell_territory] or [(0, 0, 0)]
            self._bounds = (
                (min(c[0] for c in cubes), max(c[0] for c in cubes)),
                (min(c[1] for c in cubes), max(c[1] for c in cubes)),
                (min(c[2] for c in cubes), max(c[2] for c in cubes)),
            )
        found = self._around[key] = Rings(self, territories, horizon, self._bounds)
        if len(self._around) > _AROUND_KEPT:
            self._around.popitem(last=False)
        return found


class Rings:
    """The rings of :meth:`Geography.rings_around`, searched one more each time a reader needs it.

    Cube coordinates on the unbounded lattice, where a breadth-first ring is the hex distance,
    kept to the cube bounds of the map's cells: every shortest path between two cells stays
    within their own cube bounds, so nothing outside could shorten one. A breadth-first layer
    touches only the layers before and after it, so two are kept between readings.
    """

    def __init__(
        self,
        geography: Geography,
        territories: frozenset[str],
        horizon: int,
        bounds: tuple[tuple[int, int], tuple[int, int], tuple[int, int]],
    ) -> None:
        self._geography, self._horizon, self._bounds = geography, horizon, bounds
        self._seen = set(territories)
        self._layer = {_cube(c) for t in territories for c in geography.cells.get(t, ())}
        self._before: set[tuple[int, int, int]] = set()
        self._gap = 0
        self._rings: list[tuple[int, list[str]]] = []

    def __iter__(self) -> Iterator[tuple[int, list[str]]]:
        index = 0
        while True:
            if index < len(self._rings):
                yield self._rings[index]
                index += 1
            elif not self._widen(index):
                return

    def _widen(self, wanted: int) -> bool:
        """Search on until ring ``wanted`` is found; False once the horizon, the map's edge or its
        last territory is reached. Readers take turns: the game runs the rules on one thread."""
        if wanted < len(self._rings):  # another reader, resumed in between, found it meanwhile
            return True
        return self._search_on()

    def _search_on(self) -> bool:
        geography = self._geography
        cells, cell_territory = geography.cells, geography.cell_territory
        (x0, x1), (y0, y1), (z0, z1) = self._bounds
        while self._gap < self._horizon and self._layer and len(self._seen) < len(cells):
            self._gap += 1
            layer = self._layer
            nxt = {
                (x + dx, y + dy, z + dz)
                for x, y, z in layer
                for dx, dy, dz in _CUBE_STEPS
                if x0 <= x + dx <= x1 and y0 <= y + dy <= y1 and z0 <= z + dz <= z1
            }
            nxt -= layer
            nxt -= self._before
            self._before, self._layer = layer, nxt
            ring = {tid for x, _, z in nxt if (tid := cell_territory.get(from_axial(x, z))) is not None} - self._seen
            if ring:
                self._seen |= ring
                self._rings.append((self._gap, sorted(ring)))
                return True
        return False


_AROUND_KEPT = 512  # groups of territories whose rings are kept (a few per nation as land changes hands)
_CUBE_STEPS = ((1, -1, 0), (1, 0, -1), (0, 1, -1), (-1, 1, 0), (-1, 0, 1), (0, -1, 1))


def _cube(cell: Cell) -> tuple[int, int, int]:
    q, r = to_axial(cell)
    return q, -q - r, r


T = TypeVar("T")
LEVELS_KEPT = 8  # levels whose derived data is kept, the least recently used dropped first


def per_level(cache: OrderedDict[str, T], level: Level, build: Callable[[Level], T]) -> T:
    """What ``build`` derives from the level, made once per level content and kept in ``cache``.

    Keyed by content, not the object: a save holds its own copy of the level and a load parses it
    afresh, yet it is the same map (dumping it is a few milliseconds even at 4,000 territories,
    building geography or an index much more).
    """
    key = level.model_dump_json()
    found = cache.get(key)
    if found is None:
        found = cache[key] = build(level)
        if len(cache) > LEVELS_KEPT:
            cache.popitem(last=False)
    else:
        cache.move_to_end(key)
    return found


_GEOGRAPHIES: OrderedDict[str, Geography] = OrderedDict()


def geography_of(level: Level) -> Geography:
    """The level's geography, shared by its check and its matches (opening a level does both)."""
    return per_level(_GEOGRAPHIES, level, Geography)


def level_problems(level: Level) -> list[Problem]:
    """Every rule a structurally valid level can still break, each with its location."""
    return list(_problems(level))


def _duplicates(ids: list[str]) -> Iterator[tuple[int, str]]:
    seen: set[str] = set()
    for index, value in enumerate(ids):
        if value in seen:
            yield index, value
        seen.add(value)


def _problems(level: Level) -> Iterator[Problem]:  # noqa: C901 - a flat list of rules reads best
    nations = {n.id for n in level.nations}
    territories = {t.id: t for t in level.territories}

    for i, nid in _duplicates([n.id for n in level.nations]):
        yield Problem(f"nations[{i}].id", f"duplicate nation id '{nid}'")
    for i, tid in _duplicates([t.id for t in level.territories]):
        yield Problem(f"territories[{i}].id", f"duplicate territory id '{tid}'")
    for i, code in _duplicates([t.code for t in level.territories]):
        yield Problem(f"territories[{i}].code", f"code '{code}' is already used by another territory")
    for i, aid in _duplicates([a.id for a in level.treaties.alliances]):
        yield Problem(f"treaties.alliances[{i}].id", f"duplicate alliance id '{aid}'")

    # The grid.
    grid = level.map
    codes = {t.code for t in level.territories}
    if len(grid.rows) != grid.height:
        yield Problem("map.rows", f"has {len(grid.rows)} rows but map.height is {grid.height}")
    for r, line in enumerate(grid.rows):
        tokens = line.split()
        if r < grid.height and len(tokens) != grid.width:
            yield Problem(f"map.rows[{r}]", f"has {len(tokens)} cells but map.width is {grid.width}")
        for c, token in enumerate(tokens):
            if token != SEA and token not in codes:
                yield Problem(f"map.rows[{r}]", f"cell ({c}, {r}) names unknown territory code '{token}'")
            elif token != SEA and (c >= grid.width or r >= grid.height):
                yield Problem(f"map.rows[{r}]", f"cell ({c}, {r}) lies outside the {grid.width}x{grid.height} grid")

    geography = geography_of(level)
    owned: set[str] = set()
    # A territory's pieces are searched once per id: an id written many times (already a problem
    # above) would otherwise walk the same cells again for every copy.
    connected: dict[str, bool] = {}
    for i, t in enumerate(level.territories):
        if t.owner not in nations:
            yield Problem(f"territories[{i}].owner", f"unknown nation '{t.owner}'")
        owned.add(t.owner)
        if not geography.cells.get(t.id):
            yield Problem(f"territories[{i}]", f"territory '{t.id}' (code '{t.code}') has no cells on the map")
        else:
            if t.id not in connected:
                connected[t.id] = geography.is_connected(t.id)
            if not connected[t.id]:
                yield Problem(f"territories[{i}]", f"territory '{t.id}' is split into pieces that do not touch")

    for i, n in enumerate(level.nations):
        if n.id not in owned:
            yield Problem(f"nations[{i}]", f"nation '{n.id}' owns no territory")
        if n.capital is not None:
            capital = territories.get(n.capital)
            if capital is None:
                yield Problem(f"nations[{i}].capital", f"unknown territory '{n.capital}'")
            elif capital.owner != n.id:
                yield Problem(
                    f"nations[{i}].capital",
                    f"capital '{n.capital}' is owned by '{capital.owner}', not by '{n.id}'",
                )
        claimed: set[str] = set()
        for j, claim in enumerate(n.claims):
            where = f"nations[{i}].claims[{j}]"
            if claim not in territories:
                yield Problem(where, f"unknown territory '{claim}'")
            elif territories[claim].owner == n.id:
                yield Problem(where, f"'{claim}' already belongs to '{n.id}': a nation claims only others' land")
            elif claim in claimed:
                yield Problem(where, f"'{claim}' is claimed twice")
            claimed.add(claim)

    # Seats.
    seat_of: dict[str, int] = {}
    by_id = {n.id: n for n in level.nations}
    for s, seat in enumerate(level.seats):
        if not seat.nations:
            yield Problem(f"seats[{s}].nations", f"seat '{seat.name}' plays no nation")
        for j, nid in enumerate(seat.nations):
            where = f"seats[{s}].nations[{j}]"
            if nid not in nations:
                yield Problem(where, f"unknown nation '{nid}'")
            elif nid in seat_of:
                both = "both seats" if seat_of[nid] != s else "this seat twice"
                yield Problem(where, f"nation '{nid}' is on {both}")
            elif by_id[nid].capital is None:
                yield Problem(where, f"seat nation '{nid}' needs a capital (set nations[].capital)")
            seat_of.setdefault(nid, s)

    # Wars first: alliances may not bind nations that are fighting each other.
    # A treaty or war written twice would be merged without a word: say so, as for any typo.
    at_war: dict[frozenset[str], int] = {}
    for i, war in enumerate(level.wars):
        yield from _unknown(nations, f"wars[{i}]", {"aggressor": war.aggressor, "target": war.target})
        if war.aggressor == war.target:
            yield Problem(f"wars[{i}]", f"nation '{war.aggressor}' cannot be at war with itself")
        elif war.aggressor in seat_of and seat_of.get(war.target) == seat_of[war.aggressor]:
            yield Problem(
                f"wars[{i}]",
                f"'{war.aggressor}' and '{war.target}' are played by the same seat, which never fights itself",
            )
        pair = frozenset((war.aggressor, war.target))
        if pair in at_war:
            yield Problem(f"wars[{i}]", f"the same war as wars[{at_war[pair]}]")
        at_war.setdefault(pair, i)

    alliances = _Memberships(level.treaties.alliances)
    allies_at_war = alliances.pairs_within(at_war)
    for i, alliance in enumerate(level.treaties.alliances):
        where = f"treaties.alliances[{i}]"
        for j, nid in enumerate(alliance.members):
            if nid not in nations:
                yield Problem(f"{where}.members[{j}]", f"unknown nation '{nid}'")
        for j, nid in _duplicates(alliance.members):
            yield Problem(f"{where}.members[{j}]", f"names nation '{nid}' twice")
        if len(alliances.members[i]) < 2:
            yield Problem(f"{where}.members", f"alliance '{alliance.id}' needs at least two members")
        for a, b in allies_at_war.get(i, ()):
            yield Problem(f"{where}.members", f"members '{a}' and '{b}' are at war with each other")
        yield from _scope_problems(where, alliance, alliances.members[i], nations, territories)

    guaranteed: dict[tuple[str, str], int] = {}
    for i, g in enumerate(level.treaties.guarantees):
        where = f"treaties.guarantees[{i}]"
        yield from _unknown(nations, where, {"guarantor": g.guarantor, "guaranteed": g.guaranteed})
        if g.guarantor == g.guaranteed:
            yield Problem(where, f"names nation '{g.guarantor}' twice: a nation cannot guarantee itself")
        if (g.guarantor, g.guaranteed) in guaranteed:
            yield Problem(where, f"the same guarantee as treaties.guarantees[{guaranteed[g.guarantor, g.guaranteed]}]")
        guaranteed.setdefault((g.guarantor, g.guaranteed), i)
        yield from _scope_problems(where, g, {g.guarantor, g.guaranteed}, nations, territories, {g.guaranteed})

    pacts: dict[frozenset[str], int] = {}
    for i, pact in enumerate(level.treaties.pacts):
        where = f"treaties.pacts[{i}]"
        parties = frozenset(pact.members)
        if parties in pacts:
            yield Problem(f"{where}.members", f"the same pact as treaties.pacts[{pacts[parties]}]")
        pacts.setdefault(parties, i)
        for j, nid in enumerate(pact.members):
            if nid not in nations:
                yield Problem(f"{where}.members[{j}]", f"unknown nation '{nid}'")
        if len(pact.members) != 2:
            yield Problem(f"{where}.members", "a non-aggression pact has exactly two members")
        elif pact.members[0] == pact.members[1]:
            yield Problem(f"{where}.members", f"names nation '{pact.members[0]}' twice")
        elif parties in at_war:
            yield Problem(f"{where}.members", f"'{pact.members[0]}' and '{pact.members[1]}' are at war")

    for i, gar in enumerate(level.garrisons):
        where = f"garrisons[{i}]"
        territory = territories.get(gar.territory)
        if territory is None:
            yield Problem(f"{where}.territory", f"unknown territory '{gar.territory}'")
        if gar.nation not in nations:
            yield Problem(f"{where}.nation", f"unknown nation '{gar.nation}'")
        elif territory is not None and territory.owner in nations and gar.nation != territory.owner:
            if not alliances.share_one(gar.nation, territory.owner):
                yield Problem(
                    f"{where}.nation",
                    f"'{gar.nation}' may only garrison '{gar.territory}' as an ally of its owner '{territory.owner}'",
                )


class _Memberships:
    """Who belongs to which alliance, for the checks that ask whether two nations share one.

    A level may hold one alliance of thousands of members, or thousands of alliances: listing
    every pair of members costs the square of that (a 61 KB file once took minutes). Instead
    each nation keeps the set of its alliances' indices, and a question about two nations
    intersects their two sets, which walks the smaller one. Each distinct pair is asked once,
    so the cost is linear in the file for any level a designer writes; a file built to make
    many nations share many alliances and many wars at once costs at most its size times the
    square root of its number of wars, still seconds at the 5 MB a level file may have.
    """

    def __init__(self, alliances: list[Alliance]) -> None:
        self.members: list[set[str]] = [set(alliance.members) for alliance in alliances]
        self.alliances_of: dict[str, set[int]] = {}
        for index, members in enumerate(self.members):
            for nid in members:
                self.alliances_of.setdefault(nid, set()).add(index)
        self._allied: dict[frozenset[str], bool] = {}

    def share_one(self, a: str, b: str) -> bool:
        """Whether ``a`` and ``b`` are members of one alliance (asked again, answered from memory)."""
        pair = frozenset((a, b))
        known = self._allied.get(pair)
        if known is None:
            known = not self.alliances_of.get(a, set()).isdisjoint(self.alliances_of.get(b, set()))
            self._allied[pair] = known
        return known

    def pairs_within(self, pairs: Iterable[frozenset[str]]) -> dict[int, list[tuple[str, str]]]:
        """For each alliance, the given pairs of two distinct nations that are both its members, sorted."""
        within: dict[int, list[tuple[str, str]]] = {}
        for pair in pairs:
            if len(pair) != 2:
                continue
            a, b = sorted(pair)
            for index in self.alliances_of.get(a, set()) & self.alliances_of.get(b, set()):
                within.setdefault(index, []).append((a, b))
        for found in within.values():
            found.sort()
        return within


def _scope_problems(
    where: str,
    treaty: Alliance | Guarantee,
    parties: set[str],
    nations: set[str],
    territories: dict[str, Territory],
    protected: set[str] | None = None,
) -> Iterator[Problem]:
    """A treaty's scope names nations and territories that exist, each once; it never binds against
    one of its own parties, and names only land the treaty protects (``protected``: default, the parties)."""
    for j, nid in enumerate(treaty.against):
        if nid not in nations:
            yield Problem(f"{where}.against[{j}]", f"unknown nation '{nid}'")
        elif nid in parties:
            yield Problem(
                f"{where}.against[{j}]", f"'{nid}' is party to this treaty, which never binds against its own"
            )
    for j, nid in _duplicates(treaty.against):
        yield Problem(f"{where}.against[{j}]", f"names nation '{nid}' twice")
    covered = parties if protected is None else protected
    for j, tid in enumerate(treaty.territories):
        territory = territories.get(tid)
        if territory is None:
            yield Problem(f"{where}.territories[{j}]", f"unknown territory '{tid}'")
        elif territory.owner not in covered:
            yield Problem(
                f"{where}.territories[{j}]",
                f"'{tid}' belongs to '{territory.owner}', which this treaty does not protect",
            )
    for j, tid in _duplicates(treaty.territories):
        yield Problem(f"{where}.territories[{j}]", f"names territory '{tid}' twice")


def _unknown(nations: set[str], where: str, fields: dict[str, str]) -> Iterator[Problem]:
    for name, nid in fields.items():
        if nid not in nations:
            yield Problem(f"{where}.{name}", f"unknown nation '{nid}'")
