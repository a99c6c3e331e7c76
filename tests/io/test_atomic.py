"""Files we write replace the old ones whole, and otherwise behave as if the user's editor wrote them."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from game.io.atomic import write_atomic

posix_only = pytest.mark.skipif(os.name != "posix", reason="permissions and links as POSIX has them")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@posix_only
def test_overwriting_a_file_keeps_its_permissions(tmp_path: Path) -> None:
    path = tmp_path / "map.json"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o640)
    write_atomic(path, "new")
    assert path.read_text(encoding="utf-8") == "new"
    assert mode(path) == 0o640


@posix_only
def test_a_new_file_gets_the_users_umask_not_a_temp_files_0600(tmp_path: Path) -> None:
    path = tmp_path / "map.json"
    write_atomic(path, "{}")
    expected = 0o666 & ~_umask()
    assert mode(path) == expected


@posix_only
def test_a_symbolic_link_is_written_through_not_replaced(tmp_path: Path) -> None:
    real = tmp_path / "maps" / "real.json"
    real.parent.mkdir()
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    write_atomic(link, "new")
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "new"


def test_no_temp_file_is_left_behind(tmp_path: Path) -> None:
    write_atomic(tmp_path / "a.json", "x")
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
