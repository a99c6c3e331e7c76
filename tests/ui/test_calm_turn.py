"""A calm turn: End turn warns once, Tab finds ready troops, hints stay short and off the AI's turn,
the news reads in order, the AI's turn is short and leaves the camera where the player had it."""

from __future__ import annotations

import re

import pygame
import pytest

from game.core import apply, current_seat, new_match
from game.core import world as w
from game.core.actions import AnswerOffer, Attack, EndTurn, ProposePact, Recruit
from game.core.state import Offer
from game.ui.panels import GlossaryWindow
from game.ui.panels.report import TurnReport
from game.ui.scenes.handover import HandoverScene, news_lines, summary_lines
from game.ui.scenes.help import SHORTCUTS
from tests.ui.test_diplomacy_window import button_for, focus, shown_text
from tests.ui.test_match_hotseat import dismiss_cards, press_end_turn
from tests.ui.test_match_screen import Screen, fixture_level, home  # noqa: F401 - home: a fixture

pytestmark = pytest.mark.usefixtures("home")


def plain(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


# -- End turn ------------------------------------------------------------------------------------


def test_enter_warns_once_about_ready_troops_and_gold_and_a_second_enter_ends_the_turn() -> None:
    screen = Screen(new_match(fixture_level(), seed=3))
    try:
        screen.press(pygame.K_RETURN)
        assert current_seat(screen.match) == 0, "troops ready and gold in the purse: the first press only warns"
        warning = screen.scene.end_warning
        assert warning is not None and "stacks ready" in warning and "gold unspent" in warning
        assert "End turn again" in warning
        screen.press(pygame.K_RETURN)
        assert current_seat(screen.match) == 1
    finally:
        screen.close()


def test_the_end_turn_button_warns_too_and_doing_something_asks_again() -> None:
    screen = Screen(new_match(fixture_level(), seed=3))
    try:
        button = screen.scene.top_bar.buttons["end_turn"]
        screen.press_button(button)
        assert screen.scene.end_warning and current_seat(screen.match) == 0
        screen.click_territory("berlin")
        screen.press_button(screen.scene.territory_panel._button)  # recruits: the turn changed
        assert screen.scene.end_warning is None
        screen.press_button(button)
        assert current_seat(screen.match) == 0, "a new warning for the turn as it is now"
        screen.press_button(button)
        assert current_seat(screen.match) == 1
    finally:
        screen.close()


def test_with_nothing_left_to_do_end_turn_ends_it_at_once() -> None:
    match = new_match(fixture_level(), seed=3)
    for nation in ("germany", "austria"):
        match.treasury[nation] = 0
        for territory in match.forces:
            if nation in match.forces[territory]:
                match.spent[territory][nation] = match.forces[territory][nation]
    screen = Screen(match)
    try:
        assert screen.scene.left_to_do() == []
        screen.press(pygame.K_RETURN)
        assert current_seat(match) == 1
    finally:
        screen.close()


# -- Tab: the next ready troops --------------------------------------------------------------------


def test_tab_selects_each_territory_with_ready_troops_biggest_first_and_the_help_lists_it() -> None:
    screen = Screen(new_match(fixture_level(), seed=3))
    try:
        ready = {t for t in screen.match.owner if any(w.ready(screen.match, t, n) for n in ("germany", "austria"))}
        seen = []
        for _ in range(len(ready)):
            screen.press(pygame.K_TAB)
            seen.append(screen.scene.selected)
        assert set(seen) == ready and len(seen) == len(set(seen))
        first = max(ready, key=lambda t: sum(w.ready(screen.match, t, n) for n in ("germany", "austria")))
        assert seen[0] == first
        screen.press(pygame.K_TAB)
        assert screen.scene.selected == seen[0], "round again"
        keys = [k for _, items in SHORTCUTS for k, _ in items]
        assert "Tab" in keys
    finally:
        screen.close()


# -- Hints -----------------------------------------------------------------------------------------


def test_a_hint_links_to_the_glossary_at_its_term() -> None:
    screen = Screen(new_match(fixture_level(), seed=3))
    try:
        screen.click_territory("berlin")
        screen.click_territory("warsaw")
        screen.press_button(screen.dialog.confirm)
        card = screen.scene.card
        assert card is not None and screen.scene.card_term == "pact"
        screen.press_button(card.all_terms)
        window = screen.dialog
        assert isinstance(window, GlossaryWindow)
        assert plain(window.text.html_text).startswith("Non-aggression pact")
    finally:
        screen.close()


def test_no_hint_shows_over_the_ais_turn() -> None:
    match = new_match(fixture_level(), seed=3, controllers=("human", "bandwagoner:normal"))
    screen = Screen(match, ai={1: "bandwagoner:normal"})
    screen.app.settings = screen.app.settings.model_copy(update={"animation_speed": "slow"})
    try:
        screen.click_territory("berlin")
        screen.click_territory("warsaw")
        screen.press_button(screen.dialog.confirm)  # two new ideas: the pact broken, Article 5
        assert screen.scene.card is not None
        press_end_turn(screen)
        assert current_seat(match) == 1
        for _ in range(30):
            screen.frames(1)
            card = screen.scene.card
            assert card is None or not card.panel.visible, "a hint over the AI's moves"
    finally:
        screen.close()


# -- The AI's turn ---------------------------------------------------------------------------------


def test_space_skips_the_ais_moves_and_a_second_space_leaves_the_news_on_screen() -> None:
    match = new_match(fixture_level(), seed=5, controllers=("human", "bandwagoner:hard"))
    screen = Screen(match, ai={1: "bandwagoner:hard"})
    screen.app.settings = screen.app.settings.model_copy(update={"animation_speed": "slow"})
    try:
        press_end_turn(screen)
        screen.press(pygame.K_SPACE)
        screen.until(lambda: current_seat(match) == 0, seconds=30)
        report = screen.dialog
        assert isinstance(report, TurnReport)
        screen.press(pygame.K_SPACE)  # pressed once too often
        assert screen.dialog is report and report.alive(), "the news must not go unread"
        screen.press(pygame.K_RETURN)
        assert screen.dialog is None
    finally:
        screen.close()


def test_the_camera_comes_back_to_where_the_player_left_it_after_the_ais_turn() -> None:
    match = new_match(fixture_level(), seed=21, controllers=("human", "bandwagoner:normal"))
    screen = Screen(match, ai={1: "bandwagoner:normal"})
    try:
        view = screen.scene.map_view
        screen.wheel(view.territory_centre("rome"), 2)
        screen.press(pygame.K_LEFT)
        left = (view.zoom_index, pygame.Vector2(view.offset))
        press_end_turn(screen)
        view.fit()  # as the AI's moves pull it about
        screen.until(lambda: current_seat(match) == 0, seconds=30)
        assert (view.zoom_index, pygame.Vector2(view.offset)) == left
    finally:
        screen.close()


def test_a_continent_ai_turn_at_normal_speed_is_shown_in_about_two_seconds() -> None:
    from game.io.levels import load_level
    from game.ui.ai_driver import PAUSE, TURN_SECONDS, AiDriver
    from tests.conftest import LEVELS_DIR

    match = new_match(load_level(LEVELS_DIR / "continent.json"), seed=1)
    apply(match, EndTurn())  # the Entente opens every round there and ends at once: the AI plays seat 1
    driver = AiDriver(0, "bandwagoner:normal", seed=1)
    try:
        frames, dt = 0, 1 / 60
        while current_seat(match) == 0 and frames < 60 * 20:
            driver.update(match, dt, PAUSE["normal"], lambda a: apply(match, a), TURN_SECONDS["normal"])
            frames += 1
        shown = frames * dt  # the animation's own time: the bot's thinking runs beside it
        assert current_seat(match) != 0
        assert driver.actions_this_turn >= 10, "a real turn of many orders"
        assert shown <= 2.2, f"{shown:.1f} s of animation for one AI turn"
    finally:
        driver.close()


# -- The news ----------------------------------------------------------------------------------


def test_the_news_says_a_war_was_declared_before_it_says_the_nation_fell() -> None:
    match = new_match(fixture_level(), seed=3)
    match.forces["berlin"]["germany"] = 40
    since = len(match.events)
    apply(match, Attack(nation="germany", source="berlin", target="brussels", amount=40))
    assert "belgium" in match.eliminated
    lines = [plain(line) for line in news_lines(match, 1, since)]
    declared = next(i for i, line in enumerate(lines) if "declares war on Belgium" in line)
    fallen = next(i for i, line in enumerate(lines) if "Belgium" in line and ("eliminated" in line or "fallen" in line))
    assert declared < fallen


def test_the_hand_over_tells_the_rivals_new_alliance_made_on_a_nation_nobody_plays_offer() -> None:
    match = new_match(fixture_level(), seed=3)
    since = len(match.events)
    offer = Offer(
        id=900, kind="alliance", sender="britain", recipient="germany", deadline=match.turn, name="Anglo-German Entente"
    )
    match.offers[offer.id] = offer
    apply(match, AnswerOffer(nation="germany", offer=offer.id, accept=True))
    assert any(e.kind == "treaty_signed" for e in match.events[since:])
    lines = [plain(line) for line in summary_lines(match, 1, since)]
    assert any("Anglo-German Entente" in line or ("Britain" in line and "Germany" in line) for line in lines), lines


def test_the_rivals_routine_is_counted_with_its_nouns_agreeing() -> None:
    match = new_match(fixture_level(), seed=3)
    since = len(match.events)
    apply(match, Recruit(nation="germany", territory="berlin", amount=1))
    lines = [plain(line) for line in summary_lines(match, 1, since)]
    assert any("recruited 1 troop and made 0 moves" in line for line in lines), lines


# -- Hot-seat privacy -------------------------------------------------------------------------------


def test_the_hand_over_and_the_chronicle_keep_the_rivals_pending_offer_private_until_the_round_ends() -> None:
    screen = Screen(new_match(fixture_level(), seed=9))
    try:
        assert screen.app.settings.private_offers, "on by default"
        dismiss_cards(screen)
        screen.press(pygame.K_d)
        screen.press_button(button_for(focus(screen, "britain"), ProposePact))
        screen.press(pygame.K_ESCAPE)
        offer = next(e for e in screen.match.events if e.kind == "offer_made")
        assert any(offer in line for line in screen.scene.chronicle.lines), "the sender sees its own offer"
        press_end_turn(screen)
        handover = screen.app.scene
        assert isinstance(handover, HandoverScene) and handover.seat == 1
        assert "Britain" not in plain(handover.summary_text())
        screen.press_button(handover.continue_button)
        assert not any(offer in line for line in screen.scene.chronicle.lines), "nor the chronicle"
        assert "proposes a non-aggression pact to Britain" not in screen.scene.chronicle.box.html_text
        screen.press(pygame.K_d)  # nor the diplomacy window: no "your rival" among Britain's suitors
        window = focus(screen, "britain")
        shown = shown_text(window)
        assert "your rival" not in shown.lower() and "Your rival's offers" not in shown
        screen.press(pygame.K_ESCAPE)
        # The round ends: Britain answers, and both seats may read it all.
        press_end_turn(screen)
        assert not any(o.recipient == "britain" for o in screen.match.offers.values())
        handover = screen.app.scene
        screen.press_button(handover.continue_button)
        assert any(offer in line for line in screen.scene.chronicle.lines)
    finally:
        screen.close()


def test_the_top_bar_keeps_half_points_as_the_game_over_says_them() -> None:
    match = new_match(fixture_level(), seed=3)
    for alliance in match.alliances.values():
        alliance.cohesion = 50  # an NPC ally's land counts half
    screen = Screen(match)
    try:
        assert screen.scene.top_bar.score_texts() == ("13.5", "16.5")
    finally:
        screen.close()


def test_resizing_refits_a_map_the_player_had_not_moved_and_keeps_one_they_had() -> None:
    screen = Screen(new_match(fixture_level(), seed=3))
    try:
        view = screen.scene.map_view
        fitted = view.zoom_index
        pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, w=1920, h=1080, size=(1920, 1080)))
        screen.frames(2)
        assert view.zoom_index > fitted, "a bigger window shows the map bigger"
        assert all(view.rect.collidepoint(view.territory_centre(t)) for t in screen.match.owner)
        screen.wheel(view.rect.center, -1)
        zoomed = view.zoom_index
        assert zoomed < view.zoom_index + 1 and not screen.scene._is_fitted()
        pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, w=1280, h=720, size=(1280, 720)))
        screen.frames(2)
        assert view.zoom_index == zoomed, "the player's own zoom is theirs"
    finally:
        screen.close()


