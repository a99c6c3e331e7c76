"""No caption of a match dialog is cut: every button's and label's words fit their box, in the
theme's own font, at the smallest window the game supports and at 1280x720 (issue 17: "Offer to
end the wa"), and every tool tip of the diplomacy window's buttons fits its box too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pygame
import pytest
from pygame_gui.elements import UIButton, UILabel, UITooltip

from game.core import new_match
from game.core.actions import Attack, Move
from game.ui.panels import DiplomacyWindow
from game.ui.panels.dialog import Dialog
from tests.core.test_article5_1914 import france_to_play_after_germany_attacks_russia
from tests.core.test_calls import reckless_world
from tests.ui.test_dialog_stack import report_then_offer
from tests.ui.test_match_hotseat import dismiss_cards, open_the_first_question
from tests.ui.test_match_screen import Screen, fixture_level, home  # noqa: F401 - home: a fixture

pytestmark = pytest.mark.usefixtures("home")  # autosaves go to a temporary folder

SIZES = [(1024, 768), (1280, 720)]


def inside(element: Any, window: Any) -> bool:
    """``element`` sits in ``window``, directly or in a container (a scrolling column) inside it."""
    container = element.ui_container
    while container is not None:
        if container is window.get_container() or container is window:
            return True
        if container is container.ui_container:
            return False
        container = container.ui_container
    return False


def cut_captions(screen: Screen, dialog: Dialog) -> list[str]:
    """The captions of the dialog's buttons and labels that are wider, in their own font, than their room."""
    cut = []
    for element in screen.app.manager.get_sprite_group().sprites():
        if not isinstance(element, UIButton | UILabel) or not element.visible or not inside(element, dialog.window):
            continue
        if element is getattr(dialog.window, "close_window_button", None):
            continue
        if isinstance(element, UIButton):
            room = element.rect.width - 2 * element.shadow_width
            room -= element.border_width["left"] + element.border_width["right"]
        else:
            room = element.rect.width
        if element.text and element.font.size(element.text)[0] > room:
            cut.append(f"{element.text!r} ({element.font.size(element.text)[0]} > {room})")
    return cut


def duty(size: tuple[int, int]) -> Screen:
    screen = Screen(france_to_play_after_germany_attacks_russia().match, size=size)
    open_the_first_question(screen)
    return screen


def call(size: tuple[int, int]) -> Screen:
    game = reckless_world(middle=4, east=3, west=20)
    game.give_forces("n2", middle=12)
    game.end_turn()
    game.end_turn()
    game.play_until_seat(0, at_least_one=False)
    screen = Screen(game.match, size=size)
    open_the_first_question(screen)
    return screen


def offer(size: tuple[int, int]) -> Screen:
    screen = Screen(report_then_offer(), size=size)
    open_the_first_question(screen)
    return screen


def order(kind: type) -> Callable[[tuple[int, int]], Screen]:
    def opened(size: tuple[int, int]) -> Screen:
        screen = Screen(new_match(fixture_level(), seed=3), size=size)
        dismiss_cards(screen)
        action = next(a for a in screen.scene.legal() if isinstance(a, kind))
        screen.click_territory(action.source)
        screen.click_territory(action.target)
        return screen

    return opened


def report(size: tuple[int, int]) -> Screen:
    return Screen(france_to_play_after_germany_attacks_russia().match, size=size)


def diplomacy_at_war(size: tuple[int, int]) -> Screen:
    """Austria-Hungary acting, Serbia in focus: the two are at war, so peace may be offered."""
    screen = Screen(new_match(fixture_level(), seed=9), size=size)
    dismiss_cards(screen)
    screen.press(pygame.K_d)
    window = screen.dialog
    acting = next(b for b, (what, nation) in window._buttons.items() if what == "acting" and nation == "austria")
    screen.press_button(acting)
    screen.press_button(window._nation_buttons["serbia"])
    return screen


DIALOGS = {
    "duty": duty,
    "call": call,
    "offer": offer,
    "attack": order(Attack),
    "move": order(Move),
    "report": report,
    "diplomacy": diplomacy_at_war,
}


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("name", list(DIALOGS))
def test_no_caption_of_a_dialog_is_cut(name: str, size: tuple[int, int]) -> None:
    screen = DIALOGS[name](size)
    try:
        dialog = screen.dialog
        assert isinstance(dialog, Dialog), f"the {name} dialog did not open"
        assert cut_captions(screen, dialog) == []
    finally:
        screen.close()


def hovered_tip(screen: Screen, button: UIButton) -> UITooltip:
    pygame.mouse.set_pos(button.rect.center)
    screen.move_mouse(button.rect.center)
    screen.until(
        lambda: any(isinstance(e, UITooltip) for e in screen.app.manager.get_sprite_group().sprites()), frames=240
    )
    return next(e for e in screen.app.manager.get_sprite_group().sprites() if isinstance(e, UITooltip))


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_the_peace_offers_tool_tip_is_read_to_its_last_letter(size: tuple[int, int]) -> None:
    screen = diplomacy_at_war(size)
    try:
        window = screen.dialog
        assert isinstance(window, DiplomacyWindow)
        peace = next(b for b, (what, a) in window._buttons.items() if what == "act" and a.kind == "propose_peace")
        tip = hovered_tip(screen, peace)
        layout = tip.text_block.text_box_layout
        text_room = layout.layout_rect.width
        widest = max(row.width for row in layout.layout_rows)
        assert widest <= text_room, "the tip's text runs past its box"
        assert "war." in " ".join(str(getattr(item, "text", "")) for row in layout.layout_rows for item in row.items)
        assert tip.rect.right <= size[0] and tip.rect.bottom <= size[1], "the tip lies on the screen"
    finally:
        screen.close()
