"""The map editor: a hex canvas for the draft on the left, tools and forms on the right.

Every change goes through the pure operations in :mod:`game.editor` and is recorded in an
:class:`~game.editor.EditHistory`, so undo and redo cover everything. A draft need not be a
valid level: the canvas draws it cell by cell (a Match cannot be built from it) and the
problems list shows what :func:`game.core.level_problems` still finds.
"""

from __future__ import annotations

import html
import random
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pygame
import pygame_gui
from pygame_gui.core import ObjectID
from pygame_gui.elements import (
    UIButton,
    UIDropDownMenu,
    UILabel,
    UIScrollingContainer,
    UITextBox,
    UITextEntryBox,
    UITextEntryLine,
    UIWindow,
)

from game import editor as ops
from game.core import Level, level_problems
from game.core.hexgrid import Cell, corners, edge_between, neighbours, to_pixel
from game.core.level import DOCTRINES, SEA, TERRAINS, Alliance, Problem, TurnOrder
from game.core.world import listed
from game.editor.naming import slug, unique_place_name, unused_code, unused_id
from game.editor.nations import PALETTE
from game.editor.problems import problem_line
from game.io.atomic import write_problem
from game.io.levels import LevelError, save_level
from game.io.paths import maps_dir, user_data_dir
from game.io.saves import PLAYTEST_ID
from game.ui import flow, hex_draw
from game.ui.hex_camera import HexCamera
from game.ui.scene import Scene
from game.ui.theme import colours, font_size, map_palette, number, opacity

if TYPE_CHECKING:
    from game.ui.app import App

TOP_BAR = 48
PANEL_WIDTH = 330
AUTOSAVE_SECONDS = 60.0
#: Pixels the canvas keeps clear at its top (the mouse hint) and bottom (the status line) when fitting.
CANVAS_HINT_ROOM, STATUS_HEIGHT = 28, 26
#: Hexes smaller than this show territories' codes instead of their names (names would not fit).
NAME_MIN_SIZE = 18
TOOLS = (
    ("land", "Land"),
    ("sea", "Sea"),
    ("fill", "Fill"),
    ("eyedropper", "Eyedropper"),
    ("capital", "Capital"),
    ("garrison", "Garrison"),
)
TOOL_HINTS = {
    "land": "Paint the selected territory's land",
    "sea": "Paint sea",
    "fill": "Flood-fill a region with the selected territory (or sea with the Sea tool last used)",
    "eyedropper": "Pick the territory under the cursor",
    "capital": "Make the clicked territory its owner's capital",
    "garrison": "Left click: one more troop for the owner; right click: one fewer",
}
SEATS = ("Seat 1", "Seat 2", "NPC")
NO_CHOICE = "—"
ADD_MEMBER, DROP_MEMBER = "+ member", "− member"
#: Room on the right of a scrolling window for its scroll bar.
SCROLL_ROOM = 20
#: The captions of a treaty's two scope menus; their options add ("+ Germany") or drop ("− Germany") a name.
SCOPE_AGAINST, SCOPE_AREA = "Against…", "Only in…"
COHESION_STEP = 5


def recovery_path() -> Path:
    return user_data_dir() / "editor-recovery.json"


def load_draft(path: str | Path) -> Level:
    """A level file for editing: it may still have problems, but must be structurally a level."""
    from pydantic import ValidationError

    from game.io.levels import MAX_FILE_BYTES, _pydantic_problems, load_level
    from game.io.textfile import read_text_file, strict_json

    try:
        return load_level(path)
    except LevelError as err:
        if not any(p.location for p in err.problems):
            raise
        try:
            raw = strict_json(read_text_file(path, MAX_FILE_BYTES, "level"))
            return Level.model_validate(raw)
        except ValidationError as bad:
            raise LevelError(str(path), _pydantic_problems(bad)) from None
        except ValueError:
            raise err from None


def order_labels(level: Level) -> dict[str, TurnOrder]:
    """The Scenario window's turn-order choices, named with the level's own seats."""
    return {
        "Alternate every round": "alternate",
        f"{level.seats[0].name} first every round": "seat1_first",
        f"{level.seats[1].name} first every round": "seat2_first",
    }


