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


def autosave_path() -> Path:
    return saves_dir() / "autosave.json"


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
