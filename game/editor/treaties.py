"""Treaties in force when the level starts (alliances, guarantees, non-aggression pacts) and
wars already being fought.

Each returns a new Level and raises :class:`EditError` (changing nothing) for an unknown
or duplicate id, a treaty that already exists or one that names a nation twice.

An alliance or guarantee may carry a scope (casus foederis): ``against``, the only nations
whose attack raises its duty, and ``territories``, the only land where an attack does. An
empty list sets no limit; :func:`update_alliance` and :func:`update_guarantee` set and clear them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from game.core.level import Alliance, Guarantee, Level, Pact, Treaties, War
from game.editor import checks
from game.editor.errors import EditError

T = TypeVar("T", Alliance, Guarantee)


def add_alliance(
    level: Level,
    alliance_id: str,
    name: str,
    members: Sequence[str],
    collective_defence: bool = True,
    cohesion: int = 50,
) -> Level:
    """A new alliance of two or more nations; ``collective_defence`` is Article 5."""
    checks.new_id((a.id for a in level.treaties.alliances), alliance_id, "alliance")
    _check_members(level, members)
    alliance = checks.validated(
        Alliance,
        {
            "id": alliance_id,
            "name": name,
            "members": list(members),
            "collective_defence": collective_defence,
            "cohesion": cohesion,
        },
        "alliance",
    )
    return _with(level, alliances=[*level.treaties.alliances, alliance])


def update_alliance(
    level: Level,
    alliance_id: str,
    *,
    new_id: str | None = None,
    name: str | None = None,
    members: Sequence[str] | None = None,
    collective_defence: bool | None = None,
    cohesion: int | None = None,
    against: Sequence[str] | None = None,
    territories: Sequence[str] | None = None,
) -> Level:
    """Change an alliance's fields (None leaves one alone; an empty scope list clears that limit)."""
    index = checks.alliance_index(level, alliance_id)
    old = level.treaties.alliances[index]
    if new_id is not None and new_id != old.id:
        checks.new_id((a.id for a in level.treaties.alliances), new_id, "alliance")
    if members is not None:
        _check_members(level, members)
    _check_scope(level, members if members is not None else old.members, against, territories)
    new = checks.changed(
        old,
        "alliance",
        id=new_id,
        name=name,
        members=list(members) if members is not None else None,
        collective_defence=collective_defence,
        cohesion=cohesion,
        against=list(against) if against is not None else None,
        territories=list(territories) if territories is not None else None,
    )
    return _with(level, alliances=checks.replaced(level.treaties.alliances, index, new))


def remove_alliance(level: Level, alliance_id: str) -> Level:
    """End an alliance. Allied troops it let stand abroad stay, and ``level_problems`` flags them."""
    checks.alliance_index(level, alliance_id)
    return _with(level, alliances=[a for a in level.treaties.alliances if a.id != alliance_id])


def add_guarantee(level: Level, guarantor: str, guaranteed: str) -> Level:
    """``guarantor`` takes a one-way duty to defend ``guaranteed``."""
    _check_pair(level, guarantor, guaranteed)
    if _guarantee_index(level, guarantor, guaranteed) is not None:
        raise EditError(f"'{guarantor}' already guarantees '{guaranteed}'")
    guarantee = Guarantee(guarantor=guarantor, guaranteed=guaranteed)
    return _with(level, guarantees=[*level.treaties.guarantees, guarantee])


def update_guarantee(
    level: Level,
    guarantor: str,
    guaranteed: str,
    *,
    against: Sequence[str] | None = None,
    territories: Sequence[str] | None = None,
) -> Level:
    """Set a guarantee's scope (None leaves a limit alone; an empty list clears it)."""
    index = _guarantee_index(level, guarantor, guaranteed)
    if index is None:
        raise EditError(f"'{guarantor}' does not guarantee '{guaranteed}'")
    _check_scope(level, (guarantor, guaranteed), against, territories)
    old = level.treaties.guarantees[index]
    new = checks.changed(
        old,
        "guarantee",
        against=list(against) if against is not None else None,
        territories=list(territories) if territories is not None else None,
    )
    return _with(level, guarantees=checks.replaced(level.treaties.guarantees, index, new))


def renamed_in_scopes(
    level: Level, *, nation: tuple[str, str] | None = None, territory: tuple[str, str] | None = None
) -> Level:
    """Scopes follow a nation's or territory's new id: ``(old, new)``."""

    def swap(ids: list[str], pair: tuple[str, str] | None) -> list[str]:
        return [pair[1] if pair is not None and i == pair[0] else i for i in ids]

    return _map_scopes(level, lambda ids: swap(ids, nation), lambda ids: swap(ids, territory))


