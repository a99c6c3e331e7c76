"""The map editor's controller: the draft level, its undo and redo, its problems, saving and recovery.

It is the one place of the editor that changes the draft. Every change is a pure operation of
:mod:`game.editor` recorded in an :class:`~game.editor.EditHistory` (:meth:`EditorController.edit`),
so undo and redo cover everything. It also keeps what the map maker has picked (tool, brush,
territory, nation) and the status line, because the operations read them.

What needs the screen (rebuild the panel after a change, refit the canvas to a new grid, show a
notice) it asks of its host, the scene, through :class:`EditorHost`; without a host it runs
headless, which is how the tests drive it. It imports neither pygame nor pygame_gui.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Protocol

from game import editor as ops
from game.core import Level, level_problems
from game.core.hexgrid import Cell, neighbours
from game.core.level import SEA, Alliance, Problem, Territory, TurnOrder
from game.editor.naming import slug, unique_place_name, unused_code, unused_id
from game.editor.nations import PALETTE
from game.editor.problems import problem_line
from game.io.atomic import write_problem
from game.io.levels import LevelError, save_level
from game.io.paths import maps_dir, user_data_dir

#: A new, blank draft's size and title.
BLANK_SIZE, BLANK_TITLE = (16, 11), "Untitled map"
AUTOSAVE_SECONDS = 60.0
COHESION_STEP = 5
#: The longest names the editor keeps (a title, a territory's or a nation's name).
TITLE_LENGTH, NAME_LENGTH = 100, 60
Tool = Literal["land", "sea", "fill", "eyedropper", "capital", "garrison"]
TOOL_HINTS: dict[str, str] = {
    "land": "Paint the selected territory's land",
    "sea": "Paint sea",
    "fill": "Flood-fill a region with the selected territory (or sea with the Sea tool last used)",
    "eyedropper": "Pick the territory under the cursor",
    "capital": "Make the clicked territory its owner's capital",
    "garrison": "Left click: one more troop for the owner; right click: one fewer",
}
#: The tools that paint with the brush (its radius counts); the others touch the cell clicked.
BRUSH_TOOLS = ("land", "sea")


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


class EditorHost(Protocol):
    """What the controller asks of the screen that shows the draft."""

    def show(self, rebuild: bool) -> None:
        """The draft or the selection changed: rebuild the panel (False: only the bar and problems)."""

    def refit(self) -> None:
        """The grid is new (a resize, a generated or recovered map): fit the canvas to it."""

    def tell(self, text: str, error: bool) -> None:
        """Show ``text`` as a notice."""

    def may_autosave(self) -> bool:
        """Recovery copies may be written (headless tools must leave the player's files alone)."""


class Headless:
    """The host of a controller with no screen: it notices nothing, and recovery copies are written."""

    def show(self, rebuild: bool) -> None:
        pass

    def refit(self) -> None:
        pass

    def tell(self, text: str, error: bool) -> None:
        pass

    def may_autosave(self) -> bool:
        return True


@dataclass(frozen=True)
class ScenarioForm:
    """The Scenario window's fields as typed: read by :meth:`EditorController.apply_scenario`."""

    title: str
    briefing: str
    rounds: str
    share: str
    width: str
    height: str
    order: TurnOrder | None = None  # None: keep the draft's


class EditorController:
    """The draft, its history and its problems; the only code of the editor that changes the draft."""

    def __init__(
        self,
        level: Level | None = None,
        path: str | Path | None = None,
        host: EditorHost | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self.host: EditorHost = host or Headless()
        self.path: Path | None = Path(path) if path is not None else None
        self.history = ops.EditHistory(level or ops.new_level(*BLANK_SIZE, BLANK_TITLE), saved=level is not None)
        self.tool: str = "land"
        self.radius = 0
        self.territory: str | None = None
        self.nation: str | None = None
        #: The neighbour that would receive the land of the nation the map maker asked to delete.
        self.heir: str | None = None
        self.status = "New map: create a nation, then a territory, then paint its land."
        self.rng = rng or random.Random()
        self.since_autosave = 0.0
        #: A blank editor found the recovery copy of an unsaved map: the scene asks what to do with it.
        self.recovery_found = level is None and recovery_path().exists()
        if self.recovery_found:
            self.status = "An unsaved map was found: recover it or discard it."
        if level is not None:
            self.status = f"Editing {self.path.name if self.path else level.title}"
        self._select_defaults()
        self.problems: list[Problem] = level_problems(self.level)

    # What the screen reads ------------------------------------------------------
    @property
    def level(self) -> Level:
        """The draft as it stands now."""
        return self.history.level

    def selected_territory(self) -> Territory | None:
        return next((t for t in self.level.territories if t.id == self.territory), None)

    def nation_name(self, nation_id: str) -> str:
        return next((n.name for n in self.level.nations if n.id == nation_id), nation_id)

    def territory_name(self, territory_id: str) -> str:
        return next((t.name for t in self.level.territories if t.id == territory_id), territory_id)

    def nation_id(self, name: str) -> str:
        return next((n.id for n in self.level.nations if n.name == name), name)

    def problem_lines(self) -> list[str]:
        """The problems in the map maker's words (names, never ids)."""
        return [problem_line(self.level, p) for p in self.problems]

    def tokens(self) -> dict[Cell, str]:
        """Every cell of the grid and what it holds: a territory's code or the sea."""
        grid = self.level.map
        out: dict[Cell, str] = {}
        for r, line in enumerate(grid.rows[: grid.height]):
            for c, token in enumerate(line.split()[: grid.width]):
                out[(c, r)] = token
        for r in range(grid.height):
            for c in range(grid.width):
                out.setdefault((c, r), SEA)
        return out

    def cells_of(self, territory_id: str) -> list[Cell]:
        code = next((t.code for t in self.level.territories if t.id == territory_id), None)
        return [cell for cell, token in self.tokens().items() if token == code]

    def territory_at(self, cell: Cell) -> Territory | None:
        pick = ops.eyedropper(self.level, cell)
        return next((t for t in self.level.territories if t.id == pick.territory), None)

    def reach(self, cell: Cell) -> list[Cell]:
        """The cells the tool would touch if ``cell`` were clicked."""
        return list(ops.brush(cell, self.radius)) if self.tool in BRUSH_TOOLS else [cell]

    # The one way the draft changes ----------------------------------------------
    def edit(self, label: str, fn: Callable[..., Level], *args: Any, merge: bool = False, **kwargs: Any) -> bool:
        """Run one pure editor operation and record it; an EditError becomes the status line."""
        try:
            new = fn(self.level, *args, **kwargs)
        except ops.EditError as err:
            self.set_status(f"Cannot {label}: {err}", error=True)
            return False
        changed = self.history.apply(label, new, merge=merge)
        if changed:
            self._changed(rebuild=not merge or label != "paint")
        return changed

    def end_stroke(self) -> None:
        """A dragged stroke is finished: the panel, kept while painting, shows the draft again."""
        self._changed()

    def _changed(self, rebuild: bool = True) -> None:
        self._select_defaults()
        self.problems = level_problems(self.level)
        self.host.show(rebuild)

    def _select_defaults(self) -> None:
        ids = [t.id for t in self.level.territories]
        if self.territory not in ids:
            self.territory = ids[0] if ids else None
        nids = [n.id for n in self.level.nations]
        if self.nation not in nids:
            self.nation = nids[0] if nids else None

    def set_status(self, text: str, error: bool = False) -> None:
        self.status = text
        if error:
            self.host.tell(text, True)

    def undo(self) -> bool:
        if not self.history.can_undo:
            return False
        label = self.history.undo_label
        self.history.undo()
        self.set_status(f"{label} done")
        self._changed()
        return True

    def redo(self) -> bool:
        if not self.history.can_redo:
            return False
        label = self.history.redo_label
        self.history.redo()
        self.set_status(f"{label} done")
        self._changed()
        return True

    # Picking --------------------------------------------------------------------
    def select_tool(self, tool: str) -> None:
        self.tool = tool
        self.set_status(TOOL_HINTS[tool])
        self.host.show(True)

    def select_brush(self, radius: int) -> None:
        self.radius = radius
        self.host.show(True)

    def select_territory(self, territory_id: str | None) -> None:
        """Select a territory to edit; the tool becomes Land unless it already paints with it."""
        if territory_id in {t.id for t in self.level.territories}:
            self.territory = territory_id
            if self.tool not in ("land", "fill"):
                self.tool = "land"
        self.host.show(True)

    def select_nation(self, nation_id: str | None) -> None:
        if nation_id in {n.id for n in self.level.nations}:
            self.nation = nation_id
        self.host.show(True)

    # The canvas's tools ---------------------------------------------------------
    def _paint_token(self) -> str | None:
        if self.tool == "sea":
            return SEA
        territory = self.selected_territory()
        if territory is None:
            self.set_status("Choose or create a territory to paint its land", error=True)
            return None
        return territory.code

    def paint(self, cell: Cell | None, merge: bool = False) -> bool:
        """Paint the brush's cells around ``cell`` (``merge``: as more of one stroke); False: the stroke stops."""
        token = self._paint_token()
        if cell is None or token is None:
            return False
        self.edit("paint", ops.paint, ops.brush(cell, self.radius), token, merge=merge)
        return True

    def fill(self, cell: Cell) -> bool:
        token = self._paint_token()
        return token is not None and self.edit("fill", ops.fill, cell, token)

    def pick(self, cell: Cell) -> None:
        """The eyedropper: select the territory (and its owner) under ``cell`` to paint it, or the sea."""
        found = ops.eyedropper(self.level, cell)
        if found.territory is None:
            self.tool = "sea"
            self.set_status("Picked: sea")
        else:
            self.territory, self.tool = found.territory, "land"
            owner = next(t.owner for t in self.level.territories if t.id == found.territory)
            if owner in {n.id for n in self.level.nations}:
                self.nation = owner
            self.set_status(f"Picked {self.territory_name(found.territory)}")
        self.host.show(True)

    def make_capital(self, cell: Cell) -> bool:
        territory = self.territory_at(cell)
        if territory is None:
            self.set_status("A capital must be a territory, not sea", error=True)
            return False
        if not self.edit("set capital", ops.set_capital, territory.owner, territory.id):
            return False
        self.set_status(f"{territory.name} is now the capital of {self.nation_name(territory.owner)}")
        return True

    def garrison(self, cell: Cell, delta: int) -> bool:
        """One troop more (or fewer) of the owner on the territory at ``cell``."""
        territory = self.territory_at(cell)
        if territory is None:
            self.set_status("Troops stand on territories, not at sea", error=True)
            return False
        strength = sum(
            g.strength for g in self.level.garrisons if g.territory == territory.id and g.nation == territory.owner
        )
        new = max(0, strength + delta)
        if not self.edit("set garrison", ops.set_garrison, territory.id, territory.owner, new):
            return False
        self.set_status(f"{territory.name}: {new} troops of {self.nation_name(territory.owner)}")
        return True

    # Territories and nations ----------------------------------------------------
    @staticmethod
    def _typed(text: str, limit: int) -> str:
        return text.strip()[:limit]

    def rename_map(self, text: str) -> bool:
        """False for an empty name: the draft keeps its title."""
        title = self._typed(text, TITLE_LENGTH)
        return bool(title) and self.edit("rename map", ops.set_meta, title=title)

    def rename_territory(self, text: str) -> bool:
        name = self._typed(text, NAME_LENGTH)
        return bool(name and self.territory) and self.edit(
            "rename territory", ops.update_territory, self.territory, name=name
        )

    def rename_nation(self, text: str) -> bool:
        name = self._typed(text, NAME_LENGTH)
        return bool(name and self.nation) and self.edit("rename nation", ops.update_nation, self.nation, name=name)

    def set_value(self, value: int) -> bool:
        return bool(self.territory) and self.edit("change value", ops.update_territory, self.territory, value=value)

    def set_terrain(self, terrain: str) -> bool:
        return bool(self.territory) and self.edit(
            "change terrain", ops.update_territory, self.territory, terrain=terrain
        )

    def set_owner(self, nation_id: str) -> bool:
        return bool(self.territory) and self.edit("change owner", ops.update_territory, self.territory, owner=nation_id)

    def set_doctrine(self, doctrine: str) -> bool:
        return bool(self.nation) and self.edit("change doctrine", ops.update_nation, self.nation, doctrine=doctrine)

    def assign_seat(self, seat: int | None) -> bool:
        """Give the selected nation to seat 0 or 1, or (None) leave it to the NPCs."""
        return bool(self.nation) and self.edit("assign seat", ops.assign_seat, self.nation, seat)

    def seat_of(self, nation_id: str) -> int | None:
        return next((i for i, s in enumerate(self.level.seats) if nation_id in s.nations), None)

    def next_colour(self) -> bool:
        """The selected nation takes the palette's next colour."""
        nation = next((n for n in self.level.nations if n.id == self.nation), None)
        if nation is None:
            return False
        lower = [c.lower() for c in PALETTE]
        index = lower.index(nation.colour.lower()) if nation.colour.lower() in lower else -1
        return self.edit("change colour", ops.update_nation, nation.id, colour=PALETTE[(index + 1) % len(PALETTE)])

    def new_nation(self) -> bool:
        level = self.level
        number = len(level.nations) + 1
        names = {n.name for n in level.nations}
        while f"Nation {number}" in names:
            number += 1
        name = f"Nation {number}"
        nid = unused_id(name, [n.id for n in level.nations])
        if not self.edit("new nation", ops.create_nation, nid, name):
            return False
        self.nation = nid
        self.set_status(f"Created {name}: give it a seat, a territory and a capital")
        self.host.show(True)
        return True

    def new_territory(self) -> bool:
        level = self.level
        owner = self.nation or (level.nations[0].id if level.nations else None)
        if owner is None:
            self.set_status("Create a nation first: every territory has an owner", error=True)
            return False
        taken = {t.id for t in level.territories}
        name = unique_place_name(self.rng, set(taken))
        tid = unused_id(name, taken)
        code = unused_code(name, {t.code for t in level.territories})
        if not self.edit("new territory", ops.create_territory, tid, name, code, owner):
            return False
        self.territory, self.tool = tid, "land"
        self.set_status(f"Created {name} [{code}]: paint its cells with the Land tool")
        self.host.show(True)
        return True

    def delete_territory(self) -> bool:
        if self.territory is None:
            return False
        name = self.territory_name(self.territory)
        if not self.edit("delete territory", ops.delete_territory, self.territory):
            return False
        self.set_status(f"Deleted {name} (undo brings it back)")
        return True

    def delete_nation(self) -> Literal["deleted", "ask", "refused"]:
        """Delete the selected nation; "ask": it has land, and :attr:`heir`, its neighbour, could take it."""
        nid = self.nation
        if nid is None:
            return "refused"
        name = self.nation_name(nid)
        try:
            ops.delete_nation(self.level, nid)
        except ops.EditError as err:
            self.heir = self.neighbour_of(nid)
            if self.heir is None:
                self.set_status(f"Cannot delete nation: {err}", error=True)
                return "refused"
            return "ask"
        if not self.edit("delete nation", ops.delete_nation, nid):
            return "refused"
        self.set_status(f"Deleted {name} (undo brings it back)")
        return "deleted"

    def delete_nation_to_heir(self) -> bool:
        """The answer to "ask": the selected nation's land goes to :attr:`heir`, and the nation goes."""
        if not (self.nation and self.heir):
            return False
        name, heir = self.nation_name(self.nation), self.nation_name(self.heir)
        if not self.edit("delete nation", ops.delete_nation, self.nation, heir=self.heir):
            return False
        self.set_status(f"Deleted {name}: its land went to {heir} (undo brings it back)")
        return True

    def neighbour_of(self, nation_id: str) -> str | None:
        """The owner of a territory bordering ``nation_id``'s land (sea crossings not counted)."""
        owner_of = {t.code: t.owner for t in self.level.territories}
        tokens = self.tokens()
        for cell, token in tokens.items():
            if owner_of.get(token) != nation_id:
                continue
            for other in neighbours(cell):
                owner = owner_of.get(tokens.get(other, SEA))
                if owner is not None and owner != nation_id:
                    return owner
        return None

    # The scenario ---------------------------------------------------------------
    def apply_scenario(self, form: ScenarioForm) -> bool:
        """Title, briefing, round limit, hegemony share, turn order and map size, as one step."""
        level = self.level
        try:
            rounds = int(form.rounds.strip())
            share = float(form.share.strip().rstrip("%"))
            width = int(form.width.strip())
            height = int(form.height.strip())
        except ValueError:
            self.set_status("Round limit and map size are whole numbers, hegemony share a fraction (0.6)", error=True)
            return False
        if share > 1:
            share /= 100  # typed as a percentage
        title = form.title.strip()[:TITLE_LENGTH] or level.title
        order = form.order or level.turn_order

        def scenario(lv: Level) -> Level:
            lv = ops.set_meta(
                lv, title=title, briefing=form.briefing, round_limit=rounds, hegemony_share=share, turn_order=order
            )
            if (width, height) != (lv.map.width, lv.map.height):
                lv = ops.resize_map(lv, width, height)
            return lv

        resized = (width, height) != (level.map.width, level.map.height)
        if not self.edit("edit scenario", scenario):
            return False
        if resized:
            self.host.refit()
        self.set_status("Scenario updated")
        return True

    # Treaties -------------------------------------------------------------------
    def add_alliance(self, name: str, members: list[str | None]) -> bool:
        """A new alliance of two nations (None: not picked yet); unnamed, it is "Alliance <n>"."""
        alliances = self.level.treaties.alliances
        name = name.strip() or f"Alliance {len(alliances) + 1}"
        picked = [m for m in members if m is not None]
        if len(picked) < len(members) or len(picked) < 2:
            self.set_status("Cannot add alliance: pick two members", error=True)
            return False
        aid = unused_id(name, [a.id for a in alliances])
        if not self.edit("add alliance", ops.add_alliance, aid, name, picked):
            return False
        self.set_status(f"Added the alliance {name}")
        return True

    def toggle_article_5(self, index: int) -> bool:
        a = self.level.treaties.alliances[index]
        return self.edit("toggle Article 5", ops.update_alliance, a.id, collective_defence=not a.collective_defence)

    def step_cohesion(self, index: int, up: bool) -> bool:
        a = self.level.treaties.alliances[index]
        step = COHESION_STEP if up else -COHESION_STEP
        return self.edit("change cohesion", ops.update_alliance, a.id, cohesion=max(0, min(100, a.cohesion + step)))

    def add_member(self, index: int, nation_id: str) -> bool:
        alliance = self.level.treaties.alliances[index]
        return self.edit(
            "add alliance member", ops.update_alliance, alliance.id, members=[*alliance.members, nation_id]
        )

    def drop_member(self, index: int, nation_id: str) -> bool:
        alliance = self.level.treaties.alliances[index]
        members = [m for m in alliance.members if m != nation_id]
        return self.edit("remove alliance member", ops.update_alliance, alliance.id, members=members)

    def remove_alliance(self, index: int) -> bool:
        return self.edit("remove alliance", ops.remove_alliance, self.level.treaties.alliances[index].id)

    def clear_scope(self, kind: Literal["al", "g"], index: int) -> bool:
        """An alliance's (``al``) or a guarantee's (``g``) scope back to anyone, anywhere."""
        treaties = self.level.treaties
        if kind == "al":
            return self.edit(
                "clear scope", ops.update_alliance, treaties.alliances[index].id, against=[], territories=[]
            )
        g = treaties.guarantees[index]
        return self.edit("clear scope", ops.update_guarantee, g.guarantor, g.guaranteed, against=[], territories=[])

    def toggle_scope(
        self, kind: Literal["al", "g"], clause: Literal["against", "area"], index: int, named: str
    ) -> bool:
        """Add ``named`` (a nation or a territory) to a treaty's scope, or drop it if it is there."""
        treaties = self.level.treaties
        treaty = treaties.alliances[index] if kind == "al" else treaties.guarantees[index]
        current = treaty.against if clause == "against" else treaty.territories
        names = [i for i in current if i != named] if named in current else [*current, named]
        change: dict[str, Any] = {"against" if clause == "against" else "territories": names}
        if isinstance(treaty, Alliance):
            return self.edit("change scope", ops.update_alliance, treaty.id, **change)
        return self.edit("change scope", ops.update_guarantee, treaty.guarantor, treaty.guaranteed, **change)

    def add_pair(self, kind: Literal["guarantee", "pact"], first: str | None, second: str | None) -> bool:
        """A guarantee (``first`` guarantees ``second``) or a non-aggression pact between two nations."""
        if first is None or second is None:
            self.set_status(f"Cannot add {kind}: pick two nations", error=True)
            return False
        operation = ops.add_guarantee if kind == "guarantee" else ops.add_pact
        if not self.edit(f"add {kind}", operation, first, second):
            return False
        self.set_status(f"Added the {kind}")
        return True

    def remove_guarantee(self, index: int) -> bool:
        g = self.level.treaties.guarantees[index]
        return self.edit("remove guarantee", ops.remove_guarantee, g.guarantor, g.guaranteed)

    def remove_pact(self, index: int) -> bool:
        return self.edit("remove pact", ops.remove_pact, *self.level.treaties.pacts[index].members)

    # Whole drafts ---------------------------------------------------------------
    def generate(self) -> bool:
        """A generated map replaces the draft, as one step undo takes back."""
        grid = self.level.map
        seed = self.rng.randrange(1, 2**31)
        try:
            level = ops.generate_level(seed, max(grid.width, 12), max(grid.height, 8), 4)
        except ops.EditError as err:
            self.set_status(f"Cannot generate: {err}", error=True)
            return False
        if not self.history.apply("generate", level):
            return False
        self.territory = self.nation = None
        self.set_status(f"Generated a map with seed {seed} (undo brings yours back)")
        self.host.refit()
        self._changed()
        return True

    def recover(self) -> bool:
        """The recovery copy becomes the draft (unsaved), with a fresh history."""
        try:
            level = load_draft(recovery_path())
        except (LevelError, OSError, ValueError) as err:
            self.set_status(f"Cannot recover: {err}", error=True)
            return False
        self.history = ops.EditHistory(level, saved=False)
        self.territory = self.nation = None
        self.recovery_found = False
        self.set_status(f"Recovered {level.title}: save it to keep it")
        self.host.refit()
        self._changed()
        return True

    def discard_recovery(self) -> None:
        recovery_path().unlink(missing_ok=True)
        self.recovery_found = False
        self.set_status("Discarded the unsaved map")

    def ready_to_play(self) -> bool:
        """The draft can be play-tested (no problems); the recovery copy is written first."""
        if self.problems:
            self.set_status("Fix the problems before play-testing", error=True)
            return False
        self.write_recovery()
        return True

    # Files ----------------------------------------------------------------------
    def save(self, path: str | Path | None) -> Path | None:
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
        self.host.tell(self.status, False)
        return target

    def write_recovery(self) -> None:
        """A copy of an unsaved draft, for the next editor to offer back if this one closes unsaved."""
        self.since_autosave = 0.0
        if not self.history.dirty or not self.host.may_autosave():
            return
        try:
            save_level(self.level, recovery_path())
        except OSError as err:
            self.host.tell(f"Recovery copy not written: {recovery_path()}: {write_problem(err)}", True)

    def tick(self, dt: float) -> None:
        """Time passes: a dirty draft gets a recovery copy every :data:`AUTOSAVE_SECONDS`."""
        self.since_autosave += dt
        if self.since_autosave >= AUTOSAVE_SECONDS:
            self.write_recovery()

    # Problems -------------------------------------------------------------------
    def go_to_problem(self, problem: Problem) -> str | None:
        """Select what ``problem`` is about; returns the territory to show, if there is one."""
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
        self.set_status(problem_line(level, problem))
        self.host.show(True)
        return tid
