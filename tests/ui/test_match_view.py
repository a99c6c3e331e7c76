"""The match screen's drawing (game/ui/scenes/match_view.py): the hover card, the hint strip, the AI's
arrow, and a view that only ever looks at the match.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pygame
import pytest

from game.core import apply, current_seat, new_match
from game.core import world as w
from game.core.actions import Attack
from game.io.levels import load_level
from game.io.saves import save_data
from game.ui.ai_driver import AiStep
from game.ui.scenes.handover import HandoverScene
from game.ui.scenes.match_view import FLASH_SECONDS, SHORT_OF_CENTRE, ai_move_of, arrow_clear_of, arrow_ends
from game.ui.theme import ink
from tests.ui.test_match_hotseat import dismiss_cards, press_end_turn
from tests.ui.test_match_screen import Screen, fixture_level, home  # noqa: F401 - home: a fixture
from tests.ui.test_ui_architecture import UI_DIR, core_apply_calls

pytestmark = pytest.mark.usefixtures("home")  # autosaves go to a temporary folder

VIEW = UI_DIR / "scenes" / "match_view.py"


@pytest.fixture
def screen() -> Iterator[Screen]:
    shown = Screen(new_match(fixture_level(), seed=3))
    yield shown
    shown.close()


# ---------------------------------------------------------------------------------------------
# The hover card and the hint strip


def test_the_hover_card_names_the_levy_that_holds_empty_land(screen: Screen) -> None:
    m = screen.match
    view = screen.scene.view
    assert view is not None
    empty = next(t for t in sorted(m.owner) if w.strength(m, t) == 0)
    texts = [text for _, text, _ in view.tooltip_lines(empty)]
    assert f"Levy {w.levy(m, empty)} (no troops)" in texts, texts
    held = next(t for t in sorted(m.owner) if w.strength(m, t) > 0)
    assert f"Strength {w.strength(m, held)}" in [text for _, text, _ in view.tooltip_lines(held)]


def test_the_hover_card_of_a_target_gives_the_cores_odds_for_the_selected_stack(screen: Screen) -> None:
    screen.click_territory("berlin")
    view = screen.scene.view
    assert view is not None
    _, attacks = screen.scene.orders("berlin")
    best = attacks["warsaw"][0]
    chance = w.attack_odds(screen.match, "warsaw", best.amount).attacker_wins
    texts = [text for _, text, _ in view.tooltip_lines("warsaw")]
    assert f"Attack with {best.amount}: {chance:.0%} to take it" in texts, texts


def test_the_hover_card_is_not_drawn_under_a_glossary_hint(screen: Screen) -> None:
    screen.click_territory("berlin")
    screen.click_territory("warsaw")
    screen.press_button(screen.dialog.confirm)  # breaks the pact with Russia: a hint of a new idea
    screen.click_territory("berlin")  # let go of the selection
    card = screen.scene.card
    assert card is not None, "the pact's hint"
    view = screen.scene.map_view
    assert view is not None
    rect = card.panel.rect
    for _ in range(3):  # zoom in, so land fills the corner where the hint sits
        screen.wheel(view.rect.center, 1)
    spots = [(x, y) for x in range(rect.left + 2, rect.right, 4) for y in range(rect.top + 2, rect.bottom, 4)]
    centre = next(p for p in spots if view.territory_at(p) is not None)  # land under the card
    berlin = view.territory_centre("berlin")
    try:
        pygame.mouse.set_pos(berlin)  # pygame_gui hovers by the real pointer
        screen.move_mouse(berlin)
        screen.frames(3)
        assert screen.scene.tooltip_visible()
        pygame.mouse.set_pos(centre)  # onto the card: the card takes the motion, the map keeps its hover
        screen.move_mouse(centre)
        screen.frames(3)
        assert not screen.scene.tooltip_visible()
    finally:
        pygame.mouse.set_pos((0, 0))


def test_the_hover_card_goes_with_the_players_turn_and_comes_back_when_the_pointer_moves() -> None:
    match = new_match(fixture_level(), seed=21, controllers=("human", "bandwagoner:normal"))
    shown = Screen(match, ai={1: "bandwagoner:normal"})
    try:
        dismiss_cards(shown)
        view = shown.scene.map_view
        assert view is not None
        berlin = view.territory_centre("berlin")
        shown.move_mouse(berlin)
        shown.frames(2)
        assert shown.scene.tooltip_visible(), "the card names the land under the pointer"
        press_end_turn(shown)  # from the keyboard: the pointer stays where it was
        assert current_seat(match) == 1
        shown.frames(2)
        assert not shown.scene.tooltip_visible(), "Berlin's card over the AI's turn"
        shown.until(lambda: current_seat(match) != 1, seconds=20)
        while shown.dialog is not None:  # the turn-start report, put away from the keyboard: the pointer stays
            shown.press(pygame.K_ESCAPE)
        assert not shown.scene.tooltip_visible(), "the card came back at the last pointer of the last turn"
        shown.move_mouse((berlin[0] + 1, berlin[1]))
        shown.frames(2)
        assert shown.scene.tooltip_visible(), "the pointer moved: the card is back"
    finally:
        shown.close()


def test_after_the_hand_over_the_next_seat_sees_no_card_of_the_last_seats_pointer(screen: Screen) -> None:
    view = screen.scene.map_view
    assert view is not None
    berlin = view.territory_centre("berlin")
    screen.move_mouse(berlin)
    screen.frames(2)
    assert screen.scene.tooltip_visible()
    press_end_turn(screen)
    assert isinstance(screen.app.scene, HandoverScene)
    screen.press(pygame.K_RETURN)  # the second player takes the screen from the keyboard
    while screen.dialog is not None:
        screen.press(pygame.K_ESCAPE)
    assert screen.app.scene is screen.scene and screen.match.seat == 1
    assert not screen.scene.tooltip_visible(), "the first seat's card, shown to the second"
    screen.move_mouse((berlin[0] + 1, berlin[1]))
    screen.frames(2)
    assert screen.scene.tooltip_visible()


def test_fit_leaves_every_territory_clear_of_the_hint_strip() -> None:
    # The tutorial's map is tall enough that its bottom row once sat under the strip at 1280x720.
    tutorial = load_level(Path(__file__).parents[2] / "levels" / "tutorial.json")
    shown = Screen(new_match(tutorial, seed=1), size=(1280, 720))
    try:
        view = shown.scene.map_view
        assert view is not None and shown.scene.view is not None
        shown.press(pygame.K_f)
        strip_top = view.rect.bottom - shown.scene.view.hint_strip().get_height() - 8
        lowest_badge = max(view.territory_centre(t)[1] for t in shown.match.owner) + 10  # the troop badge
        assert lowest_badge < strip_top
    finally:
        shown.close()


# ---------------------------------------------------------------------------------------------
# The AI's orders


def attack_step() -> tuple[AiStep, list[Any]]:
    """Germany takes Warsaw, as an AI's step (applied to a match of its own, not the one on screen)."""
    elsewhere = new_match(fixture_level(), seed=2)
    attack = Attack(nation="germany", source="berlin", target="warsaw", amount=6)
    events = apply(elsewhere, attack)
    return AiStep(attack, events, frozenset({"berlin", "warsaw"})), events