class EditorScene(Scene):
    def __init__(self, app: App, level: Level | None = None, path: str | Path | None = None) -> None:
        super().__init__(app)
        self.path: Path | None = Path(path) if path is not None else None
        self.history = ops.EditHistory(level or ops.new_level(16, 11, "Untitled map"), saved=level is not None)
        self.problems: list[Problem] = []
        self.tool = "land"
        self.radius = 0
        self.territory: str | None = None
        self.nation: str | None = None
        self.status = "New map: create a nation, then a territory, then paint its land."
        grid = self.history.level.map
        #: The match map's camera over the draft: the same zoom steps, pan, fit and cell positions.
        self.camera = HexCamera(self.canvas, grid.width, grid.height)
        self.camera.fit_top = CANVAS_HINT_ROOM  # the mouse hint along the canvas's top
        self.camera.fit_bottom = STATUS_HEIGHT  # the status line along its bottom
        self._canvas_layer: tuple[tuple[object, ...], pygame.Surface] | None = None
        self._dragging_paint = False
        self._panning = False
        self._since_autosave = 0.0
        self._rng = random.Random()
        self.widgets: dict[str, object] = {}
        self._problem_items: list[str] = []
        # The one dialog window open over the canvas, if any: scenario, treaties, recover or delete_nation.
        self.dialog: str | None = None
        self._picks: dict[str, str] = {}  # what the treaties window's "new ..." drop-downs show
        self._scope_choices: dict[str, dict[str, str]] = {}  # each scope menu's options, as the ids they name
        self._treaties_scroll: UIScrollingContainer | None = None  # the treaties window's rows, while it is open
        self._heir: str | None = None
        if level is None and recovery_path().exists():
            self.dialog = "recover"
            self.status = "An unsaved map was found: recover it or discard it."
        if level is not None:
            self.status = f"Editing {self.path.name if self.path else level.title}"
        self._select_defaults()
        self.problems = level_problems(self.level)

    # State ------------------------------------------------------------------
    @property
    def level(self) -> Level:
        return self.history.level

    @property
    def canvas(self) -> pygame.Rect:
        width, height = self.app.size
        return pygame.Rect(0, TOP_BAR, width - PANEL_WIDTH, height - TOP_BAR)

    def _select_defaults(self) -> None:
        ids = [t.id for t in self.level.territories]
        if self.territory not in ids:
            self.territory = ids[0] if ids else None
        nids = [n.id for n in self.level.nations]
        if self.nation not in nids:
            self.nation = nids[0] if nids else None

    def edit(self, label: str, fn, *args, merge: bool = False, **kwargs) -> bool:  # type: ignore[no-untyped-def]
        """Run one pure editor operation and record it; an EditError becomes the status line."""
        try:
            new = fn(self.level, *args, **kwargs)
        except ops.EditError as err:
            self.set_status(f"Cannot {label}: {err}", error=True)
            return False
        changed = self.history.apply(label, new, merge=merge)
        if changed:
            self.after_change(rebuild=not merge or label != "paint")
        return changed

    def after_change(self, rebuild: bool = True) -> None:
        self._select_defaults()
        self.problems = level_problems(self.level)
        if rebuild:
            self.build()
        else:
            self._refresh_bar()
            self._refresh_problems()

    def set_status(self, text: str, error: bool = False) -> None:
        self.status = text
        if error:
            self.app.toast(text, error=True)

    # Layout -----------------------------------------------------------------
    def enter(self) -> None:
        self.fit()
        self.build()

    def resume(self) -> None:
        self.build()

    def resize(self, size: tuple[int, int]) -> None:
        self.fit()
        self.build()

    def fit(self) -> None:
        """Zoom and pan so the whole map fits the canvas (the camera's fit, as on the match screen)."""
        self._follow_grid()
        self.camera.set_rect(self.canvas)
        self.camera.fit()

    def _button(
        self,
        key: str,
        rect: pygame.Rect,
        text: str,
        hint: str | None = None,
        cls: str = "@segment",
        container: object = None,
    ) -> UIButton:
        button = UIButton(
            rect,
            text,
            self.app.manager,
            container=container,  # type: ignore[arg-type]
            tool_tip_text=hint,
            object_id=ObjectID(class_id=cls, object_id=f"#editor_{key}"),
        )
        self.widgets[key] = self.own(button)
        return button

    def _label(self, rect: pygame.Rect, text: str, cls: str = "@caption", container: object = None) -> UILabel:
        label = UILabel(rect, text, self.app.manager, container=container, object_id=ObjectID(class_id=cls))  # type: ignore[arg-type]
        return self.own(label)  # type: ignore[return-value]

    def _dropdown(
        self, key: str, rect: pygame.Rect, options: list[str], current: str, container: object = None
    ) -> UIDropDownMenu:
        if current not in options:
            options = [current, *options]
        menu = UIDropDownMenu(
            options,
            current,
            rect,
            self.app.manager,
            container=container,  # type: ignore[arg-type]
            object_id=ObjectID(object_id=f"#editor_{key}"),
        )
        self.widgets[key] = self.own(menu)
        return menu

    def _entry(self, key: str, rect: pygame.Rect, text: str, container: object = None) -> UITextEntryLine:
        entry = UITextEntryLine(
            rect,
            self.app.manager,
            container=container,  # type: ignore[arg-type]
            object_id=ObjectID(object_id=f"#editor_{key}"),
        )
        entry.set_text(text)
        self.widgets[key] = self.own(entry)
        return entry

    def build(self) -> None:
        Scene.exit(self)
        self.widgets = {}
        width, height = self.app.size
        # Top bar.
        x = 10
        for key, text, w in (
            ("save", "Save", 70),
            ("save_as", "Save as", 84),
            ("undo", self.history.undo_label or "Undo", 150),
            ("redo", self.history.redo_label or "Redo", 150),
            ("generate", "Generate", 96),
            ("playtest", "Play-test", 96),
            ("back", "Back", 70),
        ):
            self._button(key, pygame.Rect(x, 8, w, 32), text, cls="@pause_button" if key != "playtest" else "@primary")
            x += w + 6
        self._entry("title", pygame.Rect(x + 8, 8, max(120, width - PANEL_WIDTH - x - 8), 32), self.level.title)
        self._build_panel(width - PANEL_WIDTH + 10, PANEL_WIDTH - 20, height)
        self._build_dialog()
        self._refresh_bar()

    def _build_panel(self, left: int, span: int, height: int) -> None:
        level = self.level
        half = (span - 6) // 2
        y = TOP_BAR + 6
        self._label(pygame.Rect(left, y, span, 20), "TOOLS")
        y += 22
        third = (span - 12) // 3
        for i, (key, text) in enumerate(TOOLS):
            rect = pygame.Rect(left + (i % 3) * (third + 6), y + (i // 3) * 32, third, 28)
            button = self._button(f"tool_{key}", rect, text, TOOL_HINTS[key])
            if key == self.tool:
                button.select()
        y += 64
        self._label(pygame.Rect(left, y, 80, 28), "Brush")
        for r in range(3):
            button = self._button(f"brush_{r + 1}", pygame.Rect(left + 80 + r * 48, y, 42, 28), str(r + 1))
            if r == self.radius:
                button.select()
        y += 36
        # Territory.
        self._label(pygame.Rect(left, y, span, 20), "TERRITORY")
        y += 22
        territory = next((t for t in level.territories if t.id == self.territory), None)
        names = [f"{t.name} [{t.code}]" for t in level.territories]
        current = f"{territory.name} [{territory.code}]" if territory else NO_CHOICE
        self._dropdown("territory", pygame.Rect(left, y, span - 134, 28), names or [NO_CHOICE], current)
        self._button(
            "new_territory", pygame.Rect(left + span - 128, y, 52, 28), "New", "New territory", "@pause_button"
        )
        delete = self._button(
            "delete_territory",
            pygame.Rect(left + span - 72, y, 72, 28),
            "Delete",
            "Delete the selected territory (its cells become sea)",
            "@pause_button",
        )
        if territory is None:
            delete.disable()
        y += 32
        if territory is not None:
            self._entry("territory_name", pygame.Rect(left, y, span - 96, 28), territory.name)
            self._dropdown(
                "territory_value",
                pygame.Rect(left + span - 90, y, 90, 28),
                [f"value {v}" for v in range(1, 6)],
                f"value {territory.value}",
            )
            y += 32
            self._dropdown("territory_terrain", pygame.Rect(left, y, half, 28), list(TERRAINS), territory.terrain)
            self._dropdown(
                "territory_owner",
                pygame.Rect(left + half + 6, y, half, 28),
                [n.name for n in level.nations],
                self._nation_name(territory.owner),
            )
            y += 32
        else:
            self._label(pygame.Rect(left, y, span, 28), "No territory yet: press New.", "@small")
            y += 64
        y += 4
        # Nation.
        self._label(pygame.Rect(left, y, span, 20), "NATION")
        y += 22
        nation = next((n for n in level.nations if n.id == self.nation), None)
        self._dropdown(
            "nation",
            pygame.Rect(left, y, span - 134, 28),
            [n.name for n in level.nations] or [NO_CHOICE],
            nation.name if nation else NO_CHOICE,
        )
        self._button("new_nation", pygame.Rect(left + span - 128, y, 52, 28), "New", "New nation", "@pause_button")
        delete = self._button(
            "delete_nation",
            pygame.Rect(left + span - 72, y, 72, 28),
            "Delete",
            "Delete the selected nation (a nation with land hands it to a neighbour)",
            "@pause_button",
        )
        if nation is None:
            delete.disable()
        y += 32
        if nation is not None:
            self._entry("nation_name", pygame.Rect(left, y, span - 96, 28), nation.name)
            self._button(
                "nation_colour", pygame.Rect(left + span - 90, y, 90, 28), "Colour", "Next colour", "@pause_button"
            )
            y += 32
            seat = next((SEATS[i] for i, s in enumerate(level.seats) if nation.id in s.nations), "NPC")
            self._dropdown("nation_doctrine", pygame.Rect(left, y, half, 28), list(DOCTRINES), nation.doctrine)
            self._dropdown("nation_seat", pygame.Rect(left + half + 6, y, half, 28), list(SEATS), seat)
            y += 32
        else:
            self._label(pygame.Rect(left, y, span, 28), "No nation yet: press New.", "@small")
            y += 64
        y += 4
        self._label(pygame.Rect(left, y, span, 20), "SCENARIO")
        y += 22
        self._button(
            "open_scenario",
            pygame.Rect(left, y, half, 28),
            "Scenario…",
            "Title, briefing, round limit, hegemony share, map size",
            "@pause_button",
        )
        self._button(
            "open_treaties",
            pygame.Rect(left + half + 6, y, half, 28),
            "Treaties…",
            "Alliances, guarantees and non-aggression pacts in force at the start",
            "@pause_button",
        )
        y += 36
        self._problems_label = self._label(pygame.Rect(left, y, span, 20), "PROBLEMS")
        y += 22
        self._problems_rect = pygame.Rect(left, y, span, max(60, height - y - 30))
        self.widgets["problems"] = None
        self._refresh_problems(force=True)

    def _refresh_problems(self, force: bool = False) -> None:
        """The problems in the player's words, each wrapped to the panel's width and a link to the problem."""
        items = [problem_line(self.level, p) for p in self.problems]
        if not force and items == self._problem_items and self.widgets.get("problems") is not None:
            return
        self._problem_items = items
        old = self.widgets.get("problems")
        if old is not None:
            old.kill()  # type: ignore[attr-defined]
            self._elements.remove(old)
        lines = [f"<a href='{i}'>{html.escape(item)}</a>" for i, item in enumerate(items)]
        box = UITextBox(
            "<br>".join(lines) or "No problems: ready to play-test.",
            self._problems_rect,
            self.app.manager,
            object_id=ObjectID(object_id="#editor_problems"),
        )
        self.widgets["problems"] = self.own(box)
        count = len(self.problems)
        self._problems_label.set_text(f"PROBLEMS ({count}): click one to go to it" if count else "PROBLEMS (0)")

    def _refresh_bar(self) -> None:
        for key, label in (("undo", self.history.undo_label), ("redo", self.history.redo_label)):
            button = self.widgets.get(key)
            if isinstance(button, UIButton):
                text = label or key.capitalize()
                # "Undo rename nation" is cut at the button's edge: then the button says Undo, its tip says what.
                if button.font.size(text)[0] > button.rect.width - 16:
                    text = key.capitalize()
                button.set_text(text)
                button.set_tooltip(label or None)
                button.enable() if label else button.disable()
        play = self.widgets.get("playtest")
        if isinstance(play, UIButton):
            play.enable() if not self.problems else play.disable()

    # Input ------------------------------------------------------------------
    def _key_of(self, element: object) -> str | None:
        return next((k for k, w in self.widgets.items() if w is element), None)

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            key = self._key_of(event.ui_element)
            if key is None:
                return False
            self.press(key)
            return True
        if event.type == pygame_gui.UI_DROP_DOWN_MENU_CHANGED:
            key = self._key_of(event.ui_element)
            if key is None:
                return False
            self.choose(key, event.text)
            return True
        if event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED:
            key = self._key_of(event.ui_element)
            if key is None:
                return False
            self.type_in(key, event.text)
            return True
        if event.type == pygame_gui.UI_WINDOW_CLOSE:
            if event.ui_element is self.widgets.get("window"):
                self.dialog = None
                self.widgets.pop("window", None)
                return True
            return False
        if event.type == pygame_gui.UI_TEXT_BOX_LINK_CLICKED:
            if event.ui_element is self.widgets.get("problems"):
                index = int(event.link_target)
                if index < len(self.problems):
                    self.go_to_problem(self.problems[index])
                return True
            return False
        if event.type == pygame.KEYDOWN:
            return self._key(event)
        if event.type == pygame.MOUSEBUTTONDOWN:
            return self._mouse_down(event)
        if event.type == pygame.MOUSEBUTTONUP:
            if event.button == 1 and self._dragging_paint:
                self._dragging_paint = False
                self.after_change()
            if event.button == 3:
                self._panning = False
            return True
        if event.type == pygame.MOUSEMOTION:
            if self._panning:
                self.camera.pan(*event.rel)
            elif self._dragging_paint and self.canvas.collidepoint(event.pos):
                self._paint_at(event.pos, merge=True)
            return True
        if event.type == pygame.MOUSEWHEEL:
            pos = pygame.mouse.get_pos()
            if self.canvas.collidepoint(pos):
                self.camera.zoom_at(pos, 1 if event.y > 0 else -1)
                return True
        return False

    def _key(self, event: pygame.event.Event) -> bool:
        ctrl = event.mod & pygame.KMOD_CTRL
        if ctrl and event.key == pygame.K_z:
            self.press("redo" if event.mod & pygame.KMOD_SHIFT else "undo")
        elif ctrl and event.key == pygame.K_y:
            self.press("redo")
        elif ctrl and event.key == pygame.K_s:
            self.press("save")
        elif event.key in (pygame.K_LEFT, pygame.K_RIGHT, pygame.K_UP, pygame.K_DOWN):
            step = {pygame.K_LEFT: (40, 0), pygame.K_RIGHT: (-40, 0), pygame.K_UP: (0, 40), pygame.K_DOWN: (0, -40)}
            self.camera.pan(*step[event.key])
        elif event.key in (pygame.K_PLUS, pygame.K_EQUALS, pygame.K_KP_PLUS):
            self.camera.zoom_at(self.canvas.center, 1)
        elif event.key in (pygame.K_MINUS, pygame.K_KP_MINUS):
            self.camera.zoom_at(self.canvas.center, -1)
        elif event.key == pygame.K_ESCAPE:
            self.press("back")
        else:
            return False
        return True

    def _mouse_down(self, event: pygame.event.Event) -> bool:
        if not self.canvas.collidepoint(event.pos):
            return False
        if event.button in (4, 5):
            return True  # the wheel comes as MOUSEWHEEL too
        cell = self.cell_at(event.pos)
        if event.button == 3:
            if self.tool == "garrison" and cell is not None and self._territory_at(cell) is not None:
                self._garrison(cell, -1)
            else:
                self._panning = True
            return True
        if event.button != 1 or cell is None:
            return True
        if self.tool in ("land", "sea"):
            self._paint_at(event.pos, merge=False)
            self._dragging_paint = True
        elif self.tool == "fill":
            token = self._paint_token()
            if token is not None:
                self.edit("fill", ops.fill, cell, token)
        elif self.tool == "eyedropper":
            pick = ops.eyedropper(self.level, cell)
            if pick.territory is None:
                self.tool = "sea"
                self.set_status("Picked: sea")
            else:
                self.territory, self.tool = pick.territory, "land"
                owner = next(t.owner for t in self.level.territories if t.id == pick.territory)
                if owner in {n.id for n in self.level.nations}:
                    self.nation = owner
                self.set_status(f"Picked {self._territory_name(pick.territory)}")
            self.build()
        elif self.tool == "capital":
            territory = self._territory_at(cell)
            if territory is None:
                self.set_status("A capital must be a territory, not sea", error=True)
            elif self.edit("set capital", ops.set_capital, territory.owner, territory.id):
                self.set_status(f"{territory.name} is now the capital of {self._nation_name(territory.owner)}")
        elif self.tool == "garrison":
            self._garrison(cell, +1)
        return True

    def _garrison(self, cell: Cell, delta: int) -> None:
        territory = self._territory_at(cell)
        if territory is None:
            self.set_status("Troops stand on territories, not at sea", error=True)
            return
        strength = sum(
            g.strength for g in self.level.garrisons if g.territory == territory.id and g.nation == territory.owner
        )
        new = max(0, strength + delta)
        if self.edit("set garrison", ops.set_garrison, territory.id, territory.owner, new):
            self.set_status(f"{territory.name}: {new} troops of {self._nation_name(territory.owner)}")

    def _paint_token(self) -> str | None:
        if self.tool == "sea":
            return SEA
        territory = next((t for t in self.level.territories if t.id == self.territory), None)
        if territory is None:
            self.set_status("Choose or create a territory to paint its land", error=True)
            return None
        return territory.code

    def _paint_at(self, pos: tuple[int, int], merge: bool) -> None:
        cell = self.cell_at(pos)
        token = self._paint_token()
        if cell is None or token is None:
            self._dragging_paint = False
            return
        self.edit("paint", ops.paint, ops.brush(cell, self.radius), token, merge=merge)

    def _territory_at(self, cell: Cell):  # type: ignore[no-untyped-def]
        pick = ops.eyedropper(self.level, cell)
        return next((t for t in self.level.territories if t.id == pick.territory), None)

    def press(self, key: str) -> None:
        self.app.sound.play("click")
        if key.startswith("tool_"):
            self.tool = key[5:]
            self.set_status(TOOL_HINTS[self.tool])
            self.build()
        elif key.startswith("brush_"):
            self.radius = int(key[6:]) - 1
            self.build()
        elif key == "undo" and self.history.can_undo:
            label = self.history.undo_label
            self.history.undo()
            self.set_status(f"{label} done")
            self.after_change()
        elif key == "redo" and self.history.can_redo:
            label = self.history.redo_label
            self.history.redo()
            self.set_status(f"{label} done")
            self.after_change()
        elif key == "save":
            self.save(self.path)
        elif key == "save_as":
            self.save(None)
        elif key == "generate":
            self.generate()
        elif key == "playtest":
            self.playtest()
        elif key == "back":
            self._write_recovery()
            flow.to_menu(self.app)
        elif key == "new_territory":
            self.new_territory()
        elif key == "new_nation":
            self.new_nation()
        elif key == "delete_territory" and self.territory is not None:
            name = next(t.name for t in self.level.territories if t.id == self.territory)
            if self.edit("delete territory", ops.delete_territory, self.territory):
                self.set_status(f"Deleted {name} (undo brings it back)")
        elif key == "delete_nation" and self.nation is not None:
            self.delete_nation()
        elif key in ("open_scenario", "open_treaties"):
            self.dialog = key[5:]
            self.build()
        elif key in ("close_window", "prompt_no", "prompt_yes"):
            self.answer(key)
        elif key == "sc_apply":
            self.apply_scenario()
        elif key.startswith(("al_", "g_", "p_")):
            self.press_treaty(key)
        elif key == "nation_colour" and self.nation is not None:
            nation = next(n for n in self.level.nations if n.id == self.nation)
            lower = [c.lower() for c in PALETTE]
            index = lower.index(nation.colour.lower()) if nation.colour.lower() in lower else -1
            self.edit("change colour", ops.update_nation, nation.id, colour=PALETTE[(index + 1) % len(PALETTE)])

    def choose(self, key: str, text: str) -> None:
        level = self.level
        if key.endswith(("_new_a", "_new_b")) or key == "sc_order":  # applied by their window's button
            self._picks[key] = text
            return
        if key.startswith(("al_against_", "al_area_", "g_against_", "g_area_")):
            self.toggle_scope(key, text)
            return
        if key.startswith(("al_add_", "al_del_")) and text not in (ADD_MEMBER, DROP_MEMBER):
            index = int(key.rsplit("_", 1)[1])
            alliance = level.treaties.alliances[index]
            nid = self._nation_id(text)
            if key.startswith("al_add_"):
                members, label = [*alliance.members, nid], "add alliance member"
            else:
                members, label = [m for m in alliance.members if m != nid], "remove alliance member"
            if not self.edit(label, ops.update_alliance, alliance.id, members=members):
                self.build()
            return
        if key == "territory":
            match = next((t for t in level.territories if f"{t.name} [{t.code}]" == text), None)
            if match is not None:
                self.territory = match.id
                if self.tool not in ("land", "fill"):
                    self.tool = "land"
            self.build()
        elif key == "nation":
            match_n = next((n for n in level.nations if n.name == text), None)
            if match_n is not None:
                self.nation = match_n.id
            self.build()
        elif key == "territory_value" and self.territory:
            self.edit("change value", ops.update_territory, self.territory, value=int(text.split()[-1]))
        elif key == "territory_terrain" and self.territory:
            self.edit("change terrain", ops.update_territory, self.territory, terrain=text)
        elif key == "territory_owner" and self.territory:
            self.edit("change owner", ops.update_territory, self.territory, owner=self._nation_id(text))
        elif key == "nation_doctrine" and self.nation:
            self.edit("change doctrine", ops.update_nation, self.nation, doctrine=text)
        elif key == "nation_seat" and self.nation:
            seat = {"Seat 1": 0, "Seat 2": 1}.get(text)
            self.edit("assign seat", ops.assign_seat, self.nation, seat)

    def type_in(self, key: str, text: str) -> None:
        if key.startswith("sc_"):
            self.apply_scenario()
            return
        if key.startswith("al_"):
            return
        text = text.strip()
        if not text:
            self.build()
            return
        if key == "title":
            self.edit("rename map", ops.set_meta, title=text[:100])
        elif key == "territory_name" and self.territory:
            self.edit("rename territory", ops.update_territory, self.territory, name=text[:60])
        elif key == "nation_name" and self.nation:
            self.edit("rename nation", ops.update_nation, self.nation, name=text[:60])

    # Dialog windows ------------------------------------------------------------
    def _nation_name(self, nation_id: str) -> str:
        return next((n.name for n in self.level.nations if n.id == nation_id), nation_id)

    def _territory_name(self, territory_id: str) -> str:
        return next((t.name for t in self.level.territories if t.id == territory_id), territory_id)

    def _nation_id(self, name: str) -> str:
        return next((n.id for n in self.level.nations if n.name == name), name)

    def _window(self, size: tuple[int, int], title: str) -> UIWindow:
        rect = pygame.Rect(0, 0, min(size[0], self.app.size[0] - 24), min(size[1], self.app.size[1] - 24))
        rect.center = self.canvas.center
        rect.clamp_ip(pygame.Rect((0, 0), self.app.size))
        window = UIWindow(
            rect, self.app.manager, window_display_title=title, object_id=ObjectID(object_id="#match_window")
        )
        self.widgets["window"] = self.own(window)
        return window

    def _build_dialog(self) -> None:
        if self.dialog == "scenario":
            self._build_scenario()
        elif self.dialog == "treaties":
            self._build_treaties()
        elif self.dialog == "recover":
            self._build_prompt("Recover", "Recover unsaved map?", "The editor closed with changes not saved.")
            self.widgets["prompt_yes"].set_text("Recover")  # type: ignore[attr-defined]
            self.widgets["prompt_no"].set_text("Discard")  # type: ignore[attr-defined]
        elif self.dialog == "delete_nation" and self.nation is not None and self._heir is not None:
            owned = sum(1 for t in self.level.territories if t.owner == self.nation)
            self._build_prompt(
                "Delete nation",
                f"{self._nation_name(self.nation)} still owns {owned} territor{'y' if owned == 1 else 'ies'}.",
                f"Give its land to its neighbour {self._nation_name(self._heir)} and delete it?",
            )
            self.widgets["prompt_yes"].set_text("Give and delete")  # type: ignore[attr-defined]
        else:
            self.dialog = None

    def _build_prompt(self, title: str, question: str, detail: str) -> None:
        window = self._window((440, 150), title)
        width = window.get_container().get_rect().width
        self._label(pygame.Rect(12, 8, width - 24, 30), question, "@heading", container=window)
        self._label(pygame.Rect(12, 40, width - 24, 22), detail, "@small", container=window)
        half = (width - 30) // 2
        self._button("prompt_yes", pygame.Rect(12, 72, half, 32), "Yes", cls="@primary", container=window)
        self._button("prompt_no", pygame.Rect(18 + half, 72, half, 32), "Cancel", cls="@pause_button", container=window)

    def _build_scenario(self) -> None:
        level = self.level
        window = self._window((460, 364), "Scenario")
        width = window.get_container().get_rect().width
        field = width - 24 - 120
        y = 10
        self._label(pygame.Rect(12, y, 116, 28), "Title", container=window)
        self._entry("sc_title", pygame.Rect(132, y, field, 28), level.title, container=window)
        y += 34
        self._label(pygame.Rect(12, y, 116, 20), "Briefing", container=window)
        y += 22
        box = UITextEntryBox(
            pygame.Rect(12, y, width - 24, 110),
            level.briefing,
            self.app.manager,
            container=window,
            object_id=ObjectID(object_id="#editor_sc_briefing"),
        )
        self.widgets["sc_briefing"] = self.own(box)
        y += 118
        self._label(pygame.Rect(12, y, 116, 28), "Round limit", container=window)
        self._entry("sc_rounds", pygame.Rect(132, y, 70, 28), str(level.round_limit), container=window)
        self._label(pygame.Rect(214, y, 116, 28), "Hegemony share", container=window)
        self._entry("sc_share", pygame.Rect(334, y, 70, 28), f"{level.hegemony_share:g}", container=window)
        y += 34
        self._label(pygame.Rect(12, y, 116, 28), "Turn order", container=window)
        labels = order_labels(level)
        current = next(label for label, order in labels.items() if order == level.turn_order)
        self._picks["sc_order"] = current
        self._dropdown("sc_order", pygame.Rect(132, y, field, 28), list(labels), current, container=window)
        y += 34
        self._label(pygame.Rect(12, y, 116, 28), "Map size", container=window)
        self._entry("sc_width", pygame.Rect(132, y, 70, 28), str(level.map.width), container=window)
        self._label(pygame.Rect(202, y, 24, 28), "×", container=window)
        self._entry("sc_height", pygame.Rect(226, y, 70, 28), str(level.map.height), container=window)
        y += 42
        half = (width - 30) // 2
        self._button("sc_apply", pygame.Rect(12, y, half, 32), "Apply", cls="@primary", container=window)
        self._button(
            "close_window", pygame.Rect(18 + half, y, half, 32), "Close", cls="@pause_button", container=window
        )

    def apply_scenario(self) -> None:
        w = self.widgets
        level = self.level
        try:
            rounds = int(w["sc_rounds"].get_text().strip())  # type: ignore[attr-defined]
            share = float(w["sc_share"].get_text().strip().rstrip("%"))  # type: ignore[attr-defined]
            width = int(w["sc_width"].get_text().strip())  # type: ignore[attr-defined]
            height = int(w["sc_height"].get_text().strip())  # type: ignore[attr-defined]
        except ValueError:
            self.set_status("Round limit and map size are whole numbers, hegemony share a fraction (0.6)", error=True)
            return
        if share > 1:
            share /= 100  # typed as a percentage
        title = w["sc_title"].get_text().strip()[:100] or level.title  # type: ignore[attr-defined]
        briefing = w["sc_briefing"].get_text()  # type: ignore[attr-defined]
        order = order_labels(level).get(self._picks.get("sc_order", ""), level.turn_order)

        def scenario(lv: Level) -> Level:
            lv = ops.set_meta(
                lv, title=title, briefing=briefing, round_limit=rounds, hegemony_share=share, turn_order=order
            )
            if (width, height) != (lv.map.width, lv.map.height):
                lv = ops.resize_map(lv, width, height)
            return lv

        resized = (width, height) != (level.map.width, level.map.height)
        if self.edit("edit scenario", scenario):
            if resized:
                self.fit()
            self.set_status("Scenario updated")

    def _build_treaties(self) -> None:
        level = self.level
        treaties = level.treaties
        names = [n.name for n in level.nations]
        # An alliance takes two rows (its scope below it); a guarantee three (its scope, then its menus).
        rows = 2 * len(treaties.alliances) + max(3 * len(treaties.guarantees), len(treaties.pacts))
        # Room below the last row for its drop-downs to open (they are clipped by the window).
        content = 190 + 32 * rows + 26 * min(len(names), 6)
        window = self._window((800 + SCROLL_ROOM, content), "Treaties in force at the start")
        # The rows scroll when a map has more treaties than the screen is tall (the continent does).
        inside = window.get_container().get_rect()
        c = UIScrollingContainer(
            pygame.Rect(0, 0, inside.width, inside.height), self.app.manager, container=window, allow_scroll_x=False
        )
        self.own(c)
        width = inside.width - SCROLL_ROOM
        c.set_scrollable_area_dimensions((width, content - 40))
        # Every edit rebuilds the window: it stays scrolled where the map maker was working.
        before = self._treaties_scroll.vert_scroll_bar if self._treaties_scroll is not None else None
        if before is not None and c.vert_scroll_bar is not None:
            c.vert_scroll_bar.set_scroll_from_start_percentage(before.start_percentage)
        self._treaties_scroll = c
        y = 8
        self._label(pygame.Rect(12, y, width - 24, 20), "ALLIANCES", container=c)
        y += 24
        for i, a in enumerate(treaties.alliances):
            # Its members named when they fit, else counted: the "− member" list names them all.
            heading = self._label(pygame.Rect(12, y, 294, 28), f"{a.name}: {len(a.members)} members", "@small", c)
            named = f"{a.name}: " + ", ".join(self._nation_name(m) for m in a.members)
            if heading.font.size(named)[0] <= heading.rect.width:
                heading.set_text(named)
            art5 = self._button(
                f"al_a5_{i}",
                pygame.Rect(310, y, 70, 28),
                "Art. 5",
                "Collective defence (Article 5): an attack on one is an attack on all",
                container=c,
            )
            if a.collective_defence:
                art5.select()
            self._button(f"al_cminus_{i}", pygame.Rect(384, y, 26, 28), "-", "Less cohesion", container=c)
            self._label(pygame.Rect(410, y, 36, 28), str(a.cohesion), container=c)
            self._button(f"al_cplus_{i}", pygame.Rect(446, y, 26, 28), "+", "More cohesion", container=c)
            others = [n.name for n in level.nations if n.id not in a.members]
            self._dropdown(f"al_add_{i}", pygame.Rect(478, y, 96, 28), others, ADD_MEMBER, container=c)
            mine = [self._nation_name(m) for m in a.members]
            self._dropdown(f"al_del_{i}", pygame.Rect(578, y, 96, 28), mine, DROP_MEMBER, container=c)
            self._button(f"al_remove_{i}", pygame.Rect(678, y, width - 690, 28), "Remove", cls="@pause_button",
                         container=c)  # fmt: skip
            y += 32
            self._scope_label(pygame.Rect(24, y, 282, 28), a.against, a.territories, c)
            self._scope_menus(f"al_{{}}_{i}", a.against, a.territories, a.members, a.members, (310, y, 164, 196), c)
            clear = self._button(f"al_scopeclear_{i}", pygame.Rect(678, y, width - 690, 28), "Clear scope",
                                 "Bind against anyone, anywhere on the members' land", "@pause_button", c)  # fmt: skip
            if not (a.against or a.territories):
                clear.disable()
            y += 32
        if not treaties.alliances:
            self._label(pygame.Rect(12, y, width - 24, 24), "No alliances yet.", "@small", c)
            y += 28
        name_entry = self._entry("al_new_name", pygame.Rect(12, y, 294, 28), "", container=c)
        name_entry.set_text_length_limit(60)
        name_entry.placeholder_text = "New alliance name"
        name_entry.rebuild()
        self._dropdown("al_new_a", pygame.Rect(310, y, 162, 28), names, self._picks.get("al_new_a", NO_CHOICE), c)
        self._dropdown("al_new_b", pygame.Rect(478, y, 196, 28), names, self._picks.get("al_new_b", NO_CHOICE), c)
        self._button("al_add", pygame.Rect(678, y, width - 690, 28), "Add", "Add the alliance (name, two members)",
                     "@pause_button", c)  # fmt: skip
        y += 40
        col = (width - 36) // 2
        for j, (section, prefix, joiner) in enumerate(
            (("GUARANTEES", "g", "guarantees"), ("NON-AGGRESSION PACTS", "p", "and"))
        ):
            x = 12 + j * (col + 12)
            yy = y
            self._label(pygame.Rect(x, yy, col, 20), section, container=c)
            yy += 24
            pairs = (
                [(g.guarantor, g.guaranteed) for g in treaties.guarantees]
                if prefix == "g"
                else [tuple(p.members) for p in treaties.pacts]
            )
            for k, (first, second) in enumerate(pairs):
                text = f"{self._nation_name(first)} {joiner} {self._nation_name(second)}"
                self._label(pygame.Rect(x, yy, col - 76, 28), text, "@small", c)
                self._button(f"{prefix}_del_{k}", pygame.Rect(x + col - 72, yy, 72, 28), "Remove", cls="@pause_button",
                             container=c)  # fmt: skip
                yy += 32
                if prefix == "g":
                    g = treaties.guarantees[k]
                    self._scope_label(pygame.Rect(x, yy, col, 28), g.against, g.territories, c)
                    yy += 32
                    half = (col - 84) // 2
                    parties = [g.guarantor, g.guaranteed]
                    self._scope_menus(f"g_{{}}_{k}", g.against, g.territories, parties, [g.guaranteed],
                                      (x, yy, half, half), c)  # fmt: skip
                    clear = self._button(f"g_scopeclear_{k}", pygame.Rect(x + col - 72, yy, 72, 28), "Clear",
                                         "Bind against anyone, anywhere on its land", "@pause_button", c)  # fmt: skip
                    if not (g.against or g.territories):
                        clear.disable()
                    yy += 32
            third = (col - 60) // 2
            for key, dx in ((f"{prefix}_new_a", 0), (f"{prefix}_new_b", third + 4)):
                self._dropdown(key, pygame.Rect(x + dx, yy, third, 28), names, self._picks.get(key, NO_CHOICE), c)
            self._button(f"{prefix}_add", pygame.Rect(x + col - 52, yy, 52, 28), "Add", cls="@pause_button",
                         container=c)  # fmt: skip

    def _scope_label(self, rect: pygame.Rect, against: list[str], territories: list[str], container: object) -> None:
        """A treaty's scope in a few words ("Only against Germany; only in Warsaw"), its names counted
        instead of listed when they would not fit on the line."""
        if not against and not territories:
            self._label(rect, "Binds against anyone, anywhere", "@small", container)
            return
        names = {t.id: t.name for t in self.level.territories}
        nations = [self._nation_name(n) for n in against]
        places = [names.get(t, t) for t in territories]
        counted = [f"{len(nations)} nations"] if len(nations) > 1 else nations
        short = _scope_words(counted, [f"{len(places)} places"] if len(places) > 1 else places)
        label = self._label(rect, short, "@small", container)  # the short form first: it always fits
        full = _scope_words(nations, places)
        if label.font.size(full)[0] <= rect.width:
            label.set_text(full)

    def _scope_menus(
        self,
        key: str,
        against: list[str],
        territories: list[str],
        parties: list[str],
        protected: list[str],
        where: tuple[int, int, int, int],
        container: object,
    ) -> None:
        """The two menus that add or drop a name in a treaty's scope. ``key`` has a ``{}`` for the clause.

        Offered: every nation but the parties, and the land of the nations the treaty protects (and
        whatever the scope names already, so that it can be dropped).
        """
        x, y, against_width, area_width = where
        names = {t.id: t.name for t in self.level.territories}
        nations = [n.id for n in self.level.nations if n.id not in parties or n.id in against]
        land = [t.id for t in self.level.territories if t.owner in protected or t.id in territories]
        for clause, named, ids, label, name, left, width in (
            ("against", against, nations, SCOPE_AGAINST, self._nation_name, x, against_width),
            ("area", territories, land, SCOPE_AREA, lambda t: names.get(t, t), x + against_width + 4, area_width),
        ):
            choices = {f"{'−' if i in named else '+'} {name(i)}": i for i in ids}
            self._scope_choices[key.format(clause)] = choices
            self._dropdown(key.format(clause), pygame.Rect(left, y, width, 28), list(choices), label, container)

    def toggle_scope(self, key: str, text: str) -> None:
        """A scope menu's option: add the name to the treaty's scope, or drop it if it is there."""
        picked = self._scope_choices.get(key, {}).get(text)
        if picked is None:  # the menu's caption
            self.build()
            return
        prefix, clause, index_text = key.split("_")
        index = int(index_text)
        treaties = self.level.treaties
        treaty = treaties.alliances[index] if prefix == "al" else treaties.guarantees[index]
        named = treaty.against if clause == "against" else treaty.territories
        names = [i for i in named if i != picked] if picked in named else [*named, picked]
        change = {"against" if clause == "against" else "territories": names}
        label = "change scope"
        if isinstance(treaty, Alliance):
            done = self.edit(label, ops.update_alliance, treaty.id, **change)
        else:
            done = self.edit(label, ops.update_guarantee, treaty.guarantor, treaty.guaranteed, **change)
        if not done:
            self.build()

    def press_treaty(self, key: str) -> None:
        level = self.level
        alliances = level.treaties.alliances
        index = int(key.rsplit("_", 1)[1]) if key[-1].isdigit() else -1
        prefix = key.split("_", 1)[0]
        picked = [self._nation_id(self._picks.get(f"{prefix}_new_{side}", NO_CHOICE)) for side in "ab"]
        if key == "al_add":
            name = self.widgets["al_new_name"].get_text().strip()  # type: ignore[attr-defined]
            name = name or f"Alliance {len(alliances) + 1}"
            aid = unused_id(name, [a.id for a in alliances])
            if NO_CHOICE in picked:
                self.set_status("Cannot add alliance: pick two members", error=True)
            elif self.edit("add alliance", ops.add_alliance, aid, name, picked):
                self._picks.pop("al_new_a", None)
                self._picks.pop("al_new_b", None)
                self.set_status(f"Added the alliance {name}")
        elif key.startswith("al_a5_"):
            a = alliances[index]
            self.edit("toggle Article 5", ops.update_alliance, a.id, collective_defence=not a.collective_defence)
        elif key.startswith(("al_cminus_", "al_cplus_")):
            a = alliances[index]
            step = COHESION_STEP if "plus" in key else -COHESION_STEP
            self.edit("change cohesion", ops.update_alliance, a.id, cohesion=max(0, min(100, a.cohesion + step)))
        elif key.startswith("al_remove_"):
            self.edit("remove alliance", ops.remove_alliance, alliances[index].id)
        elif key.startswith("al_scopeclear_"):
            self.edit("clear scope", ops.update_alliance, alliances[index].id, against=[], territories=[])
        elif key.startswith("g_scopeclear_"):
            g = level.treaties.guarantees[index]
            self.edit("clear scope", ops.update_guarantee, g.guarantor, g.guaranteed, against=[], territories=[])
        elif key in ("g_add", "p_add"):
            kind = "guarantee" if key == "g_add" else "pact"
            if NO_CHOICE in picked:
                self.set_status(f"Cannot add {kind}: pick two nations", error=True)
            elif self.edit(f"add {kind}", ops.add_guarantee if kind == "guarantee" else ops.add_pact, *picked):
                self.set_status(f"Added the {kind}")
        elif key.startswith("g_del_"):
            g = level.treaties.guarantees[index]
            self.edit("remove guarantee", ops.remove_guarantee, g.guarantor, g.guaranteed)
        elif key.startswith("p_del_"):
            self.edit("remove pact", ops.remove_pact, *level.treaties.pacts[index].members)

    def delete_nation(self) -> None:
        nid = self.nation
        if nid is None:
            return
        name = self._nation_name(nid)
        try:
            ops.delete_nation(self.level, nid)
        except ops.EditError as err:
            self._heir = self._neighbour_of(nid)
            if self._heir is None:
                self.set_status(f"Cannot delete nation: {err}", error=True)
                return
            self.dialog = "delete_nation"
            self.build()
            return
        if self.edit("delete nation", ops.delete_nation, nid):
            self.set_status(f"Deleted {name} (undo brings it back)")

    def _neighbour_of(self, nation_id: str) -> str | None:
        """The owner of a territory bordering ``nation_id``'s land (sea crossings not counted)."""
        owner_of = {t.code: t.owner for t in self.level.territories}
        tokens = self._tokens()
        for cell, token in tokens.items():
            if owner_of.get(token) != nation_id:
                continue
            for other in neighbours(cell):
                owner = owner_of.get(tokens.get(other, SEA))
                if owner is not None and owner != nation_id:
                    return owner
        return None

    def answer(self, key: str) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog == "recover":
            if key == "prompt_yes":
                self.recover()
                return
            if key == "prompt_no":
                recovery_path().unlink(missing_ok=True)
                self.set_status("Discarded the unsaved map")
        elif dialog == "delete_nation" and key == "prompt_yes" and self.nation and self._heir:
            name, heir = self._nation_name(self.nation), self._nation_name(self._heir)
            if self.edit("delete nation", ops.delete_nation, self.nation, heir=self._heir):
                self.set_status(f"Deleted {name}: its land went to {heir} (undo brings it back)")
                return
        self.build()

    def recover(self) -> None:
        try:
            level = load_draft(recovery_path())
        except (LevelError, OSError, ValueError) as err:
            self.set_status(f"Cannot recover: {err}", error=True)
            self.build()
            return
        self.history = ops.EditHistory(level, saved=False)
        self.territory = self.nation = None
        self.set_status(f"Recovered {level.title}: save it to keep it")
        self.fit()
        self.after_change()

    def new_nation(self) -> None:
        level = self.level
        number = len(level.nations) + 1
        names = {n.name for n in level.nations}
        while f"Nation {number}" in names:
            number += 1
        name = f"Nation {number}"
        nid = unused_id(name, [n.id for n in level.nations])
        if self.edit("new nation", ops.create_nation, nid, name):
            self.nation = nid
            self.set_status(f"Created {name}: give it a seat, a territory and a capital")
            self.build()

    def new_territory(self) -> None:
        level = self.level
        owner = self.nation or (level.nations[0].id if level.nations else None)
        if owner is None:
            self.set_status("Create a nation first: every territory has an owner", error=True)
            return
        taken = {t.id for t in level.territories}
        name = unique_place_name(self._rng, set(taken))
        tid = unused_id(name, taken)
        code = unused_code(name, {t.code for t in level.territories})
        if self.edit("new territory", ops.create_territory, tid, name, code, owner):
            self.territory, self.tool = tid, "land"
            self.set_status(f"Created {name} [{code}]: paint its cells with the Land tool")
            self.build()

    def generate(self) -> None:
        grid = self.level.map
        seed = self._rng.randrange(1, 2**31)
        try:
            level = ops.generate_level(seed, max(grid.width, 12), max(grid.height, 8), 4)
        except ops.EditError as err:
            self.set_status(f"Cannot generate: {err}", error=True)
            return
        if self.history.apply("generate", level):
            self.territory = self.nation = None
            self.set_status(f"Generated a map with seed {seed} (undo brings yours back)")
            self.fit()
            self.after_change()

    def playtest(self) -> None:
        if self.problems:
            self.set_status("Fix the problems before play-testing", error=True)
            return
        self._write_recovery()
        # Play-tests share one autosave of their own: trying a map never replaces a real match's autosave,
        # and Continue on the menu still resumes that match.
        match = flow.begin_match(self.level, flow.new_seed(), (flow.HUMAN, flow.HUMAN), PLAYTEST_ID)
        flow.open_match(self.app, match)

    # Files ------------------------------------------------------------------
    def save(self, path: Path | None) -> Path | None:
        """Write the level; with problems it goes to ``<name>.draft.json`` instead. Returns the file written."""
        if path is None:
            path = maps_dir() / f"{slug(self.level.title)}.json"
        path = Path(path)
        stem = re.sub(r"(\.draft)?\.json$", "", path.name)
        target = path.with_name(f"{stem}.draft.json" if self.problems else f"{stem}.json")
        try:
            save_level(self.level, target)
        except OSError as err:
            self.set_status(f"Not saved: {target}: {write_problem(err)}", error=True)
            return None
        self.path = path.with_name(f"{stem}.json")
        self.history.mark_saved()
        if self.problems:
            count = len(self.problems)
            self.set_status(
                f"Saved as a draft: {target.name} "
                f"({count} problem{'s' if count != 1 else ''} to fix before it can be played)"
            )
        else:
            self.set_status(f"Saved {target}")
        self.app.toast(self.status)
        return target

    def _write_recovery(self) -> None:
        self._since_autosave = 0.0
        if not self.history.dirty or not self.app.autosaves:
            return
        try:
            save_level(self.level, recovery_path())
        except OSError as err:
            self.app.toast(f"Recovery copy not written: {recovery_path()}: {write_problem(err)}", error=True)

    def update(self, dt: float) -> None:
        self._since_autosave += dt
        if self._since_autosave >= AUTOSAVE_SECONDS:
            self._write_recovery()

    # Problems -----------------------------------------------------------------
    def go_to_problem(self, problem: Problem) -> None:
        found = re.match(r"(territories|nations|garrisons)\[(\d+)\]", problem.location)
        named = re.search(r"'([a-z][a-z0-9_]*)'", problem.message)
        level = self.level
        tid: str | None = None
        if found and found.group(1) == "territories" and int(found.group(2)) < len(level.territories):
            tid = level.territories[int(found.group(2))].id
            self.territory = tid
        elif found and found.group(1) == "nations" and int(found.group(2)) < len(level.nations):
            self.nation = level.nations[int(found.group(2))].id
        elif named and named.group(1) in {n.id for n in level.nations}:
            self.nation = named.group(1)
        elif named and named.group(1) in {t.id for t in level.territories}:
            tid = self.territory = named.group(1)
        if tid is None and self.nation is not None:
            tid = next((t.id for t in level.territories if t.owner == self.nation), None)
        if tid is not None:
            self.centre_on(tid)
        self.set_status(problem_line(level, problem))
        self.build()

    def centre_on(self, territory_id: str) -> None:
        code = next((t.code for t in self.level.territories if t.id == territory_id), None)
        cells = [cell for cell, token in self._tokens().items() if token == code]
        if not cells:
            return
        xs, ys = zip(*(to_pixel(c, 1.0) for c in cells), strict=True)
        self.camera.centre_on_point(sum(xs) / len(xs), sum(ys) / len(ys))

    # Geometry and drawing ---------------------------------------------------
    def _follow_grid(self) -> None:
        """The camera follows the draft's grid when a resize (or its undo) changes it."""
        grid = self.level.map
        if self.camera.grid_size != (grid.width, grid.height):
            self.camera.set_grid(grid.width, grid.height)
            self.camera.clamp()

    def cell_at(self, pos: tuple[float, float]) -> Cell | None:
        cell = self.camera.cell_at(pos)
        grid = self.level.map
        if cell is None or not (0 <= cell[0] < grid.width and 0 <= cell[1] < grid.height):
            return None
        return cell

    def cell_centre(self, cell: Cell) -> tuple[int, int]:
        x, y = self.camera.cell_to_screen(cell)
        return int(x), int(y)

    def _tokens(self) -> dict[Cell, str]:
        grid = self.level.map
        out: dict[Cell, str] = {}
        for r, line in enumerate(grid.rows[: grid.height]):
            for c, token in enumerate(line.split()[: grid.width]):
                out[(c, r)] = token
        for r in range(grid.height):
            for c in range(grid.width):
                out.setdefault((c, r), SEA)
        return out

    def draw(self, surface: pygame.Surface) -> None:
        palette = map_palette()
        ui = colours("#match")
        surface.fill(palette["background"])
        canvas = self.canvas
        if self.camera.rect != canvas:
            self.camera.set_rect(canvas)
        surface.blit(self._canvas_surface(palette), canvas.topleft)
        surface.set_clip(canvas)
        self._draw_brush(surface, palette)
        surface.set_clip(None)
        width, height = self.app.size
        pygame.draw.rect(surface, ui["bar_bg"], (0, 0, width, TOP_BAR))
        pygame.draw.line(surface, ui["bar_edge"], (0, TOP_BAR - 1), (width, TOP_BAR - 1))
        panel = pygame.Rect(width - PANEL_WIDTH, TOP_BAR, PANEL_WIDTH, height - TOP_BAR)
        pygame.draw.rect(surface, ui["panel_bg"], panel)
        pygame.draw.line(surface, ui["panel_edge"], panel.topleft, panel.bottomleft)
        # Status line along the bottom of the canvas.
        dirty = "  •  unsaved changes" if self.history.dirty else ""
        text = self.app.font(font_size("body")).render(f"{self.status}{dirty}", True, ui["text"])
        strip = pygame.Rect(0, height - STATUS_HEIGHT, canvas.width, STATUS_HEIGHT)
        shade = pygame.Surface(strip.size, pygame.SRCALPHA)
        shade.fill((*colours("#editor")["status_strip"][:3], opacity("editor_status_strip")))
        surface.blit(shade, strip.topleft)
        surface.blit(text, (10, strip.y + 4), area=pygame.Rect(0, 0, strip.width - 20, 20))
        hint = self.app.font(font_size("small")).render(
            "Left: use tool · Right-drag/arrows: pan · Wheel: zoom · Ctrl+Z/Y: undo/redo", True, ui["muted"]
        )
        surface.blit(hint, (canvas.x + 10, canvas.y + 8))

    def _canvas_surface(self, palette: dict[str, pygame.Color]) -> pygame.Surface:
        """The draft as the map view draws a map, kept until the draft, the camera or the selection changes.

        A stroke makes a new level (the history's), so it is redrawn on the next frame; frames
        in between (the mouse moving, the panel redrawing) only blit it.
        """
        self._follow_grid()
        cam = self.camera
        key = (self.level, cam.zoom_index, (cam.offset.x, cam.offset.y), tuple(cam.rect), self.territory)
        cached = self._canvas_layer
        if cached is not None and cached[0][0] is key[0] and cached[0][1:] == key[1:]:
            return cached[1]
        layer = pygame.Surface(cam.rect.size)
        if pygame.display.get_surface() is not None:
            layer = layer.convert()
        self._draw_map(layer, palette)
        self._canvas_layer = (key, layer)
        return layer

    def _draw_map(self, layer: pygame.Surface, palette: dict[str, pygame.Color]) -> None:  # noqa: C901 - one pass per layer
        """The draft onto ``layer`` (the canvas's size) with the match map's hex drawing and camera.

        A draft need not be a level (no Match can be built from it), so its cells are read from
        the map's tokens; unknown codes are drawn in the 'unknown owner' colour.
        """
        level = self.level
        cam = self.camera
        s = cam.size
        # Camera positions are on screen; the layer's (0, 0) is the canvas's top-left.
        dx, dy = cam.offset.x, cam.offset.y
        nations = {n.id: n for n in level.nations}
        by_code = {t.code: t for t in level.territories}
        selected = next((t.code for t in level.territories if t.id == self.territory), None)
        tokens = self._tokens()
        land_of = {cell: token for cell, token in tokens.items() if token != SEA}
        unknown = colours("#editor")["unknown_owner"]
        # How far a land cell's outline leans from its fill to the background: faint, under the borders.
        cell_shade = number("#editor", "cell_line_shade_percent") / 100
        # How far the territories other than the selected one lean toward the background.
        fade = number("#editor", "unselected_fade_percent") / 100
        hexagon = corners((0, 0), s)
        view = layer.get_rect().inflate(int(4 * s), int(4 * s))

        def place(cell: Cell) -> tuple[float, float]:
            x, y = to_pixel(cell, s)
            return x + dx, y + dy

        def edge(a: Cell, b: Cell) -> hex_draw.Segment:
            (ax, ay), (bx, by) = edge_between(a, b, s)
            return (ax + dx, ay + dy), (bx + dx, by + dy)

        layer.fill(palette["sea"])
        centres: dict[str, list[tuple[float, float]]] = {}
        land: list[tuple[Cell, str]] = []
        for cell, token in tokens.items():
            cx, cy = place(cell)
            if not view.collidepoint(cx, cy):
                continue
            points = [(cx + x, cy + y) for x, y in hexagon]
            if token == SEA:
                coast = any(n in land_of for n in neighbours(cell))
                hex_draw.draw_sea_cell(layer, points, coast, s, palette)
                continue
            territory = by_code.get(token)
            nation = nations.get(territory.owner) if territory else None
            fill = pygame.Color(nation.colour) if nation else pygame.Color(unknown)
            if territory is not None:
                fill = pygame.Color(*hex_draw.terrain_tinted(fill, territory.terrain, palette))
                if territory.code != selected and self.territory is not None:
                    fill = fill.lerp(palette["background"], fade)
            pygame.draw.polygon(layer, fill, points)
            # The cells stay visible for painting, faintly: a border must read as a border.
            pygame.draw.polygon(layer, fill.lerp(palette["background"], cell_shade), points, 1)
            land.append((cell, token))
            centres.setdefault(token, []).append((cx, cy))

        def owner_of(token: str) -> str | None:
            territory = by_code.get(token)
            return territory.owner if territory is not None else None

        hex_draw.draw_borders(layer, land, land_of, owner_of, edge, s, palette)
        if selected in centres:
            # Only the territory's outer boundary: edges whose neighbour is another token (or off the map).
            width = max(2, int(s / 8)) + 1  # as the match outlines its selected territory
            for cell, token in land:
                if token == selected:
                    for other in neighbours(cell):
                        if tokens.get(other) != selected:
                            a, b = edge(cell, other)
                            pygame.draw.line(layer, palette["selected"], a, b, width)
        self._draw_pieces(layer, palette, centres, by_code, nations)

    def _draw_pieces(
        self,
        layer: pygame.Surface,
        palette: dict[str, pygame.Color],
        centres: dict[str, list[tuple[float, float]]],
        by_code: dict[str, Any],
        nations: dict[str, Any],
    ) -> None:
        """Names, capitals and garrison badges, placed as the match places them: the badge a little
        below the territory's middle cell, the name above it, the capital's star right of the name."""
        level = self.level
        s = self.camera.size
        capitals = {n.capital: n.id for n in level.nations if n.capital}
        troops: dict[str, dict[str, int]] = {}
        for g in level.garrisons:
            here = troops.setdefault(g.territory, {})
            here[g.nation] = here.get(g.nation, 0) + g.strength
        label_font = self.app.font(hex_draw.label_font_size(s), bold=True)
        badge_size = hex_draw.badge_font_size(s)
        badge_font = self.app.font(badge_size, bold=True)
        badge_h = badge_font.get_height() + 2
        for code, points in centres.items():
            territory = by_code.get(code)
            xs, ys = zip(*points, strict=True)
            mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
            # The cell nearest the average, so the name sits on the territory.
            cx, cy = min(points, key=lambda p: (p[0] - mx) ** 2 + (p[1] - my) ** 2)
            badge_y = cy + s * 0.2
            name = territory.name if territory is not None and s >= NAME_MIN_SIZE else code
            text = hex_draw.label(label_font, name, palette)
            forces = {n: k for n, k in troops.get(territory.id, {}).items() if k > 0} if territory else {}
            if forces:
                rect = text.get_rect(midbottom=(int(cx), int(badge_y - badge_h / 2 - 2)))
            else:  # no badge to make room for: the name takes the territory's middle
                rect = text.get_rect(center=(int(cx), int(cy)))
            layer.blit(text, rect)
            if territory is None:
                continue
            if territory.id in capitals:
                r = hex_draw.capital_radius(s)
                held = capitals[territory.id] == territory.owner
                fill = palette["capital"] if held else palette["capital_lost"]
                hex_draw.draw_star(layer, (rect.right + r * 0.9, rect.centery), r, fill, palette["capital_outline"])
            badges = [
                hex_draw.badge(
                    badge_font,
                    forces[n],
                    pygame.Color(nations[n].colour) if n in nations else colours("#editor")["unknown_owner"],
                    badge_size,
                    palette,
                )
                for n in sorted(forces, key=lambda n: (n != territory.owner, n))
            ]
            bx = cx - (sum(b.get_width() for b in badges) + 2 * (len(badges) - 1)) / 2
            for badge in badges:
                layer.blit(badge, (bx, badge_y - badge.get_height() / 2))
                bx += badge.get_width() + 2

    def _draw_brush(self, surface: pygame.Surface, palette: dict[str, pygame.Color]) -> None:
        """The cells the tool would touch under the mouse: drawn every frame over the cached map."""
        mouse = pygame.mouse.get_pos()
        cell = self.cell_at(mouse) if self.canvas.collidepoint(mouse) else None
        if cell is None:
            return
        reach = ops.brush(cell, self.radius) if self.tool in ("land", "sea") else [cell]
        hexagon = corners((0, 0), self.camera.size)
        for c in reach:
            cx, cy = self.camera.cell_to_screen(c)
            pygame.draw.polygon(surface, palette["nation_border"], [(cx + x, cy + y) for x, y in hexagon], 2)


def _scope_words(nations: list[str], places: list[str]) -> str:
    parts = (["only against " + listed(nations, "or")] if nations else []) + (
        ["only in " + listed(places, "or")] if places else []
    )
    text = "; ".join(parts)
    return text[:1].upper() + text[1:]
