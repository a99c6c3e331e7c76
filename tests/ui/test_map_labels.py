"""Territory names a player reads without hovering: at every zoom, largest first, never on top of each other."""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pygame
import pytest

from game.core import new_match
from game.io.levels import load_level
from game.io.settings import Settings
from game.ui import hex_draw
from game.ui.app import App
from game.ui.map_view import ZOOM_STEPS, MapView
from game.ui.scenes.match import MatchScene
from game.ui.theme import map_palette

CONTINENT = Path(__file__).resolve().parents[2] / "levels" / "continent.json"


@pytest.fixture(params=[(1280, 720), (1920, 1080)], ids=["1280x720", "1920x1080"])
def scene(request: pytest.FixtureRequest) -> Iterator[MatchScene]:
    size = request.param
    app = App(Settings(muted=True, animation_speed="off", resolution=size), size=size)
    match_scene = MatchScene(app, new_match(load_level(CONTINENT), 1))
    app.push(match_scene)
    for _ in range(3):
        app.step(1 / 60)
    yield match_scene
    for s in reversed(app.scenes):
        s.exit()
    app.scenes.clear()
    pygame.event.clear()


def overlapping(rects: dict[str, pygame.Rect]) -> list[tuple[str, str]]:
    names = sorted(rects)
    return [(a, b) for i, a in enumerate(names) for b in names[i + 1 :] if rects[a].colliderect(rects[b])]


def test_at_fit_zoom_on_the_continent_most_territories_carry_their_name(scene: MatchScene) -> None:
    view = scene.map_view
    assert view is not None
    view.fit()
    named = view.label_rects()
    assert len(named) >= len(view.cells) * 4 // 5, f"only {len(named)} of {len(view.cells)} named at fit zoom"
    assert all(view.rect.contains(rect) for rect in named.values()), "every name is inside the map's view"


def test_no_two_names_overlap_at_any_zoom(scene: MatchScene) -> None:
    view = scene.map_view
    assert view is not None
    for index in range(len(ZOOM_STEPS)):
        view.zoom_index = index
        assert overlapping(view.label_rects()) == [], f"names overlap at zoom {ZOOM_STEPS[index]}"


def test_where_names_must_be_left_out_the_largest_territories_keep_theirs(scene: MatchScene) -> None:
    view = scene.map_view
    assert view is not None
    size = {t: len(cells) for t, cells in view.cells.items()}
    view.fit()
    largest = sorted(size, key=lambda t: (-size[t], t))[:10]
    assert [t for t in largest if t not in view.label_rects()] == [], "the ten largest are named at fit zoom"
    view.zoom_index = ZOOM_STEPS.index(0.36)  # farther out than fit: room for fewer names
    named = view.label_rects()
    assert 0 < len(named) < len(view.cells)
    assert sum(size[t] for t in named) / len(named) > sum(size.values()) / len(size), "the named are the larger"


def test_zooming_in_names_more_territories(scene: MatchScene) -> None:
    view = scene.map_view
    assert view is not None
    counts = []
    for index in (2, 4, len(ZOOM_STEPS) - 1):
        view.zoom_index = index
        counts.append(len(view.label_rects()))
    assert counts[0] < counts[1] <= counts[2]
    assert counts[2] == len(view.cells), "zoomed right in, every territory is named"


def test_a_name_is_drawn_on_the_map_in_the_label_ink(scene: MatchScene) -> None:
    view = scene.map_view
    assert view is not None
    view.fit()
    scene.app.step(1 / 60)
    rect = view.label_rects()["moscow"]
    ink = map_palette()["badge_text"]
    screen = scene.app.screen
    lit = sum(
        1
        for x in range(rect.left, rect.right)
        for y in range(rect.top, rect.bottom)
        if screen.get_at((x, y))[:3] == ink[:3]
    )
    assert lit > 10, "Moscow's name is on screen"


