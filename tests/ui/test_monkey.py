"""A monkey at the keyboard: thousands of random real events across every screen, and no exception.

A third of the clicks aim at a live button, so the monkey really travels: it starts matches,
opens the pause menu, saves, loads, changes settings, resizes the window. The RNG is
seeded, so a failure replays exactly; the message names the seed, the screen and the
events that led to it.
"""

# The fixtures come from tests/ui/shell_driver.py: importing them is how pytest finds them.
# ruff: noqa: F811

from __future__ import annotations

import random
import time
from collections import deque
from pathlib import Path

import pygame
import pygame_gui

from game.io.paths import autosave_path, saves_dir
from game.io.saves import save_match
from game.ui.app import App
from game.ui.main import finished_match
from game.ui.scenes.gameover import GameOverScene
from game.ui.scenes.help import HelpScene
from game.ui.scenes.load_scene import LoadScene
from game.ui.scenes.match import MatchScene
from game.ui.scenes.menu import MenuScene
from game.ui.scenes.new_game import NewGameScene
from game.ui.scenes.pause import PauseScene
from game.ui.scenes.settings_scene import SettingsScene
from tests.ui.shell_driver import app, home, level, played_match  # noqa: F401

SEED = 20251125
EVENTS = 5000
EVENTS_PER_SCENE = 250
TIME_LIMIT = 60.0
KEYS = [
    (pygame.K_ESCAPE, ""),
    (pygame.K_RETURN, "\r"),
    (pygame.K_SPACE, " "),
    (pygame.K_F1, ""),
    (pygame.K_TAB, "\t"),
    (pygame.K_BACKSPACE, "\b"),
    (pygame.K_LEFT, ""),
    (pygame.K_RIGHT, ""),
    (pygame.K_UP, ""),
    (pygame.K_DOWN, ""),
    *[(ord(ch), ch) for ch in "abcdefghijklmnopqrstuvwxyz?"],  # pygame key codes are ASCII here
]
SIZES = [(960, 600), (1024, 768), (1280, 720), (1600, 900)]


def stage(app: App, name: str) -> None:
    """Put ``app`` on screen ``name`` as a player would find it."""
    app.running = True
    app.reset_to(MenuScene(app))
    if name == "settings":
        app.push(SettingsScene(app))
    elif name == "load":
        app.push(LoadScene(app))
    elif name in ("new_hotseat", "new_ai"):
        app.push(NewGameScene(app, vs_ai=name == "new_ai"))
    elif name == "help":
        app.push(HelpScene(app))
    elif name == "gameover":
        app.reset_to(GameOverScene(app, finished_match(level(), seed=3)))
    elif name in ("match", "pause"):
        controllers = ("human", "bandwagoner:easy") if name == "match" else ("human", "human")
        scene = MatchScene(app, played_match(actions=8, controllers=controllers), ai=None)
        app.reset_to(scene)  # type: ignore[arg-type]
        if name == "pause":
            app.push(PauseScene(app, scene))


def live_buttons(app: App) -> list[pygame_gui.elements.UIButton]:
    return [
        e
        for e in app.manager.get_sprite_group().sprites()
        if isinstance(e, pygame_gui.elements.UIButton) and e.alive() and e.visible and e.is_enabled
    ]


def random_events(app: App, rng: random.Random) -> list[pygame.event.Event]:
    width, height = app.size
    roll = rng.random()
    if roll < 0.30:
        buttons = live_buttons(app)
        pos = rng.choice(buttons).rect.center if buttons else (rng.randrange(width), rng.randrange(height))
        return [
            pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)),
            pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1),
            pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1),
        ]
    if roll < 0.45:
        pos, button = (rng.randrange(width), rng.randrange(height)), rng.choice((1, 1, 1, 3))
        return [
            pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=button),
            pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=button),
        ]
    if roll < 0.60:
        pos = (rng.randrange(width), rng.randrange(height))
        held = (1, 0, 0) if rng.random() < 0.3 else (0, 0, 0)
        return [pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(rng.randint(-40, 40), 0), buttons=held)]
    if roll < 0.67:
        step = rng.choice((-1, 1))
        return [
            pygame.event.Event(
                pygame.MOUSEWHEEL, x=0, y=step, flipped=False, precise_x=0.0, precise_y=float(step), which=0
            )
        ]
    if roll < 0.995:
        key, text = rng.choice(KEYS)
        mod = pygame.KMOD_CTRL if rng.random() < 0.05 else 0
        return [
            pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode=text, scancode=0),
            pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode=text, scancode=0),
        ]
    w, h = rng.choice(SIZES)
    return [pygame.event.Event(pygame.VIDEORESIZE, w=w, h=h, size=(w, h))]


def test_five_thousand_random_events_across_every_screen_raise_nothing(app: App, home: Path) -> None:
    saved = played_match(actions=20)
    save_match(saved, autosave_path("monkey"))
    save_match(saved, saves_dir() / "campaign.json")
    (saves_dir() / "torn.json").write_text('{"format_version": 1', encoding="utf-8")
    screens = ["menu", "settings", "load", "new_hotseat", "new_ai", "help", "gameover", "pause", "match"]
    rng = random.Random(SEED)
    recent: deque[str] = deque(maxlen=12)
    started, cpu_started = time.perf_counter(), time.process_time()
    posted = 0
    next_screen = 0  # every EVENTS_PER_SCENE events the monkey is put on the next screen of the list
    visited: set[str] = set()
    screen = ""
    while posted < EVENTS:
        if posted >= next_screen * EVENTS_PER_SCENE or not app.running or not app.scenes:
            if posted >= next_screen * EVENTS_PER_SCENE:
                next_screen += 1
            screen = screens[(next_screen - 1) % len(screens)]
            visited.add(screen)
            stage(app, screen)
            recent.append(f"-- stage {screen}")
        # Like a player's hands, several things may happen within one frame: it also keeps the test quick.
        batch = [event for _ in range(rng.randint(1, 3)) for event in random_events(app, rng)]
        try:
            for event in batch:
                pygame.event.post(event)
                recent.append(f"{pygame.event.event_name(event.type)} {event.dict}")
            app.step(1 / 60)
        except Exception as err:
            trail = "\n  ".join(recent)
            raise AssertionError(
                f"seed {SEED}, event {posted}, screen '{screen}' (top: {type(app.scene).__name__}): {err!r}\n  {trail}"
            ) from err
        posted += len(batch)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    assert visited == set(screens)
    # CPU time: on a busy shared machine the wall clock measures the neighbours, not the game.
    assert cpu < TIME_LIMIT, f"{EVENTS} events took {cpu:.1f} s of CPU ({elapsed:.1f} s on the clock)"
