"""The attack preview and the move dialog, as a player reads and sets them.

The heading shows in full at both window sizes, even for long names; a treaty that calls several
nations to war is one line naming them all; the preview warns before an attack strips a capital;
and the All / Half / Enough presets (and the arrow keys) set the amount without arrow-clicking.
"""

from __future__ import annotations

import json
from typing import Any

import pygame
import pytest

from game.core import Match, apply, new_match, preview
from game.core import world as w
from game.core.actions import EndTurn
from game.io.levels import level_from_data
from game.ui.panels import CombatPreview, MoveDialog
from tests.builder import level_of
from tests.ui.test_match_screen import FIXTURE, Screen, fixture_level, home  # noqa: F401 - home: a fixture

pytestmark = pytest.mark.usefixtures("home")  # autosaves go to a temporary folder

SIZES = [(1280, 720), (1024, 640)]
LONG_NAMES = {
    "berlin": "Berlin, Brandenburg and the Margraviate of the Uckermark",
    "munich": "Munich, Upper Bavaria and the Bavarian Palatinate",
    "warsaw": "Warsaw and the Governorates of Congress Poland",
    "vienna": "Vienna, Lower Austria and the Archduchy above the Enns",
}


def open_order(match: Match, source: str, target: str, size: tuple[int, int] = SIZES[0]) -> Screen:
    """A screen at ``size`` with the order from ``source`` to ``target`` open, as a player opens it."""
    screen = Screen(match, size=size)
    while screen.scene.card is not None:  # the briefing covers part of the map at 1024x640
        screen.press_button(screen.scene.card.dismiss)
    screen.click_territory(source)
    screen.click_territory(target)
    return screen


def long_named_match() -> Match:
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    for territory in data["territories"]:
        territory["name"] = LONG_NAMES.get(territory["id"], territory["name"])
    return new_match(level_from_data(data, "<july 1914, long names>"), seed=3)


def fully_shown(box: Any, below: Any, window: Any) -> bool:
    """The text box shows all its text: no scroll bar, nothing drawn over it, inside the window."""
    inside = window.get_container().get_rect()
    return box.scroll_bar is None and box.rect.bottom <= below.rect.top and inside.contains(box.rect)


@pytest.mark.parametrize("size", SIZES)
def test_the_attack_heading_shows_in_full_even_for_long_names(size: tuple[int, int]) -> None:
    screen = open_order(long_named_match(), "berlin", "warsaw", size)
    try:
        preview = screen.dialog
        assert isinstance(preview, CombatPreview)
        assert LONG_NAMES["berlin"] in preview.heading.html_text
        assert fully_shown(preview.heading, preview.amount_label, preview.window)
    finally:
        screen.close()


@pytest.mark.parametrize("size", SIZES)
def test_the_move_heading_shows_in_full_and_the_buttons_stay_in_the_window(size: tuple[int, int]) -> None:
    screen = open_order(long_named_match(), "berlin", "vienna", size)  # into an ally's land: the longest heading
    try:
        dialog = screen.dialog
        assert isinstance(dialog, MoveDialog)
        assert fully_shown(dialog.heading, dialog.amount_label, dialog.window)
        inside = dialog.window.get_container().get_rect()
        assert inside.contains(dialog.confirm.rect) and inside.contains(dialog.cancel.rect)
        assert screen.app.screen.get_rect().contains(dialog.window.rect)
    finally:
        screen.close()


def test_a_treaty_calling_several_nations_to_war_is_one_line_naming_them_all() -> None:
    match = new_match(fixture_level(), seed=3)
    match.alliances["dual_alliance"].members.extend(["britain", "serbia"])
    screen = open_order(match, "berlin", "warsaw")
    try:
        text = screen.dialog.consequences.html_text
        assert text.count("Article 5.") == 1
        called = (
            ", ".join(w.nation_name(match, n) for n in ("britain", "france")) + f" and {w.nation_name(match, 'serbia')}"
        )
        assert (
            f"Franco-Russian Alliance calls on {called} to join the war against {w.nation_name(match, 'germany')}"
            in text
        )
    finally:
        screen.close()


def exposed_berlin(ready: int, recruits: int = 0, warsaw: int = 9) -> Match:
    """Berlin with ``ready`` German troops (and fresh recruits), at war with Russia, whose Warsaw stack is next door."""
    match = new_match(fixture_level(), seed=3)
    match.forces["berlin"]["germany"] = ready + recruits
    match.spent["berlin"]["germany"] = recruits
    match.forces["warsaw"] = {"russia": warsaw}
    match.wars.add(frozenset(("germany", "russia")))
    return match