def dropped_from_scopes(level: Level, *, nation: str | None = None, territory: str | None = None) -> Level:
    """Scopes forget a nation or territory that no longer exists (a scope left empty sets no limit)."""
    return _map_scopes(
        level, lambda ids: [i for i in ids if i != nation], lambda ids: [i for i in ids if i != territory]
    )


def _map_scopes(
    level: Level, against: Callable[[list[str]], list[str]], area: Callable[[list[str]], list[str]]
) -> Level:
    def mapped(treaty: T) -> T:
        changes = {"against": against(treaty.against), "territories": area(treaty.territories)}
        if changes == {"against": treaty.against, "territories": treaty.territories}:
            return treaty
        return treaty.model_copy(update=changes)

    treaties = level.treaties
    return _with(
        level,
        alliances=[mapped(a) for a in treaties.alliances],
        guarantees=[mapped(g) for g in treaties.guarantees],
    )


def remove_guarantee(level: Level, guarantor: str, guaranteed: str) -> Level:
    index = _guarantee_index(level, guarantor, guaranteed)
    if index is None:
        raise EditError(f"'{guarantor}' does not guarantee '{guaranteed}'")
    guarantees = list(level.treaties.guarantees)
    del guarantees[index]
    return _with(level, guarantees=guarantees)


def add_pact(level: Level, a: str, b: str) -> Level:
    """A non-aggression pact between ``a`` and ``b``."""
    _check_pair(level, a, b)
    if _pact_index(level, a, b) is not None:
        raise EditError(f"'{a}' and '{b}' already have a non-aggression pact")
    return _with(level, pacts=[*level.treaties.pacts, Pact(members=[a, b])])


def remove_pact(level: Level, a: str, b: str) -> Level:
    index = _pact_index(level, a, b)
    if index is None:
        raise EditError(f"'{a}' and '{b}' have no non-aggression pact")
    pacts = list(level.treaties.pacts)
    del pacts[index]
    return _with(level, pacts=pacts)


def add_war(level: Level, aggressor: str, target: str) -> Level:
    """A war already under way when the level starts, ``aggressor`` having declared it."""
    _check_pair(level, aggressor, target)
    if _war_index(level, aggressor, target) is not None:
        raise EditError(f"'{aggressor}' and '{target}' are already at war")
    return level.model_copy(update={"wars": [*level.wars, War(aggressor=aggressor, target=target)]})


def remove_war(level: Level, a: str, b: str) -> Level:
    index = _war_index(level, a, b)
    if index is None:
        raise EditError(f"'{a}' and '{b}' are not at war")
    wars = list(level.wars)
    del wars[index]
    return level.model_copy(update={"wars": wars})


def _check_members(level: Level, members: Sequence[str]) -> None:
    checks.known_nations(level, members)
    if len(set(members)) != len(members):
        raise EditError("an alliance names each member once")
    if len(members) < 2:
        raise EditError("an alliance needs at least two members")


def _check_scope(
    level: Level, parties: Sequence[str], against: Sequence[str] | None, territories: Sequence[str] | None
) -> None:
    if against is not None:
        checks.known_nations(level, against)
        if len(set(against)) != len(against):
            raise EditError("a scope names each nation once")
        named = next((n for n in against if n in parties), None)
        if named is not None:
            raise EditError(f"'{named}' is party to the treaty: a treaty never binds against its own")
    if territories is not None:
        for tid in territories:
            checks.territory_index(level, tid)
        if len(set(territories)) != len(territories):
            raise EditError("a scope names each territory once")


def _check_pair(level: Level, a: str, b: str) -> None:
    checks.known_nations(level, (a, b))
    if a == b:
        raise EditError(f"a treaty needs two different nations, not '{a}' twice")


def _guarantee_index(level: Level, guarantor: str, guaranteed: str) -> int | None:
    for index, g in enumerate(level.treaties.guarantees):
        if g.guarantor == guarantor and g.guaranteed == guaranteed:
            return index
    return None


def _pact_index(level: Level, a: str, b: str) -> int | None:
    for index, pact in enumerate(level.treaties.pacts):
        if set(pact.members) == {a, b}:
            return index
    return None


def _war_index(level: Level, a: str, b: str) -> int | None:
    for index, war in enumerate(level.wars):
        if {war.aggressor, war.target} == {a, b}:
            return index
    return None


def _with(level: Level, **changes: object) -> Level:
    treaties: Treaties = level.treaties.model_copy(update=changes)
    return level.model_copy(update={"treaties": treaties})
