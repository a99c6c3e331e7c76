"""Saved games: the list (damaged ones too, with the reason), and resuming one.

A save replays and verifies itself when it loads (game.io.saves), so "resume" here
means: replay it, and if that works, open the match exactly as it was, with the same
seats played by the same humans and bots.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

import pygame
import pygame_gui
from pygame_gui.core import ObjectID
from pygame_gui.elements import UIButton, UIPanel, UISelectionList, UITextBox

from game.io.paths import autosave_path, saves_dir
from game.io.saves import SaveError, SaveSummary, load_match, read_summary
from game.ui import flow
from game.ui.scenes.modal import ModalScene

if TYPE_CHECKING:
    from game.ui.app import App


def when(iso: str, short: bool = False) -> str:
    """A save's UTC timestamp in the player's local time: '25 Nov 2025, 10:02' ('25 Nov, 10:02' short)."""
    try:
        moment = datetime.fromisoformat(iso).astimezone()
    except ValueError:
        return iso
    return f"{moment.day} {moment:%b, %H:%M}" if short else f"{moment.day} {moment:%b %Y, %H:%M}"


def _without_path(message: str, path: Path) -> str:
    """SaveError messages start with the file's path; the dialog shows the file name apart."""
    return message.removeprefix(f"{path}: ").removeprefix("damaged save: ")


@dataclass
class SaveEntry:
    path: Path
    summary: SaveSummary | None
    problem: str | None

    @property
    def is_autosave(self) -> bool:
        return self.path.name == autosave_path().name

    @property
    def resumable(self) -> bool:
        return self.summary is not None and self.problem is None and self.summary.phase != "over"

    @property
    def label(self) -> str:
        prefix = "Autosave \u00b7 " if self.is_autosave else ""
        if self.summary is None or self.problem is not None:
            return f"{prefix}{self.path.name} \u2014 damaged"
        title = self.summary.title if len(self.summary.title) <= 28 else self.summary.title[:27] + "\u2026"
        ending = " \u00b7 finished" if self.summary.phase == "over" else ""
        saved = when(self.summary.saved_at, short=True)
        return f"{prefix}{title} \u00b7 round {self.summary.round}{ending} \u00b7 {saved}"

    def describe(self) -> str:
        if self.summary is None:
            return f"{self.path.name}: {self.problem}"
        return f"{self.summary.title} \u2014 round {self.summary.round}, saved {when(self.summary.saved_at)}"


def read_entry(path: Path) -> SaveEntry:
    try:
        return SaveEntry(path, read_summary(path), None)
    except SaveError as err:
        return SaveEntry(path, None, _without_path(str(err), path))
    except UnicodeDecodeError:
        return SaveEntry(path, None, "the file is not text")
    except OSError as err:
        return SaveEntry(path, None, f"cannot read it ({err.strerror or err})")


def list_saves() -> list[SaveEntry]:
    """Every ``*.json`` in the saves folder, newest first, damaged ones last."""
    try:
        paths = [p for p in saves_dir().glob("*.json") if p.is_file()]
    except OSError:
        return []

    def modified(path: Path) -> float:
        try:
            return path.stat().st_mtime
        except OSError:
            return 0.0

    entries = [read_entry(p) for p in sorted(paths, key=modified, reverse=True)]
    return sorted(entries, key=lambda e: e.summary is None)


def autosave_entry() -> SaveEntry | None:
    path = autosave_path()
    return read_entry(path) if path.is_file() else None


def resume_save(app: App, path: str | os.PathLike[str]) -> str | None:
    """Replay the save and open its match; the reason it cannot, as a sentence, or None."""
    p = Path(path)
    try:
        match = load_match(p)
    except SaveError as err:
        return f"{p.name}: {_without_path(str(err), p)}"
    if match.outcome is not None:
        return f"{p.name}: that match is already over ({match.outcome.text})"
    if not flow.open_match(app, match):
        return "The match screen is not available in this build."
    return None


