"""Who moves first: the first seat alternates every round, and the screens say so.

The top bar names the seat that opens the round; the hand-over says where the seat to play
stands in the order (and that it plays twice in a row when it closed the last round); a
player against the AI hears it in the turn's notice; the help card and the glossary explain
why the order alternates and why nations nobody plays answer offers only when the round ends.
"""

from __future__ import annotations

import pygame
import pytest

from game.core import apply, current_seat, new_match
from game.core.actions import ProposePact
from game.ui.glossary import TERMS, term_text
from game.ui.panels import GlossaryWindow
from game.ui.panels.report import TurnReport
from game.ui.scenes.handover import HandoverScene
from game.ui.scenes.help import HelpScene
from tests.ui.test_diplomacy_window import button_for, carry_on, end_turn, focus
from tests.ui.test_match_hotseat import answer_prompts, dismiss_cards
from tests.ui.test_match_screen import Screen, fixture_level, home  # noqa: F401 - home: a fixture

pytestmark = pytest.mark.usefixtures("home")  # autosaves go to a temporary folder


def top_bar_heading(screen: Screen) -> str:
    bar = screen.scene.top_bar
    return bar.round_text() + bar.opener_text()


def hand_over_texts(screen: Screen) -> list[str]:
    handover = screen.app.scene
    assert isinstance(handover, HandoverScene)
    return [getattr(e, "text", "") for e in handover.panel.get_container().elements]


def test_the_top_bar_and_the_hand_over_say_who_moves_first_as_it_alternates() -> None:
    screen = Screen(new_match(fixture_level(), seed=2))
    try:
        assert top_bar_heading(screen) == "ROUND 1 OF 20 · CENTRAL POWERS FIRST"

        end_turn(screen)
        texts = hand_over_texts(screen)
        assert "ROUND 1 OF 20  ·  CENTRAL POWERS MOVES FIRST" in texts
        assert "Seat 2, take the controls" in texts
        assert (
            "You move second, after Central Powers, then the nations nobody plays. "
            "The first seat alternates: you open round 2." in texts
        )
        carry_on(screen)

        end_turn(screen)  # the Entente closes round 1 and, after the nations nobody plays, opens round 2
        texts = hand_over_texts(screen)
        assert "ROUND 2 OF 20  ·  ENTENTE MOVES FIRST" in texts
        assert "Seat 2, keep the controls" in texts
        assert "You closed round 1 and open round 2: the first seat alternates, so you play twice in a row." in texts
        carry_on(screen)
        assert current_seat(screen.match) == 1
        assert top_bar_heading(screen) == "ROUND 2 OF 20 · ENTENTE FIRST"

        end_turn(screen)
        texts = hand_over_texts(screen)
        assert "Seat 1, take the controls" in texts
        assert (
            "You move second, after Entente, then the nations nobody plays. "
            "The first seat alternates: you open round 3." in texts
        )
    finally:
        screen.close()


def test_when_the_scenario_fixes_the_order_the_screens_say_so_and_nobody_plays_twice() -> None:
    level = fixture_level().model_copy(update={"turn_order": "seat2_first"})
    screen = Screen(new_match(level, seed=2))
    try:
        assert top_bar_heading(screen) == "ROUND 1 OF 20 · ENTENTE FIRST"
        end_turn(screen)
        texts = hand_over_texts(screen)
        assert "Seat 1, take the controls" in texts
        assert (
            "You move second, after Entente, then the nations nobody plays. "
            "This scenario fixes the order: Entente opens every round." in texts
        )
        carry_on(screen)
        end_turn(screen)  # the Central Powers close round 1; the Entente opens round 2 as well
        texts = hand_over_texts(screen)
        assert "Seat 2, take the controls" in texts
        assert (
            "You move first, then Central Powers, then the nations nobody plays. "
            "This scenario fixes the order: you open every round." in texts
        )
        carry_on(screen)
        assert top_bar_heading(screen) == "ROUND 2 OF 20 · ENTENTE FIRST"
    finally:
        screen.close()


def test_against_the_ai_the_turn_notice_says_who_moved_first() -> None:
    match = new_match(fixture_level(), seed=21, controllers=("human", "bandwagoner:normal"))
    screen = Screen(match, ai={1: "bandwagoner:normal"})
    try:
        end_turn(screen)
        screen.until(lambda: current_seat(match) == 0, seconds=60)  # the AI closes round 1 and opens round 2
        assert match.round == 2
        report = screen.dialog
        if isinstance(report, TurnReport):  # news to tell: the order heads the report
            assert report.title() == "Round 2: your turn" and "Entente moved first." in report.text.html_text
        else:
            assert "Round 2: your turn · Entente moved first" in [toast.text for toast in screen.app.toasts]
    finally:
        screen.close()


