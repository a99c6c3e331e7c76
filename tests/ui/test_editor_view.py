"""The map editor's canvas, drawn from its controller alone: it shows the draft and never changes it."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.core.hexgrid import Cell, edge_between, neighbours
from game.io.levels import find_level, load_level
from game.ui.app import font_path
from game.ui.scenes.editor_controller import EditorController
from game.ui.scenes.editor_view import EditorView
from game.ui.theme import map_palette

SIZE = (1280, 720)


def font(size: int, bold: bool = False) -> pygame.font.Font:
    return pygame.font.Font(font_path(bold), size)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The player's files in a fresh folder, and fonts, but no window and no App."""
    monkeypatch.setenv("ALLIANCES_HOME", str(tmp_path))
    pygame.font.init()
    return tmp_path


def fitted(controller: EditorController) -> EditorView:
    view = EditorView(controller, font, SIZE)
    view.fit()
    return view


def what_the_player_has(controller: EditorController) -> tuple[object, ...]:
    """The draft, its history and the editor's choices: what drawing must never change."""
    return (
        controller.level,
        controller.history.undo_label,
        controller.history.redo_label,
        controller.history.dirty,
        list(controller.problems),
        controller.status,
        (controller.tool, controller.radius, controller.territory, controller.nation),
    )


def test_drawing_twice_leaves_the_draft_and_its_history_as_they_were(home: Path) -> None:
    controller = EditorController(load_level(find_level("continent")))
    controller.rename_map("Drawn twice")
    controller.undo()  # a step to redo, so both ends of the history are watched
    view = fitted(controller)
    before = what_the_player_has(controller)
    surface = pygame.Surface(SIZE)
    for _ in range(2):
        view.draw(surface, view.canvas.center)
    after = what_the_player_has(controller)
    assert after[0] is before[0], "the draft is the same level, not a copy made while drawing"
    assert after == before


def test_the_view_shows_a_cell_painted_through_the_controller(home: Path) -> None:
    controller = EditorController()
    controller.new_nation()
    controller.new_territory()
    view = fitted(controller)
    cell = (8, 5)
    x, y = view.cell_centre(cell)
    spot = (x, int(y + view.camera.size * 0.6))  # inside the hex, below the name at its middle
    surface = pygame.Surface(SIZE)
    view.draw(surface)
    sea = surface.get_at(spot)
    controller.paint(cell)
    view.draw(surface)
    painted, nation = surface.get_at(spot), pygame.Color(controller.level.nations[0].colour)
    assert painted != sea and max(abs(painted[i] - nation[i]) for i in range(3)) < 40


def far_edge(view: EditorView, centre: Cell, near: Cell) -> tuple[int, int]:
    """A point on the edge of ``near`` that faces away from ``centre`` (the outside of a brush of two)."""
    cx, cy = view.cell_centre(centre)

    def distance(cell: Cell) -> int:
        x, y = view.cell_centre(cell)
        return (x - cx) ** 2 + (y - cy) ** 2

    away = max(neighbours(near), key=distance)
    (ax, ay), (bx, by) = edge_between(near, away, view.camera.size)
    ox, oy = view.camera.cell_to_screen((0, 0))
    return round(ox + (ax + bx) / 2), round(oy + (ay + by) / 2)


@pytest.mark.parametrize(("tool", "radius", "outlined"), [("land", 1, True), ("land", 0, False), ("fill", 1, False)])
def test_the_brush_under_the_mouse_outlines_the_cells_the_tool_would_touch(
    home: Path, tool: str, radius: int, outlined: bool
) -> None:
    controller = EditorController()
    controller.select_brush(radius)  # 1: a brush of two, the cell and its neighbours
    controller.select_tool(tool)
    view = fitted(controller)
    centre = (8, 5)
    x, y = far_edge(view, centre, (9, 5))
    surface = pygame.Surface(SIZE)
    view.draw(surface, view.cell_centre(centre))
    near = {tuple(surface.get_at((x + dx, y + dy))) for dx in (-1, 0, 1) for dy in (-1, 0, 1)}
    assert (tuple(map_palette()["nation_border"]) in near) is outlined


def overlaps(rects: dict[str, pygame.Rect]) -> list[tuple[str, str]]:
    names = sorted(rects)
    return [(a, b) for i, a in enumerate(names) for b in names[i + 1 :] if rects[a].colliderect(rects[b])]


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)], ids=["1280x720", "1920x1080"])
def test_on_the_canvas_no_name_runs_into_another_name_a_star_or_a_badge(home: Path, size: tuple[int, int]) -> None:
    controller = EditorController(load_level(find_level("continent")))
    view = EditorView(controller, font, size)
    view.fit()
    view.draw(pygame.Surface(size))
    labels, stars, badges = view.labels, view.stars, view.badges
    assert badges and stars, "the continent's garrisons and capitals are drawn"
    assert overlaps(labels) == [], "two names run together"
    pieces = {f"badge {i}": r for i, r in enumerate(badges)} | {f"star {i}": r for i, r in enumerate(stars)}
    under = [(code, piece) for code, rect in labels.items() for piece, r in pieces.items() if rect.colliderect(r)]
    assert under == [], "a name runs under a badge or a star"
    names = {t.code: t.name for t in controller.level.territories}
    assert set(labels) == set(names), "every territory is marked, by its name or else its code"
    named = [code for code, text in view.label_texts.items() if text == names[code]]
    assert len(named) >= len(names) * 3 // 4, f"only {len(named)} of {len(names)} territories carry their name"
    assert all(view.camera.rect.contains(rect) for rect in labels.values()), "every name is on the canvas"