def test_emptying_a_capital_next_to_an_enemy_stack_is_warned_and_sending_enough_clears_the_warning() -> None:
    screen = open_order(exposed_berlin(ready=16), "berlin", "brussels")
    try:
        preview = screen.dialog
        assert preview.amount == 16  # every ready troop by default
        assert preview.warning is not None and preview.warning in preview.consequences.html_text
        assert "Capital exposed" in preview.warning and "levy of 5 alone" in preview.warning
        assert "9 enemy troops next door in Warsaw" in preview.warning

        screen.press_button(preview.presets["Enough"])

        assert preview.amount < 8, "a levy of 2 falls to a few: most of Berlin's troops stay home"
        assert preview.warning is None and "Capital exposed" not in preview.consequences.html_text
    finally:
        screen.close()


def test_a_capital_keeping_nine_troops_against_a_smaller_stack_is_not_called_exposed() -> None:
    # Every ready troop goes, but 9 recruits stay, and Warsaw holds 2: the capital is held.
    screen = open_order(exposed_berlin(ready=16, recruits=9, warsaw=2), "berlin", "brussels")
    try:
        assert screen.dialog.warning is None
        assert "Capital exposed" not in screen.dialog.consequences.html_text
    finally:
        screen.close()


def test_troops_staying_behind_a_bigger_stack_next_door_are_still_warned_about() -> None:
    screen = open_order(exposed_berlin(ready=16, recruits=5, warsaw=9), "berlin", "brussels")
    try:
        warning = screen.dialog.warning
        assert warning is not None and "Only 5 of yours would stay in Berlin" in warning
        assert "9 enemy troops next door in Warsaw" in warning
    finally:
        screen.close()


def test_an_allys_troops_in_the_capital_are_named_but_not_counted_as_yours() -> None:
    match = exposed_berlin(ready=16)
    match.forces["berlin"]["italy"] = 12  # more than Warsaw's 9, but the rules move them, not the player
    screen = open_order(match, "berlin", "brussels")
    try:
        warning = screen.dialog.warning
        assert warning is not None and "None of yours would stay in Berlin" in warning
        assert "12 of Italy's stand there too" in warning
    finally:
        screen.close()


def test_a_seat_mates_troops_in_the_capital_count_as_yours() -> None:
    match = exposed_berlin(ready=16)
    match.forces["berlin"]["austria"] = 12  # Austria-Hungary is played by the same seat
    match.spent["berlin"]["austria"] = 0
    screen = open_order(match, "berlin", "brussels")
    try:
        screen.press_button(screen.dialog.presets["Half"])  # 8 go, 8 German and 12 Austrian stay against 9
        assert screen.dialog.warning is None
    finally:
        screen.close()


def test_marching_out_of_a_capital_next_to_an_enemy_stack_is_warned_and_half_keeps_it_held() -> None:
    match = exposed_berlin(ready=16, warsaw=7)
    screen = open_order(match, "berlin", "munich")
    try:
        dialog = screen.dialog
        assert isinstance(dialog, MoveDialog) and dialog.amount == 16
        assert dialog.warning is not None and "levy of 5 alone" in dialog.warning
        assert "7 enemy troops next door in Warsaw" in dialog.warning
        assert dialog.warning in dialog.warning_box.html_text
        assert fully_shown(dialog.warning_box, dialog.confirm, dialog.window)

        screen.press_button(dialog.presets["Half"])

        assert dialog.amount == 8 and dialog.slider.get_current_value() == 8
        assert dialog.warning is None and "8 ready stay in Berlin" in dialog.warning_box.html_text
        screen.press(pygame.K_RETURN)
        assert match.forces["munich"]["germany"] >= 8 and match.forces["berlin"]["germany"] == 8
    finally:
        screen.close()


def test_an_attack_from_land_that_is_no_capital_warns_of_nothing() -> None:
    match = exposed_berlin(ready=6)
    match.forces["munich"] = {"germany": 8}
    screen = open_order(match, "munich", "brussels")
    try:
        assert screen.dialog.warning is None
    finally:
        screen.close()


