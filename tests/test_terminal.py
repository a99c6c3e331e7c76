"""Long commands show a progress bar on a terminal and nothing extra in a pipe; their tables line up."""

from __future__ import annotations

import contextlib
import io
import json
import re
from pathlib import Path

import pytest

from game.cli import main
from tests.small_world import small_world, write_level

REPO_ROOT = Path(__file__).resolve().parents[1]


class Terminal(io.StringIO):
    """Standard error as a person at a terminal has it."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> Terminal:
    """A terminal for standard error, as the environment of one; the test puts it in place with
    ``showing(terminal)`` (pytest's capture puts its own stream back before the test runs)."""
    monkeypatch.setenv("TERM", "xterm-256color")
    for variable in ("TTY_COMPATIBLE", "TTY_INTERACTIVE", "FORCE_COLOR", "NO_COLOR"):
        monkeypatch.delenv(variable, raising=False)
    return Terminal()


def showing(screen: Terminal) -> contextlib.AbstractContextManager[object]:
    return contextlib.redirect_stderr(screen)


def plain(screen: str) -> str:
    """What the screen shows, without the codes that move the cursor and colour the bar."""
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", screen)


def test_simulate_draws_a_bar_on_a_terminal_but_not_for_json_nor_in_a_pipe(
    tmp_path: Path, terminal: Terminal, capsys: pytest.CaptureFixture[str]
) -> None:
    level = str(write_level(tmp_path, small_world()))
    with showing(terminal):
        assert main(["simulate", level, "--seat1", "greedy", "--seat2", "random", "--games", "3"]) == 0
    assert "greedy vs random" in plain(terminal.getvalue()) and "3/3" in plain(terminal.getvalue())
    assert "wins" in capsys.readouterr().out

    json_screen = Terminal()
    with showing(json_screen):
        assert main(["simulate", level, "--seat1", "greedy", "--seat2", "random", "--games", "3", "--json"]) == 0
    assert json_screen.getvalue() == "", "JSON is for programs: nothing else is drawn"
    assert json.loads(capsys.readouterr().out)["games"] == 3

    assert main(["simulate", level, "--seat1", "greedy", "--seat2", "random", "--games", "3"]) == 0
    out, err = capsys.readouterr()
    assert "wins" in out and err == "", "in a pipe, the table and nothing else"


def test_bench_engine_draws_a_bar_on_a_terminal(terminal: Terminal, capsys: pytest.CaptureFixture[str]) -> None:
    fixture = str(REPO_ROOT / "tests" / "fixtures" / "july_1914.json")
    with showing(terminal):
        assert main(["bench", "engine", "--level", fixture, "--runs", "2", "--games", "1"]) == 0
    assert "engine" in plain(terminal.getvalue()) and "2/2" in plain(terminal.getvalue())
    assert "actions/s" in capsys.readouterr().out


def test_new_map_draws_a_bar_for_a_big_map_only(
    tmp_path: Path, terminal: Terminal, capsys: pytest.CaptureFixture[str]
) -> None:
    with showing(terminal):
        assert main(["new-map", "--size", "12x10", "--nations", "2", "--out", str(tmp_path / "small.json")]) == 0
    assert terminal.getvalue() == "", "a small map is done before a bar could say anything"
    with showing(terminal):
        assert main(["new-map", "--size", "100x100", "--nations", "4", "--out", str(tmp_path / "big.json")]) == 0
    assert "drawing the map" in plain(terminal.getvalue()) and "6/6" in plain(terminal.getvalue())
    assert capsys.readouterr().out.splitlines()[-1].startswith(f"{tmp_path / 'big.json'}: ")


def test_bench_engine_columns_line_up_however_long_the_level_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deep = tmp_path / "a folder with a rather long name" / "and another one inside it"
    deep.mkdir(parents=True)
    level = str(write_level(deep, small_world(), name="a level with a long name.json"))
    assert main(["bench", "engine", "--level", level, "--runs", "1", "--games", "1"]) == 0
    _, header, row = capsys.readouterr().out.splitlines()
    assert row.startswith(level)
    for column in ("actions/s", "seat turns/s", "matches/s", "ms/match", "actions/match"):
        end = header.index(column) + len(column)
        assert row[end - 1] != " " and row[end : end + 1] in ("", " "), f"{column} is not above its numbers"
