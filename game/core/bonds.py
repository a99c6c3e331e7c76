"""Who stands how to whom: every war, truce, alliance, guarantee and pact of a match, as a table's rows.

The diplomacy window's relations table reads this and nothing else, so a truce's rounds left
are the rules' own count (:func:`game.core.treaties.truce_until`), never a screen's sum.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from game.core import treaties
from game.core.ids import NationId, TreatyId
from game.core.state import Match

RelationKind = Literal["war", "truce", "alliance", "guarantee", "pact"]

#: The order the table lists relations in: what can hurt first.
ORDER: tuple[RelationKind, ...] = ("war", "truce", "alliance", "guarantee", "pact")


@dataclass(frozen=True)
class Relation:
    """One bond or enmity between nations.

    ``nations`` are the members of an alliance in its order, a guarantee's (guarantor, guaranteed),
    and for a war, truce or pact the two nations in level order.
    """

    kind: RelationKind
    nations: tuple[NationId, ...]
    #: The alliance, guarantee or pact; None for a war or a truce.
    treaty: TreatyId | None = None
    #: A truce: the first round in which the two may attack each other again.
    until_round: int | None = None
    #: A truce: the rounds still under it, this one included.
    rounds_left: int | None = None


def relations(m: Match) -> list[Relation]:
    """Every relation in force now, wars first, then truces, alliances, guarantees and pacts.

    Within a kind, relations follow the level's order of their first nation (treaties by id),
    so the table reads the same every time it is drawn.

    >>> from game.core.engine import new_match
    >>> from game.core.level import Level
    >>> level = Level.model_validate({
    ...     "title": "Two", "map": {"width": 2, "height": 1, "rows": ["A B"]},
    ...     "nations": [{"id": "x", "name": "X", "colour": "#3050c0", "capital": "a"},
    ...                 {"id": "y", "name": "Y", "colour": "#c03030", "capital": "b"}],
    ...     "seats": [{"name": "West", "nations": ["x"]}, {"name": "East", "nations": ["y"]}],
    ...     "territories": [{"id": "a", "name": "A", "code": "A", "owner": "x", "value": 2},
    ...                     {"id": "b", "name": "B", "code": "B", "owner": "y", "value": 2}],
    ...     "wars": [{"aggressor": "y", "target": "x"}]})
    >>> relations(new_match(level))
    [Relation(kind='war', nations=('x', 'y'), treaty=None, until_round=None, rounds_left=None)]
    """
    position = m.index.position

    def in_order(pair: tuple[NationId, ...]) -> tuple[NationId, ...]:
        return tuple(sorted(pair, key=lambda n: position.get(n, len(position))))

    rows: list[Relation] = []
    for war in m.wars:
        rows.append(Relation("war", in_order(tuple(war))))
    for a, b in m.truces:
        until = treaties.truce_until(m, a, b)
        if until is not None:
            rows.append(Relation("truce", in_order((a, b)), until_round=until, rounds_left=until - m.round))
    for alliance in sorted(m.alliances.values(), key=lambda al: al.id):
        rows.append(Relation("alliance", tuple(alliance.members), alliance.id))
    for gid, (guarantor, guaranteed) in sorted(m.guarantees.items()):
        rows.append(Relation("guarantee", (guarantor, guaranteed), gid))
    for pid, (a, b) in sorted(m.pacts.items()):
        rows.append(Relation("pact", in_order((a, b)), pid))
    rank = {kind: i for i, kind in enumerate(ORDER)}
    # A stable sort: treaties keep their id order within a kind, wars and truces take the level's.
    untreated = [r for r in rows if r.treaty is None]
    untreated.sort(key=lambda r: tuple(position.get(n, 0) for n in r.nations))
    treated = [r for r in rows if r.treaty is not None]
    return sorted(untreated + treated, key=lambda r: rank[r.kind])


def involves(relation: Relation, nations: set[NationId] | frozenset[NationId] | list[NationId]) -> bool:
    """Does any of ``nations`` take part in ``relation``?"""
    return any(n in nations for n in relation.nations)
