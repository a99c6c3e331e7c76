"""Two small widgets the shell's screens share, built on pygame_gui's own.

- :class:`HintButton`: a button that still shows its tool tip while disabled, so a
  greyed-out "Continue" or "Map editor" can say why.
- :class:`Segmented`: a row of buttons of which exactly one is selected
  (difficulty, animation speed, which seat the human plays).
"""

from __future__ import annotations

from collections.abc import Sequence

import pygame
import pygame_gui
from pygame_gui.core import ObjectID, UIElement
from pygame_gui.elements import UIButton


class HintButton(UIButton):
    """A UIButton whose tool tip also appears when it is disabled."""

    def can_hover(self) -> bool:
        return not self.is_selected and not self.held

    def on_hovered(self) -> None:
        if self.is_enabled:
            super().on_hovered()
        else:
            UIElement.on_hovered(self)  # start the tool-tip timer, keep the disabled look

    def on_unhovered(self) -> None:
        if self.is_enabled:
            super().on_unhovered()
        else:
            UIElement.on_unhovered(self)


class Segmented:
    """Mutually exclusive choices shown as adjacent buttons; ``value`` is the selected choice."""

    def __init__(
        self,
        rect: pygame.Rect,
        choices: Sequence[tuple[str, str]],
        value: str,
        manager: pygame_gui.UIManager,
        container: object | None = None,
        gap: int = 6,
    ) -> None:
        """``choices`` are (value, label) pairs, laid out left to right across ``rect``."""
        self.value = value
        self.buttons: dict[str, UIButton] = {}
        count = max(1, len(choices))
        # Each button's edges rounded from the exact share, so the last ends at the rect's right
        # as every other row's control does (a whole-pixel width left the remainder short).
        edges = [rect.x + round(i * (rect.width + gap) / count) for i in range(count + 1)]
        for i, (choice, label) in enumerate(choices):
            button = UIButton(
                pygame.Rect(edges[i], rect.y, edges[i + 1] - gap - edges[i], rect.height),
                label,
                manager,
                container=container,  # type: ignore[arg-type]
                object_id=ObjectID(class_id="@segment", object_id=f"#choice_{choice}"),
            )
            self.buttons[choice] = button
        self._show()

    def handle(self, event: pygame.event.Event) -> bool:
        """True when ``event`` pressed one of these buttons; ``value`` is then the new choice."""
        if event.type != pygame_gui.UI_BUTTON_PRESSED:
            return False
        for choice, button in self.buttons.items():
            if event.ui_element is button:
                self.value = choice
                self._show()
                return True
        return False

    def owns(self, element: object) -> bool:
        return any(element is b for b in self.buttons.values())

    def _show(self) -> None:
        for choice, button in self.buttons.items():
            if choice == self.value:
                button.select()
            else:
                button.unselect()
