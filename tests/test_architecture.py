"""The rules core stays pure: no pygame, no files, no bots, no editor (DESIGN.md §7)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import game.core

CORE_DIR = Path(game.core.__file__).resolve().parent
FORBIDDEN = ("pygame", "pygame_gui", "game.ui", "game.io", "game.ai", "game.editor")


def module_name(path: Path) -> str:
    """``.../game/core/level.py`` -> ``game.core.level``; ``__init__.py`` is the package."""
    parts = path.relative_to(CORE_DIR.parent.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def package_of(module: str, is_package: bool = False) -> str:
    """The package a module's relative imports start from: itself for an ``__init__``."""
    return module if is_package else module.rpartition(".")[0]


def from_base(node: ast.ImportFrom, package: str) -> str:
    """The module a ``from ... import`` names, a relative one resolved against ``package``."""
    if not node.level:
        return node.module or ""
    parts = package.split(".")
    anchor = parts[: len(parts) - (node.level - 1)]
    return ".".join(anchor + ([node.module] if node.module else []))


def imported_modules(source: str, module: str, is_package: bool = False) -> set[str]:
    """Every module ``source`` imports, relative imports resolved against ``module``."""
    package = package_of(module, is_package)
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = from_base(node, package)
            found.add(base)
            # `from game import ui` imports the module game.ui.
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def forbidden_in(modules: set[str]) -> list[str]:
    return sorted(name for name in modules for bad in FORBIDDEN if name == bad or name.startswith(bad + "."))


CORE_FILES = sorted(CORE_DIR.rglob("*.py"))


def test_the_core_package_has_modules_to_check() -> None:
    assert CORE_DIR / "__init__.py" in CORE_FILES and len(CORE_FILES) > 1


@pytest.mark.parametrize("path", CORE_FILES, ids=lambda path: module_name(path))
def test_a_core_module_imports_nothing_from_ui_io_bots_editor_or_pygame(path: Path) -> None:
    imports = imported_modules(path.read_text(encoding="utf-8"), module_name(path), path.name == "__init__.py")
    assert forbidden_in(imports) == []


@pytest.mark.parametrize(
    ("source", "module", "caught"),
    [
        ("import pygame", "game.core.x", ["pygame"]),
        ("import pygame_gui.elements as e", "game.core.x", ["pygame_gui.elements"]),
        (
            "from game.io.levels import load_level",
            "game.core.x",
            ["game.io.levels", "game.io.levels.load_level"],
        ),
        ("from game import ui", "game.core.x", ["game.ui"]),
        ("from .. import editor", "game.core.x", ["game.editor"]),
        ("from ..ai import bots", "game.core.x", ["game.ai", "game.ai.bots"]),
        ("from ...io import x", "game.core.sub.y", ["game.io", "game.io.x"]),
        ("from . import hexgrid", "game.core.x", []),
        ("import pygamelike", "game.core.x", []),
    ],
    ids=[
        "import",
        "dotted import",
        "from import",
        "from package import module",
        "relative package import",
        "relative module import",
        "deeper relative import",
        "allowed sibling",
        "name that only starts like pygame",
    ],
)
def test_the_import_check_catches_every_way_of_importing(source: str, module: str, caught: list[str]) -> None:
    assert forbidden_in(imported_modules(source, module)) == caught


def test_importing_the_core_loads_neither_pygame_nor_the_outer_packages() -> None:
    script = (
        "import sys, game.core\n"
        f"bad = {FORBIDDEN!r}\n"
        "print(sorted(m for m in sys.modules for b in bad if m == b or m.startswith(b + '.')))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


# -- No I/O and no global randomness in the rules -----------------------------------------------

# The rules read no files, clocks or environment and write no logs: a match is a function of its
# level, seed and actions, and a replay of a save must find the same world.
IO_MODULES = (
    "os",
    "io",
    "sys",
    "pathlib",
    "shutil",
    "tempfile",
    "time",
    "datetime",
    "logging",
    "socket",
    "subprocess",
    "threading",
    "platformdirs",
)
IO_BUILTINS = ("open", "print", "input", "exec", "eval", "compile", "__import__", "breakpoint")


def io_and_global_random_in(source: str) -> list[str]:
    """Every use of I/O or of the shared ``random`` generator in ``source``, named as written."""
    found: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.split(".")[0] in IO_MODULES]
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            root = node.module.split(".")[0]
            if root in IO_MODULES:
                found.append(node.module)
            elif root == "random":
                found += [f"random.{a.name}" for a in node.names if a.name != "Random"]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in IO_BUILTINS:
            found.append(f"{node.func.id}()")
        elif (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id == "random"
            and node.attr != "Random"
        ):
            found.append(f"random.{node.attr}")
    return found


@pytest.mark.parametrize("path", CORE_FILES, ids=lambda path: module_name(path))
def test_a_core_module_does_no_io_and_draws_only_from_the_matchs_own_generator(path: Path) -> None:
    assert io_and_global_random_in(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    ("source", "caught"),
    [
        ("import os", ["os"]),
        ("import os.path", ["os.path"]),
        ("from time import perf_counter", ["time"]),
        ("import logging", ["logging"]),
        ("open('x')", ["open()"]),
        ("random.random()", ["random.random"]),
        ("from random import choice, Random", ["random.choice"]),
        ("rng = random.Random(3); rng.random()", []),
        ("m.rng.shuffle(xs)", []),
        ("import json, hashlib", []),
    ],
)
def test_the_io_check_catches_files_clocks_logs_and_the_global_generator(source: str, caught: list[str]) -> None:
    assert io_and_global_random_in(source) == caught


# -- One way down: no import cycles among the rules' modules -------------------------------------


def core_import_graph() -> dict[str, set[str]]:
    modules = {module_name(p): p for p in CORE_FILES}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        imports = imported_modules(path.read_text(encoding="utf-8"), name, path.name == "__init__.py")
        # `from game.core import world` names the module game.core.world, not the package.
        graph[name] = {i for i in imports if i in modules and i != name and i != "game.core"}
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle as a path that starts and ends on the same module, or [] if there is none."""
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    path: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return path[path.index(nxt) :] + [nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        path.pop()
        state[node] = 2
        return []

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return []


def test_no_core_module_imports_one_that_imports_it_back() -> None:
    assert find_cycle(core_import_graph()) == []


def test_the_cycle_check_finds_a_cycle_through_three_modules() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert find_cycle(graph) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set(), "c": {"a", "b"}}) == []


def test_each_rule_family_has_its_room() -> None:
    # A newcomer finds each rule by the file's name (issue 13's "done when").
    import game.core.cohesion
    import game.core.duties
    import game.core.npc
    import game.core.treaties
    import game.core.victory

    assert callable(game.core.duties.pass_the_buck)
    assert callable(game.core.duties.raise_duties)
    assert callable(game.core.cohesion.drift)
    assert callable(game.core.npc.phase)
    assert callable(game.core.treaties.make_peace) and callable(game.core.treaties.truce_until)
    assert callable(game.core.victory.hegemony)
