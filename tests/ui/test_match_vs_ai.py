"""Playing against the AI: it thinks in a worker thread, acts on the UI thread, and the match ends."""

from __future__ import annotations

import time
from typing import Any

import pygame
import pytest

from game.core import current_seat, new_match
from game.io.saves import match_from_text, save_to_text
from game.ui.ai_driver import AiDriver
from game.ui.panels.report import TurnReport
from game.ui.scenes.gameover import GameOverScene
from game.ui.scenes.handover import HandoverScene, news_lines
from tests.ui.test_match_hotseat import answer_prompts, dismiss_cards, play_turn, press_end_turn
from tests.ui.test_match_screen import Screen, fixture_level, home  # noqa: F401 - home: a fixture

pytestmark = pytest.mark.usefixtures("home")  # autosaves go to a temporary folder


def test_a_match_against_the_ai_is_played_to_its_end_without_freezing_the_window() -> None:
    match = new_match(fixture_level(round_limit=3), seed=21, controllers=("human", "bandwagoner:normal"))
    screen = Screen(match, ai={1: "bandwagoner:normal"})
    try:
        ai_actions = 0
        slowest = 0.0
        deadline = time.monotonic() + 90
        while match.outcome is None and time.monotonic() < deadline:
            if current_seat(match) == 0:
                assert not isinstance(screen.app.scene, HandoverScene)  # no hand-over against the AI
                play_turn(screen)
                continue
            log_before = len(match.log)
            started = time.perf_counter()
            screen.frames(1)
            slowest = max(slowest, time.perf_counter() - started)
            ai_actions += len(match.log) - log_before
            time.sleep(0.001)
        assert match.outcome is not None, "the match did not end"
        assert ai_actions >= 3  # the AI really played its turns (at least an End turn each)
        assert slowest < 1.0  # a frame never waits for the bot to finish thinking
        assert isinstance(screen.app.scene, GameOverScene)
    finally:
        screen.close()


def test_space_skips_to_the_end_of_a_visible_ai_turn() -> None:
    match = new_match(fixture_level(), seed=5, controllers=("human", "bandwagoner:hard"))
    screen = Screen(match, ai={1: "bandwagoner:hard"})
    screen.app.settings = screen.app.settings.model_copy(update={"animation_speed": "slow"})
    try:
        dismiss_cards(screen)
        press_end_turn(screen)
        assert current_seat(match) == 1
        driver = screen.scene.drivers[1]
        screen.frames(2)
        screen.press(pygame.K_SPACE)
        assert driver.skipping
        screen.until(lambda: current_seat(match) != 1, seconds=20)
        answer_prompts(screen)
        assert current_seat(match) == 0 or match.outcome is not None
    finally:
        screen.close()


def test_the_bot_chooses_on_a_copy_and_only_the_ui_thread_changes_the_match() -> None:
    match = new_match(fixture_level(), seed=6)
    from game.core.actions import EndTurn

    apply_threads: list[str] = []

    def act(action: object) -> list[object]:
        import threading

        from game.core import apply

        apply_threads.append(threading.current_thread().name)
        return apply(match, action)  # type: ignore[arg-type]

    driver = AiDriver(0, "greedy", seed=1)
    seen_views = []
    original = driver.bot.choose

    def choose(view: object, seat: int, rng: object) -> object:
        seen_views.append(view)
        return original(view, seat, rng)  # type: ignore[arg-type]

    driver.bot.choose = choose  # type: ignore[method-assign]
    try:
        deadline = time.monotonic() + 20
        while current_seat(match) == 0 and time.monotonic() < deadline:
            driver.update(match, 1 / 60, 0.0, act)
            time.sleep(0.001)
        assert current_seat(match) != 0
        assert seen_views and all(view is not match for view in seen_views)
        assert set(apply_threads) == {"MainThread"}
        assert match.log[-1]["kind"] == EndTurn().kind
    finally:
        driver.close()


def play_the_first_turn_and_wait_for_the_ai(screen: Screen, match: Any) -> None:
    """Seat 1 ends its first turn at once; the AI plays, and the turn comes back to seat 1."""
    press_end_turn(screen)
    screen.until(lambda: current_seat(match) == 0, seconds=60)
    screen.frames(2)


def test_against_the_ai_the_turn_opens_with_the_news_before_any_question() -> None:
    match = new_match(fixture_level(), seed=21, controllers=("human", "bandwagoner:normal"))
    screen = Screen(match, ai={1: "bandwagoner:normal"})
    try:
        since = len(match.events)
        play_the_first_turn_and_wait_for_the_ai(screen, match)
        news = news_lines(match, 0, since, explain=False, asks=False)
        assert news, "the AI's turn and the round's end touched the Central Powers' world"
        report = screen.dialog
        assert isinstance(report, TurnReport)
        assert report.lines == news
        # The questions sit on the same card as the news, not in a chain of dialogs after it.
        assert len(report.questions) == screen.scene.waiting()
        screen.press_button(report.proceed)
        assert screen.dialog is None
    finally:
        screen.close()


def test_a_match_resumed_from_a_save_opens_on_the_same_news() -> None:
    match = new_match(fixture_level(), seed=21, controllers=("human", "bandwagoner:normal"))
    screen = Screen(match, ai={1: "bandwagoner:normal"})
    try:
        play_the_first_turn_and_wait_for_the_ai(screen, match)
        report = screen.dialog
        assert isinstance(report, TurnReport) and report.lines
        text = save_to_text(match)
    finally:
        screen.close()
    resumed = Screen(match_from_text(text), ai={1: "bandwagoner:normal"})
    try:
        resumed.frames(2)
        assert isinstance(resumed.dialog, TurnReport), "Continue should open on what happened while you were away"
        assert resumed.dialog.lines == report.lines
    finally:
        resumed.close()


def test_a_new_match_opens_without_a_report() -> None:
    screen = Screen(new_match(fixture_level(), seed=21, controllers=("human", "bandwagoner:normal")))
    try:
        screen.frames(2)
        assert not isinstance(screen.dialog, TurnReport)
    finally:
        screen.close()


def test_the_end_turn_tip_does_not_stay_up_through_the_ai_turn() -> None:
    match = new_match(fixture_level(), seed=21, controllers=("human", "bandwagoner:normal"))
    screen = Screen(match, ai={1: "bandwagoner:normal"})
    try:
        dismiss_cards(screen)
        button = screen.scene.top_bar.buttons["end_turn"]
        pygame.mouse.set_pos(button.rect.center)  # pygame_gui hovers by the real pointer
        screen.move_mouse(button.rect.center)
        screen.frames(120)  # two seconds of hovering: the tip is up
        assert button.tool_tip is not None
        press_end_turn(screen)
        assert current_seat(match) == 1
        assert button.tool_tip is None, "'Finish your turn' over the AI's turn"
    finally:
        pygame.mouse.set_pos((0, 0))
        screen.close()


def test_the_victory_points_stay_put_as_the_turn_passes_to_the_ai_and_back() -> None:
    match = new_match(fixture_level(), seed=21, controllers=("human", "bandwagoner:normal"))
    screen = Screen(match, ai={1: "bandwagoner:normal"})
    try:
        bar = screen.scene.top_bar
        screen.frames(2)
        mine = bar.victory_x
        press_end_turn(screen)
        screen.frames(2)
        assert current_seat(match) == 1
        assert bar.victory_x == mine is not None, "the bar must not jump when the AI takes over"
    finally:
        screen.close()