def test_all_half_and_enough_set_the_amount_the_odds_and_the_slider() -> None:
    match = exposed_berlin(ready=16)
    screen = open_order(match, "berlin", "brussels")
    try:
        preview = screen.dialog
        odds = [w.attack_odds(match, "brussels", n).attacker_wins for n in range(1, 17)]
        enough = next(n for n, chance in enumerate(odds, start=1) if chance >= 0.9)
        assert odds[enough - 2] < 0.9, "Enough is the smallest such amount"

        for preset, amount in (("Half", 8), ("Enough", enough), ("All", 16)):
            screen.press_button(preview.presets[preset])
            assert preview.amount == amount
            assert preview.slider.get_current_value() == amount
            assert preview.shown_odds == w.attack_odds(match, "brussels", amount)
            assert preview.amount_label.text == f"{amount} of 16 ready"
    finally:
        screen.close()


def test_enough_greys_out_when_no_amount_reaches_nine_in_ten() -> None:
    match = new_match(fixture_level(), seed=3)
    match.forces["vienna"]["germany"] = 3  # against Serbia's 2 in mountains, a capital: never 90%
    screen = open_order(match, "vienna", "belgrade")
    try:
        preview = screen.dialog
        assert w.attack_odds(match, "belgrade", 3).attacker_wins < 0.9
        assert not preview.presets["Enough"].is_enabled, "nothing is enough: the button says so by its look"
        assert preview.presets["All"].is_enabled
    finally:
        screen.close()


def test_the_arrow_keys_move_the_amount_one_troop_at_a_time() -> None:
    match = exposed_berlin(ready=16)
    screen = open_order(match, "berlin", "brussels")
    try:
        preview = screen.dialog
        screen.press(pygame.K_LEFT)
        screen.press(pygame.K_LEFT)
        assert preview.amount == 14 and preview.slider.get_current_value() == 14
        assert preview.shown_odds == w.attack_odds(match, "brussels", 14)
        screen.press(pygame.K_RIGHT)
        assert preview.amount == 15
        screen.press(pygame.K_RETURN)
        battle = [e for e in match.events if getattr(e, "kind", "") == "battle"][-1]
        assert battle.attack_strength == 15
    finally:
        screen.close()


@pytest.mark.parametrize("credibility", [60, 10], ids=["enough to lose", "little left"])
def test_breaking_a_pact_costs_the_credibility_the_core_says_the_declaration_takes(credibility: int) -> None:
    match = new_match(fixture_level(), seed=3)  # Germany and Russia have a pact
    match.credibility["germany"] = credibility
    screen = open_order(match, "berlin", "warsaw")
    try:
        attack = screen.dialog.action()
        told = preview(match, attack).credibility["germany"]
        assert f"Breaking the pact costs {-told} credibility." in screen.dialog.consequences.html_text
        screen.press_button(screen.dialog.confirm)
        assert match.credibility["germany"] == credibility + told == max(0, credibility - 25)
    finally:
        screen.close()


def test_the_defence_factor_is_broken_down_into_the_terms_the_core_names() -> None:
    match = new_match(fixture_level(), seed=3)
    screen = open_order(match, "berlin", "warsaw")
    try:
        factors = w.defence_factors(match, "warsaw")
        shown = screen.dialog.breakdown_label.text
        assert shown.startswith(f"Defence factor: {factors.terrain} ×{factors.terrain_factor:g}")
        assert (f"capital ×{factors.capital_factor:g}" in shown) == (factors.capital_of is not None)
        assert f"joint defence ×{factors.joint:.2f}" in shown
    finally:
        screen.close()


def test_the_attack_preview_says_which_treaty_its_scope_keeps_out_of_the_war() -> None:
    match = new_match(level_of("danzig_1939.json"), seed=1)
    apply(match, EndTurn())  # seat 2: Germany and the Soviet Union
    match.forces["byelorussia"]["ussr"] = 6
    screen = open_order(match, "byelorussia", "warsaw")
    try:
        text = screen.dialog.consequences.html_text
        assert "Outside the treaty's scope." in text
        assert "The Anglo-Polish Agreement binds Britain only against Germany: it owes Poland no war against" in text
        assert "Franco-Polish Alliance calls on France" in text and "Polish-Romanian Alliance calls on Romania" in text
        assert "No treaty obliges" not in text
    finally:
        screen.close()


def test_the_attack_preview_says_when_the_victims_ally_is_already_at_war_with_the_attacker() -> None:
    match = new_match(fixture_level(), seed=3)
    match.wars.add(frozenset(("germany", "france")))  # France, Russia's ally, is fighting Germany already
    screen = open_order(match, "berlin", "warsaw")
    try:
        text = screen.dialog.consequences.html_text
        assert "already at war with" in text and w.nation_name(match, "france") in text
        assert "No treaty obliges" not in text
    finally:
        screen.close()
