"""The map editor's keys and mouse, read into typed commands: what a press or a drag asks for."""

# The fixtures come from tests/ui/shell_driver.py: importing them is how pytest finds them.
# ruff: noqa: F811

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.core.hexgrid import Cell
from game.ui.app import App
from game.ui.commands import (
    HANDLED,
    ChangeGarrison,
    EndStroke,
    FillRegion,
    GenerateMap,
    LeaveEditor,
    MakeCapital,
    PaintCells,
    PanCanvas,
    PickAt,
    PickBrush,
    PickTool,
    PlayTest,
    RedoEdit,
    SaveDraft,
    UndoEdit,
    ZoomCanvas,
)
from game.ui.scenes.editor import EditorScene
from game.ui.scenes.editor_input import PAN_STEP, EditorInput, button_command, key_command
from tests.ui.shell_driver import app, click_at, frames, home  # noqa: F401

CTRL, SHIFT = pygame.KMOD_CTRL, pygame.KMOD_SHIFT
CENTRE = (400, 300)


class Canvas:
    """A canvas of 800x600 whose cells are 100 pixels square; land lies left of x=400."""

    def __init__(self, tool: str = "land") -> None:
        self.rect = pygame.Rect(0, 0, 800, 600)
        self.tool = tool

    def cell_at(self, pos: tuple[int, int]) -> Cell | None:
        return (pos[0] // 100, pos[1] // 100) if pos[1] < 500 else None  # the bottom strip is off the grid

    def is_land(self, cell: Cell) -> bool:
        return cell[0] < 4


def down(pos: tuple[int, int], button: int = 1) -> pygame.event.Event:
    return pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=button)


def up(pos: tuple[int, int], button: int = 1) -> pygame.event.Event:
    return pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=button)


def move(pos: tuple[int, int], rel: tuple[int, int] = (0, 0)) -> pygame.event.Event:
    return pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=rel, buttons=(0, 0, 0))


@pytest.mark.parametrize(
    ("key", "mods", "command"),
    [
        (pygame.K_z, CTRL, UndoEdit()),
        (pygame.K_z, CTRL | SHIFT, RedoEdit()),
        (pygame.K_y, CTRL, RedoEdit()),
        (pygame.K_s, CTRL, SaveDraft()),
        (pygame.K_LEFT, 0, PanCanvas(PAN_STEP, 0)),
        (pygame.K_DOWN, 0, PanCanvas(0, -PAN_STEP)),
        (pygame.K_EQUALS, 0, ZoomCanvas(CENTRE, 1)),
        (pygame.K_KP_MINUS, 0, ZoomCanvas(CENTRE, -1)),
        (pygame.K_ESCAPE, 0, LeaveEditor()),
        (pygame.K_z, 0, None),
        (pygame.K_s, 0, None),
    ],
    ids=["undo", "shift redo", "redo", "save", "pan left", "pan down", "zoom in", "zoom out", "back", "z", "s"],
)
def test_a_key_asks_for_its_command(key: int, mods: int, command: object) -> None:
    event = pygame.event.Event(pygame.KEYDOWN, key=key, mod=mods, unicode="", scancode=0)
    assert EditorInput().read(event, Canvas()) == command
    assert key_command(key, mods, CENTRE) == command


@pytest.mark.parametrize(
    ("tool", "command"),
    [
        ("land", PaintCells((1, 2))),
        ("sea", PaintCells((1, 2))),
        ("fill", FillRegion((1, 2))),
        ("eyedropper", PickAt((1, 2))),
        ("capital", MakeCapital((1, 2))),
        ("garrison", ChangeGarrison((1, 2), +1)),
    ],
)
def test_a_left_click_on_the_canvas_uses_the_tool_on_the_cell_under_it(tool: str, command: object) -> None:
    assert EditorInput().read(down((150, 250)), Canvas(tool)) == command


def test_a_click_off_the_canvas_is_not_the_editor_s_and_off_the_grid_does_nothing() -> None:
    reader = EditorInput()
    assert reader.read(down((900, 250)), Canvas()) is None
    assert reader.read(down((150, 550)), Canvas()) == HANDLED
    assert not reader.painting


def test_a_left_drag_paints_one_stroke_until_the_button_comes_up() -> None:
    reader, canvas = EditorInput(), Canvas("sea")
    assert reader.read(down((150, 250)), canvas) == PaintCells((1, 2))
    assert reader.read(move((250, 250)), canvas) == PaintCells((2, 2), stroke=True)
    assert reader.read(move((350, 550)), canvas) == PaintCells(None, stroke=True)  # off the grid: the scene stops it
    assert reader.read(up((350, 250)), canvas) == EndStroke()
    assert reader.read(move((450, 250)), canvas) == HANDLED, "after the release, moving paints nothing"


def test_a_stroke_that_could_not_paint_paints_no_more_while_dragged() -> None:
    reader, canvas = EditorInput(), Canvas()
    reader.read(down((150, 250)), canvas)
    reader.stop_stroke()
    assert reader.read(move((250, 250)), canvas) == HANDLED
    assert reader.read(up((250, 250)), canvas) == HANDLED, "no stroke to finish"


def test_a_right_drag_pans_and_with_the_garrison_tool_a_right_click_on_land_takes_a_troop() -> None:
    reader = EditorInput()
    assert reader.read(down((150, 250), 3), Canvas()) == HANDLED
    assert reader.read(move((160, 240), rel=(10, -10)), Canvas()) == PanCanvas(10, -10)
    reader.read(up((160, 240), 3), Canvas())
    assert reader.read(move((170, 240), rel=(10, 0)), Canvas()) == HANDLED
    garrison = Canvas("garrison")
    assert reader.read(down((150, 250), 3), garrison) == ChangeGarrison((1, 2), -1)
    assert not reader.panning
    assert reader.read(down((550, 250), 3), garrison) == HANDLED and reader.panning, "at sea it pans"


def test_the_wheel_zooms_at_the_mouse_over_the_canvas(app: App) -> None:
    reader = EditorInput()
    pygame.mouse.set_pos((200, 100))
    wheel = pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-1, flipped=False)
    assert reader.read(wheel, Canvas()) == ZoomCanvas((200, 100), -1)
    assert reader.read(down((200, 100), 4), Canvas()) == HANDLED, "the wheel's button press is not a click"


@pytest.mark.parametrize(
    ("key", "command"),
    [
        ("undo", UndoEdit()),
        ("redo", RedoEdit()),
        ("save", SaveDraft()),
        ("save_as", SaveDraft(as_new=True)),
        ("generate", GenerateMap()),
        ("playtest", PlayTest()),
        ("back", LeaveEditor()),
        ("tool_fill", PickTool("fill")),
        ("brush_3", PickBrush(2)),
        ("new_nation", None),
    ],
)
def test_a_top_bar_or_tool_button_asks_for_the_command_its_key_would(key: str, command: object) -> None:
    assert button_command(key) == command


def test_a_right_click_with_the_garrison_tool_takes_a_troop_on_screen(app: App, home: Path) -> None:
    scene = EditorScene(app)
    app.reset_to(scene)
    frames(app)
    scene.controller.new_nation()
    scene.controller.new_territory()
    scene.controller.paint((5, 5))
    scene.controller.select_tool("garrison")
    frames(app)
    for button in (1, 1, 3):
        click_at(app, scene.cell_centre((5, 5)), button)
    assert [(g.territory, g.strength) for g in scene.level.garrisons] == [(scene.level.territories[0].id, 1)]