def test_the_help_card_explains_the_turn_order_and_when_npcs_answer() -> None:
    screen = Screen(new_match(fixture_level(), seed=2))
    try:
        screen.press(pygame.K_F1)
        help_card = screen.app.scene
        assert isinstance(help_card, HelpScene)
        assert "How a round goes" in help_card.rules_text
        for key in ("turn_order", "courtship"):
            assert TERMS[key].title in help_card.rules_text and TERMS[key].text in help_card.rules_text
        assert "seat 1 opens the odd rounds, seat 2 the even ones" in TERMS["turn_order"].text
        assert "neither side always has to answer the other" in TERMS["turn_order"].text
        assert "weighs every suitor together" in TERMS["courtship"].text
    finally:
        screen.close()


def test_the_glossary_explains_both_rules_and_shows_each_card_when_it_first_happens() -> None:
    screen = Screen(new_match(fixture_level(), seed=2))
    try:
        dismiss_cards(screen)
        screen.press(pygame.K_g)
        assert isinstance(screen.dialog, GlossaryWindow)
        assert "Turn order" in screen.dialog.text.html_text
        assert "Courting a nation nobody plays" in screen.dialog.text.html_text
        screen.press(pygame.K_ESCAPE)

        screen.press(pygame.K_d)
        screen.press_button(button_for(focus(screen, "britain"), ProposePact))
        screen.press(pygame.K_ESCAPE)
        assert screen.scene.card_term == "courtship"  # the first courtship of a nation nobody plays

        dismiss_cards(screen)
        end_turn(screen)
        carry_on(screen)
        end_turn(screen)
        carry_on(screen)  # round 2 opens with the other seat first
        answer_prompts(screen)
        shown = []
        while screen.scene.card is not None:
            shown.append(screen.scene.card_term)
            screen.press_button(screen.scene.card.dismiss)
        assert "turn_order" in shown and shown.count("courtship") == 0  # each card once
    finally:
        screen.close()


def test_under_a_fixed_order_the_turn_order_card_names_who_opens_instead_of_saying_it_alternates() -> None:
    match = new_match(fixture_level(turn_order="seat2_first"), seed=2)
    text = term_text("turn_order", match)
    assert "Entente opens every round" in text and "seat 1 opens the odd rounds" not in text
    assert "seat 1 opens the odd rounds" in term_text("turn_order", new_match(fixture_level(), seed=2))


def test_new_idea_cards_wait_while_the_ai_plays_so_the_map_stays_in_view() -> None:
    match = new_match(fixture_level(), seed=21, controllers=("human", "bandwagoner:normal"))
    screen = Screen(match, ai={1: "bandwagoner:normal"})
    try:
        dismiss_cards(screen)  # the briefing
        end_turn(screen)
        seen_during_ai = []
        while current_seat(match) == 1:
            screen.frames(1)
            seen_during_ai.append(screen.scene.card is not None and current_seat(match) == 1)
        assert not any(seen_during_ai)
        screen.frames(2)
        answer_prompts(screen)
        assert screen.scene.card is not None, "the ideas the AI's turn showed wait for the player's turn"
    finally:
        screen.close()


def test_the_glossary_window_tells_the_scenarios_fixed_order_too() -> None:
    screen = Screen(new_match(fixture_level(turn_order="seat2_first"), seed=2))
    try:
        dismiss_cards(screen)
        screen.press(pygame.K_g)
        assert isinstance(screen.dialog, GlossaryWindow)
        html = screen.dialog.text.html_text
        assert "Entente opens every round" in html and "seat 1 opens the odd rounds" not in html
    finally:
        screen.close()


def test_a_resumed_match_does_not_show_the_cards_of_ideas_already_met() -> None:
    match = new_match(fixture_level(), seed=2)
    apply(match, ProposePact(nation="germany", to="britain"))  # courtship: a new idea
    screen = Screen(match)  # as if continued from an autosave
    try:
        dismiss_cards(screen)  # nothing to dismiss but a briefing, if any
        assert "courtship" in screen.scene.terms_seen
        assert all(entry[3] != "courtship" for entry in screen.scene._cards)
    finally:
        screen.close()
