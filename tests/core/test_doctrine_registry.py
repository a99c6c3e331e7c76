"""Every doctrine a level may name has one class, found by that name, in a package without cycles."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import get_args

import pytest

import game.core.doctrines
from game.core import doctrines, level
from game.core.doctrines import DOCTRINES, Doctrine, doctrine_of
from tests.core.test_doctrines import match_of

PACKAGE_DIR = Path(game.core.doctrines.__file__).resolve().parent
NAMES = get_args(level.Doctrine)


def test_every_doctrine_a_level_may_name_has_a_class() -> None:
    assert set(DOCTRINES) == set(NAMES) == set(level.DOCTRINES)


@pytest.mark.parametrize("name", NAMES)
def test_a_doctrine_is_registered_under_its_own_name_and_lives_in_the_file_of_that_name(name: str) -> None:
    doctrine = DOCTRINES[name]
    assert isinstance(doctrine, Doctrine) and doctrine.name == name
    assert type(doctrine).__module__ == f"game.core.doctrines.{name}"


@pytest.mark.parametrize("name", NAMES)
def test_a_nation_is_asked_by_the_doctrine_its_level_gives_it(name: str) -> None:
    assert doctrine_of(match_of(name), "middle") is DOCTRINES[name]


def imports_within_the_package(path: Path) -> set[str]:
    """The package's modules ``path`` imports, by file stem; the package itself is ``__init__``."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module is not None:
            if node.module == "game.core.doctrines":
                found.add("__init__")
            elif node.module.startswith("game.core.doctrines."):
                found.add(node.module.rpartition(".")[2])
    return found


def test_the_doctrine_modules_import_each_other_without_a_cycle() -> None:
    graph = {p.stem: imports_within_the_package(p) for p in PACKAGE_DIR.glob("*.py")}
    done: set[str] = set()

    def visit(module: str, path: tuple[str, ...]) -> None:
        assert module not in path, f"import cycle: {' -> '.join((*path, module))}"
        if module not in done:
            for imported in graph[module]:
                visit(imported, (*path, module))
            done.add(module)

    for module in graph:
        visit(module, ())


def test_the_package_still_offers_every_name_the_old_module_did() -> None:
    # STEADFAST_COHESION and HOLLOW_COHESION are gone on purpose: cohesion no longer settles a
    # duty by itself at fixed marks, it moves each doctrine's threshold (NEUTRAL_BOND, BOND_SWAY).
    for name in (
        "decide_offer decide_duty initiatives rank_suitors Decision Initiative NEUTRAL_BOND BOND_SWAY Case Bond"
        " BANDWAGON_MARGIN side_of bloc bloc_power coalition coalition_power menace affinity aggressive_record"
        " proximity border_forces threat threat_of top_donor protector unreliable war_balance war_sides"
    ).split():
        assert hasattr(doctrines, name), name