class LoadScene(ModalScene):
    title = "Load game"
    card_size = (980, 560)

    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.entries = list_saves()
        self.selected: int | None = next((i for i, e in enumerate(self.entries) if e.resumable), None)
        self.list: UISelectionList | None = None
        self.back: UIButton | None = None
        self.load: UIButton | None = None
        self.details: UITextBox | None = None

    def build(self, card: UIPanel, area: pygame.Rect) -> None:
        manager = self.app.manager
        list_width = min(520, area.width * 11 // 20)
        list_rect = pygame.Rect(area.x, area.y, list_width, area.height - 60)
        if self.entries:
            items = [(e.label, f"#save_{i}") for i, e in enumerate(self.entries)]
            default = items[self.selected] if self.selected is not None else None
            self.list = UISelectionList(
                list_rect,
                items,  # type: ignore[arg-type]
                manager,
                container=card,
                object_id=ObjectID(object_id="#save_list"),
                default_selection=default,
            )
        else:
            self.list = None
            self.details = UITextBox(
                "<font size=5><b>No saved games yet.</b></font><br><br>"
                "Press <b>Esc</b> during a match and choose <b>Save game</b>. "
                "Every turn is also saved automatically: <b>Continue</b> on the main menu picks it up.",
                pygame.Rect(area.x + area.width // 2 - 260, area.y + area.height // 2 - 110, 520, 160),
                manager,
                container=card,
                object_id=ObjectID(object_id="#save_details"),
            )
        if self.entries:
            detail_rect = pygame.Rect(list_rect.right + 18, area.y, area.right - list_rect.right - 18, area.height - 60)
            inset = UIPanel(detail_rect, starting_height=1, manager=manager, container=card, object_id="#inset")
            self.details = UITextBox(
                self._details_html(),
                pygame.Rect(6, 6, detail_rect.width - 12, detail_rect.height - 12),
                manager,
                container=inset,
                object_id=ObjectID(object_id="#save_details"),
            )
        y = area.bottom - 44
        self.back = UIButton(pygame.Rect(area.x, y, 140, 42), "Back", manager, container=card)
        self.load = UIButton(
            pygame.Rect(area.right - 180, y, 180, 42),
            "Load",
            manager,
            container=card,
            object_id=ObjectID(class_id="@primary", object_id="#load_button"),
        )
        self._refresh_load_button()

    def _current(self) -> SaveEntry | None:
        return self.entries[self.selected] if self.selected is not None else None

    def _details_html(self) -> str:
        entry = self._current()
        if entry is None:
            return "<font color='#9aa3ad'>Choose a save on the left.</font>" if self.entries else ""
        lines = []
        if entry.summary is not None:
            s = entry.summary
            state = "The match is over." if s.phase == "over" else f"Round {s.round}, seat {s.seat + 1} to move."
            lines.append(f"<font size=5><b>{escape(s.title)}</b></font>")
            lines.append(state)
            lines.append(f"Saved {when(s.saved_at)}")
        else:
            lines.append("<font size=5><b>Damaged save</b></font>")
        lines.append(f"<font color='#9aa3ad'>File: {escape(entry.path.name)}</font>")
        if entry.problem is not None:
            lines.append(f"<font color='#ff8a7a'>This save cannot be loaded: {escape(entry.problem)}</font>")
        elif entry.summary is not None and entry.summary.phase == "over":
            lines.append("<font color='#9aa3ad'>A finished match cannot be resumed.</font>")
        return "<br><br>".join(lines)

    def _refresh_load_button(self) -> None:
        entry = self._current()
        if self.load is not None:
            if entry is not None and entry.resumable:
                self.load.enable()
            else:
                self.load.disable()

    def _select(self, index: int | None) -> None:
        self.selected = index
        if self.details is not None:
            self.details.set_text(self._details_html())
        self._refresh_load_button()

    def handle_event(self, event: pygame.event.Event) -> bool:
        if (
            event.type
            in (
                pygame_gui.UI_SELECTION_LIST_NEW_SELECTION,
                pygame_gui.UI_SELECTION_LIST_DOUBLE_CLICKED_SELECTION,
            )
            and event.ui_element is self.list
        ):
            self._select(self._index_of_selection())
            if event.type == pygame_gui.UI_SELECTION_LIST_DOUBLE_CLICKED_SELECTION:
                self._load()
            return True
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            if event.ui_element is self.back:
                self.close()
                return True
            if event.ui_element is self.load:
                self._load()
                return True
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self._load()
            return True
        return super().handle_event(event)

    def _index_of_selection(self) -> int | None:
        if self.list is None:
            return None
        chosen = self.list.get_single_selection(include_object_id=True)
        if not chosen:
            return None
        object_id = chosen[1] if isinstance(chosen, tuple) else ""
        try:
            return int(object_id.rsplit("_", 1)[1])
        except (IndexError, ValueError):
            return None

    def _load(self) -> None:
        entry = self._current()
        if entry is None or not entry.resumable:
            return
        error = resume_save(self.app, entry.path)
        if error is not None:
            # It looked fine but does not replay: show it as damaged from now on.
            entry.problem = error.removeprefix(f"{entry.path.name}: ")
            self.app.toast(error, error=True)
            if self.app.scene is self:
                self.rebuild()
