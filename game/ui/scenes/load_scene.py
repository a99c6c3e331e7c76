"""Saved games: the list (damaged ones too, with the reason), resuming one, renaming and deleting.

A save proves itself when it loads (game.io.saves checks its hash, and brings an older
format up to date), so "resume" here means: load it, and if that works, open the match
exactly as it was, with the same seats played by the same humans and bots. Every reason a
save cannot be resumed comes back as a sentence, shown in the details and as a notice.

Renaming and deleting happen in the card itself: the details give way to a name field, or to
the question "delete for good?", and the buttons below change with them. The files are
handled by game.io.shelf; this screen only asks and shows.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import pygame
import pygame_gui
from pygame_gui.core import ObjectID
from pygame_gui.elements import UIButton, UILabel, UIPanel, UISelectionList, UITextBox, UITextEntryLine

from game.io import shelf
from game.io.saves import HUMAN, SaveError, SaveInfo, SaveSummary, load_save, read_info
from game.ui import flow
from game.ui.scenes.modal import ModalScene
from game.ui.theme import html_colour

if TYPE_CHECKING:
    from game.ui.app import App

Mode = Literal["browse", "rename", "delete"]
MUTED = html_colour("#shell", "muted")
WARNING = html_colour("#shell", "warning")


def when(iso: str, short: bool = False) -> str:
    """A save's UTC timestamp in the player's local time: '25 Nov 2025, 10:02' ('25 Nov, 10:02' short)."""
    try:
        moment = datetime.fromisoformat(iso).astimezone()
    except ValueError:
        return iso
    return f"{moment.day} {moment:%b, %H:%M}" if short else f"{moment.day} {moment:%b %Y, %H:%M}"


def _without_path(message: str, path: Path) -> str:
    """SaveError messages start with the file's path; the dialog shows the save's name apart."""
    return message.removeprefix(f"{path}: ").removeprefix("damaged save: ")


def player_words(spec: str) -> str:
    """Who plays a seat, in words: 'human player', 'AI: bandwagoner, hard'."""
    if spec == HUMAN:
        return "human player"
    kind, _, difficulty = spec.partition(":")
    return f"AI: {kind}, {difficulty}" if difficulty else f"AI: {kind}"


def seats_in_short(controllers: tuple[str, str]) -> str:
    """Who plays, for one line of the list: 'hot-seat', 'vs AI, hard', 'AI vs AI'."""
    bots = [spec for spec in controllers if spec != HUMAN]
    if not bots:
        return "hot-seat"
    if len(bots) == 2:
        return "AI vs AI"
    kind, _, difficulty = bots[0].partition(":")
    return f"vs AI, {difficulty}" if difficulty else f"vs {kind}"


@dataclass
class SaveEntry:
    path: Path
    info: SaveInfo | None
    problem: str | None

    @property
    def summary(self) -> SaveSummary | None:
        return self.info.summary if self.info is not None else None

    @property
    def name(self) -> str:
        return shelf.display_name(self.path)

    @property
    def is_autosave(self) -> bool:
        return shelf.is_autosave(self.path)

    @property
    def resumable(self) -> bool:
        return self.summary is not None and self.problem is None and self.summary.phase != "over"

    @property
    def label(self) -> str:
        """One line of the list: name, level, round and date, so that no save needs hovering to tell apart."""
        if self.summary is None or self.problem is not None:
            return f"{self.name} \u2014 damaged" if self.is_autosave else f"{self.path.name} \u2014 damaged"
        title = self.summary.title if len(self.summary.title) <= 26 else self.summary.title[:25] + "\u2026"
        name = self.name if len(self.name) <= 24 else self.name[:23] + "\u2026"
        ending = "finished" if self.summary.phase == "over" else f"round {self.summary.round}"
        seats = seats_in_short(self.info.controllers) if self.info is not None else ""
        saved = when(self.summary.saved_at, short=True)
        return f"{name} \u00b7 {title} \u00b7 {ending} \u00b7 {seats} \u00b7 {saved}"

    def describe(self) -> str:
        if self.summary is None:
            return f"{self.name}: {self.problem}"
        return f"{self.summary.title} \u2014 round {self.summary.round}, saved {when(self.summary.saved_at)}"


def read_entry(path: Path) -> SaveEntry:
    try:
        return SaveEntry(path, read_info(path), None)
    except SaveError as err:
        return SaveEntry(path, None, _without_path(str(err), path))
    except OSError as err:
        return SaveEntry(path, None, f"cannot read it ({err.strerror or err})")


def list_saves() -> list[SaveEntry]:
    """Every ``*.json`` in the saves folder, newest first, damaged ones last."""
    entries = [read_entry(p) for p in shelf.save_paths()]
    return sorted(entries, key=lambda e: e.summary is None)


def continue_entry() -> SaveEntry | None:
    """The autosave of the last match played, which Continue resumes (play-tests left out)."""
    path = shelf.last_played()
    return read_entry(path) if path is not None else None


def resume_save(app: App, path: str | os.PathLike[str]) -> str | None:
    """Load the save and open its match; the reason it cannot, as a sentence, or None."""
    p = Path(path)
    name = shelf.display_name(p)
    try:
        loaded = load_save(p)
    except SaveError as err:
        return f"{name}: {_without_path(str(err), p)}"
    match = loaded.match
    if match.outcome is not None:
        return f"{name}: that match is already over ({match.outcome.text})"
    try:
        flow.open_match(app, match)
    # Broad on purpose: a save that loads but cannot be shown must end in a sentence, not end the game.
    except Exception as err:  # noqa: BLE001
        if not app.scenes:
            flow.to_menu(app)
        return f"{name}: the match could not be opened ({err})"
    if loaded.note:
        app.toast(loaded.note)
    return None


class LoadScene(ModalScene):
    title = "Saved games"
    card_size = (1160, 620)

    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.entries = list_saves()
        self.selected: int | None = next((i for i, e in enumerate(self.entries) if e.resumable), None)
        if self.selected is None and self.entries:
            self.selected = 0
        self.mode: Mode = "browse"
        self.problem: str | None = None  # what is wrong with the name typed, in rename mode
        self.list: UISelectionList | None = None
        self.details: UITextBox | None = None
        self.name_entry: UITextEntryLine | None = None
        self.buttons: dict[str, UIButton] = {}

    # Convenience for tests and callers that knew the old screen.
    @property
    def back(self) -> UIButton | None:
        return self.buttons.get("back")

    @property
    def load(self) -> UIButton | None:
        return self.buttons.get("load")

    def resume(self) -> None:
        self.refresh()

    def refresh(self, keep: Path | None = None) -> None:
        """Read the folder again (a save may have been renamed, deleted or written) and keep ``keep`` selected."""
        selected = self._current()
        current = keep or (selected.path if selected is not None else None)
        self.entries = list_saves()
        paths = [e.path for e in self.entries]
        self.selected = paths.index(current) if current in paths else (0 if self.entries else None)
        self.mode, self.problem = "browse", None
        self.rebuild()

    # Layout ---------------------------------------------------------------
    def build(self, card: UIPanel, area: pygame.Rect) -> None:
        manager = self.app.manager
        self.buttons, self.name_entry, self.list = {}, None, None
        if not self.entries:
            self.details = UITextBox(
                "<font size=5><b>No saved games yet.</b></font><br><br>"
                "Press <b>Esc</b> during a match and choose <b>Save game</b>. "
                "Every match is also saved at each turn: <b>Continue</b> on the main menu picks up the last one.",
                pygame.Rect(area.x + area.width // 2 - 260, area.y + area.height // 2 - 110, 520, 160),
                manager,
                container=card,
                object_id=ObjectID(object_id="#save_details"),
            )
            self.buttons["back"] = UIButton(
                pygame.Rect(area.x, area.bottom - 44, 140, 42), "Back", manager, container=card
            )
            return
        list_width = min(660, area.width * 29 // 50)
        list_rect = pygame.Rect(area.x, area.y, list_width, area.height - 60)
        items = [(e.label, f"#save_{i}") for i, e in enumerate(self.entries)]
        self.list = UISelectionList(
            list_rect,
            items,  # type: ignore[arg-type]
            manager,
            container=card,
            object_id=ObjectID(object_id="#save_list"),
            default_selection=items[self.selected] if self.selected is not None else None,
        )
        detail_rect = pygame.Rect(list_rect.right + 18, area.y, area.right - list_rect.right - 18, area.height - 60)
        inset = UIPanel(detail_rect, starting_height=1, manager=manager, container=card, object_id="#inset")
        inner = pygame.Rect(6, 6, detail_rect.width - 12, detail_rect.height - 12)
        if self.mode == "rename":
            self._build_rename_form(inset, inner)
        else:
            self.details = UITextBox(
                self._details_html(), inner, manager, container=inset, object_id=ObjectID(object_id="#save_details")
            )
        self._build_buttons(card, area)

    def _build_rename_form(self, inset: UIPanel, inner: pygame.Rect) -> None:
        manager = self.app.manager
        entry = self._current()
        old = entry.name if entry is not None else ""
        self.details = UITextBox(
            f"<font size=5><b>Rename \u201c{escape(old)}\u201d</b></font><br><br>"
            "The new name is the save's file name in your saves folder. "
            "An autosave given a name is kept as a save of its own.",
            pygame.Rect(inner.x, inner.y, inner.width, 150),
            manager,
            container=inset,
            object_id=ObjectID(object_id="#save_details"),
        )
        UILabel(
            pygame.Rect(inner.x + 6, inner.y + 158, inner.width - 12, 22),
            "New name",
            manager,
            container=inset,
            object_id=ObjectID(class_id="@caption", object_id="#rename_caption"),
        )
        self.name_entry = UITextEntryLine(
            pygame.Rect(inner.x + 6, inner.y + 184, inner.width - 12, 38),
            manager,
            container=inset,
            object_id=ObjectID(object_id="#rename_entry"),
        )
        self.name_entry.length_limit = shelf.MAX_NAME
        self.name_entry.focus()
        # The old name, all selected: typing replaces it, an arrow key keeps it to edit.
        start = "" if entry is None or entry.is_autosave else old
        self.name_entry.set_text(start)
        self.name_entry.select_range = [0, len(start)]
        colour = WARNING if self.problem else MUTED
        UITextBox(
            f"<font color='{colour}'>{escape(self.problem or 'Enter renames, Esc cancels.', quote=False)}</font>",
            pygame.Rect(inner.x, inner.y + 226, inner.width, 70),
            manager,
            container=inset,
            object_id=ObjectID(object_id="#rename_problem"),
        )

    def _build_buttons(self, card: UIPanel, area: pygame.Rect) -> None:
        manager = self.app.manager
        y = area.bottom - 44
        entry = self._current()

        def button(key: str, x: int, width: int, text: str, class_id: str | None = None) -> UIButton:
            made = UIButton(
                pygame.Rect(x, y, width, 42),
                text,
                manager,
                container=card,
                object_id=ObjectID(class_id=class_id, object_id=f"#{key}_button"),
            )
            self.buttons[key] = made
            return made

        if self.mode == "rename":
            button("cancel", area.x, 140, "Cancel")
            button("rename_ok", area.right - 180, 180, "Rename", "@primary")
            return
        if self.mode == "delete":
            button("keep", area.x, 140, "Keep it")
            button("delete_ok", area.right - 180, 180, "Delete for good", "@danger")
            return
        button("back", area.x, 140, "Back")
        load = button("load", area.right - 180, 180, "Load", "@primary")
        delete = button("delete", area.right - 180 - 12 - 130, 130, "Delete\u2026")
        rename = button("rename", area.right - 180 - 12 - 130 - 12 - 130, 130, "Rename\u2026")
        if entry is None or not entry.resumable:
            load.disable()
        if entry is None:
            delete.disable()
        if entry is None or not entry.path.exists():
            rename.disable()

    def _current(self) -> SaveEntry | None:
        if self.selected is None or not 0 <= self.selected < len(self.entries):
            return None
        return self.entries[self.selected]

    def _details_html(self) -> str:
        entry = self._current()
        if entry is None:
            return f"<font color='{MUTED}'>Choose a save on the left.</font>"
        lines = [f"<font size=5><b>{escape(entry.name)}</b></font>"]
        info = entry.info
        if info is not None:
            s = info.summary
            lines.append(f"<b>{escape(s.title)}</b>")
            if s.phase == "over":
                lines.append("The match is over.")
            else:
                of = f" of {s.round_limit}" if s.round_limit else ""
                seat = s.seats[s.seat] if 0 <= s.seat < len(s.seats) else f"seat {s.seat + 1}"
                lines.append(f"Round {s.round}{of} \u00b7 {escape(seat)} to move")
            seats = [
                f"{escape(s.seats[i] if i < len(s.seats) else f'Seat {i + 1}')}: {escape(player_words(spec))}"
                for i, spec in enumerate(info.controllers)
            ]
            lines.append("<br>".join(seats))
            lines.append(f"Saved {when(s.saved_at)}")
        else:
            lines.append("<b>Damaged save</b>")
        lines.append(f"<font color='{MUTED}'>File: {escape(entry.path.name)}</font>")
        if self.mode == "delete":
            lines.append(
                f"<font color='{WARNING}'><b>Delete this save for good?</b> The file is removed from your saves "
                "folder; this cannot be undone.</font>"
            )
        elif entry.problem is not None:
            lines.append(f"<font color='{WARNING}'>This save cannot be loaded: {escape(entry.problem)}</font>")
        elif info is not None and info.summary.phase == "over":
            lines.append(f"<font color='{MUTED}'>A finished match cannot be resumed.</font>")
        elif entry.path == shelf.last_played():
            lines.append(f"<font color='{MUTED}'>The last match played: Continue on the main menu resumes it.</font>")
        elif info is not None and info.format_version < 4:
            lines.append(
                f"<font color='{MUTED}'>Saved by an older version of the game (save format "
                f"{info.format_version}): it is brought up to date when it loads.</font>"
            )
        return "<br><br>".join(lines)

    # Input ----------------------------------------------------------------
    def _select(self, index: int | None) -> None:
        self.selected = index
        self.mode, self.problem = "browse", None
        self.rebuild()

    def handle_event(self, event: pygame.event.Event) -> bool:
        if (
            event.type
            in (pygame_gui.UI_SELECTION_LIST_NEW_SELECTION, pygame_gui.UI_SELECTION_LIST_DOUBLE_CLICKED_SELECTION)
            and event.ui_element is self.list
        ):
            double = event.type == pygame_gui.UI_SELECTION_LIST_DOUBLE_CLICKED_SELECTION
            index = self._index_of_selection()
            if index != self.selected or self.mode != "browse":
                self._select(index)
            if double:
                self._load()
            return True
        if event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED and event.ui_element is self.name_entry:
            self._rename()
            return True
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            for key, button in self.buttons.items():
                if event.ui_element is button:
                    self.choose(key)
                    return True
            return False
        if event.type == pygame.KEYDOWN:
            return self._key(event.key)
        return False

    def _key(self, key: int) -> bool:
        if key == pygame.K_ESCAPE:
            if self.mode == "browse":
                self.close()
            else:
                self._select(self.selected)
            return True
        if key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            {"browse": self._load, "rename": self._rename, "delete": self._delete}[self.mode]()
            return True
        if key == pygame.K_DELETE and self.mode == "browse":
            self.choose("delete")
            return True
        if key == pygame.K_F2 and self.mode == "browse":
            self.choose("rename")
            return True
        return self.mode == "rename"  # typing goes to the name field, never to a shortcut

    def choose(self, key: str) -> None:
        """What each button does; ``key`` is the button's name (back, load, rename, delete, ...)."""
        if key == "back":
            self.close()
        elif key == "load":
            self._load()
        elif key in ("rename", "delete") and self._current() is not None:
            self.mode, self.problem = key, None  # type: ignore[assignment]
            self.rebuild()
        elif key in ("cancel", "keep"):
            self._select(self.selected)
        elif key == "rename_ok":
            self._rename()
        elif key == "delete_ok":
            self._delete()

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
            # It looked fine but does not load: show it as damaged from now on.
            entry.problem = error.removeprefix(f"{entry.name}: ")
            self.app.toast(error, error=True)
            if self.app.scene is self:
                self.rebuild()

    def _rename(self) -> None:
        entry = self._current()
        if entry is None or self.name_entry is None:
            return
        try:
            renamed = shelf.rename_save(entry.path, self.name_entry.get_text())
        except shelf.ShelfError as err:
            self.problem = str(err)
            typed = self.name_entry.get_text()
            self.rebuild()
            if self.name_entry is not None:
                self.name_entry.set_text(typed)
            return
        self.app.toast(f"Renamed to \u201c{shelf.display_name(renamed)}\u201d")
        self.refresh(keep=renamed)

    def _delete(self) -> None:
        entry = self._current()
        if entry is None:
            return
        try:
            shelf.delete_save(entry.path)
        except shelf.ShelfError as err:
            self.app.toast(str(err), error=True)
            self.refresh()
            return
        self.app.toast(f"Deleted \u201c{entry.name}\u201d")
        index = self.selected or 0
        self.refresh()
        if self.entries:
            self.selected = min(index, len(self.entries) - 1)
            self.rebuild()
