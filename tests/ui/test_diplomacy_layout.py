"""The diplomacy window at every screen size the game supports: nothing clipped, nothing hidden."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pygame
import pytest
from pygame_gui.elements import UIButton, UILabel

from game.core import new_match
from game.io.levels import level_from_data
from game.ui.panels import DiplomacyWindow, top_bar
from tests.conftest import LEVELS_DIR
from tests.ui.test_diplomacy_window import focus, scroll_to_the_end
from tests.ui.test_match_hotseat import dismiss_cards
from tests.ui.test_match_screen import Screen, home  # noqa: F401 - home: a fixture

pytestmark = pytest.mark.usefixtures("home")  # autosaves go to a temporary folder

SIZES = [(1024, 640), (1280, 720), (1920, 1080)]
#: A name a player may well type: longer than any button is wide.
LONG_NAME = "Franco-Spanish Treaty of Mutual Defence and Friendship"


def continent_with_a_long_alliance_name() -> Any:
    """The shipped continent, where France (who opens) also belongs to an alliance with a long name."""
    data = json.loads((LEVELS_DIR / "continent.json").read_text(encoding="utf-8"))
    data["treaties"]["alliances"].append(
        {"id": "franco_spanish", "name": LONG_NAME, "members": ["france", "spain"], "cohesion": 50}
    )
    return level_from_data(data, "<continent>")


@pytest.fixture(params=SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def screen(request: pytest.FixtureRequest) -> Iterator[Screen]:
    shown = Screen(new_match(continent_with_a_long_alliance_name(), seed=4), size=request.param)
    dismiss_cards(shown)
    shown.press(pygame.K_d)
    assert isinstance(shown.dialog, DiplomacyWindow) and shown.dialog.acting == "france"
    yield shown
    shown.close()


def elements(window: DiplomacyWindow) -> list[Any]:
    return [element for part in window._parts.values() for element in part]


def visible_right(element: Any) -> int:
    """The right edge of what can be seen of ``element``: its containers (a scrolling view too) cut it there."""
    right, container = element.rect.right, element.ui_container
    while container is not None and container is not container.ui_container:  # the root holds itself
        right = min(right, container.rect.right)
        container = container.ui_container
    return int(right)


def clipped_texts(window: DiplomacyWindow) -> list[str]:
    """The words on buttons and labels that do not fit, in their own box or in what holds them."""
    clipped = []
    for element in elements(window):
        if isinstance(element, UIButton):
            frame = element.border_width["left"] + element.border_width["right"] + 2 * element.shadow_width
            room = element.rect.width - frame
        elif isinstance(element, UILabel):
            room = element.rect.width
        else:
            continue
        if element.text and (element.font.size(element.text)[0] > room or visible_right(element) < element.rect.right):
            clipped.append(element.text)
    return clipped


@pytest.mark.parametrize("nation", ["germany", "austria_hungary"])  # long territory and nation names
def test_every_choice_of_a_treatys_scope_fits_its_menu(screen: Screen, nation: str) -> None:
    window = focus(screen, nation)
    for menu in (window.against_menu, window.area_menu):
        face = menu.current_state.selected_option_button
        room = face.rect.width - 2 * face.shadow_width - face.border_width["left"] - face.border_width["right"]
        room -= menu.current_state.open_button.rect.width  # the arrow that opens the list
        too_long = [text for text, _ in menu.options_list if face.font.size(text)[0] > room]
        assert too_long == [], f"cut in a {menu.rect.width}px menu"


@pytest.mark.parametrize("nation", ["italy", "russia", "spain"])  # invitations, joint exercises, both
def test_every_word_in_the_window_is_readable(screen: Screen, nation: str) -> None:
    window = focus(screen, nation)
    assert clipped_texts(window) == []
    assert LONG_NAME in " ".join(getattr(e, "html_text", "") for e in elements(window))  # its row names it in full


def test_the_window_leaves_the_top_bar_and_its_victory_points_in_sight(screen: Screen) -> None:
    window = screen.dialog.window
    frame = window.rect.inflate(-2 * window.shadow_width, -2 * window.shadow_width)  # what the player sees of it
    assert frame.top >= screen.scene.top_bar.rect.bottom == top_bar.HEIGHT
    assert frame.bottom <= screen.app.size[1]


def test_every_action_can_be_reached_even_on_a_short_screen(screen: Screen) -> None:
    window = focus(screen, "italy")
    actions = [e for e in window._parts["b"] if window._buttons.get(e, ("",))[0] == "act"]
    view = window.window.get_container().rect
    seen = {b for b in actions if view.contains(b.rect)}
    # The column of actions scrolls when it is taller than the window.
    scroll_to_the_end(screen, window.name_entry.rect.center)
    seen |= {b for b in actions if view.contains(b.rect)}
    assert len(actions) >= 8 and seen == set(actions)
