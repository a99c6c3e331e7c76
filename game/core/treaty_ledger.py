"""Who is allied with whom and who fights whom, with each nation's answer kept beside the treaties.

"Are these two allied?", "which alliances is this nation in?" and "whom is it at war with?"
are asked tens of thousands of times in a match (every listing of moves, every doctrine's
measure, every bot's look-ahead), and each answer used to be a scan of every alliance or
every war. Treaties change a few times a round, so each answer is worked out once after a
change and then looked up.

As with :mod:`game.core.ledger`, these are the plain containers every reader already uses (a
dict of alliances, a list of members, a set of wars); only their writes pass through the
bookkeeping, which forgets the answers so the next question works them out afresh.
``tests/core/test_treaty_ledger.py`` compares them with a scan after every action of the golden
playthroughs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Generic, NoReturn, Protocol, SupportsIndex, TypeVar

from game.core.ids import NationId, TreatyId


class _Alliance(Protocol):
    members: list[NationId]


AllianceState = TypeVar("AllianceState", bound=_Alliance)  # game.core.state.AllianceState


def _refused(*_: Any, **__: Any) -> NoReturn:
    raise TypeError("write one entry at a time, so the kept answers stay true")


class Members(list[NationId]):
    """An alliance's members: a list that tells its alliance book when it changes."""

    __slots__ = ("changed",)

    def __init__(self, nations: Iterable[NationId] = (), changed: Callable[[], None] | None = None) -> None:
        super().__init__(nations)
        self.changed = changed

    def _told(self) -> None:
        if self.changed is not None:
            self.changed()

    def append(self, nation: NationId) -> None:
        super().append(nation)
        self._told()

    def extend(self, nations: Iterable[NationId]) -> None:
        super().extend(nations)
        self._told()

    def insert(self, index: SupportsIndex, nation: NationId) -> None:
        super().insert(index, nation)
        self._told()

    def remove(self, nation: NationId) -> None:
        super().remove(nation)
        self._told()

    def pop(self, index: SupportsIndex = -1) -> NationId:
        nation = super().pop(index)
        self._told()
        return nation

    def clear(self) -> None:
        super().clear()
        self._told()

    def __setitem__(self, index: Any, value: Any) -> None:
        super().__setitem__(index, value)
        self._told()

    def __delitem__(self, index: Any) -> None:
        super().__delitem__(index)
        self._told()

    def __iadd__(self, nations: Iterable[NationId]) -> Members:  # type: ignore[override,misc]
        self.extend(nations)
        return self

    __imul__ = _refused


class Alliances(dict[TreatyId, AllianceState], Generic[AllianceState]):
    """Treaty id -> alliance, with each nation's alliances and allies worked out once per change."""

    __slots__ = ("_of", "_allies", "version")

    def __init__(self, items: Any = ()) -> None:
        super().__init__()
        self._of: dict[NationId, tuple[AllianceState, ...]] | None = None
        self._allies: dict[NationId, frozenset[NationId]] = {}
        self.version = 0  # counts the changes of membership (not of cohesion, which no kept answer reads)
        for key, alliance in dict(items).items():
            self[key] = alliance

    def forget(self) -> None:
        """A treaty or a member changed: every kept answer is worked out again when next asked."""
        self._of = None
        self._allies = {}
        self.version += 1

    def __setitem__(self, key: TreatyId, alliance: AllianceState) -> None:
        dict.__setitem__(self, key, alliance)
        members = alliance.members
        if isinstance(members, Members):  # always: AllianceState keeps its members a Members list
            members.changed = self.forget
        self.forget()

    def __delitem__(self, key: TreatyId) -> None:
        dict.__delitem__(self, key)
        self.forget()

    def pop(self, key: TreatyId, *default: Any) -> Any:
        if key not in self and default:
            return default[0]
        alliance = dict.pop(self, key)
        self.forget()
        return alliance

    def clear(self) -> None:
        dict.clear(self)
        self.forget()

    popitem = update = setdefault = __ior__ = _refused

    def of(self, nation: NationId) -> tuple[AllianceState, ...]:
        """The nation's alliances, in the order the match made them."""
        found = self._of
        if found is None:
            index: dict[NationId, list[AllianceState]] = {}
            for alliance in self.values():
                for member in dict.fromkeys(alliance.members):
                    index.setdefault(member, []).append(alliance)
            found = self._of = {n: tuple(als) for n, als in index.items()}
        return found.get(nation, ())

    def allies(self, nation: NationId) -> frozenset[NationId]:
        """Every nation sharing an alliance with ``nation`` (itself not included)."""
        found = self._allies.get(nation)
        if found is None:
            found = frozenset(n for al in self.of(nation) for n in al.members if n != nation)
            self._allies[nation] = found
        return found


class Wars(set[frozenset[NationId]]):
    """The pairs at war, with each nation's enemies (sorted) worked out once per change."""

    __slots__ = ("_enemies",)

    def __init__(self, pairs: Iterable[frozenset[NationId]] = ()) -> None:
        super().__init__(pairs)
        self._enemies: dict[NationId, tuple[NationId, ...]] | None = None

    def add(self, pair: frozenset[NationId]) -> None:
        set.add(self, pair)
        self._enemies = None

    def discard(self, pair: frozenset[NationId]) -> None:  # type: ignore[override]
        set.discard(self, pair)
        self._enemies = None

    def remove(self, pair: frozenset[NationId]) -> None:
        set.remove(self, pair)
        self._enemies = None

    def clear(self) -> None:
        set.clear(self)
        self._enemies = None

    pop = update = difference_update = intersection_update = symmetric_difference_update = _refused
    __ior__ = __iand__ = __isub__ = __ixor__ = _refused

    def enemies(self, nation: NationId) -> tuple[NationId, ...]:
        """Whom ``nation`` is at war with, sorted by id."""
        found = self._enemies
        if found is None:
            index: dict[NationId, set[NationId]] = {}
            for pair in self:
                for side in pair:
                    index.setdefault(side, set()).update(n for n in pair if n != side)
            found = self._enemies = {n: tuple(sorted(foes)) for n, foes in index.items()}
        return found.get(nation, ())
