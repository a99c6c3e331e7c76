"""The match screen's keys and mouse read as the commands a player expects (game/ui/scenes/match_input.py)."""

from __future__ import annotations

from typing import Any

import pygame
import pytest

from game.core import new_match
from game.ui.commands import (
    HANDLED,
    Back,
    DragBy,
    EndTurnAsked,
    HoverAt,
    LetGo,
    NextReady,
    PanMap,
    SelectAt,
    ShowHelp,
    SkipAi,
    ToggleMapMode,
    UndoAsked,
    ZoomAt,
)
from game.ui.panels import CombatPreview, MoveDialog
from game.ui.scenes.match_input import DRAG_THRESHOLD, MatchInput, key_command
from tests.ui.test_match_screen import Screen, fixture_level, home  # noqa: F401 - home: a fixture


def test_a_shows_alliances_but_with_shift_it_pans_like_the_arrows() -> None:
    assert key_command(pygame.K_a, 0, "a", ai_playing=False) == ToggleMapMode()
    assert key_command(pygame.K_a, pygame.KMOD_SHIFT, "A", ai_playing=False) == PanMap((1, 0), pygame.K_a)
    assert key_command(pygame.K_LEFT, 0, "", ai_playing=False) == PanMap((1, 0), pygame.K_LEFT)


def test_ctrl_z_undoes_and_ctrl_with_a_pan_key_does_not_pan() -> None:
    assert key_command(pygame.K_z, pygame.KMOD_CTRL, "", ai_playing=False) == UndoAsked()
    assert key_command(pygame.K_z, 0, "z", ai_playing=False) is None
    assert key_command(pygame.K_w, pygame.KMOD_CTRL, "", ai_playing=False) is None


def test_space_skips_only_while_the_ai_plays() -> None:
    assert key_command(pygame.K_SPACE, 0, " ", ai_playing=True) == SkipAi()
    assert key_command(pygame.K_SPACE, 0, " ", ai_playing=False) is None


def test_the_turn_keys() -> None:
    assert key_command(pygame.K_RETURN, 0, "\r", ai_playing=False) == EndTurnAsked()
    assert key_command(pygame.K_TAB, 0, "\t", ai_playing=False) == NextReady()
    assert key_command(pygame.K_ESCAPE, 0, "", ai_playing=False) == Back()
    assert key_command(pygame.K_SLASH, pygame.KMOD_SHIFT, "?", ai_playing=False) == ShowHelp()


# -- The mouse over the map (MatchInput) ------------------------------------------------------------

MAP = pygame.Rect(0, 60, 900, 660)
ON_MAP, OFF_MAP = (300, 300), (1000, 300)


def press(pos: tuple[int, int], button: int = 1) -> pygame.event.Event:
    return pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=button)


def release(pos: tuple[int, int], button: int = 1) -> pygame.event.Event:
    return pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=button)


def motion(pos: tuple[int, int], rel: tuple[int, int] = (0, 0), buttons: tuple[int, int, int] = (0, 0, 0)) -> Any:
    return pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=rel, buttons=buttons)


def wheel(notches: int) -> pygame.event.Event:
    return pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=notches, flipped=False, precise_x=0.0, precise_y=notches)


def read(reader: MatchInput, *events: pygame.event.Event, over_widget: bool = False) -> list[object]:
    return [reader.mouse(event, MAP, over_widget) for event in events]


def test_a_left_click_on_the_map_selects_there_and_a_right_click_lets_go() -> None:
    reader = MatchInput()
    assert read(reader, press(ON_MAP), release(ON_MAP)) == [HANDLED, SelectAt(ON_MAP)]
    assert read(reader, press(ON_MAP, 3), release(ON_MAP, 3)) == [HANDLED, LetGo()]
    assert read(reader, press(ON_MAP, 2), release(ON_MAP, 2)) == [HANDLED, HANDLED]  # the middle button: nothing
    assert not reader.dragging


def test_a_click_off_the_map_is_not_the_maps() -> None:
    reader = MatchInput()
    assert read(reader, press(OFF_MAP), release(OFF_MAP)) == [None, None]
    assert reader.pointer == OFF_MAP


