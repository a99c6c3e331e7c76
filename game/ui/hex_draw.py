"""Drawing of hex maps' pieces, shared by the match's map and the editor's canvas.

Each function draws one thing the way every map on screen draws it: a sea cell, the borders
around a piece of land, a capital's star, a garrison badge, a territory's name. Callers give
geometry (an edge function, corner points) already placed on their surface.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping

import pygame

from game.core.hexgrid import Cell, neighbours

Point = tuple[float, float]
Segment = tuple[Point, Point]
Colour = tuple[int, int, int]
#: Hexes smaller than this draw no cell lines on the sea nor thin borders between territories.
FINE_LINES_MIN_SIZE = 9
#: Names are drawn this many pixels high whatever the zoom (times the UI scale): readable when
#: zoomed out, not shouting when zoomed in.
LABEL_FONT_MIN, LABEL_FONT_MAX = 11, 18
#: How far each terrain's tint (the theme's ``terrain_<name>`` map colour) moves a territory's fill.
TERRAIN_TINT: dict[str, float] = {"plains": 0.10, "forest": 0.22, "hills": 0.18, "mountains": 0.30, "urban": 0.12}


def mix(a: Iterable[int], b: Iterable[int], t: float) -> Colour:
    """Blend colour ``a`` toward ``b`` by ``t`` (0..1)."""
    av, bv = list(a)[:3], list(b)[:3]
    return (
        int(av[0] + (bv[0] - av[0]) * t),
        int(av[1] + (bv[1] - av[1]) * t),
        int(av[2] + (bv[2] - av[2]) * t),
    )


def terrain_tinted(colour: Iterable[int], terrain: str, palette: Mapping[str, pygame.Color]) -> Colour:
    """A land's fill shaded a little toward its terrain's colour, so the terrain reads on the map."""
    tint = palette[f"terrain_{terrain}"]
    return mix(colour, (tint.r, tint.g, tint.b), TERRAIN_TINT[terrain])


def label_font_size(size: float, scale: float = 1.0) -> int:
    return int(round(max(LABEL_FONT_MIN, min(LABEL_FONT_MAX, size * 0.42)) * scale))


def draw_sea_cell(
    surface: pygame.Surface, points: list[Point], coast: bool, size: float, palette: Mapping[str, pygame.Color]
) -> None:
    """A sea cell over the sea's fill: shallow along a coast, with a faint outline when large enough."""
    if coast:
        pygame.draw.polygon(surface, palette["sea_shallow"], points)
    if size >= FINE_LINES_MIN_SIZE:
        pygame.draw.polygon(surface, palette["sea_line"], points, 1)


def draw_borders(
    surface: pygame.Surface,
    land: Iterable[tuple[Cell, str]],
    territory_of: Mapping[Cell, str],
    owner_of: Callable[[str], str | None],
    edge: Callable[[Cell, Cell], Segment],
    size: float,
    palette: Mapping[str, pygame.Color],
) -> None:
    """Borders around each land cell: bold along coasts and between nations, thin between two
    territories of one nation, none inside a territory. ``edge`` places a shared edge on ``surface``."""
    thin = max(1, int(size / 22))
    bold = max(2, int(size / 9))
    for cell, territory in land:
        for other in neighbours(cell):
            other_territory = territory_of.get(other)
            if other_territory == territory:
                continue
            a, b = edge(cell, other)
            if other_territory is None:
                pygame.draw.line(surface, palette["territory_border"], a, b, bold)
            elif owner_of(other_territory) != owner_of(territory):
                pygame.draw.line(surface, palette["nation_border"], a, b, bold)
            elif size >= FINE_LINES_MIN_SIZE:
                pygame.draw.line(surface, palette["territory_border"], a, b, thin)


def draw_star(surface: pygame.Surface, centre: Point, radius: float, fill: pygame.Color, outline: pygame.Color) -> None:
    """A capital's five-pointed star."""
    cx, cy = centre
    points = []
    for i in range(10):
        angle = math.pi / 2 + i * math.pi / 5
        r = radius if i % 2 == 0 else radius * 0.45
        points.append((cx + r * math.cos(angle), cy - r * math.sin(angle)))
    pygame.draw.polygon(surface, fill, points)
    pygame.draw.polygon(surface, outline, points, 1)


def capital_radius(size: float) -> float:
    return max(3.5, size * 0.25)


def badge(
    font: pygame.font.Font,
    amount: int,
    ring_colour: Colour | pygame.Color,
    size: int,
    palette: Mapping[str, pygame.Color],
    dim: bool = False,
) -> pygame.Surface:
    """A garrison badge: the number on a dark pill ringed in its nation's colour (greyed when spent)."""
    ink = palette["badge_text"]
    text = font.render(str(amount), True, mix(ink, palette["badge_dim_text"], 0.6) if dim else ink)
    ring = max(2, size // 6)
    height = text.get_height() + 2
    width = max(height, text.get_width() + height // 2 + 2)
    surf = pygame.Surface((width, height), pygame.SRCALPHA)
    rect = surf.get_rect()
    pygame.draw.rect(surf, palette["badge_bg"], rect, border_radius=height // 2)
    pygame.draw.rect(
        surf, mix(ring_colour, palette["badge_dim_ring"], 0.5) if dim else ring_colour, rect, ring, height // 2
    )
    surf.blit(text, text.get_rect(center=rect.center))
    return surf


def badge_font_size(size: float, scale: float = 1.0, boost: float = 1.0) -> int:
    return int(round(max(12, min(22, size * 0.5)) * scale * boost))


def label(font: pygame.font.Font, name: str, palette: Mapping[str, pygame.Color]) -> pygame.Surface:
    """A territory's name in light ink with a dark halo: readable on every nation's colour."""
    text = font.render(name, True, palette["badge_text"])
    shadow = font.render(name, True, palette["label"])
    surf = pygame.Surface((text.get_width() + 2, text.get_height() + 2), pygame.SRCALPHA)
    for dx, dy in ((0, 1), (2, 1), (1, 0), (1, 2), (2, 2), (0, 0), (2, 0), (0, 2)):
        surf.blit(shadow, (dx, dy))
    surf.blit(text, (1, 1))
    return surf
