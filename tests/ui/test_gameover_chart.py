"""The game-over cohesion chart: the alliances a player looks for, told apart at a glance, and an honest legend."""

from __future__ import annotations

import itertools
from typing import Any

import pygame
import pytest

from game.core import Match
from game.io.levels import load_level
from game.ui.charts import Mark, Series, line_chart
from game.ui.main import finished_match
from game.ui.panels.chronicle import alliance_name
from game.ui.scenes.gameover import (
    MAX_ALLIANCE_LINES,
    MIN_COLOUR_DISTANCE,
    cohesion_series,
    hegemony_mark,
    points_series,
)
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


def recording_font(written: list[str]) -> Any:
    """A font source for a chart that notes every piece of text the chart writes into ``written``."""

    class Recording:
        def __init__(self, font: pygame.font.Font) -> None:
            self.font = font

        def size(self, text: str) -> tuple[int, int]:
            return self.font.size(text)

        def render(self, text: str, *args: Any) -> pygame.Surface:
            written.append(text)
            return self.font.render(text, *args)

    def font(size: int, bold: bool) -> Any:
        return Recording(pygame.font.Font(None, size))

    pygame.font.init()
    return font


def render_legend(series: Any, note: str) -> list[str]:
    """Draw the chart and return every piece of text it wrote."""
    written: list[str] = []
    line_chart((560, 440), "Alliance cohesion", series, colours("#charts"), recording_font(written), legend_note=note)
    return written


def rows_with(chart: pygame.Surface, colour: pygame.Color, rows: range) -> list[int]:
    """The rows of ``chart`` among ``rows`` where ``colour`` shows."""
    width = chart.get_width()
    return [y for y in rows if any(chart.get_at((x, y))[:3] == colour[:3] for x in range(width))]


def plot_rows(chart: pygame.Surface) -> range:
    """The plot's rows: the y axis runs in the axis colour from its top to 4 px under its bottom (the x ticks)."""
    axis = rows_with(chart, colours("#charts")["axis"], range(chart.get_height()))
    return range(axis[0], axis[-1] - 4 + 1)


def test_victory_points_between_60_and_72_fill_most_of_the_chart_s_height(continent: Match) -> None:
    seats = points_series(continent)
    values = [y for line in seats for _, y in line.points]
    assert 55 < min(values) and max(values) < 75, "the continent's points stay in a narrow band"
    written: list[str] = []
    font = recording_font(written)
    chart = line_chart((560, 440), "Victory points", seats, colours("#charts"), font, marks=[hegemony_mark(continent)])
    plot = plot_rows(chart)
    drawn = [y for line in seats for y in rows_with(chart, line.colour, plot)]
    assert max(drawn) - min(drawn) >= len(plot) * 0.6, f"the lines use {max(drawn) - min(drawn)} of {len(plot)} px"
    assert "Hegemony: 129 points (60%), above the chart" in written, "the far hegemony line is named"


def test_a_hegemony_line_near_the_points_is_drawn_and_named_a_far_one_is_named_in_the_legend() -> None:
    palette = colours("#charts")
    series = [Series("North", palette["series_1"], [(0, 60.0), (1, 66.0), (2, 72.0)])]
    written: list[str] = []
    near = line_chart(
        (560, 440), "Victory points", series, palette, recording_font(written), marks=[Mark(78, "Hegemony")]
    )
    assert "Hegemony" in written, "the near line is named beside it"
    assert sum(1 for x in range(560) for y in range(440) if near.get_at((x, y))[:3] == palette["mark"][:3]) > 100
    written.clear()
    far = line_chart(
        (560, 440), "Victory points", series, palette, recording_font(written), marks=[Mark(130, "Hegemony")]
    )
    assert "Hegemony, above the chart" in written
    assert "100" not in written and "130" not in written, "the axis does not stretch to 130"
    assert not any(far.get_at((x, y))[:3] == palette["mark"][:3] for x in range(0, 560, 2) for y in range(60, 300))
