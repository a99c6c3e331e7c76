"""The screens' own code holds its shape: no import cycles, one theme reader, no dead scaffolding.

Import cycles. A cycle among top-level imports (what runs when a module is first imported)
fails: whether it works depends on which module happens to be imported first, so it breaks
the day someone imports the other one first. ``if TYPE_CHECKING:`` imports never run and do
not count. An import inside a function runs later, when every module is loaded, so it cannot
break loading; but it still ties two modules together both ways (``app.py`` <-> ``theme.py``
was exactly that). So deferred imports are checked too, with one allowance: the screens lead
to one another (the menu opens a match, the match's pause menu goes back to the menu, the
game-over screen offers a rematch), so the scenes and ``flow``, the module of journeys between
them, may reach each other through imports inside functions, which wait until a player
travels. Any other module in such a loop (the theme, the app, a panel, the map) fails, named.
"""

from __future__ import annotations

import ast
import re
import typing
from pathlib import Path

import pytest

import game.ui
from game.ui.theme import sizes
from tests.test_architecture import find_cycle, from_base, package_of

UI_DIR = Path(game.ui.__file__).resolve().parent
REPO = UI_DIR.parent.parent
UI_FILES = sorted(UI_DIR.rglob("*.py"))

#: The modules that may reach one another through imports inside functions: the screens and
#: the journeys between them.
JOURNEYS = ("game.ui.flow", "game.ui.scenes.")


def is_journey(module: str) -> bool:
    return module == JOURNEYS[0] or module.startswith(JOURNEYS[1])


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_type_checking(test: ast.expr) -> bool:
    return "TYPE_CHECKING" in ast.unparse(test)


def ui_imports(source: str, module: str, is_package: bool = False, deferred: bool = False) -> set[str]:
    """The modules ``source`` imports when loaded (or, with ``deferred``, also inside its functions)."""
    package = package_of(module, is_package)
    found: set[str] = set()

    def walk(nodes: list[ast.AST]) -> None:
        for node in nodes:
            if isinstance(node, ast.If) and _is_type_checking(node.test):
                walk(list(node.orelse))
                continue
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda) and not deferred:
                continue
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = from_base(node, package)
                found.add(base)
                found.update(f"{base}.{alias.name}" for alias in node.names)
            walk(list(ast.iter_child_nodes(node)))

    walk(list(ast.parse(source).body))
    return found


def ui_import_graph(deferred: bool = False) -> dict[str, set[str]]:
    modules = {module_name(p): p for p in UI_FILES}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        imports = ui_imports(path.read_text(encoding="utf-8"), name, path.name == "__init__.py", deferred)
        # Every module sits in the package game.ui; `from game.ui import flow` names game.ui.flow.
        graph[name] = {i for i in imports if i in modules and i != name and i != "game.ui"}
    return graph


