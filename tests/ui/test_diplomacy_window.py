"""The diplomacy window: every treaty action as a button, enabled exactly when the core allows it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pygame
import pytest
from pygame_gui.elements import UIButton

from game.core import apply, new_match, preview, rules
from game.core import world as w
from game.core.actions import (
    AnswerOffer,
    EndTurn,
    JointExercise,
    LeaveTreaty,
    OfferGuarantee,
    ProposeAlliance,
    ProposePact,
    ProposePeace,
)
from game.core.state import Scope
from game.io.levels import load_level
from game.ui.glossary import TERMS, term_for_event
from game.ui.panels import DiplomacyWindow
from game.ui.scenes.handover import HandoverScene
from tests.builder import level_of
from tests.conftest import LEVELS_DIR
from tests.core.test_article5_1914 import france_to_play_after_germany_attacks_russia
from tests.ui.test_match_hotseat import answer_prompts, dismiss_cards, press_end_turn
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


def shown_text(window: DiplomacyWindow) -> str:
    """Every word the window shows now (labels, text boxes, buttons), without markup."""
    parts = []
    for elements in window._parts.values():
        for element in elements:
            text = getattr(element, "html_text", None) or getattr(element, "text", None)
            if isinstance(text, str):
                parts.append(text)
    return " ".join(re.sub(r"<[^>]+>", " ", " ".join(parts)).replace(" ,", ",").split())


def end_turn(screen: Screen) -> None:
    """Answer the turn's questions, put the cards away and press Enter (confirming if duties are left)."""
    answer_prompts(screen)
    dismiss_cards(screen)
    press_end_turn(screen)


def carry_on(screen: Screen) -> str:
    """Continue on the hand-over screen; returns the summary it showed."""
    handover = screen.app.scene
    assert isinstance(handover, HandoverScene)
    summary = str(handover.summary_text())
    screen.press_button(handover.continue_button)
    return summary


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


def test_an_npc_answers_a_proposal_when_the_round_ends_and_its_reason_is_shown(screen: Screen) -> None:
    window = focus(screen, "britain")
    screen.press_button(button_for(window, ProposePact))

    # Until the round ends the offer waits, and the window says so.
    assert not any(e.kind == "offer_answered" for e in screen.match.events)
    assert any("which will answer when the round ends" in line for line in window.answers)
    text = shown_text(window)
    assert "ANSWERED WHEN THE ROUND ENDS" in text and "Non-aggression pact offered to Britain" in text
    assert "Courted this round by you: it answers when the round ends." in text  # about Britain, in its column
    pact = button_for(window, ProposePact)
    assert not pact.is_enabled and "already made that offer to Britain" in pact.tool_tip_text

    screen.press(pygame.K_ESCAPE)
    end_turn(screen)  # seat 1 -> seat 2
    carry_on(screen)
    end_turn(screen)  # seat 2 closes the round: Britain answers in the NPC phase

    answer = next(e for e in screen.match.events if e.kind == "offer_answered" and e.recipient == "britain")
    assert answer.reason  # NPCs always say why
    assert answer.reason in carry_on(screen)  # seat 2, opening round 2, reads it on the hand-over
    end_turn(screen)
    assert answer.reason in carry_on(screen)  # and so does seat 1, whose offer it was
    answer_prompts(screen)
    screen.press(pygame.K_d)
    text = shown_text(screen.dialog)
    assert "ANSWERED WHEN THE ROUND ENDS" not in text and "Non-aggression pact offered" not in text


