"""Generated maps: always valid, one connected continent, the same for the same seed, and
fair to both seats (the two halves are mirror images of each other).

Connectivity promise: every territory is one piece, all territories form one land mass (no
ships in this game, so an island would be out of reach), and every nation's territories
form one connected block. So every nation can march to every other, seats included.
"""

from __future__ import annotations

import math
from collections import Counter, deque
from typing import Any

import pytest

from game.core import Geography, Level, level_problems
from game.core.hexgrid import distance
from game.core.level import DOCTRINES
from game.editor import EditError, generate_level
from game.editor.generate import LARGEST_TERRITORY, SMALLEST_TERRITORY, Mirror, min_cells
from game.io.levels import dump_level

SEEDS = range(50)
SHAPES = [pytest.param(24, 16, 6, id="24x16, 6 nations"), pytest.param(13, 19, 5, id="13x19, 5 nations")]


def territory_graph(level: Level) -> dict[str, frozenset[str]]:
    return Geography(level).adjacent


def connected(nodes: set[str], graph: dict[str, frozenset[str]]) -> bool:
    if not nodes:
        return False
    start = next(iter(sorted(nodes)))
    seen = {start}
    queue = deque([start])
    while queue:
        for other in graph[queue.popleft()]:
            if other in nodes and other not in seen:
                seen.add(other)
                queue.append(other)
    return seen == nodes


def steps_from(start: str, graph: dict[str, frozenset[str]]) -> dict[str, int]:
    depth = {start: 0}
    queue = deque([start])
    while queue:
        here = queue.popleft()
        for other in graph[here]:
            if other not in depth:
                depth[other] = depth[here] + 1
                queue.append(other)
    return depth


def seat_position(level: Level, seat: int) -> dict[str, Any]:
    """What one seat starts with, and what the NPCs around it look like from where it stands."""
    (nid,) = level.seats[seat].nations
    (rival,) = level.seats[1 - seat].nations
    nations = {n.id: n for n in level.nations}
    me, them = nations[nid], nations[rival]
    owned = [t for t in level.territories if t.owner == nid]
    graph = territory_graph(level)
    assert me.capital is not None
    steps = steps_from(me.capital, graph)

    def relation(ideology: str, other: str) -> str:
        return "kin" if ideology == other else "non_aligned" if "non_aligned" in (ideology, other) else "foreign"

    npcs = []
    for n in level.nations:
        if n.id in (nid, rival):
            continue
        assert n.capital is not None
        value = sum(t.value for t in level.territories if t.owner == n.id)
        npcs.append(
            (
                n.doctrine,
                relation(n.ideology, me.ideology),
                relation(n.ideology, them.ideology),
                steps[n.capital],
                value,
            )
        )
    treaties = level.treaties
    return {
        "territories": len(owned),
        "value": sum(t.value for t in owned),
        "garrison": sum(g.strength for g in level.garrisons if g.nation == nid),
        "treasury": me.treasury,
        "stability": me.stability,
        "credibility": me.credibility,
        "capital": next((t.value, t.terrain) for t in owned if t.id == me.capital),
        "npcs": sorted(npcs),
        "alliances": sorted(
            (a.collective_defence, a.cohesion, len(a.members)) for a in treaties.alliances if nid in a.members
        ),
        "guarantees given": sum(1 for g in treaties.guarantees if g.guarantor == nid),
        "pacts": sum(1 for p in treaties.pacts if nid in p.members),
    }


# -- Valid, connected, fair: 50 seeds on each of two shapes ---------------------------------------


@pytest.mark.parametrize(("width", "height", "nations"), SHAPES)
@pytest.mark.parametrize("seed", SEEDS)
def test_a_generated_map_is_valid_connected_and_fair(seed: int, width: int, height: int, nations: int) -> None:
    level = generate_level(seed, width, height, nations)
    geography = Geography(level)
    graph = geography.adjacent

    assert level_problems(level) == []
    assert (level.map.width, level.map.height, len(level.nations)) == (width, height, nations)
    assert all(geography.is_connected(t.id) for t in level.territories)
    assert connected({t.id for t in level.territories}, graph), "the land is in more than one piece"
    for n in level.nations:
        owned = {t.id for t in level.territories if t.owner == n.id}
        assert connected(owned, graph), f"{n.id}'s territories are not one block"
        assert n.capital in owned
    assert seat_position(level, 0) == seat_position(level, 1)


@pytest.mark.parametrize(("width", "height", "nations"), SHAPES)
def test_generated_territories_are_mostly_five_to_eight_cells(width: int, height: int, nations: int) -> None:
    sizes: Counter[int] = Counter()
    for seed in range(10):
        geography = Geography(generate_level(seed, width, height, nations))
        sizes.update(len(cells) for cells in geography.cells.values())

    total = sum(sizes.values())
    usual = sum(count for size, count in sizes.items() if SMALLEST_TERRITORY <= size <= LARGEST_TERRITORY)
    assert usual / total > 0.8
    assert min(sizes) >= 3 and max(sizes) <= 2 * LARGEST_TERRITORY
    assert SMALLEST_TERRITORY <= sum(size * count for size, count in sizes.items()) / total <= LARGEST_TERRITORY