def loops(graph: dict[str, set[str]]) -> list[frozenset[str]]:
    """The groups of modules that each reach all the others (strongly connected, more than one)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[frozenset[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group: set[str] = set()
            while True:
                top = stack.pop()
                on_stack.discard(top)
                group.add(top)
                if top == node:
                    break
            if len(group) > 1:
                found.append(frozenset(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_there_are_screens_to_check() -> None:
    graph = ui_import_graph()
    assert "game.ui.app" in graph and "game.ui.theme" in graph["game.ui.app"]


def test_no_ui_module_imports_one_that_imports_it_back_when_loading() -> None:
    cycle = find_cycle(ui_import_graph())
    assert cycle == [], "import cycle among top-level imports: " + " -> ".join(cycle)


def test_only_screens_reach_each_other_back_through_imports_inside_functions() -> None:
    tangled = [sorted(m for m in group if not is_journey(m)) for group in loops(ui_import_graph(deferred=True))]
    tangled = [names for names in tangled if names]
    assert tangled == [], f"modules that import each other back (some inside functions): {tangled}"


def test_the_journey_allowance_is_only_for_screens_and_flow() -> None:
    assert is_journey("game.ui.flow") and is_journey("game.ui.scenes.match")
    assert not is_journey("game.ui.theme") and not is_journey("game.ui.app") and not is_journey("game.ui.flowery")


@pytest.mark.parametrize(
    ("modules", "deferred", "loop"),
    [
        ({"a": "import pkg.b", "b": "from pkg.c import x", "c": "import pkg.a"}, False, {"a", "b", "c"}),
        ({"a": "import pkg.b", "b": "def f():\n    import pkg.a"}, False, None),
        ({"a": "import pkg.b", "b": "def f():\n    import pkg.a"}, True, {"a", "b"}),
        ({"a": "import pkg.b", "b": "if TYPE_CHECKING:\n    import pkg.a"}, True, None),
        ({"a": "import pkg.b", "b": "if TYPE_CHECKING:\n    pass\nelse:\n    import pkg.a"}, False, {"a", "b"}),
        ({"a": "from . import b", "b": "from .a import x"}, False, {"a", "b"}),
        ({"a": "import pkg.b", "b": "import pkg.c", "c": "pass"}, True, None),
    ],
    ids=["three modules", "deferred ignored", "deferred counted", "type checking", "else branch", "relative", "none"],
)
def test_the_cycle_check_sees_each_kind_of_import(
    modules: dict[str, str], deferred: bool, loop: set[str] | None
) -> None:
    names = {f"pkg.{name}" for name in modules}
    graph = {
        f"pkg.{name}": ui_imports(source, f"pkg.{name}", deferred=deferred) & names for name, source in modules.items()
    }
    assert loops(graph) == ([frozenset(f"pkg.{n}" for n in loop)] if loop else [])
    assert (find_cycle(graph) != []) == (loop is not None)


# -- One reader of the theme file ----------------------------------------------------------------


def _mentions_theme_file(source: str) -> list[int]:
    """Lines that name theme.json or THEME_PATH (only theme.py, which reads it, and app.py, which
    hands the path to pygame_gui, may)."""
    lines: list[int] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and "theme.json" in node.value:
            lines.append(node.lineno)
        elif isinstance(node, ast.Name) and node.id == "THEME_PATH":
            lines.append(node.lineno)
        elif isinstance(node, ast.alias) and node.name == "THEME_PATH":
            lines.append(node.lineno)
    return sorted(set(lines))


THEME_READERS = {"game/ui/theme.py", "game/ui/app.py"}


@pytest.mark.parametrize("path", UI_FILES, ids=lambda p: str(p.relative_to(UI_DIR)))
def test_only_the_theme_module_reads_the_theme_file(path: Path) -> None:
    rel = path.relative_to(REPO).as_posix()
    if rel in THEME_READERS:
        return
    lines = _mentions_theme_file(path.read_text(encoding="utf-8"))
    assert lines == [], f"{rel} lines {lines}: read the theme through game.ui.theme, not the file"


def test_the_theme_path_lives_in_the_theme_module() -> None:
    source = (UI_DIR / "app.py").read_text(encoding="utf-8")
    assigned = [
        n.lineno
        for n in ast.walk(ast.parse(source))
        if isinstance(n, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "THEME_PATH" for t in n.targets)
    ]
    assert assigned == [], f"app.py defines THEME_PATH on line {assigned}: it belongs to game/ui/theme.py"


# -- No `except ImportError` left from when a module did not exist yet ---------------------------


def import_error_fallbacks(source: str) -> list[int]:
    """Lines of ``except ImportError`` (or ModuleNotFoundError) handlers."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ExceptHandler) and node.type is not None:
            names = [n.id for n in ast.walk(node.type) if isinstance(n, ast.Name)]
            if {"ImportError", "ModuleNotFoundError"} & set(names):
                found.append(node.lineno)
    return found


@pytest.mark.parametrize("path", UI_FILES, ids=lambda p: str(p.relative_to(UI_DIR)))
def test_no_screen_guards_an_import_of_a_module_that_exists(path: Path) -> None:
    lines = import_error_fallbacks(path.read_text(encoding="utf-8"))
    assert lines == [], f"{path.relative_to(REPO)} lines {lines}: `except ImportError` for a module that exists"


