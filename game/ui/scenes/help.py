"""The help card (F1 or ?): every key the game answers to, and how a round goes; any key or click closes it.

Beside the keys it explains the two rules of a round that surprise newcomers, in the
glossary's words: the first seat alternates, and nations nobody plays answer offers
only when the round ends.
"""

from __future__ import annotations

import math

import pygame
import pygame_gui
from pygame_gui.core import ObjectID
from pygame_gui.elements import UIButton, UIImage

from game.ui.glossary import TERMS
from game.ui.panels.common import wrap
from game.ui.scenes.modal import ModalScene, card_face
from game.ui.theme import colours, font_size

#: (group, [(keys, what they do)]). Keys: caps separated by spaces, "+" for keys held together,
#: a lone "or" between alternatives. These are the match screen's own bindings.
SHORTCUTS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        "Your turn",
        (
            ("Enter", "End turn (again if it warns)"),
            ("Tab", "Next stack of ready troops"),
            ("Ctrl+Z", "Undo the last action"),
            ("Space", "Skip the AI's moves"),
        ),
    ),
    (
        "Map",
        (
            ("Left Up Right Down", "Pan"),
            ("W S Shift+A Shift+D", "Pan"),
            ("Wheel", "Zoom"),
            ("F", "Fit the map to the window"),
            ("M", "Next map mode"),
            ("A", "Alliances map, or back"),
            ("L", "Nations legend"),
            ("/", "Find a territory"),
        ),
    ),
    (
        "Screens",
        (
            ("D", "Diplomacy"),
            ("G", "Glossary"),
            ("Esc", "Menu: save, load, settings"),
            ("F1 or ?", "This help"),
        ),
    ),
)

#: Glossary terms the card explains beside the keys: the rules of a round that surprise newcomers.
ROUND_TERMS = ("turn_order", "courtship")

SHORTCUTS_WIDTH = 580
RULES_WIDTH = 420
ROW = 34
#: Key names drawn as an arrow on the cap instead of as text (the font has no arrow glyphs).
ARROWS = {"Left": 180, "Up": 90, "Right": 0, "Down": 270}


