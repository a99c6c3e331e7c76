"""A tiny given/when/then builder for rules tests (Unciv's ``TestGame`` in spirit).

>>> from tests.small_world import small_world
>>> game = Game.from_level(small_world(), seed=1)
>>> game.seat
0
>>> game.give_forces("paris", france=6).set_treasury("france", 30).seat
0

Tests may set a situation up by assigning to the match directly (forces, treasury,
cohesion); from then on they change it only through :func:`game.core.apply`, like a player.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from game.core import IllegalAction, Level, Match, apply, new_match, state_hash
from game.core.actions import Action, EndTurn
from game.core.events import Event
from game.core.state import Duty
from game.io.levels import level_from_data, load_level

FIXTURES_DIR = Path(__file__).resolve().parent / "fixtures"
LevelSource = Level | dict[str, Any] | str | os.PathLike[str]


def level_of(source: LevelSource) -> Level:
    """A validated level from a Level, a decoded JSON dict, a path, or a fixture's file name."""
    if isinstance(source, Level):
        return source
    if isinstance(source, dict):
        return level_from_data(json.loads(json.dumps(source)), "<test level>")
    path = Path(source)
    if not path.exists() and (FIXTURES_DIR / path).exists():
        path = FIXTURES_DIR / path
    return load_level(path)


class Game:
    """A match plus the sentences tests need: act, refuse, end the turn, look at events."""

    def __init__(self, match: Match) -> None:
        self.match = match
        self.last: list[Event] = []

    @classmethod
    def from_level(cls, source: LevelSource, seed: int = 1) -> Game:
        return cls(new_match(level_of(source), seed=seed))

    # -- Given: set a situation up directly -----------------------------------------------

    def set_treasury(self, nation: str, amount: int) -> Game:
        self.match.treasury[nation] = amount
        return self

    def give_forces(self, territory: str, **strengths: int) -> Game:
        """Set the forces in ``territory`` (0 removes a nation's forces), all ready to act."""
        forces = self.match.forces[territory]
        for nation, amount in strengths.items():
            if amount:
                forces[nation] = amount
            else:
                forces.pop(nation, None)
            self.match.spent[territory].pop(nation, None)
        return self

    def set_cohesion(self, alliance: str, cohesion: int) -> Game:
        self.match.alliances[alliance].cohesion = cohesion
        return self

    # -- When: act like a player -----------------------------------------------------------

    def act(self, *actions: Action) -> list[Event]:
        """Apply each action in turn; returns (and remembers) the events of all of them."""
        events: list[Event] = []
        for action in actions:
            events.extend(apply(self.match, action))
        self.last = events
        return events

    def refused(self, action: Action) -> str:
        """Assert the action is illegal and changes nothing; returns the reason given."""
        return str(self.refusal(action))

    def refusal(self, action: Action) -> IllegalAction:
        """Assert the action is illegal and changes nothing; returns the refusal (its class says which kind)."""
        before = self.hash
        log = len(self.match.log)
        with pytest.raises(IllegalAction) as caught:
            apply(self.match, action)
        assert self.hash == before, f"a refused {action.kind} changed the match"
        assert len(self.match.log) == log
        return caught.value

    def end_turn(self) -> list[Event]:
        return self.act(EndTurn())

    def play_until_seat(self, seat: int, *, at_least_one: bool = True) -> list[Event]:
        """End turns until it is ``seat``'s turn (if it is already, a full round unless told otherwise)."""
        events: list[Event] = []
        if at_least_one or self.match.seat != seat:
            events.extend(self.end_turn())
        while self.match.phase == "seat" and self.match.seat != seat:
            events.extend(self.end_turn())
        self.last = events
        return events

    # -- Then: look -----------------------------------------------------------------------

    @property
    def hash(self) -> str:
        return state_hash(self.match)

    @property
    def seat(self) -> int:
        return self.match.seat

    def events_of(self, kind: str, events: Iterable[Event] | None = None) -> list[Any]:
        """Events of one kind among ``events`` (default: the last act), oldest first."""
        return [e for e in (self.last if events is None else events) if e.kind == kind]

    def chronicle_of(self, kind: str) -> list[Any]:
        """Events of one kind in the whole chronicle of the match."""
        return self.events_of(kind, self.match.events)

    def duties_of(self, nation: str) -> list[Duty]:
        return sorted((d for d in self.match.duties.values() if d.nation == nation), key=lambda d: d.id)

    def duty_of(self, nation: str) -> Duty:
        """The one open duty of ``nation`` (fails if it has none or several)."""
        duties = self.duties_of(nation)
        assert len(duties) == 1, f"{nation} has {len(duties)} open duties: {duties}"
        return duties[0]

    def at_war(self, a: str, b: str) -> bool:
        return frozenset((a, b)) in self.match.wars