def test_the_fallback_check_sees_plain_and_grouped_handlers() -> None:
    source = (
        "try:\n    import x\nexcept ImportError:\n    pass\n"
        "try:\n    y()\nexcept (KeyError, ModuleNotFoundError):\n    pass\n"
    )
    assert import_error_fallbacks(source) == [3, 7]
    assert import_error_fallbacks("try:\n    y()\nexcept KeyError:\n    pass\n") == []


# -- Every colour, font size and alpha comes from the theme --------------------------------------

#: A hex colour written in a string: the whole string ("#1d3a52"), or inside one (HTML's
#: ``<font color='#9aa3ad'>``; six or eight digits there, so an object id like "#card" is not one).
WHOLE_HEX = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})")
INNER_HEX = re.compile(r"#[0-9a-fA-F]{6}(?:[0-9a-fA-F]{2})?\b")
#: The calls that open a pygame font (``app.font(14)``, ``pygame.font.Font(path, 14)``, ``SysFont``).
FONT_CALLS = ("font", "Font", "SysFont")
#: The literals allowed outside theme.py, by file and as written, each with why it is not a look.
LOOK_ALLOWED: dict[tuple[str, str], str] = {
    ("game/ui/palette.py", "(255, 255, 255)"): (
        "the end of the contrast search: a colour lightened all the way is white, whatever the theme"
    ),
    ("game/ui/palette.py", "(120, 120, 120)"): (
        "the grey the unplayed nations are muted toward; palette.py is below theme.py (theme imports it) "
        "and cannot ask it, so it stays here until nation_fills takes it as an argument"
    ),
}


def _int(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and type(node.value) is int


def _call_name(node: ast.Call) -> str:
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def look_literals(source: str) -> list[tuple[int, str]]:
    """(line, literal) for each colour, font size or alpha written in ``source`` instead of named."""
    tree = ast.parse(source)
    # Tuples that are not colours: mouse buttons held (`buttons=(0, 0, 1)`), choices (`x in (1, 2, 3)`).
    exempt: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.keyword) and node.arg == "buttons":
            exempt.add(id(node.value))
        elif isinstance(node, ast.Compare) and any(isinstance(op, ast.In | ast.NotIn) for op in node.ops):
            exempt.update(id(c) for c in node.comparators)
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if WHOLE_HEX.fullmatch(node.value) or INNER_HEX.search(node.value):
                found.append((node.lineno, repr(node.value)))
        elif isinstance(node, ast.Tuple) and id(node) not in exempt and len(node.elts) in (3, 4):
            if all(_int(e) and 0 <= e.value <= 255 for e in node.elts):  # type: ignore[attr-defined]
                found.append((node.lineno, ast.unparse(node)))
        elif isinstance(node, ast.Call):
            name = _call_name(node)
            if name == "Color" and node.args and all(_int(a) for a in node.args):
                found.append((node.lineno, ast.unparse(node)))
            elif "alpha" in name.lower() and any(_int(a) for a in node.args):
                found.append((node.lineno, ast.unparse(node)))
            elif name in FONT_CALLS:
                sizes = node.args + [k.value for k in node.keywords if k.arg in ("size", "point_size")]
                if any(_int(a) for a in sizes):
                    found.append((node.lineno, ast.unparse(node)))
    return sorted(found)


