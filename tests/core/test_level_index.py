"""What the rules derive from a level is built once per level, not once per match or per load."""

from __future__ import annotations

from pathlib import Path

from game.core import new_match
from game.io.levels import load_level

CONTINENT = Path(__file__).resolve().parents[2] / "levels" / "continent.json"


def test_every_match_and_every_load_of_one_level_shares_its_index() -> None:
    first = new_match(load_level(CONTINENT), seed=1)
    again = new_match(load_level(CONTINENT), seed=2)  # parsed afresh, as a save's copy of the level is
    assert again.index is first.index
    assert first.clone().index is first.index


def test_a_level_that_differs_gets_its_own_index() -> None:
    level = load_level(CONTINENT)
    changed = level.model_copy(update={"title": level.title + " (edited)"})
    assert new_match(changed, seed=1).index is not new_match(level, seed=1).index
