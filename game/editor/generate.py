"""Random maps that are always playable and fair to both seats.

``generate_level(seed, width, height, nations)`` draws one continent with seas and lakes
cut into it, carves it into territories of five to eight cells, groups those into
nations, and adds capitals, troops, treasuries and a few treaties in force.

How it stays fair: the map is **point-symmetric**. One half is drawn at random and the
other half is its 180-degree rotation (a true symmetry of the hex grid, so neighbours stay
neighbours). Seat 1's nation and seat 2's nation are mirror images, and so is every NPC
with its twin across the map: same size, values, terrain, troops, treasury, doctrine and
treaties. Ideologies are mirrored too, with the two seats' ideologies swapped, so each
seat finds the same number of kindred regimes among its neighbours. With an odd number of
nations, the odd one out is a small nation at the centre whose one territory is itself
symmetric. Nothing but the turn order tells the two seats apart.

How it stays valid: each attempt is checked with :func:`level_problems` and for land
connectivity; an attempt that fails is redrawn from the next sub-seed, so the result is
still a pure function of the arguments.

Connectivity: all land is one continent, so every territory can reach every other by land
(there are no ships), every nation's territories form one connected block, and therefore
every nation, seats included, can march to every other.
"""

from __future__ import annotations

import heapq
import math
import random
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from game.core.hexgrid import Cell, distance, from_axial, neighbours, to_axial
from game.core.level import (
    DOCTRINES,
    IDEOLOGIES,
    MAX_MAP_SIDE,
    SEA,
    Doctrine,
    Geography,
    Ideology,
    Level,
    Terrain,
    level_problems,
)
from game.editor import grid
from game.editor.errors import EditError
from game.editor.naming import unique_place_name, unused_code, unused_id
from game.editor.nations import PALETTE

MIN_NATIONS = 2
MAX_NATIONS = 16
MIN_SIDE = 6
MAX_SIDE = MAX_MAP_SIDE
MAX_ATTEMPTS = 50
#: The steps of one attempt, as generate_level counts them for a progress bar: the noise, the land,
#: the regions, the nations, the territories, the checks.
STEPS = 6

# Territory sizes, in cells.
SMALLEST_TERRITORY = 5
LARGEST_TERRITORY = 8
FRAGMENT = 3  # a piece of land smaller than this joins a neighbouring territory
MEAN_TERRITORY = (SMALLEST_TERRITORY + LARGEST_TERRITORY) / 2

# What each seat nation starts with; NPCs start smaller.
SEAT_TREASURY = 10
SEAT_CAPITAL_GARRISON = 5
SEAT_GARRISON = 2
NPC_CAPITAL_GARRISON = 3
NPC_GARRISON = 1

_FORMS: dict[Ideology, str] = {
    "liberal": "Republic of {}",
    "conservative": "Commonwealth of {}",
    "monarchist": "Kingdom of {}",
    "authoritarian": "Directorate of {}",
    "communist": "People's Republic of {}",
    "theocratic": "Holy Realm of {}",
    "non_aligned": "Free Cantons of {}",
}


def check_arguments(width: int, height: int, nations: int) -> None:
    """Raise EditError with a plain reason if no map can be drawn for these arguments."""
    for name, value in (("width", width), ("height", height)):
        if isinstance(value, bool) or not isinstance(value, int) or not MIN_SIDE <= value <= MAX_SIDE:
            raise EditError(f"the map's {name} must be from {MIN_SIDE} to {MAX_SIDE}, not {value!r}")
    if isinstance(nations, bool) or not isinstance(nations, int) or not MIN_NATIONS <= nations <= MAX_NATIONS:
        raise EditError(f"a map has from {MIN_NATIONS} to {MAX_NATIONS} nations, not {nations!r}")
    needed = min_cells(nations)
    if width * height < needed:
        side = math.ceil(math.sqrt(needed))
        raise EditError(
            f"a {width}x{height} map is too small for {nations} nations: "
            f"it needs at least {needed} cells (for example {side}x{side})"
        )


def min_cells(nations: int) -> int:
    """The fewest cells a map for ``nations`` nations may have: room for a seat nation of
    two territories and a territory per NPC on each half, with sea around."""
    per_side = nations // 2 + 1  # the seat's extra territory plus one per nation on that half
    return 24 * per_side + 16