@pytest.mark.parametrize(
    ("source", "caught"),
    [
        ('c = pygame.Color("#6b6f75")', ["'#6b6f75'"]),
        ("html = f\"<font color='#9aa3ad'>{x}</font>\"", ["\"<font color='#9aa3ad'>\""]),
        ("surface.fill((10, 14, 18, 200))", ["(10, 14, 18, 200)"]),
        ("ink = mix(a, (0, 0, 0), 0.45)", ["(0, 0, 0)"]),
        ("grey = pygame.Color(128, 128, 128)", ["pygame.Color(128, 128, 128)"]),
        ("layer.set_alpha(80)", ["layer.set_alpha(80)"]),
        ("c = _with_alpha(p['move'], 70)", ["_with_alpha(p['move'], 70)"]),
        ("f = self.app.font(11, bold=True)", ["self.app.font(11, bold=True)"]),
        ("f = pygame.font.Font(path, size=14)", ["pygame.font.Font(path, size=14)"]),
        ('f = self.app.font(font_size("body"))', []),
        ("window = UIWindow(rect, object_id='#card')", []),
        ("pygame.event.Event(MOUSEMOTION, pos=p, buttons=(0, 0, 1))", []),
        ("if event.button in (1, 2, 3): pass", []),
        ("rect = pygame.Rect(0, 0, 6, 44)", []),
        ("size = (1280, 720, 3)", []),
    ],
    ids=[
        "hex colour",
        "hex in html",
        "rgba tuple",
        "rgb tuple",
        "Color of numbers",
        "set_alpha",
        "alpha helper",
        "font size",
        "font size keyword",
        "named font size",
        "object id",
        "mouse buttons",
        "choices",
        "a rectangle",
        "numbers too big for a colour",
    ],
)
def test_the_look_check_catches_colours_font_sizes_and_alphas(source: str, caught: list[str]) -> None:
    assert [text for _, text in look_literals(source)] == caught


@pytest.mark.parametrize("path", UI_FILES, ids=lambda p: str(p.relative_to(UI_DIR)))
def test_every_colour_font_size_and_alpha_is_named_in_the_theme(path: Path) -> None:
    rel = path.relative_to(REPO).as_posix()
    if rel == "game/ui/theme.py":
        return
    found = [(line, text) for line, text in look_literals(path.read_text(encoding="utf-8"))]
    loose = [f"{rel}:{line}: {text}" for line, text in found if (rel, text) not in LOOK_ALLOWED]
    assert loose == [], (
        "colour / font size / alpha written in code; name it in assets/theme.json and read it through "
        "game.ui.theme (colours, ink, map_palette, font_size, opacity):\n  " + "\n  ".join(loose)
    )


def test_every_look_allowance_is_still_needed_and_says_why() -> None:
    for (rel, text), reason in LOOK_ALLOWED.items():
        written = [t for _, t in look_literals((REPO / rel).read_text(encoding="utf-8"))]
        assert text in written, f"{rel} no longer writes {text}: drop its allowance"
        assert len(reason) > 30


def test_the_theme_names_every_font_size_and_opacity_the_code_asks_for() -> None:
    asked: dict[str, set[str]] = {"font_size": set(), "opacity": set()}
    for path in UI_FILES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and _call_name(node) in asked and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    asked[_call_name(node)].add(first.value)
    assert asked["font_size"] and asked["opacity"]
    assert asked["font_size"] - set(sizes("#font_sizes")) == set()
    assert asked["opacity"] - set(sizes("#alphas")) == set()
    assert all(0 <= value <= 255 for value in sizes("#alphas").values())


# -- Panels answer with typed commands, not strings ----------------------------------------------


