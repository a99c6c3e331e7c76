"""An idle window sleeps: no frames while nothing changes, and input wakes it at once."""

# ruff: noqa: F811

from __future__ import annotations

import time

import pygame
import pygame_gui
from pytest_mock import MockerFixture

from game.ui.app import IDLE_POLL_SECONDS, IDLE_WAKE_MS, SETTLE_SECONDS, App
from game.ui.scenes.menu import MenuScene
from tests.ui.shell_driver import app, home  # noqa: F401


def run_for(app: App, seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.step()


def test_an_untouched_menu_draws_no_frame_at_all_once_settled(app: App, mocker: MockerFixture) -> None:
    app.reset_to(MenuScene(app))
    run_for(app, SETTLE_SECONDS + 0.2)  # the frames that follow opening it
    draws = mocker.spy(app, "draw")
    flips = mocker.spy(pygame.display, "flip")
    run_for(app, 1.0)  # it wakes twice a second to look, and finds nothing new to show
    assert draws.call_count == 0 and flips.call_count == 0


def test_an_idle_window_still_redraws_a_field_with_the_text_cursor_in_it(app: App, mocker: MockerFixture) -> None:
    app.reset_to(MenuScene(app))
    field = pygame_gui.elements.UITextEntryLine(pygame.Rect(10, 10, 200, 30), manager=app.manager)
    field.focus()
    app.manager.set_focus_set(field)
    run_for(app, SETTLE_SECONDS + 0.2)
    draws = mocker.spy(app, "draw")
    run_for(app, 1.0)
    assert 1 <= draws.call_count <= 1000 / IDLE_WAKE_MS + 2  # the cursor blinks, at the idle pace


def test_input_wakes_the_sleeping_window_at_once_and_frames_run_at_full_rate_for_a_moment(app: App) -> None:
    app.reset_to(MenuScene(app))
    run_for(app, SETTLE_SECONDS + 0.2)
    assert not app.lively()
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=(10, 10), rel=(1, 1), buttons=(0, 0, 0)))
    started = time.perf_counter()
    app.step()
    assert time.perf_counter() - started < IDLE_POLL_SECONDS + 0.05  # within a frame or two, not the next wake
    assert app.lively()


def test_a_notice_keeps_frames_coming_until_it_fades(app: App) -> None:
    app.reset_to(MenuScene(app))
    run_for(app, SETTLE_SECONDS + 0.2)
    app.toast("Saved.")
    assert app.lively()


def test_sounds_are_synthesised_when_first_played_or_while_idle_not_before_the_first_frame(
    app: App, mocker: MockerFixture
) -> None:
    from game.io.settings import Settings
    from game.ui import sound as sound_module

    made = mocker.spy(sound_module, "_tone")
    sounds = sound_module.Sound(Settings(muted=False))
    assert made.call_count == 0, "start-up waits for no sample loop"
    if not sounds.enabled:  # no audio device at all: nothing to make
        return
    sounds.play("click")
    sounds.play("click")
    assert made.call_count == 1, "made once, then kept"
    for _ in sound_module.RECIPES:
        sounds.prepare_one()
    assert set(sounds._sounds) == set(sound_module.RECIPES)
