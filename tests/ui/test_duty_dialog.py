"""The duty dialog tells the price of each answer and the deadline as the core gives them.

The numbers are what :func:`game.core.preview` says honouring and passing would do, and what the
match then shows once the player has answered; the deadline is the core's ``deadline_round``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from game.core import apply, deadline_round, new_match, preview
from game.core.actions import Attack, EndTurn, HonourDuty, PassTheBuck
from game.ui.panels import DutyDialog
from tests.builder import level_of
from tests.core.test_article5_1914 import france_to_play_after_germany_attacks_russia
from tests.ui.test_match_hotseat import open_the_first_question
from tests.ui.test_match_screen import Screen, home  # noqa: F401 - home: a fixture

pytestmark = pytest.mark.usefixtures("home")  # autosaves go to a temporary folder


def duty_screen(credibility: int | None = None) -> Screen:
    """France to play with the Franco-Russian Alliance's duty open (Germany attacked Russia), its dialog up."""
    match = france_to_play_after_germany_attacks_russia().match
    if credibility is not None:
        match.credibility["france"] = credibility
    screen = Screen(match)
    open_the_first_question(screen)  # the report holds the news and the question
    assert isinstance(screen.dialog, DutyDialog)
    return screen


@pytest.fixture
def screen() -> Iterator[Screen]:
    shown = duty_screen()
    yield shown
    shown.close()


def dialog_text(screen: Screen) -> str:
    html = screen.dialog.window.get_container().elements[0].html_text
    return " ".join(re.sub(r"<[^>]+>", " ", html).replace("\u00a0", " ").split())


def signed(value: int) -> str:
    return f"+{value}" if value > 0 else f"−{-value}"


def test_the_dialog_shows_the_credibility_and_cohesion_the_core_says_each_answer_moves(screen: Screen) -> None:
    duty = screen.dialog.duty
    honour = preview(screen.match, HonourDuty(nation="france", duty=duty.id))
    passing = preview(screen.match, PassTheBuck(nation="france", duty=duty.id))
    text = dialog_text(screen)
    assert (
        f"Credibility {signed(honour.credibility['france'])}; cohesion of the Franco-Russian Alliance "
        f"{signed(honour.cohesion['franco_russian'])}" in text
    )
    assert (
        f"Credibility {signed(passing.credibility['france'])}; cohesion of the Franco-Russian Alliance "
        f"{signed(passing.cohesion['franco_russian'])}" in text
    )


def test_honouring_moves_credibility_by_what_the_dialog_said(screen: Screen) -> None:
    before = screen.match.credibility["france"]
    said = re.search(r"enters the war\. Credibility ([+−]\d+)", dialog_text(screen))
    assert said is not None
    screen.press_button(screen.dialog.honour_button)
    assert signed(screen.match.credibility["france"] - before) == said.group(1)


def test_the_dialog_asks_for_an_answer_by_the_round_the_core_sets(screen: Screen) -> None:
    assert f"Answer by the end of your turn (round {deadline_round(screen.dialog.duty)})" in dialog_text(screen)


def test_credibility_at_its_top_is_said_to_stay_there_rather_than_to_rise() -> None:
    screen = duty_screen(credibility=100)
    try:
        text = dialog_text(screen)
        assert "enters the war. Credibility stays at 100; cohesion" in text
        assert "Credibility +" not in text
    finally:
        screen.close()


# -- Scope: the dialog says who a treaty's scope left out, and that one's own treaty reaches this attack ----


def britain_called_to_danzig() -> Screen:
    """The Danzig fixture, seat 1 to play after Germany attacked the Danzig Corridor: Britain and France
    are called, Romania (allied to Poland only against the USSR) is not."""
    match = new_match(level_of("danzig_1939.json"), seed=1)
    apply(match, EndTurn())
    match.forces["berlin"]["germany"] = 9
    apply(match, Attack(nation="germany", source="berlin", target="danzig", amount=9))
    apply(match, EndTurn())  # the NPC phase, then round 2: seat 2 opens
    apply(match, EndTurn())  # seat 1 to play
    assert {d.nation for d in match.duties.values()} == {"britain", "france"}
    screen = Screen(match)
    open_the_first_question(screen)  # the report holds the news and the question
    assert isinstance(screen.dialog, DutyDialog) and screen.dialog.duty.nation == "britain"
    return screen


def test_the_duty_dialog_says_whom_the_scope_of_a_treaty_spared_and_that_its_own_treaty_binds_here() -> None:
    screen = britain_called_to_danzig()
    try:
        text = dialog_text(screen)
        assert "It binds only against Germany, and this attack is within it." in text
        assert (
            "The Polish-Romanian Alliance binds Romania only against Soviet Union: it owes Poland no war against "
            "Germany." in text
        )
        assert screen.dialog.text.scroll_bar is None, "the longer body still fits without scrolling"
    finally:
        screen.close()