def string_answers(source: str) -> list[int]:
    """Lines where a panel's ``handle`` or ``key`` answers with a bare string (the old "close")."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef) and node.name in ("handle", "key"):
            for ret in ast.walk(node):
                if isinstance(ret, ast.Return) and isinstance(ret.value, ast.Constant | ast.JoinedStr):
                    if isinstance(ret.value, ast.JoinedStr) or isinstance(ret.value.value, str):
                        found.append(ret.lineno)
    return found


PANEL_FILES = sorted((UI_DIR / "panels").glob("*.py"))


@pytest.mark.parametrize("path", PANEL_FILES, ids=lambda p: p.name)
def test_a_panel_answers_its_scene_with_typed_commands(path: Path) -> None:
    lines = string_answers(path.read_text(encoding="utf-8"))
    assert lines == [], f"{path.relative_to(REPO)} lines {lines}: return a command from game.ui.commands"


def test_the_string_answer_check_sees_a_returned_string() -> None:
    source = (
        'class P:\n    def handle(self, e):\n        return "consumed"\n    def key(self, k):\n        return CLOSE\n'
    )
    assert string_answers(source) == [3]


def test_commands_are_values_a_scene_can_compare_and_the_intent_is_typed() -> None:
    from game.core.actions import EndTurn
    from game.ui import commands
    from game.ui.panels import common

    assert commands.Act(EndTurn()) == commands.Act(EndTurn()) and commands.Close() == common.CLOSE
    assert common.Intent is commands.UICommand
    assert all(isinstance(c, typing.get_args(commands.UICommand)) for c in commands.BY_NAME.values())


# -- One caller of core.apply on the match screen, and it draws nothing ---------------------------

#: The modules of game/ui that may change a match through the core, each with why.
APPLY_CALLERS: dict[str, str] = {
    "game/ui/scenes/match_controller.py": "the match screen's controller: every order of a player or an AI seat",
    "game/ui/main.py": (
        "the screenshot and sample-saves tools play matches to show with random bots, before any screen opens"
    ),
}
CORE_MODULES = {"game", "game.core", "game.core.engine"}


def core_apply_calls(source: str) -> list[int]:
    """Lines that call or import the core's ``apply`` (``core.apply``, ``engine.apply``, imported by name)."""
    tree = ast.parse(source)
    # The local names a module gave to game.core / game.core.engine (``import game.core as core``).
    names = {"core", "engine"}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.asname or a.name for a in node.names if a.name in CORE_MODULES and a.asname)
        elif isinstance(node, ast.ImportFrom) and node.module in CORE_MODULES and node.level == 0:
            names.update(a.asname or a.name for a in node.names if a.name in ("core", "engine"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module in CORE_MODULES:
            if any(a.name == "apply" for a in node.names):
                found.append(node.lineno)
        elif isinstance(node, ast.Attribute) and node.attr == "apply":
            owner = ast.unparse(node.value)
            if owner in names or owner in CORE_MODULES:
                found.append(node.lineno)
    return sorted(set(found))


@pytest.mark.parametrize(
    ("source", "lines"),
    [
        ("import game.core as core\ncore.apply(m, a)", [2]),
        ("from game.core import engine\nevents = engine.apply(m, a)", [2]),
        ("import game.core\ngame.core.apply(m, a)", [2]),
        ("from game.core import apply", [1]),
        ("from game.core.engine import apply as run", [1]),
        ("import game.core as rules\nrules.apply(m, a)", [2]),
        ("self.history.apply(label, new)", []),
        ("changed = history.apply('generate', level)", []),
    ],
    ids=["core", "engine", "dotted", "imported", "imported renamed", "module renamed", "editor history", "other"],
)
def test_the_apply_check_sees_each_way_of_calling_the_core(source: str, lines: list[int]) -> None:
    assert core_apply_calls(source) == lines


@pytest.mark.parametrize("path", UI_FILES, ids=lambda p: str(p.relative_to(UI_DIR)))
def test_only_the_match_controller_changes_the_match_through_the_core(path: Path) -> None:
    rel = path.relative_to(REPO).as_posix()
    if rel in APPLY_CALLERS:
        return
    lines = core_apply_calls(path.read_text(encoding="utf-8"))
    assert lines == [], f"{rel} lines {lines}: only the match controller calls core.apply; ask it (act) instead"


def test_every_apply_allowance_is_still_needed() -> None:
    for rel, reason in APPLY_CALLERS.items():
        assert core_apply_calls((REPO / rel).read_text(encoding="utf-8")), f"{rel} no longer applies: drop it"
        assert len(reason) > 30


def test_the_match_controller_calls_the_core_and_draws_nothing() -> None:
    source = (UI_DIR / "scenes" / "match_controller.py").read_text(encoding="utf-8")
    assert core_apply_calls(source), "the match controller no longer applies actions: update APPLY_CALLERS"
    imports = ui_imports(source, "game.ui.scenes.match_controller", deferred=True)
    widgets = sorted(i for i in imports if i.split(".")[0] == "pygame_gui")
    assert widgets == [], f"the match controller imports widgets: {widgets}"
    drawing = sorted(
        {
            ast.unparse(node)
            for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Attribute)
            and (node.attr in ("blit", "fill", "draw", "render") or ast.unparse(node.value) in ("pygame.draw", "draw"))
        }
    )
    assert drawing == [], f"the match controller draws: {drawing}"
    assert "pygame" not in {i.split(".")[0] for i in imports}, "the match controller needs no pygame at all"
