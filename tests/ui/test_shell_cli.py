"""`alliances play` refuses bad flags and levels with one clear line, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli import main
from game.io import levels
from game.ui import flow
from game.ui.main import parse_size

REPO_ROOT = Path(__file__).resolve().parents[2]


def run_cli(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"ALLIANCES_HOME": str(home), "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    return subprocess.run(
        [sys.executable, "-m", "game", *args], cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_play_with_a_wrong_difficulty_exits_2_with_a_message(tmp_path: Path) -> None:
    result = run_cli("play", "--vs-ai", "wrong", home=tmp_path)
    assert result.returncode == 2
    assert "argument --vs-ai: invalid choice: 'wrong'" in result.stderr
    assert "Traceback" not in result.stderr


def test_play_with_a_missing_level_exits_1_naming_the_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nowhere.json"
    assert main(["play", str(missing)]) == 1
    err = capsys.readouterr().err
    assert err.strip() == f"{missing}: no such file"


def test_play_with_a_broken_level_lists_its_problems(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"title": "Half a map"}', encoding="utf-8")
    assert main(["play", str(broken)]) == 1
    assert all(line.startswith(f"{broken}: ") for line in capsys.readouterr().err.splitlines())


def test_human_seat_without_an_ai_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["play", "--human-seat", "2"]) == 2
    assert "--human-seat only makes sense with --vs-ai" in capsys.readouterr().err


def test_a_bad_human_seat_is_refused_by_the_parser(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["play", "--vs-ai", "easy", "--human-seat", "3"])
    assert exit_info.value.code == 2
    assert "invalid choice: 3" in capsys.readouterr().err


def test_vs_ai_controllers_name_the_bot_so_saves_remember_it() -> None:
    assert flow.controllers_for("hard", human_seat=0) == ("human", "bandwagoner:hard")
    assert flow.controllers_for("easy", human_seat=1) == ("bandwagoner:easy", "human")
    assert flow.controllers_for(None) == ("human", "human")


def test_a_level_may_be_named_by_its_shipped_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shipped = tmp_path / "levels"
    shipped.mkdir()
    (shipped / "tutorial.json").write_text("{}", encoding="utf-8")
    monkeypatch.setattr(levels, "shipped_levels_dir", lambda: shipped)
    assert levels.find_level("tutorial") == str(shipped / "tutorial.json")
    assert levels.find_level("some/where.json") == "some/where.json"


def test_screenshot_sizes_are_width_x_height() -> None:
    assert parse_size("1280x720") == (1280, 720)
    with pytest.raises(ValueError, match="WIDTHxHEIGHT"):
        parse_size("big")
    with pytest.raises(ValueError, match="out of range"):
        parse_size("100x100")


def test_the_makefile_passes_the_level_through_and_opens_the_menu_without_one() -> None:
    makefile = (REPO_ROOT / "Makefile").read_text(encoding="utf-8")
    play = makefile.split("\nplay:", 1)[1].split("\n\n", 1)[0]
    assert 'alliances play $(if $(LEVEL),"$(LEVEL)")' in play


def test_bench_render_prints_frame_times_and_start_up_per_level(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("game.ui.scenes.match")
    fixture = str(REPO_ROOT / "tests" / "fixtures" / "july_1914.json")
    assert main(["bench", "render", "--frames", "5", "--level", fixture]) == 0
    header, columns, row = capsys.readouterr().out.splitlines()
    assert header.startswith("render benchmark: 5 frames per level")
    assert columns.split()[1:3] == ["p50", "ms"]
    name, p50, p95, startup = row.split()
    assert name == "july_1914.json" and float(p50) <= float(p95) and float(startup) > 0
