"""The keyboard-shortcuts card (F1 or ?): every key the game answers to; any key or click closes it."""

from __future__ import annotations

import math

import pygame
import pygame_gui
from pygame_gui.core import ObjectID
from pygame_gui.elements import UIButton, UIImage

from game.ui.scenes.modal import SHADE_LAYER, ModalScene, card_face
from game.ui.theme import colours

#: (group, [(keys, what they do)]). Keys: caps separated by spaces, "+" for keys held together,
#: a lone "or" between alternatives. These are the match screen's own bindings.
SHORTCUTS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        "Your turn",
        (
            ("Enter", "End turn"),
            ("Ctrl+Z", "Undo the last action"),
            ("Space", "Skip the AI's turn"),
        ),
    ),
    (
        "Map",
        (
            ("Left Up Right Down", "Pan"),
            ("W S Shift+A Shift+D", "Pan"),
            ("Wheel", "Zoom"),
            ("F", "Fit the map to the window"),
            ("A", "Alliance overlay"),
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

CARD_WIDTH = 640
ROW = 34
#: Key names drawn as an arrow on the cap instead of as text (the font has no arrow glyphs).
ARROWS = {"Left": 180, "Up": 90, "Right": 0, "Down": 270}


class HelpScene(ModalScene):
    """Dismissed by any key or any click: the whole window is one invisible button under the card."""

    def rebuild(self) -> None:
        ModalScene.exit(self)
        width, height = self.app.size
        self.shade_button = UIButton(
            pygame.Rect(0, 0, width, height),
            "",
            self.app.manager,
            starting_height=SHADE_LAYER,
            object_id=ObjectID(object_id="#help_shade"),
            generate_click_events_from=(pygame.BUTTON_LEFT, pygame.BUTTON_MIDDLE, pygame.BUTTON_RIGHT),
        )
        self.own(self.shade_button)
        card = self.render_card()
        rect = card.get_rect(center=(width // 2, height // 2))
        # An image takes no clicks, so a click on the card reaches the button under it too.
        image = UIImage(
            rect, card, self.app.manager, starting_height=SHADE_LAYER + 1, object_id=ObjectID(object_id="#help_card")
        )
        self.own(image)

    def render_card(self) -> pygame.Surface:
        shell = colours("#shell")
        rows = sum(len(items) for _, items in SHORTCUTS) + len(SHORTCUTS)
        row = max(26, min(ROW, (self.app.size[1] - 40 - 132) // rows))
        height = 92 + rows * row + 40
        card = card_face((CARD_WIDTH, height)).subsurface((4, 4, CARD_WIDTH, height)).copy()
        title = self.app.font(22, bold=True).render("Keyboard shortcuts", True, shell["title"])
        card.blit(title, (32, 24))
        y = 76
        group_font, key_font, text_font = self.app.font(13, bold=True), self.app.font(14, bold=True), self.app.font(16)
        scratch = pygame.Surface((CARD_WIDTH, ROW), pygame.SRCALPHA)
        widest = max(
            _draw_keys(scratch, keys, (0, 0), key_font, text_font, shell) for _, g in SHORTCUTS for keys, _ in g
        )
        meaning_x = 44 + widest + 28
        for group, items in SHORTCUTS:
            heading = group_font.render(group.upper(), True, shell["rule"])
            card.blit(heading, (32, y + 8))
            pygame.draw.line(card, shell["hex_line"], (40 + heading.get_width(), y + 17), (CARD_WIDTH - 32, y + 17))
            y += row
            for keys, meaning in items:
                _draw_keys(card, keys, (44, y + 2), key_font, text_font, shell)
                card.blit(text_font.render(meaning, True, shell["text"]), (meaning_x, y + 4))
                y += row
        hint = self.app.font(14, italic=True).render("Press any key or click to close", True, shell["muted"])
        card.blit(hint, hint.get_rect(midbottom=(CARD_WIDTH // 2, height - 16)))
        return card

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
