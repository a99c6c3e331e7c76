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


def imported_modules(source: str, module: str, is_package: bool = False) -> set[str]:
    """Every module ``source`` imports, relative imports resolved against ``module``."""
    package = module if is_package else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                anchor = parts[: len(parts) - (node.level - 1)]
                base = ".".join(anchor + ([node.module] if node.module else []))
            else:
                base = node.module or ""
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
