"""The saves folder: which autosave Continue means, and names a player can give a save."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from game.io import shelf
from game.io.paths import LEGACY_AUTOSAVE, autosave_path, saves_dir
from game.io.saves import PLAYTEST_ID


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ALLIANCES_HOME", str(tmp_path))
    saves_dir().mkdir(parents=True)
    return saves_dir()


def written(path: Path, age: int) -> Path:
    """A file in the folder, last written ``age`` minutes ago."""
    path.write_text("{}", encoding="utf-8")
    moment = 1_800_000_000 - age * 60
    os.utime(path, (moment, moment))
    return path


def test_continue_means_the_autosave_written_last_but_never_a_play_test(folder: Path) -> None:
    written(autosave_path("aaaa"), age=30)
    newest_match = written(autosave_path("bbbb"), age=20)
    written(autosave_path(PLAYTEST_ID), age=5)
    written(folder / "named.json", age=1)
    assert shelf.last_played() == newest_match


def test_the_single_autosave_of_older_versions_still_counts(folder: Path) -> None:
    legacy = written(folder / LEGACY_AUTOSAVE, age=3)
    written(autosave_path("aaaa"), age=10)
    assert shelf.last_played() == legacy and shelf.display_name(legacy) == "Autosave"


def test_no_autosave_means_nothing_to_continue(folder: Path) -> None:
    written(folder / "named.json", age=1)
    assert shelf.last_played() is None


@pytest.mark.parametrize(
    ("typed", "kept"),
    [("  Duel with Anna ", "Duel with Anna"), ("Étoile (1914)", "Étoile (1914)"), ("v2.final", "v2.final")],
)
def test_a_name_is_trimmed_and_kept_as_typed(typed: str, kept: str) -> None:
    assert shelf.clean_name(typed) == kept


@pytest.mark.parametrize(
    ("typed", "why"),
    [
        ("a/b", "cannot hold '/'"),
        ("a\\b", "cannot hold '\\'"),
        ("nul\x00", "cannot hold 'U+0000'"),
        (".hidden", "cannot start or end with a dot"),
        ("Autosave of mine", "kept for the autosaves"),
        ("con", "names a device on Windows"),
        ("x" * 81, "at most 80 characters"),
        ("", "Type a name"),
    ],
)
def test_a_name_that_cannot_be_a_file_name_says_why(typed: str, why: str) -> None:
    with pytest.raises(shelf.ShelfError) as caught:
        shelf.clean_name(typed)
    assert why in str(caught.value)


def test_rename_never_replaces_another_save(folder: Path) -> None:
    mine, other = written(folder / "mine.json", 2), written(folder / "other.json", 1)
    other.write_text('{"other": true}', encoding="utf-8")
    with pytest.raises(shelf.ShelfError, match="There is already a save called 'other'"):
        shelf.rename_save(mine, "other")
    assert other.read_text(encoding="utf-8") == '{"other": true}' and mine.exists()


def test_a_renamed_autosave_becomes_a_save_of_its_own(folder: Path) -> None:
    auto = written(autosave_path("aaaa"), 1)
    renamed = shelf.rename_save(auto, "Kept forever")
    assert renamed == folder / "Kept forever.json" and not auto.exists()
    assert shelf.last_played() is None


def test_deleting_a_save_that_is_already_gone_is_no_error(folder: Path) -> None:
    shelf.delete_save(folder / "gone.json")
