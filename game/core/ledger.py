"""Who owns what and who stands where, with each nation's totals kept beside the map.

The rules ask "what land does this nation hold, how many troops does it have, where do they
stand" thousands of times a turn (power, income, threat, every listing of legal actions), and
the answer used to be a scan of every territory. These two mappings keep the answer current
as the map changes, so each question is a lookup: the map is written a few times a turn and
read all the time.

They are dicts, so every reader (the snapshot, the UI, the bots, a test that sets a stack by
hand) reads and writes them as before; only writes pass through the bookkeeping. Writes that
would bypass it (``update``, ``setdefault``, ``popitem``) are refused rather than left to
corrupt the totals. ``tests/core/test_ledger.py`` recounts after every action of the golden
playthroughs.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, NoReturn

from game.core.ids import NationId, TerritoryId


def _refused(*_: Any, **__: Any) -> NoReturn:
    raise TypeError("write one entry at a time (m[key] = value), so the totals stay true")


class Holdings(dict[TerritoryId, NationId]):
    """Territory -> owner, with each nation's land (in map order, on demand) kept beside it."""

    __slots__ = ("land", "order", "version", "_sorted", "_worth", "_rim")

    def __init__(self, items: Mapping[TerritoryId, NationId] | Iterable[tuple[TerritoryId, NationId]] = ()) -> None:
        super().__init__(items)
        self.order: dict[TerritoryId, int] = {t: i for i, t in enumerate(self)}
        self.land: dict[NationId, dict[TerritoryId, None]] = {}
        for territory, nation in dict.items(self):
            self.land.setdefault(nation, {})[territory] = None
        self._sorted: dict[NationId, list[TerritoryId]] = {}
        self._worth: dict[NationId, int] = {}
        self._rim: dict[NationId, frozenset[TerritoryId]] = {}
        self.version = 0  # counts the changes: what was worked out from the map at one count holds until the next

    def __setitem__(self, territory: TerritoryId, nation: NationId) -> None:
        old = dict.get(self, territory)
        if old == nation:
            return
        self.version += 1
        if old is not None:
            del self.land[old][territory]
            self._sorted.pop(old, None)
            self._worth.pop(old, None)
            self._rim.pop(old, None)
        elif territory not in self.order:
            self.order[territory] = len(self.order)
        dict.__setitem__(self, territory, nation)
        self.land.setdefault(nation, {})[territory] = None
        self._sorted.pop(nation, None)
        self._worth.pop(nation, None)
        self._rim.pop(nation, None)

    def territories_of(self, nation: NationId) -> list[TerritoryId]:
        """The nation's land in map order (the order the level lists it), as a scan of the map gave it."""
        found = self._sorted.get(nation)
        if found is None:
            order = self.order
            found = self._sorted[nation] = sorted(self.land.get(nation, ()), key=order.__getitem__)
        return list(found)

    def worth(self, nation: NationId, values: Mapping[TerritoryId, int]) -> int:
        """The summed ``values`` of the nation's land (a match's values never change, so it is kept)."""
        found = self._worth.get(nation)
        if found is None:
            found = self._worth[nation] = sum(values[t] for t in self.land.get(nation, ()))
        return found

    def rim(self, nation: NationId, adjacent: Mapping[TerritoryId, frozenset[TerritoryId]]) -> frozenset[TerritoryId]:
        """The territories touching the nation's land that it does not hold (the map's adjacency never changes)."""
        found = self._rim.get(nation)
        if found is None:
            land = self.land.get(nation, {})
            found = frozenset(o for t in land for o in adjacent[t] if o not in land)
            self._rim[nation] = found
        return found

    def holds_any(self, nation: NationId) -> bool:
        return bool(self.land.get(nation))

    def copy(self) -> Holdings:
        other = Holdings.__new__(Holdings)
        dict.update(other, self)
        other.order = self.order  # only ever appended to, and a map's territories are fixed
        other.land = {n: dict(ts) for n, ts in self.land.items()}
        other._sorted = dict(self._sorted)  # lists are never handed out, only copies of them
        other._worth = dict(self._worth)
        other._rim = dict(self._rim)
        other.version = 0
        return other

    __delitem__ = pop = popitem = clear = update = setdefault = __ior__ = _refused


class Troops(dict[NationId, int]):
    """The stacks standing in one territory, nation -> strength, reporting every change to its army."""

    __slots__ = ("_army", "_where")
    _army: Army
    _where: TerritoryId

    # No __init__ of its own: a copy is built by dict's constructor in C (an army's copy makes one per
    # territory, once per undoable turn and per look-ahead), then told where it stands.

    @classmethod
    def placed(cls, army: Army, where: TerritoryId, stacks: Mapping[NationId, int]) -> Troops:
        """New stacks standing in ``where``, each counted by ``army``."""
        troops = cls()
        troops._army = army
        troops._where = where
        for nation, strength in stacks.items():
            troops[nation] = strength
        return troops

    def __setitem__(self, nation: NationId, strength: int) -> None:
        old = dict.get(self, nation, 0)
        dict.__setitem__(self, nation, strength)
        self._army._moved(self._where, nation, old, strength)

    def __delitem__(self, nation: NationId) -> None:
        old = dict.pop(self, nation)
        self._army._moved(self._where, nation, old, 0)

    def pop(self, nation: NationId, *default: Any) -> Any:
        if nation not in self:
            if default:
                return default[0]
            raise KeyError(nation)
        old = dict.pop(self, nation)
        self._army._moved(self._where, nation, old, 0)
        return old

    def clear(self) -> None:
        for nation in list(self):
            del self[nation]

    popitem = update = setdefault = __ior__ = _refused


class Army(dict[TerritoryId, Troops]):
    """Territory -> its stacks, with each nation's total strength and the places it stands kept beside it."""

    __slots__ = ("total", "posts", "version")

    def __init__(self, items: Mapping[TerritoryId, Mapping[NationId, int]] | None = None) -> None:
        super().__init__()
        self.total: dict[NationId, int] = {}
        self.posts: dict[NationId, dict[TerritoryId, None]] = {}
        self.version = 0  # counts the changes to any stack, as Holdings.version does the map's
        for territory, stacks in (items or {}).items():
            self[territory] = stacks

    def __setitem__(self, territory: TerritoryId, stacks: Mapping[NationId, int]) -> None:
        old = dict.get(self, territory)
        if old is not None:
            old.clear()
            old._army = _DETACHED  # a stack replaced is no longer on the map: later writes to it count nowhere
        dict.__setitem__(self, territory, Troops.placed(self, territory, stacks))

    def _moved(self, territory: TerritoryId, nation: NationId, old: int, new: int) -> None:
        if old == new:
            return
        self.version += 1
        self.total[nation] = self.total.get(nation, 0) + new - old
        if old > 0 >= new:
            del self.posts[nation][territory]
        elif new > 0 >= old:
            self.posts.setdefault(nation, {})[territory] = None

    def copy(self) -> Army:
        other = Army.__new__(Army)
        placed = {}
        for territory, stacks in dict.items(self):
            troops = Troops(stacks)
            troops._army = other
            troops._where = territory
            placed[territory] = troops
        dict.update(other, placed)  # in C, past the override that would count the stacks again
        other.total = dict(self.total)
        other.posts = {n: dict(ts) for n, ts in self.posts.items()}
        other.version = 0
        return other

    __delitem__ = pop = popitem = clear = update = setdefault = __ior__ = _refused


_DETACHED = Army()
