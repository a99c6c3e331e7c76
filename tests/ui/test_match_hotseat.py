"""Hot-seat play, start to finish, with the mouse and the keyboard only.

Two people share the computer: each turn one selects, attacks through the combat
preview, ends the turn with Enter, and the next takes over through the hand-over
screen (the first seat alternates, so across a round's end the same seat plays on);
duties and offers are answered in their dialogs. The match ends on the game-over screen.
"""

from __future__ import annotations

import pygame
import pytest

from game.core import current_seat, first_seat, new_match
from game.core import world as w
from game.core.actions import ProposePact
from game.ui.panels import CombatPreview, DutyDialog, MoveDialog, OfferDialog
from game.ui.panels.report import TurnReport
from game.ui.scenes.gameover import GameOverScene
from game.ui.scenes.handover import HandoverScene
from tests.ui.test_match_screen import Screen, fixture_level, home  # noqa: F401 - home: a fixture

pytestmark = pytest.mark.usefixtures("home")  # autosaves go to a temporary folder


def answer_prompts(screen: Screen, honour: bool = True) -> list[str]:
    """Answer every duty and offer the turn-start report lists, each from its Answer button; returns their kinds."""
    seen = []
    for _ in range(20):
        dialog = screen.dialog
        if isinstance(dialog, TurnReport):  # the news and the questions, each answered from here
            buttons = list(dialog.answer_buttons)
            screen.press_button(buttons[0] if buttons else dialog.proceed)
        elif isinstance(dialog, DutyDialog):
            seen.append("duty")
            button = dialog.honour_button if honour and dialog.honour_button.is_enabled else dialog.pass_button
            screen.press_button(button)
        elif isinstance(dialog, OfferDialog):
            seen.append("offer")
            button = dialog.accept_button if dialog.accept_button.is_enabled else dialog.reject_button
            screen.press_button(button)
        else:
            break
    return seen


def open_the_first_question(screen: Screen) -> None:
    """On the turn-start report, press the first question's Answer button: its dialog opens."""
    report = screen.dialog
    assert isinstance(report, TurnReport) and report.answer_buttons, "the report lists a question"
    screen.press_button(next(iter(report.answer_buttons)))


def dismiss_cards(screen: Screen) -> None:
    """Put the hints away, and the first turn's report when it only holds the level's briefing."""
    report = screen.dialog
    if isinstance(report, TurnReport) and report.briefing and not report.questions:
        screen.press_button(report.proceed)
    while screen.scene.card is not None:
        screen.press_button(screen.scene.card.dismiss)


def play_turn(screen: Screen) -> None:
    """One seat's turn as a person plays it: an attack if there is one, else a move, then Enter."""
    answer_prompts(screen)
    dismiss_cards(screen)
    found = screen.territory_with_orders()
    if found is not None:
        source, moves, attacks = found
        if screen.scene.selected != source:
            screen.click_territory(source)
        assert screen.scene.selected == source
        if attacks:
            screen.click_territory(sorted(attacks)[0])
            assert isinstance(screen.dialog, CombatPreview)
            screen.press_button(screen.dialog.confirm)
        elif moves:
            screen.click_territory(sorted(moves)[0])
            assert isinstance(screen.dialog, MoveDialog)
            screen.press_button(screen.dialog.confirm)
        dismiss_cards(screen)
    press_end_turn(screen)


def press_end_turn(screen: Screen) -> None:
    """Enter, and Enter again when End turn warns about what is left to do."""
    screen.press(pygame.K_RETURN)
    if screen.scene.end_warning:
        screen.press(pygame.K_RETURN)


