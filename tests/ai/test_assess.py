"""The bot's reading of the board agrees with the rules it reads."""

from __future__ import annotations

import pytest

from game.ai.assess import EXACT_UP_TO, battle, pile_on_odds
from game.core import odds
from game.core.combat import repelled


@pytest.mark.parametrize(
    ("a", "d", "f"), [(1, 1, 1.0), (5, 3, 1.5), (12, 9, 1.25), (7, 7, 2.0), (EXACT_UP_TO, 30, 1.0)]
)
def test_small_battles_are_weighed_exactly_as_the_dice_roll(a: int, d: int, f: float) -> None:
    exact = odds(a, d, f)
    chance, losses = battle(a, d, f)
    assert chance == pytest.approx(exact.attacker_wins)
    assert losses == pytest.approx(exact.expected_attacker_losses)
    assert repelled(a, d, f)[0] == pytest.approx(exact.attacker_wins)


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
