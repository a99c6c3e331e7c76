"""Armies of the nations the rules play: a standing army in peace, everything into the field in war.

At peace a nation of the rules recruits only up to rules.NPC_PEACETIME_ARMY_PER_VALUE units
per point of its land's value, and banks at most rules.NPC_WAR_CHEST_ROUNDS rounds of income;
at war it spends all it has. Without the caps they armed without end and froze the map.

The stage is the crossroads of tests/worlds.py: Middle, a neutral nation of the rules, holds
N1 (value 2, its capital) and N2 (value 1) between West and East, who only end their turns.
"""

from __future__ import annotations

from typing import Any

from game.core import rules
from game.core import world as w
from tests.builder import Game
from tests.worlds import crossroads

MIDDLE_LAND = 2 + 1  # the value of N1 and N2
PEACETIME_ARMY = rules.NPC_PEACETIME_ARMY_PER_VALUE * MIDDLE_LAND


def crossroads_game(*, at_war_with_east: bool = False, **setup: Any) -> Game:
    world = crossroads("neutral", **setup)
    world["hegemony_share"] = 1.0
    world["round_limit"] = 30
    if at_war_with_east:
        world["wars"] = [{"aggressor": "east", "target": "middle"}]
    return Game.from_level(world)


def middles_army(game: Game) -> int:
    return sum(game.match.forces[t].get("middle", 0) for t in w.territories_of(game.match, "middle"))


def war_chest(game: Game) -> int:
    return rules.NPC_WAR_CHEST_ROUNDS * w.income(game.match, "middle")


def play_rounds(game: Game, rounds: int) -> list[tuple[int, int, int]]:
    """Let ``rounds`` rounds go by; after each, (Middle's army, its treasury, units it recruited that round)."""
    seen = []
    for _ in range(rounds):
        round_ = game.match.round
        events = game.play_until_seat(game.seat)
        assert game.match.round == round_ + 1 and game.match.outcome is None
        recruited = sum(e.amount for e in game.events_of("recruited", events) if e.nation == "middle")
        seen.append((middles_army(game), game.match.treasury["middle"], recruited))
    return seen


def test_at_peace_a_nation_of_the_rules_recruits_up_to_its_standing_army_and_then_stops() -> None:
    game = crossroads_game(middle=2)
    seen = play_rounds(game, 12)
    armies = [army for army, _, _ in seen]
    assert max(armies) == PEACETIME_ARMY, "it reaches its standing army..."
    assert armies == sorted(armies), "...without ever losing troops at peace..."
    reached = armies.index(PEACETIME_ARMY)
    assert all(recruited == 0 for _, _, recruited in seen[reached + 1 :]), "...and recruits no more once there"


def test_at_peace_a_nation_of_the_rules_banks_no_more_than_its_war_chest() -> None:
    game = crossroads_game(middle=2)
    seen = play_rounds(game, 12)
    assert all(treasury <= war_chest(game) for _, treasury, _ in seen)
    assert seen[-1][1] == war_chest(game), "income it cannot bank is not hoarded: the chest stays full"


def test_a_nation_of_the_rules_above_its_standing_army_keeps_it_but_recruits_nobody() -> None:
    game = crossroads_game(middle=PEACETIME_ARMY + 5).set_treasury("middle", 60)
    seen = play_rounds(game, 4)
    assert [army for army, _, _ in seen] == [PEACETIME_ARMY + 5] * 4
    assert all(recruited == 0 for _, _, recruited in seen)
    assert all(treasury <= war_chest(game) for _, treasury, _ in seen)


def test_at_war_a_nation_of_the_rules_spends_its_whole_treasury_on_troops() -> None:
    game = crossroads_game(at_war_with_east=True, east=40, middle=2).set_treasury("middle", 30)
    income = w.income(game.match, "middle")
    army, treasury, recruited = play_rounds(game, 1)[0]
    assert recruited == (30 + income) // rules.RECRUIT_COST
    assert treasury == (30 + income) % rules.RECRUIT_COST
    assert recruited > PEACETIME_ARMY, "war lifts the peacetime cap"


def test_at_war_a_nation_of_the_rules_never_saves_what_it_could_spend() -> None:
    game = crossroads_game(at_war_with_east=True, east=40, middle=2)
    seen = play_rounds(game, 8)
    assert game.at_war("east", "middle")
    assert all(treasury < rules.RECRUIT_COST for _, treasury, _ in seen)
    assert seen[-1][0] > PEACETIME_ARMY


def test_the_same_treasury_buys_a_standing_army_in_peace_and_everything_it_can_in_war() -> None:
    peace = crossroads_game(east=40, middle=2).set_treasury("middle", 30)
    war = crossroads_game(at_war_with_east=True, east=40, middle=2).set_treasury("middle", 30)
    (peace_army, peace_treasury, _), (war_army, war_treasury, _) = play_rounds(peace, 1)[0], play_rounds(war, 1)[0]
    assert peace_army == PEACETIME_ARMY and peace_treasury == war_chest(peace)
    assert war_army > peace_army and war_treasury < rules.RECRUIT_COST
