"""An offer of a named alliance is read whole: the offer dialog is as tall as what it says.

Issue 17: an alliance offer with a name ("The Northern League", or the long names the AI and the
generated maps give) ran past the foot of the dialog at 1280x720, its height fixed for an offer
without a name line. The names here are the longest the game makes: a generated nation's
"People's Republic of" and ten letters, the AI's "<nation>–<nation> Treaty" cut at the 80
letters a name may have, and a scope that names four territories.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pygame
import pytest
from pygame_gui.elements import UIButton

from game.core import Match, apply, new_match
from game.core import world as w
from game.core.actions import EndTurn, InviteToAlliance, ProposeAlliance
from game.io.levels import level_from_data
from game.ui.panels import OfferDialog
from tests.conftest import LEVELS_DIR
from tests.ui.test_match_hotseat import open_the_first_question
from tests.ui.test_match_screen import Screen, home  # noqa: F401 - home: a fixture

pytestmark = pytest.mark.usefixtures("home")  # autosaves go to a temporary folder

SIZES = [(1024, 768), (1280, 720), (1920, 1080)]
#: The longest nation names a generated map gives: its longest form and a ten-letter place name.
SENDER, RECIPIENT = "People's Republic of Ostvarenna", "People's Republic of Kelvarosti"
#: The name the AI gives an alliance of the two (game/ai/bandwagoner.py), as long as it gets.
AI_NAME = f"{SENDER}–{RECIPIENT} Treaty"[:80]
#: A name a player may type, near the 80 letters a name may have.
LONG_ALLIANCE = "The Northern League of Free Peoples for Mutual Defence, Trade and Friendship"


def continent_with_long_names() -> Any:
    """The continent, France and Germany named like a generated map's longest nations, and France's
    alliance with Russia given the longest name an alliance may have."""
    data = json.loads((LEVELS_DIR / "continent.json").read_text(encoding="utf-8"))
    for nation in data["nations"]:
        nation["name"] = {"france": SENDER, "germany": RECIPIENT}.get(nation["id"], nation["name"])
    for alliance in data["treaties"]["alliances"]:
        if alliance["id"] == "franco_russian":
            alliance["name"] = LONG_ALLIANCE
    return level_from_data(data, "<continent>")


def named_alliance_offered() -> Match:
    """France (who opens) offers Germany an alliance under the AI's longest name, limited in scope."""
    m = new_match(continent_with_long_names(), seed=2)
    germany = w.territories_of(m, "germany")[:4]
    apply(m, ProposeAlliance(nation="france", to="germany", name=AI_NAME, against=("italy",), territories=germany))
    apply(m, EndTurn())
    return m


def invitation_to_a_named_alliance() -> Match:
    """France invites Germany to join the alliance with the longest name."""
    m = new_match(continent_with_long_names(), seed=2)
    apply(m, InviteToAlliance(nation="france", alliance="franco_russian", to="germany"))
    apply(m, EndTurn())
    return m


OFFERS: dict[str, Callable[[], Match]] = {"alliance": named_alliance_offered, "invite": invitation_to_a_named_alliance}


def open_offer(make: Callable[[], Match], size: tuple[int, int]) -> Screen:
    screen = Screen(make(), size=size)
    open_the_first_question(screen)
    assert isinstance(screen.dialog, OfferDialog), "the offer dialog opened"
    return screen


def footer_buttons(dialog: OfferDialog) -> list[UIButton]:
    return [dialog.later, dialog.reject_button, dialog.accept_button]


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("kind", list(OFFERS))
def test_a_named_alliances_offer_is_read_whole_above_its_answers(kind: str, size: tuple[int, int]) -> None:
    screen = open_offer(OFFERS[kind], size)
    try:
        dialog = screen.dialog
        text = dialog.text
        name = LONG_ALLIANCE if kind == "invite" else AI_NAME
        assert name in text.html_text, "the alliance is named in full"
        assert text.scroll_bar is None, "every line shows without scrolling"
        room = dialog.window.get_container().get_rect()
        assert room.contains(text.rect), "the text lies inside the dialog"
        top_of_answers = min(b.rect.top for b in footer_buttons(dialog))
        assert text.rect.bottom <= top_of_answers, "the text stops above the answers"
        assert top_of_answers - text.rect.bottom <= 24, "and the answers follow it, with no empty band between"
        assert all(room.contains(b.rect) for b in footer_buttons(dialog)), "every answer lies inside the dialog"
        assert pygame.Rect((0, 0), size).contains(dialog.window.rect), "the dialog lies on the screen"
    finally:
        screen.close()
