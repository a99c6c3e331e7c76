"""The shortcuts card names every key the match screen shows a player, and fits the smallest window."""

from __future__ import annotations

import pygame
import pytest

from game.core import new_match
from game.ui.scenes.help import SHORTCUTS, SHORTCUTS_WIDTH, HelpScene
from game.ui.scenes.match_view import HINT
from game.ui.theme import font_size
from tests.ui.test_match_screen import Screen, fixture_level, home  # noqa: F401 - home: a fixture

pytestmark = pytest.mark.usefixtures("home")


def listed_keys() -> set[str]:
    return {cap for _, items in SHORTCUTS for keys, _ in items for token in keys.split(" ") for cap in token.split("+")}


def test_every_key_on_the_hint_strip_and_the_legend_has_its_row_on_the_card() -> None:
    hinted = {part.split(" ")[0] for part in HINT.split(" · ")} - {"Drag"}  # a drag is the mouse's, not a key
    missing = (hinted | {"L"}) - listed_keys()  # "NATIONS (L show)" heads the legend
    assert missing == set(), f"the hint strip promises keys the help does not list: {sorted(missing)}"


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)], ids=["1280x720", "1920x1080"])
def test_the_card_fits_the_window_and_each_meaning_stays_left_of_the_round_rules(size: tuple[int, int]) -> None:
    screen = Screen(new_match(fixture_level(), seed=2), size=size)
    try:
        screen.press(pygame.K_F1)
        card = screen.app.scene
        assert isinstance(card, HelpScene)
        face = card.render_card()
        assert face.get_height() <= size[1] - 20 and face.get_width() <= size[0] - 20
        font = screen.app.font(font_size("reading"))
        too_long = [
            m for _, items in SHORTCUTS for _, m in items if card.meaning_x + font.size(m)[0] > SHORTCUTS_WIDTH - 24
        ]
        assert too_long == [], "these run into 'How a round goes'"
    finally:
        screen.close()
