"""Levies: a territory with no troops in it is still defended by its people.

The levy is rules.LEVY_PER_VALUE men per point of the territory's value. It stands only
while no troops do, it is what the combat preview counts, and what it loses costs nobody
an army: the people go home and the levy is whole for the next attacker.

The stage is the small world (tests/small_world.py): Paris (France, value 3, urban, a
capital) and Berlin (Germany, value 3, plains, a capital) border each other.
"""

from __future__ import annotations

import random

import pytest

from game.core import apply, odds, rules
from game.core import world as w
from game.core.actions import Attack
from tests.builder import Game
from tests.small_world import small_world

SEEDS = range(2000)


def small_world_game(seed: int = 1) -> Game:
    """The small world; hegemony is out of reach so only a capital can end the match."""
    level = small_world()
    level["hegemony_share"] = 1.0
    return Game.from_level(level, seed=seed)


def germany_with_one_unit_before_empty_paris() -> Game:
    game = small_world_game().give_forces("paris", france=0)
    game.end_turn()
    return game.give_forces("berlin", germany=1)


def test_an_attack_on_a_territory_without_troops_fights_a_levy_of_its_value() -> None:
    game = small_world_game()
    assert w.strength(game.match, "berlin") == 0
    assert w.levy(game.match, "berlin") == w.defenders(game.match, "berlin") == rules.LEVY_PER_VALUE * 3 > 0
    events = game.act(Attack(nation="france", source="paris", target="berlin", amount=3))
    [battle] = game.events_of("battle", events)
    assert battle.defence_strength == rules.LEVY_PER_VALUE * 3
    verdict = "takes" if battle.attacker_won else "fails to take"
    assert battle.text == (
        f"France attacks Berlin with 3 against its levy of {battle.defence_strength} and {verdict} it "
        f"({battle.attacker_losses} lost against {battle.defender_losses})."
    )


def test_one_unit_against_the_levy_of_a_city_usually_fails_as_often_as_the_preview_says() -> None:
    game = germany_with_one_unit_before_empty_paris()
    attack = Attack(nation="germany", source="berlin", target="paris", amount=1)
    preview = w.attack_odds(game.match, "paris", 1)
    wins = 0
    for seed in SEEDS:
        trial = game.match.clone()
        trial.rng = random.Random(seed)
        wins += next(e for e in apply(trial, attack) if e.kind == "battle").attacker_won
    frequency = wins / len(SEEDS)
    # Three townsmen behind walls (urban, capital) against one soldier: about 1 in 90.
    assert preview.attacker_wins < 0.05 and frequency < 0.05
    # 2,000 battles at about 1%: one standard error is about 0.25 points; allow four.
    assert preview.attacker_wins == pytest.approx(frequency, abs=0.01)


def test_what_the_levy_loses_costs_nobody_troops_and_it_stands_whole_for_the_next_attack() -> None:
    game = small_world_game(seed=1).give_forces("paris", france=5)
    before = {t: dict(forces) for t, forces in game.match.forces.items()}
    events = game.act(Attack(nation="france", source="paris", target="berlin", amount=3))
    [battle] = game.events_of("battle", events)
    assert not battle.attacker_won and battle.defender_losses > 0, "seed 1: the levy holds, bloodied"
    after = {t: dict(forces) for t, forces in game.match.forces.items() if t != "paris"}
    assert after == {t: forces for t, forces in before.items() if t != "paris"}
    assert game.match.forces["paris"] == {"france": 5 - battle.attacker_losses}, "only the attacker's own dead"
    assert w.defenders(game.match, "berlin") == w.levy(game.match, "berlin") == battle.defence_strength


def test_a_territory_with_even_one_soldier_is_defended_by_that_soldier_alone() -> None:
    game = small_world_game().give_forces("berlin", germany=1)
    assert w.defenders(game.match, "berlin") == 1, "no levy beside the troops"
    factor = w.defence_factor(game.match, "berlin")
    assert w.attack_odds(game.match, "berlin", 3) == odds(3, 1, factor)
    events = game.act(Attack(nation="france", source="paris", target="berlin", amount=3))
    [battle] = game.events_of("battle", events)
    assert battle.defence_strength == 1
    assert "levy" not in battle.text
    assert " against 1 and " in battle.text


@pytest.mark.parametrize("attackers", [1, 2, 3, 5, 8])
def test_the_preview_of_an_attack_on_empty_land_counts_the_levy(attackers: int) -> None:
    game = small_world_game()
    m = game.match
    levy, factor = w.levy(m, "berlin"), w.defence_factor(m, "berlin")
    assert w.attack_odds(m, "berlin", attackers) == odds(attackers, levy, factor)
    assert w.attack_odds(m, "berlin", attackers).attacker_wins < 1.0, "nothing is taken for certain"
