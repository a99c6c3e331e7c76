"""The match screen's dialogs sit on one stack: the player talks to the top one, and closing it
brings back the one below as it was (a glossary looked up from a duty returns to the duty).

Every match dialog is a :class:`~game.ui.panels.dialog.Dialog`: Esc closes it alone.
"""

from __future__ import annotations

from collections.abc import Iterator

import pygame
import pytest

from game.core import Match, apply, new_match
from game.core.actions import EndTurn
from game.ui.commands import EndTurnAsked
from game.ui.panels import (
    CallDialog,
    CombatPreview,
    ConfirmDialog,
    DiplomacyWindow,
    DutyDialog,
    GlossaryCard,
    GlossaryWindow,
    MoveDialog,
    OfferDialog,
)
from game.ui.panels.dialog import Dialog, DialogStack
from game.ui.panels.report import TurnReport
from tests.core.test_article5_1914 import france_to_play_after_germany_attacks_russia
from tests.core.test_doctrines import match_of
from tests.ui.test_match_hotseat import dismiss_cards, open_the_first_question
from tests.ui.test_match_screen import Screen, fixture_level, home  # noqa: F401 - home: a fixture

pytestmark = pytest.mark.usefixtures("home")  # autosaves go to a temporary folder


@pytest.fixture
def duty() -> Iterator[Screen]:
    """France to play with Article 5 invoked: the report, then the duty's own dialog."""
    screen = Screen(france_to_play_after_germany_attacks_russia().match)
    open_the_first_question(screen)
    assert isinstance(screen.dialog, DutyDialog)
    yield screen
    screen.close()


def seen(dialog: Dialog) -> bool:
    return bool(dialog.alive() and dialog.window.visible)


def test_the_glossary_opened_from_a_duty_returns_to_the_duty_which_then_hears_the_keys(duty: Screen) -> None:
    question = duty.dialog
    duty.press(pygame.K_g)
    glossary = duty.dialog
    assert isinstance(glossary, GlossaryWindow) and seen(glossary)
    assert question.alive() and not seen(question), "the duty waits under the glossary, out of sight"
    duty.press(pygame.K_ESCAPE)
    assert not glossary.alive()
    assert duty.dialog is question and seen(question), "closing the glossary brings the duty back"
    duty.press(pygame.K_ESCAPE)  # now the duty hears Esc: decide later, back to the report
    assert not question.alive() and isinstance(duty.dialog, TurnReport)


def test_a_button_of_the_dialog_brought_back_still_answers(duty: Screen) -> None:
    question = duty.dialog
    duty.press(pygame.K_g)
    duty.press_button(duty.dialog.close)
    assert duty.dialog is question
    duty.press_button(question.honour_button)
    assert any(e.kind == "duty_honoured" for e in duty.match.events)


def test_esc_closes_only_the_top_dialog(duty: Screen) -> None:
    duty.press(pygame.K_g)
    assert len(duty.scene.dialogs) == 2
    duty.press(pygame.K_ESCAPE)
    assert len(duty.scene.dialogs) == 1 and isinstance(duty.dialog, DutyDialog)
    assert duty.match.duties, "the duty is still open: Esc on the glossary did not answer it"


def test_the_window_closed_by_its_cross_reveals_the_one_below(duty: Screen) -> None:
    question = duty.dialog
    duty.press(pygame.K_g)
    duty.press_button(duty.dialog.window.close_window_button)
    assert duty.dialog is question and seen(question)


def test_a_resize_remakes_both_dialogs_and_keeps_their_order(duty: Screen) -> None:
    duty.press(pygame.K_g)
    duty.app.resize((1024, 768))
    duty.frames(2)
    under, top = list(duty.scene.dialogs)
    assert isinstance(under, DutyDialog) and isinstance(top, GlossaryWindow)
    assert seen(top) and not seen(under)
    assert top.window.rect.right <= 1024 and under.window.rect.right <= 1024
    duty.press(pygame.K_ESCAPE)
    assert duty.dialog is under and seen(under)


def report_then_offer() -> Match:
    """East's turn opens on an offer from Middle, a bandwagoner courting the stronger East."""
    m = match_of("bandwagoner", west=8, east=14)
    order = [n.id for n in m.level.nations].index("middle")
    m.round = 3 - order % 3  # the bandwagoner's courting round
    apply(m, EndTurn())
    apply(m, EndTurn())
    return m


def test_the_report_comes_first_then_the_offer_one_dialog_at_a_time() -> None:
    m = report_then_offer()
    screen = Screen(m)
    try:
        report = screen.dialog
        assert isinstance(report, TurnReport) and [q[0] for q in report.questions] == ["offer"]
        assert len(screen.scene.dialogs) == 1
        screen.press(pygame.K_g)  # a look at the glossary first: the report waits
        screen.press(pygame.K_ESCAPE)
        assert screen.dialog is report
        screen.press_button(next(iter(report.answer_buttons)))
        offer = screen.dialog
        assert isinstance(offer, OfferDialog) and len(screen.scene.dialogs) == 1, "the offer, alone"
        screen.press_button(offer.accept_button)
        assert not m.offers and screen.dialog is None
    finally:
        screen.close()


def test_the_stack_shows_one_dialog_and_brings_the_lower_back_when_the_top_goes() -> None:
    screen = Screen(new_match(fixture_level(), seed=3))
    try:
        dismiss_cards(screen)
        stack = DialogStack()
        lower = stack.push(GlossaryWindow(screen.app, screen.scene.map_rect))
        upper = stack.push(
            ConfirmDialog(screen.app, "Sure?", "End the turn?", "End", "Back", screen.scene.map_rect, EndTurnAsked())
        )
        screen.frames(2)
        assert stack.top is upper and seen(upper) and not seen(lower)
        assert stack.pop() is upper and not upper.alive()
        screen.frames(2)
        assert stack.top is lower and seen(lower) and lower.window.is_blocking
        stack.clear()
        assert stack.top is None and not lower.alive()
    finally:
        screen.close()


def test_every_match_dialog_is_a_dialog() -> None:
    for kind in (
        DutyDialog,
        CallDialog,
        OfferDialog,
        ConfirmDialog,
        CombatPreview,
        MoveDialog,
        GlossaryCard,
        GlossaryWindow,
        TurnReport,
        DiplomacyWindow,
    ):
        assert issubclass(kind, Dialog), kind


def test_esc_closes_every_dialog_the_map_opens() -> None:
    screen = Screen(new_match(fixture_level(), seed=3))
    try:
        dismiss_cards(screen)
        found = screen.territory_with_orders()
        assert found is not None
        source, moves, attacks = found
        for opened in (lambda: screen.press(pygame.K_d), lambda: screen.press(pygame.K_g)):
            opened()
            assert screen.dialog is not None
            screen.press(pygame.K_ESCAPE)
            assert screen.dialog is None
        target = next(iter(attacks or moves))
        before = len(screen.match.events)
        screen.click_territory(source)
        screen.click_territory(target)
        assert isinstance(screen.dialog, CombatPreview | MoveDialog)
        screen.press(pygame.K_ESCAPE)
        assert screen.dialog is None and len(screen.match.events) == before, "cancelled: nothing was ordered"
    finally:
        screen.close()
