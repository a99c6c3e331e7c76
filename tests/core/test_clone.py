"""A clone is the whole match: every field copied, nothing shared that either side may change."""

from __future__ import annotations

import random
from dataclasses import fields

from game.ai.random_bot import RandomBot
from game.core import Match, apply, current_seat, new_match
from game.core.state import snapshot
from game.io.levels import load_level
from tests.golden.playthrough import ROOT


def _played(rounds: int) -> Match:
    m = new_match(load_level(ROOT / "levels" / "continent.json"), seed=3)
    rng, bot = random.Random(3), RandomBot()
    while (seat := current_seat(m)) is not None and m.round <= rounds:
        apply(m, bot.choose(m, seat, rng))
    return m


def test_a_clone_has_every_field_of_a_match_and_the_same_state() -> None:
    m = _played(4)
    for record in (True, False):
        copy = m.clone(record=record)
        assert set(vars(copy)) == {f.name for f in fields(Match)}
        assert snapshot(copy) == snapshot(m)
    assert m.clone().log == m.log and m.clone().events == m.events


def test_a_clone_plays_on_as_its_original_and_leaves_it_alone() -> None:
    m = _played(3)
    before = snapshot(m)
    copy = m.clone(record=False)
    rng_a, rng_b, bot = random.Random(9), random.Random(9), RandomBot()
    for _ in range(40):
        seat = current_seat(m)
        if seat is None:
            break
        apply(m, bot.choose(m, seat, rng_a))
        apply(copy, bot.choose(copy, seat, rng_b))
        assert snapshot(copy) == snapshot(m)
    assert snapshot(m) != before
    fresh = _played(3)
    assert snapshot(fresh) == before  # the same level, seed and actions make the same match
