"""The title screen: the game's name, what it is about, and the way into every mode."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import pygame
import pygame_gui
from pygame_gui.core import ObjectID
from pygame_gui.elements import UIButton, UILabel

from game.core import Level, new_match
from game.ui import flow
from game.ui.map_view import Highlights, MapView
from game.ui.scene import Scene
from game.ui.theme import colours, font_size, map_palette, opacity
from game.ui.widgets import HintButton

if TYPE_CHECKING:
    from game.ui.app import App

TITLE = "ALLIANCES"
TAGLINE = "An attack on one is an attack on all \u2014 if your allies keep their word."
BUTTON_SIZE = (340, 44)
BUTTON_GAP = 9


def render_backdrop(size: tuple[int, int], level: Level | None) -> pygame.Surface:
    """A dark hex sea with the default level's map drawn faintly over it, darker towards the edges."""
    shell = colours("#shell")
    width, height = size
    surface = pygame.Surface(size)
    surface.fill(shell["background"])
    radius = 26
    step_x, step_y = radius * 1.5, radius * math.sqrt(3)
    for col in range(int(width / step_x) + 2):
        for row in range(int(height / step_y) + 2):
            cx = col * step_x
            cy = row * step_y + (step_y / 2 if col % 2 else 0)
            points = [
                (cx + radius * math.cos(math.radians(60 * k)), cy + radius * math.sin(math.radians(60 * k)))
                for k in range(6)
            ]
            pygame.draw.polygon(surface, shell["hex_line"], points, 1)
    if level is not None:
        try:
            match = new_match(level, 0)
            view = MapView(match, map_palette(), pygame.Rect(0, 0, width, height))
            view.zoom_at((width / 2, height / 2), 1)
            layer = pygame.Surface(size, pygame.SRCALPHA)
            view.draw(layer, Highlights())
            # Out of focus, like a map on the table behind the title: shapes and colours, no words to read.
            small = pygame.transform.smoothscale(layer, (max(1, width // 6), max(1, height // 6)))
            layer = pygame.transform.smoothscale(small, size)
            layer.set_alpha(opacity("menu_backdrop_map"))
            surface.blit(layer, (0, 0))
        # Broad on purpose: the backdrop is decoration, and a level it cannot draw must not stop the menu.
        except Exception:  # noqa: BLE001
            pass
    # Vignette: a small alpha gradient scaled up is smooth and costs nothing per frame.
    shade = pygame.Surface((64, 36), pygame.SRCALPHA)
    ink = shell["vignette"]
    for x in range(64):
        for y in range(36):
            dx, dy = (x - 31.5) / 32, (y - 17.5) / 18
            alpha = int(min(1.0, (dx * dx + dy * dy) ** 1.2 * 0.75) * 235)
            shade.set_at((x, y), (ink.r, ink.g, ink.b, alpha))
    surface.blit(pygame.transform.smoothscale(shade, size), (0, 0))
    return surface


class MenuScene(Scene):
    def __init__(self, app: App, backdrop: Level | None = None) -> None:
        """``backdrop``: the level drawn faintly behind the title (default: the tutorial)."""
        super().__init__(app)
        self.buttons: dict[str, UIButton] = {}
        self._backdrop: pygame.Surface | None = None
        if backdrop is None:
            entry = flow.default_level()
            backdrop = entry.level if entry is not None else None
        self._backdrop_level = backdrop

    # Layout ---------------------------------------------------------------
    def enter(self) -> None:
        self.build()

    def resume(self) -> None:
        self.build()  # a save may have appeared or a setting changed

    def resize(self, size: tuple[int, int]) -> None:
        self._backdrop = None
        self.build()

    def _entries(self) -> list[tuple[str, str, str | None, bool]]:
        """(key, label, tool tip, enabled) per button, top to bottom."""
        from game.ui.scenes.load_scene import continue_entry

        autosave = continue_entry()
        if autosave is None:
            continue_hint = "No autosave yet: every turn of a match is saved automatically."
        elif autosave.resumable:
            continue_hint = f"The last match played: {autosave.describe()}"
        elif autosave.problem is not None:
            continue_hint = f"The last match's autosave cannot be loaded: {autosave.problem}"
        else:
            continue_hint = "The last match played is over: Load game lists the others."
        return [
            ("hotseat", "Hot-seat match", "Two players, one computer, taking turns.", True),
            ("vs_ai", "Match vs AI", "Play alone against an AI whose doctrine is bandwagoning.", True),
            ("continue", "Continue", continue_hint, autosave is not None and autosave.resumable),
            ("load", "Load game", "Pick up a saved match.", True),
            ("editor", "Map editor", "Design your own maps.", True),
            ("settings", "Settings", "Window, sound and animation speed.", True),
            ("quit", "Quit", None, True),
        ]

    def _title_metrics(self) -> tuple[int, int]:
        """(title font size, y of the title's top) for the current window height."""
        height = self.app.size[1]
        return (84, int(height * 0.11)) if height >= 700 else (64, int(height * 0.07))

    def build(self) -> None:
        Scene.exit(self)
        self.buttons = {}
        width, height = self.app.size
        entries = self._entries()
        size, top = self._title_metrics()
        title_bottom = (
            top
            + self.app.font(size, bold=True).get_height()
            + 22
            + self.app.font(font_size("tagline"), italic=True).get_height()
        )
        first = title_bottom + (40 if height >= 700 else 24)
        room = height - 48 - first
        button_h = max(32, min(BUTTON_SIZE[1], (room - BUTTON_GAP * (len(entries) - 1)) // len(entries)))
        for i, (key, label, hint, enabled) in enumerate(entries):
            rect = pygame.Rect(0, 0, BUTTON_SIZE[0], button_h)
            rect.midtop = (width // 2, first + i * (button_h + BUTTON_GAP))
            primary = key == "continue" and enabled
            button = HintButton(
                rect,
                label,
                self.app.manager,
                tool_tip_text=hint,
                object_id=ObjectID(
                    class_id="@menu_button_primary" if primary else "@menu_button", object_id=f"#menu_{key}"
                ),
            )
            if not enabled:
                button.disable()
            self.buttons[key] = self.own(button)  # type: ignore[assignment]
        self.own(
            UILabel(
                pygame.Rect(18, height - 30, 400, 22),
                "F1 · keyboard shortcuts",
                self.app.manager,
                object_id=ObjectID(class_id="@footer", object_id="#menu_footer"),
            )
        )

    # Input ----------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            for key, button in self.buttons.items():
                if event.ui_element is button:
                    self.app.sound.play("click")
                    self.choose(key)
                    return True
            return False
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_F1, pygame.K_QUESTION):
            from game.ui.scenes.help import HelpScene

            self.app.push(HelpScene(self.app))
            return True
        return False

    def choose(self, key: str) -> None:
        if key in ("hotseat", "vs_ai"):
            from game.ui.scenes.new_game import NewGameScene

            self.app.push(NewGameScene(self.app, vs_ai=key == "vs_ai"))
        elif key == "continue":
            from game.ui.scenes.load_scene import continue_entry, resume_save

            entry = continue_entry()
            error = "There is no match to continue." if entry is None else resume_save(self.app, entry.path)
            if error:
                self.app.toast(error, error=True)
                self.build()
        elif key == "load":
            from game.ui.scenes.load_scene import LoadScene

            self.app.push(LoadScene(self.app))
        elif key == "editor":
            self._open_editor()
        elif key == "settings":
            from game.ui.scenes.settings_scene import SettingsScene

            self.app.push(SettingsScene(self.app))
        elif key == "quit":
            self.app.quit()

    def _open_editor(self) -> None:
        from game.ui.scenes.editor import EditorScene

        self.app.reset_to(EditorScene(self.app))

    # Drawing --------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        if self._backdrop is None or self._backdrop.get_size() != self.app.size:
            self._backdrop = render_backdrop(self.app.size, self._backdrop_level)
        surface.blit(self._backdrop, (0, 0))
        self._draw_title(surface)

    def _draw_title(self, surface: pygame.Surface) -> None:
        shell = colours("#shell")
        width = self.app.size[0]
        size, top = self._title_metrics()
        font = self.app.font(size, bold=True)
        spacing = size // 7
        letters = [font.render(ch, True, shell["title"]) for ch in TITLE]
        shadows = [font.render(ch, True, shell["title_shadow"]) for ch in TITLE]
        total = sum(s.get_width() for s in letters) + spacing * (len(letters) - 1)
        x = (width - total) // 2
        for letter, shadow in zip(letters, shadows, strict=True):
            surface.blit(shadow, (x + 3, top + 4))
            surface.blit(letter, (x, top))
            x += letter.get_width() + spacing
        rule_y = top + font.get_height() + 4
        half = min(260, width // 3)
        rule = shell["rule"]
        cx = width // 2
        pygame.draw.line(surface, rule, (cx - half, rule_y), (cx - 14, rule_y), 1)
        pygame.draw.line(surface, rule, (cx + 14, rule_y), (cx + half, rule_y), 1)
        pygame.draw.polygon(surface, rule, [(cx, rule_y - 6), (cx + 7, rule_y), (cx, rule_y + 6), (cx - 7, rule_y)])
        tagline = self.app.font(font_size("tagline"), italic=True).render(TAGLINE, True, shell["tagline"])
        surface.blit(tagline, tagline.get_rect(midtop=(cx, rule_y + 14)))
