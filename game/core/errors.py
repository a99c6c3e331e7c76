"""Why an action is refused: a small family of :class:`IllegalAction` subclasses.

Every refusal is an ``IllegalAction`` (a ``ValueError``) whose message says what is wrong in
the player's words; the subclass says which kind of wrong, so a caller can tell "not yet"
from "never" without reading the sentence (python-chess's ``IllegalMoveError`` family).
A refused action changes nothing.
"""

from __future__ import annotations


class IllegalAction(ValueError):
    """The action breaks a rule; the message says which. The match is unchanged."""


class NotYourTurn(IllegalAction):
    """The match is over, or the acting nation is not one the seat to play may move."""


class UnknownId(IllegalAction):
    """The action names a nation, territory, treaty, duty, offer or kind that does not exist (now)."""


class CannotAfford(IllegalAction):
    """The treasury, or the troops ready in a territory, fall short of what the action spends."""


class Shielded(IllegalAction):
    """The target may not be attacked: an ally, a seat-mate or a seat-mate's ally, or under a truce."""


class AlreadyOffered(IllegalAction):
    """That offer was made this turn already, or one like it still waits for an answer."""
