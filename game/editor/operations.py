"""Map and scenario operations: a blank draft, its size, painting cells, the title and limits.

Every operation takes a Level and returns a new one; the input is never changed, so the
editor can keep old levels as its undo history. Unchanged parts are shared between the
old level and the new one: treat levels as values and never modify one in place. An
operation that changes nothing may return the level it was given.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from game.core.hexgrid import Cell
from game.core.level import MAX_MAP_SIDE, SEA, Level, Seat, TurnOrder
from game.editor import grid
from game.editor.checks import validated
from game.editor.errors import EditError

MAX_SIZE = MAX_MAP_SIDE


def new_level(width: int, height: int, title: str = "Untitled map") -> Level:
    """A blank draft: all sea, no nations, two empty seats. ``level_problems`` lists what it still needs."""
    _check_size(width, height)
    rows = grid.format_rows([[SEA] * width for _ in range(height)])
    return validated(
        Level,
        {
            "title": title,
            "map": {"width": width, "height": height, "rows": rows},
            "nations": [],
            "seats": [{"name": "Seat 1", "nations": []}, {"name": "Seat 2", "nations": []}],
            "territories": [],
        },
        "level",
    )


def resize_map(level: Level, width: int, height: int) -> Level:
    """The map cut or extended with sea at the right and bottom; the top-left corner stays put.

    Territories whose cells all fall outside keep their entry (``level_problems`` reports them
    as having no cells), so nothing about them is lost by accident.
    """
    _check_size(width, height)
    tokens = grid.read_tokens(level.map)
    resized = [
        [tokens[r][c] if r < level.map.height and c < level.map.width else SEA for c in range(width)]
        for r in range(height)
    ]
    return level.model_copy(update={"map": grid.with_tokens(level.map, resized)})


def paint(level: Level, cells: Iterable[Cell], token: str) -> Level:
    """Cells set to ``token``: ``.`` for sea or a territory's code. Cells outside the grid are ignored."""
    _check_token(level, token)
    return _with_tokens(level, grid.painted(grid.read_tokens(level.map), cells, token))


def fill(level: Level, cell: Cell, token: str) -> Level:
    """Flood fill: the connected region of cells sharing ``cell``'s token becomes ``token``.

    A cell outside the grid changes nothing.
    """
    _check_token(level, token)
    if not grid.in_grid(level.map, cell):
        return level
    tokens = grid.read_tokens(level.map)
    return _with_tokens(level, grid.painted(tokens, grid.region(tokens, cell), token))


def brush(cell: Cell, radius: int) -> list[Cell]:
    """The cells a round brush of ``radius`` covers around ``cell`` (0: just the cell).

    Some may lie outside the grid; :func:`paint` ignores those.
    """
    if not 0 <= radius <= MAX_SIZE:
        raise EditError(f"a brush radius must be between 0 and {MAX_SIZE}, not {radius}")
    return grid.hex_disc(cell, radius)


@dataclass(frozen=True)
class Pick:
    """What the eyedropper saw: the cell's token and the territory it belongs to (None for sea)."""

    token: str
    territory: str | None


def eyedropper(level: Level, cell: Cell) -> Pick:
    """The token at ``cell`` and its territory's id, to paint with next."""
    if not grid.in_grid(level.map, cell):
        raise EditError(f"cell {cell} lies outside the {level.map.width}x{level.map.height} map")
    col, row = cell
    token = grid.read_tokens(level.map)[row][col]
    by_code = {t.code: t.id for t in level.territories}
    return Pick(token, by_code.get(token))


def set_meta(
    level: Level,
    *,
    title: str | None = None,
    briefing: str | None = None,
    round_limit: int | None = None,
    hegemony_share: float | None = None,
    turn_order: TurnOrder | None = None,
) -> Level:
    """The level's title, briefing, round limit, hegemony share and turn order (None leaves a field alone)."""
    changes = {
        key: value
        for key, value in {
            "title": title,
            "briefing": briefing,
            "round_limit": round_limit,
            "hegemony_share": hegemony_share,
            "turn_order": turn_order,
        }.items()
        if value is not None
    }
    if not changes:
        return level
    # Validate just these fields against Level's own rules, without re-checking the whole map.
    probe = {
        "title": level.title,
        "briefing": level.briefing,
        "round_limit": level.round_limit,
        "hegemony_share": level.hegemony_share,
        "turn_order": level.turn_order,
        **changes,
        "map": {"width": 1, "height": 1, "rows": ["."]},
        "nations": [],
        "seats": [{"name": "1", "nations": []}, {"name": "2", "nations": []}],
        "territories": [],
    }
    checked = validated(Level, probe, "level")
    return level.model_copy(update={key: getattr(checked, key) for key in changes})


def rename_seat(level: Level, seat: int, name: str) -> Level:
    """The seat's display name ("Central Powers")."""
    if seat not in (0, 1):
        raise EditError(f"a seat is 0 or 1, not {seat}")
    updated = validated(Seat, {"name": name, "nations": list(level.seats[seat].nations)}, "seat")
    seats = list(level.seats)
    seats[seat] = updated
    return level.model_copy(update={"seats": seats})


def _check_size(width: int, height: int) -> None:
    for name, value in (("width", width), ("height", height)):
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_SIZE:
            raise EditError(f"the map's {name} must be a whole number from 1 to {MAX_SIZE}, not {value!r}")


def _check_token(level: Level, token: str) -> None:
    if token != SEA and token not in {t.code for t in level.territories}:
        raise EditError(f"there is no territory with the code '{token}' (paint '.' for sea)")


def _with_tokens(level: Level, tokens: grid.Tokens) -> Level:
    return level.model_copy(update={"map": grid.with_tokens(level.map, tokens)})
