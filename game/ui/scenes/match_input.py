"""The match screen's keys and mouse, as typed commands: what the player asks for, not how it is done.

:func:`key_command` reads one key press over the map (no dialog open: a dialog's keys are its
own) and answers with a command from :mod:`game.ui.commands`, or None for a key the screen
does not use. :class:`MatchInput` reads the mouse over the map (a click, a hover, the wheel, a
drag) the same way, and remembers what a gesture spans several events for: where the pointer
is, a button held since it went down on the map, the pan keys held. The scene carries the
commands out; nothing here changes the match or moves the map.
"""

from __future__ import annotations

import pygame

from game.ui.commands import (
    HANDLED,
    Back,
    DragBy,
    EndTurnAsked,
    FitMap,
    HoverAt,
    LetGo,
    MatchCommand,
    NextReady,
    OpenDiplomacy,
    OpenGlossary,
    PanMap,
    SelectAt,
    ShowHelp,
    SkipAi,
    ToggleMapMode,
    UndoAsked,
    ZoomAt,
)

#: Pixels a held button must travel before a press on the map is a drag, not a click.
DRAG_THRESHOLD = 6
LEFT, MIDDLE, RIGHT = pygame.BUTTON_LEFT, pygame.BUTTON_MIDDLE, pygame.BUTTON_RIGHT

PAN_KEYS = {
    pygame.K_LEFT: (1, 0),
    pygame.K_RIGHT: (-1, 0),
    pygame.K_UP: (0, 1),
    pygame.K_DOWN: (0, -1),
    pygame.K_w: (0, 1),
    pygame.K_s: (0, -1),
}
# A and D are the alliance overlay and diplomacy; with Shift held they pan like the others.
SHIFT_PAN_KEYS = {pygame.K_a: (1, 0), pygame.K_d: (-1, 0)}

#: Keys that ask for the same thing whatever the modifiers.
PLAIN_KEYS: dict[int, MatchCommand] = {
    pygame.K_RETURN: EndTurnAsked(),
    pygame.K_KP_ENTER: EndTurnAsked(),
    pygame.K_TAB: NextReady(),
    pygame.K_d: OpenDiplomacy(),
    pygame.K_g: OpenGlossary(),
    pygame.K_a: ToggleMapMode(),
    pygame.K_f: FitMap(),
    pygame.K_ESCAPE: Back(),
    pygame.K_F1: ShowHelp(),
}


def pan_direction(key: int) -> tuple[int, int]:
    """Which way a held key moves the map ((0, 0): it does not)."""
    return PAN_KEYS.get(key, SHIFT_PAN_KEYS.get(key, (0, 0)))


def key_command(key: int, mods: int, unicode: str, ai_playing: bool) -> MatchCommand | None:
    """What a key pressed over the map asks for; ``ai_playing``: an AI seat is playing its turn."""
    if ai_playing and key == pygame.K_SPACE:
        return SkipAi()
    direction = PAN_KEYS.get(key) or (SHIFT_PAN_KEYS.get(key) if mods & pygame.KMOD_SHIFT else None)
    if direction is not None and not mods & pygame.KMOD_CTRL:
        return PanMap(direction, key)
    if key == pygame.K_z and mods & pygame.KMOD_CTRL:
        return UndoAsked()
    command = PLAIN_KEYS.get(key)
    if command is None and unicode == "?":
        return ShowHelp()
    return command


class MatchInput:
    """Reads the match screen's mouse over the map, and the pan keys held, into commands."""

    def __init__(self) -> None:
        #: Where the pointer was last seen (None: not yet); the hover card follows it.
        self.pointer: tuple[int, int] | None = None
        # The button held since it went down on the map: which, where, and whether it became a drag.
        self._press: tuple[int, tuple[int, int]] | None = None
        self._moved = False
        #: The pan keys held down: the map keeps moving while they are.
        self.held: set[int] = set()

    @property
    def dragging(self) -> bool:
        """A button went down on the map and is still held (a click or a drag in the making)."""
        return self._press is not None

    def key(self, key: int, mods: int, unicode: str, ai_playing: bool) -> MatchCommand | None:
        """What a key pressed over the map asks for (:func:`key_command`); a pan key is held from now on."""
        command = key_command(key, mods, unicode, ai_playing)
        if isinstance(command, PanMap):
            self.held.add(command.key)
        return command

    def release(self, key: int) -> None:
        self.held.discard(key)

    def held_pan(self) -> tuple[int, int]:
        """Which way the held keys move the map, added up ((0, 0): they do not)."""
        directions = [pan_direction(k) for k in self.held]
        return sum(d[0] for d in directions), sum(d[1] for d in directions)

    def mouse(self, event: pygame.event.Event, map_rect: pygame.Rect, over_widget: bool) -> MatchCommand | None:
        """The command a mouse event asks for; HANDLED: the map took it for a gesture; None: not the map's.

        ``over_widget``: the pointer is over a widget (a window over the map takes the wheel).
        """
        if event.type == pygame.MOUSEWHEEL:
            pos = self.pointer
            if pos is not None and map_rect.collidepoint(pos) and event.y and not over_widget:
                return ZoomAt(pos, 1 if event.y > 0 else -1)
            return None
        pos = event.pos
        self.pointer = pos
        if event.type == pygame.MOUSEBUTTONDOWN:
            if event.button in (LEFT, MIDDLE, RIGHT) and map_rect.collidepoint(pos):
                self._press, self._moved = (event.button, pos), False
                return HANDLED
            return None
        if event.type == pygame.MOUSEMOTION:
            return self._motion(event, pos)
        if event.type == pygame.MOUSEBUTTONUP:
            press, self._press = self._press, None
            if press is None or press[0] != event.button:
                return None
            if self._moved:
                return HANDLED
            if event.button == LEFT:
                return SelectAt(pos)
            if event.button == RIGHT:
                return LetGo()
            return HANDLED
        return None

    def _motion(self, event: pygame.event.Event, pos: tuple[int, int]) -> MatchCommand:
        buttons = getattr(event, "buttons", None)
        if self._press is not None and buttons is not None and not any(buttons):
            self._press = None  # the button went up over a widget
        if self._press is None:
            return HoverAt(pos)
        if self._moved:
            rel = getattr(event, "rel", (0, 0))
            return DragBy(rel[0], rel[1])
        sx, sy = self._press[1]
        if abs(pos[0] - sx) + abs(pos[1] - sy) >= DRAG_THRESHOLD:
            self._moved = True
            return DragBy(pos[0] - sx, pos[1] - sy)
        return DragBy(0, 0)
