"""The diplomacy window: every treaty action as a button, enabled exactly when the core allows it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pygame
import pytest

from game.core import new_match
from game.core.actions import (
    AnswerOffer,
    JointExercise,
    LeaveTreaty,
    ProposeAlliance,
    ProposePact,
    ProposePeace,
)
from game.ui.panels import DiplomacyWindow
from tests.ui.test_match_hotseat import dismiss_cards
from tests.ui.test_match_screen import Screen, fixture_level, home  # noqa: F401 - home: a fixture

pytestmark = pytest.mark.usefixtures("home")  # autosaves go to a temporary folder


@pytest.fixture
def screen() -> Iterator[Screen]:
    shown = Screen(new_match(fixture_level(), seed=9))
    dismiss_cards(shown)
    shown.press(pygame.K_d)
    assert isinstance(shown.dialog, DiplomacyWindow)
    yield shown
    shown.close()


def action_buttons(window: DiplomacyWindow) -> dict[Any, Any]:
    return {button: action for button, (what, action) in window._buttons.items() if what == "act"}


def focus(screen: Screen, nation: str) -> DiplomacyWindow:
    window = screen.dialog
    screen.press_button(window._nation_buttons[nation])
    assert window.focus == nation
    return window


def button_for(window: DiplomacyWindow, kind: type) -> Any:
    return next(b for b, a in action_buttons(window).items() if isinstance(a, kind))


def test_each_button_is_enabled_exactly_when_its_action_is_legal(screen: Screen) -> None:
    window = screen.dialog
    legal = screen.scene.legal()
    for nation in ("france", "russia", "britain", "serbia", "italy"):
        focus(screen, nation)
        for button, action in action_buttons(window).items():
            assert button.is_enabled == window._is_legal(action), (nation, action)
            if isinstance(action, (ProposePact, ProposePeace, LeaveTreaty, JointExercise)):
                assert button.is_enabled == (action in legal)


def test_a_disabled_button_says_why_in_the_cores_words(screen: Screen) -> None:
    window = focus(screen, "russia")  # Germany and Russia already have a pact, and are not at war
    pact = button_for(window, ProposePact)
    peace = button_for(window, ProposePeace)
    assert not pact.is_enabled and "already have a pact" in pact.tool_tip_text
    assert not peace.is_enabled and "not at war" in peace.tool_tip_text


def test_an_npc_answers_a_proposal_at_once_and_its_reason_is_shown(screen: Screen) -> None:
    window = focus(screen, "britain")
    screen.press_button(button_for(window, ProposePact))

    answer = next(e for e in reversed(screen.match.events) if e.kind == "offer_answered")
    assert answer.reason  # NPCs always say why
    assert window.answers and any(answer.reason in line for line in window.answers)
    assert not button_for(window, ProposePact).is_enabled  # one offer of a kind per turn


def test_an_alliance_is_proposed_with_the_name_typed_and_without_article_5(screen: Screen) -> None:
    window = focus(screen, "britain")
    screen.click(window.name_entry.rect.center)
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_a, mod=pygame.KMOD_CTRL, unicode="", scancode=0))
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text="North Sea Compact"))
    screen.frames(2)
    screen.press_button(window.article_box)
    assert window.name_entry.get_text() == "North Sea Compact" and not window.article_box.is_checked

    screen.press_button(button_for(window, ProposeAlliance))

    made = [a for a in screen.match.log if a["kind"] == "propose_alliance"]
    assert made[-1]["name"] == "North Sea Compact" and made[-1]["collective_defence"] is False


def test_a_joint_exercise_raises_cohesion_and_the_bar_follows(screen: Screen) -> None:
    window = focus(screen, "austria")
    before = screen.match.alliances["triple_alliance"].cohesion
    screen.press_button(button_for(window, JointExercise))

    after = screen.match.alliances["triple_alliance"].cohesion
    assert after > before
    assert any(e.kind == "joint_exercise_held" for e in screen.match.events)
    assert not button_for(window, JointExercise).is_enabled  # one exercise a turn


def test_leaving_a_treaty_from_its_row(screen: Screen) -> None:
    window = screen.dialog
    leave = next(
        b for b, a in action_buttons(window).items() if a == LeaveTreaty(nation="germany", treaty="pact_germany_russia")
    )
    screen.press_button(leave)
    assert "pact_germany_russia" not in screen.match.pacts


def test_the_other_seats_offer_is_accepted_in_the_window_on_its_turn() -> None:
    screen = Screen(new_match(fixture_level(), seed=9))
    try:
        dismiss_cards(screen)
        screen.press(pygame.K_d)
        window = focus(screen, "france")
        screen.press_button(button_for(window, ProposePact))
        screen.press(pygame.K_ESCAPE)
        screen.press(pygame.K_RETURN)
        screen.press(pygame.K_RETURN)  # hand-over: Continue
        later = screen.dialog.later  # the offer dialog; answer it from the window instead
        screen.press_button(later)
        screen.press(pygame.K_d)
        window = screen.dialog
        accept = next(b for b, a in action_buttons(window).items() if isinstance(a, AnswerOffer) and a.accept)
        screen.press_button(accept)
        assert "pact_france_germany" in screen.match.pacts
    finally:
        screen.close()