def test_at_a_larger_ui_scale_names_are_drawn_bigger(scene: MatchScene) -> None:
    view = scene.map_view
    assert view is not None
    view.fit()
    before = view.label_rects()["moscow"].height
    scene.app.apply_settings(scene.app.settings.model_copy(update={"ui_scale": 1.5}), persist=False)
    scene.app.step(1 / 60)
    assert view.label_rects()["moscow"].height > before * 1.3
    assert overlapping(view.label_rects()) == []


def test_a_lit_territory_s_outline_and_tint_never_cut_through_a_name(scene: MatchScene) -> None:
    view = scene.map_view
    assert view is not None
    view.fit()
    plain = replace(scene.highlights(), selected=None, hover=None, move_targets=frozenset(), attack_targets=frozenset())
    bare = pygame.Surface(scene.app.size)
    view.draw(bare, plain)
    names = view.label_rects()
    cut: list[str] = []
    for territory in sorted(names):
        lit = pygame.Surface(scene.app.size)
        view.draw(lit, replace(plain, selected=territory, pulse=0.25))  # the glow at its brightest
        for name, rect in names.items():
            letters = view.label_image(name)
            if not rect.colliderect(view.territory_bounds(territory)):
                continue
            hidden = sum(
                1
                for x in range(letters.get_width())
                for y in range(letters.get_height())
                if letters.get_at((x, y)).a == 255
                and lit.get_at((rect.x + x, rect.y + y)) != bare.get_at((rect.x + x, rect.y + y))
            )
            if hidden:
                cut.append(f"{name} ({hidden} px) with {territory} selected")
    assert cut == []


def star_alone(view: MapView, territory: str, size: tuple[int, int]) -> dict[tuple[int, int], pygame.Color]:
    """Each screen pixel of a capital's star and its colour, the star drawn alone where the map draws it."""
    z = view._geometry()
    cx, cy, r = view._capital_spot(z, territory)
    sx, sy = (int(v) for v in view._screen_origin())  # the tiles land on whole pixels
    held = view.match.owner[territory] == view.match.index.capital_owner[territory]
    fill = view.palette["capital" if held else "capital_lost"]
    alone = pygame.Surface(size, pygame.SRCALPHA)
    hex_draw.draw_star(alone, (cx + sx, cy + sy), r, fill, view.palette["capital_outline"])
    box = pygame.Rect(int(cx + sx - r - 2), int(cy + sy - r - 2), int(2 * r + 5), int(2 * r + 5)).clip(alone.get_rect())
    return {
        (x, y): alone.get_at((x, y))
        for x in range(box.left, box.right)
        for y in range(box.top, box.bottom)
        if alone.get_at((x, y)).a == 255
    }


def test_a_capital_s_star_keeps_clear_of_the_last_letter_of_its_name(scene: MatchScene) -> None:
    view = scene.map_view
    assert view is not None
    for index in (ZOOM_STEPS.index(0.7), ZOOM_STEPS.index(1.0), len(ZOOM_STEPS) - 1):
        view.zoom_index = index
        z = view._geometry()
        for territory, name in view._label_rects(z).items():
            if territory not in view.match.index.capital_owner:
                continue
            cx, _, r = view._capital_spot(z, territory)
            leftmost = cx - r * math.cos(math.radians(18))  # the star's left arm
            assert leftmost >= name.right + 2, f"{territory}'s star touches its name at zoom {ZOOM_STEPS[index]}"


def test_the_selected_capital_s_star_is_drawn_over_its_outline_and_glow(scene: MatchScene) -> None:
    view = scene.map_view
    assert view is not None
    view.fit()
    plain = replace(scene.highlights(), selected=None, hover=None, move_targets=frozenset(), attack_targets=frozenset())
    size = scene.app.size
    covered: list[str] = []
    for territory in sorted(view.match.index.capital_owner):
        lit = pygame.Surface(size)
        view.draw(lit, replace(plain, selected=territory, pulse=0.25))  # the glow at its brightest
        star = star_alone(view, territory, size)
        changed = sum(1 for p, colour in star.items() if lit.get_at(p) != colour)
        if changed:
            covered.append(f"{territory} ({changed} of {len(star)} px)")
    assert covered == [], "the selection's outline or glow covers the capital's star"
