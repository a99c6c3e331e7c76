"""The strip across the top of the match: the round and who opens it, who plays, their purse, the score, buttons."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import pygame
import pygame_gui
from pygame_gui.elements import UIButton

from game.core import Match, victory
from game.core import world as w
from game.ui.commands import BY_NAME
from game.ui.panels.common import (
    Intent,
    ink,
    make_button,
    nation_colour,
    opening_seat,
    points_text,
    seat_label,
    text_surface,
)
from game.ui.theme import font_size

if TYPE_CHECKING:
    from game.ui.app import App

HEIGHT = 62
PAD = 14
#: Luminance a score must reach to read on the dark bar (a bar of colour needs less, see _lift).
TEXT_FLOOR = 150
# (command, label, width, tool tip, class)
BUTTONS: tuple[tuple[str, str, int, str, str | None], ...] = (
    ("undo", "Undo", 72, "Take back your last action (Ctrl+Z). Not after an attack or an answer.", None),
    # Wide enough for "Diplomacy (12)": the count of answers waiting was cut to "Diplomacy (1" at 1024 px.
    ("diplomacy", "Diplomacy", 118, "Treaties, offers and duties (D)", None),
    ("glossary", "Glossary", 92, "The ideas of alliance theory, explained (G)", None),
    ("menu", "Menu", 68, "Pause, save or leave the match (Esc)", None),
    ("end_turn", "End turn", 118, "Finish your turn (Enter). Greyed out while the other side plays.", "@primary"),
)


class TopBar:
    def __init__(self, app: App, match: Match, tags: tuple[str, str] | None = None) -> None:
        self.app = app
        self.match = match
        # What each seat's controller reads ("seat 1 · your turn", "AI · bandwagoner normal"): the
        # victory block is placed for the wider seat, so it stays put as the turns change hands.
        self.tags = tags
        self.rect = pygame.Rect(0, 0, app.size[0], HEIGHT)
        self.buttons: dict[str, UIButton] = {}
        self._cache: tuple[object, pygame.Surface] | None = None
        self._spinner_at = (0, 0)
        self.victory_x: int | None = None  # where the victory block was last drawn (tests read it)
        self.build(app.size[0])

    # Widgets ----------------------------------------------------------------
    def build(self, width: int) -> None:
        self.kill()
        self.rect = pygame.Rect(0, 0, width, HEIGHT)
        x = width - PAD
        narrow = width < 1150
        for command, label, button_width, tip, class_id in reversed(BUTTONS):
            if narrow and command != "diplomacy":
                button_width = int(button_width * 0.86)
            x -= button_width
            self.buttons[command] = make_button(
                pygame.Rect(x, 13, button_width, 36),
                label,
                self.app.manager,
                tooltip=tip,
                class_id=class_id,
                object_id=f"#{command}",
            )
            x -= 6 if narrow else 8
        self.info_width = x - PAD
        self._cache = None

    def kill(self) -> None:
        for button in self.buttons.values():
            button.kill()
        self.buttons.clear()

    def show(self, visible: bool) -> None:
        for button in self.buttons.values():
            if visible:
                button.show()
            else:
                button.hide()

    def refresh(self, *, can_undo: bool, my_turn: bool, waiting: int) -> None:
        """Enable what the player may press now; ``waiting`` counts unanswered duties and offers."""
        self._enable("undo", can_undo and my_turn)
        self._enable("end_turn", my_turn)
        self._enable("diplomacy", True)
        label = f"Diplomacy ({waiting})" if waiting else "Diplomacy"
        if self.buttons["diplomacy"].text != label:
            self.buttons["diplomacy"].set_text(label)

    def _enable(self, command: str, on: bool) -> None:
        button = self.buttons[command]
        if on and not button.is_enabled:
            button.enable()
        elif not on and button.is_enabled:
            button.disable()
            # A tip shown while it was pressable ("Finish your turn") is stale now: the pointer that
            # just clicked End turn rests there through the whole AI turn. It may come back, true.
            if button.tool_tip is not None:
                button.tool_tip.kill()
                button.tool_tip = None
            button.hover_time = 0.0

    def handle(self, event: pygame.event.Event) -> Intent | None:
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            for command, button in self.buttons.items():
                if event.ui_element is button:
                    return BY_NAME[command]
        return None

    # Drawing ----------------------------------------------------------------
    def draw(self, surface: pygame.Surface, version: int, seat: int | None, controller: str, busy: bool) -> None:
        key = (version, seat, controller, self.rect.size, self.info_width)
        if self._cache is None or self._cache[0] != key:
            self._cache = (key, self._render(seat, controller))
        surface.blit(self._cache[1], self.rect.topleft)
        if busy:
            self._spinner(surface)

    def _render(self, seat: int | None, controller: str) -> pygame.Surface:
        m = self.match
        surf = pygame.Surface(self.rect.size).convert()
        surf.fill(ink("bar_bg"))
        pygame.draw.line(surf, ink("bar_edge"), (0, HEIGHT - 2), (self.rect.width, HEIGHT - 2), 2)
        small = self.app.font(font_size("caption"), bold=True)
        body = self.app.font(font_size("small"))
        x = PAD
        # Round, who opens it, and the seat to play.
        round_line = small.render(self.round_text(), True, ink("heading"))
        surf.blit(round_line, (x, 8))
        opener = self.opener_text() if seat is not None else ""
        if opener:
            surf.blit(small.render(opener, True, ink("muted")), (x + round_line.get_width(), 8))
        seat_name = m.level.seats[seat].name if seat is not None else "Match over"
        name = text_surface(self.app.font(font_size("heading"), bold=True), seat_name, ink("text"), 210)
        surf.blit(name, (x, 24))
        tag = controller
        tag_surface = body.render(tag, True, ink("ai") if "AI" in tag else ink("muted"))
        surf.blit(tag_surface, (x + name.get_width() + 8, 30))
        self._spinner_at = (x + name.get_width() + tag_surface.get_width() + 24, 36)
        heading_width = round_line.get_width() + small.size(opener)[0] + 16
        x = _after_name(x, name.get_width(), body.size(tag)[0], heading_width)
        # The active seat's nations: colour, name, treasury and income.
        if seat is not None:
            chips = [self._chip(nation) for nation in w.seat_nations(m, seat)]
            for chip, at in zip(chips, self._chip_places(x, [c.get_width() for c in chips]), strict=False):
                surf.blit(chip, (at, 9))
                x = at + chip.get_width() + 14
        # Victory points: both seats against the hegemony share, placed for the widest the left
        # side can get this match, so the bar does not jump as purses and turns change.
        vp_width = min(250, self.info_width - max(x, self._widest_left()))
        if vp_width < 140:
            vp_width = min(250, self.info_width - x)  # too tight for that promise: fit this turn
        self.victory_x = self.info_width - vp_width + PAD if vp_width >= 140 else None
        if self.victory_x is not None:
            self._victory(surf, self.victory_x, vp_width)
        return surf

    def _widest_left(self) -> int:
        """Where the victory block may start, whichever seat plays: its name and tag, and its
        purses drawn with four-digit treasuries."""
        if self.tags is None:
            return 0
        m = self.match
        small, body = self.app.font(font_size("caption"), bold=True), self.app.font(font_size("small"))
        bold, big = self.app.font(font_size("body"), bold=True), self.app.font(font_size("heading"), bold=True)
        widest = 0
        for seat, tag in enumerate(self.tags):
            name = min(big.size(m.level.seats[seat].name)[0], 210)
            opener = max(small.size(f" · {seat_label(m, s).upper()} FIRST")[0] for s in (0, 1))
            heading = small.size(f"ROUND {m.level.round_limit} OF {m.level.round_limit}")[0] + opener
            x = _after_name(PAD, name, body.size(tag)[0], heading + 16)
            money = body.size("8888 gold  +88/turn")[0]
            widths = [max(bold.size(w.nation_name(m, n))[0], money) + 26 for n in w.seat_nations(m, seat)]
            for width, at in zip(widths, self._chip_places(x, widths), strict=False):
                x = at + width + 14
            widest = max(widest, x)
        return widest

    def _chip_places(self, x: int, widths: list[int]) -> list[int]:
        """Where each purse chip goes from ``x``; chips after the first that do not fit are left out.

        The purse matters more than the score: the score gives way first (the last chip may
        leave 150 px for it, the others 290).
        """
        places: list[int] = []
        for i, width in enumerate(widths):
            room = self.info_width - (150 if i == len(widths) - 1 else 290)
            if x + width > room and i > 0:
                break
            places.append(x)
            x += width + 14
        return places

    def round_text(self) -> str:
        m = self.match
        return f"ROUND {m.round} OF {m.level.round_limit}"

    def opener_text(self) -> str:
        """Who opens this round: the order usually alternates, so the bar says it every round (kept short)."""
        m = self.match
        return f" · {seat_label(m, opening_seat(m)).upper()} FIRST"

    def _chip(self, nation: str) -> pygame.Surface:
        m = self.match
        bold = self.app.font(font_size("body"), bold=True)
        body = self.app.font(font_size("small"))
        name = bold.render(w.nation_name(m, nation), True, ink("text"))
        money = body.render(f"{m.treasury[nation]} gold  +{w.income(m, nation)}/turn", True, ink("muted"))
        width = max(name.get_width(), money.get_width()) + 26
        chip = pygame.Surface((width, 44), pygame.SRCALPHA)
        pygame.draw.rect(chip, ink("panel_bg"), chip.get_rect(), border_radius=6)
        pygame.draw.rect(
            chip,
            nation_colour(m, nation),
            pygame.Rect(0, 0, 6, 44),
            border_top_left_radius=6,
            border_bottom_left_radius=6,
        )
        chip.blit(name, (16, 3))
        chip.blit(money, (16, 22))
        return chip

    def _victory(self, surf: pygame.Surface, x: int, width: int) -> None:
        m = self.match
        small = self.app.font(font_size("caption"), bold=True)
        body = self.app.font(font_size("small"), bold=True)
        vp0, vp1, total = victory.victory_points(m)
        share = m.level.hegemony_share
        colours = [nation_colour(m, m.level.seats[s].nations[0]) for s in (0, 1)]
        bar = pygame.Rect(x, 27, width - PAD, 10)
        heading = small.render("VICTORY POINTS", True, ink("heading"))
        surf.blit(heading, (bar.centerx - heading.get_width() // 2, 8))
        pygame.draw.rect(surf, ink("bar_back"), bar, border_radius=5)
        if total > 0:
            left = int(bar.width * vp0 / total)
            right = int(bar.width * vp1 / total)
            if left:
                pygame.draw.rect(surf, _lift(colours[0]), (bar.x, bar.y, left, bar.height), border_radius=5)
            if right:
                pygame.draw.rect(
                    surf, _lift(colours[1]), (bar.right - right, bar.y, right, bar.height), border_radius=5
                )
        for frac in (share, 1 - share):  # hegemony marks, one for each side
            mx = bar.x + int(bar.width * frac)
            pygame.draw.line(surf, ink("text"), (mx, bar.y - 3), (mx, bar.bottom + 2), 2)
        first_text, second_text = self.score_texts()
        first = body.render(first_text, True, _lift(colours[0], TEXT_FLOOR))
        second = body.render(second_text, True, _lift(colours[1], TEXT_FLOOR))
        surf.blit(first, (bar.x, 40))
        surf.blit(second, (bar.right - second.get_width(), 40))
        # Between the two scores, in the longest words that fit: a narrow bar must not run them together.
        # Measured against three-digit scores, so the words do not change as the scores do.
        room = bar.width - 2 * body.size("888")[0] - 16
        for words in (f"HEGEMONY AT {share:.0%}", f"{share:.0%} WINS"):
            goal = small.render(words, True, ink("muted"))
            if goal.get_width() <= room:
                surf.blit(goal, (bar.centerx - goal.get_width() // 2, 42))
                break

    def score_texts(self) -> tuple[str, str]:
        """Both seats' victory points as the bar prints them."""
        vp0, vp1, _ = victory.victory_points(self.match)
        first, second = points_text(vp0, vp1)
        return first, second

    def _spinner(self, surface: pygame.Surface) -> None:
        t = pygame.time.get_ticks() / 1000.0
        cx, cy = self._spinner_at
        for i in range(8):
            alpha = (i / 8 + t * 1.5) % 1.0
            angle = i * math.pi / 4
            shade = pygame.Color(ink("ai"))
            shade.a = int(255 * alpha)
            dot = pygame.Surface((6, 6), pygame.SRCALPHA)
            pygame.draw.circle(dot, shade, (3, 3), 3)
            surface.blit(dot, (cx + 9 * math.cos(angle) - 3, cy + 9 * math.sin(angle) - 3))


def _after_name(x: int, name: int, tag: int, heading: int) -> int:
    """Where the purse chips start: after the seat's name and its tag, and after the round heading."""
    return max(x + 200, x + name + tag + 44, x + heading)


def _lift(colour: pygame.Color, floor: float = 110) -> pygame.Color:
    """A nation colour mixed towards light grey until its luminance reaches ``floor``.

    Dark nation colours (Germany's slate, a navy blue) vanish on the dark top bar. Bars need
    less light than text does: the scores use a higher floor, so a small number stays legible.
    """
    c = pygame.Color(colour)
    lum = 0.3 * c.r + 0.59 * c.g + 0.11 * c.b
    if lum >= floor:
        return c
    t = (floor - lum) / (230 - lum)
    return pygame.Color(int(c.r + (230 - c.r) * t), int(c.g + (230 - c.g) * t), int(c.b + (230 - c.b) * t))