def test_the_rival_sees_the_courtship_and_may_court_the_same_nation(screen: Screen) -> None:
    # With the hot-seat privacy setting off: on (the default), the hand-over keeps it unsaid.
    screen.app.settings = screen.app.settings.model_copy(update={"private_offers": False})
    screen.press_button(button_for(focus(screen, "britain"), ProposePact))
    screen.press(pygame.K_ESCAPE)
    end_turn(screen)
    summary = carry_on(screen)
    assert "German Empire proposes a non-aggression pact to Britain, which will answer when the round ends." in summary

    screen.press(pygame.K_d)
    window = screen.dialog
    assert window.seat == 1
    text = shown_text(window)
    assert "Your rival's offers, weighed with yours:" in text
    assert "Non-aggression pact offered to Britain by German Empire" in text
    screen.press_button(next(b for b, (what, n) in window._buttons.items() if (what, n) == ("acting", "russia")))
    window = focus(screen, "britain")
    assert "Courted this round by German Empire (your rival): it answers when the round ends." in shown_text(window)

    screen.press_button(button_for(window, ProposePact))  # Russia courts Britain too

    text = shown_text(window)
    assert "Courted this round by you and German Empire (your rival)" in text
    assert "Non-aggression pact offered to Britain by Russian Empire" in text
    assert "Non-aggression pact offered to Britain by German Empire" in text
    assert "Each nation nobody plays weighs every suitor of the round together" in text
    screen.press(pygame.K_ESCAPE)
    end_turn(screen)
    answered = {e.offer for e in screen.match.events if e.kind == "offer_answered" and e.recipient == "britain"}
    assert len(answered) == 2  # one NPC phase weighed both suitors


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
        press_end_turn(screen)
        screen.press(pygame.K_RETURN)  # hand-over: Continue
        screen.press_button(screen.dialog.proceed)  # the report lists the offer; answer it from the window instead
        screen.press(pygame.K_d)
        window = screen.dialog
        accept = next(b for b, a in action_buttons(window).items() if isinstance(a, AnswerOffer) and a.accept)
        screen.press_button(accept)
        assert "pact_france_germany" in screen.match.pacts
    finally:
        screen.close()


def act_for(screen: Screen, nation: str) -> DiplomacyWindow:
    window = screen.dialog
    screen.press_button(next(b for b, entry in window._buttons.items() if entry == ("acting", nation)))
    assert window.acting == nation
    return window


def caption(window: DiplomacyWindow, nation: str) -> str:
    return str(window._nation_buttons[nation].text)


def scroll_to_the_end(screen: Screen, at: tuple[int, int]) -> None:
    """Turn the wheel over ``at``: pygame_gui scrolls what the pointer is over, found from the real pointer."""
    pygame.mouse.set_pos(at)
    screen.move_mouse(at)
    screen.frames(2)
    screen.wheel(at, -20)
    screen.frames(30)  # the scroll eases into place


def test_the_nations_list_tells_the_standing_of_the_nation_acting(screen: Screen) -> None:
    window = screen.dialog  # Austria is at war with Serbia; Germany is not, and has a pact with Russia
    assert window.acting == "germany"
    assert "at war" not in caption(window, "serbia") and "pact" in caption(window, "russia")

    act_for(screen, "austria")

    assert "at war" in caption(window, "serbia") and "pact" not in caption(window, "russia")


def test_a_truce_after_peace_is_shown_in_the_list_and_in_the_relations_with_its_end() -> None:
    match = new_match(fixture_level(), seed=9)
    match.truces[("germany", "serbia")] = 4  # as if the two had made peace in round 1
    shown = Screen(match)
    try:
        dismiss_cards(shown)
        shown.press(pygame.K_d)
        window = focus(shown, "serbia")
        assert "truce" in caption(window, "serbia")
        text = shown_text(window)
        assert "Truce with German Empire" in text and "neither may attack the other before round 4" in text
    finally:
        shown.close()


def test_the_first_peace_of_a_match_teaches_the_truce() -> None:
    match = new_match(fixture_level(), seed=9)
    match.stability["serbia"] = 10  # a fragile regime takes any peace
    apply(match, ProposePeace(nation="austria", to="serbia"))
    apply(match, EndTurn())
    apply(match, EndTurn())  # Serbia answers when the round ends
    [peace] = [e for e in match.events if e.kind == "peace_made"]
    assert term_for_event(peace, match) == "truce"
    assert f"for {rules.TRUCE_ROUNDS} rounds neither nation may attack" in TERMS["truce"].text