def test_a_short_hot_seat_match_is_played_to_the_end_with_mouse_and_keys() -> None:
    match = new_match(fixture_level(round_limit=2), seed=11)
    screen = Screen(match)
    try:
        handovers = 0
        for _ in range(12):
            if match.outcome is not None:
                break
            seat, round_ = current_seat(match), match.round
            play_turn(screen)
            if match.outcome is None:
                # Within a round the other seat plays next; the first seat alternates, so the seat
                # that closed a round opens the next one, after the nations nobody plays.
                if match.round == round_:
                    assert current_seat(match) == 1 - seat
                else:
                    assert current_seat(match) == seat == first_seat(match, match.round)
                assert isinstance(screen.app.scene, HandoverScene)  # the map is hidden between turns
                assert screen.app.scene.opaque
                handovers += 1
                screen.press_button(screen.app.scene.continue_button)
                assert screen.app.scene is screen.scene
        assert match.outcome is not None
        assert handovers >= 3
        assert isinstance(screen.app.scene, GameOverScene)
        kinds = {e.kind for e in match.events}
        assert {"battle", "turn_started", "npc_phase_started", "match_over"} <= kinds
    finally:
        screen.close()


def test_the_turn_opens_on_one_report_and_each_question_is_answered_from_it() -> None:
    match = new_match(fixture_level(), seed=4)
    screen = Screen(match)
    try:
        dismiss_cards(screen)
        # Seat 1 offers France a pact through the diplomacy window, then attacks Russia.
        screen.press(pygame.K_d)
        diplomacy = screen.dialog
        screen.press_button(diplomacy._nation_buttons["france"])
        pact = next(b for b, (what, a) in diplomacy._buttons.items() if what == "act" and isinstance(a, ProposePact))
        screen.press_button(pact)
        screen.press(pygame.K_ESCAPE)
        screen.click_territory("berlin")
        screen.click_territory("warsaw")
        screen.press_button(screen.dialog.confirm)  # Article 5: France is called
        dismiss_cards(screen)
        press_end_turn(screen)
        screen.press(pygame.K_SPACE)  # the hand-over's Continue

        # One card, not a chain: the duty and the offer are listed together.
        report = screen.dialog
        assert isinstance(report, TurnReport)
        assert [q[0] for q in report.questions] == ["duty", "offer"]
        texts = [lbl.text for lbl in report.question_labels]
        assert "France" in texts[0] and "pact" in texts[1].lower()
        screen.press_button(list(report.answer_buttons)[0])

        duty = screen.dialog
        assert isinstance(duty, DutyDialog)
        assert duty.duty.nation == "france" and duty.duty.aggressor == "germany"
        text = duty.window.get_container().elements[0].html_text
        assert "Honour the duty" in text and "Pass the buck" in text and "+5" in text and "10" in text
        screen.press_button(duty.honour_button)

        assert w.at_war(match, "france", "germany")
        assert any(e.kind == "duty_honoured" and e.nation == "france" for e in match.events)
        back = screen.dialog  # the report again, with what is left
        assert isinstance(back, TurnReport) and [q[0] for q in back.questions] == ["offer"]
        screen.press_button(list(back.answer_buttons)[0])
        offer = screen.dialog
        assert isinstance(offer, OfferDialog) and offer.offer.kind == "pact"
        screen.press_button(offer.reject_button)
        assert screen.dialog is None and not match.offers
    finally:
        screen.close()


def test_decide_later_leaves_the_duty_open_and_ending_the_turn_warns_once() -> None:
    match = new_match(fixture_level(), seed=4)
    screen = Screen(match)
    try:
        dismiss_cards(screen)
        screen.click_territory("berlin")
        screen.click_territory("warsaw")
        screen.press_button(screen.dialog.confirm)
        press_end_turn(screen)
        screen.press(pygame.K_RETURN)  # Continue on the hand-over
        report = screen.dialog
        assert isinstance(report, TurnReport)
        screen.press_button(list(report.answer_buttons)[0])
        assert isinstance(screen.dialog, DutyDialog)

        screen.press_button(screen.dialog.later)
        assert isinstance(screen.dialog, TurnReport)  # back on the report, the duty still listed
        screen.press_button(screen.dialog.proceed)
        assert screen.dialog is None and match.duties
        screen.press(pygame.K_RETURN)
        assert current_seat(match) == 1, "the first press only warns"
        assert "1 duty unanswered" in screen.scene.end_warning
        screen.frames(2)

        screen.press(pygame.K_RETURN)
        assert any(e.kind == "buck_passed" and e.nation == "france" and e.expired for e in match.events)
    finally:
        screen.close()
