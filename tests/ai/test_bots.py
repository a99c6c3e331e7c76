"""Every bot, on every test level: never an illegal action, never a changed view, the same game from the same seed."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest

from game.ai import BOT_NAMES, GreedyBot, UnknownBot, make_bot
from game.ai.arena import play_match
from game.core import Level, state_hash
from game.core.actions import Attack, EndTurn, HonourDuty, Recruit
from tests.builder import FIXTURES_DIR, Game, level_of
from tests.small_world import small_world
from tests.worlds import crossroads

SHORT_ROUNDS = 6


def short(source: dict[str, Any]) -> Level:
    """The level with a short round limit: many games, little time."""
    data = json.loads(json.dumps(source))
    data["round_limit"] = SHORT_ROUNDS
    return level_of(data)


def fixture_levels() -> list[Any]:
    levels = [pytest.param(short(small_world()), id="small_world")]
    for path in sorted(FIXTURES_DIR.glob("*.json")):
        levels.append(pytest.param(short(json.loads(Path(path).read_text())), id=path.name))
    return levels


class Watchful:
    """Wraps a bot: checks that each action it picks is legal and that choosing left the match alone."""

    def __init__(self, name: str) -> None:
        self.bot = make_bot(name)
        self.name = name
        self.choices = 0

    def choose(self, view: Any, seat: int, rng: random.Random) -> Any:
        before = state_hash(view)
        action = self.bot.choose(view, seat, rng)
        assert state_hash(view) == before, f"{self.name} changed the match while choosing"
        from game.core import is_legal

        assert isinstance(action, EndTurn) or is_legal(view, action), f"{self.name} chose an illegal {action}"
        self.choices += 1
        return action


@pytest.mark.parametrize("level", fixture_levels())
@pytest.mark.parametrize("name", ["random", "greedy", "bandwagoner:easy", "bandwagoner:normal", "bandwagoner:hard"])
def test_a_bot_only_ever_submits_legal_actions(level: Level, name: str) -> None:
    opponents = ["random", "greedy", "bandwagoner"]
    for seed in range(10):
        bots = (Watchful(name), Watchful(opponents[seed % 3]))
        if seed % 2:
            bots = (bots[1], bots[0])
        match, _ = play_match(level, bots, seed)  # raises BotMisbehaved on an illegal action
        assert match.outcome is not None
        assert getattr(bots[0].bot, "fallbacks", 0) == 0 and getattr(bots[1].bot, "fallbacks", 0) == 0


@pytest.mark.parametrize("name", ["greedy", "bandwagoner:easy", "bandwagoner:normal", "bandwagoner:hard"])
def test_the_same_seed_plays_the_same_game(name: str) -> None:
    level = short(small_world())
    first, _ = play_match(level, (make_bot(name), make_bot("random")), 7)
    second, _ = play_match(level, (make_bot(name), make_bot("random")), 7)
    assert state_hash(first) == state_hash(second)
    assert first.log == second.log


def test_a_different_seed_plays_a_different_game() -> None:
    level = short(small_world())
    games = {state_hash(play_match(level, (make_bot("greedy"), make_bot("random")), seed)[0]) for seed in range(4)}
    assert len(games) > 1


def test_bots_are_made_by_name() -> None:
    for name in BOT_NAMES:
        assert make_bot(name).name.startswith(name.split(":")[0])
    assert make_bot("bandwagoner").name == "bandwagoner:normal"
    assert make_bot(" Bandwagoner:HARD ").name == "bandwagoner:hard"


@pytest.mark.parametrize("name", ["minimax", "bandwagoner:brutal", "greedy:hard", ""])
def test_an_unknown_bot_name_is_refused_with_the_names_that_exist(name: str) -> None:
    with pytest.raises(UnknownBot, match="choose from random, greedy, bandwagoner"):
        make_bot(name)


def test_the_greedy_bot_takes_the_best_odds_capture_by_victory_value() -> None:
    game = Game.from_level(crossroads("neutral", west=1, east=3, middle=0))
    game.give_forces("w2", west=6)
    action = GreedyBot().choose(game.match, 0, random.Random(1))
    assert action == Attack(nation="west", source="w2", target="n1", amount=6)


def test_the_greedy_bot_recruits_on_its_most_threatened_border_then_ends_its_turn() -> None:
    game = Game.from_level(crossroads("neutral", west=1, east=1, middle=9))
    game.set_treasury("west", 9)
    game.match.wars.add(frozenset(("west", "middle")))
    bot = GreedyBot()
    assert bot.choose(game.match, 0, random.Random(1)) == Recruit(nation="west", territory="w2", amount=3)
    game.act(Recruit(nation="west", territory="w2", amount=3))
    assert bot.choose(game.match, 0, random.Random(1)) == EndTurn()


def test_the_greedy_bot_honours_its_duties() -> None:
    allied = [{"id": "pact", "name": "Western Pact", "members": ["west", "middle"], "cohesion": 50}]
    game = Game.from_level(crossroads("balancer", east=1, middle=1, alliances=allied))
    game.end_turn()
    game.give_forces("e2", east=3)
    game.act(Attack(nation="east", source="e2", target="n2", amount=3))
    game.play_until_seat(0)
    duty = game.duty_of("west")
    assert GreedyBot().choose(game.match, 0, random.Random(1)) == HonourDuty(nation="west", duty=duty.id)


@pytest.mark.parametrize("bot_name", ["random", "greedy", "bandwagoner:easy", "bandwagoner:normal", "bandwagoner:hard"])
def test_every_bot_answers_a_call_to_arms_instead_of_letting_it_lapse(bot_name: str) -> None:
    from game.ai.registry import make_bot
    from game.core import apply
    from tests.core.test_calls import reckless_world

    game = reckless_world(middle=4, east=3, west=20)
    game.give_forces("n2", middle=12)
    game.end_turn()
    game.end_turn()
    game.play_until_seat(0, at_least_one=False)
    assert game.match.calls, "the reckless ally should have called West in"
    bot, rng, turn = make_bot(bot_name), random.Random(3), game.match.turn
    events = []
    while game.match.turn == turn and game.match.phase == "seat":
        events += apply(game.match, bot.choose(game.match, 0, rng))
    answered = [e for e in events if e.kind == "call_answered" and e.nation == "west"]
    assert answered and not any(e.expired for e in answered)