@pytest.mark.parametrize("size", [(1024, 640), (1280, 720)])
def test_the_diplomacy_button_shows_its_count_of_answers_whole(size: tuple[int, int]) -> None:
    match = new_match(fixture_level(), seed=3)
    screen = Screen(match, size=size)
    try:
        screen.scene.act(ProposePact(nation="germany", to="france"))
        press_end_turn(screen)
        screen.press_button(screen.app.scene.continue_button)  # France's seat: the offer waits for it
        screen.frames(2)
        button = screen.scene.top_bar.buttons["diplomacy"]
        assert button.text == "Diplomacy (1)"
        assert button.font.size("Diplomacy (12)")[0] <= button.rect.width - 12, "the count is cut off"
    finally:
        screen.close()


def test_the_privacy_setting_is_switched_in_settings_and_kept() -> None:
    from game.io.settings import load_settings
    from game.ui.scenes.settings_scene import SettingsScene

    screen = Screen(new_match(fixture_level(), seed=3))
    try:
        settings = SettingsScene(screen.app)
        screen.app.push(settings)
        screen.frames(2)
        assert settings.privacy is not None and settings.privacy.value == "private"
        screen.press_button(settings.privacy.buttons["shown"])
        assert not screen.app.settings.private_offers
        assert not load_settings().private_offers, "saved for the next match"
    finally:
        screen.close()
