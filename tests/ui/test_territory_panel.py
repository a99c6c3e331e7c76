"""The territory panel's owner line names nation and side once each."""

from __future__ import annotations

from pathlib import Path

from game.core import new_match
from game.io.levels import load_level
from game.ui.panels.territory import owner_line

LEVELS = Path(__file__).parents[2] / "levels"


def test_a_seat_named_after_its_only_nation_is_not_named_twice() -> None:
    tutorial = new_match(load_level(LEVELS / "tutorial.json"))
    seat = tutorial.level.seats[0]
    assert owner_line(tutorial, seat.nations[0]) == f"{seat.name} (seat 1)"


def test_a_nation_of_a_coalition_names_its_side() -> None:
    continent = new_match(load_level(LEVELS / "continent.json"))
    assert owner_line(continent, "austria_hungary") == "Austria-Hungary · Central Powers (seat 1)"
