"""Every text in the theme reads against what it is drawn on: WCAG 2 contrast of at least 4.5:1.

Relative luminance and contrast ratio as WCAG 2 defines them (game.ui.palette.contrast_ratio).
A see-through background is what shows beneath it: the window or panel colour for the widgets,
the sea for the map's own boxes. Disabled controls are exempt, as WCAG exempts them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pygame
import pytest

from game.editor import generate_level
from game.io.levels import load_level
from game.ui.palette import MIN_TEXT_CONTRAST, SCHEMES, Scheme, contrast_ratio, parse_hex
from game.ui.panels.common import TEXT_GROUNDS, ink, readable
from game.ui.theme import THEME_PATH, nation_fills_of

THEME = json.loads(THEME_PATH.read_text(encoding="utf-8"))
DEFAULTS = THEME["defaults"]["colours"]
RGBA = tuple[int, int, int, int]


def rgba(text: str) -> RGBA:
    value = text.lstrip("#")
    alpha = int(value[6:8], 16) if len(value) == 8 else 255
    r, g, b = parse_hex(value)
    return r, g, b, alpha


def over(top: str, beneath: str) -> tuple[int, int, int]:
    """``top`` as it looks composited over the opaque ``beneath``."""
    r, g, b, a = rgba(top)
    br, bg, bb, _ = rgba(beneath)
    t = a / 255
    return round(r * t + br * (1 - t)), round(g * t + bg * (1 - t)), round(b * t + bb * (1 - t))


WINDOW = over(THEME["#match_window"]["colours"]["dark_bg"], "#000000")
WINDOW_HEX = "#{:02x}{:02x}{:02x}".format(*WINDOW)
SEA = THEME["#map"]["colours"]["sea"]


def widget_pairs() -> list[tuple[str, str, tuple[int, int, int], tuple[int, int, int]]]:
    """(block, state, text, background) for each pygame_gui block that sets a text colour or its ground."""
    found = []
    for block, body in THEME.items():
        colours = body.get("colours", {})
        if block.startswith("#") and not any(k.endswith("_text") or k.endswith("_bg") for k in colours):
            continue  # the blocks of our own drawing: checked below, each with its grounds
        for state in ("normal", "hovered", "selected", "active"):
            text = colours.get(f"{state}_text") or DEFAULTS[f"{state}_text"]
            ground = colours.get(f"{state}_bg")
            if ground is None and f"{state}_text" not in colours:
                continue
            if ground is None or rgba(ground)[3] == 0:
                # A label or text box: its text lies on the window or panel beneath.
                dark = colours.get("dark_bg")
                ground_rgb = over(dark, WINDOW_HEX) if dark else WINDOW
            else:
                ground_rgb = over(ground, WINDOW_HEX)
            found.append((block, state, parse_hex(text), ground_rgb))
    return found


@pytest.mark.parametrize(("block", "state", "text", "ground"), widget_pairs(), ids=lambda v: str(v))
def test_widget_text_reads_on_its_background(
    block: str, state: str, text: tuple[int, int, int], ground: tuple[int, int, int]
) -> None:
    assert contrast_ratio(text, ground) >= MIN_TEXT_CONTRAST, f"{block} {state}: {contrast_ratio(text, ground):.2f}"


# The colours of our own drawing, each with what it is drawn on.
OWN: list[tuple[str, list[str], list[str]]] = [
    ("#match", ["text", "muted", "heading", "good", "bad", "warn", "ai"], ["panel_bg", "bar_bg", "inset_bg"]),
    ("#shell", ["text", "muted", "title", "tagline", "victory", "defeat"], ["background"]),
    ("#shell", ["key_text"], ["key_cap"]),
    ("#charts", ["text", "title", "axis"], ["background"]),
    ("#toast", ["text", "error"], ["background"]),
    ("#map", ["badge_text"], ["badge_bg"]),
    ("#map_hud", ["hud_text", "hud_muted", "hud_heading"], ["hud_bg", "search_bg"]),
    ("#map_hud", ["hud_text"], ["hud_hover_bg", "search_match_bg"]),
    ("#map_hud", ["hud_active_text"], ["hud_active_bg"]),
]


def own_pairs() -> list[tuple[str, str, str]]:
    return [(block, text, ground) for block, texts, grounds in OWN for text in texts for ground in grounds]


@pytest.mark.parametrize(("block", "text", "ground"), own_pairs())
def test_our_own_text_reads_on_what_it_is_drawn_on(block: str, text: str, ground: str) -> None:
    colours = THEME[block]["colours"]
    on = over(colours[ground], SEA if block.startswith("#map") else "#000000")
    ratio = contrast_ratio(parse_hex(colours[text]), on)
    assert ratio >= MIN_TEXT_CONTRAST, f"{block} {text} on {ground}: {ratio:.2f}"


@pytest.mark.parametrize("ground", ["panel_bg", "bar_bg", "inset_bg", "window"])
def test_a_bar_s_label_reads_beside_the_bar_on_the_panels_and_the_windows(ground: str) -> None:
    # bar_surface writes the label in the text colour beside the bar, on whatever lies beneath it.
    beneath = WINDOW if ground == "window" else tuple(ink(ground))[:3]
    assert contrast_ratio(tuple(ink("text"))[:3], beneath) >= MIN_TEXT_CONTRAST


def nation_colours() -> list[tuple[str, Scheme, tuple[int, int, int]]]:
    levels = [load_level(p) for p in sorted(Path("levels").glob("*.json"))]
    levels.append(generate_level(4, 32, 24, 16))
    return [
        (nation, scheme, colour)
        for level in levels
        for scheme in SCHEMES
        for nation, colour in nation_fills_of(level, scheme).items()
    ]


def test_a_nation_s_name_in_its_colour_reads_on_every_panel() -> None:
    failing = []
    for nation, scheme, colour in nation_colours():
        text = parse_hex(readable(pygame.Color(*colour)))
        for ground in TEXT_GROUNDS:
            ratio = contrast_ratio(text, tuple(ink(ground))[:3])
            if ratio < MIN_TEXT_CONTRAST:
                failing.append(f"{nation} ({scheme}) on {ground}: {ratio:.2f}")
    assert failing == []
