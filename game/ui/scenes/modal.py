"""A card over a dimmed screen: the shape of the pause menu, settings, saves, help and game over.

Every widget of a modal scene lives inside one full-window panel, the *shade*, placed
above all the widgets of the scenes below it. pygame_gui draws and hit-tests by layer,
so the shade both dims what is underneath (the match, its panels) and swallows the
clicks meant for it: the scene below is frozen without having to know about it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame
from pygame_gui.core import ObjectID
from pygame_gui.elements import UIImage, UILabel, UIPanel

from game.ui.scene import Scene
from game.ui.theme import colours

if TYPE_CHECKING:
    from game.ui.app import App

#: Above whatever the scenes below create at the root (panels, windows opened so far).
SHADE_LAYER = 50
#: How far a modal opened from another modal sits above it (the card and its widgets take a few layers).
MODAL_STEP = 20
PADDING = 28


def card_face(size: tuple[int, int], radius: int = 10) -> pygame.Surface:
    """A rounded card with a gold edge and a soft shadow, ``size`` plus a 4-pixel margin for the shadow."""
    face = colours("#card_face")
    width, height = size
    surface = pygame.Surface((width + 8, height + 8), pygame.SRCALPHA)
    pygame.draw.rect(surface, face["shadow"], (6, 7, width, height), border_radius=radius)
    card = pygame.Rect(4, 4, width, height)
    pygame.draw.rect(surface, face["background"], card, border_radius=radius)
    pygame.draw.rect(surface, face["border"], card, 2, border_radius=radius)
    return surface


class ModalScene(Scene):
    """Subclasses set ``title`` and ``card_size`` and fill the card in :meth:`build`."""

    opaque = False
    title = ""
    card_size: tuple[int, int] = (520, 420)

    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.shade: UIPanel | None = None
        self.card: UIPanel | None = None

    # Layout ---------------------------------------------------------------
    def enter(self) -> None:
        self.rebuild()

    def resize(self, size: tuple[int, int]) -> None:
        self.rebuild()

    def rebuild(self) -> None:
        """Throw the widgets away and lay them out again for the current window size."""
        Scene.exit(self)  # kill the widgets only: a subclass's exit() may do more
        width, height = self.app.size
        self.shade = self.make_shade(pygame.Rect(0, 0, width, height))
        self.own(self.shade)
        card_w = min(self.card_size[0], width - 40)
        card_h = min(self.card_size[1], height - 40)
        rect = pygame.Rect(0, 0, card_w, card_h)
        rect.center = (width // 2, height // 2)
        # The card's face is drawn here: pygame_gui's own rounded panels take a tenth of a second to draw at
        # this size, a lag a player feels on Esc. The panel above it is transparent and holds the widgets.
        UIImage(rect.inflate(8, 8), card_face(rect.size), self.app.manager, container=self.shade, starting_height=1)
        self.card = UIPanel(
            rect,
            starting_height=2,
            manager=self.app.manager,
            container=self.shade,
            object_id=ObjectID(object_id="#card"),
        )
        top = PADDING - 8
        if self.title:
            UILabel(
                pygame.Rect(PADDING, top, card_w - 2 * PADDING, 36),
                self.title,
                self.app.manager,
                container=self.card,
                object_id=ObjectID(class_id="@heading", object_id="#card_title"),
            )
            top += 44
        self.build(self.card, pygame.Rect(PADDING, top, card_w - 2 * PADDING, card_h - top - PADDING + 4))

    def make_shade(self, rect: pygame.Rect) -> UIPanel:
        return UIPanel(
            rect, starting_height=self.layer(), manager=self.app.manager, object_id=ObjectID(object_id="#shade")
        )

    def layer(self) -> int:
        """Above every modal card below this one: Load opened from the pause menu shared the pause
        card's layer, and the pause buttons showed through the list of saves."""
        below = 0
        for scene in self.app.scenes:
            if scene is self:
                break
            below += isinstance(scene, ModalScene)
        return SHADE_LAYER + MODAL_STEP * below

    def build(self, card: UIPanel, area: pygame.Rect) -> None:
        """Create the widgets inside ``card``; ``area`` is the free space under the title."""

    # Input ----------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.close()
            return True
        return False

    def close(self) -> None:
        if self.app.scene is self:
            self.app.pop()
