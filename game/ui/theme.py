"""Colours that are not widgets' (the map's) come from the same theme file as the widgets'."""

from __future__ import annotations

import json
from functools import cache

import pygame

from game.ui.app import THEME_PATH


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


def number(block: str, name: str) -> int:
    """A whole number from a theme block's ``misc`` (a font size, a height): number("#doctrines", "badge_height")."""
    return int(_theme()[block]["misc"][name])
