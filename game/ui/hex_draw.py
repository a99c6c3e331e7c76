"""Drawing of hex maps' pieces, shared by the match's map and the editor's canvas.

Each function draws one thing the way every map on screen draws it: a sea cell, the borders
around a piece of land, a capital's star, a garrison badge, a territory's name. Callers give
geometry (an edge function, corner points) already placed on their surface.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

import pygame

from game.core.hexgrid import Cell, neighbours, to_pixel

Point = tuple[float, float]
Segment = tuple[Point, Point]
Colour = tuple[int, int, int]
#: Hexes smaller than this draw no cell lines on the sea nor thin borders between territories.
FINE_LINES_MIN_SIZE = 9
#: Names are drawn this many pixels high whatever the zoom (times the UI scale): readable when
#: zoomed out, not shouting when zoomed in.
LABEL_FONT_MIN, LABEL_FONT_MAX = 11, 18
#: Hexes smaller than this get no names: the map is a few pixels a territory (a preview).
LABEL_MIN_SIZE = 9.0
#: Pixels between a name's halo and its capital's star: the star never touches the last letter.
STAR_GAP = 3
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


def star_centre(name: pygame.Rect, size: float) -> Point:
    """Where a capital's star goes beside its name: right of it, :data:`STAR_GAP` clear of the halo.

    The star's leftmost points lie 0.95 of its radius left of its centre, so the centre sits a
    whole radius past the gap.
    """
    return name.right + STAR_GAP + capital_radius(size), name.centery


def star_rect(centre: Point, size: float) -> pygame.Rect:
    """The box a capital's star of a map at hex ``size`` covers around ``centre`` (its outline included)."""
    r = capital_radius(size)
    return pygame.Rect(int(centre[0] - r - 1), int(centre[1] - r - 1), int(2 * r + 3), int(2 * r + 3))


def anchor_cell(cells: Sequence[Cell]) -> Cell:
    """The territory's cell nearest its centroid: where its name and badge go on every map."""
    points = [to_pixel(c, 1.0) for c in cells]
    cx = sum(p[0] for p in points) / len(points)
    cy = sum(p[1] for p in points) / len(points)
    return min(cells, key=lambda c: (to_pixel(c, 1.0)[0] - cx) ** 2 + (to_pixel(c, 1.0)[1] - cy) ** 2)


def badge_centre(anchor: Point, size: float) -> Point:
    """Where a territory's garrison badges are centred: a little below its anchor cell's centre."""
    return anchor[0], anchor[1] + size * 0.2


@dataclass(frozen=True)
class Nameplate:
    """A name to place on a map: its text, its territory's anchor (a point on the layer), what ranks it."""

    territory: str
    text: str
    anchor: Point
    cells: int  # the larger territory is named first
    value: int  # then the more valuable
    capital: bool  # a star goes right of the name


def place_labels(
    plates: Iterable[Nameplate],
    font: pygame.font.Font,
    size: float,
    badge_height: int,
    obstacles: Sequence[pygame.Rect],
    bounds: tuple[float, float],
    taken: list[pygame.Rect] | None = None,
) -> dict[str, pygame.Rect]:
    """Where each name goes on a map at hex ``size``, in its layer's coordinates; a name left out is absent.

    Names are a fixed size on screen, so the farther out the zoom the fewer fit: the largest
    territories are named first (then the more valuable), each just above its garrison badge,
    else just below it, then a little to either side of those, then beside the badge (a two-digit
    one's width off), and a name (with its capital's
    star) that would touch another name, another star or an obstacle (the badges) is left out.
    ``bounds`` is the map's left and right edge: no name runs past them. ``taken`` (extended
    with what is placed) lets a second call place other text (codes) around the first's names.
    """
    placed = taken if taken is not None else []
    left, right = bounds
    labels: dict[str, pygame.Rect] = {}
    for plate in sorted(plates, key=lambda p: (-p.cells, -p.value, p.text)):
        width, height = font.size(plate.text)
        x, y = plate.anchor
        star = int(STAR_GAP + 2 * capital_radius(size) + 2) if plate.capital else 0
        badge_top = int(badge_centre(plate.anchor, size)[1] - badge_height / 2)
        above, below = badge_top - height - 3, badge_top + badge_height + 1
        # Above the badge, below it, then most of a hex to either side of those, last beside the badge.
        spots = [(0.0, above), (0.0, below)]
        spots += [(dx * size, top) for top in (above, below) for dx in (-0.9, 0.9)]
        beside = badge_height * 0.8 + 3 + width / 2
        spots += [(dx, badge_top + (badge_height - height) // 2 - 1) for dx in (beside, -beside - star)]
        for dx, top in spots:
            rect = pygame.Rect(0, 0, width + 2, height + 2)
            rect.midtop = (int(x + dx), top)
            rect.x = int(max(left + 1, min(rect.x, right - 4 - rect.width - star)))
            room = rect.union(star_rect(star_centre(rect, size), size)) if plate.capital else rect
            if room.collidelist(placed) == -1 and room.collidelist(obstacles) == -1:
                placed.append(room)
                labels[plate.territory] = rect
                break
    return labels


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
