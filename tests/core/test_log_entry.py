"""The log keeps each action as ``model_dump(mode="json")`` gives it, whichever way it was built.

``actions.log_entry`` reads the plain kinds' fields straight from the model instead of asking
pydantic: a save, a replay and undo read those entries back, so the two must agree to the key
and the type, for an action validated from a file and for one the rules built unchecked.
"""

from __future__ import annotations

import json
import random
from typing import get_args

import pytest

from game.ai import make_bot
from game.ai.arena import play_match
from game.ai.random_bot import RandomBot
from game.core import apply, current_seat, new_match, parse_action
from game.core.actions import Action, JointExercise, OfferGuarantee, ProposeAlliance, log_entry
from game.core.unchecked import built
from game.io.levels import load_level
from tests.golden.playthrough import LEVELS, MATCHES, ROOT

KINDS = get_args(get_args(Action)[0])


def _same(action: object) -> None:
    entry = log_entry(action)  # type: ignore[arg-type]
    expected = action.model_dump(mode="json")  # type: ignore[attr-defined]
    assert entry == expected
    assert list(entry) == list(expected)  # the same order: a save written from it reads the same
    assert json.dumps(entry) == json.dumps(expected)  # and the same types (a bool stays a bool)


@pytest.mark.parametrize("level", LEVELS)
def test_every_action_of_a_golden_playthrough_is_logged_as_pydantic_writes_it(level: str) -> None:
    loaded = load_level(ROOT / level)
    for a, b, seed in MATCHES[:2]:
        played, _ = play_match(loaded, (make_bot(a), make_bot(b)), seed)
        for entry in played.log:
            validated = parse_action(entry)
            assert entry == validated.model_dump(mode="json")
            _same(validated)
            _same(built(type(validated), **{k: v for k, v in validated.__dict__.items() if k != "kind"}))


def test_the_random_bots_actions_are_logged_as_pydantic_writes_them() -> None:
    level = load_level(ROOT / "levels" / "continent.json")
    bot, rng = RandomBot(), random.Random(3)
    m = new_match(level, 3, controllers=("random", "random"))
    seen: set[type] = set()
    while (seat := current_seat(m)) is not None and len(m.log) < 400:
        action = bot.choose(m, seat, rng)
        _same(action)
        seen.add(type(action))
        apply(m, action)
        assert m.log[-1] == action.model_dump(mode="json")
    assert len(seen) >= 8  # the draw reaches most kinds


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.__name__)
def test_each_kind_with_its_optional_fields_left_out_and_given(kind: type) -> None:
    fields = {
        "nation": "fr",
        "territory": "paris",
        "amount": 2,
        "source": "a",
        "target": "b",
        "to": "de",
        "name": "Entente",
        "alliance": "entente",
        "offer": 4,
        "accept": True,
        "treaty": "entente",
        "duty": 7,
        "enemy": "ru",
        "call": 9,
        "join": False,
        "partner": "be",
    }
    given = {k: v for k, v in fields.items() if k in kind.model_fields}
    required = {k: v for k, v in given.items() if kind.model_fields[k].is_required()}
    for values in (required, given):
        _same(kind(**values))
        _same(built(kind, **values))
    if kind in (ProposeAlliance, OfferGuarantee):  # a scope is written only when it binds
        _same(kind(**required, against=("ru",), territories=()))
    if kind is JointExercise:
        assert log_entry(kind(**required))["territory"] is None
