"""Hex geometry for pointy-top hexes in "odd-r" offset coordinates.

A cell is ``(col, row)``; odd rows sit half a hex to the right. Offset
coordinates were chosen because a level's map is written as rows of text, and
row ``r``, column ``c`` of that text is exactly cell ``(c, r)``. Distances and
pixel conversion go through axial coordinates, where the maths is simple.

>>> sorted(neighbours((1, 1)))
[(0, 1), (1, 0), (1, 2), (2, 0), (2, 1), (2, 2)]
>>> distance((0, 0), (3, 0))
3
"""

from __future__ import annotations

import math
from typing import TypeAlias

Cell: TypeAlias = tuple[int, int]
"""A hex cell as ``(col, row)`` in odd-r offset coordinates."""

SQRT3 = math.sqrt(3.0)

_EVEN_ROW_STEPS: tuple[Cell, ...] = ((1, 0), (0, -1), (-1, -1), (-1, 0), (-1, 1), (0, 1))
_ODD_ROW_STEPS: tuple[Cell, ...] = ((1, 0), (1, -1), (0, -1), (-1, 0), (0, 1), (1, 1))


def neighbours(cell: Cell) -> tuple[Cell, ...]:
    """The six cells that share an edge with ``cell`` (unbounded grid), in the order of the row's steps.

    Written out rather than looped: building a map's geography asks this hundreds of thousands of times.
    """
    col, row = cell
    if row & 1:  # _ODD_ROW_STEPS
        return (col + 1, row), (col + 1, row - 1), (col, row - 1), (col - 1, row), (col, row + 1), (col + 1, row + 1)
    # _EVEN_ROW_STEPS
    return (col + 1, row), (col, row - 1), (col - 1, row - 1), (col - 1, row), (col - 1, row + 1), (col, row + 1)


def to_axial(cell: Cell) -> tuple[int, int]:
    """Offset ``(col, row)`` to axial ``(q, r)``."""
    col, row = cell
    return col - (row - (row & 1)) // 2, row


def from_axial(q: int, r: int) -> Cell:
    """Axial ``(q, r)`` to offset ``(col, row)``."""
    return q + (r - (r & 1)) // 2, r


def distance(a: Cell, b: Cell) -> int:
    """Number of steps between two cells."""
    aq, ar = to_axial(a)
    bq, br = to_axial(b)
    dq, dr = aq - bq, ar - br
    return (abs(dq) + abs(dr) + abs(dq + dr)) // 2


def to_pixel(cell: Cell, size: float) -> tuple[float, float]:
    """Centre of ``cell`` in pixels, for hexes of circumradius ``size``, cell (0, 0) at the origin."""
    col, r = cell
    q = col - (r - (r & 1)) // 2  # to_axial, inline: a map's first frame asks this for every cell, several times
    return size * SQRT3 * (q + r / 2.0), size * 1.5 * r


def from_pixel(x: float, y: float, size: float) -> Cell:
    """The cell whose hexagon contains the point ``(x, y)``: the inverse of :func:`to_pixel`."""
    qf = (SQRT3 / 3.0 * x - y / 3.0) / size
    rf = (2.0 / 3.0 * y) / size
    return from_axial(*_axial_round(qf, rf))


def corners(cell: Cell, size: float) -> list[tuple[float, float]]:
    """The six corners of a pointy-top hexagon, clockwise from the top."""
    cx, cy = to_pixel(cell, size)
    points = []
    for i in range(6):
        angle = math.radians(60 * i - 90)
        points.append((cx + size * math.cos(angle), cy + size * math.sin(angle)))
    return points


def edge_between(a: Cell, b: Cell, size: float) -> tuple[tuple[float, float], tuple[float, float]]:
    """The two end points of the edge shared by neighbouring cells ``a`` and ``b``."""
    ax, ay = to_pixel(a, size)
    bx, by = to_pixel(b, size)
    mx, my = (ax + bx) / 2.0, (ay + by) / 2.0
    # The shared edge is perpendicular to the centre line, one hex side long.
    dx, dy = bx - ax, by - ay
    length = math.hypot(dx, dy)
    px, py = -dy / length * size / 2.0, dx / length * size / 2.0
    return (mx + px, my + py), (mx - px, my - py)


def _axial_round(qf: float, rf: float) -> tuple[int, int]:
    sf = -qf - rf
    q, r, s = round(qf), round(rf), round(sf)
    dq, dr, ds = abs(q - qf), abs(r - rf), abs(s - sf)
    if dq > dr and dq > ds:
        q = -r - s
    elif dr > ds:
        r = -q - s
    return q, r
