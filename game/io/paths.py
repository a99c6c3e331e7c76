"""Where the game keeps the player's files: saves, settings and maps, per platform."""

from __future__ import annotations

import os
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


def shipped_levels_dir() -> Path:
    """The levels that come with the game (the repository's levels/ folder)."""
    return Path(__file__).resolve().parents[2] / "levels"