def test_the_same_arguments_give_the_same_map_and_another_seed_another() -> None:
    first = dump_level(generate_level(7, 24, 16, 6))

    assert dump_level(generate_level(7, 24, 16, 6)) == first
    assert dump_level(generate_level(8, 24, 16, 6)) != first


def test_the_seats_start_far_apart() -> None:
    for seed in range(10):
        level = generate_level(seed, 24, 16, 6)
        cells = Geography(level).cells
        capitals = [next(n.capital for n in level.nations if n.id == seat.nations[0]) for seat in level.seats]
        gap = min(distance(a, b) for a in cells[str(capitals[0])] for b in cells[str(capitals[1])])
        assert gap >= 24 / 2, f"seed {seed}: seat capitals only {gap} steps apart"


def test_capitals_are_worth_the_most() -> None:
    level = generate_level(3, 30, 20, 8)
    for n in level.nations:
        values = {t.id: t.value for t in level.territories if t.owner == n.id}
        assert n.capital is not None
        assert values[n.capital] == max(values.values())
    seat_nations = {level.seats[0].nations[0], level.seats[1].nations[0]}
    for n in level.nations:
        if n.id in seat_nations:
            others = [t.value for t in level.territories if t.owner == n.id and t.id != n.capital]
            assert all(value < next(t.value for t in level.territories if t.id == n.capital) for value in others)


def test_each_side_has_an_article_5_alliance_a_guarantee_and_there_is_a_pact() -> None:
    level = generate_level(5, 28, 18, 7)
    npcs = {n.id for n in level.nations} - {s.nations[0] for s in level.seats}

    for seat in level.seats:
        (nid,) = seat.nations
        assert any(
            a.collective_defence and nid in a.members and npcs & set(a.members) for a in level.treaties.alliances
        )
        assert any(g.guarantor == nid for g in level.treaties.guarantees)
    assert level.treaties.pacts


def test_npcs_follow_every_doctrine_and_the_seats_hold_different_ideologies() -> None:
    level = generate_level(11, 40, 26, 12)  # five NPC pairs: one pair per doctrine
    seat_nations = [s.nations[0] for s in level.seats]
    ideologies = {n.id: n.ideology for n in level.nations}

    assert {n.doctrine for n in level.nations if n.id not in seat_nations} == set(DOCTRINES)
    assert ideologies[seat_nations[0]] != ideologies[seat_nations[1]]
    assert len(set(ideologies.values())) >= 3


def test_names_read_like_places_and_ids_follow_from_them() -> None:
    level = generate_level(2, 24, 16, 6)

    for t in level.territories:
        assert t.name.isalpha() and t.name[0].isupper() and 4 <= len(t.name) <= 10
    for n in level.nations:
        assert n.name.split()[-1].lower() == n.id


# -- The symmetry everything rests on -------------------------------------------------------------


@pytest.mark.parametrize(("width", "height"), [(24, 16), (13, 19), (7, 7), (6, 11), (10, 9)])
def test_the_mirror_keeps_neighbours_neighbours_and_pairs_no_cell_with_itself(width: int, height: int) -> None:
    from game.core.hexgrid import neighbours

    mirror = Mirror.for_grid(width, height)
    for cell in mirror.cells():
        image = mirror.image(cell)
        assert image != cell
        assert mirror.image(image) == cell
        assert {mirror.image(n) for n in neighbours(cell)} == set(neighbours(image))


# -- Sizes and nation counts ---------------------------------------------------------------------


@pytest.mark.parametrize("nations", range(2, 17))
def test_every_nation_count_works_down_to_the_smallest_map_allowed(nations: int) -> None:
    side = math.ceil(math.sqrt(min_cells(nations)))
    for width, height in [(side, side), (6, math.ceil(min_cells(nations) / 6))]:
        for seed in range(3):
            level = generate_level(seed, width, height, nations)
            assert level_problems(level) == []
            assert len(level.nations) == nations


@pytest.mark.parametrize(
    ("width", "height", "nations", "reason"),
    [
        (24, 16, 1, "from 2 to 16 nations"),
        (24, 16, 17, "from 2 to 16 nations"),
        (5, 16, 4, "width must be from 6"),
        (24, 257, 4, "height must be from 6"),
        (8, 8, 16, "too small for 16 nations"),
    ],
)
def test_impossible_arguments_are_refused_with_a_reason(width: int, height: int, nations: int, reason: str) -> None:
    with pytest.raises(EditError, match=reason):
        generate_level(0, width, height, nations)


def test_mirror_matches_on_generated_maps_split_evenly_between_the_seats() -> None:
    # The same bot on both seats: any lean towards one seat is the map's (or the turn order's) doing.
    from game.ai import run_arena

    first = decided = 0
    for seed in range(4):
        report = run_arena(generate_level(seed, 16, 12, 3), "random", "random", games=30, seed=seed, alternate=True)
        first += report.first_seat_wins
        decided += report.games - report.draws
    assert 0.35 <= first / decided <= 0.65, f"the first seat won {first} of {decided} decided games"
