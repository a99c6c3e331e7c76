"""The map editor holds its shape: only its controller changes the draft, and the controller draws nothing.

The draft changes in three ways: a pure operation of :mod:`game.editor` makes a new level, the
:class:`~game.editor.EditHistory` records it (or steps back and forth through undo and redo),
and the level is written to a file. Each of these is the controller's alone in ``game/ui``: a
screen that ran an operation itself would change the draft behind undo's back, and one that
wrote the file would skip the draft/problem rule of saving.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import game.editor
from tests.ui.test_ui_architecture import REPO, UI_DIR, UI_FILES, ui_imports

CONTROLLER = "game/ui/scenes/editor_controller.py"
#: What game.editor offers that only reads a level (or is a value): anyone may use these.
READS = {"EditError", "Pick", "brush", "eyedropper"}
#: The operations that make a new draft, the history that records it, and the file writer.
CHANGES = (set(game.editor.__all__) - READS) | {"save_level"}
HISTORY_STEPS = {"apply", "undo", "redo", "mark_saved"}
EDITOR_MODULES = {"game.editor"} | {f"game.editor.{p.stem}" for p in Path(game.editor.__file__).parent.glob("*.py")}


def draft_changes(source: str) -> list[tuple[int, str]]:
    """(line, what) for each way ``source`` changes a draft: an operation, a history step, a level written."""
    tree = ast.parse(source)
    aliases: set[str] = set()  # the names a module gave to game.editor (``from game import editor as ops``)
    found: list[tuple[int, str]] = []
    # Names imported only for type hints change nothing: ``if TYPE_CHECKING:`` blocks never run.
    hints = {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
        for inner in ast.walk(ast.Module(body=node.body, type_ignores=[]))
    }
    for node in ast.walk(tree):
        if id(node) in hints:
            continue
        if isinstance(node, ast.Import):
            aliases.update(a.asname or a.name for a in node.names if a.name in EDITOR_MODULES)
        elif isinstance(node, ast.ImportFrom) and node.module == "game" and node.level == 0:
            aliases.update(a.asname or a.name for a in node.names if a.name == "editor")
        elif (
            isinstance(node, ast.ImportFrom) and node.level == 0 and node.module in (*EDITOR_MODULES, "game.io.levels")
        ):
            found.extend((node.lineno, a.name) for a in node.names if a.name in CHANGES)
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in CHANGES and ast.unparse(node.value) in aliases:
            found.append((node.lineno, ast.unparse(node)))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in HISTORY_STEPS:
            owner = ast.unparse(node.func.value)
            if owner == "history" or owner.endswith(".history"):
                found.append((node.lineno, ast.unparse(node.func)))
        elif isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Attribute) and target.attr == "history":
                    found.append((node.lineno, f"{ast.unparse(target)} = ..."))
    return sorted(set(found))


@pytest.mark.parametrize(
    ("source", "caught"),
    [
        ("from game import editor as ops\nlevel = ops.paint(level, cells, 'C')", ["ops.paint"]),
        ("import game.editor as ops\nops.set_meta(level, title='x')", ["ops.set_meta"]),
        ("from game.editor import update_nation", ["update_nation"]),
        ("from game.editor.territories import set_capital as capital", ["set_capital"]),
        ("from game.io.levels import save_level", ["save_level"]),
        ("self.controller.history.undo()", ["self.controller.history.undo"]),
        ("history.apply('paint', new)", ["history.apply"]),
        ("self.history = EditHistory(level)", ["self.history = ..."]),
        ("from game import editor as ops\ncells = ops.brush(cell, 1)\nops.eyedropper(level, cell)", []),
        ("from game.editor.problems import problem_line", []),
        ("if TYPE_CHECKING:\n    from game.editor import EditHistory", []),
        ("match = core.apply(match, action)", []),
        ("self.camera.pan(1, 2)", []),
    ],
    ids=[
        "operation",
        "module alias",
        "imported",
        "submodule",
        "file written",
        "undo",
        "history step",
        "new history",
        "read only",
        "problems",
        "type hint",
        "core apply",
        "camera",
    ],
)
def test_the_draft_check_sees_each_way_of_changing_a_draft(source: str, caught: list[str]) -> None:
    assert [what for _, what in draft_changes(source)] == caught


@pytest.mark.parametrize("path", UI_FILES, ids=lambda p: str(p.relative_to(UI_DIR)))
def test_only_the_editor_controller_changes_the_draft(path: Path) -> None:
    rel = path.relative_to(REPO).as_posix()
    if rel == CONTROLLER:
        return
    found = draft_changes(path.read_text(encoding="utf-8"))
    assert found == [], f"{rel} changes the draft ({found}): ask the EditorController instead"


def test_the_editor_controller_still_changes_the_draft_and_needs_no_screen() -> None:
    source = (REPO / CONTROLLER).read_text(encoding="utf-8")
    changes = {what for _, what in draft_changes(source)}
    assert {"self.history.apply", "self.history.undo", "save_level", "ops.paint"} <= changes
    imports = ui_imports(source, "game.ui.scenes.editor_controller", deferred=True)
    screens = sorted(i for i in imports if i.split(".")[0] in ("pygame", "pygame_gui"))
    assert screens == [], f"the editor controller imports {screens}: it must run without a window"