def generate_level(
    seed: int, width: int, height: int, nations: int, progress: Callable[[int, int], None] | None = None
) -> Level:
    """A valid, connected, seat-fair level; the same arguments always give the same level.

    ``progress(done, STEPS)`` is told as each step of an attempt is done (an attempt that fails
    starts again from 0). Raises EditError if the arguments are out of range (see :func:`check_arguments`),
    or if no attempt gives a valid map.
    """
    check_arguments(width, height, nations)
    told = progress or (lambda done, total: None)
    for attempt in range(MAX_ATTEMPTS):
        told(0, STEPS)
        rng = random.Random(f"alliances-map/{seed}/{width}x{height}/{nations}/{attempt}")
        drawing = _Drawing(rng, seed, width, height, nations)
        told(1, STEPS)
        level = drawing.level(lambda done: told(1 + done, STEPS))
        if level is not None and not level_problems(level) and land_is_connected(level):
            told(STEPS, STEPS)
            return level
    raise EditError(
        f"no valid map came out of {MAX_ATTEMPTS} attempts for seed {seed}, {width}x{height}, {nations} nations: "
        "try another seed, a bigger map or fewer nations"
    )


def land_is_connected(level: Level) -> bool:
    """True when every territory can be reached from every other by land."""
    geography = Geography(level)
    ids = [t.id for t in level.territories]
    if not ids:
        return False
    seen = {ids[0]}
    queue = deque([ids[0]])
    while queue:
        for other in geography.adjacent[queue.popleft()]:
            if other not in seen:
                seen.add(other)
                queue.append(other)
    return len(seen) == len(ids)


# ---------------------------------------------------------------------------------------
# The symmetry


@dataclass(frozen=True)
class Mirror:
    """The 180-degree rotation of the grid that pairs each cell with its twin.

    In axial coordinates it is ``(q, r) -> (q0 - q, height - 1 - r)``, a symmetry of the
    infinite hex grid. ``q0`` is chosen so that as many cells as possible have their twin
    inside the rectangle and no cell is its own twin.
    """

    width: int
    height: int
    q0: int

    @classmethod
    def for_grid(cls, width: int, height: int) -> Mirror:
        base = width - 1 - (height - 1) // 2
        best: Mirror | None = None
        best_pairs = -1
        for q0 in (base - 1, base, base + 1):
            mirror = cls(width, height, q0)
            images = [(cell, mirror.image(cell)) for cell in mirror.cells()]
            if any(cell == image for cell, image in images):
                continue
            pairs = sum(1 for _, image in images if mirror.inside(image))
            if pairs > best_pairs:
                best, best_pairs = mirror, pairs
        assert best is not None  # one of three neighbouring offsets never has a fixed cell
        return best

    def cells(self) -> Iterable[Cell]:
        return ((c, r) for r in range(self.height) for c in range(self.width))

    def inside(self, cell: Cell) -> bool:
        return 0 <= cell[0] < self.width and 0 <= cell[1] < self.height

    def image(self, cell: Cell) -> Cell:
        q, r = to_axial(cell)
        return from_axial(self.q0 - q, self.height - 1 - r)

    def twin(self, cell: Cell) -> Cell | None:
        image = self.image(cell)
        return image if self.inside(image) else None

    def first_half(self) -> set[Cell]:
        """Cells whose twin is on the map and lies in the other half (seat 1's side).

        The halves split the longer side of the map: west and east, or north and south.
        """
        across = self.width >= self.height

        def key(cell: Cell) -> tuple[int, int]:
            return cell if across else (cell[1], cell[0])

        half = set()
        for cell in self.cells():
            twin = self.twin(cell)
            if twin is not None and key(cell) < key(twin):
                half.add(cell)
        return half


# ---------------------------------------------------------------------------------------
# Value noise: smooth hills and valleys, for coastlines and terrain


