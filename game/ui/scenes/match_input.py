"""The match screen's keys, as typed commands: what a key press asks for, not how it is done.

:func:`key_command` reads one key press over the map (no dialog open: a dialog's keys are its
own) and answers with a command from :mod:`game.ui.commands`, or None for a key the screen
does not use. The scene carries the command out.
"""

from __future__ import annotations

import pygame

from game.ui.commands import (
    Back,
    EndTurnAsked,
    FitMap,
    MatchCommand,
    NextReady,
    OpenDiplomacy,
    OpenGlossary,
    PanMap,
    ShowHelp,
    SkipAi,
    ToggleMapMode,
    UndoAsked,
)

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
