"""The ids of a match's things, as named types, and the one place treaty ids are made.

Ids are plain strings (and numbers for duties and offers) so that saves and replays stay
readable; the aliases say which kind of id a signature wants, as python-chess's ``Square``
does. A treaty's id is made here only: the level's treaties, an alliance founded mid-match
and every guarantee or pact signed use these functions, so the chronicle, the charts and the
saves can follow a treaty by its id.
"""

from __future__ import annotations

from collections.abc import Container
from typing import TypeAlias

NationId: TypeAlias = str
TerritoryId: TypeAlias = str
TreatyId: TypeAlias = str  # an alliance, a guarantee or a non-aggression pact
DutyId: TypeAlias = int
OfferId: TypeAlias = int
SeatIndex: TypeAlias = int  # 0 or 1


def guarantee_id(guarantor: NationId, guaranteed: NationId) -> TreatyId:
    """A guarantee is one-way, so its id keeps the order: who guarantees, then whom.

    >>> guarantee_id("britain", "belgium")
    'guarantee_britain_belgium'
    """
    return f"guarantee_{guarantor}_{guaranteed}"


def pact_id(a: NationId, b: NationId) -> TreatyId:
    """A pact binds both alike, so its id does not depend on who proposed it.

    >>> pact_id("ussr", "germany") == pact_id("germany", "ussr") == "pact_germany_ussr"
    True
    """
    x, y = sorted((a, b))
    return f"pact_{x}_{y}"


def alliance_id(name: str, taken: Container[str]) -> TreatyId:
    """An id for a new alliance, read from its name and never one already ``taken``.

    ``taken`` holds the live alliances, the dissolved ones (whose ids are never given again)
    and the nations' ids, so that an id always names one thing.

    >>> alliance_id("North Atlantic Treaty", {"north_atlantic_treaty"})
    'north_atlantic_treaty_2'
    >>> alliance_id("1st Entente", set())
    'a_1st_entente'
    """
    base = "".join(c if c.isalnum() else "_" for c in name.lower()).strip("_") or "alliance"
    if not base[0].isalpha():
        base = "a_" + base
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}_{n}", n + 1
    return candidate