def test_each_ai_order_is_shown_as_an_arrow_and_the_sentence_that_says_what_it_did() -> None:
    step, events = attack_step()
    move = ai_move_of(step)
    assert (move.source, move.target, move.attack) == ("berlin", "warsaw", True)
    captured = next(e.text for e in events if e.kind == "territory_captured")
    assert move.text == captured, "the capture says more than the declaration of war before it"


def test_an_ai_attack_is_drawn_as_a_red_arrow_from_its_source_to_its_target_until_its_flash_fades() -> None:
    match = new_match(fixture_level(), seed=5, controllers=("human", "bandwagoner:normal"))
    screen = Screen(match, ai={1: "bandwagoner:normal"})
    try:
        view = screen.scene.view
        assert view is not None
        dismiss_cards(screen)
        press_end_turn(screen)
        assert screen.scene.controller.driver is not None, "the AI's turn"
        # The AI's order as its driver hands it over (the same attack played on a match of its own).
        view.show_ai_step(attack_step()[0], pause=0.5)
        move = view.ai_move
        assert move is not None and move.source == "berlin" and move.target == "warsaw"
        start = pygame.Vector2(view.map_view.territory_centre(move.source))
        end = pygame.Vector2(view.map_view.territory_centre(move.target))
        on_stem = start + (end - start) / 3
        point = (int(on_stem.x), int(on_stem.y))
        colour = ink("bad") if move.attack else ink("good")
        surface = pygame.Surface(screen.app.size)

        view.draw(surface)
        assert surface.get_at(point) == colour, "the arrow's stem runs from the source toward the target"

        view.tick(FLASH_SECONDS + 5)
        view.draw(surface)
        assert view.ai_move is None and not view.flashing
        assert surface.get_at(point) != colour, "the arrow is gone once the flash fades"
    finally:
        screen.close()


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)], ids=["1280x720", "1920x1080"])
def test_the_ai_arrow_stops_short_of_its_targets_name_so_the_name_stays_readable(size: tuple[int, int]) -> None:
    match = new_match(fixture_level(), seed=5, controllers=("human", "bandwagoner:normal"))
    screen = Screen(match, ai={1: "bandwagoner:normal"}, size=size)
    try:
        view = screen.scene.view
        assert view is not None
        dismiss_cards(screen)
        press_end_turn(screen)
        view.show_ai_step(attack_step()[0], pause=0.5)  # Berlin takes Warsaw, whose name sits above its centre
        move = view.ai_move
        assert move is not None
        name = view.map_view.label_rects()["warsaw"]
        start, point = view.ai_arrow(move)
        assert arrow_clear_of(start, point, name), "the arrow's head lands on 'Warsaw'"
        assert point.distance_to(view.map_view.territory_centre("warsaw")) < start.distance_to(point)

        shown, bare = pygame.Surface(screen.app.size), pygame.Surface(screen.app.size)
        view.draw(shown)
        view.forget_ai_move()
        view.draw(bare)
        differ = [
            (x, y)
            for x in range(name.left, name.right)
            for y in range(name.top, name.bottom)
            if shown.get_at((x, y)) != bare.get_at((x, y))
        ]
        assert differ == [], f"{len(differ)} pixels of the name 'Warsaw' are under the arrow"
    finally:
        screen.close()