def test_the_proposed_alliance_name_follows_the_nation_acting_unless_the_player_typed_one(screen: Screen) -> None:
    window = focus(screen, "britain")
    assert window.name_entry.get_text() == "German Empire–Britain Alliance"

    act_for(screen, "austria")
    assert window.focus == "britain" and window._nation_buttons["britain"].is_selected
    assert window.name_entry.get_text() == "Austria-Hungary–Britain Alliance"

    screen.click(window.name_entry.rect.center)
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_a, mod=pygame.KMOD_CTRL, unicode="", scancode=0))
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text="Danube Entente"))
    screen.frames(2)
    act_for(screen, "germany")
    assert window.name_entry.get_text() == "Danube Entente"


def test_switching_the_nation_acting_keeps_the_nations_list_where_it_was() -> None:
    screen = Screen(new_match(load_level(LEVELS_DIR / "continent.json"), seed=4))
    try:
        dismiss_cards(screen)
        screen.press(pygame.K_d)
        window = screen.dialog
        second = w.seat_nations(screen.match, window.seat)[1]
        scroll_to_the_end(screen, window.nation_list.rect.center)
        last = list(window._nation_buttons)[-1]
        screen.press_button(window._nation_buttons[last])
        shown_before = [n for n, b in window._nation_buttons.items() if window.nation_list.rect.contains(b.rect)]

        act_for(screen, second)
        screen.frames(2)

        assert window.focus == last and window._nation_buttons[last].is_selected
        shown = [n for n, b in window._nation_buttons.items() if window.nation_list.rect.contains(b.rect)]
        assert last in shown and len(set(shown) & set(shown_before)) >= len(shown) - 1  # only the seat's own swapped
    finally:
        screen.close()


def test_an_exercise_says_the_cohesion_the_core_says_it_gains_and_costs_what_its_caption_says(
    screen: Screen,
) -> None:
    window = focus(screen, "austria")
    button = button_for(window, JointExercise)
    told = preview(screen.match, action_buttons(window)[button])
    assert f"cohesion rises by {told.cohesion['triple_alliance']}" in button.tool_tip_text
    assert button.text == f"Joint exercise ({w.exercise_cost()} gold)"
    before, treasury = screen.match.alliances["triple_alliance"].cohesion, screen.match.treasury["germany"]
    screen.press_button(button)
    assert screen.match.alliances["triple_alliance"].cohesion - before == told.cohesion["triple_alliance"]
    assert treasury - screen.match.treasury["germany"] == w.exercise_cost()


def test_the_leave_button_says_what_leaving_costs_in_credibility_counting_the_duties_it_passes() -> None:
    match = france_to_play_after_germany_attacks_russia().match
    shown = Screen(match)
    try:
        shown.scene.open_diplomacy("france")
        window = shown.dialog
        leave = next(
            b for b, a in action_buttons(window).items() if a == LeaveTreaty(nation="france", treaty="franco_russian")
        )
        told = preview(match, LeaveTreaty(nation="france", treaty="franco_russian")).credibility["france"]
        tip = leave.tool_tip_text.replace("\u00a0", " ")
        assert tip == f"Leave the Franco-Russian Alliance: credibility −{-told}, and 1 open duty counts as passed."
        before = match.credibility["france"]
        shown.press_button(leave)
        assert match.credibility["france"] - before == told
    finally:
        shown.close()


def test_a_pact_can_be_renounced_from_its_row_and_the_button_says_the_price(screen: Screen) -> None:
    window = screen.dialog
    pact = LeaveTreaty(nation="germany", treaty="pact_germany_russia")
    renounce = next(b for b, a in action_buttons(window).items() if a == pact)
    told = preview(screen.match, pact).credibility["germany"]
    assert renounce.tool_tip_text.replace("\u00a0", " ").endswith(f": credibility −{-told}.")


