"""The one reader of ``assets/theme.json``: colours, font sizes and alphas that pygame draws itself.

pygame_gui reads the same file for its widgets (``App`` hands it ``THEME_PATH``); every other
colour, font size and alpha in ``game/ui`` is asked of this module by name, so the look lives in
the theme file and nowhere else (tests/ui/test_ui_architecture.py holds the code to that).
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import pygame

from game.core import Level
from game.io.paths import assets_dir
from game.ui.palette import RGB, Scheme, current_scheme, nation_fills, parse_hex

THEME_PATH = assets_dir() / "theme.json"


@cache
def _theme() -> dict[str, dict[str, Any]]:
    return json.loads(THEME_PATH.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def theme_data() -> dict[str, dict[str, Any]]:
    """The whole theme file as read (shared, do not change it): for checks over every block."""
    return _theme()


def map_palette() -> dict[str, pygame.Color]:
    return {name: pygame.Color(value) for name, value in _theme()["#map"]["colours"].items()}


def colour(name: str) -> pygame.Color:
    """A named colour from the theme's defaults (e.g. 'normal_text', 'hovered_border')."""
    return pygame.Color(_theme()["defaults"]["colours"][name])


def ink(name: str) -> pygame.Color:
    """A colour of the match screen's own drawing: the ``#match`` block, then the defaults.

    An unknown name is drawn magenta, so a typo shows on screen instead of crashing a match.
    """
    value = _theme().get("#match", {}).get("colours", {}).get(name) or _theme()["defaults"]["colours"].get(name)
    return pygame.Color(value or "#ff00ff")


def colours(block: str) -> dict[str, pygame.Color]:
    """The colours of one theme block, e.g. ``colours("#charts")`` for what pygame draws itself."""
    return {name: pygame.Color(value) for name, value in _theme()[block]["colours"].items()}


# Nation colours ---------------------------------------------------------------------------------
def nation_candidates(scheme: Scheme) -> tuple[RGB, ...]:
    """The colours a nation may be given when its own fails, in the theme's order."""
    block = _theme()["#nation_palette"]["colours"]
    prefix = f"{scheme}_"
    return tuple(parse_hex(block[k]) for k in sorted(block) if k.startswith(prefix))


def nation_fills_of(level: Level, scheme: Scheme | None = None) -> dict[str, RGB]:
    """Every nation's fill on the map in ``scheme`` (default: the one in use), checked for contrast."""
    sea = map_palette()["sea"]
    return nation_fills(
        level,
        (sea.r, sea.g, sea.b),
        nation_candidates("standard"),
        nation_candidates("colour_blind"),
        scheme or current_scheme(),
    )


def nation_fill(level: Level, nation: str) -> pygame.Color:
    """One nation's colour as every screen shows it (the map, the panels' swatches, the legend)."""
    found = nation_fills_of(level).get(nation)
    return pygame.Color(*found) if found is not None else map_palette()["unknown_nation"]


def sizes(block: str) -> dict[str, int]:
    """The pixel sizes of one theme block (font sizes, widths), e.g. ``sizes("#map_hud")``."""
    return {name: int(value) for name, value in _theme()[block].get("sizes", {}).items()}


def number(block: str, name: str) -> int:
    """A whole number from a theme block's ``misc`` (a font size, a height): number("#doctrines", "badge_height")."""
    return int(_theme()[block]["misc"][name])


def font_size(role: str) -> int:
    """The point size of a text role (``caption``, ``body``, ``heading``, ...), from ``#font_sizes``."""
    return sizes("#font_sizes")[role]


def opacity(role: str) -> int:
    """An opacity (0-255) the code draws with (``move_target``, ``menu_backdrop_map``), from ``#alphas``."""
    return sizes("#alphas")[role]


def html_colour(block: str, name: str) -> str:
    """A theme colour as ``#rrggbb`` for pygame_gui's HTML text (``<font color='...'>``)."""
    c = colours(block)[name]
    return f"#{c.r:02x}{c.g:02x}{c.b:02x}"
