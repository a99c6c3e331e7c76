"""The screens restate no rule: nothing under ``game/ui`` reads the rules' numbers or the NPCs' doctrines.

A cost, a defence factor, a deadline or a reason reaches a panel from the core's questions
(``preview``, ``world``, ``legal_actions``) or from the events, which carry the numbers they
changed. A panel that read ``game.core.rules`` itself would go on telling the player a number
the rules no longer use, and one that read ``game.core.doctrines`` would be guessing at a
nation's mind instead of showing what it did. Every way of reaching those modules counts: an
import of any form, a relative one, ``importlib``, or an attribute path through an imported
package (``core.rules.RECRUIT_COST``).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

import game.ui
from tests.test_architecture import from_base, package_of

UI_DIR = Path(game.ui.__file__).resolve().parent
REPO = UI_DIR.parent.parent
FORBIDDEN = ("game.core.rules", "game.core.doctrines")

#: Files under game/ui allowed to reach a forbidden module, by path from the repository root,
#: each with the reason it is presentation and not a rule. Empty: every number the screens show
#: comes from the core's questions. An entry must say why; one no longer needed fails below.
ALLOWED: dict[str, str] = {}


@dataclass(frozen=True)
class Use:
    line: int
    module: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.module}"


def _forbidden(name: str) -> str | None:
    """The forbidden module ``name`` is or lies inside, if any."""
    return next((bad for bad in FORBIDDEN if name == bad or name.startswith(bad + ".")), None)


def _dotted(node: ast.expr) -> list[str] | None:
    """``a.b.c`` as ["a", "b", "c"]; None for anything that is not a plain name path."""
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    return [node.id, *reversed(parts)]


def forbidden_uses(source: str, module: str, is_package: bool = False) -> list[Use]:
    """Every place ``source`` reaches a forbidden module, in order; relative imports resolved against ``module``."""
    package = package_of(module, is_package)
    tree = ast.parse(source)
    uses: list[Use] = []
    bound: dict[str, str] = {}  # a name in the file -> the module path it stands for
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    bound[alias.asname] = alias.name
                else:
                    root = alias.name.split(".")[0]  # `import game.core.rules` binds `game`
                    bound[root] = root
                if bad := _forbidden(alias.name):
                    uses.append(Use(node.lineno, bad))
        elif isinstance(node, ast.ImportFrom):
            base = from_base(node, package)
            for alias in node.names:
                full = f"{base}.{alias.name}"
                bound[alias.asname or alias.name] = full
                if bad := _forbidden(base) or _forbidden(full):
                    uses.append(Use(node.lineno, bad))
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):  # `core.rules.X` is seen twice, as it and as `core.rules`: one use
            parts = _dotted(node)
            if parts and parts[0] in bound:
                path = ".".join([bound[parts[0]], *parts[1:]])
                if bad := _forbidden(path):
                    uses.append(Use(node.lineno, bad))
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            name = _dotted(node.func)
            target = node.args[0].value
            if name and name[-1] in ("import_module", "__import__") and isinstance(target, str):
                if bad := _forbidden(target):
                    uses.append(Use(node.lineno, bad))
    return sorted(set(uses), key=lambda use: (use.line, use.module))


def _module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


UI_FILES = sorted(UI_DIR.rglob("*.py"))


def _uses_in(path: Path) -> list[Use]:
    return forbidden_uses(path.read_text(encoding="utf-8"), _module_name(path), path.name == "__init__.py")


def test_there_are_screens_to_check() -> None:
    assert UI_DIR / "panels" / "duty.py" in UI_FILES and len(UI_FILES) > 10


@pytest.mark.parametrize("path", UI_FILES, ids=lambda path: str(path.relative_to(UI_DIR)))
def test_no_screen_reads_the_rules_numbers_or_the_doctrines(path: Path) -> None:
    if str(path.relative_to(REPO)) in ALLOWED:
        pytest.skip(ALLOWED[str(path.relative_to(REPO))])
    uses = _uses_in(path)
    assert uses == [], f"{path.relative_to(REPO)} restates a rule: " + "; ".join(map(str, uses))


def test_every_allowance_names_a_screen_that_still_needs_it_and_says_why() -> None:
    # Empty today: no screen needs a rule number. An entry must say why and must still be needed.
    for entry, why in ALLOWED.items():
        assert why.strip(), f"{entry} is allowed without a reason"
        assert _uses_in(REPO / entry), f"{entry} no longer reads the rules: take it off the list"


@pytest.mark.parametrize(
    ("source", "module", "caught"),
    [
        ("from game.core import rules", "game.ui.panels.x", ["game.core.rules"]),
        ("from game.core import rules as r", "game.ui.panels.x", ["game.core.rules"]),
        ("from game.core import Match, doctrines", "game.ui.x", ["game.core.doctrines"]),
        ("import game.core.rules", "game.ui.x", ["game.core.rules"]),
        ("import game.core.rules as numbers", "game.ui.x", ["game.core.rules"]),
        ("from game.core.rules import RECRUIT_COST", "game.ui.x", ["game.core.rules"]),
        ("from game.core.doctrines.measures import power", "game.ui.x", ["game.core.doctrines"]),
        ("from ...core import rules", "game.ui.panels.x", ["game.core.rules"]),
        ("from ..core.doctrines import decide_offer", "game.ui.x", ["game.core.doctrines"]),
        ("import game.core as core\nx = core.rules.RECRUIT_COST", "game.ui.x", ["game.core.rules"]),
        ("import game.core\nx = game.core.rules.RECRUIT_COST", "game.ui.x", ["game.core.rules"]),
        ("from game import core\ncore.doctrines.decide_offer(m, o)", "game.ui.x", ["game.core.doctrines"]),
        ("import importlib\nimportlib.import_module('game.core.rules')", "game.ui.x", ["game.core.rules"]),
        ("__import__('game.core.doctrines')", "game.ui.x", ["game.core.doctrines"]),
        ("from game.core import world\nworld.exercise_cost()", "game.ui.x", []),
        ("from game.core.level import DOCTRINES", "game.ui.x", []),
        ("import game.core as core\ncore.preview(m, a)", "game.ui.x", []),
        ("rules = []\nrules.append(1)", "game.ui.x", []),
        ("from game.core import world as rules\nrules.defence_factors(m, t)", "game.ui.x", []),
        ("from . import rules_of_play", "game.ui.x", []),
    ],
    ids=[
        "from package import module",
        "from package import module as alias",
        "among other names",
        "import dotted",
        "import dotted as alias",
        "from module import name",
        "from a module inside a doctrines package",
        "relative from package",
        "relative from module",
        "attribute path through an alias",
        "attribute path through the full name",
        "attribute path through a from-imported package",
        "importlib",
        "__import__",
        "the world's questions",
        "the level format's doctrine names",
        "the preview",
        "a local name that happens to be rules",
        "another module bound to the name rules",
        "a sibling whose name only starts like rules",
    ],
)
def test_the_check_catches_every_way_of_reaching_the_rules(source: str, module: str, caught: list[str]) -> None:
    assert [use.module for use in forbidden_uses(source, module)] == caught