# -- Scope: a proposed alliance or guarantee may bind only against one nation, or only somewhere ----


@pytest.fixture
def danzig() -> Iterator[Screen]:
    """The Danzig fixture, the Allies to play, the window open on Britain and Romania."""
    shown = Screen(new_match(level_of("danzig_1939.json"), seed=1))
    dismiss_cards(shown)
    shown.press(pygame.K_d)
    window = shown.dialog
    assert isinstance(window, DiplomacyWindow) and window.acting == "britain"
    focus(shown, "romania")
    yield shown
    shown.close()


def choose(screen: Screen, menu: Any, option: str) -> None:
    """Open a drop-down as a player does and click one of its options."""
    screen.click(menu.rect.center)
    listed = menu.current_state.options_selection_list.rect
    shown = [
        e
        for e in screen.app.manager.get_sprite_group().sprites()
        if isinstance(e, UIButton) and e.visible and e.text == option and listed.contains(e.rect)
    ]
    assert shown, f"no option {option!r} in the open list"
    screen.click(shown[0].rect.center)
    screen.frames(3)  # the list tells the menu, which tells the window: a frame each


def test_a_guarantee_proposed_against_one_nation_is_offered_with_that_scope(danzig: Screen) -> None:
    window = danzig.dialog
    choose(danzig, window.against_menu, "Soviet Union")
    guarantee = button_for(window, OfferGuarantee)
    assert guarantee.is_enabled
    assert "It binds only against Soviet Union." in guarantee.tool_tip_text

    danzig.press_button(guarantee)

    (offer,) = danzig.match.offers.values()
    assert (offer.kind, offer.scope) == ("guarantee", Scope(against=("ussr",)))
    assert "Britain offers a guarantee to Romania, binding only against Soviet Union" in shown_text(window)


def test_the_choice_of_attackers_leaves_out_the_two_parties_and_the_seats_own_nations(danzig: Screen) -> None:
    options = [text for text, _ in danzig.dialog.against_menu.options_list]
    assert options == ["anyone", "Germany", "Soviet Union", "Poland"]


def test_a_scope_the_core_refuses_disables_the_button_and_says_why(danzig: Screen) -> None:
    window = danzig.dialog
    choose(danzig, window.area_menu, "Britain's land")
    guarantee = button_for(window, OfferGuarantee)
    assert not guarantee.is_enabled
    assert guarantee.tool_tip_text == "London belongs to Britain, which the guarantee would not protect."
    alliance = button_for(window, ProposeAlliance)
    assert alliance.is_enabled, "an alliance protects both its members' land"
    assert "It binds only for an attack on London." in alliance.tool_tip_text


def test_the_scope_chosen_stays_with_the_nation_it_was_chosen_for(danzig: Screen) -> None:
    window = danzig.dialog
    choose(danzig, window.area_menu, "Moldavia")
    focus(danzig, "poland")
    assert window.area_menu.selected_option[0] == "any territory"
    focus(danzig, "romania")
    assert window.area_menu.selected_option[0] == "Moldavia"


def test_treaties_in_force_say_their_scope(danzig: Screen) -> None:
    text = shown_text(danzig.dialog)
    assert "Anglo-Polish Agreement (Article 5) Britain, Poland Binds only against Germany." in text
    assert "France guarantees Romania Binds only for an attack on Bucharest or Moldavia." in text


def test_a_nation_of_one_territory_is_told_in_the_singular(screen: Screen) -> None:
    m = screen.match
    single = next(n for n in m.index.nation_name if len(w.territories_of(m, n)) == 1 and n not in m.seat_of)
    text = shown_text(focus(screen, single))
    assert "1 territory " in text and "1 territories" not in text
