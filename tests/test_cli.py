"""The ``alliances`` command: clear lines and exit codes, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from game.cli import build_parser, main
from tests.small_world import small_world, write_level

REPO_ROOT = Path(__file__).resolve().parent.parent


def broken_world(folder: Path) -> Path:
    level = small_world()
    level["territories"][1]["owner"] = "prussia"
    return write_level(folder, level, name="broken.json")


def test_validate_accepts_a_valid_level_and_says_ok(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_level(tmp_path, small_world())
    assert main(["validate", str(path)]) == 0
    out, err = capsys.readouterr()
    assert out == f"{path}: ok\n"
    assert err == ""


def test_validate_quietly_prints_nothing_for_a_valid_level(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--quiet", str(write_level(tmp_path, small_world()))]) == 0
    assert capsys.readouterr() == ("", "")


def test_validate_lists_each_problem_as_path_location_message_and_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = broken_world(tmp_path)
    assert main(["validate", str(path)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert f"{path}: territories[1].owner: unknown nation 'prussia'" in err.splitlines()
    assert all(line.startswith(f"{path}: ") for line in err.splitlines())


def test_validate_checks_every_file_and_fails_if_any_is_broken(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = write_level(tmp_path, small_world(), name="good.json")
    bad = broken_world(tmp_path)
    assert main(["validate", str(bad), str(good)]) == 1
    out, err = capsys.readouterr()
    assert out == f"{good}: ok\n"
    assert f"{bad}: " in err


def test_validate_accepts_every_shipped_and_fixture_level(
    levels_dir: Path, fixtures_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = sorted(levels_dir.glob("*.json")) + sorted(fixtures_dir.glob("*.json"))
    assert main(["validate", "--quiet", *map(str, files)]) == 0, capsys.readouterr().err


def _write(name: str, content: bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(content)
        return path

    return make


UNREADABLE = [
    pytest.param(lambda folder: folder / "missing.json", id="missing file"),
    pytest.param(lambda folder: folder, id="a folder"),
    pytest.param(_write("bad.json", b'{"title": '), id="bad JSON"),
    pytest.param(_write("latin1.json", b'{"title": "Caf\xe9"}'), id="not UTF-8"),
    pytest.param(_write("list.json", b"[]"), id="JSON array"),
    pytest.param(_write("empty.json", b""), id="empty file"),
    pytest.param(_write("deep.json", b"[" * 100_000), id="deeply nested JSON"),
    pytest.param(_write("long.json", b'{"round_limit": ' + b"9" * 5000 + b"}"), id="number too long to read"),
]


@pytest.mark.parametrize("make_file", UNREADABLE)
def test_validate_reports_an_unusable_file_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make_file: Callable[[Path], Path]
) -> None:
    path = make_file(tmp_path)
    assert main(["validate", str(path)]) == 1
    _, err = capsys.readouterr()
    assert err.startswith(f"{path}: ")
    assert "Traceback" not in err


def test_schema_prints_a_json_schema_of_level_files(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert {"map", "nations", "territories", "seats", "treaties"} <= set(schema["properties"])
    assert set(schema["required"]) >= {"title", "map", "nations", "seats", "territories"}


def test_the_schema_documents_the_scope_of_alliances_and_guarantees(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    definitions = json.loads(capsys.readouterr().out)["$defs"]
    for treaty in ("Alliance", "Guarantee"):
        fields = definitions[treaty]["properties"]
        assert "only an attack by one of these nations" in fields["against"]["description"]
        assert "only an attack on one of these territories" in fields["territories"]["description"]
        assert fields["against"]["type"] == fields["territories"]["type"] == "array"
        assert "against" not in definitions[treaty].get("required", [])


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param(["conquer", "europe.json"], id="unknown command"),
        pytest.param(["validate", "--frobnicate", "x.json"], id="unknown flag"),
        pytest.param(["validate"], id="validate without a file"),
        pytest.param([], id="no command"),
    ],
)
def test_a_wrong_command_line_exits_with_code_2_and_shows_usage(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert caught.value.code == 2
    assert "usage: alliances" in capsys.readouterr().err


def test_python_dash_m_game_runs_the_command_and_returns_its_exit_code(tmp_path: Path) -> None:
    path = broken_world(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "game", "validate", str(path)],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        timeout=60,
    )
    assert result.returncode == 1, result.stderr
    assert f"{path}: territories[1].owner: unknown nation 'prussia'" in result.stderr


# Level names everywhere: every command that takes a level takes a shipped level's name, as play does.

SHIPPED = sorted(p.stem for p in (REPO_ROOT / "levels").glob("*.json"))


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The player's files in a fresh folder: no maps of the person running the tests are listed."""
    monkeypatch.setenv("ALLIANCES_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def test_run_plays_a_shipped_level_by_its_name(tmp_path: Path, home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    script = tmp_path / "script.jsonl"
    script.write_text('{"kind": "end_turn"}\n', encoding="utf-8")
    assert main(["run", "tutorial", "--script", str(script)]) == 0
    out, err = capsys.readouterr()
    assert err == "" and [json.loads(line)["kind"] for line in out.splitlines()].count("turn_started") == 2


def test_validate_simulate_and_bench_take_level_names_too(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", *SHIPPED]) == 0
    assert capsys.readouterr().out.splitlines() == [f"{REPO_ROOT / 'levels' / name}.json: ok" for name in SHIPPED]
    assert main(["simulate", "tutorial", "--games", "1", "--seat1", "random", "--seat2", "random", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["level"] == "tutorial"
    assert main(["bench", "engine", "--level", "tutorial.json", "--runs", "1", "--games", "1"]) == 0
    assert "tutorial.json" in capsys.readouterr().out


def test_a_map_of_the_players_own_is_found_by_its_name(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (home / "maps").mkdir(parents=True)
    write_level(home / "maps", small_world(), "mine.json")
    assert main(["validate", "mine"]) == 0
    assert capsys.readouterr().out == f"{home / 'maps' / 'mine.json'}: ok\n"


def test_an_unknown_name_lists_the_shipped_levels_and_the_players_maps(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (home / "maps").mkdir(parents=True)
    write_level(home / "maps", small_world(), "mine.json")
    assert main(["run", "tutorail", "--script", "x.jsonl"]) == 1
    err = capsys.readouterr().err
    assert err == (
        "tutorail: no such file here, and no shipped level or map of yours is called that; "
        f"shipped levels: {', '.join(SHIPPED)}; your maps: mine\n"
    )
    # A path is the file meant, wherever shipped levels are: missing is all there is to say.
    assert main(["validate", str(home / "tutorial.json")]) == 1
    assert capsys.readouterr().err == f"{home / 'tutorial.json'}: no such file\n"


# A flag a command does not know: that command's usage and one line of error, exit code 2.

# Enough for each command to parse, so that the unknown flag is the only mistake.
REQUIRED = {
    "screenshot": ["--scene", "menu", "--out", "x.png"],
    "validate": ["x.json"],
    "run": ["x.json", "--script", "x.jsonl"],
    "bench": ["engine"],
    "simulate": ["x.json"],
    "verify": ["x.save.json"],
}


def _commands() -> list[str]:
    (choices,) = [a.choices for a in build_parser()._actions if isinstance(a.choices, dict)]
    return sorted(choices)


@pytest.mark.parametrize("command", _commands())
def test_a_flag_a_command_does_not_know_shows_that_commands_usage(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as caught:
        main([command, *REQUIRED.get(command, []), "--frobnicate"])
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith(f"usage: alliances {command} ")
    assert err.splitlines()[-1] == f"alliances {command}: error: unrecognized arguments: --frobnicate"
    assert "Traceback" not in err
