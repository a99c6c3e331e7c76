"""The one thing every bot does: look at the match and choose an action for its seat."""

from __future__ import annotations

import random
from typing import Protocol

from game.core import Action, Match


class Bot(Protocol):
    """A seat's controller. ``choose`` must return an action legal for ``seat`` right now.

    The match is read-only to a bot: it may clone it to look ahead, never change it.
    """

    name: str

    def choose(self, view: Match, seat: int, rng: random.Random) -> Action: ...
