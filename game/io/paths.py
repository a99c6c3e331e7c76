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


def shipped_levels_dir() -> Path:
    """The levels that come with the game (the repository's levels/ folder)."""
    return Path(__file__).resolve().parents[2] / "levels"
