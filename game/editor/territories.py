"""Territory operations: create, change, delete; capitals and starting garrisons.

Each returns a new Level and raises :class:`EditError` (changing nothing) for an unknown
or duplicate id or a value out of range.
"""

from __future__ import annotations

from collections.abc import Iterable

from game.core.hexgrid import Cell
from game.core.level import SEA, Garrison, Level, Nation, Terrain, Territory
from game.editor import checks, grid
from game.editor.errors import EditError
from game.editor.treaties import dropped_from_scopes, renamed_in_scopes

MAX_STRENGTH = 10_000


def create_territory(
    level: Level,
    territory_id: str,
    name: str,
    code: str,
    owner: str,
    value: int = 1,
    terrain: Terrain = "plains",
    cells: Iterable[Cell] = (),
) -> Level:
    """A new territory owned by ``owner``, marked ``code`` on the map; ``cells`` are painted with it."""
    checks.new_id((t.id for t in level.territories), territory_id, "territory")
    _check_code_free(level, code)
    checks.nation_index(level, owner)
    territory = checks.validated(
        Territory,
        {"id": territory_id, "name": name, "code": code, "owner": owner, "value": value, "terrain": terrain},
        "territory",
    )
    update: dict[str, object] = {"territories": [*level.territories, territory]}
    cells = list(cells)
    if cells:
        update["map"] = grid.with_tokens(level.map, grid.painted(grid.read_tokens(level.map), cells, code))
    return level.model_copy(update=update)


def update_territory(
    level: Level,
    territory_id: str,
    *,
    new_id: str | None = None,
    name: str | None = None,
    code: str | None = None,
    owner: str | None = None,
    value: int | None = None,
    terrain: Terrain | None = None,
) -> Level:
    """Change a territory's fields (None leaves one alone). What follows from each change:

    - ``new_id``: capitals, garrisons and treaty scopes that name it follow the new id;
    - ``code``: its cells on the map are rewritten with the new code;
    - ``owner``: the troops the old owner kept there pass to the new owner with the land,
      and if it was the old owner's capital, the old owner has no capital until one is set.
    """
    index = checks.territory_index(level, territory_id)
    old = level.territories[index]
    if new_id is not None and new_id != old.id:
        checks.new_id((t.id for t in level.territories), new_id, "territory")
    if code is not None and code != old.code:
        _check_code_free(level, code)
    if owner is not None:
        checks.nation_index(level, owner)
    new = checks.changed(old, "territory", id=new_id, name=name, code=code, owner=owner, value=value, terrain=terrain)
    if new == old:
        return level
    update: dict[str, object] = {"territories": checks.replaced(level.territories, index, new)}
    nations, garrisons = level.nations, level.garrisons
    if new.owner != old.owner:
        nations = [_without_capital(n, old.id) if n.id == old.owner else n for n in nations]
        garrisons = _merge_garrisons(garrisons, old.id, old.owner, new.owner)
    if new.id != old.id:
        nations = [n.model_copy(update={"capital": new.id}) if n.capital == old.id else n for n in nations]
        garrisons = [g.model_copy(update={"territory": new.id}) if g.territory == old.id else g for g in garrisons]
    if new.code != old.code:
        tokens = grid.replace_token(grid.read_tokens(level.map), old.code, new.code)
        update["map"] = grid.with_tokens(level.map, tokens)
    update["nations"] = nations
    update["garrisons"] = garrisons
    level = level.model_copy(update=update)
    return renamed_in_scopes(level, territory=(old.id, new.id)) if new.id != old.id else level


def delete_territory(level: Level, territory_id: str) -> Level:
    """Remove a territory: its cells become sea; garrisons in it, capitals naming it and its place in
    treaty scopes go too."""
    index = checks.territory_index(level, territory_id)
    old = level.territories[index]
    tokens = grid.replace_token(grid.read_tokens(level.map), old.code, SEA)
    level = level.model_copy(
        update={
            "territories": [t for t in level.territories if t.id != territory_id],
            "map": grid.with_tokens(level.map, tokens),
            "nations": [_without_capital(n, territory_id) for n in level.nations],
            "garrisons": [g for g in level.garrisons if g.territory != territory_id],
        }
    )
    return dropped_from_scopes(level, territory=territory_id)


def set_capital(level: Level, nation: str, territory: str | None) -> Level:
    """Make ``territory`` the nation's capital (None: no capital). It must be the nation's own."""
    index = checks.nation_index(level, nation)
    if territory is not None:
        owner = checks.territory(level, territory).owner
        if owner != nation:
            raise EditError(f"'{territory}' belongs to '{owner}': a capital must be the nation's own territory")
    updated = level.nations[index].model_copy(update={"capital": territory})
    return level.model_copy(update={"nations": checks.replaced(level.nations, index, updated)})


def set_garrison(level: Level, territory: str, nation: str, strength: int) -> Level:
    """The starting forces of ``nation`` in ``territory``; strength 0 removes them.

    A nation other than the owner may stand there only as the owner's ally;
    ``level_problems`` reports it otherwise, since the alliance may be added next.
    """
    checks.territory_index(level, territory)
    checks.nation_index(level, nation)
    if isinstance(strength, bool) or not isinstance(strength, int) or not 0 <= strength <= MAX_STRENGTH:
        raise EditError(f"a garrison's strength must be a whole number from 0 to {MAX_STRENGTH}, not {strength!r}")
    garrisons: list[Garrison] = []
    placed = False
    for g in level.garrisons:
        if g.territory == territory and g.nation == nation:
            # A hand-written file may list the same troops twice: the first entry takes the new strength.
            if strength and not placed:
                garrisons.append(g.model_copy(update={"strength": strength}))
            placed = True
        else:
            garrisons.append(g)
    if strength and not placed:
        garrisons.append(Garrison(territory=territory, nation=nation, strength=strength))
    return level.model_copy(update={"garrisons": garrisons})


def _check_code_free(level: Level, code: str) -> None:
    if code == SEA:
        raise EditError("'.' marks sea on the map: a territory needs another code")
    for t in level.territories:
        if t.code == code:
            raise EditError(f"the code '{code}' already marks territory '{t.id}'")


def _without_capital(nation: Nation, territory: str) -> Nation:
    return nation.model_copy(update={"capital": None}) if nation.capital == territory else nation


def _merge_garrisons(garrisons: list[Garrison], territory: str, old: str, new: str) -> list[Garrison]:
    """The old owner's troops in ``territory`` become the new owner's, added to any already there."""
    moving = sum(g.strength for g in garrisons if g.territory == territory and g.nation == old)
    if not moving:
        return garrisons
    out: list[Garrison] = []
    merged = False
    for g in garrisons:
        if g.territory == territory and g.nation in (old, new):
            if not merged:
                total = sum(h.strength for h in garrisons if h.territory == territory and h.nation in (old, new))
                out.append(Garrison(territory=territory, nation=new, strength=min(total, MAX_STRENGTH)))
                merged = True
        else:
            out.append(g)
    return out
