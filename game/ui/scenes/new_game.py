"""Starting a match: pick a level (shipped or your own map), and against the AI, its difficulty and your seat."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

import pygame
import pygame_gui
from pygame_gui.core import ObjectID
from pygame_gui.elements import UIButton, UIImage, UILabel, UIPanel, UISelectionList, UITextBox

from game.core import Level, fixed_opener, new_match
from game.ui import flow
from game.ui.map_view import BASE_SIZE, ZOOM_STEPS, Highlights, MapView
from game.ui.scenes.modal import ModalScene
from game.ui.theme import html_colour, map_palette
from game.ui.widgets import Segmented

if TYPE_CHECKING:
    from game.ui.app import App

DIFFICULTY_LABELS = (("easy", "Easy"), ("normal", "Normal"), ("hard", "Hard"))


def render_preview(level: Level, size: tuple[int, int]) -> pygame.Surface:
    """The level's opening map, as large as fits in ``size``.

    The map view zooms in fixed steps, so the map is drawn at the first step at least
    as large as the preview and scaled down smoothly to fill it exactly.
    """
    palette = map_palette()
    surface = pygame.Surface(size, pygame.SRCALPHA)
    surface.fill(palette["background"])
    try:
        match = new_match(level, 0)
        probe = MapView(match, palette, pygame.Rect(0, 0, *size))
        world_w = probe.world_max[0] - probe.world_min[0]
        world_h = probe.world_max[1] - probe.world_min[1]
        scale = min((size[0] - 8) / world_w, (size[1] - 8) / world_h)
        zoom = next((z for z in ZOOM_STEPS if BASE_SIZE * z >= scale), ZOOM_STEPS[-1])
        big = (int(world_w * BASE_SIZE * zoom) + 8, int(world_h * BASE_SIZE * zoom) + 8)
        canvas = pygame.Surface(big, pygame.SRCALPHA)
        MapView(match, palette, canvas.get_rect()).draw(canvas, Highlights())
        factor = min(size[0] / big[0], size[1] / big[1], 1.0)
        picture = pygame.transform.smoothscale(canvas, (int(big[0] * factor), int(big[1] * factor)))
        surface.blit(picture, picture.get_rect(center=(size[0] // 2, size[1] // 2)))
    # Broad on purpose: a preview is a picture; the level itself loaded, so it can still be played.
    except Exception:  # noqa: BLE001
        surface.fill(palette["background"])
    return surface


def describe_seats(level: Level) -> str:
    names = {n.id: n.name for n in level.nations}
    parts = []
    for i, seat in enumerate(level.seats):
        nations = ", ".join(names.get(n, n) for n in seat.nations)
        parts.append(f"<b>Seat {i + 1}: {escape(seat.name)}</b> ({escape(nations)})")
    return "<br>".join(parts)


class NewGameScene(ModalScene):
    card_size = (1100, 680)

    def __init__(self, app: App, vs_ai: bool) -> None:
        super().__init__(app)
        self.vs_ai = vs_ai
        self.title = "New match against the AI" if vs_ai else "New hot-seat match"
        self.entries = flow.level_catalogue()
        self.selected: int | None = next((i for i, e in enumerate(self.entries) if e.level is not None), None)
        self.difficulty = "normal"
        self.human_seat = 0
        self.level_list: UISelectionList | None = None
        self.difficulty_choice: Segmented | None = None
        self.seat_choice: Segmented | None = None
        self.back: UIButton | None = None
        self.start: UIButton | None = None
        self._previews: dict[tuple[str, tuple[int, int]], pygame.Surface] = {}

    def build(self, card: UIPanel, area: pygame.Rect) -> None:
        manager = self.app.manager
        list_w = min(320, area.width // 3)
        bottom_rows = 2 * 52 if self.vs_ai else 0
        list_rect = pygame.Rect(area.x, area.y + 26, list_w, area.height - 26 - 60)
        UILabel(
            pygame.Rect(area.x, area.y - 4, list_w, 26),
            "Map",
            manager,
            container=card,
            object_id=ObjectID(class_id="@caption"),
        )
        items = [(self._item_text(i), f"#level_{i}") for i in range(len(self.entries))]
        self.level_list = UISelectionList(
            list_rect,
            items,  # type: ignore[arg-type]
            manager,
            container=card,
            object_id=ObjectID(object_id="#level_list"),
            default_selection=items[self.selected] if self.selected is not None else None,
        )
        right = pygame.Rect(list_rect.right + 22, area.y - 4, area.right - list_rect.right - 22, 0)
        right.height = area.bottom - 60 - right.y - bottom_rows
        entry = self.entries[self.selected] if self.selected is not None else None
        self._build_details(card, right, entry)
        y = right.bottom + 12
        if self.vs_ai:
            self._build_ai_rows(card, pygame.Rect(right.x, y, right.width, 40), entry)
        y = area.bottom - 44
        self.back = UIButton(pygame.Rect(area.x, y, 140, 44), "Back", manager, container=card)
        self.start = UIButton(
            pygame.Rect(area.right - 200, y, 200, 44),
            "Start match",
            manager,
            container=card,
            object_id=ObjectID(class_id="@primary", object_id="#start_match"),
        )
        if entry is None or entry.level is None:
            self.start.disable()

    def _item_text(self, index: int) -> str:
        entry = self.entries[index]
        text = entry.title
        if entry.user_map:
            text += "  (your map)"
        if entry.level is None:
            text += "  \u2014 cannot load"
        return text

    def _build_details(self, card: UIPanel, rect: pygame.Rect, entry: flow.LevelEntry | None) -> None:
        manager = self.app.manager
        if entry is None:
            UITextBox(
                "No levels found. Shipped levels live in <b>levels/</b>; your own maps in the maps folder.",
                pygame.Rect(rect.x, rect.y + 20, rect.width, 100),
                manager,
                container=card,
            )
            return
        UILabel(
            pygame.Rect(rect.x, rect.y, rect.width, 30),
            entry.title,
            manager,
            container=card,
            object_id=ObjectID(class_id="@heading", object_id="#level_title"),
        )
        preview_h = max(120, int(rect.height * 0.5))
        preview_rect = pygame.Rect(rect.x, rect.y + 38, rect.width, preview_h)
        inset = UIPanel(preview_rect, starting_height=1, manager=manager, container=card, object_id="#inset")
        if entry.level is not None:
            UIImage(
                pygame.Rect(2, 2, preview_rect.width - 4, preview_rect.height - 4),
                self._preview(entry, (preview_rect.width - 4, preview_rect.height - 4)),
                manager,
                container=inset,
            )
        text_rect = pygame.Rect(
            rect.x - 6, preview_rect.bottom + 8, rect.width + 6, rect.bottom - preview_rect.bottom - 8
        )
        UITextBox(self._details_html(entry), text_rect, manager, container=card, object_id="#level_briefing")

    def _details_html(self, entry: flow.LevelEntry) -> str:
        if entry.level is None:
            warning, muted = html_colour("#shell", "warning"), html_colour("#shell", "muted")
            return (
                f"<font color='{warning}'>This map cannot be loaded: {escape(entry.problem or '')}</font>"
                f"<br><font color='{muted}'>{escape(str(entry.path))}</font>"
            )
        level = entry.level
        facts = (
            f"{len(level.nations)} nations \u00b7 {len(level.territories)} territories \u00b7 "
            f"{level.round_limit} rounds \u00b7 hegemony at {level.hegemony_share:.0%} of victory points"
        )
        opener = fixed_opener(level)
        if opener is not None:  # an edge of the scenario worth knowing before choosing a seat
            facts += f" \u00b7 {escape(level.seats[opener].name)} opens every round"
        briefing = escape(level.briefing).replace("\n", "<br>") if level.briefing else "<i>No briefing.</i>"
        # The sides and the facts first: a long briefing must not push what decides the choice out of view.
        muted = html_colour("#shell", "muted")
        return f"{describe_seats(level)}<br><font color='{muted}'>{facts}</font><br>{briefing}"

    def _build_ai_rows(self, card: UIPanel, rect: pygame.Rect, entry: flow.LevelEntry | None) -> None:
        manager = self.app.manager
        label_w = 110
        for row, text in enumerate(("Difficulty", "You play")):
            UILabel(
                pygame.Rect(rect.x, rect.y + row * 52, label_w, rect.height),
                text,
                manager,
                container=card,
                object_id=ObjectID(class_id="@setting_label"),
            )
        control = pygame.Rect(rect.x + label_w, rect.y, rect.width - label_w, rect.height)
        self.difficulty_choice = Segmented(control, DIFFICULTY_LABELS, self.difficulty, manager, container=card)
        seats = entry.level.seats if entry is not None and entry.level is not None else []
        choices = [(str(i), s.name) for i, s in enumerate(seats)] or [("0", "Seat 1"), ("1", "Seat 2")]
        self.seat_choice = Segmented(control.move(0, 52), choices, str(self.human_seat), manager, container=card)

    def _preview(self, entry: flow.LevelEntry, size: tuple[int, int]) -> pygame.Surface:
        key = (str(entry.path), size)
        if key not in self._previews:
            assert entry.level is not None
            self._previews[key] = render_preview(entry.level, size)
        return self._previews[key]

    # Input ----------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> bool:
        if (
            event.type
            in (
                pygame_gui.UI_SELECTION_LIST_NEW_SELECTION,
                pygame_gui.UI_SELECTION_LIST_DOUBLE_CLICKED_SELECTION,
            )
            and event.ui_element is self.level_list
        ):
            index = self._index_of_selection()
            if index is not None and index != self.selected:
                self.selected = index
                self.rebuild()
            if event.type == pygame_gui.UI_SELECTION_LIST_DOUBLE_CLICKED_SELECTION:
                self.begin()
            return True
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            if event.ui_element is self.back:
                self.close()
                return True
            if event.ui_element is self.start:
                self.begin()
                return True
            if self.difficulty_choice is not None and self.difficulty_choice.handle(event):
                self.difficulty = self.difficulty_choice.value
                return True
            if self.seat_choice is not None and self.seat_choice.handle(event):
                self.human_seat = int(self.seat_choice.value)
                return True
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.begin()
            return True
        return super().handle_event(event)

    def _index_of_selection(self) -> int | None:
        if self.level_list is None:
            return None
        chosen = self.level_list.get_single_selection(include_object_id=True)
        if not isinstance(chosen, tuple):
            return None
        try:
            return int(chosen[1].rsplit("_", 1)[1])
        except (IndexError, ValueError):
            return None

    def begin(self) -> None:
        if self.selected is None:
            return
        level = self.entries[self.selected].level
        if level is None:
            return
        difficulty = self.difficulty if self.vs_ai else None
        flow.start_match(self.app, level, flow.controllers_for(difficulty, self.human_seat))
