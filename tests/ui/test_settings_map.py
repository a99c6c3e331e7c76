"""The Settings screen's map choices: a colour-blind-safe palette and a larger map text, saved and used."""

from __future__ import annotations

from pathlib import Path

from game.core import new_match
from game.io.levels import load_level
from game.io.settings import Settings, load_settings, save_settings
from game.ui.app import App
from game.ui.palette import current_scheme
from game.ui.scenes.menu import MenuScene
from game.ui.scenes.settings_scene import SettingsScene
from game.ui.theme import nation_fill
from tests.ui import shell_driver
from tests.ui.shell_driver import click, find, frames

CONTINENT = Path(__file__).resolve().parents[2] / "levels" / "continent.json"
home = shell_driver.home  # the player's files in a fresh folder per test
app = shell_driver.app


def open_settings(app: App) -> SettingsScene:
    app.reset_to(MenuScene(app))
    settings = SettingsScene(app)
    app.push(settings)
    frames(app)
    return settings


def test_choosing_colour_blind_safe_colours_is_saved_and_recolours_the_nations(app: App) -> None:
    level = load_level(CONTINENT)
    before = {n.id: tuple(nation_fill(level, n.id)) for n in level.nations}
    open_settings(app)
    click(app, find(app, "#choice_colour_blind"))
    assert load_settings().palette == "colour_blind"
    assert current_scheme() == "colour_blind"
    after = {n.id: tuple(nation_fill(level, n.id)) for n in level.nations}
    assert before != after, "some nations take colours every eye can tell apart"
    click(app, find(app, "#choice_standard"))
    assert load_settings().palette == "standard"
    assert {n.id: tuple(nation_fill(level, n.id)) for n in level.nations} == before


def test_choosing_a_larger_map_text_is_saved_and_a_match_draws_its_names_larger(app: App) -> None:
    open_settings(app)
    click(app, find(app, "#choice_150"))
    assert load_settings().ui_scale == 1.5
    from game.ui.scenes.match import MatchScene

    scene = MatchScene(app, new_match(load_level(CONTINENT), 1))
    app.reset_to(scene)
    frames(app)
    assert scene.map_view is not None and scene.map_view.scale == 1.5


def test_the_saved_choices_come_back_at_the_next_start(home: Path) -> None:
    save_settings(Settings(palette="colour_blind", ui_scale=1.25))
    assert load_settings().palette == "colour_blind" and load_settings().ui_scale == 1.25
    started = App(size=(1280, 720))
    try:
        assert current_scheme() == "colour_blind"
        started.push(SettingsScene(started))
        frames(started)
        assert find(started, "#choice_125").is_selected and find(started, "#choice_colour_blind").is_selected
    finally:
        for scene in reversed(started.scenes):
            scene.exit()
        App(settings=Settings(), size=(1280, 720))  # the scheme back to standard for the tests after


def test_every_row_s_controls_end_at_one_right_edge(app: App) -> None:
    settings = open_settings(app)
    assert settings.resolution is not None
    right = settings.resolution.get_relative_rect().right
    rows = {
        "Display": settings.display,
        "Sound": settings.sound,
        "Animations": settings.animation,
        "Nation colours": settings.palette,
        "Map text size": settings.ui_scale,
        "Rival's offers": settings.privacy,
    }
    ends = {name: max(b.get_relative_rect().right for b in row.buttons.values()) for name, row in rows.items() if row}
    assert ends == dict.fromkeys(rows, right), f"the window size list ends at {right}"
    for name, row in rows.items():
        assert row is not None
        widths = [b.get_relative_rect().width for b in row.buttons.values()]
        assert max(widths) - min(widths) <= 1, f"the {name} buttons share the row evenly"
