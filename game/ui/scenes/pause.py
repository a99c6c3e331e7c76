"""The pause menu (Esc during a match): resume, save, load, settings, help, leave."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pygame
import pygame_gui
from pygame_gui.core import ObjectID
from pygame_gui.elements import UIButton, UILabel, UIPanel

from game.core import Match
from game.io.paths import saves_dir
from game.io.saves import save_match
from game.ui import flow
from game.ui.scenes.modal import ModalScene

if TYPE_CHECKING:
    from game.ui.app import App

ENTRIES = (
    ("resume", "Resume"),
    ("save", "Save game"),
    ("load", "Load game"),
    ("settings", "Settings"),
    ("help", "Keyboard shortcuts"),
    ("menu", "Main menu"),
    ("quit", "Quit to desktop"),
)
BUTTON_HEIGHT = 44
BUTTON_GAP = 8


def save_name(title: str, moment: datetime | None = None) -> str:
    """``<level-title>-<timestamp>.json`` with the title made safe for any file system.

    >>> save_name("July 1914: the crisis", datetime(2025, 11, 25, 10, 2, 3))
    'july-1914-the-crisis-20251125-100203.json'
    """
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60] or "match"
    stamp = (moment or datetime.now()).strftime("%Y%m%d-%H%M%S")
    return f"{slug}-{stamp}.json"


def save_game(app: App, match: Match) -> Path | None:
    """Write the match to a new file in the saves folder; a notice says where, or why not."""
    path = saves_dir() / save_name(match.level.title)
    try:
        save_match(match, path)
    # Broad on purpose: a failed save is reported, the match goes on.
    except Exception as err:  # noqa: BLE001
        app.toast(f"Could not save: {getattr(err, 'strerror', None) or err}", error=True)
        return None
    app.toast(f"Game saved as {path.name}")
    return path


class PauseScene(ModalScene):
    title = "Paused"
    card_size = (380, 92 + 24 + len(ENTRIES) * (BUTTON_HEIGHT + BUTTON_GAP) + 12)

    def __init__(self, app: App, match_scene: Any) -> None:
        super().__init__(app)
        self.match_scene = match_scene
        self.match: Match = match_scene.match
        self.buttons: dict[str, UIButton] = {}

    def build(self, card: UIPanel, area: pygame.Rect) -> None:
        manager = self.app.manager
        m = self.match
        if m.outcome is not None:
            where = "The match is over."
        else:
            seat = m.level.seats[m.seat].name if m.phase == "seat" else "the other nations"
            where = f"Round {m.round} of {m.level.round_limit} \u00b7 {seat} to move"
        UILabel(
            pygame.Rect(area.x, area.y - 10, area.width, 22),
            where,
            manager,
            container=card,
            object_id=ObjectID(class_id="@small", object_id="#pause_where"),
        )
        self.buttons = {}
        top = area.y + 24
        height = min(BUTTON_HEIGHT, (area.bottom - top) // len(ENTRIES) - BUTTON_GAP)
        for i, (key, label) in enumerate(ENTRIES):
            self.buttons[key] = UIButton(
                pygame.Rect(area.x, top + i * (height + BUTTON_GAP), area.width, height),
                label,
                manager,
                container=card,
                object_id=ObjectID(class_id="@pause_button", object_id=f"#pause_{key}"),
            )
        if m.outcome is not None:
            self.buttons["save"].disable()

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            for key, button in self.buttons.items():
                if event.ui_element is button:
                    self.app.sound.play("click")
                    self.choose(key)
                    return True
            return False
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_F1, pygame.K_QUESTION):
            self.choose("help")
            return True
        return super().handle_event(event)

    def choose(self, key: str) -> None:
        if key == "resume":
            self.close()
        elif key == "save":
            save_game(self.app, self.match)
        elif key == "load":
            from game.ui.scenes.load_scene import LoadScene

            self.app.push(LoadScene(self.app))
        elif key == "settings":
            from game.ui.scenes.settings_scene import SettingsScene

            self.app.push(SettingsScene(self.app))
        elif key == "help":
            from game.ui.scenes.help import HelpScene

            self.app.push(HelpScene(self.app))
        elif key == "menu":
            self._leave()
            flow.to_menu(self.app)
        elif key == "quit":
            self._leave()
            self.app.quit()

    def _leave(self) -> None:
        """Leaving keeps the match: Continue on the menu picks it up where it was."""
        if self.match.outcome is None:
            self.app.autosave(self.match)
