"""The game-over screen: who won and how, and the match's story in two charts."""

# The fixtures come from tests/ui/shell_driver.py: importing them is how pytest finds them.
# ruff: noqa: F811

from __future__ import annotations

import pygame
import pytest

from game.core import Match
from game.ui.app import App
from game.ui.charts import nice_ticks
from game.ui.main import finished_match
from game.ui.scenes.gameover import GameOverScene, cohesion_series, headline, points_series
from game.ui.scenes.menu import MenuScene
from tests.ui.shell_driver import StubMatchScene, app, click, find, frames, home, level, stub_match_screen  # noqa: F401


@pytest.fixture(scope="module")
def finished() -> Match:
    match = finished_match(level(), seed=1)
    assert match.outcome is not None
    return match


def count_pixels(surface: pygame.Surface, colour: pygame.Color) -> int:
    width, height = surface.get_size()
    return sum(
        1 for x in range(0, width, 2) for y in range(0, height, 2) if surface.get_at((x, y))[:3] == tuple(colour)[:3]
    )


def test_game_over_renders_both_charts_for_a_finished_match(app: App, finished: Match) -> None:
    scene = GameOverScene(app, finished)
    app.reset_to(scene)
    frames(app, 3)
    points_chart, cohesion_chart = scene.chart_surfaces
    for series, chart in ((points_series(finished), points_chart), (cohesion_series(finished)[0], cohesion_chart)):
        assert chart.get_width() > 300 and chart.get_height() > 200
        for line in series:
            assert count_pixels(chart, line.colour) > 10, f"{line.name} is not drawn"
    assert find(app, "#chart_0").visible and find(app, "#chart_1").visible
    assert find(app, "#gameover_how").text == finished.outcome.text  # type: ignore[union-attr]


def test_the_charts_follow_the_recorded_history(finished: Match) -> None:
    seats = points_series(finished)
    assert [s.name for s in seats] == [seat.name for seat in finished.level.seats]
    assert [p[1] for p in seats[0].points] == [h["points"][0] for h in finished.history]
    alliances = {s.name for s in cohesion_series(finished)[0]}
    assert "Triple Alliance" in alliances  # named from the level, not by its id


def test_the_headline_names_the_winner_or_the_draw(finished: Match) -> None:
    text, mood = headline(finished)
    assert finished.outcome is not None and finished.outcome.winner is not None
    assert text == f"{finished.level.seats[finished.outcome.winner].name} wins" and mood == "victory"


def test_against_the_ai_the_headline_is_victory_or_defeat() -> None:
    match = finished_match(level(), seed=1)
    assert match.outcome is not None and match.outcome.winner is not None
    loser = 1 - match.outcome.winner
    match.controllers = ("human", "bandwagoner:normal") if loser == 0 else ("bandwagoner:normal", "human")
    assert headline(match)[1] == "defeat"


def test_play_again_starts_the_same_level_with_the_same_players_and_a_new_seed(
    app: App, finished: Match, stub_match_screen: type[StubMatchScene]
) -> None:
    app.reset_to(GameOverScene(app, finished))
    frames(app)
    click(app, find(app, "#gameover_again"))
    (opened,) = stub_match_screen.opened
    assert opened.match.level is finished.level
    assert opened.match.controllers == finished.controllers
    assert opened.match.round == 1 and opened.match.outcome is None


def test_main_menu_leaves_the_game_over_screen_and_continue_knows_the_match_is_over(app: App, finished: Match) -> None:
    app.reset_to(GameOverScene(app, finished))
    frames(app)
    click(app, find(app, "#gameover_menu"))
    assert isinstance(app.scene, MenuScene) and len(app.scenes) == 1
    assert not app.scene.buttons["continue"].is_enabled
    assert app.scene.buttons["continue"].tool_tip_text == "The last match played is over: Load game lists the others."


def test_chart_ticks_are_round_numbers_that_cover_the_data() -> None:
    assert nice_ticks(0, 21.1) == [0.0, 5.0, 10.0, 15.0, 20.0, 25.0]
    assert nice_ticks(0, 100) == [0.0, 20.0, 40.0, 60.0, 80.0, 100.0]
