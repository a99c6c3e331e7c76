"""The bandwagoner, the AI players meet: it plays the doctrine of the weak, and plays it legally.

West is the bot's seat; East attacks, courts and is courted (see tests/worlds.py).
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from game.ai import BandwagonerBot
from game.ai.bandwagoner import DIFFICULTIES
from game.core import apply, current_seat, new_match, state_hash
from game.core.actions import (
    Attack,
    EndTurn,
    HonourDuty,
    InviteToAlliance,
    Move,
    PassTheBuck,
    ProposeAlliance,
    Recruit,
)
from tests.builder import Game, level_of
from tests.worlds import crossroads, level, nation

ALLIED = [{"id": "pact", "name": "Western Pact", "members": ["west", "middle"], "cohesion": 50}]


def attacked_ally(west: int, east: int) -> Game:
    """East attacks Middle, West's ally, with ``east`` troops; West has ``west`` at home. West to play."""
    game = Game.from_level(crossroads("balancer", west=west, east=1, middle=1, alliances=ALLIED))
    game.end_turn()
    game.give_forces("e2", east=east)
    game.act(Attack(nation="east", source="e2", target="n2", amount=east))
    game.play_until_seat(0, at_least_one=True)
    return game


def first_choice(game: Game, difficulty: str = "normal") -> object:
    return BandwagonerBot(difficulty).choose(game.match, game.seat, random.Random(1))


@pytest.mark.parametrize("difficulty", list(DIFFICULTIES))
def test_it_passes_the_buck_when_the_aggressor_is_stronger(difficulty: str) -> None:
    game = attacked_ally(west=2, east=30)
    duty = game.duty_of("west")
    assert first_choice(game, difficulty) == PassTheBuck(nation="west", duty=duty.id)


@pytest.mark.parametrize("difficulty", list(DIFFICULTIES))
def test_it_honours_its_duty_when_the_aggressor_is_weaker(difficulty: str) -> None:
    game = attacked_ally(west=30, east=2)
    duty = game.duty_of("west")
    assert first_choice(game, difficulty) == HonourDuty(nation="west", duty=duty.id)


def test_it_courts_a_bandwagoner_that_would_follow_it() -> None:
    # West is the stronger side: the bandwagoner in the middle would accept, so West offers.
    game = Game.from_level(crossroads("bandwagoner", west=20, east=2, middle=6))
    choice = first_choice(game)
    assert isinstance(choice, (ProposeAlliance, InviteToAlliance)) and choice.to == "middle"
    apply(game.match, choice)
    assert not game.match.alliances, "a nation of the rules answers when the round ends"
    events = game.act(EndTurn(), EndTurn())
    [answer] = [e for e in game.events_of("offer_answered", events) if e.recipient == "middle"]
    assert answer.accepted, "the middle nation accepted, as its doctrine said it would"
    assert any({"west", "middle"} <= set(al.members) for al in game.match.alliances.values())


def test_it_does_not_court_a_bandwagoner_that_would_refuse() -> None:
    game = Game.from_level(crossroads("bandwagoner", west=2, east=20, middle=6))
    choice = first_choice(game)
    assert not isinstance(choice, (ProposeAlliance, InviteToAlliance))


def two_prey_world() -> Game:
    """Two weak neighbours of West: Alba alone, and Brigia, guaranteed by mighty Gallia next door.

    ::

        W1 W2 A1 .
         W3 B1 G1 G2
    """
    rows = ["W1 W2 A1 E1", "W3 B1 G1 G2"]
    territories = {
        "W1": ("west", 3, "plains"),
        "W2": ("west", 2, "plains"),
        "W3": ("west", 2, "plains"),
        "A1": ("alba", 2, "plains"),
        "B1": ("brigia", 2, "plains"),
        "G1": ("gallia", 3, "plains"),
        "G2": ("gallia", 3, "plains"),
        "E1": ("east", 3, "plains"),
    }
    nations = [
        nation("west", "West", ideology="liberal", capital="w1"),
        nation("east", "East", ideology="authoritarian", capital="e1"),
        nation("alba", "Alba", doctrine="neutral", capital="a1"),
        nation("brigia", "Brigia", doctrine="neutral", capital="b1"),
        nation("gallia", "Gallia", doctrine="balancer", capital="g1", credibility=90),
    ]
    garrisons = {
        "w1": {"west": 4},
        "w2": {"west": 8},
        "w3": {"west": 8},
        "a1": {"alba": 1},
        "b1": {"brigia": 1},
        "g1": {"gallia": 40},
        "e1": {"east": 6},
    }
    return Game.from_level(level(rows, territories, nations, garrisons, guarantees=[("gallia", "brigia")]))


