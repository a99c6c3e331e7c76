"""A small scene stack: the top scene gets the input; scenes below it may still draw.

Each scene owns the pygame_gui elements it creates and kills them on exit, so a
scene can be pushed and popped without leaving widgets behind.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

if TYPE_CHECKING:
    from game.ui.app import App


class Scene:
    """Override what you need. ``handle_event`` returns True when it consumed the event."""

    #: Scenes below an opaque scene are not drawn.
    opaque = True

    def __init__(self, app: App) -> None:
        self.app = app
        self._elements: list[object] = []

    # Life cycle -----------------------------------------------------------
    def enter(self) -> None:
        """Called when the scene becomes the top of the stack for the first time."""

    def exit(self) -> None:
        """Called when the scene is removed; kills every widget it registered."""
        for element in self._elements:
            kill = getattr(element, "kill", None)
            if kill is not None:
                kill()
        self._elements.clear()

    def resume(self) -> None:
        """Called when a scene above it was popped."""

    def own(self, element: object) -> object:
        """Register a pygame_gui element so exit() removes it."""
        self._elements.append(element)
        return element

    # Frame ----------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> bool:
        return False

    def update(self, dt: float) -> None:
        pass

    def animating(self) -> bool:
        """True while something on this scene moves by itself (an animation, an AI at work): the
        window then draws every frame; otherwise it sleeps until input (see App.step)."""
        return False

    def draw(self, surface: pygame.Surface) -> None:
        pass

    def resize(self, size: tuple[int, int]) -> None:
        """The window changed size; rebuild layouts."""
