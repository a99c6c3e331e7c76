"""`alliances screenshot` renders any screen headless to a PNG of the asked size."""

# The fixtures come from tests/ui/shell_driver.py: importing them is how pytest finds them.
# ruff: noqa: F811

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pygame
import pytest

from game.io.paths import saves_dir
from game.ui.main import MATCH_SCENES, screenshot
from tests.ui.shell_driver import FIXTURE_LEVEL, home  # noqa: F401

REPO_ROOT = Path(__file__).resolve().parents[2]


def picture(path: Path) -> pygame.Surface:
    assert path.is_file()
    return pygame.image.load(str(path))


def colours_in(surface: pygame.Surface) -> int:
    small = pygame.transform.scale(surface, (64, 36))
    return len({small.get_at((x, y))[:3] for x in range(64) for y in range(36)})


@pytest.mark.parametrize("scene", ["menu", "settings", "load", "help", "gameover"])
def test_each_shell_screen_renders_to_a_png(scene: str, tmp_path: Path, home: Path) -> None:
    out = tmp_path / f"{scene}.png"
    assert screenshot(scene, str(FIXTURE_LEVEL), str(out), (1024, 640)) == 0
    image = picture(out)
    assert image.get_size() == (1024, 640)
    assert colours_in(image) > 8  # a picture, not a blank window


@pytest.mark.parametrize("scene", MATCH_SCENES)
def test_match_screens_render_and_leave_the_saves_alone(
    scene: str, tmp_path: Path, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / f"{scene}.png"
    code = screenshot(scene, str(FIXTURE_LEVEL), str(out), (1280, 720))
    assert code == 0 and picture(out).get_size() == (1280, 720)
    assert not list(saves_dir().glob("*"))  # a picture never writes (or replaces) the player's autosave


def test_the_command_goes_headless_by_itself(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SDL_")}
    env |= {"ALLIANCES_HOME": str(tmp_path), "DISPLAY": ""}
    out = tmp_path / "menu.png"
    result = subprocess.run(
        [sys.executable, "-m", "game", "screenshot", "--scene", "menu", "--out", str(out), "--size", "1024x640"],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert picture(out).get_size() == (1024, 640)


def test_a_bad_size_or_scene_is_refused(tmp_path: Path) -> None:
    env = os.environ | {"ALLIANCES_HOME": str(tmp_path)}
    for args, message in (
        (["--scene", "menu", "--size", "huge"], "is not WIDTHxHEIGHT"),
        (["--scene", "credits"], "invalid choice: 'credits'"),
    ):
        result = subprocess.run(
            [sys.executable, "-m", "game", "screenshot", *args, "--out", str(tmp_path / "x.png")],
            cwd=REPO_ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr


def test_an_out_path_that_cannot_take_a_png_is_one_clear_line(
    tmp_path: Path, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "notes.txt"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    for out, code, message in (
        (str(tmp_path / "shot.txt"), 2, "name a .png file"),
        (str(tmp_path), 2, "name a .png file"),
        (str(tmp_path / "folder.png"), 2, "is a folder"),
        (str(blocker / "shot.png"), 1, "part of the path is a file, not a folder"),
    ):
        if out.endswith("folder.png"):
            Path(out).mkdir()
        assert screenshot("menu", None, out, (800, 600)) == code
        err = capsys.readouterr().err
        assert message in err and "Traceback" not in err, (out, err)
    assert blocker.read_text(encoding="utf-8") == "a file, not a folder", "nothing was lost"
