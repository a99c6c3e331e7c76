"""Hex geometry: the map a player clicks on must agree with the map the rules walk."""

from __future__ import annotations

import math
from collections import deque

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.core.hexgrid import (
    Cell,
    corners,
    distance,
    edge_between,
    from_pixel,
    neighbours,
    to_pixel,
)

# Negative coordinates and both row parities: odd-r offsets treat odd and even rows differently.
coords = st.integers(min_value=-500, max_value=500)
cells = st.tuples(coords, coords)
sizes = st.floats(min_value=4.0, max_value=200.0, allow_nan=False, allow_infinity=False)

INNER_RADIUS = math.sqrt(3.0) / 2.0  # per unit of circumradius


def close(p: tuple[float, float], q: tuple[float, float], size: float) -> bool:
    return math.dist(p, q) <= 1e-6 * max(size, 1.0)


@given(cells)
def test_every_cell_has_six_different_neighbours_one_step_away(cell: Cell) -> None:
    around = list(neighbours(cell))
    assert len(set(around)) == 6
    assert cell not in around
    assert all(distance(cell, other) == 1 for other in around)


@given(cells)
def test_a_cell_is_a_neighbour_of_each_of_its_neighbours(cell: Cell) -> None:
    for other in neighbours(cell):
        assert cell in set(neighbours(other)), f"{other} does not see {cell} back"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ((1, 1), {(0, 1), (1, 0), (1, 2), (2, 0), (2, 1), (2, 2)}),  # odd row: shifted right
        ((2, 2), {(1, 1), (1, 2), (1, 3), (2, 1), (2, 3), (3, 2)}),  # even row
        ((0, -1), {(-1, -1), (0, -2), (1, -2), (1, -1), (0, 0), (1, 0)}),  # odd negative row
    ],
    ids=["odd row", "even row", "negative odd row"],
)
def test_neighbours_follow_the_odd_rows_shifted_right_layout(cell: Cell, expected: set[Cell]) -> None:
    assert set(neighbours(cell)) == expected


@given(cells, cells)
def test_distance_is_the_same_both_ways(a: Cell, b: Cell) -> None:
    assert distance(a, b) == distance(b, a)


@given(cells, cells)
def test_distance_is_zero_only_from_a_cell_to_itself(a: Cell, b: Cell) -> None:
    assert distance(a, a) == 0
    assert (distance(a, b) == 0) == (a == b)
    assert distance(a, b) >= 0


@given(cells, cells, cells)
def test_no_detour_is_shorter_than_the_direct_distance(a: Cell, b: Cell, c: Cell) -> None:
    assert distance(a, c) <= distance(a, b) + distance(b, c)


@pytest.mark.parametrize("start", [(0, 0), (3, 1), (-2, -3)], ids=str)
def test_distance_counts_the_fewest_steps_between_neighbours(start: Cell) -> None:
    steps = {start: 0}
    queue = deque([start])
    while queue:
        cell = queue.popleft()
        if steps[cell] == 5:
            continue
        for other in neighbours(cell):
            if other not in steps:
                steps[other] = steps[cell] + 1
                queue.append(other)
    assert len(steps) == 1 + 3 * 5 * 6  # a hexagon of radius 5
    for cell, count in steps.items():
        assert distance(start, cell) == count, cell


@given(cells, sizes)
def test_the_centre_of_a_cell_maps_back_to_that_cell(cell: Cell, size: float) -> None:
    x, y = to_pixel(cell, size)
    assert from_pixel(x, y, size) == cell


@given(
    cells,
    sizes,
    st.floats(min_value=0.0, max_value=2.0 * math.pi),
    st.floats(min_value=0.0, max_value=0.8),
)
def test_a_click_anywhere_well_inside_a_hex_selects_that_hex(
    cell: Cell, size: float, angle: float, fraction: float
) -> None:
    cx, cy = to_pixel(cell, size)
    reach = fraction * INNER_RADIUS * size
    assert from_pixel(cx + reach * math.cos(angle), cy + reach * math.sin(angle), size) == cell


@given(
    cells,
    sizes,
    st.integers(min_value=0, max_value=5),
    st.floats(min_value=0.0, max_value=1.0),
    st.floats(min_value=0.0, max_value=1.0),
)
def test_a_click_near_a_corner_still_selects_the_hex_it_is_in(
    cell: Cell, size: float, side: int, a: float, b: float
) -> None:
    # A point of the triangle centre-corner-next corner, kept 3% inside the hexagon's outline.
    if a + b > 1.0:
        a, b = 1.0 - a, 1.0 - b
    cx, cy = to_pixel(cell, size)
    (x1, y1), (x2, y2) = corners(cell, size)[side], corners(cell, size)[(side + 1) % 6]
    x = cx + 0.97 * (a * (x1 - cx) + b * (x2 - cx))
    y = cy + 0.97 * (a * (y1 - cy) + b * (y2 - cy))
    assert from_pixel(x, y, size) == cell


@given(cells, sizes)
def test_neighbouring_centres_are_one_hex_width_apart(cell: Cell, size: float) -> None:
    centre = to_pixel(cell, size)
    for other in neighbours(cell):
        assert math.dist(centre, to_pixel(other, size)) == pytest.approx(2 * INNER_RADIUS * size)


@given(cells, sizes)
def test_a_hex_has_six_corners_one_circumradius_from_its_centre(cell: Cell, size: float) -> None:
    centre = to_pixel(cell, size)
    points = corners(cell, size)
    assert len(points) == 6
    assert all(math.dist(centre, p) == pytest.approx(size) for p in points)


@given(cells, sizes)
def test_the_edge_between_neighbours_runs_between_two_corners_they_share(cell: Cell, size: float) -> None:
    mine = corners(cell, size)
    for other in neighbours(cell):
        theirs = corners(other, size)
        start, end = edge_between(cell, other, size)
        assert not close(start, end, size)
        for point in (start, end):
            assert any(close(point, c, size) for c in mine), (other, point)
            assert any(close(point, c, size) for c in theirs), (other, point)
