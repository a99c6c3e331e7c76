"""How the shell moves between screens: into a match, back to the menu, where levels come from.

One function per journey, so the menu, the pause menu, the game-over screen and the
``alliances play`` command all start and resume matches the same way.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from game.core import Level, Match, new_match
from game.core.engine import HUMAN
from game.io.levels import LevelError, load_level
from game.io.paths import maps_dir, shipped_levels_dir
from game.io.saves import new_match_id

if TYPE_CHECKING:
    from game.ui.app import App
    from game.ui.scene import Scene

#: The doctrine of the AI opponent; the difficulty is appended ("bandwagoner:hard").
AI_DOCTRINE = "bandwagoner"
DIFFICULTIES = ("easy", "normal", "hard")
#: The level the menu offers first, when it is shipped.
DEFAULT_LEVEL_STEM = "tutorial"


def controllers_for(difficulty: str | None, human_seat: int = 0) -> tuple[str, str]:
    """Who plays each seat: two humans (hot-seat), or a human and the AI at ``difficulty``."""
    if difficulty is None:
        return (HUMAN, HUMAN)
    bot = f"{AI_DOCTRINE}:{difficulty}"
    return (HUMAN, bot) if human_seat == 0 else (bot, HUMAN)


def ai_of(match: Match) -> dict[int, str] | None:
    """The bot spec of each seat not played by a human, as MatchScene takes it (None: hot-seat)."""
    bots = {seat: spec for seat, spec in enumerate(match.controllers) if spec != HUMAN}
    return bots or None


def new_seed() -> int:
    return random.SystemRandom().randrange(1, 2**31)


def match_scene_class() -> type[Scene]:
    """The match screen's class; a function so tests can stand a light stub in its place."""
    from game.ui.scenes.match import MatchScene  # late: the match screen imports half of game.ui

    return MatchScene


def open_match(app: App, match: Match) -> None:
    """Show ``match`` on the match screen, alone on the stack."""
    app.reset_to(match_scene_class()(app, match, ai=ai_of(match)))  # type: ignore[call-arg]


def begin_match(level: Level, seed: int, controllers: tuple[str, str], match_id: str | None = None) -> Match:
    """A new match with an id of its own, so that its autosave never replaces another match's."""
    match = new_match(level, seed, controllers)
    match.match_id = match_id or new_match_id()
    return match


def start_match(
    app: App, level: Level, controllers: tuple[str, str], seed: int | None = None, match_id: str | None = None
) -> None:
    open_match(app, begin_match(level, new_seed() if seed is None else seed, controllers, match_id))


def to_menu(app: App) -> None:
    from game.ui.scenes.menu import MenuScene

    app.reset_to(MenuScene(app))


# Levels --------------------------------------------------------------------


@dataclass
class LevelEntry:
    """A level the player can pick: loaded, or with the first problem that keeps it from loading."""

    path: Path
    level: Level | None
    problem: str | None
    user_map: bool

    @property
    def title(self) -> str:
        return self.level.title if self.level is not None else self.path.stem


def level_catalogue() -> list[LevelEntry]:
    """Shipped levels (the tutorial first), then the player's own maps; broken files included."""
    entries: list[LevelEntry] = []
    for folder, user_map in ((shipped_levels_dir(), False), (maps_dir(), True)):
        try:
            paths = sorted(folder.glob("*.json"))
        except OSError:
            continue
        if not user_map:
            paths.sort(key=lambda p: p.stem != DEFAULT_LEVEL_STEM)
        for path in paths:
            try:
                entries.append(LevelEntry(path, load_level(path), None, user_map))
            except LevelError as err:
                entries.append(LevelEntry(path, None, str(err.problems[0]) if err.problems else str(err), user_map))
            except OSError as err:
                entries.append(LevelEntry(path, None, f"cannot read it ({err.strerror or err})", user_map))
    return entries


def default_level() -> LevelEntry | None:
    """The tutorial if it is shipped, else the first level that loads."""
    return next((e for e in level_catalogue() if e.level is not None), None)
