"""``alliances verify SAVE``: replay a save's log and say in one line whether it reaches the snapshot."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli import main
from game.io.saves import content_hash, save_match
from tests.ui.shell_driver import played_match

REPO_ROOT = Path(__file__).resolve().parents[2]


def a_save(folder: Path) -> Path:
    path = folder / "duel.json"
    save_match(played_match(actions=25), path)
    return path


def test_verify_says_ok_in_one_line_for_a_good_save(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = a_save(tmp_path)
    assert main(["verify", str(path)]) == 0
    out, err = capsys.readouterr()
    round_ = json.loads(path.read_text(encoding="utf-8"))["summary"]["round"]
    assert out == f"{path}: ok: 25 actions replay to the saved snapshot (round {round_})\n"
    assert err == ""


def test_verify_fails_when_the_actions_do_not_lead_to_the_snapshot(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = a_save(tmp_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["snapshot"]["credibility"]["germany"] = 0
    data["content_hash"] = content_hash(data)  # it loads: only a replay can tell
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["verify", str(path)]) == 1
    (line,) = capsys.readouterr().out.splitlines()
    assert line.startswith(f"{path}: MISMATCH: replaying the 25 actions does not reach the saved snapshot")


def test_verify_says_why_a_damaged_save_cannot_be_checked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = a_save(tmp_path)
    path.write_text(path.read_text(encoding="utf-8").replace('"round_limit": 20', '"round_limit": 99', 1))
    assert main(["verify", str(path)]) == 1
    out, err = capsys.readouterr()
    assert out == "" and err == f"{path}: damaged save: its content does not match its hash " + (
        "(the file was changed after the game wrote it, by hand or by a failing disk)\n"
    )


def test_verify_reads_an_older_format_as_an_upgrade(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = tmp_path / "old.json"
    shutil.copy(REPO_ROOT / "tests" / "fixtures" / "saves" / "format3.json", old)
    assert main(["verify", str(old)]) == 0
    assert "save format 3 (older than 4) is upgraded by replaying its log" in capsys.readouterr().out


def test_verify_runs_as_a_command_with_its_exit_code(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "game", "verify", str(tmp_path / "missing.json")],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        timeout=120,
    )
    assert result.returncode == 1
    assert result.stderr.strip() == f"{tmp_path / 'missing.json'}: no such file"
    assert "Traceback" not in result.stderr