def value_noise(rng: random.Random, width: int, height: int, scale: float) -> dict[Cell, float]:
    """A smooth random field in [0, 1] over the grid: two octaves of interpolated lattice values."""
    field: dict[Cell, float] = {}
    octaves = ((scale, 0.65), (scale / 2.0, 0.35))
    lattices = []
    for step, _ in octaves:
        cols, rows = int(width / step) + 3, int(height / step) + 3
        lattices.append([[rng.random() for _ in range(cols)] for _ in range(rows)])
    for r in range(height):
        for c in range(width):
            x, y = c + (0.5 if r & 1 else 0.0), r * 0.866
            total = 0.0
            for (step, weight), lattice in zip(octaves, lattices, strict=True):
                total += weight * _interpolate(lattice, x / step, y / step)
            field[(c, r)] = total
    return field


def _interpolate(lattice: list[list[float]], x: float, y: float) -> float:
    x0, y0 = int(x), int(y)
    fx, fy = _smooth(x - x0), _smooth(y - y0)
    top = lattice[y0][x0] * (1 - fx) + lattice[y0][x0 + 1] * fx
    bottom = lattice[y0 + 1][x0] * (1 - fx) + lattice[y0 + 1][x0 + 1] * fx
    return top * (1 - fy) + bottom * fy


def _smooth(t: float) -> float:
    return t * t * (3 - 2 * t)


# ---------------------------------------------------------------------------------------
# One attempt at a map


@dataclass
class _Region:
    """A territory on seat 1's half (its twin is drawn from it), or the symmetric centre."""

    cells: list[Cell]
    nation: int = -1  # index into _Drawing.half_nations; -1 before nations are drawn
    centre: Cell = (0, 0)
    height: float = 0.0  # mean noise: high ground becomes hills and mountains
    adjacent: set[int] = field(default_factory=set)


@dataclass
class _HalfNation:
    """A nation on seat 1's half; its twin on the other half is drawn from it."""

    regions: list[int]
    capital: int
    doctrine: Doctrine = "neutral"
    ideology: Ideology = "non_aligned"


