"""The bot's reading of the board agrees with the rules it reads."""

from __future__ import annotations

import pytest

from game.ai.assess import EXACT_UP_TO, Strike, WarForecast, battle, forecast_war, pile_on_odds
from game.core import new_match, odds
from game.core.combat import repelled
from tests.builder import level_of
from tests.worlds import crossroads


@pytest.mark.parametrize(
    ("a", "d", "f"), [(1, 1, 1.0), (5, 3, 1.5), (12, 9, 1.25), (7, 7, 2.0), (EXACT_UP_TO, 30, 1.0)]
)
def test_small_battles_are_weighed_exactly_as_the_dice_roll(a: int, d: int, f: float) -> None:
    exact = odds(a, d, f)
    chance, losses = battle(a, d, f)
    assert chance == pytest.approx(exact.attacker_wins)
    assert losses == pytest.approx(exact.expected_attacker_losses)
    assert repelled(a, d, f)[0] == pytest.approx(exact.attacker_wins)


@pytest.mark.parametrize("f", [1.0, 1.25, 1.5, 1.875, 2.0, 3.0])
def test_every_battle_up_to_the_exact_limit_agrees_with_the_rules_count(f: float) -> None:
    """The bot works its battles backwards in one table per factor; the rules count each forwards."""
    for a in range(1, EXACT_UP_TO + 1):
        for d in range(1, EXACT_UP_TO + 1):
            exact = odds(a, d, f)
            chance, losses = battle(a, d, f)
            assert abs(chance - exact.attacker_wins) < 1e-12, (a, d)
            assert abs(losses - exact.expected_attacker_losses) < 1e-12 * a, (a, d)


def test_a_repelled_attack_leaves_a_probability_for_every_defender_count() -> None:
    outcome = repelled(4, 5, 1.25)
    assert sum(outcome) == pytest.approx(1.0)


def test_big_battles_are_weighed_on_a_scaled_copy_close_to_the_truth() -> None:
    chance, losses = battle(120, 90, 1.25)
    exact = odds(120, 90, 1.25)
    assert chance == pytest.approx(exact.attacker_wins, abs=0.1)
    assert losses == pytest.approx(exact.expected_attacker_losses, rel=0.15)


def test_several_attacks_on_one_target_do_better_than_the_first_alone() -> None:
    alone = pile_on_odds((4,), 6, 1.0)
    assert alone == pytest.approx(odds(4, 6, 1.0).attacker_wins)
    assert pile_on_odds((4, 4), 6, 1.0) > alone
    assert pile_on_odds((4, 4, 4), 6, 1.0) > pile_on_odds((4, 4), 6, 1.0)
    assert pile_on_odds((3,), 0, 1.0) == 1.0 and pile_on_odds((), 3, 1.0) == 0.0


def _war_on_middle(west: int, middle: int) -> WarForecast:
    """West, allied to Wessex (a balancer of the rules), weighs a war on Middle."""
    pact = [{"id": "wx", "name": "Wessex Pact", "members": ["west", "wessex"], "cohesion": 50}]
    world = crossroads("balancer", west=west, middle=middle, wessex=3, alliances=pact)
    world["garrisons"].append({"territory": "w2", "nation": "west", "strength": 2})
    match = new_match(level_of(world), 1)
    return forecast_war(match, Strike("west", "w2", "n1", 2, 0.5, 0.0))


def test_a_war_counts_only_the_allies_that_would_answer_its_call_to_arms() -> None:
    # A balancer will not help the stronger side: strong West fights alone ...
    assert _war_on_middle(west=20, middle=1).allies == ()
    # ... but is called in against a Middle that outweighs West.
    assert _war_on_middle(west=2, middle=30).allies == ("wessex",)


def test_a_treaty_scoped_against_someone_else_brings_no_joiner_into_the_war() -> None:
    def forecast(against: list[str]) -> WarForecast:
        guard = [{"id": "g", "name": "Guard", "members": ["middle", "wessex"], "cohesion": 60, "against": against}]
        world = crossroads("balancer", west=3, middle=2, wessex=9, alliances=guard)
        world["garrisons"].append({"territory": "w2", "nation": "west", "strength": 2})
        return forecast_war(new_match(level_of(world), 1), Strike("west", "w2", "n1", 2, 0.5, 0.0))

    assert forecast([]).callers == ("wessex",)
    assert forecast(["east"]).callers == ()
