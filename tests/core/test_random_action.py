"""A random legal action, drawn without listing them all, is a fair draw from the full list.

The random bot (and anyone else who wants one action at random) calls
``random_action``: it must only ever give a legal action, must be able to give every one, and
must give each as often as picking from ``list(legal_actions(...))`` would.
"""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest

from game.ai import RandomBot
from game.core import Match, apply, current_seat, legal_actions, new_match, state_hash
from game.core.actions import Undo
from game.core.legal import random_action
from game.io.levels import load_level

ROOT = Path(__file__).resolve().parents[2]


def positions(level: str, seed: int, stops: int) -> list[Match]:
    """Matches in progress: a random match, copied every few actions."""
    m = new_match(load_level(ROOT / level), seed)
    rng, bot, found = random.Random(seed), RandomBot(), []
    step = 0
    while current_seat(m) is not None and len(found) < stops:
        apply(m, bot.choose(m, current_seat(m), rng))  # type: ignore[arg-type]
        step += 1
        if step % 7 == 0:
            found.append(m.clone())
    return found


CASES = [("levels/tutorial.json", 1), ("levels/continent.json", 2), ("tests/fixtures/nato_1956.json", 3)]


@pytest.mark.parametrize(("level", "seed"), CASES)
def test_the_draw_gives_every_legal_action_and_nothing_else_each_about_equally_often(level: str, seed: int) -> None:
    for m in positions(level, seed, stops=4):
        seat = current_seat(m)
        assert seat is not None
        listed = Counter(a.model_dump_json() for a in legal_actions(m, seat) if not isinstance(a, Undo))
        assert all(n == 1 for n in listed.values())
        draws = 40 * len(listed)
        rng = random.Random(seed)
        drawn = Counter(random_action(m, seat, rng, skip=(Undo,)).model_dump_json() for _ in range(draws))
        assert set(drawn) == set(listed)
        assert min(drawn.values()) > 40 / 3 and max(drawn.values()) < 40 * 3


def test_the_draw_leaves_the_match_as_it_was() -> None:
    m = positions("levels/continent.json", 5, stops=1)[0]
    before = m.clone()
    random_action(m, current_seat(m), random.Random(0))  # type: ignore[arg-type]

    assert state_hash(m) == state_hash(before)