class _Drawing:
    def __init__(self, rng: random.Random, seed: int, width: int, height: int, nations: int) -> None:
        self.rng = rng
        self.seed = seed
        self.width = width
        self.height = height
        self.nations = nations
        self.pairs = (nations - 2) // 2  # NPC twins, one on each half
        self.has_centre = nations % 2 == 1
        self.mirror = Mirror.for_grid(width, height)
        self.half = self.mirror.first_half()
        self.noise = value_noise(rng, width, height, scale=rng.uniform(3.5, 6.0))
        self.jitter = {cell: rng.random() for cell in self.mirror.cells()}

    # -- land -----------------------------------------------------------------------------

    def level(self, step_done: Callable[[int], None]) -> Level | None:
        """The level drawn, or None if this attempt cannot make one; ``step_done(n)`` after each of its steps."""
        start = self._start_cell()
        if start is None:
            return None
        land = self._grow_land(start)
        centre_cells: list[Cell] = []
        if self.has_centre:
            centre_cells = self._grow_centre(start, land)
            land -= set(centre_cells)
        step_done(1)
        regions = self._carve(land)
        if regions is None:
            return None
        step_done(2)
        half_nations = self._draw_nations(regions)
        if half_nations is None:
            return None
        step_done(3)
        level = self._build(regions, half_nations, centre_cells)
        step_done(4)
        return level

    def _start_cell(self) -> Cell | None:
        """A cell of the first half that touches its own twin, nearest the middle: the isthmus
        that joins the two halves into one continent."""
        middle = ((self.width - 1) / 2.0, (self.height - 1) / 2.0)
        touching = [cell for cell in sorted(self.half) if self.mirror.image(cell) in set(neighbours(cell))]
        if not touching:
            return None
        return min(touching, key=lambda c: ((c[0] - middle[0]) ** 2 + (c[1] - middle[1]) ** 2, c))

    def _grow_land(self, start: Cell) -> set[Cell]:
        """The first half's land: grown from ``start`` towards high noise, away from the edges,
        so it is connected, and so is the whole continent once mirrored."""
        target = round(len(self.half) * self.rng.uniform(0.5, 0.66))
        needed = (self.pairs + 2) * (LARGEST_TERRITORY + 1) + (6 if self.has_centre else 0)
        target = min(max(target, needed), int(len(self.half) * 0.9))
        land = {start}
        frontier: list[tuple[float, Cell]] = []
        self._push_neighbours(frontier, start, land)
        while len(land) < target and frontier:
            _, cell = heapq.heappop(frontier)
            if cell in land:
                continue
            land.add(cell)
            self._push_neighbours(frontier, cell, land)
        return land

    def _push_neighbours(self, frontier: list[tuple[float, Cell]], cell: Cell, land: set[Cell]) -> None:
        for other in neighbours(cell):
            if other in self.half and other not in land:
                c, r = other
                edge = min(c, r, self.width - 1 - c, self.height - 1 - r)
                coast = max(0.0, 1.0 - edge / 2.5) * 0.45  # the map's rim tends to be sea
                priority = self.noise[other] + 0.25 * self.jitter[other] - coast
                heapq.heappush(frontier, (-priority, other))

    def _grow_centre(self, start: Cell, land: set[Cell]) -> list[Cell]:
        """The odd nation's one territory: ``start`` and its twin, grown in twin pairs, so it is
        its own mirror image. Returns the cells on the first half."""
        size = self.rng.randint(3, 4)  # cells per half
        cells = [start]
        members = {start}
        while len(cells) < size:
            options = sorted({n for c in cells for n in neighbours(c) if n in land and n not in members})
            if not options:
                break
            best = min(options, key=lambda n: (distance(n, start), self.jitter[n]))
            cells.append(best)
            members.add(best)
        return cells

    # -- territories ----------------------------------------------------------------------

    def _carve(self, land: set[Cell]) -> list[_Region] | None:
        """Cut the first half's land into compact territories of five to eight cells."""
        owner: dict[Cell, int] = {}
        pieces: list[list[Cell]] = []
        for start in sorted(land, key=lambda c: (c[1], c[0]) if self.width >= self.height else c):
            if start in owner:
                continue
            index = len(pieces)
            target = self.rng.randint(SMALLEST_TERRITORY, LARGEST_TERRITORY)
            piece = [start]
            owner[start] = index
            while len(piece) < target:
                frontier = {n for c in piece for n in neighbours(c) if n in land and n not in owner}
                if not frontier:
                    break
                members = set(piece)
                best = max(
                    frontier,
                    key=lambda n: (sum(1 for m in neighbours(n) if m in members), -distance(n, start), self.jitter[n]),
                )
                piece.append(best)
                owner[best] = index
            pieces.append(piece)
        # Slivers join their smallest neighbour, so no territory is a lone cell or two; other
        # small pieces join one too if that keeps it near the usual size.
        for index, piece in enumerate(pieces):
            if not piece or len(piece) >= SMALLEST_TERRITORY:
                continue
            around = sorted({owner[n] for c in piece for n in neighbours(c) if n in owner} - {index})
            if not around:
                return None
            target = min(around, key=lambda i: len(pieces[i]))
            if len(piece) >= FRAGMENT and len(pieces[target]) + len(piece) > LARGEST_TERRITORY + 1:
                continue
            pieces[target].extend(piece)
            for c in piece:
                owner[c] = target
            pieces[index] = []
        regions = [_Region(cells=sorted(piece)) for piece in pieces if piece]
        for region_index, region in enumerate(regions):
            for c in region.cells:
                owner[c] = region_index
        for region_index, region in enumerate(regions):
            region.height = sum(self.noise[c] for c in region.cells) / len(region.cells)
            mean_c = sum(c for c, _ in region.cells) / len(region.cells)
            mean_r = sum(r for _, r in region.cells) / len(region.cells)
            region.centre = min(region.cells, key=lambda c: ((c[0] - mean_c) ** 2 + (c[1] - mean_r) ** 2, c))
            region.adjacent = {owner[n] for c in region.cells for n in neighbours(c) if n in owner} - {region_index}
        if not _connected(len(regions), [r.adjacent for r in regions]):
            return None
        return regions

    # -- nations --------------------------------------------------------------------------

    def _draw_nations(self, regions: list[_Region]) -> list[_HalfNation] | None:
        """Seat 1's nation far from the middle, then the NPCs of this half, each one connected block."""
        count = len(regions)
        if count < self.pairs + 2:
            return None
        away = [distance(r.centre, self.mirror.image(r.centre)) for r in regions]
        # Among the territories farthest from the middle, a random one of the first three.
        outer = [i for i in range(count) if away[i] >= 0.8 * max(away)]
        outer.sort(key=lambda i: (-away[i], self.jitter[regions[i].centre]))
        capital = outer[self.rng.randrange(min(3, len(outer)))]
        share = 1.6 / (self.pairs + 1.6)
        quota = min(max(2, round(count * share)), count - self.pairs)
        nations = [_HalfNation(regions=[capital], capital=capital)]
        regions[capital].nation = 0
        while len(nations[0].regions) < quota:
            options = {a for i in nations[0].regions for a in regions[i].adjacent if regions[a].nation < 0}
            if not options:
                break
            pick = self._nearest(regions, options, capital)
            regions[pick].nation = 0
            nations[0].regions.append(pick)
        for _ in range(self.pairs):
            seed_region = self._farthest_free(regions)
            if seed_region is None:
                return None
            regions[seed_region].nation = len(nations)
            nations.append(_HalfNation(regions=[seed_region], capital=seed_region))
        # NPCs grow by turns, smallest first, until the land is shared out.
        while True:
            growing = [
                (len(n.regions), index)
                for index, n in enumerate(nations)
                if index > 0 and any(regions[a].nation < 0 for i in n.regions for a in regions[i].adjacent)
            ]
            if not growing:
                break
            _, index = min(growing)
            nation = nations[index]
            options = {a for i in nation.regions for a in regions[i].adjacent if regions[a].nation < 0}
            pick = self._nearest(regions, options, nation.capital)
            regions[pick].nation = index
            nation.regions.append(pick)
        # Whatever only the seat's nation touches is the seat's.
        changed = True
        while changed:
            changed = False
            for index, region in enumerate(regions):
                if region.nation < 0:
                    owners = sorted({regions[a].nation for a in region.adjacent if regions[a].nation >= 0})
                    if owners:
                        region.nation = owners[0]
                        nations[owners[0]].regions.append(index)
                        changed = True
        if any(r.nation < 0 for r in regions):
            return None
        return nations

    def _nearest(self, regions: list[_Region], options: set[int], home: int) -> int:
        """The option closest to ``home``: nations grow as compact blocks around their capitals."""
        centre = regions[home].centre
        return min(sorted(options), key=lambda a: (distance(regions[a].centre, centre), self.jitter[regions[a].centre]))

    def _farthest_free(self, regions: list[_Region]) -> int | None:
        """The unclaimed territory farthest (in steps between territories) from every claimed one."""
        depth = {i: 0 for i, r in enumerate(regions) if r.nation >= 0}
        queue = deque(sorted(depth))
        while queue:
            i = queue.popleft()
            for a in sorted(regions[i].adjacent):
                if a not in depth:
                    depth[a] = depth[i] + 1
                    queue.append(a)
        free = [i for i, r in enumerate(regions) if r.nation < 0 and i in depth]
        if not free:
            return None
        return max(free, key=lambda i: (depth[i], self.jitter[regions[i].centre]))

    # -- the level ------------------------------------------------------------------------

    def _build(self, regions: list[_Region], half: list[_HalfNation], centre_cells: list[Cell]) -> Level:
        rng = self.rng
        twin = self.mirror.image
        used_names: set[str] = set()  # slugs of every name drawn so far
        ids: set[str] = set()
        codes: set[str] = set()
        tokens = [[SEA] * self.width for _ in range(self.height)]

        # Ideologies: the seats differ; NPC twins mirror each other with the seats' two swapped.
        seat_ideologies = rng.sample([i for i in IDEOLOGIES if i != "non_aligned"], 2)
        swap: dict[Ideology, Ideology] = {
            seat_ideologies[0]: seat_ideologies[1],
            seat_ideologies[1]: seat_ideologies[0],
        }
        doctrines = list(DOCTRINES)
        rng.shuffle(doctrines)
        half[0].ideology = seat_ideologies[0]
        for index, nation in enumerate(half[1:]):
            nation.doctrine = doctrines[index % len(doctrines)]
            nation.ideology = rng.choice(IDEOLOGIES)

        # NPCs in order of closeness to the seat: the nearest is its ally, the next its ward.
        seat_home = regions[half[0].capital].centre
        npc_order = sorted(range(1, len(half)), key=lambda i: distance(regions[half[i].capital].centre, seat_home))

        nations_out: list[dict[str, object]] = []
        territories_out: list[dict[str, object]] = []
        garrisons_out: list[dict[str, object]] = []
        nation_ids: dict[tuple[int, int], str] = {}  # (half nation index, side) -> id
        colours = iter(PALETTE * 2)
        seat_colours = (next(colours), next(colours))

        def nation_entry(index: int, side: int, ideology: Ideology, doctrine: Doctrine, stats: dict[str, int]) -> str:
            base = unique_place_name(rng, used_names)
            nid = unused_id(base, ids)
            ids.add(nid)
            colour = seat_colours[side] if index == 0 else next(colours)
            nations_out.append(
                {"id": nid, "name": _FORMS[ideology].format(base), "colour": colour, "ideology": ideology,
                 "doctrine": doctrine, **stats}
            )  # fmt: skip
            nation_ids[(index, side)] = nid
            return nid

        order = [0, *npc_order]
        for index in order:
            nation = half[index]
            if index == 0:
                stats = {"stability": rng.randint(55, 75), "credibility": rng.randint(55, 70)}
                stats["treasury"] = SEAT_TREASURY
            else:
                low = nation.doctrine == "regime_seeker"
                stats = {
                    "stability": rng.randint(25, 38) if low else rng.randint(45, 80),
                    "credibility": rng.randint(45, 75),
                    "treasury": rng.randint(0, 8),
                }
            nation_entry(index, 0, nation.ideology, nation.doctrine, stats)
            nation_entry(index, 1, swap.get(nation.ideology, nation.ideology), nation.doctrine, stats)
            if index == 0 and self.has_centre:
                ideology = rng.choice([i for i in IDEOLOGIES if i not in swap])
                doctrine: Doctrine = rng.choice(DOCTRINES)
                centre_stats = {"stability": rng.randint(45, 80), "credibility": rng.randint(45, 75), "treasury": 4}
                nation_entry(-1, 0, ideology, doctrine, centre_stats)

        # Territories, each drawn once for both halves: same size, value and terrain.
        by_height = sorted(range(len(regions)), key=lambda i: regions[i].height)
        height_rank = {i: rank / max(1, len(regions) - 1) for rank, i in enumerate(by_height)}

        def terrain_for(region_index: int) -> Terrain:
            rank = height_rank[region_index]
            if rank > 0.88:
                return "mountains"
            if rank > 0.7:
                return "hills"
            return "forest" if rng.random() < 0.3 else "plains"

        capitals: dict[str, str] = {}

        def territory_entry(cells: list[Cell], nid: str, value: int, terrain: Terrain) -> str:
            name = unique_place_name(rng, used_names)
            tid = unused_id(name, ids)
            ids.add(tid)
            code = unused_code(name, codes)
            codes.add(code)
            for c, r in cells:
                tokens[r][c] = code
            territories_out.append({"id": tid, "name": name, "code": code, "owner": nid, "value": value,
                                    "terrain": terrain})  # fmt: skip
            return tid

        for index in order:
            nation = half[index]
            for region_index in [nation.capital, *(i for i in nation.regions if i != nation.capital)]:
                region = regions[region_index]
                is_capital = region_index == nation.capital
                if is_capital:
                    value = rng.randint(4, 5) if index == 0 else rng.randint(3, 4)
                    terrain: Terrain = "urban" if rng.random() < 0.7 else terrain_for(region_index)
                    strength = SEAT_CAPITAL_GARRISON if index == 0 else NPC_CAPITAL_GARRISON
                else:
                    value = min(3, max(1, round(len(region.cells) / 3 + rng.uniform(-1.0, 0.8))))
                    terrain = terrain_for(region_index)
                    strength = SEAT_GARRISON if index == 0 else NPC_GARRISON
                for side in (0, 1):
                    nid = nation_ids[(index, side)]
                    cells = region.cells if side == 0 else [twin(c) for c in region.cells]
                    tid = territory_entry(cells, nid, value, terrain)
                    garrisons_out.append({"territory": tid, "nation": nid, "strength": strength})
                    if is_capital:
                        capitals[nid] = tid
        if self.has_centre:
            nid = nation_ids[(-1, 0)]
            cells = [*centre_cells, *(twin(c) for c in centre_cells)]
            tid = territory_entry(cells, nid, 3, "urban" if rng.random() < 0.5 else "hills")
            garrisons_out.append({"territory": tid, "nation": nid, "strength": NPC_CAPITAL_GARRISON})
            capitals[nid] = tid
        for entry in nations_out:
            entry["capital"] = capitals[str(entry["id"])]

        treaties = self._treaties(rng, nation_ids, npc_order, used_names, ids)
        across = self.width >= self.height
        seat_names = ("West", "East") if across else ("North", "South")
        title = f"The {unique_place_name(rng, used_names)} {'Sea' if rng.random() < 0.5 else 'Lands'}"
        briefing = (
            f"A generated map (seed {self.seed}, {self.width}x{self.height}, {self.nations} nations). "
            f"{seat_names[0]} and {seat_names[1]} start as mirror images: the same lands, troops, "
            "treasury and treaties; only the turn order tells them apart."
        )
        data = {
            "format_version": 1,
            "title": title,
            "briefing": briefing,
            "round_limit": 30,
            "hegemony_share": 0.6,
            "map": {"width": self.width, "height": self.height, "rows": grid.format_rows(tokens)},
            "nations": nations_out,
            "seats": [
                {"name": seat_names[0], "nations": [nation_ids[(0, 0)]]},
                {"name": seat_names[1], "nations": [nation_ids[(0, 1)]]},
            ],
            "territories": territories_out,
            "treaties": treaties,
            "wars": [],
            "garrisons": garrisons_out,
        }
        return Level.model_validate(data)

    def _treaties(
        self,
        rng: random.Random,
        nation_ids: dict[tuple[int, int], str],
        npc_order: list[int],
        used_names: set[str],
        ids: set[str],
    ) -> dict[str, list[dict[str, object]]]:
        """Treaties in force, each with its twin, as many as the nations allow: each seat allied
        (Article 5) to its nearest NPC (from 4 nations) and guaranteeing the next nearest (from 6);
        with an odd number of nations, both seats guarantee the centre nation and have a
        non-aggression pact with it; otherwise the two NPCs farthest from their seats have a pact."""
        alliances: list[dict[str, object]] = []
        guarantees: list[dict[str, object]] = []
        pacts: list[dict[str, object]] = []
        if npc_order:
            cohesion = rng.randint(45, 70)
            for side in (0, 1):
                name = f"Treaty of {unique_place_name(rng, used_names)}"
                aid = unused_id(name, ids)
                ids.add(aid)
                members = [nation_ids[(0, side)], nation_ids[(npc_order[0], side)]]
                alliances.append({"id": aid, "name": name, "members": members, "collective_defence": True,
                                  "cohesion": cohesion})  # fmt: skip
        if len(npc_order) >= 2:
            for side in (0, 1):
                guarantees.append({"guarantor": nation_ids[(0, side)], "guaranteed": nation_ids[(npc_order[1], side)]})
        if self.has_centre:
            # Like Belgium in 1839: both seats guarantee the small nation between them and
            # promise it peace, so whoever marches through it first pays for it.
            centre = nation_ids[(-1, 0)]
            for side in (0, 1):
                guarantees.append({"guarantor": nation_ids[(0, side)], "guaranteed": centre})
                pacts.append({"members": [nation_ids[(0, side)], centre]})
        elif npc_order:
            far = npc_order[-1]
            pacts.append({"members": [nation_ids[(far, 0)], nation_ids[(far, 1)]]})
        return {"alliances": alliances, "guarantees": guarantees, "pacts": pacts}


def _connected(count: int, adjacent: list[set[int]]) -> bool:
    if count == 0:
        return False
    seen = {0}
    stack = [0]
    while stack:
        for other in adjacent[stack.pop()]:
            if other not in seen:
                seen.add(other)
                stack.append(other)
    return len(seen) == count
