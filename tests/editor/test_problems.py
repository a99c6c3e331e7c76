"""The editor says a draft's problems with the names the player gave, never the file's ids."""

from __future__ import annotations

from game import editor as ops
from game.core import Level, level_problems
from game.editor.problems import problem_line


def draft() -> Level:
    level = ops.new_level(8, 6, "Two shores")
    level = ops.create_nation(level, "nation_1", "North")
    level = ops.create_nation(level, "nation_2", "South")
    level = ops.create_territory(level, "cape", "Cape", "C", "nation_1", cells=ops.brush((1, 1), 1))
    return ops.create_territory(level, "bay", "Bay", "B", "nation_2")


def test_each_problem_names_its_nation_territory_or_seat() -> None:
    level = draft()
    lines = [problem_line(level, p) for p in level_problems(level)]
    assert lines == [
        "Bay (code 'B') has no cells on the map",
        "Seat 1 plays no nation",
        "Seat 2 plays no nation",
    ]


def test_a_capital_owned_by_another_nation_names_both() -> None:
    level = draft()
    nations = [n.model_copy(update={"capital": "cape"}) if n.id == "nation_2" else n for n in level.nations]
    level = level.model_copy(update={"nations": nations})  # as a hand-edited file may have it
    [line] = [problem_line(level, p) for p in level_problems(level) if "capital" in p.location]
    assert line == "South (capital): capital Cape is owned by North, not by South"