def test_the_pointer_moving_with_no_button_held_hovers_where_it_is() -> None:
    reader = MatchInput()
    assert read(reader, motion(ON_MAP), motion(OFF_MAP)) == [HoverAt(ON_MAP), HoverAt(OFF_MAP)]
    assert reader.pointer == OFF_MAP


def test_a_held_button_that_moves_past_the_threshold_drags_and_its_release_selects_nothing() -> None:
    reader = MatchInput()
    x, y = ON_MAP
    nudge = (x + DRAG_THRESHOLD - 2, y)
    far = (x + 20, y + 10)
    further = (x + 25, y + 12)
    commands = read(
        reader,
        press(ON_MAP),
        motion(nudge, rel=(4, 0), buttons=(1, 0, 0)),  # a shaky click, not yet a drag: the map stays
        motion(far, rel=(16, 10), buttons=(1, 0, 0)),  # a drag: the map catches up with the pointer
        motion(further, rel=(5, 2), buttons=(1, 0, 0)),  # and then follows each move
        release(further),
    )
    assert commands == [HANDLED, DragBy(0, 0), DragBy(20, 10), DragBy(5, 2), HANDLED]
    assert not reader.dragging


def test_a_button_let_go_over_a_widget_ends_the_drag_and_the_pointer_hovers_again() -> None:
    reader = MatchInput()
    assert read(reader, press(ON_MAP, 3)) == [HANDLED]
    assert reader.dragging
    assert read(reader, motion((310, 300), rel=(10, 0), buttons=(0, 0, 0))) == [HoverAt((310, 300))]
    assert not reader.dragging
    assert read(reader, release((310, 300), 3)) == [None]  # its release came over the widget, not the map


def test_a_release_of_another_button_than_the_one_pressed_is_not_a_click() -> None:
    reader = MatchInput()
    assert read(reader, press(ON_MAP, 1), release(ON_MAP, 3)) == [HANDLED, None]


def test_the_wheel_zooms_at_the_pointer_over_the_map_only() -> None:
    reader = MatchInput()
    assert read(reader, wheel(1)) == [None], "no pointer seen yet: nowhere to zoom"
    read(reader, motion(ON_MAP))
    assert read(reader, wheel(1), wheel(-2)) == [ZoomAt(ON_MAP, 1), ZoomAt(ON_MAP, -1)]
    assert read(reader, wheel(1), over_widget=True) == [None], "a window over the map scrolls instead"
    read(reader, motion(OFF_MAP))
    assert read(reader, wheel(1)) == [None]


def test_a_pan_key_is_held_until_it_comes_up() -> None:
    reader = MatchInput()
    assert reader.key(pygame.K_LEFT, 0, "", ai_playing=False) == PanMap((1, 0), pygame.K_LEFT)
    assert reader.key(pygame.K_UP, 0, "", ai_playing=False) == PanMap((0, 1), pygame.K_UP)
    assert reader.held_pan() == (1, 1)
    reader.release(pygame.K_LEFT)
    assert reader.held_pan() == (0, 1)
    assert reader.key(pygame.K_TAB, 0, "\t", ai_playing=False) == NextReady()
    assert reader.held == {pygame.K_UP}


# -- The same mouse on a real match screen --------------------------------------------------------


@pytest.mark.usefixtures("home")  # autosaves go to a temporary folder
def test_on_screen_a_click_selects_a_right_click_lets_go_and_a_click_on_a_target_opens_its_orders() -> None:
    screen = Screen(new_match(fixture_level(), seed=3))
    try:
        screen.click_territory("berlin")
        assert screen.scene.selected == "berlin"
        view = screen.scene.map_view
        assert view is not None
        screen.click(view.territory_centre("berlin"), button=3)
        assert screen.scene.selected is None and screen.dialog is None
        screen.click_territory("berlin")
        screen.click_territory("munich")
        assert isinstance(screen.dialog, MoveDialog), "a move to Munich asks how many"
        screen.press(pygame.K_ESCAPE)
        screen.click_territory("warsaw")
        assert isinstance(screen.dialog, CombatPreview), "an attack on Warsaw is previewed first"
    finally:
        screen.close()
