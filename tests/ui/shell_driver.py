"""Drive the real App headless with real pygame events, for the shell's tests (menu, saves, pause...).

``click`` posts MOUSEBUTTONDOWN/UP at a widget's centre and runs frames, exactly as a
player's click arrives; nothing here calls a scene's handlers directly.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pygame
import pytest

from game.core import Level, Match, apply, current_seat, new_match
from game.io.levels import load_level
from game.io.settings import Settings
from game.ui.app import App
from game.ui.scene import Scene

FIXTURE_LEVEL = Path(__file__).resolve().parents[1] / "fixtures" / "july_1914.json"
SIZE = (1280, 720)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The player's files (settings, saves, maps) live in a fresh folder for each test."""
    monkeypatch.setenv("ALLIANCES_HOME", str(tmp_path))
    return tmp_path


@pytest.fixture
def app(home: Path) -> Iterator[App]:
    application = App(settings=Settings(resolution=SIZE), size=SIZE)
    yield application
    for scene in reversed(application.scenes):
        scene.exit()
    pygame.event.clear()


def level() -> Level:
    return load_level(FIXTURE_LEVEL)


def played_match(actions: int = 30, seed: int = 5, controllers: tuple[str, str] = ("human", "human")) -> Match:
    """A match some way in, played by random bots: real actions, real rules."""
    from game.ai.random_bot import RandomBot

    match = new_match(level(), seed, controllers)
    bot, rng = RandomBot(), random.Random(seed)
    for _ in range(actions):
        seat = current_seat(match)
        if seat is None:
            break
        apply(match, bot.choose(match, seat, rng))
    return match


def frames(app: App, count: int = 2) -> None:
    for _ in range(count):
        app.step(1 / 60)


def find(app: App, object_id: str) -> Any:
    """The live, visible widget whose own object id is ``object_id`` (e.g. '#menu_settings')."""
    for element in app.manager.get_sprite_group().sprites():
        ids = getattr(element, "object_ids", None) or []
        if ids and ids[-1] == object_id and element.alive() and getattr(element, "visible", True):
            return element
    raise LookupError(f"no visible widget {object_id}")


def click_at(app: App, pos: tuple[int, int], button: int = 1) -> None:
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=button))
    frames(app, 1)
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=button))
    # The press becomes UI_BUTTON_PRESSED next frame, and a widget's own event (a slider moved) the one after.
    frames(app, 4)


def click(app: App, widget: Any) -> None:
    click_at(app, widget.rect.center)


def press(app: App, key: int, unicode: str = "", mod: int = 0) -> None:
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode=unicode, scancode=0))
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode=unicode, scancode=0))
    frames(app, 2)


class StubMatchScene(Scene):
    """Stands in for the match screen where a test is about the shell, not the map."""

    opened: list[StubMatchScene] = []

    def __init__(self, app: App, match: Match, ai: dict[int, str] | None = None) -> None:
        super().__init__(app)
        self.match = match
        self.ai = ai
        StubMatchScene.opened.append(self)


@pytest.fixture
def stub_match_screen(monkeypatch: pytest.MonkeyPatch) -> type[StubMatchScene]:
    from game.ui import flow

    StubMatchScene.opened = []
    monkeypatch.setattr(flow, "match_scene_class", lambda: StubMatchScene)
    return StubMatchScene
