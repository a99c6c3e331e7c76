"""Where the game keeps the player's files (saves, settings and maps, per platform) and its own.

The game's own files, ``levels/`` and ``assets/``, sit at the top of the repository, where
people who make maps and themes edit them. A wheel ships them inside the package
(``game/levels``, ``game/assets``: see setup.py), so an installed game finds them through
importlib.resources; a checkout, editable install or not, uses the repository's folders.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

import platformdirs

APP = "alliances"


def user_data_dir() -> Path:
    """The platform's user data dir; ``ALLIANCES_HOME`` overrides it (tests, portable installs)."""
    override = os.environ.get("ALLIANCES_HOME")
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP, appauthor=False))


def saves_dir() -> Path:
    return user_data_dir() / "saves"


#: Each match autosaves to its own file, ``autosave-<match id>.json``: starting another match,
#: or play-testing a map, never replaces an unfinished match's autosave.
AUTOSAVE_PREFIX = "autosave-"
#: The one autosave slot of the game before format 4: still offered by Continue and the Load screen.
LEGACY_AUTOSAVE = "autosave.json"


def autosave_path(match_id: str) -> Path:
    """The autosave of the match with this id (see game.io.saves.new_match_id)."""
    return saves_dir() / f"{AUTOSAVE_PREFIX}{match_id}.json"


def settings_path() -> Path:
    return user_data_dir() / "settings.json"


def maps_dir() -> Path:
    return user_data_dir() / "maps"


def source_tree() -> Path | None:
    """The repository the game runs from, or None when it runs from an installed package.

    A folder beside the package counts only with the project's pyproject.toml in it: an
    installed game's neighbour in site-packages may well be another package's ``assets``.
    """
    root = Path(__file__).resolve().parents[2]
    return root if (root / "pyproject.toml").is_file() and (root / "game").is_dir() else None


def shipped_dir(name: str) -> Path:
    """The game's own folder ``name`` (``levels`` or ``assets``): the repository's, else the package's."""
    root = source_tree()
    if root is not None and (root / name).is_dir():
        return root / name
    return Path(str(resources.files("game").joinpath(name)))


def shipped_levels_dir() -> Path:
    """The levels that come with the game."""
    return shipped_dir("levels")


def assets_dir() -> Path:
    """The theme, fonts and sounds that come with the game."""
    return shipped_dir("assets")
