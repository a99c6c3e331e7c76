"""The random bot: a legal action at random. The baseline every other bot must beat."""

from __future__ import annotations

import random

from game.core import Action, Match
from game.core.actions import AnswerCall, EndTurn, Undo
from game.core.legal import random_action

# Without a stopping rule a random player would spend a turn on endless diplomacy;
# it ends its turn with this probability after each action.
END_TURN_CHANCE = 0.2
_END_TURN = EndTurn()  # actions are frozen: one is as good as another, and validating one each turn cost time


class RandomBot:
    name = "random"

    def choose(self, view: Match, seat: int, rng: random.Random) -> Action:
        # A call to arms is answered at once, at random, so none lapses because the coin said End turn.
        if view.calls:
            calls = [c for c in sorted(view.calls.values(), key=lambda c: c.id) if view.seat_of.get(c.ally) == seat]
            if calls:
                return AnswerCall(nation=calls[0].ally, call=calls[0].id, join=rng.random() < 0.5)
        if rng.random() < END_TURN_CHANCE:
            return _END_TURN
        return random_action(view, seat, rng, skip=(Undo,))
