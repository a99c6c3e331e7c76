"""Colours that are not widgets' (the map's) come from the same theme file as the widgets'."""

from __future__ import annotations

import json
from functools import cache

import pygame

from game.core import Level
from game.ui.app import THEME_PATH
from game.ui.palette import RGB, Scheme, current_scheme, nation_fills, parse_hex


@cache
def _theme() -> dict[str, dict[str, dict[str, str]]]:
    return json.loads(THEME_PATH.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def map_palette() -> dict[str, pygame.Color]:
    return {name: pygame.Color(value) for name, value in _theme()["#map"]["colours"].items()}


def colour(name: str) -> pygame.Color:
    """A named colour from the theme's defaults (e.g. 'normal_text', 'hovered_border')."""
    return pygame.Color(_theme()["defaults"]["colours"][name])


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
    return pygame.Color(*found) if found is not None else pygame.Color(128, 128, 128)


def sizes(block: str) -> dict[str, int]:
    """The pixel sizes of one theme block (font sizes, widths), e.g. ``sizes("#map_hud")``."""
    return {name: int(value) for name, value in _theme()[block].get("sizes", {}).items()}


def number(block: str, name: str) -> int:
    """A whole number from a theme block's ``misc`` (a font size, a height): number("#doctrines", "badge_height")."""
    return int(_theme()[block]["misc"][name])
