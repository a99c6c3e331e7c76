"""An idle window sleeps: no frames while nothing changes, and input wakes it at once."""

# ruff: noqa: F811

from __future__ import annotations

import time

import pygame
from pytest_mock import MockerFixture

from game.ui.app import IDLE_WAKE_MS, SETTLE_SECONDS, App
from game.ui.scenes.menu import MenuScene
from tests.ui.shell_driver import app, home  # noqa: F401


def run_for(app: App, seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.step()


def test_an_untouched_menu_draws_a_few_frames_a_second_not_sixty(app: App, mocker: MockerFixture) -> None:
    app.reset_to(MenuScene(app))
    run_for(app, SETTLE_SECONDS + 0.2)  # the frames that follow opening it
    draws = mocker.spy(app, "draw")
    run_for(app, 1.0)
    assert draws.call_count <= 1000 / IDLE_WAKE_MS + 2


def test_input_wakes_the_sleeping_window_at_once_and_frames_run_at_full_rate_for_a_moment(app: App) -> None:
    app.reset_to(MenuScene(app))
    run_for(app, SETTLE_SECONDS + 0.2)
    assert not app.lively()
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=(10, 10), rel=(1, 1), buttons=(0, 0, 0)))
    started = time.perf_counter()
    app.step()
    assert time.perf_counter() - started < IDLE_WAKE_MS / 1000 / 2
    assert app.lively()


def test_a_notice_keeps_frames_coming_until_it_fades(app: App) -> None:
    app.reset_to(MenuScene(app))
    run_for(app, SETTLE_SECONDS + 0.2)
    app.toast("Saved.")
    assert app.lively()
