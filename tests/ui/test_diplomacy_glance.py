"""Diplomacy at a glance: every relation in one table, each nation's doctrine on its row, and how a
nation nobody plays would answer an offer today, in its doctrine's words (issue 17, point 6)."""

from __future__ import annotations

from collections.abc import Iterator

import pygame
import pytest

from game.core import forecast, new_match, relations
from game.core.actions import ProposePact
from game.core.treaties import pair
from game.ui.panels import DiplomacyWindow
from tests.ui.test_diplomacy_layout import SIZES, clipped_texts
from tests.ui.test_diplomacy_window import button_for, focus, shown_text
from tests.ui.test_match_hotseat import dismiss_cards
from tests.ui.test_match_screen import Screen, fixture_level, home  # noqa: F401 - home: a fixture

pytestmark = pytest.mark.usefixtures("home")  # autosaves go to a temporary folder


def open_window(shown: Screen) -> DiplomacyWindow:
    dismiss_cards(shown)
    shown.press(pygame.K_d)
    assert isinstance(shown.dialog, DiplomacyWindow)
    return shown.dialog


@pytest.fixture
def screen() -> Iterator[Screen]:
    """July 1914, Central Powers to play, with Serbia at war with Austria and a truce between France and Italy."""
    match = new_match(fixture_level(), seed=9)
    match.wars.add(frozenset(("austria", "serbia")))
    match.truces[pair("france", "italy")] = match.round + 2
    shown = Screen(match)
    open_window(shown)
    yield shown
    shown.close()


def show_relations(screen: Screen) -> DiplomacyWindow:
    window = screen.dialog
    screen.press_button(window.relations_button)
    assert window.view == "relations"
    return window


def test_all_relations_lists_every_war_truce_and_treaty_worst_first(screen: Screen) -> None:
    window = show_relations(screen)
    rows = window.relation_rows
    assert [kind for _, kind, _ in rows] == [
        {"war": "At war", "truce": "Truce", "alliance": "Alliance", "guarantee": "Guarantee", "pact": "Pact"}[r.kind]
        for r in relations(screen.match)
    ]
    assert rows[0][:2] == ("Austria-Hungary and Serbia", "At war")
    truce = next(row for row in rows if row[1] == "Truce")
    assert truce[0] == "France and Italy" and truce[2].startswith("2 rounds left")
    assert ("Britain guarantees Belgium", "Guarantee") in [row[:2] for row in rows]
    text = shown_text(window)
    assert "Triple Alliance" in text and "cohesion" in text


def test_a_truce_counts_down_in_the_table_as_the_rounds_pass() -> None:
    match = new_match(fixture_level(), seed=9)
    match.truces[pair("france", "italy")] = match.round + 3
    match.round += 1  # a round later
    shown = Screen(match)
    try:
        open_window(shown)
        window = show_relations(shown)
        [truce] = [row for row in window.relation_rows if row[1] == "Truce"]
        assert truce[2].startswith("2 rounds left")
    finally:
        shown.close()


def test_choosing_a_nation_leaves_the_table_for_that_nation(screen: Screen) -> None:
    window = show_relations(screen)
    focus(screen, "britain")
    assert window.view == "nation"
    assert "Balancer (Waltz)" in shown_text(window)
    assert "BETWEEN" not in shown_text(window)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_the_table_fits_the_window_at_every_size(size: tuple[int, int]) -> None:
    match = new_match(fixture_level(), seed=9)
    match.truces[pair("france", "italy")] = match.round + 2
    shown = Screen(match, size=size)
    try:
        open_window(shown)
        window = show_relations(shown)
        assert clipped_texts(window) == []
        table = window._scrolls["b"].rect
        assert window.window.get_container().rect.contains(table)
    finally:
        shown.close()


def test_each_nation_wears_its_doctrine_or_its_player_on_its_row(screen: Screen) -> None:
    window = screen.dialog
    assert {n: b.text for n, b in window.badges.items()} == {
        "austria": "Played by you",
        "france": "Played by Entente",
        "russia": "Played by Entente",
        "britain": "Balancer",
        "belgium": "Neutral",
        "serbia": "Regime-seeker",
        "italy": "Bandwagoner",
    }
    for nation, badge in window.badges.items():
        assert window._nation_buttons[nation].rect.contains(badge.rect), "the badge sits on its nation's row"


def test_clicking_a_badge_chooses_its_nation(screen: Screen) -> None:
    window = screen.dialog
    screen.click(window.badges["italy"].rect.center)
    assert window.focus == "italy"


def test_an_offer_to_a_nation_nobody_plays_says_how_its_doctrine_would_answer_today(screen: Screen) -> None:
    window = focus(screen, "britain")
    seen = forecast(screen.match, ProposePact(nation=window.acting, to="britain"))
    assert seen is not None
    verdict = "would accept" if seen.accept else "would refuse"
    text = shown_text(window)
    assert "IF BRITAIN ANSWERED TODAY" in text
    assert f"Britain {verdict} : {seen.reason}." in text

    screen.press_button(button_for(window, ProposePact))
    text = shown_text(window)
    assert f"Pact (offered) — Britain {verdict} : {seen.reason}." in text  # the offer waits: its answer today
    assert f"Non-aggression pact offered to Britain by German Empire (today it {verdict})" in text


def test_no_forecast_for_a_nation_a_player_answers(screen: Screen) -> None:
    window = focus(screen, "france")
    assert "ANSWERED TODAY" not in shown_text(window)
