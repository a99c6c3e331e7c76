"""The map's own controls, used as a player uses them: the mode toggle, the legend, search and the minimap."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest

from game.core import new_match
from game.io.levels import load_level
from game.ui.map_view import MODES
from tests.ui.test_match_screen import Screen

CONTINENT = Path(__file__).resolve().parents[2] / "levels" / "continent.json"


@pytest.fixture
def screen() -> Iterator[Screen]:
    s = Screen(new_match(load_level(CONTINENT), 1))
    if s.scene.card is not None:  # the briefing card: put away, as a player would
        s.scene._dismiss_card()
        s.frames(2)
    yield s
    s.close()


def pixel_of(screen: Screen, territory: str) -> tuple[int, int, int]:
    view = screen.scene.map_view
    cell = next(c for c in view.cells[territory] if c != view.anchor[territory])  # away from name and badge
    x, y = view.cell_to_screen(cell)
    screen.frames(1)
    return tuple(screen.app.screen.get_at((int(x), int(y))))[:3]  # type: ignore[return-value]


def test_clicking_the_mode_toggle_recolours_the_land(screen: Screen) -> None:
    hud = screen.scene.hud
    assert hud is not None and hud.mode == "political"
    political = pixel_of(screen, "berlin")
    screen.click(hud._mode_rects["alliances"].center)
    assert hud.mode == "alliances" and screen.scene.show_alliances
    alliances = pixel_of(screen, "berlin")
    screen.click(hud._mode_rects["forces"].center)
    assert hud.mode == "forces"
    forces = pixel_of(screen, "berlin")
    assert len({political, alliances, forces}) == 3, "each mode paints Berlin differently"
    assert screen.scene.selected != "berlin", "a click on the toggle does not land on the map beneath"


def test_m_cycles_the_modes_and_a_toggles_the_alliance_blocs(screen: Screen) -> None:
    hud = screen.scene.hud
    seen = [hud.mode]
    for _ in MODES:
        screen.press(pygame.K_m, unicode="m")
        seen.append(hud.mode)
    assert seen == [*MODES, MODES[0]]
    screen.press(pygame.K_a, unicode="a")
    assert hud.mode == "alliances"
    screen.press(pygame.K_a, unicode="a")
    assert hud.mode == "political"


def test_in_the_alliance_mode_allies_share_a_fill_and_the_legend_names_the_blocs(screen: Screen) -> None:
    hud = screen.scene.hud
    view = screen.scene.map_view
    m = screen.match
    screen.click(hud._mode_rects["alliances"].center)
    terrain = m.index.terrain
    by_bloc: dict[tuple[str | None, str], set[str]] = {}
    for territory, owner in m.owner.items():
        by_bloc.setdefault((view.bloc_of(owner), terrain[territory]), set()).add(territory)
    allies = next(ts for (bloc, _), ts in by_bloc.items() if bloc and len({m.owner[t] for t in ts}) > 1)
    assert len({view.fill_colour(t) for t in allies}) == 1, "allied nations' land is one colour"
    blocs = {bloc for bloc, _ in by_bloc if bloc}
    plains = {view.fill_colour(next(iter(ts))) for (b, ter), ts in by_bloc.items() if b and ter == "plains"}
    assert len(plains) == len({b for b, ter in by_bloc if b and ter == "plains"}) and len(blocs) > 1
    rows = [r.text for r in hud.legend_rows()]
    assert all(a.name in rows for a in m.alliances.values()) and "In no alliance" in rows


def test_the_legend_lists_every_nation_on_the_map_and_a_click_on_one_goes_to_its_capital(screen: Screen) -> None:
    hud = screen.scene.hud
    view = screen.scene.map_view
    if not hud.legend_open:  # folded where the window is narrow: the player opens it
        screen.press(pygame.K_l, unicode="l")
    screen.frames(1)
    names = [row.text for _, row in hud._legend_rows]
    assert names[:4] == ["Germany", "Austria-Hungary", "France", "Russia"], "the seats' nations first"
    assert len(names) == len({o for o in screen.match.owner.values()})
    view.zoom_at(view.rect.center, 3)
    screen.frames(1)
    rect, row = next((r, row) for r, row in hud._legend_rows if row.text == "Ottoman Empire")
    screen.click(rect.center)
    assert view.is_visible("constantinople")
    screen.press(pygame.K_l, unicode="l")
    assert hud._legend_rows == [], "L folds the legend away"


def test_typing_a_name_in_search_jumps_to_the_territory_and_selects_it(screen: Screen) -> None:
    hud = screen.scene.hud
    view = screen.scene.map_view
    view.zoom_at(view.territory_centre("lisbon"), 4)
    screen.press(pygame.K_SLASH, unicode="/")
    assert hud.query == ""
    for letter in "mosc":
        screen.press(getattr(pygame, f"K_{letter}"), unicode=letter)
    assert hud.matches(hud.query)[0][1] == "moscow"
    assert hud.mode == "political", "the M of a name typed is text, not the mode key"
    screen.press(pygame.K_RETURN, unicode="\r")
    assert screen.scene.selected == "moscow"
    assert view.is_visible("moscow") and "moscow" in view.label_rects()
    assert hud.query is None


def test_search_finds_names_without_their_accents_and_says_when_nothing_matches(screen: Screen) -> None:
    hud = screen.scene.hud
    assert hud.matches("")[:1] == []
    assert any(t == "constantinople" for _, t in hud.matches("ottoman")), "a nation's name goes to its capital"
    assert hud.matches("zzz") == []
    screen.press(pygame.K_SLASH, unicode="/")
    screen.press(pygame.K_z, unicode="z")
    screen.press(pygame.K_ESCAPE)
    assert hud.query is None and screen.app.scene is screen.scene, "Esc closes the search, not the match"


def test_the_minimap_appears_when_zoomed_in_and_a_click_on_it_moves_the_camera(screen: Screen) -> None:
    hud = screen.scene.hud
    view = screen.scene.map_view
    screen.frames(1)
    assert hud._minimap_rect.width == 0, "at fit zoom the whole map is in view: no minimap"
    view.zoom_at(view.territory_centre("lisbon"), 4)
    screen.frames(1)
    mini = hud._minimap_rect
    assert mini.width > 0 and not view.is_visible("moscow")
    _, k = hud.minimap()
    x, y = view.cell_to_screen(view.anchor["moscow"])
    world = ((x - view.rect.x - view.offset.x) / view.size, (y - view.rect.y - view.offset.y) / view.size)
    target = (mini.x + (world[0] - view.world_min[0]) * k, mini.y + (world[1] - view.world_min[1]) * k)
    screen.click(target)
    assert view.is_visible("moscow")
    assert screen.scene.selected is None, "the click steered the camera, it selected nothing"


def test_the_command_line_offers_every_map_mode_and_palette_the_screen_has() -> None:
    from game.ui.main import MAP_MODES, PALETTES
    from game.ui.palette import SCHEMES

    assert MAP_MODES == MODES and PALETTES == SCHEMES


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_the_legend_never_covers_land_when_the_match_opens(size: tuple[int, int]) -> None:
    s = Screen(new_match(load_level(CONTINENT), 1), size=size)
    try:
        s.frames(2)
        hud, view = s.scene.hud, s.scene.map_view
        covered = [t for t in s.match.owner if hud._legend_rect.collidepoint(view.territory_centre(t))]
        assert covered == [], f"the legend hides {covered} at {size}"
        assert hud.legend_open == (size == (1920, 1080)), "open where there is room, folded (L) where not"
        if not hud.legend_open:
            s.press(pygame.K_l, unicode="l")
            assert hud.legend_open and hud._legend_rows, "L opens it"
    finally:
        s.close()
