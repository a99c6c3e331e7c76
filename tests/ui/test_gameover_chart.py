"""The game-over cohesion chart: the alliances a player looks for, told apart at a glance, and an honest legend."""

from __future__ import annotations

import itertools
from typing import Any

import pygame
import pytest

from game.core import Match
from game.io.levels import load_level
from game.ui.charts import line_chart
from game.ui.main import finished_match
from game.ui.panels.chronicle import alliance_name
from game.ui.scenes.gameover import MAX_ALLIANCE_LINES, MIN_COLOUR_DISTANCE, cohesion_series
from game.ui.theme import colours
from tests.conftest import LEVELS_DIR


@pytest.fixture(scope="module")
def continent() -> Match:
    """The Guns of August played out: a dozen alliances rise and fall, most of them founded by the players' nations."""
    match = finished_match(load_level(LEVELS_DIR / "continent.json"), seed=1)
    assert match.outcome is not None
    return match


def nations_by_alliance(match: Match) -> dict[str, set[str]]:
    """Every nation that was ever in each alliance, by the alliance's name: at the start and at each signing."""
    nations: dict[str, set[str]] = {}
    for a in match.level.treaties.alliances:
        nations.setdefault(alliance_name(match, a.id), set()).update(a.members)
    for e in match.events:
        if e.kind == "treaty_signed" and e.treaty_kind == "alliance":
            nations.setdefault(alliance_name(match, e.treaty), set()).update(e.nations)
    return nations


def test_the_alliances_the_players_nations_joined_are_charted_before_the_others(continent: Match) -> None:
    series, left_out = cohesion_series(continent)
    seated = {n for seat in continent.level.seats for n in seat.nations}
    assert len(series) == MAX_ALLIANCE_LINES and left_out > 0
    nations = nations_by_alliance(continent)
    for line in series:
        assert nations[line.name] & seated, f"{line.name} has no nation of either player"
    # The largest alliance a player's nation founded in play is not left out, though alliances of
    # the rules' own nations lasted longer.
    at_start = {alliance_name(continent, a.id) for a in continent.level.treaties.alliances}
    founded = {name: members for name, members in nations.items() if name not in at_start and members & seated}
    largest = max(founded, key=lambda name: (len(founded[name]), name))
    assert largest in {line.name for line in series}


def test_the_legend_says_how_many_alliances_are_left_out(continent: Match) -> None:
    series, left_out = cohesion_series(continent)
    recorded = {a for entry in continent.history for a in entry["cohesion"]}
    assert left_out == len(recorded) - MAX_ALLIANCE_LINES
    written = render_legend(series, f"+{left_out} more")
    assert f"+{left_out} more" in written
    assert {line.name for line in series} <= set(written)


def test_no_two_alliances_share_a_colour_a_player_could_mistake(continent: Match) -> None:
    series, _ = cohesion_series(continent)
    for a, b in itertools.combinations(series, 2):
        apart = sum((x - y) ** 2 for x, y in zip(a.colour[:3], b.colour[:3], strict=True)) ** 0.5
        assert apart >= MIN_COLOUR_DISTANCE, f"{a.name} and {b.name} look alike"


def render_legend(series: Any, note: str) -> list[str]:
    """Draw the chart and return every piece of text it wrote."""
    written: list[str] = []

    class Recording:
        def __init__(self, font: pygame.font.Font) -> None:
            self.font = font

        def render(self, text: str, *args: Any) -> pygame.Surface:
            written.append(text)
            return self.font.render(text, *args)

    def font(size: int, bold: bool) -> Any:
        return Recording(pygame.font.Font(None, size))

    pygame.font.init()
    line_chart((560, 440), "Alliance cohesion", series, colours("#charts"), font, legend_note=note)
    return written
