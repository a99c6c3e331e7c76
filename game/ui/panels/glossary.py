"""Glossary cards (a term, the first time the match shows it) and the glossary window (every term)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame
from pygame_gui.core import ObjectID
from pygame_gui.elements import UILabel, UIPanel, UITextBox

from game.ui.commands import OpenGlossary, UICommand
from game.ui.glossary import term_text, terms
from game.ui.panels.common import CLOSE, esc, hex_of, ink
from game.ui.panels.dialog import Choice, Dialog
from game.ui.theme import font_size

if TYPE_CHECKING:
    from game.core import Match
    from game.ui.app import App

#: The hint strip's height, and its gap above the map's bottom edge (the shortcut line sits there).
HINT_HEIGHT = 40
HINT_BOTTOM = 44
#: Room for the "NEW IDEA" kicker on the left, and for More (G) and × on the right.
KICKER, BUTTONS = 94, 158


class GlossaryCard(Dialog):
    """A one-line hint over the map's bottom edge when an idea first happens: "NEW IDEA  Article 5: …".

    It never blocks play: More (G) opens the glossary at that term, × puts it away. The
    ~90-word card it replaced covered a quarter of the map; the long text lives in the glossary.
    """

    def __init__(self, app: App, kicker: str, title: str, text: str, anchor: pygame.Rect) -> None:
        self.app = app
        self.title = title
        self.text = text
        font = app.font(font_size("body"))
        line = f"{title}: {text}" if text else title
        room = max(240, anchor.width - 32 - KICKER - BUTTONS)
        if font.size(line)[0] > room:  # a briefing or a long title: one line, the rest in the glossary
            words = line.split(" ")
            while len(words) > 1 and font.size(" ".join(words) + "…")[0] > room:
                words.pop()
            line = " ".join(words) + "…"
        self.line = line
        width = min(anchor.width - 32, font.size(line)[0] + KICKER + BUTTONS)
        rect = pygame.Rect(anchor.x + 16, anchor.bottom - HINT_BOTTOM - HINT_HEIGHT, width, HINT_HEIGHT)
        self.panel = UIPanel(
            rect, starting_height=5, manager=app.manager, object_id=ObjectID(class_id="@glossary_card")
        )
        self._hold(app, self.panel)
        UILabel(
            pygame.Rect(10, 8, 84, 22),
            kicker,
            app.manager,
            container=self.panel,
            object_id=ObjectID(class_id="@small", object_id="#text_left"),
        )
        self.label = UILabel(
            pygame.Rect(KICKER, 7, width - KICKER - BUTTONS + 8, 24),
            line,
            app.manager,
            container=self.panel,
            object_id=ObjectID(object_id="#text_left"),
        )
        more = Choice("More (G)", 96, OpenGlossary(), tooltip="The whole idea in the glossary")
        self.all_terms = self._button(pygame.Rect(width - 148, 5, more.width, 28), more)
        away = Choice("×", 36, CLOSE, object_id="#dismiss_card", tooltip="Put the hint away")
        self.dismiss = self._button(pygame.Rect(width - 46, 5, away.width, 28), away)

    def show(self, visible: bool) -> None:
        if visible and not self.panel.visible:
            self.panel.show()
        elif not visible and self.panel.visible:
            self.panel.hide()


class GlossaryWindow(Dialog):
    """Every term on demand (G), the newest one met first when there is one; G, Enter or Esc closes it."""

    close_keys = (pygame.K_g,)

    def __init__(self, app: App, area: pygame.Rect, first: str | None = None, match: Match | None = None) -> None:
        self.first = first
        width, height = self._open(app, (620, 560), "Glossary of alliance theory", area)
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
        _, (self.close,) = self._footer(None, (Choice("Close", 116, CLOSE),), height=38, bottom=50)

    def confirmed(self) -> UICommand:
        return CLOSE
