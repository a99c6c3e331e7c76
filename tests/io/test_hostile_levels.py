"""A small hostile level or save is checked in time that grows with its size, never with its square.

Each check runs in a child process with a time limit, so a quadratic path fails the test instead of
hanging the suite (the first of these once took 108 s and 4.5 GB for a 61 KB file).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from game.core import Level, new_match
from game.io.saves import save_match
from tests.hostile_levels import alliance_of_unknown_nations, crowded_world, one_territory_written_many_times
from tests.small_world import small_world, write_level

REPO_ROOT = Path(__file__).resolve().parents[2]
# Each file below is checked in well under a second; the limit is generous for a busy machine,
# and far below the minutes a check that compares every pair would take.
TIME_LIMIT = 30.0


def run_within_limit(*argv: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            [sys.executable, *argv], capture_output=True, text=True, cwd=REPO_ROOT, timeout=TIME_LIMIT
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"took longer than {TIME_LIMIT:.0f} s: {' '.join(argv)[:200]}")


def validate(path: Path) -> subprocess.CompletedProcess[str]:
    return run_within_limit("-m", "game", "validate", str(path))


HOSTILE: list[Any] = [
    pytest.param(
        lambda: alliance_of_unknown_nations(6000),
        "treaties.alliances[1].members[5999]: unknown nation 'n5999'",
        6000,
        id="one alliance of 6,000 nations that do not exist",
    ),
    pytest.param(
        lambda: crowded_world(8000, wars=8000),
        "treaties.alliances[1].members: members 'n0' and 'n3' are at war with each other",
        8000,  # each war is between two members: one problem per war
        id="one alliance of 8,000 nations, every one at war with another member",
    ),
    pytest.param(
        lambda: one_territory_written_many_times(5000),
        "territories[4999].id: duplicate territory id 'paris'",
        4999 * 2 + 4,  # each copy's id and code, and the three nations and one seat left without land
        id="a territory written 5,000 times over a full map",
    ),
]


@pytest.mark.parametrize(("make", "one_problem", "count"), HOSTILE)
def test_a_hostile_level_gets_every_problem_listed_in_good_time(
    tmp_path: Path, make: Callable[[], dict[str, Any]], one_problem: str, count: int
) -> None:
    path = write_level(tmp_path, make())
    result = validate(path)
    assert result.returncode == 1, result.stderr[-2000:]
    lines = result.stderr.splitlines()
    assert f"{path}: {one_problem}" in lines
    assert len(lines) == count
    assert "Traceback" not in result.stderr


def test_a_level_with_one_alliance_of_8000_nations_is_valid_and_checked_in_good_time(tmp_path: Path) -> None:
    path = write_level(tmp_path, crowded_world(8000))
    result = validate(path)
    assert (result.returncode, result.stdout, result.stderr) == (0, f"{path}: ok\n", "")


LOAD = """
import sys
from game.io.saves import SaveError, load_match
try:
    match = load_match(sys.argv[1])
except SaveError as err:
    print(err)
    sys.exit(1)
print(len(match.level.nations), "nations")
"""


def test_a_save_of_a_match_among_6000_allies_loads_in_good_time(tmp_path: Path) -> None:
    level = Level.model_validate(crowded_world(6000))  # valid; the checks are what is being timed
    path = tmp_path / "crowd.json"
    save_match(new_match(level, seed=3), path)
    result = run_within_limit("-c", LOAD, str(path))
    assert (result.returncode, result.stdout, result.stderr) == (0, f"{6000 + 3} nations\n", "")


def test_a_save_whose_level_was_swapped_for_a_hostile_one_is_refused_in_good_time(tmp_path: Path) -> None:
    path = tmp_path / "swapped.json"
    save_match(new_match(Level.model_validate(small_world()), seed=3), path)
    save = json.loads(path.read_text(encoding="utf-8"))
    save["level"] = alliance_of_unknown_nations(6000)
    path.write_text(json.dumps(save), encoding="utf-8")
    result = run_within_limit("-c", LOAD, str(path))
    assert result.returncode == 1, result.stdout + result.stderr[-2000:]
    assert result.stdout.startswith(str(path)) and len(result.stdout.splitlines()) == 1
    assert result.stderr == ""