def test_it_piles_onto_the_isolated_target_and_leaves_the_guarded_one_alone() -> None:
    game = two_prey_world()
    bot = BandwagonerBot("normal")
    targets = []
    for _ in range(12):
        action = bot.choose(game.match, 0, random.Random(1))
        if isinstance(action, EndTurn):
            break
        if isinstance(action, Attack):
            targets.append(game.match.owner[action.target])
        apply(game.match, action)
    assert "alba" in targets
    assert "brigia" not in targets, "Gallia would honour its guarantee with a superior army"


def test_its_capital_keeps_a_garrison_against_an_enemy_stack_next_door() -> None:
    game = Game.from_level(crossroads("neutral", west=10, east=1, middle=1))
    game.give_forces("w2", east=0, west=0).give_forces("n1", middle=0)
    # An East army stands next to West's capital (on West's own soil: East took W2).
    game.match.owner["w2"] = "east"
    game.give_forces("w2", east=9)
    bot = BandwagonerBot("normal")
    while True:
        action = bot.choose(game.match, 0, random.Random(1))
        if isinstance(action, EndTurn):
            break
        apply(game.match, action)
    assert game.match.forces["w1"].get("west", 0) >= 9


def test_choosing_never_changes_the_match() -> None:
    game = two_prey_world()
    before = state_hash(game.match)
    log = len(game.match.log)
    for difficulty in DIFFICULTIES:
        BandwagonerBot(difficulty).choose(game.match, 0, random.Random(3))
    assert state_hash(game.match) == before and len(game.match.log) == log


def test_it_ends_its_turn_when_it_is_not_its_turn() -> None:
    game = two_prey_world()
    assert BandwagonerBot().choose(game.match, 1, random.Random(1)) == EndTurn()


def test_difficulties_differ_in_skill_not_in_bonuses() -> None:
    easy, normal, hard = (DIFFICULTIES[d] for d in ("easy", "normal", "hard"))
    assert easy.blunder > normal.blunder == hard.blunder == 0
    assert not easy.foresee_duties and normal.foresee_duties and hard.foresee_duties
    assert easy.candidates < normal.candidates < hard.candidates


def test_an_unknown_difficulty_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown difficulty 'brutal'"):
        BandwagonerBot("brutal")


def test_it_recruits_with_money_to_spend() -> None:
    game = Game.from_level(level_of(crossroads("neutral", west=3, east=3)))
    game.set_treasury("west", 30)
    bot = BandwagonerBot("normal")
    seen = []
    while True:
        action = bot.choose(game.match, 0, random.Random(1))
        if isinstance(action, EndTurn):
            break
        seen.append(action)
        apply(game.match, action)
    assert any(isinstance(a, Recruit) for a in seen)
    assert game.match.treasury["west"] < 3


def home_guard_after_turn(round_: int) -> int:
    """West's capital garrison after its turn, with an East army two steps away and East rich.

    In round 1 West opens, so East plays twice (last in round 1, first in round 2) before
    West's next turn; in round 2 East opens and West answers, so East plays only once.
    """
    game = Game.from_level(crossroads("neutral", west=12, east=1, middle=0))
    game.play_until_seat(0, at_least_one=round_ > 1)
    assert game.match.round == round_
    game.match.owner["n1"] = "east"  # East took N1: its army stands two steps from W1
    game.give_forces("n1", middle=0, east=6).give_forces("w2", west=0).give_forces("w1", west=12)
    game.set_treasury("west", 0).set_treasury("east", 30)
    bot = BandwagonerBot("normal")
    while not isinstance(action := bot.choose(game.match, 0, random.Random(1)), EndTurn):
        apply(game.match, action)
    return game.match.forces["w1"].get("west", 0)


def test_its_capital_braces_for_the_other_seat_playing_twice() -> None:
    # East could take W2, recruit there and strike at W1 before West plays again.
    assert home_guard_after_turn(1) == 12


def test_its_capital_does_not_send_away_troops_it_must_call_back() -> None:
    # East plays once before West's next turn, but twice after it: troops marched out now
    # would have to march straight back, so they stay.
    assert home_guard_after_turn(2) == 12


def test_the_same_position_is_not_played_the_same_way_in_every_match(levels_dir: Path) -> None:
    # Close choices fall differently from match to match, so a player cannot learn one line.
    # The tutorial's opening is mostly diplomacy and guarding the capital, so few choices are
    # close; without whims all ten matches open the same way.
    level = level_of(levels_dir / "tutorial.json")
    lines = set()
    for seed in range(10):
        match = new_match(level, seed)
        bot = BandwagonerBot("normal")
        line = []
        while match.round <= 3:
            seat = current_seat(match)
            action = bot.choose(match, seat, random.Random(0))
            apply(match, action)
            if isinstance(action, Attack | Move | Recruit):
                line.append(action)
        lines.add(tuple(line))
    assert len(lines) >= 2
