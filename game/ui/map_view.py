"""The hex map: a camera, a cached base layer per zoom level, and cheap overlays.

Drawing 2,000 hex polygons every frame would blow the 8 ms frame budget, so the
territories, borders, terrain marks and names are drawn once per zoom level and
ownership state into a surface; a frame then blits that surface and draws only
what changes (hover, selection, targets, garrison badges, war fronts).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

import pygame

from game.core import Match
from game.core import world as w
from game.core.hexgrid import Cell, corners, edge_between, from_pixel, neighbours, to_pixel

BASE_SIZE = 30.0  # hex circumradius in pixels at zoom 1
ZOOM_STEPS = (0.45, 0.55, 0.7, 0.85, 1.0, 1.2, 1.45, 1.75, 2.1)
MAX_CACHE_PIXELS = 16_000_000

Colour = tuple[int, int, int]


def parse_colour(text: str) -> pygame.Color:
    return pygame.Color(text)


def mix(a: Iterable[int], b: Iterable[int], t: float) -> Colour:
    """Blend colour ``a`` toward ``b`` by ``t`` (0..1)."""
    av, bv = list(a)[:3], list(b)[:3]
    return (
        int(av[0] + (bv[0] - av[0]) * t),
        int(av[1] + (bv[1] - av[1]) * t),
        int(av[2] + (bv[2] - av[2]) * t),
    )


TERRAIN_TINT: dict[str, tuple[Colour, float]] = {
    "plains": ((235, 225, 190), 0.10),
    "forest": ((40, 90, 45), 0.22),
    "hills": ((150, 120, 80), 0.18),
    "mountains": ((110, 105, 100), 0.30),
    "urban": ((60, 60, 70), 0.12),
}


@dataclass
class Highlights:
    """What the match scene wants emphasised this frame."""

    selected: str | None = None
    hover: str | None = None
    move_targets: frozenset[str] = frozenset()
    attack_targets: frozenset[str] = frozenset()
    show_alliances: bool = False
    viewer_seat: int | None = None


class MapView:
    def __init__(self, match: Match, palette: dict[str, pygame.Color], rect: pygame.Rect) -> None:
        self.match = match
        self.palette = palette
        self.rect = pygame.Rect(rect)
        geo = match.index.geography
        self.cells: dict[str, list[Cell]] = geo.cells
        self.cell_territory = geo.cell_territory
        grid = match.level.map
        self.grid_cells = [(c, r) for r in range(grid.height) for c in range(grid.width)]
        xs, ys = zip(*(to_pixel(c, 1.0) for c in self.grid_cells), strict=True)
        self.world_min = (min(xs) - 1.0, min(ys) - 1.0)
        self.world_max = (max(xs) + 1.0, max(ys) + 1.0)
        self.anchor = {t: self._anchor_cell(t) for t in self.cells}
        self.zoom_index = ZOOM_STEPS.index(1.0)
        self.offset = pygame.Vector2(0, 0)  # screen position of world (0, 0), relative to rect
        self._cache: dict[tuple[int, tuple[tuple[str, str], ...]], pygame.Surface] = {}
        self._fonts: dict[int, pygame.font.Font] = {}
        self._colours = {n.id: parse_colour(n.colour) for n in match.level.nations}
        self.fit()

    # Geometry ---------------------------------------------------------------
    @property
    def zoom(self) -> float:
        return ZOOM_STEPS[self.zoom_index]

    @property
    def size(self) -> float:
        return BASE_SIZE * self.zoom

    def _anchor_cell(self, territory: str) -> Cell:
        """The cell nearest the territory's centroid: where its name and badge go."""
        cells = self.cells[territory]
        points = [to_pixel(c, 1.0) for c in cells]
        cx = sum(p[0] for p in points) / len(points)
        cy = sum(p[1] for p in points) / len(points)
        return min(cells, key=lambda c: (to_pixel(c, 1.0)[0] - cx) ** 2 + (to_pixel(c, 1.0)[1] - cy) ** 2)

    def _layer_origin(self) -> tuple[float, float]:
        """World coordinates (at this zoom) of the cached layer's top-left pixel."""
        return self.world_min[0] * self.size, self.world_min[1] * self.size

    def cell_to_screen(self, cell: Cell) -> tuple[float, float]:
        x, y = to_pixel(cell, self.size)
        return self.rect.x + self.offset.x + x, self.rect.y + self.offset.y + y

    def territory_centre(self, territory: str) -> tuple[float, float]:
        """Screen position of a territory's anchor: where tests and players click."""
        return self.cell_to_screen(self.anchor[territory])

    def cell_at(self, pos: tuple[float, float]) -> Cell | None:
        if not self.rect.collidepoint(pos):
            return None
        x = pos[0] - self.rect.x - self.offset.x
        y = pos[1] - self.rect.y - self.offset.y
        return from_pixel(x, y, self.size)

    def territory_at(self, pos: tuple[float, float]) -> str | None:
        cell = self.cell_at(pos)
        return self.cell_territory.get(cell) if cell is not None else None

    # Camera -----------------------------------------------------------------
    def set_rect(self, rect: pygame.Rect) -> None:
        self.rect = pygame.Rect(rect)
        self.clamp()

    def fit(self) -> None:
        """Largest zoom step at which the whole map fits, centred."""
        width = self.world_max[0] - self.world_min[0]
        height = self.world_max[1] - self.world_min[1]
        index = 0
        for i, z in enumerate(ZOOM_STEPS):
            if width * BASE_SIZE * z <= self.rect.width and height * BASE_SIZE * z <= self.rect.height:
                index = i
        self.zoom_index = index
        s = self.size
        self.offset.x = (self.rect.width - width * s) / 2 - self.world_min[0] * s
        self.offset.y = (self.rect.height - height * s) / 2 - self.world_min[1] * s

    def pan(self, dx: float, dy: float) -> None:
        self.offset.x += dx
        self.offset.y += dy
        self.clamp()

    def zoom_at(self, pos: tuple[float, float], steps: int) -> None:
        """Zoom by whole steps keeping the world point under ``pos`` fixed."""
        new_index = max(0, min(len(ZOOM_STEPS) - 1, self.zoom_index + steps))
        if new_index == self.zoom_index:
            return
        px, py = pos[0] - self.rect.x, pos[1] - self.rect.y
        wx, wy = (px - self.offset.x) / self.size, (py - self.offset.y) / self.size
        self.zoom_index = new_index
        self.offset.x = px - wx * self.size
        self.offset.y = py - wy * self.size
        self.clamp()

    def clamp(self) -> None:
        """Keep at least a third of the view on the map, so it can never be lost off-screen."""
        s = self.size
        left, top = self.world_min[0] * s, self.world_min[1] * s
        right, bottom = self.world_max[0] * s, self.world_max[1] * s
        margin_x, margin_y = self.rect.width / 3, self.rect.height / 3
        self.offset.x = min(max(self.offset.x, margin_x - right), self.rect.width - margin_x - left)
        self.offset.y = min(max(self.offset.y, margin_y - bottom), self.rect.height - margin_y - top)

    # Drawing ----------------------------------------------------------------
    def _font(self, size: int) -> pygame.font.Font:
        if size not in self._fonts:
            from game.ui.app import font_path

            self._fonts[size] = pygame.font.Font(font_path(bold=True), size)
        return self._fonts[size]

    def fill_colour(self, territory: str) -> Colour:
        m = self.match
        owner = m.owner[territory]
        base = self._nation_colour(owner)
        colour = (base.r, base.g, base.b)
        if owner not in m.seat_of:
            colour = mix(colour, (120, 120, 120), 0.35)  # the nations nobody plays, muted
        tint, amount = TERRAIN_TINT[m.index.terrain[territory]]
        return mix(colour, tint, amount)

    def _nation_colour(self, nation: str) -> pygame.Color:
        return self._colours.get(nation, pygame.Color(128, 128, 128))

    def base_layer(self) -> pygame.Surface:
        key = (self.zoom_index, tuple(sorted(self.match.owner.items())))
        layer = self._cache.get(key)
        if layer is None:
            # Ownership changed or a new zoom: drop stale layers of the old ownership.
            self._cache = {k: v for k, v in self._cache.items() if k[1] == key[1]}
            layer = self._render_base()
            self._cache[key] = layer
        return layer

    def _render_base(self) -> pygame.Surface:
        s = self.size
        ox, oy = self._layer_origin()
        width = int((self.world_max[0] - self.world_min[0]) * s) + 2
        height = int((self.world_max[1] - self.world_min[1]) * s) + 2
        layer = pygame.Surface((width, height), pygame.SRCALPHA)
        layer.fill(self.palette["sea"])
        owner = self.match.owner

        def local(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
            return [(x - ox, y - oy) for x, y in points]

        # Sea texture: faint hex outlines.
        for cell in self.grid_cells:
            if cell not in self.cell_territory:
                pygame.draw.polygon(layer, self.palette["sea_line"], local(corners(cell, s)), 1)
        fills = {t: self.fill_colour(t) for t in self.cells}
        for cell, territory in self.cell_territory.items():
            pygame.draw.polygon(layer, fills[territory], local(corners(cell, s)))
        # Borders: thin between territories, bold between nations, firm along coasts.
        thin = max(1, int(s / 22))
        bold = max(2, int(s / 9))
        for cell, territory in self.cell_territory.items():
            for other in neighbours(cell):
                other_territory = self.cell_territory.get(other)
                if other_territory == territory:
                    continue
                a, b = local(list(edge_between(cell, other, s)))
                if other_territory is None:
                    pygame.draw.line(layer, self.palette["territory_border"], a, b, bold)
                elif owner[other_territory] != owner[territory]:
                    pygame.draw.line(layer, self.palette["nation_border"], a, b, bold)
                else:
                    pygame.draw.line(layer, self.palette["territory_border"], a, b, thin)
        for territory in self.cells:
            self._terrain_mark(layer, territory, local)
        if s >= 20:
            self._labels(layer, ox, oy)
        return layer

    def _terrain_mark(self, layer: pygame.Surface, territory: str, local: object) -> None:
        """A small glyph per terrain on one non-anchor cell, so the map reads at a glance."""
        cells = self.cells[territory]
        anchor = self.anchor[territory]
        spots = [c for c in cells if c != anchor] or cells
        cell = spots[len(spots) // 2]
        s = self.size
        ox, oy = self._layer_origin()
        x, y = to_pixel(cell, s)
        x, y = x - ox, y - oy
        terrain = self.match.index.terrain[territory]
        ink = mix(self.fill_colour(territory), (0, 0, 0), 0.45)
        r = s * 0.28
        if terrain == "mountains":
            for dx in (-r * 0.6, r * 0.5):
                pygame.draw.polygon(
                    layer,
                    ink,
                    [(x + dx - r * 0.7, y + r * 0.5), (x + dx, y - r * 0.7), (x + dx + r * 0.7, y + r * 0.5)],
                )
        elif terrain == "hills":
            for dx in (-r * 0.55, r * 0.55):
                pygame.draw.arc(
                    layer, ink, (x + dx - r * 0.6, y - r * 0.3, r * 1.2, r * 1.0), 0, math.pi, max(1, int(s / 14))
                )
        elif terrain == "forest":
            for dx, dy in ((-r * 0.5, 0), (r * 0.5, 0), (0, -r * 0.55)):
                pygame.draw.circle(layer, ink, (x + dx, y + dy), r * 0.38)
        elif terrain == "urban":
            for dx, h in ((-r * 0.6, r * 0.7), (0, r * 1.1), (r * 0.6, r * 0.5)):
                pygame.draw.rect(layer, ink, (x + dx - r * 0.25, y + r * 0.5 - h, r * 0.5, h))

    def _labels(self, layer: pygame.Surface, ox: float, oy: float) -> None:
        font = self._font(max(10, int(self.size * 0.4)))
        ink, halo = self.palette["badge_text"], self.palette["label"]
        for territory in self.cells:
            name = self.match.index.territory_name[territory]
            x, y = to_pixel(self.anchor[territory], self.size)
            text = font.render(name, True, ink)
            shadow = font.render(name, True, halo)
            tx, ty = x - ox - text.get_width() / 2, y - oy - self.size * 0.62
            for dx, dy in ((-1, 0), (1, 0), (0, -1), (0, 1), (1, 1)):
                layer.blit(shadow, (tx + dx, ty + dy))
            layer.blit(text, (tx, ty))

    def draw(self, surface: pygame.Surface, highlights: Highlights) -> None:
        surface.fill(self.palette["background"], self.rect)
        clip = surface.get_clip()
        surface.set_clip(self.rect)
        ox, oy = self._layer_origin()
        surface.blit(self.base_layer(), (self.rect.x + self.offset.x + ox, self.rect.y + self.offset.y + oy))
        self._draw_overlays(surface, highlights)
        surface.set_clip(clip)

    def _outline(self, surface: pygame.Surface, territory: str, colour: pygame.Color | Colour, width: int) -> None:
        s = self.size
        cells = self.cells[territory]
        members = set(cells)
        for cell in cells:
            for other in neighbours(cell):
                if other not in members:
                    a, b = edge_between(cell, other, s)
                    dx, dy = self.rect.x + self.offset.x, self.rect.y + self.offset.y
                    pygame.draw.line(surface, colour, (a[0] + dx, a[1] + dy), (b[0] + dx, b[1] + dy), width)

    def _tint(self, surface: pygame.Surface, territory: str, colour: pygame.Color) -> None:
        s = self.size
        dx, dy = self.rect.x + self.offset.x, self.rect.y + self.offset.y
        for cell in self.cells[territory]:
            points = [(x + dx, y + dy) for x, y in corners(cell, s)]
            xs = [p[0] for p in points]
            ys = [p[1] for p in points]
            box = pygame.Rect(min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1)
            if not box.colliderect(self.rect):
                continue
            overlay = pygame.Surface(box.size, pygame.SRCALPHA)
            pygame.draw.polygon(overlay, colour, [(x - box.x, y - box.y) for x, y in points])
            surface.blit(overlay, box.topleft)

    def _draw_overlays(self, surface: pygame.Surface, h: Highlights) -> None:
        m = self.match
        width = max(2, int(self.size / 8))
        if h.show_alliances:
            for alliance in m.alliances.values():
                for member in alliance.members:
                    for territory in w.territories_of(m, member):
                        self._outline(surface, territory, self.palette["alliance_overlay"], max(1, width - 1))
        self._war_fronts(surface)
        if h.hover is not None:
            self._tint(surface, h.hover, self.palette["hover"])
        for territory in h.move_targets:
            self._outline(surface, territory, self.palette["move_target"], width)
        for territory in h.attack_targets:
            self._outline(surface, territory, self.palette["attack_target"], width)
        if h.selected is not None:
            self._outline(surface, h.selected, self.palette["selected"], width + 1)
        self._capitals(surface)
        self._badges(surface, h)

    def _war_fronts(self, surface: pygame.Surface) -> None:
        """Borders between nations at war, drawn as a red dashed line."""
        m = self.match
        if not m.wars:
            return
        s = self.size
        dx, dy = self.rect.x + self.offset.x, self.rect.y + self.offset.y
        colour = self.palette["war_front"]
        width = max(2, int(s / 7))
        for cell, territory in self.cell_territory.items():
            a_owner = m.owner[territory]
            for other in neighbours(cell):
                other_territory = self.cell_territory.get(other)
                if other_territory is None or other <= cell:
                    continue
                if frozenset((a_owner, m.owner[other_territory])) in m.wars:
                    (x1, y1), (x2, y2) = edge_between(cell, other, s)
                    for t0 in (0.0, 0.5):
                        t1 = t0 + 0.3
                        pygame.draw.line(
                            surface,
                            colour,
                            (x1 + (x2 - x1) * t0 + dx, y1 + (y2 - y1) * t0 + dy),
                            (x1 + (x2 - x1) * t1 + dx, y1 + (y2 - y1) * t1 + dy),
                            width,
                        )

    def _capitals(self, surface: pygame.Surface) -> None:
        s = self.size
        for territory, nation in self.match.index.capital_owner.items():
            x, y = self.cell_to_screen(self.anchor[territory])
            cx, cy = x + s * 0.62, y + s * 0.18
            r = max(4.0, s * 0.26)
            points = []
            for i in range(10):
                angle = math.pi / 2 + i * math.pi / 5
                radius = r if i % 2 == 0 else r * 0.45
                points.append((cx + radius * math.cos(angle), cy - radius * math.sin(angle)))
            held = self.match.owner[territory] == nation
            pygame.draw.polygon(surface, self.palette["capital"] if held else (140, 140, 140), points)
            pygame.draw.polygon(surface, (20, 20, 20), points, 1)

    def _badges(self, surface: pygame.Surface, h: Highlights) -> None:
        """Garrison strength on each territory: the owner's forces, then allied guests."""
        m = self.match
        s = self.size
        font = self._font(max(10, int(s * 0.5)))
        for territory in self.cells:
            forces = m.forces[territory]
            if not forces:
                continue
            x, y = self.cell_to_screen(self.anchor[territory])
            if not self.rect.collidepoint(x, y):
                continue
            owner = m.owner[territory]
            parts = [(owner, forces.get(owner, 0))] if forces.get(owner) else []
            parts += [(n, v) for n, v in sorted(forces.items()) if n != owner]
            bx = x - (len(parts) - 1) * s * 0.45
            for nation, amount in parts:
                text = font.render(str(amount), True, self.palette["badge_text"])
                r = max(text.get_width(), text.get_height()) / 2 + 3
                centre = (bx, y + s * 0.22)
                pygame.draw.circle(surface, self.palette["badge_bg"], centre, r)
                pygame.draw.circle(surface, self._nation_colour(nation), centre, r, max(2, int(s / 12)))
                surface.blit(text, (centre[0] - text.get_width() / 2, centre[1] - text.get_height() / 2))
                bx += s * 0.9
