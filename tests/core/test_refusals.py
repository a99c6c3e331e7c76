"""A refused action says why, and its kind of refusal is a class a caller can catch.

In the small world France (seat 1, West) borders Germany (seat 2); Belgium is France's ally
and guaranteed by it; Germany and Belgium have a non-aggression pact.
"""

from __future__ import annotations

import pytest

from game.core import (
    AlreadyOffered,
    CannotAfford,
    IllegalAction,
    NotYourTurn,
    Shielded,
    UnknownId,
)
from game.core.actions import Attack, EndTurn, HonourDuty, ProposePact, Recruit
from tests.builder import Game
from tests.small_world import small_world


def test_moving_the_other_seats_nation_is_not_your_turn() -> None:
    game = Game.from_level(small_world())
    error = game.refusal(Recruit(nation="germany", territory="berlin", amount=1))
    assert isinstance(error, NotYourTurn) and str(error) == "Germany is not played by seat 1"


def test_nothing_is_your_turn_once_the_match_is_over() -> None:
    game = Game.from_level(small_world())
    game.match.phase = "over"
    assert isinstance(game.refusal(EndTurn()), NotYourTurn)


@pytest.mark.parametrize(
    ("action", "said"),
    [
        (Recruit(nation="prussia", territory="paris", amount=1), "unknown nation 'prussia'"),
        (Recruit(nation="france", territory="lyon", amount=1), "unknown territory 'lyon'"),
        (HonourDuty(nation="france", duty=99), "there is no open duty #99"),
    ],
    ids=["nation", "territory", "duty"],
)
def test_an_id_that_names_nothing_is_unknown(action: object, said: str) -> None:
    error = Game.from_level(small_world()).refusal(action)  # type: ignore[arg-type]
    assert isinstance(error, UnknownId) and str(error) == said


def test_recruiting_beyond_the_treasury_cannot_be_afforded() -> None:
    game = Game.from_level(small_world()).set_treasury("france", 5)
    error = game.refusal(Recruit(nation="france", territory="paris", amount=2))
    assert isinstance(error, CannotAfford)
    assert str(error) == "recruiting 2 costs 6, but the treasury holds 5"


def test_attacking_with_more_troops_than_are_ready_cannot_be_afforded() -> None:
    game = Game.from_level(small_world())
    assert isinstance(game.refusal(Attack(nation="france", source="paris", target="alsace", amount=9)), CannotAfford)


def test_an_ally_is_shielded_from_attack() -> None:
    game = Game.from_level(small_world())
    error = game.refusal(Attack(nation="france", source="paris", target="brussels", amount=1))
    assert isinstance(error, Shielded)
    assert str(error) == "Belgium is an ally of France: leave the alliance first"


def test_the_same_offer_twice_in_a_turn_is_already_offered() -> None:
    game = Game.from_level(small_world())
    game.act(ProposePact(nation="france", to="germany"))
    error = game.refusal(ProposePact(nation="france", to="germany"))
    assert isinstance(error, AlreadyOffered)


def test_every_refusal_is_still_a_value_error_for_callers_that_catch_broadly() -> None:
    for kind in (NotYourTurn, UnknownId, CannotAfford, Shielded, AlreadyOffered):
        assert issubclass(kind, IllegalAction) and issubclass(kind, ValueError)