class HelpScene(ModalScene):
    """Dismissed by any key or any click: the whole window is one invisible button under the card."""

    #: The titles and paragraphs of "How a round goes", as drawn on the card (tests read them).
    rules_text: tuple[str, ...] = ()
    #: Where the keys' meanings start on the card, right of the widest row of caps.
    meaning_x = 0

    def rebuild(self) -> None:
        ModalScene.exit(self)
        width, height = self.app.size
        self.shade_button = UIButton(
            pygame.Rect(0, 0, width, height),
            "",
            self.app.manager,
            starting_height=self.layer(),
            object_id=ObjectID(object_id="#help_shade"),
            generate_click_events_from=(pygame.BUTTON_LEFT, pygame.BUTTON_MIDDLE, pygame.BUTTON_RIGHT),
        )
        self.own(self.shade_button)
        card = self.render_card()
        rect = card.get_rect(center=(width // 2, height // 2))
        # An image takes no clicks, so a click on the card reaches the button under it too.
        image = UIImage(
            rect, card, self.app.manager, starting_height=self.layer() + 1, object_id=ObjectID(object_id="#help_card")
        )
        self.own(image)

    def render_card(self) -> pygame.Surface:
        shell = colours("#shell")
        rows = sum(len(items) for _, items in SHORTCUTS) + len(SHORTCUTS)
        row = max(26, min(ROW, (self.app.size[1] - 40 - 132) // rows))
        height = 92 + rows * row + 40
        width = min(SHORTCUTS_WIDTH + RULES_WIDTH, self.app.size[0] - 40)
        card = card_face((width, height)).subsurface((4, 4, width, height)).copy()
        title_font = self.app.font(font_size("title"), bold=True)
        card.blit(title_font.render("Keyboard shortcuts", True, shell["title"]), (32, 24))
        self._draw_round_rules(card, pygame.Rect(SHORTCUTS_WIDTH, 24, width - SHORTCUTS_WIDTH - 32, height - 70))
        y = 76
        group_font, key_font, text_font = (
            self.app.font(font_size("small"), bold=True),
            self.app.font(font_size("body"), bold=True),
            self.app.font(font_size("reading")),
        )
        scratch = pygame.Surface((SHORTCUTS_WIDTH, ROW), pygame.SRCALPHA)
        widest = max(
            _draw_keys(scratch, keys, (0, 0), key_font, text_font, shell) for _, g in SHORTCUTS for keys, _ in g
        )
        meaning_x = self.meaning_x = 44 + widest + 28
        for group, items in SHORTCUTS:
            heading = group_font.render(group.upper(), True, shell["rule"])
            card.blit(heading, (32, y + 8))
            pygame.draw.line(
                card, shell["hex_line"], (40 + heading.get_width(), y + 17), (SHORTCUTS_WIDTH - 40, y + 17)
            )
            y += row
            for keys, meaning in items:
                _draw_keys(card, keys, (44, y + 2), key_font, text_font, shell)
                card.blit(text_font.render(meaning, True, shell["text"]), (meaning_x, y + 4))
                y += row
        hint = self.app.font(font_size("body"), italic=True).render(
            "Press any key or click to close", True, shell["muted"]
        )
        card.blit(hint, hint.get_rect(midbottom=(width // 2, height - 16)))
        return card

    def _draw_round_rules(self, card: pygame.Surface, area: pygame.Rect) -> None:
        """Beside the keys: how a round goes, in the glossary's own words (one text serves both)."""
        shell = colours("#shell")
        pygame.draw.line(card, shell["hex_line"], (area.x - 20, area.y + 4), (area.x - 20, area.bottom))
        title = "How a round goes"
        card.blit(self.app.font(font_size("title"), bold=True).render(title, True, shell["title"]), area.topleft)
        shown = [title]
        group_font, text_font = self.app.font(font_size("small"), bold=True), self.app.font(font_size("strong"))
        line_height = text_font.get_linesize()
        y = area.y + 58
        for key in ROUND_TERMS:
            term = TERMS[key]
            card.blit(group_font.render(term.title.upper(), True, shell["rule"]), (area.x, y))
            y += 24
            for line in wrap(text_font, term.text, area.width):
                card.blit(text_font.render(line, True, shell["text"]), (area.x, y))
                y += line_height
            y += 16
            shown += [term.title, term.text]
        self.rules_text = tuple(shown)

    def handle_event(self, event: pygame.event.Event) -> bool:
        pressed = event.type == pygame_gui.UI_BUTTON_PRESSED and event.ui_element is self.shade_button
        if pressed or event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN):
            self.close()
            return True
        return False


def _draw_keys(
    surface: pygame.Surface,
    keys: str,
    pos: tuple[int, int],
    key_font: pygame.font.Font,
    text_font: pygame.font.Font,
    shell: dict[str, pygame.Color],
) -> int:
    """Draw ``keys`` ("Ctrl+Z", "F1 or ?", "W S") as caps from ``pos``; returns the width used."""
    x, y = pos
    for i, token in enumerate(keys.split(" ")):
        if i:
            x += 6
        if token == "or":
            word = text_font.render("or", True, shell["muted"])
            surface.blit(word, (x, y + 2))
            x += word.get_width()
            continue
        for j, key in enumerate(token.split("+")):
            if j:
                plus = text_font.render("+", True, shell["muted"])
                surface.blit(plus, (x + 3, y + 2))
                x += plus.get_width() + 6
            x = _key_cap(surface, key, (x, y), key_font, shell)
    return x - pos[0]


def _key_cap(
    surface: pygame.Surface, text: str, pos: tuple[int, int], font: pygame.font.Font, shell: dict[str, pygame.Color]
) -> int:
    """Draw one key cap at ``pos``; returns the x just right of it."""
    label = font.render(text, True, shell["key_text"])
    width = 28 if text in ARROWS else max(28, label.get_width() + 16)
    rect = pygame.Rect(pos[0], pos[1], width, 26)
    pygame.draw.rect(surface, shell["key_cap"], rect.move(0, 2), border_radius=5)
    pygame.draw.rect(surface, shell["key_cap"], rect, border_radius=5)
    pygame.draw.rect(surface, shell["key_cap_border"], rect, 1, border_radius=5)
    if text in ARROWS:
        angle = math.radians(ARROWS[text])
        cx, cy = rect.center
        tip = (cx + 7 * math.cos(angle), cy - 7 * math.sin(angle))
        left = (cx + 6 * math.cos(angle + 2.4), cy - 6 * math.sin(angle + 2.4))
        right = (cx + 6 * math.cos(angle - 2.4), cy - 6 * math.sin(angle - 2.4))
        pygame.draw.polygon(surface, shell["key_text"], [tip, left, right])
    else:
        surface.blit(label, label.get_rect(center=rect.center))
    return rect.right
