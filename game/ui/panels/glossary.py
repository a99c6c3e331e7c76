"""Glossary cards (a term, the first time the match shows it) and the glossary window (every term)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame
import pygame_gui
from pygame_gui.core import ObjectID
from pygame_gui.elements import UIButton, UILabel, UIPanel, UITextBox

from game.ui.commands import HANDLED, OpenGlossary
from game.ui.glossary import term_text, terms
from game.ui.panels.common import CLOSE, Intent, centred_window, esc, hex_of, ink, inner_size

if TYPE_CHECKING:
    from game.core import Match
    from game.ui.app import App

CARD_SIZE = (400, 150)


class GlossaryCard:
    """A small dismissable card in the corner of the map; it never blocks play."""

    def __init__(self, app: App, kicker: str, title: str, text: str, anchor: pygame.Rect) -> None:
        self.app = app
        self.title = title
        width = CARD_SIZE[0]
        # Measure the text first, so the card is as tall as it needs and never scrolls.
        probe = UITextBox(esc(text), pygame.Rect(-2000, -2000, width - 24, -1), app.manager, object_id="@card_text")
        text_height = probe.get_relative_rect().height
        probe.kill()
        height = min(56 + text_height + 52, max(CARD_SIZE[1], anchor.height // 2 + 60))
        rect = pygame.Rect(anchor.x + 16, anchor.bottom - height - 16, width, height)
        self.panel = UIPanel(
            rect, starting_height=5, manager=app.manager, object_id=ObjectID(class_id="@glossary_card")
        )
        UILabel(
            pygame.Rect(14, 8, width - 28, 18),
            kicker,
            app.manager,
            container=self.panel,
            object_id=ObjectID(class_id="@small", object_id="#text_left"),
        )
        UILabel(
            pygame.Rect(14, 26, width - 28, 28),
            title,
            app.manager,
            container=self.panel,
            object_id=ObjectID(class_id="@heading", object_id="#text_left"),
        )
        UITextBox(
            esc(text),
            pygame.Rect(10, 56, width - 24, height - 56 - 48),
            app.manager,
            container=self.panel,
            object_id="@card_text",
        )
        self.all_terms = UIButton(
            pygame.Rect(14, height - 44, 130, 32), "All terms (G)", app.manager, container=self.panel
        )
        self.dismiss = UIButton(
            pygame.Rect(width - 14 - 100, height - 44, 96, 32),
            "Got it",
            app.manager,
            container=self.panel,
            object_id=ObjectID(class_id="@primary", object_id="#dismiss_card"),
        )

    def kill(self) -> None:
        self.panel.kill()

    def show(self, visible: bool) -> None:
        if visible and not self.panel.visible:
            self.panel.show()
        elif not visible and self.panel.visible:
            self.panel.hide()

    def handle(self, event: pygame.event.Event) -> Intent | None:
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            if event.ui_element is self.dismiss:
                return CLOSE
            if event.ui_element is self.all_terms:
                return OpenGlossary()
        return None


class GlossaryWindow:
    """Every term on demand (G), the newest one met first when there is one."""

    def __init__(self, app: App, area: pygame.Rect, first: str | None = None, match: Match | None = None) -> None:
        self.window = centred_window(app, (620, 560), "Glossary of alliance theory", area)
        width, height = inner_size(self.window)
        heading = hex_of(ink("heading"))
        ordered = terms()
        if first is not None:
            ordered.sort(key=lambda t: t.key != first)
        body = "<br><br>".join(
            f"<font color='{heading}' size=4.5><b>{esc(t.title)}</b></font><br>"
            f"{esc(term_text(t.key, match) if match is not None else t.text)}"
            for t in ordered
        )
        self.text = UITextBox(
            body, pygame.Rect(8, 8, width - 16, height - 64), app.manager, container=self.window, object_id="@card_text"
        )
        self.close = UIButton(
            pygame.Rect(width - 130, height - 50, 116, 38), "Close", app.manager, container=self.window
        )

    def kill(self) -> None:
        self.window.kill()

    def alive(self) -> bool:
        return self.window.alive()

    def handle(self, event: pygame.event.Event) -> Intent | None:
        if event.type == pygame_gui.UI_BUTTON_PRESSED and event.ui_element is self.close:
            return CLOSE
        if event.type == pygame_gui.UI_WINDOW_CLOSE and event.ui_element is self.window:
            return CLOSE
        return None

    def key(self, key: int) -> Intent | None:
        if key in (pygame.K_ESCAPE, pygame.K_g, pygame.K_RETURN):
            return CLOSE
        return HANDLED
