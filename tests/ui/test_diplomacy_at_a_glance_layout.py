"""The diplomacy window shows a busy nation whole: its forecast and every action without scrolling.

Issue 17: the "If <nation> answered today" forecast sat under the action buttons, so at 1280x720
the middle column had to be scrolled to read it (and to reach Call to arms on a busy nation), and
the window stayed 1000 px wide on a 1920x1080 screen.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from pygame_gui.elements import UILabel, UITextBox

from game.core import Match, apply, legal_actions, new_match
from game.core.actions import Attack, CallToArms, OfferGuarantee
from game.ui.panels import DiplomacyWindow, top_bar
from game.ui.panels.report import TurnReport
from tests.ui.test_diplomacy_layout import clipped_texts, continent_with_a_long_alliance_name
from tests.ui.test_match_screen import Screen, home  # noqa: F401 - home: a fixture

pytestmark = pytest.mark.usefixtures("home")  # autosaves go to a temporary folder

SIZES = [(1280, 720), (1920, 1080)]
#: How far a text box of the window reaches past its words: it is laid 4 px wider on each side.
TEXT_PADDING = 4


def france_at_war_courting_britain() -> Match:
    """The continent with France also in an alliance of a long name: France has attacked Germany and
    Italy (two wars its allies could be called into) and offered Britain, its ally, a guarantee."""
    m = new_match(continent_with_a_long_alliance_name(), seed=4)
    for target in ("alsace_lorraine", "piedmont"):
        apply(m, next(a for a in legal_actions(m, m.seat) if isinstance(a, Attack) and a.target == target))
    apply(m, OfferGuarantee(nation="france", to="britain"))
    return m


def busy_britain(size: tuple[int, int]) -> Screen:
    """The diplomacy window on Britain: two alliances to invite it to, one to exercise with, two calls to
    arms, an offer waiting for its answer and the forecast of each offer."""
    screen = Screen(france_at_war_courting_britain(), size=size)
    while isinstance(screen.dialog, TurnReport):
        screen.press_button(screen.dialog.proceed)
    screen.scene.open_diplomacy("france", "britain")
    screen.frames(2)
    assert isinstance(screen.dialog, DiplomacyWindow) and screen.dialog.focus == "britain"
    return screen


def plain(element: Any) -> str:
    return re.sub(r"<[^>]+>", "", str(getattr(element, "html_text", None) or getattr(element, "text", "")))


def middle_column(window: DiplomacyWindow) -> list[Any]:
    return window._parts["b"]


def in_sight(window: DiplomacyWindow, element: Any) -> bool:
    """``element`` lies inside the part of the middle column that shows, and inside the window (a text
    box's words, that is: its box reaches the width of its padding past them on every side)."""
    padding = TEXT_PADDING if isinstance(element, UITextBox) else 0
    seen = element.rect.inflate(-2 * padding, -2 * padding)
    return bool(window.focus_column.rect.contains(seen) and window.window.get_container().rect.contains(seen))


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_a_busy_nations_forecast_and_every_action_show_without_scrolling(size: tuple[int, int]) -> None:
    screen = busy_britain(size)
    try:
        window = screen.dialog
        actions = [e for e in middle_column(window) if window._buttons.get(e, ("",))[0] == "act"]
        captions = {b.text for b in actions}
        assert {"Offer guarantee", "Invite to join", "Joint exercise (6 gold)"} <= captions
        calls = [b for b in actions if isinstance(window._buttons[b][1], CallToArms)]
        assert [b.text for b in calls] == ["Call it into the war on Germany", "Call it into the war on Italy"]
        assert [b.text for b in actions if not in_sight(window, b)] == [], "every action is in sight"
        title = next(e for e in middle_column(window) if isinstance(e, UILabel) and "ANSWERED TODAY" in e.text)
        forecast = [e for e in middle_column(window) if isinstance(e, UITextBox) and "Britain would" in plain(e)]
        assert forecast and "Guarantee (offered) — Britain would" in plain(forecast[0])
        assert in_sight(window, title) and all(in_sight(window, e) for e in forecast), "the forecast is in sight"
        assert all(e.scroll_bar is None for e in forecast), "read to its last line"
        assert clipped_texts(window) == []
        tick = window.article_box.text_label
        assert tick.rect.right <= window.name_entry.rect.right, "the Article 5 caption stays in its half"
    finally:
        screen.close()


def test_on_a_large_screen_the_window_uses_the_room() -> None:
    screen = busy_britain((1920, 1080))
    try:
        window = screen.dialog.window
        frame = window.rect.inflate(-2 * window.shadow_width, -2 * window.shadow_width)
        below_bar = 1080 - top_bar.HEIGHT
        assert frame.width >= 1920 * 3 // 4 and frame.height >= below_bar * 9 // 10
        assert frame.top >= top_bar.HEIGHT and frame.bottom <= 1080 and frame.left >= 0 and frame.right <= 1920
    finally:
        screen.close()


def test_the_answer_to_an_action_in_the_window_shows_with_every_action_still_in_sight() -> None:
    screen = busy_britain((1280, 720))
    try:
        window = screen.dialog
        aid = next(b for b, (what, a) in window._buttons.items() if what == "act" and a.kind == "regime_aid")
        screen.press_button(aid)
        window = screen.dialog
        assert window.answers, "the core's answer to the offer"
        answer = next(e for e in middle_column(window) if isinstance(e, UITextBox) and "Just now" in plain(e))
        assert window.answers[0] in plain(answer) and in_sight(window, answer), "the answer is read where it was asked"
        actions = [e for e in middle_column(window) if window._buttons.get(e, ("",))[0] == "act"]
        assert [b.text for b in actions if not in_sight(window, b)] == [], "and every action is still in sight"
    finally:
        screen.close()
