"""``alliances new-map``: a generated level on stdout or in a file, and a plain error for bad flags."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from game.cli import main
from game.editor import generate_level
from game.io.levels import dump_level, load_level, parse_level


def test_new_map_prints_the_generated_level(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new-map", "--seed", "3", "--size", "20x14", "--nations", "5"]) == 0

    out = capsys.readouterr().out
    assert out == dump_level(generate_level(3, 20, 14, 5))
    assert parse_level(out).map.width == 20


def test_new_map_writes_the_level_to_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "maps" / "new.json"

    assert main(["new-map", "--seed", "4", "--size", "24X16", "--nations", "6", "--out", str(target)]) == 0

    assert load_level(target) == generate_level(4, 24, 16, 6)
    assert "24x16, 6 nations" in capsys.readouterr().out
    assert [p.name for p in target.parent.iterdir()] == ["new.json"]  # no temp file left behind


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (["--size", "12"], "is not a size"),
        (["--size", "0x5"], "from 6 to 256"),
        (["--size", "axb"], "is not a size"),
        (["--size", "24x257"], "from 6 to 256"),
        (["--nations", "1"], "from 2 to 16 nations"),
        (["--nations", "17"], "from 2 to 16 nations"),
        (["--nations", "many"], "from 2 to 16 nations"),
        (["--seed", "x"], "invalid int value"),
        (["--size", "8x8", "--nations", "16"], "too small for 16 nations"),
    ],
)
def test_bad_flags_end_with_a_message_and_exit_code_2(
    flags: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as leaving:
        code = main(["new-map", *flags])
        raise SystemExit(code)

    assert leaving.value.code == 2
    err = capsys.readouterr().err
    assert "error:" in err and message in err
    assert "Traceback" not in err


def test_a_file_that_cannot_be_written_is_reported_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")

    assert main(["new-map", "--out", str(blocker / "map.json")]) == 1

    assert "cannot write" in capsys.readouterr().err


def _loop(folder: Path) -> Path:
    (folder / "loop.json").symlink_to("loop.json")
    return folder / "loop.json"


def _dangling(folder: Path) -> Path:
    (folder / "map.json").symlink_to(folder / "nowhere" / "map.json")
    return folder / "map.json"


def _out_of_its_folder(folder: Path) -> Path:
    (folder / "maps").mkdir()
    (folder / "maps" / "map.json").symlink_to(folder / "precious.txt")
    return folder / "maps" / "map.json"


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        pytest.param(_loop, "it is a symbolic link that loops back on itself", id="a link that loops"),
        pytest.param(_dangling, "which does not exist", id="a dangling link"),
        pytest.param(_out_of_its_folder, "outside its folder", id="a link out of its folder"),
    ],
)
def test_a_hostile_out_path_is_one_line_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make: Callable[[Path], Path], reason: str
) -> None:
    precious = tmp_path / "precious.txt"
    precious.write_text("keep me", encoding="utf-8")
    out = make(tmp_path)
    before = sorted(str(p) for p in tmp_path.rglob("*"))

    assert main(["new-map", "--size", "12x10", "--nations", "2", "--out", str(out)]) == 1

    err = capsys.readouterr().err
    assert err.startswith(f"{out}: cannot write: ") and reason in err and len(err.splitlines()) == 1
    assert sorted(str(p) for p in tmp_path.rglob("*")) == before
    assert precious.read_text(encoding="utf-8") == "keep me"


def test_a_map_the_generator_cannot_draw_is_a_message_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from game.editor import generate

    monkeypatch.setattr(generate._Drawing, "level", lambda self, told=None: None)  # every attempt fails
    assert main(["new-map", "--size", "24x16"]) == 2
    err = capsys.readouterr().err
    assert "no valid map came out of" in err and "try another seed" in err
