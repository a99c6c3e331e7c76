"""What every action must pass before its own rules: the acting nation, the other party, a place.

Each check raises an :class:`~game.core.errors.IllegalAction` subclass with the player's
words and changes nothing; handlers run them before they touch the match.
"""

from __future__ import annotations

from game.core import world as w
from game.core.errors import IllegalAction, NotYourTurn, UnknownId
from game.core.ids import NationId, TerritoryId
from game.core.state import Match


def acting_nation(m: Match, nation: NationId) -> None:
    """The nation exists, belongs to the seat whose turn it is, and is still in the game."""
    if nation not in m.index.nation_name:
        raise UnknownId(f"unknown nation '{nation}'")
    if m.seat_of.get(nation) != m.seat:
        raise NotYourTurn(f"{w.nation_name(m, nation)} is not played by seat {m.seat + 1}")
    if nation in m.eliminated:
        raise NotYourTurn(f"{w.nation_name(m, nation)} has been eliminated")


def counterpart(m: Match, nation: NationId, to: NationId) -> None:
    """The other party of an offer or of aid: a real nation, another one, still in the game."""
    if to not in m.index.nation_name:
        raise UnknownId(f"unknown nation '{to}'")
    if to == nation:
        raise IllegalAction("a nation cannot make a treaty with itself")
    if to in m.eliminated:
        raise UnknownId(f"{w.nation_name(m, to)} has been eliminated")


def territory(m: Match, territory: TerritoryId) -> None:
    if territory not in m.owner:
        raise UnknownId(f"unknown territory '{territory}'")
