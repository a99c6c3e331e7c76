"""The map's rows as a grid of tokens: read, change cell by cell, write back aligned.

A level's ``map.rows`` are text a designer may have typed by hand, so reading is
forgiving (missing cells are sea, extra ones dropped) and writing is tidy: every
token padded to the widest one, so the columns line up in the file::

    >>> format_rows([["P", ".", "Be"], ["Ly", "P", "."]])
    ['P  .  Be', 'Ly P  .']
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from game.core.hexgrid import Cell, from_axial, neighbours, to_axial
from game.core.level import SEA, HexMap

Tokens = list[list[str]]
"""``tokens[row][col]``: the code of the territory a cell belongs to, or ``.`` for sea."""


def read_tokens(grid: HexMap) -> Tokens:
    """The grid as ``height`` rows of ``width`` tokens; short rows are filled with sea."""
    tokens: Tokens = []
    for row in range(grid.height):
        line = grid.rows[row].split() if row < len(grid.rows) else []
        line = line[: grid.width]
        tokens.append(line + [SEA] * (grid.width - len(line)))
    return tokens


def format_rows(tokens: Tokens) -> list[str]:
    """Rows of text with every token padded to the same width, so columns align."""
    width = max((len(token) for row in tokens for token in row), default=1)
    return [" ".join(token.ljust(width) for token in row).rstrip() for row in tokens]


def with_tokens(grid: HexMap, tokens: Tokens) -> HexMap:
    """A new HexMap holding ``tokens`` (its size taken from them)."""
    height = len(tokens)
    width = len(tokens[0]) if tokens else grid.width
    return HexMap(width=width, height=height, rows=format_rows(tokens))


def in_grid(grid: HexMap, cell: Cell) -> bool:
    col, row = cell
    return 0 <= col < grid.width and 0 <= row < grid.height


def hex_disc(centre: Cell, radius: int) -> list[Cell]:
    """Every cell within ``radius`` steps of ``centre`` (radius 0: the cell itself), row by row.

    >>> len(hex_disc((3, 3), 1)), len(hex_disc((3, 3), 2))
    (7, 19)
    """
    q0, r0 = to_axial(centre)
    cells = []
    for dr in range(-radius, radius + 1):
        for dq in range(max(-radius, -dr - radius), min(radius, -dr + radius) + 1):
            cells.append(from_axial(q0 + dq, r0 + dr))
    return sorted(cells, key=lambda c: (c[1], c[0]))


def region(tokens: Tokens, start: Cell) -> set[Cell]:
    """The cells connected to ``start`` through edges that carry the same token (a flood fill)."""
    height, width = len(tokens), len(tokens[0]) if tokens else 0
    col, row = start
    token = tokens[row][col]
    seen = {start}
    stack = [start]
    while stack:
        for c, r in neighbours(stack.pop()):
            if 0 <= c < width and 0 <= r < height and (c, r) not in seen and tokens[r][c] == token:
                seen.add((c, r))
                stack.append((c, r))
    return seen


def cells_with(tokens: Tokens, token: str) -> Iterator[Cell]:
    for row, line in enumerate(tokens):
        for col, value in enumerate(line):
            if value == token:
                yield col, row


def replace_token(tokens: Tokens, old: str, new: str) -> Tokens:
    """A copy of ``tokens`` with every ``old`` changed to ``new``."""
    return [[new if token == old else token for token in line] for line in tokens]


def painted(tokens: Tokens, cells: Iterable[Cell], token: str) -> Tokens:
    """A copy of ``tokens`` with ``cells`` set to ``token``; cells outside the grid are skipped."""
    out = [list(line) for line in tokens]
    height, width = len(out), len(out[0]) if out else 0
    for col, row in cells:
        if 0 <= col < width and 0 <= row < height:
            out[row][col] = token
    return out
