"""Distances between territories: exact hex distances, found without measuring every pair.

Walt's proximity asks how near a nation's closest cell is to another side's. The search widens
rings around the nation and stops at the horizon, so a 4,000-territory map costs the area around
one nation; these tests hold it to the slow, obvious definition.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from game.core.hexgrid import distance
from game.core.level import Geography
from game.editor.generate import generate_level
from game.io.levels import load_level

ROOT = Path(__file__).resolve().parents[2]


def closest(geo: Geography, group: frozenset[str], other: str) -> int:
    return min(distance(a, b) for t in group for a in geo.cells[t] for b in geo.cells[other])


def geographies() -> list[tuple[str, Geography]]:
    shipped = [(p.name, Geography(load_level(p))) for p in sorted((ROOT / "levels").glob("*.json"))]
    return [*shipped, ("generated 40x30", Geography(generate_level(3, 40, 30, 8)))]


@pytest.mark.parametrize(("name", "geo"), geographies(), ids=lambda v: v if isinstance(v, str) else "")
def test_every_ring_holds_the_territories_at_exactly_that_hex_distance(name: str, geo: Geography) -> None:
    rng = random.Random(name)
    ids = sorted(geo.cells)
    for _ in range(6):
        group = frozenset(rng.sample(ids, rng.randint(1, 4)))
        horizon = rng.randint(2, 30)
        rings = geo.rings_around(group, horizon)
        found = {t: gap for gap, ring in rings for t in ring}
        for other in ids:
            if other in group:
                continue
            true = closest(geo, group, other)
            assert found.get(other) == (true if true <= horizon else None), (sorted(group), other)
        assert all(ring == sorted(ring) for _, ring in rings)


def test_rings_read_in_part_and_later_in_full_match_a_search_read_at_once() -> None:
    """A reader that stops early (proximity stops at the first rival) leaves the search resumable."""
    level = generate_level(5, 30, 24, 6)
    shared, fresh = Geography(level), Geography(level)
    rng = random.Random(7)
    ids = sorted(shared.cells)
    for _ in range(10):
        group = frozenset(rng.sample(ids, rng.randint(1, 3)))
        for stop in (0, 1, 3):  # several readers stop at different rings, then one reads everything
            for n, _ring in enumerate(shared.rings_around(group, 24)):
                if n >= stop:
                    break
        assert list(shared.rings_around(group, 24)) == list(fresh.rings_around(group, 24))
        nested = [
            (gap, [g for g, _ in shared.rings_around(group, 24)][:2]) for gap, _ in shared.rings_around(group, 24)
        ]
        assert [gap for gap, _ in nested] == [gap for gap, _ in fresh.rings_around(group, 24)]
