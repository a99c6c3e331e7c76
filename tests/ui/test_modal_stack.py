"""A screen opened from the pause menu covers it: nothing of the menu below shows through."""

from __future__ import annotations

import pygame
import pytest

from game.core import new_match
from game.ui.scenes.help import HelpScene
from game.ui.scenes.load_scene import LoadScene
from game.ui.scenes.pause import PauseScene
from game.ui.theme import colours
from tests.ui.test_match_screen import Screen, fixture_level, home  # noqa: F401 - home: a fixture

pytestmark = pytest.mark.usefixtures("home")


def pause_menu() -> tuple[Screen, PauseScene]:
    screen = Screen(new_match(fixture_level(), seed=3))
    pause = PauseScene(screen.app, screen.scene)
    screen.app.push(pause)
    screen.frames(3)
    return screen, pause


def test_the_load_screen_opened_from_the_pause_menu_hides_the_pause_buttons() -> None:
    screen, pause = pause_menu()
    try:
        resume = pause.buttons["resume"].rect.center
        top = max(button.get_top_layer() for button in pause.buttons.values())
        gold = pygame.display.get_surface().get_at(resume)
        assert sum(gold[:3]) > 250  # the primary button, bright
        pause.choose("load")
        screen.frames(3)
        assert isinstance(screen.app.scene, LoadScene)
        assert screen.app.scene.shade is not None and screen.app.scene.shade.get_starting_height() > top
        card = screen.app.scene.card
        assert card is not None and card.rect.collidepoint(resume)
        # Where the gold Resume button was, the player sees the Load card's dark face, not the button.
        face = colours("#card_face")["background"]
        seen = pygame.display.get_surface().get_at(resume)
        assert max(abs(a - b) for a, b in zip(seen[:3], face[:3], strict=True)) < 16, (seen, face)
    finally:
        screen.close()


def test_the_shortcuts_opened_from_the_pause_menu_sit_above_it() -> None:
    screen, pause = pause_menu()
    try:
        top = max(button.get_top_layer() for button in pause.buttons.values())
        pause.choose("help")
        screen.frames(3)
        assert isinstance(screen.app.scene, HelpScene)
        assert screen.app.scene.shade_button.get_starting_height() > top
    finally:
        screen.close()