def test_an_arrow_with_no_room_before_the_name_keeps_its_point_and_the_name_goes_over_it() -> None:
    name = pygame.Rect(0, 0, 120, 20)
    name.center = (100, 95)  # a long name across a short arrow's way
    start, point = arrow_ends((60, 100), (110, 100), name)
    assert point == pygame.Vector2(110 - SHORT_OF_CENTRE, 100)
    assert not arrow_clear_of(start, point, name), "the scene draws the name over this arrow"
    far_start, far_point = arrow_ends((100, 400), (100, 100), name)  # from far below: room to stop short
    assert arrow_clear_of(far_start, far_point, name) and far_point.y > name.bottom


# ---------------------------------------------------------------------------------------------
# The view only looks


def match_state(shown: Screen) -> tuple[Any, ...]:
    """Everything a save holds of the match (but the clock), with the controller's version."""
    data = save_data(shown.match)
    data["summary"].pop("saved_at")
    data.pop("content_hash")
    return data, shown.scene.version, len(shown.match.events)


def test_drawing_the_match_twice_changes_neither_the_match_nor_its_version(screen: Screen) -> None:
    screen.click_territory("berlin")  # a selection, its targets lit, a hover card over Berlin
    view = screen.scene.view
    assert view is not None
    view.show_ai_step(attack_step()[0], pause=0.3)  # and the AI's arrow on top
    before = match_state(screen)
    surface = pygame.Surface(screen.app.size)
    for _ in range(2):
        screen.scene.draw(surface)
    assert match_state(screen) == before


#: What the controller offers that changes the match or moves the turn on: the view asks for none.
CHANGES = {"act", "end_turn", "undo", "ask", "skip_ai", "drive_ai", "back_to_report", "start", "resume", "apply"}


def match_changes(source: str) -> list[tuple[int, str]]:
    """(line, call) for each call in ``source`` of a method named like one that changes the match."""
    return sorted(
        (node.lineno, ast.unparse(node.func))
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in CHANGES
    )


@pytest.mark.parametrize(
    ("source", "caught"),
    [
        ("self.screen.controller.act(action)", ["self.screen.controller.act"]),
        ("controller.end_turn()", ["controller.end_turn"]),
        ("core.apply(m, a)", ["core.apply"]),
        ("moves, attacks = controller.orders(selected)", []),
        ("self.map_view.draw(surface, lit)", []),
    ],
    ids=["act", "end turn", "apply", "orders", "draw"],
)
def test_the_change_check_sees_a_call_that_changes_the_match(source: str, caught: list[str]) -> None:
    assert [call for _, call in match_changes(source)] == caught


def test_the_match_view_neither_calls_the_cores_apply_nor_asks_the_controller_to_act() -> None:
    source = VIEW.read_text(encoding="utf-8")
    assert core_apply_calls(source) == []
    assert match_changes(source) == []
    widgets = sorted(
        alias.name
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
        if (getattr(node, "module", None) or alias.name).split(".")[0] == "pygame_gui"
    )
    assert widgets == [], "the view builds no widgets: the scene does"


def test_the_match_scene_draws_through_its_view() -> None:
    source = (UI_DIR / "scenes" / "match.py").read_text(encoding="utf-8")
    drawing = sorted(
        {
            ast.unparse(node)
            for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Attribute)
            and (node.attr in ("blit", "fill", "render") or ast.unparse(node.value) == "pygame.draw")
        }
    )
    assert drawing == [], f"the match scene draws itself: {drawing}; the view draws"
