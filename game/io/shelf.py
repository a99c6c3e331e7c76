"""The saves folder as a player sees it: autosaves, named saves, the last match played.

Each match autosaves to its own file (``autosave-<match id>.json``), so **Continue** means the
autosave written last, except the map editor's play-tests, which share one slot of their own
and are never what Continue resumes. A save's name is its file's name; renaming and deleting
are done here, so that the Load screen only asks and shows, and every failure comes back as a
sentence (:class:`ShelfError`), never an OSError.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

from game.io.atomic import write_problem
from game.io.paths import AUTOSAVE_PREFIX, LEGACY_AUTOSAVE, autosave_path, saves_dir
from game.io.saves import PLAYTEST_ID

MAX_NAME = 80
#: Characters a save's name may hold besides letters and digits: safe in a file name on every system.
NAME_PUNCTUATION = " -_.,()'&+!"
#: Names Windows keeps for devices, whatever follows the dot: a save called 'con' could not be written there.
WINDOWS_DEVICES = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


class ShelfError(ValueError):
    """A rename or delete that cannot be done; the message says why, for a player."""


def save_paths() -> list[Path]:
    """Every save in the folder (``*.json``), the newest written first."""
    try:
        paths = [p for p in saves_dir().glob("*.json") if p.is_file()]
    except OSError:
        return []
    return sorted(paths, key=_written, reverse=True)


def _written(path: Path) -> tuple[int, str]:
    try:
        return (path.stat().st_mtime_ns, path.name)
    except OSError:
        return (0, path.name)


def is_autosave(path: Path) -> bool:
    return path.name == LEGACY_AUTOSAVE or path.name.startswith(AUTOSAVE_PREFIX)


def is_playtest(path: Path) -> bool:
    return path.name == autosave_path(PLAYTEST_ID).name


def last_played() -> Path | None:
    """The autosave Continue resumes: the one written last, play-tests left out (an autosave is written at
    every turn, so the newest is the match played last)."""
    return next((p for p in save_paths() if is_autosave(p) and not is_playtest(p)), None)


def display_name(path: Path) -> str:
    """What the Load screen calls a save: its file's name without ``.json``; autosaves by what they are."""
    if is_playtest(path):
        return "Play-test autosave"
    if is_autosave(path):
        return "Autosave"
    return path.stem


def clean_name(name: str) -> str:
    """A name the player typed, as a file name: trimmed, or ShelfError saying what is wrong with it."""
    text = unicodedata.normalize("NFC", name).strip()
    if not text:
        raise ShelfError("Type a name for the save.")
    if len(text) > MAX_NAME:
        raise ShelfError(f"A save's name may be at most {MAX_NAME} characters long.")
    odd = next((c for c in text if not (c.isalnum() or c in NAME_PUNCTUATION)), None)
    if odd is not None:
        shown = odd if odd.isprintable() else f"U+{ord(odd):04X}"
        raise ShelfError(f"A save's name cannot hold '{shown}': use letters, digits, spaces and - _ . , ( ) ' & + !")
    if text.startswith(".") or text.endswith("."):
        raise ShelfError("A save's name cannot start or end with a dot.")
    if text.lower().startswith(AUTOSAVE_PREFIX.rstrip("-")):
        raise ShelfError("Names starting with 'autosave' are kept for the autosaves.")
    if text.split(".")[0].strip().upper() in WINDOWS_DEVICES:
        raise ShelfError(f"'{text}' names a device on Windows: choose another name.")
    return text


def rename_save(path: Path, name: str) -> Path:
    """Give a save a new name (its file is renamed in the same folder); the new path, or ShelfError.

    An autosave renamed becomes a save of its own: the match's next autosave starts a new file.
    An existing save of that name is never replaced.
    """
    text = clean_name(name)
    target = path.with_name(f"{text}.json")
    if target.name == path.name:
        return path
    if target.exists() and not _same_file(target, path):
        raise ShelfError(f"There is already a save called '{text}'.")
    try:
        os.rename(path, target)
    except FileNotFoundError:
        raise ShelfError(f"'{display_name(path)}' is no longer there (deleted outside the game?).") from None
    except OSError as err:
        raise ShelfError(f"Could not rename '{display_name(path)}': {write_problem(err)}.") from None
    return target


def _same_file(a: Path, b: Path) -> bool:
    """On a case-insensitive disk 'Duel.json' and 'duel.json' are one file: renaming one to the other is fine."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def delete_save(path: Path) -> None:
    """Delete a save for good (the Load screen asks first); ShelfError if the file cannot be removed."""
    try:
        path.unlink()
    except FileNotFoundError:
        return
    except OSError as err:
        raise ShelfError(f"Could not delete '{display_name(path)}': {write_problem(err)}.") from None
