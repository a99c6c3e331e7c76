"""The map editor's keys, mouse and top-bar buttons, read into typed commands.

:class:`EditorInput` reads one pygame event over the canvas and answers with a command from
:mod:`game.ui.commands` (or None: not the editor's). It remembers only what a gesture spans
several events for: a right-drag panning, a left-drag painting a stroke. What a click does
depends on the tool and on what lies under the mouse, which it asks of a :class:`Canvas`.
The scene carries the commands out; nothing here changes the draft or the view.
"""

from __future__ import annotations

from typing import Protocol

import pygame

from game.core.hexgrid import Cell
from game.ui.commands import (
    HANDLED,
    ChangeGarrison,
    EditorCommand,
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

#: Pixels an arrow key moves the view (the map moves the other way: Left shows what lies left).
PAN_STEP = 40
PAN_KEYS = {
    pygame.K_LEFT: (PAN_STEP, 0),
    pygame.K_RIGHT: (-PAN_STEP, 0),
    pygame.K_UP: (0, PAN_STEP),
    pygame.K_DOWN: (0, -PAN_STEP),
}
ZOOM_KEYS = {pygame.K_PLUS: 1, pygame.K_EQUALS: 1, pygame.K_KP_PLUS: 1, pygame.K_MINUS: -1, pygame.K_KP_MINUS: -1}
#: The top bar's buttons by their widget keys.
BUTTONS: dict[str, EditorCommand] = {
    "undo": UndoEdit(),
    "redo": RedoEdit(),
    "save": SaveDraft(),
    "save_as": SaveDraft(as_new=True),
    "generate": GenerateMap(),
    "playtest": PlayTest(),
    "back": LeaveEditor(),
}
LEFT, RIGHT = 1, 3
WHEEL_BUTTONS = (4, 5)  # the wheel comes as MOUSEWHEEL too


class Canvas(Protocol):
    """What the input needs to know of the canvas under the mouse."""

    @property
    def rect(self) -> pygame.Rect:
        """Where the canvas is on screen."""

    @property
    def tool(self) -> str:
        """The tool a left click uses."""

    def cell_at(self, pos: tuple[int, int]) -> Cell | None:
        """The grid's cell under ``pos`` (None: off the grid)."""

    def is_land(self, cell: Cell) -> bool:
        """A territory (not the sea) holds ``cell``."""


def key_command(key: int, mods: int, centre: tuple[int, int]) -> EditorCommand | None:
    """What a key pressed in the editor asks for (``centre``: the canvas's, where keys zoom)."""
    ctrl = mods & pygame.KMOD_CTRL
    if ctrl and key == pygame.K_z:
        return RedoEdit() if mods & pygame.KMOD_SHIFT else UndoEdit()
    if ctrl and key == pygame.K_y:
        return RedoEdit()
    if ctrl and key == pygame.K_s:
        return SaveDraft()
    if key in PAN_KEYS:
        return PanCanvas(*PAN_KEYS[key])
    if key in ZOOM_KEYS:
        return ZoomCanvas(centre, ZOOM_KEYS[key])
    if key == pygame.K_ESCAPE:
        return LeaveEditor()
    return None


def button_command(key: str) -> EditorCommand | None:
    """The command of a top-bar, tool or brush button (None: a button of the panel's forms)."""
    if key.startswith("tool_"):
        return PickTool(key[len("tool_") :])
    if key.startswith("brush_") and key[len("brush_") :].isdigit():
        return PickBrush(int(key[len("brush_") :]) - 1)
    return BUTTONS.get(key)


class EditorInput:
    """Reads the editor's key and mouse events; it follows a drag from its press to its release."""

    def __init__(self) -> None:
        self.panning = False
        self.painting = False

    def stop_stroke(self) -> None:
        """The stroke could not paint (no territory chosen, off the grid): dragging paints no more."""
        self.painting = False

    def read(self, event: pygame.event.Event, canvas: Canvas) -> EditorCommand | None:
        """The command ``event`` asks for; HANDLED: the editor used it for nothing; None: not the editor's."""
        if event.type == pygame.KEYDOWN:
            return key_command(event.key, event.mod, canvas.rect.center)
        if event.type == pygame.MOUSEBUTTONDOWN:
            return self._press(event, canvas)
        if event.type == pygame.MOUSEBUTTONUP:
            if event.button == LEFT and self.painting:
                self.painting = False
                return EndStroke()
            if event.button == RIGHT:
                self.panning = False
            return HANDLED
        if event.type == pygame.MOUSEMOTION:
            if self.panning:
                return PanCanvas(*event.rel)
            if self.painting and canvas.rect.collidepoint(event.pos):
                return PaintCells(canvas.cell_at(event.pos), stroke=True)
            return HANDLED
        if event.type == pygame.MOUSEWHEEL:
            pos = pygame.mouse.get_pos()
            if canvas.rect.collidepoint(pos):
                return ZoomCanvas(pos, 1 if event.y > 0 else -1)
        return None

    def _press(self, event: pygame.event.Event, canvas: Canvas) -> EditorCommand | None:
        if not canvas.rect.collidepoint(event.pos):
            return None
        if event.button in WHEEL_BUTTONS:
            return HANDLED
        cell = canvas.cell_at(event.pos)
        tool = canvas.tool
        if event.button == RIGHT:
            if tool == "garrison" and cell is not None and canvas.is_land(cell):
                return ChangeGarrison(cell, -1)
            self.panning = True
            return HANDLED
        if event.button != LEFT or cell is None:
            return HANDLED
        if tool in ("land", "sea"):
            self.painting = True
            return PaintCells(cell)
        if tool == "fill":
            return FillRegion(cell)
        if tool == "eyedropper":
            return PickAt(cell)
        if tool == "capital":
            return MakeCapital(cell)
        if tool == "garrison":
            return ChangeGarrison(cell, +1)
        return HANDLED
