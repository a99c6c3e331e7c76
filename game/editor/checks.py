"""What every operation checks before it changes anything: ids that exist, ids that are new,
values in range. Each check raises :class:`EditError` with a sentence for the status bar."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from game.core.level import Level, Nation, Territory
from game.editor.errors import EditError

M = TypeVar("M", bound=BaseModel)


def validated(model: type[M], fields: dict[str, Any], what: str) -> M:
    """``model`` built from ``fields`` under the level file's own rules, or EditError saying what is wrong."""
    try:
        return model.model_validate(fields)
    except ValidationError as err:
        first = err.errors(include_url=False)[0]
        where = ".".join(str(part) for part in first["loc"])
        message = first["msg"][:1].lower() + first["msg"][1:]
        raise EditError(f"{what} {where}: {message}" if where else f"{what}: {message}") from None


def changed(model: M, what: str, **changes: Any) -> M:
    """A validated copy of ``model`` with ``changes`` (those that are None are left alone)."""
    changes = {key: value for key, value in changes.items() if value is not None}
    if not changes:
        return model
    return validated(type(model), {**model.model_dump(), **changes}, what)


def nation_index(level: Level, nation: str) -> int:
    for index, n in enumerate(level.nations):
        if n.id == nation:
            return index
    raise EditError(f"there is no nation '{nation}'")


def nation(level: Level, nation_id: str) -> Nation:
    return level.nations[nation_index(level, nation_id)]


def territory_index(level: Level, territory: str) -> int:
    for index, t in enumerate(level.territories):
        if t.id == territory:
            return index
    raise EditError(f"there is no territory '{territory}'")


def territory(level: Level, territory_id: str) -> Territory:
    return level.territories[territory_index(level, territory_id)]


def alliance_index(level: Level, alliance: str) -> int:
    for index, a in enumerate(level.treaties.alliances):
        if a.id == alliance:
            return index
    raise EditError(f"there is no alliance '{alliance}'")


def known_nations(level: Level, nations: Iterable[str]) -> None:
    for nid in nations:
        nation_index(level, nid)


def new_id(taken: Iterable[str], candidate: str, kind: str) -> None:
    if candidate in set(taken):
        article = "an" if kind[0] in "aeiou" else "a"
        raise EditError(f"there is already {article} {kind} with the id '{candidate}'")


def replaced(items: list[M], index: int, item: M) -> list[M]:
    return [*items[:index], item, *items[index + 1 :]]
