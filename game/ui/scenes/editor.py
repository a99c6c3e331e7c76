"""The map editor's screen: the draft's hex canvas on the left, tools and forms on the right.

It is glue. :class:`~game.ui.scenes.editor_controller.EditorController` holds the draft, its
undo and redo, its problems, saving and recovery, and makes every change;
:mod:`game.ui.scenes.editor_input` reads keys and mouse into typed commands;
:class:`~game.ui.scenes.editor_view.EditorView` draws the canvas. The scene builds the widgets
(top bar, panel, the Scenario and Treaties windows, prompts) and routes what they and the
commands ask for to the controller.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING, Literal

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

from game.core import Level
from game.core.hexgrid import Cell
from game.core.level import DOCTRINES, TERRAINS, TurnOrder
from game.core.world import listed
from game.io.saves import PLAYTEST_ID
from game.ui import flow
from game.ui.commands import (
    ChangeGarrison,
    EditorCommand,
    EndStroke,
    FillRegion,
    GenerateMap,
    LeaveEditor,
    MakeCapital,
    PaintCells,
    PanCanvas,
    PickAt,
    PickBrush,
    PickTool,
    PlayTest,
    RedoEdit,
    SaveDraft,
    UndoEdit,
    ZoomCanvas,
)
from game.ui.hex_camera import HexCamera
from game.ui.scene import Scene
from game.ui.scenes.editor_controller import (
    TOOL_HINTS,
    EditorController,
    ScenarioForm,
    load_draft,
    recovery_path,
)
from game.ui.scenes.editor_input import EditorInput, button_command
from game.ui.scenes.editor_view import PANEL_WIDTH, TOP_BAR, EditorView

if TYPE_CHECKING:
    from game.core.level import Problem
    from game.editor import EditHistory
    from game.ui.app import App

__all__ = ["EditorScene", "load_draft", "order_labels", "recovery_path"]

TOOLS = (
    ("land", "Land"),
    ("sea", "Sea"),
    ("fill", "Fill"),
    ("eyedropper", "Eyedropper"),
    ("capital", "Capital"),
    ("garrison", "Garrison"),
)
SEATS = ("Seat 1", "Seat 2", "NPC")
NO_CHOICE = "—"
ADD_MEMBER, DROP_MEMBER = "+ member", "− member"
#: Room on the right of a scrolling window for its scroll bar.
SCROLL_ROOM = 20
#: The captions of a treaty's two scope menus; their options add ("+ Germany") or drop ("− Germany") a name.
SCOPE_AGAINST, SCOPE_AREA = "Against…", "Only in…"
#: The commands that a button (or its key) gives: they click as a button does.
CLICKING = (UndoEdit, RedoEdit, SaveDraft, GenerateMap, PlayTest, LeaveEditor, PickTool, PickBrush)


def order_labels(level: Level) -> dict[str, TurnOrder]:
    """The Scenario window's turn-order choices, named with the level's own seats."""
    return {
        "Alternate every round": "alternate",
        f"{level.seats[0].name} first every round": "seat1_first",
        f"{level.seats[1].name} first every round": "seat2_first",
    }


class EditorScene(Scene):
    """The editor's widgets and windows over the view's canvas, routing what they ask to the controller."""

    def __init__(self, app: App, level: Level | None = None, path: str | Path | None = None) -> None:
        super().__init__(app)
        self.controller = EditorController(level, path, host=self)
        self.view = EditorView(self.controller, app.font, app.size)
        self.input = EditorInput()
        self.widgets: dict[str, object] = {}
        self._problem_items: list[str] = []
        # The one dialog window open over the canvas, if any: scenario, treaties, recover or delete_nation.
        self.dialog: str | None = "recover" if self.controller.recovery_found else None
        self._picks: dict[str, str] = {}  # what the treaties window's "new ..." drop-downs show
        self._scope_choices: dict[str, dict[str, str]] = {}  # each scope menu's options, as the ids they name
        self._treaties_scroll: UIScrollingContainer | None = None  # the treaties window's rows, while it is open

    # What the controller and the view hold, as the widgets read it ----------------
    @property
    def level(self) -> Level:
        return self.controller.level

    @property
    def history(self) -> EditHistory:
        return self.controller.history

    @property
    def problems(self) -> list[Problem]:
        return self.controller.problems

    @property
    def status(self) -> str:
        return self.controller.status

    @property
    def territory(self) -> str | None:
        return self.controller.territory

    @territory.setter
    def territory(self, territory_id: str | None) -> None:
        self.controller.territory = territory_id

    @property
    def nation(self) -> str | None:
        return self.controller.nation

    @property
    def camera(self) -> HexCamera:
        return self.view.camera

    @property
    def canvas(self) -> pygame.Rect:
        return self.view.canvas

    def cell_at(self, pos: tuple[float, float]) -> Cell | None:
        return self.view.cell_at(pos)

    def cell_centre(self, cell: Cell) -> tuple[int, int]:
        return self.view.cell_centre(cell)

    # The controller's host ------------------------------------------------------
    def show(self, rebuild: bool) -> None:
        if rebuild:
            self.build()
        else:
            self._refresh_bar()
            self._refresh_problems()

    def refit(self) -> None:
        self.fit()

    def tell(self, text: str, error: bool) -> None:
        self.app.toast(text, error=error)

    def may_autosave(self) -> bool:
        return self.app.autosaves

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
        self.view.fit(self.app.size)

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
            ("undo", self.controller.history.undo_label or "Undo", 150),
            ("redo", self.controller.history.redo_label or "Redo", 150),
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
            if key == self.controller.tool:
                button.select()
        y += 64
        self._label(pygame.Rect(left, y, 80, 28), "Brush")
        for r in range(3):
            button = self._button(f"brush_{r + 1}", pygame.Rect(left + 80 + r * 48, y, 42, 28), str(r + 1))
            if r == self.controller.radius:
                button.select()
        y += 36
        # Territory.
        self._label(pygame.Rect(left, y, span, 20), "TERRITORY")
        y += 22
        territory = next((t for t in level.territories if t.id == self.controller.territory), None)
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
                self.controller.nation_name(territory.owner),
            )
            y += 32
        else:
            self._label(pygame.Rect(left, y, span, 28), "No territory yet: press New.", "@small")
            y += 64
        y += 4
        # Nation.
        self._label(pygame.Rect(left, y, span, 20), "NATION")
        y += 22
        nation = next((n for n in level.nations if n.id == self.controller.nation), None)
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
        items = self.controller.problem_lines()
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
        count = len(self.controller.problems)
        self._problems_label.set_text(f"PROBLEMS ({count}): click one to go to it" if count else "PROBLEMS (0)")

    def _refresh_bar(self) -> None:
        for key, label in (("undo", self.controller.history.undo_label), ("redo", self.controller.history.redo_label)):
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
            play.enable() if not self.controller.problems else play.disable()

    # Routing ------------------------------------------------------------------
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
        command = self.input.read(event, self.view)
        if command is None:
            return False
        self.run(command)
        return True

    def run(self, command: EditorCommand) -> None:  # noqa: C901 - one case per command
        """Carry out what a key, the mouse or a top-bar button asked for."""
        controller = self.controller
        if isinstance(command, CLICKING):
            self.app.sound.play("click")
        match command:
            case UndoEdit():
                controller.undo()
            case RedoEdit():
                controller.redo()
            case SaveDraft(as_new=as_new):
                self.save(None if as_new else controller.path)
            case GenerateMap():
                controller.generate()
            case PlayTest():
                self.playtest()
            case LeaveEditor():
                controller.write_recovery()
                flow.to_menu(self.app)
            case PickTool(tool=tool):
                controller.select_tool(tool)
            case PickBrush(radius=radius):
                controller.select_brush(radius)
            case PanCanvas(dx=dx, dy=dy):
                self.camera.pan(dx, dy)
            case ZoomCanvas(at=at, step=step):
                self.camera.zoom_at(at, step)
            case PaintCells(cell=cell, stroke=stroke):
                if not controller.paint(cell, merge=stroke):
                    self.input.stop_stroke()
            case EndStroke():
                controller.end_stroke()
            case FillRegion(cell=cell):
                controller.fill(cell)
            case PickAt(cell=cell):
                controller.pick(cell)
            case MakeCapital(cell=cell):
                controller.make_capital(cell)
            case ChangeGarrison(cell=cell, delta=delta):
                controller.garrison(cell, delta)

    def press(self, key: str) -> None:  # noqa: C901 - one case per button
        command = button_command(key)
        if command is not None:
            self.run(command)
            return
        self.app.sound.play("click")
        controller = self.controller
        if key == "new_territory":
            controller.new_territory()
        elif key == "new_nation":
            controller.new_nation()
        elif key == "delete_territory":
            controller.delete_territory()
        elif key == "delete_nation":
            if controller.delete_nation() == "ask":
                self.dialog = "delete_nation"
                self.build()
        elif key in ("open_scenario", "open_treaties"):
            self.dialog = key[5:]
            self.build()
        elif key in ("close_window", "prompt_no", "prompt_yes"):
            self.answer(key)
        elif key == "sc_apply":
            self.apply_scenario()
        elif key.startswith(("al_", "g_", "p_")):
            self.press_treaty(key)
        elif key == "nation_colour":
            controller.next_colour()

    def choose(self, key: str, text: str) -> None:
        controller = self.controller
        if key.endswith(("_new_a", "_new_b")) or key == "sc_order":  # applied by their window's button
            self._picks[key] = text
            return
        if key.startswith(("al_against_", "al_area_", "g_against_", "g_area_")):
            self.toggle_scope(key, text)
            return
        if key.startswith(("al_add_", "al_del_")) and text not in (ADD_MEMBER, DROP_MEMBER):
            index = int(key.rsplit("_", 1)[1])
            nid = controller.nation_id(text)
            done = (
                controller.add_member(index, nid) if key.startswith("al_add_") else controller.drop_member(index, nid)
            )
            if not done:
                self.build()
            return
        if key == "territory":
            territory = next((t for t in self.level.territories if f"{t.name} [{t.code}]" == text), None)
            controller.select_territory(territory.id if territory else None)
        elif key == "nation":
            controller.select_nation(controller.nation_id(text))
        elif key == "territory_value":
            controller.set_value(int(text.split()[-1]))
        elif key == "territory_terrain":
            controller.set_terrain(text)
        elif key == "territory_owner":
            controller.set_owner(controller.nation_id(text))
        elif key == "nation_doctrine":
            controller.set_doctrine(text)
        elif key == "nation_seat":
            controller.assign_seat({"Seat 1": 0, "Seat 2": 1}.get(text))

    def type_in(self, key: str, text: str) -> None:
        if key.startswith("sc_"):
            self.apply_scenario()
            return
        if key.startswith("al_"):
            return
        if not text.strip():
            self.build()  # the field shows the name kept again
        elif key == "title":
            self.controller.rename_map(text)
        elif key == "territory_name":
            self.controller.rename_territory(text)
        elif key == "nation_name":
            self.controller.rename_nation(text)

    # Dialog windows ------------------------------------------------------------
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
        elif self.dialog == "delete_nation" and (nation := self.controller.nation) and (gets := self.controller.heir):
            name, heir = self.controller.nation_name(nation), self.controller.nation_name(gets)
            owned = sum(1 for t in self.level.territories if t.owner == nation)
            self._build_prompt(
                "Delete nation",
                f"{name} still owns {owned} territor{'y' if owned == 1 else 'ies'}.",
                f"Give its land to its neighbour {heir} and delete it?",
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
            named = f"{a.name}: " + ", ".join(self.controller.nation_name(m) for m in a.members)
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
            mine = [self.controller.nation_name(m) for m in a.members]
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
                text = f"{self.controller.nation_name(first)} {joiner} {self.controller.nation_name(second)}"
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
        nations = [self.controller.nation_name(n) for n in against]
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
            ("against", against, nations, SCOPE_AGAINST, self.controller.nation_name, x, against_width),
            ("area", territories, land, SCOPE_AREA, lambda t: names.get(t, t), x + against_width + 4, area_width),
        ):
            choices = {f"{'−' if i in named else '+'} {name(i)}": i for i in ids}
            self._scope_choices[key.format(clause)] = choices
            self._dropdown(key.format(clause), pygame.Rect(left, y, width, 28), list(choices), label, container)

    def apply_scenario(self) -> None:
        """The Scenario window's fields, as typed, to the controller (which reads and checks them)."""
        w = self.widgets
        order = order_labels(self.level).get(self._picks.get("sc_order", ""))
        form = ScenarioForm(
            title=w["sc_title"].get_text(),  # type: ignore[attr-defined]
            briefing=w["sc_briefing"].get_text(),  # type: ignore[attr-defined]
            rounds=w["sc_rounds"].get_text(),  # type: ignore[attr-defined]
            share=w["sc_share"].get_text(),  # type: ignore[attr-defined]
            width=w["sc_width"].get_text(),  # type: ignore[attr-defined]
            height=w["sc_height"].get_text(),  # type: ignore[attr-defined]
            order=order,
        )
        self.controller.apply_scenario(form)

    def toggle_scope(self, key: str, text: str) -> None:
        """A scope menu's option: add the name to the treaty's scope, or drop it if it is there."""
        picked = self._scope_choices.get(key, {}).get(text)
        if picked is None:  # the menu's caption
            self.build()
            return
        prefix, clause, index = key.split("_")
        kind: Literal["al", "g"] = "al" if prefix == "al" else "g"
        area: Literal["against", "area"] = "against" if clause == "against" else "area"
        if not self.controller.toggle_scope(kind, area, int(index), picked):
            self.build()

    def _picked(self, prefix: str) -> list[str | None]:
        """The two nations a treaties row's "new ..." menus show (None: not picked yet)."""
        names = [self._picks.get(f"{prefix}_new_{side}", NO_CHOICE) for side in "ab"]
        return [None if name == NO_CHOICE else self.controller.nation_id(name) for name in names]

    def press_treaty(self, key: str) -> None:  # noqa: C901 - one case per button
        controller = self.controller
        index = int(key.rsplit("_", 1)[1]) if key[-1].isdigit() else -1
        if key == "al_add":
            name = self.widgets["al_new_name"].get_text()  # type: ignore[attr-defined]
            if controller.add_alliance(name, self._picked("al")):
                self._picks.pop("al_new_a", None)
                self._picks.pop("al_new_b", None)
        elif key.startswith("al_a5_"):
            controller.toggle_article_5(index)
        elif key.startswith(("al_cminus_", "al_cplus_")):
            controller.step_cohesion(index, up="plus" in key)
        elif key.startswith("al_remove_"):
            controller.remove_alliance(index)
        elif key.startswith("al_scopeclear_"):
            controller.clear_scope("al", index)
        elif key.startswith("g_scopeclear_"):
            controller.clear_scope("g", index)
        elif key == "g_add":
            controller.add_pair("guarantee", *self._picked("g"))
        elif key == "p_add":
            controller.add_pair("pact", *self._picked("p"))
        elif key.startswith("g_del_"):
            controller.remove_guarantee(index)
        elif key.startswith("p_del_"):
            controller.remove_pact(index)

    def answer(self, key: str) -> None:
        """A prompt's button: recover or discard the unsaved map, or give a nation's land away and delete it."""
        dialog, self.dialog = self.dialog, None
        if dialog == "recover":
            if key == "prompt_yes" and self.controller.recover():
                return
            if key == "prompt_no":
                self.controller.discard_recovery()
        elif dialog == "delete_nation" and key == "prompt_yes" and self.controller.delete_nation_to_heir():
            return
        self.build()

    def playtest(self) -> None:
        if not self.controller.ready_to_play():
            return
        # Play-tests share one autosave of their own: trying a map never replaces a real match's autosave,
        # and Continue on the menu still resumes that match.
        match = flow.begin_match(self.level, flow.new_seed(), (flow.HUMAN, flow.HUMAN), PLAYTEST_ID)
        flow.open_match(self.app, match)

    def save(self, path: str | Path | None) -> Path | None:
        """Write the level; with problems it goes to ``<name>.draft.json`` instead. Returns the file written."""
        return self.controller.save(path)

    def update(self, dt: float) -> None:
        self.controller.tick(dt)

    def go_to_problem(self, problem: Problem) -> None:
        territory = self.controller.go_to_problem(problem)
        if territory is not None:
            self.view.centre_on(self.controller.cells_of(territory))

    # Drawing --------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        self.view.size = self.app.size
        self.view.draw(surface, pygame.mouse.get_pos())


def _scope_words(nations: list[str], places: list[str]) -> str:
    parts = (["only against " + listed(nations, "or")] if nations else []) + (
        ["only in " + listed(places, "or")] if places else []
    )
    text = "; ".join(parts)
    return text[:1].upper() + text[1:]
