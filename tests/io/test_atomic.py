"""Files we write replace the old ones whole, and otherwise behave as if the user's editor wrote them."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pytest_mock import MockerFixture

from game.io.atomic import HOST_TAG, WriteError, write_atomic

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


# Hostile output paths: a link planted where the game writes never sends the write elsewhere, and
# anything the disk refuses is one sentence naming the file, with the old file as it was.


def refusal(path: Path) -> str:
    with pytest.raises(WriteError) as refused:
        write_atomic(path, "new")
    assert isinstance(refused.value, OSError), "callers that catch OSError still catch it"
    return str(refused.value)


@posix_only
def test_a_symbolic_link_that_loops_is_refused_in_a_sentence(tmp_path: Path) -> None:
    loop = tmp_path / "loop.json"
    loop.symlink_to(loop.name)
    assert refusal(loop) == f"{loop}: cannot write: it is a symbolic link that loops back on itself"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["loop.json"] and loop.is_symlink()


@posix_only
def test_a_loop_of_two_links_is_refused_as_well(tmp_path: Path) -> None:
    (tmp_path / "a.json").symlink_to("b.json")
    (tmp_path / "b.json").symlink_to("a.json")
    assert "loops back on itself" in refusal(tmp_path / "a.json")


@posix_only
def test_a_dangling_link_is_refused_and_nothing_is_created_where_it_points(tmp_path: Path) -> None:
    dangling = tmp_path / "map.json"
    dangling.symlink_to(tmp_path / "gone" / "map.json")
    message = refusal(dangling)
    assert message.startswith(f"{dangling}: cannot write: it is a symbolic link to ") and "does not exist" in message
    assert not (tmp_path / "gone").exists() and dangling.is_symlink()


@posix_only
def test_a_link_out_of_its_folder_is_refused_and_the_file_it_points_to_is_untouched(tmp_path: Path) -> None:
    precious = tmp_path / "home" / ".bashrc"
    precious.parent.mkdir()
    precious.write_text("the user's own file", encoding="utf-8")
    maps = tmp_path / "maps"
    maps.mkdir()
    planted = maps / "mine.json"
    planted.symlink_to(precious)
    assert "outside its folder" in refusal(planted)
    assert precious.read_text(encoding="utf-8") == "the user's own file"
    assert planted.is_symlink() and [p.name for p in maps.iterdir()] == ["mine.json"]


@posix_only
def test_a_relative_link_that_climbs_out_of_its_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "outside.json").write_text("keep", encoding="utf-8")
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "mine.json").symlink_to("../outside.json")
    assert "outside its folder" in refusal(tmp_path / "maps" / "mine.json")
    assert (tmp_path / "outside.json").read_text(encoding="utf-8") == "keep"


def test_a_folder_where_the_file_should_be_is_refused_in_a_sentence(tmp_path: Path) -> None:
    (tmp_path / "map.json").mkdir()
    assert refusal(tmp_path / "map.json") == f"{tmp_path / 'map.json'}: cannot write: it is a folder; name a file"


def test_a_file_where_a_folder_should_be_is_refused_in_a_sentence(tmp_path: Path) -> None:
    (tmp_path / "maps").write_text("a file", encoding="utf-8")
    message = refusal(tmp_path / "maps" / "mine.json")
    assert message == f"{tmp_path / 'maps' / 'mine.json'}: cannot write: part of the path is a file, not a folder"
    assert (tmp_path / "maps").read_text(encoding="utf-8") == "a file"


@posix_only
def test_a_pipe_at_the_path_is_left_alone(tmp_path: Path) -> None:
    pipe = tmp_path / "map.json"
    os.mkfifo(pipe)
    assert "not a regular file" in refusal(pipe)
    assert stat.S_ISFIFO(pipe.lstat().st_mode)


@posix_only
def test_a_read_only_folder_is_a_sentence_and_the_old_file_stays(tmp_path: Path, mocker: MockerFixture) -> None:
    folder = tmp_path / "maps"
    folder.mkdir()
    (folder / "mine.json").write_text("old", encoding="utf-8")
    folder.chmod(0o555)
    try:
        if os.geteuid() == 0:  # root writes anywhere: make the folder refuse as it would anyone else
            denied = PermissionError(errno.EACCES, "Permission denied")
            mocker.patch("tempfile.mkstemp", side_effect=denied)
        message = refusal(folder / "mine.json")
    finally:
        folder.chmod(0o755)
    assert (
        message
        == f"{folder / 'mine.json'}: cannot write: permission denied: the folder '{folder}' cannot be written to"
    )
    assert [p.name for p in folder.iterdir()] == ["mine.json"]
    assert (folder / "mine.json").read_text(encoding="utf-8") == "old"


# Temp files left by a crash are swept the next time the folder is written; nothing else ever is.

HOUR = 60 * 60
ELSEWHERE = "000000" if HOST_TAG != "000000" else "111111"  # the tag of another machine


def left_behind(folder: Path, name: str, age: float = 0.0) -> Path:
    path = folder / name
    path.write_text("half a save", encoding="utf-8")
    if age:
        when = time.time() - age
        os.utime(path, (when, when))
    return path


def dead_pid() -> int:
    child = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(child.stdout)


NOT_OURS = [
    "notes.tmp",
    ".notes.tmp",
    "mine.json.abcdefgh.tmp",  # no leading dot
    ".mine.json.ABCDEFGH.tmp",  # not what mkstemp makes
    ".mine.json.abcdefg.tmp",
    ".mine.json.abcdefgh.tmp.bak",
    ".mine.json.abcdefgh.temp",
    ".mine.json.swp",
    "mine.json",
]


@posix_only
def test_the_next_write_sweeps_our_stale_temp_files_and_nothing_else(tmp_path: Path) -> None:
    stale = [".autosave.json.k2j4x9_q.tmp", f".mine.json.4242-{HOST_TAG}.abcdefgh.tmp", ".shot.png.00000000.tmp"]
    for name in stale:
        left_behind(tmp_path, name, age=2 * HOUR)
    for name in NOT_OURS:
        left_behind(tmp_path, name, age=30 * 24 * HOUR)
    maybe_live = [
        f".mine.json.{os.getpid()}-{HOST_TAG}.abcdefgh.tmp",  # this very process could be writing it
        f".mine.json.{dead_pid()}-{ELSEWHERE}.abcdefgh.tmp",  # another machine's process: its id means nothing here
        ".mine.json.abcdefgh.tmp",  # written without a process id: only its age tells
    ]
    for name in maybe_live:
        left_behind(tmp_path, name)
    (tmp_path / ".a.json.abcdefgh.tmp").mkdir()  # named like ours, but a folder
    (tmp_path / ".b.json.abcdefgh.tmp").symlink_to(tmp_path / ".a.json.abcdefgh.tmp")
    os.utime(tmp_path / ".a.json.abcdefgh.tmp", (0, 0))
    theirs = []
    if os.geteuid() == 0:  # a stale temp file of another user is theirs to clean
        theirs = [left_behind(tmp_path, ".theirs.json.abcdefgh.tmp", age=2 * HOUR).name]
        os.chown(tmp_path / theirs[0], 65534, 65534)

    write_atomic(tmp_path / "settings.json", "{}")

    kept = {*NOT_OURS, *maybe_live, *theirs, ".a.json.abcdefgh.tmp", ".b.json.abcdefgh.tmp", "settings.json"}
    assert {p.name for p in tmp_path.iterdir()} == kept


@posix_only
def test_a_fresh_temp_file_of_a_writer_that_died_is_swept_at_once(tmp_path: Path) -> None:
    left_behind(tmp_path, f".mine.json.{dead_pid()}-{HOST_TAG}.abcdefgh.tmp")
    write_atomic(tmp_path / "other.json", "{}")
    assert [p.name for p in tmp_path.iterdir()] == ["other.json"]


@posix_only
def test_a_write_killed_half_way_leaves_a_temp_file_that_the_next_write_sweeps(tmp_path: Path) -> None:
    writer = subprocess.Popen(
        [sys.executable, "-c", HANGING_WRITE, str(tmp_path / "save.json")],
        cwd=Path(__file__).resolve().parents[2],
    )
    try:
        deadline = time.monotonic() + 30
        while not list(tmp_path.glob(".save.json.*.tmp")):
            assert time.monotonic() < deadline and writer.poll() is None, "the writer never started its temp file"
            time.sleep(0.02)
    finally:
        writer.kill()
        writer.wait(timeout=30)
    assert len(list(tmp_path.glob(".*.tmp"))) == 1, "the kill left its temp file"
    write_atomic(tmp_path / "save.json", "the next save")
    assert [p.name for p in tmp_path.iterdir()] == ["save.json"]


# A writer that stops for ever after writing its temp file, as a machine that dies mid-save would.
HANGING_WRITE = """
import os, sys, time
os.fsync = lambda fd: time.sleep(3600)
from game.io.atomic import write_atomic
write_atomic(sys.argv[1], "x" * 100_000)
"""
