"""A call to arms from a reckless ally opens the seat's turn as a dialog: join (entrapment) or stay out.

The stage is tests/core/test_calls.py's reckless world: Middle, a nation of the rules allied to
West, starts a war on East for its claim and calls West in.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from game.core import preview
from game.core.actions import AnswerCall
from game.ui.panels import CallDialog
from game.ui.panels.report import TurnReport
from tests.core.test_calls import reckless_world
from tests.ui.test_match_hotseat import open_the_first_question
from tests.ui.test_match_screen import Screen, home  # noqa: F401 - home: a fixture

pytestmark = pytest.mark.usefixtures("home")


@pytest.fixture
def screen() -> Iterator[Screen]:
    game = reckless_world(middle=4, east=3, west=20)
    game.give_forces("n2", middle=12)
    game.end_turn()
    game.end_turn()
    game.play_until_seat(0, at_least_one=False)
    shown = Screen(game.match)
    open_the_first_question(shown)  # the report holds the news and the question
    yield shown
    shown.close()


def text_of(screen: Screen) -> str:
    html = screen.dialog.window.get_container().elements[0].html_text
    return " ".join(re.sub(r"<[^>]+>", " ", html).replace("\u00a0", " ").split())


def test_the_turn_opens_on_the_call_with_the_callers_reason_and_each_answers_price(screen: Screen) -> None:
    assert isinstance(screen.dialog, CallDialog)
    call = screen.dialog.call
    text = text_of(screen)
    assert "Middle calls on West to join its war on East" in text and "its claim on E2" in text
    refusing = preview(screen.match, AnswerCall(nation="west", call=call.id, join=False))
    assert f"Cohesion of the Western Pact −{-refusing.cohesion['western']}" in text
    assert "credibility is untouched" in text


def test_joining_from_the_dialog_puts_the_seat_at_war_with_the_callers_enemy(screen: Screen) -> None:
    assert isinstance(screen.dialog, CallDialog)
    screen.press_button(screen.dialog.join_button)
    assert frozenset(("west", "east")) in screen.match.wars
    assert screen.match.calls == {}


def test_an_aggressor_calls_its_ally_in_from_the_diplomacy_window() -> None:
    from game.core.actions import CallToArms
    from tests.core.test_calls import west_at_war_with_east, world
    from tests.ui.test_diplomacy_window import button_for, focus

    game = world()
    west_at_war_with_east(game)
    shown = Screen(game.match)
    try:
        while isinstance(shown.dialog, TurnReport):
            shown.press_button(shown.dialog.proceed)
        shown.scene.open_diplomacy("west")
        window = focus(shown, "middle")
        button = button_for(window, CallToArms)
        assert button.text == "Call it into the war on East" and button.is_enabled
        if not window.focus_column.rect.contains(button.rect):  # below the fold: scroll down as a player would
            window.focus_column.vert_scroll_bar.set_scroll_from_start_percentage(1.0)
            shown.frames(3)
        assert window.focus_column.rect.contains(button.rect), "the call button can be scrolled into view"
        shown.press_button(button)
        assert [(c.caller, c.ally, c.enemy) for c in shown.match.calls.values()] == [("west", "middle", "east")]
    finally:
        shown.close()
